"""Prechecks that spare a rule's per-line patterns (session 24): each answers "nothing here"
only where the patterns it stands before would find nothing."""

from __future__ import annotations

import random
import re

from convert import vocab
from convert.normalize import banner
from convert.normalize.rules import splitnumber


def test_banner_starts_are_the_characters_its_patterns_begin_with() -> None:
    firsts = {level[0] for level in vocab.LEVELS} | {"U", "S"}  # UNCLAS, SECTION
    pattern = re.compile(f"[{''.join(sorted(firsts))}]", re.I)
    expected = {chr(i) for i in range(0x110000) if pattern.match(chr(i))}
    assert banner._STARTS == expected
    assert banner.parse_banner("ſECRET STATE 037561") is not None  # (re.I: ſ is s)
    assert banner.parse_banner("XSECRET STATE 037561") is None


def test_figure_ends_search_finds_every_line_the_figure_pattern_finds() -> None:
    rng = random.Random(5)  # noqa: S311  (test data)
    alphabet = ["1", "0", "9", " ", "\t", "\u00a0", "A", ".", "\n", "\r"]
    for _ in range(4000):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 4))]
        any_line = any(splitnumber._LAST_FIGURE.search(line.rstrip()) for line in lines)
        if any_line:
            assert splitnumber._FIGURE_ENDS.search("\n".join(lines) + "\n"), lines


def test_split_number_rejoined_after_the_precheck() -> None:
    lines = ["9. (C) Ninth.", "", "PKO/HAITI --------- 1", "", "0. (C) Tenth."]
    expected = ["9. (C) Ninth.", "", "PKO/HAITI ---------", "", "10. (C) Tenth."]
    assert splitnumber.split_paragraph_number(lines) == expected
    plain = ["9. (C) Ninth.", "", "0. (C) Tenth."]
    assert splitnumber.split_paragraph_number(plain) is plain
