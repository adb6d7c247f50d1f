"""Peak memory and CPU of ``--book --to pdf`` by volume size (issue 12 item 14).

    python scripts/bench_volume.py [--corpus DIR] [--sizes 100,500,6550] [--keep DIR]

For each size N, N cablegate pages spread evenly over the sorted corpus (every
``len/N``-th page) are made into one PDF volume by the command line in a child process
(``--files-from``, SOURCE_DATE_EPOCH set). The child reports its own peak RSS
(``getrusage(RUSAGE_SELF)``: the main process, which reads and spools the cables and joins
the pieces) and the largest of its children's (``RUSAGE_CHILDREN``: the renderer of one
chunk at a time), with their CPU seconds. Pieces are rendered one after another, so the two
peaks never add up to more than their sum; the sum is quoted as the bound. CPU time, not
wall time, is the speed figure: the machine may be shared. Then ``scripts/check_volume.py``
checks the volume (contents, cross-references, index heads, bookmarks, links).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

from check_volume import check  # noqa: E402
from corpus import pages as corpus_pages  # noqa: E402

#: run in the child: the CLI, then its own and its children's rusage as one JSON line
CHILD = """
import json, resource, sys
from convert.cli import main
code = main(sys.argv[1:])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"code": code, "self_rss": me.ru_maxrss * 1024, "child_rss": kids.ru_maxrss * 1024,
                  "self_cpu": me.ru_utime + me.ru_stime, "child_cpu": kids.ru_utime + kids.ru_stime}),
      file=sys.stderr)
"""


def spread(pages: list[Path], n: int) -> list[Path]:
    if n >= len(pages):
        return pages
    step = len(pages) // n
    return pages[::step][:n]


def run(pages: list[Path], n: int, scratch: Path, check_up_to: int) -> dict[str, object]:
    chosen = spread(pages, n)
    names = scratch / f"inputs-{n}.txt"
    names.write_text("".join(f"{p}\n" for p in chosen), encoding="utf-8")
    out = scratch / f"volume-{n}"
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-c", CHILD, "--book", "--to", "pdf", "--files-from",
                           str(names), "-o", str(out), "--progress", "lines"],
                          cwd=REPO, env=env, capture_output=True, text=True, check=False)
    lines = done.stderr.strip().splitlines()
    figures = json.loads(lines[-1])
    for line in lines[:-1]:
        print(f"    {line}", file=sys.stderr)
    pdf = out / "volume.pdf"
    if not pdf.exists():
        return {"cables": len(chosen), **figures, "pages": 0, "size": 0, "checks": "no volume"}
    report = check(pdf) if len(chosen) <= check_up_to else None
    checks = "not run" if report is None else "all pass" if report.ok else report.problems[:5]
    return {"cables": len(chosen), **figures, "pages": _pages(pdf), "size": pdf.stat().st_size,
            "checks": checks}


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def mb(value: object) -> str:
    return f"{int(str(value)) / 2**20:,.0f} MB"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", help="folder of cablegate pages (default: unpack the shared tarball)")
    parser.add_argument("--sizes", default="100,500,6550")
    parser.add_argument("--keep", help="make the volumes here and keep them")
    parser.add_argument("--check-up-to", type=int, default=500,
                        help="run check_volume.py on volumes of at most this many cables (default 500)")
    args = parser.parse_args()
    pages = corpus_pages(args.corpus)
    scratch = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-volume-"))
    scratch.mkdir(parents=True, exist_ok=True)
    print("| cables | pages | exit | main peak RSS | largest renderer peak RSS | sum | CPU s (main + "
          "renderers) | PDF size | checks |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for n in (int(x) for x in args.sizes.split(",")):
        row = run(pages, n, scratch, args.check_up_to)
        total = int(str(row["self_rss"])) + int(str(row["child_rss"]))
        print(f"| {row['cables']} | {row['pages']} | {row['code']} | {mb(row['self_rss'])} | "
              f"{mb(row['child_rss'])} | {mb(total)} | {row['self_cpu']:.0f} + {row['child_cpu']:.0f} | "
              f"{mb(row['size'])} | {row['checks']} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
