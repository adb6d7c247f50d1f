"""The editorial lines of the reading edition: what it prints, in square brackets and in its
own words, where the source's text alone would mislead a reader (a second cable appended on the
same page, the source's second copy of the text, a section the archive does not hold). The TEI
keeps the source as written; these lines are the edition's, shared by every writer and by the
text views that check the renditions word for word (:mod:`convert.textview`)."""

from __future__ import annotations

import re

from lxml import etree

from .model import TEI_NS

_OPENER = f"{{{TEI_NS}}}opener"
#: the ``div`` type of a second cable a page prints after the cable's own text
APPENDED = "appended-cable"


#: the source's second copy of the cable's text (``div type="copy"``, rule ``repeated-text``)
SECOND_COPY = "copy"
#: the heading the reading edition sets over it
SECOND_COPY_LABEL = "[Second copy, as transmitted: the text again as the source repeats it]"


#: the ``ab`` type of the archive's box where a section of the cable is missing (rule
#: ``missing-section``: ``* Missing Section 002 *``, kept as written)
MISSING_SECTION = "missing-section"
_SECTION_NUMBER = re.compile(r"Missing Section\s+(\d+)")


#: the ``gap`` reason where the source holds no text of the telegram after its preamble (rule
#: ``text-absent``), its description in the TEI, and the line the reading edition prints there
TEXT_ABSENT = "not-in-source"
TEXT_ABSENT_DESC = "The source holds no text of this telegram after its preamble."  # (the label's words)
TEXT_ABSENT_LABEL = "[The source holds no text of this telegram after its preamble]"
_GAP = f"{{{TEI_NS}}}gap"


def absent_label(gap: etree._Element) -> str | None:
    """The editorial line the editions print where the source holds no text of the telegram
    (``gap reason="not-in-source"``); None for any other element (a redaction's gap too)."""
    return TEXT_ABSENT_LABEL if gap.tag == _GAP and gap.get("reason") == TEXT_ABSENT else None


def missing_label(ab: etree._Element) -> str | None:
    """The editorial line the reading edition prints in place of the archive's box where a
    section is missing (``ab type="missing-section"``); None for any other block."""
    if ab.get("type") != MISSING_SECTION:
        return None
    found = _SECTION_NUMBER.search("".join(str(t) for t in ab.itertext()))
    section = f"Section {int(found[1])}" if found else "A section"
    return f"[{section} of the telegram is missing in the source]"


def copy_label(div: etree._Element) -> str | None:
    """The editorial line the reading edition prints where the source's second copy of the
    text begins (``div type="copy"``); None for any other div."""
    return SECOND_COPY_LABEL if div.get("type") == SECOND_COPY else None


def appended_label(div: etree._Element) -> str | None:
    """The editorial line the reading edition prints where a second cable, appended on the
    same page, begins (``div type="appended-cable"``, its id in ``@n``): its text would
    otherwise run on from the cable's own, signature after signature. None when the part
    holds nothing but its header (the opener, which the edition prints after the text)."""
    if div.get("type") != APPENDED or all(child.tag == _OPENER for child in div if isinstance(child.tag, str)):
        return None
    return f"[Appended on the same page: Telegram {div.get('n') or 'of unknown number'}]"
