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
#: Tel Aviv's Classified Web Site``, ``visit our classified website``; Asuncion's ``Please visit us
#: at http://www.state.sgov.gov/p/wha/asuncion``, its address on the classified network next;
#: Kuwait's and Lisbon's ``For more reporting from Embassy Kuwait``, the rest of their sentence a
#: notice sentence below; Ottawa's ``Visit Canada,s Economy and Environment Forum at http://www.intelink.gov/…``)
_NOTICE = re.compile(
    r"(?:please\s+)?visit\s+(?:\S+\s+){0,5}?classified\s+web\s?site\b"
    r"|please\s+visit\s+us\s+at(?=\s+\S*sgov\.gov)"
    # a post's other page on the classified network (``Visit Canada,s Economy and Environment Forum at``)
    r"|visit\s+(?:\S+\s+){0,6}?(?:forum|blog|web\s?page|community|wiki)\s+at:?(?=\s+\S*(?:sgov|intelink)\.gov|\s*$)"
    r"|for\s+more\s+reporting\s+from\s+(?:embassy|consulate|mission)\s+[\w.-]+",
    re.I,
)
#: a quotation mark that opens the notice (09ANKARA1472: the notice quoted whole, its address wrapped)
_OPENING = "\"“"
#: what ends a sentence before the notice on its line
_SENTENCE_END = frozenset(".!?\"”')]")
#: the notice's sentences besides its opening: the one naming SIPRNET, another page "at" an
#: address (``and the North American Partnership Blog at http://…``), the website's after
#: Kuwait's opening (``visit Kuwait's Classified Website at:``), the rest of Kuwait's and Lisbon's
#: opening (``, visit:``, ``and information about Portugal, please see our Intelink site:``)
_NOTICE_SENTENCES = re.compile(
    r"(?:you\s+can\s+also\s+|or\s+)?access\s+(?:this|the)\s+site\s+through\s+the\s+state\s+department[’']?s?\s+"
    r"(?:classified\s+)?siprnet\s+(?:web\s?site|home\s?page)"
    r"|and\s+the\s+(?:[\w-]+\s+){0,4}(?:blog|site|page|portal)\s+at"
    r"|visit\s+(?:\S+\s+){0,3}?classified\s+web\s?site(?:\s+at)?"
    r"|(?:and\s+information\s+about\s+(?:\S+\s+){0,3}?\S+?,?\s+)?(?:visit|please\s+see\s+our\s+intelink\s+site)\s*+:",
    re.I,
)
#: a word that is (part of) an address
_ADDRESS_MARKS = ("://", "www.", "sgov", ".gov", ".cfm", "http")
#: the little words and marks around the notice's parts
_NOTICE_WORDS = frozenset({"at", "or"})
_MARKS = " \t:;,.()/\"“”*=_-"
#: what may be left of the notice besides its parts: the ends of addresses the page's
#: wrapping cut off (``Portal:Moro cco``, ``index.c fm``), a word or two, each short
_LEFT_WORDS = 2
_LEFT_CHARS = 12
#: a list item's label alone before the notice on its line (the sender's list numbered it too)
_LIST_LABEL = re.compile(r"\s*\(?(?:[A-Za-z]|\d{1,2})[.)]")
#: the longest notice taken (the longest in the pages is under 300 characters)
_LONGEST = 400


def _notice_part(word: str) -> bool:
    """Whether a word of what follows the opening is the notice's own: an address, a run of
    asterisks or other marks, a redaction (``XXXXXXXXXXXX``), "at" or "or"."""
    bare = word.strip(_MARKS)
    return (
        not bare
        or any(mark in word.lower() for mark in _ADDRESS_MARKS)
        or bare.lower() in _NOTICE_WORDS
        or (len(bare) >= 4 and (set(bare) <= {"X"} or set(bare) <= {"x"}))
    )


def _only_notice(rest: str) -> bool:
    """Whether ``rest`` (what follows the notice's opening words) is nothing but the notice."""
    if len(rest) > _LONGEST:
        return False
    left = [w for w in _NOTICE_SENTENCES.sub(" ", rest).split() if not _notice_part(w)]
    return len(left) <= _LEFT_WORDS and all(len(word) <= _LEFT_CHARS for word in left)


#: an end marker with no stop (``… a weakening economy. End Comment``), or a signer's name in
#: capitals after the last sentence (``… Delegation. STAPLETON``): the notice may follow either
_ENDED_OTHERWISE = re.compile(
    r"(?:\b(?i:end\s+(?:of\s+)?(?:comment|note|summary|text))|[.!?]\s+[A-Z]{3,}(?:\s+[A-Z]{3,})?)$"
)


def _may_begin(before: str) -> bool:
    """Whether the notice may begin after ``before`` (its line up to the notice): nothing but
    asterisks and spaces, a sentence's end, two spaces (where a page ran the lines of the text
    into one, a lost line break), or a run of ten asterisks or more (the notice's own rule, after
    a list item's end: ``… Defense Ministries ****…**** Visit Embassy Manama's …``), an end
    marker with no stop or a signer's name in capitals (``… End Comment Visit London's …``, ``…
    Delegation. STAPLETON Please visit Paris' …``)."""
    kept = before.rstrip(" \t*")
    if kept[-1:] == "“" and (len(kept) == 1 or kept[-2].isspace()):  # the notice quoted whole (09ANKARA1549)
        kept = kept[:-1].rstrip(" \t*")
    gap = before[len(kept) :]
    if not kept or kept[-1] in _SENTENCE_END or (len(gap) >= 2 and gap[:2].isspace()) or "*" * 10 in gap:
        return True
    return _ENDED_OTHERWISE.search(kept[-80:]) is not None


def _rule_line(line: str) -> bool:
    """A line of asterisks (or other rule characters) alone."""
    text = line.strip()
    return len(text) >= 3 and set(text) <= set("*=_- \t")


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
        lower = line.lower()
        if "web" not in lower and "visit" not in lower and "reporting from" not in lower:
            continue  # (every notice holds one: ``_NOTICE``, with no prefix, is tried at every position)
        for found in _NOTICE.finditer(line):
            if not _may_begin(line[: found.start()]):
                continue
            rest = " ".join([line[found.end() :], *texts[index + 1 :]])
            if not _only_notice(rest):
                continue
            column = found.start()
            if column and line[column - 1] in _OPENING and (column == 1 or line[column - 2].isspace()):
                column -= 1  # the quotation mark that opens it (``"Visit Ankara's … Portal:Turkey"``)
            while column and line[column - 1] in " \t*":  # the asterisks and space before it are the notice's
                column -= 1
            if _LIST_LABEL.fullmatch(line[:column]):
                column = 0  # a list's label that numbers the notice (``k. Visit Kuwait's …``, 09KUWAIT1135)
            while not column and index and _rule_line(texts[index - 1]):  # and a line of them above it
                index -= 1
            return index, column
    return None
