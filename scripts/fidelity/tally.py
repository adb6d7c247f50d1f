"""From the workers' results to every figure of the report (no printing here)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from . import audits, compare, secondop, truthscore

FORMS = ("page", "pasted", "csv", "pre2000", "pre2000 page", "pre2000 pasted", "seed", "browser")
#: the forms whose ¶ anchors are audited: a page's, and its pasted text's
ANCHORED = ("page", "pasted", "pre2000 page", "pre2000 pasted")


@dataclass
class Outcome:
    tallies: dict[tuple[str, str], truthscore.Tally] = field(default_factory=lambda: defaultdict(truthscore.Tally))
    counts: Counter[str] = field(default_factory=Counter)  # sources per form, failures
    second: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    adjudicated: dict[tuple[str, str], Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    residue: dict[str, Any] = field(default_factory=dict)
    anchors: dict[str, Any] = field(default_factory=dict)
    anchor_rule: tuple[int, int, int, int] = (0, 0, 0, 0)
    form_pairs: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    safety: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    browser: Counter[str] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    disagreements: list[dict[str, Any]] = field(default_factory=list)
    #: each holdout's figures ("session 7", "session 12"), kept apart from the truth's and from
    #: each other's
    holdouts: dict[str, Held] = field(default_factory=dict)


@dataclass
class Held:
    """The figures of one holdout: (form, field) -> tally, and its residue and ¶-anchor audits."""

    tallies: dict[tuple[str, str], truthscore.Tally] = field(default_factory=lambda: defaultdict(truthscore.Tally))
    residue: dict[str, Any] = field(default_factory=dict)
    anchors: dict[str, Any] = field(default_factory=dict)


#: a holdout record without a ``holdout`` key belongs to the first one
FIRST_HOLDOUT = "session 7"


def _name(result: dict[str, Any]) -> str:
    table = result.get("table") or {}
    return str(table.get("id") or result.get("rel") or result.get("row"))


def _index(results: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    index: dict[str, dict[str, Any]] = {}
    for r in results:
        if r["source"] == "csv":
            index[f"csv:{r['row']}"] = r
        else:
            index[f"{r['source']}:{r['rel']}"] = r
    return index


def _truth_forms(record: dict[str, Any], index: dict[str, dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """(form, worker result) for every form the truth record names that was converted."""
    out = []
    for f in record["forms"]:
        key = {"page": f"page:{f.get('page')}", "csv": f"csv:{f.get('csv_row')}",
               "pre2000": f"pre2000:{f.get('path')}", "seed": f"seed:{f.get('path')}"}[f["form"]]
        if key in index:
            out.append((f["form"], index[key]))
    return out


def _score_truth(o: Outcome, truth: list[dict[str, Any]], index: dict[str, dict[str, Any]],
                 cablemap: dict[str, dict[str, Any]], *, holdout: str = "") -> None:
    """Score records into the truth's tallies, or into holdout ``holdout``'s."""
    tallies = o.holdouts[holdout].tallies if holdout else o.tallies
    for record in truth:
        for form, source in _truth_forms(record, index):
            for sub, result in source["forms"].items():
                _tally(o, tallies, record, sub, result, source, "ours", holdout)
            if form == "page" and record["id"] in cablemap:
                cm = cablemap[record["id"]]
                theirs = {"subject": cm.get("subject"), "tags": cm.get("tags") or [],
                          "signer": compare.cablemap_signer(cm.get("signer")), "references": cm.get("references") or []}
                _tally(o, tallies, record, "cablemap", {"facts": theirs}, source, "cablemap", holdout)


def _tally(o: Outcome, tallies: dict[tuple[str, str], truthscore.Tally], record: dict[str, Any], form: str,
           result: dict[str, Any], source: dict[str, Any], parser: str, holdout: str) -> None:
    for spec, verdict, ambiguous in truthscore.score_one(record, form, result, source, parser):
        miss = {"cable": record["id"], "form": form, "field": spec.name, "parser": parser}
        if holdout:
            miss["truth"] = "holdout"
            miss["holdout"] = holdout
        before = len(tallies[(form, spec.name)].misses)
        tallies[(form, spec.name)].add(verdict, ambiguous, miss)
        if len(tallies[(form, spec.name)].misses) > before:
            o.misses.append(tallies[(form, spec.name)].misses[-1])


def _holdout_audits(held: Held, holdout: list[dict[str, Any]], index: dict[str, dict[str, Any]]) -> None:
    """The residue and ¶-anchor figures of one holdout's pages alone (page and pasted forms)."""
    items = [(form, record["id"], result) for record in holdout for _f, source in _truth_forms(record, index)
             for form, result in source["forms"].items() if form in ("page", "pasted", "csv")]
    held.residue = audits.residue_figures(items)
    held.anchors = audits.anchor_figures((f, n, r) for f, n, r in items if f in ("page", "pasted"))


def _score_holdouts(o: Outcome, holdout: list[dict[str, Any]], index: dict[str, dict[str, Any]],
                    cablemap: dict[str, dict[str, Any]]) -> None:
    """Each holdout (records grouped by their ``holdout`` mark) into its own figures."""
    sessions: dict[str, list[dict[str, Any]]] = {}
    for record in holdout:
        sessions.setdefault(record.get("holdout") or FIRST_HOLDOUT, []).append(record)
    for session, records in sessions.items():
        o.holdouts[session] = Held()
        _score_truth(o, records, index, cablemap, holdout=session)
        _holdout_audits(o.holdouts[session], records, index)


def _second_opinion(o: Outcome, pages: list[dict[str, Any]], truth_by_id: dict[str, dict[str, Any]],
                    cablemap: dict[str, dict[str, Any]]) -> None:
    for source in pages:
        result = source["forms"]["page"]
        ident = _name(source)
        cm = cablemap.get(ident)
        if cm is None or "failed" in result:
            o.second["(not compared)"]["pages"] += 1
            continue
        facts = result["facts"]
        for fld in secondop.FIELDS:
            mine = secondop.values(fld, facts, theirs=False)
            theirs = secondop.values(fld, cm, theirs=True)
            o.second[fld]["pages"] += 1
            if secondop.agree(fld, mine, theirs):
                o.second[fld]["agree"] += 1
                continue
            kind = secondop.bucket(fld, mine, theirs)
            o.second[fld][kind] += 1
            row = {"cable": ident, "page": source["rel"], "field": fld, "kind": kind, "ours": mine, "theirs": theirs}
            record = truth_by_id.get(ident)
            if record is not None and not truthscore.is_ambiguous(record, _spec(fld)):
                who = secondop.who_was_right(fld, record, mine, theirs)
                o.adjudicated[(fld, kind)][who] += 1
                row["truth_says"] = who
            o.disagreements.append(row)


def _spec(name: str) -> truthscore.Field:
    return next(s for s in truthscore.FIELDS if s.name == name)


#: the pre2000 files' forms compared with the scrape as read (label, form)
PRE2000_PAIRS = (("pre2000: scrape vs page", "pre2000 page"), ("pre2000: scrape vs pasted", "pre2000 pasted"))


def _forms_agreement(o: Outcome, pages_by_id: dict[str, dict[str, Any]], csv_rows: list[dict[str, Any]],
                     pre2000: list[dict[str, Any]]) -> None:
    pairs = []
    for source in pages_by_id.values():
        pairs.append(("page vs pasted", _name(source), source["forms"]["page"], source["forms"]["pasted"]))
    for source in pre2000:
        for label, form in PRE2000_PAIRS:
            if form in source["forms"]:
                pairs.append((label, _text_id(source), source["forms"]["pre2000"], source["forms"][form]))
    for source in csv_rows:
        page = pages_by_id.get(_name(source))
        if page is not None:
            pairs.append(("page vs CSV row", _name(source), page["forms"]["page"], source["forms"]["csv"]))
    for label, name, a, b in pairs:
        c = o.form_pairs[label]
        c["cables"] += 1
        if "failed" in a or "failed" in b:
            c["a form failed"] += 1
            o.misses.append({"cable": name, "form": label, "field": "forms:failed", "expected": a.get("failed"),
                             "got": b.get("failed")})
            continue
        diffs = audits.form_differences(a["facts"], b["facts"])
        if any(not ok for _f, ok in diffs):
            c["cables with a difference"] += 1
        for fld, ok in diffs:
            c[f"{'allowed' if ok else 'differs'}:{fld}"] += 1
            if not ok:
                o.misses.append({"cable": name, "form": label, "field": f"forms:{fld}",
                                 "expected": a["facts"].get(fld), "got": b["facts"].get(fld)})


def _safety(o: Outcome, results: list[dict[str, Any]], truth_by_id: dict[str, dict[str, Any]]) -> None:
    for source in results:
        name = _name(source)
        record = truth_by_id.get(name) or truth_by_id.get(_text_id(source))
        reference = record["classification"] if record else (source.get("table") or {}).get("classification")
        for form, result in source["forms"].items():
            c = o.safety[form]
            c["cables"] += 1
            if "failed" in result:
                c[f"failed:{result['failed']}"] += 1
                continue
            facts = result["facts"]
            if facts.get("level") is None:
                c["level unknown"] += 1
            problem = audits.classification_safety(facts, reference)
            if problem:
                c[problem] += 1
                o.misses.append({"cable": name, "form": form, "field": f"classification:{problem}",
                                 "expected": reference, "got": facts.get("level") or facts.get("shown_classification")})


def _text_id(source: dict[str, Any]) -> str:
    rel = str(source.get("rel") or "")
    stem = rel.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return "09BEIJING1463" if stem.startswith("seed-") else stem


def _browser(o: Outcome, pages: list[dict[str, Any]]) -> None:
    for source in pages:
        result = source["forms"].get("browser")
        if result is None:
            continue
        table = source["table"]
        b = o.browser
        b["cables"] += 1
        if "failed" in result:
            b[result["failed"]] += 1
            o.misses.append({"cable": _name(source), "form": "browser", "field": f"browser:{result['failed']}",
                             "expected": "a record", "got": result["message"]})
            continue
        facts = result["facts"]
        checks = {
            "id right": facts.get("id") == table.get("id"),
            "date right": (facts.get("date") or "")[:10] == (table.get("created") or "")[:10],
            "classification right or unknown":
                facts.get("level") in (None, audits.level_of(table.get("classification"))),
        }
        for label, ok in checks.items():
            b[label] += ok
            if not ok:
                o.misses.append({"cable": _name(source), "form": "browser", "field": f"browser:{label}",
                                 "expected": table, "got": {k: facts.get(k) for k in ("id", "date", "level")}})


def everything(
    results: list[dict[str, Any]], truth: list[dict[str, Any]], cablemap_rows: list[dict[str, Any]],
    holdout: list[dict[str, Any]] | None = None,
) -> Outcome:
    """Every figure; ``holdout`` (tests/truth/holdout.jsonl) is scored, one holdout apart from
    another, into tallies and audits of its own, and touches none of the truth's figures."""
    o = Outcome()
    index = _index(results)
    cablemap = {row["id"]: row for row in cablemap_rows}
    pages = sorted((r for r in results if r["source"] == "page"), key=lambda r: r["rel"])
    csv_rows = sorted((r for r in results if r["source"] == "csv"), key=lambda r: int(r["row"]))
    pages_by_id = {_name(r): r for r in pages}
    truth_by_id = {r["id"]: r for r in truth}
    truth_pages = {r["id"]: r for r in truth if any(f["form"] == "page" for f in r["forms"])}
    for r in results:
        for form, result in r["forms"].items():
            o.counts[f"{form}:sources"] += 1
            if "failed" in result:
                o.counts[f"{form}:{result['failed']}"] += 1
    _score_truth(o, truth, index, cablemap)
    if holdout:
        _score_holdouts(o, holdout, index, cablemap)
    _second_opinion(o, pages, truth_pages, cablemap)
    items = [(form, _name(r), res) for r in results for form, res in r["forms"].items() if form != "browser"]
    o.residue = audits.residue_figures(items)
    o.anchors = audits.anchor_figures((f, n, res) for f, n, res in items if f in ANCHORED)
    o.misses += o.residue["misses"] + o.anchors["misses"]
    pairs = []
    for record in truth_pages.values():
        if "paragraphs" in (record.get("ambiguous") or []):
            continue
        page = pages_by_id.get(record["id"])
        if page is not None:
            pairs.append((page["anchor_numbers"], record["paragraphs"]))
    o.anchor_rule = audits.anchor_rule_agreement(pairs)
    _forms_agreement(o, pages_by_id, csv_rows, [r for r in results if r["source"] == "pre2000"])
    o.counts["pre2000 page:left out"] = sum(1 for r in results if r["source"] == "pre2000"
                                            and "pre2000 page" not in r["forms"])
    _safety(o, results, truth_by_id)
    _browser(o, pages)
    return o
