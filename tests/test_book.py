"""``--book``: many cables in one volume, through the command line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_book_of_the_bundled_cables_in_markdown_and_html(tmp_path):
    result = subprocess.run([sys.executable, "-m", "convert", "data", "--book", "--to", "md,html", "-o",
                             str(tmp_path), "--title", "Sample cables", "--sort", "id"],
                            cwd=ROOT, capture_output=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "volume.md").read_text(encoding="utf-8")
    assert markdown.startswith("---\ntitle: \"Sample cables\"")
    ids = ["01VATICAN1261", "05SANAA1352", "06BUCHAREST576", "07BRASILIA572", "09ANKARA321",
           "09BEIJING1463", "09RABAT988", "09THEHAGUE582"]
    positions = [markdown.index(f"# {i}") for i in ids]
    assert positions == sorted(positions)  # --sort id
    assert (tmp_path / "volume.html").stat().st_size > 10_000


def test_book_goes_on_past_a_bad_input(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_text("", encoding="utf-8")
    out = tmp_path / "out"
    result = subprocess.run([sys.executable, "-m", "convert", str(bad), "data/seed-09BEIJING1463.txt", "--book",
                             "--to", "md", "-o", str(out)], cwd=ROOT, capture_output=True, timeout=300, check=False)
    assert result.returncode == 16
    assert str(bad) in result.stderr.decode()
    assert "09BEIJING1463" in (out / "volume.md").read_text(encoding="utf-8")


def test_book_needs_a_volume_format(tmp_path):
    result = subprocess.run([sys.executable, "-m", "convert", "data", "--book", "--to", "json", "-o", str(tmp_path)],
                            cwd=ROOT, capture_output=True, timeout=120, check=False)
    assert result.returncode == 2 and b"volume" in result.stderr
