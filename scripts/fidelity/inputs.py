"""The input forms a user meets, built from the shared corpus (no project code here).

- **page**: a cablegate web page, read by the project's page reader (its table is metadata).
- **pasted**: what a user gets by selecting the page's two ``<pre>`` blocks in a browser and
  pasting them: the header, a blank line, the body, as the browser displays them
  (:func:`pasted_text`). Given to the text reader with no metadata.
- **browser**: the whole page as a browser's "select all, copy" gives it, navigation and help
  text included (:func:`browser_copy`).
- **csv**: a row of ``cables-sample.csv`` through the CSV reader.
- **pre2000**, **seed**: the text files, given to the text reader as a user would.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_PRE = re.compile(r"<pre\b[^<>]*>(.*?)</pre>", re.S | re.I)
#: what a browser treats as a tag: ``<`` + an ASCII letter (or ``/`` + letter) up to ``>``
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BR = re.compile(r"<br\s*/?>", re.I)


def _displayed(fragment: str) -> str:
    """The text a browser displays for the content of a ``<pre>``: ``<br>`` breaks the line,
    other tags (the site's links and ¶ anchors, stray ``<strong>``) show only their text,
    character references are decoded (``&#x000A;`` is a newline); text that is not a tag
    (``<<220571>>``, ``< /a>``) and unknown references (``R&D;``) stay as written."""
    text = _BR.sub("\n", fragment)
    text = _TAG.sub("", text)
    return html.unescape(text)


def pre_blocks(page: str) -> list[str]:
    return [_displayed(block) for block in _PRE.findall(page)]


def pasted_text(page: str) -> str:
    """The page's ``<pre>`` blocks as pasted: header, a blank line, body."""
    blocks = [b.strip("\n") for b in pre_blocks(page)]
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr html li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript"})
#: a line break inside a ``<pre>`` while the copy is assembled (a private-use character)
_PRE_BREAK = "\ue000"


def browser_copy(page: str) -> str:
    """The visible text of the whole page, roughly as "select all, copy" gives it: block
    elements on their own lines, table cells separated by tabs, ``<pre>`` kept as laid out,
    scripts and the ``<head>`` dropped, image ``alt`` texts not copied."""
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(page.encode("utf-8"))
    parts: list[str] = []

    def text_of(value: str | None, pre: bool) -> str:
        if not value:
            return ""
        # a <pre>'s line breaks are kept as laid out (its runs of blank lines too): held apart
        # from the collapsing of the page's blank lines below
        return value.replace("\n", _PRE_BREAK) if pre else re.sub(r"\s+", " ", value)

    def walk(node: etree._Element, in_pre: bool) -> None:
        tag = node.tag.rsplit("}", 1)[-1].lower() if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            return
        pre = in_pre or tag == "pre"
        if tag == "br" or tag in _BLOCK_TAGS:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append("\t")
        parts.append(text_of(node.text, pre))
        for child in node:
            walk(child, pre)
            parts.append(text_of(child.tail, pre))
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(root, False)
    text = "".join(parts)
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).replace(_PRE_BREAK, "\n")
    return text.strip() + "\n"


def shared_corpus() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def pre2000_files() -> list[Path]:
    return sorted((shared_corpus() / "pre2000").rglob("*.txt"))
