"""Chain ``blocks.passes`` (continued from :mod:`.stopline`): a paragraph number's point typed twice or
set apart from its number is regularised, the number as written kept beside it.

``3.. (SBU) All elections within Europe …`` (05PARIS4760), ``2 . (U) Leaders of Curacao …``
(08CURACAO82, every paragraph of it) and ``1, On August 8 …`` (07SANJOSE1497, a comma typed for the
point) are numbered paragraphs. The number as written is the label's ``sic``; ``paragraph-point``
gives it the ``corr`` every other paragraph's label reads as (``3.``), so that no edition prints
``3..``, ``2 .`` or ``1,`` in bold before the text. So is a number the ``unstopped-paragraph-number`` rule read
without its point, or with a bracket for it (``1 (S) On January 26 …``, 09SANJOSE56; ``14) (U) …``, 09BRASILIA310).
"""

from __future__ import annotations

import dataclasses

from ..parsed import Block, Paragraph
from . import stopline  # noqa: F401  (stop-line, which this rule goes after, registered first)
from .blocks import PASSES
from .ruler import Run, note


def _mistyped(block: Block) -> bool:
    """Whether a paragraph's number as written has its point twice, apart, a comma or a bracket for it, or none
    (``3..``, ``2 .``, ``1,``, ``14)``, ``18``)."""
    if not isinstance(block, Paragraph) or block.n is None or block.label_fix or not block.label:
        return False
    return block.label.endswith(("..", ",", ")")) or " " in block.label or block.label.isdigit()


@PASSES.rule(
    "paragraph-point",
    after="stop-line",
    note=note(
        "correction",
        "A paragraph number whose point was typed twice, set apart from it, typed as a comma or a bracket, or left "
        "out (3.., 2 ., 1,, 14), 18) is regularised to 3. (sic/corr, certainty high).",
    ),
)
def paragraph_point(blocks: list[Block], run: Run) -> list[Block]:
    """``3.. (SBU) …`` (05PARIS4760), ``2 . (U) …`` (08CURACAO82), ``1, On …`` (07SANJOSE1497): the label's
    ``corr`` is ``3.``."""
    if not any(map(_mistyped, blocks)):
        return blocks
    return [dataclasses.replace(b, label_fix=f"{b.n}.") if _mistyped(b) and isinstance(b, Paragraph) else b
            for b in blocks]
