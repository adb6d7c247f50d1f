#!/usr/bin/env python3
"""Behaviour held? Convert every page and CSV row to TEI, JSON, Markdown and HTML and record
a hash of each output; compare two such snapshots.

    python scripts/snapshot_outputs.py take SNAP.json [--dump DIR] [--corpus DIR] [--jobs 2] [--ignore NAME,…]
    python scripts/snapshot_outputs.py take SNAP.json --formats pdf,epub,docx --sample 200 --books 4
    python scripts/snapshot_outputs.py compare OLD.json NEW.json [--show 20]

``take`` converts the 6,550 cablegate pages (unpacked from ../shared into a temporary
folder) and the 300 rows of ``cables-sample.csv``, in memory through the pipeline (the same
code the CLI runs), with ``SOURCE_DATE_EPOCH`` fixed. Sources are named relative to the
unpacked folder, so two snapshots taken on different machines or folders compare equal.
``--dump DIR`` also writes every output to DIR (outside the repo) for ``diff -r``.

``--formats`` picks other formats (PDF, EPUB and DOCX are slow: pair them with ``--sample N``,
N cables spread evenly over the whole list); ``--books K`` also makes K volumes (``--book``) of
consecutive sampled cables in each requested format a volume can take.
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

import corpus

FORMATS = ("tei", "json", "md", "html")
EPOCH = 1_000_000_000
_DUMP: Path | None = None
_FORMATS: tuple[str, ...] = FORMATS
_IGNORE: tuple[str, ...] = ()


def _init(dump: str | None, formats: tuple[str, ...] = FORMATS, ignore: tuple[str, ...] = ()) -> None:
    global _DUMP, _FORMATS, _IGNORE
    _DUMP = Path(dump) if dump else None
    _FORMATS = formats
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


def _cable(kind: str, name: str):  # type: ignore[no-untyped-def]
    from convert.options import ReadOptions
    from convert.pipeline import to_cable
    from convert.readers import Source, cablescsv, load_source

    if kind == "csv":
        path, row = name.rsplit("#", 1)
        with open(path, "rb") as handle:
            raw = next(r for r in cablescsv.iter_rows(handle, Path(path).name) if not isinstance(r, Exception)
                       and r.source.endswith("#" + row))
    else:
        raw = next(iter(load_source(Source(name, path=name), ReadOptions())))
    return to_cable(raw)


def _hashes(name: str, outputs: dict[str, bytes]) -> dict[str, str]:
    hashes = {}
    if _IGNORE and "tei" in outputs:
        hashes["tei~" + ",".join(_IGNORE)] = hashlib.sha256(_without(outputs["tei"], _IGNORE)).hexdigest()
    for fmt, data in outputs.items():
        hashes[fmt] = hashlib.sha256(data).hexdigest()
        if _DUMP is not None:
            target = _DUMP / fmt / (name.replace("/", "__").replace("#", "_") + "." + fmt)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return hashes


def _convert(task: tuple[str, str]) -> tuple[str, dict[str, str]]:
    """(key, {format: sha256 or "error: …"}) for one page or CSV row."""
    kind, name = task
    from convert.errors import ConvertError
    from convert.options import ConvertOptions, WriteOptions
    from convert.pipeline import render

    options = ConvertOptions(formats=_FORMATS, write=WriteOptions(source_date_epoch=EPOCH))
    try:
        outputs = render(_cable(kind, name), options)
    except ConvertError as exc:
        return name, {f: "error: " + exc.one_line() for f in _FORMATS}
    except Exception as exc:
        return name, {f: f"crash: {type(exc).__name__}: {exc}" for f in _FORMATS}
    return name, _hashes(name, outputs)


def _book(job: tuple[int, list[tuple[str, str]]]) -> tuple[str, dict[str, str]]:
    """(book:N, {format: sha256}) for one volume of the given pages and rows."""
    number, tasks = job
    from convert.options import WriteOptions
    from convert.volume import VOLUME_FORMATS, write_volume

    cables = [_cable(kind, name) for kind, name in tasks]
    options = WriteOptions(source_date_epoch=EPOCH)
    key = f"book:{number}"
    formats = [f for f in _FORMATS if f in VOLUME_FORMATS]
    return key, _hashes(key, {fmt: write_volume(cables, fmt, options) for fmt in formats})


def _csv_rows() -> list[tuple[str, str]]:
    from convert.readers import cablescsv

    sample = corpus.CSV_SAMPLE.resolve()  # one name for the rows, whichever worktree takes the snapshot
    with open(sample, "rb") as handle:
        return [("csv", f"{sample}#{r.source.rsplit('#', 1)[1]}")
                for r in cablescsv.iter_rows(handle, sample.name) if not isinstance(r, Exception)]


def take(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    files = corpus.pages(args.corpus)
    root = files[0].parents[3] if files else Path(".")
    os.chdir(root)  # relative names: the TEI's revisionDesc names the source as given
    tasks = [("html", str(f.relative_to(root))) for f in files] + _csv_rows()
    if args.limit:
        tasks = tasks[: args.limit]
    if args.sample and args.sample < len(tasks):
        step = len(tasks) / args.sample  # spread over pages of every year and the CSV rows
        tasks = [tasks[int(i * step)] for i in range(args.sample)]
    formats = tuple(f.strip() for f in args.formats.split(",") if f.strip())
    books = [(n, tasks[n::args.books]) for n in range(args.books)]
    ignore = tuple(n for n in (args.ignore or "").split(",") if n)
    with multiprocessing.Pool(args.jobs, initializer=_init, initargs=(args.dump, formats, ignore)) as pool:
        results = dict(pool.imap_unordered(_convert, tasks, chunksize=1 if args.sample else 16))
        results.update(pool.imap_unordered(_book, books))
    Path(args.snapshot).write_text(json.dumps(results, indent=0, sort_keys=True))
    print(f"{len(results)} cables and volumes, {len(formats)} formats, {time.perf_counter() - started:.0f} s "
          f"-> {args.snapshot}")
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
    t.add_argument("--limit", type=int, default=0, help="only the first N pages")
    t.add_argument("--sample", type=int, default=0, help="N pages and rows spread over the whole list")
    t.add_argument("--formats", default=",".join(FORMATS), help="comma-separated (default: %(default)s)")
    t.add_argument("--books", type=int, default=0, help="also K volumes of the sampled cables")
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
