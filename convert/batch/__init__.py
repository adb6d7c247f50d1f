"""The batch layer: which cables to convert, where they run, where their bytes go.

It never formats. It lists the sources (:func:`convert.pipeline.iter_sources`), skips those
whose outputs are up to date (:mod:`.state`), hands the others to an engine — worker
processes on this machine (:mod:`.local`) or a Dask cluster (:mod:`.dask_engine`) — which
run :func:`convert.pipeline.convert_source`, and puts each format's bytes in place: local
workers write them to temporary files under ``OUT/.cable-convert/tmp`` (Dask workers send
them back and the main process does), the main process decides the names, makes a group of
files durable with one sync and renames them (:func:`convert.output.stage_write`,
:func:`~convert.output.sync_files`, :func:`~convert.output.publish`). A cable's files are
written only once every one of its formats rendered, so a failed cable leaves nothing
behind. Then ``OUT/report.json`` and the summary.

See ``docs/batch.md`` for the layout, the report's fields and the resume rules.
"""

from __future__ import annotations

import contextlib
import dataclasses
import glob
import hashlib
import json
import os
import queue
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any, Protocol

from .. import __version__
from ..errors import ConvertError, OutputError, ParseError, UsageError
from ..options import ConvertOptions
from ..output import (
    LAYOUTS,
    atomic_write,
    check_inside,
    output_path,
    publish,
    reason,
    stage_write,
    sync_files,
)
from ..pipeline import iter_sources
from ..readers import CABLE_SUFFIXES, Source, read_bytes
from .progress import Progress
from .state import Record, State, config_hash, hash_bytes, hash_raw
from .worker import Failure, Item, Outcome, Task, execute

ENGINES = ("local", "dask")
#: a worker process retires after this many cables (bounds memory; a new one starts warm)
DEFAULT_RECYCLE_AFTER = 1000
#: attempts after the first for a cable whose failure may be passing (crash, render, time)
RETRIES = 1
REPORT_NAME = "report.json"


@dataclass(slots=True)
class CableResult:
    """One cable's line in the report."""

    source: str
    status: str  # "converted" | "up-to-date" | "failed"
    id: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # format -> path
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the one-line message, naming the input
    exit_code: int = 0
    seconds: float = 0.0
    index: int = 0  # place in the input order
    kind: str | None = None  # the error's kind ("not a cable", "time limit", ...)
    attempts: int = 0
    worker: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def to_json(self, out: Path | None) -> dict[str, Any]:
        def rel(path: str) -> str:
            if out is None:
                return path
            try:
                return str(Path(path).relative_to(out))
            except ValueError:
                return path

        error = None
        if self.status == "failed":
            error = {"kind": self.kind, "message": self.error, "exit_code": self.exit_code}
        return {"source": self.source, "status": self.status, "id": self.id,
                "outputs": {fmt: rel(p) for fmt, p in self.outputs.items()},
                "warnings": self.warnings, "error": error, "seconds": round(self.seconds, 4),
                "attempts": self.attempts, "worker": self.worker or None}


@dataclass(slots=True)
class WorkerStats:
    name: str  # host:pid
    cables: int = 0
    peak_rss: int = 0  # bytes
    cpu: float = 0.0  # CPU seconds spent converting (with the pandoc processes it ran)


@dataclass(slots=True)
class BatchReport:
    results: list[CableResult] = field(default_factory=list)
    out: Path | None = None
    engine: str = "local"
    jobs: int = 1
    seconds: float = 0.0
    workers: list[WorkerStats] = field(default_factory=list)
    report_path: Path | None = None
    complete: bool = True

    @property
    def failed(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> list[CableResult]:
        return [r for r in self.results if r.status != "failed"]

    @property
    def converted(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "converted"]

    @property
    def skipped(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "up-to-date"]

    @property
    def rate(self) -> float:
        """Cables converted (or failed) per second of wall time."""
        worked = len(self.results) - len(self.skipped)
        return worked / self.seconds if self.seconds > 0 else 0.0

    def peak_rss(self) -> int:
        return max((w.peak_rss for w in self.workers), default=0)

    def summary(self) -> str:
        """The table printed at the end of a run."""
        rows = [
            ("converted", f"{len(self.converted)}"),
            ("up to date (skipped)", f"{len(self.skipped)}"),
            ("failed", f"{len(self.failed)}"),
            ("total", f"{len(self.results)}"),
            ("time", f"{self.seconds:.1f} s"),
            ("cables/s", f"{self.rate:.1f}"),
            ("engine", f"{self.engine}"),
        ]
        if self.workers:
            peak = self.peak_rss() / 2**20
            rows.append(("worker processes", f"{len(self.workers)}, peak RSS {peak:.0f} MB"))
        if self.report_path is not None:
            rows.append(("report", str(self.report_path)))
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"  {name:<{width}}  {value}" for name, value in rows)

    def write_json(self, path: Path, tmp_dir: Path, options: ConvertOptions, layout: str,
                   started: float) -> None:
        """Write ``report.json`` atomically, a line at a time (it is ~300 bytes a cable)."""
        chunks = self.json_chunks(options, layout, started)
        atomic_write(path, (chunk.encode("utf-8") for chunk in chunks), tmp_dir=tmp_dir)

    def to_json(self, options: ConvertOptions, layout: str, started: float) -> bytes:
        """``report.json``: the run, then one cable per line (greppable at 250k cables)."""
        return "".join(self.json_chunks(options, layout, started)).encode("utf-8")

    def json_chunks(self, options: ConvertOptions, layout: str, started: float
                    ) -> Iterator[str]:
        head = {
            "tool": f"cable-convert {__version__}",
            "complete": self.complete,
            "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "out": str(self.out) if self.out else None,
            "layout": layout,
            "formats": list(options.formats),
            "engine": self.engine,
            "jobs": self.jobs,
            "totals": {"cables": len(self.results), "converted": len(self.converted),
                       "up-to-date": len(self.skipped), "failed": len(self.failed),
                       "cables_per_second": round(self.rate, 2)},
            "workers": [{"name": w.name, "cables": w.cables,
                         "peak_rss_mb": round(w.peak_rss / 2**20, 1),
                         "cpu_seconds": round(w.cpu, 2)} for w in self.workers],
        }
        yield json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        yield ',\n "cables": ['
        for number, result in enumerate(self.results):
            yield ("\n  " if number == 0 else ",\n  ") + json.dumps(result.to_json(self.out),
                                                                   ensure_ascii=False)
        yield "\n ]\n}\n" if self.results else "]\n}\n"


class Engine(Protocol):
    name: str

    def free_slots(self) -> int: ...
    def in_flight(self) -> int: ...
    def submit(self, task: Task) -> None: ...
    def poll(self, timeout: float) -> list[Outcome]: ...
    def close(self) -> None: ...
    def describe(self) -> str: ...


# ------------------------------------------------------------------------------- inputs


def expand_globs(inputs: Iterable[str]) -> Iterator[str]:
    """Inputs as given; a pattern (``*``, ``?``, ``[``, ``**``) naming no existing file is
    expanded here, so a quoted glob reaches 250k files without the shell's argument limit."""
    for item in inputs:
        item = item.rstrip("\n")
        if not item:
            continue
        if item != "-" and any(c in item for c in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if matches:
                yield from matches
                continue
        yield item


def estimate_total(inputs: list[str]) -> int | None:
    """How many sources the inputs hold, counted cheaply for the progress bar (None when a
    cables.csv or stdin makes it unknowable before reading)."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            for _, dirs, files in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                for name in files:
                    suffix = os.path.splitext(name)[1].lower()
                    if name.startswith(".") or suffix not in CABLE_SUFFIXES:
                        continue
                    if suffix == ".csv":
                        return None
                    total += 1
        elif path.suffix.lower() == ".csv":
            return None
        else:
            total += 1
    return total


def source_key(source: Source) -> str:
    """The resume key: the absolute path (``path#row`` for a CSV row)."""
    if source.path is not None:
        return os.path.abspath(source.path)
    name = source.name
    if source.raw is not None and "#" in name:
        base, _, row = name.rpartition("#")
        if base != "<stdin>":
            return f"{os.path.abspath(base)}#{row}"
    return name


def _short(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:8]


# ---------------------------------------------------------------------------------- run


class _Batch:
    def __init__(self, out: Path, options: ConvertOptions, layout: str, resume: bool,
                 ship_data: bool, progress: Progress, hook: Callable[[str, int], None] | None):
        self.out = out
        self.options = options
        self.layout = layout
        self.resume = resume
        self.ship_data = ship_data  # True: the main process reads inputs (remote workers)
        self.progress = progress
        self.hook = hook
        self.state = State(out).load()
        self.config = config_hash(options, layout)
        self.results: dict[int, CableResult] = {}
        self.inflight: dict[int, Task] = {}
        self.isolate: deque[Task] = deque()  # retries to run with nothing else in flight
        self.merge: dict[int, Record] = {}  # task index -> record whose other formats stand
        self.workers: dict[str, WorkerStats] = {}
        self.claims: dict[str, str] = {rec.stem: rec.key for rec in self.state.records.values()}
        self.claimed_at: dict[str, int] = {}  # stems claimed in this run -> input index
        self.count = 0
        self.exhausted = False  # every source listed
        self.writer = _Writer(self.state.tmp, out)

    # planning -----------------------------------------------------------------------------

    def plan(self, inputs: Iterable[str]) -> Iterator[Task]:
        seen: set[str] = set()
        for item in iter_sources(expand_globs(inputs), self.options.read):
            index = self.count
            if isinstance(item, ConvertError):
                self.count += 1
                self.fail(index, item.source, Failure.from_error(item), 0)
                continue
            key = source_key(item)
            if key in seen:
                continue  # the same file named twice: converted once
            seen.add(key)
            self.count += 1
            try:
                task = self.make_task(index, key, item)
            except ConvertError as exc:
                self.fail(index, item.name, Failure.from_error(exc), 0)
                continue
            if task is not None:
                yield task

    def make_task(self, index: int, key: str, source: Source) -> Task | None:
        """A task for ``source``, or None when its outputs are up to date (recorded here)."""
        record = self.state.records.get(key) if self.resume else None
        stat: tuple[int, int] | None = None
        digest: str | None = None
        data: bytes | None = None
        if source.raw is not None:
            digest = hash_raw(source.raw)
        elif source.data is not None:
            digest = hash_bytes(source.data)
        elif source.path is not None:
            try:
                st = os.stat(source.path)
                stat = (st.st_size, st.st_mtime_ns)
            except OSError:
                stat = None  # the worker's read reports it
            if record is not None and record.config_hash == self.config:
                if stat is not None and record.stat == stat:
                    digest = record.input_hash  # fast path: unchanged size and mtime
                else:
                    data = read_bytes(source, self.options.read)
                    digest = hash_bytes(data)
        formats = self.options.formats
        if record is not None and digest == record.input_hash and record.config_hash == self.config:
            missing = tuple(f for f in formats if f not in record.outputs
                            or not (self.out / record.outputs[f]).is_file())
            if not missing:
                if stat is not None and record.stat != stat:
                    record.stat = stat
                    self.state.append(record)
                self.skip(index, record)
                return None
            if len(missing) < len(formats):
                self.merge[index] = record
            formats = missing
        if self.ship_data and data is None and source.path is not None and source.data is None:
            data = read_bytes(source, self.options.read)
            digest = digest or hash_bytes(data)
        if data is not None:
            source = Source(name=source.name, data=data, form=source.form)
        options = (self.options if formats == self.options.formats
                   else dataclasses.replace(self.options, formats=formats))
        stage_dir = None if self.ship_data else str(self.state.tmp)
        return Task(index, key, source, options, stat, digest, stage_dir=stage_dir,
                    hook=self.hook)

    # results ------------------------------------------------------------------------------

    def add(self, result: CableResult) -> None:
        self.results[result.index] = result
        self.progress.update(result.status)

    def skip(self, index: int, record: Record) -> None:
        outputs = {f: str(self.out / record.outputs[f]) for f in self.options.formats}
        self.add(CableResult(record.name, "up-to-date", record.id, outputs, record.warnings,
                             index=index))

    def fail(self, index: int, source: str, failure: Failure, attempts: int,
             seconds: float = 0.0, worker: str = "") -> None:
        self.add(CableResult(source, "failed", error=failure.line, exit_code=failure.exit_code,
                             seconds=seconds, index=index, kind=failure.kind,
                             attempts=attempts, worker=worker))

    def handle(self, outcome: Outcome, retry: deque[Task]) -> None:
        task = self.inflight[outcome.index]
        if outcome.status == "lost":  # queued on a worker that died: it never started
            retry.appendleft(task)
            return
        del self.inflight[outcome.index]
        if outcome.worker:
            stats = self.workers.setdefault(outcome.worker, WorkerStats(outcome.worker))
            stats.cables += 1
            stats.peak_rss = max(stats.peak_rss, outcome.peak_rss)
            stats.cpu += outcome.cpu
        if outcome.status == "ok" and not outcome.items:
            self.fail(task.index, task.source.name,
                      Failure.from_error(ParseError(task.source.name, "no cable in this input")),
                      task.attempt + 1, outcome.seconds, outcome.worker)
            return
        if outcome.status == "ok":
            self.commit(task, outcome)
            return
        failure = outcome.failure or Failure.internal(task.source.name, "no outcome")
        if failure.retryable and task.attempt < RETRIES:
            again = dataclasses.replace(task, attempt=task.attempt + 1)
            (self.isolate if failure.suspect else retry).append(again)
            return
        self.fail(task.index, task.source.name, failure, task.attempt + 1, outcome.seconds,
                  outcome.worker)

    def commit(self, task: Task, outcome: Outcome) -> None:
        """Decide a converted cable's file names here (claims are kept in one thread), write
        its bytes in a writer thread (fsync waits overlap there, not in this loop), then
        :meth:`finish`: record it once every file is in place. A crash in between only makes
        the next run convert it again."""
        files: list[tuple[Item, str, dict[str, Path]]] = []
        for item in outcome.items:
            stem = self.claim(item, task)
            paths = {fmt: output_path(self.out, stem, fmt, self.layout, item.year)
                     for fmt in (item.staged or item.outputs)}
            files.append((item, stem, paths))
        if outcome.items and all(item.staged for item in outcome.items):
            # a local worker wrote the bytes to temporary files already
            staged = [(item.staged[fmt], path) for item, _, paths in files
                      for fmt, path in paths.items()]
            self.writer.submit_staged(task.index, staged,
                                      lambda result: self.finish(task, outcome, files, result))
            return
        tmp, out = self.state.tmp, self.out

        def stage() -> list[tuple[str, Path]]:  # in a writer thread
            staged: list[tuple[str, Path]] = []
            try:
                for item, _, paths in files:
                    for fmt, path in paths.items():
                        staged.append((stage_write(path, item.outputs[fmt], out, tmp), path))
            except BaseException:
                for name, _ in staged:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
                raise
            for item, _, _ in files:
                item.outputs = {}  # the bytes are in temporary files now: free them
            return staged

        self.writer.submit(task.index, stage,
                           lambda result: self.finish(task, outcome, files, result))

    def finish(self, task: Task, outcome: Outcome, files: list[tuple[Item, str, dict[str, Path]]],
               result: float | BaseException) -> None:
        if isinstance(result, BaseException):
            for _, stem, _ in files:
                if self.claims.get(stem) == task.key:
                    del self.claims[stem]
            self.merge.pop(task.index, None)
            failure = (Failure.from_error(result) if isinstance(result, ConvertError)
                       else Failure.internal(task.source.name, f"{type(result).__name__}: {result}",
                                             retryable=False))
            self.fail(task.index, task.source.name, failure, task.attempt + 1, outcome.seconds,
                      outcome.worker)
            return
        digest = task.input_hash or outcome.input_hash or ""
        previous = self.merge.pop(task.index, None)
        seconds = outcome.seconds + result
        for item, stem, paths in files:
            written = {fmt: os.path.relpath(path, self.out) for fmt, path in paths.items()}
            if previous is not None and previous.stem == stem:
                written = {**previous.outputs, **written}
            if len(files) == 1 and digest:
                self.state.append(Record(task.key, item.source, task.stat, digest, self.config,
                                         item.id, stem, written, item.warnings, seconds,
                                         time.time()))
            outputs = {f: str(self.out / written[f]) for f in self.options.formats
                       if f in written}
            self.add(CableResult(item.source, "converted", item.id, outputs, item.warnings,
                                 seconds=seconds, index=task.index, attempts=task.attempt + 1,
                                 worker=outcome.worker))

    # duplicate cable ids ------------------------------------------------------------------

    def claim(self, item: Item, task: Task) -> str:
        """The file stem for ``item``: its id's, unless another input already has that id.

        The input first in order keeps the plain name (within a run, whichever finishes
        first: a later input's files are renamed); the other gets ``<id>_<hash of its
        path>`` and a warning. A name claimed in an earlier run stays with its owner."""
        stem = item.stem
        owner = self.claims.get(stem)
        if owner is None or owner == task.key:
            self.claims[stem] = task.key
            self.claimed_at[stem] = task.index
            return stem
        owner_index = self.claimed_at.get(stem)
        if owner_index is not None and owner_index > task.index:
            self.writer.wait(owner_index)  # its files must be in place before they move
        if owner_index is not None and owner_index > task.index and owner in self.state.records:
            moved = self.relocate(self.state.records[owner], owner_index, stem, item.source)
            self.claims[stem] = task.key
            self.claimed_at[stem] = task.index
            item.warnings.append(f"duplicate cable id {item.id or stem}: {moved} has it too "
                                 f"and was renamed")
            return stem
        alternative = f"{stem}_{_short(task.key)}"
        self.claims[alternative] = task.key
        other = self.state.records[owner].name if owner in self.state.records else owner
        item.warnings.append(f"duplicate cable id {item.id or stem}: {other} has it too; "
                             f"written as {alternative}")
        return alternative

    def relocate(self, record: Record, index: int, stem: str, newcomer: str) -> str:
        new_stem = f"{stem}_{_short(record.key)}"
        outputs = {}
        for fmt, rel in record.outputs.items():
            old = self.out / rel
            new = old.with_name(new_stem + old.name[len(stem):])
            try:
                os.replace(old, new)
            except OSError as exc:
                raise OutputError(str(old), exc.strerror or str(exc)) from None
            outputs[fmt] = os.path.relpath(new, self.out)
        warning = (f"duplicate cable id {record.id or stem}: {newcomer} has it too; "
                   f"written as {new_stem}")
        record.stem, record.outputs = new_stem, outputs
        record.warnings = [*record.warnings, warning]
        self.state.append(record)
        self.claims[new_stem] = record.key
        result = self.results.get(index)
        if result is not None:
            result.outputs = {f: str(self.out / outputs[f]) for f in result.outputs if f in outputs}
            result.warnings = list(record.warnings)
        return record.name


@dataclass(slots=True)
class _Pending:
    future: Future[list[tuple[str, Path]]]
    then: Callable[[float | BaseException], None]
    started: float
    staged: list[tuple[str, Path]] | None = None


class _Writer:
    """Writes cables' files off the main loop, in groups that share one file-system sync.

    A cable's files are *staged* (written to temporary files) in a thread; staged cables join
    a group; a full group (or one older than ``GROUP_AGE``) is synced once and published
    (renamed into place) in a thread; then each cable's ``then`` runs, in the main thread
    (:meth:`drain`), and records it. Until then a kill leaves only temporary files, which the
    next run deletes."""

    THREADS = 2
    GROUP_FILES = 64
    GROUP_AGE = 0.3  # seconds
    MAX_PENDING = 256  # cables staged or being staged, not yet published

    def __init__(self, tmp_dir: Path, root: Path) -> None:
        self.tmp_dir = tmp_dir
        self.root = root
        self.folders: set[Path] = set()  # output folders made and checked (inside root)
        self.pool = ThreadPoolExecutor(self.THREADS, thread_name_prefix="cable-convert-write")
        self.events: queue.SimpleQueue[tuple[str, int]] = queue.SimpleQueue()
        self.pending: dict[int, _Pending] = {}
        self.group: list[int] = []
        self.group_files = 0
        self.group_since = 0.0
        self.publishing: dict[int, tuple[Future[dict[int, BaseException]], list[int]]] = {}
        self._groups = 0

    def submit(self, index: int, stage: Callable[[], list[tuple[str, Path]]],
               then: Callable[[float | BaseException], None]) -> None:
        while len(self.pending) >= self.MAX_PENDING:
            self._flush()
            self._step(block=True)
        future = self.pool.submit(stage)
        self.pending[index] = _Pending(future, then, time.perf_counter())
        future.add_done_callback(lambda _: self.events.put(("staged", index)))

    def submit_staged(self, index: int, staged: list[tuple[str, Path]],
                      then: Callable[[float | BaseException], None]) -> None:
        """A cable whose files a worker has already written to temporary files."""
        while len(self.pending) >= self.MAX_PENDING:
            self._flush()
            self._step(block=True)
        future: Future[list[tuple[str, Path]]] = Future()
        future.set_result(staged)
        self.pending[index] = _Pending(future, then, time.perf_counter())
        self.events.put(("staged", index))

    # events, handled in the main thread ---------------------------------------------------

    def _step(self, block: bool) -> bool:
        try:
            kind, key = self.events.get() if block else self.events.get_nowait()
        except queue.Empty:
            return False
        if kind == "staged":
            self._staged(key)
        else:
            self._published(key)
        return True

    def _staged(self, index: int) -> None:
        entry = self.pending[index]
        error = entry.future.exception()
        if error is not None:
            del self.pending[index]
            entry.then(error)
            return
        entry.staged = entry.future.result()
        if not self.group:
            self.group_since = time.monotonic()
        self.group.append(index)
        self.group_files += len(entry.staged)
        if self.group_files >= self.GROUP_FILES:
            self._flush()

    def _flush(self) -> None:
        if not self.group:
            return
        members, self.group, self.group_files = self.group, [], 0
        staged = [(i, self.pending[i].staged or []) for i in members]
        self._groups += 1
        number = self._groups
        future = self.pool.submit(self._publish, staged)
        self.publishing[number] = (future, members)
        future.add_done_callback(lambda _: self.events.put(("published", number)))

    def _publish(self, staged: list[tuple[int, list[tuple[str, Path]]]]
                 ) -> dict[int, BaseException]:
        """In a thread: one sync for the group, then every rename."""
        names = [name for _, files in staged for name, _ in files]
        try:
            sync_files(self.tmp_dir, names)
        except OutputError as exc:  # e.g. the disk reported ENOSPC only at the flush
            for name in names:
                with contextlib.suppress(OSError):
                    os.unlink(name)
            return {index: exc for index, _ in staged}
        errors: dict[int, BaseException] = {}
        for index, files in staged:
            done: list[Path] = []
            try:
                for name, path in files:
                    if path.parent not in self.folders:
                        check_inside(self.root, path)  # before mkdir: never a folder outside
                        try:
                            path.parent.mkdir(parents=True, exist_ok=True)
                        except OSError as exc:
                            raise OutputError(str(path), reason(exc)) from None
                        self.folders.add(path.parent)
                    publish(name, path)
                    done.append(path)
            except OutputError as exc:
                errors[index] = exc
                for name, _ in files:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
                for path in done:  # no partial output for a cable that failed
                    with contextlib.suppress(OSError):
                        path.unlink()
        return errors

    def _published(self, number: int) -> None:
        future, members = self.publishing.pop(number)
        try:
            errors = future.result()
        except Exception as exc:
            errors = {index: exc for index in members}
        now = time.perf_counter()
        for index in members:
            entry = self.pending.pop(index)
            entry.then(errors.get(index) or now - entry.started)

    # the main loop's calls -----------------------------------------------------------------

    def drain(self) -> None:
        while self._step(block=False):
            pass
        if self.group and time.monotonic() - self.group_since > self.GROUP_AGE:
            self._flush()

    def wait(self, index: int) -> None:
        """Until cable ``index`` (if pending) is published and recorded."""
        while index in self.pending:
            if index in self.group:
                self._flush()
            self._step(block=True)

    def wait_all(self) -> None:
        while self.pending:
            self._flush()
            self._step(block=True)

    def close(self) -> None:
        try:
            self.wait_all()
        finally:
            self.pool.shutdown(wait=True)


def _make_engine(engine: str, jobs: int, scheduler: str | None, recycle_after: int,
                 options: ConvertOptions) -> Engine:
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler, jobs)
    if scheduler:
        raise UsageError("--scheduler", "a scheduler address needs --engine dask")
    from .local import LocalEngine

    return LocalEngine(jobs, recycle_after, options.formats, options.time_limit)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


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
    if layout not in LAYOUTS:
        raise UsageError(layout, f"unknown layout (known: {', '.join(LAYOUTS)})")
    if engine not in ENGINES:
        raise UsageError(engine, f"unknown engine (known: {', '.join(ENGINES)})")
    jobs = jobs or default_jobs()
    if jobs < 1:
        raise UsageError(str(jobs), "--jobs must be at least 1")
    out = Path(out)
    inputs = list(inputs) if not isinstance(inputs, list) else inputs
    meter = Progress(progress, stream)
    if meter.mode != "none":
        total = estimate_total(inputs)
        if total is not None:
            meter.set_total(total)
    batch = _Batch(out, options, layout, resume, engine == "dask", meter, hook)
    report = BatchReport(out=out, engine=engine, jobs=jobs)
    plan = batch.plan(inputs)
    first = [t for _, t in zip(range(2), plan, strict=False)]
    runner: Engine | None = None
    try:
        if len(first) == 1 and engine == "local":
            # a batch of one cable runs here: no worker to start for `convert one.txt`
            task = first[0]
            batch.inflight[task.index] = task
            retry: deque[Task] = deque()
            batch.handle(execute(task), retry)
            while retry:
                task = retry.popleft()
                batch.inflight[task.index] = task
                batch.handle(execute(task), retry)
            report.engine = "in-process"
        elif first:
            runner = _make_engine(engine, jobs, scheduler, recycle_after, options)
            report.engine = runner.describe()
            _drive(batch, runner, iter([*first, *plan]))
    except KeyboardInterrupt:
        report.complete = False
        raise
    finally:
        def finish_report() -> None:
            report.results = [batch.results[i] for i in sorted(batch.results)]
            report.workers = list(batch.workers.values())
            report.seconds = time.perf_counter() - started
            if write_report and out.is_dir():
                path = out / REPORT_NAME
                try:
                    report.write_json(path, batch.state.tmp, options, layout, started_wall)
                    report.report_path = path
                except OutputError as exc:
                    print(exc.one_line(), file=sys.stderr)

        # each step runs even when one before it raised (a full disk while the last files
        # are published must not leave the log open or the report unwritten)
        with contextlib.ExitStack() as closing:
            closing.callback(finish_report)
            closing.callback(meter.close)
            closing.callback(batch.state.close)
            closing.callback(batch.writer.close)
            if runner is not None:
                closing.callback(runner.close)
    return report


def _drive(batch: _Batch, runner: Engine, plan: Iterator[Task]) -> None:
    retry: deque[Task] = deque()
    alone: int | None = None  # index of the suspect running alone
    while True:
        if alone is not None and alone not in batch.inflight:
            alone = None
        if batch.isolate or alone is not None:
            # a suspect runs alone: let the others finish, then it, then go on
            if alone is None and runner.in_flight() == 0:
                task = batch.isolate.popleft()
                alone = task.index
                batch.inflight[task.index] = task
                runner.submit(task)
        else:
            _fill(batch, runner, retry, plan)
        if (batch.exhausted and not retry and not batch.isolate and alone is None
                and runner.in_flight() == 0):
            break
        for outcome in runner.poll(0.25):
            batch.handle(outcome, retry)
        batch.writer.drain()
        batch.progress.tick()


def _fill(batch: _Batch, runner: Engine, retry: deque[Task], plan: Iterator[Task]) -> None:
    while runner.free_slots() > 0:
        if retry:
            task = retry.popleft()
        elif not batch.exhausted:
            next_task = next(plan, None)
            if next_task is None:
                batch.exhausted = True
                batch.progress.set_total(batch.count)
                continue
            task = next_task
        else:
            break
        batch.inflight[task.index] = task
        runner.submit(task)


__all__ = ["DEFAULT_RECYCLE_AFTER", "BatchReport", "CableResult", "WorkerStats", "run"]
