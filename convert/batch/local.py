"""The local engine: long-lived worker processes on this machine.

Each worker is a process forked from a *fork server* that has already imported the pipeline
and the writers of the requested formats, so a new worker starts warm in milliseconds. A
worker takes tasks over its own pipe, at most ``DEPTH`` at a time (so it never waits for the
main process between two cables), and retires after ``recycle_after`` cables, which bounds
the memory a long run can pile up; a fresh one takes its place.

Because every worker has its own pipe, the engine always knows which cable a worker was
converting when it died (segfault, ``os._exit``, the kernel's OOM killer): that cable comes
back as failed (retryable), the others queued on the same worker come back as *lost* and are
simply resubmitted. A worker stuck past the time limit in C code, where its own alarm cannot
reach it, is killed by the main process after a grace period.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..errors import RenderError, TimeLimitError
from .worker import Failure, Outcome, Task, execute

#: tasks queued on one worker: one running, one waiting in its pipe
DEPTH = 2
#: a worker still busy this long after its cable's time limit is killed from outside
GRACE = 10.0
#: what a worker says once it has started (before that, a death is not a cable's fault)
READY = "ready"
#: workers dying before they are ready, in a row, that stop the batch
MAX_STARTUP_DEATHS = 3


def _worker_main(conn: Connection) -> None:
    # Ctrl-C reaches the whole foreground process group; the main process decides what stops.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    conn.send(READY)
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break  # the main process is gone
        if message is None:
            break
        task, last = message
        outcome = execute(task)
        try:
            conn.send(outcome)
        except (BrokenPipeError, OSError):
            break
        if last:
            break
    # multiprocessing ends children with os._exit: run the writers' clean-ups (temp dirs)
    with contextlib.suppress(Exception):
        atexit._run_exitfuncs()


@dataclass(slots=True)
class _Worker:
    process: Any
    conn: Connection
    inflight: deque[Task] = field(default_factory=deque)
    sent: int = 0
    head_started: float = 0.0  # when the task at the head of ``inflight`` began
    broken: bool = False  # its pipe failed: it is dying; poll() buries it
    ready: bool = False  # it has started and said so

    @property
    def name(self) -> str:
        return str(self.process.pid)


def _context(preload: list[str]) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # only takes effect if this process's fork server is not running yet
        ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")


class LocalEngine:
    """``jobs`` worker processes; :meth:`submit` tasks, :meth:`poll` for outcomes."""

    name = "local"

    def __init__(self, jobs: int, recycle_after: int, formats: tuple[str, ...],
                 time_limit: float | None) -> None:
        from ..writers import FORMATS

        preload = ["convert.batch.worker", "convert.pipeline", "convert.normalize",
                   "convert.readers"]
        preload += [f"convert.writers.{FORMATS[f].module}" for f in formats if f in FORMATS]
        self.ctx = _context(preload)
        self.jobs = max(1, jobs)
        self.recycle_after = max(1, recycle_after)
        self.time_limit = time_limit
        self.workers: list[_Worker] = []
        self.started_workers = 0
        self.startup_deaths = 0

    # scheduling ---------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe(duplex=True)
        process = self.ctx.Process(target=_worker_main, args=(child,), daemon=True,
                                   name="cable-convert-worker")
        process.start()
        child.close()
        worker = _Worker(process, parent)
        self.workers.append(worker)
        self.started_workers += 1
        return worker

    def _accepting(self) -> list[_Worker]:
        return [w for w in self.workers
                if len(w.inflight) < DEPTH and w.sent < self.recycle_after and not w.broken]

    def _live(self) -> int:
        return sum(1 for w in self.workers if not w.broken)

    def free_slots(self) -> int:
        free = sum(DEPTH - len(w.inflight) for w in self._accepting())
        return free + max(0, self.jobs - self._live()) * DEPTH

    def in_flight(self) -> int:
        return sum(len(w.inflight) for w in self.workers)

    def submit(self, task: Task) -> None:
        while True:
            candidates = self._accepting()
            if self._live() < self.jobs and not any(not w.inflight for w in candidates):
                candidates = [self._spawn()]
            if not candidates:
                raise RuntimeError("submit() called with no free slot")
            worker = min(candidates, key=lambda w: len(w.inflight))
            try:
                worker.conn.send((task, worker.sent + 1 >= self.recycle_after))
            except OSError:  # it died since the last poll: not this task's fault
                worker.broken = True
                continue
            if not worker.inflight:
                worker.head_started = time.monotonic()
            worker.sent += 1
            worker.inflight.append(task)
            return

    def poll(self, timeout: float) -> list[Outcome]:
        """Outcomes that arrived within ``timeout`` seconds (possibly none)."""
        if not self.workers:
            time.sleep(min(timeout, 0.05))
            return []
        handles: list[Any] = []
        for worker in self.workers:
            handles += [worker.conn, worker.process.sentinel]
        ready = set(wait(handles, timeout=self._wait_for(timeout)))
        outcomes: list[Outcome] = []
        for worker in list(self.workers):
            if worker.conn in ready:
                outcomes += self._receive(worker)
            if worker.process.sentinel in ready or not worker.process.is_alive():
                outcomes += self._bury(worker, None)
            elif not worker.inflight and worker.sent >= self.recycle_after:
                self._retire(worker)
        outcomes += self._watchdog()
        return outcomes

    def _wait_for(self, timeout: float) -> float:
        if not self.time_limit:
            return timeout
        now = time.monotonic()
        deadlines = [w.head_started + self.time_limit + GRACE - now
                     for w in self.workers if w.inflight]
        return max(0.0, min([timeout, *deadlines]))

    def _receive(self, worker: _Worker) -> list[Outcome]:
        outcomes = []
        while worker.inflight:
            try:
                if not worker.conn.poll():
                    break
                message = worker.conn.recv()
            except (EOFError, OSError):
                break
            if message == READY:
                worker.ready = True
                self.startup_deaths = 0
                continue
            outcome: Outcome = message
            worker.inflight.popleft()
            worker.head_started = time.monotonic()
            outcomes.append(outcome)
        return outcomes

    def _retire(self, worker: _Worker) -> None:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def _bury(self, worker: _Worker, failure: Failure | None) -> list[Outcome]:
        """A worker ended: collect what it finished; its current cable failed, the rest is lost."""
        outcomes = self._receive(worker)
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        worker.conn.close()
        self.workers.remove(worker)
        pending = list(worker.inflight)
        if not worker.ready:
            self.startup_deaths += 1
            if self.startup_deaths >= MAX_STARTUP_DEATHS:
                raise RuntimeError(
                    f"{self.startup_deaths} worker processes in a row died while starting "
                    f"(exit status {code}; their error is above). A script that calls the "
                    "batch must guard its entry point with `if __name__ == \"__main__\":`")
            return outcomes + [Outcome(t.index, t.attempt, "lost") for t in pending]
        if not pending:
            return outcomes
        head, rest = pending[0], pending[1:]
        if failure is None:
            how = (f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0
                   else f"exit status {code}")
            failure = Failure.from_error(RenderError(
                head.source.name, f"the worker process died ({how}) while converting this cable"))
            failure.retryable = True
        outcomes.append(Outcome(head.index, head.attempt, "failed", failure=failure,
                                worker=f"{os.uname().nodename}:{worker.process.pid}"))
        outcomes += [Outcome(t.index, t.attempt, "lost") for t in rest]
        return outcomes

    def _watchdog(self) -> list[Outcome]:
        if not self.time_limit:
            return []
        outcomes = []
        now = time.monotonic()
        for worker in list(self.workers):
            if worker.inflight and now - worker.head_started > self.time_limit + GRACE:
                head = worker.inflight[0]
                worker.process.kill()
                failure = Failure.from_error(TimeLimitError(
                    head.source.name,
                    f"not converted within {self.time_limit:g} s; the worker was killed"))
                outcomes += self._bury(worker, failure)
        return outcomes

    def close(self) -> None:
        """Stop every worker: idle ones are told to exit, busy ones are killed."""
        for worker in list(self.workers):
            with contextlib.suppress(OSError):
                if worker.inflight:
                    worker.process.kill()
                else:
                    worker.conn.send(None)
        for worker in list(self.workers):
            worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        self.workers.clear()

    def describe(self) -> str:
        return f"local, {self.jobs} worker process{'es' if self.jobs != 1 else ''}"
