"""The archive's box where a section of the cable is missing (``* Missing Section 002 *``, rules
``missing-section`` and ``missing-section-cut``): kept as written in the TEI, a block apart from
the text it cut off, named in a warning; the reading edition prints its own line in its place in
every rendition, the transcript the box as the source shows it."""

from __future__ import annotations

import json

import pytest

from convert.editorial import missing_label
from convert.model import NS, RawCable
from convert.normalize import normalize_traced
from convert.options import WriteOptions
from convert.textview import body_text, edition_text
from convert.writers import html, markdown
from convert.writers import json as json_writer

BOX = "*********************** * Missing Section {:03d} * ***********************"
HEAD = (
    "CONFIDENTIAL SECTION 01 OF 03 CAIRO 001204\n\nE.O. 12958: DECL: 06/30/2019\nTAGS: ECON EG\n"
    "SUBJECT: ECONOMISTS DISCUSS THE STIMULUS\n\n1. (C) The discussion was wide ranging.\n\n"
    "2. (C) The Chief Economist said that the deficit is high, so the"
)
#: the box glued to the text (a copy that lost its line breaks), and on three lines of its own
GLUED = HEAD + " " + BOX.format(2) + "\n"
THREE_LINES = HEAD + "\n\n***********************\n* Missing Section 002 *\n***********************\n\n" + (
    "***********************\n* Missing Section 003 *\n***********************\n"
)


def _cable(text: str):
    return normalize_traced(RawCable(source="cut.txt", form="text", body=text))


@pytest.mark.parametrize("text, sections", [(GLUED, [2]), (THREE_LINES, [2, 3])], ids=["glued", "three-lines"])
def test_the_box_is_a_block_of_its_own_kept_as_written(text: str, sections: list[int]) -> None:
    done = _cable(text)
    cable = done.cable
    boxes = cable.tei.findall(".//t:ab[@type='missing-section']", NS)
    assert [" ".join("".join(b.itertext()).split()) for b in boxes] == [BOX.format(n) for n in sections]
    last = cable.tei.find(".//t:p[@n='2']", NS)
    assert "".join(last.itertext()).endswith("so the")  # the cut-off paragraph keeps its words, no box
    assert "Missing" not in "".join(last.itertext())
    assert "missing-section" in done.fired
    warned = [w for w in cable.warnings if "Missing Section" in w]
    named = "sections 2 and 3" if len(sections) > 1 else "section 2"
    assert len(warned) == 1 and f"the source lacks {named} of the cable" in warned[0]


def test_the_edition_prints_its_line_the_transcript_the_box() -> None:
    cable = _cable(THREE_LINES).cable
    labels = [missing_label(b) for b in cable.tei.findall(".//t:ab[@type='missing-section']", NS)]
    assert labels == [
        "[Section 2 of the telegram is missing in the source]",
        "[Section 3 of the telegram is missing in the source]",
    ]
    edition = edition_text(cable)
    assert all(label in edition for label in labels) and "*****" not in edition
    assert edition.index(labels[0]) > edition.index("so the")
    assert "Missing Section 002" in body_text(cable) and labels[0] not in body_text(cable)
    page = html.write(cable, WriteOptions()).decode()
    assert labels[0] in page and "*****" not in page
    assert labels[1].replace("[", "\\[").replace("]", "\\]") in markdown.write(cable, WriteOptions()).decode()
    transcript = markdown.write(cable, WriteOptions(transcript=True)).decode()
    assert "Missing Section 003" in transcript and labels[1] not in transcript
    record = json.loads(json_writer.write(cable, WriteOptions()))
    assert any("Missing Section" in w for w in record["warnings"])


def test_a_box_inside_a_sentence_is_no_box() -> None:
    """The words ``Missing Section`` in a sentence, or a box without its rows, stay text."""
    text = HEAD + " of the report's Missing Section 2 list.\n\n3. (C) * Missing Section 002 * was its title.\n"
    cable = _cable(text).cable
    assert cable.tei.findall(".//t:ab[@type='missing-section']", NS) == []
    assert cable.tei.find(".//t:p[@n='3']", NS) is not None


def test_no_text_joins_the_box_over_a_page_break() -> None:
    """09TRIPOLI583: the box for section 1, a page-break line, then section 2's text going on in
    lower case: the text is no part of the box (``paragraph-rejoin`` would join it: the box ends
    in no sentence's end), nor the box of the text before it."""
    text = (
        HEAD.replace("so the", "so the box follows a page break.") + "\n\n" + BOX.format(1) + "\n\n"
        "CAIRO 00001204 002 OF 003\n\nfew days to several weeks due to the review.\n\n3. (C) The end.\n"
    )
    cable = _cable(text).cable
    boxes = cable.tei.findall(".//t:ab[@type='missing-section']", NS)
    assert [" ".join("".join(b.itertext()).split()) for b in boxes] == [BOX.format(1)]
    assert "few days" in edition_text(cable).split(missing_label(boxes[0]) or "?", 1)[1]
