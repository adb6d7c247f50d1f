"""Where a tagged volume's time goes: the volume made tagged (``pdf/a-3a``) and untagged
(``pdf/a-3b``), interleaved, each part timed in CPU seconds (issue 13).

For each round and variant: the body pieces, the index and the front matter (each in its own
process, as :mod:`convert.writers.pdf_volume` makes them), the join, and inside the body
pieces' processes the cyclic collector's passes and CPU time and how many times a stream's
bytes were made (pydyf's ``Stream.data``: serialised and compressed). Passes and serialisations
are counters, not timings: they do not move with the machine's load. ``--default-gc`` makes the pieces with
CPython's collector settings (as before :func:`convert.writers.pdf_pieces.collect_less`),
and ``--serialise-twice`` without :func:`convert.writers.pdf.serialise_once`, for the comparison.

Inside the pieces, the steps' CPU: weasyprint's layout, ``write_pdf`` and within it the
tagging (``add_tags``), our finisher and pydyf's ``write``. ``--in-process`` lays the pieces
out in this process (as ``bench_tags.py`` does: steadier than a process per piece).

    python scripts/profile_tags.py [--pages DIR] [--cables 20] [--rounds 3] [--default-gc]
                                   [--serialise-twice] [--in-process]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from exporters_corpus import add_volume_arguments, sample_volume

from convert.options import WriteOptions
from convert.writers import pdf, pdf_pieces, pdf_volume

VARIANTS = ("pdf/a-3a", "pdf/a-3b")


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def instrument(log: list[tuple[str, float]]) -> None:
    """Time each piece and the join; the body pieces' processes report their collector."""
    render, run, join = pdf_pieces.render_piece, pdf_volume.run_piece, pdf_volume.join

    class Collector:
        """The collector's passes' CPU time (a ``gc.callbacks`` entry)."""

        def __init__(self) -> None:
            self.total = self.started = 0.0

        def __call__(self, phase: str, info: dict[str, Any]) -> None:
            if phase == "start":
                self.started = time.process_time()
            else:
                self.total += time.process_time() - self.started

    def render_piece(piece: pdf_pieces.Piece, options: WriteOptions) -> pdf_pieces.Piece:
        import pydyf  # in the piece's process only, as weasyprint

        collector, made = Collector(), pydyf.Stream.data
        serialised = [0]

        def data(stream: Any) -> bytes:
            serialised[0] += 1
            return made.fget(stream)  # type: ignore[no-any-return]

        pydyf.Stream.data = property(data)
        steps = time_steps()
        steps.clear()
        before = sum(s["collections"] for s in gc.get_stats())
        gc.callbacks.append(collector)
        try:
            done = render(piece, options)
        finally:
            gc.callbacks.remove(collector)
            pydyf.Stream.data = made
        passes = sum(s["collections"] for s in gc.get_stats()) - before
        Path(piece.path + ".gc").write_text(json.dumps([passes, collector.total, serialised[0], steps]))
        return done

    def run_piece(piece: pdf_pieces.Piece, *args: Any) -> pdf_pieces.Piece:
        start = cpu_seconds()
        done = run(piece, *args)
        log.append((piece.kind, cpu_seconds() - start))
        passes, seconds, streams, steps = json.loads(Path(piece.path + ".gc").read_text())
        log.extend([(f"{piece.kind} gc passes", passes), (f"{piece.kind} gc s", seconds),
                    (f"{piece.kind} stream bytes made", streams)])
        log.extend((f"pieces: {name}", value) for name, value in steps.items())
        return done

    def joined(*args: Any) -> int:
        start = cpu_seconds()
        pages = join(*args)
        log.append(("join", cpu_seconds() - start))
        return pages

    pdf_pieces.render_piece, pdf_volume.run_piece, pdf_volume.join = render_piece, run_piece, joined


STEPS: dict[str, float] = {}


def time_steps() -> dict[str, float]:
    """CPU s of the steps of laying out and writing a piece, in the process that does it:
    weasyprint's layout (``HTML.render``), its tagging (``add_tags``), our finisher
    (:func:`convert.writers.pdf_tags.finish`) and pydyf's ``PDF.write`` (serialising,
    compressing); the rest of ``write_pdf`` is drawing the pages (marked content included).
    Wrapped once per process; returns the totals, cleared by the caller for each piece."""
    import pydyf
    import weasyprint
    import weasyprint.pdf

    from convert.writers import pdf_tags

    def timer(owner: Any, name: str, label: str) -> None:
        original = getattr(owner, name)
        if getattr(original, "profile_tags", False):
            return

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.process_time()
            try:
                return original(*args, **kwargs)
            finally:
                STEPS[label] = STEPS.get(label, 0.0) + time.process_time() - start

        timed.profile_tags = True  # type: ignore[attr-defined]
        setattr(owner, name, timed)

    timer(weasyprint.HTML, "render", "layout")
    timer(weasyprint.Document, "write_pdf", "write_pdf")
    timer(weasyprint.pdf, "add_tags", "add_tags")  # called by that name in weasyprint.pdf
    timer(pdf_tags, "finish", "finisher")
    timer(pydyf.PDF, "write", "pydyf write")
    return STEPS


def epub_page_list_cost(volume: Any, rounds: int) -> None:
    """The EPUB volume against the print layout a page list needs (``pdf_variant="none"``:
    the pieces laid out and written without tags or PDF/A), CPU s, medians."""
    from convert.writers import epub

    book, layout = [], []
    for _ in range(rounds):
        start = cpu_seconds()
        epub.write_volume(volume, WriteOptions())
        book.append(cpu_seconds() - start)
        start = cpu_seconds()
        pdf.write_volume(volume, WriteOptions(pdf_variant="none"))
        layout.append(cpu_seconds() - start)
    print(f"EPUB volume {statistics.median(book):.2f} CPU s; the print layout (PDF volume, variant none) "
          f"{statistics.median(layout):.2f} CPU s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_volume_arguments(parser)
    parser.add_argument("--default-gc", action="store_true", help="CPython's collector settings in the pieces")
    parser.add_argument("--epub", action="store_true",
                        help="also the EPUB volume and the untagged layout alone (what a page list would cost)")
    parser.add_argument("--in-process", action="store_true",
                        help="the pieces laid out in this process, as bench_tags.py does (steadier)")
    parser.add_argument("--serialise-twice", action="store_true",
                        help="without pdf.serialise_once (pydyf makes each object's bytes twice)")
    args = parser.parse_args()
    if args.default_gc:
        pdf_pieces.collect_less = lambda: None
    if args.serialise_twice:
        pdf.serialise_once = lambda out: None
    volume = sample_volume(args.pages, args.cables)
    log: list[tuple[str, float]] = []
    clock = cpu_seconds
    if args.in_process:
        from bench_tags import InProcess

        here = InProcess()
        here.install()  # before instrument(), which wraps it
        clock = here.clock
    instrument(log)
    load = os.getloadavg()[0]
    results: dict[str, list[dict[str, float]]] = defaultdict(list)
    for number in range(args.rounds + 1):  # round 0 warms up and is not counted
        for variant in VARIANTS if number % 2 else reversed(VARIANTS):
            log.clear()
            start = clock()
            pdf.write_volume(volume, WriteOptions(pdf_variant=variant))
            parts: dict[str, float] = defaultdict(float)
            for name, value in log:
                parts[name] += value
            parts["total"] = clock() - start
            if number:
                results[variant].append(parts)
    if args.epub:
        epub_page_list_cost(volume, args.rounds)
    names = ["body", "body gc passes", "body gc s", "body stream bytes made", "index", "front",
             *(f"pieces: {step}" for step in ("layout", "write_pdf", "add_tags", "finisher", "pydyf write")),
             "join", "total"]
    print(f"a volume of {len(volume.cables)} cables, "
          f"{'pieces in this process' if args.in_process else 'a process per piece'}, {args.rounds} rounds, collector: "
          f"{'CPython default' if args.default_gc else 'collect_less'}, objects serialised "
          f"{'twice' if args.serialise_twice else 'once'}; medians, CPU s")
    print(f"{'part':24}" + "".join(f"{v:>11}" for v in VARIANTS) + f"{'ratio':>8}")
    for name in names:
        a, b = (statistics.median(r[name] for r in results[v]) for v in VARIANTS)
        print(f"{name:24}{a:11.3f}{b:11.3f}{(a / b if b else 0):8.3f}")
    print(f"load average (1 min) at the start {load:.1f}, at the end {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
