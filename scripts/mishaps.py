#!/usr/bin/env python3
"""Issue #12 end to end: each ordinary mishap as a scenario, through the command line, in a
temporary folder of its own; a table of what happened.

    python scripts/mishaps.py [--scratch DIR] [--only WORD]

For every scenario: the exit status (and the one expected), how many cables the input
holds, how many the report counts (converted or up to date) and how many have files on disk,
and what was left in the temporary folder (each run gets its own ``TMPDIR``; the fork
server's folder, pandoc's folders and Dask's scratch space must all be gone). A row is
*clean* when the exit status is the expected one, the three counts agree with what the
scenario should do, nothing is left over, and the scenario's own check holds (named in the
last column). The pages come from ../shared (the cablegate archive), never from elsewhere.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import stat
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))
from batch_support import BLOCKING_CHILD  # noqa: E402  (the tests' child script, shared)

ARCHIVE = REPO.parent / "shared" / "corpus" / "cablegate-html.tar.xz"
SEED = REPO / "data" / "seed-09BEIJING1463.txt"
GUARD = 600.0  # no scenario needs this long: past it, it fails instead of hanging
NO_ID = "UNCLAS\n\nSUBJECT: A NOTE WITHOUT BANNER OR HEADER {n}\n\n1. (U) Text of note {n}.\n"


@dataclass
class Outcome:
    code: int
    expected: int
    inputs: int
    report: int | None  # cables converted or up to date in report.json (None: no report)
    disk: int  # cables with a TEI file in OUT
    check: str  # what the scenario checked beyond the counts
    ok: bool  # whether that check held
    counts_agree: bool | None = None  # None: report == disk == inputs
    leftovers: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        agree = (self.counts_agree if self.counts_agree is not None
                 else self.report == self.disk == self.inputs)
        return self.code == self.expected and agree and self.ok and not self.leftovers


class Scenario:
    """One scenario's folder: ``in/``, ``out/``, its own ``tmp/`` (TMPDIR)."""

    def __init__(self, root: Path, pages: list[Path]) -> None:
        self.root = root
        self.inputs = root / "in"
        self.out = root / "out"
        self.tmp = root / "tmp"
        for folder in (self.inputs, self.tmp):
            folder.mkdir(parents=True)
        self.pages = pages

    def env(self, **extra: str) -> dict[str, str]:
        return {**os.environ, "TMPDIR": str(self.tmp), **extra}

    def cli(self, *args: str, cwd: Path = REPO, umask: int | None = None
            ) -> subprocess.CompletedProcess[str]:
        def preexec() -> None:
            if umask is not None:
                os.umask(umask)

        done = subprocess.run([sys.executable, "-m", "convert", *args], cwd=cwd,
                              capture_output=True, timeout=GUARD, env=self.env(),
                              preexec_fn=preexec, check=False)
        return subprocess.CompletedProcess(done.args, done.returncode,
                                           done.stdout.decode("utf-8", "replace"),
                                           done.stderr.decode("utf-8", "replace"))

    def python(self, code: str, *, signals: list[int] | None = None, wait_lines: int = 0,
               group: bool = False) -> subprocess.CompletedProcess[str]:
        """``python -c CODE``; with ``signals``, sent once the resume log holds
        ``wait_lines`` lines (or, with ``wait_lines`` 0, once ``ready`` exists)."""
        child = subprocess.Popen([sys.executable, "-c", code], cwd=REPO, env=self.env(),
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                 start_new_session=True)
        if signals:
            log = self.out / ".cable-convert" / "state.jsonl"
            deadline = time.monotonic() + GUARD
            while not ((wait_lines and log.exists() and log.read_text().count("\n") >= wait_lines)
                       or (not wait_lines and (self.root / "ready").exists())):
                if child.poll() is not None or time.monotonic() > deadline:
                    break
                time.sleep(0.02)
            for signum in signals:
                (os.killpg if group else os.kill)(child.pid, signum)
        stdout, stderr = child.communicate(timeout=GUARD)
        try:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        return subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr)

    def copy(self, count: int, into: Path | None = None) -> list[Path]:
        target = into or self.inputs
        target.mkdir(parents=True, exist_ok=True)
        for page in self.pages[:count]:
            shutil.copyfile(page, target / page.name)
        return [target / p.name for p in self.pages[:count]]

    def report(self, out: Path | None = None) -> dict | None:
        path = (out or self.out) / "report.json"
        return json.loads(path.read_text()) if path.is_file() else None

    def done(self, out: Path | None = None) -> int | None:
        data = self.report(out)
        return None if data is None else data["totals"]["converted"] + data["totals"]["up-to-date"]

    def disk(self, out: Path | None = None) -> int:
        root = out or self.out
        return len(list(root.rglob("*.tei.xml"))) if root.is_dir() else 0

    def outcome(self, done: subprocess.CompletedProcess[str], expected: int, inputs: int,
                check: str = "", ok: bool = True, **kwargs: object) -> Outcome:
        return Outcome(done.returncode, expected, inputs, self.done(), self.disk(), check, ok,
                       **kwargs)  # type: ignore[arg-type]


HOOKED = BLOCKING_CHILD + """from convert.cli import main
sys.exit(main({argv!r}))
"""


def hooked(s: Scenario, argv: list[str], count: int) -> str:
    markers = s.root / "markers"
    markers.mkdir(exist_ok=True)
    return HOOKED.format(repo=str(REPO), tests=str(REPO / "tests"), markers=str(markers),
                         count=count, argv=argv)


def csv_rows(numbers: list[int], refids: list[str] | None = None) -> str:
    return "".join(
        f'"{n}","6/2/2009 9:22","{refids[i] if refids else f"09TEST{i}"}","Embassy Test",'
        f'"UNCLASSIFIED","","","UNCLAS\n\nSUBJECT: ROW {i}\n\n1. (U) Row {i} text."\n'
        for i, n in enumerate(numbers))


# ------------------------------------------------------------------------------ scenarios


def long_names(s: Scenario) -> Outcome:
    for n in (1, 2):
        (s.inputs / ("a" * 130 + f"{n}.txt")).write_text(NO_ID.format(n=n))
    s.cli(str(s.inputs), "-o", str(s.out), "-q")
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q")
    return s.outcome(done, 0, 2, "re-run: both up to date", s.report()["totals"]["up-to-date"] == 2)


def csv_repeats(s: Scenario) -> Outcome:
    (s.inputs / "joined.csv").write_text(csv_rows(list(range(1, 11)) * 2))
    done = s.cli(str(s.inputs / "joined.csv"), "-o", str(s.out), "-q")
    return s.outcome(done, 0, 20)


def symlinks(s: Scenario) -> Outcome:
    s.copy(2)
    outside = s.root / "outside"
    s.copy(4, outside)
    (s.inputs / "link.html").symlink_to(outside / s.pages[3].name)
    (s.inputs / "linked-folder").symlink_to(outside, target_is_directory=True)
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q")
    passed = [p["path"] for p in s.report()["passed_over"]]
    return s.outcome(done, 0, 2, "2 links passed over, warned", len(passed) == 2)


UNREADABLE = """
import os, sys
sys.path[:0] = [{repo!r}]
from convert.readers import listing
real = os.scandir
def scandir(path):
    if str(path) == {locked!r}:
        raise PermissionError(13, "Permission denied", str(path))
    return real(path)
listing.os.scandir = scandir
from convert.cli import main
sys.exit(main([{inputs!r}, "-o", {out!r}, "-q"]))
"""


def unreadable_folder(s: Scenario) -> Outcome:
    s.copy(2)
    locked = s.inputs / "locked"
    s.copy(3, locked)
    if os.geteuid() != 0:
        locked.chmod(0)
        done = s.cli(str(s.inputs), "-o", str(s.out))
        locked.chmod(0o755)
        how = "chmod 000"
    else:  # root reads any folder: the refusal is simulated where the walk lists folders
        done = s.python(UNREADABLE.format(repo=str(REPO), locked=str(locked),
                                          inputs=str(s.inputs), out=str(s.out)))
        how = "simulated (root)"
    failed = [c for c in s.report()["cables"] if c["status"] == "failed"]
    return s.outcome(done, 16, 2, f"the folder is a failed input ({how})",
                     len(failed) == 1 and "Permission denied" in failed[0]["error"]["message"])


def closed_stderr(s: Scenario) -> Outcome:
    s.copy(6)
    child = subprocess.Popen([sys.executable, "-m", "convert", str(s.inputs), "-o", str(s.out),
                              "--progress", "bar", "-j", "2"], cwd=REPO, env=s.env(),
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    child.stderr.read(1)
    child.stderr.close()
    code = child.wait(timeout=GUARD)
    done = subprocess.CompletedProcess(child.args, code)
    return s.outcome(done, 0, 6, "report complete", s.report()["complete"] is True)


def closed_stderr_failures(s: Scenario) -> Outcome:
    s.copy(3)
    (s.inputs / "empty.txt").write_bytes(b"")
    child = subprocess.Popen([sys.executable, "-m", "convert", str(s.inputs), "-o", str(s.out),
                              "-q"], cwd=REPO, env=s.env(), stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE)
    assert child.stderr is not None
    child.stderr.close()
    done = subprocess.CompletedProcess(child.args, child.wait(timeout=GUARD))
    return s.outcome(done, 16, 3, "the empty input is the one failure",
                     s.report()["totals"]["failed"] == 1)


def non_utf8_name(s: Scenario) -> Outcome:
    shutil.copyfile(s.pages[0], os.fsdecode(bytes(s.inputs) + b"/x\xffy.html"))
    s.copy(2)
    s.cli(str(s.inputs), "-o", str(s.out), "-q")
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q")
    return s.outcome(done, 0, 3, "re-run: all up to date", s.report()["totals"]["up-to-date"] == 3)


def damaged_outputs(s: Scenario) -> Outcome:
    s.copy(4)
    s.cli(str(s.inputs), "-o", str(s.out), "-q", "--to", "tei,json,md")
    first = {p: p.read_bytes() for p in s.out.glob("*.*") if p.is_file() and p.name != "report.json"}
    mds = sorted(s.out.glob("*.md"))
    mds[0].write_bytes(mds[0].read_bytes()[:100])
    sorted(s.out.glob("*.json"))[1].write_bytes(b"")
    tei = sorted(s.out.glob("*.tei.xml"))[2]
    tei.write_bytes(b"x" * tei.stat().st_size)
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q", "--to", "tei,json,md")
    after = {p: p.read_bytes() for p in first}
    return s.outcome(done, 0, 4, "3 redone, every file as first written",
                     after == first and s.report()["totals"]["converted"] == 3)


def json_reading_text(s: Scenario) -> Outcome:
    """Every word of each TEI body's reading text is in the JSON record's ``body``, in order
    (the record used to hold the numbered paragraphs only)."""
    import re

    from lxml import etree

    from convert.model import TEI_NS
    from convert.textview import reading_text

    word = re.compile(r"\w+")
    s.copy(6)
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q", "--to", "tei,json")
    short = unnumbered = 0
    for tei in sorted(s.out.glob("*.tei.xml")):
        body = etree.parse(str(tei)).getroot().find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
        record = json.loads(tei.with_name(tei.name[: -len(".tei.xml")] + ".json").read_text())
        carried: list[str] = []
        for block in record.get("body", ()):
            carried += [str(block["n"])] if isinstance(block["n"], int) else []
            carried += word.findall(block["marking"] or "") + word.findall(block["text"])
            for item in block.get("items", ()):
                carried += word.findall(item["label"] or "") + word.findall(item["text"])
            unnumbered += block["type"] == "p" and block["n"] is None
        short += word.findall(reading_text(body)) != carried
    return s.outcome(done, 0, 6, f"records short of reading words: {short}; unnumbered "
                     f"paragraphs carried: {unnumbered}", short == 0 and unnumbered > 0)


def sigterm(s: Scenario) -> Outcome:
    s.copy(6)
    (s.out).mkdir()
    (s.out / "report.json").write_text('{"complete": true, "formats": ["pdf"], "cables": []}')
    done = s.python(hooked(s, [str(s.inputs), "-o", str(s.out), "-t", "tei,json", "-q", "-j", "2",
                               "--time-limit", "0"], 2), signals=[signal.SIGTERM], wait_lines=2)
    data = s.report()
    return s.outcome(done, 143, 6, "report: this run's, incomplete, says 2",
                     data["complete"] is False and data["formats"] == ["tei", "json"],
                     counts_agree=s.done() == s.disk() == 2)


def double_ctrl_c(s: Scenario) -> Outcome:
    s.copy(6)
    done = s.python(hooked(s, [str(s.inputs), "-o", str(s.out), "-t", "tei,json", "-q", "-j", "2",
                               "--time-limit", "0"], 2),
                    signals=[signal.SIGINT, signal.SIGINT], wait_lines=2)
    return s.outcome(done, 130, 6, "one line, no traceback, report incomplete",
                     "Traceback" not in done.stderr and len(done.stderr.splitlines()) == 1
                     and s.report()["complete"] is False, counts_agree=s.done() == s.disk() == 2)


def id_report(s: Scenario) -> Outcome:
    (s.inputs / "rows.csv").write_text(csv_rows([1, 2], ["report", "REPORT"]))
    done = s.cli(str(s.inputs / "rows.csv"), "-o", str(s.out), "-q")
    return s.outcome(done, 0, 2, "report.json is the batch's", "cables" in s.report())


def renamed_folder(s: Scenario) -> Outcome:
    s.copy(3)
    s.cli(str(s.inputs), "-o", str(s.out), "-q")
    moved = s.root / "renamed"
    s.inputs.rename(moved)
    done = s.cli(str(moved), "-o", str(s.out), "-q")
    names = [p.name for p in s.out.glob("*.tei.xml")]
    return s.outcome(done, 0, 3, "no <id>_<hash> names", not any("_" in n for n in names))


def out_inside_input(s: Scenario) -> Outcome:
    s.copy(3)
    out = s.inputs / "out"
    counts = []
    for _ in range(3):
        done = s.cli(str(s.inputs), "-o", str(out), "-q")
        counts.append(s.done(out))
    return Outcome(done.returncode, 0, 3, s.done(out), s.disk(out),
                   f"three runs: {counts} cables", counts == [3, 3, 3])


def empty_csv(s: Scenario) -> Outcome:
    (s.inputs / "empty.csv").write_bytes(b"")
    done = s.cli(str(s.inputs / "empty.csv"), "-o", str(s.out), "-q")
    data = s.report()
    return s.outcome(done, 4, 0, "one failure", data["totals"]["failed"] == 1)


def no_format(s: Scenario) -> Outcome:
    done = s.cli(str(SEED), "-o", str(s.out), "--to", "")
    return s.outcome(done, 2, 0, "nothing written", not s.out.exists(), counts_agree=True)


def empty_book(s: Scenario) -> Outcome:
    (s.root / "none.txt").write_text("")
    done = s.cli("--files-from", str(s.root / "none.txt"), "-o", str(s.out), "--book", "--to", "md")
    return s.outcome(done, 3, 0, "no volume", not list(s.out.glob("volume.*")),
                     counts_agree=True)


def fifo(s: Scenario) -> Outcome:
    s.copy(1)
    os.mkfifo(s.inputs / "pipe.txt")
    os.mkfifo(s.root / "named.csv")
    done = s.cli(str(s.inputs), str(s.root / "named.csv"), "-o", str(s.out), "-q")
    data = s.report()
    return s.outcome(done, 16, 1, "named FIFO refused, the other passed over",
                     data["totals"]["failed"] == 1 and len(data["passed_over"]) == 1)


def _wrapped_lines(count: int) -> str:
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    return "\n".join(" ".join(words[(i + k) % 10] for k in range(11)) for i in range(count))


def _child_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _wrapped_cable(s: Scenario, lines: int, *options: str
                   ) -> tuple[subprocess.CompletedProcess[str], int, float]:
    """A cable of one paragraph hard-wrapped over ``lines`` lines, converted with
    ``options``: the run, the input's size and the CPU seconds it took."""
    path = s.inputs / "wrapped.txt"
    path.write_text("UNCLAS STATE 000001\n\nSUBJECT: LONG PARAGRAPH\n\n1. " + _wrapped_lines(lines))
    cpu = _child_cpu()
    done = s.cli(str(path), "-o", str(s.out), "-q", *options)
    return done, path.stat().st_size, _child_cpu() - cpu


def long_paragraph(s: Scenario) -> Outcome:
    """TEI and JSON (the normalizer, which the item is about). A PDF of 16 MB is another
    matter: weasyprint lays out about 15-20 CPU seconds a megabyte, so a text a PDF cannot lay
    out within the time limit is refused at once (:func:`long_paragraph_as_pdf`)."""
    done, size, cpu = _wrapped_cable(s, 260_000, "--to", "tei,json")
    return s.outcome(done, 0, 1, f"{size / 1e6:.0f} MB paragraph, default limits: {cpu:.1f} s CPU",
                     size > 15e6)


def long_paragraph_as_pdf(s: Scenario) -> Outcome:
    """The default formats (TEI, JSON and a PDF): refused from its length, before any
    layout, in one line (not after 60 s and a retry, exit 12)."""
    done, _, cpu = _wrapped_cable(s, 260_000)
    lines = done.stderr.splitlines()
    return s.outcome(done, 7, 1, f"{len(lines)} line on stderr, {cpu:.1f} s CPU",
                     len(lines) == 1 and "more than a PDF can lay out" in done.stderr,
                     counts_agree=True)


def fifty_megabytes(s: Scenario) -> Outcome:
    """Over the default --max-input-size: refused from its size, at once, in one line."""
    done, size, cpu = _wrapped_cable(s, 790_000, "--to", "tei,json")
    lines = done.stderr.splitlines()
    return s.outcome(done, 7, 1, f"{size / 1e6:.0f} MB: {len(lines)} line on stderr, {cpu:.1f} s CPU",
                     size > 49e6 and len(lines) == 1 and "input too large" in done.stderr,
                     counts_agree=s.disk() == 0)


def umask(s: Scenario) -> Outcome:
    s.copy(3)
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q", umask=0o027)
    modes = {stat.S_IMODE(p.stat().st_mode) for p in s.out.glob("*.*") if p.is_file()}
    return s.outcome(done, 0, 3, f"modes {sorted(oct(m) for m in modes)} (umask 027)",
                     modes == {0o640})


def unknown_theme(s: Scenario) -> Outcome:
    s.copy(3)
    done = s.cli(str(s.inputs), "-o", str(s.out), "--theme", "nope", "--to", "tei")
    return s.outcome(done, 14, 0, "one line, before any cable",
                     len(done.stderr.splitlines()) == 1 and not s.out.exists(), counts_agree=True)


def book_over_batch(s: Scenario) -> Outcome:
    s.cli(str(SEED), "-o", str(s.out), "--to", "tei,md", "-q")
    before = (s.out / "09BEIJING1463.md").read_bytes()
    done = s.cli(str(SEED), "-o", str(s.out), "--book", "--to", "md", "--book-name",
                 "09BEIJING1463")
    return s.outcome(done, 2, 1, "the cable's file kept",
                     (s.out / "09BEIJING1463.md").read_bytes() == before)


def same_cable_twice(s: Scenario) -> Outcome:
    import re

    for name in ("a.txt", "b.txt"):
        shutil.copyfile(SEED, s.inputs / name)
    done = s.cli(str(s.inputs), "-o", str(s.out), "--book", "--to", "html", "-q")
    markup = (s.out / "volume.html").read_text(encoding="utf-8") if done.returncode == 0 else ""
    ids = re.findall(r' id="([^"]+)"', markup)
    return s.outcome(done, 0, 2, "ids unique, two documents", bool(ids) and len(ids) == len(set(ids)),
                     counts_agree=True)


def loose_options(s: Scenario) -> Outcome:
    codes = [s.cli(str(SEED), "-o", str(s.out), option, value).returncode
             for option, value in (("--jobs", "0"), ("--max-input-size", "-5"),
                                   ("--time-limit", "-1"), ("--time-limit", "nan"))]
    done = subprocess.CompletedProcess([], max(codes) if len(set(codes)) == 1 else -1)
    return s.outcome(done, 2, 0, "4 options refused", not s.out.exists(), counts_agree=True)


def nested_folders(s: Scenario) -> Outcome:
    level = str(s.inputs)
    for _ in range(1100):
        level += "/d"
        os.mkdir(level)
    shutil.copyfile(SEED, level + "/seed.txt")
    done = s.cli(str(s.inputs), "-o", str(s.out), "-q")
    os.unlink(level + "/seed.txt")
    while level != str(s.inputs):
        os.rmdir(level)
        level = level.rsplit("/", 1)[0]
    return s.outcome(done, 0, 1)


def ctrl_c_pandoc(s: Scenario) -> Outcome:
    s.copy(6)
    done = s.python(hooked(s, [str(s.inputs), "-o", str(s.out), "-t", "tei,json", "-q", "-j", "2", "--to",
                               "tei,epub", "--time-limit", "0"], 2),
                    signals=[signal.SIGINT], wait_lines=2)
    return s.outcome(done, 130, 6, "pandoc folders gone (leftovers)", True,
                     counts_agree=s.done() == s.disk() == 2)


def no_input(s: Scenario) -> Outcome:
    done = s.cli("-o", str(s.out), cwd=s.root)
    return s.outcome(done, 2, 0, "a usage error naming ./data", "./data" in done.stderr,
                     counts_agree=True)


DASK = """
import sys, time
sys.path[:0] = [{repo!r}]
from convert.batch import dask_engine
real = dask_engine.DaskEngine.__init__
def init(self, *args, **kwargs):
    real(self, *args, **kwargs)
    open({ready!r}, "w").close()
    time.sleep(3600)
dask_engine.DaskEngine.__init__ = init
from convert.cli import main
sys.exit(main([{inputs!r}, "-o", {out!r}, "--engine", "dask", "-j", "2", "-q"]))
"""


def ctrl_c_dask(s: Scenario) -> Outcome:
    s.copy(3)
    done = s.python(DASK.format(repo=str(REPO), ready=str(s.root / "ready"),
                                inputs=str(s.inputs), out=str(s.out)),
                    signals=[signal.SIGINT], group=True)
    return s.outcome(done, 130, 3, f"{len(done.stderr.splitlines())} line(s) on stderr",
                     len(done.stderr.splitlines()) == 1, counts_agree=s.done() == s.disk() == 0)


def lf_cr(s: Scenario) -> Outcome:
    text = SEED.read_text()
    (s.inputs / "odd.txt").write_bytes(text.replace("\n", "\n\r").encode())
    done = s.cli(str(s.inputs / "odd.txt"), "-o", str(s.out))
    plain = s.cli(str(SEED), "-o", "-", "--to", "json").stdout
    odd = json.loads((s.out / "09BEIJING1463.json").read_text())
    return s.outcome(done, 0, 1, "the same paragraphs, a warning",
                     len(odd["paragraphs"]) == len(json.loads(plain)["paragraphs"])
                     and "LF CR" in done.stderr)


def tei_extras(s: Scenario) -> Outcome:
    tei = s.cli(str(SEED), "-o", "-", "--to", "tei").stdout
    decls = " ".join(f'xmlns:n{i}="urn:x:{i}"' for i in range(100_000))
    (s.inputs / "x.tei.xml").write_text(tei.replace("<TEI ", f"<?pi x?><!-- c --><TEI {decls} ", 1))
    done = s.cli(str(s.inputs / "x.tei.xml"), "-o", str(s.out), "--to", "tei")
    return s.outcome(done, 0, 1, "TEI written back equals the original",
                     (s.out / "09BEIJING1463.tei.xml").read_text() == tei)


def deep_tmpdir(s: Scenario) -> Outcome:
    s.copy(3)
    deep = s.tmp / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    done = subprocess.run([sys.executable, "-m", "convert", str(s.inputs), "-o", str(s.out), "-q",
                           "-j", "2"], cwd=REPO, capture_output=True, text=True, timeout=GUARD,
                          env=s.env(TMPDIR=str(deep)))
    shutil.rmtree(s.tmp / ("d" * 60))  # ours; what the run left in it is checked below
    return s.outcome(done, 0, 3, "a 140-character TMPDIR", True)


SCENARIOS: list[tuple[str, str, Callable[[Scenario], Outcome]]] = [
    ("1", "two id-less cables, names alike for 130 characters", long_names),
    ("2", "cables.csv: two extracts joined, row numbers repeat", csv_repeats),
    ("3", "folder with links to a file and a folder outside", symlinks),
    ("3", "a subfolder that cannot be listed", unreadable_folder),
    ("4", "stderr closed mid-run (2>&1 | head -1)", closed_stderr),
    ("4", "stderr closed, a failed input, -q", closed_stderr_failures),
    ("5", "a file name that is not UTF-8, run twice", non_utf8_name),
    ("6", "truncated, emptied, garbage outputs; re-run", damaged_outputs),
    ("7", "SIGTERM mid-run, a stale report in OUT", sigterm),
    ("7/18", "two Ctrl-C back to back", double_ctrl_c),
    ("8", "cables whose ids are report, REPORT", id_report),
    ("9", "input folder renamed between runs", renamed_folder),
    ("9", "-o inside the input folder, three runs", out_inside_input),
    ("10", "the JSON record against the TEI's reading text", json_reading_text),
    ("11", "a 0-byte cables.csv", empty_csv),
    ("11", "--to ''", no_format),
    ("11", "--book with no cable", empty_book),
    ("12", "a FIFO in the folder, another named", fifo),
    ("13", "a 16 MB hard-wrapped paragraph (the limit is 20 MB), TEI+JSON", long_paragraph),
    ("13", "the same 16 MB paragraph, default formats (a PDF too)", long_paragraph_as_pdf),
    ("13", "a 50 MB hard-wrapped paragraph (over the limit)", fifty_megabytes),
    ("15", "umask 027", umask),
    ("16", "--theme nope --to tei", unknown_theme),
    ("16", "--book-name of a batch output", book_over_batch),
    ("16", "the same cable twice in a volume", same_cable_twice),
    ("17", "--jobs 0, sizes and limits out of range", loose_options),
    ("17", "1,100 nested folders", nested_folders),
    ("17", "Ctrl-C while workers have pandoc folders", ctrl_c_pandoc),
    ("17", "no input, no ./data", no_input),
    ("18", "Ctrl-C with --engine dask", ctrl_c_dask),
    ("18", "LF CR line breaks", lf_cr),
    ("18", "TEI input: PIs, comments, 100,000 namespaces", tei_extras),
    ("19", "a deep TMPDIR", deep_tmpdir),
]


def unpack(target: Path, count: int) -> list[Path]:
    with tarfile.open(ARCHIVE) as tar:
        members = sorted((m for m in tar if m.isfile() and m.name.endswith(".html")),
                         key=lambda m: m.name)[:: 997][:count]
        tar.extractall(target, members=members, filter="data")
    return sorted(target.rglob("*.html"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scratch", help="folder for the scenarios (default: a temporary one)")
    parser.add_argument("--only", help="only scenarios whose item or name holds this")
    args = parser.parse_args()
    base = Path(args.scratch or tempfile.mkdtemp(prefix="mishaps-"))
    base.mkdir(parents=True, exist_ok=True)
    pages = unpack(base / "pages", 6)
    print("| item | scenario | exit (expected) | cables: input / report / on disk | "
          "left in TMPDIR | check | clean |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    clean = 0
    chosen = [s for s in SCENARIOS if not args.only or args.only in s[0] or args.only in s[1]]
    for number, (item, name, scenario) in enumerate(chosen):
        folder = base / f"{number:02d}-{scenario.__name__}"
        s = Scenario(folder, pages)
        try:
            outcome = scenario(s)
        except Exception as exc:  # a scenario that breaks is a row that is not clean
            outcome = Outcome(-1, 0, 0, None, 0, f"{type(exc).__name__}: {exc}", False)
        outcome.leftovers = sorted(p.name for p in s.tmp.iterdir())
        clean += outcome.clean
        report = "-" if outcome.report is None else str(outcome.report)
        print(f"| {item} | {name} | {outcome.code} ({outcome.expected}) | {outcome.inputs} / "
              f"{report} / {outcome.disk} | {', '.join(outcome.leftovers) or 'nothing'} | "
              f"{outcome.check or '-'} {'(held)' if outcome.ok else '(FAILED)'} | "
              f"{'yes' if outcome.clean else '**NO**'} |", flush=True)
    print(f"\n{clean} of {len(chosen)} scenarios clean; scratch {base}")
    if not args.scratch:
        shutil.rmtree(base, ignore_errors=True)
    return 0 if clean == len(chosen) else 1


if __name__ == "__main__":
    raise SystemExit(main())
