"""Chain ``lines.text`` (continued from :mod:`.lines`): what a user's copy of a cable's text
carries that the cable does not, undone where the whole text shows it unambiguously.

- ``mail-quotes``: a forwarded e-mail's ``> `` before every line (nested: ``> > ``).
- ``doubled-breaks``: every line break written twice (a copy through a rich-text view that
  makes each line a paragraph): each line is followed by one empty line, and the cable's own
  blank lines are runs of three.

- ``no-break-spaces``: U+00A0 (a copy of a web page's text, whose runs of spaces are laid
  out with ``&nbsp;``) is a space, as a tab is.

A text that shows the shape only in part is left as it is (no guess).
"""

from __future__ import annotations

import re

from .lines import TEXT
from .ruler import note

#: one level of an e-mail's quotation: ``>`` and the space after it
_QUOTE = re.compile(r"^[ \t]*>[ \t]?", re.M)
#: how many lines of text a quoted or double-spaced text must hold to be read as one
_LEAST = 3


def _quoted(lines: list[str]) -> bool:
    filled = [line for line in lines if line.strip()]
    return len(filled) >= _LEAST and all(line.lstrip(" \t").startswith(">") for line in filled)


@TEXT.rule(
    "mail-quotes",
    after="line-separators",  # before tab-rows cuts a quoted database row into lines without ">"
    trigger=(">",),
    note=note(
        "normalization",
        "A text forwarded by e-mail with > before every line (> > nested) is read without those marks.",
    ),
)
def mail_quotes(text: str) -> str:
    """Where every line with text begins with ``>``, one level of quotation (``>`` and one
    space) goes from every line, and again while the whole text is still quoted."""
    if not text.lstrip().startswith(">"):  # the first line with text is not quoted
        return text
    lines = text.split("\n")
    while _quoted(lines):
        text = _QUOTE.sub("", text)
        lines = text.split("\n")
    return text


def _doubled(lines: list[str], parity: int) -> bool:
    """Every line at ``parity`` + 1, + 3 … is empty, and two lines or more between them are
    blank too (the cable's own blank lines, doubled: runs of three)."""
    if not all(not line.strip() for line in lines[parity + 1 :: 2]):  # most texts: the first pair
        return False
    kept = lines[parity::2]
    blank_kept = sum(1 for line in kept[1:-1] if not line.strip())
    filled = sum(1 for line in kept if line.strip())
    return blank_kept >= 2 and filled >= _LEAST and all(not line.strip() for line in lines[:parity])


@TEXT.rule(
    "doubled-breaks",
    after="form-feeds",
    trigger=("\n\n",),
    note=note(
        "normalization",
        "A text whose every line break was written twice (each line followed by an empty line, the "
        "cable's blank lines runs of three) is read with one break for each two.",
    ),
)
def doubled_breaks(text: str) -> str:
    """A text whose every line is followed by an empty one, its own blank lines runs of
    three, is read with one break for each two; one with two lines of text adjacent is not
    double-spaced."""
    lines = text.split("\n")
    for parity in (0, 1):
        if _doubled(lines, parity):
            return "\n".join(lines[parity::2])
    return text


@TEXT.rule(
    "no-break-spaces",
    after="tabs",
    trigger=("\u00a0",),
    note=note("normalization", "No-break spaces (U+00A0, a copy of a web page's laid-out text) are spaces."),
)
def no_break_spaces(text: str) -> str:
    """A no-break space is a space (a browser's copy lays out runs of spaces with them)."""
    return text.replace("\u00a0", " ")
