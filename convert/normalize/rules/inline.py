"""Stage "inline": text inside a block: line joins, repairs that keep the original, redactions,
summary/comment/quote spans.

Chains (run by :mod:`convert.normalize.inline`):

- ``inline.joins``: the decisions taken while joining a block's lines (each at its point:
  ``space-runs`` on each line, ``hyphenation`` at a line's end, ``line-joins`` between lines).
- ``inline.repairs`` ``(text) -> [(start, end, token)]``: repairs and redactions found in a run
  of text (running text: paragraphs, items, headings); all rules run, and where two overlap
  the one that starts first wins (at the same place, the earlier rule).
- ``inline.tags`` the same, in the TAGS field.
- ``inline.spans`` ``(texts) -> bool``: start…end spans marked across paragraphs, in order.

A repair's ``trigger`` is tested against the run of text as written; a span's against the
paragraph's text lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ...textview import REDACTION
from ..parsed import Choice, Gap, Token
from ..tokens import Span, SpanText, mark_ranges
from .damage import comma_apostrophe, curly_close, digit_close, elided
from .ruler import Chain, note

Found = list[tuple[int, int, Token]]

LINES: Chain[Callable[[str], str | None]] = Chain(
    "inline.lines", "inline", "Each line of a block, before it is joined (None: left as it is)."
)
JOINS: Chain[Callable[[str, str], str | None]] = Chain(
    "inline.joins",
    "inline",
    "What joins a line to the text before it (first match; none: the line break stays). An empty "
    "join is a hyphenated word: mended (orig/reg) when the word occurs elsewhere in the cable.",
)
REPAIRS: Chain[Callable[[str], Found]] = Chain("inline.repairs", "inline", "Repairs in running text.")
TAG_REPAIRS: Chain[Callable[[str], Found]] = Chain("inline.tags", "inline", "Repairs in the TAGS field.")


# ---------------------------------------------------------------- lines and joins
@LINES.rule(
    "space-runs",
    trigger=("  ", "\u00a0"),
    note=note("normalization", "Runs of spaces and no-break spaces inside a line are one space."),
)
def space_runs(line: str) -> str | None:
    """Runs of spaces (and no-break spaces) in a line are one space; None when that changes
    nothing that stripping the line would not."""
    collapsed = " ".join(line.split())
    return collapsed if collapsed != line.strip() else None


_HYPHEN_END = re.compile(r"[^\W\d_]\.?-$")  # (a letter, or an abbreviation's stop, before the hyphen)
#: a figure's hyphen before a word (``its 60-`` / ``day deadline``, 05SANJOSE1639): a compound's, not a dash's
_FIGURE_HYPHEN = re.compile(r"\d-$")


@JOINS.rule(
    "hyphenation",
    note=note(
        "hyphenation",
        "A line that ends in a hyphen is joined to the next without a space, keeping the hyphen unless the "
        "unhyphenated word occurs elsewhere in the same cable, or the next line begins with a word's end that is "
        "no word (REVOLUTION- / ARY): then orig/reg.",
    ),
)
def hyphenation(prior: str, line: str) -> str | None:
    """A line that ends in a hyphen after a letter or an abbreviation's stop (``U.S.-`` /
    ``affiliated``), before a line that starts with a letter, or after a figure before a figure (``16-`` /
    ``20``), is joined to it without a space."""
    return "" if hyphen_joins(prior, line) else None


def hyphen_joins(prior: str, line: str) -> bool:
    """``hyphenation``'s test (also asked inline by the joiner, where both join rules are on); a range of
    figures broken after its hyphen too (``on January 16-`` / ``20,``, 06SAOPAULO73), and a letter's
    hyphen before a figure (``three USAF F-`` / ``15C fighters``, 07REYKJAVIK247; ``mid-`` / ``2009``), and a
    figure's before a word (``its 60-`` / ``day deadline``, 05SANJOSE1639)."""
    if line[:1].isdigit():
        return prior.endswith("-") and (prior[-2:-1].isdigit() or prior[-2:-1].isalpha())
    if _SUSPENDED.match(line):
        return False  # (``the faction-`` / ``and positivism-ridden aridity``, 04ANKARA7211: a suspended hyphen)
    end = prior[-3:]
    return line[:1].isalpha() and (_HYPHEN_END.search(end) is not None or _FIGURE_HYPHEN.search(end) is not None)


#: a line that goes on from a suspended hyphen (``faction-`` / ``and positivism-ridden``, ``medium-`` / ``to long
#: term``, 08MADRID794): a conjunction, then a word
_SUSPENDED = re.compile(r"(?i:and|or|nor|to)\s+\w")


@JOINS.rule("line-joins", note=note("hyphenation", "Hard line breaks inside paragraphs are joined with a space."))
def line_joins(prior: str, line: str) -> str | None:
    """A hard line break inside a block is a space."""
    return " "


# ---------------------------------------------------------------- repairs
# Each pattern starts with a literal (",", "&", "8") so the regex engine can skip to it; the
# character before it is checked in Python (a look-behind would make every position a try).
_APOSTROPHE_COMMA = re.compile(r",(?=(?:s|t|ll|re|ve|d|m)\b)|,(?=(?:[ST]|LL|RE|VE)\b(?!\.))")
_COMMA_LETTER = re.compile(r",(?=[A-Za-z])")  # (``d,Ivoire``, ``Qa,ida``: ``damage.elided``)
_AMP_OPEN = re.compile(r"&(?=[A-Za-z0-9(])")
_EIGHT_CLOSE = re.compile(r"8(?![0-9A-Za-z])")
_DAMAGED_WORDS = {"vis--vis": "vis-\u00e0-vis", "Vis--vis": "Vis-\u00e0-vis", "VIS--VIS": "VIS-A-VIS",
                  "vis-`-vis": "vis-\u00e0-vis", "Vis-`-vis": "Vis-\u00e0-vis", "vis-C -vis": "vis-\u00e0-vis"}
_DAMAGED = re.compile("|".join(re.escape(w) for w in _DAMAGED_WORDS))
_CLOSES_QUOTE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,!?;:)'")
_LINK = re.compile(r"\[([^\]\[]{1,40})\]\(#?[^)\s]*\)")


@REPAIRS.rule(
    "apostrophe",
    trigger=(",",),
    note=note(
        "correction",
        "An apostrophe sent as a comma (Korea,s, hasn,t, UK,s, GoK,s, d,Ivoire, O,Driscoll, al-Qa,ida) is an "
        "error of transmission, corrected to ’ (sic/corr, certainty high).",
    ),
)
def apostrophe(text: str) -> Found:
    """``Korea,s`` / ``hasn,t`` (lower case), ``KOREA,S`` (two capitals before), ``UK,s``
    (an acronym's possessive), ``I,d`` (the pronoun, 09DOHA728), ``d,Ivoire``, ``al-Qa,ida``
    (:func:`~convert.normalize.rules.damage.elided`): an apostrophe sent as a comma.
    Not after a letter that stands alone: ``1.4 (b,d)``, ``(a,b,c,d)`` are lists of letters."""
    found: Found = [(m.start(), m.end(), Choice(",", "\u2019", kind="corr", cert="high", reason="apostrophe"))
                    for m in _APOSTROPHE_COMMA.finditer(text) if comma_apostrophe(text, m.start())]
    for match in _COMMA_LETTER.finditer(text):
        comma = match.start()
        if elided(text, comma) and all(at != comma for at, _end, _choice in found):
            found.append((comma, comma + 1, Choice(",", "\u2019", kind="corr", cert="high", reason="apostrophe")))
    return sorted(found, key=lambda f: f[0])


@REPAIRS.rule(
    "quote-marks",
    trigger=("&",),
    note=note(
        "correction",
        "Quotation marks sent as & and 8 (&Acts of Completion8) are errors of transmission, corrected to “ "
        "and ” (sic/corr, certainty medium: the pair is found by its shape).",
    ),
)
def quote_marks(text: str) -> Found:
    """``&quoted text8``: an ampersand that opens (not after a letter or digit: R&D is not
    one), an 8 that closes after a letter or punctuation, within 400 characters; where none
    does, an 8 after a digit within 40 characters on the ampersand's line (``the &EU-38 (UK,
    France and Germany)``, 09THEHAGUE338); where none does, a closing ” the copy kept, the
    ampersand alone repaired (``&best in the world.”``, 08LONDON2964)."""
    found: Found = []
    opens = [m for m in _AMP_OPEN.finditer(text) if _opens(text, m.start())]
    for index, match in enumerate(opens):
        limit = min(len(text), match.end() + 400, opens[index + 1].start() if index + 1 < len(opens) else len(text))
        eights = list(_EIGHT_CLOSE.finditer(text, match.end(), limit))
        close = next((m for m in eights if m.start() > 0 and text[m.start() - 1] in _CLOSES_QUOTE), None)
        if close is None:  # (``&EU-38``, ``&Paris 20128``: after a digit, close by and on the same line)
            close = digit_close(text, match.end(), eights)
        opening = (match.start(), match.end(), Choice("&", "\u201c", kind="corr", cert="medium", reason="quote"))
        if close is None:  # (``&best in the world.”``: the copy kept the closing mark)
            found.extend([opening] if curly_close(text, match.end(), limit) else [])
            continue
        found.append(opening)
        found.append((close.start(), close.end(), Choice("8", "\u201d", kind="corr", cert="medium", reason="quote")))
    return found


def _opens(text: str, amp: int) -> bool:
    return amp == 0 or not (text[amp - 1].isalnum() or text[amp - 1] == "&")


@REPAIRS.rule(
    "accent",
    trigger=("--", "-`-", "-C -"),
    note=note(
        "correction",
        "An accented letter dropped to -- or -`- in transmission (vis--vis, vis-`-vis, vis-C -vis) is an error, "
        "corrected (sic/corr, certainty high).",
    ),
)
def accent(text: str) -> Found:
    """``vis--vis``, ``vis-`-vis``, ``vis-C -vis`` (the à's byte, or its two, with the high bit cleared): the à
    lost in transmission."""
    return [
        (m.start(), m.end(), Choice(m.group(), _DAMAGED_WORDS[m.group()], kind="corr", cert="high", reason="accent"))
        for m in _DAMAGED.finditer(text)
    ]


@REPAIRS.rule(
    "redaction",
    trigger=("XXXX", "xxxx"),
    note=note(
        "normalization",
        "Names and details withheld at publication by WikiLeaks and its media partners (XXXXXXXXXXXX in the "
        "source) are gap elements: who withheld them in @resp and desc, the characters as written in @rend.",
    ),
)
def redaction(text: str) -> Found:
    """``XXXXXXXXXXXX`` (a name or a detail withheld by the publisher): a gap; also where the copy
    glued it to the word before (``Ben Salem toldXXXXXXXXXXXX that …``, 08TUNIS299) or after
    (``He asserted that XXXXXXXXXXXXhusband is …``, 10CAIRO147: the word's first letter in lower case)."""
    return [(m.start(), m.end(), Gap(m.group())) for m in REDACTION.finditer(text)]


@TAG_REPAIRS.rule(
    "link-residue",
    trigger=("](",),
    note=note(
        "normalization",
        "Link residue from scraped web pages ([ETRD](#)) is regularised to the bare word, the original kept in orig.",
    ),
)
def link_residue(text: str) -> Found:
    """``[ETRD](#)`` (a scraped page's link, in the TAGS) is the bare word ETRD."""
    return [(m.start(), m.end(), Choice(m.group(), m.group(1), reason="link-residue")) for m in _LINK.finditer(text)]


_TAG_CODE = re.compile(r"(?<![A-Za-z])[A-Z]{2,4}(?![A-Za-z])")
_TAG_GLUED = re.compile(r"(?<![A-Za-z])[A-Z]{4,16}(?![A-Za-z])")


def _split_codes(word: str, codes: frozenset[str]) -> list[str] | None:
    """``VTPREL`` -> ``[VT, PREL]`` when it is codes of ``codes`` end to end (the fewest)."""
    best: list[list[str] | None] = [[]] + [None] * len(word)
    for end in range(2, len(word) + 1):
        for size in (4, 3, 2):
            prior = best[end - size] if end >= size else None
            if prior is not None and word[end - size : end] in codes:
                candidate = [*prior, word[end - size : end]]
                if best[end] is None or len(candidate) < len(best[end] or ()):
                    best[end] = candidate
    found = best[len(word)]
    return found if found is not None and len(found) > 1 else None


@TAG_REPAIRS.rule(
    "glued-tags",
    note=note(
        "normalization",
        "A TAG made of codes the same TAGS line also writes apart (VTPREL where VT and PREL stand alone: "
        "a repeated list run together) is an error of copying, corrected to those codes (sic/corr, certainty medium).",
    ),
)
def glued_tags(text: str) -> Found:
    """``TAGS PREL, PHUM, … VT, VTPREL, VTPREL``: a word that is codes of the same line run
    together (``VT`` + ``PREL``) is those codes; a glued word whose parts stand nowhere apart
    (``ETRDEINVECIN``) is ``glued-codes``'."""
    codes = frozenset(_TAG_CODE.findall(text))
    found: list[tuple[int, int, Token]] = []
    for match in _TAG_GLUED.finditer(text):
        word = match.group()
        parts = None if word in codes else _split_codes(word, codes)
        if parts:
            found.append((match.start(), match.end(), Choice(word, " ".join(parts), kind="corr", cert="medium",
                                                             reason="glued-tags")))
    return found


# ---------------------------------------------------------------- spans
SPANS: Chain[Callable[[SpanText], bool]] = Chain(
    "inline.spans", "inline", "Start…end spans across paragraphs, in order.", fold=True
)

#: ``SUMMARY:``, ``Summary.``, ``SUMMARY (U)``, and a label with no stop before a capital
#: (``1.(SBU) SUMMARY Egypt has offered …``; not a two-part label's ``SUMMARY AND …``), after a
#: stray point typed twice (``¶1.  . Summary: …``) or the number typed again (``¶1. 1. Summary and comment:``,
#: 09LAPAZ1784; ``¶1. 1. (SBU) Summary and action request``, 09STATE69224): the span needs its END SUMMARY all the same
_TYPED_BEFORE = r"(?:[.,;]\s+|\d{1,2}\.\s+(?:\([A-Z/]{1,8}\)\s*)?)?"
SUMMARY_START = re.compile(
    r"^\s*" + _TYPED_BEFORE + r"(?:\(\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT|\s*&\s*COMMENT)?"
    r"(?:\s*(?:[:.-]|$)|\)\s*+[:.-]|\s*\([A-Z/ ]{1,12}\)|\s+(?!AND\b|&)(?=(?-i:[A-Z])))",  # (``(SUMMARY):``)
    re.I,
)
#: what END closes: ``SUMMARY``, ``COMMENT AND SUMMARY``, ``SUMMARY AND COMMENT``, ``summary & comment``
_ENDED = r"(?:COMMENT\s+AND\s+)?SUMMARY(?:\s+AND\s+COMMENT|\s*&\s*COMMENT)?"
#: ``END SUMMARY.``, ``END COMMENT AND SUMMARY.``, ``END SUMMARY AND COMMENT.``
SUMMARY_END = re.compile(r"\bEND\s+(?:OF\s+)?" + _ENDED + r"\b\s*[.:]?\)?", re.I)
COMMENT_START = re.compile(r"(?:^|(?<=[\s(]))(?:BEGIN\s+)?COMMENT\s*:", re.I)
#: ``END COMMENT.``, and the end of a summary that holds a comment: ``END SUMMARY AND COMMENT.``
#: (``SUMMARY. … COMMENT: … END SUMMARY AND COMMENT.``, 09MADRID1003: no comment runs on past it)
COMMENT_END = re.compile(r"\bEND\s+(?:OF\s+)?(?:SUMMARY\s+AND\s+)?COMMENT\b\s*[.:]?", re.I)
#: a text quoted whole: a letter, a statement, the talking points or non-paper a post is to deliver, a text
#: named for what it is (``Begin releasable text.``, ``BEGIN FINAL TEXT``, ``END OF DIPNOTE TEXT``), a post's
#: translation of one (``Begin Translation:`` … ``End of translation``, 06SANJOSE606; ``Begin unofficial translation``),
#: a document named for its kind (``Begin Final Statement:`` … ``End Final Statement.``, 05BRASILIA1714; ``BEGIN
#: EMBASSY PRESS RELEASE``, ``Begin excerpts``, ``BEGIN DIPLOMATIC NOTE``; a bare ``Begin note`` is the post's own)
_QUOTED = (
    r"(?:(?:(?:FINAL|LIGHTLY\s+EDITED|RELEASABLE|PROPOSED|DRAFT|SUGGESTED|AGREED|INFORMAL|UNOFFICIAL|NOTE|DIPNOTE"
    r"|NON-?PAPER)\s+)?TEXT|QUOTE|NON-?PAPER|(?:TALKING\s+)?POINTS(?:\s*/\s*NON-?PAPER)?"
    r"|(?:(?:INFORMAL|UNOFFICIAL)\s+)?(?:EMBASSY\s+)?TRANSLATION"
    r"|(?:(?:FINAL|DRAFT|PROPOSED|AGREED|JOINT|OFFICIAL|EMBASSY)\s+){0,2}"
    r"(?:STATEMENT|LETTER|COMMUNIQU[EÉ]|DECLARATION|TRANSCRIPT|PRESS\s+RELEASE|DIPLOMATIC\s+NOTE|EXCERPTS?))"
)
QUOTE_START = re.compile(rf"\b(?:BEGIN\s+{_QUOTED}|QTE)\b\s*[:.]?", re.I)
#: (``END TEXT OF DIPLOMATIC NOTE``, 09TRIPOLI953: the kind named after the text)
QUOTE_END = re.compile(rf"\b(?:END\s+(?:OF\s+)?(?:TEXT\s+OF\s+(?:THE\s+)?)?{_QUOTED}|UNQTE|UNQUOTE)\b\s*[.:]?", re.I)

#: a summary under a two-part label: ``Summary and Introduction``, ``Summary and Action Request``,
#: ``Summary and Background``, ``Summary and Recommendation``, ``Summary/Comment`` …, and the three
#: parts of ``SUMMARY, COMMENT, AND ACTION REQUEST`` (09KUALALUMPUR1013), ``Summary, Comment and
#: Recommendation`` (09UNVIEVIENNA220)
_COMPOUND = (
    r"(?:INTRODUCTION\s*(?:AND|&|/)\s*SUMMARY|SUMMARY\s*(?:(?:AND|&)\s*(?:INTRODUCTION|KEY\s+(?:POINTS|THEMES)"
    r"|ACTION\s+REQUESTS?|BACKGROUND|RECOMMENDATIONS?|CONCLUSIONS?)|/\s*(?:INTRODUCTION|COMMENTS?|KEY\s+POINTS"
    r"|ACTION\s+REQUESTS?|BACKGROUND)"
    r"|,\s*COMMENTS?\s*,?\s*(?:AND|&)\s*(?:ACTION\s+REQUESTS?|RECOMMENDATIONS?)))"
)
#: the end of a summary: ``END SUMMARY``, or its label's own (``End summary and action request.``)
_COMPOUND_END = re.compile(r"\bEND\s+(?:OF\s+)?(?:" + _COMPOUND + "|" + _ENDED + r")\b\s*[.:]?\)?", re.I)
# triggers: lower case without i or s (see Chain); "ummary" stands for SUMMARY
# (its end may be a two-part label's: ``SUMMARY: … END SUMMARY AND ACTION REQUESTS.``, 08SANJOSE596)
_SUMMARY = Span("summary", SUMMARY_START, _COMPOUND_END, ("ummary",), ("end",), anywhere=False, through_items=True,
                end_at=("end",))
_COMMENT = Span("comment", COMMENT_START, COMMENT_END, ("comment",), ("end",), anywhere=True, restart_stops=True,
                start_at=("beg", "comment"), end_at=("end",))
#: (a quoted text may run longer than a summary: its end looked for up to 40 runs on, not 12, and not past another
#: start; 05SANJOSE2265's communique is 14 paragraphs)
_QUOTE = Span("quote", QUOTE_START, QUOTE_END, ("beg", "qte"), ("end", "unq"), anywhere=True, start_at=("beg", "qte"),
              end_at=("end", "unq"), reach=40, restart_stops=True)


@SPANS.rule("summary", trigger=_SUMMARY.start_trigger)
def summary(text: SpanText) -> bool:
    """``SUMMARY: … END SUMMARY.`` at the start of a paragraph (up to 12 paragraphs on, the end
    in a list's item too): the cable's summary (``seg type="summary"``; the first one is the
    abstract's target)."""
    return mark_ranges(text, text.main, _SUMMARY)


#: a heading that labels the summary under it (``Summary`` / ``-------``, ``SUMMARY AND ACTION REQUEST``)
SUMMARY_LABEL = re.compile(  # (its portion marking before it: ``(C) SUMMARY`` / ``---``, 09DOHA502)
    r"^\s*(?:\((?:U|SBU|C|S|TS)(?:/[A-Z]+)*\)\s*)?(?:BEGIN\s+)?(?:SUMMARY(?:\s+AND\s+(?:COMMENT|INTRODUCTION))?|"
    + _COMPOUND + r")\s*[:.]?\s*$", re.I
)
_HEADED_SUMMARY = Span("summary", re.compile(r"(?=\S)"), _COMPOUND_END, ("",), ("end",), anywhere=False,
                       through_items=True, end_at=("end",))


@SPANS.rule("summary-heading", after="summary")
def summary_heading(text: SpanText) -> bool:
    """``Summary`` / ``-------`` (a heading) / ``1. (C) … End summary.``: the summary is the
    text from the paragraph under the heading to END SUMMARY (up to 12 paragraphs on), which
    may close a list item (``-- … remains the same. END SUMMARY``, 10KABUL694)."""
    found = False
    for index in text.headed:
        if SUMMARY_START.match(text.texts[index]) or text.spanned(index):
            continue  # its own label: the summary rule's
        found = mark_ranges(text, [index], _HEADED_SUMMARY) or found
    return found


#: ``Summary and Action Request.``, ``SUMMARY AND INTRODUCTION:``: a two-part label at a paragraph's start
COMPOUND_START = re.compile(r"^\s*" + _TYPED_BEFORE + r"(?:\(\s*)?" + _COMPOUND + r"\s*(?:[:.-]|$)", re.I)
_SUMMARY_COMPOUND = Span(
    "summary",
    COMPOUND_START,
    _COMPOUND_END,
    ("ummary",),
    ("end",),
    anywhere=False,
    through_items=True,
    end_at=("end",),
)


@SPANS.rule("summary-compound", trigger=_SUMMARY_COMPOUND.start_trigger, after="summary-heading")
def summary_compound(text: SpanText) -> bool:
    """``Summary and Introduction: … End Summary.``, ``SUMMARY AND ACTION REQUEST.``,
    ``Summary/Comment:``, ``Introduction and Summary:`` at the start of a paragraph: the
    summary under a two-part label, to END SUMMARY (or the label's own end: ``End summary and
    action request.``), up to 12 paragraphs on."""
    return mark_ranges(text, text.main, _SUMMARY_COMPOUND)


@SPANS.rule("comment", trigger=_COMMENT.start_trigger)
def comment(text: SpanText) -> bool:
    """``COMMENT: … END COMMENT.`` anywhere (items too): the drafter's comment."""
    return mark_ranges(text, list(range(len(text.tokens))), _COMMENT)


@SPANS.rule("quote", trigger=_QUOTE.start_trigger)
def quote(text: SpanText) -> bool:
    """``BEGIN TEXT: … END TEXT.``, ``QTE … UNQTE``, ``Begin talking points/non-paper:`` … ``End points.``
    (what a post is to deliver, 48 of 6,850 pages), ``(Begin releasable text.)``, ``BEGIN PROPOSED TEXT:``
    (7 pages): a quoted text (``quote`` within one paragraph,
    ``seg type="quote"`` across paragraphs)."""
    return mark_ranges(text, list(range(len(text.tokens))), _QUOTE)
