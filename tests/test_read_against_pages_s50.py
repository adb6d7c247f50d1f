"""Forms found by reading editions against their pages (session 50): the random editions' defects in the
edition's own layer (the source note's addressees and corrected copies), each mended as a general rule and
tested here on a made-up text of its form, with the nearest form it must leave alone. (The normalizer's rules
have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import markdown


def _routed(date: str, info: str, opener: str = "") -> str:
    return (f"R {date}\nFM AMEMBASSY ISLAMABAD\nTO SECSTATE WASHDC 1000\nINFO {info}\n\n"
            f"C O N F I D E N T I A L ISLAMABAD 001583\n\n{opener}SIPDIS\n\nE.O. 12958: DECL: 04/10/2017\n"
            "TAGS: PREL PK\nSUBJECT: A TEST\n\n1. (C) The text.\n\nBODDE\n")


def test_two_posts_one_name_gives_are_two_addressees_and_the_count_says_so() -> None:
    """``AMEMBASSY ASTANA`` and ``AMEMBASSY ALMATY`` (07ISLAMABAD1583) are both "the Embassy in Kazakhstan" in
    the table: the note names each by its city and counts both, not one; one office written twice is one."""
    info = "AMEMBASSY ASTANA\nAMEMBASSY ALMATY\nAMEMBASSY KABUL\nRUEHBUL/AMEMBASSY KABUL"
    view = normalize(RawCable(source="t.txt", form="text", body=_routed("101200Z APR 07", info))).view
    assert frus.repeated_to(view) == "Repeated to Astana, Almaty, and Kabul"


def test_a_collective_is_named_as_the_cable_wrote_it_before_the_body_was_renamed() -> None:
    """``RUEHZJ/HUMAN RIGHTS COMMISSION COLLECTIVE`` (06PARIS2358, April 2006): the Commission, not the Human
    Rights Council that replaced it in June 2006; the Council's own name stays the Council's."""
    old = normalize(RawCable(source="t.txt", form="text",
                             body=_routed("101200Z APR 06", "RUEHZJ/HUMAN RIGHTS COMMISSION COLLECTIVE"))).view
    new = normalize(RawCable(source="t.txt", form="text",
                             body=_routed("101200Z APR 08", "RUEHZJ/HUMAN RIGHTS COUNCIL COLLECTIVE"))).view
    assert frus.repeated_to(old) == "Repeated to the Human Rights Commission Collective"
    assert frus.repeated_to(new) == "Repeated to the Human Rights Council Collective"


def test_what_a_corrected_copy_corrected_keeps_its_own_brackets_whole() -> None:
    """``C O R R E C T E D    C O P Y  (PARAGRAPH 10) NOTE ADDED`` (09QUITO177): the note reads ``Sent as a
    corrected copy: (PARAGRAPH 10) NOTE ADDED``, its brackets balanced; ``(ADDED TAGS)`` alone stays in
    brackets after the words."""
    notes = []
    for notice in ("C O R R E C T E D    C O P Y  (PARAGRAPH 10) NOTE ADDED\n",
                   "C O R R E C T E D C O P Y (ADDED TAGS)\n"):
        cable = normalize(RawCable(source="t.txt", form="text",
                                   body=_routed("101200Z APR 08", "AMEMBASSY KABUL", notice)))
        notes.append(markdown.write(cable, WriteOptions()).decode().split("[^", 2)[-1])
    assert "Sent as a corrected copy: (PARAGRAPH 10) NOTE ADDED." in notes[0]
    assert "Sent as a corrected copy (ADDED TAGS)." in notes[1]
