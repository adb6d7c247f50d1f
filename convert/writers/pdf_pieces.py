"""The pieces of a PDF volume: a chunk of cables, the index, the front matter, each laid
out by weasyprint in its own short-lived process (:func:`run_piece`), so that its memory
goes back to the system when it is done (see :mod:`.pdf_volume`)."""

from __future__ import annotations

import gc
import json
import multiprocessing
import signal
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ConvertError, RenderError, TimeLimitError
from ..model import Cable
from ..options import WriteOptions
from .page_starts import PageStart, read_pages
from .pdf_join import SCHEME


@dataclass(frozen=True, slots=True)
class Entry:
    """One document of a volume as the volume needs it, without its TEI tree."""

    id: str
    anchor: str  # the heading's HTML id
    heading: str  # "Telegram From the Embassy in China to the Department of State"
    date: str | None
    subject: str
    tags: tuple[str, ...]
    origin: str | None
    classification: str
    level: str | None
    lang: str
    stem: str
    source: str
    tei: str  # the spooled TEI file
    size: int  # its size in bytes
    seq: int  # input order
    number: int = 0  # the document number in the volume (1, 2, …)
    copy: int = 0  # 1, 2, … for a cable given again (:func:`convert.volume.copies`)


@dataclass(slots=True)
class Piece:
    """One weasyprint document of the volume: a chunk of cables, the index or the front."""

    kind: str  # "body" | "index" | "front"
    label: str  # for messages: "cables 41–80 (08ABUJA1–08ABUJA99)"
    path: str  # its PDF in the job folder
    first_page: int  # the printed number of its first page
    entries: list[Entry]  # body: its cables; index and front: every cable
    numbers: dict[str, tuple[int, str]]  # every cable id in the volume -> (number, anchor)
    local: frozenset[str]  # anchors in this piece
    pages: dict[str, int] = field(default_factory=dict)  # known pages of anchors (printed)
    title: str = ""
    meta: dict[str, str] = field(default_factory=dict)
    #: also read where each page starts (an EPUB's page list, :mod:`.page_starts`)
    read_starts: bool = False
    #: lay out only: no PDF is written (the pages of an EPUB made without its PDF)
    layout_only: bool = False
    # results
    page_count: int = 0
    anchors: dict[str, int] = field(default_factory=dict)  # anchor -> page index in the piece
    forward: bool = False  # it refers to a page not known when it was rendered
    starts: list[PageStart] = field(default_factory=list)


def _href(piece: Piece, anchor: str) -> str:
    return f"#{anchor}" if anchor in piece.local else SCHEME + anchor


def _mark_references(piece: Piece, article: etree._Element, links: dict[str, str]) -> None:
    """Each link to a document of the volume says its number and page."""
    by_href = {href: cable_id for cable_id, href in links.items()}
    for link in article.iter("a"):
        cable_id = by_href.get(link.get("href") or "")
        if cable_id is None:
            continue
        number, anchor = piece.numbers[cable_id]
        link.set("class", "volume-xref")
        link.set("data-document", str(number))
        if anchor in piece.local:
            continue  # target-counter, within this document
        page = piece.pages.get(anchor)
        if page is None:
            piece.forward = True
            link.set("data-page", "?")
        else:
            link.set("data-page", str(page))


def _body_html(piece: Piece, options: WriteOptions) -> etree._Element:
    from ..readers.tei import safe_parser
    from ..volume import rekey
    from . import html
    from .edition import article as edition_article

    links = {cable_id: _href(piece, anchor) for cable_id, (_, anchor) in piece.numbers.items()}
    articles = []
    for entry in piece.entries:
        tei = etree.parse(entry.tei, safe_parser()).getroot()
        cable = Cable(tei=tei, source=entry.source)
        if options.transcript:
            element = html.article(cable, options, flavour="pdf", links=links)
        else:
            element = edition_article(cable, options, "pdf", links, number=entry.number)
        rekey(element, entry.id, entry.copy)
        _mark_references(piece, element, links)
        articles.append(element)
    return html.document(articles, piece.title, piece.entries[0].lang, None, piece.meta)


def _index_html(piece: Piece) -> etree._Element:
    from . import html

    section = etree.Element("section", {"class": "volume-index"})
    for title, anchor, key in (("Index of TAGS", "volume-index", lambda e: e.tags),
                               ("Index of posts", "volume-index-posts",
                                lambda e: (e.origin,) if e.origin else ())):
        heading = etree.SubElement(section, "h1", {"class": "volume-index-title", "id": anchor})
        heading.text = title
        groups: dict[str, list[Entry]] = defaultdict(list)
        for entry in piece.entries:
            for word in key(entry):
                groups[word].append(entry)
        listing = etree.SubElement(section, "ul")
        for word in sorted(groups):
            item = etree.SubElement(listing, "li")
            etree.SubElement(item, "strong").text = word
            item[-1].tail = ": "
            for position, entry in enumerate(groups[word]):
                link = etree.SubElement(item, "a", {"href": _href(piece, entry.anchor)})
                link.text = f"{entry.id}, p.\u00a0{piece.pages[entry.anchor]}"
                if position < len(groups[word]) - 1:
                    link.tail = "; "
    return html.document([section], piece.title, piece.entries[0].lang, None, piece.meta)


def _front_html(piece: Piece) -> etree._Element:
    from ..view import frus
    from . import html

    entries = piece.entries
    front = etree.Element("section", {"class": "volume-front"})
    title = etree.SubElement(front, "h1", {"class": "volume-title", "id": "volume-title"})
    title.text = piece.title
    dates = sorted(e.date for e in entries if e.date)
    summary = etree.SubElement(front, "p", {"class": "volume-summary"})
    span = f", {frus.date_in_words(dates[0])} to {frus.date_in_words(dates[-1])}" if dates else ""
    summary.text = f"{len(entries)} cables{span}"
    toc = etree.Element("nav", {"class": "volume-toc volume-contents"})
    heading = etree.SubElement(toc, "h1", {"class": "volume-toc-title", "id": "volume-contents"})
    heading.text = "Contents"
    listing = etree.SubElement(toc, "ol")
    for entry in entries:
        item = etree.SubElement(listing, "li")
        link = etree.SubElement(item, "a", {"href": _href(piece, entry.anchor),
                                            "data-page": str(piece.pages[entry.anchor])})
        etree.SubElement(link, "span", {"class": "toc-number"}).text = f"{entry.number}."
        when = frus.date_in_words(entry.date)
        link[-1].tail = f" {entry.heading}" + (f", {when}" if when else "")
        line = etree.SubElement(item, "span", {"class": "toc-cable"})
        line.text = f"{entry.id}: {entry.subject}"
    return html.document([front, toc], piece.title, entries[0].lang, None, piece.meta)


def _piece_css(piece: Piece) -> str:
    if piece.kind == "front":
        return ("@page { @bottom-right { content: counter(page, lower-roman); } }\n"
                "@page volume-front { @bottom-right { content: none; } }\n"
                "@page { @top-left { content: \"Contents\"; } }\n")
    css = f"@page :first {{ counter-reset: page {piece.first_page}; }}\n"
    css += "@page { @bottom-right { content: \"Page \" counter(page); } }\n"
    if piece.kind == "index":
        css += ("@page { @top-left { content: \"Index\"; } @top-center { content: none; } "
                "@bottom-center { content: none; } }\n")
    return css


def render_piece(piece: Piece, options: WriteOptions) -> Piece:
    """Lay out one piece, write its PDF and record its page count and anchors (in this
    process: :func:`run_piece` calls it in a child)."""
    import io

    import weasyprint

    from ..fetcher import bundled_only_fetcher, refuse_error
    from .pdf import _moment, compiled_css, font_config, print_html, tei_bytes, variant_settings, warm

    warm(options)
    if piece.kind == "body":
        root = _body_html(piece, options)
    elif piece.kind == "index":
        root = _index_html(piece)
    else:
        root = _front_html(piece)
    fetcher = bundled_only_fetcher()
    files = []
    if piece.kind == "body" and options.pdf_variant != "none" and not piece.layout_only:
        from ..readers.tei import safe_parser

        moment = _moment(piece.meta["dcterms.modified"])
        for entry in piece.entries:
            data = tei_bytes(Cable(etree.parse(entry.tei, safe_parser()).getroot(), entry.source))
            files.append(weasyprint.Attachment(
                file_obj=io.BytesIO(data), name=f"{entry.stem}.tei.xml",
                description=f"TEI P5 source of cable {entry.id}", created=moment,
                modified=moment, relationship="Source", url_fetcher=fetcher))
    stylesheets = [compiled_css(options.theme, options.paper),
                   weasyprint.CSS(string=_piece_css(piece), font_config=font_config())]
    settings, finishing = variant_settings(options)
    settings.update(stylesheets=stylesheets, attachments=files)
    try:
        document = weasyprint.HTML(string=print_html(root, options), url_fetcher=fetcher,
                                   media_type="print").render(font_config=font_config(), **settings)
        piece.page_count = len(document.pages)
        piece.anchors = {name: index for index, page in enumerate(document.pages)
                         for name in page.anchors}
        if piece.read_starts:
            piece.starts = read_pages(document.pages, piece.first_page)
        if not piece.layout_only:
            document.write_pdf(piece.path, **settings, **finishing)
    except weasyprint.urls.FatalURLFetchingError as exc:
        raise refuse_error(fetcher.refused or [str(exc)], "--book") from exc
    except Exception as exc:  # weasyprint raises many kinds; callers get one typed error
        raise RenderError("--book", f"weasyprint failed on {piece.label}: {exc}") from exc
    if fetcher.refused:
        raise refuse_error(fetcher.refused, "--book")
    return piece


#: the cyclic collector's thresholds in a piece's process (CPython's default: 700, 10, 10).
#: Laying out and writing a chunk makes hundreds of thousands of short-lived containers (a
#: tagged chunk more: a structure element per box, a property list per marked text run), and
#: at 700 the collector ran about 1,100 times on a 40-cable chunk, each pass over everything
#: alive; at 20,000 it runs about 35 times, for the same peak memory (measured: 201-210 MB
#: either way; the process ends after one piece, so nothing accumulates).
PIECE_GC_THRESHOLDS = (20_000, 10, 10)


def collect_less() -> None:
    """The collector's settings for a piece's short-lived process: what it inherited from
    the parent (frozen: never garbage while the piece is made) is left out of every pass, and
    passes are rarer (:data:`PIECE_GC_THRESHOLDS`)."""
    gc.freeze()
    gc.set_threshold(*PIECE_GC_THRESHOLDS)


def _child(piece: Piece, options: WriteOptions, result: str) -> None:
    collect_less()
    try:
        done = render_piece(piece, options)
        answer: dict[str, Any] = {"pages": done.page_count, "anchors": done.anchors,
                                  "forward": done.forward,
                                  "starts": [start.as_list() for start in done.starts]}
    except ConvertError as exc:
        answer = {"error": exc.message, "kind": type(exc).__name__}
    except MemoryError:
        answer = {"error": f"out of memory while rendering {piece.label}", "kind": "RenderError"}
    Path(result).write_text(json.dumps(answer), encoding="utf-8")


def _context() -> Any:
    # fork: the child starts with this process's imports and nothing to pickle; it imports
    # weasyprint itself (this process never does), so no GLib state crosses the fork
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_piece(piece: Piece, options: WriteOptions, limit: float | None) -> Piece:
    """Render ``piece`` in a child process, at most ``limit`` seconds (None: no limit)."""
    from .. import errors

    result = piece.path + ".json"
    process = _context().Process(target=_child, args=(piece, options, result), daemon=True)
    process.start()
    try:
        process.join(limit)
        if process.is_alive():
            raise TimeLimitError("--book", f"{piece.label} not rendered within {limit:g} s "
                                 "(--time-limit, counted per cable of the chunk)")
    finally:
        if process.is_alive():
            process.kill()
            process.join()
    code = process.exitcode
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        raise RenderError("--book", f"the renderer of {piece.label} was killed by {name} "
                          "(out of memory?)")
    try:
        answer = json.loads(Path(result).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        raise RenderError("--book", f"the renderer of {piece.label} stopped (exit {code})") from None
    if "error" in answer:
        kind = getattr(errors, answer["kind"], RenderError)
        raise kind("--book", answer["error"])
    piece.page_count = answer["pages"]
    piece.anchors = answer["anchors"]
    piece.forward = answer["forward"]
    piece.starts = [PageStart.from_list(items) for items in answer["starts"]]
    return piece
