"""The reading edition's words (convert/view/frus.py) and options: headings from the station
table, datelines, the source note, the citation, the edition's reading text, user themes, and
the command line's defaults (--to data, --transcript, --theme FILE)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from writers_fixtures import hand_tei

from convert import theme
from convert.errors import StyleError
from convert.model import TEI_NS, Cable
from convert.options import WriteOptions
from convert.textview import REDACTION_LABEL, body_text, edition_text
from convert.view import frus

T = f"{{{TEI_NS}}}"
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed-09BEIJING1463.txt"
XHTML = "http://www.w3.org/1999/xhtml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def routed(sender: str | None, to: list[str], info: list[str] = (), when: str = "2009-06-02T09:22:00Z"
           ) -> Cable:
    """The hand-built cable with other FM, TO and INFO offices (and date)."""
    cable = hand_tei(when=when)
    tei = cable.tei
    sent = tei.find(f".//{T}correspAction[@type='sent']")
    author = tei.find(f".//{T}bibl[@type='telegram']/{T}author")
    for element in (sent.find(f"{T}orgName"), author):
        element.getparent().remove(element)
    if sender:
        etree.SubElement(sent, f"{T}orgName").text = sender
        bibl = tei.find(f".//{T}bibl[@type='telegram']")
        author = etree.Element(f"{T}author")
        etree.SubElement(author, f"{T}orgName").text = sender
        bibl.insert(0, author)
    for subtype, names in (("action", to), ("info", info)):
        action = tei.find(f".//{T}correspAction[@subtype='{subtype}']")
        for child in list(action):
            action.remove(child)
        for name in names:
            etree.SubElement(action, f"{T}orgName").text = name
    return Cable(tei, source="hand-built")


# ------------------------------------------------------------------------------ headings


@pytest.mark.parametrize(("sender", "to", "when", "heading"), [
    ("AMEMBASSY BEIJING", ["SECSTATE WASHDC"], "2009-06-02",
     "Telegram From the Embassy in China to the Department of State"),
    ("SECSTATE WASHDC", ["AMEMBASSY CARACAS", "AMEMBASSY QUITO", "AMEMBASSY LIMA"], "2009-06-02",
     "Telegram From the Department of State to the Embassies in Venezuela, Ecuador, and Peru"),
    ("SECSTATE WASHDC", ["ALL DIPLOMATIC AND CONSULAR POSTS"], "2009-06-02",
     "Telegram From the Department of State to All Diplomatic and Consular Posts"),
    ("SECSTATE WASHDC", ["USMISSION USUN NEW YORK"], "2009-06-02",
     "Telegram From the Department of State to the Mission to the United Nations"),
    ("AMCONSUL SHANGHAI", ["SECSTATE WASHDC", "AMEMBASSY BEIJING"], "2009-06-02",
     "Telegram From the Consulate in Shanghai to the Department of State and the Embassy in "
     "China"),
    ("AMEMBASSY MOSCOW", ["SECSTATE WASHDC"], "1985-02-18",
     "Telegram From the Embassy in the Soviet Union to the Department of State"),
    ("AMEMBASSY THE HAGUE", ["SECSTATE WASHDC", "AMCONSUL AMSTERDAM", "AMCONSUL FRANKFURT"],
     "2009-06-02", "Telegram From the Embassy in the Netherlands to the Department of State and "
     "the Consulates in Amsterdam and Frankfurt"),
    # an office the table does not hold, named from its routing name
    ("AMEMBASSY ATLANTIS", ["SECSTATE WASHDC"], "2009-06-02",
     "Telegram From the Embassy in Atlantis to the Department of State"),
    ("SOME OFFICE", [], "2009-06-02", "Telegram From SOME OFFICE"),
])
def test_heading_names_the_offices(sender: str, to: list[str], when: str, heading: str) -> None:
    cable = routed(sender, to, when=when + "T12:00:00Z")
    assert frus.heading(cable.view) == heading


def test_a_circular_counts_its_addressees() -> None:
    posts = [f"AMEMBASSY {city}" for city in ("PARIS", "LONDON", "ROME", "MADRID", "LISBON",
                                              "BERLIN", "VIENNA", "BERN", "OSLO", "ATHENS",
                                              "DUBLIN")]
    cable = routed("SECSTATE WASHDC", posts)
    assert frus.heading(cable.view) == "Circular Telegram From the Department of State to 11 Posts"
    cable = routed("SECSTATE WASHDC", [*posts[:10], "CIA WASHDC"])
    assert frus.heading(cable.view).endswith("to 11 Addressees")


def test_no_sender_named_falls_back_to_the_id_station() -> None:
    cable = routed(None, [])
    meta = cable.tei.find(f".//{T}bibl[@type='telegram']")
    for note in meta.findall(f"{T}note[@type='classification']"):
        note.text = "UNCLAS"  # no station in the banner either
    assert frus.heading(cable.view) == "Telegram From the Embassy in China"  # 09BEIJING1463


# ------------------------------------------------------------------------------ datelines


def test_dateline_in_words_with_the_dtg_time() -> None:
    assert frus.dateline(hand_tei().view) == "Beijing, June 2, 2009, 0922Z."
    assert frus.date_in_words("1985-02-18T00:00:00") == "February 18, 1985"
    assert frus.date_in_words(None) is None and frus.date_in_words("2009-13-01") is None
    cable = hand_tei()
    date = cable.tei.find(f".//{T}bibl[@type='telegram']/{T}date")
    date.getparent().remove(date)  # no date-time group written: the page's creation date, the day only
    page = etree.SubElement(cable.tei.find(f".//{T}sourceDesc"), f"{T}bibl", type="cablegate-table")
    etree.SubElement(page, f"{T}date", when="2009-06-02T09:22:00", type="created")
    assert frus.dateline(cable.view) == "Beijing, June 2, 2009."
    assert frus.dateline(routed("SOME OFFICE", []).view) == "June 2, 2009, 0922Z."  # no place known


# ------------------------------------------------------------------------------ the note


def test_source_note_of_the_seed_like_cable() -> None:
    note = dict(frus.source_note(hand_tei().view))
    assert note["source"] == "Source: Department of State telegram 09BEIJING1463; text as given."
    assert note["marking"] == "Unclassified; SENSITIVE; SIPDIS."
    assert note["repeated"] == "Repeated to Tokyo and Seoul."
    assert note["tags"] == "TAGS: ETRD, KIPR, CH."
    assert frus.citation(hand_tei().view) == (
        "Telegram 09BEIJING1463 from the Embassy in China to the Department of State, "
        "\u201cCHINA OBJECTS TO SPECIAL 301 DESIGNATION, WANTS MORE CARROT,\u201d June 2, 2009, "
        "0922Z; text as given.")


def test_source_note_of_a_pasted_text_says_standard_input_not_the_readers_name() -> None:
    """``cat FILE | cable-convert -``: the note and the citation say where the text came from in
    words, not the program's name for the stream (``<stdin>``)."""
    from convert.model import Cable
    from convert.view.read import read_copy

    tei = hand_tei().tei
    header = tei.find(f"{T}teiHeader")
    assert header is not None and header.find(f"{T}revisionDesc") is None
    revisions = etree.SubElement(header, f"{T}revisionDesc")
    etree.SubElement(revisions, f"{T}change").text = "Normalized by cable-convert 0.1.0 from <stdin>."
    assert read_copy(tei).name == "<stdin>"
    view = Cable(tei, source="<stdin>").view
    note = dict(frus.source_note(view))
    assert note["source"] == ("Source: Department of State telegram 09BEIJING1463; "
                              "text as given on standard input.")
    assert "<stdin>" not in frus.citation(view)


def test_source_note_names_the_copy_and_the_front_matter() -> None:
    cable = hand_tei()
    source = cable.tei.find(f".//{T}sourceDesc")
    page = etree.SubElement(source, f"{T}bibl", type="cablegate-table")
    etree.SubElement(page, f"{T}date", when="2011-08-30T01:44:00", type="released")
    bibl = cable.tei.find(f".//{T}bibl[@type='telegram']")
    etree.SubElement(bibl, f"{T}note", type="partial-extract").text = "A partial extract."
    etree.SubElement(bibl, f"{T}note", type="classified-by").text = "Classified By: DCM X, 1.4 (b)"
    opener = cable.tei.find(f".//{T}opener")
    etree.SubElement(opener, f"{T}seg", type="routing-other").text = "DRAFTED BY: EAP/CM:SFLATT"
    etree.SubElement(opener, f"{T}seg", type="routing-other").text = "APPROVED BY: EAP:DSHEAR"
    note = dict(frus.source_note(cable.view))
    assert note["source"] == ("Source: Department of State telegram 09BEIJING1463; WikiLeaks "
                              "cablegate page, released August 30, 2011.")
    assert note["partial"] == "A partial extract of the original cable."
    assert note["classified-by"] == "Classified By: DCM X, 1.4 (b)."
    assert note["drafting"] == "Drafted by EAP/CM:SFLATT; approved by EAP:DSHEAR."


def test_source_note_ends_with_where_the_witnesses_disagree() -> None:
    """The normalizer's discrepancy notes (the text against the page's table, the banner against
    the routing header) end the source note, each fact named as FRUS would (09CHISINAU694: the text
    under the header is Ulaanbaatar's; a table's NOFORN the text does not write)."""
    cable = hand_tei()
    source = cable.tei.find(f".//{T}sourceDesc")
    page = etree.SubElement(source, f"{T}bibl", type="cablegate-table")
    etree.SubElement(page, f"{T}note", type="discrepancy").text = (
        "id: the banner gives 09ULAANBAATAR234, the routing header and the cablegate table 09BEIJING1463: the text "
        "seems to be 09ULAANBAATAR234's under 09BEIJING1463's header; the id 09BEIJING1463 is kept")
    etree.SubElement(page, f"{T}note", type="discrepancy").text = (
        "classification: the text's markings read as UNCLASSIFIED, the cablegate table UNCLASSIFIED//NOFORN")
    note = frus.source_note(cable.view)
    assert [kind for kind, _ in note][-2:] == ["discrepancy", "discrepancy"]
    assert note[-2][1].startswith("Telegram number: the banner gives 09ULAANBAATAR234, the routing header")
    assert note[-2][1].endswith("the id 09BEIJING1463 is kept.")
    assert note[-1][1] == ("Classification: the text's markings read as UNCLASSIFIED, the cablegate table "
                           "UNCLASSIFIED//NOFORN.")
    assert not [kind for kind, _ in frus.source_note(hand_tei().view) if kind == "discrepancy"]


def test_source_note_says_a_corrected_copy_and_what_it_corrected() -> None:
    """``C O R R E C T E D  C O P Y -- CLASSIFICATION PARA 4`` among the opener's lines (09HAVANA153;
    105 of the 6,550 pages carry such a notice): the note says so, after where the copy comes from."""
    cable = hand_tei()
    opener = cable.tei.find(f".//{T}opener")
    notice = "C O R R E C T E D  C O P Y -- CLASSIFICATION PARA 4"
    etree.SubElement(opener, f"{T}seg", type="distribution").text = notice
    note = frus.source_note(cable.view)
    assert note[1] == ("corrected", "Sent as a corrected copy (CLASSIFICATION PARA 4).")
    bare = hand_tei()
    etree.SubElement(bare.tei.find(f".//{T}opener"), f"{T}seg", type="distribution").text = "C O R R E C T E D C O P Y"
    assert dict(frus.source_note(bare.view))["corrected"] == "Sent as a corrected copy."
    assert "corrected" not in dict(frus.source_note(hand_tei().view))


def test_source_note_prints_a_redaction_as_the_text_does() -> None:
    """``Classified By: Political Minister-Counselor XXXXXXXXXXXX for reasons 1.4 b and d.`` (06PARIS7904):
    the note prints the redaction as the reading text does, not the publisher's X's."""
    cable = hand_tei()
    bibl = cable.tei.find(f".//{T}bibl[@type='telegram']")
    etree.SubElement(bibl, f"{T}note", type="classified-by").text = (
        "Classified By: Political Minister-Counselor XXXXXXXXXXXX for reasons 1.4 b and d")
    assert dict(frus.source_note(cable.view))["classified-by"] == (
        f"Classified By: Political Minister-Counselor {REDACTION_LABEL} for reasons 1.4 b and d.")


def test_a_quotation_inside_the_cited_subject_takes_single_marks() -> None:
    """``SUBJECT: LAGE AND PEREZ ROQUE ADMIT "ERRORS"`` (09HAVANA153): in the citation, inside its
    quotation marks, the subject's own become single curly ones (not ``“… "ERRORS",”``); an
    apostrophe inside a word stays."""
    cable = hand_tei()
    for title in cable.tei.iter(f"{T}title"):
        if title.get("type") == "subject":
            title.text = 'CHINA SAYS "NO" TO SPECIAL 301'
    cite = frus.citation(cable.view)
    assert "\u201cCHINA SAYS \u2018NO\u2019 TO SPECIAL 301,\u201d" in cite and '"' not in cite
    cable = hand_tei()  # (a view reads its subject once)
    for title in cable.tei.iter(f"{T}title"):
        if title.get("type") == "subject":
            title.text = "'COSTA RICA, INC.': PANAMA'S PARTNERS' VIEWS"
    assert "\u201c\u2018COSTA RICA, INC.\u2019: PANAMA'S PARTNERS\u2019 VIEWS,\u201d" in frus.citation(cable.view)


def test_repeated_to_counts_what_is_not_an_office() -> None:
    cities = ["AMEMBASSY TOKYO", "AMEMBASSY SEOUL", "LOG-00 AID-00 CIAE-00", "029700"]
    cities += [f"AMCONSUL {c}" for c in ("SHANGHAI", "GUANGZHOU", "CHENGDU", "SHENYANG",
                                         "WUHAN", "HONG KONG", "OSAKA KOBE", "NAHA", "SAPPORO",
                                         "FUKUOKA", "NAGOYA")]
    text = frus.repeated_to(routed("AMEMBASSY BEIJING", ["SECSTATE WASHDC"], cities).view)
    assert text.startswith("Repeated to Tokyo, Seoul, Shanghai, Guangzhou,")
    assert text.endswith(", and 3 other addressees (see Transmission)")
    # one addressee past the twelve named is named too, not counted (09BOGOTA3435: ``and 1 other addressee``)
    offices = [f"AMCONSUL {c}" for c in ("SHANGHAI", "GUANGZHOU", "CHENGDU", "SHENYANG", "WUHAN", "HONG KONG",
                                         "OSAKA KOBE", "NAHA", "SAPPORO", "FUKUOKA", "NAGOYA", "CHIANG MAI")]
    text = frus.repeated_to(routed("AMEMBASSY BEIJING", ["SECSTATE WASHDC"], ["AMEMBASSY TOKYO", *offices]).view)
    assert text.endswith(", Fukuoka, Nagoya, and Chiang Mai") and "other addressee" not in text
    text = frus.repeated_to(routed("AMEMBASSY BEIJING", ["SECSTATE WASHDC"],
                                   ["AMEMBASSY TOKYO", "029700", *offices]).view)
    assert text.endswith(", and 2 other addressees (see Transmission)")


# ------------------------------------------------------------------------------ reading text


def test_the_edition_reads_a_redaction_as_its_label_and_the_opener_last() -> None:
    cable = hand_tei()
    edition, transcript = edition_text(cable), body_text(cable)
    assert "XXXXXXXXXXXX" in transcript and "XXXXXXXXXXXX" not in edition
    assert f"Counterfeit goods from {REDACTION_LABEL} in Yiwu" in edition
    assert transcript.startswith("P 020922Z JUN 09 FM AMEMBASSY BEIJING")
    assert edition.startswith("SUBJECT: CHINA OBJECTS")
    assert edition.endswith("E.O. 12958: N/A TAGS: ETRD KIPR CH")
    assert sorted(edition.replace(REDACTION_LABEL, "XXXXXXXXXXXX").split()) == sorted(
        transcript.split())


def test_a_media_partners_wrapper_is_printed_with_the_routing_header_after_the_text() -> None:
    """A media partner's cut preview, database row and copy of the header (``ab type="wrapper"``)
    are not the cable: the edition prints them in the Transmission appendix, after the text;
    the transcript keeps them where they stand."""
    from convert.model import RawCable
    from convert.normalize import normalize
    from convert.writers import html, markdown

    text = (ROOT / "tests" / "fixtures" / "rules" / "copied-fields.txt").read_text(encoding="utf-8")
    cable = normalize(RawCable(source="09QUITO951.txt", form="text", body=text))
    assert cable.tei.xpath("//t:ab[@type='wrapper']", namespaces={"t": TEI_NS})
    page = lxml_html.fromstring(html.write(cable, WriteOptions()))
    (telegram,) = page.xpath("//section[contains(@class, 'telegram')]")
    (appendix,) = page.xpath("//section[contains(@class, 'transmission-appendix')]")
    shown, after = telegram.text_content(), appendix.text_content()
    for wrapper in ("refid: 09QUITO951", "header ends", "1. (...", "TAGS: PGOV ELAB EC SUBJECT"):
        assert wrapper not in shown and wrapper in after, wrapper
    assert "SUMMARY. President Rafael Correa" in shown
    edition = edition_text(cable)
    assert edition.index("Embassy contacts are almost uniform") < edition.index("refid: 09QUITO951")
    assert sorted(edition.split()) == sorted(body_text(cable).split())
    transcript = markdown.write(cable, WriteOptions(transcript=True)).decode()
    assert transcript.index("refid: 09QUITO951") < transcript.index("SUMMARY. President Rafael Correa")


def test_a_redaction_carries_its_label_in_every_markup() -> None:
    """A screen reader and a reader both meet "[redacted]", marked as a redaction and saying
    what was withheld; never a row of X."""
    from convert.writers import docx, epub, html

    title = "Redacted: text withheld when the cable was published (XXXXXXXXXXXX in the source)"
    page = lxml_html.fromstring(html.write(hand_tei(), WriteOptions()))
    (span,) = page.xpath("//span[@class='redaction']")
    assert span.text == REDACTION_LABEL and span.get("title") == title
    with zipfile.ZipFile(io.BytesIO(epub.write(hand_tei(), WriteOptions()))) as book:
        chapter = etree.fromstring(book.read("EPUB/text/ch001.xhtml"))
    (span,) = chapter.xpath("//x:span[@class='redaction']", namespaces={"x": XHTML})
    assert span.text == REDACTION_LABEL and span.get("title") == title
    with zipfile.ZipFile(io.BytesIO(docx.write(hand_tei(), WriteOptions()))) as document:
        body = etree.fromstring(document.read("word/document.xml"))
    runs = body.xpath("//w:r[w:rPr/w:rStyle/@w:val='Redaction']/w:t/text()", namespaces={"w": W})
    assert runs == [REDACTION_LABEL]


def test_the_epub_note_call_is_set_as_a_superscript() -> None:
    """pandoc writes the heading's note call as a bare ``a.footnote-ref`` (no ``sup``): our
    stylesheet, which replaces pandoc's, must set it small and raised."""
    import re

    from convert.writers import epub

    data = epub.write(hand_tei(), WriteOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        chapter = etree.fromstring(book.read("EPUB/text/ch001.xhtml"))
    (call,) = chapter.xpath("//x:h1/x:a[@class='footnote-ref']", namespaces={"x": XHTML})
    assert call.find(f"{{{XHTML}}}sup") is None
    rule = re.search(r"([^{}]*a\.footnote-ref[^{}]*)\{([^}]*)\}", epub.stylesheet_of(data))
    assert rule is not None and "vertical-align: super" in rule[2] and "font-size: 0.7em" in rule[2]


def _chapter_order(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        chapter = etree.fromstring(book.read("EPUB/text/ch001.xhtml"))
    (section,) = chapter.xpath("//x:section[x:h1]", namespaces={"x": XHTML})
    return [etree.QName(child).localname + "." + (child.get("class") or "").split(" ")[0]
            for child in section][:3]


def test_the_epub_prints_the_classification_above_the_heading_then_the_dateline() -> None:
    """The PDF's running head and the HTML page put the classification line above the
    heading and the dateline right under it; the EPUB's chapter reads in the same order
    (pandoc, given the line after the heading, keeps it in the heading's chapter). A volume's
    chapters too."""
    from convert.volume import Volume
    from convert.writers import epub

    order = ["div.classification", "h1.heading-1", "div.dateline"]
    assert _chapter_order(epub.write(hand_tei(), WriteOptions())) == order
    # the transcript keeps its HTML's order: the title, then the classification line
    transcript = _chapter_order(epub.write(hand_tei(), WriteOptions(transcript=True)))
    assert transcript[:2] == ["h1.title", "div.classification"]
    volume = Volume((hand_tei(),), title="A volume")
    with zipfile.ZipFile(io.BytesIO(epub.write_volume(volume, WriteOptions()))) as book:
        names = [name for name in book.namelist() if name.startswith("EPUB/text/ch")]
        chapters = [etree.fromstring(book.read(name)) for name in names]
    headed = [section for chapter in chapters
              for section in chapter.xpath("//x:section[x:h1]", namespaces={"x": XHTML})
              if section.get("id", "").startswith("cable-")]
    firsts = [next(child for child in section if child.get("role") != "doc-pagebreak")
              for section in headed]  # the print page's marker may stand first
    assert firsts and all(etree.QName(first).localname == "div"
                          and "classification" in first.get("class", "") for first in firsts)


# ------------------------------------------------------------------------------ user themes


def write_theme(folder: Path, text: str, name: str = "mine.toml") -> str:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_user_theme_inherits_and_reaches_every_medium(tmp_path: Path) -> None:
    name = write_theme(tmp_path, 'inherit = "modern"\n[fonts]\nbody = ["DejaVu Sans", "sans-serif"]\n'
                       '[colours]\naccent = "#123456"\n[sizes]\nbody = 12\n')
    try:
        loaded = theme.load_theme(theme.check_theme(name))
        assert loaded.font("body") == "DejaVu Sans"
        assert loaded.style("summary") == "Summary"  # inherited
        print_css = theme.stylesheet(loaded.name, "print", "a4")
        assert 'font-family: "DejaVu Sans", sans-serif;' in print_css and "#123456" in print_css
        assert "font-size: 12pt" in print_css
        from convert.writers import docx, html

        page = html.write(hand_tei(), WriteOptions(theme=loaded.name)).decode()
        assert "#123456" in page
        with zipfile.ZipFile(io.BytesIO(docx.write(hand_tei(), WriteOptions(theme=loaded.name)))) as zipped:
            assert b'w:ascii="DejaVu Sans"' in zipped.read("word/styles.xml")
    finally:
        theme.clear_caches()


@pytest.mark.parametrize(("text", "message"), [
    ('[fonts]\nbody = ["DejaVu Serif"]\n', "inherit"),
    ('inherit = "baroque"\n', "no such theme"),
    ('inherit = "modern"\n[sizes]\nbdy = 11\n', "no such token"),
    ('inherit = "modern"\n[sizes]\nbody = "11pt; } body { display: none"\n', "not a value"),
    ('inherit = "modern"\n[colours]\naccent = "red"\n', "not a value"),
    ('inherit = "modern"\n[fonts]\nbody = ["x\\"; } @import url(http://x/)"]\n', "not a value"),
    ('inherit = "modern"\n[styles]\nsummary = "Box"\n', "cannot change"),
    ('inherit = "modern"\n[page.tabloid]\nsize = "A3"\n', "unknown paper"),
    ('inherit = "modern"\n[text]\nalign = "sideways"\n', "not a value"),
    ('inherit = "modern"\n[fonts\n', "not a TOML file"),
])
def test_a_bad_user_theme_is_a_style_error(tmp_path: Path, text: str, message: str) -> None:
    name = write_theme(tmp_path, text)
    with pytest.raises(StyleError, match=message):
        theme.check_theme(name)
    with pytest.raises(StyleError, match="cannot read"):
        theme.check_theme(str(tmp_path / "missing.toml"))


# ------------------------------------------------------------------------------ the command line


def cli(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "convert", *args], capture_output=True,
                          text=True, cwd=cwd, timeout=300, check=False)


def test_help_names_the_default_and_data(tmp_path: Path) -> None:
    text = " ".join(cli("--help").stdout.split())
    assert "(default: tei,json,pdf: the data and a PDF to read)" in text
    assert "data (tei,json: the data alone, nothing rendered)" in text
    assert "--transcript" in text and 'inherit = "modern"' in text


def test_no_to_writes_the_data_and_a_pdf_to_read(tmp_path: Path) -> None:
    done = cli(str(SEED), "-o", str(tmp_path), "-q")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["09BEIJING1463.json", "09BEIJING1463.pdf", "09BEIJING1463.tei.xml",
                     "cable-taxonomy.xml", "report.json"]
    assert (tmp_path / "09BEIJING1463.pdf").read_bytes().startswith(b"%PDF-")


def test_to_data_writes_the_data_alone(tmp_path: Path) -> None:
    done = cli(str(SEED), "-o", str(tmp_path), "--to", "data", "-q")
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))
    assert names == ["09BEIJING1463.json", "09BEIJING1463.tei.xml", "cable-taxonomy.xml", "report.json"]


def test_a_bad_theme_fails_once_before_any_cable(tmp_path: Path) -> None:
    bad = write_theme(tmp_path, 'inherit = "modern"\n[colours]\naccent = "blue"\n')
    out = tmp_path / "out"
    done = cli("data", "-o", str(out), "--theme", bad)
    assert done.returncode == 14
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and bad in lines[0] and "accent" in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_transcript_and_user_theme_through_the_cli(tmp_path: Path) -> None:
    mine = write_theme(tmp_path, 'inherit = "teletype"\n[colours]\naccent = "#123456"\n')
    done = cli(str(SEED), "-o", "-", "--to", "html", "--transcript", "--theme", mine)
    assert done.returncode == 0, done.stderr
    assert 'class="cable-metadata"' in done.stdout and "#123456" in done.stdout
    edition = cli(str(SEED), "-o", "-", "--to", "html")
    assert 'class="cable-metadata"' not in edition.stdout
    assert "Telegram From the Embassy in China" in edition.stdout


def test_api_takes_data_transcript_and_a_theme_file(tmp_path: Path) -> None:
    from convert.api import convert_file, options_from

    assert options_from("data").formats == ("tei", "json")
    assert options_from("data,pdf").formats == ("tei", "json", "pdf")
    assert options_from(transcript=True).write.transcript
    (result,) = convert_file(SEED, to="md", transcript=True)
    assert b"Cable Routing" not in result.outputs["md"] and b"VZCZCXRO8128" in result.outputs["md"]
    with pytest.raises(StyleError):
        options_from(theme=str(tmp_path / "none.toml"))


#: cablegate pages whose source note weasyprint, laid out once, pushes to page 2 (a
#: paragraph's first line ends page 1 and its second would overflow: weasyprint moves the
#: page's footnotes rather than break before the paragraph); found by scripts/eval_edition.py.
#: 07BRASILIA833 no longer is one since main's fields3 normalization changed its text: 08CAIRO9
#: (found by laying out the first pages of 2008 once) stands in for it; 09CAIRO2302 no longer is
#: one since its body stopped hiding in its Classified By line (rule classified-by-runon):
#: 09KABUL2810 (found by laying out 400 pages of 2009 once) stands in for it
NOTE_PUSHED = ("cable/2009/02/09KABUL376.html", "cable/2008/01/08CAIRO9.html")


def test_the_source_note_stays_on_page_one_under_its_heading(cablegate) -> None:
    from pypdf import PdfReader

    from convert.api import convert_file
    from convert.writers import html, pdf

    options = WriteOptions()
    for path in cablegate.unpacked(list(NOTE_PUSHED)):
        cable = convert_file(path, to="tei")[0].cable
        view = cable.view
        # the case still arises: laid out once, without the writer's second look, the note
        # leaves page 1 (if fonts or the theme change this, pick another page)
        root = html.document([html.article(cable, options, flavour="pdf")], "", view.lang, None)
        once = pdf.render(root, options, "test", [], "2009-01-01T00:00:00Z")
        assert "Source:" not in PdfReader(io.BytesIO(once)).pages[0].extract_text(), path.name
        page_one = PdfReader(io.BytesIO(pdf.write(cable, options))).pages[0].extract_text()
        assert f"Source: Department of State telegram {view.id}" in page_one, path.name
        assert page_one.index("Telegram From") < page_one.index("Source:")


def test_paragraph_bookmarks_print_a_redaction_as_the_text_does() -> None:
    """The PDF bookmarks and EPUB navigation of a long cable read "¶1 … XXXXXXXXXXXX" while
    the edition's text prints the redaction as its label; the transcript keeps the X's."""
    from convert.options import ReadOptions
    from convert.pipeline import to_cable
    from convert.readers import Source, load_source
    from convert.writers import html

    path = str(Path(__file__).parent / "golden" / "05SANAA1352.tei.xml")
    cable = to_cable(next(iter(load_source(Source(path, path=path), ReadOptions()))))

    def labels(options: WriteOptions) -> list[str]:
        article = html.article(cable, options, flavour="pdf")
        return [div.get("data-label") or "" for div in article.iter("div") if div.get("data-label")]

    edition = labels(WriteOptions())
    assert edition and not [label for label in edition if "XXX" in label]
    assert edition[0].startswith(f"\u00b61 Ambassador met informally with {REDACTION_LABEL}.")
    assert [label for label in labels(WriteOptions(transcript=True)) if "XXXXXXXXXXXX" in label]


LOU = ("P 121605Z JAN 76\nFM AMEMBASSY MOSCOW\nTO SECSTATE WASHDC PRIORITY 8821\nBT\n"
       "LIMITED OFFICIAL USE MOSCOW 0512\n\nEXDIS\n\nE.O. 11652: N/A\nTAGS: PFOR, UR, US\n"
       "SUBJECT: SOVIET PRESS ON ANGOLA\n\n1. SOVIET PRESS CARRIED A TASS COMMENTARY.\nSTOESSEL\nBT\n")


def test_a_limited_official_use_cable_is_printed_under_its_own_level() -> None:
    """A cable marked LIMITED OFFICIAL USE: the JSON keeps the cablegate record
    (UNCLASSIFIED//FOR OFFICIAL USE ONLY, as the 2011 metadata writes it), but every page, the
    source note and the front matter print the cable's own level, once."""
    from convert.normalize import normalize
    from convert.readers import text
    from convert.writers import get_writer

    cable = normalize(text.read(LOU, "76MOSCOW512.txt"))
    view = cable.view
    assert view.header.marking == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert view.classification == "LIMITED OFFICIAL USE"
    assert dict(frus.source_note(view))["marking"] == "Limited Official Use; Priority; EXDIS."
    page = get_writer("html")(cable, WriteOptions()).decode("utf-8")
    assert 'data-classification="LIMITED OFFICIAL USE"' in page
    assert "UNCLASSIFIED" not in page.split("<body", 1)[1].split("Transmission", 1)[0]


def _addressed(lines: str) -> str | None:
    """The source note's sentence on whom a cable with these office lines is for and from."""
    from convert.normalize import normalize
    from convert.readers import text

    cable = normalize(text.read(
        "C O N F I D E N T I A L BRASILIA 001859\n\nSIPDIS\n\n" + lines + "\n\nE.O. 12958: DECL: 05/25/2016\n"
        "TAGS: PREL BR\nSUBJECT: A LEGACY AND A FUTURE\n\n1. (C) In my first weeks in Brazil I have met many.\n\n"
        "SOBEL\n", "06BRASILIA1859.txt"))
    return dict(frus.source_note(cable.view)).get("addressed")


def test_the_source_note_says_whom_a_personal_telegram_is_for_and_from() -> None:
    """``FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL`` (06BRASILIA1859; about 80 of
    6,850 pages) stands among the office lines the edition prints with the routing header; the
    source note says it, as written, so the reader knows whose "I" the text is. Its words wrapped
    over two lines are joined; a post's line (``FROM USOECD``), a corrected copy's notice and an
    office line without FROM give none."""
    assert _addressed("FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL") == (
        "FOR WHA ASSISTANT SECRETARY SHANNON FROM AMBASSADOR SOBEL.")
    assert _addressed("FOR UNDERSECRETARY SHINER AND ASSISTANT USTR VARGO FROM\nAMBASSADOR LANGDALE") == (
        "FOR UNDERSECRETARY SHINER AND ASSISTANT USTR VARGO FROM AMBASSADOR LANGDALE.")
    assert _addressed("FOR U/S KENNEDY, EUR A/S FRIED AND S/ES DAN\nSMITH FROM AMBASSADOR TEFFT") == (
        "FOR U/S KENNEDY, EUR A/S FRIED AND S/ES DAN SMITH FROM AMBASSADOR TEFFT.")
    assert _addressed("DEPT FOR WHA/BSC") is None
    assert _addressed("FROM USOECD") is None
    assert _addressed("FIRST PARA CHANGED FROM (C) TO (U)") is None
