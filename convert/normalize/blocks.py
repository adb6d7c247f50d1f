"""Stage "blocks" (its rules: :mod:`convert.normalize.rules.blocks`): the body's entries
grouped into runs of lines, each run made a block, then passes over the blocks."""

from __future__ import annotations

import bisect
import itertools

from .needles import searches
from .parsed import Block, Entry, Furniture, Line, PageBreak, Paragraph
from .rules.blocks import CUT, KINDS, MERGE, PASSES, STARTS, split_items, text_lines
from .rules.missing import section_number
from .rules.ruler import Run

Chunk = list[Line] | Furniture


def chunks(entries: list[Entry], run: Run) -> list[Chunk]:
    """Group entries into runs of lines (split at blank lines, and where a paragraph starts
    inside a run: ``blocks.starts``; a rule's int n > 1 starts the new run n - 1 lines back,
    an int -n makes the run's last n lines a run of their own) and standalone furniture
    between them."""
    starts = run.leading(STARTS)  # the rules a line's first character can make fire
    out: list[Chunk] = []
    current: list[Line] | None = None
    pending: list[Furniture] = []
    for entry in entries:
        if entry is None:
            current = None
            continue
        if isinstance(entry, Furniture):
            if current is not None:
                pending.append(entry)
            else:
                out.append(entry)
            continue
        carried: list[Line] = []
        if current is not None:
            for rule in starts[entry.lstrip()[:1]]:
                found = rule.fn(current, entry)
                if found:  # "… End Summary." then "¶2. (SBU) …" on the next line
                    run.fire(rule.name)
                    if found is not True and found > 1:  # the run starts lines back (a title and its rule)
                        carried = current[-(found - 1) :]
                        del current[-(found - 1) :]
                    elif found is not True and found < 0:  # the run's last lines stand alone (a title)
                        alone = current[found:]
                        del current[found:]
                        if not current:
                            out.pop()  # the title was all of the run
                        out.append(alone)
                    current = None
                    break
        if current is None:
            if pending:
                out.extend(pending)
                pending = []
            current = carried
            out.append(current)
        elif pending:
            current.extend(pending)
            pending = []
        current.append(entry)
    out.extend(pending)
    return out


def merge(found: list[Chunk], run: Run) -> list[Chunk]:
    """Join runs that one paragraph was split into (``blocks.merge``), behind any furniture."""
    rules = run.active(MERGE)
    if not rules:
        return found
    out: list[Chunk] = []
    for chunk in found:
        if isinstance(chunk, list) and chunk:
            back = len(out) - 1
            furniture: list[Furniture] = []
            while back >= 0 and isinstance(out[back], Furniture):
                furniture.insert(0, out[back])  # type: ignore[arg-type]
                back -= 1
            prev = out[back] if back >= 0 else None
            if isinstance(prev, list):
                before, texts = text_lines(prev), text_lines(chunk)  # (read once for all the rules)
                # the archive's box where a section is missing joins no text, before or after it
                boxed = section_number(before) is not None or section_number(texts) is not None
                rule = None if boxed else next((r for r in rules if r.fn(before, furniture, texts)), None)
                if rule is not None:
                    run.fire(rule.name)
                    prev.extend(furniture)
                    prev.extend(chunk)
                    del out[back + 1 :]
                    continue
        out.append(chunk)
    return out


def cut(entries: list[Entry], run: Run) -> list[Entry]:
    """The entries with marks and headings run into text lines cut out (``blocks.cut``: each
    rule in turn, over the text pieces the rules before it left). A rule with a trigger is
    shown only the lines that hold it, found by one search of all the text lines joined (a
    trigger holds no line break: each occurrence lies in one line); the list is copied only
    when a rule cuts a line, and the text joined again."""
    out = entries
    lines: _Lines | None = None
    for rule in run.active(CUT):  # (the chain does not fold: its triggers are compared as written)
        if lines is None:
            lines = _Lines(out)
        done: list[Entry] | None = None
        last = 0
        for index in lines.holding(rule.trigger):
            pieces = rule.fn(out[index])  # type: ignore[arg-type]  # (a text line)
            if pieces:
                run.fire(rule.name)
                done = out[:index] if done is None else done
                done.extend(out[last:index] if last else ())
                done.extend(pieces)
                last = index + 1
        if done is not None:
            done.extend(out[last:])
            out, lines = done, None
    return out


class _Lines:
    """The text lines of a list of entries joined, where each begins, and its index."""

    def __init__(self, entries: list[Entry]) -> None:
        self.where = [i for i, x in enumerate(entries) if isinstance(x, str)]
        self.texts: list[str] = [entries[i] for i in self.where]  # type: ignore[misc]
        self.starts = list(itertools.accumulate((len(x) + 1 for x in self.texts[:-1]), initial=0))
        self.whole = "\n".join(self.texts)

    def holding(self, needles: tuple[str, ...]) -> list[int]:
        """The indexes of the text lines that hold one of ``needles`` (all: none given), in order."""
        if not needles:
            return self.where
        if any("\n" in n for n in needles):
            return [i for i, text in zip(self.where, self.texts, strict=True) if any(n in text for n in needles)]
        found: set[int] = set()
        alone, patterns = searches(needles)  # (``needles``: several found by one pattern)
        for needle in alone:
            at = self.whole.find(needle)
            while at >= 0:
                line = bisect.bisect_right(self.starts, at) - 1
                found.add(line)
                # the next occurrence in a later line (this line holds it)
                nxt = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.whole)
                at = self.whole.find(needle, nxt)
        for pattern in patterns:
            match = pattern.search(self.whole)
            while match is not None:
                line = bisect.bisect_right(self.starts, match.start()) - 1
                found.add(line)
                nxt = self.starts[line + 1] if line + 1 < len(self.starts) else len(self.whole)
                match = pattern.search(self.whole, nxt)
        return [self.where[k] for k in sorted(found)]


def body_blocks(entries: list[Entry], run: Run) -> list[Block]:
    """The body's blocks, before the closing stage."""
    kinds = run.active(KINDS)
    blocks: list[Block] = []
    for chunk in merge(chunks(cut(entries, run), run), run):
        if isinstance(chunk, Furniture):
            blocks.append(PageBreak(chunk))
            continue
        texts = [x for x in chunk if isinstance(x, str)]
        if not texts:
            continue
        for rule in kinds:
            block = rule.fn(chunk, texts, run)
            if block is not None:
                run.fire(rule.name)
                blocks.append(block)
                break
        else:
            head, items = split_items(list(chunk), run)
            blocks.append(Paragraph(tuple(head), items=tuple(items)))
    for pass_rule in run.active(PASSES):
        new = pass_rule.fn(blocks, run)
        if new is not blocks:
            run.fire(pass_rule.name)
            blocks = new
    return blocks
