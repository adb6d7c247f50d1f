"""Chain ``fields.late`` (continued from :mod:`.fields`): a Classified By line run on after
other words in the text's opening.

Some copies lost the line breaks of their preamble, or a field's label: the Classified By line
then follows other words on its line, in a block the preamble reader left to the text. After
a title with no SUBJECT label and its REF list (``HANNIBAL GOES TO SEA: … REF: A) TRIPOLI 592,
… CLASSIFIED BY: Chris Stevens, CDA, … REASON: 1.4 (b), (d)``, 08TRIPOLI642), after a
subject's last word cut off at a blank line (``MEETING REF: STATE 007493 CLASSIFIED BY: …``,
10CAIRO139), after a REF field's last item wrapped past a blank line (``BRASILIA 1038`` / a page
break / ``Classified By: …``, 09BRASILIA1170), after a report's number (``IIR 6 809 0067 09
Classified By: …``, 09BRASILIA68). Read as it stands, the classification authority stood in
the reading text.

``glued-classified-by`` cuts such a block where the label begins: the words before it stay
text, as written; the Classified By line from its label to its reasons is the cable's field
(the opener's, out of the reader's way). Only in the text's opening (before its first numbered
paragraph), only in a block with no number and no marking of its own, and only where the
block ends with the reasons (``… 1.4 (b) and (d).``): a block that goes on past them holds text
(``… Reason: 1.4 (d) 1. (C) Summary: Latvian FM …``) and is left as it is.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from ..parsed import Block, Field, LateField, Line, Paragraph
from .fields import LATE
from .ruler import Run, note
from .runon import REASONS

#: the label after other words of its line, or at the start of a later line of the block
_LABEL = re.compile(r"(?:(?<=\S)\s++|(?<=\d)|^\s*+)(?=(?i:CLASSIFIED\s++BY)\s*+:)")
#: what may follow the reasons at the block's end
_AFTER_REASONS = re.compile(r"[\s.)]*+")


@LATE.rule(
    "glued-classified-by",
    after="late-fields",
    note=note(
        "normalization",
        "A Classified By line run on after other words in the text's opening (a title, a subject's last word, a "
        "REF list's last item: … REF: STATE 007493 CLASSIFIED BY: …) is the cable's field: the words before it "
        "stay in the text as written.",
    ),
)
def glued_classified_by(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """The first unnumbered, unmarked block before the first numbered paragraph that ends with
    a Classified By line after other words is cut at the label."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is not None:
            break
        if not isinstance(block, Paragraph) or block.items or block.marking is not None:
            continue
        cut = _cut(block.lines)
        if cut is None:
            continue
        head, tail = cut
        out = list(blocks)
        out[index : index + 1] = [dataclasses.replace(block, lines=head), LateField(Field("classified-by", tail))]
        return out
    return blocks


@LATE.rule(
    "late-refs-classified-by",
    after="glued-classified-by",
    note=note(
        "normalization",
        "A Classified By line under a REF field in the text's opening (after a subject's last line with no SUBJECT "
        "label: REF: STATE 149277 / Classified By: …) is a field of its own, not the last reference's words.",
    ),
)
def late_refs_classified_by(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """``DISCUSS HAITI AND OTHER ISSUES, 19 AUGUST 2005`` / (blank) / ``REF: STATE 149277`` /
    ``Classified By: AMBASSADOR JOHN DANILOVICH. REASONS: 1.4(B)(D).`` (05BRASILIA2231, a
    partial extract whose SUBJECT lost its label): ``late-fields`` takes the two lines for a REF
    field; they are two fields, cut where the label begins, when the block ends with the reasons."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is not None:
            break
        cut = _cut(block.field.lines) if isinstance(block, LateField) and block.field.kind == "refs" else None
        if cut is not None:
            out = list(blocks)
            out[index : index + 1] = [LateField(Field("refs", cut[0])), LateField(Field("classified-by", cut[1]))]
            return out
    return blocks


def _cut(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], tuple[Line, ...]] | None:
    """The block's lines before the label and from it, when the label follows other words and
    the block ends with the reasons."""
    for k, line in enumerate(lines):
        if not isinstance(line, str) or ("lassified" not in line and "LASSIFIED" not in line):
            continue
        label = _LABEL.search(line)
        if label is None or (label.start() == 0 and not any(isinstance(x, str) and x.strip() for x in lines[:k])):
            return None  # (no label; or the block begins with it: ``late-fields``' case)
        tail_text = " ".join(x for x in (line[label.end() :], *lines[k + 1 :]) if isinstance(x, str))
        ends = [m.end() for m in REASONS.finditer(tail_text)]
        if not ends or not _AFTER_REASONS.fullmatch(tail_text, ends[-1]):
            return None
        before = line[: label.start()].rstrip()
        head = (*lines[:k], before) if before else lines[:k]
        return head, (line[label.end() :].lstrip(), *lines[k + 1 :])
    return None
