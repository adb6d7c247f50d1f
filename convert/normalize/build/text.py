"""The TEI ``text``: the opener (routing header and preamble fields), the subject, the
references, the body's blocks and the closer."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ... import taxonomy
from ...editorial import TEXT_ABSENT, TEXT_ABSENT_DESC
from ..dtg import DTG_LINE
from ..parsed import (
    AnonBlock,
    Block,
    Choice,
    Closing,
    CopyStart,
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
    TextAbsent,
    Tokens,
)
from .markup import Markup, add_furniture, add_tokens, text

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


def build_text(out: Markup, parsed: ParsedCable) -> None:
    """The ``text`` element, written to ``out``."""
    out.open("text")
    out.open("body")
    out.open("div", type="telegram")
    _cable(out, parsed)
    out.close("div")
    for number, part in enumerate(parsed.appended, 1):
        _appended(out, part, number)
    out.close("body")
    out.close("text")


#: a cable id as the profile types it (``07SANJOSE48``)
_CABLE_ID = re.compile(r"[0-9]{2}[A-Z]+[0-9]+")


def appended_id(number: int) -> str:
    """The xml:id of the ``number``-th cable appended after the page's own text."""
    return f"appended-{number}"


def _appended(out: Markup, part: ParsedCable, number: int) -> None:
    """A second cable appended to the text: its own ``div``, every word kept in order; the
    ids inside it are made its own (``appended-1-summary``)."""
    ident = appended_id(number)
    # its id as @n only when it is one (year, station, serial): a damaged header can give a
    # run of words and numbers, which the listBibl entry keeps as text
    cable_id = part.facts.cable_id
    out.open("div", type="appended-cable", n=cable_id if cable_id and _CABLE_ID.fullmatch(cable_id) else None,
             **{"xml:id": ident})
    out.ids = f"{ident}-"
    _cable(out, part)
    out.ids = ""
    out.close("div")


def _cable(out: Markup, parsed: ParsedCable) -> None:
    _opener(out, parsed)
    subjects = [f for f in parsed.fields if f.kind == "subject"]
    for index, subject in enumerate(subjects):
        # a second SUBJECT line (a repeated preamble after a truncation) stays, as text
        tag = "head" if index == 0 else "ab"
        out.open(tag, type="subject", rend=_run_on(subject) if index == 0 else None)
        add_tokens(out, subject.tokens)
        out.close(tag)
    # the facts' reading of each reference (``fields.ref-before`` may have read a year otherwise)
    targets = {(r.letter, r.text): r.target for r in parsed.facts.refs if r.year_inferred}
    for field in parsed.fields:
        if field.kind == "refs":
            _references(out, field, _run_on(field), targets)
    _body(out, parsed.blocks)


def _opener(out: Markup, parsed: ParsedCable) -> None:
    out.open("opener")
    fields = list(parsed.fields)
    lead = 0
    if parsed.row_first:
        # an appended cable's database row stood before its routing header: it comes first
        while lead < len(fields) and fields[lead].kind == "wrapper":
            lead += 1
    first = _fields(out, fields[:lead], True)
    for line in parsed.routing.lines:
        if not first:
            out.leaf("lb")
        first = False
        if line.when:
            _dateline(out, line.text, line.when)
        else:
            out.leaf("seg", line.text, type=_ROUTING_TYPES.get(line.kind, "routing-other"))
    _fields(out, fields[lead:], first)
    out.close("opener")


def _dateline(out: Markup, text: str, when: str) -> None:
    """``P 020922Z JUN 09``: the precedence prosigns (``P``, ``O P``) in a seg of their own,
    the date-time group (and what follows it) in ``date`` (issue 14, item 8)."""
    out.open("dateline")
    match = DTG_LINE.match(text.lstrip())
    start = len(text) - len(text.lstrip()) + (match.start("dtg") if match else 0)
    if match and match["prec"].strip():
        out.leaf("seg", text[:start].rstrip(), type="precedence")
        out.text(text[len(text[:start].rstrip()) : start])
        text = text[start:]
    out.leaf("date", text, when=when)
    out.close("dateline")


def _fields(out: Markup, fields: Sequence[Field], first: bool) -> bool:
    """The preamble's fields in the opener; whether the opener is still empty."""
    for field in fields:
        if field.kind in ("subject", "refs"):
            continue
        head = field.lines[0] if field.lines else None
        if isinstance(head, Glued) and not head.own_line and not first:
            # a field that ran on from the previous one in the source: no line break
            out.text(" " if head.space_before else "")
        elif not first:
            out.leaf("lb")
        first = False
        if field.kind == "furniture":
            assert isinstance(head, Furniture)
            add_furniture(out, head)
        elif field.kind in _LINE_FIELDS:
            for index, entry in enumerate(field.lines):
                if index:
                    out.leaf("lb")
                if isinstance(entry, Furniture):
                    add_furniture(out, entry)
                else:
                    out.leaf("seg", entry.strip(), type=_SEG_TYPES.get(field.kind, field.kind))
        else:
            out.open("seg", type=_SEG_TYPES.get(field.kind, field.kind))
            add_tokens(out, field.tokens)
            out.close("seg")
    return first


def _run_on(field: Field) -> str | None:
    """``rend="run-on"``: in the source the field ran on from the previous one with no space
    (``…TAGS: PREL CBWJSUBJECT: …``), so the source view joins the two words again."""
    head = field.lines[0] if field.lines else None
    return "run-on" if isinstance(head, Glued) and not head.space_before else None


def _references(out: Markup, field: Field, rend: str | None = None,
                targets: Mapping[tuple[str | None, str], str | None] | None = None) -> None:
    """A REF field as ``list type="references"``: the field's label as ``head``, then
    label/item pairs, a resolvable cable reference as ``ref target="cable:ID"`` (a year the
    field inferred as the facts read it: ``targets``, by label and text)."""
    assert field.refs is not None
    out.open("list", type="references", rend=rend)
    if field.refs.head:
        out.leaf("head", field.refs.head)
    items = field.refs.items
    if not items:
        out.leaf("item")
    labelled = any(ref.written for ref in items)
    for ref in items:
        if labelled:
            # TEI lists are all label/item pairs or all bare items: an unlabelled item
            # among labelled ones gets an empty label
            out.leaf("label", ref.written)
        if ref.target:
            target = (targets or {}).get((ref.letter, ref.text), ref.target) if ref.year_inferred else ref.target
            out.open("item", n=ref.letter, rend="run-in" if ref.run_in else None)
            out.leaf("ref", ref.text, target=f"cable:{target}", subtype=ref.year_kind)
            out.text(ref.tail)
            out.close("item")
        else:  # (its words as the repairs read them: ``09 XXXXXXXXXXXX 167``, a gap as in the text)
            out.open("item", n=ref.letter, rend="run-in" if ref.run_in else None)
            add_tokens(out, ref.tokens or (ref.text + ref.tail,))
            out.close("item")
    out.close("list")
    for entry in field.lines:
        if isinstance(entry, Furniture):
            add_furniture(out, entry)


#: the editorial note that opens a second copy of the text (``div type="copy"``)
COPY_NOTE = (
    "The source gives the cable's text a second time here, as it was transmitted again (a database's or a "
    "media partner's copy after the first): kept in full as it stands, its paragraphs unnumbered and not "
    "counted; the numbered paragraphs above are the cable's text."
)


def _body(out: Markup, blocks: Sequence[Block]) -> None:
    closer: Markup | None = None
    copy = False  # inside the second copy's div
    for block in blocks:
        if isinstance(block, CopyStart):
            copy = True
            out.open("div", type="copy", **{"xml:id": f"{out.ids}copy"})
            out.leaf("note", COPY_NOTE, type="copy", resp="#normalizer")
            continue
        if copy and isinstance(block, Signature | Closing):
            copy = False
            out.close("div")
        if isinstance(block, Signature | Closing) or (closer is not None and isinstance(block, PageBreak)):
            if closer is None:
                # written apart: a signature after a paragraph that follows goes into it
                out.open("closer")
                closer = out.apart()
                out.close("closer")
            _closing(closer, block)
        elif isinstance(block, PageBreak):
            add_furniture(out, block.furniture)
        elif isinstance(block, TextAbsent):
            out.open("gap", reason=TEXT_ABSENT, resp="#normalizer")
            out.leaf("desc", TEXT_ABSENT_DESC)
            out.close("gap")
        elif isinstance(block, Heading):
            _tokens(out, "ab", block.tokens, type="heading", rend=block.rend)
        elif isinstance(block, AnonBlock):
            _tokens(out, "ab", block.tokens, type=block.type)
        elif isinstance(block, LateField):
            if block.field.kind == "refs":
                closer = None  # the body goes on after the references
                _references(out, block.field)
            else:
                _tokens(out, "ab", block.field.tokens, type=block.field.kind)
        elif isinstance(block, ItemList):
            out.open("list", type="items")
            _items(out, block.items)
            out.close("list")
        else:
            _paragraph(out, block)
    if copy:
        out.close("div")


def _tokens(out: Markup, tag: str, tokens: Tokens, **attrs: str | None) -> None:
    out.open(tag, **attrs)
    add_tokens(out, tokens)
    out.close(tag)


def _closing(closer: Markup, block: Block) -> None:
    if isinstance(block, Signature):
        if block.same_line and closer.parts and closer.parts[-1] == "</signed>":
            closer.parts.insert(-1, text(block.line))  # the name again on the same line: kept as written, marked once
            return
        closer.open("signed", rend="run-on" if block.run_on else None)
        head, name, tail = block.split()
        if head:  # the teletype's # before the name (``#HENZEL``, 09MANAMA684): no edition prints it
            closer.leaf("fw", head, type="transmission")
        closer.leaf("persName", name)
        if tail[:1].isspace() and tail.strip():  # a mark set apart after the name (``MURRAY .``): no edition prints it
            closer.text(tail[: len(tail) - len(tail.lstrip())])
            closer.leaf("fw", tail.lstrip(), type="transmission")
        else:
            closer.text(tail)
        closer.close("signed")
    elif isinstance(block, Closing):
        closer.leaf("fw", block.line, type=block.type)
    elif isinstance(block, PageBreak):
        add_furniture(closer, block.furniture)


def _paragraph(out: Markup, block: Paragraph) -> None:
    # the marking's level and caveats in the shared taxonomy (issue 14, item 6)
    categories = taxonomy.marking(block.marking) if block.marking else None
    out.open("p", n=str(block.n) if block.n is not None else None,
             ana=" ".join(map(taxonomy.pointer, categories)) if categories else None)
    if block.marked_first and block.marking and block.label:  # ``(C) 1. …``: as the cable writes them
        out.leaf("seg", block.marking, type="portion-marking")
        out.text(" ")
        out.leaf("label", block.label, type="paragraph-number")
    else:
        _label_and_marking(out, block)
    if (block.label or block.marking) and block.tokens:
        out.text(" ")
    add_tokens(out, block.tokens)
    if block.items:
        out.open("list", type="items")
        _items(out, block.items)
        out.close("list")
    out.close("p")


def _label_and_marking(out: Markup, block: Paragraph) -> None:
    """The paragraph's number (its label) and its portion marking, in that order."""
    if block.label:
        if block.label_fix:
            out.open("label", type="paragraph-number")
            add_tokens(out, [Choice(block.label, block.label_fix, kind="corr", cert="high", reason="paragraph-number")])
            out.close("label")
        else:
            out.leaf("label", block.label, type="paragraph-number")
    if block.marking:
        if block.label:
            out.text(" ")
        out.leaf("seg", block.marking, type="portion-marking")


def _items(out: Markup, items: Sequence[ListItem]) -> None:
    for item in items:
        out.leaf("label", item.label or None)
        _tokens(out, "item", item.tokens)
