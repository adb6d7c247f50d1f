"""A PDF volume made in pieces (issue 12 item 14, issue 11 volume acceptance).

A tiny chunk size makes a seven-cable volume of four chunks: page numbers must run on across
the pieces, the contents must give the page where each document is headed, cross-references
must name document and page, bookmarks and links must resolve in the joined file. The same
volume in one chunk must read the same, page for page. Failures of a chunk (time limit, a
crashed renderer) stop the volume with a typed error and leave nothing behind.
"""

from __future__ import annotations

import io
import os
import signal
import sys
from pathlib import Path

import pytest
from writers_fixtures import hand_tei

from convert.errors import RenderError, TimeLimitError
from convert.model import Cable
from convert.options import WriteOptions
from convert.volume import make_volume
from convert.writers import pdf, pdf_pieces, pdf_volume

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from check_volume import check

LONG = "The delegation discussed the matter at length and agreed to meet again. " * 40
OPTIONS = WriteOptions(source_date_epoch=1_700_000_000)


def _cables() -> list[Cable]:
    # every hand-built cable refers to 09STATE41880, the earliest: references cross chunks
    cables = [hand_tei(subject="SPECIAL 301 INSTRUCTIONS", cable_id="09STATE41880",
                       when="2009-04-30T12:00:00Z", extra_paragraph=LONG)]
    for k in range(5):
        cables.append(hand_tei(subject=f"MEETING NUMBER {k}", cable_id=f"09PARIS{100 + k}",
                               when=f"2009-05-0{k + 1}T10:00:00Z", extra_paragraph=LONG * (k % 3 + 1)))
    cables.append(hand_tei())  # 09BEIJING1463, the latest
    return cables


@pytest.fixture(scope="module")
def pieces() -> bytes:
    volume = make_volume(_cables(), title="Seven cables")
    return pdf.write_volume(volume, OPTIONS, chunk_cables=2)


@pytest.fixture(scope="module")
def whole() -> bytes:
    volume = make_volume(_cables(), title="Seven cables")
    return pdf.write_volume(volume, OPTIONS, chunk_cables=100)


def test_chunks_split_by_count_and_size() -> None:
    entries = [pdf_pieces.Entry(id=f"X{i}", anchor="", heading="", date=None, subject="", tags=(),
                                origin=None, classification="", level=None, lang="en", stem="",
                                source="", tei="", size=size, seq=i)
               for i, size in enumerate([10, 10, 10, 50, 10])]
    assert [len(c) for c in pdf_volume.chunks(entries, 2, 1000)] == [2, 2, 1]
    assert [len(c) for c in pdf_volume.chunks(entries, 10, 40)] == [3, 1, 1]


def test_a_volume_of_four_chunks_numbers_contents_and_references_right(pieces: bytes) -> None:
    report = check(io.BytesIO(pieces))
    assert report.problems == []
    assert report.documents == report.contents_entries == report.contents_right == 7
    assert report.numbering_continuous
    # all seven cables (09STATE41880 too) refer to 09STATE41880, document 1: six from other chunks
    assert report.xrefs == report.xrefs_right == 7
    assert report.index_pages == report.index_headed >= 2
    assert report.bookmarks == report.bookmarks_right == 7
    assert report.links == report.links_resolved > 20
    assert report.ok


def test_pieces_read_as_one_document_page_for_page(pieces: bytes, whole: bytes) -> None:
    from pypdf import PdfReader

    split, one = PdfReader(io.BytesIO(pieces)), PdfReader(io.BytesIO(whole))
    assert len(split.pages) == len(one.pages) > 14
    for a, b in zip(split.pages, one.pages, strict=True):
        assert a.extract_text() == b.extract_text()
    assert list(split.page_labels) == list(one.page_labels)


def test_the_joined_file_keeps_outline_attachments_and_pdfa(pieces: bytes) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(pieces)) as joined:
        assert joined.check_pdf_syntax() == []  # qpdf reads every object and stream back
        assert sorted(joined.attachments) == sorted(f"{c.view.id}.tei.xml" for c in _cables())
        assert len(joined.Root.AF) == 7
        assert all(spec.AFRelationship == "/Source" for spec in joined.Root.AF)
        meta = joined.open_metadata(set_pikepdf_as_editor=False)
        assert meta.pdfa_status == "3A"  # the default is tagged (test_pdf_tags.py: the tree)
        assert "/OutputIntents" in joined.Root
        with joined.open_outline() as outline:
            titles = [item.title for item in outline.root]
            documents = [item for item in outline.root if item.title[:2] == "1."]
            assert documents and documents[0].children  # the paragraphs under the document
        assert titles[:2] == ["Seven cables", "Contents"]
        assert titles[2].startswith("1. 09STATE41880 \u2014 ")
        assert titles[-2:] == ["Index of TAGS", "Index of posts"]
        attached = joined.attachments["09BEIJING1463.tei.xml"].get_file().read_bytes()
        assert b"09BEIJING1463" in attached and attached.startswith(b"<?xml")


def test_a_reference_to_a_later_chunk_gets_its_page() -> None:
    # in input order 09BEIJING1463 comes first and refers to 09STATE41880, two chunks later
    cables = _cables()
    volume = make_volume([cables[-1], cables[1], cables[0]], sort="input", title="Forward")
    report = check(io.BytesIO(pdf.write_volume(volume, OPTIONS, chunk_cables=1)))
    assert report.problems == []
    assert report.xrefs == report.xrefs_right == 3  # 09STATE41880 refers to itself too


def _hang(piece: object, options: object) -> object:
    signal.pause()
    return piece


def _crash(piece: object, options: object) -> object:
    os.kill(os.getpid(), signal.SIGSEGV)
    return piece


@pytest.mark.parametrize(("fault", "code", "words"), [
    (_hang, TimeLimitError.exit_code, "not rendered within"),
    (_crash, RenderError.exit_code, "killed by SIGSEGV"),
])
def test_a_failing_chunk_stops_the_volume_with_one_line_and_no_output(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        fault: object, code: int, words: str) -> None:
    from convert.cli import main

    monkeypatch.setattr(pdf_pieces, "render_piece", fault)  # the forked renderer runs it
    out = tmp_path / "out"
    out.mkdir()
    seed = Path(__file__).resolve().parents[1] / "data" / "seed-09BEIJING1463.txt"
    argv = ["--book", "--to", "pdf", "--time-limit", "2", "-q", str(seed), "-o", str(out)]
    assert main(argv) == code
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and words in lines[0] and "--book" in lines[0]
    assert list(out.iterdir()) == []  # no volume, no job folder left


def test_a_volume_in_pieces_is_byte_reproducible() -> None:
    cables = _cables()
    volume = make_volume([cables[0], cables[-1]], title="Two")
    first = pdf.write_volume(volume, OPTIONS, chunk_cables=1)
    assert pdf.write_volume(volume, OPTIONS, chunk_cables=1) == first


def test_the_pieces_structure_trees_are_joined_into_one(pieces: bytes) -> None:
    import pikepdf

    with pikepdf.open(io.BytesIO(pieces)) as joined:
        root = joined.Root.StructTreeRoot
        assert len(root.K) == 1 and root.K[0].S == "/Document"
        document = root.K[0]
        parts = [kid for kid in document.K if kid.S == "/Part"]
        assert len(parts) >= 4  # front, contents, chunks, index: one Document holds them all
        assert all(kid.P.objgen == document.objgen for kid in document.K)
        tree = dict(pikepdf.NumberTree(root.ParentTree).items())
        keys = [int(page.obj.StructParents) for page in joined.pages]
        keys += [int(a.StructParent) for page in joined.pages for a in page.obj.get("/Annots", [])]
        assert len(keys) == len(set(keys)) and set(keys) == set(tree)  # shifted, none shared
        assert int(root.ParentTreeNextKey) == max(keys) + 1
        for page in joined.pages:  # each page's marked content maps into the joined tree
            for ref in tree[int(page.obj.StructParents)]:
                node = ref
                while node is not None and node.get("/Type") == "/StructElem":
                    node = node.get("/P")
                assert ref is None or node.objgen == root.objgen
        notes = dict(pikepdf.NameTree(root.IDTree).items())
        assert sorted(notes) == sorted(f"cable-{c.view.id}-source" for c in _cables())
        assert all(element.S == "/Note" for element in notes.values())
        assert joined.Root.MarkInfo.Marked is True and joined.Root.ViewerPreferences.DisplayDocTitle
        assert b'pdfuaid:part="1"' in joined.Root.Metadata.read_bytes()


def _report_collector(piece: pdf_pieces.Piece, options: WriteOptions) -> pdf_pieces.Piece:
    import gc

    piece.page_count = gc.get_threshold()[0]
    piece.anchors = {"frozen": gc.get_freeze_count()}
    return piece


def test_a_piece_is_made_in_a_process_that_collects_less(monkeypatch: pytest.MonkeyPatch,
                                                          tmp_path: Path) -> None:
    """The collector's settings of the piece's own process (what it inherited frozen, rarer
    passes: the tagged volume's time, issue 13); this process keeps its own."""
    import gc

    before = gc.get_threshold()
    monkeypatch.setattr(pdf_pieces, "render_piece", _report_collector)  # the forked renderer runs it
    piece = pdf_pieces.Piece("body", "test", str(tmp_path / "p.pdf"), 1, [], {}, frozenset())
    pdf_pieces.run_piece(piece, OPTIONS, None)
    assert piece.page_count == pdf_pieces.PIECE_GC_THRESHOLDS[0] != before[0]
    assert piece.anchors["frozen"] > 0
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
