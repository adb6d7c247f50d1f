"""Chain ``inline.repairs`` (continued from :mod:`.inline`): a link's end tag that a cablegate page left in the text.

A few pages print a link's end tag with a space inside it, after the address it closed (``… see
http://www.state.sgov.gov/p/wha/buenosaires.< /a> End Note)``, 06BUENOSAIRES903 and four more), which no HTML
parser reads as a tag, so the page's text holds it as written. It is the page's markup, not the cable's words: the
reading text leaves it out, and the TEI keeps it in ``orig`` beside an empty ``reg`` (``link-residue``, as the
TAGS' ``[ETRD](#)``).
"""

from __future__ import annotations

import re

from ..parsed import Choice
from .inline import REPAIRS, Found
from .ruler import note

#: an end tag with a space inside it (a whole one, ``</a>``, the reader's HTML parser takes away)
_END_TAG = re.compile(r"<\s+/\s*a\s*>|<\s*/\s+a\s*>", re.I)


@REPAIRS.rule(
    "link-end-tag",
    trigger=("< /", "</ "),
    note=note(
        "normalization",
        "A link's end tag left in a page's text with a space inside it (buenosaires.< /a> End Note) is the page's "
        "markup, not the cable's words: kept in orig beside an empty reg, out of the reading text.",
    ),
)
def link_end_tag(text: str) -> Found:
    """``http://www.state.sgov.gov/p/wha/buenosaires.< /a> End Note)`` (06BUENOSAIRES903): the tag is dropped from
    the reading (see the module's note)."""
    return [(m.start(), m.end(), Choice(m.group(), "", reason="link-residue")) for m in _END_TAG.finditer(text)]
