"""The command line's side of the terminal: standard error that outlives its reader, and
the signals that stop a run (SIGINT, SIGTERM) handled once."""

from __future__ import annotations

import errno
import os
import signal
import sys
from pathlib import Path
from typing import IO, Any

from .errors import UsageError


def silence(stream: IO[Any]) -> None:
    """Point a stream whose reader has gone at /dev/null, so that nothing written to it later
    (buffered text flushed at exit included) fails."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError, AttributeError):
        pass


class Tolerant:
    """Standard error that goes quiet, without an error, once its reader has gone
    (``cable-convert CORPUS 2>&1 | head -1``): losing progress lines and warnings must stop
    neither the batch nor change its exit status (it did: exit 0, half the cables)."""

    def __init__(self, stream: IO[str]) -> None:
        self._stream = stream
        self.gone = False

    def _guard(self, action: Any, *args: Any) -> Any:
        if self.gone:
            return None
        try:
            return action(*args)
        except OSError as exc:
            if not isinstance(exc, BrokenPipeError) and exc.errno != errno.EPIPE:
                raise
        except ValueError:  # the stream was closed
            pass
        self.gone = True
        silence(self._stream)
        return None

    def write(self, text: str) -> int:
        self._guard(self._stream.write, text)
        return len(text)

    def flush(self) -> None:
        self._guard(self._stream.flush)

    def __getattr__(self, name: str) -> Any:  # isatty, fileno, encoding, ...
        return getattr(self._stream, name)


class Stop:
    """SIGINT and SIGTERM: the first stops the run (as Ctrl-C does: the batch closes up,
    writes its report and releases its folder); any later one is noted and ignored, so that
    a second Ctrl-C cannot cut the closing short (no report, a traceback)."""

    def __init__(self) -> None:
        self.signal: int | None = None
        self.previous: dict[int, Any] = {}

    def __enter__(self) -> Stop:
        import threading

        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.previous[signum] = signal.signal(signum, self.handle)
        return self

    def handle(self, signum: int, frame: object) -> None:
        if self.signal is None:
            self.signal = signum
            raise KeyboardInterrupt

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.previous.items():
            # once stopping, stay deaf until the process ends: a later Ctrl-C would only
            # print a traceback from the interpreter's own closing
            signal.signal(signum, handler if self.signal is None else self.ignore)

    @staticmethod
    def ignore(signum: int, frame: object) -> None:
        """A signal after the run stopped: nothing left to stop."""


def names_from(name: str) -> list[str]:
    """Input names, one per line, from a file or stdin (``find … | convert --files-from -``).
    Blank lines and comments (a line whose first non-blank character is ``#``) are skipped: a
    file named ``#x`` is listed as ``./#x``."""
    try:
        if name == "-":
            lines = sys.stdin.read().splitlines()
        else:
            lines = Path(name).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(name, f"cannot read the list of inputs: {exc.strerror or exc}") from None
    names = [line for line in lines if line.strip() and not line.lstrip().startswith("#")]
    if "-" in names:
        raise UsageError(name, "a list of inputs cannot name - (stdin)")
    return names


#: warnings printed one per line before the rest is left to OUT/report.json
MAX_WARNING_LINES = 20


def print_warnings(report: object) -> None:
    from .batch import BatchReport

    assert isinstance(report, BatchReport)
    lines = [f"cable-convert: {path}: warning: {reason}" for path, reason in report.passed_over]
    lines += [f"cable-convert: {r.source}: warning: {w}"
              for r in report.converted for w in r.warnings]
    for line in lines[:MAX_WARNING_LINES]:
        print(line, file=sys.stderr)
    if len(lines) > MAX_WARNING_LINES:
        where = report.report_path or "report.json"
        print(f"cable-convert: … and {len(lines) - MAX_WARNING_LINES} more warnings (in {where})",
              file=sys.stderr)
