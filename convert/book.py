"""``--book``: gather many cables into one volume per format.

This module only gathers and writes: it reads every source into a Cable (failures are kept
and reported, the rest go on) and hands the list to :func:`convert.volume.write_volume`,
which formats. Each volume file is written atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConvertError, UsageError
from .model import Cable
from .names import safe_stem
from .options import ConvertOptions
from .output import atomic_write
from .pipeline import iter_sources, to_cable
from .readers import load_source
from .writers import FORMATS


@dataclass(slots=True)
class BookResult:
    outputs: list[Path] = field(default_factory=list)
    cables: int = 0
    failures: list[ConvertError] = field(default_factory=list)


def gather(inputs: Iterable[str], options: ConvertOptions) -> tuple[list[Cable], list[ConvertError]]:
    cables: list[Cable] = []
    failures: list[ConvertError] = []
    for source in iter_sources(inputs, options.read):
        if isinstance(source, ConvertError):
            failures.append(source)
            continue
        try:
            cables.extend(to_cable(item) for item in load_source(source, options.read))
        except ConvertError as exc:
            failures.append(exc)
    return cables, failures


def make_book(
    inputs: Iterable[str],
    out: Path,
    options: ConvertOptions,
    *,
    sort: str = "date",
    title: str | None = None,
    name: str = "volume",
) -> BookResult:
    from .volume import VOLUME_FORMATS, write_volume

    formats = [f for f in options.formats if f in VOLUME_FORMATS]
    if not formats:
        raise UsageError("--book", f"a volume is made in {', '.join(VOLUME_FORMATS)} (use --to)")
    cables, failures = gather(inputs, options)
    result = BookResult(cables=len(cables), failures=failures)
    if not cables:
        return result
    stem = safe_stem(name)
    for fmt in formats:
        data = write_volume(cables, fmt, options.write, sort=sort, title=title)
        path = out / f"{stem}.{FORMATS[fmt].extension}"
        atomic_write(path, data, out)
        result.outputs.append(path)
    return result
