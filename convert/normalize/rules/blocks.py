"""Stage "blocks": the body's runs of lines as paragraphs, lists, headings and page breaks.

Chains (run by :mod:`convert.normalize.blocks`):

- ``blocks.cut`` ``(line) -> pieces | None``: each text line of the body (first match): a
  line that holds a mark of the transmission or a heading run into the text, cut in pieces
  (text lines and :class:`Furniture`, in order).
- ``blocks.starts`` ``(run_lines, line) -> bool | int``: a paragraph starts inside a run of
  lines (an int n > 1: it starts n - 1 lines back, with the title a rule underlines).
- ``blocks.merge`` ``(previous, furniture, chunk) -> bool``: two runs are one paragraph.
- ``blocks.kinds`` ``(chunk, texts, run) -> Block | None``: what a run of lines is (first
  match; none: a paragraph).
- ``blocks.items`` ``(lines) -> (head, items) | None``: a paragraph's text and the list items
  after it.
- ``blocks.passes`` ``(blocks, run) -> blocks``: passes over all blocks, in order.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from ..banner import BANNER_LEVEL
from ..parsed import Anchored, AnonBlock, Block, Furniture, Heading, ItemList, Line, ListItem, Paragraph
from .copies import ROW_DAY, ROW_ID, row_field
from .fields import field_kind, is_wrapper
from .ruler import Chain, Run, note

CUT: Chain[Callable[[str], list[Line] | None]] = Chain(
    "blocks.cut", "blocks", "A text line of the body: a mark or a heading run into it? (first match)"
)
STARTS: Chain[Callable[[list[Line], str], bool | int]] = Chain(
    "blocks.starts", "blocks", "Does a paragraph start inside the run of lines read so far?"
)
MERGE: Chain[Callable[[list[Line], list[Furniture], list[Line]], bool]] = Chain(
    "blocks.merge", "blocks", "Are two runs of lines one paragraph?"
)
KINDS: Chain[Callable[[list[Line], list[str], Run], Block | None]] = Chain(
    "blocks.kinds", "blocks", "What a run of lines is (first match; none: a paragraph)."
)
ITEMS: Chain[Callable[[list[Line]], tuple[list[Line], list[ListItem]] | None]] = Chain(
    "blocks.items", "blocks", "A paragraph's text and the list items after it."
)
PASSES: Chain[Callable[[list[Block], Run], list[Block]]] = Chain(
    "blocks.passes", "blocks", "Passes over all the blocks, in order."
)

PARA_START = re.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,4})\s?\.(?=\s|\(|$)\s*"
    # the portion marking: (C), (S/NF), (SBU), (C/REL ISAF), (C - ENTIRE TEXT)
    r"(?P<marking>\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,8}){0,4}|[A-Z]\s*-\s*[A-Z ]{3,20})\)\.?)?",
)
ITEM_START = re.compile(
    r"^\s*(?:¶\s*)?(?P<label>\((?:[A-Za-z]|\d{1,2}|[ivx]{1,4})\)|[A-Za-z]\)|[A-Z]\.(?=\s)|\d{1,2}\)|-{1,2}(?=\s)|--(?=[A-Z])|[*•o](?=\s))\s*"
)
DASH_RULE = re.compile(r"^\s*(?:-\s*){4,}$|^\s*(?:=\s*){4,}$|^\s*(?:_\s*){4,}$")
#: a line that ends a sentence (or a quotation, a parenthesis)
_TERMINAL_CHARS = ".!?:;\"')]"


def terminal(line: str) -> bool:
    """Whether the line ends a sentence: ``.!?:;"')]`` before any trailing white space."""
    return line.rstrip()[-1:] in _TERMINAL_CHARS and bool(line.strip())


def _texts(lines: list[Line] | tuple[Line, ...]) -> list[str]:
    return [x for x in lines if isinstance(x, str)]


# ---------------------------------------------------------------- lines cut
_HANDLING_WORD = re.compile(r"(?<!\S)SIPDIS(?:\s+SIPDIS)*(?!\S)")
_HANDLING_LINE = re.compile(r"^\s*SIPDIS(?:\s+SIPDIS)*\s*$")


def _mark(text: str) -> Furniture:
    return Furniture("mark", tuple(("handling", word) for word in text.split()))


@CUT.rule(
    "handling-word",
    trigger=("SIPDIS",),
    note=note(
        "normalization",
        "The handling word SIPDIS, inserted by the transmission system into the text (a line of its own, "
        "or at the start or end of a line, in mid-sentence), is kept as fw type=\"handling\" out of the "
        "text flow.",
    ),
)
def handling_word(line: str) -> list[Line] | None:
    """``… arrives in Beirut`` / ``SIPDIS May 1 because …``: the word SIPDIS in a line of the
    body (alone, or run into a sentence where the copy lost the line break around it) is a
    handling mark, not text."""
    if _HANDLING_LINE.match(line):
        return [_mark(line)]
    pieces: list[Line] = []
    start = 0
    for match in _HANDLING_WORD.finditer(line):
        before = line[start : match.start()].strip()
        if before:
            pieces.append(Anchored(before) if not start and isinstance(line, Anchored) else before)
        pieces.append(_mark(match.group()))
        start = match.end()
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces or None


_GLUED_END = re.compile(
    r"(?<=\S)\s+(?P<end>NNNN)(?:\s+(?P<text>End Cable Text))?"
    r"(?:\s+(?P<footer>\d{4}[A-Z]{4,}\d+\s*-\s*Classification:.*?))?\s*$"
)


@CUT.rule("glued-end-marker", after="handling-word", trigger=("NNNN",))
def glued_end_marker(line: str) -> list[Line] | None:
    """``… END COMMENT. HOAGLAND NNNN``: the end marker run on at the end of the last line is a
    line of its own (the closing stage then keeps it in the closer, and finds the signer)."""
    match = _GLUED_END.search(line)
    if not match:
        return None
    head = line[: match.start()]
    rest = [x for x in (match["end"], match["text"], match["footer"]) if x]
    return [Anchored(head) if isinstance(line, Anchored) else head, *rest]


#: the banner's message reference after its level (``SECTION 01 OF 03 KYIV 001627``)
_COPY_REF = re.compile(r"\s*(?:SECTION\s+\d{1,3}\s+OF\s+\d{1,3}\s+)?[A-Z][A-Z .'-]{0,30}?\s\d{5,6}\b")
_COPY_FIELD = re.compile(r"\bE\.\s?O\.\s*1\d{4}|\bTAGS:")
#: where the first numbered paragraph starts after the copied fields
_COPY_PARA = re.compile(r"(?<=\s)(?:¶\s*)?\d{1,3}\s?\.\s*\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,8}){0,4})\)")


@CUT.rule("preamble-copy", before="handling-word", trigger=("E.O", "E. O", "TAGS:"))
def preamble_copy(line: str) -> list[Line] | None:
    """``C O N F I D E N T I A L MOSCOW 000468 SENSITIVE E.O. 12958: … TAGS: PINR RS 1. (SBU) …``:
    a media partner's second copy of the preamble, run together on one line in the body, is a
    wrapper line (fw type="wrapper"); a numbered paragraph run on after it goes on as text."""
    level = BANNER_LEVEL.match(line)
    if not level or not _COPY_REF.match(line, level.end()):
        return None
    fields = _COPY_FIELD.search(line, level.end())
    if not fields or fields.start() > 200:
        return None
    para = _COPY_PARA.search(line, fields.end())
    copy = line[: para.start()].rstrip() if para else line.strip()
    pieces: list[Line] = [Furniture("mark", (("wrapper", copy.strip()),))]
    if para:
        pieces.append(line[para.start() :])
    return pieces


#: an old-style distribution line: ``ACTION EUR-00``, ``INFO LOG-00 NP-00 …``, or the
#: transmission rule ``------------------71B573 082032Z /38`` that closes the block
_DISTRIBUTION = re.compile(
    r"^\s*(?:(?:ACTION|INFO)\s+[A-Z]{1,6}-\d\d\b|[A-Z]{1,6}-\d\d\s+[A-Z]{1,6}-\d\d\s+[A-Z]{1,6}-\d\d\b"
    r"|-{4,}\s*[0-9A-F]{6}\s+\d{6}Z\s*/\d+|(?:[A-Z]{1,6}-\d\d\s+)+/\d{3}W\b"
    r"|(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+)?(?:[OPRZ]\s+)+\d{6}Z\s+[A-Z]{3}\s+\d{2}\s+(?:ZDK\s+)?FM\s+[A-Z])"
)


@CUT.rule("distribution-block", before="preamble-copy", trigger=("-0", "-1", "----", "Z "))
def distribution_block(line: str) -> list[Line] | None:
    """``ACTION EUR-00`` / ``INFO LOG-00 NP-00 AID-00 … /009W ------71B573 082032Z /38 O
    071013Z MAR 02 FM AMEMBASSY ROME TO …``, ``P 121721Z MAY 03 FM AMEMBASSY ROME TO …``: an
    old-style record's distribution block and the routing that runs on after it, repeated in
    the text at each section, are a transmission mark (fw type="transmission"), not text."""
    if not _DISTRIBUTION.match(line):
        return None
    return [Furniture("mark", (("transmission", line.strip()),))]


#: a standalone run of four dashes or more (not ``--`` punctuation, not ``vis--vis``)
_DASH_RUN = re.compile(r"(?<![^\s.!?:;,\"')\]\u201d])(?:-{4,}(?: -+)*|(?:- ){3,}-)(?!-|(?<=-) -)")
_TITLE_MAX = 100


def _para_start(text: str) -> bool:
    match = PARA_START.match(text)
    return bool(match and match["marking"] and 1 <= int(match["num"]) <= 199)


#: where the last sentence of a line ends (a title may follow it)
_SENTENCE_END = re.compile(r"[.!?:;\"')\]\u201d\u2019]\s+(?=[A-Z\"\u201c(])")


def _title_start(pre: str, rule_at: int) -> int | None:
    """Where the title before a rule starts in ``pre`` (the line's text before the rule):
    the whole of a short line, else the words after its last sentence (``… the meeting.
    Afghanistan -----``); ``rule_at`` when the rule follows text with no title (``… End
    Summary. -----``); None when that cannot be told."""
    if not pre:
        return rule_at
    if len(pre) <= _TITLE_MAX and not _para_start(pre) and not _sentence(pre):
        return 0
    if _sentence(pre):
        return rule_at
    ends = list(_SENTENCE_END.finditer(pre))
    tail = pre[ends[-1].end() :] if ends else ""
    if tail and len(tail) <= 80 and len(tail.split()) <= 12 and not tail.lower().startswith("end "):
        return ends[-1].end()
    if terminal(pre) or tail.lower().startswith("end "):
        return rule_at
    return None


@CUT.rule(
    "glued-heading",
    after="handling-word",
    trigger=("----", "- - -"),
)
def glued_heading(line: str) -> list[Line] | None:
    """``… the end. ----- Corruption vs. Inefficiency -----`` and ``COMMENT ------- 12. (C) …``:
    a heading set between or beside dashed rules, run into the end of a paragraph or the start
    of the next (a copy that lost its line breaks), is a line of its own; so is a rule run
    into the text before or after it."""
    return _cut_heading(line, 0)


def _cut_heading(line: str, depth: int) -> list[Line] | None:
    """``glued-heading`` on ``line``, cutting what follows a heading again (at most 20 deep)."""
    if DASH_RULE.match(line):
        return None
    runs = list(_DASH_RUN.finditer(line))
    if not runs:
        return None
    first = runs[0]
    pre = line[: first.start()].rstrip()
    if len(runs) >= 2 and 0 < len(line[first.end() : runs[1].start()].strip()) <= _TITLE_MAX:
        end = runs[1].end()  # ----- Title -----
        start: int | None = first.start() if pre else 0
    else:
        end = first.end()
        start = _title_start(pre, first.start())
    if start is None:
        return None
    post = line[end:].strip()
    pieces: list[Line] = []
    if start:
        pieces.append(line[:start].rstrip())
    pieces.append(line[start:end].strip())
    if post:
        pieces.extend((_cut_heading(post, depth + 1) if depth < 20 else None) or [post])
    if len(pieces) == 1:
        return None
    if isinstance(line, Anchored):
        pieces[0] = Anchored(pieces[0])
    return pieces


# ---------------------------------------------------------------- runs of lines
@STARTS.rule("unspaced-paragraph")
def unspaced_paragraph(block: list[Line], line: str) -> bool:
    """A numbered paragraph that follows the previous one with no blank line between: the
    number must carry a portion marking or the page's ¶ anchor, after a finished sentence."""
    match = PARA_START.match(line)
    if not match or not 1 <= int(match["num"]) <= 199 or not (match["marking"] or isinstance(line, Anchored)):
        return False
    previous = next((x for x in reversed(block) if isinstance(x, str)), "")
    return bool(previous) and terminal(previous)


#: a rule that underlines: dashes, equals signs or underscores only, in one run
UNDERLINE = re.compile(r"^\s*(?:-{4,}(?: -+)*|(?:- ){3,}-?|={4,}|_{4,})\s*$")
#: a title with its dashes on the same line: ``----- Title -----``, ``Title -----``, ``----- Title``
DASHED_TITLE = re.compile(
    r"^\s*(?:(?:-{4,}(?: -+)*|(?:- ){3,}-)\s*(?P<a>[^-\s](?:[^-]|-(?!--))*?)\s*(?:-{4,}(?: -+)*|(?:- ){3,}-)?"
    r"|(?P<b>[^-\s](?:[^-]|-(?!--))*?)\s*(?:-{4,}(?: -+)*|(?:- ){3,}-))\s*$"
)


def dashed_title(line: str) -> str | None:
    """The title of a line that sets a title with its dashes (at most 100 characters, not a
    numbered paragraph), or None."""
    if "--" not in line and "- -" not in line:
        return None
    match = DASHED_TITLE.match(line)
    title = (match["a"] or match["b"]) if match else None
    if not title or len(title) > 160 or PARA_START.match(title):
        return None
    return title


def _sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence with a full stop (``… END SUMMARY.``, ``… he said."``),
    not with an ellipsis (``WINNERS...``)."""
    text = text.rstrip().rstrip("\"')\u201d\u2019")
    return text.endswith(".") and not text.endswith("..")


def _title_like(line: str) -> bool:
    """A short line that can be a heading: no longer than 80 characters, not a numbered
    paragraph or an item, not a sentence (ending in a full stop, a comma or a semicolon),
    not going on in lower case."""
    text = line.strip()
    return (
        0 < len(text) <= 80
        and not starts_new(text)
        and text[-1] not in ",;"
        and not text.endswith(" --")
        and not _sentence(text)
        and not text[0].islower()
    )


@STARTS.rule("underlined-heading", after="unspaced-paragraph")
def underlined_heading(block: list[Line], line: str) -> bool | int:
    """A heading set with dashes inside a run of lines is a block of its own: a rule under a
    short title line (``UKRAINE AND INDIA`` / ``-------``) takes the title with it (the run
    starts a line back), what follows a heading's rule starts a new run, and a title with its
    dashes on one line (``----- Summary -----``) stands apart from the lines around it."""
    texts = _tail_texts(block)  # the last two: a run can be long (no scan of it per line)
    if not texts:
        return False
    last = texts[-1]
    if UNDERLINE.match(line):
        if _title_like(last) and not DASH_RULE.match(last):
            if len(texts) == 1 or DASH_RULE.match(texts[-2]):
                return False  # [TITLE] or [-----, TITLE]: this rule completes the heading
            if isinstance(block[-1], str):
                return 2  # the title goes with its rule
        return not DASH_RULE.match(last)  # a rule after text: a block of its own
    if UNDERLINE.match(last):
        if len(texts) >= 2:
            return True  # the rule closed a heading
        return _para_start(line) or not _title_like(line)  # a rule alone: over a title, or not
    return dashed_title(line) is not None or dashed_title(last) is not None


def _tail_texts(block: list[Line], n: int = 2) -> list[str]:
    """The last ``n`` text lines of a run (fewer if it has fewer), in order."""
    out: list[str] = []
    for entry in reversed(block):
        if isinstance(entry, str):
            out.append(entry)
            if len(out) == n:
                break
    out.reverse()
    return out


def starts_new(line: str) -> bool:
    return bool(PARA_START.match(line) or ITEM_START.match(line) or DASH_RULE.match(line))


@MERGE.rule(
    "paragraph-rejoin",
    note=note(
        "normalization",
        "A paragraph that a page break or a blank line cut in two (the first part stops mid-sentence, the "
        "second goes on in lower case or after the break) is one paragraph again.",
    ),
)
def paragraph_rejoin(prev: list[Line], furniture: list[Furniture], chunk: list[Line]) -> bool:
    """Two runs of lines are one paragraph when the first stops mid-sentence (a line of more
    than 25 characters) and the second goes on in lower case, or after page furniture."""
    last = next((x for x in reversed(prev) if isinstance(x, str)), "")
    first = next((x for x in chunk if isinstance(x, str)), "")
    joinable = (
        bool(last)
        and not terminal(last)
        and not starts_new(first)
        and not DASH_RULE.match(last)
        and dashed_title(last) is None  # a heading set with dashes ends its run
    )
    lower = first.lstrip()[:1].islower()
    return joinable and (lower or bool(furniture)) and len(last) > 25


# ---------------------------------------------------------------- what a run is
def _dashed(texts: list[str]) -> bool:
    first = texts[0]
    return bool(DASH_RULE.match(first) or (len(texts) >= 2 and DASH_RULE.match(texts[-1]) and len(texts) <= 4))


@KINDS.rule("dashed-heading")
def dashed_heading(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """A short title between (or above) dashed rules (``-------`` / ``SUMMARY`` / ``-------``)
    is a heading; the rules are recorded as rend="dashes"."""
    if not _dashed(texts):
        return None
    words = [x for x in texts if not DASH_RULE.match(x)]
    if words and len(" ".join(words)) < 160:
        kept = (x for x in chunk if not (isinstance(x, str) and DASH_RULE.match(x)))
        # a title with dashes of its own on the line (-----, HAITI -----): the title
        return Heading(tuple((dashed_title(x) or x) if isinstance(x, str) else x for x in kept), rend="dashes")
    return None


@KINDS.rule("dashed-title", after="dashed-heading")
def dashed_title_line(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """One line that sets a title with its dashes (``----- Summary -----``, ``COMMENT -------``)
    is a heading; the dashes are recorded as rend="dashes"."""
    if len(texts) != 1 or is_wrapper(texts[0]):
        return None  # ----- header ends -----: a wrapper's line (the wrapper-block pass)
    title = dashed_title(texts[0])
    if title is None:
        return None
    return Heading(tuple(title if isinstance(x, str) else x for x in chunk), rend="dashes")


@KINDS.rule("rule-line")
def rule_line(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """Lines of dashes, equals signs or underscores only: a rule (``ab type="rule"``)."""
    if _dashed(texts) and all(DASH_RULE.match(x) for x in texts):
        return AnonBlock("rule", tuple(chunk))
    return None


@KINDS.rule("numbered-paragraph")
def numbered_paragraph(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """``1. (C) …``, ``¶2. (SBU) …``: a numbered paragraph (1 to 199) with its portion marking."""
    first = texts[0]
    match = PARA_START.match(first)
    if not (match and 1 <= int(match["num"]) <= 199):
        return None
    rest = first[match.end() :]
    label = first[: first.index(match["num"]) + len(match["num"]) + 1].strip().lstrip("¶").strip()
    lines: list[Line] = [rest.lstrip(), *chunk[chunk.index(first) + 1 :]]
    head, items = split_items(lines, run)
    return Paragraph(tuple(head), int(match["num"]), label, None, match["marking"] or None, tuple(items))


@KINDS.rule("item-list")
def item_list(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """A run of lines that starts with an item label (``A.``, ``(1)``, ``--``, ``*``) is a list."""
    if not ITEM_START.match(texts[0]):
        return None
    return ItemList(tuple(_split_items(list(chunk))[1]))


def split_items(lines: list[Line], run: Run) -> tuple[list[Line], list[ListItem]]:
    """A paragraph's text and the list items after it (``list-items``)."""
    for rule in run.active(ITEMS):
        found = rule.fn(lines)
        if found is not None:
            run.fire(rule.name)
            return found
    return lines, []


def _split_items(lines: list[Line]) -> tuple[list[Line], list[ListItem]]:
    head: list[Line] = []
    items: list[tuple[str, list[Line]]] = []
    prev_text = ""
    for entry in lines:
        if isinstance(entry, str):
            match = ITEM_START.match(entry)
            if match and (not prev_text or prev_text.rstrip()[-1:] in (".", ":", ";")):
                items.append((match["label"], [entry[match.end() :]]))
                prev_text = entry
                continue
            prev_text = entry
        if items:
            items[-1][1].append(entry)
        else:
            head.append(entry)
    return head, [ListItem(label, tuple(item)) for label, item in items]


@ITEMS.rule("list-items")
def list_items(lines: list[Line]) -> tuple[list[Line], list[ListItem]] | None:
    """Lines that start with an item label after a finished sentence (``A. …``, ``-- …``,
    ``(1) …``) are list items of the paragraph."""
    head, items = _split_items(lines)
    return (head, items) if items else None


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
        "A paragraph number damaged in copying (11., 12., 13. where the sequence shows ¶1–¶3) is "
        "regularised; the source's form is kept in orig.",
    ),
)
def paragraph_renumber(blocks: list[Block], run: Run) -> list[Block]:
    """``11.`` read for ``¶1.`` (the pilcrow damaged into a 1) is paragraph 1 when the
    sequence confirms it."""
    numbered = [i for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]
    out = list(blocks)
    last = 0
    for position, index in enumerate(numbered):
        block = out[index]
        assert isinstance(block, Paragraph) and block.n is not None
        num = block.n
        alt = _alt_number(num)
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
            out[-1] = Paragraph(prev.lines, prev.n, prev.label, prev.label_fix, prev.marking, prev.items + block.items)
            continue
        out.append(block)
    return out if len(out) != len(blocks) else blocks


def _single_row_line(block: Block) -> bool:
    if not (isinstance(block, Paragraph) and block.n is None and not block.items and len(block.lines) == 1):
        return False
    texts = _texts(block.lines)
    return len(texts) == 1 and (row_field(texts[0]) or bool(ROW_DAY.match(texts[0])))


@PASSES.rule("database-rows")
def database_rows(blocks: list[Block], run: Run) -> list[Block]:
    """A media partner's database row inside the text (id, date, refid, origin,
    classification, one per line) is a wrapper, not paragraphs of the cable."""
    out = list(blocks)
    index = 0
    while index < len(out):
        end = index
        while end < len(out) and _single_row_line(out[end]):
            end += 1
        first = out[index].lines[0] if end > index else ""  # type: ignore[union-attr]
        if end - index >= 3 and isinstance(first, str) and (ROW_ID.match(first) or ROW_DAY.match(first)):
            for k in range(index, end):
                out[k] = AnonBlock("wrapper", out[k].lines)  # type: ignore[union-attr]
            index = end
        else:
            index += 1
    return out if out != blocks else blocks


def _wrapper_text(block: Block) -> str:
    return " ".join(_texts(block.lines)) if isinstance(block, AnonBlock) and block.type == "wrapper" else ""


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
        if not numbered_after or not isinstance(block, Paragraph) or block.items:
            continue
        texts = _texts(block.lines)
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
            if not (isinstance(before, Paragraph) and before.n is None and not before.items):
                break
            start -= 1
        first = next((k for k in range(start, end) if _DUMP_HEAD.search(" ".join(_texts(blocks[k].lines)))), None)  # type: ignore[union-attr]
        for k in range(first if first is not None else end, end):
            out[k] = AnonBlock("wrapper", blocks[k].lines)  # type: ignore[union-attr]
    return out if out != blocks else blocks


#: the rest of a media partner's CSV row: its references, then the routing header or the
#: banner of its copy of the cable in quotes (``CONFIDENTIAL,,"VZCZCXYZ0003 OO RUEHWEB``)
_CSV_COPY = re.compile(
    r',\s*"(?:VZCZC|[A-Z]{2}\s+R[A-Z]{4}\b)|",\s*"(?:[A-Z] ?){6}|^\d{3,7},\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d\d,\d\d[A-Z]',
    re.M,
)


@PASSES.rule("csv-copy", after="dump-header")
def csv_copy(blocks: list[Block], run: Run) -> list[Block]:
    """``CONFIDENTIAL,,"VZCZCXYZ0003 OO RUEHWEB DE RUEHTC …","C O N F I D E N T I A L …``: an
    unnumbered block that goes on with a media partner's CSV row (the routing header and the
    banner of its copy of the cable, in quotes) is wrapper, not text of the cable."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and block.n is None and not block.items:
            texts = _texts(block.lines)
            if texts and _CSV_COPY.search("\n".join(texts[:3])):
                out[index] = AnonBlock("wrapper", block.lines)
    return out if out != blocks else blocks


_DASHED_TITLE = re.compile(r"^(?:-{3,}\s*)?(?P<title>.*?)(?P<dashes>(?<!\s)\s++-{3,}+|(?<!-)-{3,}+)?$")


@PASSES.rule("headings")
def headings(blocks: list[Block], run: Run) -> list[Block]:
    """A short line standing alone before a numbered paragraph, without a full stop, in a cable
    written in mixed case, is a heading (MILITARY UPDATE, A New Era Begins, or a title with
    its dashes on the same line)."""
    mixed = 0
    for b in blocks:
        if isinstance(b, Paragraph) and any(_has_lower(x) for x in _texts(b.lines)):
            mixed += 1
            if mixed == 2:
                break
    else:
        return blocks
    out = list(blocks)
    for index, (block, following) in enumerate(itertools.pairwise(blocks)):
        if not (
            isinstance(block, Paragraph)
            and block.n is None
            and not block.items
            and isinstance(following, Paragraph)
            and following.n is not None
        ):
            continue
        texts = _texts(block.lines)
        if len(texts) != 1 or field_kind(texts[0], run.trial()) is not None:
            continue  # a late REF or Classified By line, not a heading
        match = _DASHED_TITLE.match(texts[0].strip())
        title = match["title"] if match else ""
        if 0 < len(title) <= 70 and title[:1].isupper() and title[-1:] not in ".,;:!?\"'" and len(title.split()) <= 10:
            dashes = bool(match and match["dashes"])  # the rule is recorded as rend, like a dashed underline
            out[index] = Heading((title,) if dashes else block.lines, "dashes" if dashes else None)
    return out if out != blocks else blocks


def _has_lower(text: str) -> bool:
    """Whether a character of ``text`` is lower case (isupper(): every cased one is upper, so
    none is lower: the common all-capitals line is answered without a scan)."""
    return not text.isupper() and any(map(str.islower, text))
