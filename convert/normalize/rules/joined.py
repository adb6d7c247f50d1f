"""Helpers of the block rules: what a line's end or start says about the run it is in (no rules of
their own). A sentence a page break cut though its line looks ended; the next paragraph's number
glued to its first word, as the post numbers them."""

from __future__ import annotations

import re

#: ``6.Other NGOs …``: a paragraph's number glued to its first word
_GLUED = re.compile(r"\s*(\d{1,3})\.(?=[A-Z][a-z])")


#: a paragraph number alone on its line (``¶6.``): nothing after it, no marking
NUMBER_ALONE = re.compile(r"^\s*+(?:¶\s*+)?\d{1,3}\s?\.\s*+$")


def glued_next(first: str, line: str, alone: bool = False) -> bool:
    """Whether ``line`` opens with the number after ``first``'s, each glued to its paragraph's
    first word: the post's way of numbering (``5.Diab said …`` / ``… slower.`` / ``6.Other NGOs …``,
    07ADDISABABA3407), so the number starts the next paragraph without a marking or an anchor; or,
    where ``first`` is a number alone and ``alone``, all of its run's text (a reference a page wrapped:
    ``… please see para`` / (blank) / ``¶4.`` / ``2.On September 14, …``, 09CAIRO1778), with any
    number glued to its word: ``paragraph-reference-rejoin`` sends the lone number back."""
    glued, this = _GLUED.match(first), _GLUED.match(line)
    if this and alone and NUMBER_ALONE.match(first):
        return True
    return bool(glued and this and int(this[1]) == int(glued[1]) + 1)


#: a stop in initials ends no sentence (``… appreciation for U.S.``)
INITIALS_END = re.compile(r"(?:^|[\s(])(?:[A-Z]\.){2,}\s*$")


def cut_at_page(last: str, first: str) -> bool:
    """Whether a page break cut a sentence whose line looks ended: a stop in initials before lower
    case (``for U.S.`` / page line / ``handling of …``), a comma inside a closing quotation mark
    (``… as "extreme left,"`` / page line / ``"pro-EU" and "unbiased."``, 09ANKARA1594)."""
    if INITIALS_END.search(last):
        return re.match(r"\s*[a-z]{2}", first) is not None
    return last.rstrip().endswith((',"', ",\u201d"))


#: a figure whose words go on in lower case (``300-page text that …``, ``40 percent of …``); not a year,
#: which ``month-year-rejoin`` reads after its month (``… the March`` / ``2009 strike was …``)
_FIGURE_ON = re.compile(r"\s*(?!(?:19|20)\d\d\b)\d[\d,.]*(?:-[a-z]+)?\s+[a-z]")


def goes_on(first: str) -> bool:
    """Whether a run's first line goes on a sentence: in lower case (after a quotation mark too), or a
    figure then lower case (``… De Vido gave Ambassador a bound`` / blank / ``300-page text that …``,
    08BUENOSAIRES568); not a list's letter or small roman numeral (``a. The …``, ``iv.  (U)  No``, 09PANAMA171:
    a questionnaire's short answers, each its own item)."""
    lower = first.lstrip(" \t\"\u201c")[:1].islower() or _FIGURE_ON.match(first) is not None
    return lower and not re.match(r"\s*(?:[a-z]|[ivx]{2,4})\.\s+[A-Z(]", first)
