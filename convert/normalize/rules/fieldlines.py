"""Stage "blocks", chain ``blocks.passes``: a record written as labelled fields, one to a line
(``Vetting #: 99209`` / ``Rank/Name: LTC …`` / ``DOB: 6/28/1970`` / …), or rows of figures, which
joining a paragraph's lines ran together.

A cable sets out a form's answers one field to a line: a Leahy vetting request (09STATE108736:
``Vetting #``, ``Rank/Name``, ``DOB``, ``Place of Birth``, ``Unit/Institution``, ``Course``, ``Start
Date``, ``End Date``), a contact (``Name:`` / ``Title:`` / ``Contact information:``, 07REYKJAVIK22),
a tally (``PS: 12`` / ``PSD: 7`` / …, 09LISBON289), a company's officers (``Chairman of the Board:
…`` / ``DG: …`` / ``Market share: 67.8%``, 06MEXICO6413). No line carries an item label, so the
paragraph's lines were joined with spaces and the reader saw ``Vetting #: 99209 Rank/Name: LTC
Hesham … DOB: 6/28/1970 Place of Birth: …``. ``entry-lines`` keeps lines without a colon under a
label; its entries end without a full stop, and a field's value often ends in one (``Title: CEO of
Alcan Iceland Ltd.``), so these are read here, by their labels.

``field-lines`` reads a paragraph's last lines as the fields of a list (an item without a label,
each on a line of its own in every edition) where three lines or more begin with a field's label: a
capital, up to five words, a colon, a space and the value (``Rank/Name:``, ``Vetting #:``; not a
clock's ``10:30``). A line without a label is the value before it wrapped when it begins in lower
case, goes on after a comma, a function word or a parenthesis the value left open, or when its first
word would not have fitted on the line before (the text's line length, as ``entry-lines`` measures
it); otherwise it is a line of its own (``3 standard non-smoking rooms``). The lines before the
fields stay the paragraph's text where they end a sentence or a label (``… breaks down like this:``)
or are a short title (``Bimbo``); the fields must be more than half the lines from the first, and
none a field of a preamble (``TAGS:``, ``SUBJECT:``: a copied preamble). In the text's last paragraph,
a last line that is a name alone is the signature: it stays a block of its own after the fields.

``figure-lines`` reads rows of figures the same way: a table whose copy lost the spaces that
aligned its columns (``Cannabis 20.0 19.0 9.0 9.0`` / ``Cocaine 2.8 2.2 1.2 0.8``, 05THEHAGUE3305),
so that ``text-table`` finds no column in it; a row is a label of up to six words without a
sentence's end (or none), then two figures or more to the line's end.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable
from typing import cast

from ..parsed import Block, ItemList, Line, ListItem, Paragraph
from .blocks import PASSES, terminal
from .entries import GOES_ON, _width
from .fields import EO, SUBJECT, TAGS
from .ruler import Run, note

_MIN_FIELDS = 3
#: a field's label and the start of its value: a capital, up to five words, a colon, a space
_FIELD = re.compile(r"[A-Z][\w/#.()&'\u2019-]*(?: [\w/#.()&'\u2019-]+){0,4}(?<=[A-Za-z#).]): +\S")
#: a short line before the fields that names what they describe (``Bimbo``, ``Hotel Emperador``)
_TITLE_MAX = 40
#: a name alone (the signature the last paragraph may end in)
_NAME = re.compile(r"[A-Z][A-Za-z'.-]+")


def _field(line: str) -> bool:
    return bool(_FIELD.match(line.lstrip()))


def _wrapped(item: list[Line], line: str, width: Callable[[], int]) -> bool:
    """Whether ``line`` (no label) is the rest of the value ``item`` holds: in lower case, after a
    comma, a word a phrase goes on after or a parenthesis the item left open, or where its first
    word would not have fitted on the item's last line."""
    before, rest = str(item[-1]).rstrip(), line.strip()
    opened = sum(str(x).count("(") - str(x).count(")") for x in item)
    if rest[:1].islower() or GOES_ON.search(before) or opened > 0:
        return True
    line_length = width() or 60
    return bool(rest) and len(before) + 1 + len(rest.split()[0]) > line_length


def _start(lines: list[str], row: Callable[[str], bool]) -> int | None:
    """Where the rows begin (fields: ``row`` is ``_field``): the first row after which more than
    half the lines are rows, three or more; None where there is no such line."""
    for index, line in enumerate(lines):
        if row(line):
            rest = lines[index:]
            rows = sum(map(row, rest))
            return index if rows >= _MIN_FIELDS and 2 * rows > len(rest) else None
    return None


def _preamble(line: str) -> bool:
    """A field of a cable's preamble (``E.O.``, ``TAGS:``, ``SUBJECT:``): a copy of a preamble is
    read by the rules for copies, not here."""
    return bool(EO.match(line) or TAGS.match(line) or SUBJECT.match(line))


def _head_allows(head: list[str]) -> bool:
    """The lines before the fields end a sentence or a label, or are one short title."""
    if not head:
        return True
    last = head[-1].strip()
    return terminal(last) or (len(head) == 1 and 0 < len(last) <= _TITLE_MAX)


def _items(lines: list[str], width: Callable[[], int], row: Callable[[str], bool]) -> list[ListItem]:
    items: list[list[Line]] = []
    for index, line in enumerate(lines):
        if index and not row(line) and _wrapped(items[-1], line, width):
            items[-1].append(line)
        else:
            items.append([line])
    return [ListItem("", tuple(item)) for item in items]


@PASSES.rule(
    "field-lines",
    after="entry-lines",
    note=note(
        "normalization",
        "Fields written one to a line with their labels (Name: / Title: / DOB: …) are the items of a list, one "
        "to a line, not one run of text.",
    ),
)
def field_lines(blocks: list[Block], run: Run) -> list[Block]:
    """``Vetting #: 99209`` / ``Rank/Name: LTC Hesham Fathi Hasbou Afifi`` / ``DOB: 6/28/1970`` / …
    (09STATE108736), ``… breaks down like this:`` / ``PS: 12`` / ``PSD: 7`` / ``CDS-PP: 2``
    (09LISBON289): three labelled fields or more, one to a line, are list items (each on a line
    of its own), not a run of text; see the module's note for what a field is."""
    return _rows_apart(blocks, _field, lambda text: text.count(": ") >= _MIN_FIELDS)


#: a figure: digits with their separators, a sign, a currency, a bracket, a percent or a scale
#: (``5.6%``, ``$1.4b``, ``(+3)``, ``1,776,903``, ``-10.4``)
_FIGURE = re.compile(r"[-+(]?[$\u20ac\u00a3]?\d[\d,]*(?:\.\d+)?(?:%|[mbk]n?|bn)?\)?", re.I)
#: a label before a row's figures: up to six words, no sentence's end
_ROW_LABEL_WORDS = 6


def _figures_row(line: str) -> bool:
    """A row of a table whose spaces a copy lost: a label of up to six words (or none), then two
    figures or more to the line's end (``Cannabis 20.0 19.0 9.0 9.0``, ``FDI     $861m $1.4b``,
    ``1999 2003 1999 2003``)."""
    tokens = line.split()
    figures = 0
    for token in reversed(tokens):
        if not _FIGURE.fullmatch(token):
            break
        figures += 1
    label = tokens[: len(tokens) - figures]
    return figures >= 2 and len(label) <= _ROW_LABEL_WORDS and not any(t.endswith((".", ";", ":")) for t in label)


@PASSES.rule(
    "figure-lines",
    after="field-lines",
    note=note(
        "normalization",
        "Rows of figures one to a line (Cannabis 20.0 19.0 9.0 9.0: a table whose spaces a copy lost) are the "
        "items of a list, one to a line, not one run of text.",
    ),
)
def figure_lines(blocks: list[Block], run: Run) -> list[Block]:
    """``Cannabis 20.0 19.0 9.0 9.0`` / ``Cocaine 2.8 2.2 1.2 0.8`` / … (05THEHAGUE3305), ``2005
    2006`` / ``Real Growth Rate GDP 5.6%  6.8%`` / ``FDI     $861m $1.4b`` / … (07SANJOSE298): three
    rows of figures or more, one to a line, where ``text-table`` found no columns (the copy lost
    the spaces that aligned them), are list items (each on a line of its own), read as
    ``field-lines`` reads its fields: a row is a label of up to six words without a sentence's
    end, then two figures or more to the line's end."""
    return _rows_apart(blocks, _figures_row, lambda text: len(_TWO_FIGURES_END.findall(text)) >= _MIN_FIELDS)


#: a paragraph's lines' types when all are plain text (no page break, no table line)
_TEXT_ONLY = frozenset({str})
#: two words holding a digit in their first three characters at a line's end: what a row of
#: figures ends in (asked of a paragraph's whole text first, in C; a word matched from its start)
_TWO_FIGURES_END = re.compile(r"(?<!\S)\S{0,2}\d\S*+[ \t]++\S{0,2}\d\S*+[ \t]*+$", re.M)


def _rows_apart(blocks: list[Block], row: Callable[[str], bool], may: Callable[[str], bool]) -> list[Block]:
    """Each paragraph whose last lines are rows (``row``), three or more, as list items (``may``:
    whether a paragraph's text, its lines joined, can hold three rows; asked first)."""
    last = max((i for i, b in enumerate(blocks) if isinstance(b, Paragraph)), default=-1)
    width = None  # (the text's line length: worked out at the first paragraph of rows)
    out: list[list[Block]] = [[block] for block in blocks]
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.items or len(block.lines) < _MIN_FIELDS:
            continue
        if set(map(type, block.lines)) != _TEXT_ONLY:
            continue  # (a page break or a table's line, text-table's, inside: left as it stands)
        lines = cast("list[str]", list(block.lines))  # (every one a str: above)
        if not may("\n".join(lines)):
            continue  # (fewer than three lines can be rows: no line asked)
        # (the text's last paragraph ending in a name alone: the signature, kept a block of its own after the rows:
        # ``SOLIMAN, Khaled Sayed Ahmed`` / ``DOB: 7/14/1975`` / … / ``SCOBEY``, 09CAIRO37)
        signed = index == last and _NAME.fullmatch(lines[-1].strip()) is not None
        rows = lines[:-1] if signed else lines
        start = _start(rows, row)
        if start is None or not _head_allows(rows[:start]) or any(map(_preamble, rows[start:])):
            continue
        width = width or functools.cache(lambda: _width(blocks))
        items = _items(rows[start:], width, row)
        if start == 0 and block.n is None and block.marking is None:
            out[index] = [ItemList(tuple(items))]
        elif start:
            out[index] = [dataclasses.replace(block, lines=block.lines[:start], items=tuple(items), tokens=())]
        else:
            continue
        out[index] += [Paragraph((lines[-1],))] if signed else []
    flat = [block for group in out for block in group]
    return flat if flat != blocks else blocks
