"""Chain ``inline.repairs`` (continued from :mod:`.inline`): punctuation sent as ``Q``.

A character set seen in some posts' copies of 2006-2009 sent every character it did not know as
``Q``: the curly apostrophe most often (``IranQs``, ``Costa RicaQs``, ``doesnQt``, ``QWeQre``),
curly quotation marks (``QGreen BombersQ``, ``Qgo hang,Q``) and dashes (``foreign lackeys Q
including American``, ``from 1997 Q 2000``), but also accented letters (``CortQs`` for Cortés)
and, in the most damaged copies, letters of words. About 25 pages of the corpus carry it. Each
rule reads a ``Q`` by its shape only; the ``Q`` stays beside what it is read as (sic/corr,
certainty medium), so a misreading (an accent read as an apostrophe) loses nothing.

- ``q-apostrophe``: after a lower-case letter that follows another letter, before ``s``, ``t``,
  ``ll``, ``re``, ``ve``, ``d`` or ``m`` ending the word; not ``FAQs`` (a capital before it).
- ``q-quotes``: a pair in one run of text: an opening ``Q`` at a word's start before a capital
  and a lower-case letter or a lower-case letter other than ``a`` and ``u`` (``Qatar``,
  ``Qaeda``, ``Quito`` and ``QUESTION`` are words), closed within 120 characters by a ``Q`` after
  a lower-case letter or a stop, before a space, a stop or the run's end, no other ``Q`` between.
- ``q-dash``: a ``Q`` between spaces after a word of two letters or more (an acronym too: ``ACTA Q
  that``), or a number, before a lower-case letter or a digit (``–`` between numbers, ``—``
  elsewhere); not ``Q and A`` (a press conference's questions), nor a ``Q`` before a name or a
  capital, which may be a label or an initial.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

_Q_APOSTROPHE = re.compile(r"Q,?(?=(?:s|t|ll|re|ve|d|m)\b)")  # (``CalderonQ,s``: the Q and a comma, one mark)
#: a possessive's Q in a word in capitals (``AMBASSADORQS``): the word's capitals, then the Q before ``S``
_CAPS_Q = re.compile(r"(?<![A-Za-z])[A-Z]{4,}Q(?=[Ss]\b)")  # (and an acronym's possessive: ``ACTAQs``, ``GOCRQs``)
#: the Q and its comma after an acronym's capitals (``the BRVQ,s willingness``), a figure or a stop (``Palmas 26Q,s
#: attempt``, ``the U.S.Q,s own``, 06MEXICO7054), or before a word after a plural's
#: or a name's s or z (``ReyesQ, death``, ``ChavezQ, idea``, 08CARACAS283)
_Q_COMMA = re.compile(r"(?<=[A-Z]{2})Q,(?=s\b)|(?<=[0-9.])Q,(?=s\b)|(?<=[a-z][sz])Q,(?= [a-z])")
#: a plural's possessive Q before the noun it owns (``the union leadersQ complaint``, 07SANJOSE1820; ``othersQ
#: assets``): after a word of three letters or more that ends in s, before a lower-case word that is no function word
_FUNCTION = r"of|the|and|or|to|in|on|at|by|for|from|with|a|an|is|are|was|were|has|have|had|that|which|who"
_PLURAL_Q = re.compile(r"Q(?<=[a-z]{2}sQ)(?= (?!(?:" + _FUNCTION + r")\b)[a-z])")
_Q_OPEN = re.compile(r"Q(?=[A-Z][a-z]|[b-tv-z])")
_Q_CLOSE = re.compile(r"Q(?=[\s,.;:)!?]|$)")
_Q_DASH = re.compile(r"Q(?= [a-z0-9])(?! and [Aa]\b)")
_BEFORE_OPEN = frozenset(" \t\n([/\"")


def _corr(start: int, reg: str, reason: str) -> tuple[int, int, Choice]:
    return (start, start + 1, Choice("Q", reg, kind="corr", cert="medium", reason=reason))


def _corr_match(m: re.Match[str], reg: str, reason: str) -> tuple[int, int, Choice]:
    """The whole match (the Q and what came with it: ``Q,``, ``Q&``) corrected to one mark."""
    return (m.start(), m.end(), Choice(m.group(), reg, kind="corr", cert="medium", reason=reason))


@REPAIRS.rule(
    "q-apostrophe",
    after="apostrophe",
    trigger=("Q",),
    note=note(
        "correction",
        "An apostrophe sent as Q (IranQs, doesnQt, weQre; or as Q and a comma, CalderonQ,s) is an error of "
        "transmission, corrected to ’ after a "
        "lower-case letter in a possessive or a contraction, or before a possessive's S in a word in capitals "
        "(AMBASSADORQS) (sic/corr, certainty medium: the same character set sent accented letters as Q).",
    ),
)
def q_apostrophe(text: str) -> Found:
    """``IranQs`` / ``doesnQt`` / ``QWeQre`` / ``CalderonQ,s``: a ``Q`` (and a comma) after two
    letters, the last lower case, before a possessive's or a contraction's end; not ``FAQs`` nor ``lQd``.
    In a title in capitals, ``AMBASSADORQS`` (07SANJOSE1823), ``IRAQQS``, and after an acronym (``ACTAQs``,
    ``GOCRQs``: 6 pages): after four capitals or more that are no routing indicator (``RUEHQT``), before a
    possessive's ``S`` or ``s``. With its comma after an acronym
    (``BRVQ,s``) or a plural's s (``ReyesQ, death``); without it after a plural's s, before the noun it owns
    (``the union leadersQ complaint``; not ``the linesQ of``, nor a quotation's closing Q)."""
    found: Found = [
        _corr_match(m, "\u2019", "apostrophe")
        for m in _Q_APOSTROPHE.finditer(text)
        if m.start() > 1 and text[m.start() - 1].islower() and text[m.start() - 2].isalpha()
    ]
    found += [_corr(m.end() - 1, "\u2019", "apostrophe") for m in _CAPS_Q.finditer(text)
              if not m.group().startswith(("RUE", "RH"))]
    found += [_corr_match(m, "\u2019", "apostrophe") for m in _Q_COMMA.finditer(text)]
    found += [_corr(m.start(), "\u2019", "apostrophe") for m in _PLURAL_Q.finditer(text)
              if not _opened(text, m.start())]
    return sorted(found, key=lambda f: f[0])


def _opened(text: str, at: int) -> bool:
    """Whether a quotation sent as ``Q`` opens a word in the 120 characters before ``at``: the Q at ``at``
    may close it (``QtraitorsQ visit``), for ``q-quotes`` to read."""
    start = max(0, at - 120)
    return any(m.start() == 0 or text[m.start() - 1] in _BEFORE_OPEN
               for m in _Q_OPEN.finditer(text, start, at) if m.start() >= start)


@REPAIRS.rule(
    "q-quotes",
    after="q-apostrophe",
    trigger=("Q",),
    note=note(
        "correction",
        "Quotation marks sent as Q (QGreen BombersQ, Qgo hang,Q) are errors of transmission, corrected to “ and ” "
        "where an opening Q at a word's start is closed within the run (sic/corr, certainty medium: the pair is "
        "found by its shape; Qatar, Qaeda, Quito are words).",
    ),
)
def q_quotes(text: str) -> Found:
    """``QGreen BombersQ`` / ``Qtransitions,Q``: a pair of ``Q`` that open a word and close one,
    within 120 characters and with no ``Q`` between but apostrophes (``QWeQre … image.Q``)."""
    return _paired(text, _Q_OPEN, "Q", _q_closing)


def _q_closing(text: str, at: int, start: int) -> int:
    """Where the ``Q`` that closes a quotation opened at ``start`` stands, or -1."""
    stop = _next_q(text, at, start + 120)
    if stop < 0 or not _Q_CLOSE.match(text, stop) or not (text[stop - 1].islower() or text[stop - 1] in ".,!?"):
        return -1
    return stop


def _paired(text: str, opening: re.Pattern[str], mark: str, closing: Callable[[str, int, int], int]) -> Found:
    """Quotation marks sent as ``mark`` in pairs: an opening one at a word's start (after a space, a bracket or
    the run's start), and the one ``closing`` finds after it (given the text, where to look from and where the
    opening one stands; -1: none), corrected to “ and ” (sic/corr, certainty medium)."""
    found: Found = []
    at = 0
    while (found_open := opening.search(text, at)) is not None:
        start = found_open.start()
        at = start + 1
        if start and text[start - 1] not in _BEFORE_OPEN:
            continue
        stop = closing(text, at, start)
        if stop < 0:
            continue
        found += [(start, start + 1, Choice(mark, "\u201c", kind="corr", cert="medium", reason="quote")),
                  (stop, stop + 1, Choice(mark, "\u201d", kind="corr", cert="medium", reason="quote"))]
        at = stop + 1
    return found


def _next_q(text: str, at: int, limit: int) -> int:
    """Where the next ``Q`` after ``at`` and before ``limit`` stands, apostrophes passed over
    (``QWeQre not worried.Q``); -1 if there is none."""
    stop = text.find("Q", at, limit)
    while stop > 1 and _Q_APOSTROPHE.match(text, stop) and text[stop - 1].islower() and text[stop - 2].isalpha():
        stop = text.find("Q", stop + 1, limit)
    return stop


@REPAIRS.rule(
    "q-dash",
    after="q-quotes",
    trigger=(" Q ",),
    note=note(
        "correction",
        "A dash sent as Q (lackeys Q including, 1997 Q 2000) is an error of transmission, corrected to — (– between "
        "numbers) between a word (an acronym too: ACTA Q that) or a number and a lower-case word or a number; not "
        "Q and A (sic/corr, certainty medium).",
    ),
)
def q_dash(text: str) -> Found:
    """``foreign lackeys Q including`` / ``from 1997 Q 2000``: a ``Q`` alone between a lower-case
    letter or a digit (not a word of one letter: ``a Q that``) and a lower-case letter or a digit;
    after an acronym too (``concern about ACTA Q that this agreement``, 06ROME3205)."""
    found: Found = []
    for m in _Q_DASH.finditer(text):
        at = m.start()
        if at < 3 or text[at - 1] != " " or not (text[at - 2].isalpha() or text[at - 2].isdigit()):
            continue
        if not text[at - 3].isalnum():  # ``a Q that``: after a word of one letter, Q is a letter
            continue
        dash = "\u2013" if text[at - 2].isdigit() and text[at + 2].isdigit() else "\u2014"
        found.append(_corr(at, dash, "dash"))
    return found


#: quotation marks and a dash each sent as Q and a second character (``Q&American imperialism.Q8``, ``broader
#: Q) and aggressive``, 08CARACAS283): ``Q&`` opening a word (not ``Q&A``), ``Q8`` after a word or its stop, ``Q)``
#: between words
_Q_PAIRED = re.compile(r"(?:(?<=[\s(])|^)Q&(?!A\b)(?=[A-Za-z])|(?<=[a-z.,!?])Q8(?![\dA-Za-z])|(?<=[a-z] )Q\)(?= [a-z])")
_Q_PAIRED_MARK = {"&": "\u201c", "8": "\u201d", ")": "\u2014"}


@REPAIRS.rule(
    "q-paired-marks",
    after="q-dash",
    trigger=("Q&", "Q8", "Q)"),
    note=note(
        "correction",
        "Quotation marks and a dash sent as Q and a second character (Q&American imperialism.Q8, broader Q) and) "
        "are errors of transmission, corrected to “ ” and — (sic/corr, certainty medium).",
    ),
)
def q_paired_marks(text: str) -> Found:
    """``Q&Alo, PresidenteQ8`` / ``in much broader Q) and aggressive`` (08CARACAS283): the two characters
    are one mark (the Q the character set's, the other the mark's own damaged form)."""
    return [_corr_match(m, _Q_PAIRED_MARK[m.group()[1]], "dash" if m.group() == "Q)" else "quote")
            for m in _Q_PAIRED.finditer(text)]


#: words whose last letter, an e with an acute accent, the Q character set sent as ``Q``
_Q_ACCENT = re.compile(r"\b(?:communiquQ|CommuniquQ|attachQ|AttachQ)(?![A-Za-z])")


@REPAIRS.rule(
    "q-accent",
    after="q-paired-marks",
    trigger=("uQ", "hQ"),
    note=note(
        "correction",
        "An accented letter sent as Q in a word that is known (communiquQ, AttachQ) is an error of transmission, "
        "corrected to the word (sic/corr, certainty high: no English word ends so).",
    ),
)
def q_accent(text: str) -> Found:
    """``issue a communiquQ threatening …``, ``the Office of the Legal AttachQ`` (08MEXICO1487,
    08CARACAS338): ``communiqué``, ``Attaché``; the Q stays beside the letter it is read as."""
    return [(m.end() - 1, m.end(), Choice("Q", "\u00e9", kind="corr", cert="high", reason="accent"))
            for m in _Q_ACCENT.finditer(text)]


#: an apostrophe sent as ``?`` between a word's letters and a possessive's or a contraction's end; or between
#: an acronym's or a title's capitals and a possessive's ``s`` (``NGO?s``, ``AG?s``, ``COSTA RICA?S``); or after a
#: plural's ``s`` before the noun it owns, as ``_PLURAL_Q`` reads a Q (``AG members? gratitude``, 09BERLIN992)
_QUESTION_APOSTROPHE = re.compile(
    r"(?<=[a-z]{2})\?(?=(?:s|t|ll|re|ve|d|m)\b)|(?<=[A-Z]{2})\?(?=[sS]\b)|\?(?<=[a-z]{2}s\?)"
    r"(?= (?!(?:" + _FUNCTION + r"|he|she|they|we|you|it|i|asked|wondered|said)\b)[a-z])"  # (``… banks? he asked``)
)


@REPAIRS.rule(
    "question-apostrophe",
    after="q-apostrophe",
    trigger=("?",),
    note=note(
        "correction",
        "An apostrophe sent as ? inside a word (Government?s, don?t, NGO?s), or after a plural's s before the noun "
        "it owns (members? gratitude), is an error of transmission, corrected to ’ (sic/corr, certainty medium: a "
        "question mark ends a word, it does not stand inside one, nor before a word in lower case).",
    ),
)
def question_apostrophe(text: str) -> Found:
    """``the Brazilian Government?s position`` (05BRASILIA1207), ``they don?t trust`` (14 pages): a ``?``
    after two letters, the last lower case, before a possessive's or a contraction's end; after two capitals,
    before a possessive's ``s`` (``data from NGO?s``, ``the AG?s lists``, ``COSTA RICA?S 7TH ANNUAL TIP REPORT``:
    7 pages); after a plural's ``s`` before a word in lower case that is no function word (``AG members?
    gratitude``, 09BERLIN992)."""
    return [_corr_match(m, "\u2019", "apostrophe") for m in _QUESTION_APOSTROPHE.finditer(text)]


#: a quotation mark sent as ``?``: an opening one at a word's start before a letter (no question mark stands
#: there), a closing one after a word's letter, a stop, a comma or a bracket, before a space, a mark or the run's end
_QUESTION_OPEN = re.compile(r"\?(?=[A-Za-z])")
_QUESTION_CLOSE = re.compile(r"\?(?<=[A-Za-z0-9.,!)]\?)(?=[\s,.;:)]|$)")
#: how far after its opening mark a quotation's closing one is looked for (a law's article quoted whole runs to 500
#: characters: ``Article 160 which states: ?whoever pays, … eighteen years.?``, 07SANJOSE524)
_REACH = 700


@REPAIRS.rule(
    "question-quotes",
    after="question-apostrophe",
    trigger=("?",),
    note=note(
        "correction",
        "Quotation marks sent as ? (the terms ?principal components?, He said, ?Iceland currently has …?) are "
        "errors of transmission, corrected to \u201c and \u201d where a ? at a word's start is closed within the "
        "run (sic/corr, certainty medium: the pair is found by its shape; no question mark opens a word).",
    ),
)
def question_quotes(text: str) -> Found:
    """``cannot support the terms ?principal components? and ?closure elements?``, ``He said, ?Iceland currently
    has 3 to 4 billion Euro … for two years.?`` (08REYKJAVIK224; 5 pages): a ``?`` at a word's start (after a
    space, a bracket or the run's start) opens a quotation the next ``?`` closes, within 700 characters, after
    a word, a stop or a comma (an apostrophe sent as ``?`` passed over: ``Iceland?s``); a lone one stays."""
    return _paired(text, _QUESTION_OPEN, "?", _question_closing)


def _question_closing(text: str, at: int, start: int) -> int:
    """Where the ``?`` that closes a quotation opened at ``start`` stands (apostrophes passed over), or -1."""
    stop = text.find("?", at, start + _REACH)
    while stop > 0 and _QUESTION_APOSTROPHE.match(text, stop):
        stop = text.find("?", stop + 1, start + _REACH)
    return stop if stop >= 0 and _QUESTION_CLOSE.match(text, stop) else -1


#: an apostrophe typed as an acute accent (a keyboard with the accent where the apostrophe is): after a letter,
#: before a possessive's ``s`` (``government´s``, ``AIVD´s``, ``COSTA RICA´S``), or after a plural's ``s`` before a
#: space (``the Netherlands´ counter terrorism``)
_ACUTE_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u00b4(?=[sS]\b)|(?<=[a-z]s)\u00b4(?=\s)")


@REPAIRS.rule(
    "acute-apostrophe",
    after="question-quotes",
    trigger=("\u00b4",),
    note=note(
        "correction",
        "An apostrophe typed as an acute accent (government\u00b4s, the Netherlands\u00b4 policy) is corrected to "
        "\u2019 (sic/corr, certainty high: the accent stands on no letter).",
    ),
)
def acute_apostrophe(text: str) -> Found:
    """``the government\u00b4s preparations``, ``the Netherlands\u00b4 counter terrorism`` (06THEHAGUE380; 84 in 9
    pages): an acute accent after a word's letters, before a possessive's ``s`` or after a plural's ``s``, is
    the apostrophe; an accent elsewhere stays as written."""
    return [(m.start(), m.end(), Choice("\u00b4", "\u2019", kind="corr", cert="high", reason="apostrophe"))
            for m in _ACUTE_APOSTROPHE.finditer(text)]
