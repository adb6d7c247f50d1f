"""Many cables as one volume (``--book``): title page, contents, cables, index of TAGS.

The volume is one HTML tree built from the same articles the single-cable writers use; it
then goes to weasyprint (PDF), pandoc (EPUB, DOCX) or the Markdown writer. Every REF whose
cable is in the volume becomes a link to it. Like the writers, this returns bytes and never
touches the file system.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Sequence

from lxml import etree

from .errors import UsageError
from .model import Cable
from .options import WriteOptions
from .writers import html
from .writers.facts import CableFacts, cable_facts, epoch_to_iso, iso_to_epoch

SORTS = ("date", "id", "input")
VOLUME_FORMATS = ("pdf", "epub", "docx", "md", "html")
_LEVEL_ORDER = ("TOP SECRET", "SECRET", "CONFIDENTIAL", "LIMITED OFFICIAL USE", "UNCLASSIFIED")


def order(cables: Sequence[Cable], sort: str) -> list[tuple[Cable, CableFacts]]:
    """Cables with their facts, in volume order: by date (then id), by id, or as given."""
    if sort not in SORTS:
        raise UsageError(sort, f"unknown sort (known: {', '.join(SORTS)})")
    pairs = [(cable, cable_facts(cable)) for cable in cables]
    if sort == "date":
        pairs.sort(key=lambda pair: (pair[1].date or "9999", pair[1].id))
    elif sort == "id":
        pairs.sort(key=lambda pair: pair[1].id)
    return pairs


def highest_classification(facts: Sequence[CableFacts]) -> str:
    """The most restrictive classification line among the cables (for a volume's header)."""
    def rank(item: CableFacts) -> tuple[int, int]:
        level = _LEVEL_ORDER.index(item.level) if item.level in _LEVEL_ORDER else 0
        return (level, -len(item.classification))

    return min(facts, key=rank).classification if facts else "UNCLASSIFIED"


def github_slug(text: str) -> str:
    """The anchor GitHub and most GFM renderers give a heading."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _volume_title(pairs: list[tuple[Cable, CableFacts]], title: str | None) -> str:
    if title:
        return title
    dates = sorted(f.date[:10] for _, f in pairs if f.date)
    span = f", {dates[0]} to {dates[-1]}" if dates else ""
    return f"{len(pairs)} cables{span}"


def _heading(tag: str, css: str, text: str, anchor: str) -> etree._Element:
    element = etree.Element(tag, {"class": css, "id": anchor})
    element.text = text
    return element


def build(cables: Sequence[Cable], options: WriteOptions, flavour: str, sort: str,
          title: str | None, anchor_of: Callable[[CableFacts], str] | None = None
          ) -> tuple[list[etree._Element], str, list[tuple[Cable, CableFacts]]]:
    """The volume's blocks (front, contents, articles, index), its title and its cables."""
    pairs = order(cables, sort)
    if not pairs:
        raise UsageError("--book", "a volume needs at least one cable")
    name = _volume_title(pairs, title)
    # link to the title heading: pandoc keeps a heading's id when it splits EPUB chapters
    anchor_of = anchor_of or (lambda facts: html.anchor_id(facts.id) + "-title")
    links = {facts.id: "#" + anchor_of(facts) for _, facts in pairs}
    front = etree.Element("section", {"class": "volume-front"})
    front.append(_heading("h1", "volume-title", name, "volume-title"))
    dates = sorted(f.date[:10] for _, f in pairs if f.date)
    summary = etree.SubElement(front, "p", {"class": "volume-summary"})
    summary.text = f"{len(pairs)} cables" + (f", {dates[0]} to {dates[-1]}" if dates else "")
    toc = etree.Element("nav", {"class": "volume-toc"})
    toc.append(_heading("h1", "volume-toc-title", "Contents", "volume-contents"))
    listing = etree.SubElement(toc, "ol")
    for _, facts in pairs:
        item = etree.SubElement(listing, "li")
        link = etree.SubElement(item, "a", {"href": links[facts.id]})
        link.text = f"{(facts.date or '')[:10]} {facts.id}: {facts.subject}".strip()
    articles = [html.article(cable, options, flavour=flavour, links=links) for cable, _ in pairs]
    index = etree.Element("section", {"class": "volume-index"})
    index.append(_heading("h1", "volume-index-title", "Index of TAGS", "volume-index"))
    by_tag: dict[str, list[str]] = defaultdict(list)
    for _, facts in pairs:
        for tag in dict.fromkeys(facts.tags):
            by_tag[tag].append(facts.id)
    entries = etree.SubElement(index, "ul")
    for tag in sorted(by_tag):
        item = etree.SubElement(entries, "li")
        label = etree.SubElement(item, "strong")
        label.text = tag
        label.tail = ": "
        for number, cable_id in enumerate(by_tag[tag]):
            link = etree.SubElement(item, "a", {"href": links[cable_id]})
            link.text = cable_id
            if number < len(by_tag[tag]) - 1:
                link.tail = ", "
    return [front, toc, *articles, index], name, pairs


def _modified(pairs: list[tuple[Cable, CableFacts]], options: WriteOptions) -> str:
    if options.source_date_epoch is not None:
        return epoch_to_iso(options.source_date_epoch)
    epochs = [e for _, f in pairs if (e := iso_to_epoch(f.date)) is not None]
    return epoch_to_iso(max(epochs) if epochs else 0)


def _all_tags(pairs: list[tuple[Cable, CableFacts]]) -> list[str]:
    return sorted({tag for _, facts in pairs for tag in facts.tags})


def write_volume(cables: Sequence[Cable], fmt: str, options: WriteOptions, sort: str = "date",
                 title: str | None = None) -> bytes:
    """Many cables as one PDF, EPUB, DOCX, Markdown (or HTML) volume.

    ``sort``: ``date`` (default; then id), ``id`` or ``input`` (as given). ``title``: the
    volume's title (default: "N cables, first date to last date").
    """
    if fmt not in VOLUME_FORMATS:
        raise UsageError(fmt, f"a volume can be {', '.join(VOLUME_FORMATS)}")
    if fmt == "pdf":
        return _pdf(cables, options, sort, title)
    if fmt == "epub":
        return _epub(cables, options, sort, title)
    if fmt == "docx":
        return _docx(cables, options, sort, title)
    if fmt == "md":
        return _markdown(cables, options, sort, title)
    blocks, name, pairs = build(cables, options, "html", sort, title)
    from .theme import stylesheet

    root = html.document(blocks, name, pairs[0][1].lang, stylesheet(options.theme, "screen",
                                                                      options.paper))
    return html.serialize(root)


def _pdf(cables: Sequence[Cable], options: WriteOptions, sort: str, title: str | None) -> bytes:
    from .writers import pdf

    blocks, name, pairs = build(cables, options, "html", sort, title)
    modified = _modified(pairs, options)
    dates = sorted(f.date for _, f in pairs if f.date)
    meta = {"author": "; ".join(dict.fromkeys(f.origin for _, f in pairs if f.origin)),
            "keywords": ", ".join(_all_tags(pairs)),
            "description": highest_classification([f for _, f in pairs]),
            "dcterms.created": dates[0] if dates else modified,
            "dcterms.modified": modified}
    root = html.document(blocks, name, pairs[0][1].lang, None, meta)
    attachments = [(f"{cable.file_stem()}.tei.xml", pdf.tei_bytes(cable),
                    f"TEI P5 source of cable {facts.id}") for cable, facts in pairs]
    return pdf.render(root, options, "--book", attachments, modified)


def _epub(cables: Sequence[Cable], options: WriteOptions, sort: str, title: str | None) -> bytes:
    from .writers import epub

    blocks, name, pairs = build(cables, options, "epub", sort, title)
    modified = _modified(pairs, options)
    root = html.document(blocks, name, pairs[0][1].lang, None)
    ids = ",".join(f.id for _, f in pairs)
    import hashlib

    identifier = "urn:cable-volume:" + hashlib.sha256(ids.encode()).hexdigest()[:32]
    metadata = epub.epub_metadata(
        title=name,
        creators=list(dict.fromkeys(f.origin for _, f in pairs if f.origin))[:20],
        date=None, lang=pairs[0][1].lang, identifier=identifier,
        subjects=_all_tags(pairs),
        description=f"{len(pairs)} cables; highest classification "
                    f"{highest_classification([f for _, f in pairs])}.",
    )
    dates = sorted(f.date for _, f in pairs if f.date)
    return epub.package(root, metadata, options, "--book", modified,
                        dates[0] if dates else None)


def _docx(cables: Sequence[Cable], options: WriteOptions, sort: str, title: str | None) -> bytes:
    from .theme import HEADER_CABLE_ID, HEADER_CLASSIFICATION, load_theme
    from .writers import docx

    blocks, name, pairs = build(cables, options, "docx", sort, title)
    theme = load_theme(options.theme)
    front_title = blocks[0].find("h1")
    if front_title is not None:  # the volume's title in the Title style, not a heading
        front_title.tag = "div"
        front_title.set("data-custom-style", theme.style("title"))
        text, front_title.text = front_title.text, None
        etree.SubElement(front_title, "p").text = text
    modified = _modified(pairs, options)
    dates = sorted(f.date for _, f in pairs if f.date)
    classification = highest_classification([f for _, f in pairs])
    core = docx.core_properties(
        title=name, author="; ".join(dict.fromkeys(f.origin for _, f in pairs if f.origin))[:250],
        keywords=", ".join(_all_tags(pairs)), subject=classification,
        description=f"{len(pairs)} cables", created=dates[0] if dates else modified,
        modified=modified, language=pairs[0][1].lang)
    root = html.document(blocks, "", pairs[0][1].lang, None)
    values = {HEADER_CLASSIFICATION: classification, HEADER_CABLE_ID: name}
    return docx.package(root, options, "--book", core, values, modified)


def _markdown(cables: Sequence[Cable], options: WriteOptions, sort: str,
              title: str | None) -> bytes:
    import json

    from .writers import markdown

    def heading(facts: CableFacts) -> str:
        return f"{facts.id}: {facts.subject}"

    blocks, name, pairs = build(cables, options, "html", sort, title,
                                anchor_of=lambda facts: github_slug(heading(facts)))
    classes = markdown.style_classes(options.theme)
    out = ["---", f"title: {json.dumps(name, ensure_ascii=False)}",
           f"cables: {json.dumps([f.id for _, f in pairs])}",
           f"classification: {json.dumps(highest_classification([f for _, f in pairs]))}",
           f"tags: {json.dumps(_all_tags(pairs))}", "---", "",
           "# " + markdown.escape(name), ""]
    summary = blocks[0].find("p")
    out += [markdown.escape(summary.text or "") if summary is not None else "", "",
            "## Contents", ""]
    for item in blocks[1].iter("a"):
        out.append(f"- [{markdown.inline(item, classes)}]({item.get('href')})")
    for (_, facts), article in zip(pairs, blocks[2:-1], strict=True):
        title_element = article.find("header/h1")
        if title_element is not None:
            title_element.text = heading(facts)
        out += ["", markdown.article_markdown(article, options.theme)]
    out += ["", "# Index of TAGS", ""]
    for item in blocks[-1].iter("li"):
        out.append("- " + markdown.inline(item, classes))
    return ("\n".join(out) + "\n").encode("utf-8")
