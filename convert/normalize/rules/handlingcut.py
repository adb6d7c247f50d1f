"""Chain ``lines.cut`` (continued from :mod:`.lines`): the SBU handling sentence run on into
the first paragraph.

Some Cairo copies of 2009 and 2010 lost the line break after the handling sentence, so that
the first paragraph runs on after it, on the SUBJECT's line (09CAIRO1046: ``SUBJECT: H1N1
OUTBREAK SHUTS DOWN AMERICAN UNIVERSITY IN CAIRO Sensitive but Unclassified. Please handle
accordingly. 1.(SBU): The Ministry of Health …``) or on a line of its own (10CAIRO84:
``Sensitive but Unclassified. Please handle accordingly. 1.(SBU) Key Points: …``). Read as
one line, the paragraph went with the handling sentence into the opener (its text out of the
reading text), or stood unnumbered with it. ``handling-sentence-runon`` makes it two lines:
the sentence (a preamble field, as where the line break was kept) and the paragraph.

The sentence on a line of its own right under the REF field (``REF: SAO PAULO 895`` /
``SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY``, 07SAOPAULO976) had gone on as the
last reference's text. ``sbu-sentence-line`` (chain ``fields.wrapped``, asked of a REF or
Classified By field's lines) sets such a line apart, a field of its own, as ``subject-runon-wrapped``
does under a SUBJECT; ``glued-sbu-sentence`` (chain ``fields.other``) makes any such piece a
handling field (the opener's ``seg type="handling"``), not a distribution line.
"""

from __future__ import annotations

import re

from ..parsed import Glued, RunOn
from .blocks import PARA_START
from .copies import WRAPPED
from .fields import OTHER, PreambleCursor
from .lines import CUT
from .ruler import note

#: the SBU handling sentence, then paragraph 1: its number and its portion marking, or the
#: marking alone (09CAIRO226's only paragraph, unnumbered: ``… Please handle accordingly. (SBU)
#: On February 8, 2009, …``, which stayed in the opener with the sentence, out of the text)
_SENTENCE_THEN_MARKED = re.compile(
    r"(?i:sensitive\s++but\s++unclassified)[.,]?\s++(?i:please\s++(?:handle|protect|treat)\s++accordingly)\."
    r"(?=\s++(?:1\s*+\.\s*+)?\(\s*+(?:SBU|U)\s*+\))"
)


@CUT.rule(
    "handling-sentence-runon",
    after="glued-page-line",
    trigger=("ccordingly", "CCORDINGLY"),
    note=note(
        "normalization",
        "The SBU handling sentence run on into the first paragraph on one line (… Please handle accordingly. "
        "1.(SBU) …: a copy that lost the line break) is two lines: the sentence, and the paragraph with its "
        "number and marking.",
    ),
)
def handling_sentence_runon(line: str) -> list[str] | None:
    """``Sensitive but Unclassified. Please handle accordingly. 1.(SBU) Key Points: …`` (also
    after the SUBJECT on its line): the handling sentence, and paragraph 1 after it (its number
    and portion marking, or the marking alone: ``… accordingly. (SBU) On February 8, …``), are
    two lines."""
    match = _SENTENCE_THEN_MARKED.search(line)
    if match is None:
        return None
    rest = line[match.end() :].lstrip()
    if PARA_START.match(rest):
        return [line[: match.end()], rest]
    if not line[: match.start()].strip():
        return None  # (the sentence opens the line: it and the marked text are a paragraph already)
    # (the marked text without its number after a field's line begins the body: no field goes on
    # into it)
    return [line[: match.end()], RunOn(rest)]


#: the SBU handling sentence opening a line (its own portion marking and ``THIS CABLE IS`` before it
#: as some posts write it)
_SBU_SENTENCE = re.compile(
    r"\s*+(?:\(U\)\s*+)?(?:THIS\s++(?:CABLE|MESSAGE|TELEGRAM)\s++IS\s++)?SENSI?TIVE\s++BUT\s++UNCLASSIFIED\b", re.I
)
#: the words that may follow it on its line: the sentence's own, nothing of the text's
_SBU_WORDS = frozenset(
    "please handle protect treat accordingly and not for internet distribution public release dissemination "
    "noforn sipdis entire text".split()
)


@WRAPPED.rule("sbu-sentence-line", after="ref-runon", trigger=("ENSITIVE", "ensitive"))
def sbu_sentence_line(line: str) -> list[str] | None:
    """``REF: SAO PAULO 895`` / ``SENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY``
    (07SAOPAULO976): a line that is the SBU handling sentence and nothing more (not ``… Please
    handle accordingly. (SBU): The Ministry of Health …``, 09CAIRO1004) is a field of its own."""
    if not _sbu_sentence(line):
        return None
    piece = Glued(line)
    piece.space_before = piece.own_line = True
    return [piece]


def _sbu_sentence(line: str) -> bool:
    match = _SBU_SENTENCE.match(line)
    return match is not None and all(w.lower() in _SBU_WORDS for w in re.findall(r"[A-Za-z]+", line[match.end() :]))


@OTHER.rule("glued-sbu-sentence", before="glued-distribution")
def glued_sbu_sentence(cur: PreambleCursor, line: str) -> str | None:
    """The SBU handling sentence set apart from a SUBJECT, REF or Classified By line
    (``sbu-sentence-line``, ``subject-runon-wrapped``, ``ref-runon``) is a handling field, not
    a distribution line; so is the sentence on a line of its own after the fields, in capitals
    from its first word (``REF: 09 ADDIS ABABA 2900`` / a page line / ``SENSITIVE BUT
    UNCLASSIFIED. NOT FOR INTERNET DISTRIBUTION.``, 10ADDISABABA247), where it stood as the
    text's first paragraph. (A sentence that says ``This cable is …`` is the text's, as written.)"""
    own = isinstance(line, Glued) or line.lstrip().startswith("SENSITIVE BUT UNCLASSIFIED")
    return "handling" if own and _sbu_sentence(line) else None
