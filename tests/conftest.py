"""Shared test configuration: golden-file updating and the two TEI schemas."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from convert import schema

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/* from the current output (review the diff before committing)",
    )


@pytest.fixture(scope="session")
def update_goldens(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-goldens"))


@pytest.fixture(scope="session")
def assert_valid_tei():
    """A checker that validates a TEI tree against the profile schema and tei_all.rng
    (tei_all takes seconds to load: once per session)."""
    profile = schema.profile_schema()
    tei_all = schema.tei_all_schema()

    def check(tei: etree._Element) -> None:
        for name, rng in (("profile", profile), ("tei_all", tei_all)):
            problems = schema.errors(rng, tei)
            assert not problems, f"TEI invalid against {name}: {problems[:5]}"

    return check
