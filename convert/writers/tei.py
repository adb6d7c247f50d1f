"""TEI writer: the canonical document, serialised (UTF-8, declaration, stable indentation)."""

from __future__ import annotations

from lxml import etree

from ..model import Cable
from ..options import WriteOptions


def write(cable: Cable, options: WriteOptions) -> bytes:
    data: bytes = etree.tostring(cable.tei, xml_declaration=True, encoding="UTF-8", pretty_print=False)
    return data + b"\n"
