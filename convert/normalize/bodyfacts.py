"""Facts of a cable read off its parsed blocks and preamble lines alone, with no rule to run:
the portion markings it uses, whether a summary was marked, whether it is a partial extract."""

from __future__ import annotations

from collections.abc import Sequence

from .. import vocab
from ..model import RawCable
from .parsed import Block, Field, Paragraph, Routing, Seg
from .rules.fields import partial_extract
from .rules.missing import missing_sections


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


def missing_warnings(blocks: Sequence[Block]) -> list[str]:
    """A warning naming the sections the archive's boxes say are missing (``* Missing Section
    002 *``): the text is cut off where each stands, and a reader of many cables should know."""
    numbers = list(dict.fromkeys(missing_sections(blocks)))  # (a second copy of the text repeats its boxes)
    if not numbers:
        return []
    many = len(numbers) > 1
    named = ", ".join(str(n) for n in numbers[:-1]) + " and " if many else ""
    return [
        f"the source lacks section{'s' if many else ''} {named}{numbers[-1]} of the cable "
        f"(the archive's \"Missing Section\" box{'es' if many else ''}): the text is cut off where "
        f"{'they' if many else 'it'} stood"
    ]
