"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a line the transmission sent twice,
the second copy after a ``Q``.

On about twenty pages a line of the text comes back a second time, right after it, behind a
capital Q: ``… threaten to undermine foreign government intelligence- Qthat threaten to undermine
foreign government intelligence- and information-sharing …`` (08OTTAWA918), ``… his second five
year term. Kgalema Motlanthe (septel), Qof his second five year term. Kgalema Motlanthe (septel),
has …`` (09PRETORIA954). The reader sees the words twice and a stray Q. The Q and the second copy
are dropped from the reading text and kept beside it (orig/reg): the text before the Q must end
with the very words that follow it (20 characters or more, from a word's start), as a resent
line does; a paragraph number and marking the copy repeats (``on Q10. (S/NF) CSIS is far …``) go
with it.
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: a Q after white space (or at the start): where a resent line begins (the Q first, the character
#: before it looked back at from there: ``re`` skips to a literal, a look-behind first is tried at
#: every position)
_Q = re.compile(r"Q(?<!\SQ)")
#: the least a resent copy holds, and how far back its first copy may begin
_LEAST = 20
_REACH = 400
#: a space, and a paragraph number and portion marking, or a list item's dash, the second copy repeats before
#: the words (the first copy's are the paragraph's or the item's label, not in its text: ``Q--  Canada has …``)
_LEAD = re.compile(r"\s*(?:\d{1,3}\.\s*(?:\((?:U|C|S|SBU|TS)(?:/[A-Z]{2,8})*\)\s*)?|-{1,3}\s*)?")


def _resent(text: str, at: int) -> int | None:
    """Where the second copy that follows the Q at ``at`` ends, or None: the words after the Q
    (past a space, a paragraph number and its marking) repeat the text between a word's start before it and the Q."""
    lead = _LEAD.match(text, at + 1)
    start = lead.end() if lead else at + 1
    probe = text[start : start + _LEAST]
    if len(probe) < _LEAST:
        return None
    first = text.rfind(probe, max(0, at - _REACH), at)
    if first < 0 or (first and not text[first - 1].isspace()):
        return None
    copy = text[first:at]
    return start + len(copy) if text.startswith(copy, start) else None


@REPAIRS.rule(
    "resent-line",
    trigger=(" Q",),
    note=note(
        "normalization",
        "A line the transmission sent twice, the second copy right after it behind a capital Q (… intelligence- "
        "Qthat threaten to undermine foreign government intelligence- and …), is read once; the Q and the copy "
        "stay beside it (orig/reg).",
    ),
)
def resent_line(text: str) -> Found:
    """``… foreign government intelligence- Qthat threaten to undermine foreign government
    intelligence- and information-sharing …`` (08OTTAWA918): the Q and the words after it that
    repeat the text just before it are dropped (see the module's note)."""
    found: Found = []
    for match in _Q.finditer(text):
        end = _resent(text, match.start())
        if end is not None:
            found.append((match.start(), end, Choice(text[match.start() : end], "", reason="resent-line")))
    return found
