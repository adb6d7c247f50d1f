"""The TEI written as markup (the header and the text), then parsed once by libxml2 with a
parser that loads no DTD, resolves no entity and opens no network connection, instead of made
an element at a time: an element made from Python is a call into lxml for the element, one per
attribute and one for its text, and together they cost more than libxml2 takes to parse the
whole document. The tree the parser gives is the tree the element calls made (the same
elements, attributes in the same order, the same text), so what comes after (languages, block
ids, notes, indentation) works on it as before.

Text and attribute values are escaped here and only here (:func:`text`, :func:`_attribute`),
and an id or a local pointer is made the document's here (:func:`.ids.prefixed`); element
and attribute names are the builder's own constants, never text of the cable."""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from ...model import TEI_NS
from ..parsed import Break, Choice, Furniture, Gap, Token
from .ids import prefixed
from .xml import WITHHELD, WITHHELD_DESC

#: no DTD, no entities, no network: the markup is our own, but the parser is safe whatever it reads.
#: ``huge_tree``: a text node may be as long as lxml allows one made from Python
_PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True, huge_tree=True,
                          remove_comments=False, remove_blank_text=False)


def text(value: str) -> str:
    """``value`` as element content: ``&``, ``<``, ``>`` escaped, and a carriage return (the
    parser would make it a line feed)."""
    if "&" in value:
        value = value.replace("&", "&amp;")
    if "<" in value:
        value = value.replace("<", "&lt;")
    if ">" in value:
        value = value.replace(">", "&gt;")
    if "\r" in value:
        value = value.replace("\r", "&#13;")
    return value


def _attribute(value: str) -> str:
    """``value`` as a quoted attribute value (the parser would normalise white space other
    than a space: it is escaped)."""
    value = text(value)
    if '"' in value:
        value = value.replace('"', "&quot;")
    if "\n" in value or "\t" in value:
        value = value.replace("\n", "&#10;").replace("\t", "&#9;")
    return value


#: keyword -> attribute name (``type_`` -> ``type``, ``xml__id`` -> ``xml:id``)
_NAMES: dict[str, str] = {}


#: (keyword, value) -> `` name="value"``, for the values that recur (a type, a role): most
#: attributes a cable has are written from here; never an id or a pointer (the document's)
_WRITTEN: dict[tuple[str, str], str] = {}
_WRITTEN_MAX = 4096


def _attributes(attrs: dict[str, str | None], prefix: str) -> str:
    out = ""
    for key, value in attrs.items():
        if value is None:
            continue
        written = _WRITTEN.get((key, value))
        if written is None:
            name = _NAMES.get(key) or _NAMES.setdefault(key, key.rstrip("_").replace("__", ":"))
            if name == "xml:id" or "#" in value:  # an id or a pointer: the document's own, never kept
                out += f' {name}="{_attribute(prefixed(name, value, prefix) if prefix else value)}"'
                continue
            written = f' {name}="{_attribute(value)}"'
            if len(_WRITTEN) < _WRITTEN_MAX:
                _WRITTEN[key, value] = written
        out += written
    return out


class Markup:
    """Markup being written: open and close elements, leaves, text. ``prefix``: the document's
    id, which every id and local pointer written is made part of (:func:`.ids.prefixed`; none:
    written as given); ``ids``: what the ids of tokens begin with (an appended cable's are its
    own: ``appended-1-summary``)."""

    __slots__ = ("ids", "parts", "prefix", "slots")

    def __init__(self, prefix: str = "", ids: str = "") -> None:
        self.parts: list[str] = []
        self.prefix = prefix
        self.ids = ids
        #: (index in parts, markup written apart and put there when done)
        self.slots: list[tuple[int, Markup]] = []

    def open(self, tag: str, **attrs: str | None) -> None:
        self.parts.append(f"<{tag}{_attributes(attrs, self.prefix)}>" if attrs else f"<{tag}>")

    def close(self, tag: str) -> None:
        self.parts.append(f"</{tag}>")

    def leaf(self, tag: str, content: str | None = None, **attrs: str | None) -> None:
        """An element holding ``content`` (none when empty) and no element."""
        start = f"<{tag}{_attributes(attrs, self.prefix)}" if attrs else f"<{tag}"
        self.parts.append(f"{start}>{text(content)}</{tag}>" if content else start + "/>")

    def text(self, value: str) -> None:
        if value:
            self.parts.append(text(value))

    def apart(self) -> Markup:
        """Markup written apart and put here (an element whose content may grow after later
        siblings were written: the closer)."""
        inner = Markup(self.prefix, self.ids)
        self.slots.append((len(self.parts), inner))
        self.parts.append("")
        return inner

    def markup(self) -> str:
        for index, inner in self.slots:
            self.parts[index] = inner.markup()
        return "".join(self.parts)

    def element(self) -> etree._Element:
        """The markup (one element) parsed, in the TEI namespace."""
        root = self.markup()
        end = root.index(">")
        if root[end - 1] == "/":
            end -= 1
        return etree.fromstring(f'{root[:end]} xmlns="{TEI_NS}"{root[end:]}', _PARSER)


def add_tokens(out: Markup, tokens: Iterable[Token]) -> None:
    for token in tokens:
        if isinstance(token, str):
            out.text(token)
        elif isinstance(token, Choice):
            out.open("choice")
            if token.kind == "corr":
                # an error of transmission or copying, corrected: how sure, and why
                out.leaf("sic", token.orig)
                out.leaf("corr", token.reg, resp="#normalizer", cert=token.cert or "medium", type=token.reason)
            else:
                out.leaf("orig", token.orig)
                out.leaf("reg", token.reg, resp="#normalizer", type=token.reason)
            out.close("choice")
        elif isinstance(token, Gap):
            _gap(out, token.text)
        elif isinstance(token, Break):
            add_furniture(out, token.furniture)
        elif token.type == "table":
            _table(out, token.children)
        elif token.type == "quote" and token.part is None:
            out.open("quote")  # BEGIN TEXT … END TEXT in one paragraph
            add_tokens(out, token.children)
            out.close("quote")
        else:
            out.open("seg", type=token.type, part=token.part,
                     **{"xml:id": out.ids + token.ident if token.ident else None})
            add_tokens(out, token.children)
            out.close("seg")


def _table(out: Markup, lines: Iterable[Token]) -> None:
    """A table written in plain text (rule ``text-table``): its lines as they stand, spaces
    kept (``xml:space="preserve"``), an ``lb`` between two."""
    out.open("seg", type="table", **{"xml:space": "preserve"})
    for line in lines:
        if line == "\n":
            out.leaf("lb")
        else:
            add_tokens(out, (line,))
    out.close("seg")


def _gap(out: Markup, written: str) -> None:
    """A redaction: who made it (``@resp`` and ``desc``), its characters as the source shows
    them (``@rend``: every character of the source is kept) and their number."""
    out.open("gap", reason="redacted", resp="#" + WITHHELD, rend=written, quantity=str(len(written)), unit="chars")
    out.leaf("desc", WITHHELD_DESC)
    out.close("gap")


def add_furniture(out: Markup, furniture: Furniture) -> None:
    """Page or section furniture: ``pb``/``milestone`` plus the lines themselves in ``fw``;
    a mark: its lines in ``fw`` of their role."""
    if furniture.kind == "mark":
        for role, line in furniture.lines:
            out.leaf("fw", line, type=role)
        return
    for role, line in furniture.lines:
        if role == "footer":
            out.leaf("fw", line, type="footer")
    if furniture.kind == "page":
        out.leaf("pb", n=furniture.n or None)
    else:
        out.leaf("milestone", unit="section", n=furniture.n or None)
    for role, line in furniture.lines:
        if role != "footer":
            out.leaf("fw", line, type="header" if furniture.kind == "page" else "section-banner")


__all__ = ["Markup", "add_furniture", "add_tokens", "text"]
