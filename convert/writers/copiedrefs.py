"""The REF list the reading edition prints under the SUBJECT where the text that stands there has none.

A media partner's preview of a cable stops in or after its SUBJECT (``SUBJECT: CANADA SUPPORTS STRONG NAC
STATEMENT CONDEMNING RUSSIAN ACTIONS...``, 08OTTAWA1064), and the partner's database row then gives the cable
whole, its REF field included (``… IN GEORGIA REF: STATE 85678 Classified By: …``). The normalizer reads the
subject and the references from that copy (``cut-subject``, ``refs-of-copy``, ``copied-fields``) and keeps the
copy where it stands, as a wrapper the edition prints after the text. The heading then reads the whole
subject, but no REF line followed it: a reader saw the references only in the front matter. The edition
prints them where the cable has them, under the SUBJECT, their letters and words as the copy wrote them.
"""

from __future__ import annotations

from typing import cast

from lxml import etree

from ..model import TEI_NS, compiled
from ..textview import after_text, local_name
from .passage_style import element_text

_T = f"{{{TEI_NS}}}"
_REF_LIST = compiled(".//t:list[@type='references']")
_HEADER_REFS = compiled("//t:teiHeader//t:correspContext/t:ref[@type='reference']")
#: the blocks of the reading text a reference's words may stand in already (a REF list run on into the
#: opening lines, a Classified By line run on after it: 06SAOPAULO505, 09CAIRO1468)
_READING = compiled(".//t:p | .//t:head | .//t:ab | .//t:item")


def copied_references(head: etree._Element) -> etree._Element | None:
    """A TEI REF list (``list type="references"``) for the edition to print after the SUBJECT ``head``,
    built from the header's references, where the text holds no REF list of its own and no reference's
    words stand in its reading text (outside what the edition prints after it); else None."""
    body = next((a for a in head.iterancestors() if local_name(a) == "body"), None)
    if body is None or _REF_LIST(body):
        return None
    refs = cast(list[etree._Element], _HEADER_REFS(head))
    if not refs:
        return None
    reading = " ".join(
        " ".join(element_text(e).split())
        for e in cast(list[etree._Element], _READING(body))
        if not after_text(e) and not any(after_text(a) for a in e.iterancestors())
    )
    words = [" ".join(element_text(ref).split()) for ref in refs]
    if any(written in reading for written in words):
        return None
    made = etree.Element(_T + "list", {"type": "references"})
    etree.SubElement(made, _T + "head").text = "REF:"
    for ref, written in zip(refs, words, strict=True):
        letter = ref.get("n")
        if letter:
            etree.SubElement(made, _T + "label").text = f"{letter}."
        etree.SubElement(made, _T + "item").text = written
    return made
