"""Stage "routing": the teletype routing header (``VZCZC…``, ``DE RUEHBJ #1463/01 1530922``,
the date-time group, FM/TO/INFO) and its addressees.

Chains (run by :mod:`convert.normalize.routing`):

- ``routing.kinds`` ``(line, state, run) -> kind | None``: what a header line is (first
  match); ``state`` is the addressee list being read (to, info, xmt) or None.
- ``routing.precedence`` ``(words) -> precedence | None``: the precedence that ends an
  addressee line (first match).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable

from ..banner import parse_banner
from ..dtg import DTG_LINE, parse_dtg
from . import fields as field_rules  # (fields imports this module too: its names are read at call time)
from .ruler import Chain, Run, note

KINDS: Chain[Callable[[str, str | None, Run], str | None]] = Chain(
    "routing.kinds", "routing", "What a routing-header line is (first match)."
)
PRECEDENCE: Chain[Callable[[str], str | None]] = Chain(
    "routing.precedence", "routing", "The precedence at the end of an addressee line (first match)."
)

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


@KINDS.rule("transmission-line")
def transmission_line(s: str, state: str | None, run: Run) -> str | None:
    """``VZCZCXRO8128``: the transmission id."""
    return "transmission" if TRANSMISSION.match(s) else None


@KINDS.rule("de-line")
def de_line(s: str, state: str | None, run: Run) -> str | None:
    """``DE RUEHBJ #1463/01 1530922``: station, serial, section, Julian date."""
    return "de" if DE.match(s) else None


@KINDS.rule("security-line")
def security_line(s: str, state: str | None, run: Run) -> str | None:
    """``ZNR UUUUU ZZH``: the security line (its letter: the level)."""
    return "security" if SECURITY.match(s) else None


@KINDS.rule("dtg-line")
def dtg_line(s: str, state: str | None, run: Run) -> str | None:
    """``P 020922Z JUN 09``: precedence and date-time group."""
    return "dtg" if len(s) < 40 and DTG_LINE.match(s) and parse_dtg(s) else None


@KINDS.rule("fm-line")
def fm_line(s: str, state: str | None, run: Run) -> str | None:
    """``FM AMEMBASSY BEIJING``: the sender."""
    return "from" if FM.match(s) else None


@KINDS.rule("to-line")
def to_line(s: str, state: str | None, run: Run) -> str | None:
    """``TO RUEHC/SECSTATE WASHDC PRIORITY 4248``: the action addressees start."""
    return "to" if TO.match(s) else None


@KINDS.rule("info-line")
def info_line(s: str, state: str | None, run: Run) -> str | None:
    """``INFO RUEHOO/CHINA POSTS COLLECTIVE``: the information addressees start."""
    return "info" if INFO.match(s) else None


@KINDS.rule("xmt-line")
def xmt_line(s: str, state: str | None, run: Run) -> str | None:
    """``XMT AMCONSUL …``: offices the cable is not sent to."""
    return "xmt" if XMT.match(s) else None


@KINDS.rule("bt-line")
def bt_line(s: str, state: str | None, run: Run) -> str | None:
    """``BT``: the break between the header and the text."""
    return "bt" if BT.match(s) else None


@KINDS.rule("routing-indicators")
def routing_indicators(s: str, state: str | None, run: Run) -> str | None:
    """``PP RUEHWEB``: precedence and routing indicators (not inside an addressee list)."""
    return "routing" if state is None and ROUTING.match(s) else None


@KINDS.rule("addressee-continuation")
def addressee_continuation(s: str, state: str | None, run: Run) -> str | None:
    """A further addressee of the TO/INFO/XMT list being read: ``RUEHXX/AMEMBASSY ROME 1234``,
    or without a routing prefix in older cables (``AMEMBASSY ROME PRIORITY 1234``)."""
    if state not in ("to", "info", "xmt"):
        return None
    if ADDRESSEE_START.match(s) or _bare_addressee(s, run):
        return state + "+"
    return None


def _bare_addressee(s: str, run: Run) -> bool:
    """An addressee with no routing prefix, but not the banner, a handling line or a
    preamble field that follows the header."""
    if len(s) >= 70 or s.upper() != s or s.endswith(".") or ":" in s:
        return False
    return field_rules.field_kind(s, run.trial()) is None and parse_banner(s) is None


def classify(line: str, state: str | None, run: Run) -> str | None:
    """The kind of a routing-header line, or None if it is not one. ``state`` is the last
    addressee list (to/info/xmt) so that continuation lines are recognised (kind ``to+``)."""
    s = line.strip()
    if not s:
        return None
    # the same lines are read to find the header, then parsed: the finding is kept
    found: str | None = run.first_memo(KINDS, f"{state}\n{s}", s, state, run)
    return found


PRECEDENCES = ("FLASH", "NIACT IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "OPERATIONAL IMMEDIATE")


@PRECEDENCE.rule("precedence")
def precedence(words: str) -> str | None:
    """``IMMEDIATE``, ``NIACT IMMEDIATE``, ``PRIORITY``…: a known precedence."""
    return words if words in PRECEDENCES else None


@PRECEDENCE.rule(
    "precedence-misspelt",
    note=note(
        "normalization",
        "A misspelt precedence after an addressee (PRIOITY) is read as the precedence it stands for "
        "(orgName type, with subtype precedence-misspelt); the line is kept as written.",
    ),
)
@functools.lru_cache(maxsize=4096)
def precedence_misspelt(words: str) -> str | None:
    """``PRIOITY`` -> ``PRIORITY``: a word of five letters or more, not a precedence, close to one."""
    if len(words) < 5 or words in PRECEDENCES:
        return None
    close = difflib.get_close_matches(words, PRECEDENCES, n=1, cutoff=0.8)
    return close[0] if close else None
