"""Chain ``lines.cut`` (continued from :mod:`.lines`): a heading's label run on into the
numbered paragraph it heads.

A copy that lost the line break after a label writes the label and the next paragraph on one
line (05BRASILIA1130: ``ARTICLE 98: 5. (C) A/S Rademaker outlined USG motives …``; 09SAOPAULO619:
``Comment: 7. (C) Foreign Policy does not rate highly …``). Read as one line, the paragraph
lost its number into an unnumbered block. ``label-paragraph-runon`` makes it two lines: the
label (a heading by ``label-heading`` when it stands alone before the paragraph) and the
paragraph with its number and portion marking.
"""

from __future__ import annotations

import re

from .lines import CUT
from .ruler import note

#: a label of one to five words, its colon, then a paragraph's number and portion marking
_LABEL_THEN_PARAGRAPH = re.compile(
    r"[A-Z][\w'/&.-]*+(?:[ \t][\w'/&.-]++){0,4}:(?P<gap>[ \t]++)(?=\d{1,2}\.[ \t]*+\((?:U|C|S|SBU|TS)(?:/+[A-Z]+)*\))"
)


@CUT.rule(
    "label-paragraph-runon",
    after="handling-sentence-runon",
    trigger=(": ",),
    lead="[A-Z]",
    note=note(
        "normalization",
        "A heading's label run on into the numbered paragraph it heads on one line (ARTICLE 98: 5. (C) …: a copy "
        "that lost the line break) is two lines: the label, and the paragraph with its number and marking.",
    ),
)
def label_paragraph_runon(line: str) -> list[str] | None:
    """``Comment: 7. (C) Foreign Policy does not rate highly …``: a label of one to five words
    with its colon, opening the line, then a paragraph's number and portion marking: two lines,
    the label and the paragraph."""
    if ": " not in line[:60]:
        return None
    text = line.lstrip()
    match = _LABEL_THEN_PARAGRAPH.match(text)
    if match is None:
        return None
    return [line[: len(line) - len(text) + match.start("gap")], text[match.end() :]]
