"""Which passage style a numbered paragraph takes: the summary, the comment, or the body; whether
a paragraph is all quoted text; whether a signature may be set in small capitals, and how often the
edition prints a name the cable signed twice or a reference's letter it wrote twice.

A paragraph is set as the summary (boxed) or as a comment (italic) when the cable's passage
opens it: ``1. (C) SUMMARY: … END SUMMARY.``, ``5. (C) Comment: …``, ``(C) Embassy comment: …``.
A comment the drafter put at the end of a paragraph of reporting, ``… WITH THE SUPPORT OF THE
REFOUNDED COMMUNISTS (RC). (COMMENT: MAYBE. … END COMMENT.)``, leaves the paragraph in the body
style: the reporting before it is not the post's comment, and setting the whole paragraph in
italics would say that it is. The passage keeps its own words (``COMMENT:`` … ``END
COMMENT.``), which mark it in every format.
"""

from __future__ import annotations

import re
from copy import deepcopy as copy_element
from typing import cast

from lxml import etree

from ..model import compiled
from ..textview import ARTIFACTS, choice_reading, local_name
from ..view.notetext import label_printed

_SUMMARY = compiled(".//t:seg[@type='summary']")
_COMMENT = compiled(".//t:seg[@type='comment']")
#: a quotation's end marker alone (``End points.``, ``END TEXT``, ``UNQUOTE``)
_END_ALONE = re.compile(r"(?:END\s+[A-Z/ -]{0,30}|UNQ(?:UO)?TE)\W*", re.I)
#: a quotation's start marker alone (``Begin Text:``, ``BEGIN TEXT OF NON-PAPER:``, ``QUOTE``): set as its end is
_BEGIN_ALONE = re.compile(r"(?:BEGIN\s+[A-Z/ -]{0,30}|QU?O?TE)\W*", re.I)
#: a quoted text's part (``BEGIN TEXT`` … ``END TEXT`` over paragraphs): its middle, its end, or its start
_QUOTE_PART = compiled("t:seg[@type='quote'][@part]")
#: what may stand before the passage and still open the paragraph: a few words (``Embassy``,
#: ``Bio note and``) and brackets, but no sentence (a word and a full stop, ?, !)
_LEAD_MAX = 24
_SENTENCE = re.compile(r"[^\W\d_]{2}[.!?](?:\s|$)")
#: elements that are not the paragraph's words: its number, page-break artifacts, anchors
_NOT_WORDS = frozenset({"label", "pb", "milestone", "anchor", "note"}) | ARTIFACTS


def passage_key(paragraph: etree._Element) -> str | None:
    """``"summary"`` or ``"comment"`` when that passage opens the paragraph, else None."""
    for key, find in (("summary", _SUMMARY), ("comment", _COMMENT)):
        found = cast(list[etree._Element], find(paragraph))
        if found and _opens(paragraph, found[0]):
            return key
    return None


def quoted(paragraph: etree._Element) -> bool:
    """Whether an unnumbered paragraph is all a part of a text the cable quotes over paragraphs
    (``Begin text:`` / ``The Government of India expresses …`` / … ``End text.``): its words are
    the quoted text's alone, set as a quotation, as a numbered paragraph of the cable's is not."""
    if paragraph.get("n") is not None or (paragraph.text or "").strip():
        return False
    parts = cast(list[etree._Element], _QUOTE_PART(paragraph))
    if len(parts) != 1:
        return False
    # (its other children none of its words, or lists of the quoted text's items: ``Acting under Chapter VII …,``
    # / ``1. Welcomes …`` / ``2. Decides …``, 08STATE3800)
    # (or its portion marking: ``(U) AS A RESULT OF THESE DISCUSSIONS, …`` inside a draft note, 10STATE1168)
    others = [c for c in paragraph if isinstance(c.tag, str) and c is not parts[0]
              and c.get("type") != "portion-marking" and not (local_name(c) == "list" and quoted_list(c))]
    if any(local_name(c) not in _NOT_WORDS for c in others) or any((c.tail or "").strip() for c in paragraph):
        return False
    marker = {"F": _END_ALONE, "I": _BEGIN_ALONE}.get(parts[0].get("part", ""))
    if marker is not None and marker.fullmatch(" ".join(element_text(parts[0]).split())):
        return False  # (``Begin Text:`` or ``End points.`` alone: the cable's marker, not the quotation's words)
    return parts[0].get("part") != "I" or paragraph.index(parts[0]) == 0  # (a start: where the paragraph begins)


def quoted_list(source: etree._Element) -> bool:
    """Whether every item of a list is all a part of a text the cable quotes over paragraphs (a quoted
    letter's close: ``Sincerely yours,`` / ``Federico Carillo Zurcher`` / ``Minister of Finance``, 05SANJOSE2186):
    the list is set as the quotation it belongs to."""
    items = [child for child in source if isinstance(child.tag, str) and local_name(child) == "item"]
    return bool(items) and all(quoted(item) for item in items)


def quoted_apart(source: etree._Element) -> bool:
    """Whether a list is set as a quotation of its own: all of a quoted text's items (:func:`quoted_list`), and
    not inside a paragraph set as that quotation already (``Acting under Chapter VII …,`` / ``1. Welcomes …``)."""
    parent = source.getparent()
    return quoted_list(source) and not (parent is not None and local_name(parent) == "p" and quoted(parent))


def _opens(paragraph: etree._Element, passage: etree._Element) -> bool:
    lead = " ".join(_words_before(paragraph, passage).split())
    return len(lead) <= _LEAD_MAX and not _SENTENCE.search(lead)


def _words_before(element: etree._Element, passage: etree._Element) -> str:
    """The paragraph's words before ``passage`` (its number and portion marking left out)."""
    parts = [element.text or ""]
    for child in element:
        if child is passage:
            break
        if isinstance(child.tag, str):
            name = local_name(child)
            if any(d is passage for d in child.iterdescendants()):
                parts.append(_words_before(child, passage))
                break
            if name == "gap":
                parts.append("[redacted]")  # a word withheld, not its description
            elif name == "choice":
                parts.extend(element_text(r) for r in choice_reading(child))
            elif name not in _NOT_WORDS and child.get("type") != "portion-marking":
                parts.append(element_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def element_text(element: etree._Element) -> str:
    """Every piece of text inside ``element``, as written (alternatives included)."""
    return "".join(str(t) for t in element.itertext())


def signature_case(signed: etree._Element) -> str:
    """``"as-written"`` for a signature whose letters after the first stand in both cases
    (``Leslie BASSETT``, ``McCormick``), else ``""``. Capitals and small capitals make one glyph
    of ``a`` and ``A``; a PDF's text then gives every such glyph the case it first met
    (``Leslie BAsseTT``), so such a name is set as written, its text read back as it stands."""
    letters = "".join(cast("list[str]", signed.xpath(".//text()")))[1:]
    return "as-written" if set(filter(str.islower, letters)) & {c.lower() for c in letters if c.isupper()} else ""


def _name(signed: etree._Element) -> str:
    """The name a ``signed`` gives: its ``persName``'s words, else its own, in capitals."""
    found = [c for c in signed if isinstance(c.tag, str) and local_name(c) == "persName"]
    return " ".join(element_text(found[0] if found else signed).split()).upper()


def once(signed: etree._Element, names: list[str]) -> bool:
    """Whether ``signed`` gives the name signed on the line before (``FRISBIE`` / ``FRISBIE``, a
    signature line copied twice: the TEI keeps both lines, the edition signs once); ``names``
    holds that name, and then this one's."""
    name = _name(signed)
    if names == [name]:
        return True
    names[:] = [name]
    return False


def head_once(head: etree._Element) -> etree._Element:
    """``head`` with its label written twice printed once (``SUBJECT: SUBJECT: URIBE-SUPREME COURT …``,
    09BOGOTA849), or glued to its first word printed with a space (``SUBJECT:SUDAN``); else ``head`` itself."""
    once = label_printed(head.text or "")
    if once == (head.text or ""):
        return head
    copy = copy_element(head)
    copy.text = once
    return copy


def signed_once(signed: etree._Element) -> etree._Element:
    """``signed`` without the name written again after its ``persName`` on the line (``SIBERELL
    SIBERELL``, ``SHANNON Shannon``: the edition prints the name once); else ``signed`` itself."""
    found = [c for c in signed if isinstance(c.tag, str) and local_name(c) == "persName"]
    if len(found) != 1 or " ".join((found[0].tail or "").split()).upper() != _name(signed):
        return signed
    copy = copy_element(signed)
    copy[list(signed).index(found[0])].tail = None
    return copy


#: an item's letter written twice (``A. A)``, ``A. (A)``, ``A. A:``, ``A. A``: 131 of 6,850 pages' REF lists), or the
#: field's label written again after it, with the letter or not (``REF: A. REF: A. STATE 55370``, 09CAIRO2404;
#: ``A. REF A``, ``A. REFTELS: (A)``: 13 pages): the first letter, once
_DOUBLED_LABEL = re.compile(
    r"(?P<once>(?P<letter>[A-Z])[.)])\s*(?:\(?(?P=letter)[.):]?|REF(?:TELS?)?\s*:?(?:\s*\(?(?P=letter)[.):]?)?)")


def label_once(label: etree._Element) -> str | None:
    """A list label that writes its letter twice (``A. A)``: the copy's, kept in the TEI), or the REF
    label again (``A. REF: A.``), as the edition prints it: the letter once (``A.``); None for any other label."""
    if len(label):
        return None
    found = _DOUBLED_LABEL.fullmatch(" ".join((label.text or "").split()))
    return found["once"] if found else None

