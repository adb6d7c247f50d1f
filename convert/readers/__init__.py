"""Readers: find the cables named by the inputs and read each into a RawCable (or a Cable).

Forms are detected from content (``ReadOptions.form`` overrides): TEI, a cablegate page,
a cables.csv file (streamed, one cable per row), or plain text.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import ConvertError, InputError, ParseError, UsageError
from ..model import Cable, RawCable
from ..options import ReadOptions
from . import cablegate, cablescsv, tei, text
from .decode import check_size, decode

FORMS = ("text", "html", "csv", "tei")
#: file name suffixes a folder walk picks up; anything else in a folder is skipped
CABLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".csv", ".xml", ".cable", ""}


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read: a file, stdin's bytes, or a cable already split out (a CSV row)."""

    name: str
    path: str | None = None
    data: bytes | None = None
    raw: RawCable | None = None
    form: str | None = None


def _is_csv_path(path: Path, options: ReadOptions) -> bool:
    if options.form == "csv":
        return True
    if options.form is not None:
        return False
    if path.suffix.lower() == ".csv":
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(200)
    except OSError:
        return False
    return cablescsv.looks_like(head.decode("utf-8", "replace"))


def _csv_sources(path: Path, name: str) -> Iterator[Source | ConvertError]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield InputError(name, exc.strerror or str(exc))
        return
    with handle:
        for row in cablescsv.iter_rows(handle, name):
            if isinstance(row, ConvertError):
                yield row
            else:
                yield Source(name=row.source, raw=row, form="csv")


def is_cable_file(path: Path) -> bool:
    """Whether a folder walk picks up this file: not hidden, and a cable suffix (or none)."""
    return not path.name.startswith(".") and path.suffix.lower() in CABLE_SUFFIXES


def discover(folder: Path) -> Iterator[Path]:
    """The cable files below ``folder``, in sorted order (hidden files and folders skipped).

    The one place that decides what a folder holds: the inputs' expansion reads it, and the
    batch's progress bar counts it."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for file in sorted(files):
            path = Path(root, file)
            if is_cable_file(path):
                yield path


def expand_inputs(inputs: Iterable[str], options: ReadOptions) -> Iterator[Source | ConvertError]:
    """Every source the inputs name, in order; a problem with one input is yielded, not raised."""
    for item in inputs:
        if item == "-":
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
            continue
        path = Path(item)
        if path.is_dir():
            found = False
            for file in discover(path):
                found = True
                yield from _file_sources(file, str(file), options)
            if not found:
                yield InputError(item, "a folder with no cable files (.txt, .html, .csv, .xml)")
        elif path.exists():
            yield from _file_sources(path, item, options)
        else:
            yield InputError(item, "no such file or folder")


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
    if _is_csv_path(path, options):
        yield from _csv_sources(path, name)
    else:
        yield Source(name=name, path=str(path), form=options.form)


def read_bytes(source: Source, options: ReadOptions) -> bytes:
    if source.data is not None:
        check_size(source.name, len(source.data), options.max_input_bytes)
        return source.data
    assert source.path is not None
    try:
        size = os.stat(source.path).st_size
        check_size(source.name, size, options.max_input_bytes)
        with open(source.path, "rb") as handle:
            data = handle.read(options.max_input_bytes + 1)
    except OSError as exc:
        raise InputError(source.name, exc.strerror or str(exc)) from None
    check_size(source.name, len(data), options.max_input_bytes)
    return data


def detect_form(head: str) -> str:
    if tei.looks_like(head):
        return "tei"
    if cablegate.looks_like(head):
        return "html"
    if cablescsv.looks_like(head):
        return "csv"
    return "text"


def load_source(source: Source, options: ReadOptions) -> Iterator[RawCable | Cable]:
    """Read one source. Raises a ConvertError naming the source when it cannot be read."""
    if source.raw is not None:
        yield source.raw
        return
    form = source.form or options.form
    if form is not None and form not in FORMS:
        raise UsageError(form, f"unknown input form (known: {', '.join(FORMS)})")
    data = read_bytes(source, options)
    if form == "tei" or (form is None and tei.looks_like(data[:4000].decode("utf-8", "replace"))):
        yield tei.read(data, source.name)
        return
    content = decode(data, source.name, options.encoding)
    form = form or detect_form(content[:200_000])
    if form == "tei":  # TEI in an encoding the byte sniffing above misses (UTF-16)
        yield tei.read(data, source.name)
    elif form == "html":
        yield cablegate.read(content, source.name)
    elif form == "csv":
        stream = io.BytesIO(content.encode("utf-8"))
        for row in cablescsv.iter_rows(stream, source.name):
            if isinstance(row, ParseError):
                raise row
            yield row
    else:
        yield text.read(content, source.name)
