"""Where each printed page of a PDF volume starts, read off weasyprint's layout, so that an
EPUB of the same volume can mark its pages (a page list, EPUB Accessibility 1.1; issue 13).

A page starts at its first printed character in the flow of the text: the page's margin
boxes (running heads, page numbers) and its footnote area (the source notes) are not the
flow, and neither is text the stylesheet generates (list markers, a cross-reference's
"(Document 12, page 34)", the contents' leaders). For each page this records

- the element with an ``id`` started last before that character (every document's heading,
  every numbered paragraph has one; the index's heading too) and the number of characters
  from its start, when nothing but its own start comes before: ``offset`` 0;
- the first :data:`CONTEXT` characters of the page and the :data:`CONTEXT` before them.

Characters here are *non-blank* characters (white space and soft hyphens left out): where
weasyprint breaks a line, and how pandoc and weasyprint collapse white space, then do not
matter, and neither does a long word broken across two lines. The EPUB side
(:mod:`.epub_pages`) finds the same characters after the same element.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

#: how many non-blank characters of a page's start, and of what comes before it, are kept
CONTEXT = 40
_SOFT_HYPHEN = "\u00ad"


@dataclass(frozen=True, slots=True)
class PageStart:
    """Where a printed page starts (see the module's text)."""

    page: int  # its printed number
    anchor: str  # the id of the element started last before its first character ("": none)
    offset: int  # non-blank characters from that element's start to the page's first
    head: str  # the page's first non-blank characters
    before: str  # the non-blank characters printed just before them ("" at a piece's start)

    def as_list(self) -> list[Any]:
        return [self.page, self.anchor, self.offset, self.head, self.before]

    @classmethod
    def from_list(cls, items: Sequence[Any]) -> PageStart:
        return cls(int(items[0]), str(items[1]), int(items[2]), str(items[3]), str(items[4]))


def solid(text: str) -> str:
    """``text`` without white space and soft hyphens."""
    return "".join(ch for ch in text if not ch.isspace() and ch != _SOFT_HYPHEN)


#: pseudo-elements whose text the stylesheet generates (a ``::first-letter`` is the text's own)
GENERATED = ("::before", "::after", "::marker", "::footnote-call", "::footnote-marker")


def _flow(box: Any) -> Iterator[Any]:
    """The boxes of a page's flow in document order, without generated content
    (:data:`GENERATED` boxes and everything in them)."""
    stack = [box]
    while stack:
        current = stack.pop()
        if (getattr(current, "element_tag", None) or "").endswith(GENERATED):
            continue
        yield current
        stack.extend(reversed(getattr(current, "children", None) or ()))


class _Reader:
    """The running count of non-blank characters over the pages of one layout."""

    def __init__(self) -> None:
        self.count = 0
        self.started: dict[str, int] = {}  # id -> the count where its element started
        self.last = ""  # the id started last
        self.tail = ""  # the last CONTEXT characters read

    def page(self, number: int, root: Any) -> PageStart | None:
        found: tuple[str, int, str] | None = None
        head = ""
        for box in _flow(root):
            element = getattr(box, "element", None)
            ident = element.get("id") if element is not None else None
            if ident and ident not in self.started:
                self.started[ident] = self.count
                self.last = ident
            text = solid(getattr(box, "text", "") or "") if type(box).__name__ == "TextBox" else ""
            if not text:
                continue
            if found is None:
                offset = self.count - self.started[self.last] if self.last else self.count
                found = (self.last, offset, self.tail)
            if len(head) < CONTEXT:
                head += text[:CONTEXT - len(head)]
            self.count += len(text)
            self.tail = (self.tail + text)[-CONTEXT:]
        if found is None:
            return None
        return PageStart(number, found[0], found[1], head, found[2])


def read_pages(pages: Iterable[Any], first_page: int) -> list[PageStart]:
    """The start of each page of a weasyprint ``Document``'s ``pages`` that prints text in
    its flow, numbered from ``first_page``."""
    reader = _Reader()
    out = []
    for index, page in enumerate(pages):
        box = page._page_box  # weasyprint 70: the laid-out page; its first child is the flow
        start = reader.page(first_page + index, box.children[0]) if box.children else None
        if start is not None:
            out.append(start)
    return out
