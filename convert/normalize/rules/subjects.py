"""Chain ``fields.other`` (run by :mod:`convert.normalize.preamble`): where a SUBJECT's text is
not on the label's line; chains ``fields.subject-lines`` and ``fields.subject-ends`` (asked by
the preamble for each line after the SUBJECT's: first match): whether a line goes on with it or
ends it; chain ``fields.full-subject`` (asked by the facts): the whole SUBJECT where the one
read is cut short."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace

from ..parsed import AnonBlock, Block, Choice, Field, Paragraph
from .copies import runon_pieces
from .fields import (
    FULL_SUBJECT,
    HANDLING,
    NOT_SUBJECT_START,
    OTHER,
    SUBJECT,
    SUBJECT_RUNON,
    PreambleCursor,
    subject_before,
)
from .labels import subject_text
from .ruler import Chain, note

#: what a bare SUBJECT's next line is not: a list item or a marked paragraph, a summary or
#: comment, a redaction, routing, a page's number, a rule of slashes
_NOT_BARE_SUBJECT = re.compile(NOT_SUBJECT_START + r"|XXXX|VZCZC|\b\d{3}(?:\.\d)?\s+OF\s+\d{3}\b|//", re.I)
#: a portion marking that begins or ends the SUBJECT: (C), (S/NF), (s), (S/REL UK), ``… FROM BRAZIL (S)``,
#: ``… IRANIAN TIES (S//REL CANADA)`` (the facts' subject is read without it)
EDGE_MARKING = re.compile(
    r"^\((?:U|C|S|SBU|TS)(?://?[A-Z]{2,6}(?:[ ,]+[A-Z]{2,4})*)*\)\s*"
    r"|(?<=\S)\s+\((?:U|C|S|SBU|TS)(?://?[A-Z]{2,6}(?:[ ,]+[A-Z]{2,6})*)*\)$", re.I)
#: a subject's portion marking before its words (``(C) SURVEILLANCE …``)
SUBJECT_MARKING = re.compile(r"^\((?:U|C|S|SBU|TS)(?:/[A-Z]{2,6})*\)\s*")
#: the longest subject of a bare label (the longest of the corpus is 279 characters)
_LONGEST = 320


@OTHER.rule("bare-subject", after="subject-continuation")
def bare_subject(cur: PreambleCursor, line: str) -> str | None:
    """``SUBJECT:`` alone on its line, the subject on the next line after a blank line (a copy
    that unwrapped the preamble: ``SUBJECT:`` / blank / ``EGIS CHIEF SOLIMAN AND … SOMALIA
    Classified By: …``): that line goes with the SUBJECT, cut where it runs on into the REF
    field, the Classified By line or the handling sentence (the ``fields.wrapped`` rules). Not
    a list item, a marked paragraph, a summary, a redaction or a longer line."""
    subject = subject_before(cur)
    if subject is None or SUBJECT.sub("", subject.text, count=1).strip():
        return None
    if len(subject.lines) != 1 or not any(c.isalpha() for c in line):
        return None
    head = (runon_pieces(line) or [line])[0].strip()
    if len(head) > _LONGEST or _NOT_BARE_SUBJECT.search(head):
        return None
    return "subject-more"


LINES: Chain[Callable[[str, str], bool]] = Chain(
    "fields.subject-lines",
    "fields",
    "Does a line that looks like a paragraph or a field go on with the SUBJECT before it? (first match)",
)

#: a year alone, which the page anchors as a paragraph (``¶2009.``)
_YEAR_LINE = re.compile(r"^\s*+¶?\s*+(?:19[6-9]\d|20[01]\d)\.?\s*$")
#: an executive order's number without the E.O. field's colon or DECL (``E.O. 13382``)
_ORDER_LINE = re.compile(r"^\s*E\.?\s?O\.?\s?\d{5}\b(?!\s*:)(?!.*\bDECL)", re.I)
#: a SUBJECT line that ends wanting its object (``… IRANIAN ENTITIES UNDER``)
_WANTING = re.compile(r"\b(?:UNDER|OF|AND|BY|PER|TO|WITH|FOR|ON|IN|AGAINST|PURSUANT)\s*$", re.I)


@LINES.rule("subject-year-line")
def subject_year_line(subject: str, line: str) -> bool:
    """``SUBJECT: … THROUGH MARCH 18,`` / ``¶2009.``: a year alone after a SUBJECT line, which
    the page anchors as paragraph 2009, ends the SUBJECT (no paragraph has that number)."""
    return bool(_YEAR_LINE.match(line))


@LINES.rule("subject-order-line", after="subject-year-line")
def subject_order_line(subject: str, line: str) -> bool:
    """``SUBJECT: DESIGNATION OF ADDITIONAL IRANIAN ENTITIES UNDER`` / ``E.O. 13382``: an
    executive order's number (no colon, no DECL) after a SUBJECT line that ends wanting its
    object goes on with the SUBJECT; it is not the E.O. field."""
    return bool(_ORDER_LINE.match(line) and _WANTING.search(subject))


ENDS: Chain[Callable[[str, str], bool]] = Chain(
    "fields.subject-ends",
    "fields",
    "Does a line that starts no field end the SUBJECT before it? (first match)",
)
#: a label alone on its line: one word in capitals and a colon (``INDEX:``)
_LABEL_LINE = re.compile(r"^\s*+[A-Z]{3,}:\s*$")


@ENDS.rule("subject-label-line")
def subject_label_line(subject: str, line: str) -> bool:
    """``SUBJECT: DAILY SUMMARY OF JAPANESE PRESS 03/15/06`` / ``INDEX:`` / ``(1) Poll on …``:
    a label alone on its line (one word in capitals and a colon) after a SUBJECT line heads
    the text (a press summary's index, then its articles): the SUBJECT ends before it. A
    field's own label (``REF:``) starts that field, as before."""
    return bool(_LABEL_LINE.match(line))


@ENDS.rule("subject-prose-line", after="subject-label-line")
def subject_prose_line(subject: str, line: str) -> bool:
    """``SUBJECT: … AT U.S.-EU SUMMIT`` / ``This is an Action request. Please see para 2.``
    (09STOCKHOLM569, no blank line between): a sentence in mixed case, finished, after a SUBJECT
    in capitals is the text's first, not the subject's last line."""
    letters = [c for c in line if c.isalpha()]
    lower = sum(map(str.islower, letters))
    return (lower * 2 > len(letters) and line.rstrip()[-1:] in ".?!" and not any(map(str.islower, subject))
            and " " in line.strip())


# ---------------------------------------------------------------- a subject cut short
_NEXT_FIELD = re.compile(r"^\s*(?:REF|Ref|CLASSIFIED|Classified|E\.\s?O|TAGS|¶|\d{1,3}\.|\()")


def _words(text: str) -> list[str]:
    return text.replace('""', '"').split()


def copy_lines(blocks: Sequence[Block], before_text: bool, unnumbered: bool = True) -> Iterator[list[str]]:
    """The text lines of each block a later copy of the cable may stand in: a wrapper block (a
    database row's copy) and, with ``unnumbered``, unnumbered text; ``before_text``: only those
    before the first numbered paragraph."""
    for block in blocks:
        if isinstance(block, AnonBlock) and block.type == "wrapper":
            yield [x for x in block.lines if isinstance(x, str)]
        elif isinstance(block, Paragraph) and block.n is None and unnumbered:
            yield [x for x in block.lines if isinstance(x, str)]
        elif isinstance(block, Paragraph) and block.n is not None and before_text:
            return


def _copied_subjects(blocks: Sequence[Block], before_text: bool) -> Iterator[str]:
    """Each SUBJECT a second copy of the cable writes (in a wrapper block or unnumbered text),
    with its wrapped lines, up to where it runs on into the next field (a copy that lost its
    line breaks: ``… TERRITORIAL INTEGRITY Classified By: …``, ``… DEFIANT REF: TBILISI 1362``),
    as words joined by one space; ``before_text``: only those before the first numbered
    paragraph."""
    copies = list(copy_lines(blocks, before_text))
    for at, lines in enumerate(copies):
        for index, line in enumerate(lines):
            if not SUBJECT.match(line):
                continue
            taken = [SUBJECT.sub("", line, count=1)]
            following = lines[index + 1 : index + 4]
            if not following and at + 1 < len(copies) and _wants_more(taken[0]):
                following = copies[at + 1][:3]  # (``… THE MIDDLE EAST,`` / blank / ``WESTERN BALKANS AND MORE``)
            for more in following:
                if not more.strip() or _NEXT_FIELD.match(more) or HANDLING.match(more):
                    break
                taken.append(more)
            text = " ".join(taken)
            runon = SUBJECT_RUNON.search(text, 1)  # the copy runs on: ``… INTEGRITY Classified By: …``
            yield " ".join(_words(text[: runon.start()] if runon else text))


def _wants_more(first: str) -> bool:
    """Whether a copied SUBJECT's first line goes on past a blank line under it: it ends wanting its next
    words, a comma, a hyphen or ``AND`` last (``… THE MIDDLE EAST,`` / blank / ``WESTERN BALKANS AND MORE``, a
    copy printed double-spaced, 09BRUSSELS854)."""
    return first.rstrip().endswith((",", "-")) or _WANTING.search(first) is not None


@FULL_SUBJECT.rule(
    "cut-subject",
    note=note(
        "normalization",
        "A SUBJECT cut short in a media partner's preview (SURVEILLANCE OF U.S...) is read whole from the text's "
        "later copy; the heading prints the whole subject, the cut one kept beside it (orig/reg).",
    ),
)
def cut_subject(cut: str, blocks: Sequence[Block]) -> str | None:
    """``SUBJECT: … FOLLOW-ON PHASE; PARLIAMENT...``: a media partner's copy cut the preamble
    short, and its second copy of the cable (a wrapper block, or unnumbered text) writes the
    SUBJECT whole: that one (with its wrapped lines), when it begins with the cut one's words;
    up to where it runs on into the next field (a copy that lost its line breaks: ``…
    TERRITORIAL INTEGRITY Classified By: …``, ``… DEFIANT REF: TBILISI 1362``)."""
    stem = _words(EDGE_MARKING.sub("", cut).rstrip(".… "))
    if not stem:
        return None
    start = " ".join(stem)
    for whole in _copied_subjects(blocks, False):
        whole = EDGE_MARKING.sub("", whole)  # (``(C) GOC SEEKS …``: read apart from the cut, 08BOGOTA3521)
        if len(whole) > len(start) and whole.startswith(start):  # (the cut may end mid-word)
            return whole
    return None


@FULL_SUBJECT.rule(
    "empty-cut-subject",
    after="cut-subject",
    note=note(
        "normalization",
        "A SUBJECT cut short in a media partner's preview (SURVEILLANCE OF U.S...) is read whole from the text's "
        "later copy (SUBJECT:..., cut before its first word); the heading prints the whole subject, the cut one "
        "kept beside it (orig/reg).",
    ),
)
def empty_cut_subject(cut: str, blocks: Sequence[Block]) -> str | None:
    """``SUBJECT:...`` (a media partner's preview cut the SUBJECT before its first word), then
    the partner's database row and its second copy of the cable: the SUBJECT that copy writes
    before the text (the first numbered paragraph), with its wrapped lines (04THEHAGUE281)."""
    if _words(cut.rstrip(".… ")):
        return None
    return next((whole for whole in _copied_subjects(blocks, True) if whole), None)


def whole_subject_head(fields: Sequence[Field], whole: str | None) -> tuple[Field, ...]:
    """The fields, the first SUBJECT's text (cut short: ``SUBJECT: SURVEILLANCE OF U.S...``)
    given the whole subject the facts read from a later copy (``cut-subject``) beside it: the
    cut words as ``orig``, the whole as ``reg``, so that the heading reads whole (04THEHAGUE1915).
    Unchanged where the subject is not cut, the facts found no whole one, or the field's text is
    not plain (a repair inside it)."""
    index = next((i for i, f in enumerate(fields) if f.kind == "subject"), None)
    if index is None or not whole or whole.endswith(("...", "…")):
        return tuple(fields)
    field = fields[index]
    if not field.tokens or not all(isinstance(t, str) for t in field.tokens):
        return tuple(fields)
    text = "".join(str(t) for t in field.tokens).rstrip()
    content = subject_text(text)
    marking = SUBJECT_MARKING.match(content)
    cut = content[marking.end() :] if marking else content
    if not cut.endswith(("...", "…")) or not text.endswith(cut) or cut == whole:
        return tuple(fields)
    head = text[: len(text) - len(cut)]
    reading = whole if not head or head[-1].isspace() else f" {whole}"  # (``SUBJECT:...``: no space after the label)
    choice = Choice(cut, reading, reason="preview-cut")
    tokens = (head, choice) if head else (choice,)
    out = list(fields)
    out[index] = replace(field, tokens=tokens)
    return tuple(out)
