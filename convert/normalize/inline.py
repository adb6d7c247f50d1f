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
_APOSTROPHE_COMMA = re.compile(
    r"(?<=[a-z]),(?=(?:s|t|ll|re|ve|d|m)\b)|(?<=[A-Z]{2}),(?=[ST]\b(?!\.))"
)
_AMP_OPEN = re.compile(r"(?<![A-Za-z0-9&])&(?=[A-Za-z0-9(])")
_EIGHT_CLOSE = re.compile(r"(?<=[A-Za-z.,!?;:)'])8(?![0-9A-Za-z])")
_REDACTION = re.compile(r"(?<![A-Za-z])(?:X{4,}|x{4,})(?![A-Za-z])")
_DAMAGED_WORDS = {"vis--vis": "vis-à-vis", "Vis--vis": "Vis-à-vis", "VIS--VIS": "VIS-A-VIS"}
_DAMAGED = re.compile("|".join(re.escape(w) for w in _DAMAGED_WORDS))


def _find_repairs(text: str) -> list[tuple[int, int, Token]]:
    found: list[tuple[int, int, Token]] = []
    if "," not in text and "&" not in text and "--" not in text and "XXXX" not in text and "xxxx" not in text:
        return found
    for match in _APOSTROPHE_COMMA.finditer(text):
        found.append((match.start(), match.end(), Choice(",", "\u2019", reason="apostrophe")))
    # &quoted text8: an ampersand that opens, an 8 that closes, within one sentence or two
    for match in _AMP_OPEN.finditer(text):
        close = _EIGHT_CLOSE.search(text, match.end(), min(len(text), match.end() + 400))
        if close is None:
            continue
        if "&" in text[match.end(): close.start()] and _AMP_OPEN.search(text, match.end(), close.start()):
            continue
        found.append((match.start(), match.end(), Choice("&", "\u201c", reason="quote")))
        found.append((close.start(), close.end(), Choice("8", "\u201d", reason="quote")))
    for match in _DAMAGED.finditer(text):
        found.append((match.start(), match.end(), Choice(match.group(), _DAMAGED_WORDS[match.group()], reason="accent")))
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
            return left, rest + tokens[index + 1:]
        if pos >= offset:
            return left, tokens[index:]
        left.append(token)
        return left, tokens[index + 1:]
    return left, []


def wrap(tokens: list[Token], start: int, end: int, seg_type: str, part: str | None = None) -> list[Token]:
    """Wrap the plain-text range [start, end) of tokens in a Seg."""
    head, rest = split_at(tokens, start)
    middle, tail = split_at(rest, end - start)
    if not middle:
        return tokens
    return [*head, Seg(seg_type, middle, part), *tail]
