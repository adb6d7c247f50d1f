"""The station table's rows: the data file's columns, the :class:`Station` record, and the
:class:`Table` of rows with its indexes (read once from ``convert/data/stations.tsv``)."""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple

from ..vocab import slug
from .offices import banner_key, candidates, normalize_office, origin_key

#: the width of a teletype's station field: a longer station is cut to it (page-break lines, some REFs)
STATION_WIDTH = 10

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


class Era(NamedTuple):
    """A name that applied to a post's place (its country; its city, :mod:`.cities`) before
    ``until`` (exclusive, ISO date)."""

    name: str
    until: str


def name_on(eras: tuple[Era, ...], date: str | None) -> str | None:
    """The name of the first of ``eras`` (oldest first) that ``date`` falls in (an ISO string
    that starts with a date); None when it falls in none, or is None or not a date."""
    day = date[:10] if date and re.match(r"\d{4}-\d{2}-\d{2}", date) else None
    if day is not None:
        for era in eras:
            if day < era.until:
                return era.name
    return None


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
        return slug(self.office)

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
                key = banner_key(banner)
                self.banners[key] = (*self.banners.get(key, ()), row)
            for origin in row.origins:
                key = origin_key(origin)
                self.origins[key] = (*self.origins.get(key, ()), row)
        for row in self.rows:  # aliases never shadow an office's own name
            for alias in row.aliases:
                self.offices.setdefault(normalize_office(alias), row)

    def by_office(self, text: str) -> Station | None:
        for candidate in candidates(text):
            found = self.offices.get(candidate)
            if found is not None:
                return found
        return None

    def by_indicator(self, indicator: str) -> Station | None:
        return self.indicators.get(indicator.strip().upper())

    def banner_offices(self, station: str) -> tuple[Station, ...]:
        return self.banners.get(banner_key(station), ())

    def written_short(self, station: str) -> str | None:
        """The banner station a reference writes short: the one whose name begins or ends with
        ``station``'s words (``USUN`` -> ``USUN NEW YORK``, ``RIO`` -> ``RIO DE JANEIRO``,
        ``HAGUE`` -> ``THE HAGUE``); None when ``station`` is one itself, or none or several
        begin or end so (``SAN``)."""
        key = banner_key(station)
        words = tuple(key.split())
        if not words or key in self.banners:
            return None
        found = self._shortened.get(words, frozenset())
        return next(iter(found)) if len(found) == 1 else None

    def cut_at_width(self, station: str) -> str | None:
        """The banner station a teletype cut at its station field's width of ten characters
        (``KUALA LUMP`` for ``KUALA LUMPUR``, ``UNVIE VIEN`` for ``UNVIE VIENNA``, as its page-break
        lines print it): the one longer station that begins with ``station`` cut inside a word;
        None when ``station`` is not ten characters, is a station itself, or none or several
        begin so."""
        key = banner_key(station)
        if len(key) != STATION_WIDTH or key in self.banners:
            return None
        found = self._cut.get(key, frozenset())
        return next(iter(found)) if len(found) == 1 else None

    def misspelt(self, station: str, also: frozenset[str] = frozenset()) -> str | None:
        """The banner station (or one of ``also``) a reference misspells by one letter: one
        letter added, dropped or changed, or two swapped, the spaces not counted (``TRIPOLII``,
        ``TALLIN``, ``SAN JSE``, ``BEIJINJG``, ``BUENOS AIREDS``); None when ``station`` is a
        station itself, has fewer than five letters, or none or several are so near."""
        key = banner_key(station)
        letters = key.replace(" ", "")
        if len(letters) < 5 or key in self.banners or key in also:
            return None
        found = {name for name in (*self.banners, *also) if _one_edit(letters, name.replace(" ", ""))}
        return found.pop() if len(found) == 1 else None

    @functools.cached_property
    def _cut(self) -> dict[str, frozenset[str]]:
        """Every banner station longer than the width, under its first ten characters where they
        end inside a word (``RIO DE JAN`` for ``RIO DE JANEIRO``; not ``SAN SALVAD``'s ``SAN``)."""
        index: dict[str, set[str]] = {}
        for key in self.banners:
            if len(key) > STATION_WIDTH and key[STATION_WIDTH - 1] != " " and key[STATION_WIDTH] != " ":
                index.setdefault(key[:STATION_WIDTH], set()).add(key)
        return {cut: frozenset(keys) for cut, keys in index.items()}

    @functools.cached_property
    def _shortened(self) -> dict[tuple[str, ...], frozenset[str]]:
        """Every banner station under each of its names written short: the first or last
        words, fewer than all (``RIO``, ``RIO DE``, ``JANEIRO``, ``DE JANEIRO`` for ``RIO DE
        JANEIRO``). Built on the first short form asked for."""
        index: dict[tuple[str, ...], set[str]] = {}
        for key in self.banners:
            names = key.split()
            for size in range(1, len(names)):
                index.setdefault(tuple(names[:size]), set()).add(key)
                index.setdefault(tuple(names[-size:]), set()).add(key)
        return {words: frozenset(keys) for words, keys in index.items()}

    def city_banner(self, station: str) -> str | None:
        """The banner station of the one office whose city ``station`` names, where the city's name is
        the banner's and more, and no banner station itself (``MEXICO CITY`` -> ``MEXICO``,
        ``PANAMA CITY`` -> ``PANAMA``: a post's references name its city); None where none or several
        offices are so (not ``NEW YORK``, whose mission's banner is ``USUN NEW YORK``)."""
        key = banner_key(station)
        if key in self.banners:
            return None
        found = self._cities.get(key, frozenset())
        return next(iter(found)) if len(found) == 1 else None

    @functools.cached_property
    def _cities(self) -> dict[str, frozenset[str]]:
        """Every office's city whose name is its banner and more (``MEXICO CITY``), under that city: the
        banners of the offices there. Built on the first city asked for (a reference's unknown station
        asks on every cable: ``SECSTATE``)."""
        index: dict[str, set[str]] = {}
        for row in self.rows:
            if row.banners and banner_key(row.city).startswith(banner_key(row.banners[0]) + " "):
                index.setdefault(banner_key(row.city), set()).add(row.banners[0])
        return {city: frozenset(banners) for city, banners in index.items()}

    def by_banner(self, station: str) -> Station | None:
        found = self.banner_offices(station)
        return found[0] if len(found) == 1 else None

    def by_origin(self, origin: str) -> Station | None:
        found = self.origins.get(origin_key(origin), ())
        return found[0] if len(found) == 1 else None


@functools.cache
def table() -> Table:
    """The packaged table, read on first use."""
    text = resources.files("convert").joinpath("data/stations.tsv").read_text(encoding="utf-8")
    return Table(parse_table(text))


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` becomes ``b`` by one letter added, dropped or changed, or two next to each
    other swapped (``a != b``)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    if len(a) < len(b):
        return a[i:] == b[i + 1 :]
    return a[i + 1 :] == b[i + 1 :] or (a[i + 2 :] == b[i + 2 :] and a[i : i + 2] == b[i : i + 2][::-1])
