#!/usr/bin/env python3
"""Run the hardening suites of issue #5 and print the closing note's table.

For each property of tests/test_properties.py, hypothesis generates inputs and every one is
checked (valid TEI keeping every input word, or a typed error; never a traceback or a hang);
failures are counted, not stopped at. Then the regex worst cases of tests/test_limits.py,
and the adversarial, security and fault suites (run by pytest, counted by test).

    python scripts/fuzz_report.py [--examples N] [--slow] [--skip-pytest]

``--examples`` is per property (default 300); ``--slow`` runs 1,500 per property (over
10,000 in all). "found and fixed" is the record of issue #5 (commits listed in
docs/threat-model.md); "failing now" is what this run saw.
"""

from __future__ import annotations

import argparse
import collections
import re
import subprocess
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

#: category -> (properties run for it, bugs found and fixed in issue #5, one line each)
CATEGORIES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "arbitrary text and bytes": (("arbitrary_text", "arbitrary_bytes"), (
        "control characters reached lxml: ValueError (normalize: shown as U+FFFD)",
    )),
    "cable-shaped text (real line shapes + noise)": (("cable_shaped",), (
        "a body of only a signature/end marker: closer without content (tei_all invalid)",
        "furniture before the first text line dropped: words lost",
        "non-ASCII digits in pb/@n and orgName/@n (profile invalid)",
        "hyphen before a non-ASCII letter: AssertionError in join_lines",
    )),
    "real cables mutated (drop/dup/swap/rewrap/case/flip/header/run-together)": (
        ("mutated_real",), ()),
    "TEI round trip and damaged TEI": (("tei_round_trip",), (
        "schema-invalid TEI accepted and handed to the writers (now InvalidTEIError)",
    )),
    "cablegate pages: any metadata table, <pre> round trip": (("page_metadata", "page_round_trip"), (
        "a table date that is not a date: int() crash / invalid date/@when",
        "control characters in table cells reached lxml",
    )),
    "cables.csv: rows, damaged files, any columns": (
        ("csv_rows_round_trip", "csv_damaged", "csv_metadata"), (
            "first row judged on a short first read: good file refused",
            "year 1 written '1-01-01' by strftime: int() crash",
            "CR / form feed in a column: profile invalid / lxml ValueError",
            "an unclosed row reported once per 32 MB and the next row lost",
        )),
}
#: patterns that backtracked catastrophically on crafted input, fixed in issue #5
REGEX_FIXED = (
    "normalize._CABLE_SIGNS", "lines._CAVEATS", "lines.MESSAGE_REF", "lines._TRAILING_CAVEATS",
    "preamble.CLASSIFIED_BY", "preamble.CSV_RESIDUE (cubic)", "preamble.HANDLING (exponential)",
    "preamble._TRAILING", "routing._SEQ", "routing._ADDRESSEE", "structure._DASHED_TITLE",
    "structure._HYPHEN_END", "cablegate._TABLE", "cablegate._ROW", "cablegate._CELL",
    "cablegate._PRE", "cablegate._PAR_ANCHOR", "cablegate._LINK",
)


def signature(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/convert/" in f.filename]
    where = f"{frames[-1].filename.split('/convert/')[1]}:{frames[-1].lineno}" if frames else ""
    first = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    first = re.sub(r"\{.*", "{…}", re.sub(r"line \d+", "line N", first))
    return f"{type(exc).__name__} {where} {first[:120]}"


def run_property(name: str, examples: int) -> tuple[int, collections.Counter[str], float]:
    import hardening_support as hs
    import test_properties as tp
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    fn, strategies, _weight = tp.PROPERTIES[name]
    tried = 0
    failures: collections.Counter[str] = collections.Counter()

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def body(data: st.DataObject) -> None:
        nonlocal tried
        args = [data.draw(s) for s in strategies]
        tried += 1
        try:
            fn(*args)
        except (Exception, hs.Hang) as exc:
            failures[signature(exc)] += 1

    started = time.perf_counter()
    body()
    return tried, failures, time.perf_counter() - started


def run_pytest(target: str, slow: bool) -> tuple[int, int, float, str]:
    """(passed, failed, seconds, last line) of one pytest run."""
    started = time.perf_counter()
    args = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", target]
    if slow:
        args += ["-m", "slow or not slow"]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)
    tail = (done.stdout.strip().splitlines() or [""])[-1]
    passed = int(m.group(1)) if (m := re.search(r"(\d+) passed", tail)) else 0
    failed = int(m.group(1)) if (m := re.search(r"(\d+) failed", tail)) else 0
    errors = int(m.group(1)) if (m := re.search(r"(\d+) error", tail)) else 0
    return passed, failed + errors, time.perf_counter() - started, tail


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--examples", type=int, default=300, help="examples per property")
    ap.add_argument("--slow", action="store_true", help="1,500 examples per property, slow tests too")
    ap.add_argument("--skip-pytest", action="store_true", help="properties only")
    args = ap.parse_args()
    examples = 1500 if args.slow else args.examples

    rows: list[tuple[str, str, int, str, float]] = []
    details: list[str] = []
    started = time.perf_counter()
    for category, (names, fixed) in CATEGORIES.items():
        total, seconds = 0, 0.0
        failures: collections.Counter[str] = collections.Counter()
        for name in names:
            tried, found, took = run_property(name, examples)
            total += tried
            seconds += took
            failures.update(found)
        details += [f"  {category}: {count} x {sig}" for sig, count in failures.most_common()]
        rows.append((category, f"{total:,}", len(fixed), f"{sum(failures.values())}", seconds))

    if not args.skip_pytest:
        suites = [
            ("regex worst cases (each module-level pattern, 100 kB)", "tests/test_limits.py",
             len(REGEX_FIXED)),
            ("adversarial inputs (one test each)", "tests/test_adversarial.py", 0),
            ("security: sockets blocked, file reads audited, no shell", "tests/test_security.py", 0),
            ("faults: ENOSPC, read-only output, resume", "tests/test_faults.py", 0),
        ]
        for label, target, fixed in suites:
            if not (ROOT / target).is_file():
                rows.append((label, "not written yet", fixed, "-", 0.0))
                continue
            passed, failed, took, tail = run_pytest(target, args.slow)
            rows.append((label, f"{passed + failed} tests", fixed, str(failed), took))
            if failed:
                details.append(f"  {target}: {tail}")

    print(f"\nHardening report (issue #5): {time.perf_counter() - started:.0f} s, "
          f"{examples} examples per property{' (slow)' if args.slow else ''}\n")
    print("| category | inputs tried | failures found and fixed | failing now | time |")
    print("|---|---:|---:|---:|---:|")
    for category, tried, fixed, now, seconds in rows:
        print(f"| {category} | {tried} | {fixed} | {now} | {seconds:.0f} s |")
    if details:
        print("\nFailing now:")
        print("\n".join(details))
    return 1 if details else 0


if __name__ == "__main__":
    raise SystemExit(main())
