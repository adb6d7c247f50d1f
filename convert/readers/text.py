"""Reader for plain cable text: a routing header and body, a body alone, or the seed's form;
also the text of a whole cablegate page as a browser copies it ("select all, copy"), and a
pre-2000 cable of the public text scrape, its lines of metadata first (:mod:`.scrape`)."""

from __future__ import annotations

import re

from ..model import RawCable, SourceMetadata
from . import scrape
from .cablegate import HEADER_NAMES, iso_date

#: the cablegate page's table head, as a browser copies it (cells tab-separated)
_TABLE_HEAD = re.compile(r"^[ \t]*Reference ID[ \t]+Created[ \t]+Released[ \t]+Classification[ \t]+Origin[ \t]*$", re.M)
_CELLS = re.compile(r"\t|\s{2,}")
_CABLE_ID = re.compile(r"^\d{2}[A-Z][A-Z-]*\d+$")
BROWSER_NOTE = (
    "a browser copy of a cablegate page: the site's navigation and help text before the page's table "
    "are left out, the table's facts are read as the page's metadata"
)
#: the table's last row on many pages: the press articles the cable appears in, one a line
_ARTICLES = re.compile(r"^[ \t]*Appears in these articles:[ \t]*$")
_LINK = re.compile(r"^[ \t]*(?:https?://|www\.)\S*[ \t]*$")
#: how many lines the articles row may hold before its end (a blank line) is not trusted
_ARTICLE_LINES = 40


#: a line end as Windows (CR LF) or old Macintosh (CR) systems write it
_LINE_END = re.compile(r"\r\n?")


def read(content: str, name: str) -> RawCable:
    # The split between routing header and body is a normalizer decision: it knows the
    # header's line shapes. The reader only hands the text on.
    # What the reader looks for (a browser copy's table, a scrape's lines of metadata) is
    # found whatever the line ends: a copy pasted on Windows has CR LF (the normalizer reads
    # CR LF and CR as a break, as LF)
    lines = _LINE_END.sub("\n", content) if "\r" in content else content
    copied = browser_copy(lines, name)
    if copied is not None:
        return copied
    # a text scrape's lines of metadata stay in the text (the normalizer keeps them with the
    # routing header) and are its metadata too
    return RawCable(source=name, form="text", body=content, metadata=scrape.metadata(lines))


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
    if len(cells) != 5 or not _CABLE_ID.match(cells[0]) or iso_date(cells[1]) is None:
        return None
    names = [HEADER_NAMES.get(h.lower()) for h in ("Reference ID", "Created", "Released", "Classification", "Origin")]
    fields = dict(zip(names, cells, strict=True))
    body, articles = _articles(body)
    metadata = SourceMetadata(
        kind="cablegate-table",
        id=fields.get("id"),
        created=iso_date(fields.get("created")),
        released=iso_date(fields.get("released")),
        classification=fields.get("classification"),
        origin=fields.get("origin"),
    )
    note = BROWSER_NOTE + ("; the table's row of the press articles the cable appears in "
                           f"({articles} line{'s' * (articles != 1)}) is left out too" if articles else "")
    return RawCable(source=name, form="text", body=body, metadata=metadata, notes=(note,))


def _articles(body: str) -> tuple[str, int]:
    """The text after the table's row of facts without the table's row of articles
    (``Appears in these articles:`` and the articles' addresses or names, one a line, up to
    the blank line that ends the table), and how many lines that row held. Where no blank line
    ends the row soon, only the lines that are web addresses are taken as its."""
    lines = body.split("\n")
    start = next((i for i, line in enumerate(lines[:3]) if line.strip()), None)
    if start is None or not _ARTICLES.match(lines[start]):
        return body, 0
    end = next((i for i in range(start + 1, min(len(lines), start + 2 + _ARTICLE_LINES)) if not lines[i].strip()),
               None)
    if end is None:
        end = start + 1
        while end < len(lines) and _LINK.match(lines[end]):
            end += 1
    return "\n".join(lines[end:]).lstrip("\n"), end - start - 1

