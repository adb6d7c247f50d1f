"""What runs in a worker (a local worker process or a Dask worker): one task -> one outcome.

:func:`execute` reads the source, calls :func:`convert.pipeline.convert_source` under the
per-cable time limit and returns the rendered bytes. It never raises: every failure comes
back as an :class:`Outcome` naming the error, so a bad cable cannot take a worker down
(a crashing renderer can: the engine notices the dead process, see :mod:`.local`).
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import math
import os
import resource
import signal
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from ..errors import EXIT_INTERNAL, ConvertError, OutputError, RenderError, TimeLimitError
from ..options import ConvertOptions
from ..readers import Source, read_bytes

if TYPE_CHECKING:
    from ..pipeline import Converted

#: Errors worth a second attempt: they may depend on the moment (memory, a killed helper).
#: Reading and parsing errors depend only on the input and are reported at once.
RETRYABLE = (RenderError, TimeLimitError)
#: seconds past the time limit after which a cable stuck in C code ends its worker process
HARD_GRACE = 10.0


@dataclass(slots=True)
class Task:
    """One source to convert. ``index`` is its place in the input order."""

    index: int
    key: str
    source: Source
    options: ConvertOptions
    stat: tuple[int, int] | None = None
    input_hash: str | None = None  # known when the main process has read the input
    attempt: int = 0
    #: local workers write each format to a temporary file here (the main process renames
    #: them into place), instead of sending the bytes back
    stage_dir: str | None = None
    #: test-only fault injection: called as ``hook(source_name, attempt)`` before converting.
    #: Reachable only through the Python API (never from the command line or the environment).
    hook: Callable[[str, int], None] | None = None


@dataclass(slots=True)
class Item:
    """One converted cable (a source normally holds exactly one)."""

    source: str
    id: str | None
    year: str | None
    stem: str
    outputs: dict[str, bytes]  # emptied when staged
    warnings: list[str]
    staged: dict[str, str] = field(default_factory=dict)  # format -> temporary file
    #: format -> (size, mtime_ns, hash) of its file as written: what a resume checks
    marks: dict[str, tuple[int, int, str]] = field(default_factory=dict)


@dataclass(slots=True)
class Failure:
    source: str
    kind: str
    message: str
    exit_code: int
    line: str  # the one-line message the CLI prints
    retryable: bool
    #: the cause may be another cable (a Dask worker died with several tasks on it): the
    #: retry runs alone, so that a second failure is certainly this cable's
    suspect: bool = False

    @classmethod
    def from_error(cls, exc: ConvertError) -> Failure:
        return cls(exc.source, exc.kind, exc.message, exc.exit_code, exc.one_line(),
                   isinstance(exc, RETRYABLE))

    @classmethod
    def internal(cls, source: str, message: str, retryable: bool = True) -> Failure:
        line = " ".join(f"cable-convert: {source}: internal error: {message}".split())
        return cls(source, "internal error", message, EXIT_INTERNAL, line, retryable)


@dataclass(slots=True)
class Outcome:
    index: int
    attempt: int
    status: str  # "ok" | "failed" | "lost" (never started: the engine resubmits it)
    items: list[Item] = field(default_factory=list)
    failure: Failure | None = None
    input_hash: str | None = None
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds spent on the task (this process and pandoc's)
    worker: str = ""  # host:pid
    peak_rss: int = 0  # bytes, the worker process's peak so far


class _Expired(BaseException):
    """Raised into the converting code when its time is up (a BaseException, so that the
    ``except Exception`` blocks of renderers cannot swallow it)."""


@contextlib.contextmanager
def time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`_Expired` in this thread after ``seconds``.

    In a process's main thread (local workers) a SIGALRM timer does it, which also interrupts
    a wait on a helper process (pandoc); a call stuck in C code is the local engine's to kill
    (:mod:`.local`). Elsewhere (Dask runs tasks in threads) a timer thread raises the
    exception asynchronously into this thread, which takes effect at the next Python bytecode;
    if the thread is still busy ``HARD_GRACE`` seconds later (stuck in C code), the process
    kills itself, and Dask reschedules or reports the task."""
    if not seconds or not math.isfinite(seconds) or seconds <= 0:
        yield
        return
    if threading.current_thread() is threading.main_thread():
        def expire(signum: int, frame: object) -> None:
            raise _Expired

        previous = signal.signal(signal.SIGALRM, expire)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    lock = threading.Lock()
    done = False
    target = threading.get_ident()

    def fire() -> None:
        with lock:
            if not done:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target),
                                                           ctypes.py_object(_Expired))

    def kill() -> None:
        # still stuck, in C code the exception cannot reach: end this worker process (its
        # supervisor, e.g. Dask's nanny, starts a new one and the task is rescheduled)
        with lock:
            if not done:
                os.kill(os.getpid(), signal.SIGKILL)

    timers = [threading.Timer(seconds, fire), threading.Timer(seconds + HARD_GRACE, kill)]
    for timer in timers:
        timer.daemon = True
        timer.start()
    try:
        yield
    finally:
        with lock:
            done = True
        for timer in timers:
            timer.cancel()


def convert_limited(source: Source, options: ConvertOptions) -> list[Converted]:
    """:func:`convert.pipeline.convert_source` under ``options.time_limit``, in this thread
    (the CLI's stream to stdout, the Python API): :class:`TimeLimitError` when time runs out."""
    from ..pipeline import convert_source

    try:
        with time_limit(options.time_limit):
            return convert_source(source, options)
    except _Expired:
        limit = options.time_limit
        raise TimeLimitError(source.name, f"not converted within {limit:g} s (--time-limit)") from None


def _cpu() -> float:
    """CPU seconds of this process and of the helpers it waited for (pandoc)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    helpers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + helpers.ru_utime + helpers.ru_stime


def peak_rss() -> int:
    """This process's peak resident set size in bytes (Linux reports KiB)."""
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) * 1024


def worker_name() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def execute(task: Task) -> Outcome:
    """Convert one task's source; every failure is returned, never raised."""
    started, cpu = time.perf_counter(), _cpu()
    source = task.source
    outcome = Outcome(task.index, task.attempt, "failed", worker=worker_name())
    try:
        # imported before the clock starts: a fresh worker's first cable (a Dask worker's,
        # or the local pool's after a recycle) would otherwise spend its time limit on imports
        from ..pipeline import convert_source

        with time_limit(task.options.time_limit):
            if task.hook is not None:
                task.hook(source.name, task.attempt)
            if source.path is not None and source.data is None and source.raw is None:
                data = read_bytes(source, task.options.read)
                outcome.input_hash = hashlib.sha256(data).hexdigest()[:32]
                source = replace(source, data=data, path=None)
            converted = convert_source(source, task.options)
        outcome.items = [
            Item(c.source, c.cable.id, _year(c.cable.date), c.cable.file_stem(), c.outputs,
                 list(c.warnings))
            for c in converted
        ]
        if task.stage_dir is not None:
            for item in outcome.items:
                item.staged = stage(item, task.stage_dir)
                item.outputs = {}
        outcome.status = "ok"
    except _Expired:
        limit = task.options.time_limit
        outcome.failure = Failure.from_error(
            TimeLimitError(source.name, f"not converted within {limit:g} s (--time-limit)"))
    except ConvertError as exc:
        outcome.failure = Failure.from_error(exc)
    except Exception as exc:
        outcome.failure = Failure.internal(source.name, f"{type(exc).__name__}: {exc}")
    outcome.seconds = time.perf_counter() - started
    outcome.cpu = _cpu() - cpu
    outcome.peak_rss = peak_rss()
    return outcome


def stage(item: Item, directory: str) -> dict[str, str]:
    """Each format's bytes in a new temporary file (not yet synced: the main process syncs a
    whole group at once, then renames)."""
    from ..output import reason, write_temp

    staged: dict[str, str] = {}
    fmt = ""
    try:
        for fmt, data in item.outputs.items():
            staged[fmt] = write_temp(directory, f".{item.stem}.{fmt}.", data)
            item.marks[fmt] = mark(staged[fmt], data)
    except OSError as exc:
        for name in staged.values():
            with contextlib.suppress(OSError):
                os.unlink(name)
        # the message names the cable (the user's input), not the temporary folder
        raise OutputError(item.source, f"{reason(exc)}; its {fmt} file was not written") from None
    return staged


def mark(name: str, data: bytes) -> tuple[int, int, str]:
    """(size, mtime_ns, hash) of a file just written with ``data``: hashed from the bytes in
    hand, never read back. A rename keeps the mtime, so the published file has the same."""
    return len(data), os.stat(name).st_mtime_ns, hashlib.sha256(data).hexdigest()[:32]


def _year(date: str | None) -> str | None:
    year = (date or "")[:4]
    return year if year.isdigit() else None
