"""Chain ``blocks.starts`` (made in :mod:`.blocks`): a copy that kept each paragraph on one line.

Some pages give a cable without its hard wraps: every paragraph is one long line, and the next
paragraph begins on the next line with no blank line between (09USUNNEWYORK1141, 05ROME1506,
06TOKYO1363). A teletype line never held more than 69 characters, so a line break after a line
of that length is no wrap: where a long line ends a sentence and the next is a long line of prose,
the writer began a new paragraph there. Read as a wrap, the two were joined into one, and an
unnumbered paragraph (``To encourage the EU-27 …`` after ¶6) lost its place.
"""

from __future__ import annotations

import re

from ..parsed import Line
from .blocks import STARTS

#: the shortest line that is a paragraph kept whole, not a wrapped line (a teletype's lines held 69
#: characters at most; a wrap some copies made later, 80 or so)
_WHOLE = 120
#: a sentence's end at the end of a line: a stop, or a stop inside a closing quotation mark or bracket
_ENDS = re.compile(r"[.!?][\"'\u201d\u2019)]?\s*$")
#: prose: a capital first (after a quotation mark), a word in lower case among the next six
_PROSE = re.compile(r"^\s*+[\"\u201c]?[A-Z]\S*+(?:\s++\S++){0,5}?\s++[a-z]")


@STARTS.rule("whole-paragraph-line", after="marked-line")
def whole_paragraph_line(block: list[Line], line: str) -> bool:
    """``¶6. (C) Also looking forward to UNGA65, … (a line of 400 characters) … the Lisbon Treaty.`` / ``To
    encourage the EU-27 to continue as our core supporters at UNGA65, we should engage them …`` (09USUNNEWYORK1141):
    a line of prose of 120 characters or more, beginning with a capital and going on in lower case, right after
    a line of that length that ends a sentence (no page break between), starts a paragraph."""
    if len(line) < _WHOLE or not block or not _PROSE.match(line):
        return False
    last = block[-1]
    return isinstance(last, str) and len(last) >= _WHOLE and _ENDS.search(last) is not None
