"""Chain ``fields.cut-word``: a Classified By line the system cut at its width inside a word.

The Classified By line is cut at 70 or 71 characters whatever stands there, and a word cut so goes on at
the next line's start: ``… Political-Military Affairs Michae`` / ``l Corbin for reasons 1.4 (b-d).``
(09BAGHDAD197), ``… Deputy Coordinator Hoyt Y`` / ``ee for reasons …`` (09KABUL3068), ``… Andrew Y`` /
``oung`` (09PARIS848). Joined with a space, the note printed ``Michae l Corbin``. ``cut-word`` joins the
two pieces without one where the line runs to the cut's width and ends in a letter, the next begins in
lower case, the line's last word is no word a line may end with (``… Young for`` / ``reasons 1.4``:
``for``; ``… 1.4 b`` / ``and d``: a reason's letter), and the next line's first is none a line may begin
with (``… Hoyt Yee`` / ``for Reasons``: the cut fell between two words). The words ``reasons`` and ``and``
cut so the source note joins as it reads them.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ruler import Chain, note

CUT_WORD: Chain[Callable[[str, str], str | None]] = Chain(
    "fields.cut-word",
    "fields",
    "A Classified By line and the next: one word the system's cut at the line's width split? (first match)",
)

#: the widths the system cuts a Classified By line at
_CUT_WIDTHS = (70, 71)
#: a line's first word that may begin it whole (``… Hoyt Yee`` / ``for reasons``: the cut fell between words)
_WHOLE_FIRST = re.compile(r"(?:for|and|or|per|reasons?|of|to|in|on|at|by|with|from|the)\b")
#: a line's last word that may end it whole: a function word, a reason's letter, a number
_WHOLE_LAST = re.compile(r"\b(?i:for|and|or|per|by|of|to|the|in|on|at|as|with|from|a|an)$|\b[a-z]$|\d$")


@CUT_WORD.rule(
    "cut-word",
    note=note(
        "normalization",
        "A Classified By line the system cut at its width inside a word (… Affairs Michae / l Corbin) is joined "
        "to the next line without a space.",
    ),
)
def cut_word(line: str, after: str) -> str | None:
    """``Classified By: … Political-Military Affairs Michae`` / ``l Corbin for reasons 1.4 (b-d).``
    (09BAGHDAD197): the two lines as one, the word whole; see the module's note."""
    text, rest = line.strip(), after.lstrip()
    if len(text) not in _CUT_WIDTHS or not text[-1:].isalpha() or not rest[:1].islower():
        return None
    return None if _WHOLE_LAST.search(text) or _WHOLE_FIRST.match(rest) else text + rest
