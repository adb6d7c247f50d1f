"""Chain ``routing.kinds`` (continued from :mod:`.routing`): header lines the usual shapes
miss, so that a pasted text's header ends where its page's header block ends.

- ``dtg-service-note``: a date-time group with a relay's operating signal or service note
  after it (a retransmitted copy: ``O 211302Z DEC 07 ZDK DUE TO SERVICES ZDK``).
- ``action-office``: an old-style record's ``ACTION AF-00`` line above its distribution block.
- ``telegram-page-line``, ``drafting-line``, ``transmission-rule``: a 1970s telegram as the
  National Archives' database prints it: its first page line (``PAGE 01 STATE 012345``), the
  drafting office's lines (``DRAFTED BY EUR/WE:JSMITH:LK``, ``APPROVED BY …``, clearances
  ``EUR/WE:RDAVIS``) and the rule that closes the distribution block
  (``------------ 012345 020145Z /62``), above the date-time group and FM line.
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
    lead=r"(?i)[ZOPRMY\d]",  # (DTG_LINE)
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


@KINDS.rule("action-office", before="routing-indicators", lead="[AO]")  # (_ACTION)
def action_office(s: str, state: str | None, run: Run) -> str | None:
    """``ACTION AF-00``: the office that acts on an old-style record, the first line of its
    distribution block (the ``INFO LOG-00 …`` lines follow)."""
    return "action" if _ACTION.match(s) else None


#: the first page line of a telegram's printout: ``PAGE 01 STATE 012345``, ``PAGE 01 TEHRAN
#: 05461 271458Z``, ``PAGE 01 ROME 03639 02 OF 02 231627Z``
_PAGE_LINE = re.compile(r"^PAGE\s+\d{2,3}\s+[A-Z][A-Z ]*?\s+\d{4,6}(?:\s+\d\d\s+OF\s+\d\d)?(?:\s+\d{6}Z)?$")
#: the drafting office's lines: ``DRAFTED BY EUR/WE:JSMITH:LK``, ``APPROVED BY EUR:AHARTMAN``
_DRAFTING = re.compile(r"^(?:DRAFTED|APPROVED|CLEARED|CLEARANCES?)(?:\s+BY)?\s*:?\s+\S")
#: a clearance under them: an office symbol, a colon and the officer (``EUR/WE:RDAVIS``, ``S/S-O:JSMITH``)
_CLEARANCE = re.compile(r"^[A-Z][A-Z0-9]*(?:[/-][A-Z0-9]+)*\s?:\s?[A-Z][A-Z.' -]*(?::[A-Z]{1,3})?$")
#: the rule that closes the distribution block: dashes, then a serial or a hex group, the time, a count
_TRANSMISSION_RULE = re.compile(r"^-{5,}\s*(?:[0-9A-F]{6}\s+)?(?:\d{6}Z?\s+)?(?:\d{6}Z\s*)?/\d+$")


@KINDS.rule("telegram-page-line", after="action-office", lead="P")  # (_PAGE_LINE)
def telegram_page_line(s: str, state: str | None, run: Run) -> str | None:
    """``PAGE 01 STATE 012345``: the first page line of an archive's printout of a telegram,
    above its distribution block (the header goes on: a page line is no addressee)."""
    return "page" if _PAGE_LINE.match(s) else None


@KINDS.rule("drafting-line", after="telegram-page-line", lead="[A-Z]")  # (_DRAFTING, _CLEARANCE)
def drafting_line(s: str, state: str | None, run: Run) -> str | None:
    """``DRAFTED BY EUR/WE:JSMITH:LK``, ``APPROVED BY EUR:AHARTMAN`` and the clearances after
    them (``EUR/WE:RDAVIS``): who drafted, cleared and approved an outgoing telegram, printed
    above its date-time group."""
    if _DRAFTING.match(s) or (state == "drafting" and _CLEARANCE.match(s)):
        return "drafting"
    return None


@KINDS.rule("transmission-rule", after="drafting-line", lead="-")  # (_TRANSMISSION_RULE)
def transmission_rule(s: str, state: str | None, run: Run) -> str | None:
    """``------------ 012345  020145Z /62``, ``------------------8A8E0D 271459Z /38``: the rule
    that closes the distribution block, above the date-time group."""
    return "dashes" if _TRANSMISSION_RULE.match(s) else None
