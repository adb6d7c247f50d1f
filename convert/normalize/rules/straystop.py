"""Chain ``lines.lines`` (continued from :mod:`.rulewrap`): a paragraph's full stop pushed onto the next line.

A copy that broke the line before a paragraph's last full stop left the stop at the start of the next line,
before the heading that follows: ``… to support refugee repatriation`` / ``. STRENGTHENING U.S.-PAKISTAN
RELATIONS`` (08ISLAMABAD2051), ``… (reftel C)`` / ``. ...BUT IN STARK CONTRAST TO OVERALL POLICE RECORD``
(09RIODEJANEIRO440). The paragraph lost its end and the heading, led by a stop, was read as text.
``stray-stop-line`` puts the stop back at the end of the line before.
"""

from __future__ import annotations

import re

from .lines import LINES
from .ruler import note

#: a line that begins with a stop, a space and a title in capitals (an ellipsis may open it)
_STRAY_STOP = re.compile(r"(\s*)\. +(?=(?:\.\.\.)?[A-Z][A-Z0-9 '.,&/-]{7,}$)")
#: a line that ends in a word or a bracket, no stop after it (the paragraph the stop belongs to)
_UNSTOPPED = re.compile(r"[A-Za-z0-9)]\s*$")


@LINES.rule(
    "stray-stop-line",
    after="wrapped-rule",
    trigger=("\n. ", "\n .", "\n\t."),
    note=note(
        "normalization",
        "A paragraph's full stop that a line break pushed to the start of the next line, before a heading in "
        "capitals (… repatriation / . STRENGTHENING U.S.-PAKISTAN RELATIONS), goes back to the end of the "
        "paragraph's line.",
    ),
)
def stray_stop_line(lines: list[str]) -> list[str]:
    """``… to support refugee repatriation`` / ``. STRENGTHENING U.S.-PAKISTAN RELATIONS`` (08ISLAMABAD2051): a
    line that begins with a stop and a title in capitals, right after a line (one blank line between or none)
    that ends in a word or a bracket with no stop, gives the stop to that line."""
    out = list(lines)
    for index, line in enumerate(lines):
        found = _STRAY_STOP.match(line) if line.lstrip().startswith(". ") else None
        if found is None:
            continue
        before = next((i for i in (index - 1, index - 2) if i >= 0 and out[i].strip()), None)
        if before is None or not _UNSTOPPED.search(out[before]):
            continue
        out[before] = out[before].rstrip() + "."
        out[index] = found.group(1) + line[found.end() :]
    return out if out != lines else lines
