"""Titles before a numbered paragraph that the ``headings`` pass does not read: a title set
between slashes, a title that asks a question, a title the page's break parts from its
paragraph.

``headings`` takes a short line alone before a numbered paragraph, without a full stop, in a
cable written in mixed case. Three forms of title escape it and were printed as paragraphs:
Embassy Madrid's and others' titles set between slashes (``//VENEZUELA//``, ``//What Does
Spain Want?//``, ``/// MAURITIANS DENY PLAN TO CEDE ISLANDS ///``), in capitals or not, in
cables written in capitals too: the slashes mark a title whatever the case; titles that ask
(``WHAT AILS LIBYANS?``, ``Third Term for President Lula?``, ``PROGNOSIS: RELATIONSHIP "DEAD"
OR ON LIFE SUPPORT?``): a short question alone on its line before a numbered paragraph; and a
title ``headings`` would take but for a page break between it and its paragraph.

``marked-title`` (chain ``blocks.passes``, after the heading passes): a bare block of one line (no
number, marking or items) whose next block past page breaks is a numbered paragraph is a
heading when the line is set between two to four slashes each side (120 characters at most),
or is a question (ending in ``?``, 14 words and 100 characters at most, beginning with a
capital, after any ``...``), or is followed by a page break and is a title by the ``headings``
pass's measure (a cable in mixed case; 70 characters and ten words at most; a capital first;
no full stop or other punctuation last; no quote's end, reasons or field). A title between
slashes the teletype wrapped over two lines (``//Spain Requested IAEA Peer Review of Its Nuclear
Regulatory`` / ``Agency//``, 09MADRID98: slashes opening the first line and closing the second
only) is read as one line. Not a question or a
parted line that opens with a comment's label (``Comment: How Important is This?``: the
``comment`` span begins there) or a teletype operating signal (``ZFR ZFR ZFR CANCEL TELEGRAM
PER DRAFTER REQUEST``, 09BRASILIA1263). The line is kept as written here (``slashed-heading``,
after every heading pass, records two slashes each side as the heading's rendition). A
sentence in capitals that ends in a full stop is no title.

``slashed-title-after-text`` (after ``marked-title``): a title between slashes on the last line
of a paragraph, glued under its last line with no blank line between (``… at the same level.`` /
``//BILATERAL ISSUES - CUBA, 3U COMMERCIAL DISPUTE//``, 05MADRID2588; after a redaction:
``XXXXXXXXXXXX`` / ``//U.S.-SPAIN RELATIONS//``), before a numbered paragraph, is cut off as a
heading, whatever the case.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, Heading, Line, PageBreak, Paragraph
from .blocks import PASSES, text_lines
from .fields import field_kind
from .passes import DASHED_TITLE, NOT_HEADING
from .ruler import Run, note
from .runs import is_bare, mixed_case, next_numbered

#: a title between slashes (``//VENEZUELA//``, ``/// OIL PROSPECTS? ///``)
_SLASHED = re.compile(r"\s*/{2,4}+[^/]{1,120}+/{2,4}+\s*")
#: a question's first letter, after an ellipsis or a quotation mark
_QUESTION_START = re.compile(r"(?:\.{2,}|…)?\s*[\"“]?[A-Z]")
#: not a title: a comment's label before its text (``Comment: How Important is This?`` opens the
#: comment the ``comment`` span reads; the label alone is a title: ``Comment`` / page break /
#: ``¶9. …``, 10MEXICO518), a teletype operating signal (``ZFR ZFR ZFR CANCEL TELEGRAM …``)
_NOT_TITLE = re.compile(r"(?i:comment\b(?!\s*$))|Z[A-Z]{2}\b")


def _wrapped_slashed(texts: list[str]) -> bool:
    """``//Spain Requested IAEA Peer Review of Its Nuclear Regulatory`` / ``Agency//``
    (09MADRID98): a title between slashes the teletype wrapped over two lines, the slashes
    opening the first and closing the second only."""
    first, second = texts[0].strip(), texts[1].strip()
    if not (first.startswith("//") and second.endswith("//")) or "/" in first.lstrip("/") or "/" in second.rstrip("/"):
        return False
    return _SLASHED.fullmatch(f"{first} {second}") is not None


def _question(line: str) -> bool:
    """A short question: ``?`` last (or before the quotation mark that closes it: ``Is this really
    "True Love?"``, 10MANAGUA115), 14 words and 100 characters at most, a capital first."""
    return (
        line.removesuffix('"').removesuffix("\u201d").endswith("?")
        and len(line) <= 100
        and len(line.split()) <= 14
        and _QUESTION_START.match(line) is not None
    )


def _parted_title(line: str) -> bool:
    """A title by the ``headings`` pass's measure, with no dashes on its line."""
    match = DASHED_TITLE.match(line)
    if match is None or match["dashes"] or line.startswith("-"):
        return False
    return (
        0 < len(line) <= 70
        and line[:1].isupper()
        and line[-1:] not in ".,;:!?\"'"
        and len(line.split()) <= 10
        and not line.startswith(NOT_HEADING)
    )


@PASSES.rule(
    "marked-title",
    after="title-before-number",
    note=note(
        "normalization",
        "A line alone before a numbered paragraph that is set between slashes (//VENEZUELA//), asks a short "
        "question (WHAT AILS LIBYANS?), or is a short title parted from its paragraph by a page break, is a "
        "heading, kept as written.",
    ),
)
def marked_title(blocks: list[Block], run: Run) -> list[Block]:
    """Titles between slashes, titles that ask, titles before a page break: headings."""
    out: list[Block] | None = None
    mixed: bool | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not is_bare(block):
            continue
        if not all(isinstance(x, str) for x in block.lines):
            continue
        texts = text_lines(block.lines)
        if len(texts) == 2 and _wrapped_slashed(texts):
            texts = [" ".join(x.strip() for x in texts)]
        if len(texts) != 1:
            continue
        if not next_numbered(blocks, index):
            continue
        line = texts[0].strip()
        if _SLASHED.fullmatch(line) is None and (_NOT_TITLE.match(line) or not _question(line)):
            parted = index + 1 < len(blocks) and isinstance(blocks[index + 1], PageBreak)
            if not (parted and _parted_title(line)) or _NOT_TITLE.match(line):
                continue
            mixed = mixed_case(blocks) if mixed is None else mixed
            if not mixed:
                continue
        if field_kind(line, run.trial()) is not None:
            continue  # a REF or Classified By line met late
        out = out or list(blocks)
        out[index] = Heading(block.lines)
    return out if out is not None else blocks


def _glued_slashed(lines: tuple[Line, ...]) -> int | None:
    """Where a title between slashes ends the paragraph's lines, after a line of its text; None
    when none does (page furniture after it, or no text before it)."""
    last = max((k for k, x in enumerate(lines) if not isinstance(x, str) or x.strip()), default=None)
    if last is None or not isinstance(lines[last], str) or _SLASHED.fullmatch(str(lines[last])) is None:
        return None
    if not any(isinstance(x, str) and x.strip() for x in lines[:last]):
        return None
    return last


@PASSES.rule(
    "slashed-title-after-text",
    after="marked-title",
    note=note(
        "normalization",
        "A title set between slashes on the line after a paragraph's last line, with no blank line between "
        "(… at the same level. / //BILATERAL ISSUES - CUBA, 3U COMMERCIAL DISPUTE//), before a numbered "
        "paragraph, is the next section's heading, not the paragraph's last words.",
    ),
)
def slashed_title_after_text(blocks: list[Block], run: Run) -> list[Block]:
    """``relations would continue at the same level.`` / ``//BILATERAL ISSUES - CUBA, 3U
    COMMERCIAL DISPUTE//`` / blank / ``¶3. (C) …`` (05MADRID2588): the title glued under the
    paragraph's last line heads ¶3 (whatever the case: the slashes mark it)."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        last = None
        if isinstance(block, Paragraph) and not block.items and any("//" in x for x in text_lines(block.lines)):
            last = _glued_slashed(block.lines) if next_numbered(blocks, index) else None
        if last is None or not isinstance(block, Paragraph):
            out.append(block)
            continue
        title = block.lines[last]
        assert isinstance(title, str)
        out += [dataclasses.replace(block, lines=block.lines[:last], tokens=()), Heading((title.strip(),))]
    return out if len(out) != len(blocks) else blocks
