"""Forms found by reading editions against their pages (session 53) whose mending lies outside one rule's
fixture: each tested on a made-up text of its form beside the nearest form it must leave alone. (The
normalizer's rules have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize
from convert.options import WriteOptions
from convert.writers import markdown
from convert.writers.json import record

_HEAD = """S E C R E T LONDON 000118

NOFORN
SIPDIS

E.O. 12958: DECL: 01/15/2019
TAGS: EFIN KNNP IR UK
SUBJECT: UK IRAN SANCTIONS ROUNDUP

REF: STATE 1760  Classified By: KATHLEEN DOHERTY, ECON COUNSELOR, FOR REASONS 1.4 B & D  {after}

1. (S/NF) Summary. British officials are eager to apply additional pressure. End summary.

2. (S/NF) The second paragraph.

TUTTLE
"""


def _edition(after: str) -> tuple[str, str]:
    """The reading text (SUBJECT to the Transmission) and the source note of the edition of ``_HEAD``."""
    edition = markdown.write(normalize(RawCable(source="p.txt", form="text", body=_HEAD.format(after=after))),
                             WriteOptions()).decode()
    return edition.split("SUBJECT:", 1)[1].split("## ", 1)[0], edition.rsplit("[^", 1)[1]


def test_an_action_request_notice_after_the_reasons_is_the_texts_not_the_classifying_officers() -> None:
    """``… FOR REASONS 1.4 B & D  This message contains Action Requests. Please see paragraphs 3, 11, 13 and
    14.`` (09LONDON118, 3 pages): the notice is a line of the text, and the Classified By line ends with its
    reasons; words after the reasons that are no such notice stay in the field."""
    notice = "This message contains Action Requests. Please see paragraphs 3, 11, 13 and 14."
    reading, source = _edition(notice)
    assert notice in reading and "Action Requests" not in source
    assert "FOR REASONS 1.4 B \\& D." in source
    reading, source = _edition("AND OTHERS")
    assert "AND OTHERS" in source and "AND OTHERS" not in reading


def test_a_posts_website_notice_after_a_list_that_ends_the_text_is_set_apart() -> None:
    """``Resolutions …`` / ``-----`` / ``10)  …`` … ``12)  The forty-first session … 2010.  Visit London's Classified
    Website: XXXXXXXXXXXX`` / ``SUSMAN`` (09LONDON2293, 3 pages): the list stands alone after a heading, and the
    notice at the end of its last item is the post's boilerplate, printed after the text, as after a paragraph."""
    body = ("C O N F I D E N T I A L LONDON 002293\n\nSIPDIS\n\nE.O. 12958: DECL: 10/14/2019\nTAGS: PREL UK\n"
            "SUBJECT: TEST\n\nResolutions to be Proposed ----------------------\n\n10)  The working group met.\n\n"
            "11)  It agreed.\n\n12)  The session is scheduled for January 11-15, 2010.  Visit London's Classified "
            "Website: XXXXXXXXXXXX\nSUSMAN\n")
    edition = markdown.write(normalize(RawCable(source="p.txt", form="text", body=body)), WriteOptions()).decode()
    reading, transmission = edition.split("## Transmission", 1)
    assert "January 11-15, 2010.\n" in reading and "Classified Website" not in reading
    assert "Visit London's Classified Website" in transmission


def test_a_classified_by_label_written_again_without_its_colon_is_printed_once() -> None:
    """``Classified By: Classified by Ambassador E. Anthony Wayne for reasons 1.4 (b) and (d).`` (09BUENOSAIRES632):
    the source note prints the label once, as for ``Classified By: Classified By:``; a Classified By line that
    names no label again keeps its words."""
    for line, printed in (("Classified By: Classified by Ambassador E. Anthony Wayne for reasons 1.4 (b) and (d).",
                           "Classified By: Ambassador E. Anthony Wayne for reasons 1.4 (b) and (d)."),
                          ("Classified By: Political Counselor Richard Mills for reasons 1.4 (b) and (d).",
                           "Classified By: Political Counselor Richard Mills for reasons 1.4 (b) and (d).")):
        body = ("C O N F I D E N T I A L BUENOS AIRES 000632\n\nSIPDIS\n\nE.O. 12958: DECL: 05/29/2019\n"
                f"TAGS: PREL AR\nSUBJECT: A TEST\n\n{line}\n\n1. (C) The text.\n\nWAYNE\n")
        edition = markdown.write(normalize(RawCable(source="p.txt", form="text", body=body)), WriteOptions()).decode()
        assert printed in edition.rsplit("[^", 1)[1]


def test_a_routing_indicator_glued_to_its_office_is_read_apart() -> None:
    """``TO RUEHCSECSTATE WASHDC PRIORITY 3700`` (09CAIRO1848), ``INFO … RUEHSGAMEMBASSY SANTIAGO``
    (07BRASILIA1568): the slash between the routing indicator and the office was lost; the addressee is the
    Department of State and Embassy Santiago, not an office named ``RUEHC…``; one with its slash is read as
    before."""
    body = ("P 241417Z SEP 09\nFM AMEMBASSY CAIRO\nTO RUEHCSECSTATE WASHDC PRIORITY 3700\n"
            "INFO RUEHSGAMEMBASSY SANTIAGO\nRUEHRO/AMEMBASSY ROME\n\nC O N F I D E N T I A L CAIRO 001848\n\nSIPDIS\n\n"
            "E.O. 12958: DECL: 09/24/2019\nTAGS: PHUM EG\nSUBJECT: A TEST\n\n1. (C) The text.\n\nSCOBEY\n")
    rec = record(normalize(RawCable(source="p.txt", form="text", body=body)))
    assert [a["name"] for a in rec["to"]] == ["SECSTATE WASHDC"]
    assert [(a["name"], a["routing"]) for a in rec["info"]] == [("AMEMBASSY SANTIAGO", "RUEHSG"),
                                                                 ("AMEMBASSY ROME", "RUEHRO")]
