"""Chain ``inline.repairs`` (continued from :mod:`.inline`): quotation marks doubled by a CSV
export (``""CHRISTIAN DEMOCRATIC CENTER""``, ``""He talks too much!""``).

The 2011 release's text was exported through CSV, which doubles a field's quotation marks; on
about 400 of the 6,550 pages (and their ``cables.csv`` rows) the cable's own quotation marks
came back doubled. A pair of straight double quotes that opens a quotation (after a space, the
start, or ``(`` ``-`` ``/`` ``'``, before a word) or closes one (after a word or punctuation,
before a space, the end or punctuation) is one quotation mark; the doubled pair stays beside it
(orig/reg). A pair between spaces is one only in a run of text that has other doubled pairs
(``daily ""Jansatta, "" and``). Not a run of three or four (a CSV field's own quote beside the
text's), not the CSV field separator of a database row (``,""2.``, ``,""VZCZC…`` after a space,
a comma or the line's start: 09STATE30927's lines each begin ``,,""``, its SUBJECT too).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: exactly two straight double quotes
_PAIR = re.compile(r'""(?<!""")(?!")')  # (a literal first: re skips to it)
#: what may stand before an opening pair / after a closing pair
_OPENS_AFTER = " \t\n([-/'\u2014"
_CLOSES_BEFORE = " \t\n).,;:!?'/-\u2014"


@REPAIRS.rule(
    "doubled-quotes",
    trigger=('""',),
    note=note(
        "normalization",
        'Quotation marks doubled by the CSV export of the text (""CHRISTIAN DEMOCRATIC CENTER"") are read as '
        "one; the doubled pair stays beside it (orig/reg).",
    ),
)
def doubled_quotes(text: str) -> Found:
    """``… the new ""CHRISTIAN DEMOCRATIC CENTER"" was …``, ``(""the brass nameplate"")``,
    ``… LOWER ITS DEBT?"" HE ASKED``: a pair that opens before a word or closes after one."""
    found: Found = []
    spaced: list[int] = []
    for match in _PAIR.finditer(text):
        at, end = match.start(), match.end()
        before = text[at - 1] if at else " "
        after = text[end] if end < len(text) else " "
        if before == "," and (at < 2 or text[at - 2].isspace() or text[at - 2] == "," or after.isdigit()):
            continue  # a database row's field separator: ``… ,""2.  (C/NF)``
        if before.isspace() and after.isspace():
            spaced.append(at)  # ``daily ""Jansatta, "" and``: one only beside pairs that are
        elif (before in _OPENS_AFTER and not after.isspace()) or (not before.isspace() and after in _CLOSES_BEFORE):
            found.append((at, end, Choice('""', '"', reason="doubled-quote")))
    if found:
        found += [(at, at + 2, Choice('""', '"', reason="doubled-quote")) for at in spaced]
        found.sort(key=lambda item: item[0])
    return found
