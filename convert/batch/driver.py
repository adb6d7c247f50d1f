"""The batch's main loop: plan, hand tasks to an engine, collect outcomes, close up.

:func:`run` wires the parts together (state, planner, claims, publisher, collector, engine)
and always closes them, in order, whatever happened, then writes ``OUT/report.json``.
:func:`drive` is the one loop every engine runs under, with the one retry queue.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from ..errors import OutputError, UsageError
from ..options import ConvertOptions
from ..output import LAYOUTS, place_taxonomy
from .claims import Claims
from .collect import Collector
from .digests import config_hash
from .engines import DEFAULT_RECYCLE_AFTER, ENGINES, Engine, InProcess, default_jobs, make_engine
from .inputs import estimate_total
from .plan import Planner
from .progress import Progress
from .publish import Publisher
from .report import REPORT_NAME, BatchReport, Ledger
from .state import State
from .worker import Task


def run(
    inputs: Iterable[str],
    out: Path,
    options: ConvertOptions,
    layout: str = "flat",
    stream: IO[str] | None = None,
    *,
    jobs: int | None = None,
    engine: str = "local",
    scheduler: str | None = None,
    resume: bool = True,
    recycle_after: int = DEFAULT_RECYCLE_AFTER,
    progress: str = "none",
    write_report: bool = True,
    hook: Callable[[str, int], None] | None = None,
) -> BatchReport:
    """Convert every cable the inputs name into ``out``; never raises for a single cable.

    ``progress``: "auto" (a bar on a terminal, else a line every 5 s), "bar", "lines" or
    "none", written to ``stream`` (standard error by default). ``hook`` is for tests only:
    it runs in the worker before each cable (see :class:`.worker.Task`)."""
    started_wall, started = time.time(), time.perf_counter()
    jobs = _checked(options, layout, engine, jobs)
    out = Path(out)
    inputs = list(inputs) if not isinstance(inputs, list) else inputs
    meter = _meter(progress, stream, inputs)
    state = State(out).load()
    config = config_hash(options, layout)
    ledger = Ledger(out, options.formats, meter)
    planner = Planner(out, options, state, config, ledger, resume=resume,
                      ship_data=engine == "dask", hook=hook)
    publisher = Publisher(state.tmp, out)
    claims = Claims(out, state, publisher, ledger)
    collector = Collector(out, options, layout, config, state, ledger, claims, publisher,
                          planner.merge)
    # the report is incomplete until the loop ends of itself: a run stopped by a signal, an
    # error or `kill -9` never leaves the previous run's report standing in for its own
    report = BatchReport(out=out, engine=engine, jobs=jobs, complete=False)
    runner: Engine | None = None

    def write_report_now() -> None:
        ledger.fill(report)
        report.seconds = time.perf_counter() - started
        if write_report and out.is_dir():
            path = out / REPORT_NAME
            try:
                report.write_json(path, state.tmp, options, layout, started_wall)
                report.report_path = path
            except OutputError as exc:
                print(exc.one_line(), file=sys.stderr)

    try:
        write_report_now()
        plan = planner.plan(inputs)
        first = [t for _, t in zip(range(2), plan, strict=False)]
        if len(first) == 1 and engine == "local":
            runner = InProcess()  # a batch of one cable: no worker to start
        elif first:
            runner = make_engine(engine, jobs, scheduler, recycle_after, options, state.tmp)
        if runner is not None:
            report.engine = runner.describe()
            drive(collector, planner, runner, iter([*first, *plan]))
        publisher.wait_all()  # every file in place and recorded
        _taxonomy(out, ledger, state.tmp, report)
        report.complete = True
    finally:
        def close_report(kind: type[BaseException] | None, *_: object) -> bool:
            if kind is not None:  # a closing step failed (the log's last sync, say)
                report.complete = False
            write_report_now()
            return False

        # each step runs even when one before it raised (a full disk while the last files
        # are published must not leave the log open or the report unwritten)
        with contextlib.ExitStack() as closing:
            closing.push(close_report)
            closing.callback(meter.close)
            closing.callback(state.close)
            closing.callback(publisher.close)
            if runner is not None:
                closing.callback(runner.close)
    return report


def _checked(options: ConvertOptions, layout: str, engine: str, jobs: int | None) -> int:
    """The number of worker slots, once the options are known to make a batch; a UsageError
    names the first that does not."""
    if layout not in LAYOUTS:
        raise UsageError(layout, f"unknown layout (known: {', '.join(LAYOUTS)})")
    if engine not in ENGINES:
        raise UsageError(engine, f"unknown engine (known: {', '.join(ENGINES)})")
    from ..writers import is_collection

    for fmt in options.formats:
        if is_collection(fmt):  # one file for many cables: convert.book.make_book makes it
            raise UsageError(fmt, "made once for all the cables (--to on the command line, or "
                             "convert.book.make_book), not by the batch per cable")
    jobs = jobs or default_jobs()
    if jobs < 1:
        raise UsageError(str(jobs), "--jobs must be at least 1")
    return jobs


def _meter(progress: str, stream: IO[str] | None, inputs: list[str]) -> Progress:
    """The progress display, told how many cables to expect where that is cheap to know."""
    meter = Progress(progress, stream)
    if meter.mode != "none":
        total = estimate_total(inputs)
        if total is not None:
            meter.set_total(total)
    return meter


def _taxonomy(out: Path, ledger: Ledger, tmp: Path, report: BatchReport) -> None:
    """The taxonomy the TEI documents point into, once in each of their folders: a companion,
    so failing to write it is said and fails the run while the cables' own files stand (a
    re-run writes it)."""
    folders = {Path(r.outputs["tei"]).parent for r in ledger.results.values() if "tei" in r.outputs}
    try:
        place_taxonomy(out, folders, tmp)
    except OutputError as exc:
        report.run_errors.append(exc.one_line())


def drive(collector: Collector, planner: Planner, runner: Engine, plan: Iterator[Task]) -> None:
    """Until every task is done: keep the engine's slots full (retries first), hand its
    outcomes to the collector, let the publisher record what is in place."""
    exhausted = False  # every source listed
    alone: int | None = None  # index of a suspect running alone
    inflight = collector.inflight
    while True:
        if alone is not None and alone not in inflight:
            alone = None
        if collector.isolate or alone is not None:
            # a suspect runs alone: let the others finish, then it, then go on
            if alone is None and runner.in_flight() == 0:
                task = collector.isolate.popleft()
                alone = task.index
                inflight[task.index] = task
                runner.submit(task)
        else:
            while runner.free_slots() > 0:
                if collector.retry:
                    task = collector.retry.popleft()
                elif not exhausted:
                    next_task = next(plan, None)
                    if next_task is None:
                        exhausted = True
                        planner.ledger.progress.set_total(planner.count)
                        continue
                    task = next_task
                else:
                    break
                inflight[task.index] = task
                runner.submit(task)
        if (exhausted and not collector.retry and not collector.isolate and alone is None
                and runner.in_flight() == 0):
            break
        for outcome in runner.poll(0.25):
            collector.handle(outcome)
        collector.publisher.drain()
        planner.ledger.progress.tick()
