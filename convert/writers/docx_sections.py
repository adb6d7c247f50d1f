"""A volume DOCX in sections, as a printed volume is made: the title page, the contents, one
section per cable and the index, each starting on a new page. A cable's section has its own
header and footer: that cable's classification line at the top and bottom of its pages (not
the volume's highest), its id beside the page number.

Pandoc writes one section (the body's ``sectPr``, from the reference document). Each section
opens where pandoc put the bookmark of its first block (the ids the volume gives its
contents, articles and index); the section before it ends on the last paragraph before that
bookmark, whose properties then carry a ``sectPr`` (a "next page" break) with the header and
footer parts made for it from the reference document's, placeholders filled.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from lxml import etree

from ..errors import RenderError
from .reference import CT_NS, PKG_REL_NS, R_NS, W_NS

_W = f"{{{W_NS}}}"
_REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PART_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml"
DOCUMENT, RELS, TYPES = "word/document.xml", "word/_rels/document.xml.rels", "[Content_Types].xml"
#: the parts of pandoc's DOCX that :func:`sectioned` reads and rewrites
PARTS = (DOCUMENT, RELS, TYPES)


@dataclass(frozen=True, slots=True)
class Section:
    """A section of the volume: the bookmark that opens it (None: the document's start) and
    the values of its header and footer (None: no running head, as on the title page)."""

    start: str | None
    heads: Mapping[str, str] | None
    #: each link in it to a place in the document is followed by that place's page, " (page
    #: 12)", a PAGEREF field that Word and LibreOffice compute (the contents, the index)
    page_references: bool = False


def _xml(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _openings(body: etree._Element, sections: Sequence[Section], source: str) -> list[int]:
    """The index, among the body's children, of the block that opens each section (a name
    that opens several sections, a cable given twice, is taken at its next place each time)."""
    position = {child: index for index, child in enumerate(body)}
    found: dict[str, list[int]] = {}
    for mark in body.iter(f"{_W}bookmarkStart"):
        top: etree._Element | None = mark
        while top is not None and top.getparent() is not body:
            top = top.getparent()
        if top is not None:
            found.setdefault(mark.get(f"{_W}name") or "", []).append(position[top])
    openings = [0]
    for section in sections[1:]:
        places = [p for p in found.get(section.start or "", []) if p > openings[-1]]
        if section.start is None or not places:
            raise RenderError(source, f"no bookmark {section.start!r} after the previous "
                              "section's in pandoc's DOCX")
        openings.append(places[0])
    return openings


def _properties(final: etree._Element, references: list[tuple[str, str]]) -> etree._Element:
    """A ``sectPr`` like the body's (page size and margins) that starts on a new page and
    names these (kind, relationship id) header and footer parts."""
    section = etree.Element(f"{_W}sectPr")
    for kind, rid in references:
        reference = etree.SubElement(section, f"{_W}{kind}Reference")
        reference.set(f"{_W}type", "default")
        reference.set(f"{{{R_NS}}}id", rid)
    etree.SubElement(section, f"{_W}type").set(f"{_W}val", "nextPage")
    for child in final:
        if etree.QName(child).localname not in {"headerReference", "footerReference", "type"}:
            section.append(copy.deepcopy(child))
    return section


def _close(body: etree._Element, start: int, end: int, properties: etree._Element) -> None:
    """End the section made of the body's children ``start:end`` with ``properties``: on its
    last paragraph, or on an empty one added after a closing table."""
    children = list(body)
    last = None
    for child in reversed(children[start:end]):
        if child.tag == f"{_W}tbl":
            break
        if child.tag == f"{_W}p":
            last = child
            break
    if last is None:
        last = etree.Element(f"{_W}p")
        children[end].addprevious(last)
    ppr = last.find(f"{_W}pPr")
    if ppr is None:
        ppr = etree.Element(f"{_W}pPr")
        last.insert(0, ppr)
    ppr.append(properties)


_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def _page_reference(link: etree._Element, bookmark: str) -> None:
    """Put " (page N)" after a link: N is a PAGEREF field to the bookmark, marked dirty so
    that Word computes it on opening (LibreOffice computes it as it lays the pages out)."""
    runs = []

    def run(tag: str, **attributes: str) -> etree._Element:
        runs.append(etree.Element(f"{_W}r"))
        element = etree.SubElement(runs[-1], f"{_W}{tag}")
        for key, value in attributes.items():
            element.set(f"{_W}{key}", value)
        return element

    opening = run("t")
    opening.text = " (page "
    opening.set(_SPACE, "preserve")
    run("fldChar", fldCharType="begin", dirty="true")
    instruction = run("instrText")
    instruction.text = f" PAGEREF {bookmark} \\h "
    instruction.set(_SPACE, "preserve")
    run("fldChar", fldCharType="separate")
    run("t").text = "?"
    run("fldChar", fldCharType="end")
    run("t").text = ")"
    for element in reversed(runs):
        link.addnext(element)


def _pages_of_links(blocks: Sequence[etree._Element]) -> None:
    """Each link to a bookmark among ``blocks`` is followed by that bookmark's page."""
    for block in blocks:
        if block.tag == f"{_W}p":
            for link in block.iterfind(f"{_W}hyperlink[@{_W}anchor]"):
                _page_reference(link, link.get(f"{_W}anchor") or "")


def _register(rels: etree._Element, types: etree._Element, kind: str, number: int) -> str:
    """Declare ``word/{kind}{number}.xml`` (a header or footer part): its relationship from
    the document (whose id is returned) and its content type."""
    rid = f"rIdSection{number}{kind.title()}"
    relationship = etree.SubElement(rels, f"{{{PKG_REL_NS}}}Relationship")
    relationship.set("Id", rid)
    relationship.set("Type", f"{_REL_TYPE}/{kind}")
    relationship.set("Target", f"{kind}{number}.xml")
    override = etree.SubElement(types, f"{{{CT_NS}}}Override")
    override.set("PartName", f"/word/{kind}{number}.xml")
    override.set("ContentType", f"{_PART_TYPE}.{kind}+xml")
    return rid


def sectioned(parts: Mapping[str, bytes], sections: Sequence[Section],
              heads: Callable[[str, Mapping[str, str]], bytes], source: str) -> dict[str, bytes]:
    """The parts that give pandoc's DOCX these sections: its document, relationships and
    content types (from ``parts``), and a header and footer part per section that has heads,
    made by ``heads(kind, values)`` (kind: ``header`` or ``footer``). Section parts are
    numbered from 2: pandoc's ``header1.xml``/``footer1.xml`` stay as they are."""
    document = etree.fromstring(parts[DOCUMENT])
    body = document.find(f"{_W}body")
    final = body[-1] if body is not None and len(body) else None
    if body is None or final is None or final.tag != f"{_W}sectPr":
        raise RenderError(source, "pandoc's DOCX has no section properties")
    openings = _openings(body, sections, source)
    rels, types = etree.fromstring(parts[RELS]), etree.fromstring(parts[TYPES])
    out: dict[str, bytes] = {}
    properties = []
    for number, section in enumerate(sections, start=2):
        references = []
        if section.heads is not None:
            for kind in ("header", "footer"):
                out[f"word/{kind}{number}.xml"] = heads(kind, section.heads)
                references.append((kind, _register(rels, types, kind, number)))
        properties.append(_properties(final, references))
    children = list(body)
    for index, section in enumerate(sections):
        if section.page_references:
            end = openings[index + 1] if index + 1 < len(sections) else len(children)
            _pages_of_links(children[openings[index]:end])
    for index in reversed(range(len(sections) - 1)):  # from the end: earlier indices hold
        _close(body, openings[index], openings[index + 1], properties[index])
    body.replace(final, properties[-1])
    out.update({DOCUMENT: _xml(document), RELS: _xml(rels), TYPES: _xml(types)})
    return out
