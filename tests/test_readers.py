"""Readers: cables.csv streaming, cablegate pages, TEI, text decoding and form detection."""

from __future__ import annotations

import io
import tracemalloc
from pathlib import Path

import pytest

from convert.errors import BinaryInputError, EncodingError, InvalidTEIError, ParseError, UnsafeInputError
from convert.options import ReadOptions
from convert.readers import Source, cablegate, cablescsv, detect_form, expand_inputs, load_source
from convert.readers.decode import decode
from convert.readers.tei import read as read_tei

ROOT = Path(__file__).resolve().parents[1]


def csv_row(n: int, body: str, refid: str = "09MADRID857", header: str = "") -> bytes:
    return (f'"{n}","2/14/2009 12:00","{refid}","Embassy Madrid","CONFIDENTIAL","","{header}","{body}"\n'
            .encode())


# ------------------------------------------------------------------ cables.csv
def test_csv_mysql_escapes_and_literal_newlines():
    body = 'C O N F I D E N T I A L MADRID 000857\n\n1. (C) He said \\"no\\" to the minister\\\'s plan; C:\\\\path.\n'
    rows = list(cablescsv.iter_rows(io.BytesIO(csv_row(1, body)), "x.csv"))
    (row,) = rows
    assert row.source == "x.csv#1"
    assert row.body == ('C O N F I D E N T I A L MADRID 000857\n\n'
                        '1. (C) He said "no" to the minister\'s plan; C:\\path.\n')
    assert row.metadata.id == "09MADRID857" and row.metadata.created == "2009-02-14T12:00"


def test_csv_a_row_whose_opening_cannot_be_read_is_named_in_the_row_before_it():
    """A row whose date is damaged does not open a row: its text runs on in the row before
    it. That row says so (a warning naming the line and the opening) instead of holding
    another cable's text without a word; rows that are sound say nothing."""
    damaged = csv_row(2, "UNCLAS MADRID 000858\n\n1. (U) Other.\n", "09MADRID858").replace(
        b"2/14/2009 12:00", b"yesterday")
    data = csv_row(1, "UNCLAS MADRID 000857\n\n1. (U) Text.\n") + damaged + csv_row(3, "UNCLAS MADRID 000859\n")
    first, third = cablescsv.iter_rows(io.BytesIO(data), "x.csv")
    assert "09MADRID858" in first.body
    assert [n for n in first.notes if "another row" in n] == [
        'line 5 of the text opens another row ("2","yesterday","09MADRID858","Embassy Madrid") that '
        "could not be read as one: its text is read as this row's"]
    assert third.source == "x.csv#3" and not third.notes


def test_csv_doubled_quotes_inside_a_field_do_not_end_it():
    data = csv_row(1, 'TEXT WITH ""PERSONAL REQUEST"" INSIDE') + csv_row(2, "SECOND")
    rows = list(cablescsv.iter_rows(io.BytesIO(data), "x.csv"))
    assert [r.body for r in rows] == ['TEXT WITH ""PERSONAL REQUEST"" INSIDE', "SECOND"]


@pytest.mark.parametrize("chunk", [7, 64, 1000, 1 << 20])
def test_csv_chunk_boundaries_never_change_the_rows(monkeypatch, chunk):
    data = b"".join(csv_row(i, f"ROW {i} \u00e9\u4e2d\u00fc text \\\"q\\\"\n\nmore {i}") for i in range(1, 40))
    monkeypatch.setattr(cablescsv, "CHUNK", chunk)
    rows = list(cablescsv.iter_rows(io.BytesIO(data), "x.csv"))
    assert [r.metadata.row for r in rows] == [str(i) for i in range(1, 40)]
    assert all("\ufffd" not in r.body for r in rows)
    assert rows[5].body == 'ROW 6 \u00e9\u4e2d\u00fc text "q"\n\nmore 6'


def test_csv_unterminated_quote_is_reported_not_read_forever():
    data = csv_row(1, "GOOD") + b'"2","2/14/2009 12:00","X","Embassy Madrid","SECRET","","","THIS NEVER CLOSES\n'
    rows = list(cablescsv.iter_rows(io.BytesIO(data), "x.csv"))
    assert rows[0].body == "GOOD"
    assert isinstance(rows[1], ParseError) and "does not close" in rows[1].message


def test_csv_last_field_without_its_closing_quote_ends_at_the_next_row(monkeypatch):
    """It used to swallow the next row into its body: that row's record was lost, silently."""
    broken = csv_row(2, "SECOND, NEVER CLOSED").replace(b'CLOSED"\n', b"CLOSED\n")
    data = csv_row(1, "FIRST") + broken + csv_row(3, "THIRD") + csv_row(4, "FOURTH")
    for chunk in (16, 1 << 20):
        monkeypatch.setattr(cablescsv, "CHUNK", chunk)
        rows = list(cablescsv.iter_rows(io.BytesIO(data), "x.csv"))
        assert [r.metadata.row for r in rows] == ["1", "2", "3", "4"], chunk
        assert [r.body for r in rows] == ["FIRST", "SECOND, NEVER CLOSED", "THIRD", "FOURTH"]
        assert [bool(r.notes) for r in rows] == [False, True, False, False]
        assert "no closing quote" in rows[1].notes[0]


def test_csv_memory_is_bounded_by_the_row_not_the_file():
    rows = b"".join(csv_row(i, "1. (C) " + "TEXT " * 2000) for i in range(2000))  # ~20 MB
    stream = io.BytesIO(rows)
    tracemalloc.start()
    count = sum(1 for _ in cablescsv.iter_rows(stream, "big.csv"))
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert count == 2000
    assert peak < 8 * 1024 * 1024, f"peak {peak:,} bytes for a {len(rows):,}-byte file"


def test_csv_sample_reads_all_300_rows():
    sample = ROOT.parent / "shared" / "corpus" / "cables-sample.csv"
    with sample.open("rb") as handle:
        rows = list(cablescsv.iter_rows(handle, sample.name))
    assert len(rows) == 300 and not any(isinstance(r, Exception) for r in rows)


def test_csv_file_as_input_yields_one_source_per_row():
    sources = list(expand_inputs([str(ROOT / "data" / "cables-sample-rows.csv")], ReadOptions()))
    assert [s.name.rsplit("#", 1)[1] for s in sources] == ["1", "162"]


# ------------------------------------------------------------------ cablegate pages
PAGE = """<html><body><table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr>
<tr><td><a href='/cable/2009/02/09MADRID857.html'>09MADRID857</a></td><td><a href='/date/x'>2009-02-14 12:01</a></td>
<td><a href='/reldate/x'>2010-11-30 16:04</a></td><td><a href='/classification/3_0.html' title='confidential'>SECRET</a></td>
<td><a href='/origin/57_0.html'>Embassy Madrid</a></td></tr></table>
<code><pre>VZCZCXRO7008&#x000A;P 141200Z FEB 09&#x000A;FM AMEMBASSY MADRID</pre></code>
<code><pre>S E C R E T MADRID 000857 &#x000A;&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a> <a href='/tag/SP_0.html'>SP</a>&#x000A;
&#x000A;<a id='par1' href='#par1'>¶</a>1. (S) R&D; spending and <<220571>> stay.</pre></code>
<script src='/static/js/cables.js'></script></body></html>"""


def test_cablegate_page_reads_table_and_pre_blocks_without_unescaping():
    raw = cablegate.read(PAGE, "p.html")
    assert raw.header == "VZCZCXRO7008\nP 141200Z FEB 09\nFM AMEMBASSY MADRID"
    assert "TAGS: PREL SP" in raw.body
    assert "¶1. (S) R&D; spending and <<220571>> stay." in raw.body
    assert raw.notes == ()
    meta = raw.metadata
    # the link's text is right when its title disagrees
    assert (meta.id, meta.created, meta.classification, meta.origin) == (
        "09MADRID857", "2009-02-14T12:01", "SECRET", "Embassy Madrid")


def test_the_sites_html_inside_a_pre_is_read_as_a_browser_shows_it():
    # a few pages write each line end as <br> and a line break (one break, not two), carry a
    # table's closing tags after the signature, or emphasis; text that only looks like a tag
    # (<<220571>>, <Israel>) is the cable's and stays
    body = ("S E C R E T MADRID 000857 <br>&#x000A;<br>&#x000A;<strong>SUBJECT:</strong> A TEST <br>&#x000A;"
            "&#x000A;1. (S) <em>Text</em> of <Israel> and <<220571>>.<br>&#x000A;SMITH &#x000A;"
            "</td></tr>&#x000A;</table>")
    text = PAGE[PAGE.index("S E C R E T") : PAGE.index("</pre></code>\n<script")]
    raw = cablegate.read(PAGE.replace(text, body), "p.html")
    assert raw.body == ("S E C R E T MADRID 000857 \n\nSUBJECT: A TEST \n\n1. (S) Text of <Israel> and <<220571>>.\n"
                        "SMITH \n\n")
    assert raw.notes == ("the page's text blocks held the site's HTML (</em> \u00d71, </strong> \u00d71, "
                         "</table> \u00d71, </td> \u00d71, </tr> \u00d71, <br> \u00d74, <em> \u00d71, "
                         "<strong> \u00d71): read as a browser shows it (<br> a line break, the other tags nothing)",)


def test_cablegate_page_without_pre_is_refused():
    with pytest.raises(ParseError):
        cablegate.read("<html><table class='cable'></table></html>", "p.html")


def test_a_page_with_one_pre_has_no_header():
    page = PAGE.replace("<code><pre>VZCZCXRO7008&#x000A;P 141200Z FEB 09&#x000A;FM AMEMBASSY MADRID</pre></code>", "")
    raw = cablegate.read(page, "p.html")
    assert raw.header is None and raw.body.startswith("S E C R E T")


# ------------------------------------------------------------------ TEI and decoding
def test_tei_with_doctype_or_entities_is_refused():
    with pytest.raises(UnsafeInputError):
        read_tei(b'<!DOCTYPE x [<!ENTITY a "b">]><TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "t.xml")


def test_tei_of_another_kind_is_refused():
    with pytest.raises(InvalidTEIError):
        read_tei(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', "t.xml")
    with pytest.raises(InvalidTEIError):
        read_tei(b"<html/>", "t.xml")
    with pytest.raises(InvalidTEIError):
        read_tei(b"<TEI", "t.xml")


def test_decoding():
    assert decode("\ufeffUNCLAS".encode("utf-8"), "x") == "UNCLAS"
    assert decode("UNCLAS \u00e9".encode("utf-16"), "x") == "UNCLAS \u00e9"
    with pytest.raises(EncodingError, match="cp1252"):
        decode("caf\u00e9".encode("cp1252"), "x")
    assert decode("caf\u00e9".encode("cp1252"), "x", "cp1252") == "caf\u00e9"
    with pytest.raises(BinaryInputError):
        decode(b"UNCLAS\x00\x01\x02", "x")


@pytest.mark.parametrize("encode", [lambda t: t.encode("utf-8"), lambda t: "\ufeff".encode() + t.encode(),
                                    lambda t: t.encode("utf-16")], ids=["utf-8", "utf-8-bom", "utf-16"])
def test_control_characters_are_counted_in_the_first_64k_characters_only(encode):
    """Control characters are counted in the first 65,536 characters (the sample): over
    max(8, 1 %) of them is binary input, wherever else they are, and the count named is the
    sample's (counted in the UTF-8 bytes when it can be, a regex's count otherwise)."""
    text = "UNCLAS é " * 8000  # 72,000 characters, not all ASCII
    assert decode(encode(text[:65536] + "\x01" * 900), "x")  # past the sample: text
    assert decode(encode("\x01" * 8 + text), "x")  # 8 in the sample: text
    with pytest.raises(BinaryInputError, match=r"^x: 700 control characters"):
        decode(encode(text[:1000] + "\x02" * 700 + text), "x")
    with pytest.raises(BinaryInputError, match=r"^x: 9 control characters"):
        decode(encode("\x7f" * 9 + "UNCLAS"), "x")  # a short input: the sample is all of it


@pytest.mark.parametrize("head, form", [
    ("<?xml version='1.0'?>\n<TEI xmlns='http://www.tei-c.org/ns/1.0'>", "tei"),
    ("<html><table class='cable'>", "html"),
    ('"1","3/6/2001 14:02","01VATICAN1261"', "csv"),
    ("UNCLAS SECTION 01 OF 02 BEIJING 001463", "text"),
    # any web page is read as one (a page without <pre> is refused, not read as text whose markup
    # would land in the fields); text that merely holds markup is text
    ("<!DOCTYPE html>\n<html><body><p>UNCLAS MADRID 000857<br>", "html"),
    ("\ufeff<!-- saved from url=(0014)about:internet -->\n<HTML><BODY>", "html"),
    ("<?xml version='1.0' encoding='utf-8' ?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
    ("UNCLAS MADRID 000857\n<html>", "text"),
])
def test_form_detection(head, form):
    assert detect_form(head) == form


def test_forced_form_overrides_detection(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = list(load_source(Source(str(path), path=str(path)), ReadOptions()))
    assert raw.form == "html"
    (raw,) = list(load_source(Source(str(path), path=str(path)), ReadOptions(form="text")))
    assert raw.form == "text"


def test_csv_blank_references_are_no_references():
    data = b'"1","6/2/2009 9:22","","Embassy Test","","\t| |","","UNCLAS BEIJING 001463\n\n1. (SBU) Text.\n"\n'
    (row,) = list(cablescsv.iter_rows(io.BytesIO(data), "x.csv"))
    assert row.metadata.references == ()


@pytest.mark.parametrize("declaration", [
    b'<meta charset="windows-1252">', b"<meta charset=iso-8859-1>",
    b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">',
])
def test_a_saved_page_is_read_in_the_encoding_it_declares(declaration: bytes) -> None:
    """A cablegate page a browser saved in windows-1252 says so in its head: it is read so,
    without --encoding (ISO-8859-1 as windows-1252, as browsers read it); a page that declares
    nothing, or UTF-8, or an encoding its bytes do not fit, is still refused, and plain text is
    never read by a declaration it happens to hold."""
    body = "<pre>UNCLAS MADRID 000857\n\nSUBJECT: CAF\u00c9 \u201cCON LECHE\u201d\n</pre>"
    page = b"<!DOCTYPE html>\r\n<html><head>" + declaration + b"</head><body>" + body.encode("cp1252") + b"</body></html>"
    assert "CAF\u00c9 \u201cCON LECHE\u201d" in decode(page, "saved.htm")
    for refused in (page.replace(declaration, b""), page.replace(declaration, b'<meta charset="utf-8">'),
                    page.replace(declaration, b'<meta charset="x-no-such">'),
                    b"UNCLAS " + declaration + "\u00c9".encode("cp1252"),
                    b"<html><head><meta charset=shift_jis></head>\xff\xff"):
        with pytest.raises(EncodingError):
            decode(refused, "saved.htm")


def test_csv_a_row_with_an_empty_text_field_is_an_empty_input_the_rows_around_it_read():
    from convert.errors import EmptyInputError

    data = csv_row(1, "UNCLAS MADRID 000857\n") + csv_row(2, " \n ") + csv_row(3, "UNCLAS MADRID 000859\n")
    first, empty, third = cablescsv.iter_rows(io.BytesIO(data), "x.csv")
    assert isinstance(empty, EmptyInputError) and empty.exit_code == 4
    assert empty.source == "x.csv#2" and "text field (line 3) is empty" in empty.message
    assert (first.source, third.source) == ("x.csv#1", "x.csv#3")
