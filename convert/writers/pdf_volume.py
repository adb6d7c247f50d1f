"""A PDF volume made in bounded pieces (``--book --to pdf``).

weasyprint holds a whole document in memory and does not give it back (about 4 MB a
cable), so a volume of thousands of cables cannot be one weasyprint document. Here it is
made as a FRUS volume is printed, in signatures:

1. every cable is spooled as TEI to a file in the job folder, keeping only a light
   :class:`Entry` (number, id, heading, date, tags, post) in memory;
2. the cables are rendered in chunks, each chunk its own weasyprint document in its own
   short-lived process (so its memory goes back to the system), the page counter starting
   where the last chunk ended; each chunk's PDF goes to the job folder and the page of each
   document's heading is recorded;
3. the index (TAGS and posts, with page numbers) is rendered after the last chunk, and the
   front matter (title page, contents with the true page numbers) last, numbered in roman
   numerals so that its own length moves no page of the text;
4. the pieces are joined with pikepdf (qpdf), which reads the pages' streams from the
   chunk files as it writes: the outline (bookmarks with cable ids), named destinations,
   links across pieces, the TEI attachments and the front matter's PDF/A-3b metadata are
   rebuilt for the whole.

A cross-reference to a document in the volume reads "(Document 12, page 34)": the page is
weasyprint's ``target-counter`` inside a chunk, the recorded page for an earlier chunk, and
for a later chunk (only when the order is not by date) the chunk is rendered again once
the page is known, with a check that its pages did not move.

A chunk that takes longer than ``--time-limit`` seconds a cable, or whose process dies
(out of memory, a crash in a C library), stops the volume with a typed error naming the
cables of that chunk; nothing is written.
"""

from __future__ import annotations

import hashlib
import json
import math
import multiprocessing
import signal
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ConvertError, RenderError, TimeLimitError, UsageError
from ..model import Cable
from ..options import WriteOptions

#: links to a document in another piece: weasyprint writes them as URI links, the join
#: turns them into links to the named destination
SCHEME = "x-cable-volume:"
#: a chunk holds at most this many cables …
DEFAULT_CHUNK_CABLES = 40
#: … and at most about this much TEI (long cables make many pages)
DEFAULT_CHUNK_BYTES = 1_200_000
#: PDF variants made in pieces (a tagged PDF's structure trees are not joined)
PIECEWISE_VARIANTS = ("pdf/a-3b", "none")

Progress = Callable[[str], None]


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


class Spool:
    """Cables written to TEI files in ``folder``, their entries kept."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.entries: list[Entry] = []

    def add(self, cable: Cable) -> None:
        from ..view import frus
        from . import html
        from .pdf import tei_bytes

        view = cable.view
        data = tei_bytes(cable)
        path = self.folder / f"{len(self.entries):06d}.tei.xml"
        path.write_bytes(data)
        self.entries.append(Entry(
            id=view.id, anchor=html.anchor_id(view.id) + "-title", heading=frus.heading(view),
            date=view.date, subject=view.subject, tags=tuple(dict.fromkeys(view.tags)),
            origin=view.origin, classification=view.classification, level=view.level,
            lang=view.lang, stem=cable.file_stem(), source=cable.source, tei=str(path),
            size=len(data), seq=len(self.entries)))


def ordered(entries: Sequence[Entry], sort: str) -> list[Entry]:
    """The entries in volume order (as :func:`convert.volume.order`), numbered from 1."""
    from ..volume import SORTS

    if sort not in SORTS:
        raise UsageError(sort, f"unknown sort (known: {', '.join(SORTS)})")
    items = list(entries)
    if sort == "date":
        items.sort(key=lambda e: (e.date or "9999", e.id))
    elif sort == "id":
        items.sort(key=lambda e: e.id)
    return [replace(entry, number=number) for number, entry in enumerate(items, 1)]


def default_title(entries: Sequence[Entry]) -> str:
    dates = sorted(e.date[:10] for e in entries if e.date)
    return f"{len(entries)} cables" + (f", {dates[0]} to {dates[-1]}" if dates else "")


def chunks(entries: Sequence[Entry], cables: int, size: int) -> list[list[Entry]]:
    """Consecutive runs of at most ``cables`` entries and about ``size`` bytes of TEI."""
    out: list[list[Entry]] = []
    current: list[Entry] = []
    total = 0
    for entry in entries:
        if current and (len(current) >= cables or total + entry.size > size):
            out.append(current)
            current, total = [], 0
        current.append(entry)
        total += entry.size
    if current:
        out.append(current)
    return out


# --- the pieces, each rendered in its own process -------------------------------------------


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
    # results
    page_count: int = 0
    anchors: dict[str, int] = field(default_factory=dict)  # anchor -> page index in the piece
    forward: bool = False  # it refers to a page not known when it was rendered


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
    from . import html
    from .pdf import VARIANTS, _moment, compiled_css, font_config, tei_bytes, warm

    warm(options)
    if piece.kind == "body":
        root = _body_html(piece, options)
    elif piece.kind == "index":
        root = _index_html(piece)
    else:
        root = _front_html(piece)
    fetcher = bundled_only_fetcher()
    files = []
    if piece.kind == "body" and options.pdf_variant != "none":
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
    settings: dict[str, Any] = {
        "stylesheets": stylesheets, "pdf_variant": VARIANTS[options.pdf_variant],
        "attachments": files}
    try:
        document = weasyprint.HTML(string=html.serialize(root).decode("utf-8"), url_fetcher=fetcher,
                                   media_type="print").render(font_config=font_config(), **settings)
        piece.page_count = len(document.pages)
        piece.anchors = {name: index for index, page in enumerate(document.pages)
                         for name in page.anchors}
        document.write_pdf(piece.path, **settings)
    except weasyprint.urls.FatalURLFetchingError as exc:
        raise refuse_error(fetcher.refused or [str(exc)], "--book") from exc
    except Exception as exc:  # weasyprint raises many kinds; callers get one typed error
        raise RenderError("--book", f"weasyprint failed on {piece.label}: {exc}") from exc
    if fetcher.refused:
        raise refuse_error(fetcher.refused, "--book")
    return piece


def _child(piece: Piece, options: WriteOptions, result: str) -> None:
    try:
        done = render_piece(piece, options)
        answer: dict[str, Any] = {"pages": done.page_count, "anchors": done.anchors,
                                  "forward": done.forward}
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
    return piece


# --- the whole volume ----------------------------------------------------------------------


def _label(chunk: Sequence[Entry]) -> str:
    first, last = chunk[0], chunk[-1]
    return f"cables {first.number}\u2013{last.number} ({first.id} to {last.id})"


def volume_meta(entries: Sequence[Entry], modified: str) -> dict[str, str]:
    from ..volume import highest_of

    dates = sorted(e.date for e in entries if e.date)
    return {"author": "; ".join(dict.fromkeys(e.origin for e in entries if e.origin)),
            "keywords": ", ".join(sorted({tag for e in entries for tag in e.tags})),
            "description": highest_of([(e.level, e.classification) for e in entries]),
            "dcterms.created": dates[0] if dates else modified,
            "dcterms.modified": modified}


def modified(entries: Sequence[Entry], options: WriteOptions) -> str:
    from ..view import epoch_to_iso, iso_to_epoch

    if options.source_date_epoch is not None:
        return epoch_to_iso(options.source_date_epoch)
    epochs = [e for entry in entries if (e := iso_to_epoch(entry.date)) is not None]
    return epoch_to_iso(max(epochs) if epochs else 0)


def build(entries: Sequence[Entry], title: str, options: WriteOptions, job: Path, target: Path,
          *, time_limit: float | None = None, progress: Progress | None = None,
          chunk_cables: int = DEFAULT_CHUNK_CABLES, chunk_bytes: int = DEFAULT_CHUNK_BYTES) -> int:
    """Render the numbered ``entries`` (see :func:`ordered`) in pieces in ``job`` and join
    them into ``target``. ``time_limit`` is seconds a cable (None or 0: none). Returns the
    number of pages."""
    if options.pdf_variant not in PIECEWISE_VARIANTS:
        raise UsageError("--pdf-variant", f"a volume is made as {' or '.join(PIECEWISE_VARIANTS)}")
    say = progress or (lambda message: None)
    per_cable = time_limit if time_limit and math.isfinite(time_limit) and time_limit > 0 else None
    numbers = {e.id: (e.number, e.anchor) for e in reversed(entries)}  # the first of a repeat
    meta = volume_meta(entries, modified(entries, options))
    pages: dict[str, int] = {}
    body: list[Piece] = []
    next_page = 1
    groups = chunks(entries, chunk_cables, chunk_bytes)
    started = time.monotonic()
    for count, group in enumerate(groups, 1):
        piece = Piece("body", _label(group), str(job / f"chunk-{count:05d}.pdf"), next_page, group,
                      numbers, frozenset(e.anchor for e in group), dict(pages), title, meta)
        run_piece(piece, options, per_cable and per_cable * len(group))
        for name, at in piece.anchors.items():
            pages.setdefault(name, piece.first_page + at)
        next_page += piece.page_count
        body.append(piece)
        say(f"volume: {group[-1].number} of {len(entries)} cables laid out, {next_page - 1} "
            f"pages ({time.monotonic() - started:.0f} s)")
    for piece in body:
        if piece.forward:  # a reference to a later chunk: render again with its page
            before = (piece.page_count, dict(piece.anchors))
            piece.pages = dict(pages)
            run_piece(piece, options, per_cable and per_cable * len(piece.entries))
            if (piece.page_count, piece.anchors) != before:
                raise RenderError("--book", f"{piece.label} changed its pages when rendered "
                                  "again with the page numbers of later cables (sort by date)")
    whole = per_cable and per_cable * max(1, len(groups))
    index = Piece("index", "the index", str(job / "index.pdf"), next_page, list(entries), numbers,
                  frozenset(), pages, title, meta)
    run_piece(index, options, whole)
    front = Piece("front", "the title page and contents", str(job / "front.pdf"), 1, list(entries),
                  numbers, frozenset(), pages, title, meta)
    run_piece(front, options, whole)
    say(f"volume: joining {len(body) + 2} pieces")
    total = join(front, [*body, index], target)
    say(f"volume: {len(entries)} cables, {total} pages")
    return total


# --- joining -------------------------------------------------------------------------------


def _outline(node: Any) -> Iterator[tuple[int, str, Any]]:
    """(depth, title, destination array) of each item of an outline, in order."""
    stack: list[tuple[int, Any]] = []
    item = node.get("/First")
    depth = 0
    while item is not None:
        dest = item.get("/Dest")
        if dest is not None and len(dest) >= 2:
            yield depth, str(item.Title), dest
        child = item.get("/First")
        if child is not None:
            stack.append((depth, item.get("/Next")))
            item, depth = child, depth + 1
            continue
        item = item.get("/Next")
        while item is None and stack:
            depth, item = stack.pop()


class _Out:
    """A PDF written object by object to a file: objects are numbered as they are first
    referred to, and written as soon as they are complete."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.offsets: dict[int, int] = {}
        self.count = 0
        self.digest = hashlib.md5(usedforsecurity=False)
        self.position = 0
        self._emit(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _emit(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.position += len(data)

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def write(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        self.offsets[number] = self.position
        self._emit(b"%d 0 obj\n" % number + body)
        if stream is not None:
            self._emit(b"\nstream\n" + stream + b"\nendstream")
        self._emit(b"\nendobj\n")

    def close(self, root: int, info: int | None) -> None:
        start = self.position
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % (self.count + 1)]
        lines.extend(b"%010d 00000 n \n" % self.offsets[n] for n in range(1, self.count + 1))
        ident = self.digest.hexdigest().encode()
        trailer = b"trailer\n<< /Size %d /Root %d 0 R" % (self.count + 1, root)
        if info is not None:
            trailer += b" /Info %d 0 R" % info
        trailer += b" /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (ident, ident, start)
        self._emit(b"".join(lines) + trailer)


def _number(value: Any) -> bytes:
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        return b"%d" % value
    text = format(value, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text).encode() or b"0"


class _Copier:
    """Copies the objects one source PDF's pages need into :class:`_Out`, renumbered."""

    def __init__(self, out: _Out, pages_root: int) -> None:
        import pikepdf

        self.pikepdf = pikepdf
        self.out = out
        self.pages_root = pages_root
        self.numbers: dict[Any, int] = {}
        self.queue: list[Any] = []

    def ref(self, obj: Any) -> bytes:
        key = obj.objgen
        if key not in self.numbers:
            self.numbers[key] = self.out.reserve()
            self.queue.append(obj)
        return b"%d 0 R" % self.numbers[key]

    def value(self, obj: Any, top: bool = False) -> bytes:
        pikepdf = self.pikepdf
        if not isinstance(obj, pikepdf.Object):
            return b"null" if obj is None else _number(obj)
        if obj.is_indirect and not top:
            return self.ref(obj)
        if isinstance(obj, pikepdf.Array):
            return b"[" + b" ".join(self.value(item) for item in obj) + b"]"
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            return self.dictionary(obj.items() if isinstance(obj, pikepdf.Dictionary)
                                   else obj.stream_dict.items())
        return bytes(obj.unparse())

    def dictionary(self, items: Any, skip: tuple[str, ...] = ()) -> bytes:
        parts = [b"<<"]
        for key, item in items:
            if key not in skip:
                parts.append(bytes(self.pikepdf.Name(key).unparse()) + b" " + self.value(item))
        return b" ".join(parts) + b" >>"

    def page(self, page: Any, number: int) -> None:
        self.numbers[page.objgen] = number
        extra = []
        for key in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
            if key not in page:  # inherited from the source's page tree: made explicit
                node = page.get("/Parent")
                while node is not None and key not in node:
                    node = node.get("/Parent")
                if node is not None:
                    extra.append((key, node[key]))
        body = self.dictionary([*page.items(), *extra], skip=("/Parent",))
        self.out.write(number, body[:-2] + b"/Parent %d 0 R >>" % self.pages_root)

    def drain(self) -> None:
        while self.queue:
            obj = self.queue.pop()
            number = self.numbers[obj.objgen]
            if isinstance(obj, self.pikepdf.Stream):
                raw = obj.read_raw_bytes()
                items = [(k, v) for k, v in obj.stream_dict.items() if k != "/Length"]
                body = self.dictionary([*items, ("/Length", len(raw))])
                self.out.write(number, body, raw)
            else:
                self.out.write(number, self.value(obj, top=True))


@dataclass(slots=True)
class _Node:
    title: str
    page: int  # object number of the page
    rest: bytes  # the destination after the page: "/XYZ x y 0"
    children: list[_Node] = field(default_factory=list)


def _outline_tree(items: Sequence[tuple[int, str, int, bytes]]) -> list[_Node]:
    roots: list[_Node] = []
    parents: list[_Node] = []
    for depth, title, page, rest in items:
        node = _Node(title, page, rest)
        del parents[depth:]
        (parents[-1].children if parents else roots).append(node)
        parents.append(node)
    return roots


def _write_outline(out: _Out, roots: list[_Node]) -> int:
    import pikepdf

    top = out.reserve()

    def level(nodes: list[_Node], parent: int) -> tuple[int, int, int]:
        numbers = [out.reserve() for _ in nodes]
        total = 0
        for i, (node, number) in enumerate(zip(nodes, numbers, strict=True)):
            title = bytes(pikepdf.String(node.title).unparse())
            body = b"<< /Title %s /Parent %d 0 R /Dest [%d 0 R %s]" % (title, parent, node.page, node.rest)
            if i:
                body += b" /Prev %d 0 R" % numbers[i - 1]
            if i < len(nodes) - 1:
                body += b" /Next %d 0 R" % numbers[i + 1]
            if node.children:
                first, last, _ = level(node.children, number)
                # closed: a negative count of the visible descendants it would show
                body += b" /First %d 0 R /Last %d 0 R /Count -%d" % (first, last, len(node.children))
            out.write(number, body + b" >>")
            total += 1
        return numbers[0], numbers[-1], total

    if roots:
        first, last, count = level(roots, top)
        out.write(top, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (first, last, count))
    else:
        out.write(top, b"<< /Type /Outlines /Count 0 >>")
    return top


def _rest(copier: _Copier, dest: Any) -> bytes:
    """A destination after its page: "/XYZ 62.25 522.9 0"."""
    return b" ".join(copier.value(item) for item in list(dest)[1:])


def join(front: Piece, pieces: Sequence[Piece], target: Path) -> int:
    """The front matter's pages followed by the pieces', written as one PDF object by
    object: each piece is opened (pikepdf), the objects its pages need are copied and it is
    closed again, so memory holds one piece and a few numbers a page, however long the
    volume. The outline, the named destinations (only those links use), the links across
    pieces, the attachments, the page labels and the front matter's PDF/A metadata (XMP,
    output intent, document information) are written for the whole."""
    import pikepdf
    from pikepdf import NameTree, String

    with open(target, "wb") as handle:
        out = _Out(handle)
        pages_root = out.reserve()
        page_numbers: list[int] = []
        outline: list[tuple[int, str, int, bytes]] = []
        dests: dict[str, tuple[int, bytes]] = {}
        used: set[str] = set()
        files: list[tuple[str, int]] = []
        catalog_extra: list[tuple[str, bytes]] = []
        info: int | None = None
        front_pages = 0
        for piece in [front, *pieces]:
            with pikepdf.open(piece.path) as source:
                copier = _Copier(out, pages_root)
                numbers = [out.reserve() for _ in source.pages]
                index_of: dict[Any, int] = {page.objgen: n for page, n in zip(source.pages, numbers, strict=True)}
                for page in source.pages:
                    for annot in page.obj.get("/Annots", []):
                        action = annot.get("/A")
                        uri = str(action.get("/URI", "")) if action is not None else ""
                        if uri.startswith(SCHEME):
                            del annot["/A"]
                            annot.Dest = String(uri[len(SCHEME):])
                        if isinstance(annot.get("/Dest"), pikepdf.String):
                            used.add(str(annot.Dest))
                for page, number in zip(source.pages, numbers, strict=True):
                    copier.page(page.obj, number)
                    copier.drain()
                if "/Outlines" in source.Root:
                    outline.extend((depth, title, index_of[dest[0].objgen], _rest(copier, dest))
                                   for depth, title, dest in _outline(source.Root.Outlines))
                names = source.Root.get("/Names")
                if names is not None and "/Dests" in names:
                    for name, dest in NameTree(names.Dests).items():
                        dests.setdefault(name, (index_of[dest[0].objgen], _rest(copier, dest)))
                if names is not None and "/EmbeddedFiles" in names:
                    files.extend((name, int(copier.ref(spec).split()[0]))
                                 for name, spec in NameTree(names.EmbeddedFiles).items())
                if piece is front:
                    front_pages = len(numbers)
                    for key in ("/Metadata", "/OutputIntents", "/Lang", "/MarkInfo"):
                        if key in source.Root:
                            catalog_extra.append((key, copier.value(source.Root[key])))
                    if "/Info" in source.trailer:
                        info = int(copier.ref(source.trailer.Info).split()[0])
                copier.drain()
                page_numbers.extend(numbers)
        out.write(pages_root, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
            len(page_numbers), b" ".join(b"%d 0 R" % n for n in page_numbers)))
        outlines = _write_outline(out, _outline_tree(outline))
        tree = out.reserve()
        listed = b" ".join(bytes(String(name).unparse()) + b" [%d 0 R %s]" % dests[name]
                           for name in sorted(dests) if name in used)
        out.write(tree, b"<< /Names [%s] >>" % listed)
        names_entry = b"/Dests %d 0 R" % tree
        catalog = b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R" % (pages_root, outlines)
        if files:
            unique = dict(sorted(dict(reversed(files)).items()))
            embedded = out.reserve()
            out.write(embedded, b"<< /Names [%s] >>" % b" ".join(
                bytes(String(name).unparse()) + b" %d 0 R" % n for name, n in unique.items()))
            names_entry += b" /EmbeddedFiles %d 0 R" % embedded
            catalog += b" /AF [%s]" % b" ".join(b"%d 0 R" % n for n in unique.values())
        catalog += b" /Names << %s >>" % names_entry
        catalog += b" /PageLabels << /Nums [0 << /S /r >> %d << /S /D >>] >>" % front_pages
        catalog += b" /PageMode /UseOutlines"
        for key, value in catalog_extra:
            catalog += b" " + key.encode() + b" " + value
        root = out.reserve()
        out.write(root, catalog + b" >>")
        out.close(root, info)
    return len(page_numbers)


def file_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while block := handle.read(size):
            yield block
