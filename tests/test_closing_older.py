"""The closing of the older telegrams: a repeated telegram's end (its own signer, the UNQUOTE
of the quotation it is repeated in, the repeating office's signer), the 1960s downgrading group."""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize_traced

_HEAD = "R 121730Z MAR 77\nFM SECSTATE WASHDC\nTO AMEMBASSY LONDON\nBT\nC O N F I D E N T I A L STATE 057890\n\n"


def _done(text: str):  # type: ignore[no-untyped-def]
    return normalize_traced(RawCable(source="t.txt", form="text", body=_HEAD + text))


def _closer(text: str) -> list[tuple[str, str]]:
    tei = _done(text).cable.tei
    closer = tei.find(".//{http://www.tei-c.org/ns/1.0}closer")
    return [(e.tag.split("}")[1], "".join(e.itertext()).strip()) for e in closer] if closer is not None else []


def test_a_repeated_telegram_ends_with_its_signer_the_unquote_and_the_repeating_signer() -> None:
    body = ("FOLLOWING REPEAT BAGHDAD 0123 ACTION SECSTATE 10 MAR 77\nQUOTE\nSUBJECT: X\n\n"
            "1. THE TEXT OF THE MESSAGE. BAKER\nUNQTE\n\n\nBAKER\n")
    assert _closer(body) == [("signed", "BAKER"), ("fw", "UNQTE"), ("signed", "BAKER")]
    body = "FOLLOWING REPEAT BAGHDAD 0123\nQUOTE\nSUBJECT: X\n\n1. THE TEXT.\nSULLIVAN\nUNQUOTE VANCE\n"
    done = _done(body)
    assert done.cable.view.header.signer == "VANCE"
    assert "repeat-unquote" in done.fired


def test_the_unquote_of_a_quotation_the_text_opens_stays_text() -> None:
    body = "SUBJECT: X\n\n1. FOLLOWING IS THE SPEECH:\n\nQUOTE:\n\nWE ARE GLAD TO BE HERE.\n\nUNQUOTE.\n\n\nSWING\n"
    assert _closer(body) == [("signed", "SWING")]
    assert "repeat-unquote" not in _done(body).fired


def test_the_downgrading_group_is_not_a_paragraph() -> None:
    body = "SUBJECT: X\n\n1. THE TEXT.\n\nGP-3\nLODGE\n"
    assert _closer(body) == [("fw", "GP-3"), ("signed", "LODGE")]
    body = "SUBJECT: X\n\n1. THE TEXT.\n\nGROUP 3 OF THE PLAN.\nLODGE\n"
    assert _closer(body) == [("signed", "LODGE")]
    assert "downgrading-group" not in _done(body).fired
