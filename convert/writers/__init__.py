"""The writer registry: format name -> function ``(Cable, WriteOptions) -> bytes``.

Writers never touch the file system: they return the document's bytes and the batch
layer decides where they go. Heavy writers (weasyprint, pandoc) are imported on first use.
Every writer reads the cable through its read side (``cable.view``, :mod:`convert.view`).
The registry is the one list of formats: the command line's ``--to`` and its help, the
volume (``--book``) and the batch layer's file names all come from it.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from ..errors import UsageError
from ..model import Cable
from ..options import WriteOptions

if TYPE_CHECKING:
    from ..volume import Volume
    from .page_starts import PageStart

Writer = Callable[[Cable, WriteOptions], bytes]
VolumeWriter = Callable[["Volume", WriteOptions], bytes]


class PagedVolumeWriter(Protocol):
    """A volume writer that shares the PDF edition's page starts (:attr:`WriterSpec.paged`)."""

    def __call__(self, volume: Volume, options: WriteOptions, *, pages: list[PageStart] | None = None) -> bytes: ...


@dataclass(frozen=True, slots=True)
class WriterSpec:
    name: str
    extension: str  # file name suffix, without the leading dot
    module: str  # convert.writers.<module>
    description: str  # a few words for the command line's help
    function: str = "write"
    #: the module's function making a volume of many cables (``--book``), if it makes one
    volume: str | None = None
    media_type: str = "application/octet-stream"
    #: characters of text it lays out per second of ``--time-limit``, for a writer that can
    #: take longer than the limit on a huge cable (None: fast whatever the size). A cable over
    #: ``rate * limit`` is refused at once instead of failing by the clock, twice
    layout_rate: int | None = None
    #: its volume writer takes ``pages=``, the page starts of the volume's PDF edition: the PDF
    #: fills the list as it lays the volume out, the EPUB lists them (:mod:`convert.book`)
    paged: bool = False


FORMATS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("tei", "tei.xml", "tei", "canonical TEI P5 (a volume: one teiCorpus)",
                   volume="write_volume", media_type="application/tei+xml"),
        WriterSpec("json", "json", "json", "the facts, flat", media_type="application/json"),
        WriterSpec("html", "html", "html", "a standalone page", volume="write_volume",
                   media_type="text/html"),
        WriterSpec("md", "md", "markdown", "GFM with YAML front matter", volume="write_volume",
                   media_type="text/markdown"),
        # weasyprint lays out about 50,000-65,000 characters a CPU second (15-20 s a MB, one
        # paragraph or many): 16,000 leaves room for a machine loaded three times over
        WriterSpec("pdf", "pdf", "pdf", "tagged PDF/A-3a and PDF/UA-1, the TEI attached", volume="write_volume",
                   media_type="application/pdf", layout_rate=16_000, paged=True),
        WriterSpec("epub", "epub", "epub", "EPUB 3", volume="write_volume",
                   media_type="application/epub+zip", paged=True),
        WriterSpec(
            "docx", "docx", "docx", "Word, in the theme's named styles", volume="write_volume",
            media_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        ),
    )
}
#: formats made once for all the cables of a run (or a volume), never a file per cable: the
#: command line writes them after the run, from every cable its inputs name
COLLECTIONS: dict[str, WriterSpec] = {
    spec.name: spec
    for spec in (
        WriterSpec("cmif", "cmif.xml", "cmif", "one CMIF file of the run's cables, for correspSearch",
                   function="write_volume", volume="write_volume", media_type="application/tei+xml"),
    )
}
ALIASES = {"markdown": "md", "xml": "tei", "gfm": "md"}
#: names that stand for several formats: ``data`` is the data alone (no rendering); ``all``
#: every format made per cable
GROUPS: dict[str, tuple[str, ...]] = {"all": tuple(FORMATS), "data": ("tei", "json")}
#: what the command line writes when not told: the data and a PDF to read
DEFAULT_FORMATS: tuple[str, ...] = ("tei", "json", "pdf")
#: PDF variants: the option's value -> weasyprint's ``pdf_variant`` (None: a plain PDF).
#: ``pdf/a-3a`` (the default) is tagged and finished to be PDF/UA-1 too (:mod:`.pdf_tags`);
#: ``pdf/a-3b`` is archival and untagged; ``pdf/ua-1`` tagged without the PDF/A parts
PDF_VARIANTS: dict[str, str | None] = {"pdf/a-3a": "pdf/a-3a", "pdf/a-3b": "pdf/a-3b",
                                       "pdf/ua-1": "pdf/ua-1", "none": None}
#: the variants with a structure tree
TAGGED_VARIANTS = ("pdf/a-3a", "pdf/ua-1")
DEFAULT_PDF_VARIANT = "pdf/a-3a"


def canonical_format(name: str) -> str:
    key = ALIASES.get(name.strip().lower(), name.strip().lower())
    if key not in FORMATS and key not in COLLECTIONS:
        known = ", ".join([*FORMATS, *COLLECTIONS])
        groups = "; ".join(f"{group} ({','.join(names)})" for group, names in GROUPS.items())
        raise UsageError(name, f"unknown output format (known: {known}; {groups})")
    return key


def spec_of(name: str) -> WriterSpec:
    """A format's entry, per-cable or collection."""
    key = canonical_format(name)
    return FORMATS[key] if key in FORMATS else COLLECTIONS[key]


def is_collection(name: str) -> bool:
    """Whether ``name`` is made once for a run's cables (:data:`COLLECTIONS`)."""
    return canonical_format(name) in COLLECTIONS


def expand_formats(names: str | list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """``"tei,pdf"``, ``"all"``, ``"data,pdf"``, ``["md", "html"]`` -> the formats, each once,
    in the order given (:class:`UsageError` for an unknown one)."""
    items = names.split(",") if isinstance(names, str) else list(names)
    out: list[str] = []
    for item in (name.strip().lower() for name in items):
        if item:
            out += GROUPS[item] if item in GROUPS else (canonical_format(item),)
    return tuple(dict.fromkeys(out))


def get_writer(name: str) -> Writer:
    if is_collection(name):
        raise UsageError(name, "one file for many cables, made by a run or a volume, not per cable")
    spec = FORMATS[canonical_format(name)]
    module = importlib.import_module(f"{__name__}.{spec.module}")
    writer: Writer = getattr(module, spec.function)
    return writer


def volume_formats() -> tuple[str, ...]:
    """The formats whose writers make a volume of many cables (collections last)."""
    return tuple(name for name, spec in {**FORMATS, **COLLECTIONS}.items() if spec.volume)


def get_volume_writer(name: str) -> VolumeWriter:
    spec = spec_of(name)
    if spec.volume is None:
        raise UsageError(name, f"a volume can be {', '.join(volume_formats())}")
    module = importlib.import_module(f"{__name__}.{spec.module}")
    writer: VolumeWriter = getattr(module, spec.volume)
    return writer


def get_paged_volume_writer(name: str) -> PagedVolumeWriter:
    """The volume writer of a format that shares the PDF edition's page starts."""
    spec = spec_of(name)
    if not spec.paged:
        raise UsageError(name, "its volume has no pages to share with the PDF edition")
    writer: PagedVolumeWriter = getattr(importlib.import_module(f"{__name__}.{spec.module}"), spec.volume or "")
    return writer


def formats_help() -> str:
    """``tei`` (canonical TEI P5), ``json`` (…), …: the formats for the command line's help."""
    return ", ".join(f"{name} ({spec.description})" for name, spec in {**FORMATS, **COLLECTIONS}.items())

