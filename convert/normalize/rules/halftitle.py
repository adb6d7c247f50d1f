"""Chain ``blocks.passes`` (after :mod:`.tailtitle`'s passes): a title broken over two lines whose
first line the copy ran on after the paragraph before.

``… End Summary.   Bradford & Bingley -`` / blank / ``The Story So Far`` / ``-----`` (08LONDON2909),
``… briefed U/S Kennedy by phone. End Summary. Recovery is Fragile and Banker Bonuses`` /
``Radioactive`` / ``-----`` (09LONDON2225), ``… from April 24 to May 3. AI Report on Indigenous Living``
/ ``Conditions ------`` (05BRASILIA1325): the second line was read as the heading, the first as the
paragraph's last words. ``half-title`` moves the first line's words back to the heading they begin,
where they follow a finished sentence and read as a title's words (capitalised, or the small words
a title keeps, a dash last), and the heading itself is short and heads a numbered paragraph.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, Heading, Paragraph
from .blocks import PASSES
from .ruled import is_rule
from .ruler import Run, note
from .runs import END_LABEL, next_numbered
from .tailtitle import last_lines, with_last_lines

#: a title's words after the last finished sentence of a line: capitalised, or a title's small
#: words, ``&``, a dash last (``Bradford & Bingley -``); two to nine words, or one with a dash
_HALF = re.compile(
    r"(?:(?<=[.!?]\s)|(?<=[.!?][\"'\u201d)]\s))\s*+"
    rf"(?!{END_LABEL})"  # (not a span's end label: ``… well. End Summary`` / ``OVERSIGHT …``)
    r"(?P<t>[A-Z][\w'\u2019/-]*+(?:\s++(?:(?:[A-Z]\.){2,4}|[A-Z0-9][\w'\u2019/-]*+|&|of|and|the|in|on|for|to|a|an|is"
    r"|with|at|by)){0,8}"
    r"\??(?:\s++--?)?)\s*$"  # (a question ends it: ``… End Summary.  More British Troops?``, 09LONDON2639)
)
#: a word whose stop ends no sentence: an honorific, an abbreviation, an acronym with its stops
_ABBREVIATION = re.compile(r"\(?(?:(?:[A-Z]\.)+[A-Z]?|Mr|Mrs|Ms|Dr|Amb|Gen|Col|Lt|St|No|Sen|Rep|Gov|Pres)\.")
#: the heading a half title goes on in: up to six words, the first capitalised
_SHORT = 6


def _half(block: Paragraph) -> tuple[Paragraph, str] | None:
    """The paragraph less the title's first words run on after its last sentence, and the words."""
    lines = last_lines(block)
    if not lines or not isinstance(lines[-1], str):
        return None
    line = lines[-1]
    found = _HALF.search(line)
    if found is None or (len(found["t"].split()) < 2 and not found["t"].endswith("-")):
        return None
    before = line[: found.start("t")].split()
    if before and _ABBREVIATION.fullmatch(before[-1]):
        return None  # (``… Defense Attache, U.S. Embassy Tel Aviv``: no sentence ends there)
    if before and all(set(word) <= {".", "\u2026"} for word in before):
        return None  # (``... BUT OPTIMISTIC ABOUT`` / ``RAPPROCHEMENT …``, 10BOGOTA235: an ellipsis opens the title)
    return with_last_lines(block, (*lines[:-1], line[: found.start("t")].rstrip())), found["t"]


@PASSES.rule(
    "half-title",
    after="mixed-title-after-text",
    note=note(
        "normalization",
        "A title broken over two lines whose first line the copy ran on after the paragraph before (… End "
        "Summary. Bradford & Bingley - / The Story So Far) is one heading again; the words are kept as written.",
    ),
)
def half_title(blocks: list[Block], run: Run) -> list[Block]:
    """``… by phone. End Summary. Recovery is Fragile and Banker Bonuses`` / ``Radioactive`` / rule /
    ``¶2.``: the heading is ``Recovery is Fragile and Banker Bonuses Radioactive``."""
    out = list(blocks)
    for index in range(len(blocks) - 1):
        block, heading = blocks[index], blocks[index + 1]
        ruled = index + 2 < len(blocks) and is_rule(blocks[index + 2])  # (its rule a block of its own: 09LONDON2639)
        if not (isinstance(block, Paragraph) and isinstance(heading, Heading)
                and next_numbered(blocks, index + 1 + ruled)):
            continue
        text = " ".join(x for x in heading.lines if isinstance(x, str)).strip()
        if not text.lstrip("\"'“‘")[:1].isupper() or len(text.split()) > _SHORT:  # (``"The Cupboard is Bare."``)
            continue
        cut = _half(block)
        if cut is not None:
            out[index] = cut[0]
            out[index + 1] = dataclasses.replace(heading, lines=(f"{cut[1]} {text}",))
    return out if out != blocks else blocks
