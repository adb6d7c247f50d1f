"""Inline content: text, repairs that keep the original, redactions, page breaks, segments.

A paragraph is a flat list of tokens until it is built into TEI. Repairs never replace text
silently: each is a :class:`Choice` holding what the source said and what it means.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lines import Furniture


@dataclass(slots=True)
class Choice:
    orig: str
    reg: str
    kind: str = "reg"  # "reg" -> orig/reg (regularisation); "corr" -> sic/corr (correction)
    cert: str | None = None
    reason: str | None = None  # a short name for the rule that made it


@dataclass(slots=True)
class Gap:
    text: str  # the redaction as it stood (XXXXXXXXXXXX)


@dataclass(slots=True)
class Break:
    furniture: Furniture


@dataclass(slots=True)
class Seg:
    type: str
    children: list[Token] = field(default_factory=list)
    part: str | None = None


Token = str | Choice | Gap | Break | Seg


def plain(tokens: list[Token]) -> str:
    """The reading text of tokens: regularised forms, no page furniture."""
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


# ---------------------------------------------------------------- repairs on plain text
# Each pattern starts with a literal (",", "&", "8") so the regex engine can skip to it; the
# character before it is checked in Python (a look-behind would make every position a try).
_APOSTROPHE_COMMA = re.compile(r",(?=(?:s|t|ll|re|ve|d|m)\b)|,(?=[ST]\b(?!\.))")
_AMP_OPEN = re.compile(r"&(?=[A-Za-z0-9(])")
_EIGHT_CLOSE = re.compile(r"8(?![0-9A-Za-z])")
_REDACTION = re.compile(r"(?<![A-Za-z])(?:X{4,}|x{4,})(?![A-Za-z])")
_DAMAGED_WORDS = {"vis--vis": "vis-\u00e0-vis", "Vis--vis": "Vis-\u00e0-vis", "VIS--VIS": "VIS-A-VIS"}
_DAMAGED = re.compile("|".join(re.escape(w) for w in _DAMAGED_WORDS))
_CLOSES_QUOTE = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.,!?;:)'")


def _apostrophe_at(text: str, comma: int) -> bool:
    """``Korea,s`` / ``hasn,t`` (lower case), ``KOREA,S`` (two capitals before)."""
    after = text[comma + 1 : comma + 2]
    if after.islower():
        return comma > 0 and text[comma - 1].islower()
    return comma > 1 and text[comma - 1].isupper() and text[comma - 2].isupper() and text[comma - 1].isalpha()


def _opens_quote(text: str, amp: int) -> bool:
    return amp == 0 or not (text[amp - 1].isalnum() or text[amp - 1] == "&")


def _closing_eight(text: str, start: int, stop: int) -> re.Match[str] | None:
    for match in _EIGHT_CLOSE.finditer(text, start, stop):
        if match.start() > 0 and text[match.start() - 1] in _CLOSES_QUOTE:
            return match
    return None


def _find_repairs(text: str) -> list[tuple[int, int, Token]]:
    found: list[tuple[int, int, Token]] = []
    has_amp = "&" in text
    if "," not in text and not has_amp and "--" not in text and "XXXX" not in text and "xxxx" not in text:
        return found
    for match in _APOSTROPHE_COMMA.finditer(text):
        if _apostrophe_at(text, match.start()):
            found.append((match.start(), match.end(), Choice(",", "\u2019", reason="apostrophe")))
    # &quoted text8: an ampersand that opens, an 8 that closes, within one sentence or two
    if has_amp:
        opens = [m for m in _AMP_OPEN.finditer(text) if _opens_quote(text, m.start())]
        for index, match in enumerate(opens):
            limit = min(len(text), match.end() + 400)
            if index + 1 < len(opens):
                limit = min(limit, opens[index + 1].start())
            close = _closing_eight(text, match.end(), limit)
            if close is None:
                continue
            found.append((match.start(), match.end(), Choice("&", "\u201c", reason="quote")))
            found.append((close.start(), close.end(), Choice("8", "\u201d", reason="quote")))
    if "--" in text:
        for match in _DAMAGED.finditer(text):
            found.append(
                (match.start(), match.end(), Choice(match.group(), _DAMAGED_WORDS[match.group()], reason="accent"))
            )
    if "XXXX" in text or "xxxx" in text:
        for match in _REDACTION.finditer(text):
            found.append((match.start(), match.end(), Gap(match.group())))
    found.sort(key=lambda item: item[0])
    # drop overlaps (first wins)
    result: list[tuple[int, int, Token]] = []
    last_end = -1
    for start, end, token in found:
        if start >= last_end:
            result.append((start, end, token))
            last_end = end
    return result


def repair(text: str) -> list[Token]:
    """Text -> tokens with repairs and redactions marked."""
    repairs = _find_repairs(text)
    if not repairs:
        return [text] if text else []
    tokens: list[Token] = []
    pos = 0
    for start, end, token in repairs:
        if start > pos:
            tokens.append(text[pos:start])
        tokens.append(token)
        pos = end
    if pos < len(text):
        tokens.append(text[pos:])
    return tokens


def repair_tokens(tokens: list[Token]) -> list[Token]:
    """Apply :func:`repair` to every plain string, across the whole paragraph so that an
    ``&…8`` pair split by a page break is still seen as a pair."""
    out: list[Token] = []
    for token in tokens:
        if isinstance(token, str):
            out.extend(repair(token))
        elif isinstance(token, Seg):
            out.append(Seg(token.type, repair_tokens(token.children), token.part))
        else:
            out.append(token)
    return out


# ---------------------------------------------------------------- splitting tokens
def split_at(tokens: list[Token], offset: int) -> tuple[list[Token], list[Token]]:
    """Split tokens at a character offset of their plain text. An offset inside a Choice or a
    Gap moves to the token's end."""
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
            return left, rest + tokens[index + 1 :]
        if pos >= offset:
            return left, tokens[index:]
        left.append(token)
        return left, tokens[index + 1 :]
    return left, []


def wrap(tokens: list[Token], start: int, end: int, seg_type: str, part: str | None = None) -> list[Token]:
    """Wrap the plain-text range [start, end) of tokens in a Seg."""
    head, rest = split_at(tokens, start)
    middle, tail = split_at(rest, end - start)
    if not middle:
        return tokens
    return [*head, Seg(seg_type, middle, part), *tail]
