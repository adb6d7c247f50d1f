"""Readers: find the cables named by the inputs and read each into a RawCable (or a Cable).

Forms are detected from content (``ReadOptions.form`` overrides): TEI, a cablegate page,
a cables.csv file (streamed, one cable per row), or plain text. Which files the inputs name
is :mod:`.listing`'s to decide; :mod:`.source` reads one safely.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator

from ..errors import ConvertError, UsageError
from ..model import Cable, RawCable
from ..options import ReadOptions
from . import cablegate, cablescsv, tei, text
from .decode import decode, line_breaks
from .listing import CABLE_SUFFIXES, Notice, discover, expand_inputs, is_cable_file
from .source import Source, read_bytes

FORMS = ("text", "html", "csv", "tei")
#: a web page's opening (after a BOM, white space, the XML declaration, a browser's ``<!-- saved
#: from url=… -->``): read as a page, never as text whose markup would land in the cable's fields
_WEB_PAGE = re.compile(r"\A\ufeff?\s*+(?:<\?xml[^>]{0,200}+>\s*+)?(?:<!--[^>]{0,300}?-->\s*+)?"
                       r"(?:<!doctype\s++html\b|<html\b)", re.I)


def detect_form(head: str) -> str:
    if tei.looks_like(head):
        return "tei"
    if cablegate.looks_like(head) or _WEB_PAGE.match(head):
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
        yield from tei.read_all(data, source.name)
        return
    content = decode(data, source.name, options.encoding)
    form = form or detect_form(content[:200_000])
    if form == "tei":  # TEI in an encoding the byte sniffing above misses (UTF-16)
        yield from tei.read_all(data, source.name)
    elif form == "csv":
        stream = io.BytesIO(content.encode("utf-8"))
        for row in cablescsv.iter_rows(stream, source.name):
            if isinstance(row, ConvertError):
                raise row
            yield row
    else:
        content, note = line_breaks(content)
        raw = cablegate.read(content, source.name) if form == "html" else text.read(content, source.name)
        yield dataclasses.replace(raw, notes=(*raw.notes, note)) if note else raw


__all__ = ["CABLE_SUFFIXES", "FORMS", "Notice", "Source", "detect_form", "discover",
           "expand_inputs", "is_cable_file", "load_source", "read_bytes"]
