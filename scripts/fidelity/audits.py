"""The audits that need no truth: residue, ¶ anchors, the forms' agreement, the
classification a reader is shown. Each takes the workers' results and returns figures and
the list of misses."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

from . import residue

LEVELS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED")


def level_of(value: str | None) -> str | None:
    """``CONFIDENTIAL//NOFORN`` -> ``CONFIDENTIAL``; ``UNCLASSIFIED//FOR OFFICIAL USE ONLY`` ->
    ``UNCLASSIFIED``; ``UNCLAS`` -> ``UNCLASSIFIED``; anything unknown -> None."""
    if not value:
        return None
    head = " ".join(value.upper().split("//")[0].split())
    if head.startswith("UNCLAS"):
        return "UNCLASSIFIED"
    return head if head in LEVELS else None


# -- residue -------------------------------------------------------------------------------


def residue_figures(items: Iterable[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """Per form: cables converted, cables with residue, cables per kind (with example ids).
    ``items`` are (form, cable name, form result)."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    misses = []
    for form, name, result in items:
        if "failed" in result:
            continue
        forms[form]["cables"] += 1
        hits = result.get("residue") or {}
        if hits:
            forms[form]["with residue"] += 1
        body_hits = {k for k in hits if not residue.BY_NAME[k].on_subject}
        if body_hits:
            forms[form]["with residue in the body"] += 1
        for kind, found in hits.items():
            forms[form][kind] += 1
            if len(examples[(form, kind)]) < 5:
                examples[(form, kind)].append(name)
            misses.append({"cable": name, "form": form, "field": f"residue:{kind}",
                           "expected": None, "got": found, "count": result["residue_counts"][kind]})
    return {"forms": forms, "examples": examples, "misses": misses}


# -- paragraph anchors ---------------------------------------------------------------------


def anchor_figures(items: Iterable[tuple[str, str, dict[str, Any]]]) -> dict[str, Any]:
    """Per form (page, pasted): counted anchors, matched, cables with a miss, misses by kind,
    cables whose numbers are out of sequence where the anchors are not."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    kinds: dict[str, Counter[str]] = defaultdict(Counter)
    examples: dict[tuple[str, str], list[str]] = defaultdict(list)
    misses = []
    for form, name, result in items:
        audit = result.get("anchors")
        if audit is None:
            continue
        c = forms[form]
        c["cables"] += 1
        c["anchors"] += audit["counted"]
        c["matched"] += audit["matched"]
        if audit["unmatched"]:
            c["cables with a miss"] += 1
        for miss in audit["unmatched"]:
            kind = f"{miss['where']} ({miss['context']})"
            kinds[form][kind] += 1
            if len(examples[(form, kind)]) < 4 and name not in examples[(form, kind)]:
                examples[(form, kind)].append(name)
            misses.append({"cable": name, "form": form, "field": "anchor", "expected": miss["n"],
                           "got": miss["where"], "context": miss["context"], "words": miss["words"]})
        if audit["ours_out_of_sequence"] and not audit["anchors_out_of_sequence"]:
            c["ours out of sequence"] += 1
            if len(examples[(form, "out of sequence")]) < 5:
                examples[(form, "out of sequence")].append(name)
            misses.append({"cable": name, "form": form, "field": "paragraph-sequence", "expected": "increasing",
                           "got": audit["ours_out_of_sequence"]})
    return {"forms": forms, "kinds": kinds, "examples": examples, "misses": misses}


def anchor_rule_agreement(pairs: Iterable[tuple[list[int], list[int]]]) -> tuple[int, int, int, int]:
    """(counted anchors that are truth paragraphs, counted anchors, truth paragraphs with a
    counted anchor, truth paragraphs), as multisets, over (anchor numbers, truth numbers)."""
    hit = total = found = wanted = 0
    for anchors, truth in pairs:
        a, t = Counter(anchors), Counter(truth)
        common = sum(min(a[n], t[n]) for n in a)
        hit += common
        total += sum(a.values())
        found += common
        wanted += sum(t.values())
    return hit, total, found, wanted


# -- the forms' agreement --------------------------------------------------------------------

COMPARED = ("id", "date", "level", "caveats", "origin", "from", "to", "info", "precedence", "subject", "tags",
            "references", "signer", "summary", "paragraphs", "paragraph_digests")
#: facts a page table or a CSV column carries: a difference is allowed only when neither
#: form's own text gave the fact (each then takes it from its table or column); and the ids of
#: references without a year, which take the cable's year from that date (``allowed``)
TABLE_FACTS = {
    "id": "date_from_text",
    "date": "date_from_text",
    "level": "level_from_text",
    "origin": "from",
}


def allowed(field: str, a: dict[str, Any], b: dict[str, Any]) -> bool:
    if field == "references":
        # a reference without a year takes the cable's: where neither text gives the date, the
        # ids whose year was taken from a table's date are table facts; the rest must agree
        return not a.get("date_from_text") and not b.get("date_from_text") and (
            a.get("references_dated") == b.get("references_dated"))
    flag = TABLE_FACTS.get(field)
    return flag is not None and not a.get(flag) and not b.get(flag)


def form_differences(a: dict[str, Any], b: dict[str, Any]) -> list[tuple[str, bool]]:
    """(field, allowed) for every compared field on which two forms' facts differ."""
    return [(f, allowed(f, a, b)) for f in COMPARED if a.get(f) != b.get(f)]


# -- what classification a reader is shown ---------------------------------------------------


def shown_level(facts: dict[str, Any]) -> str | None:
    return facts.get("level") or level_of(facts.get("shown_classification"))


def classification_safety(facts: dict[str, Any], reference: str | None) -> str | None:
    """None when safe; else the kind of the problem:
    ``silent-unclassified``: the text gave no UNCLASSIFIED banner (none found), yet the cable
    is shown UNCLASSIFIED while the reference says it is classified (the worst case);
    ``banner-unclassified``: the text's own banner reads UNCLASSIFIED and the reference
    disagrees (a disagreement to read, reported apart)."""
    ref = level_of(reference)
    if ref in (None, "UNCLASSIFIED"):
        return None
    if shown_level(facts) != "UNCLASSIFIED":
        return None
    return "banner-unclassified" if facts.get("level_from_text") else "silent-unclassified"
