"""The cable's own preamble after a media partner's preview of it: a chain ``fields.other`` rule.

Some partners' pages (Nairobi's, Khartoum's, Abuja's, Ulaanbaatar's of 2009-2010) print their
database row, a preview of the cable (the routing header, TAGS, SUBJECT and the REF list's first
line, in capitals) and then the cable's own text, lower-cased but for its first letters, preamble
included: ``<<223100>>`` / … / ``SUBJECT: VISAS DONKEY: CORRUPTION 212(F) VISA DENIAL`` / ``REF:
A. 2008 STATE 81854`` / ``S e c r e t nairobi 001829`` / ``Sensitive`` / ``sipdis`` / ``Dept for
a/s carson, inl/c/cp, …`` / ``E.o. 12958: decl: 08/27/2019`` / ``Tags: cvis, …`` / ``Subject:
visas donkey: …`` / ``Ref: a. … b. … c. …`` / ``Classified By: …``. The preview's SUBJECT made the
distribution lines after the banner no preamble's (they come after a SUBJECT), so the preamble
ended there: the copy's distribution, E.O., TAGS and SUBJECT lines stood in the reading text as a
paragraph run together, its REF list as another.

``copy-distribution``: after a banner that follows the SUBJECT (the cable's own preamble begins
again after the preview), a line that starts no field, before the last E.O., TAGS or SUBJECT
line, is a distribution line, as before the first SUBJECT. The fields after it are then read as
the preamble's: ``subject-again`` and ``refs-again`` make the preview's or the copy's
repetition a wrapper, kept in the opener.
"""

from __future__ import annotations

import re

from ..banner import BANNER_LEVEL
from ..parsed import Field, Furniture, Line
from . import cuts  # noqa: F401  (preamble-copy first: lowered-preamble-copy goes after it)
from .again import AGAIN, as_wrapper, subject_words
from .blocks import CUT
from .fields import OTHER, PreambleCursor
from .ruler import note


@OTHER.rule(
    "copy-distribution",
    after="distribution",
    note=note(
        "normalization",
        "The cable's own preamble after a media partner's preview of it (its banner after the preview's SUBJECT): "
        "its distribution lines are read as the preamble's, kept in the opener, and its fields as fields, not as "
        "paragraphs of the text.",
    ),
)
def copy_distribution(cur: PreambleCursor, line: str) -> str | None:
    """A line before the horizon (the last E.O., TAGS or SUBJECT line), after a banner that
    follows a SUBJECT field and with no SUBJECT after that banner: a distribution line."""
    if cur.i >= cur.horizon or not cur.seen_subject:
        return None
    kinds = [f.kind for f in cur.fields]
    if "banner" not in kinds:
        return None
    banner = len(kinds) - 1 - kinds[::-1].index("banner")
    if "subject" not in kinds[:banner] or "subject" in kinds[banner:]:
        return None
    return "distribution"


@AGAIN.rule(
    "preview-subject-cut",
    after="refs-again",
    note=note(
        "normalization",
        "A SUBJECT line a media partner's preview cut at the end of its first line, before the cable's own "
        "preamble, where that preamble writes the SUBJECT whole, is part of the wrapper, kept in the opener; the "
        "whole SUBJECT is the cable's.",
    ),
)
def preview_subject_cut(fields: list[Field]) -> list[Field] | None:
    """The first SUBJECT field, before a banner, whose words (letters and digits, any case) a
    SUBJECT after that banner begins with and goes on: a wrapper field (the preview's, cut
    short). Two SUBJECT lines of one preamble (no banner between them) stay: the cable's own."""
    kinds = [f.kind for f in fields]
    if "subject" not in kinds or "banner" not in kinds[kinds.index("subject") :]:
        return None
    first = kinds.index("subject")
    banner = kinds.index("banner", first)
    stem = subject_words(fields[first].text)
    if len(stem) < 12:
        return None
    later = [f for f in fields[banner:] if f.kind == "subject"]
    if not any(subject_words(f.text).startswith(stem) and len(subject_words(f.text)) > len(stem) for f in later):
        return None
    out = list(fields)
    out[first] = as_wrapper(fields[first])
    return out


#: a lower-cased copy of the preamble run together on one line: the banner's level (spaced or
#: not, any case), its message reference, then the E.O. or TAGS field within 200 characters
_LOWER_REF = re.compile(r"\s*(?:section\s+\d{1,3}\s+of\s+\d{1,3}\s+)?[a-z][a-z .'-]{0,30}?\s\d{5,6}\b")
_LOWER_FIELD = re.compile(r"\be\.\s?o\.\s*1\d{4}|\btags:")
#: a numbered paragraph run on after the copy, its marking in any case (``1. (c)``)
_PARA = re.compile(r"(?<=\s)(?:¶\s*)?\d{1,3}\s?\.\s*\([A-Za-z]{1,4}(?:[/ -]+[A-Za-z]{1,8}){0,4}\)")


@CUT.rule(
    "lowered-preamble-copy",
    after="preamble-copy",
    trigger=("e.o.", "tags:"),
    note=note(
        "normalization",
        "A media partner's copy of the preamble lower-cased and run together on one line in the text (the "
        "banner, E.O., TAGS, SUBJECT and Classified By again: 'C o n f i d e n t i a l section 01 of 03 "
        "tashkent 004223 e.o. 12958: …') is a wrapper line, not text of the cable.",
    ),
)
def lowered_preamble_copy(line: str) -> list[Line] | None:
    """``C o n f i d e n t i a l section 01 of 03 tashkent 004223 e.o. 12958: decl: 11/02/10
    tags: prel, … subject: Karimov urges … classified by amb John E. Herbst, reasons: 1.5 (b,d)``:
    a line that begins with a banner (its message reference in lower case) and writes the E.O.
    or TAGS field in lower case within 200 characters of it is a wrapper line (fw
    type="wrapper"), as ``preamble-copy`` takes the copy in capitals; a numbered paragraph run
    on after it goes on as text."""
    level = BANNER_LEVEL.match(line)
    if not level or not _LOWER_REF.match(line, level.end()):
        return None
    fields = _LOWER_FIELD.search(line, level.end())
    if fields is None or fields.start() > 200:
        return None
    para = _PARA.search(line, fields.end())
    copy = line[: para.start()].rstrip() if para else line.strip()
    pieces: list[Line] = [Furniture("mark", (("wrapper", copy.strip()),))]
    if para:
        pieces.append(line[para.start() :])
    return pieces
