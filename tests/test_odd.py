"""The ODD (``convert/schema/cable-tei.odd``) and the RELAX NG schema (``cable-tei.rng``) say
the same (issue 14): no ODD processor runs here, so this test keeps them in agreement. For
every element and attribute whose values the RELAX NG schema closes to a list, the ODD has a
closed ``valList`` with the same values, each described; no closed list of the ODD is one the
schema does not close. The ODD's taxonomy list is the shared taxonomy's ids."""

from __future__ import annotations

import collections
from pathlib import Path

from lxml import etree

from convert import schema, taxonomy

SCHEMA = Path(schema.__file__).resolve().parent
R = "{http://relaxng.org/ns/structure/1.0}"
T = "{http://www.tei-c.org/ns/1.0}"


def _parse(name: str) -> etree._Element:
    return etree.parse(str(SCHEMA / name), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


def _values(node: etree._Element, defines: dict[str, etree._Element], seen: tuple[str, ...] = ()
            ) -> tuple[set[str], bool]:
    """The values an attribute pattern allows, and whether it allows others too (data, text)."""
    values: set[str] = set()
    open_ = False
    for child in node:
        if child.tag == R + "value":
            values.add(child.text or "")
        elif child.tag in (R + "choice", R + "group", R + "optional"):
            more, wider = _values(child, defines, seen)
            values |= more
            open_ |= wider
        elif child.tag == R + "ref" and child.get("name") not in seen:
            more, wider = _values(defines[child.get("name", "")], defines, (*seen, child.get("name", "")))
            values |= more
            open_ |= wider
        elif child.tag in (R + "data", R + "text"):
            open_ = True
    return values, open_


def _attributes(node: etree._Element, defines: dict[str, etree._Element], seen: tuple[str, ...] = ()
                ) -> list[etree._Element]:
    """The attribute patterns of an element (not of the elements inside it), through refs to
    defines that are attribute patterns."""
    found: list[etree._Element] = []
    for child in node:
        if child.tag == R + "element":
            continue
        if child.tag == R + "attribute":
            found.append(child)
        elif child.tag == R + "ref":
            name = child.get("name", "")
            target = defines[name]
            if name not in seen and not any(c.tag == R + "element" for c in target):
                found += _attributes(target, defines, (*seen, name))
        else:
            found += _attributes(child, defines, seen)
    return found


def closed_lists_of_the_schema() -> dict[tuple[str, str], set[str]]:
    rng = _parse(schema.PROFILE)
    defines = {d.get("name", ""): d for d in rng.iter(R + "define")}
    table: dict[tuple[str, str], list[object]] = collections.defaultdict(lambda: [set(), False])
    for element in rng.iter(R + "element"):
        if not element.get("name"):
            continue
        for attribute in _attributes(element, defines):
            values, open_ = _values(attribute, defines)
            entry = table[(element.get("name", ""), attribute.get("name", ""))]
            entry[0] |= values  # type: ignore[operator]
            entry[1] = bool(entry[1]) or open_
    return {key: values for key, (values, open_) in table.items() if not open_ and values}  # type: ignore[misc]


def closed_lists_of_the_odd() -> dict[tuple[str, str], dict[str, str]]:
    odd = _parse("cable-tei.odd")
    lists: dict[tuple[str, str], dict[str, str]] = {}
    for spec in odd.iter(T + "elementSpec"):
        for att in spec.iter(T + "attDef"):
            for val_list in att.iter(T + "valList"):
                if val_list.get("type") == "closed":
                    lists[(spec.get("ident", ""), att.get("ident", ""))] = {
                        item.get("ident", ""): " ".join("".join(item.itertext()).split())
                        for item in val_list.iter(T + "valItem")}
    return lists


def disagreements(rng: dict[tuple[str, str], set[str]], odd: dict[tuple[str, str], dict[str, str]]
                  ) -> dict[tuple[str, str], tuple[list[str], list[str]]]:
    """(element, attribute) -> (values only the schema allows, values only the ODD lists)."""
    return {key: (sorted(rng.get(key, set()) - set(odd.get(key, {}))),
                  sorted(set(odd.get(key, {})) - rng.get(key, set())))
            for key in set(rng) | set(odd) if rng.get(key, set()) != set(odd.get(key, {}))}


def test_the_odd_and_the_schema_close_the_same_lists() -> None:
    rng, odd = closed_lists_of_the_schema(), closed_lists_of_the_odd()
    assert len(rng) > 30
    assert disagreements(rng, odd) == {}


def test_every_value_is_described() -> None:
    undescribed = [(key, value) for key, values in closed_lists_of_the_odd().items()
                   for value, desc in values.items() if len(desc) < 3]
    assert undescribed == []


def test_the_odd_lists_the_shared_taxonomy() -> None:
    odd = _parse("cable-tei.odd")
    listed = {i.text for i in odd.iter(T + "ident") if i.get("type") == "category"}
    assert listed == set(taxonomy.category_ids())


def test_the_odd_is_valid_tei() -> None:
    assert schema.errors(schema.tei_all_schema(), _parse("cable-tei.odd")) == []


def test_a_value_added_to_one_side_alone_is_found() -> None:
    """The agreement test can fail: a new seg type in the schema only, a new list in the ODD only."""
    rng, odd = closed_lists_of_the_schema(), closed_lists_of_the_odd()
    rng[("seg", "type")] = rng[("seg", "type")] | {"new-kind"}
    odd[("pb", "type")] = {"page": "A page."}
    assert disagreements(rng, odd) == {("seg", "type"): (["new-kind"], []), ("pb", "type"): ([], ["page"])}
