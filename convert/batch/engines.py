"""Where tasks run: the :class:`Engine` interface and the choice among the engines.

- :class:`InProcess`: a batch of one cable runs in the calling process (no worker to start
  for ``convert one.txt``);
- :class:`~.local.LocalEngine`: worker processes on this machine;
- :class:`~.dask_engine.DaskEngine`: a Dask cluster.

The driver treats them alike (:func:`convert.batch.driver.drive`): submit tasks while there
are free slots, poll for outcomes.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Protocol

from ..errors import UsageError
from ..options import ConvertOptions
from .worker import Outcome, Task, execute

ENGINES = ("local", "dask")
#: a worker process retires after this many cables (bounds memory; a new one starts warm)
DEFAULT_RECYCLE_AFTER = 1000


class Engine(Protocol):
    name: str

    def free_slots(self) -> int: ...
    def in_flight(self) -> int: ...
    def submit(self, task: Task) -> None: ...
    def poll(self, timeout: float) -> list[Outcome]: ...
    def close(self) -> None: ...
    def describe(self) -> str: ...


class InProcess:
    """One task at a time, converted in this process when polled."""

    name = "in-process"

    def __init__(self) -> None:
        self.task: Task | None = None

    def free_slots(self) -> int:
        return 0 if self.task is not None else 1

    def in_flight(self) -> int:
        return 0 if self.task is None else 1

    def submit(self, task: Task) -> None:
        self.task = task

    def poll(self, timeout: float) -> list[Outcome]:
        task, self.task = self.task, None
        return [] if task is None else [execute(task)]

    def close(self) -> None:
        self.task = None

    def describe(self) -> str:
        return "in-process"


def make_engine(engine: str, jobs: int, scheduler: str | None, recycle_after: int,
                options: ConvertOptions, tmp_root: Path | None = None) -> Engine:
    if engine == "dask":
        from .dask_engine import DaskEngine

        return DaskEngine(scheduler, jobs, tmp_root=tmp_root)
    if scheduler:
        raise UsageError("--scheduler", "a scheduler address needs --engine dask")
    from .local import LocalEngine

    return LocalEngine(jobs, recycle_after, options.formats, options.time_limit, tmp_root)


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1
