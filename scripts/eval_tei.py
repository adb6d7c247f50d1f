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
  distribution codes or dashes, placeNames in the station table.

    python scripts/eval_tei.py [--corpus DIR] [--jobs 2] [--limit N] [--failures FILE]

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

import corpus  # noqa: E402

#: an absolute local path: a root folder of a POSIX system, or a drive letter
ABSOLUTE = re.compile(r"(?<![\w/.:])(?:/(?:tmp|home|work|Users|root|var|mnt|media|opt|srv|private|data)/|[A-Z]:\\)")
FORMATS = ("tei", "json", "md", "html")
_SCHEMAS: Any = None
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _init() -> None:
    global _SCHEMAS
    from convert import schema

    _SCHEMAS = (schema.profile_schema(), schema.tei_all_schema())


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
        outputs = render(cable, ConvertOptions(formats=FORMATS))
    except ConvertError as exc:
        out["error"] = exc.one_line()
        return out
    except Exception as exc:  # noqa: BLE001 - a crash is what this script exists to find
        out["crash"] = f"{type(exc).__name__}: {exc}"
        return out
    tei = etree.fromstring(outputs["tei"], etree.XMLParser(resolve_entities=False, no_network=True))
    out["profile_errors"] = schema.errors(_SCHEMAS[0], tei)[:3]
    out["tei_all_errors"] = schema.errors(_SCHEMAS[1], tei)[:3]
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
    return out


def _dates(tei: Any) -> dict[str, Any]:
    """The sent date: where it comes from and how sure it is, as the TEI says."""
    dates = tei.xpath("//t:correspDesc/t:correspAction[@type='sent']/t:date", namespaces=NS)
    if not dates:
        return {"date": None}
    date = dates[0]
    return {"date": (date.get("source") or "", bool(date.get("resp")), date.get("cert") or "")}


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
    names = [("".join(n.itertext())) for n in tei.xpath(
        "//t:correspDesc/t:correspAction[@type='received']/t:orgName", namespaces=NS)]
    codes = [n for n in names if re.search(r"-{3,}|\b[A-Z]{2,6}-\d{2}\b", n)]
    places = ["".join(p.itertext()) for p in tei.xpath("//t:correspDesc//t:placeName", namespaces=NS)]
    known = [p for p in places if _is_place(p)]
    return {"fm_to": has_fm and has_to, "sent": bool(sent), "received": bool(received), "codes": codes,
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
    args = ap.parse_args()

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
    with multiprocessing.Pool(args.jobs, initializer=_init) as pool, failures.open("w") as fail:
        for label, tasks in groups.items():
            stats: collections.Counter[str] = collections.Counter()
            for r in pool.imap(check, tasks, chunksize=16):
                problems = _count(stats, r)
                if r.get("parts"):
                    parts_seen.append(f"{Path(r['source']).name}: {', '.join(str(p) for p in r['parts'])}")
                if problems:
                    fail.write(json.dumps({"problems": problems, **r}) + "\n")
            rows.append((label, stats))
    cpu = time.process_time() + sum(os.times()[2:4])
    _print(rows, cpu, args.jobs)
    print("\nAppended parts found (page: part ids):")
    for line in parts_seen:
        print("  " + line)
    return 0


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
    s["tei_all_ok"] += not r["tei_all_errors"]
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
    s["places"] += r["places"]
    s["places_known"] += r["places_known"]
    if r["unknown_places"]:
        problems.append("places")
    return problems


def _print(rows: list[tuple[str, collections.Counter[str]]], cpu: float, jobs: int) -> None:
    print(f"\nTEI acceptance figures (issue 14): CPU {cpu:.0f} s over {jobs} workers\n")
    print("| measure | " + " | ".join(label for label, _ in rows) + " | target |")
    print("|---|" + "---|" * len(rows) + "---|")

    def line(name: str, fn, target: str = "") -> None:  # type: ignore[no-untyped-def]
        print(f"| {name} | " + " | ".join(fn(s) for _, s in rows) + f" | {target} |")

    def of(a: str, b: str):  # type: ignore[no-untyped-def]
        return lambda s: f"{s[a]} of {s[b]}"

    line("inputs (read under an absolute path)", lambda s: str(s["n"]))
    line("crashes / refused", lambda s: f"{s['crash']} / {s['error']}", "0 / 0")
    line("TEI valid, profile schema", of("profile_ok", "ok"), "all")
    line("TEI valid, tei_all.rng", of("tei_all_ok", "ok"), "all")
    line("outputs (TEI/JSON/MD/HTML) holding the input's absolute folder", lambda s: str(s["abs_folder"]), "0")
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
    line("distribution codes or dashes among addressees", lambda s: str(s["codes"]), "0")
    line("placeNames in the station table", of("places_known", "places"), "all")


if __name__ == "__main__":
    raise SystemExit(main())
