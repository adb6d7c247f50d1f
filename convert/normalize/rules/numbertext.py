"""Chain ``blocks.passes`` (continued from :mod:`.passes`): a number in a sentence that a copy
set at the start of a line, read as a paragraph's number.

Pages made from a database's flattened text (``1.(C) Key Points: …``, every paragraph on one
line) broke lines before a figure that ended a phrase, and the site anchored them as
paragraphs: ``… the attack on the Samarah Ahmed and Momtaz`` / ``¶1. MFA officials said …``
(09CAIRO1790: the ship is the Momtaz 1), ``… beyond the E3 or E3`` / ``¶1. The minority
opposed …`` (09BRUSSELS537: the E3+1), ``… civil liberties remained at`` / ``¶5. Freedom House
asserts …`` (10MANAMA30: a rating of 5). 5 pages.

``number-in-sentence`` puts such a line back in the paragraph before it: the number has no
portion marking where the paragraph before has one, it is out of the cable's order (that
paragraph's own number again, or one past the next), that paragraph's text stops without a
sentence's end, and the next numbered paragraph, if any, is the one after it. A lower number is
``backward-number-rejoin``'s (chain ``blocks.merge``: paragraphs never count back, so it needs
no look at the numbers after it). A list numbered inside a paragraph
(``1. A/S …``, ``2. Larry …``) has no marked paragraph right before each number, and stays.
"""

from __future__ import annotations

from ..parsed import Block, Heading, ListItem, Paragraph
from . import passes  # noqa: F401  (paragraph-renumber, which this rule goes after, registered first)
from .blocks import PASSES, dashed_title, terminal, text_lines
from .ruler import Run, note


def _stops_mid_sentence(block: Paragraph) -> bool:
    """Whether the paragraph's text (its last item's, if it has items) ends without a
    sentence's end: a word or a figure last."""
    lines = block.items[-1].lines if block.items else block.lines
    texts = [t for t in text_lines(lines) if t.strip()]
    return bool(texts) and not terminal(texts[-1]) and texts[-1].rstrip()[-1].isalnum()


def _in_sentence(before: Block, block: Block, after: int | None) -> bool:
    """Whether ``block`` is a number in the sentence that ``before`` leaves unfinished."""
    return (
        isinstance(block, Paragraph)
        and isinstance(before, Paragraph)
        and block.n is not None
        and not block.marking
        and before.n is not None
        and bool(before.marking)
        and (block.n == before.n or block.n > before.n + 1)  # (a lower one is backward-number-rejoin's)
        and (after is None or after == before.n + 1)
        and _stops_mid_sentence(before)
    )


@PASSES.rule(
    "number-in-sentence",
    after="paragraph-renumber",
    note=note(
        "normalization",
        "A figure that ends a phrase, set at the start of a line by the copy (… the Samarah Ahmed and Momtaz / "
        "1. MFA officials said …), is text of the paragraph before, not a paragraph's number: it has no portion "
        "marking where the paragraphs have one, is out of their order, and the sentence before it is unfinished.",
    ),
)
def number_in_sentence(blocks: list[Block], run: Run) -> list[Block]:
    """``1.(C) Key Points: … Samarah Ahmed and Momtaz`` / ``¶1. MFA officials said …`` /
    ``2.(C) …`` (09CAIRO1790): an unmarked numbered paragraph right after a marked one whose
    text stops mid-sentence, its number not the next, the next numbered paragraph the next:
    its number and text go on after the paragraph before's text (its last item's, if it has
    items): one paragraph; a title with its dashes after the number (``¶10. Post-Cairo Speech
    Plans -----``, 09CAIRO1725: ``… FY 09 and FY 10.``) stays a heading, the number alone goes on."""
    numbers = [(i, b.n) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    out = list(blocks)
    changed = False
    for k in range(len(numbers) - 1, 0, -1):  # from the end: a merge leaves the earlier indexes as they were
        (prev_index, _), (index, _) = numbers[k - 1], numbers[k]
        after = numbers[k + 1][1] if k + 1 < len(numbers) else None
        before, block = out[prev_index], out[index]
        if index != prev_index + 1 or not _in_sentence(before, block, after):
            continue
        assert isinstance(before, Paragraph) and isinstance(block, Paragraph)
        head = f"{block.label or block.n}"
        first = next((x for x in block.lines if isinstance(x, str)), "")
        rest = list(block.lines)
        title = dashed_title(first) if first and len(rest) == 1 and not block.items else None
        if title:  # ``… and FY`` / ``¶10. Post-Cairo Speech Plans -----`` (09CAIRO1725): the title stays one
            rest = [head]
        elif first:
            rest[rest.index(first)] = f"{head} {first.lstrip()}"
        else:
            rest.insert(0, head)
        lines, items = (*before.lines, *rest), block.items
        if before.items:  # the sentence is the last item's (``Key Points: -- … Momtaz`` / ``¶1. …``)
            last = before.items[-1]
            lines = before.lines
            items = (*before.items[:-1], ListItem(last.label, (*last.lines, *rest), last.tokens), *block.items)
        out[prev_index] = Paragraph(lines, before.n, before.label, before.label_fix, before.marking, items,
                                    before.tokens, before.marked_first)
        if title:
            out[index] = Heading((title,), rend="dashes")
        else:
            del out[index]
        changed = True
    return out if changed else blocks
