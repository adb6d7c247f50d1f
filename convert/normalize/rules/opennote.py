"""Stage "blocks", chain ``blocks.merge`` (continued from :mod:`.midsentence`): a note in brackets that a
page break cut, the bracket opened before the break and closed after it.

A writer's aside in brackets may run over a page break: ``… will not listen to contradictory
evidence. (Note: "Maletinazo" refers to an incident in which … at a Buenos Aires airport.`` / page
line / ``A U.S. assistant attorney alleged that the money was illegal contributions for Kirchner's
campaign. End Note.) In general, Kirchner is prone to …`` (10SANTIAGO15). Where the first part ends a
sentence and the next word would have fitted on its line, ``page-break-rejoin`` takes the break for
the writer's, and the note's second half stood as an unnumbered paragraph of its own.
``open-note-rejoin`` joins the two parts where the first holds a note's opening bracket (``(Note:``,
``(Comment:``) that nothing closes, and the second closes it with its end label (``End Note.)``)
within its first lines, before any bracket of its own opens: the note, and the paragraph, go on.
"""

from __future__ import annotations

import re

from ..parsed import Furniture
from . import midsentence  # noqa: F401  (page-break-rejoin, which this rule goes after, registered first)
from .blocks import MERGE, starts_new
from .ruler import note

#: a note's opening bracket and label (``(Note:``, ``(COMMENT:``, ``[Note:``)
_OPENED = re.compile(r"[(\[]\s*+(?i:note|comment|begin\s+note|begin\s+comment)\s*+[:.-]")
#: a note's end label and its closing bracket (``End Note.)``, ``END COMMENT]``)
_CLOSED = re.compile(r"(?i:end\s++(?:of\s++)?(?:note|comment))\s*+\.?\s*+[)\]]")
#: the lines of the second part the end label is sought in
_NEAR = 6


@MERGE.rule(
    "open-note-rejoin",
    after="page-break-rejoin",
    note=note(
        "normalization",
        "A note in brackets a page break cut ((Note: … / page line / … End Note.) …) is one paragraph again: the "
        "first part opens the note and nothing closes it, the second closes it before any bracket of its own opens.",
    ),
)
def open_note_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… (Note: "Maletinazo" refers to … airport.`` / page line / ``A U.S. assistant attorney alleged
    … End Note.) In general, …`` (10SANTIAGO15): see the module's note."""
    if not any(f.kind == "page" for f in furniture) or not before or not texts or starts_new(texts[0]):
        return False
    text = "\n".join(before)
    opened = list(_OPENED.finditer(text))
    if not opened:
        return False
    tail = text[opened[-1].end() :]
    if ")" in tail or "]" in tail:
        return False  # (the note closed before the break)
    after = "\n".join(texts[:_NEAR])
    closed = _CLOSED.search(after)
    return closed is not None and "(" not in after[: closed.start()] and "[" not in after[: closed.start()]
