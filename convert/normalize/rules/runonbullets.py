"""Stage "blocks", chain ``blocks.cut`` (continued from :mod:`.cuts`, after ``glued-heading``): bullets
a copy that lost its line breaks ran into the sentence before them, cut into lines of their own again."""

from __future__ import annotations

import itertools
import re

from ..parsed import Anchored, Line
from .blocks import CUT

#: a bullet run into the line before it (a copy that lost the line breaks of a list): after a
#: finished sentence or a colon, two spaces or more and ``--`` and a capital (the dashes glued to it too: ``…
#: Villegas.  --Uto Saenz, money launderer …``, 10STATE369); ``--`` and a portion marking after a finished
#: sentence, or after two spaces or more
_MARK = r"--\s++\((?:U|C|S|SBU|TS)(?:/[A-Z]{2,8})*\)"
#: what ends a sentence, and the first white space after it (looked back at from there)
_ENDED = r"(?<=[.:;!?\"')\u201d\u2019]\s)"
#: the last item's ``and`` after the item before's semicolon (``… remain open; - Exit routes …; and - Every effort
#: must be made …``, 09COLOMBO106)
_AND = r"(?<=;\s(?:and|AND)\s)"
#: (each alternative starts where a run of spaces does, and takes it whole: linear on long runs;
#: the pattern begins with the run's first white space, so the search skips to white space in C
#: instead of trying three look-behinds at every position: the same matches, 5x faster)
_RUN_ON_BULLET = re.compile(
    rf"\s(?:{_ENDED}(?:\s++(?=--\s*+[A-Z(\"\u201c])|\s*+(?={_MARK}))|(?<!\s\s)\s++(?={_MARK})"
    # (or after a label in capitals: ``1.KEY POINTS -- (C) Since …``, 09CAIRO1182)
    rf"|(?<=[A-Z]{{2}}\s)(?={_MARK}))"
)
#: the same bullet after one space only (``Key Points: -- The Government … subside. -- The
#: efforts …``, 09CAIRO1222): a bullet only where the line holds two of them or more
#: (``--The GOE's …`` too, and after a ``Key Points`` label with no colon: 09CAIRO1531; after two spaces too:
#: ``… launderers: -- Byron Lopez Salazar; … Villegas.  --Uto Saenz, …  --Jesus Guerrero; …``, 10STATE369)
_SPACED_BULLET = re.compile(rf"\s(?:{_ENDED}|{_AND}|(?<=\b(?:Key Points|KEY POINTS)\s))\s*+(?=--\s*+[A-Z(\"\u201c])")
#: the same with one hyphen, two on the line at least (``… the following steps: - Payment for … septel.) - Approval
#: and implementation …``, 09TRIPOLI695; ``1.(U) KEY POINTS - The Egyptian stock market …``; after two spaces too:
#: ``… a series of GOI concerns:  - EU Commission Role …  - A Role for Countries …``, 06ROME3205)
_SPACED_HYPHEN = re.compile(rf"\s(?:{_ENDED}|{_AND}|(?<=\b(?:Key Points|KEY POINTS)\s))\s*+(?=-\s+[A-Z(\"\u201c])")
#: the same bullet in lower case, after a semicolon or a colon (or an item's ``; and``), two on the line at least,
#: counting a line's own first (``… the following: -- strengthen the preamble …; -- shorten the main text …; and
#: -- allow for projects …``, 09BRASILIA1167); not an aside's ``-- and``, ``-- which`` …
_SPACED_LOWER = re.compile(rf"\s(?:(?<=[;:]\s)|{_AND})(?=--\s*+(?!(?:and|or|but|which|who|that|as)\b)[a-z])")
_LEADING_LOWER = re.compile(r"^\s*+--\s*+[a-z]")
#: the same after a sentence's stop, on a line a bullet in lower case begins (``-- the election issue … through the
#: London conference. -- for elections to be credible … -- what matters now …``, 10KABUL699)
_STOPPED_LOWER = re.compile(r"\s(?<=[a-z0-9)][.!?]\s)(?=--\s++(?!(?:and|or|but|which|who|that|as)\b)[a-z])")
#: the dashes glued to an item's first word in lower case, on a line such a bullet begins (``--foster domestic
#: political unity --plead Pakistan's case … --continue doing business …``, 08ISLAMABAD3733): an aside's dashes stand
#: apart from its words
_GLUED_LOWER = re.compile(r"\s(?=--[a-z])")
_GLUED_LOWER_FIRST = re.compile(r"^\s*+--[a-z]")
#: what stands before such a bullet (the pattern's look-behinds as substrings, tested first)
_LOWER_LEADS = ("; --", ": --", ";\t--", ":\t--", "; and --", "; AND --")
#: one hyphen glued to the item's first word, two on the line at least (``Key points: -A former Ministry … -The
#: consultant told us …``, 09CAIRO2371; ``… keyed to reftel: -Is the central government …? Answer: Yes. -Is …``)
_GLUED_HYPHEN = re.compile(rf"\s(?:{_ENDED}|{_AND})(?=-(?:[A-Z][a-z]|[AI]\s|[\"\u201c][A-Z]))")
#: the same bullet glued to a sentence's stop (``… telecommunications equipment.-- Even as we …``, 09DAMASCUS142):
#: a bullet only where the line holds two spaced ones or more
_GLUED_BULLET = re.compile(r"--(?<=[a-z]{2}[.!?]--)(?=\s++[A-Z])")
#: a line that begins with a ``--`` bullet (counted with one run into it); a list's lead, a sentence's stop before
_LEADING_BULLET = re.compile(r"^\s*+--\s*+[A-Z(\"\u201c]")
_LEAD_END = re.compile(r":\s+$")
_STOP_END = re.compile(r"[a-z0-9)][.!?;][\"\u201d]?\s+$")


#: a ``--`` bullet before a capital, and the white space before it
_ANY_BULLET = re.compile(r"(?<!\s)\s++(?=--\s*+[A-Z])")
#: a name's words: each with a capital first, or a particle (``Al``, ``bin``, ``de``)
_NAME_WORD = re.compile(r"(?:[A-Z][\w'\u2019.-]*|al|bin|bint|de|da|del|dos|el|la|van|von|y)")
#: the names a list of them holds at least, and the words of one at most
_NAMES, _NAME_WORDS = 3, 7


def _name_bullets(line: str) -> list[int]:
    """Where a list of names run into one line after its lead's colon is cut (``… ordered them imprisoned
    for five years for their role: -- Maytham Bader Jassem Al Sheikh -- Issa Abdulla Issa -- Naji Ali Hassan
    Ali Fateel -- …``, 08MANAMA471): three bullets or more, each item before the last a name (seven words or
    fewer, each a capital's or a particle); none where an item is prose."""
    cuts = [m.end() for m in _ANY_BULLET.finditer(line)]
    if len(cuts) < _NAMES or not line[: cuts[0]].rstrip().endswith(":"):
        return []
    for start, stop in itertools.pairwise(cuts):
        words = line[start:stop].lstrip("- ").split()
        if not words or len(words) > _NAME_WORDS or not all(_NAME_WORD.fullmatch(w) for w in words):
            return []
    return cuts


@CUT.rule("run-on-bullets", after="glued-heading", trigger=("--", " -"))
def run_on_bullets(line: str) -> list[Line] | None:
    """``1. Key Points  -- (S) Egyptian interlocutors confirmed … Iran.  -- (S) Central Bank
    …``: a list whose line breaks the copy lost, each ``--`` bullet run into the sentence
    before it, is one line per bullet again (the ``list-items`` rule then reads them as the
    paragraph's items). After one space only (``Key Points: -- The Government … subside. -- The
    efforts …``, 09CAIRO1222; ``--Following …``, no space after the dashes, 09CAIRO1531) where the line
    holds two such bullets or more, counting its own first (``-- Barreto said … other). -- Barreto
    noted …``, 06BRASILIA1910), or after a colon (``… outlined: -- Use …``, 06BRASILIA1837); one hyphen
    too where the line holds two such (``… steps: - Payment … - Approval …``, 09TRIPOLI695), glued to the item's
    first word too (``Key points: -A former … -The consultant …``, 09CAIRO2371); in lower case after a
    semicolon or a colon where the line holds two such (``… following: -- strengthen …; -- shorten …; and -- allow
    …``, 09BRASILIA1167), or after a stop on a line one begins (``-- the election issue … conference. -- for
    elections …``, 10KABUL699), or glued to their words, two after the one a line begins with (``--foster …
    --plead … --continue …``, 08ISLAMABAD3733); names after a colon, three or more (``… for their role: --
    Maytham Bader Jassem Al Sheikh -- Issa Abdulla Issa -- …``, 08MANAMA471). A dash inside a sentence
    (``Iran -- and Syria``) stays."""
    dashes = "--" in line  # (the rule runs on lines with `` -`` too, for the hyphen's bullets)
    cuts = [m.end() for m in _RUN_ON_BULLET.finditer(line)] if dashes else []
    spaced = [m.end() for m in _SPACED_BULLET.finditer(line)] if dashes else []
    hyphens = [m.end() for m in _SPACED_HYPHEN.finditer(line)] if " - " in line else []
    cuts += hyphens if len(hyphens) >= 2 else []
    glued = [m.end() for m in _GLUED_HYPHEN.finditer(line)] if line.count(" -") - line.count(" --") >= 2 else []
    cuts += glued if len(glued) >= 2 else []
    twice = dashes and line.count("--") >= 2  # (what the rules below ask for at least, found in C first)
    led = twice and any(lead in line for lead in _LOWER_LEADS)
    lower = [m.end() for m in _SPACED_LOWER.finditer(line)] if led else []
    cuts += lower if len(lower) + (_LEADING_LOWER.match(line) is not None) >= 2 else []
    cuts += [m.end() for m in _STOPPED_LOWER.finditer(line)] if twice and _LEADING_LOWER.match(line) else []
    glued_lower = [m.end() for m in _GLUED_LOWER.finditer(line)] if twice and _GLUED_LOWER_FIRST.match(line) else []
    cuts += glued_lower if len(glued_lower) >= 2 else []
    cuts += _name_bullets(line) if twice and (": --" in line or ":  --" in line) else []
    if len(spaced) >= 2:
        cuts = sorted({*cuts, *spaced, *(m.start() for m in _GLUED_BULLET.finditer(line))})
    else:  # (one bullet after a list's lead: ``… which Jereissati outlined: -- Use …``, or after a finished
        # sentence on a line a bullet begins, not after a closing quote: ``-- MADAGASCAR: … an abject “surrender” --``)
        lead = _LEADING_BULLET.match(line) is not None
        ends = (at for at in spaced if _LEAD_END.search(line, 0, at) or (lead and _STOP_END.search(line, 0, at)))
        cuts = sorted({*cuts, *ends})
    if not cuts:
        return None
    pieces: list[Line] = []
    start = 0
    for at in [*cuts, len(line)]:
        piece = line[start:at].strip()
        if piece:
            pieces.append(piece)
        start = at
    if len(pieces) < 2:
        return None
    if isinstance(line, Anchored):
        pieces[0] = Anchored(pieces[0])
    return pieces
