"""The Markdown report: one summary table with the issue's targets, then the details."""

from __future__ import annotations

from collections import Counter

from . import residue, secondop, truthscore
from .tally import Outcome

COLUMNS = ("page", "pasted", "csv", "pre2000", "pre2000 page", "pre2000 pasted", "seed", "browser", "cablemap")
HEADS = ("page", "pasted text", "CSV row", "pre2000", "pre2000 page", "pre2000 pasted", "seed", "browser copy",
         "cablemap (pages)")


def pct(ok: int, n: int) -> str:
    return f"{100 * ok / n:.1f}" if n else "—"


def cell(ok: int, n: int, *, seed: bool = False) -> str:
    if not n:
        return "—"
    if seed and n == 1:
        return "✓" if ok else "✗"
    return f"{pct(ok, n)} ({ok}/{n})"


def _row(label: str, cells: list[str], target: str) -> str:
    return "| " + " | ".join([label, *cells, target]) + " |"


def main_table(o: Outcome) -> list[str]:
    lines = [
        "| field | " + " | ".join(HEADS) + " | target |",
        "|---" * (len(HEADS) + 2) + "|",
    ]
    for spec in truthscore.FIELDS:
        cells = []
        for form in COLUMNS:
            t = o.tallies.get((form, spec.name))
            cells.append(cell(t.ok, t.n, seed=form == "seed") if t else "—")
        lines.append(_row(spec.label + " (% right)", cells, spec.target))
    a = o.anchors["forms"]
    lines.append(_row("page ¶ anchors that have a numbered paragraph (%)",
                      [cell(a[f]["matched"], a[f]["anchors"]) if f in a else "—" for f in COLUMNS], "≥ 99 %"))
    r = o.residue["forms"]
    lines.append(_row("cables with teletype residue in the reading text (%)",
                      [cell(r[f]["with residue"], r[f]["cables"]) if f in r else "—"
                       for f in COLUMNS], "≤ 2 %"))
    fp = o.form_pairs
    agree = {"pasted": fp.get("page vs pasted"), "csv": fp.get("page vs CSV row"),
             "pre2000 page": fp.get("pre2000: scrape vs page"), "pre2000 pasted": fp.get("pre2000: scrape vs pasted")}
    lines.append(_row("record agrees with the page's (pre2000 forms: the scrape's), but for table-only facts (%)",
                      [cell(c["cables"] - c["cables with a difference"] - c["a form failed"], c["cables"])
                       if (c := agree.get(f)) else "—" for f in COLUMNS], "100 %"))
    s = o.safety
    lines.append(_row("classified cable shown UNCLASSIFIED, not found in the text (cables)",
                      [str(s[f]["silent-unclassified"]) if f in s else "—" for f in COLUMNS], "0"))
    lines.append(_row("crashes / refusals (cables)",
                      [f"{o.counts[f + ':crash']} / {o.counts[f + ':error']}" if o.counts[f + ":sources"] else "—"
                       for f in COLUMNS], "0 / —"))
    return lines


def ambiguous_table(o: Outcome) -> list[str]:
    lines = ["| field | " + " | ".join(HEADS) + " |", "|---" * (len(HEADS) + 1) + "|"]
    for spec in truthscore.FIELDS:
        cells = []
        for form in COLUMNS:
            t = o.tallies.get((form, spec.name))
            cells.append(cell(t.amb_ok, t.amb_n) if t and t.amb_n else "—")
        if any(c != "—" for c in cells):
            lines.append("| " + " | ".join([spec.label, *cells]) + " |")
    return lines


def second_opinion(o: Outcome) -> list[str]:
    kinds: list[str] = []
    for fld in secondop.FIELDS:
        kinds += [k for k in o.second[fld] if k not in ("pages", "agree") and k not in kinds]
    lines = ["| field | pages | agree | " + " | ".join(kinds) + " |", "|---" * (len(kinds) + 3) + "|"]
    for fld in secondop.FIELDS:
        c = o.second[fld]
        lines.append("| " + " | ".join([fld, str(c["pages"]), f"{pct(c['agree'], c['pages'])} %",
                                        *[str(c.get(k, 0)) for k in kinds]]) + " |")
    lines += ["", "On the truth's pages, who was right where the two disagree (ours / cablemap / both / neither):",
              "", "| field | kind | ours | cablemap | both | neither |", "|---|---|---|---|---|---|"]
    for (fld, kind), c in sorted(o.adjudicated.items()):
        lines.append(f"| {fld} | {kind} | {c['ours']} | {c['theirs']} | {c['both']} | {c['neither']} |")
    return lines


def residue_table(o: Outcome) -> list[str]:
    forms = [f for f in COLUMNS if f in o.residue["forms"]]
    lines = ["| kind | " + " | ".join(forms) + " | examples (page form, else first form) |",
             "|---" * (len(forms) + 2) + "|"]
    for det in residue.DETECTORS:
        counts = [str(o.residue["forms"][f].get(det.name, 0)) for f in forms]
        ex = next((o.residue["examples"][(f, det.name)] for f in forms if o.residue["examples"].get((f, det.name))), [])
        lines.append("| " + " | ".join([det.name, *counts, ", ".join(ex[:4])]) + " |")
    for label in ("with residue in the body", "with residue", "cables"):
        lines.append("| " + " | ".join([f"**cables {label}**" if label != "cables" else "**cables audited**",
                                        *[str(o.residue["forms"][f].get(label, 0)) for f in forms], ""]) + " |")
    return lines


def anchor_section(o: Outcome) -> list[str]:
    hit, total, found, wanted = o.anchor_rule
    lines = [
        f"The counting rule agrees with the truth on its pages (paragraphs not ambiguous): "
        f"{hit} of {total} counted anchors are truth paragraphs ({pct(hit, total)} %); "
        f"{found} of {wanted} truth paragraphs have a counted anchor ({pct(found, wanted)} %; "
        "the rest are written without anchor, e.g. `1.(C)`).",
        "",
        "| form | cables | anchors counted | matched | cables with a miss "
        "| ours out of sequence (anchors in sequence) |",
        "|---|---|---|---|---|---|",
    ]
    for form, c in o.anchors["forms"].items():
        lines.append(f"| {form} | {c['cables']} | {c['anchors']} | {c['matched']} ({pct(c['matched'], c['anchors'])} %)"
                     f" | {c['cables with a miss']} | {c['ours out of sequence']} |")
    lines += ["", "Unmatched anchors by where their text went in our reading text (and what precedes the "
              "anchor on the page):", "", "| form | kind | anchors | example cables |", "|---|---|---|---|"]
    for form, kinds in o.anchors["kinds"].items():
        for kind, n in kinds.most_common():
            lines.append(f"| {form} | {kind} | {n} | {', '.join(o.anchors['examples'][(form, kind)])} |")
    for form in o.anchors["forms"]:
        ex = o.anchors["examples"].get((form, "out of sequence"))
        if ex:
            lines.append(f"\nOut of sequence in our TEI ({form}), e.g. {', '.join(ex)}.")
    return lines


def forms_section(o: Outcome) -> list[str]:
    pairs = list(o.form_pairs)
    fields: list[str] = []
    for c in o.form_pairs.values():
        for key in c:
            if ":" in key and key.split(":", 1)[1] not in fields:
                fields.append(key.split(":", 1)[1])
    lines = [f"pre2000 files left out of the page and pasted forms (the end of the routing header not found): "
             f"{o.counts['pre2000 page:left out']} of {o.counts['pre2000:sources']}.", "",
             "| | " + " | ".join(pairs) + " |", "|---" * (len(pairs) + 1) + "|"]
    for label in ("cables", "a form failed", "cables with a difference"):
        lines.append(f"| {label} | " + " | ".join(str(o.form_pairs[p][label]) for p in pairs) + " |")
    for f in fields:
        lines.append(f"| {f}: differs / allowed | "
                     + " | ".join(f"{o.form_pairs[p].get('differs:' + f, 0)} / {o.form_pairs[p].get('allowed:' + f, 0)}"
                                  for p in pairs) + " |")
    return lines


def safety_section(o: Outcome) -> list[str]:
    keys = ["cables", "level unknown", "silent-unclassified", "banner-unclassified", "failed:error", "failed:crash"]
    lines = ["| form | " + " | ".join(keys) + " |", "|---" * (len(keys) + 1) + "|"]
    for form in COLUMNS:
        if form in o.safety:
            lines.append("| " + " | ".join([form, *[str(o.safety[form].get(k, 0)) for k in keys]]) + " |")
    return lines


def browser_section(o: Outcome) -> list[str]:
    b: Counter[str] = o.browser
    n = b["cables"]
    return [
        f"Browser copies of the truth's {n} pages: {b['crash']} crashes, {b['error']} refused; "
        f"id right {cell(b['id right'], n)}, date right {cell(b['date right'], n)}, classification right or "
        f"reported unknown {cell(b['classification right or unknown'], n)}; classified cables shown UNCLASSIFIED "
        f"without a banner saying so: {o.safety['browser'].get('silent-unclassified', 0)}."
    ]


HOLDOUT_COLUMNS = ("page", "pasted", "csv", "cablemap")


def holdout_table(o: Outcome, session: str) -> list[str]:
    """One holdout of tests/truth/holdout.jsonl: pages read after the rules were written, scored
    like the truth but apart from it and from the other holdouts; its ambiguous fields are counted
    in the last column."""
    held = o.holdouts[session]
    cols = [f for f in HOLDOUT_COLUMNS if any(form == f for form, _n in held.tallies)]
    heads = {"page": "page", "pasted": "pasted text", "csv": "CSV row", "cablemap": "cablemap (pages)"}
    lines = ["| field | " + " | ".join(heads[f] for f in cols) + " | target | ambiguous, page (apart) |",
             "|---" * (len(cols) + 3) + "|"]
    for spec in truthscore.FIELDS:
        ts = [held.tallies.get((form, spec.name)) for form in cols]
        if not any(t and (t.n or t.amb_n) for t in ts):
            continue
        amb = held.tallies.get(("page", spec.name))
        cells = [cell(t.ok, t.n) if t else "—" for t in ts]
        apart = cell(amb.amb_ok, amb.amb_n) if amb else "—"
        lines.append(_row(spec.label + " (% right)", [*cells, spec.target], apart))
    a = held.anchors.get("forms", {})
    lines.append(_row("page ¶ anchors that have a numbered paragraph (%)",
                      [*(cell(a[f]["matched"], a[f]["anchors"]) if f in a else "—" for f in cols), "≥ 99 %"], "—"))
    r = held.residue.get("forms", {})
    lines.append(_row("cables with teletype residue in the reading text (%)",
                      [*(cell(r[f]["with residue"], r[f]["cables"]) if f in r else "—" for f in cols), "≤ 2 %"], "—"))
    return lines


#: the holdouts, in the order they were drawn, and what each one measures
HOLDOUTS = (("session 7", "% right on pages no rule was tuned to before session 7"),
            ("session 12", "% right on pages drawn and read in session 12, before any rule saw them"),
            ("session 13", "% right on pages drawn and read in session 13, before any rule saw them"),
            ("session 14", "% right on pages drawn and read in session 14, before any rule saw them"),
            ("session 15", "% right on pages drawn and read in session 15, before any rule saw them"),
            ("session 16", "% right on pages drawn and read in session 16, before any rule saw them"),
            ("session 17", "% right on pages drawn and read in session 17, before any rule saw them"),
            ("session 18", "% right on pages drawn and read in session 18, before any rule saw them"),
            ("session 19", "% right on pages drawn and read in session 19, before any rule saw them"),
            ("session 23", "% right on pages drawn and read in session 23, before any rule saw them"),
            ("session 24", "% right on pages drawn and read in session 24 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 25", "% right on pages drawn and read in session 25 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 27", "% right on pages drawn and read in session 27 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 28", "% right on pages drawn and read in session 28 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 29", "% right on pages drawn and read in session 29 (even over year groups, hard bodies), "
                           "before any rule saw them"),
            ("session 30", "% right on pages drawn and read in session 30 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 31", "% right on pages drawn and read in session 31 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 32", "% right on pages drawn and read in session 32 (even over year groups, hard bodies), "
                           "before any rule saw them"),
            ("session 33", "% right on pages drawn and read in session 33 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 34", "% right on pages drawn and read in session 34 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 35", "% right on pages drawn and read in session 35 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 36", "% right on pages drawn and read in session 36 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 37", "% right on pages drawn and read in session 37 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 38", "% right on pages drawn and read in session 38 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 39", "% right on pages drawn and read in session 39 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 40", "% right on pages drawn and read in session 40 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 41", "% right on pages drawn and read in session 41 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 42", "% right on pages drawn and read in session 42 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 43", "% right on pages drawn and read in session 43 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 44", "% right on pages drawn and read in session 44 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 45", "% right on pages drawn and read in session 45 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 46", "% right on pages drawn and read in session 46 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 47", "% right on pages drawn and read in session 47 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 48", "% right on pages drawn and read in session 48 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 49", "% right on pages drawn and read in session 49 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 50", "% right on pages drawn and read in session 50 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 51", "% right on pages drawn and read in session 51 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 52", "% right on pages drawn and read in session 52 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 53", "% right on pages drawn and read in session 53 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 54", "% right on pages drawn and read in session 54 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 55", "% right on pages drawn and read in session 55 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 56", "% right on pages drawn and read in session 56 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 57", "% right on pages drawn and read in session 57 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 58", "% right on pages drawn and read in session 58 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 59", "% right on pages drawn and read in session 59 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 60", "% right on pages drawn and read in session 60 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 61", "% right on pages drawn and read in session 61 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 62", "% right on pages drawn and read in session 62 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 63", "% right on pages drawn and read in session 63 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 64", "% right on pages drawn and read in session 64 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 65", "% right on pages drawn and read in session 65 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 66", "% right on pages drawn and read in session 66 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 67", "% right on pages drawn and read in session 67 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 68", "% right on pages drawn and read in session 68 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 69", "% right on pages drawn and read in session 69 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 70", "% right on pages drawn and read in session 70 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 71", "% right on pages drawn and read in session 71 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 72", "% right on pages drawn and read in session 72 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 73", "% right on pages drawn and read in session 73 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 74", "% right on pages drawn and read in session 74 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 75", "% right on pages drawn and read in session 75 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 76", "% right on pages drawn and read in session 76 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 77", "% right on pages drawn and read in session 77 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 78", "% right on pages drawn and read in session 78 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 79", "% right on pages drawn and read in session 79 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 80", "% right on pages drawn and read in session 80 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 81", "% right on pages drawn and read in session 81 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 82", "% right on pages drawn and read in session 82 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 83", "% right on pages drawn and read in session 83 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 84", "% right on pages drawn and read in session 84 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 85", "% right on pages drawn and read in session 85 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 86", "% right on pages drawn and read in session 86 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 87", "% right on pages drawn and read in session 87 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 88", "% right on pages drawn and read in session 88 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 89", "% right on pages drawn and read in session 89 (drawn in proportion to the corpus), "
                           "before any rule saw them"),
            ("session 90", "% right on pages drawn and read in session 90 (weighted toward the least read and "
                           "hard bodies), before any rule saw them"),
            ("session 91", "% right on pages drawn and read in session 91 (drawn in proportion to the corpus), "
                           "before any rule saw them"))


def holdout_sections(o: Outcome) -> list[tuple[str, list[str]]]:
    """A table per holdout, never mixed with the truth's figures or with each other's."""
    known = [s for s, _w in HOLDOUTS] + sorted(set(o.holdouts) - {s for s, _w in HOLDOUTS})
    what = dict(HOLDOUTS)
    return [(f"Holdout ({s}): {what.get(s, '% right on pages read apart')}",
             holdout_table(o, s) if s in o.holdouts else ["(no holdout records)"]) for s in known]


def render_holdouts(o: Outcome) -> str:
    """The holdouts' tables alone (``eval_fidelity.py --holdout-only``)."""
    out: list[str] = []
    for title, lines in holdout_sections(o):
        out += [f"### {title}", "", *lines, ""]
    return "\n".join(out)


def render(o: Outcome) -> str:
    sections: list[tuple[str, list[str]]] = [
        ("Fidelity (issue 10): % right against the hand-built truth, and the audits", main_table(o)),
        *holdout_sections(o),
        ("Ambiguous truth fields (scored apart, not in the table above)", ambiguous_table(o)),
        ("Second opinion: our record against cablemap's on every page", second_opinion(o)),
        ("Residue in the reading text: cables per kind", residue_table(o)),
        ("Paragraph audit against the pages' ¶ anchors", anchor_section(o)),
        ("Every cable in three forms: fields that differ", forms_section(o)),
        ("The classification a reader is shown", safety_section(o)),
        ("Browser copy", browser_section(o)),
    ]
    out: list[str] = []
    for title, lines in sections:
        out += [f"### {title}", "", *lines, ""]
    return "\n".join(out)
