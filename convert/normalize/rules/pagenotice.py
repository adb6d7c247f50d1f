"""Chain ``lines.furniture`` (continued from :mod:`.pagesubject`): a corrected copy's notice written
under a page-break line.

A corrected copy carries its notice (``C O R R E C T E D C O P Y (ADDED TAGS)``) among the
opener's lines. Some copies print it as the header of every page instead, under the page line
(``PARIS 00000130 002.6 OF 003`` / blank / ``C O R R E C T E D C O P Y (ADDED TAGS)``, 08PARIS130),
and a sentence the page turned is cut by it. Under a page-break line, the first page's too, the
notice is the page's header: it goes into the page's ``fw`` beside the page line, out of the text
flow, and the sentence joins again around both; the source note reads it from there.
"""

from __future__ import annotations

import re

from ..parsed import Continued
from . import pagesubject  # noqa: F401  (page-subject-wrap, which this rule goes after, registered first)
from .lines import FURNITURE, EntryCursor
from .pagesubject import continued, page_before
from .ruler import note

#: a corrected copy's notice, spaced out as the teletype writes it, and what it corrected after it
#: (in brackets or not); a line of its own
NOTICE = re.compile(r"\(?C ?O ?R ?R ?E ?C ?T ?E ?D\s+C ?O ?P ?Y\b[^a-z]{0,80}")


@FURNITURE.rule(
    "page-corrected-copy",
    after="page-subject-wrap",
    lead="[C(]",  # (NOTICE)
    note=note(
        "normalization",
        "A corrected copy's notice written under a page-break line (PARIS 00000130 002.6 OF 003 / C O R R E C T E D "
        "C O P Y (ADDED TAGS)) is the page's header: kept with the page line in fw, out of the text flow.",
    ),
)
def page_corrected_copy(cur: EntryCursor, line: str, stripped: str) -> Continued | None:
    """``PARIS 00000130 002.6 OF 003`` / blank / ``C O R R E C T E D C O P Y (ADDED TAGS)`` (08PARIS130): the
    notice alone on its line (no lower-case letter), under a page line with blank lines between or none, is
    that page's header."""
    if NOTICE.fullmatch(stripped) is None:
        return None
    at = page_before(cur.entries, first=True)
    return continued(cur.entries[at], at, stripped, 0) if at is not None else None
