"""The reading edition names a post's city as it was named on the cable's date, as it names
countries: a 1976 cable repeated to the Consulate in Leningrad says Leningrad, a 2009 one
St. Petersburg (convert/stations/cities.py)."""

from __future__ import annotations

import pytest
from test_edition import routed

from convert import stations
from convert.view import frus


def test_a_1976_cable_to_leningrad_names_leningrad() -> None:
    cable = routed("AMEMBASSY MOSCOW", ["SECSTATE WASHDC", "AMCONSUL LENINGRAD"],
                   ["AMCONSUL LENINGRAD", "AMEMBASSY LONDON"], when="1976-03-01T12:00:00Z")
    note = dict(frus.source_note(cable.view))
    assert note["repeated"] == "Repeated to Leningrad and London."
    assert frus.heading(cable.view) == ("Telegram From the Embassy in the Soviet Union to the "
                                        "Department of State and the Consulate in Leningrad")


def test_a_1976_cable_from_leningrad_has_a_leningrad_dateline() -> None:
    cable = routed("AMCONSUL LENINGRAD", ["SECSTATE WASHDC"], when="1976-03-01T12:00:00Z")
    assert frus.heading(cable.view) == "Telegram From the Consulate in Leningrad to the Department of State"
    assert frus.dateline(cable.view).startswith("Leningrad, March 1, 1976")


def test_a_2009_cable_to_st_petersburg_keeps_todays_name() -> None:
    cable = routed("AMEMBASSY MOSCOW", ["SECSTATE WASHDC", "AMCONSUL ST PETERSBURG"],
                   ["AMCONSUL ST PETERSBURG"], when="2009-06-02T09:22:00Z")
    assert dict(frus.source_note(cable.view))["repeated"] == "Repeated to St. Petersburg."
    assert frus.heading(cable.view).endswith("the Embassy in Russia to the Department of State and "
                                             "the Consulate in St. Petersburg")


def test_a_dated_cable_takes_the_name_of_its_date_whatever_its_routing_line_writes() -> None:
    """The address lists lagged: 2006 cables still write AMCONSUL CALCUTTA for Kolkata."""
    cable = routed("AMEMBASSY NEW DELHI", ["SECSTATE WASHDC"], ["AMCONSUL CALCUTTA", "AMCONSUL BOMBAY"],
                   when="2006-03-01T12:00:00Z")
    assert dict(frus.source_note(cable.view))["repeated"] == "Repeated to Kolkata and Mumbai."
    cable = routed("AMEMBASSY NEW DELHI", ["SECSTATE WASHDC"], ["AMCONSUL KOLKATA", "AMCONSUL MUMBAI",
                                                                "AMCONSUL CHENNAI"],
                   when="1985-03-01T12:00:00Z")
    assert dict(frus.source_note(cable.view))["repeated"] == "Repeated to Calcutta, Bombay, and Madras."


@pytest.mark.parametrize(("office", "date", "written", "city"), [
    ("AMCONSUL ST PETERSBURG", "1991-09-05", None, "Leningrad"),
    ("AMCONSUL ST PETERSBURG", "1991-09-06", None, "St. Petersburg"),
    ("AMCONSUL ST PETERSBURG", None, "AMCONSUL LENINGRAD", "Leningrad"),  # undated: as written
    ("AMCONSUL ST PETERSBURG", None, "AMCONSUL ST PETERSBURG", "St. Petersburg"),
    ("AMCONSUL ST PETERSBURG", "2009-06-02T09:22Z", "AMCONSUL LENINGRAD", "St. Petersburg"),
    ("AMCONSUL MUMBAI", "1995-10-31", None, "Bombay"),
    ("AMCONSUL MUMBAI", "1995-11-01", None, "Mumbai"),
    ("AMCONSUL CHENNAI", "1996-07-16", None, "Madras"),
    ("AMCONSUL KOLKATA", "2000-12-31", None, "Calcutta"),
    ("AMCONSUL KOLKATA", "2001-01-01", None, "Kolkata"),
    ("AMEMBASSY HARARE", "1982-04-17", None, "Salisbury"),
    ("AMEMBASSY BISHKEK", "1991-02-04", None, "Frunze"),
    ("AMEMBASSY ALMATY", "1992-06-01", None, "Alma-Ata"),
    ("AMEMBASSY KINSHASA", "1966-06-30", None, "Leopoldville"),
    ("AMEMBASSY KINSHASA", "1985-01-01", None, "Kinshasa"),
    ("AMEMBASSY RANGOON", "2009-01-01", None, "Rangoon"),  # the Department kept Rangoon
    ("AMEMBASSY BEIJING", "1985-01-01", None, "Beijing"),
    ("USLO PEKING", "1978-12-31", None, "Peking"),  # pinyin from 1979-01-01
    ("AMEMBASSY BEIJING", "1979-01-01", None, "Beijing"),
    ("AMEMBASSY SAIGON", "1966-12-28", None, "Saigon"),
])
def test_city_on_a_date(office: str, date: str | None, written: str | None, city: str) -> None:
    row = stations.by_office(office)
    assert row is not None
    assert stations.city_on(row, date, written) == city


def test_every_renamed_city_is_a_post_of_the_table_and_its_eras_are_in_order() -> None:
    cities = {row.city for row in stations.table().rows}
    for city, eras in stations.CITY_ERAS.items():
        assert city in cities, city
        assert [e.until for e in eras] == sorted(e.until for e in eras)


def test_an_embassy_is_still_named_by_country() -> None:
    harare = stations.by_office("AMEMBASSY HARARE")
    assert harare is not None
    assert stations.frus_name(harare, "1980-06-01") == "the Embassy in Zimbabwe"


def test_the_liaison_office_in_peking_is_the_liaison_office_in_china() -> None:
    """FRUS 1969-1976, XVIII: "Telegram From the Liaison Office in China to the Department of State"."""
    cable = routed("USLO PEKING", ["SECSTATE WASHDC"], ["AMCONSUL HONG KONG", "CINCPAC HONOLULU HI"],
                   when="1973-11-19T08:15:00Z")
    assert frus.heading(cable.view) == "Telegram From the Liaison Office in China to the Department of State"
    assert frus.dateline(cable.view).startswith("Peking, November 19, 1973")
    assert dict(frus.source_note(cable.view))["repeated"] == (
        "Repeated to Hong Kong and the Commander in Chief, Pacific.")


def test_the_embassy_in_saigon_is_the_embassy_in_vietnam() -> None:
    """FRUS 1964-1968: "Telegram From the Embassy in Vietnam to the Department of State", dated Saigon;
    grouped with another embassy by country, not by city."""
    cable = routed("AMEMBASSY SAIGON", ["SECSTATE WASHDC"], ["CINCPAC"], when="1966-12-28T18:48:00Z")
    assert frus.heading(cable.view) == "Telegram From the Embassy in Vietnam to the Department of State"
    assert frus.dateline(cable.view).startswith("Saigon, December 28, 1966")
    cable = routed("SECSTATE WASHDC", ["AMEMBASSY SAIGON", "AMEMBASSY PHNOM PENH"], when="1975-03-05T22:34:00Z")
    assert frus.heading(cable.view) == (
        "Telegram From the Department of State to the Embassies in Vietnam and Cambodia")


def test_an_interests_section_or_liaison_office_the_table_does_not_hold_is_named_in_words() -> None:
    cable = routed("SECSTATE WASHDC", ["USINT BAGHDAD"], when="1975-03-05T22:34:00Z")
    assert frus.heading(cable.view) == "Telegram From the Department of State to the Interests Section in Baghdad"
    cable = routed("USLO KABUL", ["SECSTATE WASHDC"], when="1990-03-05T22:34:00Z")
    assert frus.heading(cable.view) == "Telegram From the Liaison Office in Kabul to the Department of State"
