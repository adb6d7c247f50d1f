"""A body that a copy ran into one line (line breaks lost): where the Classified By line ends
and the body begins.

Some cablegate pages (Embassy Cairo, Tripoli, London and Manama, 2008-2009) give the whole
text after the REF field as one line: ``REF: TRIPOLI 401  CLASSIFIED BY: Chris Stevens, CDA …
REASON: 1.4 (b) 1. (C) Summary: … End summary. 2. (C) Following an earlier …``. Read as it
stands, the Classified By field held the whole body, and a reader saw no text at all.

``classified-by-runon`` (chain ``fields.wrapped``) cuts the Classified By line after its reasons
where the first paragraph begins; the rest begins the body, whose paragraphs the pass
``run-on-paragraphs`` (:mod:`.runonparas`) has already cut apart in the lines.

Chain ``fields.dangling`` ``(last_line, next_line) -> (field_part, number) | None``, run once on
the Classified By (or REF) field's last line and the body's first text line (first match): the first
paragraph's number and marking left at the end of the field (``… 1.4 (B) & (D). 1. (C)`` / blank /
``Summary: As Prime Minister …``; ``REF: STATE 90254 (SBU)`` / blank / ``Pol/Econ Chief …``) go to the
paragraph they begin.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..parsed import Furniture, RunOn
from .blocks import PARA_START
from .copies import WRAPPED
from .lines import new_page
from .ruler import Chain, note

DANGLING: Chain[Callable[[str, str], tuple[str, str] | None]] = Chain(
    "fields.dangling",
    "fields",
    "The Classified By (or REF) field's last line and the body's first line: the first paragraph's number or "
    "marking left at the field's end (first match).",
)

PAGE_ENDS: Chain[Callable[[str, Furniture], bool]] = Chain(
    "fields.page-ends",
    "fields",
    "Does a page break end the field before it, the text after the break the body's? (first match)",
)

# ---------------------------------------------------------------- the Classified By line
#: a reason's letters: ``(b)``, ``(b,d)``, ``(b/d )``, ``(B AND D)``, ``b``
_LETTERS = r"(?:\(\s*[a-hA-H](?:\s*(?:,|/|&amp;|&|and|AND)\s*[a-hA-H])*\s*\)|\b[a-hA-H]\b)"
#: the reasons that end a Classified By line: ``1.4 (b) and (d).``, ``1.4 (b), (c), (d)``,
#: ``1. 4 (b,d)``, ``1.4 b, d``, ``1.4(b)(d)``; a group after the first is joined by a comma,
#: ``and``, ``&`` or ``/``, or set right after the one before, or after a space when it is a
#: bracketed letter no portion marking spells (``1.4 (b) (d) 1. (C)``, 08BAKU761; not ``(C)`` or
#: ``(S)`` after a space: ``1.4 (b) and (d) (C) HMG is aware …``)
REASONS = re.compile(
    rf"\b1\s?\.\s?[45]\s*{_LETTERS}"
    rf"(?:(?:\s*(?:,|and|AND|&amp;|&|/)\s*|(?<=\))|\s+(?=\(\s*(?:[a-h]|[ABDEFGH])\s*\)))(?:{_LETTERS}))*(?:\s*\.)?"
)
#: what begins the body right after them: paragraph 1 (``1. (C)``, ``1.(C)``, ``1, (C)``,
#: ``1.KEY POINTS``), a portion marking before a sentence, or a bullet with its marking
_STARTS = (
    r"(?:¶\s*)?1\s*[.,]\s*(?:\(|[A-Z])"
    r"|\((?:U|SBU|C|S|TS|LOU)(?:\s*/\s*[A-Z]+)*\)\s+[A-Z\"]"
    r"|--\s*\((?:U|SBU|C|S|TS|LOU)(?:\s*/\s*[A-Z]+)*\)"
)
_BODY_START = re.compile(rf"\s+(?={_STARTS})")
#: … or a notice of one sentence first, after the two spaces of a lost line break (``1.4 B & D  Action
#: Request in Paragraphs 4 and 10.  1. (C) SUMMARY: …``, 09LONDON2479)
_NOTICE = re.compile(rf"\s{{2,}}(?P<notice>[A-Z][^.:\n]{{5,120}}\.)\s+(?={_STARTS})")
#: … or at the start of the field's next line (``… (d).`` / ``1.KEY POINTS -- (C) On May 18 …``)
_LINE_START = re.compile(rf"\s*(?={_STARTS})")
#: words the body's first piece must hold for the cut (a line of text, not a stray mark)
_BODY_WORDS = 6


@WRAPPED.rule(
    "classified-by-runon",
    after="ref-runon",
    trigger=("1.", "1,", "("),
    note=note(
        "normalization",
        "A Classified By line that runs on, after its reasons, into the body's first paragraph (a copy that "
        "lost the line breaks of its body) is cut there: the paragraph begins the text.",
    ),
)
def classified_by_runon(line: str) -> list[str] | None:
    """``CLASSIFIED BY: Chris Stevens, CDA … REASON: 1.4 (b) 1. (C) Summary: An Embassy
    officer …``: the line is cut after the reasons, where paragraph 1, a portion marking before a
    sentence or a marked bullet begins the body (six words or more), or a notice of one sentence before
    it (``… 1.4 B & D  Action Request in Paragraphs 4 and 10.  1. (C) SUMMARY: …``, 09LONDON2479), or prose
    (``… (d) Mr. President, it's an honor to welcome you …``, 09VATICAN78), or a notice of an action request
    to the line's end (``… 1.4 B & D  This message contains Action Requests. Please see paragraphs 3, 11, 13
    and 14.``, 09LONDON118); the piece begins the body.
    So does a next line of the field that begins so (``1.KEY POINTS -- (C) On May 18 …``)."""
    if _LINE_START.match(line):  # (a numbered paragraph's line never gets here: it ends the field)
        return [RunOn(line)] if len(line.split()) >= _BODY_WORDS else None
    for reasons in REASONS.finditer(line):
        start = _BODY_START.match(line, reasons.end()) or _NOTICE.match(line, reasons.end())
        if start is None:
            rest = line[reasons.end() :].strip()
            if _prose(rest) or _action_request(rest):  # (``… 1.4 (b), (d) Mr. President, it's an honor …``)
                return [line[: reasons.end()], RunOn(rest)]
            continue
        rest = line[start.end() :]
        if len(rest.split()) < _BODY_WORDS:
            return None
        notice = start.groupdict().get("notice")
        told = [RunOn(notice)] if notice else []  # (the notice a line of its own, paragraph 1 the next)
        return [line[: reasons.end()], *told, RunOn(rest)]
    return None


#: a notice that the cable asks for action, after the reasons to the line's end: ``This message contains Action
#: Requests. Please see paragraphs 3, 11, 13 and 14.`` (09LONDON118), ``ACTION REQUEST. PLEASE SEE PARAGRAPH 6``
_ACTION = re.compile(r"(?i)\baction\s+requests?\b")


def _action_request(rest: str) -> bool:
    """Whether what follows the reasons on their line is a notice of an action request (the words in its first
    60 characters, a capital first, 200 characters at most): the text's, not the classification authority's."""
    return 0 < len(rest) <= 200 and rest[:1].isupper() and _ACTION.search(rest, 0, 60) is not None


#: prose: this many words at least, half of them in lower case
_PROSE_WORDS = 8


def _prose(rest: str) -> bool:
    """Whether what follows the reasons on their line is the text's first sentences: a capital first, eight
    words or more, half of them in lower case, a stop last, no label in its first words (``Derived from: …``)."""
    text = rest.strip()
    words = text.split()
    if len(words) < _PROSE_WORDS or not text[:1].isupper() or ":" in text[:30]:
        return False
    return 2 * sum(w[:1].islower() for w in words) >= len(words) and text[-1] in ".!?\"”"


#: a heading typed at the end of the line, after the reasons: ``… REASON: 1.4(B), (D) SUMMARY``,
#: ``… (d) Background:`` (one with its dashed rule on the line, ``… 1.4 b and d Summary -------``, is
#: ``field-rule-runon``'s), its portion marking before it or not (``(S//NF) Summary``, 10ABUDHABI9)
_HEADING_AFTER = re.compile(
    r"\s++(?P<heading>(?:\((?:U|SBU|C|S|TS)(?:/{1,2}[A-Z]++)*\)\s*+)?(?:SUMMARY(?:\s+AND\s+(?:COMMENT|INTRODUCTION|ACTION\s+REQUESTS?))?|INTRODUCTION(?:\s+AND\s+SUMMARY)?"
    r"|BACKGROUND|OVERVIEW|KEY\s+POINTS)\s*+[:.]?)\s*+$",
    re.I,
)


@WRAPPED.rule(
    "classified-by-heading",
    after="classified-by-runon",
    trigger=("ummary", "UMMARY", "ntroduction", "NTRODUCTION", "ackground", "ACKGROUND", "verview", "VERVIEW",
             "oints", "OINTS"),
    note=note(
        "normalization",
        "A Classified By line that ends, after its reasons, with the heading of the first paragraph (… REASON: "
        "1.4(B), (D) SUMMARY) is cut there: the heading stands above the text, as the copy's line break had it.",
    ),
)
def classified_by_heading(line: str) -> list[str] | None:
    """``CLASSIFIED BY: Lisa Kubiske, Charge d'Affaires; REASON: 1.4(B), (D) SUMMARY``
    (09RIODEJANEIRO363, 09PESHAWAR2, 09VATICAN113): the heading that a copy joined to the end of
    the line, right after the reasons, is cut off and begins the body, where the paragraph under
    it is read as a headed one (a summary to its END SUMMARY); so is such a heading alone on the field's next
    line (``Classified By: Ambassador Rosemary DiCarlo for reasons 1.4 (d)`` / ``SUMMARY AND INTRODUCTION``,
    09USUNNEWYORK1141). Only a heading alone after the reasons: ``… (d) Summary: The visit …`` is
    ``classified-by-runon``'s, or the field's own."""
    alone = _HEADING_AFTER.match(" " + line)  # (the heading on the field's next line: ``… 1.4 (d)`` / ``SUMMARY AND
    if alone is not None:  # INTRODUCTION`` / ``¶1. (U) …``, 09USUNNEWYORK1141)
        return [RunOn(alone["heading"])]
    for reasons in REASONS.finditer(line):
        found = _HEADING_AFTER.match(line, reasons.end())
        if found is not None:
            return [line[: reasons.end()], RunOn(found["heading"])]
    return None


#: a portion marking: a level and its caveats (``(C)``, ``(SBU/NF)``), as the field's dangling end writes it
_MARKING = r"\((?:U|SBU|C|S|TS|LOU)(?:\s*+/\s*+[A-Z]++)*\)"
#: paragraph 1's number and marking alone at the end of the line, after the reasons: ``… (D). 1. (C)``;
#: or its marking alone, the paragraph unnumbered (``… (b) and (d).  (C)``, 08MANAMA300)
_DANGLING_NUMBER = re.compile(
    rf"\s++(?P<number>(?:(?:¶\s*+)?1\s?[.,]\s?)?{_MARKING})\s*+$"
)


@DANGLING.rule(
    "classified-by-number",
    note=note(
        "normalization",
        "A Classified By line that ends with the first paragraph's number and marking (… 1.4 (b) and (d). 1. (C)), "
        "its text after a blank line, is cut there: the number and marking begin the paragraph.",
    ),
)
def classified_by_number(line: str, following: str) -> tuple[str, str] | None:
    """``Classified By: A/DCM Laura Kirkconnell for reasons 1.4 (B) & (D). 1. (C)`` / blank /
    ``Summary: As Prime Minister Fredrik Reinfeldt heads to Washington, …`` (09STOCKHOLM679):
    paragraph 1's number and marking, alone at the end of the line right after the reasons, go
    to the text that follows, which has no number of its own (``¶1. (C) During …`` after it: the
    page gives the paragraph again, and the field keeps its tail). So does a marking alone there
    (``… for reasons 1 .4 (b) and (d).  (C)`` / blank / ``Poloff delivered reftel points …``,
    08MANAMA300: the text's one paragraph, unnumbered)."""
    if PARA_START.match(following) or not following.strip():
        return None
    for reasons in REASONS.finditer(line):
        found = _DANGLING_NUMBER.match(line, reasons.end())
        if found is not None:
            return line[: reasons.end()], found["number"]
    return None


#: a portion marking alone at the end of the REF field, after its last cable's serial (``REF: STATE 90254 (SBU)``)
#: or its last item's word (``B. JOFI-PALMER 09/22 EMAIL  (SBU/NF)``, 09EFTOLONDON2211) (or paragraph 1's number
#: and marking: ``REF: STATE 69691 1. (SBU)``, 08LONDON1763); not a reason's letter after ``and`` (``1.5 b and (C)``)
_REF_MARKING = re.compile(
    rf"(?:(?<=\d)|(?<=[A-Za-z])(?<!\band)(?<!\bor))\s++(?P<marking>(?:1\s?[.,]\s?)?{_MARKING})\s*+$"
)
#: the text's first line: prose (a capital first, five words or more, a third of its first twelve in lower case:
#: ``PolOff shared U.S. objectives regarding the upcoming Comprehensive Nuclear Test-Ban Treaty …``), no label
_PROSE_WORDS = 5


@DANGLING.rule(
    "ref-marking",
    after="classified-by-number",
    note=note(
        "normalization",
        "A REF field that ends with a portion marking after its last cable (REF: STATE 90254 (SBU)), the text "
        "after it unmarked and unnumbered, is cut there: the marking is the text's first paragraph's.",
    ),
)
def ref_marking(line: str, following: str) -> tuple[str, str] | None:
    """``SUBJECT: DEMARCHE DELIVERED: … REF: STATE 90254 (SBU)`` / blank / ``Pol/Econ Chief delivered reftel
    demarche …`` (09TRIPOLI756, 09TRIPOLI934, 10CAIRO310, 09EFTOLONDON2187: a copy that lost the line break
    before the paragraph's marking): the marking, alone at the end of the field after a cable's serial or an
    item's word, goes to the text that follows when that is prose with no number or marking of its own."""
    found = _REF_MARKING.search(line)
    words = following.split()[:12]
    if found is None or PARA_START.match(following) or ":" in following[:30] or len(words) < _PROSE_WORDS:
        return None
    if not following.lstrip()[:1].isupper() or 3 * sum(w[:1].islower() for w in words) < len(words):
        return None
    return line[: found.start()], found["marking"]


@PAGE_ENDS.rule(
    "later-page-ends-classified-by",
    note=note(
        "normalization",
        "A page break of the second page or a later one met in the Classified By line (a copy that lost its "
        "line breaks: … 1.4 (b) and (d). CAIRO 00001759 002 OF 003 NCP and SPLM to resolve …) ends the field: "
        "the preamble stands on the first page, so the words after the break are the cable's text.",
    ),
)
def later_page_ends_classified_by(kind: str, page: Furniture) -> bool:
    """``Classified By: … for reasons 1.4 (b) and (d). CAIRO 00001759 002 OF 003 NCP and SPLM to resolve
    …`` (09CAIRO1759, after ``glued-page-break``): a new-style page break whose page is the second or a later
    one ends the Classified By field (not an old printout's ``PAGE 02 …`` line, whose page may hold a
    preamble copied again)."""
    if not kind.startswith("classified-by") or page.kind != "page" or not page.n or int(page.n) < 2:
        return False
    return any(role == "header" and new_page(text.strip()) is not None for role, text in page.lines)
