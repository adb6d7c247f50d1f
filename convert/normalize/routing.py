"""The teletype routing header: ``VZCZC…``, ``DE RUEHBJ #1463/01 1530922``, DTG, FM/TO/INFO."""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field

from .dtg import DTG_LINE, parse_dtg

PRECEDENCES = ("FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "OPERATIONAL IMMEDIATE")
PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}

TRANSMISSION = re.compile(r"^VZCZC[A-Z0-9]*$", re.I)
ROUTING = re.compile(r"^(?:[ZOPRMY]{1,2}\s+)?(?:R[A-Z0-9]{3,7}\b\s*)+$")
DE = re.compile(
    r"^DE\s+(?P<station>R[A-Z0-9]{3,7})\s+#(?P<serial>\d+)(?:/(?P<section>\d+))?(?:\s+(?P<julian>\d{7}))?", re.I
)
SECURITY = re.compile(r"^ZN[RY]\s+[UCSTE]{5}\b", re.I)
FM = re.compile(r"^FM\s+(?P<rest>\S.*)$")
TO = re.compile(r"^TO\s+(?P<rest>\S.*)$")
INFO = re.compile(r"^INFO\s+(?P<rest>\S.*)$")
XMT = re.compile(r"^XMT\s+(?P<rest>.*)$")
BT = re.compile(r"^BT$")
ADDRESSEE_START = re.compile(r"^(?:R[A-Z0-9]{3,7}|ZEN)/\S")
_ADDRESSEE = re.compile(r"^(?:(?P<prefix>(?:R[A-Z0-9]{3,7}|ZEN)(?:/R[A-Z0-9]{3,7})*)/)?(?P<rest>.*\S|.)\s*$")
_SEQ = re.compile(r"(?<!\s)\s++(?P<seq>\d{1,5})$")


@dataclass(slots=True)
class Addressee:
    text: str  # the line as written
    name: str
    prefix: str | None = None
    precedence: str | None = None  # as written
    precedence_norm: str | None = None  # a known precedence, after fixing a misspelling
    sequence: str | None = None


@dataclass(slots=True)
class RoutingLine:
    kind: str  # transmission | routing | de | security | dtg | from | to | info | xmt | bt
    text: str


@dataclass(slots=True)
class Routing:
    lines: list[RoutingLine] = field(default_factory=list)
    transmission: str | None = None
    indicators: list[str] = field(default_factory=list)
    station: str | None = None
    serial: str | None = None
    section: str | None = None
    julian: str | None = None
    dtg: str | None = None
    date: str | None = None
    precedences: list[str] = field(default_factory=list)
    sender: str | None = None
    to: list[Addressee] = field(default_factory=list)
    info: list[Addressee] = field(default_factory=list)


@functools.lru_cache(maxsize=4096)
def _fix_precedence(word: str) -> str | None:
    if word in PRECEDENCES:
        return word
    if len(word) < 5:
        return None
    close = difflib.get_close_matches(word, PRECEDENCES, n=1, cutoff=0.8)
    return close[0] if close else None


def parse_addressee(text: str) -> Addressee:
    match = _ADDRESSEE.match(text.strip())
    assert match is not None
    prefix, rest = match["prefix"], match["rest"]
    seq = None
    seq_match = _SEQ.search(rest)
    if seq_match and len(rest.split()) > 1:
        seq = "".join(str(int(d)) for d in seq_match["seq"])  # ASCII digits: orgName/@n is [0-9]+
        rest = rest[: seq_match.start()]
    words = rest.split()
    precedence = norm = None
    for size in (2, 1):
        if len(words) > size:
            candidate = " ".join(words[-size:]).upper()
            fixed = _fix_precedence(candidate)
            if fixed:
                precedence, norm = " ".join(words[-size:]), fixed
                words = words[:-size]
                break
    return Addressee(
        text=text.strip(),
        name=" ".join(words),
        prefix=prefix,
        precedence=precedence,
        precedence_norm=norm,
        sequence=seq,
    )


def classify(line: str, state: str | None) -> str | None:
    """The kind of a routing-header line, or None if it is not one. ``state`` is the last
    addressee list (to/info) so that continuation lines are recognised."""
    s = line.strip()
    if not s:
        return None
    if TRANSMISSION.match(s):
        return "transmission"
    if DE.match(s):
        return "de"
    if SECURITY.match(s):
        return "security"
    if DTG_LINE.match(s) and parse_dtg(s) and len(s) < 40:
        return "dtg"
    if FM.match(s):
        return "from"
    if TO.match(s):
        return "to"
    if INFO.match(s):
        return "info"
    if XMT.match(s):
        return "xmt"
    if BT.match(s):
        return "bt"
    if ROUTING.match(s) and state is None:
        return "routing"
    if state in ("to", "info", "xmt"):
        if ADDRESSEE_START.match(s) or _bare_addressee(s):
            return state + "+"
    return None


def _bare_addressee(s: str) -> bool:
    """``AMEMBASSY ROME PRIORITY 1234`` with no routing prefix (older cables), but not the
    banner, a handling line or a preamble field that follows the header."""
    from .lines import parse_banner
    from .preamble import field_kind

    if len(s) >= 70 or s.upper() != s or s.endswith(".") or ":" in s:
        return False
    return field_kind(s) is None and parse_banner(s) is None


def looks_like_routing(lines: list[str]) -> bool:
    kinds = {classify(line, None) for line in lines[:12]}
    return bool(kinds & {"transmission", "de", "from", "security"}) or (
        "dtg" in kinds and bool(kinds & {"routing", "to"})
    )


def split_header(lines: list[str]) -> int:
    """How many leading lines form the routing header (0 when there is none)."""
    if not looks_like_routing(lines):
        return 0
    state: str | None = None
    end = 0
    seen = False
    for index, line in enumerate(lines):
        if not line.strip():
            if seen and state is not None:
                # a blank line ends the addressee lists unless another header line follows
                nxt = classify(lines[index + 1], None) if index + 1 < len(lines) else None
                if nxt not in ("info", "xmt", "bt", "from", "to", "dtg", "de", "security"):
                    break
            continue
        kind = classify(line, state)
        if kind is None:
            break
        seen = True
        end = index + 1
        base = kind.rstrip("+")
        state = base if base in ("to", "info", "xmt") else None
    return end


def parse_routing(lines: list[str]) -> Routing:
    routing = Routing()
    state: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind = classify(line, state) or "other"
        base = kind.rstrip("+")
        routing.lines.append(RoutingLine(base, line))
        if base == "transmission":
            routing.transmission = line
        elif base == "routing":
            routing.indicators.extend(w for w in line.split() if w.startswith("R") and len(w) > 2)
        elif base == "de":
            match = DE.match(line)
            assert match
            routing.station = match["station"]
            routing.serial = match["serial"]
            routing.section = match["section"]
            routing.julian = match["julian"]
        elif base == "dtg" and routing.dtg is None:
            parsed = parse_dtg(line)
            match = DTG_LINE.match(line)
            if parsed and match:
                routing.date, precedences = parsed
                routing.dtg = " ".join(match["dtg"].split())
                routing.precedences = [PRECEDENCE_LETTERS.get(p, p) for p in precedences.split()]
        elif base == "from" and routing.sender is None:
            match = FM.match(line)
            assert match
            routing.sender = " ".join(match["rest"].split())
        elif base in ("to", "info"):
            pattern = TO if base == "to" else INFO
            match = pattern.match(line) if kind == base else None
            target = routing.to if base == "to" else routing.info
            target.append(parse_addressee(match["rest"] if match else line))
        if base in ("to", "info", "xmt"):
            state = base
        elif base != "other":
            state = None
    return routing
