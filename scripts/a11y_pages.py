"""Check an EPUB volume's page list against the PDF edition it names (issue 13).

    python scripts/a11y_pages.py volume.pdf volume.epub

The page list must list, in order, every page of the PDF from page 1 to the first page of the
index (the pages of the documents and where the index begins: the pages whose first words
the EPUB also has), each once; every entry must lead to a page-break marker
(``epub:type="pagebreak"``, ``role="doc-pagebreak"``, ``aria-label`` = the page), and the
first :data:`WIDTH` non-blank characters after that marker in the EPUB's reading order (fewer
when the next page's marker comes first) must be the first printed on that page of the PDF
(pypdf's text of the page, which gives the page's flow before its running heads and page
number; a document's first page may print its number, "12.", before them). The package must
name its source in ``dc:source``, refined as the source of the pagination (``source-of``),
and claim ``pageNavigation`` and ``printPageNumbers``.

Prints one line per finding; exit 0: none, 1: some.
"""

from __future__ import annotations

import posixpath
import re
import sys
import zipfile
from pathlib import Path

from lxml import etree
from pypdf import PdfReader

X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
OPF = "{http://www.idpf.org/2007/opf}"
DC = "{http://purl.org/dc/elements/1.1/}"
WIDTH = 24
INDEX_HEADING = "IndexofTAGS"
_NUMBER = re.compile(r"\d{1,4}\.")


def solid(text: str) -> str:
    return "".join(ch for ch in text if not ch.isspace() and ch != "\u00ad")


def pdf_pages(path: Path) -> dict[str, str]:
    """Printed page label -> the page's text (non-blank characters), pages 1 to the first
    page of the index."""
    reader = PdfReader(path)
    out: dict[str, str] = {}
    for label, page in zip(reader.page_labels, reader.pages, strict=True):
        if not label.isdigit():
            continue
        text = solid(page.extract_text() or "")
        out[label] = text
        if text.startswith(INDEX_HEADING):
            break
    return out


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


def _drop_running_lines(root: etree._Element) -> None:
    """Take out the classification line an EPUB chapter prints above its heading (class
    ``above-heading``): the PDF prints that line as its running head, which its page text leaves
    out. What follows the line (its tail) stays."""
    for line in [e for e in root.iter() if "above-heading" in (e.get("class") or "").split()]:
        parent, before = line.getparent(), line.getprevious()
        if parent is None:
            continue
        if before is not None:
            before.tail = (before.tail or "") + (line.tail or "")
        else:
            parent.text = (parent.text or "") + (line.tail or "")
        parent.remove(line)


def _reading_text(book: zipfile.ZipFile, opf_name: str, opf: etree._Element) -> tuple[str, dict[str, int]]:
    """The non-blank text of the spine's documents, and where each page marker is in it
    (``document#id`` -> position)."""
    base = posixpath.dirname(opf_name)
    items = {item.get("id"): item for item in opf.iter(f"{OPF}item")}
    parts: list[str] = []
    markers: dict[str, int] = {}
    count = 0
    for ref in opf.iter(f"{OPF}itemref"):
        item = items.get(ref.get("idref"))
        if item is None or "nav" in (item.get("properties") or "").split():
            continue  # the navigation document
        name = posixpath.join(base, item.get("href") or "")
        root = etree.fromstring(book.read(name), _parser())
        _drop_running_lines(root)
        for event, element in etree.iterwalk(root.find(f"{X}body"), events=("start", "end")):
            if event == "start" and element.get(EPUB_TYPE) == "pagebreak":
                markers[f"{name}#{element.get('id')}"] = count
                if element.get("role") != "doc-pagebreak" or not element.get("aria-label"):
                    markers[f"{name}#{element.get('id')}"] = -1
            text = solid((element.tail if event == "end" else element.text) or "")
            parts.append(text)
            count += len(text)
    return "".join(parts), markers


def check(pdf: Path, epub: Path) -> list[str]:
    """What is wrong with ``epub``'s page list, read against ``pdf`` (empty: nothing)."""
    found: list[str] = []
    pages = pdf_pages(pdf)
    with zipfile.ZipFile(epub) as book:
        container = etree.fromstring(book.read("META-INF/container.xml"), _parser())
        opf_name = next(e.get("full-path") or "" for e in container.iter() if e.get("full-path"))
        opf = etree.fromstring(book.read(opf_name), _parser())
        text, markers = _reading_text(book, opf_name, opf)
        nav_href = next(item.get("href") or "" for item in opf.iter(f"{OPF}item")
                        if "nav" in (item.get("properties") or "").split())
        nav_name = posixpath.join(posixpath.dirname(opf_name), nav_href)
        nav = etree.fromstring(book.read(nav_name), _parser())
    lists = [n for n in nav.iter(f"{X}nav") if n.get(EPUB_TYPE) == "page-list"]
    entries = [(a.text or "", a.get("href") or "") for n in lists for a in n.iter(f"{X}a")]
    labels = [label for label, _ in entries]
    if labels != list(pages):
        found.append(f"page list {labels[:3]}…{labels[-3:]} ({len(labels)}), the PDF's pages 1 to "
                     f"the index: {len(pages)}")
    places = sorted(at for at in markers.values() if at >= 0)
    for label, href in entries:
        target = posixpath.normpath(posixpath.join(posixpath.dirname(nav_name), href))
        at = markers.get(target)
        if at is None or at < 0:
            found.append(f"page {label}: {href} is not a page-break marker with its role and label")
            continue
        # up to the next page's marker: a page may print fewer than WIDTH characters
        after = next((place for place in places if place > at), len(text))
        printed, epub_text = pages.get(label, ""), text[at:min(at + WIDTH, after)]
        number = _NUMBER.match(printed)
        if not (printed.startswith(epub_text) or (number and printed[number.end():].startswith(epub_text))):
            found.append(f"page {label}: the EPUB has {epub_text!r} after its marker, the PDF "
                         f"page starts {printed[:WIDTH + 4]!r}")
    features = {m.text for m in opf.iter(f"{OPF}meta") if m.get("property") == "schema:accessibilityFeature"}
    source = opf.find(f".//{DC}source")
    refined = {(m.get("refines"), m.text) for m in opf.iter(f"{OPF}meta") if m.get("property") == "source-of"}
    if entries and (source is None or not source.text or (f"#{source.get('id')}", "pagination") not in refined):
        found.append("package: no dc:source named the source of the pagination (source-of)")
    if entries and not {"pageNavigation", "printPageNumbers"} <= features:
        found.append("package: a page list but no pageNavigation/printPageNumbers")
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    found = check(Path(args[0]), Path(args[1]))
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
