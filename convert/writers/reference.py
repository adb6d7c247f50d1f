"""The DOCX reference document, made from a theme: pandoc's default reference.docx with its
named styles, fonts, sizes, colours, page geometry, header and footer rewritten from the
theme's tokens, each named style dressed as :data:`convert.theme.DRESS` says (the same table
the CSS reads). Written once per process and theme for pandoc's ``--reference-doc``.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from functools import cache, lru_cache

from lxml import etree

from ..archive import build_zip, read_zip
from ..errors import StyleError
from ..theme import DRESS, Dress, Theme, derived, load_theme
from .pandoc import pandoc_path, workdir

#: Placeholders in the reference.docx header/footer, filled per cable by the DOCX writer.
HEADER_CLASSIFICATION = "[[classification]]"
HEADER_CABLE_ID = "[[cable-id]]"
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = f"{{{W_NS}}}"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _w(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(_W + tag)
    for key, value in attrs.items():
        element.set(_W + key, value)
    return element


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    child = _w(tag, **attrs)
    parent.append(child)
    return child


def _half_points(points: float) -> str:
    return str(round(points * 2))


def _twips(points: float) -> str:
    return str(round(points * 20))


def _length_twips(value: str) -> int:
    match = re.fullmatch(r"\s*([0-9.]+)\s*(mm|cm|in|pt)\s*", value)
    if not match:
        raise StyleError("page", f"cannot read the length {value!r}")
    number, unit = float(match[1]), match[2]
    factor = {"mm": 1440 / 25.4, "cm": 1440 / 2.54, "in": 1440.0, "pt": 20.0}[unit]
    return round(number * factor)


def _run_props(theme: Theme, dress: Dress) -> etree._Element:
    rpr = _w("rPr")
    family = theme.font(dress.font)
    _sub(rpr, "rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family)
    if theme.switch(dress.bold, "bold"):
        _sub(rpr, "b")
        _sub(rpr, "bCs")
    if theme.switch(dress.italic, "italic"):
        _sub(rpr, "i")
        _sub(rpr, "iCs")
    if dress.small_caps:
        _sub(rpr, "smallCaps")
    _sub(rpr, "color", val=theme.colour(dress.colour).lstrip("#").upper())
    _sub(rpr, "sz", val=_half_points(theme.size(dress.size)))
    _sub(rpr, "szCs", val=_half_points(theme.size(dress.size)))
    return rpr


def _para_props(theme: Theme, dress: Dress) -> etree._Element:
    ppr = _w("pPr")  # children in the schema's order: keepNext … pBdr, shd, spacing, ind,
    # contextualSpacing, jc, outlineLvl
    if dress.keep:
        _sub(ppr, "keepNext")
        _sub(ppr, "keepLines")
    if dress.border:
        borders = _sub(ppr, "pBdr")
        width = max(2, round(theme.spacing("summary_rule_width") * 8))
        colour = theme.colour(dress.border).lstrip("#").upper()
        _sub(borders, "left", val="single" if theme.spacing("summary_rule_width") else "nil",
             sz=str(width), space="8", color=colour)
    if dress.shade:
        fill = theme.colour(dress.shade).lstrip("#").upper()
        _sub(ppr, "shd", val="clear", color="auto", fill=fill)
    after = 0.0 if dress.tight else theme.spacing("paragraph_after")
    line = round(float(theme.tokens["sizes"]["line_height"]) * 240)
    _sub(ppr, "spacing", before="0", after=_twips(after), line=str(line), lineRule="auto")
    if dress.indent:
        unit = theme.spacing("indent")
        left = _twips(unit * dress.indent)
        if dress.hanging:  # the first line where it was, the lines after it one unit in
            _sub(ppr, "ind", left=_twips(unit * (dress.indent + 1)), right="0", hanging=_twips(unit))
        else:
            _sub(ppr, "ind", left=left, right=left if dress.indent > 1 else "0")
    if dress.grouped:
        _sub(ppr, "contextualSpacing")
    align = dress.align or theme.tokens["text"].get("align", "left")
    _sub(ppr, "jc", val={"justify": "both"}.get(str(align), str(align)))
    if dress.outline is not None:
        _sub(ppr, "outlineLvl", val=str(dress.outline))
    return ppr


#: Word's built-in styles the theme dresses: their names are lower case in styles.xml
#: ("heading 1"), and they are not custom styles
_BUILT_IN = re.compile(r"(Heading [1-9]|Title)")


def _style_element(theme: Theme, key: str, dress: Dress) -> etree._Element:
    name = theme.style(key)
    style = _w("style", type=dress.kind, styleId=name.replace(" ", ""))
    built_in = _BUILT_IN.fullmatch(name) is not None
    if not built_in:
        style.set(_W + "customStyle", "1")
    _sub(style, "name", val=name.lower() if built_in and name != "Title" else name)
    if dress.kind == "paragraph":
        _sub(style, "basedOn", val="Normal")
        if dress.keep:
            _sub(style, "next", val="BodyText")
    _sub(style, "qFormat")
    if dress.kind == "paragraph":
        style.append(_para_props(theme, dress))
    style.append(_run_props(theme, dress))
    return style


def _hyperlink(theme: Theme, style: etree._Element) -> None:
    """Pandoc's Hyperlink style in the theme's accent and underlined: told from the text by
    more than its colour (WCAG 1.4.1; pandoc's own blue, 4F81BD, is also under 4.5:1 on white)."""
    rpr = style.find(f"{_W}rPr")
    if rpr is None:
        rpr = _sub(style, "rPr")
    for old in list(rpr):
        rpr.remove(old)
    _sub(rpr, "color", val=theme.colour("accent").lstrip("#").upper())
    _sub(rpr, "u", val="single")


def _verbatim(theme: Theme, style: etree._Element) -> None:
    """Pandoc's Verbatim Char (the runs of a code block: a table written in plain text, in the
    Source Code paragraph style) in the table style's face and size, not pandoc's Consolas."""
    rpr = style.find(f"{_W}rPr")
    if rpr is None:
        rpr = _sub(style, "rPr")
    for old in list(rpr):
        rpr.remove(old)
    for new in list(_run_props(theme, DRESS["table"])):
        rpr.append(new)


def _rewrite_styles(theme: Theme, xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    body_font = theme.font("body")
    defaults = root.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr")
    if defaults is not None:
        for old in list(defaults):
            if old.tag in {_W + "rFonts", _W + "sz", _W + "szCs"}:
                defaults.remove(old)
        defaults.insert(0, _w("rFonts", ascii=body_font, hAnsi=body_font, cs=body_font,
                              eastAsia=body_font))
        defaults.insert(1, _w("sz", val=_half_points(theme.size("body"))))
        defaults.insert(2, _w("szCs", val=_half_points(theme.size("body"))))
    ours = [_style_element(theme, key, dress) for key, dress in DRESS.items()]
    our_ids = {style.get(_W + "styleId") for style in ours}
    heading_font = theme.font("heading")
    for style in root.findall(f"{_W}style"):
        style_id = style.get(_W + "styleId") or ""
        if style_id in our_ids:
            root.remove(style)
        elif style_id.startswith("Heading") or style_id in {"Subtitle", "TOCHeading"}:
            rpr = style.find(f"{_W}rPr")
            if rpr is None:
                rpr = _sub(style, "rPr")
            for old in rpr.findall(f"{_W}rFonts") + rpr.findall(f"{_W}color"):
                rpr.remove(old)
            rpr.insert(0, _w("rFonts", ascii=heading_font, hAnsi=heading_font,
                             cs=heading_font, eastAsia=heading_font))
            rpr.append(_w("color", val=theme.colour("accent").lstrip("#").upper()))
        elif style_id == "Hyperlink":
            _hyperlink(theme, style)
        elif style_id == "VerbatimChar":
            _verbatim(theme, style)
        elif style_id in {"Normal", "BodyText", "FirstParagraph", "Compact"}:
            rpr = style.find(f"{_W}rPr")
            if rpr is None:
                rpr = _sub(style, "rPr")
            for old in rpr.findall(f"{_W}color"):
                rpr.remove(old)
            rpr.append(_w("color", val=theme.colour("text").lstrip("#").upper()))
    for style in ours:
        root.append(style)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _header_part(theme: Theme, tag: str, with_page: bool) -> bytes:
    root = etree.Element(_W + tag, nsmap={"w": W_NS, "r": R_NS})
    para = _sub(root, "p")
    ppr = _sub(para, "pPr")
    _sub(ppr, "pStyle", val=theme.style("classification").replace(" ", ""))
    run = _sub(para, "r")
    _sub(run, "t").text = HEADER_CLASSIFICATION
    if with_page:
        line = _sub(root, "p")
        lppr = _sub(line, "pPr")
        _sub(lppr, "pStyle", val=theme.style("artifact").replace(" ", ""))
        _sub(lppr, "jc", val="right")

        def text(value: str) -> None:
            t = _sub(_sub(line, "r"), "t")
            t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            t.text = value

        def field(code: str) -> None:
            _sub(_sub(line, "r"), "fldChar", fldCharType="begin")
            instr = _sub(_sub(line, "r"), "instrText")
            instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            instr.text = f" {code} "
            _sub(_sub(line, "r"), "fldChar", fldCharType="separate")
            _sub(_sub(line, "r"), "t").text = "1"
            _sub(_sub(line, "r"), "fldChar", fldCharType="end")

        text(f"{HEADER_CABLE_ID} \u2014 Page ")
        field("PAGE")
        text(" of ")
        field("NUMPAGES")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _document_part(theme: Theme, paper: str, xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    body = root.find(f"{_W}body")
    if body is None:
        raise StyleError(theme.name, "pandoc's reference.docx has no body")
    for child in list(body):
        body.remove(child)
    page = theme.tokens["page"][paper]
    sect = _sub(body, "sectPr")
    header = _sub(sect, "headerReference", type="default")
    header.set(f"{{{R_NS}}}id", "rIdCableHeader")
    footer = _sub(sect, "footerReference", type="default")
    footer.set(f"{{{R_NS}}}id", "rIdCableFooter")
    _sub(sect, "pgSz", w=str(_length_twips(page["width"])), h=str(_length_twips(page["height"])))
    header_at = str(_length_twips(page["margin_top"]) // 2)  # one line: the classification
    # two lines (the classification, then the id and page): set low enough that they end
    # well below the text's margin, where a long source note at the page's foot ends
    footer_at = str(_length_twips(page["margin_bottom"]) // 3)
    _sub(sect, "pgMar", top=str(_length_twips(page["margin_top"])),
         right=str(_length_twips(page["margin_outer"])),
         bottom=str(_length_twips(page["margin_bottom"])),
         left=str(_length_twips(page["margin_inner"])), header=header_at, footer=footer_at, gutter="0")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _relationships(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    for rid, kind, target in (("rIdCableHeader", "header", "header1.xml"),
                              ("rIdCableFooter", "footer", "footer1.xml")):
        rel = etree.SubElement(root, f"{{{PKG_REL_NS}}}Relationship")
        rel.set("Id", rid)
        rel.set("Type", f"{_REL_BASE}/{kind}")
        rel.set("Target", target)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _content_types(xml: bytes) -> bytes:
    root = etree.fromstring(xml)
    base = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    for part, kind in (("/word/header1.xml", "header"), ("/word/footer1.xml", "footer")):
        override = etree.SubElement(root, f"{{{CT_NS}}}Override")
        override.set("PartName", part)
        override.set("ContentType", f"{base}.{kind}+xml")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


@lru_cache(maxsize=1)
def pandoc_default_reference() -> bytes:
    """Pandoc's own reference.docx, as the bundled pandoc prints it."""
    try:
        return subprocess.run(
            [pandoc_path(), "--print-default-data-file", "reference.docx"],
            check=True, capture_output=True, timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError) as exc:
        raise StyleError("reference.docx", f"pandoc could not print its default: {exc}") from exc


@cache
def reference_docx(theme_name: str, paper: str = "a4") -> bytes:
    """A reference.docx whose styles, page, header and footer come from the theme's tokens."""
    theme = load_theme(theme_name)
    if paper not in theme.tokens["page"]:
        raise StyleError(theme_name, f"no page geometry for paper {paper!r}")
    parts = dict(read_zip(pandoc_default_reference()))
    parts["word/styles.xml"] = _rewrite_styles(theme, parts["word/styles.xml"])
    parts["word/document.xml"] = _document_part(theme, paper, parts["word/document.xml"])
    parts["word/_rels/document.xml.rels"] = _relationships(parts["word/_rels/document.xml.rels"])
    parts["[Content_Types].xml"] = _content_types(parts["[Content_Types].xml"])
    parts["word/header1.xml"] = _header_part(theme, "hdr", with_page=False)
    parts["word/footer1.xml"] = _header_part(theme, "ftr", with_page=True)
    return build_zip(sorted(parts.items()), epoch=0)


@cache
def reference_file(theme: str, paper: str) -> str:
    """The theme's reference.docx written once per process, for ``--reference-doc``."""
    # a user theme's name is its file's path: the file name of its reference.docx is a digest
    label = theme if theme.isidentifier() else hashlib.sha256(theme.encode()).hexdigest()[:16]
    target = workdir() / f"reference-{label}-{paper}.docx"
    target.write_bytes(reference_docx(theme, paper))
    return str(target)


derived(reference_docx.cache_clear)
derived(reference_file.cache_clear)
