"""Chain ``lines.lines`` (continued from :mod:`.lines`): a paragraph number of two figures that a
wrap split after its first.

A copy that broke the line inside a paragraph's number leaves its first figure at the end of the
line before and the rest at the start of the paragraph: ``PKO/HAITI --------- 1`` / blank /
``¶0. (C) Zaluar announced …`` (04BRASILIA1291: paragraph 10, after 9), ``… controlled by the
government. 1`` / blank / ``¶2. (U) Since the 1980s …`` (06BRASILIA478: paragraph 12, after
11). Read as they stand, the paragraph is numbered 0 or 2, out of order, and the figure stays in
the text before it. The figure goes back to the number.
"""

from __future__ import annotations

import re

from .lines import LINES
from .ruler import note

#: a paragraph's number (one figure) with its portion marking at a line's start
_ONE_FIGURE = re.compile(r"^(?P<pilcrow>\s*¶?)(?P<n>\d)\.\s*\(")
#: a numbered paragraph's line (its number)
_NUMBERED = re.compile(r"^\s*¶?(?P<n>\d{1,2})\.\s")
#: what both begin with: a line without it is neither (one match for most lines, not two)
_HEAD = re.compile(r"^\s*¶?\d{1,2}\.")
#: a figure alone at a line's end, after other words
_LAST_FIGURE = re.compile(r"\S\s+(?P<figure>[1-9])$")
#: in the lines joined, each followed by a line break: a line that ends in a figure after white
#: space, or in white space (what it ends in once stripped is not told here). Where no line
#: does, ``_LAST_FIGURE`` finds nothing in any line stripped. It begins with the line break, a
#: literal ``re`` skips to in C (a class it would try at every character).
_FIGURE_ENDS = re.compile(r"\n(?:(?<=\s[1-9]\n)|(?<=[^\S\n]\n))")
#: how many blank lines may stand between the two halves
_GAP = 2


@LINES.rule(
    "split-paragraph-number",
    note=note(
        "normalization",
        "A paragraph number a wrap split after its first figure (PKO/HAITI --------- 1 / 0. (C) …, after "
        "paragraph 9) is one number again: the figure moves from the end of the line before to the number.",
    ),
)
def split_paragraph_number(lines: list[str]) -> list[str]:
    """``PKO/HAITI --------- 1`` / (blank) / ``¶0. (C) …``: a paragraph numbered with one figure
    and a portion marking, out of order, after a line (up to two blank lines before it) that ends
    in one figure after other words, where that figure and the number make the number after the
    last paragraph's (9, then 1 and 0: 10), takes the figure: the line before loses it."""
    if _FIGURE_ENDS.search("\n".join(lines) + "\n") is None:
        return lines  # no line ends in one figure after other words: no number to take back
    out = lines
    last = None  # the last paragraph number met
    for index, line in enumerate(lines):
        if _HEAD.match(line) is None:
            continue
        numbered = _NUMBERED.match(line)
        one = _ONE_FIGURE.match(line)
        if one and last is not None:
            back = index - 1
            while back >= 0 and index - back <= _GAP and not out[back].strip():
                back -= 1
            if back >= 0 and joined_number(out[back], int(one["n"]), last) is not None:
                if out is lines:
                    out = list(lines)
                figure = _LAST_FIGURE.search(out[back].rstrip())
                assert figure is not None
                out[back] = out[back].rstrip()[: figure.start("figure")].rstrip()
                out[index] = one["pilcrow"] + figure["figure"] + line[one.end("pilcrow") :]
                last += 1
                continue
        if numbered:
            last = int(numbered["n"])
    return out


def joined_number(before: str, n: int, last: int | None) -> int | None:
    """The number a wrap split after its first figure: ``last + 1`` where ``n`` (one figure) is
    not it and the line ``before`` the paragraph ends in one figure after other words that with
    ``n`` makes it (``PKO/HAITI --------- 1`` and 0 after 9: 10); None otherwise. (The paragraph
    audit reads the pages' anchors so: the site anchored the number as split, ``¶0.``.)"""
    if last is None or n > 9 or n == last + 1:
        return None
    figure = _LAST_FIGURE.search(before.rstrip())
    if figure is None or int(figure["figure"] + str(n)) != last + 1:
        return None
    return last + 1
