"""Forms found by reading editions against their pages (session 39): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from lxml import etree
from writers_fixtures import hand_tei

from convert.model import NS, TEI_NS, RawCable
from convert.normalize import normalize
from convert.textview import reading_text
from convert.view import frus
from convert.writers.json import record

T = f"{{{TEI_NS}}}"
HEAD = ("C O N F I D E N T I A L MADRID 000545\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2017\nTAGS: PREL SP\n"
        "SUBJECT: TEST\n\n")


def _record(body: str, head: str = HEAD) -> dict:  # type: ignore[type-arg]
    return record(normalize(RawCable(source="t.txt", form="text", body=head + body)))


def _text(body: str) -> str:
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + body))
    return " ".join(reading_text(p) for p in cable.tei.iterfind(".//t:body//t:p", NS))


def _cable(body: str, head: str = HEAD):  # type: ignore[no-untyped-def]
    return normalize(RawCable(source="t.txt", form="text", body=head + body))


def _texts(body: str, path: str) -> list[str]:
    """The text of each element at ``path`` in the cable's TEI, white space collapsed."""
    return [" ".join("".join(e.itertext()).split()) for e in _cable(body).tei.iterfind(path, NS)]


def test_an_apostrophe_sent_as_a_comma_in_elisions_names_and_mixed_acronyms() -> None:
    """``Cote d,Ivoire``, ``charge d,affaires``, ``Dave O,Reilly``, ``al-Qa,ida``, ``Shi,a``, ``the GoK,s
    view``, ``HUJI-B,s``, ``MINURSO,s`` (08STATE116943, 08ASTANA338: 37 ``d,Ivoire`` and 26 ``Qa,ida``
    in the pages); a list of letters (``(a,b,c,d,e)``) and a comma with its space lost (``Iraq,and``)
    stay commas. ``CalderonQ,s`` (06MEXICO7054) is one apostrophe sent as a Q and a comma; a hyphened
    acronym's last capitals (``GESAMP-BWWG,s``) still take it."""
    text = _text("1. (C) In Cote d,Ivoire the charge d,affaires met Dave O,Reilly about al-Qa,ida and the "
                 "Shi,a militias; the GoK,s view, HUJI-B,s leader and MINURSO,s mandate. Points (a,b,c,d,e) "
                 "on Iraq,and more. CalderonQ,s aide read GESAMP-BWWG,s paper.\n")
    for word in ("d\u2019Ivoire", "d\u2019affaires", "O\u2019Reilly", "al-Qa\u2019ida", "Shi\u2019a", "GoK\u2019s",
                 "HUJI-B\u2019s", "MINURSO\u2019s", "Calderon\u2019s aide", "GESAMP-BWWG\u2019s"):
        assert word in text
    assert "(a,b,c,d,e)" in text and "Iraq,and" in text


def test_numbers_glued_to_each_paragraphs_first_word_start_paragraphs() -> None:
    """``5.Diab said …`` / ``… much slower.`` / ``6.Other NGOs …`` with no blank line between
    (07ADDISABABA3407): where the post glues each number to its paragraph's first word, the next
    number so glued after a finished sentence starts the next paragraph; after an unfinished line,
    or a number not the next, it does not."""
    numbers = [p["n"] for p in _record(
        "5.Diab said the food was late. Deliveries are\nmuch slower.\n6.Other NGOs agreed with him.\n"
        "They asked for trucks and\n8.Other things.\n")["paragraphs"]]
    assert numbers == [5, 6]


def test_a_surname_alone_after_prose_whose_full_stop_is_lost_signs() -> None:
    """``… will be aired in the Spanish media`` / ``Aguirre`` (07MADRID545): one surname in mixed case
    signs after prose that ends in a lower-case word; not after a small word a sentence goes on
    after (``… with the`` / ``Minister``), nor after an address's end."""
    assert _record("1. (C) Differences on this policy will be aired in the Spanish media\nAguirre\n")["signer"] == \
        "Aguirre"
    assert _record("1. (C) The talks will go on, he said, with the\nMinister\n")["signer"] is None


def test_a_lone_ellipsis_after_a_trailer_and_its_name_leaves_the_name_to_sign() -> None:
    """``…Website: XXXXXXXXXXXX******** HENZEL`` / ``...`` (08MANAMA486) and ``… Abdullah. HENZEL`` /
    ``...`` (09MANAMA597): the export's ellipsis after the line is set apart, and the name signs."""
    trailer = ("1. (C) Text ends here. ***** Visit Embassy Manama's Classified Website: "
               "XXXXXXXXXXXX***** HENZEL\n ...\n")
    assert _record(trailer)["signer"] == "HENZEL"
    assert _record("1. (C) He met Undersecretary Abdullah. HENZEL\n ...\n")["signer"] == "HENZEL"


def test_sipdis_first_on_a_line_in_lower_case_is_a_caveat() -> None:
    """``Sipdis, isn/mtr, eur/ags and eur/pra`` (08BERLIN643, a preamble in lower case): SIPDIS,
    no word of prose, is the caveat in any case."""
    head = ("S e c r e t berlin 000643\n\nSipdis, isn/mtr, eur/ags and eur/pra\n\nE.o. 12958: decl: 05/16/2033\n"
            "Tags: parm, prel\nSubject: (s) germany requests information\n\n")
    assert _record("1. (S) Text.\n", head)["caveats"] == ["SIPDIS"]


def test_a_subjects_closing_marking_with_a_release_is_no_part_of_it() -> None:
    """``SUBJECT: … DUE TO GFI'S IRANIAN TIES (S//REL CANADA)`` (09STATE84119): the marking written
    after the subject, with its release, is no part of the subject."""
    head = HEAD.replace("SUBJECT: TEST", "SUBJECT: PREVENTING A SALE DUE TO IRANIAN TIES (S//REL CANADA)")
    assert _record("1. (S) Text.\n", head)["subject"] == "PREVENTING A SALE DUE TO IRANIAN TIES"


def classified_by_note(line: str) -> str:
    """The source note's Classified By sentence for a hand-made cable whose TEI header holds ``line``."""
    cable = hand_tei()
    etree.SubElement(cable.tei.find(f".//{T}bibl[@type='telegram']"), f"{T}note", type="classified-by").text = line
    return dict(frus.source_note(cable.view))["classified-by"]


def test_the_classified_by_note_tidies_what_its_line_breaks_left() -> None:
    """``1.4 (B) and (`` / ``D)`` (07MADRID1914) and ``reasons 1`` / ``.4 (b)`` (09RABAT607) joined to
    ``( D)``, ``1 .4``; a line that ends in a colon (05LONDON4981): the note reads ``(D)``, ``1.4``
    and ends with one full stop."""
    for line, printed in (("Classified By: DCM X for Reasons 1.4 (B) and ( D)", "1.4 (B) and (D)."),
                          ("Classified By: DCM X for reasons 1 .4 (b) and (d )", "1.4 (b) and (d)."),
                          ("Classified By: ESTOff X for reasons 1.4 (d) and (e):", "1.4 (d) and (e)."),
                          ("Classified By: DCM X, Reasons 1. 4 (b), (d).", "Reasons 1.4 (b), (d).")):
        assert classified_by_note(line).endswith(printed)


def test_the_citation_drops_a_subjects_full_stop_and_keeps_its_question_mark() -> None:
    """``“EDUCATION REFORM IN EGYPT.,”`` (09CAIRO302) and ``“… TANKS?,”``: the title's full stop gives
    way to the citation's comma; after a question mark no comma follows; ``U.S.`` keeps its stop."""
    def cited(subject: str) -> str:
        cable = hand_tei()
        for title in cable.tei.iter(f"{T}title"):
            if title.get("type") == "subject":
                title.text = subject
        return frus.citation(cable.view)
    assert "\u201cEDUCATION REFORM IN EGYPT,\u201d June 2" in cited("EDUCATION REFORM IN EGYPT.")
    assert "\u201cWHO RUNS THE TANKS?\u201d June 2" in cited("WHO RUNS THE TANKS?")
    assert "\u201cTALKS WITH THE U.S.,\u201d June 2" in cited("TALKS WITH THE U.S.")


def test_a_redaction_among_the_routing_lines_reads_as_the_texts_do(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """``STATE FOR … AND DS/OP/EUR`` / ``XXXXXXXXXXXX`` among the lines before the E.O. line
    (07MADRID1914): the Transmission prints ``[redacted]``, as the text and the notes do, not the
    X's; the TEI keeps the line as written."""
    from convert.api import convert_file

    page = tmp_path / "t.txt"
    page.write_text("S E C R E T MADRID 001914\n\nSIPDIS\nSTATE FOR EUR AND DS/OP/EUR\nXXXXXXXXXXXX\n"
                    "E.O. 12958: DECL: 10/02/2017\nTAGS: PTER SP\nSUBJECT: TEST\n\n1. (S) Text.\n", encoding="utf-8")
    done = convert_file(page, to=("tei", "md", "html"))[0]
    markdown = done.outputs["md"].decode()
    transmission = markdown[markdown.index("Transmission"):]
    assert "XXXX" not in transmission and "\\[redacted\\]" in transmission
    assert b"(XXXXXXXXXXXX in the source)" in done.outputs["html"]
    assert b">XXXXXXXXXXXX</seg>" in done.outputs["tei"]


def test_a_department_serial_above_what_it_could_have_sent_is_of_the_year_before() -> None:
    """``REF: STATE 131995`` in 10CAIRO209 of February 16, 2010 (State had sent some 14,000 that
    year): 09STATE131995. A serial State could have sent by then, one with its year written, and
    any in a cable of later in the year (where a high serial is the year's own) stay as read."""
    head = ("VZCZCXRO0001\nPP RUEHXX\nDE RUEHEG #0209/01 0471200\nZNY CCCCC ZZH\nP 161200Z FEB 10\n"
            "FM AMEMBASSY CAIRO\nTO RUEHC/SECSTATE WASHDC PRIORITY 0001\n\n")
    body = ("UNCLAS CAIRO 000209\n\nSUBJECT: X\n\nREF: A. STATE 131995 B. STATE 13701 C. 10 STATE 131996\n\n"
            "1. (U) Text.\n")
    found = _record(body, head)
    assert [r["id"] for r in found["references"]] == ["09STATE131995", "10STATE13701", "10STATE131996"]
    assert any("of the year before: 09STATE131995" in w for w in found["warnings"])
    later = _record(body, head.replace("161200Z FEB 10", "161200Z NOV 10").replace("0471200", "3201200"))
    assert later["references"][0]["id"] == "10STATE131995"


def test_a_finished_sentence_in_mixed_case_after_a_subject_in_capitals_is_the_texts() -> None:
    """``SUBJECT: … AT U.S.-EU SUMMIT`` / ``This is an Action request. Please see para 2.`` with no
    blank line between (09STOCKHOLM569): the sentence is the text's; a wrapped line of the subject
    in capitals stays the subject's."""
    head = HEAD.replace("SUBJECT: TEST\n", "SUBJECT: SWEDISH PM URGES VISITS DURING\nTHE EU PRESIDENCY\n"
                                           "This is an Action request. Please see para 2.\n")
    assert _record("1. (U) Text.\n\n2. (U) Action request.\n", head)["subject"] == \
        "SWEDISH PM URGES VISITS DURING THE EU PRESIDENCY"


def test_three_dashes_before_a_space_label_an_item() -> None:
    """``… related the following:`` / ``--- per intel information …`` / ``--- The state had …``
    (09MONTERREY251): each ``---`` item belongs to the paragraph as ``--`` items do; a title set
    between dashes (``--- CGT ---``, 06SAOPAULO280) is no item."""
    found = _record("1. (C) Our interlocutors related the following:\n\n--- per intel, he was murdered.\n\n"
                    "--- The state had identified the plaza boss.\n\n--- CGT ---\n\n2. (C) Text.\n")
    first = found["paragraphs"][0]["text"]
    assert "per intel, he was murdered" in first and "identified the plaza boss" in first and "CGT" not in first


def test_a_hyphen_after_an_abbreviations_stop_at_a_lines_end_joins_without_a_space() -> None:
    """``RSO spoke with U.S.-`` / ``affiliated business owners`` (08SANJOSE901): one word, as
    ``well-`` / ``known`` is."""
    assert "U.S.-affiliated business" in _text("1. (U) The RSO spoke with U.S.-\naffiliated business owners.\n")


def test_a_lower_case_letter_label_after_a_blank_line_starts_its_own_block() -> None:
    """``¶2. Text of Dip Note 79 … - September 9, 2005`` / blank / ``a. The Ministry of Foreign
    Affairs presents …`` (06BRASILIA1365): item a. is not the caption's continuation, as b. is not;
    a line that goes on in lower case still does."""
    found = _record("2. (U) Text of Dip Note 79 (ref B) - September 9, 2005\n\na. The Ministry presents its "
                    "compliments.\n\nb. The Ministry cannot.\n\n3. (U) He said the talks would go on until\n\n"
                    "the end of the month.\n")
    # (the paragraph's text holds its blocks, one blank line between: the caption's is its own)
    first = found["paragraphs"][0]["text"].split("\n\n")
    assert first[0].endswith("September 9, 2005") and first[1].startswith("a. The Ministry presents")
    assert found["paragraphs"][1]["text"].endswith("go on until the end of the month.")


def test_a_lettered_title_in_capitals_over_its_rule_is_a_heading() -> None:
    """``… END SUMMARY.`` / blank / ``I. THE COMMUNITY`` / ``----------------`` (05THEHAGUE2599): the
    section's title, not an item of the summary's paragraph; ``II. SOCIAL …`` was one already."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "1. (SBU) Summary: the community grows. END SUMMARY.\n\nI. THE COMMUNITY\n----------------\n\n"
        "2. (SBU) The community numbers 945,000.\n")))
    headings = [reading_text(h) for h in cable.tei.iterfind(".//t:body//t:ab[@type='heading']", NS)]
    assert headings == ["I. THE COMMUNITY"]
    assert "COMMUNITY" not in reading_text(cable.tei.find(".//t:body//t:p[@n='1']", NS))


def test_neither_a_lone_redaction_nor_the_handling_sentence_is_a_heading() -> None:
    """A paragraph withheld whole, ``XXXXXXXXXXXX`` alone before ``¶7.`` (10BEIJING105), and
    ``SENSITIVE BUT UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY`` before ¶1 (09SAOPAULO317), in a cable
    in mixed case: text, not headings; a short title there is one."""
    cable = normalize(RawCable(source="t.txt", form="text", body=HEAD + (
        "SENSITIVE BUT UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY\n\n1. (SBU) Summary: talks went on.\n\n"
        "XXXXXXXXXXXX\n\n2. (SBU) Business reactions were mixed.\n\nNext Steps\n\n3. (SBU) Text.\n")))
    headings = [reading_text(h) for h in cable.tei.iterfind(".//t:body//t:ab[@type='heading']", NS)]
    assert headings == ["Next Steps"]


def test_an_acronym_written_with_its_stops_takes_the_apostrophe() -> None:
    """``President Bush,s and the U.S.,s help`` (05BUENOSAIRES138; 7 in the pages): ``U.S.’s``."""
    assert "the U.S.\u2019s help" in _text("1. (C) President Bush,s and the U.S.,s help.\n")


def test_a_sentence_a_page_break_cut_after_a_comma_in_quotation_marks_goes_on() -> None:
    """``… labelled them "extreme left,"`` / page line / ``"pro-EU" and "unbiased."`` (09ANKARA1594):
    one paragraph; a finished sentence before a page break still ends its paragraph."""
    found = _record('1. (C) The memo labelled the sites "extreme left,"\n\nMADRID 00000545  002 OF 003\n\n'
                    '"pro-EU" and "unbiased." The memo was signed.\n\n2. (C) Text.\n')
    assert [p["n"] for p in found["paragraphs"]] == [1, 2]
    assert found["paragraphs"][0]["text"].endswith('"extreme left," "pro-EU" and "unbiased." The memo was signed.')


def test_reasons_after_a_blank_line_that_begin_with_the_word_go_on_with_the_classified_by_field() -> None:
    """``Classified By: POLITICAL COUNSELOR DENNIS HEARNE.`` / (blank) / ``REASONS: 1.4 (B)(D)``
    (04BRASILIA991, 08LAHORE315, 09TRIPOLI198), ``Classified By: Political Counselor`` / (blank) /
    ``Political Counselor Richard Mills reasons, 1.4 b and d`` (08LONDON1972): the field's, not the
    text's first paragraph or a heading."""
    for field, reasons in (("Classified By: POLITICAL COUNSELOR DENNIS HEARNE.", "REASONS: 1.4 (B)(D)"),
                           ("Classified By: Political Counselor",
                            "Political Counselor Richard Mills reasons, 1.4 b and d")):
        found = _record(f"{field}\n\n{reasons}\n\n1. (C) Text.\n")
        assert [b["type"] for b in found["body"]][-1:] == ["p"] and found["paragraphs"][0]["n"] == 1
        assert not any(reasons in (b.get("text") or "") for b in found["body"] if b["type"] in ("p", "ab"))


def test_a_page_keeps_its_id_where_the_fm_line_names_its_post_and_the_banner_another() -> None:
    """09BANGKOK706's page: ``FM AMEMBASSY BANGKOK``, no DE line, over AIT Taipei's ``TAIPEI 000320``
    (the session-50 holdout's one unambiguous miss): the page's id, which the FM line's post
    confirms, is kept, and a discrepancy note names the banner's."""
    from convert.model import SourceMetadata

    body = ("P 200414Z MAR 09\nFM AMEMBASSY BANGKOK\nTO SECSTATE WASHDC PRIORITY 6457\n\n"
            "C O N F I D E N T I A L SECTION 01 OF 03 TAIPEI 000320\n\nSUBJECT: X\n\n1. (C) Text.\n")
    meta = SourceMetadata(kind="cablegate-table", id="09BANGKOK706")
    found = record(normalize(RawCable(source="t.html", form="html", body=body, metadata=meta)))
    assert found["id"] == "09BANGKOK706"
    assert any("09TAIPEI320" in w and "09BANGKOK706 is kept" in w for w in found["warnings"])
