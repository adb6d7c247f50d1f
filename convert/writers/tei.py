"""TEI writer: the canonical document, serialised (UTF-8, declaration, stable indentation);
a volume (``--book --to tei``) is one ``teiCorpus`` of its cables (:mod:`convert.teicorpus`:
ids unique across it)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ..model import Cable
from ..options import WriteOptions

if TYPE_CHECKING:
    from ..volume import Volume


def write(cable: Cable, options: WriteOptions) -> bytes:
    data: bytes = etree.tostring(cable.tei, xml_declaration=True, encoding="UTF-8", pretty_print=False)
    return data + b"\n"


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """The volume's cables, in its order, as one ``teiCorpus`` titled as the volume."""
    from ..teicorpus import tei_corpus

    corpus = tei_corpus(volume.cables, volume.title)
    data: bytes = etree.tostring(corpus, xml_declaration=True, encoding="UTF-8", pretty_print=False)
    return data + b"\n"
