"""A quoted document's own numbering inside a paragraph of the cable.

A cable that quotes a letter, a diplomatic note, an agenda or a list of measures often prints
the document's numbered points as they stand: ``3. (SBU) "GAS AND GO" DIPLOMATIC NOTE`` / …
``1. The Government of the Republic of Ecuador may permit …`` … ``8. Each Participant …`` /
``4. (SBU) Example Response Diplomatic Note``. The page anchors each of them (``¶1.``), and
read as they stand they were paragraphs 1-8 of the cable between its paragraphs 3 and 4.

``quoted-numbering`` (chain ``blocks.passes``): where the cable's numbering restarts at 1 after
its paragraph N, once or more (each run 1, 2, 3, …), and then goes on with N+1, the restarted
runs are the quoted document's points, not the cable's paragraphs: each becomes a list item
with its number as its label (its text, marking and items kept), so that the list joins the
paragraph that quotes the document. Only where the cable resumes with N+1 after the runs, and
N+1 is not the next number of the last run (``1, 2, 1, 2, 3, …``: the cable's own numbering
restarted, which a reader cannot tell from a quotation).

``quoted-text-numbering`` (after it): where the numbering restarts at 1 after paragraph N and
runs on (1, 2, 3, …, or a new 1) to the cable's end, the restart is the quoted document's only
when the text says so: paragraph N (or the text between it and the restart) opens a quoted text
(``Begin text of resolution:``, or ``Following is the text of the Swiss non-paper passed to
Larijani:``, 07BERN259) that it does not close, and the quotation is closed (``End text.``) only
after the last restarted number. A State instruction that quotes a draft
resolution (09STATE79165: ``¶2. Begin text:`` … ``¶1. Recalls …`` … ``¶34. Decides to remain
actively seized of the matter.`` / ``End text.`` / ``CLINTON``) does not resume its own
numbering, so ``quoted-numbering`` cannot tell its points from a restart of the cable's own.

``roster-numbering`` (after ``quoted-jump-numbering``): where the numbering restarts at 1 after
paragraph N and runs on to the end, and three in four of the restarted numbers hold a roster's
entries (a line of 100 characters at most, no portion marking, no sentence ended inside:
``Varduhi Asaturian, Ministry of Foreign Affairs``), they are the entries of a list in paragraph N
(07YEREVAN1420's delegations). ``contents-numbering`` (after it): where the numbers run 1 to N twice
and the first N are entries, the first run is a table of contents, one list (six of Embassy
Berlin's media reactions: ``¶1. Lead Stories Summary`` … ``¶10. Iceland Elections``, then the
sections). The paragraph audit shares both tests.
"""

from __future__ import annotations

import itertools
import re

from ..parsed import Block, ItemList, Line, ListItem, Paragraph
from .blocks import PARA_START, PASSES, text_lines
from .inline import QUOTE_END, QUOTE_START
from .ruler import Run, note


def _numbers(blocks: list[Block]) -> list[tuple[int, int]]:
    """(position, number) of the numbered paragraphs, in order."""
    return [(i, b.n) for i, b in enumerate(blocks) if isinstance(b, Paragraph) and b.n is not None]


def quoted_runs(numbers: list[int]) -> set[int]:
    """The indexes (into ``numbers``) of the numbers that restart at 1 after N, in runs (each
    1, 2, 3, … or a new 1), and are followed by N+1 where the runs end: ``[1, 2, 3, 1, 2, 3,
    4, 5, 6, 7, 8, 4]`` -> the indexes 3-10 (the runs end where a number is neither 1 nor the
    last one's next, so that N+1 there is the cable's and not a run's)."""
    quoted: set[int] = set()
    k = 1
    while k < len(numbers):
        if numbers[k] != 1:
            k += 1
            continue
        end = k + 1
        while end < len(numbers) and numbers[end] in (1, numbers[end - 1] + 1):
            end += 1
        if end < len(numbers) and numbers[end] == numbers[k - 1] + 1 and max(numbers[k:end]) >= 2:
            quoted.update(range(k, end))
        k = end
    return quoted


def _as_items(block: Paragraph) -> ItemList:
    """A paragraph as list items: its number as written the first item's label, its marking
    back before its text, the items after it as they were."""
    lines: list[Line] = list(block.lines)
    if block.marking:
        first = lines[0] if lines and isinstance(lines[0], str) else None
        if first is not None:
            lines[0] = f"{block.marking} {first}".rstrip()
        else:
            lines.insert(0, block.marking)
    label = block.label or f"{block.n}."
    return ItemList((ListItem(label, tuple(lines)), *block.items))


@PASSES.rule("quoted-numbering", after="marked-text")
def quoted_numbering(blocks: list[Block], run: Run) -> list[Block]:
    """A quoted document's numbered points between the cable's paragraphs N and N+1 (the
    numbering restarts at 1 and the cable then resumes with N+1) are list items, not the
    cable's paragraphs."""
    numbered = _numbers(blocks)
    return _listed(blocks, numbered, quoted_runs([n for _, n in numbered]))


def _texts(blocks: list[Block]) -> str:
    """The text lines of these blocks (their list items' too), joined."""
    lines: list[Line] = []
    for block in blocks:
        lines += getattr(block, "lines", ())
        for item in getattr(block, "items", ()):
            lines += item.lines
    return " ".join(text_lines(lines))


def _opens_quote(text: str) -> bool:
    """The text opens a quotation it does not close (its last BEGIN TEXT after its last END TEXT)."""
    starts = [m.start() for m in QUOTE_START.finditer(text)]
    ends = [m.start() for m in QUOTE_END.finditer(text)]
    return bool(starts) and (not ends or starts[-1] > ends[-1])


#: a paragraph that introduces a text it then quotes: ``Following is the text of the Swiss non-paper
#: passed to Larijani:`` (07BERN259), ``The text of the letter follows:``
_INTRODUCES = re.compile(
    r"\b(?:following|below|here)\s+(?:is|are)\s+(?:the\s+)?(?:full\s+)?texts?\b[^.]{0,120}:"
    r"|\btexts?\s+of\b[^.]{0,120}\bfollows?\s*:"
    r"|\btranslation\s+of\b[^.]{0,120}\bfollows\b"  # (``An official translation of the GOC counterproposal
    # follows, provided by U.S. Department of State …:``, 08BOGOTA4083)
    r"|\b(?:full|complete)\s+texts?\s+of\b[^.]{0,120}:\s*$"  # (``Full Text of Dossier:``, 09NEWDELHI1778)
    # (``Below is XXXXXXXXXXXX paper on priority reform for the new government.``, 10KYIV278)
    r"|\b(?:following|below|here)\s+(?:is|are)\s+(?:\S+\s+){0,3}?(?:non-?)?(?:paper|letter|statement)\b",
    re.I,
)
#: what closes such a text: END TEXT and its kin, ``End of official translation.``, or the end of a text whose
#: author's name is withheld (``End XXXXXXXXXXXX.``)
_TEXT_END = re.compile(
    QUOTE_END.pattern + r"|\bEND\s+(?:OF\s+)?(?:THE\s+)?(?:(?:UN)?OFFICIAL\s+|INFORMAL\s+)?TRANSLATION\b"
    r"|\bEND\s+X{4,}+\b",
    re.I,
)


def _introduces_text(text: str) -> bool:
    """The text opens a quotation (:func:`_opens_quote`), or introduces a text it quotes without a
    BEGIN TEXT (``Following is the text of the Swiss non-paper passed to Larijani:``) and closes none."""
    return _opens_quote(text) or (_INTRODUCES.search(text) is not None and _TEXT_END.search(text) is None)


def quoted_tail_run(numbers: list[int], texts: list[str]) -> set[int]:
    """The indexes of a restart at 1 after N that runs on to the end (each number 1 or the last
    one's next, two or more), where ``texts[i]`` is the text from number i to the next (the last:
    to the end): the text from N to the restart opens a quotation and the first END TEXT after the
    restart comes with or after the last number (the paragraph audit shares this test)."""
    for k in range(1, len(numbers) - 1):
        if numbers[k] != 1 or any(numbers[i] not in (1, numbers[i - 1] + 1) for i in range(k + 1, len(numbers))):
            continue
        if _introduces_text(texts[k - 1]) and not any(_TEXT_END.search(t) for t in texts[k:-1]):
            return set(range(k, len(numbers))) if _TEXT_END.search(texts[-1]) else set()
    return set()


def _numbered_texts(blocks: list[Block], numbered: list[tuple[int, int]]) -> list[str]:
    """The text from each numbered paragraph to the next (the last: to the end), joined."""
    ends = [p for p, _ in numbered[1:]] + [len(blocks)] * bool(numbered)
    return [_texts(blocks[p:end]) for (p, _), end in zip(numbered, ends, strict=True)]


def quoted_tail(blocks: list[Block], numbered: list[tuple[int, int]]) -> set[int]:
    """``quoted_tail_run`` over the numbered paragraphs and the blocks from each to the next
    (their texts joined only where the numbering restarts at 1 before the last)."""
    if 1 not in [n for _, n in numbered[1:-1]]:
        return set()
    return quoted_tail_run([n for _, n in numbered], _numbered_texts(blocks, numbered))


@PASSES.rule("quoted-text-numbering", after="quoted-numbering")
def quoted_text_numbering(blocks: list[Block], run: Run) -> list[Block]:
    """A quoted document's numbered points from a restart at 1 to the cable's end, where the
    cable opens the quotation before the restart and closes it after the last point
    (09STATE79165), are list items, not the cable's paragraphs."""
    numbered = _numbers(blocks)
    return _listed(blocks, numbered, quoted_tail(blocks, numbered))


#: how far the numbering must jump ahead (past N+1) for a run to be taken for a quoted document's
_JUMP = 3


def quoted_jump_run(numbers: list[int], texts: list[str]) -> set[int]:
    """The indexes of a run that jumps ahead of the cable's numbering after N (to N+3 or more) and
    goes on one by one to the end (``13, 42, 43, … 47``), where ``texts[i]`` is the text from number
    i to the next (the last: to the end): the text from N to the jump opens a quotation (``Begin
    text of SIR paragraphs 42-47``) that no text closes before the run's last number (the
    paragraph audit shares this test)."""
    for k in range(1, len(numbers)):
        if numbers[k] < numbers[k - 1] + _JUMP:
            continue
        if any(numbers[i] != numbers[i - 1] + 1 for i in range(k + 1, len(numbers))):
            return set()
        if _opens_quote(texts[k - 1]) and not any(QUOTE_END.search(t) for t in texts[k:-1]):
            return set(range(k, len(numbers)))
        return set()
    return set()


@PASSES.rule("quoted-jump-numbering", after="quoted-text-numbering")
def quoted_jump_numbering(blocks: list[Block], run: Run) -> list[Block]:
    """A quoted document's paragraphs numbered as in the document, from a jump ahead of the cable's
    numbering to the cable's end, where the cable opens the quotation before the jump and does not
    close it before them (``¶13. Begin text of SIR (GOV/2009/24) paragraphs 42-47`` / ``¶42.`` …
    ``¶47.``, 09UNVIEVIENNA220), are list items, not the cable's paragraphs."""
    numbered = _numbers(blocks)
    numbers = [n for _, n in numbered]
    if not any(b >= a + _JUMP for a, b in itertools.pairwise(numbers)):
        return blocks  # (no jump: the texts are not joined)
    return _listed(blocks, numbered, quoted_jump_run(numbers, _numbered_texts(blocks, numbered)))


#: an entry's text: short, no portion marking first, no sentence ended inside it
_MARKED = re.compile(r"\s*\((?:U|C|S|TS|SBU|LOU|FOUO)(?:/{1,2}[A-Z]{1,6})*\)")  # (not ``(EU)``, a topic)
_SENTENCE_INSIDE = re.compile(r"[a-z)][.!?]\s+[A-Z][a-z]")
_ENTRY_CHARS, _ENTRY_WORDS = 100, 14
#: the fewest entries in a roster, and the share of them that must read as entries (a last one
#: may run on into the signature, a page may glue a few onto one line)
_ROSTER_MIN, _ROSTER_SHARE = 3, 0.75


def _entry(text: str) -> bool:
    """A roster's entry: ``Varduhi Asaturian, Ministry of Foreign Affairs`` (its number and a topic in
    brackets after it stripped, ``¶3. (EU) Barroso Election``; a portion marking makes it the cable's)."""
    number = PARA_START.match(text)
    if number is not None:
        if _MARKED.match(number["marking"] or ""):
            return False
        text = text[number.end() :]
    text = text.strip()
    return (
        len(text) <= _ENTRY_CHARS
        and len(text.split()) <= _ENTRY_WORDS
        and not _MARKED.match(text)
        and not _SENTENCE_INSIDE.search(text)
    )


def _marked(blocks: list[Block], numbered: list[tuple[int, int]], found: set[int]) -> bool:
    """Whether a paragraph at these indexes (into ``numbered``) carries a portion marking (the cable's
    own paragraph, not an entry; a topic in brackets, ``(EU)``, is none)."""
    return any(_MARKED.match(getattr(blocks[numbered[i][0]], "marking", None) or "") for i in found)


def entry_tail_run(numbers: list[int], texts: list[str]) -> set[int]:
    """The indexes of a restart at 1 after N (2 or more) that runs on to the end (each number 1 or
    the last one's next, three or more), where ``texts[i]`` is the text from number i to the next
    (the last: to the end) and three in four of them are a roster's entries: a delegation's names
    numbered from 1 in the cable's last paragraph (``6.(U) DELEGATION ROSTERS U.S. Delegation`` /
    ``1.Michael Stafford ) State Department`` …, 07YEREVAN1420), not the cable's paragraphs (the
    paragraph audit shares this test)."""
    for k in range(1, len(numbers)):
        if numbers[k] != 1 or numbers[k - 1] < 2:
            continue
        if any(numbers[i] not in (1, numbers[i - 1] + 1) for i in range(k + 1, len(numbers))):
            return set()
        run = texts[k:]
        if len(run) >= _ROSTER_MIN and sum(map(_entry, run)) >= _ROSTER_SHARE * len(run):
            return set(range(k, len(numbers)))
        return set()
    return set()


@PASSES.rule(
    "roster-numbering",
    after="quoted-jump-numbering",
    note=note(
        "normalization",
        "Where the numbering restarts at 1 after paragraph N and runs on to the end, and the restarted numbers "
        "hold short entries (a delegation's names and offices), they are the entries of a list in paragraph N, "
        "each with its number as its label, not the cable's paragraphs.",
    ),
)
def roster_numbering(blocks: list[Block], run: Run) -> list[Block]:
    """A roster numbered from 1 in the cable's last paragraph, to the end (07YEREVAN1420): list
    items, not the cable's paragraphs (``entry_tail_run``); none with a portion marking."""
    numbered = _numbers(blocks)
    numbers = [n for _, n in numbered]
    if 1 not in numbers[1:]:
        return blocks
    found = entry_tail_run(numbers, _numbered_texts(blocks, numbered))
    if _marked(blocks, numbered, found):
        return blocks
    return _listed(blocks, numbered, found)


def contents_run(numbers: list[int], texts: list[str]) -> set[int]:
    """The indexes of a table of contents: the numbers are 1 to N twice (N three or more) and the
    first N texts are a roster's entries, titles of a line (``¶1. Lead Stories Summary`` …
    ``¶10. Iceland Elections``, then ``¶1. Lead Stories Summary`` / its text …, 09BERLIN485: a
    media reaction's contents); ``texts[i]`` as for ``entry_tail_run``."""
    half = len(numbers) // 2
    if half < _ROSTER_MIN or numbers != [*range(1, half + 1)] * 2 or not all(map(_entry, texts[:half])):
        return set()
    return set(range(half))


@PASSES.rule(
    "contents-numbering",
    after="roster-numbering",
    note=note(
        "normalization",
        "Where the numbers run 1 to N twice and the first run holds only titles of a line, the first run is "
        "the cable's table of contents: list entries, each with its number as its label, not paragraphs.",
    ),
)
def contents_numbering(blocks: list[Block], run: Run) -> list[Block]:
    """A table of contents numbered as the paragraphs it lists (09BERLIN485): list items, not
    the cable's paragraphs (``contents_run``); none with a portion marking."""
    numbered = _numbers(blocks)
    numbers = [n for _, n in numbered]
    if len(numbers) < 2 * _ROSTER_MIN or numbers[len(numbers) // 2] != 1:
        return blocks
    found = contents_run(numbers, _numbered_texts(blocks, numbered))
    if not found or _marked(blocks, numbered, found):
        return blocks
    out = _listed(blocks, numbered, found)
    first, last = numbered[0][0], numbered[len(found) - 1][0]
    if last - first == len(found) - 1:  # one list, where nothing stands between its entries
        items = tuple(item for block in out[first : last + 1] if isinstance(block, ItemList) for item in block.items)
        out[first : last + 1] = [ItemList(items)]
    return out


def _listed(blocks: list[Block], numbered: list[tuple[int, int]], quoted: set[int]) -> list[Block]:
    """The blocks with the numbered paragraphs at these indexes (into ``numbered``) as list items."""
    if not quoted:
        return blocks
    out = list(blocks)
    for index in quoted:
        position = numbered[index][0]
        block = out[position]
        assert isinstance(block, Paragraph)
        out[position] = _as_items(block)
    return out
