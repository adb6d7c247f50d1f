"""Chains ``blocks.starts`` and ``blocks.kinds`` (continued from :mod:`.blocks`): an acronym
underlined with a rule as long as it is.

``PKK`` / ``---``, ``EU`` / ``--``, ``ELN`` / ``---`` / ``2.(C) Restrepo told the Ambassador …``
(06BOGOTA7460, 04ANKARA7106, 09ROME649: 22 pages): a heading of two to four characters, its
underline two or three dashes, too short for the rules of four dashes or more that
``underlined-heading`` and ``dashed-heading`` read. The pair is a heading (its rule recorded as
rend="dashes", as theirs are), a run of its own: the lines above the title and the line right
under the rule begin runs of their own.
"""

from __future__ import annotations

import re

from ..parsed import Block, Heading, Line
from .blocks import KINDS, STARTS
from .ruler import Run

#: a heading short enough for a short rule: an acronym or a word of two to four characters
_SHORT_TITLE = re.compile(r"[A-Z0-9][A-Za-z0-9.&/]{1,3}")
#: the rule under it: two or three dashes
_SHORT_RULE = re.compile(r"-{2,3}")


def _underlined(title: Line, rule: Line) -> bool:
    """Whether ``rule`` underlines ``title``: both lines of text, the title two to four
    characters, the rule two or three dashes as long as the title (one more or one fewer)."""
    if not (isinstance(title, str) and isinstance(rule, str)):
        return False
    title, rule = title.strip(), rule.strip()
    return (
        _SHORT_RULE.fullmatch(rule) is not None
        and _SHORT_TITLE.fullmatch(title) is not None
        and abs(len(title) - len(rule)) <= 1
    )


@STARTS.rule("short-underline-apart", after="underlined-heading")
def short_underline_apart(block: list[Line], line: str) -> bool | int:
    """``… Interpreter`` / ``PRC`` / ``---`` / ``State Councilor Dai Bingguo …`` (09BEIJING2965):
    a short rule under a short title after other lines begins a run with its title (2: one line
    back; 3, two lines back, with a short rule above the title); a line right under such a rule
    begins a run of its own."""
    if "--" in line and line.strip() in ("--", "---"):  # (``in`` first: asked of every line, it is the cheap test)
        if not block or not _underlined(block[-1], line):
            return False
        above = block[-2] if len(block) >= 2 else None
        back = 3 if isinstance(above, str) and _SHORT_RULE.fullmatch(above.strip()) else 2
        return back if len(block) >= back else False  # (only lines before the title or its rule part)
    last = block[-1] if len(block) >= 2 else None
    return isinstance(last, str) and "--" in last and last.strip() in ("--", "---") and _underlined(block[-2], last)


@KINDS.rule("short-underlined-heading", before="dashed-heading")
def short_underlined_heading(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """``PKK`` / ``---``: a run that is a title of two to four characters and a rule of two or
    three dashes under it (and one above it, or none) is a heading (the rules recorded as
    rend="dashes")."""
    if len(chunk) == 3 and isinstance(chunk[0], str) and _SHORT_RULE.fullmatch(chunk[0].strip()):
        chunk = chunk[1:]  # a short rule above it too (``---`` / ``OEF`` / ``---``, 04THEHAGUE248)
    if len(chunk) != 2 or not _underlined(chunk[0], chunk[1]):
        return None
    assert isinstance(chunk[0], str)
    return Heading((chunk[0].strip(),), rend="dashes")
