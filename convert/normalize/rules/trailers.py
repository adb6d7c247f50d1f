"""Stage "closing" (continued from :mod:`.closing`): a post's notice of its classified website at
the end of the text, set apart from the last paragraph.

Chain (run by :mod:`convert.normalize.closing`, after the signature is taken):

- ``closing.trailer`` ``(texts) -> (line, column) | None``: where, in the text lines at the
  end of the body, a post's trailer begins; everything from there to the end is the trailer
  (first match).

Many posts' cable software ended every message with a line pointing to the post's page on the
classified network (``Visit Embassy Cairo's Classified Website: http://www.state.sgov.gov/p/nea/cairo
You can also access this site through the State Department's Classified SIPRNET website.``),
often between lines of asterisks, often run on from the last sentence. It is the post's
boilerplate, not the cable's text: the reading edition prints it with the routing header, after
the text, and a paragraph's text no longer ends with it.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .ruler import Chain, note

TRAILER: Chain[Callable[[list[str]], tuple[int, int] | None]] = Chain(
    "closing.trailer",
    "closing",
    "The text lines at the end of the body, after the signature: where does a post's website notice begin? "
    "(first match)",
)

#: the notice's opening words (``Please visit Paris' Classified Website at:``, ``Visit Embassy
#: Tel Aviv's Classified Web Site``, ``visit our classified website``)
_NOTICE = re.compile(r"(?:please\s+)?visit\s+(?:\S+\s+){0,5}?classified\s+web\s?site\b", re.I)
#: what may stand before the notice on its line: rules of asterisks, a sentence's end, or two
#: spaces (where a page ran the lines of the text into one, a lost line break)
_BEFORE = re.compile(r"(?:^|.*[.!?\"”')\]]|.*\S(?=\s\s))[\s*]*$", re.S)
#: what the rest of the notice is made of: addresses (cut by the page's wrapping), the
#: sentence naming SIPRNET, another page "at" an address, rules, redactions, punctuation
_NOTICE_PARTS = re.compile(
    r"\(?\S*(?:://|www\.|sgov\b|\.gov\b|\.cfm\b|\bhttps?\b)\S*"
    r"|(?:you\s+can\s+also\s+|or\s+)?access\s+(?:this|the)\s+site\s+through\s+the\s+state\s+department[’']?s?\s+"
    r"(?:classified\s+)?siprnet\s+(?:web\s?site|home\s?page)"
    r"|and\s+the\s+(?:[\w-]+\s+){0,4}(?:blog|site|page|portal)\s+at"
    r"|\bat\b|\bor\b|[*=_-]{2,}|[Xx]{4,}|\.{3}|[\s:;,.()/\"“”*-]+",
    re.I,
)
#: a line of asterisks (or other rule characters) alone, above the notice
_RULE_LINE = re.compile(r"^[\s*=_-]*[*=_-]{3,}[\s*=_-]*$")
#: what may be left of the notice besides its parts: the ends of addresses the page's
#: wrapping cut off (``Portal:Moro cco``, ``index.c fm``), a word or two, each short
_LEFT_WORDS = 2
_LEFT_CHARS = 12
#: the longest notice taken (the longest in the pages is under 300 characters)
_LONGEST = 400


def _only_notice(rest: str) -> bool:
    """Whether ``rest`` (what follows the notice's opening words) is nothing but the notice."""
    if len(rest) > _LONGEST:
        return False
    left = _NOTICE_PARTS.sub(" ", rest).split()
    return len(left) <= _LEFT_WORDS and all(len(word) <= _LEFT_CHARS for word in left)


@TRAILER.rule(
    "post-trailer",
    note=note(
        "normalization",
        "A post's notice of its classified website at the end of the text (Visit Embassy Cairo's Classified "
        "Website: http://…, You can also access this site through the State Department's Classified SIPRNET "
        "website.), alone or run on from the last sentence, is the post's boilerplate, not the cable's text: it "
        "is set apart as ab type=\"trailer\", and the reading edition prints it with the routing header, after "
        "the text.",
    ),
)
def post_trailer(texts: list[str]) -> tuple[int, int] | None:
    """``Tripoli minimize considered.`` / ``Please visit Paris' Classified Website at:`` /
    ``http://www.state.sgov.gov/p/eur/paris/index.c fm``: the first line of the last lines
    where a post's notice of its website begins (at the line's start, after asterisks, or
    after a sentence's end), when what follows it to the end is nothing but the notice (its
    addresses, the sentence naming SIPRNET, rules of asterisks, a redaction), with the lines
    of asterisks right above it. A mention of
    the website within a sentence (``available on Embassy Rome's Classified web site``) does
    not begin with "visit" there, and is not taken."""
    for index, line in enumerate(texts):
        for found in _NOTICE.finditer(line):
            before = _BEFORE.match(line, 0, found.start())
            if before is None:
                continue
            rest = " ".join([line[found.end() :], *texts[index + 1 :]])
            if not _only_notice(rest):
                continue
            column = found.start()
            while column and line[column - 1] in " \t*":  # the asterisks and space before it are the notice's
                column -= 1
            while not column and index and _RULE_LINE.match(texts[index - 1]):  # and a line of them above it
                index -= 1
            return index, column
    return None
