"""The JSON record: the cable's facts, flat — the read side (:mod:`convert.view`) serialised,
so a re-rendered TEI gives the same record. Field names and conventions are those of
TEI-PROFILE.md."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from ..model import Cable
from ..options import WriteOptions
from ..view import Office, Paragraph


def _office(office: Office) -> dict[str, Any]:
    return {"name": office.name, "routing": office.routing, "precedence": office.precedence,
            "sequence": office.sequence}


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {"n": int(paragraph.n or ""), "marking": paragraph.marking, "text": paragraph.text}


def record(cable: Cable) -> dict[str, Any]:
    """The flat JSON record of one cable."""
    view = cable.view
    header, body = view.header, view.body
    return {
        "id": header.cable_id,
        "source": cable.source,
        "date": header.date,
        "origin": header.origin,
        "from": header.sender,
        "to": [_office(office) for office in header.to],
        "info": [_office(office) for office in header.info],
        "precedence": header.precedence,
        "classification": header.marking,
        "caveats": list(header.caveats),
        "subject": header.subject,
        "tags": list(header.tags),
        "references": [{"label": ref.label, "text": ref.text, "id": ref.cable_id} for ref in header.references],
        "signer": header.signer,
        "summary": body.summary,
        "sections": header.sections,
        # the numbered paragraphs (the view has the unnumbered ones too)
        "paragraphs": [_paragraph(p) for p in body.paragraphs if p.n is not None],
        "warnings": list(cable.warnings),
    }


def _encode(value: Any, indent: str, parts: list[str]) -> None:
    """``json.dumps(value, ensure_ascii=False, indent=2)``'s text, for the record's types
    (the standard encoder runs in pure Python when it indents: this is 3-4 times faster)."""
    if isinstance(value, str):
        parts.append(encode_basestring(value))
    elif value is None:
        parts.append("null")
    elif value is True or value is False:
        parts.append("true" if value else "false")
    elif isinstance(value, int):
        parts.append(int.__repr__(value))
    elif isinstance(value, dict) and value:
        inner = indent + "  "
        parts.append("{")
        for number, (key, item) in enumerate(value.items()):
            parts.append(("\n" if number == 0 else ",\n") + inner + encode_basestring(str(key)) + ": ")
            _encode(item, inner, parts)
        parts.append("\n" + indent + "}")
    elif isinstance(value, list | tuple) and value:
        inner = indent + "  "
        parts.append("[")
        for number, item in enumerate(value):
            parts.append(("\n" if number == 0 else ",\n") + inner)
            _encode(item, inner, parts)
        parts.append("\n" + indent + "]")
    else:  # empty containers, floats and anything else: the standard encoder's text
        parts.append(json.dumps(value, ensure_ascii=False))


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> bytes:
    if indent != 2:
        return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False).encode("utf-8")
    parts: list[str] = []
    _encode(data, "", parts)
    return "".join(parts).encode("utf-8")


def write(cable: Cable, options: WriteOptions) -> bytes:
    return dumps(record(cable)) + b"\n"
