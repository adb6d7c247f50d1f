"""A quotation sent as ``&`` … ``8`` whose ``&`` and first letters a browser read as an HTML
character reference (issue 10: the page and the text pasted from it agree)."""

from __future__ import annotations

import pytest

from convert.model import RawCable
from convert.normalize import normalize
from convert.normalize.rules.entities import entity_quote
from convert.writers.json import record


@pytest.mark.parametrize(
    ("text", "regs"),
    [
        ("they are \u00ac squeamish8 and", ["\u201cnot", "\u201d"]),
        ("a \u00ace of protest,8 signed", ["\u201cnot", "\u201d"]),
        ("x \u00aeULATIONS FIRST8 y", ["\u201cREG", "\u201d"]),
        ("(\u00b5-trafficking networks8)", ["\u201cmicro", "\u201d"]),
        ("Hollingsworth \u00a3ing on the table8 and", ["\u201cpound", "\u201d"]),
    ],
)
def test_a_reference_read_by_a_browser_opens_a_quotation(text: str, regs: list[str]) -> None:
    assert [choice.reg for _, _, choice in entity_quote(text)] == regs  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text",
    [
        "costs \u00a3 5 million in 2008",  # an amount
        "30 \u00b0C on the A8 road",  # a temperature (no quotation: ° is left alone)
        "\u00a3 for the G8 summit",  # a code's 8 closes nothing
        "the R\u00aeular8",  # inside a word: no & opened it
        "\u00acthing here, and no eight",  # no closing 8
    ],
)
def test_what_is_no_such_quotation_is_left_alone(text: str) -> None:
    assert entity_quote(text) == []


def test_the_pasted_paragraph_reads_as_the_pages() -> None:
    page = "UNCLAS LONDON 000001\n\nSUBJECT: A TEST\n\n1. (U) They are &not squeamish8 here.\n"
    pasted = page.replace("&not", "\u00ac")
    texts = [
        record(normalize(RawCable(source=f"x.{kind}", form="text", body=body)))["paragraphs"][0]["text"]
        for kind, body in (("page", page), ("pasted", pasted))
    ]
    assert texts[0] == texts[1] == "They are \u201cnot squeamish\u201d here."
