"""Streaming reader for the 2011 ``cables.csv`` release.

Eight double-quoted fields, no header row; quotes inside a field are escaped MySQL-style
(``\\"``, ``\\'``, ``\\\\``), not doubled; fields hold literal newlines. Some rows are damaged
(doubled quotes, stray commas). A field therefore ends only at a quote followed by the next
field's opening (``","``) or, for the last field, by a newline and the next row's opening (or
the end of the file). The file is read in chunks: memory stays bounded by the largest row,
and a row that never closes is reported and skipped, not read to the end of the file.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from ..errors import ConvertError, EmptyInputError, ParseError
from ..model import RawCable, SourceMetadata

CHUNK = 1 << 20
MAX_ROW_CHARS = 32 << 20

_ROW_START = r'"\d+","\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2}","'
_SIMPLE = r'"((?:[^"\\\n]|\\.)*+)"'  # id, date, refid, origin, classification, references
_FIELD = r'"((?:[^"\\]++|\\.|"(?!,"))*+)"'  # header: ends at ","
#: the last field ends at a quote before a newline and the next row's opening; it never runs
#: over a row opening
_LAST = (r'"((?:[^"\\\n]++|\\.|\n(?!' + _ROW_START + r')|"(?!\r?\n' + _ROW_START
         + r'|\r?\n?\Z))*+)"')
_ROW = re.compile(",".join([_SIMPLE] * 6 + [_FIELD, _LAST]) + r"(?:\r?\n|\Z)", re.S)
#: a row whose last field has no closing quote: it ends where the next row opens
_OPEN_LAST = r'"((?:[^\\\n]++|\\.|\n(?!' + _ROW_START + r'))*+)'
_UNCLOSED = re.compile(",".join([_SIMPLE] * 6 + [_FIELD, _OPEN_LAST])
                       + r"\r?\n(?=" + _ROW_START + ")", re.S)
_NEXT_ROW = re.compile(r"\n(?=" + _ROW_START + ")")
#: where one row ends and the next begins: a field's closing quote, a newline, a row opening
_BOUNDARY = re.compile(r'"\r?\n(?=' + _ROW_START + ")")
_ESCAPE = re.compile(r"\\([\"'\\])")
#: a row's opening inside a row's text: a row whose opening cannot be read (its date, say) does
#: not start a row, and its text runs on in the row before it (``"2","yesterday","04BRASILIA526",``)
_DAMAGED_OPENING = re.compile(r'\n"\d+","[^"\n]{0,40}","[^"\n]{0,60}","[^"\n]{0,80}","')


class Readable(Protocol):
    """Anything with ``read(n) -> bytes``: a file, BytesIO, stdin's buffer."""

    def read(self, size: int = -1, /) -> bytes | None: ...


def looks_like(head: str) -> bool:
    return bool(re.match(_ROW_START, head.lstrip("\ufeff")))


def unescape(field: str) -> str:
    return _ESCAPE.sub(r"\1", field)


def _iso(date: str) -> str | None:
    try:
        # isoformat, not strftime("%Y"): year 1 must read 0001, as xs:dateTime wants it
        return datetime.strptime(date, "%m/%d/%Y %H:%M").isoformat(timespec="minutes")
    except ValueError:
        return None


def row_to_raw(fields: tuple[str, ...], name: str, notes: tuple[str, ...] = ()) -> RawCable:
    row, date, refid, origin, classification, refs, header, content = (unescape(f) for f in fields)
    damaged = _DAMAGED_OPENING.search(content)
    if damaged is not None:
        line = content.count("\n", 0, damaged.start()) + 2
        notes = (*notes, f"line {line} of the text opens another row ({damaged.group()[1:-2][:70]}) "
                 "that could not be read as one: its text is read as this row's")
    metadata = SourceMetadata(
        kind="cables.csv",
        id=refid or None,
        created=_iso(date),
        classification=classification or None,
        origin=origin or None,
        references=tuple(r.strip() for r in refs.split("|") if r.strip()),
        row=row,
    )
    return RawCable(source=f"{name}#{row}", form="csv", body=content, header=header or None,
                    metadata=metadata, notes=notes)


def iter_rows(stream: Readable, name: str) -> Iterator[RawCable | ConvertError]:
    """Yield one RawCable per row, or a ParseError for a row that cannot be read, in order
    (an :class:`EmptyInputError` for a file with nothing in it, and for a row whose text
    field is empty or white space).

    Invalid UTF-8 bytes become U+FFFD (the normalizer warns about them); a row is never
    silently dropped. Each row's name (``file.csv#<row number>``) is unique in the file: a
    row number met again (two extracts joined into one file) names its row
    ``file.csv#<row>@line<line>``, with a note, so that no row stands in for another.
    """
    seen: dict[str, int] = {}  # row number -> the line it was first met on
    for item in _rows(stream, name):
        if isinstance(item, ConvertError):
            yield item
            continue
        raw, line = item
        row = raw.metadata.row if raw.metadata is not None else None
        if row is not None and row in seen:
            source = f"{name}#{row}@line{line}"
            raw = replace(raw, source=source, notes=(
                *raw.notes, f"the row number {row} was met before (line {seen[row]}): this "
                f"row is named {source}"))
        elif row is not None:
            seen[row] = line
        yield raw


def _rows(stream: Readable, name: str) -> Iterator[tuple[RawCable, int] | ConvertError]:
    """The rows, each with the number of its first line (for :func:`iter_rows`)."""
    buffer = ""
    pos = 0
    eof = False
    line_no = 1
    pending = b""
    first = True
    safe_end = 0  # rows ending at or before this point are complete whatever comes next
    skipping = False  # after an overlong row (reported once): drop text up to the next row
    while True:
        if skipping:
            cut = _NEXT_ROW.search(buffer, pos)
            end = cut.end() if cut else max(pos, len(buffer) - 64)  # a row opening may be cut
            line_no += buffer.count("\n", pos, end)
            pos = end
            skipping = cut is None
            if skipping and eof:
                return
        match = _ROW.match(buffer, pos) if pos < len(buffer) else None
        # a row is taken only when the next row's opening is in the buffer (or at the end of
        # the file): a quote before a row opening cut by the chunk boundary is not yet an end
        notes: tuple[str, ...] = ()
        if match is None and pos < len(buffer):
            match = _UNCLOSED.match(buffer, pos)
            notes = ("the row's last field has no closing quote: it ends where the next row "
                     "opens",)
        if match and (eof or match.end() <= safe_end):
            if match.group(8).strip():
                yield row_to_raw(match.groups(), name, notes), line_no
            else:  # as an empty file is: no cable to convert
                yield EmptyInputError(f"{name}#{match.group(1)}", f"the row's text field (line "
                                      f"{line_no}) is empty: no cable text")
            line_no += buffer.count("\n", pos, match.end())
            pos = match.end()
            continue
        if eof:
            if buffer[pos:].strip():
                yield ParseError(
                    f"{name}:{line_no}",
                    "a CSV row that does not close (an unterminated quote or a missing field)",
                )
                # the rows after the damaged one are still read: go on after the next row
                # boundary (a closing quote, a newline, a row opening). Every attempt stops
                # at the field separators of the next row, so this stays linear.
                boundary = _BOUNDARY.search(buffer, pos)
                if boundary is not None:
                    line_no += buffer.count("\n", pos, boundary.end())
                    pos = boundary.end()
                    continue
            return
        buffer = buffer[pos:]
        safe_end = max(0, safe_end - pos)
        pos = 0
        if len(buffer) > MAX_ROW_CHARS:
            # one error for the row, however long it runs; its text is skipped up to the next
            # row's opening, which may still be to come (memory stays bounded meanwhile)
            yield ParseError(
                f"{name}:{line_no}",
                f"a CSV row longer than {MAX_ROW_CHARS:,} characters, or one that never closes",
            )
            skipping, pos = True, 1
            continue
        chunk = stream.read(CHUNK) or b""  # a raw stream may say None for "nothing yet"
        eof = not chunk
        data = pending + chunk
        cut_at = len(data) if eof else _complete_utf8(data)
        pending = data[cut_at:]
        text = data[:cut_at].decode("utf-8", errors="replace")
        if first:
            # judge the first row on enough text, whatever the size of the first read
            buffer += text
            if len(buffer) < 200 and not eof:
                continue
            text, buffer = buffer.lstrip("\ufeff"), ""
            if eof and not text.strip():
                yield EmptyInputError(name, "the input is empty: no cables.csv row")
                return
            if text and not looks_like(text[:200]):
                yield ParseError(name, 'not a cables.csv file: the first row does not start "id","M/D/YYYY H:MM",')
                return
            first = False
        buffer += text
        # rows end before the last complete row opening seen so far
        openings = list(_NEXT_ROW.finditer(buffer, max(0, len(buffer) - len(text) - 64)))
        if openings:
            safe_end = openings[-1].start() + 1


def _complete_utf8(data: bytes) -> int:
    """Length of the longest prefix of ``data`` that does not end inside a UTF-8 sequence."""
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte & 0x80 == 0:
            return len(data)
        if byte & 0xC0 == 0xC0:  # a lead byte: is its sequence complete?
            need = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) - back if need > back else len(data)
    return len(data)
