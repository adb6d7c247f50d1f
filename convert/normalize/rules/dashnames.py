"""Where a run of dashes in a line is a rule and where it stands for a withheld name (no rules here):
``glued-heading``'s reading of a line that lost its breaks (:mod:`.cuts`)."""

from __future__ import annotations

import re

from .runs import DASH_RUN, SPACED_EQUALS

#: the most characters a title set between rules has
TITLE_MAX = 100
#: a standalone run of four dashes or more (not ``--`` punctuation, not ``vis--vis``), or of
#: spaced equals signs
DASHES = re.compile(rf"(?<![^\s.!?:;,\"')\]\u201d])(?:{DASH_RUN}|{SPACED_EQUALS})(?!-|(?<=-) -)")
#: dashes written for a name inside a sentence, a lower-case word on both sides (``The July 8
#: arrest of --------------- by the …``), or for the subject of a sentence, after the one before it
#: ends (``… favored colleagues and partners. ---------- told us recently …``, 08MOSCOW2759; not a
#: title between two rules: ``… comment. -------- and the Press -------- 6. (SBU) …``): no rule
_WORD_BEFORE = re.compile(r"\b[a-z]{2,}\s++$")
_SENTENCE_BEFORE = re.compile(r"[a-z]{2}[.!?][\"')\u201d]?\s++$")
_WORD_AFTER = re.compile(r"\s++[a-z]{2,}\b")


def rule_runs(line: str) -> list[re.Match[str]]:
    """The runs of dashes (or spaced equals signs) in ``line`` that are rules, not a name's."""
    return [m for m in DASHES.finditer(line) if not _for_a_name(line, m)]


def _for_a_name(line: str, run: re.Match[str]) -> bool:
    # (the word before looked for in the 60 characters before the run: linear on many runs)
    if not _WORD_AFTER.match(line, run.end()):
        return False
    if _WORD_BEFORE.search(line, max(0, run.start() - 60), run.start()):
        return True
    if not _SENTENCE_BEFORE.search(line, max(0, run.start() - 60), run.start()):
        return False
    after = DASHES.search(line, run.end(), run.end() + TITLE_MAX)  # (a title between rules has no sentence end)
    return after is None or bool(re.search(r"[.!?]\s", line[run.end() : after.start()]))
