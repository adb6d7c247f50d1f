"""Stage "fields" (its rules: :mod:`convert.normalize.rules.fields`): the preamble fields at
the start of the body, up to the first paragraph; later, the fields met among the blocks."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from .banner import parse_banner
from .parsed import Block, Entry, Field, Furniture, Glued, LateField, Line, Ref, RefList, RunOn
from .refs import REF as REF_LABEL
from .refs import guessed, last_label, parse_refs
from .rules.bannerlevel import with_level_above
from .rules.blocks import PARA_START
from .rules.copies import GLUED, ROWS, WRAPPED, glued
from .rules.cutword import CUT_WORD
from .rules.fields import BANNER, CLASSIFIED_BY, LATE, OTHER, TAGS, PreambleCursor, field_kind, ref_continues
from .rules.ruler import Run
from .rules.runon import DANGLING, PAGE_ENDS
from .rules.sectionend import is_fence
from .rules.subjects import ENDS as SUBJECT_ENDS
from .rules.subjects import LINES as SUBJECT_LINES
from .rules.tags import ENDS as TAGS_END

#: fields of one line (E.O. may go on with a DECL line or a parenthesis)
_ONE_LINE = ("handling", "eo", "wrapper", "notice")
_EO_MORE = re.compile(r"^\s*(?:DECL|\()", re.I)
#: the SBU handling sentence's end wrapped onto a line of its own (``… PLEASE HANDLE`` / ``ACCORDINGLY.``)
_SBU_MORE = re.compile(r"^\s*(?:(?:PLEASE\s+)?(?:HANDLE|PROTECT|TREAT)\s+)?ACCORDINGLY\b", re.I)
#: what a field of one line may go on with, by kind
_ONE_LINE_MORE = {"eo": _EO_MORE, "handling": _SBU_MORE}


def _next_line(entries: list[Entry], index: int) -> int:
    while index < len(entries) and not isinstance(entries[index], str):
        index += 1
    return index


_HORIZON = ("eo", "tags", "subject")
#: fields whose lines the ``fields.wrapped`` rules cut where they run on
_WRAPPED_KINDS = ("subject", "subject-more", "refs", "refs-more", "classified-by")
#: the ``fields.wrapped`` rules that are not for a field's lines (a REF line is not cut at a REF label)
_WRAPPED_SKIP: dict[str, tuple[str, ...]] = {
    "subject": ("ref-runon", "ref-body-runon", "ref-sentence-runon", "classified-by-runon"),
    "subject-more": ("ref-runon", "ref-body-runon", "ref-sentence-runon", "classified-by-runon"),
    "refs": ("subject-runon-wrapped", "classified-by-runon"),
    "refs-more": ("subject-runon-wrapped", "classified-by-runon"),
    "classified-by": ("subject-runon-wrapped", "ref-body-runon", "ref-sentence-runon"),
}


def horizon(entries: list[Entry], start: int, run: Run) -> int:
    """Index of the last SUBJECT/TAGS/E.O. line before the first numbered paragraph: the
    unrecognised lines before it are distribution lines, not text."""
    look = run.trial()
    found = 0
    for j in range(start, min(len(entries), start + 80)):
        e = entries[j]
        if isinstance(e, str):
            if PARA_START.match(e) and not CLASSIFIED_BY.match(e):
                break
            kind = field_kind(e, look)
            if kind in _HORIZON or (kind is None and any(field_kind(p, look) in _HORIZON for p in glued(e, run)[1:])):
                found = j
    return found


def _glues_field(line: str, look: Run) -> bool:
    """A distribution line with an E.O., TAGS or SUBJECT field glued after it (``COMMERCE FOR
    BECKY ERKUL SIPDIS E.O.12958: N/A TAGS: …``): it ends the distribution lines before it."""
    return look.on("glued-fields") and any(field_kind(p, look) in _HORIZON for p in glued(line, look)[1:])


def _codes_glued(entries: list[Entry], index: int, look: Run) -> bool:
    """A line of the TAGS field's codes with the next field glued after it (``ECON, PHUM, RS, UK
    SUBJECT: MILIBAND'S …``) is split in ``entries`` (the ``glued-fields`` rule's cut): the codes
    go on with the TAGS field, the next piece starts its field."""
    line = str(entries[index])
    parts = glued(line, look) if look.on("glued-fields") else []
    if len(parts) < 2 or field_kind(parts[0], look) != "tags" or field_kind(parts[1], look) is None:
        return False
    entries[index : index + 1] = parts
    return True


def parse_preamble(entries: list[Entry], run: Run) -> tuple[list[Field], int]:
    """Fields at the start of the body, and the index of the first body entry. Lines holding
    several fields are split in ``entries`` itself (the body goes on from the index)."""
    cur = PreambleCursor(entries)
    cur.horizon = horizon(entries, 0, run)
    while cur.i < len(entries):
        end = run.first(ROWS, entries, cur.i, run)
        if end:  # a media partner's database row
            cur.fields.append(Field("wrapper", tuple(e for e in entries[cur.i : end] if e is not None)))
            cur.i = end
            continue
        line = entries[cur.i]
        if line is None or isinstance(line, Furniture):
            if isinstance(line, Furniture):
                cur.fields.append(Field("furniture", (line,)))
            cur.i += 1
            continue
        if not isinstance(line, Glued) and not cur.seen_subject:
            parts = run.first(GLUED, cur, line, run)
            if parts:
                entries[cur.i : cur.i + 1] = parts
                cur.horizon = horizon(entries, cur.i, run)
                continue
        kind = field_kind(line, run)
        banner = run.first(BANNER, line) if kind is None and not cur.seen_banner else None
        if banner is not None:
            banner = with_level_above(entries, cur.i, banner, run)
            cur.fields.append(Field("banner", (line,), banner))
            cur.seen_banner = True
            cur.i += 1
            continue
        if kind is None:
            if PARA_START.match(line) or isinstance(line, RunOn):
                break
            kind = run.first(OTHER, cur, line)
            if kind is None:
                break
            again = entries[cur.i]
            if isinstance(again, str):  # (a rule may have made the piece a line of its own)
                line = again
        _take_field(cur, kind, line, run)
    _rejoin(entries, cur.i)
    _late_runon(entries, cur.i, run)
    return cur.fields, cur.i


def _late_runon(entries: list[Entry], index: int, run: Run) -> None:
    """A Classified By line among the body's first lines, before its first numbered paragraph (a
    media copy's, after the preview's cut preamble: 08USNATO291), cut where it runs on into
    paragraph 1 as the preamble's own is (``classified-by-runon``), so that the paragraph is
    the text's and the late field keeps the line alone."""
    for k in range(index, len(entries)):
        e = entries[k]
        if not isinstance(e, str) or isinstance(e, (Glued, RunOn)):
            continue
        if PARA_START.match(e):
            return
        if field_kind(e, run.trial()) == "classified-by":
            if _wrapped(entries, k, e, run, tuple(n for n in WRAPPED.names() if n != "classified-by-runon")) == e:
                _late_dangling(entries, k, run)
            return


def _late_dangling(entries: list[Entry], k: int, run: Run) -> None:
    """The ``fields.dangling`` rules on a late Classified By line and the next text line (``…
    1.4 b and d 1. (C)`` / blank / ``On August 14 Charge …``, 08OSLO458), as :func:`_dangling`."""
    following = _next_line(entries, k + 1)
    if following >= len(entries):
        return
    for rule in run.active(DANGLING):
        cut = rule.fn(str(entries[k]), str(entries[following]))
        if cut:
            run.fire(rule.name)
            kept = [e for e in entries[k + 1 : following] if isinstance(e, Furniture)]
            entries[k:following] = [cut[0], *kept, RunOn(cut[1])]
            return


def _rejoin(entries: list[Entry], index: int) -> None:
    """The pieces of a line that ``fields.glued`` split and the preamble then left to the body
    (a media copy's second, lower-case banner ``… sanaa 001352sipdise.o. 12958: …`` that is no
    field): the line again, as written, so that the body joins no space into the source's
    token (``001352sipdise.o.``)."""
    end = index + 1
    while end < len(entries) and isinstance(entries[end], Glued):
        end += 1
    head = entries[index] if index < len(entries) else None
    if end == index + 1 or not isinstance(head, str):
        return
    pieces = [g for g in entries[index + 1 : end] if isinstance(g, Glued)]
    entries[index:end] = [str(head) + "".join((" " if g.space_before else "") + g for g in pieces)]


def _text(lines: list[Line]) -> str:
    return " ".join(" ".join(x.split()) for x in lines if isinstance(x, str))


def _take_field(cur: PreambleCursor, kind: str, line: str, run: Run) -> None:
    """The field that starts (or, ``refs-more``, goes on) at ``line``, with its continuation
    lines: until a blank line or another field starts."""
    entries = cur.entries
    more = kind in ("refs-more", "subject-more", "classified-by-more")
    lines: list[Line] = []
    if kind in ("subject-more", "classified-by-more"):  # the field, and the page furniture read since
        while cur.fields[-1].kind == "furniture":
            lines[:0] = cur.fields.pop().lines
    if more:
        lines[:0] = cur.fields.pop().lines
    wrapped = kind in _WRAPPED_KINDS
    skip = _WRAPPED_SKIP.get(kind, ())
    if wrapped and (not more or kind == "subject-more"):
        # (the SUBJECT's first line: subject-runon of fields.glued cut it already)
        line = _wrapped(entries, cur.i, line, run, ("subject-runon-wrapped", *skip) if kind == "subject" else skip)
    lines.append(line)
    cur.i += 1
    look = run.trial()
    refs = kind in ("refs", "refs-more") and run.on("ref-continuation")
    while cur.i < len(entries):
        e = entries[cur.i]
        if isinstance(e, Furniture):
            if run.first(PAGE_ENDS, kind, e):
                break  # (``… 1.4 (b) and (d). CAIRO 00001759 002 OF 003 NCP and SPLM …``: the text's)
            lines.append(e)
            cur.i += 1
            continue
        if e is None:
            # REF items may be separated by blank lines: look ahead for the next label
            k = _next_line(entries, cur.i) if refs else len(entries)
            if k < len(entries) and _ref_goes_on(str(entries[k]), _text(lines)):
                run.fire("ref-continuation")
                lines.extend(x for x in entries[cur.i : k] if isinstance(x, Furniture))  # furniture in the gap stays
                cur.i = k
                continue
            break
        if wrapped and not isinstance(e, (Glued, RunOn)) and not PARA_START.match(e):
            e = _wrapped(entries, cur.i, e, run, skip)  # (a numbered paragraph begins the body as it is)
        e = _goes_on(cur, kind, lines, e, run, look)
        if e is None:
            break
        lines.append(e)
        cur.i += 1
    if kind.startswith("classified-by"):
        _cut_words(lines, run)
    if kind.startswith(("classified-by", "refs")):
        _dangling(cur, lines, run)
    field = Field(kind.removesuffix("-more"), tuple(lines))
    cur.fields.append(field)
    if field.kind == "subject":
        cur.seen_subject = True
    if field.kind == "refs":
        cur.last_ref_label = last_label(field.text)


def _cut_words(lines: list[Line], run: Run) -> None:
    """The ``fields.cut-word`` rules on each two lines of the Classified By field: a word the cut split, whole."""
    for k in range(len(lines) - 2, -1, -1):
        line, after = lines[k], lines[k + 1]
        if isinstance(line, str) and isinstance(after, str) and not isinstance(after, (Glued, RunOn)):
            joined = run.first(CUT_WORD, line, after)
            if joined is not None:
                lines[k : k + 2] = [joined]


def _dangling(cur: PreambleCursor, lines: list[Line], run: Run) -> None:
    """The ``fields.dangling`` rules on the Classified By (or REF) field's last line and the body's first
    text line: a number or marking cut from the field begins that line's run (the blank lines between go)."""
    entries = cur.entries
    k = _next_line(entries, cur.i)
    last = lines[-1] if lines else None
    if k >= len(entries) or not isinstance(last, str):
        return
    for rule in run.active(DANGLING):
        cut = rule.fn(last, str(entries[k]))
        if cut:
            run.fire(rule.name)
            lines[-1] = cut[0]
            kept = [e for e in entries[cur.i : k] if isinstance(e, Furniture)]
            if PARA_START.match(cut[1]) is None:  # a marking alone heads the text's line (``(SBU) Pol/Econ …``)
                entries[cur.i : k + 1] = [*kept, RunOn(f"{cut[1]} {str(entries[k]).lstrip()}")]
                return
            entries[cur.i : k] = [*kept, RunOn(cut[1])]
            return


_SERIAL_FIRST = re.compile(r"^\s*(\d{3,6})\b(?![/:.\d])")


def _ref_goes_on(line: str, text: str) -> bool:
    """Whether ``line``, after blank lines, goes on with the REF field ``text``: it starts with
    the next label (``B. ROME 721`` after ``A. …``; ``A.`` after a bare ``REF:``), or with the
    number of a cable whose station ends the field (``B) BRASILIA`` / blank / ``2314 …``)."""
    last = last_label(text)
    if ref_continues(line, last or ("@" if not REF_LABEL.sub("", text, count=1).strip() else None)):
        return True
    serial = _SERIAL_FIRST.match(line)
    if serial is None or not text[-1:].isalpha():
        return False
    named = sum(r.target is not None for r in parse_refs(text, 2000).items)
    return sum(r.target is not None for r in parse_refs(f"{text} {serial[1]}", 2000).items) > named


def _goes_on(cur: PreambleCursor, kind: str, lines: list[Line], e: str, run: Run, look: Run) -> str | None:
    """The line ``e`` as it goes on with the field ``kind`` (None: the field ends before it)."""
    entries = cur.entries
    if kind in ("subject", "subject-more") and run.first(SUBJECT_LINES, _text(lines), e):
        return e  # (``… MARCH 18,`` / ``¶2009.``; ``… UNDER`` / ``E.O. 13382``)
    starts = field_kind(e, look)
    if (kind in ("subject", "subject-more") and starts is None and not isinstance(e, (Glued, RunOn))
            and run.first(SUBJECT_ENDS, _text(lines), e)):
        return None  # (``… JAPANESE PRESS 03/15/06`` / ``INDEX:``)
    if starts == "tags" and kind == "tags" and not TAGS.match(e):
        starts = None  # a line of codes goes on with the TAGS field (``unlabelled-tags`` starts none)
    if isinstance(e, (Glued, RunOn)) or starts is not None or PARA_START.match(e) or parse_banner(e):
        return None  # (a piece split off a line starts a field of its own, or the body)
    if "ZFR" in e and is_fence(e):
        return None  # (a cancel notice's fence: the teletype's, not the field's: ``sectionend.cancel_notice``)
    if kind == "distribution" and _glues_field(e, look):
        return None  # (``… FOR NEA WATCHER E.O. 12958: N/A TAGS: …``: the fields.glued rules split it)
    more = _ONE_LINE_MORE.get(kind)
    if kind in _ONE_LINE and not (more and more.match(e)):
        return None
    if kind == "tags" and starts is None and _codes_glued(entries, cur.i, look):
        run.fire("glued-fields")
        e = str(entries[cur.i])  # (``ECON, PHUM, … UK SUBJECT: …``: the codes go on the TAGS field)
    if kind == "tags" and run.first(TAGS_END, _text(lines), e):
        return None
    return e


def _wrapped(entries: list[Entry], index: int, line: str, run: Run, skip: tuple[str, ...] = ()) -> str:
    """A line of the SUBJECT, REF or Classified By field cut where it runs on into the next
    field or the body (the ``fields.wrapped`` rules): the pieces replace it in ``entries``;
    its first piece returned."""
    for rule in run.active(WRAPPED):
        if rule.name in skip or not rule.wants(line):
            continue
        parts = rule.fn(line)
        if parts:
            run.fire(rule.name)
            entries[index : index + 1] = parts
            return parts[0]  # (its type kept: a RunOn piece ends the field)
    return line


def late_fields(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """The ``fields.late`` rules over the body's blocks (after the closing stage), with the
    preamble's ``fields``."""
    for rule in run.active(LATE):
        new = rule.fn(fields, blocks, run)
        if new != blocks:
            run.fire(rule.name)
            blocks = new
    return blocks


def with_refs(
    fields: tuple[Field, ...], blocks: tuple[Block, ...], own_year: int | None, guess: bool = False
) -> tuple[tuple[Field, ...], tuple[Block, ...]]:
    """Every REF field (in the preamble and among the blocks) parsed, once; ``guess``: the
    year of references without one is a guess (they are marked so)."""

    def parsed(field: Field) -> Field:
        if field.kind != "refs":
            return field
        refs = parse_refs(field.text, own_year)
        lines = [x for x in field.lines if isinstance(x, str)]
        refs = RefList(refs.head, on_lines(guessed(refs.items, guess), lines))
        return Field(field.kind, field.lines, field.banner, field.tokens, refs)

    return tuple(parsed(f) for f in fields), tuple(
        LateField(parsed(b.field)) if isinstance(b, LateField) else b for b in blocks
    )


#: white space where a copy lost a line break and kept the next line's indent
_LOST_BREAK = re.compile(r"\s{3,}")


def on_lines(refs: tuple[Ref, ...], lines: Sequence[str]) -> tuple[Ref, ...]:
    """The references marked ``run_in`` where the field's source ``lines`` (as
    :attr:`~.parsed.Field.text` joins them) show an item written on the same line as the one
    before it, and the writer meant it so: the item before ends in a separator (``(A) STATE
    37552, (B) REYKJAVIK 50``), or the two are one item naming two cables (``NAIROBI 988
    NAIROBI 974``). Labelled items run together with nothing between them (``B. CAIRO 457 C.
    CAIRO 826``) are a copy that lost its line breaks: they keep a line each. So is a gap of
    three spaces or more (``B. DAMASCUS 4183␣␣␣␣␣␣C. NEW DELHI 6735``, 05NEWDELHI6841: the
    continuation lines' indent). An item not found in the text as written starts a line."""
    text, starts = "", set()
    for line in lines:
        for part in _LOST_BREAK.split(line.strip()):
            text += " " if text else ""
            starts.add(len(text))
            text += " ".join(part.split())
    out, cursor = [], 0
    for index, ref in enumerate(refs):
        needle = ref.written or ref.text
        at = text.find(needle, cursor) if needle else -1
        if at < 0:
            out.append(ref)
            continue
        cursor = at + len(needle)
        meant = index > 0 and (bool(refs[index - 1].tail) or ref.written is None)
        out.append(dataclasses.replace(ref, run_in=True) if meant and at not in starts else ref)
    return tuple(out)
