"""Command line: ``python -m convert [INPUT…] [-o OUT] [--to FORMATS] [--from FORM]``.

The only place that turns errors into exit codes and one-line messages (table in the
README, from :func:`convert.errors.exit_code_table`)."""

from __future__ import annotations

import argparse
import dataclasses
import os
import signal
import sys
import traceback
from pathlib import Path

from . import __version__
from .cliargs import Parser, count, seconds, size
from .console import Stop, Tolerant, names_from, print_warnings, silence
from .errors import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_SOME_FAILED,
    EXIT_TERMINATED,
    ConvertError,
    InputError,
    OutputError,
    UsageError,
)
from .options import DEFAULT_MAX_INPUT_BYTES, ConvertOptions, ReadOptions, WriteOptions

DEFAULT_INPUT = "data"
DEFAULT_OUTPUT = "build"


def parser() -> argparse.ArgumentParser:
    # choices and help from the registries: input forms, formats, themes, papers, PDF variants
    from .readers import FORMS
    from .theme import PAPERS, THEMES
    from .volume import SORTS
    from .writers import (
        DEFAULT_FORMATS,
        DEFAULT_PDF_VARIANT,
        GROUPS,
        PDF_VARIANTS,
        formats_help,
        volume_formats,
    )

    p = Parser(
        prog="cable-convert",
        description="Normalize US diplomatic cables (text, cablegate pages, cables.csv, TEI) to "
        "canonical TEI and render them to JSON, HTML, PDF, EPUB, DOCX and Markdown.",
    )
    p.add_argument("inputs", nargs="*", metavar="INPUT",
                   help="files, folders (recursive), cables.csv files, or - for stdin "
                   f"(default: ./{DEFAULT_INPUT}, the sample cables of a source checkout)")
    p.add_argument("-o", "--output", metavar="OUT",
                   help=f"output folder, or - to stream one format to stdout (default: {DEFAULT_OUTPUT}/)")
    default = ",".join(DEFAULT_FORMATS)
    data = ",".join(GROUPS["data"])
    p.add_argument("-t", "--to", default=default, metavar="FORMATS",
                   help=f"comma-separated: {formats_help()}; all (every format); data ({data}: "
                   f"the data alone, nothing rendered) (default: {default}: the data and a "
                   "PDF to read)")
    p.add_argument("-f", "--from", dest="form", choices=FORMS,
                   help="input form (default: detected from content)")
    p.add_argument("--encoding", help="decode inputs with this encoding (e.g. cp1252) instead of UTF-8")
    p.add_argument("--max-input-size", type=size, default=DEFAULT_MAX_INPUT_BYTES, metavar="BYTES",
                   help="largest single-cable input accepted (e.g. 20M; default %(default)s)")
    p.add_argument("--layout", choices=("flat", "tree"), default="flat",
                   help="flat: OUT/<id>.<ext>; tree: OUT/<format>/<year>/<id>.<ext> (for large corpora)")
    p.add_argument("--theme", default="modern", metavar="THEME",
                   help=f"rendering theme: {' or '.join(THEMES)}, or a TOML file of tokens that "
                   'says inherit = "modern" (or another built-in theme) and changes some of them')
    p.add_argument("--transcript", action="store_true",
                   help="render the complete transcript (metadata block, the routing header where "
                   "it stands) instead of the reading edition (a FRUS-style heading, source note "
                   "and dateline, the text, the routing header as a Transmission appendix)")
    p.add_argument("--paper", choices=PAPERS, default="a4")
    p.add_argument("--pdf-variant", default=DEFAULT_PDF_VARIANT, choices=tuple(PDF_VARIANTS),
                   help="pdf/a-3a: tagged, PDF/A-3a and PDF/UA-1 (default); pdf/a-3b: archival, "
                   "untagged; pdf/ua-1: tagged, not PDF/A; none: a plain PDF")
    p.add_argument("--show-artifacts", action="store_true",
                   help="show page-break and section marks as marginal notes")
    _batch_options(p)
    _volume_options(p, SORTS, volume_formats())
    p.add_argument("-q", "--quiet", action="store_true", help="no progress, only errors")
    p.add_argument("--debug", action="store_true", help="print tracebacks for internal errors")
    p.add_argument("--version", action="version", version=f"cable-convert {__version__}")
    return p


def _batch_options(p: argparse.ArgumentParser) -> None:
    batch = p.add_argument_group("batch (a folder, a cables.csv, many inputs)")
    batch.add_argument("-j", "--jobs", type=count, metavar="N",
                       help="worker processes (default: every core); with --engine dask and no "
                       "--scheduler, the local cluster's workers")
    batch.add_argument("--engine", choices=("local", "dask"), default="local",
                       help="local: worker processes on this machine; dask: a Dask cluster")
    batch.add_argument("--scheduler", metavar="ADDRESS",
                       help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default with --engine "
                       "dask: start a local cluster)")
    batch.add_argument("--force", "--no-resume", dest="force", action="store_true",
                       help="convert everything again, even cables whose outputs are up to date")
    batch.add_argument("--recycle-after", type=count, metavar="N", default=None,
                       help="replace each worker process after N cables, bounding memory "
                       "(default 1000)")
    batch.add_argument("--time-limit", type=seconds, metavar="SECONDS", default=None,
                       help="give up on a cable after this long (default 60; 0: no limit)")
    batch.add_argument("--files-from", metavar="FILE",
                       help="read more input names from FILE, one per line (- for stdin); "
                       "blank lines and lines starting with # are skipped (name a file #x as ./#x)")
    batch.add_argument("--progress", choices=("auto", "bar", "lines", "none"), default="auto",
                       help="auto: a bar on a terminal, a line every 5 s otherwise")


def _volume_options(p: argparse.ArgumentParser, sorts: tuple[str, ...], formats: tuple[str, ...]) -> None:
    book = p.add_argument_group(f"volumes (many cables as one {', '.join(formats)})")
    book.add_argument("--book", action="store_true",
                      help="gather every input cable into one volume per format (--to pdf,epub,…): "
                      "title page, contents, REF links between its cables, index of TAGS")
    book.add_argument("--no-page-list", dest="page_list", action="store_false",
                      help="an EPUB volume without the page list of its PDF edition. By default "
                      "the EPUB marks where each printed page starts, for citing by page: with "
                      "--to pdf,epub the PDF hands its pages over at no cost; an EPUB made alone "
                      "lays out the PDF edition for them (about 5x the EPUB's time) and writes "
                      "no PDF")
    book.add_argument("--title", help="the volume's title (default: from its cables)")
    book.add_argument("--sort", choices=sorts, default="date",
                      help="order of the cables in a volume (default: date)")
    book.add_argument("--book-name", metavar="NAME",
                      help="file name of the volume, without extension (default: volume; a "
                      "run's CMIF file: cables)")
    book.add_argument("--publisher", metavar="NAME",
                      help="who publishes a CMIF file (--to cmif): its publisher and editor")
    book.add_argument("--cmif-url", metavar="URL",
                      help="the address a CMIF file will be published at (its idno, which "
                      "correspSearch needs; default: its file name)")


def _formats(text: str) -> tuple[str, ...]:
    from .writers import expand_formats

    return expand_formats(text)


def _source_date_epoch() -> int | None:
    value = os.environ.get("SOURCE_DATE_EPOCH")
    if value is None or not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise UsageError("SOURCE_DATE_EPOCH", f"not an integer: {value!r}") from None


def build_options(args: argparse.Namespace) -> ConvertOptions:
    """The options of a run, checked before any cable: an unknown theme is one error (exit
    14), not one failure per cable, and an error even for formats that use no theme."""
    from .theme import check_theme

    formats = _formats(args.to)
    if not formats:
        raise UsageError("--to", "no output format named (e.g. --to tei,json, or --to all)")
    options = ConvertOptions(
        formats=formats,
        read=ReadOptions(form=args.form, encoding=args.encoding, max_input_bytes=args.max_input_size),
        write=WriteOptions(
            # the theme is read (a bad one fails here, once, before any cable) and a theme
            # file named by its absolute path, for workers in other folders
            theme=check_theme(args.theme), paper=args.paper, pdf_variant=args.pdf_variant,
            show_artifacts=args.show_artifacts, source_date_epoch=_source_date_epoch(),
            transcript=args.transcript, page_list=getattr(args, "page_list", True),
        ),
    )
    if getattr(args, "time_limit", None) is not None:
        options = dataclasses.replace(options, time_limit=args.time_limit)
    return options


def _stream(inputs: list[str], options: ConvertOptions) -> int:
    """``-o -``: one format to stdout; JSON becomes JSON Lines. A reader that stops reading
    (``| head``) ends the run quietly: only stdout's closing does that."""
    from .batch.worker import convert_limited
    from .pipeline import iter_sources
    from .writers import get_writer
    from .writers.json import dumps, record

    if len(options.formats) != 1:
        raise UsageError("-o -", "streaming to stdout takes exactly one format (--to)")
    fmt = options.formats[0]
    get_writer(fmt)  # a format made once for many cables (cmif) is refused here
    failures: list[ConvertError] = []
    out = sys.stdout.buffer
    for item in iter_sources(inputs, options.read):
        try:
            if isinstance(item, ConvertError):
                raise item
            for converted in convert_limited(item, options):
                try:
                    if fmt == "json":
                        out.write(dumps(record(converted.cable), indent=None) + b"\n")
                    else:
                        out.write(converted.outputs[fmt])
                    out.flush()
                except BrokenPipeError:
                    silence(sys.stdout)
                    return _exit_for(failures, total_ok=True)
                for warning in converted.warnings:
                    print(f"cable-convert: {converted.source}: warning: {warning}", file=sys.stderr)
        except ConvertError as exc:
            print(exc.one_line(), file=sys.stderr)
            failures.append(exc)
    return _exit_for(failures, total_ok=True)


def _exit_for(failures: list[ConvertError] | list[int], total_ok: bool) -> int:
    del total_ok
    if not failures:
        return 0
    codes = {f.exit_code if isinstance(f, ConvertError) else f for f in failures}
    return codes.pop() if len(codes) == 1 and len(failures) == 1 else EXIT_SOME_FAILED


def run(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    options = build_options(args)
    inputs = list(args.inputs) or ([] if args.files_from else _default_input())
    if args.files_from:
        inputs += names_from(args.files_from)
    if args.output == "-":
        return _stream(inputs, options)
    out = Path(args.output or DEFAULT_OUTPUT)
    if args.book:
        return _book(args, inputs, out, options, args.book_name or "volume")
    from .writers import is_collection

    # a format made once for the run's cables (cmif) is made after the per-cable ones
    collected = tuple(f for f in options.formats if is_collection(f))
    each = tuple(f for f in options.formats if f not in collected)
    code = _batch(args, inputs, out, dataclasses.replace(options, formats=each)) if each else 0
    if collected:
        made = _book(args, inputs, out, dataclasses.replace(options, formats=collected),
                     args.book_name or "cables")
        code = code or made
    return code


def _batch(args: argparse.Namespace, inputs: list[str], out: Path, options: ConvertOptions) -> int:
    from .batch import DEFAULT_RECYCLE_AFTER
    from .batch import run as run_batch
    from .output import check_writable

    check_writable(out)
    report = run_batch(
        inputs, out, options, layout=args.layout, jobs=args.jobs, engine=args.engine,
        scheduler=args.scheduler, resume=not args.force,
        recycle_after=args.recycle_after or DEFAULT_RECYCLE_AFTER,
        progress="none" if args.quiet else args.progress,
    )
    if not args.quiet:
        print_warnings(report)
    for result in report.failed:
        print(result.error, file=sys.stderr)
    for line in report.run_errors:
        print(line, file=sys.stderr)
    if not args.quiet:
        print(f"cable-convert: {len(report.converted)} converted, {len(report.skipped)} up to "
              f"date, {len(report.failed)} failed -> {out}", file=sys.stderr)
        if len(report.results) > 1:
            print(report.summary(), file=sys.stderr)
    if not report.results:
        raise InputError(" ".join(inputs) or "--files-from", "no cable found in the inputs")
    if report.failed:
        if len(report.results) == 1 and not report.run_errors:
            return report.failed[0].exit_code
        return EXIT_SOME_FAILED
    # every cable is whole but a file of the run (the taxonomy) could not be written
    return OutputError.exit_code if report.run_errors else 0


def _default_input() -> list[str]:
    """``./data`` when no input is named: the sample cables of a source checkout."""
    if not Path(DEFAULT_INPUT).is_dir():
        raise UsageError("INPUT", f"no input named, and no ./{DEFAULT_INPUT} folder here to "
                         "convert (name files or folders, or - for stdin)")
    return [DEFAULT_INPUT]


def _book(args: argparse.Namespace, inputs: list[str], out: Path, options: ConvertOptions,
          stem: str) -> int:
    """``--book``, and a run's collections (cmif): one file per format, named ``stem``. In a
    batch's output folder it takes the folder's lock, as a batch does, and never replaces a
    file the batch recorded as a cable's output (a folder that holds only volumes is left
    holding only volumes)."""
    from dataclasses import replace

    from .batch.state import STATE_DIR, State
    from .book import make_book
    from .names import safe_stem
    from .output import check_writable
    from .writers import spec_of

    if args.to == parser().get_default("to"):
        options = replace(options, formats=("pdf",))  # a volume is for reading: PDF unless asked
    check_writable(out)
    def say(message: str) -> None:
        print(f"cable-convert: {message}", file=sys.stderr, flush=True)

    state = State(out).load() if (out / STATE_DIR).is_dir() else None
    try:
        recorded = {rel for record in (state.records.values() if state else ())
                    for rel in record.outputs.values()}
        for fmt in options.formats:
            name = f"{safe_stem(stem)}.{spec_of(fmt).extension}"
            if name in recorded:
                raise UsageError(str(out / name), "a cable's output of an earlier batch in this "
                                 "folder: choose another --book-name or -o")
        result = make_book(inputs, out, options, sort=args.sort, title=args.title, name=stem,
                           progress=None if args.quiet or args.progress == "none" else say,
                           publisher=args.publisher, url=args.cmif_url)
    finally:
        if state is not None:
            state.close()
    for warning in result.warnings:
        print(f"cable-convert: warning: {warning}", file=sys.stderr)
    for failure in result.failures:
        print(failure.one_line(), file=sys.stderr)
    if not args.quiet:
        names = ", ".join(str(p) for p in result.outputs) or "nothing"
        what = "a volume of" if args.book else "one file of"  # a run's CMIF
        print(f"cable-convert: {what} {result.cables} cables -> {names}", file=sys.stderr)
    if result.failures:
        return EXIT_SOME_FAILED if result.cables else result.failures[0].exit_code
    if not result.cables:
        raise InputError(" ".join(inputs) or "--files-from", "no cable found in the inputs: "
                         "no volume made")
    return 0


def main(argv: list[str] | None = None) -> int:
    stderr = sys.stderr
    sys.stderr = Tolerant(stderr)
    try:
        with Stop() as stop:
            try:
                return run(argv)
            except ConvertError as exc:
                print(exc.one_line(), file=sys.stderr)
                return exc.exit_code
            except KeyboardInterrupt:
                if stop.signal == signal.SIGTERM:
                    print("cable-convert: terminated; a re-run resumes", file=sys.stderr)
                    return EXIT_TERMINATED
                print("cable-convert: interrupted; a re-run resumes", file=sys.stderr)
                return EXIT_INTERRUPTED
            except Exception as exc:
                if "--debug" in (argv if argv is not None else sys.argv):
                    traceback.print_exc()
                print(f"cable-convert: internal error: {type(exc).__name__}: {exc} "
                      "(rerun with --debug)", file=sys.stderr)
                return EXIT_INTERNAL
    finally:
        sys.stderr = stderr
