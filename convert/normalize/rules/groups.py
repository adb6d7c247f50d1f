"""Stage "closing" (continued from :mod:`.closing`): the lines between a telegram's text and
its signer's name.

Chain (run by :mod:`convert.normalize.closing` once the signature is found, on the last text
line above it, repeated upwards):

- ``closing.before-signer`` ``(line, unmatched) -> type | None``: a line right above the
  signer's name that is a marking, not the cable's text (first match); ``unmatched``: whether
  the text closes more quotations (``UNQUOTE``) than it opens (``QUOTE``), so that its last
  ``UNQUOTE`` closes one the preamble opened (a repeated telegram's ``FOLLOWING REPEAT … QUOTE``);
  read only for a line that itself closes a quotation (``QUOTE_CLOSED``), False for any other.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ruler import Chain, note

BEFORE_SIGNER: Chain[Callable[[str, bool], str | None]] = Chain(
    "closing.before-signer",
    "closing",
    "The last text line above the signer's name: a marking, not the text? (first match)",
)

#: the downgrading group of a 1960s classified telegram (E.O. 10501 as amended: groups 1 to 4),
#: on a line of its own: ``GP-3``, ``GP-1.``, ``GP 3``, ``GROUP 4``
#: the end of a repeated telegram's quotation, on a line of its own: ``UNQUOTE``, ``UNQTE``
_UNQUOTE = re.compile(r"^[ \t]*+(?:UNQUOTE|UNQTE)\.?+[ \t]*+$")
#: a quotation opened (``QUOTE``, ``QUOTE:``; not ``UNQUOTE``) or closed in the text
QUOTE_OPENED = re.compile(r"(?<![A-Z])QUOTE\b")
QUOTE_CLOSED = re.compile(r"\bUNQU?O?TE\b")
_GROUP = re.compile(r"^[ \t]*+(?:GP[- ]?+|GROUP[- ])[1-4]\.?+[ \t]*+$")


def is_group(line: str) -> bool:
    """Whether ``line`` is a downgrading group alone (``GP-3``, ``GROUP 1.``)."""
    return bool(_GROUP.match(line))


@BEFORE_SIGNER.rule(
    "downgrading-group",
    note=note(
        "normalization",
        "A telegram's downgrading group above the signer's name (GP-3, GROUP 1: the marking of the 1960s "
        "classification system) is kept in the closer as fw type=\"classification\", out of the text flow.",
    ),
)
def downgrading_group(line: str, unmatched: bool) -> str | None:
    """``GP-3`` / ``LODGE``, ``GP-1.`` / ``RUSK``: the downgrading group the telegrams of the
    1960s carry on a line of their own between the text and the signer's name (``GROUP 3``
    spelled out), a marking of the classification, not a paragraph."""
    return "classification" if is_group(line) else None


@BEFORE_SIGNER.rule(
    "repeat-unquote",
    note=note(
        "normalization",
        "The UNQUOTE that ends a repeated telegram (its FOLLOWING REPEAT … QUOTE in the preamble) above the "
        "signer's name is kept in the closer as fw type=\"end-marker\", out of the text flow; the repeated "
        "telegram's own signer above it is a signature of its own.",
    ),
)
def repeat_unquote(line: str, unmatched: bool) -> str | None:
    """``… CENTRAL AMERICA. BAKER`` / ``UNQTE`` / ``BAKER``, ``SULLIVAN`` / ``UNQUOTE VANCE``: the
    end of the quotation a repeated telegram is sent in, where the text closes a quotation it
    did not open (the ``QUOTE`` is the preamble's); an ``UNQUOTE`` that closes the text's own
    ``QUOTE:`` (a speech quoted in full) stays text."""
    return "end-marker" if unmatched and _UNQUOTE.match(line) else None
