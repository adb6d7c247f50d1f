"""Accessibility of the EPUB, HTML and DOCX outputs (issue 13), checked without a browser: the
EPUB's accessibility metadata says what the book has, the structure a screen reader walks
(language, landmarks, headings), the theme's colours against WCAG's contrast minimum, and
the DOCX rules of scripts/a11y_docx.py. Ace and axe-core run in the slow tests
(test_accessibility_tools.py)."""

from __future__ import annotations

import io
import itertools
import re
import sys
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html
from writers_fixtures import hand_tei, seed_cable

from convert.model import Cable
from convert.options import WriteOptions
from convert.theme import DRESS, clear_caches, load_theme, stylesheet
from convert.volume import write_volume
from convert.writers import docx, epub, epub_a11y, html

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from a11y_docx import W, check_docx

OPTIONS = WriteOptions()
OPF = {"opf": "http://www.idpf.org/2007/opf", "dc": "http://purl.org/dc/elements/1.1/"}
X = "{http://www.w3.org/1999/xhtml}"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture(scope="module")
def seed() -> Cable:
    return seed_cable()


@pytest.fixture(scope="module")
def cables() -> list[Cable]:
    return [hand_tei(cable_id="09BEIJING1463", when="2009-06-02T09:22:00Z"),
            hand_tei(subject="SPECIAL 301 INSTRUCTIONS", cable_id="09STATE41880",
                     when="2009-04-30T12:00:00Z")]


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def _a11y(opf: etree._Element) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for meta in opf.iterfind(".//opf:meta[@property]", OPF):
        prop = meta.get("property") or ""
        if prop.startswith(("schema:", "dcterms:conformsTo", "a11y:")):
            found.setdefault(prop, []).append(meta.text or "")
    return found


# -- EPUB ---------------------------------------------------------------------------------


def test_epub_metadata_tells_what_the_book_has(seed: Cable) -> None:
    metadata = _a11y(etree.fromstring(_parts(epub.write(seed, OPTIONS))["EPUB/content.opf"]))
    # no image: no alternativeText (pandoc claimed it); no page list: no printPageNumbers
    assert metadata["schema:accessibilityFeature"] == ["readingOrder", "structuralNavigation",
                                                       "tableOfContents"]
    assert metadata["schema:accessMode"] == ["textual"]
    assert metadata["schema:accessModeSufficient"] == ["textual"]
    assert metadata["schema:accessibilityHazard"] == ["none"]
    assert "no images, sound or motion" in metadata["schema:accessibilitySummary"][0]
    assert metadata["dcterms:conformsTo"] == ["EPUB Accessibility 1.1 - WCAG 2.2 Level AA"]
    assert metadata["a11y:certifiedBy"][0].startswith("cable-convert")


@pytest.mark.parametrize("kind", ["cable", "volume"])
def test_epub_documents_have_language_headings_in_order_and_landmarks(
        seed: Cable, cables: list[Cable], kind: str) -> None:
    data = epub.write(seed, OPTIONS) if kind == "cable" else write_volume(cables, "epub", OPTIONS)
    parts = _parts(data)
    documents = {name: etree.fromstring(body) for name, body in parts.items()
                 if name.endswith(".xhtml")}
    assert len(documents) >= 2
    for name, root in documents.items():
        assert root.get("lang") == root.get(XML_LANG) == "en", name
        levels = [int(e.tag[-1]) for e in root.iter() if isinstance(e.tag, str)
                  and re.fullmatch(rf"{re.escape(X)}h[1-6]", e.tag)]
        assert all(b <= a + 1 for a, b in zip([0, *levels], levels, strict=False)), (name, levels)
    nav = documents["EPUB/nav.xhtml"]
    landmarks = {a.get(EPUB_TYPE): a.get("href") for n in nav.iter(f"{X}nav")
                 if n.get(EPUB_TYPE) == "landmarks" for a in n.iter(f"{X}a")}
    first = "cable-09BEIJING1463" if kind == "cable" else "cable-09STATE41880"  # by date
    assert (landmarks["bodymatter"] or "").endswith(f"#{first}-title")
    # the contents are a landmark only where the navigation document is in the reading order
    assert ("toc" in landmarks) == (kind == "volume")
    assert epub_a11y.problems({n: r for n, r in documents.items()}, nav, "en") == []


_NAV = etree.fromstring(
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" lang="en" '
    'xml:lang="en"><body><nav epub:type="toc" id="toc"><ol><li><a href="text/ch001.xhtml#one">One</a>'
    '</li></ol></nav><nav epub:type="landmarks"><ol><li><a epub:type="bodymatter" '
    'href="text/ch001.xhtml">Start</a></li></ol></nav></body></html>')


def _book(body: str, lang: str | None = "en") -> dict[str, etree._Element]:
    attrs = f' lang="{lang}" xml:lang="{lang}"' if lang else ""
    return {"EPUB/text/ch001.xhtml": etree.fromstring(
        f'<html xmlns="http://www.w3.org/1999/xhtml"{attrs}><body>{body}</body></html>'),
            "EPUB/nav.xhtml": _NAV}
_OPF_TEXT = ('<package xmlns="http://www.idpf.org/2007/opf"><metadata xmlns:dc="http://purl.org/dc/'
             'elements/1.1/"><dc:language>en</dc:language><meta property="schema:accessibilityFeature">'
             'alternativeText</meta></metadata></package>')


@pytest.mark.parametrize(("body", "lang", "problem"), [
    ('<h1 id="one">A</h1><h3>B</h3>', "en", "h3 after h1 skips a level"),
    ('<h2 id="one">A</h2>', "en", "h2 after h- skips a level"),
    ('<h1 id="one">A</h1>', None, "lang None and xml:lang None"),
    ('<h1 id="one">A</h1><img src="a.png"/>', "en", "1 image(s) without a text alternative"),
    # the transcript's paragraph entries once linked into the heading's chapter, not theirs
    ('<h1 id="two">A</h1>', "en", "link to 'text/ch001.xhtml#one', which the book does not have"),
])
def test_epub_claim_is_withheld_when_a_check_fails(body: str, lang: str | None, problem: str) -> None:
    documents = _book(body, lang)
    assert any(problem in found for found in epub_a11y.problems(documents, _NAV, "en"))
    opf = etree.fromstring(_OPF_TEXT)
    epub_a11y.finish(opf, documents, _NAV)
    metadata = _a11y(opf)
    assert "dcterms:conformsTo" not in metadata and "a11y:certifiedBy" not in metadata
    assert "alternativeText" not in metadata["schema:accessibilityFeature"]


def test_epub_images_with_alt_are_declared() -> None:
    opf = etree.fromstring(_OPF_TEXT)
    epub_a11y.finish(opf, _book('<h1 id="one">A</h1><img src="a.png" alt="A map"/>'), _NAV)
    metadata = _a11y(opf)
    assert metadata["schema:accessMode"] == ["textual", "visual"]
    assert "alternativeText" in metadata["schema:accessibilityFeature"]
    assert metadata["dcterms:conformsTo"] == [epub_a11y.CONFORMS_TO]
    assert "no images" not in metadata["schema:accessibilitySummary"][0]


# -- HTML ---------------------------------------------------------------------------------


def test_html_language_landmarks_and_heading_order(seed: Cable) -> None:
    page = lxml_html.fromstring(html.write(seed, OPTIONS))
    assert page.get("lang") == "en"
    assert len(page.findall(".//main")) == 1
    article = page.find(".//main/article")
    assert article is not None and article.get("lang") == "en"
    assert article.find("header") is not None and article.find("footer") is not None
    levels = [int(e.tag[1]) for e in page.iter() if isinstance(e.tag, str) and re.fullmatch("h[1-6]", e.tag)]
    assert levels[0] == 1 and all(b <= a + 1 for a, b in itertools.pairwise(levels))


def test_volume_landmarks_have_names_of_their_own(cables: list[Cable]) -> None:
    """axe's landmark-unique: a volume repeats each cable's source note and Transmission
    appendix; each is named after its cable."""
    page = lxml_html.fromstring(write_volume(cables, "html", OPTIONS))
    names = [e.get("aria-label") for e in page.iter("aside", "section") if e.get("aria-label")]
    assert len(names) == 4 and len(set(names)) == 4
    assert "Source note to 09STATE41880" in names and "Transmission of 09BEIJING1463" in names


@pytest.mark.parametrize(("medium", "underlined"), [("screen", True), ("epub", True), ("print", False)])
def test_links_are_told_from_text_by_more_than_colour(medium: str, underlined: bool) -> None:
    """axe's link-in-text-block (WCAG 1.4.1): on a screen and an e-reader links are underlined;
    contents and index entries are 24 px targets (WCAG 2.5.8). Print keeps its plain links."""
    css = stylesheet("modern", medium)
    assert ("a { text-decoration: underline" in css) == underlined
    assert ("min-height: 24px" in css) == underlined


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio (1.4.3) of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # just under 4.5


@pytest.mark.parametrize("theme_name", ["modern", "teletype"])
def test_theme_text_colours_reach_4_5_to_1(theme_name: str) -> None:
    """Every colour a style gives text (the classification red, the muted grey, the accent of
    links and paragraph numbers) on white and on the summary's background, from the tokens."""
    theme = load_theme(theme_name)
    text_colours = {dress.colour for dress in DRESS.values()} | {"accent"}
    backgrounds = {"#ffffff", theme.colour("summary_background")}
    ratios = {(key, background): contrast(theme.colour(key), background)
              for key in text_colours for background in backgrounds}
    low = {pair: round(ratio, 2) for pair, ratio in ratios.items() if ratio < 4.5}
    assert not low, f"colours under WCAG's 4.5:1: {low}"
    if theme_name == "modern":  # the figures docs/accessibility.md quotes
        assert round(ratios[("classification", "#ffffff")], 2) == 9.28
        assert round(ratios[("muted", theme.colour("summary_background"))], 2) == 6.0


def test_a_theme_that_breaks_contrast_fails(tmp_path: Path) -> None:
    light = tmp_path / "light.toml"
    light.write_text('inherit = "modern"\n[colours]\nmuted = "#9a9a9a"\n', encoding="utf-8")
    try:
        theme = load_theme(str(light))
        assert contrast(theme.colour("muted"), "#ffffff") < 4.5
    finally:
        clear_caches()


# -- DOCX ---------------------------------------------------------------------------------


def test_docx_rules_pass_on_a_cable_and_a_volume(seed: Cable, cables: list[Cable], tmp_path: Path) -> None:
    for name, data in (("cable", docx.write(seed, OPTIONS)),
                       ("volume", write_volume(cables, "docx", OPTIONS))):
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        assert check_docx(path) == [], name


def test_docx_hyperlinks_are_underlined(cables: list[Cable]) -> None:
    """A volume's contents are links: pandoc's Hyperlink style is a colour alone (4F81BD)."""
    styles = etree.fromstring(_parts(write_volume(cables, "docx", OPTIONS))["word/styles.xml"])
    style = styles.find(f"{W}style[@{W}styleId='Hyperlink']")
    assert style is not None
    assert style.find(f"{W}rPr/{W}u").get(f"{W}val") == "single"
    assert style.find(f"{W}rPr/{W}color").get(f"{W}val") == load_theme("modern").colour("accent")[1:].upper()


def _broken(data: bytes) -> bytes:
    """The DOCX without title and language, its Heading 1 a plain paragraph, a Heading 3
    after the Heading 2, and a run told from its paragraph by colour alone."""
    parts = _parts(data)
    parts["docProps/core.xml"] = re.sub(rb"<dc:(title|language)>[^<]*</dc:\1>", b"", parts["docProps/core.xml"])
    parts["word/styles.xml"] = re.sub(rb'<w:lang [^>]*/>', b"", parts["word/styles.xml"])
    document = parts["word/document.xml"]
    document = re.sub(rb'<w:pStyle w:val="Heading1" ?/>', b'<w:pStyle w:val="Dateline"/>', document, count=1)
    document = re.sub(rb'<w:pStyle w:val="Heading2" ?/>', b'<w:pStyle w:val="Heading3"/>', document, count=1)
    document = document.replace(b"<w:r><w:t", b'<w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t', 1)
    parts["word/document.xml"] = document
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, body in parts.items():
            archive.writestr(name, body)
    return out.getvalue()


def test_docx_rules_find_what_is_missing(seed: Cable, tmp_path: Path) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(_broken(docx.write(seed, OPTIONS)))
    rules = sorted({finding.rule for finding in check_docx(path)})
    assert rules == ["docx-colour-only", "docx-headings", "docx-lang-core", "docx-lang-default", "docx-title"]
