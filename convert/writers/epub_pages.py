"""The page list of an EPUB volume: where each page of the volume's PDF edition starts, marked
in the EPUB's text, listed in the navigation document and named in the package (issue 13).

The pages come from the PDF's layout (:mod:`.page_starts`: the element an ``id`` started last
before a page's first character, and the page's first characters with those before them).
Here, in the documents pandoc made (in reading order), a page that starts where such an
element starts is marked just before it (before its heading: a marker inside a heading would
join the heading's name); any other page as many characters after that element as in print
when its first :data:`.page_starts.CONTEXT` non-blank characters stand there (the text
between is the same: a paragraph's), else where they next come after that element preceded
by the same characters as in print (else where they next come: an EPUB chapter has its
classification line after the heading, which print has in its running head). Pages whose
first words the EPUB does not have (the index of posts, an index page starting inside an
entry: the EPUB's index has no page numbers) are not marked and not listed.

Each marker is ``<span epub:type="pagebreak" role="doc-pagebreak" id="page-N"
aria-label="N"/>``; the list is ``<nav epub:type="page-list" role="doc-pagelist" hidden>``;
the package names the print edition in ``dc:source`` refined by ``<meta refines="#…"
property="source-of">pagination</meta>`` (EPUB 3's own way, which Ace accepts). Not the
newer ``a11y:pageBreakSource`` (Page Source Identification): EPUBCheck 5.3.0, the version
checked here, rejects it as an undefined property (OPF-027, an error).
"""

from __future__ import annotations

import bisect
import posixpath
from collections.abc import Sequence
from dataclasses import dataclass

from lxml import etree

from .page_starts import PageStart, solid

_X = "{http://www.w3.org/1999/xhtml}"
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_OPF = "{http://www.idpf.org/2007/opf}"
_DC = "{http://purl.org/dc/elements/1.1/}"
SOURCE_ID = "print-source"
_HEADINGS = frozenset(f"{_X}h{level}" for level in range(1, 7))


@dataclass(frozen=True, slots=True)
class PrintPages:
    """The pages of a volume's print edition: which edition (``source``, as the package names
    it) and where each of its pages starts."""

    source: str
    starts: tuple[PageStart, ...]


def print_source(title: str, paper: str, theme: str) -> str:
    """How the package names the PDF edition the page numbers are from."""
    sheet = {"a4": "A4", "letter": "US Letter"}.get(paper, paper)
    name = posixpath.basename(theme).removesuffix(".toml")  # a theme file: its name, not its path
    return f"{title}: PDF edition, {sheet} paper, {name} theme (cable-convert)"


class _Text:
    """The non-blank characters of documents in reading order, each traced to its text node
    (an element's ``text`` or ``tail``), and where each element with an id starts."""

    def __init__(self, documents: Sequence[tuple[str, etree._Element]]) -> None:
        self.nodes: list[tuple[str, etree._Element, bool]] = []  # document, element, is a tail
        self.offsets: list[int] = []  # the count before each node
        self.ids: dict[str, tuple[str, etree._Element, int]] = {}
        self.headings: dict[etree._Element, int] = {}
        chars: list[str] = []
        count = 0
        for name, root in documents:
            body = root.find(f"{_X}body")
            if body is None:
                continue
            for event, element in etree.iterwalk(body, events=("start", "end")):
                is_tail = event == "end"
                if not is_tail and isinstance(element.tag, str):
                    ident = element.get("id")
                    if ident and ident not in self.ids:
                        self.ids[ident] = (name, element, count)
                    if element.tag in _HEADINGS:
                        self.headings[element] = count
                if is_tail and element is body:
                    continue
                text = solid((element.tail if is_tail else element.text) or "")
                if text and (is_tail or isinstance(element.tag, str)):
                    self.nodes.append((name, element, is_tail))
                    self.offsets.append(count)
                    chars.append(text)
                    count += len(text)
        self.text = "".join(chars)

    def find(self, start: PageStart, low: int) -> int | None:
        """Where ``start``'s page begins in this text, at or after ``low``."""
        head, before = start.head, start.before
        at = self.text.find(head, low)
        first = at
        while at >= 0:
            width = min(len(before), at)
            if self.text[at - width:at] == before[len(before) - width:]:
                return at
            at = self.text.find(head, at + 1)
        return first if first >= 0 else None

    def insert(self, position: int, marker: etree._Element) -> str:
        """Put ``marker`` before the non-blank character at ``position`` (before a heading
        that starts there); returns the document's name."""
        index = bisect.bisect_right(self.offsets, position) - 1
        name, element, is_tail = self.nodes[index]
        raw = (element.tail if is_tail else element.text) or ""
        cut = _nth_solid(raw, position - self.offsets[index])
        owner = element.getparent() if is_tail else element
        heading = next((h for h in ([] if owner is None else [owner, *owner.iterancestors()])
                        if self.headings.get(h) == position), None)
        if heading is not None:
            heading.addprevious(marker)
            return name
        if is_tail:
            element.addnext(marker)  # lxml moves the tail along: set both after
            element.tail, marker.tail = raw[:cut], raw[cut:]
        else:
            element.text, marker.tail = raw[:cut], raw[cut:]
            element.insert(0, marker)
        # the rest of the node is now the marker's tail (a later page may start in it)
        self.nodes.insert(index + 1, (name, marker, True))
        self.offsets.insert(index + 1, position)
        return name


def _nth_solid(raw: str, nth: int) -> int:
    """The index in ``raw`` of its ``nth`` non-blank character (from 0)."""
    for index, char in enumerate(raw):
        if not char.isspace() and char != "\u00ad":
            if not nth:
                return index
            nth -= 1
    return len(raw)


def _marker(page: int) -> etree._Element:
    return etree.Element(f"{_X}span", {_EPUB_TYPE: "pagebreak", "role": "doc-pagebreak",
                                       "id": f"page-{page}", "aria-label": str(page)})


def _at_anchor(text: _Text, start: PageStart, marker: etree._Element) -> tuple[str, int]:
    """Mark a page that starts where its anchor element starts: before it, or first in it
    when it is pandoc's section around a heading."""
    name, element, position = text.ids[start.anchor]
    if element.tag == f"{_X}section":
        element.insert(0, marker)  # after the section's own text: white space
    else:
        element.addprevious(marker)
    return name, position


def mark(documents: Sequence[tuple[str, etree._Element]], starts: Sequence[PageStart]
         ) -> list[tuple[int, str]]:
    """Mark each page of ``starts`` in ``documents`` (archive name and root, in reading
    order); returns (page, document name) of the pages marked, in order."""
    text = _Text(documents)
    placed: list[tuple[int, str]] = []
    cursor = 0
    for start in starts:
        marker = _marker(start.page)
        anchor = text.ids.get(start.anchor)
        if anchor is not None and start.offset == 0 and anchor[2] >= cursor:
            name, cursor = _at_anchor(text, start, marker)
            placed.append((start.page, name))
            continue
        low = max(cursor, anchor[2] if anchor is not None else 0)
        guess = anchor[2] + start.offset if anchor is not None else -1
        # as far from its element as in print (the same text between): there; else searched
        position = guess if guess >= low and text.text.startswith(start.head, guess) else text.find(start, low)
        if position is None:
            continue
        placed.append((start.page, text.insert(position, marker)))
        cursor = position
    return placed


def add_page_list(nav: etree._Element, placed: Sequence[tuple[int, str]], nav_name: str) -> None:
    """The navigation document's page list, in page order, after its table of contents."""
    body = nav.find(f"{_X}body")
    if body is None or not placed:
        return
    element = etree.SubElement(body, f"{_X}nav", {_EPUB_TYPE: "page-list", "role": "doc-pagelist",
                                                 "id": "page-list", "hidden": "hidden"})
    listing = etree.SubElement(element, f"{_X}ol")
    base = posixpath.dirname(nav_name)
    for page, name in placed:
        item = etree.SubElement(listing, f"{_X}li")
        href = f"{posixpath.relpath(name, base)}#page-{page}"
        etree.SubElement(item, f"{_X}a", {"href": href}).text = str(page)


def name_source(opf: etree._Element, source: str) -> None:
    """The print edition the page list is from: ``dc:source``, refined as the source of the
    pagination (``source-of``; see the module's text for why not ``a11y:pageBreakSource``)."""
    metadata = opf.find(f"{_OPF}metadata")
    if metadata is None:
        return
    etree.SubElement(metadata, f"{_DC}source", {"id": SOURCE_ID}).text = source
    etree.SubElement(metadata, f"{_OPF}meta", {"refines": f"#{SOURCE_ID}",
                                               "property": "source-of"}).text = "pagination"
