"""Volumes (--book): order, contents, REF links to cables in the volume, index of TAGS."""

from __future__ import annotations

import io
import zipfile

import pytest
from writers_fixtures import hand_tei

from convert.errors import UsageError
from convert.model import Cable
from convert.options import WriteOptions
from convert.volume import github_slug, highest_classification, order, write_volume


@pytest.fixture(scope="module")
def cables() -> list[Cable]:
    # the referenced cable (09STATE41880) is in the volume, later in input order, earlier in date
    return [
        hand_tei(cable_id="09BEIJING1463", when="2009-06-02T09:22:00Z"),
        hand_tei(subject="SPECIAL 301 INSTRUCTIONS", cable_id="09STATE41880",
                 when="2009-04-30T12:00:00Z"),
    ]


def test_order_by_date_id_and_input(cables: list[Cable]) -> None:
    assert [f.id for _, f in order(cables, "date")] == ["09STATE41880", "09BEIJING1463"]
    assert [f.id for _, f in order(cables, "id")] == ["09BEIJING1463", "09STATE41880"]
    assert [f.id for _, f in order(cables, "input")] == ["09BEIJING1463", "09STATE41880"]
    with pytest.raises(UsageError):
        order(cables, "colour")


def test_pdf_volume_contents_links_and_bookmarks(cables: list[Cable]) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(write_volume(cables, "pdf", WriteOptions(), title="Vol")))
    assert reader.metadata["/Title"] == "Vol"
    titles = [item["/Title"] for item in reader.outline if not isinstance(item, list)]
    assert titles[:2] == ["Vol", "Contents"] and titles[-1] == "Index of TAGS"
    assert titles[2:4] == ["09STATE41880 \u2014 SPECIAL 301 INSTRUCTIONS",
                           "09BEIJING1463 \u2014 CHINA OBJECTS TO SPECIAL 301 DESIGNATION, "
                           "WANTS MORE CARROT"]
    assert sorted(reader.attachments) == ["09BEIJING1463.tei.xml", "09STATE41880.tei.xml"]
    links = [a.get_object() for page in reader.pages for a in page.get("/Annots", [])]
    assert any("/Dest" in link or "/A" in link for link in links)
    index = reader.pages[-1].extract_text()
    assert "KIPR" in index and "09STATE41880" in index


def test_epub_and_docx_and_markdown_volumes(cables: list[Cable]) -> None:
    import docx as python_docx

    data = write_volume(cables, "epub", WriteOptions(), sort="id")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        nav = archive.read("EPUB/nav.xhtml").decode()
        texts = b" ".join(archive.read(n) for n in archive.namelist() if n.endswith(".xhtml"))
    assert nav.index("#cable-09BEIJING1463-title") < nav.index("#cable-09STATE41880-title")
    assert b"#cable-09STATE41880-title" in texts  # the REF in 09BEIJING1463 is a link
    document = python_docx.Document(io.BytesIO(write_volume(cables, "docx", WriteOptions())))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    heading = "Telegram From the Embassy in China to the Department of State"
    assert headings.count(heading) == 2 and "Index of TAGS" in headings
    markdown = write_volume(cables, "md", WriteOptions()).decode()
    slug = github_slug("09STATE41880: SPECIAL 301 INSTRUCTIONS")
    assert f"](#{slug})" in markdown and "# Index of TAGS" in markdown
    assert "<" not in markdown.replace("\\<", "")


def test_highest_classification() -> None:
    facts = [hand_tei().view]
    assert highest_classification(facts) == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
