"""Check a DOCX volume (issue 11): one section per cable under that cable's own
classification, each cable on a new page, contents and index giving the right pages.

    python scripts/check_volume_docx.py VOLUME.docx INPUT... [--no-libreoffice]

INPUTs are the volume's cables as given to ``--book`` (files or folders): they are read
again to know each cable's classification. Every figure is read back from the DOCX (python-
docx: sections, their headers and footers, where each cable's heading stands) and from the
PDF LibreOffice makes of it (pypdf: each page's header and footer, the pages the contents and
the index name). Prints a table; exit 1 when any check fails.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import tempfile
from collections import Counter
from pathlib import Path

from exporters_corpus import Cable, load_cables

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
PAGE_REF = re.compile(r"(\d\d[A-Z][A-Z-]*\d+)\S*?\s*(?:: .*?)?\(page (\d+)\)", re.S)


def expected(inputs: list[str]) -> dict[str, str]:
    """Each input cable's id and classification line, from the pipeline."""
    out: dict[str, str] = {}
    for _, cable in load_cables([Path(i) for i in inputs]):
        if isinstance(cable, Cable):
            out[cable.view.id] = cable.view.classification
    return out


def heading_sections(document: object) -> Counter[int]:
    """How many cable headings ("Telegram …"/"Circular …" in Heading 1) each section holds."""
    found: Counter[int] = Counter()
    section = 0
    for paragraph in document.element.body.iterchildren(f"{W}p"):  # type: ignore[attr-defined]
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        text = "".join(t.text or "" for t in paragraph.iter(f"{W}t"))
        if style is not None and style.get(f"{W}val") == "Heading1" and \
                text.startswith(("Telegram", "Circular")):
            found[section] += 1
        if paragraph.find(f"{W}pPr/{W}sectPr") is not None:
            section += 1
    return found


def check_docx(data: bytes, classes: dict[str, str], rows: list[tuple[str, int, int]]) -> None:
    import docx as python_docx
    from docx.enum.section import WD_SECTION_START

    document = python_docx.Document(io.BytesIO(data))
    sections = document.sections
    cable_sections = sections[2:-1]
    rows.append(("sections: title, contents, one per cable, index", len(sections),
                 len(classes) + 3))
    rows.append(("sections starting on a new page",
                 sum(s.start_type == WD_SECTION_START.NEW_PAGE for s in sections), len(sections)))
    right = 0
    for section in cable_sections:
        label = section.footer.paragraphs[-1].text.split(" \u2014 Page ")[0]
        header = [p.text for p in section.header.paragraphs]
        right += label in classes and header == [classes[label]]
    rows.append(("cable sections headed by their own cable's classification", right, len(classes)))
    per_section = heading_sections(document)
    rows.append(("cable sections holding exactly one cable heading",
                 sum(per_section[i] == 1 for i in range(2, 2 + len(cable_sections))), len(classes)))
    style = document.styles["Heading 1"]
    rows.append(("Heading 1 with keep-with-next (python-docx)",
                 int(style.paragraph_format.keep_with_next is True), 1))


def libreoffice_pages(data: bytes, work: Path) -> list[list[str]]:
    from exporters_corpus import soffice_to_pdf

    source = work / "volume.docx"
    source.write_bytes(data)
    soffice_to_pdf([source], work)
    target = work / "volume.pdf"
    if not target.exists():
        return []
    from pypdf import PdfReader

    return [(page.extract_text() or "").splitlines() for page in PdfReader(str(target)).pages]


def check_pdf(pages: list[list[str]], classes: dict[str, str], rows: list[tuple[str, int, int]]) -> None:
    rows.append(("LibreOffice converted the DOCX", int(bool(pages)), 1))
    if not pages:
        return
    label_of = [lines[-1].split(" \u2014 Page ")[0] if lines else "" for lines in pages]
    first: dict[str, int] = {}
    for number, label in enumerate(label_of, start=1):
        first.setdefault(label, number)
    cable_pages = [(lines, label) for lines, label in zip(pages, label_of, strict=True)
                   if label in classes]
    rows.append(("cable pages whose header and footer carry that cable's classification",
                 sum(lines[0] == classes[label] and lines[-2] == classes[label]
                     for lines, label in cable_pages), len(cable_pages)))
    rows.append(("cables whose first page opens with their heading",
                 sum(pages[first[c] - 1][1].startswith(("Telegram", "Circular"))
                     for c in classes if c in first), len(classes)))
    for name, label in (("contents", "Contents"), ("index", "Index of TAGS")):
        text = " ".join(" ".join(lines) for lines, page in zip(pages, label_of, strict=True)
                        if page == label)
        refs = [(cid, int(page)) for cid, page in PAGE_REF.findall(text)]
        rows.append((f"{name} page numbers equal to the cable's first page",
                     sum(first.get(cid) == page for cid, page in refs), len(refs)))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("volume")
    parser.add_argument("inputs", nargs="+")
    parser.add_argument("--no-libreoffice", action="store_true")
    args = parser.parse_args()
    classes = expected(args.inputs)
    data = Path(args.volume).read_bytes()
    rows: list[tuple[str, int, int]] = []
    check_docx(data, classes, rows)
    if not args.no_libreoffice:
        with tempfile.TemporaryDirectory(prefix="check-volume-docx-") as work:
            check_pdf(libreoffice_pages(data, Path(work)), classes, rows)
    print(f"{len(classes)} cables, {len(set(classes.values()))} distinct classification lines")
    print("| check | right | of |")
    print("| --- | ---: | ---: |")
    for name, right, total in rows:
        print(f"| {name} | {right} | {total} |")
    return 0 if all(right == total for _, right, total in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
