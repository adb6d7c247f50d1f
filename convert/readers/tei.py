"""Reader for TEI written by this tool: re-render without re-normalizing.

Parsed with DTD loading, entity resolution and network access off; a document that
declares a DOCTYPE or entities is refused rather than half-trusted.
"""

from __future__ import annotations

import codecs
import re
from functools import partial

from lxml import etree

from ..errors import InvalidTEIError, UnsafeInputError
from ..model import TEI_NS, Cable

_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.I)
_DOCTYPE_TEXT = re.compile(_DOCTYPE.pattern.decode(), re.I)  # the same, for decoded text
#: how XML in a wide encoding starts (a byte order mark, or "<?" without one): the byte
#: pattern above cannot see "<!DOCTYPE" in UTF-16 or UTF-32, so such a document is decoded
#: first. (UTF-32 before UTF-16: its little-endian mark begins with UTF-16's.)
_WIDE = (
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
    (b"<\0\0\0", "utf-32-le"), (b"\0\0\0<", "utf-32-be"),
    (b"<\0", "utf-16-le"), (b"\0<", "utf-16-be"),
)


#: every parser of a TEI input: no entity resolved, no DTD loaded or validated, no network, no
#: document larger than libxml2's default limits
_safe = partial(
    etree.XMLParser,
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
)


def safe_parser() -> etree.XMLParser:
    return _safe()


def looks_like(head: str) -> bool:
    start = head.lstrip("\ufeff \t\r\n")[:2000]
    return ((start.startswith("<?xml") and ("<TEI" in start or "<teiCorpus" in start))
            or start.startswith(("<TEI", "<teiCorpus")))


def declares_dtd(data: bytes) -> bool:
    """Whether the document has a DOCTYPE or an entity declaration, in whatever encoding."""
    if _DOCTYPE.search(data):
        return True
    for start, encoding in _WIDE:
        if data.startswith(start):
            return bool(_DOCTYPE_TEXT.search(data.decode(encoding, "replace")))
    return False


def input_parser() -> etree.XMLParser:
    """:func:`safe_parser`, dropping comments and processing instructions: what a TEI input
    carries beyond the profile's elements is not copied into the outputs (it was, into the
    TEI written back)."""
    return _safe(remove_comments=True, remove_pis=True)


def read(data: bytes, name: str) -> Cable:
    """One cable's TEI (a ``teiCorpus`` is refused here: :func:`read_all` reads one)."""
    return _cable(_parse(data, name), name)


def read_all(data: bytes, name: str) -> list[Cable]:
    """The cables of a TEI document: the one of a cable's ``TEI``, or every ``TEI`` of a
    ``teiCorpus`` (a volume written by ``--book --to tei``), in order."""
    root = _parse(data, name)
    if root.tag != f"{{{TEI_NS}}}teiCorpus":
        return [_cable(root, name)]
    members = [member for member in root if member.tag == f"{{{TEI_NS}}}TEI"]
    if not members:
        raise InvalidTEIError(name, "a teiCorpus with no TEI document in it")
    for member in members:
        root.remove(member)
    return [_cable(member, name) for member in members]


def _parse(data: bytes, name: str) -> etree._Element:
    unsafe = UnsafeInputError(name, "XML with a DOCTYPE or entity declarations is refused")
    if declares_dtd(data):
        raise unsafe
    try:
        root = etree.fromstring(data, input_parser())
    except etree.XMLSyntaxError as exc:
        raise InvalidTEIError(name, f"not well-formed XML: {exc}") from None
    # the parser read a DTD the checks above missed (an encoding they do not know): refuse it
    # all the same (nothing in it was loaded or expanded: see safe_parser)
    info = root.getroottree().docinfo
    if getattr(info, "doctype", "") or info.internalDTD is not None or info.externalDTD is not None:
        raise unsafe
    etree.cleanup_namespaces(root)  # declarations nothing uses (100,000 of them were copied)
    return root


def _cable(root: etree._Element, name: str) -> Cable:
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
