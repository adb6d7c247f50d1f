"""Property-based tests over the readers and the normalizer (issue #5).

For arbitrary text and bytes, for cable-shaped text built from real line shapes, and for
real cables mutated (lines dropped, duplicated, swapped, re-wrapped, case changed, bytes
flipped, header removed, two cables run together), the result is TEI valid against both
schemas that keeps every input word, or a typed error: never a traceback, never a hang.

Sizes: every property has a fast twin (the default run, ~400 examples in all, derandomized
so CI is reproducible) and a ``slow`` twin (``pytest -m slow tests/test_properties.py``,
50,000 examples in all, derandomized too unless ``CABLE_FUZZ_RANDOM=1``).
``CABLE_FUZZ_SCALE=N`` multiplies the slow counts (``scripts/fuzz_report.py`` uses it).
"""

from __future__ import annotations

import html as html_lib
import io
import os
from collections.abc import Callable
from typing import Any

import hardening_support as hs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convert.errors import ConvertError, EmptyInputError
from convert.readers import cablegate, cablescsv

SCALE = float(os.environ.get("CABLE_FUZZ_SCALE", "1") or 1)
_COMMON: dict[str, Any] = {
    "deadline": None,  # the per-example bound is hs.deadline (a hang fails, slowness does not)
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large,
                              HealthCheck.filter_too_much],
}
FAST = settings(derandomize=True, database=None, print_blob=True, **_COMMON)
#: the slow run is derandomized too, so CI sees the same 50,000 examples every time; set
#: CABLE_FUZZ_RANDOM=1 to explore new ones (a failure prints the example to reproduce it)
SLOW = settings(derandomize=os.environ.get("CABLE_FUZZ_RANDOM") != "1", database=None, print_blob=True,
                **_COMMON)
#: slow examples per fast example
SLOW_FACTOR = 100


#: every property: name -> (function, strategies, fast example count); fuzz_report.py runs these
PROPERTIES: dict[str, tuple[Callable[..., None], tuple[st.SearchStrategy[Any], ...], int]] = {}


def twin(weight: int, *strategies: st.SearchStrategy[Any]) -> Callable[[Callable[..., None]], tuple[Any, Any]]:
    """A fast test (``weight`` examples) and a slow-marked one (``weight * 100 * SCALE``)."""

    def make(fn: Callable[..., None]) -> tuple[Any, Any]:
        PROPERTIES[fn.__name__.lstrip("_")] = (fn, strategies, weight)
        fast = settings(FAST, max_examples=weight)(given(*strategies)(fn))
        slow_n = max(1, int(weight * SLOW_FACTOR * SCALE))
        slow = pytest.mark.slow(settings(SLOW, max_examples=slow_n)(given(*strategies)(fn)))
        return fast, slow

    return make


# ------------------------------------------------------------------ strategies
# Line shapes seen in real cables (ARTIFACTS.md): the generator combines them with noise so
# the normalizer's recognisers all get exercised, alone and in wrong places.
CABLE_LINES = [
    "VZCZCXRO0038", "VZCZCXYZ0000", "PP RUEHWEB", "RR RUEHCN RUEHBJ", "DE RUEHBR #1657/01 2231926",
    "DE RUEHPE #4262 3062117", "ZNY CCCCC ZZH", "ZNR UUUUU ZZH", "ZNY SSSSS ZZH", "P 091758Z FEB 09",
    "O P 280224Z MAR 09", "R 271245Z DEC 66", "P R 281848Z DEC 66", "FM AMEMBASSY BEIJING",
    "FM SECSTATE WASHDC", "FM USMISSION USNATO", "FM AMCONSUL SHENYANG",
    "TO RUEHC/SECSTATE WASHDC IMMEDIATE 5906", "TO SECSTATE WASHDC PRIORITY 9351",
    "INFO RUEHZK/ECOWAS COLLECTIVE", "RUEHRY/AMEMBASSY CONAKRY 0071", "AMEMBASSY ROME PRIORITY 1234",
    "INFO MERCOSUR COLLECTIVE", "TO SECSTATE WASHDC PRIOITY 0974", "XMT AMEMBASSY PARIS", "BT",
    "C O N F I D E N T I A L SECTION 01 OF 03 MADRID 000091", "S E C R E T STATE 037561",
    "UNCLAS SECTION 01 OF 02 STATE 087776", "UNCLASSIFIED BUENOS AIRES 2481",
    "C O N F I D E N T I A L  DUSHANBE 001870", "SECTION 1 OF 2 TEHRAN 2069",
    "C o n f i d e n t i a l section 01 of 02 Rome 000123", "UNCLAS E F T O LONDON 002187",
    "LIMITED OFFICIAL USE SECTION 02 OF 02 PARIS 001234", "T O P S E C R E T STATE 000001",
    "SIPDIS", "NOFORN", "SENSITIVE", "SENSITIVE BUT UNCLASSIFIED", "EXDIS", "NODIS // NOFORN",
    "DEPT FOR EUR/WE (VAN CLEVE); DEPT FOR AF/C", "E.O. 12958: DECL: 09/17/2019",
    "E.0. 12958: DECL: 03/05/11", "E.O. 12958: N/A", "EO 12958 DECL: 1.4(B)",
    "TAGS: PREL PGOV MOPS CG VT", "TAGS: OVIP (CLINTON, HILLARY) PREL", "TAGS [ETRD](#) ECON",
    "SUBJECT: DROC--VATICAN DEMARCHE", "SUBJ: GUINEA - U.S./French Meeting",
    "SUBJECT: (C) SOMETHING ABOUT A THING", "REF: A. STATE 123 B. 08 PARIS 45",
    "REF: 2007 VLADIVOSTOK 095", "REFTEL: BEIJING 1463", "(A) TBILISI 1605", "B. ROME 721",
    "Classified By: Ambassador Jon Huntsman for reasons 1.4 (b) and (d)",
    "1. (U) CLASSIFIED BY CDA JOSEPH MERANTE FOR REASONS 1.5", "1. (C) Summary: text follows.",
    "2. (SBU) More text here, and more.", "3. (S/NF) Secret words.", "11. (C) Damaged number.",
    "¶1. (C) A pilcrow.", "12.(U) No space.", "A. A lettered item;", "(a) a small item;",
    "-- a dashed item", "* a starred item", "B) another item.", "(ii) roman item",
    "MADRID 00000091 002 OF 003", "OUAGADOUGO 00001158 002 OF 002",
    "PAGE 02 VATICA 01261 061419Z", "CONFIDENTIAL", "UNCLASSIFIED // SBU", "---------------",
    "=====", "END SUMMARY.", "BEGIN SUMMARY:", "COMMENT: This is a comment.", "END COMMENT.",
    "(End Comment)", "NNNN", "#", "HUNTSMAN", "Huntsman", "CLINTON", "END COMMENT. NICHOLSON",
    "This record is a partial extract of the original cable.", "Cable dated:2009-06-02T09:22",
    "Monday, 02 June 2009, 09:22", "<<220571>>", "----- header ends -----", "id: 12",
    "===== CABLE ENDS =====", "Classification: CONFIDENTIAL", "> quoted line",
    "12345", "6/2/2009 9:22", "2009-06-02 09:22", "09BEIJING1463|09STATE123",
    "&quoted text8 and it,s fine", "vis--vis", "XXXXXXXXXXXX", "R&D; <br> <<220571>>",
    "Declassified/Released US Department of State EO Systematic Review 30 JUN 2005",
    # digits that are not ASCII (\\d matches them in Python, [0-9] does not in the schema)
    "PAGE ٠٢ STATE ١٢٣٤٥٦ ١٢١٢١٢Z", "١. (C) Arabic-Indic number.", "MADRID ００００００９１ ００２ OF ００３",
    "P ٠٩١٧٥٨Z FEB ٠٩", "DE RUEHBR #١٦٥٧/٠١ ٢٢٣١٩٢٦", "REF: A. STATE ١٢٣",
]
_TEXT_ALPHABET = st.characters(blacklist_categories=("Cs",))
_ASCIIISH = st.characters(min_codepoint=9, max_codepoint=0x2030, blacklist_categories=("Cs",))
noise_line = st.text(_ASCIIISH, max_size=90)
word_line = st.lists(
    st.sampled_from(["THE", "the", "Embassy", "U.S.", "PRC", "(C)", "1.", "A.", "--", "said",
                     "Ministry", "and", "of", "a", "REF", "TAGS", "SUBJECT", "END", "COMMENT",
                     "XXXXXXXX", "&", "8", "1.4", "(b)", "2009", "000123", "#1463", "E.O.",
                     "SECTION", "OF", "PAGE", "RUEHBJ", "¶", ":", "-", "vis-", "a-"]),
    max_size=16,
).map(" ".join)
cable_line = st.one_of(st.sampled_from(CABLE_LINES), word_line, noise_line, st.just(""))
cable_text = st.lists(cable_line, max_size=60).map("\n".join)


def lines_of(data: bytes) -> list[str]:
    return data.decode("utf-8", "replace").split("\n")


def plain_cable(name: str, form: str, data: bytes) -> str:
    """The cable text of a real fixture (header, blank line, body), whatever its form."""
    out = hs.convert(data, form)
    raw = out.raws[0]
    assert raw is not None, name
    return ((raw.header or "") + "\n\n" + raw.body) if raw.header else raw.body


@st.composite
def real_cable(draw: st.DrawFn) -> str:
    name, form, data = draw(st.sampled_from(hs.real_texts()))
    return plain_cable(name, form, data)


# mutations of a list of lines -------------------------------------------------
def _drop(lines: list[str], d: st.DrawFn) -> list[str]:
    if not lines:
        return lines
    i = d(st.integers(0, len(lines) - 1))
    n = d(st.integers(1, 5))
    return lines[:i] + lines[i + n:]


def _duplicate(lines: list[str], d: st.DrawFn) -> list[str]:
    if not lines:
        return lines
    i = d(st.integers(0, len(lines) - 1))
    j = d(st.integers(i, min(len(lines), i + 6)))
    return lines[:j] + lines[i:j] + lines[j:]


def _swap(lines: list[str], d: st.DrawFn) -> list[str]:
    if len(lines) < 2:
        return lines
    i, j = d(st.integers(0, len(lines) - 1)), d(st.integers(0, len(lines) - 1))
    lines = list(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return lines


def _rewrap(lines: list[str], d: st.DrawFn) -> list[str]:
    if not lines:
        return lines
    i = d(st.integers(0, len(lines) - 1))
    j = d(st.integers(i + 1, len(lines)))
    width = d(st.integers(5, 140))
    words = " ".join(lines[i:j]).split()
    out: list[str] = []
    current = ""
    for word in words:
        if current and len(current) + 1 + len(word) > width:
            out.append(current)
            current = word
        else:
            current = f"{current} {word}" if current else word
    if current:
        out.append(current)
    return lines[:i] + out + lines[j:]


def _case(lines: list[str], d: st.DrawFn) -> list[str]:
    how = d(st.sampled_from([str.upper, str.lower, str.title, str.swapcase, str.capitalize]))
    if d(st.booleans()):
        return [how(x) for x in lines]
    if not lines:
        return lines
    i = d(st.integers(0, len(lines) - 1))
    return [*lines[:i], how(lines[i]), *lines[i + 1:]]


def _drop_header(lines: list[str], d: st.DrawFn) -> list[str]:
    del d
    for index, line in enumerate(lines):
        if not line.strip() and index:
            return lines[index + 1:]
    return lines[len(lines) // 3:]


def _insert_noise(lines: list[str], d: st.DrawFn) -> list[str]:
    i = d(st.integers(0, len(lines)))
    return [*lines[:i], d(cable_line), *lines[i:]]


def _truncate(lines: list[str], d: st.DrawFn) -> list[str]:
    text = "\n".join(lines)
    cut = d(st.integers(0, len(text)))
    return text[:cut].split("\n")


def _blank_and_indent(lines: list[str], d: st.DrawFn) -> list[str]:
    if not lines:
        return lines
    i = d(st.integers(0, len(lines) - 1))
    pad = d(st.sampled_from(["", " ", "   ", "\t", "\u00a0", "\u2028", "\x0c"]))
    return [*lines[:i], "", pad + lines[i], *lines[i + 1:]]


def _run_together(lines: list[str], d: st.DrawFn) -> list[str]:
    other = d(real_cable()).split("\n")
    return lines + d(st.sampled_from([[], [""], ["", ""]])) + other


LINE_MUTATIONS = {
    "drop": _drop, "duplicate": _duplicate, "swap": _swap, "rewrap": _rewrap, "case": _case,
    "drop-header": _drop_header, "noise": _insert_noise, "truncate": _truncate,
    "blank-indent": _blank_and_indent, "two-cables": _run_together,
}


@st.composite
def mutated_cable(draw: st.DrawFn) -> tuple[list[str], str]:
    text = draw(st.one_of(real_cable(), real_cable(), cable_text))
    lines = text.split("\n")
    applied = []
    for _ in range(draw(st.integers(1, 4))):
        name = draw(st.sampled_from(sorted(LINE_MUTATIONS)))
        applied.append(name)
        lines = LINE_MUTATIONS[name](lines, draw)
    newline = draw(st.sampled_from(["\n", "\n", "\r\n", "\r"]))
    return applied, newline.join(lines)


# presenting a text in each input form ------------------------------------------
def as_page(header: str | None, body: str, meta: dict[str, str] | None = None) -> bytes:
    """A cablegate page: the metadata table, then header and body ``<pre>`` blocks with the
    site's newline references (the text itself is not escaped: that is what the site does)."""
    meta = meta or {}
    cells = "".join(f"<td>{html_lib.escape(meta.get(k, ''))}</td>"
                    for k in ("id", "created", "released", "classification", "origin"))
    pre = [x.replace("\n", "&#x000A;") for x in ([header] if header is not None else []) + [body]]
    return (
        "<html><body><table class='cable'><tr><th>Reference ID</th><th>Created</th>"
        "<th>Released</th><th>Classification</th><th>Origin</th></tr>"
        f"<tr>{cells}</tr></table>"
        + "".join(f"<code><pre>{p}</pre></code>" for p in pre)
        + "</body></html>"
    ).encode("utf-8")


def csv_escape(field: str) -> str:
    return field.replace("\\", "\\\\").replace('"', '\\"').replace("'", "\\'")


def as_csv_row(body: str, header: str = "", refid: str = "09TEST1", row: int = 1,
               date: str = "6/2/2009 9:22", origin: str = "Embassy Test",
               classification: str = "UNCLASSIFIED", refs: str = "") -> str:
    fields = [str(row), date, refid, origin, classification, refs, header, body]
    return ",".join(f'"{csv_escape(f)}"' for f in fields) + "\n"


def present(text: str, form: str) -> bytes:
    if form == "html":
        parts = text.split("\n\n", 1)
        header, body = (parts[0], parts[1]) if len(parts) == 2 and parts[0].strip() else (None, text)
        return as_page(header, body)
    if form == "csv":
        return as_csv_row(text).encode("utf-8")
    return text.encode("utf-8")


def flip_bytes(data: bytes, draw: st.DrawFn) -> bytes:
    if not data:
        return data
    buf = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        i = draw(st.integers(0, len(buf) - 1))
        buf[i] ^= draw(st.sampled_from([0x01, 0x20, 0x80, 0xFF, 0x40]))
    return bytes(buf)


FORMS = st.sampled_from(["text", "html", "csv", None])

_META_VALUE = st.one_of(
    st.sampled_from(["", "09BEIJING1463", "../../etc/x", "2009-06-02 09:22", "2009-13-45 99:99",
                     "1966-12-01 00:00", "garbage", "UNCLASSIFIED//FOUO", "SECRET//NOFORN",
                     "Embassy Beijing", "<b>x</b>", "&amp;&#0;&#x1b;&#xD800;", "2009-06-02T09:22"]),
    st.text(_ASCIIISH, max_size=40),
)
metadata = st.fixed_dictionaries({k: _META_VALUE for k in
                                  ("id", "created", "released", "classification", "origin")})


# ------------------------------------------------------------------ properties
def _arbitrary_text(text: str, form: str | None) -> None:
    hs.assert_holds(text.encode("utf-8", "surrogatepass"), form)


test_arbitrary_text, test_arbitrary_text_slow = twin(
    50, st.text(_TEXT_ALPHABET, max_size=400), FORMS)(_arbitrary_text)


def _arbitrary_bytes(data: bytes, form: str | None) -> None:
    hs.assert_holds(data, form)


test_arbitrary_bytes, test_arbitrary_bytes_slow = twin(
    40, st.binary(max_size=600), st.sampled_from(["text", "html", "csv", "tei", None]))(_arbitrary_bytes)


def _cable_shaped(text: str, form: str) -> None:
    hs.assert_holds(present(text, form), form)


test_cable_shaped_text, test_cable_shaped_text_slow = twin(
    70, cable_text, st.sampled_from(["text", "html", "csv"]))(_cable_shaped)


#: ``(C) …``: unnumbered paragraphs that open with their portion marking (``marked-paragraph``),
#: among the line shapes every pass and closing rule reads: a consumer that rebuilds such a
#: paragraph's lines as a field, a wrapper, a heading or a closing line loses the marking
_MARKED_LINE = st.tuples(
    st.sampled_from(["(C) ", "(S) ", "(U) ", "(C)", "(B) ", "17.\n\n(C) ", "(C) 1. ", "(SBU) 2. "]),
    st.one_of(st.sampled_from(CABLE_LINES), word_line, noise_line,
              st.just("HMG is aware that Iran could soon begin to look for suppliers.")),
).map("".join)
marked_text = st.lists(
    st.one_of(st.lists(st.one_of(_MARKED_LINE, _MARKED_LINE, cable_line), min_size=1, max_size=3).map("\n".join),
              cable_line),
    max_size=8,
).map("\n\n".join)
test_marked_paragraphs, test_marked_paragraphs_slow = twin(
    20, marked_text, st.sampled_from(["text", "html", "csv"]))(_cable_shaped)


def _mutated_real(mutation: tuple[list[str], str], form: str, flip: bool, data: st.DataObject) -> None:
    applied, text = mutation
    payload = present(text, form)
    if flip:
        payload = flip_bytes(payload, data.draw)
    note = f"mutations: {applied}, flipped: {flip}"
    try:
        hs.assert_holds(payload, form if not flip or form == "text" else None)
    except AssertionError as exc:
        raise AssertionError(f"{note}\n{exc}") from None


test_mutated_real_cables, test_mutated_real_cables_slow = twin(
    120, mutated_cable(), st.sampled_from(["text", "html", "csv"]), st.booleans(), st.data(),
)(_mutated_real)


def _tei_round_trip(name_form: tuple[str, str, bytes], flip: bool, data: st.DataObject) -> None:
    """TEI written by the tool reads back as the same document; damaged TEI is refused with a
    typed error or (if it still parses) still validates."""
    from lxml import etree

    _name, form, raw = name_form
    first = hs.convert(raw, form)
    assert first.error is None, first.error
    tei = etree.tostring(first.cables[0].tei, xml_declaration=True, encoding="UTF-8")
    payload = flip_bytes(tei, data.draw) if flip else tei
    with hs.deadline(20, "TEI read"):
        out = hs.convert(payload, "tei")
    if not flip:
        assert out.error is None, out.error
        assert etree.tostring(out.cables[0].tei) == etree.tostring(first.cables[0].tei)
    else:
        assert not hs.problems(out, check_words=False), hs.problems(out, check_words=False)


test_tei_round_trip, test_tei_round_trip_slow = twin(
    30, st.sampled_from(hs.real_texts()), st.booleans(), st.data())(_tei_round_trip)


def _page_metadata(text: str, meta: dict[str, str]) -> None:
    """A cablegate page whose metadata table holds anything: the table is independent
    metadata, never trusted to be well formed."""
    parts = text.split("\n\n", 1)
    header, body = (parts[0], parts[1]) if len(parts) == 2 else (None, text)
    hs.assert_holds(as_page(header, body, meta), "html")


test_page_metadata, test_page_metadata_slow = twin(40, st.one_of(real_cable(), cable_text), metadata)(_page_metadata)


def _csv_metadata(text: str, refid: str, date: str, classification: str, refs: str) -> None:
    """A cables.csv row whose columns hold anything (within the row's own grammar)."""
    row = as_csv_row(text, refid=refid, date=date, classification=classification, refs=refs)
    hs.assert_holds(row.encode("utf-8"), "csv")


_CSV_DATE = st.one_of(st.sampled_from(["6/2/2009 9:22", "13/45/2009 99:99", "2/30/2009 10:00",
                                       "1/1/0001 0:00", "12/31/9999 23:59"]),
                      st.from_regex(r"\A\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}\Z"))
test_csv_metadata, test_csv_metadata_slow = twin(
    30, st.one_of(real_cable(), cable_text), _META_VALUE, _CSV_DATE, _META_VALUE,
    st.one_of(_META_VALUE, st.just("09STATE1|09PARIS2|../x")),
)(_csv_metadata)


# readers on their own -------------------------------------------------------------
_FIELD_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=200)
_META_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\n\r"),
                     max_size=30)


def _csv_rows_round_trip(rows: list[tuple[str, str, str, str]], chunk: int) -> None:
    """Any rows, escaped as the 2011 release escapes them, come back field for field, and the
    chunk size of the streaming reader (a row cut anywhere) changes nothing."""
    text = "".join(as_csv_row(body, header, refid, i + 1, origin=origin)
                   for i, (body, header, refid, origin) in enumerate(rows))
    data = text.encode("utf-8")
    original = cablescsv.CHUNK
    try:
        cablescsv.CHUNK = chunk
        with hs.deadline(20, "CSV read"):
            got = list(cablescsv.iter_rows(io.BytesIO(data), "t.csv"))
    finally:
        cablescsv.CHUNK = original
    if not rows:
        assert got == [] or all(isinstance(g, ConvertError) for g in got)
        return
    assert len(got) == len(rows)
    for number, (raw, (body, header, refid, origin)) in enumerate(zip(got, rows, strict=True), 1):
        if not body.strip():  # an empty text is no cable, as an empty file is
            assert isinstance(raw, EmptyInputError) and raw.source == f"t.csv#{number}", raw
            continue
        assert not isinstance(raw, ConvertError), raw
        assert raw.body == body.replace("\r\n", "\n") or raw.body == body
        assert (raw.header or "") == header
        assert raw.metadata is not None
        assert (raw.metadata.id or "") == refid
        assert (raw.metadata.origin or "") == origin


test_csv_rows_round_trip, test_csv_rows_round_trip_slow = twin(
    50,
    st.lists(st.tuples(_FIELD_TEXT, _FIELD_TEXT, _META_TEXT, _META_TEXT), max_size=6),
    st.sampled_from([1, 2, 3, 7, 64, 1 << 20]),
)(_csv_rows_round_trip)


def _csv_damaged(rows: list[str], data: st.DataObject) -> None:
    """A CSV damaged anywhere (bytes flipped, cut short, quotes lost) yields rows and typed
    errors in order; never a traceback, never a hang; every good row still converts."""
    text = "".join(as_csv_row(b, refid=f"09X{i}", row=i + 1) for i, b in enumerate(rows))
    payload = flip_bytes(text.encode("utf-8"), data.draw)
    if data.draw(st.booleans()):
        payload = payload[: data.draw(st.integers(0, len(payload)))]
    with hs.deadline(20, "damaged CSV"):
        got = list(cablescsv.iter_rows(io.BytesIO(payload), "t.csv"))
    for item in got:
        if isinstance(item, ConvertError):
            continue
        with hs.deadline(20, "normalize"):
            out = hs.convert(as_csv_row(item.body, item.header or "").encode("utf-8"), "csv")
        assert not hs.problems(out), hs.problems(out)


test_csv_damaged, test_csv_damaged_slow = twin(
    30, st.lists(cable_text, min_size=1, max_size=4), st.data())(_csv_damaged)


def _page_round_trip(header: str, body: str) -> None:
    """A cablegate page gives back its ``<pre>`` text exactly (the site's own markup removed,
    numeric references decoded, nothing else unescaped)."""
    page = as_page(header or None, body).decode("utf-8")
    if "<pre" in (header + body).lower() or "</pre" in (header + body).lower():
        return
    if cablegate.markup_in(header) or cablegate.markup_in(body):
        return  # the site's HTML in a <pre> (<br>, a table's tags) is read as a browser shows it: test_readers
    try:
        with hs.deadline(20, "page read"):
            raw = cablegate.read(page, "p.html")
    except ConvertError:
        assert not body.strip() and not header.strip()
        return
    expected_header = header if header else None
    if expected_header is None:
        assert raw.body == body
    else:
        assert (raw.header, raw.body) == (header, body)


_PRE_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="&"), max_size=300)
test_page_round_trip, test_page_round_trip_slow = twin(40, _PRE_TEXT, _PRE_TEXT)(_page_round_trip)


# ------------------------------------------------------------------ what the properties found
#: Inputs that broke the property before the fix named with each (kept as plain tests so a
#: regression shows by name, whatever hypothesis happens to generate).
FOUND = [
    # control characters reached lxml (ValueError): normalize shows them as U+FFFD
    ("E.O. 12958: DECL: 09/17/2019\n\x1b", "text", "control character in the text"),
    ("1. (C) \x00 NUL from a numeric reference", "html-nul", "&#0; in a cablegate page"),
    # a body that is only a closing: div with opener + closer only (tei_all invalid)
    ("the", "html", "one word, taken for a signature"),
    ("NNNN", "csv", "only an end marker"),
    # furniture before the first text line was skipped by both preamble and body: words lost
    ("PAGE 02 VATICA 01261 061419Z", "csv", "only a page-break line"),
    ("OUAGADOUGO 00001158 002 OF 002\nRUEHBJ &", "csv", "page-break line first"),
    # digits that are not ASCII became pb/@n and orgName/@n (profile: [0-9]+)
    ("said\nMADRID ００００００９１ ００２ OF ００３\nx", "csv", "fullwidth page number"),
    ("PAGE ٠٢ STATE ١٢٣٤٥٦ ١٢١٢١٢Z", "csv", "Arabic-Indic page number"),
    ("P 091758Z FEB 09\nFM AMEMBASSY BEIJING\nTO RUEHC/SECSTATE WASHDC IMMEDIATE ٥٩٠٦\n\n"
     "UNCLAS BEIJING 000001\n\n1. (U) Text here.", "text", "Arabic-Indic addressee sequence"),
    # a hyphen at a line's end before a letter that is not ASCII: AssertionError in join_lines
    ("TAG:A-\nÀ", "text", "hyphen then a non-ASCII letter"),
    # a lower-cased media-partner line: the banner split off, the rest went to the body and
    # the word glued across the cut ("001352sipdise") was lost
    ("s e c r e t section 01 of 02 sanaa 001352sipdise.o. 12958: decl: 05/21/2015tags: prel pgov"
     "\n\n1. (S/NF) Text here.", "text", "lower-cased glued fields"),
    # marked-paragraph made ``(C)`` and the lines after it a paragraph with marking (C); a pass
    # that read its bare lines rebuilt them without it (the marking lost): the routing-copy
    # pass made a wrapper of a copy's lines, the late fields a REF field of ``REF 0 0 0 0 0``
    ("(C)\n" + "\n".join(["VZCZCXRO0038"] * 6), "csv", "marked routing copy"),
    ("(C)REF 0 0 0 0 0", "csv", "marked late REF line"),
    ("DE RUEHBR #1657/01 2231926\n\n(C) REF 0 0 0 0 0", "text", "marked late REF line after a header"),
]


@pytest.mark.parametrize(("text", "form", "why"), FOUND, ids=[w for _, _, w in FOUND])
def test_found_by_the_properties(text: str, form: str, why: str) -> None:
    del why
    if form == "html-nul":
        data = as_page(None, text.replace("\x00", "&#0;"))
        form = "html"
    else:
        data = present(text, form)
    outcome = hs.assert_holds(data, form)
    assert outcome.error is None, outcome.error


@pytest.mark.parametrize(("meta", "why"), [
    ({"created": "garbage", "id": "09X1"}, "a date cell that is not a date: int('garb') crash"),
    ({"created": "2009-13-45 99:99"}, "an impossible date became date/@when"),
    ({"released": "2009-06-02T09:22"}, "a date in the wrong shape became date/@when"),
    ({"id": "&#x1b;x", "origin": "&#0;"}, "control characters in table cells"),
], ids=lambda x: x if isinstance(x, str) else "")
def test_metadata_table_found_by_the_properties(meta: dict[str, str], why: str) -> None:
    del why
    outcome = hs.assert_holds(as_page(None, "UNCLAS STATE 000001\n\n1. (U) Text.", meta), "html")
    assert outcome.error is None


@pytest.mark.parametrize(("refid", "date", "why"), [
    ("ÓF\r%", "6/2/2009 9:22", "a CR in a CSV column broke the profile's one-line pattern"),
    ("09X1", "1/1/0001 0:00", "year 1 written '1-01-01' (strftime %Y): int() crash"),
    ("\x0c\x81", "6/2/2009 9:22", "a form feed in a CSV column reached lxml"),
], ids=lambda x: x if len(x) > 20 else "")
def test_csv_columns_found_by_the_properties(refid: str, date: str, why: str) -> None:
    del why
    row = as_csv_row("UNCLAS STATE 000001\n\n1. (U) Text.", refid=refid, date=date, classification="\r")
    outcome = hs.assert_holds(row.encode("utf-8"), "csv")
    assert outcome.error is None


def test_damaged_tei_is_refused_typed() -> None:
    """TEI that parses but breaks the profile (a renamed attribute) was accepted and handed
    to the writers; it is an InvalidTEIError now."""
    from lxml import etree

    out = hs.convert(hs.SEED.read_bytes(), "text")
    tei = etree.tostring(out.cables[0].tei, encoding="unicode")
    tei = tei.replace('type="cable-id"', 'type="cable-id" uype="x"', 1)
    again = hs.convert(tei.encode("utf-8"), "tei")
    assert again.error is not None and again.error.exit_code == 11, again.error
    assert "profile" in again.error.message


def test_csv_first_row_judged_on_enough_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a read size smaller than a row opening, a good file was refused as 'not a
    cables.csv file' (the first read was judged alone)."""
    monkeypatch.setattr(cablescsv, "CHUNK", 1)
    rows = list(cablescsv.iter_rows(io.BytesIO(as_csv_row("text").encode()), "t.csv"))
    assert len(rows) == 1 and not isinstance(rows[0], ConvertError), rows
