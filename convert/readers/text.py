"""Reader for plain cable text: a routing header and body, a body alone, or the seed's form;
also the text of a whole cablegate page as a browser copies it ("select all, copy"), and a
pre-2000 cable of the public text scrape, its lines of metadata first (:mod:`.scrape`)."""

from __future__ import annotations

import re

from ..model import RawCable, SourceMetadata
from . import scrape
from .cablegate import HEADER_NAMES, _iso

#: the cablegate page's table head, as a browser copies it (cells tab-separated)
_TABLE_HEAD = re.compile(r"^[ \t]*Reference ID[ \t]+Created[ \t]+Released[ \t]+Classification[ \t]+Origin[ \t]*$", re.M)
_CELLS = re.compile(r"\t|\s{2,}")
_CABLE_ID = re.compile(r"^\d{2}[A-Z][A-Z-]*\d+$")
BROWSER_NOTE = (
    "a browser copy of a cablegate page: the site's navigation and help text before the page's table "
    "are left out, the table's facts are read as the page's metadata"
)


def read(content: str, name: str) -> RawCable:
    # The split between routing header and body is a normalizer decision: it knows the
    # header's line shapes. The reader only hands the text on.
    copied = browser_copy(content, name)
    if copied is not None:
        return copied
    # a text scrape's lines of metadata stay in the text (the normalizer keeps them with the
    # routing header) and are its metadata too
    return RawCable(source=name, form="text", body=content, metadata=scrape.metadata(content))


def browser_copy(content: str, name: str) -> RawCable | None:
    """A cablegate page copied from a browser: the site's text, the table (its head row, then
    the row of id, created, released, classification, origin), then the page's two text
    blocks. The cable is what follows the table; the table is its metadata, as for the page."""
    head = _TABLE_HEAD.search(content)
    if head is None:
        return None
    rest = content[head.end() :].lstrip("\n")
    row, _, body = rest.partition("\n")
    cells = [c.strip() for c in _CELLS.split(row.strip()) if c.strip()]
    if len(cells) != 5 or not _CABLE_ID.match(cells[0]) or _iso(cells[1]) is None:
        return None
    names = [HEADER_NAMES.get(h.lower()) for h in ("Reference ID", "Created", "Released", "Classification", "Origin")]
    fields = dict(zip(names, cells, strict=True))
    metadata = SourceMetadata(
        kind="cablegate-table",
        id=fields.get("id"),
        created=_iso(fields.get("created")),
        released=_iso(fields.get("released")),
        classification=fields.get("classification"),
        origin=fields.get("origin"),
    )
    return RawCable(source=name, form="text", body=body, metadata=metadata, notes=(BROWSER_NOTE,))
