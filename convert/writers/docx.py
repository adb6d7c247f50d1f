"""TEI -> DOCX: the HTML writer's article (with pandoc custom styles) through pandoc.

Styles come from a reference.docx generated from the theme (:mod:`.reference`):
every block and span carries the name of a style it defines (Title, Cable Metadata,
Paragraph Number, Portion Marking, Summary, Signature, ...). After pandoc, the writer fills
the header/footer placeholders with the classification line and cable id, writes the core
properties (title, author, keywords, created from the date-time group) and re-packs the
archive deterministically (only those parts are deflated again).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from lxml import etree

from ..archive import read_entries, rewrite_zip
from ..errors import RenderError
from ..model import Cable
from ..options import WriteOptions
from ..theme import load_theme
from ..view import frus, iso_to_epoch
from . import docx_sections, html, pandoc
from .docx_sections import Section
from .reference import HEADER_CABLE_ID, HEADER_CLASSIFICATION, reference_file

if TYPE_CHECKING:
    from ..volume import Volume

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
HEADER_PARTS = ("word/header1.xml", "word/footer1.xml")
FOOTNOTES = "word/footnotes.xml"


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


def fill_placeholders(part: bytes, values: Mapping[str, str]) -> bytes:
    """Replace placeholder text in a header/footer part (text nodes only, never markup)."""
    root = etree.fromstring(part)
    for text in root.iter(f"{_W}t"):
        if text.text:
            for placeholder, value in values.items():
                text.text = text.text.replace(placeholder, value)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def join_note_marks(part: bytes) -> bytes:
    """The footnotes with each note's number on the line of its text. pandoc writes a note
    whose content is a styled block (the source note, in the Source Note style) as a
    paragraph holding only the number, then the text: Word and LibreOffice show "1" alone
    above the note. The number's run moves to the start of the next paragraph."""
    root = etree.fromstring(part)
    for note in root.iter(f"{_W}footnote"):
        paragraphs = note.findall(f"{_W}p")
        if len(paragraphs) < 2:
            continue
        first, text = paragraphs[0], paragraphs[1]
        runs = [child for child in first if child.tag != f"{_W}pPr"]
        if len(runs) != 1 or runs[0].find(f"{_W}footnoteRef") is None:
            continue  # the number has words of its own beside it: leave the note as it is
        properties = text.find(f"{_W}pPr")
        mark, space = runs[0], etree.Element(f"{_W}r")
        etree.SubElement(space, f"{_W}t", {"{http://www.w3.org/XML/1998/namespace}space": "preserve"}).text = " "
        at = 0 if properties is None else text.index(properties) + 1
        text.insert(at, mark)
        text.insert(at + 1, space)
        note.remove(first)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def package(root: etree._Element, options: WriteOptions, source: str, core: bytes,
            header_values: dict[str, str], modified: str,
            sections: Sequence[Section] = ()) -> bytes:
    """HTML tree -> DOCX bytes: pandoc with the theme's reference.docx, then our parts
    (``sections``: a volume's, see :mod:`.docx_sections`)."""
    epoch = iso_to_epoch(modified) or 0
    reference = reference_file(options.theme, options.paper)
    raw = pandoc.run(["-f", "html", "-t", "docx", f"--reference-doc={reference}"],
                     html.serialize(root), source, epoch)
    entries = read_entries(raw, HEADER_PARTS + (FOOTNOTES,) + (docx_sections.PARTS if sections else ()))
    replace = {"docProps/core.xml": core}
    if FOOTNOTES in entries:
        replace[FOOTNOTES] = join_note_marks(entries[FOOTNOTES])
    for name in HEADER_PARTS:
        if name not in entries:
            raise RenderError(source, f"pandoc dropped the reference header part {name}")
        replace[name] = fill_placeholders(entries[name], header_values)
    if sections:
        templates = dict(zip(("header", "footer"), HEADER_PARTS, strict=True))
        replace.update(docx_sections.sectioned(
            entries, sections, lambda kind, values: fill_placeholders(entries[templates[kind]], values),
            source))
    return rewrite_zip(raw, replace, epoch)


def write(cable: Cable, options: WriteOptions) -> bytes:
    """One cable as a DOCX in the theme's named styles."""
    view = cable.view
    modified = html.modified_iso(cable, options)
    article = html.article(cable, options, flavour="docx", title_as_heading=False)
    root = html.document([article], "", view.lang, None)
    core = core_properties(
        title=frus.bookmark(view), author=view.origin or "", keywords=", ".join(view.tags),
        subject=view.classification, description=f"Cable {view.id}",
        created=view.date or modified, modified=modified, language=view.lang,
    )
    values = {HEADER_CLASSIFICATION: view.classification, HEADER_CABLE_ID: view.id}
    return package(root, options, cable.source, core, values, modified)


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """Many cables as one DOCX: the volume's title in the Title style, a heading per cable."""
    blocks = volume.blocks(options, "docx")
    front_title = blocks[0].find("h1")
    if front_title is not None:  # the volume's title in the Title style, not a heading
        front_title.tag = "div"
        front_title.set("data-custom-style", load_theme(options.theme).style("title"))
        text, front_title.text = front_title.text, None
        etree.SubElement(front_title, "p").text = text
    modified = volume.modified(options)
    dates = volume.dates()
    classification = volume.classification()
    core = core_properties(
        title=volume.title, author="; ".join(volume.origins())[:250], keywords=", ".join(volume.tags()),
        subject=classification, description=f"{len(volume.cables)} cables",
        created=dates[0] if dates else modified, modified=modified, language=volume.lang)
    root = html.document(blocks, "", volume.lang, None)
    values = {HEADER_CLASSIFICATION: classification, HEADER_CABLE_ID: volume.title}
    return package(root, options, "--book", core, values, modified, volume_sections(volume))


def volume_sections(volume: Volume) -> list[Section]:
    """The title page (no running heads), the contents and the index (each link followed by
    its cable's page; under the volume's highest classification) and each cable in a section of its own,
    headed by its classification."""
    from ..volume import copies, title_anchor

    def heads(classification: str, label: str) -> dict[str, str]:
        return {HEADER_CLASSIFICATION: classification, HEADER_CABLE_ID: label}

    highest, views = volume.classification(), volume.views
    return [Section(None, None), Section("volume-contents", heads(highest, "Contents"), page_references=True),
            *(Section(title_anchor(view, copy), heads(view.classification, view.id))
              for view, copy in zip(views, copies([view.id for view in views]), strict=True)),
            Section("volume-index", heads(highest, "Index of TAGS"), page_references=True)]
