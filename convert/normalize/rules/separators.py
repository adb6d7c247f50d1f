"""Chain ``lines.furniture`` (continued from :mod:`.lines`): lines that only separate.

- ``separator-line``: a hyphen alone on a line, the old telegrams' blank line between
  paragraphs (``… END SUMMARY.`` / ``-`` / ``¶2. …``).
"""

from __future__ import annotations

from ..parsed import Furniture
from .blocks import terminal
from .lines import FURNITURE, EntryCursor
from .ruler import note


@FURNITURE.rule(
    "separator-line",
    after="section-banner",
    trigger=("-",),
    lead="-",
    note=note(
        "normalization",
        "A line holding a hyphen alone after a finished sentence (the old telegrams' blank line between "
        "paragraphs) ends the paragraph; the hyphen is kept as fw, out of the text flow.",
    ),
)
def separator_line(cur: EntryCursor, line: str, stripped: str) -> Furniture | None:
    """``… END SUMMARY.`` / ``-`` / ``¶2. …``: a blank line, as the telegram meant it. After a
    heading or a rule of dashes the hyphen is a wrapped underline's tail, left to the blocks'
    rules."""
    if stripped != "-" or not cur.entries:
        return None
    last = cur.entries[-1]
    if not isinstance(last, str) or not terminal(last) or last.rstrip().endswith("-"):
        return None
    cur.entries.append(None)  # the paragraph before ends here; the mark stands between the two
    return Furniture("mark", (("separator", line.strip()),))
