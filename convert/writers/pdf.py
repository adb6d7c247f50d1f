"""TEI -> PDF: the HTML writer's article, the theme's print stylesheet, weasyprint.

The process is the worker: weasyprint is imported on first use and the font configuration
and compiled stylesheets are kept per process, so a warm render costs only layout. The PDF
is tagged, PDF/A-3a and PDF/UA-1 at once by default (``pdf_variant="pdf/a-3a"``, finished by
:mod:`.pdf_tags`), with the cable's TEI attached (relationship ``Source``); or PDF/A-3b,
untagged (``"pdf/a-3b"``); or tagged PDF/UA-1 without PDF/A (``"pdf/ua-1"``); or plain
(``"none"``). Dates come from the options
(SOURCE_DATE_EPOCH) or the cable, never from the clock, so the bytes are reproducible.
"""

from __future__ import annotations

import io
import logging
import zlib
from dataclasses import replace
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..errors import RenderError
from ..fetcher import bundled_only_fetcher, refuse_error
from ..model import Cable
from ..options import WriteOptions
from ..theme import derived, load_theme, stylesheet
from ..view import frus
from . import PDF_VARIANTS, TAGGED_VARIANTS, html, pdf_tags

if TYPE_CHECKING:
    from ..volume import Volume
    from .page_starts import PageStart

VARIANTS = PDF_VARIANTS


@lru_cache(maxsize=1)
def font_config() -> Any:
    """One FontConfiguration per process (fonts are found through fontconfig)."""
    from weasyprint.text.fonts import FontConfiguration

    return FontConfiguration()


@cache
def compiled_css(theme: str, paper: str) -> Any:
    """The theme's print stylesheet, parsed once per process (theme, paper)."""
    from weasyprint import CSS

    return CSS(string=stylesheet(theme, "print", paper), font_config=font_config(),
               url_fetcher=bundled_only_fetcher())


derived(compiled_css.cache_clear)


def warm(options: WriteOptions | None = None) -> None:
    """Import weasyprint and build the caches before the first real render."""
    options = options or WriteOptions()
    compiled_css(options.theme, options.paper)
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)


def variant_settings(options: WriteOptions) -> tuple[dict[str, Any], dict[str, Any]]:
    """weasyprint's settings for ``options.pdf_variant``: (for ``render`` and ``write_pdf``,
    for ``write_pdf`` alone: the finisher: a tagged variant's, then :func:`finish_streams`)."""
    tagged = options.pdf_variant in TAGGED_VARIANTS
    both: dict[str, Any] = {"pdf_variant": VARIANTS[options.pdf_variant], "pdf_tags": tagged}
    if not tagged:
        return both, {"finisher": lambda document, out: finish_streams(out)}
    pdf_tags.install()
    tags = pdf_tags.finisher(xmp=options.pdf_variant == "pdf/a-3a")

    def finish(document: Any, out: Any) -> None:
        tags(document, out)
        finish_streams(out)

    return both, {"finisher": finish}


_ONCE: dict[type, type] = {}


def _once(kind: type) -> type:
    """``kind`` (a pydyf object class) whose ``data`` is made at the first call and kept."""
    if kind not in _ONCE:

        class Once(kind):  # type: ignore[misc]
            cable_convert_once = True

            @property
            def data(self) -> bytes:
                made: bytes | None = self.__dict__.get("_cable_convert_data")
                if made is None:
                    made = self.__dict__["_cable_convert_data"] = super().data
                return made

        Once.__name__ = Once.__qualname__ = f"Once{kind.__name__}"
        _ONCE[kind] = Once
    return _ONCE[kind]


#: the zlib level of the PDF's streams. pydyf compresses at 9; 6 (zlib's default) took a
#: quarter of its CPU on a 20-cable volume (tagged 0.46 -> 0.11 s, untagged 0.29 -> 0.06 s, in
#: 6.6 and 5.9 s) for files 1 % larger (0.95 -> 0.96 MB, 0.53 -> 0.54 MB)
FLATE_LEVEL = 6


def flate_streams(out: Any) -> None:
    """Each stream pydyf would compress, compressed now at :data:`FLATE_LEVEL`: its content
    replaced by the compressed bytes with its ``/Filter``, so pydyf writes them as they are
    (the same keys in the same order as its own). Called last, when no stream changes."""
    import pydyf

    to_bytes = getattr(pydyf, "_to_bytes", None)
    if to_bytes is None:  # another pydyf: leave its streams to it
        return
    for obj in out.objects:
        if isinstance(obj, pydyf.Stream) and obj.compress:
            raw = b"\n".join(to_bytes(item) for item in obj.stream)
            obj.stream = [zlib.compress(raw, FLATE_LEVEL)]
            obj.compress = False
            obj.extra["Filter"] = "/FlateDecode"


def finish_streams(out: Any) -> None:
    """The finisher's last step (every variant): :func:`flate_streams`, :func:`serialise_once`."""
    flate_streams(out)
    serialise_once(out)


def _make_once(obj: Any) -> None:
    kind = type(obj)
    if hasattr(obj, "__dict__") and not getattr(kind, "cable_convert_once", False):
        obj.__class__ = _once(kind)


_ONCE_PDF: dict[type, type] = {}


def _once_pdf(kind: type) -> type:
    """``kind`` (pydyf's ``PDF`` or a subclass) whose objects added from now on (``write``
    adds the object stream, the cross-reference stream, the information dictionary) keep
    their bytes from the first call too."""
    if kind not in _ONCE_PDF:

        class OncePDF(kind):  # type: ignore[misc]
            cable_convert_once = True

            def add_object(self, object_: Any) -> None:
                super().add_object(object_)
                _make_once(object_)

        OncePDF.__name__ = OncePDF.__qualname__ = f"Once{kind.__name__}"
        _ONCE_PDF[kind] = OncePDF
    return _ONCE_PDF[kind]


def serialise_once(out: Any) -> None:
    """pydyf's ``PDF.write`` asks each object for its bytes (``data``) twice when the file has
    an identifier (every PDF/A): once to write it, once more for the MD5 of the trailer
    ``/ID``, and a stream's ``data`` compresses it each time. Called last (the finisher), when
    no object changes any more: each object keeps its bytes from the first call, and so do
    the objects ``write`` itself adds: the object stream (every object but the streams, the
    structure elements of a tagged file among them: compressed at zlib level 9 by pydyf,
    twice) and the cross-reference stream. The file is byte-for-byte the same (tested)."""
    for obj in out.objects:
        _make_once(obj)
    if not getattr(type(out), "cable_convert_once", False):
        out.__class__ = _once_pdf(type(out))


def print_html(root: etree._Element, options: WriteOptions) -> str:
    """The print HTML as weasyprint reads it (a tagged variant: with the structure roles)."""
    if options.pdf_variant in TAGGED_VARIANTS:
        pdf_tags.mark_roles(root, load_theme(options.theme))
    return html.serialize(root).decode("utf-8")


def _moment(iso: str) -> datetime:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def tei_bytes(cable: Cable) -> bytes:
    """The cable's TEI as attached to the PDF."""
    return bytes(etree.tostring(cable.tei, xml_declaration=True, encoding="UTF-8"))


#: the class the print stylesheet reads on a cable whose source note weasyprint pushed off the
#: first page: its paragraphs may leave one line at the foot of a page (see :func:`render`)
NOTE_FIRST_CLASS = "note-first-page"


def render(root: etree._Element, options: WriteOptions, source: str,
           attachments: list[tuple[str, bytes, str]], modified: str,
           first_page_note: str | None = None) -> bytes:
    """Lay out an HTML tree from :mod:`.html` with the print stylesheet and write the PDF.

    ``attachments`` holds (file name, bytes, description) triples; ``modified`` is the ISO
    timestamp used for attachment dates. ``first_page_note``: the id of a footnote that must
    stand on page 1, under its call (a cable's source note). When a paragraph has one line at
    the foot of page 1 and its second would overflow, weasyprint keeps the line and pushes
    the page's footnotes to page 2 rather than break before the paragraph (its orphans rule);
    such a cable is laid out again with :data:`NOTE_FIRST_CLASS` on its articles, whose
    paragraphs may then break after one line: the page breaks where it overflowed, the note
    stays. The second layout happens only for those cables (1 in 15 of the corpus).
    """
    import weasyprint

    if options.pdf_variant not in VARIANTS:
        known = ", ".join(VARIANTS)
        raise RenderError(source, f"unknown PDF variant {options.pdf_variant!r} (known: {known})")
    warm(options)
    fetcher = bundled_only_fetcher()
    moment = _moment(modified)
    files = [
        weasyprint.Attachment(file_obj=io.BytesIO(data), name=name, description=description,
                              created=moment, modified=moment, relationship="Source",
                              url_fetcher=fetcher)
        for name, data, description in attachments
    ]
    settings, finishing = variant_settings(options)
    settings.update(stylesheets=[compiled_css(options.theme, options.paper)], attachments=files)

    def layout() -> Any:
        return weasyprint.HTML(string=print_html(root, options), url_fetcher=fetcher,
                               media_type="print").render(font_config=font_config(), **settings)

    try:
        document = layout()
        if first_page_note is not None and first_page_note not in document.pages[0].anchors:
            for article in root.iter("article"):
                article.set("class", f"{article.get('class', '')} {NOTE_FIRST_CLASS}".strip())
            document = layout()
        pdf: bytes = document.write_pdf(**settings, **finishing)
    except weasyprint.urls.FatalURLFetchingError as exc:
        raise refuse_error(fetcher.refused or [str(exc)], source) from exc
    except Exception as exc:  # weasyprint raises many kinds; callers get one typed error
        raise RenderError(source, f"weasyprint failed: {exc}") from exc
    if fetcher.refused:
        raise refuse_error(fetcher.refused, source)
    return pdf


def write(cable: Cable, options: WriteOptions) -> bytes:
    """One cable as a PDF (A4 or Letter, the classification line on every page)."""
    view = cable.view
    modified = html.modified_iso(cable, options)
    root = html.document([html.article(cable, options, flavour="pdf")], frus.bookmark(view),
                         view.lang, None, html.document_meta(view, modified))
    attachment = (f"{cable.file_stem()}.tei.xml", tei_bytes(cable),
                  f"TEI P5 source of cable {view.id}")
    note_class = load_theme(options.theme).css_class("source_note")
    note = next(root.iterfind(f".//aside[@class='{note_class}']"), None)  # none in a transcript
    return render(root, options, cable.source, [attachment], modified,
                  None if note is None else note.get("id"))


def write_volume(volume: Volume, options: WriteOptions, *, chunk_cables: int | None = None,
                 chunk_bytes: int | None = None, pages: list[PageStart] | None = None) -> bytes:
    """Many cables as one PDF: title page, contents with page numbers, the numbered cables,
    the index; bookmarks, links between them, each cable's TEI attached. Made in pieces
    (:mod:`.pdf_volume`) in a temporary folder; a ``pdf/ua-1`` volume is one document.
    ``pages``: a list to receive where each page of the text starts (:mod:`.page_starts`;
    made in pieces only), for the EPUB of the same volume."""
    from . import pdf_volume

    if options.pdf_variant not in pdf_volume.PIECEWISE_VARIANTS:
        return _write_volume_whole(volume, options)
    return _in_pieces(volume, options, chunk_cables, chunk_bytes, pages, layout_only=False)


def volume_pages(volume: Volume, options: WriteOptions, *, chunk_cables: int | None = None,
                 chunk_bytes: int | None = None) -> list[PageStart]:
    """Where each page of the volume's PDF edition starts (pages 1 to the end of the index),
    from its layout alone: the pieces are laid out as :func:`write_volume` lays them out, no
    PDF is written. A variant not made in pieces is laid out as the default one."""
    from . import DEFAULT_PDF_VARIANT, pdf_volume

    if options.pdf_variant not in pdf_volume.PIECEWISE_VARIANTS:
        options = replace(options, pdf_variant=DEFAULT_PDF_VARIANT)
    pages: list[PageStart] = []
    _in_pieces(volume, options, chunk_cables, chunk_bytes, pages, layout_only=True)
    return pages


def _in_pieces(volume: Volume, options: WriteOptions, chunk_cables: int | None,
               chunk_bytes: int | None, pages: list[PageStart] | None, layout_only: bool) -> bytes:
    import tempfile
    from pathlib import Path

    from . import pdf_volume

    with tempfile.TemporaryDirectory(prefix="cable-convert-volume-") as folder:
        job = Path(folder)
        spool = pdf_volume.Spool(job / "tei")
        for cable in volume.cables:
            spool.add(cable)
        entries = pdf_volume.ordered(spool.entries, "input")
        target = job / "volume.pdf"
        pdf_volume.build(entries, volume.title, options, job, target,
                         chunk_cables=chunk_cables or pdf_volume.DEFAULT_CHUNK_CABLES,
                         chunk_bytes=chunk_bytes or pdf_volume.DEFAULT_CHUNK_BYTES,
                         starts=pages, layout_only=layout_only)
        return b"" if layout_only else target.read_bytes()


def _write_volume_whole(volume: Volume, options: WriteOptions) -> bytes:
    """A volume as one weasyprint document (PDF/UA: one structure tree), memory unbounded."""
    blocks = volume.blocks(options, "pdf")
    modified = volume.modified(options)
    dates = volume.dates()
    meta = {"author": "; ".join(volume.origins()),
            "keywords": ", ".join(volume.tags()),
            "description": volume.classification(),
            "dcterms.created": dates[0] if dates else modified,
            "dcterms.modified": modified}
    root = html.document(blocks, volume.title, volume.lang, None, meta)
    attachments = [(f"{cable.file_stem()}.tei.xml", tei_bytes(cable),
                    f"TEI P5 source of cable {cable.view.id}") for cable in volume.cables]
    return render(root, options, "--book", attachments, modified)
