"""Stage "closing", continued: a copy of the routing header after the text.

Some pages give the routing header again after the signer's name (06PARIS1236, 07PARIS3740,
08PARIS988, 08PARIS1855, 08PARIS2212: ``VZCZCXRO1423`` / ``OO RUEHFL …`` / ``DE RUEHFR
#1236/01 0591143`` / … / ``FM AMEMBASSY PARIS`` / ``TO …`` / ``INFO …``; 07TRIPOLI641 after the
page header's lead ``TelegramRestricted by caption. UNCLASSIFIED TRIPOLI 00000641``): the export's
copy, not the text. Read as a block, it stood after the name, which then signed nothing.

Chain ``closing.copies`` ``(texts, run) -> bool`` (first match), asked of the body's last block
(an unnumbered, unmarked paragraph or a wrapper block) before the closing lines are read: is it
such a copy? Its lines go to the closing blocks as wrappers (``fw type="wrapper"``), in order,
with a block before it that holds only the header's lead (``VZCZCXYZ0001`` / ``OO RUEHWEB``, cut
off by a blank line: 08PARIS1855), and the closing goes on before it (the name signs).
"""

from __future__ import annotations

from collections.abc import Callable

from .routing import classify
from .ruler import Chain, Run, note

COPIES: Chain[Callable[[list[str], Run], bool]] = Chain(
    "closing.copies", "closing", "The body's last block: a copy of a routing header? (first match)"
)
#: kinds whose next lines are read with them (the addressee lists), as the routing stage reads them
_LISTS = ("to", "info", "xmt")
#: what a header must hold to be one: a date-time group, the sender, the addressees
_NEEDED = frozenset({"dtg", "from", "to"})


@COPIES.rule(
    "routing-copy-after-text",
    note=note(
        "normalization",
        "A copy of the routing header after the text (VZCZC, DE, the date-time group, FM, TO and INFO "
        "lines) is kept in the closer as fw type=\"wrapper\" lines, out of the text flow.",
    ),
)
def routing_copy(texts: list[str], run: Run) -> bool:
    """Every line a routing-header line (its first may be the page header's lead), with a
    date-time group, an FM line and a TO line among them."""
    look = run.trial()  # (the routing rules' firings are not this cable's: they read a copy)
    kinds: list[str] = []
    state: str | None = None
    for line in texts:
        if not line.strip():
            continue
        kind = (classify(line, state, look) or "other").rstrip("+")
        state = kind if kind in _LISTS else (state if kind == "other" else None)
        kinds.append(kind)
    return len(kinds) >= 3 and _NEEDED <= set(kinds) and "other" not in kinds[1:]


#: the lead of a header: the transmission line and the routing indicators
_LEAD = frozenset({"transmission", "routing"})


def header_lead(texts: list[str], run: Run) -> bool:
    """Every line the lead of a routing header (``VZCZCXYZ0001``, ``OO RUEHWEB``)."""
    look = run.trial()
    kinds = {classify(line, None, look) for line in texts if line.strip()}
    return bool(kinds) and kinds <= _LEAD
