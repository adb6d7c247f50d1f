"""Reading the TEI into the read side's types: the header (:func:`read_header`) and the body
(:func:`read_body`). Each reads only the TEI, with XPath questions compiled once per process."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any, cast

from lxml import etree

from ..editorial import SECOND_COPY
from ..model import TEI_NS, XML_NS, compiled
from ..taxonomy import level, pointer, precedence_name
from ..textview import LINED_READING, READING_SKIP, REDACTION_LABEL, Reading, local_name, text_of
from ..vocab import LEVELS, slug
from .facts import Appended, Block, Body, Copy, Header, Item, Office, Paragraph, Reference, clean

_T = f"{{{TEI_NS}}}"
HEADER = "t:teiHeader"
BIBL = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']"
META = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type!='telegram']"
CORRESP = f"{HEADER}/t:profileDesc/t:correspDesc"
DIV = "t:text/t:body/t:div[@type='telegram']"
#: a paragraph's text leaves out its number (the record keeps ``n`` apart); a table in it keeps
#: its lines
_PARAGRAPH = Reading(skip=READING_SKIP | {_T + "label"}, table_lines=True)
#: the same as the reading edition prints it: a redaction as its label
_EDITION_PARAGRAPH = Reading(skip=_PARAGRAPH.skip, gap_text=REDACTION_LABEL, table_lines=True)
#: the TEI's level subtypes (``limited-official-use``) -> the level's name
_SUBTYPES = {slug(name): name for name in LEVELS}


def _all(node: etree._Element, path: str) -> list[Any]:
    """``path`` asked of ``node`` (compiled once per process): elements or attribute values."""
    return cast("list[Any]", compiled(path)(node))


def _elements(question: etree.XPath, node: etree._Element) -> list[etree._Element]:
    return cast("list[etree._Element]", question(node))


def _plain(node: etree._Element, path: str) -> str | None:
    """The first non-empty match of ``path``, its text as written (every child's), collapsed."""
    return _first_plain(_all(node, path))


def _first_plain(nodes: Iterable[etree._Element]) -> str | None:
    for node in nodes:
        value = clean("".join(cast("Iterable[str]", node.itertext())))
        if value:
            return value
    return None


def _one(node: etree._Element, path: str) -> str | None:
    """The first match of ``path``: its reading text."""
    found = _all(node, path)
    return text_of(found[0]) if found else None


def _texts(node: etree._Element, path: str) -> tuple[str, ...]:
    return tuple(text_of(n) for n in _all(node, path))


def _offices(tei: etree._Element, subtype: str) -> tuple[Office, ...]:
    path = f"{CORRESP}/t:correspAction[@type='received'][@subtype='{subtype}']/t:orgName"
    return tuple(
        Office(text_of(node), node.get("key"), precedence_name(node.get("ana")), node.get("n"))
        for node in _all(tei, path)
    )


def _level(tei: etree._Element) -> str | None:
    """The level the TEI states: the banner note's subtype, else the classification taxonomy."""
    subtype = _all(tei, f"{BIBL}/t:note[@type='classification']/@subtype")
    if subtype and subtype[0] in _SUBTYPES:
        return _SUBTYPES[subtype[0]]
    target = _all(tei, f"{HEADER}/t:profileDesc/t:textClass/t:catRef[@scheme='ctax:classification']/@target")
    return stated_level(None, target[0] if target else None)


def stated_level(subtype: str | None, target: str | None) -> str | None:
    """The level named by a banner note's ``subtype``, else by a classification ``catRef``'s
    ``target``; None when neither names one."""
    name = _SUBTYPES.get(subtype or "")
    if name is not None:
        return name
    ident = target or ""
    return next((name for name in LEVELS if pointer(level(name) or "") == ident), None)


def cited(target: str | None) -> str | None:
    """The cable id a reference's ``target`` names (``cable:09STATE41880``), else None."""
    return target.split(":", 1)[1] if target and target.startswith("cable:") else None


def _references(tei: etree._Element) -> tuple[Reference, ...]:
    return tuple(Reference(ref.get("n"), text_of(ref), cited(ref.get("target")))
                 for ref in _all(tei, f"{CORRESP}/t:correspContext/t:ref[@type='reference']"))


def _attribute(tei: etree._Element, *paths: str) -> str | None:
    """The first value of the first path that has one (as the model's ``Cable.date`` reads)."""
    for path in paths:
        found = _all(tei, path)
        if found and found[0]:
            return str(found[0])
    return None


_PARTS = f"{HEADER}/t:fileDesc/t:sourceDesc/t:listBibl[@type='appended-cables']/t:bibl[@type='appended-cable']"


def _appended(tei: etree._Element) -> tuple[Appended, ...]:
    return tuple(
        Appended(
            part=(bibl.get("corresp") or "").lstrip("#"),
            cable_id=_one(bibl, "t:idno[@type='cable-id']"),
            date=_attribute(bibl, "t:date/@when"),
            origin=_one(bibl, "t:note[@type='origin']") or _one(bibl, "t:author/t:orgName"),
            subject=_one(bibl, "t:title[@type='subject']"),
            signer=_one(bibl, "t:respStmt/t:persName"),
        )
        for bibl in _all(tei, _PARTS)
    )


def read_header(tei: etree._Element) -> Header:
    """The header's facts, read from the TEI."""
    from ..normalize.facts import origin_named

    ids = _all(tei, f"{HEADER}/t:fileDesc/t:publicationStmt/t:idno[@type='cable-id']")
    sender = _one(tei, f"{BIBL}/t:author/t:orgName")
    sections = _all(tei, f"{BIBL}/t:extent/t:measure[@unit='section']/@quantity")
    return Header(
        cable_id="".join(cast("Iterable[str]", ids[0].itertext())) if ids else None,
        date=_attribute(tei, f"{CORRESP}/t:correspAction[@type='sent']/t:date/@when", f"{BIBL}/t:date/@when",
                        f"{META}/t:date[@type='created']/@when"),
        sender=sender,
        origin=origin_named(sender, _station(tei), _one(tei, f"{META}/t:note[@type='origin']"))[0],
        to=_offices(tei, "action"),
        info=_offices(tei, "info"),
        level=_level(tei),
        caveats=_texts(tei, f"{BIBL}/t:note[@type='caveat']"),
        subject=_one(tei, f"{HEADER}/t:fileDesc/t:titleStmt/t:title[@type='subject']"),
        tags=_texts(tei, f"{HEADER}/t:profileDesc/t:textClass/t:keywords[@scheme='ctax:tags']/t:term"),
        references=_references(tei),
        signer=_one(tei, f"{CORRESP}/t:correspAction[@type='sent']/t:persName"),
        sections=int(sections[0]) if sections and sections[0] else None,
        lang=tei.get(f"{{{XML_NS}}}lang") or "en",
        appended=_appended(tei),
        precedence=precedence_name(_attribute(
            tei, f"{HEADER}/t:profileDesc/t:textClass/t:catRef[@scheme='ctax:precedence']/@target")),
    )


def _station(tei: etree._Element) -> str | None:
    return station_of(_one(tei, f"{BIBL}/t:idno[@type='message-reference']"))


def station_of(ref: str | None) -> str | None:
    """The station of a message reference (``PARIS`` of ``PARIS 000482``)."""
    return ref.rsplit(" ", 1)[0] if ref and " " in ref else None


def read_title(tei: etree._Element) -> str | None:
    """The first title of any kind, as written (the subject's stand-in)."""
    titles = _all(tei, f"{HEADER}/t:fileDesc/t:titleStmt/t:title")
    return "".join(cast("Iterable[str]", titles[0].itertext())) if titles else None


def read_dtg(tei: etree._Element) -> str | None:
    """The date-time group as written (``020922Z JUN 09``)."""
    return _plain(tei, f"{BIBL}/t:date")


def read_place(tei: etree._Element) -> str | None:
    """Where the cable was sent from (``Beijing``), as the TEI names the place."""
    return _one(tei, f"{CORRESP}/t:correspAction[@type='sent']/t:placeName")


def read_notes(tei: etree._Element, kind: str) -> tuple[str, ...]:
    """The telegram's notes of one type (``declassification``: the E.O. line,
    ``classified-by``, ``partial-extract``), as written."""
    return _note_texts(tei, f"{BIBL}/t:note[@type='{kind}']")


def _note_texts(tei: etree._Element, path: str) -> tuple[str, ...]:
    """The text of each note ``path`` finds, cleaned, those with none left out."""
    return tuple(text for node in _all(tei, path) if (text := clean("".join(cast("Iterable[str]", node.itertext())))))


def read_discrepancies(tei: etree._Element) -> tuple[str, ...]:
    """The normalizer's notes where two witnesses of a fact disagree (the text and the cablegate
    table, the banner and the routing header: ``note type="discrepancy"``), as written."""
    return _note_texts(tei, f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl/t:note[@type='discrepancy']")


#: a drafting, clearing or approving line of the telegram's front matter (``DRAFTED BY: …``;
#: a 1970s telegram's without the colon: ``DRAFTED BY EUR/WE:JSMITH:LK``): the verb, and the
#: match ends where the name begins (the source note reads both)
DRAFTING = re.compile(r"^(DRAFTED|CLEARED|APPROVED)(?:\s*:\s*|\s+BY\s*:?\s*)(?=\S)", re.I)


def read_drafting(tei: etree._Element) -> tuple[str, ...]:
    """The opener's lines naming who drafted, cleared and approved the cable, as written."""
    lines = []
    for seg in _all(tei, f"{DIV}/t:opener/t:seg"):
        text = text_of(seg)
        if DRAFTING.match(text):
            lines.append(text)
    return tuple(lines)


_FROM = re.compile(r"\bfrom (.+?)\.?$")


def read_copy(tei: etree._Element) -> Copy:
    """Where this copy comes from: a cablegate page (and its release), a cables.csv row, or a
    file as given (the name the normalizer recorded, without its folders)."""
    for bibl in _all(tei, META):
        kind = bibl.get("type") or ""
        released = _attribute(bibl, "t:date[@type='released']/@when")
        if kind == "cablegate-table":
            return Copy("cablegate", None, None, released)
        if kind == "cables.csv":
            return Copy("cables.csv", None, _plain(bibl, "t:idno[@type='row']"), released)
    change = _plain(tei, f"{HEADER}/t:revisionDesc/t:change")
    found = _FROM.search(change or "")
    name = found[1].replace("\\", "/").rsplit("/", 1)[-1] if found else None
    return Copy("file", name or None, None, None)


def read_banner(tei: etree._Element) -> str | None:
    """The classification line as the cable writes it."""
    return _plain(tei, f"{BIBL}/t:note[@type='classification']") or _plain(
        tei, f"{DIV}/t:opener/t:seg[@type='classification']")


_BODY = compiled("t:text/t:body")
_LABEL, _HEAD, _ITEM, _LIST, _P, _DIV = (_T + n for n in ("label", "head", "item", "list", "p", "div"))
_SUMMARIES = compiled(f"{DIV}//t:seg[@type='summary']")


def paragraph_of(p: etree._Element, edition: bool = False) -> Paragraph:
    """A TEI ``p``'s number, portion marking and text (the text without the two); with
    ``edition``, a redaction reads as the edition prints it (a bookmark of the edition)."""
    mark, text = _unmarked(p, text_of(p, _EDITION_PARAGRAPH if edition else _PARAGRAPH))
    number = p.get("n")
    if number and not any(child.tag == _LABEL for child in p):
        # the number written in the text, after the marking (``(C) 1. The Embassy…``,
        # 07BAGHDAD3504): kept apart as the label's is, not printed twice ("¶1 1. The…")
        text = re.sub(rf"^{re.escape(number)}[.)]\s+", "", text)
    return Paragraph(number, mark, text)


def _unmarked(p: etree._Element, text: str, label: str | None = None) -> tuple[str | None, str]:
    """A paragraph's portion marking (its value: no stop or colon typed after it, ``6.(C/NF): …``) and ``text``
    without the marking written at its start (and ``label`` after it: the number after the marking, ``(C) 1. …``)."""
    mark = next((text_of(seg) for seg in _all(p, "t:seg[@type='portion-marking']")), None)
    if mark is not None and text.startswith(mark):
        text = text[len(mark):].lstrip()
        if label and text.startswith(label):
            text = text[len(label):].lstrip()
    return mark and mark.rstrip(".:"), text


def read_body(tei: etree._Element) -> Body:
    """The body's reading text block by block, its numbered paragraphs, and the summary."""
    found = _elements(_BODY, tei)
    blocks: list[Block] = []
    appended: list[int] = []  # where each appended second cable's blocks start
    if found:
        _blocks(found[0], blocks, appended)
    own = blocks[: appended[0]] if appended else blocks  # the paragraphs are the cable's own
    summary = " ".join(text_of(seg) for seg in _elements(_SUMMARIES, tei))
    return Body(numbered_paragraphs(own), summary or None, tuple(blocks))


def numbered_paragraphs(blocks: Sequence[Block]) -> tuple[Paragraph, ...]:
    """The numbered paragraphs, each with the unnumbered paragraphs and lists that follow it up to
    the next number, heading or other block (a paragraph the text goes on in after a page break or
    a blank line, a quoted letter's paragraphs): the citation unit ``¶5`` is all of them, joined
    by a blank line."""
    out: list[Paragraph] = []
    parts: list[str] = []
    head: Block | None = None
    for block in blocks:
        if head is not None and block.kind in ("p", "list") and block.n is None:
            parts.append(_block_text(block))
            continue
        if head is not None:
            out.append(Paragraph(head.n, head.marking, "\n\n".join(p for p in parts if p)))
        head = block if block.kind == "p" and block.n is not None else None
        parts = [block.text] if head is not None else []
    if head is not None:
        out.append(Paragraph(head.n, head.marking, "\n\n".join(p for p in parts if p)))
    return tuple(out)


def _block_text(block: Block) -> str:
    """A block's reading text; a list's head, then its items with their labels, one a line."""
    return block.text if block.items is None else "\n".join(_list_lines(block))


def _list_lines(block: Block) -> list[str]:
    """A list's lines as the reader sees them: its head, then each item after its label (none empty)."""
    items = [" ".join(x for x in (item.label, item.text) if x) for item in block.items or ()]
    return [x for x in (block.text, *items) if x]


def _loose(text: str | None, blocks: list[Block]) -> None:
    """Text between blocks (none in the TEI this project writes; a TEI input may have some)."""
    if text and not text.isspace():
        blocks.append(Block("text", None, clean(text)))


def _blocks(node: etree._Element, blocks: list[Block], appended: list[int] | None = None) -> None:
    """The blocks of ``node`` (the body, a div) in order, into ``blocks``: what the reading
    text leaves out (page furniture, notes) is left out here too; a div's blocks are its
    children's, the second copy's (``div type="copy"``) after a block that marks it.
    ``appended`` gets the index in ``blocks`` where each appended second cable
    (``div type="appended-cable"``) begins."""
    _loose(node.text, blocks)
    for child in node:
        tag = child.tag
        if tag.__class__ is str and tag not in READING_SKIP:
            if tag == _DIV:
                if appended is not None and child.get("type") == "appended-cable":
                    appended.append(len(blocks))
                elif child.get("type") == SECOND_COPY:
                    blocks.append(Block("div", SECOND_COPY, ""))  # where the second copy begins: a mark, no text
                _blocks(child, blocks, appended)
            elif tag == _P:
                blocks.append(_paragraph(child))
            elif tag == _LIST:
                blocks.append(_list(child))
            else:
                text = text_of(child)
                if text:
                    blocks.append(Block(local_name(child), child.get("type") or child.get("reason"), text))
        _loose(child.tail, blocks)


def _paragraph(p: etree._Element) -> Block:
    """A paragraph: its number (``n``; the label that shows it is left out of the text), its
    portion marking (likewise), and the rest of its reading text, lists and quotes included; a
    table keeps its lines (:data:`~convert.textview.LINED_READING`)."""
    text = text_of(p, LINED_READING)
    n = p.get("n")
    label = None
    if n is not None:
        label = next((text_of(child) for child in p if child.tag == _LABEL), None)
        if label and text.startswith(label):
            text = text[len(label):].lstrip()
            label = None
    mark, text = _unmarked(p, text, label)
    return Block("p", p.get("type"), _items_apart(p, text), n, mark)


def _items_apart(p: etree._Element, text: str) -> str:
    """A paragraph's text with the lists it ends with (``Some possible offers:`` / ``-- The regime might …``)
    one item a line, each after its label, as the reader sees them; the text as it is where a list stands
    before more of the paragraph's words, or holds none."""
    if p.find(_LIST) is None:  # (most paragraphs: found in C, no Python loop over the children)
        return text
    lists = [child for child in p if child.tag == _LIST]
    if any((child.tail or "").strip() for child in lists) or p[len(p) - 1] is not lists[-1]:
        return text
    lines = [line for node in lists for line in _list_lines(_list(node))]
    written = " ".join(lines)  # (the lists as the paragraph's text reads them: else the text stays as it is)
    if not written or not text.endswith(written):
        return text
    return "\n".join([text[: len(text) - len(written)].rstrip(), *lines]).lstrip("\n")


def _list(node: etree._Element) -> Block:
    """A list: its head as the text, each item with the label written before it."""
    heads: list[str] = []
    items: list[Item] = []
    label: str | None = None
    for child in node:
        tag = child.tag
        if tag.__class__ is not str or tag in READING_SKIP:
            pass
        elif tag == _HEAD:
            heads.append(text_of(child))
        elif tag == _LABEL:
            if label is not None:
                items.append(Item(label, None, ""))
            label = text_of(child)
        else:
            items.append(Item(label, child.get("n") if tag == _ITEM else None, text_of(child)))
            label = None
        if child.tail and not child.tail.isspace():
            items.append(Item(None, None, clean(child.tail)))
    if label is not None:
        items.append(Item(label, None, ""))
    return Block("list", node.get("type"), " ".join(h for h in heads if h), items=tuple(items))
