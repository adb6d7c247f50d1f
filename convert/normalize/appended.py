"""Cutting a second, appended cable off the body (its rules:
:mod:`convert.normalize.rules.appended`).

The body lines are searched, after the page's own cable has begun, for a line that names
another cable; the body is cut where that cable's lead-in begins. What comes before is the
page's own cable; what comes after is normalized on its own, as an appended part with its own
facts (the normalizer's driver does that, see :func:`convert.normalize.normalize_traced`).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import RawCable, SourceMetadata
from .banner import parse_banner
from .rules.appended import APPENDED, DE_LINE, LEAD_IN, Identity, Start, lead_in, row_line
from .rules.ruler import Run

#: words of the page's own cable that must come before a cut (its banner and a field or a
#: few words of text): a row or header at the very top is the page's own wrapper
_OWN_WORDS = 8
_WORD = re.compile(r"[A-Za-z]{2,}")
#: a database dump's named field (``refid: 09ASUNCION561``, ``destination:``)
_ROW_KEY = re.compile(r"^\s*(?:id|date|refid|origin|classification|destination|references|header|content)\s*:", re.I)
_HEADER_DE = re.compile(r"^\s*DE\s+R[A-Z]{3,6}\s*#(?P<serial>\d{3,7})\b")


@dataclass(frozen=True, slots=True)
class Tail:
    """An appended cable: its lines, and its database row's metadata if a row named it."""

    lines: list[str]
    cable_id: str | None
    metadata: SourceMetadata | None


def own_identity(raw: RawCable, header: list[str], body: list[str]) -> Identity:
    """Which cable the page is: its metadata's id; else the serial its routing header's DE
    line or its first banner gives."""
    if raw.metadata is not None and raw.metadata.id:
        return Identity.of(raw.metadata.id)
    routed = next((m["serial"].lstrip("0") or "0" for line in header[:12] if (m := _HEADER_DE.match(line))), None)
    for line in body[:40]:
        if not line.strip():
            continue
        banner = parse_banner(line)
        if banner is not None and banner.serial and banner.station:
            station = " ".join(banner.station.split()).upper()
            serial = banner.serial.lstrip("0") or "0"
            # the DE line's serial first (its last four digits), unless the banner's text
            # under it is numbered otherwise (PARTO 041305 under a delegation's DE #0005):
            # the text that follows is the banner's
            if routed is None or serial[-4:].zfill(4) != routed[-4:].zfill(4):
                return Identity(None, station, serial)
            break
    return Identity(None, None, routed, kept=4) if routed is not None else Identity()


def find_start(lines: list[str], own: Identity, run: Run) -> Start | None:
    """The first line after the own cable's beginning that names another cable."""
    if own.serial is None and own.cable_id is None:
        return None
    rules = run.leading_in(APPENDED, "\n".join(lines))  # the rules a line's first character can make fire
    words = 0
    for index, line in enumerate(lines):
        if words >= _OWN_WORDS and line.strip():
            for rule in rules[line.lstrip()[:1]]:
                if rule.hit is not None and not rule.hit(line):
                    continue
                found = rule.fn(lines, index, own)
                if found is not None and not _quoted(lines, index):
                    if DE_LINE.match(line) and not _routing_follows(lines, index):
                        continue
                    run.fire(rule.name)
                    return found
        if words < _OWN_WORDS and not row_line(line) and not LEAD_IN.match(line) and not _ROW_KEY.match(line):
            # a database row or routing lines at the top are the page's wrapper, not its text
            words += len(_WORD.findall(line))
    return None


#: a cable quoted inside the page's own (a repeat: "THE FOLLOWING ... IS BEING REPEATED ...
#: QUOTE:"; BEGIN TEXT) is the page's text, not an appended cable
_QUOTING = re.compile(r"\b(?:QUOTE|BEING REPEATED|BEGIN TEXT)\b", re.IGNORECASE)


def _quoted(lines: list[str], index: int) -> bool:
    """Whether the lines just before ``index`` open a quotation of another cable."""
    return any(_QUOTING.search(line) for line in lines[max(0, index - 6) : index])


def _routing_follows(lines: list[str], index: int) -> bool:
    """A DE line starts a routing header when an FM line follows within a few lines."""
    return any(line.lstrip().upper().startswith("FM ") for line in lines[index + 1 : index + 8])


def cut(lines: list[str], own: Identity, run: Run) -> tuple[list[str], Tail | None]:
    """(the own cable's lines, the appended cable after them or None)."""
    start = find_start(lines, own, run)
    if start is None:
        return lines, None
    if start.cuts:  # the cable begins inside the line: its pieces become lines of their own
        line, marks = lines[start.index], (*start.cuts, len(lines[start.index]))
        pieces = [line[: marks[0]].rstrip(), *(line[a:b].rstrip() for a, b in itertools.pairwise(marks))]
        own_lines = [*lines[: start.index], pieces[0]] if pieces[0].strip() else lines[: start.index]
        return own_lines, Tail([*pieces[1:], *lines[start.index + 1 :]], start.cable_id, start.metadata)
    begin = lead_in(lines, start.index)
    return lines[:begin], Tail(lines[begin:], start.cable_id, start.metadata)
