"""Plain-text views of a TEI cable, all made by one walker under a :class:`Reading`.

- :data:`READING` (:func:`reading_text`): what a reader sees — regularised forms
  (``reg``/``corr``), no page furniture (``fw``, ``pb``, ``milestone``) and no notes. The JSON
  record's values.
- :data:`SOURCE` (:func:`source_text`): what the source said — original forms
  (``orig``/``sic``), furniture included. Every word of the input must be found here.
- :func:`rendered_reading` (:func:`rendered_text`): the words as the writers set them — one
  reading of each ``choice`` (reg, corr, expan), blocks as the writers lay them out
  (:func:`is_block`), artifacts optional. For round-trip checks of the renditions (the
  transcript, ``--transcript``).
- :func:`edition_reading` (:func:`edition_text`): the words as the reading edition sets them:
  the rendered reading with each redaction (``gap``) read as :data:`REDACTION_LABEL`, and the
  telegram's opener (its routing header), wrappers and late Classified By lines after the text,
  where the edition prints them (the Transmission appendix; :func:`after_text`).

The layout rules the writers share (which elements are blocks, which reading of a ``choice``
is shown) are here too, so the HTML walk and the text views cannot drift apart.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import cast

from lxml import etree

from .editorial import APPENDED, MISSING_SECTION, SECOND_COPY, absent_label, appended_label, copy_label, missing_label
from .model import TEI_NS, Cable

_T = f"{{{TEI_NS}}}"
#: Elements whose content is an alternative not shown (the writers show reg/corr/expan).
HIDDEN_ALTERNATIVES = frozenset({"orig", "sic", "abbr"})
#: Source artifacts kept out of the reading flow unless asked for.
ARTIFACTS = frozenset({"fw"})
#: Elements the writers set as blocks of their own (a word never runs across their edges).
LAYOUT_BLOCKS = frozenset({
    "body", "div", "opener", "closer", "head", "p", "ab", "list", "item", "signed", "dateline",
    "salute", "postscript", "lg", "l", "table", "row", "cell", "fw", "listBibl", "bibl", "sp",
    "floatingText", "argument", "byline", "trailer", "epigraph"})

READING_SKIP = frozenset(_T + n for n in ("orig", "sic", "fw", "pb", "milestone", "note"))
SOURCE_SKIP = frozenset(_T + n for n in ("reg", "corr"))
#: elements that stand apart from their neighbours in the source view (the reading views: READING_BLOCKS)
BLOCKS = frozenset(
    _T + n
    for n in ("p", "ab", "head", "item", "label", "list", "fw", "lb", "pb", "milestone", "opener",
              "closer", "signed", "dateline", "quote", "div", "body", "text", "note"))
#: :data:`BLOCKS` but ``quote`` (the reading views'): a quotation runs in its sentence, as the writers set it
READING_BLOCKS = BLOCKS - {_T + "quote"}
_CHOICE = _T + "choice"
_OPENER = _T + "opener"
_AB = _T + "ab"
#: the ``ab`` types the reading edition prints after the text, and those it leaves out of it
_AB_AFTER = frozenset({"wrapper", "classified-by", "trailer"})
AB_OUT_OF_TEXT = _AB_AFTER | {"rule"}
#: How the reading edition shows a redaction (a TEI ``gap``; the source's ``XXXXXXXXXXXX``): an editorial insertion
#: in square brackets, as FRUS prints ``[text not declassified]``; the round-trip checks count it as ``redacted``.
REDACTION_LABEL = "[redacted]"
#: The source's redaction (the normalizer's ``gap``; the label in the source note's quoted fields): four X or more
#: (one case, or capitals then small: ``XXXXXXXXXXXxx``; small ones not after a figure: ``2008xxxx (month?)`` is the
#: drafter's blank) between no letters, twelve glued to the word before (``toldXXXXXXXXXXXX``), six glued to a word
#: after (``XXXXXXXXXXXXhusband``; four small, ``xxxxxtold``; twelve exactly before capitals, ``XXXXXXXXXXXXTUTTLE``).
#: Not three alone: a drafter's blank as often as a partner's redaction (``REF B: STATE XXX``, 09SANJOSE983).
REDACTION = re.compile(
    r"(?:X(?<![A-Za-z]X)X{3,}(?:x+)?|x(?<![A-Za-z0-9]x)x{3,}|X(?<=[A-WYZa-wyz]X)X{11,}|x(?<=[A-WYZa-wyz]x)x{11,})"
    r"(?![A-Za-z])|X(?<![A-Za-z]X)X{5,}(?=[a-wyz])|x(?<![A-Za-z0-9]x)x{3,}(?=[a-wyz])|X(?<![A-Za-z]X)X{11}(?=[A-WYZ])")
_GAP = _T + "gap"
_DIV = _T + "div"
#: the ``ab`` types the reading edition does not print as written
_AB_EDITED = AB_OUT_OF_TEXT | {MISSING_SECTION}


def local_name(element: etree._Element) -> str:
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def is_block(element: etree._Element) -> bool:
    """Whether the writers set ``element`` as a block (a line or paragraph of its own)."""
    name = local_name(element)
    if name in LAYOUT_BLOCKS:
        return True
    parent = element.getparent()
    if parent is not None and local_name(parent) in {"opener", "closer"}:
        return True
    if name == "seg" and element.get("type") == "table":
        return True  # a table written in plain text: its lines set apart, as they stand
    if name == "gap" and absent_label(element):
        return True  # where the source holds no text of the telegram: the editions' line
    if name in {"quote", "note", "seg"}:
        # a block when it holds one; a teletype page header (fw) inside it does not make it
        # one: the writers set it out of the flow, as inside a paragraph
        return any(is_block(child) for child in element
                   if isinstance(child.tag, str) and local_name(child) not in ARTIFACTS)
    if name == "label" and parent is not None and local_name(parent) == "list":
        return True
    return False


def choice_reading(choice: etree._Element) -> list[etree._Element]:
    """The children of a ``choice`` that the writers show: reg, corr or expan; else all."""
    children = [child for child in choice if isinstance(child.tag, str)]
    for wanted in ("reg", "corr", "expan"):
        for child in children:
            if local_name(child) == wanted:
                return [child]
    shown = [child for child in children if local_name(child) not in HIDDEN_ALTERNATIVES]
    return shown or children[:1]


@dataclass(frozen=True, slots=True)
class Reading:
    """How the walker reads TEI as plain text."""

    #: elements left out with their content (their tail stays); never the walk's own root
    skip: frozenset[str]
    #: elements that stand apart from their neighbours (a space on either side)
    blocks: frozenset[str] = READING_BLOCKS
    #: a layout rule in place of ``blocks`` (it may look at the element's context)
    block_rule: Callable[[etree._Element], bool] | None = None
    #: a left-out block still separates its neighbours
    spaced_skip: bool = False
    #: a ``choice`` shows one reading (:func:`choice_reading`), not all its children
    one_reading: bool = False
    #: a ``gap`` reads as this text instead of its content (None: its content)
    gap_text: str | None = None
    #: a block with ``rend="run-on"`` joins the text before it with no space (the source
    #: view: the two fields were one token there)
    run_on: bool = False
    #: a table written in plain text (``seg type="table"``) keeps its lines as they stand, on
    #: lines of their own (:func:`table_text`); the rest of the text is collapsed around it
    #: (not with ``run_on``: its glue does not move a table's place among the pieces)
    table_lines: bool = False
    #: what an ``lb`` reads as (None: as any other element; inside a table: a line feed)
    line_break: str | None = None


READING = Reading(skip=READING_SKIP)
SOURCE = Reading(skip=SOURCE_SKIP, blocks=BLOCKS, run_on=True)
#: :data:`READING`, each table on lines of its own as they stand: the JSON record's paragraphs
LINED_READING = Reading(skip=READING_SKIP, table_lines=True)
_SEG = _T + "seg"
_LB = _T + "lb"


def _layout_block(element: etree._Element) -> bool:
    return element.tag == _T + "lb" or is_block(element)


@cache
def rendered_reading(include_artifacts: bool = False) -> Reading:
    """The writers' reading: one reading per choice, their blocks, artifacts optional."""
    skip = frozenset() if include_artifacts else frozenset(_T + n for n in ARTIFACTS)
    return Reading(skip=skip, block_rule=_layout_block, spaced_skip=True, one_reading=True)


@cache
def edition_reading(include_artifacts: bool = False, opener: bool = False) -> Reading:
    """The reading edition's words: the writers' reading, a redaction read as its label; the
    opener left out (``opener=False``: the text) or read (``True``: the appendix)."""
    base = rendered_reading(include_artifacts)
    skip = base.skip if opener else base.skip | {_OPENER}
    return Reading(skip=skip, block_rule=_layout_block, spaced_skip=True, one_reading=True,
                   gap_text=REDACTION_LABEL)


class _Parts(list[str]):
    """The walker's pieces of text, and where a table's lines stand among them (an index of
    the list: :attr:`Reading.table_lines`)."""

    __slots__ = ("tables",)

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[int] = []


def _content(node: etree._Element, how: Reading, parts: list[str]) -> None:
    """The text inside ``node`` under ``how``, into ``parts`` (the one walker: a loop over the
    children, recursing only into children that have children; with ``how.table_lines``,
    ``parts`` is a :class:`_Parts` and each table's lines are one piece of it)."""
    one_reading = how.one_reading
    if one_reading and node.tag == _CHOICE:
        children: Iterable[etree._Element] = choice_reading(node)
        tails = False  # a reading's tail is white space between the alternatives
    else:
        if node.text:
            parts.append(node.text)
        children, tails = node, True
    skip, blocks, rule, spaced = how.skip, how.blocks, how.block_rule, how.spaced_skip
    gap_text, lined, line_break = how.gap_text, how.table_lines, how.line_break
    for child in children:
        tag = child.tag
        if tag.__class__ is str:  # not a comment or processing instruction: no text of its own
            left_out = tag in skip
            if not left_out or spaced:
                block = rule(child) if rule is not None else tag in blocks
                glue = block and how.run_on and child.get("rend") == "run-on"
                if glue:
                    while parts and parts[-1].isspace():  # one token with the text before
                        parts.pop()
                    at = len(parts)
                elif block:
                    parts.append(" ")
                if left_out:
                    pass
                elif tag == _GAP and (gap_text is not None or child.get("rend")):
                    # a redaction: its label, or its characters as the source shows them
                    parts.append(gap_text if gap_text is not None else child.get("rend", ""))
                elif lined and tag == _SEG and child.get("type") == "table":
                    cast("_Parts", parts).tables.append(len(parts))
                    parts.append(table_text(child, how))
                elif len(child) or (one_reading and tag == _CHOICE):
                    _content(child, how, parts)
                elif child.text:
                    parts.append(child.text)
                elif line_break is not None and tag == _LB:
                    parts.append(line_break)
                if glue:
                    _glue(parts, at)
                if block:
                    parts.append(" ")
        if tails and child.tail:
            parts.append(child.tail)


def _glue(parts: list[str], at: int) -> None:
    """No white space between ``parts[at - 1]`` and the first text of ``parts[at:]``."""
    while at < len(parts) and parts[at].isspace():
        del parts[at]
    if at < len(parts):
        parts[at] = parts[at].lstrip()


#: ASCII's characters that are not printable (``str.isprintable``): the controls and DEL
_CONTROLS = bytes(range(32)) + b"\x7f"
#: the length from which a text in ASCII is tested in its bytes (a fixed cost of about 5,000
#: instructions, then 10 a character against ``isprintable``'s 26)
_LONG = 400


def printable(text: str) -> bool:
    """``text.isprintable()``; for a long text in ASCII, its control characters deleted from its
    bytes and the lengths compared (in C, without a look-up of each character's properties)."""
    if len(text) > _LONG and text.isascii():
        raw = text.encode("ascii")
        return len(raw.translate(None, _CONTROLS)) == len(raw)
    return text.isprintable()


def collapse(text: str) -> str:
    """``" ".join(text.split())``: runs of white space as one space, none at the ends.

    Most text needs nothing done, and finding that out allocates nothing: in a printable
    string the only white space is U+0020 (every other white-space character is a separator or
    a control, which ``isprintable`` refuses), so one without double spaces is already collapsed.
    """
    text = text.strip(" ")
    if printable(text) and "  " not in text:
        return text
    return " ".join(text.split())


def text_of(node: etree._Element, how: Reading = READING) -> str:
    """``node``'s text under ``how``, white space collapsed (one space between words); with
    ``how.table_lines``, each table in it on lines of its own as they stand (its spaces align
    its columns), the text before and after it collapsed."""
    if not len(node) and isinstance(node.tag, str) and node.tag != _CHOICE:
        return collapse(node.text or "")  # a leaf: nothing to walk
    if how.table_lines:
        return _lined(node, how)
    parts: list[str] = []
    _content(node, how, parts)  # the node's own spacing would be stripped with the rest
    return collapse("".join(parts))


def _lined(node: etree._Element, how: Reading) -> str:
    """:func:`text_of` with ``how.table_lines``: the text between the tables collapsed, each
    table's lines as they stand, a line feed between the pieces."""
    parts = _Parts()
    _content(node, how, parts)
    if not parts.tables:
        return collapse("".join(parts))
    pieces: list[str] = []
    start = 0
    for at in parts.tables:
        pieces += (collapse("".join(parts[start:at])), parts[at])
        start = at + 1
    pieces.append(collapse("".join(parts[start:])))
    return "\n".join(piece for piece in pieces if piece)


@cache
def _in_table(how: Reading) -> Reading:
    """``how`` inside a table written in plain text: no spacing around blocks, a line feed for
    each ``lb``, the rest of its text as it stands."""
    return Reading(skip=how.skip, blocks=frozenset(), one_reading=how.one_reading, gap_text=how.gap_text,
                   line_break="\n")


#: the writers' reading of a table (:func:`choice_reading` for a ``choice``), nothing left out
TABLE_READING = Reading(skip=frozenset(), one_reading=True)


def table_text(seg: etree._Element, how: Reading = TABLE_READING) -> str:
    """A table written in plain text (``seg type="table"``): its lines as they stand under
    ``how``, a line feed for each ``lb``."""
    parts: list[str] = []
    _content(seg, _in_table(how), parts)
    return "".join(parts)


def reading_text(node: etree._Element, skip: frozenset[str] = READING_SKIP) -> str:
    return text_of(node, READING if skip is READING_SKIP else Reading(skip=skip))


def source_text(node: etree._Element) -> str:
    return text_of(node, SOURCE)


def rendered_text(node: etree._Element, include_artifacts: bool = False) -> str:
    """The words under ``node`` in reading order, as the writers show them."""
    return text_of(node, rendered_reading(include_artifacts))


def body_text(cable: Cable, include_artifacts: bool = False) -> str:
    """The cable's body in reading order, as the transcript shows it (one space between blocks)."""
    body = cable.tei.find(f"{_T}text/{_T}body")
    return "" if body is None else rendered_text(body, include_artifacts)


def after_text(element: etree._Element) -> bool:
    """Whether the reading edition prints ``element`` after the text, in the Transmission
    appendix: the opener (the routing header), a wrapper (``ab type="wrapper"``: a media
    partner's or a database's row, its copy of the header, a cut preview) and a Classified By
    line among the first blocks (``ab type="classified-by"``; the source note names it too)."""
    return element.tag == _OPENER or (element.tag == _AB and element.get("type") in _AB_AFTER)


def edition_text(cable: Cable, include_artifacts: bool = False) -> str:
    """The cable's body in the reading edition's order: the text without what the edition
    prints after it (each redaction read as :data:`REDACTION_LABEL`) and without the lines of
    dashes it draws as nothing (``ab type="rule"``), each appended second cable begun by its
    label (:func:`appended_label`) and the second copy of the text by its (:func:`copy_label`),
    then the opener, wrappers and late Classified By lines, which the edition prints after the
    text. Every word of it is in every
    edition rendition, in this order."""
    body = cable.tei.find(f"{_T}text/{_T}body")
    if body is None:
        return ""
    later = [e for e in body.iter(_OPENER, _AB) if after_text(e)]
    text = body
    absent = any(absent_label(gap) for gap in body.iter(_GAP))
    if absent or any(e.get("type") in _AB_EDITED for e in body.iter(_AB)) or any(
        e.get("type") in (APPENDED, SECOND_COPY) for e in body.iter(_DIV)
    ):
        text = copy.deepcopy(body)
        for gap in [g for g in text.iter(_GAP) if absent_label(g)]:  # no text in the source: the line
            line = etree.Element(_AB)
            line.text, line.tail = absent_label(gap), gap.tail
            parent = gap.getparent()
            assert parent is not None
            parent.replace(gap, line)
        for block in [e for e in text.iter(_AB) if e.get("type") in AB_OUT_OF_TEXT]:
            _drop(block)
        for block in text.iter(_AB):
            label = missing_label(block)
            if label:  # the archive's box: the edition's line in its place
                for child in list(block):
                    _drop(child)
                block.text = label
        for div in text.iter(_DIV):
            label = appended_label(div) or copy_label(div)
            if label:  # where it begins, the edition says so
                div.text = f"{label} {div.text or ''}"
    parts = [text_of(text, edition_reading(include_artifacts))]
    for element in later:
        parts.append(text_of(element, edition_reading(include_artifacts, opener=True)))
    return collapse(" ".join(parts))


def _drop(element: etree._Element) -> None:
    """Take ``element`` out of its parent, its tail left where it stood."""
    parent = element.getparent()
    if parent is None:
        return
    if element.tail:
        before = element.getprevious()
        if before is not None:
            before.tail = (before.tail or "") + element.tail
        else:
            parent.text = (parent.text or "") + element.tail
    parent.remove(element)
