"""Golden files: every bundled sample cable in data/ -> tests/golden/<id>.tei.xml and .json.

Run ``pytest tests/test_golden.py --update-goldens`` after a deliberate change, then read
the diff (git diff tests/golden) before committing: goldens are reviewed by eye."""

from __future__ import annotations

import collections
import os
import re
from pathlib import Path

import pytest

from convert.model import NS
from convert.options import ConvertOptions
from convert.pipeline import convert_source, iter_sources
from convert.readers import load_source
from convert.textview import source_text

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests" / "golden"
WORD = re.compile(r"[A-Za-z0-9]+")


def _sources():
    cwd = os.getcwd()
    os.chdir(ROOT)  # source names are relative (data/...), as in the goldens
    try:
        return [s for s in iter_sources(["data"], ConvertOptions().read)]
    finally:
        os.chdir(cwd)


SOURCES = _sources()


@pytest.fixture(autouse=True)
def _in_repo(monkeypatch):
    monkeypatch.chdir(ROOT)


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_golden(source, update_goldens, assert_valid_tei):
    (converted,) = convert_source(source, ConvertOptions(formats=("tei", "json")))
    cable = converted.cable
    assert cable.id, f"{source.name}: no id derived"
    assert_valid_tei(cable.tei)
    for fmt, suffix in (("tei", ".tei.xml"), ("json", ".json")):
        path = GOLDEN / f"{cable.id}{suffix}"
        if update_goldens:
            path.write_bytes(converted.outputs[fmt])
        assert path.exists(), f"no golden {path.name}: run pytest --update-goldens and review it"
        assert converted.outputs[fmt] == path.read_bytes(), f"{path.name} differs from the output"


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_every_input_word_is_in_the_tei(source):
    (raw,) = list(load_source(source, ConvertOptions().read))
    (converted,) = convert_source(source, ConvertOptions(formats=("tei",)))
    text_el = converted.cable.tei.xpath("t:text", namespaces=NS)[0]
    got = collections.Counter(WORD.findall(source_text(text_el)))
    want = collections.Counter(WORD.findall((raw.header or "") + "\n" + raw.body))
    assert not (want - got), f"words lost: {dict(want - got)}"


def test_goldens_have_a_source():
    """No stale golden: each golden file belongs to a bundled sample."""
    ids = set()
    for source in SOURCES:
        (converted,) = convert_source(source, ConvertOptions(formats=("tei",)))
        ids.add(converted.cable.id)
    names = {p.name.split(".")[0] for p in GOLDEN.glob("*.tei.xml")} | {p.stem for p in GOLDEN.glob("*.json")}
    assert names == ids


#: the reading edition of the seed, reviewed by eye (its words, heading, note and layout)
EDITION_GOLDENS = (("md", ".edition.md"), ("html", ".edition.html"))


@pytest.mark.parametrize(("fmt", "suffix"), EDITION_GOLDENS, ids=[f for f, _ in EDITION_GOLDENS])
def test_seed_edition_golden(fmt, suffix, update_goldens):
    from convert.options import WriteOptions

    (source,) = [s for s in SOURCES if s.name.endswith("seed-09BEIJING1463.txt")]
    options = ConvertOptions(formats=(fmt,), write=WriteOptions(source_date_epoch=0))
    (converted,) = convert_source(source, options)
    path = GOLDEN / f"{converted.cable.id}{suffix}"
    if update_goldens:
        path.write_bytes(converted.outputs[fmt])
    assert path.exists(), f"no golden {path.name}: run pytest --update-goldens and review it"
    assert converted.outputs[fmt] == path.read_bytes(), f"{path.name} differs from the output"
