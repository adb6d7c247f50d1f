"""Header provenance (issue 14, items 7 and 2): no absolute local path in any output, the
witness named in sourceDesc; every sent date says where it comes from and how sure it is."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.names import public_source
from convert.normalize import normalize
from convert.options import ReadOptions
from convert.readers import Source, load_source
from convert.writers.json import record

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed-09BEIJING1463.txt"
NO_DTG = ROOT / "data" / "cablegate" / "05SANAA1352.html"  # a page whose text has no date-time group
CSV = ROOT / "data" / "cables-sample-rows.csv"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@pytest.mark.parametrize(
    ("name", "published"),
    [
        ("C:\\Users\\ann\\cables.csv#3", "cables.csv#3"),
        ("~/x/seed.txt", "seed.txt"),
        ("corpus/2009/09X.html", "corpus/2009/09X.html"),
        ("seed.txt", "seed.txt"),
        ("<stdin>", "<stdin>"),
        ("<stdin>#4", "<stdin>#4"),
        ("https://example.org/cable/09X.html", "https://example.org/cable/09X.html"),
    ],
)
def test_public_source(name: str, published: str) -> None:
    assert public_source(name) == published


def test_public_source_cuts_an_absolute_local_path_to_its_file_name(tmp_path: Path) -> None:
    """A user's folder (here the test's own, absolute) never reaches an output; a CSV row keeps
    its number."""
    page = tmp_path / "cables" / "09X.html"
    assert page.is_absolute()
    assert public_source(str(page)) == "09X.html"
    assert public_source(f"{tmp_path / 'cables.csv'}#12") == "cables.csv#12"


def test_no_output_holds_the_absolute_path_of_its_input(tmp_path: Path) -> None:
    """Inputs named by absolute paths (a file, a page, a CSV of rows, a folder): no TEI, JSON,
    Markdown or HTML output holds the folder they were in."""
    inputs = tmp_path / "private-home-folder"
    inputs.mkdir()
    for source in (SEED, NO_DTG, CSV):
        shutil.copy(source, inputs / source.name)
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "convert", str(inputs), "-o", str(out), "--to", "tei,json,md,html"],
        capture_output=True, cwd=ROOT, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr
    # the cable outputs (the batch's own report and hidden resume state are no publication)
    outputs = [p for p in out.rglob("*") if p.is_file() and p.name.endswith((".tei.xml", ".json", ".md", ".html"))
               and p.name != "report.json" and not any(part.startswith(".") for part in p.relative_to(out).parts)]
    assert len(outputs) >= 4 * 4  # seed, page and at least two rows, four formats each
    for path in outputs:
        data = path.read_bytes()
        assert str(inputs).encode() not in data, path.name
        assert b"private-home-folder" not in data, path.name
    tei = etree.parse(str(out / "05SANAA1352.tei.xml")).getroot()
    assert tei.xpath("string(//t:revisionDesc/t:change)", namespaces=NS).endswith(" from 05SANAA1352.html.")
    source = tei.xpath("string(//t:bibl[@type='cablegate-table']/t:idno[@type='source'])", namespaces=NS)
    assert source == "05SANAA1352.html"


def _read(path: Path) -> RawCable:
    raw = next(iter(load_source(Source(name=str(path), path=str(path)), ReadOptions())))
    assert isinstance(raw, RawCable)
    return raw


def test_the_witness_is_named_and_the_state_department_is_not_the_publisher() -> None:
    tei = normalize(_read(NO_DTG)).tei
    path = "string(//t:sourceDesc/t:bibl[@type='cablegate-table']/t:title[@type='witness'])"
    witness = tei.xpath(path, namespaces=NS)
    assert "cablegate" in witness
    authority = tei.xpath("string(//t:publicationStmt/t:authority)", namespaces=NS)
    assert authority.startswith("Made with cable-convert") and "not a publication" in authority


def _sent_date(tei: etree._Element) -> etree._Element:
    [date] = tei.xpath("//t:correspAction[@type='sent']/t:date", namespaces=NS)
    return date  # type: ignore[no-any-return]


def _target(tei: etree._Element, pointer: str) -> etree._Element:
    assert pointer.startswith("#")
    [node] = [n for n in tei.iter() if n.get(XML_ID) == pointer[1:]]
    return node


def test_a_date_from_the_date_time_group_says_so(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    tei = normalize(RawCable(str(SEED), "text", SEED.read_text(encoding="utf-8"))).tei
    date = _sent_date(tei)
    assert (date.get("source"), date.get("resp"), date.get("cert")) == (
        "#c09BEIJING1463-dtg", "#c09BEIJING1463-normalizer", "high")
    target = _target(tei, date.get("source"))
    assert target.get("when") == date.get("when") and target.text == "020922Z JUN 09"
    assert_valid_tei(tei)


def test_a_date_from_the_page_table_says_so_and_how_unsure_it_is(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    cable = normalize(_read(NO_DTG))
    date = _sent_date(cable.tei)
    assert (date.get("source"), date.get("resp"), date.get("cert")) == (
        "#c05SANAA1352-created", "#c05SANAA1352-normalizer", "low")
    target = _target(cable.tei, date.get("source"))
    assert target.get("type") == "created"
    # the page table's time is UTC (its hour is the DTG's): typed with its zone, as the date
    assert target.get("when") == date.get("when") == "2005-05-23"  # (14:02: the minutes repeat the hour, the day only)
    assert record(cable)["source"] == "05SANAA1352.html"
    assert_valid_tei(cable.tei)
