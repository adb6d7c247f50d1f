"""Forms found by reading editions against their pages (session 44): the blind holdouts' miss and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record, _text

from convert.model import NS
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import html

_HANOI_HEAD = HEAD.replace("SUBJECT: TEST\n", "SUBJECT: TEST\n\nREF: {}\n")


def test_references_each_with_its_title_in_parentheses_are_each_a_reference() -> None:
    """``REF: HANOI 60 (FEW CHANGES AT THE 9TH PARTY PLENUM)  HANOI 330 (IDEOLOGY RESURGENT? …)  HANOI
    413 (…)`` (09HANOI809): the titles stand between the cables; each cable is read, not the first
    alone. A year in parentheses before a cable (``BRASILIA 1210; (08) SAO PAULO 497``) is no title."""
    refs = ("MADRID 60 (FEW CHANGES AT THE PLENUM)  MADRID 330 (IDEOLOGY RESURGENT? THE NEW CONCEPT (ITS "
            "IMPLICATIONS))  MADRID 413 (IN SPAIN, TWO DON'T MIX)")
    got = _record("1. (C) Text.\n", _HANOI_HEAD.format(refs))["references"]
    assert [r["id"] for r in got] == ["07MADRID60", "07MADRID330", "07MADRID413"]
    assert got[1]["text"] == "MADRID 330 (IDEOLOGY RESURGENT? THE NEW CONCEPT (ITS IMPLICATIONS))"
    year = _record("1. (C) Text.\n", _HANOI_HEAD.format("BRASILIA 1210; (08) SAO PAULO 497"))["references"]
    assert "07SAOPAULO497" not in [r["id"] for r in year]


def test_a_website_notice_in_curly_quotation_marks_is_the_trailer_and_the_name_above_signs() -> None:
    """``JEFFREY`` / blank / ``“Visit Ankara's Classified Web Site at http://www.intelink.s gov.gov/…”``
    (09ANKARA1549): the quoted notice is the post's trailer, so the name above it is the signer and
    neither is a paragraph of the text."""
    body = ("1. (C) The talks went well.\n\nJEFFREY\n\n"
            "“Visit Ankara's Classified Web Site at http://www.intelink.s gov.gov/wiki/Portal:Turkey”\n")
    assert _record(body)["signer"] == "JEFFREY"
    assert "Visit" not in _text(body) and "JEFFREY" not in _text(body)


def test_numbers_restarting_in_a_translation_the_cable_introduces_and_ends_are_the_translations() -> None:
    """``¶6. (U) An official translation of the GOC counterproposal follows, provided by U.S. Department of
    State …:`` … ``Article VI`` / ``Privileges and Immunities`` / ``¶1. United States personnel …`` …
    ``End of official translation.`` (08BOGOTA4083, blind holdout 66): an article's two title lines stand
    alone, and the restarted numbers are the agreement's, not the cable's paragraphs."""
    opening = "".join(f"{n}. (C) Paragraph {n} of the cable.\n\n" for n in range(1, 6))
    quoted = ("6. (U) An official translation of the counterproposal follows, provided by U.S. Department of State,"
              " Office of Language Services:\n\nArticle I\nDefinitions\n1. (U) The first clause of the article.\n"
              "2. (U) The second clause of the article.\n\nArticle II\nPrivileges and Immunities\n"
              "1. (U) Personnel shall enjoy the privileges.\n2. (U) The authorities shall give consideration.\n\n"
              "End of official translation.\n\nBROWNFIELD\n")
    assert [p["n"] for p in _record(opening + quoted)["paragraphs"]] == [1, 2, 3, 4, 5, 6]
    unclosed = quoted.replace("End of official translation.", "We await guidance.")
    assert [p["n"] for p in _record(opening + unclosed)["paragraphs"]] == [1, 2, 3, 4, 5, 6, 1, 2, 1, 2]


def _paragraphs(body: str) -> list[tuple[str | None, str]]:
    """The TEI's paragraphs: their numbers and their first words."""
    return [(p.get("n"), " ".join("".join(p.itertext()).split())[:40])
            for p in _cable(body).tei.iterfind(".//t:body//t:p", NS)]


def test_a_paragraph_number_alone_over_its_text_numbers_that_text() -> None:
    """``1.`` / blank / ``The following responses are keyed to reftel.`` (09TRIPOLI268, a page line cut
    from the number's line): one paragraph 1 with its text, not an empty paragraph 1 and an unnumbered
    one. A number over a title (``¶6.`` / ``Growing Community Involvement``) stays as it was."""
    got = _paragraphs("REF: 08 STATE 74840\n\n1.\n\nThe following responses are keyed to reftel.\n\n2. (U) More.\n")
    assert got == [("1", "1. The following responses are keyed to "), ("2", "2. (U) More.")]
    titled = _cable("1. (U) Text.\n\n2.\n\nGrowing Community Involvement in Trafficking\n\n3. (U) More.\n")
    heads = [" ".join("".join(h.itertext()).split()) for h in titled.tei.iterfind(".//t:body//t:ab", NS)
             if h.get("type") == "heading"]
    assert heads == ["Growing Community Involvement in Trafficking"]


def test_a_sentence_a_blank_line_cut_after_a_year_is_one_paragraph() -> None:
    """``… the Spaniards are good at it. According to the 2007`` / blank / ``EU Terrorism Situation and
    Trend Report, during …`` (08MADRID522): one paragraph. An entry of a list ending in its year after
    a stop (``… Barros. CLIVAR. 2004`` / blank / ``Climate change in the …``) stays apart."""
    body = ("4. (S) Spain's commitment to fighting terrorism is strong.\nIn fact, the Spaniards are good at it."
            " According to the 2007\n\nEU Terrorism Situation and Trend Report, during the October\n1, 2005 to"
            " December 31, 2006 period, 257 terrorists were\n")
    assert [n for n, _ in _paragraphs(body)] == ["4"]
    assert "According to the 2007 EU Terrorism Situation" in _text(body)
    listed = body.replace("good at it. According to the 2007", "good at it. M. Doyle y V. Barros. CLIVAR. 2004")
    assert [n for n, _ in _paragraphs(listed)] == ["4", None]


def test_an_underlined_title_after_a_redaction_is_a_heading() -> None:
    """``xxxxxxxxxxxx Private Plea on IRGC Designation`` / ``-------`` / ``¶2. (C) …`` (07LONDON3175): the
    redaction in lower case first does not make the line a sentence going on; it heads the section."""
    body = ("1. (C) Summary. A text. End Summary.\n\nxxxxxxxxxxxx Private Plea on IRGC Designation\n"
            "------------------------------------------\n\n2. (C) He made his plea.\n")
    heads = [" ".join("".join(h.itertext()).split()) for h in _cable(body).tei.iterfind(".//t:body//t:ab", NS)
             if h.get("type") == "heading"]
    assert len(heads) == 1 and heads[0].endswith("Private Plea on IRGC Designation")


def test_a_numbered_paragraphs_title_over_its_rule_keeps_its_line_in_the_edition() -> None:
    """``¶2. (C) A PICNIC WITH THE “AMERICAN MAFIA”`` / ``-----`` / ``Members of …`` (09ASMARA47, 09CAIRO874):
    the rule is drawn by no edition, but the text goes on under the title, not in its line."""
    body = ("1. (C) Summary. A text. End Summary.\n\n2. (C) A PICNIC WITH THE AMERICAN MAFIA\n"
            "-----------------------------------------\nMembers of the American Mafia, senior officials, have taken "
            "the lead.\n\n3. (C) More text.\n")
    page = html.write(_cable(body), WriteOptions()).decode()
    assert "A PICNIC WITH THE AMERICAN MAFIA<br>" in page


def test_a_corrected_copys_notice_wrapped_onto_the_next_line_is_read_whole_in_the_source_note() -> None:
    """``C O R R E C T E D C O P Y - ADDED AMEMBASSY LONDON AS ADDITIONAL`` / ``ADDRESSEE.`` (10BUENOSAIRES71),
    ``… C O P Y (ADDED`` / ``CLASSIFIED BY LINE)`` (09LONDON2347): the note says what was corrected whole. A
    distribution line after a notice that is whole (``… COPY CAPTION`` / ``DEPT FOR WHA …``) is no part of it."""
    def note(lines: str) -> str:
        head = HEAD.replace("SIPDIS\n", lines + "\nSIPDIS\n")
        return dict(frus.source_note(_cable("1. (C) Text.\n", head).view))["corrected"]

    assert note("C O R R E C T E D C O P Y - ADDED AMEMBASSY LONDON AS ADDITIONAL\nADDRESSEE.") == (
        "Sent as a corrected copy (ADDED AMEMBASSY LONDON AS ADDITIONAL ADDRESSEE).")
    assert note("C O R R E C T E D  C O P Y (ADDED\nCLASSIFIED BY LINE)") == (
        "Sent as a corrected copy (ADDED CLASSIFIED BY LINE).")
    assert note("C O R R E C T E D COPY CAPTION\nDEPT FOR WHA DAS JACOBSON") == "Sent as a corrected copy (CAPTION)."
