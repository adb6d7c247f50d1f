"""The TEI header: what the facts say, in the profile's order."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from ... import __version__, stations, taxonomy, vocab
from ...names import public_source
from ..dtg import table_moment
from ..parsed import Addressee, Facts, Routing
from .markup import Markup
from .xml import WITHHELD

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
#: the attribute ``xml:id`` (a keyword argument cannot be written with a colon)
_ID = "xml:id"
slug = functools.lru_cache(maxsize=1024)(vocab.slug)


def build_header(out: Markup, facts: Facts, appended: Sequence[tuple[str, Facts]] = (), withheld: bool = False) -> None:
    """``appended``: the cables appended after this one's text, (their div's id, their facts);
    ``withheld``: whether the text has redactions (their gaps point at who made them)."""
    out.open("teiHeader")
    out.open("fileDesc")
    _title_and_publication(out, facts, withheld)
    out.open("sourceDesc")
    _telegram(out, facts)
    _metadata(out, facts)
    _appended(out, appended)
    out.close("sourceDesc")
    out.close("fileDesc")
    out.open("encodingDesc")
    _encoding(out, facts)
    out.close("encodingDesc")
    out.open("profileDesc")
    _profile(out, facts)
    out.close("profileDesc")
    out.open("revisionDesc")
    source = public_source(facts.source)
    out.leaf("change", f"Normalized by cable-convert {__version__} from {source}.", who="#normalizer")
    out.close("revisionDesc")
    out.close("teiHeader")


def _title_and_publication(out: Markup, facts: Facts, withheld: bool) -> None:
    out.open("titleStmt")
    title = facts.subject or f"Cable {facts.cable_id or public_source(facts.source)}"
    out.leaf("title", title, type="subject" if facts.subject else "supplied")
    _same(out, _normalizer)
    if withheld:
        _same(out, _withheld)
    out.close("titleStmt")
    out.open("publicationStmt")
    out.leaf("authority", AUTHORITY)
    if facts.cable_id:
        out.leaf("idno", facts.cable_id, type="cable-id")
    else:
        out.leaf("idno", public_source(facts.source), type="source-name")
    _same(out, _availability)
    out.close("publicationStmt")


def _same(out: Markup, part: Callable[[Markup], None]) -> None:
    """The elements ``part`` writes, the same in every cable but for the document's id in their
    ids and pointers: written once, then copied with the id put in."""
    out.parts.append(_made(part).replace(_PREFIX, out.prefix))


#: what stands for the document's id in :func:`_made`'s markup (a character no XML holds)
_PREFIX = "\x00"


@functools.cache
def _made(part: Callable[[Markup], None]) -> str:
    made = Markup(_PREFIX)
    part(made)
    return made.markup()


def _normalizer(out: Markup) -> None:
    out.open("respStmt", **{_ID: "normalizer"})
    out.leaf("resp", "normalized by")
    out.leaf("name", f"cable-convert {__version__}")
    out.close("respStmt")


def _withheld(out: Markup) -> None:
    """Who made the redactions the gaps mark: the publishers, not the government."""
    out.open("respStmt", **{_ID: WITHHELD})
    out.leaf("resp", "withheld names and details at publication (2010-2011)")
    out.leaf("orgName", "WikiLeaks and its media partners")
    out.close("respStmt")


def _availability(out: Markup) -> None:
    out.open("availability", status="free")
    out.leaf("p", "A work of the United States government: in the public domain in the United States.")
    out.close("availability")


def _org(out: Markup, tag: str, name: str) -> None:
    """``tag`` holding an ``orgName`` (an author, a signer's respStmt)."""
    out.open(tag)
    out.leaf("orgName", name)
    out.close(tag)


def _telegram(out: Markup, facts: Facts) -> None:
    out.open("bibl", type="telegram")
    routing = facts.routing
    if routing.sender:
        _org(out, "author", routing.sender)
    if facts.message_ref:
        out.leaf("idno", facts.message_ref, type="message-reference")
    if routing.station:
        out.leaf("idno", routing.station, type="station")
    if routing.transmission:
        out.leaf("idno", routing.transmission, type="transmission-id")
    if routing.date:
        out.leaf("date", routing.dtg, when=routing.date, **{_ID: "dtg"})
    if facts.sections:
        out.open("extent")
        out.leaf("measure", f"{facts.sections} sections", unit="section", quantity=str(facts.sections))
        out.close("extent")
    if facts.level_text:
        out.leaf("note", facts.level_text, type="classification", subtype=slug(facts.level or ""))
    for caveat in facts.caveats:
        out.leaf("note", caveat, type="caveat")
    if facts.eo:
        out.leaf("note", facts.eo, type="declassification")
    if facts.classified_by:
        out.leaf("note", facts.classified_by, type="classified-by")
    if facts.partial:
        out.leaf("note", "This record is a partial extract of the original cable.", type="partial-extract")
    out.close("bibl")


def _metadata(out: Markup, facts: Facts) -> None:
    meta = facts.metadata
    if meta is None:
        return
    out.open("bibl", type=meta.kind)
    if meta.kind in WITNESSES:
        out.leaf("title", WITNESSES[meta.kind], type="witness")
    out.leaf("idno", public_source(facts.source), type="source")
    if meta.id:
        out.leaf("idno", meta.id, type="cable-id")
    if meta.row:
        out.leaf("idno", meta.row, type="row")
    if meta.created:
        # the page table's and the row's "Created" is UTC: its hour is the date-time group's, its minutes
        # most often the hour again on a 12-hour clock (dtg.table_moment: then the day alone is data)
        out.leaf("date", meta.created.replace("T", " "), when=table_moment(meta.created), type="created",
                 **{_ID: "created"})
    if meta.released:
        # the release's time of day is in a zone no source states: the day only as data
        out.leaf("date", meta.released.replace("T", " "), when=meta.released[:10], type="released")
    if meta.classification:
        out.leaf("note", meta.classification, type="classification")
    if meta.origin:
        out.leaf("note", meta.origin, type="origin")
    for ref in meta.references:
        out.leaf("idno", ref, type="reference")
    for text in facts.discrepancies:
        out.leaf("note", text, type="discrepancy", resp="#normalizer")
    out.close("bibl")


def _appended(out: Markup, appended: Sequence[tuple[str, Facts]]) -> None:
    """Each appended cable's own facts, as its text states them, pointing at its ``div``:
    none of them is the page's."""
    if not appended:
        return
    out.open("listBibl", type="appended-cables")
    for ident, facts in appended:
        out.open("bibl", type="appended-cable", corresp="#" + ident)
        if facts.subject:
            out.leaf("title", facts.subject, type="subject")
        sender = facts.routing.sender or facts.origin
        if sender:
            _org(out, "author", sender)
        if facts.cable_id:
            out.leaf("idno", facts.cable_id, type="cable-id")
        if facts.message_ref:
            out.leaf("idno", facts.message_ref, type="message-reference")
        if facts.date:
            out.leaf("date", facts.routing.dtg if facts.routing.date else None, when=facts.date)
        if facts.signer:
            out.open("respStmt")
            out.leaf("resp", "signed")
            out.leaf("persName", facts.signer)
            out.close("respStmt")
        if facts.level_text:
            out.leaf("note", facts.level_text, type="classification", subtype=slug(facts.level or ""))
        if facts.metadata is not None and facts.metadata.origin:
            out.leaf("note", facts.metadata.origin, type="origin")
        out.close("bibl")
    out.close("listBibl")


def _encoding(out: Markup, facts: Facts) -> None:
    out.open("editorialDecl")
    for note in facts.editorial:
        out.open(note.part)
        out.leaf("p", note.prose)
        out.close(note.part)
    if not facts.editorial:
        out.open("normalization")
        out.leaf("p", NOTHING_CHANGED)
        out.close("normalization")
    out.close("editorialDecl")
    _same(out, _classes_and_prefixes)


def _classes_and_prefixes(out: Markup) -> None:
    # the categories are in the one shared taxonomy (convert/data/cable-taxonomy.xml), which
    # every document names here and points into with ctax: (issue 14, item 6)
    out.open("classDecl")
    out.open("taxonomy", **{_ID: "taxonomy"})
    out.open("bibl")
    out.leaf("title", "The cable-convert taxonomy: classification levels, handling caveats, precedence, kinds of TAGS")
    out.leaf("ptr", target=taxonomy.FILE)
    out.close("bibl")
    out.close("taxonomy")
    out.close("classDecl")
    out.open("listPrefixDef")
    for ident, match, replace, prose in PREFIXES:
        out.open("prefixDef", ident=ident, matchPattern=match, replacementPattern=replace)
        out.leaf("p", prose)
        out.close("prefixDef")
    out.close("listPrefixDef")


#: the private URI schemes of the pointers: (prefix, matchPattern, replacementPattern, what)
PREFIXES = (
    ("cable", "([0-9]{2}[A-Z]+[0-9]+)", "https://wikileaks.org/plusd/cables/$1_a.html",
     "A cable by its id (cable:09STATE41880), as WikiLeaks' Public Library of US Diplomacy names it."),
    (taxonomy.PREFIX, "([a-z][a-z0-9-]*)", taxonomy.FILE + "#$1",
     "A category of the shared taxonomy (ctax:level-secret), shipped with cable-convert as " + taxonomy.FILE + "."),
)


def _profile(out: Markup, facts: Facts) -> None:
    if facts.summary:
        out.open("abstract")
        out.open("p")
        out.leaf("ptr", target="#summary")
        out.close("p")
        out.close("abstract")
    out.open("correspDesc")
    _correspondence(out, facts)
    out.close("correspDesc")
    text_class = Markup(out.prefix)
    level = taxonomy.level(facts.level)
    if level:
        text_class.leaf("catRef", scheme=taxonomy.pointer("classification"), target=taxonomy.pointer(level))
    caveats = [c for c in dict.fromkeys(taxonomy.caveat(c) for c in facts.caveats) if c]
    if caveats:
        text_class.leaf("catRef", scheme=taxonomy.pointer("caveats"),
                        target=" ".join(map(taxonomy.pointer, caveats)))
    precedence = message_precedence(facts.routing)
    if precedence:
        text_class.leaf("catRef", scheme=taxonomy.pointer("precedence"), target=taxonomy.pointer(precedence))
    if facts.tags:
        text_class.open("keywords", scheme=taxonomy.pointer("tags"))
        for tag in facts.tags:
            text_class.leaf("term", tag, ana=taxonomy.pointer(taxonomy.tags_kind(tag)))
        text_class.close("keywords")
    if text_class.parts:  # (no textClass without a class)
        out.open("textClass")
        out.parts += text_class.parts
        out.close("textClass")


def message_precedence(routing: Routing) -> str | None:
    """The message's precedence: its first action addressee's, else the date-time group's
    prosign (``P 020922Z``)."""
    for addressee in routing.to[:1]:
        found = taxonomy.precedence(addressee.precedence_norm)
        if found:
            return found
    return taxonomy.precedence(routing.precedences[0]) if routing.precedences else None


def _correspondence(out: Markup, facts: Facts) -> None:
    out.open("correspAction", type="sent")
    empty = len(out.parts)
    routing = facts.routing
    # the sending office, known to the station table by its FM line, its DE line's routing
    # indicator or its origin name: its routing indicator is its key, its city the place
    station = stations.find(office=routing.sender, indicator=routing.station, origin=facts.origin)
    if routing.sender:
        out.leaf("orgName", routing.sender, key=station.indicator if station else None)
    if facts.signer:
        out.leaf("persName", facts.signer)
    place = _place(station, facts.origin, facts.date, routing.sender)
    if place:
        out.leaf("placeName", place)
    if facts.date:
        # where the date comes from and how sure it is: the text's date-time group, or (no
        # DTG in the text) the page's or row's "Created" time, whose minutes often disagree
        source, cert = ("#created", "low") if facts.date_from_metadata else ("#dtg", "high")
        out.leaf("date", when=facts.date, source=source, resp="#normalizer", cert=cert)
    if len(out.parts) == empty:
        out.leaf("orgName", "unknown")
    out.close("correspAction")
    for subtype, listed in (("action", routing.to), ("info", routing.info)):
        addressees = listed_addressees(listed)
        if addressees:
            out.open("correspAction", type="received", subtype=subtype)
            for addressee in addressees:
                _addressee(out, addressee)
            out.close("correspAction")
    if facts.refs:
        out.open("correspContext")
        for ref in facts.refs:
            cited = ref.target is not None and ref.target != ""
            out.leaf("ref", ref.text, type="reference", n=ref.letter, target=f"cable:{ref.target}" if cited else None,
                     subtype=ref.year_kind if cited else None)
        out.close("correspContext")


def _place(
    station: stations.Station | None, origin: str | None, date: str | None = None, written: str | None = None
) -> str | None:
    """Where the cable was sent from: the station's city, as it was named on the cable's date
    (Saigon in 1966, Bombay in 1982: :func:`convert.stations.city_on`); for an office the table
    does not know, the city an embassy's or consulate's origin name gives (``Embassy Tehran``),
    never an institution (``Secretary of State``)."""
    if station is not None:
        return stations.city_on(station, date, written) or None
    if origin and origin.startswith(("Embassy ", "Consulate ")):
        return origin.split(" ", 1)[1]
    return None


def listed_addressees(listed: Sequence[Addressee]) -> list[Addressee]:
    """The addressees the header lists (not a distribution code or a rule of dashes; an addressee with its routing
    indicator is one whatever office symbols follow it: ``RUWDQAC/COMDT COGARD WASHINGTON DC//CG-094/CG-52//``)."""
    return [a for a in listed if a.prefix or not _distribution(a.name or a.text)]


def _distribution(name: str) -> bool:
    """Whether ``_DISTRIBUTION`` finds a distribution code or a rule in ``name``: each of its
    forms holds a dash or a slash, or is digits (most names are tried at once, not at every
    position: the pattern begins with ``\\b``)."""
    return ("-" in name or "/" in name or name[:1].isdecimal()) and _DISTRIBUTION.search(name) is not None


def addressee_values(addressee: Addressee) -> tuple[str, str | None, str | None, str | None]:
    """An addressee's ``orgName``: its text, ``key`` (routing indicator), ``n`` and ``ana``
    (precedence category)."""
    name = addressee.name or addressee.text
    known = None if addressee.prefix else stations.by_addressee(name)
    precedence = taxonomy.precedence(addressee.precedence_norm)
    return (name, addressee.prefix or (known.indicator if known else None), addressee.sequence,
            taxonomy.pointer(precedence) if precedence else None)


def _addressee(out: Markup, addressee: Addressee) -> None:
    norm = addressee.precedence_norm
    name, key, n, ana = addressee_values(addressee)
    misspelt = addressee.precedence and norm and addressee.precedence.upper() != norm
    out.leaf("orgName", name, key=key, n=n, ana=ana, subtype="precedence-misspelt" if misspelt else None)
