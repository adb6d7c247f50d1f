"""Forms found by reading editions against their pages (session 41): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record, _text, _texts

from convert.model import NS
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import html

ROUTED = ("VZCZCXYZ0000\nRR RUEHWEB\nDE RUEHBU #0425/01 0901200\nZNY CCCCC ZZH\nR 301200Z MAR 08\n"
          "FM AMEMBASSY BUENOS AIRES\nTO RUEHC/SECSTATE WASHDC 0001\nINFO RUEHBR/AMEMBASSY BRASILIA 6746\n")



def test_an_addressee_run_on_after_la_paz_keeps_the_office_it_was_written_with() -> None:
    """``RUEHLP/AMEMBASSY LA PAZ APR SAO PAULO 3671`` (08BUENOSAIRES425; 145 pages of the form): the post
    after the month is named as written, not given La Paz's office (Sao Paulo is a consulate), and the
    note names it from the station table; La Paz's own precedence after the month (``DEA LA PAZ SEP
    IMMEDIATE``) is no second addressee."""
    head = ROUTED + ("RUEHLP/AMEMBASSY LA PAZ APR SAO PAULO 3671\nRUEHLP/DEA LA PAZ SEP IMMEDIATE\n\n"
                     "C O N F I D E N T I A L BUENOS AIRES 000425\n\nE.O. 12958: DECL: 01/01/2018\n"
                     "TAGS: PREL AR\nSUBJECT: TEST\n\n")
    cable = _cable("1. (C) Text.\n\nWAYNE\n", head)
    info = [(a["name"], a["sequence"]) for a in _record("1. (C) Text.\n\nWAYNE\n", head)["info"]]
    assert info == [("AMEMBASSY BRASILIA", "6746"), ("AMEMBASSY LA PAZ", None), ("SAO PAULO", "3671"),
                    ("DEA LA PAZ", None)]
    assert "La Paz, Sao Paulo" in frus.repeated_to(cable.view)  # type: ignore[operator]


def test_a_number_after_a_word_that_names_a_paragraph_goes_back_across_a_blank_line() -> None:
    """``… Delegation rosters are in paragraph`` / blank / ``¶6. The U.S. delegation presented …``
    (07YEREVAN1420, session-59 holdout): after a run with no number of its own the number is the
    sentence's reference, not paragraph 6; after a finished sentence it starts a paragraph."""
    body = ("1. (U) Summary text.\n\n2. (U) DESCRIPTION OF MEETING.\n\nThe delegation met. Rosters are in paragraph\n\n"
            "\u00b66. The U.S. delegation presented its points.\n\n3. (U) Next steps.\n")
    assert [p["n"] for p in _record(body)["paragraphs"]] == [1, 2, 3]
    assert "Rosters are in paragraph 6. The U.S. delegation" in _text(body)


def test_a_roster_numbered_from_one_to_the_end_is_a_list() -> None:
    """``6.(U) DELEGATION ROSTERS`` / ``1.Michael Stafford ) State Department`` … (07YEREVAN1420): names
    numbered from 1 after the cable's last paragraph, to the end, are a list in it; a restart whose
    paragraphs are sentences stays the cable's numbering."""
    roster = ("1. (U) Summary.\n\n2. (U) Text.\n\n3. (U) DELEGATION ROSTERS\n\n1. Michael Stafford, State\n\n"
              "2. Brent Eastman, State\n\n3. Anne Kohnen, Energy\n")
    assert [p["n"] for p in _record(roster)["paragraphs"]] == [1, 2, 3]
    restarted = ("1. (U) Summary.\n\n2. (U) Text.\n\n1. The minister said the talks went well. He will go.\n\n"
                 "2. The press reported it widely. It was news.\n\n3. The opposition said nothing. It was quiet.\n")
    assert [p["n"] for p in _record(restarted)["paragraphs"]] == [1, 2, 1, 2, 3]


def test_a_table_of_contents_numbered_as_its_paragraphs_is_a_list() -> None:
    """``¶1. Lead Stories Summary`` … ``¶3. (EU) Barroso Election``, then ``¶1. Lead Stories Summary`` /
    its text (the Berlin media reactions, 09BERLIN485, 09BERLIN1148): the first run of titles is the
    contents, a list; a topic in brackets is no portion marking that stops it."""
    body = ("\u00b61. Lead Stories Summary\n\u00b62. Outbreak of Swine Flu\n\u00b63. (EU) Barroso Election\n\n"
            "\u00b61. Lead Stories Summary\n\nEditorials focused on the debate. The papers agreed.\n\n"
            "\u00b62. Outbreak of Swine Flu\n\nThe papers reported the flu. It spread.\n\n"
            "\u00b63. Barroso Election\n\nThe papers reported the vote. He won.\n")
    assert [p["n"] for p in _record(body)["paragraphs"]] == [1, 2, 3]


def test_a_databases_row_one_field_a_line_with_the_cables_id_first_is_no_handling() -> None:
    """``06THEHAGUE1510`` / ``Embassy The Hague`` / ``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` / ``06STATE78495``
    before the banner (06THEHAGUE1510, session-58 holdout): the partner's row is a wrapper, and its
    classification column no caveat of the cable."""
    head = ("06THEHAGUE1510\n\nEmbassy The Hague\n\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n\n06STATE78495\n\n"
            "UNCLAS THE HAGUE 001510\n\nSIPDIS\n\nSENSITIVE\n\nE.O. 12958: N/A\nTAGS: SNAR NL\nSUBJECT: TEST\n\n")
    assert _record("1. (U) Text.\n", head)["caveats"] == ["SIPDIS", "SENSITIVE"]


def test_a_classified_by_line_cut_in_a_preview_is_read_whole_from_the_rows_copy() -> None:
    """``Classified By: Am...`` in a partner's preview, then its row with the whole cable (07THEHAGUE1295;
    39 source notes printed a cut line): the note reads the copy's line with the line it wraps onto, and
    stops where its reasons end (not ``Mr. Deputy Secretary.``, a letter's salutation, 05THEHAGUE789)."""
    head = ("S E C R E T THE HAGUE 001295\n\nSIPDIS\n\nE.O. 12958: DECL: 07/05/2017\nTAGS: PGOV NL\n"
            "SUBJECT: TEST\n\nClassified By: Am...\n\n\n\n\"\n114457,7/5/2007 16:17,07THEHAGUE1295,\"Embassy The\n"
            "Hague\",SECRET,,\"VZCZCXYZ0000\nOO RUEHWEB\n\",\"S E C R E T THE HAGUE 001295\nSIPDIS\n"
            "TAGS: PGOV NL\nSUBJECT: TEST\nClassified By: Ambassador Roland Arnall, reasons\n1.4 (b,d)\n"
            "Mr. Deputy Secretary.\n")
    cable = _cable("1. (S) The Cabinet began its review.\n\nARNALL\n\"\n", head)
    note = dict(frus.source_note(cable.view))["classified-by"]
    assert note == "Classified By: Ambassador Roland Arnall, reasons 1.4 (b,d)."


def test_a_title_that_opens_with_an_ellipsis_and_a_small_word_is_a_heading() -> None:
    """``...but Attention Shifts to the Accuser`` / blank / ``-----`` / ``¶3. …`` (09SANTIAGO867): the
    second half of a title split over two sections, written as a title, is a heading; an ellipsis
    before words of a sentence (``...and the talks went on``) is none."""
    heading = ".//t:body//t:ab[@type='heading']"
    body = ("1. (U) Text.\n\n...but Attention Shifts to the Accuser\n\n----------------\n\n2. (U) More.\n")
    assert _texts(body, heading) == ["...but Attention Shifts to the Accuser"]
    body = ("1. (U) Text.\n\n...and the talks went on\n\n----------------\n\n2. (U) More.\n")
    assert _texts(body, heading) == []


def test_a_question_closed_by_its_quotation_mark_is_a_title() -> None:
    """``Is this really "True Love?"`` alone before ``¶4. (C) …`` (10MANAGUA115), as ``What's "Wrong" With
    Ortega?`` is: a question mark before the closing quotation mark ends a question too."""
    body = '1. (C) Text of the cable here.\n\nIs this really "True Love?"\n\n2. (C) During the meeting.\n'
    assert _texts(body, ".//t:body//t:ab[@type='heading']") == ['Is this really "True Love?"']


def test_an_items_label_ending_in_a_colon_keeps_the_text_it_announces() -> None:
    """``C) FY2010 MERIDA INITIATIVE REQUEST ($2.8 million total):`` / ``Refit inoperable SNGC 105-foot
    patrol boat …`` (08SANJOSE596): a list's last item whose line ends in a colon goes on with the
    next line, as its items before did; after a finished sentence the text after the list is its own."""
    line = "the boats of the coast guard have waited for a refit since the\n"
    lead = "1. (U) Our recommendations: " + line * 10 + "end:\n\n" + "A) FY2009 REQUEST: a refit.\n\n"
    items = ".//t:body//t:item"
    body = lead + "B) FY2010 REQUEST ($2.8 million total):\nRefit inoperable SNGC 105-foot patrol boat.\n\n"
    body += "2. (U) More.\n"
    assert _texts(body, items)[-1] == "FY2010 REQUEST ($2.8 million total): Refit inoperable SNGC 105-foot patrol boat."
    body = lead + "B) FY2010 REQUEST ($2.8 million total).\nWe would modify the requests.\n" + "\n2. (U) More.\n"
    assert _texts(body, items)[-1] == "FY2010 REQUEST ($2.8 million total)."


def test_a_bullet_in_lower_case_after_a_lists_last_item_but_one_is_an_item() -> None:
    """``-- consideration of … profiling; and`` / ``-- the need to correct …`` (09BRASILIA1167, 09RABAT719,
    08TUNIS193's ``and,`` alone on its line): the last item of a ``--`` list begins in lower case after
    ``; and``; after other words a dash in lower case is an aside's and goes on."""
    items = ".//t:body//t:item"
    body = ("1. (C) He raised:\n-- the first point of the talks;\n-- consideration of the proposal; and\n"
            "-- the need to correct it.\n")
    assert _texts(body, items) == ["the first point of the talks;", "consideration of the proposal; and",
                                   "the need to correct it."]
    body = "1. (C) He raised:\n-- the first point of the talks;\n-- a plan that was new\n-- and costly -- he said.\n"
    assert len(_texts(body, items)) == 2


def test_a_list_label_before_a_posts_website_notice_goes_with_it() -> None:
    """``k. Visit Kuwait's Classified Website at`` / its address (09KUWAIT1135): the list's label that
    numbers the notice is the notice's, not an empty item left in the text."""
    body = ("1. (U) Points:\n\nj. TDYers should bring this document with them.\n\nk. Visit Kuwait's Classified "
            "Website at\nhttp://www.state.sgov.gov/p/nea/kuwait/\n\nWilliams\n")
    cable = _cable(body)
    assert "" not in _texts(body, ".//t:body//t:item") and "k." not in _text(body).split()
    trailer = cable.tei.find(".//t:body//t:ab[@type='trailer']", NS)
    assert trailer is not None and "".join(trailer.itertext()).startswith("k. Visit Kuwait")


def test_a_signature_whose_letters_stand_in_both_cases_is_set_as_written() -> None:
    """``Leslie BASSETT``, ``McCormick``: capitals and small capitals make one glyph of ``a`` and ``A``, and
    the PDF's text read them back in the case first met (``Leslie BAsseTT``, 08MEXICO23): such a name
    is set as written; ``CLINTON`` and ``Susman`` keep the small capitals."""
    mixed, plain = 'class="signature as-written"', 'class="signature"'
    for name, wanted in (("Leslie BASSETT", mixed), ("McCormick", mixed), ("CLINTON", plain), ("Susman", plain)):
        page = html.write(_cable(f"1. (U) Text of the cable.\n\n{name}\n"), WriteOptions()).decode()
        assert wanted in page, name
    assert "font-variant-caps: normal" in page.split(".signature.as-written", 1)[1][:60]


def test_a_marking_that_lost_its_opening_bracket_may_be_glued_to_the_first_word() -> None:
    """``¶1.  C)Summary: …`` and ``¶3. SBU)In comments …`` (09ROME877): the marking without its ``(`` is
    the paragraph's marking, glued to its text or not, not a list's label ``C)``; the summary it opens
    is found; a label ``A)`` after the number stays a list's."""
    body = ("\u00b61.  C)Summary: The leader spoke. End Summary.\n\n\u00b62. SBU)In comments, he said more.\n\n"
            "\u00b63. A)Items follow here.\n")
    rec = _record(body)
    assert [(p["n"], p["marking"]) for p in rec["paragraphs"]] == [(1, "C)"), (2, "SBU)"), (3, None)]
    assert rec["summary"] is not None and rec["summary"].startswith("Summary: The leader spoke.")


def test_a_sections_title_on_the_last_line_of_a_paragraph_under_its_last_sentence_is_a_heading() -> None:
    """``… though not co-equals.`` / ``Comment`` / blank / ``¶8. (C) …`` (09MOSCOW2779, a cable whose lines
    are whole paragraphs): the title on a line of its own under the paragraph's last sentence heads the
    next paragraph; a line that goes on a sentence (``… of the`` / ``Comment``) does not."""
    heading = ".//t:body//t:ab[@type='heading']"
    body = ("1. (C) They see Medvedev and Putin as the co-leaders, though not co-equals.\nComment\n\n"
            "2. (C) The Tandem is working.\n")
    assert _texts(body, heading) == ["Comment"]
    body = "1. (C) They see Medvedev and Putin as the authors of the\nComment\n\n2. (C) The Tandem is working.\n"
    assert _texts(body, heading) == []


def test_program_codes_glued_to_a_countrys_code_are_the_codes() -> None:
    """``TAGS: … SMIG KWMNCS`` (09SANJOSE692): a program code (K…) run together with a country's code
    the station table knows is those codes, as ``ECONCS`` is; ``KOSOVO`` (no country ``VO``) stays."""
    head = HEAD.replace("TAGS: PREL SP", "TAGS: PREL SMIG KWMNCS KOSOVO")
    assert _record("1. (U) Text.\n", head)["tags"] == ["PREL", "SMIG", "KWMN", "CS", "KOSOVO"]


def test_the_records_body_holds_no_rule_of_dashes() -> None:
    """``Violence Continues`` / blank / ``-----`` / blank / ``¶2. …`` (09SANTIAGO885, and five more random
    editions): the record's ``body`` carries the reading text's blocks, and a rule has no words and no
    edition prints it; the heading stays."""
    body = "1. (U) Text.\n\n=====================\n\nViolence Continues\n\n------------------\n\n2. (U) More.\n"
    blocks = _record(body)["body"]
    assert not [b for b in blocks if b["type"] == "ab" and b["subtype"] == "rule"]
    assert any(b["subtype"] == "heading" and b["text"] == "Violence Continues" for b in blocks)


def test_a_classified_by_line_run_on_in_the_rows_flattened_copy_is_read() -> None:
    """``SUBJECT: … PULL BACK FROM SOUTH OSSE...`` (a preview cut before its Classified By), then a copy
    that lost its line breaks, ``… REF: TBILISI 1348 CLASSIFIED BY: AMBASSADOR JOHN F. TEFFT FOR REASONS
    1.4 (B) AND (D)`` (08TBILISI1349): the note reads the run-on line from its label on."""
    head = ("C O N F I D E N T I A L TBILISI 001349\n\nE.O. 12958: DECL: 08/11/2018\nTAGS: PGOV GG\n"
            "SUBJECT: GEORGIA: SITREP 5: PULL BACK FROM SOUTH OSSE...\n\n"
            "C O N F I D E N T I A L TBILISI 001349 E.O. 12958: DECL: 08/11/2018 TAGS: PGOV GG\n\n"
            "SUBJECT: GEORGIA: SITREP 5: PULL BACK FROM SOUTH OSSETIA REF: TBILISI 1348 CLASSIFIED BY: "
            "AMBASSADOR JOHN F. TEFFT FOR REASONS 1.4 (B) AND (D)\n\n")
    cable = _cable("\u00b61. (C) Begin Summary: The minister briefed. End Summary.\n\nTEFFT\n", head)
    note = dict(frus.source_note(cable.view)).get("classified-by")
    assert note == "CLASSIFIED BY: AMBASSADOR JOHN F. TEFFT FOR REASONS 1.4 (B) AND (D)."


def test_a_rows_stamp_after_the_name_may_end_in_a_stray_stop() -> None:
    """``… End comment.`` / ``STEVENS 0 12/23/2007 .`` (07TRIPOLI1056, session-60 holdout): the database
    row's count and date after the name, a stop after them, are the row's; the name signs."""
    assert _record("1. (S) Text of the cable. End comment.\nSTEVENS 0 12/23/2007 .\n")["signer"] == "STEVENS"
    assert _record("1. (S) Text of the cable. End comment.\nSTEVENS 0 12/23/2007\n")["signer"] == "STEVENS"


def test_a_short_title_ending_in_an_initialisms_stop_over_a_rule_of_its_length_is_a_heading() -> None:
    """``¶2. (SBU) Participants:`` / blank / ``U.S.`` / ``----`` / ``The Deputy Secretary`` … (09BEIJING2964):
    a line alone at its run's start over a rule of its own length is a title though it ends in a stop; the
    rule is no residue before the first name. A sentence whose rule is longer than it stays the text's."""
    heading = ".//t:body//t:ab[@type='heading']"
    body = "1. (SBU) Participants:\n\nU.S.\n----\nThe Deputy Secretary\nAmb. Jon M. Huntsman, Jr.\n\n2. (C) Text.\n"
    assert _texts(body, heading) == ["U.S."]
    assert "----" not in _text(body)
    body = "1. (SBU) Participants:\n\nHe left.\n------------------\nThe Deputy Secretary\n\n2. (C) Text.\n"
    assert "He left." not in _texts(body, heading)
