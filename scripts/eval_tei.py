#!/usr/bin/env python3
"""The TEI's acceptance figures (issue 14) over every cablegate page and cables.csv row.

Each page and row is read under its ABSOLUTE path (as a user who types one would give it) and
rendered to TEI, JSON, Markdown and HTML; the script counts, per group:

- crashes, refusals, TEI valid against the profile schema and tei_all.rng;
- appended second cables: parts found, pages with one, parts with their own id (div xml:id and
  the header's bibl pointing at it), outputs named after the page's own id (not the part's);
- absolute paths: outputs that hold the input's absolute folder, or any absolute local path;
- date provenance: sent dates with @source/@resp/@cert, by source;
- correspDesc: sent and received actions where FM and TO exist, addressees that are
  distribution codes or dashes, placeNames in the station table;
- identifiers and rules: the Schematron's findings (``convert/schema/cable-tei.sch``: pointers
  resolve, ids unique, dates agree, paragraph numbers in sequence or noted, repairs with a
  reason), by rule; documents whose ids all begin with the document's; ids met in more than one
  document (they would collide when the documents are combined);
- a teiCorpus of the first N pages (``--teicorpus N``, default 500), made as ``--book --to tei``
  makes one: its ids met twice, renamed duplicate cables, tei_all validity;
- the CMIF export of the pages (``--to cmif``'s letters, one per page, in one file): its
  findings against the project's CMIF rules (``convert/schema/cmif.rng``, ``cmif.sch``) and,
  given ``--cmif-rng FILE``, against another RELAX NG grammar (the published
  ``cmi-customization.rng``, which the repo does not ship); ``--cmif-out FILE`` keeps it.

    python scripts/eval_tei.py [--corpus DIR] [--jobs 2] [--limit N] [--failures FILE]
                               [--formats tei,json,md,html] [--no-tei-all] [--teicorpus N]
                               [--cmif-rng FILE] [--cmif-out FILE]

(``--formats tei,json --no-tei-all`` is about four times cheaper: the TEI and JSON only, and
the profile schema without tei_all.)

Figures are counts, not timings (the machine is shared); the run's CPU time is printed.
"""

from __future__ import annotations

import argparse
import collections
import json
import multiprocessing
import os
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus

#: an absolute local path: a root folder of a POSIX system, or a drive letter
ABSOLUTE = re.compile(r"(?<![\w/.:])(?:/(?:tmp|home|work|Users|root|var|mnt|media|opt|srv|private|data)/|[A-Z]:\\)")
FORMATS = ["tei", "json", "md", "html"]
_SCHEMAS: Any = None
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _init(formats: list[str], tei_all: bool) -> None:
    global _SCHEMAS
    from convert import schema

    FORMATS[:] = formats
    _SCHEMAS = (schema.profile_schema(), schema.tei_all_schema() if tei_all else None)


def _raw(kind: str, name: str):  # type: ignore[no-untyped-def]
    from convert.options import ReadOptions
    from convert.readers import Source, cablescsv, load_source

    if kind == "csv":
        path, row = name.rsplit("#", 1)
        with open(path, "rb") as handle:
            return next(r for r in cablescsv.iter_rows(handle, path) if not isinstance(r, Exception)
                        and r.source.endswith("#" + row))
    return next(iter(load_source(Source(name, path=name), ReadOptions())))


def check(task: tuple[str, str]) -> dict[str, Any]:
    kind, name = task
    from lxml import etree

    from convert import schema
    from convert.errors import ConvertError
    from convert.options import ConvertOptions
    from convert.pipeline import render, to_cable

    out: dict[str, Any] = {"source": name}
    try:
        raw = _raw(kind, name)
        cable = to_cable(raw)
        outputs = render(cable, ConvertOptions(formats=tuple(FORMATS)))
    except ConvertError as exc:
        out["error"] = exc.one_line()
        return out
    except Exception as exc:
        out["crash"] = f"{type(exc).__name__}: {exc}"
        return out
    tei = etree.fromstring(outputs["tei"], etree.XMLParser(resolve_entities=False, no_network=True))
    out["profile_errors"] = schema.errors(_SCHEMAS[0], tei)[:3]
    out["tei_all_errors"] = schema.errors(_SCHEMAS[1], tei)[:3] if _SCHEMAS[1] is not None else None
    folder = os.path.dirname(name.split("#", 1)[0])
    out["abs_folder"] = sorted(f for f, data in outputs.items() if folder.encode() in data)
    out["abs_any"] = sorted(f for f, data in outputs.items() if ABSOLUTE.search(data.decode("utf-8", "replace")))
    # appended second cables
    meta_id = raw.metadata.id if raw.metadata is not None else None
    divs = tei.xpath("t:text/t:body/t:div[@type='appended-cable']", namespaces=NS)
    bibls = {b.get("corresp") for b in tei.xpath("//t:listBibl[@type='appended-cables']/t:bibl", namespaces=NS)}
    out["parts"] = [d.get("n") for d in divs]
    out["parts_with_id"] = sum(1 for d in divs if d.get(XML_ID) and "#" + d.get(XML_ID) in bibls)
    out["named_own"] = meta_id is None or cable.file_stem() == meta_id
    out["named_after_part"] = cable.file_stem() in {d.get("n") for d in divs if d.get("n")}
    out.update(_dates(tei))
    out.update(_corresp(tei, raw))
    out["schematron"] = schema.schematron_errors(tei)
    ids = [str(i) for i in tei.xpath("//@xml:id")]
    out["ids"] = ids
    out["doc_id"] = tei.get(XML_ID)
    out["ids_own"] = bool(tei.get(XML_ID)) and all(i.startswith(tei.get(XML_ID)) for i in ids)
    out["numbering_notes"] = len(tei.xpath("//t:notesStmt/t:note[@type='numbering']", namespaces=NS))
    out["repairs"] = collections.Counter(
        f"{c.getparent()[1].tag.split('}')[1]}:{c.getparent()[1].get('type')}"
        for c in tei.xpath("//t:choice/t:*[1]", namespaces=NS))
    out["gaps"] = len(tei.xpath("//t:gap", namespaces=NS))
    # languages (item 8): blocks with their own xml:lang, quoted passages marked foreign
    out["lang_blocks"] = len(tei.xpath("//t:text//t:*[@xml:lang]", namespaces=NS)) - len(
        tei.xpath("//t:text//t:foreign", namespaces=NS))
    out["foreign"] = collections.Counter(f.get("{http://www.w3.org/XML/1998/namespace}lang")
                                         for f in tei.xpath("//t:text//t:foreign", namespaces=NS))
    from convert.writers import cmif

    # the cable's letter in the CMIF export (its @source: the export's bibl, see _cmif)
    out["cmif"] = etree.tostring(cmif.corresp_desc(cable, "#" + cmif.bibl_id(CMIF_URL))).decode()
    return out


#: the address the export names as its own (its idno; the bibl's id derives from it)
CMIF_URL = "cables.cmif.xml"


def _cmif(letters: list[str], rng: str | None, keep: str | None) -> None:
    """The pages' letters as one CMIF file: findings against the project's rules and, given
    ``rng``, against that grammar (lxml: the RELAX NG part; embedded Schematron is ignored)."""
    from lxml import etree

    from convert import schema
    from convert.writers import cmif

    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    nodes = [etree.fromstring(letter.encode(), parser) for letter in letters]
    days = sorted(str(d) for n in nodes for d in n.xpath(".//t:date/@when", namespaces=NS))
    modified = (days[-1] if days else "1970-01-01") + "T00:00:00Z"
    data = cmif.document(f"{len(nodes)} cablegate pages", None, CMIF_URL, modified, nodes)
    if keep:
        Path(keep).write_bytes(data)
    tree = etree.fromstring(data, parser)
    own = schema.cmif_errors(tree, warnings=True)
    counts = collections.Counter(f.split(":", 1)[0] if not f.startswith("line ") else "grammar" for f in own)
    letters_n = len(tree.xpath("//t:correspDesc", namespaces=NS))
    both = len(tree.xpath("//t:correspDesc[t:correspAction[@type='sent'] and t:correspAction[@type='received']]",
                          namespaces=NS))
    unknown = len(tree.xpath("//t:correspAction[@type='received'][t:persName='Unknown']", namespaces=NS))
    low = len(tree.xpath("//t:correspAction/t:date[@cert='low']", namespaces=NS))
    print(f"\nCMIF export of the pages: {letters_n} letters ({len(data) / 1e6:.1f} MB), {both} with a sent and a "
          f"received action; addressee not known ('Unknown'): {unknown}; dates from the page table (cert low): {low}")
    print(f"  against the project's CMIF rules (cmif.rng + cmif.sch): {len(own)} findings (target 0)"
          + (f": {dict(counts)}; first: {own[:3]}" if own else ""))
    if rng:
        grammar = etree.RelaxNG(etree.parse(rng, parser))
        ok = grammar.validate(tree)
        errors = [f"line {e.line}: {e.message}" for e in grammar.error_log][:5]
        print(f"  against {Path(rng).name}: {'valid' if ok else 'INVALID'}" + (f": {errors}" if errors else ""))


def _dates(tei: Any) -> dict[str, Any]:
    """The sent date: where it comes from and how sure it is, as the TEI says."""
    dates = tei.xpath("//t:correspDesc/t:correspAction[@type='sent']/t:date", namespaces=NS)
    if not dates:
        return {"date": None}
    date = dates[0]
    # the pointer's target, without the document's id (#c09X-dtg -> #dtg)
    source = re.sub(r"^#.*-(dtg|created)$", r"#\1", date.get("source") or "")
    return {"date": (source, bool(date.get("resp")), date.get("cert") or "")}


_PLACES: set[str] = set()


def _is_place(name: str) -> bool:
    """A city or country of the station table."""
    if not _PLACES:
        from convert import stations

        for row in stations.table().rows:
            _PLACES.update(p for p in (row.city, row.country) if p)
    return name in _PLACES


def _corresp(tei: Any, raw: Any) -> dict[str, Any]:
    text = (raw.header or "") + "\n" + raw.body
    has_fm = bool(re.search(r"^\s*FM\s+\S", text, re.M))
    has_to = bool(re.search(r"^\s*TO\s+\S", text, re.M))
    sent = tei.xpath("//t:correspDesc/t:correspAction[@type='sent']", namespaces=NS)
    received = tei.xpath("//t:correspDesc/t:correspAction[@type='received']", namespaces=NS)
    # read from the routing header a partial extract repeats in its text (with @source)
    repeated = bool(tei.xpath("//t:correspDesc/t:correspAction[@type='received'][@source]", namespaces=NS))
    names = [("".join(n.itertext())) for n in tei.xpath(
        "//t:correspDesc/t:correspAction[@type='received']/t:orgName", namespaces=NS)]
    codes = [n for n in names if re.search(r"-{3,}|\b[A-Z]{2,6}-\d{2}\b", n)]
    places = ["".join(p.itertext()) for p in tei.xpath("//t:correspDesc//t:placeName", namespaces=NS)]
    known = [p for p in places if _is_place(p)]
    return {"fm_to": has_fm and has_to, "sent": bool(sent), "received": bool(received), "codes": codes,
            "repeated": repeated,
            "places": len(places), "places_known": len(known), "unknown_places": [p for p in places if p not in known]}


def csv_tasks() -> list[tuple[str, str]]:
    from convert.readers import cablescsv

    sample = corpus.CSV_SAMPLE.resolve()
    with open(sample, "rb") as handle:
        return [("csv", f"{sample}#{r.source.rsplit('#', 1)[1]}")
                for r in cablescsv.iter_rows(handle, str(sample)) if not isinstance(r, Exception)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--failures", default="build/eval-tei-failures.jsonl", help="where to list every miss")
    ap.add_argument("--formats", default="tei,json,md,html", help="outputs to render and search for paths")
    ap.add_argument("--no-tei-all", action="store_true", help="validate against the profile schema only")
    ap.add_argument("--teicorpus", type=int, default=500, metavar="N",
                    help="build one teiCorpus of the first N pages and count its ids (0: none; default 500)")
    ap.add_argument("--cmif-rng", metavar="FILE", help="also validate the CMIF export against this RELAX NG grammar")
    ap.add_argument("--cmif-out", metavar="FILE", help="write the CMIF export of the pages here")
    args = ap.parse_args()
    formats = args.formats.split(",")
    if "tei" not in formats:
        ap.error("--formats must include tei")

    files = [f.resolve() for f in corpus.pages(args.corpus)]
    if args.limit:
        files = files[: args.limit]
    groups = {"cablegate pages": [("html", str(f)) for f in files], "cables.csv rows": csv_tasks()}
    if args.limit:
        groups["cables.csv rows"] = groups["cables.csv rows"][: args.limit]
    failures = Path(args.failures)
    failures.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    parts_seen: list[str] = []
    shared_ids: list[str] = []
    letters: list[str] = []
    pool_args = {"initializer": _init, "initargs": (formats, not args.no_tei_all)}
    with multiprocessing.Pool(args.jobs, **pool_args) as pool, failures.open("w") as fail:
        for label, tasks in groups.items():
            stats: collections.Counter[str] = collections.Counter()
            seen_ids: collections.Counter[str] = collections.Counter()
            roots: dict[str, str] = {}  # document id -> the first input that had it
            same_cable: list[str] = []
            for r in pool.imap(check, tasks, chunksize=16):
                letter = r.pop("cmif", None)
                if letter and label == "cablegate pages":
                    letters.append(letter)
                problems = _count(stats, r)
                ids = set(r.pop("ids", ()))
                root = r.get("doc_id")
                if root in roots:
                    # two inputs that are (or name themselves) the same cable: the same ids
                    same_cable.append(f"{Path(r['source']).name} = {Path(roots[root]).name} ({root})")
                    continue
                if root:
                    roots[root] = r["source"]
                for ident in ids:
                    seen_ids[ident] += 1
                if r.get("parts"):
                    parts_seen.append(f"{Path(r['source']).name}: {', '.join(str(p) for p in r['parts'])}")
                if problems:
                    fail.write(json.dumps({"problems": problems, **r}) + "\n")
            rows.append((label, stats))
            shared = sum(1 for n in seen_ids.values() if n > 1)
            shared_ids.append(f"{label}: {shared} of {len(seen_ids)} ids met in more than one of the "
                              f"{len(roots)} documents with distinct ids; {len(same_cable)} inputs have the "
                              f"id of an earlier one: {'; '.join(same_cable[:30])}")
    cpu = time.process_time() + sum(os.times()[2:4])
    _print(rows, cpu, args.jobs, formats)
    print("\nIds that would collide if each group's documents were combined (target 0):")
    for line in shared_ids:
        print("  " + line)
    print("\nSchematron findings by rule (both groups):")
    by_rule: collections.Counter[str] = collections.Counter()
    repairs: collections.Counter[str] = collections.Counter()
    for _, s in rows:
        by_rule.update({k[4:]: v for k, v in s.items() if k.startswith("sch:")})
        repairs.update({k[7:]: v for k, v in s.items() if k.startswith("repair:")})
    for rule, n in by_rule.most_common():
        print(f"  {rule}: {n}")
    print("\nRepairs by element and reason (both groups): " + ", ".join(f"{k} {v}" for k, v in sorted(repairs.items())))
    if args.teicorpus:
        # one document: checked against tei_all even with --no-tei-all (a few seconds)
        _teicorpus([f for _, f in groups["cablegate pages"][: args.teicorpus]], True)
    _cmif(letters, args.cmif_rng, args.cmif_out)
    print("\nAppended parts found (page: part ids):")
    for line in parts_seen:
        print("  " + line)
    return 0


def _teicorpus(names: list[str], tei_all: bool) -> None:
    """One teiCorpus of ``names``: its size, ids met twice, renamed duplicates, validity."""
    from lxml import etree

    from convert import schema
    from convert.options import WriteOptions
    from convert.pipeline import to_cable
    from convert.volume import write_volume

    cables = [to_cable(_raw("html", name)) for name in names]
    # as --book --to tei makes it (the pages in input order)
    data = write_volume(cables, "tei", WriteOptions(), sort="input")
    corpus = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True))
    ids = [str(i) for i in corpus.xpath("//@xml:id")]
    twice = sum(1 for n in collections.Counter(ids).values() if n > 1)
    renamed = [t.get(XML_ID) for t in corpus.xpath("t:TEI", namespaces=NS) if "." in (t.get(XML_ID) or "")]
    valid = "not checked" if not tei_all else ("valid" if not schema.errors(schema.tei_all_schema(), corpus)
                                               else "INVALID")
    print(f"\nteiCorpus of {len(cables)} pages: {len(ids)} ids, {twice} met more than once (target 0); "
          f"renamed duplicate cables: {renamed or 'none'}; tei_all: {valid}")


def _count(s: collections.Counter[str], r: dict[str, Any]) -> list[str]:
    s["n"] += 1
    if "crash" in r:
        s["crash"] += 1
        return ["crash"]
    if "error" in r:
        s["error"] += 1
        return ["error"]
    problems = []
    s["ok"] += 1
    s["profile_ok"] += not r["profile_errors"]
    s["tei_all_ok"] += r["tei_all_errors"] == []
    s["tei_all_checked"] += r["tei_all_errors"] is not None
    if r["profile_errors"] or r["tei_all_errors"]:
        problems.append("invalid")
    s["abs_folder"] += bool(r["abs_folder"])
    s["abs_any"] += bool(r["abs_any"])
    if r["abs_folder"] or r["abs_any"]:
        problems.append("absolute-path")
    s["parts"] += len(r["parts"])
    s["with_parts"] += bool(r["parts"])
    s["parts_with_id"] += r["parts_with_id"]
    s["named_own"] += r["named_own"]
    s["named_after_part"] += r["named_after_part"]
    if r["named_after_part"] or not r["named_own"]:
        problems.append("named")
    if r["date"] is not None:
        source, resp, cert = r["date"]
        s["dates"] += 1
        s["dates_sourced"] += bool(source and resp and cert)
        s["date_from_" + (source.lstrip("#") or "nowhere")] += 1
    if r["fm_to"]:
        s["fm_to"] += 1
        s["fm_to_sent"] += r["sent"]
        s["fm_to_received"] += r["received"]
        if not (r["sent"] and r["received"]):
            problems.append("actions")
    s["codes"] += len(r["codes"])
    if r["codes"]:
        problems.append("codes")
    s["schematron_ok"] += not r["schematron"]
    s["schematron_errors"] += len(r["schematron"])
    for finding in r["schematron"]:
        s["sch:" + finding.split(":", 1)[0]] += 1
    if r["schematron"]:
        problems.append("schematron")
    s["ids_own"] += r["ids_own"]
    s["numbering_notes"] += r["numbering_notes"]
    s["gaps"] += r["gaps"]
    s["lang_blocks"] += r["lang_blocks"]
    for lang, n in r["foreign"].items():
        s["foreign"] += n
        s["foreign:" + lang] += n
    s["repeated"] += r["repeated"]
    for key, n in r["repairs"].items():
        s["repair:" + key] += n
    s["places"] += r["places"]
    s["places_known"] += r["places_known"]
    if r["unknown_places"]:
        problems.append("places")
    return problems


def _print(rows: list[tuple[str, collections.Counter[str]]], cpu: float, jobs: int, formats: list[str]) -> None:
    print(f"\nTEI acceptance figures (issue 14): CPU {cpu:.0f} s over {jobs} workers; outputs {', '.join(formats)}\n")
    print("| measure | " + " | ".join(label for label, _ in rows) + " | target |")
    print("|---|" + "---|" * len(rows) + "---|")

    def line(name: str, fn, target: str = "") -> None:  # type: ignore[no-untyped-def]
        print(f"| {name} | " + " | ".join(fn(s) for _, s in rows) + f" | {target} |")

    def of(a: str, b: str):  # type: ignore[no-untyped-def]
        return lambda s: f"{s[a]} of {s[b]}"

    line("inputs (read under an absolute path)", lambda s: str(s["n"]))
    line("crashes / refused", lambda s: f"{s['crash']} / {s['error']}", "0 / 0")
    line("TEI valid, profile schema", of("profile_ok", "ok"), "all")
    line("TEI valid, tei_all.rng", lambda s: f"{s['tei_all_ok']} of {s['tei_all_checked']}"
         if s["tei_all_checked"] else "not checked", "all")
    line("outputs holding the input's absolute folder", lambda s: str(s["abs_folder"]), "0")
    line("outputs holding any absolute local path", lambda s: str(s["abs_any"]), "0")
    line("appended cables found (parts)", lambda s: str(s["parts"]))
    line("  inputs with an appended cable", lambda s: str(s["with_parts"]))
    line("  parts with their own id (div xml:id + header bibl)", of("parts_with_id", "parts"), "all")
    line("  outputs named after an appended part", lambda s: str(s["named_after_part"]), "0")
    line("outputs named after the page's own id", of("named_own", "ok"), "all")
    line("sent dates with @source, @resp and @cert", of("dates_sourced", "dates"), "all")
    for key in sorted({k for _, s in rows for k in s if k.startswith("date_from_")}):
        line(f"  sent date from {key[len('date_from_'):]}", lambda s, k=key: str(s[k]))
    line("FM and TO in the text: sent action", of("fm_to_sent", "fm_to"), "all")
    line("FM and TO in the text: received action", of("fm_to_received", "fm_to"), "all")
    line("  of which read from a header repeated in the text (@source)", lambda s: str(s["repeated"]))
    line("distribution codes or dashes among addressees", lambda s: str(s["codes"]), "0")
    line("placeNames in the station table", of("places_known", "places"), "all")
    line("Schematron: documents without findings", of("schematron_ok", "ok"), "all")
    line("Schematron: findings", lambda s: str(s["schematron_errors"]), "0")
    line("documents whose every id begins with theirs", of("ids_own", "ok"), "all")
    line("notes: paragraph numbers out of sequence", lambda s: str(s["numbering_notes"]))
    line("redactions (gap)", lambda s: str(s["gaps"]))
    line("blocks in another language (p/item xml:lang)", lambda s: str(s["lang_blocks"]))
    line("quoted passages in another language (foreign)", lambda s: f"{s['foreign']} ("
         + ", ".join(f"{k[8:]} {v}" for k, v in sorted(s.items()) if k.startswith("foreign:")) + ")")


if __name__ == "__main__":
    raise SystemExit(main())
