"""A post's trailer between dashed rules, and the signer's name under its closing rule.

Embassy Madrid's cables end (06MADRID2281, 06MADRID2809, 07MADRID210, 07MADRID753)::

    ------------------------------------------
    Visit Embassy Madrid's Classified Website;
    http://www.state.sgov.gov/p/eur/madrid/
    ------------------------------------------
    AGUIRRE

The rule under the trailer starts a run of its own (``underlined-heading``), and that run (a
rule over a short line) read as a heading: the name was a heading, and the cable had no signer.

``name-under-trailer`` (chain ``blocks.merge``) joins the run back to the trailer's: the name
is then the trailer's last line, which ``trailer-signature`` (:mod:`.closing`) reads as the
signature, past the rule.
"""

from __future__ import annotations

from ..parsed import Furniture
from .blocks import MERGE
from .closing import TRAILER, may_trail
from .names import is_name
from .ruler import note
from .runs import DASH_RULE


@MERGE.rule(
    "name-under-trailer",
    note=note(
        "normalization",
        "A name under the dashed rule that closes a post's trailer (Visit … Classified Website, its address) "
        "is read with the trailer, not as a heading: the name signs.",
    ),
)
def name_under_trailer(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """A run of a dashed rule and one name, after a run whose last line is a post's trailer
    (its address, its "Classified Website" line)."""
    if furniture or len(texts) != 2 or not DASH_RULE.match(texts[0]) or not is_name(texts[1].strip()):
        return False
    last = before[-1] if before else ""
    return may_trail(last) and bool(TRAILER.search(last))
