"""The local engine: long-lived worker processes on this machine.

Each worker is a process forked from a *fork server* that has already imported the pipeline
and the writers of the requested formats, so a new worker starts warm in milliseconds. The
main process sends each worker *chunks* of tasks over its own pipe, at most ``DEPTH`` chunks
at a time (so a worker never waits for the main process between two cables), and the worker
answers with a chunk of outcomes. A chunk holds as many cables as take about
``CHUNK_SECONDS`` (one PDF, a dozen TEI+JSON conversions), so cheap cables cost the main
process one message each way per chunk, not per cable. A worker retires after
``recycle_after`` cables, which bounds the memory a long run can pile up; a fresh one takes
its place.

Each worker publishes, in a small shared array, which cable it is converting and since when.
So the engine always knows which cable a worker was on when it died (segfault, ``os._exit``,
the kernel's OOM killer): that cable comes back as failed (retryable), the others of its
chunks come back as *lost* and are simply resubmitted. A worker stuck past the time limit in
C code, where its own alarm cannot reach it, is killed by the main process after a grace
period.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import tempfile
import time
from multiprocessing.connection import wait
from pathlib import Path
from typing import Any

from ..errors import RenderError, TimeLimitError
from .processes import IDLE, READY, WorkerProcess, context, worker_main
from .worker import Failure, Outcome, Task

#: chunks queued on one worker: one being converted, one waiting in its pipe
DEPTH = 2
#: a chunk holds about this many seconds of work (by the cables converted so far) ...
CHUNK_SECONDS = 0.05
#: ... and at most this many cables (progress and a dead worker's losses stay small)
MAX_CHUNK = 32
#: a worker still busy this long after its cable's time limit is killed from outside
GRACE = 10.0
#: workers dying before they are ready, in a row, that stop the batch
MAX_STARTUP_DEATHS = 3


class LocalEngine:
    """``jobs`` worker processes; :meth:`submit` tasks, :meth:`poll` for outcomes."""

    name = "local"

    def __init__(self, jobs: int, recycle_after: int, formats: tuple[str, ...],
                 time_limit: float | None, tmp_root: Path | None = None) -> None:
        from ..writers import FORMATS

        preload = ["convert.batch.worker", "convert.batch.processes", "convert.pipeline",
                   "convert.normalize", "convert.readers"]
        preload += [f"convert.writers.{FORMATS[f].module}" for f in formats if f in FORMATS]
        self.ctx = context(preload)
        self.jobs = max(1, jobs)
        self.recycle_after = max(1, recycle_after)
        self.time_limit = time_limit
        self.workers: list[WorkerProcess] = []
        self.started_workers = 0
        self.startup_deaths = 0
        self.chunk = 1  # cables per chunk: one until the first outcomes tell their cost
        self.seconds_per_cable: float | None = None
        self.lost: list[Outcome] = []  # tasks a send failed for: poll() hands them back
        #: the workers' temporary folder (their writers' scratch), removed by close()
        #: absolute: the writers hand paths in it to tools that run in another folder (pandoc's
        #: --reference-doc); with a relative -o every DOCX failed
        self.tmp = os.path.abspath(tempfile.mkdtemp(prefix="workers-", dir=tmp_root))

    # scheduling ---------------------------------------------------------------------------

    def _spawn(self) -> WorkerProcess:
        parent, child = self.ctx.Pipe(duplex=True)
        current = self.ctx.RawArray("d", [IDLE, 0.0])
        process = self.ctx.Process(target=worker_main, args=(child, current, self.tmp), daemon=True,
                                   name="cable-convert-worker")
        process.start()
        child.close()
        worker = WorkerProcess(process, parent, current)
        self.workers.append(worker)
        self.started_workers += 1
        return worker

    def _room(self, worker: WorkerProcess) -> int:
        """Tasks ``worker`` may still take now."""
        if worker.broken:
            return 0
        chunks_free = DEPTH - len(worker.inflight) - (1 if worker.buffer else 0)
        room = max(0, chunks_free) * self.chunk + (self.chunk - len(worker.buffer)
                                                   if worker.buffer else 0)
        return max(0, min(room, self.recycle_after - worker.sent))

    def _live(self) -> int:
        return sum(1 for w in self.workers if not w.broken)

    def free_slots(self) -> int:
        free = sum(self._room(w) for w in self.workers)
        return free + max(0, self.jobs - self._live()) * DEPTH * self.chunk

    def in_flight(self) -> int:
        return sum(w.queued() for w in self.workers) + len(self.lost)

    def submit(self, task: Task) -> None:
        candidates = [w for w in self.workers if self._room(w) > 0]
        if self._live() < self.jobs and not any(not w.queued() for w in candidates):
            candidates = [self._spawn()]
        if not candidates:
            raise RuntimeError("submit() called with no free slot")
        worker = min(candidates, key=lambda w: w.queued())
        worker.buffer.append(task)
        worker.sent += 1
        if len(worker.buffer) >= self.chunk or worker.sent >= self.recycle_after:
            self._send(worker)

    def _send(self, worker: WorkerProcess) -> None:
        tasks, worker.buffer = worker.buffer, []
        if not tasks:
            return
        try:
            worker.conn.send((tasks, worker.sent >= self.recycle_after))
        except OSError:  # it died since the last poll: not these tasks' fault
            worker.broken = True
            self.lost += [Outcome(t.index, t.attempt, "lost") for t in tasks]
            return
        worker.inflight.append(tasks)

    def poll(self, timeout: float) -> list[Outcome]:
        """Outcomes that arrived within ``timeout`` seconds (possibly none)."""
        for worker in self.workers:
            self._send(worker)  # a part-filled chunk goes now rather than wait for company
        outcomes, self.lost = self.lost, []
        if outcomes:
            timeout = 0.0
        if not self.workers:
            time.sleep(min(timeout, 0.05))
            return outcomes
        handles: list[Any] = []
        for worker in self.workers:
            handles += [worker.conn, worker.process.sentinel]
        ready = set(wait(handles, timeout=self._wait_for(timeout)))
        for worker in list(self.workers):
            if worker.conn in ready:
                outcomes += self._receive(worker)
            if worker.process.sentinel in ready or not worker.process.is_alive():
                outcomes += self._bury(worker, None)
            elif not worker.queued() and worker.sent >= self.recycle_after:
                self._retire(worker)
        outcomes += self._watchdog()
        self._learn(outcomes)
        return outcomes

    def _learn(self, outcomes: list[Outcome]) -> None:
        """Size the chunks by what cables cost so far (a moving average of their seconds)."""
        for outcome in outcomes:
            if outcome.status == "lost":
                continue
            seconds = max(outcome.seconds, 1e-4)
            average = self.seconds_per_cable
            self.seconds_per_cable = seconds if average is None else 0.9 * average + 0.1 * seconds
        if self.seconds_per_cable is not None:
            self.chunk = max(1, min(MAX_CHUNK, int(CHUNK_SECONDS / self.seconds_per_cable)))

    def _wait_for(self, timeout: float) -> float:
        if not self.time_limit:
            return timeout
        now = time.monotonic()
        deadlines = []
        for worker in self.workers:
            running = worker.running()
            if running is not None and worker.inflight:
                deadlines.append(running[1] + self.time_limit + GRACE - now)
        return max(0.0, min([timeout, *deadlines]))

    def _receive(self, worker: WorkerProcess) -> list[Outcome]:
        outcomes: list[Outcome] = []
        while True:
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
            if worker.inflight:
                worker.inflight.popleft()
            outcomes += message
        return outcomes

    def _retire(self, worker: WorkerProcess) -> None:
        worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        self.workers.remove(worker)

    def _bury(self, worker: WorkerProcess, failure: Failure | None) -> list[Outcome]:
        """A worker ended: collect what it finished; its current cable failed, the rest is lost."""
        outcomes = self._receive(worker)
        running = worker.running()
        worker.process.join(timeout=5)
        code = worker.process.exitcode
        worker.conn.close()
        self.workers.remove(worker)
        pending = [task for chunk in worker.inflight for task in chunk] + worker.buffer
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
        # the cable it was converting; between two cables, the first it had not answered
        head = next((t for t in pending if running is not None and t.index == running[0]),
                    pending[0])
        if failure is None:
            how = (f"killed by signal {signal.Signals(-code).name}" if code is not None and code < 0
                   else f"exit status {code}")
            failure = Failure.from_error(RenderError(
                head.source.name, f"the worker process died ({how}) while converting this cable"))
            failure.retryable = True
        outcomes.append(Outcome(head.index, head.attempt, "failed", failure=failure,
                                worker=f"{os.uname().nodename}:{worker.process.pid}"))
        outcomes += [Outcome(t.index, t.attempt, "lost") for t in pending if t is not head]
        return outcomes

    def _watchdog(self) -> list[Outcome]:
        if not self.time_limit:
            return []
        outcomes = []
        now = time.monotonic()
        for worker in list(self.workers):
            running = worker.running()
            if (running is None or not worker.inflight
                    or now - running[1] <= self.time_limit + GRACE):
                continue
            head = next((t for chunk in worker.inflight for t in chunk if t.index == running[0]),
                        None)
            worker.process.kill()
            name = head.source.name if head is not None else worker.name
            failure = Failure.from_error(TimeLimitError(
                name, f"not converted within {self.time_limit:g} s; the worker was killed"))
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
        shutil.rmtree(self.tmp, ignore_errors=True)

    def describe(self) -> str:
        return f"local, {self.jobs} worker process{'es' if self.jobs != 1 else ''}"
