"""Who a personal telegram is for and from, as its front matter says: ``FOR WHA ASSISTANT SECRETARY
SHANNON FROM AMBASSADOR SOBEL`` (06BRASILIA1859), ``FOR THE SECRETARY FROM THE AMBASSADOR``.

The line stands among the opener's office lines (``seg type="distribution"``), which the edition
prints with the routing header, out of the reader's way; but it tells the reader whose "I" the text
is and to whom it speaks, so the source note says it, as written (111 of 6,850 cables have one).
Its words may wrap over the next line (``FOR UNDERSECRETARY SHINER AND ASSISTANT USTR VARGO FROM`` /
``AMBASSADOR LANGDALE``) or begin on the line before (``FOR U/S KENNEDY, EUR A/S FRIED AND DAS BRYZA, AND
S/ES DAN`` / ``SMITH FROM AMBASSADOR TEFFT``).
"""

from __future__ import annotations

import re
from typing import Any, cast

from lxml import etree

from ..model import compiled
from ..textview import text_of

_LINES = compiled("t:text/t:body/t:div[@type='telegram']/t:opener/t:seg")
#: ``… FROM AMBASSADOR SOBEL``: a person sends it, not a post or a mission (``FROM USOECD``, ``FROM EMBASSY
#: VATICAN/MESSAGE NO. 31/01``, a header's ``From: AMCONSUL TIJUANA``), nor a corrected copy's notice
#: (``FIRST PARA CHANGED FROM (C) TO (U)``)
_FROM = re.compile(
    r"(?<!CHANGED )\bFROM\b(?!\s*[:(])"
    r"(?!\s+(?:THE\s+)?(?:EMBASSY|AMEMBASSY|AMCONSUL|USMISSION|USOECD|U\.?S\.?\b|MISSION))"
)
#: a line that begins an office line of its own (``FOR …``, ``DEPT FOR …``, ``PERSONAL FOR …``, ``FROM …``)
_HEAD = re.compile(r"^(?:[A-Z][A-Z/]*\s+)?(?:ALSO\s+)?(?:FOR|PASS\s+TO)\b|^(?:TO|FROM|PERSONAL|EYES ONLY)\b")
#: a line whose words go on on the next: it ends in a word that wants more, or a comma
_GOES_ON = re.compile(r"(?:\b(?:FOR|FROM|TO|AND|THE|PASS)|[,;])\s*$")
#: a name's last words alone on the next line (``… FROM AMBASSADOR LISA`` / ``BOBBIE SCHREIBER HUGHES``)
_NAME_WORDS = 4


def read_addressed(tei: etree._Element) -> str | None:
    """The front matter's line saying whom the telegram is for and from, its wrapped words
    joined; None where it has none."""
    segs = cast(list[Any], _LINES(tei))
    lines = [text_of(s).strip() if s.get("type") == "distribution" else None for s in segs]
    for at, line in enumerate(lines):
        if line is None or not line.isupper() or _FROM.search(line) is None:
            continue
        start = at - 1 if at and not _HEAD.match(line) and lines[at - 1] and _HEAD.match(lines[at - 1] or "") else at
        words = [x for x in lines[start : at + 1] if x]
        after = lines[at + 1] if at + 1 < len(lines) else None
        if after and (_GOES_ON.search(line) or (not _HEAD.match(after) and len(after.split()) <= _NAME_WORDS)):
            words.append(after)
        return " ".join(" ".join(words).split()).rstrip(" ;,")
    return None
