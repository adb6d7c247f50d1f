"""Working with runs of inline tokens: their reading text, splitting and wrapping them, and
marking start…end spans across paragraphs (what the span rules do)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .parsed import Choice, Gap, Seg, Token


def plain(tokens: Sequence[Token]) -> str:
    """The reading text of tokens: regularised forms, redactions as written, no furniture."""
    out: list[str] = []
    for token in tokens:
        if isinstance(token, str):
            out.append(token)
        elif isinstance(token, Choice):
            out.append(token.reg)
        elif isinstance(token, Gap):
            out.append(token.text)
        elif isinstance(token, Seg):
            out.append(plain(token.children))
    return "".join(out)


def split_at(tokens: Sequence[Token], offset: int) -> tuple[list[Token], list[Token]]:
    """Split tokens at a character offset of their plain text. An offset inside a Choice, a
    Gap or a Seg moves to the token's end."""
    left: list[Token] = []
    pos = 0
    for index, token in enumerate(tokens):
        size = len(plain([token]))
        if pos + size <= offset or (size == 0 and pos <= offset and not isinstance(token, str)):
            left.append(token)
            pos += size
            continue
        if isinstance(token, str):
            cut = offset - pos
            if cut > 0:
                left.append(token[:cut])
            rest: list[Token] = [token[cut:]] if token[cut:] else []
            return left, rest + list(tokens[index + 1 :])
        if pos >= offset:
            return left, list(tokens[index:])
        left.append(token)
        return left, list(tokens[index + 1 :])
    return left, []


def wrap(tokens: Sequence[Token], start: int, end: int, seg_type: str, part: str | None = None) -> list[Token]:
    """Wrap the plain-text range [start, end) of tokens in a Seg."""
    head, rest = split_at(tokens, start)
    middle, tail = split_at(rest, end - start)
    if not middle:
        return list(tokens)
    return [*head, Seg(seg_type, tuple(middle), part), *tail]


@dataclass(slots=True)
class SpanText:
    """The runs of text of a stretch of the body (paragraphs, then their items) as tokens,
    with their reading text (lower-cased too, for the rules' triggers); ``main``: the indices
    of the paragraphs' own text (not items); ``headed``: those of paragraphs right after a
    heading that is a summary label (``Summary`` / ``-------``); ``numbered``: the number of
    each numbered paragraph by its index; ``opened``: the indices of paragraphs right after any
    heading (where a section begins)."""

    tokens: list[list[Token]]
    texts: list[str]
    lows: list[str]
    main: list[int]
    headed: list[int] = field(default_factory=list)
    numbered: dict[int, int] = field(default_factory=dict)
    opened: frozenset[int] = frozenset()

    def spanned(self, index: int) -> bool:
        """Whether the run ``index`` holds a span a rule marked already (a summary, a comment, a quotation)."""
        return any(isinstance(token, Seg) for token in self.tokens[index])


@dataclass(frozen=True, slots=True)
class Span:
    """What a span rule marks: from a start to an end, possibly across paragraphs."""

    seg_type: str
    start: re.Pattern[str]
    end: re.Pattern[str]
    start_trigger: tuple[str, ...]  # lower-case: one is in a paragraph where a start can be
    end_trigger: tuple[str, ...]
    anywhere: bool  # the start may be anywhere in a paragraph (else: at its beginning)
    restart_stops: bool = False  # a new start before the end leaves the first unclosed
    #: the end may be in a list's item (``We discussed: -- a; -- b. End summary.``): the runs
    #: searched for it are all those after the start, items too, up to the 12th paragraph on
    through_items: bool = False
    #: lower-case strings every match of ``start`` (``end``) begins with, none with an i, k or s
    #: (``re.I`` matches ı, K and ſ there): the pattern is tried only where the text holds one
    #: (:func:`search`); None: at every position
    start_at: tuple[str, ...] | None = None
    end_at: tuple[str, ...] | None = None
    #: how many runs (or, ``through_items``, paragraphs) after the start its end is looked for in
    reach: int = 12


def search(pattern: re.Pattern[str], source: str, low: str, starts: tuple[str, ...] | None,
           pos: int = 0) -> re.Match[str] | None:
    """``pattern.search(source, pos)``, tried only where ``low`` (``source`` lower-cased) holds
    one of ``starts`` (what every match begins with): a pattern that begins with ``\\b`` or an
    alternation has no prefix ``re`` can skip to, and is tried at every position of the text.
    ``match`` at a position still sees the character before it (``\\b``, a look-behind).
    Where lower-casing changed the text's length (``İ``), positions differ: searched whole."""
    if starts is None or len(low) != len(source):
        return pattern.search(source, pos)
    found: re.Match[str] | None = None
    for start in starts:
        at = low.find(start, pos)
        while at >= 0 and (found is None or at < found.start()):
            match = pattern.match(source, at)
            if match is not None:
                found = match
                break
            at = low.find(start, at + 1)
    return found


def _has(low: str, needles: tuple[str, ...]) -> bool:
    for needle in needles:
        if needle in low:
            return True
    return False


def _holding(lows: list[str], indices: list[int], needles: tuple[str, ...]) -> list[int]:
    """The positions in ``indices`` of the runs whose lower-cased text holds a needle."""
    if len(needles) == 1:
        (needle,) = needles
        return [p for p, i in enumerate(indices) if needle in lows[i]]
    return [p for p, i in enumerate(indices) if _has(lows[i], needles)]


def _following(text: SpanText, indices: list[int], position: int, span: Span) -> list[int]:
    """The runs after a start where its end may be: the next 12 (the span's ``reach``) of ``indices``,
    or (a span ``through_items``) every run, items too, up to the 12th paragraph on."""
    if not span.through_items:
        return indices[position + 1 : position + 1 + span.reach]
    main = set(text.main)
    runs: list[int] = []
    paragraphs = 0
    for k in range(indices[position] + 1, len(text.tokens)):
        paragraphs += k in main
        if paragraphs > span.reach:
            break
        runs.append(k)
    return runs


def wrap_parts(text: SpanText, runs: Sequence[int], begin: int, end: int, seg_type: str) -> None:
    """Wrap one span over two runs or more (``part`` I, M, F): the first from ``begin`` to its
    end, the runs between whole, the last from its start to ``end``."""
    first, *middle, last = runs
    text.tokens[first] = wrap(text.tokens[first], begin, len(text.texts[first]), seg_type, "I")
    for k in middle:
        text.tokens[k] = wrap(text.tokens[k], 0, len(text.texts[k]), seg_type, "M")
    text.tokens[last] = wrap(text.tokens[last], 0, end, seg_type, "F")


def mark_ranges(text: SpanText, indices: list[int], span: Span) -> bool:
    """Wrap each start…end range among the runs ``indices`` in ``seg type=…`` (``part``
    I/M/F when it spans runs: at most 12 further). Returns whether a range was found. An
    unclosed start is left alone; a run holds at most one range's start."""
    found = False
    done = -1  # the last run a range covered
    for position in _holding(text.lows, indices, span.start_trigger):
        index = indices[position]
        if index <= done:
            continue
        source = text.texts[index]
        low = text.lows[index]
        start = search(span.start, source, low, span.start_at) if span.anywhere else span.start.match(source)
        if not start:
            continue
        begin = start.start()
        end = search(span.end, source, low, span.end_at, start.end()) if _has(low, span.end_trigger) else None
        if end:
            text.tokens[index] = wrap(text.tokens[index], begin, end.end(), span.seg_type)
            found = True
            continue
        following = _following(text, indices, position, span)
        for later, k in enumerate(following):
            low = text.lows[k]
            if span.restart_stops and _has(low, span.start_trigger):
                if search(span.start, text.texts[k], low, span.start_at):
                    break
            stop = search(span.end, text.texts[k], low, span.end_at) if _has(low, span.end_trigger) else None
            if stop:
                wrap_parts(text, [index, *following[:later], k], begin, stop.end(), span.seg_type)
                found = True
                done = k
                break
    return found
