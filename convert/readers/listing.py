"""Which sources the inputs name: files, folders walked, cables.csv rows, standard input.

The folder rule (``docs/batch.md``, Inputs), decided here and nowhere else:

* a folder is walked depth-first in sorted order, however deep (no recursion limit);
* files with a cable suffix (or none) are read; hidden files and folders are passed over;
* **symbolic links found inside a folder are not followed** (to a file or a folder, inside
  or outside the tree), each with a warning: a link can reach files the user never named
  (``~/.ssh``, ``/etc``) or loop. A link named on the command line is followed: it was named;
* a FIFO, socket or device found in a folder is passed over with a warning; named on the
  command line, it is refused (reading it could block forever);
* a folder that cannot be listed (permission denied) is an error, like an unreadable file;
* the run's own output folder, and any output folder of cable-convert found inside a
  walked folder (it holds ``.cable-convert/``), are passed over with a warning: a run must
  not read its own outputs back as inputs.

Warnings go to the ``notice`` callback as (name, reason); errors are yielded in place.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from ..errors import ConvertError, InputError
from ..names import CABLE_SUFFIXES, display_name
from ..options import ReadOptions
from . import cablescsv
from .source import Source, not_regular, open_regular, read_head

#: an output folder of cable-convert holds this folder (``convert.batch.state.STATE_DIR``)
OUTPUT_MARK = ".cable-convert"
#: files cable-convert writes beside its outputs that are not cables: the shared taxonomy
#: (``convert.taxonomy.FILE``) and a run's CMIF file (``*.cmif.xml``)
COMPANION_NAMES = frozenset({"cable-taxonomy.xml"})
COMPANION_SUFFIX = ".cmif.xml"
#: the suffixes a folder walk reads, as an error names them
_SUFFIXES_NAMED = ", ".join(sorted(s for s in CABLE_SUFFIXES if s)) + ", or no suffix"

#: where warnings go: (the thing passed over, why)
Notice = Callable[[str, str], None]


def warn(name: str, reason: str) -> None:
    """The default notice: one line on standard error."""
    print(f"cable-convert: {name}: warning: {reason}", file=sys.stderr)


def is_cable_file(path: Path) -> bool:
    """Whether a folder walk picks up this file: not hidden, a cable suffix (or none), and
    none of the files cable-convert writes beside its outputs (a later run over an output
    folder reads its TEI, not the taxonomy or a CMIF file)."""
    name = path.name.lower()
    return (not name.startswith(".") and path.suffix.lower() in CABLE_SUFFIXES
            and name not in COMPANION_NAMES and not name.endswith(COMPANION_SUFFIX))


def _identity(path: str | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def discover(folder: Path, notice: Notice = warn,
             exclude: tuple[int, int] | None = None) -> Iterator[Path | ConvertError]:
    """The cable files below ``folder``, in sorted order, and an error for each folder that
    cannot be listed. ``exclude``: the (device, inode) of a folder never to walk (the run's
    output folder). The one place that decides what a folder holds."""
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as listing:
                entries = sorted(listing, key=lambda e: e.name)
        except OSError as exc:
            yield InputError(display_name(str(current)),
                             f"cannot list the folder: {exc.strerror or exc}")
            continue
        if current != folder and any(e.name == OUTPUT_MARK for e in entries):
            notice(display_name(str(current)), "an output folder of cable-convert inside the "
                   "input: not read (name it to convert its files)")
            continue
        folders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(current, entry.name)
            try:
                if entry.is_symlink():
                    if is_cable_file(path) or os.path.isdir(path):
                        notice(display_name(str(path)), "a symbolic link inside a folder is not "
                               "followed (name it, or what it points to, to convert it)")
                elif entry.is_dir(follow_symlinks=False):
                    if exclude is not None and _identity(path) == exclude:
                        notice(display_name(str(path)), "the output folder of this run: not "
                               "read as input")
                    else:
                        folders.append(path)
                elif is_cable_file(path):
                    kind = not_regular(entry.stat(follow_symlinks=False).st_mode)
                    if kind is None:
                        yield path
                    else:
                        notice(display_name(str(path)), f"{kind}, not a regular file: not read")
            except OSError as exc:  # gone, or unreadable, between the listing and now
                yield InputError(display_name(str(path)), exc.strerror or str(exc))
        stack.extend(reversed(folders))


def expand_inputs(inputs: Iterable[str], options: ReadOptions, notice: Notice = warn,
                  exclude: str | Path | None = None) -> Iterator[Source | ConvertError]:
    """Every source the inputs name, in order; a problem with one input is yielded, not
    raised. ``exclude``: a folder never read as input (the run's output folder)."""
    skip = _identity(exclude) if exclude is not None else None
    for item in inputs:
        if item == "-":
            yield from _stdin_sources(options)
            continue
        name = display_name(item)
        path = Path(item)
        if path.is_dir():
            if skip is not None and _identity(path) == skip:
                notice(name, "the output folder of this run: not read as input")
                continue
            found = False
            for file in discover(path, notice, skip):
                if isinstance(file, ConvertError):
                    yield file
                    continue
                found = True
                yield from _file_sources(file, display_name(str(file)), options)
            if not found:
                yield InputError(name, f"a folder with no cable files ({_SUFFIXES_NAMED})")
            continue
        try:
            info = os.stat(item)
        except OSError as exc:
            missing = isinstance(exc, FileNotFoundError | NotADirectoryError)
            if missing and any(c in item for c in "*?["):  # a pattern the tool expanded to nothing
                yield InputError(name, "no such file or folder, and no file matches it as a pattern")
                continue
            yield InputError(name, "no such file or folder" if missing else exc.strerror or str(exc))
            continue
        kind = not_regular(info.st_mode)
        if kind is not None:
            yield InputError(name, f"{kind}, not a regular file: not read (use - for a pipe)")
            continue
        yield from _file_sources(path, name, options)


def _stdin_sources(options: ReadOptions) -> Iterator[Source | ConvertError]:
    stdin = sys.stdin.buffer
    data = stdin.read(min(200, options.max_input_bytes + 1))
    if options.form == "csv" or (
        options.form is None and cablescsv.looks_like(data[:200].decode("utf-8", "replace"))
    ):
        # streamed like a cables.csv file: no size limit, rows are never cut short
        for row in cablescsv.iter_rows(_Prefixed(data, stdin), "<stdin>"):
            yield row if isinstance(row, ConvertError) else Source(row.source, raw=row)
    else:
        data += stdin.read(options.max_input_bytes + 1 - len(data))
        yield Source(name="<stdin>", data=data, form=options.form)


class _Prefixed(io.RawIOBase):
    """A stream whose first bytes were already read (to detect the form) then the rest."""

    def __init__(self, head: bytes, rest: BinaryIO) -> None:
        super().__init__()
        self.head, self.rest = head, rest

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        if self.head:
            size = len(self.head) if size is None or size < 0 else size
            out, self.head = self.head[:size], self.head[size:]
            return out
        return self.rest.read(size)


def _file_sources(path: Path, name: str, options: ReadOptions) -> Iterator[Source | ConvertError]:
    try:
        csv = _is_csv_path(path, name, options)
    except ConvertError as exc:
        yield exc
        return
    if csv:
        yield from _csv_sources(path, name)
    else:
        yield Source(name=name, path=str(path), form=options.form)


def _is_csv_path(path: Path, name: str, options: ReadOptions) -> bool:
    if options.form == "csv":
        return True
    if options.form is not None:
        return False
    if path.suffix.lower() == ".csv":
        return True
    try:
        head = read_head(str(path), name, 200)
    except InputError:
        return False  # the worker's read reports it
    return cablescsv.looks_like(head.decode("utf-8", "replace"))


def _csv_sources(path: Path, name: str) -> Iterator[Source | ConvertError]:
    try:
        handle = os.fdopen(open_regular(str(path), name), "rb")
    except ConvertError as exc:
        yield exc
        return
    with handle:
        for row in cablescsv.iter_rows(handle, name):
            yield row if isinstance(row, ConvertError) else Source(name=row.source, raw=row,
                                                                      form="csv")


__all__ = ["CABLE_SUFFIXES", "OUTPUT_MARK", "Notice", "discover", "expand_inputs",
           "is_cable_file", "warn"]
