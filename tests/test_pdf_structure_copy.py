"""The join copies a tagged piece's structure elements in qpdf's form (``_Copier.unparsed``):
the same objects and references as the generic copy (``_Copier.value``), strings kept."""

from __future__ import annotations

import io
import re

import pikepdf

from convert.writers.pdf_join import _Copier, _Out

TOKEN = re.compile(rb"\d+ \d+ R|<<|>>|\[|\]|\((?:\\.|[^\\)])*\)|/[^\s/\[\]<>()]+|[^\s/\[\]<>()]+")


def tokens(data: bytes) -> list[bytes]:
    return TOKEN.findall(data)


def tree() -> pikepdf.Pdf:
    """A page and a small structure tree: elements, marked-content ids, an alternate text
    that reads like a reference, a link's object reference."""
    pdf = pikepdf.new()
    pdf.add_blank_page()
    page = pdf.pages[0].obj
    root = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructTreeRoot))
    document = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Document,
                                                    P=root))
    para = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.P, P=document,
                                                Pg=page, K=pikepdf.Array([0, 1, 12])))
    redaction = pdf.make_indirect(pikepdf.Dictionary(
        Type=pikepdf.Name.StructElem, S=pikepdf.Name.Span, P=para, Pg=page, K=pikepdf.Array([2]),
        Alt=pikepdf.String("withheld: see 1 0 R (part 2)")))
    para.K.append(redaction)
    objr = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Pg=page, Obj=page))
    link = pdf.make_indirect(pikepdf.Dictionary(Type=pikepdf.Name.StructElem, S=pikepdf.Name.Link, P=document,
                                                Pg=page, K=pikepdf.Array([3, objr])))
    document.K = pikepdf.Array([para, link])
    root.K = document
    pdf.Root.StructTreeRoot = root
    return pdf


def copier(pdf: pikepdf.Pdf) -> _Copier:
    """A copier that has every object of ``pdf`` numbered already (object n -> 100 + n)."""
    copy = _Copier(_Out(io.BytesIO()), 1)
    copy.numbers = {obj.objgen: 100 + obj.objgen[0] for obj in pdf.objects if obj.is_indirect}
    return copy


def test_an_element_is_copied_with_the_same_references_as_the_generic_copy() -> None:
    pdf = tree()
    document = pdf.Root.StructTreeRoot.K
    elements = [document, *document.K, *document.K[0].K[3:]]
    fast, slow = copier(pdf), copier(pdf)
    for element in elements:
        assert tokens(fast.unparsed(element, pdf)) == tokens(slow.value(element, top=True))
    para = fast.unparsed(document.K[0], pdf)
    assert b"/K [ 0 1 12 %d 0 R ]" % (100 + document.K[0].K[3].objgen[0]) in para


def test_a_string_that_reads_like_a_reference_is_kept() -> None:
    pdf = tree()
    redaction = pdf.Root.StructTreeRoot.K.K[0].K[3]
    data = copier(pdf).unparsed(redaction, pdf)
    assert b"(withheld: see 1 0 R \\(part 2\\))" in data


def test_an_element_not_yet_copied_is_numbered_and_queued() -> None:
    pdf = tree()
    document = pdf.Root.StructTreeRoot.K
    copy = copier(pdf)
    link = document.K[1]
    del copy.numbers[link.K[1].objgen]  # the link's object reference: not copied yet
    copy.out.count = 500
    data = copy.unparsed(link, pdf)
    assert b"501 0 R" in data
    assert [obj.objgen for obj in copy.queue] == [link.K[1].objgen]
