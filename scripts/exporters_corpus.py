"""Corpus access shared by the exporter scripts: unpack the cablegate pages, load cables.

Pages are unpacked into a temporary directory (never into the repository) unless a directory
of already unpacked pages is given.
"""

from __future__ import annotations

import argparse
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "scripts")]

import corpus  # noqa: E402

from convert.errors import ConvertError  # noqa: E402
from convert.model import Cable  # noqa: E402
from convert.options import ReadOptions  # noqa: E402
from convert.pipeline import iter_sources, to_cable  # noqa: E402
from convert.readers import load_source  # noqa: E402

if TYPE_CHECKING:
    from convert.volume import Volume

ARCHIVE = corpus.TARBALL
SEED = corpus.SEED


def corpus_pages(pages_dir: str | None, count: int, seed: int = 1463) -> list[Path]:
    """``count`` cablegate pages, a fixed random sample (unpacking the archive if needed)."""
    pages = corpus.pages(pages_dir)
    if not pages:
        raise SystemExit(f"no .html pages under {pages_dir or ARCHIVE}")
    rng = random.Random(seed)  # noqa: S311 (a reproducible sample, not a secret)
    return sorted(rng.sample(pages, min(count, len(pages))))


def load_cables(paths: list[Path]) -> Iterator[tuple[Path, Cable | ConvertError]]:
    """Each path's cable (or the error that stopped it), through the real pipeline."""
    options = ReadOptions()
    for path in paths:
        try:
            for source in iter_sources([str(path)], options):
                if isinstance(source, ConvertError):
                    yield path, source
                    continue
                for item in load_source(source, options):
                    yield path, to_cable(item)
        except ConvertError as error:
            yield path, error


def add_volume_arguments(parser: argparse.ArgumentParser) -> None:
    """``--pages``, ``--cables``, ``--rounds``: the volume a benchmark makes (:func:`sample_volume`)."""
    parser.add_argument("--pages", help="unpacked cablegate pages (default: unpack the archive)")
    parser.add_argument("--cables", type=int, default=20,
                        help="cables in the volume: the seed and sampled pages (as bench_tags.py)")
    parser.add_argument("--rounds", type=int, default=3)


def sample_volume(pages_dir: str | None, count: int) -> Volume:
    """A volume of ``count`` cables: the seed, then pages sampled as :func:`corpus_pages` does."""
    from convert.volume import make_volume

    cables = [seed_cable()]
    cables += [c for _, c in load_cables(corpus_pages(pages_dir, count)) if isinstance(c, Cable)]
    return make_volume(cables[:count])


def seed_cable() -> Cable:
    for _, cable in load_cables([SEED]):
        if isinstance(cable, Cable):
            return cable
        raise SystemExit(f"the seed does not convert: {cable}")
    raise SystemExit("the seed yielded no cable")


def soffice_to_pdf(sources: list[Path], outdir: Path, timeout: float = 1800) -> None:
    """LibreOffice converts ``sources`` (DOCX) to PDFs named after them in ``outdir``, with a
    profile of its own there; a file it could not convert simply has no PDF (the caller
    counts). Exits with a message when LibreOffice is not installed."""
    soffice = shutil.which("soffice")
    if not soffice:
        raise SystemExit("soffice not found (apt-get install libreoffice-writer-nogui)")
    subprocess.run([soffice, f"-env:UserInstallation=file://{outdir}/profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(outdir), *map(str, sources)],
                   capture_output=True, timeout=timeout, check=False)
