"""The cable's numbered text written twice: a second copy after the first.

Some pages hold the text twice, or part of it: a media partner's copy after ``> @@@OASYS@@@``
(02ROME1196), a database row that repeats the routing header and the text after the signer
(08BERN443, 09BERN260), the row's summary and paragraphs of the text again after the row's
line (08MANAMA306's ``… HENZEL`` / ``0 05/15/2008 3797 ENRG,… Bahrain is …`` / ``2.(C) Minister
of Oil …``; 08LONDON1224, 09TRIPOLI953), a section's paragraphs given twice
(09SECTION02OF03QRIPOLI583's 6-9). Read as it stands, the cable had those paragraphs twice:
a count too high, and numbers out of sequence. Not a list of numbered titles given again over
the sections they name (Embassy Berlin's media reactions: 09BERLIN1054, 10BERLIN8): the titles
are too short to tell a copy by.

``repeated-text`` (chain ``blocks.passes``, the last): where the numbering goes back (to M,
not above the number before) and runs M, M+1, … to the last numbered paragraph, and each
paragraph of that run (one alone; else all but one at most, and two at least) begins as the
first run's paragraph of its number begins (its first 50 characters, spacing and case aside:
a title is too short to tell), the run is the copy: its paragraphs stay where they stand, in
full, unnumbered, each with its number and portion marking written back before its text (as
the source has them). A restart whose paragraphs are not the first run's (10BERN48's ``1, 2,
1, 2, 3, …``) is left as it is. The copy is marked where it begins, right after the first run's
paragraph before the restart (a :class:`CopyStart`: what stands between, a row, a copy of the
routing header or the preamble, a heading, is the copy's; a name alone after that paragraph is
its signature, the first copy's): the TEI sets it apart as
``div type="copy"`` with a note, and the editions under a heading of their own.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from ..parsed import Block, CopyStart, Line, Paragraph
from .blocks import PASSES
from .names import CAPS_WORD
from .ruler import Run, note
from .runs import is_bare

#: how much of a paragraph's start two copies must share
_START = 50
#: a signer's name alone on its line
_NAME_ALONE = re.compile(rf"\s*{CAPS_WORD}\.?\s*")


def _start(block: Paragraph) -> str:
    """The paragraph's first 50 characters; "" for a shorter one (a title: Embassy Berlin's
    media reactions list their numbered titles, then give each again over its section)."""
    text = " ".join(" ".join(x for x in block.lines if isinstance(x, str)).split())
    return text[:_START].upper() if len(text) >= _START else ""


def copy_run(numbers: Sequence[int | None], starts: Sequence[str]) -> list[int]:
    """The indexes (into ``numbers``) of a run that copies numbered text before it: the last
    place where the numbering goes back (to M, not above the number before it), running M,
    M+1, … to the end, whose ``starts`` (each paragraph's first words; "" for one too short to
    tell) are the first run's of the same number: one alone, or all but one at most and two
    at least; else none. Shared with the evaluation's ¶ anchor audit."""
    for k in range(len(numbers) - 1, 0, -1):  # the last step back: a copy runs to the end
        here, before = numbers[k], numbers[k - 1]
        if here is None or before is None or here > before:
            continue
        run = range(k, len(numbers))
        if list(numbers[k:]) != list(range(here, here + len(run))):
            return []
        first: dict[int | None, str] = {}
        for n, start in zip(numbers[:k], starts[:k], strict=True):
            first.setdefault(n, start)
        same = sum(1 for i in run if starts[i] and first.get(numbers[i]) == starts[i])
        return list(run) if same >= (1 if len(run) == 1 else max(2, len(run) - 1)) else []
    return []


def _unnumbered(block: Paragraph) -> Paragraph:
    """The paragraph without its number: the number as written and the marking back before
    its first line."""
    lines: list[Line] = list(block.lines)
    lead = " ".join(x for x in (block.label or f"{block.n}.", block.marking) if x)
    at = next((k for k, x in enumerate(lines) if isinstance(x, str)), None)
    if at is None:
        lines.insert(0, lead)
    else:
        lines[at] = f"{lead} {lines[at]}".rstrip()
    return Paragraph(tuple(lines), items=block.items)


@PASSES.rule(
    "repeated-text",
    after="title-before-number",
    note=note(
        "normalization",
        "A second copy of numbered paragraphs after the text (their numbers again, each beginning as the "
        "first copy's does) is kept in full where it stands, its paragraphs unnumbered (their numbers written "
        "as in the source), and set apart as the second copy: the cable's paragraphs are counted once.",
    ),
)
def repeated_text(blocks: list[Block], run: Run) -> list[Block]:
    """The numbered paragraphs of a second copy of the text, unnumbered."""
    numbered = [(i, b) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    numbers = [b.n for _, b in numbered if b.n is not None]
    if all(a < b for a, b in itertools.pairwise(numbers)):
        return blocks  # the numbering never goes back: no copy (and no paragraph's start to read)
    copied = copy_run(numbers, [_start(b) for _, b in numbered])
    if not copied:
        return blocks
    out = list(blocks)
    for position in (numbered[k][0] for k in copied):
        block = out[position]
        assert isinstance(block, Paragraph)
        out[position] = _unnumbered(block)
    at = numbered[copied[0] - 1][0] + 1  # after the first run's paragraph before it
    while at < len(out) and _signed(out[at]):
        at += 1  # and after its signature, a name alone (the closing reads the copy's)
    out.insert(at, CopyStart())
    return out


def _signed(block: Block) -> bool:
    """A bare paragraph that is a name alone (``CARTER``): the first copy's signature."""
    if not isinstance(block, Paragraph) or not is_bare(block):
        return False
    texts = [x for x in block.lines if isinstance(x, str) and x.strip()]
    return len(texts) == 1 and _NAME_ALONE.fullmatch(texts[0]) is not None
