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
import os
import signal
import tempfile
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


def worker_main(conn: Connection, current: Any, tmp: str | None = None) -> None:
    # Ctrl-C reaches the whole foreground process group (and SIGTERM may, from a service
    # manager or `kill -- -PGID`): the main process decides what stops, and stops workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    if tmp is not None:
        # the writers' temporary folders (pandoc's) go in the engine's folder, which the
        # main process removes even when a worker was killed before its own clean-up ran
        tempfile.tempdir = tmp
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
        fit_socket_folder()
        return ctx
    return multiprocessing.get_context("spawn")


#: the longest path a Unix socket may have (``sun_path``: 108 bytes on Linux, 104 on macOS
#: and the BSDs, the terminating NUL included)
SUN_PATH = 104
#: what multiprocessing adds to its temporary folder's parent for the fork server's socket:
#: ``/pymp-XXXXXXXX/listener-XXXXXXXX``
_SOCKET_TAIL = len("/pymp-XXXXXXXX/listener-XXXXXXXX")
#: where the folder goes instead when the temporary folder is too deep (macOS and CI runners
#: have deep ones): short folders every Unix has
SHORT_TEMP = ("/tmp", "/var/tmp", "/dev/shm")  # noqa: S108 - a place for a socket, not data


def fit_socket_folder() -> None:
    """Make multiprocessing's temporary folder, which holds the fork server's socket, where
    the socket's path fits: under ``TMPDIR`` when it is short enough, else in a short
    system folder. (A deep ``TMPDIR`` made every batch die with "AF_UNIX path too long".)"""
    import tempfile
    from multiprocessing import util

    from ..errors import UsageError

    base = tempfile.gettempdir()
    if len(os.fsencode(base)) + _SOCKET_TAIL < SUN_PATH:
        folder = util.get_temp_dir()  # made there (or made already: checked below)
    else:
        short = next((d for d in SHORT_TEMP if os.path.isdir(d) and os.access(d, os.W_OK | os.X_OK)),
                     None)
        previous = tempfile.tempdir
        tempfile.tempdir = short or base
        try:
            folder = util.get_temp_dir()
        finally:
            tempfile.tempdir = previous
    if len(os.fsencode(folder)) + len("/listener-XXXXXXXX") >= SUN_PATH:
        raise UsageError(base, "the temporary folder's path is too long for the worker "
                         "processes' socket: set TMPDIR to a shorter folder")
