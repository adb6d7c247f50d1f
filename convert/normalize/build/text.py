"""The TEI ``text``: the opener (routing header and preamble fields), the subject, the
references, the body's blocks and the closer."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree

from ... import taxonomy
from ..dtg import DTG_LINE
from ..parsed import (
    AnonBlock,
    Block,
    Choice,
    Closing,
    Field,
    Furniture,
    Glued,
    Heading,
    ItemList,
    LateField,
    ListItem,
    PageBreak,
    Paragraph,
    ParsedCable,
    Signature,
)
from .xml import XML_ID, T, add_furniture, add_tokens, append_text, el

_ROUTING_TYPES = {
    "transmission": "transmission-id",
    "routing": "routing-indicators",
    "de": "de",
    "security": "security",
    "from": "from",
    "to": "to",
    "info": "info",
    "xmt": "xmt",
    "bt": "bt",
    "other": "routing-other",
    "notice": "notice",
    "wrapper": "wrapper",
}
_SEG_TYPES = {"banner": "classification", "eo": "eo", "tags": "tags"}
#: fields shown line by line (lists of offices, a partner's database row)
_LINE_FIELDS = ("distribution", "wrapper", "notice")


def build_text(parsed: ParsedCable) -> etree._Element:
    text = el(None, "text")
    body = el(text, "body")
    _cable(el(body, "div", type="telegram"), parsed)
    for number, part in enumerate(parsed.appended, 1):
        _appended(body, part, number)
    return text


#: a cable id as the profile types it (``07SANJOSE48``)
_CABLE_ID = re.compile(r"[0-9]{2}[A-Z]+[0-9]+")


def appended_id(number: int) -> str:
    """The xml:id of the ``number``-th cable appended after the page's own text."""
    return f"appended-{number}"


def _appended(body: etree._Element, part: ParsedCable, number: int) -> None:
    """A second cable appended to the text: its own ``div``, every word kept in order; the
    ids inside it are made its own (``appended-1-summary``)."""
    ident = appended_id(number)
    # its id as @n only when it is one (year, station, serial): a damaged header can give a
    # run of words and numbers, which the listBibl entry keeps as text
    cable_id = part.facts.cable_id
    div = el(body, "div", type="appended-cable", n=cable_id if cable_id and _CABLE_ID.fullmatch(cable_id) else None)
    div.set(XML_ID, ident)
    _cable(div, part)
    for node in div.iter():
        inner = node.get(XML_ID)
        if inner and node is not div:
            node.set(XML_ID, f"{ident}-{inner}")


def _cable(div: etree._Element, parsed: ParsedCable) -> None:
    _opener(div, parsed)
    subjects = [f for f in parsed.fields if f.kind == "subject"]
    for index, subject in enumerate(subjects):
        # a second SUBJECT line (a repeated preamble after a truncation) stays, as text
        line = el(div, "head" if index == 0 else "ab", type="subject")
        add_tokens(line, subject.tokens)
        if index == 0:
            _run_on(line, subject)
    for field in parsed.fields:
        if field.kind == "refs":
            _run_on(_references(div, field), field)
    _body(div, parsed.blocks)


def _opener(div: etree._Element, parsed: ParsedCable) -> None:
    opener = el(div, "opener")
    fields = list(parsed.fields)
    lead = 0
    if parsed.row_first:
        # an appended cable's database row stood before its routing header: it comes first
        while lead < len(fields) and fields[lead].kind == "wrapper":
            lead += 1
    first = _fields(opener, fields[:lead], True)
    for line in parsed.routing.lines:
        if not first:
            el(opener, "lb")
        first = False
        if line.when:
            _dateline(el(opener, "dateline"), line.text, line.when)
        else:
            el(opener, "seg", line.text, type=_ROUTING_TYPES.get(line.kind, "routing-other"))
    _fields(opener, fields[lead:], first)


def _dateline(dateline: etree._Element, text: str, when: str) -> None:
    """``P 020922Z JUN 09``: the precedence prosigns (``P``, ``O P``) in a seg of their own,
    the date-time group (and what follows it) in ``date`` (issue 14, item 8)."""
    match = DTG_LINE.match(text.lstrip())
    start = len(text) - len(text.lstrip()) + (match.start("dtg") if match else 0)
    if match and match["prec"].strip():
        el(dateline, "seg", text[:start].rstrip(), type="precedence")
        append_text(dateline, text[len(text[:start].rstrip()) : start])
        text = text[start:]
    el(dateline, "date", text, when=when)


def _fields(opener: etree._Element, fields: Sequence[Field], first: bool) -> bool:
    """The preamble's fields in the opener; whether the opener is still empty."""
    for field in fields:
        if field.kind in ("subject", "refs"):
            continue
        head = field.lines[0] if field.lines else None
        if isinstance(head, Glued) and not first:
            # a field that ran on from the previous one in the source: no line break
            append_text(opener, " " if head.space_before else "")
        elif not first:
            el(opener, "lb")
        first = False
        if field.kind == "furniture":
            assert isinstance(head, Furniture)
            add_furniture(opener, head)
        elif field.kind in _LINE_FIELDS:
            for index, entry in enumerate(field.lines):
                if index:
                    el(opener, "lb")
                if isinstance(entry, Furniture):
                    add_furniture(opener, entry)
                else:
                    el(opener, "seg", entry.strip(), type=_SEG_TYPES.get(field.kind, field.kind))
        else:
            add_tokens(el(opener, "seg", type=_SEG_TYPES.get(field.kind, field.kind)), field.tokens)
    return first


def _run_on(block: etree._Element, field: Field) -> None:
    """``rend="run-on"``: in the source the field ran on from the previous one with no space
    (``…TAGS: PREL CBWJSUBJECT: …``), so the source view joins the two words again."""
    head = field.lines[0] if field.lines else None
    if isinstance(head, Glued) and not head.space_before:
        block.set("rend", "run-on")


def _references(div: etree._Element, field: Field) -> etree._Element:
    """A REF field as ``list type="references"``: the field's label as ``head``, then
    label/item pairs, a resolvable cable reference as ``ref target="cable:ID"``."""
    assert field.refs is not None
    lst = el(div, "list", type="references")
    if field.refs.head:
        el(lst, "head", field.refs.head)
    items = field.refs.items
    if not items:
        el(lst, "item")
    labelled = any(ref.written for ref in items)
    for ref in items:
        if labelled:
            # TEI lists are all label/item pairs or all bare items: an unlabelled item
            # among labelled ones gets an empty label
            el(lst, "label", ref.written)
        item = el(lst, "item", n=ref.letter)
        if ref.target:
            el(item, "ref", ref.text, target=f"cable:{ref.target}", subtype=ref.year_kind).tail = ref.tail or None
        else:
            item.text = ref.text + ref.tail
    for entry in field.lines:
        if isinstance(entry, Furniture):
            add_furniture(div, entry)
    return lst


def _body(div: etree._Element, blocks: Sequence[Block]) -> None:
    closer: etree._Element | None = None
    for block in blocks:
        if isinstance(block, Signature | Closing) or (closer is not None and isinstance(block, PageBreak)):
            if closer is None:
                closer = el(div, "closer")
            _closing(closer, block)
        elif isinstance(block, PageBreak):
            add_furniture(div, block.furniture)
        elif isinstance(block, Heading):
            add_tokens(el(div, "ab", type="heading", rend=block.rend), block.tokens)
        elif isinstance(block, AnonBlock):
            add_tokens(el(div, "ab", type=block.type), block.tokens)
        elif isinstance(block, LateField):
            if block.field.kind == "refs":
                closer = None  # the body goes on after the references
                _references(div, block.field)
            else:
                add_tokens(el(div, "ab", type=block.field.kind), block.field.tokens)
        elif isinstance(block, ItemList):
            _items(el(div, "list", type="items"), block.items)
        else:
            _paragraph(div, block)


def _closing(closer: etree._Element, block: Block) -> None:
    if isinstance(block, Signature):
        previous = next(closer.iterchildren(reversed=True), None)
        if block.same_line and previous is not None and previous.tag == T + "signed":
            append_text(previous, block.line)  # the name again on the same line: kept as written, marked once
            return
        signed = el(closer, "signed", rend="run-on" if block.run_on else None)
        name, tail = _signed(block.line)
        el(signed, "persName", name)
        append_text(signed, tail)
    elif isinstance(block, Closing):
        el(closer, "fw", block.line, type=block.type)
    elif isinstance(block, PageBreak):
        add_furniture(closer, block.furniture)


def _signed(line: str) -> tuple[str, str]:
    """``PICCUTA.`` -> (``PICCUTA``, ``.``): the name, and the full stops, # and spaces after it."""
    name = line.lstrip()
    end = len(name)
    while end and (name[end - 1].isspace() or name[end - 1] in ".#"):
        end -= 1
    return name[:end], name[end:]


def _paragraph(div: etree._Element, block: Paragraph) -> None:
    para = el(div, "p", n=str(block.n) if block.n is not None else None)
    if block.label:
        label = el(para, "label", type="paragraph-number")
        if block.label_fix:
            fix = Choice(block.label, block.label_fix, kind="corr", cert="high", reason="paragraph-number")
            add_tokens(label, [fix])
        else:
            label.text = block.label
    if block.marking:
        if block.label:
            append_text(para, " ")
        el(para, "seg", block.marking, type="portion-marking")
        # the marking's level and caveats in the shared taxonomy (issue 14, item 6)
        categories = taxonomy.marking(block.marking)
        if categories:
            para.set("ana", " ".join(map(taxonomy.pointer, categories)))
    if (block.label or block.marking) and block.tokens:
        append_text(para, " ")
    add_tokens(para, block.tokens)
    if block.items:
        _items(el(para, "list", type="items"), block.items)


def _items(lst: etree._Element, items: Sequence[ListItem]) -> None:
    for item in items:
        el(lst, "label", item.label or None)
        add_tokens(el(lst, "item"), item.tokens)
