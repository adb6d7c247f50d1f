"""The header a normalized cable's view holds is made from the facts the TEI was built from
(:mod:`convert.normalize.build.stated`), not read back from the TEI: it must be exactly what
:func:`convert.view.read.read_header` reads from that TEI, on real cables (a spread of cablegate
pages, pages with appended cables, and the 300 rows of the CSV sample, all from ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from batch_support import Pages

from convert import options, readers
from convert.normalize import normalize, normalize_traced
from convert.normalize.build.stated import stated_header
from convert.view import read
from convert.view.read import read_header

ROOT = Path(__file__).resolve().parents[1]
CSV_SAMPLE = ROOT.parent / "shared" / "corpus" / "cables-sample.csv"
#: pages that carry a second cable appended after their own (an ``appended`` entry each)
APPENDED = ["cable/2009/02/09CAIRO211.html", "cable/2007/11/07MANAMA1067.html", "cable/2007/09/07BERN881.html"]


def _differences(source: readers.Source) -> tuple[int, list[str]]:
    """How many cables ``source`` holds, and each field where the made header and the read
    one differ."""
    count, out = 0, []
    for raw in readers.load_source(source, options.ReadOptions()):
        normalized = normalize_traced(raw)
        made, found = stated_header(normalized.parsed), read_header(normalized.cable.tei)
        count += 1
        out += [f"{raw.source} {name}: {getattr(made, name)!r} != {getattr(found, name)!r}"
                for name in found.__dataclass_fields__ if getattr(made, name) != getattr(found, name)]
    return count, out


def test_the_made_header_is_the_read_one_on_cablegate_pages(cablegate: Pages) -> None:
    names = cablegate.names()
    chosen = list(dict.fromkeys(names[::41] + APPENDED))  # every 41st page: all years
    total, differences = 0, []
    for page in cablegate.unpacked(chosen):
        count, found = _differences(readers.Source(str(page), path=str(page)))
        total, differences = total + count, differences + found
    assert total >= 160
    assert not differences, differences[:10]


def test_the_made_header_is_the_read_one_on_csv_rows() -> None:
    count, differences = _differences(readers.Source(str(CSV_SAMPLE), path=str(CSV_SAMPLE)))
    assert count == 300
    assert not differences, differences[:10]


def test_appended_cables_are_in_the_made_header(cablegate: Pages) -> None:
    # the pages above are chosen for their appended cable: the comparison covers that part
    (page,) = cablegate.unpacked(APPENDED[:1])
    (raw,) = readers.load_source(readers.Source(str(page), path=str(page)), options.ReadOptions())
    header = stated_header(normalize_traced(raw).parsed)
    assert [part.part for part in header.appended] == ["c09CAIRO211-appended-1"]
    assert header.appended[0].cable_id


def test_a_normalized_cable_is_not_read_back_for_its_header(cablegate: Pages, monkeypatch: pytest.MonkeyPatch) -> None:
    # the view of a cable the normalizer made holds the made header: reading the TEI's
    # header again would fail here; a cable made from a TEI alone is still read
    (page,) = cablegate.unpacked(APPENDED[:1])
    (raw,) = readers.load_source(readers.Source(str(page), path=str(page)), options.ReadOptions())
    cable = normalize(raw)
    calls: list[object] = []
    monkeypatch.setattr(read, "read_header", lambda tei: calls.append(tei))
    import convert.view as view

    monkeypatch.setattr(view, "read_header", lambda tei: calls.append(tei))
    assert cable.view.header.cable_id == "09CAIRO211"
    assert calls == []
    fresh = type(cable)(tei=cable.tei, source=cable.source)
    fresh.view.header  # noqa: B018 - reading it is the point
    assert calls == [cable.tei]
