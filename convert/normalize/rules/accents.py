"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a small accented letter whose two bytes
(UTF-8) lost their high bit on the way, so that it prints as a capital ``C`` and a sign.

``é`` is written ``C3 A9``; with the top bit of each byte cleared it reads ``C)``: ``DEA Country
AttachC)`` (10ASUNCION97), ``the ChargC)``, ``BrasC-lia``, ``MarC-a``, ``CastaC1eda``, ``JerC3nimo``,
``MourC#o`` (25 pages). The second byte is the letter's last six bits, so the letter is
``U+00C0`` plus the sign's code: ``)`` é, ``-`` í, ``!`` á, ``1`` ñ, ``3`` ó, ``#`` ã, ``'`` ç, ``4`` ô.
Corrected to that letter (sic/corr, certainty medium): inside a word of at least two small letters
before the ``C`` (``GoC,``, ``CoC.``, ``DRoC's`` are acronyms: one small letter), a small letter or
the word's end after the sign; or second in a word, after its capital, with a figure or a sign no
acronym is followed by and a small letter after it (``LC3pez``, ``SC#o``, ``PC!ez``; not ``EC)proposals``,
``AnC-bal``: a bracket or a hyphen may follow an acronym). Not ``C`` and a space (``à``): a space ends
too many words for the shape to tell.
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: two small letters, the ``C``, one of the signs a lower-case letter's second byte leaves (not the space),
#: then a small letter or no letter; or a capital that begins the word, the ``C`` and a figure or a sign an
#: acronym is not followed by (not a bracket, stop, comma, apostrophe, hyphen or slash), then a small letter
#: (each alternative begins with its ``C`` and looks back from after it: ``re`` skips to a ``C``, where a pattern
#: that began with a look-behind would be tried at every position)
_DAMAGED = re.compile(r"C(?<=[a-z]{2}C)[!-?](?![A-Z])|C(?<=(?<![A-Za-z])[A-Z]C)[0-9!#$%*+:;<=>?](?=[a-z])")


@REPAIRS.rule(
    "utf8-accent",
    after="accent",
    trigger=("C",),
    note=note(
        "correction",
        "A small accented letter whose two bytes lost their high bit in transmission (AttachC), BrasC-lia) is "
        "corrected to that letter (Attaché, Brasília) (sic/corr, certainty medium: found by its shape).",
    ),
)
def utf8_accent(text: str) -> Found:
    """``AttachC)``, ``BrasC-lia``: ``C`` and a sign after two small letters are the letter
    ``U+00C0`` plus the sign's code (``)`` é, ``-`` í, ``1`` ñ); not before a capital."""
    return [(m.start(), m.end(), Choice(m.group(), chr(0xC0 + ord(m.group()[1])), kind="corr", cert="medium",
                                        reason="accent"))
            for m in _DAMAGED.finditer(text)]
