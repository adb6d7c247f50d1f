"""Print cables for reading: preamble, every paragraph-number line, the closing, and the
regex draft of the truth fields (draft.py) to be checked against the text by eye.

  python tests/truth/view.py --corpus /tmp/corpus ID [ID ...]     (ids from selection.tsv,
  a pre2000 id, or SEED)      --full prints the whole text instead of the compact view.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import cabletext
import draft

HERE = Path(__file__).resolve().parent


#: the selection files: the truth's pages, then each holdout's, with the holdout it belongs to
SELECTIONS = (("selection.tsv", ""), ("selection-holdout.tsv", "session 7"),
              ("selection-holdout-s12.tsv", "session 12"), ("selection-holdout-s13.tsv", "session 13"),
              ("selection-holdout-s14.tsv", "session 14"), ("selection-holdout-s15.tsv", "session 15"),
              ("selection-holdout-s16.tsv", "session 16"), ("selection-holdout-s17.tsv", "session 17"),
              ("selection-holdout-s18.tsv", "session 18"), ("selection-holdout-s19.tsv", "session 19"),
              ("selection-holdout-s23.tsv", "session 23"),
              ("selection-holdout-s24.tsv", "session 24"),
              ("selection-holdout-s25.tsv", "session 25"),
              ("selection-holdout-s27.tsv", "session 27"),
              ("selection-holdout-s28.tsv", "session 28"),
              ("selection-holdout-s29.tsv", "session 29"),
              ("selection-holdout-s30.tsv", "session 30"),
              ("selection-holdout-s31.tsv", "session 31"),
              ("selection-holdout-s32.tsv", "session 32"),
              ("selection-holdout-s33.tsv", "session 33"),
              ("selection-holdout-s34.tsv", "session 34"),
              ("selection-holdout-s35.tsv", "session 35"),
              ("selection-holdout-s36.tsv", "session 36"),
              ("selection-holdout-s37.tsv", "session 37"),
              ("selection-holdout-s38.tsv", "session 38"),
              ("selection-holdout-s39.tsv", "session 39"),
              ("selection-holdout-s40.tsv", "session 40"),
              ("selection-holdout-s41.tsv", "session 41"),
              ("selection-holdout-s42.tsv", "session 42"),
              ("selection-holdout-s43.tsv", "session 43"),
              ("selection-holdout-s44.tsv", "session 44"),
              ("selection-holdout-s45.tsv", "session 45"),
              ("selection-holdout-s46.tsv", "session 46"),
              ("selection-holdout-s47.tsv", "session 47"),
              ("selection-holdout-s48.tsv", "session 48"),
              ("selection-holdout-s49.tsv", "session 49"),
              ("selection-holdout-s50.tsv", "session 50"),
              ("selection-holdout-s51.tsv", "session 51"),
              ("selection-holdout-s52.tsv", "session 52"),
              ("selection-holdout-s53.tsv", "session 53"),
              ("selection-holdout-s54.tsv", "session 54"),
              ("selection-holdout-s55.tsv", "session 55"),
              ("selection-holdout-s56.tsv", "session 56"),
              ("selection-holdout-s57.tsv", "session 57"),
              ("selection-holdout-s58.tsv", "session 58"),
              ("selection-holdout-s59.tsv", "session 59"),
              ("selection-holdout-s60.tsv", "session 60"),
              ("selection-holdout-s61.tsv", "session 61"),
              ("selection-holdout-s62.tsv", "session 62"),
              ("selection-holdout-s63.tsv", "session 63"),
              ("selection-holdout-s64.tsv", "session 64"),
              ("selection-holdout-s65.tsv", "session 65"),
              ("selection-holdout-s66.tsv", "session 66"),
              ("selection-holdout-s67.tsv", "session 67"),
              ("selection-holdout-s68.tsv", "session 68"),
              ("selection-holdout-s69.tsv", "session 69"),
              ("selection-holdout-s70.tsv", "session 70"),
              ("selection-holdout-s71.tsv", "session 71"),
              ("selection-holdout-s72.tsv", "session 72"),
              ("selection-holdout-s73.tsv", "session 73"),
              ("selection-holdout-s74.tsv", "session 74"),
              ("selection-holdout-s75.tsv", "session 75"),
              ("selection-holdout-s76.tsv", "session 76"),
              ("selection-holdout-s77.tsv", "session 77"),
              ("selection-holdout-s78.tsv", "session 78"),
              ("selection-holdout-s79.tsv", "session 79"),
              ("selection-holdout-s80.tsv", "session 80"),
              ("selection-holdout-s81.tsv", "session 81"),
              ("selection-holdout-s82.tsv", "session 82"),
              ("selection-holdout-s83.tsv", "session 83"),
              ("selection-holdout-s84.tsv", "session 84"),
              ("selection-holdout-s85.tsv", "session 85"),
              ("selection-holdout-s86.tsv", "session 86"),
              ("selection-holdout-s87.tsv", "session 87"),
              ("selection-holdout-s88.tsv", "session 88"),
              ("selection-holdout-s89.tsv", "session 89"),
              ("selection-holdout-s90.tsv", "session 90"),
              ("selection-holdout-s91.tsv", "session 91"))


def selection() -> dict[str, dict]:
    rows = {}
    for name, held in SELECTIONS:
        lines = (HERE / name).read_text().splitlines()
        head = lines[0].split("\t")
        for ln in lines[1:]:
            cells = ln.split("\t")
            rows[cells[0]] = {**dict(zip(head, cells, strict=False)), **({"holdout": held} if held else {})}
    return rows


def meta_table(html: str) -> list[str]:
    i = html.find("<table class='cable'>")
    j = html.find("</table>", i)
    return [re.sub(r"<[^>]+>", "", c).strip() for c in re.findall(r"<td>(.*?)</td>", html[i:j], re.S)]


def pre2000_files() -> dict[str, Path]:
    return {p.stem: p for p in cabletext.PRE2000.rglob("*.txt")}


def load(cid: str, corpus: str | None):
    """(header, body, info) of a cable."""
    sel = selection()
    if cid == "SEED" or cid == "09BEIJING1463S":
        t = cabletext.SEED.read_text(encoding="utf-8")
        return t, t, {"form": "seed", "year": 2009}
    if cid in sel:
        html = cabletext.read_page(sel[cid]["page"], corpus)
        blocks = cabletext.page_blocks(html)
        header, body = (blocks[0], blocks[-1]) if len(blocks) > 1 else ("", blocks[0] if blocks else "")
        return header, body, {**sel[cid], "form": "page", "year": int(sel[cid]["year"]),
                              "meta": meta_table(html), "nblocks": len(blocks)}
    pf = pre2000_files()
    if cid in pf:
        t = pf[cid].read_text(encoding="utf-8")
        meta = t.split("\n")[:5]
        rest = "\n".join(t.split("\n")[5:])
        return rest, rest, {"form": "pre2000", "year": int(meta[2].split()[-1]), "meta": meta,
                            "path": str(pf[cid].relative_to(cabletext.SHARED))}
    raise KeyError(cid)


def show(cid: str, corpus: str | None, full: bool) -> None:
    header, body, info = load(cid, corpus)
    print(f"=================== {cid}  {info.get('form')} {info.get('page', info.get('path', ''))} "
          f"meta={info.get('meta')}")
    if full:
        if info["form"] == "page":
            print(header)
            print("------- body -------")
        print(body)
        return
    if info["form"] == "page":
        fm = [ln for ln in header.split("\n") if ln.startswith("FM ")]
        print("HDR-FM:", fm, "blocks:", info.get("nblocks"))
    lines = draft.clean_lines(body)
    fp = draft.first_para_index(lines)
    pre = lines[:fp]
    if info["form"] != "page":
        # pasted/pre2000 text: start at the banner or after the routing block
        pass
    print("--- preamble ---")
    for ln in pre[-40:] if len(pre) > 40 else pre:
        if ln.strip():
            print("|", ln[:150])
    print("--- paragraph lines ---")
    for k, ln in enumerate(lines):
        if k >= fp and re.match(r"^\s*¶?\s*\d{1,4}\s?[.)]", ln):
            print(f"{k:4d}| {ln[:50]}")
    inl = [(k, m.group(1)) for k, ln in enumerate(lines) for m in
           re.finditer(r"\S\s+(\d{1,2})\s?\.\s*\((?:U|C|S|SBU|S/NF|C/NF|SBU/NF|U/FOUO|C/REL[^)]*)\)", ln)]
    if inl:
        print("  INLINE-NUMBERED:", inl)
    for k, ln in enumerate(lines):
        m = re.search(r"end (of )?summary", ln, re.I)
        if m:
            print(f"  ENDSUM {k:4d}| ...{ln[max(0, m.start() - 90):m.end() + 5]}")
        if re.search(r"VZCZC|^FM |Cable dated|header ends|CABLE ENDS|^id: |<<\d+>>", ln):
            print(f"  mark {k:4d}| {ln[:90]}")
    print("--- last 15 lines ---")
    tail = [(k, ln) for k, ln in enumerate(lines) if ln.strip()][-5:]
    for k, ln in tail:
        print(f"{k:4d}| {ln[-120:]}")
    d = draft.draft(header, body, info["year"])
    print("--- DRAFT ---")
    d.pop("tag_persons") if not d["tag_persons"] else None
    print(json.dumps(d, ensure_ascii=False))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus")
    ap.add_argument("--full", action="store_true")
    ap.add_argument("ids", nargs="+")
    a = ap.parse_args()
    for cid in a.ids:
        show(cid, a.corpus, a.full)


if __name__ == "__main__":
    main()
