"""Where outputs go, and writing them so that no truncated or empty file ever exists:
each file is written to a temporary name, flushed, then renamed (one file at a time, or a
group of files with a single file-system sync for the batch layer)."""

from __future__ import annotations

import contextlib
import errno
import os
import tempfile
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import OutputError
from .names import safe_stem
from .writers import FORMATS

LAYOUTS = ("flat", "tree")


def output_path(root: Path, stem: str, fmt: str, layout: str = "flat", year: str | None = None) -> Path:
    """``flat``: ``ROOT/<id>.<ext>``; ``tree``: ``ROOT/<format>/<year>/<id>.<ext>``.

    The stem is reduced to one safe path component, so no cable id or CSV refid can place a
    file outside ``root``."""
    name = f"{safe_stem(stem)}.{FORMATS[fmt].extension}"
    if layout == "tree":
        return root / fmt / (year if year and year.isdigit() else "undated") / name
    return root / name


def check_inside(root: Path, path: Path) -> None:
    """Refuse a path whose folder, symbolic links resolved, is not ``root`` or below it.

    Works before the folder exists (the existing part of the path is resolved), so callers
    check first and only then create folders: no folder is ever made outside ``root``."""
    real_root = root.resolve()
    real = path.parent.resolve() / path.name
    if real_root != real.parent and real_root not in real.parents:
        raise OutputError(str(path), f"would be written outside {root}")


#: what a full disk's errors mean, said plainly
_HINTS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
}


def reason(exc: OSError) -> str:
    """An OSError as the one-line reason of an :class:`OutputError` (with a hint for a full
    disk)."""
    text = exc.strerror or str(exc)
    hint = _HINTS.get(exc.errno or 0)
    return f"{text} ({hint})" if hint else text


@lru_cache(maxsize=1)
def file_mode() -> int:
    """The mode a new output file gets: 0666 less the umask, as any file the user makes
    (the temporary files are made 0600; outputs were forced to 0644 whatever the umask).
    Read from /proc where Linux offers it (setting the umask to read it back is not safe
    while writer threads make files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return 0o666 & ~int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def write_temp(directory: str | Path, prefix: str, data: bytes | Iterable[bytes],
               durable: bool = False) -> str:
    """A new temporary file (mode :func:`file_mode`) in ``directory`` holding ``data``
    (bytes, or chunks of them); with ``durable``, flushed to disk. Its name is returned; a
    failure removes it and raises the ``OSError``."""
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".part", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), file_mode())
            for chunk in (data,) if isinstance(data, bytes) else data:
                handle.write(chunk)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def atomic_write(path: Path, data: bytes | Iterable[bytes], root: Path | None = None,
                 tmp_dir: Path | None = None) -> None:
    """Write ``data`` (bytes, or chunks of them) to ``path`` atomically; never follows a
    symlink at ``path``.

    The temporary file is made in ``tmp_dir`` when given (it must be on the same file
    system as ``path``: the batch layer keeps its temporary files under ``OUT/.cable-convert``
    so that none ever shows in the output tree), else next to ``path``."""
    tmp = None
    try:
        if root is not None:
            check_inside(root, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = write_temp(tmp_dir if tmp_dir is not None else path.parent, f".{path.name}.",
                         data, durable=True)
        # rename replaces a symlink itself, never the file it points to
        os.replace(tmp, path)
    except OSError as exc:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
        raise OutputError(str(path), reason(exc)) from None


def check_writable(root: Path) -> None:
    """Fail early, before any work, when the output folder cannot be created or written."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(root), reason(exc)) from None
    if not os.access(root, os.W_OK | os.X_OK):
        why = "the output folder is not writable"
        with contextlib.suppress(OSError, AttributeError):
            if os.statvfs(root).f_flag & os.ST_RDONLY:
                why = "the output folder is on a read-only file system"
        raise OutputError(str(root), why)


# ------------------------------------------------------------------ grouped atomic writes
#
# atomic_write() pays one fsync per file. A batch writing thousands of small files does the
# same in three steps that amortise it: stage each file (temporary file, not yet synced),
# sync the file system once for a whole group, then publish (rename) every staged file.
# The data is on disk before any rename, so a crash or power loss leaves either no file or
# a complete one, exactly as with atomic_write().


def stage_write(path: Path, data: bytes, root: Path, tmp_dir: Path) -> str:
    """Write ``data`` to a new temporary file in ``tmp_dir`` (same file system as ``path``)
    and return its name; :func:`publish` puts it at ``path`` after :func:`sync_files`."""
    try:
        check_inside(root, path)
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_temp(tmp_dir, f".{path.name}.", data)
    except OSError as exc:
        raise OutputError(str(path), reason(exc)) from None


@lru_cache(maxsize=1)
def _syncfs() -> Any:
    """libc's syncfs(2), or None. Looked up once per process, in the symbols already loaded
    (``ctypes.util.find_library`` would run ``ldconfig -p`` at every call)."""
    import ctypes

    try:
        return ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None


def sync_files(directory: Path, names: list[str]) -> None:
    """Make the staged files' data durable: one syncfs(2) for the file system holding
    ``directory`` where Linux offers it, else an fsync per file. A failure (a disk that
    reports ENOSPC or EIO only when the data is flushed) is an :class:`OutputError`."""
    name = str(directory)
    try:
        syncfs = _syncfs()
        if syncfs is not None:
            fd = os.open(directory, os.O_RDONLY)
            try:
                if syncfs(fd) == 0:
                    return
            finally:
                os.close(fd)
        for name in names:
            fd = os.open(name, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    except OSError as exc:
        raise OutputError(name, reason(exc)) from None


def publish(tmp: str, path: Path) -> None:
    """Rename a staged (and synced) file into place; replaces a symlink, never follows it."""
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), reason(exc)) from None


def place_taxonomy(root: Path, folders: Iterable[Path], tmp_dir: Path | None = None) -> list[Path]:
    """The shared taxonomy (:data:`convert.taxonomy.FILE`) beside the TEI documents that
    point into it: once in each of ``folders`` (inside ``root``), written only where it is
    missing or not the shipped bytes, so the same run gives the same folder. A folder walk
    never reads it back as a cable (:func:`convert.readers.listing.is_cable_file`)."""
    from . import taxonomy

    data = taxonomy.data()
    placed = []
    for folder in sorted(set(folders)):
        path = folder / taxonomy.FILE
        try:
            same = path.is_file() and not path.is_symlink() and path.read_bytes() == data
        except OSError:
            same = False
        if not same:
            atomic_write(path, data, root, tmp_dir)
            placed.append(path)
    return placed
