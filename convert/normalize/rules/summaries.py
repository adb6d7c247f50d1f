"""Chain ``inline.spans`` (continued from :mod:`.inline`): a summary whose END SUMMARY has no
label before it.

Many cables open with a paragraph that ends ``… are as follows. End summary.`` with no
``Summary:`` at its start (10PARIS71, 04PANAMA823, 06CAIRO941): the drafter let the first
paragraph be the summary and wrote only its end. The span is that paragraph's text, from its
start to the end marker.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..parsed import Seg
from ..tokens import Span, SpanText, mark_ranges, search, wrap_parts
from . import inline  # noqa: F401  (summary-compound, which this rule goes after, registered first)
from .inline import COMPOUND_START, SPANS, SUMMARY_END, SUMMARY_START
from .ruler import note

#: the words a summary must hold before its end marker (not ``END SUMMARY.`` alone on its line)
_WORDS = 6
#: a summary label before the end marker in the same paragraph (another rule's, or none to find)
_LABEL = re.compile(r"(?i)\bsummary\b")
_UNLABELLED = Span("summary", re.compile(r"(?=\S)"), SUMMARY_END, ("",), ("end",), anywhere=False, end_at=("end",))
#: the same where the end marker is in one of the paragraph's list items
_UNLABELLED_ITEMS = replace(_UNLABELLED, through_items=True)


def _has_summary(text: SpanText) -> bool:
    return any(isinstance(token, Seg) and token.type == "summary" for run in text.tokens for token in run)


#: a handling notice (``(U) This cable is business-sensitive. Please protect accordingly.``,
#: ``SENSITIVE BUT UNCLASSIFIED -- HANDLE ACCORDINGLY``): at most this many words
_NOTICE = re.compile(
    r"(?i)\b(?:please\s+(?:handle|protect|treat)\s+accordingly|not\s+for\s+(?:internet|public)\s+distribution"
    r"|sensitive\s+but\s+unclassified|business[- ]sensitive)\b"
)
_NOTICE_WORDS = 30


def _is_notice(source: str) -> bool:
    return len(source.split()) <= _NOTICE_WORDS and _NOTICE.search(source) is not None


def _before_one(text: SpanText, index: int) -> bool:
    """The paragraph ``index`` has no number and the next paragraph is paragraph 1."""
    return index not in text.numbered and text.numbered.get(text.main[text.main.index(index) + 1]) == 1


@SPANS.rule(
    "summary-unlabelled",
    after="summary-compound",
    trigger=("end",),
    note=note(
        "normalization",
        "The text's first paragraph, when it ends with END SUMMARY and has no summary label (… are as follows. "
        "End summary.), is the cable's summary, from its start to the end marker.",
    ),
)
def summary_unlabelled(text: SpanText) -> bool:
    """``1. (C) Staffdel Kessler, representing the House Committee on Foreign Affairs, visited
    Paris … Highlights of Staffdel Kessler's meetings in Paris are as follows. End summary.``
    (10PARIS71): where no summary was found, the text's first paragraph, when it holds END
    SUMMARY after six words or more with no word SUMMARY before it (in its text, or in one of
    its list items: :func:`_in_items`), is the summary from its start to the end marker. An END
    SUMMARY further on is left alone (where the summary began is not written), and so is a first
    paragraph that begins in lower case (a page cut mid-sentence) or under a summary heading
    (``summary-heading``'s). A handling notice before it is not the text's first paragraph
    (``(U) This cable is business-sensitive. Please protect accordingly.`` / ``¶1. (SBU) VARIG,
    … End Summary.``, 06BRASILIA1185), nor a paragraph with no number right before the numbered
    one (a field's line left in the text: ``IIR 6 809 0067 09 Classified By: …`` / ``¶1. (C) The
    Brazilian Air Force's …``, 09BRASILIA68)."""
    if _has_summary(text) or not text.main:
        return False
    index = text.main[0]
    if len(text.main) > 1 and (_is_notice(text.texts[index]) or _before_one(text, index)):
        index = text.main[1]  # (a handling notice or a line with no number before paragraph 1)
    if index in text.headed:
        return False
    source = text.texts[index]
    end = search(SUMMARY_END, source, text.lows[index], _UNLABELLED.end_at) if "end" in text.lows[index] else None
    span = _UNLABELLED
    if end is not None:
        before = source[: end.start()]
    elif (before_in_items := _in_items(text, index)) is not None:
        span, before = _UNLABELLED_ITEMS, before_in_items
    else:
        return False
    if len(before.split()) < _WORDS or _LABEL.search(before) or before.lstrip()[:1].islower():
        return False  # (lower case: a page cut mid-sentence, the summary's start not in it)
    return mark_ranges(text, [index], span)


def _in_items(text: SpanText, index: int) -> str | None:
    """Where the END SUMMARY is in a list item of the paragraph ``index`` (``… a broad
    consensus that: (1) Turkey pursues … (3) … the UNSC and IAEA.  End Summary.``,
    09ISTANBUL440): the paragraph's text and its items' up to the marker; None where none of its
    items holds one."""
    after = [k for k in text.main if k > index][:1]
    for k in range(index + 1, after[0] if after else len(text.texts)):
        if "end" in text.lows[k] and (end := search(SUMMARY_END, text.texts[k], text.lows[k], _UNLABELLED.end_at)):
            return "\n".join((*text.texts[index:k], text.texts[k][: end.start()]))
    return None


#: the end of the labelled paragraph: a summary whose end the text does not write
_PARAGRAPH_END = re.compile(r"\Z")
_UNENDED = Span("summary", SUMMARY_START, _PARAGRAPH_END, ("ummary",), ("",), anywhere=False)
_UNENDED_COMPOUND = replace(_UNENDED, start=COMPOUND_START)
_UNDER_HEADING = Span("summary", re.compile(r"(?=\S)"), _PARAGRAPH_END, ("",), ("",), anywhere=False)
#: any END that closes a summary, anywhere in the text (then the labelled span is another rule's)
_ANY_END = re.compile(r"\bEND\s+(?:OF\s+)?(?:\w+\s+AND\s+)?SUMMARY\b", re.I)


@SPANS.rule(
    "summary-unended",
    after="summary-unlabelled",
    note=note(
        "normalization",
        "A paragraph labelled SUMMARY in a text that writes no END SUMMARY: the labelled paragraph alone is "
        "marked as the summary (where the summary ends is not written; it may go on in the paragraphs after); "
        "under a SUMMARY heading, the paragraphs up to the next heading are.",
    ),
)
def summary_unended(text: SpanText) -> bool:
    """``¶1. SUMMARY: (SBU) Heading into the March 28-29 regional elections, …`` (10MILAN21) in
    a cable with no END SUMMARY anywhere: the first paragraph that opens with the label, or
    that stands under a summary heading (``SUMMARY`` / ``-------`` / ``1. (C) On July 29, …``,
    08KABUL1975), is the summary, to its own end: when it holds six words or more after its
    label (not ``Summary:`` alone with the text in the next paragraph, nor a preview's cut
    ``Summary. On July 3, Presi...``). Under a summary heading, the summary is the heading's
    section: it runs to the paragraph before the next heading, when one follows within twelve
    paragraphs (``SUMMARY`` / ``-------`` / ¶2-¶5 / ``Action Requests``, 09STATE16285). A paragraph
    of fewer words under a summary heading (a media preview's cut ``...``, 04THEHAGUE1446) is passed
    over: the copy's own heading may follow."""
    if not text.headed and not any("ummary" in text.lows[i][:40] for i in text.main):
        return False
    if _has_summary(text) or any("end" in low and _ANY_END.search(low) for low in text.lows):
        return False
    for index in text.main:
        source = text.texts[index]
        if index in text.headed:
            if len(source.split()) < _WORDS:
                continue  # a preview's cut ``...`` under its heading: the copy's heading may follow
            last = _section_end(text, index)
            return mark_ranges(text, [index], _UNDER_HEADING) if last is None else _mark_section(text, index, last)
        if "ummary" not in text.lows[index][:40]:
            continue
        label, span = SUMMARY_START.match(source), _UNENDED
        if label is None:  # a two-part label: ``Summary and Action Request.`` (09STATE50240)
            label, span = COMPOUND_START.match(source), _UNENDED_COMPOUND
        if label is not None:
            return len(source[label.end() :].split()) >= _WORDS and mark_ranges(text, [index], span)
    return False


#: how many paragraphs a summary's section may hold after its first (a heading beyond: not its end)
_SECTION = 12


def _section_end(text: SpanText, index: int) -> int | None:
    """The last run (a paragraph or an item) before the next heading after the paragraph
    ``index``, when a paragraph comes between and the heading follows within twelve; None
    otherwise (the summary is the first paragraph alone)."""
    main = set(text.main)
    paragraphs = 0
    for k in range(index + 1, len(text.tokens)):
        if k in text.opened:
            return k - 1 if paragraphs else None
        paragraphs += k in main
        if paragraphs > _SECTION:
            return None
    return None


def _mark_section(text: SpanText, index: int, last: int) -> bool:
    """Wrap the runs ``index`` to ``last`` in one summary span (``part`` I, M, F)."""
    source = text.texts[index]
    wrap_parts(text, range(index, last + 1), len(source) - len(source.lstrip()), len(text.texts[last]), "summary")
    return True
