"""The header's facts as the TEI that :func:`~convert.normalize.build.build` makes states them,
made from the same facts: the read side of a cable the normalizer made, without reading its TEI
back (:func:`convert.view.read.read_header` reads it back: the same value, a walk of the header
and some twenty XPath questions later).

Each value is what the builder writes, then what the reader takes of it: an element's text
collapsed (:func:`~convert.textview.collapse`), an attribute as written, nothing where the builder
writes no element. The pieces both sides decide (which addressees are listed, an addressee's
key and precedence, a level, a station, a cited id) are the same functions. A test holds this to
``read_header`` over real cables (``tests/test_stated_header.py``)."""

from __future__ import annotations

from collections.abc import Sequence

from ... import taxonomy
from ...textview import collapse
from ...view.facts import Appended, Header, Office, Reference
from ...view.read import cited, stated_level, station_of
from ..dtg import table_moment
from ..facts import origin_named
from ..parsed import Addressee, Facts, ParsedCable
from .header import addressee_values, listed_addressees, message_precedence, slug
from .ids import document_id
from .text import appended_id


def _text(value: str | None) -> str | None:
    """An element made when ``value`` is not empty, read as its collapsed text."""
    return collapse(value) if value else None


def _offices(listed: Sequence[Addressee]) -> tuple[Office, ...]:
    out = []
    for addressee in listed_addressees(listed):
        name, key, n, ana = addressee_values(addressee)
        out.append(Office(collapse(name), key, taxonomy.precedence_name(ana), n))
    return tuple(out)


def _date(facts: Facts) -> str | None:
    """The first of the sent date, the date-time group's and the metadata's creation."""
    meta = facts.metadata
    created = table_moment(meta.created) if meta is not None and meta.created else None
    return facts.date or facts.routing.date or created or None


def _part(prefix: str, number: int, facts: Facts) -> Appended:
    meta = facts.metadata
    sender = facts.routing.sender or facts.origin
    return Appended(
        part=f"{prefix}-{appended_id(number)}",
        cable_id=_text(facts.cable_id),
        date=facts.date or None,
        origin=_text(meta.origin if meta is not None else None) or _text(sender),
        subject=_text(facts.subject),
        signer=_text(facts.signer),
    )


def stated_header(parsed: ParsedCable) -> Header:
    """What ``read_header`` reads from ``build(parsed)``."""
    facts = parsed.facts
    routing, meta = facts.routing, facts.metadata
    sender = _text(routing.sender)
    level = taxonomy.level(facts.level)
    precedence = message_precedence(routing)
    prefix = document_id(facts.cable_id, facts.source)
    return Header(
        cable_id=facts.cable_id or None,
        date=_date(facts),
        sender=sender,
        origin=origin_named(sender, station_of(_text(facts.message_ref)),
                            _text(meta.origin if meta is not None else None))[0],
        to=_offices(routing.to),
        info=_offices(routing.info),
        level=stated_level(slug(facts.level or "") if facts.level_text else None,
                           taxonomy.pointer(level) if level else None),
        caveats=tuple(collapse(caveat) for caveat in facts.caveats),
        subject=_text(facts.subject),
        tags=tuple(collapse(tag) for tag in facts.tags),
        references=tuple(Reference(ref.letter, collapse(ref.text), cited(f"cable:{ref.target}" if ref.target else None))
                         for ref in facts.refs),
        signer=_text(facts.signer),
        sections=facts.sections or None,
        lang="en",
        appended=tuple(_part(prefix, number, part.facts) for number, part in enumerate(parsed.appended, 1)),
        precedence=taxonomy.precedence_name(taxonomy.pointer(precedence) if precedence else None),
    )


__all__ = ["stated_header"]
