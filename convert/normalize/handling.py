"""A handling sentence standing alone before the text: the cable's own word that it is
sensitive (``SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY``, ``THIS CABLE IS SENSITIVE BUT
UNCLASSIFIED. NOT FOR INTERNET DISTRIBUTION.``).

Most cables that write such a sentence also carry a ``SENSITIVE`` handling line, and the
caveat comes from that line; a few carry the sentence alone (00THEHAGUE1695, 07PARIS1791,
08BEIJING3899): the sentence is then the caveat's only witness. The sentence stays in the
text where it stands; only the classification record learns from it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .parsed import Block, Heading, Paragraph

#: the sentence as cables write it: capitals, at the start of its block's first line
_SBU_SENTENCE = re.compile(r"^\s*(?:THIS (?:CABLE|MESSAGE|TELEGRAM) IS\s+)?SENSITIVE\s+BUT\s+UNCLASSIFIED\b")


def stated_caveats(blocks: Sequence[Block]) -> list[str]:
    """``["SENSITIVE"]`` where an unnumbered paragraph or a heading before the first numbered
    paragraph opens with the handling sentence; else nothing."""
    for block in blocks:
        if isinstance(block, Paragraph) and block.n is not None:
            break
        if not isinstance(block, (Paragraph, Heading)):
            continue
        first = next((line for line in block.lines if isinstance(line, str) and line.strip()), "")
        if _SBU_SENTENCE.match(first):
            return ["SENSITIVE"]
    return []
