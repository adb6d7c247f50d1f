"""Stage "closing" (continued from :mod:`.closing`): the lines between a telegram's text and
its signer's name.

Chain (run by :mod:`convert.normalize.closing` once the signature is found, on the last text
line above it, repeated upwards):

- ``closing.before-signer`` ``(line) -> type | None``: a line right above the signer's name
  that is a marking, not the cable's text (first match).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ruler import Chain, note

BEFORE_SIGNER: Chain[Callable[[str], str | None]] = Chain(
    "closing.before-signer",
    "closing",
    "The last text line above the signer's name: a marking, not the text? (first match)",
)

#: the downgrading group of a 1960s classified telegram (E.O. 10501 as amended: groups 1 to 4),
#: on a line of its own: ``GP-3``, ``GP-1.``, ``GP 3``, ``GROUP 4``
_GROUP = re.compile(r"^[ \t]*+(?:GP[- ]?+|GROUP[- ])[1-4]\.?+[ \t]*+$")


@BEFORE_SIGNER.rule(
    "downgrading-group",
    note=note(
        "normalization",
        "A telegram's downgrading group above the signer's name (GP-3, GROUP 1: the marking of the 1960s "
        "classification system) is kept in the closer as fw type=\"classification\", out of the text flow.",
    ),
)
def downgrading_group(line: str) -> str | None:
    """``GP-3`` / ``LODGE``, ``GP-1.`` / ``RUSK``: the downgrading group the telegrams of the
    1960s carry on a line of their own between the text and the signer's name (``GROUP 3``
    spelled out), a marking of the classification, not a paragraph."""
    return "classification" if _GROUP.match(line) else None
