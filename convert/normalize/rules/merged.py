"""Chain ``routing.addressees`` (asked by the routing header's reading): the addressees one line of
the TO or INFO list names.

Most lines name one. In many copies of 2005-2009 the line of the embassy in La Paz lost its
sequence number to the month and ran on into the next line: ``RUEHLP/AMEMBASSY LA PAZ APR QUITO
0227`` (06LIMA1358) is La Paz, then Quito with its number; ``RUEHLP/AMEMBASSY LA PAZ DEC 9085``
(07BOGOTA8306) is La Paz alone (144 pages of the corpus). ``month-merged-addressees`` reads such a
line as the addressees it names, each as written (the next post's office is not: Lima's is an
embassy, Sao Paulo's a consulate); the line itself is kept as written in the header.
``page-line-addressee``: an old-style page's header after the INFO
label (``INFO PAGE 02        STATE   037566  161435Z``, 09STATE37566) names no addressee.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .lines import OLD_PAGE
from .ruler import Chain, Run, note

ADDRESSEES: Chain[Callable[[str], list[str] | None]] = Chain(
    "routing.addressees",
    "routing",
    "The addressees one line of the TO or INFO list names, where it names more than one or garbles one "
    "(the first rule that answers: the addressees' texts, routing indicator first where the line has one; "
    "none for a line that names none).",
)


def addressee_texts(line: str, run: Run) -> list[str]:
    """The addressees ``line`` (a TO or INFO line without its label) names: the first rule's answer
    that is not None, else the line itself."""
    for rule in run.active(ADDRESSEES):
        found = rule.fn(line)
        if found is not None:
            run.fire(rule.name)
            return found
    return [line]


_MONTHS = "JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC"
_MERGED = re.compile(
    rf"^(?P<head>(?:[A-Z0-9]+/)?[A-Z]+ LA PAZ)\s+(?:{_MONTHS})\b\s*"
    r"(?P<tail>(?P<post>[A-Z][A-Z .'-]*?)?\s*\d*)\s*$"
)


#: La Paz's own precedence after the month (``RUEHLP/DEA LA PAZ SEP IMMEDIATE``): no next post
_PRECEDENCES = frozenset({"FLASH", "IMMEDIATE", "PRIORITY", "ROUTINE", "NIACT"})


@ADDRESSEES.rule(
    "month-merged-addressees",
    note=note(
        "normalization",
        "An addressee line in which La Paz's sequence number was lost to a month and the next addressee ran "
        "on (RUEHLP/AMEMBASSY LA PAZ APR QUITO 0227) is read as the addressees it names: La Paz, and Quito "
        "with the number; the line is kept as written.",
    ),
)
def month_merged(line: str) -> list[str] | None:
    """``RUEHLP/AMEMBASSY LA PAZ APR QUITO 0227`` -> ``RUEHLP/AMEMBASSY LA PAZ``, ``QUITO 0227``;
    ``RUEHLP/AMEMBASSY LA PAZ DEC 9085`` -> ``RUEHLP/AMEMBASSY LA PAZ 9085``; ``RUEHLP/DEA LA PAZ
    SEP IMMEDIATE`` -> ``RUEHLP/DEA LA PAZ IMMEDIATE``."""
    found = _MERGED.match(line.strip()) if "LA PAZ" in line else None
    if found is None:
        return None
    tail = found["tail"].strip()
    if found["post"] and found["post"].split()[0] not in _PRECEDENCES:
        return [found["head"], tail]  # (its office is not written: Lima's is an embassy, Sao Paulo's a consulate)
    return [f"{found['head']} {tail}".rstrip()]


@ADDRESSEES.rule(
    "page-line-addressee",
    note=note(
        "normalization",
        "An old-style page's header after the INFO label (INFO PAGE 02 STATE 037566 161435Z) names no "
        "addressee; the line is kept as written.",
    ),
)
def page_line_addressee(line: str) -> list[str] | None:
    """``PAGE 02        STATE   037566  161435Z`` after ``INFO``: the second page's header, where the
    page broke inside the addressee list: no addressee."""
    return [] if OLD_PAGE.match(line) else None
