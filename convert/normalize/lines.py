"""Line-level view of the cable text: cleaning, and the lines that are not the cable's prose
(page-break lines, repeated section banners, classification lines around old page breaks)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def _spaced(word: str) -> str:
    return r"\s{1,2}".join(word)


_LEVEL_WORDS = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "LIMITED OFFICIAL USE")
BANNER_LEVEL = re.compile(
    r"^\s*(?P<level>"
    # spaced (C O N F I D E N T I A L): may run straight into the station (…A LCAIRO)
    + "|".join(r"\s+".join(_spaced(w) for w in level.split()) for level in _LEVEL_WORDS)
    + "|"
    # unspaced: a whole word
    + "|".join(r"\s+".join(level.split()) + r"(?![A-Za-z])" for level in _LEVEL_WORDS)
    + r"|UNCLAS(?![A-Za-z]))",
    re.I,
)
SECTION = re.compile(r"\bSECTION\s+(?P<n>\d{1,3})\s+OF\s+(?P<m>\d{1,3})\b", re.I)
#: the message reference at the end of a banner: ``BEIJING 001463``, ``USUN NEW YORK 123``
MESSAGE_REF = re.compile(r"(?<![A-Z])(?P<station>[A-Z][A-Z .'()-]{0,40}?[A-Z)])\s*+(?P<serial>\d{1,7})", re.I)
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
        # a tab-separated database row (a media partner's dump) becomes one line per field
        text = "\n".join(
            line.replace("\t", "\n") if line.count("\t") >= 4 else line for line in text.split("\n")
        ).replace("\t", " ")
    if "\x0c" in text or "\x0b" in text:
        text = text.replace("\x0c", "\n").replace("\x0b", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    if "\u00a0" in text:
        applied.add("nbsp")
    # a SQL/TSV dump's backslash line continuations, when most lines carry one
    filled = [line for line in lines if line.strip()]
    ends = sum(1 for line in filled if line.endswith("\\"))
    if ends >= 3 and ends * 10 >= len(filled) * 3:
        applied.add("backslashes")
        lines = [line[:-1].rstrip() if line.endswith("\\") else line for line in lines]
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
    r"^(?:\s*+(?:(?://|,|-)\s*+)?(?:E\s?F\s?T\s?O|SIPDIS|NOFORN|NO\s?FORN|SENSITIVE|SBU|FOUO|EXDIS|LIMDIS|NODIS|"
    r"STADIS|SPECAT|CHEROKEE|ROGER|NOCONTRACT|ORCON|PROPIN))*",
    re.I,
)


_TRAILING_CAVEATS = re.compile(
    r"(?<!\s)(?:\s++(?:SIPDIS|SENSITIVE|NOFORN|EXDIS|LIMDIS|NODIS|STADIS|E\s?F\s?T\s?O|FOUO)\b[,.]?){1,8}+\s*+$"
)


def parse_banner(line: str) -> Banner | None:
    """A classification/section banner (``UNCLAS SECTION 01 OF 02 BEIJING 001463``), or a
    bare classification line; None for anything else."""
    s = line.strip()
    if not s or len(s) > 160:
        return None
    written = s
    if re.match(r"^([A-Z])\1 [A-Z] [A-Z] ", s):
        s = s[1:]  # a doubled first letter of a spaced banner (SS E C R E T)
    level_match = BANNER_LEVEL.match(s)
    section = SECTION.search(s)
    if not level_match and not (section and section.start() == 0):
        return None
    start = level_match.end() if level_match else 0
    if section and section.start() >= start:
        caveats, tail = s[start : section.start()], s[section.end() :]
    else:
        section = None
        caveats, tail = "", s[start:]
    lead = _CAVEATS.match(tail)
    if lead and lead.end():
        caveats, tail = (caveats + " " + tail[: lead.end()]), tail[lead.end() :]
    trailing = _TRAILING_CAVEATS.search(tail)
    if trailing and trailing.start() > 0 and re.search(r"\d\s*$", tail[: trailing.start()]):
        # handling words after the serial: BEIJING 001463 SENSITIVE SIPDIS
        caveats, tail = caveats + " " + tail[trailing.start() :], tail[: trailing.start()]
    ref = MESSAGE_REF.fullmatch(tail.strip()) if tail.strip() else None
    junk = ""
    if tail.strip() and not ref and level_match and not section:
        # damaged words between the level and the reference (ECTION 01 OF 02 MANAMA 000492)
        loose = re.fullmatch(r"(?P<junk>.*?\s)(?P<ref>[A-Z][A-Z .'()-]{0,40}?[A-Z)]\s+\d{3,7})", tail.strip(), re.I)
        if loose and len(loose["junk"]) < 30:
            junk = loose["junk"]
            ref = MESSAGE_REF.fullmatch(loose["ref"])
    if tail.strip() and not ref:
        return None
    if caveats.strip() and _CAVEATS.match(caveats.strip()).end() != len(caveats.strip()):  # type: ignore[union-attr]
        return None
    return Banner(
        text=written,
        level=level_name(level_match["level"]) if level_match else None,
        section=int(section["n"]) if section else None,
        sections=int(section["m"]) if section else None,
        station=" ".join(ref["station"].split()).upper() if ref else None,
        serial=ref["serial"] if ref else None,
        rest=" ".join(caveats.split()),
        # cablegate ids take every word between the level (or SECTION n OF m) and the serial:
        # UNCLAS E F T O LONDON 002187 -> 09EFTOLONDON2187, but with SECTION, 09LONDON2622
        id_station=_id_station(caveats, junk, ref["station"], bool(section), bool(level_match), s) if ref else None,
    )


def _id_station(caveats: str, junk: str, station: str, section: bool, level: bool, line: str) -> str:
    """The station part of a cablegate id: every word between the classification (or a
    well-formed ``SECTION n OF m`` after it) and the serial, without spaces. Without a
    classification the SECTION words are part of it too, as cablegate spelt them."""
    if not level and section:
        before = re.sub(r"\s*\d{1,7}\s*$", "", line)
        return re.sub(r"[^A-Z0-9]", "", before.upper())
    # of the caveats, cablegate kept E F T O in its ids (09EFTOLONDON2187) and dropped the rest
    kept = "" if section else " ".join(re.findall(r"E\s?F\s?T\s?O", caveats, re.I))
    words = kept + " " + junk + " " + station
    return re.sub(r"[^A-Z0-9]", "", words.upper()).lstrip("0123456789") or station.upper()


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
        # str(int()): \d also matches digits that are not ASCII ("００２"); pb/@n is [0-9]+
        page = str(int(match["page"].split(".")[0]))
        return "new", page
    match = OLD_PAGE.match(line)
    if match:
        return "old", str(int(match["page"]))
    return None
