"""Shared by the evaluation and benchmark scripts: find (or unpack) the real corpus."""

from __future__ import annotations

import argparse
import tarfile
import tempfile
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
