"""Limits (issue #5): the maximum input size, the per-cable time limit, and regular
expressions that cannot backtrack catastrophically.

Regex worst cases: every module-level compiled pattern in ``convert.normalize`` and
``convert.readers`` is fed long runs (100 kB) of each character its quantifiers accept and of
two-character alternations, with near-miss endings, through ``search`` and ``match``; each
call must finish within 0.5 s (a linear scan of 100 kB takes a few milliseconds; a
quadratic one, seconds; an exponential one, forever — ``faulthandler`` ends the run then,
with the stack, rather than letting CI hang).
"""

from __future__ import annotations

import faulthandler
import importlib
import io
import os
import pkgutil
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import hardening_support as hs
import pytest

from convert.errors import InputTooLargeError, TimeLimitError
from convert.options import ConvertOptions, ReadOptions
from convert.readers import Source, cablescsv, load_source

ROOT = hs.ROOT
PY = sys.executable


def cli(*args: str, stdin: bytes | None = None, timeout: float = 120,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    """``python -m convert ARGS`` in a fresh process (the contract users see)."""
    return subprocess.run([PY, "-m", "convert", *args], input=stdin, capture_output=True,
                          timeout=timeout, cwd=ROOT, env={**os.environ, **(env or {})},
                          check=False)


# ------------------------------------------------------------------ regular expressions
def module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled regex bound at module level (also inside module-level lists/tuples)."""
    import convert.normalize
    import convert.readers

    found: dict[int, tuple[str, re.Pattern[str]]] = {}
    for package in (convert.normalize, convert.readers):
        # every module, subpackages included (rules live in convert.normalize.rules.*); a
        # pattern imported by other modules is named where it is defined (assigned)
        modules = [importlib.import_module(m.name)
                   for m in pkgutil.walk_packages(package.__path__, package.__name__ + ".")] + [package]
        for module in modules:
            source = Path(module.__file__ or "").read_text(encoding="utf-8")
            for name, value in vars(module).items():
                candidates = [(name, value)]
                if isinstance(value, list | tuple):
                    candidates = [(f"{name}[{i}]", x[0] if isinstance(x, tuple) and x else x)
                                  for i, x in enumerate(value)]
                defined = re.search(rf"^{re.escape(name)}\s*(?::[^=\n]*)?=", source, re.M) is not None
                for label, obj in candidates:
                    if isinstance(obj, re.Pattern) and (id(obj) not in found or defined):
                        found[id(obj)] = (f"{module.__name__}.{label}", obj)
    return sorted(found.values(), key=lambda x: x[0])


PATTERNS = module_patterns()
GENERIC = list(" \n\ta AZ01.-/()#:,\"\\'&;<>¶X8|")
PAIR_CHARS = list(" \nAa0.-/():,#")
SIZE = 100_000
BOUND = 0.5


def alphabet(pattern: re.Pattern[str]) -> list[str]:
    """The generic characters plus every literal character of the pattern."""
    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    literal = set(re.sub(r"\\.", "", source)) - set("()[]|*+?^$.{}\\")
    return sorted(set(GENERIC) | literal)


def literal_runs(pattern: re.Pattern[str]) -> set[str]:
    """The literal strings a pattern spells out (``<pre``, ``SECTION``, ``&#x``), from its
    parse tree, at any depth."""
    from re import _constants, _parser  # the stdlib's own regex parser

    found: set[str] = set()

    def walk(items: object) -> None:
        run = ""
        for op, arg in items:  # type: ignore[attr-defined]
            if op is _constants.LITERAL:
                run += chr(arg)
                continue
            if len(run) >= 2:
                found.add(run)
            run = ""
            for sub in arg if isinstance(arg, list | tuple) else ():
                if isinstance(sub, _parser.SubPattern):
                    walk(sub)
                elif isinstance(sub, list | tuple):
                    for inner in sub:
                        if isinstance(inner, _parser.SubPattern):
                            walk(inner)
        if len(run) >= 2:
            found.add(run)

    source = pattern.pattern if isinstance(pattern.pattern, str) else pattern.pattern.decode("latin-1")
    walk(_parser.parse(source, pattern.flags & ~re.UNICODE if isinstance(pattern.pattern, bytes) else pattern.flags))
    return found


def worst_cases(pattern: re.Pattern[str], pairs: bool) -> list[str]:
    """Long runs of single characters and (``pairs``) of two-character alternations, runs of
    the pattern's own literal strings (``<pre<pre…``, ``SECTION SECTION …``), each also with
    a near-miss ending that makes a match fail at the very end."""
    runs = [c * SIZE for c in alphabet(pattern)]
    if pairs:
        runs += [(a + b) * (SIZE // 2) for a in PAIR_CHARS for b in PAIR_CHARS if a < b]
    for word in sorted(literal_runs(pattern)):
        for sep in ("", " ", "\n"):
            unit = word + sep
            runs.append(unit * (SIZE // len(unit)))
    return [r + end for r in runs for end in ("", "!")]


def call_styles(name: str) -> tuple[str, ...]:
    """``search`` and ``match``, or only ``match`` for a pattern the code only ever anchors
    (every use is ``NAME.match(`` or ``NAME.fullmatch(``; a pattern handed to a function, or
    used any other way, is taken to be searched with)."""
    if "[" in name:
        return ("search", "match")
    module, short = name.rsplit(".", 1)
    path = ROOT / (module.replace(".", "/") + ".py")
    if not path.is_file():
        path = ROOT / module.replace(".", "/") / "__init__.py"
    sources = [path] if short.startswith("_") else list((ROOT / "convert").rglob("*.py"))
    uses = []
    for source in sources:
        text = source.read_text(encoding="utf-8")
        for match in re.finditer(rf"(?<![\w.]){re.escape(short)}\b(?!\s*=[^=])", text):
            uses.append(text[match.end(): match.end() + 11])
    if uses and all(u.startswith((".match(", ".fullmatch(")) for u in uses):
        return ("match",)
    return ("search", "match")


def timed(pattern: re.Pattern[str], text: str, styles: tuple[str, ...] = ("search", "match")
          ) -> tuple[float, str]:
    subject: str | bytes = text if isinstance(pattern.pattern, str) else text.encode("utf-8")
    worst, how = 0.0, ""
    for kind in styles:
        started = time.perf_counter()
        getattr(pattern, kind)(subject)  # type: ignore[call-overload]
        took = time.perf_counter() - started
        if took > worst:
            worst, how = took, kind
    return worst, how


#: (size, bound in seconds): tiny sizes first, so that a cubic or exponential pattern fails
#: in well under a second instead of running for hours at full size
STEPS = tuple((n, 0.05) for n in range(24, 257, 24)) + ((1_000, 0.05), (10_000, 0.1), (SIZE, BOUND))


def check_pattern(name: str, pattern: re.Pattern[str], pairs: bool) -> None:
    """Each worst case at growing sizes; the first size over its bound (measured again, so
    one scheduling hiccup does not count) fails the pattern."""
    faulthandler.dump_traceback_later(300, exit=True)  # last resort: fail, never hang
    try:
        slow = []
        styles = call_styles(name)
        for text in worst_cases(pattern, pairs):
            body, end = (text[:-1], text[-1]) if text.endswith("!") else (text, "")
            for size, bound in STEPS:
                sample = body[:size] + end
                took, how = timed(pattern, sample, styles)
                if took > bound:
                    took, how = min(timed(pattern, sample, styles) for _ in range(2))
                    if took > bound:
                        slow.append(f"{how} on {sample[:12]!r}…({len(sample)} chars): {took:.2f} s")
                        break
        assert not slow, f"{name} backtracks: " + "; ".join(slow[:4])
    finally:
        faulthandler.cancel_dump_traceback_later()


def test_call_styles() -> None:
    assert call_styles("convert.readers.cablescsv._ROW") == ("match",)  # only .match(buffer, pos)
    assert call_styles("convert.readers.cablescsv._NEXT_ROW") == ("search", "match")
    assert call_styles("convert.normalize.rules.fields.HANDLING_TOKEN") == ("search", "match")


def test_patterns_were_found() -> None:
    names = {n for n, _ in PATTERNS}
    assert len(PATTERNS) > 50
    for expected in ("convert.readers.cablescsv._ROW", "convert.normalize.rules.blocks.PARA_START",
                     "convert.normalize.banner.BANNER_LEVEL", "convert.readers.cablegate._PRE_START"):
        assert expected in names


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_regex_worst_case(name: str, pattern: re.Pattern[str]) -> None:
    check_pattern(name, pattern, pairs=False)


@pytest.mark.slow
@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[n for n, _ in PATTERNS])
def test_regex_worst_case_pairs(name: str, pattern: re.Pattern[str]) -> None:
    check_pattern(name, pattern, pairs=True)


@pytest.mark.parametrize("line", [
    "A" * 1_000_000,
    ("word " * 200_000),
    " " * 1_000_000 + "x",
    "\u00a0" * 500_000 + "1. (C)" + " " * 500_000,
    "-- " * 333_333,
    "(a) " * 250_000,
    "SECTION 1 OF 2 " * 60_000,
    ".\n" * 500_000,
], ids=["letters", "words", "spaces", "nbsp", "dashes", "items", "sections", "dots-lines"])
def test_one_megabyte_line_converts_in_bounded_time(line: str) -> None:
    """A 1 MB single line (or 1 MB of one repeated shape) goes through reader and normalizer
    within 30 s (a few seconds on a loaded 2-core machine), keeping every word."""
    data = ("UNCLAS STATE 000001\n\nSUBJECT: LONG LINE\n\n1. " + line).encode("utf-8")
    started = time.perf_counter()
    hs.assert_holds(data, "text", seconds=30)
    assert time.perf_counter() - started < 30


# ------------------------------------------------------------------ input size
def test_input_over_the_limit_is_refused_with_the_option_named(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"UNCLAS STATE 000001\n\n1. text\n" + b"x" * 2000)
    done = cli(str(path), "-o", str(tmp_path / "out"), "--max-input-size", "1k", "-q")
    assert done.returncode == InputTooLargeError.exit_code, done.stderr
    message = done.stderr.decode()
    assert "input too large" in message and "1,024-byte limit" in message
    assert "--max-input-size" in message
    assert not [p for p in (tmp_path / "out").glob("*") if p.name != "report.json" and p.is_file()]


def test_input_at_the_limit_is_accepted(tmp_path: Path) -> None:
    data = hs.SEED.read_bytes()
    path = tmp_path / "seed.txt"
    path.write_bytes(data)
    done = cli(str(path), "-o", str(tmp_path / "out"), "--max-input-size", str(len(data)), "-q")
    assert done.returncode == 0, done.stderr
    over = cli(str(path), "-o", str(tmp_path / "out2"), "--max-input-size", str(len(data) - 1), "-q")
    assert over.returncode == InputTooLargeError.exit_code


def test_stdin_over_the_limit_is_refused() -> None:
    done = cli("-", "-o", "-", "-t", "json", "--max-input-size", "1k",
               stdin=b"UNCLAS STATE 000001\n\n1. " + b"word " * 1000)
    assert done.returncode == InputTooLargeError.exit_code, done.stderr
    assert b"input too large" in done.stderr
    assert done.stdout == b""


def test_a_500_megabyte_file_is_refused_without_being_read(tmp_path: Path) -> None:
    """A sparse 500 MB file: refused from its size, in well under a second, without the
    process's memory growing by anything near its size."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.write(b"UNCLAS STATE 000001\n\n1. ")
        handle.truncate(500 * 1024 * 1024)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    with pytest.raises(InputTooLargeError) as info:
        list(load_source(Source(str(path), path=str(path)), ReadOptions()))
    assert time.perf_counter() - started < 2
    grown_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert grown_kib < 50 * 1024, f"memory grew by {grown_kib} KiB"
    assert "524,288,000 bytes" in info.value.message


def test_a_500_megabyte_file_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(500 * 1024 * 1024)
    started = time.perf_counter()
    done = cli(str(path), "-o", str(tmp_path / "out"), "-q")
    assert time.perf_counter() - started < 60
    assert done.returncode == InputTooLargeError.exit_code, done.stderr
    assert b"input too large" in done.stderr


@pytest.mark.slow
def test_a_500_megabyte_csv_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    """A cables.csv is streamed (no size limit): 500 MB of rows, the last one never closing,
    converts every complete row with the reader's memory bounded by the row limit."""
    row = (('"{n}","6/2/2009 9:22","09TEST{n}","Embassy Test","UNCLASSIFIED","","",'
            '"UNCLAS STATE 000001\n\n1. ') + "word " * 2000 + '"\n')
    path = tmp_path / "big.csv"
    count = 0
    with path.open("w", encoding="utf-8") as handle:
        while handle.tell() < 500 * 1024 * 1024:
            count += 1
            handle.write(row.format(n=count))
        handle.write('"0","6/2/2009 9:22","X","Y","Z","","","never closes')
    code = (
        "import resource, sys; from convert.readers import cablescsv; from convert.errors import ParseError\n"
        f"ok = bad = 0\n"
        f"with open({str(path)!r}, 'rb') as h:\n"
        "    for r in cablescsv.iter_rows(h, 'big.csv'):\n"
        "        if isinstance(r, ParseError): bad += 1\n"
        "        else: ok += 1\n"
        "print(ok, bad, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    done = subprocess.run([PY, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          timeout=1800, check=True)
    ok, bad, rss_kib = map(int, done.stdout.split())
    assert (ok, bad) == (count, 1)
    assert rss_kib < 400 * 1024, f"peak RSS {rss_kib} KiB"


def test_a_csv_field_whose_quote_never_closes(tmp_path: Path) -> None:
    """Good rows before an unterminated field convert. A row whose last field does not close
    ends where the next row opens (its text kept, a note says so); the last one, with no row
    after it, is one typed error naming its line; nothing hangs."""
    good = [
        '"1","6/2/2009 9:22","09A1","Embassy A","UNCLASSIFIED","","","UNCLAS A 000001\n\n1. (U) One."\n',
        '"2","6/2/2009 9:22","09A2","Embassy A","UNCLASSIFIED","","","UNCLAS A 000002\n\n1. (U) Two."\n',
    ]
    broken = '"3","6/2/2009 9:22","09A3","Embassy A","UNCLASSIFIED","","","UNCLAS A 000003\n\n1. (U) never closes\n' * 3
    data = ("".join(good) + broken).encode()
    with hs.deadline(20, "CSV"):
        rows = list(cablescsv.iter_rows(io.BytesIO(data), "t.csv"))
    errors = [r for r in rows if isinstance(r, Exception)]
    read = [r for r in rows if not isinstance(r, Exception)]
    assert [r.metadata.id for r in read] == ["09A1", "09A2", "09A3", "09A3"]
    assert [bool(r.notes) for r in read] == [False, False, True, True]
    assert read[2].body == "UNCLAS A 000003\n\n1. (U) never closes"
    assert len(errors) == 1
    assert errors[0].source == "t.csv:13" and "does not close" in errors[0].message  # its first line


def test_an_unclosed_field_longer_than_the_row_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """A field that never closes is cut at the row limit: one typed error, the rows after the
    next row opening still read, the buffer never larger than the limit plus one chunk."""
    monkeypatch.setattr(cablescsv, "MAX_ROW_CHARS", 50_000)
    monkeypatch.setattr(cablescsv, "CHUNK", 4096)
    opening = '"1","6/2/2009 9:22","09A1","Embassy A","UNCLASSIFIED","","","'
    after = '"2","6/2/2009 9:22","09A2","Embassy A","UNCLASSIFIED","","","UNCLAS A 000002\n\n1. (U) Two."\n'
    data = (opening + 'x "quoted" ' * 30_000 + "\n" + after).encode()
    with hs.deadline(20, "CSV"):
        rows = list(cablescsv.iter_rows(io.BytesIO(data), "t.csv"))
    errors = [r for r in rows if isinstance(r, Exception)]
    assert len(errors) == 1, errors
    assert "longer than 50,000 characters" in errors[0].message
    assert [r.metadata.id for r in rows if not isinstance(r, Exception)] == ["09A2"]


def test_an_unclosed_field_to_the_end_of_a_big_file_is_one_error(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """With no row after it, a field that never closes is one error, not one per buffer."""
    monkeypatch.setattr(cablescsv, "MAX_ROW_CHARS", 20_000)
    monkeypatch.setattr(cablescsv, "CHUNK", 4096)
    data = ('"1","6/2/2009 9:22","09A1","E","U","","","' + "no end " * 100_000).encode()
    with hs.deadline(20, "CSV"):
        rows = list(cablescsv.iter_rows(io.BytesIO(data), "t.csv"))
    assert len(rows) == 1 and isinstance(rows[0], Exception), rows[:3]


# ------------------------------------------------------------------ time limit
def test_time_limit_option_reaches_the_options() -> None:
    from convert.cli import build_options, parser

    args = parser().parse_args(["x.txt", "--time-limit", "2.5"])
    assert build_options(args).time_limit == 2.5
    assert build_options(parser().parse_args(["x.txt"])).time_limit == ConvertOptions().time_limit


def test_time_limit_single_cable_cli(tmp_path: Path) -> None:
    """One cable through the CLI with a limit it cannot meet (a PDF takes longer than 10 ms):
    exit 12, a one-line message naming the input and the option, and no output written."""
    out = tmp_path / "out"
    started = time.perf_counter()
    done = cli(str(hs.SEED), "-o", str(out), "-t", "pdf", "--time-limit", "0.01", "-q")
    assert done.returncode == TimeLimitError.exit_code, done.stderr
    line = done.stderr.decode().strip().splitlines()[-1]
    assert "seed-09BEIJING1463.txt" in line and "time limit" in line and "--time-limit" in line
    assert time.perf_counter() - started < 60
    assert not list(out.glob("*.pdf"))


def test_time_limit_streaming_to_stdout() -> None:
    """``-o -`` converts in the CLI's own process: the limit applies there too."""
    done = cli(str(hs.SEED), "-o", "-", "-t", "pdf", "--time-limit", "0.01")
    assert done.returncode == TimeLimitError.exit_code, done.stderr[-500:]
    assert b"time limit" in done.stderr
    assert done.stdout == b""


def test_a_generous_time_limit_changes_nothing(tmp_path: Path) -> None:
    done = cli(str(hs.SEED), "-o", str(tmp_path), "-t", "json", "--time-limit", "60", "-q")
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "09BEIJING1463.json").is_file()


def test_a_csv_on_stdin_is_streamed_not_cut_at_the_size_limit() -> None:
    """A cables.csv on stdin is streamed like a file: the size limit is for one cable. It used
    to be read only up to the limit, so the row at the cut was reported as 'does not close'
    and every row after it was dropped."""
    rows = "".join(
        f'"{n}","6/2/2009 9:22","09A{n}","E","UNCLASSIFIED","","","UNCLAS A 00000{n}\n\n1. (U) Row {n}."\n'
        for n in range(1, 6))
    done = cli("-", "-o", "-", "-t", "json", "--max-input-size", "150", stdin=rows.encode())
    assert done.returncode == 0, done.stderr
    ids = [line.split(b'"id": "')[1].split(b'"')[0] for line in done.stdout.splitlines()]
    assert ids == [b"09A1", b"09A2", b"09A3", b"09A4", b"09A5"]
