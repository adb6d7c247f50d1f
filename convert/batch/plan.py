"""Planning: which sources need converting, and in which formats (the resume rules).

The :class:`Planner` lists the sources in input order and turns each into a
:class:`~.worker.Task`, unless its resume record shows every requested output up to date (it
is then recorded as skipped at once). See :mod:`.state` and ``docs/batch.md`` for what
"up to date" means.
"""

from __future__ import annotations

import dataclasses
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..errors import ConvertError
from ..options import ConvertOptions
from ..pipeline import iter_sources
from ..readers import Source, read_bytes
from .digests import hash_bytes, hash_file, hash_raw
from .inputs import expand_globs, source_key
from .report import Ledger
from .state import Record, State
from .worker import Failure, Task


class Planner:
    def __init__(self, out: Path, options: ConvertOptions, state: State, config: str,
                 ledger: Ledger, *, resume: bool, ship_data: bool,
                 hook: Callable[[str, int], None] | None) -> None:
        self.out = out
        self.options = options
        self.state = state
        self.config = config
        self.ledger = ledger
        self.resume = resume
        self.ship_data = ship_data  # True: the main process reads inputs (remote workers)
        self.hook = hook
        self.count = 0  # sources listed so far (each has a place in the input order)
        self.merge: dict[int, Record] = {}  # task index -> record whose other formats stand

    def plan(self, inputs: Iterable[str]) -> Iterator[Task]:
        """A task for every source that needs converting, in input order."""
        seen: set[str] = set()
        for item in iter_sources(expand_globs(inputs), self.options.read,
                                 notice=self.ledger.notice, exclude=self.out):
            index = self.count
            if isinstance(item, ConvertError):
                self.count += 1
                self.ledger.fail(index, item.source, Failure.from_error(item), 0)
                continue
            key = source_key(item)
            if key in seen:
                continue  # the same file named twice: converted once
            seen.add(key)
            self.count += 1
            try:
                task = self.make_task(index, key, item)
            except ConvertError as exc:
                self.ledger.fail(index, item.name, Failure.from_error(exc), 0)
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
            touched = [False]
            missing = tuple(f for f in formats if not self.output_current(record, f, touched))
            if not missing:
                if (stat is not None and record.stat != stat) or touched[0]:
                    record.stat = stat if stat is not None else record.stat
                    self.state.append(record)
                self.ledger.skip(index, record)
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

    def output_current(self, record: Record, fmt: str, touched: list[bool]) -> bool:
        """Whether ``record``'s file for ``fmt`` is still the one written: same size and
        mtime (a stat, the common case); same size, other mtime: its bytes are hashed again
        (``touched[0]`` set when they match, so the new mtime is recorded); anything else
        (gone, another size, other bytes) converts it again."""
        rel = record.outputs.get(fmt)
        if rel is None:
            return False
        path = self.out / rel
        try:
            info = os.lstat(path)  # a link planted at an output's place is not the output
        except OSError:
            return False
        if not stat.S_ISREG(info.st_mode):
            return False
        known = record.files.get(fmt)
        if known is None:
            return True  # a record from before sizes and hashes were kept: existence only
        size, mtime, digest = known
        if info.st_size != size:
            return False
        if info.st_mtime_ns == mtime:
            return True
        try:
            same = hash_file(path) == digest
        except OSError:
            return False
        if same:
            record.files = {**record.files, fmt: (size, info.st_mtime_ns, digest)}
            touched[0] = True
        return same
