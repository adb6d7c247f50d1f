"""Build the canonical TEI tree from the parsed structure (XML made with lxml, never strings)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from lxml import etree

from .. import __version__
from ..model import TEI_NS, XML_NS, SourceMetadata
from . import preamble as pre
from .dtg import parse_dtg
from .facts import slug
from .inline import Break, Choice, Gap, Seg, Token, plain, repair_tokens, wrap
from .lines import Furniture
from .routing import Addressee, Routing
from .structure import Block, Field, join_lines

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"


#: keyword -> attribute name (``type_`` -> ``type``, ``xml__id`` -> ``xml:id``), made once
_ATTRIBUTE: dict[str, str] = {}


def _attribute(keyword: str) -> str:
    name = _ATTRIBUTE.get(keyword)
    if name is None:
        name = _ATTRIBUTE[keyword] = keyword.rstrip("_").replace("__", ":")
    return name


def el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    """A TEI element (appended to ``parent`` when given), attributes with a None value left out."""
    clean = {_attribute(k): v for k, v in attrs.items() if v is not None} if attrs else {}
    node = (
        etree.Element(T + tag, clean, nsmap={None: TEI_NS})
        if parent is None
        else etree.SubElement(parent, T + tag, clean)
    )
    if text:
        node.text = text
    return node


def append_text(node: etree._Element, text: str) -> None:
    """Append text at the end of ``node``'s content (as text or as the last child's tail)."""
    if not text:
        return
    if len(node):
        last = node[-1]
        last.tail = (last.tail or "") + text
    else:
        node.text = (node.text or "") + text


@dataclass(slots=True)
class Facts:
    """Everything the header says, decided by the normalizer before building."""

    cable_id: str | None
    source: str
    routing: Routing
    subject: str | None
    message_ref: str | None
    sections: int | None
    level: str | None
    level_text: str | None
    caveats: list[str]
    classification: str | None
    origin: str | None
    origin_from_metadata: bool
    signer: str | None
    tags: list[str]
    refs: list[tuple[str | None, str, str | None, bool]]  # label, text, id, year inferred
    eo: str | None
    classified_by: str | None
    date: str | None
    date_from_metadata: bool
    metadata: SourceMetadata | None
    discrepancies: list[str] = field(default_factory=list)
    partial: bool = False
    editorial: set[str] = field(default_factory=set)
    markings: dict[str, str] = field(default_factory=dict)  # marking -> xml:id
    summary: bool = False


# ---------------------------------------------------------------- layout
#: elements whose content is elements only: indenting them adds no text to the document
_CONTAINERS = frozenset(
    T + name
    for name in (
        "TEI",
        "teiHeader",
        "fileDesc",
        "titleStmt",
        "respStmt",
        "publicationStmt",
        "availability",
        "sourceDesc",
        "bibl",
        "author",
        "extent",
        "encodingDesc",
        "editorialDecl",
        "correction",
        "normalization",
        "hyphenation",
        "classDecl",
        "taxonomy",
        "category",
        "profileDesc",
        "abstract",
        "correspDesc",
        "correspAction",
        "correspContext",
        "textClass",
        "keywords",
        "revisionDesc",
        "text",
        "body",
        "div",
        "list",
        "closer",
        "quote",
    )
)


def indent(node: etree._Element, level: int = 0) -> None:
    """Indent the element-only containers so the TEI reads well in a diff; mixed content
    (opener, p, head, item, seg…) is left exactly as built."""
    if node.tag not in _CONTAINERS or (node.text and node.text.strip()) or not len(node):
        return
    if any(child.tail and child.tail.strip() for child in node):
        return
    pad = "\n" + "  " * (level + 1)
    node.text = pad
    for child in node:
        child.tail = pad
        indent(child, level + 1)
    node[-1].tail = "\n" + "  " * level


# ---------------------------------------------------------------- inline tokens -> XML
def add_tokens(node: etree._Element, tokens: Iterable[Token]) -> None:
    for token in tokens:
        if isinstance(token, str):
            append_text(node, token)
        elif isinstance(token, Choice):
            choice = el(node, "choice")
            if token.kind == "corr":
                el(choice, "sic", token.orig)
                el(choice, "corr", token.reg, resp="#normalizer", cert=token.cert or "medium")
            else:
                el(choice, "orig", token.orig)
                el(choice, "reg", token.reg, resp="#normalizer", type=token.reason)
        elif isinstance(token, Gap):
            gap = el(node, "gap", reason="redacted")
            el(gap, "desc", token.text)
        elif isinstance(token, Break):
            add_furniture(node, token.furniture)
        elif isinstance(token, Seg) and token.type == "quote" and token.part is None:
            add_tokens(el(node, "quote"), token.children)  # BEGIN TEXT … END TEXT in one paragraph
        elif isinstance(token, Seg):
            seg = el(node, "seg", type=token.type, part=token.part)
            if token.type == "summary" and token.part in (None, "I") and not _has_summary_id(node):
                seg.set(XML_ID, "summary")
            add_tokens(seg, token.children)


def _has_summary_id(node: etree._Element) -> bool:
    """Only the first summary carries xml:id="summary" (the abstract points at it)."""
    root = node.getroottree().getroot()
    return bool(root.xpath("//*[@xml:id='summary']"))


def add_furniture(node: etree._Element, furniture: Furniture) -> None:
    """Page or section furniture: ``pb``/``milestone`` plus the lines themselves in ``fw``."""
    for role, text in furniture.lines:
        if role == "footer":
            el(node, "fw", text, type="footer")
    if furniture.kind == "page":
        el(node, "pb", n=furniture.n or None)
    else:
        el(node, "milestone", unit="section", n=furniture.n or None)
    for role, text in furniture.lines:
        if role != "footer":
            el(node, "fw", text, type="header" if furniture.kind == "page" else "section-banner")


# ---------------------------------------------------------------- opener
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


def _link_residue(text: str) -> list[Token]:
    """``[ETRD](#)`` (a scraped page's links) -> Choice(orig, reg)."""
    tokens: list[Token] = []
    pos = 0
    for match in re.finditer(r"\[([^\]\[]{1,40})\]\(#?[^)\s]*\)", text):
        tokens.append(text[pos : match.start()])
        tokens.append(Choice(match.group(), match.group(1), reason="link-residue"))
        pos = match.end()
    tokens.append(text[pos:])
    return [t for t in tokens if t != ""]


def build_opener(div: etree._Element, routing: Routing, fields: list[Field], facts: Facts) -> None:
    opener = el(div, "opener")
    first = True

    def sep(fld: Field | None = None) -> None:
        nonlocal first
        head = fld.lines[0] if fld is not None and fld.lines else None
        if isinstance(head, pre.Glued) and not first:
            # a field that ran on from the previous one in the source: no line break
            append_text(opener, " " if head.space_before else "")
        elif not first:
            el(opener, "lb")
        first = False

    for line in routing.lines:
        sep()
        parsed = parse_dtg(line.text) if line.kind == "dtg" else None
        if parsed:
            dateline = el(opener, "dateline")
            el(dateline, "date", line.text, when=parsed[0])
        else:
            kind = line.kind
            if kind == "other" and pre.field_kind(line.text) in ("notice", "wrapper"):
                kind = str(pre.field_kind(line.text))  # a partner's note in the header block
            el(opener, "seg", line.text, type=_ROUTING_TYPES.get(kind, "routing-other"))
    for fld in fields:
        if fld.kind in ("subject", "refs"):
            continue
        sep(fld)
        if fld.kind == "furniture":
            add_furniture(opener, fld.lines[0])  # type: ignore[arg-type]
            continue
        seg_type = {"banner": "classification", "eo": "eo", "tags": "tags"}.get(fld.kind, fld.kind)
        if fld.kind in ("distribution", "wrapper", "notice"):
            # one line, one seg: these are lists of offices or a partner's database row
            for index, entry in enumerate(fld.lines):
                if index:
                    el(opener, "lb")
                if isinstance(entry, Furniture):
                    add_furniture(opener, entry)
                else:
                    el(opener, "seg", entry.strip(), type=seg_type)
            continue
        seg = el(opener, "seg", type=seg_type)
        tokens = join_lines(fld.lines)
        if fld.kind == "tags":
            tokens = [t2 for t in tokens for t2 in (_link_residue(t) if isinstance(t, str) else [t])]
        add_tokens(seg, tokens)


# ---------------------------------------------------------------- header
def build_header(tei: etree._Element, facts: Facts) -> None:
    header = el(tei, "teiHeader")
    file_desc = el(header, "fileDesc")
    title_stmt = el(file_desc, "titleStmt")
    el(
        title_stmt,
        "title",
        facts.subject or f"Cable {facts.cable_id or facts.source}",
        type="subject" if facts.subject else "supplied",
    )
    resp = el(title_stmt, "respStmt")
    resp.set(XML_ID, "normalizer")
    el(resp, "resp", "normalized by")
    el(resp, "name", f"cable-convert {__version__}")

    pub = el(file_desc, "publicationStmt")
    el(pub, "authority", "United States Department of State")
    if facts.cable_id:
        el(pub, "idno", facts.cable_id, type="cable-id")
    else:
        el(pub, "idno", facts.source, type="source-name")
    avail = el(pub, "availability", status="free")
    el(avail, "p", "A work of the United States government: in the public domain in the United States.")

    source_desc = el(file_desc, "sourceDesc")
    bibl = el(source_desc, "bibl", type="telegram")
    if facts.routing.sender:
        el(el(bibl, "author"), "orgName", facts.routing.sender)
    if facts.message_ref:
        el(bibl, "idno", facts.message_ref, type="message-reference")
    if facts.routing.station:
        el(bibl, "idno", facts.routing.station, type="station")
    if facts.routing.transmission:
        el(bibl, "idno", facts.routing.transmission, type="transmission-id")
    if facts.routing.date:
        el(bibl, "date", facts.routing.dtg, when=facts.routing.date)
    if facts.sections:
        extent = el(bibl, "extent")
        el(extent, "measure", f"{facts.sections} sections", unit="section", quantity=str(facts.sections))
    if facts.level_text:
        el(bibl, "note", facts.level_text, type="classification", subtype=slug(facts.level or ""))
    for caveat in facts.caveats:
        el(bibl, "note", caveat, type="caveat")
    if facts.eo:
        el(bibl, "note", facts.eo, type="declassification")
    if facts.classified_by:
        el(bibl, "note", facts.classified_by, type="classified-by")
    if facts.partial:
        el(bibl, "note", "This record is a partial extract of the original cable.", type="partial-extract")
    meta = facts.metadata
    if meta is not None:
        mb = el(source_desc, "bibl", type=meta.kind)
        if meta.id:
            el(mb, "idno", meta.id, type="cable-id")
        if meta.row:
            el(mb, "idno", meta.row, type="row")
        if meta.created:
            el(mb, "date", meta.created.replace("T", " "), when=_seconds(meta.created), type="created")
        if meta.released:
            el(mb, "date", meta.released.replace("T", " "), when=_seconds(meta.released), type="released")
        if meta.classification:
            el(mb, "note", meta.classification, type="classification")
        if meta.origin:
            el(mb, "note", meta.origin, type="origin")
        for ref in meta.references:
            el(mb, "idno", ref, type="reference")
        for text in facts.discrepancies:
            el(mb, "note", text, type="discrepancy", resp="#normalizer")

    encoding = el(header, "encodingDesc")
    build_editorial(encoding, facts)
    class_decl = el(encoding, "classDecl")
    tax = el(class_decl, "taxonomy")
    tax.set(XML_ID, "classification")
    classes = [("cls-" + slug(facts.level), facts.level)] if facts.level else []
    classes += [(ident, f"portion marking {marking}") for marking, ident in facts.markings.items()]
    _categories(tax, classes or [("cls-unknown", "classification not stated in the text")])
    cav = el(class_decl, "taxonomy")
    cav.set(XML_ID, "caveats")
    _categories(cav, [("cav-" + slug(c), c) for c in facts.caveats] or [("cav-none", "no handling caveats")])
    tags = el(class_decl, "taxonomy")
    tags.set(XML_ID, "tags")
    _categories(tags, [("tag-" + slug(t), t) for t in facts.tags] or [("tag-none", "no TAGS")])

    profile = el(header, "profileDesc")
    if facts.summary:
        el(el(el(profile, "abstract"), "p"), "ptr", target="#summary")
    corresp = el(profile, "correspDesc")
    sent = el(corresp, "correspAction", type="sent")
    if facts.routing.sender:
        el(sent, "orgName", facts.routing.sender)
    if facts.signer:
        el(sent, "persName", facts.signer)
    if facts.origin:
        el(
            sent,
            "placeName",
            facts.origin.split(" ", 1)[-1] if facts.origin.startswith(("Embassy ", "Consulate ")) else facts.origin,
        )
    if facts.date:
        el(sent, "date", when=facts.date)
    if not len(sent):
        el(sent, "orgName", "unknown")
    for subtype, addressees in (("action", facts.routing.to), ("info", facts.routing.info)):
        if addressees:
            action = el(corresp, "correspAction", type="received", subtype=subtype)
            for addressee in addressees:
                _addressee(action, addressee)
    if facts.refs:
        context = el(corresp, "correspContext")
        for label, text, ident, inferred in facts.refs:
            el(
                context,
                "ref",
                text,
                type="reference",
                n=label,
                target=f"cable:{ident}" if ident else None,
                subtype="year-inferred" if ident and inferred else None,
            )
    text_class = el(profile, "textClass")
    el(
        text_class,
        "catRef",
        scheme="#classification",
        target="#cls-" + slug(facts.level) if facts.level else "#cls-unknown",
    )
    el(
        text_class,
        "catRef",
        scheme="#caveats",
        target=" ".join(dict.fromkeys("#cav-" + slug(c) for c in facts.caveats)) or "#cav-none",
    )
    keywords = el(text_class, "keywords", scheme="#tags")
    for tag in facts.tags or []:
        el(keywords, "term", tag)
    if not facts.tags:
        el(keywords, "term", "none", type="none")

    revision = el(header, "revisionDesc")
    el(revision, "change", f"Normalized by cable-convert {__version__} from {facts.source}.", who="#normalizer")


def _seconds(when: str) -> str:
    """``2006-03-17T22:10`` -> ``2006-03-17T22:10:00`` (xs:dateTime needs the seconds)."""
    return when + ":00" if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", when) else when


def _categories(taxonomy: etree._Element, entries: list[tuple[str, str]]) -> None:
    """One category per distinct id (two spellings of a marking share one)."""
    seen: set[str] = set()
    for ident, desc in entries:
        if ident in seen:
            continue
        seen.add(ident)
        cat = el(taxonomy, "category")
        cat.set(XML_ID, ident)
        el(cat, "catDesc", desc)


def _addressee(parent: etree._Element, addressee: Addressee) -> None:
    node = el(
        parent,
        "orgName",
        addressee.name or addressee.text,
        key=addressee.prefix,
        n=addressee.sequence,
        type=addressee.precedence_norm.lower().replace(" ", "-") if addressee.precedence_norm else None,
    )
    if addressee.precedence and addressee.precedence_norm and addressee.precedence.upper() != addressee.precedence_norm:
        node.set("subtype", "precedence-misspelt")


EDITORIAL = {
    "pilcrow": "The ¶ sign before paragraph numbers was added by the cablegate web pages, not "
    "part of the cables; it is dropped.",
    "renumber": "A paragraph number damaged in copying (11., 12., 13. where the sequence shows "
    "¶1–¶3) is regularised; the source's form is kept in orig.",
    "joins": "Hard line breaks inside paragraphs are joined with a space; a line that ends in a "
    "hyphen is joined without one, keeping the hyphen unless the unhyphenated word "
    "occurs elsewhere in the same cable (then orig/reg).",
    "furniture": "Page-break lines, repeated section banners and the classification lines "
    "around old-style page breaks are moved out of the text flow into pb/fw and "
    "milestone/fw at the place they occurred.",
    "sections": "A cable sent in several sections is one text; the banners of sections after "
    "the first are kept as milestones.",
    "repairs": "Damaged characters (an apostrophe sent as a comma, quotation marks sent as & "
    "and 8, accents dropped to --) are regularised with the original kept in orig.",
    "redactions": "Redactions (XXXXXXXXXXXX) are gap elements with the redaction as written in desc.",
    "whitespace": "White space only is normalised: trailing spaces, tabs, U+2028/U+2029 line "
    "separators and runs of spaces.",
    "link-residue": "Link residue from scraped web pages ([ETRD](#)) is regularised to the bare "
    "word, the original kept in orig.",
    "controls": "Control characters that XML cannot hold (in the text or the source's metadata) are shown as U+FFFD.",
}


def build_editorial(encoding: etree._Element, facts: Facts) -> None:
    decl = el(encoding, "editorialDecl")
    keys = ["whitespace", "joins", "furniture", "pilcrow", *sorted(facts.editorial)]
    seen = set()
    for key in keys:
        if key in seen or key not in EDITORIAL:
            continue
        seen.add(key)
        part = "correction" if key in ("repairs", "renumber") else "hyphenation" if key == "joins" else "normalization"
        el(el(decl, part), "p", EDITORIAL[key])


# ---------------------------------------------------------------- body
@dataclass(slots=True)
class BodyContext:
    facts: Facts
    mend: Callable[[], set[str]]  # the cable's words (lower case), computed on first use


def _text_tokens(lines: list[str | Furniture], ctx: BodyContext) -> list[Token]:
    """Lines of running text joined, with repairs and redactions marked."""
    return repair_tokens(join_lines(lines, ctx.mend))


SUMMARY_START = re.compile(r"^\s*(?:\(\s*)?(?:BEGIN\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\s*(?:[:.-]|$)", re.I)
SUMMARY_END = re.compile(r"\bEND\s+(?:OF\s+)?SUMMARY(?:\s+AND\s+COMMENT)?\b\s*[.:]?\)?", re.I)
COMMENT_START = re.compile(r"(?:^|(?<=[\s(]))(?:BEGIN\s+)?COMMENT\s*:", re.I)
QUOTE_START = re.compile(r"\b(?:BEGIN\s+(?:TEXT|QUOTE)|QTE)\b\s*[:.]?", re.I)
QUOTE_END = re.compile(r"\b(?:END\s+(?:OF\s+)?(?:TEXT|QUOTE)|UNQTE|UNQUOTE)\b\s*[.:]?", re.I)
COMMENT_END = re.compile(r"\bEND\s+(?:OF\s+)?COMMENT\b\s*[.:]?", re.I)


def mark_ranges(
    paragraphs: list[list[Token]], start_re: re.Pattern[str], end_re: re.Pattern[str], seg_type: str, anywhere: bool
) -> bool:
    """Wrap each start…end range in ``seg type=…`` (``part`` I/M/F when it spans paragraphs).
    Returns whether a range was found. An unclosed start is left alone."""
    found = False
    index = 0
    while index < len(paragraphs):
        text = plain(paragraphs[index])
        start = start_re.search(text) if anywhere else start_re.match(text)
        if not start:
            index += 1
            continue
        begin = start.start()
        end = end_re.search(text, start.end())
        if end:
            paragraphs[index] = wrap(paragraphs[index], begin, end.end(), seg_type)
            found = True
            index += 1
            continue
        # look for the end in the following paragraphs (at most 12)
        for later in range(index + 1, min(len(paragraphs), index + 13)):
            later_text = plain(paragraphs[later])
            if start_re.search(later_text) and seg_type == "comment":
                break
            stop = end_re.search(later_text)
            if stop:
                paragraphs[index] = wrap(paragraphs[index], begin, len(text), seg_type, "I")
                for middle in range(index + 1, later):
                    mtext = plain(paragraphs[middle])
                    paragraphs[middle] = wrap(paragraphs[middle], 0, len(mtext), seg_type, "M")
                paragraphs[later] = wrap(paragraphs[later], 0, stop.end(), seg_type, "F")
                found = True
                index = later
                break
        index += 1
    return found


def build_body(div: etree._Element, blocks: list[Block], ctx: BodyContext) -> None:
    facts = ctx.facts
    # tokens per text block, then summary/comment ranges across them
    token_lists: list[list[Token]] = []
    owners: list[tuple[int, int]] = []  # (block index, item index or -1)
    for b_index, block in enumerate(blocks):
        if block.kind == "p":
            token_lists.append(_text_tokens(block.lines, ctx))
            owners.append((b_index, -1))
            for i_index, item in enumerate(block.items):
                token_lists.append(_text_tokens(item.lines, ctx))
                owners.append((b_index, i_index))
        elif block.kind == "list":
            for i_index, item in enumerate(block.items):
                token_lists.append(_text_tokens(item.lines, ctx))
                owners.append((b_index, i_index))
    main_only = [k for k, (_, item) in enumerate(owners) if item == -1]
    paragraphs = [token_lists[k] for k in main_only]
    facts.summary = mark_ranges(paragraphs, SUMMARY_START, SUMMARY_END, "summary", anywhere=False)
    for k, tokens in zip(main_only, paragraphs, strict=True):
        token_lists[k] = tokens
    mark_ranges(token_lists, COMMENT_START, COMMENT_END, "comment", anywhere=True)
    mark_ranges(token_lists, QUOTE_START, QUOTE_END, "quote", anywhere=True)
    tokens_of = dict(zip(owners, token_lists, strict=True))

    closer: etree._Element | None = None
    for b_index, block in enumerate(blocks):
        if block.kind in ("signature", "closing") or (closer is not None and block.kind == "break"):
            if closer is None:
                closer = el(div, "closer")
            if block.kind == "signature":
                signed = el(closer, "signed")
                name = str(block.lines[0])
                match = re.match(r"^(\s*)(.*?)([\s.#]*)$", name)
                assert match
                el(signed, "persName", match.group(2))
                append_text(signed, match.group(3))
            elif block.kind == "closing":
                el(closer, "fw", str(block.lines[0]), type=block.subtype or "trailer")
            else:
                assert block.furniture
                add_furniture(closer, block.furniture)
            continue
        if block.kind == "break":
            assert block.furniture
            add_furniture(div, block.furniture)
            continue
        if block.kind == "heading":
            ab = el(div, "ab", type="heading", rend=block.rend)
            add_tokens(ab, _text_tokens(block.lines, ctx))
            continue
        if block.kind == "ab":
            ab = el(div, "ab", type=block.subtype)
            add_tokens(ab, join_lines(block.lines))
            continue
        if block.kind == "list":
            lst = el(div, "list", type="items")
            _items(lst, block, tokens_of, b_index)
            continue
        para = el(div, "p", n=str(block.n) if block.n is not None else None)
        if block.label:
            label = el(para, "label", type="paragraph-number")
            if block.label_fix:
                add_tokens(label, [Choice(block.label, block.label_fix, reason="paragraph-number")])
            else:
                label.text = block.label
        if block.marking:
            if block.label:
                append_text(para, " ")
            el(para, "seg", block.marking, type="portion-marking")
            ident = facts.markings.setdefault(block.marking, "cls-" + slug(block.marking.strip("().")))
            para.set("ana", "#" + ident)
        body_tokens = tokens_of[(b_index, -1)]
        if (block.label or block.marking) and body_tokens:
            append_text(para, " ")
        add_tokens(para, body_tokens)
        if block.items:
            lst = el(para, "list", type="items")
            _items(lst, block, tokens_of, b_index)


def _items(lst: etree._Element, block: Block, tokens_of: dict[tuple[int, int], list[Token]], b_index: int) -> None:
    for i_index, item in enumerate(block.items):
        el(lst, "label", item.label or None)
        node = el(lst, "item")
        add_tokens(node, tokens_of[(b_index, i_index)])


def build_references(div: etree._Element, fields: list[Field], facts: Facts) -> None:
    """Each REF field as ``list type="references"``: the field's label as ``head``, then
    label/item pairs, a resolvable cable reference as ``ref target="cable:ID"``."""
    for fld in fields:
        if fld.kind != "refs":
            continue
        lst = el(div, "list", type="references")
        head, items = split_ref_field(fld.text)
        if head:
            el(lst, "head", head)
        own_year = int(facts.date[:4]) if facts.date else None
        if not items:
            el(lst, "item")
        labelled = any(written for _, written, _ in items)
        for letter, written, text in items:
            if labelled:
                # TEI lists are all label/item pairs or all bare items: an unlabelled item
                # among labelled ones gets an empty label
                el(lst, "label", written)
            item = el(lst, "item", n=letter)
            ident, inferred = pre.resolve_ref(text, own_year)
            if ident:
                el(item, "ref", text, target=f"cable:{ident}", subtype="year-inferred" if inferred else None)
            else:
                item.text = text
        for entry in fld.lines:
            if isinstance(entry, Furniture):
                add_furniture(div, entry)


def split_ref_field(text: str) -> tuple[str, list[tuple[str | None, str | None, str]]]:
    """The field label (``REF:``, ``Ref A:``) and its items; a letter in the label
    (``Ref A:``) names a single unlabelled item."""
    match = pre.REF.match(text)
    head = text[: match.end()].strip() if match else ""
    items = pre.split_refs(text[match.end() :] if match else text)
    letter = re.search(r"\b([A-Z])\s*:?$", head)
    if letter and items and items[0][0] is None and head.upper().startswith("REF"):
        items[0] = (letter.group(1), None, items[0][2])
    return head, items
