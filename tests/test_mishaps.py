"""Ordinary mishaps (issue #12): what a new user does by accident, not what an attacker does.

Each test is one item of the issue, named ``test_<item>_...``; each failed before its fix
(checked by reverting the fix). They run the command line in a subprocess where the user's
view (exit status, stderr, the files left) is the point, and ``convert.batch.run`` in this
process where a fault has to be injected. No test depends on timing: waits are for a state
(a resume-log line, a process's end), under a hang guard no machine needs.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import shutil
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_support import BLOCKING_CHILD, CrashOn, Pages, tree

from convert.batch import run
from convert.batch.state import STATE_DIR, STATE_FILE
from convert.options import ConvertOptions
from convert.readers import cablescsv

REPO = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
SEED = REPO / "data" / "seed-09BEIJING1463.txt"
OPTIONS = ConvertOptions(formats=("tei", "json"))
#: a bound no machine needs, however loaded: a test fails past it instead of hanging
HANG_GUARD = 600.0
#: a cable the normalizer can derive no id from: its files are named after its input
NO_ID = "UNCLAS\n\nSUBJECT: A NOTE WITHOUT BANNER OR HEADER {n}\n\n1. (U) Text of note {n}.\n"


def cli(*args: str, cwd: Path = REPO, env: dict[str, str] | None = None,
        stdin: bytes | None = None, umask: int | None = None) -> subprocess.CompletedProcess[str]:
    def preexec() -> None:
        if umask is not None:
            os.umask(umask)

    if not {"-t", "--to"} & set(args):  # the data alone (the default adds a PDF): batch logic, fast
        args = (*args, "-t", "tei,json")
    done = subprocess.run([sys.executable, "-m", "convert", *args], cwd=cwd, input=stdin,
                          capture_output=True, timeout=HANG_GUARD, check=False,
                          env={**os.environ, **(env or {})}, preexec_fn=preexec)
    return subprocess.CompletedProcess(done.args, done.returncode,
                                       done.stdout.decode("utf-8", "replace"),
                                       done.stderr.decode("utf-8", "replace"))


def report(out: Path) -> dict:
    return json.loads((out / "report.json").read_text(encoding="utf-8"))


def state_keys(out: Path) -> list[str]:
    lines = (out / STATE_DIR / STATE_FILE).read_text(encoding="utf-8").splitlines()
    live: dict[str, bool] = {}
    for line in lines:
        data = json.loads(line)
        live[data["k"]] = not data.get("x")
    return sorted(k for k, alive in live.items() if alive)


def outputs(out: Path) -> list[str]:
    return sorted(tree(out))


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory, cablegate: Pages) -> list[Path]:
    return cablegate.copy(tmp_path_factory.mktemp("pages"), 6, step=997)


def csv_rows(numbers: list[int], refid: str = "09TEST{n}") -> str:
    return "".join(
        f'"{n}","6/2/2009 9:22","{refid.format(n=i)}","Embassy Test","UNCLASSIFIED","","",'
        f'"UNCLAS\n\nSUBJECT: ROW {i}\n\n1. (U) Row {i} text."\n'
        for i, n in enumerate(numbers, 1))


# ------------------------------------------------------------------ 1: cut-off names
def test_1_names_cut_at_the_length_limit_stay_apart(tmp_path: Path) -> None:
    """Two id-less cables whose file names share their first 120 characters: the duplicate's
    ``_hash`` suffix was cut off again by the name limit, so one file pair overwrote the
    other while both were reported converted."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n in (1, 2):
        (inputs / ("a" * 130 + f"{n}.txt")).write_text(NO_ID.format(n=n), encoding="utf-8")
    out = tmp_path / "out"
    done = cli(str(inputs), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    files = outputs(out)
    assert len(files) == 4, files
    assert all(len(Path(name).name) <= 120 + len(".tei.xml") for name in files)
    texts = {json.loads((out / f).read_text())["subject"] for f in files if f.endswith(".json")}
    assert texts == {"A NOTE WITHOUT BANNER OR HEADER 1", "A NOTE WITHOUT BANNER OR HEADER 2"}
    again = cli(str(inputs), "-o", str(out), "-q")
    assert again.returncode == 0 and report(out)["totals"]["up-to-date"] == 2
    assert outputs(out) == files


# ------------------------------------------------------------------ 2: CSV row numbers
def test_2_csv_rows_whose_numbers_repeat_are_all_converted(tmp_path: Path) -> None:
    """Two extracts of cables.csv joined into one file (the row numbers start again): the
    rows were keyed by their number, so 20 rows gave 10 cables, exit 0, no warning."""
    path = tmp_path / "joined.csv"
    path.write_text(csv_rows(list(range(1, 11)) * 2), encoding="utf-8")
    out = tmp_path / "out"
    done = cli(str(path), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    data = report(out)
    assert data["totals"]["converted"] == 20
    assert len([f for f in outputs(out) if f.endswith(".json")]) == 20
    repeated = [c for c in data["cables"] if "@line" in c["source"]]
    assert len(repeated) == 10
    assert all(any("was met before" in w for w in c["warnings"]) for c in repeated)
    assert len(state_keys(out)) == 20
    assert cli(str(path), "-o", str(out), "-q").returncode == 0
    assert report(out)["totals"]["up-to-date"] == 20


def test_2_repeated_row_numbers_get_names_of_their_own() -> None:
    rows = list(cablescsv.iter_rows(io.BytesIO(csv_rows([1, 2, 1]).encode()), "x.csv"))
    assert [r.source for r in rows] == ["x.csv#1", "x.csv#2", "x.csv#1@line11"]  # 5 lines a row
    assert rows[2].notes == ("the row number 1 was met before (line 1): this row is named "
                             "x.csv#1@line11",)


# ------------------------------------------------------------------ 3: folders
def test_3_the_folder_rule(pages: list[Path], tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    """One rule, documented in docs/batch.md: links inside a folder are not followed (files
    or folders, in or out of the tree), each with a warning; a link named on the command line
    is; a folder that cannot be listed is an error, not a silence. (An unreadable folder is
    simulated: this suite runs as root, which reads any folder.)"""
    from convert.readers import listing

    inputs, outside = tmp_path / "in", tmp_path / "outside"
    (inputs / "sub").mkdir(parents=True)
    (inputs / "locked").mkdir()
    outside.mkdir()
    shutil.copyfile(pages[0], inputs / pages[0].name)
    shutil.copyfile(pages[1], inputs / "sub" / pages[1].name)
    shutil.copyfile(pages[2], inputs / "locked" / pages[2].name)
    shutil.copyfile(pages[3], outside / pages[3].name)
    (inputs / "linked-file.html").symlink_to(outside / pages[3].name)
    (inputs / "linked-folder").symlink_to(outside, target_is_directory=True)
    (inputs / "loop").symlink_to(inputs, target_is_directory=True)
    named_link = tmp_path / "named.html"
    named_link.symlink_to(outside / pages[3].name)

    real_scandir = os.scandir

    def scandir(path: object) -> object:
        if Path(str(path)) == inputs / "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(listing.os, "scandir", scandir)
    out = tmp_path / "out"
    result = run([str(inputs)], out, OPTIONS, jobs=1)
    converted = sorted(Path(r.source).name for r in result.converted)
    assert converted == sorted([pages[0].name, pages[1].name])
    [failed] = result.failed
    assert failed.source == str(inputs / "locked") and "Permission denied" in (failed.error or "")
    assert failed.exit_code == 3
    passed = {p["path"]: p["reason"] for p in report(out)["passed_over"]}
    assert set(passed) == {str(inputs / n) for n in ("linked-file.html", "linked-folder", "loop")}
    assert all("symbolic link" in why for why in passed.values())
    named = run([str(named_link)], tmp_path / "out2", OPTIONS, jobs=1)
    assert len(named.converted) == 1, "a link named on the command line is followed"


# ------------------------------------------------------------------ 4: closed stderr
def test_4_a_closed_stderr_stops_nothing(pages: list[Path], tmp_path: Path) -> None:
    """``cable-convert CORPUS 2>&1 | head -1``: the progress bar's next write hit the closed
    pipe and the CLI's ``except BrokenPipeError: return 0`` ended the batch, exit 0, the
    report saying complete with part of the cables. With failures and ``-q``: exit 0, not 16."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for page in pages:
        shutil.copyfile(page, inputs / page.name)
    out = tmp_path / "out"
    child = subprocess.Popen([sys.executable, "-m", "convert", str(inputs), "-o", str(out),
                              "--progress", "bar", "-j", "2"], cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    child.stderr.read(1)  # the bar has started: the reader goes away
    child.stderr.close()
    assert child.wait(timeout=HANG_GUARD) == 0
    data = report(out)
    assert data["complete"] is True and data["totals"]["converted"] == len(pages)
    (inputs / "empty.txt").write_bytes(b"")
    child = subprocess.Popen([sys.executable, "-m", "convert", str(inputs), "-o", str(out),
                              "-q"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert child.stderr is not None
    child.stderr.close()
    assert child.wait(timeout=HANG_GUARD) == 16


# ------------------------------------------------------------------ 5: non-UTF-8 names
def test_5_a_file_name_that_is_not_utf8(pages: list[Path], tmp_path: Path) -> None:
    """``x\\xffy.html``: 'internal error: UnicodeEncodeError … surrogates not allowed', exit 1,
    files written but not recorded, the report complete with 0 cables; every re-run the same."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    odd = os.fsdecode(bytes(inputs) + b"/x\xffy.html")
    shutil.copyfile(pages[0], odd)
    shutil.copyfile(pages[1], inputs / pages[1].name)
    out = tmp_path / "out"
    done = cli(str(inputs), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    data = report(out)
    assert data["complete"] is True and data["totals"]["converted"] == 2
    assert str(inputs / "x\\xffy.html") in {c["source"] for c in data["cables"]}
    assert any(k.startswith("bytes:") for k in state_keys(out))
    again = cli(str(inputs), "-o", str(out), "-q")
    assert again.returncode == 0 and report(out)["totals"]["up-to-date"] == 2


def test_5_an_internal_error_leaves_the_report_incomplete(pages: list[Path], tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from convert.batch.claims import Claims

    def broken(*args: object) -> str:
        raise RuntimeError("a bug")

    monkeypatch.setattr(Claims, "claim", broken)
    out = tmp_path / "out"
    with pytest.raises(RuntimeError):
        run([str(p) for p in pages[:3]], out, OPTIONS, jobs=1)
    assert report(out)["complete"] is False


# ------------------------------------------------------------------ 6: corrupted outputs
def test_6_damaged_outputs_are_not_up_to_date(pages: list[Path], tmp_path: Path) -> None:
    """A truncated file, a 0-byte JSON, garbage of the same size in a TEI: the re-run said
    "up to date". Now each is converted again (only that format); a file merely touched
    (same bytes, new mtime) stays up to date, its bytes re-hashed once."""
    inputs = [str(p) for p in pages[:4]]
    out = tmp_path / "out"
    formats = ConvertOptions(formats=("tei", "json", "md"))
    first = run(inputs, out, formats, jobs=1)
    assert len(first.converted) == 4
    stems = [Path(r.outputs["tei"]).name.removesuffix(".tei.xml") for r in first.results]
    before = {name: (out / name).read_bytes() for name in outputs(out)}
    md = out / f"{stems[0]}.md"
    md.write_bytes(md.read_bytes()[:100])  # truncated
    (out / f"{stems[1]}.json").write_bytes(b"")  # emptied
    tei = out / f"{stems[2]}.tei.xml"
    tei.write_bytes(b"x" * tei.stat().st_size)  # garbage, same size
    touched = out / f"{stems[3]}.json"
    os.utime(touched, ns=(time.time_ns(), touched.stat().st_mtime_ns + 10**9))  # same bytes
    again = run(inputs, out, formats, jobs=1)
    assert sorted(Path(r.source).name for r in again.converted) == sorted(
        Path(p).name for p in inputs[:3])
    assert len(again.skipped) == 1
    assert {name: (out / name).read_bytes() for name in outputs(out)} == before
    third = run(inputs, out, formats, jobs=1)
    assert len(third.skipped) == 4


# ------------------------------------------------------------------ 7 and 18: signals
STOP_SCRIPT = BLOCKING_CHILD + """if {again_while_closing!r}:
    # the user presses Ctrl-C again just as the closing report is being written
    from convert.batch.report import BatchReport
    real_write, writes = BatchReport.write_json, []
    def write_json(self, *args, **kwargs):
        writes.append(1)
        if len(writes) == 2:
            os.kill(os.getpid(), signal.SIGINT)
        return real_write(self, *args, **kwargs)
    BatchReport.write_json = write_json
from convert.cli import main
sys.exit(main([{inputs!r}, "-o", {out!r}, "-t", "tei,json", "-j", "2", "-q", "--time-limit", "0"]))
"""


def stopped_run(pages: list[Path], tmp_path: Path, signals: list[int], count: int = 2,
                again_while_closing: bool = False) -> tuple[subprocess.CompletedProcess[str], Path]:
    """The CLI on ``pages`` with a stale report.json from another run in OUT; ``count``
    cables convert and the rest block; once they are recorded, ``signals`` go to the CLI
    process (with ``again_while_closing``, a SIGINT more arrives while the closing report is
    written)."""
    inputs, out, markers = tmp_path / "in", tmp_path / "out", tmp_path / "markers"
    for folder in (inputs, out, markers):
        folder.mkdir()
    for page in pages:
        shutil.copyfile(page, inputs / page.name)
    (out / "report.json").write_text('{"complete": true, "formats": ["pdf"], "cables": []}\n')
    script = STOP_SCRIPT.format(repo=str(REPO), tests=str(TESTS), markers=str(markers),
                                count=count, inputs=str(inputs), out=str(out),
                                again_while_closing=again_while_closing)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True)
    log = out / STATE_DIR / STATE_FILE
    guard = time.monotonic() + HANG_GUARD
    while not (log.exists() and log.read_text().count("\n") >= count):
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < guard, "the first cables were never recorded"
        time.sleep(0.02)
    for signum in signals:
        os.kill(child.pid, signum)
    try:
        stdout, stderr = child.communicate(timeout=HANG_GUARD)
    finally:
        try:
            os.killpg(child.pid, signal.SIGKILL)  # a worker left behind would be a bug too
        except ProcessLookupError:
            pass
    return subprocess.CompletedProcess(child.args, child.returncode, stdout, stderr), out


def test_7_sigterm_leaves_this_runs_report(pages: list[Path], tmp_path: Path) -> None:
    """``timeout``/``kill``: exit 143 with no message, and the previous run's report
    (complete, other formats) left in place as if it were this run's."""
    done, out = stopped_run(pages, tmp_path, [signal.SIGTERM])
    assert done.returncode == 143, done.stderr
    assert done.stderr.strip() == "cable-convert: terminated; a re-run resumes"
    data = report(out)
    assert data["complete"] is False and data["formats"] == ["tei", "json"]
    assert data["totals"]["converted"] == 2


def test_18_two_ctrl_c_in_a_row(pages: list[Path], tmp_path: Path) -> None:
    """Two Ctrl-C in quick succession: the second used to land in the closing steps, leaving
    no report (2 runs in 8) or a traceback (1 in 8). Here it lands at a fixed point, while
    the closing report is written (not raced against a clock); it is ignored."""
    done, out = stopped_run(pages, tmp_path, [signal.SIGINT], again_while_closing=True)
    assert done.returncode == 130, done.stderr
    assert done.stderr.strip() == "cable-convert: interrupted; a re-run resumes"
    assert "Traceback" not in done.stderr
    data = report(out)
    assert data["complete"] is False and data["totals"]["converted"] == 2


def test_18_ctrl_c_with_the_dask_engine(pages: list[Path], tmp_path: Path) -> None:
    """Ctrl-C reaches the whole process group: every Dask worker of the local cluster printed
    its traceback (67 lines). Now only the main process stops, with its one line.

    Port 8787 is held meanwhile (here, or by any other Dask on the machine): the scheduler
    served its HTTP routes there by default and, finding it taken, warned in four lines."""
    pytest.importorskip("distributed")
    holder = socket.socket()
    with contextlib.suppress(OSError):  # taken already: held all the same
        holder.bind(("127.0.0.1", 8787))
        holder.listen()
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for page in pages:
        shutil.copyfile(page, inputs / page.name)
    ready = tmp_path / "ready"
    script = f"""
import sys, time
sys.path[:0] = [{str(REPO)!r}]
from convert.batch import dask_engine
real = dask_engine.DaskEngine.__init__
def init(self, *args, **kwargs):
    real(self, *args, **kwargs)
    open({str(ready)!r}, "w").close()
    time.sleep(3600)  # the cluster runs; the user presses Ctrl-C
dask_engine.DaskEngine.__init__ = init
from convert.cli import main
sys.exit(main([{str(inputs)!r}, "-o", {str(out)!r}, "-t", "tei,json", "--engine", "dask", "-j", "2", "-q"]))
"""
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, start_new_session=True,
                             env={**os.environ, "TMPDIR": str(scratch)})
    guard = time.monotonic() + HANG_GUARD
    while not ready.exists():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < guard
        time.sleep(0.05)
    os.killpg(child.pid, signal.SIGINT)  # as a terminal does
    _, stderr = child.communicate(timeout=HANG_GUARD)
    assert child.returncode == 130
    assert stderr.strip().splitlines() == ["cable-convert: interrupted; a re-run resumes"]
    assert list(scratch.iterdir()) == [], "Dask's scratch space is the run's, and removed"
    holder.close()


# ------------------------------------------------------------------ 8: reserved names
def test_8_a_cable_whose_id_is_report(tmp_path: Path) -> None:
    """Its JSON was written as OUT/report.json, which the batch's report then replaced."""
    path = tmp_path / "rows.csv"
    path.write_text(csv_rows([1, 2], refid="report").replace('"report"', '"REPORT"', 1),
                    encoding="utf-8")  # "REPORT" too: one report.json on a case-blind disk
    out = tmp_path / "out"
    done = cli(str(path), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    data = report(out)
    assert data["totals"]["converted"] == 2 and "cables" in data
    names = outputs(out)
    assert len([n for n in names if n.endswith(".json")]) == 2
    assert not any(n.lower() in ("report.json", "report.tei.xml") for n in names), names
    assert all(any("batch report's name" in w for w in c["warnings"]) for c in data["cables"])


# ------------------------------------------------------------------ 9: moved folders
def test_9_a_renamed_input_folder_keeps_the_names(pages: list[Path], tmp_path: Path) -> None:
    """Every cable was rewritten as ``<id>_<hash>`` beside the old ``<id>.*`` files."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for page in pages[:3]:
        shutil.copyfile(page, inputs / page.name)
    out = tmp_path / "out"
    assert cli(str(inputs), "-o", str(out), "-q").returncode == 0
    before = outputs(out)
    inputs.rename(tmp_path / "renamed")
    done = cli(str(tmp_path / "renamed"), "-o", str(out), "-q")
    assert done.returncode == 0, done.stderr
    assert outputs(out) == before, "no <id>_<hash> files"
    assert all(not c["warnings"] or "duplicate" not in " ".join(c["warnings"])
               for c in report(out)["cables"])
    assert state_keys(out) == sorted(str(tmp_path / "renamed" / p.name) for p in pages[:3])


def test_9_an_output_folder_inside_the_input_folder(pages: list[Path], tmp_path: Path) -> None:
    """Its own outputs were read back as inputs at every run: 16 -> 31 -> 46 files, exit 16."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for page in pages[:3]:
        shutil.copyfile(page, inputs / page.name)
    out = inputs / "out"
    for _ in range(3):
        done = cli(str(inputs), "-o", str(out), "-q")
        assert done.returncode == 0, done.stderr
        assert report(out)["totals"]["cables"] == 3
        assert len(outputs(out)) == 6
    assert [p["path"] for p in report(out)["passed_over"]] == [str(out)]


# ------------------------------------------------------------------ 11: nothing done
def test_11_nothing_converted_is_not_a_success(tmp_path: Path) -> None:
    """A 0-byte cables.csv, ``--to ''`` ("1 converted", nothing written) and a volume of no
    cables all exited 0."""
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    done = cli(str(empty), "-o", str(tmp_path / "a"))
    assert done.returncode == 4 and "empty" in done.stderr, done.stderr
    done = cli(str(SEED), "-o", str(tmp_path / "b"), "--to", "")
    assert done.returncode == 2 and "--to" in done.stderr, done.stderr
    assert not (tmp_path / "b").exists()
    names = tmp_path / "none.txt"
    names.write_text("")
    done = cli("--files-from", str(names), "-o", str(tmp_path / "c"), "--book", "--to", "md")
    assert done.returncode == 3 and "no cable" in done.stderr, done.stderr
    done = cli("--files-from", str(names), "-o", str(tmp_path / "d"))
    assert done.returncode == 3 and "no cable" in done.stderr, done.stderr


# ------------------------------------------------------------------ 12: FIFOs
def test_12_a_fifo_among_the_inputs(pages: list[Path], tmp_path: Path) -> None:
    """Sniffing a FIFO for a cables.csv opened it and waited for a writer forever; the time
    limit does not reach the main process. Found in a folder: passed over with a warning;
    named: refused (exit 3)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copyfile(pages[0], inputs / pages[0].name)
    os.mkfifo(inputs / "pipe.txt")
    os.mkfifo(tmp_path / "named.csv")
    out = tmp_path / "out"
    done = cli(str(inputs), str(tmp_path / "named.csv"), "-o", str(out))
    assert done.returncode == 16, done.stderr
    data = report(out)
    assert data["totals"]["converted"] == 1
    [failed] = [c for c in data["cables"] if c["status"] == "failed"]
    assert failed["source"] == str(tmp_path / "named.csv") and "FIFO" in failed["error"]["message"]
    assert data["passed_over"] == [{"path": str(inputs / "pipe.txt"),
                                    "reason": "a FIFO, not a regular file: not read"}]
    assert "pipe.txt: warning: a FIFO" in done.stderr


# ------------------------------------------------------------------ 15: umask
@pytest.mark.parametrize("umask, mode", [(0o027, 0o640), (0o002, 0o664)])
def test_15_outputs_follow_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    """Outputs were forced to 0644 whatever the umask (folders and state followed it)."""
    out = tmp_path / "out"
    done = cli(str(REPO / "data"), "-o", str(out), "--to", "tei,json", "-q", umask=umask)
    assert done.returncode == 0, done.stderr
    for name in ("09BEIJING1463.tei.xml", "09BEIJING1463.json", "report.json"):
        assert stat.S_IMODE((out / name).stat().st_mode) == mode, name
    volume = cli(str(SEED), "-o", str(tmp_path / "book"), "--book", "--to", "md", "-q",
                 umask=umask)
    assert volume.returncode == 0, volume.stderr
    assert stat.S_IMODE((tmp_path / "book" / "volume.md").stat().st_mode) == mode


# ------------------------------------------------------------------ 16: theme, --book
def test_16_an_unknown_theme_is_one_error_before_any_cable(pages: list[Path],
                                                          tmp_path: Path) -> None:
    """It failed every cable on its own (exit 16), and with ``--to tei`` it was accepted."""
    for formats in ("html", "tei"):
        out = tmp_path / formats
        done = cli(*map(str, pages[:3]), "-o", str(out), "--theme", "nope", "--to", formats)
        assert done.returncode == 14, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1 and "nope" in done.stderr
        assert not out.exists()


def test_16_book_takes_the_lock_and_spares_batch_outputs(tmp_path: Path) -> None:
    """``--book`` took no lock, and ``--book-name`` equal to a cable's name replaced it."""
    from convert.batch.state import State

    out = tmp_path / "out"
    assert cli(str(SEED), "-o", str(out), "--to", "md", "-q").returncode == 0
    cable = (out / "09BEIJING1463.md").read_bytes()
    done = cli(str(SEED), "-o", str(out), "--book", "--to", "md", "--book-name", "09BEIJING1463")
    assert done.returncode == 2 and "choose another --book-name" in done.stderr, done.stderr
    assert (out / "09BEIJING1463.md").read_bytes() == cable
    holder = State(out).load()  # a batch writing into OUT
    try:
        done = cli(str(SEED), "-o", str(out), "--book", "--to", "md")
        assert done.returncode == 2 and "another cable-convert run" in done.stderr
    finally:
        holder.close()
    assert not (out / "volume.md").exists()
    assert cli(str(SEED), "-o", str(out), "--book", "--to", "md", "-q").returncode == 0


def _ids_and_links(markup: str) -> tuple[list[str], list[str]]:
    import re

    return re.findall(r' id="([^"]+)"', markup), re.findall(r'href="#([^"]+)"', markup)


def test_16_the_same_cable_twice_in_a_volume_has_ids_of_its_own(tmp_path: Path) -> None:
    """A cable given twice (two copies of one file) repeated every HTML id of its article:
    the contents, the index and the EPUB's navigation led twice to the first copy."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in").mkdir(exist_ok=True)
        shutil.copyfile(SEED, tmp_path / "in" / name)
    out = tmp_path / "out"
    done = cli(str(tmp_path / "in"), "-o", str(out), "--book", "--to", "html,epub,md")
    assert done.returncode == 0, done.stderr
    assert "09BEIJING1463 is given 2 times" in done.stderr
    ids, links = _ids_and_links((out / "volume.html").read_text(encoding="utf-8"))
    assert len(ids) == len(set(ids)) and not set(links) - set(ids)
    contents = [link for link in links if link.endswith("-title")]
    assert contents[:2] == ["cable-09BEIJING1463-title", "cable-09BEIJING1463-copy2-title"]
    assert "cable-09BEIJING1463-copy2-p4" in ids
    import zipfile

    with zipfile.ZipFile(out / "volume.epub") as epub:
        nav = epub.read("EPUB/nav.xhtml").decode()
        chapters = [epub.read(n).decode() for n in sorted(epub.namelist()) if "/text/ch" in n]
    assert "#cable-09BEIJING1463-copy2-title" in nav
    # ids are per chapter file (pandoc's footnote ids repeat across files); a cable's are not
    every = [i for chapter in chapters for i in _ids_and_links(chapter)[0] if i.startswith("cable-")]
    assert len(every) == len(set(every)) and "cable-09BEIJING1463-copy2-p1" in every
    markdown = (out / "volume.md").read_text(encoding="utf-8")
    assert "(#09beijing1463-copy-2-" in markdown and "# 09BEIJING1463 (copy 2): " in markdown
    assert markdown.count("[^09BEIJING1463-copy2]:") == 1


def test_16_the_same_cable_twice_in_a_pdf_volume_is_two_documents(tmp_path: Path) -> None:
    """The PDF volume's contents gave the second copy the first copy's page."""
    from pypdf import PdfReader

    for name in ("a.txt", "b.txt"):
        (tmp_path / "in").mkdir(exist_ok=True)
        shutil.copyfile(SEED, tmp_path / "in" / name)
    done = cli(str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--book", "--to", "pdf", "-q")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(tmp_path / "out" / "volume.pdf")
    outline = [item for item in reader.outline if not isinstance(item, list)]
    documents = [item for item in outline if item["/Title"].startswith(("1. ", "2. "))]
    pages = [reader.get_destination_page_number(item) for item in documents]
    assert len(pages) == 2 and pages[0] < pages[1]
    contents = reader.pages[1].extract_text()
    printed = [line.rsplit(".", 1)[-1].strip() for line in contents.splitlines()
               if line.startswith(("1. Telegram", "2. Telegram"))]
    assert len(printed) == 2 and printed[0] != printed[1], contents


# ------------------------------------------------------------------ 17: loose ends
@pytest.mark.parametrize("option, value", [
    ("--max-input-size", "-5"), ("--max-input-size", "0"), ("--jobs", "0"),
    ("--time-limit", "-1"), ("--time-limit", "nan"), ("--time-limit", "inf"),
    ("--recycle-after", "0"),
])
def test_17_loose_options_are_refused(tmp_path: Path, option: str, value: str) -> None:
    done = cli(str(SEED), "-o", str(tmp_path / "out"), option, value)
    assert done.returncode == 2, done.stderr
    assert option in done.stderr and not (tmp_path / "out").exists()


def test_17_eleven_hundred_nested_folders(tmp_path: Path) -> None:
    """A RecursionError (exit 1): the folder walk recursed once per level."""
    levels = [str(tmp_path / "in")]
    for _ in range(1100):  # one by one: pathlib's mkdir(parents=True) recurses too
        levels.append(levels[-1] + "/d")
    for level in levels:
        os.mkdir(level)
    shutil.copyfile(SEED, levels[-1] + "/seed.txt")
    try:
        done = cli(levels[0], "-o", str(tmp_path / "out"), "-q")
        assert done.returncode == 0, done.stderr[-500:]
        assert (tmp_path / "out" / "09BEIJING1463.json").is_file()
    finally:  # removed the same way: pytest's clean-up (shutil.rmtree) recurses too
        os.unlink(levels[-1] + "/seed.txt")
        for level in reversed(levels):
            os.rmdir(level)


def test_17_a_killed_worker_leaves_no_pandoc_folder(pages: list[Path], tmp_path: Path) -> None:
    """A worker killed (or Ctrl-C, which kills busy workers) after pandoc ran left its
    ``cable-convert-pandoc-*`` folder in /tmp for good."""
    import tempfile

    before = set(Path(tempfile.gettempdir()).glob("cable-convert-pandoc-*"))
    out = tmp_path / "out"
    result = run([str(p) for p in pages[:3]], out, ConvertOptions(formats=("tei", "epub")),
                 jobs=1, hook=CrashOn(pages[1].stem))
    assert len(result.converted) == 2 and len(result.failed) == 1
    assert set(Path(tempfile.gettempdir()).glob("cable-convert-pandoc-*")) == before
    assert not any((out / STATE_DIR / "tmp").iterdir())


def test_17_no_input_named_and_no_data_folder(tmp_path: Path) -> None:
    """With no input the default is ./data of the current folder; --help said "the bundled
    data/" (nothing is bundled in an installed package)."""
    done = cli("-o", str(tmp_path / "out"), cwd=tmp_path)
    assert done.returncode == 2 and "no input named" in done.stderr, done.stderr
    assert "./data" in cli("--help").stdout


# ------------------------------------------------------------------ 18: odd inputs
def test_18_lf_cr_line_breaks(tmp_path: Path) -> None:
    """``\\n\\r`` line breaks made every line a paragraph of its own, with no warning."""
    text = SEED.read_text(encoding="utf-8")
    plain, odd = tmp_path / "plain.txt", tmp_path / "odd.txt"
    plain.write_text(text, encoding="utf-8")
    odd.write_bytes(text.replace("\n", "\n\r").encode("utf-8"))
    a = cli(str(plain), "-o", "-", "--to", "tei")
    b = cli(str(odd), "-o", "-", "--to", "tei")
    assert a.returncode == b.returncode == 0

    def body(tei: str) -> str:
        return tei[tei.index("<text>"):]

    # the revision note names the input (by its file name since outputs hold no local path)
    assert body(b.stdout).replace(odd.name, plain.name) == body(a.stdout)
    assert "line breaks written LF CR" in b.stderr


def test_18_tei_input_extras_are_not_copied(tmp_path: Path) -> None:
    """Processing instructions, comments and 100,000 unused namespace declarations in a TEI
    input were copied into the TEI written back."""
    tei = cli(str(SEED), "-o", "-", "--to", "tei").stdout
    declarations = " ".join(f'xmlns:n{i}="urn:x:{i}"' for i in range(100_000))
    hostile = tei.replace("<TEI ", f"<?pi payload?><!-- top --><TEI {declarations} ", 1)
    hostile = hostile.replace("<teiHeader>", "<teiHeader><!-- inside --><?inside x?>", 1)
    path = tmp_path / "extras.tei.xml"
    path.write_text(hostile, encoding="utf-8")
    done = cli(str(path), "-o", "-", "--to", "tei")
    assert done.returncode == 0, done.stderr
    assert done.stdout == tei


# ------------------------------------------------------------------ a relative output folder
def test_a_relative_output_folder_renders_every_format(tmp_path: Path) -> None:
    """The README's first command (`-o build`, relative): the workers' scratch folder was
    relative too, and pandoc, which runs in a folder of its own, could not find the DOCX
    reference document in it: every cable failed (exit 16)."""
    shutil.copytree(REPO / "data" / "cablegate", tmp_path / "in")
    done = cli("in", "-o", "build", "-t", "docx,epub", "-j", "2", "-q", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    pages = sorted(p.stem for p in (tmp_path / "in").glob("*.html"))
    assert sorted(p.stem for p in (tmp_path / "build").glob("*.docx")) == pages
