"""Chain ``routing.preface`` (continued from :mod:`.routing`): what a pasted text carries above
its routing header that is not the cable's text.

- ``email-preface``: the header of the e-mail a post's copy of a cable came in (``From:`` /
  ``Sent:`` / ``To:`` / ``Subject:``, the classification line after it), as some cablegate
  pages print it above the routing header (Embassy Tripoli's cables of 2008-2009).
"""

from __future__ import annotations

import re

from .routing import PREFACE, TRANSMISSION
from .ruler import Run, note

#: an e-mail header's ``Sent:`` line (``Sent: Monday, March 17, 2008 6:49 PM``) and the lines
#: that go with it (``To:``, ``Cc:``, ``Subject:``)
_SENT = re.compile(r"^\s*Sent:\s+\S")
_EMAIL_FIELD = re.compile(r"^\s*(?:To|Cc|Subject):\s")
#: how far into the text the e-mail header may start, and how long it may be before the routing header
_FIRST_LINES, _LONGEST = 8, 24


@PREFACE.rule(
    "email-preface",
    after="scrape-metadata",
    note=note(
        "normalization",
        "The header of the e-mail the cable came in (From, Sent, To, Subject, and the classification line "
        "after it) is kept with the routing header, not read as the cable's text.",
    ),
)
def email_preface(lines: list[str], run: Run) -> int:
    """``From: CBPC, EACTAPP …`` / ``Sent: Monday, March 17, 2008 6:49 PM`` / ``To: …`` /
    ``Subject: TRIPOLI 00000230 R CO 17-MAR-08 …`` / ``CONFIDENTIAL`` / ``VZCZCXRO7088``: an
    e-mail header (a ``Sent:`` line among the first lines, a ``To:``, ``Cc:`` or ``Subject:``
    line right after it) whose routing header starts with its transmission line a few lines
    on: the lines before that line (the page prints them in its header block)."""
    sent = next((i for i, line in enumerate(lines[:_FIRST_LINES]) if _SENT.match(line)), None)
    if sent is None or not any(_EMAIL_FIELD.match(line) for line in lines[sent + 1 : sent + 3]):
        return 0
    return next(
        (i for i in range(sent + 1, min(len(lines), sent + _LONGEST)) if TRANSMISSION.match(lines[i].strip())), 0
    )
