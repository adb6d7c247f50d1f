"""Chain ``fields.wrapped`` (continued from :mod:`.copies`): a Classified By line that runs on into the REF field.

Some copies set the REF field on the Classified By line, after its reasons: ``Classified By: Charge d'Affaires
Lisa Kubiske, Reasons 1.4 (b) and (d). REF: A) STATE 91633, B) BRASILIA 1170`` (09BRASILIA1186, 09BRASILIA193).
Read as one field, the references were the classification authority's words: the record named none, and the
text's ``per REFTEL A`` pointed at nothing. ``classified-by-ref-runon`` cuts the line where the REF label
follows the reasons: the piece starts the REF field, as ``ref-runon`` cuts a REF line that runs on into the
Classified By line.
"""

from __future__ import annotations

import re

from ..parsed import Glued
from .copies import WRAPPED
from .runon import REASONS

#: the REF label after the reasons' end and white space
_REF_AFTER = re.compile(r"\s++(?=REF(?:S|TELS?)?\s*+:)")


@WRAPPED.rule("classified-by-ref-runon", after="field-rule-runon", trigger=("REF",))
def classified_by_ref_runon(line: str) -> list[str] | None:
    """``Classified By: … Reasons 1.4 (b) and (d). REF: A) STATE 91633, B) BRASILIA 1170`` (09BRASILIA1186): the
    Classified By line is cut before the REF label that follows its reasons; see the module's note."""
    if "lassified" not in line and "LASSIFIED" not in line:
        return None
    for reasons in REASONS.finditer(line):
        label = _REF_AFTER.match(line, reasons.end())
        if label:
            piece = Glued(line[label.end() :])
            piece.space_before = True
            return [line[: reasons.end()], piece]
    return None
