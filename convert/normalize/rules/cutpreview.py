"""Chain ``fields.late`` (after ``preview-stub``, which takes such a line right before the partner's copy): a
line a media partner's preview cut short, alone in a block before the cable's numbered paragraphs
(``ROME 00001...``, ``Clas...``, ``Sensitive but Unclassified - not for Internet dist...``), whose words begin a
later line of the cable (the handling sentence), a page line or the Classified By field's label: the preview's, a
wrapper line, not text of the cable."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsed import AnonBlock, Block, Field, Furniture, PageBreak, Paragraph
from .blocks import text_lines
from .dumps import wrapper_block
from .fields import LATE
from .refcopy import block_lines
from .ruler import Run, note
from .runs import is_bare

#: the ellipsis a preview is cut with, ending the line
_CUT_ENDS = ("...", "…")
#: the fewest characters before it (``Clas...``), the most a preview's line holds
_SHORTEST, _LONGEST = 4, 90
#: a page line's start (the station, the serial in eight digits cut short: ``ROME 00001``)
_PAGE_START = re.compile(r"[A-Z][A-Z.]*+(?: [A-Z.]++){0,3}+ 0\d{2,7}+")


def _later_lines(blocks: list[Block]) -> list[str]:
    """Every line of these blocks, white space collapsed: text, list items and page furniture."""
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, PageBreak):
            lines += [text for _, text in block.furniture.lines]
            continue
        held = block_lines(block)
        lines += text_lines(held)
        lines += [text for x in held if isinstance(x, Furniture) for _, text in x.lines]
    return [" ".join(line.split()) for line in lines]


def _cut_head(block: Paragraph) -> str | None:
    """The words before the ellipsis of a bare block of one line cut short, or None."""
    if not is_bare(block) or len(block.lines) != 1:
        return None
    line = block.lines[0]
    if not isinstance(line, str) or len(line.strip()) > _LONGEST:
        return None
    cut = line.strip()
    head = " ".join(cut.rstrip(".…").split()) if cut.endswith(_CUT_ENDS) else ""
    return head if len(head) >= _SHORTEST else None


@LATE.rule(
    "cut-preview-line",
    after="preview-stub",
    trigger=("...", "…"),
    note=note(
        "normalization",
        "A line of a media partner's preview cut short with '...' (ROME 00001..., Clas...), alone before the "
        "numbered paragraphs and beginning a later line of the cable or a page line, is a wrapper line, not text.",
    ),
)
def cut_preview_line(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """``ROME 00001...`` (a page line's start, 08ROME1021), ``Clas...`` (the Classified By label, 09KABUL3867),
    ``Sensitive but Unclassified - not for Internet dist...`` before the sentence whole (09THEHAGUE338):
    a wrapper (TEI ``ab type="wrapper"``). A sentence that trails off (``He said he would wait...``) begins
    no later line and stays."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if block.n is not None:
            break
        head = _cut_head(block)
        if head is None or (index + 1 < len(blocks) and wrapper_block(blocks[index + 1])):
            continue  # (right before the partner's copy: ``preview-stub``'s)
        if "CLASSIFIED BY".startswith(head.upper()) or _PAGE_START.fullmatch(head) or any(
            line.startswith(head) and len(line) > len(head) for line in _later_lines(blocks[index + 1 :])
        ):
            out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks
