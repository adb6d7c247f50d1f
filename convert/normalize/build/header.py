"""The TEI header: what the facts say, in the profile's order."""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable, Sequence

from lxml import etree

from ... import __version__, stations, taxonomy, vocab
from ...names import public_source
from ..parsed import Addressee, Facts, Routing
from .xml import WITHHELD, XML_ID, el

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
    "text-scrape": "A public text scrape of the WikiLeaks cablegate release: its lines of metadata above the cable",
}
#: an office list's distribution codes (``LOG-00 NP-00``), the count that ends it (``/000W``,
#: ``(TEDE) /001R``), the serial printed under it (``029700``) or a rule of dashes: no addressee
_DISTRIBUTION = re.compile(r"-{3,}|\b[A-Z]{1,6}-\d{2}\b|^(?:\([A-Z]+\)\s*)?/\d{3}[A-Z]$|^\d+$")
_MINUTES = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")
slug = functools.lru_cache(maxsize=1024)(vocab.slug)


def build_header(
    tei: etree._Element, facts: Facts, appended: Sequence[tuple[str, Facts]] = (), withheld: bool = False
) -> None:
    """``appended``: the cables appended after this one's text, (their div's id, their facts);
    ``withheld``: whether the text has redactions (their gaps point at who made them)."""
    header = el(tei, "teiHeader")
    file_desc = el(header, "fileDesc")
    _title_and_publication(file_desc, facts, withheld)
    source_desc = el(file_desc, "sourceDesc")
    _telegram(source_desc, facts)
    _metadata(source_desc, facts)
    _appended(source_desc, appended)
    _encoding(el(header, "encodingDesc"), facts)
    _profile(el(header, "profileDesc"), facts)
    revision = el(header, "revisionDesc")
    source = public_source(facts.source)
    el(revision, "change", f"Normalized by cable-convert {__version__} from {source}.", who="#normalizer")


def _title_and_publication(file_desc: etree._Element, facts: Facts, withheld: bool) -> None:
    title_stmt = el(file_desc, "titleStmt")
    title = facts.subject or f"Cable {facts.cable_id or public_source(facts.source)}"
    el(title_stmt, "title", title, type="subject" if facts.subject else "supplied")
    _same(title_stmt, _normalizer)
    if withheld:
        _same(title_stmt, _withheld)
    pub = el(file_desc, "publicationStmt")
    el(pub, "authority", AUTHORITY)
    if facts.cable_id:
        el(pub, "idno", facts.cable_id, type="cable-id")
    else:
        el(pub, "idno", public_source(facts.source), type="source-name")
    _same(pub, _availability)


def _same(parent: etree._Element, part: Callable[[etree._Element], None]) -> None:
    """The elements ``part`` makes, the same in every cable: made once, then copied (a copy
    of a made subtree is one call into libxml2; making it again costs a call an element and
    an attribute)."""
    for node in _made(part):
        parent.append(copy.deepcopy(node))


@functools.cache
def _made(part: Callable[[etree._Element], None]) -> etree._Element:
    holder = el(None, "div")  # only holds them: never part of a document
    part(holder)
    return holder


def _normalizer(title_stmt: etree._Element) -> None:
    resp = el(title_stmt, "respStmt")
    resp.set(XML_ID, "normalizer")
    el(resp, "resp", "normalized by")
    el(resp, "name", f"cable-convert {__version__}")


def _withheld(title_stmt: etree._Element) -> None:
    """Who made the redactions the gaps mark: the publishers, not the government."""
    resp = el(title_stmt, "respStmt")
    resp.set(XML_ID, WITHHELD)
    el(resp, "resp", "withheld names and details at publication (2010-2011)")
    el(resp, "orgName", "WikiLeaks and its media partners")


def _availability(pub: etree._Element) -> None:
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
        # the page table's and the row's "Created" is UTC: its hour is the date-time group's
        # (its minutes often are not, ../shared/corpus/README.md)
        created = el(mb, "date", meta.created.replace("T", " "), when=utc(meta.created), type="created")
        created.set(XML_ID, "created")
    if meta.released:
        # the release's time of day is in a zone no source states: the day only as data
        el(mb, "date", meta.released.replace("T", " "), when=meta.released[:10], type="released")
    if meta.classification:
        el(mb, "note", meta.classification, type="classification")
    if meta.origin:
        el(mb, "note", meta.origin, type="origin")
    for ref in meta.references:
        el(mb, "idno", ref, type="reference")
    for text in facts.discrepancies:
        el(mb, "note", text, type="discrepancy", resp="#normalizer")


def utc(when: str) -> str:
    """``2006-03-17T22:10`` -> ``2006-03-17T22:10:00Z`` (xs:dateTime needs the seconds; the
    zone is UTC); a day stays a day."""
    return when + ":00Z" if _MINUTES.fullmatch(when) else when


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


def _encoding(encoding: etree._Element, facts: Facts) -> None:
    decl = el(encoding, "editorialDecl")
    for note in facts.editorial:
        el(el(decl, note.part), "p", note.prose)
    if not facts.editorial:
        el(el(decl, "normalization"), "p", NOTHING_CHANGED)
    _same(encoding, _classes_and_prefixes)


def _classes_and_prefixes(encoding: etree._Element) -> None:
    # the categories are in the one shared taxonomy (convert/data/cable-taxonomy.xml), which
    # every document names here and points into with ctax: (issue 14, item 6)
    taxonomy_ = el(el(encoding, "classDecl"), "taxonomy")
    taxonomy_.set(XML_ID, "taxonomy")
    bibl = el(taxonomy_, "bibl")
    el(bibl, "title", "The cable-convert taxonomy: classification levels, handling caveats, precedence, kinds of TAGS")
    el(bibl, "ptr", target=taxonomy.FILE)
    prefixes = el(encoding, "listPrefixDef")
    for ident, match, replace, prose in PREFIXES:
        el(el(prefixes, "prefixDef", ident=ident, matchPattern=match, replacementPattern=replace), "p", prose)


#: the private URI schemes of the pointers: (prefix, matchPattern, replacementPattern, what)
PREFIXES = (
    ("cable", "([0-9]{2}[A-Z]+[0-9]+)", "https://wikileaks.org/plusd/cables/$1_a.html",
     "A cable by its id (cable:09STATE41880), as WikiLeaks' Public Library of US Diplomacy names it."),
    (taxonomy.PREFIX, "([a-z][a-z0-9-]*)", taxonomy.FILE + "#$1",
     "A category of the shared taxonomy (ctax:level-secret), shipped with cable-convert as " + taxonomy.FILE + "."),
)


def _profile(profile: etree._Element, facts: Facts) -> None:
    if facts.summary:
        el(el(el(profile, "abstract"), "p"), "ptr", target="#summary")
    _correspondence(el(profile, "correspDesc"), facts)
    text_class = el(profile, "textClass")
    level = taxonomy.level(facts.level)
    if level:
        el(text_class, "catRef", scheme=taxonomy.pointer("classification"), target=taxonomy.pointer(level))
    caveats = [c for c in dict.fromkeys(taxonomy.caveat(c) for c in facts.caveats) if c]
    if caveats:
        el(text_class, "catRef", scheme=taxonomy.pointer("caveats"), target=" ".join(map(taxonomy.pointer, caveats)))
    precedence = message_precedence(facts.routing)
    if precedence:
        el(text_class, "catRef", scheme=taxonomy.pointer("precedence"), target=taxonomy.pointer(precedence))
    if facts.tags:
        keywords = el(text_class, "keywords", scheme=taxonomy.pointer("tags"))
        for tag in facts.tags:
            el(keywords, "term", tag, ana=taxonomy.pointer(taxonomy.tags_kind(tag)))
    if not len(text_class):
        profile.remove(text_class)


def message_precedence(routing: Routing) -> str | None:
    """The message's precedence: its first action addressee's, else the date-time group's
    prosign (``P 020922Z``)."""
    for addressee in routing.to[:1]:
        found = taxonomy.precedence(addressee.precedence_norm)
        if found:
            return found
    return taxonomy.precedence(routing.precedences[0]) if routing.precedences else None


def _correspondence(corresp: etree._Element, facts: Facts) -> None:
    sent = el(corresp, "correspAction", type="sent")
    routing = facts.routing
    # the sending office, known to the station table by its FM line, its DE line's routing
    # indicator or its origin name: its routing indicator is its key, its city the place
    station = stations.find(office=routing.sender, indicator=routing.station, origin=facts.origin)
    if routing.sender:
        el(sent, "orgName", routing.sender, key=station.indicator if station else None)
    if facts.signer:
        el(sent, "persName", facts.signer)
    place = _place(station, facts.origin)
    if place:
        el(sent, "placeName", place)
    if facts.date:
        # where the date comes from and how sure it is: the text's date-time group, or (no
        # DTG in the text) the page's or row's "Created" time, whose minutes often disagree
        source, cert = ("#created", "low") if facts.date_from_metadata else ("#dtg", "high")
        el(sent, "date", when=facts.date, source=source, resp="#normalizer", cert=cert)
    if not len(sent):
        el(sent, "orgName", "unknown")
    for subtype, listed in (("action", routing.to), ("info", routing.info)):
        addressees = listed_addressees(listed)
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
                subtype=ref.year_kind if ref.target else None,
            )


def _place(station: stations.Station | None, origin: str | None) -> str | None:
    """Where the cable was sent from: the station's city; for an office the table does not
    know, the city an embassy's or consulate's origin name gives (``Embassy Tehran``), never
    an institution (``Secretary of State``)."""
    if station is not None:
        return station.city or None
    if origin and origin.startswith(("Embassy ", "Consulate ")):
        return origin.split(" ", 1)[1]
    return None


def listed_addressees(listed: Sequence[Addressee]) -> list[Addressee]:
    """The addressees the header lists (not a distribution code or a rule of dashes)."""
    return [a for a in listed if not _DISTRIBUTION.search(a.name or a.text)]


def addressee_values(addressee: Addressee) -> tuple[str, str | None, str | None, str | None]:
    """An addressee's ``orgName``: its text, ``key`` (routing indicator), ``n`` and ``ana``
    (precedence category)."""
    name = addressee.name or addressee.text
    known = None if addressee.prefix else stations.by_office(name)
    precedence = taxonomy.precedence(addressee.precedence_norm)
    return (name, addressee.prefix or (known.indicator if known else None), addressee.sequence,
            taxonomy.pointer(precedence) if precedence else None)


def _addressee(parent: etree._Element, addressee: Addressee) -> None:
    norm = addressee.precedence_norm
    name, key, n, ana = addressee_values(addressee)
    node = el(parent, "orgName", name, key=key, n=n, ana=ana)
    if addressee.precedence and norm and addressee.precedence.upper() != norm:
        node.set("subtype", "precedence-misspelt")
