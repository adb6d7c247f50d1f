"""The classification banner: ``UNCLAS SECTION 01 OF 02 BEIJING 001463``, ``S E C R E T STATE
037561``, or a bare classification line. A parser the rules of several stages use (the banner
field, repeated section banners, a bare addressee that is not a banner)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import vocab
from .parsed import Banner


def _spaced(word: str) -> str:
    return r"\s{1,2}".join(word)


#: the levels written spaced, as an alternation: ``C O N F I D E N T I A L``, ``S E C R E T``
SPACED_LEVELS = "|".join(r"\s+".join(_spaced(w) for w in level.split()) for level in vocab.LEVELS)
BANNER_LEVEL = re.compile(
    r"^\s*(?P<level>"
    # spaced (C O N F I D E N T I A L): may run straight into the station (…A LCAIRO)
    + SPACED_LEVELS
    + "|"
    # unspaced: a whole word
    + "|".join(r"\s+".join(level.split()) + r"(?![A-Za-z])" for level in vocab.LEVELS)
    + r"|UNCLAS(?![A-Za-z]))",
    re.I,
)
SECTION = re.compile(r"\bSECTION\s+(?P<n>\d{1,3})\s+OF\s+(?P<m>\d{1,3})\b", re.I)
#: the message reference at the end of a banner: ``BEIJING 001463``, ``USUN NEW YORK 123``
MESSAGE_REF = re.compile(r"(?<![A-Z])(?P<station>[A-Z][A-Z .'()-]{0,40}?[A-Z)])\s*+(?P<serial>\d{1,7})", re.I)
CLASSIFICATION_LINE = re.compile(
    r"^\s*(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|TOP SECRET|LIMITED OFFICIAL USE|"
    r"C O N F I D E N T I A L|S E C R E T|U N C L A S S I F I E D)"
    r"(?:\s*(?://|\s)\s*(?:NOFORN|SBU|FOUO|EXDIS|LIMDIS|NODIS|SENSITIVE))*\s*$",
    re.I,
)
_CAVEATS = re.compile(
    r"^(?:\s*+(?:(?://|,|-)\s*+)?(?:E\s?F\s?T\s?O|SIPDIS|NOFORN|NO\s?FORN|SENSITIVE|SBU|FOUO|EXDIS|LIMDIS|NODIS|"
    r"STADIS|SPECAT|CHEROKEE|ROGER|NOCONTRACT|ORCON|PROPIN))*",
    re.I,
)
_TRAILING_CAVEATS = re.compile(
    r"(?<!\s)(?:\s++(?:SIPDIS|SENSITIVE|NOFORN|EXDIS|LIMDIS|NODIS|STADIS|E\s?F\s?T\s?O|FOUO)\b[,.]?){1,8}+\s*+$"
)
_DOUBLED = re.compile(r"^([A-Z])\1 [A-Z] [A-Z] ")
#: a spaced banner whose first space was lost (``CO N F I D E N T I A L SECTION 01 OF 04``, 09HANOI809)
_GLUED_FIRST = re.compile(r"^[A-Z]{2} [A-Z] [A-Z] [A-Z] ")
_LOOSE_REF = re.compile(r"(?P<junk>.*?\s)(?P<ref>[A-Z][A-Z .'()-]{0,40}?[A-Z)]\s+\d{3,7})", re.I)
_DIGIT_END = re.compile(r"\d\s*$")
_SERIAL_END = re.compile(r"(?<!\s)\s*+\d{1,7}\s*$")  # starts only where a run of spaces does: linear
_NOT_ID = re.compile(r"[^A-Z0-9]")
_EFTO = re.compile(r"E\s?F\s?T\s?O", re.I)
_REDACTED = re.compile(r"X{4,}", re.I)


#: the characters a banner can begin with: the first letters of the levels and of SECTION, in
#: either case, and the long s that ``re.I`` matches for s (``BANNER_LEVEL``'s and ``SECTION``'s
#: first characters; a line beginning with any other is no banner, told without a pattern)
_STARTS = frozenset("TSCLUtsclu\u017f")


def level_name(text: str) -> str:
    """The level's name for a banner's level words (as matched by BANNER_LEVEL)."""
    return vocab.level_name(text) or text.upper()


@lru_cache(maxsize=4096)
def parse_banner(line: str) -> Banner | None:
    """A classification/section banner (``UNCLAS SECTION 01 OF 02 BEIJING 001463``), or a
    bare classification line; None for anything else. (Kept per line: the stages ask about
    the same line several times, and a Banner is frozen.)"""
    s = line.strip()
    if not s or len(s) > 160 or s[0] not in _STARTS:
        return None
    written = s
    if _DOUBLED.match(s):
        s = s[1:]  # a doubled first letter of a spaced banner (SS E C R E T)
    elif _GLUED_FIRST.match(s):
        s = f"{s[0]} {s[1:]}"  # its first two letters glued (CO N F I D E N T I A L)
    level_match = BANNER_LEVEL.match(s)
    # without a level only a SECTION at the start counts (the pattern begins with \b: searched,
    # it is tried at every position of every line that begins as a banner may)
    section = SECTION.search(s) if level_match else SECTION.match(s)
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
    if trailing and trailing.start() > 0 and _DIGIT_END.search(tail[: trailing.start()]):
        # handling words after the serial: BEIJING 001463 SENSITIVE SIPDIS
        caveats, tail = caveats + " " + tail[trailing.start() :], tail[: trailing.start()]
    ref = MESSAGE_REF.fullmatch(tail.strip()) if tail.strip() else None
    junk = ""
    if tail.strip() and not ref and level_match and not section:
        # damaged words between the level and the reference (ECTION 01 OF 02 MANAMA 000492)
        loose = _LOOSE_REF.fullmatch(tail.strip())
        if loose and len(loose["junk"]) < 30:
            junk = loose["junk"]
            ref = MESSAGE_REF.fullmatch(loose["ref"])
    if tail.strip() and not ref:
        return None
    if ref and ref["station"].upper().startswith("VZCZC"):
        return None  # a level before a transmission id (SECRET VZCZCXRO2956): a copy's routing, no reference
    if ref and _REDACTED.fullmatch(ref["station"]):
        ref = None  # the station withheld (SE C R E T SECTION 01 OF 02 XXXXXXXXXXXX 000004, 10SHENYANG4): no reference
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
        before = _SERIAL_END.sub("", line)
        return _NOT_ID.sub("", before.upper())
    # of the caveats, cablegate kept E F T O in its ids (09EFTOLONDON2187) and dropped the rest
    kept = "" if section else " ".join(_EFTO.findall(caveats))
    words = kept + " " + junk + " " + station
    return _NOT_ID.sub("", words.upper()).lstrip("0123456789") or station.upper()
