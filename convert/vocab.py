"""The project's controlled vocabulary, written once: classification levels (in rank order),
their names as cables spell them, and the one ``slug`` used for ids and class names.

The normalizer, the writers and the volume all read levels from here; nothing else keeps a
table of them.
"""

from __future__ import annotations

import functools
import re

#: Classification levels, most restrictive first (a volume's header shows the first one met).
LEVELS: tuple[str, ...] = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED")

#: Spellings of a level with the spaces squeezed out (``C O N F I D E N T I A L``,
#: ``UNCLAS``) -> the level's name.
_SQUEEZED: dict[str, str] = {
    **{name.replace(" ", ""): name for name in LEVELS},
    "UNCLAS": "UNCLASSIFIED",
}

#: The letter of a routing header's security line (``ZNY CCCCC``) -> the level.
SECURITY_LETTERS: dict[str, str] = {
    "U": "UNCLASSIFIED",
    "E": "UNCLASSIFIED",  # EFTO: unclassified, encrypted for transmission only
    "C": "CONFIDENTIAL",
    "S": "SECRET",
    "T": "TOP SECRET",
}


def level_name(text: str) -> str | None:
    """``C O N F I D E N T I A L``, ``unclas``, ``Top Secret`` -> the level's name; None
    for anything that is not a level."""
    return _SQUEEZED.get(re.sub(r"\s+", "", text).upper())


def level_rank(level: str | None) -> int:
    """0 for TOP SECRET … 4 for UNCLASSIFIED; len(LEVELS) for an unknown or missing level."""
    return LEVELS.index(level) if level in LEVELS else len(LEVELS)


_NOT_SLUG = re.compile(r"[^a-z0-9]+")


@functools.lru_cache(maxsize=1024)
def slug(text: str) -> str:
    """``Cable Metadata`` -> ``cable-metadata``; ``(C/NF)`` -> ``c-nf``: lower-case ASCII
    letters and digits joined by single hyphens ("x" when nothing is left). (Kept per text:
    a cable asks about its few markings and levels two dozen times.)"""
    return _NOT_SLUG.sub("-", text.lower()).strip("-") or "x"
