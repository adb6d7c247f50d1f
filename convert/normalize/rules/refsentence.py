"""Stage "fields", continued: a REF line that runs on into the text as an unmarked sentence.

Copies that lost their line breaks write the REF field and the whole text on one line, and
some texts have neither a paragraph number nor a portion marking to show where the text
begins (08CAIRO2099: ``REF: SECSTATE 102414 We delivered points in reftel to MFA Deputy
Director …  SCOBEY``; 09CAIRO2351: ``REF: STATE 97309 Per REFTEL, the 2009-2010 International
Narcotics Control Strategy Report for Egypt, Part 1, follows below: I.``; 07BRASILIA2185:
``REF: UNVIE VIEN 641 This cable is sensitive but unclassified. …``). ``ref-body-runon``
(:mod:`.copies`) cuts where a number or a marking begins the text; ``ref-sentence-runon``
(chain ``fields.wrapped``, after it) cuts where a sentence does.
"""

from __future__ import annotations

import re

from ..parsed import RunOn
from ..refs import resolve_ref
from .copies import WRAPPED

#: after a cable's number (``SECSTATE 102414``: a station's last two capitals, a space, the
#: number) or an item's date (``GODFREY-LAWSON E-MAIL 11/21/2007``), a capitalised word that
#: begins a sentence
_SENTENCE_AFTER_NUMBER = re.compile(
    r"(?:(?<=[A-Z][A-Z]\s)\d{1,7}|(?<=\s)[01]?\d/[0-3]?\d/(?:19|20)?\d\d)\s++(?=[A-Z][a-z]++[\s,])"
)
#: a word of a sentence in lower case
_LOWER = re.compile(r"^[a-z]{2,}[,.:;]?$")
#: words a mixed-case title also writes in lower case (``Guidance for the Meeting of the Board``)
_TITLE_WORDS = frozenset(
    "a an and as at but by for from in into of on or per the to with via vs".split()
)
#: the first words of the sentence read, and how many of them must be lower-case words that
#: are not a title's
_WINDOW = 16
_SENTENCE_WORDS = 2
#: a sentence ends in the text that follows (a title in a REF item does not)
_SENTENCE_END = re.compile(r"[a-z)\]\"'][.:](?:\s|$)")


@WRAPPED.rule("ref-sentence-runon", after="ref-body-runon")
def ref_sentence_runon(line: str) -> list[str] | None:
    """``REF: SECSTATE 102414 We delivered points in reftel to MFA …``, ``REF: A) STATE 138248,
    B) GODFREY-LAWSON E-MAIL 11/21/2007 Per reftel, Post requests …`` (07TRIPOLI993): a REF line
    that runs on, after a cable's number or an item's date, into a sentence without number or
    marking (a capitalised word, then among the next words two or more in lower case that are
    not a title's function words, and a sentence end) is cut there; the piece begins the body.
    Not cut: a title of the item in mixed case (``STATE 1234 Guidance for the Meeting of the
    Board``), a next reference."""
    for match in _SENTENCE_AFTER_NUMBER.finditer(line):
        rest = line[match.end() :]
        words = rest.split()[:_WINDOW]
        lower = [w for w in words[1:] if _LOWER.match(w) and w.rstrip(",.:;") not in _TITLE_WORDS]
        if len(lower) < _SENTENCE_WORDS or not _SENTENCE_END.search(rest):
            continue
        if resolve_ref(rest, 2000)[0] is not None:
            continue
        return [line[: match.end()].rstrip(), RunOn(rest)]
    return None
