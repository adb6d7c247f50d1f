"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name run
together with the paragraph number the last sentence ends with.

A dump that lost a line break and a space writes the number a sentence refers to and the
signer's name as one word (09BERLIN992: ``¶4. (SBU) ACTION REQUEST: … the feedback requested in
paragraph`` / (blank) / ``2.Bradtke``, before a database row); ``paragraph-reference-rejoin``
gives the number back to the sentence (``… in paragraph 2.Bradtke``), and
``number-glued-signature`` reads the name after it.
"""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
from .names import CAPITAL_WORD, is_name
from .ruler import note

#: a paragraph's number after the word that names it, then a name with no space (``paragraph 2.Bradtke``)
_GLUED_TO_NUMBER = re.compile(rf"\b(?i:paras?|paragraphs?)\s++\d{{1,2}}\.(?P<name>{CAPITAL_WORD}+)\s*+$")
#: the number and the name alone on the last line (the word that names the paragraph on the line before)
_NUMBER_NAME = re.compile(rf"^\s*+\d{{1,2}}\.{CAPITAL_WORD}+\s*+$")


@SIGNATURE.rule(
    "number-glued-signature",
    after="inline-signature",
    note=note(
        "normalization",
        "A signer's name run together with the paragraph number the last sentence ends with (… requested in "
        "paragraph 2.Bradtke: the line break and space lost) is read as the number and the name: the signer is "
        "the name; the signature is marked rend=\"run-on\" (one token in the source).",
    ),
)
def number_glued_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… in responding to the feedback requested in paragraph`` / ``2.Bradtke``: a name glued
    to the number after ``para``/``paragraph`` at the end of the text's last line (or alone on
    it, the word ending the line before) signs; the number stays with the sentence."""
    if para.items:
        return None
    line = texts[-1]
    before = texts[-2] if len(texts) > 1 and _NUMBER_NAME.match(line) else ""
    if "para" not in before.lower() and "para" not in line.lower():
        return None  # (every match holds it: the pattern, with no prefix, is tried at every position)
    match = _GLUED_TO_NUMBER.search(f"{before} {line}" if before else line)
    if match is None or not is_name(match["name"]):
        return None
    at = line.rindex(match["name"])
    return line[:at], line[at:].strip()
