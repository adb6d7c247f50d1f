"""The read side: what a cable's TEI says, read once, typed, for every writer.

``cable.view`` (a :class:`CableView`, made on first use and kept on the :class:`~convert.model.Cable`)
reads the TEI and nothing else, so a TEI given as input renders exactly as the cable it was
made from. Three parts, each read when first asked for:

- :attr:`CableView.header` — a :class:`Header`: the header's facts as the TEI states them
  (raw: ``None`` where the TEI is silent). The JSON record serialises it.
- :attr:`CableView.body` — a :class:`Body`: the telegram's paragraphs and summary, one pass.
- The display facts every rendition prints (``subject``, ``origin``, ``classification``…):
  the header with the renditions' conventions applied (an id from the file name when the TEI
  has none, "(no subject)", the origin or else the sender).

Writers keep what they derive from the TEI on the view too (:attr:`CableView.renders`: the HTML
walk of the body, once per theme), so ``--to all`` walks each cable's body once per theme.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from typing import TYPE_CHECKING, Any, cast

from lxml import etree

from .model import TEI_NS, XML_NS, compiled
from .textview import READING_SKIP, Reading, text_of
from .vocab import LEVELS, level_name, slug

if TYPE_CHECKING:
    from .model import Cable

_T = f"{{{TEI_NS}}}"
HEADER = "t:teiHeader"
BIBL = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']"
META = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type!='telegram']"
CORRESP = f"{HEADER}/t:profileDesc/t:correspDesc"
DIV = "t:text/t:body/t:div[@type='telegram']"
#: a paragraph's text leaves out its number (the record keeps ``n`` apart)
_PARAGRAPH = Reading(skip=READING_SKIP | {_T + "label"})
#: the TEI's level subtypes (``limited-official-use``) -> the level's name
_SUBTYPES = {slug(name): name for name in LEVELS}
#: what a banner line may begin with, longest first
_BANNER_STARTS = sorted((*LEVELS, "UNCLAS"), key=len, reverse=True)
_SPACED = re.compile(r"((?:[A-Z] )+[A-Z])\b")


@dataclass(frozen=True, slots=True)
class Office:
    """A sender or addressee as the routing header names it (``SECSTATE WASHDC``)."""

    name: str
    routing: str | None = None  # the routing indicator (``RUEHC``)
    precedence: str | None = None  # ``PRIORITY``, ``IMMEDIATE``, ``NIACT IMMEDIATE``…
    sequence: str | None = None  # the addressee's message number


@dataclass(frozen=True, slots=True)
class Reference:
    """A REF line entry: its label (``A``), its text and the cable it names, if known."""

    label: str | None
    text: str
    cable_id: str | None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the telegram (numbered or not): its number, portion marking, text."""

    n: str | None
    marking: str | None
    text: str

    def first_words(self, count: int = 8) -> str:
        """The first ``count`` words of the text (a bookmark, a table of contents)."""
        return " ".join(self.text.split()[:count])


@dataclass(frozen=True, slots=True)
class Header:
    """The header's facts as the TEI states them (``None`` where it is silent)."""

    cable_id: str | None
    date: str | None  # ISO 8601: the date-time group's, else the source metadata's creation
    dtg: str | None  # the date-time group as written (``020922Z JUN 09``)
    sender: str | None  # the FM line's office (``AMEMBASSY BEIJING``)
    origin: str | None  # the cablegate convention (``Embassy Beijing``)
    place: str | None  # where it was sent from (``Beijing``)
    to: tuple[Office, ...]
    info: tuple[Office, ...]
    level: str | None  # one of vocab.LEVELS, or None
    caveats: tuple[str, ...]  # handling: SIPDIS, NOFORN, EXDIS…
    banner: str | None  # the classification line as the cable writes it
    subject: str | None
    tags: tuple[str, ...]
    references: tuple[Reference, ...]
    signer: str | None
    sections: int | None
    lang: str

    @property
    def precedence(self) -> str | None:
        """The first action addressee's precedence (the cable's)."""
        return self.to[0].precedence if self.to and self.to[0].precedence else None

    @property
    def marking(self) -> str | None:
        """The classification in the cablegate convention (``SECRET//NOFORN``)."""
        from .normalize.facts import classification_record

        return classification_record(self.level, list(self.caveats)) if self.level else None


@dataclass(frozen=True, slots=True)
class Body:
    """What the writers need from the telegram's body besides its layout."""

    paragraphs: tuple[Paragraph, ...]  # every paragraph directly in the telegram, in order
    summary: str | None  # the summary passages, joined


def clean(text: str | None) -> str:
    """Collapse runs of whitespace; strip."""
    return " ".join((text or "").split())


def iso_to_epoch(value: str | None) -> int | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def epoch_to_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def banner_level(banner: str | None) -> str:
    """The level a banner line begins with (``C O N F I D E N T I A L VATICAN 001261`` ->
    ``CONFIDENTIAL``); the line up to ``//`` when it begins with none. Only for a TEI that
    states no level: the normalizer's level is the TEI's ``note/@subtype``."""
    text = clean(banner or "UNCLASSIFIED").upper()
    if re.fullmatch(r"(?:[A-Z] )+[A-Z]\b.*", text):  # letters spaced out on the banner line
        spaced = _SPACED.match(text)
        if spaced:
            text = spaced[1].replace(" ", "") + text[spaced.end():]
    for start in _BANNER_STARTS:
        if text.startswith(start):
            return level_name(start) or start
    return text.split("//")[0] if text else "UNCLASSIFIED"


# ------------------------------------------------------------------------------ reading
def _all(node: etree._Element, path: str) -> list[Any]:
    return cast("list[Any]", compiled(path)(node))


def _texts(node: etree._Element, path: str) -> tuple[str, ...]:
    return tuple(str(n) if isinstance(n, str) else text_of(n) for n in _all(node, path))


def _one(node: etree._Element, path: str) -> str | None:
    found = _all(node, path)
    if not found:
        return None
    return str(found[0]) if isinstance(found[0], str) else text_of(found[0])


def _plain(node: etree._Element, path: str) -> str | None:
    """The first non-empty match, its text as written (every child's text), collapsed."""
    for item in _all(node, path):
        value = clean(item if isinstance(item, str) else "".join(item.itertext()))
        if value:
            return value
    return None


def _offices(tei: etree._Element, subtype: str) -> tuple[Office, ...]:
    path = f"{CORRESP}/t:correspAction[@type='received'][@subtype='{subtype}']/t:orgName"
    return tuple(
        Office(text_of(node), node.get("key"),
               node.get("type").upper().replace("-", " ") if node.get("type") else None, node.get("n"))
        for node in _all(tei, path)
    )


def _level(tei: etree._Element) -> str | None:
    """The level the TEI states: the banner note's subtype, else the classification taxonomy."""
    subtype = _one(tei, f"{BIBL}/t:note[@type='classification']/@subtype")
    name = _SUBTYPES.get(subtype or "")
    if name is not None:
        return name
    target = _one(tei, f"{HEADER}/t:profileDesc/t:textClass/t:catRef[@scheme='#classification']/@target")
    ident = (target or "").lstrip("#")
    if ident == "cls-unknown":
        return None
    for category in _all(tei, f"{HEADER}//t:category"):
        if category.get(f"{{{XML_NS}}}id") == ident:
            found = _all(category, "t:catDesc")
            return text_of(found[0]) if found else None
    return None


def _references(tei: etree._Element) -> tuple[Reference, ...]:
    out = []
    for ref in _all(tei, f"{CORRESP}/t:correspContext/t:ref[@type='reference']"):
        target = ref.get("target")
        cable_id = target.split(":", 1)[1] if target and target.startswith("cable:") else None
        out.append(Reference(ref.get("n"), text_of(ref), cable_id))
    return tuple(out)


def read_header(cable: Cable) -> Header:
    """The header's facts, read from the TEI."""
    from .normalize.facts import origin_of

    tei = cable.tei
    sender = _one(tei, f"{BIBL}/t:author/t:orgName")
    sections = _one(tei, f"{BIBL}/t:extent/t:measure[@unit='section']/@quantity")
    return Header(
        cable_id=cable.id,
        date=cable.date or _one(tei, f"{META}/t:date[@type='created']/@when"),
        dtg=_plain(tei, f"{BIBL}/t:date"),
        sender=sender,
        origin=origin_of(sender) or _one(tei, f"{META}/t:note[@type='origin']"),
        place=_one(tei, f"{CORRESP}/t:correspAction[@type='sent']/t:placeName"),
        to=_offices(tei, "action"),
        info=_offices(tei, "info"),
        level=_level(tei),
        caveats=_texts(tei, f"{BIBL}/t:note[@type='caveat']"),
        banner=_plain(tei, f"{BIBL}/t:note[@type='classification']")
        or _plain(tei, f"{DIV}/t:opener/t:seg[@type='classification']"),
        subject=_one(tei, f"{HEADER}/t:fileDesc/t:titleStmt/t:title[@type='subject']"),
        tags=_texts(tei, f"{HEADER}/t:profileDesc/t:textClass/t:keywords[@scheme='#tags']/t:term[not(@type='none')]"),
        references=_references(tei),
        signer=_one(tei, f"{CORRESP}/t:correspAction[@type='sent']/t:persName"),
        sections=int(sections) if sections else None,
        lang=tei.get(f"{{{XML_NS}}}lang") or "en",
    )


def read_body(cable: Cable) -> Body:
    """The telegram's paragraphs and summary."""
    tei = cable.tei
    paragraphs = []
    for p in _all(tei, f"{DIV}/t:p"):
        marking = _all(p, "t:seg[@type='portion-marking']")
        mark = text_of(marking[0]) if marking else None
        text = text_of(p, _PARAGRAPH)
        if mark is not None and text.startswith(mark):
            text = text[len(mark):].lstrip()
        paragraphs.append(Paragraph(p.get("n"), mark, text))
    summary = " ".join(text_of(s) for s in _all(tei, f"{DIV}//t:seg[@type='summary']"))
    return Body(tuple(paragraphs), summary or None)


# ------------------------------------------------------------------------------ the view
class CableView:
    """One cable's read side. Made by ``cable.view``; every attribute is read once."""

    def __init__(self, cable: Cable) -> None:
        self.cable = cable
        #: what writers derived from this TEI, by their own keys (the HTML body walk per theme)
        self.renders: dict[tuple[Any, ...], Any] = {}
        #: how many times the body was walked for rendering, per theme (see :mod:`.writers.html`)
        self.walks: Counter[str] = Counter()

    @cached_property
    def header(self) -> Header:
        return read_header(self.cable)

    @cached_property
    def body(self) -> Body:
        return read_body(self.cable)

    # -- what every rendition prints ------------------------------------------------------
    @cached_property
    def id(self) -> str:
        """The cable id, or the input's file name stem when the TEI has none."""
        return clean(self.header.cable_id) or self.cable.file_stem()

    @cached_property
    def subject(self) -> str:
        return clean(self.header.subject) or clean(self.cable.subject) or "(no subject)"

    @property
    def date(self) -> str | None:
        """ISO 8601 (the date-time group's), or None."""
        return clean(self.header.date) or None

    @property
    def dtg(self) -> str | None:
        return self.header.dtg

    @property
    def sender(self) -> tuple[str, ...]:
        sender = clean(self.header.sender)
        return (sender,) if sender else ()

    @property
    def origin(self) -> str | None:
        """The sending office in the cablegate convention, else as the FM line names it."""
        return clean(self.header.origin) or clean(self.header.sender) or None

    @property
    def to(self) -> tuple[str, ...]:
        return tuple(office.name for office in self.header.to if office.name)

    @property
    def info(self) -> tuple[str, ...]:
        return tuple(office.name for office in self.header.info if office.name)

    @cached_property
    def level(self) -> str:
        """The level the TEI states; for a TEI that states none, the banner's."""
        return self.header.level or banner_level(self.header.banner)

    @cached_property
    def classification(self) -> str:
        """The line printed at the top and bottom of every page (``SECRET//NOFORN``)."""
        return clean(self.header.marking) or self.level

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.header.caveats

    @property
    def tags(self) -> tuple[str, ...]:
        return self.header.tags

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference(clean(r.label), clean(r.text), r.cable_id) for r in self.header.references)

    @property
    def signer(self) -> str | None:
        return clean(self.header.signer) or None

    @property
    def lang(self) -> str:
        return self.header.lang

    def epoch(self) -> int | None:
        """The cable's date as a Unix time (for reproducible timestamps), or None."""
        return iso_to_epoch(self.date)
