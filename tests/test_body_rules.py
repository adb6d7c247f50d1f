"""Body rules of issue 10 on small cases beside their fixtures: what a reader is shown (the
reading text of the telegram), where the signer is found, and that nothing is lost (every
word of the input is still in the TEI)."""

from __future__ import annotations

import re

import hardening_support as hs
import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.normalize import normalize_traced
from convert.textview import reading_text

HEAD = "C O N F I D E N T I A L ROME 000123\n\nE.O. 12958: DECL: 01/01/2015\nTAGS: PREL IT\nSUBJECT: TEST\n\n"


def _run(body: str, disable: frozenset[str] = frozenset()):  # type: ignore[no-untyped-def]
    return normalize_traced(RawCable(source="t.txt", form="text", body=HEAD + body), disable=disable)


def _reading(done) -> str:  # type: ignore[no-untyped-def]
    div = done.cable.tei.find("t:text/t:body/t:div", NS)
    parts = [reading_text(child) for child in div if child.tag != f"{{{NS['t']}}}opener"]
    return " ".join(p for p in parts if p)


def _signer(done) -> str | None:  # type: ignore[no-untyped-def]
    names = done.cable.tei.xpath("//t:closer/t:signed/t:persName/text()", namespaces=NS)
    return str(names[0]) if names else None


def _summaries(body: str, disable: frozenset[str] = frozenset()) -> list[str]:
    """The text of each summary span the body's cable gets."""
    done = _run(body, disable)
    return ["".join(s.itertext()) for s in done.cable.tei.xpath("//t:seg[@type='summary']", namespaces=NS)]


def _words(text: str) -> list[str]:
    return sorted(re.findall(r"[A-Za-z0-9]+", text))


def test_a_rule_after_a_sentence_and_a_title_before_the_next_paragraph() -> None:
    body = "1. (C) THE MINISTER SPOKE. ----- WHAT NEXT? -----\n2. (C) THE TALKS GO ON.\n"
    done = _run(body)
    assert "-----" not in _reading(done)
    assert done.cable.tei.xpath("//t:p/@n", namespaces=NS) == ["1", "2"]
    assert done.cable.tei.xpath("//t:ab[@type='heading']/text()", namespaces=NS) == ["WHAT NEXT?"]


def test_a_title_after_the_last_sentence_of_a_line() -> None:
    body = (
        "1. (C) The Minister spoke at length on the matter. Afghanistan -----------\n"
        "2. (C) On Afghanistan, he said more.\n"
    )
    done = _run(body)
    assert done.cable.tei.xpath("//t:ab[@type='heading']/text()", namespaces=NS) == ["Afghanistan"]
    assert done.cable.tei.xpath("//t:p/@n", namespaces=NS) == ["1", "2"]


def test_end_summary_before_a_rule_stays_in_its_paragraph() -> None:
    body = "1. (C) SUMMARY: THE TALKS WENT WELL. END SUMMARY. -----------\n2. (C) THE TALKS.\n"
    done = _run(body)
    assert not done.cable.tei.xpath("//t:ab[@type='heading']", namespaces=NS)
    assert done.cable.tei.xpath("//t:seg[@type='summary']", namespaces=NS)


def test_a_stray_point_before_the_summary_label_still_opens_the_summary() -> None:
    # 09BRASILIA1472: ``¶1.  . Summary: In meetings …``, a point typed twice
    body = "1.  . Summary: The experts met the ministry. End Summary.\n\n2. The talks went on.\n"
    assert _summaries(body) == [". Summary: The experts met the ministry. End Summary."]
    assert "summary" in _run(body).fired
    # the point opens no label of its own: a stray point before other words marks nothing
    assert not _summaries("1.  . The summary follows. End Summary.\n")


def test_a_summary_whose_end_is_not_written_is_its_labelled_paragraph_alone() -> None:
    body = "1. (C) Summary: The minister will visit in May to sign the accord.\n\n2. (C) The accord.\n"
    assert _summaries(body) == ["Summary: The minister will visit in May to sign the accord."]
    # switched off, nothing is marked (the rule, not another, made the span)
    assert not _summaries(body, frozenset({"summary-unended"}))


@pytest.mark.parametrize(
    "body",
    [
        # an END SUMMARY further on: where the summary ends is written, this rule stays out
        "1. (C) Summary: The minister will visit in May.\n\n2. (C) He will sign. End summary.\n\n3. (C) Text.\n",
        # the label alone, its text in the next paragraph: no words to mark
        "1. (C) Summary:\n\n2. (C) The minister will visit in May to sign the accord.\n",
        # a preview cut short after the label
        "1. (C) Summary. On July 3, Presi...\n",
    ],
)
def test_an_unended_summary_is_not_marked_where_it_is_not_that(body: str) -> None:
    assert "summary-unended" not in _run(body).fired


def test_a_notice_or_a_stray_line_before_paragraph_one_does_not_hide_its_unlabelled_summary() -> None:
    # 06BRASILIA1185: the notice stands first; paragraph 1 ends with END SUMMARY and has no label
    notice = "(U) This cable is business-sensitive. Please protect accordingly.\n\n"
    body = "1. (SBU) The airline went for auction on June 8 and failed. End Summary.\n\n2. (SBU) Text.\n"
    assert _summaries(notice + body) == ["The airline went for auction on June 8 and failed. End Summary."]
    # a line with no number right before paragraph 1 (a field's line left in the text) neither
    left = "IIR 6 809 0067 09 Classified By: Ambassador Clifford M. Sobel, Reason 1.4 (b) and (d)\n\n"
    assert _summaries(left + body) == ["The airline went for auction on June 8 and failed. End Summary."]
    # but a first paragraph before paragraph 2 (a page cut mid-sentence): where the summary
    # began is not written
    cut = "the creditors met the minister on June 2 in the capital.\n\n"
    later = body.replace("2. (SBU) Text", "3. (SBU) Text").replace("1. (SBU)", "2. (SBU)")
    assert not _summaries(cut + later)


def test_an_unlabelled_summary_whose_end_is_in_a_list_item_of_paragraph_one() -> None:
    # 09ISTANBUL440: paragraph 1 lists its points and the END SUMMARY closes the last one
    body = ("1. (C) Recent talks with our contacts show a broad consensus that:\n"
            "-- Turkey wants closer relations with Iran for stability;\n"
            "-- Iran sees Turkey as a hedge against isolation. End Summary.\n\n"
            "2. (C) Text.\n")
    got = _summaries(body)
    assert got[0] == "Recent talks with our contacts show a broad consensus that:"
    assert got[-1].endswith("a hedge against isolation. End Summary.")
    assert not _summaries(body, frozenset({"summary-unlabelled"}))
    # an END SUMMARY in the items of a later paragraph is not paragraph 1's
    later = ("1. (C) Recent talks with our contacts went on for some hours.\n\n"
             "2. (C) They showed that:\n-- Turkey wants closer relations. End Summary.\n\n3. (C) Text.\n")
    assert not _summaries(later)


def test_a_summary_under_a_heading_takes_in_the_list_items_to_its_end() -> None:
    # 10KABUL694: the END SUMMARY closes the last item of paragraph 1; 04THEHAGUE3044: the
    # items of paragraph 1 stand between its text and paragraph 2, where the summary ends
    head = "SUMMARY\n-------\n\n"
    items = ("1. (C) The minister told the Ambassador that:\n\n"
             "-- he wants to train police officers outside the country;\n\n"
             "-- local defense initiatives would meet their needs.")
    got = _summaries(head + items + " END SUMMARY\n\n2. (C) Text.\n")
    assert got[0] == "The minister told the Ambassador that:"
    assert got[-1] == "local defense initiatives would meet their needs. END SUMMARY"
    got = _summaries(head + items + "\n\n2. (C) More. END SUMMARY\n\n3. (C) Text.\n")
    assert len(got) == 4 and got[1] == "he wants to train police officers outside the country;"
    assert got[-1] == "More. END SUMMARY"
    assert not _summaries(head + items + " END SUMMARY\n\n2. (C) Text.\n", frozenset({"summary-heading"}))


def test_a_signer_glued_behind_a_hash_mark_to_the_last_sentence() -> None:
    # 09MANAMA646: ``… are issued on a case-by-case basis. #ERELI``; the mark stays in <signed>
    done = _run("1. (U) Permits are issued on a case-by-case basis. #ERELI\n")
    assert _signer(done) == "ERELI"
    signed = done.cable.tei.xpath("//t:closer/t:signed", namespaces=NS)[0]
    assert "".join(signed.itertext()) == "#ERELI"
    paragraph = done.cable.tei.xpath("//t:p[@n='1']", namespaces=NS)[0]
    assert "".join(paragraph.itertext()).endswith("case-by-case basis.")
    # a hash mark inside a sentence signs nothing
    assert _signer(_run("1. (U) The tag was #ERELI in the list we saw\n")) is None


@pytest.mark.parametrize("cut", ["Classifie...", "Classif...", "Cl..."])
def test_a_classified_by_line_cut_by_an_ellipsis_signs_nothing(cut: str) -> None:
    # 08STOCKHOLM571, 08RIGA497, 08STATE88235: a partner's copy cut short in its Classified By
    # line, then the flattened banner of its second copy: no name is written
    body = f"REF: STATE 87254\n\n{cut}\n\nC O N F I D E N T I A L ROME 000123 SIPDIS TAGS: PREL IT\n"
    assert _signer(_run(body)) is None
    # a name with dots after it still signs
    assert _signer(_run("1. (U) The delegation cleared this cable.\nWEINROD..\n")) == "WEINROD"


def test_sipdis_in_mid_sentence_is_a_handling_mark_and_no_word_is_lost() -> None:
    body = "1. (C) He will be in Beirut SIPDIS May 1 to meet the minister.\n"
    done = _run(body)
    assert "SIPDIS" not in _reading(done)
    assert "Beirut May 1" in _reading(done)
    tei_words = _words(" ".join(done.cable.tei.find("t:text", NS).itertext()))
    for word in _words(HEAD + body):
        assert word in tei_words


def test_sipdis_set_in_sentence_case_between_two_lines_of_a_sentence_is_a_handling_mark() -> None:
    # 08BEIJING1454: a copy that set the cable in sentence case writes the word Sipdis
    body = "1. (C) Chinese officials took careful steps to conceal the\n\nSipdis\ntrue nature of the site.\n"
    done = _run(body)
    assert "Sipdis" not in _reading(done)
    assert "conceal the true nature of the site." in _reading(done)
    assert done.cable.tei.xpath("//t:fw[@type='handling'][.='Sipdis']", namespaces=NS)


def test_signer_after_a_redacted_line() -> None:
    body = "1. (U) Embassy POC is EconOff at\nTel: XXXXXXXXXXXX or Email: XXXXXXXXXXXX\nSOBEL\n"
    assert _signer(_run(body)) == "SOBEL"
    assert _signer(_run(body, frozenset({"signature-line"}))) is None


def test_a_capitalised_name_after_mixed_case_text_signs() -> None:
    body = (
        "4. (U) Participants: Abdulati Obeidi, Secretary for European Affairs, General People's\n"
        "Committee for Foreign Liaison and International Cooperation\nSTEVENS\n"
    )
    assert _signer(_run(body)) == "STEVENS"


def test_a_last_line_of_capitals_in_capital_text_is_not_a_signer() -> None:
    body = "4. (C) THE MINISTER SAID THAT THE GOVERNMENT WOULD CONSIDER THE REQUEST OF THE\nPRIME MINISTER\n"
    assert _signer(_run(body)) is None


def test_a_quote_left_after_the_name_goes_to_the_closer() -> None:
    body = "1. (C) The talks went well.\n\nKURTZER\n\"\n"
    done = _run(body)
    assert _signer(done) == "KURTZER"
    assert done.cable.tei.xpath("//t:closer/t:fw[@type='wrapper']/text()", namespaces=NS) == ['"']


def test_the_schemas_hold_the_new_fw_types(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    body = "1. (C) THE TALKS WENT ON\nSIPDIS\nINTO THE NIGHT.\nACTION EUR-00\n\nKURTZER\n\"\n"
    done = _run(body)
    xml = etree.tostring(done.cable.tei, encoding="unicode")
    assert '<fw type="handling">SIPDIS</fw>' in xml and '<fw type="transmission">ACTION EUR-00</fw>' in xml
    assert_valid_tei(done.cable.tei)


def test_a_name_in_capitals_under_a_line_of_figures_signs() -> None:
    # 06BOGOTA405's totals row, 10SANJOSE118's telephone number under a contact block
    table = "1. (U) Seizures by year:\n\n2004  1,300  1,269  333\n      4,292  3,040  1,176  229  = 8,737 TOTAL\nWOOD\n"
    assert _signer(_run(table)) == "WOOD"
    contact = ("1. (U) For details, call the Embassy.\n\nU.S. Embassy\n\nSan Jose, Costa Rica\n\n"
               "(506) 2519-2269\nANDREW\n")
    assert _signer(_run(contact)) == "ANDREW"
    # words of letters among the figures: no table's row, no signature under it
    assert _signer(_run("1. (U) THE SEIZURES:\n\n4,292 TONS AND 3,040 KILOS\nWOOD\n")) is None


def test_a_name_after_the_last_sentence_of_a_list_item_signs_and_leaves_the_item() -> None:
    body = ("1. (C) The Prime Minister met the Ambassador.\n\n2. (C) The visit:\n\n"
            "-- The afternoon went well, he said. THORNE\n")
    done = _run(body)
    assert _signer(done) == "THORNE"
    assert _reading(done).count("THORNE") == 1  # in the closer, no longer in the item
    assert _reading(done).endswith("The afternoon went well, he said. THORNE")
    assert _signer(_run(body, frozenset({"list-signature"}))) is None


def test_a_body_of_marked_items_signs_on_its_own_line() -> None:
    body = "(C) On March 30 the Minister told the Ambassador he would call.\nLANGDALE\n"
    assert _signer(_run(body)) == "LANGDALE"


def test_a_list_of_participants_ends_with_no_signer() -> None:
    body = "1. (U) Participants:\n\n-- Ambassador John Smith\n-- Mary Jones\n"
    assert _signer(_run(body)) is None


def test_a_name_on_its_own_line_after_the_last_item_signs() -> None:
    body = (
        "10. (C) WE SUGGEST THE FOLLOWING APPROACH:\n-- NOTE THE CENTRALITY OF REFORM.\n"
        "-- NOTE THE NEED FOR CLEAN BANKING.\nPEARSON\n"
    )
    assert _signer(_run(body)) == "PEARSON"
    assert _signer(_run(body, frozenset({"list-signature"}))) is None


def test_hundreds_of_paragraphs_run_on_in_one_are_cut_without_recursion() -> None:
    # run-on-paragraphs cuts one after the other: a text of 199 paragraphs on one line (the
    # highest number a paragraph's is read up to) must not exhaust Python's recursion limit (the
    # pass it replaced did: RecursionError, an internal error); 200 to 999 after them are text
    body = "1. (U) Start. " + " ".join(f"{n}. (U) Text here." for n in range(2, 1000))
    done = _run(body)
    numbers = done.cable.tei.xpath("//t:p/@n", namespaces=NS)
    assert numbers == [str(n) for n in range(1, 200)]
    assert "999. (U) Text here." in "".join(done.cable.tei.xpath("//t:p[@n='199']//text()", namespaces=NS))


def test_a_dashed_title_needs_its_dashes_at_one_end() -> None:
    # the pattern is tried only on a line that begins or ends with its dashes: a long line
    # with a dash inside is refused before it (the same answers as the pattern alone)
    from convert.normalize.rules.blocks import dashed_title
    from convert.normalize.rules.runs import DASHED_TITLE

    titles = {"----- Summary -----": "Summary", "  - - - - Comment - - - -  ": "Comment",
              "Background ------": "Background", "-------- Egypt's Poverty Rate Rises": "Egypt's Poverty Rate Rises"}
    for line, title in titles.items():
        assert dashed_title(line) == title, line
    for line in ("2. (C) The survey -- taken in July -- shows a rise", "A -- B", "----", "-- Note --x",
                 "x " * 400 + "-- y"):
        match = DASHED_TITLE.match(line)
        assert not (match and (match["a"] or match["b"])) or line.strip().endswith("-"), line
        assert dashed_title(line) is None, line


def test_a_title_with_equals_signs_or_a_wrapped_rule_is_a_dashed_title() -> None:
    # the teletype wraps a long rule at its line's end (``===== ==``); equals signs underline
    # as dashes do (08DHAKA856); spaced dashes mixed with double ones (08BRASILIA1325)
    from convert.normalize.rules.blocks import dashed_title
    from convert.normalize.rules.runs import UNDERLINE

    titles = {"Summary =======": "Summary",
              "RAB Pledges Full Support ============================================= ====": "RAB Pledges Full Support",
              "An Emerging Player - - - - - -- - - - -": "An Emerging Player"}
    for line, title in titles.items():
        assert dashed_title(line) == title, line
    for line in ("============================================= ==", "- - - - - -- - - -", "---- ------ ---"):
        assert UNDERLINE.match(line), line
    for line in ("a == b", "x = 1 ==", "SUBTOTAL = 5"):
        assert dashed_title(line) is None, line


def test_an_end_marker_cut_short_is_an_end_marker() -> None:
    # ``=======================CABLE END`` (09CAIRO1447: the copy lost the marker's last letter
    # and its closing equals signs) ends the message as ``=====CABLE ENDS=====`` does
    from convert.normalize.rules.closing import END_MARKER
    from convert.normalize.rules.endings import MESSAGE_END

    for line in ("=======================CABLE END", "=====CABLE ENDS=====", "=== CABLE ENDS ==="):
        assert END_MARKER.match(line) and MESSAGE_END.match(line), line
    assert not END_MARKER.match("CABLE END") and not END_MARKER.match("===== CABLE ENDS HERE")


def test_a_title_run_on_from_a_sentence_without_its_full_stop() -> None:
    # ``… would be severely limited Shah Deniz Production Also Down -----``: the capitalised
    # words after the last lower-case word, after more than a title's length of text
    from convert.normalize.rules.cuts import _title_run

    pre = "Heydarov doubted that such a swap arrangement would be initiated, as volumes would be severely limited"
    text = pre + " Shah Deniz Production Also Down"
    assert text[_title_run(text) or 0 :] == "Shah Deniz Production Also Down"
    assert _title_run(pre + " Comment") is None  # one word: no title told
    assert _title_run("G8 Global Partnership against the Spread of Weapons") is None  # a long title
    text = pre + " as President Obama. Afghanistan Policy"  # a sentence's end stops the run
    assert text[_title_run(text) or 0 :] == "Afghanistan Policy"


def test_the_sbu_sentence_after_a_page_break_is_no_part_of_the_subject() -> None:
    # 06THEHAGUE1001: SUBJECT / page-break line / ``SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE
    # ACCORDINGLY.``: the subject ends before the handling sentence (a field of its own); so
    # does a subject whose line runs on into it misspelt (06SAOPAULO360: ``SENSTIVE``) or after
    # ``ENTIRE TEXT`` (09EFTOTRIPOLI704)
    head = "UNCLAS THE HAGUE 001001\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL NL\n"
    for subject in ("SUBJECT: ISLAMIC EDUCATION IN THE NETHERLANDS\nTHE HAGUE 00001001 001.2 OF 002\n"
                    "SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE ACCORDINGLY.\n",
                    "SUBJECT: ISLAMIC EDUCATION IN THE NETHERLANDS SENSTIVE BUT UNCLASSIFIED - PLEASE PROTECT "
                    "ACCORDINGLY.\n",
                    "SUBJECT: ISLAMIC EDUCATION IN THE NETHERLANDS ENTIRE TEXT SENSITIVE BUT UNCLASSIFIED/NOFORN; "
                    "PLEASE PROTECT ACCORDINGLY.\n"):
        done = normalize_traced(RawCable(source="t.txt", form="text", body=head + subject + "\n1. (U) Text.\n"))
        title = done.cable.tei.xpath("string(//t:title[@type='subject'])", namespaces=NS)
        assert title == "ISLAMIC EDUCATION IN THE NETHERLANDS", subject
        assert "ACCORDINGLY" in " ".join(done.cable.tei.xpath("//t:opener//text()", namespaces=NS))


def test_a_subject_line_that_runs_on_into_ref_and_the_first_paragraph_is_cut() -> None:
    # 07BRASILIA1006: ``SUBJECT: … Legal Case Ref: Brasilia 600 and previous 1. (SBU) Summary: …``
    # on one line: the subject, the REF field and paragraph 1 (not the REF's last item)
    head = "UNCLAS BRASILIA 001006\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: CASC BR\n"
    body = ("SUBJECT: Update on GOL-Legacy Crash Legal Case Ref: Brasilia 600 and previous 1. (SBU) Summary: In a "
            "surprise move, the prosecutor indicted four air traffic controllers.\n\n2. (SBU) Text.\n")
    done = normalize_traced(RawCable(source="t.txt", form="text", body=head + body))
    tei = done.cable.tei
    assert tei.xpath("string(//t:title[@type='subject'])", namespaces=NS) == "Update on GOL-Legacy Crash Legal Case"
    items = tei.xpath("//t:list[@type='references']/t:item", namespaces=NS)
    assert [reading_text(x) for x in items] == ["Brasilia 600 and previous"]
    (p1,) = tei.xpath("//t:p[@n='1']", namespaces=NS)
    assert "surprise move" in reading_text(p1)


def test_a_paragraph_number_alone_on_its_line_numbers_the_marked_text_after_it() -> None:
    # ``17.`` on a line of its own, then ``(C) Recalling …``: paragraph 17 with marking (C), not
    # an empty paragraph 17 and item C of a list
    done = _run("16. (S) One sentence of the sixteenth paragraph here.\n\n17.\n\n(C) Recalling his prior "
                "assignment, the minister described the export control system.\n")
    (p17,) = done.cable.tei.xpath("//t:p[@n='17']", namespaces=NS)
    assert p17.xpath("string(t:seg[@type='portion-marking'])", namespaces=NS) == "(C)"
    assert "Recalling his prior assignment" in reading_text(p17)
    assert not done.cable.tei.xpath("//t:list[@type='items']", namespaces=NS)


def test_a_marked_paragraph_is_not_taken_for_a_copy_or_row_and_keeps_its_marking() -> None:
    # found by the slow property test (a damaged CSV row): ``(C)`` then a routing copy's lines
    # became a marked paragraph, which the routing-copy pass then made a wrapper of its lines
    # alone, losing the marking; passes that read bare lines leave a marked paragraph alone
    done = _run("(C)\n" + "\n".join(["VZCZCXRO0038"] * 6) + "\n")
    body = etree.tostring(done.cable.tei.find("t:text/t:body", NS), encoding="unicode")
    assert '<seg type="portion-marking">(C)</seg>' in body


#: a marked unnumbered paragraph (``marked-paragraph``) in front of each pass or rule that reads
#: an unnumbered paragraph's bare lines and may rebuild them as something else (a field, a
#: wrapper, a copy, a heading, a closing line): each must keep the marking or leave it alone
_MARKED_BEFORE_CONSUMERS = {
    # fields.late: a REF line among the first blocks became a LateField of the paragraph's lines
    # (the slow property test's ``(C)REF 0 0 0 0 0``, a damaged CSV row)
    "late-fields": "(C)REF 0 0 0 0 0\n\n1. (C) The minister spoke of the new era today.\n",
    "late-fields-classified": "(C) Classified By: Ambassador Jon Huntsman for reasons 1.4 (b) and (d)\n",
    # blocks.passes wrapper-block: a dateline or a database mark standing alone before a
    # numbered paragraph became a wrapper block of the paragraph's lines
    "wrapper-block": "(C) Cable dated:2009-06-02T09:22 and more words of the text\n\n1. (C) The minister spoke.\n",
    "wrapper-block-mark": "(C) <<220571>> one two three four five\n\n1. (C) The minister spoke.\n",
    # routing-copy and csv-copy (cdb0b08): a copy's lines became a wrapper of the lines alone
    "routing-copy": "(C)\n" + "\n".join(["VZCZCXRO0038"] * 6) + "\n",
    "csv-copy": '(C) CONFIDENTIAL,,"VZCZCXYZ0003 OO RUEHWEB DE RUEHTC one two three\n',
    # dump-header (cdb0b08): a dump's header lines before ``----- header ends -----``
    "dump-header": "(C) VZCZCXYZ0001 RR RUEHWEB DE RUEHC one two three\n\n----- header ends -----\n\n"
    "1. (C) The minister spoke of the new era today.\n",
    # headings (cdb0b08; 06LONDON5958's ``(U) FULL TEXT OF LETTER …`` in the last stop's trial)
    "headings": "1. (U) The minister spoke of the new era today.\n\n2. (U) It goes on in mixed case.\n\n"
    "(U) FULL TEXT OF LETTER TO PRIME MINISTER BLAIR\n\n3. (U) Begin text of letter:\n",
    # closing.lines wrapper-line (cdb0b08): a wrapper line at the end of the last paragraph
    "closing-wrapper-line": "(C) The minister spoke of the new era today.\n<<220571>>\n",
    "closing-wrapper-line-only": "1. (C) The minister spoke of the new era today.\n\n"
    "(C) Cable dated:2009-06-02T09:22 and more words of the text\n",
    # closing.lines footer, then the paragraph left empty (cdb0b08: an empty one is dropped)
    "closing-footer-only": "1. (C) The minister spoke of the new era today.\n\n"
    "(C) > a quoted line of the footer here\n",
    # closing.signature: the name after the last sentence leaves the paragraph, which stays
    "closing-signature": "(C) The minister spoke of the new era today.\n\nHUNTSMAN\n",
    "closing-signature-only": "(C) The minister spoke of the new era today.\nHUNTSMAN\n",
}


@pytest.mark.parametrize("body", _MARKED_BEFORE_CONSUMERS.values(), ids=_MARKED_BEFORE_CONSUMERS.keys())
def test_a_marked_paragraph_keeps_its_marking_through_every_consumer(body: str) -> None:
    done = _run(body)
    assert "marked-paragraph" in done.fired
    # every input word reaches the TEI (the property tests' check), the marking as a marking
    outcome = hs.assert_holds((HEAD + body).encode("utf-8"), "text")
    found = outcome.cables[0].tei.xpath("//t:seg[@type='portion-marking']/text()", namespaces=NS)
    assert found == re.findall(r"^(?:\d+\. )?(\([CSU]\))", body, re.M)


def test_a_number_alone_with_a_marking_of_its_own_keeps_both() -> None:
    # ``17. (C)`` then ``(C) Recalling …``: the number's own marking is kept (the merge that makes
    # the marked text paragraph 17's is for a number alone, ``17.``)
    done = _run("16. (S) One sentence of the sixteenth paragraph here.\n\n17. (C)\n\n(C) Recalling his prior "
                "assignment, the minister described the export control system.\n")
    markings = done.cable.tei.xpath("//t:seg[@type='portion-marking']/text()", namespaces=NS)
    assert markings == ["(S)", "(C)", "(C)"]


def test_a_signature_after_a_marked_paragraph_is_the_signer() -> None:
    # the defect of issue 10: item C of a list of one swallowed the signature after it
    done = _run("(C) HMG is aware that Iran could soon begin to look for suppliers of uranium.\n\nTUTTLE\n")
    assert _signer(done) == "TUTTLE"
    (para,) = done.cable.tei.xpath("//t:body//t:p", namespaces=NS)
    assert para.xpath("string(t:seg[@type='portion-marking'])", namespaces=NS) == "(C)"


def test_a_genuine_lettered_list_stays_a_list() -> None:
    # ``(A) … (B) … (C) …``: (C) goes on the letters before it; and an answer after a colon
    done = _run("1. (C) The minister listed three points:\n\n(A) The first point he made was about trade.\n\n"
                "(B) The second point he made was about aid.\n\n(C) The third point he made was about visas.\n\n"
                "2. (C) Emboff neighborhoods are:\n\n(C) Within walking distance (approx one mile) of high crime.\n")
    labels = done.cable.tei.xpath("//t:list[@type='items']/t:label/text()", namespaces=NS)
    assert labels == ["(A)", "(B)", "(C)", "(C)"]
    assert len(done.cable.tei.xpath("//t:seg[@type='portion-marking']", namespaces=NS)) == 2


def test_the_next_number_run_on_after_the_last_sentence_numbers_the_marked_text() -> None:
    # 04SAOPAULO493: ``9. (C) … End Comment. 10.`` / ``(U) This message was coordinated …``
    body = ("8. (SBU) One sentence of the eighth paragraph here.\n\n9. (C) Comment. The exchange went well. "
            "End Comment. 10.\n\n(U) This message was coordinated with Embassy Brasilia and cleared.\n")
    done = _run(body)
    (p9,) = done.cable.tei.xpath("//t:p[@n='9']", namespaces=NS)
    (p10,) = done.cable.tei.xpath("//t:p[@n='10']", namespaces=NS)
    assert reading_text(p9).endswith("End Comment.")
    assert p10.xpath("string(t:label)", namespaces=NS) == "10."
    assert p10.xpath("string(t:seg[@type='portion-marking'])", namespaces=NS) == "(U)"
    hs.assert_holds((HEAD + body).encode("utf-8"), "text")


def test_a_number_at_a_paragraph_end_that_is_not_the_next_stays_text() -> None:
    # not the next number, not after a finished sentence, or a number the cable has: text of ¶9
    for tail, more in ((" End Comment. 11.", ""), (" see para 10.", ""), (" End Comment. 10.", "10. (C) Ten.\n")):
        body = (f"9. (C) Comment. The exchange went well.{tail}\n\n(U) This message was coordinated with "
                f"Embassy Brasilia and cleared.\n\n{more}")
        done = _run(body)
        (p9,) = done.cable.tei.xpath("//t:p[@n='9']", namespaces=NS)
        assert reading_text(p9).endswith(tail.strip()), tail
        hs.assert_holds((HEAD + body).encode("utf-8"), "text")


def test_a_marking_before_the_number_numbers_the_paragraph_and_keeps_its_text() -> None:
    # 03THEHAGUE1865: ``(C) 1. In a visit …``, ``(SBU) 10. Schaper …``: paragraphs 1 and 10, the
    # marking and the number where the cable writes them: the number is the label, after the
    # marking (issue 10, session 16), never moved before it
    body = ("(C) 1. In a visit to The Hague, A/S Jones met with senior officials.\n\n"
            "(SBU) 2. Schaper stressed the importance of multilateral institutions.\n\n"
            "(C) 2. A second paragraph two is not renumbered or taken twice.\n")
    done = _run(body)
    assert done.cable.tei.xpath("//t:p/@n", namespaces=NS) == ["1", "2"]
    (p1,) = done.cable.tei.xpath("//t:p[@n='1']", namespaces=NS)
    assert reading_text(p1).startswith("(C) 1. In a visit")
    labels = done.cable.tei.xpath("//t:p/t:label[@type='paragraph-number']", namespaces=NS)
    assert [x.text for x in labels] == ["1.", "2."]
    for label in labels:  # after the marking, as written
        before = label.getprevious()
        assert before is not None and before.get("type") == "portion-marking"
    (p2,) = done.cable.tei.xpath("//t:p[@n='2']", namespaces=NS)
    assert p2.xpath("string(t:seg[@type='portion-marking'])", namespaces=NS) == "(SBU)"
    hs.assert_holds((HEAD + body).encode("utf-8"), "text")

def test_a_quoted_letters_signature_run_into_the_cables() -> None:
    body = "1. (C) The letter follows: Dear Mr. President, we wish you well. Faithfully, Dr. Ayman Nour SCOBEY\n"
    done = _run(body)
    assert _signer(done) == "SCOBEY"
    assert "Faithfully, Dr. Ayman Nour" in _reading(done)
    # after a title, a name with no word in capitals at its end is the titled person's: no signer
    assert _signer(_run("1. (C) The letter was signed by Dr. Ayman Nour\n")) is None


def test_a_name_line_after_an_end_label_without_a_full_stop_signs() -> None:
    body = "1. (U) BEGIN TEXT: The ministers met. END TEXT\nSEMBLER\n"
    assert _signer(_run(body)) == "SEMBLER"


def test_a_redaction_glued_to_a_name_keeps_every_source_word() -> None:
    body = "1. (C) The talks went well.  Visit London's Classified Website: XXXXXXXXXXXXTUTTLE\n"
    done = _run(body)
    assert _signer(done) == "TUTTLE"
    assert done.cable.tei.xpath("//t:ab[@type='trailer']/t:gap", namespaces=NS)  # the post's notice, set apart
    from convert.textview import source_text

    assert "XXXXXXXXXXXXTUTTLE" in source_text(done.cable.tei.find("t:text", NS)).split()
    assert _signer(_run(body, frozenset({"redaction-glued-signature"}))) is None


def test_the_end_marker_glued_to_a_footer_is_out_of_the_text() -> None:
    body = "1. (U) Baghdad minimize considered.\nSEMBLER\nNNNN  2005ROME01593 - Classification: SECRET\n"
    done = _run(body)
    assert _signer(done) == "SEMBLER"
    assert done.cable.tei.xpath("//t:closer/t:fw[@type='footer']/text()", namespaces=NS) == [
        "NNNN  2005ROME01593 - Classification: SECRET"
    ]


def test_a_database_rows_stamp_after_the_signer() -> None:
    for body in (
        "1. (C) The talks went well.\nSTEVENS 0 12/23/2007\n",
        "1. (C) The talks went well. End comment. STEVENS 0 11/20/2007\n",
    ):
        done = _run(body)
        assert _signer(done) == "STEVENS"
        assert done.cable.tei.xpath("//t:closer/t:fw[@type='wrapper']/text()", namespaces=NS) == [
            " 0 " + body.rsplit(" 0 ", 1)[1].rstrip("\n")
        ]
        assert _signer(_run(body, frozenset({"name-row-stamp"}))) is None
    # a count and a date after words that are no name stay text
    assert _signer(_run("1. (C) The count was 0 11/20/2007\n")) is None


def test_a_footer_split_by_a_spreadsheet_cell_is_out_of_the_text() -> None:
    """03ROME2045: the media footer's word split at a cell boundary (``Clas"<tab>"sification``)
    is still the footer: it, the ``>`` before it and the classification line go to the closer,
    and the name before them signs."""
    body = ('1. (C) AS LONG AS PATIENCE IS THROWN INTO THE MIX. END COMMENT.\nSEMBLER\n\n'
            '                       CONFIDENTIAL\n\n>\n 2003ROME02045 - Clas"\t"sification: CONFIDENTIAL\n')
    done = _run(body)
    assert _signer(done) == "SEMBLER"
    assert done.cable.tei.xpath("//t:closer/t:fw[@type='footer']/text()", namespaces=NS)[-1].strip().startswith(
        "2003ROME02045 - Clas"
    )


def test_a_rule_wrapped_with_two_spaces_under_a_paragraph_sets_the_title_apart() -> None:
    """09STOCKHOLM569: ``------  -`` (a rule whose last dash wrapped after two spaces) under the
    last line of paragraph 2, a title, a rule: the paragraph keeps its number and text, the
    title is a heading (it was read as paragraph 2's text, or took paragraph 2 into a heading)."""
    body = ("1. (SBU) Summary: The minister pressed for cooperation. End summary.\n"
            "2. (U) ACTION REQUEST: Post requests help this fall. End Action request\n"
            "------  - \nPlea for Senior U.S. Official to Attend EU Informal Ministerial\n-------\n\n"
            "3. (U) More text here.\n")
    done = _run(body)
    assert done.cable.tei.xpath("//t:p/@n", namespaces=NS) == ["1", "2", "3"]
    assert done.cable.tei.xpath("//t:ab[@type='heading']/text()", namespaces=NS) == [
        "Plea for Senior U.S. Official to Attend EU Informal Ministerial"
    ]
    assert "Plea" not in "".join(done.cable.tei.xpath("//t:p[@n='2']//text()", namespaces=NS))


def test_a_ref_line_run_on_into_a_sentence_after_an_items_date() -> None:
    # 07TRIPOLI993 (session-17 holdout): the REF list ends with an e-mail and its date, and the whole
    # text runs on after it; ref-sentence-runon cuts after the date as after a cable's number
    body = ("REF: A) STATE 138248, B) GODFREY-LAWSON E-MAIL 11/21/2007 Per reftel, Post requests that Libya be "
            "added to the list of invitees for the conference. The GOL has demonstrated keen interest. MILAM\n")
    done = _run(body)
    assert "Per reftel, Post requests that Libya" in _reading(done)
    assert _signer(done) == "MILAM"
    refs = done.cable.tei.xpath("//t:list[@type='references']/t:item//text()", namespaces=NS)
    assert not any("Per reftel" in r for r in refs)


def test_a_later_sections_transmission_banner_over_an_old_page_line_leaves_the_sentence() -> None:
    # 01VATICAN5693: a partial extract whose first banner follows a quote mark (never read as
    # the banner), so section-banner does not take the later section's ``CONFIDENTIAL PTQ7681``;
    # over the old-style page line it is that section's banner, with the page's footer over it
    body = ('","C O N F I D E N T I A L SECTION 01 OF 02 VATICAN 005693\n\nSIPDIS\n\n'
            "E.O. 12958: DECL: 10/23/11\nTAGS: PREL AF VT\n\nSUBJECT: TEST\n\n"
            "1.  (C) THE TALIBAN'S LACK OF CONCERN WAS SIGNIFICANT, HE ADDED, WITH THE OUTSIDE\n"
            "                       CONFIDENTIAL\n"
            "                           CONFIDENTIAL     PTQ7681\n"
            "PAGE 01        VATICA  05693  02 OF 02  021700Z\n"
            "WORLD STEPPING INTO THE GAP.\n\n2.  (C) THE SECOND PARAGRAPH.\n")
    done = normalize_traced(RawCable(source="t.txt", form="text", body=body))
    (p1,) = done.cable.tei.xpath("//t:p[@n='1']", namespaces=NS)
    assert reading_text(p1).endswith("WITH THE OUTSIDE WORLD STEPPING INTO THE GAP.")
    fws = [(fw.get("type"), fw.text) for fw in p1.xpath(".//t:fw", namespaces=NS)]
    assert ("section-banner", "CONFIDENTIAL     PTQ7681") in fws
    assert ("footer", "CONFIDENTIAL") in fws
    assert p1.xpath("count(.//t:milestone[@unit='section'])", namespaces=NS) == 1
    hs.assert_holds(body.encode("utf-8"), "text")


def test_the_hyphen_title_cut_needs_a_marked_number_after_it() -> None:
    # glued-heading's title glued by a hyphen: only before a paragraph's number and marking
    body = ("1. (U) The paperwork is slow. ---------- Twenty-Five Years-2008 was a good year.\n\n"
            "2. (U) The second paragraph.\n")
    done = _run(body)
    assert done.cable.tei.xpath("//t:ab[@type='heading']", namespaces=NS) == []
    assert "Twenty-Five Years-2008 was a good year." in _reading(done)


def _numbers(done) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(n) for n in done.cable.tei.xpath("//t:body//t:p/@n", namespaces=NS)]


def test_unmarked_paragraphs_run_on_fill_a_wider_gap_in_order() -> None:
    """08BUENOSAIRES858's shape: paragraph 3's text holds 4 to 8, paragraph 9 follows."""
    body = ("1. The Governor met the Ambassador.\n\n2. He spoke of crime.\n\n3. He began with security.  "
            "4. After six months in office he saw gains.  5. Police pay rose.\n\n6. This line is its own.\n")
    done = _run(body)
    assert _numbers(done) == ["1", "2", "3", "4", "5", "6"]
    assert "After six months" in "".join(done.cable.tei.xpath("//t:p[@n='4']//text()", namespaces=NS))


def test_a_gap_not_filled_whole_is_left_as_it_is() -> None:
    """3 holds 4 but not 5, and 6 follows: no guess at where 5 was."""
    body = "1. One.\n\n2. Two.\n\n3. Three is here.  4. Four is here, five is not.\n\n6. Six.\n"
    assert _numbers(_run(body)) == ["1", "2", "3", "6"]


def test_unmarked_paragraphs_run_on_after_the_last_numbered_one() -> None:
    """09LONDON2291's shape: the last paragraph holds the next numbers, a line break lost."""
    body = ("1. Counselor made the demarche on September 24, 2009.  2. Emboffs also made the points "
            "at the reception.  3. There were no replies.\n\nSMITH\n")
    done = _run(body)
    assert _numbers(done) == ["1", "2", "3"]
    assert _signer(done) == "SMITH"


def test_a_list_inside_the_last_paragraph_is_not_paragraphs() -> None:
    """The first number run on in the last paragraph is not the next paragraph's: a list."""
    body = ("1. The delegation is as follows. 1. A/S McMurray (OES). 2. Mr. Sperling (OES). "
            "3. Ms. Campbell (USAID).\n\nSMITH\n")
    assert _numbers(_run(body)) == ["1"]


def test_a_text_single_spaced_throughout_keeps_its_paragraphs() -> None:
    """No blank line anywhere, no portion markings (an older telegram pasted single-spaced)."""
    body = "1. THE CITY COUNCIL MET TODAY.\n2. NO CHANGE IS EXPECTED.\n3. WE WILL REPORT.\nSMITH\n"
    done = _run(body)
    assert _numbers(done) == ["1", "2", "3"]
    assert _signer(done) == "SMITH"


def test_a_list_single_spaced_in_the_last_paragraph_stays_its_items() -> None:
    body = "1. WE PROPOSE THE FOLLOWING.\n1. A MEETING IN MAY.\n2. A VISIT IN JUNE.\nSMITH\n"
    assert _numbers(_run(body)) == ["1"]


def _page_subject(subject: str, body: str):  # type: ignore[no-untyped-def]
    text = HEAD.replace("SUBJECT: TEST", subject) + body
    return normalize_traced(RawCable(source="t.txt", form="text", body=text))


def test_the_subject_again_under_a_page_line_is_the_page_header_not_the_text() -> None:
    subject = "SUBJECT: TALKS WITH THE MINISTER ON TRADE"
    page = "1. (C) HE SPOKE OF THE\nROME 00000123 002 OF 002\nSUBJECT: TALKS WITH THE MINIS\nNEW TARIFFS.\n"
    done = _page_subject(subject, page)
    assert _reading(done).count("SUBJECT") == 1 and "HE SPOKE OF THE NEW TARIFFS." in _reading(done)  # (the head's)
    assert done.cable.tei.xpath("//t:p//t:fw/text()", namespaces=NS)[-1] == "SUBJECT: TALKS WITH THE MINIS"
    assert "page-subject" in done.fired
    # other words than the subject's, or a subject a media preview cut (where its copy under
    # the page line ends is not known), or under the page line of page 1: the text's
    for head, written in (
        (subject, "SUBJECT: ROME WEEKLY REPORT"),
        ("SUBJECT: TALKS WITH THE MINI...", "SUBJECT: TALKS WITH THE MINISTER ON TRADE"),
    ):
        kept = _page_subject(head, page.replace("SUBJECT: TALKS WITH THE MINIS", written))
        assert _reading(kept).count("SUBJECT") == 2 and "page-subject" not in kept.fired
    first = _page_subject(subject, page.replace("002 OF 002", "001 OF 002"))
    assert _reading(first).count("SUBJECT") == 2


def test_a_summary_under_a_summary_slash_background_heading_runs_to_the_next_heading() -> None:
    # 08STATE83144: no END SUMMARY; the ruled heading's section is the summary
    body = ("1. (U) This is an action request. Please see paragraph 3.\n\n-------------------\n"
            "SUMMARY/BACKGROUND\n-------------------\n\n2. (S) Washington is initiating a more focused strategy "
            "today.\n\n3. (S) Iran has failed to suspend its enrichment as required by the Council.\n\n"
            "--------------\nACTION REQUEST\n--------------\n\n4. (S) Please deliver the points below.\n")
    got = _summaries(body)
    assert got[0].startswith("Washington is initiating") and got[-1].endswith("as required by the Council.")
    assert not _summaries(body.replace("SUMMARY/BACKGROUND", "HISTORY/BACKGROUND"))


def test_ref_items_after_the_tags_line_are_no_tags() -> None:
    # 06SAOPAULO348: the REF label and item A lost, items B and C under the TAGS line
    text = ("UNCLAS SAO PAULO 000348\n\nE.O. 12958: N/A TAGS: PGOV PHUM KCRM BR\n(B) Sao Paulo 215;\n"
            "(C) 05 Sao Paulo 975\n\n1. (SBU) SUMMARY: The prisons are full. END SUMMARY.\n")
    done = normalize_traced(RawCable(source="t.txt", form="text", body=text))
    terms = done.cable.tei.xpath("//t:keywords/t:term/text()", namespaces=NS)
    assert terms == ["PGOV", "PHUM", "KCRM", "BR"]
    assert "Sao Paulo 215" in _reading(done)  # the items are kept, as the text's
    # a person tag's rest in parentheses still goes on with the field
    person = text.replace("(B) Sao Paulo 215;\n(C) 05 Sao Paulo 975\n", "OVIP\n(STEINBERG, JAMES B.)\n")
    done = normalize_traced(RawCable(source="t.txt", form="text", body=person))
    assert "STEINBERG" in " ".join(done.cable.tei.xpath("//t:keywords/t:term/text()", namespaces=NS))


_WRAPPED = (
    "1. (C) The office has followed trafficking in persons for some years and reports to\n"
    "the Department each spring on what the government did in the year before, as\n"
    "the law asks of every post; this year the report is short because the office\n"
    "was without an officer for most of the autumn and the winter, and its local\n"
    "staff carried the work on their own until the new officer arrived in March\n"
    "from Washington, where she had worked on the same issue for the Department\n"
    "and knew the people there who read these reports and act on what they say;\n"
    "she met the ministry's officials in her first week and found them ready to\n"
    "help, though they had little to add to what the newspapers had already said\n"
    "about the cases the police brought to court in the course of the last year,\n"
    "and the figures they gave her are the ones this report sets out below, as\n"
    "the ministry wrote them.\n\n"
)


def _paragraph_texts(done) -> list[tuple[str | None, str]]:  # type: ignore[no-untyped-def]
    return [(p.get("n"), " ".join("".join(p.itertext()).split()))
            for p in done.cable.tei.xpath("//t:body//t:p", namespaces=NS)]


def test_a_line_that_begins_anew_after_a_lists_last_item_is_the_text_after_the_list() -> None:
    """On a wrapped text the last item ends with a sentence and the next line begins with a
    capital whose word had room on the item's line, or a tally's row well short of the line is
    followed by its total: the paragraph's text after its list, a paragraph of its own
    (list-tail). A wrapped item (its line full, no sentence ended) keeps its next line, capital
    or not, and so does a short line of prose (a writer's early break)."""
    body = _WRAPPED + (
        "2. (C) The figures show:\n"
        "-- a 75 percent increase from one year to the next.\n"
        "According to the IOM, the major source countries of the\n"
        "victims are in Eastern Europe.\n\n"
        "3. (C) The delegation was:\n"
        "-- Corin Robertson, Joint Head, Counter Terrorism Policy\n"
        "Department, Foreign and Commonwealth Office, United Kingdom\n"
        "-- Ann Smith, Deputy Head, Criminal Justice Department of\n"
        "the Home Office.\n\n"
        "4. (SBU) Hours spent on preparation:\n"
        "- Pol Officer (FS 02) 18 hrs\n"
        "- DCM 1 hrs\n"
        "Total: 19 hrs in all\n\n"
        "5. (SBU) The plan has three parts:\n"
        "- First, the training the police asked for in March.\n"
        "- Finally, a brief on what we expect FY09\n"
        "Merida programs to be.\n\n"
        "SMITH\n"
    )
    done = _run(body)
    assert done.fired.get("list-tail") == 1
    texts = _paragraph_texts(done)
    tail = [t for n, t in texts if n is None]
    assert tail == ["According to the IOM, the major source countries of the victims are in Eastern Europe.",
                    "Total: 19 hrs in all"]
    assert next(t for n, t in texts if n == "5").endswith("a brief on what we expect FY09 Merida programs to be.")
    two = next(t for n, t in texts if n == "2")
    assert two.endswith("a 75 percent increase from one year to the next.")
    three = next(t for n, t in texts if n == "3")
    assert "Counter Terrorism Policy Department, Foreign and Commonwealth Office" in three
    assert _words(_reading(done)) == _words(_reading(_run(body, frozenset({"list-tail"}))))
    off = _paragraph_texts(_run(body, frozenset({"list-tail"})))
    assert [n for n, _ in off] == ["1", "2", "3", "4", "5"]


def _items(done) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(label.text or "", " ".join("".join(label.getnext().itertext()).split()))
            for label in done.cable.tei.xpath("//t:list/t:label", namespaces=NS)]


def test_an_item_begins_after_a_question_or_a_stop_inside_a_bracket() -> None:
    """A question ends a sentence, and so does a full stop a closing bracket or quotation mark
    follows: the bullet on the next line begins an item (09KAMPALA1399's answers, 09LONDON1933's
    ``End comment.)`` / ``-- Projecting …``). A line that ends in a bracket alone ends nothing."""
    body = (
        "1. (C) Who was in command of the forces that went to the prison?\n"
        "- Lt. Col. Otema was in charge of the forces that went to the prison.\n\n"
        "2. (C) Officials cited three programs. (Comment: Evidence was anecdotal. End comment.)\n"
        "-- Projecting British Muslims: professionals travel to Pakistan.\n"
        "-- Radical Middle Way: a domestic program.\n\n"
        "3. (C) The talks covered the new arrangements (ref A)\n"
        "-- and the old ones, which stay in force.\n\n"
        "SMITH\n"
    )
    items = _items(_run(body))
    assert items == [("-", "Lt. Col. Otema was in charge of the forces that went to the prison."),
                     ("--", "Projecting British Muslims: professionals travel to Pakistan."),
                     ("--", "Radical Middle Way: a domestic program.")]


def test_a_counted_list_goes_on_at_its_next_label_though_no_sentence_ends() -> None:
    """``1). COL. …`` / ``SEPTEMBER 1966, MENOFYA, MOD`` / ``2). CAPT. …`` (09STATE86227): the next
    label of the count starts the next item (counted-items); a number that does not come next
    (``3)`` after ``1)``) stays in the item's text, and ``1).`` is the label whole."""
    body = (
        "1. (SBU) 1). COL. MOHAMED SHAHIN, 25\n"
        "SEPTEMBER 1966, MENOFYA, MOD\n"
        "            2). CAPT. MOHAMED HUSSEIN, 13 MAY\n"
        "1980, GIZA, FINANCIAL DEPARTMENT\n"
        "            4). MAJ KARIM REDA, 2\n"
        "MARCH 1972, GIZA, AIR DEFENSE COMMAND\n\n"
        "SMITH\n"
    )
    done = _run(body)
    assert done.fired.get("counted-items") == 1
    assert _items(done) == [("1).", "COL. MOHAMED SHAHIN, 25 SEPTEMBER 1966, MENOFYA, MOD"),
                            ("2).", "CAPT. MOHAMED HUSSEIN, 13 MAY 1980, GIZA, FINANCIAL DEPARTMENT 4). MAJ KARIM "
                                    "REDA, 2 MARCH 1972, GIZA, AIR DEFENSE COMMAND")]
    assert [label for label, _ in _items(_run(body, frozenset({"counted-items"})))] == ["1)."]
