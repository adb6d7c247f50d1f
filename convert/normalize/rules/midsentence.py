"""Stage "blocks", chain ``blocks.merge`` (made in :mod:`.blocks`): prose a stray blank line cut
in the middle of a sentence, before a word with a capital.

Some copies carry blank lines where the original had none, inside sentences: ``… be transferred
to Costa`` / blank / ``Rica.  There are well over 250 …`` (08SANJOSE930, four times), ``… to
interview Tunisian terrorist`` / blank / ``Noureddine Taam and 2) a commitment …`` (08TUNIS193).
``paragraph-rejoin`` joins such runs where the second goes on in lower case and
``function-word-rejoin`` where the first stops after ``the`` or ``of``; after any other word the
second part, beginning with a name, printed as a paragraph of its own.

``mid-sentence-rejoin`` joins them where both sides are prose in mixed case: the first run two
lines or more with a sentence's end in them or a numbered paragraph's number first (not a list of
participants: ``¶6. (U) During the APEC meeting …`` / … / ``… hosting the third`` / blank /
``China-Latin America Entrepreneurs Summit. …``, 09BEIJING841), its last line a long one
(a line the writer's wrap broke, not a list's entry, a title or an end marker) ending in a word
with no stop, comma or other mark after it, or a first run of any length whose last line, long, ends
in a comma (no paragraph ends so: ``¶5. (SBU) Softening his tone in his February 7 radio address,`` /
blank / ``President Correa read …``, 09QUITO103; the second run then may be one short line that ends the
series, a name and a comma first: ``… found in Sudan, Iran, Kazakhstan,`` / blank / ``Venezuela, Angola, and the
Caspian Basin.``, 09BEIJING22), or a numbered paragraph's first line alone, ending in a word in
lower case (``¶10. Former Foreign Minister and current Cambio editor`` / blank / ``Rodrigo Pardo speculated …``,
08BOGOTA2024); the second run's first line long too (not a heading)
and beginning with a capital (after a quotation mark too: ``… an overwhelming victory for the`` / blank /
``"No" vote in Santa Cruz, …``, 09LAPAZ96) or a figure in brackets (``… including La Paz`` / blank /
``(38,000) and Potosi …``), no number, label or rule. Neither line holds a ``Label:`` in its
first words (``Position: …``, ``Denmark: TAT-14 …``) or a table's columns.

``unwrapped-rejoin`` joins them in a copy that keeps each paragraph on one line, where the wrap tells
nothing: the first run's last line an unwrapped paragraph (200 characters or more, a sentence's end in it)
that stops on a word with no mark after it (``… without interfering in internal`` / blank / ``Lebanese
affairs.``, 10DAMASCUS159; ``… if the provision to establish a National`` / blank / ``Truth Commission was
not changed.``, 10BRASILIA86), the second run's first line prose in mixed case beginning with a capital
and ending a sentence, with no number, label or rule.

``hyphen-rejoin`` joins a run that stops on a word's hyphen to the next, whatever its case: ``… Director of
CERT-`` / blank / ``Estonia for his read …`` (08TALLINN326, a copy with a blank line after each line; a
word in lower case after it ``paragraph-rejoin`` joins already).

``page-break-rejoin`` joins prose a page break cut after a sentence's end: ``… take a more active role
in supporting regional democracy.`` / page line / ``The DCM thanked Zannini for the GOA's continued help
in`` / ``Haiti. …`` (06BUENOSAIRES1632, where each of the cable's paragraphs is numbered; 09RABAT408).
The page line and the blank lines around it stand where the copy turned the page, whether or not a
paragraph ended there; what tells them apart is the wrap: the paragraph's last line before the break is
so long that the next run's first word would not have fitted on it (the text's line length: the longest
of the two runs' other lines; two spaces after the sentence's end where the writer sets two), so the
teletype broke the line, not the writer. Both runs are prose of
two lines or more in mixed case (most words of the second's first two lines in lower case: not a heading, a
name or a signature), the second beginning with a capital, or a quotation mark and a capital (``… and insular
style.`` / page line / ``""Everyone on the outside is viewed as an enemy. …``, 06BUENOSAIRES1912), and no
number, label or rule.
"""

from __future__ import annotations

import re

from ..parsed import Furniture
from . import rejoins  # noqa: F401  (function-word-rejoin, which this rule goes after, registered first)
from .blocks import MERGE, PARA_START, starts_new, terminal
from .entries import SHORTEST_WRAP, UNWRAPPED, lower_share
from .ruler import note
from .runs import END_LABEL

#: a teletype's line: this long at most (a line the wrap broke is ``SHORTEST_WRAP`` long at least; a paragraph kept on
#: one line, ``UNWRAPPED``)
_LINE = 80
#: a word in lower case last, no mark after it (``… and current Cambio editor``)
_SMALL_WORD_END = re.compile(r"\b[a-z]+\s*$")
#: a word's end, no mark after it; the line in mixed case (not a cable in capitals, whose titles are too); or a
#: figure's after a word in lower case (``… According to the 2007`` / blank / ``EU Terrorism Situation and Trend
#: Report, …``, 08MADRID522; not a list's entry ending in its year, ``… CLIVAR. 2004``)
_WORD_END = re.compile(r"(?:[A-Za-z]|[a-z]\s\d+)\s*$")
#: a word and a comma: a sentence going on (a paragraph's first line too: ``¶5. (SBU) Softening his tone in his
#: February 7 radio address,`` / blank / ``President Correa read …``, 09QUITO103)
_COMMA_END = re.compile(r"[A-Za-z\"')\u201d],\s*$")
#: a resolution's preambular paragraph's first word (``Recalling …,`` / blank / ``Expressing again …,``, 08STATE3800):
#: a paragraph that ends in a comma, before another of them
_PREAMBULAR = re.compile(r"(?:[A-Z][a-z]{2,}ing|Having|Mindful|Concerned|Convinced|Aware|Alarmed|Deeply|Gravely)\b")
#: a label in a line's first words (``Denmark: TAT-14 …``, ``Personal: He is …``)
_LABEL = re.compile(r"^[^:]{0,40}:")
#: a line that ends in a span's end label (``… not likely have a positive result. END SUMMARY``)
_END_LABEL_END = re.compile(END_LABEL + r"\s*$")
#: quotation marks that open a run (``""Everyone on the outside …``, a copy's doubled quote)
_OPENING_QUOTES = "\"'\u201c"


def _opening(line: str) -> str:
    """A run's first line without the quotation marks it opens with."""
    return line.lstrip(_OPENING_QUOTES)


#: a sentence's end in a run (prose, not a list of participants): a word, a stop, then a capital or the line's end
_SENTENCE_END = re.compile(r"[a-z]{2}[.?!][\"')\u201d]?(?:\s+[A-Z]|\s*$)")


@MERGE.rule(
    "mid-sentence-rejoin",
    after="function-word-rejoin",
    note=note(
        "normalization",
        "Prose a stray blank line cut mid-sentence before a capital (… transferred to Costa / Rica. There are …) "
        "is one paragraph again, where the first part's last line is a long one ending in a word with no mark "
        "after it, or in a comma, and both parts are prose in mixed case.",
    ),
)
def mid_sentence_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… transferred to Costa`` / (blank) / ``Rica.  There are …``: two runs of prose in mixed
    case, the first of two lines or more with a sentence's end (or a paragraph's number first), whose last is long
    and ends in a
    bare word, or a first run of any length whose last line is long and ends in a comma (``¶5. (SBU)
    Softening his tone in his February 7 radio address,`` / blank / ``President Correa read …``), the
    second beginning with a long line with a capital (or a quotation mark and a capital, or a figure in
    brackets); no page furniture between (``paragraph-rejoin``'s)."""
    if furniture or not before or not texts:
        return False
    last, first = before[-1].strip(), texts[0].strip()
    if not _wrapped(last):
        return False
    if len(texts) == 1 and last.endswith(",") and _COMMA_END.search(last) and _sentence_tail(first):
        return True  # (``… found in Sudan, Iran, Kazakhstan,`` / blank / ``Venezuela, Angola, and the Caspian Basin.``)
    if len(texts) == 1 and _ACRONYM.fullmatch(first.rstrip(".,;")) and _NAME_END.search(last):
        return True  # (``… of the Defense Industries Organization`` / blank / ``(DIO).``, 10STATE15856)
    if not _wrapped(first) or _END_LABEL_END.search(last):
        return False
    if not _capital_or_figure(first) or first.endswith(":") or starts_new(first):  # (a list's lead: ``… meetings:``)
        return False
    if _COMMA_END.search(last):  # (no paragraph ends in a comma: ``… in his February 7 radio address,``)
        return not (_PREAMBULAR.match(_opening(before[0].strip())) and _PREAMBULAR.match(_opening(first)))
    if len(before) == 1 and len(last) <= _LINE and PARA_START.match(last) and _SMALL_WORD_END.search(last):
        return True  # (a teletype line: ``¶10. Former Foreign Minister and current Cambio editor``)
    # (prose: a sentence's end in the run, or a numbered paragraph's opening: ``¶6. (U) During the APEC meeting …``
    # / … / ``… hosting the third`` / blank / ``China-Latin America Entrepreneurs Summit. …``, 09BEIJING841)
    if len(before) < 2 or not _WORD_END.search(last):
        return False
    return PARA_START.match(before[0]) is not None or any(_SENTENCE_END.search(line) for line in before)


def _sentence_tail(line: str) -> bool:
    """A short run that ends the series a comma left open: one line that begins with a name and a comma (the
    series going on), three words or more, some in lower case, ending in a full stop (``Venezuela, Angola, and
    the Caspian Basin.``, 09BEIJING22); no label, number or heading. (``The Ambassador and the DCM.`` after ``…
    the Deputy Minister,`` is no series going on: ``comma-rejoin`` leaves it.)"""
    words = line.split()
    return (len(words) >= 3 and _SERIES_GOES_ON.match(line) is not None and line.endswith(".")
            and any(w[:1].islower() for w in words) and not _LABEL.match(line) and not starts_new(line))


#: a name and a comma first: a series going on (``Venezuela, Angola, …``)
_SERIES_GOES_ON = re.compile(r"[A-Z][\w'\u2019.-]*, ")


#: an acronym in brackets, after the name it stands for (``… now it was time apply the Justice and Peace Law`` / blank /
#: ``(JPL).  He called …``, 06BOGOTA11125); not a portion marking (``(SBU)``, ``(C/NF)``)
_ACRONYM = re.compile(r"\((?!(?:U|C|S|SBU|TS|LOU|FOUO|NF)(?:\s*/+\s*[A-Z]+)*\))[A-Z][A-Za-z/&-]{1,10}\)(?=[\s.,;:]|$)")
#: a name's word last (``… of the Defense Industries Organization``)
_NAME_END = re.compile(r"\b[A-Z][a-z]+\s*$")


def _capital_or_figure(line: str) -> bool:
    """A run's first line begins with a capital, after a quotation mark too (``"No" vote in Santa Cruz, …``),
    with a figure in brackets (``(38,000) and Potosi (16,000) saw …``, 09LAPAZ96) or an acronym in brackets
    (``(JPL).  He called for …``): a sentence going on."""
    return _opening(line)[:1].isupper() or re.match(r"\(\d", line) is not None or _ACRONYM.match(line) is not None


def _wrapped(line: str) -> bool:
    """A long line of prose in mixed case: no label first (``Position: …``), no table's columns."""
    return len(line) >= SHORTEST_WRAP and line.upper() != line and not _LABEL.match(line) and "   " not in line


@MERGE.rule(
    "unwrapped-rejoin",
    after="mid-sentence-rejoin",
    note=note(
        "normalization",
        "In a copy that keeps each paragraph on one line, a paragraph a stray blank line cut mid-sentence "
        "(… without interfering in internal / Lebanese affairs.) is one paragraph again, where its line stops "
        "on a word with no mark after it and the text after the blank line is prose ending a sentence.",
    ),
)
def unwrapped_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``¶10. (S/NF) … without interfering in internal`` / (blank) / ``Lebanese affairs.``: the first run's last
    line an unwrapped paragraph with a sentence's end in it, ending in a bare word; the second run's first line
    in mixed case, beginning with a capital and ending a sentence, no number, label or rule first."""
    if furniture or not before or not texts:
        return False
    last, first = before[-1].strip(), texts[0].strip()
    word = last.rsplit(None, 1)[-1] if len(last) >= UNWRAPPED else ""  # (a letter in lower case: no redaction)
    if not word.isalpha() or word.isupper() or not _SENTENCE_END.search(last[:-1]):
        return False
    if not first[:1].isupper() or first.upper() == first or starts_new(first) or _LABEL.match(first):
        return False
    return terminal(first) and "   " not in first


#: a line that stops on a word's hyphen (not a dash: ``--``, `` -``)
_WORD_HYPHEN = re.compile(r"[A-Za-z]{2}-\s*$")


@MERGE.rule(
    "hyphen-rejoin",
    after="unwrapped-rejoin",
    note=note(
        "normalization",
        "A word a stray blank line cut after its hyphen (Director of CERT- / Estonia for his read …) is joined "
        "again, and its paragraph with it.",
    ),
)
def hyphen_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… Director of CERT-`` / (blank) / ``Estonia for his read …``: the first run's last line (prose, 25
    characters or more) stops on a word's hyphen, the second begins with a word: no number, item or rule."""
    if furniture or not before or not texts:
        return False
    last, first = before[-1].strip(), texts[0].strip()
    hyphen = last.endswith("-") and bool(_WORD_HYPHEN.search(last))
    return hyphen and len(last) > 25 and first[:1].isalpha() and not starts_new(first)


#: the shortest text line length the wrap test trusts; the share of a line's words in lower case that makes it prose
_MIN_WIDTH, _PROSE = 40, 0.4


@MERGE.rule(
    "page-break-rejoin",
    after="hyphen-rejoin",
    note=note(
        "normalization",
        "Prose a page break cut after a sentence's end is one paragraph again where the line before the break "
        "is so long that the next word would not have fitted on it (the teletype broke the line, not the "
        "writer) and the text after the break is prose beginning with a capital.",
    ),
)
def page_break_rejoin(before: list[str], furniture: list[Furniture], texts: list[str]) -> bool:
    """``… supporting regional democracy.`` / page line / ``The DCM thanked Zannini for …`` / ``Haiti. …``:
    two runs of prose of two lines or more with a page line between, the first's last line ending a
    sentence and too long for the second's first word to have fitted after it (the line length: the
    longest of the two runs' other lines, 40 or more), the second's first line long, its first two mostly in
    lower case, beginning with a capital (a quotation mark before it aside) and no number, label or rule."""
    if not any(f.kind == "page" for f in furniture) or len(before) < 2 or len(texts) < 2:
        return False
    last, first = before[-1].strip(), texts[0].strip()
    if not terminal(last) or not _opening(first)[:1].isupper() or starts_new(first) or _LABEL.match(first):
        return False
    width = max(len(x.strip()) for x in (*before[:-1], *texts[:-1]))
    space = 2 if any(".  " in x for x in (*before, *texts)) else 1  # (two after a sentence, where the writer sets two)
    if width < _MIN_WIDTH or len(last) + space + len(first.split()[0]) <= width:
        return False  # (the word would have fitted: the writer ended the paragraph there)
    # (prose: most words of the first two lines in lower case; a sentence may open with a name: ``Institutional
    # Revolutionary Party (PRI) contacts have`` / ``indicated that they would prefer …``, 09MEXICO3101)
    return 10 * len(first) >= 7 * width and lower_share(f"{first} {texts[1]}") > _PROSE
