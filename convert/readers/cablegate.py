"""Reader for cablegate web pages: the metadata table and the header/body ``<pre>`` blocks.

The ``<pre>`` text is *not* HTML-escaped on these pages (``R&D;`` is literal), so it is never
unescaped wholesale: only the site's own link markup is removed and numeric character
references (``&#x000A;``) are decoded. Anything else that looks like a tag (``<br>``,
``<<220571>>``) is residue of the cable's own text and stays, as text.
"""

from __future__ import annotations

import html
import re
from datetime import datetime

from ..errors import ParseError
from ..model import RawCable, SourceMetadata

_TABLE = re.compile(r"<table\s+class=['\"]cable['\"]\s*>(.*?)</table>", re.S | re.I)
_TABLE_OPEN = re.compile(r"<table\s+class=['\"]cable['\"]", re.I)
_PRE_OPEN = re.compile(r"<pre\b", re.I)
_HTML_OPEN = re.compile(r"<html\b", re.I)
_ROW = re.compile(r"<tr>(.*?)</tr>", re.S | re.I)
_CELL = re.compile(r"<t([hd])[^>]*>(.*?)</t[hd]>", re.S | re.I)
_TAG = re.compile(r"<[^<>]*>")
_PRE = re.compile(r"<pre[^>]*>(.*?)</pre>", re.S | re.I)
# the site's own anchors: paragraph pilcrows and TAG links
_PAR_ANCHOR = re.compile(r"<a id=['\"]par[^'\"]*['\"] href=['\"]#par[^'\"]*['\"]>(.*?)</a>", re.S)
_LINK = re.compile(r"<a href=['\"]/[^'\"]*['\"]>(.*?)</a>", re.S)
_NUMERIC_REF = re.compile(r"&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));")

HEADER_NAMES = {
    "reference id": "id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}


def looks_like(text: str) -> bool:
    head = text[:200_000]
    return bool(_TABLE_OPEN.search(head)) or bool(_PRE_OPEN.search(head) and _HTML_OPEN.search(head))


def _numeric(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return match.group(0)


def pre_text(fragment: str) -> str:
    text = _PAR_ANCHOR.sub(r"\1", fragment)
    text = _LINK.sub(r"\1", text)
    return _NUMERIC_REF.sub(_numeric, text)


def _cell_text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _iso(value: str | None) -> str | None:
    """``2009-06-02 09:22`` -> ``2009-06-02T09:22``; anything else in the cell -> None (the
    table is scraped metadata: a damaged date must not become a TEI date)."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y-%m-%d %H:%M").isoformat(timespec="minutes")
    except ValueError:
        return None


def parse_table(page: str) -> SourceMetadata | None:
    match = _TABLE.search(page)
    if not match:
        return None
    rows = [_CELL.findall(row) for row in _ROW.findall(match.group(1))]
    heads = [_cell_text(c) for kind, c in rows[0] if kind.lower() == "h"] if rows else []
    values = [_cell_text(c) for kind, c in rows[1] if kind.lower() == "d"] if len(rows) > 1 else []
    fields: dict[str, str] = {}
    for head, value in zip(heads, values, strict=False):
        key = HEADER_NAMES.get(head.lower())
        if key and value:
            fields[key] = value
    created = _iso(fields.get("created"))
    released = _iso(fields.get("released"))
    return SourceMetadata(
        kind="cablegate-table",
        id=fields.get("id"),
        created=created,
        released=released,
        classification=fields.get("classification"),
        origin=fields.get("origin"),
    )


def read(page: str, name: str) -> RawCable:
    blocks = [pre_text(b) for b in _PRE.findall(page)]
    if not blocks:
        raise ParseError(name, "a web page without a <pre> block: no cable text found")
    metadata = parse_table(page)
    header: str | None
    if len(blocks) >= 2:
        header, body = blocks[0], "\n\n".join(blocks[1:])
    else:
        header, body = None, blocks[0]
    if not body.strip() and not (header or "").strip():
        raise ParseError(name, "the page's <pre> blocks are empty")
    return RawCable(source=name, form="html", body=body, header=header, metadata=metadata)
