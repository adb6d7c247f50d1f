"""Chain ``blocks.passes`` (continued from :mod:`.passes`): a later section's TAGS line left
between two paragraphs.

Each section of a cable sent in several repeats the preamble's opening; a copy that lost the
section's banner leaves its TAGS line alone between the last paragraph of one section and the
first of the next (``¶6. (SBU) … his or her entry is banned.`` / ``SNSITIVE TAGS: TU BO MD
KCRM PGOV …`` / ``¶7. (SBU) …``, 05ISTANBUL38, its handling word garbled). Read as it stands it
is a heading of the text; it is the transmission's, a wrapper line kept out of the reading flow.
"""

from __future__ import annotations

import re

from ..parsed import AnonBlock, Block, Paragraph
from .blocks import PASSES, text_lines
from .ruler import Run, note
from .runs import is_bare

#: a TAGS field and its codes only, after at most one word in capitals (a handling word:
#: ``SENSITIVE``, or as a garbled transmission spells it)
_TAGS_LINE = re.compile(r"^\s*(?:[A-Z]{4,12}\s+)?TAGS\s*:\s*[A-Z]{2,6}(?:[\s,]+[A-Z]{2,6})*+\s*$")


def _numbered(block: Block) -> int | None:
    return block.n if isinstance(block, Paragraph) else None


@PASSES.rule(
    "section-tags",
    before="headings",
    trigger=("TAGS",),
    note=note(
        "normalization",
        "A later section's TAGS line left alone between two paragraphs that follow each other (… his entry is "
        "banned. / SENSITIVE TAGS: TU BO MD KCRM PGOV / 7. (SBU) …: the section's banner lost) is a wrapper line "
        "of the transmission, kept out of the reading flow.",
    ),
)
def section_tags(blocks: list[Block], run: Run) -> list[Block]:
    """A block that is one line, a TAGS field and its codes (after a handling word, if any),
    between numbered paragraphs N and N + 1, is a wrapper: a later section's preamble (a TAGS
    line a cable quotes stands in the quoted text, not between its own paragraphs)."""
    out = list(blocks)
    for index in range(1, len(blocks) - 1):
        block = blocks[index]
        if not (isinstance(block, Paragraph) and is_bare(block)):
            continue
        texts = text_lines(block.lines)
        if len(texts) != 1 or not _TAGS_LINE.match(texts[0]):
            continue
        before, after = _numbered(blocks[index - 1]), _numbered(blocks[index + 1])
        if before is not None and after == before + 1:
            out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks
