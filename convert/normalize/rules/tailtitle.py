"""Stage "blocks", chain ``blocks.passes``: a section title in capitals at the end of the
paragraph before it, where copying lost the line break between them.

Cables written in mixed case set a section's title in capitals on a line of its own before the
paragraph it heads. Some pages lost the line breaks of a paragraph and run the title on after the
paragraph's last sentence: ``… End summary and comment. IS QUICK HOSPITALIZATION THE KEY TO
SURVIVAL?`` / blank / ``2.(SBU) Egypt's Ministry of Health …`` (09CAIRO173, where each of ¶1-¶4
ends in the next section's title). A reader saw the title as the last words of the paragraph.

``title-after-text`` cuts the title off into a heading between the two paragraphs: the
paragraph's text is in mixed case, its last line ends in two to twelve words in capitals after a
finished sentence (or is such a line after one, or a line of a few words in mixed case that
reads as a title after one: ``Taliban/Haqqani Network``, 10ABUDHABI9), and a numbered paragraph
follows. The words are
kept as written; only the line break is restored. Not an end marker (``END COMMENT``), not a
line of the cable's own capitals (a cable in capitals has no mixed-case text to stand out from).
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import Block, Heading, Line, Paragraph
from .blocks import PASSES
from .ruler import Run, note
from .runs import has_lower, mixed_case, next_numbered

_ENDS = ".!?"
_CLOSERS = "\"')”’]"
_MIN_WORDS, _MAX_WORDS, _MAX_CHARS = 2, 12, 90
#: a title that is a span's end or a quotation's, a reference (``SEE ALSO BRASILIA 1159``), not a heading
_NOT_TITLE = ("END ", "UNQUOTE", "UNQTE", "QUOTE", "BEGIN ", "SEE ")
#: words no title holds: an end marker's, a Classified By line's wrapped reasons (``REASONS 1.4 (B) AND (D)``)
_NOT_IN_TITLE = frozenset(("END", "REASON", "REASONS", "1.4"))
#: a portion marking before a title (``(S//NF) Lashkar-e-Tayyiba …``)
_MARKING = re.compile(r"^\((?:U|C|S|SBU|TS)(?://?[A-Z]{2,6})*\)$")


def _finished(word: str) -> bool:
    """Whether a word ends a sentence: a full stop, ! or ? (before a closing quote or bracket)."""
    return word.rstrip(_CLOSERS)[-1:] in _ENDS


def _title_word(word: str) -> bool:
    """A word of a title in capitals: a letter or digit and no lower-case letter (or ``&``, a
    dash), and it does not end a sentence or a parenthesis (but ``?`` may end the title: ``… THE
    KEY TO SURVIVAL?``)."""
    if word in ("&", "-", "--"):
        return True
    return any(map(str.isalnum, word)) and not any(map(str.islower, word)) and word.rstrip("?")[-1:] not in ".!:;,)"


def _is_title(words: list[str]) -> bool:
    title = " ".join(words)
    if not (_MIN_WORDS <= len(words) <= _MAX_WORDS and len(title) <= _MAX_CHARS):
        return False
    if not words[0][:1].isupper() or title.startswith(_NOT_TITLE):
        return False
    if _NOT_IN_TITLE.intersection(words):
        return False
    return sum(1 for word in words if sum(map(str.isalpha, word)) >= 3 and set(word) != {"X"}) >= 2


def _line_title(words: list[str]) -> bool:
    """A whole line that reads as a title in mixed case (``Taliban/Haqqani Network``, ``(S//NF)
    Lashkar-e-Tayyiba and Jamaat al-Dawa …``): a few words, the first a capital (or a portion
    marking), a third of them capitalised, no sentence's end and no clause's punctuation."""
    if not 2 <= len(words) <= 10 or not (words[-1][-1:].isalnum() or words[-1][-1:] in "?\"”"):
        return False
    first = words[1] if _MARKING.match(words[0]) else words[0]
    if not (first[:1].isupper() and first[:1].isalpha()) or " ".join(words).upper().startswith(_NOT_TITLE):
        return False
    capitals = sum(1 for word in words if word[:1].isupper() or _MARKING.match(word))
    return 3 * capitals >= len(words) and not any(word[-1:] in ",;:" for word in words[:-1])


def tail_title(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], str] | None:
    """The paragraph's lines less the title at its end, and the title; None when it ends in none."""
    last = max((k for k, x in enumerate(lines) if isinstance(x, str) and x.strip()), default=None)
    if last is None:
        return None
    line = lines[last]
    assert isinstance(line, str)
    words = line.split()
    if last and _line_title(words):
        before = next((x for x in reversed(lines[:last]) if isinstance(x, str) and x.strip()), None)
        if before is not None and _finished(before.split()[-1]):
            return lines[:last], line.strip()
    start = len(words)
    while start > 0 and _title_word(words[start - 1]) and len(words) - start <= _MAX_WORDS:
        start -= 1
    if start == len(words) or not _is_title(words[start:]):
        return None
    if start == 0:
        before = next((x for x in reversed(lines[:last]) if isinstance(x, str) and x.strip()), None)
        if before is None or not _finished(before.split()[-1]):
            return None
        return lines[:last], line.strip()
    if not _finished(words[start - 1]):
        return None
    title = line.split(None, start)[-1].rstrip()
    kept = line.rstrip()[: -len(title)].rstrip()
    return (*lines[:last], kept, *lines[last + 1 :]), title


@PASSES.rule(
    "title-after-text",
    after="title-before-number",
    note=note(
        "normalization",
        "A title in capitals run on after a paragraph's last sentence (… End summary. IS QUICK HOSPITALIZATION "
        "THE KEY TO SURVIVAL?), before a numbered paragraph, in a cable written in mixed case, is the next "
        "section's heading, and so is a title's own last line in mixed case after a finished sentence "
        "(Taliban/Haqqani Network): the line break lost in copying is restored; the words are kept as written.",
    ),
)
def title_after_text(blocks: list[Block], run: Run) -> list[Block]:
    """``1.(SBU) … End summary and comment. IS QUICK HOSPITALIZATION THE KEY TO SURVIVAL?`` /
    ``2.(SBU) …`` (09CAIRO173): the capitals after the paragraph's last finished sentence are a
    heading before ¶2."""
    if not mixed_case(blocks):
        return blocks
    out: list[Block] = []
    for index, block in enumerate(blocks):
        found = None
        if isinstance(block, Paragraph) and not block.items and next_numbered(blocks, index):
            found = tail_title(block.lines)
        if found is None or not isinstance(block, Paragraph) or not any(map(has_lower, found[0])):
            out.append(block)
            continue
        lines, title = found
        out += [dataclasses.replace(block, lines=lines, items=(), tokens=()), Heading((title,))]
    return out if len(out) != len(blocks) else blocks
