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
