"""Stage "fields", continued: what media partners' copies and database dumps leave around
the cable's preamble: a database row before it, fields run together on one line.

Chains (run by :mod:`convert.normalize.preamble`):

- ``fields.rows`` ``(entries, start, run) -> end``: a media partner's database row at the start.
- ``fields.glued`` ``(cursor, line, run) -> pieces | None``: a line holding several fields.
- ``fields.wrapped`` ``(line) -> pieces | None``: a SUBJECT's second (third…) line that runs
  on into the next field.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..banner import BANNER_LEVEL, parse_banner
from ..parsed import Entry, Furniture, Glued, RunOn
from ..refs import last_label, resolve_ref
from . import routing as routing_rules  # (routing reads fields, which does not read this module)
from .blocks import PARA_START
from .fields import CABLE_DATED, CSV_RESIDUE, OTHER, SUBJECT_RUNON, PreambleCursor, field_kind
from .ruler import Chain, Run

ROWS: Chain[Callable[[list[Entry], int, Run], int]] = Chain(
    "fields.rows", "fields", "A media partner's database row at the start of the body."
)
GLUED: Chain[Callable[[PreambleCursor, str, Run], list[str] | None]] = Chain(
    "fields.glued", "fields", "A line holding several fields run together."
)
WRAPPED: Chain[Callable[[str], list[str] | None]] = Chain(
    "fields.wrapped",
    "fields",
    "A line of the SUBJECT (its second, third… line), the REF field or the Classified By line that runs on "
    "into the next field or the body (first match).",
)

# ---------------------------------------------------------------- database rows
ROW_ID = re.compile(r"^\s*(?:\d{1,7}|<<\d{1,7}>>)\s*$")
#: a row written with its fields' names begins with its number: ``id: 87334``
ROW_START = re.compile(r"^\s*id\s*:\s*\d{1,7}\s*$", re.I)
ROW_DATE = re.compile(r"^\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{4})\s+\d{1,2}:\d{2}(?::\d{2})?\s*$")
ROW_DAY = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")
ROW_CABLE = re.compile(r"^\s*\d{2}[A-Z]{2,}\d+\s*$")
ROW_REFS = re.compile(r"^\s*\d{2}[A-Z]+\d+(?:\|\s*\d{2}[A-Z]+[0-9 ]+)*\s*$")
ROW_CLASS = re.compile(r"^\s*(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)(?://[A-Z ]+)?\s*$")
ROW_ORIGIN = re.compile(
    r"^\s*(?:Embassy|Consulate|Mission|US |USUN|USEU|UNVIE|Secretary|American|Iran|REO)\b[\w ,.'-]{0,40}$"
)
_ROW_FIELDS = (ROW_ID, ROW_DATE, ROW_CABLE, ROW_REFS, ROW_CLASS, ROW_ORIGIN)
_ROW_FIELD = re.compile("|".join(f"(?:{r.pattern})" for r in _ROW_FIELDS))  # (one match, not up to six)


def row_field(line: str) -> bool:
    """One field of a media partner's database row: id, date, refid, classification, origin."""
    return _ROW_FIELD.match(line) is not None


@ROWS.rule("database-row")
def database_row(entries: list[Entry], start: int, run: Run) -> int:
    """A media partner's database row (id, date, refid, origin, classification, references,
    one per line, then often the routing header) before the cable: a wrapper field. Returns
    where it ends (0: there is none)."""
    lines = [e for e in entries[start : start + 6] if isinstance(e, str)]
    if len(lines) < 2 or not (ROW_ID.match(lines[0]) or ROW_DATE.match(lines[0])):
        return 0
    if not (ROW_DATE.match(lines[1]) or ROW_CABLE.match(lines[1])):
        return 0
    index, taken, in_row = start, 0, True
    state: str | None = None
    while index < len(entries):
        entry = entries[index]
        if entry is None or isinstance(entry, Furniture):
            index += 1
            continue
        if in_row and taken < 9 and row_field(entry):
            taken += 1
            index += 1
            continue
        in_row = False
        kind = routing_rules.classify(entry, state, run)
        if kind is None:
            break
        state = kind.rstrip("+") if kind.rstrip("+") in ("to", "info", "xmt") else None
        index += 1
    return index


# ---------------------- glued fields (not a corrected copy's note: ``C O P Y (ADDED CLASSIFIED BY LINE)``)
GLUED_FIELD = re.compile(
    r"\s(?=(?i:SIPDIS\b|NOFORN\b|E\.\s?O\.\s?\d|EO\s\d{5}|TAGS?:|SUBJECT:|SUBJ:|REF:|CLASSIFIED BY(?![\"”]?\s*LINE\b)))"
    r"|(?<=[A-Za-z0-9.)\]])(?=SIPDIS|NOFORN|E\.O\.\s?\d|TAGS:|SUBJECT:|REF:)"
    # the TAGS label damaged or without its colon after the E.O. line (``… N/A AGS: PREL, OVIP``,
    # ``… 03/20/2019 TAG PTER, PGOV``)
    r"|\s(?=AGS:\s|TAG\s[A-Z]{4},)"
    # the line after a handling word run on after it: ``…002993SIPDISDEPT FOR EAP/J, …``
    r"|(?<=SIPDIS|NOFORN)(?=[A-Z])"
    # the REF field without its colon after the handling line (``SENSITIVE SIPDIS REF LONDON 01170``)
    r"|(?<=SIPDIS)\s(?=REF\s[A-Z][A-Z ]*\s\d)"
)
_BANNER_HEAD = re.compile(
    BANNER_LEVEL.pattern + r"(?:\s+SECTION\s+\d{1,3}\s+OF\s+\d{1,3})?\s+[A-Z][A-Z .'-]{1,30}?\s\d{3,7}(?=\s|[A-Z])",
    re.I,
)


#: a portion marking alone before a field: the field's own (``(U) CLASSIFIED BY: …``)
_OWN_MARKING = re.compile(r"\s*\((?:U|SBU)\)\s*")


def split_glued(line: str) -> list[str]:
    """``E.O. 12958: DECL: 09/17/06 TAGS: PTER PGOV AF`` -> two lines (preamble zone only).
    Also a media partner's ``Cable dated:…`` or CSV quote residue glued before a banner."""
    cable_dated = CABLE_DATED.match(line)
    if cable_dated and line[cable_dated.end() :].strip():
        rest = line[cable_dated.end() :]
        first, *more = split_glued(rest.strip())
        return [line[: cable_dated.end()], _glued(first, rest[:1].isspace()), *more]
    banner = _BANNER_HEAD.match(line)
    if banner and line[banner.end() :].strip():
        # a banner with the next lines run on after its serial:
        # UNCLAS BUENOS AIRES 000062 SIPDIS SENSITIVE SIPDIS STATE FOR DS/DSS
        rest = line[banner.end() :]
        first, *more = split_glued(rest.strip())
        return [line[: banner.end()], _glued(first, rest[:1].isspace()), *more]
    residue = CSV_RESIDUE.match(line)
    if residue and line[residue.end() :].strip():
        first, *more = split_glued(line[residue.end() :])
        return [line[: residue.end()].strip(), _glued(first, False), *more]
    parts: list[str] = []
    rest = line
    space = False
    if not _may_glue(line):
        return [line]
    while True:  # (from the second character that is not white space: an indented line too)
        match = GLUED_FIELD.search(rest, len(rest) - len(rest.lstrip()) + 1)
        if not match:
            break
        head = rest[: match.start()]
        if not head.strip():
            break
        parts.append(_glued(head.rstrip(), space) if parts else head.rstrip())
        space = match.end() > match.start()
        rest = rest[match.end() :]
    parts.append(_glued(rest, space) if parts else rest)
    return _label_once(parts)


def _label_once(parts: list[str]) -> list[str]:
    """``Classified By:`` / ``Classified by: Daniel Fried …``: the label written twice begins
    one field (the cut between the two labels undone)."""
    out: list[str] = []
    for part in parts:
        if out and _BARE_LABEL.match(out[-1]) and _LABEL_START.match(part):
            joined = out[-1] + (" " if getattr(part, "space_before", True) else "") + part
            out[-1] = _glued(joined, out[-1].space_before) if isinstance(out[-1], Glued) else joined
            continue
        out.append(part)
    return out


#: what every GLUED_FIELD match holds, lower-cased (SIPDIS NOFORN E.O. EO TAGS SUBJ REF:
#: CLASSIFIED BY), without i or s where the match ignores case (IGNORECASE also matches İ, ı, ſ
#: there); ``AGS:`` is matched in capitals only
_GLUE_WORDS = ("pd", "noforn", "o.", "eo", "tag", "ubj", "ref:", "ed by", "ags:")


def _may_glue(line: str) -> bool:
    low = line.lower()
    for word in _GLUE_WORDS:
        if word in low:
            return True
    return False


def glued(line: str, run: Run) -> list[str]:
    """:func:`split_glued`, once per line and cable."""
    key = ("fields.glued", line)
    found: list[str] | None = run.memo.get(key)
    if found is None:
        found = run.memo[key] = split_glued(line)
    return found


def _glued(text: str, space_before: bool) -> Glued:
    piece = Glued(text)
    piece.space_before = space_before
    return piece


#: fields the TEI takes out of the opener (the SUBJECT head, the REF list)
_OUT_OF_OPENER = ("subject", "refs")


def _whole_tokens(parts: list[str], look: Run) -> list[str]:
    """``parts`` without the cuts inside a word before a field that leaves the opener
    (``…TAGS: PARM CBWJSUBJECT: …``, ``JSUBJECT: …``; a banner's serial is not a word): the
    piece stays with the one before it, so the source's token is kept whole, as written."""
    kept = parts[:1]
    for part in parts[1:]:
        if (isinstance(part, Glued) and not part.space_before and kept[-1][-1:].isalnum()
                and field_kind(part, look) in _OUT_OF_OPENER and not parse_banner(kept[-1])):
            before = kept[-1]
            kept[-1] = _glued(before + part, before.space_before) if isinstance(before, Glued) else before + part
        else:
            kept.append(part)
    return kept


@GLUED.rule("glued-fields")
def glued_fields(cur: PreambleCursor, line: str, run: Run) -> list[str] | None:
    """Several fields run together on one line (media partners' copies: ``…001352SIPDISE.O.
    12958: …TAGS: PREL``, ``…002993SIPDISDEPT FOR EAP/J, … NA-20E.O. 12958: …``) are split, each
    piece remembering whether a space preceded it (the opener keeps them on one line, as
    written)."""
    look = run.trial()
    parts = _whole_tokens(glued(line, run), look)
    if len(parts) < 2:
        return None
    first = field_kind(parts[0], look)
    if first == "subject":
        return None
    if (
        parse_banner(parts[0])
        or first
        or CSV_RESIDUE.match(line)
        or CABLE_DATED.match(line)
        or (cur.i <= cur.horizon and any(field_kind(p, look) for p in parts[1:]))
    ):
        return parts
    return None


@GLUED.rule("subject-runon", after="glued-fields")
def subject_runon(cur: PreambleCursor, line: str, run: Run) -> list[str] | None:
    """A SUBJECT line that runs on into the REF field, the Classified By line or the SBU
    handling sentence (``… COMPULSORY LICENSING REF: SAO PAULO 1467``) is split there; the
    pieces are the fields they start (each remembering whether a space preceded it)."""
    if field_kind(line, run.trial()) != "subject":
        return None
    return runon_pieces(line)


def runon_pieces(line: str) -> list[str] | None:
    """``line`` cut where it runs on into the next field (None: it does not)."""
    parts: list[str] = []
    start = 0
    space = False
    for match in SUBJECT_RUNON.finditer(line, 1):
        head = line[start : match.start()]
        if head.strip():
            parts.append(_glued(head, space) if parts else head)
            space = match.end() > match.start()
            start = match.end()
    if not parts:
        return None
    parts.append(_glued(line[start:], space))
    return _label_once(parts)


@WRAPPED.rule("subject-runon-wrapped", trigger=("REF", "Ref", "lassified", "LASSIFIED", "ENSITIVE", "ensitive"))
def subject_runon_wrapped(line: str) -> list[str] | None:
    """A SUBJECT wrapped over lines whose last line runs on into the REF field, the Classified
    By line or the SBU handling sentence (``SUBJECT: AUSTRALIA GROUP: … EXCHANGE AND`` /
    ``POTENTIAL PROBLEM WITH PARIS PLENARY REF: STATE 16112 Classified By: …``) is cut there, as
    :func:`subject_runon` cuts the SUBJECT's first line. A line that is the SBU handling
    sentence (``SENSITIVE BUT UNCLASSIFIED. PLEASE HANDLE ACCORDINGLY.`` after a page break) is
    a field of its own."""
    if _SBU_LINE.match(line):
        return [_glued(line, True)]
    return runon_pieces(line)


_SBU_LINE = re.compile(r"^\s*(?i:SENSI?TIVE\s++BUT\s++UNCLASSIFIED\b)")


#: where a line of the REF field runs on into the Classified By line or the SBU sentence (``(U) THIS
#: CABLE IS SENSITIVE …`` too), after a space or glued to a cable's number (``CAIRO 1725Classified By: …``)
_REF_RUNON = re.compile(
    r"(?:(?<!\s)\s++|(?<=\d))(?=(?i:CLASSIFIED\s++BY\b)|(?:\(U\)\s*+)?(?i:(?:THIS\s++CABLE\s++IS\s++)?SENSITIVE\s++BUT\s++UNCLASSIFIED\b))"
)


#: a Classified By label with nothing after it, and a line that begins with one
_BARE_LABEL = re.compile(r"^\s*(?i:classified\s++by)\s*+:?\s*+$")
_LABEL_START = re.compile(r"^\s*(?i:classified\s++by)\b")


@WRAPPED.rule("ref-runon", after="subject-runon-wrapped", trigger=("lassified", "LASSIFIED", "ENSITIVE", "ensitive"))
def ref_runon(line: str) -> list[str] | None:
    """``REF: STATE 85678 Classified By: CDA Damian R. Leader for reasons 1.4 (b) and (d)``: a
    line of the REF field that runs on into the Classified By line or the SBU handling sentence
    (``CAIRO 1725Classified By: …``, glued to the number) is cut there; the piece starts that
    field (a REF label inside the field is not cut: ``REF: A. REF: LAGOS 066``)."""
    match = _REF_RUNON.search(line, 1)
    if match is None or _BARE_LABEL.match(line[: match.start()]) or _OWN_MARKING.fullmatch(line[: match.start()]):
        return None  # (``Classified By: Classified by Minister …``: the label written twice, one field;
        # ``(U) CLASSIFIED BY: …``: the field's own portion marking before it)
    # (set apart from what it followed: the REF field goes to the text, this line to the opener)
    return [line[: match.start()], _glued(line[match.end() :], True)]


#: a rule's start: four dashes, equals signs or underscores (``runs.DASH_RULE``'s signs, unspaced)
_RULE = r"(?:-{4,}|={4,}|_{4,})"
#: where a field's line runs on into a dashed rule that begins the body: the rule, or a
#: summary/comment label set with it (``… FIRM -------``, ``… (d). Summary -------``)
_RULE_RUNON = re.compile(
    # (``(?<=\S)\s++``: the first white space, then the character before it looked back at)
    rf"\s(?<=\S\s)\s*+(?=(?:(?i:summary|comment|background|introduction)\s*+[:.]?\s*+)?{_RULE})"
)


#: a rule run on before a portion-marked paragraph (its number, then its marking)
_RULE_THEN_MARKED = re.compile(
    rf"(?P<rule>{_RULE})\s++(?=(?:\d{{1,2}}\.\s*+)?\((?:U|SBU|C|S|TS)(?://?[A-Z]+)?\)\s)"
)
_RULE_START = re.compile(rf"^\s*{_RULE}|^\s*(?i:summary|comment|background|introduction)\s*[:.]?\s*$")


@WRAPPED.rule("field-rule-runon", after="ref-runon")
def field_rule_runon(line: str) -> list[str] | None:
    """``SUBJECT: … DOLLAR REMAINS FIRM -------``, ``… RADICALIZATION ------- Summary -------``,
    ``Classified By: … 1.4 (b) and (d). Summary -------``: a line of the SUBJECT, REF or
    Classified By field that runs on into a dashed rule (with a heading set with it) is cut
    there: the rule and what follows begin the body (a heading, a rule), not the field; so does
    a next line that begins with a rule (``… NATO`` / ``-------------``) or is a summary label
    alone (``… OF COMMUNALIZATION`` / ``Summary`` / ``-------``)."""
    if _RULE_START.match(line):
        return [RunOn(line)]  # the field's next line is the rule: the body begins there
    match = _RULE_RUNON.search(line, 1)
    if match is None:
        return None
    rest = line[match.end() :]
    ruled = _RULE_THEN_MARKED.match(rest)
    if ruled:  # the rule, then the first paragraph on its own line (``____ (SBU) Post delivered …``)
        return [line[: match.start()], RunOn(ruled["rule"]), RunOn(rest[ruled.end() :])]
    return [line[: match.start()], RunOn(rest)]


#: where a REF line runs on into the body's first paragraph: after a cable's number (or at the
#: start of the field's next line), the paragraph's number 1 or a portion marking (``STATE 74305
#: (SBU) According to …``, ``TRIPOLI 480  1. (U) The Government …``, ``1.KEY POINTS -- …``)
_BODY_RUNON = re.compile(
    r"(?:(?<=\d)|^)\s*+(?=(?P<number>(?<!\d)¶?\s*+1\s*+\.\s*+)(?:\(|[A-Z])"
    r"|(?P<marking>\(\s*+(?P<level>U|SBU|C|S|TS|LOU)(?:\s*+//?\s*+[A-Z]+)*\s*+\)\s*+)[A-Z])"
)
#: the first paragraph's number and portion marking after a word of the line (``… previous 1. (SBU) …``)
_MARKED_FIRST = re.compile(r"(?<=[A-Za-z])\s++(?=1\.\s?\((?:U|SBU|C|S|TS|LOU)(?:/[A-Z]+)?\)\s)")
#: what follows a list's next label, not a paragraph (``B. STATE 5678``)
_LABEL_NEXT = re.compile(r"[A-Z][.)]\s")
#: a word of a sentence in mixed case
_LOWER_WORD = re.compile(r"\b[a-z]{2,}\b")


@WRAPPED.rule("ref-body-runon", after="field-rule-runon", trigger=("(", "1"))
def ref_body_runon(line: str) -> list[str] | None:
    """``REF: STATE 74305 (SBU) According to FCO East Africa Team Leader …``: a REF line that
    runs on, after a cable's number, into the first paragraph (its number ``1.``, then four words
    or more; or a portion marking, then twelve words or more, or four in mixed case) is cut
    there, and so is a next line of the field that is that paragraph (``1.KEY POINTS -- (U)
    …``); the piece begins the body. Not
    cut: a list's next letter read as a marking (``A. … B. SAN JOSE 01455 (C) EMBASSY EMAIL OF
    MAY 5``, ``(C) SAN JOSE 01713``), a marking of the reference itself (``STATE 1234 (S)
    NOTAL``: too short for a sentence; ``B. 12/12/08 (U) EMAIL FROM POLOFF TO USUNVIE C. 08
    MADRID 1296``: the list goes on). After a word, the paragraph's number and its portion marking
    (``Ref: Brasilia 600 and previous 1. (SBU) Summary: …``)."""
    marked = _MARKED_FIRST.search(line, 1)
    if marked:
        return [line[: marked.start()], RunOn(line[marked.end() :])]
    for match in _BODY_RUNON.finditer(line):
        if match.start() == 0 and PARA_START.match(line):
            return None  # a numbered paragraph's line: it ends the field as it is
        rest = line[match.end() :]
        words = rest[len(match["number"] or match["marking"]) :]
        count = len(words.split())
        if count < 4 or _LABEL_NEXT.match(words) or resolve_ref(words, 2000)[0] is not None:
            continue
        if match["marking"] and count < 12 and not _LOWER_WORD.search(words):
            continue  # a marked item of the list (``(U) EMAIL FROM POLOFF SMITH TO USUNVIE``)
        last = last_label(line[: match.start()])
        after = chr(ord(last) + 1) if last else None
        if after and (match["level"] == after or re.search(rf"(?:^|\s)\(?{after}[.)]\s", words)):
            continue  # the list's next letter, or a list that goes on after a marked item
        return [line[: match.start()], RunOn(rest)] if match.start() else [RunOn(rest)]
    return None


# ---------------------------------------------------------------- what a split leaves
_QUOTES_ONLY = re.compile(r'^\s*+"?\s*+,?\s*+"\s*$')


@OTHER.rule("csv-residue-before-banner", before="glued-distribution")
def csv_residue_before_banner(cur: PreambleCursor, line: str) -> str | None:
    """The CSV quotes (``","``) that ``glued-fields`` cut from before a banner (``","S E C R E T
    SECTION 01 OF 03 THE HAGUE 001924``, a dump's copy that opens a cable's text) are the
    wrapper's, not text, even where no field follows the banner (an appended partial extract)."""
    after = cur.entries[cur.i + 1] if cur.i + 1 < len(cur.entries) else None
    if not _QUOTES_ONLY.match(line) or not isinstance(after, Glued) or parse_banner(after) is None:
        return None
    return "wrapper"
