"""What every rendition shows about a cable, read once from the TEI header (and body).

The HTML, PDF, EPUB, DOCX and Markdown writers all print the same metadata block, the same
classification line and the same document properties: they take them from here.
:func:`body_text` gives the body's words in reading order, as the writers render them
(regularised and corrected readings, artifacts left out), for round-trip checks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from lxml import etree

from ..model import TEI_NS, XML_NS, Cable, xpath

_T = f"{{{TEI_NS}}}"
#: Elements whose content is an alternative not shown (the writers show reg/corr/expan).
HIDDEN_ALTERNATIVES = {"orig", "sic", "abbr"}
#: Source artifacts kept out of the reading flow unless asked for.
ARTIFACTS = {"fw"}
#: Silent elements: no text of their own.
SILENT = {"pb", "milestone", "lb", "cb", "anchor"}
#: Elements rendered as blocks of their own (a word never runs across their edges).
BLOCKS = {
    "body", "div", "opener", "closer", "head", "p", "ab", "list", "item", "signed", "dateline",
    "salute", "postscript", "lg", "l", "table", "row", "cell", "fw", "listBibl", "bibl", "sp",
    "floatingText", "argument", "byline", "trailer", "epigraph",
}


def is_block(element: etree._Element) -> bool:
    """Whether the writers set ``element`` as a block (a line or paragraph of its own)."""
    name = local_name(element)
    if name in BLOCKS:
        return True
    parent = element.getparent()
    if parent is not None and local_name(parent) in {"opener", "closer"}:
        return True
    if name in {"quote", "note", "seg"}:
        return any(is_block(child) for child in element if isinstance(child.tag, str))
    if name == "label" and parent is not None and local_name(parent) == "list":
        return True
    return False

_LEVELS = {
    "UNCLAS": "UNCLASSIFIED",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "SECRET": "SECRET",
    "TOP SECRET": "TOP SECRET",
    "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
}


@dataclass(frozen=True, slots=True)
class Reference:
    label: str
    text: str
    cable_id: str | None


@dataclass(frozen=True, slots=True)
class CableFacts:
    """The header facts a rendition prints (all strings already whitespace-normalised)."""

    id: str
    subject: str
    date: str | None  # ISO 8601 (the date-time group), or None
    dtg: str | None  # the date-time group as written
    origin: str | None
    sender: tuple[str, ...]
    to: tuple[str, ...]
    info: tuple[str, ...]
    classification: str  # the line printed at the top and bottom of every page
    level: str
    caveats: tuple[str, ...]
    tags: tuple[str, ...]
    references: tuple[Reference, ...]
    signer: str | None
    lang: str

    def epoch(self) -> int | None:
        """The cable's date as a Unix time (for reproducible timestamps), or None."""
        return iso_to_epoch(self.date)


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


def _texts(node: etree._Element, path: str) -> tuple[str, ...]:
    found = xpath(node, path)
    out = []
    for item in found:
        value = clean(item if isinstance(item, str) else "".join(item.itertext()))
        if value:
            out.append(value)
    return tuple(out)


def _first(node: etree._Element, *paths: str) -> str | None:
    for path in paths:
        values = _texts(node, path)
        if values:
            return values[0]
    return None


def _level(text: str) -> str:
    squeezed = clean(text).upper()
    # "C O N F I D E N T I A L": letters spaced out on the banner line
    if re.fullmatch(r"(?:[A-Z] )+[A-Z]\b.*", squeezed):
        spaced = re.match(r"((?:[A-Z] )+[A-Z])\b", squeezed)
        if spaced:
            squeezed = spaced[1].replace(" ", "") + squeezed[spaced.end():]
    for key in sorted(_LEVELS, key=len, reverse=True):
        if squeezed.startswith(key):
            return _LEVELS[key]
    return squeezed.split("//")[0] if squeezed else "UNCLASSIFIED"


def _names(entries: object) -> tuple[str, ...]:
    out = []
    for entry in entries if isinstance(entries, list) else []:
        name = entry.get("name") if isinstance(entry, dict) else entry
        if name:
            out.append(clean(str(name)))
    return tuple(out)


def cable_facts(cable: Cable) -> CableFacts:
    """The facts the writers print: the JSON record's (one convention everywhere), plus the
    date-time group as written and the language, read from the TEI header."""
    from .json import record

    data = record(cable)
    tei = cable.tei
    bibl = "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']"
    level_text = _first(tei, f"{bibl}/t:note[@type='classification']",
                        "t:text/t:body/t:div[@type='telegram']/t:opener/t:seg[@type='classification']")
    level = _level(level_text or "UNCLASSIFIED")
    caveats = tuple(clean(str(c)) for c in data.get("caveats") or [])
    references = tuple(
        Reference(label=clean(ref.get("label")), text=clean(ref.get("text")),
                  cable_id=ref.get("id"))
        for ref in data.get("references") or []
    )
    sender = clean(data.get("from"))
    return CableFacts(
        id=clean(data.get("id")) or cable.file_stem(),
        subject=clean(data.get("subject")) or clean(cable.subject) or "(no subject)",
        date=clean(data.get("date")) or None,
        dtg=_first(tei, f"{bibl}/t:date"),
        origin=clean(data.get("origin")) or sender or None,
        sender=(sender,) if sender else (),
        to=_names(data.get("to")),
        info=_names(data.get("info")),
        classification=clean(data.get("classification")) or level,
        level=level,
        caveats=caveats,
        tags=tuple(clean(str(t)) for t in data.get("tags") or []),
        references=references,
        signer=clean(data.get("signer")) or None,
        lang=tei.get(f"{{{XML_NS}}}lang") or "en",
    )


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def choice_reading(choice: etree._Element) -> list[etree._Element]:
    """The children of a ``choice`` that the writers show: reg, corr or expan; else all."""
    children = [child for child in choice if isinstance(child.tag, str)]
    for wanted in ("reg", "corr", "expan"):
        for child in children:
            if local_name(child) == wanted:
                return [child]
    shown = [child for child in children if local_name(child) not in HIDDEN_ALTERNATIVES]
    return shown or children[:1]


def body_text(cable: Cable, include_artifacts: bool = False) -> str:
    """The body's text in reading order, as the writers show it (one space between blocks)."""
    body = cable.tei.find(f"{_T}text/{_T}body")
    if body is None:
        return ""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        name = local_name(element)
        block = is_block(element) or name == "lb"
        if block:
            parts.append(" ")
        if (name in ARTIFACTS and not include_artifacts) or not isinstance(element.tag, str):
            pass
        elif name == "choice":
            for child in choice_reading(element):
                walk(child)
        else:
            if element.text:
                parts.append(element.text)
            for child in element:
                walk(child)
                if child.tail:
                    parts.append(child.tail)
        if block:
            parts.append(" ")

    walk(body)
    return clean("".join(parts))
