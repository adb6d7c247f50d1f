"""``blocks.cut``'s trigger search: needles found together by one pattern give the lines each
found alone gives (``needles.searches``)."""

from __future__ import annotations

import random
import re

from convert.normalize.blocks import _Lines
from convert.normalize.needles import no_page_number, searches
from convert.normalize.rules.pagecut import PAGE_IN_LINE

_NEEDLES = ("-0", "-1", "----", "Z ", *(f"{d}W" for d in "0123456789"))


def test_two_character_needles_with_one_end_are_one_pattern() -> None:
    alone, patterns = searches(_NEEDLES)
    assert alone == ("-0", "-1", "----", "Z ")
    assert len(patterns) == 1
    assert searches(("a]", "b]")) == (("a]", "b]"), ())  # two: searched alone
    (pattern,) = searches(("a]", "^]", "\\]"))[1]
    assert [m.start() for m in pattern.finditer("a] ^] \\] x]")] == [1, 4, 7]


def test_lines_holding_needles_are_those_holding_one() -> None:
    rng = random.Random(3)  # noqa: S311  (test data)
    alphabet = "0123456789WZ -xA"
    for _ in range(3000):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(rng.randint(1, 8))]
        expected = [i for i, line in enumerate(lines) if any(n in line for n in _NEEDLES)]
        assert _Lines(lines).holding(_NEEDLES) == expected, lines


def test_no_page_number_only_where_a_text_cannot_hold_one() -> None:
    assert no_page_number("BEIJING 0000146 002 OF 003")  # seven digits before the space
    assert no_page_number("BEIJING 00001463 02 OF 02")  # 13 digits
    assert no_page_number("BEIJING 00001463.002 OF 002")  # no space after eight digits
    assert not no_page_number("BEIJING 00001463 002 OF 002")
    assert not no_page_number("said 12345678  1 OF 00001")
    assert not no_page_number("\u0660" * 20)  # other scripts' digits: not told, the pattern decides
    assert no_page_number("\u00b62. (C) The \u2019said\u201d 002 OF 003 said")  # (a pilcrow, quotation marks)
    assert not no_page_number("\u00b62. (C) BEIJING 00001463 002 OF 002")
    for first, last in ((0x80, 0x100), (0x2000, 0x3000)):  # (the characters whose first byte is not told apart)
        assert not any(re.match(r"\d", chr(c)) for c in range(first, last))
    assert no_page_number("")
    rng = random.Random(3)  # noqa: S311  (test data)
    pieces = ["0", "1", "9", "002", "00001463", "00001463 002 OF 003", "12345678  1.5 of 004", "00001463 02 Of 003",
              "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668 002 OF 003", "\u0661", "\U0001d7ce", "\u00b6",
              "\u2019", "\ud800", " ", "  ", "OF", "of", "Of", ".5", "x", "\n", "BEIJING "]
    held = 0
    for _ in range(30000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        if no_page_number(text):
            assert PAGE_IN_LINE.search(text) is None, text
        else:
            held += PAGE_IN_LINE.search(text) is not None
    assert held > 500
