"""The classification written again after the Classified By line, before the text.

Some cables state their level once more on a line of its own between the Classified By field
and the first paragraph (07BAGHDAD3504: ``Classified By: …`` / ``CONFIDENTIAL`` / ``SIPDIS``;
09PANAMA171: ``Classified By: …`` / ``SECRET/NOFORN``): the banner's marking restated, not
the text's first paragraph. Read as a block it stood in the reading text as a paragraph.

``restated-classification`` (chain ``fields.other``) keeps the line in the preamble as a
classification field (``seg type="classification"``, as the banner), where it stands.
"""

from __future__ import annotations

import re

from .fields import OTHER, PreambleCursor
from .ruler import note

#: a level alone, with the caveats a marking writes after it (``SECRET/NOFORN``, ``SECRET//FGI//NOFORN``, ``CONFIDENTIAL
#: NOFORN``); capitals only, as a marking is written
_LEVEL_ALONE = re.compile(
    r"^\s*+(?:UNCLASSIFIED|CONFIDENTIAL|SECRET|TOP SECRET|C O N F I D E N T I A L|S E C R E T)"
    r"(?:(?:\s*+//?\s*+|\s++)(?:NOFORN|NOCONTRACT|ORCON|SIPDIS|EXDIS|LIMDIS|NODIS|SENSITIVE|FGI|MR))*+\s*+$"
)


@OTHER.rule(
    "restated-classification",
    before="distribution",
    note=note(
        "normalization",
        "A classification line written again between the Classified By line and the text is kept "
        "in the preamble as a classification field (seg type=\"classification\"), out of the text flow.",
    ),
    trigger=("CONFIDENTIAL", "SECRET", "UNCLASSIFIED", "C O N", "S E C"),
)
def restated_classification(cur: PreambleCursor, line: str) -> str | None:
    """A line that is only a level (and its caveats), standing alone (a blank line or the end
    after it), right after the Classified By field."""
    if not cur.fields or cur.fields[-1].kind != "classified-by" or not _LEVEL_ALONE.match(line):
        return None
    after = cur.entries[cur.i + 1] if cur.i + 1 < len(cur.entries) else None
    return "banner" if after is None else None
