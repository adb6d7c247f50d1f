"""Chain ``lines.lines`` (continued from :mod:`.lines`): a dump's line-continuation mark left at
the end of the text.

An SQL or TSV dump ends most lines with a backslash (``backslash-continuations`` drops them where
they are many). A copy whose lines were joined again keeps only the last one, after the text's
last word: ``HUNTSMAN \\`` (09BEIJING3160). Nothing follows it to continue; read as it stands,
the signer's line is ``HUNTSMAN \\``, no name.
"""

from __future__ import annotations

from .lines import LINES
from .ruler import note


@LINES.rule(
    "last-line-continuation",
    after="backslash-continuations",
    trigger=("\\",),
    note=note(
        "normalization",
        "The backslash a dump left after the text's last word (HUNTSMAN \\, a line continuation with no line "
        "after it) is dropped.",
    ),
)
def last_line_continuation(lines: list[str]) -> list[str]:
    """``… in the United States.`` / ``HUNTSMAN \\``: the text's last line with words on it, ending
    in a backslash after a space, loses the backslash."""
    last = next((i for i in range(len(lines) - 1, -1, -1) if lines[i].strip()), None)
    if last is None or not lines[last].endswith(" \\") or not lines[last][:-1].strip():
        return lines
    out = list(lines)
    out[last] = lines[last][:-1].rstrip()
    return out
