"""Where a partial extract's sender and addressees were read (issue 14, item 3): when its head
has no DTG and no FM line and a routing block repeated in the text gave them (the
``routing.later`` rules), the TEI says so on what it took from there: ``@source`` on the
sending office (``correspAction[@type='sent']/orgName`` and the telegram's ``author``) and on
each received action, pointing at the block of the text that holds the repeated lines."""

from __future__ import annotations

from typing import cast

from lxml import etree

from .xml import XML_ID, T

#: the elements a pointer may name (the profile's ``repeatedSource``)
BLOCKS = frozenset({"p", "ab", "head", "list", "quote", "opener", "closer"})
_CORRESP = f"{T}teiHeader/{T}profileDesc/{T}correspDesc/{T}correspAction"
_AUTHOR = f"{T}teiHeader/{T}fileDesc/{T}sourceDesc/{T}bibl[@type='telegram']/{T}author/{T}orgName"


def holder(div: etree._Element, line: str) -> etree._Element | None:
    """The first block with an id in ``div`` whose text holds ``line`` (white space aside),
    or its innermost such block (a paragraph rather than a list around it); the repeated
    header the rule read is the first in the text."""
    wanted = " ".join(line.split())
    found = None
    for node in div.iter():
        if node is div or not isinstance(node.tag, str) or not node.get(XML_ID):
            continue
        if etree.QName(node).localname not in BLOCKS:
            continue  # a span inside a block (the summary's seg): the pointer names the block
        if found is not None and node not in found.iterdescendants():
            break  # past the first block that holds it
        if wanted in " ".join("".join(cast("list[str]", list(node.itertext()))).split()):
            found = node
    return found


def repeated_source(tei: etree._Element, fm_line: str) -> bool:
    """``@source`` on what was read from the repeated header whose FM line is ``fm_line``;
    whether the block holding it was found (the text keeps it: it always should be)."""
    div = tei.find(f"{T}text/{T}body/{T}div[@type='telegram']")
    block = holder(div, fm_line) if div is not None else None
    if block is None:
        return False
    pointer = "#" + (block.get(XML_ID) or "")
    targets = [*tei.iterfind(f"{_CORRESP}[@type='sent']/{T}orgName"), *tei.iterfind(_AUTHOR),
               *tei.iterfind(f"{_CORRESP}[@type='received']")]
    for node in targets:
        node.set("source", pointer)
    return True


__all__ = ["holder", "repeated_source"]
