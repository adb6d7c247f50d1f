"""The five lines a public text scrape of the cablegate release puts above each cable of
1966-1999 (``../shared/corpus/README.md``, "The pre-2000 text scrape")::

    91BERLIN3009
    UNEMPLOYMENT UP SHARPLY IN JULY, BUT RISE OFFEST
    Thu Aug 15 00:00:00 +0200 1991
    UNCLASSIFIED
    Embassy Berlin

the cable's id, the site's title (often cut), the day it was sent (midnight in a local time
zone: the day is the date-time group's day in UTC, the clock and zone mean nothing),
classification and origin. They are the release's metadata, as a cablegate page's table is:
the text reader hands them on as the cable's :class:`~convert.model.SourceMetadata`, and the
normalizer keeps the lines themselves with the routing header.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from ..model import SourceMetadata

SCRAPE_ID = re.compile(r"^\d{2}[A-Z][A-Z-]+\d{1,6}$")
SCRAPE_DAY = re.compile(
    r"^[A-Z][a-z]{2} (?P<month>[A-Z][a-z]{2}) (?P<day>\d{2}) \d{2}:\d{2}:\d{2} [+-]\d{4} (?P<year>\d{4})$"
)
#: the lines of metadata above the cable
LINES = 5
_MONTHS = {name: n for n, name in enumerate("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(), 1)}


def is_scrape(lines: Sequence[str]) -> bool:
    """Whether ``lines`` (a text's first lines, and more) begin with the scrape's metadata."""
    return len(lines) > LINES and bool(SCRAPE_ID.match(lines[0].strip())) and bool(SCRAPE_DAY.match(lines[2].strip()))


def metadata(content: str) -> SourceMetadata | None:
    """The scrape's metadata above ``content``, or None when it does not begin so."""
    lines = content.split("\n", LINES + 1)
    if not is_scrape(lines):
        return None
    day = SCRAPE_DAY.match(lines[2].strip())
    assert day is not None
    try:
        when: str | None = date(int(day["year"]), _MONTHS[day["month"]], int(day["day"])).isoformat()
    except (KeyError, ValueError):  # a damaged day is no date
        when = None
    return SourceMetadata(
        kind="text-scrape",
        id=lines[0].strip(),
        created=when,
        classification=lines[3].strip() or None,
        origin=lines[4].strip() or None,
    )
