"""The batch layer: decides which cables to convert and where their outputs go. It never
formats: each cable goes through :func:`convert.pipeline.convert_source`.

This first version runs in-process, one cable after another, isolating failures.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..errors import ConvertError
from ..options import ConvertOptions
from ..output import atomic_write, output_path
from ..pipeline import Converted, convert_source, iter_sources


@dataclass(slots=True)
class CableResult:
    source: str
    status: str  # "ok" | "failed"
    id: str | None = None
    outputs: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None
    exit_code: int = 0
    seconds: float = 0.0


@dataclass(slots=True)
class BatchReport:
    results: list[CableResult] = field(default_factory=list)

    @property
    def failed(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "ok"]


def write_outputs(converted: Converted, root: Path, layout: str) -> list[str]:
    year = (converted.cable.date or "")[:4] or None
    written = []
    for fmt, data in converted.outputs.items():
        path = output_path(root, converted.cable.file_stem(), fmt, layout, year)
        atomic_write(path, data, root)
        written.append(str(path))
    return written


def run(
    inputs: Iterable[str],
    out: Path,
    options: ConvertOptions,
    layout: str = "flat",
    stream: IO[str] | None = None,
) -> BatchReport:
    report = BatchReport()
    for item in iter_sources(inputs, options.read):
        if isinstance(item, ConvertError):
            report.results.append(CableResult(item.source, "failed", error=item.one_line(), exit_code=item.exit_code))
            continue
        started = time.perf_counter()
        try:
            for converted in convert_source(item, options):
                written = write_outputs(converted, out, layout)
                report.results.append(CableResult(
                    converted.source, "ok", converted.cable.id, written, list(converted.warnings),
                    seconds=time.perf_counter() - started,
                ))
        except ConvertError as exc:
            report.results.append(CableResult(item.name, "failed", error=exc.one_line(), exit_code=exc.exit_code,
                                              seconds=time.perf_counter() - started))
    del stream
    return report


__all__ = ["BatchReport", "CableResult", "run"]
_ = sys
