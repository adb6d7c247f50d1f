"""The shared taxonomy beside the TEI outputs (issue 14): every ``ctax:`` pointer of a TEI
output resolves in the ``cable-taxonomy.xml`` written once in its folder, and a later run
over that folder never reads the taxonomy (or a CMIF file) as a cable."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from convert import taxonomy
from convert.cli import main
from convert.model import NS
from convert.readers.listing import COMPANION_NAMES, COMPANION_SUFFIX, is_cable_file
from convert.writers import COLLECTIONS

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _pointers_resolve(tei_path: Path) -> int:
    beside = etree.parse(str(tei_path.parent / taxonomy.FILE)).getroot()
    ids = {str(i) for i in beside.xpath("//@xml:id")}
    tei = etree.parse(str(tei_path)).getroot()
    pointers = [t for v in tei.xpath("//@target | //@ana | //@scheme") for t in str(v).split()
                if t.startswith("ctax:")]
    assert [p for p in pointers if p[5:] not in ids] == []
    # the prefix the document declares leads to the file beside it
    replacement = tei.xpath("string(//t:prefixDef[@ident='ctax']/@replacementPattern)", namespaces=NS)
    assert replacement == taxonomy.FILE + "#$1"
    return len(pointers)


def test_written_once_per_folder_resolving_every_pointer(tmp_path: Path) -> None:
    flat, tree = tmp_path / "flat", tmp_path / "tree"
    assert main([str(DATA), "-o", str(flat), "--to", "tei", "-q", "-j", "1"]) == 0
    assert (flat / taxonomy.FILE).read_bytes() == taxonomy.data()
    outputs = sorted(flat.glob("*.tei.xml"))
    assert len(outputs) >= 8 and sum(_pointers_resolve(p) for p in outputs) > 20
    assert main([str(DATA), "-o", str(tree), "--to", "tei,json", "--layout", "tree", "-q", "-j", "1"]) == 0
    folders = {p.parent for p in tree.rglob("*.tei.xml")}
    assert len(folders) > 1  # a folder per year
    assert {p.parent for p in tree.rglob(taxonomy.FILE)} == folders
    for path in tree.rglob("*.tei.xml"):
        _pointers_resolve(path)
    # not beside the JSON, which points nowhere
    assert not list((tree / "json").rglob(taxonomy.FILE))


def test_a_changed_or_missing_copy_is_put_back_and_an_unchanged_one_left(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main([str(DATA / "cablegate"), "-o", str(out), "--to", "tei", "-q", "-j", "1"]) == 0
    placed = out / taxonomy.FILE
    placed.write_text("edited", encoding="utf-8")
    assert main([str(DATA / "cablegate"), "-o", str(out), "--to", "tei", "-q", "-j", "1"]) == 0  # all up to date
    assert placed.read_bytes() == taxonomy.data()
    before = placed.stat().st_mtime_ns
    assert main([str(DATA / "cablegate"), "-o", str(out), "--to", "tei", "-q", "-j", "1"]) == 0
    assert placed.stat().st_mtime_ns == before


def test_a_later_run_over_the_output_folder_reads_its_cables_only(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    assert main([str(DATA / "cablegate"), "-o", str(first), "--to", "tei,cmif", "-q", "-j", "1"]) == 0
    assert (first / taxonomy.FILE).is_file() and (first / "cables.cmif.xml").is_file()
    assert main([str(first), "-o", str(second), "--to", "json", "-q", "-j", "1"]) == 0  # no error for either
    cables = [p for p in second.glob("*.json") if p.name != "report.json"]
    assert len(cables) == len(list(first.glob("*.tei.xml"))) == 5
    assert not is_cable_file(first / taxonomy.FILE) and not is_cable_file(first / "cables.cmif.xml")
    assert is_cable_file(first / "05SANAA1352.tei.xml")
    # the names the folder walk passes over are the ones the writers use
    assert taxonomy.FILE in COMPANION_NAMES
    assert all(COMPANION_SUFFIX == "." + spec.extension for spec in COLLECTIONS.values())


def test_a_taxonomy_that_cannot_be_written_fails_the_run_and_leaves_the_cables(
        tmp_path: Path, capsys: object) -> None:
    """The taxonomy is a file of the run: when it cannot be written (here a folder holds its
    name) the cables' own files stand, the error names the file, the report records it, and
    the run exits with the output-error code rather than 0."""
    import json

    from convert.errors import OutputError

    out = tmp_path / "out"
    (out / taxonomy.FILE).mkdir(parents=True)
    seed = DATA / "seed-09BEIJING1463.txt"
    assert main([str(seed), "-o", str(out), "--to", "tei", "-j", "1"]) == OutputError.exit_code
    err = capsys.readouterr().err  # type: ignore[attr-defined]
    lines = [line for line in err.splitlines() if taxonomy.FILE in line]
    assert len(lines) == 1 and lines[0].startswith(f"cable-convert: {out / taxonomy.FILE}: ")
    assert (out / "09BEIJING1463.tei.xml").is_file()
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["run_errors"] == lines and report["totals"]["failed"] == 0
