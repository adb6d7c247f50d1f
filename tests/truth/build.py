"""Assemble tests/truth/truth.jsonl from the reviews (reviews/*.jsonl).

Each review line names a cable ("id") and the fields as decided by reading it. A field the
review does not name was read and found equal to the regex draft shown beside the text
(view.py), so the draft value is taken; a cable without a review line is not written.
Keys come out in the order the truth file's README gives.

  python tests/truth/build.py --corpus /tmp/corpus
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
         "second_cable", "second_cable_id", "checked", "notes", "ambiguous"]
OPTIONAL = {"signer_line", "second_cable_id", "ambiguous", "notes"}
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
        d["origin"] = info["meta"][4]
    if d["summary"]:
        d["summary"] = {"start": d["summary"]["start"], "end": d["summary"]["end"]}
    rec.update({k: v for k, v in d.items() if not k.startswith("_")})
    rec.setdefault("tag_phrases", [])
    rec.setdefault("references_other", [])
    rec["second_cable"] = False
    rec["checked"] = DEFAULT_CHECKED
    return rec


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    a = ap.parse_args()
    csvi = csv_index()
    out = []
    seen = set()
    for rf in sorted((HERE / "reviews").glob("*.jsonl")):
        for ln in rf.read_text(encoding="utf-8").splitlines():
            if not ln.strip():
                continue
            rv = json.loads(ln)
            cid = rv.pop("id")
            rec = base(cid, a.corpus, csvi)
            if rec["id"] in seen:
                raise SystemExit(f"{cid} reviewed twice")
            seen.add(rec["id"])
            unknown = set(rv) - set(ORDER)
            if unknown:
                raise SystemExit(f"{cid}: unknown keys {unknown}")
            rec.update(rv)
            rec["paragraph_count"] = len(rec["paragraphs"])
            out.append({k: rec[k] for k in ORDER if k in rec and (k not in OPTIONAL or rec[k])})
    with open(HERE / "truth.jsonl", "w", encoding="utf-8") as fh:
        for r in out:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"{len(out)} records", file=sys.stderr)


if __name__ == "__main__":
    main()
