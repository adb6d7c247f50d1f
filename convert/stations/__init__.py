"""The station table: the offices that send and receive cables, as routing lines name them.

One row per office (``AMEMBASSY BEIJING``, ``SECSTATE WASHDC``, ``USMISSION USNATO``,
``EUROPEAN POLITICAL COLLECTIVE``), read once (lazily) from ``data/stations.tsv``. A row
joins what the cables themselves say about the office (its routing indicators, its
cablegate origin name, its banner station; mined by ``scripts/build_stations.py``) to what
a reader needs and the cables do not say (kind, city, country over time, ISO and State TAGS
codes, the office's name as the Foreign Relations of the United States prints it; added by
hand). ``docs/stations.md`` says where each column comes from.

Lookups are dictionary lookups, by:

- the office as written (:func:`by_office`), tolerant of spacing, case, ``AMCONSULATE`` for
  ``AMCONSUL``, trailing precedence, serial numbers and ``//office symbols//``;
- a routing indicator (:func:`by_indicator`: ``RUEHBJ``);
- a banner station (:func:`by_banner`: ``BEIJING``, ``USNATO``, ``STATE``);
- a cablegate origin name (:func:`by_origin`: ``Embassy Beijing``).

Every lookup returns None for an office the table does not hold; none raises on damaged
text. :func:`country_on` gives the country of a post on a date (Moscow was in the Soviet
Union until 1991-12-25), :func:`city_on` the name of its city (Leningrad until 1991-09-05;
:mod:`.cities`), :func:`frus_name` and :func:`frus_parts` name an office the way a
FRUS heading does ("the Embassy in China"; ``("Embassy", "in", "China")`` for grouping
several addressees as "the Embassies in …").
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import NamedTuple

from .cities import CITY_ERAS, city_then
from .offices import clean_office, normalize_office, office_candidates
from .table import COLUMNS, KINDS, REQUIRED, Era, Station, Table, name_on, parse_eras, parse_table, table

__all__ = [
    "CITY_ERAS",
    "COLUMNS",
    "DEFINITE",
    "KINDS",
    "PLURALS",
    "REQUIRED",
    "Era",
    "FrusParts",
    "Station",
    "Table",
    "banner_offices",
    "by_banner",
    "by_indicator",
    "by_office",
    "by_origin",
    "city_on",
    "city_then",
    "clean_office",
    "country_on",
    "find",
    "frus_name",
    "frus_parts",
    "group_key",
    "normalize_office",
    "office_candidates",
    "parse_eras",
    "parse_table",
    "table",
    "with_article",
]

#: Country names that take "the" in running text ("the Embassy in the Netherlands").
DEFINITE: frozenset[str] = frozenset(
    {
        "Bahamas",
        "Central African Republic",
        "Comoros",
        "Congo",
        "Czech Republic",
        "Democratic Republic of the Congo",
        "Dominican Republic",
        "Federal Republic of Germany",
        "Gambia",
        "German Democratic Republic",
        "Holy See",
        "Maldives",
        "Marshall Islands",
        "Netherlands",
        "Netherlands Antilles",
        "Philippines",
        "Republic of China",
        "Republic of the Congo",
        "Solomon Islands",
        "Soviet Union",
        "United Arab Emirates",
        "United Kingdom",
        "United States",
        "Vatican",
    }
)

#: The plural of each FRUS title, for "the Embassies in Venezuela, Ecuador, and Peru".
PLURALS: Mapping[str, str] = {
    "Embassy": "Embassies",
    "Consulate": "Consulates",
    "Consulate General": "Consulates General",
    "Mission": "Missions",
    "Interests Section": "Interests Sections",
    "Liaison Office": "Liaison Offices",
    "Delegation": "Delegations",
}


class FrusParts(NamedTuple):
    """An office's FRUS name in three parts: ``("Embassy", "in", "the Soviet Union")``."""

    title: str
    preposition: str
    place: str


# ---------------------------------------------------------------- lookups
def by_office(text: str) -> Station | None:
    """``AMEMBASSY BEIJING``, ``RUEHBJ/AMEMBASSY BEIJING PRIORITY 1234`` is not accepted
    (pass the name without its routing prefix), ``AMCONSULATE SHENYANG``,
    ``SECSTATE WASH DC``, ``AMEMBASSY ANKARA//6318//`` -> the office's row; None if unknown."""
    return table().by_office(text)


#: a post's name alone, as a banner writes it (``SAO PAULO``, ``PORT AU PRINCE``)
_BARE_POST = re.compile(r"[A-Z][A-Z .'-]*[A-Z]")


def by_addressee(name: str) -> Station | None:
    """An addressee's office (:func:`by_office`), or, for a post named bare with its office not
    written (``SAO PAULO 3671`` run on after La Paz's line), the office its banner name sends
    under (:func:`by_banner`)."""
    found = by_office(name)
    return by_banner(name) if found is None and _BARE_POST.fullmatch(name) else found


def by_indicator(indicator: str) -> Station | None:
    """``RUEHBJ`` -> Embassy Beijing's row: the office most of the indicator's traffic is
    for. None if unknown, and for a gateway many offices share (``RHMFISS``)."""
    return table().by_indicator(indicator)


def by_banner(station: str) -> Station | None:
    """The station of a banner or cable id (``BEIJING`` from ``BEIJING 001463``; ``STATE``;
    ``USUN NEW YORK``) -> the office that sends under it. None if unknown, and None if
    several offices send under it (``BRUSSELS``: the Embassy and the Mission to the
    European Union; see :func:`banner_offices`)."""
    return table().by_banner(station)


def written_short(station: str) -> str | None:
    """The banner station a reference writes short (``USUN`` for ``USUN NEW YORK``, ``HAGUE``
    for ``THE HAGUE``), or None (see :meth:`Table.written_short`)."""
    return table().written_short(station)


def cut_at_width(station: str) -> str | None:
    """The banner station a teletype cut to ten characters (``KUALA LUMP`` for ``KUALA
    LUMPUR``), or None (see :meth:`Table.cut_at_width`)."""
    return table().cut_at_width(station)


def city_banner(station: str) -> str | None:
    """The banner station of the one office in the city ``station`` names (``MEXICO CITY`` ->
    ``MEXICO``), or None (see :meth:`Table.city_banner`)."""
    return table().city_banner(station)


def misspelt(station: str, also: frozenset[str] = frozenset()) -> str | None:
    """The banner station (or one of ``also``) that ``station`` misspells by one letter, or
    None (see :meth:`Table.misspelt`)."""
    return table().misspelt(station, also)


def banner_offices(station: str) -> tuple[Station, ...]:
    """Every office the corpus shows sending under a banner station (empty if unknown)."""
    return table().banner_offices(station)


def by_origin(origin: str) -> Station | None:
    """A cablegate origin name (``Embassy Beijing``, ``Secretary of State``) -> the row;
    None if unknown or if several offices carry it."""
    return table().by_origin(origin)


def find(
    *,
    office: str | None = None,
    indicator: str | None = None,
    banner: str | None = None,
    origin: str | None = None,
) -> Station | None:
    """The first of the given keys that the table knows, tried in the order office (the FM
    line), routing indicator (the DE line), banner station, origin name."""
    if office:
        found = by_office(office)
        if found is not None:
            return found
    if indicator:
        found = by_indicator(indicator)
        if found is not None:
            return found
    if banner:
        found = by_banner(banner)
        if found is not None:
            return found
    return by_origin(origin) if origin else None


# ---------------------------------------------------------------- eras and FRUS names
def country_on(station: Station, date: str | None = None) -> str:
    """The post's country on ``date`` (``1985-02-18``, or any ISO string that starts with
    a date); today's country when ``date`` is None or not a date. Empty for an office
    with no country (a collective, an organisation)."""
    return name_on(station.eras, date) or station.country


def city_on(station: Station, date: str | None = None, written: str | None = None) -> str:
    """The post's city as named on ``date``: ``Leningrad`` for the Consulate in St. Petersburg
    in 1976, ``St. Petersburg`` in 2009; without a date, the old name when the routing name
    ``written`` uses it (see :func:`city_then`). Empty for an office with no city."""
    return city_then(station.city, date, written) if station.city else ""


def with_article(country: str) -> str:
    """``Netherlands`` -> ``the Netherlands``; ``China`` -> ``China``."""
    return f"the {country}" if country in DEFINITE else country


_FRUS = re.compile(
    r"^the (?P<title>Embassy|Consulate General|Consulate|Mission|Interests Section|Liaison Office|Delegation)"
    r" (?P<prep>in|to|at) (?P<place>.+)$"
)


def frus_parts(station: Station, date: str | None = None, written: str | None = None) -> FrusParts | None:
    """``("Embassy", "in", "the Soviet Union")`` for Embassy Moscow in 1985, ``("Consulate",
    "in", "Leningrad")`` for the Consulate in St. Petersburg in 1976 (``written``: the routing
    name as the cable writes it, see :func:`city_on`): the parts a list of addressees is
    grouped by (same title and preposition: "the Embassies in …").
    None for an office FRUS names without a place (the Department of State, a collective,
    the American Institute in Taiwan)."""
    match = _FRUS.match(station.frus)
    if match is None:
        return None
    title, prep, place = match["title"], match["prep"], match["place"]
    if station.kind == "embassy" and prep == "in":
        then = country_on(station, date)
        if then != station.country and then:
            place = with_article(then)
    elif place == station.city:
        place = city_on(station, date, written)
    return FrusParts(title, prep, place)


def frus_name(station: Station, date: str | None = None, written: str | None = None) -> str:
    """The office as a FRUS heading names it on ``date``: ``the Embassy in the Soviet
    Union`` (Moscow, 1985), ``the Embassy in Russia`` (2009), ``the Consulate in Shanghai``,
    ``the Department of State``; ``the Consulate in Leningrad`` (1976). Falls back to the
    office as written when the table has no FRUS form for it."""
    parts = frus_parts(station, date, written)
    if parts is not None:
        return f"the {parts.title} {parts.preposition} {parts.place}"
    return station.frus or station.office


def group_key(station: Station, date: str | None = None) -> tuple[str, str] | None:
    """``("Embassy", "in")``: addressees with the same key can share one plural title
    (``PLURALS``); None for an office that is always named alone."""
    parts = frus_parts(station, date)
    return (parts.title, parts.preposition) if parts is not None else None
