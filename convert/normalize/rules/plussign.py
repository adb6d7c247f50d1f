"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a plus sign the release lost.

The cablegate release read its text as a web form reads a query string, where ``+`` stands for a
space: every plus sign of the cables came out as a space. Most are lost for good (a telephone
number's ``+44``), but one name of the time stands in hundreds of cables: the six powers who
negotiated with Iran, ``P5+1`` (and ``E3+3``, the same group as the Europeans name it). Printed as
the page has it, ``the P5 1 package`` reads as a paragraph's stray number; 129 times in 63 of 6,850
pages, beside 52 ``P5+1`` that other copies kept.

``plus-sign``: ``P5 1``, ``P-5 1`` and ``E3 3`` are corrected to ``P5+1``, ``P-5+1`` and ``E3+3``
(sic/corr, certainty high: no other reading of the group's name; ``type="plus-sign"``).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: the group's name with a space where its plus sign stood
_LOST_PLUS = re.compile(r"\b(?:P-?5(?= 1\b)|E3(?= 3\b)) ")


@REPAIRS.rule(
    "plus-sign",
    trigger=("P5 1", "P-5 1", "E3 3"),
    note=note(
        "correction",
        "A plus sign the release lost to a space in the name of the six powers' group (P5 1, E3 3) is "
        "corrected to P5+1, E3+3 (sic/corr, certainty high).",
    ),
)
def plus_sign(text: str) -> Found:
    """``the latest P5 1 package`` (08BERN1020): the space after ``P5`` is the lost ``+``."""
    return [(m.end() - 1, m.end(), Choice(" ", "+", kind="corr", cert="high", reason="plus-sign"))
            for m in _LOST_PLUS.finditer(text)]
