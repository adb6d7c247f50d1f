"""Reader for plain cable text: a routing header and body, a body alone, or the seed's form."""

from __future__ import annotations

from ..model import RawCable


def read(content: str, name: str) -> RawCable:
    # The split between routing header and body is a normalizer decision: it knows the
    # header's line shapes. The reader only hands the text on.
    return RawCable(source=name, form="text", body=content)
