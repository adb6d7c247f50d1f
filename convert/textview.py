"""Two plain-text views of a TEI cable, used by writers, the JSON record and the checks.

- :func:`reading_text`: what a reader sees — regularised forms (``reg``/``corr``), no page
  furniture (``fw``, ``pb``, ``milestone``).
- :func:`source_text`: what the source said — original forms (``orig``/``sic``), furniture
  included. Every word of the input must be found here.
"""

from __future__ import annotations

from lxml import etree

from .model import TEI_NS

_T = f"{{{TEI_NS}}}"
READING_SKIP = frozenset(_T + n for n in ("orig", "sic", "fw", "pb", "milestone", "note"))
SOURCE_SKIP = frozenset(_T + n for n in ("reg", "corr"))
#: elements that stand apart from their neighbours: a space is put around them
BLOCKS = frozenset(
    _T + n
    for n in (
        "p",
        "ab",
        "head",
        "item",
        "label",
        "list",
        "fw",
        "lb",
        "pb",
        "milestone",
        "opener",
        "closer",
        "signed",
        "dateline",
        "quote",
        "div",
        "body",
        "text",
        "note",
    )
)


def _walk(node: etree._Element, skip: frozenset[str], parts: list[str], root: etree._Element) -> None:
    if node.tag in skip and node is not root:
        return
    block = node.tag in BLOCKS
    if block:
        parts.append(" ")
    if node.text:
        parts.append(node.text)
    for child in node:
        _walk(child, skip, parts, root)
        if child.tail:
            parts.append(child.tail)
    if block:
        parts.append(" ")


def reading_text(node: etree._Element, skip: frozenset[str] = READING_SKIP) -> str:
    parts: list[str] = []
    _walk(node, skip, parts, node)
    return " ".join("".join(parts).split())


def source_text(node: etree._Element) -> str:
    parts: list[str] = []
    _walk(node, SOURCE_SKIP, parts, node)
    return " ".join("".join(parts).split())
