"""Paragraphs and a signer the text makes plain but an earlier reading missed (issue 10,
session 23): a portion marking with a stray space inside (``( C)``, ``(C )``), a paragraph run
on after a news item's attribution (``Source - Yahoo 20.``) or after a list numbered from 1
inside the paragraph before, a CSV line break written ``,"`` / space / ``"`` (one break, not
two), and a paragraph's length counted without its indentation (a text indented throughout
reads as the same text unindented)."""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize
from convert.writers.json import record

HEAD = "UNCLAS STATE 012345\n\nE.O. 12958: N/A\nTAGS: PREL XX\nSUBJECT: A TEST OF PARAGRAPHS\n\n"


def rec(text: str) -> dict[str, object]:
    return record(normalize(RawCable(source="pasted.txt", form="text", body=text)))


def numbers(text: str) -> list[int]:
    return [p["n"] for p in rec(text)["paragraphs"]]  # type: ignore[index, union-attr]


def test_a_marking_with_a_stray_space_starts_and_runs_on() -> None:
    text = HEAD + ("¶1. (C) The first paragraph, whose text ends a sentence here. 2. ( C) The second one,"
                   " run on into it.\n\n¶3. ( C) The third, on its line.\n\n¶4. (C ) The fourth.\n\nSMITH\n")
    got = rec(text)
    paragraphs = got["paragraphs"]
    assert [p["n"] for p in paragraphs] == [1, 2, 3, 4]  # type: ignore[union-attr, index]
    assert [p["marking"] for p in paragraphs] == ["(C)", "( C)", "( C)", "(C )"]  # type: ignore[union-attr, index]
    assert paragraphs[1]["text"].startswith("The second one")  # type: ignore[index]


def test_a_number_inside_a_sentence_with_a_spaced_marking_is_no_paragraph() -> None:
    text = HEAD + "¶1. (C) See paragraph 3. ( C) material is not for release.\n\n¶2. (C) The end.\n"
    assert numbers(text) == [1, 2]


def test_a_paragraph_run_on_after_a_news_items_source() -> None:
    text = HEAD + ("¶1. Brazil Plans Biofuel Planes - The planes are used for crop dusting under the rules"
                   " for light aircraft. Source - Yahoo 2. Brazil Wants Help - Brazil asked for help. "
                   "Source - IPS News\n\n¶3. Chile Starts Effort - Chile began.\n")
    got = rec(text)["paragraphs"]
    assert [p["n"] for p in got] == [1, 2, 3]  # type: ignore[union-attr, index]
    assert got[0]["text"].endswith("Source - Yahoo")  # type: ignore[index]
    assert got[1]["text"].startswith("Brazil Wants Help")  # type: ignore[index]


def test_a_paragraph_run_on_after_a_list_numbered_inside_the_one_before() -> None:
    text = HEAD + ("¶1. WE WELCOME THE VISIT. DELEGATION IS AS FOLLOWS: 1. A/S Claudia Smith 2. Larry Jones (OES)"
                   " 3. Connie Brown (USAID) 2. VISITORS ARE REMINDED THAT VISAS ARE REQUIRED. 3. IN ADDITION,"
                   " VISITORS SHOULD BE IMMUNIZED.\n\nJONES\n")
    got = rec(text)["paragraphs"]
    assert [p["n"] for p in got] == [1, 2, 3]  # type: ignore[union-attr, index]
    assert got[0]["text"].endswith("Connie Brown (USAID)")  # type: ignore[index]


def test_a_list_that_does_not_count_from_one_still_stops_the_reading() -> None:
    text = HEAD + ("¶1. WE WELCOME THE VISIT. THE ROOMS ARE: 4. Room A 5. Room B (EAST) 3. Room C (WEST)"
                   " 2. VISITORS ARE REMINDED THAT VISAS ARE REQUIRED.\n\nJONES\n")
    assert numbers(text) == [1]


def test_a_csv_break_written_with_a_space_for_the_newline_is_one_break() -> None:
    marks = ' ,,""'.join(f"LINE {n} OF THE FIELDS" for n in range(6))
    text = ("S E C R E T STATE 030927 " + marks + '\n\n1.  (S/NF)  THE OFFICERS APPRECIATE THE REPORTING AND LOOK ,"'
            ' "FORWARD TO MORE OF IT. ,"" ,""2.  (S/NF)  MANY THANKS. ,"" ,""CLINTON ,,""\n')
    got = rec(text)["paragraphs"]
    assert [p["n"] for p in got] == [1, 2]  # type: ignore[union-attr, index]
    assert "LOOK FORWARD TO MORE" in " ".join(got[0]["text"].split())  # type: ignore[index]


def test_an_indented_text_signs_as_the_text_unindented() -> None:
    body = HEAD + ("¶1. The contacts are as follows:\n\nPhone:  work:  +354-562-9100\n  home:  +354-517-2547\n\n\n"
                   "van Voorst\n")
    indented = "\n".join(("    " + line) if line.strip() else line for line in body.split("\n"))
    assert rec(body)["signer"] == rec(indented)["signer"] == "van Voorst"


def test_a_quoted_statement_numbered_from_one_keeps_its_numbers() -> None:
    # the statement's 3 goes on with its own list (1, 2), whatever the cable's order asks for
    text = HEAD + ("¶1. (C) Poloff delivered the demarche.\n\n¶2. (C) He gave the text of the statement: Begin Text:"
                   " Mr. Chairman, 1. I speak for the Union. 2. The Union thanks the Director. 3. The Union urges"
                   " cooperation. 4. Thank you. End Text.\n\nJONES\n")
    assert numbers(text) == [1, 2]
