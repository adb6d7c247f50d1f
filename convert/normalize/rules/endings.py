"""Stage "closing" (continued from :mod:`.closing`): what a database export or a media partner
left at the end of the message, after its end marker or after the signer's name.

Chains (run by :mod:`convert.normalize.closing`, on the body's last line, repeated from the
end, after ``closing.lines`` finds nothing):

- ``closing.after-end`` ``(line, before) -> type | None``: the last line, after the message's
  end marker or after the signer's name (``before``: the text lines before it, nearest last):
  what an export left after the message (first match).
- ``closing.stamp`` ``(line) -> int | None``: where an export's stamp begins at the end of the
  last line, after the signer's name (``MILAM 0 11/13/2007``); the name stays (first match).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .closing import after_text
from .names import CAPS_WORD, NOT_REDACTED, SENTENCE_END, is_name, words
from .ruler import Chain, note

#: the markers that end the message itself (not ``BT`` or ``###``, which also part its sections)
MESSAGE_END = re.compile(r"^\s*(?:NNNN|={3,}\s*CABLE ENDS?(?:\s*={3,})?|End Cable Text)\s*$", re.I)
#: a name in capitals after the last sentence of a line (``… End comment. STEVENS``)
#: (or after a redaction: ``… leaving post. XXXXXXXXXXXX TUTTLE``; no word of the name a redaction)
_CAPS_NAME_AFTER_SENTENCE = re.compile(rf"(?:{SENTENCE_END}|\bX{{4,}})\s+(?P<name>{words(NOT_REDACTED + CAPS_WORD)})$")
#: a media partner's cut copy of a line of the cable: a short run of words ending in ``...``
_CUT_COPY = re.compile(r"^\s*\S.{0,78}?(?:\.\.\.|\u2026)\s*$")
#: a database row's columns after the name on its line: a count and the date (``0 11/13/2007``; a
#: stray stop after it, ``STEVENS 0 12/23/2007 .``, 07TRIPOLI1056)
_ROW_STAMP = re.compile(r"(?<=\S)[ \t]+\d{1,3}[ \t]+[01]?\d/[0-3]?\d/(?:19|20)\d\d(?:[ \t]+\.)?[ \t]*$")
#: the same columns followed by the rest of the row on the line: its length, its TAGS joined by
#: commas, then its subject and summary (``MILAM 0 11/26/2007 6209 PHUM,PGOV,PREL,LY LIBYA …``)
_ROW_TAIL = re.compile(
    r"(?<=\S)[ \t]++\d{1,3}+[ \t]++[01]?+\d/[0-3]?+\d/(?:19|20)\d\d[ \t]++\d{1,7}+[ \t]++"
    r"[A-Z]{2,8}+(?:,[A-Z0-9]{2,8}+)*+(?![^ \t])"
)

#: a CSV export's row run on after the name: the content field's closing quote, then the date
#: and the next fields (``DONOVAN ",6/28/2006,Japan Backs … 1.,(SBU) Japanese …``)
_CSV_TAIL = re.compile(r'(?<=\S)[ \t]*+",[01]?+\d/[0-3]?+\d/(?:19|20)\d\d,')

#: a database row's columns at the start of a line, after the message: a count, the date, the
#: text's length and its TAGS joined by commas (``0 11/28/2007 4679 PGOV,PREL,IS,BA FM CLASHES …``)
ROW_COLUMNS = re.compile(
    r"^\s*+\d{1,3}+[ \t]++[01]?+\d/[0-3]?+\d/(?:19|20)\d\d[ \t]++\d{1,7}+[ \t]++"
    r"[A-Z]{2,8}+(?:,[A-Z0-9-]{2,10}+)++(?![^ \t])"
)

AFTER_END: Chain[Callable[[str, list[str]], str | None]] = Chain(
    "closing.after-end",
    "closing",
    "The body's last line, after the message's end marker or the signer's name: what an export left after the "
    "message? (first match; asked with the text lines before it, nearest last)",
)
STAMP: Chain[Callable[[str], int | None]] = Chain(
    "closing.stamp",
    "closing",
    "The body's last line: where an export's stamp after the signer's name begins (first match)",
)


@AFTER_END.rule(
    "after-end-marker",
    note=note(
        "normalization",
        "Up to two short lines after the message's end marker (=====CABLE ENDS=====, NNNN, End Cable Text: a "
        "database's stamp, a media partner's cut copy of a preamble line, a stray mark) are not the cable's "
        "text: they are kept in the closer as fw type=\"wrapper\", out of the text flow.",
    ),
)
def after_end_marker(line: str, before: list[str]) -> str | None:
    """``=====CABLE ENDS=====`` / ``Classified By: DCM Milton K. Drucker, Reasons: 1.4 B...``;
    ``End Cable Text`` / ``Zenaida X Toledo 07/30/2008 04:04:14 PM From DB/Inbox: TRANS`` /
    ``.``: a short line (up to 100 characters) at the end of the body, with the message's end
    marker among the two text lines before it (the lines between short too), is what an export
    left after the message. ``BT`` and ``###`` also part a cable's sections, and are no
    evidence of its end."""
    if len(line.strip()) > 100:
        return None
    for prev in reversed(before[-2:]):
        if MESSAGE_END.match(prev):
            return "wrapper"
        if len(prev.strip()) > 100:
            return None
    return None


@AFTER_END.rule(
    "cut-copy-after-signer",
    after="after-end-marker",
    note=note(
        "normalization",
        "A short line cut with ... after the signer's name (a media partner's cut copy of a line of the cable) "
        "is kept in the closer as fw type=\"wrapper\", out of the text flow; the name before it signs.",
    ),
)
def cut_copy_after_signer(line: str, before: list[str]) -> str | None:
    """``… could be a trial balloon.`` / ``PURNELL`` / ``LL, FOR REASONS 1.4 (B, D)...``
    (05TASHKENT2473), ``… June 24, 1984.`` / ``TRIVELLI`` / (blank) / ``DANIEL ORTEGA AN...``
    (06MANAGUA1002): a line of up to 80 characters ending in ``...``, after a name that signs
    (a name line after the last sentence, or in capitals after mixed-case text), is a media
    partner's cut copy of a line of the cable, left after the message."""
    if len(before) < 2 or not _CUT_COPY.match(line) or not line.strip(" .\u2026"):
        return None
    name, prev = before[-1].strip(), before[-2]
    return "wrapper" if is_name(name) and after_text(prev, name) else None


#: what an export wrote after the message: the database query that fetched the row, a media
#: partner's desk handle (``EPET @ EL PAÍS``, cut or whole), a bare date (a partner's cut copy
#: of a line, ending in ``...``, is ``cut-copy-after-signer``'s)
_EXPORT_TRACE = re.compile(
    r"^\s*(?:SELECT\s+\S.*\s+FROM\s+`?\w+`?(?:\s.*)?"
    r"|[A-Z]{2,8}\s+@\s+[^\W\d_][^\W\d_ ]*(?:\s+[^\W\d_]+){0,3}"
    r"|[01]?\d/[0-3]?\d/(?:19|20)\d\d)\s*$"
)


@AFTER_END.rule(
    "export-trace",
    note=note(
        "normalization",
        "A line an export left after the signer's name (the database query that fetched the cable, a media "
        "partner's desk handle such as EPET @ EL PAÍS, a bare date) is not the cable's text: it is kept in the closer "
        "as fw type=\"wrapper\", out of the text flow.",
    ),
)
def export_trace(line: str, before: list[str]) -> str | None:
    """``GOLDBERG`` / ``SELECT * FROM `cable` WHERE `id` = '90016' ORDER BY `date` ASC``;
    ``AGUIRRE`` / ``EPET @ EL PAÍS``; ``BASSETT`` / ``1/21/2009``: the last line has the shape
    of an export's trace and the text line before it is a name on its own (the signer's), so
    the line is no part of the message."""
    if not before or not is_name(before[-1]) or _EXPORT_TRACE.match(line) is None:
        return None
    return "wrapper"


#: a media partner's print stamp (El País's printouts: ``Track impresión: asegovia @ Sat Dec 4
#: 19:20:36 2010. Este documento es propiedad de EL PAÍS``), and the row id printed under it
_PRINT_STAMP = re.compile(r"^\s*Track impresi[oó]n:\s.{0,80}?@.{0,120}$")
_PRINT_ID = re.compile(r"^\s*ID:\s*\d{1,9}\s*$")


@AFTER_END.rule(
    "print-stamp",
    after="export-trace",
    trigger=("Track impresi", "ID:"),
    note=note(
        "normalization",
        "A media partner's print stamp after the message (Track impresión: … Este documento es propiedad de "
        "EL PAÍS, and the row's ID: under it) is not the cable's text: it is kept in the closer as fw "
        "type=\"wrapper\", out of the text flow.",
    ),
)
def print_stamp(line: str, before: list[str]) -> str | None:
    """``WHITE`` / ``Track impresión: asegovia @ Sat Dec 4 19:20:36 2010. Este documento es
    propiedad de EL PAÍS`` / ``ID: 187536`` (09SAOPAULO487): the stamp a media partner's
    printout puts under the message, and its row's number on the line under the stamp."""
    if _PRINT_STAMP.match(line) or (before and _PRINT_ID.match(line) and _PRINT_STAMP.match(before[-1])):
        return "wrapper"
    return None


@STAMP.rule(
    "name-row-stamp",
    note=note(
        "normalization",
        "A database row's columns run on after the signer's name on its line (MILAM 0 11/13/2007: a count "
        "and the date) are kept in the closer as fw type=\"wrapper\", after the signature.",
    ),
)
def name_row_stamp(line: str) -> int | None:
    """``STEVENS 0 12/23/2007``, ``… End comment. STEVENS 0 11/20/2007``: the last line ends
    with a name (the whole line, or a name in capitals after the last sentence) followed by a
    count and a date (the columns of the database row the cable was exported from); the stamp
    begins after the name."""
    return _after_name(line, _ROW_STAMP.search(line) if "/" in line else None)


#: an export's date after the name on its line (``KUBISKE 2009-12-31``, ``BURNS<tab>2006-03-31``)
_DAY_STAMP = re.compile(r"(?<=\S)[ \t]++(?:19|20)\d\d-[01]\d-[0-3]\d[ \t]*+$")


@STAMP.rule(
    "name-day-stamp",
    after="name-row-stamp",
    note=note(
        "normalization",
        "An export's date run on after the signer's name on its line (KUBISKE 2009-12-31) is kept in the closer "
        "as fw type=\"wrapper\", after the signature.",
    ),
)
def name_day_stamp(line: str) -> int | None:
    """``… an autonomous offense. KUBISKE 2009-12-31``, ``SOBEL 2008-01-08``: the last line ends
    with a name (the whole line, or a name in capitals after the last sentence) and a date
    written year first (an export's stamp, 5 pages); the stamp begins after the name."""
    return _after_name(line, _DAY_STAMP.search(line) if "-" in line else None)


@STAMP.rule(
    "name-row-tail",
    after="name-row-stamp",
    note=note(
        "normalization",
        "The rest of a database row run on after the signer's name on its line (MILAM 0 11/26/2007 6209 "
        "PHUM,PGOV,PREL,LY and the row's subject and summary again) is kept in the closer as fw "
        "type=\"wrapper\", after the signature.",
    ),
)
def name_row_tail(line: str) -> int | None:
    """``… End comment. MILAM 0 11/26/2007 6209 PHUM,PGOV,PREL,LY LIBYA ESTABLISHES SPECIAL STATE
    SECURITY COURT … The GOL quietly established …`` (07TRIPOLI989), ``… Washington appreciates
    post's assistance. RICE 0 02/23/2008 4549 EAIR,ETRD,ETTC,IR,KS,PARM,PREL,UK`` (08STATE18255):
    the last line goes on, after a name (the whole text before it, or a name in capitals after
    the last sentence), with a database row's columns: a count, the date, the text's length and
    the TAGS joined by commas, then whatever of the row follows on the line (its subject, its
    summary). The stamp begins after the name; name-row-stamp takes a line that ends with the
    date."""
    return row_tail_at(line)


def row_tail_at(line: str) -> int | None:
    """Where a database row's columns and the rest of its row begin on ``line``, after a name
    (``name-row-tail``'s test; ``copy-head`` asks it of the line before a second copy)."""
    return _after_name(line, _ROW_TAIL.search(line) if "/" in line and "," in line else None)


@STAMP.rule(
    "name-csv-tail",
    after="name-row-tail",
    note=note(
        "normalization",
        "The rest of a CSV export's row run on after the signer's name on its line (DONOVAN \",6/28/2006,"
        "Japan Backs … and the row's subject and summary again) is kept in the closer as fw type=\"wrapper\", "
        "after the signature.",
    ),
)
def name_csv_tail(line: str) -> int | None:
    """``… Stanford McCoy.  DONOVAN ",6/28/2006,Japan Backs Anti-Counterfeiting … 1.,(SBU)
    Japanese Trade …`` (06TOKYO3567, 06TOKYO5805): the last line goes on, after a name (the
    whole text before it, or a name in capitals after the last sentence), with the closing
    quote of a CSV row's text field, a comma, the date and a comma, then the row's next fields
    (its subject, its summary). The stamp begins after the name."""
    return _csv_tail_at(line)


#: an end marker run on after the last letter of a name with no space (``ZAJAC##``)
_GLUED_END = re.compile(r"(?<=[^\W\d_])#{2,}[ \t]*$")


@STAMP.rule(
    "name-end-marker",
    after="name-csv-tail",
    note=note(
        "normalization",
        "An end-of-message marker (##) run on after the signer's name on its line is kept in the closer as "
        "fw type=\"end-marker\", after the signature; the name signs.",
    ),
)
def name_end_marker(line: str) -> int | None:
    """``ZAJAC##`` (92IZMIR819), ``BRAYSHAW##`` (93LIMA56): the last line is a name (the whole
    line, or a name in capitals after the last sentence) with the message's end marker ``##``
    glued on; the marker begins after the name (``##`` on a line of its own is ``end-marker``'s)."""
    return _after_name(line, _GLUED_END.search(line) if "##" in line else None)


def _csv_tail_at(line: str) -> int | None:
    """Where a CSV row's fields begin on ``line`` after a name (``name-csv-tail``'s test;
    ``csv-row-after-name`` asks it of the line before the last)."""
    return _after_name(line, _CSV_TAIL.search(line) if '",' in line else None)


def _after_name(line: str, found: re.Match[str] | None) -> int | None:
    """Where the stamp ``found`` begins, when what stands before it on the line is a name: the
    whole text before it, or a name in capitals after the last sentence."""
    if found is None:
        return None
    before = line[: found.start()]
    after_sentence = _CAPS_NAME_AFTER_SENTENCE.search(before)
    return found.start() if is_name(before) or (after_sentence and is_name(after_sentence["name"])) else None


@AFTER_END.rule(
    "row-after-text",
    after="export-trace",
    trigger=(",", "/"),
    note=note(
        "normalization",
        "A database row's line after the message (0 11/28/2007 4679 PGOV,PREL,IS,BA and the row's subject and "
        "summary again), and the rest of the row on the one or two lines under it at the end, are kept in the "
        "closer as fw type=\"wrapper\", out of the text flow; the name before them signs.",
    ),
)
def row_after_text(line: str, before: list[str]) -> str | None:
    """``… End Comment. ***** Visit Embassy Manama's Classified Website: … ***** ERELI`` / (blank) /
    ``0 11/28/2007 4679 PGOV,PREL,IS,BA FM CLASHES WITH MPS OVER LIVNI MEETING Bahrain's …``
    (07MANAMA1067), ``… PASCUAL`` / ``0 12/01/2009 10529 KNNP,MNUC,… PORTAL DETECTION AT …`` /
    ``A neutron alarm …`` (09MEXICO3378): a line that begins with a database row's columns (a
    count, the date, the text's length, the TAGS joined by commas) after text is the row the cable
    was exported from, not its text; so is
    a line at the end of the body one or two text lines under such a row: the rest of the row
    (``0 02/23/2009 7601 PGOV,…,EG`` / ``CIVIL SOCIETY ACTIVISTS OFFER …`` / blank / ``During a
    February 11 tea …``: its subject and summary, 09CAIRO325). name-row-tail takes a row run on
    after the name on its line."""
    if not before:
        return None
    return "wrapper" if any(ROW_COLUMNS.match(x) for x in (line, *before[-2:])) else None


@AFTER_END.rule(
    "csv-row-after-name",
    after="row-after-text",
    note=note(
        "normalization",
        "The last line of a CSV export's row run on after the signer's name, where a page line parted the row "
        "(DONOVAN \",6/28/2006,Japan Backs … / TOKYO 00003567 001.2 OF 002 / 1.,(SBU) Japanese …), is kept in "
        "the closer as fw type=\"wrapper\"; name-csv-tail then takes the row's start after the name.",
    ),
)
def csv_row_after_name(line: str, before: list[str]) -> str | None:
    """``… Stanford McCoy.  DONOVAN ",6/28/2006,Japan Backs … Proposal`` / (a page line) /
    ``1.,(SBU) Japanese Trade …`` (06TOKYO3567): the text line before the last one holds a CSV
    row's start after a name (``name-csv-tail``'s shape), so the last line is the rest of that
    row, not the message."""
    return "wrapper" if before and _csv_tail_at(before[-1]) is not None else None


@AFTER_END.rule(
    "row-tail-after-name",
    after="csv-row-after-name",
    trigger=(",", "/"),
    note=note(
        "normalization",
        "The rest of a database row run on after the signer's name, on the one or two lines under the name's "
        "line at the end (the row's summary after a page line, and its cut mark), is kept in the closer as fw "
        "type=\"wrapper\"; name-row-tail then takes the row's start after the name.",
    ),
)
def row_tail_after_name(line: str, before: list[str]) -> str | None:
    """``… for improvement. STEVENS 0 02/08/2008 6783 PGOV,PREL,LY LIBYAN FOREIGN AFFAIRS CHAIR …``
    / (a page line) / ``The head of the foreign affairs committee …`` / `` ...`` (08TRIPOLI106): one of
    the two text lines before the last holds a database row's columns after a name
    (``name-row-tail``'s shape), so the last line is the rest of that row (its summary, the
    export's cut mark), not the message."""
    return "wrapper" if before and any(row_tail_at(x) is not None for x in before[-2:]) else None


#: a database row run on after the end marker that follows the signer's name (``HOAGLAND NNNN
#: 2005-10-20 TAJIKISTAN: AMBASSADOR …``): the marker, then the row's date and its subject
_MARKED_ROW = re.compile(r"(?<=\S)[ \t]++NNNN[ \t]++(?:19|20)\d\d-[01]\d-[0-3]\d[ \t]++\S")


def _marked_row_at(line: str) -> int | None:
    return _after_name(line, _MARKED_ROW.search(line) if "NNNN" in line else None)


@AFTER_END.rule(
    "marked-row-after-text",
    after="row-after-text",
    trigger=("NNNN",),
    note=note(
        "normalization",
        "The text of a database row that ran on after the signer's name and the end marker (HOAGLAND NNNN "
        "2005-10-20 TAJIKISTAN: … and the row's summary on the lines under it) is kept in the closer as fw "
        "type=\"wrapper\", out of the text flow.",
    ),
)
def marked_row_after_text(line: str, before: list[str]) -> str | None:
    """``HOAGLAND NNNN 2005-10-20 TAJIKISTAN: AMBASSADOR ZARIPOV COUNSELS …`` / ``In a meeting
    with Tajikistan's Ambassador …`` (05DUSHANBE1702): a line at the end of the body one or two
    text lines under a name, the end marker and a row's date is the rest of the row (its
    summary), not the message."""
    return "wrapper" if any(_marked_row_at(x) is not None for x in before[-2:]) else None


@STAMP.rule(
    "name-marked-row",
    after="name-end-marker",
    note=note(
        "normalization",
        "The end marker and a database row run on after the signer's name on its line (HOAGLAND NNNN "
        "2005-10-20 and the row's subject) are kept in the closer as fw type=\"wrapper\"; the name signs.",
    ),
)
def name_marked_row(line: str) -> int | None:
    """``HOAGLAND NNNN 2005-10-20 TAJIKISTAN: AMBASSADOR ZARIPOV COUNSELS NO SHARP RESPONSE …``:
    the last line is a name, the end marker NNNN, and a database row's date and subject; the
    stamp begins after the name."""
    return _marked_row_at(line)
