"""Chain ``fields.ref-year`` (asked by the stages, before the REF fields are parsed): the year
of references written without one (``REF: ANKARA 4230``) where the text carries no date of
its own (a pasted body, a partial extract without its date-time group).

A reference without a year is of the cable's year. Without the cable's date, the text may
still tell the year, less surely: the rules here say how, and each says how sure it is
(``(year, warning, guessed)``: a guessed year marks the references ``year-guessed``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..dtg import century_year
from ..parsed import Field, own_banner
from .ruler import Chain

REF_YEAR: Chain[Callable[[Sequence[Field], Sequence[str]], tuple[int, str, bool] | None]] = Chain(
    "fields.ref-year",
    "fields",
    "The year of references without one, where the text gives no date (first match; the year, a warning, "
    "and whether it is a guess). Asked with the preamble's fields and every line of the cable's text.",
)

#: the cables of the record were sent 1966-2010 (the declassification guess stays in them)
FIRST_YEAR, LAST_YEAR = 1966, 2010


def _id_pattern(fields: Sequence[Field]) -> re.Pattern[str] | None:
    """The cable's own id as media partners and archives write it (``04BRUSSELS4944``,
    ``2005CARACA02404``), from its banner's station and serial; None without them."""
    banner = own_banner(fields)
    if banner is None or not (banner.id_station or banner.station):
        return None
    letters = re.sub(r"[^A-Z]", "", (banner.id_station or banner.station or "").upper())
    serial = (banner.serial or "").lstrip("0")
    if len(letters) < 3 or not serial.isdigit():
        return None
    return re.compile(
        rf"(?<![A-Z0-9])(?:(?P<a>\d\d){letters}|(?P<b>(?:19|20)\d\d){letters[:6]})0*{serial}(?![0-9])"
    )


@REF_YEAR.rule("own-id-year")
def own_id_year(fields: Sequence[Field], lines: Sequence[str]) -> tuple[int, str, bool] | None:
    """``23064 11/19/2004 15:41 04BRUSSELS4944 …``: a media partner's or an archive's row names
    the cable by its own id (the banner's station and serial), whose first digits are the year
    it was sent: certain."""
    pattern = _id_pattern(fields)
    if pattern is None:
        return None
    for line in lines:
        match = pattern.search(line)
        if match:
            year = int(match["b"]) if match["b"] else century_year(int(match["a"]))
            return year, (
                f"the text gives no date-time group: references without a year are read as of {year}, "
                f"the year of the cable's own id ({match.group()}) in the text"
            ), False
    return None


#: a media partner's dateline (``Thursday, 07 March 2002, 10:13``) or a database row's date
#: (``2000-06-07``, ``2000-06-07 16:08``), as a line of its own
_WRAPPER_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+"
    r"(?P<a>(?:19|20)\d\d),\s+\d\d:\d\d"
    r"|^[ \t]*+(?P<b>(?:19|20)\d\d)-[01]\d-[0-3]\d(?:[ \t]+\d\d:\d\d(?::\d\d)?)?[ \t]*+$",
    re.M,
)


@REF_YEAR.rule("wrapper-year", after="own-id-year")
def wrapper_year(fields: Sequence[Field], lines: Sequence[str]) -> tuple[int, str, bool] | None:
    """``Thursday, 07 March 2002, 10:13``, a database row's ``2000-06-07``: the date a media
    partner's or an archive's wrapper gives the cable (its date of sending) gives the year."""
    for line in lines:
        match = _WRAPPER_DATE.search(line) if ("," in line or "-" in line) else None
        if match:
            year = int(match["a"] or match["b"])
            return year, (
                f"the text gives no date-time group: references without a year are read as of "
                f"{year}, the year of the wrapper's date"
            ), False
    return None


_DECL = re.compile(
    r"\bDECL\s*:?\s*(?P<month>\d{1,2})(?P<sep>[/-])(?P<day>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})\b", re.I
)
#: declassification periods, the usual one first (E.O. 12958: ten years, else up to 25; 30 and
#: more for a few): the first that puts the cable in the record's years is taken
PERIODS = (10, 5, 15, 20, 25, 30)


@REF_YEAR.rule("declassification-year", after="wrapper-year")
def declassification_year(fields: Sequence[Field], lines: Sequence[str]) -> tuple[int, str, bool] | None:
    """``E.O. 12958: DECL: 07/05/2013``: a cable is most often declassified ten years after it
    was sent; where ten years would put it outside the record's cables (1966-2010 sent, most
    2001-2010), the next usual period that puts it in 2001-2010 (5, 15, 20, 25, 30 years:
    ``DECL: 04/05/2009`` -> 2004, ``DECL: 10/18/2025`` -> 2005). The year is a guess (right
    for 94 % of the 4,276 cablegate pages with a date there; ten years alone: 82 %), and a
    warning says so."""
    eo = next((f for f in fields if f.kind == "eo"), None)
    match = _DECL.search(eo.text) if eo is not None else None
    if match is None:
        return None
    decl = int(match["year"])
    decl += 2000 if decl < 100 else 0
    found = next((p for p in PERIODS if 2001 <= decl - p <= LAST_YEAR), None)
    if found is None and FIRST_YEAR <= decl - 10 <= LAST_YEAR:
        found = 10
    if found is None:
        return None
    year = decl - found
    return year, (
        f"the text gives no date: references without a year are read as of {year}, the "
        f"declassification year ({decl}) less {found}, a guess (right for 94 % of the cablegate pages)"
    ), True
