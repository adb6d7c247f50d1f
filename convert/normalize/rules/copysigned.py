"""Stage "closing", chain ``closing.copy``: the signer of a text given twice, where the second copy
ends with no signature.

``repeated-text`` (:mod:`.repeated`) sets apart a second copy of the numbered paragraphs that a
database row or a media partner printed after the text (``div type="copy"``), and the closing reads
the end of the whole text, the copy's. A copy that stops before its signature (08MANAMA306: the
row's summary and ``2.(C) Minister of Oil …`` again, then nothing; 08LONDON1224, 09TRIPOLI953)
leaves the cable unsigned, though the first copy ends with the name: alone on its line
(``TUTTLE``, which ``copy-head`` cut from the row run on after it), after the last sentence
(``… resolve this standoff. POLASCHIK``) or after the post's website notice (``… ***** Visit
Embassy Manama's Classified Website: XXXXXXXXXXXX***** HENZEL``).

``first-copy-signer``: where the closing of the whole text finds no signature and the text holds
a second copy, the closing rules read the end of the first copy, before the copy; where they find
the signer there, its closing blocks (the signature, a website notice before it) are written after
the copy, at the text's end, where a TEI division's ``closer`` stands; every word is kept.
"""

from __future__ import annotations

from collections.abc import Callable

from ..parsed import Block, CopyStart
from .ruler import Chain, note

#: the closing of a part of the text: (its blocks, its closing blocks), or None without a signature
Close = Callable[[list[Block]], tuple[list[Block], list[Block]] | None]

COPY: Chain[Callable[[list[Block], Close], list[Block] | None]] = Chain(
    "closing.copy", "closing", "A text given twice, signed nowhere at its end: the first copy's signer? (first match)"
)


@COPY.rule(
    "first-copy-signer",
    note=note(
        "normalization",
        "Where the text is given twice and the second copy ends with no signature, the signer's name at the "
        "end of the first copy signs the cable: its closing is written after the copy, at the text's end.",
    ),
)
def first_copy_signer(blocks: list[Block], close: Close) -> list[Block] | None:
    """``… resolve this standoff. POLASCHIK`` / (the copy: a row, ``6.(C) …`` again …): the first
    copy's closing, moved after the second copy."""
    at = next((k for k, b in enumerate(blocks) if isinstance(b, CopyStart)), None)
    if not at:
        return None
    closed = close(blocks[:at])
    if closed is None:
        return None
    first, tail = closed
    return [*first, *blocks[at:], *tail]
