"""correspDesc as data (issue 14, item 3): offices keyed by their routing indicator (the
station table), places that are places, no distribution codes among addressees."""

from __future__ import annotations

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
