"""Render sets of cables to every format and run every accessibility checker on them (issue 13).

    python scripts/check_accessibility.py                  # seed, 20 cables, a 20-cable volume
    python scripts/check_accessibility.py --cables 5 --sets seed,cables --keep out/

Sets: ``seed`` (the bundled seed cable), ``cables`` (N cablegate pages spread over the years of
the shared archive, unpacked into a temporary folder), ``volume`` (the same N as one
``--book``). Each set is rendered by the CLI to PDF, EPUB, HTML and DOCX, then checked:

===========  ===============================================================================
PDF          scripts/a11y_pdf.py ``check_pdf`` (page-validation PDF/A-3A and PDF/UA-1, pdfua)
EPUB         EPUBCheck (every warning counts), Ace by DAISY (serious and critical count); a
             volume's page list against its PDF (scripts/a11y_pages.py: every page 1 to the
             index listed, each marker before the first characters printed on its page)
HTML         axe-core in Chromium (wcag2a/aa, wcag21a/aa, wcag22aa, best-practice)
DOCX         scripts/a11y_docx.py (title, language, heading styles, colour alone, alt text)
===========  ===============================================================================

Prints one table (files, real findings, checker's errors and advisory results per set and
checker) and then every finding with its rule. A finding that is a checker's mistake is listed
with the rule text that shows it, never dropped. Exit 0: no real finding; 1: some; 2: a checker
could not run (not installed: ``./quickstart.sh test`` installs them).
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tarfile
import tempfile
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from a11y_docx import Finding, check_docx
from a11y_pages import check as check_pages
from a11y_web import CheckerFailed, ToolMissing, run_ace, run_axe, run_epubcheck

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed-09BEIJING1463.txt"
TARBALL = ROOT.parent / "shared" / "corpus" / "cablegate-html.tar.xz"
FORMATS = ("pdf", "epub", "html", "docx")
Checker = Callable[[Sequence[Path]], dict[Path, list[Finding]]]


def spread(names: Sequence[str], count: int) -> list[str]:
    """``count`` archive names spread over the years (``cable/YYYY/MM/ID.html``): round by
    round one from each year, taken at evenly spaced places in that year's sorted list."""
    years: dict[str, list[str]] = defaultdict(list)
    for name in sorted(names):
        parts = name.split("/")
        if len(parts) == 4 and name.endswith(".html"):
            years[parts[1]].append(name)
    if not years:
        return []
    rounds = -(-count // len(years))
    chosen: list[str] = []
    for turn in range(rounds):
        for year in sorted(years):
            pages = years[year]
            pick = pages[min(len(pages) - 1, int((turn + 0.5) * len(pages) / rounds))]
            if pick not in chosen and len(chosen) < count:
                chosen.append(pick)
    return chosen


def unpack(count: int, into: Path, corpus: Path | None) -> list[Path]:
    """The ``count`` spread pages, from ``corpus`` (an unpacked cablegate folder) or the
    shared tarball."""
    if corpus is not None:
        names = [str(path.relative_to(corpus.parent)) for path in corpus.rglob("*.html")]
        return [corpus.parent / name for name in spread(names, count)]
    with tarfile.open(TARBALL) as tar:
        chosen = spread(tar.getnames(), count)
        members = [tar.getmember(name) for name in chosen]
        tar.extractall(into, members=members, filter="data")
    return [into / name for name in chosen]


def render(inputs: Sequence[Path], out: Path, book: bool) -> list[Path]:
    """The CLI's outputs of ``inputs`` in every checked format (one volume with ``book``)."""
    command = [sys.executable, "-m", "convert", *map(str, inputs), "-o", str(out),
               "--to", ",".join(FORMATS), "-q"]
    if book:
        command += ["--book", "--book-name", "volume"]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"check_accessibility: rendering failed ({done.returncode}): {done.stderr[-800:]}")
    return sorted(path for path in out.iterdir() if path.suffix.lstrip(".") in FORMATS)


def cpu_seconds() -> float:
    """CPU time of this process and the child processes it waited for (Java, node, Chromium)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pdf_checker() -> Checker | None:
    """a11ypdf's ``check_pdf`` (scripts/a11y_pdf.py), or None while it is not here."""
    try:
        from a11y_pdf import check_pdf  # type: ignore[import-not-found, unused-ignore]
    except ImportError:
        return None
    return lambda paths: {path: list(check_pdf(path)) for path in paths}


def page_lists(paths: Sequence[Path]) -> dict[Path, list[Finding]]:
    """Each EPUB volume's page list against the PDF volume beside it (same name)."""
    return {path: [Finding("a11y_pages", "page-list", line) for line in check_pages(path.with_suffix(".pdf"), path)]
            for path in paths}


def checkers(book: bool = False) -> dict[str, tuple[str, Checker | None]]:
    """checker name -> (the format it reads, the function; None: not available here); a
    volume (``book``) also has its page list checked."""
    pages: dict[str, tuple[str, Checker | None]] = {"page list": ("epub", page_lists)} if book else {}
    return {**pages,
        "pdf (page-validation, pdfua)": ("pdf", pdf_checker()),
        "epubcheck": ("epub", run_epubcheck),
        "ace": ("epub", run_ace),
        "axe-core": ("html", run_axe),
        "docx rules": ("docx", lambda paths: {path: check_docx(path) for path in paths}),
    }


def check_set(name: str, files: Sequence[Path], rows: list[list[str]],
              findings: list[tuple[str, Path, Finding]], book: bool = False) -> None:
    for checker, (fmt, run) in checkers(book).items():
        paths = [path for path in files if path.suffix == f".{fmt}"]
        if run is None:
            rows.append([name, checker, str(len(paths)), "-", "-", "-", "not checked: scripts/a11y_pdf.py "
                         "is not on this branch"])
            continue
        started = cpu_seconds()
        result = run(paths)
        real = advisory = errors = 0
        for path, items in sorted(result.items()):
            for finding in items:
                findings.append((name, path, finding))
                if finding.checker_error is None:
                    real += 1
                elif finding.checker_error.startswith("advisory"):
                    advisory += 1
                else:
                    errors += 1
        rows.append([name, checker, str(len(paths)), str(real), str(errors), str(advisory),
                     f"{cpu_seconds() - started:.1f} s CPU (with the checker's processes)"])


def table(rows: list[list[str]]) -> str:
    head = ["set", "checker", "files", "findings", "checker's errors", "advisory", "note"]
    widths = [max(len(row[i]) for row in [head, *rows]) for i in range(len(head))]
    lines = [" | ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
             for row in [head, ["-" * width for width in widths], *rows]]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sets", default="seed,cables,volume", help="comma-separated: seed, cables, volume")
    parser.add_argument("--cables", type=int, default=20, help="cables in the 'cables' and 'volume' sets")
    parser.add_argument("--corpus", type=Path, help="an unpacked cablegate folder (default: the shared tarball)")
    parser.add_argument("--keep", type=Path, help="render into this folder and keep the outputs")
    args = parser.parse_args(argv)
    sets = [name for name in args.sets.split(",") if name]
    work = Path(tempfile.mkdtemp(prefix="a11y-check-")) if args.keep is None else args.keep
    work.mkdir(parents=True, exist_ok=True)
    pages = unpack(args.cables, work / "pages", args.corpus) if {"cables", "volume"} & set(sets) else []
    inputs = {"seed": ([SEED], False), "cables": (pages, False), "volume": (pages, True)}
    rows: list[list[str]] = []
    findings: list[tuple[str, Path, Finding]] = []
    try:
        for name in sets:
            sources, book = inputs[name]
            check_set(name, render(sources, work / name, book), rows, findings, book)
    except (ToolMissing, CheckerFailed) as exc:
        print(table(rows), file=sys.stderr)
        print(f"check_accessibility: {exc}", file=sys.stderr)
        return 2
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    print(table(rows))
    for name, path, finding in findings:
        verdict = "FINDING" if finding.checker_error is None else f"not counted: {finding.checker_error}"
        print(f"{name} {path.name} [{finding.tool} {finding.rule}] {finding.message} -- {verdict}")
    real = sum(1 for _, _, finding in findings if finding.checker_error is None)
    print(f"{real} finding(s); outputs in {work}" if args.keep else f"{real} finding(s)")
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
