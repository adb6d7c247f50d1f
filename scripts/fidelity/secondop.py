"""The second opinion: where our record and cablemap's disagree, and of what kind.

For each page and field (subject, TAGS, signer, references) the two values are compared as
the truth comparisons do (``compare``); a disagreement is put in one bucket:

- ``ours-empty`` / ``theirs-empty``: one side has no value;
- strings (subject, signer): ``case-only`` (equal ignoring case), ``spacing-punct`` (equal
  once everything but letters and digits is dropped), ``ours-longer`` (theirs is a prefix
  of ours: ours ran on, or theirs was cut), ``theirs-longer``, ``other``;
- lists and sets (TAGS, references): ``order-only`` (TAGS: same codes, other order),
  ``ours-subset`` (ours lacks some of theirs and adds none), ``theirs-subset``, ``other``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from . import compare

FIELDS = ("subject", "tags", "signer", "references")


def values(field: str, record: dict[str, Any], *, theirs: bool) -> Any:
    """The field's value from our facts or from a cablemap line, in comparable form."""
    raw = record.get(field)
    if field == "signer":
        return compare.text(compare.cablemap_signer(raw) if theirs else raw) or None
    if field == "subject":
        return compare.text(raw) or None
    if field == "tags":
        return [compare.text(t).upper() for t in raw or []]
    if field == "references":
        return sorted({compare.text(r).upper() for r in raw or []})
    raise KeyError(field)


def agree(field: str, ours: Any, theirs: Any) -> bool:
    if field == "signer":
        return compare.signer_equal(ours, theirs)
    return bool(ours == theirs)


def _alnum(value: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", value)


def bucket(field: str, ours: Any, theirs: Any) -> str:
    """The kind of one disagreement (assumes ``not agree(field, ours, theirs)``)."""
    if not ours:
        return "ours-empty"
    if not theirs:
        return "theirs-empty"
    if field in ("subject", "signer"):
        if ours.upper() == theirs.upper():
            return "case-only"
        if _alnum(ours).upper() == _alnum(theirs).upper():
            return "spacing-punct"
        a, b = _alnum(ours).upper(), _alnum(theirs).upper()
        if a.startswith(b):
            return "ours-longer"
        if b.startswith(a):
            return "theirs-longer"
        return "other"
    mine, other = set(ours), set(theirs)
    if mine == other:
        return "order-only"
    if mine < other:
        return "ours-subset"
    if other < mine:
        return "theirs-subset"
    return "other"


def who_was_right(field: str, truth: dict[str, Any], ours: Any, theirs: Any) -> str:
    """For a truth cable: ``ours`` / ``theirs`` / ``both`` / ``neither`` right."""
    if field == "subject":
        ok = (compare.subject_equal(truth["subject"], ours), compare.subject_equal(truth["subject"], theirs))
    elif field == "signer":
        ok = (compare.signer_equal(truth["signer"], ours), compare.signer_equal(truth["signer"], theirs))
    elif field == "tags":
        ok = (
            compare.tags_equal(truth["tags"], split(truth, ours)),
            compare.tags_equal(truth["tags"], split(truth, theirs)),
        )
    else:
        ok = (
            compare.references_equal(truth["references"], ours),
            compare.references_equal(truth["references"], theirs),
        )
    return {(True, True): "both", (True, False): "ours", (False, True): "theirs", (False, False): "neither"}[ok]


def split(truth: dict[str, Any], tags: Sequence[str]) -> list[str]:
    """A parser's TAGS list without the truth's person tags and phrases (compared apart)."""
    return compare.split_tags(tags, truth.get("tag_persons") or [], truth.get("tag_phrases") or [])[0]
