"""``blocks.cut``'s trigger search: needles found together by one pattern give the lines each
found alone gives (``needles.searches``)."""

from __future__ import annotations

import random

from convert.normalize.blocks import _Lines
from convert.normalize.needles import few_digits, searches

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


def test_few_digits_only_where_an_ascii_text_holds_fewer() -> None:
    assert few_digits("BEIJING 0000146 002 OF", 14)  # 13 digits
    assert not few_digits("BEIJING 00001463 002 OF 002", 14)
    assert not few_digits("\u0660" * 3, 14)  # other scripts' digits: not told, the pattern decides
    assert few_digits("", 1) and not few_digits("", 0)
