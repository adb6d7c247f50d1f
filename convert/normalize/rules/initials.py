"""Chain ``blocks.passes`` (continued from :mod:`.passes`): a name's initial at a paragraph's
start is no list item.

``¶1. (SBU) E. Anthony Wayne, Assistant Secretary of State …`` (06SAOPAULO428), ``¶10. (SBU) M.
Wallenius briefed …`` (``M.`` for Monsieur): a capital letter and a full stop at the start of a
line look like a lettered list's label, so the paragraph's whole text was read as item E of a
list with no items A to D. A lettered list runs A, B, C …: its later letters follow the one
before somewhere earlier in the cable (``¶10. (U) A. Develop three …`` then ``¶13. (U) B.
Strengthen the …``), where an initial's letter follows nothing.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsed import Block, ItemList, ListItem, Paragraph
from .blocks import PASSES
from .ruler import Run, note

#: a lettered list's label after A: a capital letter and its full stop
_LATER_LETTER = re.compile(r"[B-Z]\.")


@PASSES.rule(
    "initial-not-item",
    after="attach-lists",
    note=note(
        "normalization",
        "A capital letter and a full stop that open a numbered paragraph's text (¶1. (SBU) E. Anthony Wayne, "
        "Assistant Secretary …) are a name's initial, not a list's label, when no item labelled with the letter "
        "before it comes earlier in the cable.",
    ),
)
def initial_not_item(blocks: list[Block], run: Run) -> list[Block]:
    """A numbered paragraph whose text is all list items, the first labelled with a capital
    letter after A (``E.``), where no item of the cable before it is labelled with the letter
    before (``D.``) and none of its own with the letter after (``F.``): the label is a name's
    initial, and the item's text is the paragraph's, the initial in front as written."""
    out: list[Block] | None = None
    seen: set[str] = set()  # the item labels before the block read
    for index, block in enumerate(blocks):
        items = block.items if isinstance(block, Paragraph | ItemList) else ()
        if isinstance(block, Paragraph) and _initial(block, seen):
            out = out or list(blocks)
            out[index] = _as_text(block)
        seen.update(item.label for item in items)
    return out if out is not None else blocks


def _initial(block: Paragraph, seen: set[str]) -> bool:
    """Whether ``block`` is a numbered paragraph with no text of its own before its first item,
    whose label is a letter after A that follows no earlier item and that no item of its own
    continues."""
    if block.n is None or not block.items or any(isinstance(x, str) and x.strip() for x in block.lines):
        return False
    label = block.items[0].label
    if not _LATER_LETTER.fullmatch(label) or not block.items[0].lines:
        return False
    before, after = f"{chr(ord(label[0]) - 1)}.", f"{chr(ord(label[0]) + 1)}."
    return before not in seen and all(item.label != after for item in block.items[1:])


def _as_text(block: Paragraph) -> Paragraph:
    """``block`` with its first item's text as its own, the label in front."""
    first: ListItem = block.items[0]
    head, *rest = first.lines
    if not isinstance(head, str):
        return block
    lines = (*(x for x in block.lines if not isinstance(x, str)), f"{first.label} {head}", *rest)
    return replace(block, lines=lines, items=block.items[1:])
