"""EPUB Accessibility 1.1 for the EPUB writer: metadata that says what the book really has,
the landmarks of the navigation document, and the checks that a conformance claim rests on.

Pandoc writes a fixed set of ``schema:`` properties whatever the book holds (``alternativeText``
in a book with no image). :func:`finish` replaces them with properties read off the book
itself (:func:`facts`) and claims ``dcterms:conformsTo`` only when the structural checks of
:func:`problems` find nothing: a language on every content document, headings that do not
skip a level, a table of contents and landmarks, a text alternative for every image, a page
list that points at page-break markers. What a browser must see (contrast, names of links and
landmarks) is checked by Ace and axe-core in the slow tests and
``scripts/check_accessibility.py``; see docs/accessibility.md.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Mapping
from dataclasses import dataclass

from lxml import etree

_OPF = "{http://www.idpf.org/2007/opf}"
_X = "{http://www.w3.org/1999/xhtml}"
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: the one conformance claim the writer makes, in the exact words Ace and EPUBCheck accept
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.2 Level AA"
CERTIFIED_BY = "cable-convert (automated checks: Ace by DAISY, axe-core, EPUBCheck)"
_HEADING = re.compile(r"h([1-6])")


@dataclass(frozen=True, slots=True)
class Facts:
    """What a book holds, as its accessibility metadata reports it."""

    images: int
    images_without_alt: int
    headings: int
    toc_entries: int
    page_list: int

    def features(self) -> list[str]:
        features = ["readingOrder"]
        if self.images and not self.images_without_alt:
            features.append("alternativeText")
        if self.page_list:
            features += ["pageNavigation", "printPageNumbers"]
        if self.headings:
            features.append("structuralNavigation")
        if self.toc_entries:
            features.append("tableOfContents")
        return sorted(features)


def _documents(opf: etree._Element) -> dict[str, str]:
    """manifest href (relative to the package) -> properties, for every XHTML document."""
    return {item.get("href") or "": item.get("properties") or ""
            for item in opf.iter(f"{_OPF}item")
            if item.get("media-type") == "application/xhtml+xml"}


def content_names(opf: etree._Element, opf_name: str) -> list[str]:
    """The archive names of the package's XHTML documents (the nav document among them)."""
    base = posixpath.dirname(opf_name)
    return [posixpath.join(base, href) for href in _documents(opf)]


def _navs(nav: etree._Element, kind: str) -> list[etree._Element]:
    return [element for element in nav.iter(f"{_X}nav") if element.get(_EPUB_TYPE) == kind]


def facts(documents: Mapping[str, etree._Element], nav: etree._Element) -> Facts:
    images = [image for root in documents.values() for image in root.iter(f"{_X}img", f"{_X}svg")]
    headings = sum(1 for root in documents.values() for element in root.iter()
                   if isinstance(element.tag, str) and _HEADING.fullmatch(etree.QName(element).localname))
    return Facts(
        images=len(images),
        images_without_alt=sum(1 for image in images if not (image.get("alt") or "").strip()),
        headings=headings,
        toc_entries=sum(len(list(toc.iter(f"{_X}a"))) for toc in _navs(nav, "toc")),
        page_list=sum(len(list(pages.iter(f"{_X}a"))) for pages in _navs(nav, "page-list")),
    )


def _heading_problems(name: str, root: etree._Element) -> list[str]:
    found, previous = [], 0
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        match = _HEADING.fullmatch(etree.QName(element).localname)
        if match is None:
            continue
        level = int(match[1])
        if level > previous + 1:
            found.append(f"{name}: h{level} after h{previous or '-'} skips a level")
        previous = level
    return found


def _broken_links(documents: Mapping[str, etree._Element], nav: etree._Element) -> list[str]:
    """Links of the navigation document to a document or fragment the book does not have
    (``documents`` keyed by archive name; the navigation document is one of them)."""
    nav_name = next((name for name, root in documents.items() if root is nav), "")
    base = posixpath.dirname(nav_name)
    ids = {name: {element.get("id") for element in root.iterfind(".//*[@id]")}
           for name, root in documents.items()}
    found = []
    for link in nav.iter(f"{_X}a"):
        href = link.get("href") or ""
        path, _, fragment = href.partition("#")
        target = posixpath.normpath(posixpath.join(base, path)) if path else nav_name
        if target not in ids or (fragment and fragment not in ids[target]):
            found.append(f"nav: link to {href!r}, which the book does not have")
    return found


def problems(documents: Mapping[str, etree._Element], nav: etree._Element,
             package_lang: str | None) -> list[str]:
    """What stands between the book and its conformance claim (empty: nothing found)."""
    found: list[str] = []
    if not package_lang:
        found.append("package: no dc:language")
    for name, root in documents.items():
        lang, xml_lang = root.get("lang"), root.get(_XML_LANG)
        if not lang or lang != xml_lang:
            found.append(f"{name}: lang {lang!r} and xml:lang {xml_lang!r} (both needed, equal)")
        found += _heading_problems(name, root)
    book = facts(documents, nav)
    if not book.toc_entries:
        found.append("nav: no table of contents")
    landmarks = _navs(nav, "landmarks")
    kinds = {link.get(_EPUB_TYPE) for element in landmarks for link in element.iter(f"{_X}a")}
    if "bodymatter" not in kinds:
        found.append("nav: no landmark for the start of the text (bodymatter)")
    found += _broken_links(documents, nav)
    if book.images_without_alt:
        found.append(f"{book.images_without_alt} image(s) without a text alternative")
    return found


def add_landmarks(nav: etree._Element, start: str, contents: bool) -> None:
    """Give the navigation document landmarks (the contents when ``contents``: the navigation
    document is in the reading order; the start of the text), or add the start of the text
    to pandoc's landmarks (which list only the contents)."""
    body = nav.find(f"{_X}body")
    if body is None:
        return
    landmarks = _navs(nav, "landmarks")
    if landmarks:
        listing = landmarks[0].find(f"{_X}ol")
    else:
        element = etree.SubElement(body, f"{_X}nav", {_EPUB_TYPE: "landmarks", "id": "landmarks",
                                                     "hidden": "hidden"})
        listing = etree.SubElement(element, f"{_X}ol")
        if contents and _navs(nav, "toc"):
            item = etree.SubElement(listing, f"{_X}li")
            etree.SubElement(item, f"{_X}a", {"href": "#toc", _EPUB_TYPE: "toc"}).text = "Table of Contents"
    if listing is None:
        return
    item = etree.SubElement(listing, f"{_X}li")
    etree.SubElement(item, f"{_X}a", {"href": start, _EPUB_TYPE: "bodymatter"}).text = "Start of the text"


def _meta(metadata: etree._Element, prop: str, value: str) -> None:
    etree.SubElement(metadata, f"{_OPF}meta", {"property": prop}).text = value


def summary(book: Facts) -> str:
    """The accessibility summary: what a reader of the book can rely on, in words."""
    parts = ["A textual publication: every document states its language, headings follow the "
             "document structure without skipping a level, and the navigation document lists "
             "the contents and the start of the text."]
    if book.page_list:
        parts.append("A page list gives the page numbers of the printed edition.")
    parts.append("Withheld passages are written out in words, not shown by colour alone.")
    parts.append("There is no sound or motion." if book.images else
                 "There are no images, sound or motion.")
    return " ".join(parts)


def finish(opf: etree._Element, documents: Mapping[str, etree._Element], nav: etree._Element) -> None:
    """Replace the package's accessibility metadata with what this book has, and claim
    conformance only when :func:`problems` finds nothing."""
    metadata = opf.find(f"{_OPF}metadata")
    if metadata is None:
        return
    for meta in list(metadata.iter(f"{_OPF}meta")):
        prop = meta.get("property") or ""
        if prop.startswith(("schema:access", "dcterms:conformsTo", "a11y:")):
            metadata.remove(meta)
    book = facts(documents, nav)
    _meta(metadata, "schema:accessMode", "textual")
    if book.images:
        _meta(metadata, "schema:accessMode", "visual")
    if not book.images_without_alt:
        _meta(metadata, "schema:accessModeSufficient", "textual")
    for feature in book.features():
        _meta(metadata, "schema:accessibilityFeature", feature)
    _meta(metadata, "schema:accessibilityHazard", "none")
    _meta(metadata, "schema:accessibilitySummary", summary(book))
    language = metadata.find("{http://purl.org/dc/elements/1.1/}language")
    if not problems(documents, nav, language.text if language is not None else None):
        _meta(metadata, "dcterms:conformsTo", CONFORMS_TO)
        _meta(metadata, "a11y:certifiedBy", CERTIFIED_BY)
