"""The structure trees of a tagged volume's pieces, joined into one (see :mod:`.pdf_join`).

Each piece is a tagged PDF of its own: a ``StructTreeRoot`` whose one ``Document`` element
holds the piece's elements, a ``ParentTree`` from each page's marked content (and each
link) to its elements, keyed by the page's ``/StructParents`` (the link's ``/StructParent``),
an ``IDTree`` of the notes. The joined file has one ``Document`` holding every piece's
elements in order, one ``ParentTree`` whose keys are the pieces' keys shifted past those of
the pieces before, one ``IDTree``. As for the pages, only numbers are kept between pieces:
the elements are copied with the piece's pages, and a piece's ``Document`` and root become
the joined ones (their object numbers are reserved first), so every ``/P`` points into the
joined tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import RenderError


@dataclass(slots=True)
class Structure:
    """The joined tree so far: object numbers and keys, a few a page."""

    root: int = 0  # the joined StructTreeRoot (0: no piece was tagged)
    document: int = 0  # its Document element
    kids: list[int] = field(default_factory=list)  # the Document's elements
    parents: list[tuple[int, int]] = field(default_factory=list)  # ParentTree key -> object
    ids: dict[str, int] = field(default_factory=dict)  # IDTree
    next_key: int = 0
    untagged: int = 0  # pieces without a structure tree


def shift_keys(source: Any, structure: Structure) -> None:
    """Before a piece's pages are copied: move its pages' and annotations' keys past the keys
    of the pieces before it (in memory: the piece's file is not written)."""
    if "/StructTreeRoot" not in source.Root:
        return
    offset = structure.next_key
    for page in source.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + offset
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + offset


def copy_tree(source: Any, copier: Any, structure: Structure) -> None:
    """After a piece's pages are copied: its elements, ParentTree and IDTree (keys already
    shifted by :func:`shift_keys`)."""
    import pikepdf

    root = source.Root.get("/StructTreeRoot")
    if root is None:
        structure.untagged += 1
        return
    out = copier.out
    if not structure.root:
        structure.root, structure.document = out.reserve(), out.reserve()
    kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
    for document in kids:
        copier.numbers[document.objgen] = structure.document
        inner = document.get("/K")
        items = inner if isinstance(inner, pikepdf.Array) else [] if inner is None else [inner]
        structure.kids.extend(_number(copier.ref(kid)) for kid in items)
    copier.numbers[root.objgen] = structure.root
    offset = last = structure.next_key  # the shift of :func:`shift_keys`
    for key, value in pikepdf.NumberTree(root.ParentTree).items():
        if value.is_indirect:  # a link's element
            number = _number(copier.ref(value))
        else:  # a page's array of elements, one per marked-content id
            number = out.reserve()
            out.write(number, copier.unparsed(value, source))
        structure.parents.append((offset + int(key), number))
        last = max(last, offset + int(key) + 1)
    structure.next_key = last
    if "/IDTree" in root:
        for name, element in pikepdf.NameTree(root.IDTree).items():
            structure.ids.setdefault(name, _number(copier.ref(element)))
    copier.drain(source)  # the elements: in qpdf's form (the pages' objects are copied already)


def _number(reference: bytes) -> int:
    return int(reference.split()[0])


def finish(out: Any, structure: Structure) -> bytes:
    """Write the joined tree; returns the catalog's entries for it (empty when untagged)."""
    from pikepdf import String

    if not structure.root:
        return b""
    if structure.untagged:  # never a volume that claims PDF/UA without its tree
        raise RenderError("--book", f"{structure.untagged} pieces of a tagged volume have no structure tree")
    out.write(structure.document, b"<< /Type /StructElem /S /Document /P %d 0 R /K [%s] >>" % (
        structure.root, b" ".join(b"%d 0 R" % n for n in structure.kids)))
    parents = out.reserve()
    out.write(parents, b"<< /Nums [%s] >>" % b" ".join(
        b"%d %d 0 R" % item for item in sorted(structure.parents)))
    entries = b"<< /Type /StructTreeRoot /K [%d 0 R] /ParentTree %d 0 R /ParentTreeNextKey %d" % (
        structure.document, parents, structure.next_key)
    if structure.ids:
        ids = out.reserve()
        out.write(ids, b"<< /Names [%s] >>" % b" ".join(
            bytes(String(name).unparse()) + b" %d 0 R" % structure.ids[name] for name in sorted(structure.ids)))
        entries += b" /IDTree %d 0 R" % ids
    out.write(structure.root, entries + b" >>")
    return b" /StructTreeRoot %d 0 R" % structure.root
