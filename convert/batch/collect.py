"""What the main process does with each outcome an engine hands back.

A failure that may be passing is queued for one more attempt (the batch's only retry rule,
:meth:`Collector.handle`); any other failure is recorded. A converted cable gets its file
names (:mod:`.claims`), its files are put in place (:mod:`.publish`), and only then is it
recorded, in the resume log and the report.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections import deque
from pathlib import Path

from ..errors import ConvertError, ParseError
from ..options import ConvertOptions
from ..output import output_path, stage_write
from .claims import Claims
from .publish import Publisher
from .report import CableResult, Ledger
from .state import Record, State
from .worker import Failure, Item, Outcome, Task, mark

#: attempts after the first for a cable whose failure may be passing (crash, render, time)
RETRIES = 1

#: a converted cable's items, each with its file stem and its path per format
Files = list[tuple[Item, str, dict[str, Path]]]


class Collector:
    def __init__(self, out: Path, options: ConvertOptions, layout: str, config: str,
                 state: State, ledger: Ledger, claims: Claims, publisher: Publisher,
                 merge: dict[int, Record]) -> None:
        self.out = out
        self.options = options
        self.layout = layout
        self.config = config
        self.state = state
        self.ledger = ledger
        self.claims = claims
        self.publisher = publisher
        self.merge = merge  # task index -> record whose other formats stand (the planner's)
        self.inflight: dict[int, Task] = {}
        self.retry: deque[Task] = deque()  # second attempts, before any new task
        self.isolate: deque[Task] = deque()  # retries to run with nothing else in flight

    def handle(self, outcome: Outcome) -> None:
        task = self.inflight[outcome.index]
        if outcome.status == "lost":  # queued on a worker that died: it never started
            self.retry.appendleft(task)
            return
        del self.inflight[outcome.index]
        self.ledger.count_work(outcome)
        if outcome.status == "ok" and not outcome.items:
            self.ledger.fail(task.index, task.source.name,
                             Failure.from_error(ParseError(task.source.name, "no cable in this input")),
                             task.attempt + 1, outcome.seconds, outcome.worker)
            return
        if outcome.status == "ok":
            self.commit(task, outcome)
            return
        failure = outcome.failure or Failure.internal(task.source.name, "no outcome")
        if failure.retryable and task.attempt < RETRIES:
            again = dataclasses.replace(task, attempt=task.attempt + 1)
            (self.isolate if failure.suspect else self.retry).append(again)
            return
        self.ledger.fail(task.index, task.source.name, failure, task.attempt + 1,
                         outcome.seconds, outcome.worker)

    def commit(self, task: Task, outcome: Outcome) -> None:
        """Decide a converted cable's file names here (claims are kept in one thread), write
        its bytes in a writer thread (fsync waits overlap there, not in this loop), then
        :meth:`finish`: record it once every file is in place. A crash in between only makes
        the next run convert it again."""
        files: Files = []
        for item in outcome.items:
            stem = self.claims.claim(item, task)
            paths = {fmt: output_path(self.out, stem, fmt, self.layout, item.year)
                     for fmt in (item.staged or item.outputs)}
            files.append((item, stem, paths))
        if outcome.items and all(item.staged for item in outcome.items):
            # a local worker wrote the bytes to temporary files already
            staged = [(item.staged[fmt], path) for item, _, paths in files
                      for fmt, path in paths.items()]
            self.publisher.submit_staged(task.index, staged,
                                         lambda result: self.finish(task, outcome, files, result))
            return
        tmp, out = self.state.tmp, self.out

        def stage() -> list[tuple[str, Path]]:  # in a writer thread
            staged: list[tuple[str, Path]] = []
            try:
                for item, _, paths in files:
                    for fmt, path in paths.items():
                        name = stage_write(path, item.outputs[fmt], out, tmp)
                        staged.append((name, path))
                        item.marks[fmt] = mark(name, item.outputs[fmt])
            except BaseException:
                for name, _ in staged:
                    with contextlib.suppress(OSError):
                        os.unlink(name)
                raise
            for item, _, _ in files:
                item.outputs = {}  # the bytes are in temporary files now: free them
            return staged

        self.publisher.submit(task.index, stage,
                              lambda result: self.finish(task, outcome, files, result))

    def finish(self, task: Task, outcome: Outcome, files: Files,
               result: float | BaseException) -> None:
        if isinstance(result, BaseException):
            self.claims.release([stem for _, stem, _ in files], task.key)
            self.merge.pop(task.index, None)
            failure = (Failure.from_error(result) if isinstance(result, ConvertError)
                       else Failure.internal(task.source.name, f"{type(result).__name__}: {result}",
                                             retryable=False))
            self.ledger.fail(task.index, task.source.name, failure, task.attempt + 1,
                             outcome.seconds, outcome.worker)
            return
        digest = task.input_hash or outcome.input_hash or ""
        previous = self.merge.pop(task.index, None)
        seconds = outcome.seconds + result
        for item, stem, paths in files:
            written = {fmt: os.path.relpath(path, self.out) for fmt, path in paths.items()}
            marks = dict(item.marks)
            if previous is not None and previous.stem == stem:
                written = {**previous.outputs, **written}
                marks = {**previous.files, **marks}
            if len(files) == 1 and digest:
                self.state.append(Record(task.key, item.source, task.stat, digest, self.config,
                                         item.id, stem, written, item.warnings, seconds,
                                         time.time(), marks))
            outputs = {f: str(self.out / written[f]) for f in self.options.formats
                       if f in written}
            self.ledger.add(CableResult(item.source, "converted", item.id, outputs, item.warnings,
                                        seconds=seconds, index=task.index,
                                        attempts=task.attempt + 1, worker=outcome.worker))
