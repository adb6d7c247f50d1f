"""The head of the text's second copy: the database row and the copy of the preamble before it.

Where ``repeated-text`` found the text given twice (the :class:`CopyStart` it leaves), the
second copy is often opened by a database row or a media partner's marker, then a copy of
the routing header and the preamble. The first copy's text runs on into them when the dump
lost the line break: 08BERN443's ¶9 ends ``… not to be the case."`` / ``CARTER`` /
``Embassy Bern`` / ``CONFIDENTIAL`` (the row's origin and classification after the
signature; 09TRIPOLI953's ``… End comment and guidance request. POLASCHIK`` / ``0 12/09/2009
2787 UNGA,PREL,… LIBYA REQUESTS US SUPPORT …``), 02ROME1196's ¶8 ``… SOME NEW ONES. POPE`` /
``CONFIDENTIAL`` / ``> @@@OASYS@@@`` / the header / ``DEPARTMENT FOR …`` / ``E.O. …`` /
``REF: …`` / ``CLASSIFIED BY: …``; or they stand as paragraphs of their own in the copy's
head (09BERN260's ``CARTER`` / ``Embassy Bern`` / ``SECRET`` / ``09BERN186`` /
``O 231045Z JUN 09`` / ``FM …``, its ``REF:`` and its ``Classified By:``).

``copy-head`` (chain ``blocks.passes``, after ``repeated-text``): in the paragraph just before
the copy, the lines from the row's first field (a classification alone, an office of origin,
the ``@@@OASYS@@@`` marker) to the paragraph's end, when every line after it is such a field or
a line of the preamble or the header (a field's label first), go to the copy as a wrapper
block (the edition prints it with the routing header); so does a row run on at the end of the
paragraph's last line after the signer's name (``… leaving post. XXXXXXXXXXXX TUTTLE 0
05/01/2008 5729 PGOV,…,UK On the heels of …``, 08LONDON1224: ``name-row-tail``'s columns,
then the row's summary). The signer's name before them (a word in capitals alone on its line,
or after the last sentence or a redaction), when it reads as a name or the copy ends with the
same name, ends the first copy as a line of its own (as a name alone after the text does). In
the copy's head, before its first paragraph, a bare paragraph that begins with such a row (the
name before it likewise), with a row's columns (``0 05/15/2008 3797 ENRG,… OIL MINISTER ON …
Bahrain is …``, 08MANAMA306: its subject and summary after them) or with a preamble field's
label is a wrapper too.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsed import AnonBlock, Block, CopyStart, Line, Paragraph
from .blocks import PASSES
from .endings import ROW_COLUMNS, row_tail_at
from .names import CAPS_WORD, NOT_REDACTED, SENTENCE_END, is_name
from .ruler import Run, note
from .runs import is_bare

#: a database row's fields after the text: a classification alone, an office of origin as the
#: pages name it (``Embassy Bern``), a media partner's marker, a dump's row on one line
_ROW_FIELD = re.compile(
    r"\s*(?:(?:(?:TOP )?SECRET|CONFIDENTIAL|UNCLASSIFIED|UNCLAS)(?://[A-Z][A-Z/]*(?: [A-Z/]+)*)?\s*"
    r"|(?:Embassy|Consulate|Mission|US Mission|U\.S\. Mission|Secretary of State|American Institute)"
    r"(?: [A-Z][A-Za-z.'-]*){0,4}\s*"
    r"|(?:>\s*)?@@@OASYS@@@\s*"
    # a dump's row on one line: number, date, id, TAGS, the SUBJECT in capitals (09TRIPOLI953)
    r"|\d+ \d\d/\d\d/\d{4} \d+ [A-Z0-9-]+(?:,[A-Z0-9-]+)*(?: [^a-z]*)?)"
)
#: a line of the copy's routing header or preamble: a field's label first
_HEAD_LINE = re.compile(
    r"\s*(?:E\.\s?O\.|TAGS\b|SUBJECT\b|SUBJ\b|REFS?\b|CLASSIFIED BY\b|DEPT\b|DEPARTMENT FOR\b|SIPDIS\b"
    r"|VZCZC|FM\s|TO\s|INFO\s)",
    re.IGNORECASE,
)
#: the signer's name: a word in capitals alone, or after the last sentence of the line (or
#: after a redaction: ``… leaving post. XXXXXXXXXXXX TUTTLE``)
_NAME = re.compile(rf"(?:^|(?<={SENTENCE_END}\s)|(?<=XXXX\s))(?P<name>{NOT_REDACTED}{CAPS_WORD})\s*(?:\\\s*)?$")
#: a signer's name alone on its line (a dump's backslash after it)
_NAME_LINE = re.compile(rf"{CAPS_WORD}\s*(?:\\\s*)?")


def _numbered_texts(lines: tuple[Line, ...]) -> list[tuple[int, str]]:
    return [(k, x) for k, x in enumerate(lines) if isinstance(x, str) and x.strip()]


def _row_start(lines: tuple[Line, ...]) -> int | None:
    """The index in ``lines`` of the row's first field after the text, when every text line
    from there on is a row's field or a line of the header or the preamble; else None."""
    texts = _numbered_texts(lines)
    for at, (k, line) in enumerate(texts):
        if at and _ROW_FIELD.fullmatch(line):
            rest = texts[at + 1 :]
            if all(_ROW_FIELD.fullmatch(x) or _HEAD_LINE.match(x) for _, x in rest):
                return k
            return None
    return None


def _last_words(blocks: list[Block]) -> set[str]:
    """The words in capitals of the last three text lines of the last paragraph (the copy's
    end: its signature, before a classification line and a partner's footer)."""
    for block in reversed(blocks):
        if isinstance(block, Paragraph):
            return {w for _, x in _numbered_texts(block.lines)[-3:] for w in re.findall(CAPS_WORD, x)}
    return set()


def _run_on_row(lines: tuple[Line, ...]) -> tuple[list[Line], tuple[Line, ...]] | None:
    """``… leaving post. XXXXXXXXXXXX TUTTLE 0 05/01/2008 5729 PGOV,…,UK On the heels of …``
    (08LONDON1224): the last text line runs on, after the signer's name, into the row's columns
    and the rest of the row (its summary): the lines up to the name, and the row's."""
    texts = _numbered_texts(lines)
    if not texts:
        return None
    k, line = texts[-1]
    at = row_tail_at(line)
    if at is None:
        return None
    return [*lines[:k], line[:at].rstrip()], (line[at:].strip(), *lines[k + 1 :])


def _cut_tail(block: Paragraph, ends: set[str]) -> tuple[Paragraph, Line | None, tuple[Line, ...]] | None:
    """The paragraph without the row at its end, the signer's name before the row (a name in
    capitals, or one the copy ends with; else it stays in the paragraph), and the row's lines."""
    if block.items:
        return None
    start = _row_start(block.lines)
    if start is not None:
        kept, moved = list(block.lines[:start]), tuple(block.lines[start:])
    elif (run_on := _run_on_row(block.lines)) is not None:
        kept, moved = run_on
    else:
        return None
    texts = _numbered_texts(tuple(kept))
    name: Line | None = None
    if texts:
        k, line = texts[-1]
        found = _NAME.search(line)
        named = found is not None and (found["name"] in ends or is_name(found["name"]))
        if found and named and (found.start("name") or len(texts) > 1):
            head = line[: found.start("name")].rstrip()
            name = line[found.start("name") :]
            if head:
                kept[k] = head
            else:
                del kept[k]
    if not _numbered_texts(tuple(kept)):
        return None
    return replace(block, lines=tuple(kept)), name, moved


def _head_block(block: Block) -> int | None:
    """A bare paragraph of the copy's head that is a row or a copy of a preamble field: where
    its wrapper's lines begin (1 after the signer's name that opens a row, else 0); None for
    any other block."""
    if not isinstance(block, Paragraph) or not is_bare(block):
        return None
    texts = [x for _, x in _numbered_texts(block.lines)]
    if not texts:
        return None
    if _HEAD_LINE.match(texts[0]) and not re.match(r"\s*(?:TO|INFO|FM)\s", texts[0]):
        return 0
    if ROW_COLUMNS.match(texts[0]):
        return 0  # the row's columns, then its subject and summary (08MANAMA306)
    # a row: the signer's name, then the origin and the classification, each alone
    first = 1 if len(texts) > 2 and _NAME_LINE.fullmatch(texts[0]) else 0
    if len(texts) > first + 1 and all(_ROW_FIELD.fullmatch(x) for x in texts[first : first + 2]):
        return next(k for k, x in enumerate(block.lines) if isinstance(x, str) and x.strip()) + 1 if first else 0
    return None


@PASSES.rule(
    "copy-head",
    after="repeated-text",
    note=note(
        "normalization",
        "The database row or media partner's marker that opens the second copy of the text (with the copy "
        "of the routing header and preamble after it), where the first copy's last paragraph ran on into it "
        "or it stands as paragraphs before the copy's text, is a wrapper of the copy, not text; the signer's "
        "name before it ends the first copy, a line of its own.",
    ),
)
def copy_head(blocks: list[Block], run: Run) -> list[Block]:
    """The row and the preamble's copy that open the second copy, out of the text."""
    at = next((k for k, b in enumerate(blocks) if isinstance(b, CopyStart)), None)
    if at is None:
        return blocks
    out = list(blocks)
    before = out[at - 1] if at else None
    head: list[Block] = []  # the blocks the copy opens with, the marker first
    if isinstance(before, Paragraph):
        cut = _cut_tail(before, _last_words(out))
        if cut is not None:
            kept, name, row = cut
            out[at - 1] = kept
            if name is not None:
                out.insert(at, Paragraph((name,)))
                at += 1
            head.append(AnonBlock("wrapper", row))
    k = at + 1
    while k < len(out) and not _starts_copy(out[k]):
        block, begin = out[k], _head_block(out[k])
        if begin is not None:
            assert isinstance(block, Paragraph)
            if begin and k == at + 1 and not head:  # the first copy's signature, then the row
                out.insert(at, Paragraph(block.lines[:begin]))
                at, k = at + 1, k + 1
            out[k] = AnonBlock("wrapper", block.lines[begin:])
        k += 1
    if not head and out == blocks:
        return blocks
    out[at + 1 : at + 1] = head
    return out


def _starts_copy(block: Block) -> bool:
    """The copy's first paragraph: its number written back before its text (``1. (C) …``)."""
    if not isinstance(block, Paragraph) or block.n is not None:
        return False
    texts = _numbered_texts(block.lines)
    return bool(texts) and re.match(r"\s*\d{1,2}\s*[.)]", texts[0][1]) is not None
