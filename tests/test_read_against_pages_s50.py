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


def test_a_subject_that_says_it_is_a_corrected_copy_makes_the_note_say_so() -> None:
    """``SUBJECT: (CORRECTED COPY) ARIAS ACCEPTS FIRST RESIGNATION`` (06SANJOSE2041; 12 pages write the notice in
    the subject, before or after its words): the subject keeps it as written, and the source note says the
    copy was sent corrected; a subject about a correction of another kind does not."""
    notes = []
    for subject in ("(CORRECTED COPY) ARIAS ACCEPTS A RESIGNATION", "THE CORRECTED FIGURES ON COPY PAPER"):
        body = _routed("101200Z APR 08", "AMEMBASSY KABUL").replace("SUBJECT: A TEST", "SUBJECT: " + subject)
        cable = normalize(RawCable(source="t.txt", form="text", body=body))
        notes.append(markdown.write(cable, WriteOptions()).decode().split("[^", 2)[-1])
    assert "Sent as a corrected copy." in notes[0] and "(CORRECTED COPY) ARIAS ACCEPTS" in notes[0]
    assert "corrected copy" not in notes[1]


def test_a_reference_that_names_no_cable_after_a_semicolon_is_one_of_its_own() -> None:
    """``REF: A) 05 VATICAN 475 ET AL.; WARSAW 799 ET AL.; MARTIN - CURTIN, VAN CLEVE TELCONS`` (06VATICAN83):
    three references, the telcons apart from Warsaw's cable; a conjunction before the next label (``C) State
    15111; and D) …``) and a semicolon inside a quoted title stay with their reference."""
    from convert.normalize.refs import parse_refs

    def items(text: str) -> list[tuple[str, str | None]]:
        return [(r.text, r.target) for r in parse_refs(text, 2006).items]

    assert items("REF: A) 05 VATICAN 475 ET AL.; WARSAW 799 ET AL.; MARTIN - CURTIN, VAN CLEVE TELCONS") == [
        ("05 VATICAN 475 ET AL.", "05VATICAN475"), ("WARSAW 799 ET AL.", "06WARSAW799"),
        ("MARTIN - CURTIN, VAN CLEVE TELCONS", None)]
    assert items("REF: A) STATE 16319; B) STATE 15111; and C) STATE 13716") == [
        ("STATE 16319", "06STATE16319"), ("STATE 15111", "06STATE15111"), ("STATE 13716", "06STATE13716")]
    assert items('REF: A. TRIPOLI 370 - QADHAFI: "REGAN WAS CRAZY; LIBYA IS BETTER" B. STATE 5') == [
        ('TRIPOLI 370 - QADHAFI: "REGAN WAS CRAZY; LIBYA IS BETTER"', "06TRIPOLI370"), ("STATE 5", "06STATE5")]


def test_a_redaction_glued_after_a_stop_is_set_apart_and_a_split_reason_joined() -> None:
    """``… subject to legal sanctions.xxxxx noted that …`` (05VIENNA3833): the edition prints ``sanctions.
    [redacted] noted``; ``SCHOFER. REASO`` / ``N: 1.4(C).`` (07THEHAGUE295), a word the line's cut split, is
    ``REASON: 1.4(C).`` in the source note (the Transmission keeps the lines as written)."""
    body = _routed("101200Z APR 08", "AMEMBASSY KABUL").replace(
        "1. (C) The text.", "Classified By: POLITICAL COUNSELOR ANDREW J. SCHOFER. REASO\nN: 1.4(C).\n\n"
        "1. (C) They face legal sanctions.xxxxx noted that the court agreed.")
    text = markdown.write(normalize(RawCable(source="t.txt", form="text", body=body)), WriteOptions()).decode()
    assert "legal sanctions. *\\[redacted\\]* noted" in text
    assert "SCHOFER. REASON: 1.4(C)." in text.split("[^", 2)[-1]


def test_an_unwrapped_copy_keeps_its_participants_one_to_a_line() -> None:
    """A copy that keeps each paragraph on one long line, its participants listed one to a line under each
    side's name (10ISLAMABAD428): the lines are entries its writer ended, not a paragraph's wrapped text."""
    long = "1. (C) " + "The senator and the president discussed the border and the economy at length. " * 4
    names = ("United States\nSenator John Kerry\nAmbassador Anne W. Patterson\nDr. Jonah Blank, Senior PSM, SFRC\n"
             "Wendy Nassmacher, Embassy Notetaker")
    body = _routed("101200Z APR 08", "AMEMBASSY KABUL").replace(
        "1. (C) The text.", f"{long}\n\n2. (U) Participants\n\n{names}\n\n3. (U) The delegation cleared this.")
    text = markdown.write(normalize(RawCable(source="t.txt", form="text", body=body)), WriteOptions()).decode()
    assert "United States\\\nSenator John Kerry\\\nAmbassador Anne W. Patterson\\\n" in text
