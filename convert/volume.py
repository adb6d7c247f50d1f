"""Many cables as one volume (``--book``): title page, contents, cables, index of TAGS.

A :class:`Volume` is the cables in order with a title; :meth:`Volume.blocks` builds its one
HTML tree from the same articles the single-cable writers use (every REF whose cable is in
the volume becomes a link to it). Which formats make volumes, and how, is the writer
registry's (:data:`convert.writers.FORMATS`, ``WriterSpec.volume``): each such writer has a
``write_volume(volume, options)``. Like the writers, this returns bytes and never touches
the file system.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from lxml import etree

from .errors import UsageError
from .model import Cable
from .options import WriteOptions
from .view import CableView, epoch_to_iso, iso_to_epoch
from .vocab import LEVELS, level_rank
from .writers import get_paged_volume_writer, get_volume_writer, spec_of, volume_formats

if TYPE_CHECKING:
    from .writers.page_starts import PageStart

SORTS = ("date", "id", "input")
T = TypeVar("T")
VOLUME_FORMATS = volume_formats()
#: where a volume links a cable: its article's title heading (pandoc keeps a heading's id when
#: it splits EPUB chapters). The int is the copy: 0 for a cable's first place in the volume,
#: 1, 2, … for the same cable given again (see :func:`copies`).
AnchorOf = Callable[[CableView, int], str]


def sorted_by(items: Sequence[T], sort: str, date_id: Callable[[T], tuple[str | None, str]]) -> list[T]:
    """``items`` in volume order: by date (then id), by id, or as given. ``date_id`` gives an
    item's date and id (a cable's view, or a spooled entry of a PDF volume)."""
    if sort not in SORTS:
        raise UsageError(sort, f"unknown sort (known: {', '.join(SORTS)})")
    out = list(items)
    if sort == "date":
        out.sort(key=lambda item: ((date := date_id(item))[0] or "9999", date[1]))
    elif sort == "id":
        out.sort(key=lambda item: date_id(item)[1])
    return out


def default_title(dates: Sequence[str | None]) -> str:
    """"N cables, first date to last date" for cables with these dates."""
    days = sorted(date[:10] for date in dates if date)
    return f"{len(dates)} cables" + (f", {days[0]} to {days[-1]}" if days else "")


def last_modified(dates: Sequence[str | None], options: WriteOptions) -> str:
    """A volume's modification time: SOURCE_DATE_EPOCH from the options, else the latest
    cable's date."""
    if options.source_date_epoch is not None:
        return epoch_to_iso(options.source_date_epoch)
    epochs = [e for date in dates if (e := iso_to_epoch(date)) is not None]
    return epoch_to_iso(max(epochs) if epochs else 0)


def order(cables: Sequence[Cable], sort: str) -> list[tuple[Cable, CableView]]:
    """Cables with their views, in volume order (:func:`sorted_by`)."""
    return sorted_by([(cable, cable.view) for cable in cables], sort, lambda pair: (pair[1].date, pair[1].id))


def highest_classification(views: Sequence[CableView]) -> str:
    """The most restrictive classification line among the cables (for a volume's header)."""
    return highest_of([(view.level, view.classification) for view in views])


def highest_of(pairs: Sequence[tuple[str | None, str]]) -> str:
    """The most restrictive of (level, classification line) pairs."""
    def rank(pair: tuple[str | None, str]) -> tuple[int, int]:
        level = level_rank(pair[0])
        return (0 if level == len(LEVELS) else level, -len(pair[1]))  # unknown: as restrictive as any

    return min(pairs, key=rank)[1] if pairs else "UNCLASSIFIED"


def github_slug(text: str) -> str:
    """The anchor GitHub and most GFM renderers give a heading."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def copies(ids: Sequence[str]) -> list[int]:
    """For each cable id in volume order, which copy it is: 0 the first time the id comes,
    1, 2, … when the same cable is given again (a page and its cables.csv row, say). Each
    copy is its own document of the volume, with ids of its own."""
    seen: dict[str, int] = defaultdict(int)
    out = []
    for cable_id in ids:
        out.append(seen[cable_id])
        seen[cable_id] += 1
    return out


def repeats(ids: Sequence[str]) -> dict[str, int]:
    """Cable ids that come more than once, with their counts (in order of first place)."""
    counts: dict[str, int] = {}
    for cable_id in ids:
        counts[cable_id] = counts.get(cable_id, 0) + 1
    return {cable_id: n for cable_id, n in counts.items() if n > 1}


def article_base(cable_id: str, copy: int = 0) -> str:
    """The HTML id of a cable's article in a volume, every other id in it starts with it and
    ``-``: ``cable-09BEIJING1463``; a later copy ``cable-09BEIJING1463-copy2``."""
    from .writers.html import anchor_id

    return anchor_id(cable_id) + (f"-copy{copy + 1}" if copy else "")


def rekey(article: etree._Element, cable_id: str, copy: int) -> None:
    """Give a later copy of a cable's article ids of its own (:func:`article_base`): every
    ``id``, and every link inside it to one of them."""
    if not copy:
        return
    old, new = article_base(cable_id), article_base(cable_id, copy)
    for element in article.iter():
        for name, mark in (("id", ""), ("href", "#")):
            value = element.get(name)
            if value is not None and (value == mark + old or value.startswith(mark + old + "-")):
                element.set(name, mark + new + value[len(mark + old):])


def _heading(tag: str, css: str, text: str, anchor: str) -> etree._Element:
    element = etree.Element(tag, {"class": css, "id": anchor})
    element.text = text
    return element


def title_anchor(view: CableView, copy: int = 0) -> str:
    """Where a volume links a cable (its copy: see :func:`copies`): its article's title."""
    return article_base(view.id, copy) + "-title"


@dataclass(frozen=True, slots=True)
class Volume:
    """The cables of one volume, in order, and its title; who publishes it and where (a
    CMIF file's publisher and address; None: not stated)."""

    cables: tuple[Cable, ...]
    title: str
    publisher: str | None = None
    url: str | None = None

    @property
    def views(self) -> list[CableView]:
        return [cable.view for cable in self.cables]

    @property
    def lang(self) -> str:
        return self.cables[0].view.lang

    def dates(self) -> list[str]:
        """The cables' dates (ISO 8601), sorted."""
        return sorted(view.date for view in self.views if view.date)

    def tags(self) -> list[str]:
        return sorted({tag for view in self.views for tag in view.tags})

    def origins(self) -> list[str]:
        """The sending offices, each once, in volume order."""
        return list(dict.fromkeys(view.origin for view in self.views if view.origin))

    def classification(self) -> str:
        return highest_classification(self.views)

    def modified(self, options: WriteOptions) -> str:
        """SOURCE_DATE_EPOCH from the options, else the latest cable's date."""
        return last_modified([view.date for view in self.views], options)

    def blocks(self, options: WriteOptions, flavour: str, anchor_of: AnchorOf = title_anchor
               ) -> list[etree._Element]:
        """The volume's blocks: front matter, contents, the articles, the index of TAGS."""
        from .writers import html

        views = self.views
        nth = copies([view.id for view in views])
        anchors = [anchor_of(view, n) for view, n in zip(views, nth, strict=True)]
        # a reference to a cable given twice leads to its first copy
        links = {view.id: "#" + anchor for view, anchor, n in zip(views, anchors, nth, strict=True)
                 if not n}
        front = etree.Element("section", {"class": "volume-front"})
        front.append(_heading("h1", "volume-title", self.title, "volume-title"))
        dates = [date[:10] for date in self.dates()]
        summary = etree.SubElement(front, "p", {"class": "volume-summary"})
        summary.text = f"{len(views)} cables" + (f", {dates[0]} to {dates[-1]}" if dates else "")
        toc = etree.Element("nav", {"class": "volume-toc"})
        toc.append(_heading("h1", "volume-toc-title", "Contents", "volume-contents"))
        listing = etree.SubElement(toc, "ol")
        for view, anchor in zip(views, anchors, strict=True):
            link = etree.SubElement(etree.SubElement(listing, "li"), "a", {"href": "#" + anchor})
            link.text = f"{(view.date or '')[:10]} {view.id}: {view.subject}".strip()
        articles = []
        for cable, n in zip(self.cables, nth, strict=True):
            article = html.article(cable, options, flavour=flavour, links=links)
            rekey(article, cable.view.id, n)
            articles.append(article)
        return [front, toc, *articles, self._index(anchors)]

    def _index(self, anchors: list[str]) -> etree._Element:
        index = etree.Element("section", {"class": "volume-index"})
        index.append(_heading("h1", "volume-index-title", "Index of TAGS", "volume-index"))
        by_tag: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for view, anchor in zip(self.views, anchors, strict=True):
            for tag in dict.fromkeys(view.tags):
                by_tag[tag].append((view.id, anchor))
        entries = etree.SubElement(index, "ul")
        for tag in sorted(by_tag):
            item = etree.SubElement(entries, "li")
            label = etree.SubElement(item, "strong")
            label.text = tag
            label.tail = ": "
            for number, (cable_id, anchor) in enumerate(by_tag[tag]):
                link = etree.SubElement(item, "a", {"href": "#" + anchor})
                link.text = cable_id
                if number < len(by_tag[tag]) - 1:
                    link.tail = ", "
        return index


def make_volume(cables: Sequence[Cable], sort: str = "date", title: str | None = None,
                publisher: str | None = None, url: str | None = None) -> Volume:
    """The cables in volume order with the volume's title (default: "N cables, first date
    to last date"), publisher and address."""
    pairs = order(cables, sort)
    if not pairs:
        raise UsageError("--book", "a volume needs at least one cable")
    if not title:
        title = default_title([view.date for _, view in pairs])
    return Volume(tuple(cable for cable, _ in pairs), title, publisher, url)


def write_volume(cables: Sequence[Cable], fmt: str, options: WriteOptions, sort: str = "date",
                 title: str | None = None, publisher: str | None = None, url: str | None = None,
                 pages: list[PageStart] | None = None) -> bytes:
    """Many cables as one volume in ``fmt`` (a format whose writer makes volumes).

    ``sort``: ``date`` (default; then id), ``id`` or ``input`` (as given). ``title``: the
    volume's title (default: "N cables, first date to last date"). ``pages``: the PDF
    volume fills it with where its pages start, the EPUB volume takes them for its page
    list (made after the PDF, from the same cables and options: :func:`convert.book.handover`).
    """
    if fmt not in VOLUME_FORMATS:
        raise UsageError(fmt, f"a volume can be {', '.join(VOLUME_FORMATS)}")
    volume = make_volume(cables, sort, title, publisher, url)
    if pages is not None and spec_of(fmt).paged:
        return get_paged_volume_writer(fmt)(volume, options, pages=pages)
    return get_volume_writer(fmt)(volume, options)
