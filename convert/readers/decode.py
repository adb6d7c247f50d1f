"""Bytes -> text, strictly: every refusal is a typed error naming the input."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

#: control characters that do not occur in text (tab, LF, VT, FF and CR do)
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise InputTooLargeError(
            name,
            f"{size:,} bytes is over the {limit:,}-byte limit for one cable "
            "(raise it with --max-input-size; a cables.csv is streamed and has no such limit)",
        )


def decode(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode one input. UTF-8 (BOM optional) and UTF-16 with a BOM are recognised;
    anything else needs an explicit ``encoding`` rather than a silent guess."""
    if not data.strip():
        raise EmptyInputError(name, "the input is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(name, f"invalid UTF-16 at byte {exc.start}") from None
    elif encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise EncodingError(name, f"cannot decode as {encoding}: {exc}") from None
    else:
        if b"\x00" in data[:65536]:
            raise BinaryInputError(name, "NUL bytes: this is a binary file, not cable text")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            hint = ""
            try:
                data.decode("cp1252")
                hint = "; it decodes as cp1252: rerun with --encoding cp1252"
            except UnicodeDecodeError:
                pass
            raise EncodingError(name, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}") from None
    sample = text[:65536]
    controls = len(_CONTROL_RE.findall(sample))
    if "\x00" in sample or controls > max(8, len(sample) // 100):
        raise BinaryInputError(name, f"{controls} control characters: not cable text")
    if not text.strip():
        raise EmptyInputError(name, "the input holds only white space")
    return text


def line_breaks(text: str) -> tuple[str, str | None]:
    """Line breaks written LF CR (``\n\r``, as some old systems stored text) made one break
    each, with a note; the normalizer reads a lone CR as a break of its own, so each line
    became a paragraph of its own. Text with CR LF breaks (or none) is returned as it is."""
    pairs = text.count("\n\r")
    if not pairs or pairs < text.count("\r\n"):
        return text, None
    return text.replace("\n\r", "\n"), (f"line breaks written LF CR ({pairs:,}): each read as "
                                          "one break")
