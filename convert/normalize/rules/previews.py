"""A media partner's cut preview of the cable run on into its second copy of the preamble, and
the preamble written again in the text at a section's head. Adds to the chains
``fields.wrapped`` (the preview's SUBJECT or REF line that runs on into the copy) and
``fields.late`` (a block, or the lines after a section banner, that copy the preamble).

Media partners printed a preview of the cable cut short with ``...`` (``SUBJECT: RUSSIAN
SCIEN...``), their stamp (row number, date, time, cable id) and the preamble again, run together
on one line (``C O N F I D E N T I A L MOSCOW 001704 SIPDIS … E.O. 12958: … TAGS: …``);
old-style records repeat the preamble (distribution lines, E.O., TAGS, SUBJECT) after the
banner of each section. Both are wrapper: the edition prints them with the routing header.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from ..parsed import AnonBlock, Block, Field, Furniture, Glued, ItemList, Line, PageBreak, Paragraph
from .blocks import text_lines
from .copies import WRAPPED, row_field
from .cuts import COPY_FIELD, copy_start
from .fields import CSV_ROW, LATE, OTHER, PreambleCursor, field_kind
from .ruler import Run, note
from .runs import is_bare

# ---------------------------------------------------------------- the preview's line
#: where a preview is cut short (``… RUSSIAN SCIEN...``, ``C..``)
_CUT = re.compile(r"(?:\.{2,}|…)\s*")


@WRAPPED.rule(
    "preview-copy-runon",
    before="subject-runon-wrapped",
    trigger=("E.O", "E. O", "TAGS:"),
    note=note(
        "normalization",
        "A media partner's copy of the preamble (its stamp, the banner, E.O., TAGS… run together on one line) "
        "that runs on after its preview's SUBJECT or REF line cut short with '...' is a wrapper line, not part "
        "of the field.",
    ),
)
def preview_copy_runon(line: str) -> list[str] | None:
    """``SUBJECT: RUSSIAN SCIEN...`` / ``C O N F I D E N T I A L MOSCOW 001704 SIPDIS … E.O.
    12958: … TAGS: …``, ``REF: A. STATE 244333 B. US... 23064 11/19/2004 15:41 04BRUSSELS4944 C O
    N F I D E N T I A L …``: a line of the field that is (or, after a cut ``...``, runs on into)
    a copy of the preamble on one line ends the field there; the copy is a wrapper field of its
    own (``preview-copy-field``)."""
    if copy_start(line) is not None:
        return [Glued(line)]
    for cut in _CUT.finditer(line):
        if cut.end() < len(line) and copy_start(line[cut.end() :]) is not None:
            return [line[: cut.end()].rstrip(), Glued(line[cut.end() :])]
    return None


@OTHER.rule("preview-copy-field", before="glued-distribution")
def preview_copy(cur: PreambleCursor, line: str) -> str | None:
    """The copy of the preamble that ``preview-copy-runon`` cut from the field it ran on after
    is a wrapper field (the preamble goes on after it: a Classified By line), a line of its own:
    the field before it in the opener is not the one it ran on from (a SUBJECT, a REF list)."""
    if not (isinstance(line, Glued) and copy_start(line) is not None):
        return None
    cur.entries[cur.i] = str(line)
    return "wrapper"


# ---------------------------------------------------------------- the preamble again
_NOT_KEY = re.compile(r"[^A-Z0-9]+")
_NOT_KEY_BYTES = bytes(b for b in range(128) if not (65 <= b <= 90 or 48 <= b <= 57))


def _key(text: str) -> str:
    """Letters and digits only, upper case: a field compared however a copy punctuates and
    spaces it (``EO 12958 DECL: 07/02/11`` and ``E.O. 12958: DECL: 07/02/11``)."""
    upper = text.upper()
    if upper.isascii():  # (the same, in C: the other bytes deleted)
        return upper.encode("ascii").translate(None, _NOT_KEY_BYTES).decode("ascii")
    return _NOT_KEY.sub("", upper)


#: a line is a copy when its key (this long at least) stands in the preamble's
_MIN_KEY = 6
_FIELD_LINE = ("eo", "tags", "subject")
#: what a copy may write after the words of a field the preamble cut short (``SUBJECT: … U.S...``)
_CUT_REST = 80


@dataclass(frozen=True)
class _Preamble:
    """The preamble's fields as keys: all of them in order (``whole``), and those cut short with
    ``...`` (``stems``), whose copy may go on where the preamble stops."""

    whole: str
    stems: tuple[str, ...] = ()

    def holds(self, text: str, before: str = "") -> bool:
        """Whether ``before`` and ``text`` are the preamble's words again: a piece of them, or a
        piece that ends in a field the preamble cut short, written whole in ``text`` (a little
        more after its words, where no other field begins, on this line or, when ``before``
        already went past the cut, the lines the field wraps onto: ``… reasons 1.4 (b) &`` /
        ``(d).``)."""
        joined = before + _key(text)
        if joined in self.whole:
            return True
        for stem in self.stems:
            at = joined.find(stem)
            rest = len(joined) - at - len(stem)
            if at < 0 or joined[:at] not in self.whole or rest > _CUT_REST:
                continue
            if not _FIELD_LABEL.search(_tail(text, rest)):
                return True
        return False


#: a field's label (where a copy goes on past the field the preamble cut short)
_FIELD_LABEL = re.compile(r"\b(?:REF(?:S|TELS?)?\s*:|(?i:classified\s+by)|E\.\s?O\.\s*1\d{4}|TAGS:|SUBJECT:)")


def _tail(text: str, letters: int) -> str:
    """The end of ``text`` that holds its last ``letters`` letters and digits."""
    if not letters:
        return ""
    count = 0
    for index in range(len(text) - 1, -1, -1):
        if text[index].isascii() and text[index].isalnum():
            count += 1
            if count == letters:
                return text[index:]
    return text


def _preamble(fields: Sequence[Field]) -> tuple[_Preamble, _Preamble]:
    """The preamble's keys: without stems, and with the stems of the fields it cut short (the
    fields' texts and keys made once for both)."""
    texts = [f.text for f in fields if f.kind not in ("wrapper", "furniture")]
    whole = _key(" ".join(texts))
    cut = (_key(text) for text in texts if text.rstrip().endswith(("...", "…")))
    return _Preamble(whole), _Preamble(whole, tuple(key for key in cut if len(key) >= 12))


def _field_line(text: str, run: Run) -> bool:
    """An E.O., TAGS or SUBJECT line (or an E.O. glued after a distribution line)."""
    return field_kind(text, run.trial()) in _FIELD_LINE or bool(COPY_FIELD.search(text))


def _copy_run(texts: Sequence[str], preamble: _Preamble, run: Run) -> tuple[int, int]:
    """How many of the first lines copy the preamble (a line, or a field's line with the lines
    it wraps onto): up to the last line of a copied E.O., TAGS or SUBJECT field (0 when they
    hold none), and in all."""
    end = 0
    field = ""  # the key of the field read so far, and whether it is an E.O., TAGS or SUBJECT
    fielded = False
    index = 0
    for index, text in enumerate(texts):
        key = _key(text)
        whole = len(key) >= _MIN_KEY and preamble.holds(text)
        if whole and _field_line(text, run):
            field, fielded = key, True  # (an E.O., TAGS or SUBJECT line starts a field of its own)
        elif field and preamble.holds(text, field):
            field += key
        elif whole:
            field, fielded = key, False
        else:
            return end, index
        if fielded:
            end = index + 1
    return end, len(texts)


def _wrapper_lines(texts: Sequence[str]) -> tuple[Line, ...]:
    return tuple(Furniture("mark", (("wrapper", text.strip()),)) for text in texts)


def _mark(line: Line) -> bool:
    return isinstance(line, Furniture) and line.kind == "mark"


def _after_section(lines: tuple[Line, ...], preamble: _Preamble, run: Run) -> tuple[Line, ...] | None:
    """``lines`` with the lines after a section banner (and the handling marks after it) that
    copy the preamble made wrapper lines (None: there are none, or no text would be left)."""
    if len(text_lines(lines)) == len(lines):  # (filtered in C: most paragraphs hold no furniture)
        return None
    if not any(isinstance(line, Furniture) and line.kind == "section" for line in lines):
        return None  # (no section banner: most paragraphs)
    out = list(lines)
    changed = False
    index = 0
    while index < len(out):
        line = out[index]
        index += 1
        if not (isinstance(line, Furniture) and line.kind == "section"):
            continue
        while index < len(out) and _mark(out[index]):
            index += 1
        stop = index
        while stop < len(out) and isinstance(out[stop], str):
            stop += 1
        texts = [str(x) for x in out[index:stop]]
        count = _copy_run(texts, preamble, run)[0]
        if count:
            out[index : index + count] = _wrapper_lines(texts[:count])
            changed = True
    return tuple(out) if changed and text_lines(out) else None


def mend_paragraph(block: Paragraph, mend: Callable[[tuple[Line, ...]], tuple[Line, ...] | None]) -> Paragraph | None:
    """The paragraph with its lines and its items' lines mended by ``mend`` (None: it mends
    none)."""
    lines = mend(block.lines)
    items = [(item, mend(item.lines)) for item in block.items]
    if lines is None and all(found is None for _, found in items):
        return None
    return replace(
        block,
        lines=lines if lines is not None else block.lines,
        items=tuple(item if found is None else replace(item, lines=found) for item, found in items),
    )


@LATE.rule(
    "preamble-again",
    after="copied-fields",
    note=note(
        "normalization",
        "The preamble written again in the text (an old-style record's distribution, E.O., TAGS and SUBJECT "
        "lines after each section's banner; a media partner's copy of them in a block of its own, after its "
        "database row) is a wrapper, not text of the cable.",
    ),
)
def preamble_again(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """A bare unnumbered block whose lines all copy the preamble's fields (letters and digits
    compared: a copy punctuates otherwise) or are a database row's fields, among them an E.O.,
    TAGS or SUBJECT line, is a wrapper; so are the lines after a section banner, inside a
    paragraph, that copy the preamble up to its last E.O., TAGS or SUBJECT line (the text goes
    on after them)."""
    strict, loose = _preamble(fields)
    if len(strict.whole) < 20:
        return blocks
    out: list[Block] = []
    row = _open_row(fields)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            out.append(block)
            continue
        texts = text_lines(block.lines)
        if row and not index:  # (the row's quoted fields that go on over the first lines)
            texts = texts[_row_rest(texts) :]
        if is_bare(block) and texts and _head_line(out, texts, blocks[index + 1 :], loose, run):
            if isinstance(out[-1], Paragraph):  # (the section's head begun at its end)
                out[-1] = replace(out[-1], lines=_tail_wrapped(out[-1].lines))
            out.append(AnonBlock("wrapper", block.lines))
            continue
        if block.n is None and block.marking is None and texts and _whole_copy(texts, loose, run):
            out.append(AnonBlock("wrapper", block.lines))
            if block.items:  # (the list after the copy is the cable's text)
                out.append(ItemList(block.items))
            continue
        mended = mend_paragraph(block, lambda lines: _after_section(lines, strict, run))
        out.append(block if mended is None else mended)
    return out if out != blocks else blocks


#: a line that closes a quoted field of a CSV row (``Hague",CONFIDENTIAL,,"This record …``), and
#: the line where the row's last field, the cable's text, opens (``","C O N F I D E N T I A L …``)
_ROW_CLOSES = re.compile(r'^[^"]*",')
_TEXT_OPENS = re.compile(r'^\s*"\s*,\s*"')
_ROW_LINES = 8


def _open_row(fields: Sequence[Field]) -> bool:
    """Whether the preamble ends in a CSV row whose quoted field (``"Embassy The``) goes on
    in the body."""
    last = fields[-1] if fields else None
    return bool(last and last.kind == "wrapper" and CSV_ROW.match(last.text) and last.text.count('"') % 2)


def _row_rest(texts: Sequence[str]) -> int:
    """How many first lines are the rest of a CSV row split over lines: from a line that
    closes its open field to the line before the one that opens the cable's text (0: none)."""
    if not texts or not _ROW_CLOSES.match(texts[0]):
        return 0
    return next((k for k, text in enumerate(texts[:_ROW_LINES]) if k and _TEXT_OPENS.match(text)), 0)


def _head_line(done: list[Block], texts: Sequence[str], after: list[Block], preamble: _Preamble, run: Run) -> bool:
    """A block of the preamble's lines again (``CENTCOM FOR J5, POLAD``, 03ROME2045) between a
    section's banner or head read as wrapper and the copy of its E.O., TAGS and SUBJECT."""
    k = len(done)  # (past the marks after the banner: its handling line, ``SIPDIS``)
    while k and isinstance(done[k - 1], PageBreak) and done[k - 1].furniture.kind == "mark":  # type: ignore[union-attr]
        k -= 1
    last = done[k - 1] if k else None
    opened = (isinstance(last, AnonBlock) and last.type == "wrapper") or (
        isinstance(last, PageBreak) and last.furniture.kind == "section"
    )
    if isinstance(last, Paragraph) and not last.items and k == len(done):
        start = _section_tail(last.lines)
        tail = [str(x) for x in last.lines[start:] if isinstance(x, str)] if start is not None else []
        opened = start is not None and _copy_run(tail, preamble, run)[1] == len(tail)
    copied = _copy_run(texts, preamble, run)
    return opened and copied[1] == len(texts) and not copied[0] and _copy_follows(after, preamble, run)


def _copy_follows(after: Sequence[Block], preamble: _Preamble, run: Run) -> bool:
    """Whether the copy of the preamble's E.O., TAGS and SUBJECT (a block that copies them,
    or one an earlier rule made wrapper) follows, past more blocks of the preamble's lines
    again (``TREASURY/OASIA/IMI FOR …`` / ``USIA FOR …``, 91BERLIN3009)."""
    for block in after:
        if isinstance(block, AnonBlock) and block.type == "wrapper":
            return True
        if isinstance(block, PageBreak) and _mark(block.furniture):  # (SIPDIS between them: 09QUITO103)
            continue
        if not isinstance(block, Paragraph) or block.n is not None:
            return False
        texts = text_lines(block.lines)
        if _whole_copy(texts, preamble, run):
            return True
        if not is_bare(block) or _copy_run(texts, preamble, run) != (0, len(texts)):
            return False
    return False


def _section_tail(lines: Sequence[Line]) -> int | None:
    """Where the lines after a paragraph's last section banner begin, when only marks, page
    breaks and text lines follow it (None: no banner, or a banner's block goes on)."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if isinstance(line, Furniture) and line.kind == "section":
            return index + 1
        if isinstance(line, Furniture) and line.kind != "page" and not _mark(line):
            return None
    return None


def _tail_wrapped(lines: tuple[Line, ...]) -> tuple[Line, ...]:
    """``lines`` with the text lines after the last section banner made wrapper lines."""
    start = _section_tail(lines) or len(lines)
    rest = tuple(_wrapper_lines([x])[0] if isinstance(x, str) else x for x in lines[start:])
    return (*lines[:start], *rest)


def _whole_copy(texts: Sequence[str], preamble: _Preamble, run: Run) -> bool:
    """Every line copies the preamble or is a database row's field, and one is an E.O. or TAGS
    line of it. (A block that copies the SUBJECT alone stays text: where the preamble cut the
    subject short, it is the one place the reading text has it whole.)"""
    rows = 0
    while rows < len(texts) and row_field(texts[rows]):
        rows += 1
    rest = texts[rows:]
    fields, copied = _copy_run(rest, preamble, run)
    if not rest or fields == 0 or copied != len(rest):
        return False
    look = run.trial()  # (the lines' kinds asked only of a whole copy)
    return any(COPY_FIELD.search(t) or field_kind(t, look) in ("eo", "tags") for t in rest)
