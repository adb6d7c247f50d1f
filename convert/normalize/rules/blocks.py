"""Stage "blocks": the body's runs of lines as paragraphs, lists, headings and page breaks.

Chains (run by :mod:`convert.normalize.blocks`):

- ``blocks.cut`` ``(line) -> pieces | None``: each text line of the body, rule after rule
  (each over the text pieces the rules before it left): a line that holds a mark of the
  transmission or a heading run into the text, cut in pieces (text lines and
  :class:`Furniture`, in order).
- ``blocks.starts`` ``(run_lines, line) -> bool | int``: a paragraph starts inside a run of
  lines (an int n > 1: it starts n - 1 lines back, with the title a rule underlines).
- ``blocks.merge`` ``(before, furniture, texts) -> bool``: two runs (their text lines) are one paragraph.
- ``blocks.kinds`` ``(chunk, texts, run) -> Block | None``: what a run of lines is (first match; none: a paragraph).
- ``blocks.items`` ``(lines, starts) -> (head, items) | None``: a paragraph's text and its items (each line's label).
- ``blocks.passes`` ``(blocks, run) -> blocks``: passes over all blocks, in order.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..parsed import Anchored, AnonBlock, Block, Entry, Furniture, Heading, ItemList, Line, ListItem, Paragraph
from .fields import is_wrapper
from .joined import cut_at_page, glued_next, goes_on
from .ruler import Chain, Run, note
from .runs import (
    DASH_RULE,
    DASHED_TITLE,
    END_LABEL_LINE,
    END_WORD,
    ITEM_START,
    QUOTED_TITLE,
    TITLE_LIMIT,
    UNDERLINE,
    Starts,
    closes_end,
    framed,
    item_starts,
    label_alone,
    last_text,
    list_goes_on,
    measured_title,
    ruled,
    split_item_lines,
    tail_texts,
)
from .wrappedtitle import MARKED_TITLE, wrapped_title

CUT: Chain[Callable[[str], Sequence[Entry] | None]] = Chain(
    "blocks.cut",
    "blocks",
    "A text line of the body: a mark or a heading run into it? (each rule in turn, over the text pieces the "
    "rules before it left)",
)
STARTS: Chain[Callable[[list[Line], str], bool | int]] = Chain(
    "blocks.starts", "blocks", "Does a paragraph start inside the run of lines read so far?"
)
MERGE: Chain[Callable[[list[str], list[Furniture], list[str]], bool]] = Chain(
    "blocks.merge", "blocks", "Are two runs of lines one paragraph?")
KINDS: Chain[Callable[[list[Line], list[str], Run], Block | None]] = Chain(
    "blocks.kinds", "blocks", "What a run of lines is (first match; none: a paragraph)."
)
ITEMS: Chain[Callable[[list[Line], Starts], tuple[list[Line], list[ListItem]] | None]] = Chain(
    "blocks.items", "blocks", "A paragraph's text and the list items after it."
)
PASSES: Chain[Callable[[list[Block], Run], list[Block]]] = Chain(
    "blocks.passes", "blocks", "Passes over all the blocks, in order.")

PARA_START = re.compile(r"^\s*(?:¶\s*)?(?P<num>\d{1,4})(?P<point>\s?"  # (the point as written: the label's end)
    r"(?:\.(?=\s|\(|$|(?<!\d\d\d\.)(?:[A-Z][A-Za-z]|[CSU]\)\s))"  # or 1.This, 15.C) Internally
    r"|(?:,|\.\.)(?= \((?:U|C|S|SBU|S/NF|C/NF)\))))\s*"  # or a comma, two points before a marking: 18, (SBU), 3.. (C)
    r"(?P<marking>\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,8}){0,4}|[A-Z]\s*-\s*[A-Z ]{3,20}"  # (C), (S/NF), (C - ENTIRE TEXT)
    r"|[A-Z]{1,4}//?REL(?:[ ,]+[A-Z]{1,12}){1,10}(?://)?)\)[.:]?"  # … (C//REL TO USA, KEN, GBR//); (C):
    # … release or dissemination in mixed case, (S/Rel UK), (C/Releasable to Italy), (S/Noforn); (C )
    r"|\((?:SBU|TS|U|C|S)\s?//?\s?(?:Rel(?:easable)?|REL|Noforn)\b(?:[ ,]+(?:and|to|[A-Z][A-Za-z]{1,11})){0,10}\)\.?"
    r"|\((?:SBU|TS|U|C|S) \)|\( (?:SBU|TS|U|C|S) ?\)"  # … a stray space inside: (C ), ( C), ( SBU )
    r"|\((?:sbu|u|c|s)(?:/nf)?\)|(?:SBU|U|C|S)(?:/NF)?\)(?=\s|[A-Z]))?",  # … written small, or its "(" lost: (c), C)
)
#: a line that ends a sentence (or a quotation, a parenthesis)
_TERMINAL_CHARS = ".!?:;\"')]"


def para_start(text: str) -> bool:
    match = PARA_START.match(text)
    return bool(match and match["marking"] and 1 <= int(match["num"]) <= 199)


def terminal(line: str) -> bool:
    """Whether the line ends a sentence: ``.!?:;"')]`` before any trailing white space."""
    return line.rstrip()[-1:] in _TERMINAL_CHARS and bool(line.strip())


def text_lines(lines: list[Line] | tuple[Line, ...]) -> list[str]:
    return list(filter(str.__instancecheck__, lines))  # type: ignore[arg-type]  # (isinstance(x, str), in C)


# ---------------------------------------------------------------- runs of lines
@STARTS.rule("unspaced-paragraph", lead=r"[¶\d]")  # (PARA_START)
def unspaced_paragraph(block: list[Line], line: str) -> bool:
    """A numbered paragraph that follows the previous one with no blank line between: the number must carry a portion
    marking or the page's ¶ anchor (not a list's next item: ``runs.list_goes_on``), after a finished sentence, not
    a label alone (``Comment:`` / ``¶7. (C) …``, 09LONDON1069: ``heading-line`` sets it apart)."""
    match = PARA_START.match(line)
    if not match or not 1 <= int(match["num"]) <= 199 or not (match["marking"] or isinstance(line, Anchored)):
        return False
    previous = last_text(block)
    return bool(previous) and terminal(previous) and not list_goes_on(block, match) and not label_alone(previous)


def dashed_title(line: str) -> str | None:
    """The title of a line that sets a title with its dashes (at most 100 characters, not a
    numbered paragraph), or None."""
    if "--" not in line and "- -" not in line and "====" not in line and "= = =" not in line:
        return None
    text = line.strip()  # the pattern needs a run of dashes at one end: a line with a dash
    if not (text.endswith(("-", "=")) or text.startswith(("----", "- - -", "====", "= = ="))):  # inside is not tried
        return None
    match = DASHED_TITLE.match(line)
    title = (match["a"] or match["b"]) if match else None
    if not title or len(title) > TITLE_LIMIT or PARA_START.match(title) or not any(map(str.isalnum, title)):
        return None
    return title


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends a sentence with a full stop (``… END SUMMARY.``, ``… he said."``),
    not with an ellipsis (``WINNERS...``)."""
    text = text.rstrip().rstrip("\"')\u201d\u2019")
    return text.endswith(".") and not text.endswith("..")


def title_like(line: str, clause: bool = False) -> bool:
    """A short line that can be a heading: 80 characters at most, not a numbered paragraph or an item (a portion
    marking first is none: ``(U) Participants``), not a sentence (a full stop, a comma or a semicolon last, but a
    quotation whole: ``“We are because of you.”``; with ``clause``, a line alone over its rule, a comma or a
    semicolon may end a title, ``MOU Signed for Airpor Facility;``, and so may a lettered title in capitals, ``I. THE
    COMMUNITY``), not going on in lower case (past a redaction: ``xxxxxxxxxxxx Private Plea …``)."""
    text = line.strip()
    return (
        0 < len(text) <= 80
        and (not starts_new(MARKED_TITLE.sub("", text, count=1))
             or (clause and re.fullmatch(r"[A-Z]\.\s+[^a-z]+", text) is not None))  # I. THE …
        and (text[-1] not in ",;" or (clause and title_like(text[:-1])))
        and not text.endswith(" --")
        and (not ends_sentence(text) or QUOTED_TITLE.fullmatch(text) is not None)
        and not text.lstrip("x")[:1].islower()
    )


@STARTS.rule("underlined-heading", after="unspaced-paragraph")
def underlined_heading(block: list[Line], line: str) -> bool | int:
    """A heading set with dashes inside a run of lines is a block of its own: a rule under a short title line
    (``UKRAINE AND INDIA`` / ``-------``) takes the title with it (the run starts a line back; a title wrapped
    over two lines, a run of its own, goes whole: ``wrapped_title``), what follows a heading's rule starts a new
    run, and a title with its dashes on one line (``----- Summary -----``) stands apart from the lines around
    it. A rule over more text than a title holds is a rule alone: the text after it is a run of its own. The
    label of an end marker split over two lines is no title (``… U.S. interests.  End`` / ``Summary`` /
    ``-------``, 09UNVIEVIENNA536): it stays with its END, the rule stands alone."""
    last = block[-1] if block else None  # (the run's last text line: most runs end in one)
    if not isinstance(last, str) and not (texts := tail_texts(block)):
        return False
    last = last if isinstance(last, str) else texts[-1]
    if not (ruled(line) or ruled(last) or (2 <= len(block) <= 8 and isinstance(block[0], str) and ruled(block[0]))):
        return False  # every answer below needs a rule or a dashed title: in the line, the last, or the run's first
    texts = tail_texts(block)  # the last two: a run can be long (no scan of it per line)
    if UNDERLINE.match(line):
        if (title_like(last, len(block) == 1) or wrapped_title(block, line) or framed(texts[0], last)
                or measured_title(texts, line)) and not DASH_RULE.match(last) and not closes_end(texts):
            if len(texts) == 1 or DASH_RULE.match(texts[-2]) or wrapped_title(block, line):
                return False  # [TITLE], [-----, TITLE] or a title of two lines: this rule completes the heading
            if isinstance(block[-1], str):
                return 2  # the title goes with its rule
        return not DASH_RULE.match(last)  # a rule after text: a block of its own
    back = _over_text(block, line)
    if back:
        return back  # a rule over a paragraph, not over a title: the text goes on without it
    if UNDERLINE.match(last):
        if len(texts) >= 2:
            return True  # the rule closed a heading
        return para_start(line) or not (title_like(line) or framed(last, line))  # a rule alone: over a title?
    return dashed_title(line) is not None or dashed_title(last) is not None


def _over_text(block: list[Line], line: str) -> int:
    """A rule and the lines after it that a line of text takes past what a title over a rule
    can hold (160 characters: ``dashed-heading``): ``-----`` / ``PNP sources estimate …
    continue to`` / ``operate in the VRAE …``. The lines after the rule start a run (the
    number to give back), the rule stands alone; 0 while they can still be a title."""
    texts = [x for x in block if isinstance(x, str)] if 2 <= len(block) <= 8 else []
    if len(texts) != len(block) or not UNDERLINE.match(texts[0]) or len(texts[0].strip()) < 5:
        return 0  # (``----`` cut from ``---- Iran's new centrifuge …`` is an item's mark)
    if starts_new(line) or UNDERLINE.match(line) or any(UNDERLINE.match(x) or dashed_title(x) for x in texts[1:]):
        return 0  # [-----, HAITI -----] / 12. (C): a heading, then its paragraph
    words = " ".join(x.strip() for x in [*texts[1:], line])
    return len(block) if len(words) >= TITLE_LIMIT else 0


#: the last word of a line that a number goes on (``see paragraph`` / ``3. (C) above``), not a paragraph's end
_NUMBER_GOES_ON = re.compile(
    r"(?i)(?:^|\W)(?:paras?|paragraphs?|see|no|nos|and|or|to|of|in|ref|reftel|page|item|number)\.?\s*$")
#: a month that a day goes on (``on January`` / ``19.``): only where the number has no marking (``2. (C)``)
_MONTH_GOES_ON = re.compile(
    r"(?i)(?:^|\W)(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s*$"
)


def number_goes_on(text: str, line: str) -> bool:
    """Whether ``text`` (a line's end) is continued by the number that starts ``line`` (its last
    16 characters searched: a match is a short word and white space to the end)."""
    if _NUMBER_GOES_ON.search(text, tail := max(0, len(text.rstrip()) - 16)):
        return True
    match = PARA_START.match(line)
    return not (match and match["marking"]) and bool(_MONTH_GOES_ON.search(text, tail))


_TITLE_LINE = 50  # (the longest line of a two-line title that is all of its run: no list's wrapped lines)
#: a classification or handling word alone on a line (an old page's foot, ``CONFIDENTIAL``): not a title
_MARK_LINE = re.compile(r"^\s*(?:UNCLAS(?:SIFIED)?|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE|SENSITIVE|SIPDIS|NOFORN)\b")


def _numbered_start(line: str) -> int | None:
    """The number of a numbered paragraph's first line (1 to 199) with a portion marking or the page's ¶ anchor."""
    match = PARA_START.match(line)
    if not match or not 1 <= int(match["num"]) <= 199 or not (match["marking"] or isinstance(line, Anchored)):
        return None
    return int(match["num"])


@STARTS.rule("heading-line", after="underlined-heading", lead=r"[¶\d]")  # (PARA_START)
def heading_line(block: list[Line], line: str) -> bool | int:
    """A short title on a line of its own, with no rule under it and no blank line, between a finished sentence
    (or alone at the start of a run; or, in capitals, after a paragraph kept on one line: 07MOSCOW2981) and a
    numbered paragraph (``… reforms.`` / ``Growing U.S. - Uzbekistan cooperation`` / ``¶3. (C) …``; ``SUMMARY`` /
    ``1. (C) …``): the title is a run of its own (a heading, for the ``headings`` pass), the paragraph after it; so
    is a title of two lines, all of its run (``Article VI`` / ``Privileges and Immunities`` / ``¶1. …``)."""
    if not block or not isinstance(block[-1], str) or _numbered_start(line) is None:
        return False
    texts = tail_texts(block)
    title = texts[-1]
    if not title_like(title) or is_wrapper(title) or number_goes_on(title, line) or _MARK_LINE.match(title):
        return False
    unwrapped = len(texts[0]) >= 200 and title.isupper() and not texts[0].isupper()  # (a paragraph on one line)
    if len(texts) == 2 and not (terminal(texts[0]) or DASH_RULE.match(texts[0]) or unwrapped):
        two = len(block) == 2 and title_like(texts[0]) and not _MARK_LINE.match(texts[0])
        return -2 if two and all(len(t.strip()) <= _TITLE_LINE and "   " not in t.strip() for t in texts) else False
    return -1


@STARTS.rule("next-paragraph", after="heading-line", lead=r"[¶\d]")  # (PARA_START)
def next_paragraph(block: list[Line], line: str) -> bool:
    """Inside paragraph N's run, a line that starts paragraph N + 1 with its portion marking
    or the page's ¶ anchor starts it, whatever ends the line before (a list of names, a
    quotation closed with a curly quote): unless that line ends in a word a number goes on
    (``see paragraph`` / ``5. (C)``); without either, glued to its first word (``joined.glued_next``)."""
    number = _numbered_start(line)
    first = next((x for x in block if isinstance(x, str)), "")
    if number is None:
        last = last_text(block)
        return glued_next(first, line, alone=last is first) and terminal(last)
    match = PARA_START.match(first)
    if number == 1 or not match or int(match["num"]) != number - 1:
        return False
    last = last_text(block)
    return not number_goes_on(last, line)


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
def paragraph_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """Two runs of lines are one paragraph when the first stops mid-sentence (more than 25 characters; after a
    page break, also where it looks ended: ``joined.cut_at_page``) and the second goes on (``joined.goes_on``), or after
    page furniture; not when the second is a heading set with dashes (``… (D). CONFIDENTIAL`` / page break /
    ``BACKGROUND AND INTRODUCTION`` / ``---``)."""
    last, first = (before[-1] if before else ""), (texts[0] if texts else "")
    lower = goes_on(first)  # (in lower case, or a figure then lower case; not ``a. The``)
    joinable = (
        bool(last)
        and (not terminal(last) or (bool(furniture) and cut_at_page(last, first)))
        and not starts_new(first)
        and not DASH_RULE.match(last)
        and dashed_title(last) is None  # a heading set with dashes ends its run
        and not _underlined(texts)  # and one starts its own (after a page break too)
    )
    return joinable and (lower or bool(furniture)) and len(last.strip()) > 25


def _underlined(texts: list[str]) -> bool:
    """Whether a run begins with a heading set with dashes: a title between its dashes on one line (``-----
    ACTION NEEDED -----``), a title over its rule with text after it (``BACKGROUND AND INTRODUCTION`` /
    ``-------`` / ``4. (U) …``), or a short title of one to three lines over its rule (``Terror Cases and
    Communities Present Mixed Pictures`` / ``-----``)."""
    if texts and texts[0].lstrip().startswith(("----", "- - -", "====")) and dashed_title(texts[0]):
        return True
    if len(texts) >= 2 and DASH_RULE.match(texts[1]) and title_like(texts[0]):
        return True
    return 2 <= len(texts) <= 4 and bool(UNDERLINE.match(texts[-1])) and title_like(texts[0])


@MERGE.rule(
    "end-label-rejoin",
    after="paragraph-rejoin",
    note=note(
        "normalization",
        "An end marker split over a blank line (End / Summary.) is one paragraph again: the label goes back to "
        "the END before it, and closes the span it ends.",
    ),
)
def end_label_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… turn down a health-based amnesty. End`` / (blank) / ``Summary.`` (and a title in capitals under it:
    ``SURPRISE GUEST AT MIQDAD MEETING``, 10DAMASCUS159): the label goes back to the run that ends with its END."""
    one = len(texts) == 1 or (len(texts) == 2 and texts[1].isupper() and title_like(texts[1]))
    return one and bool(END_LABEL_LINE.match(texts[0])) and bool(END_WORD.search(before[-1] if before else ""))


# ---------------------------------------------------------------- what a run is
def _dashed(texts: list[str]) -> bool:  # (under a title of two lines, a rule wrapped in pieces: 10MEXICO640)
    short = len(texts) <= 4 or sum(not DASH_RULE.match(x) for x in texts) <= 2 if DASH_RULE.match(texts[-1]) else False
    return bool(DASH_RULE.match(texts[0]) or (len(texts) >= 2 and short))


@KINDS.rule("dashed-heading")
def dashed_heading(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """A short title between (or above) dashed rules (``-------`` / ``SUMMARY`` / ``-------``)
    is a heading; the rules are recorded as rend="dashes"."""
    if not _dashed(texts):
        return None
    words = [x for x in texts if not DASH_RULE.match(x)]
    if words and len(" ".join(words)) < TITLE_LIMIT:
        kept = (x for x in chunk if not (isinstance(x, str) and DASH_RULE.match(x)))
        # a title with dashes of its own on the line (-----, HAITI -----): the title
        return Heading(tuple((dashed_title(x) or x) if isinstance(x, str) else x for x in kept), rend="dashes")
    return None


@KINDS.rule("dashed-title", after="dashed-heading")
def dashed_title_line(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """One line that sets a title with its dashes or equals signs (``----- Summary -----``, ``COMMENT -------``,
    ``Summary =======``) is a heading; the dashes are recorded as rend="dashes"."""
    if len(texts) != 1:
        return None
    title = dashed_title(texts[0])  # (first: a line without a title's dashes is no wrapper's business)
    if title is None or is_wrapper(texts[0]):
        return None  # ----- header ends -----: a wrapper's line (the wrapper-block pass)
    return Heading(tuple(title if isinstance(x, str) else x for x in chunk), rend="dashes")


@KINDS.rule("rule-line")
def rule_line(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """Lines of dashes, equals signs or underscores only: a rule (``ab type="rule"``)."""
    if _dashed(texts) and all(DASH_RULE.match(x) for x in texts):
        return AnonBlock("rule", tuple(chunk))
    return None


@KINDS.rule("numbered-paragraph")
def numbered_paragraph(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """``1. (C) …``, ``¶2. (SBU) …``, ``18, (SBU) …``: a numbered paragraph (1 to 199) with its portion marking."""
    first = texts[0]
    match = PARA_START.match(first)
    if not (match and 1 <= int(match["num"]) <= 199):
        return None
    label = (Anchored if isinstance(first, Anchored) else str)(first[: match.end("point")].strip().lstrip("¶ \t"))
    lines: list[Line] = [first[match.end() :].lstrip(), *chunk[chunk.index(first) + 1 :]]
    head, items = split_items(lines, run)
    return Paragraph(tuple(head), int(match["num"]), label, None, match["marking"] or None, tuple(items))


@KINDS.rule("item-list")
def item_list(chunk: list[Line], texts: list[str], run: Run) -> Block | None:
    """A run of lines that starts with an item label (``A.``, ``(1)``, ``--``, ``*``) is a list."""
    if not ITEM_START.match(texts[0]):
        return None
    items = split_items(list(chunk), run)[1]
    return ItemList(tuple(items)) if items else None  # (no items with ``list-items`` off: a paragraph)


def split_items(lines: list[Line], run: Run) -> tuple[list[Line], list[ListItem]]:
    """A paragraph's text and the list items after it (the first rule of ``blocks.items`` that
    finds items; none: all text)."""
    found: tuple[list[Line], list[ListItem]] | None = run.first(ITEMS, lines, item_starts(lines))
    return found or (lines, [])


@ITEMS.rule("list-items")
def list_items(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """Lines that start with an item label after a finished sentence (``A. …``, ``-- …``,
    ``(1) …``) are list items of the paragraph."""
    head, items = split_item_lines(lines, starts=starts) if any(starts) else (lines, [])  # (most have none)
    return (head, items) if items else None
