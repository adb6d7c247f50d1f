"""One cable through the whole chain: source -> reader -> normalizer -> writers.

This is the unit the CLI, the batch layer and the Python API all call. It formats nothing
itself and touches no output file: it returns bytes per format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ConvertError, InputTooLargeError
from .model import TEI_NS, Cable, RawCable
from .options import ConvertOptions, ReadOptions
from .readers import Notice, Source, expand_inputs, load_source


@dataclass(slots=True)
class Converted:
    """The result of one cable: its model and the rendered bytes of each requested format."""

    source: str
    cable: Cable
    outputs: dict[str, bytes] = field(default_factory=dict)

    @property
    def warnings(self) -> list[str]:
        return self.cable.warnings


def to_cable(item: RawCable | Cable) -> Cable:
    """Normalize a reader's result (a TEI input is already a Cable)."""
    if isinstance(item, Cable):
        return item
    from .normalize import normalize

    return normalize(item)


def render(cable: Cable, options: ConvertOptions) -> dict[str, bytes]:
    from .writers import canonical_format, get_writer

    formats = [canonical_format(name) for name in options.formats]
    check_layout(cable, formats, options.time_limit)
    return {fmt: get_writer(fmt)(cable, options.write) for fmt in formats}


def check_layout(cable: Cable, formats: Iterable[str], time_limit: float | None) -> None:
    """:class:`InputTooLargeError` (before any output is made) if a format of ``formats``
    cannot lay out this much text within ``time_limit`` (its ``WriterSpec.layout_rate``)."""
    from .writers import FORMATS

    if not time_limit or not math.isfinite(time_limit):
        return
    rated = [(fmt, rate) for fmt in formats if (rate := FORMATS[fmt].layout_rate)]
    if not rated:
        return
    body = cable.tei.find(f"{{{TEI_NS}}}text")
    size = sum(len(text) for text in body.itertext()) if body is not None else 0
    for fmt, rate in rated:
        if size > rate * time_limit:
            raise InputTooLargeError(
                cable.source, f"{size:,} characters of text are more than a {fmt.upper()} can lay "
                f"out within --time-limit {time_limit:g} s (about {rate:,} a second): raise "
                f"--time-limit, or leave {fmt} out (--to data makes the TEI and JSON)")


def convert_source(source: Source, options: ConvertOptions) -> list[Converted]:
    """Convert every cable in one source (a CSV file source yields many)."""
    results = []
    for item in load_source(source, options.read):
        cable = to_cable(item)
        results.append(Converted(cable.source, cable, render(cable, options)))
    return results


def iter_sources(inputs: Iterable[str], options: ReadOptions, notice: Notice | None = None,
                 exclude: str | Path | None = None) -> Iterator[Source | ConvertError]:
    """Every source named by ``inputs`` (files, folders, '-', CSV rows), errors in place;
    what a folder walk passes over goes to ``notice`` (see :mod:`convert.readers.listing`)."""
    if notice is None:  # a line on standard error
        return expand_inputs(inputs, options, exclude=exclude)
    return expand_inputs(inputs, options, notice, exclude)
