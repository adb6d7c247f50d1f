"""The reading edition of one cable, as the Foreign Relations of the United States prints a
telegram: a heading naming sender and addressees, the source note as its footnote, the
dateline, then the telegram's own text (Subject, Ref, the numbered paragraphs) and the
signature; the routing header follows as a small "Transmission" appendix.

Each piece is a function, so a volume can number and place them:

==========================  ====================================================================
:func:`heading`             ``<h1>``: "12. Telegram From … to …", the source note's call, the
                            PDF bookmark ("09BEIJING1463 — subject") as ``data-bookmark``
:func:`dateline`            "Beijing, June 2, 2009, 0922Z."
:func:`source_note`         the heading's footnote: as an ``aside`` (HTML, PDF) or as a note
                            pandoc reads (EPUB, DOCX: an endnote, a Word footnote)
:func:`text`                the body as the one walk laid it out (:func:`.html.body_section`),
                            without its opener; the signature is its closer
:func:`transmission`        the opener's lines, small, under the heading "Transmission"
:func:`article`             the pieces in the order of a flavour
==========================  ====================================================================

Semantics first (for tagged PDF and accessible EPUB): real headings, the note a
``doc-footnote`` linked from a ``doc-noteref``, paragraph numbers in their own spans, the
running heads in the page margins (from ``data-classification``), redactions as the bracketed
label :data:`convert.textview.REDACTION_LABEL` with a ``title`` saying what was withheld.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping

from lxml import etree

from ..model import Cable
from ..options import WriteOptions
from ..textview import REDACTION, REDACTION_LABEL
from ..theme import Theme, load_theme
from ..view import CableView, frus
from .layout import add_text, styled
from .redactions import redaction_title

#: where each flavour puts the source note, and whether the text carries classification lines
#: (paper and Word have running heads; a screen or an e-reader chapter has a top and a bottom)
NOTE_FORMS = {"html": "aside-end", "pdf": "aside-head", "epub": "pandoc", "docx": "pandoc"}
BANNERS = {"html": True, "pdf": False, "epub": True, "docx": False}
#: the class of the EPUB's classification line that stands above the heading in print (the
#: transcript's line follows its title, as in its HTML, and stays where it is)
ABOVE_HEADING = "above-heading"
#: a cable with at least this many numbered paragraphs gets paragraph entries in the EPUB nav
NAV_PARAGRAPHS = 5


def _docx_clean(element: etree._Element, docx: bool) -> etree._Element:
    if not docx:
        etree.strip_attributes(element, "data-custom-style")
    return element


def heading(view: CableView, theme: Theme, prefix: str, *, number: int | None = None,
            note_mark: str | None = "1") -> etree._Element:
    """``<h1 id="{prefix}title">``: the FRUS heading (numbered in a volume), the source
    note's call when ``note_mark`` is given, the PDF bookmark as ``data-bookmark``."""
    h1 = styled(theme, False, "h1", "heading")
    h1.set("id", prefix + "title")
    label = f"{number}. " if number is not None else ""
    h1.set("data-bookmark", label + frus.bookmark(view))
    if number is not None:
        etree.SubElement(h1, "span", {"class": "document-number"}).text = label
    add_text(h1, frus.heading(view))
    if note_mark:
        call = etree.SubElement(h1, "a", {"class": "note-call", "href": f"#{prefix}source",
                                          "id": f"{prefix}source-call", "role": "doc-noteref"})
        etree.SubElement(call, "sup").text = note_mark
    return h1


def dateline(view: CableView, theme: Theme, docx: bool) -> etree._Element | None:
    """The dateline in words, or None when neither place nor date is known."""
    words = frus.dateline(view)
    if not words:
        return None
    block = styled(theme, docx, "div", "dateline")
    etree.SubElement(block, "p").text = words
    return block


def _note_paragraphs(view: CableView, theme: Theme, docx: bool, mark: str | None,
                     back: str | None) -> etree._Element:
    block = styled(theme, docx, "div", "source_note")
    first = etree.SubElement(block, "p")
    if mark:
        attrs = {"class": "source-note-number"}
        if back:
            attrs.update(href=back, role="doc-backlink")
        number = etree.SubElement(first, "a" if back else "span", attrs)
        number.text = mark
        number.tail = " "
    for index, (kind, sentence) in enumerate(frus.source_note(view)):
        if index:
            add_text(first, " ")
        etree.SubElement(first, "span", {"class": f"note-{kind}"}).text = sentence
    cite = etree.SubElement(block, "p", {"class": "note-citation"})
    etree.SubElement(cite, "span", {"class": "note-cite-label"}).text = "Cite as:"
    add_text(cite, " " + frus.citation(view))
    return block


def source_note(view: CableView, theme: Theme, prefix: str, form: str, docx: bool = False,
                note_mark: str = "1") -> etree._Element:
    """The heading's footnote. ``form``: ``aside`` (an ``<aside role="doc-footnote">`` that
    the print stylesheet floats to the foot of the page, the screen shows after the text) or
    ``pandoc`` (an endnotes section pandoc turns into an EPUB note or a Word footnote)."""
    if form == "pandoc":
        section = etree.Element("section", {"class": "footnotes", "role": "doc-endnotes"})
        item = etree.SubElement(etree.SubElement(section, "ol"), "li", {"id": f"{prefix}source"})
        item.append(_note_paragraphs(view, theme, docx, None, None))
        return section
    aside = etree.Element("aside", {"class": theme.css_class("source_note"), "id": f"{prefix}source",
                                    "role": "doc-footnote",
                                    "aria-label": f"Source note to {view.id}"})
    aside.extend(list(_note_paragraphs(view, theme, False, note_mark, f"#{prefix}source-call")))
    return aside


def text(cable: Cable, options: WriteOptions, links: Mapping[str, str], docx: bool
         ) -> tuple[etree._Element, list[etree._Element]]:
    """A copy of the cable's laid-out body without its openers, and the openers taken out."""
    from .html import body_section

    section = _docx_clean(copy.deepcopy(body_section(cable, options, links)), docx)
    openers = [block for block in section.iter("div")
               if "opener-block" in (block.get("class") or "").split()]
    for block in openers:
        parent = block.getparent()
        if parent is not None:
            parent.remove(block)
    return section, openers


def transmission(openers: list[etree._Element], theme: Theme, prefix: str, docx: bool,
                 cable_id: str = "") -> etree._Element | None:
    """The openers' lines as one small block (a line break between lines) under the heading
    "Transmission"; None when the cable has no opener. The section is named "Transmission of
    {cable_id}": a volume's many appendices are landmarks each with a name of its own."""
    lines = [p for block in openers for p in block.iter("p")]
    if not lines:
        return None
    appendix = etree.Element("section", {"class": "transmission-appendix",
                                         "aria-label": f"Transmission of {cable_id}".strip()})
    title = styled(theme, False, "h2", "section_heading", parent=appendix)
    title.set("id", f"{prefix}transmission")
    title.text = "Transmission"
    block = styled(theme, docx, "div", "transmission", parent=appendix)
    target = etree.SubElement(block, "p")
    for line in lines:
        if len(target):
            etree.SubElement(target, "br")  # the line break pandoc and Markdown keep
        span = etree.SubElement(target, "span", {"class": "line"})  # a hanging indent in CSS
        add_text(span, line.text)
        for child in list(line):
            span.append(child)  # moves the child with its tail
        _withheld(span, theme, docx)
    return appendix


def _withheld(span: etree._Element, theme: Theme, docx: bool) -> None:
    """A run of X's in an opener's line (``… AND DS/OP/EUR`` / ``XXXXXXXXXXXX``, 07MADRID1914: the
    normalizer keeps the routing lines' characters) reads as the text's redactions do."""
    for node, attr in reversed([(span, "text")] + [(child, "tail") for child in span]):
        text = getattr(node, attr) or ""
        found = list(REDACTION.finditer(text))
        if not found:
            continue
        setattr(node, attr, text[: found[0].start()])
        at = 0 if node is span else span.index(node) + 1
        for offset, match in enumerate(found):
            mark = styled(theme, docx, "span", "redaction")
            end = found[offset + 1].start() if offset + 1 < len(found) else len(text)
            mark.text, mark.tail = REDACTION_LABEL, text[match.end() : end]
            mark.set("title", redaction_title(match.group()))
            span.insert(at + offset, mark)


def banner(view: CableView, theme: Theme, docx: bool) -> etree._Element:
    """The classification line, for a flavour with no running heads."""
    block = styled(theme, docx, "div", "classification")
    etree.SubElement(block, "p").text = view.classification
    return block


def article(cable: Cable, options: WriteOptions, flavour: str = "html",
            links: Mapping[str, str] | None = None, *, number: int | None = None
            ) -> etree._Element:
    """One cable's reading edition as an ``<article>`` for ``flavour`` (html, pdf, epub,
    docx); ``number`` numbers its heading (a volume's documents)."""
    from .html import anchor_id

    view = cable.view
    theme = load_theme(options.theme)
    docx = flavour == "docx"
    form, banners = NOTE_FORMS[flavour], BANNERS[flavour]
    prefix = anchor_id(view.id) + "-"
    root = etree.Element("article", {
        "class": "cable edition", "id": anchor_id(view.id), "lang": view.lang,
        "data-cable-id": view.id, "data-classification": view.classification})
    # pandoc ends a heading's section (an EPUB chapter) where the heading's container ends:
    # for pandoc the heading stands in the article itself
    header = root if form == "pandoc" else etree.SubElement(root, "header")
    if banners and flavour != "epub":
        header.append(banner(view, theme, docx))
    header.append(heading(view, theme, prefix, number=number))
    if banners and flavour == "epub":  # pandoc starts a chapter at the heading: the line after
        # it, marked for the EPUB writer to move back above the heading (``epub._banner_first``)
        line_after = banner(view, theme, docx)
        line_after.set("class", f"{line_after.get('class')} {ABOVE_HEADING}")
        header.append(line_after)
    if form == "aside-head":
        header.append(source_note(view, theme, prefix, "aside"))
    line = dateline(view, theme, docx)
    if line is not None:
        header.append(line)
    section, openers = text(cable, options, links or {}, docx)
    root.append(section)
    if form == "aside-end":
        notes = etree.SubElement(root, "div", {"class": "edition-notes"})
        notes.append(source_note(view, theme, prefix, "aside"))
    appendix = transmission(openers, theme, prefix, docx, view.id)
    if appendix is not None:
        root.append(appendix)
    if banners:
        footer = etree.SubElement(root, "footer")
        footer.append(banner(view, theme, docx))
    if form == "pandoc":
        root.append(source_note(view, theme, prefix, "pandoc", docx))
    return root


def nav_paragraphs(article: etree._Element) -> list[tuple[str, str]]:
    """(anchor, label) of each numbered paragraph of a laid-out article ("¶4 Li responded
    that…"), for a long cable's navigation; empty for a short one."""
    found = [(div.get("id") or "", div.get("data-label") or "") for div in article.iter("div")
             if div.get("data-label") and div.get("id")]
    return found if len(found) >= NAV_PARAGRAPHS else []
