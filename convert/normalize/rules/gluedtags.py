"""Chain ``inline.tags`` (continued from :mod:`.inline`): a TAG run together from codes written with
no space (``ETRDEINVECINPGOVCS``, ``KWMNCS``), read as those codes where it reads end to end as the
handbook's subject or program codes followed by countries' codes."""

from __future__ import annotations

import functools
import re

from ..parsed import Choice, Token
from .inline import TAG_REPAIRS, Found
from .ruler import note
from .tags import ORGANISATIONS, SUBJECTS

_GLUED_WORD = re.compile(r"(?<![A-Za-z])[A-Z]{6,60}(?![A-Za-z])")


def _glued_codes(word: str) -> list[str] | None:
    """``ETRDEINVECINPGOVCS`` -> ``[ETRD, EINV, ECIN, PGOV, CS]``: four-letter codes, each a
    subject code of the handbook or a program code (K…), one at least a subject code (or, for
    program codes alone, countries' codes after them), then two-letter (geographic) codes; the
    first such reading that takes the most four-letter codes."""
    for fours in range(len(word) // 4, 0, -1):
        head, tail = word[: 4 * fours], word[4 * fours :]
        if len(tail) % 2:
            continue
        parts = [head[i : i + 4] for i in range(0, len(head), 4)]
        places = [tail[i : i + 2] for i in range(0, len(tail), 2)]
        # one subject code at least, or program codes before countries' codes (``KWMNCS``, 09SANJOSE692)
        known = any(p in SUBJECTS for p in parts) or (places and set(places) <= _state_tags())
        if all(p in SUBJECTS or p[0] == "K" for p in parts) and known:
            return parts + places
    return _with_organisation(word)


#: the longest organisation's code read inside a glued TAG (``WTO``, ``NATO``, ``OSCE``)
_LONGEST_ORGANISATION = 5


def _with_organisation(word: str) -> list[str] | None:
    """``ETRDECONWTOCS`` -> ``[ETRD, ECON, WTO, CS]``: subject codes of the handbook, one organisation's code
    among or after them, then countries' codes the station table knows; only where the four-letter reading finds
    none."""
    for fours in range(len(word) // 4, 0, -1):
        for size in range(_LONGEST_ORGANISATION, 2, -1):
            left = len(word) - 4 * fours - size  # the letters of the countries' codes after them
            if left < 0 or left % 2:
                continue
            places = [word[i : i + 2] for i in range(len(word) - left, len(word), 2)]
            if not set(places) <= _state_tags():
                continue
            for at in range(fours + 1):  # (the organisation's code after ``at`` subject codes)
                org = word[4 * at : 4 * at + size]
                codes = [word[i : i + 4] for i in (*range(0, 4 * at, 4), *range(4 * at + size, 4 * fours + size, 4))]
                if org in ORGANISATIONS and all(c in SUBJECTS for c in codes):
                    return [*codes[:at], org, *codes[at:], *places]
    return None


@functools.cache
def _state_tags() -> frozenset[str]:
    """The countries' TAGS codes the station table knows (``CS``: Costa Rica)."""
    from ...stations import table  # the station table loads on first use

    return frozenset(row.state_tag for row in table().rows if row.state_tag)


@TAG_REPAIRS.rule(
    "glued-codes",
    after="glued-tags",
    note=note(
        "normalization",
        "A TAG run together from codes written with no space (ETRDEINVECINPGOVCS) is corrected to those codes "
        "when it reads as the handbook's subject or program codes followed by geographic codes (sic/corr, "
        "certainty medium); a word that does not read so (MEETINGS, BRUSSELS) is left as written.",
    ),
)
def glued_codes(text: str) -> Found:
    """``TAGS: KFRDCVISCMGTCASCKOCIASECPHUMSMIGEG``: a word of six letters or more that is no
    code or organisation and reads end to end as subject or program codes (``KFRD``, ``CVIS``,
    …) then geographic codes (``EG``) is those codes; ``ECONCS`` is ``ECON CS``. A glued word
    whose parts stand apart on the same line is ``glued-tags``' (``VTPREL``)."""
    found: list[tuple[int, int, Token]] = []
    for match in _GLUED_WORD.finditer(text):
        word = match.group()
        parts = None if word in ORGANISATIONS else _glued_codes(word)
        if parts and len(parts) > 1:
            # the same kind of correction as glued-tags' (corr type="glued-tags": codes run together)
            fix = Choice(word, " ".join(parts), kind="corr", cert="medium", reason="glued-tags")
            found.append((match.start(), match.end(), fix))
    return found
