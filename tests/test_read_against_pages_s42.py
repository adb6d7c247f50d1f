"""Forms found by reading editions against their pages (session 42): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _record, _text

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.stations.table import table
from convert.textview import edition_text
from convert.view import frus


def _cable(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return normalize(RawCable(source="t.txt", form="text", body=head + body))


def _texts(body: str, path: str) -> list[str]:
    return [" ".join("".join(e.itertext()).split()) for e in _cable(body).tei.iterfind(path, NS)]


def test_a_number_before_a_marking_that_lost_its_bracket_is_the_paragraphs() -> None:
    """``15.C) Internally, conditions …`` (08MANAMA235): the number glued to a marking without its ``(``
    numbers the paragraph, with that marking; ``2008.C)`` (a year) numbers none."""
    body = ("14. (S) Text of fourteen.\n\n15.C) Internally, conditions continue to simmer.\n\n"
            "16. (S) Text of sixteen.\n")
    assert [(p["n"], p["marking"]) for p in _record(body)["paragraphs"]] == [(14, "(S)"), (15, "C)"), (16, "(S)")]


def test_a_redaction_written_in_capitals_then_small_letters_is_a_gap() -> None:
    """``By contrast, XXXXXXXXXXXxx -- who also favor …`` (09BAGHDAD11, twelve times): the withheld name
    in capitals then small letters reads [redacted] like the others; a word that ends in capitals
    then small letters is no redaction."""
    body = "1. (C) By contrast, XXXXXXXXXXXxx -- who also favor it -- met the XXXXXXXXXXXX party.\n"
    gaps = _cable(body).tei.findall(".//t:body//t:gap", NS)
    assert [g.get("rend") for g in gaps] == ["XXXXXXXXXXXxx", "XXXXXXXXXXXX"]
    assert "By contrast, [redacted] -- who" in " ".join(edition_text(_cable(body)).split())


def test_an_accented_letter_whose_bytes_lost_their_high_bit_is_that_letter() -> None:
    """``DEA Country AttachC)`` (10ASUNCION97), ``BrasC-lia``, ``vis-`-vis`` (09TRIPOLI883): the accented
    letter the teletype cleared the high bit of is corrected, the original kept; acronyms that end in
    ``C`` before a sign (``GoC,``, ``CoC.``) stay as written."""
    body = "1. (U) The AttachC) went to BrasC-lia, vis-`-vis the GoC, the CoC. and the ChargC).\n"
    text = _text(body)
    assert "Attaché went to Brasília, vis-à-vis the GoC, the CoC. and the Chargé." in text
    sics = [s.text for s in _cable(body).tei.iterfind(".//t:body//t:sic", NS)]
    assert sics == ["C)", "C-", "vis-`-vis", "C)"]


def test_small_xs_after_a_figure_are_the_drafters_blank_not_a_redaction() -> None:
    """``as seen in the February 2008xxxx (month?) nationalization`` (09LONDON109): the drafter's blank
    after a figure is text as written; ``xxxxx told us`` (small letters, a word of their own) is withheld."""
    body = "1. (C) As seen in the February 2008xxxx (month?) nationalization, xxxxx told us.\n"
    assert [g.get("rend") for g in _cable(body).tei.iterfind(".//t:body//t:gap", NS)] == ["xxxxx"]
    assert "February 2008xxxx (month?) nationalization, [redacted] told" in " ".join(edition_text(_cable(body)).split())


def test_every_agency_the_station_table_holds_has_a_name_in_words() -> None:
    """``RHMFIUU/HOMELAND SECURITY CENTER WASHINGTON DC`` (08THEHAGUE302, 06PARIS7579): the source note's
    "Repeated to" names it in words as it names the others, never by the table's routing name."""
    head = ("VZCZCXYZ0000\nRR RUEHWEB\nDE RUEHFR #7579/01 3381200\nZNY CCCCC ZZH\nR 041200Z DEC 06\n"
            "FM AMEMBASSY PARIS\nTO RUEHC/SECSTATE WASHDC 0001\nINFO RUEAWJA/DEPT OF JUSTICE WASHDC\n"
            "RHMFIUU/HOMELAND SECURITY CENTER WASHINGTON DC\n\nC O N F I D E N T I A L PARIS 007579\n\n"
            "E.O. 12958: DECL: 01/01/2016\nTAGS: PTER FR\nSUBJECT: TEST\n\n")
    said = frus.repeated_to(_cable("1. (C) Text.\n\nSTAPLETON\n", head).view)
    assert said is not None and "the Homeland Security Center" in said and "WASH" not in said
    unnamed = [s.office for s in table().rows if s.kind == "agency" and not s.frus]
    assert unnamed == []
