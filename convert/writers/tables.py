"""A table written in plain text (TEI ``seg type="table"``, rule ``text-table``): its lines as
they stand, in a ``pre`` of the theme's table style. The walk (:mod:`.layout`) makes it once
for every format: the CSS sets it in the monospaced face, its spaces kept (``white-space:
pre-wrap``: a line too long for the page or the screen wraps rather than running off it);
pandoc reads the ``pre`` as a code block (DOCX: the ``Source Code`` paragraph style of the
reference document, dressed from the theme); Markdown writes it as a fenced block."""

from __future__ import annotations

from lxml import etree

from ..textview import table_text


def table_block(pre: etree._Element, source: etree._Element) -> None:
    """Fill ``pre`` (made in the table style by the walk) with the table's lines."""
    pre.text = table_text(source)


def fenced(text: str, quote: bool = False) -> str:
    """The table's lines as a fenced block of Markdown (read back unchanged: nothing inside a
    fence is markup), its fence longer than any run of backticks in it; each line after ``> ``
    inside a block quote (a summary)."""
    longest = max((len(run) for run in text.split() if set(run) == {"`"}), default=0)
    fence = "`" * max(3, longest + 1)
    lines = [fence + "text", *text.split("\n"), fence]
    return "\n".join(("> " + line).rstrip() if quote else line for line in lines)
