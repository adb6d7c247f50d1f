"""The paragraph audit: the pages' ¶ anchors against the numbered paragraphs of our TEI.

The site wraps every ``N.`` at a line start in ``<a id='parN' href='#parN'>¶</a>``; not every
anchor starts a paragraph. Following the truth file's conventions an anchor **counts** when
- its number has one to three digits (``¶2008.`` is a year) and is followed by ``.`` and not
  by a digit (``¶2.1 billion`` is an amount), and
- the line before it is blank, or the last word of the text before it is not one that a
  number continues (a month: ``April`` / ``¶2.`` is a wrapped date; ``PARA`` / ``¶6.`` a
  cross-reference; ``NO``, ``SEE``, ``AND``, ...).
Lettered anchors (``¶B.``) are never paragraphs, nor are a quoted document's own numbers (the
numbering restarts at 1 after ``¶N.`` and the cable then resumes with ``¶N+1.``: the rule
``quoted-numbering`` of the normalizer, whose test it shares; nor, with the quotation opened
before them and closed after them, a quoted document's numbers that run on to the end:
``quoted-text-numbering``), nor is a media partner's preview of the cable: an anchor whose text
is cut short with ``...`` in its first 200 characters and whose number is anchored again
further down the page (``¶1. (SBU) Ayacucho's economy turns on narcotr...``, the row naming the
cable, then the whole cable with its ``¶1.``), which the truth counts once, nor a second copy
of the whole numbered text after the text (the rule ``repeated-text``, whose test it shares:
the anchors restart at 1 and run to the end, each beginning as the first copy's of its number
does). How well this rule agrees with the truth file is measured and printed by the evaluation
(``anchor_rule_agreement``).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from convert.normalize.rules.quoted import contents_run, entry_tail_run, quoted_jump_run, quoted_runs, quoted_tail_run
from convert.normalize.rules.repeated import copy_run
from convert.normalize.rules.splitnumber import joined_number

MONTHS = frozenset(
    "JANUARY FEBRUARY MARCH APRIL MAY JUNE JULY AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER "
    "JAN FEB MAR APR JUN JUL AUG SEP SEPT OCT NOV DEC".split()
)
CONTINUING = MONTHS | frozenset(
    "PARA PARAS PARAGRAPH PARAGRAPHS REFTEL REF NO NOS NUMBER SEE AND OR TO IN ON OF ITEM ITEMS POINT POINTS "
    "ARTICLE ARTICLES SECTION CHAPTER RESOLUTION".split()
)
_ANCHOR = re.compile(r"¶(\w+)")
_DASHES = re.compile(r"^\s*(?:-{3,}|(?:- ){3,}-?|={3,}|_{3,})\s*$")
_PAGE_BREAK = re.compile(r"\d{8} \d{3}(?:\.\d)? OF \d{3}|\bPAGE \d{2,3} ", re.I)


@dataclass(frozen=True)
class Anchor:
    n: int
    counts: bool  # starts a paragraph by the rule above
    context: str  # what precedes it: blank | dashes | redaction | page-break | text
    words: tuple[str, ...]  # the first words of its text (after the number and marking)


def _norm_words(text: str) -> list[str]:
    return [w for w in (t.strip("\"'.,;:!?()[]-").lower() for t in text.split()) if w]


def anchors(body: str) -> list[Anchor]:
    """Every numeric ¶ anchor of a page's body text (as displayed: anchors shown as ``¶``)."""
    lines = body.split("\n")
    out: list[Anchor] = []
    at: list[int] = []  # the line of each anchor
    before: list[str] = []  # the line with text before each anchor
    previews: list[int] = []  # anchors whose text is cut short with "..."
    for i, line in enumerate(lines):
        for m in _ANCHOR.finditer(line):
            token = m.group(1)
            if not token.isdigit():
                continue
            rest = line[m.end() :]
            prev_blank = i == 0 or not lines[i - 1].strip(" \\\t")
            prev = next((x for x in reversed(lines[:i]) if x.strip(" \\\t")), "")
            last = (prev.replace("\\", " ").split() or [""])[-1].strip(".,;:()").upper()
            counts = (
                len(token) <= 3
                and rest.startswith(".")
                and not rest[1:2].isdigit()
                and (prev_blank or last not in CONTINUING)
            )
            if _DASHES.match(prev.replace("\\", "")):
                context = "after a dashed rule"
            elif "XXXXX" in prev.upper():
                context = "after a redaction"
            elif _PAGE_BREAK.search(prev):
                context = "after a page-break line"
            elif prev_blank:
                context = "after a blank line"
            else:
                context = "after a text line"
            following = " ".join([rest[1:], *lines[i + 1 : i + 3]]).replace("\\", " ")
            words = _norm_words(" ".join(following.split()[:14]))
            if words and re.fullmatch(r"[a-z/]{1,8}", words[0]) and re.match(r"\s*\(", rest[1:]):
                words = words[1:]  # the portion marking
            out.append(Anchor(int(token), counts, context, tuple(words[:8])))
            at.append(i)
            before.append(prev.replace("\\", " ") if re.match(r"\.\s*\(", rest) else "")
            if "..." in "\n".join([rest, *lines[i + 1 : i + 4]])[:200]:
                previews.append(len(out) - 1)
    for index in previews:  # a cut preview whose number comes again later on the page
        anchor = out[index]
        if anchor.counts and any(a.n == anchor.n and a.counts for a in out[index + 1 :]):
            out[index] = Anchor(anchor.n, False, anchor.context, anchor.words)
    # a quoted document's own numbering: restarted at 1 after N, the cable resuming with N+1
    counting = [i for i, a in enumerate(out) if a.counts]
    for index in quoted_runs([out[i].n for i in counting]):
        anchor = out[counting[index]]
        out[counting[index]] = Anchor(anchor.n, False, anchor.context, anchor.words)
    # a quoted document's numbered points to the end, the quotation opened before them and closed
    # after them (the rule ``quoted-text-numbering``); its paragraphs under their own numbers, after
    # a jump ahead of the cable's, to the end (the rule ``quoted-jump-numbering``); a roster numbered
    # from 1 to the end (``roster-numbering``); a table of contents (``contents-numbering``)
    for quoted in (quoted_tail_run, quoted_jump_run, entry_tail_run, contents_run):
        counting = [i for i, a in enumerate(out) if a.counts]
        bounds = [at[i] for i in counting[1:]] + [len(lines)] * bool(counting)
        texts = [" ".join(lines[at[i] : end]) for i, end in zip(counting, bounds, strict=True)]
        for index in quoted([out[i].n for i in counting], texts):
            anchor = out[counting[index]]
            out[counting[index]] = Anchor(anchor.n, False, anchor.context, anchor.words)
    _join_split_numbers(out, before)
    # a second copy of the numbered text after the text (the rule ``repeated-text``): counted once
    counting = [i for i, a in enumerate(out) if a.counts]
    starts = [" ".join(out[i].words[:6]) if len(out[i].words) >= 6 else "" for i in counting]
    for index in copy_run([out[i].n for i in counting], starts):
        anchor = out[counting[index]]
        out[counting[index]] = Anchor(anchor.n, False, anchor.context, anchor.words)
    return out


def _join_split_numbers(out: list[Anchor], before: Sequence[str]) -> None:
    """A number a wrap split after its first figure (``PKO/HAITI --------- 1`` / ``¶0. (C)`` after
    ¶9: the site anchored ``0``) is the number joined again, as the normalizer's rule
    ``split-paragraph-number`` reads it (its test shared): ¶10."""
    last = None
    for index, anchor in enumerate(out):
        if not anchor.counts:
            continue
        joined = joined_number(before[index], anchor.n, last)
        if joined is not None:
            out[index] = Anchor(joined, True, anchor.context, anchor.words)
        last = out[index].n


def counted(found: Iterable[Anchor]) -> list[int]:
    return [a.n for a in found if a.counts]


def matched(anchor_numbers: Sequence[int], ours: Sequence[int]) -> int:
    """How many counted anchors have a numbered paragraph of the same number (as multisets)."""
    have = Counter(ours)
    need = Counter(anchor_numbers)
    return sum(min(c, have[n]) for n, c in need.items())


def where_in(words: Sequence[str], blocks: Sequence[tuple[str, int | None, str]], number: int | None = None) -> str:
    """Which of our reading blocks ``(kind, n, text)`` holds the anchor's first words: the
    first block holding its first six words, else (a short heading line whose next words
    are in another block) a block that starts with its first three."""
    if len(words) < 3:
        return "too short to find"

    def named(kind: str, n: int | None) -> str:
        if kind == "p" and n is not None and n == number:
            return "its number's paragraph, matched by another anchor (the number repeats)"
        if kind == "p":
            return "an unnumbered paragraph" if n is None else "merged into a numbered paragraph"
        return f"a {kind} block"

    normed = [(kind, n, _norm_words(text)) for kind, n, text in blocks]
    probe = " ".join(words[:6])
    for kind, n, found in normed:
        if probe in " ".join(found):
            return named(kind, n)
    for kind, n, found in normed:
        start = found[1:] if found and found[0].isdigit() else found
        if start[:3] == list(words[:3]):
            return named(kind, n)
    return "not in the reading text"


def out_of_sequence(numbers: Sequence[int]) -> list[tuple[int, int]]:
    """The places where a number is not greater than the one before it."""
    return [(a, b) for a, b in itertools.pairwise(numbers) if b <= a]
