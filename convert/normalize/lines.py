"""Stage "lines" (its rules: :mod:`convert.normalize.rules.lines`): the input made safe for
XML, its text cleaned and cut into lines, the routing header split off, and the body's lines
turned into entries (text lines, page furniture, blank lines)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from ..model import RawCable
from .parsed import Continued, Entry, Furniture
from .routing import split_header, split_text_header
from .rules.lines import ANCHOR, CUT, FURNITURE, LINES, SOURCE, TEXT, EntryCursor
from .rules.ruler import Leads, Rule, Run

AnchorFn = Callable[[str], str | None]
FurnitureFn = Callable[[EntryCursor, str, str], Furniture | Continued | None]
Furnishing = Leads[FurnitureFn]


def safe_source(raw: RawCable, run: Run) -> tuple[RawCable, int]:
    """The cable with every character XML cannot hold replaced (``controls``), and each
    metadata value on one line (CR, tabs and runs of spaces are one space; empty
    references dropped). Returns the count of replaced characters."""
    count = 0
    for rule in run.active(SOURCE):
        raw, n = rule.fn(raw)
        if n:
            run.fire(rule.name, n)
            count += n
    meta = raw.metadata
    if meta is not None:
        single: dict[str, Any] = {
            f.name: " ".join(value.split())
            for f in dataclasses.fields(meta)
            if isinstance(value := getattr(meta, f.name), str)
        }
        references = tuple(ref for ref in (" ".join(r.split()) for r in meta.references) if ref)
        if references != meta.references or any(getattr(meta, k) != v for k, v in single.items()):
            raw = dataclasses.replace(raw, metadata=dataclasses.replace(meta, **single, references=references))
    return raw, count


def clean(text: str, run: Run) -> list[str]:
    """The text's lines: the text rules applied, then each line without trailing white space,
    then the line rules."""
    for rule in run.active(TEXT):
        if rule.wants(text):
            new = rule.fn(text)
            if new is not text and new != text:
                run.fire(rule.name)
                text = new
    lines = [line.rstrip() for line in text.split("\n")]
    for line_rule in run.active(LINES):
        if line_rule.wants(text):
            new_lines = line_rule.fn(lines)
            if new_lines is not lines:
                run.fire(line_rule.name)
                lines = new_lines
    return lines


def split(raw: RawCable, run: Run) -> tuple[list[str], list[str]]:
    """(routing header lines, body lines)."""
    body = clean(raw.body, run)
    if raw.header is not None:
        header = clean(raw.header, run)
        # some pages carry the routing header at the top of the body as well
        n = split_header(body, run)
        return header + body[:n], body[n:]
    start = 0
    while start < len(body) and not body[start].strip():
        start += 1
    header, rest = split_text_header(body[start:], run)
    return header, rest


def entries(lines: list[str], run: Run) -> list[Entry]:
    """Lines -> entries: None for a blank line, page furniture lifted out of the text (also
    where it ran into a line of text: ``lines.cut``)."""
    cursor = EntryCursor()
    out = cursor.entries
    cuts = run.leading_in(CUT, "\n".join(lines))  # the rules a line's first character can make fire
    rules = (run.active(ANCHOR), run.leading(FURNITURE))  # asked once, not for every line
    for line in lines:
        if not line.strip():
            out.append(None)
            continue
        for cut_rule in cuts[line.lstrip()[:1]]:
            if cut_rule.hit is not None and not cut_rule.hit(line):
                continue
            pieces = cut_rule.fn(line)
            if pieces:
                run.fire(cut_rule.name)
                for piece in pieces:
                    _entry(cursor, piece, run, rules)
                break
        else:
            _entry(cursor, line, run, rules)
    return out


def _entry(
    cursor: EntryCursor, line: str, run: Run, rules: tuple[tuple[Rule[AnchorFn], ...], Furnishing]
) -> None:
    """One line: its anchor rules, then furniture (the first rule that finds some) or text;
    ``rules``: the active ``lines.anchor`` rules, and the ``lines.furniture`` rules by the
    line's first character (without its anchor: the rules read the line stripped of it)."""
    out = cursor.entries
    anchors, furniture = rules
    stripped = line.strip()
    if stripped[0] == "¶":
        stripped = stripped.lstrip("¶").strip()
    for rule in anchors:
        if rule.hit is None or rule.hit(line):
            new = rule.fn(line)
            if new is not None:
                run.fire(rule.name)
                line = new
    for furniture_rule in furniture[stripped[:1]]:  # (stripped: its first non-blank character)
        found = furniture_rule.fn(cursor, line, stripped)
        if found is None:
            continue
        run.fire(furniture_rule.name)
        if isinstance(found, Continued):  # the furniture before grows; the text run on after it goes on
            out[found.at] = found.furniture
            if not found.rest:
                return
            line = found.rest
            break
        out.append(found)
        return
    cursor.content_lines += 1
    out.append(line)
