"""Putting a cable's files in place: staged (written to temporary files), made durable a
group at a time with one file-system sync, then published (renamed into place).

Local workers stage their cables' files themselves (under ``OUT/.cable-convert/tmp``);
for a Dask worker, which sends the bytes back, the main process stages them in a writer
thread. Either way the main process syncs and renames, so that a kill at any moment leaves
only temporary files, which the next run deletes.
"""

from __future__ import annotations

import contextlib
import os
import queue
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError
from ..output import check_inside, publish, reason, sync_files


@dataclass(slots=True)
class _Pending:
    future: Future[list[tuple[str, Path]]]
    then: Callable[[float | BaseException], None]
    started: float
    staged: list[tuple[str, Path]] | None = None


class Publisher:
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
        failure: BaseException | None = None
        for index in members:  # every member is settled, even if recording one fails
            entry = self.pending.pop(index)
            try:
                entry.then(errors.get(index) or now - entry.started)
            except BaseException as exc:  # e.g. the resume log on a full disk
                failure = failure or exc
        if failure is not None:
            raise failure

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

