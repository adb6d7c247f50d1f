"""Stage "blocks", chain ``blocks.passes``: a section title in capitals at the end of the
paragraph before it, where copying lost the line break between them.

Cables written in mixed case set a section's title in capitals on a line of its own before the
paragraph it heads. Some pages lost the line breaks of a paragraph and run the title on after the
paragraph's last sentence: ``… End summary and comment. IS QUICK HOSPITALIZATION THE KEY TO
SURVIVAL?`` / blank / ``2.(SBU) Egypt's Ministry of Health …`` (09CAIRO173, where each of ¶1-¶4
ends in the next section's title). A reader saw the title as the last words of the paragraph.

``title-after-text`` cuts the title off into a heading between the two paragraphs: the
paragraph's text is in mixed case, its last line ends in two to twelve words in capitals after a
finished sentence (or is such a line after one, or a line of a few words in mixed case that
reads as a title after one: ``Taliban/Haqqani Network``, 10ABUDHABI9), and a numbered paragraph
follows. Where the title's dashed rule stands between (``… is a legitimate case. The
Complaint`` / ``-------------`` / ``¶6. …``, 09MADRID347), the rule shows the words are a title:
up to twelve capitalised words (or the short words a title keeps in lower case) after a
finished sentence, in mixed case too. The words are
kept as written; only the line break is restored. Not an end marker (``END COMMENT``), not a
line of the cable's own capitals (a cable in capitals has no mixed-case text to stand out from).
A title of one word in capitals (or capitalised: ``Iran``, 09BRASILIA1038) on the paragraph's last line of its
own (``… by cutting off this flow of students.`` / ``DETAINEES`` / blank / ``¶6. …``, 09RIYADH447), or in
capitals run on after its last sentence (``… a cautious approach to both cases. IRAN``, 09BRASILIA1186), heads
the next section only between paragraphs N and N+1: a name there between ¶6 and a new ¶6 signs a cable
(09RANGOON378).
"""

from __future__ import annotations

import dataclasses
import re

from ..parsed import AnonBlock, Block, Heading, Line, Paragraph
from .blocks import PASSES
from .ruler import Run, note
from .runs import has_lower, mixed_case, next_numbered, title_case

_ENDS = ".!?"
_CLOSERS = "\"')”’]"
_MIN_WORDS, _MAX_WORDS, _MAX_CHARS = 2, 12, 90
#: a title that is a span's end or a quotation's, a reference (``SEE ALSO BRASILIA 1159``), not a heading
_NOT_TITLE = ("END ", "UNQUOTE", "UNQTE", "QUOTE", "BEGIN ", "SEE ")
#: words no title holds: an end marker's, a Classified By line's wrapped reasons (``1.4 (B)``), a cancel notice's
_NOT_IN_TITLE = frozenset(("END", "REASON", "REASONS", "1.4", "ZFR"))
#: an acronym written with its stops (``U.S.``, ``U.N.``); a person's title before a name (``MEETING WITH DR. HESNAWY``)
_DOTTED = re.compile(r"(?:[A-Z]\.){2,4}")
_TITLES = frozenset("DR. MR. MRS. MS. GEN. AMB. SEN. REP. GOV. PROF. LT. COL. ST.".split())
#: a portion marking before a title (``(S//NF) Lashkar-e-Tayyiba …``)
_MARKING = re.compile(r"^\((?:U|C|S|SBU|TS)(?://?[A-Z]{2,6})*\)$")


def _finished(word: str) -> bool:
    """Whether a word ends a sentence: a full stop, ! or ? (before a closing quote or bracket)."""
    return word.rstrip(_CLOSERS)[-1:] in _ENDS


def _title_word(word: str, inside: bool = False) -> bool:
    """A word of a title in capitals: a letter or digit and no lower-case letter (or ``&``, a
    dash), and it does not end a sentence or a parenthesis (but ``?`` may end the title: ``… THE
    KEY TO SURVIVAL?``); ``inside`` the title (not its last word), also an acronym written with
    its stops (``LIBYA AND THE U.S. MAKING UP FOR LOST TIME``, 09TRIPOLI242) or a person's title
    (``DR.``), and a word before a colon (``POST-CABINET SHUFFLE: AL-MAHMOUDI TRYING TO SHOW RESULTS?``,
    09TRIPOLI223)."""
    if word in ("&", "-", "--") or (inside and (_DOTTED.fullmatch(word) or word in _TITLES)):
        return True
    end = word[:-1] if inside and word.endswith((":", ",")) else word.rstrip("?")  # (``SHUFFLE: AL-MAHMOUDI``)
    return any(map(str.isalnum, word)) and not any(map(str.islower, word)) and end[-1:] not in ".!:;,)"


def _is_title(words: list[str]) -> bool:
    title = " ".join(words)
    if not (_MIN_WORDS <= len(words) <= _MAX_WORDS and len(title) <= _MAX_CHARS):
        return False
    if not words[0].lstrip("\"\u201c'")[:1].isupper() or title.startswith(_NOT_TITLE) or words[0].endswith(":"):
        return False  # (a label first, ``COMMENT: …``, is a sentence's start, not a title; a quoted title may open
        # with its mark: ``“NOTHING IS FREE IN THIS COUNTRY”``, 08ASHGABAT1399)
    if _NOT_IN_TITLE.intersection(words):
        return False
    return sum(1 for word in words if sum(map(str.isalpha, word)) >= 3 and set(word) != {"X"}) >= 2


#: a title of one word in capitals on a line of its own (a hyphen inside)
_ALONE = re.compile(r"[A-Z]{2,}(?:-[A-Z]{2,})?|[A-Z][a-z]{3,}")  # (or one capitalised word: ``Iran``, 09BRASILIA1038)
#: words no one-word title is: a marking's, a handling line's, an end marker's
_NOT_ALONE = frozenset("UNCLASSIFIED CONFIDENTIAL SECRET SENSITIVE NOFORN SIPDIS UNQUOTE UNQTE QUOTE NNNN END TEXT "
                       "EXDIS NODIS LIMDIS STADIS CORRECTED".split())


#: a section's one-word title in capitals, taken run on too
_SECTIONS = ("COMMENT", "BACKGROUND")


def _alone_title(words: list[str]) -> bool:
    """A one-word title in capitals on a line of its own (``DETAINEES``, ``IRAN``, 09RIYADH447), or capitalised
    (``Iran``, 09BRASILIA1038): four letters or more, no marking, handling word, end marker or redaction."""
    word = words[0] if len(words) == 1 else ""
    return len(word) >= 4 and bool(_ALONE.fullmatch(word)) and word.upper() not in _NOT_ALONE and set(word) != {"X"}


def _one_word_last(lines: tuple[Line, ...]) -> bool:
    """Whether the last text line of ``lines`` is one word, or ends in one in capitals after a finished sentence."""
    words = str(lines[last]).split() if (last := _last_line(lines)) is not None else []
    return len(words) == 1 or (len(words) > 1 and words[-1].isupper() and _finished(words[-2]))


def _numbered_on(blocks: list[Block], index: int) -> bool:
    """Whether ``blocks[index]`` is paragraph N and the next numbered paragraph N+1 (a one-word title
    between them heads a section; a name between ¶6 and a new ¶6 signs a cable, 09RANGOON378)."""
    block = blocks[index]
    following = next((b for b in blocks[index + 1 :] if isinstance(b, Paragraph) and b.n is not None), None)
    return isinstance(block, Paragraph) and block.n is not None and following is not None and following.n == block.n + 1


def line_title(words: list[str]) -> bool:
    """A whole line that reads as a title in mixed case (``Taliban/Haqqani Network``, ``(S//NF)
    Lashkar-e-Tayyiba and Jamaat al-Dawa …``): a few words, the first a capital (or a portion
    marking), a third of them capitalised, no sentence's end and no clause's punctuation; an ellipsis
    may end it (``Wang Pledges Chinese Support...``, 09BEIJING3313)."""
    last = words[-1][:-3] if len(words) > 1 and words[-1].endswith("...") else words[-1]
    if not 2 <= len(words) <= 10 or not (last[-1:].isalnum() or last[-1:] in "?\"”"):
        return False
    first = words[1] if _MARKING.match(words[0]) else words[0]
    if not (first[:1].isupper() and first[:1].isalpha()) or " ".join(words).upper().startswith(_NOT_TITLE):
        return False
    capitals = sum(1 for word in words if word[:1].isupper() or _MARKING.match(word))
    return 3 * capitals >= len(words) and not any(word[-1:] in ",;:" for word in words[:-1])


#: a news summary's source and date closing its item (``… in the fair. [libyaonline.com, 4/4/2009]``)
_CITED = re.compile(r"\d\]$")


def _cited_title(words: list[str]) -> bool:
    """A title after a news item's citation: up to twelve words in capitals, a letter first, one
    word too (``[Libyaonline.com, 4/9/2009] IT``, 09TRIPOLI365: the item's end is sure)."""
    return (len(words) <= _MAX_WORDS and words[0][:1].isalpha() and words[0][:1].isupper()
            and not " ".join(words).startswith(_NOT_TITLE) and not _NOT_IN_TITLE.intersection(words))


def _last_line(lines: tuple[Line, ...]) -> int | None:
    """The index of the last text line that is not blank (looked for from the end), or None."""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if isinstance(line, str) and line.strip():
            return index
    return None


def tail_title(lines: tuple[Line, ...], alone: bool = False) -> tuple[tuple[Line, ...], str] | None:
    """The paragraph's lines less the title at its end, and the title; None when it ends in none.
    With ``alone`` (the paragraph is N and the next numbered one N+1), also a title of one word in
    capitals on its last line (:func:`_alone_title`), or run on there after a finished sentence."""
    last = _last_line(lines)
    if last is None:
        return None
    line = lines[last]
    assert isinstance(line, str)
    words = line.split()
    if last and line_title(words):
        before = next((x for x in reversed(lines[:last]) if isinstance(x, str) and x.strip()), None)
        if before is not None and _finished(before.split()[-1]):
            return lines[:last], line.strip()
    start = len(words)
    while (start > 0 and _title_word(words[start - 1], start < len(words)) and not _CITED.search(words[start - 1])
           and len(words) - start <= _MAX_WORDS):
        start -= 1
    cited = 0 < start < len(words) and _CITED.search(words[start - 1]) is not None and _cited_title(words[start:])
    section = " ".join(words[start:]) in _SECTIONS  # (a section's one-word title: ``… media group. COMMENT``)
    # (one word in capitals run on after the last sentence, between paragraphs N and N+1: ``… cases. IRAN``)
    run_on = alone and 0 < start == len(words) - 1 and _alone_title(words[start:]) and words[start].isupper()
    alone = alone and last > 0 and _alone_title(words)  # (``… of students.`` / ``DETAINEES``; ``Iran``)
    start = 0 if alone else start
    if start == len(words) or not (_is_title(words[start:]) or cited or section or alone or run_on):
        return None
    if start == 0:
        before = next((x for x in reversed(lines[:last]) if isinstance(x, str) and x.strip()), None)
        if before is None or not _finished(before.split()[-1]):
            return None
        return lines[:last], line.strip()
    if not (_finished(words[start - 1]) or cited):
        return None
    title = line.split(None, start)[-1].rstrip()
    kept = line.rstrip()[: -len(title)].rstrip()
    return (*lines[:last], kept, *lines[last + 1 :]), title


#: a word of a title in mixed case: capitalised (``Shah``, ``U.S.``, ``U.S.-Brazil``, ``6PT``, ``Won,t``,
#: ``Unfortunately,``), a short word a title keeps in lower case (``Traditionalist, not Center-Right``), or a dash
_MIXED_WORD = re.compile(
    r"^(?:[\"\u201c(]?[A-Z0-9][^\s.!?:;]*|(?:[A-Z]\.)+(?:-[A-Z][^\s.!?:;]*)?|a|an|and|as|at|be|but|by|for|from|in"
    r"|into|is|not|of|on|or|the|to|vs\.|with|-|--|\u2013|\u2014)$"
)


def _mixed_word(word: str, last: bool) -> bool:
    """A word of a title in mixed case; before the last, also one that ends in a colon
    (``Carl Bildt: Medium Size Dog …``, ``TURKEY: BETTER THAN THE REST``); the last may end in a question mark
    (``… or the Best She'll Get?``, 10BRASILIA49)."""
    return _MIXED_WORD.match(word.removesuffix("?") if last else word.removesuffix(":")) is not None


def ruled_tail_title(lines: tuple[Line, ...]) -> tuple[tuple[Line, ...], str] | None:
    """The paragraph's lines less the title run on after its last sentence, in capitals or in
    mixed case (``… they can win. VAT Exemption on New Embassy Unlikely``), or its last line whole under a
    finished one (``… co-equals.`` / ``Comment``, 09MOSCOW2779), and the title; None when its last line
    ends in none (a title of its own line over its rule is ``underlined-heading``'s)."""
    last = _last_line(lines)
    if last is None or last != len(lines) - 1:
        return None
    line = lines[last]
    assert isinstance(line, str)
    words = line.split()
    start = len(words)
    while (start > 0 and _mixed_word(words[start - 1], start == len(words)) and len(words) - start <= _MAX_WORDS
           and not _withheld(words[start - 1])):
        start -= 1
    while start < len(words) and not words[start][:1].isupper() and not words[start][:1].isdigit():
        start += 1  # (a title starts with a capital)
    title_words = words[start:]
    before = words[start - 1] if 0 < start < len(words) else ""
    if start == 0 and last and isinstance(lines[last - 1], str):  # a line of its own under the last sentence
        before = (str(lines[last - 1]).split() or [""])[-1]  # (``… though not co-equals.`` / ``Comment``)
    if not ((_finished(before) and any(map(str.isalnum, before))) or _withheld(before)) or words[-1][:1].islower():
        return None  # (after a finished sentence, or a redaction: ``¶16. (S) XXXXXXXXXXXX Child Trafficking``)
    title = line.split(None, start)[-1].rstrip()
    if len(title) > _MAX_CHARS or title.upper().startswith(_NOT_TITLE) or _NOT_IN_TITLE.intersection(title_words):
        return None
    if not any(sum(map(str.isalpha, w)) >= 3 and set(w) != {"X"} for w in title_words):
        return None  # (a redaction, a number: no title)
    kept = line.rstrip()[: -len(title)].rstrip()
    return (*lines[:last], kept), title


def _withheld(word: str) -> bool:
    """Whether a word is a redaction (a run of X's: the withheld words)."""
    return len(word) >= 4 and set(word) == {"X"}


def _all_withheld(lines: tuple[Line, ...]) -> bool:
    """Whether the text left before a title is redactions alone (a withheld paragraph)."""
    words = " ".join(x for x in lines if isinstance(x, str)).split()
    return bool(words) and all(map(_withheld, words))


def _ruled_next(blocks: list[Block], index: int) -> bool:
    """Whether the block after ``blocks[index]`` is a rule line and a numbered paragraph follows it."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    return isinstance(following, AnonBlock) and following.type == "rule" and next_numbered(blocks, index + 1)


@PASSES.rule(
    "title-after-text",
    after="title-before-number",
    note=note(
        "normalization",
        "A title in capitals run on after a paragraph's last sentence (… End summary. IS QUICK HOSPITALIZATION "
        "THE KEY TO SURVIVAL?), before a numbered paragraph, in a cable written in mixed case, is the next "
        "section's heading, and so is a title's own last line in mixed case after a finished sentence "
        "(Taliban/Haqqani Network) or a title in mixed case run on there with its dashed rule under it (… they "
        "can win. VAT Exemption on New Embassy Unlikely / -----): the line break lost in copying is restored; "
        "the words are kept as written.",
    ),
)
def title_after_text(blocks: list[Block], run: Run) -> list[Block]:
    """``1.(SBU) … End summary and comment. IS QUICK HOSPITALIZATION THE KEY TO SURVIVAL?`` /
    ``2.(SBU) …`` (09CAIRO173): the capitals after the paragraph's last finished sentence are a
    heading before ¶2; so is a title in mixed case run on there when its rule follows the
    paragraph (``… that they can win. VAT Exemption on New Embassy Unlikely`` / ``-----`` /
    ``¶6. …``, 09LONDON2225), the rule a line of its own."""
    if not mixed_case(blocks):
        return blocks
    out: list[Block] = []
    for index, block in enumerate(blocks):
        found = None
        if isinstance(block, Paragraph) and next_numbered(blocks, index):
            lines = last_lines(block)
            alone = _one_word_last(lines) and _numbered_on(blocks, index)  # (asked only of a word alone)
            found = tail_title(lines, alone=alone)
        elif isinstance(block, Paragraph) and _ruled_next(blocks, index):
            # (its rule under it: a title in mixed case too, run on or a line of its own)
            found = ruled_tail_title(last_lines(block)) or tail_title(last_lines(block))
        kept = found[0] if found else ()
        if found is None or not isinstance(block, Paragraph) or not (any(map(has_lower, kept)) or _all_withheld(kept)):
            out.append(block)
            continue
        lines, title = found
        out += [with_last_lines(block, lines), Heading((title,))]
    return out if len(out) != len(blocks) else blocks


def last_lines(block: Paragraph) -> tuple[Line, ...]:
    """The lines a title run on at the paragraph's end stands in: its last item's, where it has
    items (``… in the sugarcane sector. But the Case is Not Open and Shut``, 08SAOPAULO432)."""
    return block.items[-1].lines if block.items else block.lines


def with_last_lines(block: Paragraph, lines: tuple[Line, ...]) -> Paragraph:
    """``block`` with :func:`last_lines` replaced by ``lines`` (the title cut off)."""
    if block.items:
        last = dataclasses.replace(block.items[-1], lines=lines, tokens=())
        return dataclasses.replace(block, items=(*block.items[:-1], last), tokens=())
    return dataclasses.replace(block, lines=lines, items=(), tokens=())


#: the word before a title that ends in a stop but no sentence: an honorific or an abbreviation
#: (``Dr.``, ``Mr.``, ``Amb.``, ``UN.``, ``U.S.``), an item's number (``3.``)
_NO_END = re.compile(r"^\(?(?:[A-Z][A-Za-z]{0,2}|(?:[A-Z]\.)+[A-Z]|\d{1,3})\.$")
#: a name with its office, an entry of a list of persons (``Lorna Miller, Defence Science …``)
_NAME_ENTRY = re.compile(r"^[A-Z][a-z]+ [A-Z][a-z]+,")
#: a title of one word: a capital and small letters (``Venezuela``, ``Inauguration``)
_ONE_WORD_TITLE = re.compile(r"[A-Z][a-z]{4,}")


#: a section's own title of one word, taken even alone (``… of the demarche. Comment``)
_SECTION_TITLES = ("Comment", "Background")

Cut = tuple[tuple[Line, ...], str]


def _mixed_titles(blocks: list[Block]) -> tuple[dict[int, Cut], dict[int, Cut]]:
    """The paragraphs before a numbered one that end in a title in mixed case, by index (their
    lines less the title, and the title): those :func:`mixed_tail_title` takes, and those it takes
    only as titles of one word (``single``). One reading of each paragraph serves both."""
    titles: dict[int, Cut] = {}
    single: dict[int, Cut] = {}
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph) and next_numbered(blocks, index):
            found = ruled_tail_title(last_lines(block))
            if found is None or not any(map(has_lower, found[0])):
                continue
            if _mixed_title(found, False):
                titles[index] = found
            elif _mixed_title(found, True):
                single[index] = found
    return titles, single


#: words a list's or a source's line opens with, not a title's
_NOT_MIXED_TITLE = ("Source", "REF", "Ref", "And ", "MESSAGE")


def mixed_tail_title(lines: tuple[Line, ...], single: bool = False) -> Cut | None:
    """The paragraph's lines less a title written as a title (:func:`runs.title_case`) run on after its last
    sentence with no rule under it (``… for his own benefit. Venezuelan Accession to Mercosul``), and the
    title; None where its last line ends in none, or in a name (``… Secretary of the GPC, Dr. Ali Essawi``,
    ``… Mr. Philippe Delaune``, ``… Ambassador to the U.S. Imad Mustapha …``), a person's entry of a list
    (``Lorna Miller, Defence …``), a redaction or a source line (``Source: Reuters``). With ``single``, also
    a title of one word, a capital and four small letters or more (``… working with us. Venezuela``)."""
    found = ruled_tail_title(lines)
    return found if found is not None and _mixed_title(found, single) else None


def _mixed_title(found: Cut, single: bool) -> bool:
    """Whether :func:`ruled_tail_title`'s title is one :func:`mixed_tail_title` takes."""
    kept, title = found
    before = next((x for x in reversed(kept) if isinstance(x, str) and x.strip()), "").split()
    one = (single and _ONE_WORD_TITLE.fullmatch(title) is not None) or title in _SECTION_TITLES
    if (len(title.split()) < 2 and not one) or not before or _NO_END.match(before[-1]) or _NAME_ENTRY.match(title):
        return False
    if _withheld(before[-1]):  # (no rule under it: ``… protect. XXXXXXXXXXXX Azerbaijan`` may be a name's end)
        return False
    return "XXXX" not in title and not title.startswith(_NOT_MIXED_TITLE) and title_case(title)


@PASSES.rule(
    "mixed-title-after-text",
    after="title-after-text",
    note=note(
        "normalization",
        "A title written in mixed case run on after a paragraph's last sentence with no rule under it (… for "
        "his own benefit. Venezuelan Accession to Mercosul), before a numbered paragraph, is the next "
        "section's heading where the cable sets its sections under titles (another heading, or another such "
        "title): the line break lost in copying is restored; the words are kept as written.",
    ),
)
def mixed_title_after_text(blocks: list[Block], run: Run) -> list[Block]:
    """``¶4. (SBU) … an international "blocking" effort for his own benefit. Venezuelan Accession to
    Mercosul`` / ``¶5. (SBU) …`` (07BRASILIA1568, whose ¶1 ends in ``Concern for Democracy on the
    Continent`` too): a title in mixed case at the end of a paragraph, where a copy lost the line
    breaks, is a heading before the next numbered paragraph. A name ends many a paragraph as well
    (``… the Secretary, Dr. Ali Essawi``), so a title alone is taken only in a cable that has another
    heading or another such title: a cable that sets its sections under titles. In such a cable a
    title of one word is taken too (``… the GOB is focused on working with us. Venezuela`` / ``¶4.
    …``, 06BRASILIA2412, whose sections are titled ``Presidential Meeting``, ``Bilateral Relations``)."""
    if not mixed_case(blocks):
        return blocks
    found, single = _mixed_titles(blocks)
    if len(found) >= 2 or any(isinstance(b, Heading) for b in blocks):
        found = {**single, **found}
    else:  # (but a section's own one-word title stands alone: ``… of the demarche. Comment``)
        found = {i: cut for i, cut in found.items() if cut[1] in _SECTION_TITLES}
    if not found:
        return blocks
    out: list[Block] = []
    for index, block in enumerate(blocks):
        if index in found and isinstance(block, Paragraph):
            lines, heading = found[index]
            out += [with_last_lines(block, lines), Heading((heading,))]
        else:
            out.append(block)
    return out
