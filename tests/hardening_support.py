"""Shared checks for the hardening suites (issue #5): property, adversarial, limits, security.

The one property every input must satisfy: converting it either raises a typed
:class:`convert.errors.ConvertError`, or yields TEI that validates against the project's
profile *and* ``tei_all.rng`` and keeps every alphanumeric word of the input (as a multiset)
in the source view of its ``text`` element. Anything else — another exception, a hang, an
invalid document, a lost word — is a failure the caller reports.
"""

from __future__ import annotations

import collections
import contextlib
import os
import re
import signal
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree

from convert import schema
from convert.errors import ConvertError
from convert.model import NS, Cable, RawCable
from convert.options import ReadOptions
from convert.pipeline import to_cable
from convert.readers import Source, load_source
from convert.textview import source_text

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
REAL = FIXTURES / "hardening-real"
ADVERSARIAL = FIXTURES / "adversarial"
SHARED = ROOT.parent / "shared" / "corpus"
SEED = SHARED / "seed-09BEIJING1463.txt"
CSV_SAMPLE = SHARED / "cables-sample.csv"

WORD = re.compile(r"[A-Za-z0-9]+")


class Hang(BaseException):
    """Raised by :func:`deadline` (a BaseException so no ``except Exception`` swallows it)."""


@contextlib.contextmanager
def deadline(seconds: float, what: str = "") -> Iterator[None]:
    """Fail with :class:`Hang` when the block runs longer than ``seconds`` (main thread only)."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield
        return

    def on_alarm(signum: int, frame: object) -> None:
        raise Hang(f"{what or 'block'} ran longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, on_alarm)
    old_timer = signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if old_timer[0]:
            signal.setitimer(signal.ITIMER_REAL, *old_timer)


@lru_cache(maxsize=1)
def schemas() -> tuple[etree.RelaxNG, etree.RelaxNG]:
    """(profile, tei_all): tei_all takes seconds to load, so once per session."""
    return schema.profile_schema(), schema.tei_all_schema()


def words(text: str) -> collections.Counter[str]:
    return collections.Counter(WORD.findall(text))


def tei_words(cable: Cable) -> collections.Counter[str]:
    text = cable.tei.xpath("t:text", namespaces=NS)
    assert text, "no <text> element"
    return words(source_text(text[0]))


#: the pages' paragraph sign as a copy may spell it (``&para;``, ``&#182;``): the normalizer reads
#: these as the sign itself (rule ``pilcrow``), which is no word; its figures are not words either
_PILCROW_SPELT = re.compile(r"&(?:para|#182);")


def raw_text(raw: RawCable) -> str:
    return _PILCROW_SPELT.sub("\u00b6", (raw.header or "") + "\n" + raw.body)


@dataclass
class Outcome:
    """What one input produced: cables, or the typed error that refused it."""

    cables: list[Cable] = field(default_factory=list)
    raws: list[RawCable | None] = field(default_factory=list)
    error: ConvertError | None = None

    @property
    def kind(self) -> str:
        return "error" if self.error is not None else "ok"


def convert(data: bytes, form: str | None = None, name: str = "input",
            options: ReadOptions | None = None) -> Outcome:
    """Read and normalize one input given as bytes; typed errors are returned, others raise."""
    options = options or ReadOptions(form=form)
    outcome = Outcome()
    try:
        for item in load_source(Source(name, data=data, form=form), options):
            outcome.raws.append(item if isinstance(item, RawCable) else None)
            outcome.cables.append(to_cable(item))
    except ConvertError as exc:
        outcome.error = exc
    return outcome


def problems(outcome: Outcome, check_words: bool = True) -> list[str]:
    """Everything wrong with an outcome (empty list: the property holds)."""
    found: list[str] = []
    if outcome.error is not None:
        if not outcome.error.one_line().startswith("cable-convert: "):
            found.append(f"badly formed message: {outcome.error.one_line()!r}")
        return found
    profile, tei_all = schemas()
    for cable, raw in zip(outcome.cables, outcome.raws, strict=True):
        for label, rng in (("profile", profile), ("tei_all", tei_all)):
            errs = schema.errors(rng, cable.tei)
            if errs:
                found.append(f"{cable.source}: invalid against {label}: {errs[:2]}")
        if check_words and raw is not None:
            lost = words(raw_text(raw)) - tei_words(cable)
            if lost:
                found.append(f"{cable.source}: input words lost: {dict(list(lost.items())[:8])}")
    return found


def assert_holds(data: bytes, form: str | None = None, seconds: float = 20.0,
                 check_words: bool = True) -> Outcome:
    """Convert ``data`` under a time bound and assert the property; returns the outcome."""
    with deadline(seconds, "conversion"):
        outcome = convert(data, form)
    found = problems(outcome, check_words)
    assert not found, "\n".join(found) + f"\ninput ({len(data)} bytes): {data[:600]!r}"
    return outcome


# ------------------------------------------------------------------ real cables
def real_pages() -> list[Path]:
    return sorted(REAL.glob("*.html"))


@lru_cache(maxsize=1)
def real_texts() -> tuple[tuple[str, str, bytes], ...]:
    """(name, form, bytes) for every real cable the suites mutate: the seed, the reduced
    cablegate pages, and the first rows of the shared cables.csv sample (as single-row CSVs)."""
    out: list[tuple[str, str, bytes]] = [("seed", "text", SEED.read_bytes())]
    out += [(p.name, "html", p.read_bytes()) for p in real_pages()]
    out += [(name, "csv", data) for name, data in csv_rows(12)]
    return tuple(out)


def csv_rows(limit: int) -> list[tuple[str, bytes]]:
    """The first ``limit`` rows of the shared sample that are under 12 kB, each as CSV bytes."""
    from convert.readers import cablescsv

    rows: list[tuple[str, bytes]] = []
    text = CSV_SAMPLE.read_bytes().decode("utf-8")
    starts = [0] + [m.start() + 1 for m in cablescsv._NEXT_ROW.finditer(text)]
    for begin, end in zip(starts, [*starts[1:], len(text)], strict=True):
        row = text[begin:end]
        if len(row) < 12_000:
            rows.append((f"row{len(rows)}", row.encode("utf-8")))
        if len(rows) >= limit:
            break
    return rows


def env_flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() not in ("", "0", "no", "false")
