"""File names made from untrusted strings (cable ids, CSV refids, input names)."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def safe_stem(name: str) -> str:
    """Reduce ``name`` to a single path component that cannot escape its folder.

    ``../../etc/x`` becomes ``etc_x``; an empty result becomes ``cable``.
    """
    base = name.replace("\\", "/").rstrip("/")
    # keep the row suffix of "file.csv#12" but drop folders
    base = base.rsplit("/", 1)[-1]
    stem = _UNSAFE.sub("_", base).strip("._-")
    stem = re.sub(r"\.{2,}", ".", stem)
    return stem[:120] or "cable"


def public_source(name: str) -> str:
    """The input's name as an output may publish it: as the user gave it when relative (or a
    URL, or ``<stdin>``); an absolute local path reduced to its file name, so no home folder
    or machine layout ends up in a published file. A CSV row keeps its ``#row``.

    ``/home/ann/cables/09X.html`` -> ``09X.html``; ``C:\\data\\cables.csv#12`` ->
    ``cables.csv#12``; ``corpus/09X.html`` stays."""
    if name.startswith("<") or "://" in name:
        return name
    path, hash_, row = name.partition("#")
    if not (path.startswith(("/", "\\", "~")) or re.match(r"[A-Za-z]:[\\/]", path)):
        return name
    base = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    return (base or "input") + hash_ + row
