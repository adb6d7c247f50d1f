"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a plus sign the release lost.

The cablegate release read its text as a web form reads a query string, where ``+`` stands for a
space: every plus sign of the cables came out as a space. Most are lost for good (a telephone
number's ``+44``), but one name of the time stands in hundreds of cables: the six powers who
negotiated with Iran, ``P5+1`` (and ``E3+3``, the same group as the Europeans name it). Printed as
the page has it, ``the P5 1 package`` reads as a paragraph's stray number; 129 times in 63 of 6,850
pages, beside 52 ``P5+1`` that other copies kept.

``plus-sign``: ``P5 1``, ``P-5 1``, ``E3 3`` and ``EU-3 1`` are corrected to ``P5+1``, ``P-5+1``, ``E3+3`` and
``EU-3+1`` (sic/corr, certainty high: no other reading of the group's name; ``type="plus-sign"``). So is a
format named by its sides' counts, two single figures before the word that names the format (``the 2 2
consultations``, US-Russia, 07PARIS2725; ``the 5 2 talks`` on Transnistria; ``the 3 1 dialogue``; what the group put
forward, ``the 5 1 offer``, ``the EU 3 3 proposals``, 09BRASILIA1368): certainty
medium, for two figures a space apart could in principle be two numbers, though none in the corpus is.
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: the group's name with a space where its plus sign stood
_LOST_PLUS = re.compile(r"\b(?:P-?5(?= 1\b)|E3(?= 3\b)|EU-?3(?= 1\b)) ")
#: the group's names as the release wrote them
_GROUPS = ("P5 1", "P-5 1", "E3 3", "EU3 1", "EU-3 1")
#: what a format of ``2+2`` or ``5+2`` sides is called in the sentence
_FORMAT = ("consultations", "talks", "dialogue", "meeting", "meetings", "format", "process", "framework",
           "ministerial", "negotiations", "mechanism", "agenda", "offer", "offers", "proposal", "proposals", "package")
#: a format named by its sides' counts: two single figures a space apart (the second 1 to 3, as every such name of
#: the corpus has it: the rule is asked only of texts that hold `` 1 ``, `` 2 `` or `` 3 ``), then what it is
#: (the figure first, then what stands before it: a search skips to figures instead of looking back everywhere)
_LOST_PLUS_FORMAT = re.compile(rf"[1-9](?<![\w.,/:-][1-9]) (?=[1-3] (?:{'|'.join(_FORMAT)})\b)")


@REPAIRS.rule(
    "plus-sign",
    trigger=(*_GROUPS, " 1 ", " 2 ", " 3 "),
    note=note(
        "correction",
        "A plus sign the release lost to a space in the name of the six powers' group (P5 1, E3 3) is "
        "corrected to P5+1, E3+3 (sic/corr, certainty high); in a format named by its sides' counts (the 2 2 "
        "consultations, the 5 2 talks), to 2+2, 5+2 (certainty medium).",
    ),
)
def plus_sign(text: str) -> Found:
    """``the latest P5 1 package`` (08BERN1020): the space after ``P5`` is the lost ``+``; ``the recent
    2 2 consultations`` (07PARIS2725): the space between the figures is."""
    named = any(group in text for group in _GROUPS)  # (asked first: a format's word is in most texts, a name in few)
    found: Found = [(m.end() - 1, m.end(), Choice(" ", "+", kind="corr", cert="high", reason="plus-sign"))
                    for m in (_LOST_PLUS.finditer(text) if named else ())]
    found += [(m.end() - 1, m.end(), Choice(" ", "+", kind="corr", cert="medium", reason="plus-sign"))
              for m in _LOST_PLUS_FORMAT.finditer(text)]
    return sorted(found, key=lambda hit: hit[0])
