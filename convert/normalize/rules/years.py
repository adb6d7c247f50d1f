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
from ..refs import parse_refs
from .fields import partial_extract
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


#: ``DECL: 07/05/2013``, ``DECL 12-29-13``, and the later form ``DECL: 2019/12/31``
_DECL = re.compile(
    r"\bDECL\s*:?\s*(?:(?P<month>\d{1,2})(?P<sep>[/-])(?P<day>\d{1,2})(?P=sep)(?P<year>\d{4}|\d{2})"
    r"|(?P<first>(?:19|20)\d\d)/[01]\d/[0-3]\d)\b",
    re.I,
)
#: declassification periods, the usual one first (E.O. 12958: ten years, else up to 25; 30 and
#: more for a few): the first that puts the cable in the record's years is taken
PERIODS = (10, 5, 15, 20, 25, 30)
#: the years most of the record's cables were sent in (the window the periods are tried in)
USUAL_FIRST = 2001
#: the partial extracts ("This record is a partial extract of the original cable") among the
#: 6,550 cablegate pages were sent 2000-2006 (663 pages; ``scripts/eval_ref_year.py`` counts them)
PARTIAL_LAST = 2006
#: how often the rule's year is right, measured by ``scripts/eval_ref_year.py`` on the held-out
#: half of the cablegate pages whose text gives a declassification date (the warning quotes it)
MEASURED = "95 %"


def declassified(fields: Sequence[Field]) -> int | None:
    """The year of the E.O. line's declassification date (``DECL: 07/05/2013`` -> 2013)."""
    eo = next((f for f in fields if f.kind == "eo"), None)
    match = _DECL.search(eo.text) if eo is not None else None
    if match is None:
        return None
    if match["first"]:
        return int(match["first"])
    decl = int(match["year"])
    return decl + 2000 if decl < 100 else decl


def bounds(
    fields: Sequence[Field], lines: Sequence[str], *, cited: bool = True, partial: bool = True
) -> tuple[int, int]:
    """The years the text allows (first, last): no earlier than the latest cable its REF fields
    name with a year (``REF: 04 SECSTATE 206331``: ``cited``), no later than the partial
    extracts' last year when it is one (``partial``)."""
    first, last = FIRST_YEAR, LAST_YEAR
    if cited:
        for field in fields:
            if field.kind == "refs":
                years = [century_year(int(r.target[:2])) for r in parse_refs(field.text, None).items if r.target]
                first = max([first, *years])
    if partial and (
        any(f.kind == "notice" and partial_extract(f.text) for f in fields)
        or any(partial_extract(line) for line in lines[:3])
    ):
        last = min(last, PARTIAL_LAST)
    return first, last


_MONTH = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
#: a full date in the text: ``On August 3, 2005``, ``3 August 2005``, ``Aug. 3 2005``
_FULL_DATE = re.compile(
    rf"\b(?:(?:{_MONTH})\.?[ \t]+\d{{1,2}},?[ \t]+|\d{{1,2}}[ \t]+(?:{_MONTH})\.?,?[ \t]+)(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


def latest_dated(lines: Sequence[str]) -> int | None:
    """The year of the latest full date the text writes (``On August 3, 2005``), if any."""
    found = [int(m["year"]) for line in lines for m in _FULL_DATE.finditer(line)]
    return max(found) if found else None


def year_of(
    decl: int, first: int = FIRST_YEAR, last: int = LAST_YEAR, dated: int | None = None
) -> tuple[int, int] | None:
    """The cable's year and the period taken, for a declassification year: of the usual
    periods that put it in ``first``-``last`` and in the years most cables were sent (from
    2001), the one that gives the year of the text's latest full date (``dated``), else the
    first; else ten years if that puts it in ``first``-``last``; None when none does."""
    low = max(first, USUAL_FIRST)
    allowed = [p for p in PERIODS if low <= decl - p <= last]
    found = next((p for p in allowed if decl - p == dated), allowed[0] if allowed else None)
    if found is None and first <= decl - 10 <= last:
        found = 10
    return None if found is None else (decl - found, found)


@REF_YEAR.rule("declassification-year", after="wrapper-year")
def declassification_year(fields: Sequence[Field], lines: Sequence[str]) -> tuple[int, str, bool] | None:
    """``E.O. 12958: DECL: 07/05/2013``: a cable is most often declassified ten years after it
    was sent; where ten years would put it outside the years most of the record's cables were
    sent (2001-2010), or outside what the text allows, the next usual period that puts it
    there (5, 15, 20, 25, 30 years: ``DECL: 04/05/2009`` -> 2004, ``DECL: 10/18/2025`` ->
    2010, or 2005 in a partial extract). The text allows no year before a cable its REF
    field names with a year (``04 SECSTATE 206331``), and a partial extract none after 2006;
    of the periods allowed, the one that gives the year of the text's latest full date
    (``On August 3, 2005``) is taken. The year is a guess; the warning says how often it is
    right (``MEASURED``; ``scripts/eval_ref_year.py`` measures each piece of evidence)."""
    decl = declassified(fields)
    found = year_of(decl, *bounds(fields, lines), latest_dated(lines)) if decl is not None else None
    if found is None:
        return None
    year, period = found
    return year, (
        f"the text gives no date: references without a year are read as of {year}, the "
        f"declassification year ({decl}) less {period}, a guess (right for {MEASURED} of the cablegate "
        f"pages whose text gives a declassification date)"
    ), True
