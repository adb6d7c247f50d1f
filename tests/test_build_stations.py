"""The station table's miner (scripts/build_stations.py): the names it gives a post."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
import build_stations


def _row(office: str, kind: str, origins: str, banners: str = "") -> dict[str, str]:
    return {"office": office, "kind": kind, "origins": origins, "banners": banners}


def test_a_misspelt_origin_name_goes_after_the_name_the_routing_name_implies() -> None:
    row = _row("AMEMBASSY BONN", "embassy", "Embasy Bonn")
    build_stations._infer_post_names(row)
    assert row["origins"] == "Embassy Bonn|Embasy Bonn" and row["banners"] == "BONN"


def test_other_names_are_left_as_the_corpus_writes_them() -> None:
    kept = [
        _row("AMEMBASSY BONN", "embassy", "Embassy Bonn", "BONN"),  # already right
        _row("USMISSION USNATO", "mission", "Mission USNATO", "USNATO"),  # no name implied
        _row("AMCONSUL CALCUTTA", "consulate", "Consulate Kolkata", "KOLKATA"),  # a renamed city, not a slip
        _row("AMEMBASSY RANGOON", "embassy", "Embassy Rangoon|Embassy Burma", "RANGOON"),
    ]
    for row in kept:
        before = dict(row)
        build_stations._infer_post_names(row)
        assert row == before
    empty = _row("AMEMBASSY MANILA", "embassy", "")
    build_stations._infer_post_names(empty)
    assert empty["origins"] == "Embassy Manila" and empty["banners"] == "MANILA"


def test_one_letter_off() -> None:
    assert build_stations._one_letter_off("Embasy Bonn", "Embassy Bonn")  # left out
    assert build_stations._one_letter_off("Embasssy Bonn", "Embassy Bonn")  # added
    assert build_stations._one_letter_off("Embassy Bomn", "Embassy Bonn")  # changed
    assert not build_stations._one_letter_off("Embassy Bonn", "Embassy Bonn")
    assert not build_stations._one_letter_off("Embassy Bern", "Embassy Bonn")
    assert not build_stations._one_letter_off("Consulate Kolkata", "Consulate Calcutta")
