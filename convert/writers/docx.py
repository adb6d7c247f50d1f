"""TEI -> DOCX: the HTML writer's article (with pandoc custom styles) through pandoc.

Styles come from a reference.docx generated from the theme (:func:`convert.theme.reference_docx`):
every block and span carries the name of a style it defines (Title, Cable Metadata,
Paragraph Number, Portion Marking, Summary, Signature, ...). After pandoc, the writer fills
the header/footer placeholders with the classification line and cable id, writes the core
properties (title, author, keywords, created from the date-time group) and re-packs the
archive deterministically.
"""

from __future__ import annotations

from lxml import etree

from ..archive import read_zip, rewrite_zip
from ..errors import RenderError
from ..model import Cable
from ..options import WriteOptions
from ..theme import HEADER_CABLE_ID, HEADER_CLASSIFICATION
from . import html, pandoc
from .facts import cable_facts, iso_to_epoch

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER_PARTS = ("word/header1.xml", "word/footer1.xml")


def core_properties(title: str, author: str, keywords: str, subject: str, description: str,
                    created: str, modified: str, language: str) -> bytes:
    """docProps/core.xml, built element by element."""
    root = etree.Element(f"{{{_CP}}}coreProperties",
                         nsmap={"cp": _CP, "dc": _DC, "dcterms": _DCTERMS, "xsi": _XSI})
    for ns, name, value in ((_DC, "title", title), (_DC, "creator", author),
                            (_CP, "keywords", keywords), (_DC, "subject", subject),
                            (_DC, "description", description), (_DC, "language", language),
                            (_CP, "lastModifiedBy", author)):
        if value:
            etree.SubElement(root, f"{{{ns}}}{name}").text = value
    for name, value in (("created", created), ("modified", modified)):
        element = etree.SubElement(root, f"{{{_DCTERMS}}}{name}")
        element.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
        element.text = value
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def fill_placeholders(part: bytes, values: dict[str, str]) -> bytes:
    """Replace placeholder text in a header/footer part (text nodes only, never markup)."""
    root = etree.fromstring(part)
    for text in root.iter(f"{_W}t"):
        if text.text:
            for placeholder, value in values.items():
                text.text = text.text.replace(placeholder, value)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def package(root: etree._Element, options: WriteOptions, source: str, core: bytes,
            header_values: dict[str, str], modified: str) -> bytes:
    """HTML tree -> DOCX bytes: pandoc with the theme's reference.docx, then our parts."""
    epoch = iso_to_epoch(modified) or 0
    reference = pandoc.reference_file(options.theme, options.paper)
    raw = pandoc.run(["-f", "html", "-t", "docx", f"--reference-doc={reference}"],
                     html.serialize(root), source, epoch)
    entries = dict(read_zip(raw))
    replace = {"docProps/core.xml": core}
    for name in HEADER_PARTS:
        if name not in entries:
            raise RenderError(source, f"pandoc dropped the reference header part {name}")
        replace[name] = fill_placeholders(entries[name], header_values)
    return rewrite_zip(raw, replace, epoch)


def write(cable: Cable, options: WriteOptions) -> bytes:
    """One cable as a DOCX in the theme's named styles."""
    facts = cable_facts(cable)
    modified = html.modified_iso(cable, options)
    article = html.article(cable, options, flavour="docx", title_as_heading=False)
    root = html.document([article], "", facts.lang, None)
    core = core_properties(
        title=facts.subject, author=facts.origin or "", keywords=", ".join(facts.tags),
        subject=facts.classification, description=f"Cable {facts.id}",
        created=facts.date or modified, modified=modified, language=facts.lang,
    )
    values = {HEADER_CLASSIFICATION: facts.classification, HEADER_CABLE_ID: facts.id}
    return package(root, options, cable.source, core, values, modified)
