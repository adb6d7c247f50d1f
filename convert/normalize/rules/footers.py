"""Helper of chain ``lines.furniture`` (no rules here): the classification line that closes a
page, taken out of the text by the line that begins the next page or section."""

from __future__ import annotations

import re

from ..banner import CLASSIFICATION_LINE
from ..parsed import Entry


def take_footer(entries: list[Entry]) -> list[tuple[str, str]]:
    """The classification line just before the line read now (blank lines between), as the
    previous page's footer (``CONFIDENTIAL`` over ``PAGE 02 …``, or over a later section's
    banner ``CONFIDENTIAL     PTQ0798``), cut from ``entries``; [] if there is none."""
    back = len(entries) - 1
    while back >= 0 and entries[back] is None:
        back -= 1
    if back >= 0 and isinstance(entries[back], str) and CLASSIFICATION_LINE.match(str(entries[back])):
        footer = str(entries[back]).strip()
        del entries[back:]
        return [("footer", footer)]
    return []


#: an old-style record's banner at the head of a later section's transmission: the level and
#: the message's teletype number (``CONFIDENTIAL     PTQ0798``), no station, no section
_TRANSMISSION_BANNER = re.compile(r"^(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE) +[A-Z]{3}\d{4}$")


def transmission_banner(stripped: str) -> bool:
    return _TRANSMISSION_BANNER.match(stripped) is not None
