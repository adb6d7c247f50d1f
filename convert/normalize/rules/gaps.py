"""Chains ``blocks.starts`` and ``blocks.passes`` (continued from :mod:`.blocks` and
:mod:`.passes`): a paragraph number the page or the sequence confirms, written so that no other
rule reads it as one.

The page's ¶ anchor and a portion marking after the number (``¶3. (S) SUMMARY: …``) make a
paragraph start whatever the line before it is (a list of names, a redaction, a title with a
short rule). A number alone after ``see para`` and a blank line is no paragraph, however the
page anchors it (chain ``blocks.merge``).

A cable's paragraphs run 1, 2, 3 …; a number missing from that run while the numbers on both
sides of it are there is a paragraph whose number was damaged in copying (``18 (C) Like other
energy companies …``, ``14) (U) Five U.S. community colleges …``) or run on into the paragraph
before where the cable writes no portion markings (``… See paragraphs 2-4. 3. Reason for
request: …``). Only the gap is filled: the paragraph before has the number before, the cable
has the number after, and no paragraph of its own.
"""

from __future__ import annotations

import re

from ..parsed import Anchored, Block, Furniture, ItemList, Line, ListItem, Paragraph
from . import passes  # noqa: F401  (paragraph-renumber, which these rules go after, registered first)
from .blocks import MERGE, PARA_START, PASSES, STARTS, dashed_title, number_goes_on, starts_new, terminal
from .joined import NUMBER_ALONE
from .ruler import Run, note
from .runs import last_text

#: a paragraph's number without its full stop, or with a parenthesis for it, before its portion
#: marking: ``18 (C) Like …``, ``14) (U) Five …``
_UNSTOPPED = re.compile(
    r"^\s*+(?:¶\s*+)?(?P<num>\d{1,3})(?P<stop>\)?)\s++(?P<marking>\((?:U|SBU|C|S|TS|LOU)(?:\s*+//?\s*+[A-Z]++){0,3}\))\s++"
)
#: the same in a cable written without portion markings: the number, a space and a sentence's
#: first two words (``2 The net revenue from remittances tripled …``), or the number with a comma
#: typed for its full stop before a capitalised word (``1, On Monday, January 7, …``)
_UNSTOPPED_BARE = re.compile(
    r"^\s*+(?:¶\s*+)?(?P<label>(?P<num>\d{1,3})(?:\s++(?=[A-Z][a-z]++\s++[a-z])|,(?=\s++[A-Z][a-z])))\s*+"
)


@STARTS.rule("anchored-paragraph", after="next-paragraph", lead=r"[¶\d]")  # (PARA_START)
def anchored_paragraph(block: list[Line], line: str) -> bool:
    """A line that begins with the page's ¶ anchor and a paragraph number with its portion
    marking (``¶3. (S) SUMMARY: …``) starts a paragraph whatever ends the line before (a list
    of participants, a redaction, a title with a short rule, ``HEU`` / ``---``): unless that line
    ends in a word a number goes on (``see paragraph`` / ``¶5. (C)``)."""
    match = PARA_START.match(line) if isinstance(line, Anchored) else None
    if not match or not match["marking"] or not 1 <= int(match["num"]) <= 199:
        return False
    last = last_text(block)
    return not number_goes_on(last, line)



#: a word that names a paragraph, at the end of a line (``… is included in para``)
_REFERS = re.compile(r"(?i)(?:^|\W)(?:paras?|paragraphs?)\.?\s*+$")
#: a number and a word that pairs it with the next, at the end of a line (``… convert Rabta 1 and``)
_PAIRED = re.compile(r"(?i)\b(\d{1,3})\s++(?:and|or|to)\s*+$")


@MERGE.rule(
    "paragraph-reference-rejoin",
    after="end-label-rejoin",
    note=note(
        "normalization",
        "A paragraph number alone on its line after a blank line, where the text before ends in a word a number "
        "goes on (… an action request. Please see para / ¶6.), is the number the sentence refers to, not a "
        "paragraph: it goes back to the sentence.",
    ),
)
def paragraph_reference_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``1.(U) This message contains an action request in para`` / (blank) / ``¶6.``
    (09CAIRO1258): a run that is only a paragraph number, with no marking or text, after a run
    whose last line ends in a word a number goes on (``para``, ``paragraph``, ``see``), goes
    back to that run: the sentence's reference, not an empty paragraph 6."""
    last = before[-1] if before else ""
    return len(texts) == 1 and bool(NUMBER_ALONE.match(texts[0])) and bool(last) and number_goes_on(last, texts[0])


@MERGE.rule(
    "wrapped-number-rejoin",
    after="paragraph-reference-rejoin",
    note=note(
        "normalization",
        "A number at the start of a line after a blank line, with no portion marking in a paragraph that has one "
        "(or out of the sequence, in a text with no markings), where the text before ends in a word a number goes "
        "on (… under the age of / ¶16. Juveniles …), is the sentence's number wrapped onto the next line, not a "
        "paragraph: the text is one paragraph again.",
    ),
)
def wrapped_number_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``5. (C) … prohibit the employment of children under the age of`` / (blank) / ``¶16.
    Juveniles between ages 14 and 16 may …`` (10MANAMA56): a run that starts with a number
    without a portion marking, after a run that is a numbered paragraph with its marking and
    whose last line ends in a word a number goes on (``of``, ``to``, ``see para``, ``Jan``),
    goes back to that run, unless the number is the paragraph's next one (then it may be the
    next paragraph with its marking left out) and the word is not one that names a paragraph
    (``… is included in para`` / ``¶3. (Note: …``, 10TRIPOLI72). After a paragraph with no marking
    (``2.In response …`` / ``¶16. Juveniles``, 08MANAMA34), the number goes back when it is neither
    the paragraph's own nor the next; after either, a number the text before pairs with the one
    before it goes back (``… convert Rabta 1 and`` / ``¶2. Except …``, 09TRIPOLI795). After a run
    with no number (the text a paragraph goes on with after its heading, ``… Delegation rosters are
    in paragraph`` / (blank) / ``¶6. The U.S. delegation presented …``, 07YEREVAN1420), only a word
    that names a paragraph sends it back. A year so wrapped (``… through early`` / ``¶2009. Unfortunately``,
    09SANSALVADOR164) goes back after any run the sentence goes on from."""
    found = PARA_START.match(texts[0]) if texts else None
    if found is not None and not found["marking"] and before and 1900 <= int(found["num"]) <= 2099:
        return not terminal(before[-1])  # a year, no paragraph's number (``… through early`` / ``¶2009. …``)
    if found is None or found["marking"] or not before or not number_goes_on(before[-1], texts[0]):
        return False
    head = PARA_START.match(before[0])
    if head is None:  # (a run with no number of its own: only a word that names a paragraph, 07YEREVAN1420)
        return bool(_REFERS.search(before[-1]))
    number, own = int(found["num"]), int(head["num"])
    if _paired(before[-1], number):  # (``… convert Rabta 1 and`` / ``¶2. Except …``, 09TRIPOLI795)
        return True
    if not head["marking"]:  # (a text with no markings: ``2.In response …`` / ``¶16. Juveniles``, 08MANAMA34)
        return number not in (own, own + 1) and not terminal(before[-1])
    return number != own + 1 or bool(_REFERS.search(before[-1]))


def _paired(text: str, number: int) -> bool:
    """Whether ``text`` ends in the number before ``number`` and a word that pairs the two (``…
    convert Rabta 1 and`` / (blank) / ``¶2. Except for …``, 09TRIPOLI795): the next number goes on
    the sentence even where it is the paragraph's next (its last 24 characters searched)."""
    found = _PAIRED.search(text, max(0, len(text.rstrip()) - 24))
    return found is not None and int(found[1]) == number - 1


#: a paragraph's number alone on its line, its portion marking or not (``1.``, ``¶3. (C)``); the longest title line
_TITLE_LONGEST = 80
_NUMBER_ONLY = re.compile(r"^\s*+(?:¶\s*+)?\d{1,3}\s?\.(?:\s*+\([A-Z/ ]{1,12}\))?\s*+$")


@MERGE.rule(
    "number-alone-rejoin",
    after="wrapped-number-rejoin",
    note=note(
        "normalization",
        "A paragraph number alone on its line, a blank line after it and then the text (… 1. / blank / The "
        "following responses are keyed to reftel.), is that text's number: the two are one paragraph.",
    ),
)
def number_alone_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``1.`` / (blank) / ``The following responses are keyed to reftel.`` (09TRIPOLI268, where a page
    line wrapped onto the number's line was cut away): a run that is only a paragraph's number goes on
    with the run of prose after it (a capital first, two lines or a sentence; no number, item, rule or
    dashed title of its own), not a numbered paragraph with no text and an unnumbered one after it."""
    if len(before) != 1 or not _NUMBER_ONLY.match(before[0]) or not texts:
        return False
    first = texts[0].strip()
    # (a sentence, or a line longer than a title, not a title: ``¶6.`` / ``Growing …``)
    prose = len(texts) >= 2 or first.endswith((".", "?", "!")) or len(first) > _TITLE_LONGEST
    ruled = any(starts_new(line) for line in texts[1:3])  # (a title over its rule: ``10. (U)`` / ``BEGIN …`` / ``---``)
    titled = first.endswith(":") or dashed_title(first) is not None  # (``BEGIN EXCERPTS FROM DECLARATION -----``)
    return prose and first[:1].isupper() and not starts_new(first) and not titled and not ruled


#: a letter's salutation on a line of its own: ``Director Mueller,``, ``Dear Madam Secretary,``
_SALUTATION = re.compile(r"^\s*+(?:Dear\s++)?[A-Z][\w.'’-]*+(?:\s++[A-Z][\w.'’-]*+){0,3}\s*+,\s*+$")


def salutation(line: str) -> bool:
    """Whether ``line`` is a letter's salutation (a few capitalised words and a comma)."""
    return bool(_SALUTATION.match(line))


@STARTS.rule("salutation-paragraph", after="anchored-paragraph", lead=r"[¶\d]")  # (PARA_START)
def salutation_paragraph(block: list[Line], line: str) -> bool:
    """``Director Mueller,`` / ``1. (C) Thank you for including Cairo in your travel …``
    (05CAIRO8938, a CSV row without the page's anchors): paragraph 1 with its portion marking,
    on the line after a letter's salutation, starts a paragraph (the salutation ends no
    sentence, so ``unspaced-paragraph`` does not read it)."""
    match = PARA_START.match(line)
    if not match or not match["marking"] or int(match["num"]) != 1:
        return False
    last = last_text(block)
    return salutation(last)

def numbered(blocks: list[Block]) -> list[int]:
    """The numbers of the numbered paragraphs among ``blocks``, in order."""
    return [b.n for b in blocks if isinstance(b, Paragraph) and b.n is not None]


def _gap(
    blocks: list[Block], index: int, number: int, numbers: set[int], count: int = 1, last: int | None = None
) -> bool:
    """Whether ``number`` (and the ``count - 1`` numbers after it, in the blocks up to ``last``)
    fills a gap at ``index``: the last numbered paragraph before it is ``number - 1`` (for 1: there
    is none), the next one after them ``number + count``, and the cable has none of them before
    (one after ``number + count`` restarts: a quoted document's own points, 05THEHAGUE484's ``1
    (S)`` before ¶2, ¶3 and a plan's points 1-6)."""
    before = numbered(blocks[:index])
    after = numbered(blocks[(index if last is None else last) + 1 :])
    taken = numbers.difference(after).union(before)
    if any(n in taken for n in range(number, number + count)) or not 1 <= number <= number + count - 1 <= 199:
        return False
    if not after or after[0] != number + count:
        return False
    return before[-1] == number - 1 if before else number == 1


def _number(block: Block) -> int | None:
    """A numbered paragraph's number (None for any other block)."""
    return block.n if isinstance(block, Paragraph) else None


def _unmarked_around(blocks: list[Block], index: int) -> bool:
    """Whether the numbered paragraphs next to ``index`` (the one before, if any, and the one
    after) carry no portion marking: a cable written without them."""
    before = [b for b in blocks[:index] if isinstance(b, Paragraph) and b.n is not None][-1:]
    after = [b for b in blocks[index + 1 :] if isinstance(b, Paragraph) and b.n is not None][:1]
    return bool(after) and all(b.marking is None for b in (*before, *after))


@PASSES.rule(
    "unstopped-paragraph-number",
    after="paragraph-renumber",
    note=note(
        "normalization",
        "A paragraph whose number lost its full stop in copying (18 (C) …, 14) (U) …, 1 (C) …) is the "
        "paragraph of that number when the numbers before and after it confirm it; the number is kept as "
        "written.",
    ),
)
def unstopped_paragraph_number(blocks: list[Block], run: Run) -> list[Block]:
    """``18 (C) Like other energy companies …`` (10PARIS71), ``14) (U) Five U.S. community
    colleges …`` (09BRASILIA310), ``1 (C) On June 16, …`` (05BRASILIA1621): an unnumbered
    paragraph, or a list standing alone, that opens with a number and then its portion marking,
    with no full stop between, is the paragraph of that number (``@n``; the label as written)
    when the paragraph before is that number's predecessor (for 1: when no numbered paragraph
    comes before it), the next one its successor, and the cable has no paragraph of it."""
    found = {index: hit for index, block in enumerate(blocks) if (hit := _unstopped(block)) is not None}
    if not found:
        return blocks
    numbers = set(numbered(blocks))
    out: list[Block] | None = None
    for index, hit in found.items():
        number = int(hit[0]["num"])
        run_ = _unstopped_run(blocks, index, number, found)
        while run_ and not _gap(blocks, index, number, numbers, len(run_), run_[-1]):
            run_.pop()
        for at, n in zip(run_, range(number, number + len(run_)), strict=True):
            numbers.add(n)
            out = out or list(blocks)
            out[at] = _as_paragraph(*found[at])
    return out if out is not None else blocks


def _unstopped_run(blocks: list[Block], index: int, number: int, found: dict[int, Unstopped]) -> list[int]:
    """The blocks from ``index`` on that open with ``number``, ``number + 1`` … and their
    markings, unstopped (``found``), with no numbered paragraph between them: two paragraphs in a
    row that lost their full stops (``4 (C) Special Envoy …`` / ``5 (C) Turning to Kosovo …``,
    run on in the line of paragraph 3 and cut apart by ``run-on-paragraphs``)."""
    run_ = [index]
    if found[index][0]["stop"]:  # (``1) (U)``, ``2) (C)`` …: parenthesised-paragraphs' to read)
        return run_
    for at in range(index + 1, len(blocks)):
        if _number(blocks[at]) is not None:
            break
        if at in found and int(found[at][0]["num"]) == number + len(run_) and not found[at][0]["stop"]:
            run_.append(at)
    return run_


Unstopped = tuple[re.Match[str], tuple[Line, ...], tuple[ListItem, ...]]


def _unstopped(block: Block) -> Unstopped | None:
    """An unnumbered paragraph, or a list standing alone whose first label is ``14)``, that
    opens with a number and its portion marking: the match, its lines (the list's first item
    with its label) and the items after them."""
    if isinstance(block, Paragraph) and block.n is None and block.label is None and block.marking is None:
        lines, items = block.lines, block.items
    elif isinstance(block, ItemList) and block.items and block.items[0].lines:
        head = block.items[0].lines[0]
        if not isinstance(head, str):
            return None
        lines, items = (f"{block.items[0].label} {head}", *block.items[0].lines[1:]), block.items[1:]
    else:
        return None
    first = lines[0] if lines and isinstance(lines[0], str) else ""
    found = _UNSTOPPED.match(first)
    if found is None or (isinstance(block, ItemList) and not found["stop"]):
        return None
    return found, tuple(lines), tuple(items)


def _as_paragraph(found: re.Match[str], lines: tuple[Line, ...], items: tuple[ListItem, ...]) -> Paragraph:
    """The paragraph of the number ``found`` read at the start of ``lines`` (the label as written)."""
    first = lines[0]
    assert isinstance(first, str)
    label = first[: found.end("stop")].strip().lstrip("¶").strip()
    return Paragraph((first[found.end() :], *lines[1:]), int(found["num"]), label, None, found["marking"], items)


@PASSES.rule(
    "parenthesised-paragraphs",
    after="unstopped-paragraph-number",
    note=note(
        "normalization",
        "Paragraphs numbered 1) (U) …, 2) (C) … that run 1, 2, 3 … with the cable's others are its paragraphs.",
    ),
)
def parenthesised_paragraphs(blocks: list[Block], run: Run) -> list[Block]:
    """``1) (U) Summary. On July 12, President Lula …`` / ``2) (U) Since May, …`` / ``3) (U)
    Brazilian human rights NGOs …`` (05BRASILIA1922, 08STATE65820): blocks that open with a
    number, a parenthesis and a portion marking are the cable's paragraphs when there are three
    or more of them and, read in order with the paragraphs it numbers otherwise, the numbers run
    1, 2, 3 … to the end without a gap or a repeat. Questions numbered ``1)``, ``2)`` under
    each lettered or numbered paragraph of a questionnaire start again at 1: they stay items."""
    found = {index: hit for index, block in enumerate(blocks) if (hit := _unstopped(block)) and hit[0]["stop"]}
    if len(found) < 3:
        return blocks
    sequence = [int(found[i][0]["num"]) if i in found else _number(b) for i, b in enumerate(blocks)
                if i in found or _number(b) is not None]
    if sequence != list(range(1, len(sequence) + 1)):
        return blocks
    return [_as_paragraph(*found[i]) if i in found else b for i, b in enumerate(blocks)]


@PASSES.rule(
    "bare-paragraph-number",
    after="parenthesised-paragraphs",
    note=note(
        "normalization",
        "In a cable written without portion markings, "
        "a paragraph whose number lost its full stop in copying (2 The net revenue …) or has a comma for it "
        "(1, On Monday …) "
        "is the paragraph of that number when the numbers before and after it confirm it; "
        "the number is kept as written.",
    ),
)
def bare_paragraph_number(blocks: list[Block], run: Run) -> list[Block]:
    """``¶1. Remittances to Costa Rica increased …`` / ``2 The net revenue from remittances
    tripled …`` / ``¶3. Close to 28,000 Costa Rican households …`` (06SANJOSE2803): in a cable
    written without portion markings (the numbered paragraphs before and after have none), an
    unnumbered paragraph that opens with a number, a space and a sentence (a capitalised word
    and a word in lower case) is the paragraph of that number when the paragraph before is that
    number's predecessor (for 1: none comes before), the next one its successor, and the cable
    has no paragraph of it; so is one whose number has a comma for its full stop before a
    capitalised word (``1, On Monday, January 7, Ambassador Langdale …`` / ``¶2. FM Stagno …``,
    08SANJOSE15). A number before a name or a date (``1 Economic and Commercial
    Officer``, ``8 With …`` between paragraphs 2 and 3) fills no gap and stays text."""
    numbers = set(numbered(blocks))
    out: list[Block] | None = None
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph) or block.n is not None or block.label is not None or block.marking:
            continue
        first = block.lines[0] if block.lines and isinstance(block.lines[0], str) else ""
        found = _UNSTOPPED_BARE.match(first)
        if found is None or not _unmarked_around(blocks, index) or not _gap(blocks, index, int(found["num"]), numbers):
            continue
        numbers.add(int(found["num"]))
        out = out or list(blocks)
        label = found["label"].strip()
        rest = (first[found.end() :], *block.lines[1:])
        out[index] = Paragraph(rest, int(found["num"]), label, None, None, block.items)
    return out if out is not None else blocks


@PASSES.rule(
    "unstopped-last-paragraph",
    after="bare-paragraph-number",
    note=note(
        "normalization",
        "The cable's last paragraph, whose number lost its full stop in copying (10 (U) This cable has been "
        "cleared …), is the paragraph of that number when the paragraph before it has the number before (so "
        "for the paragraphs after it that lost theirs, in order); the number is kept as written.",
    ),
)
def unstopped_last_paragraph(blocks: list[Block], run: Run) -> list[Block]:
    """``10 (U) This cable has been cleared by …`` after paragraph 9 (04THEHAGUE2793), ``13 (U)
    CODEL McCain was unable to clear this message.`` (10KABUL85), ``5 (C) Comment: …``
    (06MEXICO4987): an unnumbered paragraph after the cable's last numbered one that opens with
    a number, a space and its portion marking is the paragraph of that number (``@n``; the label
    as written) when the last numbered paragraph before it has the number before (2 or more: a
    lone ``1 (C)`` stays text) and the cable has no paragraph of it. No numbered paragraph comes
    after it, so unstopped-paragraph-number (which wants the next number after) leaves it; a
    number with a parenthesis (``4) (C)``, a questionnaire's items) stays an item. The paragraphs
    after it so written are read the same way, each after the one before (``36 (C) …`` / ``37 (C)
    …`` after ¶35: two run on in its line, cut apart by ``run-on-paragraphs``)."""
    numbers = numbered(blocks)
    if not numbers:
        return blocks
    last = max(i for i, b in enumerate(blocks) if _number(b) is not None)
    out = blocks
    for index in range(last + 1, len(blocks)):
        found = _unstopped(blocks[index])
        if found is None or found[0]["stop"] or not isinstance(blocks[index], Paragraph):
            continue
        number = int(found[0]["num"])
        if number < 2 or number in numbers or numbers[-1] != number - 1:
            break
        out = [*out[:index], _as_paragraph(*found), *out[index + 1 :]]
        numbers.append(number)  # (the next one so written, if any, follows this one)
    return out
