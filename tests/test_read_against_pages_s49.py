"""Forms found by reading editions against their pages (session 49): the random editions' defects, each
mended as a general rule and tested here on a made-up text of its form, with the nearest form it must
leave alone. (The normalizer's rules have their fixtures in ``tests/fixtures/rules``; these are the
edition's, and the redaction pattern every layer shares.)"""

from __future__ import annotations

from test_read_against_pages import _cable

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.view import frus
from convert.writers import markdown

_ROUTED = ("R 301510Z JAN 08\nFM AMEMBASSY SAN JOSE\nTO AMEMBASSY SAN JOSE\nSECSTATE WASHDC 9392\n"
           "INFO AMEMBASSY MANAGUA\nAMEMBASSY SAN JOSE\n\nC O N F I D E N T I A L SAN JOSE 000071\n\nSIPDIS\n\n"
           "E.O. 12958: DECL: 01/01/2018\nTAGS: PREL CS\nSUBJECT: SUBJECT: A TEST\n\n"
           "Classified By: Classified By: DCM Peter Brennan per 1.4 (d).\n\n")


def test_redactions_glued_to_the_word_after_them_in_either_case() -> None:
    """``including xxxxxxxxxxxxxxxxxxxxxxxxbelieve the GBRV`` (09CARACAS1595), ``XXXXXXXXXXXXTUTTLE`` (36 pages
    glue a redaction to the next word): a run of small x glued to a word is a redaction and the word; twelve
    capitals before a word in capitals are one too. A word that begins with an X (``XXXXXXXXXXXXXAVIER``, thirteen)
    is not cut."""
    cable = _cable("1. (C) Many, including xxxxxxxxxxxxxxxxbelieve it; XXXXXXXXXXXXTUTTLE signed; "
                   "XXXXXXXXXXXXXAVIER stays.\n")
    gaps = [(g.get("rend"), (g.tail or "")[:7]) for g in cable.tei.iterfind(".//t:body//t:gap", NS)]
    assert gaps == [("xxxxxxxxxxxxxxxx", "believe"), ("XXXXXXXXXXXX", "TUTTLE ")]


def test_the_edition_prints_a_label_written_twice_once_and_names_no_post_among_its_own_addressees() -> None:
    """``SUBJECT: SUBJECT: …`` and ``Classified By: Classified By: …`` (30 of 6,850 pages): the edition prints
    the label once (the TEI and the Transmission keep both). ``TO AMEMBASSY SAN JOSE`` in San Jose's own
    telegram (08SANJOSE71), and the sender among its INFO addressees (10SANTIAGO254): the file copy is not one
    of those it was sent to, in the heading, the citation or the note."""
    cable = normalize(RawCable(source="t.txt", form="text", body=_ROUTED + "1. (C) The text.\n\nBRENNAN\n"))
    text = markdown.write(cable, WriteOptions()).decode()
    assert "\nSUBJECT: A TEST\n" in text
    assert cable.tei.findtext(".//t:body//t:head[@type='subject']", namespaces=NS) == "SUBJECT: SUBJECT: A TEST"
    note = text.split("[^08SANJOSE71]:", 1)[1]
    assert "Classified By: DCM Peter Brennan per 1.4 (d)." in note and "Classified By: Classified" not in note
    assert "\nClassified By: Classified By: DCM" in text  # (the Transmission's line as written)
    view = cable.view
    assert frus.heading(view) == "Telegram From the Embassy in Costa Rica to the Department of State"
    assert frus.repeated_to(view) == "Repeated to Managua"


def test_a_redaction_glued_to_a_word_is_set_apart_in_the_citation() -> None:
    """``SUBJECT: XXXXXXXXXXXXNEED A MILLION CUBANS IN THE STREETS`` (07HAVANA252): the citation's title reads
    ``[redacted] NEED A MILLION …``, the label set apart from the word as the text's are."""
    head = ("C O N F I D E N T I A L HAVANA 000252\n\nSIPDIS\n\nE.O. 12958: DECL: 01/01/2017\nTAGS: PREL CU\n"
            "SUBJECT: XXXXXXXXXXXXNEED A MILLION CUBANS IN THE STREETS\n\n")
    view = _cable("1. (C) The text.\n", head).view
    assert "\u201c[redacted] NEED A MILLION CUBANS IN THE STREETS\u201d" in frus.citation(view)


def test_the_mission_to_the_eu_is_cited_by_embassy_brussels_ids_from_2007() -> None:
    """``REF: A. USEU BRUSSELS 1638 B. USEU BRUSSELS 1637`` (09BRUSSELS1639), ``USEU 1629`` (08LONDON2972): from
    2007 the Mission's telegrams carry Embassy Brussels's ids (every FM USEU BRUSSELS page of 2007-2010 is
    BRUSSELS: 07BRUSSELS3423 … 10BRUSSELS186); before, its own (04USEUBRUSSELS4936, 06USEUBRUSSELS2754)."""
    from convert.normalize.refs import parse_refs

    def ids(text: str, year: int) -> list[str | None]:
        return [ref.target for ref in parse_refs(text, year).items]

    assert ids("REF: A. USEU BRUSSELS 1638 B. USEU 1629", 2009) == ["09BRUSSELS1638", "09BRUSSELS1629"]
    assert ids("REF: USEU BRUSSELS 4936", 2004) == ["04USEUBRUSSELS4936"]
    assert ids("REF: 06 USEU BRUSSELS 2754", 2009) == ["06USEUBRUSSELS2754"]


def test_a_format_named_by_its_sides_counts_takes_its_plus_sign_back() -> None:
    """``the usefulness of the 3 1 mechanism`` and ``the 3 1 agenda`` (07BRASILIA2262), ``the 2 2 consultations``
    (07PARIS2725), ``the 5 2 talks`` on Transnistria: the release read the plus sign as a space; ``2 1 group``
    names no format the rule knows, and a date's or a list's figures stay as written."""
    from test_read_against_pages import _text

    text = _text("1. (C) The 3 1 mechanism met after the 2 2 consultations and the 5 2 talks; the 6 2 1 group "
                 "and pages 12 5 stay.\n")
    assert "The 3+1 mechanism met after the 2+2 consultations and the 5+2 talks;" in text
    assert "the 6 2 1 group and pages 12 5 stay" in text
