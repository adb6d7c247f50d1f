"""Plain text of a cable in each input form, for reading by eye (tests/truth only).

Written for the truth file: it does not use the project's normalizer (``convert/``).
- page: the two ``<pre>`` blocks of a cablegate page, ``&#x000A;`` turned into newlines,
  the ``<a ...>¶</a>`` paragraph anchors shown as ``¶`` and other link tags dropped
  (their text kept); nothing else unescaped (the pre text is not HTML-escaped).
- csv: the header and content columns of a ``cables-sample.csv`` row (MySQL ``\\"``
  escapes undone by the csv reader).
- pre2000 / seed: the file as stored.
"""

from __future__ import annotations

import csv
import re
import tarfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[3] / "shared" / "corpus"
TARBALL = SHARED / "cablegate-html.tar.xz"
CSV_SAMPLE = SHARED / "cables-sample.csv"
SEED = SHARED / "seed-09BEIJING1463.txt"
PRE2000 = SHARED / "pre2000"

PRE_RE = re.compile(r"<pre>(.*?)</pre>", re.S)
ANCHOR_RE = re.compile(r"<a id='par[^']*' href='#par[^']*'>¶</a>")
TAG_RE = re.compile(r"</?a\b[^>]*>")


def page_blocks(html: str) -> list[str]:
    """The ``<pre>`` blocks of a page as text."""
    out = []
    for block in PRE_RE.findall(html):
        block = block.replace("&#x000A;", "\n")
        block = ANCHOR_RE.sub("¶", block)
        block = TAG_RE.sub("", block)
        out.append(block)
    return out


def page_text(html: str) -> str:
    return "\n\n".join(page_blocks(html))


def iter_tar_pages():
    """(relative path, html) for every page in the shared tarball, in tar order."""
    with tarfile.open(TARBALL) as tar:
        for m in tar:
            if m.isfile() and m.name.endswith(".html"):
                f = tar.extractfile(m)
                assert f is not None
                name = m.name[2:] if m.name.startswith("./") else m.name
                yield name, f.read().decode("utf-8")


def read_page(rel: str, corpus: str | None = None) -> str:
    """The html of one page: from an unpacked corpus folder (holding ``cable/``) if given."""
    if corpus:
        return (Path(corpus) / rel).read_text(encoding="utf-8")
    for name, html in iter_tar_pages():
        if name == rel:
            return html
    raise KeyError(rel)


def csv_rows() -> list[list[str]]:
    csv.field_size_limit(10**9)
    with open(CSV_SAMPLE, encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, escapechar="\\", doublequote=False))


def csv_text(row: list[str]) -> str:
    return row[6] + "\n\n" + row[7]
