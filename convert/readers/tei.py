"""Reader for TEI written by this tool: re-render without re-normalizing.

Parsed with DTD loading, entity resolution and network access off; a document that
declares a DOCTYPE or entities is refused rather than half-trusted.
"""

from __future__ import annotations

import re

from lxml import etree

from ..errors import InvalidTEIError, UnsafeInputError
from ..model import TEI_NS, Cable

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_blank_text=False,
    )


def looks_like(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:2000]
    return (start.startswith("<?xml") and "<TEI" in start) or start.startswith("<TEI")


def read(data: bytes, name: str) -> Cable:
    if _DOCTYPE.search(data[:1_000_000]) or _DOCTYPE.search(data):
        raise UnsafeInputError(name, "XML with a DOCTYPE or entity declarations is refused")
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError as exc:
        raise InvalidTEIError(name, f"not well-formed XML: {exc}") from None
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise InvalidTEIError(name, f"the root element is {root.tag!r}, not TEI")
    cable = Cable(tei=root, source=name)
    if not cable.id:
        raise InvalidTEIError(name, "no idno[@type='cable-id']: not TEI written by cable-convert")
    # writers walk the tree as the profile shapes it: anything else is refused here, typed
    from ..schema import errors, profile_schema

    problems = errors(profile_schema(), root)
    if problems:
        raise InvalidTEIError(name, f"not valid against the cable-tei profile: {problems[0]}")
    return cable
