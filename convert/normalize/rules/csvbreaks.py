"""Chain ``lines.text`` (continued from :mod:`.lines`): line breaks a database wrote as CSV quoting, or as a tab.

A database that stored a cable's text as a CSV cell, and a second export that quoted the cell
again, left every line break of the text as ``,,""`` or ``,""`` at a line's end (the break itself
gone), or as ``,"`` / newline / ``"`` where the break survived (09STATE30927, 09STATE49854:
``SUBJECT: (C) KUDOS FOR BUENOS AIRES 000174 ,,"" ,,""REF: BUENOS AIRES 000174``). Read as they
stand, the text is one run-on line with the marks in it: its fields run into each other and its
paragraphs into one. Where the marks are many, they are the line breaks again.
"""

from __future__ import annotations

import re

from .lines import TEXT
from .ruler import note

#: a line break written as CSV quoting, after a space (a teletype line's end): ``,,""``, ``,""``,
#: ``""``, ``,,"``, ``,"`` or ``"`` before the next line's text, or the last three before a break
#: that survived and the ``"`` that opens the next line; or before that break written as a space
#: (``… AND LOOK ," "FORWARD TO …``, 09STATE49854: one break, not two)
_MARK = re.compile(r' (?:,{1,2}" "(?![\s,"])|,{0,2}(?:"\n"|"{1,3}))')
#: the marks' doubled form, ``,,""``, that no text writes: how many make a text written so
_ENOUGH = 5


@TEXT.rule(
    "csv-line-breaks",
    trigger=(',,""',),
    note=note(
        "normalization",
        'Line breaks a database wrote as CSV quoting (,,"" and ,"" at each line\'s end, or ," / "'
        " around a break) are line breaks again, where a text holds five or more of them.",
    ),
)
def csv_line_breaks(text: str) -> str:
    """``… FOR BUENOS AIRES 000174 ,,"" ,,""REF: BUENOS AIRES 000174 ,,"`` / ``"``: in a text
    with five ``,,""`` or more, each `` ,,""``, `` ,""``, `` ""`` (after a space: the end of a
    teletype line; the commas and quotes alone too) and `` ,"`` / newline (or a space) / ``"`` is a line break
    (a quotation mark the writer opened after a space goes with them: the text cannot tell it)."""
    if text.count(',,""') < _ENOUGH:
        return text
    return _MARK.sub("\n", text)


#: a tab before the banner of the cable's first section (a database row's copy that joined the routing's
#: last line to it: ``… COLLECTIVE PRIORITY<tab>C O N F I D E N T I A L SECTION 01 OF 02 BERN 001280``)
_TAB_BANNER = re.compile(
    r"(?<!\t)\t++(?=(?:C O N F I D E N T I A L|S E C R E T|U N C L A S|CONFIDENTIAL|SECRET|UNCLAS(?:SIFIED)?)\b"
    r"[^\t\n]{0,40}?\bSECTION\s++0?1\s++OF\b)"
)


@TEXT.rule(
    "tab-banner",
    before="tabs",
    trigger=("\t",),
    note=note("normalization", "A tab before the banner of the first section is a line break (a row's copy)."),
)
def tab_banner(text: str) -> str:
    """``… EUROPEAN POLITICAL COLLECTIVE PRIORITY<tab>C O N F I D E N T I A L SECTION 01 OF 02 BERN 001280``
    (06BERN1280, a row's copy with its fields between tabs): the banner begins a line of its own, as in the
    telegram. A row's field (``<tab>CONFIDENTIAL<tab>``) is left to the row."""
    return _TAB_BANNER.sub("\n", text)
