"""The fidelity scorer's own logic (scripts/fidelity), on tiny hand-made examples.

No corpus is read: a scoring bug must fail here, not pass silently into the figures.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from fidelity import audits, compare, inputs, ours, paragraphs, residue, secondop, truthscore

# -- comparisons -----------------------------------------------------------------------------


def test_subject_normalises_space_and_quotes_but_not_case() -> None:
    assert compare.subject_equal("NEPAL:  INDIAN  VIEWS", "NEPAL: INDIAN VIEWS")
    assert compare.subject_equal("SPAIN'S PARTY", "SPAIN’S PARTY")
    assert compare.subject_equal("GOF C/T COORDINATOR,S OVERVIEW", "GOF C/T COORDINATOR'S OVERVIEW")
    assert compare.subject_equal("NUEVO LEON?S EFFORTS", "NUEVO LEON’S EFFORTS")  # (09MONTERREY102)
    assert not compare.subject_equal("WHY? SO", "WHY' SO")
    # a quotation mark a CSV export doubled
    assert compare.subject_equal('FOR ""TRANSFORMATIONAL"" VISIT', 'FOR "TRANSFORMATIONAL" VISIT')
    assert not compare.subject_equal('FOR "TRANSFORMATIONAL" VISIT', "FOR TRANSFORMATIONAL VISIT")
    assert not compare.subject_equal("SPAIN'S PARTY", "Spain's Party")
    assert not compare.subject_equal("LOOMS", "LOOMS REF: A. LONDON 2163")
    assert not compare.subject_equal("X", None)
    assert compare.subject_equal(None, None)


def test_signer_ignores_case_and_trailing_punctuation() -> None:
    assert compare.signer_equal("van Voorst", "VAN VOORST")
    assert compare.signer_equal("KENNARD", "KENNARD .")
    assert not compare.signer_equal("VAN VOORST", "VOORST")
    assert not compare.signer_equal(None, "NNN")
    assert compare.signer_equal(None, None)


def test_cablemap_signer_list_is_read_as_distinct_names_joined() -> None:
    assert compare.cablemap_signer(["VAN", "VOORST"]) == "VAN VOORST"
    assert compare.cablemap_signer(["FRISBIE", "FRISBIE"]) == "FRISBIE"
    assert compare.cablemap_signer([]) is None
    assert compare.cablemap_signer(None) is None


def test_tags_are_an_ordered_list_with_persons_and_phrases_apart() -> None:
    codes, extras = compare.split_tags(["OVIP (STEINBERG, JAMES B.)", "PREL", "POL MIL"],
                                       ["STEINBERG, JAMES B."], ["POL MIL"])
    assert codes == ["OVIP", "PREL"]
    assert extras == ["STEINBERG, JAMES B.", "POL MIL"]
    assert compare.tags_equal(["OVIP", "PREL"], codes)
    assert not compare.tags_equal(["PREL", "OVIP"], codes)  # order counts
    # a phrase split into words is not the phrase: the words stay among the codes
    codes, extras = compare.split_tags(["MARR", "POL", "MIL"], [], ["POL MIL"])
    assert codes == ["MARR", "POL", "MIL"] and extras == []
    assert compare.tag_extras_equal([], ["POL MIL"], ["pol-mil"])
    assert not compare.tag_extras_equal(["STEINBERG, JAMES B."], [], ["STEINBERG", "JAMES B."])


def test_references_are_sets() -> None:
    assert compare.references_equal(["09STATE1", "09PARIS2"], ["09PARIS2", "09STATE1"])
    assert not compare.references_equal(["09STATE1", "09PARIS2"], ["09STATE1"])
    assert compare.references_equal([], [])


def test_classification_needs_level_and_caveats() -> None:
    assert compare.classification_equal("SECRET", ["SIPDIS", "NOFORN"], "SECRET", ["NOFORN", "SIPDIS"])
    assert not compare.classification_equal("SECRET", ["SIPDIS", "NOFORN"], "SECRET", ["SIPDIS"])
    assert not compare.classification_equal("SECRET", [], "CONFIDENTIAL", [])
    assert not compare.classification_equal("SECRET", [], None, [])


TRUTH_SUMMARY = {"start": "Two years after it lost in", "end": "come back in the immediate future."}


@pytest.mark.parametrize(
    "ours,expected",
    [
        ("Summary. Two years after it lost in the elections ... to come back in the immediate future. End summary.",
         (True, True, True)),
        ("(C) SUMMARY AND INTRODUCTION: Two years after it lost in ... come back in the immediate future. "
         "END SUMMARY AND COMMENT", (True, True, True)),
        ("Summary/Introduction: two years after it lost in ... come back in the immediate future", (True, True, True)),
        # every two-part label the normalizer reads is a label here too (05ROME1506)
        ("Summary and Recommendation: Two years after it lost in ... come back in the immediate future. End Summary "
         "and Recommendation.", (True, True, True)),
        ("SUMMARY AND BACKGROUND: Two years after it lost in ... come back in the immediate future. END SUMMARY",
         (True, True, True)),
        # ``&`` for ``and`` in the label and its end marker (09RIYADH181)
        ("SUMMARY & COMMENT: Two years after it lost in ... come back in the immediate future. End summary & "
         "comment.", (True, True, True)),
        ("Two years after it lost in ... come back in the immediate", (True, True, False)),
        ("Summary: Spain's party, two years after it lost in ... come back in the immediate future.",
         (True, False, True)),
        (None, (False, False, False)),
    ],
)
def test_summary_span(ours: str | None, expected: tuple[bool, bool, bool]) -> None:
    assert compare.summary_agrees(TRUTH_SUMMARY, ours) == expected


def test_summary_end_marker_is_cut_only_from_an_end_word() -> None:
    # a summary whose last word is "comment" keeps it: only "End ..." is a marker
    truth = {"start": "The minister", "end": "declined to comment."}
    assert compare.summary_agrees(truth, "The minister declined to comment. End summary.") == (True, True, True)
    assert compare.summary_agrees(truth, "The minister declined to. End comment.")[2] is False


def test_a_compound_the_truth_read_broken_at_a_line_end_agrees_with_the_joined_one() -> None:
    # 06THEHAGUE1510: the truth's words are the source's (``Police-to-`` / ``police``); the span
    # joins the compound; a different word still disagrees
    truth = {"start": "In preparation for this", "end": "police cooperation has continued to improve."}
    span = ("Summary. In preparation for this review. Police-to-police cooperation has continued to improve. "
            "End Summary.")
    assert compare.summary_agrees(truth, span) == (True, True, True)
    assert compare.summary_agrees(truth, span.replace("to-police", "to-army"))[2] is False


def test_no_summary_on_either_side_agrees_and_a_spurious_one_does_not() -> None:
    assert compare.summary_agrees(None, None) == (True, True, True)
    assert compare.summary_agrees(None, "Summary: something") == (False, False, False)


# -- residue detectors: every detector has a hit and a miss here ------------------------------

DETECTOR_EXAMPLES = {
    "page-break": ("the transport sector BEIJING 00001463 002 OF 002 as vehicle",
                   "the 2003 budget of 002 OF the plan"),
    "section-banner": ("text. C O N F I D E N T I A L SECTION 02 OF 03 MADRID 000091 more",
                       "the third section of the report"),
    "routing": ("end of text VZCZCXRO0038 PP RUEHWEB", "the embassy's routing of mail"),
    "distribution": ("ACTION AF-00 INFO LOG-00 NP-00 AID-00", "the action plan for 2009"),
    "sipdis": ("the Ambassador SIPDIS said", "the SIPDISTRICT"),
    "preamble-field": ("EUR/WE E.O. 12958: DECL: 07/19/2012 TAGS: PGOV ECON", "under E.O. 12958 the tags we use"),
    "dashed-rule": ("Missile Defense --------------- 5. (C)", "a pause -- then more"),
    "html": ("SIPDIS <br> <br> next", "R&D; spending 3 < 5 > 2"),
    "end-marker": ("HOAGLAND NNNN", "the NNNNN code"),
    "media-row": ("46151 11/28/2005 7:02 05DUSHANBE1870 Embassy Dushanbe", "on 11/28/2005 the embassy"),
    "classification-block": ("FORCES.\nCONFIDENTIAL NOFORN\nCENTCOM FOR J5, POLAD",
                             "THE CONFIDENTIAL REPORT\nSECRET TALKS WERE HELD"),
    "inline-banner": ("THE FIGURES FELL SHARPLY. END SUMMARY. UNCLASSIFIED",
                      "the plans are classified at the SECRET level. The Alliance"),
    "preamble-again": ("FORCES.\nOSD FOR ISA-NATO\n1. (C) Summary", "the OSD for ISA-NATO said"),
    "partial-extract": ("This record is a partial extract of the original cable.", "a record of the meeting"),
    "classified-by-again": ("REF: A. STATE 1\nBOGOTA 12512 Classified By: Ambassador William B. Wood, reasons 1.4 (b)",
                            "1. (U) Classified by: David Appleton, Director, INR/CCS, Reason: 1.4 (c, d).\n"
                            "THE TEXT IS CLASSIFIED\nBY: the minister"),
    "field-again": ("SUBJECT: KENYA RESPONDS\nSUBJECT: KENYA RESPONDS\n1. (C) On December 15 …",
                    "SUBJECT: KENYA RESPONDS\nREF: STATE 1\n1. (C) Text.\n2. (C) SUBJECT: a quoted cable's"),
    "subject-runon": ("LOOMS REF: A. LONDON 2163", "REFERENDUM LOOMS"),
    "subject-in-text": ("he was nervous about the SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS",
                        "2. (C) SUBJECT: a quoted cable's. The e-mail's SUBJECT: line was empty. (Ref. E); SUBJ: DRUG "
                        "ACTIVITIES"),
}


#: the preamble's handling and distribution lines the examples' cable has
PREAMBLE = ("SIPDIS", "NOFORN", "OSD FOR ISA-NATO")


def test_field_again_counts_a_second_label_in_the_opening_only() -> None:
    # the cable's own subject line and REF list are no residue; a second of each is (a copy's);
    # after the first numbered paragraph the label is the text's (a quoted cable's subject)
    det = residue.BY_NAME["field-again"]
    assert len(det.find("SUBJECT: X Y\nSUBJECT: X Y\nREF: STATE 1\nRef: state 1\n1. (C) Text.")) == 2
    assert det.find("SUBJECT: X Y\nREF: STATE 1\n1. (C) Text.\nSUBJECT: X Y\nREF: STATE 1") == []
    assert det.find("SUBJ: X Y\nSubject matter\nREFS: A\n1. Text") == []


def test_field_again_counts_a_copy_of_the_subject_not_another_title() -> None:
    # a copy writes the subject's words again (in any case, cut short, or run on into REF); a
    # second SUBJECT with other words, or saying more than a whole first one, is the cable's own
    det = residue.BY_NAME["field-again"]
    assert len(det.find("SUBJECT: KENYA RESPONDS TO SUDAN\nSubject: Kenya responds to Sudan\n1. (C) Text.")) == 1
    assert len(det.find("SUBJECT: KENYA RESPONDS...\nSUBJECT: KENYA RESPONDS TO SUDAN\n1. (C) Text.")) == 1
    assert len(det.find("SUBJECT: KENYA RESPONDS TO SUDAN\nSUBJECT: KENYA RESPONDS TO SUDAN REF: STATE 1\n1. X")) == 1
    assert det.find("SUBJECT: COSTA RICA: STRATEGY FOR IPR\nSUBJECT: COSTA RICA: IPR TRAINING WEEK\n1. (U) Text.") == []
    assert det.find("SUBJECT: RELATIONS: FORMER AMBASSADORS TO\nSUBJECT: RELATIONS: FORMER AMBASSADORS TO IRAN "
                    "SHARE VIEWS\n1. (C) Text.") == []


def test_field_again_reads_each_cable_of_a_page() -> None:
    # a cable appended on the page (its own SUBJECT and REF) is no copy of the first's fields
    first = [("subject", "SUBJECT: NPT CONTACTS", 0), ("references", "REF: STATE 6970", 0), ("p", "Contacts are:", 0)]
    appended = [("subject", "SUBJECT: ARAB LEAGUE JOINS", 1), ("references", "REF: STATE 7606", 1)]
    assert "field-again" not in residue.audit(first + appended, "NPT CONTACTS")
    assert "field-again" in residue.audit(first + [(k, t, 0) for k, t, _ in appended], "NPT CONTACTS")


def test_every_detector_has_an_example() -> None:
    assert set(DETECTOR_EXAMPLES) == set(residue.BY_NAME)


@pytest.mark.parametrize("name", sorted(DETECTOR_EXAMPLES))
def test_detector_finds_its_residue_and_nothing_in_clean_text(name: str) -> None:
    hit, clean = DETECTOR_EXAMPLES[name]
    det = residue.BY_NAME[name]
    assert det.find(hit, PREAMBLE), f"{name} missed {hit!r}"
    assert not det.find(clean, PREAMBLE), f"{name} fired on {clean!r}"


def test_a_preamble_line_again_is_a_whole_block_that_copies_it() -> None:
    # a media copy's distribution and handling lines (00THEHAGUE1695, 04THEHAGUE1903), a later
    # section's repeated distribution block (91BERLIN3009): residue; the same words in a sentence,
    # a numbered paragraph, or with no preamble to copy: none
    det = residue.BY_NAME["preamble-again"]
    preamble = ("SIPDIS", "TERREP", "DEPT PASS FEDERAL RESERVE FOR LEWIS ALEXANDER", "AND NY FED FOR GEORGE BENTLEY",
                "FOR SECRETARY POWELL FROM AMB CLIFF SOBEL")
    for hit in ("x\nTERREP\ny", "x\nDEPT PASS FEDERAL RESERVE FOR LEWIS ALEXANDER AND NY FED FOR GEORGE BENTLEY\ny",
                "x\nDept. pass Federal Reserve for Lewis Alexander"):
        assert det.find(hit, preamble), hit
    # (the signer's name that ends a line of the preamble is no copy of it: 04THEHAGUE281)
    for clean in ("x\nThe TERREP channel was used.\ny", "x\n1. TERREP\ny", "x\nFED\ny", "x\nSOBEL"):
        assert not det.find(clean, preamble), clean
    assert not det.find("REF: XXXXXXXXXXXX\nXXXXXXXXXXXX", ("XXXXXXXXXXXX",))  # (redactions: 10BEIJING207)
    assert not det.find("x\nTERREP\ny")


def test_classification_block_of_a_document_the_cable_carries_is_content() -> None:
    # a page's footer, a section's header, a marking after Classified By: residue; the
    # marking of talking points released to a government, of a report holding foreign
    # government information, or of a quoted text: the cable's own
    det = residue.BY_NAME["classification-block"]
    # (a word that ends in "text" is no quoted text's lead: "… IN THE BROADER POLITICAL CONTEXT OF
    # OIF." over a page's footer, 03ROME2045)
    for hit in ("x\nCONFIDENTIAL\nSummary", "x\nSECRET/NOFORN\n(U) The", "x\nSECRET//NOFORN\ny", "x\nCONFIDENTIAL",
                "IN THE BROADER POLITICAL CONTEXT OF OIF.\nCONFIDENTIAL"):
        assert det.find(hit), hit
    for clean in ("x\n(SECRET//REL Armenia)\ny", "x\nSECRET//FGI//NOFORN\nDeclassify on",
                  "Begin text of the non-paper:\nCONFIDENTIAL\n1. x", "x\nConfidential sources say\ny"):
        assert not det.find(clean), clean


def test_a_banner_read_into_the_text_is_told_from_a_level_a_sentence_names() -> None:
    # a page's bottom banner run into a paragraph (91BERLIN3009, 02ROME1196, 01VATICAN5693):
    # at a block's end, between two sentences, opening a block, or with a section's teletype number
    det = residue.BY_NAME["inline-banner"]
    for hit in ("MONTHLY INCREASE (2.1) (14.9) UNCLASSIFIED NOTE: SOME OF THE FIGURES",
                "THIS YEAR'S REPORT. CONFIDENTIAL ALTHOUGH SEVERAL OF OUR CONCERNS",
                "x\nUNCLASSIFIED TOTAL 33.4 33.0 32.6 32.8", "WITH THE OUTSIDE CONFIDENTIAL PTQ7681 WORLD",
                "The talks ended. SECRET The next round"):
        assert det.find(hit), hit
    for clean in ("1. (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR INTERNET DISTRIBUTION.",
                  "1. CONFIDENTIAL - ENTIRE TEXT.", "x\nSECRET - RELEASABLE TO THE UNITED STATES",
                  "IT IS AN OPEN SECRET FOR THE VENEZUELANS", "goes only to SECRET. The C-LAN",
                  "x\nSECRET//NOFORN", "MR. DONALD HAS A TOP SECRET CLEARANCE",
                  "BEGIN TEXT:\nCONFIDENTIAL ANNEX ONE"):
        assert not det.find(clean), clean


def test_old_style_page_break_and_transmission_rule() -> None:
    assert residue.BY_NAME["page-break"].find("BOTH CONFIDENTIAL PAGE 02 HARARE 05461 01 OF 02 271458Z RADICAL")
    assert residue.BY_NAME["distribution"].find("------------------8A8E0D 271459Z /38")
    # the transmission rule is distribution, not a dashed rule
    assert not residue.BY_NAME["dashed-rule"].find("------------------8A8E0D 271459Z /38")


def test_a_page_break_line_broken_in_two_is_residue() -> None:
    det = residue.BY_NAME["page-break"]
    # its rest opens a block (09RIODEJANEIRO365: the page number cut after its point)
    assert det.find("CRITERIA FOR SELECTION\nRIO DE JAN 00000365 002.\n2 OF 002 5. (C) In selecting")
    assert det.find("REF: 08 STATE 74840 TRIPOLI 00000268\n001.2 OF 003 1.")
    # a sentence's count is no page of pages
    assert not det.find("The ministry named\n2 of 20 candidates") and not det.find("x\n3 of 5 votes")


def test_a_tables_column_rules_and_dashes_for_a_name_are_no_dashed_rule() -> None:
    det = residue.BY_NAME["dashed-rule"]
    # a table's column rules (07SANJOSE63, 08SANJOSE347, 09RABAT607): the author's drawing
    assert det.find("Amount Year (USD million) Percent of GDP ---- ------------- -------------- 2005 861 4.3%") == []
    assert det.find("Costa Cent Year Rica Am Index ---- ------ ---- ----- 1969-1971 1259 1169") == []
    assert det.find("Other 3.9 ----- ----- Total 100.0") == []
    # dashes written for a name (05VILNIUS732)
    assert det.find("tipped GOL investigators off to ------------'s activities.") == []
    assert det.find('it could be positive for her (-------------)." Liutkevicius said') == []
    assert det.find("The July 8 arrest of --------------- by the Lithuanian Financial Crimes") == []
    assert det.find("over the weekend. ------------ was detained, along with") == []
    assert det.find("unclear what fate awaits --------------, though we think") == []
    # the teletype's rule wrapped at its 45th character is residue, not a table
    assert det.find("Mixed Pictures --------------------------------------------- ------ 6. (C/NF) Judd")
    assert det.find("Missile Defense --------------- 5. (C)")
    assert det.find("UNSCR 1803 IMPLEMENTATION -------------------------")


def test_audit_runs_body_detectors_on_blocks_and_the_subject_detector_on_the_subject() -> None:
    hits = residue.audit([("p", "the text NNNN")], "A SUBJECT REF: STATE 1")
    assert set(hits) == {"end-marker", "subject-runon"}
    assert residue.audit([("p", "REF: STATE 1 in a paragraph")], "A SUBJECT") == {}


def test_a_subject_that_names_a_sanctions_order_is_no_run_on() -> None:
    det = residue.BY_NAME["subject-runon"]
    assert det.find("DESIGNATION OF IRANIAN ENTITIES UNDER E.O. 13382") == []
    assert det.find("A SUBJECT E.O. 12958: DECL: 1/1/2019")
    assert det.find("A SUBJECT E.O. 13526 DECL 1/1/2019")


# -- paragraph anchors ------------------------------------------------------------------------

BODY = "\n".join([
    "SUBJECT: X",
    "",
    "¶1. (C) Summary: the first paragraph, met on April",
    "¶2. and again. See para",
    "¶6. for more.",
    "",
    "¶2000. was a year.",
    "¶3. (U) The third.",
    "-------",
    "HEADING",
    "-------",
    "¶4. The fourth, 2.1",
    "¶2.1 billion in aid",
    "     ¶B. STATE 1",
])


def test_anchor_counting_rule() -> None:
    found = paragraphs.anchors(BODY)
    assert [(a.n, a.counts) for a in found] == [(1, True), (2, False), (6, False), (2000, False), (3, True),
                                                (4, True), (2, False)]
    assert paragraphs.counted(found) == [1, 3, 4]
    four = next(a for a in found if a.n == 4)
    assert four.context == "after a dashed rule"
    one = found[0]
    assert one.words[:3] == ("summary", "the", "first")  # the marking (C) is dropped


def test_a_media_partners_cut_preview_is_no_paragraph() -> None:
    """The preview's ¶1 (cut with ...) before the whole cable's ¶1 does not count; a ¶1 with
    ... that is not anchored again does (the page has no other first paragraph)."""
    body = "\n".join(["¶1.  (SBU) Ayacucho's economy turns on narcotr...", "", "id: 87334", "refid: 06LIMA4516",
                      "", "¶1. (SBU) Ayacucho's economy turns on narcotrafficking.", "", "¶2. (SBU) Two."])
    assert [(a.n, a.counts) for a in paragraphs.anchors(body)] == [(1, False), (1, True), (2, True)]
    alone = "\n".join(["¶1. (SBU) Ayacucho's economy turns...", "", "¶2. (SBU) Two."])
    assert paragraphs.counted(paragraphs.anchors(alone)) == [1, 2]


def test_an_anchor_whose_number_a_wrap_split_is_the_number_joined() -> None:
    """``PKO/HAITI --------- 1`` / ``¶0. (C)`` after ¶9 (04BRASILIA1291): the site anchored 0, the
    paragraph is 10 (the normalizer's ``split-paragraph-number``); a figure that makes no next
    number leaves the anchor as it is."""
    body = "\n".join(["¶9. (C) Brazil shares its border.", "", "PKO/HAITI --------- 1", "",
                      "¶0. (C) Zaluar announced the bill.", "", "¶11. (SBU) As in paragraph 3", "", "¶2. (U) Two."])
    assert paragraphs.counted(paragraphs.anchors(body)) == [9, 10, 11, 2]


def test_a_quoted_documents_own_paragraph_numbers_after_a_jump_are_no_anchors_of_the_cable() -> None:
    """``¶13. Begin text of SIR paragraphs 42-47`` / ``¶42.`` … ``¶47.`` to the end, unclosed
    (09UNVIEVIENNA220): the document's numbers, not the cable's (the rule
    ``quoted-jump-numbering``'s test, shared); a gap in the cable's own numbering with no
    quotation opened before it stays counted."""
    body = "\n".join(["¶12. (SBU) The 2008 SIR.", "", "¶13. (SBU) Begin text of SIR paragraphs 42-44", "",
                      "¶42. Following Agency enquiries.", "", "¶43. Between 2004 and 2006.", "",
                      "¶44. For 2008.", "PYATT"])
    assert paragraphs.counted(paragraphs.anchors(body)) == [12, 13]
    gap = body.replace("Begin text of SIR", "The SIR's")
    assert paragraphs.counted(paragraphs.anchors(gap)) == [12, 13, 42, 43, 44]


def test_matched_is_a_multiset_count_and_sequence_check() -> None:
    assert paragraphs.matched([1, 2, 2, 3], [1, 2, 3]) == 3
    assert paragraphs.out_of_sequence([1, 2, 6, 5, 3]) == [(6, 5), (5, 3)]
    assert paragraphs.out_of_sequence([1, 2, 4]) == []


def test_where_an_anchor_text_went() -> None:
    blocks = [("p", 1, "1. one two three four five six seven"), ("p", None, "alpha beta gamma delta epsilon zeta"),
              ("heading", None, "Big Heading Words Here Now Please")]
    assert paragraphs.where_in(("one", "two", "three", "four", "five", "six"), blocks) == \
        "merged into a numbered paragraph"
    assert paragraphs.where_in(("alpha", "beta", "gamma"), blocks) == "an unnumbered paragraph"
    assert paragraphs.where_in(("big", "heading", "words"), blocks) == "a heading block"
    assert paragraphs.where_in(("not", "there", "at", "all"), blocks) == "not in the reading text"


def test_anchor_rule_agreement_counts_multisets() -> None:
    assert audits.anchor_rule_agreement([([1, 2, 2], [1, 2, 3])]) == (2, 3, 2, 3)


# -- second opinion ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "field,ours,theirs,kind",
    [
        ("subject", None, "A", "ours-empty"),
        ("subject", "A", None, "theirs-empty"),
        ("subject", "Spain", "SPAIN", "case-only"),
        ("subject", "A -- B", "A--B", "spacing-punct"),
        ("subject", "LOOMS REF: A", "LOOMS", "ours-longer"),
        ("subject", "ISSUE IN", "ISSUE IN THE NETHERLANDS", "theirs-longer"),
        ("subject", "ABC", "XYZ", "other"),
        ("tags", ["A", "B"], ["B", "A"], "order-only"),
        ("tags", ["A"], ["A", "B"], "ours-subset"),
        ("references", ["X", "Y"], ["X"], "theirs-subset"),
        ("references", ["X"], ["Y"], "other"),
    ],
)
def test_disagreement_buckets(field: str, ours: object, theirs: object, kind: str) -> None:
    assert not secondop.agree(field, ours, theirs)
    assert secondop.bucket(field, ours, theirs) == kind


def test_sample_context_shows_every_copy_of_the_field_and_glued_labels() -> None:
    """``--sample`` shows the field where it is written: both copies of a media wrapper's
    preamble (the first one cut, the second flattened to one line), a label glued inside a line."""
    from fidelity import sampling

    filler = "\n".join(f"body line {i}" for i in range(20)) + "\nsubject was extradited\n" + "more\n" * 9
    wrapper = (f"SUBJECT: SIX SUSPECTS ARRESTED FOR JIHAD RECRUITM...\n{filler}\n"
               "S E C R E T THE HAGUE 2415 " + "SIPDIS " * 40 + "TAGS: PTER SUBJECT: SIX SUSPECTS ARRESTED"
               " FOR JIHAD RECRUITMENT " + "1. (C) BODY " * 40 + "\n")
    shown = sampling.context(wrapper, "subject")
    assert "RECRUITM..." in shown and "RECRUITMENT" in shown and "---- again ----" in shown
    assert "body line 10" not in shown  # the lines between the copies are not shown
    assert "extradited" not in shown  # a body line that begins "subject" is no label
    glued = "UNCLAS CAIRO 000200\nDOE FOR MCLELLANDKERR E.O. 12958: N/A TAGS: KNNP IAEA EG\n\nSUBJECT:\n"
    assert "TAGS: KNNP IAEA EG" in sampling.context(glued, "tags")
    assert "no such field line found" not in sampling.context(glued, "tags")
    assert sampling.context("no label here\n", "references").startswith("(no such field line found)")
    mixed_case = "TAGS: IC\nSubject: Iceland\n\nRef:  06 Reykjavik 431\n"
    assert "Ref:  06 Reykjavik 431" in sampling.context(mixed_case, "references")
    one = "TAGS: PREL\nSUBJECT: X\n\nREF: A. CAIRO 1\nB. CAIRO 2\n"
    assert "---- again ----" not in sampling.context(one, "references")  # one place, one window


def test_who_was_right() -> None:
    truth = {"subject": "A B", "signer": "JONES", "tags": ["PREL"], "tag_persons": [], "tag_phrases": [],
             "references": ["09STATE1"]}
    assert secondop.who_was_right("subject", truth, "A B", "A B REF:") == "ours"
    assert secondop.who_was_right("signer", truth, "NNN", "jones") == "theirs"
    assert secondop.who_was_right("tags", truth, ["PREL"], ["PREL"]) == "both"
    assert secondop.who_was_right("references", truth, [], ["09STATE2"]) == "neither"


def test_second_opinion_values() -> None:
    assert secondop.values("signer", {"signer": ["VAN", "VOORST"]}, theirs=True) == "VAN VOORST"
    assert secondop.values("references", {"references": ["B", "A", "A"]}, theirs=False) == ["A", "B"]


# -- the forms' agreement and the classification shown -----------------------------------------


def test_level_of() -> None:
    assert audits.level_of("CONFIDENTIAL//NOFORN") == "CONFIDENTIAL"
    assert audits.level_of("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == "UNCLASSIFIED"
    assert audits.level_of("UNCLAS") == "UNCLASSIFIED"
    assert audits.level_of("(no classification)") is None
    assert audits.level_of(None) is None


def test_table_facts_may_differ_only_when_no_text_gave_them() -> None:
    page = {"id": "09X1", "date": "2009-01-01", "date_from_text": False, "level": "SECRET",
            "level_from_text": True, "origin": "Embassy X", "from": None, "subject": "S"}
    pasted = {"id": None, "date": None, "date_from_text": False, "level": None, "level_from_text": False,
              "origin": None, "from": None, "subject": "S"}
    diffs = dict(audits.form_differences(page, pasted))
    assert diffs == {"id": True, "date": True, "origin": True, "level": False}
    pasted["subject"] = "T"
    assert dict(audits.form_differences(page, pasted))["subject"] is False


def test_reference_ids_whose_year_came_from_a_table_date_may_differ() -> None:
    # the page took the cable's year from its table for STATE 12; the pasted text has no date
    page = {"date_from_text": False, "references": ["09STATE12", "08PARIS5"], "references_dated": ["08PARIS5"]}
    pasted = {"date_from_text": False, "references": ["08PARIS5"], "references_dated": ["08PARIS5"]}
    assert dict(audits.form_differences(page, pasted)) == {"references": True}
    # ... but not a reference that writes its own year, nor where a text gave the date
    assert dict(audits.form_differences(page, {**pasted, "references": [], "references_dated": []})) == {
        "references": False}
    assert dict(audits.form_differences({**page, "date_from_text": True}, pasted)) == {"references": False}


def test_classification_safety() -> None:
    unknown_shown_unclas = {"level": None, "shown_classification": "UNCLASSIFIED", "level_from_text": False}
    assert audits.classification_safety(unknown_shown_unclas, "CONFIDENTIAL//NOFORN") == "silent-unclassified"
    assert audits.classification_safety(unknown_shown_unclas, "UNCLASSIFIED") is None
    reported_unknown = {"level": None, "shown_classification": None, "level_from_text": False}
    assert audits.classification_safety(reported_unknown, "SECRET") is None
    banner = {"level": "UNCLASSIFIED", "level_from_text": True}
    assert audits.classification_safety(banner, "SECRET") == "banner-unclassified"
    assert audits.classification_safety({"level": "SECRET"}, "SECRET") is None


# -- inputs ---------------------------------------------------------------------------------------

PAGE = (
    "<html><head><title>Cable Viewer</title><script>var x = 1;</script></head><body>"
    "<div class='nav'><h3>Browse by tag</h3><a href='/tag/PREL_0.html'>PREL</a></div>"
    "<table class='cable'><tr><th>Reference ID</th><th>Created</th></tr>"
    "<tr><td><a href='/cable/x.html'>09X1</a></td><td>2009-01-01 10:00</td></tr></table>"
    "<code><pre>VZCZC&#x000A;FM AMEMBASSY X</pre></code>"
    "<code><pre>C O N F I D E N T I A L X 000001&#x000A;TAGS: <a href='/tag/PREL_0.html'>PREL</a>"
    "&#x000A;SIPDIS <br>&#x000A;<a id='par1' href='#par1'>¶</a>1. R&D; text &lt;&lt;220571&gt;&gt;</pre></code>"
    "</body></html>"
)


def test_pasted_text_is_what_a_browser_displays_of_the_two_blocks() -> None:
    text = inputs.pasted_text(PAGE)
    assert text == ("VZCZC\nFM AMEMBASSY X\n\nC O N F I D E N T I A L X 000001\nTAGS: PREL\nSIPDIS \n\n"
                    "¶1. R&D; text <<220571>>\n")


def test_browser_copy_keeps_the_navigation_and_drops_scripts() -> None:
    text = inputs.browser_copy(PAGE)
    assert "Browse by tag" in text and "var x" not in text and "Cable Viewer" not in text
    assert "Reference ID\tCreated" in text.replace(" \t", "\t").replace("\t ", "\t")
    assert "VZCZC\nFM AMEMBASSY X" in text and "¶1. R&D; text" in text


def test_browser_copy_keeps_a_pres_blank_lines_as_laid_out() -> None:
    """A browser keeps a ``<pre>``'s runs of blank lines: a double-spaced page (05BUENOSAIRES138:
    one blank line between lines, three between paragraphs) was copied with every run made one
    blank line, and its paragraphs could no longer be told from its lines."""
    page = PAGE.replace("TAGS: <a", "A LINE&#x000A;&#x000A;THE NEXT&#x000A;&#x000A;&#x000A;&#x000A;TAGS: <a")
    text = inputs.browser_copy(page)
    assert "A LINE\n\nTHE NEXT\n\n\n\nTAGS: PREL" in text
    assert "\n\n\n" not in text.split("VZCZC")[0]  # the page's own blank lines are still collapsed


# -- truth scoring ----------------------------------------------------------------------------------

RECORD = {
    "id": "09X1", "subject": "A SUBJECT", "tags": ["PREL"], "tag_persons": [], "tag_phrases": [],
    "signer": "JONES", "references": [], "paragraphs": [1, 2], "paragraph_count": 2, "summary": None,
    "classification": "SECRET", "caveats": ["SIPDIS"], "origin": "Embassy X", "ambiguous": ["signer"],
}
FACTS = {
    "id": "09X1", "subject": "A SUBJECT", "tags": ["PREL"], "signer": "SMITH", "references": [],
    "paragraphs": [1, 2], "summary": None, "level": "SECRET", "caveats": ["SIPDIS"], "origin": "Embassy X",
    "date_from_text": True,
}


def test_ambiguous_fields_are_scored_apart() -> None:
    verdicts = {spec.name: (v.ok, amb) for spec, v, amb in
                truthscore.score_one(RECORD, "page", {"facts": FACTS}, {"has_dtg": True}, "ours")}
    assert verdicts["signer"] == (False, True)
    assert verdicts["subject"] == (True, False)
    assert verdicts["id"] == (True, False)
    assert verdicts["summary_none"] == (True, False)
    assert "summary_found" not in verdicts and "tag_extras" not in verdicts
    tally = truthscore.Tally()
    for _spec, v, amb in truthscore.score_one(RECORD, "page", {"facts": FACTS}, {"has_dtg": True}, "ours"):
        tally.add(v, amb, {})
    assert (tally.amb_n, tally.amb_ok) == (1, 0)
    assert tally.ok == tally.n


def test_id_is_scored_only_where_the_text_has_a_dated_dtg() -> None:
    names = {spec.name for spec, _v, _a in
             truthscore.score_one(RECORD, "pasted", {"facts": FACTS}, {"has_dtg": False}, "ours")}
    assert "id" not in names and "origin" in names
    assert "references_dated" not in names and "references" in names
    dated = {spec.name for spec, _v, _a in
             truthscore.score_one(RECORD, "pasted", {"facts": FACTS}, {"has_dtg": True}, "ours")}
    assert {"id", "references_dated", "references"} <= dated


def test_a_failed_form_is_wrong_in_every_applicable_field() -> None:
    failed = {"failed": "error", "message": "not a cable"}
    verdicts = list(truthscore.score_one(RECORD, "browser", failed, {"has_dtg": True}, "ours"))
    assert verdicts and not any(v.ok for _s, v, _a in verdicts)
    assert {s.name for s, _v, _a in verdicts} >= {"subject", "tags", "classification", "id", "paragraphs"}
    assert "tag_extras" not in {s.name for s, _v, _a in verdicts}


def test_cablemap_is_scored_only_on_its_fields() -> None:
    theirs = {"subject": "A SUBJECT", "tags": ["PREL"], "signer": "JONES", "references": []}
    names = {s.name for s, _v, _a in truthscore.score_one(RECORD, "cablemap", {"facts": theirs}, {}, "cablemap")}
    assert names == {"subject", "tags", "signer", "references"}


# -- the adapter: the reading text of a small cable (the project's own code, no corpus) -------------

CABLE = """VZCZCXRO0001
PP RUEHWEB
DE RUEHBJ #0001/01 0010000
ZNY CCCCC ZZH
P 010000Z JAN 09
FM AMEMBASSY BEIJING
TO RUEHC/SECSTATE WASHDC PRIORITY 0001

C O N F I D E N T I A L BEIJING 000001

SIPDIS

E.O. 12958: DECL: 01/01/2019
TAGS: PREL CH
SUBJECT: A SMALL TEST CABLE

Classified By: Someone, for reasons 1.4 (b) and (d).

1. (C) The first paragraph says one thing.

2. (C) The second paragraph says another.

SMITH
"""


def test_reading_blocks_leave_the_opener_out() -> None:
    cable = ours.from_text(CABLE, "test")
    blocks = ours.reading_blocks(cable)
    text = " ".join(b.text for b in blocks)
    assert [b.n for b in blocks if b.kind == "p"] == [1, 2]
    assert "VZCZC" not in text and "RUEHC" not in text and "E.O. 12958" not in text
    assert "The first paragraph says one thing." in text
    facts = ours.facts(cable)
    assert facts["id"] == "09BEIJING1" and facts["level"] == "CONFIDENTIAL" and facts["date_from_text"]
    assert residue.audit([(b.kind, b.text) for b in blocks], facts["subject"]) == {}


def test_reading_blocks_leave_a_second_copys_wrappers_out() -> None:
    # the second copy's database row and preamble copy are wrappers inside div type="copy":
    # the edition prints them in the Transmission appendix, so the audit must not read them
    text = (Path(__file__).parent / "fixtures" / "rules" / "copy-head.txt").read_text()
    cable = ours.from_text(text, "test")
    assert cable.tei.xpath("//t:div[@type='copy']", namespaces={"t": "http://www.tei-c.org/ns/1.0"})
    blocks = ours.reading_blocks(cable)
    shown = " ".join(b.text for b in blocks)
    assert "Embassy Bern" not in shown and "E.O. 12958" not in shown and "Classified By" not in shown
    assert shown.count("Fried agreed to this approach.") == 2  # the copy's paragraphs are read
    assert not [b for b in blocks if b.kind.startswith("other:")]
    assert residue.audit([(b.kind, b.text) for b in blocks], ours.facts(cable)["subject"]) == {}


def test_a_refusal_is_reported_not_raised() -> None:
    with pytest.raises(ours.Failed) as caught:
        ours.from_text("hello world", "test")
    assert caught.value.kind == "error"


def test_summary_start_skips_a_glued_heading_rule_and_paragraph_number() -> None:
    truth = {"start": "Foreign Minister Tovar told", "end": "to continue to receive."}
    ours = "Summary ------- 1. (C) Foreign Minister Tovar told Charge ... to continue to receive. End summary."
    assert compare.summary_agrees(truth, ours) == (True, True, True)
    # but a span that starts in the wrong place does not agree
    assert compare.summary_agrees(truth, "1. (C) Charge told Foreign Minister Tovar told")[1] is False


# -- from workers' results to the table (plumbing, on one made-up cable) -------------------------

def _form(**over: object) -> dict[str, object]:
    facts = {**FACTS, "signer": "JONES", "date": "2009-01-01T10:00:00Z", "level_from_text": True,
             "from": "AMEMBASSY X", "caveats": ["SIPDIS"], "paragraph_digests": ["a", "b"], **over}
    return {"facts": facts, "residue": {}, "residue_counts": {}, "warnings": 0,
            "anchors": {"counted": 2, "matched": 2, "unmatched": [], "ours_out_of_sequence": [],
                        "anchors_out_of_sequence": []}}


def test_tally_and_report_on_one_cable() -> None:
    from fidelity import report, tally

    record = {**RECORD, "ambiguous": [], "forms": [{"form": "page", "page": "cable/2009/01/09X1.html"}]}
    page = {"source": "page", "rel": "cable/2009/01/09X1.html", "has_dtg": True, "anchor_numbers": [1, 2],
            "table": {"id": "09X1", "created": "2009-01-01 10:00", "classification": "SECRET"},
            "forms": {"page": _form(), "pasted": _form(signer="NNN", level=None, shown_classification="UNCLASSIFIED",
                                                       level_from_text=False),
                      "browser": {"failed": "error", "message": "not a cable"}}}
    cablemap = [{"id": "09X1", "subject": "A SUBJECT", "tags": ["PREL"], "signer": ["JONES"], "references": []}]
    outcome = tally.everything([page], [record], cablemap)
    assert outcome.tallies[("page", "signer")].ok == 1
    assert outcome.tallies[("pasted", "signer")].ok == 0
    assert outcome.tallies[("cablemap", "subject")].ok == 1
    assert outcome.tallies[("browser", "subject")].n == 1 and outcome.tallies[("browser", "subject")].ok == 0
    assert outcome.safety["pasted"]["silent-unclassified"] == 1
    assert outcome.form_pairs["page vs pasted"]["differs:signer"] == 1
    assert outcome.form_pairs["page vs pasted"]["differs:level"] == 1  # the page's text gave it
    assert outcome.second["signer"]["agree"] == 1
    text = report.render(outcome)
    assert "| signer (% right) | 100.0 (1/1) | 0.0 (0/1) |" in text
    assert "classified cable shown UNCLASSIFIED" in text
    assert any(m["field"] == "classification:silent-unclassified" for m in outcome.misses)


def test_where_a_short_heading_line_went() -> None:
    # the anchor's line is a short heading; its next words are in the following block
    blocks = [("p", 1, "1. Contents: Swine Flu 3. Clinton in Baghdad"), ("heading", None, "3. Clinton in Baghdad"),
              ("p", None, "The papers wrote at length")]
    assert paragraphs.where_in(("clinton", "in", "baghdad", "the", "papers", "wrote"), blocks) == "a heading block"


def test_where_a_repeated_number_went() -> None:
    blocks = [("p", 3, "3. Clinton in Baghdad"), ("p", None, "The papers wrote")]
    assert paragraphs.where_in(("clinton", "in", "baghdad", "the"), blocks, 3).startswith("its number's paragraph")
    assert paragraphs.where_in(("clinton", "in", "baghdad", "the"), blocks, 4) == "merged into a numbered paragraph"


def test_the_holdout_is_scored_apart_and_reported_in_its_own_table() -> None:
    from fidelity import report, tally

    record = {**RECORD, "ambiguous": [], "forms": [{"form": "page", "page": "cable/2009/01/09X1.html"}]}
    held = {**RECORD, "id": "09Y2", "ambiguous": [], "selection": "holdout", "holdout": "session 7",
            "forms": [{"form": "page", "page": "cable/2009/01/09Y2.html"}]}
    later = {**RECORD, "id": "09Y3", "ambiguous": [], "selection": "holdout", "holdout": "session 12",
             "forms": [{"form": "page", "page": "cable/2009/01/09Y3.html"}]}
    third = {**RECORD, "id": "09Y4", "ambiguous": [], "selection": "holdout", "holdout": "session 13",
             "forms": [{"form": "page", "page": "cable/2009/01/09Y4.html"}]}
    fourth = {**RECORD, "id": "09Y5", "ambiguous": [], "selection": "holdout", "holdout": "session 14",
              "forms": [{"form": "page", "page": "cable/2009/01/09Y5.html"}]}

    def page(ident: str, **over: object) -> dict[str, object]:
        return {"source": "page", "rel": f"cable/2009/01/{ident}.html", "has_dtg": True, "anchor_numbers": [1, 2],
                "table": {"id": ident, "created": "2009-01-01 10:00", "classification": "SECRET"},
                "forms": {"page": _form(id=ident, **over), "pasted": _form(id=ident, **over)}}

    # the truth's cable is right; session 7's has the wrong subject in both forms; session 12's
    # the wrong signer; session 13's is right; session 14's has the wrong subject
    results = [page("09X1"), page("09Y2", subject="ANOTHER"), page("09Y3", signer="NOBODY"), page("09Y4"),
               page("09Y5", subject="OTHER")]
    outcome = tally.everything(results, [record], [], [held, later, third, fourth])
    first, second = outcome.holdouts["session 7"], outcome.holdouts["session 12"]
    assert outcome.tallies[("page", "subject")].ok == outcome.tallies[("page", "subject")].n == 1
    assert outcome.tallies[("page", "signer")].ok == outcome.tallies[("page", "signer")].n == 1
    assert (first.tallies[("page", "subject")].ok, first.tallies[("page", "subject")].n) == (0, 1)
    assert (first.tallies[("pasted", "signer")].ok, first.tallies[("pasted", "signer")].n) == (1, 1)
    assert (second.tallies[("page", "subject")].ok, second.tallies[("page", "subject")].n) == (1, 1)
    assert (second.tallies[("page", "signer")].ok, second.tallies[("page", "signer")].n) == (0, 1)
    assert first.residue["forms"]["page"]["cables"] == second.residue["forms"]["page"]["cables"] == 1
    assert any(m.get("holdout") == "session 7" and m["cable"] == "09Y2" for m in outcome.misses)
    assert any(m.get("holdout") == "session 12" and m["cable"] == "09Y3" for m in outcome.misses)
    text = report.render(outcome)
    section = text.split("### Holdout (session 7)")[1].split("###")[0]
    assert "| subject (% right) | 0.0 (0/1) | 0.0 (0/1) | ≥ 98 % |" in section
    assert "| signer (% right) | 100.0 (1/1) | 100.0 (1/1) | ≥ 96 % |" in section
    section = text.split("### Holdout (session 12)")[1].split("###")[0]
    assert "| subject (% right) | 100.0 (1/1) | 100.0 (1/1) | ≥ 98 % |" in section
    assert "| signer (% right) | 0.0 (0/1) | 0.0 (0/1) | ≥ 96 % |" in section
    assert "| subject (% right) | 100.0 (1/1) |" in text.split("### Holdout")[0]
    section = text.split("### Holdout (session 13)")[1].split("###")[0]
    assert "| signer (% right) | 100.0 (1/1) | 100.0 (1/1) | ≥ 96 % |" in section
    assert outcome.holdouts["session 13"].tallies[("page", "signer")].n == 1
    assert not any(m.get("holdout") == "session 13" for m in outcome.misses)
    section = text.split("### Holdout (session 14)")[1].split("###")[0]
    assert "| subject (% right) | 0.0 (0/1) | 0.0 (0/1) | ≥ 98 % |" in section
    assert any(m.get("holdout") == "session 14" and m["cable"] == "09Y5" for m in outcome.misses)
    assert report.render_holdouts(outcome).count("### Holdout") == len(report.HOLDOUTS)  # one table each, even empty
    # without a holdout, nothing of it is scored
    assert not tally.everything(results, [record], []).holdouts


def test_the_holdout_file_is_disjoint_from_the_truth_and_marked() -> None:
    from fidelity import truthscore

    truth = truthscore.load()
    held = truthscore.load(truthscore.HOLDOUT)
    assert len(held) >= 160
    assert not {r["id"] for r in held} & {r["id"] for r in truth}
    assert all(r["selection"] == "holdout" for r in held)
    # each holdout is exactly its selection file's pages, and they are disjoint
    for session, name in (("session 7", "selection-holdout.tsv"), ("session 12", "selection-holdout-s12.tsv"),
                          ("session 13", "selection-holdout-s13.tsv"), ("session 14", "selection-holdout-s14.tsv"),
                          ("session 15", "selection-holdout-s15.tsv"), ("session 16", "selection-holdout-s16.tsv"),
                          ("session 17", "selection-holdout-s17.tsv"), ("session 18", "selection-holdout-s18.tsv"),
                          ("session 19", "selection-holdout-s19.tsv"), ("session 23", "selection-holdout-s23.tsv"),
                          ("session 24", "selection-holdout-s24.tsv"), ("session 25", "selection-holdout-s25.tsv"),
                          ("session 27", "selection-holdout-s27.tsv"), ("session 28", "selection-holdout-s28.tsv"),
                          ("session 29", "selection-holdout-s29.tsv"), ("session 30", "selection-holdout-s30.tsv"),
                          ("session 31", "selection-holdout-s31.tsv"), ("session 32", "selection-holdout-s32.tsv"),
                          ("session 33", "selection-holdout-s33.tsv"), ("session 34", "selection-holdout-s34.tsv"),
                          ("session 35", "selection-holdout-s35.tsv"), ("session 36", "selection-holdout-s36.tsv"),
                          ("session 37", "selection-holdout-s37.tsv"), ("session 38", "selection-holdout-s38.tsv"),
                          ("session 39", "selection-holdout-s39.tsv"), ("session 40", "selection-holdout-s40.tsv"),
                          ("session 41", "selection-holdout-s41.tsv"), ("session 42", "selection-holdout-s42.tsv"),
                          ("session 43", "selection-holdout-s43.tsv"), ("session 44", "selection-holdout-s44.tsv"),
                          ("session 45", "selection-holdout-s45.tsv"), ("session 46", "selection-holdout-s46.tsv"),
                          ("session 47", "selection-holdout-s47.tsv"), ("session 48", "selection-holdout-s48.tsv"),
                          ("session 49", "selection-holdout-s49.tsv"), ("session 50", "selection-holdout-s50.tsv"),
                          ("session 51", "selection-holdout-s51.tsv"), ("session 52", "selection-holdout-s52.tsv"),
                          ("session 53", "selection-holdout-s53.tsv"), ("session 54", "selection-holdout-s54.tsv"),
                          ("session 55", "selection-holdout-s55.tsv"), ("session 56", "selection-holdout-s56.tsv"),
                          ("session 57", "selection-holdout-s57.tsv"), ("session 58", "selection-holdout-s58.tsv"),
                          ("session 59", "selection-holdout-s59.tsv"), ("session 60", "selection-holdout-s60.tsv"),
                          ("session 61", "selection-holdout-s61.tsv"), ("session 62", "selection-holdout-s62.tsv"),
                          ("session 63", "selection-holdout-s63.tsv"), ("session 64", "selection-holdout-s64.tsv"),
                          ("session 65", "selection-holdout-s65.tsv"), ("session 66", "selection-holdout-s66.tsv"),
                          ("session 67", "selection-holdout-s67.tsv"), ("session 68", "selection-holdout-s68.tsv"),
                          ("session 69", "selection-holdout-s69.tsv"), ("session 70", "selection-holdout-s70.tsv"),
                          ("session 71", "selection-holdout-s71.tsv"), ("session 72", "selection-holdout-s72.tsv"),
                          ("session 73", "selection-holdout-s73.tsv"), ("session 74", "selection-holdout-s74.tsv"),
                          ("session 75", "selection-holdout-s75.tsv"), ("session 76", "selection-holdout-s76.tsv"),
                          ("session 77", "selection-holdout-s77.tsv"), ("session 78", "selection-holdout-s78.tsv"),
                          ("session 79", "selection-holdout-s79.tsv"), ("session 80", "selection-holdout-s80.tsv"),
                          ("session 81", "selection-holdout-s81.tsv"), ("session 82", "selection-holdout-s82.tsv"),
                          ("session 83", "selection-holdout-s83.tsv"), ("session 84", "selection-holdout-s84.tsv"),
                          ("session 85", "selection-holdout-s85.tsv"), ("session 86", "selection-holdout-s86.tsv"),
                          ("session 87", "selection-holdout-s87.tsv"), ("session 88", "selection-holdout-s88.tsv"),
                          ("session 89", "selection-holdout-s89.tsv"), ("session 90", "selection-holdout-s90.tsv"),
                          ("session 91", "selection-holdout-s91.tsv")):
        chosen = truthscore.HOLDOUT.with_name(name).read_text(encoding="utf-8").splitlines()[1:]
        ids = sorted(r["id"] for r in held if r["holdout"] == session)
        assert sorted(line.split("\t")[0] for line in chosen) == ids
    assert {r["holdout"] for r in held} == {"session 7", "session 12", "session 13", "session 14", "session 15",
                                            "session 16", "session 17", "session 18", "session 19",
                                            "session 23", "session 24", "session 25", "session 27", "session 28",
                                            "session 29", "session 30", "session 31", "session 32", "session 33",
                                            "session 34", "session 35", "session 36", "session 37", "session 38",
                                            "session 39", "session 40", "session 41", "session 42",
                                            "session 43", "session 44", "session 45", "session 46",
                                            "session 47", "session 48", "session 49", "session 50",
                                            "session 51", "session 52", "session 53",
                                            "session 54", "session 55", "session 56", "session 57",
                                            "session 58", "session 59", "session 60", "session 61",
                                            "session 62", "session 63", "session 64", "session 65",
                                            "session 66", "session 67", "session 68", "session 69",
                                            "session 70", "session 71", "session 72", "session 73",
                                            "session 74", "session 75", "session 76", "session 77",
                                            "session 78", "session 79", "session 80", "session 81",
                                            "session 82", "session 83", "session 84", "session 85",
                                            "session 86", "session 87", "session 88", "session 89",
                                            "session 90", "session 91"}
    assert len({r["id"] for r in held}) == len(held)
    assert all(r["paragraph_count"] == len(r["paragraphs"]) for r in held)


def test_sipdis_a_sentence_names_is_no_residue() -> None:
    """``Please use the caption SIPDIS in all replies.`` (10STATE16220), ``Please include SIPDIS in all
    replies.`` (08STATE128877): the word the sentence names, which the reading text keeps; SIPDIS run into a
    sentence is residue."""
    det = residue.BY_NAME["sipdis"]
    assert det.find("Please use the caption SIPDIS in all replies.") == []
    assert det.find("Please include SIPDIS in all replies.") == []
    assert det.find("arrives in Beirut SIPDIS May 1") != []


def test_end_of_cable_is_a_marker_only_in_capitals() -> None:
    det = residue.BY_NAME["end-marker"]
    assert det.find("MINIMIZE CONSIDERED. END OF CABLE")
    assert det.find("=====CABLE ENDS=====")
    assert det.find("(full text of report follows at end of cable).") == []


def test_a_summary_that_begins_with_a_label_word_keeps_it_after_the_label() -> None:
    """``Summary: Key human rights … contacts`` (09SAOPAULO662, session-14 holdout): ``Key`` is a
    word of the label ``Key Points`` but here the text's first word; a label ends at its colon
    or stop, or is one only if it names the summary (``SUMMARY AND ACTION REQUEST President``)."""
    from fidelity import compare

    truth = {"start": "Key human rights and antidiscrimination contacts", "end": "stand in today's Brazil."}
    assert compare.summary_agrees(truth, "Summary: Key human rights and antidiscrimination contacts spoke. "
                                         "They stand in today's Brazil. End summary.") == (True, True, True)
    assert compare._start_words("SUMMARY AND ACTION REQUEST President Bush")[:2] == ["president", "bush"]
    assert compare._start_words("(C) Summary and Comment: The x") == ["the", "x"]
    assert compare._start_words("Summary ------- 1. (C) The man") == ["the", "man"]


def test_a_second_copy_of_the_numbered_text_is_counted_once() -> None:
    """The anchors of the text written again after the text (08BERN443) do not count, as the
    truth counts its paragraphs once (the rule ``repeated-text``'s test); a restart with other
    texts counts."""
    text = ["¶1. (C) Summary: the minister spoke of the talks at length.", "",
            "¶2. (C) The talks went on into the night, and ended well.", "", "CARTER"]
    body = "\n".join([*text, "", "VZCZCXRO4059", "", *text])
    assert paragraphs.counted(paragraphs.anchors(body)) == [1, 2]
    other = "\n".join([*text, "", "¶1. (C) Another text of the cable on other talks.", "",
                        "¶2. (C) And more on the talks of the next day and night."])
    assert paragraphs.counted(paragraphs.anchors(other)) == [1, 2, 1, 2]


def test_sipdis_in_a_copy_set_in_sentence_case_is_residue_too() -> None:
    # 08BEIJING1454: "… steps to conceal the" / "Sipdis" / "true nature of the site."
    det = residue.BY_NAME["sipdis"]
    assert det.find("to conceal the Sipdis true nature", PREAMBLE)
    assert det.find("sensitive sipdis dept", PREAMBLE)
    assert not det.find("the Sipdistrict office", PREAMBLE)
