"""Acceptance 3: exporter speed in a warm process, against the bare tools on the same input.

Per format, the median of --repeat warm runs on the seed, ours and the bare tool's in turn
(the ratio is the median of the pairs' ratios): our writer (TEI in, bytes out) against bare
weasyprint (the same HTML and compiled stylesheet, same variant and attachment) and bare
pandoc (the same HTML and arguments, no post-processing). Then all formats of the seed
together, and a volume PDF of --volume cables, rendered in a child
process so its time and peak memory are its own.

    python scripts/bench_exporters.py [--pages DIR] [--repeat 15] [--volume 200] [--cpu]
"""

from __future__ import annotations

import argparse
import io
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from exporters_corpus import Cable, corpus_pages, load_cables, seed_cable

from convert.options import WriteOptions
from convert.writers import docx, epub, html, markdown, pandoc, pdf
from convert.writers.reference import reference_file


def cpu_seconds() -> float:
    """CPU time of this process and of the children it waited for (pandoc)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


#: the clock of median_time: wall time, or (--cpu) CPU time, which a busy machine disturbs less
CLOCK: list[Callable[[], float]] = [time.perf_counter]


def median_time(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = CLOCK[0]()
        function()
        times.append(CLOCK[0]() - start)
    return statistics.median(times)


def bare_pandoc(data: bytes, args: list[str]) -> Callable[[], object]:
    command = [pandoc.pandoc_path(), "--sandbox", "--quiet", *args, "-o", "-"]
    return lambda: subprocess.run(command, input=data, capture_output=True, check=True)


def bench_cable(repeat: int) -> None:
    import weasyprint

    cable = seed_cable()
    options = WriteOptions()
    facts = cable.view
    modified = html.modified_iso(cable, options)
    page = html.serialize(html.document([html.article(cable, options)], facts.subject,
                                        facts.lang, None, html.document_meta(facts, modified)))
    epub_html = html.serialize(html.document([html.article(cable, options, flavour="epub")],
                                             facts.subject, facts.lang, None))
    docx_html = html.serialize(html.document(
        [html.article(cable, options, flavour="docx", title_as_heading=False)], "", facts.lang,
        None))
    css = pdf.compiled_css(options.theme, options.paper)
    tei = pdf.tei_bytes(cable)
    reference = reference_file(options.theme, options.paper)

    def weasy() -> bytes:
        attachment = weasyprint.Attachment(file_obj=io.BytesIO(tei), name="x.tei.xml",
                                           relationship="Source")
        return weasyprint.HTML(string=page.decode()).write_pdf(
            stylesheets=[css], font_config=pdf.font_config(), pdf_variant="pdf/a-3b",
            attachments=[attachment])

    writers: dict[str, Callable[[Cable, WriteOptions], bytes]] = {
        "html": html.write, "pdf": pdf.write, "epub": epub.write, "docx": docx.write,
        "md": markdown.write,
    }
    bare: dict[str, tuple[str, Callable[[], object]] | None] = {
        "html": None,
        "pdf": ("weasyprint", weasy),
        "epub": ("pandoc", bare_pandoc(epub_html, ["-f", "html", "-t", "epub3",
                                                    "--split-level=1", "--toc",
                                                    "--epub-title-page=false"])),
        "docx": ("pandoc", bare_pandoc(docx_html, ["-f", "html", "-t", "docx",
                                                    f"--reference-doc={reference}"])),
        "md": ("pandoc -t gfm", bare_pandoc(page, ["-f", "html", "-t", "gfm-raw_html"])),
    }
    def fresh() -> Cable:
        """The seed as a new Cable: nothing derived by an earlier call is reused (a cable is
        converted once; its formats share one read side and one walk of its body)."""
        return Cable(cable.tei, cable.source, list(cable.warnings))

    for fmt, writer in writers.items():  # warm every path once
        writer(fresh(), options)
        if bare[fmt]:
            bare[fmt][1]()  # type: ignore[index]
    print("| format | ours (s) | bare tool | bare (s) | ours / bare |")
    print("| --- | ---: | --- | ---: | ---: |")
    total = 0.0
    for fmt, writer in writers.items():
        if bare[fmt] is None:
            ours = median_time(lambda w=writer: w(fresh(), options), repeat)
            total += ours
            print(f"| {fmt} | {ours:.4f} | — | — | — |")
            continue
        name, function = bare[fmt]  # type: ignore[misc]
        ours, base, ratio = paired(lambda w=writer: w(fresh(), options), function, repeat)
        total += ours
        print(f"| {fmt} | {ours:.4f} | {name} | {base:.4f} | {ratio:.2f}× |")
    bare_all = [bare[f][1] for f in ("pdf", "epub", "docx")]  # type: ignore[index]
    everything, base, ratio = paired(lambda: [w(c, options) for c in [fresh()] for w in writers.values()],
                                     lambda: [f() for f in bare_all], repeat)
    print(f"\nall five formats of the seed, warm: {everything:.3f} s (sum of medians {total:.3f} s); "
          f"bare weasyprint + pandoc (epub, docx): {base:.3f} s; ratio {ratio:.2f}×")


def paired(ours: Callable[[], object], bare: Callable[[], object], repeat: int) -> tuple[float, float, float]:
    """Medians of ours, of bare, and of ours/bare, timed in turn (so both see the same load)."""
    times: list[tuple[float, float]] = []
    for _ in range(repeat):
        pair = []
        for function in (ours, bare):
            start = CLOCK[0]()
            function()
            pair.append(CLOCK[0]() - start)
        times.append((pair[0], pair[1]))
    return (statistics.median(a for a, _ in times), statistics.median(b for _, b in times),
            statistics.median(a / b for a, b in times))


def volume_child(pages: str | None, count: int) -> None:
    """Run in a child: load cables, render the volume PDF, print time and peak RSS as JSON."""
    from convert.volume import write_volume

    cables = [c for _, c in load_cables(corpus_pages(pages, count)) if isinstance(c, Cable)]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    data = write_volume(cables, "pdf", WriteOptions())
    elapsed = time.perf_counter() - start
    from pypdf import PdfReader

    pages_out = len(PdfReader(io.BytesIO(data)).pages)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"cables": len(cables), "pages": pages_out, "seconds": elapsed,
                      "peak_rss_mb": peak / 1024, "rss_before_mb": before / 1024,
                      "bytes": len(data)}))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="unpacked cablegate pages (default: unpack the archive)")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--volume", type=int, default=200)
    parser.add_argument("--volume-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--cpu", action="store_true",
                        help="time by CPU seconds (this process and pandoc's), not wall time")
    args = parser.parse_args()
    if args.cpu:
        CLOCK[0] = cpu_seconds
    if args.volume_child:
        volume_child(args.pages, args.volume)
        return 0
    bench_cable(args.repeat)
    if args.volume:
        command = [sys.executable, str(Path(__file__)), "--volume-child",
                   "--volume", str(args.volume)] + (["--pages", args.pages] if args.pages else [])
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print("\n| volume PDF | cables | pages | time (s) | peak RSS (MB) |")
        print("| --- | ---: | ---: | ---: | ---: |")
        print(f"| --book pdf | {result['cables']} | {result['pages']} | "
              f"{result['seconds']:.1f} | {result['peak_rss_mb']:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
