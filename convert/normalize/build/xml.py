"""Making TEI elements: one element maker, text appended as text or tail, the indentation of
element-only containers, and inline tokens as XML."""

from __future__ import annotations

from collections.abc import Iterable
from typing import cast

from lxml import etree

from ...model import TEI_NS, XML_NS
from ..parsed import Break, Choice, Furniture, Gap, Seg, Token

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"
_NSMAP = cast("dict[str, str]", {None: TEI_NS})  # the default namespace (lxml's key: None)
_SUB = etree.SubElement

#: tag -> qualified name; keyword -> attribute name (``type_`` -> ``type``), made once
_QNAMES: dict[str, str] = {}
_ATTRIBUTES: dict[str, str] = {}


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """A TEI element (appended to ``parent`` when given), attributes with a None value left out."""
    try:
        qname = _QNAMES[tag]
    except KeyError:
        qname = _QNAMES[tag] = T + tag
    node = _SUB(parent, qname) if parent is not None else etree.Element(qname, nsmap=_NSMAP)
    if attrs:
        for key, value in attrs.items():
            if value is not None:
                try:
                    node.set(_ATTRIBUTES[key], value)
                except KeyError:
                    node.set(_ATTRIBUTES.setdefault(key, key.rstrip("_").replace("__", ":")), value)
    if text:
        node.text = text
    return node


def append_text(node: etree._Element, text: str) -> None:
    """Append text at the end of ``node``'s content (as text or as the last child's tail)."""
    if not text:
        return
    # the last child without len(node), which walks every child (a paragraph holding
    # thousands of marks would make building quadratic)
    last = next(node.iterchildren(reversed=True), None)
    if last is not None:
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


#: elements whose content is elements only: indenting them adds no text to the document
_CONTAINERS = frozenset(
    T + name
    for name in (
        "TEI",
        "listBibl",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "publicationStmt",
        "availability",
        "sourceDesc",
        "bibl",
        "author",
        "extent",
        "encodingDesc",
        "editorialDecl",
        "correction",
        "normalization",
        "hyphenation",
        "classDecl",
        "listPrefixDef",
        "taxonomy",
        "category",
        "profileDesc",
        "abstract",
        "correspDesc",
        "correspAction",
        "correspContext",
        "textClass",
        "keywords",
        "revisionDesc",
        "text",
        "body",
        "div",
        "list",
        "closer",
        "quote",
    )
)


_PADS = tuple("\n" + "  " * level for level in range(64))


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent the element-only containers so the TEI reads well in a diff; mixed content
    (opener, p, head, item, seg…) is left exactly as built."""
    if node.tag not in _CONTAINERS or not len(node) or (node.text and node.text.strip()):
        return
    children = list(node)
    for child in children:
        tail = child.tail
        if tail and tail.strip():
            return
    pad = _PADS[level + 1]
    node.text = pad
    for child in children:
        child.tail = pad
        if len(child) and child.tag in _CONTAINERS:  # (a leaf is no container to indent)
            indent(child, level + 1)
    children[-1].tail = _PADS[level]


def add_tokens(node: etree._Element, tokens: Iterable[Token]) -> None:
    for token in tokens:
        if isinstance(token, str):
            append_text(node, token)
        elif isinstance(token, Choice):
            choice = el(node, "choice")
            if token.kind == "corr":
                el(choice, "sic", token.orig)
                el(choice, "corr", token.reg, resp="#normalizer", cert=token.cert or "medium")
            else:
                el(choice, "orig", token.orig)
                el(choice, "reg", token.reg, resp="#normalizer", type=token.reason)
        elif isinstance(token, Gap):
            el(el(node, "gap", reason="redacted"), "desc", token.text)
        elif isinstance(token, Break):
            add_furniture(node, token.furniture)
        elif token.type == "quote" and token.part is None:
            add_tokens(el(node, "quote"), token.children)  # BEGIN TEXT … END TEXT in one paragraph
        else:
            seg = el(node, "seg", type=token.type, part=token.part)
            if token.ident:
                seg.set(XML_ID, token.ident)
            add_tokens(seg, token.children)


def add_furniture(node: etree._Element, furniture: Furniture) -> None:
    """Page or section furniture: ``pb``/``milestone`` plus the lines themselves in ``fw``;
    a mark: its lines in ``fw`` of their role."""
    if furniture.kind == "mark":
        for role, text in furniture.lines:
            el(node, "fw", text, type=role)
        return
    for role, text in furniture.lines:
        if role == "footer":
            el(node, "fw", text, type="footer")
    if furniture.kind == "page":
        el(node, "pb", n=furniture.n or None)
    else:
        el(node, "milestone", unit="section", n=furniture.n or None)
    for role, text in furniture.lines:
        if role != "footer":
            el(node, "fw", text, type="header" if furniture.kind == "page" else "section-banner")


__all__ = ["XML_ID", "XML_LANG", "Seg", "T", "add_furniture", "add_tokens", "append_text", "el", "indent"]
