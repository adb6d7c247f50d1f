"""The station table (convert/stations.py, convert/data/stations.tsv): the data file is
complete and consistent, and the lookups find the offices of real cables (the seed, the
shared cables.csv sample) by every key a cable gives: FM/TO/INFO office, routing
indicator, banner station, cablegate origin name; countries change with the date."""

from __future__ import annotations

import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from convert import stations
from convert.readers import cablescsv
from convert.stations import Station

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "data" / "seed-09BEIJING1463.txt"
CSV_SAMPLE = ROOT.parent / "shared" / "corpus" / "cables-sample.csv"
ROWS = stations.table().rows


def _office(name: str) -> Station:
    found = stations.by_office(name)
    assert found is not None, name
    return found


# ---------------------------------------------------------------- the data file
def test_the_packaged_file_parses_with_its_declared_columns() -> None:
    text = resources.files("convert").joinpath("data/stations.tsv").read_text(encoding="utf-8")
    header, *lines = text.splitlines()
    assert tuple(header.split("\t")) == stations.COLUMNS
    assert all(line.count("\t") == len(stations.COLUMNS) - 1 for line in lines)
    assert len(stations.parse_table(text)) == len(lines) == len(ROWS)
    assert len(ROWS) > 400  # every office the corpus shows: 190 senders, hundreds of addressees


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.key)
def test_every_row_is_complete_in_the_columns_its_kind_requires(row: Station) -> None:
    assert row.kind in stations.KINDS
    missing = [name for name in stations.REQUIRED[row.kind] if not getattr(row, name)]
    assert not missing, f"{row.office}: {missing} empty"
    assert row.office == stations.normalize_office(row.office)
    assert re.fullmatch(r"[A-Z]{2}|", row.iso), row.iso
    assert re.fullmatch(r"[A-Z]{2}|", row.state_tag), row.state_tag
    assert all(re.fullmatch(r"R[A-Z0-9]{3,7}", ri) for ri in row.indicators), row.indicators
    if row.eras:
        assert row.country, "an era without today's country"
        assert [e.until for e in row.eras] == sorted({e.until for e in row.eras}), "eras out of order"
        assert all(e.name != row.country for e in row.eras)


def test_frus_names_are_phrases_a_heading_can_use() -> None:
    for row in ROWS:
        if not row.frus:
            continue
        assert row.frus[0].isupper() or row.frus.startswith("the "), row.frus
        assert not row.frus.endswith((" ", ".")), row.frus
    kinds_without_frus = Counter(row.kind for row in ROWS if not row.frus)
    # posts FRUS names are all named; the gaps are units whose expansion is not certain
    assert not set(kinds_without_frus) & {"embassy", "consulate", "department", "interests-section", "collective"}


def test_an_embassy_is_named_by_its_country() -> None:
    for row in ROWS:
        parts = stations.frus_parts(row)
        if row.kind == "embassy" and parts is not None and parts.preposition == "in":
            assert row.frus == f"the Embassy in {stations.with_article(row.country)}", row.office
        if row.kind == "consulate":
            assert parts is not None and parts.title in ("Consulate", "Consulate General"), row.office


def test_no_key_names_two_offices() -> None:
    offices = [stations.normalize_office(row.office) for row in ROWS]
    assert len(set(offices)) == len(offices)
    keys = [row.key for row in ROWS]
    assert len(set(keys)) == len(keys)
    # an alias never names another office, nor is it claimed by two rows
    aliases = [stations.normalize_office(a) for row in ROWS for a in row.aliases]
    assert not set(aliases) & set(offices)
    assert len(set(aliases)) == len(aliases)
    indicators = [ri for row in ROWS for ri in row.indicators]
    assert len(set(indicators)) == len(indicators)
    origins = [o.casefold() for row in ROWS for o in row.origins]
    assert len(set(origins)) == len(origins)


def test_a_banner_several_offices_send_under_is_ambiguous_not_guessed() -> None:
    counts = Counter(b for row in ROWS for b in row.banners)
    shared = [b for b, n in counts.items() if n > 1]
    for banner in shared:
        assert stations.by_banner(banner) is None
        assert len(stations.banner_offices(banner)) == counts[banner]
    # the corpus shows one: USEU and the Embassy in Belgium both send "BRUSSELS nnnnnn"
    assert {r.office for r in stations.banner_offices("BRUSSELS")} == {"AMEMBASSY BRUSSELS", "USEU BRUSSELS"}


# ---------------------------------------------------------------- the seed cable's offices
def _seed_routing() -> tuple[str, str, list[tuple[str, str]]]:
    """(DE indicator, FM office, [(prefix, office)] of TO and INFO), read from the seed."""
    lines = SEED.read_text(encoding="utf-8").splitlines()
    de = next(re.match(r"DE (R\w+) #", line) for line in lines if line.startswith("DE "))
    assert de is not None
    fm = next(line[3:].strip() for line in lines if line.startswith("FM "))
    start = next(i for i, line in enumerate(lines) if line.startswith("TO "))
    addressees = []
    for line in lines[start:]:
        if not line.strip():
            break
        match = re.match(r"(?:TO |INFO )?(R\w+)/(.*?)(?: PRIORITY)?(?: \d+)?$", line.strip())
        assert match is not None, line
        addressees.append((match[1], match[2]))
    return de[1], fm, addressees


def test_the_seed_cable_offices_resolve_by_name_and_indicator() -> None:
    de, fm, addressees = _seed_routing()
    sender = _office(fm)
    assert sender.office == "AMEMBASSY BEIJING"
    assert stations.by_indicator(de) is sender
    assert (sender.kind, sender.city, sender.country, sender.iso, sender.state_tag) == (
        "embassy", "Beijing", "China", "CN", "CH"
    )
    assert stations.frus_name(sender, "2009-06-02") == "the Embassy in China"
    rows = {name: _office(name) for _, name in addressees}  # every addressee is in the table
    state = rows["SECSTATE WASHDC"]
    assert (state.kind, stations.frus_name(state)) == ("department", "the Department of State")
    assert stations.by_indicator("RUEHC") is state
    assert stations.frus_name(rows["AIT TAIPEI"]) == "the American Institute in Taiwan"
    assert stations.frus_name(rows["USMISSION GENEVA"]) == "the Mission in Geneva"
    assert rows["CHINA POSTS COLLECTIVE"].kind == "collective"
    assert rows["FBI WASHINGTON DC"].office == "FBI WASHDC"  # one spelling of the capital
    for prefix, name in addressees:
        found = stations.by_indicator(prefix)
        # an indicator names its office, or a gateway several offices share (no owner)
        assert found is None or found is rows[name], (prefix, name)


def test_the_banner_station_gives_the_sender_when_there_is_no_fm_line() -> None:
    banner = next(line for line in SEED.read_text(encoding="utf-8").splitlines() if line.startswith("UNCLAS"))
    station = re.search(r"([A-Z][A-Z ]*[A-Z]) \d{3,7}$", banner)
    assert station is not None and station[1] == "BEIJING"
    assert stations.by_banner(station[1]) is _office("AMEMBASSY BEIJING")
    assert stations.by_banner(" beijing ") is _office("AMEMBASSY BEIJING")
    assert stations.by_banner("STATE") is _office("SECSTATE WASHDC")
    assert stations.by_banner("USUN NEW YORK") is _office("USMISSION USUN NEW YORK")
    assert stations.by_banner("USNATO") is _office("USMISSION USNATO")


def test_origin_names_of_the_pages_resolve() -> None:
    assert stations.by_origin("Embassy Beijing") is _office("AMEMBASSY BEIJING")
    assert stations.by_origin("embassy  beijing") is _office("AMEMBASSY BEIJING")
    assert stations.by_origin("Secretary of State") is _office("SECSTATE WASHDC")
    assert stations.by_origin("American Institute Taiwan, Taipei") is _office("AIT TAIPEI")
    assert stations.by_origin("Mission USNATO") is _office("USMISSION USNATO")


def test_the_cables_csv_sample_agrees_with_the_table() -> None:
    """Every origin of the 300 shared rows resolves, and a row's FM office is the office its
    origin names (two independent sources for the sender)."""
    with CSV_SAMPLE.open("rb") as stream:
        rows = [row for row in cablescsv.iter_rows(stream, "sample") if not isinstance(row, Exception)]
    assert len(rows) == 300
    checked = 0
    for row in rows:
        assert row.metadata is not None and row.metadata.origin
        by_origin = stations.by_origin(row.metadata.origin)
        assert by_origin is not None, row.metadata.origin
        fm = re.search(r"^FM (.+)$", row.header or "", re.M)
        if fm:
            assert stations.by_office(fm[1]) is by_origin, (fm[1], row.metadata.origin)
            checked += 1
    assert checked > 200


# ---------------------------------------------------------------- spellings
@pytest.mark.parametrize(
    ("written", "office"),
    [
        ("AMEMBASSY BEIJING", "AMEMBASSY BEIJING"),
        ("  amembassy   beijing ", "AMEMBASSY BEIJING"),
        ("AMCONSULATE SHENYANG", "AMCONSUL SHENYANG"),
        ("AMCONSUL SHENYANG PRIORITY 0012", "AMCONSUL SHENYANG"),
        ("AMEMBASSY ANKARA//6318//", "AMEMBASSY ANKARA"),
        ("USMISSION USUN NEW YORK PRIORITY 9388-9389", "USMISSION USUN NEW YORK"),
        ("US MISSION GENEVA", "USMISSION GENEVA"),
        ("SECSTATE WASH DC 9870", "SECSTATE WASHDC"),
        ("SECSTATE WASHINGTON DC", "SECSTATE WASHDC"),
        ("AMEMBASSY NEW DELHI PIORITY", "AMEMBASSY NEW DELHI"),
        ("AMEMBASSY TRIPOLI LY", "AMEMBASSY TRIPOLI"),
        ("AMEMBASSY LA PAZ JUN 4182", "AMEMBASSY LA PAZ"),
        ("AMEMBASS CARACAS", "AMEMBASSY CARACAS"),
        ("AMEMBASSYBRASILIA", "AMEMBASSY BRASILIA"),
        ("AMEMBASSY KIEV", "AMEMBASSY KYIV"),
        ("AMCONSUL CALCUTTA", "AMCONSUL KOLKATA"),
        ("USNATO", "USMISSION USNATO"),
        ("RUEHLMC)EILLENNIUM CHALLENGE ACRP", "MILLENNIUM CHALLENGE CORP"),
    ],
)
def test_a_routing_line_spelling_finds_its_office(written: str, office: str) -> None:
    assert _office(written).office == office


@pytest.mark.parametrize(
    "written",
    ["", "   ", "AMEMBASSY ATLANTIS", "RUEHBJ", "////", "AMEMBASSY TEL AVIVUNCLAS SECTION 01 OF 02", "X" * 5000,
     "é\u0000"],
)
def test_an_unknown_or_damaged_office_is_none(written: str) -> None:
    assert stations.by_office(written) is None
    assert stations.find(office=written) is None


def test_unknown_keys_of_every_kind_are_none() -> None:
    assert stations.by_indicator("RZZZZZZ") is None
    assert stations.by_indicator("RHMFISS") is None  # a gateway of many military addressees
    assert stations.by_banner("ATLANTIS") is None
    assert stations.by_origin("Embassy Atlantis") is None
    assert stations.find() is None


def test_find_tries_the_fm_line_then_the_indicator_then_the_banner_then_the_origin() -> None:
    beijing, state = _office("AMEMBASSY BEIJING"), _office("SECSTATE WASHDC")
    assert stations.find(office="AMEMBASSY BEIJING", indicator="RUEHC") is beijing
    assert stations.find(office="AMEMBASSY ATLANTIS", indicator="RUEHC") is state
    assert stations.find(indicator="RZZZZZZ", banner="BEIJING") is beijing
    assert stations.find(banner="BRUSSELS", origin="Secretary of State") is state


# ---------------------------------------------------------------- eras
def test_moscow_is_in_the_soviet_union_in_1985_and_in_russia_in_2009() -> None:
    moscow = _office("AMEMBASSY MOSCOW")
    assert stations.country_on(moscow, "1985-02-18") == "Soviet Union"
    assert stations.country_on(moscow, "1991-12-25") == "Soviet Union"
    assert stations.country_on(moscow, "1991-12-26") == "Russia"
    assert stations.country_on(moscow, "2009-06-02T09:22Z") == "Russia"
    assert stations.country_on(moscow) == "Russia"
    assert stations.country_on(moscow, "not a date") == "Russia"
    assert stations.frus_name(moscow, "1985-02-18") == "the Embassy in the Soviet Union"
    assert stations.frus_name(moscow, "2009-06-02") == "the Embassy in Russia"
    assert moscow.iso == "RU" and moscow.state_tag == "RS"


@pytest.mark.parametrize(
    ("office", "date", "country"),
    [
        ("AMEMBASSY BELGRADE", "2001-05-01", "Yugoslavia"),
        ("AMEMBASSY BELGRADE", "2004-05-01", "Serbia and Montenegro"),
        ("AMEMBASSY BELGRADE", "2007-05-01", "Serbia"),
        ("AMEMBASSY PRAGUE", "1992-12-31", "Czechoslovakia"),
        ("AMEMBASSY PRAGUE", "1993-01-01", "Czech Republic"),
        ("AMEMBASSY KINSHASA", "1968-01-01", "Congo"),
        ("AMEMBASSY KINSHASA", "1985-01-01", "Zaire"),
        ("AMEMBASSY KINSHASA", "1997-05-17", "Democratic Republic of the Congo"),
        ("AMEMBASSY BONN", "1988-09-15", "Federal Republic of Germany"),
        ("AMEMBASSY BEIJING", "1985-01-01", "China"),
    ],
)
def test_country_on_a_date(office: str, date: str, country: str) -> None:
    assert stations.country_on(_office(office), date) == country


def test_an_office_without_a_country_says_so() -> None:
    collective = _office("EUROPEAN POLITICAL COLLECTIVE")
    assert stations.country_on(collective, "2009-01-01") == ""


# ---------------------------------------------------------------- FRUS names and grouping
def test_frus_parts_group_addressees_by_title_and_preposition() -> None:
    caracas, quito, lima = (_office(f"AMEMBASSY {c}") for c in ("CARACAS", "QUITO", "LIMA"))
    keys = {stations.group_key(s) for s in (caracas, quito, lima)}
    assert keys == {("Embassy", "in")}
    places = [stations.frus_parts(s) for s in (caracas, quito, lima)]
    assert [p.place for p in places if p] == ["Venezuela", "Ecuador", "Peru"]
    assert stations.PLURALS["Embassy"] == "Embassies"
    assert stations.frus_parts(_office("AMCONSUL SHANGHAI")) == ("Consulate", "in", "Shanghai")
    assert stations.frus_parts(_office("AMCONSUL HONG KONG")) == ("Consulate General", "in", "Hong Kong")
    assert stations.frus_parts(_office("USMISSION USNATO")) == (
        "Mission", "to", "the North Atlantic Treaty Organization"
    )
    assert stations.frus_parts(_office("AMEMBASSY THE HAGUE")) == ("Embassy", "in", "the Netherlands")
    for alone in ("SECSTATE WASHDC", "AIT TAIPEI", "EUROPEAN POLITICAL COLLECTIVE", "CIA WASHDC"):
        assert stations.group_key(_office(alone)) is None
        assert stations.frus_name(_office(alone)) == _office(alone).frus


def test_every_title_the_table_uses_has_a_plural() -> None:
    titles = {parts.title for row in ROWS if (parts := stations.frus_parts(row))}
    assert titles <= set(stations.PLURALS)


def test_all_posts_is_named_as_frus_names_it() -> None:
    assert stations.frus_name(_office("ALL DIPLOMATIC AND CONSULAR POSTS")) == "All Diplomatic and Consular Posts"


def test_an_office_the_table_cannot_name_falls_back_to_its_routing_name() -> None:
    unnamed = next(row for row in ROWS if not row.frus)
    assert stations.frus_name(unnamed) == unnamed.office


# ---------------------------------------------------------------- reading a table
def _tsv(*rows: dict[str, str]) -> str:
    lines = ["\t".join(stations.COLUMNS)]
    lines += ["\t".join(row.get(name, "") for name in stations.COLUMNS) for row in rows]
    return "\n".join(lines) + "\n"


def test_a_table_with_wrong_columns_or_a_bad_era_is_refused() -> None:
    with pytest.raises(ValueError, match="columns"):
        stations.parse_table("office\tkind\nAMEMBASSY X\tembassy\n")
    with pytest.raises(ValueError, match="bad era"):
        stations.parse_table(_tsv({"office": "AMEMBASSY X", "kind": "embassy", "eras": "Atlantis 1990"}))


def test_a_table_built_from_rows_indexes_every_key() -> None:
    table = stations.Table(
        stations.parse_table(
            _tsv(
                {"office": "AMEMBASSY X", "kind": "embassy", "frus": "the Embassy in Xland", "country": "Xland",
                 "eras": "Old Xland<1990-01-01", "indicators": "RUEHXX|RUEHXY", "origins": "Embassy X",
                 "banners": "X", "aliases": "AMEMBASSY EKS", "seen_fm": "3"},
                {"office": "USMISSION X", "kind": "mission", "banners": "X"},
            )
        )
    )
    x = table.by_office("AMEMBASSY EKS PRIORITY 12")
    assert x is not None and x.office == "AMEMBASSY X" and x.seen_fm == 3 and x.seen_to == 0
    assert table.by_indicator("ruehxy") is x and x.indicator == "RUEHXX"
    assert table.by_origin("EMBASSY X") is x and x.origin == "Embassy X"
    assert table.by_banner("X") is None and len(table.banner_offices("X")) == 2
    assert stations.frus_name(x, "1989-12-31") == "the Embassy in Old Xland"
    assert stations.frus_name(x, "1990-01-01") == "the Embassy in Xland"
    assert x.key == "amembassy-x"


def test_the_table_is_read_once() -> None:
    assert stations.table() is stations.table()


def test_a_short_form_names_the_one_station_that_begins_or_ends_with_it() -> None:
    """The index behind ``written_short`` agrees with the rule read plainly: over every word
    run that begins or ends a banner station of the packaged table (and a few that do not)."""
    table = stations.table()
    keys = [key.split() for key in table.banners]

    def plainly(words: list[str]) -> str | None:
        if " ".join(words) in table.banners:
            return None
        size = len(words)
        found = {" ".join(k) for k in keys if len(k) > size and words in (k[:size], k[-size:])}
        return found.pop() if len(found) == 1 else None

    asked = {tuple(k[:n]) for k in keys for n in range(1, len(k))}
    asked |= {tuple(k[-n:]) for k in keys for n in range(1, len(k))}
    asked |= {("NOWHERE",), ("NEW", "NOWHERE")}
    answers = {words: table.written_short(" ".join(words)) for words in asked}
    assert answers == {words: plainly(list(words)) for words in asked}
    assert answers[("HAGUE",)] == "THE HAGUE" and answers[("SAN",)] is None
    assert sum(1 for a in answers.values() if a) > 50


def test_a_station_cut_at_ten_characters_names_the_one_it_begins() -> None:
    """A teletype's station field holds ten characters: ``UNVIE VIEN`` is UNVIE VIENNA (its
    page-break lines), ``KUALA LUMP`` KUALA LUMPUR; a cut at a word's end, a station itself or
    another length names none."""
    table = stations.table()
    assert table.cut_at_width("UNVIE VIEN") == "UNVIE VIENNA"
    assert stations.cut_at_width("kuala  lump") == "KUALA LUMPUR"
    assert table.cut_at_width("KUALA LUM") is None and table.cut_at_width("BEIJING") is None
    for key in table.banners:
        if len(key) > 10 and " " not in key[9:11]:
            assert table.cut_at_width(key[:10]) in (key, None)


def test_a_city_whose_name_is_the_banner_and_more_names_that_banner() -> None:
    """A post's references may name its city: ``REF: MEXICO CITY 002759`` (09MEXICO3092) is the
    Embassy's cable 09MEXICO2759. Not a city that is a banner itself, nor one whose office's
    banner is not its beginning (``NEW YORK``: ``USUN NEW YORK``), nor a city of several offices."""
    assert stations.city_banner("MEXICO CITY") == "MEXICO"
    assert stations.city_banner("panama  city") == "PANAMA"
    assert stations.city_banner("HO CHI MINH CITY") is None  # (a banner itself)
    assert stations.city_banner("NEW YORK") is None and stations.city_banner("WASHINGTON") is None
    assert stations.city_banner("BRUSSELS") is None and stations.city_banner("NOWHERE CITY") is None


def test_a_post_the_release_misspells_is_printed_by_its_name_and_found_by_both() -> None:
    """The release's metadata writes "Embasy Bonn" (the scrape's Bonn cables): the origin
    printed is the name AMEMBASSY BONN implies; the misspelling still finds the post."""
    bonn = stations.table().by_office("AMEMBASSY BONN")
    assert bonn is not None and bonn.origin == "Embassy Bonn"
    assert stations.table().by_origin("Embasy Bonn") is bonn
    assert stations.table().by_origin("Embassy Bonn") is bonn


def test_a_mission_to_a_body_is_named_as_the_body_not_as_a_place() -> None:
    from convert.view.frus import name_office

    # USMISSION NATO (1970s) is the table's USNATO; a body the table does not know keeps its name
    assert name_office("USMISSION NATO").text == "the Mission to the North Atlantic Treaty Organization"
    assert name_office("USMISSION OECD PARIS").text == "the Mission to OECD PARIS"
    assert name_office("USMISSION GENEVA").text == "the Mission in Geneva"  # a place
