"""Chain ``lines.lines`` (continued from :mod:`.lines`): a new-style page-break line split in two.

A page-break line is the station, the cable's serial and the page of pages (``SAO PAULO 00000428
003 OF 003``). A copy that broke it somewhere inside leaves its first part at the end of a line
of text and the rest at the start of the next line with text: after the station (``-----------
PARTY ALIGNMENTS SAO PAULO`` / blank / ``00000428 003 OF 003``, 06SAOPAULO428), after the serial
(``REF: 08 STATE 74840 TRIPOLI 00000268`` / blank / ``001.2 OF 003 1.``, 09TRIPOLI268), or inside
the page number (``RIO DE JAN 00000365 002.`` / blank / ``2 OF 002 5. (C) In selecting``,
09RIODEJANEIRO365). Neither half is then read as the page break, and both stay in the text. The
two halves are one line again (the cut chain then takes the page-break line out of any text
around it).
"""

from __future__ import annotations

import re

from ..needles import no_page_number
from .lines import LINES
from .pagecut import PAGE_IN_LINE, station_before
from .ruler import note

#: a word of a line
_WORD = re.compile(r"\S+")
#: how many blank lines may stand between the two halves
_GAP = 2


@LINES.rule(
    "split-page-line",
    trigger=("OF ", "of ", "Of "),  # (PAGE_IN_LINE)
    note=note(
        "normalization",
        "A page-break line a copy broke in two (… PARTY ALIGNMENTS SAO PAULO / 00000428 003 OF 003; "
        "… TRIPOLI 00000268 / 001.2 OF 003; RIO DE JAN 00000365 002. / 2 OF 002) is one line again: its "
        "first part is cut from the end of the line before, and the page break leaves the text.",
    ),
)
def split_page_line(lines: list[str]) -> list[str]:
    """``----------------- PARTY ALIGNMENTS SAO PAULO`` / (blank) / ``00000428 003 OF 003``: a
    line that starts with the rest of a page-break line (its serial and page of pages, its page of
    pages, or the rest of its page number after the point: ``2 OF 002``), after a line (up to two
    blank lines before it) that ends with the page-break line's first part after a banner
    station's name, takes that part from the line before: the page-break line whole, at the
    start of its line."""
    out = lines
    for index, line in enumerate(lines):
        start = line.lstrip()
        if not start[:1].isdigit() and not start.startswith(("OF ", "of ", "Of ")):
            continue
        back = index - 1
        while back >= 0 and index - back <= _GAP and not out[back].strip():
            back -= 1
        if back < 0 or not out[back].strip():
            continue
        joined = _joined(out[back].rstrip(), line.strip())
        if joined is None:
            continue
        if out is lines:
            out = list(lines)
        out[back], out[index] = joined
    return out


def _joined(before: str, after: str) -> tuple[str, str] | None:
    """The line before without the page-break line's first part, and the page-break line whole
    with the rest of ``after``; None where the two do not make one page-break line that starts
    (at its station) in ``before`` and ends in ``after``."""
    glue = "" if before.endswith(".") else " "  # a page number cut after its point: ``002.`` / ``2 OF``
    text = before + glue + after
    if no_page_number(text):
        return None  # (a page-break line's serial and page of pages)
    cut = len(before) + len(glue)  # where ``after`` starts in ``text``
    match = next((m for m in PAGE_IN_LINE.finditer(text) if m.end() > cut), None)
    if match is None or match.start() > cut:
        return None
    words = list(_WORD.finditer(text, 0, match.start()))
    k = station_before([w.group() for w in words])
    if not k or (k == len(words) and match.start() >= cut):
        return None  # no station, or a line that is the station alone (not a cut page line)
    start = words[-k].start()
    if start >= len(before):
        return None
    return before[:start].rstrip(), text[start:]
