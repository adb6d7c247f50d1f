"""Consistency checks of truth.jsonl against the cables' own text (tests/truth only).

Not a source of truth: it flags records whose recorded strings cannot be found in the text
(after whitespace is collapsed), malformed ids, and internal inconsistencies, so that the
reader can look again. Run: python tests/truth/check.py --corpus DIR [--file holdout.jsonl]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import view  # noqa: E402

ID_RE = re.compile(r"^\d\d[A-Z]+\d+$")


def norm(s: str) -> str:
    s = s.replace("\\\n", " ").replace("\\ ", " ")
    return re.sub(r"\s+", " ", s)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--file", default="truth.jsonl", help="truth.jsonl (default) or holdout.jsonl")
    a = ap.parse_args()
    problems = 0
    for ln in (HERE / a.file).read_text(encoding="utf-8").splitlines():
        r = json.loads(ln)
        cid = "SEED" if r["selection"] == "seed" else r["id"]
        header, body, _info = view.load(cid, a.corpus)
        text = norm(header + " " + body)
        textnb = norm(re.sub(r"(?m)^\s*\S.*\d{5,8}\s+\d{3}(\.\d)?\s+OF\s+\d{3}\s*$", " ", header + "\n" + body))
        out = []
        if r["subject"] and norm(r["subject"]) not in textnb and norm(r["subject"]) not in text:
            out.append("subject not found verbatim")
        for t in r["tags"]:
            if not re.search(r"\b" + t, text.upper()):
                out.append(f"tag {t} not in text")
        if r["signer"] and r["signer"] not in text:
            out.append("signer not in text")
        for k in ("start", "end"):
            if r["summary"] and norm(r["summary"][k]) not in textnb and norm(r["summary"][k]) not in text:
                out.append(f"summary {k} not found")
        for ref in r["references"]:
            if not ID_RE.match(ref):
                out.append(f"bad ref id {ref}")
        if not set(r["references_year_inferred"]) <= set(r["references"]):
            out.append("inferred not subset")
        if r["paragraph_count"] != len(r["paragraphs"]):
            out.append("count mismatch")
        if r["signer"] in ("NNNN", "NNN", "BT"):
            out.append("bad signer")
        if out:
            problems += 1
            print(r["id"], "; ".join(out))
    print(f"{problems} records flagged", file=sys.stderr)


if __name__ == "__main__":
    main()
