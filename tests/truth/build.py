"""Record the reading of cables, and assemble tests/truth/truth.jsonl.

  python tests/truth/build.py accept BATCH --corpus DIR < decisions.jsonl
      each input line names a cable ("id") and the fields as decided by reading it
      (view.py shows text and draft side by side). A field the line does not name was read
      and found equal to the regex draft, so the draft value is taken. The full record, as
      decided at that moment, is appended to reviews/BATCH.jsonl (drafts changed later
      cannot alter it).
  python tests/truth/build.py build
      writes truth.jsonl from reviews/*.jsonl in file order, keys in README order, and
      holdout.jsonl from reviews/holdout-*.jsonl (the session-7, -12, -13, -14, -15, -16, -17,
      -18, -19, -23, -24, -25, -27, -28, -29, -30, -31, -32, -33, -34, -35, -36, -37, -38, -39, -40, -41,
      -42, -43, -44, -45, -46, -47, -48, -49, -50, -51, -52, -53, -54, -55, -56, -57,
      -58, -59, -60, -61, -62, -63, -64, -65, -66, -67, -68, -69, -70, -71, -72, -73,
      -74, -75, -76, -77, -78, -79, -80, -81, -82, -83, -84, -85, -86, -87, -88, -89, -90 and -91
      holdouts, kept apart, each record naming its holdout), each record with the later reading of
      corrections.jsonl applied (its notes say so).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import cabletext  # noqa: E402
import draft  # noqa: E402
import view  # noqa: E402

ORDER = ["id", "year", "forms", "selection", "subject", "tags", "tag_persons", "tag_phrases",
         "signer", "signer_line", "references", "references_year_inferred", "references_other",
         "paragraphs", "paragraph_count", "summary", "classification", "caveats", "origin",
         "second_cable", "second_cable_id", "checked", "notes", "ambiguous", "holdout"]
OPTIONAL = {"signer_line", "second_cable_id", "ambiguous", "notes", "holdout"}
HOLDOUT = "holdout-"  # reviews/holdout-*.jsonl go to holdout.jsonl, the others to truth.jsonl
DEFAULT_CHECKED = "preamble+closing read; paragraph lines listed by script and read"


def csv_index() -> dict[str, str]:
    return {row[2]: row[0] for row in cabletext.csv_rows()}


def base(cid: str, corpus: str | None, csvi: dict[str, str]) -> dict:
    header, body, info = view.load(cid, corpus)
    d = draft.draft(header, body, info["year"])
    rec: dict = {"id": cid, "year": info["year"]}
    if info["form"] == "seed":
        rec["id"] = "09BEIJING1463"
        rec["forms"] = [{"form": "seed", "path": "seed-09BEIJING1463.txt"}]
        rec["selection"] = "seed"
        d["origin"] = None
    elif info["form"] == "pre2000":
        rec["forms"] = [{"form": "pre2000", "path": info["path"]}]
        rec["selection"] = "all-pre2000"
        d["origin"] = info["meta"][4]
    else:
        rec["forms"] = [{"form": "page", "page": info["page"]}]
        if cid in csvi:
            rec["forms"].append({"form": "csv", "csv_row": csvi[cid]})
        rec["selection"] = info["selection"]
        if info["selection"] == "holdout":
            rec["holdout"] = info["holdout"]
        d["origin"] = info["meta"][4]
    if d["summary"]:
        d["summary"] = {"start": d["summary"]["start"], "end": d["summary"]["end"]}
    rec.update({k: v for k, v in d.items() if not k.startswith("_")})
    rec.setdefault("tag_phrases", [])
    rec.setdefault("references_other", [])
    rec["second_cable"] = False
    rec["checked"] = DEFAULT_CHECKED
    return rec


def accept(corpus: str | None, batch: str) -> None:
    csvi = csv_index()
    done = {json.loads(ln)["id"] for rf in (HERE / "reviews").glob("*.jsonl")
            for ln in rf.read_text(encoding="utf-8").splitlines() if ln.strip()}
    out = []
    for ln in sys.stdin.read().splitlines():
        if not ln.strip():
            continue
        rv = json.loads(ln)
        cid = rv.pop("id")
        rec = base(cid, corpus, csvi)
        if rec["id"] in done:
            raise SystemExit(f"{cid} reviewed twice")
        done.add(rec["id"])
        unknown = set(rv) - set(ORDER)
        if unknown:
            raise SystemExit(f"{cid}: unknown keys {unknown}")
        rec.update(rv)
        if rec.get("summary"):  # the reader pastes at least six words; keep exactly six
            s = rec["summary"]
            rec["summary"] = {"start": " ".join(s["start"].split()[:6]),
                              "end": " ".join(s["end"].split()[-6:])}
        rec["paragraph_count"] = len(rec["paragraphs"])
        if rec.get("second_cable_id"):
            rec["second_cable"] = True
        out.append({k: rec[k] for k in ORDER if k in rec and (k not in OPTIONAL or rec[k])})
    with open(HERE / "reviews" / f"{batch}.jsonl", "a", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} records accepted into {batch}", file=sys.stderr)


#: later readings that correct a frozen record: one line per cable, its id, the fields as read
#: again and ``why`` (what the first reading missed); applied by ``build``, the review batches
#: themselves stay as they were written
CORRECTIONS = HERE / "corrections.jsonl"


def _corrected(line: str, corrections: dict[str, list[dict[str, object]]]) -> str:
    """The record with each of its corrections applied in the file's order (a later reading of the
    same field wins), each one's reason added to its notes."""
    rec = json.loads(line)
    fixes = corrections.get(rec["id"])
    if not fixes:
        return line
    for fix in fixes:
        rec.update({k: v for k, v in fix.items() if k not in ("id", "why")})
        rec["notes"] = f"{rec.get('notes', '')} [corrected: {fix['why']}]".strip()
    return json.dumps({k: rec[k] for k in ORDER if k in rec}, ensure_ascii=False)


def build() -> None:
    lines = CORRECTIONS.read_text(encoding="utf-8").splitlines() if CORRECTIONS.exists() else []
    corrections: dict[str, list[dict[str, object]]] = {}
    for fix in map(json.loads, filter(str.strip, lines)):
        corrections.setdefault(fix["id"], []).append(fix)
    for target, holdout in (("truth.jsonl", False), ("holdout.jsonl", True)):
        out = []
        for rf in sorted((HERE / "reviews").glob("*.jsonl")):
            if rf.name.startswith(HOLDOUT) == holdout:
                out += [_corrected(ln, corrections) for ln in rf.read_text(encoding="utf-8").splitlines() if ln.strip()]
        ids = [json.loads(ln)["id"] for ln in out]
        assert len(ids) == len(set(ids)), "duplicate ids"
        (HERE / target).write_text("\n".join(out) + "\n", encoding="utf-8")
        print(f"{target}: {len(out)} records", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["accept", "build"])
    ap.add_argument("batch", nargs="?")
    ap.add_argument("--corpus")
    a = ap.parse_args()
    if a.cmd == "accept":
        accept(a.corpus, a.batch)
    else:
        build()


if __name__ == "__main__":
    main()
