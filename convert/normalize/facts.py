"""The cable's facts, derived from its text: id, date, origin, classification, caveats."""

from __future__ import annotations

import re

from .routing import Routing

# FM line office prefixes -> the cablegate convention for "origin"
_OFFICES = [
    (re.compile(r"^AMEMBASSY\s+(?P<place>.+)$"), "Embassy {place}"),
    (re.compile(r"^AMCONSUL(?:ATE)?\s+(?P<place>.+)$"), "Consulate {place}"),
    (re.compile(r"^(?:SECSTATE|SECSTATE WASHDC|SECSTATE WASHINGTON DC)\b"), "Secretary of State"),
    (re.compile(r"^USMISSION\s+(?P<place>USNATO|USOSCE|USUN|UNVIE|USEU)\b.*$"), "MISSION:{place}"),
    (re.compile(r"^USMISSION\s+(?P<place>.+)$"), "US Mission {place}"),
    (re.compile(r"^USINT\s+(?P<place>.+)$"), "US Interests Section {place}"),
    (re.compile(r"^(?:IRAN\s+)?RPO\s+(?P<place>.+)$"), "Iran RPO {place}"),
    (re.compile(r"^AIT\s+(?P<place>.+)$"), "American Institute Taiwan, {place}"),
    (re.compile(r"^USDEL\s+(?P<place>.+)$"), "US Delegation, {place}"),
    (re.compile(r"^USEU\s+(?P<place>.+)$"), "USEU {place}"),
    (re.compile(r"^USLO\s+(?P<place>.+)$"), "US Liaison Office {place}"),
    (re.compile(r"^REO\s+(?P<place>.+)$"), "REO {place}"),
    (re.compile(r"^(?:AMEMBASSY|EMBASSY)$"), "Embassy"),
]
_MISSIONS = {
    "USNATO": "Mission USNATO",
    "USOSCE": "Mission USOSCE",
    "USUN": "USUN New York",
    "UNVIE": "UNVIE",
    "USEU": "USEU Brussels",
}
_SMALL = {"OF", "DE", "DA", "DU", "LA", "EL", "AL"}


def title_place(place: str) -> str:
    """``BUENOS AIRES`` -> ``Buenos Aires``; ``PORT AU PRINCE`` -> ``Port Au Prince``."""
    words = place.replace("/", " ").split()
    return " ".join(w.capitalize() if w.upper() not in _SMALL or i == 0 else w.lower() for i, w in enumerate(words))


def _place(text: str) -> str:
    place = re.split(r"//|\s{2,}", text.strip())[0]
    place = re.sub(r"\s+(?:[A-Z]{2}|\d+)$", "", place.strip()) if len(place.split()) > 1 else place
    return place.strip(" ./")


def origin_of(sender: str | None) -> str | None:
    """The cablegate-style origin (``Embassy Beijing``) for an FM line (``AMEMBASSY BEIJING``)."""
    if not sender:
        return None
    text = " ".join(sender.upper().split())
    for pattern, template in _OFFICES:
        match = pattern.match(text)
        if not match:
            continue
        if template.startswith("MISSION:"):
            return _MISSIONS[match["place"]]
        place = match.groupdict().get("place")
        if place is None:
            return template
        if template.startswith("US Delegation"):
            return template.format(place=title_place(_place(place).split("/")[0]))
        return template.format(place=title_place(_place(place)))
    return None


# ---------------------------------------------------------------- classification
def classification_record(level: str | None, caveats: list[str]) -> str | None:
    """The cablegate convention: ``SECRET//NOFORN``; ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``
    for unclassified cables marked SENSITIVE or FOUO."""
    if level is None:
        return None
    upper = {c.upper() for c in caveats}
    if level == "LIMITED OFFICIAL USE":
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    # an unclassified cable with any handling restriction (SENSITIVE, FOUO, even NOFORN) is
    # "UNCLASSIFIED//FOR OFFICIAL USE ONLY" in the 2011 metadata
    if level == "UNCLASSIFIED" and upper & {"SENSITIVE", "FOR OFFICIAL USE ONLY", "FOUO", "SBU", "NOFORN"}:
        return "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    if "NOFORN" in upper and level in ("SECRET", "CONFIDENTIAL", "TOP SECRET"):
        return f"{level}//NOFORN"
    return level


_CAVEAT_NAMES = {
    "SIPDIS": "SIPDIS",
    "SENSITIVE": "SENSITIVE",
    "SENSITIVE BUT UNCLASSIFIED": "SENSITIVE",
    "NOFORN": "NOFORN",
    "NO FORN": "NOFORN",
    "FOR OFFICIAL USE ONLY": "FOR OFFICIAL USE ONLY",
    "FOUO": "FOR OFFICIAL USE ONLY",
    "LIMITED OFFICIAL USE": "LIMITED OFFICIAL USE",
    "EXDIS": "EXDIS",
    "LIMDIS": "LIMDIS",
    "NODIS": "NODIS",
    "STADIS": "STADIS",
    "EFTO": "EFTO",
    "E F T O": "EFTO",
    "SBU": "SBU",
    "ROGER": "ROGER",
    "CHEROKEE": "CHEROKEE",
    "SPECAT": "SPECAT",
    "ORCON": "ORCON",
    "PROPIN": "PROPIN",
    "NOCONTRACT": "NOCONTRACT",
    "CORRECTED COPY": "CORRECTED COPY",
}


def caveat_names(text: str) -> list[str]:
    from .preamble import HANDLING_TOKEN

    names = []
    for match in HANDLING_TOKEN.finditer(text):
        start, end = match.span()
        if (start and text[start - 1].isalnum()) or (end < len(text) and text[end].isalnum()):
            continue  # part of a longer word
        key = " ".join(match.group().upper().split())
        name = _CAVEAT_NAMES.get(key)
        if name and name not in names:
            names.append(name)
    return names


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


# ---------------------------------------------------------------- id
def cable_id(year_iso: str | None, station: str | None, serial: str | None) -> str | None:
    """``2009``, ``BEIJING``, ``001463`` -> ``09BEIJING1463`` (the cablegate spelling)."""
    if not (year_iso and station and serial):
        return None
    digits = serial.lstrip("0") or "0"
    letters = re.sub(r"[^A-Z0-9]", "", station.upper()).lstrip("0123456789")
    if not letters:
        return None
    return f"{year_iso[2:4]}{letters}{digits}"


def station_from_sender(routing: Routing) -> str | None:
    if not routing.sender:
        return None
    text = " ".join(routing.sender.upper().split())
    text = re.sub(r"^(?:AMEMBASSY|AMCONSUL(?:ATE)?|USMISSION|USINT|IRAN RPO|RPO|AIT|USDEL|USLO|REO)\s+", "", text)
    if text.startswith("SECSTATE"):
        return "STATE"
    return _place(text)
