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
Union until 1991-12-25), :func:`frus_name` and :func:`frus_parts` name an office the way a
FRUS heading does ("the Embassy in China"; ``("Embassy", "in", "China")`` for grouping
several addressees as "the Embassies in …").
"""

from __future__ import annotations

import csv
import difflib
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

#: The data file's columns, in order. ``docs/stations.md`` describes each.
COLUMNS: tuple[str, ...] = (
    "office",  # the key: the office as routing lines write it, normalised (see normalize_office)
    "kind",
    "frus",
    "city",
    "country",
    "eras",
    "iso",
    "state_tag",
    "indicators",
    "origins",
    "banners",
    "aliases",
    "seen_fm",
    "seen_to",
    "seen_info",
    "tags_hint",
    "note",
)

#: What an office is. "liaison" covers liaison offices, AIT, the U.S. Office Pristina and
#: regional presence offices; "delegation" a delegation to a conference or a traveling party.
KINDS: frozenset[str] = frozenset(
    {
        "embassy",
        "consulate",
        "mission",
        "interests-section",
        "liaison",
        "delegation",
        "department",
        "agency",
        "military",
        "collective",
        "other",
    }
)

#: Columns every row must fill, by kind (``office``, ``kind`` and ``frus`` always).
REQUIRED: Mapping[str, tuple[str, ...]] = {
    "embassy": ("city", "country", "iso", "state_tag"),
    "consulate": ("city",),
    "mission": ("city",),
    "interests-section": ("city", "country", "iso", "state_tag"),
    "liaison": ("city",),
    "delegation": (),
    "department": ("city", "country", "iso"),
    "agency": (),
    "military": (),
    "collective": (),
    "other": (),
}

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


class Era(NamedTuple):
    """A country name that applied to a post's place before ``until`` (exclusive, ISO date)."""

    country: str
    until: str


class FrusParts(NamedTuple):
    """An office's FRUS name in three parts: ``("Embassy", "in", "the Soviet Union")``."""

    title: str
    preposition: str
    place: str


@dataclass(frozen=True, slots=True)
class Station:
    """One office of the table. Empty strings, not None, for cells the table leaves empty."""

    office: str  # AMEMBASSY BEIJING
    kind: str  # one of KINDS
    frus: str  # the Embassy in China (today's form; see frus_name for a date)
    city: str  # Beijing (as cablegate spells it: ASCII, Sao Paulo)
    country: str  # China (today's English short name, as FRUS uses it)
    eras: tuple[Era, ...]  # earlier country names, oldest first
    iso: str  # CN: ISO 3166-1 alpha-2 of today's country
    state_tag: str  # CH: the State Department TAGS code of the country
    indicators: tuple[str, ...]  # RUEHBJ: the routing indicators it owns, most often seen first
    origins: tuple[str, ...]  # Embassy Beijing: the cablegate metadata's origin names for it
    banners: tuple[str, ...]  # BEIJING: the stations of its cables' banners and ids
    aliases: tuple[str, ...]  # other spellings routing lines use for this office
    seen_fm: int  # how often the corpus has it as sender, as TO and as INFO addressee
    seen_to: int
    seen_info: int
    tags_hint: str  # the 2-letter TAGS code most frequent among the cables it sends
    note: str

    @property
    def key(self) -> str:
        """A stable identifier for the office (``amembassy-beijing``), unique in the table:
        for ``@key``/``xml:id`` and for the rows of an index of posts."""
        return _slug(self.office)

    @property
    def indicator(self) -> str | None:
        """The office's routing indicator (the one most often seen), or None."""
        return self.indicators[0] if self.indicators else None

    @property
    def origin(self) -> str | None:
        """The cablegate origin name (``Embassy Beijing``), or None."""
        return self.origins[0] if self.origins else None

    @property
    def banner(self) -> str | None:
        """The banner station of the office's cables (``BEIJING``), or None."""
        return self.banners[0] if self.banners else None


# ---------------------------------------------------------------- normalising an office
_PRECEDENCE_WORDS = r"(?:NIACT\s+IMMEDIATE|OPERATIONAL\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)"
_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^AM\s?CONSUL(?:ATE)?(?:\s+GENERAL)?\b|^AMCONGEN\b"), "AMCONSUL"),
    (re.compile(r"^AM\s?EMBASSY\b|^AMEMB\b"), "AMEMBASSY"),
    (re.compile(r"^U\.?S\.?\s?MISSION\b"), "USMISSION"),
    (re.compile(r"^(AMEMBASSY|USMISSION|SECSTATE)(?=[A-Z]{3})"), r"\1 "),  # AMEMBASSYBRASILIA
    # CIA WASHINGTON DC, FBI WASH DC, JOINT STAFF WASHINTON DC: one spelling of the capital
    (re.compile(r"\b(?:WASHINGTON|WASHINTON|WASINGTON|WASHINGTN|WASH)\s*,?\s*D\.?\s?C\.?$"), "WASHDC"),
)
# AMEMBASSY ANKARA//6318//, WHITE HOUSE WASHINGTON DC//NSC//, AMCONSUL BELFAST (POUCH)
_SYMBOL = re.compile(r"\s*//.*$|\s+\(?POUCH\b.*$")
_TRAILING_NOISE = re.compile(rf"(?:\s+(?:{_PRECEDENCE_WORDS}|\d{{1,5}}(?:-\d{{1,5}})?))+$")
# RUEHLP/AMEMBASSY LA PAZ JUN 4182: the La Paz lines of many 2006-2007 headers carry a month
_LA_PAZ_MONTH = re.compile(r"\bLA PAZ\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b.*$")
_PRECEDENCES = ("IMMEDIATE", "PRIORITY", "ROUTINE")
_TRAILING_CODE = re.compile(r"\s+[A-Z]{2}$")  # AMEMBASSY TRIPOLI LY: an old two-letter country code


def normalize_office(text: str) -> str:
    """``Amconsulate  Shenyang`` -> ``AMCONSUL SHENYANG``: upper case, single spaces, no
    trailing punctuation, one spelling of the office prefixes. Nothing else is removed
    (see :func:`office_candidates` for the tolerant forms a lookup tries)."""
    s = " ".join(text.upper().split()).strip(" .,;:\\")
    for pattern, replacement in _PREFIXES:
        s = pattern.sub(replacement, s, count=1)
    return s


def clean_office(text: str) -> str:
    """The office of a routing line without what is not its name: ``AMEMBASSY ANKARA//6318//``,
    ``USMISSION USUN NEW YORK PRIORITY 0095`` -> ``AMEMBASSY ANKARA``, ``USMISSION USUN NEW YORK``."""
    s = normalize_office(_SYMBOL.sub("", normalize_office(text)))
    s = normalize_office(_TRAILING_NOISE.sub("", s)) or s
    s = _LA_PAZ_MONTH.sub("LA PAZ", s)
    head, _, last = s.rpartition(" ")
    if head and len(last) >= 6 and difflib.get_close_matches(last, _PRECEDENCES, n=1, cutoff=0.8):
        s = normalize_office(_TRAILING_NOISE.sub("", head)) or head  # PRIORTY, PIORITY, PRIOITY
    return s


def office_candidates(text: str) -> list[str]:
    """The forms of a routing line's office a lookup tries, most literal first: as written
    (normalised), then :func:`clean_office`, then that without a trailing two-letter code
    (``AMEMBASSY TRIPOLI LY``, ``HQ USCENTCOM MACDILL AFB FL``, ``NSC WASHINGTON DC``), then
    with a misspelt office prefix corrected (``AMEMBASS CARACAS``)."""
    return list(_candidates(text))


@functools.lru_cache(maxsize=8192)  # a corpus names a few hundred offices thousands of times
def _candidates(text: str) -> tuple[str, ...]:
    first = normalize_office(text)
    clean = clean_office(text)
    out = [first, clean]
    if len(clean.split()) > 2:
        out.append(_TRAILING_CODE.sub("", clean))
    head, _, rest = clean.partition(" ")
    if rest and head not in _OFFICE_WORDS:
        fixed = _fix_office_word(head)
        if fixed:
            out.append(f"{fixed} {rest}")  # AMEMBASS CARACAS, AMCONSU RIO DE JANEIRO, ECSTATE WASHDC
    return tuple(dict.fromkeys(c for c in out if c))


_OFFICE_WORDS = ("AMEMBASSY", "AMCONSUL", "USMISSION", "SECSTATE")


@functools.lru_cache(maxsize=1024)
def _fix_office_word(word: str) -> str | None:
    """A misspelled office prefix (one or two letters lost, added or changed) -> the prefix."""
    if len(word) < 6:
        return None
    close = difflib.get_close_matches(word, _OFFICE_WORDS, n=1, cutoff=0.8)
    return close[0] if close else None


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def _banner_key(text: str) -> str:
    return " ".join(text.upper().split())


def _origin_key(text: str) -> str:
    return " ".join(text.split()).casefold()


# ---------------------------------------------------------------- reading the table
def parse_eras(cell: str) -> tuple[Era, ...]:
    """``Soviet Union<1991-12-26`` -> one Era; items are joined with ``;``, oldest first."""
    eras = []
    for item in cell.split(";"):
        if not item.strip():
            continue
        country, sep, until = item.partition("<")
        if not sep or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", until.strip()) or not country.strip():
            raise ValueError(f"stations.tsv: bad era {item!r} (want Country<YYYY-MM-DD)")
        eras.append(Era(country.strip(), until.strip()))
    return tuple(eras)


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _count(cell: str) -> int:
    return int(cell) if cell.strip() else 0


def parse_table(text: str) -> list[Station]:
    """The rows of a stations.tsv text. Raises ValueError on a missing column or a bad cell."""
    reader = csv.DictReader(io.StringIO(text), delimiter="\t", quoting=csv.QUOTE_NONE)
    if tuple(reader.fieldnames or ()) != COLUMNS:
        raise ValueError(f"stations.tsv: columns {reader.fieldnames} are not {list(COLUMNS)}")
    rows = []
    for record in reader:
        cell = {name: (record.get(name) or "").strip() for name in COLUMNS}
        rows.append(
            Station(
                office=cell["office"],
                kind=cell["kind"],
                frus=cell["frus"],
                city=cell["city"],
                country=cell["country"],
                eras=parse_eras(cell["eras"]),
                iso=cell["iso"],
                state_tag=cell["state_tag"],
                indicators=_split(cell["indicators"]),
                origins=_split(cell["origins"]),
                banners=_split(cell["banners"]),
                aliases=_split(cell["aliases"]),
                seen_fm=_count(cell["seen_fm"]),
                seen_to=_count(cell["seen_to"]),
                seen_info=_count(cell["seen_info"]),
                tags_hint=cell["tags_hint"],
                note=cell["note"],
            )
        )
    return rows


class Table:
    """The rows and their indexes. Built once by :func:`table`; tests may build their own."""

    def __init__(self, rows: Iterable[Station]) -> None:
        self.rows: tuple[Station, ...] = tuple(rows)
        self.offices: dict[str, Station] = {}
        self.indicators: dict[str, Station] = {}
        self.banners: dict[str, tuple[Station, ...]] = {}
        self.origins: dict[str, tuple[Station, ...]] = {}
        for row in self.rows:
            self.offices.setdefault(normalize_office(row.office), row)
            for ri in row.indicators:
                self.indicators.setdefault(ri.upper(), row)
            for banner in row.banners:
                key = _banner_key(banner)
                self.banners[key] = (*self.banners.get(key, ()), row)
            for origin in row.origins:
                key = _origin_key(origin)
                self.origins[key] = (*self.origins.get(key, ()), row)
        for row in self.rows:  # aliases never shadow an office's own name
            for alias in row.aliases:
                self.offices.setdefault(normalize_office(alias), row)

    def by_office(self, text: str) -> Station | None:
        for candidate in _candidates(text):
            found = self.offices.get(candidate)
            if found is not None:
                return found
        return None

    def by_indicator(self, indicator: str) -> Station | None:
        return self.indicators.get(indicator.strip().upper())

    def banner_offices(self, station: str) -> tuple[Station, ...]:
        return self.banners.get(_banner_key(station), ())

    def by_banner(self, station: str) -> Station | None:
        found = self.banner_offices(station)
        return found[0] if len(found) == 1 else None

    def by_origin(self, origin: str) -> Station | None:
        found = self.origins.get(_origin_key(origin), ())
        return found[0] if len(found) == 1 else None


@functools.cache
def table() -> Table:
    """The packaged table, read on first use."""
    text = resources.files("convert").joinpath("data/stations.tsv").read_text(encoding="utf-8")
    return Table(parse_table(text))


# ---------------------------------------------------------------- lookups
def by_office(text: str) -> Station | None:
    """``AMEMBASSY BEIJING``, ``RUEHBJ/AMEMBASSY BEIJING PRIORITY 1234`` is not accepted
    (pass the name without its routing prefix), ``AMCONSULATE SHENYANG``,
    ``SECSTATE WASH DC``, ``AMEMBASSY ANKARA//6318//`` -> the office's row; None if unknown."""
    return table().by_office(text)


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
    day = date[:10] if date and re.match(r"\d{4}-\d{2}-\d{2}", date) else None
    if day is not None:
        for era in station.eras:
            if day < era.until:
                return era.country
    return station.country


def with_article(country: str) -> str:
    """``Netherlands`` -> ``the Netherlands``; ``China`` -> ``China``."""
    return f"the {country}" if country in DEFINITE else country


_FRUS = re.compile(
    r"^the (?P<title>Embassy|Consulate General|Consulate|Mission|Interests Section|Liaison Office|Delegation)"
    r" (?P<prep>in|to|at) (?P<place>.+)$"
)


def frus_parts(station: Station, date: str | None = None) -> FrusParts | None:
    """``("Embassy", "in", "the Soviet Union")`` for Embassy Moscow in 1985: the parts a
    list of addressees is grouped by (same title and preposition: "the Embassies in …").
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
    return FrusParts(title, prep, place)


def frus_name(station: Station, date: str | None = None) -> str:
    """The office as a FRUS heading names it on ``date``: ``the Embassy in the Soviet
    Union`` (Moscow, 1985), ``the Embassy in Russia`` (2009), ``the Consulate in Shanghai``,
    ``the Department of State``. Falls back to the office as written when the table has no
    FRUS form for it."""
    parts = frus_parts(station, date)
    if parts is not None:
        return f"the {parts.title} {parts.preposition} {parts.place}"
    return station.frus or station.office


def group_key(station: Station, date: str | None = None) -> tuple[str, str] | None:
    """``("Embassy", "in")``: addressees with the same key can share one plural title
    (``PLURALS``); None for an office that is always named alone."""
    parts = frus_parts(station, date)
    return (parts.title, parts.preposition) if parts is not None else None
