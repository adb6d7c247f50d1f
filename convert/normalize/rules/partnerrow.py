"""Chain ``closing.after-end`` (continued from :mod:`.endings`): a media partner's database row at the end of the
text, under its own mark.

One partner's export closes the message with its database row on a line of its own, opened by a ``<_protect>``
mark: the row's count, its date, its length, its TAGS joined by commas, then the cable's summary again
(``<_protect>0 07/16/2009 3889 PREL,KPAL,ENRG,IS,IR,RU,BA Ambassador met with Foreign Minister …``,
09MANAMA435; ``<_protect>0 07/13/2009 1833 PGOV,ECON,BA``, 09MANAMA424). Read as it stood, the row was the
text's last paragraph, printed with its mark, and the signer's name before it was taken for the text's words.

``partner-row``: that line, at the body's end, is the export's, not the cable's: it is kept in the closer as
``fw type="wrapper"``, and the signer's name is sought before it.
"""

from __future__ import annotations

import re

from .endings import AFTER_END
from .ruler import note

#: the mark, the row's count and its date (``<_protect>0 07/16/2009``)
_PROTECT_ROW = re.compile(r"^\s*<_protect>\s*\d{1,3}[ \t]+[01]?\d/[0-3]?\d/(?:19|20)\d\d\b")


@AFTER_END.rule(
    "partner-row",
    trigger=("<_protect>",),
    note=note(
        "normalization",
        "A media partner's database row at the end of the text, opened by its <_protect> mark (its count, date, "
        "length, TAGS and the cable's summary again), is not the cable's text: it is kept in the closer as fw "
        "type=\"wrapper\", out of the text flow.",
    ),
)
def partner_row(line: str, before: list[str]) -> str | None:
    """``… together. ERELI`` / ``<_protect>0 07/16/2009 3889 PREL,KPAL,… Ambassador met with …`` (09MANAMA435):
    the last line is the partner's row."""
    return "wrapper" if _PROTECT_ROW.match(line) else None
