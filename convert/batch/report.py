"""The batch's account of itself: one :class:`CableResult` per input cable, the worker
processes' figures, ``OUT/report.json`` and the summary table.

:class:`Ledger` is where the other parts of the batch record what became of each cable (it
also moves the progress meter); :class:`BatchReport` is what :func:`convert.batch.run`
returns and writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .. import __version__
from ..options import ConvertOptions
from ..output import atomic_write
from .progress import Progress
from .state import Record
from .worker import Failure, Outcome

REPORT_NAME = "report.json"


@dataclass(slots=True)
class CableResult:
    """One cable's line in the report."""

    source: str
    status: str  # "converted" | "up-to-date" | "failed"
    id: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)  # format -> path
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the one-line message, naming the input
    exit_code: int = 0
    seconds: float = 0.0
    index: int = 0  # place in the input order
    kind: str | None = None  # the error's kind ("not a cable", "time limit", ...)
    attempts: int = 0
    worker: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "failed"

    def to_json(self, out: Path | None) -> dict[str, Any]:
        def rel(path: str) -> str:
            if out is None:
                return path
            try:
                return str(Path(path).relative_to(out))
            except ValueError:
                return path

        error = None
        if self.status == "failed":
            error = {"kind": self.kind, "message": self.error, "exit_code": self.exit_code}
        return {"source": self.source, "status": self.status, "id": self.id,
                "outputs": {fmt: rel(p) for fmt, p in self.outputs.items()},
                "warnings": self.warnings, "error": error, "seconds": round(self.seconds, 4),
                "attempts": self.attempts, "worker": self.worker or None}


@dataclass(slots=True)
class WorkerStats:
    name: str  # host:pid
    cables: int = 0
    peak_rss: int = 0  # bytes
    cpu: float = 0.0  # CPU seconds spent converting (with the pandoc processes it ran)


@dataclass(slots=True)
class BatchReport:
    results: list[CableResult] = field(default_factory=list)
    out: Path | None = None
    engine: str = "local"
    jobs: int = 1
    seconds: float = 0.0
    workers: list[WorkerStats] = field(default_factory=list)
    report_path: Path | None = None
    complete: bool = True
    #: what the folder walks passed over, and why (symbolic links, FIFOs, output folders)
    passed_over: list[tuple[str, str]] = field(default_factory=list)
    #: a file of the run itself (not of a cable) that could not be written, as its error line
    run_errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "failed"]

    @property
    def ok(self) -> list[CableResult]:
        return [r for r in self.results if r.status != "failed"]

    @property
    def converted(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "converted"]

    @property
    def skipped(self) -> list[CableResult]:
        return [r for r in self.results if r.status == "up-to-date"]

    @property
    def rate(self) -> float:
        """Cables converted (or failed) per second of wall time."""
        worked = len(self.results) - len(self.skipped)
        return worked / self.seconds if self.seconds > 0 else 0.0

    def peak_rss(self) -> int:
        return max((w.peak_rss for w in self.workers), default=0)

    def summary(self) -> str:
        """The table printed at the end of a run."""
        rows = [
            ("converted", f"{len(self.converted)}"),
            ("up to date (skipped)", f"{len(self.skipped)}"),
            ("failed", f"{len(self.failed)}"),
            ("total", f"{len(self.results)}"),
            ("time", f"{self.seconds:.1f} s"),
            ("cables/s", f"{self.rate:.1f}"),
            ("engine", f"{self.engine}"),
        ]
        if self.workers:
            peak = self.peak_rss() / 2**20
            rows.append(("worker processes", f"{len(self.workers)}, peak RSS {peak:.0f} MB"))
        if self.report_path is not None:
            rows.append(("report", str(self.report_path)))
        width = max(len(name) for name, _ in rows)
        return "\n".join(f"  {name:<{width}}  {value}" for name, value in rows)

    def write_json(self, path: Path, tmp_dir: Path, options: ConvertOptions, layout: str,
                   started: float) -> None:
        """Write ``report.json`` atomically, a line at a time (it is ~300 bytes a cable)."""
        chunks = self.json_chunks(options, layout, started)
        atomic_write(path, (chunk.encode("utf-8") for chunk in chunks), tmp_dir=tmp_dir)

    def to_json(self, options: ConvertOptions, layout: str, started: float) -> bytes:
        """``report.json``: the run, then one cable per line (greppable at 250k cables)."""
        return "".join(self.json_chunks(options, layout, started)).encode("utf-8")

    def json_chunks(self, options: ConvertOptions, layout: str, started: float
                    ) -> Iterator[str]:
        head = {
            "tool": f"cable-convert {__version__}",
            "complete": self.complete,
            "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            "seconds": round(self.seconds, 3),
            "out": str(self.out) if self.out else None,
            "layout": layout,
            "formats": list(options.formats),
            "engine": self.engine,
            "jobs": self.jobs,
            "totals": {"cables": len(self.results), "converted": len(self.converted),
                       "up-to-date": len(self.skipped), "failed": len(self.failed),
                       "cables_per_second": round(self.rate, 2)},
            "workers": [{"name": w.name, "cables": w.cables,
                         "peak_rss_mb": round(w.peak_rss / 2**20, 1),
                         "cpu_seconds": round(w.cpu, 2)} for w in self.workers],
            "passed_over": [{"path": path, "reason": reason} for path, reason in self.passed_over],
            "run_errors": list(self.run_errors),
        }
        yield json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        yield ',\n "cables": ['
        for number, result in enumerate(self.results):
            yield ("\n  " if number == 0 else ",\n  ") + json.dumps(result.to_json(self.out),
                                                                   ensure_ascii=False)
        yield "\n ]\n}\n" if self.results else "]\n}\n"


class Ledger:
    """What became of each cable so far (by its place in the input order), and the worker
    processes' figures; every result also moves the progress meter."""

    def __init__(self, out: Path, formats: tuple[str, ...], progress: Progress) -> None:
        self.out = out
        self.formats = formats
        self.progress = progress
        self.results: dict[int, CableResult] = {}
        self.workers: dict[str, WorkerStats] = {}
        self.passed_over: list[tuple[str, str]] = []

    def notice(self, name: str, reason: str) -> None:
        """Something a folder walk passed over (a warning in the report, not a cable)."""
        self.passed_over.append((name, reason))

    def add(self, result: CableResult) -> None:
        self.results[result.index] = result
        self.progress.update(result.status)

    def skip(self, index: int, record: Record) -> None:
        outputs = {f: str(self.out / record.outputs[f]) for f in self.formats}
        self.add(CableResult(record.name, "up-to-date", record.id, outputs, record.warnings,
                             index=index))

    def fail(self, index: int, source: str, failure: Failure, attempts: int,
             seconds: float = 0.0, worker: str = "") -> None:
        self.add(CableResult(source, "failed", error=failure.line, exit_code=failure.exit_code,
                             seconds=seconds, index=index, kind=failure.kind,
                             attempts=attempts, worker=worker))

    def count_work(self, outcome: Outcome) -> None:
        """Add an outcome's cost to its worker's figures."""
        if not outcome.worker:
            return
        stats = self.workers.setdefault(outcome.worker, WorkerStats(outcome.worker))
        stats.cables += 1
        stats.peak_rss = max(stats.peak_rss, outcome.peak_rss)
        stats.cpu += outcome.cpu

    def fill(self, report: BatchReport) -> None:
        """Copy the results, in input order, and the workers' figures into ``report``."""
        report.results = [self.results[i] for i in sorted(self.results)]
        report.workers = list(self.workers.values())
        report.passed_over = list(self.passed_over)
