"""Tagged PDF: weasyprint's ``pdf/a-3a`` output finished to be PDF/UA-1 as well.

weasyprint 70 writes a structure tree for ``pdf/a-3a`` (headings, paragraphs, lists, links,
``/Lang``, ``/MarkInfo``, ``DisplayDocTitle``) but not all PDF/UA-1 asks, and not the
edition's own structure. Three steps, all on weasyprint's public objects except one:

1. :func:`mark_roles` (the print HTML, before layout): the edition's structure as
   ``data-pdf-*`` attributes: paragraph numbers ``Lbl``, the source note ``Note``, a
   redaction's ``title`` its alternate text.
2. :func:`install` wraps weasyprint's private ``pdf.tags._build_box_tree`` so that those
   attributes (and ``lang``) reach the structure elements, and replaces its private
   ``_get_pdf_tag`` so that a text run's marked content goes straight into its element
   instead of a ``Span`` of its own: the only uses of private functions, hence the pin
   ``weasyprint>=70,<71`` and the guard tests ``test_pdf_tags.py``, ``test_pdf_tag_tree.py``.
3. :func:`finisher` (weasyprint's documented ``finisher=`` hook, on the pydyf objects before
   they are written): one uncompressed XMP packet saying both ``pdfaid`` 3/A and ``pdfuaid``
   1 with the PDF/A extension schema that declares ``pdfuaid``; the content of the page
   margin boxes (running heads, page numbers), which weasyprint maps to structure elements
   it never links into the tree, marked ``/Artifact /Pagination``; the notes' ``/ID`` made
   unique and listed in an ``IDTree``; a ``Span`` that holds one run of text and nothing
   else folded into its parent (weasyprint would write one per text run, which step 2
   prevents; what is left to fold is an HTML ``span`` of one run: it says nothing a reader
   needs).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from lxml import etree

from ..theme import Theme

#: the weasyprint release series whose private tagging function :func:`install` wraps
WEASYPRINT_SERIES = "70."
ROLE = "data-pdf-role"
ALT = "data-pdf-alt"

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_EXT = "http://www.aiim.org/pdfa/ns/extension/"
_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
PDFUAID = "http://www.aiim.org/pdfua/ns/id/"
_PACKET_HEAD = b'<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>\n<x:xmpmeta xmlns:x="adobe:ns:meta/">'
_PACKET_FOOT = b'</x:xmpmeta>\n<?xpacket end="r"?>'


# --- 1. the edition's structure in the print HTML --------------------------------------------


def mark_roles(root: etree._Element, theme: Theme) -> etree._Element:
    """Mark the print HTML ``root`` (in place) with the structure types weasyprint cannot
    guess from the tag: the paragraph numbers (``Lbl``), the source note (``Note``, its
    ``id`` the structure element's ``/ID``), the redactions' alternate text (their
    ``title``: what was withheld)."""
    number = theme.css_class("paragraph_number")
    redaction = theme.css_class("redaction")
    for link in root.iter("a"):  # weasyprint gives an inline box inside a link its own annotation,
        for inner in link.iterdescendants():  # whose structure element must be a Link
            inner.set(ROLE, "Link")
    for element in root.iter("span", "aside"):
        classes = (element.get("class") or "").split()
        if element.tag == "aside" and element.get("role") == "doc-footnote":
            element.set(ROLE, "Note")
        elif number in classes:
            element.set(ROLE, "Lbl")
        elif redaction in classes and element.get("title"):
            element.set(ALT, element.get("title") or "")
    return root


# --- 2. the attributes into the structure elements (weasyprint's private function) ----------


def _apply(box: Any, element: Any, parent: Any) -> None:
    import pydyf

    source = getattr(box, "element", None)
    tag = getattr(box, "element_tag", None) or ""
    if (source is None or tag in ("html", "body") or "::" in tag or element.get("P") != parent.reference
            or type(getattr(box, "style", None)).__name__ == "AnonymousStyle"):
        return  # not an element's own box (an anonymous box shares its parent's element)
    role = source.get(ROLE)
    if role:
        element["S"] = "/" + role
        if role == "Note" and source.get("id"):
            element["ID"] = pydyf.String(source.get("id"))
    alt = source.get(ALT)
    if alt:
        element["Alt"] = pydyf.String(alt)
    lang = source.get("lang")
    if lang:
        element["Lang"] = pydyf.String(lang)


@cache
def _tagging_pdf() -> type:
    """pydyf's ``PDF`` keeping the tuple of page references while the page count stays."""
    import pydyf

    class Tagging(pydyf.PDF):  # type: ignore[misc]
        @property
        def page_references(self) -> tuple[bytes, ...]:
            kids = self.pages["Kids"]
            cached: tuple[int, tuple[bytes, ...]] | None = self.__dict__.get("_page_references")
            if cached is None or cached[0] != len(kids):
                cached = (len(kids), super().page_references)
                self.__dict__["_page_references"] = cached
            return cached[1]

    return Tagging


def _cache_page_references(pdf: Any) -> None:
    """pydyf's ``PDF.page_references`` builds a tuple of every page's reference at each call,
    and weasyprint calls it for each structure element: time in pages × elements. While the
    tree is built the pages do not change, so the PDF being tagged becomes a subclass that
    keeps the tuple while the page count is the same."""
    import pydyf

    if type(pdf) is pydyf.PDF:
        pdf.__class__ = _tagging_pdf()


#: the structure types whose boxes weasyprint's tree builder treats apart (lists, tables,
#: figures) or that are links already: their tag is never replaced (see :func:`install`)
OWN_HANDLING = frozenset({"LI", "TD", "TH", "Table", "Figure", "Link"})


def _passes_through(box: Any) -> bool:
    """Whether weasyprint's tree builder makes no element for ``box`` and yields its
    children's (the page, ``html`` and ``body``: the test that begins ``_build_box_tree``)."""
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.PageBox):
        return True
    return (box.element is not None and box.element_tag in ("html", "body")
            and isinstance(box, boxes.ParentBox) and not isinstance(box, boxes.LineBox))


def install() -> None:
    """Wrap weasyprint's ``pdf.tags._build_box_tree`` (once per process) so that the
    structure element of a box whose HTML element has ``data-pdf-role``, ``data-pdf-alt`` or
    ``lang`` gets ``/S``, ``/ID`` (a note), ``/Alt`` or ``/Lang``.

    And so that a text run is not made a ``Span`` of its own: weasyprint makes one element
    per text run (its ``/K`` the run's marked-content id), except in a link, where the id
    goes straight into the link's ``/K`` and the ParentTree points to the link. That is what
    the finisher's fold (:func:`_fold_spans`) turned every such ``Span`` into afterwards
    (more than half of a tagged file's objects, made, folded and still written as empty
    dictionaries). ``_get_pdf_tag`` (weasyprint's tag of an HTML element) now answers "Link"
    for every tag not in :data:`OWN_HANDLING`, so the builder takes the link's way for every
    element, and the wrapper gives the element its own type back (``/S``) as soon as it is
    made, before any other reads it. The tree is the same, node for node (tested)."""
    from weasyprint.pdf import tags

    original = tags._build_box_tree
    if getattr(original, "cable_convert", False):
        return
    pdf_tag = tags._get_pdf_tag

    def run_into_element(tag: str | None) -> str:
        real: str = pdf_tag(tag)
        return real if real in OWN_HANDLING else "Link"

    def build(box: Any, parent: Any, pdf: Any, page_number: int, nums: Any, annotations: Any,
              marked: Any) -> Iterator[Any]:
        _cache_page_references(pdf)
        own = getattr(box, "_box", box)  # an absolutely placed box's placeholder: the box
        real = None if _passes_through(own) else "/" + pdf_tag(None if own.element is None else own.element_tag)
        for element in original(box, parent, pdf, page_number, nums, annotations, marked):
            if real is not None and element.get("S") == "/Link":
                element["S"] = real  # this box's own element, made as a link (see above)
            _apply(own, element, parent)
            yield element

    build.cable_convert = True  # type: ignore[attr-defined]
    run_into_element.cable_convert = True  # type: ignore[attr-defined]
    run_into_element.weasyprint = pdf_tag  # type: ignore[attr-defined]
    tags._build_box_tree = build
    tags._get_pdf_tag = run_into_element


# --- 3. the finisher ------------------------------------------------------------------------


def xmp_packet(document: Any) -> bytes:
    """weasyprint's own PDF/A-3a RDF (title, creator, dates, pdfaid) with ``pdfuaid:part=1``
    and the extension schema that declares it (ISO 19005-3 6.6.2.3: every property not in
    the predefined schemas is declared), as one XMP packet."""
    from ..readers.tei import safe_parser

    rdf = etree.fromstring(document.metadata.generate_rdf_metadata("a", 3, "A"), safe_parser())
    about = f"{{{_RDF}}}about"
    ua = etree.SubElement(rdf, f"{{{_RDF}}}Description", {about: ""}, nsmap={"pdfuaid": PDFUAID})
    ua.set(f"{{{PDFUAID}}}part", "1")
    ext = etree.SubElement(rdf, f"{{{_RDF}}}Description", {about: ""},
                           nsmap={"pdfaExtension": _EXT, "pdfaSchema": _SCHEMA, "pdfaProperty": _PROPERTY})
    bag = etree.SubElement(etree.SubElement(ext, f"{{{_EXT}}}schemas"), f"{{{_RDF}}}Bag")
    schema = etree.SubElement(bag, f"{{{_RDF}}}li", {f"{{{_RDF}}}parseType": "Resource"})
    for name, value in (("schema", "PDF/UA Universal Accessibility Schema"), ("namespaceURI", PDFUAID),
                        ("prefix", "pdfuaid")):
        etree.SubElement(schema, f"{{{_SCHEMA}}}{name}").text = value
    seq = etree.SubElement(etree.SubElement(schema, f"{{{_SCHEMA}}}property"), f"{{{_RDF}}}Seq")
    prop = etree.SubElement(seq, f"{{{_RDF}}}li", {f"{{{_RDF}}}parseType": "Resource"})
    for name, value in (("name", "part"), ("valueType", "Integer"), ("category", "internal"),
                        ("description", "The part of ISO 14289 (PDF/UA) the file conforms to")):
        etree.SubElement(prop, f"{{{_PROPERTY}}}{name}").text = value
    return _PACKET_HEAD + etree.tostring(rdf, encoding="UTF-8") + _PACKET_FOOT


def _number(reference: Any) -> int:
    return int(bytes(reference).split()[0]) if isinstance(reference, bytes) else int(str(reference).split()[0])


def _is_reference(value: Any) -> bool:
    return isinstance(value, bytes) and value.endswith(b" R")


def _reachable(objects: list[Any], root: Any) -> list[int]:
    """The object numbers of the structure elements in the tree, parents before children."""
    order: list[int] = []
    seen: set[int] = set()
    stack = [_number(ref) for ref in reversed(root["K"])]
    while stack:
        number = stack.pop()
        if number in seen:
            continue
        seen.add(number)
        order.append(number)
        kids = objects[number].get("K", ())
        stack.extend(_number(kid) for kid in reversed(kids) if _is_reference(kid)
                     and objects[_number(kid)].get("Type") == "/StructElem")
    return order


def _fold_spans(objects: list[Any], order: list[int], nums: dict[int, Any]) -> None:
    """A ``Span`` with one marked-content id and nothing else becomes that id in its parent."""
    for number in reversed(order):  # children first: a span of one span of text folds twice
        element = objects[number]
        kids = element.get("K")
        if not kids:
            continue
        for index, kid in enumerate(kids):
            if not _is_reference(kid):
                continue
            child = objects[_number(kid)]
            if (child.get("S") == "/Span" and len(child) == 5 and child.get("Pg") == element.get("Pg")
                    and len(child["K"]) == 1 and isinstance(child["K"][0], int)):
                mcid = child["K"][0]
                page = nums.get(_page_key(objects, element))
                if page is None or page[mcid] != kid:
                    continue
                kids[index] = mcid
                page[mcid] = element.reference
                child.clear()  # unreferenced now: written as an empty dictionary


def _page_key(objects: list[Any], element: Any) -> int:
    return int(objects[_number(element["Pg"])].get("StructParents", -1))


def _artifacts(pdf: Any, nums: dict[int, Any], inside: set[bytes]) -> int:
    """Marked content mapped to elements outside the tree (the margin boxes) becomes
    ``/Artifact /Pagination``; its ParentTree entries ``null``. Returns how many."""
    import pydyf

    count = 0
    for key, page_refs in nums.items():
        outside = {mcid for mcid, ref in enumerate(page_refs) if ref not in inside}
        if not outside:
            continue
        page = pdf.objects[_number(pdf.page_references[key])]
        ops = pdf.objects[_number(page["Contents"])].stream
        for index, op in enumerate(ops):
            if isinstance(op, pydyf.Dictionary) and op.get("MCID") in outside and ops[index + 1] == b"BDC":
                ops[index - 1] = "/Artifact"
                ops[index] = pydyf.Dictionary({"Type": "/Pagination"})
                count += 1
        for mcid in outside:
            page_refs[mcid] = "null"
    return count


def _ids(pdf: Any, root: Any, order: list[int]) -> None:
    """Each ``/ID`` once (a note split over two pages gets ``-2``), all in an ``IDTree``."""
    import pydyf

    taken: dict[str, bytes] = {}
    for number in order:
        element = pdf.objects[number]
        if "ID" not in element:
            continue
        base = str(element["ID"].string) if isinstance(element["ID"], pydyf.String) else str(element["ID"])
        name, n = base, 1
        while name in taken:
            n += 1
            name = f"{base}-{n}"
        element["ID"] = pydyf.String(name)
        taken[name] = element.reference
    if taken:
        names = pydyf.Array()
        for name in sorted(taken):
            names.extend([pydyf.String(name), taken[name]])
        tree = pydyf.Dictionary({"Names": names})
        pdf.add_object(tree)
        root["IDTree"] = tree.reference


def finish(document: Any, pdf: Any, xmp: bool = True) -> None:
    """Finish weasyprint's tagged output (see the module's docstring, step 3)."""
    import pydyf

    if xmp and "Metadata" in pdf.catalog:
        metadata = pdf.objects[_number(pdf.catalog["Metadata"])]
        metadata.stream = [xmp_packet(document)]
        metadata.compress = False
    if "StructTreeRoot" not in pdf.catalog:
        return
    objects = pdf.objects
    root = objects[_number(pdf.catalog["StructTreeRoot"])]
    flat = objects[_number(root["ParentTree"])]["Nums"]
    nums = {flat[i]: flat[i + 1] for i in range(0, len(flat), 2) if isinstance(flat[i + 1], pydyf.Array)}
    order = _reachable(objects, root)
    _artifacts(pdf, nums, {objects[n].reference for n in order})
    _fold_spans(objects, order, nums)
    _ids(pdf, root, order)


def finisher(xmp: bool = True) -> Callable[[Any, Any], None]:
    """The ``finisher=`` for ``write_pdf``; ``xmp``: write the PDF/A-3a + PDF/UA-1 packet."""
    return lambda document, pdf: finish(document, pdf, xmp)
