"""Chain ``fields.ref-before`` (asked by the facts, once the cable's id is known): the year of a
reference to the cable's own post whose serial is above the cable's own.

A post numbers its telegrams from 1 each year, so its telegram N of a year can cite only its own
telegrams below N of that year. A reference written without a year is read as of the cable's
year (``refs._resolved``); where it names the cable's own post and a serial above the cable's,
that reading names a telegram not yet sent: ``REF: TRIPOLI 984`` in TRIPOLI 5 of January 2009,
``PANAMA 00955`` in PANAMA 8, ``REYKJAVIK 228`` in REYKJAVIK 3 of 2010 (187 references in the
corpus's pages were read so). ``serial-above-own`` reads each as of the year before, the nearest
year it can be of, and says so in a warning.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Sequence

from ..parsed import Ref
from .appended import CABLE_ID
from .ruler import Chain, Run, note

REF_BEFORE: Chain[
    Callable[[Sequence[Ref], str | None, str | None], tuple[tuple[Ref, ...], list[str]] | None]
] = Chain(
    "fields.ref-before",
    "fields",
    "References whose year was read as the cable's, where that names a telegram of the cable's own post not "
    "yet sent (first match: the references again, and what was changed, or None). Asked with the cable's id "
    "and its banner's message reference.",
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
def serial_above_own(
    refs: Sequence[Ref], ident: str | None, message_ref: str | None
) -> tuple[tuple[Ref, ...], list[str]] | None:
    """``REF: TRIPOLI 984`` in 09TRIPOLI5: 08TRIPOLI984, not 09TRIPOLI984; only a reference whose
    year was inferred (the cable's, or the year a dateless text was read as of), of the cable's
    own post."""
    own = _own(ident, message_ref)
    if not own:
        return None
    out: list[Ref] = []
    said: list[str] = []
    for ref in refs:
        named = CABLE_ID.fullmatch(ref.target or "") if ref.year_inferred else None
        if named and named["station"] in own and int(named["serial"]) > own[named["station"]]:
            before = f"{(int(named['year']) - 1) % 100:02d}{named['station']}{named['serial']}"
            said.append(f"REF {ref.text}: a serial above the cable's own ({ident or message_ref}) of the same "
                        f"post, so of the year before: {before}")
            ref = dataclasses.replace(ref, target=before)
        out.append(ref)
    return (tuple(out), said) if said else None


def years_before(refs: Sequence[Ref], ident: str | None, message_ref: str | None, run: Run,
                 warnings: list[str]) -> tuple[Ref, ...]:
    """The references, a serial of the cable's own post above its own read as of the year before
    (the chain's first finding; a warning says which)."""
    before: tuple[tuple[Ref, ...], list[str]] | None = run.first(REF_BEFORE, refs, ident, message_ref)
    if not before:
        return tuple(refs)
    warnings.extend(before[1])
    return before[0]
