"""The one walk over a TEI body: it lays the cable's text out as an HTML tree.

The walk builds an lxml tree (never strings), so cable text is escaped in one place: the serialiser. Elements
the walk does not know are rendered by their content, as a span or, when they hold blocks, a div: no word of
the body is ever dropped. Page-break and section artifacts (``fw``) stay out of the flow unless
``show_artifacts`` asks for them as marginal marks (a rule under a paragraph's title leaves a line break).

Every styled block and span carries its theme class and pandoc's ``data-custom-style`` (the
DOCX style name); :mod:`.html` removes the latter for the other formats, so one walk serves
them all (it runs once per cable and theme: see :func:`.html.body_section`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import cast

from lxml import etree

from ..editorial import APPENDED, MISSING_SECTION, SECOND_COPY, absent_label, appended_label, copy_label, missing_label
from ..model import XML_NS
from ..textview import ARTIFACTS, after_text, choice_reading, is_block, local_name
from ..theme import Theme
from ..view import clean, paragraph_of
from .copiedrefs import copied_references
from .passage_style import head_once, label_once, once, passage_key, quoted, quoted_apart, signature_case, signed_once
from .redactions import withheld
from .tables import table_block

_SPACE = re.compile(r"\s+")
#: a block's or a passage's language when it is not the cable's (TEI xml:lang -> HTML lang)
_XML_LANG = f"{{{XML_NS}}}lang"


def styled(theme: Theme, docx: bool, tag: str, key: str | None, *extra: str,
           parent: etree._Element | None = None) -> etree._Element:
    """A new element in the style ``key``: its CSS class and, for DOCX, its style name."""
    classes = [theme.css_class(key)] if key else []
    classes += [c for c in extra if c]
    element = etree.Element(tag) if parent is None else etree.SubElement(parent, tag)
    if classes:
        element.set("class", " ".join(classes))
    if key and docx:
        element.set("data-custom-style", theme.style(key))
    return element


def all_text(element: etree._Element) -> str:
    """Every piece of text inside ``element``, as written (alternatives included)."""
    return "".join(cast("Iterable[str]", element.itertext()))


def add_text(parent: etree._Element, text: str | None) -> None:
    """Append ``text`` (white space collapsed) after ``parent``'s last child, or as its text."""
    if not text:
        return
    text = _SPACE.sub(" ", text)
    if len(parent):
        last = parent[-1]
        last.tail = (last.tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def trim(paragraph: etree._Element | None) -> None:
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


@dataclass(slots=True)
class Walk:
    """One rendering of one cable body: the theme, the artifacts switch and what to link."""

    theme: Theme
    show_artifacts: bool
    prefix: str
    links: Mapping[str, str] = field(default_factory=dict)
    used_ids: set[str] = field(default_factory=set)
    #: the reading edition: a redaction reads as :data:`REDACTION_LABEL` (the transcript
    #: shows the source's ``XXXXXXXXXXXX``)
    edition: bool = False

    def styled(self, tag: str, key: str | None, *extra: str, parent: etree._Element | None = None
               ) -> etree._Element:
        return styled(self.theme, True, tag, key, *extra, parent=parent)

    def unique_id(self, wanted: str) -> str:
        """``wanted``, or ``wanted-2``, ``-3``…: a cable may number two paragraphs alike."""
        candidate, count = wanted, 1
        while candidate in self.used_ids:
            count += 1
            candidate = f"{wanted}-{count}"
        self.used_ids.add(candidate)
        return candidate

    # -- blocks ---------------------------------------------------------------------------
    def blocks(self, source: etree._Element, container: etree._Element,
               run: etree._Element | None = None) -> None:
        """Render ``source``'s content as blocks: inline runs become ``<p>``s; ``run``, the
        paragraph the first inline run goes on (a list item's label line), if any."""

        def flow(text: str | None) -> None:
            nonlocal run
            if not text:
                return
            if run is None:
                if not text.strip():
                    return
                run = etree.SubElement(container, "p")
            add_text(run, text)

        flow(source.text)
        for child in source:
            if not isinstance(child.tag, str) or (child.get("type") == SECOND_COPY and local_name(child) == "note"):
                flow(child.tail)  # (the second copy's note: its heading says what it is)
                continue
            if local_name(child) in ARTIFACTS and run is not None:
                self.inline(child, run)  # a page-break line inside a paragraph
            elif is_block(child) or local_name(child) in ARTIFACTS:
                trim(run)
                run = None
                self.block(child, container)
            elif local_name(child) in {"pb", "milestone"}:
                pass
            else:
                if run is None:
                    run = etree.SubElement(container, "p")
                self.inline(child, run)
            flow(child.tail)
        trim(run)

    def lines(self, source: etree._Element, container: etree._Element, key: str) -> None:
        """Each child element on a line of its own (opener, closer)."""
        def line(text: str | None) -> None:
            if text and text.strip():
                para = self.styled("div", key, parent=container)
                add_text(etree.SubElement(para, "p"), text.strip())

        line(source.text)
        signed: list[str] = []  # the name signed on the line before, if that line is a signature
        for child in source:
            if not isinstance(child.tag, str):
                line(child.tail)
                continue
            name = local_name(child)
            if name not in {"signed", "lb"}:
                signed.clear()  # (``RICE`` / ``UNQUOTE`` / ``RICE``: a quoted telegram's signer, then the cable's)
            if name in ARTIFACTS:
                self.block(child, container)
            elif name in {"lb", "pb", "milestone"}:
                pass  # every child is a line already
            elif name == "signed" and self.edition and once(child, signed):
                pass  # the signature written again (``FRISBIE`` / ``FRISBIE``): the edition signs once
            elif name == "signed":
                para = self.styled("div", "signature", signature_case(child), parent=container)
                self.blocks(signed_once(child) if self.edition else child, para)
            else:
                extra = "banner" if child.get("type") == "classification" else ""
                para = self.styled("div", key, extra, parent=container)
                if any(is_block(g) for g in child if isinstance(g.tag, str)):
                    self.blocks(child, para)
                else:
                    inner = etree.SubElement(para, "p")
                    self.inline_content(child, inner)
                    trim(inner)
            line(child.tail)

    def paragraph(self, source: etree._Element, container: etree._Element) -> None:
        key = "body"
        parent = source.getparent()
        if (parent is not None and local_name(parent) == "quote") or quoted(source):
            key = "quote"  # (a quotation's paragraph, or one all of a text quoted over paragraphs)
        else:  # the summary or a comment that opens the paragraph (not one at its end)
            key = passage_key(source) or key
        extra = "cable-paragraph" if key in {"summary", "comment"} else ""
        div = self.styled("div", key, extra, parent=container)
        if source.get(_XML_LANG):
            div.set("lang", source.get(_XML_LANG, ""))
        number = source.get("n")
        if number:
            div.set("id", self.unique_id(f"{self.prefix}p{number}"))
            # a bookmark: ¶4 Li responded…, a redaction as the text prints it
            div.set("data-label", paragraph_of(source, self.edition).label())
        self.blocks(source, div)

    def block(self, source: etree._Element, container: etree._Element) -> None:
        name = local_name(source)
        kind = source.get("type", "")
        if name in ARTIFACTS:
            if self.show_artifacts:
                mark = self.styled("div", "artifact", "marginal", parent=container)
                add_text(etree.SubElement(mark, "p"), clean(all_text(source)))
        elif name == "p":
            self.paragraph(source, container)
        elif name == "seg" and kind == "table":
            table_block(self.styled("pre", "table", parent=container), source)
        elif name == "div":
            self.div_block(source, container, kind)
        elif name == "opener":
            self.lines(source, self.styled("div", None, "opener-block", parent=container),
                       "opener")
        elif name == "ab" and self.edition and after_text(source):
            # a media partner's or a database's lines (a row, a copy of the routing header, a
            # cut preview), a Classified By line among the first blocks: the edition prints
            # them with the routing header, after the text
            self.blocks(source, self.styled("div", None, "opener-block", kind, parent=container))
        elif name == "gap" and (label := absent_label(source)):
            # the source holds no text of the telegram: every rendition says so, in its own words
            add_text(etree.SubElement(self.styled("div", "text_heading", "text-absent", parent=container), "p"), label)
        elif name == "ab" and self.edition and kind == MISSING_SECTION:
            # the archive's box where a section is missing: the edition says so in its own words
            add_text(etree.SubElement(self.styled("div", "text_heading", "missing-section", parent=container), "p"),
                     missing_label(source))
        elif name == "ab" and self.edition and kind == "rule":
            pass  # a line of dashes: the teletype's underline or separator, drawn by no edition
        elif name == "ab" and kind == "heading":
            # the cable's own heading in its text: set as a heading, no outline level
            self.blocks(source, self.styled("div", "text_heading", parent=container))
        elif name == "closer":
            self.lines(source, self.styled("div", None, "closer", parent=container), "signature")
        elif name == "head":
            div = self.styled("div", "subject" if kind in {"subject", ""} else None,
                              f"tei-head-{kind}" if kind not in {"subject", ""} else "", parent=container)
            self.blocks(head_once(source) if self.edition else source, div)
            if self.edition and kind == "subject" and (refs := copied_references(source)) is not None:
                self.list_block(refs, container, "references")  # (the references a later copy gives)
        elif name == "list":
            self.list_block(source, container, "references" if kind == "references" else "list_item")
        elif name == "quote":
            self.blocks(source, self.styled("div", "quote", parent=container))
        elif name == "signed":
            self.blocks(source, self.styled("div", "signature", signature_case(source), parent=container))
        else:
            self.blocks(source, self.styled("div", None, f"tei-{name}", parent=container))

    def div_block(self, source: etree._Element, container: etree._Element, kind: str) -> None:
        """A span of paragraphs (summary, comment), a second cable the page prints after this
        one or the source's second copy of the text (each begun by the edition's line), another part."""
        if kind in {"summary", "comment"}:
            self.blocks(source, self.styled("div", kind, parent=container))
        elif self.edition and kind == APPENDED:
            # a second cable the page prints after this one: the edition says where it begins
            part = self.styled("div", None, "appended-cable", parent=container)
            label = appended_label(source)
            if label:
                add_text(etree.SubElement(self.styled("div", "text_heading", parent=part), "p"), label)
            self.blocks(source, part)
        elif kind == SECOND_COPY:
            # the source's second copy of the text: set apart, under a heading of its own (its note is the matter)
            part = self.styled("div", None, "second-copy", parent=container)
            if self.edition:
                add_text(etree.SubElement(self.styled("div", "text_heading", "second-copy-heading", parent=part),
                                          "p"), copy_label(source))
            self.blocks(source, part)
        else:
            self.blocks(source, self.styled("div", None, "tei-div", parent=container))

    def list_block(self, source: etree._Element, container: etree._Element, key: str) -> None:
        """A list: each item (with the label before it) on a line of its own."""
        style = "references" if key == "references" else "quote" if quoted_apart(source) else None
        outer = self.styled("div", style, "" if key == "references" else "cable-list", parent=container)
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
            if child.get("rend") == "run-in" and len(outer) and self.run_in(pending, child, outer[-1]):
                pending = []  # a reference written on the line of the one before it: printed there
                continue
            holder = self.styled("div", item_key, "list-entry", parent=outer)
            if pending and name == "item":
                self.labelled_item(pending, child, holder)
                pending = []
            elif name == "item":
                self.blocks(child, holder)
            elif is_block(child):
                self.block(child, holder)
            else:
                self.blocks(child, holder)
        for label in pending:
            self.blocks(label, self.styled("div", item_key, parent=outer))

    def run_in(self, labels: list[etree._Element], item: etree._Element, entry: etree._Element) -> bool:
        """A reference on the line of the entry before it (``(A) STATE 37552, (B) REYKJAVIK
        50``), with its labels; False where that entry is no single line or the item holds a
        block (a page-break line)."""
        if "list-entry" not in entry.get("class", "").split() or len(entry) != 1 or entry[0].tag != "p":
            return False
        if any(is_block(g) for g in item if isinstance(g.tag, str)):
            return False
        line = entry[0]
        add_text(line, " ")
        self.labels(labels, line)
        self.inline_content(item, line)
        trim(line)
        return True

    def labels(self, labels: list[etree._Element], line: etree._Element) -> None:
        """An item's labels at the end of ``line``, each followed by a space."""
        for label in labels:
            if not all_text(label).strip():
                continue  # an empty label (<label/>) would print a doubled space: "REF A  09 CAIRO 074"
            span = etree.SubElement(line, "span", {"class": "ref-label"})
            single = label_once(label) if self.edition else None
            if single:  # (``A. A) MEXICO 1963``: the letter written twice, printed once; the TEI keeps both)
                add_text(span, single)
            else:
                self.inline_content(label, span)
            span.tail = " "

    def labelled_item(self, labels: list[etree._Element], item: etree._Element,
                      holder: etree._Element) -> None:
        """A list item with its labels (``Ref A:``) at the start of its first line."""
        line = etree.SubElement(holder, "p")
        self.labels(labels, line)
        if any(is_block(g) for g in item if isinstance(g.tag, str)):
            # the item's first words stay on the label's line: a page-break line (``fw``)
            # inside the item is no block of the reading text, a nested list or quote is
            self.blocks(item, holder, run=line)
        else:
            self.inline_content(item, line)
            trim(line)

    # -- inline ---------------------------------------------------------------------------
    def inline_content(self, source: etree._Element, target: etree._Element) -> None:
        add_text(target, source.text)
        for child in source:
            if isinstance(child.tag, str):
                self.inline(child, target)
            add_text(target, child.tail)

    def inline(self, source: etree._Element, target: etree._Element) -> None:
        name = local_name(source)
        kind = source.get("type", "")
        if name in {"pb", "milestone", "anchor"}:
            return
        if name == "lb" or (name == "fw" and kind == "separator" and not self.show_artifacts):
            etree.SubElement(target, "br")  # (a rule under a paragraph's title, 09ASMARA47: the text goes on under it)
            return
        if name in ARTIFACTS:
            if self.show_artifacts:
                mark = self.styled("span", "artifact", "marginal", parent=target)
                add_text(mark, clean(all_text(source)))
            return
        if name == "choice":
            for shown in choice_reading(source):
                self.inline_content(shown, target)
            return
        span = self.inline_element(source, target, name, kind)
        if span is not None:
            self.inline_content(source, span)

    def inline_element(self, source: etree._Element, target: etree._Element, name: str, kind: str
                       ) -> etree._Element | None:
        """The element an inline TEI element becomes (None: it is rendered already)."""
        if name == "label" and kind == "paragraph-number":
            return self.styled("span", "paragraph_number", parent=target)
        if name == "seg" and kind == "portion-marking":
            return self.styled("span", "portion_marking", parent=target)
        if name == "gap":
            # the characters the source shows (@rend; a TEI of an older profile: its desc)
            written = clean(source.get("rend") or all_text(source))
            withheld(self.styled("span", "redaction", parent=target), written, source.tail, self.edition)
            return None
        if name == "foreign":  # a quoted passage in another language: its language for readers and speech
            return etree.SubElement(target, "span", {"class": "tei-foreign", "lang": source.get(_XML_LANG, "")})
        if name == "hi":
            rend = source.get("rend", "")
            return etree.SubElement(target, "em" if "italic" in rend else "strong" if "bold" in rend else "span")
        if name == "ref":
            href = self.links.get((source.get("target") or "").removeprefix("cable:"))
            if href:
                return etree.SubElement(target, "a", {"href": href, "class": "cable-ref"})
            return etree.SubElement(target, "span", {"class": "ref"})
        css = f"tei-{name}" + (f" {name}-{kind}" if kind else "")
        return etree.SubElement(target, "span", {"class": re.sub(r"[^A-Za-z0-9 _-]", "", css)})
