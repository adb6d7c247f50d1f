"""The read side (convert.view): one typed view of the TEI per cable, read once, that every
writer uses; the registries that drive the command line and the volume; the theme's tokens
and CSS apart from the DOCX reference document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree
from writers_fixtures import REPO, hand_tei, seed_cable

from convert import textview, theme, view
from convert.model import TEI_NS, Cable
from convert.options import ConvertOptions, WriteOptions
from convert.pipeline import render
from convert.vocab import slug
from convert.writers import FORMATS, get_paged_volume_writer, get_volume_writer, get_writer, volume_formats
from convert.writers import json as json_writer

T = f"{{{TEI_NS}}}"


@pytest.fixture(scope="module")
def seed() -> Cable:
    return seed_cable()


def fresh(cable: Cable) -> Cable:
    """The same TEI in a new Cable (nothing read yet)."""
    return Cable(cable.tei, cable.source, list(cable.warnings))


def test_all_formats_walk_the_body_once_per_theme_and_read_the_header_once(
        seed: Cable, monkeypatch: pytest.MonkeyPatch) -> None:
    reads = {"header": 0, "body": 0}
    for part in reads:
        original = getattr(view, f"read_{part}")

        def counted(tei, original=original, part=part):  # type: ignore[no-untyped-def]
            reads[part] += 1
            return original(tei)

        monkeypatch.setattr(view, f"read_{part}", counted)
    cable = fresh(seed)
    outputs = render(cable, ConvertOptions(formats=tuple(FORMATS)))
    assert sorted(outputs) == sorted(FORMATS) and all(outputs.values())
    assert dict(cable.view.walks) == {"modern": 1}  # html, md, pdf, epub and docx share one walk
    assert reads == {"header": 1, "body": 1}
    # another theme: one more walk, for that theme only; the header is not read again
    render(cable, ConvertOptions(formats=("html", "md", "docx"), write=WriteOptions(theme="teletype")))
    assert dict(cable.view.walks) == {"modern": 1, "teletype": 1}
    assert reads == {"header": 1, "body": 1}


def test_articles_from_the_one_walk_are_independent_copies(seed: Cable) -> None:
    from convert.writers import html

    cable = fresh(seed)
    first = html.article(cable, WriteOptions())
    first.find(".//section").clear()  # a caller may change its copy (the Markdown volume does)
    again = html.article(cable, WriteOptions())
    assert len(first.find(".//section")) == 0 and len(again.find(".//section").xpath(".//p")) > 10
    docx = html.article(cable, WriteOptions(), flavour="docx")
    assert docx.xpath(".//section//@data-custom-style") and not again.xpath(".//@data-custom-style")
    assert cable.view.walks["modern"] == 1


def test_the_view_reads_only_the_tei(seed: Cable) -> None:
    """A TEI given as input (--from tei) gives the same record and renditions."""
    from convert.readers import tei as tei_reader

    data = get_writer("tei")(seed, WriteOptions())
    again = tei_reader.read(data, seed.source)
    options = WriteOptions(source_date_epoch=0)
    for fmt in ("json", "html", "md"):
        assert get_writer(fmt)(again, options) == get_writer(fmt)(fresh(seed), options), fmt


def test_json_record_serialises_the_view(seed: Cable) -> None:
    record = json_writer.record(seed)
    header, body = seed.view.header, seed.view.body
    assert record["id"] == header.cable_id == "09BEIJING1463"
    assert record["from"] == header.sender == "AMEMBASSY BEIJING"
    assert record["origin"] == header.origin == "Embassy Beijing"
    assert record["classification"] == header.marking == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert [o["name"] for o in record["info"]] == [o.name for o in header.info]
    assert record["to"][0] == {"name": "SECSTATE WASHDC", "routing": "RUEHC", "precedence": "PRIORITY",
                               "sequence": "4248"}
    assert [p["n"] for p in record["paragraphs"]] == [int(p.n or "") for p in body.paragraphs] == list(range(1, 7))
    assert body.paragraphs[0].marking == "(SBU)"
    assert body.paragraphs[0].first_words(3) == "Summary: China objects"


def test_json_text_is_the_standard_encoders() -> None:
    record = json_writer.record(hand_tei(subject='Quotes " and \\ and \u2028 and é'))
    assert json_writer.dumps(record) == json.dumps(record, ensure_ascii=False, indent=2).encode()
    odd = {"a": [], "b": {}, "c": [1, True, False, None, 1.5, "x"], "d": [{"e": [[], {}]}], "f": (1,)}
    assert json_writer.dumps(odd) == json.dumps(odd, ensure_ascii=False, indent=2).encode()
    assert json_writer.dumps(odd, indent=None) == json.dumps(odd, ensure_ascii=False).encode()


# every white-space character Python knows, quotes, backslashes, controls and ordinary letters
_AWKWARD = st.text(alphabet=st.sampled_from(
    [chr(c) for c in range(0x3100) if chr(c).isspace() or not chr(c).isprintable()][:400]
    + list('ab."\\ %\u2028\u3000\ud800\U0001f600')) | st.characters())


@settings(max_examples=3000, deadline=None)
@given(_AWKWARD)
def test_the_fast_paths_give_the_standard_text(text: str) -> None:
    """collapse() is " ".join(text.split()); the JSON string is encode_basestring's."""
    from json.encoder import encode_basestring

    assert textview.collapse(text) == " ".join(text.split())
    assert json_writer._string(text) == encode_basestring(text)


def _classified(level: str, with_banner: bool) -> Cable:
    """The hand-built cable at ``level``: stated by the banner note, or (no banner) only by
    the classification taxonomy, as for a cable whose level came from its metadata."""
    cable = hand_tei(cable_id=f"09TEST{len(level)}")
    bibl = cable.tei.find(f".//{T}bibl[@type='telegram']")
    note = bibl.find(f"{T}note[@type='classification']")
    if with_banner:
        note.set("subtype", slug(level))
        note.text = f"{level} BEIJING 001463"
        return cable
    bibl.remove(note)
    seg = cable.tei.find(f".//{T}opener/{T}seg[@type='classification']")
    seg.getparent().remove(seg)
    text_class = cable.tei.find(f".//{T}textClass")
    etree.SubElement(text_class, f"{T}catRef", scheme="ctax:classification", target="ctax:level-" + slug(level))
    return cable


def test_levels_come_from_the_tei_not_from_the_banner() -> None:
    from convert.volume import highest_classification

    secret = _classified("SECRET", with_banner=False)
    assert secret.view.banner is None
    assert secret.view.level == "SECRET" and secret.view.classification == "SECRET"
    confidential = _classified("CONFIDENTIAL", with_banner=True)
    # the volume's header shows the most restrictive level (a banner-less SECRET cable was
    # ranked as UNCLASSIFIED when the level was read from the banner)
    assert highest_classification([confidential.view, secret.view]) == "SECRET"
    assert view.banner_level("C O N F I D E N T I A L VATICAN 001261") == "CONFIDENTIAL"
    assert view.banner_level("UNCLAS SECTION 01 OF 02") == "UNCLASSIFIED"
    assert view.banner_level(None) == "CLASSIFICATION NOT STATED"  # never UNCLASSIFIED when not found
    assert view.banner_level("") == "CLASSIFICATION NOT STATED"


def test_one_text_walker_under_three_readings() -> None:
    xml = (f'<p xmlns="{TEI_NS}">A<choice><orig>11.</orig><reg>1.</reg></choice> B'
           '<fw type="header">PAGE 2</fw>C<!-- a comment --><lb/>D</p>')
    p = etree.fromstring(xml)
    assert textview.reading_text(p) == "A1. BC D"
    assert textview.source_text(p) == "A11. B PAGE 2 C D"  # a comment is no text of the cable
    assert textview.rendered_text(p) == "A1. B C D"  # fw is a block: it separates its neighbours
    assert textview.rendered_text(p, include_artifacts=True) == "A1. B PAGE 2 C D"


def test_registries_drive_the_command_line_and_the_volume() -> None:
    from convert.cli import parser
    from convert.readers import FORMS
    from convert.volume import VOLUME_FORMATS
    from convert.writers import PDF_VARIANTS
    from convert.writers.pdf import VARIANTS

    actions = {a.dest: a for a in parser()._actions}
    assert tuple(actions["form"].choices) == FORMS
    assert tuple(actions["paper"].choices) == theme.PAPERS
    assert tuple(actions["pdf_variant"].choices) == tuple(PDF_VARIANTS) == tuple(VARIANTS)
    assert all(f"{name} (" in actions["to"].help for name in FORMATS)
    assert all(name in actions["theme"].help for name in theme.THEMES)
    assert VOLUME_FORMATS == volume_formats() == ("tei", "html", "md", "pdf", "epub", "docx", "cmif")
    for name in FORMATS:
        assert callable(get_writer(name))
    for name in VOLUME_FORMATS:
        assert callable(get_volume_writer(name))
    from convert.errors import UsageError
    from convert.volume import write_volume

    for name in set(FORMATS) - set(VOLUME_FORMATS):  # json: no volume
        with pytest.raises(UsageError, match="a volume can be tei, html, md, pdf, epub, docx, cmif"):
            write_volume([hand_tei()], name, WriteOptions())
        with pytest.raises(UsageError):
            get_volume_writer(name)
    # the formats that share the PDF edition's pages are named in the registry, not by the volume
    assert [name for name, spec in FORMATS.items() if spec.paged] == ["pdf", "epub"]
    for name in ("pdf", "epub"):
        assert get_paged_volume_writer(name) is get_volume_writer(name)
    for name in ("tei", "html", "md", "docx", "cmif"):
        with pytest.raises(UsageError, match="no pages to share"):
            get_paged_volume_writer(name)


def test_theme_tokens_and_css_do_not_import_the_writers() -> None:
    code = ("import sys, convert.theme; convert.theme.stylesheet('modern', 'print', 'a4'); "
            "print(sorted(m for m in sys.modules if m.startswith('convert.writers')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_one_dress_table_dresses_css_and_docx(monkeypatch: pytest.MonkeyPatch) -> None:
    """Which token a style takes is written once: changing it reaches the CSS and the DOCX."""
    import io
    import zipfile

    from convert.writers import reference

    assert set(theme.DRESS) == set(theme.load_theme("modern").tokens["styles"])

    def metadata_font(css: str, docx: bytes) -> tuple[str, str]:
        rule = css.split(".cable-metadata {", 1)[1].split("}", 1)[0]
        with zipfile.ZipFile(io.BytesIO(docx)) as archive:
            styles = etree.fromstring(archive.read("word/styles.xml"))
        w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
        style = styles.find(f"{w}style[@{w}styleId='CableMetadata']")
        return rule.split("font-family:", 1)[1].split(";", 1)[0].strip(), style.find(
            f"{w}rPr/{w}rFonts").get(f"{w}ascii")

    before = metadata_font(theme.stylesheet("modern"), reference.reference_docx("modern"))
    assert before == ('"DejaVu Sans", sans-serif', "DejaVu Sans")
    monkeypatch.setitem(theme.DRESS, "metadata", theme.Dress("mono", "meta", "muted", tight=True))
    theme.clear_caches()
    try:
        after = metadata_font(theme.stylesheet("modern"), reference.reference_docx("modern"))
    finally:
        monkeypatch.undo()
        theme.clear_caches()
    assert after == ('"DejaVu Sans Mono", monospace', "DejaVu Sans Mono")


def test_no_writer_reads_facts_back_through_the_json_record() -> None:
    """The writers' modules take facts from the view: none of them calls the JSON record."""
    writers = Path(REPO, "convert", "writers")
    for module in writers.glob("*.py"):
        if module.name != "json.py":
            assert "record(" not in module.read_text(encoding="utf-8"), module.name


@pytest.mark.parametrize(
    ("name", "shown"),
    [("05BRASILIA2675.txt", "05BRASILIA2675"), ("in/cable.HTML", "cable"), ("notes.v2", "notes.v2"), (".txt", "txt")],
)
def test_an_id_from_the_file_name_drops_a_cable_files_suffix(name: str, shown: str) -> None:
    from convert.model import RawCable
    from convert.normalize import normalize

    text = "C O N F I D E N T I A L SECTION 01 OF 04 BRASILIA 002675\n\nSUBJECT: NO DATE-TIME GROUP\n\n1. (C) Text.\n"
    cable = normalize(RawCable(source=name, form="text", body=text))
    assert cable.view.header.cable_id is None
    assert cable.view.id == shown
