"""What tagging costs: the same cables rendered tagged and untagged, side by side (issue 13).

Tagged is the default ``pdf/a-3a`` (weasyprint's structure tree, finished to PDF/UA-1 by
convert/writers/pdf_tags.py); untagged is ``pdf/a-3b``. Both in one process, interleaved
(tagged, untagged, then untagged, tagged in the next round), timed in CPU seconds (this
process and the volume's piece renderers, which are child processes), so a busy machine
disturbs the ratio less than wall time would. Single cables: each cable's pair per round,
the ratio of the summed times per round, its median over the rounds. The volume: the whole
``--book`` PDF (pieces, join) of --volume cables, per round.

    python scripts/bench_tags.py [--pages DIR] [--cables 20] [--rounds 5] [--volume 20]
                                 [--volume-rounds N] [--no-singles]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
from collections.abc import Callable

from exporters_corpus import Cable, corpus_pages, load_cables, seed_cable

from convert.options import WriteOptions
from convert.writers import pdf

TAGGED = WriteOptions(pdf_variant="pdf/a-3a")
UNTAGGED = WriteOptions(pdf_variant="pdf/a-3b")


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(work: Callable[[], bytes]) -> tuple[float, int]:
    start = cpu_seconds()
    size = len(work())
    return cpu_seconds() - start, size


def rounds(name: str, tagged: Callable[[], bytes], untagged: Callable[[], bytes],
           count: int) -> tuple[str, float, float, float, float, int, int]:
    pairs: list[tuple[float, float]] = []
    sizes = (0, 0)
    for number in range(count):
        order = [(0, tagged), (1, untagged)] if number % 2 == 0 else [(1, untagged), (0, tagged)]
        times = [0.0, 0.0]
        got = [0, 0]
        for slot, work in order:
            times[slot], got[slot] = timed(work)
        pairs.append((times[0], times[1]))
        sizes = (got[0], got[1])
    ratios = [a / b for a, b in pairs]
    return (name, statistics.median(a for a, _ in pairs), statistics.median(b for _, b in pairs),
            statistics.median(ratios), max(ratios) - min(ratios), sizes[0], sizes[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", help="unpacked cablegate pages (default: unpack the archive)")
    parser.add_argument("--cables", type=int, default=20, help="cablegate pages besides the seed")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--volume", type=int, default=20, help="cables in the volume (0: none)")
    parser.add_argument("--volume-rounds", type=int, help="rounds of the volume (default: half --rounds, at least 2)")
    parser.add_argument("--no-singles", action="store_true", help="time the volume only")
    args = parser.parse_args()
    load = os.getloadavg()[0]
    cables = [seed_cable()]
    cables += [c for _, c in load_cables(corpus_pages(args.pages, args.cables)) if isinstance(c, Cable)]
    for cable in cables[:2]:  # warm both variants: imports, fonts, stylesheets
        pdf.write(cable, TAGGED), pdf.write(cable, UNTAGGED)

    def each(options: WriteOptions) -> Callable[[], bytes]:
        return lambda: b"".join(pdf.write(cable, options) for cable in cables)

    rows = [] if args.no_singles else [
        rounds(f"{len(cables)} single cables", each(TAGGED), each(UNTAGGED), args.rounds)]
    if args.volume:
        from convert.volume import make_volume

        volume = make_volume(cables[: args.volume])
        rows.append(rounds(f"a volume of {len(volume.cables)} cables",
                           lambda: pdf.write_volume(volume, TAGGED),
                           lambda: pdf.write_volume(volume, UNTAGGED),
                           args.volume_rounds or max(2, args.rounds // 2)))
    print(f"{'input':28} {'tagged s':>9} {'untagged s':>10} {'ratio':>6} {'spread':>7} "
          f"{'tagged KB':>10} {'untagged KB':>11}")
    for name, tagged, untagged, ratio, spread, tagged_size, untagged_size in rows:
        print(f"{name:28} {tagged:9.2f} {untagged:10.2f} {ratio:6.3f} {spread:7.3f} "
              f"{tagged_size / 1024:10.0f} {untagged_size / 1024:11.0f}")
    print(f"load average (1 min) at the start {load:.1f}, at the end {os.getloadavg()[0]:.1f}")
    print("CPU seconds (median per round; the volume's piece renderers included); ratio: median "
          "of the rounds' tagged/untagged; spread: max - min of those ratios")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
