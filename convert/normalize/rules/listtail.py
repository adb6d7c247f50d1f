"""Stage "blocks", chain ``blocks.passes``: the text a paragraph goes on with after its list.

A list's item takes every line up to the next item, so the last item also took the lines the
paragraph goes on with after the list: ``- Mid-May (tentatively Iran, Russia, Spain)`` / ``Each
responded favorably to suggestions …`` (10BRASILIA61) read as one item, and a tally's total,
``- DCM 1 hrs`` / ``Total: 63 hrs`` (09REYKJAVIK50), as part of its last row.

``list-tail`` ends the last item where a line begins anew: a line that begins with a capital (or a
bracket and a capital: ``mentioned above.`` / ``(Note: Recipients of this cable …``, 06THEHAGUE374), holds
at least three words and a word in lower case (prose, not a name or a row), after an item line that
does not run on into it (no comma, hyphen or word a phrase goes on after at its end; no colon, which
announces the item's own text). The item line must end a sentence (or a bracket) where the writer
set the text in long lines (200 characters or more: every line break is the writer's). On a text
the teletype wrapped (its line length: the 90th percentile of the paragraphs' lines), the line's
first word must also have fitted on the item's line, and the item line must end a sentence or stop
well short of the line length with few words in lower case (a title, a tally's row: ``-- Dispute
Settlement``, ``- DCM 1 hrs``), for a writer breaks a line of prose early (``- Finally, a brief on
what we expect FY09`` / ``Merida programs to be.``, 10SANJOSE182). What follows is an unnumbered
paragraph of its own, as the cable sets it. Not where the line length cannot be told, nor in a
cable written in capitals; but in any cable a span's end label alone on its line after an item that
ends a sentence (``-- dismissed the notion … tangible results.`` / ``End Summary.``, 09NEWDELHI412)
closes the list, not the item.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import TypeGuard

from ..parsed import Block, ItemList, Line, ListItem, Paragraph
from . import entries  # noqa: F401  (its pass, and the title passes it follows, registered first)
from .blocks import PASSES, para_start
from .entries import GOES_ON, PROSE_SHARE, UNWRAPPED, lower_share
from .ruler import Run, note
from .runs import END_LABEL, ITEM_START, mixed_case

#: on a wrapped text, an item line that ends no sentence stops at most this share of the line length
_SHORT = 0.6
_MIN_WORDS = 3
#: an item line's end that goes on into the next line: a comma, a function word, a hyphen, an open bracket
_RUNS_ON = re.compile(r"[-(/&]$")
#: a sentence's end (before a closing quotation mark or bracket); a colon last announces the item's
#: own text on the next line (``C) FY2010 MERIDA INITIATIVE REQUEST ($2.8 million total):`` /
#: ``Refit inoperable SNGC 105-foot patrol boat …``, 08SANJOSE596), and ends none
_SENTENCE_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*$")
#: two spaces after a sentence's end, before the next (the typist's way)
_SPACED = re.compile(r"[.!?]  [A-Z(]")
#: a span's end label alone on its line (``End Summary.``, ``END COMMENT``): it ends the list in any case
_END_ALONE = re.compile(rf"^\s*\(?{END_LABEL}\s*$")


def _line_length(blocks: list[Block]) -> float:
    """The teletype's line length: the 90th percentile of the lengths of the paragraphs' text lines
    of 20 characters or more (none a writer's long line) where there are ten or more; else no bound
    where the writer set a paragraph on one long line (the text was not wrapped); else 0 (it cannot
    be told)."""
    lines = [x.strip() for b in blocks if isinstance(b, Paragraph) for x in b.lines if isinstance(x, str)]
    lengths = sorted(len(x) for x in lines if 20 <= len(x) < UNWRAPPED)
    if len(lengths) >= 10:
        return float(lengths[len(lengths) * 9 // 10])
    return float("inf") if any(len(x) >= UNWRAPPED for x in lines) else 0.0


def _begins_anew(before: Line, line: Line, width: Callable[[], float], prose: bool, spaced: bool = False) -> bool:
    """Whether ``line`` begins the paragraph's text again after an item that ends with ``before``
    (``prose``: in a cable written in mixed case; in capitals only a span's end label does;
    ``spaced``: the item sets two spaces after a sentence, which the word would have needed too)."""
    if not isinstance(before, str) or not isinstance(line, str):
        return False
    if _END_ALONE.match(line) and _SENTENCE_END.search(before.strip()):
        return True  # (``-- dismissed the notion … any tangible results.`` / ``End Summary.``, 09NEWDELHI412)
    if line != line.lstrip() or not prose:
        return False
    words = line.split()
    if len(words) < _MIN_WORDS or not words[0].lstrip("(")[:1].isupper() or not any(w[:1].islower() for w in words):
        return False  # (a line with no word in lower case is a name, an entry, a row: no prose)
    if ITEM_START.match(line) or para_start(line):
        return False
    end = before.strip()
    if not end or GOES_ON.search(end) or _RUNS_ON.search(end) or end.endswith(":"):
        return False
    ended = bool(_SENTENCE_END.search(end)) or end.endswith(")")
    if len(end) >= UNWRAPPED:
        return ended  # a writer's long line: a break after its sentence is the writer's
    length = width()
    if length == float("inf"):
        return ended  # a text the writer did not wrap: every line break is the writer's
    if not length or len(end) + (2 if ended and spaced else 1) + len(words[0]) > length:
        return False  # the word would not have fitted: the teletype wrapped the item (or no telling)
    return ended or (len(end) <= _SHORT * length and lower_share(end) <= PROSE_SHARE)


def _split(
    items: tuple[ListItem, ...], width: Callable[[], float], prose: bool
) -> tuple[tuple[ListItem, ...], Paragraph] | None:
    """The items with the last one ended where the text begins anew, and that text; None if it does not."""
    last = items[-1]
    # (``D. (S) Kamal Darvishi.  This individual …`` / ``… during the Iran-Iraq war.`` / ``Kamil  rose …``,
    # 09BAKU175: the wrap left the room of one space, not of the two a sentence's end took)
    spaced = any(_SPACED.search(x) for x in last.lines if isinstance(x, str))
    for index in range(1, len(last.lines)):
        if _begins_anew(last.lines[index - 1], last.lines[index], width, prose, spaced):
            kept = dataclasses.replace(last, lines=last.lines[:index], tokens=())
            return (*items[:-1], kept), Paragraph(tuple(last.lines[index:]))
    return None


def _may_go_on(block: Block) -> TypeGuard[Paragraph | ItemList]:
    """A paragraph or a list whose last item has more than one line (a tail may be among them)."""
    return isinstance(block, (Paragraph, ItemList)) and bool(block.items) and len(block.items[-1].lines) > 1


@PASSES.rule(
    "list-tail",
    after="mixed-title-after-text",
    note=note(
        "normalization",
        "A line that begins anew after a list's last item (a capital where the item's line had room for the "
        "word; a span's end label alone, End Summary.) is the text the paragraph goes on with after its list, "
        "set as a paragraph of its own, not the item's words.",
    ),
)
def list_tail(blocks: list[Block], run: Run) -> list[Block]:
    """``- Mid-May (tentatively Iran, Russia, Spain)`` / ``Each responded favorably …``
    (10BRASILIA61), ``- DCM 1 hrs`` / ``Total: 63 hrs`` (09REYKJAVIK50): the line after a list's
    last item that begins anew is an unnumbered paragraph after the list; see the module's note."""
    if not any(map(_may_go_on, blocks)):
        return blocks
    width, prose = functools.cache(lambda: _line_length(blocks)), mixed_case(blocks)
    out: list[Block] = []
    for block in blocks:
        found = _split(block.items, width, prose) if _may_go_on(block) else None
        if found is None:
            out.append(block)
            continue
        items, tail = found
        out += [
            dataclasses.replace(block, items=items, tokens=()) if isinstance(block, Paragraph) else ItemList(items),
            tail,
        ]
    return out if len(out) != len(blocks) else blocks
