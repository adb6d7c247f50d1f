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
from typing import TypeVar

from lxml import etree

from .errors import UsageError
from .model import Cable
from .options import WriteOptions
from .view import CableView, epoch_to_iso, iso_to_epoch
from .vocab import LEVELS, level_rank
from .writers import get_volume_writer, volume_formats

SORTS = ("date", "id", "input")
T = TypeVar("T")
VOLUME_FORMATS = volume_formats()
#: where a volume links a cable: its article's title heading (pandoc keeps a heading's id when
#: it splits EPUB chapters)
AnchorOf = Callable[[CableView], str]


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


def _heading(tag: str, css: str, text: str, anchor: str) -> etree._Element:
    element = etree.Element(tag, {"class": css, "id": anchor})
    element.text = text
    return element


def title_anchor(view: CableView) -> str:
    from .writers.html import anchor_id

    return anchor_id(view.id) + "-title"


@dataclass(frozen=True, slots=True)
class Volume:
    """The cables of one volume, in order, and its title."""

    cables: tuple[Cable, ...]
    title: str

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
        links = {view.id: "#" + anchor_of(view) for view in views}
        front = etree.Element("section", {"class": "volume-front"})
        front.append(_heading("h1", "volume-title", self.title, "volume-title"))
        dates = [date[:10] for date in self.dates()]
        summary = etree.SubElement(front, "p", {"class": "volume-summary"})
        summary.text = f"{len(views)} cables" + (f", {dates[0]} to {dates[-1]}" if dates else "")
        toc = etree.Element("nav", {"class": "volume-toc"})
        toc.append(_heading("h1", "volume-toc-title", "Contents", "volume-contents"))
        listing = etree.SubElement(toc, "ol")
        for view in views:
            link = etree.SubElement(etree.SubElement(listing, "li"), "a", {"href": links[view.id]})
            link.text = f"{(view.date or '')[:10]} {view.id}: {view.subject}".strip()
        articles = [html.article(cable, options, flavour=flavour, links=links) for cable in self.cables]
        return [front, toc, *articles, self._index(links)]

    def _index(self, links: dict[str, str]) -> etree._Element:
        index = etree.Element("section", {"class": "volume-index"})
        index.append(_heading("h1", "volume-index-title", "Index of TAGS", "volume-index"))
        by_tag: dict[str, list[str]] = defaultdict(list)
        for view in self.views:
            for tag in dict.fromkeys(view.tags):
                by_tag[tag].append(view.id)
        entries = etree.SubElement(index, "ul")
        for tag in sorted(by_tag):
            item = etree.SubElement(entries, "li")
            label = etree.SubElement(item, "strong")
            label.text = tag
            label.tail = ": "
            for number, cable_id in enumerate(by_tag[tag]):
                link = etree.SubElement(item, "a", {"href": links[cable_id]})
                link.text = cable_id
                if number < len(by_tag[tag]) - 1:
                    link.tail = ", "
        return index


def make_volume(cables: Sequence[Cable], sort: str = "date", title: str | None = None) -> Volume:
    """The cables in volume order with the volume's title (default: "N cables, first date
    to last date")."""
    pairs = order(cables, sort)
    if not pairs:
        raise UsageError("--book", "a volume needs at least one cable")
    if not title:
        title = default_title([view.date for _, view in pairs])
    return Volume(tuple(cable for cable, _ in pairs), title)


def write_volume(cables: Sequence[Cable], fmt: str, options: WriteOptions, sort: str = "date",
                 title: str | None = None) -> bytes:
    """Many cables as one volume in ``fmt`` (a format whose writer makes volumes).

    ``sort``: ``date`` (default; then id), ``id`` or ``input`` (as given). ``title``: the
    volume's title (default: "N cables, first date to last date").
    """
    if fmt not in VOLUME_FORMATS:
        raise UsageError(fmt, f"a volume can be {', '.join(VOLUME_FORMATS)}")
    return get_volume_writer(fmt)(make_volume(cables, sort, title), options)
