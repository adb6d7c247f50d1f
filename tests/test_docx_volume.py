"""The volume DOCX in sections (convert/writers/docx_sections.py): the title page without
running heads, the contents, one section per cable starting on a new page with that cable's
own classification in its header and footer (not the volume's highest), then the index; the
contents and index give each cable's page (PAGEREF fields, computed by LibreOffice)."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest
from test_writers_docx_libreoffice import soffice

from convert.api import convert_file
from convert.model import Cable
from convert.options import WriteOptions
from convert.volume import make_volume, write_volume

ROOT = Path(__file__).resolve().parents[1]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture(scope="module")
def cables() -> list[Cable]:
    """The repository's five cablegate pages: SECRET, SECRET//NOFORN, CONFIDENTIAL and
    UNCLASSIFIED//FOR OFFICIAL USE ONLY cables."""
    pages = sorted((ROOT / "data" / "cablegate").glob("*.html"))
    return [convert_file(page, to="tei")[0].cable for page in pages]


@pytest.fixture(scope="module")
def volume_docx(cables: list[Cable]) -> bytes:
    return write_volume(cables, "docx", WriteOptions(source_date_epoch=1_700_000_000))


def sections_of_headings(document) -> list[tuple[int, str]]:
    """(section index, text) of every Heading 1 paragraph, the body read in order (a
    paragraph whose properties hold a sectPr is the last of its section)."""
    found, section = [], 0
    for paragraph in document.element.body.iterchildren(f"{W}p"):
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None and style.get(f"{W}val") == "Heading1":
            found.append((section, "".join(t.text or "" for t in paragraph.iter(f"{W}t"))))
        if paragraph.find(f"{W}pPr/{W}sectPr") is not None:
            section += 1
    return found


def test_one_section_per_cable_with_its_own_classification(cables: list[Cable],
                                                          volume_docx: bytes) -> None:
    import docx as python_docx
    from docx.enum.section import WD_SECTION_START

    views = make_volume(cables).views
    assert len({view.classification for view in views}) >= 3  # the check means something
    document = python_docx.Document(io.BytesIO(volume_docx))
    sections = document.sections
    assert len(sections) == 1 + 1 + len(views) + 1  # title, contents, the cables, the index
    assert all(section.start_type == WD_SECTION_START.NEW_PAGE for section in sections)
    title = sections[0]
    assert title.header.is_linked_to_previous and title.footer.is_linked_to_previous  # no heads
    highest = make_volume(cables).classification()
    for section, label in ((sections[1], "Contents"), (sections[-1], "Index of TAGS")):
        assert [p.text for p in section.header.paragraphs] == [highest]
        assert section.footer.paragraphs[1].text.startswith(f"{label} \u2014 Page ")
    for view, section in zip(views, sections[2:-1], strict=True):
        assert [p.text for p in section.header.paragraphs] == [view.classification]
        assert section.footer.paragraphs[0].text == view.classification
        assert section.footer.paragraphs[1].text.startswith(f"{view.id} \u2014 Page ")
    # each cable's heading opens its own section, in volume order
    headings = sections_of_headings(document)
    telegrams = [index for index, text in headings if text.startswith(("Telegram", "Circular"))]
    assert telegrams == list(range(2, 2 + len(views)))
    assert (1, "Contents") in headings and (len(sections) - 1, "Index of TAGS") in headings
    fields = [i.text for i in document.element.body.iter(f"{W}instrText")]
    anchors = [f" PAGEREF cable-{view.id}-title \\h " for view in views]
    assert fields[:len(views)] == anchors  # the contents, in volume order
    assert sorted(set(fields[len(views):])) == sorted(anchors)  # the index: each cable's page


def test_the_sections_are_reproducible(cables: list[Cable], volume_docx: bytes) -> None:
    assert write_volume(cables, "docx", WriteOptions(source_date_epoch=1_700_000_000)) == volume_docx


def test_libreoffice_heads_each_cables_pages_with_its_classification(
        cables: list[Cable], volume_docx: bytes, tmp_path: Path) -> None:
    from pypdf import PdfReader

    source = tmp_path / "volume.docx"
    source.write_bytes(volume_docx)
    done = subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=300, check=False)
    target = tmp_path / "volume.pdf"
    assert done.returncode == 0 and target.exists(), done.stderr.decode(errors="replace")
    views = {view.id: view for view in make_volume(cables).views}
    pages = [page.extract_text().splitlines() for page in PdfReader(str(target)).pages]
    assert not any(line in views[cid].classification for cid in views for line in pages[0])
    seen = []
    for lines in pages[1:]:
        footer = lines[-1]  # "ID — Page N of M"
        label = footer.split(" \u2014 Page ")[0]
        if label in views:
            seen.append(label)
            assert lines[0] == views[label].classification, footer  # the header
            assert lines[-2] == views[label].classification, footer
    assert sorted(set(seen)) == sorted(views)
    firsts = [lines[1] for lines in pages[1:]]
    assert sum(line.startswith("Telegram From") for line in firsts) == len(views)  # new pages
    # the contents give the page where each cable's section begins
    first_page = {}
    for number, lines in enumerate(pages, start=1):
        first_page.setdefault(lines[-1].split(" \u2014 Page ")[0], number)
    contents = " ".join(pages[1])
    listed = dict(re.findall(r"(\d\d[A-Z]+\d+): .*?\(page (\d+)\)", contents))
    assert listed == {cid: str(first_page[cid]) for cid in views}


def test_a_cable_given_twice_has_two_sections(cables: list[Cable]) -> None:
    import docx as python_docx

    twice = [cables[0], cables[1], cables[0]]
    document = python_docx.Document(io.BytesIO(write_volume(twice, "docx", WriteOptions(),
                                                            sort="input")))
    sections = document.sections
    assert len(sections) == 3 + 3
    labels = [s.footer.paragraphs[-1].text.split(" \u2014 Page ")[0] for s in sections[2:-1]]
    assert labels == [cables[0].view.id, cables[1].view.id, cables[0].view.id]
    assert [i for i, _ in sections_of_headings(document)][1:-1] == [2, 3, 4]
