"""One input to read (:class:`Source`), and reading its bytes safely: only a regular file,
never more than the size limit, never blocking on a FIFO or a device."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass

from ..errors import InputError
from ..model import RawCable
from ..options import ReadOptions
from .decode import check_size


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, stdin's bytes, or a cable already split out (a CSV row).

    ``name`` is what every message and the report show (valid UTF-8 whatever the file
    system's bytes: :func:`convert.names.display_name`); ``path`` is what is opened."""

    name: str
    path: str | None = None
    data: bytes | None = None
    raw: RawCable | None = None
    form: str | None = None


#: what a file that is not a regular file is, for the message refusing it
_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
          (stat.S_ISBLK, "a device"), (stat.S_ISDIR, "a folder"))


def not_regular(mode: int) -> str | None:
    """What kind of file ``mode`` is when it is not a regular file (None when it is)."""
    if stat.S_ISREG(mode):
        return None
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def open_regular(path: str, name: str) -> int:
    """A descriptor open for reading on ``path``, a regular file. Opened without blocking,
    so a FIFO with no writer (or a device) is refused at once instead of hanging the run."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    except OSError as exc:
        raise InputError(name, exc.strerror or str(exc)) from None
    try:
        kind = not_regular(os.fstat(fd).st_mode)
    except OSError as exc:
        os.close(fd)
        raise InputError(name, exc.strerror or str(exc)) from None
    if kind is not None:
        os.close(fd)
        raise InputError(name, f"{kind}, not a regular file: not read (use - for a pipe)")
    return fd


def read_head(path: str, name: str, size: int) -> bytes:
    """The first ``size`` bytes of a regular file (to detect its form)."""
    fd = open_regular(path, name)
    with os.fdopen(fd, "rb") as handle:
        return handle.read(size)


def read_bytes(source: Source, options: ReadOptions) -> bytes:
    """The source's bytes, refused (typed, naming it) over ``--max-input-size`` or when it is
    not a regular file; a file's size and kind are checked before it is opened."""
    limit = options.max_input_bytes
    if source.data is not None:
        check_size(source.name, len(source.data), limit)
        return source.data
    assert source.path is not None
    try:
        info = os.stat(source.path)
    except OSError as exc:
        raise InputError(source.name, exc.strerror or str(exc)) from None
    kind = not_regular(info.st_mode)
    if kind is not None:
        raise InputError(source.name, f"{kind}, not a regular file: not read (use - for a pipe)")
    check_size(source.name, info.st_size, limit)
    fd = open_regular(source.path, source.name)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise InputError(source.name, exc.strerror or str(exc)) from None
    check_size(source.name, len(data), limit)
    return data
