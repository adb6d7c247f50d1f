"""Join a PDF volume's pieces into one file, one piece in memory at a time.

Each piece (a weasyprint PDF) is opened with pikepdf, the objects its pages need are
copied into the output, renumbered, and the piece is closed again: memory holds one piece
and a few numbers a page, however long the volume. The outline, the named destinations
that links use, the links across pieces (``SCHEME`` URIs become links to a named
destination), the attachments, the page labels and the first piece's PDF/A metadata (XMP,
output intent, document information) and, for a tagged volume, one structure tree
(:mod:`.pdf_structure`) are written for the whole. The ``/ID`` is the MD5 of
the bytes written, so the same pieces give the same file.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .pdf_structure import Structure, copy_tree, shift_keys
from .pdf_structure import finish as finish_structure

#: links to a document in another piece: weasyprint writes them as URI links, the join
#: turns them into links to the named destination
SCHEME = "x-cable-volume:"
#: an indirect reference in qpdf's unparsed form of an object holding no string
_REFERENCE = re.compile(rb"(?<![\w./#+-])(\d+) (\d+) R(?=[\s\]>])")


def _outline(node: Any) -> Iterator[tuple[int, str, Any]]:
    """(depth, title, destination array) of each item of an outline, in order."""
    stack: list[tuple[int, Any]] = []
    item = node.get("/First")
    depth = 0
    while item is not None:
        dest = item.get("/Dest")
        if dest is not None and len(dest) >= 2:
            yield depth, str(item.Title), dest
        child = item.get("/First")
        if child is not None:
            stack.append((depth, item.get("/Next")))
            item, depth = child, depth + 1
            continue
        item = item.get("/Next")
        while item is None and stack:
            depth, item = stack.pop()


class _Out:
    """A PDF written object by object to a file: objects are numbered as they are first
    referred to, and written as soon as they are complete."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle
        self.offsets: dict[int, int] = {}
        self.count = 0
        self.digest = hashlib.md5(usedforsecurity=False)
        self.position = 0
        self._emit(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")

    def _emit(self, data: bytes) -> None:
        self.handle.write(data)
        self.digest.update(data)
        self.position += len(data)

    def reserve(self) -> int:
        self.count += 1
        return self.count

    def write(self, number: int, body: bytes, stream: bytes | None = None) -> None:
        self.offsets[number] = self.position
        self._emit(b"%d 0 obj\n" % number + body)
        if stream is not None:
            self._emit(b"\nstream\n" + stream + b"\nendstream")
        self._emit(b"\nendobj\n")

    def close(self, root: int, info: int | None) -> None:
        start = self.position
        lines = [b"xref\n0 %d\n0000000000 65535 f \n" % (self.count + 1)]
        lines.extend(b"%010d 00000 n \n" % self.offsets[n] for n in range(1, self.count + 1))
        ident = self.digest.hexdigest().encode()
        trailer = b"trailer\n<< /Size %d /Root %d 0 R" % (self.count + 1, root)
        if info is not None:
            trailer += b" /Info %d 0 R" % info
        trailer += b" /ID [<%s> <%s>] >>\nstartxref\n%d\n%%%%EOF\n" % (ident, ident, start)
        self._emit(b"".join(lines) + trailer)


def _number(value: Any) -> bytes:
    if isinstance(value, bool):
        return b"true" if value else b"false"
    if isinstance(value, int):
        return b"%d" % value
    text = format(value, "f")
    return (text.rstrip("0").rstrip(".") if "." in text else text).encode() or b"0"


class _Copier:
    """Copies the objects one source PDF's pages need into :class:`_Out`, renumbered."""

    def __init__(self, out: _Out, pages_root: int) -> None:
        import pikepdf

        self.pikepdf = pikepdf
        self.out = out
        self.pages_root = pages_root
        self.numbers: dict[Any, int] = {}
        self.queue: list[Any] = []

    def ref(self, obj: Any) -> bytes:
        key = obj.objgen
        if key not in self.numbers:
            self.numbers[key] = self.out.reserve()
            self.queue.append(obj)
        return b"%d 0 R" % self.numbers[key]

    def unparsed(self, obj: Any, source: Any) -> bytes:
        """``obj`` (its content, if indirect) as qpdf writes it, its references renumbered
        as :meth:`ref` does: one C++ call and a substitution, where :meth:`value` walks every
        key and item in Python (a tagged chunk has thousands of structure elements). An
        object that holds a string (which may read like a reference) goes through
        :meth:`value`; ``source`` is the PDF ``obj`` comes from."""
        data = bytes(obj.unparse(resolved=True))
        if b"(" in data or b"<" in data.replace(b"<<", b"").replace(b">>", b""):
            return self.value(obj, top=True)

        def renumber(match: re.Match[bytes]) -> bytes:
            key = (int(match[1]), int(match[2]))
            number = self.numbers.get(key)
            return b"%d 0 R" % number if number is not None else self.ref(source.get_object(key))

        return _REFERENCE.sub(renumber, data)

    def value(self, obj: Any, top: bool = False) -> bytes:
        pikepdf = self.pikepdf
        if not isinstance(obj, pikepdf.Object):
            return b"null" if obj is None else _number(obj)
        if obj.is_indirect and not top:
            return self.ref(obj)
        if isinstance(obj, pikepdf.Array):
            return b"[" + b" ".join(self.value(item) for item in obj) + b"]"
        if isinstance(obj, pikepdf.Dictionary | pikepdf.Stream):
            return self.dictionary(obj.items() if isinstance(obj, pikepdf.Dictionary)
                                   else obj.stream_dict.items())
        return bytes(obj.unparse())

    def dictionary(self, items: Any, skip: tuple[str, ...] = ()) -> bytes:
        parts = [b"<<"]
        for key, item in items:
            if key not in skip:
                parts.append(bytes(self.pikepdf.Name(key).unparse()) + b" " + self.value(item))
        return b" ".join(parts) + b" >>"

    def page(self, page: Any, number: int) -> None:
        self.numbers[page.objgen] = number
        extra = []
        for key in ("/Resources", "/MediaBox", "/CropBox", "/Rotate"):
            if key not in page:  # inherited from the source's page tree: made explicit
                node = page.get("/Parent")
                while node is not None and key not in node:
                    node = node.get("/Parent")
                if node is not None:
                    extra.append((key, node[key]))
        body = self.dictionary([*page.items(), *extra], skip=("/Parent",))
        self.out.write(number, body[:-2] + b"/Parent %d 0 R >>" % self.pages_root)

    def drain(self, source: Any = None) -> None:
        """Write the queued objects (and those they refer to); ``source`` (the PDF they come
        from): in qpdf's form (:meth:`unparsed`): only for a structure tree's elements."""
        while self.queue:
            obj = self.queue.pop()
            number = self.numbers[obj.objgen]
            if source is not None and not isinstance(obj, self.pikepdf.Stream):
                self.out.write(number, self.unparsed(obj, source))
            elif isinstance(obj, self.pikepdf.Stream):
                raw = obj.read_raw_bytes()
                items = [(k, v) for k, v in obj.stream_dict.items() if k != "/Length"]
                body = self.dictionary([*items, ("/Length", len(raw))])
                self.out.write(number, body, raw)
            else:
                self.out.write(number, self.value(obj, top=True))


@dataclass(slots=True)
class _Node:
    title: str
    page: int  # object number of the page
    rest: bytes  # the destination after the page: "/XYZ x y 0"
    children: list[_Node] = field(default_factory=list)


def _outline_tree(items: Sequence[tuple[int, str, int, bytes]]) -> list[_Node]:
    roots: list[_Node] = []
    parents: list[_Node] = []
    for depth, title, page, rest in items:
        node = _Node(title, page, rest)
        del parents[depth:]
        (parents[-1].children if parents else roots).append(node)
        parents.append(node)
    return roots


def _write_outline(out: _Out, roots: list[_Node]) -> int:
    import pikepdf

    top = out.reserve()

    def level(nodes: list[_Node], parent: int) -> tuple[int, int, int]:
        numbers = [out.reserve() for _ in nodes]
        total = 0
        for i, (node, number) in enumerate(zip(nodes, numbers, strict=True)):
            title = bytes(pikepdf.String(node.title).unparse())
            body = b"<< /Title %s /Parent %d 0 R /Dest [%d 0 R %s]" % (title, parent, node.page, node.rest)
            if i:
                body += b" /Prev %d 0 R" % numbers[i - 1]
            if i < len(nodes) - 1:
                body += b" /Next %d 0 R" % numbers[i + 1]
            if node.children:
                first, last, _ = level(node.children, number)
                # closed: a negative count of the visible descendants it would show
                body += b" /First %d 0 R /Last %d 0 R /Count -%d" % (first, last, len(node.children))
            out.write(number, body + b" >>")
            total += 1
        return numbers[0], numbers[-1], total

    if roots:
        first, last, count = level(roots, top)
        out.write(top, b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (first, last, count))
    else:
        out.write(top, b"<< /Type /Outlines /Count 0 >>")
    return top


def _rest(copier: _Copier, dest: Any) -> bytes:
    """A destination after its page: "/XYZ 62.25 522.9 0"."""
    return b" ".join(copier.value(item) for item in list(dest)[1:])


@dataclass(slots=True)
class _Joined:
    """What the join keeps of the pieces it has copied: a few numbers a page."""

    pages: list[int] = field(default_factory=list)  # object numbers of the pages
    outline: list[tuple[int, str, int, bytes]] = field(default_factory=list)
    dests: dict[str, tuple[int, bytes]] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)  # destination names that links use
    files: list[tuple[str, int]] = field(default_factory=list)
    catalog: list[tuple[str, bytes]] = field(default_factory=list)  # the front's PDF/A entries
    info: int | None = None
    front_pages: int = 0
    structure: Structure = field(default_factory=Structure)  # a tagged volume's joined tree


def _links(source: Any, joined: _Joined) -> None:
    """Links to another piece become links to the named destination; note the names used."""
    import pikepdf

    for page in source.pages:
        for annot in page.obj.get("/Annots", []):
            action = annot.get("/A")
            uri = str(action.get("/URI", "")) if action is not None else ""
            if uri.startswith(SCHEME):
                del annot["/A"]
                annot.Dest = pikepdf.String(uri[len(SCHEME):])
            if isinstance(annot.get("/Dest"), pikepdf.String):
                joined.used.add(str(annot.Dest))


def _copy_piece(out: _Out, pages_root: int, path: str, joined: _Joined, first: bool) -> None:
    import pikepdf
    from pikepdf import NameTree

    with pikepdf.open(path) as source:
        copier = _Copier(out, pages_root)
        numbers = [out.reserve() for _ in source.pages]
        index_of: dict[Any, int] = {page.objgen: n for page, n in zip(source.pages, numbers, strict=True)}
        _links(source, joined)
        shift_keys(source, joined.structure)
        for page, number in zip(source.pages, numbers, strict=True):
            copier.page(page.obj, number)
            copier.drain()
        if "/Outlines" in source.Root:
            joined.outline.extend((depth, title, index_of[dest[0].objgen], _rest(copier, dest))
                                  for depth, title, dest in _outline(source.Root.Outlines))
        names = source.Root.get("/Names")
        if names is not None and "/Dests" in names:
            for name, dest in NameTree(names.Dests).items():
                joined.dests.setdefault(name, (index_of[dest[0].objgen], _rest(copier, dest)))
        if names is not None and "/EmbeddedFiles" in names:
            joined.files.extend((name, int(copier.ref(spec).split()[0]))
                                for name, spec in NameTree(names.EmbeddedFiles).items())
        if first:
            joined.front_pages = len(numbers)
            for key in ("/Metadata", "/OutputIntents", "/Lang", "/MarkInfo", "/ViewerPreferences"):
                if key in source.Root:
                    joined.catalog.append((key, copier.value(source.Root[key])))
            if "/Info" in source.trailer:
                joined.info = int(copier.ref(source.trailer.Info).split()[0])
        copier.drain()
        copy_tree(source, copier, joined.structure)
        joined.pages.extend(numbers)


def _finish(out: _Out, pages_root: int, joined: _Joined) -> None:
    from pikepdf import String

    out.write(pages_root, b"<< /Type /Pages /Count %d /Kids [%s] >>" % (
        len(joined.pages), b" ".join(b"%d 0 R" % n for n in joined.pages)))
    outlines = _write_outline(out, _outline_tree(joined.outline))
    tree = out.reserve()
    listed = b" ".join(bytes(String(name).unparse()) + b" [%d 0 R %s]" % joined.dests[name]
                       for name in sorted(joined.dests) if name in joined.used)
    out.write(tree, b"<< /Names [%s] >>" % listed)
    names_entry = b"/Dests %d 0 R" % tree
    catalog = b"<< /Type /Catalog /Pages %d 0 R /Outlines %d 0 R" % (pages_root, outlines)
    if joined.files:
        unique = dict(sorted(dict(reversed(joined.files)).items()))
        embedded = out.reserve()
        out.write(embedded, b"<< /Names [%s] >>" % b" ".join(
            bytes(String(name).unparse()) + b" %d 0 R" % n for name, n in unique.items()))
        names_entry += b" /EmbeddedFiles %d 0 R" % embedded
        catalog += b" /AF [%s]" % b" ".join(b"%d 0 R" % n for n in unique.values())
    catalog += b" /Names << %s >>" % names_entry
    catalog += b" /PageLabels << /Nums [0 << /S /r >> %d << /S /D >>] >>" % joined.front_pages
    catalog += b" /PageMode /UseOutlines"
    for key, value in joined.catalog:
        catalog += b" " + key.encode() + b" " + value
    catalog += finish_structure(out, joined.structure)
    root = out.reserve()
    out.write(root, catalog + b" >>")
    out.close(root, joined.info)


def join(front: str, pieces: Sequence[str], target: Path) -> int:
    """The front matter's PDF (its pages numbered i, ii, …, its PDF/A metadata kept) and
    then the pieces' pages (numbered 1, 2, …) as one PDF at ``target``; returns the number
    of pages."""
    joined = _Joined()
    with open(target, "wb") as handle:
        out = _Out(handle)
        pages_root = out.reserve()
        for number, path in enumerate([front, *pieces]):
            _copy_piece(out, pages_root, path, joined, first=number == 0)
        _finish(out, pages_root, joined)
    return len(joined.pages)
