"""Chain ``lines.cut`` (made in :mod:`.lines`): a new-style page-break line run into a line of text.

A copy that lost its line breaks runs the page-break line (``TRIPOLI 00000183 002 OF 003``) into the
sentence it fell in; the line is cut there, the page break a line of its own (``page-break`` then
reads it), and the sentence joined again around it. ``page-split-word`` (:mod:`.pagesplit`) reads the
same lines for a word the break cut in two.
"""

from __future__ import annotations

import functools
import re

from ..needles import no_page_number
from .lines import CUT
from .ruler import note

#: a page-break line's serial and page of pages, met inside a line of text
#: (the digits first, the space before them looked back at: a regex that starts with a class
#: skips to a digit in C, one that starts with a look-behind tries every position)
PAGE_IN_LINE = re.compile(r"\d{8}(?<!\S\d{8}) +\d{3}(?:\.\d{1,2})? +(?:OF|of|Of) +\d{3}(?!\S)")
#: the end of every such page number (``OF 003``): a line without one is not searched from
#: every digit for the eight of a serial (most lines of text hold an "of")
_PAGE_OF = re.compile(r"(?:OF|of|Of) +\d{3}(?!\S)")


@functools.cache
def _cut_stations() -> frozenset[str]:
    """Banner stations of more than ten characters cut to ten, as page-break lines print
    them (``RIO DE JAN``, ``BUENOS AIR``)."""
    from ...stations import table  # the station table loads on first use

    return frozenset(key[:10].rstrip() for key in table().banners if len(key) > 10)


def station_before(words: list[str]) -> int:
    """How many of the last ``words`` name a banner station (``TRIPOLI``, ``BUENOS AIRES``,
    ``USUN NEW YORK``, or one cut to ten characters: ``RIO DE JAN``): the longest; 0 if none."""
    from ...stations import banner_offices

    for k in range(min(4, len(words)), 0, -1):
        candidate = " ".join(words[-k:])
        if banner_offices(candidate) or candidate.upper() in _cut_stations():
            return k
    return 0


#: a word that a station's name is glued to: a number's digits or a redaction before it
_GLUED_STATION = re.compile(r"^(?:.*\d|X{4,})(?P<station>[A-WYZ][A-Z]{2,})$")


#: a dashed rule alone after a page-break line run into a line: the underline of the title before the break
_UNDERLINE_AFTER = re.compile(r"-{4,}$")


@CUT.rule(
    "glued-page-break",
    before="glued-page-line",
    trigger=("OF ", "of ", "Of "),  # what every page number's "002 OF 003" holds
    note=note(
        "normalization",
        "A page-break line run into a line of text (BEIJING 00001463 002 OF 002 between two words of a "
        "sentence, where the copy lost its line breaks) is cut out of the text into pb and fw; the "
        "sentence is joined again around it.",
    ),
)
def glued_page_break(line: str) -> list[str] | None:
    """``… said he "did not TRIPOLI 00000183 002 OF 003 foresee …``: a new-style page-break
    line inside a line of text (its station a known banner station) is a line of its own."""
    return _cut_pages(line, 0)


def _cut_pages(line: str, depth: int) -> list[str] | None:
    if no_page_number(line) or _PAGE_OF.search(line) is None:
        return None
    for match in PAGE_IN_LINE.finditer(line):
        before, after = line[: match.start()].rstrip(), line[match.end() :].strip()
        words = before.split()
        k = station_before(words)
        cut = len(before) - len(" ".join(words[-k:]))
        if not k:  # the station glued to the word before it (``C. CAIRO 507CAIRO 00000524 …``)
            glued = _GLUED_STATION.match(words[-1]) if words else None
            if glued is None or not station_before([glued["station"]]):
                continue
            cut = len(before) - len(glued["station"])
        text_before = before[:cut].rstrip()
        if not text_before and not after:
            return None  # a page-break line as a whole: the page-break rule's
        page = before[cut:] + " " + match.group()
        if text_before and _UNDERLINE_AFTER.match(after):  # (``… Al Asala Political Society MANAMA 00000592
            return [f"{text_before} {after}", page]  # 002 OF 004 -----``, 08MANAMA592: the title's rule, its line)
        rest = _cut_pages(after, depth + 1) if after and depth < 20 else None
        return [x for x in (text_before, page) if x] + (rest if rest else [after] if after else [])
    return None
