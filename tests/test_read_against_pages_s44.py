"""Forms found by reading editions against their pages (session 44): the blind holdouts' miss and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

import re

from test_read_against_pages import HEAD, _cable, _record, _text

from convert.model import NS, RawCable, SourceMetadata
from convert.normalize import normalize
from convert.normalize.banner import parse_banner
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import html
from convert.writers.json import record

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


def test_a_spaced_banner_whose_first_space_was_lost_still_counts_its_sections() -> None:
    """``CO N F I D E N T I A L SECTION 01 OF 04 HANOI 000809`` (09HANOI809): four sections, the level
    confidential; a station withheld (``XXXXXXXXXXXX 000004``) gives the banner no reference."""
    banner = "CO N F I D E N T I A L SECTION 01 OF 04 MADRID 000545"
    head = HEAD.replace("C O N F I D E N T I A L MADRID 000545", banner)
    record = _record("1. (C) Text.\n", head)
    assert record["sections"] == 4 and record["classification"] == "CONFIDENTIAL"
    withheld = parse_banner("SE C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000004")  # (10SHENYANG4: no id from it)
    assert withheld is not None and (withheld.sections, withheld.station, withheld.serial) == (2, None, None)


def test_an_addressee_whose_routing_indicator_lost_its_r_is_named_without_it() -> None:
    """``UEHSM/AMEMBASSY STOCKHOLM IMMEDIATE`` (09BRUSSELS1639, three pages): the damaged indicator stays the
    routing, as written; the name is the embassy's."""
    head = ("R 011200Z JAN 07\nFM AMEMBASSY MADRID\nTO RUEHC/SECSTATE WASHDC 0001\n"
            "INFO RUEHBS/AMEMBASSY BRUSSELS 0002\nUEHSM/AMEMBASSY STOCKHOLM IMMEDIATE\n\n") + HEAD
    info = _record("1. (C) Text.\n", head)["info"]
    assert {"name": "AMEMBASSY STOCKHOLM", "routing": "UEHSM"} in [
        {"name": i["name"], "routing": i["routing"]} for i in info]


def test_the_reasons_run_on_into_the_texts_first_sentence_leave_it_in_the_text() -> None:
    """``CLASSIFIED BY: Julieta Valls Noyes, CDA, EXEC, State. REASON: 1.4 (b), (d) Mr. President, it's an honor
    to welcome you …`` (09VATICAN78): the sentence opens the text, not the Classified By line; a line with a
    label after the reasons (``Derived from: …``) is left as it is."""
    body = ("CLASSIFIED BY: Julieta Valls Noyes, CDA, EXEC, State. REASON: 1.4 (b), (d) Mr. President, it's an honor "
            "to welcome you and your family to the Vatican, the smallest state.\n\n1. (C) Officials are pleased.\n")
    assert _text(body).startswith("Mr. President, it's an honor to welcome you")


def test_quotation_marks_a_dash_and_apostrophes_sent_as_q_and_a_second_character() -> None:
    """``against Q&American imperialism.Q8``, ``in much broader Q) and aggressive``, ``the BRVQ,s willingness``,
    ``Maduro called ReyesQ, death`` (08CARACAS283): “ ” — and ’, each Q and its partner one mark; an Audi
    Q8 and a Q&A stay."""
    body = ("1. (C) He spoke against Q&American imperialism.Q8 in much broader Q) and aggressive terms; the BRVQ,s "
            "willingness was plain. Maduro called ReyesQ, death a slap. The Audi Q8 stays, and so does the Q&A.\n")
    assert _text(body).endswith("He spoke against “American imperialism.” in much broader — and aggressive "
                                "terms; the BRV’s willingness was plain. Maduro called Reyes’ death a slap. The "
                                "Audi Q8 stays, and so does the Q&A.")


def test_a_title_broken_after_an_end_summary_with_a_question_and_a_quoted_second_line() -> None:
    """``… UK policy.  End Summary.  More British Troops?`` / blank / ``"The Cupboard is Bare." -----`` /
    ``¶2. …`` (09LONDON2639): one heading, the question its first line; the summary still ends at End Summary."""
    body = ('1. (S/NF) Summary. Officers told us the troops will stay.  End Summary.  More British Troops?\n\n'
            '"The Cupboard is Bare." ---------------------------------------------\n\n2. (S/NF) The Minister spoke.\n')
    heads = [" ".join("".join(h.itertext()).split()) for h in _cable(body).tei.iterfind(".//t:body//t:ab", NS)
             if h.get("type") == "heading"]
    assert heads == ['More British Troops? "The Cupboard is Bare."']


def test_the_teletypes_hash_before_a_signers_name_is_no_part_of_the_edition() -> None:
    """``#HENZEL`` (09MANAMA684), ``MURRAY .`` (09BRUSSELS1639, 05MADRID541): the # and the stop set apart are
    kept in the TEI as the transmission's marks (fw), the edition prints the name alone; a stop glued to the
    name (``PICCUTA.``) is the writer's and stays."""
    cable = _cable("1. (C) We will report on compliance.\n\n#HENZEL\n")
    assert [f.text for f in cable.tei.iterfind(".//t:closer//t:fw", NS)] == ["#"]
    page = html.write(cable, WriteOptions()).decode()
    assert "HENZEL" in page and "#HENZEL" not in page
    apart = _cable("1. (C) The delegation did not review this cable.\n\nMURRAY .\n")  # (09BRUSSELS1639)
    assert [f.text for f in apart.tei.iterfind(".//t:closer//t:fw", NS)] == ["."]
    glued = html.write(_cable("1. (C) The talks went well.\n\nPICCUTA.\n"), WriteOptions()).decode()
    assert "PICCUTA." in re.sub(r"<[^>]+>", "", glued)


def test_a_date_taken_from_the_table_keeps_the_day_where_its_minutes_repeat_the_hour() -> None:
    """``2005-02-10 16:04`` in a page's Created cell (05MADRID541, whose text has no date-time group): 04 is the
    hour again on a 12-hour clock, not a minute (5,926 of 5,928 pages, ``scripts/eval_table_time.py``), so the
    record dates the cable to the day; a cell whose minutes are no such repeat keeps them."""
    def dated(created: str) -> tuple[str, list[str]]:
        meta = SourceMetadata(kind="cablegate-table", id="05MADRID545", created=created)
        cable = normalize(RawCable(source="t.html", form="html", body=HEAD + "1. (C) Text.\n", metadata=meta))
        sent = cable.tei.find(".//t:correspAction[@type='sent']/t:date", NS)
        return record(cable)["date"], [sent.get("when"), sent.get("cert")]

    assert dated("2005-02-10T16:04") == ("2005-02-10", ["2005-02-10", "low"])
    assert dated("2005-02-10T00:12") == ("2005-02-10", ["2005-02-10", "low"])
    assert dated("2005-02-10T16:37") == ("2005-02-10T16:37:00Z", ["2005-02-10T16:37:00Z", "low"])


def test_a_range_of_figures_broken_after_its_hyphen_is_joined_without_a_space() -> None:
    """``… on January 16-`` / ``20, …`` (06SAOPAULO73): ``16-20``; a letter's hyphen before a figure joins too
    (``G-`` / ``8``, ``F-`` / ``15C``: session 52, 07REYKJAVIK247); a figure's line after a text's line with no
    hyphen keeps its space."""
    body = ("1. (U) The mission visited Sao Paulo on January 16-\n20, and met officials of the G-\n8 and others of\n"
            "20 states.\n")
    assert "on January 16-20, and met officials of the G-8 and others of 20 states." in _text(body)


def test_a_paragraphs_list_items_are_one_a_line_in_the_record() -> None:
    """``17. (S) Some possible offers:`` / ``--The regime might accept …`` / ``--They might relax …``
    (09RANGOON205, and 1,381 records so): in ``paragraphs`` and ``body`` each item is a line after its label,
    as the reader sees it, not run on with spaces; the words are the same."""
    body = ("17. (S) Some possible offers:\n\n-- The regime might accept some tweaks.\n\n"
            "-- They might relax some terms of her detention.\n\n18. (S) More text follows here.\n")
    record = _record(body)
    assert record["paragraphs"][0]["text"] == ("Some possible offers:\n-- The regime might accept some tweaks.\n"
                                               "-- They might relax some terms of her detention.")
    assert [b["text"] for b in record["body"] if b.get("n") == 17] == [record["paragraphs"][0]["text"]]
