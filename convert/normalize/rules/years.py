"""Chain ``fields.ref-year`` (asked by the stages, before the REF fields are parsed): the year
of references written without one (``REF: ANKARA 4230``) where the text carries no date of
its own (a pasted body, a partial extract without its date-time group).

A reference without a year is of the cable's year. Without the cable's date, the text may
still tell the year, less surely: the rules here say how, and each says how sure it is.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..parsed import Field
from .ruler import Chain

REF_YEAR: Chain[Callable[[Sequence[Field]], tuple[int, str] | None]] = Chain(
    "fields.ref-year",
    "fields",
    "The year of references without one, where the text gives no date (first match; the year and a warning).",
)

#: a media partner's dateline (``Thursday, 07 March 2002, 10:13``) or a database row's date
#: (``2000-06-07``, ``2000-06-07 16:08``), as a line of a wrapper field
_WRAPPER_DATE = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+"
    r"(?P<a>(?:19|20)\d\d),\s+\d\d:\d\d"
    r"|^[ \t]*+(?P<b>(?:19|20)\d\d)-[01]\d-[0-3]\d(?:[ \t]+\d\d:\d\d(?::\d\d)?)?[ \t]*+$",
    re.M,
)


@REF_YEAR.rule("wrapper-year")
def wrapper_year(fields: Sequence[Field]) -> tuple[int, str] | None:
    """``Thursday, 07 March 2002, 10:13``, a database row's ``2000-06-07``: the date a media
    partner's or an archive's wrapper gives the cable (its date of sending) gives the year."""
    for field in fields:
        if field.kind == "wrapper":
            match = _WRAPPER_DATE.search("\n".join(x for x in field.lines if isinstance(x, str)))
            if match:
                year = int(match["a"] or match["b"])
                return year, (
                    f"the text gives no date-time group: references without a year are read as of "
                    f"{year}, the year of the wrapper's date"
                )
    return None


_DECL = re.compile(r"\bDECL\s*:?\s*(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{4}|\d{2})\b", re.I)


@REF_YEAR.rule("declassification-year", after="wrapper-year")
def declassification_year(fields: Sequence[Field]) -> tuple[int, str] | None:
    """``E.O. 12958: DECL: 07/05/2013``: a cable is most often declassified ten years after it
    was sent (on 3,494 of the 4,275 cablegate pages with such a date, 82 %; 20 and 25 years
    are the next most common), so references without a year are read as of the declassification
    year less ten, and a warning says it is a guess."""
    eo = next((f for f in fields if f.kind == "eo"), None)
    match = _DECL.search(eo.text) if eo is not None else None
    if match is None:
        return None
    year = int(match["year"])
    year += 2000 if year < 100 else 0
    if not 1960 <= year - 10 <= 2030:
        return None
    return year - 10, (
        f"the text gives no date: references without a year are read as of {year - 10}, the "
        f"declassification year ({year}) less ten, a guess (right for 82 % of the cablegate pages)"
    )
