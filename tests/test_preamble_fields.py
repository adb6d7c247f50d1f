"""The preamble's facts as the JSON record gives them, for the input forms a user meets
(issue 10): the origin from the station table, the date and id from a short date-time
group, the scrape's metadata lines before a pre-2000 cable, REF lists in pasted text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.view import frus
from convert.writers.json import record


def rec(text: str) -> dict[str, object]:
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    return {**record(cable), "warnings": cable.warnings}


BODY = """
C O N F I D E N T I A L PARIS 008760

SIPDIS

E.O. 12958: DECL: 12/20/2014
TAGS: PREL FR
SUBJECT: A CABLE

1. (C) Text of the cable.
"""


def test_origin_from_the_banner_station_when_there_is_no_fm_line() -> None:
    got = rec(BODY)
    assert got["origin"] == "Embassy Paris"
    assert any("origin Embassy Paris is read from the banner's station PARIS" in w for w in got["warnings"])


def test_no_origin_where_two_offices_share_the_banner_station() -> None:
    got = rec(BODY.replace("PARIS 008760", "BRUSSELS 008760"))
    assert got["origin"] is None
    # a limit of the text, said (05PARIS4749 pasted, 04BRUSSELS1868 pasted had no word of it)
    assert any("no origin: no FM line, and the banner's station BRUSSELS" in w for w in got["warnings"])
    bare = rec(BODY.replace("C O N F I D E N T I A L PARIS 008760", "STATE FOR EUR/WE"))
    assert bare["origin"] is None and any("no origin: the text names no sending office" in w for w in bare["warnings"])


def test_the_fm_line_wins_over_the_banner_and_is_spelt_as_the_table_spells_it() -> None:
    header = "P 021805Z MAR 09\nFM AMCONSUL RIO DE JANEIRO\nTO SECSTATE WASHDC PRIORITY 4821\n"
    got = rec(header + BODY)
    assert got["origin"] == "Consulate Rio De Janeiro"
    assert not any("banner's station" in w for w in got["warnings"])


BROWSER = (
    "Browse latest releases\n\n 2010/11 2010/12\n\nViewing cable 05PARIS8760, A CABLE\n\n"
    " If you are new to these pages, please read an introduction on the structure of a cable.\n\n"
    " \tReference ID \tCreated \tReleased \tClassification \tOrigin \n\n"
    " \t 05PARIS8760  \t 2005-12-20 17:55  \t 2010-12-08 21:09  \t CONFIDENTIAL  \t Embassy Paris  \n\n"
    "This record is a partial extract of the original cable. The full text of the original cable is not available.\n"
    + BODY.replace("1. (C)", "\u00b61. (C)")
)


def test_a_browser_copy_of_a_page_reads_the_table_and_drops_the_site_text() -> None:
    from convert.readers import text

    raw = text.read(BROWSER, "copy.txt")
    assert raw.metadata is not None and raw.metadata.id == "05PARIS8760"
    assert raw.metadata.created == "2005-12-20T17:55" and raw.metadata.classification == "CONFIDENTIAL"
    assert "Browse latest" not in raw.body and "introduction" not in raw.body
    cable = normalize(raw)
    got = {**record(cable), "warnings": cable.warnings}
    assert (got["id"], got["date"][:10], got["origin"]) == ("05PARIS8760", "2005-12-20", "Embassy Paris")
    assert got["subject"] == "A CABLE" and got["references"] == []
    assert any("browser copy" in w for w in got["warnings"])


def test_text_with_a_table_head_but_no_row_of_facts_is_plain_text() -> None:
    from convert.readers import text

    raw = text.read("Reference ID\tCreated\tReleased\tClassification\tOrigin\nnot a row\n" + BODY, "x.txt")
    assert raw.metadata is None and raw.body.startswith("Reference ID")


def test_a_short_date_time_group_above_the_banner_gives_the_date_and_the_id() -> None:
    got = rec("201755Z Dec 05\n" + BODY.replace("PARIS 008760", "PARIS 008760"))
    assert (got["id"], got["date"]) == ("05PARIS8760", "2005-12-20T17:55:00Z")


def test_the_partial_extract_notice_above_the_date_time_group_stays_with_the_header() -> None:
    notice = "This record is a partial extract of the original cable. "
    notice += "The full text of the original cable is not available.\n\n"
    got = rec(notice + "201755Z Dec 05\n" + BODY)
    assert got["id"] == "05PARIS8760"


def test_a_pre2000_scrape_with_its_metadata_lines_and_the_banner_glued_to_the_header() -> None:
    scrape = (
        "88LIMA9331\nSENDERO ASSASSINATES APRA GOVERNOR\nFri Jul 15 00:00:00 +0200 1988\nCONFIDENTIAL\n"
        "Embassy Lima\nR 152251Z JUL 88\nFM AMEMBASSY LIMA\nTO SECSTATE WASHDC 4660\nINFO AMEMBASSY BOGOTA\n"
        "USCINCSO QUARRY HEIGHTS PMC O N F I D E N T I A L SECTION 01 OF 02 LIMA 09331 \n \n"
        "E.O. 12356: DECL: OADR\nTAGS: PGOV PTER PE\nSUBJECT: SENDERO ASSASSINATES APRA GOVERNOR\n\n"
        "1. (C) Text of the cable.\n"
    )
    got = rec(scrape)
    assert (got["id"], got["origin"], got["classification"]) == ("88LIMA9331", "Embassy Lima", "CONFIDENTIAL")
    assert [o["name"] for o in got["info"]] == ["AMEMBASSY BOGOTA", "USCINCSO QUARRY HEIGHTS PM"]
    assert got["subject"] == "SENDERO ASSASSINATES APRA GOVERNOR"


def test_a_subject_run_on_into_ref_and_classified_by_is_cut_there() -> None:
    got = rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLEREF: PARIS 8705 Classified By: Ambassador X, 1.4 (b)"))
    assert got["subject"] == "A CABLE"
    assert [r["text"] for r in got["references"]] == ["PARIS 8705"]


@pytest.mark.parametrize(
    ("after_reasons", "first"),
    [
        # letters apart after a space (08BAKU761)
        ("1.4 (b) (d) 1. (C) Summary: A delegation came to the ministry today.", 1),
        ("1.4 (b) and (d) 1. (C) Summary: A delegation came to the ministry today.", 1),
        # "(C)" after a space is the marking, not a letter
        ("1.4 (b) (C) Summary: A delegation came to the ministry today.", None),
    ],
)
def test_a_classified_by_line_run_on_into_the_body_is_cut_after_its_reasons(
    after_reasons: str, first: int | None
) -> None:
    run_on = f"Classified By: Acting DCM Rob Garverick, Reasons {after_reasons}"
    got = rec(BODY.replace("1. (C) Text of the cable.", run_on + "\n\n2. (C) Text of the cable."))
    assert [p["n"] for p in got["paragraphs"]] == ([1, 2] if first else [2])  # type: ignore[union-attr]
    body = [b["text"] for b in got["body"] if b.get("type") == "p"]  # type: ignore[union-attr]
    assert any(t.lstrip("(C) ").startswith("Summary: A delegation came to the ministry today.") for t in body)
    assert not any("Garverick" in t for t in body)


def test_a_classified_by_line_with_its_own_portion_marking_is_the_field() -> None:
    # 03ANKARA1516, 09STATE119085: ``(U) Classified by …`` after the REF field, before paragraph 1
    line = "(U) Classified by Polcouns John Kunstadter; reasons 1.5 (b,d)."
    body = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE\n\nREF: STATE 1234\n\n" + line)
    cable = normalize(RawCable(source="pasted.txt", form="text", body=body))
    assert cable.tei.xpath("string(//t:bibl/t:note[@type='classified-by'])", namespaces=NS) == line
    assert [r["text"] for r in record(cable)["references"]] == ["STATE 1234"]  # (the REF field not cut at it)
    assert not cable.tei.xpath("//t:body//t:p[not(@n)]", namespaces=NS)  # (no unnumbered paragraph left)
    # a paragraph that opens with a marking and says something else is the text's
    other = normalize(RawCable(source="pasted.txt", form="text",
                               body=BODY.replace("1. (C) Text", "(U) Classified documents were sent.\n\n1. (C) Text")))
    assert not other.tei.xpath("//t:bibl/t:note[@type='classified-by']", namespaces=NS)


@pytest.mark.parametrize(
    ("second", "subject"),
    [
        # the wrapped half, with the REF field on the next line (a copy that lost its breaks: long)
        ("POLICY; WILL SHARE UK EXPERIENCE RESETTLING DETAINEES WITH OTHER GOVERNMENTS, BUT NOT MORE\nREF: STATE 6516",
         "A CABLE POLICY; WILL SHARE UK EXPERIENCE RESETTLING DETAINEES WITH OTHER GOVERNMENTS, BUT NOT MORE"),
        # the words before a field glued to them
        ("MEETING REF: STATE 6516", "A CABLE MEETING"),
        # a report's number: no words of the subject
        ("IIR 6 809 0067 09 REF: STATE 6516", "A CABLE"),
        # the subject written again (a copy's), before its REF
        ("A CABLE REF: STATE 6516", "A CABLE"),
        # a handling sentence before the REF field
        ("SENSITIVE BUT UNCLASSIFIED\nREF: STATE 6516", "A CABLE"),
    ],
)
def test_a_subject_wrapped_past_a_blank_line_before_a_field(second: str, subject: str) -> None:
    got = rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE\n\n" + second))
    assert got["subject"] == subject
    if subject != "A CABLE":  # (taken: the field after it is read as the REF field)
        assert [r["text"] for r in got["references"]] == ["STATE 6516"]


def test_a_subject_mentioning_an_executive_order_is_not_cut() -> None:
    got = rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: DESIGNATION UNDER E.O. 13224 OF THE SIPDIS REFORM"))
    assert got["subject"] == "DESIGNATION UNDER E.O. 13224 OF THE SIPDIS REFORM"


def test_no_banner_no_level_is_shown_as_not_stated_never_unclassified() -> None:
    from convert.writers import html as html_writer

    cable = normalize(RawCable(source="x.txt", form="text", body="TAGS: PREL FR\nSUBJECT: A CABLE\n\n1. (C) Text.\n"))
    assert cable.view.classification == "CLASSIFICATION NOT STATED"
    shown = html_writer.article(cable, WriteOptions())
    assert "UNCLASSIFIED" not in etree.tostring(shown, encoding="unicode")


def refs_of(text: str) -> list[tuple[str | None, str, str | None]]:
    from convert.normalize.refs import parse_refs

    return [(r.letter, r.text, r.target) for r in parse_refs(text, 2009).items]


def test_a_label_written_twice_does_not_hide_the_cable() -> None:
    assert refs_of("REF: A. A) SECSTATE 96300 B. (B) MADRID 2114 C. C: 2004 MADRID 4554 D. D. 08 ROME 5") == [
        ("A", "SECSTATE 96300", "09STATE96300"),  # (the letter written again, bracketed: the label's)
        ("B", "MADRID 2114", "09MADRID2114"),
        ("C", "2004 MADRID 4554", "04MADRID4554"),  # (written again unbracketed before a cable: the label's too)
        ("D", "08 ROME 5", "08ROME5"),
    ]
    # the label's closing parenthesis set apart (08LONDON1761)
    assert refs_of("REF: A. ) STATE 064404 B. ) IIR 663 2405 08") == [
        ("A", "STATE 064404", "09STATE64404"),  # (before a cable, the label's)
        ("B", ") IIR 663 2405 08", None),
    ]


def test_an_item_naming_several_cables_is_one_item_per_cable_with_its_separator() -> None:
    # (the separator is the item's tail: test_normalize_units' separator test)
    assert refs_of("REF: 08 DJIBOUTI 859; 09 DJIBOUTI 337, QUITO 5 AND STATE 6 09 CAIRO 2229") == [
        (None, "08 DJIBOUTI 859", "08DJIBOUTI859"),
        (None, "09 DJIBOUTI 337", "09DJIBOUTI337"),
        (None, "QUITO 5", "09QUITO5"),
        (None, "STATE 6", "09STATE6"),
        (None, "09 CAIRO 2229", "09CAIRO2229"),
    ]


def test_what_follows_a_cable_and_is_none_stays_in_its_item() -> None:
    assert refs_of("REF: A. TBILISI 1605 OF MAY 5 B. STATE 1234 PARA 5 C. KABUL 5855 (NOTAL) AND PREVIOUS") == [
        ("A", "TBILISI 1605 OF MAY 5", "09TBILISI1605"),
        ("B", "STATE 1234 PARA 5", "09STATE1234"),
        ("C", "KABUL 5855 (NOTAL) AND PREVIOUS", "09KABUL5855"),
    ]


def test_a_two_word_station_the_table_knows_is_a_station() -> None:
    assert refs_of("REF: THE HAGUE 2568") == [(None, "THE HAGUE 2568", "09THEHAGUE2568")]
    assert refs_of("REF: THE EMBASSY 2568") == [(None, "THE EMBASSY 2568", None)]


def test_a_portion_marking_before_the_subject_is_not_part_of_it() -> None:
    for marking in ("(S/NF)", "(C/NF)", "(s)", "(SBU)"):
        assert rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT: {marking} A CABLE"))["subject"] == "A CABLE"
    assert rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: (NOTE) A CABLE"))["subject"] == "(NOTE) A CABLE"


def test_terrep_is_a_handling_caveat() -> None:
    assert "TERREP" in rec(BODY.replace("SIPDIS\n", "SIPDIS\n\nTERREP\n"))["caveats"]


def test_the_subject_goes_on_after_a_blank_line_or_a_page_break() -> None:
    for gap in ("\n\n", "\n\nPARIS 00008760  001.2 OF 002\n\n"):
        got = rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT: A CABLE ON THE{gap}REGION"))
        assert got["subject"] == "A CABLE ON THE REGION"


def test_what_follows_the_subject_after_a_blank_line_is_not_always_its_second_line() -> None:
    for after in ("SUMMARY", "SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY", "A. (U) POST: Paris.",
                  "XXXXXXXXXXXX", "Mixed Case Line", "NSC FOR ABRAMS/DORAN", "DEPT FOR WHA/CEN",
                  "FROM AMBASSADOR PAMELA P. WILLEFORD", "RE: STATE 123682", "VZCZCXYZ0001 PP RUEHWEB",
                  "LONDON 00002124  001.2 OF 004", "C O R R E C T E D C O P Y (ADDED TAGS)", "////ZFR CANCEL"):
        assert rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT: A CABLE\n\n{after}"))["subject"] == "A CABLE"
    assert rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE...\n\nREGION"))["subject"] == "A CABLE..."


def test_a_one_line_first_paragraph_after_the_subject_stays_a_paragraph() -> None:
    text = BODY.replace("1. (C) Text of the cable.", "FOLLOWING IS TEXT OF ARTICLE.")
    assert rec(text)["subject"] == "A CABLE"
    cable = normalize(RawCable(source="x.txt", form="text", body=text))
    paragraphs = cable.tei.xpath("//t:div[@type='telegram']/t:p", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert ["".join(p.itertext()) for p in paragraphs] == ["FOLLOWING IS TEXT OF ARTICLE."]


def test_a_subject_that_runs_on_into_a_mixed_case_handling_sentence_is_cut_there() -> None:
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE Sensitive but unclassified. Please handle accordingly.")
    assert rec(text)["subject"] == "A CABLE"


def test_the_marked_text_without_its_number_after_the_handling_sentence_on_the_subject_line_is_the_body() -> None:
    # 09CAIRO226: the whole text ran on after the SUBJECT and the handling sentence, unnumbered
    line = (
        "SUBJECT: EGYPT'S 55th BIRD FLU VICTIM Sensitive but Unclassified. Please handle accordingly. (SBU) On "
        "February 8, 2009, the Ministry announced the country's 55th victim. Scobey"
    )
    text = BODY.replace("SUBJECT: A CABLE", line).replace("1. (C) Text of the cable.\n", "")
    got = rec(text)
    assert got["subject"] == "EGYPT'S 55th BIRD FLU VICTIM"
    cable = normalize(RawCable(source="x.txt", form="text", body=text))
    paragraphs = cable.tei.xpath("//t:div[@type='telegram']/t:p", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    assert "".join(paragraphs[0].itertext()).startswith("(SBU) On February 8, 2009, the Ministry")
    assert got["signer"] == "Scobey"


def test_a_wrapped_subject_whose_last_line_runs_on_into_the_ref_field_is_cut_there() -> None:
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE ON\nTHE REGION REF: STATE 16112 Classified By: Pol Couns")
    got = rec(text)
    assert got["subject"] == "A CABLE ON THE REGION"
    assert [r["text"] for r in got["references"]] == ["STATE 16112"]


def test_a_subject_cut_short_is_read_whole_from_a_later_copy_that_begins_with_it() -> None:
    cut = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE ON THE RE...")
    copy = "\n\nE.O. 12958: DECL: 12/20/2014\nTAGS: PREL FR\nSUBJECT: A CABLE ON THE\nREGION AND ITS NEIGHBOURS\n\n"
    got = rec(cut + copy)
    assert got["subject"] == "A CABLE ON THE REGION AND ITS NEIGHBOURS"
    assert any("cut short" in w for w in got["warnings"])
    other = copy.replace("A CABLE ON THE", "ANOTHER CABLE ON THE")
    assert rec(cut + other)["subject"] == "A CABLE ON THE RE..."


def test_quotation_marks_a_csv_export_doubled_in_the_subject_read_as_one_and_stay_as_written() -> None:
    # 06TOKYO5805: ``SUBJECT: … ON ""GOLD STANDARD"" AGREEMENT …``: the title, the record and the
    # editions' "Cite as" read one mark; the subject's heading keeps the doubled pair as orig
    text = BODY.replace("SUBJECT: A CABLE", 'SUBJECT: A ""GOLD STANDARD"" CABLE')
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    assert record(cable)["subject"] == 'A "GOLD STANDARD" CABLE'
    tei, ns = cable.tei, {"t": "http://www.tei-c.org/ns/1.0"}
    assert tei.xpath("string(//t:titleStmt/t:title[@type='subject'])", namespaces=ns) == 'A "GOLD STANDARD" CABLE'
    head = tei.xpath("//t:head[@type='subject']", namespaces=ns)[0]
    assert head.xpath("t:choice/t:orig/text()", namespaces=ns) == ['""', '""']
    assert head.xpath("t:choice/t:reg/@type", namespaces=ns) == ["doubled-quote", "doubled-quote"]
    assert "doubled by the CSV export" in etree.tostring(tei, encoding="unicode")  # the rule's note
    # a pair between spaces is not doubled quotation marks
    assert rec(BODY.replace("SUBJECT: A CABLE", 'SUBJECT: A "" CABLE'))["subject"] == 'A "" CABLE'


def test_references_written_number_first_in_cablegate_form_or_with_the_year_after_the_serial() -> None:
    assert [r[2] for r in refs_of("REF: A. A) 00821 ASMARA B. B) 00838 ASMARA")] == ["09ASMARA821", "09ASMARA838"]
    assert [r[2] for r in refs_of("REF: 09BOGOTA569")] == ["09BOGOTA569"]
    assert [r[2] for r in refs_of("REF: A. A: PANAMA 00933/08 B. B: PANAMA 00343")] == ["08PANAMA933", "09PANAMA343"]
    assert [r[2] for r in refs_of("REF: A. REF: KATHMANDU 2282 B. KATHMANDU 2298")] == [
        "09KATHMANDU2282", "09KATHMANDU2298"]
    # the year after the serial and a space, ending the item (07KABUL1032); none past the cable's year
    assert refs_of("REF: A. KABUL 5679 06 B. KABUL 940 07") == [
        ("A", "KABUL 5679 06", "06KABUL5679"), ("B", "KABUL 940 07", "07KABUL940")]
    assert [r[2] for r in refs_of("REF: LIMA 123 45")] == ["09LIMA123"]
    # Embassy Kuala Lumpur's short name for itself (10KUALALUMPUR12)
    assert [r[2] for r in refs_of("REF: A. 09 KL 1016 -- F-5 FOLLOW UP")] == ["09KUALALUMPUR1016"]
    # a number then words that are no station, a date-like serial: no cable
    assert [r[2] for r in refs_of("REF: 00500 PEOPLE")] == [None]
    assert [r[2] for r in refs_of("REF: STATE 12/05")] == [None]


def test_a_field_run_on_with_no_space_keeps_its_token_in_the_source_view() -> None:
    """Fields run together inside a word lose no token of the source (found by the slow
    property test): ``…TAGS: PARM CBWJSUBJECT: …`` is not cut inside ``CBWJSUBJECT:`` (the
    SUBJECT head would leave the opener, and the word with it), so the line stays in the
    opener as written; ``…VISIT TO EGYPTREF: CAIRO 493`` (06CAIRO941) is cut, and the REF list
    that ran on from the SUBJECT head is ``rend="run-on"``, so the source view reads
    ``EGYPTREF:`` as one token again while the reading text keeps the fields apart."""
    from convert.textview import reading_text, source_text

    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    glued_tags = normalize(RawCable(source="pasted.txt", form="text", body=(
        "S E C R E T MADRID 004887\n\nSIPDIS\n\nE.O. 12958: DECL: 12/29/2014\n"
        "TAGS: PARM PREL CBWJSUBJECT: A VISIT\n\nREF: STATE 272165\n\nClassified By\n")))
    [body] = glued_tags.tei.xpath("//t:text", namespaces=ns)
    assert "CBWJSUBJECT:" in source_text(body).split()
    assert "By" in source_text(body).split()
    assert not glued_tags.tei.xpath("//t:*[@rend='run-on']", namespaces=ns)
    # a flipped line end: the SUBJECT line begins 'JSUBJECT:', cut from a piece of no field
    flipped = normalize(RawCable(source="pasted.txt", form="text", body=(
        'S E C R E T MADRID 004887\r\n'
        '\r\n'
        'SIPDIS\r\n'
        '\r\n'
        'FOR EUR/WE, NP/CBM AND EUR/PRA\r\n'
        '\r\n'
        'E.O. 12958: DECL: 12/29/2054\r\n'
        'TAGS: PARM PREL ETTC SP IR CBW\rJSUBJECT: SHIELD S59A-03: SPAIN INFORMED THAT TELSTAR\r\n'
        'SANCTIONS LIFTED\r\n'
        '\r\n'
        'REF: STATE 272165\r\n'
        '\r\n'
        'Classified By: Acting Political Counselor Robert J. Riley,\r\n'
        'reasons 1.4(b), (d) and (h).\r\n'
        '\r\n'
        '(S) Poloff delivered reftel points concerning the lifting of\r\n'
        'sanctions against Spanish entity Telstar December 29 '
    )))
    [body] = flipped.tei.xpath("//t:text", namespaces=ns)
    assert "JSUBJECT:" in source_text(body).split()

    runon_ref = normalize(RawCable(source="pasted.txt", form="text", body=(
        "UNCLAS CAIRO 000941\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL EG\n"
        "SUBJECT: FBI DIRECTOR VISIT TO EGYPTREF: CAIRO 493\n\n1. Text of the cable.\n")))
    [body] = runon_ref.tei.xpath("//t:text", namespaces=ns)
    assert [e.tag.split("}")[1] for e in runon_ref.tei.xpath("//t:*[@rend='run-on']", namespaces=ns)] == ["list"]
    assert "EGYPTREF:" in source_text(body).split()
    assert "EGYPTREF:" not in reading_text(body).split()


def test_a_first_copy_cut_in_its_subject_takes_the_later_copys_references_only() -> None:
    from convert.normalize.parsed import Ref
    from convert.normalize.rules.refcopy import refs_of_copy

    copy = ["SUBJECT: A SUBJECT WHOLE REF: SECSTATE 85678 Classified By: A. Officer", "1. (C) Text."]
    assert [r.target for r in refs_of_copy([], copy, 2008) or ()] == ["08STATE85678"]
    # a REF label only after the copy's first numbered paragraph is the body's, not the preamble's
    assert refs_of_copy([], ["SUBJECT: A SUBJECT WHOLE", "1. (C) Text.", "REF: STATE 1"], 2008) is None
    assert refs_of_copy([Ref(None, None, "STATE 2", "08STATE2")], copy, 2008) is None  # a REF field of its own
    assert refs_of_copy([], ["SUBJECT: WHOLE REF: PARA 5 ABOVE"], 2008) is None  # names no cable


def test_a_bare_subject_label_takes_the_next_line_cut_before_the_next_field() -> None:
    text = BODY.replace("SUBJECT: A CABLE",
                        "SUBJECT:\n\nA CABLE ON THE REGION REF: STATE 5535 Classified By: X for 1.4 (d).")
    got = rec(text)
    assert got["subject"] == "A CABLE ON THE REGION"
    assert [r["id"] for r in got["references"]] == ["04STATE5535"]  # (the year: DECL 2014 less ten years)


def test_a_bare_subject_label_does_not_take_a_paragraph() -> None:
    for after in ("1. (C) Text of the cable.", "(C) A marked paragraph.", "SUMMARY: text", "XXXXXXXXXXXX"):
        assert rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT:\n\n{after}"))["subject"] is None


def test_tags_glued_after_a_distribution_line_are_read() -> None:
    text = BODY.replace("E.O. 12958: DECL: 12/20/2014\nTAGS: PREL FR",
                        "DEPT FOR EUR/WE\nDOE FOR SMITH E.O. 12958: DECL: 12/20/2014 TAGS: PREL FR")
    assert rec(text)["tags"] == ["PREL", "FR"]
    text = BODY.replace("TAGS: PREL FR\nSUBJECT: A CABLE", "TAGS: PREL PGOV\nECON, PHUM, FR SUBJECT: A CABLE")
    got = rec(text)
    assert (got["tags"], got["subject"]) == (["PREL", "PGOV", "ECON", "PHUM", "FR"], "A CABLE")


def test_a_year_or_an_executive_order_on_the_subjects_last_line() -> None:
    for last, whole in (("\n¶2009.", "A CABLE OF JANUARY 28, 2009."), ("\n2009.", "A CABLE OF JANUARY 28, 2009.")):
        assert rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT: A CABLE OF JANUARY 28,{last}"))["subject"] == whole
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: DESIGNATIONS UNDER\nE.O. 13382")
    assert rec(text)["subject"] == "DESIGNATIONS UNDER E.O. 13382"


def test_a_portion_marking_at_the_end_of_the_subject_or_with_a_caveat_is_not_part_of_it() -> None:
    for subject in ("A CABLE (S)", "(S/REL UK) A CABLE", "A CABLE (C/NF)"):
        assert rec(BODY.replace("SUBJECT: A CABLE", f"SUBJECT: {subject}"))["subject"] == "A CABLE"
    assert rec(BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE(S)"))["subject"] == "A CABLE(S)"


def test_ref_items_below_a_bare_label_or_a_serial_below_its_station() -> None:
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE\n\nREF:\n\nA. A) STATE 33385 AND PREVIOUS\n\nB. PARIS 12")
    assert [r["id"] for r in rec(text)["references"]] == ["04STATE33385", "04PARIS12"]
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE\n\nREF: A) PARIS 675,\nB) BRASILIA\n\n2314")
    assert [r["id"] for r in rec(text)["references"]] == ["04PARIS675", "04BRASILIA2314"]


def test_a_reference_written_on_the_line_of_the_one_before_is_marked_run_in() -> None:
    """The body's REF list says which references share a source line (``rend="run-in"``),
    so the editions print the field's lines as the telegram has them (06REYKJAVIK88)."""

    def rends(ref_lines: str) -> list[str | None]:
        text = BODY.replace("SUBJECT: A CABLE", f"SUBJECT: A CABLE\n\n{ref_lines}")
        cable = normalize(RawCable(source="t.txt", form="text", body=text))
        t = "{http://www.tei-c.org/ns/1.0}"
        refs = cable.tei.find(f".//{t}body//{t}list[@type='references']")
        return [item.get("rend") for item in refs.iter(f"{t}item")]

    assert rends("REF: (A) STATE 37552, (B) REYKJAVIK 50") == [None, "run-in"]
    assert rends("REF: A) BRASILIA 532;\nB) BRASILIA 437;\nC) BRASILIA 369") == [None, None, None]
    assert rends("REF: A. PARIS 12, B. PARIS\n13; C. PARIS 14\nD. PARIS 15") == [None, "run-in", "run-in", None]
    # labelled items run together with no separator: a copy that lost its line breaks
    assert rends("REF: A. CAIRO 1197\nB. CAIRO 457 C. CAIRO 826") == [None, None, None]
    assert rends("REF: 08 DJIBOUTI 859; 09 DJIBOUTI 337") == [None, "run-in"]
    # a copy that lost the line breaks kept the next lines' indent (05NEWDELHI6841)
    assert rends("REF: A. STATE 145434\n     B. DAMASCUS 4183      C. NEW DELHI 6735") == [None, None, None]


def test_a_classified_by_label_written_twice_is_one_field() -> None:
    """``Classified By: Classified by Minister Counselor …`` (81 pages, old-style records): the
    ``ref-runon`` cut must not leave the first label alone as the field (the note said only
    ``Classified By:``); a REF line that runs on into the label is still cut."""
    from convert.normalize.rules.copies import ref_runon

    twice = "Classified By: Classified by Minister Counselor Josiah Rosenblatt for reasons 1.4 b and d"
    assert ref_runon(twice) is None
    assert ref_runon("CLASSIFIED BY Classified by DCM X for reasons 1.4 (b)") is None
    cut = ref_runon("REF: STATE 85678 Classified By: CDA Damian R. Leader")
    assert cut is not None and cut[0] == "REF: STATE 85678"


def test_a_1970s_telegram_pasted_whole_reads_its_header_and_signer() -> None:
    """As the National Archives' database prints it: the page's marking, the page line, the
    distribution block, the drafting office's lines and the transmission rule above the DTG
    and FM line; ``NNN`` after the text (issue 10: it came out with no id, no date, no
    From/To and the signer "NNN")."""
    text = (Path(__file__).parent / "fixtures" / "rules" / "classification-preface.txt").read_text()
    got = rec(text)
    assert (got["id"], got["date"], got["from"]) == ("75STATE12345", "1975-01-01T12:34:00Z", "SECSTATE WASHDC")
    assert [a["name"] for a in got["to"]] == ["AMEMBASSY PARIS"]  # type: ignore[attr-defined, index]
    assert [a["name"] for a in got["info"]] == ["AMEMBASSY LONDON", "USMISSION NATO"]  # type: ignore[attr-defined, index]
    assert got["signer"] == "KISSINGER"
    assert got["classification"] == "UNCLASSIFIED"
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    note = " ".join(sentence for _, sentence in frus.source_note(cable.view))
    assert "Drafted by EUR/WE:JSMITH:LK; approved by EUR:AHARTMAN." in note


#: a media copy after the preview's cut preamble (08USNATO291): the copy's Classified By line
#: runs on into paragraph 1, or ends with paragraph 1's number (08OSLO458)
COPY = """
C O N F I D E N T I A L USNATO 000291

SIPDIS

E.O. 12958: DECL: 08/08/2018
TAGS: PREL MARR NATO
SUBJECT: TFGG01: AMBASSADOR'S MEETING WITH THE GEORGIAN FM

REF: A. USNATO 287
     B. USNATO ...

C O N F I D E N T I A L USNATO 000291 SIPDIS E.O. 12958: DECL: 08/08/2018 TAGS: PREL MARR NATO

SUBJECT: TFGG01: AMBASSADOR'S MEETING WITH THE GEORGIAN FM REF: A. USNATO 287 B. USNATO 284

{classified}

2. (C) Tkeshelashvili said Georgia had faced an existential threat.

VOLKER
"""


def test_a_late_classified_by_line_gives_paragraph_1_to_the_text() -> None:
    line = ("Classified By: Ambassador Kurt Volker for reasons 1.4 (b) and (d) 1. (C) Summary. "
            "Ambassador met August 14 with the Georgian FM to compare notes. End Summary.")
    got = rec(COPY.format(classified=line))
    assert [p["n"] for p in got["paragraphs"]] == [1, 2]
    assert got["summary"].startswith("Summary. Ambassador met August 14")
    dangling = ("Classified By: Charge Kevin M. Johnson for reasons 1.4 b and d 1. (C)\n\n"
                "On August 14 Charge met the FM.")
    got = rec(COPY.format(classified=dangling))
    assert [p["n"] for p in got["paragraphs"]] == [1, 2]
    assert got["paragraphs"][0]["text"] == "On August 14 Charge met the FM."


def test_references_of_session_14s_holdout_forms() -> None:
    """Three REF forms the session-14 holdout showed: a six-digit serial written in eight
    (``STATE 00218123``, 05SANJOSE2802; a page's own number, ``TRIPOLI 00000948 001.2 OF 002``
    or ``STATE 00120578 002 OF 003``, is none), items labelled ``REF A …`` ``REF B …`` with no
    stop (09CAIRO173), and lines with labels of their own over the items' after a blank line
    (``A. A. GENEVA 1954 B. STATE 130904`` / blank / ``B. C. STATE 130145 D. GENEVA 1675``,
    06GENEVA2030)."""
    assert [r[2] for r in refs_of("REF: STATE 00218123")] == ["09STATE218123"]
    paged = "REF: STATE 00120578 TRIPOLI 00000948 001.2 OF 002"
    assert [r[2] for r in refs_of(paged)] == ["09STATE120578"]
    assert [r[2] for r in refs_of("REF: STATE 00120578 002 OF 003")] == [None]
    assert [r[2] for r in refs_of("REF: TRIPOLI 00000948")] == [None]
    assert [r[2] for r in refs_of("REF A 09 CAIRO 074 REF B 08 CAIRO 784")] == ["09CAIRO74", "08CAIRO784"]
    assert [r[2] for r in refs_of("REF A: ROME 5")] == ["09ROME5"]
    assert [r[2] for r in refs_of("REF: A. REF A STATE 118799 B. REF B LONDON 2595")] == [
        "09STATE118799", "09LONDON2595"]
    text = BODY.replace("SUBJECT: A CABLE", "SUBJECT: A CABLE\n\nREF: A. A. GENEVA 1954 B. STATE 130904\n\n"
                        "     B. C. STATE 130145 D. GENEVA 1675\n     C. E. GENEVA 1673\n\nClassified By: X")
    assert [r["id"] for r in rec(text)["references"]] == [
        "04GENEVA1954", "04STATE130904", "04STATE130145", "04GENEVA1675", "04GENEVA1673"]
    # a lettered question after the REF list is no item of it: ``B. (C) WHAT …`` has no cable
    from convert.normalize.rules.fields import ref_continues

    assert not ref_continues("B. (C) WHAT IS THE TGS' ATTITUDE", "B")
    assert ref_continues("B. C. STATE 130145 D. GENEVA 1675", "B")


def test_a_browser_copy_leaves_out_the_tables_row_of_press_articles() -> None:
    """Many pages end their table with the press articles the cable appears in: in a browser
    copy that row stands between the row of facts and the routing header, and read as text it
    hid the header (07BERN881: no level, date, FM line, SUBJECT or TAGS)."""
    from convert.readers import text

    header = "O 201755Z DEC 05\nFM AMEMBASSY PARIS\nTO SECSTATE WASHDC IMMEDIATE 1234\n\n"
    row = " \t 05PARIS8760  \t 2005-12-20 17:55  \t 2010-12-08 21:09  \t CONFIDENTIAL  \t Embassy Paris  \n\n"
    articles = " \t Appears in these articles:\n http://www.example.org/a/1\n http://www.example.org/b/2\n\n"
    copy = BROWSER.split(" \t 05PARIS8760")[0] + row + articles + header + BODY.replace("1. (C)", "\u00b61. (C)")
    raw = text.read(copy, "copy.txt")
    assert "Appears in these articles" not in raw.body and "example.org" not in raw.body
    assert any("press articles" in n for n in raw.notes)
    cable = normalize(raw)
    got = record(cable)
    assert (got["from"], got["date"], got["subject"], got["tags"]) == (
        "AMEMBASSY PARIS", "2005-12-20T17:55:00Z", "A CABLE", ["PREL", "FR"])
    assert any("press articles" in w for w in cable.warnings)


def _loaded(text: str, **encoded: str) -> dict[str, object]:
    """The record of ``text`` given as a file's bytes (as a user saves a paste)."""
    from convert.options import ReadOptions
    from convert.readers import Source, load_source

    data = text.encode(encoded.get("encoding", "utf-8"))
    raw = next(iter(load_source(Source("paste.txt", data=data), ReadOptions(encoding=encoded.get("encoding")))))
    assert isinstance(raw, RawCable)
    return {**record(normalize(raw)), "metadata": raw.metadata}


SCRAPE = (
    "88LIMA9331\nSENDERO ASSASSINATES APRA GOVERNOR\nFri Jul 15 00:00:00 +0200 1988\nCONFIDENTIAL\n"
    "Embassy Lima\nPAGE 01 LIMA 09331 152251Z\nORIGIN ARA-12\nINFO OCT-01 ADS-00 /013 W\n"
    "------------------123456 152300Z /12\nR 152251Z JUL 88\nFM AMEMBASSY LIMA\nTO SECSTATE WASHDC 4660\n"
    "C O N F I D E N T I A L LIMA 09331\n\nE.O. 12356: DECL: OADR\nTAGS: PGOV PTER PE\n"
    "SUBJECT: SENDERO ASSASSINATES APRA GOVERNOR\n\n\u00b61. (C) Text of the cable.\n\nJORDAN\n"
)


@pytest.mark.parametrize("variant", ["crlf", "cr", "bom", "latin-1"])
def test_an_old_telegram_gives_the_same_record_whatever_its_line_ends_and_encoding(variant: str) -> None:
    """A scrape's metadata lines were read only with LF line ends: saved with CR line ends
    (old Macintosh) the id, date and origin were lost."""
    want = _loaded(SCRAPE)
    assert (want["id"], want["origin"], want["date"]) == ("88LIMA9331", "Embassy Lima", "1988-07-15T22:51:00Z")
    text = {"crlf": SCRAPE.replace("\n", "\r\n"), "cr": SCRAPE.replace("\n", "\r"), "bom": "\ufeff" + SCRAPE,
            "latin-1": SCRAPE}[variant]
    got = _loaded(text, **({"encoding": "latin-1"} if variant == "latin-1" else {}))
    assert {k: got.get(k) for k in want if k != "source"} == {k: v for k, v in want.items() if k != "source"}


@pytest.mark.parametrize("end", ["\r\n", "\r"])
def test_a_browser_copy_saved_with_windows_line_ends_still_reads_the_table(end: str) -> None:
    """The table's head was looked for with LF line ends only: a copy pasted on Windows (CR
    LF) lost the table and, with it, the id, date and classification."""
    from convert.readers import text

    raw = text.read(BROWSER.replace("\n", end), "copy.txt")
    assert raw.metadata is not None and raw.metadata.id == "05PARIS8760"
    assert "Browse latest" not in raw.body
    got = record(normalize(raw))
    assert (got["id"], got["date"][:10], got["subject"]) == ("05PARIS8760", "2005-12-20", "A CABLE")


def test_a_banner_the_routing_header_contradicts_is_said_where_no_metadata_settles_it() -> None:
    """07PARIS2725 pasted: the routing header is PARIS #2725, the banner MOSCOW 005154. The
    page's table settles it (and says so); a pasted text has no table: the banner's id is
    kept, as before, but no longer silently."""
    header = ("O 260754Z JUN 07\nDE RUEHFR #2725/01 1770754\nFM AMEMBASSY PARIS\n"
              "TO RUEHC/SECSTATE WASHDC IMMEDIATE 8471\n\n")
    got = rec(header + BODY.replace("PARIS 008760", "MOSCOW 005154"))
    assert got["id"] == "07MOSCOW5154"
    assert any("the banner gives 07MOSCOW5154, the routing header (FM line, DE serial) 07PARIS2725" in w
               for w in got["warnings"])
    # the same serial, or a DE line's four digits of a longer serial: nothing to say
    same = rec(header.replace("#2725", "#8760") + BODY)
    longer = rec(header.replace("#2725", "#0760") + BODY.replace("008760", "010760"))
    assert same["id"] == "07PARIS8760" and longer["id"] == "07PARIS10760"
    assert not any("routing header (FM line" in w for w in [*same["warnings"], *longer["warnings"]])


def test_numbered_paragraphs_with_a_release_list_marking_start_without_a_blank_line() -> None:
    """A CSV row's text has no ¶ anchors and, here, no blank lines: a numbered paragraph
    marked with a release list (``(C/REL UK, CANADA, AUSTRALIA)``, ``(S//REL TO USA, FVEY)``)
    was no paragraph start, and paragraphs 2-6 ran into paragraph 1 (08NEWDELHI1035's row; its
    page has the anchors). The marking is the paragraph's, as ``(S/NF)`` is."""
    body = BODY.replace(
        "1. (C) Text of the cable.\n",
        "1. Action request in para. 3.\n2. (C/REL UK, CANADA, AUSTRALIA) Summary: the first part of it.\n"
        "3. (S//REL TO USA, FVEY) The second part of the cable.\n4. (C//REL TO USA, KEN, GBR//) The third.\n",
    )
    got = rec(body)
    assert [(p["n"], p.get("marking")) for p in got["paragraphs"]] == [
        (1, None), (2, "(C/REL UK, CANADA, AUSTRALIA)"), (3, "(S//REL TO USA, FVEY)"),
        (4, "(C//REL TO USA, KEN, GBR//)")]


def test_a_release_or_dissemination_marking_in_mixed_case_is_the_paragraphs_marking() -> None:
    """``(S/Rel UK)``, ``(S//Rel NATO, ISAF)``, ``(C/Releasable to Italy)``, ``(S/Noforn)`` and
    ``(C )`` are portion markings as ``(S//REL TO USA, FVEY)`` is (10KABUL104, 10USNATO52: 41
    of 6,850 cables): they were read as the paragraph's first words, printed as text and put in
    the PDF bookmarks and EPUB navigation ("¶5 (C/REL Germany) Brandenburg…"). A word in
    parentheses that is no marking (``(Sic)``) is none."""
    body = BODY.replace(
        "1. (C) Text of the cable.\n",
        "1. (S/Rel UK) Summary: the first part.\n2. (S//Rel NATO, ISAF) The second part.\n"
        "3. (C/Releasable to Italy) The third.\n4. (S/Noforn) The fourth.\n5. (C ) The fifth.\n"
        "6. (C/REL Germany) The sixth.\n7. (Sic) The seventh.\n",
    )
    got = rec(body)
    assert [(p["n"], p.get("marking")) for p in got["paragraphs"]] == [
        (1, "(S/Rel UK)"), (2, "(S//Rel NATO, ISAF)"), (3, "(C/Releasable to Italy)"), (4, "(S/Noforn)"),
        (5, "(C )"), (6, "(C/REL Germany)")]  # "7. (Sic)": no marking, no paragraph start (no blank line)


def test_a_delegations_own_serial_in_the_de_line_does_not_make_its_text_another_cable() -> None:
    """09PARTO41305 pasted: the DE line carries the delegation's serial (#0005), the banner
    PARTO 041305; a preview of the text, the database's row and the whole text follow. The
    cable's own identity was the DE line's, so the row naming 09PARTO41305 began "another
    cable" and the whole text went to an appended part (no paragraphs, no signer)."""
    header = ("O 131934Z APR 09\nDE RUCNAI #0005/01 1031934\nFM USDEL SECRETARY//EUROPE//\n"
              "TO RUEHTC/AMEMBASSY THE HAGUE IMMEDIATE\n\n")
    preamble = "S E C R E T PARTO 041305\n\nSIPDIS\n\nE.O. 12958: DECL: 3/31/2019\nTAGS: OVIP PREL NL\n"
    text = (header + preamble + "SUBJECT: A CONVERSATION\n\nClassified by: Paul Wohlers, Deputy...\n\n\n\n"
            "202072\n\n2009-04-13\n\n09PARTO41305\n\nUS Delegation, Secretary\n\nSECRET\n\n\n\n" + preamble
            + "SUBJECT: A CONVERSATION\n\n\u00b61. (U) March 31, 2009; The Hague, Netherlands.\n\n"
            "\u00b62. (C) The Secretary and the Foreign Minister reviewed the questions of the day.\n\nCLINTON\n")
    got = rec(text)
    assert [p["n"] for p in got["paragraphs"]] == [1, 2]
    assert not any("a second cable" in w for w in got["warnings"])


def test_references_without_a_year_in_a_text_without_any_year_are_said_to_have_no_id() -> None:
    """03BRASILIA1321 pasted: no date-time group, E.O. N/A, REF: BRASILIA 306: the reference
    was given no cable id, and nothing said so."""
    got = rec(BODY.replace("DECL: 12/20/2014", "N/A").replace("TAGS: PREL FR", "TAGS: PREL FR\nREF: PARIS 8705"))
    assert [r["text"] for r in got["references"]] == ["PARIS 8705"] and not got["references"][0].get("id")
    assert any("references written without a year are given no cable id" in w for w in got["warnings"])
    dated = rec(BODY.replace("TAGS: PREL FR", "TAGS: PREL FR\nREF: PARIS 8705"))
    assert not any("given no cable id" in w for w in dated["warnings"])


@pytest.mark.parametrize("line, tags", [
    ("E.O. 12958: N/A AGS: PREL, OVIP, EINV, PINR, AR", ["PREL", "OVIP", "EINV", "PINR", "AR"]),  # the T lost
    ("E.O. 12958:  DECL: 03/20/2019 TAG PTER, PGOV, ASEC, SW", ["PTER", "PGOV", "ASEC", "SW"]),  # no colon
])
def test_a_tags_field_glued_after_the_eo_line_with_its_label_damaged_is_read(line: str, tags: list[str]) -> None:
    """session 15 (cablemap read them, we did not: 07BUENOSAIRES1673, 08BUENOSAIRES879,
    09STOCKHOLM194): the TAGS field glued to the E.O. line with its label written ``AGS:`` or
    ``TAG`` without its colon is the TAGS field; the subject after it is unchanged."""
    got = rec(f"UNCLAS BUENOS AIRES 000879\n\nSIPDIS\n\n{line}\n\nSUBJECT: A VISIT\n\n1. (U) Text of the cable.\n")
    assert got["tags"] == tags
    assert got["subject"] == "A VISIT"


def test_a_subject_running_on_into_refs_is_cut_there() -> None:
    """session 15 (the SUBJECT had run on: 08RIODEJANEIRO165): ``… IN RIO Ref(s): A) 08 RIO DE
    JAN 138`` (the REF label with ``(s)``; ``RIO DE JAN`` is Rio de Janeiro cut at ten
    characters). A SUBJECT glued to ``Classified By:`` (``… BAHRAINClassified By:``) is not cut:
    the field moves before the heading, and the glued word would be split (the property test)."""
    got = rec("UNCLAS RIO DE JANEIRO 000165\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ECON BR\n"
              "SUBJECT: AMBASSADOR MEETS ENERGY ENTITIES IN RIO Ref(s): A) 08 RIO DE JAN 138; B) 08 RIO DE JAN 0044\n\n"
              "1. (U) Text of the cable.\n")
    assert got["subject"] == "AMBASSADOR MEETS ENERGY ENTITIES IN RIO"
    assert [r["id"] for r in got["references"]] == ["08RIODEJANEIRO138", "08RIODEJANEIRO44"]


SBU_BODY = """
UNCLAS PARIS 001791

SIPDIS

E.O. 12958: N/A
TAGS: PREL FR
SUBJECT: A CABLE

REF: PARIS 1700

{sentence}

1. (SBU) Text of the cable. Sensitive but unclassified words in prose are text.
"""


@pytest.mark.parametrize("sentence", [
    "SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY",
    "THIS CABLE IS SENSITIVE BUT UNCLASSIFIED. NOT FOR\nINTERNET DISTRIBUTION.",
    "SENSITIVE BUT UNCLASSIFIED, NOT FOR INTERNET DISTRIBUTION",
])
def test_a_handling_sentence_before_the_text_is_the_sensitive_caveat(sentence: str) -> None:
    """07PARIS1791, 08BEIJING3899, 00THEHAGUE1695: the handling sentence is the cable's only
    word that it is sensitive (no SENSITIVE line); the sentence stays in the text."""
    got = rec(SBU_BODY.format(sentence=sentence))
    assert got["caveats"] == ["SIPDIS", "SENSITIVE"]
    assert got["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert any(sentence.split()[0] in str(b["text"]) for b in got["body"])  # type: ignore[union-attr]


def test_a_handling_sentence_inside_the_text_is_not_a_caveat() -> None:
    got = rec(SBU_BODY.format(sentence="Nothing here.").replace(
        "1. (SBU) Text", "1. (SBU) Text.\n\n2. (U) SENSITIVE BUT UNCLASSIFIED is how the memo was marked. Text"))
    assert got["caveats"] == ["SIPDIS"]


def test_a_ref_line_run_on_into_a_rule_and_a_marked_paragraph_sets_the_rule_apart() -> None:
    # 09TRIPOLI279: ``B. STATE 32599 ____ (SBU) Post delivered …``: the rule is a rule of its own,
    # the paragraph keeps its marking (the underscores were text at the paragraph's start)
    text = (
        "UNCLAS TRIPOLI 000279\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL KN LY\nSUBJECT: DEMARCHES\n\n"
        "REF: A. STATE 33031\n     B. STATE 32599 ________________________________ (SBU) Post delivered "
        "reftel demarches on April 5.\n\nCRETZ\n"
    )
    got = rec(text)
    body = got["body"]
    assert isinstance(body, list)  # (the record's body leaves the rule out: no words, no edition prints it)
    assert [(b["type"], b["text"]) for b in body if b["type"] in ("ab", "p")] == [
        ("p", "Post delivered reftel demarches on April 5."),
    ]
    cable = normalize(RawCable(source="t.txt", form="text", body=text))
    rules = cable.tei.findall(".//t:body//t:ab[@type='rule']", NS)
    assert ["".join(r.itertext()) for r in rules] == ["________________________________"]
    assert [r["text"] for r in got["references"]] == ["STATE 33031", "STATE 32599"]  # type: ignore[union-attr]


def test_a_ref_field_without_its_colon_run_on_after_the_handling_line_is_read() -> None:
    # 08LONDON2766: ``SENSITIVE SIPDIS REF LONDON 01170`` (the REF label without its colon)
    text = (
        "UNCLAS LONDON 002766\n\nSENSITIVE SIPDIS REF LONDON 01170\n\nE.O. 12598: N/A\nTAGS: ECON KTFN UK\n"
        "SUBJECT: A CABLE\n\n1. (SBU) Text of the cable.\n"
    )
    got = rec(text)
    assert [r["text"] for r in got["references"]] == ["LONDON 01170"]  # type: ignore[union-attr]


#: a media partner's preview cut in paragraph 1, then its copy of the cable (09ROME438)
WRAPPED_COPY = """
C O N F I D E N T I A L ROME 000438

SIPDIS

E.O. 12958: DECL: 04/14/2019
TAGS: PGOV SMIG IT
SUBJECT: NO MORE MR. NICE GUY (III): INEFFECTIVE ITALIAN
RESPONSE TO IMMIGRATION CHALLENGES

...

C O N F I D E N T I A L ROME 000438 SIPDIS E.O. 12958: DECL: 04/14/2019 TAGS: PGOV SMIG IT

SUBJECT: NO MORE MR. NICE GUY (III): INEFFECTIVE ITALIAN
RESPONSE TO IMMIGRATION CHALLENGES Classified By: Charge d'Affaires
Elizabeth L. Dibble for reasons 1.4 (b) and (d).

1. (SBU) This is the third in a series of three reporting cables on immigration in Italy.

DIBBLE
"""


def test_a_copy_that_wraps_its_subject_over_lines_is_wrapper_not_text() -> None:
    """The copy's SUBJECT, wrapped as the preamble's is and run on into its Classified By line,
    is the wrapper's; a reader sees the subject once, then paragraph 1."""
    got = rec(WRAPPED_COPY)
    read = [b["text"] for b in got["body"] if b["type"] in ("p", "head")]  # type: ignore[attr-defined, index]
    assert sum("NO MORE MR. NICE GUY" in t for t in read) == 1, read
    assert [p["n"] for p in got["paragraphs"]] == [1]  # type: ignore[attr-defined, index]
    cable = normalize(RawCable(source="t.txt", form="text", body=WRAPPED_COPY))
    t = "{http://www.tei-c.org/ns/1.0}"
    wrappers = ["".join(ab.itertext()) for ab in cable.tei.iter(f"{t}ab") if ab.get("type") == "wrapper"]
    assert any(w.startswith("SUBJECT: NO MORE MR. NICE GUY (III): INEFFECTIVE ITALIAN RESPONSE") for w in wrappers)


def test_a_reference_whose_serial_is_zero_names_no_cable() -> None:
    """``A. 2008 SAN JOSE 00`` (09SECTION01OF03SANJOSE525, its figures lost): no cable has serial 0,
    so the item keeps its text and gets no id; the items beside it are read as ever."""
    assert refs_of("REF: A. 2008 SAN JOSE 00 B. 2008 SAN JOSE 0800 C. 2008 SAN JOSE 01") == [
        ("A", "2008 SAN JOSE 00", None), ("B", "2008 SAN JOSE 0800", "08SANJOSE800"),
        ("C", "2008 SAN JOSE 01", "08SANJOSE1")]


CORRECTED = """C O N F I D E N T I A L LONDON 002347

SIPDIS

C O R R E C T E D  C O P Y (ADDED CLASSIFIED BY LINE)

E.O. 12958: DECL: 10/15/2019
TAGS: MARR PREL UK
SUBJECT: HOST NATION SENSITIVITY SURVEY  Classified By: Political Counselor Robin Quinville, for reasons 1.4 b and d

1. (C) Text of the cable.
"""


def test_a_corrected_copy_that_names_the_classified_by_line_is_not_that_line() -> None:
    """09LONDON2347: ``(ADDED CLASSIFIED BY LINE)`` is the corrected copy's note; the line itself is run on
    after the subject, and the header's classified-by note is that line."""
    cable = normalize(RawCable(source="pasted.txt", form="text", body=CORRECTED))
    note = cable.tei.xpath("string(//t:bibl/t:note[@type='classified-by'])", namespaces=NS)
    assert note == "Classified By: Political Counselor Robin Quinville, for reasons 1.4 b and d"
    assert record(cable)["subject"] == "HOST NATION SENSITIVITY SURVEY"
