"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name in
capitals after a figure that ends the text's last line, in a text written in mixed case.

A cable whose line breaks were lost signs after whatever its last line ends with: a quoted
letter's date (09TRIPOLI632 ``… International Cooperation. July 30, 2009 CRETZ``, 10TRIPOLI167
``… Date: February 14, 2010 POLASCHIK``), a telephone number (08BUENOSAIRES62 ``Marine Post 1
(24 hrs)     5777-4873  WAYNE``), a page line run into the text (08MANAMA127 ``… MANAMA
00000127 002.2 OF 002 ERELI``). A figure ends no sentence, so ``inline-signature`` does not
read the name; ``figure-signature`` does. The figure stays with the text.
"""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
from .names import CAPS_WORD, is_name, words
from .ruler import note

#: a figure, white space, then a name in capitals of one or two words ending the line
_FIGURE_NAME = re.compile(rf"\d\s++(?P<name>{words(CAPS_WORD, 2)})\s*+\.?\s*+$")
#: the share of lower-case letters that tells a line written in mixed case
_MIXED = 0.3


@SIGNATURE.rule(
    "figure-signature",
    after="inline-signature",
    note=note(
        "normalization",
        "A signer's name in capitals after a figure that ends the text written in mixed case (a quoted letter's "
        "date, a telephone number: … July 30, 2009 CRETZ) is the signature: the figure stays with the text.",
    ),
)
def figure_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… Cooperation. July 30, 2009 CRETZ``: a name in capitals (one or two words) after a
    figure at the end of the text's last line signs, where the line before it is written in
    mixed case (in a text in capitals a word after a figure may be the text's own)."""
    if para.items:
        return None
    line = texts[-1]
    match = _FIGURE_NAME.search(line)
    if match is None or not is_name(match["name"]):
        return None
    before = line[: match.start("name")]
    letters = sum(map(str.isalpha, before))
    if not letters or sum(map(str.islower, before)) / letters < _MIXED:
        return None
    return before, line[match.start("name") :].strip()
