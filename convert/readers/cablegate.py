"""Reader for cablegate web pages: the metadata table and the header/body ``<pre>`` blocks.

The ``<pre>`` text is *not* HTML-escaped on these pages (``R&D;`` is literal), so it is never
unescaped wholesale: only the site's own link markup is removed and numeric character
references (``&#x000A;``) are decoded. The site's HTML
left inside a ``<pre>`` (``<br>``, a table's closing tags, ``<strong>``) is read as a browser
shows it (a line break; nothing), and the reader says so in a note. Anything else that looks
like a tag (``<<220571>>``, ``<Israel>``) is the cable's own text and stays, as text.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterator
from datetime import datetime

from ..errors import ParseError
from ..model import RawCable, SourceMetadata

# Elements are found as an opening-tag pattern and a closing-tag pattern, never as one
# ``<x…>(.*?)</x>`` regex: on a hostile page ("<tr>" 25,000 times, no "</tr>") that regex
# scans to the end from every opening (quadratic: 8 s for 100 kB, days for 20 MB). See
# _between. Opening tags stop at the next "<", so finding them is linear too.
_TABLE_START = re.compile(r"<table\s+class=['\"]cable['\"]\s*>", re.I)
_TABLE_END = re.compile(r"</table>", re.I)
_TABLE_OPEN = re.compile(r"<table\s+class=['\"]cable['\"]", re.I)
_PRE_OPEN = re.compile(r"<pre\b", re.I)
_HTML_OPEN = re.compile(r"<html\b", re.I)
_ROW_START = re.compile(r"<tr>", re.I)
_ROW_END = re.compile(r"</tr>", re.I)
_CELL_START = re.compile(r"<t([hd])[^<>]*>", re.I)
_CELL_END = re.compile(r"</t[hd]>", re.I)
_TAG = re.compile(r"<[^<>]*>")
_PRE_START = re.compile(r"<pre[^<>]*>", re.I)
_PRE_END = re.compile(r"</pre>", re.I)
#: the first opening of the metadata table or of a ``<pre>`` block (what the first match of
#: _TABLE_START or of _PRE_START is, whichever starts first), in one scan of the site's markup
#: before them: each alternative begins with its letter as a literal in either case (under re.I
#: a letter matches only itself in either case: tests/test_prechecks.py), so ``re`` passes
#: over any other tag at its first letter, where the two patterns scanned that markup twice
_TABLE_TAIL = r"""able\s+class=['"]cable['"]\s*>"""
_PRE_TAIL = r"re[^<>]*>"
_TABLE_OR_PRE = re.compile(rf"<(?:t(?i:{_TABLE_TAIL})|T(?i:{_TABLE_TAIL})|p(?i:{_PRE_TAIL})|P(?i:{_PRE_TAIL}))")
# the site's own anchors: paragraph pilcrows and TAG links
_PAR_ANCHOR_START = re.compile(r"<a id=['\"]par[^'\"<>]*['\"] href=['\"]#par[^'\"<>]*['\"]>")
_LINK_START = re.compile(r"<a href=['\"]/[^'\"<>]*['\"]>")
_ANCHOR_END = re.compile(r"</a>")
_PLAIN_MINUTES = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2}) ([0-9]{2}):([0-9]{2})")
_NUMERIC_REF = re.compile(r"&#(?:x([0-9A-Fa-f]{1,6})|([0-9]{1,7}));")
#: HTML the site left inside a few pages' ``<pre>``: a line break written as ``<br>`` (and the
#: line's own break after it: one break, not two), a table's closing tags after the text,
#: emphasis. The page's markup, not the cable's text: read as a browser shows it.
_BR = re.compile(r"<br\s*/?>(?:&#x000A;|\n)?", re.I)
_MARKUP = re.compile(r"</?(?:table|tbody|tr|td|th|strong|em)>", re.I)

HEADER_NAMES = {
    "reference id": "id",
    "created": "created",
    "released": "released",
    "classification": "classification",
    "origin": "origin",
}


def looks_like(text: str) -> bool:
    head = text[:200_000]
    if "<table class='cable'" in head:  # the pages' own spelling: found without a regex's scan
        return True
    return bool(_TABLE_OPEN.search(head)) or bool(_PRE_OPEN.search(head) and _HTML_OPEN.search(head))


def _numeric(match: re.Match[str]) -> str:
    code = int(match.group(1), 16) if match.group(1) else int(match.group(2))
    try:
        return chr(code)
    except (ValueError, OverflowError):
        return match.group(0)


def _between(
    text: str, opening: re.Pattern[str], closing: re.Pattern[str], pos: int = 0
) -> Iterator[tuple[re.Match[str], re.Match[str]]]:
    """(opening tag, closing tag) pairs, leftmost first, not overlapping, each opening with
    the nearest closing after it: what ``re.finditer(OPEN (.*?) CLOSE, re.S)`` finds, in
    linear time. When no closing follows an opening, none follows a later one: stop.
    ``pos``: where to look from (no opening starts before it)."""
    while True:
        start = opening.search(text, pos)
        if start is None:
            return
        end = closing.search(text, start.end())
        if end is None:
            return
        yield start, end
        pos = end.end()


def _contents(text: str, opening: re.Pattern[str], closing: re.Pattern[str], pos: int = 0) -> list[str]:
    return [text[start.end() : end.start()] for start, end in _between(text, opening, closing, pos)]


def _unwrap(text: str, opening: re.Pattern[str], closing: re.Pattern[str]) -> str:
    """The text with each element's tags removed and its content kept."""
    parts: list[str] = []
    pos = 0
    for start, end in _between(text, opening, closing):
        parts += [text[pos : start.start()], text[start.end() : end.start()]]
        pos = end.end()
    return "".join(parts) + text[pos:] if parts else text


def pre_text(fragment: str) -> str:
    return _pre_text(fragment)[0]


def _pre_text(fragment: str) -> tuple[str, bool]:
    """:func:`pre_text`, and whether the fragment may hold the site's HTML (:func:`markup_in`):
    False where the text without the site's anchors holds no "<" (a match of _BR or _MARKUP
    begins with a "<" that begins no anchor, so it is a "<" of that text)."""
    text = _unwrap(fragment, _PAR_ANCHOR_START, _ANCHOR_END)
    text = _unwrap(text, _LINK_START, _ANCHOR_END)
    # the pages write every line break in the text as &#x000A;: replaced as a string first
    # (a reference holds no & or #, so no other reference can overlap one)
    text = text.replace("&#x000A;", "\n")
    tagged = "<" in text
    if tagged:
        text = _BR.sub("\n", text)
        text = _MARKUP.sub("", text)
    return _NUMERIC_REF.sub(_numeric, text) if "&#" in text else text, tagged


def markup_in(fragment: str) -> Counter[str]:
    """The site's HTML tags (:data:`_BR`, :data:`_MARKUP`) a ``<pre>`` holds, as written, counted."""
    if "<" not in fragment:
        return Counter()
    found = Counter(m.group().split("&", 1)[0].rstrip("\n").lower() for m in _BR.finditer(fragment))
    found.update(m.group().lower() for m in _MARKUP.finditer(fragment))
    return found


def _cell_text(fragment: str) -> str:
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def iso_date(value: str | None) -> str | None:
    """``2009-06-02 09:22`` -> ``2009-06-02T09:22``; anything else in the cell -> None (the
    table is scraped metadata: a damaged date must not become a TEI date)."""
    if not value:
        return None
    try:
        plain = _PLAIN_MINUTES.fullmatch(value)  # the usual form, without strptime's cost
        if plain:
            year, month, day, hour, minute = (int(x) for x in plain.groups())
            when = datetime(year, month, day, hour, minute)
        else:
            when = datetime.strptime(value, "%Y-%m-%d %H:%M")
        return when.isoformat(timespec="minutes")
    except ValueError:
        return None


def parse_table(page: str, opening: re.Match[str] | None = None) -> SourceMetadata | None:
    """The metadata table's fields; ``opening``: the first match of _TABLE_START, when found."""
    if opening is None:
        first = next(_between(page, _TABLE_START, _TABLE_END), None)  # (the first table: no scan for more)
    else:
        closing = _TABLE_END.search(page, opening.end())
        first = (opening, closing) if closing is not None else None
    if first is None:
        return None
    table = page[first[0].end() : first[1].start()]
    rows = [
        [(start.group(1), row[start.end() : end.start()]) for start, end in _between(row, _CELL_START, _CELL_END)]
        for row in _contents(table, _ROW_START, _ROW_END)
    ]
    heads = [_cell_text(c) for kind, c in rows[0] if kind.lower() == "h"] if rows else []
    values = [_cell_text(c) for kind, c in rows[1] if kind.lower() == "d"] if len(rows) > 1 else []
    fields: dict[str, str] = {}
    for head, value in zip(heads, values, strict=False):
        key = HEADER_NAMES.get(head.lower())
        if key and value:
            fields[key] = value
    created = iso_date(fields.get("created"))
    released = iso_date(fields.get("released"))
    return SourceMetadata(
        kind="cablegate-table",
        id=fields.get("id"),
        created=created,
        released=released,
        classification=fields.get("classification"),
        origin=fields.get("origin"),
    )


#: the start of a page read before, up to and including a "<", that holds no match of
#: _TABLE_OR_PRE: the site's markup before the cable, the same on every page of one crawl (57 KB
#: of its 60). No match holds a "<" after its first character, so in a page that begins with this
#: text no match starts before its last character, and the search starts there. Any value it
#: ever holds is such a text, so a reader of it needs no lock.
_clean_head = ""
#: a shorter common start is not worth keeping (a page of another site's or crawl's markup)
_HEAD_KEPT = 1000


def _common_length(one: str, other: str) -> int:
    """How many first characters the two texts share (halving: the slices compared sum to about
    twice the shorter text)."""
    low, high = 0, min(len(one), len(other))
    while low < high:
        middle = (low + high + 1) // 2
        if one[low:middle] == other[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def first_opening(page: str) -> re.Match[str] | None:
    """The first match of _TABLE_OR_PRE in the page, searched after the markup it shares with
    the page read before it (:data:`_clean_head`), which this learns: the pattern is tried at
    every "<" of what it searches (2,850 tags a page), where comparing the shared start is one
    ``memcmp``."""
    global _clean_head
    head = _clean_head
    if head:
        # (startswith compares a text of another width character by character: sliced instead)
        if page.startswith(head) if page.isascii() else page[: len(head)] == head:
            return _TABLE_OR_PRE.search(page, len(head) - 1)
        cut = page.rfind("<", 0, _common_length(head, page))
        if cut >= _HEAD_KEPT:  # (head[:cut + 1] holds no match: head holds none before its end)
            _clean_head = head[: cut + 1]
            return _TABLE_OR_PRE.search(page, cut)
    first = _TABLE_OR_PRE.search(page)
    if first is not None and first.start() >= _HEAD_KEPT:
        _clean_head = page[: first.start() + 1]
    return first


def read(page: str, name: str) -> RawCable:
    # the table's opening first where it comes before every <pre> (as on the site's pages): no
    # <pre> opening starts before the table's end (its opening holds one "<"), and the markup
    # before it is scanned once
    first = first_opening(page)
    table = first if first is not None and first.group()[1] in "tT" else None
    fragments = _contents(page, _PRE_START, _PRE_END, table.end() if table else 0)  # (found once)
    texts = [_pre_text(b) for b in fragments]
    blocks = [text for text, _ in texts]
    if not blocks:
        raise ParseError(name, "a web page without a <pre> block: no cable text found (open it in a "
                         "browser and save or paste its text)")
    metadata = parse_table(page, table)
    markup: Counter[str] = Counter()
    for block, (_, tagged) in zip(fragments, texts, strict=True):
        if tagged:  # (the anchors' "<" begin no match: not scanned where they are all there is)
            markup.update(markup_in(block))
    tags = ", ".join(f"{tag} \u00d7{n}" for tag, n in sorted(markup.items()))
    notes = (f"the page's text blocks held the site's HTML ({tags}): read as a browser shows it "
             "(<br> a line break, the other tags nothing)",) if markup else ()
    header: str | None
    if len(blocks) >= 2:
        header, body = blocks[0], "\n\n".join(blocks[1:])
    else:
        header, body = None, blocks[0]
    if not body.strip() and not (header or "").strip():
        raise ParseError(name, "the page's <pre> blocks are empty")
    return RawCable(source=name, form="html", body=body, header=header, metadata=metadata, notes=notes)
