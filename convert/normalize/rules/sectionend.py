"""Chain ``blocks.passes`` (continued from :mod:`.passes`): the end marker of a section that
another section follows, in a printout of a cable sent in sections.

A printout of a long cable (``This record is a partial extract of the original cable``,
91BERLIN3009) gives each section as it was received: its text, the page's bottom banner
(``UNCLASSIFIED``), ``NNNN``, then the next section's page line, distribution block and
routing. The closing stage takes the end marker after the last section; the ones between
sections are transmission furniture too, and so is the banner on its own line before them, or
before a page break that holds the same banner (`page-banner`).
"""

from __future__ import annotations

from dataclasses import replace

from ..banner import CLASSIFICATION_LINE
from ..parsed import Block, Furniture, Heading, PageBreak, Paragraph
from .blocks import PASSES, text_lines
from .closing import END_MARKER
from .ruler import Run, note
from .runs import is_bare


def _alone(block: Block) -> str | None:
    """The one line of a bare paragraph of one line, else None."""
    if not (isinstance(block, Paragraph) and is_bare(block)) or len(block.lines) != 1:
        return None
    texts = text_lines(block.lines)
    return texts[0].strip() if len(texts) == 1 else None


@PASSES.rule(
    "section-end-marker",
    before="attach-lists",
    note=note(
        "normalization",
        "An end-of-message marker (NNNN) between two sections of a printout, and the page's classification "
        "alone before it, are kept as transmission furniture (fw), out of the text flow.",
    ),
)
def section_end_marker(blocks: list[Block], run: Run) -> list[Block]:
    """``… 39,713 2.5`` / ``UNCLASSIFIED`` / ``NNNN`` / (page break) ``PAGE 01 BERLIN 03009 04 OF
    06`` …: ``NNNN`` (``NNN``) alone, with a page break or section banner right after it and
    text further on, is the end of a section's transmission (fw type="transmission"), and the
    classification alone right before it the page's bottom banner (fw type="footer")."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        line = _alone(block)
        if line is None or not line.upper().startswith("NNN") or not END_MARKER.match(line):
            continue
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if not isinstance(following, PageBreak) or not any(isinstance(b, Paragraph) for b in blocks[index + 2 :]):
            continue
        out[index] = PageBreak(Furniture("mark", (("transmission", line),)))
        before = _alone(blocks[index - 1]) if index else None
        if before is not None and CLASSIFICATION_LINE.match(before):
            out[index - 1] = PageBreak(Furniture("mark", (("footer", before),)))
    return out if out != blocks else blocks


@PASSES.rule(
    "page-banner",
    after="section-end-marker",
    note=note(
        "normalization",
        "A classification alone before a page break that holds the same banner (a printout's banner at the "
        "foot of one page and the head of the next) is kept as the page's furniture (fw), out of the text flow.",
    ),
)
def page_banner(blocks: list[Block], run: Run) -> list[Block]:
    """``… OFFSET BY A DROP IN SHORT-TIME LABOR`` / ``UNCLASSIFIED`` / ``UNCLASSIFIED`` / ``PAGE 03
    BERLIN 03009 02 OF 06``: a classification alone right before a page break that already holds
    the same banner is the page's other banner (a printout gives one at the bottom of a page and
    one at the top of the next): fw type="footer", as the page break's. So is the classification
    that opens a paragraph the page break goes on in (``UNCLASSIFIED`` / ``PAGE 03 BERLIN 03009
    05 OF 06`` / ``TOTAL 33.4 …``, no blank line under the page line: the text of the next page
    was run on after the banner)."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        line = _alone(block)
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if line is not None and isinstance(following, PageBreak) and _holds(following.furniture, line):
            out.append(PageBreak(Furniture("mark", (("footer", line),))))
            continue
        if isinstance(block, Paragraph) and is_bare(block) and len(block.lines) > 2:
            head = block.lines[0]
            if isinstance(head, str) and _holds(block.lines[1], head.strip()):
                footer = PageBreak(Furniture("mark", (("footer", head.strip()),)))
                out += [footer, replace(block, lines=block.lines[1:])]
                continue
        out.append(block)
    return out if out != blocks else blocks


def _holds(page: object, line: str) -> bool:
    """Whether ``page`` is a page break's furniture that holds the classification ``line``."""
    return (isinstance(page, Furniture) and page.kind == "page" and CLASSIFICATION_LINE.match(line) is not None
            and any(text.strip() == line for _, text in page.lines))


def _cancel_line(line: str) -> bool:
    """Whether a line is ZFR (the teletype's fill) and at most a cancel order between: ``ZFR ZFR ZFR CANCEL
    TELEGRAM PER DRAFTER REQUEST``, ``CANCEL AND FILE MESSAGE WILL BE RESENT``, ``ZFR ZFR ZFR ZFR``."""
    words = line.split()
    while words and words[0] == "ZFR":
        words.pop(0)
    while words and words[-1] == "ZFR":
        words.pop()
    return not words or (words[0] == "CANCEL" and all(w.isalpha() and w.isupper() for w in words))


@PASSES.rule(
    "cancel-notice",
    after="section-end-marker",
    trigger=("ZFR",),
    note=note(
        "normalization",
        "A transmission's cancel notice in the text (ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST; CANCEL AND "
        "FILE MESSAGE WILL BE RESENT between runs of ZFR) is kept as transmission furniture (fw), out of the "
        "text flow.",
    ),
)
def cancel_notice(blocks: list[Block], run: Run) -> list[Block]:
    """``ZFR ZFR ZFR ZFR`` / ``CANCEL AND FILE MESSAGE WILL BE RESENT`` / ``ZFR ZFR ZFR ZFR`` (09REYKJAVIK158),
    ``ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST`` (09BRASILIA1263): a bare block (or a heading) whose first line
    begins with ZFR and whose every line is ZFR or a cancel order is the teletype's notice (fw
    type="transmission"), not a heading or a paragraph of the cable."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and is_bare(block)) and not isinstance(block, Heading):
            continue  # (a heading too: the notice between rules, ``-----`` / ``ZFR ZFR …`` / ``-----``)
        texts = [x.strip() for x in text_lines(block.lines) if x.strip()]
        if not texts or not texts[0].startswith("ZFR") or len(texts) != len(block.lines):
            continue
        if all(map(_cancel_line, texts)):
            out[index] = PageBreak(Furniture("mark", tuple(("transmission", line) for line in texts)))
    return out if out != blocks else blocks
