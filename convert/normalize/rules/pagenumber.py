"""Stage "closing", chain ``closing.lines``: a word processor's page number left after the
signature, with its page's footer (the draft's page 1 printed into the telegram's end)."""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .blocks import text_lines
from .closing import LINES
from .ruler import note

_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


@LINES.rule(
    "page-number-footer",
    after="classification-line",
    note=note(
        "normalization",
        "A word processor's page number left alone after the text, below the signature (its page's footer), "
        "is kept in the closer as fw type=\"footer\", out of the text flow.",
    ),
)
def page_number_footer(line: str, para: Paragraph) -> str | None:
    """``VAN VOORST`` / ``1`` / ``SENSITIVE BUT UNCLASSIFIED``: the draft's page number, a line
    of its own making a paragraph of its own at the end (09REYKJAVIK49, 09REYKJAVIK50); a number
    in a paragraph of text or a numbered paragraph is the text's."""
    if para.n is not None or para.marking is not None or para.items or not _PAGE_NUMBER.match(line):
        return None
    return "footer" if text_lines(para.lines) == [line] else None
