"""Chain ``fields.other`` (continued from :mod:`.fields`): a REF item wrapped over a blank line.

A copy that broke the REF line inside an item and put a blank line after the break leaves the
item's rest, and the items after it, on the next line: ``REF: A) MADRID 3552 B) BRUSSELS 4080 C)
SAINZ E-MAIL`` / (blank) / ``OF 10/6 D) STATE 215870`` (04MADRID3914), ``… C. 08`` / (blank) /
``SAO PAULO 0590`` (09SAOPAULO92), ``¶C. STATE 91633 D.`` / (blank) / ``BRASILIA 1038``
(09BRASILIA1170), ``REF: RIO DE JANEIRO 329; RIO DE JANEIRO 346;`` / (blank) / ``RIO DE JANEIRO 353``
(09RIODEJANEIRO365). ``ref-continuation`` takes a line that starts with the next label; this line
starts inside an item, so the field ended at the blank line, its last references lost to an
unnumbered block of the text. ``ref-wrapped-item`` puts the line back in the REF field.
"""

from __future__ import annotations

import re

from ..refs import resolve_ref
from .fields import OTHER, PreambleCursor

#: an item cut at the line's end: its label alone, or its label and a year alone (``C. 08``)
_CUT_ITEM = re.compile(r"(?:^|\s)(?:¶\s*)?(?:\([A-Z]\)|[A-Z][.)])(?:\s+(?:19|20)?\d\d)?\s*[;,]?\s*$")
#: a list left open at the line's end: its last item ends in a separator (``REF: RIO DE JANEIRO 329; RIO DE JANEIRO
#: 346;`` / (blank) / ``RIO DE JANEIRO 353``, 09RIODEJANEIRO365)
_OPEN_LIST = re.compile(r"\d\s*[;,]\s*$")
#: the longest line taken (the rest of one item and a few more)
_LONGEST = 120


def _next_item(line: str, last: str | None) -> bool:
    """Whether ``line`` holds the label after ``last`` and a cable reference after it."""
    if last is None:
        return False
    nxt = re.escape(chr(ord(last) + 1))
    found = re.search(rf"(?:^|\s)(?:\({nxt}\)|{nxt}[.)])\s+(?=\S)", line)
    return found is not None and resolve_ref(line[found.end() :], 2000)[0] is not None


@OTHER.rule("ref-wrapped-item", after="ref-continuation")
def ref_wrapped_item(cur: PreambleCursor, line: str) -> str | None:
    """``… C) SAINZ E-MAIL`` / (blank) / ``OF 10/6 D) STATE 215870``, ``… C. 08`` / (blank) /
    ``SAO PAULO 0590``: a short line after the REF field goes on with it where it holds the
    next item's label and a cable reference, or where the field's last item was cut at its
    label or year and the line begins with a cable reference."""
    if not (cur.seen_subject and cur.fields and cur.fields[-1].kind == "refs") or len(line) > _LONGEST:
        return None
    if _next_item(line, cur.last_ref_label):
        return "refs-more"
    texts = [x for x in cur.fields[-1].lines if isinstance(x, str)]
    cut = bool(texts) and (_CUT_ITEM.search(texts[-1]) is not None or _OPEN_LIST.search(texts[-1]) is not None)
    return "refs-more" if cut and resolve_ref(line.strip(), 2000)[0] is not None else None
