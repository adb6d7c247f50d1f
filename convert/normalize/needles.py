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


#: the UTF-8 bytes that begin a character ``\\d`` may match besides 0-9: every byte that begins
#: one but those of U+0080-U+00FF (C2, C3) and U+2000-U+2FFF (E2: the typographic quotes and
#: dashes), which hold no such digit (tests/test_needles.py)
_OTHER_DIGITS = bytes(b for b in range(0xC4, 0x100) if b != 0xE2)
#: every ASCII digit a zero, and every byte of _OTHER_DIGITS 0xFF (which UTF-8 never holds)
_AS_ZERO = bytes.maketrans(b"123456789" + _OTHER_DIGITS, b"000000000" + b"\xff" * len(_OTHER_DIGITS))


def no_page_number(text: str) -> bool:
    """Whether ``text`` cannot hold a new-style page-break line's serial and page of pages
    (``00001463 002 OF 003``: eight digits and a space, fourteen digits in all), told in C from
    its UTF-8 bytes (its digits made zeros, then searched for eight and a space, and counted);
    False where it holds a character from a script with other digits (``\\d`` matches them too):
    the patterns that need them (``PAGE_IN_LINE``) cannot match where this is True. The lines of
    text that hold an "of" (and a pilcrow or a typographic quotation mark: most are not ASCII)
    rarely hold a serial: a few passes in C, where the pattern tried each of their characters."""
    raw = text.encode("ascii") if text.isascii() else text.encode("utf-8", "surrogatepass")
    zeros = raw.translate(_AS_ZERO)
    if b"\xff" in zeros:
        return False
    return b"00000000 " not in zeros or zeros.count(48) < 14
