"""Chain ``lines.lines`` (continued from :mod:`.lines`): the blank line the SIPDIS marking set.

The Department's software marked a cable for SIPRNet by writing ``SIPDIS`` after the first line
that named the Secretary (or a Secretary-General, a Secretary of Energy …), a blank line before
the word and none after it: ``… Secretary Powell,s phone call to him on Friday, March 18.`` /
(blank) / ``SIPDIS`` / ``Moratinos said that Zapatero had asked him …`` (04MADRID974). Where
that line ended a sentence, the blank line read as the end of a paragraph, and the paragraph's
next sentence printed as a paragraph of its own. A sentence cut there (``… readiness to sign the``
/ (blank) / ``SIPDIS`` / ``bilateral agreement …``) was joined again already
(``paragraph-rejoin``); the blank line now goes for both.
"""

from __future__ import annotations

import re

from .blocks import PARA_START, starts_new
from .lines import LINES
from .ruler import note

#: a numbered paragraph's first line: where the text begins (the preamble's SIPDIS line stays as it is)
_NUMBERED = re.compile(r"^\s*¶?\d{1,3}\.\s")
#: a line of running text: a word in lower case, or five words; and a wrapped line's length (not an address's
#: short line: ``Her Excellency`` / ``Mrs. Condoleezza Rica`` / ``Secretary of State`` / blank / ``SIPDIS``)
_PROSE = re.compile(r"[a-z]{2}")
_WORDS = 5
_LINE = 40


@LINES.rule(
    "sipdis-blank",
    after="double-spaced",
    trigger=("SIPDIS",),
    note=note(
        "normalization",
        "The blank line set before the word SIPDIS inside a paragraph (… March 18. / blank / SIPDIS / "
        "Moratinos said …: the marking written after a line that names the Secretary, with no blank line "
        "after it) is no paragraph's end: the paragraph goes on after the word.",
    ),
)
def sipdis_blank(lines: list[str]) -> list[str]:
    """``… March 18.`` / (blank) / ``SIPDIS`` / ``Moratinos said …``: after the first numbered
    paragraph, a line that is SIPDIS alone, a blank line before it and a line of running text before
    that (40 characters or more), and a line of text right after it that starts no paragraph, item
    or rule: the blank line goes."""
    start = next((i for i, line in enumerate(lines) if _NUMBERED.match(line)), None)
    if start is None:
        return lines
    gone = [
        i - 1
        for i in range(max(start + 2, 2), len(lines) - 1)
        if lines[i].strip() == "SIPDIS"
        and not lines[i - 1].strip()
        and len(lines[i - 2].strip()) >= _LINE
        and (_PROSE.search(lines[i - 2]) is not None or len(lines[i - 2].split()) >= _WORDS)
        and lines[i + 1].strip()
        and not starts_new(lines[i + 1].lstrip())
        and not PARA_START.match(lines[i + 1])
    ]
    if not gone:
        return lines
    drop = set(gone)
    return [line for i, line in enumerate(lines) if i not in drop]
