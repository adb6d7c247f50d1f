"""What a reader sees of the edition's layout, checked in the markup: list labels on their
item's line, headings and signatures kept apart, no stray punctuation from empty labels."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from writers_fixtures import hand_tei

from convert.model import TEI_NS, Cable
from convert.options import WriteOptions

T = f"{{{TEI_NS}}}"


def _with_list(items: str) -> Cable:
    """The hand-built cable with a ``--`` list (the TEI markup ``items``) in its last numbered
    paragraph."""
    cable = hand_tei()
    last = cable.tei.findall(f".//{T}body//{T}p[@n]")[-1]
    last.append(etree.fromstring(f'<list xmlns="{TEI_NS}" type="items">{items}</list>'))
    return cable


_ACROSS_A_PAGE = (
    "<label>--</label><item>Such aircraft would be operated by crew members.</item>"
    '<label>--</label><item>United States personnel in Ecuador<pb n="2"/>'
    '<fw type="header">PAGE 02 STATE 047202</fw> would enjoy freedom of movement.</item>'
)


def test_a_list_items_label_stays_on_its_line_across_a_page_break() -> None:
    """A ``--`` item the teletype page broke (``pb`` and its page header inside the item)
    reads "-- United States personnel…" on one line in every format, not a lone "--"
    followed by a paragraph of its own (09STATE47202, 01VATICAN3507, 03ROME2045)."""
    from convert.writers import html, markdown

    cable = _with_list(_ACROSS_A_PAGE)
    page = lxml_html.fromstring(html.write(cable, WriteOptions()))
    entries = page.xpath("(//div[@class='cable-list'])[last()]/div")
    assert len(entries) == 2
    for entry in entries:
        (line,) = entry.xpath("p")  # one line: the label and the item's words
        assert line.xpath("span[@class='ref-label']")
    assert entries[1].text_content() == "-- United States personnel in Ecuador would enjoy freedom of movement."
    text = markdown.write(cable, WriteOptions()).decode()
    assert "-- United States personnel in Ecuador would enjoy freedom of movement." in text
    assert "\\--" not in text


def test_the_docx_source_note_has_its_number_on_its_first_line() -> None:
    """In Word and LibreOffice the source note reads "1 Source: Department of State…", its
    number beside its text, not "1" alone on a line above it (every cable's DOCX)."""
    import io
    import zipfile

    from convert.writers import docx

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(docx.write(hand_tei(), WriteOptions()))) as document:
        notes = etree.fromstring(document.read("word/footnotes.xml"))
    numbered = [note for note in notes.iter(f"{w}footnote") if note.find(f".//{w}footnoteRef") is not None]
    assert len(numbered) == 1
    first = numbered[0].find(f"{w}p")
    assert first.find(f"{w}r/{w}footnoteRef") is not None
    assert "".join(first.itertext()).strip().startswith("Source: Department of State telegram 09BEIJING1463")
    assert first.find(f"{w}pPr/{w}pStyle").get(f"{w}val") == "SourceNote"


def test_a_labelled_item_hangs_and_a_ref_list_is_set_apart_in_every_medium() -> None:
    """A ``--`` or ``a)`` item's second line stands clear of its label (a hanging indent: in
    the CSS of the PDF, EPUB and HTML and in the DOCX style alike), and a REF list's lines
    stand together with the space after the list, before paragraph 1 (the DOCX had none)."""
    import io
    import re
    import zipfile

    from convert.writers import docx, html

    page = html.write(hand_tei(), WriteOptions()).decode()
    rule = re.search(r"\.cable-list-item p \{ padding-left: ([0-9.]+rem); text-indent: -([0-9.]+rem); \}", page)
    assert rule and rule.group(1) == rule.group(2)
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(docx.write(hand_tei(), WriteOptions()))) as document:
        styles = etree.fromstring(document.read("word/styles.xml"))
    by_name = {s.find(f"{w}name").get(f"{w}val"): s for s in styles.iter(f"{w}style")}
    indent = by_name["Cable List Item"].find(f"{w}pPr/{w}ind")
    assert int(indent.get(f"{w}left")) - int(indent.get(f"{w}hanging")) == 360  # the first line: one unit in
    references = by_name["References"].find(f"{w}pPr")
    assert int(references.find(f"{w}spacing").get(f"{w}after")) > 0
    assert references.find(f"{w}contextualSpacing") is not None


def _pages_of(lines: int, intro: bool) -> list[str]:
    """The pages' text of a cable body laid out in the print stylesheet: ``lines`` one-line
    paragraphs, then a paragraph opening a list (``intro``) or the closing paragraph and the
    signature."""
    import io

    import weasyprint
    from pypdf import PdfReader

    from convert.theme import stylesheet

    filler = "".join(f'<div class="cable-paragraph"><p>Line {n} of the text.</p></div>'
                     for n in range(lines))
    if intro:
        tail = ('<div class="cable-paragraph"><p>INTRO would include the following:</p>'
                '<div class="cable-list"><div class="cable-list-item list-entry"><p>'
                '<span class="ref-label">--</span> FIRST ITEM.</p></div></div></div>')
    else:
        tail = ('<div class="cable-paragraph"><p>LAST paragraph of the text.</p></div>'
                '<div class="closer"><div class="signature"><p>TUTTLE</p></div></div>')
    page = (f"<html><head><style>{stylesheet('modern', 'print')}</style></head><body>"
            f'<article class="cable edition"><section class="telegram">{filler}{tail}'
            "</section></article></body></html>")
    pdf = weasyprint.HTML(string=page).write_pdf()
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_signature_and_a_lists_opening_line_never_stand_alone_on_a_page() -> None:
    """At every length of text around a page break, the signature shares its page with the
    end of the text (08LONDON1352 printed TUTTLE alone atop page 5), and a paragraph's line
    that opens a list shares its page with the list's first item."""
    for lines in range(26, 36):  # 33 one-line paragraphs fill an A4 page
        pages = _pages_of(lines, intro=False)
        (signed,) = [text for text in pages if "TUTTLE" in text]
        assert "LAST paragraph" in signed, lines
        pages = _pages_of(lines, intro=True)
        (opening,) = [text for text in pages if "INTRO" in text]
        assert "FIRST ITEM" in opening, lines


def _pages_with_transmission(lines: int, stylesheet: str) -> list[str]:
    """The pages' text of ``lines`` one-line paragraphs, a signature and a Transmission
    appendix of five routing lines, laid out in ``stylesheet``."""
    import io

    import weasyprint
    from pypdf import PdfReader

    filler = "".join(f'<div class="cable-paragraph"><p>Line {n} of the text.</p></div>'
                     for n in range(lines))
    routing = "<br/>".join(f'<span class="line">ROUTING LINE {n}</span>' for n in range(5))
    page = (f"<html><head><style>{stylesheet}</style></head><body>"
            f'<article class="cable edition"><section class="telegram">{filler}'
            '<div class="cable-paragraph"><p>LAST paragraph of the text.</p></div>'
            '<div class="closer"><div class="signature"><p>TUTTLE</p></div></div></section>'
            '<section class="transmission-appendix"><h2 class="heading-2">Transmission</h2>'
            f'<div class="transmission"><p>{routing}</p></div></section></article></body></html>')
    pdf = weasyprint.HTML(string=page).write_pdf()
    return [p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages]


def test_the_transmission_appendix_never_has_a_page_to_itself() -> None:
    """A short cable whose text fills its page (05SANJOSE1995, 05BRASILIA1622, a partial
    extract's few paragraphs) printed its Transmission alone on the last page: the text's
    last lines and the signature now come with it. Without the rule some length of text
    does leave it alone (the check of the check)."""
    from convert.theme import stylesheet

    css = stylesheet("modern", "print")
    without = css.replace("break-before: avoid; border-top", "border-top")
    assert without != css
    alone = []
    for lines in range(24, 34):  # 33 one-line paragraphs fill an A4 page
        pages = _pages_with_transmission(lines, css)
        (appendix,) = [text for text in pages if "Transmission" in text]
        assert "TUTTLE" in appendix and "LAST paragraph" in appendix, lines
        alone += [lines for text in _pages_with_transmission(lines, without)
                  if "Transmission" in text and "TUTTLE" not in text]
    assert alone


def test_an_empty_ref_label_prints_no_doubled_space() -> None:
    """A REF list whose head is "REF A" and whose first label is empty (09CAIRO173's TEI:
    ``<head>REF A</head><label/>``) reads "REF A 09 CAIRO 074", one space, in every format."""
    from convert.writers import html, markdown

    cable = hand_tei()
    references = cable.tei.find(f".//{T}body//{T}list[@type='references']")
    for child in list(references):
        references.remove(child)
    for markup in ("<head>REF A</head>", "<label/>", '<item n="A">09 CAIRO 074</item>',
                   "<label>REF B</label>", '<item n="B">08 CAIRO 784</item>'):
        references.append(etree.fromstring(f'<wrap xmlns="{TEI_NS}">{markup}</wrap>')[0])
    page = lxml_html.fromstring(html.write(cable, WriteOptions()))
    (first,) = [p for p in page.xpath("//div[@class='references']//p") if "CAIRO 074" in p.text_content()]
    assert first.text_content() == "REF A 09 CAIRO 074"
    assert not first.xpath("span[@class='ref-label'][not(normalize-space())]")
    text = markdown.write(cable, WriteOptions()).decode()
    assert "REF A 09 CAIRO 074" in text and "REF A  09" not in text


def test_references_written_on_one_line_print_on_one_line() -> None:
    """``REF: (A) STATE 37552, (B) REYKJAVIK 50`` (06REYKJAVIK88): a reference marked
    ``rend="run-in"`` (written on the line of the one before it) prints on that line, so its
    separator is not left at a line's end; a reference starting a line of its own starts one (in Markdown,
    after a hard line break: the REF field stays one block, 10CAIRO147)."""
    from convert.writers import html, markdown

    cable = hand_tei()
    references = cable.tei.find(f".//{T}body//{T}list[@type='references']")
    for child in list(references):
        references.remove(child)
    for markup in ("<head>REF:</head>", "<label>(A)</label>", '<item n="A">STATE 37552,</item>',
                   "<label>(B)</label>", '<item n="B" rend="run-in">REYKJAVIK 50</item>',
                   "<label>(C)</label>", '<item n="C">STATE 1234</item>'):
        references.append(etree.fromstring(f'<wrap xmlns="{TEI_NS}">{markup}</wrap>')[0])
    page = lxml_html.fromstring(html.write(cable, WriteOptions()))
    lines = [p.text_content() for p in page.xpath("//div[@class='references']//p")]
    assert lines == ["REF: (A) STATE 37552, (B) REYKJAVIK 50", "(C) STATE 1234"]
    text = markdown.write(cable, WriteOptions()).decode()
    assert "REF: (A) STATE 37552, (B) REYKJAVIK 50\\\n(C) STATE 1234\n\n" in text


def test_a_page_break_inside_a_comment_keeps_the_items_label_on_its_line() -> None:
    """An item whose text is a comment (``seg type="comment"``) the teletype page broke reads
    "3) avoid directly…" on one line, like the same item without the page break
    (09TRIPOLI133, 10USNATO52): the page header does not make the comment a block."""
    from convert.textview import edition_text
    from convert.writers import html

    cable = _with_list(
        '<label>3)</label><item><seg type="comment">avoid directly addressing<pb n="2"/>'
        '<fw type="header">PAGE 02 TRIPOLI 00133</fw> the contradiction.</seg></item>')
    page = lxml_html.fromstring(html.write(cable, WriteOptions()))
    (entry,) = page.xpath("(//div[@class='cable-list'])[last()]/div")
    (line,) = entry.xpath("p")
    assert " ".join(line.text_content().split()) == "3) avoid directly addressing the contradiction."
    assert "3) avoid directly addressing the contradiction." in " ".join(edition_text(cable).split())


def test_a_paragraph_number_written_in_the_text_is_not_bookmarked_twice() -> None:
    """A paragraph whose number the TEI keeps in its text after the marking (``(C) 1. The
    Embassy…``: no ``label``, 07BAGHDAD3504, 06PARIS3152, 03THEHAGUE1865) is bookmarked
    "¶1 The Embassy…" in the PDF outline and the EPUB navigation, not "¶1 1. The Embassy…";
    the text itself prints the number where the cable writes it."""
    from convert.writers import html

    cable = hand_tei()
    first = cable.tei.find(f".//{T}body//{T}p[@n='1']")
    assert first is not None
    label = first.find(f"{T}label")
    assert label is not None
    mark = label.getnext()
    assert mark is not None
    first.remove(label)
    first.text = None
    mark.tail = " 1. " + (mark.tail or "").lstrip()
    article = html.article(cable, WriteOptions(), flavour="pdf")
    labels = [div.get("data-label") or "" for div in article.iter("div") if div.get("data-label")]
    assert labels[0].startswith("\u00b61 Summary: China objects"), labels[0]
    assert labels[1].startswith("\u00b62 The carrot"), labels[1]
    assert "1. Summary: China objects" in "".join(article.itertext())


def test_a_markdown_line_after_a_hard_break_starts_no_list() -> None:
    """The Transmission appendix prints its lines with hard breaks; a wrapper line there that
    begins "1. (U) AT LEAST T..." (a media partner's cut preview: 88LIMA9331, 93LIMA56) is
    escaped as a paragraph's first line is: an ordered list from 1 may interrupt a paragraph
    in CommonMark, and the rendered page lost the "1."."""
    from markdown_it import MarkdownIt

    from convert.writers import markdown

    cable = hand_tei()
    div = cable.tei.find(f".//{T}body/{T}div")
    assert div is not None
    div.insert(1, etree.fromstring(f'<ab xmlns="{TEI_NS}" type="wrapper">1. (U) AT LEAST T...</ab>'))
    text = markdown.write(cable, WriteOptions()).decode()
    assert "\n1\\. (U) AT LEAST T..." in text
    rendered = MarkdownIt("commonmark").render(text)
    assert "<ol>" not in rendered and "1. (U) AT LEAST T..." in rendered


def _paragraph_classes(body: str) -> list[str]:
    """The classes of the edition's block for paragraph 5, the TEI markup ``body``."""
    from convert.writers import html

    cable = hand_tei()
    last = cable.tei.findall(f".//{T}body//{T}p[@n]")[-1]
    last.addnext(etree.fromstring(
        f'<p xmlns="{TEI_NS}" n="5"><label type="paragraph-number">5.</label> '
        f'<seg type="portion-marking">(C)</seg> {body}</p>'))
    article = html.article(cable, WriteOptions(), flavour="pdf")
    (block,) = [div for div in article.iter("div") if (div.get("data-label") or "").startswith("\u00b65")]
    return (block.get("class") or "").split()


def test_a_comment_at_the_end_of_a_paragraph_leaves_the_paragraph_in_the_body_style() -> None:
    """A drafter's comment after a paragraph of reporting (``… THE RC. (COMMENT: MAYBE. …
    END COMMENT.)``, 02ROME3639 ¶8 and 484 of 6,850 outputs) does not set the whole paragraph
    in the comment's italics: the reporting is not the post's comment. A comment or summary
    that opens the paragraph (``Comment: …``, ``Embassy comment: …``) still sets it apart."""
    late = ('COFFERATI WILL ENTER POLITICS, EXPLAINED BOSSI. (<seg type="comment">COMMENT: '
            'MAYBE. END COMMENT.</seg>)')
    assert "comment" not in _paragraph_classes(late)
    assert "comment" in _paragraph_classes('<seg type="comment">Comment: maybe. End comment.</seg>')
    assert "comment" in _paragraph_classes(
        'Embassy <seg type="comment">comment: maybe. End comment.</seg>')
    assert "summary" in _paragraph_classes('<seg type="summary">Summary: talks. End summary.</seg>')
    assert "summary" not in _paragraph_classes(
        'The talks went well. They will go on. <seg type="summary">Summary: talks.</seg>')


def _unnumbered_classes(body: str, n: str | None = None) -> list[str]:
    """The classes of the edition's block for a paragraph (unnumbered, or numbered ``n``) after
    the last numbered one, the TEI markup ``body`` (found by its first words)."""
    from convert.writers import html

    cable = hand_tei()
    last = cable.tei.findall(f".//{T}body//{T}p[@n]")[-1]
    number = f' n="{n}"' if n else ""
    last.addnext(etree.fromstring(f'<p xmlns="{TEI_NS}"{number}>{body}</p>'))
    article = html.article(cable, WriteOptions(), flavour="pdf")
    words = "".join(etree.fromstring(f"<p>{body.replace(' xmlns', ' x')}</p>").itertext()).split()
    start = " ".join(words[:2])
    (block,) = [div for div in article.iter("div") if " ".join("".join(div.itertext()).split()).startswith(start)]
    return (block.get("class") or "").split()


def test_a_paragraph_all_of_a_text_quoted_over_paragraphs_is_set_as_a_quotation() -> None:
    """``Begin text:`` / ``The Government of India expresses …`` / … ``End text.`` (05NEWDELHI2094,
    09PANAMA94's diplomatic note, 74 of 6,850 pages): the TEI marks the quotation's parts; an
    unnumbered paragraph that is all one part is set as a quotation, indented, in every medium
    (``> `` in Markdown). A paragraph with words of the cable's own beside the part, or a numbered
    paragraph of the cable, stays in the body style, and so do the markers alone (``Begin Text:``, ``End Text.``)."""
    assert "cable-quote" in _unnumbered_classes('<seg type="quote" part="M">The Government of India notes it.</seg>')
    assert "cable-quote" in _unnumbered_classes('<seg type="quote" part="F">It ends here. End text.</seg>')
    assert "cable-quote" in _unnumbered_classes('<seg type="quote" part="I">Begin text: The note reads so.</seg>')
    # its portion marking before it is no word of the cable's own (a draft note's ``(U) AS A RESULT …``, 10STATE1168)
    assert "cable-quote" in _unnumbered_classes(
        '<seg type="portion-marking">(U)</seg> <seg type="quote" part="M">AS A RESULT, IT PROPOSES SO.</seg>')
    assert "cable-quote" not in _unnumbered_classes(
        'The Government said more. <seg type="quote" part="I">Begin text: The note reads so.</seg>')
    assert "cable-quote" not in _unnumbered_classes(
        '<seg type="quote" part="F">It ends here. End text.</seg> The Embassy will reply.')
    assert "cable-quote" not in _unnumbered_classes('<seg type="quote" part="F">End points.</seg>')  # (the marker)
    # the start marker alone is the cable's as its end is (05BRASILIA3116: ``Begin Text:`` … ``End Text.``)
    assert "cable-quote" not in _unnumbered_classes('<seg type="quote" part="I">Begin Text:</seg>')
    assert "cable-quote" not in _unnumbered_classes('<seg type="quote" part="I">BEGIN PROPOSED TEXT:</seg>')
    assert "cable-quote" not in _unnumbered_classes(
        '<label type="paragraph-number">9.</label> <seg type="quote" part="M">The Government notes it.</seg>', "9")


def _signatures(closer: str, transcript: bool = False) -> list[str]:
    """The signature lines the edition (or the transcript) prints for the TEI ``closer``'s content."""
    from convert.writers import html

    cable = hand_tei()
    old = cable.tei.find(f".//{T}closer")
    old.getparent().replace(old, etree.fromstring(f'<closer xmlns="{TEI_NS}">{closer}</closer>'))
    article = html.article(cable, WriteOptions(transcript=transcript), flavour="pdf")
    return [" ".join("".join(div.itertext()).split()) for div in article.iter("div")
            if "signature" in (div.get("class") or "").split()]


def test_a_signature_written_twice_is_printed_once_in_the_edition() -> None:
    """``FRISBIE`` / ``FRISBIE`` (05SANJOSE2158) and ``KUBISKE KUBISKE`` (09BRASILIA1412): a signature
    line copied twice (33 of 6,850 pages). The TEI keeps both as written, and so does the transcript;
    the edition signs once. A name signed again after an end marker (a quoted telegram's signer,
    then the cable's: ``RICE`` / ``UNQUOTE`` / ``RICE``) is printed both times."""
    twice = "<signed><persName>FRISBIE</persName></signed><lb/><signed><persName>FRISBIE</persName></signed>"
    assert _signatures(twice) == ["FRISBIE"]
    assert _signatures(twice, transcript=True) == ["FRISBIE", "FRISBIE"]
    assert _signatures("<signed><persName>KUBISKE</persName> KUBISKE</signed>") == ["KUBISKE"]
    assert _signatures("<signed><persName>SHANNON</persName> Shannon</signed>") == ["SHANNON"]
    quoted = ('<signed><persName>RICE</persName></signed><lb/><trailer type="end-marker">UNQUOTE</trailer>'
              '<lb/><signed><persName>RICE</persName></signed>')
    assert _signatures(quoted) == ["RICE", "UNQUOTE", "RICE"]


def test_a_references_letter_written_twice_is_printed_once_in_the_edition() -> None:
    """``REF: A. A) MEXICO 1963`` / ``B. B) MEXICO 2409`` (06MEXICO2460; 131 of 6,850 pages, with ``A. (A)``;
    ``B. B: PANAMA 00917``, 09PANAMA8):
    the TEI keeps the label as written; the edition prints the letter once, the transcript as written."""
    from convert.normalize import normalize
    from convert.readers import text
    from convert.writers import markdown

    cable = normalize(text.read(
        "C O N F I D E N T I A L MEXICO 002460\n\nSIPDIS\n\nE.O. 12958: DECL: 05/04/2016\nTAGS: PREL MX\n"
        "SUBJECT: TEST\n\nREF: A. A) MEXICO 1963\n     B. B: MEXICO 2409\n\n1. (C) The talks went well.\n\n"
        "GARZA\n", "06MEXICO2460.txt"))
    assert [x.text for x in cable.tei.iter(f"{T}label") if "MEXICO" not in (x.tail or "")][:2] == ["A. A)", "B. B:"]
    edition = markdown.write(cable, WriteOptions()).decode()
    assert "REF: A. MEXICO 1963" in edition and "\nB. MEXICO 2409" in edition and "A. A)" not in edition
    assert "A. A) MEXICO 1963" in markdown.write(cable, WriteOptions(transcript=True)).decode()
    # the REF label written again after the letter (09CAIRO2404): the letter once too
    cable = normalize(text.read(
        "C O N F I D E N T I A L CAIRO 002404\n\nSIPDIS\n\nE.O. 12958: DECL: 12/14/2019\nTAGS: PREL EG\n"
        "SUBJECT: TEST\n\nREF: A. REF: A. STATE 55370\n     B. CAIRO 2361\n\n1. (C) The talks went well.\n\n"
        "SCOBEY\n", "09CAIRO2404.txt"))
    edition = markdown.write(cable, WriteOptions()).decode()
    assert "REF: A. STATE 55370" in edition and "A. REF" not in edition


def _with_list(items: str) -> Cable:
    """The hand-made cable with a list of ``items`` (TEI markup) after its last numbered paragraph."""
    cable = hand_tei()
    last = cable.tei.findall(f".//{T}body//{T}p[@n]")[-1]
    last.addnext(etree.fromstring(f'<list xmlns="{TEI_NS}" type="items">{items}</list>'))
    return cable


def test_a_list_all_of_a_quoted_text_is_set_as_the_quotation() -> None:
    """``Begin Text:`` / … / ``Sincerely yours,`` / ``Federico Carillo Zurcher`` / ``Minister of Finance`` /
    ``End Text:`` (05SANJOSE2186): the letter's close is a list of lines, each a part of the quotation;
    the edition sets it as the quotation it closes, not as the embassy's own lines. A list with one
    item of the cable's own stays in the body style."""
    from convert.writers import html

    def classes(items: str) -> list[str]:
        article = html.article(_with_list(items), WriteOptions(), flavour="pdf")
        (div,) = [d for d in article.iter("div") if "cable-list" in (d.get("class") or "").split()
                  and "Sincerely" in "".join(d.itertext())]
        return (div.get("class") or "").split()

    close = ('<label/><item><seg type="quote" part="M">Sincerely yours,</seg></item>'
             '<label/><item><seg type="quote" part="M">Federico Carillo Zurcher</seg></item>')
    assert "cable-quote" in classes(close)
    assert "cable-quote" not in classes(close + "<label/><item>The Embassy supports it.</item>")


def test_a_quoted_paragraph_with_its_quoted_list_is_one_quotation() -> None:
    """``Acting under Chapter VII of the Charter of the United Nations,`` / ``1. Welcomes …`` / ``2. Takes note …``
    (08STATE3800, a resolution's text): the TEI holds the quoted words and the quoted list in one paragraph. The
    paragraph is set as the quotation, its lead too, and the list inside it is not set as a second quotation; words
    of the cable's own beside the list leave the paragraph in the body style."""
    items = ('<list type="items"><label>1.</label><item><seg type="quote" part="M">Welcomes it;</seg></item>'
             '<label>2.</label><item><seg type="quote" part="M">Decides to remain seized of the matter.</seg></item>'
             '</list>')
    lead = '<seg type="quote" part="M">Acting under Chapter VII of the Charter,</seg>'
    assert "cable-quote" in _unnumbered_classes(lead + items)
    assert "cable-quote" not in _unnumbered_classes('The Council said so. ' + lead + items)
    from convert.writers import html

    cable = hand_tei()
    last = cable.tei.findall(f".//{T}body//{T}p[@n]")[-1]
    last.addnext(etree.fromstring(f'<p xmlns="{TEI_NS}">{lead}{items}</p>'))
    article = html.article(cable, WriteOptions(), flavour="pdf")
    (listed,) = [d for d in article.iter("div") if "cable-list" in (d.get("class") or "").split()
                 and "Welcomes" in "".join(d.itertext())]
    assert "cable-quote" not in (listed.get("class") or "").split()  # (one quotation, not one inside another)
    assert "cable-quote" in (listed.getparent().get("class") or "").split()


def test_markdown_prints_a_list_without_labels_as_one_block_of_lines() -> None:
    """``Vetting #: 99533`` / ``Rank/Name: MAJ …`` / ``DOB: 1/1/1978`` (10STATE13894): a record's fields, one
    to a line, are one Markdown block with a hard break after each line, so the next record (a list of its
    own) starts a block of its own; a list with labels keeps an item to a block."""
    from convert.writers import markdown

    fields = "".join(f"<label/><item>{line}</item>" for line in ("Vetting #: 99533", "DOB: 1/1/1978"))
    text = markdown.write(_with_list(fields), WriteOptions()).decode()
    assert "\n\nVetting #: 99533\\\nDOB: 1/1/1978\n\n" in text
    labelled = "<label>--</label><item>the first point;</item><label>--</label><item>the second.</item>"
    text = markdown.write(_with_list(labelled), WriteOptions()).decode()
    assert "the first point;\n\n" in text
