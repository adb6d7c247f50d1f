"""The edition acceptance script's own checks (scripts/eval_edition.py) on a hand-built cable
whose first numbered paragraph begins with a redaction: the edition prints it as its label,
so the script must look for the label's word, not the source's X-run."""

from __future__ import annotations

import sys
from pathlib import Path

from lxml import etree
from writers_fixtures import hand_tei

from convert.model import TEI_NS, Cable
from convert.options import WriteOptions
from convert.textview import edition_text
from convert.writers import epub, html, pdf

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import eval_edition

T = f"{{{TEI_NS}}}"


def redacted_first() -> Cable:
    """The hand-built cable with ¶1 opening on a redaction (as 07SEOUL1576 does)."""
    cable = hand_tei()
    summary = cable.tei.find(f".//{T}p[@n='1']/{T}seg[@type='summary']")
    gap = etree.Element(f"{T}gap", reason="redacted")
    etree.SubElement(gap, f"{T}desc").text = "XXXXXXXXXXXX"
    gap.tail = " " + (summary.text or "")
    summary.text = None
    summary.insert(0, gap)
    return cable


def test_the_first_words_are_read_as_the_edition_prints_them() -> None:
    cable = redacted_first()
    first = eval_edition.first_numbered(cable)
    assert first is not None and first.n == "1"
    assert eval_edition.lead(first)[0] == "XXXXXXXXXXXX"  # the view's text: the source's
    printed = eval_edition.edition_lead(cable, first)
    assert printed == ["redacted", "Summary", "China", "objects", "to"]
    page_one = eval_edition.pdf_page_one(pdf.write(cable, WriteOptions()))
    assert eval_edition.contains(page_one, printed)
    assert not eval_edition.contains(page_one, eval_edition.lead(first))
    offset = eval_edition.epub_offset(epub.write(cable, WriteOptions()), first, printed)
    assert offset is not None and offset < eval_edition.EPUB_LIMIT


def test_redactions_are_counted_as_each_mode_prints_them() -> None:
    cable = redacted_first()
    reference = edition_text(cable)
    edition = eval_edition.PRINTED_REDACTION["edition"]
    assert len(edition.findall(reference)) == 2  # ours and the fixture's own in ¶3
    page = eval_edition.EXTRACT["html"](html.write(cable, WriteOptions()))
    assert len(edition.findall(page)) == 2
    assert not eval_edition.PRINTED_REDACTION["transcript"].findall(page)
    transcript = eval_edition.EXTRACT["html"](html.write(cable, WriteOptions(transcript=True)))
    assert len(eval_edition.PRINTED_REDACTION["transcript"].findall(transcript)) == 2
