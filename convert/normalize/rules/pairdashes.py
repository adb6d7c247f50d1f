"""Chain ``blocks.kinds`` (continued from :mod:`.blocks`): a title between two dashes on a line of its own.

``-- Summary --``, ``-- US USE OF SPANISH BASES --``, ``--Power Behind the Throne--`` (06TOKYO1592,
07MADRID911, 08OSLO406: 27 titles on 9 pages): some drafters set a section's title between two or
three dashes, too few for the rules of four dashes or more that ``dashed-title`` reads. Read as it
stood, the line was a list's ``--`` item, or a paragraph, and the title was lost among the text.

``paired-dashes-title``: a run of one line, the title between two or three dashes on each side, a short
line that reads as a title (:func:`blocks.title_like`: no sentence's or clause's end), is a heading,
its dashes recorded as rend="dashes". A bullet whose sentence a dash breaks off at the line's end (``--
Consequently, the Diyanet is to its detractors --`` / ``including Islamists, …``, 03ANKARA4767) runs on
to the next line, and is no run of one line.
"""

from __future__ import annotations

import re

from ..parsed import Block, Heading, Line
from .blocks import KINDS, title_like
from .ruler import Run

#: the title between its dashes: two or three on each side, spaces or none between
_PAIRED = re.compile(r"^\s*-{2,3}\s*(?P<title>[A-Za-z(][^-]*?[^-\s])\s*-{2,3}\s*$")


@KINDS.rule("paired-dashes-title", before="dashed-heading")
def paired_dashes_title(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """``-- Past Positions--`` alone in its run (08OSLO406): a heading, its dashes recorded as rend="dashes"."""
    if len(texts) != 1:
        return None
    found = _PAIRED.match(texts[0])
    if found is None or not title_like(found["title"]):
        return None
    return Heading(tuple(found["title"] if isinstance(x, str) else x for x in chunk), rend="dashes")
