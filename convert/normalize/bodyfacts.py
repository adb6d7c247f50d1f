"""Facts of a cable read off its parsed blocks and preamble lines alone, with no rule to run:
the portion markings it uses, whether a summary was marked, whether it is a partial extract."""

from __future__ import annotations

from collections.abc import Sequence

from .. import vocab
from ..model import RawCable
from .parsed import Block, Field, Paragraph, Routing, Seg
from .rules.fields import partial_extract


def markings(blocks: Sequence[Block]) -> tuple[tuple[str, str], ...]:
    """Each portion marking met, first seen first, with its category id (``(S/NF)`` -> cls-s-nf)."""
    found: dict[str, str] = {}
    for block in blocks:
        if isinstance(block, Paragraph) and block.marking:
            found.setdefault(block.marking, "cls-" + vocab.slug(block.marking.strip("().")))
    return tuple(found.items())


def has_summary(blocks: Sequence[Block]) -> bool:
    """Whether a paragraph carries a marked summary span."""

    def walk(tokens: Sequence[object]) -> bool:
        return any(isinstance(t, Seg) and (t.ident == "summary" or walk(t.children)) for t in tokens)

    return any(isinstance(b, Paragraph) and walk(b.tokens) for b in blocks)


def is_partial(raw: RawCable, routing: Routing, fields: Sequence[Field]) -> bool:
    """Whether the copy says it is an extract of a longer cable, in a field, a routing line or its header."""
    return (
        any(f.kind == "notice" for f in fields)
        or any(line.kind == "notice" for line in routing.lines)
        or bool(raw.header and partial_extract(raw.header))
    )
