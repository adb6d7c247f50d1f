"""The writer registry: format name -> function ``(Cable, WriteOptions) -> bytes``.

Writers never touch the file system: they return the document's bytes and the batch
layer decides where they go. Heavy writers (weasyprint, pandoc) are imported on first use.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from ..errors import UsageError
from ..model import Cable
from ..options import WriteOptions

Writer = Callable[[Cable, WriteOptions], bytes]


@dataclass(frozen=True, slots=True)
class WriterSpec:
    name: str
    extension: str  # file name suffix, without the leading dot
    module: str  # convert.writers.<module>
    function: str = "write"
    media_type: str = "application/octet-stream"


FORMATS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("tei", "tei.xml", "tei", media_type="application/tei+xml"),
        WriterSpec("json", "json", "json", media_type="application/json"),
        WriterSpec("html", "html", "html", media_type="text/html"),
        WriterSpec("md", "md", "markdown", media_type="text/markdown"),
        WriterSpec("pdf", "pdf", "pdf", media_type="application/pdf"),
        WriterSpec("epub", "epub", "epub", media_type="application/epub+zip"),
        WriterSpec(
            "docx", "docx", "docx", media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
    )
}
ALIASES = {"markdown": "md", "xml": "tei", "gfm": "md"}


def canonical_format(name: str) -> str:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in FORMATS:
        known = ", ".join(FORMATS)
        raise UsageError(name, f"unknown output format (known: {known})")
    return key


def get_writer(name: str) -> Writer:
    spec = FORMATS[canonical_format(name)]
    module = importlib.import_module(f"{__name__}.{spec.module}")
    writer: Writer = getattr(module, spec.function)
    return writer
