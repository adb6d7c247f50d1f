"""Ace by DAISY and axe-core on real outputs (issue 13), in Debian's Chromium: the bundled
sample cables (the seed, five cablegate pages, two cables.csv rows) as EPUB and HTML, and a
volume of them. Each checker first shows it can fail (a page or book made inaccessible on
purpose), then the outputs must give no serious or critical Ace finding and no axe violation.

Slow. The tools come from ``./quickstart.sh test`` (apt chromium; npm ci in tools/a11y). When
they are missing the tests fail under CABLE_REQUIRE_A11Y=1 (set by quickstart.sh test, so in
CI), and are skipped, saying why, for a developer who has not installed them.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from convert.archive import read_zip, rewrite_zip

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import a11y_web  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", autouse=True)
def tools() -> None:
    problems = a11y_web.missing()
    if not problems:
        return
    why = "accessibility checkers missing: " + "; ".join(problems)
    if os.environ.get("CABLE_REQUIRE_A11Y", "").strip() not in ("", "0"):
        pytest.fail(f"{why} (CABLE_REQUIRE_A11Y is set)", pytrace=False)
    pytest.skip(why)


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/ rendered to EPUB and HTML, one file per cable, and as a volume of them all."""
    out = tmp_path_factory.mktemp("a11y-outputs")
    for extra in ([], ["--book", "--book-name", "volume"]):
        subprocess.run([sys.executable, "-m", "convert", str(ROOT / "data"), "-o", str(out),
                        "--to", "epub,html", "-q", "-j", "1", *extra], check=True, cwd=ROOT)
    # the complete transcript too (its heading and paragraphs fall in two EPUB chapters)
    subprocess.run([sys.executable, "-m", "convert", str(ROOT / "data" / "seed-09BEIJING1463.txt"),
                    "-o", str(out / "transcript"), "--to", "epub,html", "--transcript", "-q"],
                   check=True, cwd=ROOT)
    for path in [*(out / "transcript").glob("*.epub"), *(out / "transcript").glob("*.html")]:
        path.rename(out / f"transcript-{path.name}")
    return out


def _real(results: dict[Path, list[a11y_web.Finding]]) -> list[str]:
    return [f"{path.name}: {finding.rule}: {finding.message}" for path, findings in results.items()
            for finding in findings if finding.checker_error is None]


def test_axe_finds_a_bad_page_and_nothing_on_ours(outputs: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><html><head><title>x</title></head><body><p style="color:#bbb">'
                   'pale</p><img src="x.png"></body></html>', encoding="utf-8")
    pages = sorted(outputs.glob("*.html"))
    assert len(pages) == 10  # 8 cables, the volume, the seed's transcript
    results = a11y_web.run_axe([bad, *pages])
    assert {"html-has-lang", "image-alt", "color-contrast"} <= {f.rule for f in results.pop(bad)}
    assert _real(results) == []


def _without_lang(epub: bytes) -> bytes:
    chapter = "EPUB/text/ch001.xhtml"
    text = dict(read_zip(epub))[chapter]
    return rewrite_zip(epub, {chapter: text.replace(b' lang="en" xml:lang="en"', b"", 1)}, 0,
                       stored=frozenset({"mimetype"}), first="mimetype")


def test_ace_finds_a_bad_book_and_nothing_serious_on_ours(outputs: Path, tmp_path: Path) -> None:
    books = sorted(outputs.glob("*.epub"))
    assert len(books) == 10
    bad = tmp_path / "bad.epub"
    bad.write_bytes(_without_lang((outputs / "09BEIJING1463.epub").read_bytes()))
    results = a11y_web.run_ace([bad, *books])
    assert "html-has-lang" in {f.rule for f in results.pop(bad) if f.checker_error is None}
    assert _real(results) == []
    # nothing else either: no moderate or minor finding is left
    assert [f.rule for findings in results.values() for f in findings] == []


def test_epubcheck_on_the_volume_and_the_cables(outputs: Path) -> None:
    results = a11y_web.run_epubcheck(sorted(outputs.glob("*.epub")))
    assert len(results) == 10 and _real(results) == []
