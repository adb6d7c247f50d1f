"""The profile's Schematron (``convert/schema/cable-tei.sch``, issue 14): what RELAX NG cannot
say. Every golden and rule fixture passes it; each rule finds the fault it exists for."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from convert import schema, taxonomy
from convert.model import NS

HERE = Path(__file__).resolve().parent
GOLDEN = sorted((HERE / "golden").glob("*.tei.xml"))
RULE_INPUTS = sorted((HERE / "fixtures" / "rules").glob("*.txt"))
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _tree(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


def test_every_golden_and_rule_fixture_passes() -> None:
    """The goldens, and the TEI of every rule fixture's input (one cable per rule)."""
    from convert.model import RawCable
    from convert.normalize import normalize

    assert len(GOLDEN) >= 8 and len(RULE_INPUTS) > 50
    findings = {p.name: schema.schematron_errors(_tree(p)) for p in GOLDEN}
    for path in RULE_INPUTS:
        tei = normalize(RawCable(source=path.name, form="text", body=path.read_bytes().decode("utf-8"))).tei
        findings[path.name] = schema.schematron_errors(tei)
    assert {name: f for name, f in findings.items() if f} == {}


@pytest.fixture(scope="module")
def rabat() -> etree._Element:
    return _tree(HERE / "golden" / "09RABAT988.tei.xml")


def _one(tei: etree._Element, path: str) -> etree._Element:
    return tei.xpath(path, namespaces=NS)[0]  # type: ignore[no-any-return]


def _rules(tei: etree._Element) -> list[str]:
    return [finding.split(":", 1)[0] for finding in schema.schematron_errors(tei)]


def _broken(tei: etree._Element, path: str, attr: str, value: str | None) -> list[str]:
    tei = copy.deepcopy(tei)
    node = _one(tei, path)
    if value is None:
        del node.attrib[attr]
    else:
        node.set(attr, value)
    return _rules(tei)


@pytest.mark.parametrize("path, attr, value, rule", [
    ("//t:gap", "resp", "#c09RABAT988-nobody", "local-pointer-resolves"),
    ("//t:abstract//t:ptr", "target", "#summary", "local-pointer-resolves"),
    ("//t:p[@n='2']", "ana", "ctax:level-nowhere", "category-exists"),
    ("//t:p[@n='2']", "ana", "tax:level-secret", "prefix-declared"),
    ("//t:p[@n='3']", XML_ID, "c09RABAT988-p2", "id-unique"),
    ("//t:p[@n='3']", XML_ID, "normalizer-p3", "id-of-the-cable"),
    ("//t:correspAction[@type='sent']/t:date", "when", "2009-12-18T18:40:00Z", "sent-date-agrees"),
    ("//t:correspAction[@type='sent']/t:date", "source", "#c09RABAT988-p1", "sent-date-has-its-source"),
    ("//t:opener/t:dateline/t:date", "when", "2009-12-17T18:41:00Z", "dateline-agrees"),
    ("//t:p[@n='2']", "n", "7", "paragraph-in-sequence"),
    ("//t:gap", "rend", None, "gap-has-reason"),
])
def test_each_rule_finds_its_fault(rabat: etree._Element, path: str, attr: str, value: str | None, rule: str) -> None:
    assert _rules(rabat) == []
    assert rule in _broken(rabat, path, attr, value)


def test_a_repair_without_its_reason_is_found() -> None:
    tei = _tree(HERE / "golden" / "06BUCHAREST576.tei.xml")
    assert _broken(tei, "//t:corr", "type", None) == ["correction-has-reason"]
    assert _broken(tei, "//t:corr", "cert", None) == ["correction-has-reason"]
    beijing = _tree(HERE / "golden" / "09BEIJING1463.tei.xml")
    assert _broken(beijing, "//t:reg", "type", None) == ["regularisation-has-reason"]


def test_paragraph_numbers_out_of_sequence_carry_a_note(rabat: etree._Element) -> None:
    """A break in the numbering is allowed when a note in notesStmt points at the paragraph
    (the normalizer writes one for each break in the source); a note on a paragraph in
    sequence is a finding too."""
    from convert.model import RawCable
    from convert.normalize import normalize

    c = normalize(RawCable("t.txt", "text", "SECRET\n\nSUBJECT: X\n\n1. (S) One.\n\n3. (S) Three.\n\n4. (S) Four.\n"))
    notes = c.tei.xpath("//t:notesStmt/t:note[@type='numbering']", namespaces=NS)
    assert [(n.get("target"), n.text) for n in notes] == [
        ("#c-t.txt-p3", "¶3 follows ¶1: the source numbers its paragraphs so.")]
    assert schema.schematron_errors(c.tei) == []
    note = notes[0]
    note.set("target", "#c-t.txt-p4")
    assert sorted(_rules(c.tei)) == ["numbering-note-needless", "paragraph-in-sequence"]


def test_the_taxonomy_is_put_in_and_valid_tei() -> None:
    ids = taxonomy.category_ids()
    assert {"level-secret", "caveat-noforn", "precedence-priority", "tags-geographic"} <= ids
    # every id the code can produce is in the file
    produced = {taxonomy.level(name) for name in ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE",
                                                  "UNCLASSIFIED")}
    produced |= {taxonomy.caveat(c) for c in ("NOFORN", "SIPDIS", "SENSITIVE", "EFTO", "FOR OFFICIAL USE ONLY",
                                             "CORRECTED COPY", "NODIS", "EXDIS", "LIMDIS", "STADIS", "ORCON",
                                             "PROPIN", "REL TO USA", "FGI", "SBU")}
    produced |= {taxonomy.precedence(p) for p in ("FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "OPERATIONAL IMMEDIATE",
                                                  "PRIORITY", "ROUTINE", "Z", "O", "P", "R")}
    produced |= {taxonomy.tags_kind(t) for t in ("CH", "PREL", "NATO", "MEDVEDEV, DMITRY", "XX1")}
    assert None not in produced and produced <= ids
    tax = etree.fromstring(taxonomy.data())
    assert not schema.errors(schema.tei_all_schema(), tax)
