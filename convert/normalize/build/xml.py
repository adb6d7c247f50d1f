"""Making TEI elements: one element maker (the header's; the text is written as markup,
:mod:`.markup`), the indentation of element-only containers."""

from __future__ import annotations

from typing import cast

from lxml import etree

from ...model import TEI_NS, XML_NS

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
        "notesStmt",
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


#: who withheld a redacted name or detail (the id of the header's respStmt, made the cable's)
WITHHELD = "withheld"
WITHHELD_DESC = (
    "A name or detail withheld at publication (2010-2011) by WikiLeaks and its media partners, "
    "not by the United States government"
)


__all__ = ["WITHHELD", "WITHHELD_DESC", "XML_ID", "XML_LANG", "T", "el", "indent"]
