"""A text printed double-spaced (issue 10: the page and the text pasted from it agree, and
a numbered paragraph holds all its lines, not its first one)."""

from __future__ import annotations

from pathlib import Path

from convert.model import RawCable
from convert.normalize import normalize
from convert.normalize.rules.spacing import double_spaced
from convert.writers.json import record

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "rules" / "double-spaced.txt"
LINE = "the Governor described the relations as cordial and said that"  # 62 characters


def lines_of(text: str) -> list[str]:
    return [line.rstrip() for line in text.split("\n")]


def test_a_double_spaced_paragraph_holds_all_its_lines() -> None:
    paragraphs = record(normalize(RawCable(source="x.txt", form="text", body=FIXTURE.read_text())))["paragraphs"]
    assert [p["n"] for p in paragraphs] == [1, 2, 3, 4]  # type: ignore[index]
    assert paragraphs[1]["text"].endswith("led by the tourism and agriculture sectors.")  # type: ignore[index]


def test_one_blank_line_fewer_from_the_first_numbered_paragraph_to_the_last_line_of_text() -> None:
    body = ["1. (C) " + LINE, "", *([LINE, ""] * 5), "", "2. (C) " + LINE, "", *([LINE, ""] * 5), "", "SMITH", "", ""]
    lines = ["SUBJECT: A TEST", "", "LINE OF A SUBJECT", "", *body]
    got = double_spaced(lines)
    assert got[:5] == ["SUBJECT: A TEST", "", "LINE OF A SUBJECT", "", "1. (C) " + LINE]  # the preamble as it stands
    assert got[5:11] == [LINE] * 5 + [""]  # a paragraph's lines join; two blank lines between paragraphs: one
    assert got[-4:] == ["", "SMITH", "", ""]  # after the last line of text: as it stands


def test_texts_that_are_not_double_spaced_are_left_as_they_are() -> None:
    wrapped = ["1. (C) " + LINE, *([LINE] * 11), "", "2. (C) " + LINE, *([LINE] * 5)]
    one_line_paragraphs = [x for n in range(1, 13) for x in (f"{n}. (C) {LINE * 3}", "")]
    short_paragraphs = [x for n in range(1, 13) for x in (f"{n}. (C) {LINE}", "")]  # no run of two blank lines
    unnumbered = [x for x in ([LINE, ""] * 6 + [""]) * 2]
    for lines in (wrapped, one_line_paragraphs, short_paragraphs, unnumbered):
        assert double_spaced(lines) is lines
