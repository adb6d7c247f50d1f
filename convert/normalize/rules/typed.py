"""Chain ``inline.repairs`` (continued from :mod:`.qdamage`): marks a typist set as a typewriter allowed, read as
the marks they stand for; a full stop typed twice.

A typewriter had no opening single quotation mark: some posts typed a grave accent for it and an apostrophe to
close (``Base Announcement a `Great Disappointment'``, ``a policy of `wait and see'``, 06REYKJAVIK130; 61
quotations on 18 pages). Printed as it stands, the edition showed a backtick. ``backtick-quote`` reads the grave
accent that opens a quotation (before a letter or a figure, after a space, a bracket or the line's start, and
closed by an apostrophe after a word within reach) as ‘ and its apostrophe as ’, each beside the mark typed
(sic/corr).

Some copies end a sentence with a second full stop after a space (``… the domestic political scene. .``,
06MOSCOW3335; 21 on 11 pages), which the edition printed as a stray point. ``doubled-stop`` reads the two as
one, kept beside it; not a spaced ellipsis (``. . .``), nor a stop alone on its line, which ``stop-line`` sets
apart as a separator.
"""

from __future__ import annotations

import re

from ..parsed import Choice
from . import qdamage  # noqa: F401  (acute-apostrophe, which these rules go after, registered first)
from .inline import REPAIRS, Found
from .ruler import note

#: a grave accent before a letter or a figure (what may stand before it is checked in Python)
_GRAVE = re.compile(r"`(?=[A-Za-z0-9])")
#: an apostrophe after a word's letter or a closing bracket, not before another letter (``wait and see'``,
#: ``the `Yonkeros Unidos (United Junkyard Owners of Juarez)'``, 09CIUDADJUAREZ22; not ``Iceland's``)
_CLOSING = re.compile(r"(?<=[A-Za-z0-9.,!?)])'(?![A-Za-z])")
#: how far the closing apostrophe may stand (characters; another accent before it stops the search)
_REACH = 200
#: a stop, a space, a stop before white space, not an ellipsis's third after them (what stands before: in Python)
_TWICE = re.compile(r"\. \.(?=\s|$)(?! \.)")


@REPAIRS.rule(
    "backtick-quote",
    after="acute-apostrophe",
    trigger=("`",),
    note=note(
        "correction",
        "A grave accent typed for an opening single quotation mark (a `Great Disappointment') is read as ‘, and "
        "the apostrophe that closes the quotation as ’ (sic/corr, certainty high).",
    ),
)
def backtick_quote(text: str) -> Found:
    """``Base Announcement a `Great Disappointment'`` (06REYKJAVIK130): see the module's note; not ``vis-`-vis``
    (``accent``'s), nor an accent with no apostrophe closing it within reach."""
    found: Found = []
    for match in _GRAVE.finditer(text):
        at = match.start()
        if at and not (text[at - 1].isspace() or text[at - 1] in "([\"/-\u2014"):
            continue
        closing = _CLOSING.search(text[at + 1 : at + 1 + _REACH].split("`", 1)[0])
        if closing and (not found or found[-1][1] <= at):  # (not inside the quotation found before)
            close = at + 1 + closing.start()
            found += [(at, at + 1, Choice("`", "\u2018", kind="corr", cert="high", reason="quote")),
                      (close, close + 1, Choice("'", "\u2019", kind="corr", cert="high", reason="quote"))]
    return found


@REPAIRS.rule(
    "doubled-stop",
    after="backtick-quote",
    trigger=(". .",),
    note=note(
        "correction",
        "A full stop typed twice at a sentence's end (… the domestic political scene. .) is read as one (sic/corr, "
        "certainty high).",
    ),
)
def doubled_stop(text: str) -> Found:
    """``… the domestic political scene. .`` (06MOSCOW3335): after a word's last letter or a closing bracket or
    quotation mark, before white space; not after a spaced ellipsis's stops (``. . .``), nor after a short word
    (``No. .``, a note's number left blank after its abbreviation), nor glued to what follows (``. .FARRAR``)."""
    found: Found = []
    for match in _TWICE.finditer(text):
        at = match.start()
        word = text[max(0, at - 4) : at].split()[-1:] or [""]
        if at < 2 or not (text[at - 1].isalpha() or text[at - 1] in ")\"'\u201d\u2019") or len(word[0]) < 3:
            continue  # (``word . .``, ``. . .``; ``No. .``: an abbreviation's point, a number left blank after it)
        found.append((at, match.end(), Choice(". .", ".", kind="corr", cert="high", reason="stop")))
    return found
