"""TEI -> HTML: the standalone page, and the shared step for PDF, EPUB, DOCX and Markdown.

One walk over the TEI body builds an lxml tree (never strings), so cable text is escaped in
one place: the serialiser. Elements the walk does not know are rendered by their content, as
a span or, when they hold blocks, a div: no word of the body is ever dropped. Page-break and
section artifacts (``fw``) stay out of the flow unless ``show_artifacts`` asks for them as
marginal marks. ``flavour`` adds what a consumer needs: ``docx`` puts pandoc's
``data-custom-style`` on every styled block and span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from lxml import etree
from lxml import html as lxml_html

from ..model import TEI_NS, Cable
from ..options import WriteOptions
from ..theme import Theme, load_theme, stylesheet
from .facts import ARTIFACTS, CableFacts, cable_facts, choice_reading, clean, is_block, local_name

_T = f"{{{TEI_NS}}}"
_SPACE = re.compile(r"\s+")
FLAVOURS = ("html", "epub", "docx")


def anchor_id(cable_id: str) -> str:
    """The HTML id of a cable's article (used by volume links)."""
    return "cable-" + re.sub(r"[^A-Za-z0-9_-]", "-", cable_id)


@dataclass(slots=True)
class _Walk:
    """One rendering of one cable body: the theme, the flavour and what to link."""

    theme: Theme
    flavour: str
    show_artifacts: bool
    prefix: str
    links: Mapping[str, str] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``…: a cable may number two paragraphs alike."""
        candidate, count = wanted, 1
        while candidate in self.used_ids:
            count += 1
            candidate = f"{wanted}-{count}"
        self.used_ids.add(candidate)
        return candidate

    # -- small builders -------------------------------------------------------------------
    def styled(self, tag: str, key: str | None, *extra: str, parent: etree._Element | None = None
               ) -> etree._Element:
        classes = [self.theme.css_class(key)] if key else []
        classes += [c for c in extra if c]
        element = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
        if classes:
            element.set("class", " ".join(classes))
        if key and self.flavour == "docx":
            element.set("data-custom-style", self.theme.style(key))
        return element

    @staticmethod
    def add_text(parent: etree._Element, text: str | None) -> None:
        if not text:
            return
        text = _SPACE.sub(" ", text)
        if len(parent):
            last = parent[-1]
            last.tail = (last.tail or "") + text
        else:
            parent.text = (parent.text or "") + text

    # -- blocks ---------------------------------------------------------------------------
    def blocks(self, source: etree._Element, container: etree._Element) -> None:
        """Render ``source``'s content as blocks: inline runs become ``<p>``s."""
        run: list[etree._Element | None] = [None]

        def flow(text: str | None) -> None:
            if not text:
                return
            if run[0] is None:
                if not text.strip():
                    return
                run[0] = etree.SubElement(container, "p")
            self.add_text(run[0], text)

        flow(source.text)
        for child in source:
            if not isinstance(child.tag, str):
                flow(child.tail)
                continue
            if local_name(child) in ARTIFACTS and run[0] is not None:
                self.inline(child, run[0])  # a page-break line inside a paragraph
            elif is_block(child) or local_name(child) in ARTIFACTS:
                _trim(run[0])
                run[0] = None
                self.block(child, container)
            elif local_name(child) in {"pb", "milestone"}:
                pass
            else:
                if run[0] is None:
                    run[0] = etree.SubElement(container, "p")
                self.inline(child, run[0])
            flow(child.tail)
        _trim(run[0])

    def lines(self, source: etree._Element, container: etree._Element, key: str) -> None:
        """Each child element on a line of its own (opener, closer)."""
        def line(text: str | None) -> None:
            if text and text.strip():
                para = self.styled("div", key, parent=container)
                self.add_text(etree.SubElement(para, "p"), text.strip())

        line(source.text)
        for child in source:
            if not isinstance(child.tag, str):
                line(child.tail)
                continue
            name = local_name(child)
            if name in ARTIFACTS:
                self.block(child, container)
            elif name in {"lb", "pb", "milestone"}:
                pass  # every child is a line already
            elif name == "signed":
                para = self.styled("div", "signature", parent=container)
                self.blocks(child, para)
            else:
                extra = "banner" if child.get("type") == "classification" else ""
                para = self.styled("div", key, extra, parent=container)
                if any(is_block(g) for g in child if isinstance(g.tag, str)):
                    self.blocks(child, para)
                else:
                    inner = etree.SubElement(para, "p")
                    self.inline_content(child, inner)
                    _trim(inner)
            line(child.tail)

    def block(self, source: etree._Element, container: etree._Element) -> None:
        name = local_name(source)
        kind = source.get("type", "")
        if name in ARTIFACTS:
            if self.show_artifacts:
                mark = self.styled("div", "artifact", "marginal", parent=container)
                self.add_text(etree.SubElement(mark, "p"), clean("".join(source.itertext())))
            return
        if name == "p":
            key = "body"
            parent = source.getparent()
            if parent is not None and local_name(parent) == "quote":
                key = "quote"
            elif source.xpath(".//t:seg[@type='summary']", namespaces={"t": TEI_NS}):
                key = "summary"
            elif source.xpath(".//t:seg[@type='comment']", namespaces={"t": TEI_NS}):
                key = "comment"
            extra = "cable-paragraph" if key in {"summary", "comment"} else ""
            div = self.styled("div", key, extra, parent=container)
            number = source.get("n")
            if number:
                div.set("id", self.unique_id(f"{self.prefix}p{number}"))
                div.set("data-label", f"\u00b6 {number}")
            self.blocks(source, div)
        elif name == "div" and kind in {"summary", "comment"}:
            self.blocks(source, self.styled("div", kind, parent=container))
        elif name == "opener":
            self.lines(source, self.styled("div", None, "opener-block", parent=container),
                       "opener")
        elif name == "closer":
            self.lines(source, self.styled("div", None, "closer", parent=container), "signature")
        elif name == "head":
            div = self.styled("div", "subject" if kind in {"subject", ""} else None,
                              f"tei-head-{kind}" if kind not in {"subject", ""} else "",
                              parent=container)
            self.blocks(source, div)
        elif name == "list":
            self.list(source, container, "references" if kind == "references" else "list_item")
        elif name == "quote":
            self.blocks(source, self.styled("div", "quote", parent=container))
        elif name == "signed":
            self.blocks(source, self.styled("div", "signature", parent=container))
        else:
            self.blocks(source, self.styled("div", None, f"tei-{name}", parent=container))

    def list(self, source: etree._Element, container: etree._Element, key: str) -> None:
        """A list: each item (with the label before it) on a line of its own."""
        outer = self.styled("div", "references" if key == "references" else None,
                            "" if key == "references" else "cable-list", parent=container)
        item_key = None if key == "references" else "list_item"
        pending: list[etree._Element] = []  # a list head and labels go before the next item
        for child in source:
            if not isinstance(child.tag, str):
                continue
            name = local_name(child)
            if name in {"label", "head"}:
                pending.append(child)
                continue
            if name in ARTIFACTS:
                self.block(child, outer)
                continue
            if name in {"pb", "milestone"}:
                continue
            holder = self.styled("div", item_key, "list-entry", parent=outer)
            if pending and name == "item":
                line = etree.SubElement(holder, "p")
                for label in pending:
                    span = etree.SubElement(line, "span", {"class": "ref-label"})
                    self.inline_content(label, span)
                    span.tail = " "
                pending = []
                if any(is_block(g) for g in child if isinstance(g.tag, str)):
                    self.blocks(child, holder)
                else:
                    self.inline_content(child, line)
                    _trim(line)
            elif name == "item":
                self.blocks(child, holder)
            elif is_block(child):
                self.block(child, holder)
            else:
                self.blocks(child, holder)
        for label in pending:
            self.blocks(label, self.styled("div", item_key, parent=outer))

    # -- inline ---------------------------------------------------------------------------
    def inline_content(self, source: etree._Element, target: etree._Element) -> None:
        self.add_text(target, source.text)
        for child in source:
            if isinstance(child.tag, str):
                self.inline(child, target)
            self.add_text(target, child.tail)

    def inline(self, source: etree._Element, target: etree._Element) -> None:
        name = local_name(source)
        kind = source.get("type", "")
        if name in {"pb", "milestone", "anchor"}:
            return
        if name in ARTIFACTS:
            if self.show_artifacts:
                span = self.styled("span", "artifact", "marginal", parent=target)
                self.add_text(span, clean("".join(source.itertext())))
            return
        if name == "choice":
            for shown in choice_reading(source):
                self.inline_content(shown, target)
            return
        if name == "lb":
            etree.SubElement(target, "br")
            return
        if name == "label" and kind == "paragraph-number":
            span = self.styled("span", "paragraph_number", parent=target)
        elif name == "seg" and kind == "portion-marking":
            span = self.styled("span", "portion_marking", parent=target)
        elif name == "gap":
            span = self.styled("span", "redaction", parent=target)
            if not "".join(source.itertext()).strip():
                span.text = "[redacted]"
                return
        elif name == "hi":
            rend = source.get("rend", "")
            tag = "em" if "italic" in rend else "strong" if "bold" in rend else "span"
            span = etree.SubElement(target, tag)
        elif name == "ref":
            cable_id = (source.get("target") or "").removeprefix("cable:")
            href = self.links.get(cable_id)
            if href:
                span = etree.SubElement(target, "a", {"href": href, "class": "cable-ref"})
            else:
                span = etree.SubElement(target, "span", {"class": "ref"})
        else:
            css = f"tei-{name}" + (f" {name}-{kind}" if kind else "")
            span = etree.SubElement(target, "span", {"class": re.sub(r"[^A-Za-z0-9 _-]", "", css)})
        self.inline_content(source, span)


def _trim(paragraph: etree._Element | None) -> None:
    """Strip the whitespace at the edges of an inline run."""
    if paragraph is None:
        return
    if paragraph.text:
        paragraph.text = paragraph.text.lstrip()
    elif len(paragraph) and not paragraph.text:
        first = paragraph[0]
        if first.text and not len(first):
            first.text = first.text.lstrip()
    if len(paragraph):
        last = paragraph[-1]
        if last.tail:
            last.tail = last.tail.rstrip()
    elif paragraph.text:
        paragraph.text = paragraph.text.rstrip()


def _meta_line(walk: _Walk, parent: etree._Element, label: str, values: Iterable[str],
               value_class: str = "") -> None:
    values = [value for value in values if value]
    if not values:
        return
    line = etree.SubElement(parent, "p")
    strong = etree.SubElement(line, "strong", {"class": "meta-label"})
    strong.text = f"{label}:"
    strong.tail = " "
    value = etree.SubElement(line, "span", {"class": value_class} if value_class else {})
    value.text = "; ".join(values)


def metadata_block(walk: _Walk, facts: CableFacts, parent: etree._Element) -> None:
    """The cable's facts as labelled lines, in one styled block."""
    block = walk.styled("div", "metadata", parent=parent)
    _meta_line(walk, block, "Cable", [facts.id], "cable-id-value")
    date = facts.date or facts.dtg
    if facts.date and facts.dtg:
        date = f"{facts.date} ({facts.dtg})"
    _meta_line(walk, block, "Date", [date or ""])
    _meta_line(walk, block, "From", [facts.origin or ""] if facts.origin else facts.sender)
    _meta_line(walk, block, "To", facts.to)
    _meta_line(walk, block, "Info", facts.info)
    _meta_line(walk, block, "Classification", [facts.classification])
    _meta_line(walk, block, "TAGS", [" ".join(facts.tags)])
    _meta_line(walk, block, "Subject", [facts.subject])
    if facts.references:
        line = etree.SubElement(block, "p")
        strong = etree.SubElement(line, "strong", {"class": "meta-label"})
        strong.text = "References:"
        for number, ref in enumerate(facts.references):
            walk.add_text(line, " " if number == 0 else "; ")
            text = " ".join(part for part in (ref.label, ref.text) if part)
            href = walk.links.get(ref.cable_id or "")
            if href:
                link = etree.SubElement(line, "a", {"href": href, "class": "cable-ref"})
                link.text = text
            else:
                walk.add_text(line, text)


def classification_line(walk: _Walk, facts: CableFacts, parent: etree._Element,
                        running: bool) -> None:
    block = walk.styled("div", "classification", "running" if running else "", parent=parent)
    etree.SubElement(block, "p").text = facts.classification


def article(cable: Cable, options: WriteOptions, flavour: str = "html",
            links: Mapping[str, str] | None = None, title_as_heading: bool = True
            ) -> etree._Element:
    """One cable as an HTML ``<article>``: classification, title, metadata, body, closer.

    ``links`` maps cable ids to hrefs (a volume links each REF to its cable).
    ``title_as_heading`` writes the subject as ``<h1>`` (navigation in EPUB/PDF/volumes);
    otherwise as a paragraph in the Title style (a single-cable DOCX).
    """
    if flavour not in FLAVOURS:
        raise ValueError(flavour)
    theme = load_theme(options.theme)
    facts = cable_facts(cable)
    prefix = anchor_id(facts.id) + "-"
    walk = _Walk(theme, flavour, options.show_artifacts, prefix, dict(links or {}))
    root = etree.Element("article", {"class": "cable", "id": anchor_id(facts.id),
                                     "lang": facts.lang})
    header = etree.SubElement(root, "header")
    if title_as_heading:
        title = walk.styled("h1", "title", parent=header)
        title.set("id", prefix + "title")
        title.text = facts.subject
        if flavour == "docx":
            del title.attrib["data-custom-style"]
    else:
        title = walk.styled("div", "title", parent=header)
        etree.SubElement(title, "p").text = facts.subject
    # after the title: pandoc starts an EPUB chapter at the first heading
    classification_line(walk, facts, header, running=True)
    metadata_block(walk, facts, header)
    section = etree.SubElement(root, "section", {"class": "telegram"})
    body = cable.tei.find(f"{_T}text/{_T}body")
    if body is not None:
        walk.blocks(body, section)
    footer = etree.SubElement(root, "footer")
    classification_line(walk, facts, footer, running=False)
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


def document_meta(facts: CableFacts, modified_iso: str) -> dict[str, str]:
    """``<meta>`` values weasyprint reads into the PDF's document information."""
    return {
        "author": facts.origin or "",
        "keywords": ", ".join(facts.tags),
        "description": facts.classification,
        "dcterms.created": facts.date or modified_iso,
        "dcterms.modified": modified_iso,
    }


def serialize(root: etree._Element) -> bytes:
    """HTML5 bytes (UTF-8): the one place cable text is escaped."""
    text: str = lxml_html.tostring(root, method="html", encoding="unicode",
                                   doctype="<!DOCTYPE html>")
    return (text + "\n").encode("utf-8")


def modified_iso(cable: Cable, options: WriteOptions) -> str:
    """The document timestamp: SOURCE_DATE_EPOCH from options, else the cable's date."""
    from .facts import epoch_to_iso, iso_to_epoch

    if options.source_date_epoch is not None:
        return epoch_to_iso(options.source_date_epoch)
    epoch = iso_to_epoch(cable.date)
    return epoch_to_iso(epoch if epoch is not None else 0)


def write(cable: Cable, options: WriteOptions) -> bytes:
    """A standalone, accessible HTML page for one cable, the screen stylesheet inlined."""
    facts = cable_facts(cable)
    css = stylesheet(options.theme, "screen", options.paper)
    root = document([article(cable, options)], facts.subject, facts.lang, css,
                    document_meta(facts, modified_iso(cable, options)))
    return serialize(root)
