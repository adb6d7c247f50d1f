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
   links across pieces, the TEI attachments, the front matter's PDF/A metadata and (tagged,
   ``pdf/a-3a``) the structure trees are rebuilt for the whole.

A cross-reference to a document in the volume reads "(Document 12, page 34)": the page is
weasyprint's ``target-counter`` inside a chunk, the recorded page for an earlier chunk, and
for a later chunk (only when the order is not by date) the chunk is rendered again once
the page is known, with a check that its pages did not move.

A chunk that takes longer than ``--time-limit`` seconds a cable, or whose process dies
(out of memory, a crash in a C library), stops the volume with a typed error naming the
cables of that chunk; nothing is written.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from ..errors import RenderError, UsageError
from ..model import Cable
from ..options import WriteOptions
from .page_starts import PageStart
from .pdf_join import join
from .pdf_pieces import Entry, Piece, run_piece

#: a chunk holds at most this many cables …
DEFAULT_CHUNK_CABLES = 40
#: … and at most about this much TEI (long cables make many pages)
DEFAULT_CHUNK_BYTES = 1_200_000
#: PDF variants made in pieces (``pdf/ua-1`` is one document: its pieces would have no PDF/A
#: metadata to join; a ``pdf/a-3a`` volume's structure trees are joined by :mod:`.pdf_structure`)
PIECEWISE_VARIANTS = ("pdf/a-3a", "pdf/a-3b", "none")

Progress = Callable[[str], None]


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
    """The entries in volume order (:func:`convert.volume.sorted_by`), numbered from 1; a
    cable given twice has a second document with anchors of its own."""
    from ..volume import article_base, copies, sorted_by

    items = sorted_by(entries, sort, lambda e: (e.date, e.id))
    nth = copies([e.id for e in items])
    return [replace(entry, number=number, copy=copy, anchor=article_base(entry.id, copy) + "-title")
            for number, (entry, copy) in enumerate(zip(items, nth, strict=True), 1)]


def default_title(entries: Sequence[Entry]) -> str:
    from ..volume import default_title as title_of

    return title_of([e.date for e in entries])


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
    from ..volume import last_modified

    return last_modified([e.date for e in entries], options)


def _body(groups: list[list[Entry]], numbers: dict[str, tuple[int, str]], title: str,
          meta: dict[str, str], options: WriteOptions, job: Path, flags: tuple[bool, bool],
          per_cable: float | None, say: Progress) -> tuple[list[Piece], dict[str, int], int]:
    """Lay out the chunks in order (each numbered on from the last); then again each chunk
    that refers to a later one. Returns the pieces, the anchors' pages, the next page."""
    pages: dict[str, int] = {}
    body: list[Piece] = []
    next_page = 1
    total = sum(len(group) for group in groups)
    started = time.monotonic()
    for count, group in enumerate(groups, 1):
        piece = Piece("body", _label(group), str(job / f"chunk-{count:05d}.pdf"), next_page, group,
                      numbers, frozenset(e.anchor for e in group), dict(pages), title, meta,
                      read_starts=flags[0], layout_only=flags[1])
        run_piece(piece, options, per_cable and per_cable * len(group))
        for name, at in piece.anchors.items():
            pages.setdefault(name, piece.first_page + at)
        next_page += piece.page_count
        body.append(piece)
        say(f"volume: {group[-1].number} of {total} cables laid out, {next_page - 1} "
            f"pages ({time.monotonic() - started:.0f} s)")
    for piece in body:
        if piece.forward:  # a reference to a later chunk: render again with its page
            before = (piece.page_count, dict(piece.anchors))
            piece.pages = dict(pages)
            run_piece(piece, options, per_cable and per_cable * len(piece.entries))
            if (piece.page_count, piece.anchors) != before:
                raise RenderError("--book", f"{piece.label} changed its pages when rendered "
                                  "again with the page numbers of later cables (sort by date)")
    return body, pages, next_page


def build(entries: Sequence[Entry], title: str, options: WriteOptions, job: Path, target: Path,
          *, time_limit: float | None = None, progress: Progress | None = None,
          chunk_cables: int = DEFAULT_CHUNK_CABLES, chunk_bytes: int = DEFAULT_CHUNK_BYTES,
          starts: list[PageStart] | None = None, layout_only: bool = False) -> int:
    """Render the numbered ``entries`` (see :func:`ordered`) in pieces in ``job`` and join
    them into ``target``. ``time_limit`` is seconds a cable (None or 0: none). Returns the
    number of pages.

    ``starts``: a list to receive where each page of the text starts (pages 1 to the end of
    the index, :mod:`.page_starts`), for an EPUB's page list. ``layout_only``: lay out the
    text and the index for ``starts`` and write nothing (no front matter, no ``target``);
    returns the number of the index's last page."""
    if options.pdf_variant not in PIECEWISE_VARIANTS:
        raise UsageError("--pdf-variant", f"a volume is made as {' or '.join(PIECEWISE_VARIANTS)}")
    say = progress or (lambda message: None)
    per_cable = time_limit if time_limit and math.isfinite(time_limit) and time_limit > 0 else None
    numbers = {e.id: (e.number, e.anchor) for e in reversed(entries)}  # the first of a repeat
    meta = volume_meta(entries, modified(entries, options))
    groups = chunks(entries, chunk_cables, chunk_bytes)
    flags = (starts is not None, layout_only)
    body, pages, next_page = _body(groups, numbers, title, meta, options, job, flags, per_cable, say)
    whole = per_cable and per_cable * max(1, len(groups))
    index = Piece("index", "the index", str(job / "index.pdf"), next_page, list(entries), numbers,
                  frozenset(), pages, title, meta, read_starts=flags[0], layout_only=flags[1])
    run_piece(index, options, whole)
    if starts is not None:
        starts.extend(start for piece in [*body, index] for start in piece.starts)
    if layout_only:
        return next_page + index.page_count - 1
    front = Piece("front", "the title page and contents", str(job / "front.pdf"), 1, list(entries),
                  numbers, frozenset(), pages, title, meta)
    run_piece(front, options, whole)
    say(f"volume: joining {len(body) + 2} pieces")
    total = join(front.path, [piece.path for piece in [*body, index]], target)
    say(f"volume: {len(entries)} cables, {total} pages")
    return total


def file_chunks(path: Path, size: int = 1 << 20) -> Iterator[bytes]:
    with open(path, "rb") as handle:
        while block := handle.read(size):
            yield block
