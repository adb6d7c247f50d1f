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
    return _Scanner(stream, name).rows()


class _Scanner:
    """One pass over a cables.csv stream: text read but not yet cut into rows (``buffer``
    from ``pos``), the line number there, and what the next read must know."""

    def __init__(self, stream: Readable, name: str) -> None:
        self.stream, self.name = stream, name
        self.buffer, self.pos, self.line_no = "", 0, 1
        self.eof, self.first = False, True
        self.pending = b""  # the bytes of a UTF-8 sequence cut by the chunk boundary
        self.safe_end = 0  # rows ending at or before this point are complete whatever comes next
        self.skipping = False  # after an overlong row (reported once): drop text up to the next row

    def rows(self) -> Iterator[tuple[RawCable, int] | ConvertError]:
        while True:
            if self.skipping:
                self._skip()
                if self.skipping and self.eof:
                    return
            taken = self._take()
            if taken is not None:
                yield taken
                continue
            if self.eof:
                if not self.buffer[self.pos:].strip():
                    return
                yield ParseError(
                    f"{self.name}:{self.line_no}",
                    "a CSV row that does not close (an unterminated quote or a missing field)",
                )
                # the rows after the damaged one are still read: go on after the next row
                # boundary (a closing quote, a newline, a row opening). Every attempt stops
                # at the field separators of the next row, so this stays linear.
                boundary = _BOUNDARY.search(self.buffer, self.pos)
                if boundary is None:
                    return
                self._advance(boundary.end())
                continue
            self.buffer = self.buffer[self.pos:]
            self.safe_end = max(0, self.safe_end - self.pos)
            self.pos = 0
            if len(self.buffer) > MAX_ROW_CHARS:
                # one error for the row, however long it runs; its text is skipped up to the
                # next row's opening, which may still be to come (memory stays bounded meanwhile)
                yield ParseError(
                    f"{self.name}:{self.line_no}",
                    f"a CSV row longer than {MAX_ROW_CHARS:,} characters, or one that never closes",
                )
                self.skipping, self.pos = True, 1
                continue
            refused = self._read()
            if refused is not None:
                yield refused
                return

    def _advance(self, end: int) -> None:
        self.line_no += self.buffer.count("\n", self.pos, end)
        self.pos = end

    def _skip(self) -> None:
        cut = _NEXT_ROW.search(self.buffer, self.pos)
        # a row opening may be cut by the end of what was read: keep its last 64 characters
        self._advance(cut.end() if cut else max(self.pos, len(self.buffer) - 64))
        self.skipping = cut is None

    def _take(self) -> tuple[RawCable, int] | ConvertError | None:
        """The row at ``pos``, when it is complete: the next row's opening is in the buffer
        (or the file has ended), so a quote before a row opening cut by the chunk boundary is
        not taken for its end."""
        buffer, pos = self.buffer, self.pos
        match = _ROW.match(buffer, pos) if pos < len(buffer) else None
        notes: tuple[str, ...] = ()
        if match is None and pos < len(buffer):
            match = _UNCLOSED.match(buffer, pos)
            notes = ("the row's last field has no closing quote: it ends where the next row "
                     "opens",)
        if not match or not (self.eof or match.end() <= self.safe_end):
            return None
        line_no = self.line_no
        self._advance(match.end())
        if match.group(8).strip():
            return row_to_raw(match.groups(), self.name, notes), line_no
        # as an empty file is: no cable to convert
        return EmptyInputError(f"{self.name}#{match.group(1)}", f"the row's text field (line "
                               f"{line_no}) is empty: no cable text")

    def _read(self) -> ConvertError | None:
        """Read the next chunk into the buffer; the error that ends the file, if its first row
        shows it is none (nothing in it, or not a cables.csv)."""
        chunk = self.stream.read(CHUNK) or b""  # a raw stream may say None for "nothing yet"
        self.eof = not chunk
        data = self.pending + chunk
        cut_at = len(data) if self.eof else _complete_utf8(data)
        self.pending = data[cut_at:]
        text = data[:cut_at].decode("utf-8", errors="replace")
        if self.first:
            # judge the first row on enough text, whatever the size of the first read
            self.buffer += text
            if len(self.buffer) < 200 and not self.eof:
                return None
            text, self.buffer = self.buffer.lstrip("\ufeff"), ""
            if self.eof and not text.strip():
                return EmptyInputError(self.name, "the input is empty: no cables.csv row")
            if text and not looks_like(text[:200]):
                return ParseError(self.name, 'not a cables.csv file: the first row does not '
                                  'start "id","M/D/YYYY H:MM",')
            self.first = False
        self.buffer += text
        # rows end before the last complete row opening seen so far
        openings = list(_NEXT_ROW.finditer(self.buffer, max(0, len(self.buffer) - len(text) - 64)))
        if openings:
            self.safe_end = openings[-1].start() + 1
        return None


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
