"""Stage "fields": the preamble between the banner and the first paragraph (handling caveats,
E.O., TAGS, SUBJECT, REF, Classified By, distribution lines, media partners' wrappers).

Chains (run by :mod:`convert.normalize.preamble`, except where said):

- ``fields.kinds`` ``(line) -> kind | None``: the field a line starts (first match).
- (``fields.rows`` and ``fields.glued``, media partners' marks: :mod:`.copies`)
- ``fields.banner`` ``(line) -> Banner | None``: the classification banner.
- ``fields.other`` ``(cursor, line) -> kind | None``: what a line that starts no field goes on with (first match;
  ``refs-more``: the REF field before it).
- ``fields.late`` ``(blocks, run) -> blocks``: fields met among the body's blocks (after the closing stage).
- ``fields.edges`` ``(line) -> words``: handling caveats run on at a distribution line's ends (asked by the facts).
- ``fields.paragraph`` ``(lines) -> text | None``: a field written as the first numbered paragraph (asked by the
  facts).
- ``fields.origin`` ``(sender, station) -> origin | None``: the cablegate origin the text
  names (the FM line's office, else the banner's station; asked by the facts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from ... import stations
from ..banner import parse_banner
from ..offices import origin_of
from ..parsed import Banner, Block, Entry, Field, Glued, LateField, Paragraph
from ..refs import REF, resolve_ref
from .ruler import Chain, Run

KINDS: Chain[Callable[[str], str | None]] = Chain("fields.kinds", "fields", "The field a line starts (first match).")


def field_kind(line: str, run: Run) -> str | None:
    """The preamble field a line starts, if any (the first rule of ``fields.kinds`` that recognises it fires)."""
    found: str | None = run.first_memo(KINDS, line, line)
    return found


HANDLING_WORDS = (
    r"SIPDIS|SENSITIVE\s+BUT\s+UNCLASSIFIED|SENSITIVE|NO\s?FORN|FOR\s+OFFICIAL\s+USE\s+ONLY|FOUO|LIMITED\s+OFFICIAL\s+USE|"
    r"EXDIS|LIMDIS|NODIS|STADIS|ROGER|CHEROKEE|SPECAT|E\s?F\s?T\s?O|CORRECTED\s+COPY|AIDAC|"
    r"NOT\s+FOR\s+INTERNET\s+DISTRIBUTION|SBU|ORCON|PROPIN|NOCONTRACT|EYES\s+ONLY|TERREP|"
    r"DEPT\s+PASS\s+\S+|PASS\s+TO\s+\S+"
)
HANDLING = re.compile(
    rf"^\s*(?:{HANDLING_WORDS})(?:(?:\s*+(?:[,;/]|//)\s*+|\s++)(?:{HANDLING_WORDS}))*\s*+[.,;]?\s*$", re.I
)
HANDLING_TOKEN = re.compile(rf"(?:{HANDLING_WORDS})", re.I)
EO = re.compile(r"^\s*(?:¶\s*)?E\s?\.?\s?[O0]\s?\.?\s*:?\s*\d{4,5}\b|^\s*EO\s*\d{5}", re.I)
TAGS = re.compile(r"^\s*(?:TAGS?\b|AGS(?=:))\s*:?", re.I)  # (``AGS:``: the label's T lost)
_TAG_NOT_FIELD = re.compile(r"^\s*TAG\s+\w+\s+[a-z]")
SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\b\s*[:.-]?", re.I)
CLASSIFIED_BY = re.compile(  # (and the authority block's last line: ``Declassify on: Source marked 25X1-human, …``)
    r"^\s*+(?:\((?:U|SBU)\)\s*+)?(?:(?:CLASSIFIED|CLASSIFIED\s+BY|DERIVED)\s++(?:BY\b|FROM\b|BY:)|DECLASSIFY\s+ON:)",
    re.I)
#: "1. (U) CLASSIFIED BY …": the classification authority given as the first paragraph
CLASSIFIED_IN_PARAGRAPH = re.compile(r"^\s*+(?:CLASSIFIED\s+BY|DERIVED\s+FROM)\b", re.I)
_REF_WORD = re.compile(r"^\s*(?:¶\s*)?REF", re.I)
WEEKDAY_DATELINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},\s+\d{1,2}:\d{2}\s*$"
)
CABLE_DATED = re.compile(r"^\s*Cable\s+dated:\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\]?")
CSV_ROW = re.compile(r"^\s*\d+,\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},")
#: CSV quotes before text (``","C O N F…``); not quotes and commas alone (what a cut leaves)
CSV_RESIDUE = re.compile(r'^\s*+"?\s*+,?\s*+"(?=\S)(?![\s",]*+$)')
DATABASE_FIELD = re.compile(r"^\s*(?:id|date|refid|origin|classification|destination|header|references?)\s*:", re.I)
DATABASE_MARK = re.compile(
    r"^\s*(?:-{5,}\s*header ends\s*-{5,}|={5,}\s*CABLE ENDS?(?:\s*={5,})?|<<\d+>>|\d+\t\S)", re.I
)
PARTIAL_EXTRACT = re.compile(r"This record is a partial extract of the original cable", re.I)
#: the notice's second sentence on a line of its own (a copy re-wrapped at 60-69 columns)
NOTICE_TAIL = re.compile(
    r"^\s*(?:(?:The\s+)?full\s+)?(?:text\s+)?of\s+the\s+original\s+cable\s+is\s+not\s+available\.?\s*$", re.I
)
NARA_STAMP = re.compile(r"Declassified/Released US Department of State|Copy from the National Archives", re.I)


def is_wrapper(line: str) -> bool:
    """A media partner's or an archive's line around the cable (a dateline, a stamp)."""
    return bool(
        WEEKDAY_DATELINE.match(line) or CABLE_DATED.match(line) or DATABASE_MARK.match(line) or nara_stamp(line)
    )


def nara_stamp(line: str) -> bool:
    """An archive's stamp (``Declassified/Released US Department of State …``). The search
    (case-insensitive, anywhere in the line) runs only on a line that holds "/rele" or "copy
    from" once lower-cased: every match does (and neither holds an i or s, which IGNORECASE
    also matches as İ, ı or ſ)."""
    low = line.lower()
    return ("/rele" in low or "copy from" in low) and NARA_STAMP.search(line) is not None


def partial_extract(text: str) -> bool:
    """``This record is a partial extract of the original cable`` anywhere (case-insensitive;
    searched only where "extract" is, lower-cased)."""
    return "extract" in text.lower() and PARTIAL_EXTRACT.search(text) is not None


@KINDS.rule("eo-field", lead="(?i)[E¶]")  # (EO)
def eo_field(line: str) -> str | None:
    """``E.O. 12958: DECL: 05/21/2015``: the declassification line."""
    return "eo" if EO.match(line) else None


@KINDS.rule("tags-field", lead="(?i)[TA]")  # (TAGS)
def tags_field(line: str) -> str | None:
    """``TAGS: PREL PGOV CH``, ``AGS: PREL, OVIP`` (the label damaged; not ``TAG team members
    said…``)."""
    return "tags" if TAGS.match(line) and not _TAG_NOT_FIELD.match(line) else None


@KINDS.rule("subject-field", lead="(?i)S")  # (SUBJECT)
def subject_field(line: str) -> str | None:
    """``SUBJECT: …``, ``SUBJ: …``."""
    return "subject" if SUBJECT.match(line) else None


@KINDS.rule("classified-by-field", lead="(?i)[CD(]")  # (CLASSIFIED_BY)
def classified_by_field(line: str) -> str | None:
    """``Classified By: Ambassador …, Reasons 1.4 (b) and (d)``, ``DERIVED FROM …``, ``Declassify on: …``, also
    after an unclassified portion marking of its own (``(U) CLASSIFIED BY: CHRISTINA B. ROCCA, …``)."""
    return "classified-by" if CLASSIFIED_BY.match(line) else None


@KINDS.rule("ref-field", lead="(?i)[R¶]")  # (_REF_WORD)
def ref_field(line: str) -> str | None:
    """``REF: A. STATE 41880 B. …``, ``REFTEL``, ``Ref A: …``."""
    return "refs" if REF.match(line) and _REF_WORD.match(line) else None


@KINDS.rule("handling-field", lead="(?i)[SNFLERCOPTDA]")  # (HANDLING_WORDS)
def handling_field(line: str) -> str | None:
    """A line of handling caveats only: ``SENSITIVE SIPDIS``, ``NOFORN``, ``DEPT PASS USTR``."""
    return "handling" if HANDLING.match(line) else None


@KINDS.rule("notice-field")
def notice_field(line: str) -> str | None:
    """``This record is a partial extract of the original cable…`` (old-style records), also
    its second sentence wrapped onto a line of its own."""
    return "notice" if partial_extract(line) or NOTICE_TAIL.match(line) else None


@KINDS.rule("wrapper-field")
def wrapper_field(line: str) -> str | None:
    """A media partner's or an archive's line: a dateline, ``Cable dated:…``, a database
    field (``origin: …``), a CSV row, a NARA stamp."""
    return "wrapper" if is_wrapper(line) or DATABASE_FIELD.match(line) or CSV_ROW.match(line) else None


# ---------------------------------------------------------------- the preamble's cursor
@dataclass(slots=True)
class PreambleCursor:
    """Where the preamble driver is, and what it has seen."""

    entries: list[Entry]
    i: int = 0
    horizon: int = 0  # the last SUBJECT/TAGS/E.O. line before the first paragraph
    fields: list[Field] = field(default_factory=list)
    seen_banner: bool = False
    seen_subject: bool = False
    last_ref_label: str | None = None


BANNER: Chain[Callable[[str], Banner | None]] = Chain("fields.banner", "fields", "The classification banner.")
OTHER: Chain[Callable[[PreambleCursor, str], str | None]] = Chain(
    "fields.other", "fields", "What a line that starts no field goes on with (first match)."
)
LATE: Chain[Callable[[Sequence[Field], list[Block], Run], list[Block]]] = Chain(
    "fields.late", "fields", "Fields met among the body's first blocks, after the closing stage."
)
EDGES: Chain[Callable[[str], str]] = Chain(
    "fields.edges", "fields", "Handling caveats run on at the ends of a distribution line."
)
PARAGRAPH: Chain[Callable[[list[str]], str | None]] = Chain(
    "fields.paragraph", "fields", "A field written as the first numbered paragraph."
)
FULL_SUBJECT: Chain[Callable[[str, Sequence[Block]], str | None]] = Chain(
    "fields.full-subject", "fields", "The whole SUBJECT where the one read is cut short (asked by the facts)."
)
ORIGIN: Chain[Callable[[str | None, str | None], str | None]] = Chain(
    "fields.origin",
    "fields",
    "The origin the text names, as cablegate spells it (first match). The facts pass the banner's station "
    "only where the source's metadata names no origin.",
)


@BANNER.rule("classification-banner")
def classification_banner(line: str) -> Banner | None:
    """The banner: the level, the section, the message reference (``UNCLAS SECTION 01 OF 02
    BEIJING 001463``)."""
    banner = parse_banner(line)
    return banner if banner is not None and (banner.level or banner.section) else None


# ---------------------------------------------------------------- lines that start no field
@OTHER.rule("glued-distribution")
def glued_distribution(cur: PreambleCursor, line: str) -> str | None:
    """A run-on piece of a split line that is no known field (``sipdise.o. …`` in a lower-cased
    copy) stays glued in the opener: in the body it would split a word."""
    return "distribution" if isinstance(line, Glued) and cur.fields else None


@OTHER.rule("distribution")
def distribution(cur: PreambleCursor, line: str) -> str | None:
    """Lines before the last SUBJECT/TAGS/E.O. line (the horizon) are distribution lines
    (``STATE FOR EAP/CM``, ``USDOC FOR 4420/ITA``), not text."""
    return "distribution" if cur.i < cur.horizon and not cur.seen_subject else None


_NEXT_LABEL: dict[str, re.Pattern[str]] = {}


def ref_continues(line: str, last: str | None) -> bool:
    """Whether ``line`` starts with the REF label after ``last`` (``B.`` or ``(B)`` after A; in
    either case: ``b.``)."""
    if last is None:
        return False
    nxt = chr(ord(last) + 1)
    pattern = _NEXT_LABEL.get(nxt)
    if pattern is None:
        either = f"[{re.escape(nxt)}{re.escape(nxt.lower())}]"
        pattern = _NEXT_LABEL[nxt] = re.compile(rf"^\s*(?:¶\s*)?(?:\({either}\)|{either}[.)])\s")
    if pattern.match(line):
        return True
    # the lines carry labels of their own over the items' (``A. A. GENEVA 1954 B. STATE 130904`` /
    # ``¶B. C. STATE 130145 D. …``): a line label already written, then the next item's and a cable
    outer = _OUTER_LABEL.match(line)
    if outer is None or (outer["letter"] or outer["bare"]).upper() > last:
        return False
    inner = _INNER_LABEL.match(line, outer.end())
    return bool(inner and inner["letter"].upper() == nxt and resolve_ref(line[inner.end() :], 2000)[0])


_OUTER_LABEL = re.compile(r"\s*(?:¶\s*)?(?:\((?P<letter>[A-Za-z])\)|(?P<bare>[A-Za-z])[.)])\s+")
_INNER_LABEL = re.compile(r"(?P<letter>[A-Za-z])[.)]\s+")


@OTHER.rule("ref-continuation")
def ref_continuation(cur: PreambleCursor, line: str) -> str | None:
    """A line that starts with the next REF label (``B. ROME 721`` after ``A. …``), also after
    blank lines, goes on with the REF field before it."""
    if cur.seen_subject and cur.fields and cur.fields[-1].kind == "refs" and ref_continues(line, cur.last_ref_label):
        return "refs-more"
    return None


#: what begins no SUBJECT's text: a list item or a marked paragraph, a summary or comment label
NOT_SUBJECT_START = (
    r"^(?:\(?[A-Z0-9]{1,2}[.)]\s|\((?:U|C|S|SBU)[/)]|(?:BEGIN\s+)?(?:SUMMARY|COMMENT|INTRODUCTION|BACKGROUND|"
    r"OVERVIEW)\b)"
)
NOT_SUBJECT = re.compile(
    NOT_SUBJECT_START + r"|SENSITIVE|ACCORDINGLY|PROTECT|HANDLE|XXXX|---|[.:]$"
    # a byline, a reply, a distribution line (``NSC FOR …``), routing, a serial or a page's
    # number (``001.2 OF 003``), a rule of slashes, spaced capitals (``C O R R E C T E D``)
    r"|^(?:FROM|RE|FOR)\b|^\S+\s+FOR\s|VZCZC|\d{5}|\b\d{3}(?:\.\d)?\s+OF\s+\d{3}\b|//|(?:\b[A-Z]\s){4}",
    re.I,
)


def subject_before(cur: PreambleCursor) -> Field | None:
    """The SUBJECT field when it is the last field read (page furniture after it aside)."""
    for found in reversed(cur.fields):
        if found.kind != "furniture":
            return found if found.kind == "subject" else None
    return None


@OTHER.rule("subject-continuation")
def subject_continuation(cur: PreambleCursor, line: str) -> str | None:
    """The second line of a SUBJECT after a blank line or a page break (``… INSIDER ON GOA POLICY IN THE`` / blank
    / ``REGION``): a run of one or two lines with more text after it, in the subject's case, not ending a sentence
    (but in capitals before a text in mixed case: ``… DISCUSS UN`` / blank / ``REFORM, … WITH GOB.``, 05BRASILIA1044),
    that is no field, item, heading, handling sentence or redaction, after a subject not cut short (``…``)."""
    subject = subject_before(cur)
    if subject is None or isinstance(line, Glued) or subject.text.rstrip().endswith("..."):
        return None
    if not any(c.isalpha() for c in line):
        return None
    run = [line]
    for entry in cur.entries[cur.i + 1 : cur.i + 3]:
        if entry is None or not isinstance(entry, str):
            break
        run.append(entry)
    else:  # three lines and more, or the end of the text: a paragraph
        return None
    upper = subject.text.upper() == subject.text
    mixed = any(map(str.islower, next((e for e in cur.entries[cur.i + len(run) :] if isinstance(e, str)), "")))
    for text in run:
        words = text.strip()
        words = words[:-1] if mixed and words.endswith(".") and words.isupper() and ". " not in words else words
        if NOT_SUBJECT.search(words) or (upper and text.upper() != text) or len(text) > 90:
            return None
    return None if no_subject_words(line, subject.text) else "subject-more"


def no_subject_words(line: str, subject: str) -> bool:
    """A line after the SUBJECT that holds no words of it: mostly figures (a report's number,
    ``IIR 6 809 0067 09``), or the subject written again (a copy's, before its REF field)."""
    words = " ".join(line.split())
    if sum(c.isdigit() for c in words) > sum(c.isalpha() for c in words):
        return True
    said = " ".join(SUBJECT.sub("", subject, count=1).split())  # (the field's words, not its label)
    if words.startswith(said + " "):  # (the subject again, a field run on after it)
        rest = words[len(said) + 1 :]
        return ref_field(rest) is not None or classified_by_field(rest) is not None
    return bool(words) and words in said


# ---------------------------------------------------------------- later
@LATE.rule("late-fields")
def late_fields(fields: Sequence[Field], blocks: list[Block], run: Run) -> list[Block]:
    """A REF or Classified By that follows an unnumbered note after the SUBJECT (the seed's
    'This cable is sensitive…' then 'Ref A: …') is still a preamble field."""
    out = list(blocks)
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        if block.n is not None:
            break
        texts = [x for x in block.lines if isinstance(x, str)]
        if block.items or block.marking is not None or not texts:
            continue  # a marked paragraph (``(C) REF …``) is the cable's text: a field of its lines would lose it
        look = run.trial()
        kind = field_kind(texts[0], look)
        if kind in ("refs", "classified-by"):
            run.keep(look)
            out[index] = LateField(Field(str(kind), block.lines))
    return out


_EDGE_WORDS = r"SIPDIS|SENSITIVE|NOFORN|EXDIS|LIMDIS|NODIS|FOUO|FOR\s+OFFICIAL\s+USE\s+ONLY"
_LEADING = re.compile(rf"^\s*(?:(?:{_EDGE_WORDS}|(?i:sipdis))\b[\s,;]*)+")
_TRAILING = re.compile(rf"(?:\b(?:{_EDGE_WORDS})[\s,;.]*+){{1,16}}+$")


@EDGES.rule("handling-edges")
def handling_edges(line: str) -> str:
    """Handling words that run on at the start or end of a distribution line
    (``SOUTHCOM ALSO FOR POLAD SENSITIVE SIPDIS``; upper case only, but SIPDIS, no word of prose,
    first in any case: ``Sipdis, isn/mtr, eur/ags``, a preamble in lower case) are caveats."""
    if not ("DIS" in line or "dis" in line or "SENSITIVE" in line or "NOFORN" in line or "FOUO" in line
            or "OFFICIAL" in line):
        return ""  # (every match holds one; ``_TRAILING``, with no prefix, is tried at every position)
    found = [m.group() for m in (_LEADING.search(line), _TRAILING.search(line)) if m]
    return " ".join(found)


@PARAGRAPH.rule("classified-by-paragraph")
def classified_by_paragraph(lines: list[str]) -> str | None:
    """``1. (U) CLASSIFIED BY …``: the classification authority given as the first numbered
    paragraph, when no Classified By field was found."""
    if lines and CLASSIFIED_IN_PARAGRAPH.match(lines[0]):
        return " ".join(" ".join(x.split()) for x in lines)
    return None


# ---------------------------------------------------------------- a subject cut short
#: where a SUBJECT line runs on into the next field (a copy that unwrapped the preamble):
#: ``… LICENSING REF: SAO PAULO 1467``, ``… EGYPTREF: CAIRO 493``, ``… Classified By: …``,
#: ``… SENSITIVE BUT UNCLASSIFIED, PLEASE TREAT ACCORDINGLY`` (also after ``ENTIRE TEXT``, 09EFTOTRIPOLI704),
#: ``… VODDLER Ref: A) STOCKHOLM 733``,
#: ``… IN RIO Ref(s): A) 08 RIO DE JAN 138``, ``… MORE FANFARE THAN Derived from: DSCG 05-1, B,D`` (10TRIPOLI62)
SUBJECT_RUNON = re.compile(
    r"(?<!\s)\s++(?=REF(?:S|TELS?)?\s*+:|Ref(?:\(s\))?\s*+:|REFTELS?\s|REF\s++[A-Z]\s*+:|(?i:CLASSIFIED\s++BY\b)"
    r"|(?i:DERIVED\s++FROM\s*+:)|(?i:(?:ENTIRE\s++TEXT\s++)?SENSI?TIVE\s++BUT\s++UNCLASSIFIED\b))"
    r"|(?<=[A-Za-z0-9.)])(?=REFS?:|Classified By:|CLASSIFIED BY:)"  # (glued: ``… TO CAIROClassified By:``)
)


# ---------------------------------------------------------------- the origin
@ORIGIN.rule("origin-table")
def origin_table(sender: str | None, station: str | None) -> str | None:
    """The FM line's office as the station table spells its origin (``AMCONSUL RIO DE JANEIRO``
    -> ``Consulate Rio De Janeiro``, ``AMEMBASSY KIEV`` -> ``Embassy Kyiv``)."""
    found = stations.by_office(sender) if sender else None
    return found.origin if found is not None else None


@ORIGIN.rule("origin-office")
def origin_office(sender: str | None, station: str | None) -> str | None:
    """An FM line's office the table does not hold, by the cablegate conventions
    (``AMEMBASSY X`` -> ``Embassy X``, ``AMCONSUL X`` -> ``Consulate X``, ``USINT X`` …)."""
    return origin_of(sender)


@ORIGIN.rule("banner-origin")
def banner_origin(sender: str | None, station: str | None) -> str | None:
    """No FM line (a pasted body, a partial extract): the office that sends under the banner's
    station, by the station table (``PARIS 000482`` -> ``Embassy Paris``; none where two offices
    share a station: ``BRUSSELS``)."""
    if sender or not station:
        return None
    found = stations.by_banner(station)
    return found.origin if found is not None else None
