"""Helper of stage "blocks" (no rules here): a line that ends a list of one-line entries.

A cable lists names or items one to a block (a blank line after each), its last entry right before the
next numbered paragraph: ``Andres Mondragon Ruiz`` / (blank) / ``Ricardo Carlos Barrera Morales`` / (blank) /
``Jose de Luna Lobato`` / (blank) / ``¶9. (C) Comment: …`` (09LIMA1667, the prisoners handed over). The last
entry has the shape of a heading (a short line alone before a numbered paragraph, no full stop), but the
entries before it have the same shape, and a heading does not follow two lines like itself.
"""

from __future__ import annotations

from ..parsed import Block, Paragraph
from .blocks import text_lines
from .runs import is_bare

#: the entries before it that make a line the last of a list
_BEFORE = 2
#: an entry's longest line
_ENTRY = 60


def _entry(block: Block) -> bool:
    """A bare block of one short line that ends without a stop or a colon, in mixed case or with figures
    (``Saulo Parra Tejada``, ``US$4,908,373``); not a title in capitals (``MAURITANIA``) nor a redaction."""
    if not isinstance(block, Paragraph) or not is_bare(block):
        return False
    texts = text_lines(block.lines)
    text = texts[0].strip() if len(texts) == 1 else ""
    return (0 < len(text) <= _ENTRY and text[-1] not in ".:;!?" and "XXX" not in text
            and any(c.islower() or c.isdigit() for c in text))


def ends_entries(blocks: list[Block], index: int) -> bool:
    """Whether the block at ``index`` comes right after two entries or more of a list written one to a block."""
    return index >= _BEFORE and all(_entry(blocks[index - back]) for back in range(1, _BEFORE + 1))
