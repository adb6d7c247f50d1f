"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a quotation sent as ``&`` … ``8``
whose ``&`` and first letters a browser read as an HTML character reference.

A browser reads ``&not``, ``&reg``, ``&micro``, ``&pound``, ``&cent`` (and the other
references HTML allows without their ``;``) as one character, so a cable's ``&not
squeamish8`` is copied from its page as ``¬ squeamish8`` and ``&regular8`` as ``®ular8``.
Where such a character opens a word and an ``8`` closes the quotation (the shape
``quote-marks`` reads), the letters and the opening quotation mark are restored; the
character as copied stays beside them (sic/corr).
"""

from __future__ import annotations

import html.entities
import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: ¶ (the page's own paragraph anchors are copied as ¶), ° (30 °C), the invisible spaces
_NOT_QUOTES = "\u00b6\u00b0\u00a0\u00ad"


def _legacy() -> dict[str, tuple[str, str]]:
    """character -> (its reference's name in lower case, in upper case where HTML has one)."""
    names: dict[str, list[str]] = {}
    for name, char in html.entities.html5.items():
        # the references a browser reads without ";": not ASCII (& < > "), not those a cable
        # writes itself (_NOT_QUOTES)
        if name.endswith(";") or len(char) != 1 or char.isascii() or char in _NOT_QUOTES:
            continue
        names.setdefault(char, []).append(name)
    out = {}
    for char, found in names.items():
        lower = next((n for n in found if n.islower()), None)
        if lower is not None:
            upper = next((n for n in found if n.isupper()), lower.upper())
            out[char] = (lower, upper)
    return out


_LEGACY = _legacy()
_OPEN = re.compile("[" + re.escape("".join(sorted(_LEGACY))) + "]")
_CLOSE = re.compile(r"8(?![0-9A-Za-z])")
_WORD_ON = re.compile(r" ?[A-Za-z]|-[A-Za-z]")
_CLOSES_QUOTE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,!?;:)'")


@REPAIRS.rule(
    "entity-quote",
    after="quote-marks",
    trigger=("8",),  # (the closing 8: one cheap test; the characters are found by one regex)
    note=note(
        "correction",
        "A quotation sent as & and 8 whose & and first letters a browser read as an HTML character reference "
        "(¬ squeamish8 for &not squeamish8, ®ular8 for &regular8) is corrected to “not squeamish” and "
        "“regular” (sic/corr, certainty medium: the quotation is found by its shape).",
    ),
)
def entity_quote(text: str) -> Found:
    """``¬ squeamish8``, ``¬e of protest,8``, ``£ing on the table8``: the character after
    a space or the start (where ``&`` opens a quotation), an ``8`` after a letter or
    punctuation closing it within 400 characters, no ``&`` or other such character between."""
    found: Found = []
    for match in _OPEN.finditer(text):
        at = match.start()
        if at > 0 and (text[at - 1].isalnum() or text[at - 1] in "&"):
            continue
        # the word goes on after the reference (¬e, ®ular, µ-trafficking) or starts after it
        # (¬ squeamish): a letter follows, at once or after one space (£ 5, 30 °C are no quotation)
        if not _WORD_ON.match(text, at + 1):
            continue
        limit = min(len(text), at + 400)
        close = next((m for m in _CLOSE.finditer(text, at + 1, limit) if _closes(text, m.start())), None)
        if close is None or "&" in text[at + 1 : close.start()] or _OPEN.search(text, at + 1, close.start()):
            continue
        lower, upper = _LEGACY[match.group()]
        after = text[at + 1 : at + 2]
        name = upper if after.isupper() else lower
        found.append((at, at + 1, Choice(match.group(), "\u201c" + name, kind="corr", cert="medium", reason="quote")))
        found.append((close.start(), close.end(), Choice("8", "\u201d", kind="corr", cert="medium", reason="quote")))
    return found


def _closes(text: str, eight: int) -> bool:
    """An ``8`` after a letter or punctuation, not a code's (G8, A8: one capital after a space)."""
    if text[eight - 1] not in _CLOSES_QUOTE:
        return False
    return not (text[eight - 1].isupper() and (eight < 2 or not text[eight - 2].isalnum()))
