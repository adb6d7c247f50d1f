"""Stage "blocks", chain ``blocks.passes``: a quoted letter's closing, one line to a line.

A cable that quotes a letter ends the quotation with the letter's closing, one item to a line:
``Sincerely yours,`` / ``Federico Carillo Zurcher`` / ``Minister of Finance`` (05SANJOSE2186),
``Sincerely yours,`` / ``Michael E. Ranneberger`` / ``Ambassador`` (08NAIROBI378). Joining the
paragraph's lines ran them together: ``Sincerely yours, Federico Carillo Zurcher Minister of
Finance``, the name and the title no longer told apart.

``letter-closing`` (after ``entry-lines``) keeps such a paragraph's lines apart, as the items of a
list without labels (``entry-lines``' form): an unnumbered, unmarked paragraph of two to four lines
whose first is a valediction alone (``Sincerely,``, ``Yours sincerely``, ``Respectfully,``, ``Best
regards,``) and whose others are short lines that begin with a capital and hold no sentence (a
name, a title, an office; a title may end with a full stop: ``Prime Minister.``). Not the text's
last paragraph, where the closing stage looks for the cable's own signer.
"""

from __future__ import annotations

import re

from ..parsed import Block, ItemList, ListItem, Paragraph
from .blocks import PASSES, para_start
from .entries import SENTENCE_INSIDE  # (and entry-lines, which this pass follows, registered first)
from .ruler import Run, note
from .runs import ITEM_START

#: a letter's valediction alone on its line (``Sincerely yours,``, ``Very truly yours``, ``Best regards,``)
_VALEDICTION = re.compile(
    r"^\s*(?:(?:very\s+)?(?:sincerely|truly|respectfully|cordially|faithfully)(?:\s+yours)?"
    r"|yours(?:\s+(?:sincerely|truly|faithfully|respectfully))?"
    r"|(?:with\s+)?(?:best|kind|kindest|warm|warmest)\s+(?:regards|wishes)|regards)\s*,?\s*$",
    re.I,
)
#: the longest line of a closing (a name, a title, an office)
_MAX_CHARS = 80


def _closing_line(text: str) -> bool:
    """A name's, a title's or an office's line: short, begins with a capital, no sentence inside
    it, no item label or paragraph number."""
    line = text.strip()
    return (
        0 < len(line) <= _MAX_CHARS
        and line[0].isupper()
        and not SENTENCE_INSIDE.search(line)
        and line[-1:] not in "!?;:"
        and not ITEM_START.match(line)
        and not para_start(line)
    )


def closing_lines(block: Paragraph) -> list[str] | None:
    """The lines of a letter's closing (the valediction first), or None."""
    if block.n is not None or block.marking is not None or block.items or not 2 <= len(block.lines) <= 4:
        return None
    lines = [x for x in block.lines if isinstance(x, str)]
    if len(lines) != len(block.lines) or not _VALEDICTION.match(lines[0]):
        return None
    return lines if all(map(_closing_line, lines[1:])) else None


@PASSES.rule(
    "letter-closing",
    after="entry-lines",
    note=note(
        "normalization",
        "A quoted letter's closing (Sincerely yours, / the name / the title) keeps its lines apart, one to a line "
        "as the letter sets them, not run together.",
    ),
)
def letter_closing(blocks: list[Block], run: Run) -> list[Block]:
    """``Sincerely yours,`` / ``Federico Carillo Zurcher`` / ``Minister of Finance`` (05SANJOSE2186):
    a paragraph that is a letter's valediction and the lines under it (a name, a title), not the
    text's last, is a list of those lines without labels, one to a line."""
    last = max((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), default=-1)
    out = list(blocks)
    for index, block in enumerate(blocks):
        if index == last or not isinstance(block, Paragraph):
            continue
        lines = closing_lines(block)
        if lines is not None:
            out[index] = ItemList(tuple(ListItem("", (line,)) for line in lines))
    return out if out != blocks else blocks
