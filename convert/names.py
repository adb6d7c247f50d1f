"""File names made from untrusted strings (cable ids, CSV refids, input names), and input
names as text that can be written anywhere."""

from __future__ import annotations

import os
import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
#: the longest stem a file gets (with its extension, well under the 255 bytes of a name)
MAX_STEM = 120


def safe_stem(name: str) -> str:
    """Reduce ``name`` to a single path component that cannot escape its folder.

    ``../../etc/x`` becomes ``etc_x``; an empty result becomes ``cable``.
    """
    base = name.replace("\\", "/").rstrip("/")
    # keep the row suffix of "file.csv#12" but drop folders
    base = base.rsplit("/", 1)[-1]
    stem = _UNSAFE.sub("_", base).strip("._-")
    stem = re.sub(r"\.{2,}", ".", stem)
    return stem[:MAX_STEM] or "cable"


#: the suffixes of the files read as cables: a folder walk picks these up, anything else in a
#: folder is skipped (``""``: a file with none)
CABLE_SUFFIXES = {".txt", ".text", ".html", ".htm", ".csv", ".xml", ".cable", ""}
#: an input's name: its path, and a CSV row's number after it (``cables.csv#12``)
_ROW = re.compile(r"(?P<path>.*?)(?P<row>#\d+)?", re.DOTALL)


def input_stem(name: str) -> str:
    """The stem of the files made from an input that gives no cable id: its file name without a
    cable file's suffix, a CSV row's number after it, made safe (``notes/note.txt`` -> ``note``,
    ``cables.csv#12`` -> ``cables_12``, ``<stdin>`` -> ``stdin``). Two inputs of one folder
    that differ in their suffix only (``a.txt``, ``a.html``) get one stem: the batch's claims
    give the second its whole name (``a.html``)."""
    found = _ROW.fullmatch(name)
    assert found is not None  # (every string matches: a name may hold a line break)
    base = found["path"].replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
    head, dot, suffix = base.rpartition(".")
    if dot and head and f".{suffix.lower()}" in CABLE_SUFFIXES:
        base = head
    return safe_stem(base + (found["row"] or ""))


def with_suffix(stem: str, suffix: str) -> str:
    """``<stem>_<suffix>``, the stem cut so that the whole stays within :data:`MAX_STEM`.

    (Cut after the suffix was added, two long names that differ only in their suffixes
    became one name again, and one cable's files overwrote the other's.)"""
    head = stem[: MAX_STEM - len(suffix) - 1].rstrip("._-") or "cable"
    return f"{head}_{suffix}"


def display_name(path: str) -> str:
    """A path as text any output can hold (JSON, XML, a terminal): the path itself when it is
    valid UTF-8; otherwise its undecodable bytes as ``\\xNN`` (and its backslashes doubled,
    so that no two paths read the same)."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        raw = os.fsencode(path).replace(b"\\", b"\\\\")
        return raw.decode("utf-8", "backslashreplace")
    return path


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
