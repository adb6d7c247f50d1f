"""Chain ``blocks.passes`` (continued from :mod:`.slashes`): a full stop alone on its line after a finished
sentence is a separator, not the paragraph's words.

Some posts set a lone stop between a paragraph and the heading after it (``… torn from the trough. END
SUMMARY.`` / ``.`` / ``HELPING RUSSIA BY HELPING HIMSELF``, 06MOSCOW5740, three times; ``… the entities
involved.`` / ``.`` / ``¶5. …``, 08STATE22315; 16 pages). Read as the paragraph's last line, it printed as a
second stop, ``… END SUMMARY. .``. ``stop-line`` sets it apart as a line of its own (``ab type="rule"``, a
separator that no edition draws), where the line before already ends its sentence; after a line that does
not (``… classified at the NATO SECRET level`` / ``.``), the stop is the sentence's and stays.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import AnonBlock, Block, Paragraph
from . import slashes  # noqa: F401  (slashed-heading, which this rule goes after, registered first)
from .blocks import PASSES
from .ruler import Run, note

#: a sentence's end: a stop, a question or exclamation mark, closing marks after it
_ENDED = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s*$")


def _stop_last(block: Block) -> bool:
    """Whether a paragraph's last line is a stop alone after a line that ends a sentence."""
    if not isinstance(block, Paragraph) or block.items or len(block.lines) < 2:
        return False
    last, before = block.lines[-1], block.lines[-2]
    return isinstance(last, str) and last.strip() == "." and isinstance(before, str) and bool(_ENDED.search(before))


@PASSES.rule(
    "stop-line",
    after="slashed-heading",
    note=note(
        "normalization",
        "A full stop alone on its line after a finished sentence (… END SUMMARY. / . / HELPING RUSSIA BY HELPING "
        "HIMSELF) is a separator, kept as a line of its own (ab type=\"rule\"), not the paragraph's last word.",
    ),
)
def stop_line(blocks: list[Block], run: Run) -> list[Block]:
    """``… be torn from the trough. END SUMMARY.`` / ``.`` (06MOSCOW5740): the stop leaves the paragraph, a
    separator line of its own; see the module's note."""
    if not any(map(_stop_last, blocks)):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if _stop_last(block):
            assert isinstance(block, Paragraph)
            out += [dataclasses.replace(block, lines=block.lines[:-1], tokens=()), AnonBlock("rule", block.lines[-1:])]
        else:
            out.append(block)
    return out
