"""Line-level view of the cable text: cleaning, and the lines that are not the cable's prose
(page-break lines, repeated section banners, classification lines around old page breaks)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

BANNER_LEVEL = re.compile(
    r"^\s*(?P<level>"
    r"T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T|"
    r"S\s?E\s?C\s?R\s?E\s?T|"
    r"C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|"
    r"U\s?N\s?C\s?L\s?A\s?S\s?S\s?I\s?F\s?I\s?E\s?D|"
    r"UNCLAS|"
    r"L\s?I\s?M\s?I\s?T\s?E\s?D\s+O\s?F\s?F\s?I\s?C\s?I\s?A\s?L\s+U\s?S\s?E)"
    r"(?![A-Za-z])",
    re.I,
)
SECTION = re.compile(r"\bSECTION\s+(?P<n>\d{1,3})\s+OF\s+(?P<m>\d{1,3})\b", re.I)
#: the message reference at the end of a banner: ``BEIJING 001463``, ``USUN NEW YORK 123``
MESSAGE_REF = re.compile(r"(?P<station>[A-Z][A-Z .'()-]{0,40}?[A-Z)])\s*(?P<serial>\d{1,7})", re.I)
NEW_PAGE = re.compile(
    r"^\s*(?P<station>[A-Za-z][A-Za-z .'()-]{0,30}?)\s+(?P<serial>\d{8})\s+"
    r"(?P<page>\d{3}(?:\.\d)?)\s+of\s+(?P<pages>\d{3})\s*$",
    re.I,
)
OLD_PAGE = re.compile(r"^\s*PAGE\s+(?P<page>\d{2,3})\s+\S.*\b\d{6}Z\s*$", re.I)
CLASSIFICATION_LINE = re.compile(
    r"^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|"
    r"C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)"
    r"(?:\s*(?://|\s)\s*(?:NOFORN|SBU|FOUO|EXDIS|LIMDIS|NODIS|SENSITIVE))*\s*$",
    re.I,
)

LEVEL_NAMES = {
    "TOPSECRET": "TOP SECRET",
    "SECRET": "SECRET",
    "CONFIDENTIAL": "CONFIDENTIAL",
    "UNCLASSIFIED": "UNCLASSIFIED",
    "UNCLAS": "UNCLASSIFIED",
    "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
}


def level_name(text: str) -> str:
    return LEVEL_NAMES.get(re.sub(r"\s+", "", text).upper(), text.upper())


def clean(text: str) -> tuple[list[str], set[str]]:
    """Split into lines, dropping only white space: trailing spaces, CR, U+2028/9, tabs
    (to spaces). Returns the lines and the names of the cleanings that applied."""
    applied: set[str] = set()
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if "\u2028" in text or "\u2029" in text:
        applied.add("line-separators")
        text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    if "\t" in text:
        applied.add("tabs")
        text = text.replace("\t", " ")
    if "\x0c" in text or "\x0b" in text:
        text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    if "\u00a0" in text:
        applied.add("nbsp")
    return lines, applied


@dataclass(slots=True)
class Banner:
    text: str
    level: str | None
    section: int | None = None
    sections: int | None = None
    station: str | None = None
    serial: str | None = None
    rest: str = ""  # words between the level and SECTION/ref (caveats like E F T O, NOFORN)
    id_station: str | None = None  # the station as cablegate ids spell it (see parse_banner)


_CAVEATS = re.compile(
    r"^(?:\s*(?://|,|-)?\s*(?:E\s?F\s?T\s?O|NOFORN|NO\s?FORN|SENSITIVE|SBU|FOUO|EXDIS|LIMDIS|NODIS|"
    r"STADIS|SPECAT|CHEROKEE|ROGER|NOCONTRACT|ORCON|PROPIN))*",
    re.I,
)


def parse_banner(line: str) -> Banner | None:
    """A classification/section banner (``UNCLAS SECTION 01 OF 02 BEIJING 001463``), or a
    bare classification line; None for anything else."""
    s = line.strip()
    if not s or len(s) > 160:
        return None
    level_match = BANNER_LEVEL.match(s)
    section = SECTION.search(s)
    if not level_match and not (section and section.start() == 0):
        return None
    start = level_match.end() if level_match else 0
    if section and section.start() >= start:
        caveats, tail = s[start: section.start()], s[section.end():]
    else:
        section = None
        caveats, tail = "", s[start:]
    lead = _CAVEATS.match(tail)
    if lead and lead.end():
        caveats, tail = (caveats + " " + tail[: lead.end()]), tail[lead.end():]
    ref = MESSAGE_REF.fullmatch(tail.strip()) if tail.strip() else None
    if tail.strip() and not ref:
        return None
    if caveats.strip() and _CAVEATS.match(caveats.strip()).end() != len(caveats.strip()):  # type: ignore[union-attr]
        return None
    return Banner(
        text=s,
        level=level_name(level_match["level"]) if level_match else None,
        section=int(section["n"]) if section else None,
        sections=int(section["m"]) if section else None,
        station=" ".join(ref["station"].split()).upper() if ref else None,
        serial=ref["serial"] if ref else None,
        rest=" ".join(caveats.split()),
        # cablegate ids take every word between the level (or SECTION n OF m) and the serial:
        # UNCLAS E F T O LONDON 002187 -> 09EFTOLONDON2187, but with SECTION, 09LONDON2622
        id_station=(re.sub(r"[^A-Z]", "", (caveats if not section else "").upper()) + ref["station"].upper())
        if ref else None,
    )


@dataclass(slots=True)
class Furniture:
    """Lines that belong to the printed page, not the text: a page break or section banner."""

    kind: str  # "page" | "section"
    lines: list[tuple[str, str]] = field(default_factory=list)  # (role, text): header|footer|banner
    n: str | None = None


def page_break(line: str) -> tuple[str, str | None] | None:
    """``("new"|"old", page)`` when the line is a page-break line."""
    match = NEW_PAGE.match(line)
    if match and match["station"].split()[0].upper() not in ("REF", "REFS", "REFTEL"):
        page = match["page"].split(".")[0].lstrip("0") or "0"
        return "new", page
    match = OLD_PAGE.match(line)
    if match:
        return "old", match["page"].lstrip("0") or "0"
    return None
