"""A Classified By field whose label a copy cut in two or lost.

``SUBJECT: DEADLY DRIVING HABITS: … IN LIBYA … CLASSIFIED`` / (blank) / ``BY: Gene A. Cretz,
Ambassador, …. REASON: 1.4 (b), (d)`` (09TRIPOLI939, 10TRIPOLI100): the copy broke the line
inside the label ``CLASSIFIED BY:``. The subject ended in the word ``CLASSIFIED`` and the field
stood in the reading text as a paragraph (``BY: Gene A. Cretz …``); where paragraph 1 ran on after
the reasons, it lost its number. ``classified-label-cut`` (chain ``lines.lines``) gives the word
back to the line it begins: a line of text ending in `` CLASSIFIED`` whose next line with text
(within three) begins with ``BY:``.

``Chris Stevens, CDA, AmEmbassy Tripoli, State. REASON: 1.4 (b), (d) 1. (C) Summary: …``
(08TRIPOLI526): the label is gone, the field begins with the name. ``unlabelled-classified-by``
(chain ``fields.kinds``, asked only of the preamble's lines) reads a line that names someone and
then gives the reasons (a first and a last name and a comma, up to 100 characters without a colon, a
full stop or a comma, then ``REASON:`` or ``REASONS:``, ``1.4``/``1.5`` with letters, and the number
and marking of paragraph 1, run on) as the Classified By field; ``classified-by-runon`` then cuts
paragraph 1 from it.
"""

from __future__ import annotations

import re

from .fields import KINDS
from .lines import LINES
from .ruler import note

#: a line of text that ends in the first word of the label (``… IN LIBYA CLASSIFIED``)
_ENDS_CLASSIFIED = re.compile(r"^(?P<text>.*\S)[ \t]+CLASSIFIED[ \t]*$")
_BY = re.compile(r"[ \t]*BY:")
#: a name (two words, an initial between them, and a comma), up to 100 characters, a stop or a
#: comma, the reasons, then paragraph 1 run on: the field without its label (a field's second
#: line, ``Economic Affairs, State, POL-ECON; REASON: 1.4(B), (D)``, ends with its reasons)
_UNLABELLED = re.compile(
    r"[ \t]*[A-Z][a-z]+(?: [A-Z]\.)? [A-Z][a-z'-]+,[^:\n]{3,100}?[.,;][ \t]+REASONS?[ \t]*:[ \t]*1\.[45][ \t]*"
    r"(?:[(\[]?[a-hA-H][)\]]?[ \t]*(?:,|and|&)?[ \t]*){1,8}\.?[ \t]*\d{1,2}\.[ \t]*\((?:U|C|S|SBU|TS)\b"
)


@LINES.rule(
    "classified-label-cut",
    trigger=("CLASSIFIED",),
    note=note(
        "normalization",
        "A Classified By label cut in two (… IN LIBYA CLASSIFIED / BY: Gene A. Cretz …): the word CLASSIFIED goes "
        "to the line it begins, the field's, and leaves the line before it (a SUBJECT's).",
    ),
)
def classified_label_cut(lines: list[str]) -> list[str]:
    """``SUBJECT: … CLASSIFIED`` / (blank) / ``BY: Gene A. Cretz, …``: the word goes to the field."""
    out = lines
    for index, line in enumerate(lines):
        if not line.rstrip().endswith(" CLASSIFIED") or not (match := _ENDS_CLASSIFIED.match(line)):
            continue
        after = next((k for k in range(index + 1, min(index + 4, len(lines))) if lines[k].strip()), None)
        if after is None or not _BY.match(lines[after]):
            continue
        if out is lines:
            out = list(lines)
        out[index] = match["text"]
        out[after] = "CLASSIFIED " + lines[after].lstrip()
    return out


@KINDS.rule("unlabelled-classified-by", after="classified-by-field", lead="[A-Z]")
def unlabelled_classified_by(line: str) -> str | None:
    """``Chris Stevens, CDA, AmEmbassy Tripoli, State. REASON: 1.4 (b), (d) 1. (C) …``: a name and
    the reasons, the label lost, is the Classified By field."""
    return "classified-by" if _UNLABELLED.match(line) else None
