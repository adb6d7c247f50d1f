"""``--sample KIND N``: read disagreements of one kind by eye, with the text around them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from . import inputs

#: where in the pasted text a field is written: a pattern for the line(s) to show
WHERE = {
    "subject": re.compile(r"^\s*SUBJ(?:ECT)?\b", re.I | re.M),
    "tags": re.compile(r"^\s*TAGS?\b", re.I | re.M),
    "references": re.compile(r"^\s*REF", re.I | re.M),
}


def _clip(line: str, width: int = 240) -> str:
    return line if len(line) <= width else f"{line[: width // 2]} […] {line[-width // 2 :]}"


def context(text: str, field: str, lines_around: int = 6) -> str:
    """The lines around the place a field is written (the signer: the last lines); a very
    long line (an unwrapped paragraph) shows its start and end."""
    rows = [_clip(line) for line in text.rstrip().split("\n")]
    if field == "signer":
        return "\n".join(rows[-14:])
    m = WHERE[field].search(text)
    if m is None:
        return "(no such field line found)\n" + "\n".join(rows[:20])
    at = text.count("\n", 0, m.start())  # same line count: _clip keeps one row per line
    return "\n".join(rows[max(0, at - 2) : at + lines_around])


def print_sample(path: Path, kind: str, n: int, root: Path, seed: int) -> int:
    if not path.exists():
        print(f"{path}: not found; run scripts/eval_fidelity.py first")
        return 2
    field, _, bucket = kind.partition(":")
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    chosen = [r for r in rows if r["field"] == field and (not bucket or r["kind"] == bucket)]
    if not chosen:
        kinds = sorted({f"{r['field']}:{r['kind']}" for r in rows})
        print(f"no disagreement of kind {kind}; kinds: {', '.join(kinds)}")
        return 2
    random.Random(seed).shuffle(chosen)  # noqa: S311 - a draw, not a secret
    print(f"{len(chosen)} disagreements of kind {kind}; {min(n, len(chosen))} drawn (seed {seed})\n")
    for row in chosen[:n]:
        text = inputs.pasted_text((root / row["page"]).read_text(encoding="utf-8"))
        print(f"== {row['cable']} ({row['page']}) {row['field']}:{row['kind']}"
              + (f"  truth says: {row['truth_says']} right" if "truth_says" in row else ""))
        print(f"   ours:     {row['ours']!r}\n   cablemap: {row['theirs']!r}")
        print("   ---- text ----")
        print("\n".join("   | " + line for line in context(text, field).split("\n")))
        print()
    return 0
