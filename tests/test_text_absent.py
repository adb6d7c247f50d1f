"""A source that holds no text of the telegram after its preamble (rule ``text-absent``): a
``gap reason="not-in-source"`` where the text would stand, a warning, and a line every
rendition prints in its own words; a cable with any text, or with the archive's own "Missing
Section" box, gets none."""

from __future__ import annotations

import json

from convert import schema
from convert.editorial import TEXT_ABSENT_LABEL
from convert.model import NS, RawCable, SourceMetadata
from convert.normalize import normalize_traced
from convert.options import WriteOptions
from convert.textview import body_text, edition_text
from convert.writers import html, markdown
from convert.writers import json as json_writer

#: 08OSLO452's form: the page's preamble, its Classified By line cut, and a flattened copy of it
PREAMBLE = (
    "C O N F I D E N T I A L OSLO 000452\n\nSIPDIS\n\nE.O. 12958: DECL: 08/11/2018\nTAGS: PREL MARR NATO GG NO\n"
    "SUBJECT: NORWAY ON NAC STATEMENT ON GEORGIA\n\nREF: STATE 85678\n\nClassified By: Charge de Affairs Kevin M "
    "Johnson\nfor reasons ...\n"
)
META = SourceMetadata(kind="cablegate-table", id="08OSLO452", created="2008-08-11T15:17",
                      classification="CONFIDENTIAL", origin="Embassy Oslo")


def _cable(body: str):  # type: ignore[no-untyped-def]
    return normalize_traced(RawCable(source="08OSLO452.html", form="html", body=body, metadata=META))


def test_a_preamble_alone_gets_a_gap_a_warning_and_the_editions_line() -> None:
    done = _cable(PREAMBLE)
    cable = done.cable
    gaps = cable.tei.findall(".//t:div[@type='telegram']/t:gap[@reason='not-in-source']", NS)
    assert len(gaps) == 1 and "text-absent" in done.fired
    assert any("no text of the telegram" in w for w in cable.warnings)
    edition = edition_text(cable)
    assert TEXT_ABSENT_LABEL in edition and "redacted" not in edition
    page = html.write(cable, WriteOptions()).decode()
    assert TEXT_ABSENT_LABEL in page and "[redacted]" not in page
    md = markdown.write(cable, WriteOptions()).decode()
    assert TEXT_ABSENT_LABEL.replace("[", "\\[").replace("]", "\\]") in md
    # the transcript prints the line too, and its reading text has the same words
    transcript = markdown.write(cable, WriteOptions(transcript=True)).decode()
    assert TEXT_ABSENT_LABEL.replace("[", "\\[").replace("]", "\\]") in transcript
    assert TEXT_ABSENT_LABEL.strip("[]") in body_text(cable)
    record = json.loads(json_writer.write(cable, WriteOptions()))
    assert [b["subtype"] for b in record["body"] if b["type"] == "gap"] == ["not-in-source"]


def test_any_text_or_a_missing_section_box_gets_no_gap() -> None:
    for body in (PREAMBLE + "\n1. (C) Norway supports the statement.\n",
                 PREAMBLE + "\n*********************** * Missing Section 002 * ***********************\n"):
        done = _cable(body)
        assert done.cable.tei.findall(".//t:gap[@reason='not-in-source']", NS) == []
        assert "text-absent" not in done.fired
        assert not any("no text of the telegram" in w for w in done.cable.warnings)


def test_the_gap_is_valid_tei_of_the_profile_and_of_tei_all() -> None:
    tei = _cable(PREAMBLE).cable.tei
    assert schema.errors(schema.profile_schema(), tei) == []
    assert schema.errors(schema.tei_all_schema(), tei) == []
    assert schema.schematron_errors(tei) == []


def test_the_schematron_finds_an_absent_gap_without_its_description_or_with_characters() -> None:
    tei = _cable(PREAMBLE).cable.tei
    gap = tei.find(".//t:gap", NS)
    gap.set("rend", "XXXXXXXXXXXX")
    assert any(e.startswith("absent-gap-has-desc") for e in schema.schematron_errors(tei))
    del gap.attrib["rend"]
    gap.remove(gap.find("t:desc", NS))
    assert any(e.startswith("absent-gap-has-desc") for e in schema.schematron_errors(tei))
