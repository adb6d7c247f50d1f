"""The batch layer: parallel = sequential, resume, kill -9, fault isolation, report, CLI."""

from __future__ import annotations

import faulthandler
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from batch_support import (
    Chain,
    CrashOn,
    DelayOn,
    FailOn,
    HangOn,
    Pages,
    StuckOn,
    complete,
    tree,
)

from convert.batch import run
from convert.batch.state import STATE_DIR, STATE_FILE
from convert.cli import main
from convert.errors import EXIT_SOME_FAILED
from convert.options import ConvertOptions
from convert.output import atomic_write, output_path
from convert.pipeline import convert_source, iter_sources

REPO = Path(__file__).resolve().parents[1]
TESTS = Path(__file__).resolve().parent
OPTIONS = ConvertOptions(formats=("tei", "json"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory, cablegate: Pages) -> Path:
    """40 real pages in year folders (``corpus/YYYY/ID.html``)."""
    root = tmp_path_factory.mktemp("corpus")
    pages = cablegate.copy(root, 40)
    assert len(pages) == 40
    assert all(p.parent.parent == root and p.parent.name.isdigit() for p in pages)
    return root


def state_lines(out: Path) -> list[dict]:
    path = out / STATE_DIR / STATE_FILE
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.endswith("}")]


# ------------------------------------------------------------------ parallel = sequential


def test_parallel_equals_sequential(corpus: Path, tmp_path: Path) -> None:
    # the sequential reference: the pipeline itself, one cable after another, in this process
    reference = tmp_path / "reference"
    for source in iter_sources([str(corpus)], OPTIONS.read):
        assert not isinstance(source, Exception)
        for converted in convert_source(source, OPTIONS):
            for fmt, data in converted.outputs.items():
                atomic_write(output_path(reference, converted.cable.file_stem(), fmt), data)
    one = run([str(corpus)], tmp_path / "one", OPTIONS, jobs=1)
    two = run([str(corpus)], tmp_path / "two", OPTIONS, jobs=2)
    assert len(one.converted) == len(two.converted) == 40
    assert not one.failed and not two.failed
    assert len(two.workers) == 2, "two worker processes shared the work"
    expected = tree(reference)
    assert len(expected) == 80
    assert tree(tmp_path / "one") == expected
    assert tree(tmp_path / "two") == expected
    # beside the TEI outputs, the taxonomy they point into (the sequential reference has none)
    one, two = (tmp_path / run / "cable-taxonomy.xml" for run in ("one", "two"))
    assert one.read_bytes() == two.read_bytes()


def test_tree_layout_and_report(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = run([str(corpus)], out, OPTIONS, layout="tree", jobs=2)
    data = json.loads((out / "report.json").read_text())
    assert data["complete"] is True
    assert data["totals"] == {"cables": 40, "converted": 40, "up-to-date": 0, "failed": 0,
                              "cables_per_second": data["totals"]["cables_per_second"]}
    assert sorted(c["source"] for c in data["cables"]) == sorted(
        str(p) for p in corpus.rglob("*.html"))
    for cable in data["cables"]:
        assert set(cable) >= {"source", "status", "id", "outputs", "warnings", "error",
                              "seconds", "attempts", "worker"}
        assert cable["status"] == "converted" and cable["error"] is None
        for fmt, rel in cable["outputs"].items():
            parts = Path(rel).parts
            assert parts[0] == fmt and (parts[1].isdigit() or parts[1] == "undated")
            assert complete(out / rel) is None
    assert data["workers"] and all(w["peak_rss_mb"] > 5 for w in data["workers"])
    assert report.report_path == out / "report.json"


# ------------------------------------------------------------------------------- resume


def test_resume_skips_what_is_up_to_date(corpus: Path, tmp_path: Path) -> None:
    work = tmp_path / "corpus"
    shutil.copytree(corpus, work)
    out = tmp_path / "out"
    first = run([str(work)], out, OPTIONS, jobs=2)
    assert len(first.converted) == 40
    mtimes = {p: p.stat().st_mtime_ns for p in out.glob("*.*") if p.name != "report.json"}

    again = run([str(work)], out, OPTIONS, jobs=2)
    assert len(again.skipped) == 40 and not again.converted
    assert {p: p.stat().st_mtime_ns for p in mtimes} == mtimes, "nothing rewritten"
    assert not again.workers, "no worker started when everything is up to date"

    pages = sorted(work.rglob("*.html"))
    # same bytes, new mtime: hashed again, still up to date
    os.utime(pages[0], ns=(time.time_ns(), time.time_ns() + 10**9))
    # new bytes: converted again
    pages[1].write_bytes(pages[1].read_bytes().replace(b"</body>", b"\n</body>", 1))
    # a deleted output: only that format converted
    lost = next(out.glob("*.json"))
    lost.unlink()
    third = run([str(work)], out, OPTIONS, jobs=2)
    converted = {r.source for r in third.converted}
    assert str(pages[1]) in converted and str(pages[0]) not in converted
    assert len(third.converted) == 2 and len(third.skipped) == 38
    assert lost.exists()

    # one more format: only that one is rendered, the others stay as they are
    before = {p: p.stat().st_mtime_ns for p in out.glob("*.tei.xml")}
    more = ConvertOptions(formats=("tei", "json", "html"))
    fourth = run([str(work)], out, more, jobs=2)
    assert len(fourth.converted) == 40
    assert {p: p.stat().st_mtime_ns for p in before} == before
    assert len(list(out.glob("*.html"))) == 40
    assert all(set(r.outputs) == {"tei", "json", "html"} for r in fourth.results)

    # the same again: up to date; --force: everything again
    assert len(run([str(work)], out, more, jobs=2).skipped) == 40
    forced = run([str(work)], out, more, jobs=2, resume=False)
    assert len(forced.converted) == 40


def test_a_cut_state_line_is_ignored(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run([str(corpus)], out, OPTIONS, jobs=2)
    state = out / STATE_DIR / STATE_FILE
    text = state.read_bytes()
    state.write_bytes(text[: len(text) - 40])  # as if killed in the middle of a line
    again = run([str(corpus)], out, OPTIONS, jobs=2)
    assert len(again.converted) == 1 and len(again.skipped) == 39


# ------------------------------------------------------------------------------ kill -9


KILL_SCRIPT = """
import sys
sys.path[:0] = [{repo!r}, {tests!r}]
from pathlib import Path
from batch_support import PassThenBlock
from convert.batch import local, run
from convert.options import ConvertOptions
local.MAX_CHUNK = 1  # each outcome comes back as soon as its cable is done
run([{corpus!r}], Path({out!r}), ConvertOptions(formats=("tei", "json"), time_limit=0),
    jobs=2, hook=PassThenBlock({markers!r}, {count}))
"""
#: cables converted (and recorded) before the kill
KILL_AFTER = 12
#: a bound no machine, however loaded, needs: the test fails instead of hanging
HANG_GUARD = 600.0


def test_kill_9_then_rerun_converts_each_cable_once(corpus: Path, tmp_path: Path) -> None:
    """The batch is killed at a point fixed by its own progress, not by a clock: exactly
    ``KILL_AFTER`` cables convert, every other one blocks in its worker; once the resume log
    holds those lines (watched by polling the file), the whole process group gets SIGKILL."""
    out = tmp_path / "out"
    markers = tmp_path / "markers"
    markers.mkdir()
    script = KILL_SCRIPT.format(repo=str(REPO), tests=str(TESTS), corpus=str(corpus),
                                out=str(out), markers=str(markers), count=KILL_AFTER)
    problems: list[str] = []
    stop = threading.Event()

    def listing() -> list[Path]:
        try:
            return list(out.rglob("*")) if out.exists() else []
        except FileNotFoundError:  # a worker's scratch folder removed while it was listed
            return []

    def watch() -> None:  # no truncated or empty output, at any moment
        try:
            while not stop.is_set():
                for path in listing():
                    if ".cable-convert" in path.parts or not path.is_file():
                        continue
                    try:
                        why = complete(path)
                    except FileNotFoundError:
                        continue
                    if why:
                        problems.append(f"{path.name}: {why}")
        except Exception as exc:  # a watcher that died would check nothing: the test fails
            problems.append(f"the watcher stopped: {exc!r}")

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    child = subprocess.Popen([sys.executable, "-c", script], start_new_session=True)
    guard = time.monotonic() + HANG_GUARD
    while len(state_lines(out)) < KILL_AFTER and child.poll() is None:
        assert time.monotonic() < guard, "the first cables were never recorded"
        time.sleep(0.01)
    assert child.poll() is None, "the batch ended before it could be killed"
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    while True:  # the whole group, workers included, is gone
        try:
            os.killpg(child.pid, 0)
        except ProcessLookupError:
            break
        assert time.monotonic() < guard, "processes of the killed batch are still alive"
        time.sleep(0.05)
    done_before = {line["k"] for line in state_lines(out)}
    assert len(done_before) == KILL_AFTER
    assert len(list(markers.iterdir())) == KILL_AFTER, "no cable past the first ones converted"

    report = run([str(corpus)], out, OPTIONS, jobs=2)
    stop.set()
    watcher.join()
    assert not problems, problems[:5]
    assert not report.failed
    assert len(report.results) == 40
    converted_now = {str(Path(r.source).resolve()) for r in report.converted}
    assert not converted_now & done_before, "a cable recorded before the kill was redone"
    assert len(converted_now) == 40 - KILL_AFTER and len(report.skipped) == KILL_AFTER
    assert {line["k"] for line in state_lines(out)} == {
        str(p.resolve()) for p in corpus.rglob("*.html")}
    files = tree(out)
    assert len(files) == 80, "each cable once: no duplicate or stray files"
    assert all(complete(out / name) is None for name in files)
    assert not any((out / STATE_DIR / "tmp").iterdir()), "temporary files cleared"
    data = json.loads((out / "report.json").read_text())
    assert data["complete"] and len(data["cables"]) == 40


# --------------------------------------------------------------------- fault isolation


def _pages(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.html"))


def test_crash_and_render_failure_are_isolated_and_retried_once(corpus: Path,
                                                                tmp_path: Path) -> None:
    pages = _pages(corpus)
    crash, flaky, failing = pages[3].stem, pages[7].stem, pages[11].stem
    markers = tmp_path / "markers"
    markers.mkdir()
    hook = Chain(CrashOn(crash), CrashOn(flaky, str(markers)), FailOn(failing))
    out = tmp_path / "out"
    report = run([str(corpus)], out, OPTIONS, jobs=2, hook=hook)
    by_name = {Path(r.source).stem: r for r in report.results}
    assert len(report.results) == 40
    # a worker that dies on every attempt: retried once, then reported
    dead = by_name[crash]
    assert dead.status == "failed" and dead.attempts == 2
    assert dead.kind == "render failed" and "worker process died" in (dead.error or "")
    assert crash in (dead.error or "")
    # a worker that dies once: the retry converts it
    assert by_name[flaky].status == "converted" and by_name[flaky].attempts == 2
    # a renderer error: retried once, reported with its own message
    assert by_name[failing].status == "failed" and by_name[failing].attempts == 2
    assert "injected renderer failure" in (by_name[failing].error or "")
    # everything else converted, and the failed cables left no file behind
    assert len(report.converted) == 38
    assert not list(out.glob(f"*{crash}*")) and not list(out.glob(f"*{failing}*"))
    data = json.loads((out / "report.json").read_text())
    failed = [c for c in data["cables"] if c["status"] == "failed"]
    assert len(failed) == 2 and all(c["error"]["exit_code"] == 13 for c in failed)


@pytest.mark.parametrize("hook, message", [
    (HangOn, "not converted within 3 s"),  # a hang the worker's own alarm ends
    (StuckOn, "worker was killed"),  # a hang past the alarm: the watchdog kills the worker
])
def test_time_limit_stops_a_hanging_cable(corpus: Path, tmp_path: Path, hook: type,
                                          message: str, monkeypatch: pytest.MonkeyPatch
                                          ) -> None:
    from convert.batch import local

    monkeypatch.setattr(local, "GRACE", 0.5)
    pages = _pages(corpus)[:6]
    # 3 s: over a hundred times what one of these cables takes, however loaded the machine
    options = ConvertOptions(formats=("tei", "json"), time_limit=3.0)
    faulthandler.dump_traceback_later(HANG_GUARD, exit=True)  # fail, never hang
    try:
        report = run([str(p) for p in pages], tmp_path / "out", options, jobs=2,
                     hook=hook(pages[4].stem))
    finally:
        faulthandler.cancel_dump_traceback_later()
    hung = [r for r in report.results if r.status == "failed"]
    assert [Path(r.source).stem for r in hung] == [pages[4].stem]
    assert hung[0].kind == "time limit" and hung[0].exit_code == 12
    assert message in (hung[0].error or "")
    assert hung[0].attempts == 2
    assert len(report.converted) == 5


def test_a_crash_inside_a_full_chunk_fails_only_its_cable(corpus: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    """Cheap cables travel in chunks; a worker dying in the middle of one must blame the
    cable it was on (the shared ``current`` slot), and get the rest of the chunk redone."""
    from convert.batch import local

    monkeypatch.setattr(local, "CHUNK_SECONDS", 60.0)  # every chunk as full as allowed
    monkeypatch.setattr(local, "MAX_CHUNK", 8)
    pages = _pages(corpus)
    crash = pages[13].stem
    out = tmp_path / "out"
    report = run([str(corpus)], out, OPTIONS, jobs=2, hook=CrashOn(crash))
    failed = [Path(r.source).stem for r in report.results if r.status == "failed"]
    assert failed == [crash]
    assert len(report.converted) == 39
    assert sorted(r.index for r in report.results) == list(range(40))
    assert state_lines(out) and len({line["k"] for line in state_lines(out)}) == 39


def test_bad_inputs_do_not_stop_the_batch(corpus: Path, tmp_path: Path, capsys) -> None:
    work = tmp_path / "in"
    shutil.copytree(corpus, work)
    (work / "empty.txt").write_bytes(b"")
    (work / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    out = tmp_path / "out"
    code = main([str(work), str(tmp_path / "missing.txt"), "-o", str(out), "-q"])
    assert code == EXIT_SOME_FAILED
    err = capsys.readouterr().err.splitlines()
    failures = [line for line in err if line.startswith("cable-convert:")]
    assert len(failures) == 3
    assert any("empty.txt" in line for line in failures)
    assert any("binary.txt" in line for line in failures)
    assert any("missing.txt" in line for line in failures)
    assert len(list(out.glob("*.tei.xml"))) == 40 and not list(out.glob("empty*"))


def test_one_bad_input_keeps_its_own_exit_code(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main([str(tmp_path / "empty.txt"), "-o", str(tmp_path / "out")]) == 4


# ------------------------------------------------------------------- duplicate cable ids


def test_duplicate_ids_never_overwrite_each_other(corpus: Path, tmp_path: Path) -> None:
    page = _pages(corpus)[0]
    work = tmp_path / "in"
    for folder in ("a", "b", "c"):
        (work / folder).mkdir(parents=True)
        shutil.copyfile(page, work / folder / page.name)
    cable_id = page.stem
    # the first input is slowest: the later copies finish first and must make way for it
    hook = DelayOn(f"{os.sep}a{os.sep}", 1.0)
    out = tmp_path / "out"
    report = run([str(work)], out, OPTIONS, jobs=2, hook=hook)
    assert len(report.converted) == 3
    by_folder = {Path(r.source).parent.name: r for r in report.results}
    assert Path(by_folder["a"].outputs["tei"]).name == f"{cable_id}.tei.xml"
    for folder in ("b", "c"):
        name = Path(by_folder[folder].outputs["tei"]).name
        assert name.startswith(f"{cable_id}_") and name.endswith(".tei.xml")
        assert any("duplicate cable id" in w for w in by_folder[folder].warnings)
    assert len(tree(out)) == 6
    # a re-run keeps every name and converts nothing
    again = run([str(work)], out, OPTIONS, jobs=2)
    assert len(again.skipped) == 3
    assert {r.source: r.outputs for r in again.results} == {
        r.source: r.outputs for r in report.results}


def test_inputs_without_an_id_are_named_after_their_file_and_two_of_one_name_kept_apart(tmp_path: Path) -> None:
    # ``note.txt`` gives ``note.json`` (not ``note.txt.json``); ``a.txt`` and ``a.html`` in one
    # folder would share ``a``: the later input is named by its whole file name, and a re-run
    # keeps every name
    text = "SUBJECT: A NOTE WITHOUT BANNER OR HEADER\n\n1. (U) Text of the note.\n"
    work = tmp_path / "in"
    work.mkdir()
    for name in ("a.txt", "a.html", "note.txt"):
        (work / name).write_text(text.replace("NOTE", name.upper()), encoding="utf-8")
    out = tmp_path / "out"
    report = run([str(work)], out, OPTIONS, jobs=1)
    names = {Path(r.source).name: sorted(Path(p).name for p in r.outputs.values()) for r in report.results}
    assert names == {"a.html": ["a.json", "a.tei.xml"], "a.txt": ["a.txt.json", "a.txt.tei.xml"],
                     "note.txt": ["note.json", "note.tei.xml"]}
    (late,) = (r for r in report.results if Path(r.source).name == "a.txt")
    assert any(w.startswith("duplicate file name a: ") and "written as a.txt" in w for w in late.warnings)
    again = run([str(work)], out, OPTIONS, jobs=1)
    assert len(again.skipped) == 3
    assert {r.source: r.outputs for r in again.results} == {r.source: r.outputs for r in report.results}


# -------------------------------------------------------------------------------- CLI


def test_cli_contract_flat_layout_and_summary(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(str(p) for p in _pages(corpus)[:5]) + "\n")
    done = subprocess.run(
        [sys.executable, "-m", "convert", "--files-from", str(listing), "-o", str(out),
         "--to", "data", "--jobs", "2", "--progress", "lines"],
        cwd=REPO, capture_output=True, text=True, timeout=HANG_GUARD)
    assert done.returncode == 0, done.stderr
    names = sorted(p.name for p in out.iterdir() if p.is_file())
    assert names == sorted([f"{p.stem}.tei.xml" for p in _pages(corpus)[:5]]
                           + [f"{p.stem}.json" for p in _pages(corpus)[:5]]
                           + ["cable-taxonomy.xml", "report.json"])
    assert "cables/s" in done.stderr and "up to date" in done.stderr
    again = subprocess.run(
        [sys.executable, "-m", "convert", *map(str, _pages(corpus)[:5]), "-o", str(out), "-t", "data"],
        cwd=REPO, capture_output=True, text=True, timeout=HANG_GUARD)
    assert again.returncode == 0
    assert "0 converted, 5 up to date, 0 failed" in again.stderr
    assert json.loads((out / "report.json").read_text())["totals"]["up-to-date"] == 5


def test_cli_quoted_glob(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = main([str(corpus / "*" / "*.html"), "-o", str(out), "-q", "-j", "2"])
    assert code == 0
    assert len(list(out.glob("*.tei.xml"))) == 40


def test_recycled_workers_keep_converting(corpus: Path, tmp_path: Path) -> None:
    report = run([str(corpus)], tmp_path / "out", OPTIONS, jobs=2, recycle_after=7)
    assert len(report.converted) == 40
    assert len(report.workers) >= 6
    assert all(w.cables <= 7 for w in report.workers)


def test_one_run_per_output_folder(corpus: Path, tmp_path: Path) -> None:
    from convert.batch.state import State
    from convert.errors import UsageError

    out = tmp_path / "out"
    holder = State(out).load()  # as if another run were writing here
    try:
        with pytest.raises(UsageError, match="another cable-convert run"):
            run([str(corpus)], out, OPTIONS, jobs=2)
    finally:
        holder.close()
    assert len(run([str(corpus)], out, OPTIONS, jobs=2).converted) == 40


UNGUARDED = """
import sys
sys.path[:0] = [{repo!r}]
from pathlib import Path
from convert.batch import run
from convert.options import ConvertOptions
run([{corpus!r}], Path({out!r}), ConvertOptions(), jobs=2)
"""


def test_workers_that_cannot_start_stop_the_batch_with_a_hint(corpus: Path,
                                                              tmp_path: Path) -> None:
    script = tmp_path / "unguarded.py"  # no `if __name__ == "__main__":`
    script.write_text(UNGUARDED.format(repo=str(REPO), corpus=str(corpus),
                                       out=str(tmp_path / "out")))
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True,
                          timeout=HANG_GUARD)
    assert done.returncode != 0
    assert "guard its entry point" in done.stderr


def test_progress_lines_and_bar(corpus: Path, tmp_path: Path,
                                monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from convert.batch import progress

    monkeypatch.setattr(progress, "LINE_EVERY", 0.0)
    stream = io.StringIO()
    run([str(corpus)], tmp_path / "a", OPTIONS, jobs=2, progress="lines", stream=stream)
    lines = stream.getvalue().splitlines()
    assert len(lines) >= 10
    assert lines[-1].startswith("cable-convert: 40/40 cables (40 converted, 0 up to date")
    assert "cables/s" in lines[-1] and "ETA" in lines[-1]
    bar = io.StringIO()
    run([str(corpus)], tmp_path / "b", OPTIONS, jobs=2, progress="bar", stream=bar)
    assert "40/40" in bar.getvalue() and "cable/s" in bar.getvalue()
    quiet = io.StringIO()
    run([str(corpus)], tmp_path / "c", OPTIONS, jobs=2, progress="none", stream=quiet)
    assert quiet.getvalue() == ""


def test_a_failure_while_closing_still_releases_the_folder_and_writes_the_report(
        corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The resume log fails while the last files are published (a disk filling up at the
    end): the error reaches the caller, yet the log and lock are closed and report.json is
    written, so the same process can run into the folder again and finish."""
    from convert.batch.state import State
    from convert.errors import OutputError

    out = tmp_path / "out"
    real_append = State.append
    calls = {"n": 0}

    def failing_append(self: State, record: object) -> None:
        calls["n"] += 1
        if calls["n"] > 30:
            raise OutputError(str(self.path), "No space left on device (the disk is full)")
        real_append(self, record)  # type: ignore[arg-type]

    monkeypatch.setattr(State, "append", failing_append)
    with pytest.raises(OutputError):
        run([str(corpus)], out, OPTIONS, jobs=2)
    assert (out / "report.json").is_file()
    assert json.loads((out / "report.json").read_text())["cables"]
    monkeypatch.setattr(State, "append", real_append)
    again = run([str(corpus)], out, OPTIONS, jobs=2)  # not "another run is writing"
    assert len(again.results) == 40 and not again.failed
    assert len(again.skipped) == 30


def test_a_deep_temporary_folder_does_not_stop_the_workers(corpus: Path, tmp_path: Path) -> None:
    """The fork server's socket is made in multiprocessing's temporary folder, and a Unix
    socket's path holds at most 104-108 bytes: under a deep ``TMPDIR`` (macOS, CI runners)
    every batch died with "internal error: OSError: AF_UNIX path too long"."""
    deep = tmp_path / ("d" * 60) / ("e" * 60)
    deep.mkdir(parents=True)
    assert len(str(deep)) > 110
    out = tmp_path / "out"
    done = subprocess.run(
        [sys.executable, "-m", "convert", *map(str, _pages(corpus)[:3]), "-o", str(out),
         "--to", "data", "--jobs", "2", "-q"],
        cwd=REPO, capture_output=True, text=True, timeout=HANG_GUARD,
        env={**os.environ, "TMPDIR": str(deep)})
    assert done.returncode == 0, done.stderr
    assert len(list(out.glob("*.tei.xml"))) == 3
    assert not any(deep.iterdir()), "multiprocessing's folder was removed at exit"
