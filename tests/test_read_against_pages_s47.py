"""Forms found by reading editions against their pages (session 47): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.writers import WriteOptions
from convert.writers.markdown import write as markdown


def _ids(head: str, year: str = "2009") -> list[str | None]:
    """The reference ids of a cable with the REF field in ``head``, dated June 1 of ``year`` (not a year's first
    days, where a serial in the thousands is of the year before: ``post-serial-above-date``)."""
    dated = head.replace("DECL: 01/01/2017", f"DECL: 01/01/{int(year) + 10}")
    body = f"R 011200Z JUN {year[2:]}\nFM AMEMBASSY MADRID\nTO SECSTATE WASHDC 1\n\n{dated}1. (C) Text.\n"
    return [r["id"] for r in _record("", body)["references"]]


def test_a_year_written_between_the_station_and_the_serial_or_in_brackets_before_the_station() -> None:
    """``REF: SECSTATE 06 163201`` (07LONDON4311), ``REF: BRASILIA 1210; (08) SAO PAULO 497`` (09SAOPAULO619):
    the year is the cable's, not the citing cable's. Two figures between that are after the citing cable's
    year are no year (``STATE 12 3456`` in 2009 names no cable)."""
    assert _ids(HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: SECSTATE 06 163201\n\n")) == ["06STATE163201"]
    two = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: BRASILIA 1210; (08) SAO PAULO 497\n\n")
    assert _ids(two) == ["09BRASILIA1210", "08SAOPAULO497"]
    later = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: STATE 12 3456\n\n")
    assert _ids(later) == [None]


def test_a_references_date_with_its_year_gives_the_year_and_a_second_serial_after_an_ampersand() -> None:
    """``¶D. BOGOTA 3361 12 NOV 2009`` in a cable of January 2010 (10STATE369) is 09BOGOTA3361; ``REF: HAVANA
    500 & 511`` (09HAVANA559) names two cables. A day and month after a short number are a date, no serial
    (``PARIS POINTS 20 SEPTEMBER 2007``); a date after the citing cable's is no year of the one cited."""
    dated = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: A. BOGOTA 3361 12 NOV 2009 B. BOGOTA 12 "
                         "C. PARIS POINTS 20 SEPTEMBER 2009 D. LIMA 123 DEC 2011\n\n")
    assert _ids(dated, "2010") == ["09BOGOTA3361", "10BOGOTA12", None, "10LIMA123"]
    both = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: HAVANA 500 & 511\n\n")
    assert _ids(both) == ["09HAVANA500", "09HAVANA511"]


def test_a_numbered_paragraphs_title_with_its_rule_on_the_line_keeps_its_number() -> None:
    """``¶3. (C) THREE-STAGE TALKS, BUT WITH WHOM? -----`` / blank / text (08ASMARA249): one paragraph, its
    title and text; ``4. (SBU) WANTED: STRIPED SHIRT WITH BLUE HELMET -----`` is not cut at its colon.
    A paragraph's sentence before the rule (``… the meeting. NEXT STEPS -----``) still ends before a
    heading."""
    body = ("1. (C) THREE-STAGE TALKS, BUT WITH WHOM? -----------------------------\n\n"
            "The delegation will have seven members.\n\n"
            "2. (SBU) WANTED: STRIPED SHIRT WITH BLUE HELMET ----------------------\n\n"
            "The ambassador noted that Ethiopia wanted to withdraw.\n\n"
            "3. (C) He left the meeting. NEXT STEPS ----------\n\n4. (C) We will follow up.\n")
    paragraphs = {p["n"]: p["text"] for p in _record(body)["paragraphs"]}
    assert paragraphs[1].startswith("THREE-STAGE TALKS, BUT WITH WHOM?") and "seven members" in paragraphs[1]
    assert paragraphs[2].startswith("WANTED: STRIPED SHIRT") and "withdraw" in paragraphs[2]
    heads = [" ".join("".join(h.itertext()).split()) for h in _cable(body).tei.iterfind(".//t:body//t:ab", NS)]
    assert "NEXT STEPS" in heads and not any("WANTED" in h or "THREE-STAGE" in h for h in heads)


def test_a_titles_rule_after_a_page_break_and_a_redaction_before_a_title_as_long_as_its_rule() -> None:
    """``… see septel. Al Asala Political Society MANAMA 00000592 002 OF 004 --------------------------``:
    the rule underlines the title before the page break; ``… the party. XXXXXXXXXXXX Al Mustaqbal
    ------------``: the rule is as long as the title's words, the redaction ends the sentence before
    (08MANAMA592)."""
    body = ("6. (U) For more on Wifaq, see septel. Al Asala Political Society MANAMA 00000592 002 OF 004 "
            "--------------------------\n\n7. (SBU) Asala is exclusively Sunni.\n\n"
            "8. (SBU) It is rumored that the banks bankroll the party. XXXXXXXXXXXX Al Mustaqbal ------------\n\n"
            "9. (SBU) Four members formed the bloc.\n")
    head = HEAD.replace("MADRID 000545", "MANAMA 000592")
    heads = [" ".join("".join(h.itertext()).split()) for h in _cable(body, head).tei.iterfind(".//t:body//t:ab", NS)]
    assert "Al Asala Political Society" in heads and "Al Mustaqbal" in heads
    paragraphs = {p["n"]: p["text"] for p in _record(body, head)["paragraphs"]}
    assert paragraphs[6].endswith("see septel.") and paragraphs[8].endswith("the party. XXXXXXXXXXXX")


def test_a_paragraph_kept_on_one_line_then_another_on_the_next_line_are_two() -> None:
    """A copy without hard wraps (09USUNNEWYORK1141): ``¶6. (C) … Lisbon Treaty.`` (a line of 150 characters)
    / ``To encourage the EU-27 … agenda.`` (another): two paragraphs. Wrapped lines of a teletype's width
    stay one paragraph."""
    long = ("6. (C) Also looking forward to UNGA65, EU delegations at the UN are moving deliberately towards an "
            "enhanced observer status, based on the Lisbon Treaty.\n"
            "To encourage the EU-27 to continue as our core supporters at UNGA65, we should engage them in early "
            "and energetic consultations on our agenda.\n")
    texts = [" ".join("".join(p.itertext()).split()) for p in _cable(long).tei.iterfind(".//t:body//t:p", NS)]
    assert texts[-1].startswith("To encourage") and texts[-2].endswith("Lisbon Treaty.")
    wrapped = ("6. (C) Also looking forward to UNGA65, EU delegations at the UN are\nmoving towards an enhanced "
               "observer status.\nTo encourage the EU-27 we should engage them early.\n")
    assert len(list(_cable(wrapped).tei.iterfind(".//t:body//t:p", NS))) == 1


def test_the_blank_line_set_before_sipdis_inside_a_paragraph_ends_no_paragraph() -> None:
    """``… Secretary Powell,s phone call to him on Friday, March 18.`` / blank / ``SIPDIS`` / ``Moratinos said
    …`` (04MADRID974): one paragraph; a blank line after SIPDIS too is the writer's paragraph break."""
    body = ("1. (C) Moratinos was also grateful for the phone call from\nSecretary Powell,s phone call to him on "
            "Friday, March 18.\n\nSIPDIS\nMoratinos said that Zapatero had asked him to convey his thanks.\n")
    texts = [" ".join("".join(p.itertext()).split()) for p in _cable(body).tei.iterfind(".//t:body//t:p", NS)]
    assert len(texts) == 1 and "March 18." in texts[0] and texts[0].endswith("convey his thanks.")
    apart = body.replace("SIPDIS\nMoratinos", "SIPDIS\n\nMoratinos")
    assert len(list(_cable(apart).tei.iterfind(".//t:body//t:p", NS))) == 2


def test_a_later_page_break_in_the_classified_by_line_ends_it_and_a_heading_alone_under_it() -> None:
    """``Classified By: … (b) and (d). CAIRO 00001759 002 OF 003 NCP and SPLM to resolve …`` (09CAIRO1759):
    the words after the page break are the text's, not the field's; ``Classified By: … 1.4 (d)`` /
    ``SUMMARY AND INTRODUCTION`` / ``¶1. (U) …`` (09USUNNEWYORK1141): the heading begins the text."""
    head = HEAD.replace("MADRID 000545", "CAIRO 001759")
    body = ("Classified By: DCM Matthew H. Tueller for reasons 1.4 (b) and (d). CAIRO 00001759 002 OF 003 NCP and "
            "SPLM to resolve outstanding issues such as the census.\n\n6. (C) Moeller asked Soliman.\n")
    tei = _cable(body, head).tei
    note = " ".join("".join(tei.find(".//t:note[@type='classified-by']", NS).itertext()).split())
    assert note.endswith("(b) and (d).")
    assert any("NCP and SPLM" in "".join(p.itertext()) for p in tei.iterfind(".//t:body//t:p", NS))
    summary = ("Classified By: Ambassador Rosemary DiCarlo for reasons 1.4 (d)\nSUMMARY AND INTRODUCTION\n"
               "1. (U) The EU-27 responded to new U.S. flexibility. END SUMMARY\n2. (C) More text.\n")
    record = _record(summary)
    assert record["summary"] is not None and record["summary"].startswith("The EU-27")


def test_a_cut_subject_read_whole_from_a_copy_printed_double_spaced() -> None:
    """``SUBJECT: JUNE GAERC - …, THE MIDDLE EAST,`` / ``WESTERN BALKANS AND MO...`` and the copy after it
    ``SUBJECT: JUNE GAERC - …, THE MIDDLE EAST,`` / blank / ``WESTERN BALKANS AND MORE`` (09BRUSSELS854)."""
    cut = ("C O N F I D E N T I A L BRUSSELS 000854\n\nSIPDIS\n\nE.O. 12958: DECL: 06/15/2019\nTAGS: PREL EUN\n"
           "SUBJECT: JUNE GAERC - GUANTANAMO, THE MIDDLE EAST,\nWESTERN BALKANS AND MO...\n\n\n213120\n2009-06-19\n"
           "09BRUSSELS854\n\nC O N F I D E N T I A L SECTION 01 OF 03 BRUSSELS 000854\nSIPDIS\n\n"
           "E.O. 12958: DECL: 06/15/2019\n\nTAGS: PREL EUN\nSUBJECT: JUNE GAERC - GUANTANAMO, THE MIDDLE EAST,\n\n"
           "WESTERN BALKANS AND MORE\n\n1. (C) The ministers met.\n")
    assert _record("", cut)["subject"] == "JUNE GAERC - GUANTANAMO, THE MIDDLE EAST, WESTERN BALKANS AND MORE"


def test_a_suspended_hyphen_at_a_lines_end_keeps_its_space() -> None:
    """``(3) the faction-`` / ``and positivism-ridden aridity`` (04ANKARA7211): ``faction- and
    positivism-ridden``; ``thous-`` / ``and dollars`` with no hyphen after is one word again as before."""
    texts = [p["text"] for p in _record("1. (C) The cause is the faction-\nand positivism-ridden aridity of "
                                        "the Directorate.\n")["paragraphs"]]
    assert "faction- and positivism-ridden" in texts[0]


def test_the_editions_redaction_stands_apart_from_a_word_glued_to_its_xs() -> None:
    """``… in XXXXXXXXXXXX. XXXXXXXXXXXXsaid ENSO personnel …`` (08ASMARA546), ``A long-time
    contactXXXXXXXXXXXX claimed`` (07IRANRPODUBAI18): the edition reads ``[redacted] said``, ``contact
    [redacted] claimed``; the TEI keeps the X's and the word as written."""
    body = "7. (S/NF) XXXXXXXXXXXXsaid the guards beat him. A long-time contactXXXXXXXXXXXX claimed so.\n"
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + body))
    text = markdown(cable, WriteOptions()).decode()
    assert "\\[redacted\\]* said" in text and "contact *\\[redacted\\]* claimed" in text
    p = cable.tei.find(".//t:body//t:p[@n='7']", NS)
    assert "said the guards" in "".join(p.itertext()) and p.find("t:gap", NS).tail.startswith("said")


def test_a_marking_at_the_end_of_the_ref_field_is_the_texts_first_paragraphs() -> None:
    """``SUBJECT: DEMARCHE DELIVERED: … REF: STATE 90254 (SBU)`` / blank / ``Pol/Econ Chief delivered reftel
    demarche …`` (09TRIPOLI756 and six pages more): the reference is ``STATE 90254``, the paragraph marked SBU.
    Before a numbered paragraph the REF field keeps what it ends with."""
    head = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: DEMARCHE DELIVERED REF: STATE 90254 (SBU)\n\n")
    record = _record("Pol/Econ Chief delivered reftel demarche on September 16 to the MFA Director.\n", head)
    assert [r["text"] for r in record["references"]] == ["STATE 90254"]
    assert [b["marking"] for b in record["body"] if b["type"] == "p"] == ["(SBU)"]
    numbered = _record("1. (C) Pol/Econ Chief delivered reftel demarche on September 16.\n", head)
    assert [r["text"] for r in numbered["references"]] == ["STATE 90254 (SBU)"]


def test_an_apostrophe_sent_as_a_question_mark_after_capitals_and_in_the_subject() -> None:
    """``SUBJECT: COSTA RICA?S 7TH ANNUAL TIP REPORT SUBMISSION``, ``data from NGO?s is anecdotal`` (07SANJOSE524;
    ``the AG?s lists``, 7 pages): an apostrophe, in the subject as in the text. A question mark that ends a
    question stays (``Is it?  Still``)."""
    head = HEAD.replace("SUBJECT: TEST", "SUBJECT: COSTA RICA?S TIP REPORT")
    record = _record("1. (U) Data from NGO?s is anecdotal. Is it AG? Still open.\n", head)
    assert record["subject"] == "COSTA RICA\u2019S TIP REPORT"
    assert "NGO\u2019s is anecdotal. Is it AG? Still open." in record["paragraphs"][0]["text"]


def test_a_sipdis_line_after_a_whole_paragraph_line_goes_on_with_it() -> None:
    """``¶1. (C) … spoken to Prime Minister Singh on February 1.`` (a line of its whole paragraph) / ``SIPDIS
    Saran indicated …`` (06NEWDELHI760): the marking written after a line naming the Secretary is no
    paragraph's start, in a copy that kept its paragraphs on one line."""
    first = ("1. (C) In a February 2 meeting with the Ambassador, the Foreign Secretary noted the Secretary had spoken "
             "to Prime Minister Singh on February 1.\n")
    more = ("SIPDIS Saran indicated the Chinese had already given India the EU-3 draft resolution, which we "
            "also shared with them.\n2. (C) Action request: we would like the Department's guidance on this "
            "matter before the meeting of the Board.\n")
    record = _record(first + more)
    assert [p["n"] for p in record["paragraphs"]] == [1, 2]
    assert len([b for b in record["body"] if b["type"] == "p"]) == 2


def test_the_drafters_include_sipdis_an_acronyms_q_and_a_curly_quote_closed_by_8() -> None:
    """``Please include SIPDIS in all replies.`` (08STATE128877, 5 pages): the drafter's words, no handling mark;
    ``ACTAQs proposed goals`` (06ROME3205, ``GOCRQs``: 6 pages): an apostrophe; ``a much publicized “clandestine8
    meeting`` (09ISLAMABAD2427): the 8 closes the quotation. SIPDIS run into a sentence elsewhere stays a mark."""
    body = ("1. (C) Italy agrees with ACTAQs proposed goals. He held a much publicized “clandestine8 meeting.\n"
            "2. (U) Please include SIPDIS in all replies. The talks SIPDIS went on.\n")
    texts = {p["n"]: p["text"] for p in _record(body)["paragraphs"]}
    assert "ACTA\u2019s proposed goals" in texts[1] and "\u201cclandestine\u201d meeting" in texts[1]
    assert "Please include SIPDIS in all replies. The talks went on." in " ".join(texts[2].split())
