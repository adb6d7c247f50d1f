"""TEI -> Markdown (GFM): YAML front matter with the cable's facts, then the body.

The body comes from the HTML writer's article (the same walk every format uses), turned into
Markdown here rather than by pandoc, so escaping stays in one small, tested place: every
character Markdown, GFM or a LaTeX-minded renderer could read as markup is backslash-escaped,
a paragraph number is written bold (``**1.**``) so no parser makes a list of it, and no raw
HTML is emitted. Each block is one line; parsing the file back gives the same paragraphs.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from lxml import etree

from ..model import Cable
from ..options import WriteOptions
from ..theme import load_theme
from ..view import CableView
from . import html
from .tables import fenced

if TYPE_CHECKING:
    from ..volume import Volume

#: Characters escaped wherever they stand: emphasis, code, links, HTML, entities, tables,
#: strikethrough, footnotes, math (pandoc/LaTeX) and the escape character itself.
_ALWAYS = re.compile(r"([\\`*_\[\]<>|~$&{}^])")
_LINE_START = re.compile(r"^(\s*)([>#]|[+\-*](?=\s|$)|\d{1,9}[.)](?=\s|$))")
_RULE_LINE = re.compile(r"^(\s*)([-=*_])([-=*_\s]*)$")
_SPACE = re.compile(r"\s+")
#: a hard line break as :func:`inline` writes it (a backslash at the end of the line)
_BREAK = "\\\n"


def escape(text: str) -> str:
    """Literal text for Markdown: metacharacters that could start markup are escaped.

    Only characters next to which markup is possible are escaped, so ordinary prose
    (``U.S.``, ``(SBU)``) stays readable; ``&``, ``<``, ``[``, ``*``, ``_``, backticks,
    ``$``, ``|``, ``~`` and ``\\`` always are.
    """
    text = _SPACE.sub(" ", text)
    text = _ALWAYS.sub(r"\\\1", text)
    # "http://x" and "www.x" would become links in GFM
    text = text.replace("://", "\\://").replace("www.", "www\\.")
    # "!" before an escaped "[" is harmless; a lone line-start marker is handled below
    return text


def escape_line_start(text: str) -> str:
    """Escape what would make a line a heading, quote, list item or thematic break."""
    rule = _RULE_LINE.match(text)
    if rule:
        return f"{rule[1]}\\{rule[2]}{rule[3]}"
    match = _LINE_START.match(text)
    if not match:
        return text
    lead, marker = match[1], match[2]
    if marker[-1] in ".)":
        return f"{lead}{marker[:-1]}\\{marker[-1]}{text[match.end():]}"
    return f"{lead}\\{marker}{text[match.end():]}"


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def inline(element: etree._Element, facts_classes: dict[str, str]) -> str:
    """An HTML run (text, spans, em, strong, a, br) as Markdown inline text."""
    parts: list[str] = [escape(element.text or "")]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        inner = inline(child, facts_classes)
        classes = _classes(child)
        if tag == "br":
            parts.append(_BREAK)
        elif "note-call" in classes:
            parts.append(f"[^{child.findtext('sup') or '1'}]")  # a GFM footnote reference
        elif "source-note-number" in classes:
            parts.append("")
        elif facts_classes["redaction"] in classes:
            # (glued to a word, ``toldXXXXXXXXXXXX that``, ``XXXXXXXXXXXXhusband``: no emphasis can open
            # or close there in CommonMark, and its asterisks would print; the label alone is shown)
            before = next((part for part in reversed(parts) if part), "")
            glued = before[-1:].isalnum() or (child.tail or "")[:1].isalnum()
            parts.append(f"*{inner}*" if inner.strip() and not glued else inner)
        elif facts_classes["paragraph_number"] in classes:
            parts.append(f"**{inner}**")
        elif tag == "em":
            parts.append(f"*{inner}*" if inner.strip() else inner)
        elif tag == "strong":
            parts.append(f"**{inner}**" if inner.strip() else inner)
        elif tag == "a" and child.get("href", "").startswith("#"):
            parts.append(f"[{inner}]({child.get('href')})")
        else:
            parts.append(inner)
        parts.append(escape(child.tail or ""))
    return "".join(parts)


def _blocks(element: etree._Element, classes: dict[str, str], quote: bool
            ) -> Iterator[str]:
    """Markdown blocks (each one line) for an HTML container from :mod:`.html`."""
    for child in element:
        if not isinstance(child.tag, str):
            continue
        names = _classes(child)
        in_quote = quote or bool(names & {classes["summary"], classes["quote"]})
        if child.tag == "p":
            # every line of it: after a hard break ("\\" and a newline) a line "1. (U) AT
            # LEAST…" would still start a list (an ordered list from 1, "- ", "#" may interrupt
            # a paragraph), and the reader would lose its number (a wrapper's cut preview)
            lines = inline(child, classes).strip().split(_BREAK)
            text = _BREAK.join(escape_line_start(line) for line in lines)
            if text and classes["dateline"] in names_of(element):
                text = f"*{text}*"
            if text:
                yield ("> " + text) if in_quote else text
        elif child.tag == "pre":
            yield fenced(child.text or "", in_quote)  # a table written in plain text, as it stands
        elif child.tag in {"h1", "h2", "h3"}:
            level = int(child.tag[1])
            yield "#" * level + " " + inline(child, classes).strip()
        elif classes["artifact"] in names:
            text = inline(child, classes).strip()
            if text:
                yield f"*\\[{text}\\]*"
        elif classes["classification"] in names or classes["text_heading"] in names:
            yield "**" + inline(child[0] if len(child) else child, classes).strip() + "**"
        elif classes["metadata"] in names:
            continue  # the same facts are in the front matter
        elif (_CABLE_LIST in names or classes["references"] in names) and (
                lines := _line_list(child, classes, labels=classes["references"] in names)):
            text = _BREAK.join(escape_line_start(line) for line in lines)
            yield ("> " + text) if in_quote else text
        else:
            yield from _blocks(child, classes, in_quote)


#: the HTML writer's class of a list in the text (not the REF list)
_CABLE_LIST = "cable-list"


def _line_list(element: etree._Element, classes: dict[str, str], labels: bool = False) -> list[str]:
    """The lines of a list whose items have no label (a record's fields, names, one to a line: ``Vetting #:
    99533`` / ``Rank/Name: MAJ …`` / ``DOB: …``, 10STATE13894), or of the REF list (``labels``: ``REF: CAIRO 47;
    09 CAIRO 2164`` / ``07 CAIRO 3214``, 10CAIRO147): one block, an item to a line, so that a record or the
    field stays together and what follows starts a block of its own; none for any other list."""
    lines = []
    for entry in element:
        if not isinstance(entry.tag, str):
            continue
        labelled = entry[0].find("span[@class='ref-label']") is not None if len(entry) else False
        if len(entry) != 1 or entry[0].tag != "p" or (labelled and not labels):
            return []
        lines.append(inline(entry[0], classes).strip())
    return lines if len(lines) >= 2 else []


def names_of(element: etree._Element) -> set[str]:
    return _classes(element)


def footnotes(article: etree._Element, classes: dict[str, str]) -> list[str]:
    """Take the source notes (``aside``) out of an edition article: GFM footnote definitions,
    each one paragraph (the citation after a hard line break)."""
    out = []
    # the label is the article's id less "cable-": the cable's id, with "-copy2" for a cable
    # given twice, unique in a volume (a GFM reader shows a number)
    label = re.sub(r"[^A-Za-z0-9-]", "-", (article.get("id") or "cable-source").removeprefix("cable-"))
    for sup in article.iterfind(".//a[@class='note-call']/sup"):
        sup.text = label
    for aside in list(article.iter("aside")):
        parent = aside.getparent()
        if parent is not None:
            parent.remove(aside)
        lines = [inline(p, classes).strip() for p in aside.iter("p")]
        out.append(f"[^{label}]: " + "\\\n".join(line for line in lines if line))
    return out


def front_matter(view: CableView, extra: dict[str, object] | None = None) -> str:
    """YAML front matter; every value is a JSON string/list (valid YAML, nothing to escape)."""
    record: dict[str, object] = {
        "id": view.id,
        "date": view.date,
        "origin": view.origin,
        "from": list(view.sender),
        "to": list(view.to),
        "info": list(view.info),
        "classification": view.classification if view.level else None,
        "caveats": list(view.caveats),
        "subject": view.header.subject,  # the fact, as in the JSON record: null where the text has none
        "tags": list(view.tags),
        # a REF item without a letter: null, as in the JSON record (the view reads it as "")
        "references": [{"label": r.label or None, "text": r.text, "id": r.cable_id}
                       for r in view.references],
        "signer": view.signer,
    }
    record.update(extra or {})
    lines = ["---"]
    for key, value in record.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines)


def style_classes(theme_name: str) -> dict[str, str]:
    theme = load_theme(theme_name)
    return {key: theme.css_class(key) for key in theme.tokens["styles"]}


def article_markdown(article: etree._Element, theme_name: str) -> str:
    """An article from :func:`.html.article` as Markdown blocks separated by blank lines; an
    edition's source note as a footnote at the end."""
    classes = style_classes(theme_name)
    notes = footnotes(article, classes)
    return "\n\n".join([*_blocks(article, classes, quote=False), *notes])


def write(cable: Cable, options: WriteOptions) -> bytes:
    """One cable as GFM with YAML front matter; no raw HTML."""
    body = article_markdown(html.article(cable, options), options.theme)
    return (front_matter(cable.view) + "\n\n" + body + "\n").encode("utf-8")


def write_volume(volume: Volume, options: WriteOptions) -> bytes:
    """Many cables as one GFM file: front matter, contents, a heading per cable, the index."""
    from ..volume import copies, github_slug

    def heading(view: CableView, copy: int) -> str:
        """A later copy of the same cable says so (and so gets a slug of its own)."""
        return f"{view.id}{f' (copy {copy + 1})' if copy else ''}: {view.subject}"

    blocks = volume.blocks(options, "html", anchor_of=lambda view, copy: github_slug(heading(view, copy)))
    classes = style_classes(options.theme)
    views = volume.views
    out = ["---", f"title: {json.dumps(volume.title, ensure_ascii=False)}",
           f"cables: {json.dumps([view.id for view in views])}",
           f"classification: {json.dumps(volume.classification())}",
           f"tags: {json.dumps(volume.tags())}", "---", "",
           "# " + escape(volume.title), ""]
    summary = blocks[0].find("p")
    out += [escape(summary.text or "") if summary is not None else "", "", "## Contents", ""]
    for item in blocks[1].iter("a"):
        out.append(f"- [{inline(item, classes)}]({item.get('href')})")
    nth = copies([view.id for view in views])
    for view, copy, article in zip(views, nth, blocks[2:-1], strict=True):
        title_element = article.find("header/h1")
        if title_element is not None:
            title_element.text = heading(view, copy)
        out += ["", article_markdown(article, options.theme)]
    out += ["", "# Index of TAGS", ""]
    for item in blocks[-1].iter("li"):
        out.append("- " + inline(item, classes))
    return ("\n".join(out) + "\n").encode("utf-8")
