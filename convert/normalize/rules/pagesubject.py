"""Chain ``lines.furniture`` (continued from :mod:`.lines`): the cable's subject written again
under a page-break line.

Some drafting programs head every page after the first with the page line and the subject
(``STATE 00082013 003 OF 005`` / ``SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT) BILATERALS
WITH UK, FRANCE, AND GERMA``), often cut short mid-word. Under a page-break line the subject
again is the page's header, not the text: it goes into the page's ``fw`` beside the page
line, and a sentence cut by the page joins again around both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsed import Continued, Entry, Furniture
from . import lines  # noqa: F401  (page-break, which these rules go after, registered first)
from .lines import FURNITURE, EntryCursor
from .ruler import note

#: the label of a SUBJECT line (the cable's own, or a page header's)
_LABEL = re.compile(r"^\s*SUBJ(?:ECT)?\s*:\s*")
#: a line that ends the cable's subject (the next field, a paragraph)
_NEXT_FIELD = re.compile(r"^\s*(?:REF|Classified|CLASSIFIED|E\.\s?O\.|TAGS|¶|\d{1,3}\.|\(\w{1,4}\)|[-=_]{4})")
#: blank lines that may stand between the page line and the subject
_BLANKS = 2
#: words of the subject a page header writes at least
_WORDS = 2


#: a SUBJECT label anywhere in a line (a copy that ran the preamble's fields together)
_ANY_LABEL = re.compile(r"\bSUBJ(?:ECT)?\s*:\s*")


def _subjects(entries: Sequence[Entry]) -> list[list[str]]:
    """The words of each subject written before: from a SUBJECT label to the line's end, with
    the lines that wrap it where the label opens its line (a media preview's cut subject and
    the copy's own may both stand in a page's opening)."""
    found: list[list[str]] = []
    for k, entry in enumerate(entries):
        if not isinstance(entry, str) or "SUBJ" not in entry:
            continue
        for label in _ANY_LABEL.finditer(entry):
            words = entry[label.end() :].split()
            if label.start() == len(entry) - len(entry.lstrip()):
                for line in entries[k + 1 :]:
                    if not isinstance(line, str) or _NEXT_FIELD.match(line) or _LABEL.match(line):
                        break
                    words += line.split()
            found.append(words)
    return found


def _matched(words: Sequence[str], subject: Sequence[str]) -> int:
    """How many of ``words`` write the subject's words in order from its start; the last may be
    one cut short (``GERMA`` for ``GERMANY``: two letters or more). 0 where they go on past a
    subject a media preview cut (``Conversation with Lithuani...``): where the header ends is
    not known."""
    n = 0
    for word, expected in zip(words, subject, strict=False):
        if word == expected:
            n += 1
            continue
        if expected.endswith(("...", "…")):
            return 0
        if len(word) >= 2 and expected.startswith(word):
            n += 1
        break
    return n


def page_before(entries: Sequence[Entry], first: bool = False) -> int | None:
    """The index of a page break just before, blank lines between: after the first page (the first's own
    line too where ``first``)."""
    for k in range(len(entries) - 1, max(-1, len(entries) - 2 - _BLANKS), -1):
        entry = entries[k]
        if isinstance(entry, Furniture):
            return k if entry.kind == "page" and (first or entry.n not in (None, "1")) else None
        if entry is not None:
            return None
    return None


@FURNITURE.rule(
    "page-subject",
    after="page-break-old",
    lead="(?i)S",  # (_LABEL)
    note=note(
        "normalization",
        "The cable's subject written again under a page-break line (a drafting program's page header, often "
        "cut short) is kept with the page line in fw, out of the text flow; the text run on after it goes on.",
    ),
)
def page_subject(cur: EntryCursor, line: str, stripped: str) -> Continued | None:
    """``STATE 00082013 003 OF 005`` / ``SUBJECT: NUCLEAR NONPROLIFERATION TREATY (NPT)
    BILATERALS WITH UK, FRANCE, AND GERMA evolution of U.S. nuclear policy …`` (09STATE82013):
    a SUBJECT line under a page break after the first, blank lines between or none, that writes
    the cable's subject from its start (two words or more; its last word may be cut), is the
    page's header; the words after it are the text's."""
    label = _LABEL.match(stripped)
    at = page_before(cur.entries) if label else None
    if label is None or at is None:
        return None
    words = stripped[label.end() :].split()
    n = max((_matched(words, s) for s in _subjects(cur.entries[:at]) if len(s) >= _WORDS), default=0)
    if n < _WORDS:
        return None
    cur.page_subject = n == len(words)  # (text after it: the header has ended)
    return continued(cur.entries[at], at, stripped, len(words) - n)


@FURNITURE.rule(
    "page-subject-wrap",
    after="page-subject",
    note=note(
        "normalization",
        "A page header's subject wrapped onto a second line is kept with it in fw.",
    ),
)
def page_subject_wrap(cur: EntryCursor, line: str, stripped: str) -> Continued | None:
    """``SUBJECT: (U) SECRETARY CLINTON'S DECEMBER 14, 2009`` / ``CONVERSATION WITH SPANISH
    FOREIGN MINISTER MIGUEL ANG`` (09STATE129362): the line right under a page header's subject
    that wrote whole words of it, when the whole line goes on with the subject's words (its
    last may be cut), is the header's too; and so is the line after, where it goes on again."""
    if not cur.page_subject:  # (asked of every line: the flag first)
        return None
    cur.page_subject = False
    at = page_before(cur.entries)
    if at is None:
        return None
    last = cur.entries[at]
    assert isinstance(last, Furniture)
    labelled = [k for k, (_, text) in enumerate(last.lines) if _LABEL.match(text)]
    if not labelled:
        return None
    head = _LABEL.sub("", " ".join(text for _, text in last.lines[labelled[-1] :])).split()
    words = stripped.split()
    for subject in _subjects(cur.entries[:at]):
        # (the header wrote whole words of the subject, not all of them; the line goes on with it)
        if subject[: len(head)] == head and len(head) < len(subject):
            if _matched(words, subject[len(head) :]) == len(words):
                cur.page_subject = True  # (and the line after it may go on too)
                return continued(last, at, stripped, 0)
    return None


def continued(furniture: Entry, at: int, stripped: str, rest_words: int) -> Continued:
    """The furniture ``at`` with the line's first words added as a header line; the rest after."""
    assert isinstance(furniture, Furniture)
    cut = len(stripped)
    if rest_words:
        cut = [m.start() for m in re.finditer(r"\S+", stripped)][-rest_words]
    header, rest = stripped[:cut].rstrip(), stripped[cut:]
    return Continued(Furniture(furniture.kind, (*furniture.lines, ("header", header)), furniture.n), at, rest)
