"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name in
capitals after a figure that ends the text's last line, or glued to its last full stop, in a
text written in mixed case.

A cable whose line breaks were lost signs after whatever its last line ends with: a quoted
letter's date (09TRIPOLI632 ``… International Cooperation. July 30, 2009 CRETZ``, 10TRIPOLI167
``… Date: February 14, 2010 POLASCHIK``), a telephone number (08BUENOSAIRES62 ``Marine Post 1
(24 hrs)     5777-4873  WAYNE``), a page line run into the text (08MANAMA127 ``… MANAMA
00000127 002.2 OF 002 ERELI``). A figure ends no sentence, so ``inline-signature`` does not
read the name; ``figure-signature`` does. The figure stays with the text.

A copy that lost the line break and the space before the signature glues the name to the last
sentence's full stop (09CAIRO200 ``… by February 12.SCOBEY``, 06VATICAN83 ``… at the Vatican
table.ROONEY``, 08TRIPOLI829 ``End Comment.GODFREY``): ``stop-glued-signature`` reads it, and
the signature is marked as run on (one token in the source).
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
#: a sentence's full stop (after a small letter, a figure or a closing mark), then with no space
#: a name in capitals of one or two words ending the line
_STOP_NAME = re.compile(rf"(?<=[a-z0-9)\"'’”]\.)(?P<name>{words(CAPS_WORD, 2)})\s*+$")


def _mixed(text: str) -> bool:
    """Whether ``text`` is written in mixed case (a share of its letters in lower case)."""
    letters = sum(map(str.isalpha, text))
    return bool(letters) and sum(map(str.islower, text)) / letters >= _MIXED


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
    return (before, line[match.start("name") :].strip()) if _mixed(before) else None


@SIGNATURE.rule(
    "stop-glued-signature",
    after="figure-signature",
    note=note(
        "normalization",
        "A signer's name in capitals glued to the full stop that ends the text written in mixed case (… by February "
        "12.SCOBEY: the line break and space lost) is the signature, marked rend=\"run-on\" (one token in the "
        "source); the full stop stays with the text.",
    ),
)
def stop_glued_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… at the Vatican table.ROONEY``: a name in capitals (one or two words) glued to the
    full stop that ends the text's last line signs, where the line is written in mixed case."""
    if para.items:
        return None
    line = texts[-1]
    match = _STOP_NAME.search(line)
    if match is None or not is_name(match["name"]):
        return None
    before = line[: match.start("name")]
    return (before, match["name"]) if _mixed(before) else None
