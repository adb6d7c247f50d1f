"""Helper of stage "blocks" (no rules here): a line of figures, which a title is not.

A table's row that a copy left alone on its line before a numbered paragraph (``REGION 13,830 259 12,400 2,435
28,924``, 05SANJOSE2928) has a title's place and length but is mostly figures: a heading of it
would print a row of data in bold as the section's name. (Rows flattened between dashed rules, ``---- Q107 Q207 …
Employment 74.3 … ----``, 08LONDON1917, stay headings: the rules are the heading's, and a paragraph would print
them as text.)
"""

from __future__ import annotations

from collections.abc import Iterable

#: the figures a row holds at least, and their least share of its words
_FIGURES, _SHARE = 4, 0.5


def mostly_figures(lines: Iterable[str]) -> bool:
    """Whether the lines' words are four figures or more (words holding a digit: ``74.3``, ``Q107``, ``Jan08``),
    and half of the words at least (``NEXT SESSION OF MEPC 60 WILL BE HELD 22-26 MARCH 2010`` is a title)."""
    words = " ".join(lines).split()
    figures = sum(1 for word in words if any(c.isdigit() for c in word))
    return figures >= _FIGURES and figures >= _SHARE * len(words)
