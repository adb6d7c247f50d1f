"""Shared test configuration: golden-file updating and the two TEI schemas."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from batch_support import Pages
from lxml import etree

from convert import schema

ROOT = Path(__file__).resolve().parents[1]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens",
        action="store_true",
        help="rewrite tests/golden/* from the current output (review the diff before committing)",
    )


def pytest_runtest_setup(item: pytest.Item) -> None:
    """``@pytest.mark.root`` tests (tmpfs mounts) need root. A non-root developer gets a skip
    that says so; with CABLE_REQUIRE_ROOT=1 (set by .ci/run: CI runs as root) a missing root
    is a failure, so these tests can never silently not run there."""
    if item.get_closest_marker("root") is None or os.geteuid() == 0:
        return
    why = "needs root to mount a tmpfs (run the suite as root, as CI does)"
    if os.environ.get("CABLE_REQUIRE_ROOT", "").strip() not in ("", "0"):
        pytest.fail(f"{item.nodeid}: {why}; CABLE_REQUIRE_ROOT is set", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="session")
def cablegate(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    """The shared archive's cablegate pages, unpacked on demand into this session's
    temporary folder (never read from anywhere else on the machine)."""
    return Pages(tmp_path_factory.mktemp("cablegate-archive"))


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
