"""Chain ``lines.lines`` (continued from :mod:`.lines`): a text printed double-spaced.

Some pages write each line end twice (every line of a paragraph followed by a blank line, two
or more blank lines between paragraphs: Embassy Buenos Aires's cables of 2005-2009, and the
pages whose line ends are ``<br>`` and a line break, pasted from a browser). Read as it
stands, every line would be a paragraph of its own; with one blank line fewer in each run,
the text's lines and paragraphs are the ones its writer made.
"""

from __future__ import annotations

import re

from .lines import LINES
from .ruler import note

#: a numbered paragraph's first line: ``¶1. (C) Summary: …``, ``2. (SBU) …``
_NUMBERED = re.compile(r"^\s*¶?\d{1,2}\.\s")
#: a line of running text (not a routing line, a field or a heading): its length at least
_TEXT_LINE = 40
#: a teletype line is at most 69 characters: a line of a wrapped paragraph at most this long
_WRAPPED = 80
#: how many lines of running text there must be; the share of them that must be wrapped, and
#: the share that may run on into the next line (with no blank line between)
_ENOUGH, _WRAPPED_SHARE, _RUN_ON_SHARE = 10, 0.9, 0.1


@LINES.rule(
    "double-spaced",
    after="backslash-continuations",
    note=note(
        "normalization",
        "A text printed double-spaced (a blank line after every line of a paragraph, two or more between "
        "paragraphs) is read with one blank line fewer in each run of blank lines.",
    ),
)
def double_spaced(lines: list[str]) -> list[str]:
    """At least ten lines of running text, nine in ten of them wrapped; at most one in ten
    runs on into the next line, at least half are followed by one blank line and more text,
    and somewhere two blank lines or more end a paragraph: from the first numbered paragraph
    to the last line of running text, the first blank line of each run goes (a paragraph's
    lines join; the blank lines between paragraphs are one fewer). A text with no numbered
    paragraph is left as it is."""
    text = [i for i, line in enumerate(lines) if len(line.strip()) >= _TEXT_LINE]
    if len(text) < _ENOUGH:
        return lines
    inner = text[:-1]  # (each is followed by two lines at least: the last line of text follows)
    # (the counts one at a time, the one most texts fail first: the lines of a paragraph follow
    # each other)
    if sum(1 for i in inner if lines[i + 1].strip()) > _RUN_ON_SHARE * len(inner):
        return lines
    if (
        sum(1 for i in text if len(lines[i]) <= _WRAPPED) < _WRAPPED_SHARE * len(text)
        or sum(1 for i in inner if not lines[i + 1].strip() and lines[i + 2].strip()) < len(inner) / 2
        or not any(not lines[i].strip() and not lines[i + 1].strip() for i in range(1, text[-1]))
    ):  # (the last: no paragraph ends with two blank lines or more)
        return lines
    # from the first numbered paragraph (the preamble's fields are read as they stand) to the
    # last line of running text (the signature and end markers after it too)
    start = next((i for i, line in enumerate(lines) if _NUMBERED.match(line)), None)
    if start is None:
        return lines
    end = text[-1]
    return [line for i, line in enumerate(lines) if line.strip() or not start < i <= end or not lines[i - 1].strip()]
