"""Build the canonical TEI tree from a parsed cable: a pure function of
:class:`~convert.normalize.parsed.ParsedCable`. The header and the text are written as markup
(:mod:`.markup`: every value escaped in one place) and parsed once by a safe parser; languages,
ids and notes are then marked on the tree. Nothing is decided here: every recognition and
repair was made by a rule before."""

from __future__ import annotations

from lxml import etree

from ..parsed import ParsedCable
from .header import build_header
from .ids import assign, document_id
from .lang import mark_foreign, mark_languages
from .markup import Markup
from .notes import numbering_notes
from .repeated import repeated_source
from .text import appended_id, build_text
from .xml import indent

__all__ = ["build"]


def build(parsed: ParsedCable) -> etree._Element:
    prefix = document_id(parsed.facts.cable_id, parsed.facts.source)
    out = Markup()
    out.open("TEI", **{"xml:lang": "en", "xml:id": prefix})
    out.prefix = prefix  # every other id and pointer made the document's (ids.prefixed)
    header = out.apart()  # written once the text is: whether it withheld anything
    text = Markup(prefix)
    build_text(text, parsed)
    written = text.markup()
    out.parts.append(written)
    out.close("TEI")
    parts = [(appended_id(number), part.facts) for number, part in enumerate(parsed.appended, 1)]
    build_header(header, parsed.facts, parts, withheld='<gap reason="redacted"' in written)
    tei = out.element()  # parsed once (the header and the text)
    mark_languages(tei[-1])  # a paragraph in Spanish, French, …: its xml:lang
    mark_foreign(tei[-1])  # a quoted passage in one of them inside an English paragraph: foreign
    assign(tei, prefix)
    numbering_notes(tei, prefix)
    if parsed.facts.routing.repeated:  # a partial extract's FM and TO, read inside its text
        repeated_source(tei, parsed.facts.routing.repeated)
    etree.cleanup_namespaces(tei)
    indent(tei)
    return tei
