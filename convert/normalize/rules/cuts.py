"""Stage "blocks", chain ``blocks.cut``: a text line of the body that holds a mark of the
transmission (SIPDIS, an end marker, a distribution block, a media partner's copy of the
preamble) or a heading run into the text, cut in pieces (each rule in turn, over the text
pieces the rules before it left: SIPDIS and a glued heading in one line). The chain is made in
:mod:`convert.normalize.rules.blocks`; its rules are here, in their order.
"""

from __future__ import annotations

import re

from ..banner import BANNER_LEVEL
from ..parsed import Anchored, Furniture, Line
from .blocks import CUT, PARA_START, ends_sentence, para_start, terminal
from .dashnames import TITLE_MAX as _TITLE_MAX
from .dashnames import rule_runs
from .ruler import note
from .runs import DASH_RULE, END_LABEL, TITLE_LIMIT

# ---------------------------------------------------------------- lines cut
#: SIPDIS as the transmission wrote it, or as a copy that set the text in lower or sentence case
#: has it (``Sipdis``, ``sipdis``: 08BEIJING1454)
_SIPDIS = r"(?:SIPDIS|Sipdis|sipdis)"
#: (not the word a sentence names: ``Please use the caption SIPDIS in all replies``, 10STATE16220; ``Please
#: include SIPDIS in all replies``, 08STATE128877 and 4 pages more)
_HANDLING_WORD = re.compile(
    rf"(?<!\S)(?<!caption )(?<!CAPTION )(?<!include )(?<!INCLUDE ){_SIPDIS}(?:\s+{_SIPDIS})*(?!\S)"
)
_HANDLING_LINE = re.compile(rf"^\s*{_SIPDIS}(?:\s+{_SIPDIS})*\s*$")


def _mark(text: str) -> Furniture:
    return Furniture("mark", tuple(("handling", word) for word in text.split()))


@CUT.rule(
    "handling-word",
    trigger=("SIPDIS", "Sipdis", "sipdis"),
    note=note(
        "normalization",
        "The handling word SIPDIS, inserted by the transmission system into the text (a line of its own, "
        "or at the start or end of a line, in mid-sentence), is kept as fw type=\"handling\" out of the "
        "text flow.",
    ),
)
def handling_word(line: str) -> list[Line] | None:
    """``… arrives in Beirut`` / ``SIPDIS May 1 because …``: the word SIPDIS in a line of the
    body (alone, or run into a sentence where the copy lost the line break around it) is a
    handling mark, not text; so is ``Sipdis`` in a copy set in sentence case (``… steps to
    conceal the`` / ``Sipdis`` / ``true nature of the site.``, 08BEIJING1454)."""
    if _HANDLING_LINE.match(line):
        return [_mark(line)]
    if _HANDLING_WORD.search(line) is None:
        return None
    pieces: list[Line] = []
    start = 0
    for match in _HANDLING_WORD.finditer(line):
        before = line[start : match.start()].strip()
        if before:
            pieces.append(Anchored(before) if not start and isinstance(line, Anchored) else before)
        pieces.append(_mark(match.group()))
        start = match.end()
    rest = line[start:].strip()
    if rest:
        pieces.append(rest)
    return pieces or None


_GLUED_END = re.compile(
    r"(?<=\S)\s+(?P<end>NNNN)(?:\s+(?P<text>End Cable Text))?"
    r"(?:\s+(?P<footer>\d{4}[A-Z]{4,}\d+\s*-\s*Classification:.*?))?\s*$"
)


@CUT.rule("glued-end-marker", after="handling-word", trigger=("NNNN",))
def glued_end_marker(line: str) -> list[Line] | None:
    """``… END COMMENT. HOAGLAND NNNN``: the end marker run on at the end of the last line is a
    line of its own (the closing stage then keeps it in the closer, and finds the signer)."""
    match = _GLUED_END.search(line)
    if not match:
        return None
    head = line[: match.start()]
    rest = [x for x in (match["end"], match["text"], match["footer"]) if x]
    return [Anchored(head) if isinstance(line, Anchored) else head, *rest]


#: a name as cables sign it (one or two capitalised words) with a database export's stray
#: quotation mark after it on the same line (curled where a word processor saved the text)
_NAME_QUOTE = re.compile(r"^\s*(?P<name>[A-Z][A-Za-z'-]+(?:\s[A-Z][A-Za-z'-]+)?)\s+(?P<quote>[\"\u201c\u201d])\s*$")


@CUT.rule("name-stray-quote", after="glued-end-marker", trigger=('"', "\u201c", "\u201d"))
def name_stray_quote(line: str) -> list[Line] | None:
    """``WARE "``: the quotation mark a database export (a CSV row's closing quote) left after
    the signer's name, on the name's line, is a line of its own (the closing stage then keeps it
    in the closer, and finds the signer)."""
    match = _NAME_QUOTE.match(line)
    return [match["name"], match["quote"]] if match else None


#: a media partner's stamp before its copy: the end of its preview cut short (``C..``), row
#: number, date, time, cable id (each optional), and after the id the row's origin and
#: classification columns, two spaces or more apart (``65298  2006-05-24  06THEHAGUE1184  Embassy
#: The Hague  CONFIDENTIAL    C O N F I D E N T I A L …``)
STAMP = re.compile(
    r"\s*(?:[^\s.]{1,20}(?:\.{2,}|…)\s*)?(?:\d{1,7}\s+)?(?:\d{1,2}/\d{1,2}/\d{4}\s+|\d{4}-\d{2}-\d{2}\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?\s+)?"
    r"(?:\d{2}[A-Z]{2,}\d+\s+(?:(?:Embassy|Consulate|Mission|USUN|US Mission|US Office|American Institute)"
    r"(?: [A-Z][A-Za-z.'-]*){0,4}  ++(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)[A-Z/ ]*?  ++)?)?"
)
#: the banner's message reference after its level (``SECTION 01 OF 03 KYIV 001627``)
COPY_REF = re.compile(r"\s*(?:SECTION\s+\d{1,3}\s+OF\s+\d{1,3}\s+)?[A-Z][A-Z .'-]{0,30}?\s\d{5,6}\b")
COPY_FIELD = re.compile(r"\bE\.\s?O\.\s*1\d{4}|\bTAGS:")
def copy_start(text: str) -> int | None:
    """Where the banner begins when ``text`` begins with a copy of the preamble run together on
    one line (a stamp, then banner level, message reference, and the E.O. or TAGS field within
    200 characters of it); None when it does not."""
    stamp = STAMP.match(text)
    at = stamp.end() if stamp else 0
    rest = text[at:]
    level = BANNER_LEVEL.match(rest)
    if not level or not COPY_REF.match(rest, level.end()):
        return None
    fields = COPY_FIELD.search(rest, level.end())
    return at if fields is not None and fields.start() <= 200 else None


#: where the first numbered paragraph starts after the copied fields
COPY_PARA = re.compile(r"(?<=\s)(?:¶\s*)?\d{1,3}\s?\.\s*\((?:[A-Z]{1,4}(?:[/ -]+[A-Z]{1,8}){0,4})\)")


@CUT.rule("preamble-copy", before="handling-word", trigger=("E.O", "E. O", "TAGS:"))
def preamble_copy(line: str) -> list[Line] | None:
    """``C O N F I D E N T I A L MOSCOW 000468 SENSITIVE E.O. 12958: … TAGS: PINR RS 1. (SBU) …``:
    a media partner's second copy of the preamble, run together on one line in the body (after
    its stamp, if any: ``14:25``, ``23064 11/19/2004 15:41 04BRUSSELS4944``), is a wrapper line
    (fw type="wrapper"); a numbered paragraph run on after it goes on as text."""
    start = copy_start(line)
    if start is None:
        return None
    fields = COPY_FIELD.search(line, start)
    para = COPY_PARA.search(line, fields.end()) if fields else None
    copy = line[: para.start()].rstrip() if para else line.strip()
    pieces: list[Line] = [Furniture("mark", (("wrapper", copy.strip()),))]
    if para:
        pieces.append(line[para.start() :])
    return pieces


#: an old-style distribution line: ``ACTION EUR-00``, ``INFO LOG-00 NP-00 …``, or the
#: transmission rule ``------------------71B573 082032Z /38`` that closes the block
_DISTRIBUTION = re.compile(
    r"^\s*(?:(?:ACTION|INFO)\s+[A-Z]{1,6}-\d\d\b|[A-Z]{1,6}-\d\d\s+[A-Z]{1,6}-\d\d\s+[A-Z]{1,6}-\d\d\b"
    r"|-{4,}\s*[0-9A-F]{6}\s+\d{6}Z\s*/\d+|(?:[A-Z]{1,6}-\d\d\s+)+/\d{3}W\b|/\d{3}W\s*$"
    r"|(?:(?:UNCLASSIFIED|CONFIDENTIAL|SECRET)\s+)?(?:[OPRZ]\s+)+\d{6}Z\s+[A-Z]{3}\s+\d{2}\s+(?:ZDK\s+)?FM\s+[A-Z])"
)


#: how the block's count of copies ends (``/053W``), alone on its line when the INFO codes wrapped
_COUNT_ENDS = tuple(f"{digit}W" for digit in "0123456789")


@CUT.rule("distribution-block", before="preamble-copy", trigger=("-0", "-1", "----", "Z ", *_COUNT_ENDS))
def distribution_block(line: str) -> list[Line] | None:
    """``ACTION EUR-00`` / ``INFO LOG-00 NP-00 AID-00 … /009W ------71B573 082032Z /38 O
    071013Z MAR 02 FM AMEMBASSY ROME TO …``, ``P 121721Z MAY 03 FM AMEMBASSY ROME TO …``, the count
    ``/017W`` alone on its line (the INFO codes wrapped before it, 02ROME3639, 91BERLIN3009): an
    old-style record's distribution block and the routing that runs on after it, repeated in
    the text at each section, are a transmission mark (fw type="transmission"), not text."""
    if not _DISTRIBUTION.match(line):
        return None
    return [Furniture("mark", (("transmission", line.strip()),))]




#: where the last sentence of a line ends (a title may follow it, or a title that goes on from
#: the one before: ``… discussing." ...And Rejected -----``)
_SENTENCE_END = re.compile(r"[.!?:;\"')\]\u201d\u2019]\s+(?=[A-Z\"\u201c(]|(?:\.{3}|\u2026)[A-Z])")


#: a sentence's last words before a title on a short line: two words or more, the last of five
#: letters or more in lower case (``German offer. RECOMMENDATIONS``; not ``Corruption vs.
#: Inefficiency``, ``U.S. Policy``)
_FRAGMENT = re.compile(r"^\S+\s.*?[A-Za-z]{4,}[a-z][.!?]\s+(?=[A-Z\"\u201c(])")


def _ends_sentence_first(pre: str) -> bool:
    """Whether a short line ends a sentence before its title: it begins in lower case (the rest
    of the line before it), or a sentence's last words come first (the rest of the line before
    a page break: ``German offer. RECOMMENDATIONS -----``)."""
    return pre[:1].islower() or bool(_FRAGMENT.match(pre))


#: a span's end label before a title on the rule's line (``END SUMMARY PRESS SPOTLIGHTS …
#: -----``, ``End Summary.  Moussavi: Admirable but Unknown -----``): the title starts after it
_END_LABEL = re.compile(r"\b" + END_LABEL + r"\s+(?=\S)")


def _after_end_label(pre: str) -> int | None:
    """Where a title starts after the last span's end label in ``pre``: the rest is a short run
    of words (80 characters and 12 words at most) with no sentence's end in it; None else."""
    label = None
    for found in _END_LABEL.finditer(pre, max(0, len(pre) - 120)):
        label = found
    if label is None:
        return None
    rest = pre[label.end() :]
    if len(rest) > 80 or len(rest.split()) > 12 or _SENTENCE_END.search(rest.replace(": ", " ")):
        return None
    return label.end()


def _title_start(pre: str, rule_at: int) -> int | None:
    """Where the title before a rule starts in ``pre`` (the line's text before the rule):
    the whole of a short line that does not end a sentence first, else the words after its
    last sentence (``… the meeting.
    Afghanistan -----``); ``rule_at`` when the rule follows text with no title (``… End
    Summary. -----``); None when that cannot be told."""
    if not pre:
        return rule_at
    if _numbered_title(pre):
        return rule_at  # ``3. (C) THREE-STAGE TALKS, BUT WITH WHOM? -----``: the paragraph's own title over its rule
    after_label = _after_end_label(pre)
    if after_label is not None:
        return after_label
    if len(pre) <= _TITLE_MAX and not para_start(pre) and not ends_sentence(pre) and not _ends_sentence_first(pre):
        return 0  # a short line, all title
    if len(pre) <= TITLE_LIMIT and pre.isupper() and not para_start(pre) and not _SENTENCE_STOP.search(pre):
        return 0  # a long title in capitals, no sentence's stop in it (``… UNION (ITU) MATTERS …``, 09LONDON2119)
    if ends_sentence(pre):
        return rule_at
    ends = list(_SENTENCE_END.finditer(pre))
    tail = pre[ends[-1].end() :] if ends else ""
    if tail and len(tail) <= 80 and len(tail.split()) <= 12 and not tail.lower().startswith("end "):
        return _before_colon(pre, ends)
    if terminal(pre) or tail.lower().startswith("end "):
        return rule_at
    return _title_run(pre)


#: a sentence's stop anywhere (not an initialism's: ``U.S.``)
_SENTENCE_STOP = re.compile(r"(?<!\.[A-Z])[.!?](?:\s|$)")
#: a sentence's end inside a title (a stop, not an initialism's; ``!`` or ``?``), a space after it
_STOP_INSIDE = re.compile(r"(?<![A-Z])[.!?]\s+\S")


def _numbered_title(pre: str) -> bool:
    """Whether ``pre`` is a numbered paragraph's number and marking and then only a title (``3. (C)
    THREE-STAGE TALKS, BUT WITH WHOM?``, ``4. (SBU) WANTED: STRIPED SHIRT WITH BLUE HELMET``,
    08ASMARA249): short, no sentence ending inside it or at its end."""
    start = PARA_START.match(pre)
    if not (start and para_start(pre)):
        return False
    title = pre[start.end() :].strip()
    return 0 < len(title) <= _TITLE_MAX and not ends_sentence(title) and not _STOP_INSIDE.search(title)


#: a stop that ends an initialism (``U.S.``), not always a sentence
_INITIALISM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}$")


def _before_colon(pre: str, ends: list[re.Match[str]]) -> int:
    """Where a title starts whose last sentence end is a colon or an initialism's stop inside it
    (``… illegal activity. Twenty-Five Years: But Not a Happy Birthday -----``, 09SAOPAULO200;
    ``… Shia majority. CENSORSHIP AND U.S. FIRMS = = = =``, 10MANAMA52): at the sentence end
    before (a stop or a closing quote), when the words between are a title's (capitalised, at
    most six); else after the colon or stop."""
    start, last = ends[-1].end(), ends[-1].start()
    inside = pre[last] == ":" or (pre[last] == "." and _INITIALISM.search(pre, 0, last + 1) is not None)
    if not inside or len(ends) < 2 or pre[ends[-2].start()] not in ".!?\"\u201d":
        return start  # (the words after the last sentence end or colon)
    head = pre[ends[-2].end() : ends[-1].start()].split()
    return ends[-2].end() if 0 < len(head) <= 6 and all(_TITLE_WORD.match(w) for w in head) else start


#: a title's words: capitalised (``Shah``, ``"Info``, ``(SOCAR)``, ``XXXXXXXXXXXX``, ``2009``),
#: or the short words a title keeps in lower case
_TITLE_WORD = re.compile(
    r"^(?:[\"\u201c(]?[A-Z0-9]\S*(?<![.!?:;])|(?:[A-Z]\.)+|a|an|and|as|at|by|for|from|in|of|on|or|the|to|vs\.?|with)$"
)
_SMALL_WORDS = frozenset("a an and as at by for from in of on or the to vs vs. with".split())


def _title_run(pre: str) -> int | None:
    """Where a title starts that runs on from a sentence with no full stop (``… would be
    severely limited Shah Deniz Production Also Down``) or from a last sentence too long for
    ``_title_start``: the words after the last lower-case word or sentence end (``U.S.`` is
    none), all capitalised but for small words, two capitalised at least, at most 100
    characters; None when there is no such run."""
    words = list(re.finditer(r"\S+", pre))
    at = len(words)
    while at > 0 and _TITLE_WORD.match(words[at - 1].group()):
        at -= 1
    while at < len(words) and words[at].group() in _SMALL_WORDS:
        at += 1  # a title starts with a capitalised word
    run = words[at:]
    if not run or run[0].start() < _TITLE_MAX or sum(1 for w in run if w.group() not in _SMALL_WORDS) < 2:
        return None  # a title's length or less before it (a long title: ``G8 … against the …``), one word
    if len(pre) - run[0].start() > _TITLE_MAX:
        return None
    return run[0].start()


@CUT.rule(
    "glued-heading",
    after="handling-word",
    trigger=("----", "- - -", "= = ="),
)
def glued_heading(line: str) -> list[Line] | None:
    """``… the end. ----- Corruption vs. Inefficiency -----`` and ``COMMENT ------- 12. (C) …``:
    a heading set between or beside dashed rules, run into the end of a paragraph or the start
    of the next (a copy that lost its line breaks), is a line of its own; so is a rule run
    into the text before or after it. Where no sentence ends before the title (``… would be
    severely limited Shah Deniz Production Also Down -----``), the title is the capitalised
    words after the last lower-case one; after a span's end label (``End Summary.  Moussavi:
    Admirable but Unknown -----``, ``END SUMMARY PRESS SPOTLIGHTS … -----``) it is the words
    after the label. Spaced equals signs are such a rule too (``… Shia majority. CENSORSHIP AND
    U.S. FIRMS = = = = =``, 10MANAMA52)."""
    return _cut_heading(line, 0)


#: a redaction first in a title, then the title's words
_REDACTION_FIRST = re.compile(r"X{4,}\s+(?=\S)")


def _past_redaction(line: str, start: int, rule: re.Match[str]) -> int:
    """Where a title starts that a redaction stands before (``… bankroll the party. XXXXXXXXXXXX Al Mustaqbal
    ------------``, 08MANAMA592): past the redaction when the rule is as long as the words after it, as a
    typed underline is (the redaction ends the sentence before); else ``start``."""
    first = _REDACTION_FIRST.match(line, start)
    if first is None or first.end() >= rule.start():
        return start
    title = line[first.end() : rule.start()].rstrip()
    return first.end() if len(rule.group().strip()) == len(title) else start


#: a title after a rule, glued by a hyphen or two to the next paragraph's number and marking
#: (``----- Candidate for Governor Offers a Critique-14.  (U)  Ambassador …``: the rule after the
#: title lost but its last dash): capitalised words with no sentence's end, then the hyphen
_HYPHEN_TITLE = re.compile(
    r"[A-Z][^.!?:;\-]{3,100}+(?<=[A-Za-z)])-{1,2}(?=(?:¶\s*)?\d{1,3}\.\s{1,3}\((?:U|C|S|SBU|TS)\b)"
)


def _cut_heading(line: str, depth: int) -> list[Line] | None:
    """``glued-heading`` on ``line``, cutting what follows a heading again (at most 20 deep)."""
    if DASH_RULE.match(line):
        return None
    runs = rule_runs(line)
    if not runs:
        return None
    first = runs[0]
    pre = line[: first.start()].rstrip()
    if len(runs) >= 2 and 0 < len(line[first.end() : runs[1].start()].strip()) <= _TITLE_MAX:
        end = runs[1].end()  # ----- Title -----
        start: int | None = first.start() if pre else 0
    else:
        end = first.end()
        start = _title_start(pre, first.start())
    if start is None:
        return None
    start = _past_redaction(line, start, first)
    post = line[end:].strip()
    if post[:1] in (",", ";"):
        return None  # ``… what fate awaits -------------- , though …`` (05VILNIUS732): dashes in a sentence's place
    glued = _HYPHEN_TITLE.match(post)
    pieces: list[Line] = []
    if start:
        pieces.append(line[:start].rstrip())
    pieces.append(line[start:end].strip())
    if glued and start == first.start() and end == first.end():  # ----- Title-14. (U) …
        pieces.extend((post[: glued.end()], post[glued.end() :]))
    elif post:
        pieces.extend((_cut_heading(post, depth + 1) if depth < 20 else None) or [post])
    if len(pieces) == 1:
        return None
    if isinstance(line, Anchored):
        pieces[0] = Anchored(pieces[0])
    return pieces
