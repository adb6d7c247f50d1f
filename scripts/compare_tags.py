"""Compare the structure trees of two tagged PDFs node by node, object numbers aside.

    python scripts/compare_tags.py OLD.pdf NEW.pdf [OLD2.pdf NEW2.pdf ...]

Each tree is walked from the ``StructTreeRoot`` in reading order; a node is written down as
its type (``/S``), its page (the index of ``/Pg`` among the pages), ``/Alt``, ``/Lang``,
``/ID``, any other key, and its kids in order: marked-content ids (with their page when a
kid says so), object references (the annotation's page and place on that page) and child
elements (by their place in the walk). The ``ParentTree`` (each key: an array of elements
by their place in the walk, or ``null``, or one element) and the ``IDTree`` (each name: an
element) are compared the same way. Two files whose trees differ only in object numbers or
in how the objects are written print ``same``; otherwise the first differences. Exits 1 on
any difference (the tree as the checkers and a screen reader see it).
"""

from __future__ import annotations

import sys
from typing import Any

Node = tuple[Any, ...]


def _plain(value: Any, pages: dict[tuple[int, int], int], places: dict[tuple[int, int], int],
           annots: dict[tuple[int, int], tuple[int, int]]) -> Any:
    import pikepdf

    if isinstance(value, pikepdf.Array):
        return tuple(_plain(item, pages, places, annots) for item in value)
    if isinstance(value, pikepdf.Dictionary):
        if value.is_indirect and value.objgen in places:
            return ("element", places[value.objgen])
        if value.is_indirect and value.objgen in pages:
            return ("page", pages[value.objgen])
        if value.is_indirect and value.objgen in annots:
            return ("annot", *annots[value.objgen])
        return tuple(sorted((key, _plain(item, pages, places, annots)) for key, item in value.items()
                            if key != "/P"))
    if isinstance(value, pikepdf.Object):
        return str(value) if isinstance(value, pikepdf.String | pikepdf.Name) else repr(value)
    return value


def walk(path: str) -> dict[str, Any]:
    """The tree of ``path`` without object numbers: its nodes, ParentTree and IDTree."""
    import pikepdf

    with pikepdf.open(path) as pdf:
        pages = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
        annots = {annot.objgen: (pages[page.obj.objgen], i) for page in pdf.pages
                  for i, annot in enumerate(page.obj.get("/Annots", []))}
        root = pdf.Root.StructTreeRoot
        order: list[Any] = []
        places: dict[tuple[int, int], int] = {}
        stack = list(reversed(list(root.K))) if isinstance(root.K, pikepdf.Array) else [root.K]
        while stack:
            node = stack.pop()
            places[node.objgen] = len(order)
            order.append(node)
            kids = node.get("/K")
            items = list(kids) if isinstance(kids, pikepdf.Array) else [] if kids is None else [kids]
            stack.extend(reversed([k for k in items if isinstance(k, pikepdf.Dictionary)
                                   and k.get("/Type", pikepdf.Name.StructElem) == "/StructElem"
                                   and "/S" in k]))
        nodes = []
        for node in order:
            parent = node.get("/P")
            nodes.append((
                _plain(node.get("/K"), pages, places, annots),
                ("parent", places.get(parent.objgen, -1) if parent is not None else None),
                *((key, _plain(value, pages, places, annots)) for key, value in sorted(node.items())
                  if key not in ("/K", "/P"))))
        parent_tree = {int(key): _plain(value, pages, places, annots)
                       for key, value in pikepdf.NumberTree(root.ParentTree).items()}
        ids = ({str(name): _plain(value, pages, places, annots)
                for name, value in pikepdf.NameTree(root.IDTree).items()} if "/IDTree" in root else {})
        return {"nodes": nodes, "parent tree": parent_tree, "id tree": ids,
                "next key": int(root.get("/ParentTreeNextKey", -1))}


def compare(old: str, new: str) -> list[str]:
    """The differences between the trees of ``old`` and ``new`` (empty: the same)."""
    a, b = walk(old), walk(new)
    problems: list[str] = []
    if len(a["nodes"]) != len(b["nodes"]):
        problems.append(f"{len(a['nodes'])} nodes against {len(b['nodes'])}")
    for place, (x, y) in enumerate(zip(a["nodes"], b["nodes"], strict=False)):
        if x != y:
            problems.append(f"node {place}: {x} != {y}")
            break
    for name in ("parent tree", "id tree", "next key"):
        if a[name] != b[name]:
            problems.append(f"{name} differs")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) < 2 or len(argv) % 2:
        print(__doc__, file=sys.stderr)
        return 2
    failed = 0
    for old, new in zip(argv[::2], argv[1::2], strict=True):
        tree = walk(old)
        problems = compare(old, new)
        status = "same" if not problems else "DIFFERENT: " + "; ".join(problems)[:2000]
        print(f"{old} {new}: {len(tree['nodes'])} nodes, {len(tree['parent tree'])} ParentTree keys, "
              f"{len(tree['id tree'])} IDs: {status}")
        failed += bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
