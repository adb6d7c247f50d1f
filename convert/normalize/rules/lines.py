"""Stage "lines": the text as characters and lines, before anything is understood.

Chains (run by :mod:`convert.normalize.lines`):

- ``lines.source`` ``(raw) -> (raw, count)``: the input as a whole, metadata included.
- ``lines.text`` ``(text) -> text``: body and header text, in order; a rule returns the
  same string when it changes nothing (that is how the driver knows it did not fire).
- ``lines.lines`` ``(lines) -> lines``: the lines, trailing white space gone.
- ``lines.anchor`` ``(line) -> line | None``: each non-blank body line; a new line, or None.
- ``lines.cut`` ``(line) -> pieces | None``: each non-blank body line (first match): page
  furniture run into a line of text is cut out as a line of its own (the pieces, in order,
  hold every character of the line but the white space at the cuts).
- ``lines.furniture`` ``(cursor, line, stripped) -> Furniture | Continued | None``: each
  non-blank body line (first match): page furniture, or a line added to the one before it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ...model import RawCable, SourceMetadata
from ..banner import parse_banner
from ..parsed import Anchored, Continued, Entry, Furniture
from .footers import take_footer, take_glued_footer, take_section, transmission_banner
from .ruler import Chain, note

SOURCE: Chain[Callable[[RawCable], tuple[RawCable, int]]] = Chain(
    "lines.source", "lines", "The input as a whole, its metadata included."
)
TEXT: Chain[Callable[[str], str]] = Chain("lines.text", "lines", "Body and header text, rule after rule.")
LINES: Chain[Callable[[list[str]], list[str]]] = Chain(
    "lines.lines", "lines", "The text's lines, without trailing white space."
)
ANCHOR: Chain[Callable[[str], str | None]] = Chain("lines.anchor", "lines", "Each non-blank line of the body.")


@dataclass(slots=True)
class EntryCursor:
    """The body's entries so far, and what the furniture rules remember between lines."""

    entries: list[Entry] = field(default_factory=list)
    first_banner_seen: bool = False
    content_lines: int = 0
    page_subject: bool = False  # the last line was a page header's subject (its wrap may follow)


CUT: Chain[Callable[[str], list[str] | None]] = Chain(
    "lines.cut", "lines", "Each non-blank line of the body: page furniture run into the text? (first match)"
)
FURNITURE: Chain[Callable[[EntryCursor, str, str], Furniture | Continued | None]] = Chain(
    "lines.furniture", "lines", "Each non-blank line of the body: is it page furniture? (first match)"
)

# ---------------------------------------------------------------- the source
#: characters XML 1.0 cannot hold (C0 controls but tab/LF/CR; the line-breaking VT/FF are
#: turned into newlines by ``form-feeds``), U+FFFE/U+FFFF, and lone surrogates (``&#xD800;``)
_NOT_XML_TEXT = re.compile("[\x00-\x08\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


#: UTF-8 bytes of C0 controls but tab, LF, CR; the rest of the bytes
_C0 = bytes(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0D))
_NOT_C0 = bytes(b for b in range(256) if b not in _C0)


def _may_hold_controls(text: str) -> bool:
    """Whether ``text`` may hold what XML cannot (False: it surely does not). Tested on its
    UTF-8 bytes in C, many times faster than the regular expression's scan: C0 controls,
    U+FFFE/U+FFFF (EF BF BE/BF), surrogates (ED, also the start of some Hangul)."""
    data = text.encode("utf-8", "surrogatepass")
    return bool(data.translate(None, _NOT_C0)) or b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data or b"\xed" in data


_META_STRINGS = tuple(f.name for f in dataclasses.fields(SourceMetadata) if f.name != "references")


@SOURCE.rule(
    "controls",
    note=note(
        "normalization",
        "Control characters that XML cannot hold (in the text or the source's metadata) are shown as U+FFFD.",
    ),
)
def controls(raw: RawCable) -> tuple[RawCable, int]:
    """Characters XML cannot hold, in the text and the metadata, become U+FFFD."""
    meta = raw.metadata
    texts = [raw.body, raw.header or "", raw.source]
    if meta is not None:
        texts += [v for v in (getattr(meta, name) for name in _META_STRINGS) if isinstance(v, str)]
        texts += meta.references
    if not any(_may_hold_controls(text) for text in texts):
        return raw, 0
    count = 0

    def fix(text: str | None, pattern: re.Pattern[str] = _NOT_XML) -> str | None:
        nonlocal count
        if text is None or not _may_hold_controls(text) or not pattern.search(text):
            return text
        fixed, n = pattern.subn("\ufffd", text)
        count += n
        return fixed

    if meta is not None:
        strings: dict[str, Any] = {
            f.name: fix(value) for f in dataclasses.fields(meta) if isinstance(value := getattr(meta, f.name), str)
        }
        meta = dataclasses.replace(meta, **strings, references=tuple(fix(r) or "" for r in meta.references))
    fixed = dataclasses.replace(
        raw,
        body=fix(raw.body, _NOT_XML_TEXT) or "",
        header=fix(raw.header, _NOT_XML_TEXT),
        metadata=meta,
        source=fix(raw.source) or "",
    )
    return (fixed, count) if count else (raw, 0)


# ---------------------------------------------------------------- text
@TEXT.rule("carriage-returns", trigger=("\r",))
def carriage_returns(text: str) -> str:
    """CR LF and a lone CR end a line, as LF does."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@TEXT.rule(
    "line-separators",
    trigger=("\u2028", "\u2029"),
    note=note("normalization", "The Unicode line and paragraph separators (U+2028, U+2029) are line breaks."),
)
def line_separators(text: str) -> str:
    """U+2028/U+2029 (left by a copy from a web page) end a line."""
    return text.replace("\u2028", "\n").replace("\u2029", "\n")


@TEXT.rule(
    "tab-rows",
    trigger=("\t",),
    note=note(
        "normalization",
        "A line of tab-separated fields (a media partner's database dump) is one line per field.",
    ),
)
def tab_rows(text: str) -> str:
    """A line with four tabs or more (a database dump's row) becomes one line per field."""
    lines = text.split("\n")
    if not any(line.count("\t") >= 4 for line in lines):
        return text
    return "\n".join(line.replace("\t", "\n") if line.count("\t") >= 4 else line for line in lines)


@TEXT.rule("tabs", trigger=("\t",), note=note("normalization", "Tabs are spaces."))
def tabs(text: str) -> str:
    """A tab is a space."""
    return text.replace("\t", " ")


@TEXT.rule(
    "form-feeds",
    trigger=("\x0c", "\x0b"),
    note=note("normalization", "Form feeds and vertical tabs (a printout's page and line feeds) are line breaks."),
)
def form_feeds(text: str) -> str:
    """A form feed or vertical tab ends a line (XML cannot hold either)."""
    return text.replace("\x0c", "\n").replace("\x0b", "\n")


@LINES.rule(
    "backslash-continuations",
    trigger=("\\",),
    note=note(
        "normalization",
        "The backslash that ends most lines of an SQL or TSV dump (a line continuation) is dropped, and so is the "
        "dump's escaped vertical tab at a line's end (CARTER \\v).",
    ),
)
def backslash_continuations(lines: list[str]) -> list[str]:
    """A dump's backslash line continuations go, when three lines or more and 30 % of the
    lines with text end in one; so does an escaped vertical tab that ends a line there (``CARTER \\v``,
    the signer's line of 09BERN98 and 08TASHKENT153)."""
    filled = [line for line in lines if line.strip()]
    ends = sum(1 for line in filled if line.endswith("\\"))
    if ends >= 3 and ends * 10 >= len(filled) * 3:
        return [_continued(line) for line in lines]
    return lines


def _continued(line: str) -> str:
    """A dump's line without the continuation or the escaped vertical tab it ends in."""
    for end in ("\\", "\\v"):
        if line.rstrip().endswith(end):
            return line.rstrip()[: -len(end)].rstrip()
    return line


# ---------------------------------------------------------------- body lines
#: the pages' anchor at a line's start, or as a copy writes it (``&para;``; ``?`` saved as ASCII: ``?1.``)
_PILCROW = re.compile(r"[ \t]*(?:\u00b6|&para;|&#182;|\?(?=\d{1,3}\.|[A-Z]\.\s))")


@ANCHOR.rule(
    "pilcrow",
    trigger=("¶", "&para;", "&#182;", "?"),
    note=note(
        "normalization",
        "The ¶ sign before paragraph numbers was added by the cablegate web pages, not part of the cables; "
        "it is dropped.",
    ),
)
def pilcrow(line: str) -> str | None:
    """The pages' paragraph anchor ¶ at a line's start (``&para;``, ``&#182;`` or, before a
    label, ``?`` in a copy) is dropped; the line remembers it (a hint that a paragraph starts there)."""
    found = _PILCROW.match(line)
    return Anchored(line[found.end() :].strip().lstrip("¶").strip()) if found else None


NEW_PAGE = re.compile(  # (station and serial redacted together: ``XXXXXXXXXXXX  002 OF 002``, 10BEIJING207)
    r"^\s*(?:(?P<station>[A-Za-z][A-Za-z .'()-]{0,30}?)\s+(?P<serial>\d{8})|X{8,})\s+"
    r"(?P<page>\d{3}(?:\.\d{1,2})?)\s+of\s+(?P<pages>\d{3})\s*$",  # (``003.10 OF 003``, 09ROME558)
    re.I,
)
OLD_PAGE = re.compile(  # (or the sender's indicator and serial, then the banner: PAGE 02 RUEHFRA0170 S E C R E T)
    r"^\s*PAGE\s+(?P<page>\d{2,3})\s+(?:\S.*\b\d{6}Z|(?-i:[A-Z][A-Z ]*?\s+\d{4,6}(?:\s+\d\d\s+OF\s+\d\d)?)"
    r"|(?-i:R[A-Z]{3,6}\d{4}\s+(?:[A-Z] ){4,}[A-Z](?:\s+[A-Z][A-Z ]*?\s+\d{4,6})?))\s*$", re.I)
_NOT_PAGE_STATIONS = ("REF", "REFS", "REFTEL")


def new_page(stripped: str) -> str | None:
    """The page number of a page-break line (``BEIJING 00001463 002 OF 002``, ``XXXXXXXXXXXX  002 OF 002``), or None."""
    if not stripped[-1:].isdigit():
        return None
    match = NEW_PAGE.match(stripped)
    if match and (match["station"] is None or match["station"].split()[0].upper() not in _NOT_PAGE_STATIONS):
        # str(int()): \d also matches digits that are not ASCII ("００２"); pb/@n is [0-9]+
        return str(int(match["page"].split(".")[0]))
    return None


def old_page(stripped: str) -> str | None:
    """The page number of an old-style page line (``PAGE 02 HARARE 05461 01 OF 02 271458Z``; a
    1970s telegram's without the time: ``PAGE 02 STATE 012345``; ``PAGE 02 RUEHFRA0170 S E C R E T``)."""
    if not stripped[-1:].isalnum():
        return None
    match = OLD_PAGE.match(stripped)
    return str(int(match["page"])) if match else None


@FURNITURE.rule(
    "page-break",
    lead="(?i)[A-Za-z]",  # (NEW_PAGE)
    note=note(
        "normalization",
        "Page-break lines (BEIJING 00001463 002 OF 002) are moved out of the text flow into pb and fw at "
        "the place they occurred.",
    ),
)
def page_break(cur: EntryCursor, line: str, stripped: str) -> Furniture | None:
    """A page-break line is a page break (pb) with the line kept as its header (fw)."""
    page = new_page(stripped)
    return Furniture("page", (("header", line.strip()),), page) if page is not None else None


@FURNITURE.rule(
    "page-break-old",
    after="page-break",
    lead="(?i)P",  # (OLD_PAGE)
    note=note(
        "normalization",
        "Old-style page lines (PAGE 02 HARARE 05461 271458Z) and the classification line just before "
        "them (or the level a printout ran on at the end of the page's last line of text) are moved out "
        "of the text flow into pb and fw at the place they occurred.",
    ),
)
def page_break_old(cur: EntryCursor, line: str, stripped: str) -> Furniture | None:
    """An old-style page line is a page break; a classification line just before it, or the
    level that ends the text line just before it (02ROME1196), is the previous page's footer."""
    page = old_page(stripped)
    if page is None:
        return None
    footer = [] if take_section(cur.entries) else take_footer(cur.entries) or take_glued_footer(cur.entries)
    return Furniture("page", (*footer, ("header", line.strip())), page)


#: an old-style page line at the start of a line, with text after its date-time group
_OLD_PAGE_HEAD = re.compile(r"^\s*PAGE\s+\d{2,3}\s+\S.{0,60}?\b\d{6}Z(?=\s+\S)", re.I)


@CUT.rule(
    "glued-page-line",
    lead="(?i)P",  # (_OLD_PAGE_HEAD)
    note=note(
        "normalization",
        "An old-style page line with the text of the page run on after it (PAGE 02 ROME 01196 01 OF 02 "
        "082030Z B. ROME 1098) is cut: the page line into pb and fw, the text goes on.",
    ),
)
def glued_page_line(line: str) -> list[str] | None:
    """``PAGE 02 ROME 01196 01 OF 02 082030Z  B. ROME 1098 …``: an old-style page line with
    text after its date-time group is two lines."""
    match = _OLD_PAGE_HEAD.match(line)
    if not match:
        return None
    return [line[: match.end()], line[match.end() :].strip()]


_BANNER_FIRST = frozenset("CSUTLcsutl")


@FURNITURE.rule(
    "section-banner",
    note=note(
        "normalization",
        "A cable sent in several sections is one text; the banners of sections after the first are kept "
        "as milestones.",
    ),
)
def section_banner(cur: EntryCursor, line: str, stripped: str) -> Furniture | None:
    """The banner of a later section (``UNCLAS SECTION 02 OF 02 BEIJING 001463``) repeated in
    the text is a section milestone; the first banner (in the first 40 lines) is the cable's."""
    if not (
        len(stripped) < 120
        and stripped[-1:].isdigit()
        and (stripped[:1] in _BANNER_FIRST or "ECTION" in stripped.upper())
    ):
        return None
    banner = parse_banner(stripped)
    if not (banner and (banner.section or banner.serial)):
        return None
    if cur.first_banner_seen:  # (a classification line over an old-style one closed the page before)
        footer = take_footer(cur.entries) if transmission_banner(stripped) else []
        return Furniture("section", (*footer, ("banner", line.strip())), str(banner.section or ""))
    if cur.content_lines < 40:
        cur.first_banner_seen = True
    return None
