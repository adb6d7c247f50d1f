"""From cleaned lines to the cable's structure: preamble fields, paragraphs, lists, page
furniture, closing. No TEI here: :mod:`convert.normalize.build` turns this into XML."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from . import preamble as pre
from .inline import Break, Choice, Token
from .lines import (
    CLASSIFICATION_LINE,
    Banner,
    Furniture,
    page_break,
    parse_banner,
)
from .routing import classify

# ---------------------------------------------------------------- entries
Entry = str | Furniture | None  # a text line, page furniture, or a blank line (None)


_BANNER_FIRST = frozenset("CSUTLcsutl")


def make_entries(lines: list[str]) -> list[Entry]:
    """Lines -> entries, with page-break lines and repeated section banners lifted out."""
    entries: list[Entry] = []
    first_banner_seen = False
    content_lines = 0
    for line in lines:
        if not line.strip():
            entries.append(None)
            continue
        stripped = line.strip().lstrip("¶").strip()
        if line.lstrip().startswith("¶"):
            # the cablegate pages' paragraph anchor, not the cable's: dropped (editorialDecl),
            # but remembered as a hint that a paragraph starts here
            line = Anchored(stripped)
        brk = page_break(stripped)
        if brk:
            kind, page = brk
            furniture = Furniture("page", n=page)
            if kind == "old":
                # a classification line just before an old-style page line is its footer
                back = len(entries) - 1
                while back >= 0 and entries[back] is None:
                    back -= 1
                if back >= 0 and isinstance(entries[back], str) and CLASSIFICATION_LINE.match(str(entries[back])):
                    furniture.lines.append(("footer", str(entries[back]).strip()))
                    del entries[back:]
            furniture.lines.append(("header", line.strip()))
            entries.append(furniture)
            continue
        banner = (
            parse_banner(stripped)
            if len(stripped) < 120
            and stripped[-1:].isdigit()
            and (stripped[:1] in _BANNER_FIRST or "ECTION" in stripped.upper())
            else None
        )
        if banner and (banner.section or banner.serial):
            if first_banner_seen:
                entries.append(Furniture("section", [("banner", line.strip())], n=str(banner.section or "")))
                continue
            if content_lines < 40:
                first_banner_seen = True
        content_lines += 1
        entries.append(line)
    return entries


# ---------------------------------------------------------------- result model
@dataclass(slots=True)
class Field:
    kind: str  # banner, handling, distribution, eo, tags, subject, refs, classified-by, wrapper, notice
    lines: list[str | Furniture] = field(default_factory=list)
    banner: Banner | None = None

    @property
    def text(self) -> str:
        return " ".join(" ".join(x.split()) for x in self.lines if isinstance(x, str))


@dataclass(slots=True)
class ListItem:
    label: str
    lines: list[str | Furniture]


@dataclass(slots=True, eq=False)
class Block:
    """A paragraph-like block of the body."""

    kind: str  # p | heading | list | break | closing | signature | ab
    lines: list[str | Furniture] = field(default_factory=list)
    n: int | None = None
    label: str | None = None  # the paragraph number as written ("11.", "1.")
    label_fix: str | None = None  # the regularised number when the source's was damaged
    marking: str | None = None
    items: list[ListItem] = field(default_factory=list)
    furniture: Furniture | None = None
    subtype: str | None = None
    rend: str | None = None


@dataclass(slots=True)
class Structure:
    fields: list[Field]
    blocks: list[Block]


# ---------------------------------------------------------------- preamble
def _next_line(entries: list[Entry], index: int) -> int:
    while index < len(entries) and not isinstance(entries[index], str):
        index += 1
    return index


PARA_START = re.compile(
    r"^\s*(?:¶\s*)?(?P<num>\d{1,4})\s?\.(?=\s|\(|$)\s*"
    # the portion marking: (C), (S/NF), (SBU), (C/REL ISAF), (C - ENTIRE TEXT)
    r"(?P<marking>\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,8}){0,4}|[A-Z]\s*-\s*[A-Z ]{3,20})\)\.?)?",
)
ITEM_START = re.compile(
    r"^\s*(?:¶\s*)?(?P<label>\((?:[A-Za-z]|\d{1,2}|[ivx]{1,4})\)|[A-Za-z]\)|[A-Z]\.(?=\s)|\d{1,2}\)|-{1,2}(?=\s)|--(?=[A-Z])|[*•o](?=\s))\s*"
)
DASH_RULE = re.compile(r"^\s*(?:-\s*){4,}$|^\s*(?:=\s*){4,}$|^\s*(?:_\s*){4,}$")


def parse_preamble(entries: list[Entry]) -> tuple[list[Field], int]:
    """Fields at the start of the body, and the index of the first body entry."""
    fields: list[Field] = []
    i = 0  # not _next_line: furniture before the first text line is kept as a field
    horizon = _horizon(entries, i)
    seen_banner = False
    seen_subject = False
    last_ref_label: str | None = None
    while i < len(entries):
        row_end = _database_row(entries, i)
        if row_end:
            fields.append(Field("wrapper", [e for e in entries[i:row_end] if e is not None]))
            i = row_end
            continue
        entry = entries[i]
        if entry is None or isinstance(entry, Furniture):
            if isinstance(entry, Furniture):
                fields.append(Field("furniture", [entry]))
            i += 1
            continue
        line = entry
        if not isinstance(line, pre.Glued) and not seen_subject:
            # several fields run together on one line (media partners' copies)
            parts = pre.split_glued(line)
            if (
                len(parts) > 1
                and pre.field_kind(parts[0]) != "subject"
                and (
                    parse_banner(parts[0])
                    or pre.field_kind(parts[0])
                    or pre.CSV_RESIDUE.match(line)
                    or pre.CABLE_DATED.match(line)
                    or (i < horizon and any(pre.field_kind(p) for p in parts[1:]))
                )
            ):
                entries[i : i + 1] = parts
                horizon = _horizon(entries, i)
                continue
        kind = pre.field_kind(line)
        banner = parse_banner(line) if not seen_banner and kind is None else None
        if banner is not None and (banner.level or banner.section):
            fields.append(Field("banner", [line], banner=banner))
            seen_banner = True
            i += 1
            continue
        if kind is None:
            if PARA_START.match(line):
                break
            if isinstance(line, pre.Glued) and fields:
                # a run-on piece of a split line that is no known field ("sipdise.o. …" in a
                # lower-cased copy) stays glued in the opener: in the body it would split a word
                kind = "distribution"
            elif i < horizon and not seen_subject:
                kind = "distribution"
            elif seen_subject and fields and fields[-1].kind == "refs" and _is_ref_continuation(line, last_ref_label):
                kind = "refs-more"
            else:
                break
        if kind == "refs" and pre.CLASSIFIED_BY.match(line):
            kind = "classified-by"
        current = Field(kind if kind != "refs-more" else "refs")
        if kind == "refs-more":
            current = fields[-1]
        else:
            fields.append(current)
        current.lines.append(line)
        i += 1
        # continuation lines: until a blank line or another field starts
        while i < len(entries):
            e = entries[i]
            if isinstance(e, Furniture):
                current.lines.append(e)
                i += 1
                continue
            if e is None:
                # REF items may be separated by blank lines: look ahead for the next label
                if kind in ("refs", "refs-more"):
                    k = _next_line(entries, i)
                    if k < len(entries) and _is_ref_continuation(str(entries[k]), _last_label(current)):
                        # keep any page furniture that stood in the gap
                        current.lines.extend(e for e in entries[i:k] if isinstance(e, Furniture))
                        i = k
                        continue
                break
            nxt = pre.field_kind(e)
            if nxt is not None:
                break
            if PARA_START.match(e) or parse_banner(e):
                break
            if kind in ("handling", "eo", "wrapper", "notice") and not (
                kind == "eo" and re.match(r"^\s*(?:DECL|\()", e, re.I)
            ):
                break
            current.lines.append(e)
            i += 1
        if current.kind == "subject":
            seen_subject = True
        if current.kind == "refs":
            last_ref_label = _last_label(current)
    return fields, i


_ROW_ID = re.compile(r"^\s*(?:\d{1,7}|<<\d{1,7}>>)\s*$")
_ROW_DATE = re.compile(r"^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
_ROW_DAY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
_ROW_CABLE = re.compile(r"^\s*\d{2}[A-Z]{2,}\d+\s*$")
_ROW_REFS = re.compile(r"^\s*\d{2}[A-Z]+\d+(?:\|\s*\d{2}[A-Z]+[0-9 ]+)*\s*$")
_ROW_CLASS = re.compile(r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?\s*$")
_ROW_ORIGIN = re.compile(
    r"^\s*(?:Embassy|Consulate|Mission|US |USUN|USEU|UNVIE|Secretary|American|Iran|REO)\b[\w ,.'-]{0,40}$"
)


def _row_field(line: str) -> bool:
    return any(p.match(line) for p in (_ROW_ID, _ROW_DATE, _ROW_CABLE, _ROW_REFS, _ROW_CLASS, _ROW_ORIGIN))


def _database_row(entries: list[Entry], start: int) -> int:
    """End of a media partner's database row (id, date, refid, origin, classification,
    references, in some order, then often the routing header) starting at ``start``; 0 if
    there is none."""
    lines = [str(e) for e in entries[start : start + 6] if isinstance(e, str)][:2]
    if len(lines) < 2 or not (
        (_ROW_ID.match(lines[0]) or _ROW_DATE.match(lines[0]))
        and (_ROW_DATE.match(lines[1]) or _ROW_CABLE.match(lines[1]))
    ):
        return 0
    index = start
    taken = 0
    state: str | None = None
    in_row = True
    while index < len(entries):
        entry = entries[index]
        if entry is None or isinstance(entry, Furniture):
            index += 1
            continue
        if in_row and taken < 9 and _row_field(entry):
            taken += 1
            index += 1
            continue
        in_row = False
        kind = classify(entry, state)
        if kind is None:
            break
        state = kind.rstrip("+") if kind.rstrip("+") in ("to", "info", "xmt") else None
        index += 1
    return index


def _horizon(entries: list[Entry], start: int) -> int:
    """Index of the last SUBJECT/TAGS/E.O. line before the first numbered paragraph: the
    unrecognised lines before it are distribution lines, not text."""
    horizon = 0
    for j in range(start, min(len(entries), start + 80)):
        e = entries[j]
        if isinstance(e, str):
            if PARA_START.match(e) and not pre.CLASSIFIED_BY.match(e):
                break
            kind = pre.field_kind(e)
            if kind in ("eo", "tags", "subject") or (
                kind is None and any(pre.field_kind(p) in ("eo", "tags", "subject") for p in pre.split_glued(e)[1:])
            ):
                horizon = j
    return horizon


def _last_label(field_: Field) -> str | None:
    labels = [label for label, _w, _t in pre.split_refs(pre.REF.sub("", field_.text, count=1))]
    letters = [x for x in labels if x]
    return letters[-1] if letters else None


def _is_ref_continuation(line: str, last: str | None) -> bool:
    if last is None:
        return False
    nxt = chr(ord(last) + 1)
    return bool(re.match(rf"^\s*(?:¶\s*)?(?:\({nxt}\)|{nxt}[.)])\s", line))


# ---------------------------------------------------------------- body blocks
_TERMINAL = re.compile(r"[.!?:;\"')\]]\s*$")


def _chunks(entries: list[Entry]) -> list[list[str | Furniture] | Furniture]:
    """Group entries into blocks (runs of lines) and standalone furniture between them."""
    chunks: list[list[str | Furniture] | Furniture] = []
    current: list[str | Furniture] | None = None
    pending: list[Furniture] = []
    for entry in entries:
        if entry is None:
            current = None
            continue
        if isinstance(entry, Furniture):
            if current is not None:
                pending.append(entry)
            else:
                chunks.append(entry)
            continue
        if current is not None and _paragraph_starts_inside(current, entry):
            current = None  # "… End Summary." then "¶2. (SBU) …" on the next line
        if current is None:
            if pending:
                chunks.extend(pending)
                pending = []
            current = []
            chunks.append(current)
        elif pending:
            current.extend(pending)
            pending = []
        current.append(entry)
    chunks.extend(pending)
    return chunks


class Anchored(str):
    """A line that began with the cablegate pages' paragraph anchor (¶)."""


def _paragraph_starts_inside(block: list[str | Furniture], line: str) -> bool:
    """A numbered paragraph that follows the previous one with no blank line between: the
    number must carry a portion marking or the page's ¶ anchor, after a finished sentence."""
    previous = next((x for x in reversed(block) if isinstance(x, str)), "")
    if not previous or not _TERMINAL.search(previous):
        return False
    match = PARA_START.match(line)
    if not match or not 1 <= int(match["num"]) <= 199:
        return False
    return bool(match["marking"]) or isinstance(line, Anchored)


def _starts_new(line: str) -> bool:
    return bool(PARA_START.match(line) or ITEM_START.match(line) or DASH_RULE.match(line))


def _merge(chunks: list[list[str | Furniture] | Furniture]) -> list[list[str | Furniture] | Furniture]:
    """Join blocks that one paragraph was split into by a blank line or a page break."""
    out: list[list[str | Furniture] | Furniture] = []
    for chunk in chunks:
        if isinstance(chunk, list) and chunk:
            # find the previous text block, possibly behind furniture
            back = len(out) - 1
            furniture: list[Furniture] = []
            while back >= 0 and isinstance(out[back], Furniture):
                furniture.insert(0, out[back])  # type: ignore[arg-type]
                back -= 1
            if back >= 0 and isinstance(out[back], list):
                prev: list[str | Furniture] = out[back]  # type: ignore[assignment]
                last = next((x for x in reversed(prev) if isinstance(x, str)), "")
                first = next((x for x in chunk if isinstance(x, str)), "")
                joinable = (
                    bool(last) and not _TERMINAL.search(last) and not _starts_new(first) and not DASH_RULE.match(last)
                )
                lower = first.lstrip()[:1].islower()
                if joinable and (lower or furniture) and len(last) > 25:
                    prev.extend(furniture)
                    prev.extend(chunk)
                    del out[back + 1 :]
                    continue
        out.append(chunk)
    return out


def _alt_number(num: int) -> int | None:
    """``11`` -> ``1``: a damaged pilcrow read as a leading 1."""
    text = str(num)
    if len(text) >= 2 and text[0] == "1":
        return int(text[1:]) or None
    return None


def _number_paragraphs(blocks: list[Block]) -> None:
    """Decide which numbers are paragraph numbers, repairing ``11.`` read for ``¶1.``."""
    numbered = [b for b in blocks if b.kind == "p" and b.n is not None]
    last = 0
    for index, block in enumerate(numbered):
        assert block.n is not None
        num = block.n
        alt = _alt_number(num)
        expected = last + 1
        if num != expected and alt == expected:
            nxt = numbered[index + 1].n if index + 1 < len(numbered) else None
            confirmed = nxt is None or nxt in (alt + 1,) or _alt_number(nxt) == alt + 1
            if confirmed and (nxt is None or nxt != num + 1 or _alt_number(nxt) == alt + 1):
                block.label_fix = f"{alt}."
                block.n = alt
                num = alt
        last = num


def _split_items(lines: list[str | Furniture]) -> tuple[list[str | Furniture], list[ListItem]]:
    """A block's leading text and the list items that follow it."""
    head: list[str | Furniture] = []
    items: list[ListItem] = []
    prev_text = ""
    for entry in lines:
        if isinstance(entry, str):
            match = ITEM_START.match(entry)
            boundary = not prev_text or prev_text.rstrip()[-1:] in (".", ":", ";")
            if match and boundary:
                label = match["label"]
                items.append(ListItem(label, [entry[match.end() :]]))
                prev_text = entry
                continue
            prev_text = entry
        if items:
            items[-1].lines.append(entry)
        else:
            head.append(entry)
    return head, items


def body_blocks(entries: list[Entry]) -> list[Block]:
    blocks: list[Block] = []
    for chunk in _merge(_chunks(entries)):
        if isinstance(chunk, Furniture):
            blocks.append(Block("break", furniture=chunk))
            continue
        texts = [x for x in chunk if isinstance(x, str)]
        if not texts:
            continue
        first = texts[0]
        # dashed headings: rule / TEXT / rule
        if DASH_RULE.match(first) or (len(texts) >= 2 and DASH_RULE.match(texts[-1]) and len(texts) <= 4):
            words = [x for x in texts if not DASH_RULE.match(x)]
            if words and len(" ".join(words)) < 160:
                blocks.append(
                    Block(
                        "heading",
                        lines=[x for x in chunk if not (isinstance(x, str) and DASH_RULE.match(x))],
                        rend="dashes",
                    )
                )
                continue
            if not words:
                blocks.append(Block("ab", lines=list(chunk), subtype="rule"))
                continue
        match = PARA_START.match(first)
        if match and 1 <= int(match["num"]) <= 199:
            rest = first[match.end() :]
            label = first[: first.index(match["num"]) + len(match["num"]) + 1].strip().lstrip("¶").strip()
            lines = [rest.lstrip(), *chunk[chunk.index(first) + 1 :]]
            head, items = _split_items(lines)
            blocks.append(
                Block(
                    "p",
                    lines=head,
                    n=int(match["num"]),
                    label=label,
                    marking=(match["marking"] or None),
                    items=items,
                )
            )
            continue
        item = ITEM_START.match(first)
        if item:
            _, items = _split_items(list(chunk))
            blocks.append(Block("list", items=items))
            continue
        head, items = _split_items(list(chunk))
        blocks.append(Block("p", lines=head, items=items))
    _number_paragraphs(blocks)
    _attach_lists(blocks)
    _mark_database_rows(blocks)
    _mark_headings(blocks)
    return blocks


_DASHED_TITLE = re.compile(r"^(?:-{3,}\s*)?(?P<title>.*?)(?P<dashes>(?<!\s)\s++-{3,}+|(?<!-)-{3,}+)?$")


def _mark_headings(blocks: list[Block]) -> None:
    """A short line standing alone before a numbered paragraph, without a full stop, in a cable
    written in mixed case, is a heading (MILITARY UPDATE, A New Era Begins, or a title with
    its dashes on the same line); the dashed-rule headings are found earlier."""
    mixed = sum(
        1 for b in blocks if b.kind == "p" and any(isinstance(x, str) and any(c.islower() for c in x) for x in b.lines)
    )
    if mixed < 2:
        return
    for block, following in itertools.pairwise(blocks):
        texts = [x for x in block.lines if isinstance(x, str)]
        if not (
            block.kind == "p"
            and block.n is None
            and not block.items
            and len(texts) == 1
            and following.kind == "p"
            and following.n is not None
        ):
            continue
        if pre.field_kind(texts[0]) is not None:
            continue  # a late REF or Classified By line, not a heading
        match = _DASHED_TITLE.match(texts[0].strip())
        title = match["title"] if match else ""
        if 0 < len(title) <= 70 and title[:1].isupper() and title[-1:] not in ".,;:!?\"'" and len(title.split()) <= 10:
            block.kind = "heading"
            if match and match["dashes"]:  # the rule is recorded as rend, like a dashed underline
                block.rend = "dashes"
                block.lines = [title]


def _mark_database_rows(blocks: list[Block]) -> None:
    """A media partner's database row inside the text (id, date, refid, origin,
    classification, one per line) is a wrapper, not paragraphs of the cable."""
    index = 0
    while index < len(blocks):
        run = index
        while run < len(blocks) and _single_row_line(blocks[run]):
            run += 1
        first = blocks[index].lines[0] if run > index else ""
        if run - index >= 3 and isinstance(first, str) and (_ROW_ID.match(first) or _ROW_DAY.match(first)):
            for block in blocks[index:run]:
                block.kind, block.subtype = "ab", "wrapper"
            index = run
        else:
            index += 1


def _single_row_line(block: Block) -> bool:
    texts = [x for x in block.lines if isinstance(x, str)]
    return (
        block.kind == "p"
        and block.n is None
        and not block.items
        and len(texts) == 1
        and len(block.lines) == 1
        and (_row_field(texts[0]) or bool(_ROW_DAY.match(texts[0])))
    )


def _attach_lists(blocks: list[Block]) -> None:
    """A list that follows a paragraph belongs to it (``2. (C) … : A. … B. …``)."""
    index = 1
    while index < len(blocks):
        block = blocks[index]
        prev = blocks[index - 1]
        if block.kind == "list" and prev.kind == "p":
            prev.items.extend(block.items)
            del blocks[index]
            continue
        index += 1


# ---------------------------------------------------------------- closing
END_MARKER = re.compile(r"^\s*(?:NNNN|BT|={3,}\s*CABLE ENDS\s*={3,}|#+)\s*$", re.I)
FOOTER = re.compile(r"^\s*(?:>|\d{4}[A-Z]{4,}\d+\s*-\s*Classification:|Classification:)", re.I)
NAME = r"[A-Za-z][A-Za-z'’.-]*"
SIGNATURE = re.compile(rf"^\s*(?:{NAME})(?:\s+{NAME}){{0,3}}\s*\.?\s*#*\s*$")
_NOT_NAMES = {
    "END",
    "COMMENT",
    "SUMMARY",
    "TEXT",
    "UNQTE",
    "QTE",
    "SIPDIS",
    "NOFORN",
    "THANKS",
    "THANK",
    "YOU",
    "NOTE",
    "BT",
    "NNNN",
    "CONFIDENTIAL",
    "SECRET",
    "UNCLASSIFIED",
    "UNCLAS",
    "SENSITIVE",
    "PARA",
    "ENDS",
    "MINIMIZE",
    "CONSIDERED",
    "CLEARED",
    "REGARDS",
    "DRAFTED",
    "APPROVED",
    "GP-3",
    "EXEMPT",
    "DECL",
    "ADS",
}


def _is_name(text: str) -> bool:
    words = text.replace(".", " ").replace("#", " ").split()
    if not words or len(words) > 4 or len(text) > 40:
        return False
    if any(w.upper().strip("’'") in _NOT_NAMES or re.fullmatch(r"[Xx]{4,}", w) for w in words):
        return False
    return all(re.fullmatch(NAME, w) for w in words) and any(len(w) > 1 for w in words)


def split_closing(blocks: list[Block]) -> list[Block]:
    """Move trailing end markers, footers, classification lines and the signature out of
    the last paragraph into closing blocks (kept, in order)."""
    tail: list[Block] = []
    while blocks:
        last = blocks[-1]
        if last.kind == "break":
            tail.insert(0, blocks.pop())
            continue
        if last.kind not in ("p",) or last.items or (last.n is not None and len(last.lines) == 0):
            break
        texts = [x for x in last.lines if isinstance(x, str)]
        if not texts:
            break
        line = texts[-1]
        if (
            END_MARKER.match(line)
            or FOOTER.match(line)
            or CLASSIFICATION_LINE.match(line)
            or (pre.is_wrapper(line) and last.n is None)
        ):
            _pop_last_line(blocks, last)
            tail.insert(0, Block("closing", lines=[line], subtype=_closing_kind(line)))
            continue
        break
    # the signature: a name on its own last line, or after the last sentence
    if blocks and blocks[-1].kind == "p":
        last = blocks[-1]
        texts = [x for x in last.lines if isinstance(x, str)]
        if texts:
            line = texts[-1]
            only_line = len(texts) == 1 and last.n is None and not last.items
            prev_end = texts[-2] if len(texts) >= 2 else ""
            if _is_name(line) and (only_line or (not last.items and _TERMINAL.search(prev_end))):
                _pop_last_line(blocks, last)
                tail.insert(0, Block("signature", lines=[line]))
                _duplicate_name(blocks, tail)
            else:
                signer = _inline_signature(line, last)
                if signer:
                    keep, name = signer
                    _replace_last_line(last, keep)
                    tail.insert(0, Block("signature", lines=[name], subtype="inline"))
    return blocks + tail


def _duplicate_name(blocks: list[Block], tail: list[Block]) -> None:
    """``MOLLER`` / ``Moller``: a name written twice at the end."""
    if blocks and blocks[-1].kind == "p" and blocks[-1].n is None and not blocks[-1].items:
        texts = [x for x in blocks[-1].lines if isinstance(x, str)]
        if len(texts) == 1 and texts[0].strip().upper() == str(tail[0].lines[0]).strip().upper():
            blocks.pop()
            tail.insert(0, Block("signature", lines=[texts[0]]))


_INLINE_SIGNER = re.compile(
    r"(?<=[.!?)\"'])\s+(?P<name>[A-Z][A-Za-z'’-]+(?:\s+[A-Z][A-Za-z'’-]+){0,2})\s*(?P<tail>\.?\s*#*)\s*$"
)


def _inline_signature(line: str, block: Block) -> tuple[str, str] | None:
    """``… END COMMENT. NICHOLSON`` -> (text, "NICHOLSON")."""
    match = _INLINE_SIGNER.search(line)
    if not match:
        return None
    name = match["name"]
    if not _is_name(name):
        return None
    before = line[: match.start()]
    body_text = " ".join(x for x in block.lines if isinstance(x, str))
    lowers = sum(1 for c in body_text if c.islower())
    letters = sum(1 for c in body_text if c.isalpha()) or 1
    if name.isupper() and lowers / letters > 0.3:
        pass  # a capitalised name closing mixed-case text
    elif re.search(r"END\s+(?:OF\s+)?(?:COMMENT|SUMMARY|TEXT)\s*\.?\)?\s*$", before, re.I):
        pass
    elif not name.isupper() and lowers / letters < 0.3:
        pass  # a mixed-case name after all-caps text
    elif not match["tail"].strip():
        pass  # a name with no full stop after the last sentence: … in Burma. Martinez
    else:
        return None
    return before, line[match.start() :].strip()


def _pop_last_line(blocks: list[Block], block: Block) -> None:
    for index in range(len(block.lines) - 1, -1, -1):
        if isinstance(block.lines[index], str):
            trailing = block.lines[index + 1 :]
            del block.lines[index:]
            # furniture after the line stays in place, as blocks of its own
            blocks.extend(Block("break", furniture=f) for f in trailing if isinstance(f, Furniture))
            break
    if not any(isinstance(x, str) and x.strip() for x in block.lines) and block.n is None and not block.items:
        blocks.remove(block)
        for leftover in block.lines:
            if isinstance(leftover, Furniture):
                blocks.append(Block("break", furniture=leftover))


def _replace_last_line(block: Block, text: str) -> None:
    for index in range(len(block.lines) - 1, -1, -1):
        if isinstance(block.lines[index], str):
            block.lines[index] = text
            return


def _closing_kind(line: str) -> str:
    if END_MARKER.match(line):
        return "end-marker"
    if CLASSIFICATION_LINE.match(line):
        return "classification"
    if FOOTER.match(line):
        return "footer"
    return "wrapper"


_CONTENT = ("p", "list", "ab", "heading")


def _copy_blocks(blocks: list[Block]) -> list[Block]:
    """Copies that split_closing may change (it edits line lists, never the lines)."""
    return [
        dataclasses.replace(b, lines=list(b.lines), items=[ListItem(i.label, list(i.lines)) for i in b.items])
        for b in blocks
    ]


def parse_structure(lines: list[str]) -> Structure:
    entries = make_entries(lines)
    fields, start = parse_preamble(entries)
    blocks = body_blocks(entries[start:])
    closed = split_closing(_copy_blocks(blocks))
    # a closing (signature, end marker) needs text before it: a body that is only a name or
    # only "NNNN" stays text (TEI allows no closer in a div without content)
    has_refs = any(f.kind == "refs" for f in fields)
    if has_refs or any(b.kind in _CONTENT for b in closed):
        blocks = closed
    return Structure(fields, blocks)


_HYPHEN_END = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-$")
_WORD_START = re.compile(r"[A-Za-z]+")


def join_lines(lines: list[str | Furniture], mend: Callable[[], set[str]] | None = None) -> list[Token]:
    """Join hard-wrapped lines into one run of tokens, furniture kept in place.

    A line ending in a hyphen joins the next without a space; the hyphen is kept unless the
    word without it occurs elsewhere in the same cable (``mend()``: the cable's words, lower
    case, computed only when a line ends in a hyphen), then it is a Choice.

    The text is gathered in pieces and joined once (linear: appending to one growing string
    copied it at every line, and a long hard-wrapped paragraph took minutes). A word never
    spans two pieces: each piece starts the text, follows a hyphen, or starts with a space."""
    tokens: list[Token] = []
    parts: list[str] = []

    def flush() -> None:
        text = "".join(parts)
        parts.clear()
        if text:
            tokens.append(text)

    for entry in lines:
        if isinstance(entry, Furniture):
            flush()
            tokens.append(Break(entry))
            continue
        line = " ".join(entry.split()) if "  " in entry or "\u00a0" in entry else entry.strip()
        if not line:
            continue
        prior = _end(parts) if parts else _last_text(tokens)[-2:]
        if not prior:
            parts.append(line)
        elif prior.endswith("-") and prior[-2:-1].isalpha() and line[:1].isalpha():
            left = _HYPHEN_END.search(parts[-1]) if parts else None  # None: the hyphen ended a token
            right = _WORD_START.match(line)  # None when the line starts with "À": no mend
            joined = left.group(1) + right.group(0) if left and right else ""
            if left and right and mend is not None and joined.lower() in mend():
                parts[-1] = parts[-1][: left.start()]
                flush()
                tokens.append(Choice(f"{left.group(1)}-{right.group(0)}", joined, reason="hyphen"))
                if line[right.end() :]:
                    parts.append(line[right.end() :])
            else:
                parts.append(line)
        else:
            parts.append(" " + line)
    flush()
    return tokens


def _end(parts: list[str]) -> str:
    """The last two characters of the text gathered in ``parts`` (none of them empty)."""
    last = parts[-1]
    return last[-2:] if len(last) >= 2 or len(parts) == 1 else parts[-2][-1:] + last


def _last_text(tokens: list[Token]) -> str:
    for token in reversed(tokens):
        if isinstance(token, str):
            return token
        if isinstance(token, Choice):
            return token.reg
    return ""


__all__ = ["Block", "Field", "ListItem", "Structure", "join_lines", "parse_structure"]
