"""Chain ``inline.repairs`` (continued from :mod:`.inline` and :mod:`.entities`): an opening quotation
mark sent as ``&`` whose closing one came through as a straight ``"``.

``quote-marks`` reads the pair a transmission damaged both ways (``&soften-up8``). Some cables lost only
the opening mark: ``... could rely on the &strong shareholder agreement" and its arbitration ...``
(08MOSCOW2153), ``Stirrup said he was &delighted"``, ``an unannounced &technical stop"``. Read as they
stand, the ampersand stays in the reading text, a teletype residue before a word. It is corrected to
``“`` (sic/corr, certainty medium); the straight closing mark is the cable's and stays.

``straight-quote-eight`` reads the other half: a quotation opened by a straight ``"`` that the copy kept,
closed by an ``8``: ``"You can easily bribe the chief of police or a judge,8 he said`` (09KABUL3068),
``the "so-called Internet freedom8 and of hypocrisy`` (10BEIJING207). An ``8`` after a lower-case letter or
a sentence's punctuation (not a figure's decimal point: ``1.8``), before no letter or figure, with a straight
``"`` open before it (the marks and such 8s read in order, each 8 taken closing the quotation; the opening
within 300 characters, no ``&`` or other ``8`` between) is the closing mark, corrected to ``”`` (sic/corr,
certainty medium).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: an ampersand that opens a word: at the start, after white space or an opening parenthesis, before a
#: lower-case letter (``Trade & Investment``, ``R&D``, ``AT&T``, ``;&undq`` are no quotation)
#: (``(?:^|(?<=[\s(]))&``: the ampersand first, the character before it looked back at from there)
_OPEN = re.compile(r"&(?<![^\s(]&)(?=[a-z])")
#: words up to the straight closing mark after a letter or a sentence's punctuation: letters, figures,
#: spaces and a sentence's signs only (no ``&`` or ``"`` of another quotation; not a garbled line's
#: ``&undq$ )t aaain``)
_SPAN = re.compile(r"&[a-z][\w ,.'’/;:!?-]{0,200}?[A-Za-z.,!?;:]\"")
_EIGHT = re.compile(r"[A-Za-z.,!?;:)']8(?![0-9A-Za-z])")


@REPAIRS.rule(
    "amp-straight-quote",
    after="entity-quote",
    trigger=("&",),  # (one cheap test; the pattern runs only where the text holds an ampersand)
    note=note(
        "correction",
        "An opening quotation mark sent as & before a word whose closing mark is a straight quotation mark "
        "(&strong shareholder agreement\") is corrected to “ (sic/corr, certainty medium: found by its shape).",
    ),
)
def amp_straight_quote(text: str) -> Found:
    """``... rely on the &strong shareholder agreement" and ...`` (08MOSCOW2153), ``&delighted"``: an
    ampersand that opens a word in lower case (at the start, after a space or ``(``), closed within 200
    characters by a straight ``"`` after a letter or punctuation, only words and a sentence's signs between
    (no ``quote-marks``' closing ``8``): the ampersand is the opening mark (“)."""
    found: Found = []
    for match in _OPEN.finditer(text):
        span = _SPAN.match(text, match.start())
        if span is None or _EIGHT.search(span.group()):
            continue
        found.append((match.start(), match.end(), Choice("&", "\u201c", kind="corr", cert="medium", reason="quote")))
    return found


#: an 8 after a lower-case letter or a sentence's punctuation, before no letter or figure (the character
#: before it checked in Python: a look-behind would make every position a try)
_LONE_EIGHT = re.compile(r"8(?![0-9A-Za-z])")
_BEFORE_EIGHT = frozenset("abcdefghijklmnopqrstuvwxyz.,!?;:)'")
_QUOTE = re.compile('["\u201c]')  # (a straight mark opens or closes; a curly opening one opens: ``“clandestine8``)
_REACH = 300


@REPAIRS.rule(
    "straight-quote-eight",
    after="amp-straight-quote",
    trigger=('"', "\u201c"),
    note=note(
        "correction",
        'A closing quotation mark sent as 8 after a quotation opened by a straight " or a curly “ (a judge,8 he said) '
        "is corrected to ” (sic/corr, certainty medium: found by its shape).",
    ),
)
def straight_quote_eight(text: str) -> Found:
    """``"… or a judge,8 he said``, ``a much publicized “clandestine8 meeting`` (09ISLAMABAD2427): an ``8`` after
    a lower-case letter or punctuation (not ``1.8``), before no letter or figure, where a straight ``"`` (or a
    curly ``“``) is open before it (the marks read in order, each ``8``
    taken closing one; the opening within 300 characters, no ``&`` and no other ``8`` between; a doubled
    ``""``, a copy's escape, one mark: ``to ""explain8 the need``, 09BUENOSAIRES66)."""
    eights = [m.start() for m in _LONE_EIGHT.finditer(text) if text[m.start() - 1 : m.start()] in _BEFORE_EIGHT]
    if not eights:
        return []  # (most texts: no 8 after a letter or a stop)
    found: Found = []
    opened = -1  # where the quotation open now began (-1: none)
    marks = sorted(eights + [m.start() for m in _QUOTE.finditer(text)])
    for at in marks:
        if text[at] == '"':
            if text[at - 1 : at] != '"':  # (a doubled ``""``, a copy's escape, is one mark: ``""explain8``)
                opened = -1 if opened >= 0 else at
            continue
        if text[at] == "\u201c":
            opened = at
            continue
        if opened < 0 or at - opened > _REACH:
            continue  # (no quotation open, or one opened too far back)
        if text[at - 1] in ".," and text[at - 2].isdigit():
            continue  # (a figure's decimal: ``1.8``)
        if "&" in text[opened:at] or "8" in text[opened + 1 : at - 1]:
            continue
        found.append((at, at + 1, Choice("8", "\u201d", kind="corr", cert="medium", reason="quote")))
        opened = -1
    return found
