"""Check PDFs against PDF/A-3a and PDF/UA-1 with two independent checkers (issue 13).

    python scripts/a11y_pdf.py out/09BEIJING1463.pdf out/volume.pdf

Checkers (the ``test`` extra, pinned as tested):

- ``page-validation`` (import ``page``; a Rust checker with no command line): profiles
  ``3a`` (PDF/A-3a, ISO 19005-3) and ``ua1`` (PDF/UA-1, ISO 14289-1), through
  ``page.validate_pdf``;
- ``pdfua`` (on pikepdf; the machine-checkable subset of PDF/UA-1) through ``pdfua.validate``.
  A rule it *skips* is a finding: pdfua exits 0 when a rule crashed.

A finding that is the checker's mistake is not dropped: it is returned with
``checker_error`` set to the reason and the rule text that shows it, and only when the file
was checked to be in the case the reason describes (:data:`CHECKER_ERRORS`,
docs/accessibility.md "PDF"). The command exits 1 when any other finding remains, 2 on a
file it cannot read.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

PROFILES = ("3a", "ua1")


@dataclass(frozen=True, slots=True)
class Finding:
    tool: str  # "page-validation 3a", "page-validation ua1", "pdfua", "a11y_pdf"
    rule: str
    message: str
    checker_error: str | None = None  # why this finding is the checker's mistake, with the rule text


#: the checker mistakes known here: rule id pattern -> (the reason with the rule text, the test
#: that the file is in that case: a finding is allow-listed only when it returns True)
METADATA_FILTER = (
    "page-validation applies PDF/A-1's rule to part 3: ISO 19005-1:2005 6.7.2 says the metadata "
    "stream dictionary shall not contain the Filter key; ISO 19005-3:2012 6.6.2.1 asks only that "
    "the catalog have Metadata, without bytes or encoding attributes, well-formed (veraPDF's "
    "PDFA-3B rules 6.6.2.1-1..4), and 6.1.7 allows every ISO 32000-1 filter except LZWDecode")
STREAM_LENGTH = (
    "checked in the file: the stream's /Length is the number of bytes between 'stream' EOL and the "
    "LF before 'endstream' (ISO 32000-1 7.3.8.1: Length is the number of bytes of the stream data, "
    "the EOL before endstream not counted); its data end in byte 0x0D, which page-validation reads "
    "with the writer's LF as a CRLF end of line and so counts one byte less (when page-validation "
    "names no object: every stream's /Length was checked exact and one ends in 0x0D)")
EMPTY_HEADING_SKIP = (
    "pdfua 0.1.3 crashes in UA-14-001 (empty headings) on every heading whose /K is an array "
    "(document.as_integer calls getattr(array, 'is_integer'), which pikepdf answers with ValueError, "
    "not AttributeError); ISO 14289-1 7.4.2 (headings) is checked here instead: every heading "
    "element holds marked content")


def stream_ends(path: Path) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """(the streams whose data end in 0x0D, the streams whose /Length is not exact) of
    ``path``: a stream is exact when its /Length bytes after the ``stream`` EOL are followed
    by an EOL and ``endstream``."""
    import pikepdf

    lengths: dict[tuple[int, int], int] = {}
    with pikepdf.open(path) as pdf:
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                lengths[obj.objgen] = int(obj.stream_dict.Length)
    data = path.read_bytes()
    offsets = {(int(m.group(1)), int(m.group(2))): m.end()
               for m in re.finditer(rb"(?:^|[\r\n])(\d+) (\d+) obj\b", data)}
    keyword = re.compile(rb"stream\r?\n")
    cr: set[tuple[int, int]] = set()
    wrong: set[tuple[int, int]] = set()
    for objgen, length in lengths.items():
        found = keyword.search(data, offsets[objgen]) if objgen in offsets else None
        end = found.end() + length if found else -1
        if found is None or not re.match(rb"\r?\nendstream|endstream", data[end:end + 11]):
            wrong.add(objgen)
        elif data[end - 1:end] == b"\r":
            cr.add(objgen)
    return cr, wrong


def stream_length_excused(path: Path, objgen: tuple[int, int] | None) -> bool:
    """The case of :data:`STREAM_LENGTH`: every stream's /Length exact, and the stream named
    (or, when the checker names none, some stream) ends in 0x0D."""
    cr, wrong = stream_ends(path)
    return not wrong and (objgen in cr if objgen is not None else bool(cr))


def _objgen(failure: Any) -> tuple[int, int] | None:
    found = re.search(r"(\d+),\s*(\d+)", str(getattr(failure, "object_id", "") or ""))
    return (int(found.group(1)), int(found.group(2))) if found else None


def _page_validation(path: Path) -> Iterator[Finding]:
    import page

    for profile in PROFILES:
        report = page.validate_pdf(str(path), profile=profile)
        for failure in report.failures:
            rule = str(failure.rule_id)
            why: str | None = None
            if rule.endswith("-METADATA-FILTER-001"):
                why = METADATA_FILTER
            elif rule.endswith("-STREAM-LENGTH-001") and stream_length_excused(path, _objgen(failure)):
                why = STREAM_LENGTH
            yield Finding(f"page-validation {profile}", rule, str(failure.message), why)


def _has_content(node: Any, depth: int = 0) -> bool:
    import pikepdf

    if depth > 64 or not isinstance(node, pikepdf.Dictionary):
        return False
    kid = node.get("/K")
    items = list(kid) if isinstance(kid, pikepdf.Array) else [] if kid is None else [kid]
    for item in items:
        if isinstance(item, int) and not isinstance(item, bool):
            return True
        if isinstance(item, pikepdf.Dictionary):
            if item.get("/Type") == pikepdf.Name.MCR or _has_content(item, depth + 1):
                return True
    return False


def empty_headings(path: Path) -> list[str]:
    """The heading elements (H, H1-H6) that hold no marked content: "/H2 #3" (the third
    heading in reading order)."""
    import pikepdf

    empty: list[str] = []
    with pikepdf.open(path) as pdf:
        root = pdf.Root.get("/StructTreeRoot")
        stack = [root] if root is not None else []
        count = 0
        while stack:
            node = stack.pop()
            kid = node.get("/K")
            items = list(kid) if isinstance(kid, pikepdf.Array) else [] if kid is None else [kid]
            stack.extend(item for item in reversed(items) if isinstance(item, pikepdf.Dictionary) and "/S" in item)
            role = str(node.get("/S", ""))
            if re.fullmatch(r"/H[1-6]?", role):
                count += 1
                if not _has_content(node):
                    empty.append(f"{role} #{count}")
    return empty


def _pdfua(path: Path) -> Iterator[Finding]:
    import pdfua

    report = pdfua.validate(str(path))
    for finding in report.findings:
        yield Finding("pdfua", finding.rule_id, f"{finding.severity.name.lower()}: {finding.message}")
    for outcome in report.skipped:
        reason = outcome.skipped_reason or ""
        why: str | None = None
        if outcome.rule_id == "UA-14-001" and "is_integer" in reason:
            empty = empty_headings(path)
            why = None if empty else EMPTY_HEADING_SKIP
            for heading in empty:
                yield Finding("a11y_pdf", "UA-14-001", f"heading {heading} holds no content")
        yield Finding("pdfua", outcome.rule_id, f"rule skipped: {reason}", why)


CHECKERS: tuple[Callable[[Path], Iterator[Finding]], ...] = (_page_validation, _pdfua)


def check_pdf(path: Path) -> list[Finding]:
    """Every finding of both checkers on ``path`` (allow-listed ones with ``checker_error``)."""
    return [finding for checker in CHECKERS for finding in checker(Path(path))]


def failing(findings: list[Finding]) -> list[Finding]:
    """The findings that are not a documented checker mistake."""
    return [finding for finding in findings if finding.checker_error is None]


def main(argv: list[str] | None = None) -> int:
    files = [Path(name) for name in (sys.argv[1:] if argv is None else argv)]
    if not files:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    print(f"{'file':40} {'tool':22} {'rule':38} verdict")
    bad = 0
    for path in files:
        try:
            findings = check_pdf(path)
        except Exception as exc:  # an unreadable file is a failure of the check, not of the PDF's claim
            print(f"{path.name:40} cannot be checked: {exc}")
            return 2
        if not findings:
            print(f"{path.name:40} {'page-validation, pdfua':22} {'-':38} clean")
        for finding in findings:
            verdict = "checker's error (allow-listed)" if finding.checker_error else "FINDING"
            print(f"{path.name:40} {finding.tool:22} {finding.rule:38} {verdict}: {finding.message[:100]}")
        bad += len(failing(findings))
    print(f"{len(files)} files, {bad} findings not on the allow-list")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
