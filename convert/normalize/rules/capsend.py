"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): a signer's name in
capitals run on after the last words of a text written in mixed case, with no full stop.

A copy that lost the line break before the signature, where the last sentence had no full stop
of its own, leaves the name at the end of the line: ``… cleared by Treasury DAS Nancy Lee
KENNY`` (04DUBLIN1719), ``… Department of State CLINTON`` (09STATE40237), ``… End Comment
MATHIEU`` (10WINDHOEK7). No sentence's end comes before the name, so ``inline-signature`` does
not read it. In the pages, every text that ends so (a word with lower-case letters, then one or
two words in capitals of four letters or more, nothing after them) ends with its signer.
"""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
from .names import CAPS_WORD, is_name

#: a word of a line; a word in capitals (a name's)
_WORD = re.compile(r"\S+")
_CAPS = re.compile(CAPS_WORD)
#: the least letters the name has (not an acronym of three: ``the IMF``)
_LETTERS = 4
#: the least share of lower-case letters in the text (a text written in mixed case)
_MIXED = 0.3


@SIGNATURE.rule("caps-name-end", after="minimize-signature")
def caps_name_end(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… has been cleared by Treasury DAS Nancy Lee KENNY``: one or two words in capitals (four
    letters or more) that end the text's last line, right after a word with lower-case letters
    and no sentence's end, in a text written in mixed case, are the signer's name. Not in a list's
    item (a list of participants, of offices)."""
    if para.items:
        return None
    line = texts[-1]
    start = _name_start(line)
    if start is None:
        return None
    name = line[start:].strip()
    if sum(map(str.isalpha, name)) < _LETTERS or not is_name(name):
        return None
    body = " ".join(texts)
    letters = sum(map(str.isalpha, body)) or 1
    if sum(map(str.islower, body)) / letters < _MIXED:
        return None
    return line[:start], name


def _name_start(line: str) -> int | None:
    """Where the one or two words in capitals that end ``line`` begin, after a word with a
    lower-case letter that ends no sentence; None if the line does not end so (words taken a
    word at a time: linear on long lines)."""
    words = list(_WORD.finditer(line))
    for k in (2, 1):
        if len(words) > k and all(_CAPS.fullmatch(w.group()) for w in words[-k:]):
            if _mixed_word(words[-k - 1].group()):
                return words[-k].start()
    return None


def _mixed_word(word: str) -> bool:
    """A word with a lower-case letter that ends no sentence (its last sign a letter or a figure)."""
    return any("a" <= c <= "z" for c in word) and word[-1].isascii() and word[-1].isalnum()
