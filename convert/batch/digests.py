"""Digests the batch keeps: of inputs (a resume's first question), of outputs (its last),
of the configuration that decides an output's bytes, and of the code (the Dask engine checks
that every worker runs the client's)."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from pathlib import Path

from .. import __version__
from ..model import RawCable
from ..options import ConvertOptions


def code_digest() -> str:
    """SHA-256 over the tool's version, its Python sources and its bundled style files: the
    Dask engine checks that every worker runs exactly the client's code."""
    import convert
    import styles

    digest = hashlib.sha256(__version__.encode())
    roots = [Path(convert.__file__).parent, Path(styles.__file__).parent]
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or "__pycache__" in path.parts or path.suffix in {".pyc", ".pyo"}:
                continue
            digest.update(str(path.relative_to(root.parent)).encode() + b"\0")
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def theme_digest() -> str:
    """SHA-256 over the bundled style files (theme tokens, CSS templates, fonts)."""
    import styles

    digest = hashlib.sha256()
    root = Path(styles.__file__).parent
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def config_hash(options: ConvertOptions, layout: str) -> str:
    """Everything but the input and the format list that decides an output's bytes and place:
    the tool's version, the theme files, the read and write options, the layout. (Not the
    code itself: a changed checkout of the same version needs ``--force``.)"""
    payload = {
        "version": __version__,
        "theme": theme_digest(),
        "read": dataclasses.asdict(options.read),
        "write": dataclasses.asdict(options.write),
        "layout": layout,
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True).encode()).hexdigest()[:32]


def hash_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:32]


def hash_file(path: Path) -> str:
    """:func:`hash_bytes` of a file's content, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:32]


def hash_raw(raw: RawCable) -> str:
    """A CSV row's hash: its fields (the reader already split them), not the file's bytes."""
    payload = json.dumps(dataclasses.asdict(raw), sort_keys=True, ensure_ascii=False)
    return hash_bytes(payload.encode("utf-8"))
