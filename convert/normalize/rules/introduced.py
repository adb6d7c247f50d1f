"""Chain ``inline.spans`` (continued from :mod:`.inline`): a quoted text whose end is written and
whose start is not.

A drafter who quotes a letter, a statement or a translation often introduces it with a sentence that
ends in a colon and writes only its end: ``7. (U) Text of joint letter to Minister of Finance, …
signed by ambassadors of`` / ``U.S., U.K., Sweden, Finland, France, Germany, and The Netherlands:`` /
the letter's two paragraphs / ``End text.`` (09REYKJAVIK36). Read as it stands, the letter's words were
the embassy's own, and a reader could not tell where the quotation began.

``quote-introduced`` marks as the quotation (``seg type="quote"``, as ``BEGIN TEXT … END TEXT``) the
text from the introduction to the end marker. The introduction is the first colon, from the cable's own
paragraph that holds or precedes the marker on, whose sentence says it introduces a text (``text``,
``letter``, ``translation``, ``follows``, ``noted`` …; not a list's lead-in, ``Such measures include:``),
or a sentence that ends ``follows.`` (``The full text of the Libyan draft MOU follows. Draft Memorandum …``,
08TRIPOLI308); the quotation begins after it, in its run or in the next. A salutation that ends in a
colon (``Dear Commissioner Ali:``, ``Your Excellency:``), where no sentence announces the text, is the
letter's own first line, inside the quotation. Nothing is marked where a heading or another span (a summary,
a comment, a quotation) comes between, where the cable's paragraph lies more than 40 runs back (where the
quotation began is not known: ``Bgin Text:`` 60 runs up, 06SANJOSE980), where a start marker the quote rule
left unclosed comes before (``Begin text of submission:`` far above its end, 09REYKJAVIK49: the quotation
began there), or where no words stand between the introduction and the marker.
"""

from __future__ import annotations

import re

from ..tokens import SpanText, search, wrap, wrap_parts
from . import inline  # noqa: F401  (the quote rule, which this one goes after, registered first)
from .inline import QUOTE_END, QUOTE_START, SPANS
from .ruler import note

#: how many runs before its end marker a quotation's introduction is looked for
_REACH = 40
#: a letter's salutation: the letter's own first line (``Dear Commissioner Ali:``, ``Your Excellency:``,
#: ``Friends:``), a few words at most
_SALUTATION = re.compile(r"^\s*(?:Dear\b|Your\s+(?:Excellency|Majesty|Highness)|(?:Mr|Madam)\.?\s+\w+|Friends)",
                         re.I)
_SALUTATION_WORDS = 6
#: words by which a sentence announces a text it quotes (``Text of joint letter …:``, ``Unofficial translation of
#: the Diplomatic Note follows:``, ``The information provided by LAICA is the following:``, ``One reporter noted:``),
#: looked for in the introduction's last sentence; not a list's lead-in (``Such measures include:``)
_ANNOUNCES = re.compile(
    r"(?i)\b(?:texts?|translat(?:ion|ed)|letter|statement|follows|reads|quoted?|release|resolution|message|points"
    r"|declaration|communiqu[eé]|speech|remarks|excerpts?|paper|e-?mail|noted|wrote)\b|\bfollowing\s*$"
)
#: a start marker the quote rule did not close within its reach (``Begin text of submission:`` … 90 runs on …
#: ``End text of submission Part 1 of 2.``, 09REYKJAVIK49; ``Begin Letter:``, 08STATE134490): the quotation
#: began there, not at the nearest colon
_BEGUN = re.compile(r"(?i)\bbegin\s+(?:[\w-]+\s+){0,3}?(?:text|letter|quote|translation|non-?paper|points|note)\b")


def _introduction(text: SpanText, end: int, limit: int) -> tuple[int, int] | None:
    """Where the quotation that ends in run ``end`` (its marker at ``limit``) begins: (run, offset) just past
    the first colon that announces a text (:func:`_announced`) from the paragraph of the cable's numbering
    before the marker (or the heading or span that comes first) on, or at a letter's salutation where none
    does; None where there is neither, or where none of these comes within the reach (40 runs)."""
    found: tuple[int, int] | None = None
    for index in range(end, max(-1, end - 1 - _REACH), -1):
        source = text.texts[index] if index < end else text.texts[end][:limit]
        if index < end and text.spanned(index):
            return found
        at = _announced(source)
        if at is not None:
            found = (index, at) if source[at:].strip() else (index + 1, 0)
        elif found is None and _salutation(source):
            found = (index, 0)
        if index in text.numbered or index in text.opened or index == 0:
            return found
    return None  # (past the reach, where the quotation began is not known: ``Bgin Text:`` 60 runs up, 06SANJOSE980)


def _salutation(source: str) -> bool:
    return len(source.split()) <= _SALUTATION_WORDS and bool(_SALUTATION.match(source)) and source.rstrip()[-1:] == ":"


#: where an introduction ends: a colon, or ``follows.`` (``The full text of the Libyan draft MOU follows. Draft
#: Memorandum of Understanding …``, 08TRIPOLI308)
_INTRODUCED = re.compile(r":\s*|\bfollows\.\s+")


def _announced(source: str) -> int | None:
    """The end of the first colon in a run whose sentence announces a text (``… (slightly edited) follows:``),
    or of the first ``follows.``; None where there is none."""
    for stop in _INTRODUCED.finditer(source):
        if source[stop.start()] != ":" or _ANNOUNCES.search(re.split(r"[.!?]\s+(?=[A-Z])", source[: stop.start()])[-1]):
            return stop.end()
    return None


@SPANS.rule(
    "quote-introduced",
    after="quote",
    trigger=("end", "unq"),
    note=note(
        "normalization",
        "A quoted text whose end is written (End text.) and whose start is not: the text from the colon or the "
        "'follows.' that introduces it (Text of joint letter … signed by ambassadors of …:) to the end marker is "
        "marked as the quotation, a letter's salutation (Dear …:) inside it.",
    ),
)
def quote_introduced(text: SpanText) -> bool:
    """``Text of joint letter … signed by ambassadors of …:`` / two paragraphs / ``End text.``
    (09REYKJAVIK36): where an end marker of a quoted text has no start marker before it in its run
    and no span holds it, the text from its introduction (:func:`_introduction`) to the marker is the
    quotation."""
    found = False
    for end in range(len(text.tokens)):
        low = text.lows[end]
        if ("end" not in low and "unq" not in low) or text.spanned(end):
            continue
        marker = search(QUOTE_END, text.texts[end], low, ("end", "unq"))
        if marker is None or QUOTE_START.search(text.texts[end], 0, marker.start()):
            continue
        begins = _introduction(text, end, marker.start())
        if begins is None or any(_BEGUN.search(text.texts[k]) for k in range(end)):
            continue
        first, offset = begins
        if first == end:
            if not text.texts[end][offset : marker.start()].strip():
                continue  # the marker alone after its introduction: nothing quoted
            text.tokens[end] = wrap(text.tokens[end], offset, marker.end(), "quote")
        else:
            wrap_parts(text, list(range(first, end + 1)), offset, marker.end(), "quote")
        found = True
    return found
