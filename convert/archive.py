"""Deterministic ZIP packages (DOCX, EPUB): fixed entry order, timestamps and permissions.

Pandoc stamps its own clock into the archives it writes; rewriting them here with a date
taken from the options (or the cable) makes two runs byte-identical.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterable, Mapping

_DOS_EPOCH = 315532800  # 1980-01-01T00:00:00Z: the earliest time a ZIP entry can carry


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry timestamp (UTC) for a Unix time, clamped to what ZIP can store."""
    stamp = time.gmtime(max(epoch, _DOS_EPOCH))
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min,
            stamp.tm_sec & ~1)


def build_zip(entries: Iterable[tuple[str, bytes]], epoch: int,
              stored: frozenset[str] = frozenset()) -> bytes:
    """A ZIP whose bytes depend only on the entries (in the order given) and ``epoch``."""
    buffer = io.BytesIO()
    when = zip_time(epoch)
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, data, compresslevel=9 if name not in stored else None)
    return buffer.getvalue()


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The entries of a ZIP, in archive order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def rewrite_zip(data: bytes, replace: Mapping[str, bytes], epoch: int,
                stored: frozenset[str] = frozenset(), first: str | None = None) -> bytes:
    """Re-pack ``data`` with some entries replaced or added, deterministically.

    ``first`` names an entry that must come first (an EPUB's ``mimetype``).
    """
    entries = read_zip(data)
    names = [name for name, _ in entries]
    merged = dict(entries)
    merged.update(replace)
    names += [name for name in replace if name not in names]
    if first is not None and first in names:
        names.remove(first)
        names.insert(0, first)
    return build_zip(((name, merged[name]) for name in names), epoch, stored)
