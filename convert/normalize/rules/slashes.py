"""Chain ``blocks.passes`` (continued): a heading set between slashes loses them from its text.

Embassy Madrid and a few other posts mark a section's title with two slashes each side
(``//HEATED POLITICAL ENVIRONMENT//``, ``//What Does Spain Want?//``; wrapped by the teletype:
``//Spain Requested IAEA Peer Review of Its Nuclear Regulatory`` / ``Agency//``). The slashes are
the teletype's way to set a title apart, as an underline of dashes is; the heading passes read
the title with them. ``slashed-heading`` (after every pass that makes a heading) takes them out
of the heading's text and records them as ``rend="slashes"``, as ``rend="dashes"`` records a
dashed underline: the source is kept whole (two slashes, no space, each side: the only form the
attribute stands for), and the reading edition prints the title as a title.

Not a title set otherwise (``/// AGALEGA ///``, ``// Title//``: three slashes or a space inside
the marks, kept as written), nor one that holds two slashes among its words, nor a heading
already marked by dashes. One slash among the words is the title's (``//SPAIN/IRAQ: …//``).
"""

from __future__ import annotations

import dataclasses

from ..parsed import Block, Heading, Line
from . import listtail  # noqa: F401  (list-tail, which this rule goes after, registered first)
from .blocks import PASSES
from .ruler import Run, note

_MARK = "//"
#: what may not stand next to a mark inside the title (a third slash, a space)
_NOT_BESIDE = "/ \t"


def _opens(text: str) -> bool:
    """Whether a line opens a title: two slashes, then its first character."""
    return len(text) > 2 and text.startswith(_MARK) and text[2] not in _NOT_BESIDE


def _closes(text: str) -> bool:
    """Whether a line closes a title: its last character, then two slashes."""
    return len(text) > 2 and text.endswith(_MARK) and text[-3] not in _NOT_BESIDE


def _unslashed(lines: tuple[Line, ...]) -> tuple[Line, ...] | None:
    """The heading's lines without the slashes that open its first line and close its last, or None
    where the heading is not set between exactly two slashes each side."""
    first, last = lines[0], lines[-1]
    if not (isinstance(first, str) and isinstance(last, str)):
        return None
    opened, closed = first.strip(), last.strip()
    if len(lines) == 1:
        if len(opened) < 5 or _MARK in opened[2:-2] or not (_opens(opened) and _closes(opened)):
            return None
        return (opened[2:-2],)
    if _MARK in opened[2:] or _MARK in closed[:-2] or not (_opens(opened) and _closes(closed)):
        return None
    return (opened[2:], *lines[1:-1], closed[:-2])


@PASSES.rule(
    "slashed-heading",
    after="list-tail",
    note=note(
        "normalization",
        "A heading set between two slashes each side (//HEATED POLITICAL ENVIRONMENT//) is printed without "
        "them: the slashes are recorded as rend=\"slashes\", as a dashed underline is recorded as "
        "rend=\"dashes\".",
    ),
)
def slashed_heading(blocks: list[Block], run: Run) -> list[Block]:
    """``//GARZON, PSOE LEADER WEIGH IN//`` (07MADRID520): a heading's title between two slashes
    each side is the title, the slashes its rendition; see the module's note."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Heading) and block.rend is None and block.lines:
            lines = _unslashed(block.lines)
            if lines is not None:
                out[index] = dataclasses.replace(block, lines=lines, rend="slashes", tokens=())
    return out if out != blocks else blocks
