"""CMIF: one Correspondence Metadata Interchange Format (v1.0) file for many cables, the form
correspSearch (https://correspsearch.net) harvests (issue 14).

A batch-level output: one file for every cable of a run or a volume (``--to cmif``), never a
file per cable. Each cable is one ``correspDesc``, taken from its TEI's: the sending office
(``orgName``; with no FM line, the origin the page's or row's metadata gives), the signer
(``persName``), the city the station table gives (``placeName``)
and the day of sending (``date/@when``, cut to the day as CMIF wants; ``@cert="low"`` when
the date is the page's or row's "Created" time, not the text's); the action addressees as
the received action (an office; its city when they share one). ``@ref`` is the cable's
address in WikiLeaks' Public Library of US Diplomacy, ``@source`` the file's one ``bibl``.

The rules it keeps are the project's own statement of CMIF's (``convert/schema/cmif.rng`` and
``cmif.sch``; :func:`convert.schema.cmif_errors`). Like every writer this returns bytes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import TYPE_CHECKING

from lxml import etree

from ..model import TEI_NS, XML_NS, Cable, xpath
from ..normalize.build.header import PREFIXES
from ..options import WriteOptions

if TYPE_CHECKING:
    from ..volume import Volume

_T = f"{{{TEI_NS}}}"
#: what CMIF v1.0 asks every file to say about its licence (its documentation's words)
LICENCE = "This file is licensed under the terms of the Creative Commons License CC-BY 4.0"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
#: the online edition every cable's ``@ref`` points into
EDITION = "Public Library of US Diplomacy (WikiLeaks)"
EDITION_URL = "https://wikileaks.org/plusd/"
#: said where the person who runs cable-convert named no publisher (``--publisher``)
UNKNOWN = "Unknown"
#: the name and extension of a CMIF file when nothing else names it
EXTENSION = "cmif.xml"


def _el(parent: etree._Element, tag: str, text: str | None = None, **attrs: str | None) -> etree._Element:
    node = etree.SubElement(parent, _T + tag, {k: v for k, v in attrs.items() if v is not None})
    if text:
        node.text = text
    return node


def cable_url(cable_id: str) -> str:
    """``09BEIJING1463`` -> its page in the Public Library of US Diplomacy (the ``cable:``
    prefix's replacement, :data:`convert.normalize.build.header.PREFIXES`)."""
    replacement = next(replace for ident, _, replace, _ in PREFIXES if ident == "cable")
    return replacement.replace("$1", cable_id)


def bibl_id(url: str) -> str:
    """A static UUID for the file's ``bibl`` (CMIF: an xml:id, a UUID beginning with a
    letter), the same for the same address: a UUID 5 of it, the first such that begins with
    a letter."""
    for n in range(64):
        value = str(uuid.uuid5(uuid.NAMESPACE_URL, f"{url}#{n}" if n else url))
        if value[0].isalpha():
            return value
    raise AssertionError("no UUID beginning with a letter in 64 tries")  # pragma: no cover


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """The cables of ``volume`` as one CMIF file (``volume.url``: the address it will be
    published at, the file's ``idno``; ``volume.publisher``: who publishes it)."""
    url = volume.url or EXTENSION
    source = "#" + bibl_id(url)
    letters = (corresp_desc(cable, source) for cable in volume.cables)
    return document(volume.title, volume.publisher, url, volume.modified(options), letters)


def document(title: str, publisher: str | None, url: str, modified: str,
             letters: Iterable[etree._Element]) -> bytes:
    """A CMIF file: its header (``modified``: when it last changed, an xs:dateTime) and the
    letters (each a :func:`corresp_desc` whose ``@source`` is ``#`` + :func:`bibl_id` of
    ``url``)."""
    publisher = publisher or UNKNOWN
    root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})  # type: ignore[dict-item]
    header = _el(root, "teiHeader")
    file_desc = _el(header, "fileDesc")
    title_stmt = _el(file_desc, "titleStmt")
    _el(title_stmt, "title", title)
    _el(title_stmt, "editor", publisher)
    publication = _el(file_desc, "publicationStmt")
    _el(publication, "publisher", publisher)
    _el(publication, "idno", url, type="url")
    _el(publication, "date", when=modified)
    _el(_el(publication, "availability"), "licence", LICENCE, target=LICENCE_URL)
    bibl = _el(_el(file_desc, "sourceDesc"), "bibl", EDITION + ": ", type="online")
    bibl.set(f"{{{XML_NS}}}id", bibl_id(url))
    _el(bibl, "ref", EDITION_URL, target=EDITION_URL)
    profile = _el(header, "profileDesc")
    for letter in letters:
        profile.append(letter)
    _el(_el(_el(root, "text"), "body"), "p")
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data


def corresp_desc(cable: Cable, source: str) -> etree._Element:
    """One cable's ``correspDesc`` in CMIF's shape, from its TEI's."""
    tei = cable.tei
    node = etree.Element(_T + "correspDesc", {"source": source})
    if cable.id:
        node.set("ref", cable_url(cable.id))
    sent = _el(node, "correspAction", type="sent")
    path = "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction"
    office = _names(tei, f"{path}[@type='sent']/t:orgName")
    if not office:  # no FM line: the sending office as the page's or row's metadata names it
        office = _names(tei, "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl/t:note[@type='origin']")[:1]
    person = _names(tei, f"{path}[@type='sent']/t:persName")
    for name in person:
        _el(sent, "persName", name)
    for name in office:
        _el(sent, "orgName", name)
    if not office and not person:
        _el(sent, "persName", UNKNOWN)
    for place in _names(tei, f"{path}[@type='sent']/t:placeName")[:1]:
        _el(sent, "placeName", place)
    for date in xpath(tei, f"{path}[@type='sent']/t:date[@when]")[:1]:
        cert = date.get("cert")
        _el(sent, "date", when=date.get("when")[:10], cert=cert if cert and cert != "high" else None)
    received = _el(node, "correspAction", type="received")
    addressees = _names(tei, f"{path}[@type='received'][@subtype='action']/t:orgName")
    for name in addressees:
        _el(received, "orgName", name)
    if not addressees:
        _el(received, "persName", UNKNOWN)
    city = _shared_city(addressees)
    if city:
        _el(received, "placeName", city)
    return node


def _names(tei: etree._Element, path: str) -> list[str]:
    """The names the elements at ``path`` hold, each once, known ones only."""
    names = (" ".join("".join(node.itertext()).split()) for node in xpath(tei, path))
    return [name for name in dict.fromkeys(names) if name and name != "unknown"]


def _shared_city(offices: list[str]) -> str | None:
    """The one city the station table gives every office of ``offices``, else None."""
    from .. import stations

    cities = {station.city if (station := stations.by_office(office)) else None for office in offices}
    return cities.pop() if len(cities) == 1 else None


__all__ = ["EXTENSION", "LICENCE", "LICENCE_URL", "UNKNOWN", "bibl_id", "cable_url", "corresp_desc",
           "document", "write_volume"]
