#!/usr/bin/env python3
"""Accuracy of the normalizer on real cables (issue 2, acceptance 2).

For every cablegate page and every cables.csv row: convert to TEI + JSON, validate the TEI
against the project's profile schema and tei_all.rng, compare the fields derived from the
cable's text with the page's own metadata table (or the CSV row's columns), and check that
every alphanumeric word of the input is present in the TEI body.

    python scripts/eval_normalizer.py [--corpus DIR] [--jobs 2] [--limit N] [--failures FILE]
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

WORD = re.compile(r"[A-Za-z0-9]+")
_SCHEMAS = None


def _init() -> None:
    global _SCHEMAS
    from convert import schema

    _SCHEMAS = (schema.profile_schema(), schema.tei_all_schema())


def _tei_words(tei) -> collections.Counter[str]:  # type: ignore[no-untyped-def]
    from convert.model import NS
    from convert.textview import source_text

    body = tei.xpath("t:text", namespaces=NS)[0]
    return collections.Counter(WORD.findall(source_text(body)))


def check(task: tuple[str, str, object]) -> dict[str, object]:
    """Convert one source and measure it against its metadata."""
    kind, name, payload = task
    from convert import schema
    from convert.errors import ConvertError
    from convert.model import RawCable
    from convert.normalize import normalize
    from convert.options import ReadOptions
    from convert.readers import Source, load_source
    from convert.writers.json import record

    out: dict[str, object] = {"source": name}
    try:
        if kind == "csv":
            raw = payload
        else:
            raw = next(iter(load_source(Source(name, path=name), ReadOptions())))
        assert isinstance(raw, RawCable)
        cable = normalize(raw)
    except ConvertError as exc:
        out["error"] = exc.one_line()
        return out
    except Exception as exc:  # a crash is what this script exists to find
        out["crash"] = f"{type(exc).__name__}: {exc}"
        return out
    assert _SCHEMAS is not None
    out["profile_errors"] = schema.errors(_SCHEMAS[0], cable.tei)[:3]
    out["tei_all_errors"] = schema.errors(_SCHEMAS[1], cable.tei)[:3]
    rec = record(cable)
    meta = raw.metadata
    text_has_dtg = bool(re.search(r"\b\d{6}Z\s+[A-Z]{3}\s+\d{2}\b", (raw.header or "") + raw.body[:3000]))
    out["has_dtg"] = text_has_dtg
    out["id"] = (rec["id"], meta.id if meta else None)
    from_text = cable.date is not None and "date_from_metadata" not in str(cable.warnings)
    out["date"] = (rec["date"], meta.created if meta else None, from_text)
    out["classification"] = (rec["classification"], meta.classification if meta else None)
    out["origin"] = (rec["origin"], meta.origin if meta else None, rec["from"] is not None)
    source_words = collections.Counter(WORD.findall((raw.header or "") + "\n" + raw.body))
    tei_words = _tei_words(cable.tei)
    missing = source_words - tei_words
    out["words"] = sum(source_words.values())
    out["missing"] = dict(missing)
    out["warnings"] = len(cable.warnings)
    return out


def csv_tasks() -> list[tuple[str, str, object]]:
    from convert.readers import cablescsv

    tasks = []
    with open(corpus.CSV_SAMPLE, "rb") as handle:
        for row in cablescsv.iter_rows(handle, corpus.CSV_SAMPLE.name):
            if isinstance(row, Exception):
                tasks.append(("error", str(row), None))
            else:
                tasks.append(("csv", row.source, row))
    return tasks


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:.2f} %" if d else "n/a"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--failures", default="build/eval-failures.jsonl", help="where to list every miss")
    args = ap.parse_args()

    started = time.perf_counter()
    files = corpus.pages(args.corpus)
    if args.limit:
        files = files[: args.limit]
    groups = {"cablegate pages": [("html", str(f), None) for f in files], "cables.csv rows": csv_tasks()}
    failures_path = Path(args.failures)
    failures_path.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    with multiprocessing.Pool(args.jobs, initializer=_init) as pool, failures_path.open("w") as fail:
        for label, tasks in groups.items():
            results = pool.map(check, tasks, chunksize=16)
            stats = collections.Counter()
            for r in results:
                stats["n"] += 1
                problems = []
                if "crash" in r:
                    stats["crash"] += 1
                    problems.append("crash")
                elif "error" in r:
                    stats["error"] += 1
                    problems.append("error")
                else:
                    stats["profile_ok"] += not r["profile_errors"]
                    stats["tei_all_ok"] += not r["tei_all_errors"]
                    if r["profile_errors"] or r["tei_all_errors"]:
                        problems.append("invalid")
                    got, want = r["id"]
                    stats["id_n"] += 1
                    stats["id_ok"] += got == want
                    if got != want:
                        problems.append("id")
                    if r["has_dtg"]:
                        got, want, _ = r["date"]
                        stats["date_n"] += 1
                        ok = bool(got and want and got[:13] == want[:13])
                        stats["date_ok"] += ok
                        if not ok:
                            problems.append("date")
                    got, want = r["classification"]
                    stats["cls_n"] += 1
                    stats["cls_ok"] += got == want
                    if r["id"][0] == r["id"][1]:  # the page's text is the page's own cable
                        stats["cls_same_n"] += 1
                        stats["cls_same_ok"] += got == want
                    if got != want:
                        problems.append("classification")
                    got, want, from_text = r["origin"]
                    stats["origin_n"] += 1
                    stats["origin_ok"] += got == want
                    stats["origin_text"] += from_text
                    if got != want:
                        problems.append("origin")
                    stats["words"] += r["words"]
                    lost = sum(r["missing"].values())
                    stats["words_lost"] += lost
                    stats["cables_all_words"] += lost == 0
                    if lost:
                        problems.append("words")
                if problems:
                    fail.write(json.dumps({"problems": problems, **r}) + "\n")
            rows.append((label, stats))
    elapsed = time.perf_counter() - started

    print(f"\nNormalizer evaluation ({elapsed:.0f} s, {args.jobs} workers)\n")
    print("| measure | " + " | ".join(label for label, _ in rows) + " | target |")
    print("|---|" + "---|" * len(rows) + "---|")

    def line(name: str, fn, target: str) -> None:  # type: ignore[no-untyped-def]
        print(f"| {name} | " + " | ".join(fn(s) for _, s in rows) + f" | {target} |")

    line("cables", lambda s: str(s["n"]), "")
    line("crashes", lambda s: str(s["crash"]), "0")
    line("refused (typed error)", lambda s: str(s["error"]), "0")
    line("TEI valid, profile schema", lambda s: pct(s["profile_ok"], s["n"]), "100 %")
    line("TEI valid, tei_all.rng", lambda s: pct(s["tei_all_ok"], s["n"]), "100 %")
    line("id = metadata", lambda s: pct(s["id_ok"], s["id_n"]), "≥ 99.5 %")
    line("date+hour = metadata (cables with a DTG)",
         lambda s: f"{pct(s['date_ok'], s['date_n'])} of {s['date_n']}", "≥ 99.5 %")
    line("classification = metadata", lambda s: pct(s["cls_ok"], s["cls_n"]), "≥ 99 %")
    line("  of the cables whose text gives the page's own id",
         lambda s: f"{pct(s['cls_same_ok'], s['cls_same_n'])} of {s['cls_same_n']}", "")
    line("origin = metadata", lambda s: pct(s["origin_ok"], s["origin_n"]), "≥ 99 %")
    line("  origin from the text's FM line", lambda s: pct(s["origin_text"], s["origin_n"]), "")
    line("cables with every input word in TEI",
         lambda s: pct(s["cables_all_words"], s["n"] - s["crash"] - s["error"]), "100 %")
    line("input words lost", lambda s: f"{s['words_lost']} of {s['words']}", "0")
    print(f"\nEvery miss is listed in {failures_path}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
