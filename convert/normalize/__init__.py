"""The normalizer: a RawCable (text as found) -> a Cable (the canonical TEI document).

Stages, each a driver running its chains of named rules (:mod:`convert.normalize.rules`):
lines (clean the text, split off the routing header, lift page furniture out) -> routing ->
fields (the preamble) -> blocks -> closing -> fields found late -> inline (tokens, repairs,
spans) -> facts (complete, frozen) -> build (a pure function of the parsed cable).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..errors import ConvertError, ParseError, TruncatedCableError
from ..model import Cable, RawCable
from . import lines as lines_stage
from .appended import Tail, cut, own_identity
from .blocks import body_blocks
from .bodyfacts import missing_warnings
from .build import build
from .build.stated import stated_header
from .closing import split_closing
from .facts import date_of, derive_facts
from .inline import block_tokens, field_tokens
from .parsed import Block, Field, LateField, Paragraph, ParsedCable, Routing, own_banner
from .preamble import late_fields, parse_preamble, with_refs
from .reftokens import ref_tokens
from .routing import parse_routing, read_later, split_header
from .rules import Run, check_names
from .rules.absent import ABSENT
from .rules.again import again
from .rules.appended import row_line
from .rules.previewrefs import preview_refs as copied_refs
from .rules.refcopy import REF_AT, preview_refs
from .rules.subjects import whole_subject_head
from .rules.years import REF_YEAR

_WORD = re.compile(r"[A-Za-z]+")
_CABLE_FIELDS = ("banner", "eo", "tags", "subject", "refs", "classified-by")


@dataclass(frozen=True, slots=True)
class Normalized:
    """A cable, what it was made from, and the rules that fired on it (how many times)."""

    cable: Cable
    parsed: ParsedCable
    fired: dict[str, int]


def normalize(raw: RawCable, *, disable: Iterable[str] = ()) -> Cable:
    """The canonical TEI cable. ``disable``: names of rules to switch off (tests, ablation)."""
    return normalize_traced(raw, disable=disable).cable


def normalize_traced(raw: RawCable, *, disable: Iterable[str] = ()) -> Normalized:
    off = frozenset(disable)
    if off:
        check_names(off)
    run = Run(off)
    raw, controls = lines_stage.safe_source(raw, run)
    warnings: list[str] = list(raw.notes)
    parsed = _parse(raw, run, warnings, 0)
    tei = build(parsed)
    if controls:
        warnings.append(f"{controls} control characters that XML cannot hold are shown as U+FFFD")
    elif "\ufffd" in raw.body:
        warnings.append("the input held bytes that are not UTF-8; they are shown as U+FFFD")
    cable = Cable(tei=tei, source=raw.source, warnings=warnings)
    cable.view.known_header(stated_header(parsed))  # what the TEI's header states, not read back
    return Normalized(cable, parsed, dict(run.fired))


#: how many cables one input may hold, appended one after another (the first is the page's)
MAX_PARTS = 8


def _parse(raw: RawCable, run: Run, warnings: list[str], depth: int) -> ParsedCable:
    """One cable's stages, on the text before any appended cable; an appended cable's own
    (recursively: it may carry another)."""
    header_lines, body_lines = lines_stage.split(raw, run)
    appended: tuple[ParsedCable, ...] = ()
    if depth < MAX_PARTS - 1:
        own, tail = cut(body_lines, own_identity(raw, header_lines, body_lines), run)
        if tail is not None:
            part = _appended(raw, tail, run, depth)
            if part is not None:
                body_lines = own
                appended = (dataclasses.replace(part, appended=()), *part.appended)
                name = part.facts.cable_id or "another cable"
                warnings.append(
                    f"a second cable ({name}) follows this one's text: it is kept apart, as an appended part"
                )
    routing = parse_routing(header_lines, run)
    entries = lines_stage.entries(body_lines, run)
    fields, start = parse_preamble(entries, run)
    fields = again(fields, run)  # a field the preamble writes twice: the copy's wrapper
    routing = read_later(routing, body_lines, own_banner(fields), run, warnings, header_lines)
    blocks = split_closing(body_blocks(entries[start:], run), any(f.kind == "refs" for f in fields), run)
    _check_is_cable(raw, routing, fields, blocks, body_lines)
    blocks = late_fields(fields, blocks, run)
    fields, blocks = copied_refs(fields, blocks, run)  # a preview's cut REF list, whole in the copy
    # no text of the telegram in the source: a gap says so (an appended part with none is only its header)
    if depth == 0 and (absent := run.first(ABSENT, blocks)) is not None:
        blocks = absent
        warnings.append("the source holds no text of the telegram after its preamble: the copy stops there")
    date, _ = date_of(routing, raw.metadata)
    own_year, guess = (int(date[:4]), False) if date else _ref_year(fields, blocks, body_lines, run, warnings)
    preamble, body = with_refs(tuple(fields), tuple(blocks), own_year, guess)
    preamble, body = field_tokens(preamble, run), block_tokens(body, run)
    preamble, body = ref_tokens(preamble, body, run)  # (a reference's redaction a gap, as in the text)
    facts = derive_facts(raw, routing, preamble, body, run, warnings, (own_year, guess))
    warnings.extend(missing_warnings(body))
    preamble = whole_subject_head(preamble, facts.subject)  # a preview's cut SUBJECT reads whole
    if "cut-refs" in run.fired:
        preamble = preview_refs(preamble, body)  # and its cut REF list is a wrapper line
    return ParsedCable(routing, preamble, body, facts, appended=appended)


def _ref_year(
    fields: list[Field], blocks: list[Block], lines: list[str], run: Run, warnings: list[str]
) -> tuple[int | None, bool]:
    """Without the cable's date: the year the ``fields.ref-year`` rules read from the text, and
    whether it is a guess. Its references without a year are read as of it (a warning says how
    sure), if it has REFs; a year that is no guess (the cable's own id, a wrapper's date written
    in the text) also gives the cable its id."""
    if not _has_refs(fields, blocks, lines):
        return _sure_year(fields, lines, run), False
    found: tuple[int, str, bool] | None = run.first(REF_YEAR, fields, lines)
    if found is None:
        # a limit of the text (a pasted body with E.O. N/A), said: never a silent omission
        warnings.append("the text gives no date and no year to read one from: references written "
                        "without a year are given no cable id")
        return None, False
    warnings.append(found[1])
    return found[0], found[2]


def _sure_year(fields: list[Field], lines: list[str], run: Run) -> int | None:
    """The year of the first ``fields.ref-year`` rule that finds one, where it is no guess
    (which fires); None where that year would be a guess (no rule fires)."""
    found: tuple[int, str, bool] | None = run.first_unless(REF_YEAR, lambda f: f[2], fields, lines)
    return found[0] if found else None


def _has_refs(fields: list[Field], blocks: list[Block], lines: list[str]) -> bool:
    """Whether the text has a REF field: in its preamble, late, or (its first copy cut short
    in the SUBJECT by a media partner's preview) in the later copy the references are then
    read from (``fields.full-refs``' ``refs-of-copy``)."""
    late = (b.field for b in blocks if isinstance(b, LateField))
    if any(f.kind == "refs" for f in (*fields, *late)):
        return True
    subject = next((f.text.rstrip() for f in fields if f.kind == "subject"), "")
    return subject.endswith(("...", "…")) and any(REF_AT.search(line) for line in lines)


def _appended(raw: RawCable, tail: Tail, run: Run, depth: int) -> ParsedCable | None:
    """The appended cable, parsed on its own; None when its text is no cable (the cut is
    then not made). Its row, when a row named it, is its metadata; a routing header right
    after the row is its header (the row stays in its text, before the header)."""
    lines = tail.lines
    row = 0
    if tail.metadata is not None:
        while row < len(lines) and (not lines[row].strip() or row_line(lines[row])):
            row += 1
    split = split_header(lines[row:], run) if row else 0
    header = lines[row : row + split] if split else None
    body = lines[:row] + lines[row + split :] if split else lines
    part_raw = RawCable(
        source=raw.source,
        form="text",
        body="\n".join(body),
        header="\n".join(header) if header else None,
        metadata=tail.metadata,
    )
    try:
        parsed = _parse(part_raw, run, [], depth + 1)
    except ConvertError:
        return None
    return dataclasses.replace(parsed, row_first=bool(header))


def _check_is_cable(
    raw: RawCable, routing: Routing, fields: list[Field], blocks: list[Block], body_lines: list[str]
) -> None:
    has_fields = any(f.kind in _CABLE_FIELDS for f in fields)
    has_numbered = any(isinstance(b, Paragraph) and b.n is not None and b.marking for b in blocks)
    has_routing = bool(routing.sender or routing.date or routing.station)
    if not (has_fields or has_numbered or has_routing) and raw.metadata is None:
        raise ParseError(
            raw.source,
            "no routing header, classification banner, TAGS, SUBJECT "
            "or marked paragraphs: this does not look like a cable",
        )
    if raw.metadata is None and has_routing:
        if not any(line.strip() for line in body_lines):
            raise TruncatedCableError(raw.source, "a routing header with no text after it")
        if not blocks and sum(len(_WORD.findall(line)) for line in body_lines) < 3:
            raise TruncatedCableError(raw.source, "the cable stops after its header")


__all__ = ["Normalized", "normalize", "normalize_traced"]
