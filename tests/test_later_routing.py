"""Header facts a text gives away from its head (issue 10, pasted id/origin/references): a
partial extract's routing block repeated inside the text, a REF list cut short and written
whole later, the year of references without one (how sure, and marked so)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert.model import NS, RawCable
from convert.normalize import normalize, normalize_traced
from convert.normalize.parsed import Field
from convert.normalize.rules.routing import same_station
from convert.normalize.rules.years import MEASURED, declassification_year
from convert.writers.json import record

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
LATER = (FIXTURES / "later-routing.txt").read_text(encoding="utf-8")


def rec(text: str) -> dict[str, object]:
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    return {**record(cable), "warnings": cable.warnings}


def test_the_repeated_routing_block_gives_id_date_origin_and_addressees() -> None:
    got = rec(LATER)
    assert (got["id"], got["date"], got["origin"], got["from"]) == (
        "02ROME3639", "2002-07-23T16:25:00Z", "Embassy Rome", "AMEMBASSY ROME"
    )
    assert [a["name"] for a in got["to"]] == ["SECSTATE WASHDC"]  # type: ignore[index]
    assert any("read from the routing block inside the text" in w for w in got["warnings"])  # type: ignore[union-attr]


def test_the_repeated_block_stays_in_the_text() -> None:
    tei = normalize(RawCable(source="pasted.txt", form="text", body=LATER)).tei
    text = " ".join(" ".join(tei.xpath("//t:text//text()", namespaces=NS)).split())
    assert "P 231625Z JUL 02 FM AMEMBASSY ROME TO SECSTATE WASHDC PRIORITY 5040" in text


def test_a_routing_block_of_another_station_is_not_the_cables() -> None:
    """A cable quoted in the text (another office's FM line) gives this one no date or sender."""
    quoted = LATER.replace("FM AMEMBASSY ROME", "FM AMEMBASSY PARIS")
    got = rec(quoted)
    assert (got["id"], got["date"], got["from"]) == (None, None, None)


def test_a_head_with_its_own_header_is_not_overridden() -> None:
    text = "P 011200Z JAN 02\nFM AMEMBASSY ROME\nTO SECSTATE WASHDC 0001\n\n" + LATER.split("\n", 2)[2]
    assert rec(text)["date"] == "2002-01-01T12:00:00Z"


@pytest.mark.parametrize(
    ("sender", "station", "same"),
    [
        ("AMEMBASSY ROME", "ROME", True),
        ("SECSTATE WASHDC", "STATE", True),
        ("AMEMBASSY VATICAN", "VATICA", True),  # a page line's six letters
        ("USMISSION USNATO", "USNATO", True),
        ("AMEMBASSY PARIS", "ROME", False),
        ("AMCONSUL MILAN", "ROME", False),
    ],
)
def test_same_station(sender: str, station: str, same: bool) -> None:
    assert same_station(sender, station) is same


@pytest.mark.parametrize(
    ("decl", "year"),
    [
        ("07/13/2013", 2003),  # ten years, the usual period
        ("04/05/2009", 2004),  # ten would put it before the record's cables: five
        ("10/18/2027", 2007),  # twenty
        ("12/29/2034", 2009),  # twenty-five
        ("12-29-13", 2003),  # dashes, two digits
        ("2019/12/31", 2009),  # the later form, year first
        ("10/18/2025", 2010),  # fifteen: the first period that puts it in 2001-2010
    ],
)
def test_declassification_year_by_era(decl: str, year: int) -> None:
    eo = Field("eo", (f"E.O. 12958: DECL: {decl}",))
    found = declassification_year([eo], [])
    assert found is not None and found[0] == year and found[2] is True  # a guess


def _decl_year(decl: str, lines: list[str], refs: str | None = None, notice: bool = False) -> int | None:
    fields = [Field("eo", (f"E.O. 12958: DECL: {decl}",))]
    if refs:
        fields.append(Field("refs", (refs,)))
    if notice:
        fields.insert(0, Field("notice", ("This record is a partial extract of the original cable.",)))
    found = declassification_year(fields, lines)
    return found[0] if found else None


def test_a_partial_extract_is_of_2006_at_the_latest() -> None:
    # DECL 2025: fifteen years (2010) unless the text is a partial extract (none after 2006): twenty
    assert _decl_year("10/18/2025", []) == 2010
    assert _decl_year("10/18/2025", [], notice=True) == 2005


def test_a_cable_is_no_earlier_than_a_cable_its_ref_field_names_with_a_year() -> None:
    # DECL 2014: ten years (2004); a cable that cites 05 SAN JOSE 1455 is of 2005 at the earliest: five (2009)
    assert _decl_year("05/08/2014", []) == 2004
    assert _decl_year("05/08/2014", [], refs="REF: A. 05 SAN JOSE 1455 B. STATE 12") == 2009


def test_the_latest_full_date_picks_among_the_periods_allowed() -> None:
    assert _decl_year("04/07/2025", ["On August 3, 2005 the dailies reported"]) == 2005  # twenty years
    assert _decl_year("04/07/2025", ["met on 29 July 2010 to discuss"]) == 2010  # fifteen
    assert _decl_year("04/07/2025", ["the 1998 accord"]) == 2010  # not a full date: the first period
    assert _decl_year("04/07/2025", ["On August 3, 2012 elections"]) == 2010  # no period gives 2012


def test_the_warning_quotes_the_measured_accuracy() -> None:
    found = declassification_year([Field("eo", ("E.O. 12958: DECL: 07/05/2013",))], [])
    assert found is not None and f"right for {MEASURED} of the cablegate pages" in found[1]


def test_a_guessed_year_is_marked_so_in_the_tei_and_the_record() -> None:
    text = (FIXTURES / "declassification-year.txt").read_text(encoding="utf-8")
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    assert cable.tei.xpath("//t:correspContext/t:ref/@subtype", namespaces=NS) == ["year-guessed"]
    assert any("a guess" in w for w in cable.warnings)


def test_a_certain_year_is_only_inferred() -> None:
    text = (FIXTURES / "own-id-year.txt").read_text(encoding="utf-8")
    cable = normalize(RawCable(source="pasted.txt", form="text", body=text))
    assert cable.tei.xpath("//t:correspContext/t:ref/@subtype", namespaces=NS) == ["year-inferred"]
    assert cable.tei.xpath("//t:correspContext/t:ref/@target", namespaces=NS) == ["cable:04PANAMA730"]


def test_a_later_copy_that_is_another_list_is_not_taken() -> None:
    text = (FIXTURES / "cut-refs.txt").read_text(encoding="utf-8")
    other = text.replace("REF: A. STATE 244333 B. USEU", "REF: A. STATE 999999 B. USEU")
    done = normalize_traced(RawCable(source="pasted.txt", form="text", body=other))
    assert "cut-refs" not in done.fired
    assert next(r.target for r in done.parsed.facts.refs) == "04STATE244333"


def test_an_email_header_above_the_routing_header_is_not_the_cable() -> None:
    got = rec((FIXTURES / "email-preface.txt").read_text(encoding="utf-8"))
    assert (got["id"], got["date"], got["origin"]) == ("08TRIPOLI412", "2008-06-02T14:10:00Z", "Embassy Tripoli")
    assert [r["id"] for r in got["references"]] == ["08TRIPOLI398"]  # type: ignore[attr-defined]


def test_a_sent_line_without_a_routing_header_after_it_is_left_alone() -> None:
    from convert.normalize.rules.preface import email_preface
    from convert.normalize.rules.ruler import Run

    lines = ["From: someone", "Sent: Monday, June 02, 2008 4:12 PM", "To: EACTTripoli", "", "UNCLAS ROME 000123", ""]
    assert email_preface(lines, Run()) == 0
    assert email_preface([*lines[:4], "VZCZCXRO1234", "RR RUEHRO"], Run()) == 4
    assert email_preface(["Sent: yesterday", "nothing else", "VZCZCXRO1234"], Run()) == 0  # no To/Subject after it
