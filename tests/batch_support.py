"""Shared by the batch tests: a small real corpus, and fault hooks for the workers.

The hooks are picklable objects passed as ``hook=`` to :func:`convert.batch.run` (the Python
API only): each worker calls ``hook(source_name, attempt)`` before converting a cable.
"""

from __future__ import annotations

import json
import os
import shutil
import tarfile
import time
from pathlib import Path

from lxml import etree

from convert.errors import RenderError

#: the cablegate pages, in ../shared beside the repository (as in CI): the only corpus the
#: tests read; what a test needs is unpacked into its own temporary folder
ARCHIVE = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "cablegate-html.tar.xz"


class Pages:
    """The archive's pages, unpacked on demand into ``cache`` (one per test session): each
    page is unpacked once, whatever the number of tests that copy it."""

    def __init__(self, cache: Path) -> None:
        self.cache = cache
        self._names: list[str] | None = None

    def names(self) -> list[str]:
        """Every page's path in the archive (``cable/YYYY/MM/ID.html``), sorted."""
        if self._names is None:
            with tarfile.open(ARCHIVE) as tar:
                self._names = sorted(m.name for m in tar if m.isfile() and m.name.endswith(".html"))
        return self._names

    def unpacked(self, wanted: list[str]) -> list[Path]:
        missing = {name for name in wanted if not (self.cache / name).is_file()}
        if missing:
            with tarfile.open(ARCHIVE) as tar:
                for member in tar:
                    if member.name in missing:
                        data = tar.extractfile(member)
                        assert data is not None
                        dest = self.cache / member.name
                        dest.parent.mkdir(parents=True, exist_ok=True)
                        dest.write_bytes(data.read())
        return [self.cache / name for name in wanted]

    def copy(self, target: Path, count: int, step: int = 151) -> list[Path]:
        """``count`` pages spread over the years (every ``step``-th, then the first ones),
        copied into ``target/YYYY/ID.html``; the copies, sorted."""
        names = self.names()
        chosen = list(dict.fromkeys(names[::step] + names))[:count]
        target.mkdir(parents=True, exist_ok=True)
        for page in self.unpacked(chosen):
            dest = target / page.parent.parent.name / page.name
            dest.parent.mkdir(exist_ok=True)
            shutil.copyfile(page, dest)
        return sorted(target.rglob("*.html"))


def tree(root: Path) -> dict[str, bytes]:
    """Every cable's output file under ``root`` (the state folder, report.json and the shared
    taxonomy written beside the TEI outputs left out: tests/test_taxonomy_beside.py)."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".cable-convert" not in p.parts
        and p.name not in ("report.json", "cable-taxonomy.xml")
    }


def complete(path: Path) -> str | None:
    """Why ``path`` is not a complete output file (None when it is)."""
    import io
    import zipfile

    data = path.read_bytes()
    if not data:
        return "empty"
    name = path.name
    try:
        if name.endswith(".json"):
            json.loads(data)
        elif name.endswith(".xml"):
            etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
        elif name.endswith(".html"):
            if b"</html>" not in data[-200:]:
                return "HTML without </html>"
        elif name.endswith(".pdf"):
            if not data.rstrip().endswith(b"%%EOF"):
                return "PDF without %%EOF"
        elif name.endswith((".epub", ".docx")):
            bad = zipfile.ZipFile(io.BytesIO(data)).testzip()
            if bad:
                return f"bad zip member {bad}"
    except Exception as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


# ------------------------------------------------------------------------------ fault hooks


class SlowDown:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    def __call__(self, name: str, attempt: int) -> None:
        time.sleep(self.seconds)


class CrashOn:
    """The worker process dies (``os._exit``) on cables whose name holds ``needle``;
    with ``marker_dir``, only on the first attempt (the marker records it across processes)."""

    def __init__(self, needle: str, marker_dir: str | None = None) -> None:
        self.needle = needle
        self.marker_dir = marker_dir

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle not in name:
            return
        if self.marker_dir is not None:
            marker = Path(self.marker_dir) / f"crashed-{attempt}"
            try:
                fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                return
            os.close(fd)
            if attempt > 0:
                return
        os._exit(70)


class FailOn:
    """A renderer error on cables whose name holds ``needle`` (every attempt)."""

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle in name:
            raise RenderError(name, "injected renderer failure")


class HangOn:
    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle in name:
            time.sleep(3600)


class StuckOn:
    """A hang that the worker's own alarm cannot end (SIGALRM blocked, as in a call stuck in
    C code): only the main process's watchdog, killing the worker, gets past it."""

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle in name:
            import signal

            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(3600)


class Chain:
    def __init__(self, *hooks: object) -> None:
        self.hooks = hooks

    def __call__(self, name: str, attempt: int) -> None:
        for hook in self.hooks:
            hook(name, attempt)  # type: ignore[operator]


class DelayOn:
    def __init__(self, needle: str, seconds: float) -> None:
        self.needle = needle
        self.seconds = seconds

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle in name:
            time.sleep(self.seconds)


class BusyOn:
    """A hang in Python code (a loop that never ends) on cables whose name holds ``needle``."""

    def __init__(self, needle: str) -> None:
        self.needle = needle

    def __call__(self, name: str, attempt: int) -> None:
        if self.needle in name:
            while True:
                pass


class PassThenBlock:
    """The first ``count`` cables to reach a worker convert; every later one blocks until the
    process is killed. The count is kept across worker processes with marker files created
    with ``O_EXCL`` in ``marker_dir``, so exactly ``count`` cables get through, whatever the
    timing: a test can wait for them to be recorded, then kill the batch at that point."""

    def __init__(self, marker_dir: str, count: int) -> None:
        self.marker_dir = marker_dir
        self.count = count

    def __call__(self, name: str, attempt: int) -> None:
        for slot in range(self.count):
            try:
                fd = os.open(Path(self.marker_dir) / f"pass-{slot}",
                             os.O_CREAT | os.O_EXCL | os.O_WRONLY)
            except FileExistsError:
                continue
            os.close(fd)
            return
        while True:
            time.sleep(3600)


#: The start of a child's script (``str.format`` fields ``repo``, ``tests``, ``markers``,
#: ``count``): the batch run with one cable per chunk, where ``count`` cables convert and the
#: rest block (:class:`PassThenBlock`). The caller appends what the child does next.
BLOCKING_CHILD = """
import os, signal, sys
sys.path[:0] = [{repo!r}, {tests!r}]
from batch_support import PassThenBlock
import convert.batch
from convert.batch import driver, local
local.MAX_CHUNK = 1
def run(*args, **kwargs):
    kwargs["hook"] = PassThenBlock({markers!r}, {count})
    return driver.run(*args, **kwargs)
convert.batch.run = run
"""
