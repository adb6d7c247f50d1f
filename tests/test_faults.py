"""Faults of the output disk (issue #5; docs/threat-model.md row 15): a disk that fills up in
the middle of a batch, and an output folder on a read-only file system.

Each test mounts its own tmpfs (``mount -t tmpfs -o size=…``) so the disk really is full or
read-only, runs the CLI into it, and checks what a user would find: one clear line per
problem, the documented exit code, no truncated, empty or temporary file anywhere on the
disk; then gives the disk room (``mount -o remount,size=…``) or makes it writable again and
checks that a re-run resumes and finishes. Mounting needs root: the tests are marked ``root``
(see tests/conftest.py: skipped with the reason for a non-root developer, a failure when
CABLE_REQUIRE_ROOT=1, which .ci/run sets; CI runs as root).
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import hardening_support as hs
import pytest
from guard_support import incomplete_files, report_of, snapshot

from convert.errors import EXIT_SOME_FAILED, OutputError

pytestmark = pytest.mark.root
PAGE = 4096
FAST_FORMATS = "tei,json,html,md"


def cli(*args: str, timeout: float = 600) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "convert", *args], capture_output=True,
                          text=True, cwd=hs.ROOT, timeout=timeout, check=False)


def tool(name: str) -> str:
    found = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if found is None:
        pytest.fail(f"{name} (util-linux) is not installed")
    return found


def _mount(*args: str) -> None:
    done = subprocess.run([tool("mount"), *args], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        pytest.fail(f"mount {' '.join(args)} failed (as root): {done.stderr.strip()}")


@contextlib.contextmanager
def tmpfs(path: Path, size: int) -> Iterator[Path]:
    """A tmpfs of ``size`` bytes at ``path``, unmounted afterwards whatever happens."""
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(path))
    try:
        yield path
    finally:
        done = subprocess.run([tool("umount"), str(path)], capture_output=True, check=False)
        if done.returncode != 0:
            subprocess.run([tool("umount"), "-l", str(path)], capture_output=True, check=False)


def remount(path: Path, options: str) -> None:
    _mount("-o", f"remount,{options}", str(path))


def inputs(tmp_path: Path, count: int) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    for page in hs.real_pages()[:count]:
        shutil.copyfile(page, folder / page.name)
    assert len(list(folder.iterdir())) == count
    return folder


def pages_of(folder: Path) -> int:
    """The tmpfs pages the files under ``folder`` take."""
    return sum(math.ceil(p.stat().st_size / PAGE) for p in folder.rglob("*") if p.is_file())


def cables_by_stem(out: Path, formats: str) -> dict[str, set[str]]:
    """stem -> the formats whose file is there (outside the state folder)."""
    ext = {"tei": ".tei.xml", "json": ".json", "html": ".html", "md": ".md", "pdf": ".pdf",
           "epub": ".epub", "docx": ".docx"}
    found: dict[str, set[str]] = {}
    for path in out.iterdir():
        if not path.is_file() or path.name == "report.json":
            continue
        for fmt in formats.split(","):
            if path.name.endswith(ext[fmt]):
                found.setdefault(path.name[: -len(ext[fmt])], set()).add(fmt)
    return found


def error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("cable-convert: ")
            and ": cannot write output: " in line]


def check_full_disk_run(done: subprocess.CompletedProcess[str], disk: Path, out: Path,
                        source: Path, formats: str, count: int) -> set[str]:
    """What a run into a disk that filled up must leave; returns the stems written whole."""
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr, done.stderr
    assert done.returncode in (EXIT_SOME_FAILED, OutputError.exit_code), done.stderr
    lines = error_lines(done.stderr)
    assert lines, done.stderr
    for line in lines:
        assert "No space left on device (the disk is full)" in line, line
        # a cable's failure names the cable (its input), not a temporary folder; a file of
        # the run itself (resume log, report, the taxonomy beside the TEI) names that file
        run_files = (".cable-convert/state.jsonl", "report.json", f"{out}/cable-taxonomy.xml")
        assert str(source) in line or any(name in line for name in run_files), line
    assert incomplete_files(disk) == []
    assert not list((out / ".cable-convert" / "tmp").iterdir()), "temporary files left behind"
    whole = set()
    wanted = set(formats.split(","))
    for stem, have in cables_by_stem(out, formats).items():
        assert have == wanted, f"{stem}: only {sorted(have)} of a failed cable were left"
        whole.add(stem)
    assert 0 < len(whole) < count, f"the disk did not fill midway: {len(whole)} of {count}"
    return whole


def recorded(out: Path) -> dict[str, str]:
    """The resume log: input path -> file stem, for every cable it records."""
    log = out / ".cable-convert" / "state.jsonl"
    lines = log.read_text(encoding="utf-8").splitlines() if log.exists() else []
    return {record["k"]: record["stem"] for record in map(json.loads, lines)}


def check_resumed(done: subprocess.CompletedProcess[str], disk: Path, out: Path, formats: str,
                  count: int, whole: set[str], logged: dict[str, str]) -> None:
    """The re-run skips exactly the cables the first run recorded (each of them was whole),
    converts the rest, and leaves every cable complete and a complete report."""
    assert done.returncode == 0, done.stderr
    assert set(logged.values()) <= whole, "a cable was recorded without all its files"
    assert incomplete_files(disk) == []
    have = cables_by_stem(out, formats)
    assert len(have) == count and all(v == set(formats.split(",")) for v in have.values())
    if "tei" in formats:  # the taxonomy the TEI points into, whether or not the first run wrote it
        assert (out / "cable-taxonomy.xml").is_file()
    report = report_of(out)
    assert report["complete"] is True
    totals = report["totals"]
    assert totals["cables"] == count and totals["failed"] == 0
    assert totals["converted"] + totals["up-to-date"] == count
    skipped = {c["source"] for c in report["cables"] if c["status"] == "up-to-date"}
    assert skipped == set(logged), "the re-run did not resume from the log"


def full_disk_batch(tmp_path: Path, formats: str, count: int) -> None:
    source = inputs(tmp_path, count)
    reference = tmp_path / "reference"
    done = cli(str(source), "-o", str(reference), "-t", formats, "-j", "2", "-q")
    assert done.returncode == 0, done.stderr
    # room for about 45 % of the outputs: the disk fills in the middle of the batch
    size = max(16, int(pages_of(reference) * 0.45)) * PAGE
    with tmpfs(tmp_path / "disk", size) as disk:
        out = disk / "out"
        first = cli(str(source), "-o", str(out), "-t", formats, "-j", "2", "-q")
        whole = check_full_disk_run(first, disk, out, source, formats, count)
        logged = recorded(out)
        remount(disk, "size=64m")
        again = cli(str(source), "-o", str(out), "-t", formats, "-j", "2", "-q")
        check_resumed(again, disk, out, formats, count, whole, logged)
        for stem in cables_by_stem(out, formats):  # the same bytes as on a roomy disk
            for path in out.glob(f"{stem}.*"):
                assert path.read_bytes() == (reference / path.name).read_bytes(), path.name


def test_a_disk_that_fills_midway_then_the_batch_resumes(tmp_path: Path) -> None:
    """Eight cables, four formats, two workers, a disk with room for about half of it."""
    full_disk_batch(tmp_path, FAST_FORMATS, 8)


@pytest.mark.slow
def test_a_disk_that_fills_midway_every_format(tmp_path: Path) -> None:
    """The same with every format: PDFs end with %%EOF, EPUB/DOCX archives open."""
    full_disk_batch(tmp_path, "tei,json,html,md,pdf,epub,docx", 10)


def test_the_resume_log_cannot_be_appended(tmp_path: Path) -> None:
    """A disk with room for a cable's files but not for the line that records it: a typed
    line naming the log (it used to be an internal error with exit status 1), the files whole,
    no partial line in the log; with room again, the re-run finishes."""
    reference = tmp_path / "reference"
    done = cli(str(hs.SEED), "-o", str(reference), "-t", "tei,json", "-q")
    assert done.returncode == 0, done.stderr
    # the run's first report.json (written before any cable: it says the run is under way)
    # and the cable's files fit; the line recording the cable does not
    need = sum(math.ceil((reference / n).stat().st_size / PAGE)
               for n in ("09BEIJING1463.tei.xml", "09BEIJING1463.json", "report.json"))
    with tmpfs(tmp_path / "disk", 64 * PAGE) as disk:
        filler = disk / "filler"
        filler.write_bytes(b"\0" * ((64 - need) * PAGE))
        out = disk / "out"
        first = cli(str(hs.SEED), "-o", str(out), "-t", "tei,json", "-q")
        assert first.returncode == OutputError.exit_code, first.stderr
        lines = first.stderr.strip().splitlines()
        # the log's line; the run still tries to leave report.json, and says so if the full
        # disk refuses that too
        assert sum("state.jsonl: cannot write output: No space left on device" in line
                   for line in lines) == 1
        assert all("No space left on device" in line for line in lines) and len(lines) <= 2
        assert (out / ".cable-convert" / "state.jsonl").read_bytes() == b""
        filler.unlink()
        assert incomplete_files(disk) == []
        again = cli(str(hs.SEED), "-o", str(out), "-t", "tei,json", "-q")
        assert again.returncode == 0, again.stderr
        assert report_of(out)["complete"] is True
        assert incomplete_files(disk) == []


def test_a_volume_on_a_full_disk(tmp_path: Path) -> None:
    """``--book``: the volume that does not fit is refused in one line (exit 15), no partial
    volume; with room, every volume is written."""
    with tmpfs(tmp_path / "disk", 4 * PAGE) as disk:
        out = disk / "out"
        first = cli(str(hs.SEED), *map(str, hs.real_pages()[:3]), "-o", str(out), "--book",
                    "--to", "md,html", "-q")
        assert first.returncode == OutputError.exit_code, first.stderr
        lines = first.stderr.strip().splitlines()
        assert len(lines) == 1 and "No space left on device (the disk is full)" in lines[0], lines
        assert incomplete_files(disk) == []
        remount(disk, "size=64m")
        again = cli(str(hs.SEED), *map(str, hs.real_pages()[:3]), "-o", str(out), "--book",
                    "--to", "md,html", "-q")
        assert again.returncode == 0, again.stderr
        assert sorted(p.name for p in out.iterdir()) == ["volume.html", "volume.md"]
        assert incomplete_files(disk) == []


@pytest.mark.parametrize("where", ["the mount itself", "a folder to create"])
def test_a_read_only_output_folder(tmp_path: Path, where: str) -> None:
    """Output on a read-only file system: one line naming the folder and the problem, exit 15,
    nothing written (not even the state folder); writable again, the re-run completes."""
    source = inputs(tmp_path, 3)
    with tmpfs(tmp_path / "disk", 8 << 20) as disk:
        remount(disk, "ro")
        out = disk if where == "the mount itself" else disk / "out"
        before = snapshot(disk)
        for extra in ([], ["--book", "--to", "md"]):
            done = cli(str(source), "-o", str(out), "-t", FAST_FORMATS, *extra, "-q")
            assert done.returncode == OutputError.exit_code, done.stderr
            lines = done.stderr.strip().splitlines()
            assert len(lines) == 1 and lines[0].startswith(f"cable-convert: {out}: cannot write output: ")
            assert "read-only file system" in lines[0].lower(), lines[0]
        assert snapshot(disk) == before
        remount(disk, "rw")
        again = cli(str(source), "-o", str(out), "-t", FAST_FORMATS, "-q")
        assert again.returncode == 0, again.stderr
        assert len(cables_by_stem(out, FAST_FORMATS)) == 3
        assert incomplete_files(out) == []


def test_an_output_folder_made_read_only_between_runs(tmp_path: Path) -> None:
    """A batch half done, then the disk goes read-only: the re-run changes nothing and says
    so in one line; writable again, it resumes (the first cables are up to date)."""
    source = inputs(tmp_path, 4)
    with tmpfs(tmp_path / "disk", 8 << 20) as disk:
        out = disk / "out"
        first = cli(*map(str, sorted(source.iterdir())[:2]), "-o", str(out), "-t", FAST_FORMATS, "-q")
        assert first.returncode == 0, first.stderr
        remount(disk, "ro")
        before = snapshot(disk)
        done = cli(str(source), "-o", str(out), "-t", FAST_FORMATS, "-q")
        assert done.returncode == OutputError.exit_code, done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert snapshot(disk) == before
        remount(disk, "rw")
        again = cli(str(source), "-o", str(out), "-t", FAST_FORMATS, "-q")
        assert again.returncode == 0, again.stderr
        totals = report_of(out)["totals"]
        assert (totals["up-to-date"], totals["converted"]) == (2, 2)
        assert incomplete_files(disk) == []


def test_the_state_folder_on_a_read_only_disk_is_a_typed_error(tmp_path: Path) -> None:
    """The Python API has no CLI check in front: the batch itself refuses in a typed error
    naming the folder (it used to be a raw OSError)."""
    from convert.batch import run
    from convert.options import ConvertOptions

    with tmpfs(tmp_path / "disk", 1 << 20) as disk:
        remount(disk, "ro")
        with pytest.raises(OutputError, match="Read-only file system"):
            run([str(hs.SEED)], disk / "out", ConvertOptions(formats=("json",)))
    assert os.path.ismount(tmp_path / "disk") is False
