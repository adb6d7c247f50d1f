"""Peak memory of joining a PDF volume's pieces, by the number of pages joined.

    python scripts/bench_join.py FOLDER [--repeat 1,4,12]

FOLDER holds rendered pieces (``chunk-*.pdf``, e.g. kept from a volume's job folder). For
each count R, the pieces are joined R times over (the first piece standing for the front
matter) in a fresh child process, which reports its peak RSS and CPU time: the join's
memory against the size of the volume, without rendering one again.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = """
import json, resource, sys
from pathlib import Path
from convert.writers.pdf_join import join
paths = json.loads(sys.argv[1])
pages = join(paths[0], paths[1:], Path(sys.argv[2]))
me = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"pages": pages, "rss": me.ru_maxrss * 1024, "cpu": me.ru_utime + me.ru_stime,
                  "size": Path(sys.argv[2]).stat().st_size}))
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder")
    parser.add_argument("--repeat", default="1,4,12")
    args = parser.parse_args()
    # only finished pieces: their renderer wrote its answer beside them
    pieces = sorted(str(p) for p in Path(args.folder).glob("chunk-*.pdf")
                    if p.with_name(p.name + ".json").exists())
    if not pieces:
        print(f"no chunk-*.pdf in {args.folder}", file=sys.stderr)
        return 2
    print("| pieces joined | pages | peak RSS of the join | CPU s | PDF size |")
    print("| --- | --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as folder:
        for repeat in (int(x) for x in args.repeat.split(",")):
            paths = pieces * repeat
            target = Path(folder) / "joined.pdf"
            done = subprocess.run([sys.executable, "-c", CHILD, json.dumps(paths), str(target)],
                                  cwd=REPO, capture_output=True, text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {len(paths)} | {row['pages']:,} | {row['rss'] / 2**20:,.0f} MB | "
                  f"{row['cpu']:.0f} | {row['size'] / 2**20:,.0f} MB |", flush=True)
            target.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
