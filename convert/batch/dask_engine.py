"""The Dask engine: the same tasks on a ``dask.distributed`` cluster.

The client (the machine running ``cable-convert``) lists and reads the inputs, ships each
cable's bytes to a worker, and writes the bytes that come back under its own ``OUT``. Workers
only compute: they need cable-convert installed (the same version and code: checked at
start) but no access to the inputs or the output folder, so no shared file system is needed.

A worker process that dies is Dask's to handle first: the scheduler reruns the tasks it was
processing elsewhere (``distributed.scheduler.allowed-failures`` times, 3 by default; 1 on the
local cluster this module starts) and then gives up with ``KilledWorker``. Several tasks may
have been on the dying worker, so ``KilledWorker`` does not say which cable is to blame: the
batch layer retries such a cable once *alone* (nothing else in flight), and only a second
``KilledWorker`` is reported as its failure. Failures returned by a task (a render error, the
time limit) are retried once, as with the local engine.

A cluster left with no worker at all (every worker process and its nanny gone) would hold
the cables in flight for ever: after ``NO_WORKER_GRACE`` seconds without one, every cable in
flight, and every cable submitted after, fails with a message saying so.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..errors import EngineError, RenderError
from .digests import code_digest
from .worker import Failure, Outcome, Task, execute


def _import_distributed() -> Any:
    try:
        import distributed
    except ImportError:
        raise EngineError("--engine dask", "dask.distributed is not installed "
                         "(pip install 'cable-convert[dask]')") from None
    return distributed


def _remote_digest() -> str:
    return code_digest()


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """SIGINT ignored while the local cluster's worker processes start: they inherit that
    (an ignored signal stays ignored across exec, and Python then installs no Ctrl-C handler
    of its own), so a Ctrl-C in the terminal, which reaches the whole process group, stops
    the batch through the main process alone, instead of printing a traceback from every
    Dask worker."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


#: seconds a cluster may have no worker before its cables fail (a nanny restarts a dead
#: worker in seconds); how often, while nothing completes, the workers are counted
NO_WORKER_GRACE = 60.0
NO_WORKER_CHECK = 5.0


class DaskEngine:
    name = "dask"
    #: since when the cluster has had no worker (None: it has some); when they were last counted
    _workerless_since: float | None = None
    _counted = 0.0
    #: no worker for longer than the grace: cables fail at once
    _abandoned = False

    def __init__(self, scheduler: str | None, jobs: int, window: int | None = None,
                 tmp_root: Path | None = None) -> None:
        distributed = _import_distributed()
        self._distributed = distributed
        self.cluster = None
        #: the local cluster's scratch space (Dask left ``dask-scratch-space`` in TMPDIR)
        self.scratch: str | None = None
        try:
            if scheduler:
                self.client = distributed.Client(scheduler, timeout="30s")
            else:
                import dask

                # as with the local engine: a cable whose worker dies is tried once more
                self.scratch = tempfile.mkdtemp(prefix="dask-", dir=tmp_root)
                with dask.config.set({"distributed.scheduler.allowed-failures": 1,
                                      "temporary-directory": self.scratch}), \
                        _sigint_ignored():
                    self.cluster = distributed.LocalCluster(
                        n_workers=max(1, jobs), threads_per_worker=1, processes=True,
                        dashboard_address=None, silence_logs=logging.CRITICAL,
                        local_directory=self.scratch,
                        # the scheduler serves HTTP (health, metrics) even with no dashboard,
                        # on port 8787 unless told: a free port on the loopback, so that two
                        # runs at once neither clash nor warn
                        scheduler_kwargs={"dashboard": False, "dashboard_address": "127.0.0.1:0"})
                self.client = distributed.Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            raise EngineError(scheduler or "--engine dask",
                              f"cannot reach the Dask scheduler: {exc}") from None
        self._check_workers()
        threads = sum(self.client.nthreads().values()) or max(1, jobs)
        self.threads = threads
        self.window = window or max(8, 4 * threads)
        self.futures: dict[Any, Task] = {}

    def _check_workers(self) -> None:
        """Every worker must run the same cable-convert: outputs must not depend on where."""
        with contextlib.suppress(Exception):
            self.client.wait_for_workers(1, timeout=60)
        digests = self.client.run(_remote_digest)
        mine = code_digest()
        other = sorted(addr for addr, digest in digests.items() if digest != mine)
        if other:
            raise EngineError("--engine dask", "these workers run a different cable-convert "
                             f"(code or version): {', '.join(other)}")
        if not digests:
            raise EngineError("--engine dask", "the cluster has no workers")

    def free_slots(self) -> int:
        return max(0, self.window - len(self.futures))

    def in_flight(self) -> int:
        return len(self.futures)

    def submit(self, task: Task) -> None:
        key = f"cable-convert-{task.index}-{task.attempt}-{id(task):x}"
        future = self.client.submit(execute, task, key=key, pure=False)
        self.futures[future] = task

    def poll(self, timeout: float) -> list[Outcome]:
        if not self.futures:
            return []
        if self._abandoned:
            return self._fail_in_flight()
        try:
            done, _ = self._distributed.wait(list(self.futures), timeout=timeout,
                                             return_when="FIRST_COMPLETED")
        except TimeoutError:
            return self._fail_in_flight() if self._no_worker() else []
        outcomes = []
        for future in done:
            task = self.futures.pop(future)
            if future.status == "finished":
                outcomes.append(future.result())
                continue
            exc = future.exception() if future.status == "error" else None
            killed = type(exc).__name__ == "KilledWorker"
            message = ("the Dask worker processes running this cable died (KilledWorker)" if killed
                       else f"the Dask task ended as {future.status}: {exc}")
            failure = Failure.from_error(RenderError(task.source.name, message))
            failure.retryable = True
            failure.suspect = killed  # it may have shared the dying worker with the culprit
            outcomes.append(Outcome(task.index, task.attempt, "failed", failure=failure))
            future.release()
        return outcomes

    def _no_worker(self) -> bool:
        """Whether the cluster has had no worker for ``NO_WORKER_GRACE`` seconds (counted
        every ``NO_WORKER_CHECK`` seconds while nothing completes)."""
        now = time.monotonic()
        if now - self._counted < NO_WORKER_CHECK:
            return False
        self._counted = now
        try:
            workers = self.client.nthreads()
        except Exception:  # the scheduler unreachable: no worker either
            workers = {}
        if workers:
            self._workerless_since = None
            return False
        if self._workerless_since is None:
            self._workerless_since = now
        self._abandoned = now - self._workerless_since >= NO_WORKER_GRACE
        return self._abandoned

    def _fail_in_flight(self) -> list[Outcome]:
        outcomes = []
        for future, task in self.futures.items():
            message = f"the Dask cluster has had no worker for {NO_WORKER_GRACE:g} s"
            outcomes.append(Outcome(task.index, task.attempt, "failed",
                                    failure=Failure.from_error(RenderError(task.source.name, message))))
            with contextlib.suppress(Exception):
                future.cancel()
        self.futures.clear()
        return outcomes

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.client.cancel(list(self.futures))
        self.futures.clear()
        with contextlib.suppress(Exception):
            self.client.close()
        if self.cluster is not None:
            with contextlib.suppress(Exception):
                self.cluster.close()
        if self.scratch is not None:
            shutil.rmtree(self.scratch, ignore_errors=True)

    def describe(self) -> str:
        where = "local cluster" if self.cluster is not None else str(self.client.scheduler.address)
        return f"dask ({where}), {self.threads} worker thread{'s' if self.threads != 1 else ''}"
