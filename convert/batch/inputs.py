"""The batch's view of its inputs: patterns expanded, a count for the progress bar, and the
key under which each source's resume record is kept.

What a folder holds is decided by the readers alone (:func:`convert.readers.listing`);
this module only counts what they would list.
"""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..names import display_name
from ..readers import Source, discover


def expand_globs(inputs: Iterable[str]) -> Iterator[str]:
    """Inputs as given; a pattern (``*``, ``?``, ``[``, ``**``) naming no existing file is
    expanded here, so a quoted glob reaches 250k files without the shell's argument limit."""
    for item in inputs:
        item = item.rstrip("\n")
        if not item:
            continue
        if item != "-" and any(c in item for c in "*?[") and not os.path.exists(item):
            matches = sorted(glob.glob(item, recursive=True))
            if matches:
                yield from matches
                continue
        yield item


def estimate_total(inputs: list[str]) -> int | None:
    """How many sources the inputs hold, counted cheaply for the progress bar (None when a
    cables.csv or stdin makes it unknowable before reading)."""
    total = 0
    for item in inputs:
        if item == "-":
            return None
        path = Path(item)
        if path.is_dir():
            for found in discover(path, notice=lambda name, reason: None):
                if isinstance(found, Path) and found.suffix.lower() == ".csv":
                    return None
                total += 1
        elif path.suffix.lower() == ".csv":
            return None
        else:
            total += 1
    return total


def source_key(source: Source) -> str:
    """The resume key: the absolute path (``path#row`` for a CSV row), as text that any
    record can hold: a path that is not valid UTF-8 is ``bytes:`` and its bytes escaped
    (no absolute path starts so, so no two inputs share a key)."""
    if source.path is not None:
        path = os.path.abspath(source.path)
        text = display_name(path)
        return text if text == path else f"bytes:{text}"
    name = source.name
    if source.raw is not None and "#" in name:
        base, _, row = name.rpartition("#")
        if base != "<stdin>":
            return f"{os.path.abspath(base)}#{row}"
    return name


def key_path(key: str) -> str | None:
    """The file a resume key names, when it is one (not ``<stdin>``, not escaped bytes)."""
    if not key.startswith("/"):
        return None
    if os.path.exists(key):
        return key
    base, hashed, _ = key.rpartition("#")
    return base if hashed else key
