"""Chain ``routing.kinds`` (continued from :mod:`.routing`): header lines the usual shapes
miss, so that a pasted text's header ends where its page's header block ends.

- ``dtg-service-note``: a date-time group with a relay's operating signal or service note
  after it (a retransmitted copy: ``O 211302Z DEC 07 ZDK DUE TO SERVICES ZDK``).
- ``action-office``: an old-style record's ``ACTION AF-00`` line above its distribution block.
"""

from __future__ import annotations

import re

from ..dtg import DTG_LINE, parse_dtg
from .routing import KINDS
from .ruler import Run, note

#: what a relay station wrote after the date-time group: an operating signal (``ZDK CTG NUMEROUS
#: SERVICES``, ``ZUI RUEHZC #2834 2060936``, ``ZFF6``, ``//ZEL//``) or a service reference in
#: parentheses (``(CCY AD00C933D8/WSC2297 510)``)
_SERVICE_NOTE = re.compile(r"\s+(?:/*Z[A-Z]{2}[A-Z0-9]?\b|\((?:CCY|ADX)[A-Z0-9 /-]*\)?)")


@KINDS.rule(
    "dtg-service-note",
    after="dtg-line",
    note=note(
        "normalization",
        "A date-time group followed by a relay's operating signal or service note (ZDK, ZUI, ZFR, ZDS, "
        "CCY: a retransmission) is read as the date-time group; the line is kept as written.",
    ),
)
def dtg_service_note(s: str, state: str | None, run: Run) -> str | None:
    """``O 211302Z DEC 07 ZDK DUE TO SERVICES ZDK``: a DTG line whose service note makes it
    too long for ``dtg-line`` (the retransmitted copy of a cable)."""
    match = DTG_LINE.match(s)
    if match is None or not parse_dtg(s) or not _SERVICE_NOTE.match(s, match.end()):
        return None
    return "dtg"


#: an old-style record's action office above its distribution block: ``ACTION AF-00``, ``ORIGIN DRL-00``
_ACTION = re.compile(r"^(?:ACTION|ORIGIN)\s+[A-Z]{1,6}-\d\d$")


@KINDS.rule("action-office", before="routing-indicators")
def action_office(s: str, state: str | None, run: Run) -> str | None:
    """``ACTION AF-00``: the office that acts on an old-style record, the first line of its
    distribution block (the ``INFO LOG-00 …`` lines follow)."""
    return "action" if _ACTION.match(s) else None
