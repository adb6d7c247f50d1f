"""The input forms a user meets, built from the shared corpus (no project code here).

- **page**: a cablegate web page, read by the project's page reader (its table is metadata).
- **pasted**: what a user gets by selecting the page's two ``<pre>`` blocks in a browser and
  pasting them: the header, a blank line, the body, as the browser displays them
  (:func:`pasted_text`). Given to the text reader with no metadata.
- **browser**: the whole page as a browser's "select all, copy" gives it, navigation and help
  text included (:func:`browser_copy`).
- **csv**: a row of ``cables-sample.csv`` through the CSV reader.
- **pre2000**, **seed**: the text files, given to the text reader as a user would.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

_PRE = re.compile(r"<pre\b[^<>]*>(.*?)</pre>", re.S | re.I)
#: what a browser treats as a tag: ``<`` + an ASCII letter (or ``/`` + letter) up to ``>``
_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_BR = re.compile(r"<br\s*/?>", re.I)


def _displayed(fragment: str) -> str:
    """The text a browser displays for the content of a ``<pre>``: ``<br>`` breaks the line,
    other tags (the site's links and ¶ anchors, stray ``<strong>``) show only their text,
    character references are decoded (``&#x000A;`` is a newline); text that is not a tag
    (``<<220571>>``, ``< /a>``) and unknown references (``R&D;``) stay as written."""
    text = _BR.sub("\n", fragment)
    text = _TAG.sub("", text)
    return html.unescape(text)


def pre_blocks(page: str) -> list[str]:
    return [_displayed(block) for block in _PRE.findall(page)]


def pasted_text(page: str) -> str:
    """The page's ``<pre>`` blocks as pasted: header, a blank line, body."""
    blocks = [b.strip("\n") for b in pre_blocks(page)]
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd div dl dt fieldset figure footer form h1 h2 h3 h4 h5 h6 "
    "header hr html li main nav ol p pre section table tbody thead tfoot tr ul".split()
)
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "noscript"})
#: a line break inside a ``<pre>`` while the copy is assembled (a private-use character)
_PRE_BREAK = "\ue000"


def browser_copy(page: str) -> str:
    """The visible text of the whole page, roughly as "select all, copy" gives it: block
    elements on their own lines, table cells separated by tabs, ``<pre>`` kept as laid out,
    scripts and the ``<head>`` dropped, image ``alt`` texts not copied."""
    from lxml import etree
    from lxml import html as lxml_html

    root = lxml_html.document_fromstring(page.encode("utf-8"))
    parts: list[str] = []

    def text_of(value: str | None, pre: bool) -> str:
        if not value:
            return ""
        # a <pre>'s line breaks are kept as laid out (its runs of blank lines too): held apart
        # from the collapsing of the page's blank lines below
        return value.replace("\n", _PRE_BREAK) if pre else re.sub(r"\s+", " ", value)

    def walk(node: etree._Element, in_pre: bool) -> None:
        tag = node.tag.rsplit("}", 1)[-1].lower() if isinstance(node.tag, str) else ""
        if tag in _SKIP_TAGS or not tag:
            return
        pre = in_pre or tag == "pre"
        if tag == "br" or tag in _BLOCK_TAGS:
            parts.append("\n")
        elif tag in ("td", "th"):
            parts.append("\t")
        parts.append(text_of(node.text, pre))
        for child in node:
            walk(child, pre)
            parts.append(text_of(child.tail, pre))
        if tag in _BLOCK_TAGS:
            parts.append("\n")

    walk(root, False)
    text = "".join(parts)
    text = re.sub(r"\n[ \t]*(?=\n)", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).replace(_PRE_BREAK, "\n")
    return text.strip() + "\n"


def shared_corpus() -> Path:
    return Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def pre2000_files() -> list[Path]:
    return sorted((shared_corpus() / "pre2000").rglob("*.txt"))


# -- the pre2000 scrape in the forms a user holds it -----------------------------------------
#
# The scrape (../shared/corpus/README.md) is the text of a cablegate page: five lines of the
# page's metadata, then its two ``<pre>`` blocks joined with no separator. The page and the
# pasted text are derived back from it, as the site writes them (markup read off the 6,550
# pages: the table's links, ``&#x000A;`` for every newline, the ¶ anchors, the TAGS links).

#: the first line of a cable's body: its banner (``UNCLAS``, spelled out or letter-spaced),
#: perhaps ``SECTION nn OF nn``, then the post and serial of the cable's own id, at the line end
_FIRST_LINE = re.compile(
    r"(?P<banner>UNCLAS(?:SIFIED)?|LIMITED OFFICIAL USE|C O N F I D E N T I A L|CONFIDENTIAL|S E C R E T|SECRET)"
    r"(?:\s+SECTION\s+\d+\s+OF\s+\d+)?\s+(?P<post>[A-Z][A-Z .'-]*?)\s*0*(?P<serial>\d+)[ \t]*$",
    re.M,
)
_ID = re.compile(r"\d{2}(?P<post>[A-Z][A-Z-]*?)(?P<serial>\d+)")
_SCRAPE_DAY = re.compile(r"[A-Z][a-z]{2} (?P<mon>[A-Z][a-z]{2}) (?P<day>\d{2}) [\d:]{8} [+-]\d{4} (?P<year>\d{4})")
_MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()
#: the DTG that opens a routing header (``P 181159Z FEB 85``): its day, hour and minutes
_HEADER_DTG = re.compile(r"^(?:[A-Z]{1,2}\s+){1,2}(?P<day>\d{2})(?P<hh>\d{2})(?P<mm>\d{2})Z\b", re.M)
#: the site's classification links, as its "Browse by classification" list numbers them
#: (each ``title`` disagrees with the link's text on the real pages, as here)
_CLASS_LINKS = {"CONFIDENTIAL": (1, "unclassified"), "CONFIDENTIAL//NOFORN": (2, "secret"),
                "SECRET": (3, "confidential"), "SECRET//NOFORN": (4, "secret//noforn"),
                "UNCLASSIFIED": (5, "unclassified//fouo"),
                "UNCLASSIFIED//FOR OFFICIAL USE ONLY": (6, "confidential//noforn")}
#: a ¶ the site put before a paragraph number or letter (the scrape keeps it, without its link)
_PILCROW = re.compile(r"¶([0-9]+|[A-Z])(?=\.)")
#: a TAGS line as the site regenerates it (codes joined by one space): each code a link
_TAGS_LINE = re.compile(r"^TAGS: (\S+(?: \S+)*)$", re.M)


class Scrape:
    """A pre2000 file's parts: its metadata lines, and its header and body where the body's
    first line (banner, post and serial of the id) is found; ``header`` is empty when the
    text opens with that line, ``None`` when it was not found (no split)."""

    def __init__(self, content: str) -> None:
        lines = content.split("\n", 5)
        self.id, self.title, self.day, self.classification, self.origin = (x.strip() for x in lines[:5])
        text = lines[5] if len(lines) > 5 else ""
        self.header: str | None = None
        self.body = text
        ident = _ID.fullmatch(self.id)
        for m in _FIRST_LINE.finditer(text) if ident else ():
            assert ident is not None
            if m["post"].replace(" ", "") == ident["post"] and int(m["serial"]) == int(ident["serial"]):
                self.header, self.body = text[: m.start()].rstrip("\n"), text[m.start():]
                break

    def created(self) -> str:
        """``YYYY-MM-DD HH:MM``: the scrape's day, at the hour and minutes of the header's DTG
        when it is of that day (as the site's Created agrees with the DTG), else ``00:00``."""
        d = _SCRAPE_DAY.fullmatch(self.day)
        if d is None:
            return ""
        day = f"{d['year']}-{_MONTHS.index(d['mon']) + 1:02d}-{d['day']}"
        dtg = _HEADER_DTG.search(self.header or "")
        clock = f"{dtg['hh']}:{dtg['mm']}" if dtg and dtg["day"] == d["day"] else "00:00"
        return f"{day} {clock}"


def _site_pre(text: str) -> str:
    """A ``<pre>`` block's content as the site writes it: not HTML-escaped, ¶ anchors and TAGS
    links added, every newline ``&#x000A;``."""
    text = _PILCROW.sub(lambda m: f"<a id='par{m[1]}' href='#par{m[1]}'>¶</a>{m[1]}", text)
    text = _TAGS_LINE.sub(lambda m: "TAGS: " + " ".join(
        f"<a href='/tag/{code}_0.html'>{code}</a>" for code in m[1].split(" ")), text)
    return text.replace("\n", "&#x000A;")


def pre2000_page(content: str) -> str | None:
    """The cablegate page a user would have saved for a pre2000 file (None when the end of
    its routing header is not found). The site's navigation panes are left out; the origin
    link's number and the Released cell are not in the scrape (``0`` and the release of
    2011-08-30)."""
    s = Scrape(content)
    if s.header is None:
        return None
    created = s.created()
    number, title = _CLASS_LINKS.get(s.classification, (0, s.classification.lower()))
    cells = [f"<a href='/cable/{created[:4]}/{created[5:7]}/{s.id}.html'>{s.id}</a>",
             f"<a href='/date/{created[:7]}_0.html'>{created}</a>",
             "<a href='/reldate/2011-08-30_0.html'>2011-08-30 00:00</a>",
             f"<a href='/classification/{number}_0.html' title='{title}'>{s.classification}</a>",
             f"<a href='/origin/0_0.html'>{s.origin}</a>"]
    heads = ("Reference ID", "Created", "Released", "Classification", "Origin")
    blocks = [b for b in (s.header, s.body) if b]
    return "\n".join([
        "<?xml version='1.0' encoding='utf-8' ?>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
        "<html lang='en' xml:lang='en' xmlns='http://www.w3.org/1999/xhtml'>",
        "<head>", "<title>Cable Viewer</title>", "</head>", "<body>", "<div class='main'>",
        "<div class='pane big'>", f"<h3>Viewing cable {s.id}, {s.title}</h3>",
        "<table class='cable'>", "<tr>", *(f"<th>{h}</th>" for h in heads), "</tr>", "<tr>",
        *(f"<td>\n{c}\n</td>" for c in cells), "</tr>", "</table>",
        *(f"<code><pre>{_site_pre(b)}</pre></code>" for b in blocks),
        "</div>", "</div>", "</body>", "</html>", ""])


def pre2000_pasted(content: str) -> str | None:
    """The pre2000 file as a user pastes its page's two blocks: the routing header, a blank
    line, the body (:func:`pasted_text` of :func:`pre2000_page`); None where it has no page."""
    page = pre2000_page(content)
    return pasted_text(page) if page is not None else None
