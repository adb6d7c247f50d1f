"""Acceptance: the DOCX opens without repair: python-docx reads it, LibreOffice converts it."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from writers_fixtures import hand_tei

from convert.options import WriteOptions
from convert.writers import docx


def soffice() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if not found:
        pytest.fail("LibreOffice is not installed (Debian: apt-get install "
                    "libreoffice-writer-nogui); this test must not be skipped")
    return found


@pytest.mark.parametrize("theme", ["modern", "teletype"])
def test_docx_converts_in_libreoffice(theme: str, tmp_path: Path) -> None:
    import docx as python_docx
    from pypdf import PdfReader

    data = docx.write(hand_tei(), WriteOptions(theme=theme, paper="letter"))
    python_docx.Document(io.BytesIO(data))
    source = tmp_path / "cable.docx"
    source.write_bytes(data)
    profile = tmp_path / "profile"
    done = subprocess.run(
        [soffice(), f"-env:UserInstallation=file://{profile}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True, timeout=180, check=False,
    )
    target = tmp_path / "cable.pdf"
    assert done.returncode == 0 and target.exists(), done.stderr.decode(errors="replace")
    reader = PdfReader(str(target))
    text = reader.pages[0].extract_text()
    assert "UNCLASSIFIED//FOR OFFICIAL USE ONLY" in text
    assert "CHINA OBJECTS" in text
    box = reader.pages[0].mediabox
    assert round(float(box.width)) == 612
