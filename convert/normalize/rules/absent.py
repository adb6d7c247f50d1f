"""Stage "closing", chain ``closing.absent``: a source that holds no text of the telegram.

Some cablegate pages give a cable's header and preamble only (the subject, the references, a
Classified By line cut at ``...``) and stop there: 54 of the 6,550 pages and 5 of the 300 CSV
rows, most of them cables of August 2008. A reading edition that printed the header and then nothing would leave the
reader to guess whether the text was lost in the conversion; the TEI says where the text would
stand that the source has none (``gap reason="not-in-source"``), and the editions print that in
their own words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from ..parsed import AnonBlock, Block, Closing, Heading, ItemList, Paragraph, Signature, TextAbsent
from .ruler import Chain, note

ABSENT: Chain[Callable[[list[Block]], list[Block] | None]] = Chain(
    "closing.absent", "closing", "The body after its closing: does the source hold any text of the telegram?"
)

#: blocks that are the telegram's words (or the archive's box that says a section is missing)
_TEXT = (Paragraph, ItemList, Heading)


def holds_text(blocks: Sequence[Block]) -> bool:
    """Whether the blocks hold any of the telegram's text, or the archive's own word that a
    part of it is missing (``* Missing Section 002 *``)."""
    return any(isinstance(b, _TEXT) or (isinstance(b, AnonBlock) and b.type == "missing-section") for b in blocks)


@ABSENT.rule(
    "text-absent",
    note=note(
        "normalization",
        "Where the source holds no text of the telegram after its preamble (a copy that stops there), a gap "
        "(reason not-in-source) stands where the text would be; nothing is supplied.",
    ),
)
def text_absent(blocks: list[Block]) -> list[Block] | None:
    """A body with no paragraph, list or heading (the preamble's lines, a copy of them, a
    signature at most: 08OSLO452's ``SUBJECT`` / ``REF: STATE 85678`` / ``Classified By: …
    for reasons ...`` and a flattened copy of the same) gets a gap where the text would stand,
    before the signature and closing lines."""
    if holds_text(blocks):
        return None
    at = next((k for k, b in enumerate(blocks) if isinstance(b, Signature | Closing)), len(blocks))
    return [*blocks[:at], TextAbsent(), *blocks[at:]]
