"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name on
the line of the end label that closes the text, with no full stop between them.

A post that closes its comment or a quoted text with an end label and signs on the same line
writes ``… cross U.S. redlines. END COMMENT EIKENBERRY`` or ``… the ANA TF. END TEXT HEFFERN``
(10KABUL104, 10USNATO52, 09CAIRO199): the label is no sentence's end, so ``inline-signature``
does not read the name; ``end-label-signature`` does. The label stays with the text.
"""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
from .names import CAPS_WORD, is_name, words
from .ruler import note

#: an end label with no full stop (``END COMMENT``, ``END OF TEXT``: after ``END COMMENT.`` the
#: name is ``inline-signature``'s, or ``list-signature``'s), then a name in capitals of one to
#: three words ending the line
_LABEL_NAME = re.compile(
    rf"\bEND\s++(?:OF\s++)?(?:COMMENT|TEXT|SUMMARY|QUOTE)\b\)?\s++(?P<name>{words(CAPS_WORD)})\s*+\.?\s*+$"
)


@SIGNATURE.rule(
    "end-label-signature",
    after="inline-signature",
    note=note(
        "normalization",
        "A signer's name in capitals after the end label that closes the text, on its line (… redlines. END "
        "COMMENT EIKENBERRY), is the signature: the label stays with the text.",
    ),
)
def end_label_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… END COMMENT EIKENBERRY`` / ``… END TEXT HEFFERN`` (also as a list item's last line):
    the name after the end label on the text's last line signs; the label stays in the text."""
    line = texts[-1]
    match = _LABEL_NAME.search(line)
    if match is None or not is_name(match["name"]):
        return None
    return line[: match.start("name")], line[match.start("name") :].strip()
