"""Forms found by reading editions against their pages (session 55) whose mending lies outside one rule's
fixture: each tested on a made-up text of its form beside the nearest form it must leave alone. (The
normalizer's rules have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize
from convert.writers.json import record

_HEAD = """UNCLAS SAN JOSE 000436

SIPDIS

E.O. 12958: N/A
TAGS: {tags}
SUBJECT: COSTA RICA AND THE FREE TRADE AGREEMENT

1. (U) Text.

LANGDALE
"""


def _tags(tags: str) -> list[str]:
    return record(normalize(RawCable(source="p.txt", form="text", body=_HEAD.format(tags=tags))))["tags"]


def test_subject_codes_glued_to_an_organisations_code_and_a_countrys_are_the_codes() -> None:
    """``TAGS: ETRDECONWTOCS`` (07SANJOSE436): subject codes, an organisation's code of three letters and a
    country's code run together read as those codes, as ``ETRDEINVCS`` does; a word that reads so only with a
    country the station table does not know stays as written."""
    assert _tags("ETRDECONWTOCS") == ["ETRD", "ECON", "WTO", "CS"]
    assert _tags("ETRDEINVCS") == ["ETRD", "EINV", "CS"]
    assert _tags("ETRDECONWTOQQ") == ["ETRDECONWTOQQ"]


_ROUTED = """VZCZCXYZ0000
RR RUEHWEB

DE RUEHLO #2621/01 2911213
ZNR UUUUU ZZH
R 171213Z OCT 08
FM AMEMBASSY LONDON
TO RUEHC/SECSTATE WASHDC 0100
INFO RUWDQAC/COMDT COGARD WASHINGTON DC//CG-001/CG-DCO-I//
RUWDQAC/COMDT COGARD WASHINGTON DC//CG-094/CG-2/CG-5/CG-52//
BT
UNCLAS LONDON 002621

SIPDIS

E.O. 12958: N/A
TAGS: EWWT UK
SUBJECT: MARITIME SAFETY COMMITTEE

1. (U) Text.

TUTTLE
"""


def test_an_addressee_with_its_routing_indicator_is_listed_whatever_office_symbols_follow_it() -> None:
    """``INFO RUWDQAC/COMDT COGARD WASHINGTON DC//CG-094/CG-2/CG-5/CG-52//`` (08LONDON2621, 3 pages): an office
    symbol written as a distribution code is (``CG-52``, as ``LOG-00``) does not make the addressee one: with its
    routing indicator it is an addressee, and both are listed."""
    info = record(normalize(RawCable(source="p.txt", form="text", body=_ROUTED)))["info"]
    assert [a["name"] for a in info] == ["COMDT COGARD WASHINGTON DC//CG-001/CG-DCO-I//",
                                         "COMDT COGARD WASHINGTON DC//CG-094/CG-2/CG-5/CG-52//"]


def test_a_title_opened_with_a_single_quotation_mark_is_a_heading() -> None:
    """``‘PLENTY OF GAS’ FOR GEORGIA`` between two paragraphs each on one line (08BAKU947): a title in capitals
    opened by a quotation mark, single or double, is a heading, as ``"SOVEREIGN MINISTRIES" AN …`` is."""
    body = _HEAD.format(tags="ENRG AJ").replace(
        "1. (U) Text.\n", "1. (C) Schrader met the Ambassador.\n‘PLENTY OF GAS’ FOR GEORGIA\n2. (C) He said so.\n")
    blocks = record(normalize(RawCable(source="p.txt", form="text", body=body)))["body"]
    assert [b["text"] for b in blocks if b.get("subtype") == "heading"] == ["‘PLENTY OF GAS’ FOR GEORGIA"]
