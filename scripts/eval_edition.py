"""Acceptance of the reading edition (issue 11): the cable first, in every format.

Cables: the seed, --count cablegate pages spread over the years (taken in turn from each
year's folder, a fixed random order within a year) and, unless --no-pre2000, the pre-2000
texts of ../shared/corpus/pre2000. For each cable, in the edition and (for comparison) the
transcript:

- PDF: page 1 holds the first numbered paragraph's first words (pypdf's text of page 1), as
  the mode prints them: a redaction is ``[redacted]`` in the edition, the source's
  ``XXXXXXXXXXXX`` in the transcript;
- EPUB: in reading order after the contents page (spine order, the navigation document
  skipped), the first numbered paragraph begins within the first 1,500 characters;
- redactions: in every format of a cable with redactions, each printed as the mode prints it
  (the edition's label, as many times as the reading text has it; the transcript's X-run);
- every word of the TEI's reading text in order in every format (``textview.edition_text``
  for the edition, ``textview.body_text`` for the transcript; difflib, in order);
- DOCX: python-docx finds the heading in Heading 1 (outline level 0, keep with next);
  LibreOffice (``soffice``, skipped with a message when absent) converts every DOCX to PDF;
- PDF/A-3a and PDF/UA-1: the XMP says part 3, conformance A, and pdfuaid part 1, the file is
  tagged, and the cable's TEI is attached as Source (the checkers: scripts/a11y_pdf.py);
- PDF: the source note, the heading's footnote, on page 1 with its call (weasyprint moves
  footnotes to the next page when that lets a paragraph's line stay: see docs/edition.md);
- the same input and options give the same bytes (--repeat cables rendered twice, from
  fresh reads, with a fixed SOURCE_DATE_EPOCH);
- EPUBCheck on --epubcheck cable EPUBs: errors and warnings;
- overhead: CPU time of our writers (TEI in, bytes out, from a fresh read side) against the
  bare tool on the same input (weasyprint with the same HTML, stylesheet, variant and
  attachment; pandoc with the same HTML and arguments), --overhead cables, each pair timed
  --rounds times in alternating order and the least CPU of each side kept. CPU time, not
  wall time: the machine is shared.

    python scripts/eval_edition.py [--corpus DIR] [--count 200] [--epubcheck 20]
        [--no-libreoffice] [--overhead 20] [--theme modern] [--no-pre2000] [--misses 10]
        [--overhead-only]
"""

from __future__ import annotations

import argparse
import io
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import corpus
from eval_exporters import (
    EXTRACT,
    epubcheck,
    html_text,
    libreoffice,
    recall,
    words,
)
from exporters_corpus import REPO, Cable, load_cables, seed_cable

from convert.model import TEI_NS
from convert.options import WriteOptions
from convert.textview import (
    READING_SKIP,
    REDACTION_LABEL,
    Reading,
    body_text,
    edition_text,
    text_of,
)
from convert.view import Paragraph, frus, paragraph_of
from convert.writers import docx, epub, html, markdown, pandoc, pdf
from convert.writers.reference import reference_file

FORMATS = ("html", "pdf", "epub", "docx", "md")
WRITERS = {"html": html.write, "pdf": pdf.write, "epub": epub.write, "docx": docx.write,
           "md": markdown.write}
EPUB_LIMIT = 1500
PRE2000 = corpus.SHARED / "pre2000"
_OPF = {"opf": "http://www.idpf.org/2007/opf"}


def spread_pages(pages_dir: str | None, count: int, seed: int = 1463) -> list[Path]:
    """``count`` pages taken in turn from each year (folders YYYY/MM/), so every year the
    corpus has is in the sample; within a year a fixed random order."""
    by_year: dict[str, list[Path]] = defaultdict(list)
    for page in corpus.pages(pages_dir):
        by_year[page.parent.parent.name].append(page)
    rng = random.Random(seed)  # noqa: S311 (a reproducible sample)
    for pages in by_year.values():
        rng.shuffle(pages)
    chosen: list[Path] = []
    while len(chosen) < count and any(by_year.values()):
        for year in sorted(by_year):
            if by_year[year] and len(chosen) < count:
                chosen.append(by_year[year].pop())
    return chosen


def first_numbered(cable: Cable) -> Paragraph | None:
    return next((p for p in cable.view.body.paragraphs if p.n and p.text.split()), None)


def lead(paragraph: Paragraph, count: int = 5) -> list[str]:
    return words(paragraph.text)[:count]


_T = f"{{{TEI_NS}}}"
#: a paragraph's text as the edition prints it: its number left out (as the view does), each
#: redaction (TEI ``gap``) read as the label the edition prints instead of the source's X-run
EDITION_PARAGRAPH = Reading(skip=READING_SKIP | {_T + "label"}, gap_text=REDACTION_LABEL)


def edition_lead(cable: Cable, paragraph: Paragraph, count: int = 5) -> list[str]:
    """The paragraph's first words as the edition prints them (``[redacted]`` where the
    source has ``XXXXXXXXXXXX``): read again from its TEI ``p``, the same text otherwise."""
    for p in cable.tei.iter(_T + "p"):
        if p.get("n") == paragraph.n and paragraph_of(p).text == paragraph.text:
            text = text_of(p, EDITION_PARAGRAPH)
            if paragraph.marking and text.startswith(paragraph.marking):
                text = text[len(paragraph.marking):]
            return words(text)[:count]
    return lead(paragraph, count)


#: how each mode prints a redaction: the edition its label, the transcript the source's X-run
PRINTED_REDACTION = {"edition": re.compile(re.escape(REDACTION_LABEL)),
                     "transcript": re.compile(r"(?<![A-Za-z])X{2,}(?![A-Za-z])")}


def contains(haystack: list[str], needle: list[str]) -> bool:
    """Whether ``needle`` stands in ``haystack`` as a run of consecutive words."""
    size = len(needle)
    return any(haystack[i:i + size] == needle for i in range(len(haystack) - size + 1))


def pdf_page_one_text(data: bytes) -> str:
    from pypdf import PdfReader

    return PdfReader(io.BytesIO(data)).pages[0].extract_text() or ""


def pdf_page_one(data: bytes) -> list[str]:
    return words(pdf_page_one_text(data))


def epub_reading_text(data: bytes) -> str:
    """The text of the EPUB's spine in order, the navigation document left out."""
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
        items = {item.get("id"): item for item in opf.iterfind(".//opf:manifest/opf:item", _OPF)}
        texts = []
        for ref in opf.iterfind(".//opf:spine/opf:itemref", _OPF):
            item = items[ref.get("idref")]
            if "nav" in (item.get("properties") or "").split():
                continue
            texts.append(html_text(archive.read("EPUB/" + item.get("href"))))
    return " ".join(" ".join(texts).split())


def epub_offset(data: bytes, paragraph: Paragraph, first: list[str]) -> int | None:
    """Where the paragraph's number (then ``first``, its first words) begins in the EPUB's
    reading text (None: not found)."""
    text = epub_reading_text(data)
    body = r"\W+".join(re.escape(w) for w in first)
    found = re.search(rf"\b{re.escape(paragraph.n or '')}\.?\W+(?:\([^)]{{0,12}}\)\W+)?{body}", text)
    if found is None:
        found = re.search(body, text)
    return found.start() if found else None


def pdfa_ok(data: bytes, stem: str) -> bool:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    xmp = reader.xmp_metadata.stream.get_data() if reader.xmp_metadata else b""
    part = re.search(rb"pdfaid:part[>=\"']+3", xmp) is not None
    conformance = re.search(rb"pdfaid:conformance[>=\"']+A", xmp) is not None
    ua = re.search(rb"pdfuaid:part[>=\"']+1", xmp) is not None
    root = reader.trailer["/Root"]
    files = root.get("/AF") or []
    source = any(f.get_object().get("/AFRelationship") == "/Source" for f in files)
    tagged = "/StructTreeRoot" in root
    return part and conformance and ua and tagged and source and f"{stem}.tei.xml" in reader.attachments


def docx_headings(data: bytes) -> bool:
    import docx as python_docx
    from docx.oxml.ns import qn

    document = python_docx.Document(io.BytesIO(data))
    style = document.styles["Heading 1"]
    ppr = style.element.pPr
    level = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
    return (level is not None and level.get(qn("w:val")) == "0"
            and style.paragraph_format.keep_with_next is True
            and any(p.style.name == "Heading 1" and p.text.startswith(("Telegram", "Circular"))
                    for p in document.paragraphs))


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (pandoc)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def cpu_of(function: Callable[[], object]) -> float:
    start = cpu_seconds()
    function()
    return cpu_seconds() - start


def bare_tools(cable: Cable, options: WriteOptions) -> dict[str, Callable[[], object]]:
    """The bare tool's call for PDF, EPUB and DOCX on the input our writer gives it: the same
    HTML (built here as the writers build it), stylesheet, PDF variant and attachment, the
    same pandoc arguments; nothing of ours before or after."""
    import weasyprint

    view = cable.view
    modified = html.modified_iso(cable, options)
    page = html.serialize(html.document([html.article(cable, options, flavour="pdf")],
                                        frus.bookmark(view), view.lang, None,
                                        html.document_meta(view, modified))).decode()
    epub_page = html.serialize(html.document([html.article(cable, options, flavour="epub")],
                                             frus.bookmark(view), view.lang, None))
    docx_page = html.serialize(html.document(
        [html.article(cable, options, flavour="docx", title_as_heading=False)], "", view.lang,
        None))
    css = pdf.compiled_css(options.theme, options.paper)
    tei = pdf.tei_bytes(cable)
    reference = reference_file(options.theme, options.paper)
    metadata = epub._cable_metadata(view)

    def weasy() -> bytes:
        attachment = weasyprint.Attachment(file_obj=io.BytesIO(tei), name="x.tei.xml",
                                           relationship="Source")
        return weasyprint.HTML(string=page, media_type="print").write_pdf(
            stylesheets=[css], font_config=pdf.font_config(),
            pdf_variant=pdf.VARIANTS[options.pdf_variant], attachments=[attachment])

    def run_pandoc(data: bytes, args: list[str]) -> Callable[[], object]:
        command = [pandoc.pandoc_path(), "--sandbox", "--quiet", *args, "-o", "-"]
        return lambda: subprocess.run(command, input=data, capture_output=True, check=True)

    return {
        "pdf": weasy,
        "epub": run_pandoc(epub_page, ["-f", "html", "-t", "epub3", "--split-level=1",
                                       "--epub-title-page=false", *metadata]),
        "docx": run_pandoc(docx_page, ["-f", "html", "-t", "docx", f"--reference-doc={reference}"]),
    }


def overhead(cables: list[Cable], options: WriteOptions, rounds: int) -> dict[str, list[float]]:
    """Per format, [our CPU seconds, the bare tool's] summed over the cables, each the least
    of ``rounds`` timings taken in alternating order (ours first, then bare first)."""
    totals = {fmt: [0.0, 0.0] for fmt in ("pdf", "epub", "docx")}
    for cable in cables:
        bare = bare_tools(cable, options)
        for fmt, tool in bare.items():
            def ours(fmt: str = fmt, cable: Cable = cable) -> bytes:
                # a fresh read side: nothing derived by an earlier call is reused
                return WRITERS[fmt](Cable(cable.tei, cable.source, list(cable.warnings)), options)

            ours(), tool()  # warm both paths
            mine, theirs = [], []
            for round_ in range(rounds):
                pair = (ours, tool) if round_ % 2 == 0 else (tool, ours)
                times = [cpu_of(function) for function in pair]
                mine.append(times[0] if round_ % 2 == 0 else times[1])
                theirs.append(times[1] if round_ % 2 == 0 else times[0])
            totals[fmt][0] += min(mine)
            totals[fmt][1] += min(theirs)
    return totals


def load(paths: list[Path]) -> tuple[list[Cable], list[str]]:
    cables, failures = [], []
    for path, result in load_cables(paths):
        if isinstance(result, Cable):
            cables.append(result)
        else:
            failures.append(f"{path.name}: {result}")
    return cables, failures


def checks(cables: list[Cable], pages: list[Path], args: argparse.Namespace, work: Path,
           misses: dict[str, list[str]]) -> None:
    """Every measure but the overhead, printed as tables (misses into ``misses``)."""
    edition, transcript = WriteOptions(theme=args.theme), WriteOptions(theme=args.theme, transcript=True)
    page_one = {"edition": [0, 0], "transcript": [0, 0]}
    in_epub = {"edition": [0, 0], "transcript": [0, 0]}
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    docx_ok = pdfa = note_on_one = 0
    # per (mode, format): [cables whose rendition prints every redaction as the mode does, cables]
    redacted: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    docx_paths: list[Path] = []
    epubs: list[tuple[str, bytes]] = []
    for cable in cables:
        paragraph = first_numbered(cable)
        for mode, options, reference in (("edition", edition, edition_text(cable)),
                                         ("transcript", transcript, body_text(cable))):
            expected = words(reference)
            printed = PRINTED_REDACTION[mode]
            gaps = len(printed.findall(reference))
            outputs = {fmt: WRITERS[fmt](cable, options) for fmt in FORMATS}
            for fmt, data in outputs.items():
                text = EXTRACT[fmt](data)
                matched, missed = recall(expected, words(text))
                if gaps:
                    redacted[(mode, fmt)][1] += 1
                    if len(printed.findall(text)) >= gaps:
                        redacted[(mode, fmt)][0] += 1
                    elif len(misses[f"redactions {mode} {fmt}"]) < args.misses:
                        misses[f"redactions {mode} {fmt}"].append(
                            f"{cable.view.id} ({len(printed.findall(text))} of {gaps})")
                totals[(mode, fmt)][0] += matched
                totals[(mode, fmt)][1] += len(expected)
                if matched < len(expected) and len(misses[f"recall {mode} {fmt}"]) < args.misses:
                    misses[f"recall {mode} {fmt}"].append(f"{cable.view.id}: {missed}")
            if paragraph is not None:
                first = edition_lead(cable, paragraph) if mode == "edition" else lead(paragraph)
                page_one[mode][1] += 1
                if contains(pdf_page_one(outputs["pdf"]), first):
                    page_one[mode][0] += 1
                elif len(misses[f"page 1 {mode}"]) < args.misses:
                    misses[f"page 1 {mode}"].append(cable.view.id)
                in_epub[mode][1] += 1
                offset = epub_offset(outputs["epub"], paragraph, first)
                if offset is not None and offset < EPUB_LIMIT:
                    in_epub[mode][0] += 1
                elif len(misses[f"epub {mode}"]) < args.misses:
                    misses[f"epub {mode}"].append(f"{cable.view.id} at {offset}")
            if mode == "edition":
                stem = cable.file_stem()
                docx_ok += docx_headings(outputs["docx"])
                pdfa += pdfa_ok(outputs["pdf"], stem)
                if "Source:" in pdf_page_one_text(outputs["pdf"]):
                    note_on_one += 1
                elif len(misses["source note not on page 1"]) < args.misses:
                    misses["source note not on page 1"].append(cable.view.id)
                target = work / f"{stem}.docx"
                target.write_bytes(outputs["docx"])
                docx_paths.append(target)
                if len(epubs) < args.epubcheck:
                    epubs.append((stem, outputs["epub"]))

    def share(pair: list[int]) -> str:
        return f"{pair[0]}/{pair[1]} = {100 * pair[0] / max(1, pair[1]):.1f} %"

    print("\n| measure | edition | transcript | target |")
    print("| --- | ---: | ---: | ---: |")
    print(f"| PDF page 1 holds the first numbered paragraph's first words | "
          f"{share(page_one['edition'])} | {share(page_one['transcript'])} | ≥ 95 % |")
    print(f"| EPUB: it begins within the first {EPUB_LIMIT:,} characters after the contents | "
          f"{share(in_epub['edition'])} | {share(in_epub['transcript'])} | ≥ 95 % |")
    print("\n| format | reading-text words, edition | recall | transcript words | recall |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for fmt in FORMATS:
        e, t = totals[("edition", fmt)], totals[("transcript", fmt)]
        print(f"| {fmt} | {e[1]:,} | {100 * e[0] / max(1, e[1]):.3f} % | {t[1]:,} | "
              f"{100 * t[0] / max(1, t[1]):.3f} % |")
    print(f"\n| format | cables with redactions: each printed as {REDACTION_LABEL!r} (edition) | "
          "as the source's X-run (transcript) |")
    print("| --- | ---: | ---: |")
    for fmt in FORMATS:
        print(f"| {fmt} | {share(redacted[('edition', fmt)])} | "
              f"{share(redacted[('transcript', fmt)])} |")

    print(f"\nDOCX with Heading 1 (outline level 0) found by python-docx: {docx_ok}/{len(cables)}")
    print(f"PDF/A-3a and PDF/UA-1 (XMP pdfaid 3/A, pdfuaid 1, tagged) with the TEI attached as Source: "
          f"{pdfa}/{len(cables)}")
    print(f"PDF: the source note (the heading's footnote) on page 1: {note_on_one}/{len(cables)}")
    if args.no_libreoffice:
        print("DOCX converted by LibreOffice: skipped (--no-libreoffice)")
    elif shutil.which("soffice") is None:
        print("DOCX converted by LibreOffice: skipped, soffice not found "
              "(apt-get install libreoffice-writer-nogui)")
    else:
        print(f"DOCX converted by LibreOffice: {libreoffice(docx_paths, work)}/{len(docx_paths)}")

    same = 0
    fixed = WriteOptions(theme=args.theme, source_date_epoch=1_700_000_000)
    sample = [cables[0].source] + [str(p) for p in pages[: max(0, args.repeat - 1)]]
    first, _ = load([Path(s) for s in sample])
    again, _ = load([Path(s) for s in sample])
    for one, two in zip(first, again, strict=True):
        same += all(WRITERS[f](one, fixed) == WRITERS[f](two, fixed) for f in FORMATS)
    print(f"byte-identical in every format, rendered twice from fresh reads: {same}/{len(first)}")

    errors = warnings = 0
    for name, data in epubs:
        e, w = epubcheck(data, name, work)
        errors, warnings = errors + e, warnings + w
    print(f"EPUBCheck on {len(epubs)} cable EPUBs: {errors} errors, {warnings} warnings")



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", "--pages", dest="pages",
                        help="a directory of unpacked cablegate pages (default: unpack "
                        "../shared/corpus/cablegate-html.tar.xz into a temporary directory)")
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--no-pre2000", action="store_true")
    parser.add_argument("--epubcheck", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=10, help="cables rendered twice")
    parser.add_argument("--no-libreoffice", action="store_true", help="skip LibreOffice")
    parser.add_argument("--overhead", type=int, default=20, help="cables timed against the bare tools")
    parser.add_argument("--rounds", type=int, default=3, help="timings per cable and side")
    parser.add_argument("--theme", default="modern")
    parser.add_argument("--misses", type=int, default=10, help="misses listed per measure")
    parser.add_argument("--overhead-only", action="store_true",
                        help="load the cables and measure only the overhead")
    args = parser.parse_args()
    started = time.perf_counter()
    work = Path(tempfile.mkdtemp(prefix="eval-edition-"))

    pages = spread_pages(args.pages, args.count)
    extra = [] if args.no_pre2000 else sorted(PRE2000.rglob("*.txt"))
    cables, failures = load(pages + extra)
    cables.insert(0, seed_cable())
    # the year of each input from its folder (pages: YYYY/MM/ID.html; pre2000/YYYY/ID.txt)
    years = sorted({p.parent.name if p.parent.parent == PRE2000 else p.parent.parent.name
                    for p in pages + extra})
    print(f"cables: {len(cables)} (seed + {len(pages)} pages + {len(extra)} pre-2000 texts; "
          f"{len(failures)} did not normalize); years {years[0]}–{years[-1]}, {len(years)} "
          "distinct")

    misses: dict[str, list[str]] = defaultdict(list)
    if not args.overhead_only:
        checks(cables, pages, args, work, misses)
    edition = WriteOptions(theme=args.theme)
    if args.overhead:
        timed = overhead(cables[: args.overhead], edition, args.rounds)
        print("\n| format | ours, CPU s | bare tool | bare, CPU s | ours / bare | target |")
        print("| --- | ---: | --- | ---: | ---: | ---: |")
        names = {"pdf": "weasyprint", "epub": "pandoc", "docx": "pandoc"}
        for fmt, (mine, theirs) in timed.items():
            print(f"| {fmt} | {mine:.2f} | {names[fmt]} | {theirs:.2f} | "
                  f"{mine / max(theirs, 1e-9):.3f}× | ≤ 1.10× |")
        mine, theirs = (sum(pair[i] for pair in timed.values()) for i in (0, 1))
        print(f"| all three | {mine:.2f} | | {theirs:.2f} | {mine / max(theirs, 1e-9):.3f}× | "
              "≤ 1.10× |")
        print(f"({min(args.overhead, len(cables))} cables, least of {args.rounds} CPU timings "
              "per cable and side, the edition's options)")

    for key, listed in sorted(misses.items()):
        print(f"  misses, {key}: {', '.join(listed)}")
    for line in failures[: args.misses]:
        print("  did not normalize:", line)
    print(f"\nelapsed: {time.perf_counter() - started:.0f} s")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(REPO / "scripts"))
    raise SystemExit(main())
