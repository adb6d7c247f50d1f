"""Stage "routing": the teletype routing header (``VZCZC…``, ``DE RUEHBJ #1463/01 1530922``,
the date-time group, FM/TO/INFO) and its addressees.

Chains (run by :mod:`convert.normalize.routing`):

- ``routing.kinds`` ``(line, state, run) -> kind | None``: what a header line is (first
  match); ``state`` is the addressee list being read (to, info, xmt) or None.
- ``routing.precedence`` ``(words) -> precedence | None``: the precedence that ends an
  addressee line (first match).
- ``routing.later`` ``(lines, station, run) -> (block, index) | None``: in the text of a cable
  whose head has no DTG and no FM, this station's routing block repeated there (first match).
"""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable

from ...readers import scrape
from ..banner import parse_banner
from ..dtg import DTG_LINE, parse_dtg
from ..offices import sender_station
from ..parsed import Banner
from . import fields as field_rules  # (fields imports this module too: its names are read at call time)
from .ruler import Chain, Run, note

KINDS: Chain[Callable[[str, str | None, Run], str | None]] = Chain(
    "routing.kinds", "routing", "What a routing-header line is (first match)."
)
PRECEDENCE: Chain[Callable[[str], str | None]] = Chain(
    "routing.precedence", "routing", "The precedence at the end of an addressee line (first match)."
)
PREFACE: Chain[Callable[[list[str], Run], int]] = Chain(
    "routing.preface",
    "routing",
    "Lines before a pasted text's routing header that belong to it, not to the cable (first match: how many).",
)
STARTS: Chain[Callable[[list[str | None]], bool]] = Chain(
    "routing.starts", "routing", "A header the usual lines (VZCZC, DE, ZNY, FM) do not announce (first match)."
)
GLUED: Chain[Callable[[str], tuple[str, str] | None]] = Chain(
    "routing.glued", "routing", "The header's last line run on into the text (first match: the two parts)."
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
#: an addressee's office symbol: ``//USDP:PDUSDP/ISP:EUR//``, ``//J-1//J-3:JOD//``
_OFFICE_SYMBOL = re.compile(r"//\S*//")


@KINDS.rule("transmission-line", lead="(?i)V")  # (TRANSMISSION)
def transmission_line(s: str, state: str | None, run: Run) -> str | None:
    """``VZCZCXRO8128``: the transmission id."""
    return "transmission" if TRANSMISSION.match(s) else None


@KINDS.rule("de-line", lead="(?i)D")  # (DE)
def de_line(s: str, state: str | None, run: Run) -> str | None:
    """``DE RUEHBJ #1463/01 1530922``: station, serial, section, Julian date."""
    return "de" if DE.match(s) else None


@KINDS.rule("security-line", lead="(?i)Z")  # (SECURITY)
def security_line(s: str, state: str | None, run: Run) -> str | None:
    """``ZNR UUUUU ZZH``: the security line (its letter: the level)."""
    return "security" if SECURITY.match(s) else None


@KINDS.rule("dtg-line", lead=r"(?i)[ZOPRMY\d]")  # (DTG_LINE)
def dtg_line(s: str, state: str | None, run: Run) -> str | None:
    """``P 020922Z JUN 09``: precedence and date-time group."""
    return "dtg" if len(s) < 40 and DTG_LINE.match(s) and parse_dtg(s) else None


@KINDS.rule("fm-line", lead="F")  # (FM)
def fm_line(s: str, state: str | None, run: Run) -> str | None:
    """``FM AMEMBASSY BEIJING``: the sender."""
    return "from" if FM.match(s) else None


@KINDS.rule("to-line", lead="T")  # (TO)
def to_line(s: str, state: str | None, run: Run) -> str | None:
    """``TO RUEHC/SECSTATE WASHDC PRIORITY 4248``: the action addressees start."""
    return "to" if TO.match(s) else None


@KINDS.rule("info-line", lead="I")  # (INFO)
def info_line(s: str, state: str | None, run: Run) -> str | None:
    """``INFO RUEHOO/CHINA POSTS COLLECTIVE``: the information addressees start."""
    return "info" if INFO.match(s) else None


@KINDS.rule("xmt-line", lead="X")  # (XMT)
def xmt_line(s: str, state: str | None, run: Run) -> str | None:
    """``XMT AMCONSUL …``: offices the cable is not sent to."""
    return "xmt" if XMT.match(s) else None


@KINDS.rule("bt-line", lead="B")  # (BT)
def bt_line(s: str, state: str | None, run: Run) -> str | None:
    """``BT``: the break between the header and the text."""
    return "bt" if BT.match(s) else None


@KINDS.rule("routing-indicators", lead="[ZOPRMY]")  # (ROUTING)
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
    # (a colon inside an office symbol is no field's label: ``SECDEF WASHDC//USDP:PDUSDP//``)
    if len(s) >= 70 or s.upper() != s or s.endswith(".") or ":" in _OFFICE_SYMBOL.sub("", s):
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


# ---------------------------------------------------------------- around the header
@PREFACE.rule(
    "header-notice",
    note=note(
        "normalization",
        "A note above a pasted routing header (the partial-extract notice, a media partner's line) is "
        "kept with the header, as the pages print it.",
    ),
)
def header_notice(lines: list[str], run: Run) -> int:
    """``This record is a partial extract of the original cable…`` (or a partner's line) above
    the routing header of a pasted page: part of the header block, as the page prints it."""
    n = 0
    look = run.trial()
    while n < len(lines) and (not lines[n].strip() or field_rules.field_kind(lines[n], look) in ("notice", "wrapper")):
        n += 1
    return n if any(line.strip() for line in lines[:n]) else 0


@PREFACE.rule(
    "scrape-metadata",
    note=note(
        "normalization",
        "The five lines a text scrape puts above the cable (its id, title, day, classification and origin) "
        "are kept with the routing header, not read as the cable's text.",
    ),
)
def scrape_metadata(lines: list[str], run: Run) -> int:
    """``85BEIRUT1351`` / title / ``Tue Mar 05 00:00:00 +0100 1985`` / level / origin: a
    public text scrape's metadata above a pre-2000 cable."""
    return scrape.LINES if scrape.is_scrape(lines) else 0


@STARTS.rule("dtg-header")
def dtg_header(kinds: list[str | None]) -> bool:
    """A text whose first line is a date-time group alone (``231432Z Jan 06``, as the State
    Department's archive prints a partial extract): a header of one line."""
    return bool(kinds) and kinds[0] == "dtg"


#: a classification level run on after an addressee (its last letter, digit, ``/`` or ``)``)
_GLUED_LEVEL = re.compile(
    r"(?<=[A-Z0-9/)])(?:UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|C O N F I D E N T I A L|S E C R E T)\s"
)


@GLUED.rule(
    "glued-banner",
    note=note(
        "normalization",
        "A classification banner run on at the end of the routing header's last line (a scrape that "
        "joined the page's two blocks) starts the text on a line of its own.",
    ),
)
def glued_banner(line: str) -> tuple[str, str] | None:
    """``AMCONSUL JERUSALEMUNCLAS SECTION 01 OF 03 BEIRUT 01351``: the addressee, then the
    banner (with a message reference) that starts the text."""
    if not line[:1].isalnum():
        return None
    for match in _GLUED_LEVEL.finditer(line):
        banner = parse_banner(line[match.start() :])
        if banner is not None and banner.level and banner.serial:
            return line[: match.start()], line[match.start() :].rstrip()
    return None


# ---------------------------------------------------------------- a routing block inside the text
LATER: Chain[Callable[[list[str], Banner, Run], tuple[list[str], int] | None]] = Chain(
    "routing.later",
    "routing",
    "Where the text's head has no date-time group and no FM line: the routing block found inside "
    "the text for the cable's own station, followed by a banner of the cable (first match: its lines, and "
    "where it starts).",
)
_LATER_NOTE = note(
    "normalization",
    "The text's head has no routing header (a partial extract, or lines pasted above it): the date-time "
    "group, the FM line and the addressees are read from the routing block the text repeats for this "
    "cable's station (a later section's copy of the header); the block stays in the text where it stands.",
)


def same_station(sender: str, station: str) -> bool:
    """Whether the FM line's office (``AMEMBASSY ROME``, ``SECSTATE WASHDC``) is the banner's
    station (``ROME``, ``STATE``; a page line's ``VATICA`` for ``VATICAN``)."""
    place = sender_station(sender)
    if not place:
        return False
    mine, theirs = re.sub(r"[^A-Z]", "", place.upper()), re.sub(r"[^A-Z]", "", station.upper())
    return bool(mine and theirs) and (mine == theirs or (len(theirs) >= 5 and mine.startswith(theirs)))


def own_banner_next(after: list[str], own: Banner) -> bool:
    """Whether the first thing after a routing block (blank lines, a database export's quotes
    and commas aside) is a banner of this cable: its serial, any section (a cable quoted in
    the text has its own serial, or text follows its header)."""
    first = next((x.strip().lstrip("\",' ") for x in after if x.strip().lstrip("\",' ")), None)
    banner = parse_banner(first) if first else None
    if banner is None or not (banner.serial and own.serial):
        return False
    return int(banner.serial) == int(own.serial)


@LATER.rule("later-routing", note=_LATER_NOTE, trigger=("FM ",))
def later_routing(lines: list[str], own: Banner, run: Run) -> tuple[list[str], int] | None:
    """``P 231625Z JUL 02`` / ``FM AMEMBASSY ROME`` / ``TO …`` on their own lines inside the
    text (each later section of a partial extract repeats its header after the distribution
    block): the first such block whose FM line names the cable's station and that a banner
    of the cable follows."""
    look = run.trial()
    for index, line in enumerate(lines):
        if "Z " not in line or classify(line, None, look) != "dtg":
            continue
        following = next((x for x in lines[index + 1 : index + 3] if x.strip()), "")
        match = FM.match(following.strip())
        if not (match and same_station(match["rest"], own.station or "")):
            continue
        from ..routing import split_header  # (the stage's driver imports these rules)

        end = index + split_header(lines[index:], look)
        block = _unquoted(lines[index:end])
        cut = len(block) if len(block) < end - index else None  # a quotation mark ended it
        after = lines[end:] if cut is None else [lines[index + cut][len(block[-1]) :], *lines[index + cut + 1 :]]
        if len(block) > 1 and own_banner_next(after, own):
            return block, index
    return None


def _unquoted(block: list[str]) -> list[str]:
    """The block up to a quotation mark: a database export's copy ends its cell there
    (``… PRIORITY 6982","C O N F I D E N T I A L …``)."""
    for at, line in enumerate(block):
        if '"' in line:
            head = line[: line.index('"')]
            return block[:at] + ([head] if head.strip() else [])
    return block


#: a routing block run together on one line after a distribution block:
#: ``… /002W  ------------------00B3A7 031716Z /38 O 031203Z JUL 01 FM AMEMBASSY VATICAN TO …``
_FLAT = re.compile(
    r"(?<![^\s/])(?P<dtg>(?:[ZOPR] ){1,2}\d{6}Z [A-Z]{3,4} \d\d(?:\d\d)?)\s++FM\s++"
    r"(?P<fm>[A-Z][A-Z .'()/-]{1,60}?)\s++TO\s++"
)
#: the INFO label inside a line the header was joined into
INFO_WORD = re.compile(r"(?<!\s)\s++INFO\s++")
#: the precedence (and number) that ends an addressee run together with the next
_ADDRESSEE_END = re.compile(r"\b(?:NIACT IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)\b(?:\s++\d{1,5}\b)?")


@LATER.rule(
    "flattened-routing",
    note=note(
        "normalization",
        "The text's head has no routing header: the date-time group, the FM line and the addressees are read "
        "from this cable's routing block the text repeats run together on one line after a distribution block "
        "(each addressee ending at its precedence); the line stays in the text as written.",
    ),
    after="later-routing",
    trigger=(" FM ",),
)
def flattened_routing(lines: list[str], own: Banner, run: Run) -> tuple[list[str], int] | None:
    """The same block run together on one line (the page printed the distribution block, the
    date-time group, FM and TO as one line): read as the lines it was, each addressee ending at
    its precedence (``SECSTATE WASHDC IMMEDIATE 0000 WHITEHOUSE WASHDC IMMEDIATE``)."""
    for index, line in enumerate(lines):
        if " FM " not in line:
            continue
        match = _FLAT.search(line)
        if match is None or not same_station(match["fm"], own.station or "") or parse_dtg(match["dtg"]) is None:
            continue
        if not own_banner_next(lines[index + 1 :], own):
            continue
        rest = line[match.end() :].split('"', 1)[0]  # (a database export's cell ends at a quotation mark)
        parts = INFO_WORD.split(rest.strip(), maxsplit=1)
        block = [match["dtg"], "FM " + match["fm"].strip()]
        for label, text in zip(("TO ", "INFO "), parts, strict=False):
            block.extend((label if i == 0 else "") + name for i, name in enumerate(addressees(text)))
        return block, index
    return None


def addressees(text: str) -> list[str]:
    """The addressees run together in ``text``, each ending at its precedence (and number);
    what follows the last one is one more."""
    names, end = [], 0
    for match in _ADDRESSEE_END.finditer(text):
        if text[end : match.start()].strip():
            names.append(text[end : match.end()].strip())
            end = match.end()
    if text[end:].strip():
        names.append(text[end:].strip())
    return names
