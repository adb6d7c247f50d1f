"""Stage "blocks", chain ``blocks.passes``: a title set off by dashed rules that stand a blank
line away from it. The chain is made in :mod:`convert.normalize.rules.blocks`; the rules that
take a rule touching its title (``underlined-heading``, ``dashed-heading``) are there.
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import AnonBlock, Block, Heading, PageBreak, Paragraph
from .blocks import PASSES, terminal, text_lines
from .fields import field_kind, is_wrapper
from .ruler import Run
from .runs import TITLE_LIMIT, has_lower, is_bare, last_text, title_case, wrapped_title_lines

#: a title's length: at most this many characters and words (a line of its own, or two when
#: rules stand above and below it); boxed by rules above and below, as long as a title a rule
#: touches may be (``dashed-heading``'s measure: ``Muslim countries should play lead role in Iraq And
#: help solve the Israeli-Palestinian dispute``, 07ISLAMABAD1583)
_TITLE_CHARS = 90
_TITLE_WORDS = 14
_BOXED_WORDS = 24
#: a post's trailer set between rules (``Visit Embassy Madrid's Classified Website; http://…``)
_NOT_TITLE = re.compile(r"://|\bwww\.|Classified Web ?Site", re.I)


def is_rule(block: Block | None) -> bool:
    return isinstance(block, AnonBlock) and block.type == "rule"


def is_title(texts: list[str], two_lines: bool, run: Run, boxed: bool = False) -> bool:
    """Whether the lines read as a title: short (longer ``boxed`` by rules above and below it), beginning with
    a capital (or a quotation mark and one, or an ellipsis and words written as a title), not running on (no
    trailing comma or semicolon), no field or wrapper line; two lines where ``two_lines`` allows."""
    if not texts or len(texts) > (2 if two_lines else 1):
        return False
    title = " ".join(t.strip() for t in texts)
    chars, words = (TITLE_LIMIT, _BOXED_WORDS) if boxed else (_TITLE_CHARS, _TITLE_WORDS)
    if not title or len(title) > chars or len(title.split()) > words or _NOT_TITLE.search(title):
        return False
    opened = title.lstrip("\"'“‘")
    first = opened[:1]
    if opened.startswith(("...", "\u2026")):  # the next title goes on one before it: ``...but Attention Shifts``
        rest = opened.lstrip(".\u2026 ")
        first = "A" if rest[:1].isupper() or title_case(rest) else ""
    if not (first.isupper() or first.isdigit()) or title[-1] in ",;":
        return False
    return all(field_kind(t, run.trial()) is None and not is_wrapper(t) for t in texts)


@PASSES.rule("ruled-heading", after="headings")
def ruled_heading(blocks: list[Block], run: Run) -> list[Block]:
    """``-----`` / blank / ``GETTING THE PMDB ON BOARD`` / blank / ``-----`` / blank / ``¶6. …``:
    a short title between two dashed rules, each a blank line away from it (a box drawn around
    a section's title), is a heading; so is a title with a rule under it, a blank line between,
    when a numbered paragraph follows the rule (``Whistleblower Requests Refuge in the U.S.`` /
    ``-----`` / blank / ``¶9. …``), and a title's first line ending in a comma a blank line
    above it, under the box's top rule or a finished paragraph (``GOC SEES STRATEGIC
    ADVANTAGE,`` / blank / ``GOE SEEKS PROGRESS ON ISSUES`` / blank / ``-----``, 09BOGOTA3093).
    A page break may stand between the title and its rule, and between the rule and the paragraph
    (``NO 2ND REVOLUTION`` / blank / ``-----`` / a page line / ``¶12. …``, 10RPODUBAI15). The
    rules stay lines of their own (``ab type="rule"``); a title over two lines so is one heading."""
    out: list[Block | None] = list(blocks)
    for index in range(len(blocks) - 1):
        block = blocks[index]
        if not (isinstance(block, Paragraph) and is_bare(block)):
            continue
        below = index + 1  # (a page break between the title and its rule: ``Business Environment`` /
        while below < len(blocks) - 1 and isinstance(blocks[below], PageBreak):  # a page line / ``-----``, 08NAPLES96)
            below += 1
        if not is_rule(blocks[below]):
            continue
        boxed = index > 0 and is_rule(blocks[index - 1])
        after = next((b for b in blocks[below + 1 :] if not isinstance(b, PageBreak)), None)  # (behind a page break)
        if not boxed and not (isinstance(after, Paragraph) and after.n is not None):
            continue
        texts = text_lines(block.lines)  # (a title wrapped over two lines, written as a title: not a sentence)
        wrapped = wrapped_title_lines(texts) and (not has_lower(texts[0]) or title_case(" ".join(texts)))
        if is_title(texts, boxed or wrapped, run, boxed):
            out[index] = Heading(block.lines)
            first = _first_line(blocks[index - 1], run) if index > 1 and _closed(blocks[index - 2]) else None
            if first is not None:  # (one title over its two lines, as the rule under it underlines both)
                out[index - 1], out[index] = Heading((*first.lines, *block.lines)), None
    kept = [b for b in out if b is not None]
    return kept if kept != blocks else blocks


def _closed(block: Block) -> bool:
    """Whether a title's first line can start after ``block``: a rule (the box's top), or a
    paragraph whose text ends a sentence (``… in the border area.`` / blank / ``GOC SEES
    STRATEGIC ADVANTAGE,`` / blank / ``GOE SEEKS PROGRESS ON ISSUES`` / blank / ``-----``,
    09BOGOTA3093's double-spaced text)."""
    if is_rule(block):
        return True
    if not isinstance(block, Paragraph):
        return False
    return terminal(last_text(list(block.items[-1].lines if block.items else block.lines)))


def _first_line(block: Block, run: Run) -> Paragraph | None:
    """A title's first line, a blank line above the rest (``GOC SEES STRATEGIC ADVANTAGE,`` /
    blank / ``GOE SEEKS PROGRESS ON ISSUES`` / ``-----``): one line ending in a comma, or in capitals
    and a colon (``POTENTIAL COOPERATION:`` / blank / ``RENEWABLES, INFRASTRUCTURE PROTECTION``, 09ABUDHABI1151)."""
    if not (isinstance(block, Paragraph) and is_bare(block)):
        return None
    texts = text_lines(block.lines)
    line = texts[0].rstrip() if len(texts) == 1 else ""
    if (line.endswith(",") or (line.endswith(":") and line.isupper())) and is_title([line[:-1]], False, run):
        return block
    return None


#: a section's label, a title of its own (``Summary``, ``COMMENT:``): no title's second line
_SECTION_LABEL = re.compile(
    r"(?:SUMMARY|COMMENTS?|BACKGROUND|INTRODUCTION|CONCLUSIONS?|ACTION\s+REQUESTS?|KEY\s+POINTS|OVERVIEW)\s*[:.]?", re.I
)


@PASSES.rule("glued-title-line", after="ruled-heading")
def glued_title_line(blocks: list[Block], run: Run) -> list[Block]:
    """``¶4. (C) … in Hefei.`` / ``Institute of Optics and Fine Mechanics - Spectrometry & Fiber Optic`` / blank /
    ``Research`` / ``-----`` (10BEIJING263): a title wrapped over two lines, a blank line between them, whose first
    line follows the paragraph above with no blank line, is one heading: the paragraph's last line, after a finished
    sentence, that ends none, and the heading's one line make a title written as one (in capitals or as a title),
    the first line long enough to have wrapped."""
    out = list(blocks)
    for index in range(1, len(blocks)):
        heading, block = blocks[index], blocks[index - 1]
        if not isinstance(heading, Heading) or not isinstance(block, Paragraph) or block.items:
            continue
        rest, texts = text_lines(heading.lines), text_lines(block.lines)
        if len(rest) != 1 or len(texts) < 2 or block.lines[-1] is not texts[-1] or not terminal(texts[-2]):
            continue
        pair = [texts[-1].strip(), rest[0].strip()]
        title = " ".join(pair)
        if terminal(pair[0]) or not wrapped_title_lines(pair) or not (not has_lower(title) or title_case(title)):
            continue
        if _SECTION_LABEL.fullmatch(pair[1]):
            continue  # (``Leon Valencia, New Rainbow Foundation`` / ``Summary``: a list's last entry, a title)
        if is_title(pair, True, run):
            out[index - 1] = dataclasses.replace(block, lines=block.lines[:-1], tokens=())
            out[index] = dataclasses.replace(heading, lines=(block.lines[-1], *heading.lines))
    return out if out != blocks else blocks
