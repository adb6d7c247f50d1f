"""Build the canonical TEI tree from a parsed cable: a pure function of
:class:`~convert.normalize.parsed.ParsedCable` (XML made with lxml, never strings). Nothing is
decided here: every recognition and repair was made by a rule before."""

from __future__ import annotations

from lxml import etree

from ..parsed import ParsedCable
from .header import build_header
from .text import build_text
from .xml import XML_LANG, el, indent

__all__ = ["build"]


def build(parsed: ParsedCable) -> etree._Element:
    tei = el(None, "TEI")
    tei.set(XML_LANG, "en")
    text = build_text(parsed)
    build_header(tei, parsed.facts)
    tei.append(text)
    etree.cleanup_namespaces(tei)
    indent(tei)
    return tei
