"""TEI -> EPUB 3: the HTML writer's article through pandoc, then the theme's stylesheet.

Pandoc runs with ``--sandbox``, which also refuses ``--css``. Rather than drop the sandbox,
the writer lets pandoc write its default stylesheet and replaces that one archive entry with
the theme's EPUB CSS while re-packing (the same step that sets the real modification date
and fixed ZIP timestamps). The EPUB therefore holds only what we made: no external
resources, no fonts, no images.
"""

from __future__ import annotations

import hashlib
import posixpath
from typing import TYPE_CHECKING

from lxml import etree

from ..archive import read_entries, read_zip, rewrite_zip
from ..errors import RenderError
from ..model import Cable
from ..options import WriteOptions
from ..theme import stylesheet
from ..view import CableView, frus, iso_to_epoch
from . import epub_a11y, epub_pages, html, pandoc
from .edition import ABOVE_HEADING, nav_paragraphs
from .epub_pages import PrintPages

if TYPE_CHECKING:
    from collections.abc import Sequence

    from ..volume import Volume
    from .page_starts import PageStart

STYLESHEET_ENTRY = "EPUB/styles/stylesheet1.css"
OPF_ENTRY = "EPUB/content.opf"
NAV_ENTRY = "EPUB/nav.xhtml"
_OPF_NS = "http://www.idpf.org/2007/opf"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_XHTML = "{http://www.w3.org/1999/xhtml}"


def _epoch(modified: str) -> int:
    epoch = iso_to_epoch(modified)
    return epoch if epoch is not None else 0


def epub_metadata(title: str, creators: list[str], date: str | None, lang: str,
                  identifier: str, subjects: list[str], description: str) -> list[str]:
    return pandoc.metadata_args({
        "title": title,
        "creator": creators,
        "date": date,
        "lang": lang,
        "identifier": identifier,
        "subject": subjects,
        "description": description,
    })


def _fix_opf(root: etree._Element, modified: str, date: str | None) -> None:
    """Set the real dates pandoc's sandboxed clock could not give (W3CDTF, UTC)."""
    for meta in root.iter(f"{{{_OPF_NS}}}meta"):
        if meta.get("property") == "dcterms:modified":
            meta.text = modified
    for element in root.iter(f"{{{_DC_NS}}}date"):
        element.text = date or modified


def _nav_with_paragraphs(root: etree._Element, heading: str, paragraphs: list[tuple[str, str]],
                         chapters: dict[str, str]) -> None:
    """Give the navigation document an entry per numbered paragraph ("¶4 Li responded…")
    under the entry of the heading whose anchor is ``heading``, before its sections; each
    links into the chapter that holds it (``chapters``: id -> href; the transcript's
    heading and paragraphs are in two chapters)."""
    for link in root.iter(f"{_XHTML}a"):
        href = link.get("href") or ""
        if href.endswith("#" + heading):
            item = link.getparent()
            if item is None:
                break
            listing = item.find(f"{_XHTML}ol")
            if listing is None:
                listing = etree.SubElement(item, f"{_XHTML}ol", {"class": "toc"})
            chapter = href.split("#", 1)[0]
            for index, (anchor, label) in enumerate(paragraphs):
                entry = etree.Element(f"{_XHTML}li")
                target = chapters.get(anchor, chapter)
                etree.SubElement(entry, f"{_XHTML}a", {"href": f"{target}#{anchor}"}).text = label
                listing.insert(index, entry)
            break


def _start(nav: etree._Element, documents: list[str]) -> str:
    """Where the text starts, as the navigation document links it: the first cable's
    heading (a volume opens with its title page and contents), else the first document."""
    for link in nav.iter(f"{_XHTML}a"):
        href = link.get("href") or ""
        if "#cable-" in href:
            return href
    return documents[0] if documents else "#toc"


def _banner_first(documents: dict[str, etree._Element]) -> set[str]:
    """Put each cable's classification line back above its heading, as the PDF's running
    head and the HTML page print it. Pandoc starts a chapter at a heading and makes a chapter
    of its own of anything before it, so the article hands it the line after the heading,
    marked :data:`.edition.ABOVE_HEADING`; here, inside the heading's section, it moves before
    the heading again (a transcript's line stays after its title). Returns the documents
    changed."""
    changed = set()
    for name, root in documents.items():
        for heading in list(root.iter(f"{_XHTML}h1")):
            after = heading.getnext()
            if after is None or after.tag != f"{_XHTML}div" or ABOVE_HEADING not in (
                    after.get("class") or "").split():
                continue
            after.tail, heading.tail = heading.tail, after.tail
            heading.addprevious(after)
            changed.add(name)
    return changed


def _accessible(entries: dict[str, bytes], opf: etree._Element,
                nav: tuple[str, list[tuple[str, str]]] | None, contents: bool,
                pages: PrintPages | None) -> dict[str, bytes]:
    """The navigation document (paragraph entries, page list, landmarks), the documents with
    page markers (:mod:`.epub_pages`) and the package (accessibility metadata,
    :mod:`.epub_a11y`) as this book's content makes them."""
    nav_root = etree.fromstring(entries[NAV_ENTRY])
    names = [name for name in epub_a11y.content_names(opf, OPF_ENTRY) if name != NAV_ENTRY]
    documents = {name: etree.fromstring(data) for name, data in entries.items() if name in names}
    moved = _banner_first(documents)
    base = posixpath.dirname(NAV_ENTRY)
    if nav is not None and nav[1]:
        chapters = {element.get("id") or "": posixpath.relpath(name, base)
                    for name, root in documents.items() for element in root.iterfind(".//*[@id]")}
        _nav_with_paragraphs(nav_root, *nav, chapters)
    placed = epub_pages.mark([(name, documents[name]) for name in names], pages.starts) if pages else []
    epub_pages.add_page_list(nav_root, placed, NAV_ENTRY)
    epub_a11y.add_landmarks(nav_root, _start(nav_root, [posixpath.relpath(n, base) for n in names]),
                             contents)
    documents[NAV_ENTRY] = nav_root
    epub_a11y.finish(opf, documents, nav_root)
    if pages is not None and placed:
        epub_pages.name_source(opf, pages.source)
    changed = [name for name in names if name in moved or any(name == n for _, n in placed)]
    marked = {name: _xml(documents[name], doctype=True) for name in changed}
    return {**marked, NAV_ENTRY: _xml(nav_root), OPF_ENTRY: _xml(opf)}


def _xml(root: etree._Element, doctype: bool = False) -> bytes:
    if doctype:  # a content document as pandoc wrote it: with its document type
        return bytes(etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                                    doctype="<!DOCTYPE html>"))
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8"))


def package(root: etree._Element, metadata: list[str], options: WriteOptions, source: str,
            modified: str, date: str | None, *, contents_first: bool = True,
            nav: tuple[str, list[tuple[str, str]]] | None = None, pages: PrintPages | None = None
            ) -> bytes:
    """HTML tree -> EPUB bytes: pandoc in its sandbox, then our stylesheet and dates.

    ``contents_first``: the navigation document opens the reading order (a volume); else the
    text comes first and the contents are the reading system's (a cable). ``nav``: a
    heading's anchor and the paragraph entries to list under it. ``pages``: the print
    edition's pages, to mark and list (:mod:`.epub_pages`)."""
    data = html.serialize(root)
    epoch = _epoch(modified)
    toc = ["--toc"] if contents_first else []
    raw = pandoc.run(["-f", "html", "-t", "epub3", "--split-level=1", *toc,
                      "--epub-title-page=false", *metadata], data, source, epoch)
    entries = read_entries(raw, (STYLESHEET_ENTRY, OPF_ENTRY, NAV_ENTRY))
    if STYLESHEET_ENTRY not in entries or OPF_ENTRY not in entries or NAV_ENTRY not in entries:
        raise RenderError(source, "pandoc's EPUB lacks the expected stylesheet, package or nav file")
    opf = etree.fromstring(entries[OPF_ENTRY])
    _fix_opf(opf, modified, date)
    entries.update(read_entries(raw, epub_a11y.content_names(opf, OPF_ENTRY)))
    css = stylesheet(options.theme, "epub", options.paper).encode("utf-8")
    replace = {STYLESHEET_ENTRY: css, **_accessible(entries, opf, nav, contents_first, pages)}
    return rewrite_zip(raw, replace, epoch, stored=frozenset({"mimetype"}), first="mimetype")


def _cable_metadata(view: CableView) -> list[str]:
    return epub_metadata(
        title=frus.bookmark(view),
        creators=[view.origin] if view.origin else [],
        date=(view.date or '')[:10] or None,
        lang=view.lang,
        identifier=view.id,
        subjects=list(view.tags),
        description=f"{view.classification}. Cable {view.id}.",
    )


def write(cable: Cable, options: WriteOptions) -> bytes:
    """One cable as an EPUB 3 (title, creator, date, language, identifier, subjects, nav)."""
    view = cable.view
    modified = html.modified_iso(cable, options)
    article = html.article(cable, options, flavour="epub")
    root = html.document([article], frus.bookmark(view), view.lang, None)
    nav = (html.anchor_id(view.id) + "-title", nav_paragraphs(article))
    return package(root, _cable_metadata(view), options, cable.source, modified, view.date,
                   contents_first=False, nav=nav)


def write_volume(volume: Volume, options: WriteOptions, *,
                 pages: Sequence[PageStart] | None = None) -> bytes:
    """Many cables as one EPUB: a chapter per cable, links between them, and (unless
    ``options.page_list`` is off) a page list of the volume's PDF edition: ``pages`` where its
    pages start, as the PDF of the same run found them (:func:`.pdf.write_volume`), else laid
    out here (:func:`.pdf.volume_pages`)."""
    blocks = volume.blocks(options, "epub")
    modified = volume.modified(options)
    root = html.document(blocks, volume.title, volume.lang, None)
    ids = ",".join(view.id for view in volume.views)
    identifier = "urn:cable-volume:" + hashlib.sha256(ids.encode()).hexdigest()[:32]
    metadata = epub_metadata(
        title=volume.title, creators=volume.origins()[:20], date=None, lang=volume.lang,
        identifier=identifier, subjects=volume.tags(),
        description=f"{len(volume.cables)} cables; highest classification {volume.classification()}.",
    )
    dates = volume.dates()
    print_pages = None
    if options.page_list:
        if pages is None:
            from .pdf import volume_pages

            pages = volume_pages(volume, options)
        source = epub_pages.print_source(volume.title, options.paper, options.theme)
        print_pages = PrintPages(source, tuple(pages))
    return package(root, metadata, options, "--book", modified, dates[0] if dates else None,
                   pages=print_pages)


def stylesheet_of(epub: bytes) -> str:
    """The stylesheet inside an EPUB (for tests and tools)."""
    return dict(read_zip(epub))[STYLESHEET_ENTRY].decode("utf-8")

