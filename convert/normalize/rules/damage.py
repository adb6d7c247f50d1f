"""Tests the repairs of characters damaged in transmission ask (``inline.repairs``' ``apostrophe``
and ``quote-marks``): where a comma stands for an apostrophe, where an 8 closes a quotation an
ampersand opened. Pure functions of the text; no rules of their own."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: how far an 8 after a digit may close a quotation no 8 after a letter closes (characters)
DIGIT_CLOSE_REACH = 40
#: how far a closing quotation mark the copy kept may close what an ampersand opened (characters)
CURLY_CLOSE_REACH = 200


def pronoun_i(text: str, comma: int) -> bool:
    """``I,d``, ``I,ll``, ``I,m``, ``I,ve``: the pronoun, a word of its own, before the comma."""
    return comma >= 1 and text[comma - 1] == "I" and (comma == 1 or not text[comma - 2].isalnum())


def acronym_before(text: str, comma: int) -> bool:
    """``UK,s``, ``DRC,s``, ``GESAMP-BWWG,s``: two to six capitals, a word of their own, before the
    comma; or ``AFRICOM,s``, ``GoK,s``, ``GIRoA,s``, ``HUJI-B,s``: a word of its own of two to twelve
    letters and hyphens, two of them capitals, that ends in a capital (not a ``Q`` after a small
    letter: ``CalderonQ,s`` is one apostrophe sent twice, ``q-apostrophe``'s)."""
    start = comma
    while start > 0 and text[start - 1].isupper() and comma - start < 7:
        start -= 1
    if 2 <= comma - start <= 6 and (start == 0 or not text[start - 1].isalnum()):
        return True
    start = comma
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-") and comma - start < 13:
        start -= 1
    word = text[start:comma]
    return (2 <= len(word) <= 12 and word[-1].isupper() and sum(map(str.isupper, word)) >= 2 and word[0].isalpha()
            and not (word[-1] == "Q" and word[-2].islower()) and (start == 0 or not text[start - 1].isalnum()))


#: an acronym written with its stops, a word of its own (``the U.S.,s help``, 05BUENOSAIRES138)
_DOTTED = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,4}$")
#: an acronym in brackets after the name it stands for (``Government of Brazil (GOB),s position``, 09BRASILIA28)
_BRACKETED = re.compile(r"\([A-Z]{2,8}\)$")


def comma_apostrophe(text: str, comma: int) -> bool:
    """Whether the comma at ``comma``, before ``s``, ``t``, ``ll``, ``re``, ``ve``, ``d``, ``m``
    (or ``S``, ``T``, ``LL``, ``RE``, ``VE``), is an apostrophe: after two letters, the last lower case (``Korea,s``,
    ``hasn,t``), an acronym (``UK,s``, ``U.S.,s``, ``(GOB),s``), a number (``the 1990,s``, ``the G-20,s``: a
    thousands' comma has three digits after it), the pronoun (``I,d``); before a capital, after
    two capitals (``KOREA,S``, ``WE,LL``)."""
    after = text[comma + 1 : comma + 2]
    if after.islower():
        return ((comma > 1 and text[comma - 1].islower() and text[comma - 2].isalpha())
                or (after == "s" and (acronym_before(text, comma) or text[comma - 1 : comma].isdigit()
                                      or _DOTTED.search(text, max(0, comma - 9), comma) is not None
                                      or _BRACKETED.search(text, max(0, comma - 10), comma) is not None))
                or (after in "dlmv" and pronoun_i(text, comma)))
    return comma > 1 and text[comma - 1].isupper() and text[comma - 2].isupper() and text[comma - 1].isalpha()


#: after a French or Irish elision's comma: a name or a word (``d,Ivoire``, ``d,affaires``, ``O,hUiginn``)
_ELISION_AFTER = re.compile(r"[A-Z][a-z]{2}|h[A-Z]|[aeiouh][a-z]{2}")
#: after an Arabic name's ayn or hamza sent as a comma: the name's ending (``Qa,ida``, ``Shi,a``, ``Ba,ath``)
_AYN_AFTER = re.compile(r"(?:a|ida|aida|ath|ubi|ite|ites)\b")


def elided(text: str, comma: int) -> bool:
    """``Cote d,Ivoire``, ``charge d,affaires``, ``L,Estrange``, ``O,Driscoll``: a French or Irish
    elision, the letter a word of its own, before a name or word; ``al-Qa,ida``, ``Shi,a``,
    ``Sana,a``: a short capitalised Arabic syllable (a word of its own, or after ``al-``) before a
    name's ending. The comma stands for the apostrophe."""
    if comma and text[comma - 1] in "dDlLO" and (comma == 1 or not text[comma - 2].isalpha()):
        return _ELISION_AFTER.match(text, comma + 1) is not None
    start = comma
    while start > 0 and text[start - 1].islower() and comma - start < 4:
        start -= 1
    return (1 <= comma - start <= 3 and start > 0 and text[start - 1].isupper()
            and (start == 1 or not text[start - 2].isalpha()) and _AYN_AFTER.match(text, comma + 1) is not None)


def digit_close(text: str, opened: int, eights: Sequence[re.Match[str]]) -> re.Match[str] | None:
    """The 8 after a digit that closes a quotation opened at ``opened`` where no 8 after a letter
    does: the first within :data:`DIGIT_CLOSE_REACH` characters on the opening's line (``the
    &EU-38 (UK, France and Germany)``, 09THEHAGUE338; a number quoted, ``&at least 250,0008``)."""
    line_end = text.find("\n", opened)
    near = min(opened + DIGIT_CLOSE_REACH, line_end if line_end >= 0 else len(text))
    return next((m for m in eights if m.start() < near and text[m.start() - 1].isdigit()), None)


def curly_close(text: str, opened: int, limit: int) -> bool:
    """Whether a closing quotation mark (”) the copy kept closes the quotation an ampersand opened
    at ``opened``: within :data:`CURLY_CLOSE_REACH` characters (and before ``limit``, the next
    ampersand), no opening mark (“) before it (``to ensure &completeness, objectivity and compliance
    with procedural norms.”``, 07MOSCOW1770)."""
    stretch = text[opened : min(limit, opened + CURLY_CLOSE_REACH)]
    close = stretch.find("\u201d")
    return close > 0 and "\u201c" not in stretch[:close]
