"""Shared by the evaluation and benchmark scripts: find (or unpack) the real corpus."""

from __future__ import annotations

import argparse
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
TARBALL = SHARED / "cablegate-html.tar.xz"
CSV_SAMPLE = SHARED / "cables-sample.csv"
SEED = SHARED / "seed-09BEIJING1463.txt"


def pages(corpus: str | None) -> list[Path]:
    """The cablegate pages: from ``corpus`` if given, else unpacked from the shared tarball
    into a temporary folder (never into the repo)."""
    if corpus:
        root = Path(corpus)
    else:
        root = Path(tempfile.mkdtemp(prefix="cablegate-"))
        with tarfile.open(TARBALL) as tar:
            tar.extractall(root, filter="data")
    return sorted(root.rglob("*.html"))


def comparison_arguments(ap: argparse.ArgumentParser) -> None:
    """``--corpus`` and ``--against``: the options of a script that measures this checkout
    against another on the real pages."""
    ap.add_argument("--corpus", help="unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--against", type=Path, help="another checkout (the root of a copy of this repository)")


def page_converter(root: str) -> Callable[[list[str]], None]:
    """For the benchmarks' child processes: a function that makes the TEI and the JSON of each
    page path given, in memory, with the package under ``root`` (imported now: put ``root`` on
    ``sys.path`` first; another copy imported is refused)."""
    from convert import options, readers
    from convert.normalize import normalize
    from convert.writers import json as json_writer
    from convert.writers import tei

    if not readers.__file__ or not readers.__file__.startswith(root):
        raise SystemExit(f"imported {readers.__file__}, not the package under {root}")
    read, write = options.ReadOptions(), options.WriteOptions()

    def run(chosen: list[str]) -> None:
        for path in chosen:
            for raw in readers.load_source(readers.Source(path, path=path), read):
                cable = normalize(raw)  # type: ignore[arg-type]  # pages: always a RawCable
                tei.write(cable, write)
                json_writer.write(cable, write)

    return run
