"""Forms found by reading editions against their pages (session 43): the blind holdouts' miss and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record, _text

from convert.model import NS
from convert.textview import edition_text
from convert.view import frus


def test_a_dash_sent_as_hyphen_and_bracket_is_a_dash() -> None:
    """``It took weeks -) even months -) before`` (06ANKARA4688, 11 pages) and ``)-`` after a bracket
    closed (``(47 percent of overall visits) )- increased``, 09SANJOSE917): each is a dash, the
    original kept; a bracket that closes after a hyphen word (``(ref A -)``) is none."""
    body = ("1. (C) It took weeks -) even months -) before they met (in 2008) -) legally ) and "
            "(47 percent of overall visits) )- increased; see (ref A -) too.\n")
    text = _text(body)
    assert "weeks — even months — before they met (in 2008) — legally — and (47 percent of overall visits) — " in text
    assert "(ref A -) too" in text
    sics = [s.text for s in _cable(body).tei.iterfind(".//t:body//t:sic", NS)]
    assert sics == ["-)", "-)", "-)", ")", ")-"]


def test_an_eight_closing_a_quotation_opened_by_a_straight_mark_is_the_closing_mark() -> None:
    """``"… or a judge,8 he said`` (09KABUL3068), ``the "so-called Internet freedom8 and`` (10BEIJING207):
    the 8 closes the quotation a straight mark opened; a figure's decimal (``"a rate of 1.8 percent``),
    an acronym's figure (``"the G8 summit"``) and an 8 with no quotation open stay as written."""
    body = ('1. (C) "You can bribe a judge,8 he said.\n\n2. (C) The "so-called freedom8 and the G8. '
            '"A rate of 1.8 percent" and "the G8 summit" and freedom8 again.\n')
    text = _text(body)
    assert '"You can bribe a judge,” he said.' in text and 'The "so-called freedom” and the G8.' in text
    assert '"A rate of 1.8 percent" and "the G8 summit" and freedom8 again.' in text


def test_a_one_word_title_in_capitals_between_paragraphs_n_and_n_plus_1_heads_the_section() -> None:
    """``… this flow of students.`` / ``DETAINEES`` / blank / ``¶6. (S) …`` (09RIYADH447, 09PRISTINA148):
    the word alone on the paragraph's last line is the next section's title; a name between ¶6 and a
    new ¶6 signs a cable (09RANGOON378) and a redaction withholds a line: both stay in the text."""
    body = ("5. (S) He said we hurt ourselves by cutting off this flow of students.\nDETAINEES\n\n"
            "6. (S) Brennan explained the plan.\nDINGER\n\n6. (S) A second cable's paragraph.\n"
            "XXXXXXXXXXXX\n\n7. (S) More text here.\n")
    blocks = [(e.get("type") or e.tag.split("}")[1], " ".join("".join(e.itertext()).split()))
              for e in _cable(body).tei.find(".//t:body/t:div", NS)]
    assert ("heading", "DETAINEES") in [(kind, text) for kind, text in blocks]
    assert not any(text == "DINGER" for kind, text in blocks if kind == "heading")
    assert "Brennan explained the plan. DINGER" in _text(body)


def test_numbers_restarting_inside_a_text_the_cable_introduces_and_ends_are_the_texts() -> None:
    """``7.(SBU) Following is the text of the Swiss non-paper passed to Larijani:`` … ``¶1.`` … ``¶3.``
    … ``End text of Swiss paper.`` (07BERN259, blind holdout 65): the restarted numbers are the quoted
    paper's points, not paragraphs of the cable; without the end marker they stay paragraphs."""
    opening = "".join(f"{n}. (C) Paragraph {n} of the cable.\n\n" for n in range(1, 7))
    quoted = ("7. (SBU) Following is the text of the Swiss non-paper passed to Larijani:\n\n"
              "1. In order to create confidence, Iran will suspend. The P5 plus 1 will suspend too.\n\n"
              "2. Iran will adopt a policy of transparency. It will present a timetable.\n\n"
              "3. The P5 plus 1 recognize Iran's right. The modalities will be agreed.\n\n")
    assert [p["n"] for p in _record(opening + quoted + "End text of Swiss paper.\nCONEWAY\n")["paragraphs"]] == list(
        range(1, 8))
    assert [p["n"] for p in _record(opening + quoted + "CONEWAY\n")["paragraphs"]] == [*range(1, 8), 1, 2, 3]


def test_a_page_line_whose_station_and_serial_were_redacted_is_a_page_break() -> None:
    """``XXXXXXXXXXXX  002 OF 002`` (10BEIJING207): the page-break line with its station and serial
    withheld is a page break, not a heading in the reading text."""
    body = "1. (C) First paragraph.\n\nXXXXXXXXXXXX  002 OF 002\n\n2. (C) Second paragraph.\n"
    cable = _cable(body)
    assert [pb.get("n") for pb in cable.tei.iterfind(".//t:body//t:pb", NS)] == ["2"]
    assert "002 OF 002" not in edition_text(cable)


def test_a_page_break_after_a_full_line_ending_a_sentence_does_not_end_the_paragraph() -> None:
    """``… supporting regional democracy.`` / page line / ``The DCM thanked Zannini …`` (06BUENOSAIRES1632,
    09RABAT408): where the next word would not have fitted on the line before the break, the teletype
    broke the line and the paragraph goes on; where it would have fitted, the writer ended it there."""
    first = ("(C) Turning to regional issues, the DCM noted U.S. regional\nconcerns and said the U.S. "
             "wanted to see Argentina take a\nmore active role in supporting regional democracy over there.")
    after = ("The DCM thanked Zannini for the GOA's continued help in\nHaiti. The DCM raised the issue "
             "of Venezuela and its threats.")
    page = "\n\nMADRID 00000545  002 OF 003\n\n\n"
    assert len(first.splitlines()[-1]) + 1 + len("The") > len("4. " + first.splitlines()[0])
    joined = _record("4. " + first + page + after + "\n\n5. (C) Next.\n")["paragraphs"]
    assert [p["n"] for p in joined] == [4, 5] and joined[0]["text"].count("\n\n") == 0
    short = _record("4. (C) Turning to regional issues, the DCM noted U.S. regional concerns\nand then "
                    "stopped.\n" + page + after + "\n\n5. (C) Next.\n")
    assert short["paragraphs"][0]["text"].count("\n\n") == 1


def test_a_notice_between_the_classified_by_reasons_and_paragraph_one_begins_the_text() -> None:
    """``Classified By: ECON COUNSELOR …, FOR REASONS 1.4 B & D  Action Request in Paragraphs 4 and 10.
    1. (C) SUMMARY: …`` on one line (09LONDON2479): the notice and paragraph 1 are the text's, not the
    Classified By line's, and paragraph 1 is numbered."""
    body = ("Classified By: ECON COUNSELOR KATHLEEN DOHERTY, FOR REASONS 1.4 B & D  Action Request in "
            "Paragraphs 4 and 10.  1. (C) SUMMARY: UK measures to prohibit British companies from doing business "
            "with IRISL have worked. END SUMMARY\n\n2. (C) Text.\n")
    record = _record(body)
    assert [p["n"] for p in record["paragraphs"]] == [1, 2]
    assert "Action Request in Paragraphs 4 and 10." in _text(body)
    assert "UK measures to prohibit" in record["summary"]


def test_the_source_note_quotes_the_classified_by_line_with_its_apostrophes() -> None:
    """``Classified By: Charge d,Affaires a.i. Christopher Henzel`` (08MANAMA192, 08MANAMA301): the source
    note writes the apostrophe the transmission sent as a comma, as the text does."""
    body = "Classified By: Charge d,Affaires a.i. Christopher Henzel, reasons 1.4 (b) and (d).\n\n1. (C) Text.\n"
    said = " ".join(text for _kind, text in frus.source_note(_cable(body).view))
    assert "Charge d’Affaires a.i. Christopher Henzel" in said


def test_a_contraction_in_capitals_sent_with_a_comma_is_an_apostrophe() -> None:
    """``SUBJECT: COSTA RICA ON CUBAN TRANSITION: WE,LL DO IT OUR WAY`` (06SANJOSE1955): the subject in
    capitals reads ``WE’LL``; a list of capitals (``A,LL``) is not a contraction."""
    head = HEAD.replace("SUBJECT: TEST", "SUBJECT: COSTA RICA ON CUBAN TRANSITION: WE,LL DO IT OUR WAY")
    assert _record("1. (C) Text.\n", head)["subject"] == "COSTA RICA ON CUBAN TRANSITION: WE’LL DO IT OUR WAY"


def _headings(body: str) -> list[str]:
    return [" ".join("".join(h.itertext()).split())
            for h in _cable(body).tei.iterfind(".//t:body//t:ab[@type='heading']", NS)]


def test_the_answer_under_a_label_alone_is_no_heading() -> None:
    """``PURPOSE:`` / blank / ``For commercial resale in Costa Rica`` / blank / ``¶6. (U) …`` (09STATE83456,
    four cables of the State Department's licence checks): the line answers the label; the same line
    after a paragraph's finished sentence is a heading."""
    answer = ("5. (U) The licence lists the seller and the end user.\n\nPURPOSE:\n\n"
              "For commercial resale in Costa Rica\n\n6. (U) Submitted in support were documents.\n")
    titled = ("5. (U) The licence lists the seller and the end user.\n\nCommercial Resale in Costa Rica\n\n"
              "6. (U) Submitted in support were documents.\n")
    assert _headings(answer) == [] and "PURPOSE: For commercial resale in Costa Rica" in _text(answer)
    assert _headings(titled) == ["Commercial Resale in Costa Rica"]


def test_a_title_before_a_page_break_heads_the_numbered_paragraph_after_it() -> None:
    """``COMMENT - A TRUE BELIEVER, BUT PERHAPS NOT IN RUSSIA`` / page line / ``¶13. (C) …`` (09DUSHANBE1433):
    the title alone before the page break heads ¶13 as it would with no page break; a comma may stand
    inside a title in capitals run on after a sentence (``… on April 24. MARATHON, 26-HOUR MEETING …``)."""
    body = ("12. (C) He said the Government had done much for the people.\n\n"
            "COMMENT - A TRUE BELIEVER, BUT PERHAPS NOT IN RUSSIA\n\nMADRID 00000545  003 OF 003\n\n"
            "13. (C) Nazarov spoke quickly. He met Kozlov on April 24. MARATHON, 26-HOUR MEETING ON DEBT\n\n"
            "14. (C) The meeting ran long.\n")
    titles = ["COMMENT - A TRUE BELIEVER, BUT PERHAPS NOT IN RUSSIA", "MARATHON, 26-HOUR MEETING ON DEBT"]
    assert _headings(body) == titles


def test_a_cancel_notice_between_runs_of_zfr_is_transmission_furniture() -> None:
    """``ZFR ZFR ZFR ZFR`` / ``CANCEL AND FILE MESSAGE WILL BE RESENT`` / ``ZFR ZFR ZFR ZFR`` (09REYKJAVIK158),
    ``ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST`` (09BRASILIA1263): the teletype's notice is kept as
    furniture (fw), out of the reading text, not a heading."""
    body = ("5. (C) Text of five.\n\nZFR ZFR ZFR ZFR\nCANCEL AND FILE MESSAGE WILL BE RESENT\nZFR ZFR ZFR ZFR\n\n"
            "6. (C) Text of six.\n\nZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST\n\n7. (C) Text of seven.\n")
    cable = _cable(body)
    fws = [fw.text for fw in cable.tei.iterfind(".//t:body//t:fw[@type='transmission']", NS)]
    assert "CANCEL AND FILE MESSAGE WILL BE RESENT" in fws and "ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST" in fws
    assert "ZFR" not in edition_text(cable) and _headings(body) == []


def test_a_sentence_cut_by_a_blank_line_before_a_figure_is_one_again() -> None:
    """``… Bahrain's officially-published inflation rate of`` / blank / ``2.9 percent is widely perceived …``
    (08MANAMA301, 06BUENOSAIRES34): a figure goes on the sentence as a word with a capital does after a word
    no sentence ends with; a paragraph number after it starts a paragraph."""
    body = ("4. (U) Bahrain's officially-published inflation rate of\n\n2.9 percent is widely perceived as "
            "lacking credibility among many observers here.\n\n5. (U) Next.\n")
    paragraphs = _record(body)["paragraphs"]
    assert [p["n"] for p in paragraphs] == [4, 5]
    assert "inflation rate of 2.9 percent is widely" in paragraphs[0]["text"]


def test_a_quoted_title_in_capitals_under_the_last_item_heads_the_next_section() -> None:
    """``-- On the day of the ship's introduction … in Turkmenbashy.`` / ``“NOTHING IS FREE IN THIS COUNTRY”`` /
    blank / ``¶8. (C) COMMENT: …`` (08ASHGABAT1399): the title in quotation marks is the next section's
    heading, not the list item's last words."""
    body = ("7. (C) Reports said:\n\n-- On the day of the ship's introduction he met Makarov at the hotel.\n"
            "\u201cNOTHING IS FREE IN THIS COUNTRY\u201d\n\n8. (C) COMMENT: The meeting shows it.\n")
    assert _headings(body) == ["\u201cNOTHING IS FREE IN THIS COUNTRY\u201d"]
