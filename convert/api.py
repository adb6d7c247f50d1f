"""The Python API, for notebooks and scripts: the command line's options as keywords.

    from convert.api import convert_file, convert_corpus

    [cable] = convert_file("data/seed-09BEIJING1463.txt", to=("tei", "md"))
    cable.cable.id, cable.outputs["md"].decode()

    report = convert_corpus(["/data/cablegate"], "out", to="all", layout="tree", jobs=8)
    len(report.converted), len(report.skipped), [r.error for r in report.failed]

Keyword options (all optional): ``form``, ``encoding``, ``max_input_size`` (bytes),
``theme`` (a built-in theme or a TOML file that inherits from one), ``paper``,
``pdf_variant``, ``show_artifacts``, ``transcript`` (the complete transcript instead of the
reading edition), ``source_date_epoch``, ``time_limit`` (seconds). ``to`` takes format
names, ``"all"`` or ``"data"`` (TEI and JSON); the default is the data alone (the command
line also writes a PDF). Errors are the typed :mod:`convert.errors` exceptions: a single
file raises; a corpus never does for one cable (its failures are in the report).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .batch.worker import convert_limited
from .errors import UsageError
from .options import (
    DEFAULT_MAX_INPUT_BYTES,
    DEFAULT_TIME_LIMIT,
    ConvertOptions,
    ReadOptions,
    WriteOptions,
)
from .pipeline import Converted, iter_sources

_READ = {"form", "encoding", "max_input_size"}
_WRITE = {"theme", "paper", "pdf_variant", "show_artifacts", "transcript", "source_date_epoch"}


def options_from(to: str | Iterable[str] = ("tei", "json"), **options: Any) -> ConvertOptions:
    """A :class:`ConvertOptions` from the CLI-style keywords (``to="all"`` for every format,
    ``to="data"`` for TEI and JSON). A bad theme raises :class:`~convert.errors.StyleError`."""
    from .theme import check_theme
    from .writers import expand_formats

    unknown = set(options) - _READ - _WRITE - {"time_limit"}
    if unknown:
        raise UsageError(", ".join(sorted(unknown)), "unknown option")
    formats = expand_formats(to if isinstance(to, str) else tuple(to))
    if not formats:
        raise UsageError("to", "no output format")
    read = ReadOptions(form=options.get("form"), encoding=options.get("encoding"),
                       max_input_bytes=options.get("max_input_size", DEFAULT_MAX_INPUT_BYTES))
    chosen = {k: v for k, v in options.items() if k in _WRITE}
    if "theme" in chosen:
        chosen["theme"] = check_theme(str(chosen["theme"]))
    write = WriteOptions(**chosen)
    return ConvertOptions(formats=formats, read=read, write=write,
                          time_limit=options.get("time_limit", DEFAULT_TIME_LIMIT))


def convert_file(path: str | Path, to: str | Iterable[str] = ("tei", "json"),
                 **options: Any) -> list[Converted]:
    """Convert one input (a file; a cables.csv gives one result per row) in memory.

    Nothing is written; each :class:`~convert.pipeline.Converted` holds the cable and the
    bytes of every requested format. Raises the input's :class:`~convert.errors.ConvertError`.
    """
    opts = options_from(to, **options)
    results: list[Converted] = []
    for source in iter_sources([str(path)], opts.read):
        if isinstance(source, Exception):
            raise source
        results.extend(convert_limited(source, opts))
    return results


def convert_corpus(
    inputs: str | Path | Iterable[str | Path],
    out: str | Path,
    to: str | Iterable[str] = ("tei", "json"),
    jobs: int | None = None,
    engine: str = "local",
    *,
    scheduler: str | None = None,
    layout: str = "flat",
    force: bool = False,
    recycle_after: int | None = None,
    progress: str = "auto",
    **options: Any,
) -> Any:
    """Convert a corpus into ``out`` as ``python -m convert INPUTS -o OUT`` does: in parallel,
    resumable, with ``out/report.json``. Returns the :class:`~convert.batch.BatchReport`.

    ``inputs``: folders, files, cables.csv files, quoted globs. ``jobs``: worker processes
    (default: every core). ``engine="dask"`` with ``scheduler="tcp://host:8786"`` runs on a
    Dask cluster (without a scheduler: a local one). ``force=True`` ignores the resume state.
    """
    from .batch import DEFAULT_RECYCLE_AFTER, run
    from .output import check_writable

    opts = options_from(to, **options)
    names = [str(inputs)] if isinstance(inputs, (str, Path)) else [str(i) for i in inputs]
    target = Path(out)
    check_writable(target)
    return run(names, target, opts, layout=layout, jobs=jobs, engine=engine,
               scheduler=scheduler, resume=not force,
               recycle_after=recycle_after or DEFAULT_RECYCLE_AFTER, progress=progress)


__all__ = ["convert_corpus", "convert_file", "options_from"]
