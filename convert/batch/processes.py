"""The local engine's worker processes: how they start, and what they run.

Workers are forked from a *fork server* that has already imported the pipeline and the
writers of the requested formats (``spawn`` where there is no fork server). Each runs
:func:`worker_main`: chunks of tasks in over its pipe, chunks of outcomes back, publishing
in a small shared array which cable it is on and since when (:attr:`WorkerProcess.current`),
so the engine can name the cable a dead or stuck worker was converting.
"""

from __future__ import annotations

import atexit
import contextlib
import multiprocessing
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .worker import Task, execute

#: what a worker says once it has started (before that, a death is not a cable's fault)
READY = "ready"
#: ``current[0]`` of a worker between two cables
IDLE = -1.0


def worker_main(conn: Connection, current: Any) -> None:
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
        tasks, last = message
        outcomes = []
        for task in tasks:
            current[1] = time.monotonic()
            current[0] = task.index
            outcomes.append(execute(task))
        current[0] = IDLE
        try:
            conn.send(outcomes)
        except (BrokenPipeError, OSError):
            break
        if last:
            break
    # multiprocessing ends children with os._exit: run the writers' clean-ups (temp dirs)
    with contextlib.suppress(Exception):
        atexit._run_exitfuncs()


@dataclass(slots=True)
class WorkerProcess:
    process: Any
    conn: Connection
    current: Any  # shared doubles: [index of the cable being converted or IDLE, its start]
    inflight: deque[list[Task]] = field(default_factory=deque)  # chunks sent, unanswered
    buffer: list[Task] = field(default_factory=list)  # tasks for its next chunk
    sent: int = 0  # tasks sent or buffered over its life
    broken: bool = False  # its pipe failed: it is dying; poll() buries it
    ready: bool = False  # it has started and said so

    @property
    def name(self) -> str:
        return str(self.process.pid)

    def queued(self) -> int:
        return sum(len(chunk) for chunk in self.inflight) + len(self.buffer)

    def running(self) -> tuple[int, float] | None:
        """(index, monotonic start) of the cable it is converting, if any."""
        index, started = self.current[0], self.current[1]
        return None if index == IDLE else (int(index), started)


def context(preload: list[str]) -> Any:
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" in methods:
        ctx = multiprocessing.get_context("forkserver")
        # only takes effect if this process's fork server is not running yet
        ctx.set_forkserver_preload(preload)
        return ctx
    return multiprocessing.get_context("spawn")
