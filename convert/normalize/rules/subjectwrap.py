"""Chain ``fields.other`` (continued from :mod:`.fields`): the SUBJECT's last line after a
blank line, where the REF field or the Classified By line follows it.

A SUBJECT wrapped over two lines may have a blank line between them in a copy, and the
second line then runs on into the next field, or stands right above it: ``SUBJECT: DEMARCHE
DELIVERED ON NUCLEAR SECURITY SUMMIT SHERPAS`` / blank / ``MEETING REF: STATE 007493 CLASSIFIED
BY: …`` (10CAIRO139), ``SUBJECT: (S) FCO WELCOMES EXECUTIVE ORDERS ON DETAINEE`` / blank /
``POLICY; WILL SHARE UK EXPERIENCE … BUT NOT TAKE MORE DETAINEES`` / ``REF: A. STATE 6516 …``
(09LONDON290, a copy that lost its line breaks, so the line is long). Read as they stood, the
subject lost its last words and the line stood in the reading text, with the REF list and the
Classified By line glued to it.

``subject-wrapped-before-field`` reads such a line as the SUBJECT's: only where a field follows
it (glued to it, or on the next line), in the subject's case, a line no longer than a copy that
lost its breaks makes (200 characters), that is no field, item, heading, handling sentence,
distribution line or redaction (``subject-continuation``'s tests), not mostly figures (``IIR 6
809 0067 09``, a report's number), and not the subject written again (a copy of it). The field
glued to it is cut off and read as a field.
"""

from __future__ import annotations

from ..parsed import Glued
from . import subjects  # noqa: F401  (bare-subject, which this rule goes after, registered first)
from .copies import split_glued
from .fields import (
    NOT_SUBJECT,
    OTHER,
    SUBJECT,
    PreambleCursor,
    classified_by_field,
    no_subject_words,
    ref_field,
    subject_before,
)
from .ruler import note

#: the longest line taken (a copy that lost its line breaks: the wrapped half of a SUBJECT)
_LONGEST = 200


def _field_start(text: str) -> bool:
    return ref_field(text) is not None or classified_by_field(text) is not None


def _subject_words(head: str, subject: str) -> bool:
    words = head.strip()
    if not words or not any(c.isalpha() for c in words) or len(words) > _LONGEST or NOT_SUBJECT.search(words):
        return False
    if subject.upper() == subject and words.upper() != words:
        return False  # (a subject in capitals goes on in capitals)
    return not no_subject_words(words, subject)


@OTHER.rule(
    "subject-wrapped-before-field",
    after="bare-subject",
    note=note(
        "normalization",
        "The SUBJECT's last line after a blank line, with the REF field or the Classified By line after it "
        "(glued to it or on the next line), is the SUBJECT's; a field glued to it is cut off and read as that field.",
    ),
)
def subject_wrapped_before_field(cur: PreambleCursor, line: str) -> str | None:
    """``… SUMMIT SHERPAS`` / blank / ``MEETING REF: STATE 007493 CLASSIFIED BY: …``: the words
    before the field go on with the SUBJECT, the field is a field."""
    subject = subject_before(cur)
    if subject is None or isinstance(line, Glued) or subject.text.rstrip().endswith("..."):
        return None
    if not SUBJECT.sub("", subject.text, count=1).strip():
        return None  # (a label with no words: ``bare-subject``'s)
    pieces = split_glued(line)
    glued = len(pieces) > 1 and _field_start(pieces[1])
    following = cur.entries[cur.i + 1] if cur.i + 1 < len(cur.entries) else None
    if not glued and not (isinstance(following, str) and _field_start(following)):
        return None
    head = pieces[0] if glued else line
    if not _subject_words(head, subject.text):
        return None
    if glued:
        cur.entries[cur.i : cur.i + 1] = pieces
    return "subject-more"
