"""Chain ``blocks.passes`` (continued from :mod:`.previews`): an old-style record's routing
block written again in the text after each later section's distribution block (91BERLIN3009):
transmission furniture, as the distribution block before it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..parsed import Block, Furniture, Line, Paragraph
from . import routing as routing_rules
from .blocks import PASSES, text_lines
from .previews import mend_paragraph
from .ruler import Run, note


def _routing_run(lines: Sequence[Line], start: int, run: Run) -> int:
    """Where the routing block that begins at ``start`` ends (``start``: there is none): a
    precedence and date-time group line, then FM, TO, INFO and their addressees."""
    look = run.trial()
    first = lines[start] if start < len(lines) else None
    if not isinstance(first, str) or routing_rules.classify(first, None, look) != "dtg":
        return start
    index, state = start, None
    while index < len(lines):
        line = lines[index]
        kind = routing_rules.classify(line, state, look) if isinstance(line, str) else None
        if kind is None:
            break
        base = kind.rstrip("+")
        state = base if base in ("to", "info", "xmt") else None
        index += 1
    # (an addressee's line reads like a line of text: the block ends with the routing, or a
    # mark or banner follows it)
    ends = index == len(lines) or not isinstance(lines[index], str)
    return index if index - start >= 3 and ends else start


def _transmission(line: Line) -> bool:
    """A distribution block's mark (``ACTION EUR-00``, ``------------------CF2A6B 231627Z /38``)."""
    if not isinstance(line, Furniture) or line.kind != "mark" or not line.lines:
        return False
    return line.lines[0][0] == "transmission"


def _after_distribution(lines: tuple[Line, ...], run: Run) -> tuple[Line, ...] | None:
    """``lines`` with the routing block after an old-style distribution block's last mark made
    transmission marks (None: there is none)."""
    if len(text_lines(lines)) == len(lines):
        return None  # (no mark among them: most paragraphs hold no furniture, told so in C)
    out = list(lines)
    changed = False
    for index in range(len(out) - 1, 0, -1):
        if not _transmission(out[index - 1]):
            continue
        end = _routing_run(out, index, run)
        if end > index:
            texts = [str(x) for x in out[index:end]]
            out[index:end] = [Furniture("mark", (("transmission", text.strip()),)) for text in texts]
            changed = True
    return tuple(out) if changed and text_lines(out) else None


@PASSES.rule(
    "routing-after-distribution",
    after="row-block",
    note=note(
        "normalization",
        "An old-style record's routing block written again in the text after each section's distribution "
        "block (precedence and date-time group, FM, TO, INFO and their addressees) is kept as fw "
        "type=\"transmission\" out of the text flow, as the distribution block is.",
    ),
)
def routing_after_distribution(blocks: list[Block], run: Run) -> list[Block]:
    """``ACTION EUR-00`` / ``INFO LOG-00 …`` / ``------------------CF2A6B 231627Z /38`` / ``P 231625Z
    JUL 02`` / ``FM AMEMBASSY ROME`` / ``TO SECSTATE WASHDC PRIORITY 5040`` / ``INFO …`` /
    ``AMCONSUL MILAN``: the routing lines after a distribution block in a paragraph (its lines,
    or its items') are transmission marks like the block before them: at least three lines,
    from a date-time group line on, to the paragraph's end or a mark or banner (a line of text
    after them could be read as one more addressee)."""
    out: list[Block] = []
    for block in blocks:
        mended = None
        if isinstance(block, Paragraph):
            mended = mend_paragraph(block, lambda lines: _after_distribution(lines, run))
        out.append(block if mended is None else mended)
    return out if out != blocks else blocks
