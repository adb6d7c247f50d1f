#!/usr/bin/env python3
"""Behaviour held? Convert every page and CSV row to TEI, JSON, Markdown and HTML and record
a hash of each output; compare two such snapshots.

    python scripts/snapshot_outputs.py take SNAP.json [--dump DIR] [--corpus DIR] [--jobs 2] [--ignore NAME,…]
    python scripts/snapshot_outputs.py compare OLD.json NEW.json [--show 20]

``take`` converts the 6,550 cablegate pages (unpacked from ../shared into a temporary
folder) and the 300 rows of ``cables-sample.csv``, in memory through the pipeline (the same
code the CLI runs), with ``SOURCE_DATE_EPOCH`` fixed. Sources are named relative to the
unpacked folder, so two snapshots taken on different machines or folders compare equal.
``--dump DIR`` also writes every output to DIR (outside the repo) for ``diff -r``.

``--ignore NAME,…`` also records, for the TEI, a hash of the document without the elements of
those local names (``tei~NAME,…``): a change that is meant to touch only them (an
``editorialDecl`` that now lists the rules that fired) is then proven to touch nothing else.

``compare`` prints, per format, how many outputs are identical, changed, missing or new,
and lists the first changed cables: every change must be a named, intended one. Formats
recorded in only one snapshot are left out.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import corpus  # noqa: E402

FORMATS = ("tei", "json", "md", "html")
_DUMP: Path | None = None
_IGNORE: tuple[str, ...] = ()


def _init(dump: str | None, ignore: tuple[str, ...] = ()) -> None:
    global _DUMP, _IGNORE
    _DUMP = Path(dump) if dump else None
    _IGNORE = ignore


def _without(data: bytes, names: tuple[str, ...]) -> bytes:
    """The XML document without the elements of these local names (parsed safely)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(data, parser)
    for node in [n for n in root.iter() if isinstance(n.tag, str) and etree.QName(n).localname in names]:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True)


def _convert(task: tuple[str, str]) -> tuple[str, dict[str, str]]:
    """(key, {format: sha256 or "error: …"}) for one page or CSV row."""
    kind, name = task
    from convert.errors import ConvertError
    from convert.options import ConvertOptions, ReadOptions, WriteOptions
    from convert.pipeline import render, to_cable
    from convert.readers import Source, cablescsv, load_source

    options = ConvertOptions(formats=FORMATS, write=WriteOptions(source_date_epoch=1_000_000_000))
    try:
        if kind == "csv":
            path, row = name.rsplit("#", 1)
            with open(path, "rb") as handle:
                raw = next(r for r in cablescsv.iter_rows(handle, Path(path).name) if not isinstance(r, Exception)
                           and r.source.endswith("#" + row))
        else:
            raw = next(iter(load_source(Source(name, path=name), ReadOptions())))
        outputs = render(to_cable(raw), options)
    except ConvertError as exc:
        return name, {f: "error: " + exc.one_line() for f in FORMATS}
    except Exception as exc:  # noqa: BLE001 - a crash is a result to compare
        return name, {f: f"crash: {type(exc).__name__}: {exc}" for f in FORMATS}
    hashes = {}
    if _IGNORE and "tei" in outputs:
        hashes["tei~" + ",".join(_IGNORE)] = hashlib.sha256(_without(outputs["tei"], _IGNORE)).hexdigest()
    for fmt, data in outputs.items():
        hashes[fmt] = hashlib.sha256(data).hexdigest()
        if _DUMP is not None:
            target = _DUMP / fmt / (name.replace("/", "__").replace("#", "_") + "." + fmt)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return name, hashes


def _csv_rows() -> list[tuple[str, str]]:
    from convert.readers import cablescsv

    with open(corpus.CSV_SAMPLE, "rb") as handle:
        return [("csv", f"{corpus.CSV_SAMPLE}#{r.source.rsplit('#', 1)[1]}")
                for r in cablescsv.iter_rows(handle, corpus.CSV_SAMPLE.name) if not isinstance(r, Exception)]


def take(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    files = corpus.pages(args.corpus)
    root = files[0].parents[3] if files else Path(".")
    os.chdir(root)  # relative names: the TEI's revisionDesc names the source as given
    tasks = [("html", str(f.relative_to(root))) for f in files] + _csv_rows()
    if args.limit:
        tasks = tasks[: args.limit]
    ignore = tuple(n for n in (args.ignore or "").split(",") if n)
    with multiprocessing.Pool(args.jobs, initializer=_init, initargs=(args.dump, ignore)) as pool:
        results = dict(pool.imap_unordered(_convert, tasks, chunksize=16))
    Path(args.snapshot).write_text(json.dumps(results, indent=0, sort_keys=True))
    print(f"{len(results)} cables, {len(FORMATS)} formats, {time.perf_counter() - started:.0f} s -> {args.snapshot}")
    return 0


def _key(name: str) -> str:
    """A snapshot's key without the folder of the CSV sample (it differs between checkouts)."""
    return Path(name).name if ".csv#" in name else name


def compare(args: argparse.Namespace) -> int:
    old = {_key(k): v for k, v in json.loads(Path(args.old).read_text()).items()}
    new = {_key(k): v for k, v in json.loads(Path(args.new).read_text()).items()}
    print("| format | identical | changed | only before | only after |")
    print("|---|---:|---:|---:|---:|")
    changed: dict[str, list[str]] = {}
    recorded = [{f for v in snap.values() for f in v} for snap in (old, new)]
    formats = [*FORMATS, *sorted(f for f in recorded[0] & recorded[1] if f not in FORMATS)]
    for fmt in formats:
        if not all(fmt in r for r in recorded):
            continue
        same = diff = gone = added = 0
        for key in sorted(set(old) | set(new)):
            a, b = old.get(key, {}).get(fmt), new.get(key, {}).get(fmt)
            if a is None and b is not None:
                added += 1
            elif b is None and a is not None:
                gone += 1
            elif a == b:
                same += 1
            else:
                diff += 1
                changed.setdefault(fmt, []).append(key)
        print(f"| {fmt} | {same} | {diff} | {gone} | {added} |")
    for fmt, keys in changed.items():
        print(f"\n{fmt}: {len(keys)} changed, e.g. " + ", ".join(keys[: args.show]))
    return 1 if changed else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="command", required=True)
    t = sub.add_parser("take")
    t.add_argument("snapshot")
    t.add_argument("--dump", help="also write every output under this folder (outside the repo)")
    t.add_argument("--corpus", help="folder of unpacked cablegate pages (default: unpack the shared tarball)")
    t.add_argument("--jobs", type=int, default=2)
    t.add_argument("--limit", type=int, default=0)
    t.add_argument("--ignore", help="also hash the TEI without the elements of these local names (comma-separated)")
    c = sub.add_parser("compare")
    c.add_argument("old")
    c.add_argument("new")
    c.add_argument("--show", type=int, default=20)
    args = ap.parse_args()
    if getattr(args, "dump", None):
        args.dump = str(Path(args.dump).resolve())
    if getattr(args, "snapshot", None):
        args.snapshot = str(Path(args.snapshot).resolve())
    return take(args) if args.command == "take" else compare(args)


if __name__ == "__main__":
    raise SystemExit(main())
