"""``--sample KIND N``: read disagreements of one kind by eye, with the text around them."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

from . import inputs

#: where in the pasted text a field is written: a pattern for the line(s) to show (the label
#: in capitals, or in any case before a colon: not a body line that begins ``subject to``)
WHERE = {
    "subject": re.compile(r"^\s*(?:SUBJ(?:ECT)?\b|(?i:subj(?:ect)?)\s*:)", re.M),
    "tags": re.compile(r"^\s*(?:TAGS?\b|(?i:tags?)\s*:)", re.M),
    "references": re.compile(r"^\s*(?:REF|(?i:ref\w*)\s*:)", re.M),
}
#: the same label glued inside a line (``... E.O. 12958: N/A TAGS: KNNP ...``, ``"TAGS: PINR``,
#: ``... QIZ REF: 09 CAIRO 02239``, a media wrapper's second copy flattened to one line)
GLUED = {
    "subject": re.compile(r"\bSUBJECT\s*:", re.I),
    "tags": re.compile(r"\bTAGS?\s*:", re.I),
    "references": re.compile(r"\bREF(?:S|TEL)?\s*:", re.I),
}
#: at most this many places are shown: a media wrapper prints a cut copy of the preamble and
#: then the whole cable, a database row a third copy
COPIES = 3


def _clip(line: str, width: int = 240, at: int | None = None) -> str:
    """A long line's start and end; with ``at`` (where a label begins in it), ``width``
    characters from just before the label."""
    if len(line) <= width:
        return line
    if at is None:
        return f"{line[: width // 2]} […] {line[-width // 2 :]}"
    begin = max(0, at - 40)
    return ("[…] " if begin else "") + line[begin : begin + width] + (" […]" if begin + width < len(line) else "")


def context(text: str, field: str, lines_around: int = 6) -> str:
    """The lines around each place a field is written (up to ``COPIES`` places, in text order:
    a media wrapper's cut copy and the whole cable's; a label glued inside a line counts), the
    signer: the last lines; a very long line (an unwrapped paragraph) shows its start and end,
    a long line holding the label 400 characters from the label on."""
    lines = text.rstrip().split("\n")
    rows = [_clip(line) for line in lines]
    if field == "signer":
        return "\n".join(rows[-14:])
    found = sorted({m.start() for pattern in (WHERE[field], GLUED[field]) for m in pattern.finditer(text)})
    if not found:
        return "(no such field line found)\n" + "\n".join(rows[:20])
    labels: dict[int, int] = {}  # line -> offset of the (first) label in it
    for start in found:
        labels.setdefault(text.count("\n", 0, start), start - (text.rfind("\n", 0, start) + 1))
    spans: list[list[int]] = []  # [first, end) lines; windows that touch are one
    for at in sorted(labels):
        if spans and at - 2 <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], at + lines_around)
        else:
            spans.append([max(0, at - 2), at + lines_around])
    windows = []
    for first, end in spans[:COPIES]:
        last = min(end, len(lines))
        shown = [_clip(lines[i], 400, labels[i]) if i in labels else rows[i] for i in range(first, last)]
        windows.append("\n".join(shown))
    return "\n---- again ----\n".join(windows)


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
