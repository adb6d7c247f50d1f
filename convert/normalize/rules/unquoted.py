"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name
after the end of a quoted cable on the text's last line."""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
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
