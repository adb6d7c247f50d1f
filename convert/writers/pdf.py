"""TEI -> PDF: the HTML writer's article, the theme's print stylesheet, weasyprint.

The process is the worker: weasyprint is imported on first use and the font configuration
and compiled stylesheets are kept per process, so a warm render costs only layout. The PDF
is PDF/A-3b by default with the cable's TEI attached (relationship ``Source``), or tagged
PDF/UA-1 (``pdf_variant="pdf/ua-1"``), or plain (``"none"``). Dates come from the options
(SOURCE_DATE_EPOCH) or the cable, never from the clock, so the bytes are reproducible.
"""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from ..errors import RenderError
from ..fetcher import bundled_only_fetcher, refuse_error
from ..model import Cable
from ..options import WriteOptions
from ..theme import derived, stylesheet
from ..view import frus
from . import PDF_VARIANTS, html

if TYPE_CHECKING:
    from ..volume import Volume

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


def _moment(iso: str) -> datetime:
    return datetime.strptime(iso, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=UTC)


def tei_bytes(cable: Cable) -> bytes:
    """The cable's TEI as attached to the PDF."""
    return bytes(etree.tostring(cable.tei, xml_declaration=True, encoding="UTF-8"))


def render(root: etree._Element, options: WriteOptions, source: str,
           attachments: list[tuple[str, bytes, str]], modified: str) -> bytes:
    """Lay out an HTML tree from :mod:`.html` with the print stylesheet and write the PDF.

    ``attachments`` holds (file name, bytes, description) triples; ``modified`` is the ISO
    timestamp used for attachment dates.
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
    document = weasyprint.HTML(string=html.serialize(root).decode("utf-8"),
                               url_fetcher=fetcher, media_type="print")
    try:
        pdf: bytes = document.write_pdf(
            stylesheets=[compiled_css(options.theme, options.paper)],
            font_config=font_config(),
            pdf_variant=VARIANTS[options.pdf_variant],
            pdf_tags=options.pdf_variant == "pdf/ua-1",
            attachments=files,
        )
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
    return render(root, options, cable.source, [attachment], modified)


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """Many cables as one PDF: bookmarks, links between them, each cable's TEI attached."""
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
