"""A media partner's copy of the cable inside the text: its database row one field a line in
one block (chain ``blocks.passes``), and its second copy of the preamble's fields (chain
``fields.late``; its SUBJECT line cut from the paragraph it runs on into, chain ``blocks.cut``),
both wrapper, not text of the cable.

Media partners printed a cut preview of the cable, then a row of their database (``id:``,
``date:``, ``refid:`` …), a copy of the routing header to ``----- header ends -----``, and the
cable again, preamble included (09QUITO951). The reading edition prints wrapper blocks with
the routing header, after the text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsed import AnonBlock, Block, Field, LateField, Line, PageBreak, Paragraph
from .blocks import CUT, PARA_START, PASSES, STARTS, text_lines
from .copies import ROW_DAY, ROW_ID, ROW_START, row_field
from .cuts import COPY_PARA
from .fields import DATABASE_FIELD, LATE, field_kind
from .refcopy import block_lines
from .ruler import Run, note
from .runs import is_bare, last_text

_ROW_NAMED = re.compile(r"^\s*(?:refid\s*:\s*)?\d{2}[A-Z]{2,}\d+\s*$", re.I)
#: the fields whose line shows a copy of the preamble (in a row's block, or a block of its own)
_PREAMBLE_LINES = frozenset({"eo", "tags", "subject"})


def _row_length(texts: list[str]) -> int:
    """How many of the first lines are a database row's fields (``id: 87334``, ``date: …`` or
    bare: ``199909`` / ``2009-03-31`` / ``09BERLIN382`` / ``Embassy Berlin`` …): 0 unless they
    begin with the row's number and name a cable."""
    if not texts or not (ROW_START.match(texts[0]) or ROW_ID.match(texts[0])):
        return 0
    length = next((k for k, t in enumerate(texts) if not (DATABASE_FIELD.match(t) or row_field(t) or ROW_DAY.match(t))),
                  len(texts))
    return length if length >= 3 and any(_ROW_NAMED.match(t) for t in texts[:length]) else 0


@PASSES.rule("row-block", after="preview-copy")
def row_block(blocks: list[Block], run: Run) -> list[Block]:
    """``id: 87334`` / ``date: 11/28/2006 20:58`` / ``refid: 06LIMA4516`` / ``origin: …``, or the
    same fields bare (``199909`` / ``2009-03-31`` / ``09BERLIN382`` / ``Embassy Berlin``): a
    database row written one field a line in one block is a wrapper (``database-rows`` takes a
    row whose fields stand a blank line apart); so is the block when the row goes on with its
    copy of the preamble (E.O., TAGS, SUBJECT …) and a numbered paragraph follows it."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and is_bare(block)):
            continue
        texts = text_lines(block.lines)
        length = _row_length(texts)
        if not length:
            continue
        rest = texts[length:]
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        numbered_next = isinstance(following, Paragraph) and following.n is not None
        if not rest or (numbered_next and any(field_kind(t, run.trial()) in _PREAMBLE_LINES for t in rest)):
            out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks


#: a SUBJECT field's line in the body (a copy's, or a quoted cable's)
_SUBJECT_LINE = re.compile(r"^\s*SUBJECT\s*:\s*\S")


@CUT.rule("subject-copy-runon", after="preamble-copy", trigger=("SUBJECT",))
def subject_copy_runon(line: str) -> list[Line] | None:
    """``SUBJECT: TOUGH DAY FOR RUSSIA IN SECURITY COUNCIL 1.(SBU) Summary. All Security Council
    Members …`` (08USUNNEWYORK721), ``SUBJECT: … REF: STATE 85678 Classified By: DCM …, reasons
    1.4 (b) and (d). 1. (C)`` (08OTTAWA1064): a media partner's copy of the cable, its fields run
    together on one line, goes on into paragraph 1 on the SUBJECT's line. The line is cut where
    the numbered paragraph begins: the fields before it are the copy's (``copied-fields`` then
    makes them wrapper), the paragraph keeps its number."""
    if not _SUBJECT_LINE.match(line):
        return None
    para = COPY_PARA.search(line)
    if para is None:
        return None
    return [line[: para.start()].rstrip(), line[para.start() :]]


@STARTS.rule("paragraph-after-subject", after="salutation-paragraph", lead=r"[¶\d]")  # (PARA_START)
def paragraph_after_subject(block: list[Line], line: str) -> bool:
    """``SUBJECT: GEORGIA: SITREP 9: … DEFIANT REF: TBILISI 1362`` / ``1. (SBU)`` (08TBILISI1372,
    as ``subject-copy-runon`` cut it): a numbered paragraph with its portion marking on the line
    after a SUBJECT field's line starts a paragraph (the field ends no sentence, so
    ``unspaced-paragraph`` does not read it)."""
    match = PARA_START.match(line)
    return bool(match and match["marking"] and _SUBJECT_LINE.match(last_text(block)))


#: the fields a copy of the preamble writes again, as the late stage finds them
_COPIED_KINDS = frozenset({"eo", "tags", "subject", "refs", "classified-by"})


#: the preamble's lines a copy writes again before its E.O. line (``TO THE DEPUTY SECRETARY FROM
#: AMBASSADOR SOBEL``, ``SIPDIS``): passed over to find the field that opens the copy
_LEAD_KINDS = frozenset({"distribution", "handling"})


def _past_lead(texts: list[str], lead: set[str]) -> list[str]:
    """``texts`` past its first lines that are the preamble's distribution or handling lines
    again (all of them: a block of those alone is no copy of a field)."""
    k = 0
    while k < len(texts) and _plain(texts[k]) in lead:
        k += 1
    return texts[k:] if k < len(texts) else texts


def _plain(text: str) -> str:
    return " ".join(text.split()).upper()


def _cut_stem(text: str) -> str | None:
    """The words before the cut where a media partner's preview cut ``text`` short with two dots
    or more or an ellipsis (``… RUSSIAN ACTIONS...``, ``Classifie...``), or None. (Read as code:
    a pattern anchored at the end is searched from every position, quadratic on white space.)"""
    text = text.rstrip()
    stem = text[:-1] if text.endswith("…") else text.rstrip(".")
    return stem.rstrip() if stem and (text.endswith("…") or len(text) - len(stem) >= 2) else None


def _copies(texts: list[str], preamble: Sequence[str], run_on: bool, kind: str) -> bool:
    """Whether ``texts`` (a block's first lines) are a preamble field's words again: the same,
    or (``run_on``) beginning with them (a copy's E.O. line with its TAGS and SUBJECT run on:
    ``E.O. 12958: DECL: … TAGS: …``; a copy that wraps the field over lines: ``SUBJECT: NO MORE
    MR. NICE GUY (III): INEFFECTIVE ITALIAN`` / ``RESPONSE TO IMMIGRATION CHALLENGES Classified
    By: …``, 09ROME438), or, where the preview cut the SUBJECT short (``SUBJECT: CANADA SUPPORTS
    … RUSSIAN ACTIONS...``, 08OTTAWA1064), beginning with its words before the cut
    (``cut-subject`` reads the subject whole from it). A REF list that goes on past the
    preamble's is no copy: it names more; nor is a Classified By line the preamble cut short
    (``… Reason 1.4 (B/D...``, 06LIMA1229): the copy is the field whole."""
    for field in preamble:
        stem = (_cut_stem(field) or field) if kind == "subject" else field
        plain, more = _plain(texts[0]), 1
        while run_on and more < len(texts) and len(plain) < len(stem) and stem.startswith(plain):
            plain, more = f"{plain} {_plain(texts[more])}", more + 1
        if plain == field or ((run_on or stem != field) and len(stem) >= 12 and plain.startswith(stem)):
            return True
    return False


@LATE.rule(
    "copied-fields",
    after="late-fields",
    note=note(
        "normalization",
        "A second copy of the preamble's fields among the first blocks (a media partner's copy of the cable "
        "after its database row: the E.O., TAGS, SUBJECT, REF or Classified By line written again as in the "
        "preamble) is part of the wrapper, not text of the cable.",
    ),
)
def copied_fields(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """Before the first numbered paragraph: a late REF or Classified By field, or an unnumbered
    block that opens with an E.O., TAGS or SUBJECT field (after the preamble's distribution or
    handling lines written again: ``TO THE DEPUTY SECRETARY FROM AMBASSADOR SOBEL``, 05THEHAGUE789),
    whose words are a preamble field's of
    the same kind again, is a wrapper. So is a bare paragraph that is the preamble's REF list
    again, its items included; a copy's SUBJECT wrapped over paragraphs a blank line apart
    (``SUBJECT: … GOVERNORS HELPS`` / blank / ``ADVANCE OUR AFGHANISTAN AGENDA``, 08BERLIN1690);
    and, where a preview cut the preamble's SUBJECT before its first word (``SUBJECT:...``), the
    copy's SUBJECT paragraph after the copy's wrapper (04THEHAGUE281). A field the preamble lacks
    (or writes otherwise: a REF list cut short there) stays a field of the cable."""
    written: dict[str, list[str]] = {}
    lead: set[str] = set()
    for field in fields:
        if field.kind in _COPIED_KINDS:
            written.setdefault(field.kind, []).append(_plain(field.text))
        elif field.kind in _LEAD_KINDS:
            lead.update(_plain(x) for x in field.lines if isinstance(x, str))
    if not written:
        return blocks
    out = list(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is not None:
            break
        if isinstance(block, LateField):
            kind, texts = block.field.kind, [block.field.text]
        elif isinstance(block, Paragraph) and _refs_again(block, written.get("refs", []), run):
            out[index] = _as_wrapper(block)  # the REF list again, as the preamble's (its items too)
            continue
        elif isinstance(block, Paragraph) and is_bare(block):
            texts = _past_lead(text_lines(block.lines), lead)
            kind = (field_kind(texts[0], run.trial()) or "") if texts else ""
            if kind not in _PREAMBLE_LINES:
                continue
        else:
            continue
        if kind in written and texts and _copies(texts, written[kind], not isinstance(block, LateField), kind):
            out[index] = _as_wrapper(block)
        elif kind == "subject" and kind in written and isinstance(block, Paragraph):
            for k in _subject_copy(blocks, index, written[kind], any(wrapper_block(b) for b in blocks[:index])):
                out[k] = _as_wrapper(blocks[k])
    return out if out != blocks else blocks


def _as_wrapper(block: Block) -> AnonBlock:
    """``block`` as the wrapper's, every line of it kept: its list items' too (a copy's REF
    list ``REF: A. PRAGUE 337`` / ``B. PRAGUE 356 ...``: its items would be lost)."""
    return AnonBlock("wrapper", tuple(block_lines(block)))


def _refs_again(block: Paragraph, refs: list[str], run: Run) -> bool:
    """An unnumbered, unmarked paragraph that is the preamble's REF list again, its items
    (``B. SECSTATE 296490``) included: the same words (a copy that lists more is no copy)."""
    if not refs or block.n is not None or block.marking is not None:
        return False
    lines = text_lines(block.lines)
    if not lines or field_kind(lines[0], run.trial()) != "refs":
        return False
    for item in block.items:
        lines += [item.label, *text_lines(item.lines)]
    return _plain(" ".join(lines)) in refs


def _subject_copy(blocks: list[Block], index: int, subjects: list[str], after_wrapper: bool) -> list[int]:
    """The blocks from ``index`` on that are a copy's SUBJECT wrapped over bare paragraphs a
    blank line apart (``SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS`` / blank /
    ``ADVANCE OUR AFGHANISTAN AGENDA``, 08BERLIN1690), the preamble's SUBJECT again; or, where
    the preview cut the preamble's SUBJECT before its first word (``SUBJECT:...``) and the
    copy's wrapper stands before it, the one block (04THEHAGUE281). None found: []."""
    texts = text_lines(blocks[index].lines)  # type: ignore[union-attr]
    if after_wrapper and any(not (_cut_stem(s) or s).removeprefix("SUBJECT").strip(" :") for s in subjects):
        return [index] if len(texts) == 1 and texts[0].partition(":")[2].strip() else []
    taken = [index]
    for k in range(index + 1, min(index + 3, len(blocks))):
        block = blocks[k]
        if not (isinstance(block, Paragraph) and is_bare(block) and block.n is None):
            return []
        texts = texts + text_lines(block.lines)
        taken.append(k)
        plain = _plain(" ".join(texts))
        if plain in subjects:
            return taken
        if not any(s.startswith(plain) for s in subjects):
            return []
    return []


def wrapper_block(block: Block) -> bool:
    """A block the stages before made the partner's wrapper: its database row or its copy of
    the preamble (a block, or the furniture line ``preamble-copy`` cut)."""
    if isinstance(block, AnonBlock):
        return block.type == "wrapper"
    return isinstance(block, PageBreak) and block.furniture.kind == "mark" and all(
        kind == "wrapper" for kind, _ in block.furniture.lines)


@LATE.rule(
    "preview-stub",
    after="copied-fields",
    note=note(
        "normalization",
        "A media partner's preview cut short before its text got going (Classifie..., RE..., a sentence's first "
        "words and '...'), right before the partner's copy of the cable (its database row or its copy of the "
        "preamble), is part of the wrapper, not text of the cable.",
    ),
)
def preview_stub(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """``Classifie...`` / ``C O N F I D E N T I A L SECTION 01 OF 02 MOSCOW 003012 SIPDIS … TAGS:
    …`` (07MOSCOW3012), ``Cl...`` / ``103825,4/10/2007 15:02,07THEHAGUE655,…`` (07THEHAGUE655): the
    body's first paragraph, unnumbered and ending where the preview was cut, followed at once by a
    block the stages before made wrapper, is the preview's end. A numbered preview is
    ``preview-copy``'s."""
    for index, block in enumerate(blocks[:-1]):
        if not isinstance(block, Paragraph):
            continue
        texts = text_lines(block.lines)
        if is_bare(block) and block.n is None and texts and _cut_stem(texts[-1]) and wrapper_block(blocks[index + 1]):
            return [*blocks[:index], AnonBlock("wrapper", block.lines), *blocks[index + 1 :]]
        return blocks
    return blocks
