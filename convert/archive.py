"""Deterministic ZIP packages (DOCX, EPUB): fixed entry order, timestamps and permissions.

Pandoc stamps its own clock into the archives it writes; rewriting them here with a date
taken from the options (or the cable) makes two runs byte-identical. A rewrite deflates only
the entries it replaces: the others keep pandoc's compressed bytes (pandoc runs with the same
SOURCE_DATE_EPOCH, so they are the same for the same input) under headers written anew.
"""

from __future__ import annotations

import io
import struct
import time
import zipfile
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

_DOS_EPOCH = 315532800  # 1980-01-01T00:00:00Z: the earliest time a ZIP entry can carry


def zip_time(epoch: int) -> tuple[int, int, int, int, int, int]:
    """A ZIP entry timestamp (UTC) for a Unix time, clamped to what ZIP can store."""
    stamp = time.gmtime(max(epoch, _DOS_EPOCH))
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min,
            stamp.tm_sec & ~1)


def build_zip(entries: Iterable[tuple[str, bytes]], epoch: int,
              stored: frozenset[str] = frozenset()) -> bytes:
    """A ZIP whose bytes depend only on the entries (in the order given) and ``epoch``."""
    return _assemble((_packed(name, data, name in stored) for name, data in entries), epoch)


def read_zip(data: bytes) -> list[tuple[str, bytes]]:
    """The entries of a ZIP, in archive order."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return [(info.filename, archive.read(info)) for info in archive.infolist()]


def read_entries(data: bytes, names: Iterable[str]) -> dict[str, bytes]:
    """Some entries of a ZIP (those it has), inflated; the others are not read."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        present = set(archive.namelist())
        return {name: archive.read(name) for name in names if name in present}


@dataclass(frozen=True, slots=True)
class _Member:
    """An entry as it is written: its name, method, CRC-32, sizes and compressed bytes."""

    name: str
    method: int
    crc: int
    size: int
    raw: bytes


def _packed(name: str, data: bytes, store: bool) -> _Member:
    if store:
        return _Member(name, zipfile.ZIP_STORED, zlib.crc32(data), len(data), data)
    deflate = zlib.compressobj(9, zlib.DEFLATED, -15)
    raw = deflate.compress(data) + deflate.flush()
    return _Member(name, zipfile.ZIP_DEFLATED, zlib.crc32(data), len(data), raw)


def _copied(data: bytes, info: zipfile.ZipInfo) -> _Member:
    """An entry's compressed bytes as they stand in ``data`` (after its local header)."""
    start = info.header_offset
    name_length, extra_length = struct.unpack_from("<HH", data, start + 26)
    begin = start + 30 + name_length + extra_length
    return _Member(info.filename, info.compress_type, info.CRC, info.file_size,
                   data[begin:begin + info.compress_size])


def _assemble(members: Iterable[_Member], epoch: int) -> bytes:
    """The ZIP of ``members`` in order: no extra fields, no data descriptors, one fixed time
    and mode (0644) for every entry (what zipfile writes, without its per-entry choices)."""
    year, month, day, hour, minute, second = zip_time(epoch)
    dos_time = hour << 11 | minute << 5 | second // 2
    dos_date = (year - 1980) << 9 | month << 5 | day
    out, central = io.BytesIO(), io.BytesIO()
    count = 0
    for member in members:
        name = member.name.encode("utf-8")
        flags = 0 if name.isascii() else 0x800  # bit 11: the name is UTF-8
        if max(member.size, len(member.raw), out.tell()) >= 0xFFFFFFFF:
            raise ValueError(f"{member.name}: too large for a ZIP without ZIP64")
        fields = (flags, member.method, dos_time, dos_date, member.crc, len(member.raw),
                  member.size, len(name))
        offset = out.tell()
        out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, *fields, 0))
        out.write(name)
        out.write(member.raw)
        central.write(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 3 << 8 | 20, 20, *fields,
                                  0, 0, 0, 0, 0o644 << 16, offset))
        central.write(name)
        count += 1
    directory = central.getvalue()
    out.write(directory)
    out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(directory),
                          out.tell() - len(directory), 0))
    return out.getvalue()


def rewrite_zip(data: bytes, replace: Mapping[str, bytes], epoch: int,
                stored: frozenset[str] = frozenset(), first: str | None = None) -> bytes:
    """``data`` with some entries replaced or added, deterministically.

    Replaced and added entries are deflated (``stored``: kept uncompressed); the others keep
    their compressed bytes, unless their method is not the one asked for (a ``stored``
    name pandoc deflated, or a method other than deflate), when they are packed again.
    ``first`` names an entry that must come first (an EPUB's ``mimetype``).
    """
    members: list[_Member] = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            name = info.filename
            wanted = zipfile.ZIP_STORED if name in stored else zipfile.ZIP_DEFLATED
            if name in replace:
                members.append(_packed(name, replace[name], name in stored))
            elif info.compress_type == wanted and not info.flag_bits & 0x1:  # not encrypted
                members.append(_copied(data, info))
            else:
                members.append(_packed(name, archive.read(info), name in stored))
    names = {member.name for member in members}
    members += [_packed(name, value, name in stored) for name, value in replace.items()
                if name not in names]
    if first is not None:
        members.sort(key=lambda member: member.name != first)  # stable: the rest keep their order
    return _assemble(members, epoch)
