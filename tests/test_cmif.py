"""``--to cmif``: one CMIF v1.0 file for a run's cables (issue 14), valid against the
project's statement of CMIF's rules (``convert/schema/cmif.rng`` and ``cmif.sch``)."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree

from convert import schema
from convert.cli import main
from convert.errors import UsageError
from convert.model import NS, Cable
from convert.writers import cmif, get_writer

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
GOLDEN = ROOT / "tests" / "golden"


def _parse(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("cmif")
    code = main([str(DATA), "-o", str(out), "--to", "tei,cmif", "-q", "-j", "1", "--publisher",
                 "A. Historian", "--cmif-url", "https://example.org/cables.cmif.xml"])
    assert code == 0
    return out


def test_one_file_for_the_run_valid_and_one_letter_per_cable(run: Path) -> None:
    cables = sorted(run.glob("*.tei.xml"))
    assert len(cables) >= 8
    assert sorted(p.name for p in run.glob("*.cmif.xml")) == ["cables.cmif.xml"]  # no file per cable
    tree = _parse(run / "cables.cmif.xml")
    assert schema.cmif_errors(tree, warnings=True) == []
    letters = tree.xpath("//t:correspDesc", namespaces=NS)
    assert len(letters) == len(cables)
    ids = {p.name.removesuffix(".tei.xml") for p in cables}
    assert {d.get("ref") for d in letters} == {cmif.cable_url(i) for i in ids}
    assert tree.xpath("string(//t:publicationStmt/t:idno[@type='url'])", namespaces=NS) == \
        "https://example.org/cables.cmif.xml"
    assert tree.xpath("string(//t:publisher)", namespaces=NS) == "A. Historian"
    for letter in letters:  # CMIF's dates are days; both actions are there
        assert [a.get("type") for a in letter.xpath("t:correspAction", namespaces=NS)] == ["sent", "received"]
        for when in letter.xpath(".//t:date/@when", namespaces=NS):
            assert len(when) == 10


def test_a_cable_as_cmif_says_its_offices_signer_place_and_day() -> None:
    cable = Cable(tei=_parse(GOLDEN / "09BEIJING1463.tei.xml"), source="09BEIJING1463.tei.xml")
    desc = cmif.corresp_desc(cable, "#b")
    sent, received = desc.xpath("t:correspAction", namespaces=NS)
    assert [(n.tag.split("}")[1], n.text, dict(n.attrib)) for n in sent] == [
        ("persName", "PICCUTA", {}), ("orgName", "AMEMBASSY BEIJING", {}), ("placeName", "Beijing", {}),
        ("date", None, {"when": "2009-06-02"})]
    # the action addressee, not the info ones; no key, precedence or serial number (CMIF: text)
    assert [(n.tag.split("}")[1], n.text, dict(n.attrib)) for n in received] == [
        ("orgName", "SECSTATE WASHDC", {}), ("placeName", "Washington", {})]
    assert desc.get("ref") == "https://wikileaks.org/plusd/cables/09BEIJING1463_a.html"


def test_with_no_fm_line_the_office_is_the_metadata_origin() -> None:
    cable = Cable(tei=_parse(GOLDEN / "05SANAA1352.tei.xml"), source="05SANAA1352.tei.xml")
    assert not cable.tei.xpath("//t:correspAction[@type='sent']/t:orgName", namespaces=NS)
    sent = cmif.corresp_desc(cable, "#b").xpath("t:correspAction[@type='sent']", namespaces=NS)[0]
    assert sent.xpath("t:orgName/text()", namespaces=NS) == ["Embassy Sanaa"]


def test_a_date_from_the_page_table_keeps_its_low_certainty_and_no_one_is_unknown() -> None:
    tei = copy.deepcopy(_parse(GOLDEN / "09BEIJING1463.tei.xml"))
    date = tei.xpath("//t:correspAction[@type='sent']/t:date", namespaces=NS)[0]
    date.set("cert", "low")
    for action in tei.xpath("//t:correspAction[@type='received']", namespaces=NS):
        action.getparent().remove(action)
    desc = cmif.corresp_desc(Cable(tei=tei, source="x"), "#b")
    assert desc.xpath("t:correspAction[@type='sent']/t:date/@cert", namespaces=NS) == ["low"]
    # CMIF: an addressee not known is the person "Unknown", never a missing action
    assert desc.xpath("t:correspAction[@type='received']/t:persName/text()", namespaces=NS) == ["Unknown"]


@pytest.fixture(scope="module")
def good(run: Path) -> etree._Element:
    return _parse(run / "cables.cmif.xml")


def _codes(tree: etree._Element) -> list[str]:
    return [finding.split(":", 1)[0] for finding in schema.cmif_errors(tree, warnings=True)]


@pytest.mark.parametrize(("fault", "code"), [
    ("//t:correspDesc[1]/t:correspAction[@type='sent']", "E0001"),
    ("//t:correspDesc[1]/t:correspAction[@type='received']", "E0002"),
])
def test_the_rules_find_a_missing_action(good: etree._Element, fault: str, code: str) -> None:
    tree = copy.deepcopy(good)
    node = tree.xpath(fault, namespaces=NS)[0]
    node.getparent().remove(node)
    assert code in _codes(tree)


def test_the_rules_find_a_wrong_source_a_time_of_day_and_an_id_not_a_uuid(good: etree._Element) -> None:
    tree = copy.deepcopy(good)
    tree.xpath("//t:correspDesc[1]", namespaces=NS)[0].set("source", "#elsewhere")
    assert "E0003" in _codes(tree)
    tree = copy.deepcopy(good)
    tree.xpath("//t:correspDesc//t:date", namespaces=NS)[0].set("when", "2009-06-02T09:22:00Z")
    assert any("when" in finding or "date" in finding for finding in schema.cmif_errors(tree))
    tree = copy.deepcopy(good)
    bibl = tree.xpath("//t:sourceDesc/t:bibl", namespaces=NS)[0]
    old = bibl.get("{http://www.w3.org/XML/1998/namespace}id")
    bibl.set("{http://www.w3.org/XML/1998/namespace}id", "edition")
    for desc in tree.xpath("//t:correspDesc", namespaces=NS):
        desc.set("source", "#edition")
    assert _codes(tree) == ["W0001"] and schema.cmif_errors(tree) == []  # a warning only
    assert old and old[0].isalpha() and cmif.bibl_id("https://example.org/a") == cmif.bibl_id("https://example.org/a")


def test_reproducible_and_a_volume_makes_one_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    made = []
    for name in ("a", "b"):
        assert main([str(DATA / "cablegate"), "-o", str(tmp_path / name), "--to", "cmif", "-q"]) == 0
        made.append((tmp_path / name / "cables.cmif.xml").read_bytes())
    assert made[0] == made[1] and b'<date when="2023-11-14T22:13:20Z"/>' in made[0]
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["cables.cmif.xml"]
    assert main([str(DATA / "cablegate"), "-o", str(tmp_path / "book"), "--book", "--to", "md,cmif", "-q"]) == 0
    assert sorted(p.name for p in (tmp_path / "book").iterdir()) == ["volume.cmif.xml", "volume.md"]


def test_not_per_cable_and_not_streamed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(UsageError):
        get_writer("cmif")
    assert main([str(DATA / "seed-09BEIJING1463.txt"), "-o", "-", "--to", "cmif"]) == UsageError.exit_code
    assert "cmif" in capsys.readouterr().err


def test_the_batch_layer_refuses_it_per_cable(tmp_path: Path) -> None:
    from convert.batch import run
    from convert.options import ConvertOptions

    with pytest.raises(UsageError, match="not by the batch"):
        run([str(DATA / "seed-09BEIJING1463.txt")], tmp_path, ConvertOptions(formats=("tei", "cmif")))
    assert not list(tmp_path.glob("*.tei.xml"))
