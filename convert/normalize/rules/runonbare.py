"""Chain ``blocks.passes`` (continued from :mod:`.gaps`): paragraph numbers without a portion
marking that a copy ran on into the paragraph before, where its line breaks were lost (``… See
paragraphs 2-4. 3. Reason for request: …``), or that start a line of a text single-spaced
throughout (``… IN LENINGRAD.`` / ``2. NO CHANGE …``). Only numbers the cable's order asks for
are taken: the whole gap before the next numbered paragraph, in order, or after the last one,
from the next number on, when it is the first such number in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..parsed import Block, Line, Paragraph
from .blocks import PASSES
from .gaps import numbered
from .ruler import Run, note

#: the last sign of a finished sentence
_END = r"[.!?\"')\]]"
#: the next paragraph's number run on after a finished sentence, with no portion marking, before
#: a word in capitals: ``… See paragraphs 2-4. 3. Reason for request: …``
#: (``(?<=END)\s++``: the first white space, then the sign before it looked back at: ``re`` skips
#: to white space, where a look-behind first is tried at every position)
_RUN_ON_BARE = re.compile(r"\s(?<=" + _END + r"\s)\s*+(?P<num>\d{1,3})\.\s++(?=[A-Z])")
#: the same at a line's start, after a line that ends a sentence (a text single-spaced throughout)
_LINE_START_BARE = re.compile(r"^\s*+(?P<num>\d{1,3})\.\s++(?=[A-Z])")
_SENTENCE_END = re.compile(_END + r"\s*+$")
#: the same after a news item's attribution, which ends no sentence (a newsletter's items:
#: ``… for light aircraft. Source - Yahoo 20. Brazil Wants Help …``): the source's name, one
#: to four words with capitals, then the number
_AFTER_SOURCE = re.compile(
    r"(?<!\S)Sources?\s?[-:]\s++(?:[A-Z][\w.&'-]*+\s++){1,4}?(?P<num>\d{1,3})\.\s++(?=[A-Z])"
)
#: a number of a list inside the paragraph's text (``… AS FOLLOWS: 1. A/S Claudia McMurray 2.
#: Larry Sperling (OES) 3. Connie …``), however it follows the words before it
_LIST_NUMBER = re.compile(r"(?<!\S)(?P<num>\d{1,2})\.\s++(?=[A-Z])")


@PASSES.rule(
    "unmarked-run-on-paragraph",
    after="bare-paragraph-number",
    note=note(
        "normalization",
        "Numbered paragraphs without a portion marking run on at the end of the one before them (… See "
        "paragraphs 2-4. 3. Reason for request: …), or starting its line after a finished sentence in a text "
        "single-spaced throughout, are paragraphs of their own when their numbers fill the "
        "gap in the cable's numbers after the paragraph before (every missing number, in order), or follow "
        "the cable's last numbered paragraph in order from the next number.",
    ),
)
def unmarked_run_on_paragraph(blocks: list[Block], run: Run) -> list[Block]:
    """``¶1. Action/funding request in paragraph 5. 2. Summary: Mission Indonesia requests …``
    (10JAKARTA186), ``… involving parties to this license. 3. Reason for request: …``
    (08STATE58722): where paragraph N's text holds N+1 and a word in capitals after a finished
    sentence, with no portion marking, that is paragraph N+1 when the cable has no paragraph
    N+1 and its next numbered paragraph is N+2; so for a wider gap, when N's text holds every
    missing number in order (``… public security.  4. After only six months …  5. …`` up to
    ¶9, 08BUENOSAIRES858), and after the cable's last numbered paragraph, from N+1 on as far as
    the numbers go, when N+1 is the first number run on in its text (``… September 24, 2009.
    2. Emboffs also made …``, 09LONDON2291: a line break lost in copying). A number that starts
    a line after a finished sentence counts as run on (a text single-spaced throughout: ``… IN
    LENINGRAD.`` / ``2. NO CHANGE …``). ``run-on-paragraphs`` takes a number with a marking in
    the lines, before the blocks are read."""
    numbers = set(numbered(blocks))
    out: list[Block] = []
    for index, block in enumerate(blocks):
        cut = _cut_bare(block, numbers, numbered(blocks[index + 1 :])[:1]) if isinstance(block, Paragraph) else None
        out.extend(cut or [block])
    return out if len(out) != len(blocks) else blocks


#: the most paragraph numbers one paragraph's text may hold run on, in a gap
_MOST_RUN_ON = 9


def _cut_bare(block: Paragraph, numbers: set[int], after: list[int]) -> list[Block] | None:
    """Paragraph N cut where the missing numbers after it run on in its text: N+1 up to the
    number before ``after`` (its next numbered paragraph's number), all of them, or, when
    ``after`` is empty (N is the last), N+1 and the numbers after it in order as long as each
    is the first run on in what is left. None when nothing is cut."""
    n = block.n
    if n is None or n + 1 in numbers:
        return None
    if after and not n + 2 <= after[0] <= n + 1 + _MOST_RUN_ON:
        return None
    wanted = range(n + 1, after[0]) if after else range(n + 1, n + 1 + _MOST_RUN_ON)
    pieces: list[Block] = []
    rest = block
    for number in wanted:
        cut = _cut_at(rest, number, first_only=not after)
        if cut is None:
            break
        pieces.append(cut[0])
        rest = cut[1]
    if not pieces or (after and len(pieces) != len(wanted)):
        return None
    numbers.update(range(n + 1, n + 1 + len(pieces)))
    return [*pieces, rest]


def _cut_at(block: Paragraph, number: int, first_only: bool) -> tuple[Paragraph, Paragraph] | None:
    """``block`` cut where ``number`` runs on in its text, or starts one of its lines after a
    finished sentence (a text single-spaced throughout: ``… IN LENINGRAD.`` / ``2. NO CHANGE
    …``), the first number so placed with ``first_only``: the text before, and paragraph
    ``number`` with the rest and the items. With ``first_only``, the numbers of a list counted
    from 1 inside the text are passed over (``… FOLLOWS: 1. A/S … 2. Larry … (OES) 3. Connie …
    (USAID) 2. VISITORS …``), and the number that goes on with such a list is the list's (a
    statement quoted with its own numbers 1 to 10: no paragraph 7 is read in its 7)."""
    listed: tuple[int, int] | None = None  # (line, the last number of a list counted from 1 in it)
    for at, found in _bare_numbers(block.lines):
        num = int(found["num"])
        if first_only and listed is not None and listed == (at, num - 1):
            return None
        if num != number:
            if not first_only:
                continue
            if not _in_list(block.lines[at], found):
                return None
            listed = (at, num)
            continue
        line = block.lines[at]
        assert isinstance(line, str)
        before = line[: found.start("num")].rstrip()
        head = Paragraph((*block.lines[:at], before) if before else block.lines[:at], block.n, block.label,
                         block.label_fix, block.marking)
        rest = Paragraph((line[found.end() :], *block.lines[at + 1 :]), number, f"{found['num']}.", None,
                         None, block.items)
        return head, rest
    return None


def _bare_numbers(lines: tuple[Line, ...]) -> Iterator[tuple[int, re.Match[str]]]:
    """Each paragraph number without a marking after a finished sentence in ``lines``, in
    order, with its line's index: at a line's start (the line before ending the sentence) or
    run on inside a line."""
    ended = False
    for at, line in enumerate(lines):
        if not isinstance(line, str):
            ended = False
            continue
        starts = _LINE_START_BARE.match(line) if ended and at else None
        if starts is not None:
            yield at, starts
        found = list(_RUN_ON_BARE.finditer(line))
        if "Source" in line:  # (a news item's attribution before the number: rare)
            found = sorted([*found, *_AFTER_SOURCE.finditer(line)], key=lambda m: m.start("num"))
        yield from ((at, m) for m in found)
        ended = _SENTENCE_END.search(line) is not None


def _in_list(line: Line, found: re.Match[str]) -> bool:
    """Whether the number ``found`` ends a list numbered from 1 inside ``line``: 1 up to the
    number before it stand in order before it (a list of names: a paragraph's number, which
    the order asks for, comes after it)."""
    if not isinstance(line, str):
        return False
    wanted, n = 1, int(found["num"])
    for match in _LIST_NUMBER.finditer(line, 0, found.start("num")):
        if int(match["num"]) == wanted:
            wanted += 1
    return n > 1 and wanted == n
