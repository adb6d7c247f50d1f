"""Forms found by reading editions against their pages (session 40): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _record, _text, classified_by_note

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import markdown
from convert.writers.json import record


def test_the_word_reasons_split_by_a_line_end_is_joined_in_the_source_note() -> None:
    """``for reas`` / ``ons 1.4`` (08PARIS1616; ``REASO NS``, ``r easons``, ``REASON S:`` in 47 pages): the
    note reads ``reasons`` as the cable meant it, in the case it was written; other words stay apart."""
    for line, printed in (("Classified By: X for reas ons 1.4 (B & D).", "for reasons 1.4 (B & D)."),
                          ("CLASSIFIED BY: X, REASON S: 1.4 (B/D).", "X, REASONS: 1.4 (B/D)."),
                          ("Classified By: X for r easons 1.4 (b).", "for reasons 1.4 (b)."),
                          ("Classified By: X for the reason s 1.4 (b).", "for the reasons 1.4 (b).")):
        assert classified_by_note(line).endswith(printed)


def test_a_dash_sent_as_a_bracket_and_a_hyphen_is_a_dash() -> None:
    """``the group remains intact )- for now`` (05ANKARA7215; 26 pages): ``)-`` between spaces is the dash
    ``)`` alone stands for elsewhere; inside brackets a ``)-`` that closes them stays as written."""
    text = _text("1. (C) The group remains intact )- for now. Between 5 )- 7 votes (see ref A )- and B).\n")
    assert "intact \u2014 for now" in text and "5 \u2013 7 votes" in text
    assert "(see ref A )- and B)" in text


def test_a_redaction_glued_to_the_word_after_it_is_a_redaction() -> None:
    """``He asserted that XXXXXXXXXXXXhusband is`` (10CAIRO147; 24 pages): six X or more glued to a word in
    lower case are a redaction and the word; ``XXXs`` (a plural of a letter) and ``Xerxes`` are words."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "1. (C) He asserted that XXXXXXXXXXXXhusband is a criminal; the XXXs and Xerxes stay.\n")))
    gaps = cable.tei.findall(".//t:body//t:gap", NS)
    assert [g.get("rend") for g in gaps] == ["XXXXXXXXXXXX"]
    assert gaps[0].tail.startswith("husband is")


def test_an_apostrophe_sent_as_a_comma_after_a_number() -> None:
    """``the same 1990,s agreements``, ``the G-20,s expansion``, ``Jorge 40,s planned demobilization``
    (08PARIS1616, 09THEHAGUE196, 06BOGOTA2291; 15 pages): after a digit a comma before ``s`` ending the
    word is an apostrophe (a thousands' comma has three digits after it)."""
    text = _text("1. (C) The 1990,s agreements and the G-20,s expansion; 1,500 troops and 2,s3 stay.\n")
    assert "1990\u2019s agreements" in text and "G-20\u2019s expansion" in text
    assert "1,500 troops" in text and "2,s3" in text


def test_a_subjects_words_after_its_lost_label_are_no_tags() -> None:
    """``TAGS: PGOV PINR PE`` / ``RUN-OFF,`` / ``SEEKS EMBASSY'S ASSISTANCE …`` (06LIMA1452, session-52
    holdout): a short line of no codes that ends in a comma or holds a hyphened word ends the TAGS
    field; a phrase's last word (``COUNTRY`` / ``CLEARANCE``) and a line of codes still go on."""
    head = "C O N F I D E N T I A L LIMA 001452\n\nE.O. 12958: DECL: 04/12/2016 TAGS: PGOV PINR PE\n"
    assert _record("RUN-OFF,\nSEEKS EMBASSY'S ASSISTANCE IN CEMENTING A COALITION\n\n1. (C) Text.\n",
                   head)["tags"] == ["PGOV", "PINR", "PE"]
    head = "C O N F I D E N T I A L KUWAIT 000624\n\nE.O. 12958: DECL: 04/12/2016\nTAGS: OREP AMGT KU COUNTRY\n"
    assert _record("CLEARANCE\nSUBJECT: TEST\n\n1. (C) Text.\n", head)["tags"][-1] == "COUNTRY CLEARANCE"
    head = "C O N F I D E N T I A L LIMA 001452\n\nE.O. 12958: DECL: 04/12/2016\nTAGS: PGOV PINR\n"
    assert _record("PE, KDEM\nSUBJECT: TEST\n\n1. (C) Text.\n", head)["tags"] == ["PGOV", "PINR", "PE", "KDEM"]


def _headings(body: str) -> list[str]:
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + body))
    return [" ".join("".join(h.itertext()).split()) for h in cable.tei.iterfind(".//t:body//t:ab[@type='heading']", NS)]


def test_a_title_of_one_word_run_on_after_a_paragraph_in_a_cable_of_titled_sections() -> None:
    """``… focused on working with us. Venezuela`` / blank / ``¶4. …`` (06BRASILIA2412, whose other
    sections are titled ``Presidential Meeting``, ``Bilateral Relations``): in a cable that sets its
    sections under titles, one word, a capital and small letters, after the last sentence is a title;
    in a cable with no other title it stays the paragraph's."""
    titled = ("1. (C) Summary. The talks went well. End summary.\n\nBilateral Relations\n\n"
              "2. (C) The minister is focused on working with us. Venezuela\n\n3. (C) Lula goes to Caracas.\n")
    assert _headings(titled) == ["Bilateral Relations", "Venezuela"]
    untitled = "1. (C) The minister is focused on working with us. Venezuela\n\n2. (C) Lula goes to Caracas.\n"
    assert _headings(untitled) == []


def test_a_title_after_a_news_items_citation_is_a_heading() -> None:
    """``… in the fair. [Tripoli Post, 4/4/2009] BILATERAL ISSUES`` / ``14.(U) …`` (09TRIPOLI365 and six
    more of Tripoli's economic digests): after the item's source and date in brackets, words in
    capitals, one too (``IT``, ``LABOR``), are the next section's title; a bracket without a date is no
    item's end."""
    body = ("1. (U) Fair Opens: The fair opened. [Tripoli Post, 4/4/2009] BILATERAL ISSUES\n\n"
            "2. (U) Talks: The talks went on. [Libyaonline.com, 4/9/2009] IT\n\n"
            "3. (U) Telecom: Users grew. [see above] NOT A TITLE\n\n4. (U) The end.\n")
    assert _headings(body) == ["BILATERAL ISSUES", "IT"]


def test_a_rows_cited_cables_cell_run_on_into_the_next_copys_head_is_the_rows() -> None:
    """``232980`` / ``2009-11-04`` / ``09THEHAGUE668`` / ``Embassy The Hague`` / ``CONFIDENTIAL`` /
    ``09SECSTATE112828|09THEHAGUE615`` / the banner again / ``IO/HR FOR PAUL KRUCHOWSKI`` (09THEHAGUE668,
    09THEHAGUE707, 07THEHAGUE497): the row's last field and the copy's head it runs into are the
    wrapper's, not a paragraph of the reading text."""
    body = ("C O N F I D E N T I A L THE HAGUE 000668\n\nSIPDIS\n\nIO/HR FOR PAUL KRUCHOWSKI\n\n"
            "E.O. 12958: DECL: 11/03/2019\nTAGS: PREL NL\nSUBJECT:...\n\n\n232980\n\n2009-11-04\n\n09THEHAGUE668\n\n"
            "Embassy The Hague\n\nCONFIDENTIAL\n\n09SECSTATE112828|09THEHAGUE615\n\n"
            "C O N F I D E N T I A L THE HAGUE 000668\n\nSIPDIS\n\nIO/HR FOR PAUL KRUCHOWSKI\n\n"
            "E.O. 12958: DECL: 11/03/2019\nTAGS: PREL NL\nSUBJECT: THE REDLINES\n\n"
            "Classified By: PolEcon Counselor Andrew C. Mann for reasons 1.5(b,d)\n\n"
            "(C) Post conveyed the points to the ministry.\nLEVIN\n")
    cable = normalize(RawCable(source="t.txt", form="text", body=body))
    texts = [" ".join("".join(p.itertext()).split()) for p in cable.tei.iterfind(".//t:body//t:p", NS)]
    assert texts == ["(C) Post conveyed the points to the ministry."]
    wrappers = ["".join(a.itertext()) for a in cable.tei.iterfind(".//t:body//t:ab[@type='wrapper']", NS)]
    assert any(w.startswith("09SECSTATE112828|09THEHAGUE615") for w in wrappers)


ROUTED = ("VZCZCXYZ0001\nPP RUEHWEB\nDE RUEHPE #1358/01 0972243\nZNY CCCCC ZZH\nP 072243Z APR 06\nFM AMEMBASSY LIMA\n"
          "TO RUEHC/SECSTATE WASHDC PRIORITY 9676-9677\nINFO RUEHBO/AMEMBASSY BOGOTA 3231\n{line}\n"
          "RUEHSG/AMEMBASSY SANTIAGO 0401\n\nC O N F I D E N T I A L LIMA 001358\n\nSIPDIS\n\n"
          "E.O. 12958: DECL: 04/07/2016\nTAGS: PREL PE\nSUBJECT: TEST\n\n1. (C) Text of the cable.\n")


def test_la_paz_with_a_month_for_its_number_and_the_next_addressee_run_on_is_two_addressees() -> None:
    """``RUEHLP/AMEMBASSY LA PAZ APR QUITO 0227`` (06LIMA1358, 144 pages): La Paz, then Quito with the
    number, and both in the source note's "Repeated to"; ``… LA PAZ DEC 9085`` is La Paz alone. A
    sequence written for two sections (``PRIORITY 9676-9677``, 09STATE99783) leaves the name clean."""
    def listed(line: str) -> tuple[list[tuple[str, str | None]], dict]:  # type: ignore[type-arg]
        cable = normalize(RawCable(source="t.txt", form="text", body=ROUTED.format(line=line)))
        rec = record(cable)
        return [(a["name"], a.get("sequence")) for a in rec["info"]], rec
    info, rec = listed("RUEHLP/AMEMBASSY LA PAZ APR QUITO 0227")
    assert info == [("AMEMBASSY BOGOTA", "3231"), ("AMEMBASSY LA PAZ", None), ("QUITO", "0227"),  # (as written: s41)
                    ("AMEMBASSY SANTIAGO", "0401")]
    assert [(a["name"], a["precedence"], a["sequence"]) for a in rec["to"]] == [("SECSTATE WASHDC", "PRIORITY", "9676")]
    info, _ = listed("RUEHLP/AMEMBASSY LA PAZ DEC 9085")
    assert info[1] == ("AMEMBASSY LA PAZ", "9085") and len(info) == 3
    merged = ROUTED.format(line="RUEHLP/AMEMBASSY LA PAZ APR QUITO 0227")
    cable = normalize(RawCable(source="t.txt", form="text", body=merged))
    assert frus.repeated_to(cable.view) == "Repeated to Bogota, La Paz, Quito, and Santiago"


def test_a_marked_bullet_after_a_label_in_capitals_is_an_item() -> None:
    """``1.KEY POINTS -- (C) Since our last update …`` (09CAIRO1182 and 20 more of Cairo's): the first
    key point after the label is an item as the others are, not the label's text."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "1.KEY POINTS -- (C) Since our last update, cases went on. -- (C) The case is slow.\n")))
    items = [" ".join("".join(i.itertext()).split()) for i in cable.tei.iterfind(".//t:body//t:item", NS)]
    assert items[:2] == ["(C) Since our last update, cases went on.", "(C) The case is slow."]


def test_titles_in_capitals_may_open_with_a_bracketed_word_or_a_figure_and_end_in_an_ellipsis() -> None:
    """``(ANOTHER) RADICAL RESTRUCTURING OF GOVERNMENT IN THE OFFING`` and ``5,000 LD ALLOTMENT "AN
    EXAMPLE"; CENTRAL BANK …`` on lines of their own (08TRIPOLI227); ``Wang Pledges Chinese Support...``
    over its rule after the paragraph's last line (09BEIJING3313). A portion marking or a redaction
    after a figure (``(SBU) …``, ``1 XXXXXXXXXXXX``) opens no title."""
    body = ("1. (C) Oil prices rose.\n\n(ANOTHER) RADICAL RESTRUCTURING OF GOVERNMENT IN THE OFFING\n\n"
            "2. (C) Qadhafi called for change.\n\n5,000 LD ALLOTMENT \"AN EXAMPLE\"; CENTRAL BANK CONCERNED\n\n"
            "3. (C) The figure was an example.\n\n1 XXXXXXXXXXXX\n\n4. (C) The minister engaged seriously.\n"
            "Wang Pledges Chinese Support...\n\n-------------------------------\n\n5. (C) Wang had praise.\n")
    assert _headings(body) == ["(ANOTHER) RADICAL RESTRUCTURING OF GOVERNMENT IN THE OFFING",
                               "5,000 LD ALLOTMENT \"AN EXAMPLE\"; CENTRAL BANK CONCERNED",
                               "Wang Pledges Chinese Support..."]


def test_and_and_for_split_by_a_line_end_are_joined_in_the_source_note() -> None:
    """``for REASONS 1.4 (B) an`` / ``d (D)`` (09NAIROBI2338), ``(b) a`` / ``nd (d)``, ``fo`` / ``r reasons``."""
    for line, printed in (("Classified By: X for REASONS 1.4 (B) an d (D)", "1.4 (B) and (D)."),
                          ("Classified By: X fo r reasons 1.4 (b) a nd (d).", "for reasons 1.4 (b) and (d).")):
        assert classified_by_note(line).endswith(printed)


def test_a_subject_glued_to_the_classified_by_line_with_no_space_ends_before_it() -> None:
    """``SUBJECT: SCENESETTER FOR AMBASSADOR CROCKER'S VISIT TO CAIROClassified By: DEPUTY CHIEF …``
    (07CAIRO3126, the session-55 holdout's one unambiguous miss): the label glued to the last word
    still ends the subject; a word that merely ends in ``classified`` does not."""
    head = "S E C R E T CAIRO 003126\n\nSIPDIS\n\nE.O. 12958: DECL: 10/24/2017\nTAGS: PREL EG\n\n"
    rec = _record("SUBJECT: SCENESETTER FOR THE VISIT TO CAIROClassified By: DCM STUART JONES. REASONS: 1.4 (B)\n\n"
                  "1. (S) Welcome to Cairo.\n", head)
    assert rec["subject"] == "SCENESETTER FOR THE VISIT TO CAIRO"


def test_an_old_style_page_header_after_the_info_label_is_no_addressee() -> None:
    """``INFO PAGE 02        STATE   037566  161435Z`` then the list goes on (09STATE37566): the second
    page's header is kept in the routing header as written and names no addressee."""
    body = ("R 161417Z APR 09\nFM SECSTATE WASHDC\nTO AMEMBASSY BAMAKO\nAMEMBASSY BANJUL\n"
            "INFO PAGE 02        STATE   037566  161435Z\nAMEMBASSY LONDON\nAMEMBASSY PARIS\n\n"
            "S E C R E T STATE 037566\n\nE.O. 12958: DECL: 04/16/2034\nTAGS: PINR ML\nSUBJECT: TEST\n\n"
            "1. (S) Text.\n")
    rec = record(normalize(RawCable(source="t.txt", form="text", body=body)))
    assert [a["name"] for a in rec["info"]] == ["AMEMBASSY LONDON", "AMEMBASSY PARIS"]


def test_markdown_shows_a_redaction_glued_to_a_word_without_emphasis_marks() -> None:
    """``Ben Salem toldXXXXXXXXXXXX that`` (08TUNIS299), ``XXXXXXXXXXXXhusband`` (10CAIRO147): CommonMark opens
    no emphasis between a letter and a bracket, so ``told*\\[redacted\\]*`` printed its asterisks. Since
    session 47 the edition sets the label apart from a glued word by a space (``told [redacted] that``), and
    every redaction keeps its emphasis; no asterisk is printed."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "1. (C) Ben Salem toldXXXXXXXXXXXX that XXXXXXXXXXXXhusband left; XXXXXXXXXXXX stayed.\n")))
    text = markdown.write(cable, WriteOptions()).decode()
    assert "told *\\[redacted\\]* that *\\[redacted\\]* husband left; *\\[redacted\\]* stayed." in text
    assert "told*" not in text and "*husband" not in text


def test_q_for_an_apostrophe_in_capitals_and_for_the_accent_of_known_words() -> None:
    """``COVERAGE OF AMBASSADORQS TRIPS`` (07SANJOSE1823), ``IRAQQS`` (04BAGHDAD4); ``a communiquQ``, ``the
    Legal AttachQ`` (08MEXICO1487): the possessive's apostrophe and the accent; a routing indicator
    (``RUEHQT``) and ``FAQS`` stay."""
    text = _text("1. (C) COVERAGE OF AMBASSADORQS TRIPS and IRAQQS FUTURE; a communiquQ from the Legal AttachQ; "
                 "RUEHQT and FAQS stay.\n")
    assert "AMBASSADOR\u2019S TRIPS" in text and "IRAQ\u2019S FUTURE" in text
    assert "communiqu\u00e9 from the Legal Attach\u00e9;" in text and "RUEHQT and FAQS stay" in text


def test_a_title_in_capitals_keeps_an_acronym_with_its_stops() -> None:
    """``… End summary. LIBYA AND THE U.S. MAKING UP FOR LOST TIME`` / ``2. …`` (09TRIPOLI242): the title
    was cut at ``U.S.``, its first words left in the summary; an acronym inside a title is the title's."""
    body = ("1. (C) Contracts are available for contractors. End summary. LIBYA AND THE U.S. MAKING UP FOR LOST TIME"
            "\n\n2. (C) The minister said so.\n")
    assert _headings(body) == ["LIBYA AND THE U.S. MAKING UP FOR LOST TIME"]


def test_a_title_run_on_after_a_paragraphs_last_list_item_is_a_heading() -> None:
    """``… -- In 2007, … in the sugarcane sector. But the Case is Not Open and Shut`` / ``5. …``
    (08SAOPAULO432), ``… getting them back. TIMELINESS OF ACCESS`` after a list's last item
    (09TRIPOLI76): the title is cut off the last item as it is off a paragraph's last line."""
    body = ("1. (C) Summary. Cutting cane is hard. End summary.\n\nSugar is King\n\n"
            "2. (C) The following add to it: -- Cutting has been slave work. -- Workers migrate far. "
            "-- In 2007, many were freed in the sugarcane sector. But the Case is Not Open and Shut\n\n"
            "3. (C) Others disagree.\n")
    assert _headings(body) == ["Sugar is King", "But the Case is Not Open and Shut"]


def test_bullets_without_a_space_after_the_dashes_and_after_a_key_points_label() -> None:
    """``1.(C) Key Points --The GOE's Village Development Initiative … conditions. --Following a pilot
    phase, …`` (09CAIRO1531): two bullets or more run on in a line are items with no space after their
    dashes too, the first after the label; a dash inside a sentence (``Iran --and Syria``) stays."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "1. (C) Key Points --The initiative aims high. --Following a pilot, it grew. --It has support of "
        "Iran --and Syria.\n")))
    items = [" ".join("".join(i.itertext()).split()) for i in cable.tei.iterfind(".//t:body//t:item", NS)]
    assert items == ["The initiative aims high.", "Following a pilot, it grew.", "It has support of Iran --and Syria."]


def test_sipdis_named_by_the_sentence_stays_and_an_end_marker_is_no_heading() -> None:
    """``Please use the caption SIPDIS in all replies.`` (10STATE16220): the word the sentence names is
    text, not the handling mark; ``End talking points/non-paper`` (10STATE16932) closes the points and
    heads nothing."""
    text = _text("1. (C) Please use the caption SIPDIS in all replies.\n")
    assert "caption SIPDIS in all replies" in text
    body = ("1. (C) Begin talking points/non-paper:\n\n-- We urge restraint.\n\nEnd talking points/non-paper\n\n"
            "2. (C) Post should report.\n")
    assert _headings(body) == []


def test_a_five_digit_serial_written_in_eight_and_a_number_before_the_precedence() -> None:
    """``REF: STATE 00028885`` (09TRIPOLI320; 97 such in the pages) is 09STATE28885, while ``STATE 00028885
    002 OF 003`` heads a page; ``RUEHLO/AMEMBASSY LONDON 8778 PRIORITY`` is London, 8778, priority."""
    from convert.normalize.refs import parse_refs
    assert [r.target for r in parse_refs("STATE 00028885", 2009).items] == ["09STATE28885"]
    assert [r.target for r in parse_refs("STATE 00028885 002 OF 003", 2009).items] == [None]
    body = ROUTED.format(line="RUEHLO/AMEMBASSY LONDON 8778 PRIORITY")
    rec = record(normalize(RawCable(source="t.txt", form="text", body=body)))
    listed = [(a["name"], a["precedence"], a["sequence"]) for a in rec["info"]]
    assert ("AMEMBASSY LONDON", "PRIORITY", "8778") in listed


def test_a_numbered_paragraph_in_the_record_holds_the_paragraphs_it_goes_on_in() -> None:
    """``¶5. (SBU) On October 27, … Capriles Radonski.`` / a page break / ``The charges were levied …``
    (09CARACAS1417): the record's ¶5 is the citation unit, both blocks, a blank line between; a heading
    ends it, and the text before the first number belongs to no paragraph."""
    rec = _record("Intro before any number.\n\n5. (SBU) On October 27, the charges were accepted.\n\n"
                  "The charges were levied in August.\n\nA Title Here\n---------------\n\n6. (SBU) Next.\n\n"
                  "More of six, which the minister said would go on.\n\n7. (SBU) Last.\n\nSMITH\n")
    texts = {p["n"]: p["text"] for p in rec["paragraphs"]}
    assert texts == {5: "On October 27, the charges were accepted.\n\nThe charges were levied in August.",
                     6: "Next.\n\nMore of six, which the minister said would go on.", 7: "Last."}


def test_the_aidac_caption_is_a_handling_line() -> None:
    """``AIDAC`` alone under the banner (09SANJOSE10, the session-57 holdout; 3 pages): the aid channel's
    caption is a caveat, as SIPDIS is."""
    head = "UNCLAS SAN JOSE 000010\n\nAIDAC\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL CS\nSUBJECT: TEST\n\n"
    assert _record("1. (U) Text.\n", head)["caveats"] == ["AIDAC", "SIPDIS"]


def test_a_title_broken_over_two_lines_whose_first_ran_on_after_the_paragraph_is_one_heading() -> None:
    """``… End Summary. Recovery is Fragile and Banker Bonuses`` / ``Radioactive`` / rule (09LONDON2225),
    ``… May 3. AI Report on Indigenous Living`` / ``Conditions`` / rule (05BRASILIA1325): one heading;
    a name after a sentence before a heading that heads no numbered paragraph stays the paragraph's."""
    body = ("1. (C) The minister was briefed. End Summary. Recovery is Fragile and Banker Bonuses\n\n"
            "Radioactive\n-----------\n\n2. (C) Bonuses are hated.\n")
    assert _headings(body) == ["Recovery is Fragile and Banker Bonuses Radioactive"]


def test_one_word_section_titles_and_damaged_dashes_and_apostrophes() -> None:
    """``… media group. COMMENT`` / ``13. (C) …`` (08TRIPOLI679): the comment's one-word title; ``illicit
    activity*sometimes from … themselves*but`` (06BOGOTA2291): dashes sent as ``*``; ``the Brazilian
    Government?s position``, ``they don?t`` (05BRASILIA1207): apostrophes sent as ``?``."""
    assert _headings("1. (C) Both are owned by the media group. COMMENT\n\n2. (C) His speeches matter.\n") == [
        "COMMENT"]
    text = _text("1. (C) Reports of illicit activity*sometimes from leaders themselves*but not here; the "
                 "Government?s position is that they don?t agree. Why? Nobody knows, he said.\n")
    assert "activity\u2014sometimes from leaders themselves\u2014but" in text
    assert "Government\u2019s position" in text and "don\u2019t agree. Why? Nobody knows" in text
