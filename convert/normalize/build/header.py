"""The TEI header: what the facts say, in the profile's order."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from lxml import etree

from ... import __version__, vocab
from ...names import public_source
from ..parsed import Addressee, Facts
from .xml import XML_ID, el

#: when no rule with a note fired (the profile wants one part at least)
NOTHING_CHANGED = "No normalisation was needed: the text is as written."
#: who made this file: the tool, for whoever ran it (the cable's author is in sourceDesc)
AUTHORITY = (
    f"Made with cable-convert {__version__} from the source named in sourceDesc; "
    "not a publication of the United States Department of State"
)
#: the witnesses the metadata come from
WITNESSES = {
    "cablegate-table": "The cable's page in the WikiLeaks cablegate release (2010-2011): its metadata table",
    "cables.csv": "A row of cables.csv (WikiLeaks cablegate release, 2011)",
}
_MINUTES = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
slug = functools.lru_cache(maxsize=1024)(vocab.slug)


def build_header(tei: etree._Element, facts: Facts, appended: Sequence[tuple[str, Facts]] = ()) -> None:
    """``appended``: the cables appended after this one's text, (their div's id, their facts)."""
    header = el(tei, "teiHeader")
    file_desc = el(header, "fileDesc")
    _title_and_publication(file_desc, facts)
    source_desc = el(file_desc, "sourceDesc")
    _telegram(source_desc, facts)
    _metadata(source_desc, facts)
    _appended(source_desc, appended)
    _encoding(el(header, "encodingDesc"), facts, tuple(m for _, part in appended for m in part.markings))
    _profile(el(header, "profileDesc"), facts)
    revision = el(header, "revisionDesc")
    source = public_source(facts.source)
    el(revision, "change", f"Normalized by cable-convert {__version__} from {source}.", who="#normalizer")


def _title_and_publication(file_desc: etree._Element, facts: Facts) -> None:
    title_stmt = el(file_desc, "titleStmt")
    title = facts.subject or f"Cable {facts.cable_id or public_source(facts.source)}"
    el(title_stmt, "title", title, type="subject" if facts.subject else "supplied")
    resp = el(title_stmt, "respStmt")
    resp.set(XML_ID, "normalizer")
    el(resp, "resp", "normalized by")
    el(resp, "name", f"cable-convert {__version__}")
    pub = el(file_desc, "publicationStmt")
    el(pub, "authority", AUTHORITY)
    if facts.cable_id:
        el(pub, "idno", facts.cable_id, type="cable-id")
    else:
        el(pub, "idno", public_source(facts.source), type="source-name")
    avail = el(pub, "availability", status="free")
    el(avail, "p", "A work of the United States government: in the public domain in the United States.")


def _telegram(source_desc: etree._Element, facts: Facts) -> None:
    bibl = el(source_desc, "bibl", type="telegram")
    routing = facts.routing
    if routing.sender:
        el(el(bibl, "author"), "orgName", routing.sender)
    if facts.message_ref:
        el(bibl, "idno", facts.message_ref, type="message-reference")
    if routing.station:
        el(bibl, "idno", routing.station, type="station")
    if routing.transmission:
        el(bibl, "idno", routing.transmission, type="transmission-id")
    if routing.date:
        el(bibl, "date", routing.dtg, when=routing.date).set(XML_ID, "dtg")
    if facts.sections:
        extent = el(bibl, "extent")
        el(extent, "measure", f"{facts.sections} sections", unit="section", quantity=str(facts.sections))
    if facts.level_text:
        el(bibl, "note", facts.level_text, type="classification", subtype=slug(facts.level or ""))
    for caveat in facts.caveats:
        el(bibl, "note", caveat, type="caveat")
    if facts.eo:
        el(bibl, "note", facts.eo, type="declassification")
    if facts.classified_by:
        el(bibl, "note", facts.classified_by, type="classified-by")
    if facts.partial:
        el(bibl, "note", "This record is a partial extract of the original cable.", type="partial-extract")


def _metadata(source_desc: etree._Element, facts: Facts) -> None:
    meta = facts.metadata
    if meta is None:
        return
    mb = el(source_desc, "bibl", type=meta.kind)
    if meta.kind in WITNESSES:
        el(mb, "title", WITNESSES[meta.kind], type="witness")
    el(mb, "idno", public_source(facts.source), type="source")
    if meta.id:
        el(mb, "idno", meta.id, type="cable-id")
    if meta.row:
        el(mb, "idno", meta.row, type="row")
    if meta.created:
        created = el(mb, "date", meta.created.replace("T", " "), when=_seconds(meta.created), type="created")
        created.set(XML_ID, "created")
    if meta.released:
        el(mb, "date", meta.released.replace("T", " "), when=_seconds(meta.released), type="released")
    if meta.classification:
        el(mb, "note", meta.classification, type="classification")
    if meta.origin:
        el(mb, "note", meta.origin, type="origin")
    for ref in meta.references:
        el(mb, "idno", ref, type="reference")
    for text in facts.discrepancies:
        el(mb, "note", text, type="discrepancy", resp="#normalizer")


def _seconds(when: str) -> str:
    """``2006-03-17T22:10`` -> ``2006-03-17T22:10:00`` (xs:dateTime needs the seconds)."""
    return when + ":00" if _MINUTES.fullmatch(when) else when


def _appended(source_desc: etree._Element, appended: Sequence[tuple[str, Facts]]) -> None:
    """Each appended cable's own facts, as its text states them, pointing at its ``div``:
    none of them is the page's."""
    if not appended:
        return
    parts = el(source_desc, "listBibl", type="appended-cables")
    for ident, facts in appended:
        bibl = el(parts, "bibl", type="appended-cable", corresp="#" + ident)
        if facts.subject:
            el(bibl, "title", facts.subject, type="subject")
        sender = facts.routing.sender or facts.origin
        if sender:
            el(el(bibl, "author"), "orgName", sender)
        if facts.cable_id:
            el(bibl, "idno", facts.cable_id, type="cable-id")
        if facts.message_ref:
            el(bibl, "idno", facts.message_ref, type="message-reference")
        if facts.date:
            el(bibl, "date", facts.routing.dtg if facts.routing.date else None, when=facts.date)
        if facts.signer:
            resp = el(bibl, "respStmt")
            el(resp, "resp", "signed")
            el(resp, "persName", facts.signer)
        if facts.level_text:
            el(bibl, "note", facts.level_text, type="classification", subtype=slug(facts.level or ""))
        if facts.metadata is not None and facts.metadata.origin:
            el(bibl, "note", facts.metadata.origin, type="origin")


def _encoding(encoding: etree._Element, facts: Facts, extra_markings: Sequence[tuple[str, str]] = ()) -> None:
    decl = el(encoding, "editorialDecl")
    for note in facts.editorial:
        el(el(decl, note.part), "p", note.prose)
    if not facts.editorial:
        el(el(decl, "normalization"), "p", NOTHING_CHANGED)
    class_decl = el(encoding, "classDecl")
    classes = [("cls-" + slug(facts.level), facts.level)] if facts.level else []
    classes += [(ident, f"portion marking {marking}") for marking, ident in (*facts.markings, *extra_markings)]
    _taxonomy(class_decl, "classification", classes or [("cls-unknown", "classification not stated in the text")])
    caveats = [("cav-" + slug(c), c) for c in facts.caveats]
    _taxonomy(class_decl, "caveats", caveats or [("cav-none", "no handling caveats")])
    _taxonomy(class_decl, "tags", [("tag-" + slug(t), t) for t in facts.tags] or [("tag-none", "no TAGS")])


def _taxonomy(class_decl: etree._Element, ident: str, entries: list[tuple[str, str]]) -> None:
    """One category per distinct id (two spellings of a marking share one)."""
    taxonomy = el(class_decl, "taxonomy")
    taxonomy.set(XML_ID, ident)
    seen: set[str] = set()
    for category, desc in entries:
        if category in seen:
            continue
        seen.add(category)
        cat = el(taxonomy, "category")
        cat.set(XML_ID, category)
        el(cat, "catDesc", desc)


def _profile(profile: etree._Element, facts: Facts) -> None:
    if facts.summary:
        el(el(el(profile, "abstract"), "p"), "ptr", target="#summary")
    _correspondence(el(profile, "correspDesc"), facts)
    text_class = el(profile, "textClass")
    target = "#cls-" + slug(facts.level) if facts.level else "#cls-unknown"
    el(text_class, "catRef", scheme="#classification", target=target)
    caveats = " ".join(dict.fromkeys("#cav-" + slug(c) for c in facts.caveats)) or "#cav-none"
    el(text_class, "catRef", scheme="#caveats", target=caveats)
    keywords = el(text_class, "keywords", scheme="#tags")
    for tag in facts.tags:
        el(keywords, "term", tag)
    if not facts.tags:
        el(keywords, "term", "none", type="none")


def _correspondence(corresp: etree._Element, facts: Facts) -> None:
    sent = el(corresp, "correspAction", type="sent")
    routing = facts.routing
    if routing.sender:
        el(sent, "orgName", routing.sender)
    if facts.signer:
        el(sent, "persName", facts.signer)
    if facts.origin:
        embassy = facts.origin.startswith(("Embassy ", "Consulate "))
        el(sent, "placeName", facts.origin.split(" ", 1)[-1] if embassy else facts.origin)
    if facts.date:
        # where the date comes from and how sure it is: the text's date-time group, or (no
        # DTG in the text) the page's or row's "Created" time, whose minutes often disagree
        source, cert = ("#created", "low") if facts.date_from_metadata else ("#dtg", "high")
        el(sent, "date", when=facts.date, source=source, resp="#normalizer", cert=cert)
    if not len(sent):
        el(sent, "orgName", "unknown")
    for subtype, addressees in (("action", routing.to), ("info", routing.info)):
        if addressees:
            action = el(corresp, "correspAction", type="received", subtype=subtype)
            for addressee in addressees:
                _addressee(action, addressee)
    if facts.refs:
        context = el(corresp, "correspContext")
        for ref in facts.refs:
            el(
                context,
                "ref",
                ref.text,
                type="reference",
                n=ref.letter,
                target=f"cable:{ref.target}" if ref.target else None,
                subtype="year-inferred" if ref.target and ref.year_inferred else None,
            )


def _addressee(parent: etree._Element, addressee: Addressee) -> None:
    norm = addressee.precedence_norm
    node = el(
        parent,
        "orgName",
        addressee.name or addressee.text,
        key=addressee.prefix,
        n=addressee.sequence,
        type=norm.lower().replace(" ", "-") if norm else None,
    )
    if addressee.precedence and norm and addressee.precedence.upper() != norm:
        node.set("subtype", "precedence-misspelt")
