"""Stage "blocks", chain ``blocks.merge`` (made in :mod:`.blocks`): a sentence a blank line cut
after a word no sentence ends with.

``paragraph-rejoin`` joins two runs when the second goes on in lower case; a cable written in
capitals never does, and a list item there was cut in two by a stray blank line: ``-- WE ALSO
UNDERSTAND … WE BELIEVE THAT ANY FUTURE GOVERNMENT SHOULD TAKE THOSE`` / blank / ``INTERESTS
INTO ACCOUNT. PAKISTAN DOES NOT WANT …`` (01STATE176819): the continuation printed as a
paragraph of its own, after the item, with the item's sentence broken off.

``function-word-rejoin``: where the first run's last line (a line of some length, not a title)
ends in an article, a preposition, a conjunction or a determiner (``THE``, ``OF``, ``AND``,
``THOSE``), which no sentence and no heading ends with, and the next run begins with a word (no
paragraph number, item label or rule) with a capital, or with a figure (``… inflation rate of`` /
blank / ``2.9 percent is …``, 08MANAMA301), the two are one run again.

``bare-number-rejoin``: a paragraph's number and portion marking alone (``1. (SBU)``), then a
blank line and text with no number of its own: the number heads that text.
"""

from __future__ import annotations

import re

from ..parsed import Furniture
from . import gaps  # noqa: F401  (wrapped-number-rejoin, which this rule goes after, registered first)
from .blocks import MERGE, PARA_START, starts_new, terminal
from .joined import INITIALS_END
from .ruler import note
from .runs import DASH_RULE, END_LABEL, TITLE_LIMIT

#: words a sentence does not end with: articles, prepositions, conjunctions, determiners
_GOES_ON = frozenset(
    "A AN THE OF TO IN ON AT BY FOR WITH FROM INTO ONTO UPON AND OR NOR BUT THAT THIS THESE THOSE "
    "ITS THEIR HIS HER OUR YOUR MY WHOSE WHICH IS ARE WAS WERE BE BEEN WILL WOULD SHOULD COULD SHALL "
    "MUST HAVE HAS HAD NOT AS THAN VERY BETWEEN AMONG DURING AGAINST TOWARD TOWARDS THROUGH WITHIN".split()
)
#: a line this long at least ends the run's text (not a short title or a name)
_LINE = 25


def _ends_in_rule(text: str) -> bool:
    """Whether a line is or ends in a rule (``----------``, ``… ONLY SOLUTION ------ -----``):
    four dashes, equals signs or underscores in the marks and spaces that end it (read as code,
    not a pattern searched for: on a long line of dashes that search is quadratic)."""
    start = len(text)
    while start and (text[start - 1] in "-=_" or text[start - 1].isspace()):
        start -= 1
    tail = text[start:]
    return "----" in tail or "====" in tail or "____" in tail


def ends_mid_sentence(line: str) -> bool:
    """Whether a line ends in a word no sentence ends with (``… SHOULD TAKE THOSE``)."""
    words = line.split()
    return len(line.strip()) > _LINE and bool(words) and words[-1].upper() in _GOES_ON


@MERGE.rule(
    "function-word-rejoin",
    after="wrapped-number-rejoin",
    note=note(
        "normalization",
        "A paragraph or list item a blank line cut after a word no sentence ends with (… SHOULD TAKE THOSE / "
        "INTERESTS INTO ACCOUNT.) is one again, where the text after the blank line begins with a capital or a "
        "figure (… inflation rate of / 2.9 percent).",
    ),
)
def function_word_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``-- … WE BELIEVE THAT ANY FUTURE GOVERNMENT SHOULD TAKE THOSE`` / (blank) /
    ``INTERESTS INTO ACCOUNT. …`` (01STATE176819): the second run goes back to the first when
    the first's last line ends in an article, a preposition, a conjunction or a determiner and
    the second begins with a capital (in lower case, ``paragraph-rejoin`` joins it) and no
    number, label or rule; not a title of one line after prose (a line that itself ends in such a
    word is no title: ``… COULD BECOME A`` / (blank) / ``VIABLE CANDIDATE … THE CONTEXT OF AN`` /
    page line / ``INTERNATIONAL CRISIS.``, 07PARIS170), nor one a rule underlines."""
    first = texts[0].lstrip() if texts else ""
    if not ((first[:1].isupper() or first[:1].isdigit()) and not starts_new(first)):
        return False  # (a figure goes on a sentence too: ``… inflation rate of`` / ``2.9 percent is …``)
    if not ends_mid_sentence(before[-1] if before else ""):
        return False
    if any(_ends_in_rule(text) for text in texts[:3]) and not _title_goes_on(before, texts):
        return False
    return not (len(texts) == 1 and not terminal(first) and not ends_mid_sentence(first) and _prose(before))


def _prose(texts: list[str]) -> bool:
    """Whether a run is prose (two lines or more, or a sentence's end inside its line), which a
    title of one line after it does not go on (``… describing his commitment to`` / ``IRAN: HALF
    AN EGG BETTER THAN A SHELL``: a damaged sentence, then a heading); a title's first line, short
    and alone, is no prose (``Environment, Nature Conservation and`` / ``Nuclear Safety: …``)."""
    return len(texts) >= 2 or any(end in texts[-1] for end in (". ", "? ", "! "))


def _title_goes_on(before: list[str], texts: list[str]) -> bool:
    """Whether a title a rule underlines goes on a run before it: a title's first line (no prose),
    where the whole, rule apart, is still one heading (``dashed-heading``: a line of the rule alone,
    under 160 characters: ``Environment, Nature Conservation and`` / ``Nuclear Safety: …`` /
    dashes). Not after prose (``… describing his commitment to`` / ``IRAN: HALF AN EGG …`` /
    dashes), nor where the whole would be no heading (a title of 175 characters; a rule on the
    title's own line): joined, the rule would stay in the text."""
    title = [x for x in before if not DASH_RULE.match(x)]
    words = title + [x for x in texts if not DASH_RULE.match(x)]
    framed = len(title) < len(before)  # a rule above: a title of its own lines (name / office)
    underlined = any(DASH_RULE.match(x) for x in texts)
    return (framed or not _prose(title)) and underlined and len(" ".join(words)) < TITLE_LIMIT


#: a line that ends in a quoted word or a bracket with no stop before it (``… a political 'black
#: hole'``, ``… told newspaper ""La Nacion""``)
#: (a bracket not one that closes a note: ``… End Note)`` ends a sentence)
_QUOTED_END = re.compile(r"(?:\w['\"”’]{1,3}|\w(?<!(?i:note))(?<!(?i:comment))[)\]])\s*$")
#: a list's label in lower case (``c. The Ministry …``, ``iii. (SBU) …``): an item of its own
_LOWER_LABEL = re.compile(r"[a-z]{1,4}[.)]\s")
#: a redaction, then the stop that ends the line
_REDACTED_STOP = re.compile(r"(?<![A-Za-z])X{4,}\.$")


@MERGE.rule(
    "quoted-end-rejoin",
    after="function-word-rejoin",
    note=note(
        "normalization",
        "A paragraph a page break or a blank line cut after a quoted word (… a political 'black hole' / that "
        "swallows …) is one paragraph again, where the text after the cut goes on in lower case.",
    ),
)
def quoted_end_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… Iran's current domestic strife is a political 'black hole'`` / page line / ``that
    swallows all other issues …`` (10RPODUBAI15), ``… Garrido told newspaper ""La Nacion""`` /
    (blank) / ``he was convinced …`` (09BUENOSAIRES534): a closing quotation mark or bracket with
    no stop before it ends no sentence (``paragraph-rejoin`` takes it as a sentence's end), when
    the next run goes on in lower case with no number or item label of its own (``c. The
    Ministry …``, 06BRASILIA1365), nor after a note's bracket (``(Note: … End Note)``)."""
    last = before[-1] if before else ""
    first = texts[0].lstrip() if texts else ""
    if not (len(last.strip()) > _LINE and first[:1].islower() and not starts_new(first)):
        return False
    return not _LOWER_LABEL.match(first) and bool(_QUOTED_END.search(last))


@MERGE.rule(
    "page-cut-rejoin",
    after="quoted-end-rejoin",
    note=note(
        "normalization",
        "A paragraph a page break cut where no sentence ends (after a short line, a semicolon, a comma or a "
        "quotation mark: … the PRC has already / likely decided / page line / that Google is …), or a blank "
        "line cut after initials (… either to U.S. / companies or …), is one paragraph again, where the text "
        "after the cut goes on in lower case.",
    ),
)
def page_cut_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… in XXXXXXXXXXXX opinion the PRC has already`` / ``likely decided`` / page line /
    ``that Google is a company …`` (10BEIJING105: a last line too short for ``paragraph-rejoin``),
    ``… lose patience;`` / page line / ``this is why …`` (09PARIS1254): across a page break, a
    run that goes on in lower case (no item label of its own) goes back to a run whose last line
    ends in no full stop, question or exclamation mark (or in a redaction's); across a blank line too where the
    line ends in initials (``… either to U.S.`` / ``companies or …``, 10BUENOSAIRES95)."""
    last = before[-1].rstrip() if before else ""
    first = texts[0].lstrip() if texts else ""
    initials = bool(INITIALS_END.search(last))  # (``… either to U.S.`` / blank / ``companies or …``)
    # a redaction's stop ends no sentence that goes on after the page (``… to be viewed XXXXXXXXXXXX.`` / page line /
    # ``currently a wave of goodwill …``, 09MADRID614: the redaction took the sentence's end and the next one's start)
    open_end = last[-1:] not in (".", "!", "?") or bool(furniture and _REDACTED_STOP.search(last))
    if not ((furniture or initials) and last and (initials or open_end) and first[:1].islower()):
        return False
    return not (starts_new(first) or _LOWER_LABEL.match(first) or DASH_RULE.match(last))


#: a run that goes on a sentence a comma left: a word with a capital, then one in lower case
#: (``Jimenez had served …``); not a resolution's clause (``Expressing again its appreciation …,``)
_GOES_ON_CAPITALISED = re.compile(r"[A-Z][a-z]+ [a-z]")


@MERGE.rule(
    "comma-rejoin",
    after="page-cut-rejoin",
    note=note(
        "normalization",
        "A paragraph a blank line cut after a comma (… Until May 2008, / Jimenez had served as …) is one "
        "paragraph again, where the text after the cut begins with a capitalised word and one in lower case.",
    ),
)
def comma_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… Until May 2008,`` / (blank) / ``Jimenez had served as the commander …`` (08MADRID1092),
    ``… At this stage,`` / (blank) / ``German officials remain opposed …`` (08BERLIN1387): a run of
    prose whose last line ends in a comma goes on in the next run when that begins with a word
    with a capital and then one in lower case, with no number, item label or rule; not a clause
    of a resolution (a word in -ing or -ed first, ``Expressing again …``, or a run ending in a
    comma itself: a series of clauses)."""
    last = before[-1].rstrip() if before else ""
    first = texts[0].lstrip() if texts else ""
    if not (len(last) > _LINE and last.endswith(",") and _prose(before) and _GOES_ON_CAPITALISED.match(first)):
        return False
    return not (starts_new(first) or first.split()[0].endswith(("ing", "ed")) or texts[-1].rstrip().endswith(","))


#: a line that ends in a law's or a decree's number sign (``… under the terms of Banking Law No.``)
_NUMBER_SIGN = re.compile(r"\b[A-Z][a-z]+\s+No\.\s*$")


@MERGE.rule(
    "number-sign-rejoin",
    after="comma-rejoin",
    note=note(
        "normalization",
        "A number at the start of a line after a blank line, without a portion marking, after a line that ends in "
        "a law's number sign (… Banking Law No. / 2.The Central Bank …), is the law's number wrapped onto the next "
        "line, not a paragraph: the text is one paragraph again.",
    ),
)
def number_sign_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``8.Libya established a Financial Information Unit (FIU) under the terms of Banking Law
    No.`` / (blank) / ``2.The Central Bank is responsible …`` (10TRIPOLI10; ``… for Law No.`` /
    ``5.The LFIB …``, 10TRIPOLI39, whose paragraph 5 follows): no sentence ends in a number sign,
    so the number that starts the next run is the law's, whatever its place in the paragraphs'
    sequence, when it carries no portion marking."""
    if not (before and before[-1].rstrip().endswith("No.")):
        return False  # (asked first: most runs end otherwise)
    found = PARA_START.match(texts[0]) if texts else None
    return bool(found and not found["marking"] and _NUMBER_SIGN.search(before[-1]))


#: a line that ends in a month's name (``… (Note: the March``), and a run that begins with a year
_MONTH_END = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?,?\s*$"
)
_YEAR_START = re.compile(r"\s*(?:19|20)\d\d\b(?![.:]\s*\()")


@MERGE.rule(
    "month-year-rejoin",
    after="number-sign-rejoin",
    note=note(
        "normalization",
        "A paragraph a blank line cut between a month and its year (… (Note: the March / 2009 strike was …) is "
        "one paragraph again.",
    ),
)
def month_year_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… could flaunt safety laws with impunity. (Note: the March`` / (blank) / ``2009 strike
    was precipitated …`` (10BOGOTA115; ``… (most recent January`` / ``2005 Andahuaylas
    uprising)``, 06LIMA158): a run of prose whose last line ends in a month's name goes on in
    the next run when that begins with a year (no paragraph's number or label)."""
    first = texts[0] if texts else ""
    if not (_YEAR_START.match(first) and before and _MONTH_END.search(before[-1]) and _prose(before)):
        return False  # (the year first: a run seldom begins with one)
    return not starts_new(first.lstrip())


#: a run that begins with a day of the month and a word, no stop after the figure (``9 Bilateral …``, not ``9.``)
_DAY_START = re.compile(r"\s*(?:[1-9]|[12]\d|3[01])(?:, (?:19|20)\d\d\b| (?=[A-Za-z]))")


@MERGE.rule(
    "month-day-rejoin",
    after="month-year-rejoin",
    note=note(
        "normalization",
        "A paragraph a blank line cut between a month and its day (… the December / 9 Bilateral Consultative "
        "Mechanism …) is one paragraph again.",
    ),
)
def month_day_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… although Brazil is still cautious, the December`` / (blank) / ``9 Bilateral Consultative
    Mechanism between USTR and MRE will explore …`` (09BRASILIA1412): a run of prose whose last line ends
    in a month's name goes on in the next run when that begins with a day's figure and a word (``9 Bilateral``,
    ``9, 2009``), no stop, bracket or portion marking after it: a paragraph's number is written ``9.``."""
    first = texts[0] if texts else ""
    if not (_DAY_START.match(first) and before and _MONTH_END.search(before[-1]) and _prose(before)):
        return False
    return not furniture and not starts_new(first.lstrip())


@MERGE.rule(
    "bare-number-rejoin",
    after="month-day-rejoin",
    note=note(
        "normalization",
        "A paragraph's number and portion marking alone on a line (1. (SBU)), the paragraph's text after a blank "
        "line with no number of its own, are one paragraph.",
    ),
)
def bare_number_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``1. (SBU)`` / (blank) / ``Summary: Ukrainian media is split on its coverage …`` (08KYIV1627,
    a media partner's copy whose SUBJECT line ran on into the number; ``3. (SBU)`` / (blank) /
    ``Text of Official Statement``, 10ABUDHABI47): a run that is only a paragraph's number
    with its portion marking goes on with the next run, when that begins with no number, item
    label or rule of its own, and is no title a rule underlines (``Begin Text of German
    Non-Paper:`` / dashes, 09BERLIN992: a heading of its own)."""
    if len(before) != 1 or not texts or starts_new(texts[0].lstrip()) or any(map(_ends_in_rule, texts[:2])):
        return False
    match = PARA_START.match(before[0])
    return bool(match and match["marking"] and not before[0][match.end() :].strip())


@MERGE.rule(
    "backward-number-rejoin",
    after="bare-number-rejoin",
    note=note(
        "normalization",
        "A number at the start of a line after a blank line, without a portion marking, lower than the number of "
        "the marked paragraph before it, whose last line ends in a word with no stop (… in Sakhalin / ¶1. "
        "Regarding gas sales …: the field Sakhalin 1), is a name's number wrapped onto the next line, not a "
        "paragraph: the text is one paragraph again.",
    ),
)
def backward_number_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``7.(SBU) … partnership with ExxonMobil in Sakhalin`` / (blank) / ``¶1. Regarding gas sales
    out of Sakhalin 1, …`` (07MOSCOW5835; 09CAIRO1618's ship ``Momtaz`` / ``¶1. He said …``): a
    run that starts with a number and no portion marking, after a paragraph with its number and
    marking whose last line ends in a word (no stop, no colon), goes back to that paragraph when
    its number is lower than the paragraph's: paragraphs do not count back, and the page anchored
    the number of a name the line's wrap cut off (``wrapped-number-rejoin`` reads the words a
    number goes on, ``of``, ``to``, ``para``; a name is none of them)."""
    found = PARA_START.match(texts[0]) if texts else None
    head = PARA_START.match(before[0]) if before else None
    if found is None or found["marking"] or head is None or not head["marking"]:
        return False
    if int(found["num"]) >= int(head["num"]) or not before[-1].rstrip()[-1:].isalnum():
        return False
    return _sentence_goes_on(" ".join((before[0][head.end() :], *before[1:])))


#: an end marker alone on its line (``END SUMMARY.``, ``End of Comment.``, ``¶END COMMENT.``)
_END_MARKER_LINE = re.compile(rf"^\s*(?:¶\s*)?{END_LABEL}\s*$")


@MERGE.rule(
    "end-marker-rejoin",
    after="backward-number-rejoin",
    note=note(
        "normalization",
        "An end marker set apart by a blank line (… as before. / END COMMENT.) closes the paragraph before it: "
        "it is that paragraph's last words again, not a paragraph of its own.",
    ),
)
def end_marker_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… his prospects for the presidency.`` / (blank) / ``END COMMENT.`` (06NAIROBI1077,
    07USNATO520's ``END SUMMARY.``): a run that is only an end marker goes back to the run of
    prose before it, whose last line ends a sentence; not to a heading or a rule (a marker
    under ``COMMENT`` / ``-------`` closes nothing there), and not ``END TEXT``, which closes a
    quoted document of several paragraphs, not the last of them."""
    if len(texts) != 1 or not before or _END_MARKER_LINE.match(texts[0]) is None:
        return False
    if "text" in texts[0].lower():
        return False  # ``END TEXT``: the quoted document's end, set apart from its last paragraph as the cable sets it
    last = before[-1].rstrip()
    return terminal(last) and not _ends_in_rule(last) and len(" ".join(before)) > TITLE_LIMIT // 2


#: where a sentence (or a title's label) ends inside a paragraph's text
_SENTENCE_END = re.compile(r"[.!?:;]\s")


def _sentence_goes_on(text: str) -> bool:
    """Whether ``text`` ends inside a sentence of prose: its last sentence has eight words or more,
    fewer than half of them capitalised (not a title: ``DELEGATION ROSTERS U.S. Delegation`` /
    ``1.Michael Stafford``, ``… Policy Outcomes Session I: Supporting economic growth and welfare``
    / ``¶1. We agreed …``, a list and a quoted document's own numbers)."""
    words = _SENTENCE_END.split(text)[-1].split()
    return len(words) >= 8 and sum(1 for w in words if w[:1].isupper()) * 2 < len(words)
