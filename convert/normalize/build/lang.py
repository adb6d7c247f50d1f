"""Paragraphs in another language than the cable's (issue 14, item 8): ``xml:lang`` on a
``p`` or ``item`` written in Spanish, French, German, Italian or Portuguese.

A cheap rule a reader can check by hand, no language-identification model: count, among the
block's words, the commonest short words (articles, prepositions, pronouns, conjunctions) of
English and of each of those languages. A block is marked when it has at least
:data:`MIN_WORDS` words and one language's common words are at least :data:`MIN_HITS`, at least
a fifth of all its words, at least twice the English ones and more than any other language's.
Over the 6,550 pages and 300 rows it marks four blocks, all Spanish (a form letter quoted in a
page and a row, two titles of Argentine research projects) and no English one; quoted phrases
inside English sentences are too short to be told apart this way and stay unmarked (no
``foreign``).
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
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)?")
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


__all__ = ["COMMON", "LANGUAGES", "MIN_HITS", "MIN_WORDS", "language", "mark_languages"]
