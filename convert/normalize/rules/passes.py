"""Stage "blocks", chain ``blocks.passes``: passes over all the blocks of the body, in order
(renumbering, lists attached to their paragraph, media partners' rows and copies, headings).
The chain is made in :mod:`convert.normalize.rules.blocks`; its rules are here, in order."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable

from ..parsed import Anchored, AnonBlock, Block, Furniture, Heading, ItemList, PageBreak, Paragraph
from .blocks import PASSES, text_lines
from .copies import ROW_CABLE, ROW_DAY, ROW_ID, ROW_REFS, ROW_START, row_field
from .fields import field_kind, is_wrapper
from .figures import mostly_figures
from .listed import ends_entries
from .ruler import Run, note
from .runs import heading_title, is_bare, label_alone, mixed_case, wrapped_title_lines
from .wrappedtitle import MARKED_TITLE


# ---------------------------------------------------------------- passes
def _alt_number(num: int) -> int | None:
    """``11`` -> ``1``: a damaged pilcrow read as a leading 1."""
    text = str(num)
    if len(text) >= 2 and text[0] == "1":
        return int(text[1:]) or None
    return None


@PASSES.rule(
    "paragraph-renumber",
    note=note(
        "correction",
        "A paragraph number damaged in copying (11., 12., 13. where the sequence shows ¶1–¶3: the web "
        "page's ¶ read as a 1) is corrected (sic/corr, certainty high).",
    ),
)
def paragraph_renumber(blocks: list[Block], run: Run) -> list[Block]:
    """``11.`` read for ``¶1.`` (the pilcrow damaged into a 1) is paragraph 1 when the
    sequence confirms it; not where the page's ¶ stands before the number (``¶15.``)."""
    numbered = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    out = list(blocks)
    last = 0
    for position, index in enumerate(numbered):
        block = out[index]
        assert isinstance(block, Paragraph) and block.n is not None
        num = block.n
        alt = None if isinstance(block.label, Anchored) else _alt_number(num)
        if num != last + 1 and alt == last + 1:
            later = blocks[numbered[position + 1]] if position + 1 < len(numbered) else None
            nxt = later.n if isinstance(later, Paragraph) else None
            confirmed = nxt is None or nxt in (alt + 1,) or _alt_number(nxt) == alt + 1
            if confirmed and (nxt is None or nxt != num + 1 or _alt_number(nxt) == alt + 1):
                out[index] = Paragraph(block.lines, alt, block.label, f"{alt}.", block.marking, block.items)
                num = alt
        last = num
    return out if out != blocks else blocks


@PASSES.rule("attach-lists")
def attach_lists(blocks: list[Block], run: Run) -> list[Block]:
    """A list that follows a paragraph belongs to it (``2. (C) … : A. … B. …``)."""
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if isinstance(block, ItemList) and isinstance(prev, Paragraph):
            out[-1] = dataclasses.replace(prev, items=prev.items + block.items)
            continue
        out.append(block)
    return out if len(out) != len(blocks) else blocks


def _row_lines(block: Block) -> list[str]:
    """The lines of a bare block that are all a database row's fields ([]: it is not one)."""
    if not (isinstance(block, Paragraph) and is_bare(block) and all(isinstance(x, str) for x in block.lines)):
        return []
    texts = text_lines(block.lines)
    return texts if texts and all(row_field(t) or ROW_DAY.match(t) for t in texts) else []


def _is_row(rows: list[list[str]]) -> bool:
    """Blocks of a row's fields, one a line: three at least, beginning with the row's number or
    day; blocks of several lines (``1113`` / ``2000-06-07``) only where the row names a cable."""
    lines = [t for texts in rows for t in texts]
    first = lines[0] if lines else ""
    if len(lines) < 3 or not (ROW_ID.match(first) or ROW_DAY.match(first)):
        return False
    return len(lines) == len(rows) or any(ROW_CABLE.match(t) for t in lines)


def _refs_cell_head(block: Block) -> bool:
    """A row's last field, the cables it names (``09SECSTATE112828|09THEHAGUE615``), run on
    into the head of the text's next copy: its banner (a section mark), then its handling and
    office lines (``… IO/HR FOR PAUL KRUCHOWSKI …``, 09THEHAGUE668)."""
    if not (isinstance(block, Paragraph) and is_bare(block) and block.lines and isinstance(block.lines[0], str)):
        return False
    return bool(ROW_REFS.match(block.lines[0])) and any(
        isinstance(x, Furniture) and x.kind == "section" for x in block.lines[1:]
    )


@PASSES.rule("database-rows")
def database_rows(blocks: list[Block], run: Run) -> list[Block]:
    """A media partner's database row inside the text (id, date, refid, origin,
    classification, one per line, a blank line or none between them) is a wrapper, not
    paragraphs of the cable; so is its last field, the cables it names, where the head of the
    text's next copy runs on after it (:func:`_refs_cell_head`)."""
    out = list(blocks)
    index = 0
    while index < len(out):
        end, rows = index, []
        while end < len(out) and (found := _row_lines(out[end])):
            rows.append(found)
            end += 1
        if _is_row(rows):
            if end < len(out) and _refs_cell_head(out[end]):
                end += 1
            for k in range(index, end):
                out[k] = AnonBlock("wrapper", out[k].lines)  # type: ignore[union-attr]
            index = end
        else:
            index += 1
    return out if out != blocks else blocks


def _wrapper_text(block: Block) -> str:
    return " ".join(text_lines(block.lines)) if isinstance(block, AnonBlock) and block.type == "wrapper" else ""


_DUMP_HEAD = re.compile(r"(?:^|\s)header:(?:\s|$)|^\s*VZCZC|^\s*[A-Z]{2}\s+R[A-Z]{4}\b")


@PASSES.rule("wrapper-block", after="database-rows")
def wrapper_block(blocks: list[Block], run: Run) -> list[Block]:
    """A line of a media partner's or an archive's wrapper standing alone among the cable's
    paragraphs (``----- header ends -----``, a dateline), with a numbered paragraph after it,
    is a wrapper block (``ab type="wrapper"``), not a paragraph or a heading of the cable (at
    the end of the text the closing stage keeps such lines in the closer)."""
    out = list(blocks)
    numbered_after = False
    for index in range(len(blocks) - 1, -1, -1):
        block = blocks[index]
        if isinstance(block, Paragraph) and block.n is not None:
            numbered_after = True
            continue
        if not numbered_after or not isinstance(block, Paragraph) or not is_bare(block):
            continue  # (a marked paragraph's line is the cable's text: its marking would be lost)
        texts = text_lines(block.lines)
        if len(texts) == 1 and is_wrapper(texts[0]):
            out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks


@PASSES.rule("dump-header", after="wrapper-block")
def dump_header(blocks: list[Block], run: Run) -> list[Block]:
    """A database dump's copy of the routing header, from its row's ``header:`` (or the
    header's first line, ``VZCZCXYZ0001``) to the line ``----- header ends -----``, is part
    of the wrapper, not paragraphs of the cable."""
    out = list(blocks)
    for end, block in enumerate(blocks):
        if "header ends" not in _wrapper_text(block):
            continue
        start = end
        while start > 0 and end - start < 8:
            before = blocks[start - 1]
            if not (isinstance(before, Paragraph) and is_bare(before)):
                break
            start -= 1
        first = next((k for k in range(start, end) if _DUMP_HEAD.search(" ".join(text_lines(blocks[k].lines)))), None)  # type: ignore[union-attr]
        for k in range(first if first is not None else end, end):
            out[k] = AnonBlock("wrapper", blocks[k].lines)  # type: ignore[union-attr]
    return out if out != blocks else blocks


#: the rest of a media partner's CSV row: its references, then the routing header or the
#: banner of its copy of the cable in quotes (``CONFIDENTIAL,,"VZCZCXYZ0003 OO RUEHWEB``); or a
#: row's origin wrapped: its end, then the classification (``Hague",CONFIDENTIAL,05THEHAGUE2377``)
_CSV_COPY = re.compile(
    r',\s*"(?:VZCZC|[A-Z]{2}\s+R[A-Z]{4}\b)|",\s*"(?:[A-Z] ?){6}|^\d{3,7},\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d,\d\d[A-Z]'
    r'|^[A-Za-z][A-Za-z .\'-]{0,40}",(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?,',
    re.M,
)


@PASSES.rule("csv-copy", after="dump-header")
def csv_copy(blocks: list[Block], run: Run) -> list[Block]:
    """``CONFIDENTIAL,,"VZCZCXYZ0003 OO RUEHWEB DE RUEHTC …","C O N F I D E N T I A L …``: an
    unnumbered block that goes on with a media partner's CSV row (the routing header and the
    banner of its copy of the cable, in quotes) is wrapper, not text of the cable."""
    return _copies_as_wrapper(blocks, _csv_row)


def _csv_row(texts: list[str]) -> bool:
    """Whether the first lines go on with a CSV row (every match holds a comma: a text without
    one is not searched, the pattern tried at each of its positions)."""
    head = "\n".join(texts[:3])
    return "," in head and bool(_CSV_COPY.search(head))


def _copies_as_wrapper(blocks: list[Block], is_copy: Callable[[list[str]], bool]) -> list[Block]:
    """Each unnumbered block whose first lines ``is_copy`` says are a copy's, as wrapper."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and is_bare(block):
            texts = text_lines(block.lines)
            if texts and is_copy(texts):
                out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks


#: the first lines of a copy of the routing header: the transmission line, the routing
#: indicators, the DE line, a precedence and date-time group with the FM line after it, or a
#: database row that goes on with its ``header: VZCZC…``
_ROUTING_COPY = re.compile(
    r"^\s*+(?:VZCZC[A-Z0-9]{4,}|([OPRZ])\1\s++R[UH][A-Z]{3,5}(?:\s++R[UH][A-Z]{3,5})*+(?:\s+DE\s|\s*+$)"
    r"|DE\s++R[A-Z]{3,5}\s++#\d{3,5}\b|(?:[OPRZ]\s++)++\d{6}Z\s++[A-Z]{3}\s++\d{2}\s*+FM\s|.{0,200}?\bheader:\s*+VZCZC)"
)


@PASSES.rule("routing-copy", after="csv-copy")
def routing_copy(blocks: list[Block], run: Run) -> list[Block]:
    """``VZCZCXRO0704 OO RUEHFL … DE RUEHFR #2212/01 3401818 ZNY SSSSS ZZH O 051818Z DEC 08 FM
    AMEMBASSY PARIS TO …``, ``O 271233Z JAN 09 FM AMEMBASSY QUITO TO SECSTATE …``, ``… Embassy
    Lima CONFIDENTIAL destination: header: VZCZCXYZ0000 RR RUEHWEB``: an unnumbered block that
    begins with a routing header (a media partner's or a database's copy of the cable's header,
    in the text) is wrapper, not text of the cable."""
    return _copies_as_wrapper(blocks, lambda texts: bool(_ROUTING_COPY.match(" ".join(texts[:3]))))


def _preview_line(block: Paragraph) -> str:
    """A numbered paragraph's first line as written (its label and portion marking again)."""
    first = next((x for x in block.lines if isinstance(x, str)), "")
    return " ".join(x for x in (block.label, block.marking, first) if x)


@PASSES.rule(
    "preview-copy",
    after="routing-copy",
    note=note(
        "normalization",
        "A media partner's preview of the cable (its first paragraph cut short with ..., before the row that "
        "names the cable and the full text) is part of the wrapper, not the cable's first paragraph.",
    ),
    trigger=("...", "id:"),
)
def preview_copy(blocks: list[Block], run: Run) -> list[Block]:
    """``¶1. (SBU) Ayacucho's economy turns on narcotr...`` / ``id: 87334 …`` / the cable again,
    ``¶1. (SBU) Ayacucho's economy turns on narcotrafficking, …``: a numbered paragraph cut
    with ``...`` in its first 200 characters, or whose line goes on into the partner's row
    with no blank line (``¶1. (C) Summar`` / ``id: 137434``), whose number is the next
    numbered paragraph's too, is a media partner's preview of the cable: a wrapper block. The
    full copy keeps the number."""
    numbered = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    out = list(blocks)
    for index, later in itertools.pairwise(numbered):
        block, again = blocks[index], blocks[later]
        assert isinstance(block, Paragraph) and isinstance(again, Paragraph)
        if block.n != again.n or block.items:
            continue  # (asked first: the number is read, the text searched)
        texts = text_lines(block.lines)
        if not ("..." in " ".join(texts)[:200] or any(ROW_START.match(t) for t in texts[1:])):
            continue
        first = next(k for k, x in enumerate(block.lines) if isinstance(x, str))
        lines = (*block.lines[:first], _preview_line(block), *block.lines[first + 1 :])
        out[index] = AnonBlock("wrapper", lines)
    return out if out != blocks else blocks


@PASSES.rule(
    "preview-cut-mark",
    after="preview-copy",
    note=note(
        "normalization",
        "A media partner's cut mark (...) alone before its database row, where its preview of the cable stops, "
        "is part of the wrapper, not a paragraph of the text.",
    ),
    trigger=("...", "\u2026"),
)
def preview_cut_mark(blocks: list[Block], run: Run) -> list[Block]:
    """``SUBJECT: …`` / ``...`` / ``215474`` / ``2009-07-07`` (09THEHAGUE404), ``REF: … C. 09 THE HAGUE
    0078`` / ``...`` / ``191568,2/11/2009 14:57,09THEHAGUE92,…`` (the CSV row): an unnumbered block of
    nothing but an ellipsis, right before a wrapper block, is where the partner's preview was cut."""
    out = list(blocks)
    for index, (block, following) in enumerate(itertools.pairwise(blocks)):
        if (isinstance(block, Paragraph) and block.n is None and not block.items and block.marking is None
                and isinstance(following, AnonBlock) and following.type == "wrapper"
                and "".join(text_lines(block.lines)).strip() in ("...", "\u2026")):
            out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks


#: a quote's end, a Classified By line's reasons on a line of their own (08TRIPOLI455): no heading
NOT_HEADING = ("END TEXT", "END QUOTE", "END OF TEXT", "UNQUOTE", "UNQTE", "REASON:", "REASONS:", "REASON 1.")
#: (a hyphen or two glued to the title's last word: what the teletype kept of its rule, ``-----
#: Candidate for Governor Offers a Critique-14. (U)`` cut by ``glued-heading``)
DASHED_TITLE = re.compile(
    r"^(?:-{3,}\s*)?(?P<title>.*?)(?P<dashes>(?<!\s)\s++-{3,}+|(?<!-)-{3,}+|(?<=[A-Za-z)])-{1,2})?$"
)


@PASSES.rule("headings")
def headings(blocks: list[Block], run: Run) -> list[Block]:
    """A short line standing alone before a numbered paragraph (a page break may stand between),
    without a full stop, in a cable written in mixed case, is a heading (MILITARY UPDATE, A New Era
    Begins, or a title with its dashes on the same line; a longer one in capitals, 08TRIPOLI936; a
    title wrapped over two lines); not a quote's end (END TEXT), a Classified By line's REASON, nor
    the answer under a label alone (``PURPOSE:`` / ``For commercial resale in Costa Rica``)."""
    if not mixed_case(blocks):
        return blocks
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not (isinstance(block, Paragraph) and is_bare(block) and _numbered_after(blocks, index)):
            continue
        if (index and _awaits_value(blocks[index - 1])) or ends_entries(blocks, index):
            continue  # (the answer under a label: ``PURPOSE:`` / ``For commercial resale …``; a list's last entry)
        texts = text_lines(block.lines)
        if len(texts) == 2 and _wrapped_title(texts, run):
            out[index] = Heading(block.lines)
            continue
        if len(texts) != 1 or field_kind(texts[0], run.trial()) is not None:
            continue  # a late REF or Classified By line, not a heading
        match = DASHED_TITLE.match(texts[0].strip())
        title = match["title"] if match else ""
        plain = MARKED_TITLE.sub("", title, count=1)  # (its portion marking before it: ``(S//NF) Summary``)
        if heading_title(plain) and not title.startswith(NOT_HEADING) and not mostly_figures((title,)):
            dashes = bool(match and match["dashes"])  # the rule is recorded as rend, like a dashed underline
            out[index] = Heading((title,) if dashes else block.lines, "dashes" if dashes else None)
    return out if out != blocks else blocks



def _numbered_after(blocks: list[Block], index: int) -> bool:
    """Whether a numbered paragraph follows ``blocks[index]``, or a page break and then one (``COMMENT - A
    TRUE BELIEVER …`` / page line / ``¶13.``, 09DUSHANBE1433; not a copy's mark)."""
    following = blocks[index + 1 : index + 3]
    if following and isinstance(following[0], PageBreak) and following[0].furniture.kind == "page":
        following = following[1:]
    return bool(following) and isinstance(following[0], Paragraph) and following[0].n is not None


#: the longest label alone (its text, the paragraph's number and marking apart) an answer may follow
_LABEL_ALONE = 40


def _awaits_value(block: Block) -> bool:
    """Whether a block is a short label alone, its colon last (``PURPOSE:``, ``Participants: United
    States:``), so that the short line after it is its answer or entry, not a heading (09STATE83456,
    09KYIV1942); a paragraph's lead line that ends in a colon (``… in the Egyptian press:``) is longer."""
    if not isinstance(block, Paragraph) or block.items:
        return False
    text = " ".join(x.strip() for x in text_lines(block.lines))
    return text.endswith(":") and len(text) <= _LABEL_ALONE


def _wrapped_title(texts: list[str], run: Run) -> bool:
    """A title wrapped over two lines (``Proposed US-Spain-Morocco Technical Exercises on Nuclear``
    / ``Emergency Management``, 10MADRID192: ``wrapped_title_lines``), no sentence's end inside,
    no field, and the whole a title by ``heading_title``'s measure."""
    title = " ".join(x.strip() for x in texts)
    if not wrapped_title_lines(texts) or ". " in title or title.startswith(NOT_HEADING):
        return False
    return heading_title(title) and all(field_kind(x, run.trial()) is None for x in texts)


@PASSES.rule("label-heading", after="headings")
def label_heading(blocks: list[Block], run: Run) -> list[Block]:
    """``Comment:`` / ``¶12. (C) …``, ``GOB REACTIONS:`` / ``¶3. …``: a label of five words at
    most, its colon last, standing alone before a numbered paragraph (a page break between them
    or not) heads it (the ``headings`` pass takes no title that ends in a colon, nor any in a
    cable written in capitals). Every word of four letters or more opens with a capital
    (``Follow the Money:``, not ``They noted the following:``); not a letter's salutation
    (``MADAM SECRETARY:``), a quote's end (``End Text:``) nor a field (``REF:``). The colon
    stays in the heading, as written."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or not is_bare(block) or len(block.lines) > 3:
            continue
        texts = text_lines(block.lines)
        title = texts[0].strip() if len(texts) == 1 else ""
        if not label_alone(title) or field_kind(texts[0], run.trial()) is not None:
            continue
        following = next((b for b in blocks[index + 1 :] if not isinstance(b, PageBreak)), None)
        if not isinstance(following, Paragraph) or following.n is None or title.upper().startswith(NOT_HEADING):
            continue
        out[index] = Heading(block.lines)
    return out if out != blocks else blocks
