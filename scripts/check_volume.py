"""Check a PDF volume from its own text and structure (issue 11's volume acceptance).

    python scripts/check_volume.py VOLUME.pdf

Prints a table of figures; exit 1 with the problems listed when any check fails. The tests
import :func:`check`. Every figure is read back from the PDF
with pypdf, never from what the writer meant to print:

- each contents entry ("12. Telegram From …" … 34) names the page where "12." heads a
  document, and that page prints "Page 34" at its foot;
- page numbers of the text run on without a gap or a repeat across the pieces;
- every cross-reference "(Document 12, page 34)" names the page where document 12 begins;
- every index page carries the running head "Index";
- every top-level bookmark of a document reads "12. CABLEID — …" and opens its page;
- every link's named destination exists.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field
from typing import Any

FOOT = re.compile(r"Page (\d+)\s*$")
XREF = re.compile(r"\(Document (\d+), page (\S+?)\)")
BOOKMARK = re.compile(r"^(\d+)\. (\S+) \u2014 ")


@dataclass(slots=True)
class Report:
    documents: int = 0
    contents_entries: int = 0
    contents_right: int = 0
    xrefs: int = 0
    xrefs_right: int = 0
    index_pages: int = 0
    index_headed: int = 0
    bookmarks: int = 0
    bookmarks_right: int = 0
    links: int = 0
    links_resolved: int = 0
    numbering_continuous: bool = False
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return (not self.problems and self.documents > 0 and self.numbering_continuous
                and self.contents_entries == self.documents == self.contents_right
                and self.xrefs_right == self.xrefs and self.index_headed == self.index_pages > 0
                and self.bookmarks == self.documents == self.bookmarks_right
                and self.links_resolved == self.links)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def check(path: Any) -> Report:
    from pypdf import PdfReader

    reader = PdfReader(path)
    report = Report()
    texts = [page.extract_text() or "" for page in reader.pages]
    labels = list(reader.page_labels)
    body = [i for i, label in enumerate(labels) if label.isdigit()]
    # the printed foot of each page of the text, and where each document begins
    printed: dict[int, int] = {}
    for i in body:
        found = FOOT.search(texts[i].rstrip())
        if found:
            printed[i] = int(found.group(1))
    numbers = [printed.get(i) for i in body]
    report.numbering_continuous = bool(body) and numbers == list(range(1, len(body) + 1)) \
        and all(labels[i] == str(printed.get(i)) for i in body)
    # contents: the front matter's entries, in order: "12. heading, date ..... 34"
    front = " ".join(" ".join(texts[i].split()) for i, label in enumerate(labels) if not label.isdigit())
    entries: dict[int, tuple[str, int]] = {}  # number -> (heading's first words, page)
    position = 0
    while True:
        number = len(entries) + 1
        # the leader may shrink to one dot or none; the cable id and a colon follow the page
        # (the page's running head and foot may come between, where an entry ends a page)
        found = re.compile(rf"(?:^| ){number}\. (.+?) ?\.* ?(\d+) (?:Contents [ivxlc]+ )?\S+: "
                           ).search(front, position)
        if not found:
            break
        entries[number] = (found.group(1)[:24], int(found.group(2)))
        position = found.end()
    # where each document is headed: a line "12. " + the heading's first words
    heads: dict[int, int] = {}  # document number -> printed page
    pending = sorted(entries)
    for i in body:
        lines = _lines(texts[i])
        while pending:
            number = pending[0]
            prefix = f"{number}. {entries[number][0]}"
            if not any(line.startswith(prefix) for line in lines):
                break
            heads[number] = printed.get(i, -1)
            pending.pop(0)
    report.documents = len(heads)
    report.contents_entries = len(entries)
    for number, (_, page) in entries.items():
        if heads.get(number) == page:
            report.contents_right += 1
        else:
            report.problems.append(f"contents: document {number} listed at page {page}, "
                                   f"heads page {heads.get(number)}")
    # cross-references in the text
    index_start = next((i for i in body if texts[i].lstrip().startswith("Index of")), None)
    for i in body:
        if index_start is not None and i >= index_start:
            break
        for found in XREF.finditer(" ".join(texts[i].split())):
            report.xrefs += 1
            number, page = int(found.group(1)), found.group(2)
            if page.isdigit() and heads.get(number) == int(page):
                report.xrefs_right += 1
            else:
                report.problems.append(f"page {printed.get(i)}: Document {number}, page {page}; "
                                       f"it begins on page {heads.get(number)}")
    # index pages: every page from the first index heading on
    if index_start is not None:
        for i in body[body.index(index_start):]:
            report.index_pages += 1
            if "Index" in _lines(texts[i])[-3:]:  # the running head, read after the text
                report.index_headed += 1
            else:
                report.problems.append(f"index page {printed.get(i)} without the running head")
    # bookmarks
    page_of = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    for item in reader.outline:
        if isinstance(item, list):
            continue
        found = BOOKMARK.match(str(item.title))
        if not found:
            continue
        report.bookmarks += 1
        target = page_of.get(item.page.idnum) if item.page is not None else None
        if target is not None and heads.get(int(found.group(1))) == printed.get(target):
            report.bookmarks_right += 1
        else:
            report.problems.append(f"bookmark {item.title!r} opens page index {target}")
    # links
    names = set(reader.named_destinations)
    for page in reader.pages:
        for annot in page.get("/Annots", []):
            link = annot.get_object()
            if "/Dest" not in link:
                continue
            report.links += 1
            dest = link["/Dest"]
            if (isinstance(dest, str) and dest in names) or not isinstance(dest, str):
                report.links_resolved += 1
            else:
                report.problems.append(f"link to missing destination {dest!r}")
    return report


def table(report: Report) -> str:
    rows = [
        ("documents (headings found in the text)", str(report.documents)),
        ("page numbers of the text run 1, 2, … (labels = printed)", str(report.numbering_continuous)),
        ("contents entries / right page", f"{report.contents_entries} / {report.contents_right}"),
        ("cross-references with document and page / right page", f"{report.xrefs} / {report.xrefs_right}"),
        ("index pages / with the running head 'Index'", f"{report.index_pages} / {report.index_headed}"),
        ("document bookmarks 'N. ID — …' / opening the heading's page",
         f"{report.bookmarks} / {report.bookmarks_right}"),
        ("internal links / resolved", f"{report.links} / {report.links_resolved}"),
    ]
    out = ["| check | figure |", "| --- | --- |"] + [f"| {a} | {b} |" for a, b in rows]
    return "\n".join(out)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__, file=sys.stderr)
        return 2
    report = check(argv[0])
    print(table(report))
    for problem in report.problems[:30]:
        print(f"- {problem}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
