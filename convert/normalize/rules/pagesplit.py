"""Chain ``lines.lines`` (continued from :mod:`.lines`): a new-style page-break line split in two.

A page-break line is the station, the cable's serial and the page of pages (``SAO PAULO 00000428
003 OF 003``). A copy that broke it after the station leaves the station at the end of the line
before and the serial on a line of its own (``----------------- PARTY ALIGNMENTS SAO PAULO`` /
blank / ``00000428 003 OF 003``, 06SAOPAULO428): neither half is then read as the page break,
and the station stays in the text. The two halves are one line again.
"""

from __future__ import annotations

import re

from .lines import LINES, _station_before
from .ruler import note

#: the serial and page of pages alone on a line (the rest of a page-break line)
_SERIAL_LINE = re.compile(r"^\s*\d{8} +\d{3}(?:\.\d)? +(?:OF|of|Of) +\d{3}\s*$")
#: how many blank lines may stand between the two halves
_GAP = 2


@LINES.rule(
    "split-page-line",
    trigger=("OF ", "of ", "Of "),  # (_SERIAL_LINE)
    note=note(
        "normalization",
        "A page-break line a copy broke after its station (… PARTY ALIGNMENTS SAO PAULO / 00000428 003 OF 003) "
        "is one line again: the station is cut from the end of the line before, and the page break leaves "
        "the text.",
    ),
)
def split_page_line(lines: list[str]) -> list[str]:
    """``----------------- PARTY ALIGNMENTS SAO PAULO`` / (blank) / ``00000428 003 OF 003``: a
    line that is a page-break line's serial and page of pages only, after a line (up to two
    blank lines before it) that ends with a banner station's name after other words, takes the
    station from that line: the page-break line whole."""
    out = lines
    for index, line in enumerate(lines):
        if not line.lstrip()[:1].isdigit() or not _SERIAL_LINE.match(line):
            continue
        back = index - 1
        while back >= 0 and index - back <= _GAP and not out[back].strip():
            back -= 1
        if back < 0 or not out[back].strip():
            continue
        words = out[back].split()
        k = _station_before(words)
        if not k or k == len(words):
            continue
        station = " ".join(words[-k:])
        before = out[back].rstrip()
        if out is lines:
            out = list(lines)
        out[back] = before[: len(before) - len(station)].rstrip()
        out[index] = station + " " + line.strip()
    return out
