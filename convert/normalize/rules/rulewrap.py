"""Chain ``lines.lines`` (continued from :mod:`.lines`): a dashed rule the teletype wrapped.

A writer who drew a rule under a title wider than the teletype's line saw its last dashes wrapped
onto a line of their own: ``Database, Biometrics and Analysis Capabilities Upgraded`` / (blank) /
``--------------------------------------------- ----------------------`` / ``--`` (09BOGOTA3998;
10SANJOSE90, twice). The rule rules read the first line; the second, two dashes alone, is no rule
and no text, and was printed as a heading of its own (``--``). ``wrapped-rule`` puts the dashes
back at the end of the rule's line, where the writer typed them.
"""

from __future__ import annotations

import re

from .lines import LINES
from .ruler import note

#: a rule of dashes as wide as a teletype's line or near it (a space or two where the wrap fell inside it)
_LONG_RULE = re.compile(r"\s*-{10,}(?: -+)*\s*")
#: the rule's end on the next line: one to three dashes alone
_RULE_END = re.compile(r"\s*-{1,3}\s*")
#: the shortest rule line whose end a teletype could have wrapped; the longest line its end may be (dashes, spaces)
_WIDE, _END_CHARS = 60, 8


@LINES.rule(
    "wrapped-rule",
    after="last-line-continuation",
    trigger=("--",),
    note=note(
        "normalization",
        "The last dashes of a rule wider than the teletype's line, wrapped onto a line of their own (-- under "
        "a rule of 68 dashes), go back to the end of the rule's line.",
    ),
)
def wrapped_rule(lines: list[str]) -> list[str]:
    """``------------------------------------------ -------------------`` / ``--`` (09BOGOTA3998): a line of
    one to three dashes alone, right after a rule of dashes 60 characters wide or more, is the rule's end."""
    out: list[str] = []
    for line in lines:
        if len(line) <= _END_CHARS and out and _RULE_END.fullmatch(line) and len(out[-1].strip()) >= _WIDE \
                and _LONG_RULE.fullmatch(out[-1]):
            out[-1] = f"{out[-1].rstrip()}{line.strip()}"
            continue
        out.append(line)
    return out if len(out) != len(lines) else lines
