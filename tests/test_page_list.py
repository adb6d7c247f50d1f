"""An EPUB volume's page list (issue 13): where each page of the PDF edition starts, read off
weasyprint's layout (convert/writers/page_starts.py), marked in the EPUB's text and listed in
its navigation document (convert/writers/epub_pages.py), checked against the PDF's own text
(scripts/a11y_pages.py). The fast tests lay out small HTML documents; the slow ones make a
volume of several pieces both ways (handed over by the PDF, laid out for the EPUB alone)."""

from __future__ import annotations

import io
import re
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from writers_fixtures import hand_tei

from convert.model import Cable
from convert.options import WriteOptions
from convert.volume import make_volume, write_volume
from convert.writers import epub, epub_a11y, epub_pages, pdf
from convert.writers.page_starts import PageStart, read_pages, solid

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from a11y_pages import check as check_pages

X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPTIONS = WriteOptions(source_date_epoch=1_700_000_000)

# -- the layout side -----------------------------------------------------------------------

_PRINT = """
@page { size: 120mm 60mm; margin: 10mm; @bottom-right { content: "Page " counter(page); } }
aside { float: footnote; }
h1 { break-before: page; font-size: 12pt; }
p.number::before { content: "GENERATED "; }
p.initial::first-letter { font-size: 150%; }
"""


def _layout(body: str) -> list[PageStart]:
    import weasyprint

    from convert.fetcher import bundled_only_fetcher

    document = weasyprint.HTML(string=f"<html><body>{body}</body></html>",
                               url_fetcher=bundled_only_fetcher()).render(
        stylesheets=[weasyprint.CSS(string=_PRINT)])
    return read_pages(document.pages, 5)


def test_a_page_starts_at_its_first_printed_character_of_the_flow() -> None:
    words = " ".join(f"word{n}" for n in range(400))
    starts = _layout(f'<h1 id="one">First heading<aside>A NOTE IN THE FOOTNOTE AREA</aside></h1>'
                     f'<p id="p1" class="number initial">{words}</p>'
                     f'<h1 id="two">Second heading</h1><p>Last words.</p>')
    assert [s.page for s in starts] == list(range(5, 5 + len(starts))) and len(starts) >= 4
    first, second = starts[0], starts[1]
    # no running head, no page number, no footnote, no generated text counts
    assert (first.anchor, first.offset, first.head[:12], first.before) == ("one", 0, "Firstheading", "")
    assert "GENERATED" not in "".join(s.head + s.before for s in starts)
    assert "NOTE" not in "".join(s.head + s.before for s in starts)
    # a page inside the paragraph: counted from its start, its ::first-letter text included
    assert second.anchor == "p1" and second.offset > 0
    printed = solid(words)
    assert printed[second.offset:].startswith(second.head)
    assert printed[:second.offset].endswith(second.before)
    last = starts[-1]
    assert (last.anchor, last.offset, last.head) == ("two", 0, "SecondheadingLastwords.")


def test_a_page_start_survives_its_trip_through_json() -> None:
    start = PageStart(12, "cable-x-p3", 140, "Theyagreed", "before.")
    assert PageStart.from_list(start.as_list()) == start


# -- the EPUB side -------------------------------------------------------------------------


def _chapter(body: str) -> etree._Element:
    return etree.fromstring(f'<html xmlns="http://www.w3.org/1999/xhtml" '
                            f'xmlns:epub="http://www.idpf.org/2007/ops"><body>{body}</body></html>')


def _marker_context(root: etree._Element, page: int) -> tuple[str, str]:
    """The text before and after the marker of ``page`` in its document."""
    marker = next(e for e in root.iter(f"{X}span") if e.get("id") == f"page-{page}")
    assert (marker.get(EPUB_TYPE), marker.get("role"), marker.get("aria-label")) == (
        "pagebreak", "doc-pagebreak", str(page))
    after = "".join(marker.xpath("following::text()"))
    before = "".join(marker.xpath("preceding::text()"))
    return solid(before), solid(after)


def test_markers_go_where_the_printed_pages_start() -> None:
    one = _chapter('<section id="a-title"><h1>Telegram A</h1><p>CONFIDENTIAL</p>'
                   '<div id="a-p1"><p>1. The same words. The same words. Then more.</p></div>'
                   '<div><p>Unnumbered <b>bold</b> text.</p></div></section>')
    two = _chapter('<section id="b-title"><h1>Telegram B</h1><div id="b-p1"><p>x</p></div></section>')
    starts = [
        PageStart(1, "a-title", 0, "1.TelegramA", ""),  # the PDF prints the number "1."
        # "Thesamewords." comes twice: the one preceded by what print had before it
        PageStart(2, "a-p1", 17, "Thesamewords.Thenmore.", "words."),
        PageStart(3, "a-p1", 30, "ldtext.", "Unnumberedbo"),  # inside a word, across an element
        PageStart(4, "b-title", 0, "2.TelegramB", "text."),
        PageStart(5, "volume-index-posts", 0, "Indexofposts", "x"),  # not in the EPUB
    ]
    placed = epub_pages.mark([("EPUB/text/ch001.xhtml", one), ("EPUB/text/ch002.xhtml", two)], starts)
    assert placed == [(1, "EPUB/text/ch001.xhtml"), (2, "EPUB/text/ch001.xhtml"),
                      (3, "EPUB/text/ch001.xhtml"), (4, "EPUB/text/ch002.xhtml")]
    assert _marker_context(one, 1) == ("", "TelegramACONFIDENTIAL1.Thesamewords.Thesamewords.Thenmore."
                                           "Unnumberedboldtext.")
    assert _marker_context(one, 2)[1] == "Thesamewords.Thenmore.Unnumberedboldtext."
    assert _marker_context(one, 3) == ("TelegramACONFIDENTIAL1.Thesamewords.Thesamewords.Thenmore."
                                       "Unnumberedbo", "ldtext.")
    # the first page of a chapter: first in pandoc's section, before its heading (not inside it)
    section = two.find(f"{X}body/{X}section")
    assert section is not None and section[0].get("id") == "page-4" and section[1].tag == f"{X}h1"


def test_two_pages_starting_in_one_run_of_text_each_get_their_place() -> None:
    words = " ".join(["again and again"] * 30)  # repeated: found by the count, not the words
    root = _chapter(f'<div id="a"><p>{words}</p></div>')
    printed = solid(words)
    starts = [PageStart(n, "a", at, printed[at:at + 40], printed[max(0, at - 40):at])
              for n, at in ((2, 65), (3, 130))]
    epub_pages.mark([("c.xhtml", root)], starts)
    for page, at in ((2, 65), (3, 130)):
        before, after = _marker_context(root, page)
        assert (len(before), after) == (at, printed[at:])


def test_a_marker_at_a_heading_stands_before_it() -> None:
    root = _chapter('<div id="a"><p>Some text.</p><h2>Transmission</h2><p>Lines.</p></div>')
    epub_pages.mark([("c.xhtml", root)], [PageStart(7, "a", 9, "TransmissionLines.", "Sometext.")])
    heading = next(root.iter(f"{X}h2"))
    previous = heading.getprevious()
    assert previous is not None and previous.get("id") == "page-7"
    assert heading.text == "Transmission" and len(heading) == 0


def test_the_page_list_links_each_marker_and_the_package_names_its_source() -> None:
    nav = _chapter('<nav epub:type="toc" id="toc"><ol><li><a href="text/ch001.xhtml">A</a></li></ol></nav>')
    epub_pages.add_page_list(nav, [(1, "EPUB/text/ch001.xhtml"), (2, "EPUB/text/ch002.xhtml")], "EPUB/nav.xhtml")
    pages = next(n for n in nav.iter(f"{X}nav") if n.get(EPUB_TYPE) == "page-list")
    assert (pages.get("role"), pages.get("hidden")) == ("doc-pagelist", "hidden")
    assert [(a.text, a.get("href")) for a in pages.iter(f"{X}a")] == [
        ("1", "text/ch001.xhtml#page-1"), ("2", "text/ch002.xhtml#page-2")]
    assert epub_a11y.facts({}, nav).features() == ["pageNavigation", "printPageNumbers", "readingOrder",
                                                   "tableOfContents"]
    opf = etree.fromstring('<package xmlns="http://www.idpf.org/2007/opf"><metadata/></package>')
    epub_pages.name_source(opf, epub_pages.print_source("Ten cables", "letter", "modern"))
    source = opf.find(".//{http://purl.org/dc/elements/1.1/}source")
    meta = opf.find(".//{http://www.idpf.org/2007/opf}meta")
    assert source is not None and meta is not None
    assert source.text == "Ten cables: PDF edition, US Letter paper, modern theme (cable-convert)"
    assert epub_pages.print_source("T", "a4", "styles/sepia.toml") == (
        "T: PDF edition, A4 paper, sepia theme (cable-convert)")
    assert (meta.get("refines"), meta.get("property"), meta.text) == (
        f"#{source.get('id')}", "source-of", "pagination")


def test_without_a_page_list_an_epub_volume_claims_no_page_navigation() -> None:
    volume = make_volume([hand_tei()], title="One")
    data = epub.write_volume(volume, WriteOptions(page_list=False))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        opf, nav = archive.read("EPUB/content.opf"), archive.read("EPUB/nav.xhtml")
    assert b"page-list" not in nav and b"printPageNumbers" not in opf and b"dc:source" not in opf


# -- a whole volume (slow: it lays out PDFs) -----------------------------------------------

_LONG = "The delegation discussed the matter at length and agreed to meet again. " * 40


def _cables() -> list[Cable]:
    cables = [hand_tei(subject="SPECIAL 301 INSTRUCTIONS", cable_id="09STATE41880",
                       when="2009-04-30T12:00:00Z", extra_paragraph=_LONG)]
    for k in range(3):
        cables.append(hand_tei(subject=f"MEETING NUMBER {k}", cable_id=f"09PARIS{100 + k}",
                               when=f"2009-05-0{k + 1}T10:00:00Z", extra_paragraph=_LONG * (k + 1)))
    cables.append(hand_tei())
    return cables


@pytest.mark.slow
def test_a_volume_page_list_matches_its_pdf_page_for_page(tmp_path: Path) -> None:
    volume = make_volume(_cables(), title="Five cables")
    pages: list[PageStart] = []
    pdf_data = pdf.write_volume(volume, OPTIONS, chunk_cables=2, pages=pages)  # three pieces
    # reading the pages changes nothing in the PDF
    assert pdf.write_volume(volume, OPTIONS, chunk_cables=2) == pdf_data
    handed = epub.write_volume(volume, OPTIONS, pages=pages)
    (tmp_path / "v.pdf").write_bytes(pdf_data)
    (tmp_path / "v.epub").write_bytes(handed)
    assert check_pages(tmp_path / "v.pdf", tmp_path / "v.epub") == []
    with zipfile.ZipFile(io.BytesIO(handed)) as archive:
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    listed = [a.text for n in nav.iter(f"{X}nav") if n.get(EPUB_TYPE) == "page-list" for a in n.iter(f"{X}a")]
    assert len(listed) > len(volume.cables)  # long cables: pages inside documents too
    # the EPUB alone lays the same pages out itself (one piece, not three): the same book,
    # byte for byte, twice
    alone = write_volume(_cables(), "epub", OPTIONS, title="Five cables")
    assert alone == handed
    assert write_volume(_cables(), "epub", OPTIONS, title="Five cables") == alone
    # a marker moved on by one word is caught
    (tmp_path / "v.epub").write_bytes(_move_marker(handed, 2))  # inside a paragraph
    assert [line.split(":")[0] for line in check_pages(tmp_path / "v.pdf", tmp_path / "v.epub")] == ["page 2"]


def _move_marker(data: bytes, page: int) -> bytes:
    """The EPUB with page ``page``'s marker one word further on."""
    pattern = re.compile(rf'<span [^>]*id="page-{page}"[^>]*/>'.encode())
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            body = source.read(info)
            found = pattern.search(body)
            if found:
                body = body[:found.start()] + body[found.end():]
                space = body.index(b" ", found.start()) + 1
                body = body[:space] + found.group() + body[space:]
            target.writestr(info, body)
    return out.getvalue()


def test_the_command_line_turns_the_page_list_off_only_when_told() -> None:
    from convert.cli import build_options, parser

    def page_list(*argv: str) -> bool:
        return build_options(parser().parse_args(["x.txt", "--book", "--to", "epub", *argv])).write.page_list

    assert page_list() is True
    assert page_list("--no-page-list") is False
    assert "--no-page-list" in parser().format_help()


@pytest.mark.slow
def test_a_run_making_pdf_and_epub_hands_the_pages_over(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """``--book --to epub,pdf``: the PDF is made first, the EPUB takes its pages (the layout
    for the pages alone never runs) and lists them; ``--to epub`` alone lays them out."""
    from convert import book
    from convert.options import ConvertOptions

    monkeypatch.setattr(book, "gather", lambda inputs, options, **kw: (_cables(), []))
    laid_out: list[int] = []
    real = pdf.volume_pages
    monkeypatch.setattr(pdf, "volume_pages", lambda *a, **k: laid_out.append(1) or real(*a, **k))
    for name in ("both", "alone"):
        (tmp_path / name).mkdir()
    result = book.make_book(["x"], tmp_path / "both", ConvertOptions(formats=("epub", "pdf"), write=OPTIONS))
    assert [p.suffix for p in result.outputs] == [".pdf", ".epub"]
    assert laid_out == []
    assert check_pages(tmp_path / "both" / "volume.pdf", tmp_path / "both" / "volume.epub") == []
    book.make_book(["x"], tmp_path / "alone", ConvertOptions(formats=("epub",), write=OPTIONS))
    assert laid_out == [1]
    assert (tmp_path / "alone" / "volume.epub").read_bytes() == (tmp_path / "both" / "volume.epub").read_bytes()
