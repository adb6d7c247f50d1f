"""The tagged PDF (issue 13): what the finisher and the role wrapper add to weasyprint's
``pdf/a-3a`` output, and the guard on the weasyprint internals they rely on.

The checkers themselves (page-validation, pdfua) run in the slow suite (test_a11y_pdf.py);
here each property is read back with pikepdf, and the untagged ``pdf/a-3b`` output (no
finisher) is the control that shows each assertion can fail."""

from __future__ import annotations

import inspect
import io
import re
from collections.abc import Iterator
from typing import Any

import pikepdf
import pytest
from writers_fixtures import hand_tei, seed_cable

from convert.model import Cable
from convert.options import WriteOptions
from convert.writers import pdf, pdf_tags

TAGGED = WriteOptions()
UNTAGGED = WriteOptions(pdf_variant="pdf/a-3b")
UA = WriteOptions(pdf_variant="pdf/ua-1")
PAGINATION = re.compile(rb"/Artifact\s*<<\s*/Type\s*/Pagination\s*>>\s*BDC")


@pytest.fixture(scope="module")
def seed() -> Cable:
    return seed_cable()


@pytest.fixture(scope="module")
def seed_pdf(seed: Cable) -> bytes:
    return pdf.write(seed, TAGGED)


@pytest.fixture(scope="module")
def hand_pdf() -> bytes:
    return pdf.write(hand_tei(), TAGGED)  # a redaction (gap) in a list item


def _elements(document: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    root = document.Root.StructTreeRoot
    stack = list(root.K) if isinstance(root.K, pikepdf.Array) else [root.K]
    while stack:
        node = stack.pop()
        yield node
        kids = node.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend(k for k in items if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == "/StructElem")


def _roles(data: bytes) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    with pikepdf.open(io.BytesIO(data)) as document:
        for element in _elements(document):
            out.setdefault(str(element.S), []).append({
                key: str(element[key]) for key in ("/ID", "/Alt", "/Lang") if key in element})
    return out


# --- the guard: weasyprint's internals as the wrapper and the finisher use them --------------


def test_weasyprint_is_the_series_the_wrapper_was_written_for() -> None:
    import weasyprint
    from weasyprint.css import AnonymousStyle
    from weasyprint.pdf import tags

    assert weasyprint.__version__.startswith(pdf_tags.WEASYPRINT_SERIES)
    pdf_tags.install()
    build = tags._build_box_tree
    assert getattr(build, "cable_convert", False)
    pdf_tags.install()  # once per process: not wrapped twice
    assert inspect.unwrap(build) is build and tags._build_box_tree is build
    original = inspect.getclosurevars(build).nonlocals.get("original")
    assert original is not None and original.__module__ == "weasyprint.pdf.tags"
    assert list(inspect.signature(original).parameters) == [
        "box", "parent", "pdf", "page_number", "nums", "annotations", "tags"]
    assert inspect.isgeneratorfunction(original)
    # the anonymous boxes the wrapper skips, and the margin boxes whose text it leaves to the
    # finisher (weasyprint maps it outside the tree)
    assert AnonymousStyle.__name__ == "AnonymousStyle"
    assert "MarginBox" in inspect.getsource(original)
    weasyprint_tag = tags._get_pdf_tag.weasyprint  # replaced: see test_pdf_tag_tree.py
    assert weasyprint_tag("span") == "Span" and weasyprint_tag("aside") == "NonStruct"
    assert [tags._get_pdf_tag(tag) for tag in ("span", "p", "a", "li", "td", "img")] == [
        "Link", "Link", "Link", "LI", "TD", "Figure"]
    # the tag is asked for once, first, before any element is made, and only there; a link's
    # text runs go straight into its element (what the replacement relies on)
    source = inspect.getsource(original)
    assert source.index("_get_pdf_tag(element_tag)") < source.index("pydyf.Dictionary(")
    assert "if tag == 'Link':" in source and "element['K'].append(kid['mcid'])" in source
    assert inspect.getsource(tags).count("_get_pdf_tag(") == 2  # its definition and that call


def test_the_finisher_hook_and_the_metadata_generator_keep_their_shape() -> None:
    from weasyprint.document import Document
    from weasyprint.pdf.metadata import DocumentMetadata

    assert "finisher" in inspect.signature(Document.write_pdf).parameters
    assert list(inspect.signature(DocumentMetadata.generate_rdf_metadata).parameters) == [
        "self", "variant", "version", "conformance"]


# --- the finisher -------------------------------------------------------------------------


def test_one_uncompressed_xmp_says_pdfa_3a_and_pdfua_1(seed_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(seed_pdf)) as document:
        stream = document.Root.Metadata
        assert "/Filter" not in stream.stream_dict
        xmp = stream.read_raw_bytes()
    assert xmp.count(b"<?xpacket begin") == 1 and xmp.count(b"<rdf:RDF") == 1
    assert re.search(rb'pdfaid:part="3"', xmp) and re.search(rb'pdfaid:conformance="A"', xmp)
    assert re.search(rb'pdfuaid:part="1"', xmp)
    # the extension schema that declares pdfuaid (PDF/A-3 6.6.2.3)
    assert b"<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in xmp
    assert b"<pdfaProperty:name>part</pdfaProperty:name>" in xmp
    assert b"<pdfaProperty:valueType>Integer</pdfaProperty:valueType>" in xmp
    assert b"CHINA OBJECTS TO SPECIAL 301" in xmp  # weasyprint's dc:title kept


def test_the_untagged_variant_has_none_of_it(seed: Cable) -> None:
    with pikepdf.open(io.BytesIO(pdf.write(seed, UNTAGGED))) as document:
        assert "/StructTreeRoot" not in document.Root and "/MarkInfo" not in document.Root
        assert "/Filter" in document.Root.Metadata.stream_dict
        assert b"pdfuaid" not in document.Root.Metadata.read_bytes()
        assert not re.findall(PAGINATION, document.pages[0].Contents.read_bytes())


def test_running_heads_and_page_numbers_are_pagination_artifacts(seed_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(seed_pdf)) as document:
        reachable = {element.objgen for element in _elements(document)}
        tree = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)
        for index, page in enumerate(document.pages):
            content = page.Contents.read_bytes()
            # the classification line twice, the cable id, "Page N of M"
            assert len(re.findall(PAGINATION, content)) == 4, index
            refs = tree[int(page.obj.StructParents)]
            marked = [ref for ref in refs if ref is not None]
            assert marked and all(ref.objgen in reachable for ref in marked)  # no orphan left
            # each artifact's id is left as a null; the others are still marked in the page
            assert len(refs) - len(marked) == 4 and len(marked) == len(re.findall(rb"/MCID \d+", content))


def test_paragraph_numbers_are_labels_and_the_source_note_a_note(seed_pdf: bytes) -> None:
    roles = _roles(seed_pdf)
    assert len(roles["/Lbl"]) == 6  # the seed's six numbered paragraphs
    assert roles["/Note"] == [{"/ID": "cable-09BEIJING1463-source"}]
    assert {"/Lang": "en"} in roles["/Art"]
    assert len(roles["/H1"]) == 1 and len(roles["/H2"]) == 1
    with pikepdf.open(io.BytesIO(seed_pdf)) as document:
        names = dict(pikepdf.NameTree(document.Root.StructTreeRoot.IDTree).items())
        assert list(names) == ["cable-09BEIJING1463-source"]
        assert names["cable-09BEIJING1463-source"].S == "/Note"
        assert document.Root.Lang == "en"
        assert document.Root.MarkInfo.Marked is True
        assert document.Root.ViewerPreferences.DisplayDocTitle is True


def test_a_span_of_one_text_run_is_folded_into_its_parent(seed_pdf: bytes, seed: Cable) -> None:
    def spans(data: bytes) -> int:
        with pikepdf.open(io.BytesIO(data)) as document:
            return sum(1 for e in _elements(document) if e.S == "/Span" and len(e.K) == 1
                       and isinstance(e.K[0], int) and "/Alt" not in e)

    assert spans(seed_pdf) == 0
    assert spans(pdf.write(seed, UA)) == 0  # the finisher runs for every tagged variant


def test_a_redaction_has_its_alternate_text(hand_pdf: bytes) -> None:
    alts = [item["/Alt"] for item in _roles(hand_pdf)["/Span"] if "/Alt" in item]
    assert alts == ["Redacted: text withheld when the cable was published (XXXXXXXXXXXX in the source)"]


def test_an_inline_box_inside_a_link_is_a_link(seed_pdf: bytes) -> None:
    with pikepdf.open(io.BytesIO(seed_pdf)) as document:
        for page in document.pages:
            for annot in page.obj.get("/Annots", []):
                element = pikepdf.NumberTree(document.Root.StructTreeRoot.ParentTree)[
                    int(annot.StructParent)]
                assert element.S == "/Link"


def test_tagged_bytes_are_reproducible(seed: Cable, seed_pdf: bytes) -> None:
    assert pdf.write(seed, TAGGED) == seed_pdf


def test_mark_roles_reads_the_theme_classes() -> None:
    from lxml import etree

    from convert.theme import load_theme

    root = etree.fromstring(
        '<html><body><p><span class="paragraph-number">1.</span> <a href="#n"><sup>1</sup></a>'
        '<span class="redaction" title="withheld">[redacted]</span></p>'
        '<aside role="doc-footnote" id="n"><p>x</p></aside></body></html>')
    pdf_tags.mark_roles(root, load_theme("modern"))
    assert [(e.tag, e.get(pdf_tags.ROLE), e.get(pdf_tags.ALT)) for e in root.iter("span", "sup", "aside")] == [
        ("span", "Lbl", None), ("sup", "Link", None), ("span", None, "withheld"), ("aside", "Note", None)]


def test_the_cached_page_references_are_pydyfs_own() -> None:
    import pydyf

    document = pydyf.PDF()
    for _ in range(3):
        document.add_page(pydyf.Dictionary({"Type": "/Page"}))
    expected = document.page_references
    pdf_tags._cache_page_references(document)
    assert type(document) is not pydyf.PDF and isinstance(document, pydyf.PDF)
    assert document.page_references == expected and len(expected) == 3
    assert document.page_references is document.page_references  # kept, not rebuilt
    document.add_page(pydyf.Dictionary({"Type": "/Page"}))  # a new page: built again
    assert document.page_references == pydyf.PDF.page_references.fget(document)
    assert len(document.page_references) == 4
