"""Stage "blocks", chain ``blocks.passes``: a table written in plain text, its columns aligned
with runs of spaces (``Meknes      Ahmed Hilal          PAM           RNI, UC``), which joining
a paragraph's lines ran into one line of words.

A cable sets figures and names out in columns: a run of lines in which runs of spaces (the
gaps) stand between the cells, the cells of a column starting (or, for figures, ending) at the
same place on each line, often under a head line and a column rule (``----        -----``).
``text-table`` finds such a run among a paragraph's lines and keeps its lines as they stand
(:class:`~convert.normalize.parsed.TableLine`: the inline stage does not join them; the TEI
holds them verbatim in ``seg type="table"``, one ``lb`` between two lines, and every edition
prints them in a monospaced face, so the alignment, which is the table, is kept). The lines
before the table (``Mayors and Their Coalitions follow:``) and after it stay the paragraph's
text, and the table stays in its paragraph (the same number, marking and anchor).

A gap is three spaces or more between two characters, or two between two short cells (24
characters at most) after a character that ends no sentence; never a sentence's end (a full
stop, then a capitalised word: ``8.)   Killing municipal police``), nor two spaces after a full
stop, a colon or a semicolon. A row is a line with a gap after its item label (``(A)  POST IS NOT
AWARE``: a hanging indent, not a column), a rule a line of dashes, equals signs or underscores
(one run or several, with spaces between). A table is a run of three rows or more (rules may
stand between them, and up to two lines of at most 48 characters without a gap that end no
sentence: a row's first cell wrapped, ``Revenues (USD`` / ``mln)``, a note under a row,
``Leader: Vicente Castano``) where one column edge (a cell's start or end, after the first cell)
is shared by at least half the rows and by three rows or more, and the rows are no prose: at
most a third of them hold a sentence's end followed by more words. Beside it, a line with two
spaces between two of its cells that ends no sentence is a row too (``Total Tourists
1,088,07 1,131,406 …``); a short line without a gap right above the column rule that opens the
run is its head line (``City Mayor Party Coalition``, the spaces lost in a copy), so is one
indented eight spaces or more above its first row (``               Amount``); a line indented
under a column's edge right after a row is that row's wrapped cell (``and PPS``). The lines of
a paragraph and those of each list item are looked at, in each stretch between two page breaks.
An unnumbered paragraph of one or two rows right under or over a table, a blank line between,
whose rows share two column edges each with the table's rows next to it (``TOTAL         460.4
659.4 …``), is kept so too (in its own paragraph: a blank line stood there).
Not a table: a run of items whose only gap follows the label, text with two spaces after its
full stops, prose whose copy left two spaces between some words (long cells), bullets, indented
quotations (no gap inside the line), a heading over its underline (no gap), a run whose rows
share no column.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from itertools import chain, islice

from ..parsed import Block, ItemList, Line, ListItem, Paragraph, TableLine
from .blocks import ITEMS, PASSES
from .ruler import Run, note
from .runs import Starts

_MIN_ROWS = 3
#: a run of spaces between two characters: a gap between two cells unless it is a sentence's
#: (:func:`_gap`)
_SPACES = re.compile(r"(?<=\S) {2,}(?=\S)")
#: where a gap may stand (what :func:`_gap` asks of one, at least): three spaces or more between
#: two characters, or two after a character that ends no sentence or clause; the spaces first,
#: so that ``re`` skips from one pair of spaces to the next
_MAY_GAP = re.compile(r"  (?:(?<=[^\s.!?:;]  )(?=\S)|(?<=\S  ) +(?=\S))")
#: a sentence's end before a gap, and a sentence's start after it (``8.)   Killing municipal …``)
_STOP = re.compile(r"[.!?][\"')\]]?$")
_SENTENCE_START = re.compile(r"[A-Z][a-z]")
#: a cell beside a gap of two spaces is short (``SDA  29.8  20 +2``): a longer one is prose with
#: two spaces between its words (``Supreme Court  and President Uribe on naming …``)
_SHORT_CELL = 24
#: a column rule, or a rule under or over the table: dashes, equals signs or underscores
_RULE = re.compile(r"\s*[-=_]{2,}(?:\s+[-=_]{2,})*\s*")
#: an item label at a line's start, and the spaces after it (a hanging indent, not a column)
_LABEL = re.compile(r"\s*(?:\(?[A-Za-z0-9]{1,3}[.)]|-{1,2}|[*•o])(?= )\s*")
#: a sentence's end and more words after it: prose, not a row
_SENTENCE = re.compile(r"[a-z]{2}[.!?]\s+[A-Z][a-z]")
#: a head line: short, ends no sentence
_HEAD_MAX = 72
#: the longest line without a gap that may stand between two rows of a table
_BRIDGE = 48
#: the indentation of a head line set over the columns, with no rule under it
_HEAD_INDENT = 8


def _edges(line: str) -> set[int] | None:
    """The column edges of a row (the start and end of each cell after the first), or None
    when the line holds no gap after its item label."""
    label = _LABEL.match(line)
    start = label.end() if label else 0
    gaps = [g for g in _SPACES.finditer(line, start) if _gap(line, g, start)]
    if not gaps:
        return None
    edges: set[int] = set()
    for gap in gaps:
        edges.add(gap.end())  # the next cell's start
        edges.add(-gap.start())  # the cell before's end (negative: apart from the starts)
    edges.add(-len(line.rstrip()))
    return edges


def _gap(line: str, spaces: re.Match[str], start: int) -> bool:
    """Whether a run of spaces is a gap between two cells: three spaces or more, or two after a
    character that ends no sentence with a short cell on either side; never a sentence's end
    (a full stop, then a capitalised word)."""
    before = line[start : spaces.start()]
    if _STOP.search(before) and _SENTENCE_START.match(line, spaces.end()):
        return False
    if len(spaces.group()) > 2:
        return True
    if before[-1:] in ".!?:;":
        return False
    after = line[spaces.end() :].split("  ", 1)[0].strip()
    return len(before.rsplit("  ", 1)[-1].strip()) <= _SHORT_CELL and len(after) <= _SHORT_CELL


def _aligned(rows: list[set[int]]) -> bool:
    """Whether one column edge is shared by half the rows, and by three or more."""
    counts: dict[int, int] = {}
    for edges in rows:
        for edge in edges:
            counts[edge] = counts.get(edge, 0) + 1
    best = max(counts.values(), default=0)
    return best >= _MIN_ROWS and best * 2 >= len(rows)


def _table(lines: list[str], start: int, end: int) -> tuple[int, int] | None:
    """The run ``lines[start:end]`` of rows and rules as a table (with its head line and its
    rows' wrapped cells): where it starts and ends, or None."""
    rows = [e for e in (_edges(x) for x in lines[start:end] if not _RULE.fullmatch(x)) if e is not None]
    if len(rows) < _MIN_ROWS or not _aligned(rows):
        return None
    if sum(bool(_SENTENCE.search(x)) for x in lines[start:end]) * 3 > len(rows):
        return None
    while start and _loose_row(lines[start - 1]):
        start -= 1  # a row whose cells a copy set two spaces apart, beside the table
    while end < len(lines) and _loose_row(lines[end]):
        end += 1
    if start and _RULE.fullmatch(lines[start]) and _head(lines[start - 1]):
        start -= 1
    if start and _head(lines[start - 1]) and _indent(lines[start - 1]) >= _HEAD_INDENT:
        start -= 1  # a head line set over the columns (``               Amount``)
    columns = {abs(e) for edges in rows for e in edges}
    while end < len(lines) and _wrapped_cell(lines[end], columns):
        end += 1
    return start, end


def _loose_row(line: str) -> bool:
    """A line beside a table with two spaces or more between two of its cells, ending no
    sentence (``Total Tourists  1,088,07 1,131,406 …``): a row of the table."""
    return (
        any(line[spaces.start() - 1] not in ".!?:;" for spaces in _SPACES.finditer(line))
        and line.rstrip()[-1:] not in ".!?:;"
        and not _SENTENCE.search(line)
    )


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _head(line: str) -> bool:
    text = line.strip()
    return 0 < len(text) <= _HEAD_MAX and text[-1] not in ".!?:;," and not _SENTENCE.search(text)


def _wrapped_cell(line: str, columns: set[int]) -> bool:
    """A line indented under a column's edge (its text starts or ends there): a row's cell
    wrapped onto the next line."""
    text = line.strip()
    indent = _indent(line)
    return bool(text) and indent >= 8 and (indent in columns or len(line.rstrip()) in columns)


def _row(line: str) -> bool:
    return _RULE.fullmatch(line) is not None or _edges(line) is not None


def _bridged(lines: list[str], index: int) -> bool:
    """A short line without a gap between two rows (``Revenues (USD`` / ``mln)``: a row's
    first cell wrapped; ``Leader: Vicente Castano`` under a row), up to two of them: a row
    follows. A first cell wrapped in a list of its own may end in a semicolon or a comma where
    the row under it goes on indented (``63-TEX. ART NESOI; NDLECRFT SETS;`` / ``   WRN TXT ART
    0.8  0.7  -13%``)."""
    def short(line: str, listed: bool = False) -> bool:
        text = line.strip()
        ends = ".!?:" if listed else ".!?:;"
        return 0 < len(text) <= _BRIDGE and text[-1] not in ends and not _SENTENCE.search(text)

    ahead = lines[index : index + 3]
    listed = len(ahead) > 1 and _indent(ahead[1]) > 0 and _row(ahead[1])
    return short(ahead[0], listed) and any(_row(x) for x in ahead[1:]) and all(
        short(x) for x in ahead[1 : next(i for i, x in enumerate(ahead[1:], 1) if _row(x))]
    )


def find_tables(lines: list[str]) -> list[tuple[int, int]]:
    """The tables among ``lines`` (a paragraph's text lines): (start, end) of each."""
    found: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if _RULE.fullmatch(lines[index]) is None and _edges(lines[index]) is None:
            index += 1
            continue
        end = index
        while end < len(lines) and (_row(lines[end]) or _bridged(lines, end)):
            end += 1
        table = _table(lines, index, end)
        if table is not None and (not found or table[0] >= found[-1][1]):
            found.append(table)
            end = table[1]
        index = max(end, index + 1)
    return found


def _may_hold_table(lines: Iterable[Line]) -> bool:
    """Whether ``lines`` may hold a table: a gap may stand in as many lines as a table has rows
    (a gap stands in no line break: the gaps of their joined text are counted)."""
    text = "\n".join(map(str, lines))
    return next(islice(_MAY_GAP.finditer(text), _MIN_ROWS - 1, None), None) is not None


def _table_lines(lines: tuple[Line, ...]) -> tuple[Line, ...] | None:
    """``lines`` with the lines of their tables kept as they stand, or None when none is found;
    page furniture ends a stretch of text lines a table is looked for in."""
    if not _may_hold_table(lines):
        return None
    new = list(lines)
    stretch: list[int] = []  # the indexes of a stretch of text lines
    for index in [*range(len(lines)), len(lines)]:
        if index < len(lines) and isinstance(lines[index], str):
            stretch.append(index)
            continue
        texts = [str(lines[i]) for i in stretch]
        # (a row holds two spaces between cells: fewer such lines than a table's rows, no table)
        rows = sum(1 for t in texts if "  " in t.strip()) if len(texts) >= _MIN_ROWS else 0
        for start, end in find_tables(texts) if rows >= _MIN_ROWS else ():
            for at in range(start, end):
                new[stretch[at]] = TableLine(texts[at])
        stretch = []
    return None if all(a is b for a, b in zip(new, lines, strict=True)) else tuple(new)


def _with_tables(block: Block) -> Block | None:
    """The paragraph or list with the lines of its tables (in its text or in an item) kept
    as they stand, or None."""
    if not isinstance(block, Paragraph | ItemList):
        return None
    found = False
    items = []
    for item in block.items:
        lines = _table_lines(item.lines)
        found = found or lines is not None
        items.append(dataclasses.replace(item, lines=lines, tokens=()) if lines is not None else item)
    if isinstance(block, ItemList):
        return ItemList(tuple(items)) if found else None
    lines = _table_lines(block.lines)
    if lines is None and not found:
        return None
    return dataclasses.replace(block, lines=lines or block.lines, items=tuple(items), tokens=())


#: a line that begins with a bullet (``- Polofficer (FS 03)   20 hrs``)
_BULLET = re.compile(r"\s*(?:-{1,2}|[*\u2022])\s")


@ITEMS.rule("table-rows", before="hyphen-bullets")
def table_rows(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """``Hours spent on preparation:`` / ``- Polofficer (FS 03)   20 hrs`` / ``- Econofficer (FS
    03)   9 hrs`` / … / ``Total:                 92 hrs`` (07REYKJAVIK90): rows that begin with a
    bullet but hold a table's columns (``find_tables``, two bulleted rows in it at least) are no
    list: the lines stay the paragraph's (no items), for ``text-table`` to keep them as a table."""
    if len(starts) - starts.count(None) < 2:
        return None  # (a bulleted line starts with an item label: fewer than two, no table of them)
    texts = [x for x in lines if isinstance(x, str)]
    if len(texts) != len(lines) or sum(1 for x in texts if _BULLET.match(x)) < 2:
        return None
    for start, end in find_tables(texts):
        if sum(1 for x in texts[start:end] if _BULLET.match(x)) >= 2:
            return lines, []
    return None


@PASSES.rule(
    "text-table",
    after="title-after-text",
    note=note(
        "normalization",
        "Tables written with their columns aligned by spaces keep their lines as they stand (seg type=\"table\", "
        "one lb between two lines): the alignment is the table; they are not joined into one run of words.",
    ),
)
def text_table(blocks: list[Block], run: Run) -> list[Block]:
    """``9.  (U) Mayors and Their Coalitions follow:`` / ``City Mayor Party Coalition`` /
    ``----        -----                -----       ---------`` / ``Meknes      Ahmed Hilal
    PAM           RNI, UC`` / … (09RABAT607): three rows or more whose cells, set apart by runs of
    spaces, share a column's edge, with a column rule and a head line if any, are a table: its
    lines kept as they stand, in the paragraph (see the module's note for what a row is); a table
    that stands after a blank line under the paragraph whose last line introduces it (ends in a
    colon) goes back into that paragraph; a row or two a blank line sets apart from the table (a
    total under it, a head over it) that share two of its column edges are kept so too, in their
    own paragraph."""
    texts: list[tuple[Line, ...]] = []  # (a table in none of them: none anywhere)
    for block in blocks:
        if isinstance(block, Paragraph):
            texts.append(block.lines)
        elif not isinstance(block, ItemList):
            continue
        texts.extend(item.lines for item in block.items)
    if not _may_hold_table(chain.from_iterable(texts)):
        return blocks
    out: list[Block] = []
    changed = False  # (a table's lines compare equal to the plain lines: a flag, not ``out != blocks``)
    for block in blocks:
        table = _with_tables(block)
        if table is None:
            out.append(block)
            continue
        changed = True
        before = out[-1] if out else None
        if isinstance(before, Paragraph) and isinstance(table, Paragraph) and _introduces(before, table):
            # the table after the paragraph that introduces it (``… by sector:`` / blank / the
            # table): part of that paragraph, its number's citation unit
            out[-1] = dataclasses.replace(before, lines=before.lines + table.lines, tokens=())
        else:
            out.append(table)
    if changed:
        _set_apart_rows(out)
    return out if changed else blocks


def _table_edges(block: Block, last: bool) -> set[int]:
    """The column edges of the rows at the end (``last``) or at the start of ``block``'s text,
    when they are a table's lines (none otherwise)."""
    if not isinstance(block, Paragraph) or not block.lines:
        return set()
    lines = list(reversed(block.lines)) if last else list(block.lines)
    edges: set[int] = set()
    for line in lines:
        if not isinstance(line, TableLine):
            break
        edges |= _edges(line) or set()
    return edges


def _rows_apart(block: Block, edges: set[int], under: bool) -> Paragraph | None:
    """An unnumbered paragraph of one or two rows (or rules) that share two column edges each
    with the table beside it, across a blank line (``TOTAL         460.4  659.4 …`` under the
    table, ``MAY  JUN  JUL`` over it; ``Dec 13    Duck/Cover (drill)`` / ``Dec 23    Fire
    (drill)`` under the month before, the list after it attached as its items): its lines as a
    table's, or None. Under the table, a line of text may follow the rows (``TOTAL  794  861 …`` /
    ``(Source: Banco Central de Costa Rica (BCCR))``): it stays text."""
    if not isinstance(block, Paragraph) or block.n is not None or block.marking:
        return None  # (its items, a list the paragraph's lines introduce, stay as they are)
    lines = block.lines
    if not 1 <= len(lines) <= 3 or not all(isinstance(x, str) and not isinstance(x, TableLine) for x in lines):
        return None
    shared = [_shares(str(x), edges) for x in lines]
    count = len(lines)
    if under and len(lines) >= 2 and _edges(str(lines[-1])) is None and not _RULE.fullmatch(str(lines[-1])):
        count -= 1  # the text under the rows (a source, a note: no gap in it)
    if count > 2 or not all(shared[:count]) or all(_RULE.fullmatch(str(x)) for x in lines[:count]):
        return None
    kept = tuple(TableLine(str(x)) for x in lines[:count]) + tuple(lines[count:])
    return dataclasses.replace(block, lines=kept, tokens=())


def _shares(line: str, edges: set[int]) -> bool:
    """Whether ``line`` is a rule, or a row sharing two column edges with ``edges``."""
    row = _edges(line)
    return (row is not None and len(row & edges) >= 2) or _RULE.fullmatch(line) is not None


def _set_apart_rows(blocks: list[Block]) -> None:
    """Rows a blank line sets apart from the table they belong to (a total under it, a head
    over it) kept as a table's lines too, each in its own paragraph, in place."""
    for index in range(1, len(blocks)):
        found = _rows_apart(blocks[index], _table_edges(blocks[index - 1], last=True), under=True)
        if found is not None:
            blocks[index] = found
    for index in range(len(blocks) - 2, -1, -1):
        found = _rows_apart(blocks[index], _table_edges(blocks[index + 1], last=False), under=False)
        if found is not None:
            blocks[index] = found


def _introduces(before: Paragraph, table: Paragraph) -> bool:
    """Whether ``before`` introduces the table that ``table`` (an unnumbered, unmarked
    paragraph) begins with: its last line ends in a colon."""
    last = before.lines[-1] if before.lines else None
    return (
        not before.items and isinstance(last, str) and last.rstrip().endswith(":") and not table.items
        and table.n is None and table.marking is None and bool(table.lines) and isinstance(table.lines[0], TableLine)
    )
