"""Identifiers and data typing in the TEI (issue 14, item 8): an id on TEI and on every block,
ids unique per cable and across cables, a listPrefixDef for every private URI prefix, dates
typed with their zone and checked against the calendar, the precedence apart from the DTG."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from lxml import etree

from convert import schema
from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.normalize.build.ids import document_id

HERE = Path(__file__).resolve().parent
GOLDEN = sorted((HERE / "golden").glob("*.tei.xml"))
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
NCNAME = re.compile(r"[A-Za-z_][A-Za-z0-9._-]*")
BLOCKS = ("p", "head", "ab", "list", "opener", "closer")


def _tree(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


def _ids(tei: etree._Element) -> list[str]:
    return [str(i) for i in tei.xpath("//@xml:id")]


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_every_block_has_an_id_that_begins_with_the_cables(path: Path) -> None:
    tei = _tree(path)
    cable_id = tei.findtext(".//{*}publicationStmt/{*}idno[@type='cable-id']")
    assert tei.get(XML_ID) == "c" + cable_id
    ids = _ids(tei)
    assert len(ids) == len(set(ids)), [i for i, n in collections.Counter(ids).items() if n > 1]
    assert all(NCNAME.fullmatch(i) and i.startswith(tei.get(XML_ID)) for i in ids)
    for name in BLOCKS:
        for node in tei.xpath(f"//t:text//t:{name}[not(parent::t:list)]", namespaces=NS):
            assert node.get(XML_ID), f"{name} without an id"
    # a numbered paragraph is cited by its number
    for p in tei.xpath("//t:div[@type='telegram']/t:p[@n]", namespaces=NS):
        assert p.get(XML_ID).startswith(f"c{cable_id}-p{p.get('n')}")
    # every local pointer names an id of the document (and none is left as a fixed name)
    for value in tei.xpath("//@target | //@ana | //@source | //@resp | //@who | //@corresp | //@scheme"):
        for token in str(value).split():
            if token.startswith("#"):
                assert token[1:] in ids, token


def test_ids_never_collide_when_the_goldens_are_combined() -> None:
    everything = [i for path in GOLDEN for i in _ids(_tree(path))]
    assert len(everything) > 100
    assert len(everything) == len(set(everything))


def test_the_private_prefixes_are_declared() -> None:
    tei = _tree(HERE / "golden" / "09BEIJING1463.tei.xml")
    prefixes = {d.get("ident"): d for d in tei.xpath("//t:listPrefixDef/t:prefixDef", namespaces=NS)}
    assert set(prefixes) == {"cable", "ctax"}
    used = {str(v).split(":", 1)[0] for v in tei.xpath("//@target | //@ana | //@scheme") if ":" in str(v)}
    assert used <= set(prefixes)
    # the pattern turns a pointer into a URL
    cable = prefixes["cable"]
    assert re.sub(cable.get("matchPattern"), cable.get("replacementPattern").replace("$1", r"\1"), "09STATE41880") == (
        "https://wikileaks.org/plusd/cables/09STATE41880_a.html")


def test_document_id_is_an_ncname_for_any_input() -> None:
    assert document_id("09BEIJING1463", "x") == "c09BEIJING1463"
    # an absolute name with a space and a '#' (the test's own folder: nothing is read)
    for source in (str(HERE / "9 x#12.txt"), "<stdin>", "cables.csv#3", "ü.txt"):
        ident = document_id(None, source)
        assert NCNAME.fullmatch(ident), ident
    c = normalize(RawCable(source="dir/a b#1.txt", form="text", body="SECRET\n\nSUBJECT: X\n\n1. (S) Text.\n"))
    assert NCNAME.fullmatch(c.tei.get(XML_ID))
    assert all(i.startswith(c.tei.get(XML_ID)) for i in _ids(c.tei))


def test_the_dateline_holds_the_date_and_the_precedence_apart() -> None:
    tei = _tree(HERE / "golden" / "09BEIJING1463.tei.xml")
    [dateline] = tei.xpath("//t:opener/t:dateline", namespaces=NS)
    assert [(c.tag.split("}")[1], c.text) for c in dateline] == [("seg", "P"), ("date", "020922Z JUN 09")]
    assert dateline[0].get("type") == "precedence"
    assert "".join(dateline.itertext()) == "P 020922Z JUN 09"  # every character kept
    assert tei.xpath("//t:catRef[@scheme='ctax:precedence']/@target", namespaces=NS) == ["ctax:precedence-priority"]
    # the addressee's precedence is no orgName/@type
    assert not tei.xpath("//t:correspDesc//t:orgName[@type]", namespaces=NS)


@pytest.mark.parametrize("when, ok", [
    ("2009-06-02T09:22:00Z", True), ("2009-06-02", True), ("2008-02-29", True),
    ("2009-13-45", False), ("2009-02-29", False), ("2009-06-02T24:10:00Z", False),
    ("2009-06-02T09:22:00", False),  # a time without its zone
    ("2009-06-02T09:22Z", False),
])
def test_the_profile_types_dates(when: str, ok: bool) -> None:
    tei = _tree(HERE / "golden" / "09BEIJING1463.tei.xml")
    [date] = tei.xpath("//t:correspAction[@type='sent']/t:date", namespaces=NS)
    date.set("when", when)
    assert (not schema.errors(schema.profile_schema(), tei)) is ok


def test_metadata_dates_say_their_zone_or_only_the_day() -> None:
    tei = _tree(HERE / "golden" / "09RABAT988.tei.xml")
    created = tei.xpath("//t:date[@type='created']", namespaces=NS)[0]
    released = tei.xpath("//t:date[@type='released']", namespaces=NS)[0]
    # Created: UTC (its hour is the DTG's, its minutes the hour again on a 12-hour clock: the day only as data);
    # Released: a zone no source states, the day only
    assert (created.get("when"), created.text) == ("2009-12-17", "2009-12-17 18:06")
    assert (released.get("when"), released.text) == ("2010-12-09", "2010-12-09 21:09")
