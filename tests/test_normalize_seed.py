"""Issue 2, acceptance 1: the seed cable, field by field."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.model import NS
from convert.options import ReadOptions
from convert.pipeline import to_cable
from convert.readers import Source, load_source
from convert.textview import reading_text, source_text
from convert.writers.json import record

SEED = Path(__file__).resolve().parents[1] / "data" / "seed-09BEIJING1463.txt"


@pytest.fixture(scope="module")
def seed():
    (item,) = list(load_source(Source(str(SEED), path=str(SEED)), ReadOptions()))
    return to_cable(item)


def x(cable, path):
    return cable.tei.xpath(path, namespaces=NS)


def test_seed_is_valid_tei(seed, assert_valid_tei):
    assert_valid_tei(seed.tei)


def test_paragraphs_one_to_six_with_damaged_numbers_repaired(seed):
    numbers = [p.get("n") for p in x(seed, "//t:div[@type='telegram']/t:p[@n]")]
    assert numbers == ["1", "2", "3", "4", "5", "6"]
    repairs = x(seed, "//t:label[@type='paragraph-number']/t:choice")
    # damage of copying (the web page's ¶ read as a 1): an error, corrected, with its certainty and reason
    assert [(c.findtext("t:sic", namespaces=NS), c.findtext("t:corr", namespaces=NS)) for c in repairs] == [
        ("11.", "1."), ("12.", "2."), ("13.", "3.")]
    assert {(c[1].get("cert"), c[1].get("type")) for c in repairs} == {("high", "paragraph-number")}


def test_tags_without_link_residue(seed):
    terms = x(seed, "//t:keywords[@scheme='ctax:tags']/t:term")
    assert [t.text for t in terms] == ["ETRD", "EIND", "KIPR", "ECON", "CH"]
    assert record(seed)["tags"] == ["ETRD", "EIND", "KIPR", "ECON", "CH"]
    # the residue is kept as the original beside the regularised tag (a scraping residue, no
    # error of the cable: a regularisation, orig/reg)
    assert x(seed, "//t:seg[@type='tags']//t:orig")[0].text == "[ETRD](#)"
    assert x(seed, "//t:seg[@type='tags']//t:reg/@type")[0] == "link-residue"


def test_subject_on_one_line(seed):
    assert seed.subject == "CHINA OBJECTS TO SPECIAL 301 DESIGNATION, WANTS MORE CARROT AND LESS STICK"


def test_reference_a_kept_and_resolved(seed):
    refs = record(seed)["references"]
    assert refs == [{"label": "A", "text": "State 41880", "id": "09STATE41880"}]
    assert x(seed, "//t:list[@type='references']/t:item/t:ref/@target") == ["cable:09STATE41880"]


def test_page_break_out_of_the_flow(seed):
    (fw,) = x(seed, "//t:fw[@type='header']")
    assert fw.text == "BEIJING 00001463 002 OF 002"
    assert x(seed, "//t:pb/@n") == ["2"]
    para6 = x(seed, "//t:p[@n='6']")[0]
    assert "opportunity for both countries to work together" in reading_text(para6)
    assert "BEIJING 00001463" not in reading_text(para6)
    assert "BEIJING 00001463 002 OF 002" in source_text(para6)


def test_signer_date_id(seed):
    rec = record(seed)
    assert rec["signer"] == "PICCUTA"
    assert rec["date"] == "2009-06-02T09:22:00Z"
    assert rec["id"] == seed.id == "09BEIJING1463"
    assert x(seed, "//t:closer/t:signed/t:persName")[0].text == "PICCUTA"


def test_classification_and_caveats(seed):
    assert x(seed, "//t:catRef[@scheme='ctax:classification']/@target") == ["ctax:level-unclassified"]
    assert x(seed, "//t:catRef[@scheme='ctax:caveats']/@target") == ["ctax:caveat-sensitive ctax:caveat-sipdis"]
    rec = record(seed)
    assert set(rec["caveats"]) == {"SENSITIVE", "SIPDIS"}
    assert rec["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


def test_summary_recognised(seed):
    (summary,) = x(seed, "//t:seg[@type='summary']")
    text = reading_text(summary)
    assert text.startswith("Summary: China objects") and text.endswith("End Summary.")
    assert x(seed, "//t:abstract//t:ptr/@target") == ["#c09BEIJING1463-summary"]
    assert summary.get("{http://www.w3.org/XML/1998/namespace}id") == "c09BEIJING1463-summary"


def test_routing_header_as_data(seed):
    rec = record(seed)
    assert rec["from"] == "AMEMBASSY BEIJING" and rec["origin"] == "Embassy Beijing"
    assert rec["to"] == [{"name": "SECSTATE WASHDC", "routing": "RUEHC", "precedence": "PRIORITY", "sequence": "4248"}]
    assert len(rec["info"]) == 10 and rec["info"][0]["name"] == "CHINA POSTS COLLECTIVE"
    assert rec["sections"] == 2
