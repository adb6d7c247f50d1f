"""What a corrected copy's notice says it corrected, read from the opener's lines.

``C O R R E C T E D  C O P Y -- CLASSIFICATION PARA 4``, ``… (ADDED TAGS)``: the notice is one line of the
opener, most often. Where the teletype wrapped it, its last words are the next line, which the normalizer
keeps as written among the distribution lines (``C O R R E C T E D C O P Y - ADDED AMEMBASSY LONDON AS
ADDITIONAL`` / ``ADDRESSEE.``, 10BUENOSAIRES71; ``(ADDED`` / ``CLASSIFIED BY LINE)``, 09LONDON2347); the
source note reads the two lines as one notice.
"""

from __future__ import annotations

import re
from typing import Any, cast

from lxml import etree

from ..model import compiled
from ..textview import text_of
from .read import DIV

#: the notice of a corrected copy, spaced out as the teletype writes it (in brackets or not: ``(C O R R E C T E D
#: COPY - ADDING SENSITIVE CAPTION)``, 07SANJOSE625), and what it corrected after it
_CORRECTED = re.compile(r"^\s*\(?\s*C\s?O\s?R\s?R\s?E\s?C\s?T\s?E\s?D\s+C\s?O\s?P\s?Y\b[\s\-:(]*(?P<why>.*?)[\s)\\]*$")
#: a line that is no notice's end: a distribution instruction (``DEPT FOR …``, ``H PASS TO …``, ``EU POLITICAL
#: COLLECTIVE``), a rule
_INSTRUCTION = re.compile(r"\b(?:FOR|PASS|COLLECTIVE)\b|^\s*[-=_*/]{3}", re.I)
#: a line that says what was corrected (``CORRECTED THROUGHOUT TEXT``, ``FIRST PARA CHANGED FROM (C) TO (U).``)
_CORRECTION = re.compile(r"\b(?:CORRECTED|CHANGED|ADDED|DELETED|REMOVED|ERROR)\b", re.I)
_OPENER_SEGS = f"{DIV}/t:opener/t:seg"
#: the pages' headers in the text (the page lines, and what a page writes under its line)
_PAGE_HEADERS = f"{DIV}//t:fw[@type='header']"
#: the subject, and the notice a subject may carry instead (``SUBJECT: (CORRECTED COPY) ARIAS ACCEPTS …``,
#: ``CORRECTED COPY - TAJIKISTAN SCENESETTER …``, ``… (CORRECTED COPY - SPACING)``: the subject keeps it as written)
_SUBJECT = f"{DIV}/t:head[@type='subject']"
_IN_SUBJECT = re.compile(r"\bCORRECTED COPY\b")


def read_corrected(tei: etree._Element) -> str | None:
    """What a corrected copy's notice among the opener's lines says it corrected ("" where it says
    nothing more), its wrapped last words included; else a notice a page's header writes; else "" where the
    subject says it is one; None where the cable carries no such notice."""
    segs = cast("list[Any]", compiled(_OPENER_SEGS)(tei))
    for index, seg in enumerate(segs):
        written = text_of(seg)
        found = _CORRECTED.match(written)
        if found is None:
            continue
        after = segs[index + 1] if index + 1 < len(segs) else None
        if after is not None and _goes_on(written, found["why"], after):
            whole = f"{found['why']} {text_of(after).strip()}".strip().rstrip(" .")
            return whole[:-1].rstrip() if whole.endswith(")") and whole.count(")") > whole.count("(") else whole
        return _balanced(written, found)
    for header in cast("list[Any]", compiled(_PAGE_HEADERS)(tei)):  # (the notice as a page's header: 08PARIS130)
        found = _CORRECTED.match(text_of(header))
        if found is not None:
            return _balanced(text_of(header), found)
    subject = cast("list[Any]", compiled(_SUBJECT)(tei))
    return "" if subject and _IN_SUBJECT.search(text_of(subject[0])) else None


def _balanced(written: str, found: re.Match[str]) -> str:
    """What the notice says it corrected, its opening bracket given back where the pattern took it as the
    notice's (``C O R R E C T E D  C O P Y  (PARAGRAPH 10) NOTE ADDED``, 09QUITO177: ``(PARAGRAPH 10) NOTE
    ADDED``, not ``PARAGRAPH 10) NOTE ADDED``)."""
    why = cast(str, found["why"])
    if why.count(")") > why.count("(") and "(" in written[: found.start("why")]:
        return "(" + why
    return why


def _goes_on(written: str, why: str, after: etree._Element) -> bool:
    """Whether the opener's next line ends the notice: a distribution line (or one read as a Classified By
    line) that is no instruction, after a notice that opens a bracket it does not close, or that names nothing
    or stops without a stop where the line ends in one or says what was corrected."""
    if after.get("type") not in {"distribution", "classified-by"}:
        return False
    text = text_of(after).strip()
    if not text or _INSTRUCTION.search(text):
        return False
    if written.count("(") > written.count(")"):
        return ")" in text
    if written.rstrip().endswith((".", ")")):
        return False
    return not why or text.endswith((".", ")")) or _CORRECTION.search(text) is not None
