"""The rules' whole-text prechecks (issue 9, speed) find what the line-by-line reading finds:
``run-on-paragraphs`` reads a line only where the joined text holds a number's full stop and
parenthesis after other text, ``text-table`` looks for a table only where as many lines as a
table has rows may hold a gap."""

from __future__ import annotations

import pytest

from convert.normalize.parsed import Furniture, ItemList, ListItem, Paragraph, TableLine
from convert.normalize.rules.ruler import Run
from convert.normalize.rules.runonparas import _inline, _inline_lines, run_on_paragraphs
from convert.normalize.rules.tables import _may_hold_table, text_table

LINES = [
    "1. (C) Summary: the talks went on.  2. (C) The minister said so.",
    "13. (C) A paragraph of its own; 250. (C) no paragraph (a digit before), SEE PARA 5. (SBU)",
    "  \u00b6 7. (U) at the line's start after its anchor, and 8.   (S//NF) here, then 9.    (C) not",
    "schools.11. (C) Under the Kirchner, 3.\t(c) written small; 4. (TS) at the end 12. (C)",
    "a 1 23. (C) after a lone digit; text 1.(U)",
    "",
    "(C) no number; 1234. (C) too long; \u00b3 5. (C) a superscript",
]


def test_inline_lines_finds_what_each_line_holds() -> None:
    found = _inline_lines(LINES)
    expected = {i: m for i, line in enumerate(LINES) if (m := _inline(line))}
    assert {i: [(m.start(), m["num"]) for m in ms] for i, ms in found.items()} == {
        i: [(m.start(), m["num"]) for m in ms] for i, ms in expected.items()
    }
    assert set(found) == {0, 1, 2, 3, 4, 6}


def test_inline_lines_reads_each_line_where_one_holds_a_line_break() -> None:
    lines = ["Text. 2. (C) More", "one\ntwo. 3. (C) x"]
    assert sorted(_inline_lines(lines)) == [0, 1]


def test_run_on_paragraphs_cuts_where_the_precheck_reads() -> None:
    lines = ["1. (C) First.", "", "2. (C) The second was made. 3. (SBU) Deputy chief editor said so.", "",
             "4. (C) Fourth, as in 14. (C) of the other (no sentence ends before it)."]
    assert run_on_paragraphs(lines) == [
        "1. (C) First.", "", "2. (C) The second was made.", "", "3. (SBU) Deputy chief editor said so.", "",
        "4. (C) Fourth, as in 14. (C) of the other (no sentence ends before it)."]
    plain = ["1. (C) First.", "", "2. (C) Second (a parenthesis). 10.5 (not a number)"]
    assert run_on_paragraphs(plain) is plain


@pytest.mark.parametrize(("lines", "may"), [
    (("a  b", "c  d", "e  f"), True),  # two spaces between short cells
    (("a.  B", "c.  D", "e  f"), False),  # two spaces after a full stop: a sentence's, no gap
    (("a.   B", "c.   D", "e.   f"), True),  # three spaces: a gap may stand there
    (("   indented", "   lines", "   only"), False),  # no character before the spaces
    (("a  b", "c  d"), False),  # fewer lines than a table's rows
    (("a  b", Furniture("page"), "c  d", "e  f"), True),
])
def test_may_hold_table(lines: tuple[str, ...], may: bool) -> None:
    assert _may_hold_table(lines) is may


def test_text_table_precheck_keeps_the_blocks() -> None:
    rows = ("Meknes      Ahmed Hilal          PAM", "Marrakesh   TBD                  PAM",
            "Tangier     Samir Abdelmoula     PAM")
    plain = [Paragraph(lines=("No table.  Two spaces after a stop.",), n=1)]
    assert text_table(plain, Run()) is plain
    in_item = [ItemList((ListItem("A.", rows),))]
    found = text_table(in_item, Run())
    assert isinstance(found[0], ItemList)
    assert all(isinstance(x, TableLine) for x in found[0].items[0].lines)
