"""The JSON record: the cable's facts, flat — the read side (:mod:`convert.view`) serialised,
so a re-rendered TEI gives the same record. Field names and conventions are those of
TEI-PROFILE.md."""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

from ..model import Cable
from ..names import public_source
from ..options import WriteOptions
from ..textview import printable
from ..view import Block, Office, Paragraph


def _office(office: Office) -> dict[str, Any]:
    return {"name": office.name, "routing": office.routing, "precedence": office.precedence,
            "sequence": office.sequence}


def _paragraph(paragraph: Paragraph) -> dict[str, Any]:
    return {"n": int(paragraph.n or ""), "marking": paragraph.marking, "text": paragraph.text}


def _number(n: str | None) -> int | str | None:
    """A paragraph number as a number (as in ``paragraphs``); any other ``n`` as written."""
    return int(n) if n is not None and n.isdecimal() and n.isascii() else n


def _block(block: Block) -> dict[str, Any]:
    """One block of ``body``: the TEI element and its type, number, marking and text; a
    list's items after."""
    out: dict[str, Any] = {"type": block.kind, "subtype": block.subtype, "n": _number(block.n),
                           "marking": block.marking, "text": block.text}
    if block.items is not None:
        out["items"] = [{"label": item.label, "n": item.n, "text": item.text} for item in block.items]
    return out


def record(cable: Cable) -> dict[str, Any]:
    """The flat JSON record of one cable."""
    view = cable.view
    header, body = view.header, view.body
    return {
        "id": header.cable_id,
        "source": public_source(cable.source),
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
        "paragraphs": [_paragraph(p) for p in body.paragraphs],
        # (a rule of dashes is the teletype's underline or separator, no words: no edition prints it)
        "body": [_block(block) for block in body.blocks if (block.kind, block.subtype) != ("ab", "rule")],
        "appended": [{"part": part.part, "id": part.cable_id, "date": part.date, "origin": part.origin,
                      "subject": part.subject, "signer": part.signer} for part in header.appended],
        "warnings": list(cable.warnings),
    }


def _string(text: str) -> str:
    """``encode_basestring(text)``: the JSON string (``ensure_ascii=False``), twice as fast on
    cable text. A printable string holds no control character, and only ``"`` and ``\\`` are
    escaped besides those: two replacements do it; anything else goes to the standard encoder."""
    if printable(text):
        if '"' in text or "\\" in text:
            text = text.replace("\\", "\\\\").replace('"', '\\"')
        return '"' + text + '"'
    return encode_basestring(text)


class _Unusual(Exception):
    """A value the record never holds (a key that is not a string): the standard encoder's."""


def _scalar(value: Any) -> str | None:
    """A scalar's JSON text, or None for a container."""
    kind = value.__class__
    if kind is str:
        return _string(value)
    if value is None:
        return "null"
    if kind is bool:
        return "true" if value else "false"
    if kind is int:
        return int.__repr__(value)
    if kind is dict or kind is list or kind is tuple:
        return None
    return json.dumps(value, ensure_ascii=False)  # a float, or an int or str subclass


def _item(value: Any, inner: str) -> str:
    """One member's text (a string first: its one test of printable characters)."""
    if value.__class__ is str:
        return _string(value)
    return _scalar(value) or _encode(value, inner)


#: ``{"key": %s, …}`` with the keys already encoded, per (keys, indent): a record's objects come
#: in a few shapes (the record, an addressee, a reference, a paragraph)
_SHAPES: dict[tuple[tuple[Any, ...], str], str] = {}


def _shape(keys: tuple[Any, ...], indent: str) -> str:
    shape = _SHAPES.get((keys, indent))
    if shape is None:
        if any(key.__class__ is not str for key in keys):
            raise _Unusual
        inner = indent + "  "
        lines = [inner + _string(key).replace("%", "%%") + ": %s" for key in keys]
        shape = "{\n" + ",\n".join(lines) + "\n" + indent + "}"
        if len(_SHAPES) < 256:
            _SHAPES[(keys, indent)] = shape
    return shape


def _encode(value: Any, indent: str) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``'s text for what a record holds
    (the standard encoder runs in pure Python when it indents: this is faster)."""
    text = _scalar(value)
    if text is not None:
        return text
    if not value:
        return "{}" if isinstance(value, dict) else "[]"
    inner = indent + "  "
    if isinstance(value, dict):
        return _shape(tuple(value), indent) % tuple([_item(item, inner) for item in value.values()])
    return "[\n" + inner + (",\n" + inner).join([_item(item, inner) for item in value]) + "\n" + indent + "]"


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> bytes:
    if indent == 2:
        try:
            return _encode(data, "").encode("utf-8")
        except _Unusual:
            pass
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False).encode("utf-8")


def write(cable: Cable, options: WriteOptions) -> bytes:
    return dumps(record(cable)) + b"\n"
