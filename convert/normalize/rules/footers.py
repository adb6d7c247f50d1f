"""Helper of chain ``lines.furniture`` (no rules here): the classification line that closes a
page, taken out of the text by the line that begins the next page or section."""

from __future__ import annotations

import re

from ..banner import CLASSIFICATION_LINE
from ..parsed import Anchored, Entry, Furniture


def _banner_before(entries: list[Entry], banner: str | None = None) -> int | None:
    """Where the classification line (``banner`` itself, if given) stands that the entries'
    last blank lines follow, or None."""
    back = len(entries) - 1
    while back >= 0 and entries[back] is None:
        back -= 1
    if back < 0 or not isinstance(entries[back], str) or not CLASSIFICATION_LINE.match(str(entries[back])):
        return None
    return back if banner is None or str(entries[back]).strip() == banner else None


def take_footer(entries: list[Entry]) -> list[tuple[str, str]]:
    """The classification line just before the line read now (blank lines between), as the
    previous page's footer (``CONFIDENTIAL`` over ``PAGE 02 …``, or over a later section's
    banner ``CONFIDENTIAL     PTQ0798``), cut from ``entries``; [] if there is none. A
    printout gives the banner twice there, at the foot of a page and at the head of the next
    (``… END SUMMARY.`` / ``UNCLASSIFIED`` / ``UNCLASSIFIED`` / ``PAGE 03 BERLIN 03009``,
    91BERLIN3009): the same line before it, right after a line of text, is cut as a footer too
    (rule ``page-break-old``; one alone between blank lines is rule ``page-banner``'s)."""
    back = _banner_before(entries)
    if back is None:
        return []
    footer = str(entries[back]).strip()
    del entries[back:]
    first = _banner_before(entries, footer)
    if first is None or not first or not isinstance(entries[first - 1], str):
        return [("footer", footer)]
    del entries[first:]
    return [("footer", footer), ("footer", footer)]


#: an old-style record's banner at the head of a later section's transmission: the level and
#: the message's teletype number (``CONFIDENTIAL     PTQ0798``), no station, no section
_TRANSMISSION_BANNER = re.compile(r"^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE) +[A-Z]{3}\d{4}$")


def transmission_banner(stripped: str) -> bool:
    return _TRANSMISSION_BANNER.match(stripped) is not None


def take_section(entries: list[Entry]) -> bool:
    """A later section's transmission banner just before the old-style page line read now
    (``CONFIDENTIAL`` / ``CONFIDENTIAL     PTQ7681`` / ``PAGE 01 VATICA 05693 02 OF 02 …``,
    01VATICAN5693), with the previous page's footer over it, made a section milestone in
    ``entries`` (the page line begins the section's first page): where ``section-banner`` did
    not take it, in a record whose first banner it never read (a partial extract's, run on
    after a quote mark). Whether one was taken."""
    back = len(entries) - 1
    while back >= 0 and entries[back] is None:
        back -= 1
    if back < 0 or type(entries[back]) is not str or not transmission_banner(str(entries[back]).strip()):
        return False
    banner = str(entries[back]).strip()
    del entries[back:]
    entries.append(Furniture("section", (*take_footer(entries), ("banner", banner)), ""))
    return True


#: a page's footer glued on the end of its last text line (``… WE  CONFIDENTIAL`` over ``PAGE 04
#: ROME 01196 01 OF 02 082030Z``): the level after the line's words and white space (not after a
#: colon: ``CLASSIFICATION: SECRET`` names a level)
_GLUED_FOOTER = re.compile(
    r"(?<=[^\s:])\s+(?P<level>UNCLASSIFIED|CONFIDENTIAL|(?:TOP )?SECRET|LIMITED OFFICIAL USE)\s*$"
)


def take_glued_footer(entries: list[Entry]) -> list[tuple[str, str]]:
    """The classification level that ends the text line just before the line read now (no
    blank line between), as the previous page's footer, cut from that line (which keeps its
    kind: a line that began with a ¶ still does); [] if there is none. A printout that lost the
    footer's line break runs it on after the page's last words, in the middle of a sentence
    (``… URGED OUR  CONFIDENTIAL`` / ``PAGE 04 ROME 01196 …`` / ``INTERLOCUTORS …``, 02ROME1196;
    01VATICAN3507, 01VATICAN5693, 02VATICAN3692)."""
    line = entries[-1] if entries else None
    if not isinstance(line, str):
        return []
    found = _GLUED_FOOTER.search(line)
    if type(line) not in (str, Anchored) or found is None:  # (a piece of a cut line keeps its level)
        return []
    entries[-1] = type(line)(line[: found.start()])
    return [("footer", found["level"])]
