"""The words of a REF field's items that name no cable, read by the repairs the running text takes where
they apply there too: a redaction (``REF: 09 XXXXXXXXXXXX 167``, 10SHENYANG4) is a gap, as in the text, and the
rule is recorded as having fired. The items keep their words as written beside the tokens: the record and the
header's references give them so."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from .inline import repair
from .parsed import Block, Field, LateField, Ref, RefList
from .rules.inline import REPAIRS, Found
from .rules.ruler import Rule, Run

#: the running text's repairs that a reference's words take too
_REF_REPAIRS = frozenset({"redaction"})


def ref_tokens(
    fields: tuple[Field, ...], blocks: tuple[Block, ...], run: Run
) -> tuple[tuple[Field, ...], tuple[Block, ...]]:
    """The fields and blocks with each REF field's items that name no cable given their tokens, where a repair
    reads their words (the preamble's REF fields and the late ones among the first blocks)."""
    rules = tuple(rule for rule in run.active(REPAIRS) if rule.name in _REF_REPAIRS)
    if not rules:
        return fields, blocks
    new_fields = tuple(_field(f, rules, run) for f in fields)
    new_blocks = tuple(
        dataclasses.replace(b, field=_field(b.field, rules, run)) if isinstance(b, LateField) else b for b in blocks
    )
    same = all(a is b for a, b in zip(new_fields + new_blocks, fields + blocks, strict=True))
    return (fields, blocks) if same else (new_fields, new_blocks)


def _field(field: Field, rules: tuple[Rule[Callable[[str], Found]], ...], run: Run) -> Field:
    if field.kind != "refs" or field.refs is None:
        return field
    items = tuple(_item(ref, rules, run) for ref in field.refs.items)
    if all(a is b for a, b in zip(items, field.refs.items, strict=True)):
        return field
    return dataclasses.replace(field, refs=RefList(field.refs.head, items))


def _item(ref: Ref, rules: tuple[Rule[Callable[[str], Found]], ...], run: Run) -> Ref:
    if ref.target:
        return ref
    words = ref.text + ref.tail
    tokens = repair(words, rules, run)
    return ref if tokens == [words] else dataclasses.replace(ref, tokens=tuple(tokens))
