"""correspDesc as data (issue 14, item 3): offices keyed by their routing indicator (the
station table), places that are places, no distribution codes among addressees."""

from __future__ import annotations

import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.normalize import normalize

#: a 1970s header: the distribution office's codes and a dashed rule before the DTG
HEADER_73 = """PAGE 01 TEHRAN 05461 271458Z
ACTION NEA-12
INFO OCT-01 ISO-00 LOG-00 NP-00 /038 W
------------------8A8E0D 271459Z /38
R 271459Z JUN 73
FM AMEMBASSY TEHRAN
TO SECSTATE WASHDC 1234
INFO AMEMBASSY LONDON
"""
BODY_73 = """C O N F I D E N T I A L TEHRAN 5461

E.O. 11652: GDS
TAGS: PFOR IR
SUBJECT: A TEST

1. TEXT OF THE CABLE.

HELMS
"""
STATE = """VZCZCXYZ0002
PP RUEHWEB
DE RUEHC #8250 1821729
ZNY SSSSS ZZH
P 011706Z JUL 09
FM SECSTATE WASHDC
TO RUEHRL/AMEMBASSY BERLIN PRIORITY 0000

S E C R E T STATE 068250

E.O. 12958: DECL: 07/01/2034
TAGS: PARM GM
SUBJECT: A TEST

1. (S) Text.

CLINTON
"""


def _corresp(tei: etree._Element, path: str) -> list[etree._Element]:
    return tei.xpath("//t:correspDesc/" + path, namespaces=NS)  # type: ignore[no-any-return]


def test_distribution_codes_and_dashes_are_no_addressees(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    tei = normalize(RawCable("t.txt", "text", BODY_73, header=HEADER_73)).tei
    info = ["".join(n.itertext()) for n in _corresp(tei, "t:correspAction[@subtype='info']/t:orgName")]
    assert info == ["AMEMBASSY LONDON"]
    # the codes stay in the text, as written
    assert "LOG-00" in "".join(tei.xpath("//t:text", namespaces=NS)[0].itertext())
    # addressees without a routing prefix get the indicator the station table knows
    keys = [n.get("key") for n in _corresp(tei, "t:correspAction[@type='received']/t:orgName")]
    assert keys == ["RUEHC", "RUEHLO"]
    # an embassy the table does not know: its city, from the origin name
    assert ["".join(p.itertext()) for p in _corresp(tei, "t:correspAction[@type='sent']/t:placeName")] == ["Tehran"]
    assert_valid_tei(tei)


def test_the_department_is_an_office_in_washington_not_a_place(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    tei = normalize(RawCable("t.txt", "text", STATE)).tei
    [office] = _corresp(tei, "t:correspAction[@type='sent']/t:orgName")
    assert (office.text, office.get("key")) == ("SECSTATE WASHDC", "RUEHC")
    assert [p.text for p in _corresp(tei, "t:correspAction[@type='sent']/t:placeName")] == ["Washington"]
    assert_valid_tei(tei)


# ---------------------------------------------------------------- a partial extract's repeated header
#: a partial extract (no routing header of its own) whose text repeats the routing header
#: before its second section, as 02ROME3639 and 03ROME2045 do
PARTIAL = """C O N F I D E N T I A L SECTION 01 OF 02 ROME 003639

E.O. 12958: DECL: 07/19/2012
TAGS: PGOV IT
SUBJECT: A PARTIAL EXTRACT

1. (C) THE FIRST SECTION, WHICH STOPS IN THE MIDDLE OF A

                           CONFIDENTIAL     PTQ4581

PAGE 01        ROME  03639  02 OF 02  231627Z
{block}

C O N F I D E N T I A L SECTION 02 OF 02 ROME {serial}

SENTENCE, AND THE SECOND, WHICH FINISHES IT.

SEMBLER
"""
REPEATED = """P 231625Z JUL 02
FM AMEMBASSY ROME
TO SECSTATE WASHDC PRIORITY 5040
INFO AMCONSUL MILAN"""


def _partial(block: str = REPEATED, serial: str = "003639", header: str | None = None) -> etree._Element:
    body = PARTIAL.format(block=block, serial=serial)
    return normalize(RawCable("p.txt", "text", body, header=header)).tei


def _words(node: etree._Element) -> list[str]:
    return " ".join(node.itertext()).split()


def test_a_partial_extract_takes_fm_and_to_from_its_repeated_header(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    tei = _partial()
    assert_valid_tei(tei)
    sent = _corresp(tei, "t:correspAction[@type='sent']/t:orgName")
    action = _corresp(tei, "t:correspAction[@type='received'][@subtype='action']")
    info = _corresp(tei, "t:correspAction[@type='received'][@subtype='info']")
    assert ["".join(n.itertext()) for n in sent] == ["AMEMBASSY ROME"]
    assert [["".join(o.itertext()) for o in a] for a in action + info] == [["SECSTATE WASHDC"], ["AMCONSUL MILAN"]]
    # provenance: each points at the block of the text that holds the repeated lines, which keeps them
    pointers = {n.get("source") for n in sent + action + info}
    assert len(pointers) == 1
    (pointer,) = pointers
    assert pointer is not None
    block = tei.xpath("//*[@xml:id=$id]", id=pointer[1:], namespaces=NS)
    assert len(block) == 1 and block[0].tag == f"{{{NS['t']}}}p"
    text = " ".join(_words(block[0]))
    assert "P 231625Z JUL 02 FM AMEMBASSY ROME TO SECSTATE WASHDC PRIORITY 5040 INFO AMCONSUL MILAN" in text
    # the editorial declaration says what was done
    decl = " ".join(_words(tei.xpath("//t:editorialDecl", namespaces=NS)[0]))
    assert "read from the routing block the text repeats" in decl
    # the date-time group is the cable's own too (issue 10: the header facts, rule later-routing)
    dates = _corresp(tei, "t:correspAction[@type='sent']/t:date")
    assert [d.get("when") for d in dates] == ["2002-07-23T16:25:00Z"]


def test_a_cable_quoted_in_the_text_gives_no_addressees() -> None:
    # the same lines, but what follows them is no banner of this cable's next section
    for block, serial in ((REPEATED + "\n\nBEGIN TEXT: THE QUOTED CABLE.", "003639"), (REPEATED, "004242")):
        tei = _partial(block, serial)
        assert not _corresp(tei, "t:correspAction[@type='received']"), (block, serial)
        assert not _corresp(tei, "t:correspAction[@type='sent']/t:orgName")
    # a repeated header with no TO line names no addressee (its FM line is still the cable's)
    tei = _partial("P 231625Z JUL 02\nFM AMEMBASSY ROME")
    assert not _corresp(tei, "t:correspAction[@type='received']")


def test_a_head_with_fm_and_to_keeps_its_own() -> None:
    header = "P 231625Z JUL 02\nFM AMEMBASSY ROME\nTO AMEMBASSY PARIS 0001\n"
    tei = _partial(header=header)
    action = _corresp(tei, "t:correspAction[@type='received'][@subtype='action']/t:orgName")
    assert ["".join(n.itertext()) for n in action] == ["AMEMBASSY PARIS"]
    assert not tei.xpath("//*[@source and not(self::t:date)]", namespaces=NS)


# ---------------------------------------------------------------- the place of sending on the cable's date
@pytest.mark.parametrize(("sender", "dtg", "place"), [
    ("AMEMBASSY SAIGON", "281848Z DEC 66", "Saigon"),  # Ho Chi Minh City only from 1976
    ("AMCONSUL BOMBAY", "160930Z MAR 82", "Bombay"),  # Mumbai from 1995
    ("AMCONSUL MUMBAI", "160930Z MAR 09", "Mumbai"),
    ("USLO PEKING", "190815Z NOV 73", "Peking"),  # Beijing from 1979
])
def test_the_place_of_sending_is_named_as_on_the_cables_date(sender: str, dtg: str, place: str) -> None:
    text = f"R {dtg}\nFM {sender}\nTO SECSTATE WASHDC\nBT\nUNCLAS\n\nSUBJECT: X\n\n1. TEXT.\n"
    tei = normalize(RawCable("t.txt", "text", text)).tei
    assert [p.text for p in _corresp(tei, "t:correspAction[@type='sent']/t:placeName")] == [place]
