"""Build the canonical TEI tree from a parsed cable: a pure function of
:class:`~convert.normalize.parsed.ParsedCable` (XML made with lxml, never strings). Nothing is
decided here: every recognition and repair was made by a rule before."""

from __future__ import annotations

from lxml import etree

from ..parsed import ParsedCable
from .header import build_header
from .ids import assign, document_id
from .lang import mark_foreign, mark_languages
from .notes import numbering_notes
from .repeated import repeated_source
from .text import appended_id, build_text
from .xml import XML_LANG, T, el, indent

__all__ = ["build"]


def build(parsed: ParsedCable) -> etree._Element:
    tei = el(None, "TEI")
    tei.set(XML_LANG, "en")
    text = build_text(parsed)
    mark_languages(text)  # a paragraph in Spanish, French, …: its xml:lang
    mark_foreign(text)  # a quoted passage in one of them inside an English paragraph: foreign
    parts = [(appended_id(number), part.facts) for number, part in enumerate(parsed.appended, 1)]
    build_header(tei, parsed.facts, parts, withheld=text.find(f".//{T}gap") is not None)
    tei.append(text)
    prefix = document_id(parsed.facts.cable_id, parsed.facts.source)
    assign(tei, prefix)
    numbering_notes(tei, prefix)
    if parsed.facts.routing.repeated:  # a partial extract's FM and TO, read inside its text
        repeated_source(tei, parsed.facts.routing.repeated)
    etree.cleanup_namespaces(tei)
    indent(tei)
    return tei
