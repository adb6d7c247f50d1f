"""Options as frozen records with defaults (pandoc's ReaderOptions/WriterOptions)."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024
DEFAULT_TIME_LIMIT = 60.0


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """How inputs are read and understood."""

    form: str | None = None  # "text" | "html" | "csv" | "tei"; None = detect from content
    encoding: str | None = None  # None = UTF-8 (with BOM/UTF-16 detection), strict
    max_input_bytes: int = DEFAULT_MAX_INPUT_BYTES


@dataclass(frozen=True, slots=True)
class WriteOptions:
    """How a cable is rendered. Writers read these and nothing else (no environment)."""

    theme: str = "modern"
    paper: str = "a4"  # "a4" | "letter"
    #: "pdf/a-3a" (tagged, PDF/A-3a and PDF/UA-1) | "pdf/a-3b" (untagged) | "pdf/ua-1" | "none"
    pdf_variant: str = "pdf/a-3a"
    show_artifacts: bool = False  # page-break and section marks as marginal notes
    #: the complete transcript (metadata block, routing header where it stands) instead of
    #: the reading edition (FRUS heading, source note, text, Transmission appendix)
    transcript: bool = False
    source_date_epoch: int | None = None  # None = take the date from the cable itself
    with_revision_date: bool = False
    #: an EPUB volume's page list (the PDF edition's pages; :mod:`convert.writers.epub_pages`)
    page_list: bool = True


@dataclass(frozen=True, slots=True)
class ConvertOptions:
    """Everything one conversion needs: which formats, how to read, how to write."""

    formats: tuple[str, ...] = ("tei", "json")
    read: ReadOptions = ReadOptions()
    write: WriteOptions = WriteOptions()
    time_limit: float = DEFAULT_TIME_LIMIT
