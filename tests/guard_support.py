"""Shared by the adversarial, security and fault suites (issue #5): the CLI run in a guarded
subprocess, what it did, and checks on the files it left.

:func:`guarded_cli` runs ``python -m convert`` with ``tests/guard/sitecustomize.py`` loaded in
every Python process of the run (the CLI, the multiprocessing fork server and the workers it
forks): network operations are recorded and refused, file opens, folder listings and
subprocesses are recorded. Each run gets its own temporary folder (``TMPDIR``) and an empty
working folder, so everything it may legitimately touch is known in advance.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from batch_support import complete

ROOT = Path(__file__).resolve().parents[1]
GUARD_DIR = Path(__file__).resolve().parent / "guard"
PY = sys.executable


@dataclass
class Guarded:
    """One guarded CLI run: the process's result and every event its processes recorded."""

    done: subprocess.CompletedProcess[bytes]
    events: list[dict[str, Any]]
    tmp: Path  # the run's TMPDIR
    cwd: Path  # its (empty) working folder
    seconds: float = 0.0

    @property
    def code(self) -> int:
        return self.done.returncode

    @property
    def stderr(self) -> str:
        return self.done.stderr.decode("utf-8", "replace")

    def of(self, *kinds: str) -> list[dict[str, Any]]:
        return [e for e in self.events if e["event"] in kinds]

    @property
    def opened(self) -> list[str]:
        return [e["path"] for e in self.of("open")]

    @property
    def network(self) -> list[dict[str, Any]]:
        """Every network operation attempted (each was refused)."""
        return [e for e in self.events if e["event"].startswith("blocked:")]

    @property
    def pids(self) -> set[int]:
        return {e["pid"] for e in self.events}

    def guarded_pids(self) -> set[int]:
        return {e["pid"] for e in self.of("guard-installed")}


def guarded_cli(args: list[str], workdir: Path, *, stdin: bytes | None = None,
                timeout: float = 300, env: dict[str, str] | None = None) -> Guarded:
    """``python -m convert ARGS`` with the guard in every Python process of the run."""
    workdir.mkdir(parents=True, exist_ok=True)
    tmp, cwd, log = workdir / "jobtmp", workdir / "cwd", workdir / "guard.log"
    tmp.mkdir(exist_ok=True)
    cwd.mkdir(exist_ok=True)
    with contextlib.suppress(FileNotFoundError):
        log.unlink()
    path = os.pathsep.join([str(GUARD_DIR), str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])
    full_env = {**os.environ, "PYTHONPATH": path, "CABLE_GUARD_LOG": str(log),
                "TMPDIR": str(tmp), **(env or {})}
    started = time.perf_counter()
    done = subprocess.run([PY, "-m", "convert", *args], input=stdin, capture_output=True,
                          cwd=cwd, env=full_env, timeout=timeout, check=False)
    seconds = time.perf_counter() - started
    events = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()
              if line.strip()] if log.exists() else []
    assert any(e["event"] == "guard-installed" for e in events), "the guard did not load"
    return Guarded(done, events, tmp, cwd, seconds)


# ------------------------------------------------------------------ a listener that counts
@dataclass
class Listener:
    """A TCP server on 127.0.0.1 that accepts and counts connections (and sends nothing):
    any process that tries to fetch ``http://127.0.0.1:PORT/...`` is seen, even one that
    the in-process guard cannot see (pandoc, a C library)."""

    port: int = 0
    connections: list[tuple[str, int]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"


@contextlib.contextmanager
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    server.settimeout(0.2)
    seen = Listener(server.getsockname()[1])
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, address = server.accept()
            except (TimeoutError, OSError):
                continue
            seen.connections.append(address)
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield seen
    finally:
        stop.set()
        thread.join()
        server.close()


# ------------------------------------------------------------------ the file system
def snapshot(root: Path) -> dict[str, tuple[str, int, int, str]]:
    """Every entry under ``root`` (not following links): relative path -> (kind, size,
    mtime_ns, link target)."""
    found: dict[str, tuple[str, int, int, str]] = {}
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        for name in dirnames + filenames:
            path = Path(dirpath, name)
            st = path.lstat()
            kind = ("link" if path.is_symlink() else "dir" if path.is_dir() else "file")
            target = os.readlink(path) if kind == "link" else ""
            found[str(path.relative_to(root))] = (kind, st.st_size, st.st_mtime_ns, target)
    return found


def incomplete_files(root: Path) -> list[str]:
    """Every file under ``root`` that is not a complete document: outputs (checked by their
    format), ``report.json``, the resume log (every line whole JSON), and no temporary file
    (``*.part``) anywhere. The lock file is the only file allowed to be empty."""
    problems: list[str] = []
    for path in sorted(p for p in root.rglob("*") if p.is_file() or p.is_symlink()):
        rel = path.relative_to(root)
        if path.is_symlink():
            problems.append(f"{rel}: a symbolic link")
        elif path.name.endswith(".part"):
            problems.append(f"{rel}: a temporary file left behind")
        elif ".cable-convert" in rel.parts:
            if path.name == "state.jsonl":
                data = path.read_bytes()
                if data and not data.endswith(b"\n"):
                    problems.append(f"{rel}: the last line is cut")
                for line in data.splitlines():
                    try:
                        json.loads(line)
                    except ValueError:
                        problems.append(f"{rel}: a line that is not JSON: {line[:60]!r}")
            elif path.name != "lock":
                problems.append(f"{rel}: an unexpected file in the state folder")
        elif path.name.endswith(".md"):
            text = path.read_bytes()
            if not text.startswith(b"---\n") or not text.endswith(b"\n"):
                problems.append(f"{rel}: Markdown without front matter or final newline")
        else:
            why = complete(path)
            if why:
                problems.append(f"{rel}: {why}")
    return problems


def report_of(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / "report.json").read_text(encoding="utf-8"))
    return data
