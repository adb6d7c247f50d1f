"""Date-time groups: ``020922Z JUN 09`` -> ``2009-06-02T09:22:00Z``."""

from __future__ import annotations

import functools
import re
from datetime import datetime

MONTHS = {
    m: i for i, m in enumerate(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)
}
MONTHS["SEPT"] = 9

#: ``P 020922Z JUN 09``, ``O P 280224Z MAR 09``, ``R 271245Z DEC 09``; days/hours digits only
DTG_LINE = re.compile(
    r"^(?P<prec>(?:[ZOPRMY]\s+){0,3})(?P<dtg>(?P<day>\d{2})(?P<hour>\d{2})(?P<minute>\d{2})Z\s+"
    r"(?P<month>[A-Z]{3,4})\s+(?P<year>\d{2}|\d{4}))\b",
    re.I,
)


def century_year(two: int) -> int:
    """Cables run 1966-2010: 66-99 are 19xx, 00-65 are 20xx."""
    return 1900 + two if two >= 66 else 2000 + two


@functools.lru_cache(maxsize=4096)
def parse_dtg(text: str) -> tuple[str, str] | None:
    """``(iso, precedences)`` for a line that starts with a DTG, else None."""
    match = DTG_LINE.match(text.strip())
    if not match:
        return None
    month = MONTHS.get(match["month"].upper())
    if month is None:
        return None
    year = int(match["year"])
    year = century_year(year) if year < 100 else year
    try:
        moment = datetime(year, month, int(match["day"]), int(match["hour"]), int(match["minute"]))
    except ValueError:
        return None
    precedences = " ".join(match["prec"].split())
    if year < 1000:  # strftime's %Y, as before, for a year no cable has
        return moment.strftime("%Y-%m-%dT%H:%M:00Z"), precedences
    return f"{year}-{month:02d}-{moment.day:02d}T{moment.hour:02d}:{moment.minute:02d}:00Z", precedences


def dtg_text(text: str) -> str | None:
    match = DTG_LINE.match(text.strip())
    return match["dtg"] if match else None


def table_moment(created: str) -> str:
    """The moment a cablegate table's or a cables.csv row's "Created" gives (``2005-02-10T16:04``), as
    ``xs:dateTime`` or ``xs:date``. Its hour is the date-time group's; its minutes are the same hour on a
    12-hour clock (04 for 4 p.m.; so in 5,926 of the 5,928 pages and all 278 CSV rows whose text carries a
    date-time group on the same day, ``scripts/eval_table_time.py``): where they are, the minute is not
    known, and the day alone is given."""
    if len(created) != 16 or created[10] != "T":
        return created
    hour, minute = int(created[11:13]), int(created[14:16])
    return created[:10] if minute == (hour % 12 or 12) else created + ":00Z"
