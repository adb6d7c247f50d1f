"""A letter or number label a series writes inside its sentence (``… that a) the GOCR had taken …;`` /
``b) President Arias had been …; and c) …``, 08SANJOSE129): where the label before it stands inside the
line before, not at its start, a line that begins with the next label goes on with the sentence; it starts
no list item."""

from __future__ import annotations

import re

#: a label of a series in brackets or after its letter or number: ``b)``, ``(b)``, ``2)``
_SERIES = re.compile(r"(?P<open>\(?)(?P<key>[a-z]|[1-9])\)")


def run_in_series(label: str, before: str) -> bool:
    """Whether ``label`` (``b)``) follows the label before it (``a)``) written inside ``before``."""
    match = _SERIES.fullmatch(label)
    if match is None or match["key"] in "a1":
        return False
    previous = f"{match['open']}{chr(ord(match['key']) - 1)})"
    return re.search(rf"(?<=\S\s){re.escape(previous)}\s", before) is not None
