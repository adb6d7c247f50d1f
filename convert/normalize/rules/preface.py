"""Chain ``routing.preface`` (continued from :mod:`.routing`): what a pasted text carries above
its routing header that is not the cable's text.

- ``email-preface``: the header of the e-mail a post's copy of a cable came in (``From:`` /
  ``Sent:`` / ``To:`` / ``Subject:``, the classification line after it), as some cablegate
  pages print it above the routing header (Embassy Tripoli's cables of 2008-2009).
- ``classification-preface``: the classification line an archive prints at the top of each page
  of a telegram (``UNCLASSIFIED`` / ``PAGE 01 STATE 012345`` / ``ORIGIN EUR-12`` …), above the
  routing header of a 1970s telegram as the National Archives' database prints it.
- ``inbox-preface``: a post's printout of the cable from its mail system's ``DB/Inbox`` (who
  printed it and when, the system's field table, the post's distribution block), as some pages
  print it above the routing header.
"""

from __future__ import annotations

import re

from ..banner import CLASSIFICATION_LINE
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
    return _transmission_after(lines, sent, _LONGEST)


def _transmission_after(lines: list[str], start: int, longest: int) -> int:
    """The index of the routing header's transmission line within ``longest`` lines after
    ``start`` (where a preface that begins at ``start`` ends), or 0: none, no preface."""
    stop = min(len(lines), start + longest)
    return next((i for i in range(start + 1, stop) if TRANSMISSION.match(lines[i].strip())), 0)


#: the printout's first line: ``Diana T Fritz  03/21/2007 05:47:09 PM  From  DB/Inbox:  Search Results``
#: (or, that line cut off, the printout's ``Cable Text:`` label on a line of its own)
_INBOX = re.compile(
    r"\d{2}/\d{2}/\d{4}\s+\d{1,2}:\d{2}:\d{2}\s+[AP]M\s+From\s+DB/Inbox:|^\s*Cable\s+Text:\s*$"
)
#: how far into the text the printout's first line may stand, and how long the printout may be
_INBOX_FIRST, _INBOX_LONGEST = 3, 80


@PREFACE.rule(
    "inbox-preface",
    after="email-preface",
    note=note(
        "normalization",
        "A post's printout of the cable from its mail system (the DB/Inbox line, the system's field table, "
        "the post's distribution block) is kept with the routing header, not read as the cable's text.",
    ),
)
def inbox_preface(lines: list[str], run: Run) -> int:
    """``Carol X Weakley  10/13/2006 02:52:21 PM  From  DB/Inbox:  Carol X Weakley`` /
    ``Cable Text:`` / the banner / ``CXTelA: ACTION: POL …`` / ``VZCZCTVI681``: the printout's
    lines before the routing header's transmission line (the page prints them in its header
    block); also its ``Cable Text:`` label alone above the transmission line."""
    start = next((i for i, line in enumerate(lines[:_INBOX_FIRST]) if _INBOX.search(line)), None)
    return 0 if start is None else _transmission_after(lines, start, _INBOX_LONGEST)


#: how far into the text the classification line may stand (blank lines before it)
_MARKING_FIRST = 3


@PREFACE.rule(
    "classification-preface",
    after="inbox-preface",
    note=note(
        "normalization",
        "The classification line printed above the routing header (the top of the telegram's first page, "
        "as an archive prints it) is kept with the routing header, not read as the cable's banner.",
    ),
)
def classification_preface(lines: list[str], run: Run) -> int:
    """``UNCLASSIFIED`` / (blank) / ``PAGE 01 STATE 012345`` / ``ORIGIN EUR-12`` / … /
    ``R 011234Z JAN 75`` / ``FM SECSTATE WASHDC``: a classification line alone, first in the
    text, with the routing header after it (the driver checks that one follows): the page's
    marking, not the banner that begins the text (``UNCLAS STATE 012345``, below the header).
    The lines up to the header's first."""
    first = next((i for i, line in enumerate(lines[:_MARKING_FIRST]) if line.strip()), None)
    if first is None or CLASSIFICATION_LINE.match(lines[first]) is None:
        return 0
    return next((i for i in range(first + 1, len(lines)) if lines[i].strip()), 0)
