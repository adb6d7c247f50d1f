"""Body rules of issue 10 on small cases beside their fixtures: what a reader is shown (the
reading text of the telegram), where the signer is found, and that nothing is lost (every
word of the input is still in the TEI)."""

from __future__ import annotations

import re

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


def test_sipdis_in_mid_sentence_is_a_handling_mark_and_no_word_is_lost() -> None:
    body = "1. (C) He will be in Beirut SIPDIS May 1 to meet the minister.\n"
    done = _run(body)
    assert "SIPDIS" not in _reading(done)
    assert "Beirut May 1" in _reading(done)
    tei_words = _words(" ".join(done.cable.tei.find("t:text", NS).itertext()))
    for word in _words(HEAD + body):
        assert word in tei_words


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


def test_a_name_after_the_last_sentence_of_a_list_item_signs_and_leaves_the_item() -> None:
    body = "1. C) The Prime Minister met the Ambassador.\n\n2. C) The afternoon went well, he said. THORNE\n"
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
    # run-on-paragraph cuts one after the other: a text of 999 paragraphs on one line must
    # not exhaust Python's recursion limit (it did: RecursionError, an internal error)
    body = "1. (U) Start. " + " ".join(f"{n}. (U) Text here." for n in range(2, 1000))
    done = _run(body)
    numbers = done.cable.tei.xpath("//t:p/@n", namespaces=NS)
    assert numbers == [str(n) for n in range(1, 1000)]


def test_a_dashed_title_needs_its_dashes_at_one_end() -> None:
    # the pattern is tried only on a line that begins or ends with its dashes: a long line
    # with a dash inside is refused before it (the same answers as the pattern alone)
    from convert.normalize.rules.blocks import DASHED_TITLE, dashed_title

    titles = {"----- Summary -----": "Summary", "  - - - - Comment - - - -  ": "Comment",
              "Background ------": "Background", "-------- Egypt's Poverty Rate Rises": "Egypt's Poverty Rate Rises"}
    for line, title in titles.items():
        assert dashed_title(line) == title, line
    for line in ("2. (C) The survey -- taken in July -- shows a rise", "A -- B", "----", "-- Note --x",
                 "x " * 400 + "-- y"):
        match = DASHED_TITLE.match(line)
        assert not (match and (match["a"] or match["b"])) or line.strip().endswith("-"), line
        assert dashed_title(line) is None, line



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
    assert done.cable.tei.xpath("//t:p[@n='1']/t:gap", namespaces=NS)
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
