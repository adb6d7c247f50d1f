"""The project as the evaluation sees it: the ONE module that calls ``convert/``.

Only public outputs are used: a reader's ``RawCable`` through ``convert.readers``, the
``Cable`` from ``convert.normalize.normalize``, the JSON record
(``convert.writers.json.record``), the TEI tree, the reading text
(``convert.textview.reading_text``) and, for the classification a reader is shown, the HTML
output. When the read side is unified (issue 9) or the reading edition changes what the PDF
shows (issue 11), this module is the only one to change; :func:`reading_blocks` is the one
function that says what "the reading text" is.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

from convert.textview import AB_OUT_OF_TEXT, reading_text

TEI_NS = "http://www.tei-c.org/ns/1.0"
_T = f"{{{TEI_NS}}}"
NS = {"t": TEI_NS}

#: children of the telegram ``div`` that are not reading text: the opener (routing,
#: transmission lines, banner, handling, E.O., TAGS: the edition's apparatus), the ``ab``
#: types the edition prints out of the text (``textview.AB_OUT_OF_TEXT``: a line of dashes, a
#: media partner's wrapper, a late Classified By line) and page and section furniture.
#: Everything else is audited.
OUT_OF_FLOW = frozenset(
    {(_T + "opener", None), (_T + "fw", None), (_T + "pb", None), (_T + "milestone", None), (_T + "note", None)}
    | {(_T + "ab", kind) for kind in AB_OUT_OF_TEXT}
)

_LEVELS = {
    "unclassified": "UNCLASSIFIED",
    "confidential": "CONFIDENTIAL",
    "secret": "SECRET",
    "top-secret": "TOP SECRET",
    "limited-official-use": "LIMITED OFFICIAL USE",
}


class Failed(Exception):
    """The project refused the input (a typed ConvertError) or crashed on it."""

    def __init__(self, kind: str, message: str) -> None:
        super().__init__(message)
        self.kind = kind  # "error" (typed refusal) | "crash"


@dataclass(frozen=True)
class Block:
    """One block of the reading text: its kind, its paragraph number if any, its text."""

    kind: str  # "subject" | "p" | "heading" | "references" | "closer" | "list" | "other:<tag>"
    n: int | None
    text: str
    #: which cable of the page the block is of: 0 the page's own, then each cable appended on it
    #: (``div type="appended-cable"``), in order
    part: int = 0


def _normalize(raw: Any) -> Any:
    from convert.errors import ConvertError
    from convert.normalize import normalize

    try:
        return normalize(raw)
    except ConvertError as exc:
        raise Failed("error", exc.one_line()) from None
    except Exception as exc:
        raise Failed("crash", f"{type(exc).__name__}: {exc}") from None


def from_text(text: str, name: str) -> Any:
    """A cable given as plain text (pasted, a text file): the text reader, no metadata."""
    return from_bytes(text.encode("utf-8"), name, form="text")


def from_bytes(data: bytes, name: str, form: str | None = None, encoding: str | None = None) -> Any:
    """A file's bytes as the command line reads them: decoded (``encoding``: what
    ``--encoding`` gives), its form detected from its content unless ``form`` is given, read
    and normalised."""
    from convert.errors import ConvertError
    from convert.options import ReadOptions
    from convert.readers import Source, load_source

    try:
        raw = next(iter(load_source(Source(name, data=data, form=form), ReadOptions(encoding=encoding))))
    except ConvertError as exc:
        raise Failed("error", exc.one_line()) from None
    except Exception as exc:
        raise Failed("crash", f"{type(exc).__name__}: {exc}") from None
    return _normalize(raw)


def from_page(html: str, name: str) -> Any:
    """A cablegate page through the page reader (its table is the metadata)."""
    from convert.errors import ConvertError
    from convert.readers import cablegate

    try:
        raw = cablegate.read(html, name)
    except ConvertError as exc:
        raise Failed("error", exc.one_line()) from None
    return _normalize(raw)


def csv_rows(path: str) -> list[Any]:
    """The rows of a cables.csv file as the CSV reader gives them (RawCable or an error)."""
    from convert.readers import cablescsv

    with open(path, "rb") as handle:
        return list(cablescsv.iter_rows(handle, path.rsplit("/", 1)[-1]))


def csv_row_number(raw: Any) -> str:
    return str(raw.metadata.row)


def from_raw(raw: Any) -> Any:
    """A reader's RawCable (a CSV row) through the normalizer."""
    return _normalize(raw)


def _xp(node: Any, path: str) -> list[Any]:
    return list(node.xpath(path, namespaces=NS))


def _level(cable: Any) -> tuple[str | None, bool]:
    """(classification level, whether the cable's text gave it)."""
    tei = cable.tei
    bibl = "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']"
    subtype = _xp(tei, f"{bibl}/t:note[@type='classification']/@subtype")
    if subtype and str(subtype[0]) in _LEVELS:
        return _LEVELS[str(subtype[0])], True
    target = _xp(
        tei,
        "t:teiHeader/t:profileDesc/t:textClass/t:catRef[@scheme='ctax:classification' or @scheme='#classification']"
        "/@target",
    )
    ident = str(target[0]).lstrip("#") if target else ""
    if ident.startswith("ctax:level-"):  # the shared taxonomy (issue 14): ctax:level-confidential
        return _LEVELS.get(ident.removeprefix("ctax:level-")), False
    if not ident or ident == "cls-unknown":
        return None, False
    desc = _xp(tei, f"t:teiHeader//t:category[@xml:id='{ident}']/t:catDesc")
    return ("".join(desc[0].itertext()).strip() or None) if desc else None, False


def reading_blocks(cable: Any) -> list[Block]:
    """THE reading text of a cable, as blocks: what a reader of the edition sees in the body.

    Today: ``convert.textview.reading_text`` of each child of the telegram ``div`` that is
    not in :data:`OUT_OF_FLOW` (regularised forms, no ``fw``/``pb``/``milestone``/``note``).
    """
    blocks: list[Block] = []
    parts = [0]
    for div in _xp(cable.tei, "t:text/t:body/t:div"):
        _blocks_of(div, blocks, parts)
    return blocks


#: the lines of an opener that a copy of the cable may write again in its text
PREAMBLE_AGAIN = frozenset({"handling", "distribution", "info"})


def preamble_lines(cable: Any) -> list[str]:
    """The handling and distribution lines of the cable's openers (``NOFORN``, ``OSD FOR
    ISA-NATO``, ``DEPT PASS FEDERAL RESERVE …``): what a later section or a media partner's
    copy repeats, which the residue audit looks for in the reading text."""
    segs = _xp(cable.tei, "t:text/t:body/t:div//t:opener/t:seg")
    return [reading_text(seg) for seg in segs if seg.get("type") in PREAMBLE_AGAIN]


def _blocks_of(div: Any, blocks: list[Block], parts: list[int]) -> None:
    """The reading blocks of one ``div``, into ``blocks``; a second copy of the text (``div
    type="copy"``) is read block by block the same way, so its wrappers stay out as the
    edition prints them. ``parts``: the count of cables met, the page's own first (a ``div
    type="appended-cable"`` is another)."""
    if div.get("type") == "appended-cable":
        parts[0] += 1
    for child in div:
        if not isinstance(child.tag, str):
            continue
        kind_attr = child.get("type")
        if child.tag == _T + "div":
            _blocks_of(child, blocks, parts)
            continue
        if (child.tag, None) in OUT_OF_FLOW or (child.tag, kind_attr) in OUT_OF_FLOW:
            continue
        text = reading_text(child)
        if not text:
            continue
        name = child.tag[len(_T) :] if child.tag.startswith(_T) else child.tag
        if name == "head" or (name == "ab" and kind_attr == "subject"):
            kind = "subject"
        elif name == "p":
            kind = "p"
        elif name == "ab" and kind_attr == "heading":
            kind = "heading"
        elif name == "list" and kind_attr == "references":
            kind = "references"
        elif name in ("closer", "list", "quote"):
            kind = name
        else:
            kind = f"other:{name}" + (f"[{kind_attr}]" if kind_attr else "")
        n = child.get("n")
        blocks.append(Block(kind, int(n) if n and n.isdigit() else None, text, parts[0]))


def shown_classification(cable: Any) -> str | None:
    """The classification line the HTML output prints (what a reader is shown)."""
    from lxml import html as lxml_html

    from convert.options import WriteOptions
    from convert.writers import get_writer

    page = get_writer("html")(cable, WriteOptions())
    tree = lxml_html.fromstring(page)
    lines = tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' classification ')]//p")
    return " ".join(lines[0].text_content().split()) if lines else None


def _digest(text: str) -> str:
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:12]  # noqa: S324 - not security


def facts(cable: Any, *, with_shown: bool = True) -> dict[str, Any]:
    """The fields the evaluation scores, from the JSON record and the TEI (plain data)."""
    from convert.writers.json import record

    rec = record(cable)
    level, level_from_text = _level(cable)
    tags = [str(t) for t in rec.get("tags") or []]
    out: dict[str, Any] = {
        "id": rec.get("id"),
        "date": rec.get("date"),
        # the date-time group as written sits in the telegram's bibl; a date taken from a
        # page table or CSV column does not
        "date_from_text": bool(_xp(cable.tei, "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']/t:date")),
        "classification": rec.get("classification"),
        "level": level,
        "level_from_text": level_from_text,
        "caveats": [str(c) for c in rec.get("caveats") or []],
        "origin": rec.get("origin"),
        "from": rec.get("from"),
        "to": [a.get("name") for a in rec.get("to") or []],
        "info": [a.get("name") for a in rec.get("info") or []],
        "precedence": rec.get("precedence"),
        "subject": rec.get("subject"),
        "tags": tags,
        "tag_persons": list(rec.get("tag_persons") or []),
        "tag_phrases": list(rec.get("tag_phrases") or []),
        "references": [r["id"] for r in rec.get("references") or [] if r.get("id")],
        # the ids whose year the reference itself writes (not taken from the cable's date)
        "references_dated": sorted(
            {r["id"] for r in rec.get("references") or [] if r.get("id")}
            - {
                str(t).removeprefix("cable:")
                for t in _xp(cable.tei, "t:text//t:list[@type='references']//t:ref[@subtype='year-inferred']/@target")
            }
        ),
        "signer": rec.get("signer"),
        "summary": rec.get("summary"),
        "paragraphs": [p["n"] for p in rec.get("paragraphs") or []],
        "paragraph_digests": [_digest(p.get("text") or "") for p in rec.get("paragraphs") or []],
        # every numbered paragraph of the body, an appended second cable's too (the record's
        # ``paragraphs`` are the cable's own): what the page's ¶ anchors are audited against
        "numbered": [b["n"] for b in rec.get("body") or [] if b.get("type") == "p" and isinstance(b.get("n"), int)],
    }
    if with_shown and level is None:
        out["shown_classification"] = shown_classification(cable)
    return out


def pdf_text(cable: Any) -> str:
    """The text of the cable's PDF (the project's default PDF), extracted with pypdf."""
    import io

    from pypdf import PdfReader

    from convert.options import WriteOptions
    from convert.writers import get_writer

    data = get_writer("pdf")(cable, WriteOptions())
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)
