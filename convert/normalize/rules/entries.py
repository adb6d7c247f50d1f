"""Stage "blocks", chain ``blocks.passes``: entries written one to a line without labels (a list
of participants, a delegation, an address, a tally), which joining a paragraph's lines ran
together.

A cable lists the people at a meeting one to a line under a label (``U.S. Participants:`` /
``Under Secretary for Political Affairs Nicholas Burns`` / ``Ambassador E. Anthony Wayne`` / …,
07BUENOSAIRES403) or under a heading (``Iran:`` / ``----`` / ``Ali Larijani, Secretary, Supreme
Council for National Security`` / ``Javad Va'idi, Director for International Security, SCNS`` /
…, 06BERN1280). No line carries an item label, so the paragraph's lines were joined with spaces
and the reader saw one run of names: ``… Nicholas Burns Assistant Secretary for Western
Hemisphere Affairs Thomas Shannon Ambassador E. Anthony Wayne …``.

``entry-lines`` reads such lines as the items of a list (an item without a label, each on a line of its own in
every edition): a run of three lines or more, each an entry, after the paragraph's line that ends in a colon
(the rest of the paragraph), or making up an unnumbered paragraph of its own after a heading, after a line
that ends in a colon, or after a side's name alone on its line (``U.S.`` / ``Under Secretary Burns`` / …), or
whose every line its writer ended (the next line's first word would have fitted after it: an address, a
contact's block, a letter's close, ``His Excellency Mark Langdale`` / ``Ambassador of the United States`` /
``San Jose``, 05SANJOSE2808). An entry is a line of at most 80 characters that begins with a capital or a
digit, holds a lower-case letter, and ends without a sentence's punctuation (no ``.``, ``!``, ``?``, ``;``,
also before a closing bracket or quote; a company's abbreviation, ``Gravitas Ltda.``, may end it). An entry
the teletype wrapped goes on in the next line: a line in lower case (``… and a member`` / ``of the family that
owns the paper.``), after a comma, a word a phrase goes on after (``of``, ``for``, ``and`` …) or an open
parenthesis, and a short line (no comma or colon) whose first word would not have fitted on the line before
(the text's line length: the 90th percentile of its paragraphs' wrapped lines), unless another line of the
list begins with that word or ends with the line before's last (``Article XXIII …`` / ``Article XXIV …``). A
sub-label (``Argentine Participants:``) is an item too. Not in a cable written in capitals (every line begins
with one), not in the text's last paragraph (where the signature is looked for), not where the last entry is
one word in capitals (a name alone: a signature; not ``Interpreter``, 09STATE11937), not when a line carries an
item label or a paragraph number, and not for lines that read as prose (on average more than half their words
in lower case).
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import re
from collections.abc import Callable

from ..banner import CLASSIFICATION_LINE
from ..parsed import Block, Heading, ItemList, Line, ListItem, Paragraph, TableLine
from .blocks import PASSES, para_start
from .fields import HANDLING
from .ruler import Run, note
from .runs import ITEM_START, mixed_case

_MAX_CHARS = 80
#: a line a writer set as a whole paragraph (no teletype wrap): this long at least (the rejoins and list-tail measure
#: so too); the line length of a copy so set
UNWRAPPED, _NO_BOUND = 200, 1 << 20
#: the shortest line a teletype's wrap gives (a shorter measure is of lists' lines, not prose's; a line the wrap broke)
SHORTEST_WRAP = 50
_MIN_ENTRIES = 3
#: lines whose words begin in lower case more often than this, on average, are prose
PROSE_SHARE = 0.5
#: a line a phrase goes on after: a comma, a dash before the rest (``… Out of the Question -`` / ``Milliyet``), or a
#: function word at its end
GOES_ON = re.compile(
    r"(?:,|[A-Za-z]\s-|\b(?:a|an|the|of|to|in|on|for|and|or|with|by|at|from|de|del|la|le|van|von))$", re.I
)


def lower_share(line: str) -> float:
    """The share of a line's words that begin in lower case (prose: most; names, titles: few)."""
    words = [w for w in line.split() if w[:1].isalpha()]
    return sum(w[:1].islower() for w in words) / len(words) if words else 0.0


def _last_word(line: str) -> str:
    """A line's last word's last run of letters or digits (``D/POB:04-18-1957,Taiwan``: Taiwan)."""
    pieces = [p for p in re.split(r"[\W_]+", line) if p]
    return pieces[-1] if pieces else ""


def _tally(line: str) -> bool:
    """A tally's line: it ends in its figure (``Total Cases referred to fraud - 298``, 09MEXICO944; ``15%``)."""
    return line.rstrip().rstrip("%")[-1:].isdigit()


def _wrapped_on(before: str, line: str, width: Callable[[], int], lines: list[str]) -> bool:
    """Whether ``line`` is the rest of the entry ``before`` wrapped: a parenthesis left open, or
    a short line (no comma or colon, no digit first) whose first word would not have fitted on
    ``before``'s line (``width()``: the text's line length), where no other line of the list begins
    with that word or ends with ``before``'s last (``Article XXIII …`` / ``Article XXIV …``: two
    entries of one kind)."""
    if before.count("(") > before.count(")"):
        return True
    rest = line.strip()
    if len(rest) > 40 or "," in rest or ":" in rest or rest[:1].isdigit() or "   " in before.strip():
        return False
    first, last = rest.split()[0], _last_word(before)
    if sum(x.split()[0] == first for x in lines) > 1 or sum(_last_word(x) == last for x in lines) > 1:
        return False
    line_length = width()
    return bool(line_length) and not _fits(before, first, line_length)


def _fits(before: str, word: str, line_length: int) -> bool:
    """Whether ``word`` would have fitted on ``before``'s line after a space (the teletype wraps only a word
    that would not: a line that ends before such a word was ended by its writer)."""
    return len(before.strip()) + 1 + len(word) <= line_length


#: a company's or a name's abbreviation that may end an entry with its full stop (``Gravitas Ltda.``)
_ABBREVIATION_END = re.compile(r"\b(?:Ltda?|Inc|Co|Corp|Jr|Sr|LLC|S\.A|S\.L|N\.V|Esq|Bros)\.$")


def _entry(text: str) -> bool:
    """A line that may be an entry: short, begins with a capital or a digit, holds a lower-case
    letter (or is a sub-label: ends in a colon), ends without a sentence's punctuation (a
    company's abbreviation may end it: ``Ltda.``), and carries no item label or number."""
    line = text.strip()
    return (
        0 < len(line) <= _MAX_CHARS
        and (line[0].isupper() or line[0].isdigit())
        and (any(map(str.islower, line)) or line.endswith(":"))
        and (line.rstrip("\"')]\u201d\u2019")[-1:] not in ".!?;" or bool(_ABBREVIATION_END.search(line)))
        and not ITEM_START.match(line)
        and not para_start(line)
    )


#: a sentence's end inside a line, then the next sentence
SENTENCE_INSIDE = re.compile(r"[a-z)]\.\s+[A-Z]")


def _goes_on(line: str) -> bool:
    """A line that begins in lower case: the rest of the entry before it (``Enrique Santos,
    Director of El Tiempo newspaper and a member`` / ``of the family that owns the paper.``)."""
    return line.lstrip()[:1].islower()


def _items(lines: list[str], width: Callable[[], int]) -> list[ListItem] | None:
    """The entries of ``lines`` as items (a line that goes on, or is the rest of a wrapped entry,
    joins the item before it); None when a line is no entry, the lines read as prose (most of
    their words in lower case), fewer than three entries are found, or the last is one word in capitals."""
    if not all(_entry(x) or (index and _goes_on(x)) for index, x in enumerate(lines)):
        return None
    lowered = sum(not _entry(x) for x in lines)
    if lowered and (lowered * 5 > len(lines) or any(map(SENTENCE_INSIDE.search, lines))):
        return None  # lower case among sentences, or often: prose (``(AECA).  The Brokering …`` / ``administered``)
    if sum(map(lower_share, lines)) / len(lines) > PROSE_SHARE and not all(map(_tally, lines)):
        return None  # (prose; not a tally's lines, each ending in its figure: ``Cases no fraud found - 167``)
    items: list[list[Line]] = []
    for index, line in enumerate(lines):
        before = lines[index - 1].rstrip() if index else ""
        if index and (GOES_ON.search(before) or _goes_on(line) or _wrapped_on(before, line, width, lines)):
            items[-1].append(line)
        else:
            items.append([line])
    if len(items) < _MIN_ENTRIES or (len(str(items[-1][-1]).split()) < 2 and str(items[-1][-1]).isupper()):
        return None  # (a name alone in capitals last: a signature; ``Interpreter`` last is an entry, 09STATE11937)
    return [ListItem("", tuple(item)) for item in items]


def _width(blocks: list[Block]) -> int:
    """The text's line length: the 90th percentile of the lengths of the paragraphs' wrapped
    lines (each but a paragraph's last; 0 when there are fewer than ten). Where that is no teletype's
    line (fewer than ten, or shorter than any teletype wraps) and a paragraph is one long line, the copy
    was not wrapped: no bound (every shorter line its writer ended: 10ISLAMABAD428's participants)."""
    lengths = sorted(
        len(x.strip()) for b in blocks if isinstance(b, Paragraph)
        for x in [y for y in b.lines if isinstance(y, str)][:-1] if len(x.strip()) >= 20
    )
    found = lengths[len(lengths) * 9 // 10] if len(lengths) >= 10 else 0
    if found >= SHORTEST_WRAP:
        return found
    lines = (x for b in blocks if isinstance(b, Paragraph) for x in b.lines if isinstance(x, str))
    return _NO_BOUND if any(len(x) >= UNWRAPPED for x in lines) else found


def _labelled(block: Paragraph, width: Callable[[], int]) -> tuple[tuple[Line, ...], list[ListItem]] | None:
    """The paragraph's text up to its line that ends in a colon, and the entries after it."""
    lines = block.lines
    for index, line in enumerate(lines):
        if isinstance(line, str) and line.rstrip().endswith(":") and index + 1 < len(lines):
            rest = lines[index + 1 :]
            if not all(isinstance(x, str) for x in rest):
                return None
            items = _items([str(x) for x in rest], width)
            return (lines[: index + 1], items) if items else None
    return None


#: a side's name alone on a line over its people (``U.S.``, ``COLOMBIA``, ``United States``): up to
#: three capitalised words, a stop only inside an abbreviation
_SIDE = re.compile(r"(?:[A-Z][\w'&-]*(?:\.[A-Za-z]+)*\.?)(?: [A-Z][\w'&-]*){0,2}")


def _side_label(block: Paragraph) -> bool:
    """An unnumbered paragraph of one line that names a side (``U.S.`` / ``Under Secretary Burns`` /
    …, 06BOGOTA10294): a stop only after an abbreviation's letter (``U.S.``), not a sentence's."""
    if block.n is not None or block.marking is not None or len(block.lines) != 1:
        return False
    return _side(str(block.lines[0]))


def _side(line: str) -> bool:
    """A line that names a side (``U.S.``, ``COLOMBIA``, ``United States``), by :func:`_side_label`'s measure."""
    text = line.strip()
    return (
        len(text) <= 20
        and bool(_SIDE.fullmatch(text))
        and not HANDLING.match(text)  # (a handling line or a classification is no side's name)
        and not CLASSIFICATION_LINE.match(text)
        and (not text.endswith(".") or bool(re.search(r"\.[A-Za-z]\.$", text)))
    )


def _set(lines: list[str], width: Callable[[], int]) -> bool:
    """Whether every line of a paragraph was ended by its writer, not by the teletype's wrap: the next line's
    first word would have fitted after it (``His Excellency Mark Langdale`` / ``Ambassador of the United States``
    / ``San Jose``, 05SANJOSE2808; an address, a contact's block, a letter's close)."""
    if len(lines) < _MIN_ENTRIES or sum(not _entry(x) for x in lines) * 5 > len(lines) or not width():
        return False  # (prose's wrapped lines begin in lower case: few entries, as _items counts them; asked first)
    line_length = width()
    pairs = itertools.pairwise(lines)
    return all(_fits(before, line.split()[0], line_length) for before, line in pairs if line.strip())


def _after_label(blocks: list[Block], index: int) -> bool:
    """Whether the block before ``index`` is a heading, a paragraph whose text ends in a colon, or
    a side's name alone (``U.S.``)."""
    before = blocks[index - 1] if index else None
    if isinstance(before, Heading):
        return True
    if not isinstance(before, Paragraph) or not before.lines or before.items:
        return False
    last = before.lines[-1]
    return isinstance(last, str) and (last.rstrip().endswith(":") or _side_label(before))


@PASSES.rule(
    "entry-lines",
    after="title-after-text",
    note=note(
        "normalization",
        "Entries written one to a line without labels (participants, a delegation, an address) after a line "
        "that ends in a colon, under a heading, or in lines their writer ended are the items of a list, one to a "
        "line, not one run of text.",
    ),
)
def entry_lines(blocks: list[Block], run: Run) -> list[Block]:
    """``2. (U) U.S. Participants:`` / ``Under Secretary for Political Affairs Nicholas Burns`` /
    ``Assistant Secretary …`` / ``Ambassador E. Anthony Wayne`` (07BUENOSAIRES403), ``Iran:`` /
    ``----`` / ``Ali Larijani, Secretary, …`` / ``Javad Va'idi, Director …`` (06BERN1280): three
    entries or more, one to a line, after the paragraph's line that ends in a colon or as an
    unnumbered paragraph under a heading or a side's name alone (``U.S.`` / ``Under Secretary
    Burns`` / …, 06BOGOTA10294) or whose lines its writer ended (an address: 05SANJOSE2808), are list
    items (each on a line of its own), not a run of text; see the module's note for what an entry is."""
    if not mixed_case(blocks):
        return blocks
    last = max((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), default=-1)
    width = functools.cache(lambda: _width(blocks))  # (asked only of a run of entries that may be wrapped)
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.items or index == last or not block.lines:
            continue
        if any(isinstance(x, TableLine) for x in block.lines):
            continue  # a table's lines (text-table) stay as they stand
        found = _labelled(block, width)
        if found is not None:
            out[index] = dataclasses.replace(block, lines=found[0], items=tuple(found[1]), tokens=())
            continue
        bare = block.n is None and block.marking is None and all(isinstance(x, str) for x in block.lines)
        texts = [str(x) for x in block.lines]
        items = _items(texts, width) if bare and (_after_label(blocks, index) or _set(texts, width)) else None
        if items:
            out[index] = ItemList(tuple(items))
        elif bare and len(texts) > _MIN_ENTRIES and _side(texts[0]) and not _entry(texts[0]):
            # (a side's name in capitals over its people, in one run: ``U.S.`` / ``The Secretary`` / …, 09PARTO40301)
            items = _items(texts[1:], width)
            if items:
                out[index] = dataclasses.replace(block, lines=block.lines[:1], items=tuple(items), tokens=())
    return out if out != blocks else blocks
