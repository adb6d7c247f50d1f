"""scripts/a11y_pdf.py: page-validation (PDF/A-3a, PDF/UA-1) and pdfua on the PDFs the project
writes (issue 13). The seed and the controls are fast; 20 cables spread over the years and a
20-cable volume (from ../shared's cablegate pages) are slow."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pikepdf
import pytest
from writers_fixtures import seed_cable

from convert.options import WriteOptions
from convert.writers import pdf

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import a11y_pdf  # noqa: E402


def _report(findings: list[a11y_pdf.Finding]) -> list[str]:
    return [f"{f.tool} {f.rule}: {f.message}" for f in a11y_pdf.failing(findings)]


@pytest.fixture(scope="module")
def seed_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("a11y") / "seed.pdf"
    path.write_bytes(pdf.write(seed_cable(), WriteOptions()))
    return path


def test_the_default_pdf_passes_both_checkers(seed_file: Path) -> None:
    findings = a11y_pdf.check_pdf(seed_file)
    assert _report(findings) == []
    # what is left is pdfua's crash in UA-14-001, listed with its reason, the headings checked here
    assert [(f.tool, f.rule) for f in findings] == [("pdfua", "UA-14-001")]
    assert findings[0].checker_error == a11y_pdf.EMPTY_HEADING_SKIP
    assert a11y_pdf.empty_headings(seed_file) == []
    assert a11y_pdf.main([str(seed_file)]) == 0


def test_the_untagged_variant_fails_them(tmp_path: Path) -> None:
    path = tmp_path / "b.pdf"
    path.write_bytes(pdf.write(seed_cable(), WriteOptions(pdf_variant="pdf/a-3b")))
    rules = {f.rule for f in a11y_pdf.failing(a11y_pdf.check_pdf(path))}
    assert {"PDFA3A-STRUCT-TREE-ROOT-001", "PDFUA1-ID-PART-001", "UA-01-005"} <= rules
    assert a11y_pdf.main([str(path)]) == 1


def test_an_empty_heading_is_found_when_pdfua_cannot(tmp_path: Path, seed_file: Path) -> None:
    path = tmp_path / "empty-heading.pdf"
    with pikepdf.open(seed_file) as document:
        for element in _all(document.Root.StructTreeRoot):
            if element.get("/S") == "/H2":
                element.K = pikepdf.Array()
        document.save(path)
    assert a11y_pdf.empty_headings(path) == ["/H2 #2"]
    findings = a11y_pdf.check_pdf(path)
    assert ("a11y_pdf", "UA-14-001") in [(f.tool, f.rule) for f in a11y_pdf.failing(findings)]
    # the skip is no longer excused either
    assert any(f.tool == "pdfua" and f.checker_error is None for f in findings)


def _all(node: pikepdf.Object) -> list[pikepdf.Dictionary]:
    out, stack = [], [node]
    while stack:
        item = stack.pop()
        out.append(item)
        kids = item.get("/K")
        items = list(kids) if isinstance(kids, pikepdf.Array) else [kids]
        stack.extend(k for k in items if isinstance(k, pikepdf.Dictionary) and "/S" in k)
    return out


@pytest.mark.parametrize(("last", "crlf"), [(b"\r", True), (b"x", False)])
def test_a_stream_length_finding_is_excused_only_for_data_ending_in_cr(
        tmp_path: Path, last: bytes, crlf: bool) -> None:
    path = tmp_path / "s.pdf"
    with pikepdf.new() as document:
        document.Root.Extra = document.make_stream(b"abc" + last)
        document.save(path, object_stream_mode=pikepdf.ObjectStreamMode.disable,
                      compress_streams=False)
    with pikepdf.open(path) as saved:  # numbered as written
        objgen = saved.Root.Extra.objgen
    data = path.read_bytes()
    assert (b"stream\nabc" + last + b"\nendstream") in data
    assert a11y_pdf.stream_ends(path) == ({objgen} if crlf else set(), set())
    assert a11y_pdf.stream_length_excused(path, objgen) is crlf
    assert a11y_pdf.stream_length_excused(path, None) is crlf
    # a /Length that is really wrong is never excused
    path.write_bytes(data.replace(b"/Length 4", b"/Length 2"))
    assert a11y_pdf.stream_ends(path)[1] == {objgen}
    assert a11y_pdf.stream_length_excused(path, objgen) is False


# --- slow: 20 cables over the years, a 20-cable volume ---------------------------------------


@pytest.mark.slow
def test_twenty_cables_over_the_years_pass(cablegate, tmp_path: Path) -> None:
    from convert.api import convert_file

    pages = cablegate.copy(tmp_path / "pages", 20, step=320)  # 2000 to 2010
    assert len({page.parent.name for page in pages}) >= 7  # spread over the years
    failures: dict[str, list[str]] = {}
    for page in pages:
        [converted] = convert_file(page, to="pdf")
        path = tmp_path / f"{page.stem}.pdf"
        path.write_bytes(converted.outputs["pdf"])
        report = _report(a11y_pdf.check_pdf(path))
        if report:
            failures[page.stem] = report
    assert failures == {}


@pytest.mark.slow
def test_a_twenty_cable_volume_passes(cablegate, tmp_path: Path) -> None:
    from convert.api import convert_file
    from convert.volume import make_volume

    pages = cablegate.copy(tmp_path / "pages", 20, step=320)  # 2000 to 2010
    cables = [c.cable for page in pages for c in convert_file(page, to="tei")]
    data = pdf.write_volume(make_volume(cables), WriteOptions(), chunk_cables=8)  # three chunks
    path = tmp_path / "volume.pdf"
    path.write_bytes(data)
    with pikepdf.open(io.BytesIO(data)) as joined:
        assert len(joined.pages) > 40 and "/StructTreeRoot" in joined.Root
    assert _report(a11y_pdf.check_pdf(path)) == []
