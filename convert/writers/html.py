"""TEI -> HTML: the standalone page, and the shared step for PDF, EPUB, DOCX and Markdown.

An article is the cable's header (title, classification line, metadata, from the read side
:mod:`convert.view`) around its body as :mod:`.layout` lays it out. The body is walked once
per cable and theme (:func:`body_section`) and copied into each article; ``flavour`` adds
what a consumer needs: ``docx`` keeps pandoc's ``data-custom-style`` on every styled block
and span (the other flavours drop it) and may set the title as a paragraph.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from ..model import TEI_NS, Cable
from ..options import WriteOptions
from ..theme import Theme, load_theme, stylesheet
from ..view import CableView, epoch_to_iso, frus, iso_to_epoch
from .layout import Walk, add_text, styled

if TYPE_CHECKING:
    from ..volume import Volume

_T = f"{{{TEI_NS}}}"
#: html: a page for screens; pdf: for weasyprint (the source note floats to the page foot);
#: epub and docx: for pandoc (docx keeps the named styles)
FLAVOURS = ("html", "pdf", "epub", "docx")
#: the attribute only the DOCX flavour keeps
DOCX_STYLE = "data-custom-style"


def anchor_id(cable_id: str) -> str:
    """The HTML id of a cable's article (used by volume links)."""
    return "cable-" + re.sub(r"[^A-Za-z0-9_-]", "-", cable_id)


def body_section(cable: Cable, options: WriteOptions, links: Mapping[str, str]) -> etree._Element:
    """The cable's body laid out (DOCX styles included), walked once per theme and links and
    kept on the cable's view. Callers copy it (:func:`article` does)."""
    view = cable.view
    edition = not options.transcript
    key = ("html-body", options.theme, options.show_artifacts, edition, tuple(sorted(links.items())))
    section: etree._Element | None = view.renders.get(key)
    if section is None:
        section = etree.Element("section", {"class": "telegram"})
        body = cable.tei.find(f"{_T}text/{_T}body")
        if body is not None:
            walk = Walk(load_theme(options.theme), options.show_artifacts, anchor_id(view.id) + "-",
                        dict(links), edition=edition)
            walk.blocks(body, section)
            view.walks[options.theme] += 1
        view.renders[key] = section
    return section


def _meta_line(parent: etree._Element, label: str, values: Iterable[str], value_class: str = "") -> None:
    values = [value for value in values if value]
    if not values:
        return
    line = etree.SubElement(parent, "p")
    strong = etree.SubElement(line, "strong", {"class": "meta-label"})
    strong.text = f"{label}:"
    strong.tail = " "
    value = etree.SubElement(line, "span", {"class": value_class} if value_class else {})
    value.text = "; ".join(values)


def metadata_block(theme: Theme, docx: bool, view: CableView, parent: etree._Element,
                   links: Mapping[str, str]) -> None:
    """The cable's facts as labelled lines, in one styled block."""
    block = styled(theme, docx, "div", "metadata", parent=parent)
    _meta_line(block, "Cable", [view.id], "cable-id-value")
    day = frus.date_in_words(view.date)
    time = frus.time_of_day(view.date) if view.dtg else None
    date = ", ".join(part for part in (day, time) if part) or view.dtg
    if date and view.dtg and date != view.dtg:
        date = f"{date} ({view.dtg})"
    _meta_line(block, "Date", [date or ""])
    _meta_line(block, "From", [view.origin or ""] if view.origin else view.sender)
    _meta_line(block, "To", view.to)
    _meta_line(block, "Info", view.info)
    _meta_line(block, "Classification", [view.classification])
    _meta_line(block, "TAGS", [" ".join(view.tags)])
    _meta_line(block, "Subject", [view.stated_subject])  # (a fact: no line where the text has none)
    if view.references:
        line = etree.SubElement(block, "p")
        strong = etree.SubElement(line, "strong", {"class": "meta-label"})
        strong.text = "References:"
        for number, ref in enumerate(view.references):
            add_text(line, " " if number == 0 else "; ")
            text = " ".join(part for part in (ref.label, ref.text) if part)
            href = links.get(ref.cable_id or "")
            if href:
                link = etree.SubElement(line, "a", {"href": href, "class": "cable-ref"})
                link.text = text
            else:
                add_text(line, text)


def classification_line(theme: Theme, docx: bool, view: CableView, parent: etree._Element,
                        running: bool) -> None:
    block = styled(theme, docx, "div", "classification", "running" if running else "", parent=parent)
    etree.SubElement(block, "p").text = view.classification


def article(cable: Cable, options: WriteOptions, flavour: str = "html",
            links: Mapping[str, str] | None = None, title_as_heading: bool = True
            ) -> etree._Element:
    """One cable as an HTML ``<article>``: the reading edition (:mod:`.edition`), or with
    ``options.transcript`` the complete transcript: classification, title, metadata, the body
    as it stands (routing header included), closer.

    ``links`` maps cable ids to hrefs (a volume links each REF to its cable).
    ``title_as_heading`` (transcript) writes the subject as ``<h1>`` (navigation in
    EPUB/PDF/volumes); otherwise as a paragraph in the Title style (a single-cable DOCX).
    """
    if flavour not in FLAVOURS:
        raise ValueError(flavour)
    if not options.transcript:
        from .edition import article as edition_article

        return edition_article(cable, options, flavour, links)
    links = dict(links or {})
    view = cable.view
    theme = load_theme(options.theme)
    docx = flavour == "docx"
    prefix = anchor_id(view.id) + "-"
    root = etree.Element("article", {"class": "cable", "id": anchor_id(view.id), "lang": view.lang,
                                     "data-cable-id": view.id,
                                     "data-classification": view.classification})
    header = etree.SubElement(root, "header")
    if title_as_heading:
        title = styled(theme, docx, "h1", "title", parent=header)
        title.set("id", prefix + "title")
        title.set("data-bookmark", frus.bookmark(view))
        title.text = view.subject
        if docx:
            del title.attrib[DOCX_STYLE]
    else:
        title = styled(theme, docx, "div", "title", parent=header)
        etree.SubElement(title, "p").text = view.subject
    # after the title: pandoc starts an EPUB chapter at the first heading
    classification_line(theme, docx, view, header, running=True)
    metadata_block(theme, docx, view, header, links)
    section = copy.deepcopy(body_section(cable, options, links))
    if not docx:
        etree.strip_attributes(section, DOCX_STYLE)
    root.append(section)
    footer = etree.SubElement(root, "footer")
    classification_line(theme, docx, view, footer, running=False)
    return root


def document(articles: list[etree._Element], title: str, lang: str, css: str | None,
             meta: Mapping[str, str] | None = None) -> etree._Element:
    """An ``<html>`` document around some articles; ``css`` inlined when given."""
    root = etree.Element("html", {"lang": lang})
    head = etree.SubElement(root, "head")
    etree.SubElement(head, "meta", {"charset": "utf-8"})
    etree.SubElement(head, "meta", {"name": "viewport",
                                    "content": "width=device-width, initial-scale=1"})
    if title:  # a DOCX gets no <title>: pandoc would print it as an extra Title paragraph
        etree.SubElement(head, "title").text = title
    for name, content in (meta or {}).items():
        if content:
            etree.SubElement(head, "meta", {"name": name, "content": content})
    if css is not None:
        etree.SubElement(head, "style").text = css
    body = etree.SubElement(root, "body")
    main = etree.SubElement(body, "main")
    for item in articles:
        main.append(item)
    return root


def document_meta(view: CableView, modified_iso: str) -> dict[str, str]:
    """``<meta>`` values weasyprint reads into the PDF's document information."""
    return {
        "author": view.origin or "",
        "keywords": ", ".join(view.tags),
        "description": view.classification,
        "dcterms.created": view.date or modified_iso,
        "dcterms.modified": modified_iso,
    }


def serialize(root: etree._Element) -> bytes:
    """HTML5 bytes (UTF-8): the one place cable text is escaped."""
    text: str = lxml_html.tostring(root, method="html", encoding="unicode",
                                   doctype="<!DOCTYPE html>")
    return (text + "\n").encode("utf-8")


def modified_iso(cable: Cable, options: WriteOptions) -> str:
    """The document timestamp: SOURCE_DATE_EPOCH from options, else the cable's date."""
    if options.source_date_epoch is not None:
        return epoch_to_iso(options.source_date_epoch)
    epoch = iso_to_epoch(cable.date)
    return epoch_to_iso(epoch if epoch is not None else 0)


def write(cable: Cable, options: WriteOptions) -> bytes:
    """A standalone, accessible HTML page for one cable, the screen stylesheet inlined."""
    view = cable.view
    css = stylesheet(options.theme, "screen", options.paper)
    root = document([article(cable, options)], frus.bookmark(view), view.lang, css,
                    document_meta(view, modified_iso(cable, options)))
    return serialize(root)


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """Many cables as one HTML page, the screen stylesheet inlined."""
    root = document(volume.blocks(options, "html"), volume.title, volume.lang,
                    stylesheet(options.theme, "screen", options.paper))
    return serialize(root)
