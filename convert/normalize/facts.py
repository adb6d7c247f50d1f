"""The cable's facts, derived from what the stages found: id, date, origin, classification,
caveats, subject, TAGS, references, signer. Conventions (the cablegate spelling of ids and
origins, the classification record) and fallbacks to the source's metadata live here; what
the text says is found by the rules."""

from __future__ import annotations

import re
from collections.abc import Sequence

from .. import vocab
from ..model import RawCable, SourceMetadata
from .bodyfacts import has_summary, is_partial, markings
from .closing import signer_of
from .crosscheck import UNCLASSIFIED_HANDLING, cross_check
from .dtg import table_moment
from .handling import stated_caveats
from .inline import repair, subject_repairs
from .offices import no_origin, sender_station
from .parsed import Banner, Block, EditorialNote, Facts, Field, LateField, Paragraph, Routing
from .refs import cited
from .rules.cutfields import WHOLE_CLASSIFIED_BY
from .rules.deserial import cut_banner, de_serial_id, whole_serial
from .rules.fields import EDGES, FULL_SUBJECT, HANDLING_TOKEN, ORIGIN, PARAGRAPH
from .rules.labels import field_words, subject_text
from .rules.openrefs import opening_refs_of
from .rules.refbefore import years_before
from .rules.refcopy import merged_refs, whole_refs
from .rules.ruler import PARTS, Run, all_rules
from .rules.subjects import EDGE_MARKING
from .tagcodes import tags_from
from .tokens import plain

_NOT_ID = re.compile(r"[^A-Z0-9]")


def classification_record(level: str | None, caveats: Sequence[str]) -> str | None:
    """The cablegate convention: ``SECRET//NOFORN``; ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``
    for unclassified cables marked SENSITIVE or FOUO."""
    if level is None:
        return None
    upper = {c.upper() for c in caveats}
    if level == "LIMITED OFFICIAL USE":
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    # an unclassified cable with any handling restriction (SENSITIVE, FOUO, even NOFORN) is
    # "UNCLASSIFIED//FOR OFFICIAL USE ONLY" in the 2011 metadata
    if level == "UNCLASSIFIED" and upper & UNCLASSIFIED_HANDLING:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    if "NOFORN" in upper and level in ("SECRET", "CONFIDENTIAL", "TOP SECRET"):
        return f"{level}//NOFORN"
    return level


#: a handling word as written -> its caveat
_CAVEAT_NAMES = {name: name for name in (
    "SIPDIS", "SENSITIVE", "NOFORN", "FOR OFFICIAL USE ONLY", "LIMITED OFFICIAL USE", "EXDIS", "LIMDIS", "NODIS",
    "STADIS", "EFTO", "SBU", "ROGER", "CHEROKEE", "SPECAT", "ORCON", "PROPIN", "NOCONTRACT", "CORRECTED COPY",
    "TERREP", "AIDAC",
)} | {
    "SENSITIVE BUT UNCLASSIFIED": "SENSITIVE", "NO FORN": "NOFORN", "FOUO": "FOR OFFICIAL USE ONLY", "E F T O": "EFTO",
}


def caveat_names(text: str) -> list[str]:
    names = []
    for match in HANDLING_TOKEN.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue  # part of a longer word
        key = " ".join(match.group().upper().split())
        name = _CAVEAT_NAMES.get(key)
        if name and name not in names:
            names.append(name)
    return names


def cable_id(year_iso: str | None, station: str | None, serial: str | None) -> str | None:
    """``2009``, ``BEIJING``, ``001463`` -> ``09BEIJING1463`` (the cablegate spelling)."""
    if not (year_iso and station and serial):
        return None
    digits = serial.lstrip("0") or "0"
    letters = _NOT_ID.sub("", station.upper()).lstrip("0123456789")
    return f"{year_iso[2:4]}{letters}{digits}" if letters else None


_ID_PARTS = re.compile(r"^(\d\d[A-Z]+?)(\d+)$")


def _last_digits(from_de: str, metadata_id: str) -> bool:
    """Whether an id made from the DE line's serial is the metadata's id cut to its last four
    digits (``DE RUEHC #0927``: the DE line carries four digits; the banner ``STATE 030927``
    and the table ``09STATE30927`` the whole serial)."""
    ours, theirs = _ID_PARTS.match(from_de), _ID_PARTS.match(metadata_id)
    if ours is None or theirs is None or ours[1] != theirs[1] or len(theirs[2]) <= 4:
        return False
    return theirs[2][-4:] == ours[2].zfill(4)[-4:]


def station_from_sender(routing: Routing) -> str | None:
    return sender_station(routing.sender) if routing.sender else None


# ---------------------------------------------------------------- the facts of one cable
def date_of(routing: Routing, meta: SourceMetadata | None) -> tuple[str | None, bool]:
    """The date of sending: the date-time group's, else the metadata's (:func:`.dtg.table_moment`; and whether so)."""
    if routing.date is None and meta is not None and meta.created:
        return table_moment(meta.created), True
    return routing.date, False


def origin_named(sender: str | None, station: str | None, meta_origin: str | None,
                 run: Run | None = None) -> tuple[str | None, str | None]:
    """The origin and where it comes from (``text``, ``metadata``, ``banner``): what the FM
    line's office names, else the metadata's, else what the banner's station names (the
    ``fields.origin`` rules; the TEI's readers ask this too)."""
    run = run or Run()
    found: str | None = run.first(ORIGIN, sender, None) if sender else None
    if found is not None:
        return found, "text"
    if meta_origin:
        return meta_origin, "metadata"
    found = run.first(ORIGIN, None, station) if not sender and station else None
    return found, "banner" if found else None


def _origin(
    routing: Routing, banner: Banner | None, meta: SourceMetadata | None, run: Run, warnings: list[str]
) -> tuple[str | None, bool]:
    """The origin (and whether from the metadata)."""
    station = banner.station if banner is not None else None
    origin, source = origin_named(routing.sender, station, meta.origin if meta is not None else None, run)
    if source == "banner":
        warnings.append(f"no FM line: the origin {origin} is read from the banner's station {station}")
    elif origin is None:
        warnings.append(no_origin(routing.sender, station))
    return origin, source == "metadata"


def _first(fields: Sequence[Field], kind: str) -> Field | None:
    return next((f for f in fields if f.kind == kind), None)


def _classification(
    fields: Sequence[Field], banner: Banner | None, routing: Routing, run: Run
) -> tuple[str | None, list[str]]:
    """The level and the handling caveats: from the banner, handling lines, handling words at
    the ends of distribution lines (SOUTHCOM FOR POLAD SENSITIVE SIPDIS); the level else from
    a handling line (LIMITED OFFICIAL USE) or the security line's letter (ZNY CCCCC)."""
    handling = [f.text for f in fields if f.kind == "handling"]
    edges = [
        run.first(EDGES, x) or "" for f in fields if f.kind == "distribution" for x in f.lines if isinstance(x, str)
    ]
    caveats = caveat_names(" ".join([" ".join(handling + edges), banner.rest if banner else ""]))
    level = banner.level if banner else None
    if level is None and any("LIMITED OFFICIAL USE" in text.upper() for text in handling):
        level = "LIMITED OFFICIAL USE"
    if level is None:
        security = next((line.text for line in routing.lines if line.kind == "security"), None)
        if security:
            level = vocab.SECURITY_LETTERS.get(security.split()[1][:1].upper())
    if level == "LIMITED OFFICIAL USE" and "LIMITED OFFICIAL USE" not in caveats:
        caveats.append("LIMITED OFFICIAL USE")
    return level, caveats


def _ident(
    banner: Banner | None, routing: Routing, date: str | None, meta: SourceMetadata | None, warnings: list[str],
    own_year: tuple[int | None, bool] = (None, False),
) -> tuple[str | None, str | None, str | None]:
    """(cable id, message reference, what the banner names where it is not kept: an id, or its
    reference where the text has no date): from the banner's reference, else the FM line and
    the DE line's serial; the id else from the metadata. Where the routing header (FM station,
    DE serial) and the metadata agree on an id the banner contradicts, the text under that
    header is another cable's (seen in cablegate pages), and the page keeps the id its two
    witnesses give. A text with no date of its own whose banner names another cable than the
    metadata keeps the metadata's id too: the only year there is, the metadata's, is that
    cable's (05MUSCAT679's partial extract is BEIJING 002305's text)."""
    station = banner.station if banner and banner.station else None
    serial = banner.serial if banner and banner.serial else None
    id_station = banner.id_station if banner and banner.serial else None
    if not (station and serial):
        station = station or station_from_sender(routing)
        serial = serial or routing.serial
    message_ref = f"{station} {serial}" if station and serial else None
    sure = str(own_year[0]) if own_year[0] and not own_year[1] else None  # a dateless text's year, no guess
    ident = cable_id(date or sure, id_station or station, serial)
    if ident and not date:
        warnings.append(f"no date-time group in the text: the id {ident} takes its year from the text "
                        "(the cable's own id or a wrapper's date written in it)")
    if ident and meta is not None and meta.id and ident != meta.id:
        routed = cable_id(date, station_from_sender(routing), routing.serial)
        if routed == meta.id or _sent_from(meta.id, ident, routing, date):  # two witnesses against the banner:
            return meta.id, message_ref, None if cut_banner(banner, routing.serial, warnings) else ident  # (its id)
        if not (banner and banner.serial) and _last_digits(ident, meta.id):
            return meta.id, message_ref, None  # the DE line's serial is the id's last four digits
        if routing.date is None:  # the year is then the metadata's, which vouches for its own id alone
            return meta.id, message_ref, message_ref
    if ident and (meta is None or not meta.id) and banner and banner.serial:
        _routing_disagrees(ident, cable_id(date, station_from_sender(routing), routing.serial), warnings)
    if ident is None and meta is not None and meta.id:
        ident = meta.id
        warnings.append(f"no message reference in the text: the id {ident} comes from the {meta.kind}")
    if ident is None:
        warnings.append("no cable id could be derived: files are named after the input")
    return ident, message_ref, None


def _sent_from(page_id: str, ident: str, routing: Routing, date: str | None) -> bool:
    """Whether a header with no DE serial names the page id's post, not the banner's, in its FM line
    (``FM AMEMBASSY BANGKOK`` over ``TAIPEI 000320``, 09BANGKOK706): two witnesses against the banner."""
    sent = _ID_PARTS.match(cable_id(date, station_from_sender(routing), "1") or "")
    page, banner = _ID_PARTS.match(page_id), _ID_PARTS.match(ident)
    if routing.serial is not None or sent is None or page is None or banner is None:
        return False
    return bool(sent[1] == page[1] != banner[1])


def _routing_disagrees(ident: str, routed: str | None, warnings: list[str]) -> None:
    """With no metadata to settle it, a banner whose serial the routing header's (FM line and
    DE serial) contradicts is said, not silently followed: on cablegate pages such a text is
    often another cable's under the header (07PARIS2725: MOSCOW 005154 under PARIS #2725)."""
    ours, theirs = _ID_PARTS.match(ident), _ID_PARTS.match(routed or "")
    if routed is None or ours is None or theirs is None or _last_digits(routed, ident):
        return
    if int(ours[2]) != int(theirs[2]):
        warnings.append(f"id: the banner gives {ident}, the routing header (FM line, DE serial) {routed}: "
                        "the banner's is kept (the text may be another cable's under this header, or a serial damaged)")


def _tags(field: Field | None, run: Run) -> tuple[str, ...]:
    return tuple(tags_from(field.text, run)) if field is not None else ()


def _subject(field: Field | None, run: Run) -> str | None:
    """The SUBJECT's words as they read: repaired and joined as its heading in the text is (the quotation
    marks a CSV export doubled read as one; the heading keeps them as written beside; ``… CBI-`` / ``BENEFICIARY``)."""
    if field is None:
        return None
    words = subject_text(field_words(field.lines, run.on("hyphenation")))
    subject = plain(repair(words, subject_repairs(run), run.trial()))
    return EDGE_MARKING.sub("", subject) or None


def _whole_subject(subject: str | None, blocks: Sequence[Block], run: Run, warnings: list[str]) -> str | None:
    """A SUBJECT cut short (``…``) read whole from a second copy of the cable, if one has it."""
    if subject is None or not subject.endswith(("...", "…")):
        return subject
    whole = run.first(FULL_SUBJECT, subject, blocks)
    if not whole:
        return subject
    warnings.append(f"the subject is cut short in the text ({subject!r}): it is read whole from a later copy")
    return EDGE_MARKING.sub("", whole) or subject


def _classified_by(fields: Sequence[Field], blocks: Sequence[Block], run: Run) -> str | None:
    """The Classified By field (one cut short, or none: from a later copy), else the first numbered paragraph."""
    texts = [f.text for f in fields if f.kind == "classified-by"]
    text = next((t for t in texts if not t.endswith("...")), texts[0] if texts else "")  # not one cut, if another
    if text and not text.endswith("..."):
        return text
    lines = next(([x for x in b.lines if isinstance(x, str)] for b in blocks if isinstance(b, Paragraph) and b.n), [])
    found: str | None = run.first(WHOLE_CLASSIFIED_BY, text, blocks) or text or run.first(PARAGRAPH, lines)
    return found


def editorial_notes(run: Run) -> tuple[EditorialNote, ...]:
    """The notes of the rules that fired, grouped by editorialDecl part, in the rules' order."""
    fired = run.fired
    return tuple(note for name, note in _noted() if name in fired)


_NOTED: list[tuple[str, EditorialNote]] = []
#: how many rules there were when _NOTED was made (-1: not yet made)
_NOTED_OF = [-1]


def _noted() -> list[tuple[str, EditorialNote]]:
    """Every rule with a note, by part (in PARTS' order), then in the rules' order. Made again
    when the rules are (``all_rules`` is made again only when a rule was added, and a rule's
    note is fixed), not counted for each cable."""
    rules = all_rules()
    if len(rules) != _NOTED_OF[0]:
        _NOTED[:] = [(r.name, r.note) for part in PARTS for r in rules if r.note is not None and r.note.part == part]
        _NOTED_OF[0] = len(rules)
    return _NOTED


def derive_facts(
    raw: RawCable,
    routing: Routing,
    fields: Sequence[Field],
    blocks: Sequence[Block],
    run: Run,
    warnings: list[str],
    own_year: tuple[int | None, bool] = (None, False),
) -> Facts:
    """The facts of a cable whose stages have all run (``run`` knows the rules that fired);
    ``own_year``: the year its references without one were read as of, and whether it is a guess."""
    late = [b.field for b in blocks if isinstance(b, LateField)]
    every = [*fields, *late]
    banner_field = _first(fields, "banner")
    banner = whole_serial(banner_field.banner if banner_field else None, routing.serial, raw.metadata, run, warnings,
                          routing.sender)
    level, caveats = _classification(every, banner, routing, run)
    caveats += [name for name in stated_caveats(blocks) if name not in caveats]
    record = classification_record(level, caveats)
    meta = raw.metadata
    date, date_from_metadata = date_of(routing, meta)
    if date_from_metadata and meta is not None:
        warnings.append("no date-time group in the text: the date comes from the " + meta.kind)
    ident, message_ref, named = _ident(banner, routing, date, meta, warnings, own_year)
    if ident and not (banner and banner.serial) and not (meta and meta.id):  # the DE line's serial, no page id
        ident, message_ref = de_serial_id(ident, message_ref, f"{raw.header or ''}\n{raw.body}", run, warnings)
    origin, origin_from_metadata = _origin(routing, banner, meta, run, warnings)
    refs = merged_refs([f.refs.items for f in every if f.kind == "refs" and f.refs is not None])
    subject = _whole_subject(cut := _subject(_first(every, "subject"), run), blocks, run, warnings)
    refs = whole_refs(refs, fields, blocks, own_year, run, warnings, missing=subject != cut)
    facts = Facts(
        cable_id=ident,
        source=raw.source,
        routing=routing,
        subject=subject,
        message_ref=message_ref,
        sections=banner.sections if banner else None,
        level=level,
        level_text=banner.text if banner else None,
        caveats=tuple(caveats),
        classification=record,
        origin=origin,
        origin_from_metadata=origin_from_metadata,
        signer=signer_of(blocks),
        tags=_tags(_first(every, "tags"), run),
        refs=years_before(cited(opening_refs_of(refs, blocks, own_year, run, warnings, subject != cut)), ident,
                          message_ref, date, run, warnings),
        eo=getattr(_first(every, "eo"), "text", None),
        classified_by=_classified_by(every, blocks, run),
        date=date,
        date_from_metadata=date_from_metadata,
        metadata=meta,
        discrepancies=cross_check(ident, routing, (record, level, caveats), origin, origin_from_metadata, meta, named),
        partial=is_partial(raw, routing, every),
        editorial=editorial_notes(run),
        markings=markings(blocks),
        summary=has_summary(blocks),
    )
    warnings.extend(facts.discrepancies)
    return facts
