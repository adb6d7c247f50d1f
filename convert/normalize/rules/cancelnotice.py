"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a cancel notice the transmission wrote inside a line
of the text.

``cancel-notice`` (:mod:`.sectionend`) keeps a notice on lines of its own as furniture. A telegram cancelled in
transmission also carries the operator's notice, ``ZFR``, inside its lines, often at a page break and between
slashes: ``… This fits with ////////ZFR CANCEL THIS MESSAGE.  MESSAGE WILL BE RESENT WITH NEW MRN././//// party
leader Nick Clegg's …`` (09LONDON2581), ``///////// ZFR ///////////// CABLE CANCELED -WILL BE RESENT UNDER NEW
NUMBERS`` (09CAIRO1759), ``ZFR ZFR ZFR ZFR CANCEL TELEGRAM ZFR ZFR ZFR`` (09CAIRO2168). It is the teletype's
machinery, not the cable's words: the reading text leaves it out, and the TEI keeps it in ``orig`` beside an empty
``reg`` (``cancel-notice``). A ZFR alone, with no slashes, no second ZFR and no CANCEL, is left as written, and so is
an operator's request alone (``PLS ZFR ABOVE PARIS 144``; after a notice it is the notice's).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: the notice's words after its first ZFR: more ZFRs, IMI, what was cancelled and how it is sent again
_WORD = (
    r"(?:ZFR|IMI|CANCEL(?:\s+THIS)?\s+(?:MESSAGE|TELEGRAM)|CABLE\s+CANCELE?D|PER\s+DRAFTER\s+REQUEST"
    r"|(?:NEW\s+)?MESSAGE\s+(?:WILL\s+BE\s+RESENT\s+WITH\s+NEW\s+MRN|SENT\s+OUT\s+UND?ER\s+MRN(?:\s+\d+)?)"
    r"|WILL\s+BE\s+RESENT\s+UNDER\s+NEW\s+(?:NUMBERS?|MRN)"
    # the operator's request after it (``PLS ZFR JAKARTA 1369, BLANK ALL ASSOCIATED MCN/MRN``)
    r"|PLS\s+ZFR\s+[A-Z]+(?:\s[A-Z]+)*\s+\d+,?\s+BLANK\s+ALL\s+ASSOCIATED\s+MCN/MRN)\b"
)
#: the notice from its first ZFR, with the slashes, stops and dashes after it (the fence before it is taken by
#: :func:`_fenced`: a pattern that began with it would try every slash of a long run)
_NOTICE = re.compile(rf"(?<!PLS )ZFR\b(?:[\s/\\.-]*{_WORD})*[/\\. \t]*")


@REPAIRS.rule(
    "glued-cancel-notice",
    trigger=("ZFR",),
    note=note(
        "normalization",
        "A cancel notice the transmission wrote inside a line of the text (////////ZFR CANCEL THIS MESSAGE. MESSAGE "
        "WILL BE RESENT WITH NEW MRN///) is the teletype's, not the cable's words: kept in orig beside an empty reg, "
        "out of the reading text.",
    ),
)
def cancel_notice(text: str) -> Found:
    """``… This fits with ////////ZFR CANCEL THIS MESSAGE. MESSAGE WILL BE RESENT WITH NEW MRN././/////// party
    leader …`` (09LONDON2581): the notice is dropped from the reading (see the module's note)."""
    found: Found = []
    for match in _NOTICE.finditer(text):
        start, end = _fenced(text, match.start()), match.start() + len(match.group().rstrip(" \t"))
        notice = text[start:end]
        if "/" in notice or "\\" in notice or "CANCEL" in notice or notice.count("ZFR") > 1:
            found.append((start, end, Choice(notice, "", reason="cancel-notice")))
    return found


def _fenced(text: str, at: int) -> int:
    """Where the notice at ``at`` begins: before the slashes that fence it (and the spaces after them), if any."""
    start = at
    while start and text[start - 1] in " \t":
        start -= 1
    fence = start
    while fence and text[fence - 1] in "/\\":
        fence -= 1
    return fence if fence < start else at
