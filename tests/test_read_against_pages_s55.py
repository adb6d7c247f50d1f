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
