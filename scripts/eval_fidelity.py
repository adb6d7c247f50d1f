#!/usr/bin/env python3
"""Fidelity of the normalizer (issue 10): one table of what it understands, per input form.

Against the hand-built truth (tests/truth/truth.jsonl) per field and form (page, pasted
text, CSV row, pre2000, seed, browser copy), beside cablemap on the same truth; the same on
each holdout (tests/truth/holdout.jsonl: pages read after the rules were written; session 7's,
session 12's, 13's, 14's, 15's and 16's) in a table of its own; the second
opinion over all 6,550 pages; the residue audit of the reading text; the ¶-anchor audit; the
agreement of every cable's forms; the classification a reader is shown. Every miss goes to
build/fidelity-failures.jsonl, every disagreement with cablemap to build/second-opinion.jsonl.
Method and comparisons: docs/evaluation.md.

    python scripts/eval_fidelity.py [--corpus DIR] [--jobs 2] [--limit N]
    python scripts/eval_fidelity.py --holdout-only [--corpus DIR]     (the holdouts' tables alone)
    python scripts/eval_fidelity.py --sample signer:theirs-empty 5 [--corpus DIR]
    python scripts/eval_fidelity.py --pdf-sample 10 [--corpus DIR]
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import os
import sys
import tarfile
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus
from fidelity import ours, report, tally, work
from fidelity.inputs import pre2000_files, shared_corpus


@contextlib.contextmanager
def corpus_root(option: str | None) -> Iterator[Path]:
    """The folder holding ``cable/YYYY/MM/*.html``: the option, or the shared tarball
    unpacked into a temporary folder that is removed afterwards."""
    if option:
        if not any((Path(option) / "cable").rglob("*.html")):
            raise SystemExit(f"{option}: no cable/YYYY/MM/*.html pages here")
        yield Path(option)
        return
    with tempfile.TemporaryDirectory(prefix="cablegate-") as tmp:
        print(f"unpacking {corpus.TARBALL.name} into {tmp} ...", file=sys.stderr)
        with tarfile.open(corpus.TARBALL) as tar:
            tar.extractall(tmp, filter="data")
        yield Path(tmp)


def tasks(root: Path, truth: list[dict[str, Any]], limit: int,
          holdout: list[dict[str, Any]] | None = None, holdout_only: bool = False) -> list[tuple[str, Any]]:
    pages = sorted(str(p.relative_to(root)) for p in (root / "cable").rglob("*.html"))
    truth_pages = {f["page"] for r in truth for f in r["forms"] if f["form"] == "page"}
    held = {f["page"] for r in holdout or [] for f in r["forms"] if f["form"] == "page"}
    if holdout_only:  # the holdouts' pages and CSV rows, nothing else
        held_rows = {f["csv_row"] for r in holdout or [] for f in r["forms"] if f["form"] == "csv"}
        rows = [row for row in ours.csv_rows(str(corpus.CSV_SAMPLE))
                if not isinstance(row, Exception) and ours.csv_row_number(row) in held_rows]
        return [("page", (str(root), rel, False)) for rel in pages if rel in held] + [("csv", row) for row in rows]
    if limit:
        pages = sorted(set(pages[:limit]) | ((truth_pages | held) & set(pages)))
    out: list[tuple[str, Any]] = [("page", (str(root), rel, rel in truth_pages)) for rel in pages]
    out += [("csv", row) for row in ours.csv_rows(str(corpus.CSV_SAMPLE)) if not isinstance(row, Exception)]
    out += [("text", ("pre2000", str(p))) for p in pre2000_files()]
    out += [("text", ("seed", str(corpus.SEED)))]
    return out


def run_all(jobs: list[tuple[str, Any]], processes: int) -> list[dict[str, Any]]:
    started, wall = os.times(), time.perf_counter()
    with multiprocessing.Pool(processes) as pool:
        results = list(pool.imap_unordered(work.run, jobs, chunksize=8))
    ended = os.times()
    workers = ended.children_user + ended.children_system - started.children_user - started.children_system
    print(f"{len(results)} sources converted: CPU {workers:.0f} s in {processes} workers "
          f"(wall {time.perf_counter() - wall:.0f} s)", file=sys.stderr)
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (plus the truth's pages)")
    ap.add_argument("--holdout-only", action="store_true",
                    help="convert only the holdouts' pages and CSV rows and print only their tables")
    ap.add_argument("--failures", default="build/fidelity-failures.jsonl")
    ap.add_argument("--second-opinion", default="build/second-opinion.jsonl")
    ap.add_argument("--sample", nargs=2, metavar=("KIND", "N"),
                    help="print N disagreements of KIND (field:bucket, e.g. signer:theirs-empty) from the "
                         "second-opinion file of an earlier run, with the text around them")
    ap.add_argument("--pdf-sample", type=int, metavar="N",
                    help="render N truth cables to PDF and compare the PDF's text with the reading-text proxy")
    ap.add_argument("--seed", type=int, default=20101128, help="seed of --sample and --pdf-sample draws")
    args = ap.parse_args()

    with corpus_root(args.corpus) as root:
        return evaluate(args, root)


def evaluate(args: argparse.Namespace, root: Path) -> int:
    if args.sample:
        from fidelity import sampling

        return sampling.print_sample(Path(args.second_opinion), args.sample[0], int(args.sample[1]), root, args.seed)
    from fidelity import truthscore

    truth = truthscore.load()
    holdout = truthscore.load(truthscore.HOLDOUT) if truthscore.HOLDOUT.exists() else []
    if args.pdf_sample:
        from fidelity import pdfcheck

        return pdfcheck.run(root, truth, args.pdf_sample, args.seed)
    results = run_all(tasks(root, truth, args.limit, holdout, args.holdout_only), args.jobs)
    cablemap = [json.loads(line) for line in (shared_corpus() / "cablemap-second-opinion.jsonl").open()]
    if args.holdout_only:
        outcome = tally.everything(results, [], cablemap, holdout)
        misses = [m for m in outcome.misses if m.get("truth") == "holdout"]
        Path(args.failures).parent.mkdir(parents=True, exist_ok=True)
        Path(args.failures).write_text("".join(json.dumps(m, ensure_ascii=False) + "\n" for m in misses), "utf-8")
        print(report.render_holdouts(outcome))
        print(f"\nEvery holdout miss: {args.failures} ({len(misses)} lines).")
        return 0
    outcome = tally.everything(results, truth, cablemap, holdout)
    for path, rows in ((args.failures, outcome.misses), (args.second_opinion, outcome.disagreements)):
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8") as out:
            for row in rows:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(report.render(outcome))
    print(f"\nEvery miss: {args.failures} ({len(outcome.misses)} lines); every disagreement with cablemap: "
          f"{args.second_opinion} ({len(outcome.disagreements)} lines).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
