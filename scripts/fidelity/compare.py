"""How one value is compared with another: every comparison the evaluation makes, in one place.

Written to the truth file's conventions (``tests/truth/README.md``). Every text comparison
first normalises white space (runs of white space -> one space, ends stripped) and
typographic quotes (’ ‘ ´ -> ', “ ” -> "), because the project regularises quotes in what
it shows and the truth records the text as written. Beyond that:

- **subject**: equal, case-sensitive (the truth keeps case as written and the cables do not
  vary it: a subject in other case was changed by the parser).
- **signer**: equal ignoring case and trailing punctuation (the truth keeps ``jones``,
  ``van Voorst`` as written; a parser may report the name in any case).
- **TAGS**: the codes as an ordered list, equal; person tags (``STEINBERG, JAMES B.``) and
  free-text phrases (``ITALIAN POLITICS``) are not codes: they are taken out of the parser's
  list before the codes are compared and scored apart (each must appear as one entry,
  compared ignoring case and punctuation).
- **references**: the sets of cable ids, equal.
- **classification with caveats**: the banner level equal and the caveats equal as sets.
- **id**, **origin**: equal.
- **paragraph numbers**: the lists equal (order and duplicates count); the count equal.
- **summary span**: found (both have one or both have none) and the span's first and last
  words agree: see :func:`summary_agrees`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

_QUOTES = str.maketrans({"’": "'", "‘": "'", "´": "'", "“": '"', "”": '"'})


_COMMA_APOSTROPHE = re.compile(r"(?<=[A-Za-z])[,?](?=(?:s|t|ll|re|ve|d|m)\b)", re.I)


def text(value: object) -> str:
    """White space and typographic quotes normalised, a comma or a question mark written for an
    apostrophe (``Korea,s``, ``hasn,t``, ``NUEVO LEON?S``: the normalizer regularises both) read as
    one, and a quotation mark a CSV export doubled (``""TRANSFORMATIONAL""``) read as one; None -> ''."""
    if value is None:
        return ""
    plain = " ".join(str(value).translate(_QUOTES).split()).replace('""', '"')
    return _COMMA_APOSTROPHE.sub("'", plain)


def subject_equal(truth: str | None, ours: str | None) -> bool:
    return text(truth) == text(ours)


def _name(value: str | None) -> str:
    return text(value).rstrip(".,;:!").strip().upper()


def signer_equal(truth: str | None, ours: str | None) -> bool:
    return _name(truth) == _name(ours)


def cablemap_signer(value: Sequence[str] | str | None) -> str | None:
    """cablemap gives its signer as a list of names: read it as the distinct names joined
    (``['VAN', 'VOORST']`` -> ``VAN VOORST``; ``['FRISBIE', 'FRISBIE']`` -> ``FRISBIE``)."""
    if value is None or isinstance(value, str):
        return value
    names = list(dict.fromkeys(v for v in value if v))
    return " ".join(names) or None


def _loose(value: str) -> str:
    return re.sub(r"[^A-Z0-9]+", " ", text(value).upper()).strip()


_CODE_AND_PERSON = re.compile(r"^([A-Z]{2,6})\s*\((.+)\)$")


def split_tags(entries: Iterable[str], persons: Iterable[str], phrases: Iterable[str]) -> tuple[list[str], list[str]]:
    """(codes, extras): the parser's TAGS entries with the truth's person tags and phrases
    taken out (found by loose comparison), and those extras as found. One entry that holds
    a code and its person (``OVIP (STEINBERG, JAMES B.)``) is read as both."""
    wanted = {_loose(x) for x in [*persons, *phrases]}
    codes: list[str] = []
    extras: list[str] = []
    for entry in entries:
        pair = _CODE_AND_PERSON.match(text(entry))
        if pair and _loose(pair.group(2)) in wanted:
            codes.append(pair.group(1))
            extras.append(pair.group(2))
        elif _loose(entry) in wanted:
            extras.append(entry)
        else:
            codes.append(entry)
    return codes, extras


def tags_equal(truth: Sequence[str], ours: Sequence[str]) -> bool:
    return [text(t).upper() for t in truth] == [text(t).upper() for t in ours]


def tag_extras_equal(persons: Iterable[str], phrases: Iterable[str], ours: Iterable[str]) -> bool:
    """Every truth person tag and phrase appears as one entry of the parser's list."""
    return sorted(_loose(x) for x in [*persons, *phrases]) == sorted(_loose(x) for x in ours)


def references_equal(truth: Iterable[str], ours: Iterable[str]) -> bool:
    return {text(r).upper() for r in truth} == {text(r).upper() for r in ours}


def classification_equal(
    truth_level: str | None, truth_caveats: Iterable[str], level: str | None, caveats: Iterable[str]
) -> bool:
    return text(truth_level).upper() == text(level).upper() and {text(c).upper() for c in truth_caveats} == {
        text(c).upper() for c in caveats
    }


# -- summary -------------------------------------------------------------------------------

#: words a summary's label or end marker is made of (``Summary and Comment:``, ``SUMMARY/
#: INTRODUCTION``, ``End summary and action request.``, ``Summary and Recommendation:``: every
#: two-part label the normalizer reads); the truth excludes label and marker
LABEL_WORDS = frozenset(
    "summary begin and introduction comment comments key points themes action request requests end of overview "
    "sipdis background recommendation recommendations conclusion conclusions &".split()
)  # (``&``: ``SUMMARY & COMMENT:`` … ``End summary & comment.``, 09RIYADH181)
_MARKING = re.compile(r"^\((?:U|C|S|SBU|TS|LOU)(?:[/ -][A-Z ]+)?\)[.:]?$", re.I)


def _word(token: str) -> str:
    return token.translate(_QUOTES).strip("\"'.,;:!?()[]-").lower()


def words(value: str | None) -> list[str]:
    """The span's words for comparison: split on white space and hyphens, lower case, quotes and
    punctuation stripped from each word's ends, empty words dropped. (A truth's words are the
    source's, a compound broken at a line end among them: ``Police-to-`` / ``police``; the
    parser's span joins it, ``Police-to-police``: split at the hyphens, both read alike.)"""
    return [w for w in (_word(t) for t in text(value).replace("-", " ").split()) if w]


def _is_label(word: str) -> bool:
    return all(part in LABEL_WORDS for part in word.split("/") if part)


_NUMBER = re.compile(r"^\d{1,3}[.)]$")


def _start_words(value: str) -> list[str]:
    """The words after a leading label, portion marking, paragraph number or heading rule
    (``Summary ------- 1. (C)``: the span starts at the right place; the glued rule and
    number are counted by the residue and paragraph audits, not here). Label words end the
    label at the last that carries a stop or colon (``Summary: Key human rights …`` keeps
    ``Key``); without one they are a label only if ``summary`` is among them (``SUMMARY AND
    ACTION REQUEST President …``)."""
    tokens = text(value).split()
    cut = 0  # the tokens before it are dropped
    run: list[int] = []  # a run of label words not yet dropped
    for index, token in enumerate([*tokens, "\x00"]):
        if index < len(tokens) and (_MARKING.match(token) or _NUMBER.match(token) or not _word(token)):
            cut, run = index + 1, []
        elif index < len(tokens) and _is_label(_word(token)):
            run.append(index)
            if token[-1:] in ":.-":
                cut, run = index + 1, []
        else:
            if run and any("summary" in _word(tokens[i]).split("/") for i in run):
                cut = run[-1] + 1
            break
    return words(" ".join(tokens[cut:]))


def _end_words(value: str) -> list[str]:
    """The words before a trailing end marker: from the last ``end`` whose following words
    are all label words (``End summary.``, ``END SUMMARY AND COMMENT``)."""
    mine = words(value)
    for i in range(len(mine) - 1, max(-1, len(mine) - 8), -1):
        if mine[i] == "end" and i + 1 < len(mine) and all(_is_label(w) for w in mine[i + 1 :]):
            return mine[:i]
    return mine


def summary_agrees(truth: dict[str, str] | None, ours: str | None) -> tuple[bool, bool, bool]:
    """(found, start agrees, end agrees).

    found: the truth has a summary and the parser marked one, or neither has. Start: after
    a label (``Summary:``, ``Summary and Comment:``) and a portion marking are dropped from
    the front of the parser's span, its words begin with the truth's start words. End: after
    an end marker (``End summary.``) is dropped from the back, its words end with the
    truth's end words. Words are compared by :func:`words`. With no summary on either side
    all three are true; a span where the truth has none is wrong on all three."""
    if truth is None:
        return (not ours, not ours, not ours)
    if not ours:
        return (False, False, False)
    start, end = words(truth.get("start")), words(truth.get("end"))
    head, tail = _start_words(ours), _end_words(ours)
    start_ok = bool(start) and head[: len(start)] == start
    end_ok = bool(end) and tail[-len(end) :] == end
    return (True, start_ok, end_ok)
