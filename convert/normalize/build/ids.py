"""Identifiers (issue 14, item 8): the document's id on ``TEI``, every other id made its own
(``normalizer`` -> ``c09BEIJING1463-normalizer``) with the local pointers that name them, and
an id on every block of the text so that a paragraph can be cited and linked
(``c09BEIJING1463-p4``). Ids never collide when cables are combined (a volume, a teiCorpus):
each begins with its cable's."""

from __future__ import annotations

import re

from lxml import etree

from ...names import safe_stem
from .xml import XML_ID, T

#: attributes that hold local pointers (``#dtg``, several separated by spaces)
POINTERS = ("target", "ana", "source", "resp", "who", "scheme", "corresp")
#: a cable id as the profile types it (``09BEIJING1463``)
_CABLE_ID = re.compile(r"[0-9]{2}[A-Z]+[0-9]+")
#: the blocks of a div that get an id, and the stem of their id (a numbered p: ``p`` + n)
_BLOCKS = {T + "p": "p", T + "head": "head", T + "ab": "ab", T + "list": "list", T + "quote": "quote",
           T + "opener": "opener", T + "closer": "closer"}


def document_id(cable_id: str | None, source: str) -> str:
    """``09BEIJING1463`` -> ``c09BEIJING1463`` (an xml:id is an NCName: it may not begin with
    a digit); a cable with no id: ``c`` + its input's public name made safe."""
    if cable_id and _CABLE_ID.fullmatch(cable_id):
        return "c" + cable_id
    return "c-" + safe_stem(cable_id or source)


_POINTERS = frozenset(POINTERS)


def prefixed(name: str, value: str, prefix: str) -> str:
    """An attribute's value in the document whose id is ``prefix``: an ``xml:id`` made its own
    (``normalizer`` -> ``c09BEIJING1463-normalizer``), a local pointer likewise
    (``#normalizer`` -> ``#c09BEIJING1463-normalizer``); any other value as it is. The markup
    writer (:mod:`.markup`) gives every id and pointer this as it writes it."""
    if name == "xml:id":
        return f"{prefix}-{value}" if value else value
    if "#" in value and name in _POINTERS:
        return " ".join(f"#{prefix}-{v[1:]}" if v.startswith("#") else v for v in value.split())
    return value


def assign(tei: etree._Element, prefix: str) -> None:
    """Block ids in each div, and an id for a div that has none (the TEI's own id, and every id
    and pointer the builder wrote, were made the document's as they were written: :func:`prefixed`)."""
    body = tei.find(f"{T}text/{T}body")
    if body is None:
        return
    for div in body.iterchildren(T + "div"):
        # the page's own cable: its blocks' ids are the document's (c09BEIJING1463-p4)
        _blocks(div, prefix if div.get("type") == "telegram" else div.get(XML_ID) or prefix)
        if not div.get(XML_ID):
            div.set(XML_ID, f"{prefix}-{div.get('type') or 'div'}")


def _blocks(div: etree._Element, stem: str) -> None:
    """Ids for the div's blocks, in document order: a numbered paragraph ``p4`` (a second ¶4
    ``p4-2``), an unnumbered one ``p-1``, ``p-2``…, the others ``head1``, ``ab3``, ``list2``,
    ``quote1``, ``opener``, ``closer``. A block that has an id already keeps it."""
    counts: dict[str, int] = {}
    used: set[str] = set()
    for node in div.iter(*_BLOCKS):
        if node.get(XML_ID) or (node.tag == T + "head" and node.getparent() is not div):
            continue
        kind = _BLOCKS[node.tag]
        if kind == "p" and node.get("n"):
            kind = "p" + node.get("n", "")
            local = kind
        elif kind in ("opener", "closer"):
            local = kind
        else:
            local = f"{kind}-{counts.get(kind, 0) + 1}" if kind == "p" else f"{kind}{counts.get(kind, 0) + 1}"
        counts[kind] = counts.get(kind, 0) + 1
        if local in used:
            local = f"{kind}-{counts[kind]}"
        used.add(local)
        node.set(XML_ID, f"{stem}-{local}")


__all__ = ["POINTERS", "assign", "document_id"]
