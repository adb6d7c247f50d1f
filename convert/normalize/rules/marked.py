"""Chain ``blocks.passes`` (continued from :mod:`.passes`): an unnumbered paragraph that opens
with its portion marking.

A cable of one paragraph, or a post's style, gives the text without a number: ``(C) HMG is
aware that Iran could soon begin to look for …``. The marking ``(C)`` reads like a list's label
(the third letter), so the text became item C of a list of one, its level lost and the
signature after it swallowed into the item.

Chain ``blocks.starts`` too: in a text written without numbers, a marked paragraph that follows
the one before with no blank line between starts a run of its own (``marked-line``).
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, ItemList, Line, Paragraph
from . import passes  # noqa: F401  (attach-lists, which this rule goes before, registered first)
from .blocks import PARA_START, PASSES, STARTS, terminal, text_lines
from .gaps import salutation
from .ruler import Run, note

#: a label that is a portion marking: a classification level and its caveats (``(C)``, ``(SBU)``,
#: ``(S/NF)``, ``(C/REL UK)``)
_MARKING = re.compile(r"^\(\s*(?P<level>U|SBU|C|S|TS|LOU)(?:\s*/\s*[A-Z]+(?:\s[A-Z]+)?)*\s*\)$")
#: the letter a list would have had before a level that is a letter too (``(C)`` after ``(B)``)
_LETTER_BEFORE = {"C": "B", "S": "R", "U": "T"}
#: the words the text must hold to be a paragraph (a sentence, not a list's short entry)
_WORDS = 6
#: a block merged into the one before it
_GONE = ItemList(())
#: the paragraph's number written after its portion marking (``(C) 1. In a visit …``): after a
#: marked paragraph's marking, or at the start of an unnumbered paragraph's first line
_NUMBER_FIRST = re.compile(r"^\s*+(?P<num>\d{1,3})\.\s")
_MARKING_THEN_NUMBER = re.compile(
    r"^\s*+\(\s*+(?:U|SBU|C|S|TS|LOU)(?:\s*+//?\s*+[A-Z]++(?:\s[A-Z]++)?)*+\s*+\)\s*+(?P<num>\d{1,3})\.\s"
)
#: the next paragraph's number run on after the last sentence of a paragraph (``… End Comment. 10.``)
_RUN_ON_NUMBER = re.compile(r"(?<=[.!?\"')])\s++(?P<num>\d{1,3})\.\s*+$")


#: a line that opens with a portion marking and a sentence's first word: ``(C) First and foremost, …``
_MARKED_LINE = re.compile(
    r"^\s*+\((?:U|SBU|C|S|TS|LOU)(?:\s*+//?\s*+[A-Z]++(?:\s[A-Z]++)?)*+\)\s++[\"\u201c]?[A-Z](?:[a-z]|\s)"
)


@STARTS.rule("marked-line", after="next-paragraph", lead=r"\(")  # (_MARKED_LINE)
def marked_line(block: list[Line], line: str) -> bool:
    """``… that is no longer the case today.`` / ``(C) The Bundeswehr will probably never …``
    (10BERLIN138, a letter written without paragraph numbers): in a run that is not a numbered
    paragraph, a line that opens with a portion marking and a sentence in mixed case, after a
    finished sentence, starts a new run (``marked-paragraph`` then reads it as a paragraph with
    that marking); so does one after a letter's salutation (``Dear Madam Secretary,``). In a
    numbered paragraph such a line is a marked part of it, left alone."""
    if not _MARKED_LINE.match(line):
        return False
    texts = text_lines(block)
    if not texts or PARA_START.match(texts[0]):
        return False
    return terminal(texts[-1]) or salutation(texts[-1])


def _last_label(block: Block | None) -> str | None:
    """The label of the last item of a list, or of a paragraph's items, as a bare letter."""
    items = block.items if isinstance(block, ItemList | Paragraph) else ()
    return items[-1].label.strip("().: ").upper() if items else None


def _ends_with_colon(block: Paragraph) -> bool:
    texts = text_lines(block.lines)
    return bool(texts) and texts[-1].rstrip().endswith(":")


def _number_alone(block: Paragraph) -> bool:
    """A numbered paragraph that is its number alone: no marking, text, items or furniture
    (the marked text after it is its text; anything it held would be lost in the merge)."""
    return (
        block.marking is None
        and not block.items
        and all(isinstance(x, str) for x in block.lines)
        and not "".join(x for x in block.lines if isinstance(x, str))
    )


def _run_on_number(block: Block | None, numbers: set[int]) -> tuple[str, int, str] | None:
    """``9. (C) … End Comment. 10.``: the last line of a numbered paragraph without the number
    of the next one run on after its last sentence, that number and its label; None unless the
    number is the one after the paragraph's and the cable has no paragraph of it."""
    if not isinstance(block, Paragraph) or block.n is None or block.items or not block.lines:
        return None
    last = block.lines[-1]
    if not isinstance(last, str):
        return None
    found = _RUN_ON_NUMBER.search(last)
    if found is None or int(found["num"]) != block.n + 1 or block.n + 1 in numbers:
        return None
    return last[: found.start()], block.n + 1, found["num"] + "."


@PASSES.rule(
    "marked-paragraph",
    before="attach-lists",
    note=note(
        "normalization",
        "An unnumbered paragraph that opens with its portion marking ((C), (SBU), (S/NF)) is a paragraph "
        "with that marking, not an item of a list labelled with the letter.",
    ),
)
def marked_paragraph(blocks: list[Block], run: Run) -> list[Block]:
    """``(C) HMG is aware that Iran could soon …``: a list whose first label is a portion
    marking and whose text is a sentence (six words or more) is an unnumbered paragraph with that
    marking (the list's other items stay its items; a paragraph number alone on the line before,
    ``17.``, or run on after the last sentence of the paragraph before, ``… End Comment. 10.``,
    when the cable has no paragraph of it, is its number) — unless the letter goes on a lettered
    list before it (``(B) …`` then ``(C) …``)."""
    out: list[Block] | None = None
    numbers = {b.n for b in blocks if isinstance(b, Paragraph) and b.n is not None}
    for index, block in enumerate(blocks):
        if not isinstance(block, ItemList) or not block.items:
            continue
        first = block.items[0]
        marking = _MARKING.match(first.label.strip())
        if marking is None or len(" ".join(text_lines(first.lines)).split()) < _WORDS:
            continue
        letter = marking["level"]
        before = blocks[index - 1] if index else None
        if letter in _LETTER_BEFORE and _last_label(before) == _LETTER_BEFORE[letter]:
            continue
        if isinstance(before, Paragraph) and not before.items and _ends_with_colon(before):
            continue  # ``… neighborhoods are):`` / ``(C) Within walking distance …``: the answer, an item
        out = out or list(blocks)
        prev = out[index - 1] if index else None
        if isinstance(prev, Paragraph) and prev.n is not None and _number_alone(prev):
            # ``17.`` alone on its line, its text the marked one after it: one paragraph
            out[index - 1] = Paragraph(first.lines, prev.n, prev.label, prev.label_fix, first.label.strip(),
                                       block.items[1:])
            out[index] = _GONE
            continue
        cut = _run_on_number(prev, numbers)
        if cut is not None and isinstance(prev, Paragraph):
            # ``… End Comment. 10.`` / ``(U) This message …``: the number run on is this one's
            out[index - 1] = Paragraph((*prev.lines[:-1], cut[0]), prev.n, prev.label, prev.label_fix,
                                       prev.marking, prev.items)
            out[index] = Paragraph(first.lines, cut[1], cut[2], None, first.label.strip(), block.items[1:])
            numbers.add(cut[1])
            continue
        out[index] = Paragraph(first.lines, None, None, None, first.label.strip(), block.items[1:])
    return [b for b in out if b is not _GONE] if out is not None else blocks


@PASSES.rule(
    "marking-before-number",
    after="marked-paragraph",
    note=note(
        "normalization",
        "A paragraph with its portion marking before its number ((C) 1. …) has that number, its label after the "
        "marking, as written.",
    ),
)
def marking_before_number(blocks: list[Block], run: Run) -> list[Block]:
    """``(C) 1. In a visit to The Hague …``, ``(SBU) 10. Schaper stressed …`` (03THEHAGUE1865): an
    unnumbered paragraph whose text opens with its portion marking and then a number (1 to 199)
    the cable has no paragraph of is the paragraph of that number (``@n``), the number its label
    and the marking its marking, as a numbered paragraph's are, in the order the cable writes
    them (``marked_first``: the TEI writes the marking, then the label)."""
    numbers = {b.n for b in blocks if isinstance(b, Paragraph) and b.n is not None}
    out: list[Block] | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.n is not None or block.label is not None:
            continue
        first = next((x for x in block.lines if isinstance(x, str)), None)
        if first is None:
            continue
        found = (_NUMBER_FIRST if block.marking else _MARKING_THEN_NUMBER).match(first)
        if found is None or not 1 <= int(found["num"]) <= 199 or int(found["num"]) in numbers:
            continue
        numbers.add(int(found["num"]))
        out = out or list(blocks)
        at = block.lines.index(first)
        lines = (*block.lines[:at], first[found.end() :], *block.lines[at + 1 :])
        label = first[found.start("num") : found.end("num") + 1]
        marking = block.marking or first[: found.start("num")].strip()
        out[index] = dataclasses.replace(block, lines=lines, n=int(found["num"]), label=label, marking=marking,
                                         marked_first=True)
    return out if out is not None else blocks


#: a portion marking that no list label reads (more than one letter: ``(SBU)``, ``(S/NF)``,
#: ``(C/REL UK)``) at the start of a line, then the text
_LONG_MARKING = re.compile(
    r"^\s*+(?P<marking>\((?:SBU|TS|LOU|(?:U|C|S)(?=\s*+/))(?:\s*+//?\s*+[A-Z]++(?:[ ,]\s*+[A-Z]++)*+)*+\))\s++(?=\S)"
)


@PASSES.rule(
    "marked-text",
    after="marking-before-number",
    note=note(
        "normalization",
        "An unnumbered paragraph that opens with a portion marking of more than one letter ((SBU), (S/NF), "
        "(C/REL UK)) is a paragraph with that marking.",
    ),
)
def marked_text(blocks: list[Block], run: Run) -> list[Block]:
    """``(SBU) In the days leading to the three-day exercises, the official Cuban media …``
    (09HAVANA721): an unnumbered paragraph whose first line opens with a portion marking that no
    list label reads (``(SBU)``, ``(S/NF)``, ``(C/NF)``; ``marked-paragraph`` takes ``(C)``,
    ``(S)``, ``(U)``), its text a sentence (six words or more), is a paragraph with that
    marking: the marking is the paragraph's, as a numbered paragraph's is."""
    out: list[Block] | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.n is not None or block.marking or block.label:
            continue
        first = block.lines[0] if block.lines and isinstance(block.lines[0], str) else ""
        found = _LONG_MARKING.match(first)
        if found is None or len(" ".join(text_lines(block.lines)).split()) < _WORDS + 1:
            continue
        out = out or list(blocks)
        out[index] = dataclasses.replace(block, lines=(first[found.end() :], *block.lines[1:]),
                                         marking=found["marking"])
    return out if out is not None else blocks
