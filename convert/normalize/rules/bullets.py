"""Bullets written with one hyphen, one to a line, whose lines end without a full stop.

Old-style extracts (Embassy Rome 2003) and lists of names, visits or figures write a list as
lines that begin with ``- `` and end without a sentence's punctuation: ``POLITICAL SUPPORT`` /
``- ITALY AGREED TO BE NAMED PUBLICLY AS COALITION MEMBER`` / ``- GOI OPPOSED EFFORTS IN UN …``.
The ``list-items`` rule starts an item only after a finished sentence, so such a list was read
as one item, its bullets run together in the reading text.

``hyphen-bullets`` (chain ``blocks.items``, before ``list-items``) reads every such line as an
item, where the block is a list: at least two of its lines begin with ``- `` and a word, and the
first of them begins the run (after a blank line or a heading) or follows a finished sentence. A
line that begins with ``- `` inside a parenthesis left open on the line before it goes on with
that item, and a dash that begins a wrapped line of a sentence is no list's (the first bullet
must follow a sentence's end), so it stays text.
"""

from __future__ import annotations

import re

from ..parsed import Line, ListItem
from .blocks import ITEMS
from .runs import ITEM_START, LABEL_LINE, Starts, split_item_lines

_TERMINAL = (".", ":", ";", "!", "?")


def _hyphen_bullet(text: str) -> bool:
    """A line that begins with one hyphen, a space and a word (``- GOI OPPOSED …``)."""
    match = ITEM_START.match(text)
    if match is None or match["label"] != "-":
        return False
    first = text[match.end() : match.end() + 1]
    return first.isalnum() or first in ('"', "(")


def _next_bullet(line: str, before: str) -> bool:
    """A hyphen bullet inside a list starts an item, unless the line before it left a
    parenthesis open (``- Peace Corps project (Centro Biologico Quebradas`` / ``- Conservation
    Center)``: one item wrapped)."""
    return _hyphen_bullet(line) and before.count("(") <= before.count(")")


@ITEMS.rule("hyphen-bullets", before="list-items")
def hyphen_bullets(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """Lines that begin with ``- `` and a word are list items though they end without a full
    stop, in a block where two lines or more do and the first follows a blank line, a heading
    or a finished sentence (``- ITALY AGREED …`` / ``- GOI OPPOSED …``)."""
    if not any(starts) or sum(1 for start in starts if start and start["label"] == "-") < 2:
        return None  # (fewer than two lines that begin with a hyphen's label: no list of them)
    texts = [x for x in lines if isinstance(x, str)]
    marks = [i for i, text in enumerate(texts) if _hyphen_bullet(text)]
    if len(marks) < 2:
        return None
    first = marks[0]
    if first:
        before = texts[first - 1].rstrip()
        if not (before.endswith(_TERMINAL) or (first == 1 and LABEL_LINE.match(before))):
            return None  # a wrapped sentence's dash, or a list the plain rule does not begin
    head, items = split_item_lines(lines, _next_bullet, starts)
    if len(items) == len(split_item_lines(lines, starts=starts)[1]):
        return None  # nothing the plain rule does not do
    return head, items


def _dash_bullet(line: str, before: str) -> bool:
    """A ``--`` bullet that starts an item though the line before ends without a stop
    (``-- Internal political issues`` / ``-- Bilateral relations``): ``--``, a space and a
    capital, a digit or an opening mark; not a dash that wraps a sentence's aside (``specialized``
    / ``-- and expensive -- Honeywell …``: a lower-case word, or a second dash that closes it)
    nor a line inside a parenthesis left open on the line before."""
    match = ITEM_START.match(line)
    if match is None or match["label"] not in _DASHES or before.count("(") > before.count(")"):
        return False
    rest = line[match.end() :]
    return rest[:1].isupper() or rest[:1].isdigit() or (rest[:1] in ('"', "(") and " --" not in rest)


#: the labels of a dash list (``-- Vice-Minister Jose Torres``, ``--- Staff Colonel Saeed Rashid al-Shihi, CNIA``)
_DASHES = frozenset(("--", "---"))
#: the end of a list's last item but one: ``… profiling; and``, ``… in March; and,``, ``… efficiency, and``
_LAST_BUT_ONE = re.compile(r"(?:[;,]|^)\s*(?:and|or),?\s*$")  # (``and,`` may stand alone on its line)


def _dash_item(line: str, before: str, one_per_line: bool) -> bool:
    """A ``--`` bullet that starts the next item, with no second dash on its line (an aside's);
    in lower case too after a list's last item but one (``-- consideration of … profiling; and`` /
    ``-- the need to correct …``, 09BRASILIA1167), or in a list whose every line begins with its dash
    (``one_per_line``: no item wrapped, so no line goes on with the one before: ``-- Director-General for
    Foreign Trade Gabriela Castro`` / ``-- the GOCR's Ambassador to Panama``, 08SANJOSE958)."""
    if " -- " in line.strip():  # (the line's own label may stand after a space: `` -- difficulties …``)
        return False
    if _dash_bullet(line, before):
        return True
    match = ITEM_START.match(line) if one_per_line or _LAST_BUT_ONE.search(before) else None
    return match is not None and match["label"] in _DASHES and line[match.end() :][:1].islower()


def _one_per_line(lines: list[Line], starts: Starts) -> bool:
    """Whether every text line from the first that begins with a dash's label begins with one."""
    pairs = zip(lines, starts, strict=True)
    labelled = [bool(start and start["label"] in _DASHES) for x, start in pairs if isinstance(x, str)]
    return all(labelled[labelled.index(True) :]) if True in labelled else False


@ITEMS.rule("dash-bullets", after="hyphen-bullets")
def dash_bullets(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """Lines that begin with ``--`` and a capital are items of a ``--`` list though the item
    before ends without a full stop (``Key issues for your visit include:`` / ``-- Internal
    political issues`` / ``-- Bilateral relations`` / …; ``---`` too: ``--- Staff Colonel Saeed Rashid
    al-Shihi, CNIA``, 09ABUDHABI744): the plain rule began the list, and a line of it that begins so,
    with no second dash on it (an aside's), is the next item; so is one in lower case where every line
    of the list begins with its dash (no item wrapped: 08SANJOSE958)."""
    if not any(starts) or not any(start and start["label"] in _DASHES for start in starts):
        return None  # (no line begins with a double (or triple) dash's label)
    plain = split_item_lines(lines, starts=starts)
    if not plain[1] or plain[1][0].label not in _DASHES:
        return None
    one = _one_per_line(lines, starts)
    head, items = split_item_lines(lines, lambda line, before: _dash_item(line, before, one), starts)
    return (head, items) if len(items) > len(plain[1]) else None
