"""What a signer's name looks like (no rules here): the one definition that the closing's
signature rules and the passes that find a signer before a copy or an export's row share.

A name's words: :data:`CAPS_WORD` (a word in capitals: ``TUTTLE``, ``O'NEILL``), :data:`CAPITAL_WORD`
(a capital, then any case: ``Tuttle``, ``McCOY``), :data:`NAME_WORD` (any word :func:`is_name`
accepts: ``de``, ``St.``); :func:`words` makes a name of one to three of them. Where a name may
stand on a line after text: :data:`SENTENCE_END` (the last sentence's end before it) or a
redaction (``… leaving post. XXXXXXXXXXXX TUTTLE``), which is never a word of the name
(:data:`NOT_REDACTED`).

Its users differ on purpose only in where the name stands and how many words it has:
``repeated._NAME_ALONE`` one word in capitals alone on its line (the first copy's signature);
``copyhead._NAME`` one word in capitals at the line's end, after its start, a sentence's end or a
redaction and one space (a look-behind has a fixed width), a dump's backslash after it;
``endings._CAPS_NAME_AFTER_SENTENCE`` and ``redacted`` one to three words in capitals after a
sentence's end or a redaction; ``closing``'s and ``unquoted``'s one to three words with a
capital first; :func:`is_name` then judges the words any of them found.
"""

from __future__ import annotations

import re

#: a word of a name written in capitals
CAPS_WORD = r"[A-Z][A-Z'’-]+"
#: a word of a name with its capital first, any case after it
CAPITAL_WORD = r"[A-Z][A-Za-z'’-]+"
#: any word of a name as cables sign (``is_name``'s words: a particle in lower case, an initial)
NAME_WORD = r"[A-Za-z][A-Za-z'’.-]*"
#: what ends the last sentence before a name on its line (a quotation's or a parenthesis's end too, and a
#: press item's bracketed source: ``… companies. [Tripoli Post, 2/21/2009] CRETZ``, 09TRIPOLI221)
SENTENCE_END = r"[.!?)\]\"'”]"
#: a redaction: a run of X's (the withheld words)
REDACTED = re.compile(r"[Xx]{4,}")
#: put before a word of a name: the word is no redaction
NOT_REDACTED = r"(?!X{4})"


def words(word: str, most: int = 3) -> str:
    """A name of one to ``most`` words of the shape ``word``, white space between them."""
    return rf"{word}(?:\s+{word}){{0,{most - 1}}}"


_NAME_WORD = re.compile(NAME_WORD)
_NOT_NAMES = frozenset(
    "END COMMENT SUMMARY TEXT UNQTE QTE UNQUOTE QUOTE SIPDIS NOFORN THANKS THANK YOU NOTE BT NNNN CONFIDENTIAL SECRET "
    "UNCLASSIFIED UNCLAS SENSITIVE PARA ENDS MINIMIZE CONSIDERED CLEARED REGARDS DRAFTED APPROVED GP-3 EXEMPT "
    "DECL ADS".split()
)
#: words no name begins with: a sentence's small words (``END COMMENT`` / ``AND GUIDANCE REQUES``,
#: 05THEHAGUE1556: an end label wrapped and cut, no signature)
_NOT_FIRST = frozenset("AND OR BUT THE OF FOR TO IN ON AT BY WITH FROM".split())


def is_name(text: str) -> bool:
    """One to four words of letters (a name as cables sign), none a word cables end with or
    holding a redaction (``XXXXXXXXXXXXTUTTLE``: ``redaction-glued-signature``), none beginning
    with a sentence's small word (``AND GUIDANCE REQUES``) before another, nor the first
    letters of ``Classified`` cut off by an ellipsis (``Classifie...``, ``Cl...``: a media
    partner's copy cut short in its Classified By line; ``WEINROD..``, ``Susman...`` sign)."""
    cut = text.strip().rstrip(".\u2026")
    if cut != text.strip() and len(cut) >= 2 and "CLASSIFIED".startswith(cut.upper()):
        return False
    words = text.replace(".", " ").replace("#", " ").removeprefix("* ").split()  # (``* HENZEL``: a stray star)
    if not words or len(words) > 4 or len(text) > 40:
        return False
    if any(w.upper().strip("’'") in _NOT_NAMES or REDACTED.search(w) for w in words):  # no redaction in a name
        return False
    if len(words) > 1 and words[0].upper() in _NOT_FIRST:
        return False
    return all(_NAME_WORD.fullmatch(w) for w in words) and any(len(w) > 1 for w in words)


#: the small words a sentence goes on after (a line that ends in one ends no sentence)
_GOES_ON = frozenset("the a an of to in into with and or but for by on at from as his her their its our".split())


def after_unfinished(prev_end: str, line: str) -> bool:
    """``… will be aired in the Spanish media`` / ``Aguirre``: one surname in mixed case alone on
    the line after prose that ends in a lower-case word, its full stop lost (07MADRID545); not
    after a small word a sentence goes on after, nor after a capitalised word (``the Legislative``
    / ``Assembl``, a name's own run)."""
    words = prev_end.split()[-3:]  # (three words of prose: not an address's end, ``…/index.c fm``)
    return (_SURNAME.fullmatch(line.strip()) is not None and len(words) == 3 and all(map(str.isalpha, words))
            and words[-1].islower() and words[-1] not in _GOES_ON)


_SURNAME = re.compile(r"[A-Z][a-z]+")
