"""Stage "blocks", chain ``blocks.cut`` (continued from :mod:`.runonbullets`): a lettered list a copy
that lost its line breaks ran into one line, cut into a line per item again.

Some copies set a paragraph's list on the paragraph's own line: ``… London IW contacts have
suggested the following:  a) Have the European Parliament invite … absence.  b) Ask a non-P5 1
member country … c) IW contacts have also proposed …`` (09LONDON2352); ``A) The material is
purportedly stationary … (NFI) B) A plaque on the container … C) Source stated …`` (09BUJUMBURA689,
answers keyed to a request's questions). Read as one line, the items were printed as one run of
prose. ``run-on-letters`` cuts such a line before each label, so that the list rules read the items
as they read a list the copy kept: labels with a closing bracket (``a)``, ``B)``), the letters in
order from ``a`` (or ``A``), three at least, each after a sentence's end or a colon (the first
after a colon, or first on its line, where a later letter may begin: ``K) … L) … M) …``), each
before a capital; or capitals with a point, each after a semicolon (``… the following items: A.
FBI forensic examination …; B. …; C. …``; the first after a colon), as initials never stand.
(``… from the FBI: (Item A is underway …) A. FBI forensic …``, 09ISLAMABAD922, is left as it
stands: after a bracket, the list rules would not take its first item.) A letter in brackets inside
a sentence (``1.4 (b) and (d)``, ``… the U.S. (a) …``) has no sentence's end before it and stays.
"""

from __future__ import annotations

import re

from ..parsed import Anchored, Line
from . import runonbullets  # noqa: F401  (run-on-bullets, which this rule goes after, registered first)
from .blocks import CUT

#: a letter's label after a sentence's end or a colon (and white space), before a capital: ``a)``, ``B)``; or a
#: capital and a point after a semicolon or a colon (``…; B. FBI forensic comparison …``)
#: (the pattern begins with the white space, so the search skips to it in C)
_LABEL = re.compile(
    r"\s(?:(?<=[.:;!?)\"'\u201d\u2019]\s)\s*+(?P<letter>[A-Za-z])\)|(?<=[;:]\s)\s*+(?P<point>[A-Z])\.)"
    r"\s++(?=[A-Z(\"\u201c])"
)
#: the same first on its line: ``a)``, or a later letter where the list goes on from an earlier line (``K) The
#: report originates …  L) …``, 09BUJUMBURA302, after a heading)
_FIRST = re.compile(r"\s*+(?:¶\s*+)?(?P<letter>[A-Za-z])\)\s++(?=[A-Z(\"\u201c])")
#: the fewest items a run-on list holds
_FEWEST = 3


@CUT.rule("run-on-letters", after="run-on-bullets", trigger=(") ", "; "))
def run_on_letters(line: str) -> list[Line] | None:
    """``… the following:  a) Have the European Parliament … b) Ask a non-P5 1 member country …
    c) IW contacts …`` (09LONDON2352), ``… the following items: A. FBI forensic examination …; B. …;
    C. …``: a line per item; see the module's note."""
    if line.count(") ") < _FEWEST and line.count("; ") < _FEWEST - 1:
        return None  # (three labels at least: a bracket after each, or a semicolon before each point's but the first)
    first = _FIRST.match(line)
    expected = chr(ord(first["letter"].lower()) + 1) if first else "a"
    upper, point = first is not None and first["letter"].isupper(), False
    cuts: list[int] = []
    for found in _LABEL.finditer(line):
        letter = found["letter"] or found["point"]
        if expected == "a":  # (the list's first label: after a colon, the list's lead)
            if letter not in "aA" or not line[: found.start()].rstrip().endswith(":"):
                continue
            upper, point = letter == "A", found["point"] is not None
        elif letter != (expected.upper() if upper else expected) or (found["point"] is not None) != point:
            continue
        cuts.append(found.start("point" if point else "letter"))
        expected = chr(ord(expected) + 1)
    if len(cuts) + (first is not None) < _FEWEST:
        return None
    pieces = [line[start:end].strip() for start, end in zip([0, *cuts], [*cuts, len(line)], strict=True)]
    if isinstance(line, Anchored):
        pieces[0] = Anchored(pieces[0])
    return [piece for piece in pieces if piece]
