"""Stage "blocks", chain ``blocks.passes`` (after ``title-after-text``): a section title with its portion
marking on the paragraph's last line, read as a lettered item.

A title a cable marks (``(S/NF) Jamaat al-Dawa al-Quran wa al-Sunna``) that copying ran on to the end of the
paragraph before it, no blank line between, is cut off as a heading by ``title-after-text``. Marked ``(U)``,
``(C)`` or ``(S)``, its marking reads as a letter's label (``(C)``, an item after ``(A)`` and ``(B)``), so the
title became the paragraph's one list item: ``… the SAG's new fingerprinting system.`` / ``(U) Al-Haramain
Foundation`` / blank / ``¶10. …`` (10RIYADH61), printed as a line of the paragraph, and inside the summary's box
where the paragraph ends it (``… END SUMMARY.`` / ``(U) Taliban/Haqqani Network``).

``marked-title-item`` reads such an item as the next section's heading, its marking kept as written: the
paragraph's one item, one line, labelled by a portion marking, that reads as a title in mixed case (a few
words, a third of them capitalised at least, no sentence's end: ``title-after-text``'s measure), after a
paragraph whose text ends a sentence, before the numbered paragraph that follows it.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, Heading, Paragraph
from .blocks import PASSES
from .ruler import Run, note
from .runs import mixed_case, next_numbered
from .tailtitle import line_title

#: a portion marking read as an item's label: a letter's (``(U)``, ``(C)``, ``(S)``)
_MARKING_LABEL = re.compile(r"^\((?:U|C|S)\)$")


@PASSES.rule(
    "marked-title-item",
    after="title-after-text",
    note=note(
        "normalization",
        "A section title with its portion marking on the paragraph's last line ((U) Al-Haramain Foundation, "
        "read as a lettered item) before a numbered paragraph is the next section's heading, its marking kept.",
    ),
)
def marked_title_item(blocks: list[Block], run: Run) -> list[Block]:
    """``¶9. (S/NF) … in the Kingdom.`` / ``(U) Al-Haramain Foundation`` / ``¶10. …`` (10RIYADH61): the
    paragraph's one item, a title its marking labels, is a heading between ¶9 and ¶10."""
    if not mixed_case(blocks):
        return blocks
    out: list[Block] = []
    for index, block in enumerate(blocks):
        title = _marked_title(block) if isinstance(block, Paragraph) and next_numbered(blocks, index) else None
        if title is None or not isinstance(block, Paragraph):
            out.append(block)
            continue
        out += [dataclasses.replace(block, items=(), tokens=()), Heading((title,))]
    return out if len(out) != len(blocks) else blocks


def _marked_title(block: Paragraph) -> str | None:
    """The title (its marking first) where ``block``'s one item is a marked title after a finished sentence."""
    if len(block.items) != 1 or not block.lines:
        return None
    item = block.items[0]
    texts = [x for x in item.lines if isinstance(x, str)]
    last = block.lines[-1]
    if len(texts) != 1 or len(item.lines) != 1 or not _MARKING_LABEL.match(item.label) or not isinstance(last, str):
        return None
    if not last.rstrip().endswith((".", ".\"", ".\u201d", ".)")):
        return None  # (the paragraph's text must end a sentence: else the item may be a sentence going on)
    words = [item.label, *texts[0].split()]
    return " ".join(words) if line_title(words) else None
