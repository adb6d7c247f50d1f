"""Stage "closing" (its rules: :mod:`convert.normalize.rules.closing`): trailing end markers,
footers, classification lines and the signature move out of the last paragraph into closing
blocks, kept in order."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from .parsed import AnonBlock, Block, Closing, Heading, ItemList, Line, ListItem, PageBreak, Paragraph, Signature
from .rules.blocks import text_lines
from .rules.closing import DOUBLED, END_MARKER, LINES, SIGNATURE, TWICE, after_text
from .rules.copysigned import COPY
from .rules.endings import AFTER_END, STAMP
from .rules.groups import BEFORE_SIGNER, QUOTE_CLOSED, QUOTE_OPENED
from .rules.headsigned import HEADING
from .rules.names import is_name
from .rules.recopied import COPIES, header_lead
from .rules.ruler import Run
from .rules.runs import is_bare
from .trailer import set_apart

#: blocks of text: a closing needs one before it (TEI allows no closer in a div without content)
_CONTENT = (Paragraph, ItemList, AnonBlock, Heading)


def _pop_last_line(blocks: list[Block], block: Paragraph) -> None:
    """``block`` (the last block) without its last text line; furniture after that line stays
    in place as blocks of its own; an unnumbered paragraph left without text goes."""
    lines = list(block.lines)
    for index in range(len(lines) - 1, -1, -1):
        if isinstance(lines[index], str):
            trailing = lines[index + 1 :]
            del lines[index:]
            blocks[-1] = block = _with_lines(block, lines)
            blocks.extend(PageBreak(f) for f in trailing if not isinstance(f, str))
            break
    empty = not any(isinstance(x, str) and x.strip() for x in block.lines)
    if empty and is_bare(block):
        del blocks[next(i for i in range(len(blocks) - 1, -1, -1) if blocks[i] is block)]  # this one, not an equal one
        blocks.extend(PageBreak(x) for x in block.lines if not isinstance(x, str))


def _pop_item_line(blocks: list[Block], block: Paragraph) -> None:
    """``block`` (the last block) without the last text line of its last list item."""
    item = block.items[-1]
    lines = list(item.lines)
    index = max(i for i, x in enumerate(lines) if isinstance(x, str))
    trailing = lines[index + 1 :]
    del lines[index:]
    items = (*block.items[:-1], ListItem(item.label, tuple(lines)))
    blocks[-1] = dataclasses.replace(block, items=items)
    blocks.extend(PageBreak(f) for f in trailing if not isinstance(f, str))


def _with_lines(block: Paragraph, lines: list[Line]) -> Paragraph:
    return dataclasses.replace(block, lines=tuple(lines))


def _replace_item_line(blocks: list[Block], block: Paragraph, text: str) -> None:
    """``block`` (the last block) with ``text`` for the last text line of its last list item."""
    item = block.items[-1]
    lines = list(item.lines)
    lines[max(i for i, x in enumerate(lines) if isinstance(x, str))] = text
    blocks[-1] = dataclasses.replace(block, items=(*block.items[:-1], dataclasses.replace(item, lines=tuple(lines))))


def _replace_last_line(blocks: list[Block], index: int, text: str) -> None:
    block = blocks[index]
    assert isinstance(block, Paragraph)
    lines = list(block.lines)
    for k in range(len(lines) - 1, -1, -1):
        if isinstance(lines[k], str):
            lines[k] = text
            break
    blocks[index] = _with_lines(block, lines)


def _lines_before(blocks: list[Block], n: int) -> list[str]:
    """The ``n`` text lines before the body's last one (nearest last), across the paragraphs
    at the end (page furniture between them passed over)."""
    found: list[str] = []
    for block in reversed(blocks):
        if isinstance(block, PageBreak):
            continue
        if not isinstance(block, Paragraph) or block.items:
            break
        found[:0] = text_lines(block.lines)
        if len(found) > n:
            break
    return found[-n - 1 : -1]


def _as_paragraph(blocks: list[Block], step: Callable[[], None]) -> bool:
    """Whether the last block is a list of items: if so, ``step`` reads it as a paragraph of items (as the
    closing's rules read a paragraph's), and what is left of it is written back as a list."""
    last = blocks[-1] if blocks else None
    if not isinstance(last, ItemList):
        return False
    at = len(blocks) - 1
    blocks[at] = Paragraph(items=last.items)
    step()
    done = blocks[at] if at < len(blocks) else None
    if isinstance(done, Paragraph) and not done.lines and done.items:
        blocks[at] = ItemList(done.items)
    return True


def _closing_lines(blocks: list[Block], tail: list[Block], run: Run) -> None:
    if _as_paragraph(blocks, lambda: _closing_lines(blocks, tail, run)):
        return
    rules = run.active(LINES)
    after = run.active(AFTER_END)
    while blocks:
        last = blocks[-1]
        if isinstance(last, PageBreak):
            tail.insert(0, blocks.pop())
            continue
        if _copied(blocks, tail, run):
            continue
        if isinstance(last, Paragraph) and last.items:
            if not _item_closing(blocks, last, tail, run):
                _stamp(blocks, last, tail, run)
                break
            continue
        if not isinstance(last, Paragraph) or (last.n is not None and len(last.lines) == 0):
            break
        texts = text_lines(last.lines)
        if not texts:
            break
        line = texts[-1]
        kind = next(((r.name, k) for r in rules if (k := r.fn(line, last)) is not None), None)
        if kind is None:  # a numbered paragraph's own lines only: after it, another message may begin
            before = _lines_before(blocks, 2) if last.n is None and last.marking is None else texts[-3:-1]
            kind = next(((r.name, k) for r in after if (k := r.fn(line, before)) is not None), None)
        if kind is None:
            _stamp(blocks, last, tail, run)
            break
        run.fire(kind[0])
        _pop_last_line(blocks, last)
        tail.insert(0, Closing(line, kind[1]))


def _copied(blocks: list[Block], tail: list[Block], run: Run) -> bool:
    """The ``closing.copies`` rules on the last block (an unnumbered, unmarked paragraph or a
    wrapper block): a copy of the routing header goes to the closing blocks, a wrapper a line."""
    texts = _copy_texts(blocks)
    if not (texts and run.first(COPIES, texts, run)):
        return False
    while True:
        blocks.pop()
        tail[:0] = [Closing(x, "wrapper") for x in texts]
        texts = _copy_texts(blocks)
        if not (texts and header_lead(texts, run)):
            return True


def _copy_texts(blocks: list[Block]) -> list[str]:
    """The text lines of the last block, if it is an unnumbered, unmarked paragraph or a
    wrapper block with a block before it; else none."""
    last = blocks[-1] if len(blocks) >= 2 else None
    plain = isinstance(last, Paragraph) and last.n is None and last.marking is None and not last.items
    if not (plain or (isinstance(last, AnonBlock) and last.type == "wrapper")):
        return []
    assert isinstance(last, (Paragraph, AnonBlock))
    return [x for x in text_lines(last.lines) if x.strip()]


def _item_closing(blocks: list[Block], last: Paragraph, tail: list[Block], run: Run) -> bool:
    """The ``closing.lines`` rules on the last line of the last list item, when the text ends
    in a list (``-- DEATH PENALTY - …`` / `` CONFIDENTIAL`` / ``>`` / ``2001VATICA03507 -
    Classification: CONFIDENTIAL``, 01VATICAN3507): a closing line goes to the closing blocks;
    the item keeps its first line."""
    texts = text_lines(last.items[-1].lines)
    if len(texts) < 2:
        return False
    line = texts[-1]
    kind = next(((r.name, k) for r in run.active(LINES) if (k := r.fn(line, last)) is not None), None)
    if kind is None:
        return False
    run.fire(kind[0])
    _pop_item_line(blocks, last)
    tail.insert(0, Closing(line, kind[1]))
    return True


def _stamp(blocks: list[Block], last: Paragraph, tail: list[Block], run: Run) -> None:
    """An export's stamp after the name on the last line (``closing.stamp``), the paragraph's or
    its last list item's (``-- … such a visit.`` / ``STEVENS 0 02/20/2008``, 08TRIPOLI137): the
    stamp goes to the closing blocks as a wrapper (an end marker glued on: as the end marker),
    the name stays for the signature."""
    texts = text_lines(last.items[-1].lines if last.items else last.lines)
    at = run.first(STAMP, texts[-1]) if texts else None
    if not at:
        return
    line = texts[-1]
    if last.items:
        _replace_item_line(blocks, last, line[:at])
    else:
        _replace_last_line(blocks, len(blocks) - 1, line[:at])
    tail.insert(0, Closing(line[at:], "end-marker" if END_MARKER.match(line[at:]) else "wrapper"))


def _signed(name: str, run: Run, *, inline: bool = False, run_on: bool = False) -> list[Block]:
    """The signature blocks of a signature line: one, or two on one line when the line holds
    the name twice (``closing.doubled``)."""
    doubled = run.first(DOUBLED, name)
    if doubled is None:
        return [Signature(name, inline=inline, run_on=run_on)]
    return [
        Signature(doubled[0], inline=inline, run_on=run_on),
        Signature(doubled[1], inline=inline, same_line=True),
    ]


def _glued(line: str, kept: str, name: str) -> bool:
    """Whether the name ran on from the kept text with no space (one token in the source)."""
    return bool(kept) and not kept[-1].isspace() and line == kept + name


def _signature(blocks: list[Block], tail: list[Block], run: Run) -> None:
    """The signature: a name on its own last line, or after the last sentence."""
    if _as_paragraph(blocks, lambda: _signature(blocks, tail, run)):
        return
    last = blocks[-1] if blocks else None
    if isinstance(last, Heading) and (parts := run.first(HEADING, last)):  # (a cut section's title, then the name)
        blocks[-1:] = parts
        last = blocks[-1]
    if not isinstance(last, Paragraph):
        return
    if _starred_name(last):  # (``… cooperation.`` / ``* HENZEL``: no list of one item, a name with a stray star)
        item = last.items[0]
        blocks[-1] = last = dataclasses.replace(last, lines=(*last.lines, f"* {item.lines[0]}"), items=())
    texts: list[str] = text_lines(last.items[-1].lines) if last.items else text_lines(last.lines)
    if not texts:
        return
    found = run.first(SIGNATURE, last, texts)
    if found is None:
        return
    kept, name = found
    if last.items and kept is not None:
        _replace_item_line(blocks, last, kept)
        tail[:0] = _signed(name, run, inline=True, run_on=_glued(texts[-1], kept, name))
        return
    if last.items and text_lines(last.items[-1].lines)[-1:] == [name]:
        _pop_item_line(blocks, last)
        tail[:0] = _signed(name, run)
        return
    if kept is not None:
        _replace_last_line(blocks, len(blocks) - 1, kept)
        tail[:0] = _signed(name, run, inline=True, run_on=_glued(texts[-1], kept, name))
        return
    _pop_last_line(blocks, last)
    tail[:0] = _signed(name, run)
    _twice(blocks, tail, name, run)


def _starred_name(para: Paragraph) -> bool:
    """Whether a paragraph's one list item is a star before one line, a name in capitals (08MANAMA496)."""
    if len(para.items) != 1 or para.items[0].label != "*" or len(para.items[0].lines) != 1:
        return False
    line = para.items[0].lines[0]
    return isinstance(line, str) and line.isupper() and len(line.split()) <= 2 and is_name(line)


def _unmatched(blocks: list[Block]) -> bool:
    """Whether the text closes more quotations (``UNQUOTE``) than it opens (``QUOTE``)."""
    text = "\n".join(x for b in blocks if isinstance(b, Paragraph) for x in b.lines if isinstance(x, str))
    return len(QUOTE_CLOSED.findall(text)) > len(QUOTE_OPENED.findall(text))


def _before_signer(blocks: list[Block], tail: list[Block], run: Run) -> None:
    """Markings on the lines right above the signer's name (``closing.before-signer``: ``GP-3``)
    go to the closing blocks, before the signature, in order; a numbered paragraph keeps at
    least its first line."""
    while blocks and tail and isinstance(tail[0], Signature | Closing):
        last = blocks[-1]
        if not isinstance(last, Paragraph) or last.items:
            return
        texts = text_lines(last.lines)
        if not texts or (last.n is not None and len(texts) == 1):
            return
        # the whole text is read for its quotations only where the line closes one
        unmatched = QUOTE_CLOSED.search(texts[-1]) is not None and _unmatched(blocks)
        kind = run.first(BEFORE_SIGNER, texts[-1], unmatched)
        if kind is None:
            return
        _pop_last_line(blocks, last)
        tail.insert(0, Closing(texts[-1], kind))
        if kind == "end-marker":  # the repeated telegram's own signer above its end
            _signature(blocks, tail, run)


def _twice(blocks: list[Block], tail: list[Block], name: str, run: Run) -> None:
    """The name again on the line before the signature (``closing.twice``): alone in an
    unnumbered block, or the last line of a paragraph after its last sentence."""
    before = blocks[-1] if blocks else None
    if not isinstance(before, Paragraph) or before.items:
        return
    lines = text_lines(before.lines)
    alone = len(lines) == 1 and before.n is None
    if not lines or not (alone or (len(lines) > 1 and after_text(lines[-2], lines[-1]))):
        return
    if run.first(TWICE, name, lines[-1]):
        _pop_last_line(blocks, before)
        tail[:0] = _signed(lines[-1], run)


def _signed_above_trailer(blocks: list[Block], tail: list[Block], run: Run) -> None:
    """``JEFFREY`` / ``"Visit Ankara's Classified Web Site at http://www.intelink.s`` /
    ``gov.gov/wiki/Portal:Turkey"``: with no signer at the end, the post's notice is set apart
    first and the name above it read. The notice stays before the closing blocks (a division's
    ``closer`` ends it in TEI), as a notice after the name stands."""
    set_apart(blocks, run)
    notice: list[Block] = []
    while blocks and isinstance(blocks[-1], AnonBlock) and blocks[-1].type == "trailer":
        notice.insert(0, blocks.pop())
    if notice:
        _signature(blocks, tail, run)
        if any(isinstance(b, Signature) for b in tail):
            _before_signer(blocks, tail, run)
    blocks.extend(notice)


def signer_of(blocks: Sequence[Block]) -> str | None:
    """The telegram's signer: its first signature, or where a repeated telegram's text ends with
    its own signer and end marker (``SULLIVAN`` / ``UNQUOTE`` / ``VANCE``), the first after it."""
    signed = [i for i, b in enumerate(blocks) if isinstance(b, Signature)]
    if not signed:
        return None
    ends = [i for i, b in enumerate(blocks) if isinstance(b, Closing) and b.type == "end-marker" and i < signed[-1]]
    at = next(i for i in signed if i > (ends[-1] if ends else -1))
    block = blocks[at]
    assert isinstance(block, Signature)
    return block.split()[1].strip(" .#")


def split_closing(blocks: list[Block], has_refs: bool, run: Run) -> list[Block]:
    """The blocks with the closing ones at the end. A closing needs text before it: a body
    that is only a name or only "NNNN" stays text (unless the cable has a REF field)."""
    trial = run.trial()
    body, tail = _close(blocks, trial)
    closed = body + tail
    if not (has_refs or any(isinstance(b, _CONTENT) for b in closed)):
        return blocks
    run.keep(trial)
    if any(isinstance(b, Signature) for b in tail):
        return closed
    return run.first(COPY, closed, lambda part: _signed_part(part, run)) or closed  # (a text given twice)


def _close(blocks: list[Block], run: Run) -> tuple[list[Block], list[Block]]:
    """The blocks before the closing, and the closing blocks."""
    body = list(blocks)
    tail: list[Block] = []
    _closing_lines(body, tail, run)
    _signature(body, tail, run)
    if any(isinstance(b, Signature) for b in tail):
        _before_signer(body, tail, run)
        set_apart(body, run)
    else:
        _signed_above_trailer(body, tail, run)
    return body, tail


def _signed_part(blocks: list[Block], run: Run) -> tuple[list[Block], list[Block]] | None:
    """:func:`_close` of a part of the text where it finds a signature there, else None (and no rule fires)."""
    trial = run.trial()
    body, tail = _close(blocks, trial)
    if not any(isinstance(b, Signature) for b in tail):
        return None
    run.keep(trial)
    return body, tail
