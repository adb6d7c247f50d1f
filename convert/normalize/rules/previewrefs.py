"""Chain ``fields.preview-refs`` (run by the normalizer after ``fields.late``, first match): the
preamble's REF list cut short by a media partner's preview, where the partner's copy of the
cable, after its database row, writes the list whole.

The pages of one partner print a preview of the cable cut short inside the REF list (``REF: A.
STATE 68263`` / ``B. THE HAGUE 787 (NOTAL)`` / ``C. THE HAGUE 140 (NOTAL) ...``, ``REF: ...``,
``REF: A. RICHARD-WITMER EMAIL 10/9`` / ``B....``), then the row (``15650`` / ``2004-04-02`` /
``04THEHAGUE868`` / …) and the cable again, whose REF list is whole. The preview's list stood
as the cable's REF list and the copy's after it as a paragraph: the references twice in the
reading text, the first time cut.

``preview-refs-copy``: the copy's list (a paragraph that opens with a REF field, its items
included, or a REF field met late), before the first numbered paragraph and after a block of
the wrapper, that begins with the preview's words (letters and digits, up to its cut) and goes
on, or is those words without the cut mark (``REF: QUITO 100 ...`` / ``REF: QUITO 100``), not
cut itself, is the cable's REF list (a late REF field); the preview's is a wrapper field, kept
in the opener as written. (Where the copy met late names more cables, ``cut-refs`` read the
whole list for the record and the preview's list was made a wrapper after the facts; this rule
now does it first, for every copy, named or not: ``REF: 05 LIMA...`` / ``REF: 05 LIMA 5396``.)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..parsed import AnonBlock, Block, Field, LateField, Line, Paragraph
from .again import CUT, as_wrapper, plain
from .blocks import text_lines
from .fields import field_kind
from .refcopy import REF_AT, REF_END
from .ruler import Chain, Run, note

PREVIEW_REFS: Chain[Callable[[list[Field], list[Block], Run], tuple[list[Field], list[Block]] | None]] = Chain(
    "fields.preview-refs",
    "fields",
    "The preamble's REF list cut short by a preview, written whole in the partner's copy after it (first match).",
)

def _copy_lines(block: Block, run: Run) -> list[Line] | None:
    """The lines of a REF list written in ``block`` (a paragraph's, its items' after it, each
    label before its text, or a REF field met late), or None where the block is no REF list."""
    if isinstance(block, LateField):
        return list(block.field.lines) if block.field.kind == "refs" else None
    if not isinstance(block, Paragraph) or block.n is not None or block.marking is not None:
        return None
    texts = text_lines(block.lines)
    if not texts or field_kind(texts[0], run.trial()) != "refs":
        return None
    lines: list[Line] = list(block.lines)
    for item in block.items:
        first, *rest = item.lines or ("",)
        lines += [f"{item.label} {first}" if isinstance(first, str) else first, *rest]
    return lines


def _preview(fields: Sequence[Field]) -> tuple[int, bool, str] | None:
    """The preamble's first REF field: where it stands, whether a cut mark (``...``) ends it, and its
    letters and digits up to the cut (:func:`~.again.plain`); None where there is none."""
    at = next((k for k, f in enumerate(fields) if f.kind == "refs"), None)
    if at is None:
        return None
    written = fields[at].text
    cut = CUT.search(written)
    return at, cut is not None, plain(written[: cut.start()] if cut else written)


def _copies(text: str, stem: str, cut: bool) -> bool:
    """Whether ``text`` writes the preview's REF list whole: not cut itself, it begins with the preview's
    words up to the cut (``stem``) and goes on, or, where the preview was ``cut``, is those words."""
    words = plain(text)
    return not CUT.search(text) and words.startswith(stem) and (cut or len(words) > len(stem))


@PREVIEW_REFS.rule(
    "preview-refs-copy",
    note=note(
        "normalization",
        "A REF list cut short by a media partner's preview, written whole in the partner's copy of the cable "
        "after its database row, is read from that copy (the cable's REF list, where it stands); the preview's "
        "cut list is part of the wrapper, kept in the opener.",
    ),
)
def preview_refs_copy(fields: list[Field], blocks: list[Block], run: Run) -> tuple[list[Field], list[Block]] | None:
    """The copy's REF list, after a wrapper block and before the first numbered paragraph, that
    begins with the preamble's first REF list's words up to its cut and goes on, or is those
    words whole (not cut itself): a late REF field; the preamble's list a wrapper field."""
    preview = _preview(fields)
    if preview is None:
        return None
    at, cut, stem = preview
    wrapped = False
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is not None:
            return None
        if isinstance(block, AnonBlock) and block.type == "wrapper":
            wrapped = True
            continue
        lines = _copy_lines(block, run) if wrapped else None
        if lines is None:
            continue
        if not _copies(" ".join(x for x in lines if isinstance(x, str)), stem, cut):
            return None
        out_fields = list(fields)
        out_fields[at] = as_wrapper(fields[at])
        out_blocks = list(blocks)
        out_blocks[index] = block if isinstance(block, LateField) else LateField(Field("refs", tuple(lines)))
        return out_fields, out_blocks
    return None


def preview_refs(fields: Sequence[Field], blocks: list[Block], run: Run) -> tuple[list[Field], list[Block]]:
    """The ``fields.preview-refs`` rules (first match) over the preamble's fields and the blocks."""
    found = run.first(PREVIEW_REFS, list(fields), blocks, run)
    return found if found is not None else (list(fields), blocks)


#: a line of a REF list after its label's: an item's label first (``¶B. THE HAGUE 133``, ``(C) STATE 12``)
_ITEM_LINE = re.compile(r"^\s*+¶?\s*+\(?[A-Z][.)]\s")
#: the site's anchor before an item's label (``¶B.``), which the cablegate page added
_ANCHOR = re.compile(r"^(\s*)¶\s*")


def _wrapped_list(texts: Sequence[str]) -> tuple[int, int, int, int] | None:
    """Where the last REF list in a wrapper's text lines is: (first line, where in it, last line,
    where in it the list ends), the list running from its label over the lines after it that are
    items, to its end (``Classified By``, a paragraph, a summary: ``refcopy.REF_END``) or the last."""
    found = [(k, m.start()) for k, t in enumerate(texts) for m in REF_AT.finditer(t)]
    if not found:
        return None
    first, at = found[-1]
    last = first
    while True:
        end = REF_END.search(texts[last], at + 1 if last == first else 0)
        if end is not None:
            return first, at, last, end.start()
        if last + 1 == len(texts) or not _ITEM_LINE.match(texts[last + 1]):
            return first, at, last, len(texts[last])
        last += 1


@PREVIEW_REFS.rule(
    "preview-refs-wrapped",
    after="preview-refs-copy",
    note=note(
        "normalization",
        "A REF list cut short by a media partner's preview, written whole in the partner's database row that "
        "copies the preamble, is read from that copy (the cable's REF list, after the row); the preview's cut "
        "list is part of the wrapper, kept in the opener, and so is the rest of the row.",
    ),
)
def preview_refs_wrapped(fields: list[Field], blocks: list[Block], run: Run) -> tuple[list[Field], list[Block]] | None:
    """``REF: A. THE HAGUE 175`` / ``B. THE HAGUE 133`` / ``C. THE H...``, then the partner's row that
    copies the routing and the preamble and writes the REF list whole (``REF: A. …`` / ``¶B. …`` /
    ``¶C. THE HAGUE 102`` / ``¶D. THE HAGUE 61``, 08THEHAGUE302; run on in one line, ``SUBJECT: … REF:
    A. KYIV 1557 B. MOSCOW 2351 Classified By: …``, 08MOSCOW2411), before the first numbered paragraph:
    the row's last REF list, when it begins with the preview's words up to the cut (and goes on, or is
    those words without the cut mark: ``B. THE HAGUE 0092...``, 09THEHAGUE514), is the cable's REF list
    (a late REF field after the row); the preview's cut list and the row's other lines are the wrapper."""
    preview = _preview(fields)
    if preview is None or not preview[1]:
        return None
    at, _cut, stem = preview
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is not None:
            return None
        if not (isinstance(block, AnonBlock) and block.type == "wrapper"):
            continue
        texts = [x if isinstance(x, str) else "" for x in block.lines]
        where = _wrapped_list(texts)
        if where is None:
            continue
        first, start, last, end = where
        written = [texts[first][start:], *texts[first + 1 : last + 1]]
        written[-1] = written[-1][: end - (start if last == first else 0)].rstrip()
        if not _copies(" ".join(written), stem, True):
            continue
        before = [*block.lines[:first], *([texts[first][:start].rstrip()] if texts[first][:start].strip() else [])]
        after = [*([texts[last][end:].strip()] if texts[last][end:].strip() else []), *block.lines[last + 1 :]]
        out_fields = list(fields)
        out_fields[at] = as_wrapper(fields[at])
        refs = LateField(Field("refs", tuple(_ANCHOR.sub(r"\1", t) for t in written)))
        out: list[Block] = [AnonBlock("wrapper", tuple(part)) for part in (before, after) if part]
        out.insert(1 if before else 0, refs)
        return out_fields, [*blocks[:index], *out, *blocks[index + 1 :]]
    return None
