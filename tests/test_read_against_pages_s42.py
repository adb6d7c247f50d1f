"""Forms found by reading editions against their pages (session 42): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import _cable, _record, _text, _texts

from convert.model import NS
from convert.normalize.rules import tailtitle
from convert.stations.table import table
from convert.textview import edition_text
from convert.view import frus


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


def test_dashes_for_the_subject_of_a_sentence_are_no_rule() -> None:
    """``… and partners. ---------- told us recently (ref A) that …`` (08MOSCOW2759, a copy that lost its
    line breaks): the dashes stand for a withheld name, the sentence stays in its paragraph; a title
    set with dashes after a sentence (``… the end. ----- Corruption -----``) is still a heading."""
    body = ("2. (C) He works for favored colleagues and partners. ---------- told us recently (ref A) that he "
            "thinks Sechin is dangerous. The end. ----- Corruption vs. Inefficiency ----- 3. (C) Next. "
            "No comment. -------- and the Press -------- 4. (C) Last.\n")
    rec = _record(body)
    assert [p["n"] for p in rec["paragraphs"]] == [2, 3, 4]
    assert "partners. ---------- told us recently" in rec["paragraphs"][0]["text"]
    assert _texts(body, ".//t:body//t:ab[@type='heading']") == ["Corruption vs. Inefficiency", "and the Press"]


def test_a_paragraph_cut_after_a_comma_by_a_blank_line_goes_on() -> None:
    """``¶5.  (SBU) Softening his tone in his February 7 radio address,`` / blank / ``President Correa
    read a letter …`` (09QUITO103): no paragraph ends in a comma, so the next run goes on with it; after
    a finished sentence the next run is a paragraph of its own."""
    body = ("4. (SBU) Text of four.\n\n5.  (SBU) Softening his tone in his February 7 radio address,\n\n"
            "President Correa read a letter sent by Chauvin's wife and apologized to him.\n\n"
            "He said he had been unfair to the man in his comments on the radio.\n")
    rec = _record(body)
    assert "radio address, President Correa read" in rec["paragraphs"][1]["text"]
    assert "apologized to him.\n\nHe said" in rec["paragraphs"][1]["text"]


def test_a_quoted_text_longer_than_twelve_paragraphs_is_one_quotation() -> None:
    """``Begin Text:`` / 13 paragraphs / ``… End Text.`` (05SANJOSE2265, a communique): the quotation is
    set off whole; a second ``Begin Text`` before an end leaves the first unclosed."""
    quoted = "".join(f"Paragraph {k} of the communique says what it says.\n\n" for k in range(1, 14))
    body = (f"5. (U) Tovar distributed the communique:\n\nBegin Text:\n\n{quoted}End of communique. End Text.\n\n"
            "6. (U) Next.\n")
    segs = _cable(body).tei.findall(".//t:body//t:seg[@type='quote']", NS)
    assert len(segs) == 15 and segs[0].get("part") == "I" and segs[-1].get("part") == "F"
    body = f"5. (U) Begin Text: a text left open.\n\n{quoted}Begin Text:\n\nIt said this. End Text.\n"
    segs = _cable(body).tei.findall(".//t:body//t:seg[@type='quote']", NS)
    assert len(segs) == 2 and "a text left open" not in "".join(segs[0].itertext())


def test_a_list_items_label_after_a_space_is_the_next_item_after_and() -> None:
    """`` -- sky-rocketing violent crime, … victims; and`` / `` -- difficulties faced in border …``
    (08SANJOSE63, items set in by a space): the item after ``; and`` is the list's last, not run
    into the one before; a dash that wraps an aside stays in its sentence."""
    body = ("2. (U) He explained the challenges, including:\n\n -- The rise of organized crime;\n"
            " -- increased use of its territory for smuggling;\n -- violent crime, with officials\n"
            "themselves victims; and\n -- difficulties faced in border security.\n\n3. (U) Next.\n")
    items = _texts(body, ".//t:body//t:p[@n='2']/t:list/t:item")
    assert items[-2:] == ["violent crime, with officials themselves victims; and",
                          "difficulties faced in border security."]


def test_a_bullet_run_on_after_a_finished_item_or_a_lists_lead_is_an_item() -> None:
    """``… which Jereissati outlined: -- Use the first weeks …`` (06BRASILIA1837) and ``-- A photograph
    … in the other). -- Barreto noted …`` (06BRASILIA1910), copies that lost their line breaks: one
    bullet after a colon, or after a finished sentence on a line that begins with a bullet, starts an
    item; ``Iran -- and Syria`` inside a sentence stays, and so does a dash after a closing quote (``an
    abject “surrender” -- Sarkozy’s agreeing …``, 08PARIS1568)."""
    body = ("5. (C) The party kept to a strategy, which he outlined: -- Use the first weeks to establish him. "
            "This was essential.\n-- Monitor progress in the polls. -- With him established, attack Lula.\n\n"
            "6. (C) He spoke of Iran -- and Syria -- at length.\n\n7. (C) The tally:\n-- MADAGASCAR: add an abject "
            "\u201csurrender\u201d -- Sarkozy\u2019s agreeing to the request.\n-- MALI: a draw.\n")
    items = _texts(body, ".//t:body//t:p[@n='5']/t:list/t:item")
    assert items == ["Use the first weeks to establish him. This was essential.", "Monitor progress in the polls.",
                     "With him established, attack Lula."]
    assert "Iran -- and Syria -- at length" in _text(body)
    assert len(_texts(body, ".//t:body//t:p[@n='7']/t:list/t:item")) == 2


def test_an_end_label_alone_after_a_lists_last_item_closes_the_list() -> None:
    """``-- dismissed the notion … had not yielded any tangible results.`` / ``End Summary.``
    (09NEWDELHI412): the label stands after the list, not in its last item, in mixed case and in
    capitals; the summary still ends there."""
    body = ("1. (C) Summary: The minister said that India:\n\n-- welcomed the talks;\n"
            "-- dismissed the notion that they had not yielded any tangible results.\nEnd Summary.\n\n"
            "2. (C) Text.\n")
    rec = _record(body)
    assert _texts(body, ".//t:body//t:p[@n='1']/t:list/t:item")[-1].endswith("any tangible results.")
    assert rec["summary"] is not None and rec["summary"].rstrip().endswith("End Summary.")
    assert _texts(body.upper(), ".//t:body//t:p[@n='1']/t:list/t:item")[-1].endswith("ANY TANGIBLE RESULTS.")


def test_a_title_in_capitals_with_a_colon_after_a_paragraph_is_a_heading() -> None:
    """``… to help SME's in Libya. POST-CABINET SHUFFLE: AL-MAHMOUDI TRYING TO SHOW RESULTS?`` / blank /
    ``¶5. (C) …`` (09TRIPOLI223): the title run on after the paragraph's last sentence is a heading,
    its colon inside it, and a person's title (``MEETING WITH DR. HESNAWY …``, 08TRIPOLI574); a label
    first (``COMMENT: …``) makes no title."""
    body = ("4. (C) He said it had not been fruitful in Libya. POST-CABINET SHUFFLE: AL-MAHMOUDI TRYING TO SHOW "
            "RESULTS?\n\n5. (C) Comment: Will it succeed? We will see. MEETING WITH DR. HESNAWY & MFA/IO: LIBYA "
            "AGREES\n\n6. (C) Last.\n")
    title = "POST-CABINET SHUFFLE: AL-MAHMOUDI TRYING TO SHOW RESULTS?"
    meeting = "MEETING WITH DR. HESNAWY & MFA/IO: LIBYA AGREES"
    assert _texts(body, ".//t:body//t:ab[@type='heading']") == [title, meeting]
    assert not tailtitle._is_title(["COMMENT:", "NONE", "NEEDED"])


def test_a_title_in_mixed_case_that_asks_a_question_is_a_heading() -> None:
    """``Comment: How Important is This?`` alone before ``¶12. (C) …`` (10BRASILIA5): a line written as a
    title that ends in a question mark heads the next paragraph."""
    body = "11. (C) Text of eleven.\n\nComment: How Important is This?\n\n12. (C) It is questionable.\n"
    assert _texts(body, ".//t:body//t:ab[@type='heading']") == ["Comment: How Important is This?"]


def test_the_declassify_on_line_of_a_classification_block_is_no_text() -> None:
    """``Classified By: Derived from Multiple Sources`` / ``SECRET//FGI//NOFORN`` / ``Declassify on: Source
    marked 25X1-human, Date of source: June 18, 2009`` (09STATE63860, the DS Daily): the block's last line
    goes with its Classified By line, out of the reading text."""
    body = ("Classified By: Derived from Multiple Sources\n\nSECRET//FGI//NOFORN\n\n"
            "Declassify on: Source marked 25X1-human, Date of source: June 18, 2009\n\n"
            "1. (U) Diplomatic Security Daily, June 19, 2009\n\n2. (U) Text.\n")
    assert "Declassify" not in _text(body)
    said = [*_texts(body, ".//t:body//t:seg[@type='classified-by']"),
            *_texts(body, ".//t:body//t:ab[@type='classified-by']")]
    assert any(s.startswith("Declassify on: Source marked") for s in said)


def test_a_triple_dash_list_of_names_is_one_item_a_name() -> None:
    """``¶20. (SBU) UAE delegation:`` / ``--- Staff Major General Ali …, Deputy Chief of`` / ``Staff`` /
    ``--- Staff Colonel Saeed Rashid al-Shihi, CNIA`` / … (09ABUDHABI744): each ``---`` line begins an
    item though the one before ends without a stop; the wrapped line stays with its item."""
    body = ("20. (SBU) UAE delegation:\n\n--- Staff Major General Ali Hamad Subaih al-Kaabi, Deputy Chief of\n"
            "Staff\n--- Staff Colonel Saeed Rashid al-Shihi, CNIA\n--- Colonel (Engineer) Ahmad Sultan, Air Forces\n\n"
            "21. (U) Next.\n")
    assert _texts(body, ".//t:body//t:p[@n='20']/t:list/t:item") == [
        "Staff Major General Ali Hamad Subaih al-Kaabi, Deputy Chief of Staff",
        "Staff Colonel Saeed Rashid al-Shihi, CNIA", "Colonel (Engineer) Ahmad Sultan, Air Forces"]


def test_hyphen_bullets_run_into_a_paragraph_are_items_where_two_stand_in_a_line() -> None:
    """``… walked CDA through the following steps: - Payment for the seven USG properties. (Note: …
    septel.) - Approval of the HEU agreement. - Visas working group.`` (09TRIPOLI695, a copy that lost its
    line breaks): each hyphen after a finished sentence or a colon begins an item where the line holds two
    such; a hyphen in a sentence (``Brazil's economy - the largest - grows``) does not."""
    body = ("5. (C) He walked CDA through the following steps: - Payment for the seven USG properties. (Note: Post is "
            "reporting details septel.) - Approval of the HEU agreement. - Visas working group.\n\n"
            "6. (C) Brazil's economy - the largest in the region - is growing.\n")
    assert _texts(body, ".//t:body//t:p[@n='5']/t:list/t:item") == [
        "Payment for the seven USG properties. (Note: Post is reporting details septel.)",
        "Approval of the HEU agreement.", "Visas working group."]
    assert _texts(body, ".//t:body//t:p[@n='6']/t:list/t:item") == []
