"""The resume state: what has been converted already, kept under ``OUT/.cable-convert/``.

``state.jsonl`` is an append-only log, one JSON object per line, one line per cable whose
outputs were all written (renamed into place) before the line was appended. A later line for
the same key replaces an earlier one. A line cut short by ``kill -9`` (or a power loss) is
ignored when the log is read, so the worst a crash can do is make a re-run convert a cable
again. The log is compacted (rewritten to a temporary file, then renamed) when superseded
lines outnumber live ones.

A record::

    {"k": key, "n": source name, "st": [size, mtime_ns] | null, "h": input hash,
     "c": config hash, "id": cable id, "stem": file stem, "o": {format: path under OUT},
     "f": {format: [size, mtime_ns, hash]}, "w": [warnings], "s": seconds, "t": unix time}

``f`` marks each output file as it was written (its hash computed from the bytes in hand, not
read back): a resume trusts a file whose size and mtime are unchanged, re-hashes one of the
same size with another mtime, and converts again one whose size changed or that is gone.
(Records written before ``f`` existed are checked for existence only.) A line
``{"k": key, "x": 1}`` drops the record of ``key`` (its input is gone and another took its
file names).

*key* is the input's absolute path (``path#row`` for a cables.csv row, ``<stdin>`` for
standard input). *input hash* is the SHA-256 of the input's bytes (of the row's fields for a
CSV row); *config hash* covers everything else that decides the bytes of an output: the tool's
version, the theme files, the read and write options and the layout. The formats are not in
it: a record lists the formats it holds, and a run asking for one more converts only that
one.

Fast path: when an input file's (size, mtime_ns) equal the recorded ones its bytes are not
read again; the recorded hash is trusted. Change a file's content and its mtime changes.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutputError, UsageError
from ..output import atomic_write, reason

STATE_DIR = ".cable-convert"
STATE_FILE = "state.jsonl"
TMP_DIR = "tmp"
#: the lock and the log are never opened through a symbolic link planted in the state folder
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(slots=True)
class Record:
    key: str
    name: str
    stat: tuple[int, int] | None
    input_hash: str
    config_hash: str
    id: str | None
    stem: str
    outputs: dict[str, str] = field(default_factory=dict)  # format -> path relative to OUT
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    time: float = 0.0
    #: format -> (size, mtime_ns, hash) of the file as written
    files: dict[str, tuple[int, int, str]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {"k": self.key, "n": self.name, "st": list(self.stat) if self.stat else None,
                "h": self.input_hash, "c": self.config_hash, "id": self.id, "stem": self.stem,
                "o": self.outputs, "f": self.files, "w": self.warnings,
                "s": round(self.seconds, 4), "t": round(self.time, 3)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        # 250k records stay in memory: share the strings that repeat (the config hash,
        # format names, the common warnings, a name equal to the key)
        stat = data.get("st")
        key = str(data["k"])
        name = str(data.get("n") or key)
        return cls(
            key=key, name=key if name == key else name,
            stat=(int(stat[0]), int(stat[1])) if stat else None,
            input_hash=str(data["h"]), config_hash=sys.intern(str(data["c"])),
            id=data.get("id"), stem=str(data["stem"]),
            outputs={sys.intern(str(k)): str(v) for k, v in dict(data.get("o") or {}).items()},
            warnings=[sys.intern(str(w)) for w in data.get("w") or []],
            seconds=float(data.get("s") or 0.0), time=float(data.get("t") or 0.0),
            files={sys.intern(str(k)): (int(v[0]), int(v[1]), str(v[2]))
                   for k, v in dict(data.get("f") or {}).items()},
        )


# -------------------------------------------------------------------------------- the log


class State:
    """The records of one output folder; appends are flushed at once, fsync'd every second."""

    def __init__(self, out: Path) -> None:
        self.dir = out / STATE_DIR
        self.path = self.dir / STATE_FILE
        self.tmp = self.dir / TMP_DIR
        self.records: dict[str, Record] = {}
        self._lines = 0
        self._fd: int | None = None
        self._lock_fd: int | None = None
        self._synced = time.monotonic()

    # reading ------------------------------------------------------------------------------

    def load(self) -> State:
        try:
            self.dir.mkdir(parents=True, exist_ok=True)
            self.tmp.mkdir(exist_ok=True)
        except OSError as exc:  # a read-only or full output folder: typed, naming it
            raise OutputError(str(self.dir), reason(exc)) from None
        self._lock()
        self.clear_tmp()
        for data in _read_lines(self.path):
            self._lines += 1
            if data.get("x"):
                self.records.pop(str(data.get("k")), None)
                continue
            try:
                record = Record.from_json(data)
            except (KeyError, TypeError, ValueError, IndexError):
                continue
            self.records[record.key] = record
        if self._lines > 1000 and self._lines > 2 * len(self.records):
            self.compact()
        return self

    def _lock(self) -> None:
        """One run per output folder at a time (two would interleave the log and race on
        the temporary files). The lock goes with the process, even on ``kill -9``."""
        import fcntl

        try:
            self._lock_fd = os.open(self.dir / "lock", os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o644)
        except OSError as exc:
            raise OutputError(str(self.dir / "lock"), reason(exc)) from None
        try:
            fcntl.flock(self._lock_fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(self._lock_fd)
            self._lock_fd = None
            raise UsageError(str(self.dir.parent), "another cable-convert run is writing to "
                             "this output folder") from None

    def clear_tmp(self) -> None:
        """Temporary files (and workers' folders) left by a killed run: never complete, never
        in the output tree."""
        for leftover in self.tmp.iterdir():
            with contextlib.suppress(OSError):
                if leftover.is_dir() and not leftover.is_symlink():
                    shutil.rmtree(leftover)
                else:
                    leftover.unlink()

    def compact(self) -> None:
        body = "".join(json.dumps(r.to_json(), ensure_ascii=False) + "\n"
                       for r in self.records.values())
        atomic_write(self.path, body.encode("utf-8"), tmp_dir=self.tmp)
        self._lines = len(self.records)

    # writing ------------------------------------------------------------------------------

    def append(self, record: Record) -> None:
        """Log one record: one write(2), whole or absent. A full or read-only disk is an
        :class:`OutputError`; a short write is cut back off the log, so no partial line is
        ever followed by a whole one (which would spoil both)."""
        self._write(record.to_json())
        self.records[record.key] = record

    def drop(self, key: str) -> None:
        """Forget the record of ``key`` (its input is gone; another input took its names)."""
        if key in self.records:
            self._write({"k": key, "x": 1})
            del self.records[key]

    def _write(self, data: dict[str, Any]) -> None:
        line = (json.dumps(data, ensure_ascii=False) + "\n").encode("utf-8")
        size = -1
        try:
            if self._fd is None:
                self._fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | _NOFOLLOW,
                                   0o644)
            size = os.fstat(self._fd).st_size
            written = os.write(self._fd, line)
            if written != len(line):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            now = time.monotonic()
            if now - self._synced > 1.0:
                os.fsync(self._fd)
                self._synced = now
        except OSError as exc:
            if self._fd is not None and size >= 0:
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, size)
            raise OutputError(str(self.path), reason(exc)) from None
        self._lines += 1

    def close(self) -> None:
        try:
            if self._fd is not None:
                fd, self._fd = self._fd, None
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
        except OSError as exc:
                raise OutputError(str(self.path), reason(exc)) from None
        finally:
            if self._lock_fd is not None:
                os.close(self._lock_fd)  # releases the lock
                self._lock_fd = None


def _read_lines(path: Path) -> Iterator[dict[str, Any]]:
    try:
        handle = path.open("rb")
    except FileNotFoundError:
        return
    with handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break  # cut short by a crash: the cable will simply be converted again
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                yield data
