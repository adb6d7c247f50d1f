"""Stage "routing": a routing header whose lines were joined into one (a word processor, a web
form or a PDF copy that joined each paragraph's lines: ``DE RUEHSJ #0132/01 0192118 ZNR UUUUU
ZZH R 192118Z JAN 06 FM AMEMBASSY SAN JOSE TO RUEHC/SECSTATE WASHDC 4052 INFO …``).

Chain (run by :func:`convert.normalize.routing.read_later`, before ``routing.later``):

- ``routing.joined`` ``(header lines, run) -> block | None``: the header line that holds the
  date-time group, FM and TO run together, read as the lines it was (first match). The line
  stays in the header as written; only its facts are read from the lines it was.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..dtg import parse_dtg
from .routing import INFO_WORD, addressees
from .ruler import Chain, Run, note

JOINED: Chain[Callable[[list[str], Run], list[str] | None]] = Chain(
    "routing.joined",
    "routing",
    "A routing header whose lines were joined into one: the date-time group, FM and TO run together on "
    "one of its lines (first match: the lines it was).",
)

#: ``… ZZH R 192118Z JAN 06 FM AMEMBASSY SAN JOSE TO …``: the date-time group (its precedence
#: letters first; a service note may follow it: ``ZDK``, ``ZDK DUE TO SERVICES ZDK``), the
#: sender, then TO; the FM office ends at TO
_JOINED = re.compile(
    r"(?<![^\s])(?P<dtg>(?:[ZOPRMY] ){1,2}\d{6}Z [A-Z]{3,4} \d\d(?:\d\d)?)"
    r"(?:\s++Z[A-Z]{2}(?:\s++[A-Z]{1,12}){0,5}?)?\s++FM\s++"
    r"(?P<fm>[A-Z][A-Z .'()/-]{1,60}?)\s++TO\s++"
)
#: where a further addressee starts: its routing indicator (``RUEHZA/``, ``RUEHXX/RUEHYY/``)
_INDICATOR = re.compile(r"(?<=\s)(?=R[A-Z0-9]{3,7}(?:/R[A-Z0-9]{3,7})*+/\S)")


@JOINED.rule(
    "joined-routing",
    note=note(
        "normalization",
        "The routing header's lines are joined into one (a copy that joined each paragraph's lines): the "
        "date-time group, the FM line and the addressees are read from it as the lines it was (each addressee "
        "starting at its routing indicator or ending at its precedence); the line stays as written.",
    ),
    trigger=(" FM ",),
)
def joined_routing(header: list[str], run: Run) -> list[str] | None:
    """``DE RUEHSJ #0132/01 0192118 ZNR UUUUU ZZH R 192118Z JAN 06 FM AMEMBASSY SAN JOSE TO
    RUEHC/SECSTATE WASHDC 4052 INFO RUEHZA/WHA CENTRAL AMERICAN COLLECTIVE``: a header line
    holding the date-time group, FM and TO, read as ``R 192118Z JAN 06`` / ``FM AMEMBASSY SAN
    JOSE`` / ``TO RUEHC/SECSTATE WASHDC 4052`` / ``INFO RUEHZA/WHA CENTRAL …``."""
    for line in header:
        if " FM " not in line:
            continue
        match = _JOINED.search(line)
        if match is None or parse_dtg(match["dtg"]) is None:
            continue
        parts = INFO_WORD.split(line[match.end() :].strip(), maxsplit=1)
        block = [match["dtg"], "FM " + match["fm"].strip()]
        for label, text in zip(("TO ", "INFO "), parts, strict=False):
            names = [name for chunk in _INDICATOR.split(text) if chunk.strip() for name in addressees(chunk)]
            block.extend((label if i == 0 else "") + name for i, name in enumerate(names))
        return block
    return None
