"""Many cables as one TEI document: a ``teiCorpus`` (issue 14, item 7), each cable's ``TEI``
whole inside it, ids unique across it.

Every id of a cable's TEI begins with the cable's (``c09BEIJING1463-p4``), so cables never
collide; two inputs that are the same cable (or name themselves so: a page whose text is
another page's cable) would, and the second and later get their document id suffixed
(``c09ASUNCION561.2``), every id and local pointer of theirs with it. The corpus header states
what every document shares: the taxonomy and the private URI prefixes.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable

from lxml import etree

from . import __version__
from .model import TEI_NS, XML_NS, Cable
from .normalize.build.header import AUTHORITY, PREFIXES
from .normalize.build.ids import POINTERS
from .taxonomy import FILE

_T = f"{{{TEI_NS}}}"
_ID = f"{{{XML_NS}}}id"
#: the corpus's own ids begin with this (a cable's begin with "c")
CORPUS_ID = "volume"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    node = etree.SubElement(parent, _T + tag, attrs)
    if text:
        node.text = text
    return node


def _renamed(tei: etree._Element, old: str, new: str) -> None:
    """Every id that begins with ``old`` (and the local pointers to it) begins with ``new``."""
    for node in tei.iter():
        if not isinstance(node.tag, str):
            continue
        ident = node.get(_ID)
        if ident and ident.startswith(old):
            node.set(_ID, new + ident[len(old):])
        for attr in POINTERS:
            value = node.get(attr)
            if value and "#" + old in value:
                node.set(attr, " ".join("#" + new + v[1 + len(old):] if v.startswith("#" + old) else v
                                        for v in value.split()))


def tei_corpus(cables: Iterable[Cable], title: str) -> etree._Element:
    """The cables, in order, as one ``teiCorpus`` (the cables' trees are copied, not moved)."""
    corpus = etree.Element(_T + "teiCorpus", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    corpus.set(f"{{{XML_NS}}}lang", "en")
    corpus.set(_ID, CORPUS_ID)
    header = _el(corpus, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _el(_el(file_desc, "titleStmt"), "title", title)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "authority", AUTHORITY)
    _el(_el(publication, "availability", status="free"), "p",
        "A work of the United States government: in the public domain in the United States.")
    source = _el(_el(file_desc, "sourceDesc"), "p")
    encoding = _el(header, "encodingDesc")
    taxonomy = _el(_el(encoding, "classDecl"), "taxonomy")
    taxonomy.set(_ID, CORPUS_ID + "-taxonomy")
    bibl = _el(taxonomy, "bibl")
    _el(bibl, "title", "The cable-convert taxonomy: classification levels, handling caveats, precedence, kinds of TAGS")
    _el(bibl, "ptr", target=FILE)
    prefixes = _el(encoding, "listPrefixDef")
    for ident, match, replace, prose in PREFIXES:
        _el(_el(prefixes, "prefixDef", ident=ident, matchPattern=match, replacementPattern=replace), "p", prose)
    seen: dict[str, int] = {}
    count = 0
    for cable in cables:
        tei = copy.deepcopy(cable.tei)
        ident = tei.get(_ID) or f"c-{count + 1}"
        tei.set(_ID, ident)
        if ident in seen:
            seen[ident] += 1
            _renamed(tei, ident, f"{ident}.{seen[ident]}")
        else:
            seen[ident] = 1
        corpus.append(tei)
        count += 1
    source.text = (f"{count} cables, each a TEI document with its own header and sources, made with "
                   f"cable-convert {__version__}.")
    return corpus


__all__ = ["CORPUS_ID", "tei_corpus"]
