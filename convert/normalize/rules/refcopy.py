"""Chain ``fields.full-refs`` (asked by the facts): a REF list cut short in the text
(``REF: A. STATE 244333 / B. US...``: a media partner's first copy of the preamble stops
there) read whole from the text's later copy of the same list, as ``fields.full-subject`` does
for a subject cut short. The text keeps both copies as written; the references the record
names are the whole list's."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..parsed import Block, Field, LateField, Line, Ref
from ..refs import guessed, parse_refs
from .ruler import Chain, Run, note

FULL_REFS: Chain[Callable[[Sequence[Ref], Sequence[str], int | None], tuple[Ref, ...] | None]] = Chain(
    "fields.full-refs",
    "fields",
    "A REF list cut short (``B. US...``), read whole from a later copy of it in the text (first match).",
)

_CUT = re.compile(r"\.\.\.|…")
#: a REF label inside a line (a copy of the preamble run together: ``… AT NATO REF: A. …``)
REF_AT = re.compile(r"(?<![A-Za-z])REF(?:S|TEL|TELS)?\s*:")
#: what ends a REF list in a copy: the Classified By field, a numbered paragraph, a summary, the
#: SBU handling sentence
REF_END = re.compile(
    r"(?i:classified\s+by)\b|(?<!\S)¶?\d{1,2}\.\s*\(|^\s*¶?\d{1,2}\.\s|(?i:\b(?:begin\s+)?summary\b)"
    r"|(?i:\bsensi?tive\s+but\s+unclassified\b)"
)
_ANCHOR = re.compile(r"¶(?=\s*[A-Z][.)])")
#: lines read after the label's line for the rest of a list written one item a line
_MORE_LINES = 8


def merged_refs(lists: Sequence[Sequence[Ref]]) -> list[Ref]:
    """The references of a cable's REF fields, in order, less the copies. A later list whose
    cables begin as an earlier list's do (one list the start of the other: a media partner's
    second copy of the preamble) is a copy: the longer of the two is kept, unless the earlier is
    cut short (``B. US...``: ``fields.full-refs`` reads it whole, and says so). A cable an
    earlier list names already is not named twice."""
    kept: list[Sequence[Ref]] = []
    for refs in lists:
        targets = _named(refs)
        same = next((k for k, old in enumerate(kept) if _begins_alike(_named(old), targets)), None)
        if same is None:
            kept.append(refs)
        elif len(targets) > len(_named(kept[same])) and not cut_short(kept[same]):
            kept[same] = refs  # the later copy is the whole list
    out: list[Ref] = []
    named: set[str] = set()
    for refs in kept:
        out += [ref for ref in refs if ref.target is None or ref.target not in named]
        named.update(ref.target for ref in refs if ref.target)
    return out


def _named(refs: Sequence[Ref]) -> list[str]:
    return [ref.target for ref in refs if ref.target]


def _begins_alike(one: list[str], other: list[str]) -> bool:
    """Whether two lists of cables name the same first ones (one is the start of the other)."""
    shorter = min(len(one), len(other))
    return shorter > 0 and one[:shorter] == other[:shorter]


def naming(refs: tuple[Ref, ...]) -> tuple[Ref, ...] | None:
    """A REF list read from a copy, if it names a cable and is not cut short."""
    return refs if any(ref.target for ref in refs) and not cut_short(refs) else None


def cut_short(refs: Sequence[Ref]) -> bool:
    """Whether a REF list stops short: an item that holds ``...`` (``B. US...``, ``C. THE HAGUE 140 ...``)."""
    return bool(refs) and any(_CUT.search(ref.text) for ref in refs)


def list_at(lines: Sequence[str], index: int, start: int, year: int | None) -> tuple[Ref, ...]:
    """The REF list whose label is at ``start`` of line ``index``: to the Classified By field,
    a numbered paragraph or a summary (on the following lines while they are part of it)."""
    text = lines[index][start:]
    for more in lines[index + 1 : index + 1 + _MORE_LINES]:
        if REF_END.match(more) or REF_AT.search(more):
            break
        text += " " + more
    end = REF_END.search(text)
    return parse_refs(_ANCHOR.sub("", text[: end.start()] if end else text), year).items


@FULL_REFS.rule(
    "cut-refs",
    note=note(
        "normalization",
        "A REF list cut short in the text (a media partner's first copy of the preamble ends in …) is read "
        "whole from the text's later copy of the same list, when that copy begins with the same references; "
        "where that copy is a REF list of its own, the cut one is the preview's, a wrapper line.",
    ),
)
def cut_refs(refs: Sequence[Ref], lines: Sequence[str], year: int | None) -> tuple[Ref, ...] | None:
    """The first later REF list whose cables begin with the cut list's cables and go on: the
    cut list's own items (``A. STATE 244333``) must all be the copy's first ones."""
    named = [ref.target for ref in refs if ref.target]
    if not named:
        return None
    for index, line in enumerate(lines):
        match = REF_AT.search(line)
        if match is None:
            continue
        copy = list_at(lines, index, match.start(), year)
        targets = [ref.target for ref in copy if ref.target]
        if len(targets) > len(named) and targets[: len(named)] == named and not cut_short(copy):
            return tuple(copy)
    return None


_NOT_ALNUM = re.compile(r"[^0-9A-Za-z]++")


def _written(refs: Sequence[Ref]) -> str:
    """A REF list's labels and texts, letters and digits only, upper case (``A. A...`` -> ``AA``)."""
    return _NOT_ALNUM.sub("", "".join(f"{r.written or ''}{_CUT.sub('', r.text)}" for r in refs)).upper()


@FULL_REFS.rule(
    "cut-refs-unnamed",
    after="cut-refs",
    note=note(
        "normalization",
        "A REF list cut short before it names a cable (``REF:...``, ``REF: A. STATE ...``, ``REF: A) Y...``: a "
        "media partner's first copy of the preamble ends there) is read from the text's later copy of the list, "
        "when that copy begins as the cut one is written.",
    ),
)
def cut_refs_unnamed(refs: Sequence[Ref], lines: Sequence[str], year: int | None) -> tuple[Ref, ...] | None:
    """The first later REF list that begins with what the cut list writes (its labels and text,
    letters and digits only: ``A. STATE ...`` begins ``A. STATE 15228``; a bare ``REF:...`` only a
    list whose label starts its line), names a cable and is not cut short."""
    if not refs or any(ref.target for ref in refs):
        return None
    begins = _written(refs)
    for index, line in enumerate(lines):
        match = REF_AT.search(line)
        if match is None or (not begins and line[: match.start()].strip()):
            continue
        copy = list_at(lines, index, match.start(), year)
        if naming(copy) and _written(copy).startswith(begins):
            return copy
    return None


#: a numbered paragraph's first line (``1. (C) …``, ``¶2. …``, ``3)``): where a preamble, or a
#: text's opening, has ended
PARAGRAPH_START = re.compile(r"^\s*+¶?\s*+\d{1,2}\s*+[.)]")


@FULL_REFS.rule(
    "refs-of-copy",
    after="cut-refs",
    note=note(
        "normalization",
        "Where a media partner's first copy of the preamble stops in the SUBJECT (…) and so has no REF field, "
        "the REF list is read from the text's later copy of the preamble, the one the whole subject is read from.",
    ),
)
def refs_of_copy(refs: Sequence[Ref], lines: Sequence[str], year: int | None) -> tuple[Ref, ...] | None:
    """No REF field (asked only where the SUBJECT is cut short and read whole from a later
    copy): the first REF list of that copy, before its first numbered paragraph
    (``SUBJECT: … IN GEORGIA REF: SECSTATE 85678 Classified By: …``), if it names a cable."""
    if refs:
        return None
    for index, line in enumerate(lines):
        if PARAGRAPH_START.match(line):
            return None
        match = REF_AT.search(line)
        if match is not None:
            return naming(list_at(lines, index, match.start(), year))
    return None


def whole_refs(
    refs: list[Ref],
    fields: Sequence[Field],
    blocks: Sequence[Block],
    year: tuple[int | None, bool],
    run: Run,
    warnings: list[str],
    missing: bool = False,
) -> list[Ref]:
    """The references of a REF list cut short, read whole from a later copy in the text (the
    lines of the fields after the first REF field, then of the blocks): a warning says so.
    ``missing``: the text's first copy stops in its SUBJECT, read whole from a later copy; with
    no REF field, that copy's REF list is read."""
    if not (cut_short(refs) or (missing and not refs)):
        return refs
    first = next((i for i, f in enumerate(fields) if f.kind == "refs"), len(fields))
    parts: list[Sequence[object]] = [f.lines for f in fields[first + 1 :]]
    parts += [block_lines(block) for block in blocks]
    lines = [x for part in parts for x in part if isinstance(x, str)]
    whole: tuple[Ref, ...] | None = run.first(FULL_REFS, refs, lines, year[0])
    if not whole:
        return refs
    warnings.append(
        "the REF list is cut short in the text: the references are read whole from its later copy"
        if refs
        else "the text's first copy of the preamble stops in the SUBJECT: the references are read from its later copy"
    )
    return list(guessed(whole, year[1]))


def block_lines(block: Block) -> list[Line]:
    """A block's lines as written, with its list items' (each item's label before its text)."""
    if isinstance(block, LateField):
        return list(block.field.lines)
    lines: list[Line] = list(getattr(block, "lines", ()))
    for item in getattr(block, "items", ()):
        first, *rest = item.lines or ("",)
        lines += [f"{item.label} {first}" if item.label and isinstance(first, str) else first, *rest]
    return lines


def preview_refs(fields: Sequence[Field], blocks: Sequence[Block]) -> tuple[Field, ...]:
    """The fields, the first REF list a wrapper where it is cut short (``C. 08 STATE ...``: a
    media partner's preview) and a REF list of the text's later copy (a late field) names the
    same cables whole (09STATE47202: the preview's list and the whole one were both printed as
    the cable's REF lists). Its lines are kept as written, with the preview's other lines."""
    index = next((i for i, f in enumerate(fields) if f.kind == "refs"), None)
    field = fields[index] if index is not None else None
    if field is None or field.refs is None or not cut_short(field.refs.items):
        return tuple(fields)
    named = _named(field.refs.items)
    for block in blocks:
        if not (isinstance(block, LateField) and block.field.kind == "refs" and block.field.refs is not None):
            continue
        whole = block.field.refs.items
        if not cut_short(whole) and len(_named(whole)) >= len(named) and _begins_alike(named, _named(whole)):
            out = list(fields)
            out[index] = replace(field, kind="wrapper", refs=None)  # type: ignore[index]
            return tuple(out)
    return tuple(fields)
