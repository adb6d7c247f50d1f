"""Helpers of stage "blocks" (no rules here): the item labels that start a list, the last
text lines of a run, a run's lines split into the text and its list items, what a line
with a rule or a dashed title holds, and whether a cable is written in mixed case."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from ..parsed import Block, Line, ListItem, PageBreak, Paragraph
from .runin import run_in_series

#: an item's label at a line's start: ``(a)``, ``a)``, ``A.``, ``1)`` (``1).``), ``-``/``--``/``---`` (before a
#: space, or glued to the item's first word: ``-hardliners, such as …``, ``--monitor implementation …``, ``--(C) …``;
#: not ``--- CGT ---``, a title set with dashes), ``*``
ITEM_START = re.compile(
    r"^\s*(?:¶\s*)?(?P<label>\((?:[A-Za-z]|\d{1,2}|[ivx]{1,4})\)|[A-Za-z]\)|[A-Z]\.(?=\s)|\d{1,2}\)(?:\.(?=\s))?|-{1,2}(?=\s)|---(?=\s)(?!.*--\s*$)|--(?=[A-Za-z0-9(])|-(?=[A-Za-z])|[*•o](?=\s))\s*"
)


#: what every match of ``UNDERLINE`` holds (four dashes, equals signs or underscores, or
#: dashes or equals signs between spaces) and every line ``blocks.dashed_title`` reads ("--",
#: "- -", "====" or "= = ="): a line without any is neither
_RULED = ("--", "- -", "==", "__", "= =")
#: a title that is one quotation, its stop inside the marks (``“We are because of you.”`` / ``-----``, 08ISLAMABAD1998)
QUOTED_TITLE = re.compile(r"[\"\u201c][^\"\u201c\u201d]+[.!?][\"\u201d]")
#: the longest title (its words joined) a dashed rule makes a heading (``dashed-heading``)
TITLE_LIMIT = 160


def ruled(text: str) -> bool:
    # (a sign first, then its pairs: a line without a dash or an equals sign, most, is told in three scans, not five)
    return (
        ("-" in text and (_RULED[0] in text or _RULED[1] in text))
        or ("=" in text and (_RULED[2] in text or _RULED[4] in text))
        or _RULED[3] in text
    )


def rule_pattern(rule: str) -> re.Pattern[str]:
    """A line that is a rule of the shape ``rule`` and nothing else: white space around it, and
    the slash a teletype may leave before it (``/----``). The one definition of a rule line;
    its three shapes (any signs mixed, one sign, an underline's runs) differ on purpose."""
    return re.compile(rf"^\s*/?(?:{rule})\s*$")


#: a span's end label (``END SUMMARY``, ``End of Comment.``, ``End Summary and Comment:``):
#: ``run-on-paragraphs`` reads it at a heading's start, ``glued-heading`` before a title
_SPAN = r"(?:summary|comment|note|text|background)"
END_LABEL = rf"(?i:end\s+(?:of\s+)?{_SPAN}(?:\s+and\s+{_SPAN})?)\b[.:]?\)?"
#: a run's last line ending in the word END after a sentence (``… a health-based amnesty. End``)
END_WORD = re.compile(r"(?:^|[.!?)\"'”]\s+)END\s*$", re.I)
#: the label an END closes, alone on a line (``Summary.``, ``COMMENT``, ``Summary and Comment.``)
END_LABEL_LINE = re.compile(
    r"^\s*(?:OF\s+)?(?:SUMMARY|COMMENT|NOTE|INTRODUCTION)(?:\s+AND\s+(?:SUMMARY|COMMENT|INTRODUCTION|ACTION\s+REQUESTS?"
    r"|BACKGROUND|RECOMMENDATIONS?|KEY\s+(?:POINTS|THEMES)))?"
    r"\s*[.:]?\)?\s*$",
    re.I,
)


def closes_end(texts: list[str]) -> bool:
    """The run's last line is the label of the END that ends the line before it (``… End`` /
    ``Summary``): an end marker split over two lines, not a title."""
    return len(texts) >= 2 and bool(END_LABEL_LINE.match(texts[-1])) and bool(END_WORD.search(texts[-2]))


#: a rule of one sign: four or more dashes, equals signs or underscores, spaced as they fall
#: (``(?:-\s*){4,}`` … written out as ``_RULE_LINE``'s signs: the same strings, matched faster),
#: or three dashes spaced (``- - -`` under a title: Embassy New Delhi's and Consulate Lahore's)
DASH_RULE = rule_pattern(r"-\s*-\s*-\s*-[-\s]*|- - -|=\s*=\s*=\s*=[=\s]*|_\s*_\s*_\s*_[_\s]*")
#: a rule that underlines: dashes, equals signs or underscores only, in one run (a run the
#: teletype wrapped goes on after a space, dashes after two: ``----- ---``, ``===== ==``, ``------  -``),
#: or three dashes spaced (``- - -``)
UNDERLINE = rule_pattern(r"-{4,}(?: {1,2}-+)*|(?:-+ ){3,}-*|- - -|={4,}(?: =+)*|(?:=+ ){3,}=*|_{4,}")
#: a paragraph's number opening a line (``¶1.``, ``2)``)
_NUMBERED = re.compile(r"(?:¶\s*)?\d{1,3}\s?[.)]")


def framed(rule: str, title: str) -> bool:
    """A title between rules as long as it is, in whatever case (``-------`` / ``summary`` /
    ``-------``, 09MOSCOW2528; ``- - - - - - - - -`` / ``from bad to worse``, 09ABUJA259: copies
    set in lower case): its rule, within two characters of its length, makes it a title."""
    text = title.strip()
    if len(text) < 3 or text[-1] in ",;" or (text[-1] == "." and "." not in text.split()[-1][:-1]):
        return False  # (a sentence's full stop, not an abbreviation's: ``… criticism of u.s.``)
    if _NUMBERED.match(text):
        return False  # a numbered paragraph between rules keeps its number (``¶1. SUMMARY``, 09HARARE888)
    return abs(len(rule.strip()) - len(text)) <= 2 and DASH_RULE.match(rule) is not None


def measured_title(texts: Sequence[str], rule: str) -> bool:
    """A line that ends in a stop (``Venezuela: Chavez is Worried. So is the Church.`` /
    ``--------------------------------------------- -``, 09VATICAN59) is still a title when the
    rule under it is its length (within two characters) and the line before it ends a sentence:
    a paragraph's last line does not start after a sentence's end, nor is its rule cut to it. A
    line alone at its run's start is one too (``U.S.`` / ``----``, over a list of the delegation's
    members, 09BEIJING2964)."""
    if not texts or DASH_RULE.match(rule) is None:
        return False
    title = texts[-1].strip()
    return (
        3 <= len(title) <= 80
        and title[0].isupper()
        and abs(len(rule.strip()) - len(title)) <= 2
        and (len(texts) == 1 or texts[-2].rstrip()[-1:] in ".!?\"\u201d")
        and _NUMBERED.match(title) is None
        and not title.lower().startswith("end ")  # an end marker underlined (``END COMMENT.``): it closes its span
    )


#: a run of dashes inside a line (``cuts``' rule run on) or setting a title on it: ``UNDERLINE``'s
#: runs of dashes, but a wrapped run goes on after one space only and spaced dashes end in a dash;
#: three spaced dashes too (``Motorcycles for Mangos - - -``, ``- - - Trade - - -``: Embassies New
#: Delhi's and Brasilia's)
DASH_RUN = r"-{4,}(?: -+)*|(?:-+ ){3,}-+|- - -"
#: equals signs between spaces (``BACKGROUND = = = = =``, 10MANAMA55): spaced dashes' twin
SPACED_EQUALS = r"(?:=+ ){3,}=+"
#: a run of dashes or equals signs that sets a title on its line
_RUN = rf"(?:{DASH_RUN}|={{4,}}(?: =+)*|{SPACED_EQUALS})"
#: a title with its dashes on the same line: ``----- Title -----``, ``Title -----``, ``----- Title``,
#: ``Title =====``, ``--  Title -----`` (the last dashes of the rule above, wrapped: 08LONDON1917;
#: no bullet ends in a rule) (read by ``blocks.dashed_title``)
DASHED_TITLE = re.compile(
    rf"^\s*(?:{_RUN}\s*(?P<a>[^-=\s](?:[^-=]|-(?!--)|=(?!==))*?)\s*{_RUN}?"
    rf"|(?:-{{2,3}}\s+)?(?P<b>[^-=\s](?:[^-=]|-(?!--)|=(?!==))*?)\s*{_RUN})\s*$"
)
def tail_texts(block: list[Line], n: int = 2) -> list[str]:
    """The last ``n`` text lines of a run (fewer if it has fewer), in order."""
    tail = block[-n:]
    for entry in tail:
        if not isinstance(entry, str):
            break
    else:
        return tail  # type: ignore[return-value]  # (the common case: the run ends in text lines)
    out: list[str] = []
    for entry in reversed(block):
        if isinstance(entry, str):
            out.append(entry)
            if len(out) == n:
                break
    out.reverse()
    return out


def last_text(lines: list[Line]) -> str:
    """The last text line of a run ("" if it has none)."""
    texts = tail_texts(lines, 1)
    return texts[0] if texts else ""


#: a paragraph's first line that is a label of a few words with no punctuation (``Key Points``),
#: which a list of ``--`` bullets may follow as a colon's would
LABEL_LINE = re.compile(r"^\s*[A-Z][A-Za-z]*+(?: [A-Za-z][A-Za-z]*+){0,3}\s*$")


#: ``ITEM_START``'s match for each entry of a run (None: furniture, or no item label)
Starts = list[re.Match[str] | None]


def item_starts(lines: Sequence[Line]) -> Starts:
    """The item label that starts each entry of a run (:data:`Starts`): matched once for all
    the rules of ``blocks.items``."""
    return [ITEM_START.match(x) if isinstance(x, str) else None for x in lines]


#: what may close a sentence after its stop (``… End comment.)``, ``… he said."``)
_CLOSERS = ")]\"'\u201d\u2019"


def finished(text: str) -> bool:
    """Whether a line ends a sentence, a clause or a label: a full stop, colon, semicolon,
    question or exclamation mark, a closing bracket or quotation mark after it or not
    (``… End comment.)`` / ``-- Projecting British Muslims …``, 09LONDON1933; ``… went to Gulu
    prison?`` / ``- Lt. Col. …``, 09KAMPALA1399)."""
    return text.rstrip().rstrip(_CLOSERS)[-1:] in (".", ":", ";", "?", "!")


def split_item_lines(
    lines: list[Line], more: Callable[[str, str], bool] | None = None, starts: Starts | None = None
) -> tuple[list[Line], list[ListItem]]:
    """A run's text and its list items: a line with an item label starts an item after a
    finished sentence (or a label line, before ``--`` or ``-`` bullets: ``KEY POINTS`` / ``- The Egyptian …``,
    09CAIRO1929); once a list has begun, ``more``
    (given the line and the text line before it) may start items after other lines too.
    ``starts``: the run's :func:`item_starts`, when known."""
    head: list[Line] = []
    items: list[tuple[str, list[Line]]] = []
    prev_text = ""
    head_texts = 0  # (the text lines in ``head``: one, the label line, before the first bullet)
    for index, entry in enumerate(lines):
        if isinstance(entry, str):
            match = ITEM_START.match(entry) if starts is None else starts[index]
            label = match and match["label"] in "---" and not items and head_texts == 1 and LABEL_LINE.match(prev_text)
            after = (not prev_text or finished(prev_text) or label or _nested(match, items)) and not (
                match and not items and run_in_series(match["label"], " ".join(x for x in head if isinstance(x, str))))
            if match and (after or (items and more is not None and more(entry, prev_text))):
                items.append((match["label"], [entry[match.end() :]]))
                prev_text = entry
                continue
            prev_text = entry
        if items:
            items[-1][1].append(entry)
        else:
            head.append(entry)
            head_texts += isinstance(entry, str)
    return head, [ListItem(label, tuple(item)) for label, item in items]


#: the first label of a series (``1)``, ``(1)``, ``a)``, ``(a)``, ``i)``)
_SERIES_FIRST = re.compile(r"\(?[1ai]\)")


def _nested(match: re.Match[str] | None, items: list[tuple[str, list[Line]]]) -> bool:
    """Whether ``match`` opens a list nested under the item before it, that item a title on its own line
    (``A. Foreign Relations and Energy Security`` / `` 1) Regional Neighbors (FPOL-4H). Plans …``, 09STATE62397):
    the first label of a series after an item of one line, a title by :func:`heading_title`'s measure."""
    if match is None or not items or len(items[-1][1]) != 1 or not _SERIES_FIRST.fullmatch(match["label"].strip()):
        return False
    title = items[-1][1][0]
    return isinstance(title, str) and heading_title(title.strip())


def is_bare(block: Paragraph) -> bool:
    """Lines with no number, no marking and no items: what may be a row, a dump's or a copy's
    lines (a paragraph with its portion marking is the cable's text: ``marked-paragraph``)."""
    return block.n is None and block.marking is None and not block.items


def has_lower(line: Line) -> bool:
    """Whether a text line holds a lower-case letter (isupper(): every cased one is upper, so
    none is lower: the common all-capitals line is answered without a scan)."""
    return isinstance(line, str) and not line.isupper() and any(map(str.islower, line))


def mixed_case(blocks: Sequence[Block]) -> bool:
    """Whether a cable's paragraphs are written in mixed case: two or more hold a lower-case
    letter (a title in capitals stands out only there: ``headings``, ``title-after-text``)."""
    found = 0
    for block in blocks:
        if isinstance(block, Paragraph) and any(map(has_lower, block.lines)):
            found += 1
            if found == 2:
                return True
    return False


#: an item of a list written into a run's text, after a space: `` 1. ``, `` 2. ``
_INLINE_ITEM = re.compile(r"(?:^|\s)(?P<n>\d{1,2})\.\s")
_NUMBER_LEAD = re.compile(r"^\s*(?:¶\s*)?\d")


def list_goes_on(block: Sequence[Line], match: re.Match[str]) -> bool:
    """Whether a number at a line's start without a portion marking (``match``: ``blocks.PARA_START``'s) goes on a
    list written into the run's text: no line of the run starts with a number, and its text holds the list's item 1
    and then the item before (``THE DECLARATION DEMANDED: 1. COMPLETE …  2. "AMERICA, …`` / ``¶3. "THE …``)."""
    number = int(match["num"])
    texts = [x for x in block if isinstance(x, str)]
    if match["marking"] or number < 2 or not texts or any(_NUMBER_LEAD.match(x) for x in texts):
        return False
    seen = [int(m["n"]) for m in _INLINE_ITEM.finditer(" ".join(texts))]
    return 1 in seen and number - 1 in seen[seen.index(1) :]


def figures_row(line: str) -> bool:
    """A line of figures (a table's totals row ``4,292   3,040   1,176   229   = 8,737 TOTAL``, a
    telephone number ``(506) 2519-2269``): no lower-case letter, two figures at least, and one
    word of letters at most; a name in capitals may sign under it, as under a finished
    sentence."""
    if has_lower(line):
        return False
    tokens = line.split()
    figures = sum(1 for t in tokens if any(map(str.isdigit, t)))
    words = sum(1 for t in tokens if any(map(str.isalpha, t)))
    return figures >= 2 and words <= 1


def next_numbered(blocks: Sequence[Block], index: int) -> bool:
    """Whether the block after ``blocks[index]``, past any page break, is a numbered paragraph
    (where a title before it heads that paragraph)."""
    following = next((b for b in blocks[index + 1 :] if not isinstance(b, PageBreak)), None)
    return isinstance(following, Paragraph) and following.n is not None


#: a field's label inside a line in capitals: a field's line, not a title
_FIELD_LABEL = re.compile(r"\b(?:TAGS|E\.\s?O\.|SUBJECT|REF)\s*:")
_ABBREVIATED = re.compile(r"\b[A-Z]\.[A-Z]\.$")  # (an abbreviation's stop at a title's end, no sentence's: ``U.S.``)
#: a title that opens with an ordinal in figures before a capitalised word (``4th Air Force Brigade``)
_ORDINAL_FIRST = re.compile(r"^\d{1,3}(?:st|nd|rd|th) [A-Z]|^(?:19|20)\d\d: [A-Z]")  # (or a year's label)
#: a title in capitals may open with a word in brackets (no marking) or a figure (``(ANOTHER) RADICAL …``, ``5,000 …``)
_CAPS_OPENING = re.compile(r"^(?:\((?!(?:SBU|LOU|FOUO)\))[A-Z]{3,}\)|\d{1,3}(?:,\d{3})*) (?!X{4})[A-Z]{2}")
#: the small words a title in mixed case writes in lower case
_SMALL_WORDS = frozenset("a an and as at but by for from in into of on or per the to vs with".split())


def title_case(title: str) -> bool:
    """Whether a line in mixed case is written as a title: three in four of its words but the
    small ones open with a capital or a figure (``Why Brazil Needs to Improve Public Education:
    It's An Economic Necessity``)."""
    words = [w.strip("\"“”'‘’(),:;.-") for w in title.split()]
    words = [w for w in words if w and w.lower() not in _SMALL_WORDS]
    return bool(words) and sum(1 for w in words if w[0].isupper() or w[0].isdigit()) * 4 >= len(words) * 3


def wrapped_title_lines(texts: list[str]) -> bool:
    """Whether two lines may be one title wrapped (``Proposed US-Spain-Morocco Technical Exercises
    on Nuclear`` / ``Emergency Management``): the first long enough to have wrapped (30
    characters), with no mark that ends a clause last."""
    return len(texts) == 2 and len(texts[0].strip()) >= 30 and texts[0].rstrip()[-1:] not in ".,;:!?"


def _quoted_last(title: str) -> bool:
    """Whether the title ends in a quotation it closes (``FARC Drug Ties "Transactional"``,
    ``AL-QADHAFI'S SONS - "UNDISCIPLINED THUGS"``; a curly mark last ends no sentence anyway)."""
    return title.endswith('"') and title.count('"') % 2 == 0 and title[-2:-1].isalpha()


#: no title: a redaction alone (a paragraph withheld whole, 10BEIJING105), the handling sentence
#: (``SENSITIVE BUT UNCLASSIFIED--PLEASE PROTECT ACCORDINGLY``, 09SAOPAULO317)
_NO_TITLE = re.compile(
    r"X{4}[X\s.]*+$|SENSITIVE\s+BUT\s+UNCLASSIFIED\b"
    # a quotation's end marker (``End talking points/non-paper``, ``END TEXT OF NON-PAPER``, 10STATE16932)
    r"|END\s+(?:OF\s+)?(?:TEXT|NOTE|TALKING\s+POINTS|NON-?PAPER|EXCERPTS?|QUOTE)\b",
    re.I,
)


def heading_title(title: str) -> bool:
    """A title by the ``headings`` pass's measure, its length and its last sign: 70 characters
    and ten words at most, no stop or clause's sign last; in capitals, 120 characters and 18
    words, or an ellipsis last where the next title goes on (``MUAMMAR AL-QADHAFI QUIETLY
    SUPPORTS DEVELOPMENT OF A CONSTITUTION ...`` or `` . . .`` / ``¶4.`` … / ``BUT KEEPS ROLE QUIET TO LET
    SAIF AL-ISLAM TAKE THE LEAD AND MAINTAIN ROOM FOR MANEUVER``, 08TRIPOLI936); in capitals, an
    ellipsis first where it goes on the one before (``... EARNS NO QUARTER FROM AN ANGRY AISHA``).
    It opens with a capital, or with an ordinal in figures before one (``4th Air Force Brigade``),
    or a year's label (``2009: The Year the Bubble Burst``), or a quotation mark before a capital; in
    capitals, also with a word in brackets or a figure (``(ANOTHER) RADICAL …``, ``5,000 LD …``). In
    mixed case, a line written as a title (:func:`title_case`) may run to 90 characters and 14 words,
    and end in a quotation it closes, an ellipsis (``FARC Drug Ties "Transactional"``) or a question mark
    (``Comment: How Important is This?``, 10BRASILIA5)."""
    quoted = title.lstrip("\"'“‘")  # (opened with a quotation: ``"SOVEREIGN MINISTRIES" AN …``, ``‘PLENTY OF GAS’ …``)
    if _NO_TITLE.match(title):
        return False
    if title.startswith(("...", "\u2026")):
        rest = title.lstrip(".\u2026 ")  # (a small word may open it: ``...but Attention Shifts to the Accuser``)
        if not rest[:1].isalpha() or (any(map(str.islower, rest)) and not title_case(rest)):
            return False
    elif not quoted[:1].isupper() and not _ORDINAL_FIRST.match(title):
        if has_lower(title) or not _CAPS_OPENING.match(title):
            return False
    lower = has_lower(title)
    if quoted != title and lower and not title_case(title):
        return False  # (a quoted sentence: ``"We will not negotiate," he said``)
    last = title[-2:-1] if _ABBREVIATED.search(title) else title[-1:]  # (``… WITH THE U.S.``: no sentence's stop)
    if len(title) <= 70 and last not in ".,;:!?\"'" and len(title.split()) <= 10:
        return True
    if lower:  # a title in mixed case: longer, or a quotation or an ellipsis last, when written as a title
        ends = title[-1:] not in ".,;:!\"'" or _quoted_last(title) or title.endswith(("...", "\u2026", ". . ."))
        fields = title.count(":") > 1  # (``Declassify on: Source marked …, Date of source: …``, a field's line)
        return len(title) <= 90 and len(title.split()) <= 14 and ends and not fields and title_case(title)
    if len(title) > 120 or len(title.split()) > 18 or _FIELD_LABEL.search(title):  # (09TRIPOLI409's runs to 101)
        return False  # (a damaged field's line: ``SNSITIVE TAGS: TU BO MD KCRM …``, 05ISTANBUL38)
    if _quoted_last(title):
        return True  # a quotation closed
    return title.endswith(("...", "\u2026", ". . .")) or last not in ".,;:!?\"'"


#: a label on a line of its own, its colon last: five words at most (``Comment:``, ``Action Request:``,
#: ``SECURITY/INTELLIGENCE ISSUES:``)
_LABEL = re.compile(r"[A-Z][\w'/&.,-]*(?:\s[\w'/&.,-]+){0,4}:")
#: a letter's salutation (``MADAM SECRETARY:``, ``Assistant Secretary Fried:``), not a heading
_SALUTATION = re.compile(r"\b(?:SECRETARY|MADAME?|SIR|DEAR|AMBASSADOR|PRESIDENT|MINISTER|SENATOR|GENERAL)\b", re.I)


def label_alone(line: str) -> bool:
    """A label of five words at most, its colon last, every word of four letters or more opening with a capital
    (``Follow the Money:``, not ``They noted the following:``); not a letter's salutation (``MADAM SECRETARY:``)
    nor a quotation's start or end (``End Text:``, ``Begin text:``)."""
    title = line.strip()
    if not _LABEL.fullmatch(title) or _SALUTATION.search(title) or title.upper().startswith(("END ", "BEGIN ")):
        return False
    return all(len(word) < 4 or word[0].isupper() for word in title[:-1].split())
