"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name
after the end of a quoted cable on the text's last line."""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE, after_text
from .names import CAPITAL_WORD, is_name, words

#: the quotation's end (``UNQUOTE``, ``UNQTE``, ``END QUOTE``), then a name, at the end of the line
_AFTER_UNQUOTE = re.compile(rf"\b(?:UNQUOTE|UNQTE|END\s+QUOTE)\b\s*[.:]?\s+(?P<name>{words(CAPITAL_WORD)})\s*\.?\s*$")


@SIGNATURE.rule("unquote-signature", after="inline-signature")
def unquote_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``CLINTON UNQUOTE CLINTON``: a cable that quotes another ends with the quoted cable's
    signer, the quotation's end and then its own signer, on one line. The name after
    ``UNQUOTE`` signs; the quoted signature and the ``UNQUOTE`` stay in the text (a line
    ``UNQUOTE`` / ``RICE`` is the ``signature-line`` case). Also where the quoted text ends in a
    list item (``-- … come from."`` / ``CLINTON UNQUOTE CLINTON``)."""
    line = texts[-1]
    match = _AFTER_UNQUOTE.search(line)
    if match is None or not is_name(match["name"]):
        return None
    return line[: match.start("name")].rstrip(), line[match.start("name") :].strip()


@SIGNATURE.rule("quote-mark-signature", after="signature-line")
def quote_mark_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``End text of agreement.`` / ``SPOGLI"``: the closing quotation mark of a text the cable
    quoted whole (an agreement, a letter) typed right after the signer's name on the last line.
    The name signs where the paragraph's quotation marks are odd in number (the mark closes a
    quotation opened before, not a quoted word of the line); the line stays whole in the
    signature, mark included. The name must follow a finished sentence, as ``signature-line``
    asks."""
    if para.items:
        return None
    line = texts[-1].rstrip()
    if not line.endswith('"') or " ".join(texts).count('"') % 2 == 0:
        return None
    name = line[:-1].rstrip()
    prev_end = texts[-2] if len(texts) >= 2 else ""
    if not is_name(name) or not after_text(prev_end, name):
        return None
    return None, line.strip()
