"""Where a rule's trigger strings stand in a text, found with fewer scans of it.

Each needle searched on its own is one scan of the whole text where it is absent (most are).
Needles of two characters that end in the same character (``distribution-block``'s ``0W`` …
``9W``) are found together by one pattern that begins with that character, a literal ``re``
skips to in C, and looks behind it for the first: one scan where there were as many as the
needles. A group needs three needles or more (fewer scans are cheaper on their own)."""

from __future__ import annotations

import functools
import re

#: the fewest two-character needles with one last character that are searched as one pattern
_GROUP = 3


@functools.lru_cache(maxsize=256)
def searches(needles: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[re.Pattern[str], ...]]:
    """(the needles searched one by one, in order; the patterns that each find a group of the
    others: a match ends one character after where its needle begins)."""
    firsts: dict[str, list[str]] = {}
    for needle in needles:
        if len(needle) == 2:
            firsts.setdefault(needle[1], []).append(needle[0])
    grouped = {end: chars for end, chars in firsts.items() if len(chars) >= _GROUP}
    alone = tuple(n for n in needles if not (len(n) == 2 and n[1] in grouped))
    patterns = tuple(
        re.compile(f"{re.escape(end)}(?<=[{''.join(re.escape(c) for c in chars)}]{re.escape(end)})")
        for end, chars in grouped.items()
    )
    return alone, patterns


_DIGITS = b"0123456789"


def few_digits(text: str, least: int) -> bool:
    """Whether ``text`` holds fewer than ``least`` digits, told in C for a text in ASCII (the
    digits deleted from its bytes); False for any other (``\\d`` also matches other scripts'
    digits): a pattern that needs that many digits (a page-break line's serial and page of
    pages) cannot match where this is True."""
    if not text.isascii():
        return False
    raw = text.encode("ascii")
    return len(raw) - len(raw.translate(None, _DIGITS)) < least
