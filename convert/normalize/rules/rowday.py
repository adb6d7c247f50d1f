"""Chain ``fields.rows`` (continued from :mod:`.copies`): a media partner's database row before
the cable's banner, its date written without an hour.

Some partners' copies print the row they exported the cable from between the routing header and
the banner, one field a line, the date as a day (10KABUL102: ``243245`` / ``2010-01-12`` /
``10KABUL102`` / ``Embassy Kabul`` / ``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` /
``10KABUL1345|10KABUL717`` / ``UNCLAS SECTION 01 OF 04 KABUL 000102``). ``database-row`` takes a
row whose date has its hour; this one was read as office lines, and its classification column's
``//FOR OFFICIAL USE ONLY`` as a caveat of the cable. ``database-row-day`` takes it as the
wrapper it is. After a preview's banner, the same rows are the body's (``row-block``): not taken
here. ``database-row-fields``: a row without its number and date, the cable's id first
(06THEHAGUE1510: ``06THEHAGUE1510`` / ``Embassy The Hague`` / ``UNCLASSIFIED//FOR OFFICIAL USE
ONLY`` / ``06STATE78495``), whose classification column was likewise read as a caveat.
"""

from __future__ import annotations

from ..banner import parse_banner
from ..parsed import Entry
from .copies import ROW_CABLE, ROW_CLASS, ROW_DAY, ROW_ID, ROW_ORIGIN, ROWS, row_field
from .ruler import Run

#: the most fields a row holds
_FIELDS = 9


@ROWS.rule("database-row-day", after="database-row")
def database_row_day(entries: list[Entry], start: int, run: Run) -> int:
    """``243245`` / ``2010-01-12`` / ``10KABUL102`` / … before any banner: a database row whose
    date is a day, its fields one a line; returns where it ends (0: there is none)."""
    first = entries[start] if start < len(entries) else None
    if not isinstance(first, str) or not ROW_ID.match(first):
        return 0
    second = next((e for e in entries[start + 1 : start + 3] if isinstance(e, str)), None)
    if second is None or not ROW_DAY.match(second):
        return 0
    if _after_banner(entries, start):
        return 0  # (after a banner: a copy's row in the body)
    return _row_end(entries, start)


def _after_banner(entries: list[Entry], start: int) -> bool:
    """Whether a banner stands before ``start`` (a row there is a copy's, in the body)."""
    return any(isinstance(e, str) and parse_banner(e) is not None for e in entries[:start])


def _row_end(entries: list[Entry], start: int) -> int:
    """Where the row's fields, one a line from ``start`` (blank lines between them), end; 0 where
    there are fewer than three."""
    index, taken = start, 0
    while index < len(entries) and taken < _FIELDS:
        entry = entries[index]
        if isinstance(entry, str) and (row_field(entry) or ROW_DAY.match(entry)):
            taken += 1
        elif entry is not None:
            break
        index += 1
    return index if taken >= 3 else 0


@ROWS.rule("database-row-fields", after="database-row-day")
def database_row_fields(entries: list[Entry], start: int, run: Run) -> int:
    """``06THEHAGUE1510`` / ``Embassy The Hague`` / ``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` / … before
    any banner: a database row without its number and date, one field a line, the cable's id, its
    origin and its classification first; returns where it ends (0: there is none)."""
    lines = [(i, e) for i, e in enumerate(entries[start : start + 8], start) if isinstance(e, str)][:3]
    if len(lines) < 3 or not ROW_CABLE.match(lines[0][1]):
        return 0
    if not (ROW_ORIGIN.match(lines[1][1]) and ROW_CLASS.match(lines[2][1])):
        return 0
    if _after_banner(entries, start):
        return 0  # (after a banner: a copy's row in the body)
    return _row_end(entries, start)
