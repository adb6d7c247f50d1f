"""Notes about the text as written that the profile's rules ask for: where the paragraph
numbers of the source do not run in sequence (issue 14: "paragraph numbers run in sequence or
carry a note"). They are in ``fileDesc/notesStmt``, each pointing at its paragraph, so the
text itself and every rendition of it stay as they were."""

from __future__ import annotations

from lxml import etree

from .xml import XML_ID, T, el


def numbering_notes(tei: etree._Element, prefix: str) -> None:
    """A ``note[@type='numbering']`` for each numbered paragraph of a div whose number is not
    the one after the previous numbered paragraph's (the first: 1)."""
    notes: list[tuple[str, str]] = []
    body = tei.find(f"{T}text/{T}body")
    for div in body.iterchildren(T + "div") if body is not None else ():
        previous = 0
        for p in div.iterchildren(T + "p"):
            n = p.get("n")
            if n is None:
                continue
            number = int(n)
            if number != previous + 1:
                where = f"follows ¶{previous}" if previous else "is the first numbered paragraph"
                part = "" if div.get("type") == "telegram" else " of the appended cable"
                notes.append((p.get(XML_ID) or "", f"¶{number}{part} {where}: the source numbers its paragraphs so."))
            previous = number
    if not notes:
        return
    file_desc = tei.find(f"{T}teiHeader/{T}fileDesc")
    publication = file_desc.find(f"{T}publicationStmt") if file_desc is not None else None
    if publication is None:
        return
    stmt = el(None, "notesStmt")
    publication.addnext(stmt)
    for target, text in notes:
        el(stmt, "note", text, type="numbering", target="#" + target, resp=f"#{prefix}-normalizer")


__all__ = ["numbering_notes"]
