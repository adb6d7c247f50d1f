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
from ..parsed import Block, Furniture, Heading, Line, PageBreak, Paragraph
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


_SLASHES = str.maketrans("/\\", "  ")


def is_fence(line: str) -> bool:
    """Whether a line is the teletype's ZFR fence around a cancel notice: ``////ZFR ZFR ZFR////``,
    ``\\\\ZFR IMI ZFR\\\\``, ``ZFR --- ZFR --- ZFR`` (ZFR, IMI, slashes and dashes only)."""
    words = [w for w in line.translate(_SLASHES).split() if w.strip("-")]
    return "ZFR" in words and all(w in ("ZFR", "IMI") for w in words)


def _cancel_line(line: str) -> bool:
    """Whether a line is ZFR (the teletype's fill) and at most a cancel order between: ``ZFR ZFR ZFR CANCEL
    TELEGRAM PER DRAFTER REQUEST``, ``CANCEL AND FILE MESSAGE WILL BE RESENT``, ``ZFR ZFR ZFR ZFR``."""
    if is_fence(line):
        return True
    words = line.split()
    while words and words[0] == "ZFR":
        words.pop(0)
    while words and words[-1] == "ZFR":
        words.pop()
    return not words or (words[0] == "CANCEL" and all(w.isalpha() and w.isupper() for w in words))


def _closes(line: str) -> bool:
    """Whether a line can close a fenced notice: a fence, or a rule of slashes (``////// /``, 09JAKARTA1369)."""
    return is_fence(line) or (len(line) >= 4 and not line.strip("/\\- "))


def _fenced(texts: list[str]) -> bool:
    """Whether lines are notices between fences: a ZFR fence first, a fence or a rule last, at most four lines
    between two fences, and those lines name ZFR or a cancelling (``PLS ZFR ABOVE PARIS 144 … MESSAGE WAS
    CANCELLED BY DRAFTER``, ``PLS ZFR JAKARTA 1369, BLANK ALL ASSOCIATED MCN/MRN``)."""
    if not is_fence(texts[0]) or not _closes(texts[-1]):
        return False
    between = [line for line in texts[1:-1] if not is_fence(line)]
    words = " ".join(between)
    run = 0
    for line in texts[1:-1]:
        run = 0 if is_fence(line) else run + 1
        if run > 4:
            return False
    return not between or "ZFR" in words or "CANCEL" in words.upper()


def _notice_at(texts: list[str]) -> int | None:
    """Where a block's cancel notice begins (it runs to the block's end), or None: the whole block when its
    every line is ZFR or a cancel order; else the first fence, when the lines from it are fenced notices
    (a ``Classified By`` field's lines before it, 10PARIS144)."""
    if texts[0].startswith("ZFR") and all(map(_cancel_line, texts)):
        return 0
    first = next((i for i, line in enumerate(texts) if is_fence(line)), None)
    return first if first is not None and _fenced(texts[first:]) else None


def _as_furniture(lines: tuple[Line, ...]) -> list[Block]:
    """A notice's lines as transmission furniture, each page break met among them kept as its own."""
    out: list[Block] = []
    for line in lines:
        if not isinstance(line, str):
            out.append(PageBreak(line))
        elif out and isinstance(out[-1], PageBreak) and out[-1].furniture.kind == "mark":
            mark = out[-1].furniture
            out[-1] = PageBreak(replace(mark, lines=(*mark.lines, ("transmission", line.strip()))))
        else:
            out.append(PageBreak(Furniture("mark", (("transmission", line.strip()),))))
    return out


@PASSES.rule(
    "cancel-notice",
    after="section-end-marker",
    trigger=("ZFR",),
    note=note(
        "normalization",
        "A transmission's cancel notice in the text (ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST; CANCEL AND "
        "FILE MESSAGE WILL BE RESENT between runs of ZFR; a notice between ////ZFR ZFR//// fences) is kept as "
        "transmission furniture (fw), out of the text flow.",
    ),
)
def cancel_notice(blocks: list[Block], run: Run) -> list[Block]:
    """``ZFR ZFR ZFR ZFR`` / ``CANCEL AND FILE MESSAGE WILL BE RESENT`` / ``ZFR ZFR ZFR ZFR`` (09REYKJAVIK158),
    ``ZFR ZFR ZFR CANCEL TELEGRAM PER DRAFTER REQUEST`` (09BRASILIA1263), ``////ZFR ZFR////`` / ``PLS ZFR ABOVE
    PARIS 144 … SORRY FOR ANY INCONVENIENCE.`` / ``////ZFR ZFR////`` (10PARIS144), a fence alone
    (``\\\\ZFR IMI ZFR\\\\``, 08ALGIERS1328): a bare block (or a heading) that is the teletype's notice, or ends in
    it, keeps the notice as furniture (fw type="transmission"), not a heading or a paragraph of the cable."""
    out: list[Block] = []
    for block in blocks:
        out.append(block)
        if not (isinstance(block, Paragraph) and is_bare(block)) and not isinstance(block, Heading):
            continue  # (a heading too: the notice between rules, ``-----`` / ``ZFR ZFR …`` / ``-----``)
        texts = [x.strip() for x in text_lines(block.lines)]
        at = _notice_at(texts) if texts and all(texts) else None
        if at is None or (at and isinstance(block, Heading)):
            continue
        cut = [i for i, line in enumerate(block.lines) if isinstance(line, str)][at]
        out[-1:] = [replace(block, lines=block.lines[:cut])] if cut else []
        out.extend(_as_furniture(block.lines[cut:]))
    return out if out != blocks and _more_than_a_name(out) else blocks


def _more_than_a_name(blocks: list[Block]) -> bool:
    """Whether text blocks hold more than a signature's few words: a cable that is only its cancel notice and a
    name (09JAKARTA1369) keeps the notice as its text, so that the name closes it."""
    words = 0
    for block in blocks:
        if isinstance(block, (Paragraph, Heading)):
            words += sum(len(line.split()) for line in text_lines(block.lines))
            if words > 3 or (isinstance(block, Paragraph) and (block.n is not None or block.items)):
                return True
    return False
