"""Adversarial inputs through the whole pipeline (issue #5; docs/threat-model.md rows 5, 9,
10, 11): metacharacters in every field of a raw cable and of a cablegate page's table, TEI
with a DOCTYPE, external entities or an entity bomb, scripts in a cablegate page, malformed
and hostile bytes, cable ids and CSV refids that are paths, and outputs that are symbolic
links to files outside ``-o``.

Every CLI run here is a guarded subprocess (``guard_support.guarded_cli``): a network
operation in any of its Python processes is recorded and refused, and a TCP listener on
127.0.0.1 counts connections from any process at all (pandoc, C libraries), so "nothing
was fetched" is checked, not assumed.
"""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import time
import zipfile
from pathlib import Path
from typing import Any

import hardening_support as hs
import pytest
from guard_support import Guarded, guarded_cli, incomplete_files, listener, report_of, snapshot
from lxml import etree
from lxml import html as lxml_html
from test_writers_exports import docx_text, html_text, pdf_text

from convert.errors import (
    BinaryInputError,
    EmptyInputError,
    EncodingError,
    InvalidTEIError,
    OutputError,
    UnsafeInputError,
)
from convert.model import Cable
from convert.readers import cablegate
from convert.readers import tei as tei_reader

# ------------------------------------------------------------------ metacharacters
#: what each markup language would read as markup (HTML/XML, Markdown/GFM, LaTeX/pandoc
#: math, template engines), each followed by a word so that a swallowed one is noticed
META = [
    "<script>alert(1)</script>",
    "&amp; &entity; &#60;b&#62;",
    "]]> <![CDATA[x]]>",
    "<img src={url}/img.png>",
    "*_[]()#|` ~~del~~",
    "\\input{/etc/passwd} \\include{x}",
    "$x$ $$y$$",
    "{{var}} {% tag %}",
    "<a href=\"javascript:alert(2)\">click</a>",
    "![pic]({url}/md.png) [link]({url}/md)",
    "<!-- hidden --> %comment",
]


def fill(meta: str, url: str) -> str:
    return meta.replace("{url}", url)


def payload(url: str) -> str:
    return " ".join(fill(m, url) for m in META)


def hostile_text_cable(url: str) -> str:
    """A raw text cable (routing header, preamble, body, signature) with the metacharacters in
    every field the normalizer reads: FM/TO/INFO, TAGS, SUBJECT, REF, paragraphs. The
    signature holds only a name (the normalizer takes nothing else as one), so the last
    paragraph before it carries the payload."""
    p = payload(url)
    return "\n".join([
        "VZCZCXRO8128",
        "PP RUEHCN",
        "DE RUEHBJ #1463/01 1530922",
        "ZNR UUUUU ZZH",
        "P 020922Z JUN 09",
        f"FM AMEMBASSY BEIJING {META[0]} {META[1]}",
        f"TO RUEHC/SECSTATE WASHDC {fill(META[3], url)} {META[5]} PRIORITY 4248",
        f"INFO RUEHOO/CHINA POSTS COLLECTIVE {META[6]} {META[7]} {META[2]}",
        "",
        "UNCLAS BEIJING 001463",
        "",
        "SIPDIS",
        "",
        "E.O. 12958: N/A",
        f"TAGS: ETRD {META[0]} {META[4]} {META[5]}",
        f"SUBJECT: {p}",
        "",
        f"REF: A. STATE 41880 {p}",
        "",
        f"1. (SBU) Summary: {p} End summary.",
        "",
        f"2. (SBU) {p}",
        "",
        f"# heading? > quote - item 1) {p}",
        "",
        "PICCUTA",
        "",
    ])


def hostile_page(url: str) -> str:
    """A cablegate page whose metadata table holds metacharacters (escaped, as the site
    escapes cell text, and raw), with a script outside the ``<pre>`` blocks and one inside."""
    esc = payload(url).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    nl = "&#x000A;"
    pre = (f"UNCLAS SECTION 01 OF 01 TEST 000001 {nl}{nl}SIPDIS{nl}{nl}E.O. 12958: N/A{nl}"
           f"TAGS: <a href='/tag/PREL_0.html'>PREL</a> {nl}SUBJECT: PAGE {payload(url)}{nl}{nl}"
           f"<a id='par1' href='#par1'>¶</a>1. (U) Inside the pre: "
           f"<script>alert('INSIDE-PRE')</script> and {payload(url)}{nl}{nl}CLINTON")
    return f"""<!DOCTYPE html>
<html><head><meta charset='utf-8'><title>09TEST1</title>
<script>document.title = 'OUTSIDE-PRE-SCRIPT'</script></head>
<body onload="alert('OUTSIDE-ONLOAD')">
<table class='cable'>
<tr><th>Reference ID</th><th>Created</th><th>Released</th><th>Classification</th><th>Origin</th></tr>
<tr>
<td><a href='/cable/2009/06/09TEST1.html'>09TEST1 {esc}</a></td>
<td><a href='/date/2009-06_0.html'>2009-06-02 09:22 {esc}</a></td>
<td><a href='/reldate/2011-03-21_0.html'>2011-03-21 14:02</a></td>
<td><a href='/classification/1_0.html'>UNCLASSIFIED {esc}</a></td>
<td><a href='/origin/40_0.html'>Embassy Test {esc} <script>alert('CELL-SCRIPT')</script></a></td>
</tr>
</table>
<script>alert('OUTSIDE-BODY-SCRIPT')</script>
<code><pre>{pre}</pre></code>
</body></html>
"""


def squash(text: str) -> str:
    return " ".join(text.split())


def nospace(text: str) -> str:
    return "".join(text.split())


def field_values(cable: Cable) -> dict[str, list[str]]:
    """What the normalizer made of each field (the writers print exactly these strings)."""
    facts = cable.view
    return {
        "subject": [facts.subject],
        "from": list(facts.sender),
        "to": list(facts.to),
        "info": list(facts.info),
        "tags": list(facts.tags),
        "references": [r.text for r in facts.references],
    }


def read_cable(path: Path) -> Cable:
    return tei_reader.read(path.read_bytes(), str(path))


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One guarded CLI run, every format, over the hostile text cable and the hostile page
    (two cables: the batch's worker processes render them)."""
    work = tmp_path_factory.mktemp("hostile")
    inputs = work / "in"
    inputs.mkdir()
    with listener() as seen:
        (inputs / "hostile.txt").write_text(hostile_text_cable(seen.url), encoding="utf-8")
        (inputs / "hostile-page.html").write_text(hostile_page(seen.url), encoding="utf-8")
        out = work / "out"
        run = guarded_cli([str(inputs), "-o", str(out), "--to", "all", "-j", "2", "-q"], work)
        time.sleep(0.3)  # a connection in flight still reaches the listener
    return {"run": run, "out": out, "url": seen.url, "connections": list(seen.connections)}


def outputs(out: Path, stem: str) -> dict[str, Path]:
    ext = {"tei": "tei.xml", "json": "json", "html": "html", "md": "md", "pdf": "pdf",
           "epub": "epub", "docx": "docx"}
    return {fmt: out / f"{stem}.{e}" for fmt, e in ext.items()}


def stems(out: Path) -> dict[str, str]:
    """input name -> file stem, from the report."""
    data = report_of(out)
    return {Path(c["source"]).name: Path(c["outputs"]["tei"]).name[: -len(".tei.xml")]
            for c in data["cables"]}


def test_the_hostile_run_converted_both_and_fetched_nothing(hostile_run: dict[str, Any]) -> None:
    run: Guarded = hostile_run["run"]
    assert run.code == 0, run.stderr
    assert run.network == [], run.network
    assert hostile_run["connections"] == [], "something connected to the listener"
    assert len(run.guarded_pids()) >= 2, "the worker processes ran guarded too"
    assert incomplete_files(hostile_run["out"]) == []


def test_the_payload_reached_every_field(hostile_run: dict[str, Any]) -> None:
    """The test means something only if the metacharacters are in the fields (not dropped by
    the normalizer): check each field of the text cable carries them."""
    out = hostile_run["out"]
    cable = read_cable(outputs(out, stems(out)["hostile.txt"])["tei"])
    values = field_values(cable)
    assert "<script>alert(1)</script>" in values["subject"][0]
    assert any("<script>" in v for v in values["from"]), values["from"]
    assert any("<img src=" in v for v in values["to"]), values["to"]
    assert any("{{var}}" in v for v in values["info"]), values["info"]
    assert any("<SCRIPT>" in v.upper() for v in values["tags"]), values["tags"]
    assert any("\\input{/etc/passwd}" in v for v in values["references"]), values["references"]
    body = html_text(outputs(out, stems(out)["hostile.txt"])["html"].read_bytes())
    assert body.count("<script>alert(1)</script>") >= 4  # subject, REF, three paragraphs
    assert cable.view.signer == "PICCUTA"


def expected_strings(out: Path, name: str, url: str) -> list[str]:
    cable = read_cable(outputs(out, stems(out)[name])["tei"])
    found = [v for values in field_values(cable).values() for v in values if v]
    return found + [fill(m, url) for m in META]


def no_markup_html(data: bytes, what: str) -> None:
    """No element or attribute that runs code or fetches anything."""
    root = lxml_html.fromstring(data)
    bad = root.xpath("//*[local-name()='script' or local-name()='img' or local-name()='iframe'"
                     " or local-name()='object' or local-name()='embed' or local-name()='svg'"
                     " or local-name()='video' or local-name()='audio' or local-name()='source'"
                     " or local-name()='form' or local-name()='base' or local-name()='meta'"
                     " and @http-equiv]")
    assert not bad, f"{what}: markup from the cable: {[etree.tostring(b)[:80] for b in bad]}"
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on"), f"{what}: event handler {name}={value!r}"
            if name.lower() in {"href", "src", "action", "srcset", "data", "xlink:href"}:
                assert not re.match(r"\s*(javascript|data|https?|file|ftp):", value, re.I), (
                    f"{what}: {name}={value!r}")


@pytest.mark.parametrize("name", ["hostile.txt", "hostile-page.html"])
def test_metacharacters_in_every_field_are_literal_text(hostile_run: dict[str, Any],
                                                        name: str) -> None:
    """Every field's value (and every metacharacter string) is in every rendition as text;
    none of them became markup."""
    out, url = hostile_run["out"], hostile_run["url"]
    files = outputs(out, stems(out)[name])
    expected = expected_strings(out, name, url)

    # TEI: the text is text (no element came from the cable), the schema holds
    tei = etree.fromstring(files["tei"].read_bytes(), tei_reader.safe_parser())
    assert not tei.xpath("//*[local-name()='script' or local-name()='img' or local-name()='a']")
    tei_text = squash(" ".join(tei.itertext()))
    for piece in expected:
        assert squash(piece) in tei_text, ("tei", piece)

    # JSON: the same strings, as JSON strings
    record = json.loads(files["json"].read_bytes())
    assert squash(record["subject"]) == squash(field_values(read_cable(files["tei"]))["subject"][0])

    # HTML: parsed, no element from the cable; every string in the visible text
    data = files["html"].read_bytes()
    no_markup_html(data, "html")
    text = html_text(data)
    for piece in expected:
        assert squash(piece) in text, ("html", piece)

    # EPUB: every XHTML page the same; the package lists no remote resource
    with zipfile.ZipFile(io.BytesIO(files["epub"].read_bytes())) as archive:
        pages = [n for n in archive.namelist() if n.endswith(".xhtml")]
        assert pages
        epub_text = ""
        for page in pages:
            content = archive.read(page)
            no_markup_html(content, f"epub {page}")
            epub_text += " " + html_text(content)
        opf = etree.fromstring(archive.read("EPUB/content.opf"))
        for item in opf.iter("{http://www.idpf.org/2007/opf}item"):
            assert "remote-resources" not in (item.get("properties") or ""), item.attrib
            assert not re.match(r"[a-z]+:", item.get("href", "")), item.attrib
        assert not [n for n in archive.namelist() if n.startswith("EPUB/media/")]
    for piece in expected:
        assert squash(piece) in squash(epub_text), ("epub", piece)

    # DOCX: the text in document.xml; no external relationship, no media
    docx = files["docx"].read_bytes()
    text = squash(docx_text(docx))
    for piece in expected:
        assert squash(piece) in text, ("docx", piece)
    with zipfile.ZipFile(io.BytesIO(docx)) as archive:
        assert b"<script" not in archive.read("word/document.xml")
        for rels in (n for n in archive.namelist() if n.endswith(".rels")):
            assert b'TargetMode="External"' not in archive.read(rels), rels
        assert not [n for n in archive.namelist() if n.startswith("word/media/")]

    # PDF: every string in the extracted text (lines may break anywhere: no spaces compared);
    # no link to a URL, no script action
    pdf = files["pdf"].read_bytes()
    text = nospace(pdf_text(pdf))
    for piece in expected:
        assert nospace(piece) in text, ("pdf", piece)
    assert b"/JavaScript" not in pdf and b"/JS " not in pdf and b"/Launch" not in pdf
    assert not re.search(rb"/URI\s*\((?:https?|file|javascript):", pdf)

    # Markdown: read back by pandoc, the metacharacters are text (next test)
    front, _ = markdown_parts(files["md"].read_text(encoding="utf-8"))
    assert squash(json.loads(front["subject"])) == squash(record["subject"])


def markdown_parts(text: str) -> tuple[dict[str, str], str]:
    """(front matter key -> raw JSON value, body) of a Markdown output."""
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    front = {}
    for line in head.splitlines():
        key, _, value = line.partition(": ")
        front[key] = value
    return front, body


def pandoc_ast(markdown: str, reader: str) -> dict[str, Any]:
    from convert.writers.pandoc import pandoc_path

    done = subprocess.run([pandoc_path(), "--sandbox", "-f", reader, "-t", "json"],
                          input=markdown.encode("utf-8"), capture_output=True, check=True,
                          timeout=60)
    ast: dict[str, Any] = json.loads(done.stdout)
    return ast


#: pandoc AST nodes that would mean the Markdown held markup rather than text (the writer's
#: own structure is headings, paragraphs, bold paragraph numbers, emphasised artifacts and
#: "> " summaries; headings are counted against the HTML rendition's)
MARKUP_NODES = {"RawInline", "RawBlock", "Math", "Image", "Code", "CodeBlock", "Strikeout",
                "Note", "Table", "BulletList", "OrderedList", "HorizontalRule", "Cite",
                "DefinitionList", "Subscript", "Superscript", "Underline", "Div", "Span",
                "LineBlock", "Figure"}


def walk(node: Any, kinds: list[str], text: list[str]) -> None:
    if isinstance(node, dict) and "t" in node:
        kind = node["t"]
        kinds.append(kind)
        content = node.get("c")
        if kind == "Str":
            text.append(content)
        elif kind in {"Space", "SoftBreak", "LineBreak"}:
            text.append(" ")
        elif kind == "Link":
            target = content[2][0]
            assert target.startswith("#"), f"a link to {target!r}"
            walk(content[1], kinds, text)
        elif kind == "Quoted":
            mark = '"' if content[0]["t"] == "DoubleQuote" else "'"
            text.append(mark)
            walk(content[1], kinds, text)
            text.append(mark)
        elif kind == "Header":
            walk(content[2], kinds, text)
            text.append(" ")
        elif kind == "Para" or kind == "Plain":
            walk(content, kinds, text)
            text.append(" ")
        else:
            walk(content, kinds, text)
    elif isinstance(node, list):
        for item in node:
            walk(item, kinds, text)


@pytest.mark.parametrize("reader", ["markdown-smart", "gfm", "commonmark_x-smart"])
@pytest.mark.parametrize("name", ["hostile.txt", "hostile-page.html"])
def test_markdown_read_back_by_pandoc_is_literal_text(hostile_run: dict[str, Any], name: str,
                                                      reader: str) -> None:
    """Pandoc's own Markdown (raw HTML, raw TeX, $math$ on), GFM and CommonMark with every
    extension read the body back as plain text: no raw HTML/TeX, math, image, code,
    link out, list or table node, and every metacharacter string is in the text."""
    out, url = hostile_run["out"], hostile_run["url"]
    files = outputs(out, stems(out)[name])
    front, body = markdown_parts(files["md"].read_text(encoding="utf-8"))
    kinds: list[str] = []
    text: list[str] = []
    walk(pandoc_ast(body, reader)["blocks"], kinds, text)
    # the one footnote is the edition's source note (its text is walked like the rest)
    assert kinds.count("Note") == 1, reader
    assert not set(kinds) & (MARKUP_NODES - {"Note"}), sorted(set(kinds) & MARKUP_NODES)
    headings = lxml_html.fromstring(files["html"].read_bytes()).xpath("//h1 | //h2 | //h3")
    assert kinds.count("Header") == len(headings), "a line of the cable became a heading"
    plain = squash("".join(text))
    for meta in META:
        # a page's <pre> is not HTML-escaped: only its numeric references are decoded
        literal = fill(meta, url) if name.endswith(".txt") else cablegate.pre_text(fill(meta, url))
        assert squash(literal) in plain, (reader, meta)
    # the front matter is JSON strings (valid YAML): each value reads back as the field's text
    values = {key: json.loads(value) for key, value in front.items()}
    cable = read_cable(files["tei"])
    assert squash(values["subject"]) == squash(cable.view.subject)
    assert [squash(t) for t in values["tags"]] == [squash(t) for t in cable.view.tags]


# ------------------------------------------------------------------ scripts in a page
def test_a_pages_scripts_are_never_markup(hostile_run: dict[str, Any]) -> None:
    """A script inside the ``<pre>`` is cable text (shown, as text); scripts and handlers
    outside it are not the cable and appear nowhere; no HTML or EPUB output has a script."""
    out = hostile_run["out"]
    files = outputs(out, stems(out)["hostile-page.html"])
    html_data = files["html"].read_bytes()
    assert "<script>alert('INSIDE-PRE')</script>" in html_text(html_data)
    for name, path in files.items():
        data = path.read_bytes()
        if name in {"epub", "docx"}:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                data = b"".join(archive.read(n) for n in archive.namelist())
        for marker in (b"OUTSIDE-PRE-SCRIPT", b"OUTSIDE-ONLOAD", b"OUTSIDE-BODY-SCRIPT"):
            assert marker not in data, (name, marker)
    assert not lxml_html.fromstring(html_data).xpath("//script")


# ------------------------------------------------------------------ hostile TEI
def seed_tei() -> str:
    """TEI written by this tool for the seed cable (the reader's own input form)."""
    from convert.options import ConvertOptions
    from convert.pipeline import convert_source
    from convert.readers import Source

    (converted,) = convert_source(Source(str(hs.SEED), path=str(hs.SEED)),
                                  ConvertOptions(formats=("tei",)))
    return converted.outputs["tei"].decode("utf-8")


def with_prolog(tei: str, prolog: str, title: str | None = None) -> bytes:
    start = tei.index("<TEI")
    body = tei[start:]
    if title is not None:
        body = re.sub(r"(<title[^>]*>)", rf"\g<1>{title}", body, count=1)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + prolog + "\n" + body).encode("utf-8")


def bomb(levels: int = 10) -> str:
    lines = ['<!ENTITY lol0 "lol">']
    lines += [f'<!ENTITY lol{i} "{("&lol" + str(i - 1) + ";") * 10}">' for i in range(1, levels)]
    return "<!DOCTYPE TEI [\n" + "\n".join(lines) + "\n]>"


def hostile_teis(url: str) -> dict[str, bytes]:
    tei = seed_tei()
    return {
        "doctype": with_prolog(tei, "<!DOCTYPE TEI>"),
        "file-entity": with_prolog(tei, '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>',
                                   "&xxe;"),
        "http-entity": with_prolog(tei, f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{url}/x">]>', "&xxe;"),
        "parameter-entity": with_prolog(
            tei, f'<!DOCTYPE TEI [<!ENTITY % p SYSTEM "{url}/p.dtd"> %p;]>'),
        "external-dtd": with_prolog(tei, f'<!DOCTYPE TEI SYSTEM "{url}/tei.dtd">'),
        "billion-laughs": with_prolog(tei, bomb(), "&lol9;"),
        "utf16-file-entity": with_prolog(
            tei, '<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', "&xxe;"
        ).decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
        "utf16be-doctype": b"\xfe\xff" + with_prolog(tei, "<!DOCTYPE TEI>").decode("utf-8").replace(
            'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-be"),
    }


UNSAFE_NAMES = ["doctype", "file-entity", "http-entity", "parameter-entity", "external-dtd",
                "billion-laughs", "utf16-file-entity", "utf16be-doctype"]


@pytest.mark.parametrize("name", UNSAFE_NAMES)
def test_tei_with_a_dtd_is_refused_by_the_reader(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each is refused (typed) before it is parsed at all: nothing is resolved or expanded,
    so no entity bomb can cost time (the parser is replaced by one that fails the test)."""
    data = hostile_teis("http://127.0.0.1:9")[name]

    def no_parse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"{name} reached the XML parser")

    monkeypatch.setattr(tei_reader.etree, "fromstring", no_parse)
    with pytest.raises(UnsafeInputError):
        tei_reader.read(data, name)


def test_the_parsed_dtd_is_refused_even_if_the_byte_check_misses_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Second line of defence: with the byte check off, the parser (nothing loaded, nothing
    expanded) still shows the DTD, and it is refused."""
    monkeypatch.setattr(tei_reader, "declares_dtd", lambda data: False)
    for name in UNSAFE_NAMES:
        data = hostile_teis("http://127.0.0.1:9")[name]
        with hs.deadline(60, name):  # a hang guard only: nothing is expanded
            try:
                tei_reader.read(data, name)
            except (UnsafeInputError, InvalidTEIError):
                continue
        pytest.fail(f"{name} was accepted")


def test_hostile_tei_through_the_cli(tmp_path: Path) -> None:
    """The CLI on each hostile TEI, one batch: every one refused with exit code 10 and its own
    line, nothing written for any, no network operation, nothing connects to the listener,
    /etc/passwd's content nowhere, none retried; alone, the billion laughs exits 10 with one line."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    out = tmp_path / "out"
    with listener() as seen:
        for name, data in hostile_teis(seen.url).items():
            (inputs / f"{name}.xml").write_bytes(data)
        run = guarded_cli([str(inputs), "-o", str(out), "--to", "all", "--from", "tei", "-q"],
                          tmp_path)
        alone = guarded_cli([str(inputs / "billion-laughs.xml"), "-o", str(tmp_path / "out2"),
                             "-t", "tei,json,html", "-q"], tmp_path / "alone")
        time.sleep(0.3)
    assert run.code == 16, run.stderr
    cables = report_of(out)["cables"]
    assert len(cables) == len(UNSAFE_NAMES)
    for cable in cables:
        assert cable["status"] == "failed" and cable["error"]["exit_code"] == UnsafeInputError.exit_code
        assert cable["attempts"] == 1, cable  # refused from the input: never retried
    lines = [line for line in run.stderr.splitlines() if line.startswith("cable-convert: ")]
    for name in UNSAFE_NAMES:
        assert sum(f"/{name}.xml: unsafe input" in line for line in lines) == 1, (name, lines)
    assert alone.code == UnsafeInputError.exit_code, alone.stderr
    assert alone.stderr.strip().count("\n") == 0 and "billion-laughs.xml" in alone.stderr
    assert run.network == [] and alone.network == []
    assert seen.connections == []
    made = [p for p in out.rglob("*") if p.is_file() and ".cable-convert" not in p.parts]
    assert [p.name for p in made] == ["report.json"]
    passwd = Path("/etc/passwd").read_bytes().split(b"\n")[0]
    for path in [*out.rglob("*"), *(tmp_path / "out2").rglob("*")]:
        if path.is_file():
            assert passwd not in path.read_bytes(), path
    for event in run.of("open"):
        assert event["path"] != "/etc/passwd", "the reader opened /etc/passwd"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_tei_in_utf16_is_read_as_tei(codec: str) -> None:
    """Regression: TEI in UTF-16 (with its byte order mark) was not recognised as TEI (the
    sniffing read it as UTF-8) and went to the text reader; with ``--from tei`` its DOCTYPE
    escaped the byte check. Now it is read as TEI, and refused when it declares a DTD."""
    from convert.options import ReadOptions
    from convert.readers import Source, load_source

    tei = re.sub(r"encoding=['\"]UTF-8['\"]", "encoding='UTF-16'", seed_tei(), count=1)
    bom = b"\xff\xfe" if codec == "utf-16-le" else b"\xfe\xff"
    (cable,) = list(load_source(Source("utf16.xml", data=bom + tei.encode(codec)), ReadOptions()))
    assert isinstance(cable, Cable) and cable.id == "09BEIJING1463"
    unsafe = bom + with_prolog(tei, "<!DOCTYPE TEI>").decode("utf-8").encode(codec)
    with pytest.raises(UnsafeInputError):
        list(load_source(Source("utf16.xml", data=unsafe), ReadOptions()))


# ------------------------------------------------------------------ malformed bytes
def _nested_html(depth: int) -> bytes:
    return ("<html><body><table class='cable'><tr><th>Reference ID</th></tr><tr><td>09X1</td></tr>"
            "</table>" + "<div>" * depth + "<pre>UNCLAS STATE 000001\n\n1. Deep.</pre>"
            + "</div>" * depth + "</body></html>").encode()


def _nested_tei(depth: int) -> bytes:
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">'
            + b"<div>" * depth + b"x" + b"</div>" * depth + b"</TEI>")


TEXT = "UNCLAS STATE 000001\n\nSUBJECT: BYTES TEST\n\n1. (U) Words travel intact.\n"

#: name -> (bytes, accepted exit codes: 0 means a good conversion)
MALFORMED: dict[str, tuple[bytes, set[int]]] = {
    "one-megabyte-line.txt": (("UNCLAS STATE 000001\n\n1. " + "word " * 200_000).encode(), {0}),
    "empty.txt": (b"", {EmptyInputError.exit_code}),
    "white-space.txt": (b" \n\t\n  \r\n", {EmptyInputError.exit_code}),
    "nul-bytes.txt": (TEXT.encode().replace(b"Words", b"Wo\x00rds"), {BinaryInputError.exit_code}),
    "invalid-utf8.txt": (TEXT.encode().replace(b"Words", b"W\xff\xfeords\xc3"),
                         {EncodingError.exit_code}),
    "utf16-le-bom.txt": (TEXT.encode("utf-16"), {0}),  # Python writes the BOM, little-endian
    "utf16-be-bom.txt": (b"\xfe\xff" + TEXT.encode("utf-16-be"), {0}),
    "utf16-no-bom.txt": (TEXT.encode("utf-16-le"), {BinaryInputError.exit_code}),
    "html-nested-100k.html": (_nested_html(100_000), {0}),
    "tei-nested-100k.xml": (_nested_tei(100_000), {InvalidTEIError.exit_code}),
    "controls.txt": (("\x01\x02\x03\x04\x05\x06\x07\x08" * 300 + TEXT).encode(),
                     {BinaryInputError.exit_code}),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_input_converts_or_fails_typed(name: str, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    """Each input alone, through the CLI's entry point: a good conversion, or its documented
    exit code with one line on stderr naming the input; never a traceback, never a partial
    output file."""
    from convert.cli import main

    data, accepted = MALFORMED[name]
    path = tmp_path / name
    path.write_bytes(data)
    out = tmp_path / "out"
    with hs.deadline(60, name):
        code = main([str(path), "-o", str(out), "-t", "tei,json,html,md", "-q"])
    err = capsys.readouterr().err
    assert code in accepted, (code, err)
    outputs_made = sorted(p.name for p in out.iterdir()
                          if p.is_file() and p.name not in ("report.json", "cable-taxonomy.xml"))
    if code == 0:
        assert err == ""
        assert len(outputs_made) == 4, outputs_made
        if name.startswith("utf16"):
            html_data = next(out.glob("*.html")).read_bytes()
            assert "Words travel intact." in html_text(html_data)
    else:
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"cable-convert: {path}: "), err
        assert "Traceback" not in err and "internal error" not in err
        assert outputs_made == []
    assert incomplete_files(out) == []


def test_malformed_inputs_in_one_batch(tmp_path: Path) -> None:
    """All of them in one guarded batch with workers: each reported with its own exit code,
    the good ones converted, no partial output, no network."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name, (data, _) in MALFORMED.items():
        (inputs / name).write_bytes(data)
    out = tmp_path / "out"
    run = guarded_cli([str(inputs), "-o", str(out), "-t", "tei,json,html", "-j", "2", "-q"],
                      tmp_path)
    assert run.code == 16, run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    by_name = {Path(c["source"]).name: c for c in report_of(out)["cables"]}
    assert set(by_name) == set(MALFORMED)
    for name, (_, accepted) in MALFORMED.items():
        cable = by_name[name]
        code = 0 if cable["status"] == "converted" else cable["error"]["exit_code"]
        assert code in accepted, (name, cable)
    assert incomplete_files(out) == []
    assert run.network == []


# ------------------------------------------------------------------ ids that are paths
HOSTILE_IDS = ["../../etc/x", "/abs/path/x", "..", ".", "con", "aux.txt", "A" * 4000,
               "a\x00b", "new\nline", "../" * 40 + "deep", "~/home", "$(touch PWNED)",
               "-rf --force", "x/../../../../y", "\\..\\..\\windows", "...", "ñ/é/ü"]


def _csv(ids: list[str]) -> str:
    rows = []
    for n, refid in enumerate(ids, 1):
        refid_field = refid.replace("\\", "\\\\").replace('"', '\\"')
        rows.append(f'"{n}","6/2/2009 9:22","{refid_field}","Embassy Test","UNCLASSIFIED","","",'
                    f'"UNCLAS\n\nSUBJECT: ROW {n}\n\n1. (U) Row {n} text."\n')
    return "".join(rows)


def _tei_with_id(tei: str, cable_id: str) -> bytes:
    safe = cable_id.replace("\x00", "").replace("&", "&amp;").replace("<", "&lt;")
    return re.sub(r'(<idno type="cable-id">)[^<]*', lambda m: m.group(1) + safe, tei,
                  count=1).encode("utf-8")


def test_ids_that_are_paths_stay_inside_the_output_folder(tmp_path: Path) -> None:
    """CSV refids, TEI cable ids and input file names that are paths, devices, huge or carry
    NUL/newline: after the run, every new file or folder under the temporary tree is inside
    ``-o``, nothing appeared at the absolute paths named, and every cable has its files."""
    base = tmp_path / "base"
    inputs = base / "in"
    inputs.mkdir(parents=True)
    (inputs / "refids.csv").write_text(_csv(HOSTILE_IDS), encoding="utf-8")
    tei = seed_tei()
    for n, cable_id in enumerate(HOSTILE_IDS):
        if cable_id.strip("\x00"):
            (inputs / f"tei-{n}.xml").write_bytes(_tei_with_id(tei, cable_id))
    # input names (used when no id can be derived): any byte but "/" and NUL
    for n, name in enumerate(["con", "..x", "new\nline.txt", "-rf", " space ", "x" * 200]):
        (inputs / name).write_text(f"UNCLAS\n\nSUBJECT: NO ID {n}\n\n1. (U) No cable id here.\n",
                                   encoding="utf-8")
    out = base / "a" / "b" / "out"
    (tmp_path / "run").mkdir()
    before = snapshot(tmp_path)
    absolute = [Path("/abs"), Path("/etc/x"), Path("/y"), Path("PWNED"), Path("/deep")]
    assert not any(p.exists() for p in absolute)
    run = guarded_cli([str(inputs), "-o", str(out), "-q"], tmp_path / "run")
    assert run.code in (0, 16), run.stderr
    assert "Traceback" not in run.stderr and "internal error" not in run.stderr
    after = snapshot(tmp_path)
    new = sorted(set(after) - set(before))
    outside = [p for p in new if not p.startswith(("base/a/b/out", "run/"))
               and p not in ("base/a", "base/a/b")]  # -o's own parents, made for it
    assert outside == [], outside
    assert not any(p.exists() for p in absolute)
    assert not (run.cwd / "PWNED").exists()
    # every file was written where its name says (one path component under -o)
    for path in out.iterdir():
        assert "\n" not in path.name and path.resolve().parent == out.resolve(), path
    cables = report_of(out)["cables"]
    converted = [c for c in cables if c["status"] == "converted"]
    assert len(converted) >= 2 * len(HOSTILE_IDS) - 1, [c for c in cables if c["status"] != "converted"]
    for cable in converted:
        for rel in cable["outputs"].values():
            assert "/" not in rel and (out / rel).is_file(), rel
            assert len(rel.encode()) < 255
    assert incomplete_files(out) == []


def test_a_damaged_csv_row_loses_no_other_row() -> None:
    """Regression: a row that cannot be read (here a newline inside the refid) in a small
    cables.csv was one error and every row after it was silently dropped (at the end of the
    file the reader gave up). Now the reader goes on at the next row boundary."""
    from convert.readers import cablescsv

    data = _csv(["09A1", "bad\nid", "09A3", "09A4"]).encode()
    got = list(cablescsv.iter_rows(io.BytesIO(data), "t.csv"))
    errors = [r for r in got if isinstance(r, Exception)]
    assert [r.metadata.id for r in got if not isinstance(r, Exception)] == ["09A1", "09A3", "09A4"]
    assert len(errors) == 1 and errors[0].source == "t.csv:6", errors


# ------------------------------------------------------------------ symbolic links
def test_an_output_that_is_a_symlink_out_of_o_is_replaced_not_followed(tmp_path: Path) -> None:
    """Outputs (and report.json) that are links to files outside ``-o``, and a dangling link
    to an outside path: after the run the outside files are untouched (bytes and mtime),
    nothing new exists outside, and each output is a regular, complete file."""
    outside = tmp_path / "outside"
    outside.mkdir()
    precious = {name: outside / name for name in ("json-target", "tei-target", "report-target")}
    for path in precious.values():
        path.write_bytes(b"precious, not to be overwritten\n")
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))
    out = tmp_path / "out"
    out.mkdir()
    stem = "09BEIJING1463"
    (out / f"{stem}.json").symlink_to(precious["json-target"])
    (out / f"{stem}.tei.xml").symlink_to(precious["tei-target"])
    (out / "report.json").symlink_to(precious["report-target"])
    (out / f"{stem}.html").symlink_to(outside / "does-not-exist.html")
    before = snapshot(outside)
    run = guarded_cli([str(hs.SEED), "-o", str(out), "-t", "tei,json,html", "-q"], tmp_path / "run")
    assert run.code == 0, run.stderr
    assert snapshot(outside) == before
    for path in precious.values():
        assert path.read_bytes() == b"precious, not to be overwritten\n"
    for name in (f"{stem}.json", f"{stem}.tei.xml", f"{stem}.html", "report.json"):
        path = out / name
        assert not path.is_symlink() and path.is_file(), name
    assert incomplete_files(out) == []
    # again, now that they are regular files: a re-run converts nothing and changes nothing
    again = guarded_cli([str(hs.SEED), "-o", str(out), "-t", "tei,json,html", "-q"],
                        tmp_path / "run2")
    assert again.code == 0 and snapshot(outside) == before


def test_a_volume_over_a_symlink_is_replaced_not_followed(tmp_path: Path) -> None:
    """``--book`` writes with :func:`convert.output.atomic_write`: the same guarantee."""
    outside = tmp_path / "outside"
    outside.mkdir()
    target = outside / "target.md"
    target.write_bytes(b"precious\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "volume.md").symlink_to(target)
    run = guarded_cli([str(hs.SEED), "-o", str(out), "--book", "--to", "md,html", "-q"],
                      tmp_path / "run")
    assert run.code == 0, run.stderr
    assert target.read_bytes() == b"precious\n"
    assert not (out / "volume.md").is_symlink() and (out / "volume.md").read_bytes().startswith(b"---")
    assert list(outside.iterdir()) == [target]


def test_a_folder_symlinked_out_of_o_gets_no_folder_made_through_it(tmp_path: Path) -> None:
    """:func:`convert.output.stage_write` and :func:`~convert.output.atomic_write` check that
    a path is inside ``-o`` before creating its folders: a ``json`` folder that is a link to
    a folder outside gets nothing, not even an empty year folder."""
    from convert.output import atomic_write, output_path, stage_write

    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    (out / ".tmp").mkdir(parents=True)
    (out / "json").symlink_to(outside)
    path = output_path(out, "09BEIJING1463", "json", "tree", "2009")
    with pytest.raises(OutputError, match="outside"):
        stage_write(path, b"{}", out, out / ".tmp")
    with pytest.raises(OutputError, match="outside"):
        atomic_write(path, b"{}", out)
    assert list(outside.iterdir()) == []
    assert list((out / ".tmp").iterdir()) == []


def test_batch_tree_layout_makes_no_folder_through_a_symlink(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "json").symlink_to(outside)
    run = guarded_cli([str(hs.SEED), "-o", str(out), "-t", "tei,json", "--layout", "tree", "-q"],
                      tmp_path / "run")
    assert run.code == OutputError.exit_code, run.stderr
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize("name", ["lock", "state.jsonl"])
def test_the_state_files_are_never_written_through_a_symlink(tmp_path: Path, name: str) -> None:
    """A link planted in OUT/.cable-convert (lock or resume log) pointing out of -o: the file
    it points to is never written, whatever the run then does."""
    outside = tmp_path / "outside.txt"
    outside.write_bytes(b"precious\n")
    out = tmp_path / "out"
    (out / ".cable-convert").mkdir(parents=True)
    (out / ".cable-convert" / name).symlink_to(outside)
    run = guarded_cli([str(hs.SEED), "-o", str(out), "-t", "tei", "-q"], tmp_path / "run")
    assert outside.read_bytes() == b"precious\n"
    assert run.code in (0, OutputError.exit_code), run.stderr
