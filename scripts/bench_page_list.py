"""What an EPUB volume's page list costs (issue 13), in CPU seconds (this process and the
piece processes and pandoc it waited for), medians of interleaved rounds after a warm-up:

- ``epub, no page list``: the EPUB volume alone, ``--no-page-list``;
- ``epub alone, page list``: the EPUB volume alone, laying out its PDF edition (the default);
- ``layout for the pages``: that layout by itself (:func:`convert.writers.pdf.volume_pages`);
- ``pdf``: the PDF volume as it was made before (no page starts read);
- ``pdf, pages read``: the PDF volume reading where its pages start (what ``--to pdf,epub``
  does);
- ``pdf + epub, handed over``: the run ``--book --to pdf,epub`` makes (the EPUB takes the
  PDF's pages), against ``pdf + epub, no page list``.

The pieces of a volume are laid out one after another (each in its own process), so CPU time
is also about the wall time on an idle machine. Also prints the pages listed.

    python scripts/bench_page_list.py [--pages DIR] [--cables 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
from collections import defaultdict
from collections.abc import Callable

from exporters_corpus import add_volume_arguments, sample_volume

from convert.options import WriteOptions
from convert.volume import Volume
from convert.writers import epub, pdf
from convert.writers.page_starts import PageStart

OPTIONS = WriteOptions(source_date_epoch=1_700_000_000)
NO_LIST = WriteOptions(source_date_epoch=1_700_000_000, page_list=False)


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _both(volume: Volume) -> None:
    pages: list[PageStart] = []
    pdf.write_volume(volume, OPTIONS, pages=pages)
    epub.write_volume(volume, OPTIONS, pages=pages)


def cases(volume: Volume) -> dict[str, Callable[[], object]]:
    return {
        "epub, no page list": lambda: epub.write_volume(volume, NO_LIST),
        "epub alone, page list": lambda: epub.write_volume(volume, OPTIONS),
        "layout for the pages": lambda: pdf.volume_pages(volume, OPTIONS),
        "pdf": lambda: pdf.write_volume(volume, OPTIONS),
        "pdf, pages read": lambda: pdf.write_volume(volume, OPTIONS, pages=[]),
        "pdf + epub, no page list": lambda: (pdf.write_volume(volume, OPTIONS),
                                             epub.write_volume(volume, NO_LIST)),
        "pdf + epub, handed over": lambda: _both(volume),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_volume_arguments(parser)
    args = parser.parse_args()
    volume = sample_volume(args.pages, args.cables)
    work = cases(volume)
    times: dict[str, list[float]] = defaultdict(list)
    load = os.getloadavg()[0]
    for number in range(args.rounds + 1):  # round 0 warms up and is not counted
        for name in (list(work) if number % 2 else list(reversed(work))):
            start = cpu_seconds()
            work[name]()
            if number:
                times[name].append(cpu_seconds() - start)
    starts = pdf.volume_pages(volume, OPTIONS)
    print(f"a volume of {len(volume.cables)} cables, {starts[-1].page if starts else 0} text pages "
          f"(1 to the index), {args.rounds} rounds, load {load:.1f}-{os.getloadavg()[0]:.1f}")
    base = statistics.median(times["epub, no page list"])
    print("| case | CPU s (median) | min-max | x epub without page list |")
    print("| --- | ---: | ---: | ---: |")
    for name in work:
        values = times[name]
        print(f"| {name} | {statistics.median(values):.2f} | {min(values):.2f}-{max(values):.2f} | "
              f"{statistics.median(values) / base:.2f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
