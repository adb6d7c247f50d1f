#!/usr/bin/env python3
"""The text form as users save it (issue 10): a metamorphic check of the text reader.

For each cablegate page the pasted text is made as ``eval_fidelity`` makes it (header, a
blank line, body: :func:`fidelity.inputs.pasted_text`); then each variant a user's copy may
carry (:mod:`fidelity.variants`: CR LF, a BOM, UTF-16, cp1252, curled quotes, tabs,
non-breaking spaces, form feeds, re-wrapped or unwrapped lines, an e-mail's ``> ``, doubled
line breaks …) is made into a file's bytes and read as the command line reads a file (form
detected from the bytes, :func:`fidelity.ours.from_bytes`). Each variant's JSON record must
agree with the plain pasted text's on id, date, classification with caveats, origin,
subject, TAGS, signer, references, paragraph numbers and the summary span. Prints one table
(variant x field, agreement %; "files": pages whose bytes the variant changed; "hint": files
refused with the remedy named, then read as it says); every disagreement goes to
build/forms-disagreements.jsonl.

Text fields are compared as ``fidelity.compare.text`` compares them (white space and
typographic quotes normalised) with an en or em dash read as ``--``: what a variant itself
changed in the words is not a disagreement.

    python scripts/eval_forms.py --corpus DIR [--cables N] [--jobs 2] [--variants crlf,word]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from fidelity import compare, inputs, ours
from fidelity.variants import VARIANTS

FIELDS = ("converted", "id", "date", "classification", "origin", "subject", "tags", "signer", "references",
          "paragraphs", "summary")
_DASHES = str.maketrans({"\u2013": "--", "\u2014": "--"})


def _text(value: object) -> str:
    return compare.text(None if value is None else str(value).translate(_DASHES))


def view(facts: dict[str, Any]) -> dict[str, Any]:
    """The compared fields of one record, each as it is compared."""
    return {
        "id": facts["id"],
        "date": facts["date"],
        "classification": [facts["classification"], sorted(_text(c) for c in facts["caveats"])],
        "origin": facts["origin"],
        "subject": _text(facts["subject"]),
        "tags": [_text(t) for t in facts["tags"]],
        "signer": _text(facts["signer"]),
        "references": sorted(facts["references"]),
        "paragraphs": facts["paragraphs"],
        "summary": compare.words(_text(facts["summary"])),
    }


#: the remedy the command line's refusal of a file that is not UTF-8 names
_HINT = "rerun with --encoding cp1252"


def _record(data: bytes, name: str, encoding: str | None = None) -> dict[str, Any]:
    """The compared fields of the file's record; where the command line refuses the file and
    names the remedy (``--encoding cp1252``), the record a user gets who follows it, marked
    ``hinted``."""
    try:
        return view(ours.facts(ours.from_bytes(data, name, encoding=encoding), with_shown=False))
    except ours.Failed as exc:
        if encoding is None and _HINT in str(exc):
            return {**_record(data, name, "cp1252"), "hinted": True}
        return {"failed": f"{exc.kind}: {exc}"}


def page_task(task: tuple[str, str, tuple[str, ...]]) -> dict[str, Any]:
    root, rel, names = task
    pasted = inputs.pasted_text((Path(root) / rel).read_text(encoding="utf-8"))
    plain = pasted.encode("utf-8")
    base = _record(plain, rel)
    out: dict[str, Any] = {"rel": rel, "base_failed": "failed" in base, "variants": {}}
    for name in names:
        data = VARIANTS[name](pasted)
        if data == plain:
            out["variants"][name] = {"same_bytes": True}
            continue
        got = _record(data, f"{rel} ({name})")
        if "failed" in got:
            out["variants"][name] = {"failed": got["failed"]}
            continue
        out["variants"][name] = {"diff": {f: [base.get(f), got[f]] for f in FIELDS[1:] if got[f] != base.get(f)},
                                 **({"hinted": True} if got.get("hinted") else {})}
    return out


def sample(pages: list[str], n: int) -> list[str]:
    """Every k-th page of the sorted list: spread over the years as the corpus is."""
    if not n or n >= len(pages):
        return pages
    step = len(pages) / n
    return [pages[int(i * step)] for i in range(n)]


def table(results: list[dict[str, Any]], names: tuple[str, ...]) -> str:
    heads = ["variant", "files", "hint", *[f[:6] for f in FIELDS]]
    rows = [" | ".join(heads), " | ".join("---" for _ in heads)]
    usable = [r for r in results if not r["base_failed"]]
    for name in names:
        outcomes = [r["variants"][name] for r in usable]
        changed = sum(1 for o in outcomes if not o.get("same_bytes"))
        cells = [name, f"{changed}", f"{sum(1 for o in outcomes if o.get('hinted'))}"]
        for field in FIELDS:
            if field == "converted":
                bad = sum(1 for o in outcomes if "failed" in o)
            else:
                bad = sum(1 for o in outcomes if "failed" in o or field in o.get("diff", {}))
            cells.append(f"{100 * (len(outcomes) - bad) / max(1, len(outcomes)):.1f}")
        rows.append(" | ".join(cells))
    return "\n".join(f"| {row} |" for row in rows)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", required=True, help="folder of unpacked cablegate pages (cable/YYYY/MM/)")
    ap.add_argument("--cables", type=int, default=0, help="a sample of N pages spread over the corpus (0: all)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--variants", default="", help="comma-separated variant names (default: all)")
    ap.add_argument("--out", default="build/forms-disagreements.jsonl")
    args = ap.parse_args()
    names = tuple(v for v in args.variants.split(",") if v) or tuple(VARIANTS)
    unknown = [v for v in names if v not in VARIANTS]
    if unknown:
        raise SystemExit(f"unknown variants: {', '.join(unknown)} (known: {', '.join(VARIANTS)})")
    root = Path(args.corpus)
    pages = sample(sorted(str(p.relative_to(root)) for p in (root / "cable").rglob("*.html")), args.cables)
    if not pages:
        raise SystemExit(f"{root}: no cable/YYYY/MM/*.html pages here")
    wall = time.perf_counter()
    with multiprocessing.Pool(args.jobs) as pool:
        results = sorted(pool.imap_unordered(page_task, [(str(root), rel, names) for rel in pages], chunksize=4),
                         key=lambda r: r["rel"])
    print(f"{len(results)} pages x {len(names)} variants in {time.perf_counter() - wall:.0f} s "
          f"({sum(r['base_failed'] for r in results)} pasted texts refused, left out)", file=sys.stderr)
    print(table(results, names))
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    lines = 0
    with open(args.out, "w", encoding="utf-8") as out:
        for r in results:
            for name, o in r["variants"].items():
                if "failed" in o or o.get("diff"):
                    out.write(json.dumps({"rel": r["rel"], "variant": name, **o}, ensure_ascii=False) + "\n")
                    lines += 1
    print(f"\nEvery disagreement: {args.out} ({lines} lines).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
