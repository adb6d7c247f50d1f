"""Chain ``fields.ref-before`` (asked by the facts, once the cable's id is known): the year of a
reference to the cable's own post whose serial is above the cable's own.

A post numbers its telegrams from 1 each year, so its telegram N of a year can cite only its own
telegrams below N of that year. A reference written without a year is read as of the cable's
year (``refs._resolved``); where it names the cable's own post and a serial above the cable's,
that reading names a telegram not yet sent: ``REF: TRIPOLI 984`` in TRIPOLI 5 of January 2009,
``PANAMA 00955`` in PANAMA 8, ``REYKJAVIK 228`` in REYKJAVIK 3 of 2010 (187 references in the
corpus's pages were read so). ``serial-above-own`` reads each as of the year before, the nearest
year it can be of, and says so in a warning.

The Department numbers its telegrams so too, and sends the most: ``state-serial-above-date`` reads
a year-less ``STATE`` serial above what it could have sent by the cable's date, in the first
months of a year, as of the year before (``REF: STATE 131995`` in a cable of February 16, 2010).
Any post's serials run so too: ``post-serial-above-date`` reads a year-less serial of another post above
what any post sent by the cable's date (100 a day and a margin), in a year's first months, as of the year
before (``REF: TOKYO 3114`` in SEOUL 59 of January 12, 2009). Each rule of the chain is asked in turn, of the
references the one before returned.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
from collections.abc import Callable, Sequence

from ..parsed import Ref
from .appended import CABLE_ID
from .ruler import Chain, Run, note

Before = tuple[tuple[Ref, ...], list[str]] | None
REF_BEFORE: Chain[Callable[[Sequence[Ref], str | None, str | None, str | None], Before]] = Chain(
    "fields.ref-before",
    "fields",
    "References whose year was read as the cable's, where that names a telegram not yet sent (each rule in "
    "turn: the references again, and what was changed, or None). Asked with the cable's id, its banner's "
    "message reference and its date.",
)

#: a banner's message reference: its post and serial (``TRIPOLI 000005``)
_MESSAGE = re.compile(r"^(?P<post>[A-Z][A-Z ]*?)\s+0*(?P<serial>\d+)$")


def _own(ident: str | None, message_ref: str | None) -> dict[str, int]:
    """The cable's own serial by post, as its id and its banner write them (a page whose text is
    another post's telegram under its routing header has two; a dateless text only the banner's)."""
    own: dict[str, int] = {}
    named = CABLE_ID.fullmatch(ident or "")
    if named:
        own[named["station"]] = int(named["serial"])
    written = _MESSAGE.match(message_ref or "")
    if written:
        own.setdefault("".join(written["post"].split()), int(written["serial"]))
    return own


@REF_BEFORE.rule(
    "serial-above-own",
    note=note(
        "normalization",
        "A reference written without a year to a telegram of the cable's own post with a serial above the "
        "cable's own (REF: TRIPOLI 984 in TRIPOLI 5) is of the year before: a post numbers its telegrams from 1 "
        "each year, and the cable's year would name one not yet sent.",
    ),
)
def serial_above_own(refs: Sequence[Ref], ident: str | None, message_ref: str | None, date: str | None) -> Before:
    """``REF: TRIPOLI 984`` in 09TRIPOLI5: 08TRIPOLI984, not 09TRIPOLI984; only a reference whose
    year was inferred (the cable's, or the year a dateless text was read as of), of the cable's
    own post."""
    own = _own(ident, message_ref)
    if not own:
        return None
    def above(named: re.Match[str]) -> str | None:
        if named["station"] in own and int(named["serial"]) > own[named["station"]]:
            return f"a serial above the cable's own ({ident or message_ref}) of the same post"
        return None
    return _year_before(refs, above)


def _year_before(refs: Sequence[Ref], reason: Callable[[re.Match[str]], str | None]) -> Before:
    """The references, each whose year was inferred and for which ``reason`` (asked with its id's
    parts) gives one read as of the year before, a warning saying why; None where none is."""
    out: list[Ref] = []
    said: list[str] = []
    for ref in refs:
        named = CABLE_ID.fullmatch(ref.target or "") if ref.year_inferred else None
        why = reason(named) if named else None
        if named and why:
            before = f"{(int(named['year']) - 1) % 100:02d}{named['station']}{named['serial']}"
            said.append(f"REF {ref.text}: {why}, so of the year before: {before}")
            ref = dataclasses.replace(ref, target=before)
        out.append(ref)
    return (tuple(out), said) if said else None


#: the most telegrams the Department sent in a day, on average over a year, in any year of the
#: corpus (2003's were numbered to about 348,000, some 950 a day; 2007-2010's 290 to 505 a day in
#: the pages' own State telegrams), with room to spare, and a margin for the year's first days
STATE_PER_DAY, STATE_MARGIN = 1100, 5000
#: the first days of a year, where a reference to a telegram of the year before is to be expected
EARLY_DAYS = 120


def _early(date: str | None, per_day: int, margin: int) -> tuple[datetime.date, int] | None:
    """The cable's day and the highest serial a sender could have reached by it (``per_day`` a day since
    January 1, and ``margin``), in a year's first :data:`EARLY_DAYS` days; None later or without a date."""
    try:
        day = datetime.date.fromisoformat((date or "")[:10])
    except ValueError:
        return None
    ordinal = day.timetuple().tm_yday
    return (day, ordinal * per_day + margin) if ordinal <= EARLY_DAYS else None


@REF_BEFORE.rule(
    "state-serial-above-date",
    after="serial-above-own",
    note=note(
        "normalization",
        "A reference written without a year to a Department telegram whose serial is above what the "
        "Department could have sent by the cable's date in the first months of a year (REF: STATE 131995 on "
        "February 16) is of the year before: the Department numbers its telegrams from 1 each year.",
    ),
)
def state_serial_above_date(refs: Sequence[Ref], ident: str | None, message_ref: str | None,
                            date: str | None) -> Before:
    """``REF: STATE 131995`` in 10CAIRO209 of February 16, 2010: by then the Department had sent
    some 14,000 telegrams that year (10STATE13701 is of February 10), so 09STATE131995; only in a
    year's first :data:`EARLY_DAYS` days, above :data:`STATE_PER_DAY` a day and the margin."""
    early = _early(date, STATE_PER_DAY, STATE_MARGIN)
    if early is None:
        return None
    day, limit = early

    def above(named: re.Match[str]) -> str | None:
        if named["station"] == "STATE" and int(named["year"]) == day.year % 100 and int(named["serial"]) > limit:
            return f"a Department serial above what it could have sent by {day.isoformat()}"
        return None
    return _year_before(refs, above)


def years_before(refs: Sequence[Ref], ident: str | None, message_ref: str | None, date: str | None, run: Run,
                 warnings: list[str]) -> tuple[Ref, ...]:
    """The references, each rule of the chain asked in turn (a serial of the cable's own post above
    its own, a Department serial above the cable's date) and read as of the year before; a warning
    says which."""
    out = tuple(refs)
    for rule in run.active(REF_BEFORE):
        found: Before = rule.fn(out, ident, message_ref, date)
        if found:
            run.fire(rule.name)
            out = found[0]
            warnings.extend(found[1])
    return out


#: the most telegrams a post sent in a day, on average since January 1, in the corpus's pages (Havana 78 and
#: Beijing 76 in 2006), with room to spare, and a margin for the year's first days; not the Secretary's
#: travelling party, whose numbers (PARTO 41305 in April) are no post's
POST_PER_DAY, POST_MARGIN = 100, 500
_NOT_A_POST = frozenset({"STATE", "PARTO", "TOSEC", "SECTO"})


@REF_BEFORE.rule(
    "post-serial-above-date",
    after="state-serial-above-date",
    note=note(
        "normalization",
        "A reference written without a year to another post's telegram whose serial is above what any post "
        "sent by the cable's date in the first months of a year (REF: TOKYO 3114 in SEOUL 59 of January 12) "
        "is of the year before: a post numbers its telegrams from 1 each year.",
    ),
)
def post_serial_above_date(refs: Sequence[Ref], ident: str | None, message_ref: str | None,
                           date: str | None) -> Before:
    """``REF: A. TOKYO 3114`` in 09SEOUL59 of January 12, 2009: no post had sent 1,700 telegrams by then
    (:data:`POST_PER_DAY` a day and the margin), so 08TOKYO3114 (also ``MINSK 1721`` on January 11,
    ``MADRID 3095`` on January 3, ``KABUL 5855`` on February 14); only in a year's first :data:`EARLY_DAYS`
    days."""
    early = _early(date, POST_PER_DAY, POST_MARGIN)
    if early is None:
        return None
    day, limit = early

    def above(named: re.Match[str]) -> str | None:
        station = named["station"]
        if station in _NOT_A_POST or int(named["year"]) != day.year % 100 or int(named["serial"]) <= limit:
            return None
        return f"a serial above what any post had sent by {day.isoformat()}"
    return _year_before(refs, above)
