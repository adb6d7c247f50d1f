"""Bytes -> text, strictly: every refusal is a typed error naming the input."""

from __future__ import annotations

import codecs
import re

from ..errors import BinaryInputError, EmptyInputError, EncodingError, InputTooLargeError

#: control characters that do not occur in text (tab, LF, VT, FF and CR do)
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: every byte but those characters' (in UTF-8 they are single bytes that occur nowhere else)
_NOT_CONTROL = bytes(b for b in range(256) if not _CONTROL_RE.match(chr(b)))
_SAMPLE = 65536
#: a markup document's statement of its encoding (a meta element's charset, the XML
#: declaration's encoding), looked for in its first bytes only
_DECLARED = re.compile(
    rb"""<(?:meta\b[^>]{0,200}?\bcharset\s{0,5}=\s{0,5}["']?|\?xml\b[^>]{0,100}?\bencoding\s{0,5}=\s{0,5}["'])"""
    rb"""([A-Za-z0-9._:-]{1,40})""",
    re.I,
)
_DECLARED_WITHIN = 4096
_AS_BROWSERS = {"iso8859-1": "cp1252", "ascii": "cp1252"}


def _controls(sample: str, utf8: bytes | None) -> int:
    """How many control characters ``sample`` holds (what ``_CONTROL_RE.findall`` counts),
    counted in its UTF-8 bytes: ``bytes.translate`` deletes the rest in C, several times
    faster than a regular expression's scan. ``utf8``: the sample's bytes when known."""
    if utf8 is None:
        utf8 = sample.encode("utf-8", "surrogatepass")
    return len(utf8.translate(None, _NOT_CONTROL))


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
            declared = as_declared(data)
            if declared is None:
                raise _not_utf8(data, name, exc) from None
            text = declared
    # the sample is the text's first _SAMPLE characters, sliced only where it is counted apart:
    # slicing a text that is not ASCII scans it for its widest character (36 µs a page)
    limit = max(8, min(len(text), _SAMPLE) // 100)
    controls = None
    if encoding is None and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        # UTF-8: the whole text's bytes hold at least the sample's controls; under the limit,
        # so is the sample (only over it is the sample counted apart)
        whole = _controls(text, data)
        controls = whole if whole <= limit or len(text) <= _SAMPLE else None
    if controls is None:
        controls = _controls(text[:_SAMPLE], None)
    if text.find("\x00", 0, _SAMPLE) >= 0 or controls > limit:
        raise BinaryInputError(name, f"{controls} control characters: not cable text")
    if not text.strip():
        raise EmptyInputError(name, "the input holds only white space")
    return text


def _not_utf8(data: bytes, name: str, exc: UnicodeDecodeError) -> EncodingError:
    hint = ""
    try:
        data.decode("cp1252")
        hint = "; it decodes as cp1252: rerun with --encoding cp1252"
    except UnicodeDecodeError:
        pass
    return EncodingError(name, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}){hint}")


def as_declared(data: bytes) -> str | None:
    """A web page or XML document that is not UTF-8, decoded in the encoding it declares
    near its start (``<meta charset="windows-1252">``, ``content="text/html;
    charset=iso-8859-1"``, ``<?xml … encoding="ISO-8859-1"?>``: a page a browser saved);
    None when it declares none, one Python does not know, or one its bytes do not fit.
    ISO-8859-1 and ASCII are read as windows-1252, as browsers read them."""
    head = data[:_DECLARED_WITHIN]
    if not head.lstrip().startswith(b"<"):
        return None
    match = _DECLARED.search(head)
    if match is None:
        return None
    try:
        encoding = codecs.lookup(match[1].decode("ascii")).name
    except LookupError:
        return None
    encoding = _AS_BROWSERS.get(encoding, encoding)
    if encoding.startswith(("utf-8", "utf-16", "utf-32")):
        return None  # not what the bytes are, as the UTF-8 decoding just showed (UTF-16: a BOM)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def line_breaks(text: str) -> tuple[str, str | None]:
    """Line breaks written LF CR (``\n\r``, as some old systems stored text) made one break
    each, with a note; the normalizer reads a lone CR as a break of its own, so each line
    became a paragraph of its own. Text with CR LF breaks (or none) is returned as it is."""
    if "\r" not in text:  # (most texts: found in C far faster than the pairs are counted)
        return text, None
    pairs = text.count("\n\r")
    if not pairs or pairs < text.count("\r\n"):
        return text, None
    return text.replace("\n\r", "\n"), (f"line breaks written LF CR ({pairs:,}): each read as "
                                          "one break")
