"""The one shared taxonomy (``convert/data/cable-taxonomy.xml``) and how a cable's facts point
into it: classification levels, handling caveats and portion markings, precedence, kinds of
TAGS. Every TEI document refers to the categories as ``ctax:ID`` (its ``listPrefixDef`` maps
the prefix to ``cable-taxonomy.xml#ID``); nothing else keeps a list of category ids.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from lxml import etree

from .model import TEI_NS, XML_NS
from .vocab import LEVELS, slug

#: the prefix of a pointer into the taxonomy, and the file it stands for
PREFIX = "ctax"
FILE = "cable-taxonomy.xml"
#: the taxonomies (their xml:id in the file), each a catRef's @scheme
SCHEMES = ("classification", "caveats", "precedence", "tags")

#: a caveat as written (letters only, upper case) -> its category
_CAVEATS = {
    "NOFORN": "noforn", "NF": "noforn", "SIPDIS": "sipdis", "SENSITIVE": "sensitive", "SBU": "sbu",
    "FOROFFICIALUSEONLY": "fouo", "FOUO": "fouo", "EFTO": "efto", "NODIS": "nodis", "EXDIS": "exdis",
    "LIMDIS": "limdis", "STADIS": "stadis", "ORCON": "orcon", "OC": "orcon", "PROPIN": "propin",
    "FGI": "fgi", "CORRECTEDCOPY": "corrected-copy",
}
#: the level letters of a portion marking -> the level
_MARKING_LEVELS = {
    "TS": "TOP SECRET", "S": "SECRET", "C": "CONFIDENTIAL", "LOU": "LIMITED OFFICIAL USE",
    "U": "UNCLASSIFIED", "SBU": "UNCLASSIFIED",
}
#: a routing header's precedence prosign -> the precedence
_PROSIGNS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
#: the first letters of the subject TAGS (their field)
_SUBJECT_FIELDS = frozenset("ABCEKMOPST")


def pointer(ident: str) -> str:
    """``level-secret`` -> ``ctax:level-secret``."""
    return f"{PREFIX}:{ident}"


def level(name: str | None) -> str | None:
    """``CONFIDENTIAL`` -> ``level-confidential``; None for no level."""
    return "level-" + slug(name) if name in LEVELS else None


def caveat(text: str) -> str | None:
    """``NOFORN``, ``FOR OFFICIAL USE ONLY``, ``REL TO USA, GBR`` -> its category; None for
    a caveat the taxonomy does not know."""
    key = re.sub(r"[^A-Z]", "", text.upper())
    if key.startswith("REL"):
        return "caveat-rel"
    found = _CAVEATS.get(key)
    return "caveat-" + found if found else None


@lru_cache(maxsize=1024)
def marking(text: str) -> tuple[str, ...]:
    """A portion marking's categories: ``(S/NF)`` -> level-secret, caveat-noforn; ``(SBU)``
    -> level-unclassified, caveat-sbu. Parts the taxonomy does not know have none. (Kept per
    marking: a cable writes the same few on each of its paragraphs.)"""
    parts = [p for p in re.split(r"/+|-", text.strip().strip(".:").strip("()").upper()) if p.strip()]
    if not parts:
        return ()
    found: list[str] = []
    first = _MARKING_LEVELS.get(parts[0].strip())
    if first is not None:
        found.append("level-" + slug(first))
        if parts[0].strip() == "SBU":
            found.append("caveat-sbu")
    else:
        parts.insert(0, "")
    for part in parts[1:]:
        ident = caveat(part)
        if ident and ident not in found:
            found.append(ident)
    return tuple(found)


def precedence(name: str | None) -> str | None:
    """``NIACT IMMEDIATE`` -> ``precedence-niact-immediate``; a prosign (``P``) -> its precedence's."""
    if not name:
        return None
    name = _PROSIGNS.get(name.strip().upper(), name)
    ident = "precedence-" + slug(name)
    return ident if ident in category_ids() else None


def precedence_name(ident: str | None) -> str | None:
    """``ctax:precedence-niact-immediate`` -> ``NIACT IMMEDIATE`` (the reading side)."""
    if not ident or not ident.startswith(pointer("precedence-")):
        return None
    return ident[len(pointer("precedence-")):].upper().replace("-", " ")


@lru_cache(maxsize=4096)
def tags_kind(tag: str) -> str:
    """The kind of a TAGS code, by its form: two letters are geographic (the Department of
    State's codes), four letters beginning with a subject field's letter a subject, a name
    with a comma or several words a person, anything else other. (Kept per code.)"""
    if re.fullmatch(r"[A-Z]{2}", tag):
        return "tags-geographic"
    if re.fullmatch(r"[A-Z]{4}", tag) and tag[0] in _SUBJECT_FIELDS:
        return "tags-subject"
    if "," in tag or re.fullmatch(r"[A-Za-z.'-]+(?: [A-Za-z.'-]+)+", tag):
        return "tags-person"
    return "tags-other"


def data() -> bytes:
    """The taxonomy file as shipped."""
    return resources.files("convert").joinpath("data", FILE).read_bytes()


@lru_cache(maxsize=1)
def category_ids() -> frozenset[str]:
    """Every id the taxonomy file defines (taxonomies and categories)."""
    root = etree.fromstring(data(), etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    return frozenset(
        str(node.get(f"{{{XML_NS}}}id"))
        for node in root.iter(f"{{{TEI_NS}}}taxonomy", f"{{{TEI_NS}}}category")
    )


__all__ = [
    "FILE",
    "PREFIX",
    "SCHEMES",
    "category_ids",
    "caveat",
    "data",
    "level",
    "marking",
    "pointer",
    "precedence",
    "precedence_name",
    "tags_kind",
]
