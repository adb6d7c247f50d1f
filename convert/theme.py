"""Themes: load the style tokens in ``styles/`` and derive every format's styling from them.

One source, several outputs: :func:`stylesheet` fills the CSS templates (screen, print with
paper geometry, EPUB) and :func:`reference_docx` rewrites pandoc's default reference.docx so
its named styles, fonts, sizes, colours, page geometry, header and footer come from the same
tokens. Results are cached per process: long-lived workers pay for them once.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass
from functools import cache, lru_cache
from string import Template
from typing import Any

from lxml import etree

import styles

from .archive import build_zip, read_zip
from .errors import StyleError

MEDIA = ("screen", "print", "epub")
PAPERS = ("a4", "letter")
#: Placeholders in the reference.docx header/footer, filled per cable by the DOCX writer.
HEADER_CLASSIFICATION = "[[classification]]"
HEADER_CABLE_ID = "[[cable-id]]"


def slug(name: str) -> str:
    """A CSS class name for a style name: ``Cable Metadata`` -> ``cable-metadata``."""
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


@dataclass(frozen=True, slots=True)
class Theme:
    """A loaded theme: its name and its (merged) tokens."""

    name: str
    tokens: dict[str, Any]

    def style(self, key: str) -> str:
        """The style name (DOCX, pandoc custom-style) for a style key such as ``summary``."""
        try:
            return str(self.tokens["styles"][key])
        except KeyError as exc:
            raise StyleError(self.name, f"no style named {key!r} in the theme") from exc

    def css_class(self, key: str) -> str:
        """The CSS class for a style key: the slug of its style name."""
        return slug(self.style(key))

    def font(self, key: str) -> str:
        """The first (preferred) family of a font token."""
        return str(self.tokens["fonts"][key][0])

    def size(self, key: str) -> float:
        return float(self.tokens["sizes"][key])

    def colour(self, key: str) -> str:
        return str(self.tokens["colours"][key])

    def spacing(self, key: str) -> float:
        return float(self.tokens["spacing"][key])


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name`` (``modern`` or ``teletype``); :class:`StyleError` otherwise."""
    try:
        tokens = styles.load_tokens(name)
    except KeyError as exc:
        known = ", ".join(styles.THEMES)
        raise StyleError(name, f"unknown theme (known: {known})") from exc
    for section in ("fonts", "sizes", "colours", "spacing", "page", "styles", "text"):
        if section not in tokens:
            raise StyleError(name, f"theme lacks the [{section}] tokens")
    return Theme(name, tokens)


# ---------------------------------------------------------------------------------------- CSS


class _CSSTemplate(Template):
    idpattern = r"[a-z_][a-z0-9_.]*"


def _css_family(families: list[str]) -> str:
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return ", ".join(name if name in generic else f'"{name}"' for name in families)


def _css_values(theme: Theme, paper: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for section, entries in theme.tokens.items():
        if not isinstance(entries, dict) or section in {"page", "meta"}:
            continue
        for key, value in entries.items():
            if section == "fonts":
                values[f"fonts.{key}"] = _css_family(list(value))
            else:
                values[f"{section}.{key}"] = str(value)
    for key in theme.tokens["styles"]:
        values[f"class.{key}"] = theme.css_class(key)
    pages = theme.tokens["page"]
    if paper not in pages:
        raise StyleError(theme.name, f"no page geometry for paper {paper!r}")
    for key, value in pages[paper].items():
        values[f"page.{key}"] = str(value)
    return values


@cache
def stylesheet(theme_name: str, medium: str = "screen", paper: str = "a4") -> str:
    """The theme's CSS for ``screen`` (standalone HTML), ``print`` (PDF) or ``epub``."""
    if medium not in MEDIA:
        raise StyleError(theme_name, f"unknown medium {medium!r}")
    theme = load_theme(theme_name)
    parts = ["cable.css"] + {"screen": ["screen.css"], "print": ["print.css"], "epub": []}[medium]
    values = _css_values(theme, paper)
    out = []
    for part in parts:
        try:
            out.append(_CSSTemplate(styles.read_template(part)).substitute(values))
        except (KeyError, ValueError) as exc:
            raise StyleError(theme_name, f"{part}: unknown token {exc}") from exc
    return "\n".join(out)


# ------------------------------------------------------------------------------ reference.docx

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
_W = f"{{{W_NS}}}"
_REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

#: Which tokens dress which named style: (style key, kind, based on, font, size, colour, extra).
#: ``extra`` holds paragraph/run switches: bold, italic, align, indent, shade, border, tight.
_STYLE_MAP: tuple[tuple[str, str, str | None, str, str, str, dict[str, Any]], ...] = (
    ("title", "paragraph", "Normal", "heading", "title", "accent", {"bold": "title_weight"}),
    ("classification", "paragraph", "Normal", "meta", "classification", "classification",
     {"bold": "classification_weight", "align": "center"}),
    ("metadata", "paragraph", "Normal", "meta", "meta", "muted", {"tight": True}),
    ("opener", "paragraph", "Normal", "mono", "small", "muted", {"tight": True}),
    ("subject", "paragraph", "Normal", "heading", "heading", "accent",
     {"bold": "heading_weight"}),
    ("references", "paragraph", "Normal", "meta", "meta", "text", {"tight": True}),
    ("body", "paragraph", "Normal", "body", "body", "text", {}),
    ("summary", "paragraph", "Normal", "body", "body", "text",
     {"shade": "summary_background", "border": "summary_rule"}),
    ("comment", "paragraph", "Normal", "body", "body", "text", {"italic": True}),
    ("quote", "paragraph", "Normal", "body", "body", "text", {"indent": 2}),
    ("list_item", "paragraph", "Normal", "body", "body", "text", {"indent": 1}),
    ("signature", "paragraph", "Normal", "heading", "body", "text", {"bold": True}),
    ("artifact", "paragraph", "Normal", "mono", "running", "muted", {"tight": True}),
    ("paragraph_number", "character", None, "heading", "body", "accent",
     {"bold": "paragraph_number_weight"}),
    ("portion_marking", "character", None, "meta", "small", "muted",
     {"italic": "portion_marking_style"}),
    ("redaction", "character", None, "mono", "body", "muted", {}),
)


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


def _flag(theme: Theme, value: Any, on: str) -> bool:
    if isinstance(value, bool):
        return value
    return str(theme.tokens["text"].get(str(value), "")) == on


def _run_props(theme: Theme, font: str, size: str, colour: str,
               extra: dict[str, Any]) -> etree._Element:
    rpr = _w("rPr")
    family = theme.font(font)
    _sub(rpr, "rFonts", ascii=family, hAnsi=family, cs=family, eastAsia=family)
    if "bold" in extra and _flag(theme, extra["bold"], "bold"):
        _sub(rpr, "b")
        _sub(rpr, "bCs")
    if "italic" in extra and _flag(theme, extra["italic"], "italic"):
        _sub(rpr, "i")
        _sub(rpr, "iCs")
    _sub(rpr, "color", val=theme.colour(colour).lstrip("#").upper())
    _sub(rpr, "sz", val=_half_points(theme.size(size)))
    _sub(rpr, "szCs", val=_half_points(theme.size(size)))
    return rpr


def _para_props(theme: Theme, extra: dict[str, Any]) -> etree._Element:
    ppr = _w("pPr")
    if extra.get("border"):
        borders = _sub(ppr, "pBdr")
        width = max(2, round(theme.spacing("summary_rule_width") * 8))
        colour = theme.colour(str(extra["border"])).lstrip("#").upper()
        _sub(borders, "left", val="single" if theme.spacing("summary_rule_width") else "nil",
             sz=str(width), space="8", color=colour)
    if extra.get("shade"):
        fill = theme.colour(str(extra["shade"])).lstrip("#").upper()
        _sub(ppr, "shd", val="clear", color="auto", fill=fill)
    after = 0.0 if extra.get("tight") else theme.spacing("paragraph_after")
    line = round(float(theme.tokens["sizes"]["line_height"]) * 240)
    _sub(ppr, "spacing", before="0", after=_twips(after), line=str(line), lineRule="auto")
    if extra.get("indent"):
        left = _twips(theme.spacing("indent") * int(extra["indent"]))
        _sub(ppr, "ind", left=left, right=left if int(extra["indent"]) > 1 else "0")
    align = extra.get("align") or theme.tokens["text"].get("align", "left")
    _sub(ppr, "jc", val={"justify": "both"}.get(str(align), str(align)))
    return ppr


def _style_element(theme: Theme, key: str, kind: str, based_on: str | None, font: str,
                   size: str, colour: str, extra: dict[str, Any]) -> etree._Element:
    name = theme.style(key)
    style = _w("style", type=kind, styleId=name.replace(" ", ""))
    if name not in {"Title"}:
        style.set(_W + "customStyle", "1")
    _sub(style, "name", val=name)
    if based_on:
        _sub(style, "basedOn", val=based_on)
    _sub(style, "qFormat")
    if kind == "paragraph":
        style.append(_para_props(theme, extra))
    style.append(_run_props(theme, font, size, colour, extra))
    return style


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
    ours = [_style_element(theme, *entry) for entry in _STYLE_MAP]
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
    half = str(_length_twips(page["margin_top"]) // 2)
    _sub(sect, "pgMar", top=str(_length_twips(page["margin_top"])),
         right=str(_length_twips(page["margin_outer"])),
         bottom=str(_length_twips(page["margin_bottom"])),
         left=str(_length_twips(page["margin_inner"])), header=half, footer=half, gutter="0")
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
    from .writers.pandoc import pandoc_path

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


def clear_caches() -> None:
    """Forget loaded themes and everything derived from them (tests that edit tokens)."""
    load_theme.cache_clear()
    stylesheet.cache_clear()
    reference_docx.cache_clear()
