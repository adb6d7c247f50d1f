"""Recognisers for the lines between the banner and the first paragraph: handling caveats,
E.O., TAGS, SUBJECT, REF, Classified By, distribution lines, and media-partner wrappers."""

from __future__ import annotations

import re

from .lines import BANNER_LEVEL

HANDLING_WORDS = (
    r"SIPDIS|SENSITIVE\s+BUT\s+UNCLASSIFIED|SENSITIVE|NO\s?FORN|FOR\s+OFFICIAL\s+USE\s+ONLY|FOUO|LIMITED\s+OFFICIAL\s+USE|"
    r"EXDIS|LIMDIS|NODIS|STADIS|ROGER|CHEROKEE|SPECAT|E\s?F\s?T\s?O|CORRECTED\s+COPY|"
    r"NOT\s+FOR\s+INTERNET\s+DISTRIBUTION|SBU|ORCON|PROPIN|NOCONTRACT|EYES\s+ONLY|"
    r"DEPT\s+PASS\s+\S+|PASS\s+TO\s+\S+"
)
HANDLING = re.compile(
    rf"^\s*(?:{HANDLING_WORDS})(?:(?:\s*+(?:[,;/]|//)\s*+|\s++)(?:{HANDLING_WORDS}))*\s*+[.,;]?\s*$", re.I
)
HANDLING_TOKEN = re.compile(rf"(?:{HANDLING_WORDS})", re.I)
_EDGE_WORDS = r"SIPDIS|SENSITIVE|NOFORN|EXDIS|LIMDIS|NODIS|FOUO|FOR\s+OFFICIAL\s+USE\s+ONLY"
_LEADING = re.compile(rf"^\s*(?:(?:{_EDGE_WORDS})\b[\s,;]*)+")
_TRAILING = re.compile(rf"(?:\b(?:{_EDGE_WORDS})[\s,;.]*+){{1,16}}+$")


def handling_edges(line: str) -> str:
    """Handling words that run on at the start or end of a distribution line
    (``SOUTHCOM ALSO FOR POLAD SENSITIVE SIPDIS``); upper case only."""
    found = [m.group() for m in (_LEADING.search(line), _TRAILING.search(line)) if m]
    return " ".join(found)


EO = re.compile(r"^\s*(?:¶\s*)?E\s?\.?\s?[O0]\s?\.?\s*:?\s*\d{4,5}\b|^\s*EO\s*\d{5}", re.I)
TAGS = re.compile(r"^\s*TAGS?\b\s*:?", re.I)
SUBJECT = re.compile(r"^\s*SUBJ(?:ECT)?\b\s*[:.-]?", re.I)
REF = re.compile(r"^\s*(?:¶\s*)?REF(?:S|TEL|TELS|ERENCES?)?\b(?:\s+[A-Z](?=\s*:))?\s*[:.]?", re.I)
#: "1. (U) CLASSIFIED BY …": the classification authority given as the first paragraph
CLASSIFIED_IN_PARAGRAPH = re.compile(r"^\s*+(?:CLASSIFIED\s+BY|DERIVED\s+FROM)\b", re.I)
CLASSIFIED_BY = re.compile(
    r"^\s*+(?:CLASSIFIED|CLASSIFIED\s+BY|DERIVED)\s++(?:BY\b|FROM\b|BY:)",
    re.I,
)
GLUED_FIELD = re.compile(
    r"\s(?=(?i:SIPDIS\b|NOFORN\b|E\.\s?O\.\s?\d|EO\s\d{5}|TAGS?:|SUBJECT:|SUBJ:|REF:|CLASSIFIED BY))"
    r"|(?<=[A-Za-z0-9.)\]])(?=SIPDIS|NOFORN|E\.O\.\s?\d|TAGS:|SUBJECT:|REF:)"
)


_BANNER_HEAD = re.compile(
    BANNER_LEVEL.pattern + r"(?:\s+SECTION\s+\d{1,3}\s+OF\s+\d{1,3})?\s+[A-Z][A-Z .'-]{1,30}?\s\d{3,7}(?=\s|[A-Z])",
    re.I,
)


class Glued(str):
    """A piece of a line that held several fields run together; ``space_before`` says
    whether white space separated it from the previous piece (the source view keeps it)."""

    space_before: bool = False


WEEKDAY_DATELINE = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+\d{1,2}\s+[A-Z][a-z]+\s+\d{4},\s+\d{1,2}:\d{2}\s*$"
)
CABLE_DATED = re.compile(r"^\s*Cable\s+dated:\s*\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?\]?")
CSV_ROW = re.compile(r"^\s*\d+,\d{1,2}/\d{1,2}/\d{4} \d{1,2}:\d{2},")
CSV_RESIDUE = re.compile(r'^\s*+"?\s*+,?\s*+"(?=\S)')
DATABASE_FIELD = re.compile(r"^\s*(?:id|date|refid|origin|classification|destination|header|references?)\s*:", re.I)
DATABASE_MARK = re.compile(r"^\s*(?:-{5,}\s*header ends\s*-{5,}|={5,}\s*CABLE ENDS\s*={5,}|<<\d+>>|\d+\t\S)", re.I)
PARTIAL_EXTRACT = re.compile(r"This record is a partial extract of the original cable", re.I)
NARA_STAMP = re.compile(r"Declassified/Released US Department of State|Copy from the National Archives", re.I)


def is_wrapper(line: str) -> bool:
    return bool(
        WEEKDAY_DATELINE.match(line) or CABLE_DATED.match(line) or DATABASE_MARK.match(line) or NARA_STAMP.search(line)
    )


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
    while True:
        match = GLUED_FIELD.search(rest, 1)
        if not match:
            break
        head = rest[: match.start()]
        if not head.strip():
            break
        parts.append(_glued(head.rstrip(), space) if parts else head.rstrip())
        space = match.end() > match.start()
        rest = rest[match.end() :]
    parts.append(_glued(rest, space) if parts else rest)
    return parts


def _glued(text: str, space_before: bool) -> Glued:
    piece = Glued(text)
    piece.space_before = space_before
    return piece


def field_kind(line: str) -> str | None:
    """The preamble field a line starts, if any."""
    if EO.match(line):
        return "eo"
    if TAGS.match(line) and not re.match(r"^\s*TAG\s+\w+\s+[a-z]", line):
        return "tags"
    if SUBJECT.match(line):
        return "subject"
    if CLASSIFIED_BY.match(line):
        return "classified-by"
    if REF.match(line) and re.match(r"^\s*(?:¶\s*)?REF", line, re.I):
        return "refs"
    if HANDLING.match(line):
        return "handling"
    if PARTIAL_EXTRACT.search(line):
        return "notice"
    if is_wrapper(line) or DATABASE_FIELD.match(line) or CSV_ROW.match(line):
        return "wrapper"
    return None


# ---------------------------------------------------------------- TAGS
_PERSON_TAG = re.compile(r"\b[A-Z]{4}\s*\([^)]*\)")


def _codes(text: str) -> list[str]:
    """Split on spaces and commas; a run of words of five letters or more separated by
    spaces only is one free-text tag (``DOMESTIC POLITICS``): TAG codes are 2-4 letters."""
    out: list[str] = []
    for group in re.split(r"[,;]+", text):
        words = group.split()
        run: list[str] = []
        for word in [*words, ""]:
            if len(word) >= 5 and word.isalpha():
                run.append(word)
                continue
            if run:
                out.append(" ".join(run))
                run = []
            if word:
                out.append(word)
    return out


def parse_tags(text: str) -> list[str]:
    """Tag codes from the TAGS field text (without the ``TAGS:`` label). Person tags
    ``OVIP (CLINTON, HILLARY)`` stay whole; markdown link residue ``[ETRD](#)`` is unwrapped."""
    text = re.sub(r"\[([^\]\[]{1,40})\]\(#?[^)]*\)", r"\1", text)
    tags: list[str] = []
    pos = 0
    for match in _PERSON_TAG.finditer(text):
        tags.extend(_codes(text[pos : match.start()]))
        tags.append(" ".join(match.group().split()))
        pos = match.end()
    tags.extend(_codes(text[pos:]))
    cleaned = []
    for tag in tags:
        tag = tag.strip(".:-")
        if tag and tag not in cleaned:
            cleaned.append(tag.upper() if tag.islower() else tag)
    return cleaned


# ---------------------------------------------------------------- REF
_REF_LABEL = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=;)|(?<=,))(?:¶\s*)?(?:REF\s+)?(?:\((?P<a>[A-Z])\)|(?P<b>[A-Z])[.)](?=\s|[A-Z]))\s*",
)
MONTH_WORDS = {
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUL",
    "AUG",
    "SEP",
    "SEPT",
    "OCT",
    "NOV",
    "DEC",
    "JANUARY",
    "FEBRUARY",
    "MARCH",
    "APRIL",
    "JUNE",
    "JULY",
    "AUGUST",
    "SEPTEMBER",
    "OCTOBER",
    "NOVEMBER",
    "DECEMBER",
}
_CABLE_REF = re.compile(
    r"^\s*(?:(?P<year>\d{4}|\d{2})\s+)?(?P<station>[A-Za-z][A-Za-z]+(?:\s[A-Za-z]+){0,3}?)\s*(?P<serial>\d{1,6})\b(?![/:\d]|-(?!-))"
)
NOT_STATIONS = {
    "EMAIL",
    "TELECON",
    "LETTER",
    "FAX",
    "MEMO",
    "DIPNOTE",
    "NOTE",
    "AND",
    "OF",
    "THE",
    "NO",
    "PARA",
    "PARAS",
    "PARAGRAPH",
    "SECTION",
    "PAGE",
    "REFTEL",
    "REF",
    "TEL",
    "IIR",
    "CIA",
}


def split_refs(text: str) -> list[tuple[str | None, str | None, str]]:
    """``A. TBILISI 1605 B. ROME 721`` -> [("A", "A.", "TBILISI 1605"), ("B", "B.", "ROME 721")]:
    (letter, label as written, text). Labels must run A, B, C… to tell them from initials."""
    cuts: list[tuple[int, int, str]] = []
    expected = "A"
    for match in _REF_LABEL.finditer(text):
        letter = match["a"] or match["b"]
        if letter == expected:
            cuts.append((match.start(), match.end(), letter))
            expected = chr(ord(expected) + 1)
    if not cuts:
        return [(None, None, text.strip())] if text.strip() else []
    items: list[tuple[str | None, str | None, str]] = []
    if text[: cuts[0][0]].strip():
        items.append((None, None, text[: cuts[0][0]].strip()))
    for index, (start, end, letter) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        items.append((letter, text[start:end].strip(), text[end:stop].strip()))
    return items


def resolve_ref(text: str, own_year: int | None) -> tuple[str | None, bool]:
    """The cablegate id a reference names (``05 PARIS 7528`` -> ``05PARIS7528``), and
    whether its year was inferred from the citing cable."""
    match = _CABLE_REF.match(text)
    if not match:
        return None, False
    station = match["station"].upper()
    if station in ("SECSTATE", "SECSTATE WASHDC"):
        station = "STATE"  # cablegate ids spell the Department's cables STATE
    words = station.split()
    if any(w in NOT_STATIONS or w in MONTH_WORDS for w in words) or len(station) < 3:
        return None, False
    year_text = match["year"]
    inferred = False
    if year_text:
        year = int(year_text) % 100
    elif own_year is not None:
        year = own_year % 100
        inferred = True
    else:
        return None, False
    serial = str(int(match["serial"]))
    return f"{year:02d}{''.join(words)}{serial}", inferred
