"""Stage "closing": a post's website notice at the end of the text, set apart from the paragraph it
ends (the ``closing.trailer`` rules find it; :mod:`convert.normalize.closing` asks here)."""

from __future__ import annotations

import dataclasses

from .parsed import AnonBlock, Block, ItemList, Line, ListItem, PageBreak, Paragraph
from .rules.blocks import text_lines
from .rules.ruled import is_rule
from .rules.ruler import Run
from .rules.runs import is_bare
from .rules.trailers import TRAILER


def set_apart(blocks: list[Block], run: Run) -> None:
    """A post's website notice at the end of the text (``closing.trailer``), in the last block
    (its last list item, if it has items, or a list standing alone is that block: 09LONDON2293) or begun in the
    one before an unnumbered last block:
    out of the paragraph, into blocks of its own (``AnonBlock`` "trailer"), one for each block
    it stood in; begun in the one before, first (``For more reporting from Embassy Kuwait, visit:
    …`` / (blank) / ``Visit Kuwait's Classified Website: …``, 07KUWAIT808). Rules and page breaks after
    it stay after it (``-----`` / ``Visit Embassy Madrid's Classified Website; …`` / ``-----`` / a page
    line / ``AGUIRRE``, 06MADRID2632)."""
    tail = len(blocks)
    while tail and (isinstance(blocks[tail - 1], PageBreak) or is_rule(blocks[tail - 1])):
        tail -= 1
    if tail < len(blocks):  # (the notice sought before them, the blocks after it kept)
        body, ending = blocks[:tail], blocks[tail:]
        set_apart(body, run)
        blocks[:] = [*body, *ending]
        return
    for back in (2, 1):
        start = len(blocks) - back
        first = blocks[start] if start >= 0 else None
        if not isinstance(first, Paragraph) and not (back == 1 and isinstance(first, ItemList) and first.items):
            continue  # (a list of its own, after a heading, ends the text: its last item, 09LONDON2293)
        if back == 2 and not (isinstance(blocks[-1], Paragraph) and is_bare(blocks[-1])):
            continue
        lines = first.items[-1].lines if first.items or isinstance(first, ItemList) else first.lines
        after = (t for b in blocks[start + 1 :] if isinstance(b, Paragraph) for t in text_lines(b.lines))
        texts = [*text_lines(lines), *after]
        trial = run.trial()  # fires only where the notice is set apart
        found = trial.first(TRAILER, texts)
        if found is None or found[0] >= len(text_lines(lines)):  # none, or begun in the last block alone
            continue
        if found == (0, 0) and (first.items or (isinstance(first, Paragraph) and not is_bare(first))):
            return  # the post numbered it or made it an item: a paragraph of the cable
        run.keep(trial)
        before, moved = _cut(lines, *found)
        if first.items:
            item = first.items[-1]
            items = (*first.items[:-1], ListItem(item.label, before))
            kept: list[Block] = [dataclasses.replace(first, items=items)]
        elif isinstance(first, Paragraph) and (any(isinstance(x, str) and x.strip() for x in before)
                                               or not is_bare(first)):
            kept = [dataclasses.replace(first, lines=tuple(before))]
        else:  # nothing of it before the notice but page furniture
            kept = [PageBreak(x) for x in before if not isinstance(x, str)]
        later = [AnonBlock("trailer", b.lines) for b in blocks[start + 1 :] if isinstance(b, Paragraph)]
        blocks[start:] = [*kept, AnonBlock("trailer", moved), *later]
        return


def _cut(lines: tuple[Line, ...], line: int, column: int) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """``lines`` cut at the ``line``-th text line's ``column``: the lines before, the lines from
    the cut on (the page furniture where it stood)."""
    at = [k for k, x in enumerate(lines) if isinstance(x, str)][line]
    text = lines[at]
    assert isinstance(text, str)
    head = text[:column].rstrip()
    before = (*lines[:at], head) if head.strip() else lines[:at]
    return before, (text[column:].lstrip(), *lines[at + 1 :])
