"""Stage "blocks", chain ``blocks.passes``: a numbered paragraph whose first line is a title over
its dashed rule, the paragraph's text a blank line below. The chain is made in
:mod:`convert.normalize.rules.blocks`; the rules that take a title standing alone over its rule
(a heading: ``underlined-heading``, ``ruled-heading``) are there and in ``ruled``.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, Furniture, Heading, Line, Paragraph
from .blocks import PASSES, text_lines
from .ruled import is_rule, is_title
from .ruler import Run, note

#: a title with its rule on the same line (``Application procedure -------------------------``)
#: (the title's words taken a word and its spaces at a time: linear on long runs of blanks)
_TITLE_RULE = re.compile(r"^\s*+(?P<title>\S(?:\s*+\S)*?)\s++(?P<rule>-{5,}+(?: ++-++)*+)\s*+$")


#: what a title is not: a sentence (``… cleared this report.``, ``U.S.``), a table's head
#: (``Drug Seizures 2001 2002``)
_NOT_TITLE = re.compile(r"\.\s*$|\b\d{2,}\b.*\b\d{2,}\b")
#: a table's column rules (``---- --------``), not a title's rule (the teletype's wrapped at 45 is)
_COLUMNS = re.compile(r"^\s*(?!-{45}\s)-+\s+-")


def _titled(text: str, run: Run) -> bool:
    return is_title([text], False, run) and not _NOT_TITLE.search(text)


def _rule_mark(text: str) -> Furniture:
    return Furniture("mark", (("separator", text.strip()),))


def _head(block: Block, rule: Block | None, run: Run) -> tuple[Line, ...] | None:
    """The lines a numbered paragraph's head becomes (its title, then its rule as a mark out of
    the text), when the paragraph is nothing but a title over a rule: the rule on the title's
    line, or (``rule``) the block after it; None when it is not."""
    if not (isinstance(block, Paragraph) and block.n is not None and not block.items):
        return None
    if len(block.lines) != 1 or not isinstance(block.lines[0], str):
        return None
    line = block.lines[0]
    match = _TITLE_RULE.match(line) if line.rstrip().endswith("-") else None  # (its rule ends the line)
    if match and rule is None and _titled(match["title"], run) and not _COLUMNS.match(match["rule"]):
        return (match["title"], _rule_mark(match["rule"]))
    rules = text_lines(rule.lines) if rule is not None else []  # type: ignore[union-attr]
    if not match and rules and _titled(line, run) and not any(_COLUMNS.match(text) for text in rules):
        return (line, *(_rule_mark(text) for text in rules))
    return None


def _in_sequence(blocks: list[Block], index: int, n: int) -> bool:
    """Whether ``n`` follows the number of the numbered paragraph before ``index`` (or is 1)."""
    before = next((b.n for b in reversed(blocks[:index]) if isinstance(b, Paragraph) and b.n is not None), None)
    return n == 1 or before == n - 1


@PASSES.rule(
    "titled-paragraph",
    note=note(
        "normalization",
        "A numbered paragraph whose first line is a title over a dashed rule (2. Application procedure "
        "-------), its text a blank line below, is one paragraph: the number is the paragraph's, the title "
        "its head and the rule a separator kept out of the text (fw).",
    ),
    trigger=("-----",),
)
def titled_paragraph(blocks: list[Block], run: Run) -> list[Block]:
    """``2. Application procedure -------------------------`` / blank / ``The application
    assessment procedure …``, ``¶1. SUMMARY`` / ``-----------`` / blank / ``Topics of the week:
    …``: a numbered paragraph that is only a title (short, no field) with its rule, on its line
    or the next, in the sequence of the numbers before it, and then unnumbered, unmarked text:
    the text is the paragraph's, after its title; the rule is a separator mark (``fw``)."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        ruled = index + 1 < len(blocks) and is_rule(blocks[index + 1])
        at = index + (2 if ruled else 1)
        text = blocks[at] if at < len(blocks) else None
        head = _head(block, blocks[index + 1] if ruled else None, run)
        if (
            head is not None
            and isinstance(block, Paragraph)
            and isinstance(text, Paragraph)
            and text.n is None
            and text.marking is None
            and text_lines(text.lines)
            and _in_sequence(blocks, index, block.n or 0)
        ):
            out.append(
                dataclasses.replace(block, lines=(*head, *text.lines), items=text.items, tokens=())
            )
            index = at + 1
            continue
        out.append(block)
        index += 1
    return out if len(out) != len(blocks) else blocks


def _numbers_around(blocks: list[Block], index: int) -> tuple[int | None, int | None]:
    """The numbers of the numbered paragraphs before and after ``index``."""
    numbered = [(k, b.n) for k, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    before = next((n for k, n in reversed(numbered) if k < index), None)
    after = next((n for k, n in numbered if k > index), None)
    return before, after


@PASSES.rule(
    "misnumbered-title",
    after="titled-paragraph",
    note=note(
        "normalization",
        "A title over its dashed rule that carries a number out of the paragraphs' sequence (¶6, 10. "
        "Post-Cairo Speech Plans -------, ¶7) is a heading, its number kept in its text: no paragraph 10.",
    ),
    trigger=("-----",),
)
def misnumbered_title(blocks: list[Block], run: Run) -> list[Block]:
    """``6. (C) …`` / ``10. Post-Cairo Speech Plans -----------------------`` / ``7. (C) …``: a
    numbered paragraph that is only a title (no portion marking) with its rule on its line,
    right before a numbered paragraph whose number follows the one before it (its own number
    another, or the same: ``13. …`` / ``14. Review of documentation requirements … -----`` /
    ``14. The S/C noted …``, a wrapped ``DSC 14.`` before the title), is a heading (its dashes
    recorded as rend="dashes"), the number written kept as the heading's first word."""
    out = list(blocks)
    for index, block in enumerate(blocks[:-1]):
        following = blocks[index + 1]
        if not (isinstance(block, Paragraph) and block.n is not None and block.marking is None and not block.items):
            continue
        if not (isinstance(following, Paragraph) and following.n is not None):
            continue
        if len(block.lines) != 1 or not isinstance(block.lines[0], str) or not block.label:
            continue
        match = _TITLE_RULE.match(block.lines[0])
        if not match or not _titled(match["title"], run) or match["title"].upper().startswith("END "):
            continue
        before, _after = _numbers_around(blocks, index)
        if before is not None and following.n == before + 1 and (block.n != before + 1 or block.n == following.n):
            out[index] = Heading((f"{block.label} {match['title']}",), "dashes")
    return out if out != blocks else blocks


#: a title in capitals at a line's start, then a paragraph's number and portion marking (``HAITI
#: 5. (SBU) Affirming …``); the title's words taken a word at a time (linear on long runs)
_TITLE_NUMBER = re.compile(
    r"^\s*+(?P<title>[A-Z][A-Z'’,;:/&()-]*+(?:\s++[A-Z][A-Z'’,;:/&()-]*+){0,7}?)\s++"
    r"(?P<num>\d{1,3}+)\s?\.\s*+(?P<marking>\([A-Z]{1,4}+(?:[/ -]++[A-Z]{1,8}+){0,4}\))\s*+"
)


@PASSES.rule(
    "title-before-number",
    after="misnumbered-title",
    note=note(
        "normalization",
        "A title in capitals and the next paragraph's number and portion marking at the start of an unnumbered "
        "block (HAITI 5. (SBU) …: the line break after the title lost in copying) are a heading and a numbered "
        "paragraph, when the number is the next one and the cable has no paragraph of that number.",
    ),
)
def title_before_number(blocks: list[Block], run: Run) -> list[Block]:
    """``4. (S) … Bolivia …`` / blank / ``HAITI 5. (SBU) Affirming the USG's support …``
    (05BRASILIA715), ``LONG TERM SOLUTION NEEDED 8. (SBU) President Lula's …`` (10BRASILIA156): an
    unnumbered, unmarked block whose first line begins with a short title in capitals, then the
    number that follows the paragraph before (and that no paragraph of the cable has) with a
    portion marking, is the title as a heading and that paragraph."""
    numbers = {b.n for b in blocks if isinstance(b, Paragraph) and b.n is not None}
    out: list[Block] = []
    for block in blocks:
        found = _title_number(block)
        n = int(found["num"]) if found is not None else 0
        if found is None or n in numbers or not _titled(found["title"], run) or not _in_sequence(out, len(out), n):
            out.append(block)
            continue
        assert isinstance(block, Paragraph)
        rest = (found.string[found.end() :], *block.lines[1:])
        out += [Heading((found["title"],)), Paragraph(rest, n, f"{n}.", None, found["marking"], block.items)]
        numbers.add(n)
    return out if len(out) != len(blocks) else blocks


def _title_number(block: Block) -> re.Match[str] | None:
    """The title and number at the start of an unnumbered, unmarked block's first line."""
    if not (isinstance(block, Paragraph) and block.n is None and block.marking is None and block.lines):
        return None
    first = block.lines[0]
    return _TITLE_NUMBER.match(first) if isinstance(first, str) else None
