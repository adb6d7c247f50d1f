"""``--book``: gather many cables into one volume per format.

This module only gathers and writes: it reads every source into a Cable (failures are kept
and reported, the rest go on) and hands the list to :func:`convert.volume.write_volume`,
which formats. Each volume file is written atomically.

A volume made only as a PDF takes the bounded path: each cable is spooled as TEI to a job
folder inside the output folder as it is read (nothing but a light entry stays in memory)
and :mod:`convert.writers.pdf_volume` renders it in pieces, each in a short-lived process.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .errors import ConvertError, UsageError
from .model import Cable
from .names import safe_stem
from .options import ConvertOptions
from .output import atomic_write, place_taxonomy
from .pipeline import iter_sources, to_cable
from .readers import load_source
from .writers import FORMATS, is_collection, spec_of

if TYPE_CHECKING:
    from .writers.page_starts import PageStart


@dataclass(slots=True)
class BookResult:
    outputs: list[Path] = field(default_factory=list)
    cables: int = 0
    failures: list[ConvertError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


Progress = Callable[[str], None]
#: seconds between two progress lines while cables are read
PROGRESS_EVERY = 5.0


def repeated(pairs: Iterable[tuple[str, str]]) -> list[str]:
    """A warning for each cable id given more than once (``pairs``: id and source): the
    volume keeps every copy as its own document."""
    from .volume import repeats

    pairs = list(pairs)
    out = []
    for cable_id, count in repeats([cable_id for cable_id, _ in pairs]).items():
        sources = ", ".join(source for other, source in pairs if other == cable_id)
        out.append(f"{cable_id} is given {count} times ({sources}): each copy is a document "
                   "of the volume")
    return out


def gather(inputs: Iterable[str], options: ConvertOptions, keep: Callable[[Cable], None] | None = None,
           progress: Progress | None = None) -> tuple[list[Cable], list[ConvertError]]:
    """Read and normalize every input cable, each under ``options.time_limit``. ``keep``
    takes each cable instead of the returned list (a spool)."""
    from .batch.worker import _Expired, time_limit
    from .errors import TimeLimitError

    cables: list[Cable] = []
    failures: list[ConvertError] = []
    store = keep or cables.append
    count, last = 0, time.monotonic()
    for source in iter_sources(inputs, options.read):
        if isinstance(source, ConvertError):
            failures.append(source)
            continue
        try:
            with time_limit(options.time_limit):
                read = [to_cable(item) for item in load_source(source, options.read)]
        except ConvertError as exc:
            failures.append(exc)
            continue
        except _Expired:
            failures.append(TimeLimitError(source.name, f"not converted within {options.time_limit:g} s "
                                           "(--time-limit)"))
            continue
        for cable in read:
            store(cable)
        count += len(read)
        if progress is not None and time.monotonic() - last >= PROGRESS_EVERY:
            progress(f"volume: {count} cables read, {len(failures)} failed")
            last = time.monotonic()
    return cables, failures


def make_book(
    inputs: Iterable[str],
    out: Path,
    options: ConvertOptions,
    *,
    sort: str = "date",
    title: str | None = None,
    name: str = "volume",
    progress: Progress | None = None,
    publisher: str | None = None,
    url: str | None = None,
) -> BookResult:
    from .volume import VOLUME_FORMATS, write_volume
    from .writers.pdf_volume import PIECEWISE_VARIANTS

    formats = [f for f in options.formats if f in VOLUME_FORMATS]
    if not formats:
        raise UsageError("--book", f"a volume is made in {', '.join(VOLUME_FORMATS)} (use --to)")
    if formats == ["pdf"] and options.write.pdf_variant in PIECEWISE_VARIANTS:
        return _pdf_book(inputs, out, options, sort, title, name, progress)
    cables, failures = gather(inputs, options, progress=progress)
    result = BookResult(cables=len(cables), failures=failures,
                        warnings=repeated((c.view.id, c.source) for c in cables))
    if not cables:
        return result
    stem = safe_stem(name)
    pages = handover(formats, options)
    for fmt in sorted(formats, key=lambda fmt: pages is not None and fmt == "epub"):
        path = out / f"{stem}.{spec_of(fmt).extension}"
        # a CMIF file names its address: the one given, else its own name
        data = write_volume(cables, fmt, options.write, sort=sort, title=title, publisher=publisher,
                            url=url or path.name, pages=pages)
        if is_collection(fmt) and not (publisher and url):
            result.warnings.append(f"{path.name}: name its publisher and the address it will be "
                                   "published at (--publisher, --cmif-url) before registering it")
        atomic_write(path, data, out)
        result.outputs.append(path)
    if "tei" in formats:  # the taxonomy the teiCorpus points into, beside it
        place_taxonomy(out, [out])
    return result


def handover(formats: list[str], options: ConvertOptions) -> list[PageStart] | None:
    """A list for the PDF volume to fill with where its pages start, for the EPUB volume's
    page list (both made in pieces of the same layout: no layout twice); None when the run
    does not make both, or the EPUB has no page list, or the PDF is one whole document."""
    from .writers.pdf_volume import PIECEWISE_VARIANTS

    both = "pdf" in formats and "epub" in formats
    if both and options.write.page_list and options.write.pdf_variant in PIECEWISE_VARIANTS:
        return []
    return None


def _pdf_book(inputs: Iterable[str], out: Path, options: ConvertOptions, sort: str,
              title: str | None, name: str, progress: Progress | None) -> BookResult:
    """A PDF volume in bounded memory: spool, render in pieces, join, publish atomically."""
    from .writers import pdf_volume

    job = Path(tempfile.mkdtemp(prefix=".cable-convert-volume-", dir=out))
    try:
        spool = pdf_volume.Spool(job / "tei")
        _, failures = gather(inputs, options, keep=spool.add, progress=progress)
        result = BookResult(cables=len(spool.entries), failures=failures,
                            warnings=repeated((e.id, e.source) for e in spool.entries))
        if not spool.entries:
            return result
        entries = pdf_volume.ordered(spool.entries, sort)
        target = job / "volume.pdf"
        pdf_volume.build(entries, title or pdf_volume.default_title(entries), options.write, job,
                         target, time_limit=options.time_limit, progress=progress)
        path = out / f"{safe_stem(name)}.{FORMATS['pdf'].extension}"
        atomic_write(path, pdf_volume.file_chunks(target), out)
        result.outputs.append(path)
        return result
    finally:
        shutil.rmtree(job, ignore_errors=True)
