"""Issue 12 item 10: the JSON record carries the whole reading text of the cable, in order.

The record's ``paragraphs`` are the numbered paragraphs only (TEI-PROFILE.md); ``body`` holds
every block of the TEI body: over 200 pages, 19.6 % of the reading words were in no
paragraph (``scripts/json_words.py`` measures it). Here the words of ``body`` must be the
words of the TEI body's reading text, one for one, in order: the bundled samples (every
one) and a spread of cablegate pages unpacked from ../shared."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from batch_support import Pages

from convert.api import convert_file
from convert.model import TEI_NS, Cable
from convert.textview import reading_text
from convert.writers.json import record

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = sorted(p for p in (ROOT / "data").rglob("*") if p.is_file() and not p.name.startswith("."))
#: a word: letters and figures (a rule of underscores is none: the record's body leaves rules out)
WORD = re.compile(r"[^\W_]+")


def reading_words(cable: Cable) -> list[str]:
    body = cable.tei.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    return WORD.findall(reading_text(body))


def record_words(data: dict[str, Any]) -> list[str]:
    """The words of ``body`` in order; a paragraph's number stands for its label."""
    words: list[str] = []
    for block in data["body"]:
        if isinstance(block["n"], int):
            words.append(str(block["n"]))
        words += WORD.findall(block["marking"] or "")
        words += WORD.findall(block["text"])
        for item in block.get("items", ()):
            words += WORD.findall(item["label"] or "")
            words += WORD.findall(item["text"])
    return words


def check(cable: Cable) -> None:
    reading, carried = reading_words(cable), record_words(record(cable))
    if reading != carried:
        at = next((i for i, (a, b) in enumerate(zip(reading, carried, strict=False)) if a != b),
                  min(len(reading), len(carried)))
        pytest.fail(f"{cable.source}: {len(reading)} reading words, {len(carried)} in the record; "
                    f"first difference at word {at}: reading {reading[at:at + 8]}, "
                    f"record {carried[at:at + 8]}")


def test_every_reading_word_of_the_bundled_samples_is_in_the_record() -> None:
    cables = [converted.cable for path in BUNDLED for converted in convert_file(path, to="tei")]
    assert len(cables) >= 8  # the seed, five pages, the two rows of the sample CSV
    for cable in cables:
        check(cable)


def test_every_reading_word_of_cablegate_pages_is_in_the_record(cablegate: Pages, tmp_path: Path) -> None:
    pages = cablegate.copy(tmp_path, 44)  # every 151st page of the archive: all years
    unnumbered = 0
    for page in pages:
        [converted] = convert_file(page, to="tei")
        check(converted.cable)
        data = record(converted.cable)
        unnumbered += sum(1 for block in data["body"] if block["type"] == "p" and block["n"] is None)
    assert unnumbered > 0, "the spread holds unnumbered paragraphs (what the record used to leave out)"


def test_blocks_keep_their_type_and_paragraphs_keep_their_meaning() -> None:
    """``body`` names each block's TEI element and type; ``paragraphs`` stays the numbered
    paragraphs (n, marking, text): ``body``'s numbered ones, each with the unnumbered paragraphs
    that follow it before the next number (¶5 goes on in ``As an example, she cited her son …``:
    the citation unit ¶5 is both, a blank line between)."""
    [converted] = convert_file(ROOT / "data" / "seed-09BEIJING1463.txt", to="tei")
    data = record(converted.cable)
    kinds = [(block["type"], block["subtype"], block["n"]) for block in data["body"]]
    assert kinds == [("opener", None, None), ("head", "subject", None), ("p", None, None),
                     ("list", "references", None), ("p", None, 1), ("p", None, 2), ("p", None, 3),
                     ("p", None, 4), ("p", None, 5), ("p", None, None), ("p", None, 6),
                     ("closer", None, None)]
    [refs] = [block for block in data["body"] if block["type"] == "list"]
    assert refs["text"] == "Ref A:" and refs["items"] == [{"label": None, "n": "A", "text": "State 41880"}]
    assert data["body"][9]["text"].startswith("As an example, she cited her son")
    numbered = [{"n": b["n"], "marking": b["marking"], "text": b["text"]} for b in data["body"] if b["n"]]
    numbered[4]["text"] += "\n\n" + data["body"][9]["text"]
    assert data["paragraphs"] == numbered


QUOTED = """UNCLAS SECTION 01 OF 01 LONDON 002125

SIPDIS

E.O. 12958: N/A
TAGS: EWWT, IMO, UK
SUBJECT: IMO TECHNICAL COOPERATION COMMITTEE

1. The report continues: (BEGIN QUOTE) "The Secretary-General thanked the delegation." (END QUOTE).

2. Nothing else.

SUSMAN
"""


def test_a_quotation_inside_a_sentence_reads_with_no_space_at_its_edges(tmp_path: Path) -> None:
    """A ``quote`` that runs in its paragraph is no block of the reading text: the record prints
    ``(BEGIN QUOTE)`` as the cable does, not ``( BEGIN QUOTE)`` … ``(END QUOTE )``."""
    source = tmp_path / "quoted.txt"
    source.write_text(QUOTED, encoding="utf-8")
    (converted,) = convert_file(source, to="tei")
    assert converted.cable.tei.find(f".//{{{TEI_NS}}}p/{{{TEI_NS}}}quote") is not None  # the case is the one meant
    texts = [p["text"] for p in record(converted.cable)["paragraphs"]]
    assert texts[0] == ('The report continues: (BEGIN QUOTE) "The Secretary-General thanked the delegation." '
                        '(END QUOTE).')
