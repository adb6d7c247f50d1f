"""Where outputs go, and writing them so that no truncated or empty file ever exists:
each file is written to a temporary name, flushed, then renamed (one file at a time, or a
group of files with a single file-system sync for the batch layer)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

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
    real_root = root.resolve()
    real = path.parent.resolve() / path.name
    if real_root != real.parent and real_root not in real.parents:
        raise OutputError(str(path), f"would be written outside {root}")


def atomic_write(path: Path, data: bytes, root: Path | None = None,
                 tmp_dir: Path | None = None) -> None:
    """Write ``data`` to ``path`` atomically; never follows a symlink at ``path``.

    The temporary file is made in ``tmp_dir`` when given (it must be on the same file
    system as ``path``: the batch layer keeps its temporary files under ``OUT/.cable-convert``
    so that none ever shows in the output tree), else next to ``path``."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if root is not None:
            check_inside(root, path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part",
                                   dir=tmp_dir if tmp_dir is not None else path.parent)
    except OSError as exc:
        raise OutputError(str(path), exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        # rename replaces a symlink itself, never the file it points to
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), exc.strerror or str(exc)) from None


def check_writable(root: Path) -> None:
    """Fail early, before any work, when the output folder cannot be created or written."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputError(str(root), exc.strerror or str(exc)) from None
    if not os.access(root, os.W_OK | os.X_OK):
        raise OutputError(str(root), "the output folder is not writable")


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
        path.parent.mkdir(parents=True, exist_ok=True)
        check_inside(root, path)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=tmp_dir)
    except OSError as exc:
        raise OutputError(str(path), exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            os.fchmod(handle.fileno(), 0o644)
            handle.write(data)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), exc.strerror or str(exc)) from None
    return tmp


def sync_files(directory: Path, names: list[str]) -> None:
    """Make the staged files' data durable: one syncfs(2) for the file system holding
    ``directory`` where Linux offers it, else an fsync per file."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        syncfs = libc.syncfs
    except (OSError, AttributeError):
        syncfs = None
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


def publish(tmp: str, path: Path) -> None:
    """Rename a staged (and synced) file into place; replaces a symlink, never follows it."""
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise OutputError(str(path), exc.strerror or str(exc)) from None
