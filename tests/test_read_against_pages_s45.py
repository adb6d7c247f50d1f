"""Forms found by reading editions against their pages (session 45): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record, _text

from convert.model import NS
from convert.taxonomy import marking
from convert.view import frus

_LONG = ("Miqdad added that border security is also a subject on which the government is making progress. "
         "Stating that the past is behind us, he said Syria is attempting to assist the Lebanese on security "
         "at ports and at the border without interfering in")


def _paragraphs(body: str) -> list[str]:
    """Each paragraph's text in the TEI, white space collapsed."""
    return [" ".join("".join(p.itertext()).split()) for p in _cable(body).tei.iterfind(".//t:body//t:p", NS)]


def test_a_paragraph_kept_on_one_line_and_cut_mid_sentence_by_a_blank_line_is_one_paragraph() -> None:
    """``¶10. (S/NF) … without interfering in internal`` / blank / ``Lebanese affairs.`` (10DAMASCUS159,
    a copy that keeps each paragraph on one line): the words after the blank line end the paragraph's
    sentence. A paragraph that ends its sentence keeps the next run apart."""
    body = f"1. (C) {_LONG} internal\n\nLebanese affairs.\n\n2. (C) The next paragraph.\n"
    assert any(p.endswith("without interfering in internal Lebanese affairs.") for p in _paragraphs(body))
    ended = f"1. (C) {_LONG} internal affairs.\n\nThe Syrian side said it would study the proposal.\n"
    assert "The Syrian side said it would study the proposal." in _paragraphs(ended)


def test_an_end_marker_split_from_its_label_with_a_title_under_the_label_closes_the_summary() -> None:
    """``… Miqdad declared. END`` / blank / ``SUMMARY.`` / ``SURPRISE GUEST AT MIQDAD MEETING``
    (10DAMASCUS159): the label goes back to its END, the summary ends there, and the title is a heading
    of its own, not a paragraph ``SUMMARY. SURPRISE GUEST …``."""
    body = ("1. (C) SUMMARY: The director attended the meeting.\n\n2. (C) The sides agreed to talk again, the "
            "minister declared. END\n\nSUMMARY.\nSURPRISE GUEST AT THE MEETING\n\n3. (C) The guest spoke.\n")
    cable = _cable(body)
    headings = [" ".join("".join(e.itertext()).split()) for e in cable.tei.iterfind(".//t:ab[@type='heading']", NS)]
    assert headings == ["SURPRISE GUEST AT THE MEETING"]
    assert _record(body)["summary"].endswith("the minister declared. END SUMMARY.")


def test_a_word_cut_after_its_hyphen_by_a_blank_line_is_one_word_whatever_its_case() -> None:
    """``… Director of CERT-`` / blank / ``Estonia for his read …`` (08TALLINN326, a copy with a blank
    line after each line): one word and one paragraph. A paragraph that ends in a dash (``--``) does not
    take the next."""
    body = ("1. (C) EmbOffs met with Hillar Aarelaid, Director of CERT-\n\nEstonia for his read on the mission.\n\n"
            "2. (C) The list ends in a dash --\n\nItem one follows in its own paragraph.\n")
    paragraphs = _paragraphs(body)
    assert "1. (C) EmbOffs met with Hillar Aarelaid, Director of CERT-Estonia for his read on the mission." \
        in paragraphs
    assert "Item one follows in its own paragraph." in paragraphs


def test_a_numbered_paragraphs_first_line_alone_before_a_blank_line_goes_on_after_it() -> None:
    """``¶10. Former Foreign Minister and current Cambio editor`` / blank / ``Rodrigo Pardo speculated …``
    (08BOGOTA2024): the first line stops on a word in lower case; the paragraph goes on. A numbered title
    (``9. (C) Working together at the UNGA - Third Committee``) and a line ending in a colon stay apart."""
    body = ("1. (C) Former Foreign Minister and current Cambio editor\n\nRodrigo Pardo speculated that the "
            "passing opens the\nprospect of a decline.\n\n2. (C) Working together at the UNGA - Third Committee\n\n"
            "USDel committed to sending the EU a draft package of agreed\nlanguage on the resolutions.\n\n"
            "3. (U) One reporter for the television network noted:\n\n\"It is almost impossible to think that "
            "anyone can create\ncompetition,\" he said.\n")
    paragraphs = _paragraphs(body)
    assert paragraphs[0].startswith("1. (C) Former Foreign Minister and current Cambio editor Rodrigo Pardo")
    assert "2. (C) Working together at the UNGA - Third Committee" in paragraphs
    assert "3. (U) One reporter for the television network noted:" in paragraphs


def test_a_number_alone_before_an_unwrapped_paragraph_is_its_number() -> None:
    """``------ Health ------ 5.`` / blank / ``Paraguay: Yellow Fever Update FEB. 15, 2008 - As of …;``
    (08BRASILIA278): the item's text is one line longer than any title, ending in a semicolon; the number
    alone on its line is its number, not an empty paragraph before an unnumbered one."""
    item = ("Paraguay: Yellow Fever Update FEB. 15, 2008 - As of February 15, there are 46 presumed cases of "
            "yellow fever in Paraguay. Source - US Embassy Asuncion;")
    body = f"1. Brazil Authorizes Crops - the council authorized two crops.\n\n------ Health ------ 2.\n\n{item}\n"
    assert [(b["n"], b["text"]) for b in _record(body)["body"] if b["type"] == "p"][1:] == [(2, item)]


def test_dash_items_opened_by_a_parenthesis_are_items() -> None:
    """``--(14)Brazil Launches Extinction Initiative Ecology`` / page line / ``--(15)Overfishing May Hurt
    …`` (08BRASILIA278), ``Key Points: --(C) Gamal Mubarak … --(C) Gamal called …`` (09CAIRO2210): a dash
    glued to a parenthesis opens an item as a dash glued to a word does; two entries are not one."""
    body = ("1. (U) Key Points: --(C) The minister figured prominently at the conference. --(C) He called health "
            "care the issue of greatest concern.\n")
    items = [" ".join("".join(i.itertext()).split()) for i in _cable(body).tei.iterfind(".//t:item", NS)]
    assert [item.lstrip("- ") for item in items] == ["(C) The minister figured prominently at the conference.",
                                                    "(C) He called health care the issue of greatest concern."]


def test_a_stop_or_colon_typed_after_a_marking_is_the_markings_not_the_texts() -> None:
    """``6.(C/NF): It is worth studying …`` (09TRIPOLI579), ``7. (C). Asgrimsson and Haarde …``
    (06REYKJAVIK107): the record's marking is ``(C/NF)``, its text begins with the words, and the TEI's
    classes read the level as they do for ``(C/NF)``."""
    got = _record("6.(C/NF): It is worth studying the outcomes.\n\n7. (C). Asgrimsson and Haarde reacted.\n")
    assert [(p["marking"], p["text"]) for p in got["paragraphs"]] == [
        ("(C/NF)", "It is worth studying the outcomes."), ("(C)", "Asgrimsson and Haarde reacted.")]
    assert marking("(C/NF):") == marking("(C/NF)") == ("level-confidential", "caveat-noforn")


def test_a_title_first_line_in_capitals_and_a_colon_a_blank_line_above_its_ruled_rest_is_a_heading() -> None:
    """``POTENTIAL COOPERATION:`` / blank / ``RENEWABLES, INFRASTRUCTURE PROTECTION`` / blank / ``-----``
    (09ABUDHABI1151, a copy with blank lines between its lines): both lines are the heading, one title (session
    55: not two headings), not the first an unnumbered paragraph run into the summary before it."""
    body = ("1. (SBU) Summary: The Crown Prince met the Deputy Secretary. End Summary.\n\n\n"
            "POTENTIAL COOPERATION:\n\nRENEWABLES, INFRASTRUCTURE PROTECTION\n\n"
            "-------------------------------------\n\n2. (SBU) The Crown Prince asked several questions.\n")
    cable = _cable(body)
    headings = [" ".join("".join(e.itertext()).split()) for e in cable.tei.iterfind(".//t:ab[@type='heading']", NS)]
    assert headings == ["POTENTIAL COOPERATION: RENEWABLES, INFRASTRUCTURE PROTECTION"]


def test_a_one_word_title_in_mixed_case_between_paragraphs_n_and_n_plus_one_is_a_heading() -> None:
    """``… Russia and China together.`` / ``Iran`` / blank / ``¶4. (C) Samore encouraged …``
    (09BRASILIA1038): a capitalised word alone on the paragraph's last line heads the next section, as
    ``IRAN`` in capitals does; between ¶4 and a second ¶4 a name signs, and stays."""
    body = ("3. (C) Samore raised the issue, bringing the United States, Russia and China together.\nIran\n\n"
            "4. (C) Samore encouraged Brazil to use its relations.\n")
    cable = _cable(body)
    headings = [" ".join("".join(e.itertext()).split()) for e in cable.tei.iterfind(".//t:ab[@type='heading']", NS)]
    assert headings == ["Iran"]
    assert _paragraphs(body)[0].endswith("China together.")


def test_a_title_in_capitals_after_a_paragraph_kept_on_one_line_without_its_stop_is_a_heading() -> None:
    """``¶9. (C) … rectify financial discrepancies`` / ``CORRUPTION IN REAL ESTATE`` / ``¶10. (C) …``
    (07MOSCOW2981, each paragraph on one line, no blank lines): the capitals head ¶10, not end ¶9."""
    body = (f"9. (C) {_LONG} internal matters, to catch any wrong-doing and rectify financial discrepancies\n"
            "CORRUPTION IN REAL ESTATE\n10. (C) If there is one area in which bribes are paid, it is real estate.\n")
    cable = _cable(body)
    headings = [" ".join("".join(e.itertext()).split()) for e in cable.tei.iterfind(".//t:ab[@type='heading']", NS)]
    assert headings == ["CORRUPTION IN REAL ESTATE"]


def test_a_subject_written_twice_with_its_label_between_is_one_subject() -> None:
    """``SUBJECT: KENYA: KINNOCK'S JANUARY VISIT TO NAIROBI AND`` / ``KIBAKI'S FEBRUARY VISIT TO THE UK
    SUBJECT: KENYA: … TO THE UK Classified By: …`` (10LONDON65, blind holdout 68): the record's subject is
    the words once; a label followed by other words stays as written."""
    head = HEAD.replace("SUBJECT: TEST\n", "SUBJECT: KENYA: THE VISIT TO NAIROBI AND\nTHE VISIT TO THE UK SUBJECT: "
                        "KENYA: THE VISIT TO NAIROBI AND THE VISIT TO THE UK\n")
    assert _record("1. (C) Text.\n", head)["subject"] == "KENYA: THE VISIT TO NAIROBI AND THE VISIT TO THE UK"


def test_a_spreadsheet_cells_quote_before_the_classification_footer_leaves_the_signer_last() -> None:
    """``END PROPOSED TEXT.`` / ``SPOGLI`` / ``"<tab>Classification: UNCLASSIFIED`` / ``"`` (06ROME439, blind
    holdout 69): the footer with the cell's quotation mark first is the media partner's footer, so the name
    above it signs."""
    body = "1. (C) Text of the letter.\nEND PROPOSED TEXT.\nSPOGLI\n\"\tClassification: UNCLASSIFIED\n\n\n\"\n"
    assert _record(body)["signer"] == "SPOGLI"


def test_a_line_end_hyphen_is_kept_where_the_cable_writes_the_word_hyphenated() -> None:
    """``new counter-`` / ``terrorism tools`` (06THEHAGUE2277, which writes ``counter-terrorism`` five times and
    ``counterterrorism`` twice): the hyphen is the writer's. A word the cable writes whole only is mended."""
    body = ("1. (C) Counter-terrorism and counterterrorism programs, and new counter-\nterrorism tools. The "
            "embassy's anti-\ncorruption work and its anticorruption programs.\n")
    text = _text(body)
    assert "new counter-terrorism tools" in text
    assert "anticorruption work" in text


def test_a_posts_forum_notice_at_the_end_is_its_trailer() -> None:
    """``… adequately addressed.`` / blank / ``Visit Canada,s Economy and Environment Forum at`` /
    ``http://www.intelink.gov/communities/state/can ada`` / blank / ``WILKINS`` (08OTTAWA136): the post's
    notice of its page on the classified network is not the cable's text; the name below it signs. A forum
    named in a sentence with an address on the open internet stays text."""
    body = ("1. (SBU) We clearly have real challenges that must be addressed.\n\n"
            "Visit Canada,s Economy and Environment Forum at\nhttp://www.intelink.gov/communities/state/can ada\n\n"
            "WILKINS\n")
    assert "Forum" not in _text(body)
    assert _record(body)["signer"] == "WILKINS"
    kept = "1. (U) Readers may visit the public health forum at http://www.who.int/country/gbr/en/ today.\n"
    assert "public health forum" in _text(kept)


def test_a_paragraph_cut_by_a_blank_line_goes_on_after_it_with_a_quoted_word_in_lower_case() -> None:
    """``… would provide technical training and`` / blank / ``"tips" (based on Chile's own …`` (08SANJOSE969):
    the quoted word in lower case goes on with the sentence, as a bare one does."""
    body = ("9. (C) Solano said that Chile would provide technical training and\n\n\"tips\" (based on its own "
            "experience) to the negotiators.\n")
    assert _paragraphs(body) == ["9. (C) Solano said that Chile would provide technical training and \"tips\" "
                                 "(based on its own experience) to the negotiators."]


def test_a_subject_ending_in_an_abbreviation_keeps_its_stop_in_the_citation() -> None:
    """``SUBJECT: FOLLOW-UP JUDICIAL CASE: GEORGE THOMAS KEE, JR.`` (09BARCELONA15): the citation's comma follows
    the abbreviation's stop (``KEE, JR.,”``); a sentence's stop gives way to the citation's mark (``… COMPLY,”``)."""
    def cited(subject: str) -> str:
        return frus.citation(_cable("1. (C) Text.\n", HEAD.replace("SUBJECT: TEST", f"SUBJECT: {subject}")).view)
    assert "\u201cGEORGE THOMAS KEE, JR.\u201d" in cited("GEORGE THOMAS KEE, JR.")  # (no date here: no comma)
    assert "\u201cTHE GOVERNMENT WILL COMPLY\u201d" in cited("THE GOVERNMENT WILL COMPLY.")
