"""A redaction (TEI ``gap``) as the writers print it: the reading edition's label, the transcript's X's."""

from __future__ import annotations

from lxml import etree

from ..textview import REDACTION_LABEL


def redaction_title(written: str) -> str:
    """A redaction's tooltip: what was withheld, and the characters the source shows for it."""
    return "Redacted: text withheld when the cable was published" + (f" ({written} in the source)" if written else "")


def withheld(mark: etree._Element, written: str, tail: str | None, edition: bool) -> None:
    """``mark`` (a redaction's span, the last child of its parent so far) filled: in the reading edition (or
    where the source shows nothing) the label :data:`REDACTION_LABEL` with a tooltip, in the transcript the
    characters the source shows. The edition's label stands apart by a space from a word the copy glued to
    the X's (``XXXXXXXXXXXXsaid``, 08ASMARA546; ``contactXXXXXXXXXXXX``, 07IRANRPODUBAI18; after a stop,
    ``sanctions.xxxxx``): ``[redacted] said``; the TEI keeps the X's as written (``gap/@rend``) and the word
    beside them."""
    if written and not edition:
        mark.text = written  # the transcript: the characters the source shows
        return
    mark.text = REDACTION_LABEL
    mark.set("title", redaction_title(written))
    if not edition:
        return
    if _word((tail or "")[:1]):
        mark.tail = " "
    before, parent = mark.getprevious(), mark.getparent()
    if before is not None and _glued((before.tail or "")[-2:]):
        before.tail = f"{before.tail} "
    elif before is None and parent is not None and _glued((parent.text or "")[-2:]):
        parent.text = f"{parent.text} "


def _glued(last: str) -> bool:
    """Whether the text before a redaction ends glued to it: a word's letter or digit, or a stop or a comma after
    one (``legal sanctions.xxxxx noted``, 05VIENNA3833: ``sanctions. [redacted] noted``), or a closing quotation
    mark or bracket after either (``“cautious.”XXXXXXXXXXXX described``, 07PARIS4722; not an opening mark
    after a space, ``"XXXX``)."""
    if len(last) < 2:
        return _word(last)
    return _word(last[-1]) or (last[-1] in ".,;:!?\u201d\u2019\"')" and (_word(last[0]) or last[0] in ".,;:!?"))


def _word(char: str) -> bool:
    """Whether ``char`` is a Latin letter or a digit: a word's (a Cyrillic ``Х`` after the X's is one of them,
    sent in another alphabet: ``XXXXXXXXXXXXХ``, 08MOSCOW1124)."""
    return char.isascii() and char.isalnum()
