"""Stage "closing": what follows the text (end markers, trailing classification lines,
footers, wrapper lines) and the signature.

Chains (run by :mod:`convert.normalize.closing`; :mod:`.endings` adds what an export left
after the message):

- ``closing.lines`` ``(line, paragraph) -> type | None``: the last line of the last
  paragraph is a closing line of this type (first match); repeated from the end.
- ``closing.signature`` ``(paragraph, texts) -> (kept, name) | None``: the signer's name at
  the end (first match); ``kept`` is what stays of the last line (None: the line goes).
- ``closing.twice`` ``(name, line) -> bool``: the line before the signature is the name again.
- ``closing.doubled`` ``(name) -> (first, second) | None``: the signature's line holds the name
  twice (``BOYCE BOYCE``): the two names as written, the second with the spaces before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..banner import CLASSIFICATION_LINE
from ..parsed import Paragraph
from .blocks import terminal
from .fields import is_wrapper
from .groups import is_group
from .names import CAPITAL_WORD, CAPS_WORD, NAME_WORD, REDACTED, SENTENCE_END, after_unfinished, is_name, words
from .ruler import Chain, note
from .runs import DASH_RULE, figures_row

LINES: Chain[Callable[[str, Paragraph], str | None]] = Chain(
    "closing.lines", "closing", "The last line of the last paragraph: a closing line? (first match)"
)
SIGNATURE: Chain[Callable[[Paragraph, list[str]], tuple[str | None, str] | None]] = Chain(
    "closing.signature", "closing", "The signer's name at the end of the text (first match)."
)
TWICE: Chain[Callable[[str, str], bool]] = Chain("closing.twice", "closing", "Above the signature: the name again?")
DOUBLED: Chain[Callable[[str], tuple[str, str] | None]] = Chain(
    "closing.doubled", "closing", "The signature's line: the name written twice on it? (first match)"
)
END_MARKER = re.compile(r"^\s*(?:NNNN?|BT|={3,}\s*CABLE ENDS?(?:\s*={3,})?|#+|End Cable Text)\s*$", re.I)
_SBU_LINE = re.compile(r"^\s*SENSITIVE BUT UNCLASSIFIED\s*$")
#: ``2003ROME02045 - Clas"<tab>"sification: …``: a cell boundary may split the word, or come first (06ROME439)
FOOTER = re.compile(
    r"^\s*+(?:NNNN\s+)?(?:>|\d{4}[A-Z]{4,}\d+\s*-\s*Clas(?:\"\s*\")?sification:|(?:\"\s++)?Classification:)", re.I
)


@LINES.rule(
    "end-marker",
    note=note(
        "normalization",
        "End-of-message markers after the text (NNNN or NNN, BT, ###, ===CABLE ENDS===, End Cable Text) are kept in "
        "the closer as fw type=\"end-marker\", out of the text flow.",
    ),
)
def end_marker(line: str, para: Paragraph) -> str | None:
    """``NNNN`` (``NNN`` in older telegrams), ``BT``, ``###``, ``=== CABLE ENDS ===``,
    ``End Cable Text``: the end of the message."""
    return "end-marker" if END_MARKER.match(line) else None


@LINES.rule(
    "classification-line",
    note=note(
        "normalization",
        "A classification line after the text (the page's bottom marking) is kept in the closer as "
        "fw type=\"classification\", out of the text flow.",
    ),
)
def classification_line(line: str, para: Paragraph) -> str | None:
    """``CONFIDENTIAL``, ``UNCLASSIFIED//FOUO``, ``SENSITIVE BUT UNCLASSIFIED`` (a word
    processor's page footer, 09REYKJAVIK49): the classification repeated at the end."""
    return "classification" if CLASSIFICATION_LINE.match(line) or _SBU_LINE.match(line) else None


@LINES.rule(
    "footer",
    note=note(
        "normalization",
        "A media partner's footer after the text (> …, Classification: …) is kept in the closer as "
        "fw type=\"footer\", out of the text flow.",
    ),
)
def footer(line: str, para: Paragraph) -> str | None:
    """``> …``, ``2005CARACA02404 - Classification: …``: a media partner's footer (also after
    the end marker on its line: ``NNNN  2005ROME01593 - Classification: SECRET``)."""
    return "footer" if FOOTER.match(line) else None


_STRAY = re.compile(r"^\s*[.\"'\u2026,\u201c\u201d\u2018\u2019/]{1,3}\s*$")


def _unstrayed(para: Paragraph) -> list[str]:
    """The paragraph's text lines, the stray lines just before its last left out (a column of
    them: ``van Voorst`` / ``/`` / ``/`` …, 08REYKJAVIK52; ``AGUIRRE`` / ``/`` / ``/``)."""
    texts = [x for x in para.lines if isinstance(x, str)]
    end = len(texts) - 1
    while end > 0 and _STRAY.match(texts[end - 1]):
        end -= 1
    return texts[:end] + texts[-1:]


@LINES.rule(
    "stray-punctuation",
    note=note(
        "normalization",
        "A line of one or two punctuation marks after the end of the message (a quotation mark, a full stop "
        "or a slash left by a database export) is kept in the closer as fw type=\"wrapper\".",
    ),
)
def stray_punctuation(line: str, para: Paragraph) -> str | None:
    """``"`` or ``...`` alone after ``=====CABLE ENDS=====`` or the signer's name: what a
    database export left after the message (a line of its own, or after a name; a column of
    them, ``van Voorst`` / ``/`` / ``/`` …, 08REYKJAVIK52)."""
    if not (_STRAY.match(line) and para.n is None):
        return None
    texts = _unstrayed(para)
    return "wrapper" if len(texts) < 2 or is_name(texts[-2]) or _signs(para, texts[:-1]) else None


def _signs(para: Paragraph, texts: list[str]) -> bool:
    """Whether a signature rule finds the name that ends ``texts`` (the lines before a stray one:
    ``…Website: XXXXXXXXXXXX******** HENZEL`` / ``...``, 08MANAMA486)."""
    return any(rule.fn(para, texts) is not None for rule in SIGNATURE)


@LINES.rule(
    "stray-after-signer",
    after="stray-punctuation",
    note=note(
        "normalization",
        "A line of one or two punctuation marks after the signer's name at the end of a numbered paragraph "
        "(a quotation mark left by a database export) is kept in the closer as fw type=\"wrapper\".",
    ),
)
def stray_after_signer(line: str, para: Paragraph) -> str | None:
    """``5. (U) This cable has been cleared by Embassy Rome.`` / `` Perez`` / ``"``: the
    export's quotation mark after a name that signs the last numbered paragraph (a name on its
    own line after the paragraph's last sentence, or after it on the same line: ``… End
    comment. CRETZ``)."""
    if not _STRAY.match(line) or para.n is None or para.items:
        return None
    texts = _unstrayed(para)
    return "wrapper" if len(texts) >= 2 and _signs(para, texts[:-1]) else None


@LINES.rule(
    "wrapper-line",
    note=note(
        "normalization",
        "A media partner's or an archive's line after the text (a dateline, a stamp, a database mark) is "
        "kept in the closer as fw type=\"wrapper\", out of the text flow.",
    ),
)
def wrapper_line(line: str, para: Paragraph) -> str | None:
    """A wrapper line (a dateline, a NARA stamp, ``<<12345>>``) at the end of an unnumbered
    paragraph."""
    return "wrapper" if para.n is None and para.marking is None and is_wrapper(line) else None


# ---------------------------------------------------------------- the signature
#: a post's trailer line: "Visit … Classified Website", its address (its end ``. cfm`` alone where
#: the rest of the trailer is withheld: ``¶16. (C) XXXXXXXXXXXX. cfm Tuttle``, 07LONDON3923)
TRAILER = re.compile(r"Classified Web ?Site|https?://|\bwww\.|(?:index)?\. ?c ?fm\b|\*{5,}", re.I)


def may_trail(text: str) -> bool:
    """False where ``TRAILER`` cannot match: every match holds one of these (lower-cased, none
    with an i, k or s, which ``re.I`` also matches as ı, K and ſ); the pattern, with no prefix
    ``re`` can skip to, is tried at every position of a line that may be a paragraph long."""
    low = text.lower()
    return "web" in low or "http" in low or "www." in low or "fm" in low or "*****" in low


@SIGNATURE.rule("trailer-signature")
def trailer_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… Visit Paris' Classified Website at: http://…/index.cfm`` / ``Hofmann``: a name on
    the last line after a post's "Visit our Classified Website" trailer or a URL, or at the end
    of the trailer's line (``…Website: XXXXXXXXXXXX******** ERELI``)."""
    if para.items:
        return None
    line = texts[-1]
    if len(texts) >= 2 and is_name(line) and may_trail(texts[-2]) and TRAILER.search(texts[-2]):
        return None, line
    if len(texts) >= 3 and is_name(line) and DASH_RULE.match(texts[-2]) and TRAILER.search(texts[-3]):
        return None, line  # under the rule that closes the trailer (``name-under-trailer``)
    ends = [m.end() for m in TRAILER.finditer(line)] if may_trail(line) else []
    if not ends:
        return None
    for match in _NAME_AT_END.finditer(line, ends[-1]):  # the first words after the trailer that are a name
        if is_name(match["name"]):
            return line[: match.start("name")].rstrip(), line[match.start("name") :].strip()
    return None


#: a redaction glued to the name after it at the end of the line (``Website: XXXXXXXXXXXXTUTTLE``);
#: the name's first word is no X (the redaction's own letter) and may be an initial
_GLUED_NAME = re.compile(
    rf"(?:^|(?<=\s))(?:X{{4,}}|x{{4,}})(?P<name>[A-WYZ][A-Za-z'’-]*(?:\s+{CAPITAL_WORD}){{0,2}})\s*\.?\s*$"
)


@SIGNATURE.rule(
    "redaction-glued-signature",
    after="trailer-signature",
    note=note(
        "normalization",
        "A redaction run together with the signer's name after it (Website: XXXXXXXXXXXXTUTTLE: a withheld "
        "address with the line break after it lost) is read as the redaction and the name: the signer is the "
        "name, the redaction stays a gap in the text before it; the signature is marked rend=\"run-on\" "
        "(one token in the source).",
    ),
)
def redaction_glued_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``Visit London's Classified Website: XXXXXXXXXXXXTUTTLE``: a run of X's (the withheld
    address) glued to a name at the end of the text's last line. The name signs when it is
    written in capitals or the line is a post's trailer (a name in mixed case glued to a
    redaction in running text is not taken)."""
    if para.items:
        return None
    line = texts[-1]
    if "XXXX" not in line and "xxxx" not in line:
        return None  # (every match holds one: the pattern, with no prefix, is tried at every position)
    found = _GLUED_NAME.search(line)
    if found is None or not is_name(found["name"]):
        return None
    if not (found["name"].isupper() or (may_trail(line) and TRAILER.search(line, 0, found.start()))):
        return None
    return line[: found.start("name")], line[found.start("name") :].strip()


_NAME_AT_END = re.compile(rf"(?<=\s)(?=(?P<name>{words(CAPITAL_WORD)})\s*\.?\s*$)")


def _has_lower(text: str) -> bool:
    return any(map(str.islower, text))


def _ends_redacted(line: str) -> bool:
    """Whether the line ends with a redaction (``… or Email: XXXXXXXXXXXX``): a name may sign
    after it, as after a finished sentence."""
    words = line.split()
    return bool(words) and bool(REDACTED.fullmatch(words[-1].rstrip(".)")))


def after_text(prev_end: str, line: str) -> bool:
    """Whether a name line may sign after ``prev_end``: a finished sentence, an end label
    (``END TEXT``, ``END COMMENT``, with no full stop), a redaction, or (a name in capitals) a
    line of mixed-case text or of figures (06BOGOTA405's totals row, 10SANJOSE118's telephone),
    or a downgrading group (``GP-3``), or (one surname in mixed case) prose whose full stop is lost."""
    return (
        terminal(prev_end)
        or _ends_redacted(prev_end)
        or (line.isupper() and (_has_lower(prev_end) or figures_row(prev_end)))
        or bool(_END_OF.search(prev_end))
        or is_group(prev_end)  # the 1960s downgrading group above the name: ``GP-3`` / ``LODGE``
        or after_unfinished(prev_end, line)
    )


@SIGNATURE.rule("signature-line")
def signature_line(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """A name on the text's last line: alone in an unnumbered block (``PICCUTA``) or on the line
    after an empty paragraph number (``¶18.`` / ``Creamer``), or after
    the last sentence of the paragraph, a redaction, or (a name in capitals) a line of
    mixed-case text."""
    line = texts[-1]
    # (also alone after an empty paragraph number: ``¶18.`` / ``Creamer``)
    empty_before = not any(t.strip() for t in texts[:-1])
    only_line = empty_before and not para.items and (para.n is None or len(texts) > 1)
    prev_end = texts[-2] if len(texts) >= 2 else ""
    if is_name(line) and (only_line or (not para.items and after_text(prev_end, line))):
        return None, line
    return None


#: (a ``#`` glued before the name: ``… on a case-by-case basis. #ERELI``, Manama's cables of 2009)
_INLINE_SIGNER = re.compile(rf"(?<={SENTENCE_END})\s+#?(?P<name>{words(CAPITAL_WORD)})\s*(?P<tail>\.?\s*#*)\s*$")
#: a title's full stop (``Dr.``) is no sentence's end: the words after it are the titled person's name
_TITLE_END = re.compile(r"(?<![A-Za-z])(?:Dr|Mr|Mrs|Ms|Messrs|Prof|Amb|Gen|Col|Sen|Rep|Gov|Hon|Rev)\.$")
#: the words in capitals that end a name written in mixed case (``Ayman Nour SCOBEY``)
_CAPS_TAIL = re.compile(rf"\s(?P<caps>{CAPS_WORD}(?:\s+{CAPS_WORD})*)$")
_END_OF = re.compile(r"(?:END\s+(?:OF\s+)?(?:COMMENT|SUMMARY|TEXT)|MINIMIZE\s+CONSIDERED)\s*\.?\)?\s*$", re.I)


@SIGNATURE.rule("inline-signature", after="signature-line")
def inline_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… END COMMENT. NICHOLSON``: a name after the last sentence, on the same line. After a
    title (``Faithfully, Dr. Ayman Nour SCOBEY``: a quoted letter's signature run into the
    cable's) the words after the title are the titled person's name; only the words in capitals
    that end it sign the cable (none: no signer here)."""
    if para.items:
        return None
    line = texts[-1]
    match = _INLINE_SIGNER.search(line)
    if not match or not is_name(match["name"]):
        return None
    name = match["name"]
    before = line[: match.start()]
    if _TITLE_END.search(before):  # ``Dr. Ayman Nour SCOBEY``: the title's person, then the signer
        caps = _CAPS_TAIL.search(name)
        if caps is None or not _has_lower(name[: caps.start()]):
            return None
        at = match.start("name") + caps.start()
        before, name = line[:at], caps["caps"]
        return (before, line[at:].strip()) if is_name(name) else None
    if not name.isupper() and re.search(r"(?<![A-Za-z])[A-Z][a-z]+\s+[A-Z]\.$", before):
        return None  # (``… RSO Peshawar, David J. Hazarian``: a middle initial's stop, not a sentence's end)
    body_text = " ".join(texts)
    lowers = sum(map(str.islower, body_text))
    letters = sum(map(str.isalpha, body_text)) or 1
    if name.isupper() and lowers / letters > 0.3:
        pass  # a capitalised name closing mixed-case text
    elif _END_OF.search(before):
        pass
    elif not name.isupper() and lowers / letters < 0.3:
        pass  # a mixed-case name after all-caps text
    elif not match["tail"].strip():
        pass  # a name with no full stop after the last sentence: … in Burma. Martinez
    elif match["tail"].strip() == "." and " " not in name:
        pass  # one name and its full stop after the last sentence: … mission completed. Scobey.
    else:
        return None
    return before, line[match.start() :].strip()


#: the Minimize notice that closes a cable sent while traffic is restricted, then the name
_MINIMIZE_SIGNER = re.compile(rf"\bMINIMIZE\s+CONSIDERED\s*\.?\s+(?P<name>{words(CAPITAL_WORD)})\s*\.?\s*$")


@SIGNATURE.rule("minimize-signature", after="inline-signature")
def minimize_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… cleared this message. MINIMIZE CONSIDERED MURRAY .``: the notice that the sender
    weighed the Minimize restriction on traffic ends the text, and the name after it on the
    same line signs (on a line of its own it is the ``signature-line`` case: the notice ends
    the text as an end label does). The notice stays in the paragraph."""
    if para.items:
        return None
    line = texts[-1]
    match = _MINIMIZE_SIGNER.search(line)
    if match is None or not is_name(match["name"]):
        return None
    return line[: match.start("name")].rstrip(), line[match.start("name") :].strip()


@SIGNATURE.rule("repeated-signature", after="signature-line")
def repeated_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… report any new information as it develops.`` / ``RICE`` / ``RICE``: the name on the
    paragraph's last two lines, after its last sentence (or alone in an unnumbered block), is
    the signature written twice; both lines are signature lines (the earlier one is taken by
    ``closing.twice``)."""
    if para.items or len(texts) < 2 or not is_name(texts[-1]):
        return None
    if texts[-2].strip().upper() != texts[-1].strip().upper():
        return None
    alone = len(texts) == 2 and para.n is None
    if alone or after_text(texts[-3] if len(texts) > 2 else "", texts[-1]):
        return None, texts[-1]
    return None


_DOUBLED = re.compile(
    rf"^(?P<first>\s*(?P<name>{words(NAME_WORD, 2)}))(?P<second>\s+(?P=name))(?P<tail>[\s.#]*)$", re.I
)


@DOUBLED.rule("doubled-name")
def doubled_name(name: str) -> tuple[str, str] | None:
    """``BOYCE BOYCE``, ``KUBISKE KUBISKE``: a signature line that is the same name twice (a
    signature block copied twice onto one line): the signer is the name once (the first copy
    is the ``persName``, the second stays as written after it). Only a name of one or two
    words doubles (``VAN VOORST VAN VOORST``)."""
    found = _DOUBLED.match(name) if len(name) <= 90 else None
    if found is None or not is_name(found["name"]):
        return None
    return found["first"], found["second"] + found["tail"]


@TWICE.rule("duplicate-name")
def duplicate_name(name: str, line: str) -> bool:
    """``MOLLER`` / ``Moller``: the name written twice at the end is two signature lines."""
    return line.strip().upper() == name.strip().upper()


@SIGNATURE.rule("list-signature", after="inline-signature")
def list_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """The text ends in a list item (``-- … with the Obama administration. THORNE``; a
    body of ``(C) …`` items; ``-- … Website: XXXX******** ERELI``): the name after the item's
    last sentence, a trailer or a redaction, as after a paragraph's (a name alone as an item
    is no signature: a list of participants ends so). A name on its own line after the item's
    last sentence (``-- … BANKING REGULATION.`` / ``PEARSON``) is the signature-line case."""
    if not para.items:
        return None
    inner = Paragraph(tuple(texts), n=0)  # numbered: a lone name line is not taken
    for rule in (trailer_signature, redaction_glued_signature, signature_line, inline_signature):
        found = rule(inner, texts)
        if found:
            return found
    return None
