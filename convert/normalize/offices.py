"""The cablegate conventions for naming an office and its place: the FM line's office as
cablegate spells its origin (``AMEMBASSY BEIJING`` -> ``Embassy Beijing``), a place name in
title case. The station table (:mod:`convert.stations`) knows most offices; these are the
conventions for the others."""

from __future__ import annotations

import re

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
_PLACE_CUT = re.compile(r"//|\s{2,}")
_PLACE_TAIL = re.compile(r"(?<!\s)\s++(?:[A-Z]{2}|\d+)$")  # starts only where a run of spaces does: linear
SENDER_OFFICE = re.compile(r"^(?:AMEMBASSY|AMCONSUL(?:ATE)?|USMISSION|USINT|IRAN RPO|RPO|AIT|USDEL|USLO|REO)\s+")


def title_place(place: str) -> str:
    """``BUENOS AIRES`` -> ``Buenos Aires``; ``PORT AU PRINCE`` -> ``Port Au Prince``."""
    words = place.replace("/", " ").split()
    return " ".join(w.capitalize() if w.upper() not in _SMALL or i == 0 else w.lower() for i, w in enumerate(words))


def office_place(text: str) -> str:
    place = _PLACE_CUT.split(text.strip())[0]
    place = _PLACE_TAIL.sub("", place.strip()) if len(place.split()) > 1 else place
    return place.strip(" ./")


def sender_station(sender: str) -> str | None:
    """The station an FM line's office names, as banners write it: ``AMEMBASSY ROME`` ->
    ``ROME``, ``SECSTATE WASHDC`` -> ``STATE``."""
    text = SENDER_OFFICE.sub("", " ".join(sender.upper().split()))
    if text.startswith("SECSTATE"):
        return "STATE"
    return office_place(text)


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
            return template.format(place=title_place(office_place(place).split("/")[0]))
        return template.format(place=title_place(office_place(place)))
    return None


def no_origin(sender: str | None, station: str | None) -> str:
    """Why a cable's origin is not known (a limit of its text: said, never guessed)."""
    if sender:
        return f"no origin: the FM line's office {sender} has no cablegate origin name"
    if station:
        return f"no origin: no FM line, and the banner's station {station} is shared by several offices or unknown"
    return "no origin: the text names no sending office (no FM line, no station in the banner)"
