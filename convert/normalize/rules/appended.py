"""Stage "lines", continued: a second cable appended to the page's or row's text.

Media partners' copies and database dumps sometimes carry, after the cable's own text, the row
and text of another cable (``121752 2007-09-11 12:50:00 07TBILISI2290 Embassy Tbilisi …``
and its routing header, banner, paragraphs and signer). Its facts are not the page's.

Chain (run by :mod:`convert.normalize.appended`):

- ``lines.appended`` ``(lines, index, own) -> Start | None``: does the body line at ``index``
  name another cable than ``own`` (first match)? Each rule knows one way a cable announces
  itself: a database row, a routing header's DE line, a classification banner.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ... import stations
from ...model import SourceMetadata
from ..banner import parse_banner
from ..parsed import EditorialNote
from .copies import row_field
from .ruler import Chain, note

#: a cablegate id: ``07TBILISI2290``
CABLE_ID = re.compile(r"(?P<year>\d{2})(?P<station>[A-Z][A-Z]*?)(?P<serial>\d+)")


@dataclass(frozen=True, slots=True)
class Identity:
    """What a cable says about which cable it is: its id, or only its serial and station."""

    cable_id: str | None = None
    station: str | None = None
    serial: str | None = None  # digits, without leading zeros
    kept: int | None = None  # the serial is only its last ``kept`` digits (a DE line keeps four)

    @classmethod
    def of(cls, cable_id: str | None) -> Identity:
        match = CABLE_ID.fullmatch(cable_id or "")
        if match is None:
            return cls(cable_id or None)
        return cls(cable_id, match["station"], match["serial"].lstrip("0") or "0")

    def other_serial(self, serial: str, *, last: int | None = None) -> bool:
        """Whether ``serial`` (digits) is surely not this cable's: both known and different,
        and neither the start of the other (a serial cut short or typed with a digit
        missing is the same cable). ``last``: compare only the last digits (a DE line
        keeps four)."""
        if self.serial is None:
            return False
        mine, theirs = self.serial, serial.lstrip("0") or "0"
        if self.kept is not None and mine.zfill(self.kept)[-self.kept :] == theirs.zfill(self.kept)[-self.kept :]:
            return False  # 25671 where only 5671 is known: the same serial
        if last is not None:
            mine, theirs = mine.zfill(last)[-last:], theirs.zfill(last)[-last:]
        return mine != theirs and not mine.startswith(theirs) and not theirs.startswith(mine)

    def other_id(self, cable_id: str) -> bool:
        """Whether ``cable_id`` is surely another cable than this one (known only by its
        serial, as a pasted text is: another serial)."""
        theirs = Identity.of(cable_id)
        if self.cable_id is None:
            return theirs.serial is not None and self.other_serial(theirs.serial)
        if self.cable_id == cable_id:
            return False
        if theirs.serial is None or self.serial is None:
            return True
        return theirs.station != self.station or self.other_serial(theirs.serial)


@dataclass(frozen=True, slots=True)
class Start:
    """Where another cable announces itself: the line that names it, what it is called, and
    the row's metadata when a database row names it."""

    index: int
    cable_id: str | None
    metadata: SourceMetadata | None = None
    #: where in the line the cable begins, when it begins inside a line: the line is cut there,
    #: and again before its routing header (``cuts``: where each piece after the first begins)
    cuts: tuple[int, ...] = ()


APPENDED: Chain[Callable[[list[str], int, Identity], Start | None]] = Chain(
    "lines.appended", "lines", "Each body line: does it begin another cable than the page's? (first match)"
)

_KEPT = (
    " is kept whole as its own part (div type=\"appended-cable\"), with its own facts; nothing in this "
    "header is taken from it."
)


def _note(found: str) -> EditorialNote:
    return note("normalization", f"A second cable appended after this cable's text, {found}," + _KEPT)


# ---------------------------------------------------------------- database rows
_DATE = r"(?P<date>\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})"
_TIME = r"(?P<time>\d{1,2}:\d{2})(?::\d{2})?"
ROW_LINE = re.compile(
    r"^\s*(?:(?:<<)?\d{1,7}(?:>>)?[\s,]+)?\"?" + _DATE + r"[ T]+" + _TIME + r"\"?[\s,]+\"?"
    r"(?P<id>\d{2}[A-Z]+\d+)\b\"?(?P<rest>.*)$"
)
_ORIGIN = (
    r"(?P<origin>(?:Embassy|Consulate|Mission|US |USUN|USEU|UNVIE|Secretary|American|Iran|REO)"
    r"[A-Za-z ,.'-]{0,40}?)"
)
_LEVEL = r"(?P<class>(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?://[A-Z ]+)?)"
#: the row's origin and classification (``Embassy Cairo CONFIDENTIAL``, ``"Embassy The
#: Hague","SECRET//NOFORN"``); a row without a classification: its origin alone
_ROW_ORIGIN_LEVEL = re.compile(r"^[\s,\t]*\"?" + _ORIGIN + r"\"?[\s,]+\"?" + _LEVEL)
_ROW_ORIGIN_ONLY = re.compile(r"^[\s,\t]*\"?" + _ORIGIN + r"\"?(?:[\s,]*$|[\s,]*\"|[\s,]+\d)")


def _row_origin(text: str) -> tuple[str | None, str | None]:
    """(origin, classification) at the start of the rest of a row."""
    match = _ROW_ORIGIN_LEVEL.match(text)
    if match is not None:
        return match["origin"], match["class"]
    match = _ROW_ORIGIN_ONLY.match(text)
    return (match["origin"], None) if match else (None, None)
_ROW_NUMBER = re.compile(r"^\s*(?:<<\d{1,7}>>|\d{1,7}|id:\s*\d{1,7})\s*$")
_ROW_DATE = re.compile(r"^\s*(?:date:\s*)?" + _DATE + r"\s+" + _TIME + r"\s*$")
_ROW_ID = re.compile(r"^\s*(?:refid:\s*)?(?P<id>\d{2}[A-Z]+\d+)\s*$")
_ROW_NAMED = re.compile(r"^\s*(?P<key>origin|classification):\s*(?P<value>.*?)\s*$")


def row_time(date: str, time: str) -> str | None:
    """``7/30/2004``, ``12:31`` -> ``2004-07-30T12:31`` (slashes: month first; dots: day
    first, as the European dumps write it); None for a date that is none."""
    if "-" in date:
        year, month, day = date.split("-")
    elif "/" in date:
        month, day, year = date.split("/")
    else:
        day, month, year = date.split(".")
    hour, minute = time.split(":")[:2]
    if not (1 <= int(month) <= 12 and 1 <= int(day) <= 31 and int(hour) < 24 and int(minute) < 60):
        return None
    return f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{minute}"


def _row_metadata(cable_id: str, date: str, time: str, origin: str | None, level: str | None) -> SourceMetadata:
    return SourceMetadata(
        kind="embedded-row",
        id=cable_id,
        created=row_time(date, time),
        classification=level or None,
        origin=" ".join(origin.split()).strip(" ,") if origin else None,
    )


@APPENDED.rule(
    "appended-row", note=_note("announced by a database row naming it on one line"), lead=r'[<"\d]'  # (ROW_LINE)
)
def appended_row(lines: list[str], index: int, own: Identity) -> Start | None:
    """A database row on one line (tab-, space- or comma-separated: row number, date, refid,
    origin, classification) naming another cable."""
    line = lines[index]
    if len(line) < 14 or (not line.lstrip()[:1].isdigit() and not line.lstrip().startswith(("<<", '"'))):
        return None
    match = ROW_LINE.match(line)
    if match is None or not own.other_id(match["id"]):
        return None
    origin, level = _row_origin(match["rest"])
    return Start(index, match["id"], _row_metadata(match["id"], match["date"], match["time"], origin, level))


#: a database row run on inside a line, then its cable's routing header glued after it
#: (``… 220692 225733 9/18/2009 2:25 09STATE96945 Secretary of State UNCLASSIFIED VZCZCXYZ0003PP …``)
_ROW_INSIDE = re.compile(
    r"(?<=\s)(?P<row>\d{1,7}\s+" + _DATE + r"\s+" + _TIME + r"\s+(?P<id>\d{2}[A-Z]+\d+)\b(?P<rest>[^\n]{0,200}?))"
    r"\s(?P<header>VZCZC[A-Z0-9]{4,})"
)


@APPENDED.rule(
    "appended-row-inside",
    after="appended-row",
    note=_note("announced by a database row run on inside a line, its routing header glued after it"),
    trigger=("VZCZC",),
)
def appended_row_inside(lines: list[str], index: int, own: Identity) -> Start | None:
    """A database row naming another cable that begins inside a line, after the page's last
    words (a dump's columns), with the routing header of that cable glued after it on the
    same line (09BERLIN992, 08MOSCOW1519): the line is cut before the row and before the
    header."""
    line = lines[index]
    for match in _ROW_INSIDE.finditer(line):
        if not own.other_id(match["id"]) or row_time(match["date"], match["time"]) is None:
            continue
        origin, level = _row_origin(match["rest"])
        metadata = _row_metadata(match["id"], match["date"], match["time"], origin, level)
        return Start(index, match["id"], metadata, (match.start("row"), match.start("header")))
    return None


@APPENDED.rule(
    "appended-row-lines", note=_note("announced by a database row naming it one field a line"), lead=r"[<\di]"
)  # (_ROW_NUMBER)
def appended_row_lines(lines: list[str], index: int, own: Identity) -> Start | None:
    """A database row one field a line (``<<201778>>``, ``04.10.2009 01:32``, ``09SHANGHAI160``,
    then origin and classification; or ``id:``, ``date:``, ``refid:``) naming another cable."""
    if not _ROW_NUMBER.match(lines[index]) or index + 2 >= len(lines):
        return None
    date = _ROW_DATE.match(lines[index + 1])
    ident = _ROW_ID.match(lines[index + 2])
    if date is None or ident is None or not own.other_id(ident["id"]):
        return None
    origin = level = None
    for line in lines[index + 3 : index + 6]:
        named = _ROW_NAMED.match(line)
        value = named["value"] if named else line.strip()
        if re.fullmatch(_ORIGIN, value) and origin is None and not value.startswith(("UNCL", "CONF", "SECR", "TOP")):
            origin = value
        elif re.fullmatch(r"(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET)(?://[A-Z ]+)?", value):
            level = value
    return Start(index, ident["id"], _row_metadata(ident["id"], date["date"], date["time"], origin, level))


# ---------------------------------------------------------------- routing headers and banners
DE_LINE = re.compile(r"^\s*DE\s+R[A-Z]{3,6}\s*#(?P<serial>\d{3,7})\b")


@APPENDED.rule(
    "appended-routing",
    note=_note("beginning with its own routing header (another serial)"),
    trigger=("DE",),
    lead="D",  # (DE_LINE)
)
def appended_routing(lines: list[str], index: int, own: Identity) -> Start | None:
    """A routing header's DE line (``DE RUEHSI #2290/01 2541250``) with another serial than
    the page's (compared on the four digits the DE line keeps)."""
    match = DE_LINE.match(lines[index])
    if match is None or not own.other_serial(match["serial"], last=4):
        return None
    return Start(index, None)


@APPENDED.rule(
    "appended-banner", note=_note("beginning with its own classification banner (another serial)"), lead="[UCSTLucstl]"
)
def appended_banner(lines: list[str], index: int, own: Identity) -> Start | None:
    """A classification banner (``C O N F I D E N T I A L CAIRO 000184``) of a station the
    station table knows, with another serial than the page's."""
    line = lines[index]
    head = line.lstrip()[:1]
    if head not in "UCSTLucstl" or not head:
        return None
    banner = parse_banner(line)
    if banner is None or not banner.serial or not banner.station:
        return None
    if banner.section not in (None, 1) or not own.other_serial(banner.serial):
        return None
    station = " ".join(banner.station.split()).upper()
    if station != own.station and not stations.banner_offices(station):
        return None
    return Start(index, None)


# ---------------------------------------------------------------- what leads into a cable
#: lines that belong to the start of the next cable, before the line that names it: row
#: fields, a transmission line, routing indicators, security and DTG lines, addressees
LEAD_IN = re.compile(
    r"^\s*(?:<<\d{1,7}>>|\d{1,7}|id:\s*\d{1,7}|date:.*|VZCZC\w*|[A-Z]{2}\s+R[A-Z]{3,6}(?:\s+R[A-Z]{3,6})*"
    r"|ZN[A-Z]\s+[A-Z]{5}.*|[A-Z]\s+\d{6}Z\s+[A-Z]{3}\s+\d{2}|FM\s+[A-Z][A-Z ]*|(?:TO|INFO)\s+R[A-Z]{3,6}/.*"
    r"|R[A-Z]{3,6}/.*"
    r"|(?i:-{3,}\s*header ends\s*-{3,}|header:))\s*$"
)


def lead_in(lines: list[str], index: int) -> int:
    """Where the next cable begins: back from the line that names it over the lines that
    lead into it (and the blank lines between them)."""
    start = index
    probe = index
    while probe > 0:
        line = lines[probe - 1]
        if not line.strip():
            probe -= 1
            continue
        if not LEAD_IN.match(line):
            break
        probe -= 1
        start = probe
    return start


def row_line(line: str) -> bool:
    """A database row's line: a whole row, or one of its fields."""
    return bool(ROW_LINE.match(line)) or row_field(line)
