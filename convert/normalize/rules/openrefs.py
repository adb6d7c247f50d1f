"""Chain ``fields.opening-refs`` (asked by the facts): a cable with no REF field whose REF
list is inside the text's opening lines, where the preamble reader does not take it for a
field: glued after a line that is no field (``… FROM SUEZ REF: CAIRO 0173 Sensitive but …``
after a title that has no SUBJECT label; ``(U) This message is sensitive but unclassified,
please treat accordingly. REF: Sao Paulo 367``; ``MEETING REF: STATE 007493 CLASSIFIED BY: …``
after a subject cut at a blank line), or the second line of an unnumbered paragraph (the
subject's last line, then ``REF: A. STATE 6516``). The text keeps its lines as written; the
references the record names are that list's."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..parsed import Block, Paragraph, Ref
from ..refs import guessed
from .refcopy import PARAGRAPH_START, REF_AT, block_lines, list_at, naming
from .ruler import Chain, Run, note

OPENING_REFS: Chain[Callable[[Sequence[Sequence[str]], int | None], tuple[Ref, ...] | None]] = Chain(
    "fields.opening-refs",
    "fields",
    "No REF field: a REF list inside the text's opening lines, before its first numbered paragraph (first match).",
)

#: the opening lines read: the field glued to the title or to the handling sentence is in the
#: body's first lines, never further down (a REF label further on is the text's)
OPENING_LINES = 4
#: the line a media partner's first copy of the preamble stops at, after the SUBJECT: the cut
#: mark alone, or after the REF label's first letters (``...``, ``RE...``)
_CUT_LINE = re.compile(r"^\s*+(?:R|RE|REF)?\s*+(?:\.\.\.|…)\s*+$")
#: a REF label that starts its line (a field of the later copy, not a mention in the text)
_REF_LINE = re.compile(r"^\s*+REF(?:S|TELS?)?\s*+:")


@OPENING_REFS.rule(
    "opening-refs",
    note=note(
        "normalization",
        "Where the preamble has no REF field, a REF list run on into the text's opening lines (after a "
        "title without a SUBJECT label, a handling sentence or a subject's last line) gives the references; "
        "the lines stay as written.",
    ),
)
def opening_refs(blocks: Sequence[Sequence[str]], year: int | None) -> tuple[Ref, ...] | None:
    """The first REF list (an upper-case ``REF:`` label, not inside a word) in the first
    :data:`OPENING_LINES` lines (of ``blocks``, each block's lines) before a numbered paragraph,
    to the Classified By field, a numbered paragraph, a summary or its block's end, if it names a
    cable and is not cut short (``…``)."""
    seen = 0
    for lines in blocks:
        for index, line in enumerate(lines):
            if seen == OPENING_LINES or PARAGRAPH_START.match(line):
                return None
            seen += 1
            match = REF_AT.search(line)
            if match is not None:
                return naming(list_at(lines, index, match.start(), year))
    return None


def opening_refs_of(
    refs: list[Ref],
    blocks: Sequence[Block],
    year: tuple[int | None, bool],
    run: Run,
    warnings: list[str],
    copied: bool = False,
) -> list[Ref]:
    """``refs`` (the REF fields'), or where there are none the ``fields.opening-refs`` list of
    the body's opening lines (the lines of the blocks before the first numbered paragraph): a
    warning says so. ``copied``: the SUBJECT was read whole from a later copy (``fields.full-refs``
    has read that copy's REF list, if it has one): nothing more is read."""
    if refs or copied:
        return refs
    lines: list[list[str]] = []
    for block in blocks:
        if isinstance(block, Paragraph) and block.n is not None:
            break
        lines.append([x for x in block_lines(block) if isinstance(x, str) and x.strip()])
    found = next(((rule.name, read) for rule in run.active(OPENING_REFS) if (read := rule.fn(lines, year[0]))), None)
    if found is None:
        return refs
    run.fire(found[0])
    warnings.append(
        "no REF field: the references are read from a REF list run on into the text's opening lines"
        if found[0] == "opening-refs"
        else "the text's first copy of the preamble stops after its SUBJECT: the references are read from its "
        "later copy"
    )
    return list(guessed(found[1], year[1]))


@OPENING_REFS.rule(
    "refs-after-cut",
    after="opening-refs",
    note=note(
        "normalization",
        "Where a media partner's first copy of the preamble stops after its SUBJECT (a line ``...`` or "
        "``RE...``) and so has no REF field, the REF list is read from the text's later copy of the preamble.",
    ),
)
def refs_after_cut(blocks: Sequence[Sequence[str]], year: int | None) -> tuple[Ref, ...] | None:
    """The body opens with the first copy's cut (``...``, ``RE...``): the first REF field of the
    later copy (a line that starts with the label) before the first numbered paragraph, if it
    names a cable and is not cut short."""
    lines = [line for block in blocks for line in block]
    if not lines or not _CUT_LINE.match(lines[0]):
        return None
    for index, line in enumerate(lines):
        if PARAGRAPH_START.match(line):
            return None
        if _REF_LINE.match(line):
            return naming(list_at(lines, index, line.index("REF"), year))
    return None
