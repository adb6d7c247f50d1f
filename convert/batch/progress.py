"""Progress: a tqdm bar on a terminal, a plain line every few seconds otherwise, or nothing."""

from __future__ import annotations

import os
import sys
import time
from typing import IO, Any

MODES = ("auto", "bar", "lines", "none")
LINE_EVERY = 5.0


def _clock(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


class Progress:
    def __init__(self, mode: str = "auto", stream: IO[str] | None = None,
                 total: int | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        if mode == "auto":
            isatty = getattr(self.stream, "isatty", lambda: False)
            mode = "bar" if isatty() else "lines"
        self.mode = mode
        self.total = total
        self.converted = self.skipped = self.failed = 0
        self.started = time.monotonic()
        self._last_line = self.started
        self._bar: Any = None
        if mode == "bar":
            from tqdm import tqdm

            try:  # a pseudo-terminal may report 0x0: tqdm would then hide the bar
                known = os.get_terminal_size(self.stream.fileno()).columns > 0
            except (OSError, ValueError, AttributeError):
                known = False
            width = {"dynamic_ncols": True} if known else {"ncols": 100, "nrows": 24}
            self._bar = tqdm(total=total, file=self.stream, unit="cable", smoothing=0.05,
                             mininterval=0.5, **width)

    @property
    def done(self) -> int:
        return self.converted + self.skipped + self.failed

    def set_total(self, total: int) -> None:
        if total == self.total:
            return
        self.total = total
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def update(self, status: str) -> None:
        if status == "converted":
            self.converted += 1
        elif status == "up-to-date":
            self.skipped += 1
        else:
            self.failed += 1
        if self._bar is not None:
            self._bar.update(1)
            if status != "converted" and (self.skipped + self.failed) % 50 in (0, 1):
                self._bar.set_postfix(skipped=self.skipped, failed=self.failed, refresh=False)
        elif self.mode == "lines":
            self.tick()

    def tick(self) -> None:
        if self.mode != "lines":
            return
        now = time.monotonic()
        if now - self._last_line >= LINE_EVERY:
            self._last_line = now
            self.stream.write(self.line() + "\n")
            self.stream.flush()

    def line(self) -> str:
        elapsed = time.monotonic() - self.started
        worked = self.converted + self.failed
        rate = worked / elapsed if elapsed > 0 else 0.0
        done = f"{self.done}/{self.total}" if self.total else f"{self.done}"
        text = (f"cable-convert: {done} cables ({self.converted} converted, {self.skipped} up to "
                f"date, {self.failed} failed), {rate:.1f} cables/s, {_clock(elapsed)} elapsed")
        if self.total and rate > 0:
            text += f", ETA {_clock((self.total - self.done) / rate)}"
        return text

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None
