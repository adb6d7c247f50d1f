"""A text run is not made a structure element of its own only to be folded away (issue 13,
the cost of a tagged volume): the tree is the one the finisher made from weasyprint's, node
for node (scripts/compare_tags.py), with none of the empty objects the fold left."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pikepdf
import pytest
from writers_fixtures import hand_tei, seed_cable

from convert.model import Cable
from convert.options import WriteOptions
from convert.writers import pdf, pdf_tags

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from compare_tags import compare


def _empty_objects(data: bytes) -> int:
    with pikepdf.open(io.BytesIO(data)) as document:
        return sum(1 for obj in document.objects if isinstance(obj, pikepdf.Dictionary) and not obj.keys())


def _as_weasyprint_builds_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """weasyprint's own tag for every element: a ``Span`` made for each text run."""
    from weasyprint.pdf import tags

    pdf_tags.install()
    monkeypatch.setattr(tags, "_get_pdf_tag", tags._get_pdf_tag.weasyprint)


@pytest.mark.parametrize("make", [seed_cable, hand_tei], ids=["seed", "redaction in a list"])
@pytest.mark.parametrize("variant", ["pdf/a-3a", "pdf/ua-1"])
def test_the_tree_is_the_same_without_the_spans_folded_away(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path, make: type[Cable], variant: str) -> None:
    cable = make()
    options = WriteOptions(pdf_variant=variant)
    ours = pdf.write(cable, options)
    with monkeypatch.context() as patch:
        _as_weasyprint_builds_it(patch)
        theirs = pdf.write(cable, options)
    # the folded spans, written as empty objects: only those of an HTML span of one run are left
    # (the seed: 62 of 199)
    assert 2 * _empty_objects(ours) < _empty_objects(theirs)
    (tmp_path / "theirs.pdf").write_bytes(theirs)
    (tmp_path / "ours.pdf").write_bytes(ours)
    assert compare(str(tmp_path / "theirs.pdf"), str(tmp_path / "ours.pdf")) == []
    assert len(ours) < len(theirs)


def test_a_volume_is_byte_for_byte_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """The join copies only the tree's elements (lists in the contents and the index, links,
    notes): the volume does not change by a byte, whichever way its pieces were tagged."""
    from convert.volume import make_volume

    volume = make_volume([seed_cable(), hand_tei()])
    ours = pdf.write_volume(volume, WriteOptions())
    with monkeypatch.context() as patch:
        _as_weasyprint_builds_it(patch)
        theirs = pdf.write_volume(volume, WriteOptions())
    assert ours == theirs
    with pikepdf.open(io.BytesIO(ours)) as document:
        types = {str(obj.S) for obj in document.objects
                 if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/StructElem"}
    assert {"/L", "/LI", "/Link", "/Lbl", "/Note", "/P", "/Span"} <= types


def test_compare_tags_sees_a_changed_tree(tmp_path: Path) -> None:
    data = pdf.write(seed_cable(), WriteOptions())
    (tmp_path / "a.pdf").write_bytes(data)
    with pikepdf.open(io.BytesIO(data)) as document:
        label = next(obj for obj in document.objects
                     if isinstance(obj, pikepdf.Dictionary) and obj.get("/S") == "/Lbl")
        label.S = pikepdf.Name.Span
        document.save(tmp_path / "b.pdf")
    with pikepdf.open(io.BytesIO(data)) as document:
        document.Root.StructTreeRoot.ParentTree.Nums[1][0] = None
        document.save(tmp_path / "c.pdf")
    assert compare(str(tmp_path / "a.pdf"), str(tmp_path / "a.pdf")) == []
    assert compare(str(tmp_path / "a.pdf"), str(tmp_path / "b.pdf"))
    assert compare(str(tmp_path / "a.pdf"), str(tmp_path / "c.pdf")) == ["parent tree differs"]
