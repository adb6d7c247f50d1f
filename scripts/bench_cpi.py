#!/usr/bin/env python3
"""Why CPU time and instruction counts disagree: time per instruction in each part of the
runtime, this checkout against another.

    python scripts/bench_cpi.py --against CHECKOUT [--corpus DIR] [--cables 150] [--repeats 3]

For TEI + JSON in memory (what ``bench_instructions.py --memory-only`` counts: one process, a
page read, normalized and written at a time), each checkout is measured three ways over the
same pages, imports, first calls and a 20-page warm-up left out (instructions: a run with the warm-up
and ``--cables`` pages minus a run with the warm-up alone):

1. **instructions per C function** (valgrind's callgrind; ``callgrind_annotate``);
2. **CPU time per C function** (``perf record -e cpu-clock``: a software clock, which works in
   a virtual machine without hardware counters; sampling only the pages after the warm-up),
   ``--repeats`` runs, the checkouts taking turns;
3. **user and system time, page faults, context switches** (``getrusage`` in the measured
   process, warm-up left out).

The table groups C functions into parts (the bytecode loop, the regex engine, allocation,
...) and gives each part's time per 1000 instructions. The last lines price this checkout's
instructions, function by function, at the time per instruction the same function took in
the other checkout: "the instruction mix" is what the time ratio would be if only the amount
of work done in each function had changed; the rest is the same functions running slower or
faster per instruction (cache misses, branch prediction).
``--caches`` also runs valgrind's cachegrind (cache and branch simulation) on the same pages,
with this machine's geometry (AMD Zen 4: 32 KiB 8-way L1i and L1d, 1 MiB 8-way L2 as the
last level simulated) and prints misses and mispredictions per cable: about 12 more minutes.
Needs ``valgrind`` and ``perf``; about 6 minutes for 150 cables.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "scripts")]

import corpus  # noqa: E402

WARM = 20
SEED = 1
#: functions with fewer instructions per cable than this (millions) are priced at their part's rate
PRICED = 0.05

PARTS = (
    ("regex engine (_sre)", re.compile(r"^(sre_|_sre|pattern_|state_|match_getslice|SRE_)")),
    ("lxml / libxml2", re.compile(r"^(xml|html|__pyx|_elementpath|0x)")),
    ("bytecode loop", re.compile(r"^_PyEval_EvalFrameDefault$")),
    ("allocation, deallocation", re.compile(
        r"[Mm]alloc|[Ff]ree$|_free|Realloc|^_int_|unlink_chunk|consolidate|arena|tcache|[Cc]alloc"
        r"|dealloc|_PyFrame_Clear|GC_Del|_New$|_new$|alloc$|^cfree")),
    ("libc memory/string", re.compile(r"^__(mem|str)|^mem|^str(len|cmp|chr)")),
    ("str/bytes methods (C)", re.compile(
        r"[Uu]nicode|fastsearch|ucs1|ucs2|ucs4|ascii|^bytes_|split|replace|translate|_Py_bytes"
        r"|stringlib|[Ll]ower|[Uu]pper|isprint|Printable|IsAlpha|IsSpace|^count$|unicode_count"
        r"|siphash|_Py_HashBytes|do_string_format|join")),
)
OTHER = "other runtime (calls, attributes, dicts, lists, ...)"
KERNEL = "kernel (page faults, system calls)"


def part(function: str, dso: str) -> str:
    if dso.startswith("[kernel"):
        return KERNEL
    if "etree" in dso or "libxml" in dso or "libxslt" in dso:
        return "lxml / libxml2"
    for name, pattern in PARTS:
        if pattern.search(function):
            return name
    return OTHER


def child(root: str, listing: str, warm_only: bool) -> None:
    """TEI + JSON of each page, in memory, with ``root``'s package; prints the getrusage
    of the pages after the warm-up (one JSON line)."""
    sys.path.insert(0, root)
    run = corpus.page_converter(root)
    paths = Path(listing).read_text(encoding="utf-8").splitlines()
    paths = paths[:WARM] if warm_only else paths
    run(paths[:WARM])
    control = os.environ.get("BENCH_CPI_PERF")  # perf's control and ack fifos: sample the pages only
    _perf_control(control, "enable")
    before = resource.getrusage(resource.RUSAGE_SELF)
    run(paths[WARM:])
    after = resource.getrusage(resource.RUSAGE_SELF)
    _perf_control(control, "disable")
    fields = ("ru_utime", "ru_stime", "ru_minflt", "ru_majflt", "ru_nvcsw", "ru_nivcsw")
    print(json.dumps({f: getattr(after, f) - getattr(before, f) for f in fields}))


def _perf_control(fifos: str | None, command: str) -> None:
    if fifos:
        control, ack = fifos.split(",")
        with open(control, "w", encoding="ascii") as out:
            out.write(command + "\n")
        with open(ack, encoding="ascii") as answer:
            answer.readline()


def _command(root: Path, listing: Path, warm_only: bool) -> list[str]:
    return [sys.executable, str(Path(__file__).resolve()), "--child", str(root), str(listing),
            *(["--warm-only"] if warm_only else [])]


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise SystemExit(f"{name} is not installed")
    return path


def _env(root: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(root)}


def callgrind(root: Path, listing: Path, warm_only: bool, scratch: Path) -> collections.Counter[str]:
    """Instructions per C function (self cost; recursion levels merged)."""
    out = scratch / f"callgrind-{warm_only}.out"
    subprocess.run([_tool("valgrind"), "--tool=callgrind", f"--callgrind-out-file={out}", f"--log-file={out}.log",
                    *_command(root, listing, warm_only)], cwd=root, env=_env(root),
                   stdout=subprocess.DEVNULL, check=True)
    text = subprocess.run([_tool("callgrind_annotate"), "--threshold=100", "--auto=no", "--show-percs=no", str(out)],
                          capture_output=True, text=True, check=True).stdout
    counts: collections.Counter[str] = collections.Counter()
    listed = False
    for line in text.splitlines():
        if "file:function" in line:
            listed = True
            continue
        found = re.match(r"\s*([\d,]+)\s+(.*?)(?: \[.*\])?$", line)
        if listed and found:
            function = re.sub(r"'\d+$", "", found.group(2).rsplit(":", 1)[-1])
            counts[function] += int(found.group(1).replace(",", ""))
    return counts


def perf(root: Path, listing: Path, scratch: Path,
         dsos: dict[str, str]) -> tuple[collections.Counter[str], dict[str, float]]:
    """CPU nanoseconds per C function (cpu-clock samples of the pages after the warm-up:
    perf starts disabled, the child enables it) and the child's getrusage."""
    data, control, ack = scratch / "perf.data", scratch / "perf.control", scratch / "perf.ack"
    for fifo in (control, ack):
        fifo.unlink(missing_ok=True)
        os.mkfifo(fifo)
    result = subprocess.run([_tool("perf"), "record", "-q", "-e", "cpu-clock", "-F", "5000", "-o", str(data),
                             "-D", "-1", f"--control=fifo:{control},{ack}", *_command(root, listing, False)],
                            cwd=root, env={**_env(root), "BENCH_CPI_PERF": f"{control},{ack}"},
                            capture_output=True, text=True, check=True)
    usage = json.loads(result.stdout.strip().splitlines()[-1])
    text = subprocess.run([_tool("perf"), "report", "-i", str(data), "--sort", "dso,sym", "--stdio",
                           "-F", "period,dso,sym"], capture_output=True, text=True, check=True).stdout
    spent: collections.Counter[str] = collections.Counter()
    for line in text.splitlines():
        found = re.match(r"\s*(\d+)\s+(\S+)\s+\[[.kH]\]\s+(.*)$", line)
        if found:
            function = found.group(3).strip()
            spent[function] += int(found.group(1))
            dsos.setdefault(function, found.group(2))
    return spent, usage


def measure(roots: list[tuple[str, Path]], paths: list[Path], cables: int, repeats: int, scratch: Path,
            dsos: dict[str, str]) -> dict[str, tuple[dict[str, float], list[dict[str, float]], list[dict[str, float]]]]:
    """For each checkout: millions of instructions per cable by function; per run, ms per
    cable by function and the getrusage per cable. The checkouts' perf runs take turns."""
    listing = scratch / "pages.txt"
    listing.write_text("\n".join(str(p) for p in paths[: WARM + cables]), encoding="utf-8")
    results: dict[str, tuple[dict[str, float], list[dict[str, float]], list[dict[str, float]]]] = {}
    for label, root in roots:
        counts = callgrind(root, listing, False, scratch)
        counts.subtract(callgrind(root, listing, True, scratch))
        results[label] = ({f: n / cables / 1e6 for f, n in counts.items()}, [], [])
    for run in range(repeats):
        for label, root in roots if run % 2 == 0 else roots[::-1]:
            spent, usage = perf(root, listing, scratch, dsos)
            results[label][1].append({f: ns / cables / 1e6 for f, ns in spent.items()})
            results[label][2].append({k: v / cables for k, v in usage.items()})
    return results


def _by_part(values: dict[str, float], dsos: dict[str, str]) -> dict[str, float]:
    parts: dict[str, float] = collections.defaultdict(float)
    for function, value in values.items():
        parts[part(function, dsos.get(function, ""))] += value
    return parts


def _mean(runs: list[dict[str, float]]) -> dict[str, float]:
    keys = {k for run in runs for k in run}
    return {k: sum(run.get(k, 0.0) for run in runs) / len(runs) for k in keys}


#: cachegrind's geometry: size, ways, line (AMD Zen 4 per core; cachegrind simulates two levels)
CACHES = ("--I1=32768,8,64", "--D1=32768,8,64", "--LL=1048576,8,64")
EVENTS = (
    ("Ir", "instructions"),
    ("I1mr", "L1 instruction misses"),
    ("D1mr+D1mw", "L1 data misses"),
    ("ILmr+DLmr+DLmw", "L2 (1 MiB) misses"),
    ("Bcm", "conditional branches mispredicted"),
    ("Bim", "indirect branches mispredicted (a crude predictor)"),
)


def cachegrind(root: Path, listing: Path, warm_only: bool, scratch: Path) -> dict[str, dict[str, int]]:
    """cachegrind's counts (instructions, misses, mispredictions) of one run, by function
    (recursion levels merged) and in all (``""``)."""
    out = scratch / f"cachegrind-{warm_only}.out"
    subprocess.run([_tool("valgrind"), "--tool=cachegrind", "--cache-sim=yes", "--branch-sim=yes", *CACHES,
                    f"--cachegrind-out-file={out}", f"--log-file={out}.log", *_command(root, listing, warm_only)],
                   cwd=root, env=_env(root), stdout=subprocess.DEVNULL, check=True)
    events: list[str] = []
    counts: dict[str, dict[str, int]] = {}
    current: dict[str, int] | None = None
    for line in out.read_text(encoding="utf-8").splitlines():
        if line.startswith("events:"):
            events = line.split()[1:]
        elif line.startswith("fn="):
            current = counts.setdefault(re.sub(r"'\d+$", "", line[3:].strip()), dict.fromkeys(events, 0))
        elif line.startswith("summary:"):
            counts[""] = dict(zip(events, map(int, line.split()[1:]), strict=True))
        elif current is not None and line[:1].isdigit():
            for event, value in zip(events, line.split()[1:], strict=False):
                current[event] += int(value)
    if "" not in counts:
        raise SystemExit(f"no totals in {out}")
    return counts


def caches(roots: list[tuple[str, Path]], paths: list[Path], cables: int, scratch: Path) -> None:
    listing = scratch / "pages.txt"
    listing.write_text("\n".join(str(p) for p in paths[: WARM + cables]), encoding="utf-8")
    per: dict[str, dict[str, dict[str, float]]] = {}
    for label, root in roots:
        full, warm = cachegrind(root, listing, False, scratch), cachegrind(root, listing, True, scratch)
        per[label] = {fn: {k: (v - warm.get(fn, {}).get(k, 0)) / cables for k, v in got.items()}
                      for fn, got in full.items()}
    names = list(per)

    def count(label: str, key: str, fn: str = "") -> float:
        return sum(per[label].get(fn, {}).get(k, 0.0) for k in key.split("+"))

    print(f"\nSimulated per cable (cachegrind, {cables} cables after the warm-up; "
          "L1 32 KiB 8-way, L2 1 MiB 8-way)\n")
    print("| event | " + " | ".join(f"thousands per cable {n}" for n in names)
          + (" | this/before |" if len(names) > 1 else " |"))
    print("|---|" + "---:|" * (len(names) + (len(names) > 1)))
    for key, name in EVENTS:
        values = [count(n, key) for n in names]
        ratio = [f"{values[-1] / values[0]:.2f}"] if len(values) > 1 and values[0] else []
        print(f"| {name} | " + " | ".join([f"{v / 1e3:,.1f}" for v in values] + ratio) + " |")
    if len(names) < 2:
        return
    print("\nThe functions whose counts grew most (thousands per cable, before -> this):\n")
    functions = {fn for n in names for fn in per[n] if fn}
    for key, name in EVENTS[1:-1]:
        grown = sorted(functions, key=lambda fn: count(names[0], key, fn) - count(names[1], key, fn))[:4]
        print(f"- {name}: " + "; ".join(f"{fn} {count(names[0], key, fn) / 1e3:.1f} -> "
                                        f"{count(names[1], key, fn) / 1e3:.1f}" for fn in grown))


def report(results: dict[str, tuple[dict[str, float], list[dict[str, float]], list[dict[str, float]]]],
           dsos: dict[str, str], cables: int) -> None:
    names = list(results)
    instr = {n: results[n][0] for n in names}
    times = {n: _mean(results[n][1]) for n in names}
    print(f"\nTEI+JSON in memory, {cables} cables after a {WARM}-page warm-up; time: perf cpu-clock, "
          f"mean of {len(results[names[0]][1])} runs; instructions: callgrind\n")
    print("| part | " + " | ".join(f"ms/cable {n}" for n in names) + " | "
          + " | ".join(f"M instr/cable {n}" for n in names) + " | "
          + " | ".join(f"ns per 1000 instr {n}" for n in names) + " |")
    print("|---|" + "---:|" * (3 * len(names)))
    parts_t = {n: _by_part(times[n], dsos) for n in names}
    parts_i = {n: _by_part(instr[n], dsos) for n in names}
    order = sorted({p for n in names for p in parts_t[n]}, key=lambda p: -parts_t[names[-1]].get(p, 0.0))
    for p in [*order, "total"]:
        t = [sum(parts_t[n].values()) if p == "total" else parts_t[n].get(p, 0.0) for n in names]
        i = [sum(parts_i[n].values()) if p == "total" else parts_i[n].get(p, 0.0) for n in names]
        rate = [f"{1000 * a / b:.0f}" if b > PRICED else "-" for a, b in zip(t, i, strict=True)]
        print(f"| {p} | " + " | ".join(f"{x:.3f}" for x in t) + " | " + " | ".join(f"{x:.2f}" for x in i)
              + " | " + " | ".join(rate) + " |")
    print("\n| run | " + " | ".join(f"{k} per cable" for k in ("user ms", "system ms", "minor faults",
                                                                   "involuntary switches")) + " |")
    print("|---|---:|---:|---:|---:|")
    for n in names:
        for run, usage in enumerate(results[n][2]):
            print(f"| {n} {run + 1} | {1000 * usage['ru_utime']:.3f} | {1000 * usage['ru_stime']:.3f} | "
                  f"{usage['ru_minflt']:.1f} | {usage['ru_nivcsw']:.2f} |")
    if len(names) < 2:
        return
    base, this = names[0], names[1]
    # this checkout's instructions at the base's time per instruction, function by function
    # (a function the base hardly ran: at its part's rate in the base)
    part_rate = {p: parts_t[base][p] / parts_i[base][p] for p in parts_i[base] if parts_i[base][p] > PRICED}
    priced = 0.0
    for function, count in instr[this].items():
        # (a function perf names otherwise, e.g. lxml's without symbols in callgrind, or libc's
        # memcpy that valgrind picks another variant of: at its part's rate)
        if instr[base].get(function, 0.0) > PRICED and times[base].get(function, 0.0) > 0:
            priced += count * times[base][function] / instr[base][function]
        else:
            priced += count * part_rate.get(part(function, dsos.get(function, "")), 0.0)
    t0, t1 = sum(times[base].values()), sum(times[this].values())
    i0, i1 = sum(instr[base].values()), sum(instr[this].values())
    cpu = {n: sorted(1000 * (u["ru_utime"] + u["ru_stime"]) for u in results[n][2]) for n in names}
    print(f"\nCPU time (user + system), ms per cable: {base} {', '.join(f'{x:.2f}' for x in cpu[base])}; "
          f"{this} {', '.join(f'{x:.2f}' for x in cpu[this])}")
    print(f"time {this}/{base}: {statistics.median(cpu[this]) / statistics.median(cpu[base]):.2f} (medians), "
          f"{t1 / t0:.2f} (perf's samples, the means)")
    print(f"instructions {this}/{base}: {i1 / i0:.2f}")
    print(f"{this}'s instructions at {base}'s time per instruction of each function: {priced / t0:.2f} "
          f"(the instruction mix); the rest, {t1 / priced:.2f}, is the same functions running slower per "
          "instruction")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    corpus.comparison_arguments(ap)
    ap.add_argument("--cables", type=int, default=150, help="cables counted after the warm-up")
    ap.add_argument("--repeats", type=int, default=3, help="perf runs of each checkout")
    ap.add_argument("--caches", action="store_true", help="also simulate caches and branches (cachegrind)")
    ap.add_argument("--save", type=Path, help="also write the measurements to this JSON file")
    ap.add_argument("--load", type=Path, help="report the measurements of an earlier --save (no runs)")
    ap.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--warm-only", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.child[0], args.child[1], args.warm_only)
        return 0
    if args.load:
        saved = json.loads(args.load.read_text(encoding="utf-8"))
        report({k: tuple(v) for k, v in saved["results"].items()}, saved["dsos"], saved["cables"])
        return 0
    for tool in ("valgrind", "callgrind_annotate", "perf"):
        _tool(tool)
    paths = corpus.pages(args.corpus)
    random.Random(SEED).shuffle(paths)  # noqa: S311 - a fixed sample, not a secret
    roots = ([("before", args.against.resolve())] if args.against else []) + [("this", REPO)]
    dsos: dict[str, str] = {}
    with tempfile.TemporaryDirectory(prefix="bench-cpi-") as scratch:
        results = measure(roots, paths, args.cables, args.repeats, Path(scratch), dsos)
        if args.save:
            args.save.write_text(json.dumps({"results": results, "dsos": dsos, "cables": args.cables}),
                                 encoding="utf-8")
        report(results, dsos, args.cables)
        if args.caches:
            caches(roots, paths, args.cables, Path(scratch))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
