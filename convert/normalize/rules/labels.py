"""Stage "fields", continued: a preamble field whose label lost a letter in copying.

``UBJECT: BAHRAIN WILL FORMALLY REQUEST …`` after the TAGS line: the S of ``SUBJECT:`` was
dropped (08MANAMA117, 09TRIPOLI925), so the line was read as text and the cable had no
subject. The label is recognised only whole but for its first letter, in capitals and with
its colon, as the first word of a line of the preamble (the ``fields.kinds`` chain is asked
there only): no English word begins so. The text keeps the label as written beside the
regularised one (sic/corr).

Chains:

- (``fields.kinds``, see :mod:`.fields`: ``damaged-subject-label``)
- ``inline.labels`` ``(text) -> [(start, end, token)]``: the damaged label at the start of the
  field's text, mended (run by :mod:`convert.normalize.inline` on the SUBJECT field).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..parsed import Choice, Line
from .fields import KINDS, SUBJECT
from .inline import Found, hyphen_joins
from .ruler import Chain, note

#: ``UBJECT:``, ``UBJ:`` (``SUBJECT:``, ``SUBJ:`` without their S), in capitals, with the colon
DAMAGED_SUBJECT = re.compile(r"^\s*(?P<label>UBJ(?:ECT)?\s*:)")

LABELS: Chain[Callable[[str], Found]] = Chain(
    "inline.labels", "inline", "A field's damaged label mended, at the start of the field's text."
)


@KINDS.rule("damaged-subject-label", after="subject-field")
def damaged_subject_label(line: str) -> str | None:
    """``UBJECT: …``: the SUBJECT field, its label's first letter lost."""
    return "subject" if DAMAGED_SUBJECT.match(line) else None


@LABELS.rule(
    "subject-label-mended",
    trigger=("UBJ",),
    note=note(
        "correction",
        "A SUBJECT label that lost its first letter in copying (UBJECT: in the preamble, where the SUBJECT field "
        "stands) is read as the SUBJECT field and corrected (sic/corr, certainty high).",
    ),
)
def subject_label_mended(text: str) -> Found:
    """``UBJECT:`` at the start of the SUBJECT field's text -> ``SUBJECT:``."""
    match = DAMAGED_SUBJECT.match(text)
    if match is None:
        return []
    label = match["label"]
    return [(match.start("label"), match.end("label"), Choice(label, "S" + label, kind="corr", cert="high",
                                                              reason="field-label"))]


#: the label's colon written again after a space (``SUBJECT: : MEXICANS DIFFER …``, 08MEXICO3108),
#: or the whole label with its colon (``SUBJECT: SUBJECT: COSTA RICA: TITLE III …``, 08SANJOSE1000)
_COLON_AGAIN = re.compile(r"^(?::|SUBJ(?:ECT)?:)\s+(?=\S)")


#: the label again after the subject's words: the subject written twice (``SUBJECT: KENYA: … VISIT TO THE UK
#: SUBJECT: KENYA: … VISIT TO THE UK``, 10LONDON65)
_WRITTEN_AGAIN = re.compile(r"(?<=\S)\s++SUBJECT:\s++")


def field_words(lines: tuple[Line, ...], hyphens: bool = True) -> str:
    """A field's lines as one text, each line's white space as one space: joined with a space, or
    with none after a word's hyphen that ends a line (``… CBI-`` / ``BENEFICIARY COUNTRIES``,
    05SANJOSE2658: ``hyphenation``'s test, as the text's heading is joined; ``hyphens`` off: a space)."""
    out = ""
    for line in (" ".join(x.split()) for x in lines if isinstance(x, str)):
        out += ("" if not out or (hyphens and hyphen_joins(out, line)) else " ") + line
    return out


def subject_text(text: str) -> str:
    """A SUBJECT field's text without its label, written whole or damaged; a stray second colon
    after the label (``SUBJECT: : …``), or the label written twice (``SUBJECT: SUBJECT: …``),
    belongs to the label (the text keeps it as written); a subject written twice with its label
    between, word for word (wrapped or not), is its words once."""
    label = SUBJECT if SUBJECT.match(text) else DAMAGED_SUBJECT
    words = _COLON_AGAIN.sub("", label.sub("", text, count=1).strip(), count=1)
    parts = _WRITTEN_AGAIN.split(words)
    return parts[0] if len(parts) == 2 and parts[0].split() == parts[1].split() else words
