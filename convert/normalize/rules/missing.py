"""Stage "blocks", chains ``blocks.cut`` and ``blocks.kinds``: the archive's box where a section
of the cable is missing (``*********************** * Missing Section 002 * ***********************``,
on one line or three). The cable was sent in sections and the archive received some of them
only: the box stands where the missing one would be. It is the publisher's line, not the cable's:
a block of its own (``ab type="missing-section"``, the box kept as written), never text of the
paragraph before it, which the missing section cut off. The chains are made in
:mod:`convert.normalize.rules.blocks`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsed import AnonBlock, Block, Entry, Line
from .blocks import CUT, KINDS
from .ruler import Run, note

#: the box on one line: a row of asterisks, ``* Missing Section 002 *``, a row of asterisks
_BOX = re.compile(r"\*{5,}[ \t]*+\*[ \t]*+Missing Section[ \t]++(?P<n>\d{1,3})[ \t]*+\*[ \t]*+\*{5,}")
#: the box's middle line when it is written on three lines, and the rows above and below it
_BOX_MIDDLE = re.compile(r"^[ \t]*+\*[ \t]*+Missing Section[ \t]++(?P<n>\d{1,3})[ \t]*+\*[ \t]*+$")
_STARS = re.compile(r"^[ \t]*+\*{5,}[ \t]*+$")


@CUT.rule(
    "missing-section-cut",
    trigger=("Missing Section",),
)
def missing_section_cut(line: str) -> list[Entry] | None:
    """``… Chavez has become a *********************** * Missing Section 002 * ****…`` (a copy that
    lost its line breaks), or the box on a line of its own right under the last line of text
    (08MOSCOW1124): the box is a run of its own, apart from the text before and after it (a
    blank line on either side)."""
    match = _BOX.search(line)
    if match is None:
        return None
    before, after = line[: match.start()].rstrip(), line[match.end() :].strip()
    pieces: list[Entry] = [before, None] if before else [None]
    pieces.extend((match.group(), None))
    return [*pieces, after] if after else pieces


def section_number(texts: Sequence[str]) -> int | None:
    """The number of the missing section a run of lines is the box of (one line, or three: the
    rows of asterisks above and below the middle line); None if it is not such a box."""
    if len(texts) == 1:
        match = _BOX.fullmatch(texts[0].strip())
    elif len(texts) == 3 and _STARS.match(texts[0]) and _STARS.match(texts[2]):
        match = _BOX_MIDDLE.match(texts[1])
    else:
        return None
    return int(match["n"]) if match else None


@KINDS.rule(
    "missing-section",
    before="short-underlined-heading",
    note=note(
        "normalization",
        "The archive's box where a section of the cable is missing (* Missing Section 002 *) is a block of "
        "its own (ab type=\"missing-section\", the box as written), apart from the text it cut off; the "
        "reading edition prints it as an editorial line, and a warning names the section.",
    ),
)
def missing_section(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """The box alone in its run of lines is a block of its own, not a paragraph (nor a list,
    as its ``*`` would make it)."""
    return AnonBlock("missing-section", tuple(chunk)) if section_number(texts) is not None else None


def missing_sections(blocks: Sequence[Block]) -> list[int]:
    """The numbers of the sections the archive's boxes say are missing, in order."""
    return [
        n
        for b in blocks
        if isinstance(b, AnonBlock) and b.type == "missing-section"
        for n in (section_number([x for x in b.lines if isinstance(x, str)]),)
        if n is not None
    ]
