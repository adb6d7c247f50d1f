"""An id whose serial only the DE line gives (rule department-de-serial, issue 10): the DE line
carries a telegram's number cut to its last four digits. A post's id made from it stands; the
Department's (six-digit numbers) takes the whole number the text writes, else no id: never
another telegram's id."""

from __future__ import annotations

from pathlib import Path

from convert.model import RawCable
from convert.normalize import normalize
from convert.writers.json import record

FIXTURE = (Path(__file__).resolve().parent / "fixtures" / "rules" / "department-de-serial.txt").read_text(
    encoding="utf-8"
)
HEADER = """VZCZCXRO7572
DE {station} #{serial}/01 2682315
ZNY CCCCC ZZH
P 252301Z SEP 07
FM {sender}
TO RUEHC/SECSTATE WASHDC PRIORITY 2612

1. (C) A body pasted without its banner: no serial but the DE line's.

RICE
"""


def rec(text: str) -> dict[str, object]:
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    return {**record(cable), "warnings": cable.warnings}


def test_the_department_takes_the_whole_number_its_row_writes() -> None:
    got = rec(FIXTURE)
    assert got["id"] == "07STATE135395"
    assert any("last four digits" in w and "07STATE135395" in w for w in got["warnings"])  # type: ignore[union-attr]


def test_the_department_without_its_whole_number_has_no_id() -> None:
    got = rec(HEADER.format(station="RUEHC", serial="5395", sender="SECSTATE WASHDC"))
    assert got["id"] is None
    assert any("cannot be told" in w for w in got["warnings"])  # type: ignore[union-attr]


def test_a_written_id_with_other_last_digits_is_not_taken() -> None:
    text = FIXTURE.replace("07STATE135395", "07STATE135396")
    # the banner after the tab is the dump's: without it, the row's id is another number
    got = rec(text.replace("\tC O N F I D E N T I A L STATE 135395", ""))
    assert got["id"] is None


def test_a_posts_id_from_its_de_serial_stands() -> None:
    got = rec(HEADER.format(station="RUEHSW", serial="0443", sender="AMEMBASSY BERN"))
    assert got["id"] == "07BERN443"
    assert not any("last four digits" in w for w in got["warnings"])  # type: ignore[union-attr]


CUT = (Path(__file__).resolve().parent / "fixtures" / "rules" / "banner-serial-cut.txt").read_text(encoding="utf-8")


def test_a_banner_serial_that_lost_its_last_digit_takes_the_de_lines() -> None:
    got = rec(CUT)
    assert got["id"] == "10TRIPOLI112"
    assert any("lost its last digit" in w for w in got["warnings"])  # type: ignore[union-attr]
    assert not any("the banner's is kept" in w for w in got["warnings"])  # type: ignore[union-attr]


def test_an_older_five_digit_banner_serial_is_its_number() -> None:
    # a 1980s banner writes five digits: BEIRUT 01013 under DE RUEHBL #1013 is 1013, not cut
    old = CUT.replace("#0112", "#1013").replace("TRIPOLI 00011", "TRIPOLI 01013")
    assert rec(old)["id"] == "10TRIPOLI1013"


def test_a_banner_serial_the_de_line_does_not_begin_with_gives_way_under_its_own_posts_fm_line() -> None:
    # banner-serial-other: NAIROBI 004428 under DE RUEHNR #4427 and FM AMEMBASSY NAIROBI (a
    # corrected copy); the corpus's four such pages all carry the DE line's number as their id
    other = rec(CUT.replace("TRIPOLI 00011", "TRIPOLI 00093"))
    assert other["id"] == "10TRIPOLI112"
    assert any("00093 is not the DE line's #0112" in w for w in other["warnings"])  # type: ignore[union-attr]
    # under another post's FM line the banner is another cable's text: its number is kept, said
    moved = rec(CUT.replace("TRIPOLI 00011", "TRIPOLI 00093").replace("FM AMEMBASSY TRIPOLI", "FM AMEMBASSY TUNIS"))
    assert moved["id"] == "10TRIPOLI93"
    assert not any("DE line's" in w and "is read" in w for w in moved["warnings"])  # type: ignore[union-attr]
