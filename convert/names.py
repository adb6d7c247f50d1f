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
