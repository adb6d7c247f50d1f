"""Tables written in plain text (rule ``text-table``): found where columns align, never in the
look-alikes (hanging indents, two spaces after a full stop, bullets, indented quotations, wrapped
prose, underlined headings), and printed by every writer with their lines as they stand."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from markdown_it import MarkdownIt

from convert.model import Cable
from convert.normalize import normalize_traced
from convert.normalize.rules.tables import find_tables
from convert.options import WriteOptions
from convert.readers import text as text_reader
from convert.textview import local_name
from convert.writers import docx, epub, html, markdown, pdf
from convert.writers import json as json_writer

MAYORS = [
    "City Mayor Party Coalition",
    "----        -----                -----       ---------",
    "Meknes      Ahmed Hilal          PAM           RNI, UC",
    "Marrakesh   TBD                  PAM   PI, RNI, MP, UC",
    "Tangier     Samir Abdelmoula     PAM           RNI, MP",
    "Rabat       Fathallah Oualalou   USFP    PJD, PI, RNI,",
    "                                               and PPS",
]
FIGURES = [
    "               2005   2006",
    "               ----   ----",
    "Industry      344.9  428.7",
    "Real Estate   234.6  350.0",
    "Tourism        53.5  144.1",
]

CABLE = "\n".join([
    "UNCLAS RABAT 000607", "", "SIPDIS", "", "E.O. 12958: N/A", "TAGS: PGOV MO", "SUBJECT: MAYORS", "",
    "1. (U) Mayors and Their Coalitions follow:", *MAYORS, "",
    "2. (SBU) Foreign direct investment by sector:", "", *FIGURES, "Source:  Central Bank.", "",
    "3. (U) The mayors take office in July.", "", "JACKSON",
])


def test_a_table_with_its_head_line_rule_and_wrapped_cell() -> None:
    lines = ["Mayors and Their Coalitions follow:", *MAYORS]
    assert find_tables(lines) == [(1, len(lines))]


def test_figures_right_aligned_without_a_head() -> None:
    assert find_tables(FIGURES) == [(0, 5)]


def test_a_head_set_over_the_columns_and_wrapped_row_labels_are_the_tables() -> None:
    lines = [
        "Table one:",
        "                  Amount",
        "Year        (USD million)    Percent of GDP",
        "----        -------------    --------------",
        "2005            861               4.3%",
        "Tourism          $1,229    $1,095   $1,078",
        "Revenues (USD",
        "mln)",
        "Tourism              8%        7%       6%",
        "FDI** Directed    $52.1    $111.5      $76",
        "The figures are the Central Bank's.",
    ]
    assert find_tables(lines) == [(1, 10)]


def test_a_column_shared_by_half_the_rows_is_enough_but_not_less() -> None:
    rows = ["   Theft of Vehicles    5403 cases   18.2%", "   Assaults (Robbery)   7500 cases   4.2%",
            "   Vehicle Break-ins    6916 cases   22.5%", "   Kidnappings    8 cases           9  cases total",
            "   Bank Assaults  9 cases           11 cases total", "   Homicides      300  cases   9%(275 homicides)"]
    assert find_tables(rows) == [(0, 6)]
    # rows whose cells share no edge are no table
    assert find_tables(["Theft   5403", "Assaults (Robbery)  7500 cases", "Kidnappings     8", "Bank   9 cases"]) == []


@pytest.mark.parametrize("lines", [
    # a hanging indent after an item label: the only gap follows the label
    ["(A)  POST IS NOT AWARE OF ANY SUCH", "     PLANS BY THE GOVERNMENT.", "(B)  NO OFFICIAL HAS SAID SO.",
     "(C)  POST WILL REPORT FURTHER."],
    # two spaces after a full stop, however the sentences fall
    ["The Minister said he would not go.  He added that the", "party had no plan.  The President agreed.  Nobody",
     "else spoke.  The meeting ended at noon.  The press was", "not told of it.  That is all."],
    # prose whose copy left two or three spaces between some words
    ["Army prior to its arrests of AFO members  (an additional eight",
     "AFO  members linked to \"El Teo\" were arrested by the Army July",
     "8.)   Killing municipal police - a much softer target than the",
     "well-armed convoys of military police that patrol the city."],
    ["Supreme Court  and President Uribe on naming a new Prosecutor",
     "General would  continue well into 2010. The Supreme Court justices",
     "were visiting  Spain now and would go into recess upon their return.",
     "In January,  the justices' focus would be on electing a new Supreme"],
    # bullets, an indented quotation, an underlined heading
    ["-- The Government will act.", "-- The efforts will go on.", "-- Nobody will be left out."],
    ["     \"WE WILL NOT ACCEPT ANY CONDITIONS ON", "     THE TALKS, AND WE WILL NOT", "     NEGOTIATE WITH THEM.\""],
    ["SUMMARY", "-------", "The talks failed.", "Nobody was surprised."],
])
def test_look_alikes_are_no_tables(lines: list[str]) -> None:
    assert find_tables(lines) == []


@pytest.fixture(scope="module")
def cable() -> Cable:
    done = normalize_traced(text_reader.read(CABLE, "tables.txt"))
    assert "text-table" in done.fired
    return done.cable


def _tables(cable: Cable) -> list[str]:
    from convert.textview import table_text
    return [table_text(seg) for seg in cable.tei.iter() if local_name(seg) == "seg" and seg.get("type") == "table"]


def test_the_tei_keeps_each_line_verbatim_in_its_paragraph(cable: Cable, assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    assert_valid_tei(cable.tei)
    assert _tables(cable) == ["\n".join(MAYORS), "\n".join(FIGURES)]
    for seg in (s for s in cable.tei.iter() if local_name(s) == "seg" and s.get("type") == "table"):
        parent = seg.getparent()
        assert parent is not None and local_name(parent) == "p" and parent.get("n") in {"1", "2"}
    # the introducing line and the text after the table stay the paragraph's
    record = json.loads(json_writer.write(cable, WriteOptions()))
    texts = {p["n"]: p["text"] for p in record["paragraphs"]}
    assert texts[1] == "Mayors and Their Coalitions follow:\n" + "\n".join(MAYORS)
    assert texts[2] == "Foreign direct investment by sector:\n" + "\n".join(FIGURES) + "\nSource: Central Bank."
    assert texts[3] == "The mayors take office in July."


def test_html_epub_docx_and_pdf_keep_the_lines(cable: Cable) -> None:
    page = html.write(cable, WriteOptions()).decode()
    for line in MAYORS + FIGURES:
        assert line in page
    assert "<pre class=\"source-code\">" in page
    book = zipfile.ZipFile(io.BytesIO(epub.write(cable, WriteOptions())))
    chapters = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert all(line in chapters for line in MAYORS)
    document = zipfile.ZipFile(io.BytesIO(docx.write(cable, WriteOptions()))).read("word/document.xml").decode()
    assert all(f">{line}</w:t>" in document for line in MAYORS[:-1])
    assert 'w:val="SourceCode"' in document
    styles = zipfile.ZipFile(io.BytesIO(docx.write(cable, WriteOptions()))).read("word/styles.xml").decode()
    assert "Consolas" not in styles  # the theme's monospaced face, not pandoc's
    data = pdf.write(cable, WriteOptions(pdf_variant="none"))
    assert data.startswith(b"%PDF")


def test_markdown_reads_back_the_lines_unchanged(cable: Cable) -> None:
    text = markdown.write(cable, WriteOptions()).decode()
    fences = [t.content for t in MarkdownIt("commonmark").parse(text) if t.type == "fence"]
    assert fences == ["\n".join(MAYORS) + "\n", "\n".join(FIGURES) + "\n"]


def test_a_row_a_blank_line_sets_apart_keeps_its_columns_prose_after_does_not() -> None:
    source = "\n".join([
        "UNCLAS SAN JOSE 001248", "", "SIPDIS", "", "E.O. 12958: N/A", "TAGS: ECON CS", "SUBJECT: FDI", "",
        "1. (U) Foreign direct investment by sector:", "", *FIGURES, "",
        "TOTAL         632.6  922.8", "",
        "The total grew by half in a year, the Central Bank said.", "",
        "2. (U) The figures are preliminary.", "", "LANGDALE",
    ])
    tables = _tables(normalize_traced(text_reader.read(source, "total.txt")).cable)
    assert tables == ["\n".join(FIGURES), "TOTAL         632.6  922.8"]


def test_the_one_walker_keeps_a_table_s_lines_under_the_reading_given() -> None:
    from lxml import etree

    from convert.textview import LINED_READING, READING, TABLE_READING, table_text, text_of
    tei = "http://www.tei-c.org/ns/1.0"
    p = etree.fromstring(
        f'<p xmlns="{tei}">Figures  follow: <seg type="table">A    1<lb/>B    <choice><orig>2O</orig>'
        '<reg>20</reg></choice><lb/>  C    <gap rend="XXX"/></seg> Source:   the bank.</p>')
    seg = p[0]
    assert text_of(p, LINED_READING) == "Figures follow:\nA    1\nB    20\n  C    XXX\nSource: the bank."
    assert text_of(p, READING) == "Figures follow: A 1 B 20 C XXX Source: the bank."  # (collapsed: no lines kept)
    assert table_text(seg) == table_text(seg, TABLE_READING) == "A    1\nB    20\n  C    XXX"  # (the writers')
    assert table_text(seg, LINED_READING) == "A    1\nB    20\n  C    XXX"


def test_a_first_cell_wrapped_after_a_semicolon_keeps_the_table_whole() -> None:
    # 07SANJOSE1926: ``63-TEX. ART NESOI; NDLECRFT SETS;`` / ``   WRN TXT ART  0.8 …``: a cell's
    # list wrapped, the row going on indented under it; not so where the next row is not indented
    lines = [
        "C.R. Cttn Tex., Rel. Exp to US ($MM) 2005   2006",
        "62-APRL ARTCLS, ACCES; NOT KNIT       246    233     -5%",
        "61-APRL ARTCLS, ACCES; KNIT/CROCHET   238    232     -3%",
        "63-TEX. ART NESOI; NDLECRFT SETS;",
        "   WRN TXT ART                          0.8    0.7  -13%",
        "60-KNITTED OR CROCHETED FABRICS         0.4    0.3  -25%",
        "Total  ($MM)                          485    466     -4%",
    ]
    assert find_tables(lines) == [(0, 7)]
    unindented = [*lines[:4], lines[4].strip(), *lines[5:]]
    assert find_tables(unindented) != [(0, 7)]


def test_rows_set_apart_keep_their_columns_though_a_list_follows_them() -> None:
    # 06BUENOSAIRES109, 07SANJOSE1248: the rows a blank line sets apart from the table, and a
    # list after them that the paragraph takes as its items (``* Central American FDI …``)
    source = "\n".join([
        "UNCLAS SAN JOSE 001248", "", "SIPDIS", "", "E.O. 12958: N/A", "TAGS: ECON CS", "SUBJECT: FDI", "",
        "1. (U) Foreign direct investment by sector:", "", *FIGURES, "",
        "TOTAL         632.6  922.8", "U.S. Share    68.4%  56.8%", "",
        "* Central American FDI is the sum of the four countries.", "",
        "2. (U) The figures are preliminary.", "", "LANGDALE",
    ])
    tables = _tables(normalize_traced(text_reader.read(source, "total.txt")).cable)
    assert tables == ["\n".join(FIGURES), "TOTAL         632.6  922.8\nU.S. Share    68.4%  56.8%"]


def test_a_row_set_apart_with_its_source_under_it_keeps_its_columns_the_source_stays_text() -> None:
    # 09SANJOSE758: ``TOTAL  794  861 …`` / ``(Source: Banco Central de Costa Rica (BCCR))``; a
    # line under the row that has a gap itself (``TOTAL  13`` sharing one edge) keeps both prose
    for under, kept in (("(Source: Central Bank.)", ["TOTAL         632.6  922.8"]), ("TOTAL      13", [])):
        source = "\n".join([
            "UNCLAS SAN JOSE 000758", "", "SIPDIS", "", "E.O. 12958: N/A", "TAGS: ECON CS", "SUBJECT: FDI", "",
            "1. (U) Foreign direct investment by sector:", "", *FIGURES, "",
            "TOTAL         632.6  922.8", under, "",
            "2. (U) The figures are preliminary.", "", "LANGDALE",
        ])
        done = normalize_traced(text_reader.read(source, "total.txt"))
        assert _tables(done.cable)[1:] == kept, under
        assert " ".join(under.split()) in " ".join(" ".join(done.cable.tei.itertext()).split())
