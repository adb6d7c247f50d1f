"""The theme is written once: a token changed in styles/ shows up in the CSS, PDF, EPUB, DOCX."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from lxml import etree
from writers_fixtures import hand_tei

import styles
from convert import theme
from convert.errors import StyleError
from convert.options import WriteOptions
from convert.writers import reference

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@contextmanager
def tokens_changed(name: str, change: dict[str, dict[str, Any]]) -> Iterator[None]:
    """Pretend styles/<name>.toml said something else, for the duration of a test."""
    original = styles.load_tokens

    def patched(theme_name: str) -> dict[str, Any]:
        tokens = original(theme_name)
        if theme_name == name:
            for section, values in change.items():
                tokens[section] = {**tokens[section], **values}
        return tokens

    styles.load_tokens = patched  # type: ignore[assignment]
    theme.clear_caches()  # and what the writers derived: the PDF's CSS, the reference.docx
    try:
        yield
    finally:
        styles.load_tokens = original  # type: ignore[assignment]
        theme.clear_caches()


def docx_style(docx: bytes, name: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        root = etree.fromstring(archive.read("word/styles.xml"))
    for style in root.iter(f"{W}style"):
        element = style.find(f"{W}name")
        if element is not None and element.get(f"{W}val") == name:
            return style
    raise AssertionError(f"no style {name!r}")


def pdf_fonts(pdf: bytes) -> set[str]:
    """Base font names used on the PDF's pages, without the subset prefix."""
    from pypdf import PdfReader

    names = set()
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for font in page["/Resources"].get_object().get("/Font", {}).values():
            names.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
    return names


def test_both_themes_load_and_differ() -> None:
    modern, teletype = theme.load_theme("modern"), theme.load_theme("teletype")
    assert modern.font("body") != teletype.font("body")
    assert teletype.font("body") == teletype.font("heading") == "DejaVu Sans Mono"
    # teletype inherits what it does not override
    assert teletype.style("summary") == modern.style("summary") == "Summary"
    assert teletype.tokens["page"]["letter"] == modern.tokens["page"]["letter"]


def test_unknown_theme_is_a_style_error() -> None:
    with pytest.raises(StyleError):
        theme.load_theme("baroque")


@pytest.mark.parametrize("medium", ["screen", "print", "epub"])
def test_css_has_no_unfilled_placeholders(medium: str) -> None:
    for name in styles.THEMES:
        css = theme.stylesheet(name, medium, "letter")
        assert "${" not in css
        assert css.count("{") == css.count("}")


def test_print_css_has_paper_geometry_and_running_heads() -> None:
    a4 = theme.stylesheet("modern", "print", "a4")
    letter = theme.stylesheet("modern", "print", "letter")
    assert "size: A4" in a4 and "size: letter" in letter
    assert "string(classification)" in a4 and "counter(pages)" in a4
    for forbidden in ("letter-spacing", "text-transform", "hyphens: auto"):
        assert forbidden not in a4


def test_reference_docx_has_named_styles_in_theme_fonts() -> None:
    data = reference.reference_docx("modern", "a4")
    modern = theme.load_theme("modern")
    for key in ("title", "metadata", "paragraph_number", "portion_marking", "summary",
                "signature", "classification"):
        style = docx_style(data, modern.style(key))
        fonts = style.find(f"{W}rPr/{W}rFonts")
        assert fonts is not None
        assert fonts.get(f"{W}ascii") in {modern.font(k) for k in ("body", "heading", "meta",
                                                                     "mono")}
    number = docx_style(data, "Paragraph Number")
    assert number.get(f"{W}type") == "character"
    size = docx_style(data, "Cable Paragraph").find(f"{W}rPr/{W}sz")
    assert size is not None and size.get(f"{W}val") == str(round(modern.size("body") * 2))


def test_reference_docx_is_deterministic_and_paper_sized() -> None:
    a4 = reference.reference_docx("modern", "a4")
    reference.reference_docx.cache_clear()
    assert reference.reference_docx("modern", "a4") == a4
    letter = reference.reference_docx("modern", "letter")
    with zipfile.ZipFile(io.BytesIO(letter)) as archive:
        document = etree.fromstring(archive.read("word/document.xml"))
    size = document.find(f".//{W}pgSz")
    assert size is not None and size.get(f"{W}w") == "12240"


def test_one_token_change_reaches_pdf_epub_and_docx() -> None:
    from convert.writers import docx, epub, pdf

    cable = hand_tei()
    options = WriteOptions(theme="modern", pdf_variant="none")
    before_pdf = pdf.write(cable, options)
    assert "DejaVu-Sans-Bold-Semi-Condensed" not in pdf_fonts(before_pdf)
    new = ["DejaVu Sans Condensed", "sans-serif"]
    with tokens_changed("modern", {"fonts": {"heading": new},
                                   "colours": {"accent": "#123456"}}):
        after_pdf = pdf.write(cable, options)
        after_epub = epub.write(cable, options)
        after_docx = docx.write(cable, options)
    assert "DejaVu-Sans-Bold-Semi-Condensed" in pdf_fonts(after_pdf)
    css = epub.stylesheet_of(after_epub)
    assert '"DejaVu Sans Condensed"' in css and "#123456" in css
    title = docx_style(after_docx, "Title")
    assert title.find(f"{W}rPr/{W}rFonts").get(f"{W}ascii") == "DejaVu Sans Condensed"
    assert docx_style(after_docx, "Paragraph Number").find(f"{W}rPr/{W}color").get(
        f"{W}val") == "123456"
    # and everything is back to normal afterwards
    assert "#123456" not in epub.stylesheet_of(epub.write(cable, options))
