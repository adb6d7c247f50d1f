"""The reading edition of the older telegrams (1966-1999): the offices their routing lines
name as FRUS names them (the commands of the period, their office symbols left out)."""

from __future__ import annotations

from test_edition import routed

from convert.view import frus


def test_the_commands_of_the_period_are_named_in_words() -> None:
    cable = routed("AMEMBASSY LONDON", ["SECSTATE WASHDC"],
                   ["USCINCEUR VAIHINGEN GE//POLAD/J5//", "CINCUSAFE RAMSTEIN AB GE//POLAD//",
                    "CINCUSAREUR HEIDELBERG GE//POLAD//", "CINCUSNAVEUR LONDON UK//POLAD//", "CINCLANT",
                    "COMUSMACV"], when="1988-08-09T17:35:00Z")
    assert dict(frus.source_note(cable.view))["repeated"] == (
        "Repeated to the Commander in Chief, U.S. European Command, the Commander in Chief, U.S. Air Forces "
        "in Europe, the Commander in Chief, U.S. Army, Europe, the Commander in Chief, U.S. Naval Forces, "
        "Europe, the Commander in Chief, U.S. Atlantic Command, and the Commander, U.S. Military Assistance "
        "Command, Vietnam.")


def test_an_office_the_table_does_not_hold_is_named_without_its_office_symbol() -> None:
    cable = routed("AMEMBASSY LONDON", ["SECSTATE WASHDC"], ["USDOCOSOUTH NAPLES IT//INTAFF//"],
                   when="1988-08-09T17:35:00Z")
    assert dict(frus.source_note(cable.view))["repeated"] == "Repeated to USDOCOSOUTH NAPLES IT."
