"""A pasted cable's routing header gives the same facts as its page (issue 10, "every cable in
three forms"): the header's end is found where the page's header block ends, so the date,
sender, addressees and precedence are not lost when the text is pasted."""

from __future__ import annotations

import pytest

from convert.model import RawCable
from convert.normalize import normalize
from convert.normalize.rules.routing import classify
from convert.normalize.rules.ruler import Run
from convert.writers.json import record

HEAD = """VZCZCXRO0073
OO RUEHPA
DE RUEHAR #0590/01 3551302
ZNY CCCCC ZZH
{dtg}
FM AMEMBASSY ACCRA
TO RUEHC/SECSTATE WASHDC IMMEDIATE 5892
INFO RUEHAB/AMEMBASSY ABIDJAN IMMEDIATE 0776
{more}
C O N F I D E N T I A L ACCRA 000590

E.O. 12958: DECL: 12/20/2017
TAGS: PGOV GH
SUBJECT: A TEST

1. (C) Text of the cable.
"""


def rec(text: str) -> dict[str, object]:
    return record(normalize(RawCable(source="pasted.txt", form="text", body=text)))


def names(listed: object) -> list[str]:
    return [a["name"] for a in listed]  # type: ignore[attr-defined, index]


@pytest.mark.parametrize(
    "dtg",
    [
        "O 211302Z DEC 07 ZDK DUE TO SERVICES ZDK",
        "O 211302Z DEC 07 ZDK CTG NUMEROUS SERVICES",
        "O 211302Z DEC 07 ZUI RUEHZC #2834 2060936",
        "O 211302Z DEC 07 ZFR CTG RUEHSD 0060 3230357",
        "O 211302Z DEC 07     (CCY ADX1C30B8 ICTOQ0621-623)",
    ],
)
def test_a_dtg_line_with_a_relays_service_note_is_the_dtg(dtg: str) -> None:
    got = rec(HEAD.format(dtg=dtg, more=""))
    assert (got["id"], got["date"], got["from"], got["precedence"]) == (
        "07ACCRA590", "2007-12-21T13:02:00Z", "AMEMBASSY ACCRA", "IMMEDIATE"
    )
    assert names(got["to"]) == ["SECSTATE WASHDC"]
    assert names(got["info"]) == ["AMEMBASSY ABIDJAN"]


@pytest.mark.parametrize(
    "line", ["O 211302Z DEC 07 THE MINISTER SAID THAT THE TALKS", "R 211302Z DEC 07 ZEBRAS AND OTHER ANIMALS OF THE"]
)
def test_a_dtg_followed_by_text_is_no_dtg_line(line: str) -> None:
    assert classify(line, None, Run()) is None


def test_blank_lines_inside_the_addressee_list_do_not_end_the_header() -> None:
    # a page pasted: two blank lines (one of spaces) before a further INFO line, and a
    # further addressee with its routing indicator after a blank line
    more = "\n  \nINFO RUEHXK/ARAB ISRAELI COLLECTIVE\n\nRUEKJCS/SECDEF WASHDC\n"
    got = rec(HEAD.format(dtg="O 211302Z DEC 07", more=more))
    assert names(got["info"]) == ["AMEMBASSY ABIDJAN", "ARAB ISRAELI COLLECTIVE", "SECDEF WASHDC"]


def test_an_office_symbol_with_a_colon_is_an_addressee() -> None:
    more = "SECDEF WASHDC//USDP:PDUSDP/ISP:EUR// PRIORITY\nNSC WASHDC PRIORITY\n"
    got = rec(HEAD.format(dtg="O 211302Z DEC 07", more=more))
    assert names(got["info"]) == ["AMEMBASSY ABIDJAN", "SECDEF WASHDC//USDP:PDUSDP/ISP:EUR//", "NSC WASHDC"]


def test_a_field_after_the_header_is_no_addressee() -> None:
    got = rec(HEAD.format(dtg="O 211302Z DEC 07", more="").replace("TAGS: PGOV GH", "TAGS: PGOV GH\nREF: STATE 12"))
    assert names(got["info"]) == ["AMEMBASSY ABIDJAN"]


OLD_STYLE = """{first}

INFO  LOG-00   NP-00    AID-00   AMAD-00  CIAE-00  INL-00   USNW-00
      DODE-00  DS-00    EB-00    OIGO-00  UTED-00  VC-00    H-00
      SAS-00   SWCI-00    /000W
                  ------------------CDA50C  181236Z /38
FM AMEMBASSY GABORONE
TO SECSTATE WASHDC 1869
INFO SOUTHERN AFRICAN DEVELOPMENT COMMUNITY

UNCLAS GABORONE 000411

E.O. 12958: N/A
TAGS: PGOV BC
SUBJECT: A TEST

1. (U) Text of the cable.
"""


@pytest.mark.parametrize("first", ["ACTION AF-00", "ORIGIN DRL-00"])
def test_an_old_style_record_starting_with_its_action_office_has_its_header(first: str) -> None:
    got = rec(OLD_STYLE.format(first=first))
    assert (got["from"], got["origin"]) == ("AMEMBASSY GABORONE", "Embassy Gaborone")
    assert names(got["to"]) == ["SECSTATE WASHDC"]
    assert names(got["info"]) == ["SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"]


def test_the_distribution_blocks_count_and_serial_are_no_addressees() -> None:
    # a page's header block (kept apart by the page reader) with the distribution list's count
    # and the serial printed under it: they follow the INFO lines, but are no addressees
    text = OLD_STYLE.format(first="ACTION AF-00").replace("SWCI-00    /000W", "SWCI-00\n(TEDE) /000R\n\n\n029700")
    header, _, body = text.partition("\n\nUNCLAS")
    cable = normalize(RawCable(source="page.html", form="html", header=header, body="UNCLAS" + body))
    assert names(record(cable)["info"]) == ["SOUTHERN AFRICAN DEVELOPMENT COMMUNITY"]


def test_a_printouts_cable_text_label_above_the_header_is_not_the_cable() -> None:
    text = "Cable Text:                                    \n" + HEAD.format(dtg="O 211302Z DEC 07", more="")
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    got = record(cable)
    assert (got["id"], got["date"], got["from"]) == ("07ACCRA590", "2007-12-21T13:02:00Z", "AMEMBASSY ACCRA")
    # read as the head of the text, not from a routing block found further on
    assert not any("no routing header at the head of the text" in w for w in cable.warnings)


def test_a_level_before_a_transmission_id_is_no_banner() -> None:
    # a page that printed its routing header again in the text, after the level (09TRIPOLI417):
    # VZCZCXRO2956 is no station and serial, so no id 09VZCZCXRO2956
    from convert.normalize.banner import parse_banner

    assert parse_banner("SECRET  VZCZCXRO2956") is None
    banner = parse_banner("S E C R E T TRIPOLI 000417")
    assert banner is not None and (banner.station, banner.serial) == ("TRIPOLI", "000417")
