"""The normalizer: a RawCable (text as found) -> a Cable (the canonical TEI document).

Steps: clean lines -> split off the routing header -> parse the body's structure ->
derive the facts -> cross-check independent metadata -> build TEI.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from lxml import etree

from ..errors import ParseError, TruncatedCableError
from ..model import Cable, RawCable
from . import preamble as pre
from .build import (
    XML_LANG,
    BodyContext,
    Facts,
    add_tokens,
    build_body,
    build_header,
    build_opener,
    build_references,
    el,
    indent,
    split_ref_field,
)
from .facts import cable_id, caveat_names, classification_record, origin_of, station_from_sender
from .lines import clean
from .routing import Routing, parse_routing, split_header
from .structure import Block, Field, Structure, join_lines, parse_structure

_WORD = re.compile(r"[A-Za-z]+")
_CABLE_SIGNS = re.compile(
    r"^[^\S\n]*(?:TAGS?\b|SUBJ(?:ECT)?\s*:|E\.?\s?O\.?\s*\d{4,5}|REF\b|FM\s|TO\s|VZCZC|DE\s+R[A-Z]{4})", re.M | re.I
)


def _split(raw: RawCable) -> tuple[list[str], list[str], set[str]]:
    """(header lines, body lines, cleanings applied)."""
    body, applied = clean(raw.body)
    if raw.header is not None:
        header, more = clean(raw.header)
        applied |= more
        # some pages carry the routing header at the top of the body as well
        n = split_header(body)
        return header + body[:n], body[n:], applied
    start = 0
    while start < len(body) and not body[start].strip():
        start += 1
    n = split_header(body[start:])
    return body[start : start + n], body[start + n :], applied


def _check_is_cable(raw: RawCable, routing: Routing, structure: Structure, body_lines: list[str]) -> None:
    has_fields = any(f.kind in ("banner", "eo", "tags", "subject", "refs", "classified-by") for f in structure.fields)
    has_numbered = any(b.kind == "p" and b.n is not None and b.marking for b in structure.blocks)
    has_routing = bool(routing.sender or routing.date or routing.station)
    if not (has_fields or has_numbered or has_routing):
        if raw.metadata is None:
            raise ParseError(
                raw.source,
                "no routing header, classification banner, TAGS, SUBJECT "
                "or marked paragraphs: this does not look like a cable",
            )
    if raw.metadata is None and has_routing:
        if not any(line.strip() for line in body_lines):
            raise TruncatedCableError(raw.source, "a routing header with no text after it")
        if not structure.blocks and sum(len(_WORD.findall(line)) for line in body_lines) < 3:
            raise TruncatedCableError(raw.source, "the cable stops after its header")


#: characters XML 1.0 cannot hold (C0 controls but tab/LF/CR; the line-breaking VT/FF are
#: turned into newlines by ``clean``), U+FFFE/U+FFFF, and lone surrogates (``&#xD800;``)
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _xml_safe(raw: RawCable) -> tuple[RawCable, int]:
    """The cable with every character XML cannot hold shown as U+FFFD, and how many there were
    (text and metadata alike: a cablegate table or a CSV row can carry them too)."""
    count = 0

    def fix(text: str | None, pattern: re.Pattern[str] = _NOT_XML) -> str | None:
        nonlocal count
        if text is None or not pattern.search(text):
            return text
        fixed, n = pattern.subn("\ufffd", text)
        count += n
        return fixed

    def one_line(text: str | None) -> str | None:
        """A metadata value is one line: CR, tabs and runs of spaces become one space."""
        fixed = fix(text)
        return " ".join(fixed.split()) if fixed is not None else None

    meta = raw.metadata
    if meta is not None:
        single: dict[str, Any] = {
            f.name: one_line(getattr(meta, f.name))
            for f in dataclasses.fields(meta)
            if isinstance(getattr(meta, f.name), str)
        }
        meta = dataclasses.replace(
            meta,
            **single,
            references=tuple(ref for ref in (one_line(r) for r in meta.references) if ref),
        )
    fixed = dataclasses.replace(
        raw,
        body=fix(raw.body, _NOT_XML_TEXT) or "",
        header=fix(raw.header, _NOT_XML_TEXT),
        metadata=meta,
        source=fix(raw.source) or "",
    )
    return fixed, count


def normalize(raw: RawCable) -> Cable:
    raw, controls = _xml_safe(raw)
    header_lines, body_lines, applied = _split(raw)
    routing = parse_routing(header_lines)
    structure = parse_structure(body_lines)
    _check_is_cable(raw, routing, structure, body_lines)
    warnings: list[str] = list(raw.notes)
    facts = derive_facts(raw, routing, structure, warnings)
    if applied & {"tabs", "line-separators", "nbsp"}:
        facts.editorial.add("whitespace")
    if controls:
        facts.editorial.add("controls")
    tei = build(structure, routing, facts)
    if controls:
        warnings.append(f"{controls} control characters that XML cannot hold are shown as U+FFFD")
    elif "\ufffd" in raw.body:
        warnings.append("the input held bytes that are not UTF-8; they are shown as U+FFFD")
    return Cable(tei=tei, source=raw.source, warnings=warnings)


def _first(fields: list[Field], kind: str) -> Field | None:
    return next((f for f in fields if f.kind == kind), None)


def _promote_late_fields(structure: Structure) -> None:
    """A REF or Classified By that follows an unnumbered note after the SUBJECT (the seed's
    'This cable is sensitive…' then 'Ref A: …') is still a preamble field."""
    for block in list(structure.blocks):
        if block.kind == "p" and block.n is not None:
            break
        if block.kind != "p" or block.items:
            continue
        texts = [x for x in block.lines if isinstance(x, str)]
        if not texts:
            continue
        kind = pre.field_kind(texts[0])
        if kind in ("refs", "classified-by"):
            block.kind = "field:" + kind


def derive_facts(raw: RawCable, routing: Routing, structure: Structure, warnings: list[str]) -> Facts:
    fields = structure.fields
    _promote_late_fields(structure)
    late = [Field(b.kind.split(":", 1)[1], list(b.lines)) for b in structure.blocks if b.kind.startswith("field:")]
    all_fields = fields + late
    banner_field = _first(fields, "banner")
    banner = banner_field.banner if banner_field else None
    # handling caveats stand on lines of their own, or run on at the end or start of the
    # distribution lines between the banner and the SUBJECT (SOUTHCOM FOR POLAD SENSITIVE SIPDIS)
    handling_text = " ".join(
        [f.text for f in all_fields if f.kind == "handling"]
        + [
            pre.handling_edges(str(x))
            for f in all_fields
            if f.kind == "distribution"
            for x in f.lines
            if isinstance(x, str)
        ]
    )
    caveats = caveat_names(" ".join([handling_text, banner.rest if banner else ""]))
    level = banner.level if banner else None
    if level is None:
        for f in all_fields:
            if f.kind == "handling" and re.search(r"LIMITED OFFICIAL USE", f.text, re.I):
                level = "LIMITED OFFICIAL USE"
    if level is None and routing.lines:
        sec = next((line.text for line in routing.lines if line.kind == "security"), None)
        if sec:
            letter = sec.split()[1][:1].upper()
            level = {
                "U": "UNCLASSIFIED",
                "C": "CONFIDENTIAL",
                "S": "SECRET",
                "T": "TOP SECRET",
                "E": "UNCLASSIFIED",
            }.get(letter)
    if level == "LIMITED OFFICIAL USE" and "LIMITED OFFICIAL USE" not in caveats:
        caveats.append("LIMITED OFFICIAL USE")

    date = routing.date
    meta = raw.metadata
    date_from_metadata = False
    if date is None and meta is not None and meta.created:
        date = meta.created + ":00Z" if len(meta.created) == 16 else meta.created
        date_from_metadata = True
        warnings.append("no date-time group in the text: the date comes from the " + meta.kind)

    station = banner.station if banner and banner.station else None
    serial = banner.serial if banner and banner.serial else None
    id_station = banner.id_station if banner and banner.serial else None
    if not (station and serial):
        station = station or station_from_sender(routing)
        serial = serial or routing.serial
    message_ref = f"{station} {serial}" if station and serial else None
    ident = cable_id(date, id_station or station, serial)
    if ident is None and meta is not None and meta.id:
        ident = meta.id
        warnings.append(f"no message reference in the text: the id {ident} comes from the {meta.kind}")
    if ident is None:
        warnings.append("no cable id could be derived: files are named after the input")

    origin = origin_of(routing.sender)
    origin_from_metadata = False
    if origin is None and meta is not None and meta.origin:
        origin = meta.origin
        origin_from_metadata = True

    subject_field = _first(all_fields, "subject")
    subject = None
    if subject_field is not None:
        subject = pre.SUBJECT.sub("", subject_field.text, count=1).strip()
        subject = re.sub(r"^\((?:U|C|S|SBU)\)\s*", "", subject) or None

    tags_field = _first(all_fields, "tags")
    tags = pre.parse_tags(pre.TAGS.sub("", tags_field.text, count=1)) if tags_field else []
    eo_field = _first(all_fields, "eo")
    classified = _first(all_fields, "classified-by")
    classified_text = classified.text if classified else None
    if classified_text is None:
        first_para = next((b for b in structure.blocks if b.kind == "p" and b.n is not None), None)
        para_lines = [x for x in first_para.lines if isinstance(x, str)] if first_para else []
        if para_lines and pre.CLASSIFIED_IN_PARAGRAPH.match(para_lines[0]):
            classified_text = " ".join(" ".join(x.split()) for x in para_lines)

    refs: list[tuple[str | None, str, str | None, bool]] = []
    own_year = int(date[:4]) if date else None
    for f in all_fields:
        if f.kind == "refs":
            for ref_letter, _written, ref_text in split_ref_field(f.text)[1]:
                rid, inferred = pre.resolve_ref(ref_text, own_year)
                refs.append((ref_letter, ref_text, rid, inferred))

    signer = next((str(b.lines[0]).strip(" .#") for b in structure.blocks if b.kind == "signature"), None)
    facts = Facts(
        cable_id=ident,
        source=raw.source,
        routing=routing,
        subject=subject,
        message_ref=message_ref,
        sections=banner.sections if banner else None,
        level=level,
        level_text=banner.text if banner else None,
        caveats=caveats,
        classification=classification_record(level, caveats),
        origin=origin,
        origin_from_metadata=origin_from_metadata,
        signer=signer,
        tags=tags,
        refs=refs,
        eo=eo_field.text if eo_field else None,
        classified_by=classified_text,
        date=date,
        date_from_metadata=date_from_metadata,
        metadata=meta,
        partial=any(f.kind == "notice" for f in all_fields)
        or bool(raw.header and pre.PARTIAL_EXTRACT.search(raw.header)),
    )
    if meta is not None:
        cross_check(facts, meta, warnings)
    return facts


def cross_check(facts: Facts, meta: object, warnings: list[str]) -> None:
    from ..model import SourceMetadata

    assert isinstance(meta, SourceMetadata)
    where = "the cablegate table" if meta.kind == "cablegate-table" else "the cables.csv row"
    checks = []
    if meta.id and facts.cable_id and meta.id != facts.cable_id:
        checks.append(f"id: the text gives {facts.cable_id}, {where} {meta.id}")
    if meta.created and facts.routing.date and meta.created[:13] != facts.routing.date[:13]:
        checks.append(f"date: the text gives {facts.routing.date}, {where} {meta.created}")
    if meta.classification and facts.classification and meta.classification.upper() != facts.classification:
        checks.append(f"classification: the text gives {facts.classification}, {where} {meta.classification}")
    if meta.origin and facts.origin and not facts.origin_from_metadata and meta.origin != facts.origin:
        checks.append(f"origin: the text gives {facts.origin}, {where} {meta.origin}")
    facts.discrepancies.extend(checks)
    warnings.extend(checks)


def build(structure: Structure, routing: Routing, facts: Facts) -> etree._Element:
    tei = el(None, "TEI")
    tei.set(XML_LANG, "en")
    text = el(None, "text")
    body = el(text, "body")
    div = el(body, "div", type="telegram")
    build_opener(div, routing, structure.fields, facts)
    subjects = [f for f in structure.fields if f.kind == "subject"]
    for index, subject_field in enumerate(subjects):
        # a second SUBJECT line (a repeated preamble after a truncation) stays, as text
        node = el(div, "head", type="subject") if index == 0 else el(div, "ab", type="subject")
        add_tokens(node, join_lines(subject_field.lines))
    build_references(div, [f for f in structure.fields if f.kind == "refs"], facts)
    blocks: list[Block] = []
    words: set[str] = set()

    def cable_words() -> set[str]:
        if not words:
            words.update(
                w.lower() for b in structure.blocks for x in b.lines if isinstance(x, str) for w in _WORD.findall(x)
            )
        return words

    for block in structure.blocks:
        if block.kind == "field:refs":
            fld = Field("refs", list(block.lines))
            if blocks:
                build_body(div, blocks, BodyContext(facts, cable_words))
                blocks = []
            build_references(div, [fld], facts)
        elif block.kind == "field:classified-by":
            blocks.append(Block("ab", lines=list(block.lines), subtype="classified-by"))
        else:
            blocks.append(block)
    build_body(div, blocks, BodyContext(facts, cable_words))
    if any(b.label_fix for b in structure.blocks):
        facts.editorial.add("renumber")
    build_header(tei, facts)
    tei.append(text)
    etree.cleanup_namespaces(tei)
    indent(tei)
    return tei


__all__ = ["normalize"]
