"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a dash sent as ``)``.

The character set that sent ``'`` as ``,`` (``apostrophe``) and ``“ ”`` as ``& 8``
(``quote-marks``) sent the dashes ``–`` and ``—`` as ``)``: ``… causing the PT to disintegrate )
with the radical elements …``, ``Scenario Four ) PT Splinters``, ``Minister of Justice ) Rachida
Dati``, ``on its January 10 ) 12 visit`` (05BRASILIA2149, 07PARIS2027, 06SANJOSE1; 473 in 173
pages and 8 CSV rows of the corpus). ``paren-dash`` reads such a ``)`` by its shape: a space on
each side, after a word, a number or punctuation and before a word, a number, a quotation mark or
``(``, where no parenthesis is open before it in the run of text (one that is open is closed by
it: ``(see ref A ) and``), or inside one that a later ``)`` closes (``(Deputy Prime Minister )
Kurd ) KDP)``, 07BAGHDAD63). Not after a single letter (``A. ) STATE 064404``, a list label written
apart). Between two numbers it is read as ``–`` (``5 ) 21``), elsewhere as ``—``; the ``)`` stays
beside the dash (sic/corr, certainty medium: the dash is found by its shape). Some copies sent the
dash as ``)-`` (``the group remains intact )- for now``, 05ANKARA7215; 26 pages) or ``-)`` (``It took
weeks -) even months -) before``, 06ANKARA4688; 11 pages): read alike, also after a bracket closed
(``… (47 percent of overall visits) )- increased``, 09SANJOSE917).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

_PAREN = re.compile(r"[()]")
#: what may stand before the space before the dash (a word's or a number's end, punctuation)
_BEFORE = re.compile(r"[A-Za-z0-9.,;:'\"%\u2019\u201d]")
#: the same before a dash sent as two characters, and a bracket closed
_BEFORE_PAIR = re.compile(r"[A-Za-z0-9.,;:'\"%\u2019\u201d)]")
#: what may stand after the space after it (a word or a number, a quotation, a parenthesis)
_AFTER = re.compile(r"[A-Za-z0-9\"'(\u201c\u2018]")
_LONE_LETTER = re.compile(r"(?:^|\s)[A-Za-z]\.?$")


def _dash_span(text: str, at: int) -> tuple[int, int] | None:
    """Where the dash sent at the ``)`` at ``at`` begins and ends (``)``, ``)-`` or ``-)``), when it
    stands between spaces, after a word, number or punctuation that is not a lone letter (the two
    characters' forms also after a bracket closed: ``(47 percent of visits) )- increased``), before a
    word, number, quotation or parenthesis; None when the ``)`` at ``at`` is no dash."""
    start, end = at, at + 1
    if text.startswith(")- ", at):
        end = at + 2
    elif text.startswith(" -) ", at - 2):
        start = at - 1
    before = _BEFORE_PAIR if end - start == 2 else _BEFORE
    shaped = (
        start >= 2
        and text[start - 1] == " "
        and text[end : end + 1] == " "
        and bool(before.match(text, start - 2))
        and bool(_AFTER.match(text, end + 1))
        and not _LONE_LETTER.search(text[max(0, start - 5) : start - 1])
    )
    return (start, end) if shaped else None


@REPAIRS.rule(
    "paren-dash",
    after="accent",
    trigger=(" ) ", " )- ", " -) "),
    note=note(
        "correction",
        "A dash sent as ) (disintegrate ) with the radical elements, January 10 ) 12) is an error of "
        "transmission (sent as )- or -) by some copies), corrected to — (– between numbers) where no parenthesis "
        "is open before it (sic/corr, certainty medium: the dash is found by its shape).",
    ),
)
def paren_dash(text: str) -> Found:
    """``… disintegrate ) with …``: a ``)`` between spaces where no ``(`` is open before it in
    the run (an open one it closes); ``–`` between numbers, ``—`` elsewhere."""
    found: Found = []
    depth = 0
    parens = list(_PAREN.finditer(text))
    for index, match in enumerate(parens):
        at = match.start()
        if match.group() == "(":
            depth += 1
            continue
        span = _dash_span(text, at)
        # inside parentheses, a dash is followed by the ``)`` that closes them, not by a ``(``
        if span and (not depth or (index + 1 < len(parens) and parens[index + 1].group() == ")")):
            start, end = span
            dash = "\u2013" if text[start - 2].isdigit() and text[end + 1].isdigit() else "\u2014"
            found.append((start, end, Choice(text[start:end], dash, kind="corr", cert="medium", reason="dash")))
        elif depth:
            depth -= 1
    return found


#: an asterisk between two words, no space on either side (``illicit activity*sometimes from``; ``… process*Spain,
#: France …``: a name after it), or a space on each side before a word in lower case (``not what happened * it was``)
_STAR = re.compile(r"\*(?:(?<=[a-z]\*)(?=[a-z]|[A-Z][a-z])|(?<=[A-Za-z0-9,] \*)(?= [a-z]))")


@REPAIRS.rule(
    "star-dash",
    after="paren-dash",
    trigger=("*",),
    note=note(
        "correction",
        "A dash sent as * between two words (illicit activity*sometimes from former leaders themselves*but; what "
        "happened * it was) is an error of transmission, corrected to — (sic/corr, certainty medium: the dash is "
        "found by its shape).",
    ),
)
def star_dash(text: str) -> Found:
    """``… reports of illicit activity*sometimes from former paramilitary leaders themselves*but …``
    (06BOGOTA2291, 18 pages): a ``*`` glued between two words, the first in lower case, is the dash the same
    character set sent as ``)`` elsewhere; so is one set between spaces before a word in lower case (``what
    happened * it was a lunch``, 06LIMA2017; 7 pages); not a footnote's star (a stop after it, or a space and
    no word in lower case), nor a bullet (the line's first mark)."""
    return [(m.start(), m.end(), Choice("*", "\u2014", kind="corr", cert="medium", reason="dash"))
            for m in _STAR.finditer(text)]
