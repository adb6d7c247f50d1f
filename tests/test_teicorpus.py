"""Many cables as one teiCorpus (issue 14, item 7): ids unique across it, every local pointer
resolving inside its own cable, valid against tei_all; the same cable twice is renamed."""

from __future__ import annotations

import collections
import copy
from pathlib import Path

from lxml import etree

from convert import schema
from convert.model import NS, Cable
from convert.teicorpus import tei_corpus

HERE = Path(__file__).resolve().parent
GOLDEN = sorted((HERE / "golden").glob("*.tei.xml"))
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def _cable(path: Path) -> Cable:
    tei = etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    return Cable(tei=tei, source=path.name)


def test_ids_are_unique_across_the_corpus_and_pointers_resolve_in_their_cable(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    cables = [_cable(p) for p in GOLDEN]
    twice = _cable(HERE / "golden" / "09BEIJING1463.tei.xml")  # the same cable from a second input
    corpus = tei_corpus([*cables, twice], "Eight cables")
    ids = [str(i) for i in corpus.xpath("//@xml:id")]
    assert len(ids) > 100
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    members = corpus.xpath("t:TEI", namespaces=NS)
    assert [m.get(XML_ID) for m in members][-2:] == ["c09THEHAGUE582", "c09BEIJING1463.2"]
    for tei in members:
        own = {str(i) for i in tei.xpath(".//@xml:id")} | {tei.get(XML_ID)}
        for value in tei.xpath(".//@target | .//@ana | .//@source | .//@resp | .//@who | .//@corresp"):
            for token in str(value).split():
                if token.startswith("#"):
                    assert token[1:] in own, (tei.get(XML_ID), token)
        # each member is still a valid cable document (its ids renamed, nothing else)
        assert not schema.errors(schema.profile_schema(), copy.deepcopy(tei))
    assert not schema.errors(schema.tei_all_schema(), corpus)
    # the inputs are not changed
    assert twice.tei.get(XML_ID) == "c09BEIJING1463"


def test_a_tei_volume_is_one_tei_corpus_and_reads_back_as_its_cables(tmp_path, assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    """``--book --to tei``: one teiCorpus (ids unique, tei_all valid); read back, the same
    cables come out, in volume order (a volume is an input like any TEI)."""
    from convert.cli import main
    from convert.options import ReadOptions
    from convert.readers import Source, load_source

    data = HERE.parent / "data"
    assert main([str(data), "--book", "--to", "tei", "-o", str(tmp_path), "--sort", "id", "-q"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cable-taxonomy.xml", "volume.tei.xml"]
    corpus = etree.parse(str(tmp_path / "volume.tei.xml")).getroot()
    assert corpus.tag == "{http://www.tei-c.org/ns/1.0}teiCorpus"
    ids = [str(i) for i in corpus.xpath("//@xml:id")]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    assert not schema.errors(schema.tei_all_schema(), corpus)
    members = [m.get(XML_ID) for m in corpus.xpath("t:TEI", namespaces=NS)]
    assert len(members) >= 8 and members == sorted(members)
    back = list(load_source(Source(name="volume.tei.xml", path=str(tmp_path / "volume.tei.xml")), ReadOptions()))
    assert [c.tei.get(XML_ID) for c in back] == members  # type: ignore[union-attr]
    for cable in back:
        assert_valid_tei(cable.tei)  # type: ignore[union-attr]


def test_a_tei_corpus_input_is_checked_like_any_tei() -> None:
    """Read back, a teiCorpus is parsed as safely as a cable's TEI (a DOCTYPE is refused) and
    one with no TEI in it, or a member that is not a valid cable, is a typed error."""
    import pytest

    from convert.errors import InvalidTEIError, UnsafeInputError
    from convert.readers import tei as tei_reader

    corpus = tei_corpus([_cable(p) for p in GOLDEN[:2]], "Two")
    data = etree.tostring(corpus, xml_declaration=True, encoding="UTF-8")
    assert len(tei_reader.read_all(data, "v.tei.xml")) == 2
    with pytest.raises(UnsafeInputError):
        tei_reader.read_all(data.replace(b"?>", b'?><!DOCTYPE teiCorpus [<!ENTITY x "y">]>', 1), "v.tei.xml")
    empty = copy.deepcopy(corpus)
    for member in empty.xpath("t:TEI", namespaces=NS):
        empty.remove(member)
    with pytest.raises(InvalidTEIError, match="no TEI document"):
        tei_reader.read_all(etree.tostring(empty), "v.tei.xml")
    broken = copy.deepcopy(corpus)
    idno = broken.xpath("t:TEI[2]//t:publicationStmt/t:idno", namespaces=NS)[0]
    idno.getparent().remove(idno)
    with pytest.raises(InvalidTEIError):
        tei_reader.read_all(etree.tostring(broken), "v.tei.xml")
