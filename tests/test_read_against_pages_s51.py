"""Forms found by reading editions against their pages (session 51) whose mending lies outside one rule's
fixture: the facts a record gives (the subject's words, a reference's id) and the text a reader sees, each
tested on a made-up text of its form beside the nearest form it must leave alone. (The normalizer's rules
have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize, normalize_traced
from convert.options import WriteOptions
from convert.textview import edition_text
from convert.writers import markdown
from convert.writers.json import record


def _text(subject: str, ref: str = "", body: str = "1. (U) The text.\n") -> str:
    return (f"UNCLAS SAN JOSE 002658\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: ETRD CS\nSUBJECT: {subject}\n\n"
            f"{ref}{body}\nLANGDALE\n")


def test_a_subject_wrapped_after_a_words_hyphen_is_closed_up_as_its_heading_is() -> None:
    """``SUBJECT: … INFO ON CBI-`` / ``BENEFICIARY COUNTRIES`` (05SANJOSE2658): the record's subject reads
    ``CBI-BENEFICIARY`` as the text's heading does; a dash between spaces on one line stays as written."""
    wrapped = normalize(RawCable(source="t.txt", form="text", body=_text(
        "RESPONSE TO USTR REQUEST FOR INFO ON CBI-\nBENEFICIARY COUNTRIES")))
    spaced = normalize(RawCable(source="t.txt", form="text", body=_text("THE SOCIAL SCIENCE - POLICY NEXUS")))
    assert record(wrapped)["subject"] == "RESPONSE TO USTR REQUEST FOR INFO ON CBI-BENEFICIARY COUNTRIES"
    assert record(spaced)["subject"] == "THE SOCIAL SCIENCE - POLICY NEXUS"


def test_a_reference_that_names_the_posts_city_is_the_posts_cable() -> None:
    """``REF: MEXICO CITY 002759`` (09MEXICO3092): Embassy Mexico's cables are MEXICO's in the ids."""
    body = ("UNCLAS MEXICO 003092\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL MX\nSUBJECT: A TEST\n\n"
            "REF: MEXICO CITY 002759\n\n1. (U) The text.\n\nPASCUAL\n")
    cable = normalize(RawCable(source="t.txt", form="text", body=body.replace("UNCLAS", "R 101200Z OCT 09\nFM "
                                                                              "AMEMBASSY MEXICO\nTO SECSTATE "
                                                                              "WASHDC\n\nUNCLAS", 1)))
    assert [r["id"] for r in record(cable)["references"]] == ["09MEXICO2759"]


def test_the_sbu_sentence_on_a_line_of_its_own_among_the_fields_is_no_paragraph() -> None:
    """``REF: 09 ADDIS ABABA 2900`` / page line / ``SENSITIVE BUT UNCLASSIFIED. NOT FOR INTERNET
    DISTRIBUTION.`` (10ADDISABABA247): a handling field, out of the reading text; the same words said by the
    text (``(U) This cable is sensitive but unclassified …``) stay the text's."""
    fields = normalize_traced(RawCable(source="t.txt", form="text", body=_text(
        "A TEST", "REF: 09 SAN JOSE 2900\n\nSENSITIVE BUT UNCLASSIFIED. NOT FOR INTERNET DISTRIBUTION.\n\n")))
    said = normalize(RawCable(source="t.txt", form="text", body=_text(
        "A TEST", "", "1. (U) This cable is sensitive but unclassified and not for internet distribution.\n")))
    assert fields.fired.get("glued-sbu-sentence") == 1
    edition = edition_text(fields.cable)  # (the text, then what the edition prints after it: the opener's fields)
    assert edition.index("NOT FOR INTERNET") > edition.index("LANGDALE") > edition.index("The text.")
    assert edition_text(said).index("not for internet distribution") < edition_text(said).index("LANGDALE")


def test_a_redaction_glued_to_a_closing_quotation_mark_stands_apart_in_the_edition() -> None:
    """``… as "cautious."XXXXXXXXXXXX described …`` (07PARIS4722): the edition reads ``"cautious." [redacted]
    described``; an opening mark before the X's (``… told "XXXXXXXXXXXX`` ) gets no space after it."""
    said = ('1. (U) He called the talks "cautious."XXXXXXXXXXXX described them. He quoted "XXXXXXXXXXXX at length.\n'
            "\nXXXXXXXXXXXX said the rest could wait.\n")  # (and a paragraph that begins with the X's: nothing before)
    cable = normalize(RawCable(source="t.txt", form="text", body=_text("A TEST", "", said)))
    text = markdown.write(cable, WriteOptions()).decode()
    assert "\n*\\[redacted\\]* said the rest could wait." in text
    assert '"cautious." *\\[redacted\\]* described' in text.replace("\u201c", '"').replace("\u201d", '"')
    assert 'quoted "*\\[redacted\\]* at length' in text.replace("\u201c", '"').replace("\u201d", '"')


def test_a_subject_run_on_into_the_derived_from_line_ends_before_it() -> None:
    """``SUBJECT: DARFUR REBEL GROUP MERGER IN KUFRA: MORE FANFARE THAN Derived from: DSCG 05-1, B,D`` (10TRIPOLI62):
    the subject ends before the classification authority's line, which keeps its words out of the subject."""
    cable = normalize(RawCable(source="t.txt", form="text", body=_text(
        "DARFUR REBEL GROUP MERGER IN KUFRA: MORE FANFARE THAN Derived from: DSCG 05-1, B,D")))
    assert record(cable)["subject"] == "DARFUR REBEL GROUP MERGER IN KUFRA: MORE FANFARE THAN"
    assert "DSCG 05-1" in " ".join(cable.tei.itertext())
