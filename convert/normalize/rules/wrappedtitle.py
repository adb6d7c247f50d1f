"""Helpers of stage "blocks" (no rules here): whether a run of short lines is one title the teletype wrapped,
which a rule under it completes, and whether a title's words follow a portion marking (not an item's label)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..parsed import Line
from .runs import ITEM_START, TITLE_LIMIT, rule_pattern

#: a portion marking before a title's words (``(U) Participants`` between rules, 10STATE17263): not an item's label
MARKED_TITLE = re.compile(r"^\((?:U|SBU|C|S|TS|LOU)(?:\s*//?\s*[A-Z]+)*\)\s+(?=[A-Z])")
#: any rule: four or more dashes, equals signs or underscores, mixed, spaced as they fall (a
#: rule line above a title, a run the teletype wrapped); ``(?:[-=_]\s*){4,}`` written out (a
#: repeated group is ``re``'s slowest repeat, a repeated class its fastest; the same strings)
_RULE_LINE = rule_pattern(r"[-=_]\s*[-=_]\s*[-=_]\s*[-=_][-=_\s]*")
#: a line that cannot be part of a title: a numbered paragraph, a table's columns (three spaces), an address on the
#: web (``Visit Embassy Madrid's Classified Website;`` / ``http://www.state.sgov.gov/…`` between rules, a trailer)
_NOT_TITLE_LINE = re.compile(r"^\s*(?:¶\s*)?\d{1,3}\s?[.)]|\S {3,}\S|://|\bwww\.")
#: the longest line of a title in sentence case wrapped before a word in lower case (prose wraps longer lines)
_SENTENCE_TITLE_LINE = 50


def wrapped_title(block: Sequence[Line], rule: str | None = None) -> bool:
    """``Chief of the Chancellery and Minister`` / ``Without Portfolio: Ronald Pofalla (CDU)`` /
    dashes (09BERLIN1360), ``BERRI ASKS FOR PRESSURE`` / ``ON SYRIA OVER LAHOUD`` / dashes: a run
    that is two short lines of text (or three: ``AMEUR HORCHANI, SECRETARY OF STATE FOR`` /
    ``AGRICULTURE CHARGED WITH HYDRAULIC RESOURCES AND`` / ``FISHERIES``, 97TUNIS5237), after any
    rules over them, is one title the teletype wrapped, which a rule under it completes (not its
    last line alone): each line at most 80 characters and a letter or digit, all under TITLE_LIMIT,
    none a numbered paragraph, an item, a table's columns, an address on the web nor a sentence's
    end (all but the last may end in a comma, a semicolon or a colon: ``MIDDLE EAST: KEEPING EU
    PRESSURE ON ARAFAT;`` / ``FORUM FOR THE FUTURE``, 04THEHAGUE1833), none in lower case at its
    start but a line after the first of a title in title case (``Development - Industrial Towns,
    Hydro-electric Power and Jitters`` / ``about Privatization`` / dashes, 08KABUL576) or of a title
    in sentence case of short lines (``Lack of signature on Customs Protocol;`` / ``no clearance of
    commercial cargo imports`` / dashes, 06JERUSALEM4511: at most 50 characters each, the first not ending in a
    comma, as a sentence's clause does: ``The minister said he would go,`` / ``and so he went`` / dashes; or
    longer, where the ``rule`` under it is as long as its first line, within two characters, as a drafter's
    underline wrapped with its title is: ``GOA CN initiatives to improve interagency and international`` /
    ``cooperation`` / ``------------------------------------------- ----------------``, 07BUENOSAIRES1246)."""
    texts = [x for x in block if isinstance(x, str)]
    if len(texts) != len(block):
        return False
    lines = [x.strip() for x in texts if not _RULE_LINE.match(x)]
    if not 2 <= len(lines) <= 3 or any(_RULE_LINE.match(x) for x in texts[len(texts) - len(lines) :]):
        return False
    return (
        all(
            len(x) <= 80 and any(map(str.isalnum, x)) and not _NOT_TITLE_LINE.search(x) and not ITEM_START.match(x)
            for x in lines
        )
        and sum(map(len, lines)) < TITLE_LIMIT
        and not any(x.endswith(".") for x in lines[:-1])
        and not lines[-1].endswith((".", ",", ";", " --"))
        and not lines[0][0].islower()
        and (
            not any(x[0].islower() for x in lines[1:])
            or _title_case(lines)
            or (all(len(x) <= _SENTENCE_TITLE_LINE for x in lines) and not lines[0].endswith(","))
            or (rule is not None and abs(len(rule.strip()) - len(lines[0])) <= 2 and len(lines[-1]) < len(lines[0]))
        )
    )


#: a word a title in title case capitalises: four letters or more (``and``, ``of``, ``the`` are not)
_LONG_WORD = re.compile(r"[A-Za-z][\w'-]{3,}")


def _title_case(lines: Sequence[str]) -> bool:
    """Whether the words of four letters or more in these lines begin in capitals, all but one
    at most, and three at least: a title in title case, whose wrapped line may begin with a
    small word (``about Privatization``), not prose."""
    words: list[str] = [w for x in lines for w in _LONG_WORD.findall(x)]
    lower = sum(1 for w in words if w[0].islower())
    return len(words) - lower >= 3 and lower <= 1
