"""How the source note quotes the cable's own lines (its Classified By and E.O. lines): each a sentence, the
transmission's damage to it read as the text's is (a redaction labelled, an apostrophe sent as a comma, a word a
line break split), a label written twice printed once; the lines themselves stay as written in the Transmission."""

from __future__ import annotations

import re

from ..textview import REDACTION, REDACTION_LABEL


def _label(found: re.Match[str]) -> str:
    """The redaction's label, set apart from a word the copy glued to it (``XXXXXXXXXXXXNEED A MILLION``)."""
    text = found.string
    before = " " if found.start() and text[found.start() - 1].isalnum() else ""
    return before + REDACTION_LABEL + (" " if text[found.end() : found.end() + 1].isalnum() else "")


def sentence(text: str) -> str:
    """A line the note quotes as one of its sentences, a stop at its end."""
    # (a redaction in a line the note quotes, ``Classified By: Political Minister-Counselor
    # XXXXXXXXXXXX for reasons …``, 06PARIS7904: printed as the text's redactions are)
    text = REDACTION.sub(_label, " ".join(text.split()))
    # (a line break inside a bracket or a number, ``1.4 (B) and (`` / ``D)``, ``reasons 1`` /
    # ``.4 (b)``, ``Reasons 1.`` / ``4 (b)``, joined to ``( D)``, ``1 .4``, ``1. 4``; a line that
    # ends in a colon, ``for reasons 1.4 (d) and (e):``, ends the note's sentence with a stop)
    text = _INNER_SPACE.sub("", text).rstrip(":;,")
    # (the line's words ``reasons``, ``and``, ``for`` broken by a line end, ``for reas`` / ``ons 1.4``,
    # ``(B) an`` / ``d (D)``, joined as the text's other wrapped words are)
    text = _SPLIT_WORDS.sub(lambda m: m.group().replace(" ", ""), text)
    return text if text.endswith((".", "?", "!")) else text + "."


#: a field's label written twice (``SUBJECT: SUBJECT: URIBE-SUPREME COURT …``, ``Classified By: Classified By:
#: Political Counselor …``: 30 of 6,850 pages; ``Classified By: Classified by Ambassador …`` with no colon the second
#: time, 09BUENOSAIRES632): the first, once
_FIELD_TWICE = re.compile(r"^(\s*)((?:SUBJECT|SUBJ|Classified By|CLASSIFIED BY|REF|TAGS)\s*:)\s*(?i:\2)\s*")
_BY_TWICE = re.compile(r"^(\s*(?i:classified\s+by)\s*:)\s*(?i:classified\s+by)\b\s*")


#: the SUBJECT label glued to its first word (``SUBJECT:SUDAN: SLA-MINAWI …``, 09CAIRO1352)
_LABEL_GLUED = re.compile(r"^(\s*SUBJ(?:ECT)?:)(?=\S)")


def label_printed(text: str) -> str:
    """``text`` with a field's label written twice printed once, and a space after a SUBJECT label glued to its
    first word (the TEI and the Transmission keep the line as written)."""
    once = _BY_TWICE.sub(r"\1 ", _FIELD_TWICE.sub(r"\1\2 ", text, count=1), count=1)
    return _LABEL_GLUED.sub(r"\1 ", once, count=1)


def apostrophes(text: str) -> str:
    """The line with each apostrophe the transmission sent as a comma written as one (``Charge
    d,Affaires``, ``DCM,s``), as the normalizer corrects the text's (the line itself is kept as written
    in the Transmission appendix)."""
    from ..normalize.rules.inline import apostrophe  # (the one reading of the damage, the text's)

    for start, end, choice in reversed(apostrophe(text) if "," in text else []):
        text = text[:start] + getattr(choice, "reg", text[start:end]) + text[end:]
    return text


#: the spaces just inside a bracket, and a space before a number's decimal point
_INNER_SPACE = re.compile(r"(?<=\()\s+|\s+(?=\))|(?<=\d) (?=\.\d)|(?<=\b1\.) (?=[45]\b)")
#: ``reasons``, ``reason``, ``and``, ``for`` with one space inside, where a line break split them (``rea sons``,
#: ``A ND``, ``REASO N: 1.4(C)``, 07THEHAGUE295)
_SPLIT_WORDS = re.compile(
    r"\b(?:r easons?|re asons?|rea sons?|reas ons?|reaso ns?|reason s|a nd|an d|f or|fo r)\b", re.I
)
