"""Where the text and the source's metadata disagree: the id, the date, the classification and
the origin the text gives, against the cablegate table's, the cables.csv row's or a text
scrape's. Each disagreement is a warning and a TEI note, worded so that a reader of the note
knows what the text itself says."""

from __future__ import annotations

from collections.abc import Sequence

from ..model import SourceMetadata
from .parsed import Routing

#: how a disagreement names the metadata it is with
_WITNESS = {"cablegate-table": "the cablegate table", "cables.csv": "the cables.csv row",
            "text-scrape": "the text scrape's metadata"}
#: the handling words that make an unclassified cable's record ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``
UNCLASSIFIED_HANDLING = frozenset({"SENSITIVE", "FOR OFFICIAL USE ONLY", "FOUO", "SBU", "NOFORN"})


def _same_post(a: str, b: str) -> bool:
    """Two origin names of one post (``Embasy Bonn``, the release's slip, and ``Embassy Bonn``)."""
    from .. import stations

    if a == b:
        return True
    post = stations.by_origin(a)
    return post is not None and post is stations.by_origin(b)


def marked_as(record: str, level: str | None, caveats: Sequence[str]) -> str:
    """How the text's markings read: the record itself, or, where the cablegate convention names
    an unclassified cable by its handling (``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` for a text
    marked ``UNCLAS`` and ``SENSITIVE BUT UNCLASSIFIED``, 05BRASILIA369), the words the text
    marks it with and the record in brackets: the text never wrote the record's words (unless it
    wrote ``FOR OFFICIAL USE ONLY``)."""
    upper = {c.upper() for c in caveats}
    if level != "UNCLASSIFIED" or not record.startswith("UNCLASSIFIED//") or upper & {"FOR OFFICIAL USE ONLY", "FOUO"}:
        return record
    words = [c for c in caveats if c.upper() in UNCLASSIFIED_HANDLING]
    return f"{' and '.join([level, *words])} ({record} in the cablegate convention)"


def cross_check(
    ident: str | None,
    routing: Routing,
    marking: tuple[str | None, str | None, Sequence[str]],
    origin: str | None,
    origin_from_metadata: bool,
    meta: SourceMetadata | None,
    named: str | None = None,
) -> tuple[str, ...]:
    """Where the text and the source's metadata disagree (each a warning and a TEI note);
    ``marking``: the classification record, the level and the caveats; ``named``: the id the
    banner gives where the page's own id is kept, or its reference alone where the text has no
    date (see ``facts._ident``)."""
    if meta is None:
        return ()
    classification, level, caveats = marking
    where = _WITNESS.get(meta.kind, meta.kind)
    checks = []
    if meta.id and ident and meta.id != ident:
        checks.append(f"id: the text gives {ident}, {where} {meta.id}")
    if named and routing.date is None:
        checks.append(f"id: the banner gives {named}, {where} {ident}; the text gives no date, so "
                      f"{named}'s year is unknown: the id {ident} is kept")
    elif named:
        checks.append(f"id: the banner gives {named}, the routing header and {where} {ident}: the text "
                      f"seems to be {named}'s under {ident}'s header; the id {ident} is kept")
    # to the hour the table and the row give, to the day a scrape gives
    if meta.created and routing.date and meta.created[:13] != routing.date[: min(13, len(meta.created))]:
        checks.append(f"date: the text gives {routing.date}, {where} {meta.created}")
    # a scrape's metadata gives the level alone: compared by level, named as the record has it
    given = classification.split("//")[0] if classification and meta.kind == "text-scrape" else classification
    if meta.classification and classification and given and meta.classification.upper() != given:
        read = marked_as(classification, level, caveats)
        checks.append(f"classification: the text's markings read as {read}, {where} {meta.classification}")
    if meta.origin and origin and not origin_from_metadata and not _same_post(meta.origin, origin):
        checks.append(f"origin: the text gives {origin}, {where} {meta.origin}")
    return tuple(checks)
