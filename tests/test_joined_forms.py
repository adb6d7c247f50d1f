"""A text as a user's tool damaged it (issue 10, the forms' variants): a routing header whose
lines were joined into one (rule joined-routing), and a banner's line broken before its SECTION
with the level left at the end of the line above (rule banner-level-above). The record is the
one the undamaged text gives: the same id, date, sender and addressees; never another id."""

from __future__ import annotations

import re
from pathlib import Path

from convert.model import RawCable
from convert.normalize import normalize
from convert.writers.json import record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
JOINED = (FIXTURES / "joined-routing.txt").read_text(encoding="utf-8")
LEVEL_ABOVE = (FIXTURES / "banner-level-above.txt").read_text(encoding="utf-8")
FIELDS = ("id", "date", "origin", "from", "to", "info", "classification")


def rec(text: str) -> dict[str, object]:
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    return {**record(cable), "warnings": cable.warnings}


def _split_header(text: str) -> str:
    """The joined fixture's header on its lines again, as the teletype wrote them."""
    head, _, rest = text.partition("\n\nUNCLAS")
    for word in (" ZNR ", " P 07", " FM ", " TO ", " INFO ", " RUEHZA/"):
        head = head.replace(word, "\n" + word.strip() + (" " if word.endswith(" ") else ""), 1)
    return head + "\n\nUNCLAS" + rest


def test_a_joined_header_gives_what_its_lines_give() -> None:
    joined, lined = rec(JOINED), rec(_split_header(JOINED))
    assert "\nFM AMEMBASSY SAN JOSE\n" in _split_header(JOINED)
    assert [joined[f] for f in FIELDS] == [lined[f] for f in FIELDS]
    assert (joined["id"], joined["date"]) == ("08SANJOSE360", "2008-05-07T19:22:00Z")
    assert any("joined into one" in w for w in joined["warnings"])  # type: ignore[union-attr]


def test_a_joined_header_without_its_date_time_group_gives_no_date() -> None:
    got = rec(JOINED.replace("P 071922Z MAY 08 ZDK ", ""))
    assert got["date"] is None and got["id"] is None


def test_a_joined_line_in_the_text_is_not_the_header() -> None:
    # the same words as a paragraph of a cable whose header is whole are no header of it
    text = JOINED.split("\n\nUNCLAS", 1)[0]
    body = _split_header(JOINED) + "\n2. " + text.split("\n\n", 1)[1] + "\n"
    assert rec(body)["id"] == "08SANJOSE360"


def test_the_level_above_a_section_banner_gives_the_cables_id() -> None:
    broken, whole = rec(LEVEL_ABOVE), rec(re.sub(r"C O N F I D E N T I A L\n", "C O N F I D E N T I A L ",
                                                  LEVEL_ABOVE))
    assert broken["id"] == whole["id"] == "08BERN443"
    assert broken["classification"] == "CONFIDENTIAL"


def test_a_section_banner_without_a_level_anywhere_keeps_its_section_words() -> None:
    # cablegate's spelling for a banner that has no level (09SECTION01OF03SANJOSE525)
    got = rec(LEVEL_ABOVE.replace(" C O N F I D E N T I A L\n", "\n"))
    assert got["id"] == "08SECTION01OF03BERN443"
