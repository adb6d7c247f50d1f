"""Forms found by reading editions against their pages (session 52) whose mending lies outside one rule's
fixture: the facts a record gives, each tested on a made-up text of its form beside the nearest form it must
leave alone. (The normalizer's rules have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.writers import markdown
from convert.writers.json import record

_PREVIEW = """C O N F I D E N T I A L BOGOTA 003521

SIPDIS

E.O. 12958: DECL: 09/18/2018
TAGS: PGOV PREL CO VE
SUBJECT: {marking}GOC SEEKS TO NORMALIZE RELATIONS WITH VENEZUELA, AND SEES
BRAZILIAN ...



170699,9/18/2008 21:05,08BOGOTA3521,"Embassy Bogota",CONFIDENTIAL,,"VZCZCXYZ0002
PP RUEHWEB
DE RUEHBO #3521 2622105
ZNY CCCCC ZZH
P 182105Z SEP 08
FM AMEMBASSY BOGOTA
TO RUEHC/SECSTATE WASHDC PRIORITY 4825","C O N F I D E N T I A L BOGOTA 003521
SIPDIS
E.O. 12958: DECL: 09/18/2018
TAGS: PGOV PREL CO VE
SUBJECT: {marking}GOC SEEKS TO NORMALIZE RELATIONS WITH VENEZUELA, AND SEES
BRAZILIAN INFLUENCE ON THE RISE
REF: STATE 85678
Classified By: Acting Political Counselor David M. Zimov Reasons 1.4 (b and d)

1. (C) Summary: The Government of Colombia seeks to normalize its relations.
"""


def test_a_subject_cut_in_a_preview_is_read_whole_from_the_copy_whatever_its_portion_marking() -> None:
    """``SUBJECT: (C) GOC SEEKS … AND SEES`` / ``BRAZILIAN ...`` then the database row's copy with the whole
    ``… BRAZILIAN INFLUENCE ON THE RISE`` (08BOGOTA3521): the marking is read apart from the subject's words
    in both copies, so the whole one is found, as it is where neither copy writes a marking."""
    whole = "GOC SEEKS TO NORMALIZE RELATIONS WITH VENEZUELA, AND SEES BRAZILIAN INFLUENCE ON THE RISE"
    for marking in ("(C) ", ""):
        cable = normalize(RawCable(source="p.txt", form="text", body=_PREVIEW.format(marking=marking)))
        assert record(cable)["subject"] == whole, marking


def test_the_references_a_later_copy_gives_are_printed_under_the_subject() -> None:
    """A preview cut in its SUBJECT, then the database row's copy with its REF field (08OTTAWA1064, 12 pages): the
    record names the reference, and the edition prints ``REF: STATE 85678`` under the SUBJECT, where the cable
    has it, once; a cable whose text writes its REF list prints it once too."""
    cable = normalize(RawCable(source="p.txt", form="text", body=_PREVIEW.format(marking="")))
    assert [r["id"] for r in record(cable)["references"]] == ["08STATE85678"]
    edition = markdown.write(cable, WriteOptions()).decode()
    reading = edition.split("SUBJECT:", 1)[1].split("## ", 1)[0]  # (the reading text, before the Transmission)
    assert reading.count("REF: STATE 85678") == 1
    assert reading.index("REF: STATE 85678") < reading.index("The Government of Colombia")
    written = normalize(RawCable(source="p.txt", form="text", body=(
        "C O N F I D E N T I A L BOGOTA 003521\n\nSIPDIS\n\nE.O. 12958: DECL: 09/18/2018\nTAGS: PGOV CO\n"
        "SUBJECT: A TEST\n\nREF: STATE 85678\n\n1. (C) The text.\n\nBROWNFIELD\n")))
    assert markdown.write(written, WriteOptions()).decode().count("REF: STATE 85678") == 1


def test_a_redaction_in_a_reference_is_a_gap_as_in_the_text() -> None:
    """``REF: 09 XXXXXXXXXXXX 167`` (10SHENYANG4, 4 pages): the reference's words hold a gap, printed as the text's
    redactions are; its words stay as written in the record."""
    cable = normalize(RawCable(source="p.txt", form="text", body=(
        "S E C R E T SECTION 01 OF 02 SHENYANG 000004\n\nSIPDIS\n\nE.O. 12958: DECL: 01/07/2035\nTAGS: PREL KN\n"
        "SUBJECT: A TEST\n\nREF: 09 XXXXXXXXXXXX 167\n\n1. (S) XXXXXXXXXXXX said so.\n\nWELLER\n")))
    edition = markdown.write(cable, WriteOptions()).decode()
    reading = edition.split("SUBJECT:", 1)[1].split("## ", 1)[0]
    assert "REF: 09 *\\[redacted\\]* 167" in reading and "XXXX" not in reading
    assert [r["text"] for r in record(cable)["references"]] == ["09 XXXXXXXXXXXX 167"]
