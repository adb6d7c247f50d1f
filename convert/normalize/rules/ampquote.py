"""Chain ``inline.repairs`` (continued from :mod:`.inline` and :mod:`.entities`): an opening quotation
mark sent as ``&`` whose closing one came through as a straight ``"``.

``quote-marks`` reads the pair a transmission damaged both ways (``&soften-up8``). Some cables lost only
the opening mark: ``... could rely on the &strong shareholder agreement" and its arbitration ...``
(08MOSCOW2153), ``Stirrup said he was &delighted"``, ``an unannounced &technical stop"``. Read as they
stand, the ampersand stays in the reading text, a teletype residue before a word. It is corrected to
``“`` (sic/corr, certainty medium); the straight closing mark is the cable's and stays.
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
