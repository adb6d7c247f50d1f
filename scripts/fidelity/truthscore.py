"""Scoring against the hand-built truth (``tests/truth/truth.jsonl``), per field and form.

A field of a record is **ambiguous** when the record lists it (or the key it depends on) in
``ambiguous``: it is scored apart and left out of the main percentage.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import compare

TRUTH = Path(__file__).resolve().parents[2] / "tests" / "truth" / "truth.jsonl"
#: the session-7 holdout: pages chosen and read after the rules were written (scored apart)
HOLDOUT = TRUTH.with_name("holdout.jsonl")


def load(path: Path = TRUTH) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@dataclass(frozen=True)
class Verdict:
    ok: bool
    expected: Any
    got: Any


Scorer = Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], Verdict | None]


def _subject(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict:
    return Verdict(compare.subject_equal(t["subject"], f.get("subject")), t["subject"], f.get("subject"))


def _tags(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict:
    codes, _extras = compare.split_tags(f.get("tags") or [], t["tag_persons"], t["tag_phrases"])
    return Verdict(compare.tags_equal(t["tags"], codes), t["tags"], codes)


def _tag_extras(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
    wanted = [*t["tag_persons"], *t["tag_phrases"]]
    if not wanted:
        return None
    extras = [*(f.get("tag_persons") or []), *(f.get("tag_phrases") or [])]
    _codes, found = compare.split_tags(f.get("tags") or [], t["tag_persons"], t["tag_phrases"])
    got = found + extras
    return Verdict(compare.tag_extras_equal(t["tag_persons"], t["tag_phrases"], got), wanted, f.get("tags"))


def _signer(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict:
    return Verdict(compare.signer_equal(t["signer"], f.get("signer")), t["signer"], f.get("signer"))


def _references(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict:
    got = sorted(f.get("references") or [])
    return Verdict(compare.references_equal(t["references"], got), sorted(t["references"]), got)


def _references_dated(t: dict[str, Any], f: dict[str, Any], s: dict[str, Any]) -> Verdict | None:
    """References where the text dates the cable: a reference written without a year (``PARIS
    479``) is of the citing cable's year, which a text without a dated DTG may not give at all
    (a page takes it from its table; pasted, only the declassification date can hint at it)."""
    return _references(t, f, s) if s.get("has_dtg") else None


def _classification(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
    if "level" not in f:
        return None  # cablemap gives the page table's classification, not the text's
    ok = compare.classification_equal(t["classification"], t["caveats"], f.get("level"), f.get("caveats") or [])
    return Verdict(ok, [t["classification"], *t["caveats"]], [f.get("level"), *(f.get("caveats") or [])])


def _ident(t: dict[str, Any], f: dict[str, Any], s: dict[str, Any]) -> Verdict | None:
    if not s.get("has_dtg") or "date_from_text" not in f:
        return None
    return Verdict(t["id"] == f.get("id"), t["id"], f.get("id"))


def _origin(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
    if "date_from_text" not in f:
        return None
    return Verdict(compare.text(t["origin"]) == compare.text(f.get("origin")), t["origin"], f.get("origin"))


def _paragraphs(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
    if "paragraphs" not in f:
        return None
    return Verdict(list(t["paragraphs"]) == list(f["paragraphs"]), t["paragraphs"], f["paragraphs"])


def _paragraph_count(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
    if "paragraphs" not in f:
        return None
    return Verdict(t["paragraph_count"] == len(f["paragraphs"]), t["paragraph_count"], len(f["paragraphs"]))


def _summary(part: str) -> Scorer:
    """``found`` and ``span`` apply where the truth has a summary; ``none`` where it has none."""

    def score(t: dict[str, Any], f: dict[str, Any], _s: dict[str, Any]) -> Verdict | None:
        if "paragraphs" not in f or (t["summary"] is None) != (part == "none"):
            return None
        mine = f.get("summary")
        shown = f"{mine[:60]} … {mine[-60:]}" if mine and len(mine) > 130 else mine
        if part == "none":
            return Verdict(not mine, None, shown)
        found, start, end = compare.summary_agrees(t["summary"], mine)
        return Verdict(found if part == "found" else start and end, t["summary"], shown)

    return score


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    ambiguous_keys: tuple[str, ...]
    score: Scorer
    target: str = "—"
    cablemap: bool = False


FIELDS: tuple[Field, ...] = (
    Field("subject", "subject", ("subject",), _subject, "≥ 98 %", True),
    Field("tags", "TAGS (exact list of codes)", ("tags",), _tags, "≥ 99 %", True),
    Field("tag_extras", "TAGS: person tags and phrases kept apart", ("tags",), _tag_extras, "—", True),
    Field("signer", "signer", ("signer",), _signer, "≥ 96 %", True),
    Field("references", "referenced cable ids (exact set)", ("references",), _references, "≥ 98 %", True),
    Field("references_dated", "referenced cable ids (where the text carries a dated DTG)", ("references",),
          _references_dated, "—"),
    Field("classification", "classification with caveats", ("classification", "caveats"), _classification,
          "≥ 98 %"),
    Field("id", "id (where the text carries a dated DTG)", ("id",), _ident, "≥ 99 %"),
    Field("origin", "origin", ("origin",), _origin, "≥ 99 %"),
    Field("paragraphs", "paragraph numbers (exact list)", ("paragraphs",), _paragraphs),
    Field("paragraph_count", "paragraph count", ("paragraphs",), _paragraph_count),
    Field("summary_found", "summary span found (cables with a summary)", ("summary",), _summary("found")),
    Field("summary_span", "summary span: first and last words agree", ("summary",), _summary("span")),
    Field("summary_none", "no summary span where the cable has none", ("summary",), _summary("none")),
)


@dataclass
class Tally:
    ok: int = 0
    n: int = 0
    amb_ok: int = 0
    amb_n: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def add(self, verdict: Verdict, ambiguous: bool, miss: dict[str, Any]) -> None:
        if ambiguous:
            self.amb_n += 1
            self.amb_ok += verdict.ok
        else:
            self.n += 1
            self.ok += verdict.ok
        if not verdict.ok:
            self.misses.append({**miss, "expected": verdict.expected, "got": verdict.got, "ambiguous": ambiguous})


def is_ambiguous(record: dict[str, Any], spec: Field) -> bool:
    return any(k in (record.get("ambiguous") or []) for k in spec.ambiguous_keys)


#: the facts of a record with nothing found: decides which fields apply to a failed form
EMPTY: dict[str, Any] = {"level": None, "date_from_text": False, "paragraphs": [], "caveats": [], "tags": []}


def score_one(
    record: dict[str, Any], form: str, result: dict[str, Any] | None, source: dict[str, Any], parser: str
) -> Iterator[tuple[Field, Verdict, bool]]:
    """(field, verdict, ambiguous) for every applicable field of one record in one form.
    A form the project refused or crashed on is wrong in every field."""
    if result is None:
        return
    if "failed" in result:
        for spec in FIELDS:
            if spec.score(record, EMPTY if parser == "ours" else {}, source) is not None:
                got = f"<{result['failed']}: {result['message']}>"
                yield spec, Verdict(False, "(a record)", got), is_ambiguous(record, spec)
        return
    facts = result["facts"]
    for spec in FIELDS:
        verdict = spec.score(record, facts, source)
        if verdict is not None:
            yield spec, verdict, is_ambiguous(record, spec)
