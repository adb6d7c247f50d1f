"""Stage "fields": a banner without a level whose level ends the line above it.

A database dump's copy runs the banner on after the routing header's last addressee
(``INFO RUCNIRA/IRAN COLLECTIVE IMMEDIATE  C O N F I D E N T I A L SECTION 01 OF 02 BERN
000158``); a mail client that re-wraps the text breaks that line before ``SECTION``, and the
banner's line then starts with it. Its level is the one the line above ends with: the cable's
id is the station's and serial's (``07BERN158``), not the SECTION words' as for a banner that
has no level at all (cablegate's ``09SECTION01OF03SANJOSE525``, kept).

Chain (run by :func:`convert.normalize.preamble.parse_preamble` on the banner it finds):

- ``fields.banner-level`` ``(line above, banner) -> Banner | None``: the banner with the level
  the line above ends with (first match). Asked only of a banner with a SECTION and no level.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ... import vocab
from ..banner import SPACED_LEVELS, parse_banner
from ..parsed import Banner, Entry
from .ruler import Chain, Run, note

LEVEL_ABOVE: Chain[Callable[[str, Banner], Banner | None]] = Chain(
    "fields.banner-level",
    "fields",
    "A banner that starts with its SECTION, without a level: the level the line above it ends with (first "
    "match: the banner with it).",
)


#: a level at the end of a line, spaced (``… PRIORITY 1136 C O N F I D E N T I A L``) or a
#: whole word (``… IMMEDIATE  CONFIDENTIAL``), after white space or alone on the line
_LEVEL_END = re.compile(
    r"(?:(?<=\s)|^)(?P<level>"
    + SPACED_LEVELS
    + "|"
    + "|".join(r"\s+".join(level.split()) for level in vocab.LEVELS)
    + r"|UNCLAS)\s*+$"
)


@LEVEL_ABOVE.rule(
    "banner-level-above",
    note=note(
        "normalization",
        "The banner's line starts with its SECTION (a re-wrapped copy broke the line the banner ran on in): "
        "its level is the one the line above ends with, and the cable's id is read without the SECTION words.",
    ),
)  # (no trigger: the driver asks it only of a banner that starts with SECTION and has no level)
def banner_level_above(above: str, banner: Banner) -> Banner | None:
    """``RUEHTV/AMEMBASSY TEL AVIV PRIORITY 1136 C O N F I D E N T I A L`` / ``SECTION 01 OF 03
    BERN 000443``: the banner ``C O N F I D E N T I A L SECTION 01 OF 03 BERN 000443``, written
    as its line is."""
    match = _LEVEL_END.search(above)
    if match is None:
        return None
    whole = parse_banner(f"{match['level']} {banner.text.strip()}")
    if whole is None or not whole.level or whole.serial != banner.serial or whole.section != banner.section:
        return None
    return dataclasses.replace(whole, text=banner.text)


def with_level_above(entries: list[Entry], index: int, banner: Banner, run: Run) -> Banner:
    """The banner at ``entries[index]``, with the level the line right above it ends with
    where it starts with its SECTION and has none of its own."""
    if banner.level or not banner.section or index == 0 or not isinstance(entries[index - 1], str):
        return banner
    found: Banner | None = run.first(LEVEL_ABOVE, str(entries[index - 1]), banner)
    return found or banner
