"""Paragraphs in another language than the cable's (issue 14, item 8): ``xml:lang`` on a
``p`` or ``item`` written in Spanish, French, German, Italian or Portuguese.

A cheap rule a reader can check by hand, no language-identification model: count, among the
block's words, the commonest short words (articles, prepositions, pronouns, conjunctions) of
English and of each of those languages. A block is marked when it has at least
:data:`MIN_WORDS` words and one language's common words are at least :data:`MIN_HITS`, at least
a fifth of all its words, at least twice the English ones and more than any other language's.
Over the 6,550 pages and 300 rows it marks four blocks, all Spanish (a form letter quoted in a
page and a row, two titles of Argentine research projects) and no English one.

A quoted passage inside an English paragraph (between quotation marks: ``"…"``, the doubled
``""…""`` of the cablegate pages, “…”, «…») is marked ``<foreign xml:lang="..">`` by the same
count made stricter (:func:`quoted_language`): at least :data:`MIN_QUOTED_WORDS` words, no common
English word at all (nor a word that is English too: ``no``, ``do``, ``a``…), at least two
different common words of one language, that language's count above every other's and at least
a fifth of the words (``"es en flames"``, three words, stays unmarked). Hyphenated words are
one word (``non-technical``, ``Al-Masry``: no ``non``, no ``al``). A comma just inside the
closing mark is the English sentence's and stays outside. Precision first: a short or mixed
phrase stays unmarked, and so does a passage broken by an element (a page break, a repair
other than of its own quotation marks: ``&en el marco del dialogo8`` is marked);
``scripts/eval_foreign.py`` prints what the rule finds beside a judgement of each by eye.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from .xml import XML_LANG, T

#: the commonest short words of each language (lower case; the cables are mostly upper case)
COMMON: dict[str, frozenset[str]] = {
    "en": frozenset("the of and to in is that for it with as was on be by this are at from have not has "
                    "but an or they which will their".split()),
    "es": frozenset("el la los las del que es una por con para no se lo su al como pero sus esta este "
                    "son y en".split()),
    "fr": frozenset("le la les des est une que qui dans pour pas sur au aux avec ce cette sont du et en "
                    "il nous vous ne ses leur".split()),
    "de": frozenset("der die das und ist nicht mit ein eine den dem des auf zu sich von im auch es wir "
                    "ich sie".split()),
    "it": frozenset("il lo gli della che di non per una con sono anche del nella questo alla le e un".split()),
    "pt": frozenset("o os da do das dos que não uma para com em por se ao mais como seu sua".split()),
}
#: the languages a block may be marked as (the profile's closed list)
LANGUAGES = tuple(lang for lang in COMMON if lang != "en")
#: each common word -> the languages it is common in (one look-up per distinct word)
_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _common in COMMON.items():
    for _word in _common:
        _LANGS_OF[_word] = (*_LANGS_OF.get(_word, ()), _lang)
MIN_WORDS = 8
MIN_HITS = 4
MIN_QUOTED_WORDS = 4
#: words that are English too, or an Arabic name's article: they tell no language apart
ENGLISH_TOO = frozenset("a al an as do he i me no on so son come also".split())
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
#: a word, hyphenated ones whole (``non-technical`` is no ``non``)
_QUOTED_WORD = re.compile(r"[^\W\d_]+(?:['-][^\W\d_]+)*")
#: a quoted passage on one line of text: its opening marks, its words, its closing marks
#: (a run of straight marks opens only at its first mark, and whole: a run of thousands of
#: them is then one failed try, not one per mark, each going back over the run)
_QUOTED = re.compile(r'(?P<open>(?<!")"++|“|«\s?)(?P<inner>[^"“”«»]{2,300}?)(?P<close>"+|”|\s?»)')
#: for ASCII text, where ``[^\W\d_]`` is exactly ``[A-Za-z]``: letters lowered, apostrophes
#: kept, every other character a space (lowering the whole text lowers each word)
_ASCII_WORDS = str.maketrans({chr(c): chr(c).lower() if chr(c).isalpha() or chr(c) == "'" else " "
                              for c in range(128)})
#: text cut into runs of letters, lowered: every other ASCII character (an apostrophe too) a
#: space, and the typographic quotes and accent the pages hold (no letters: they end a word)
_RUNS = str.maketrans({**{chr(c): chr(c).lower() if chr(c).isalpha() else " " for c in range(128)},
                       **dict.fromkeys("\u2018\u2019\u201c\u201d\u00b4", " ")})
#: the common words of the languages a block may be marked as
_FOREIGN = frozenset().union(*(COMMON[lang] for lang in LANGUAGES))
#: :data:`_RUNS` for ASCII text as a byte table, and the common words as bytes: a byte
#: table is one look-up a character in C (a ``str`` table is a dict look-up a character,
#: most of the time this rule took)
_RUNS_ASCII = bytes(ord(_RUNS[c]) for c in range(128)) + bytes(range(128, 256))
_FOREIGN_ASCII = frozenset(word.encode() for word in _FOREIGN)
#: what inside a block is not its text: furniture, and a list's items (judged on their own)
_NOT_TEXT = frozenset({T + "fw", T + "list", T + "pb", T + "milestone"})


def _words(text: str) -> list[str]:
    """The words :data:`_WORD` finds in ``text``, in lower case. ASCII text (nearly every
    block) is split in C: with no apostrophe, each run of letters is a word."""
    if not text.isascii():
        return [word.lower() for word in _WORD.findall(text)]
    spaced = text.translate(_ASCII_WORDS)
    if "'" not in spaced:
        return spaced.split()
    # a run with an apostrophe is cut as the pattern cuts it (``qu'il`` one word, ``a'b'c`` two)
    return [word for chunk in spaced.split() for word in (_WORD.findall(chunk) if "'" in chunk else (chunk,))]


def _may_be_foreign(text: str) -> bool:
    """False when ``text`` cannot be marked, found in C without cutting it into words: each
    word is one run of letters or two joined by an apostrophe, and a common word is one run,
    so a language's hits are at most the runs that are a foreign common word and the words
    at least half the runs. (English prose is told so at once; text with other letters than
    ASCII ones: True, the words are counted.)"""
    if text.isascii():  # nearly every block: the same runs, cut from bytes
        ascii_runs = text.encode("ascii").translate(_RUNS_ASCII).split()
        hits = sum(map(_FOREIGN_ASCII.__contains__, ascii_runs))
        return hits >= MIN_HITS and hits * 10 >= len(ascii_runs)
    spaced = text.translate(_RUNS)
    if not spaced.isascii():
        return True
    runs = spaced.split()
    foreign = sum(map(_FOREIGN.__contains__, runs))
    return foreign >= MIN_HITS and foreign * 10 >= len(runs)


def language(text: str) -> str | None:
    """The language ``text`` is written in when it is clearly one of :data:`LANGUAGES`, else
    None (English, too short, or not clear)."""
    if not _may_be_foreign(text):
        return None
    words = _words(text)
    if len(words) < MIN_WORDS:
        return None
    # each distinct common word is looked up once (the same sums as word by word)
    counts = Counter(words)
    hits = dict.fromkeys(COMMON, 0)
    for word in counts.keys() & _LANGS_OF.keys():
        for lang in _LANGS_OF[word]:
            hits[lang] += counts[word]
    ranked = sorted(LANGUAGES, key=lambda lang: hits[lang], reverse=True)
    best, second = ranked[0], ranked[1]
    if (hits[best] >= MIN_HITS and hits[best] * 5 >= len(words) and hits[best] >= 2 * hits["en"]
            and hits[best] > hits[second]):
        return best
    return None


def quoted_language(text: str) -> str | None:
    """The language of a quoted passage when it is clearly one of :data:`LANGUAGES` (the
    stricter count of the module's note), else None."""
    words = [word.lower() for word in _QUOTED_WORD.findall(text)]
    if len(words) < MIN_QUOTED_WORDS or any(w in COMMON["en"] or w in ENGLISH_TOO for w in words):
        return None
    kinds = {lang: {w for w in words if w in COMMON[lang]} for lang in LANGUAGES}
    hits = {lang: sum(w in COMMON[lang] for w in words) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: hits[lang])
    if (len(kinds[best]) >= 2 and hits[best] * 5 >= len(words)
            and all(hits[best] > hits[lang] for lang in LANGUAGES if lang != best)):
        return best
    return None


def _text(node: etree._Element) -> Iterator[str]:
    if node.text:
        yield node.text
    for child in node:
        if child.tag not in _NOT_TEXT:
            yield from _text(child)
        if child.tail:
            yield child.tail


def mark_languages(text: etree._Element) -> int:
    """``xml:lang`` on each ``p`` and ``item`` of ``text`` written in another language; the
    number marked."""
    marked = 0
    for node in text.iter(T + "p", T + "item"):
        found = language(" ".join(_text(node)))
        if found:
            node.set(XML_LANG, found)
            marked += 1
    return marked


#: where a quoted passage may be marked: inside these, in an English paragraph or item
_HOLDERS = frozenset({T + "p", T + "item", T + "seg", T + "quote", T + "q", T + "hi"})


#: a character a quoted passage opens with: where :data:`_QUOTED` can begin to match
_OPENING = re.compile('["“«]')


def _quoted(text: str) -> Iterator[re.Match[str]]:
    """``_QUOTED.finditer(text)``, tried only where a passage can open: the regex engine
    tries every position of the text, each a failed try of the whole pattern (three times
    as long over the cables' paragraphs). ``match`` at a position still sees the character
    before it (the opening's look-behind)."""
    pos = 0
    while (at := _opening(text, pos)) >= 0:
        match = _QUOTED.match(text, at)
        if match is None:
            pos = at + 1
        else:
            yield match
            pos = match.end()


def _opening(text: str, pos: int) -> int:
    """Where the first of :data:`_OPENING`'s characters stands in ``text`` from ``pos`` (-1:
    none): found with ``str.find`` (``memchr``), where the pattern's class was tested at each
    character in turn."""
    found = [at for at in (text.find('"', pos), text.find("“", pos), text.find("«", pos)) if at >= 0]
    return min(found) if found else -1


def _pieces(text: str) -> list[str | etree._Element]:
    """``text`` cut at each quoted passage in another language: the text between, and a
    ``foreign`` for each passage (its quotation marks left outside it)."""
    out: list[str | etree._Element] = []
    pos = 0
    for match in _quoted(text):
        found = quoted_language(match["inner"])
        if found is None:
            continue
        node = etree.Element(T + "foreign")
        node.set(XML_LANG, found)
        inner = match["inner"].rstrip(",")  # a comma inside the closing mark is the English sentence's
        node.text = inner
        out += [text[pos : match.end("open")], node]
        pos = match.start("inner") + len(inner)
    if not out:
        return [text]
    return [*out, text[pos:]]


_CHOICE = T + "choice"


def _quote_mark(node: etree._Element | None, mark: str) -> bool:
    """Whether ``node`` is a repair whose corrected reading is the quotation mark ``mark``
    (``&`` -> “, ``8`` -> ”: marks sent as other characters, corrected by the inline rules)."""
    return node is not None and node.tag == _CHOICE and len(node) == 2 and node[1].text == mark


def _between_repaired_marks(after: etree._Element | None, text: str) -> bool:
    """Whether ``text``, the tail of ``after``, stands between two repaired quotation marks:
    ``&`` … ``8`` (corrected to “ … ”), or a pair of quotation marks the CSV export doubled
    (``""`` … ``""``, regularised to ``"``), the text next to both (an opening mark, not the
    words between a closing mark and the next opening one)."""
    if after is None or after.tag != _CHOICE:
        return False
    following = after.getnext()
    if _quote_mark(after, "“") and _quote_mark(following, "”"):
        return True
    hugged = bool(text) and not text[0].isspace() and not text[-1].isspace()
    return hugged and _quote_mark(after, '"') and _quote_mark(following, '"')


def _whole(text: str) -> list[str | etree._Element]:
    """``text`` (all between a repaired opening and closing mark) as a ``foreign`` when it is
    a passage in another language, its white space and a final comma outside."""
    found = quoted_language(text)
    if found is None:
        return [text]
    inner = text.strip().rstrip(",")
    start = text.index(inner)
    node = etree.Element(T + "foreign")
    node.set(XML_LANG, found)
    node.text = inner
    return [text[:start], node, text[start + len(inner) :]]


def _mark_text(holder: etree._Element) -> int:
    """``foreign`` around the quoted passages of ``holder``'s own text and its children's
    tails, and around a tail that stands between two repaired quotation marks; a passage
    broken by any other element is left alone. How many."""
    marked = 0
    slots: list[tuple[etree._Element | None, str]] = [(None, holder.text or "")]
    slots += [(child, child.tail or "") for child in holder if isinstance(child.tag, str)]
    for after, text in slots:
        if _between_repaired_marks(after, text):
            pieces = _whole(text)  # between two repaired marks: & … 8, "" … ""
        elif "\"" in text or "“" in text or "«" in text:
            pieces = _pieces(text)
        else:
            continue
        if len(pieces) == 1:
            continue
        first, rest = pieces[0], pieces[1:]
        if after is None:
            holder.text = str(first)
            index = 0
        else:
            after.tail = str(first)
            index = holder.index(after) + 1
        for node, tail in zip(rest[::2], rest[1::2], strict=True):
            assert isinstance(node, etree._Element) and isinstance(tail, str)
            node.tail = tail
            holder.insert(index, node)
            index += 1
            marked += 1
    return marked


def _other(node: etree._Element) -> bool:
    return node.get(XML_LANG) not in (None, "en")


#: the blocks whose quoted passages are marked (with the holders inside them)
_BLOCKS = frozenset({T + "p", T + "item"})


def mark_foreign(text: etree._Element) -> int:
    """``foreign`` with its ``xml:lang`` around each quoted passage in another language of
    the English paragraphs and items of ``text``; the number marked."""
    if any(_other(node) for node in (text, *text.iterancestors())):
        return 0
    return _mark_below(text, False)


def _mark_below(node: etree._Element, in_block: bool) -> int:
    """:func:`_mark_text` of every holder under ``node`` that is in a block (a ``p`` or
    ``item``, or ``in_block``), in document order, in one walk: an element in another
    language is passed over with everything in it."""
    marked = 0
    for child in node:
        tag = child.tag
        if tag.__class__ is not str:
            continue  # a comment
        lang = child.get(XML_LANG)
        if lang is not None and lang != "en":
            continue  # a block, holder or passage in another language (as _other, without a call)
        inside = in_block or tag in _BLOCKS
        if inside and tag in _HOLDERS:
            marked += _mark_text(child)  # before its children: it only adds foreign to them
        if len(child):
            marked += _mark_below(child, inside)
    return marked


__all__ = ["COMMON", "ENGLISH_TOO", "LANGUAGES", "MIN_HITS", "MIN_QUOTED_WORDS", "MIN_WORDS", "language",
           "mark_foreign", "mark_languages", "quoted_language"]
