"""What tagging costs: the same cables rendered tagged and untagged, side by side (issue 13).

Tagged is the default ``pdf/a-3a`` (weasyprint's structure tree, finished to PDF/UA-1 by
convert/writers/pdf_tags.py); untagged is ``pdf/a-3b``. Three measures, all in one run:

* **Single cables**: each cable tagged and untagged, interleaved, CPU seconds of this process.
* **The volume, CPU**: the whole ``--book`` PDF of --volume cables (pieces, join), its pieces
  laid out one after the other *in this process* (the product forks a short-lived process per
  piece; here :func:`run_piece_here` calls the same :func:`~convert.writers.pdf_pieces.render_piece`
  with the same collector settings, :func:`~convert.writers.pdf_pieces.collect_less`), timed
  with ``time.process_time`` (this process only: no child's CPU, no fork, no copy-on-write
  of the parent's heap). The garbage a piece leaves (a forked piece's process exits without
  collecting it) is collected between pieces and that CPU is not counted. The first round warms
  up and is discarded; then ``--volume-rounds`` rounds, interleaved (tagged first in even
  rounds, untagged first in odd ones). Printed: the ratio of the medians, the ratio of the
  minima, and the median, min and max of the rounds' own ratios (max - min is the spread).
  ``--fork`` times the volume as the product makes it instead (a process per piece; CPU of
  this process and its children, ``getrusage``), for comparison.
* **The volume, instructions** (``--instructions``): each variant's volume rendered once in a
  process of its own under ``valgrind --tool=callgrind`` (``PYTHONHASHSEED=0``), the same
  in-process rendering; a third process does everything but the render (loading the cables,
  warming both variants on the seed) and its count is subtracted from the other two. The
  three run at once. Counted instructions (callgrind's total ``Ir``) do not move with the
  machine's load: this is the load-independent side-by-side measure. Slow (callgrind runs
  Python about 50 times slower: a 20-cable volume takes about a quarter of an hour); not for CI.

    python scripts/bench_tags.py [--pages DIR] [--cables 20] [--rounds 5] [--volume 20]
                                 [--volume-rounds 5] [--no-singles] [--fork] [--instructions]
"""

from __future__ import annotations

import argparse
import gc
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from exporters_corpus import Cable, corpus_pages, load_cables, seed_cable

from convert.options import WriteOptions
from convert.writers import pdf, pdf_pieces, pdf_volume

TAGGED = WriteOptions(pdf_variant="pdf/a-3a")
UNTAGGED = WriteOptions(pdf_variant="pdf/a-3b")
VARIANTS = {"pdf/a-3a": TAGGED, "pdf/a-3b": UNTAGGED}

Clock = Callable[[], float]


def cpu_seconds() -> float:
    """CPU of this process and of its children that have ended (the forked piece renderers)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class InProcess:
    """The volume's pieces laid out here, one after the other, instead of a process each."""

    def __init__(self) -> None:
        self.uncounted = 0.0  # CPU s spent collecting the garbage of the pieces before

    def run_piece(self, piece: pdf_pieces.Piece, options: WriteOptions, limit: float | None) -> pdf_pieces.Piece:
        start = time.process_time()
        gc.collect()  # what the piece before left: a forked piece's process never collects it
        self.uncounted += time.process_time() - start
        pdf_pieces.collect_less()  # as in a piece's process: what is alive now is frozen
        try:
            return pdf_pieces.render_piece(piece, options)
        finally:
            gc.unfreeze()

    def install(self) -> None:
        pdf_volume.run_piece = self.run_piece  # type: ignore[assignment]

    def clock(self) -> float:
        return time.process_time() - self.uncounted


def timed(work: Callable[[], bytes], clock: Clock) -> tuple[float, int]:
    start = clock()
    size = len(work())
    return clock() - start, size


Row = tuple[str, list[tuple[float, float]], int, int]


def rounds(name: str, tagged: Callable[[], bytes], untagged: Callable[[], bytes], count: int,
           clock: Clock) -> Row:
    """``count`` rounds after one discarded warm-up round, interleaved (ABBA)."""
    pairs: list[tuple[float, float]] = []
    sizes = (0, 0)
    for number in range(count + 1):
        order = [(0, tagged), (1, untagged)] if number % 2 == 0 else [(1, untagged), (0, tagged)]
        times = [0.0, 0.0]
        got = [0, 0]
        for slot, work in order:
            times[slot], got[slot] = timed(work, clock)
        if number:
            pairs.append((times[0], times[1]))
        sizes = (got[0], got[1])
    return name, pairs, sizes[0], sizes[1]


def print_rows(rows: list[Row]) -> None:
    print(f"{'input':34} {'tagged s':>9} {'untagged s':>10} {'ratio':>6} {'of min':>7} "
          f"{'rounds: median':>14} {'min':>6} {'max':>6} {'spread':>7} {'tagged KB':>10} {'untagged KB':>11}")
    for name, pairs, tagged_size, untagged_size in rows:
        tagged = statistics.median(a for a, _ in pairs)
        untagged = statistics.median(b for _, b in pairs)
        ratios = [a / b for a, b in pairs]
        of_min = min(a for a, _ in pairs) / min(b for _, b in pairs)
        print(f"{name:34} {tagged:9.2f} {untagged:10.2f} {tagged / untagged:6.3f} {of_min:7.3f} "
              f"{statistics.median(ratios):14.3f} {min(ratios):6.3f} {max(ratios):6.3f} "
              f"{max(ratios) - min(ratios):7.3f} {tagged_size / 1024:10.0f} {untagged_size / 1024:11.0f}")


# --- instruction counts (valgrind) ---------------------------------------------------------


def load(pages: list[str], seed: bool = True) -> list[Cable]:
    cables = [seed_cable()] if seed else []
    return cables + [c for _, c in load_cables([Path(p) for p in pages]) if isinstance(c, Cable)]


def render_once(variant: str, pages: list[str], volume: int) -> None:
    """In a process of its own (under callgrind): load, warm both variants, render the volume
    once in ``variant`` (``"none"``: not at all: the count to subtract)."""
    from convert.volume import make_volume

    cables = load(pages)
    for options in (TAGGED, UNTAGGED):
        pdf.write(cables[0], options)
    built = make_volume(cables[:volume])
    here = InProcess()
    here.install()
    gc.collect()
    if variant != "none":
        pdf.write_volume(built, VARIANTS[variant])


def callgrind_total(path: Path) -> int:
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith(("summary:", "totals:")):
            return int(line.split()[1])
    raise SystemExit(f"no total in {path}")


def instructions(pages: list[str], volume: int) -> None:
    """Ir of the tagged and the untagged volume render, each in a process of its own, less the
    Ir of a process that does all but the render."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        raise SystemExit("valgrind not found (apt-get install valgrind)")
    counts: dict[str, int] = {}
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="bench-tags-callgrind-") as folder:
        runs = {}
        for variant in ("none", "pdf/a-3a", "pdf/a-3b"):  # at once: a count does not depend on it
            out = Path(folder) / f"callgrind.{variant.replace('/', '-')}"
            runs[variant] = out, subprocess.Popen(
                [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", "--dump-instr=no",
                 sys.executable, __file__, "--render-once", variant, "--volume", str(volume), *pages],
                env={**os.environ, "PYTHONHASHSEED": "0"}, stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE)
        for variant, (out, process) in runs.items():
            _, errors = process.communicate()
            if process.returncode:
                raise SystemExit(f"callgrind {variant} failed: {errors.decode(errors='replace')[-2000:]}")
            counts[variant] = callgrind_total(out)
            print(f"  callgrind {variant:9} Ir {counts[variant]:>16,} ({time.monotonic() - started:.0f} s)",
                  flush=True)
    base = counts["none"]
    tagged, untagged = counts["pdf/a-3a"] - base, counts["pdf/a-3b"] - base
    print(f"volume render, instructions (Ir): tagged {tagged:,}, untagged {untagged:,}, "
          f"ratio {tagged / untagged:.3f} (whole processes: {counts['pdf/a-3a'] / counts['pdf/a-3b']:.3f})")


# --- main ----------------------------------------------------------------------------------


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="unpacked cablegate pages (default: unpack the archive)")
    parser.add_argument("--cables", type=int, default=20, help="cablegate pages besides the seed")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of the single cables (after a warm-up)")
    parser.add_argument("--volume", type=int, default=20, help="cables in the volume (0: none)")
    parser.add_argument("--volume-rounds", type=int, default=5, help="rounds of the volume (after a warm-up)")
    parser.add_argument("--no-singles", action="store_true", help="time the volume only")
    parser.add_argument("--fork", action="store_true",
                        help="the volume's pieces in processes of their own, as the product (noisier)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count the volume's instructions under callgrind (minutes)")
    parser.add_argument("--render-once", choices=["none", *VARIANTS], help=argparse.SUPPRESS)
    parser.add_argument("page_files", nargs="*", help=argparse.SUPPRESS)
    return parser.parse_args()


def main() -> int:
    args = parse()
    if args.render_once:
        render_once(args.render_once, args.page_files, args.volume)
        return 0
    start_load = os.getloadavg()
    pages = [str(p) for p in corpus_pages(args.pages, args.cables)]
    cables = load(pages)
    for cable in cables[:2]:  # warm both variants: imports, fonts, stylesheets
        pdf.write(cable, TAGGED), pdf.write(cable, UNTAGGED)

    def each(options: WriteOptions) -> Callable[[], bytes]:
        return lambda: b"".join(pdf.write(cable, options) for cable in cables)

    rows = [] if args.no_singles else [
        rounds(f"{len(cables)} single cables", each(TAGGED), each(UNTAGGED), args.rounds, time.process_time)]
    if args.volume:
        from convert.volume import make_volume

        volume = make_volume(cables[: args.volume])
        clock: Clock = cpu_seconds
        how = "a process per piece"
        if not args.fork:
            here = InProcess()
            here.install()
            clock, how = here.clock, "pieces in-process"
        rows.append(rounds(f"volume of {len(volume.cables)}, {how}",
                           lambda: pdf.write_volume(volume, TAGGED),
                           lambda: pdf.write_volume(volume, UNTAGGED), args.volume_rounds, clock))
    print_rows(rows)
    print("CPU seconds, median of the rounds (a warm-up round discarded); ratio: of the medians; "
          "of min: of the minima; rounds: each round's tagged/untagged, spread = max - min")
    if args.instructions and args.volume:
        instructions(pages, args.volume)
    print("load average (1, 5, 15 min) at the start " + " ".join(f"{v:.2f}" for v in start_load)
          + ", at the end " + " ".join(f"{v:.2f}" for v in os.getloadavg()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
