"""A post's notice of its classified website at the end of the text (``post-trailer``): set
apart from the last paragraph as ``ab type="trailer"``, which the reading edition prints after
the text, with the routing header; a mention of the website inside a sentence, or a paragraph
the post numbered, stays text; nothing is lost."""

from __future__ import annotations

import re

import pytest

from convert.model import NS, RawCable
from convert.normalize import normalize_traced
from convert.normalize.rules.trailers import post_trailer
from convert.textview import edition_text, source_text

HEAD = "C O N F I D E N T I A L ROME 000123\n\nE.O. 12958: DECL: 01/01/2015\nTAGS: PREL IT\nSUBJECT: TEST\n\n"


def _run(body: str):  # type: ignore[no-untyped-def]
    return normalize_traced(RawCable(source="t.txt", form="text", body=HEAD + body))


def _trailers(done) -> list[str]:  # type: ignore[no-untyped-def]
    """Each trailer's text, a redaction (a ``gap``) read as ``[redacted]``."""
    found = []
    for element in done.cable.tei.iterfind(".//t:ab[@type='trailer']", NS):
        for gap in element.iterfind(".//t:gap", NS):
            for child in list(gap):
                gap.remove(child)
            gap.text = "[redacted]"
        found.append(" ".join("".join(element.itertext()).split()))
    return found


def _words(text: str) -> list[str]:
    return sorted(re.findall(r"[A-Za-z0-9]+", text))


@pytest.mark.parametrize(
    ("body", "trailer", "last", "signer"),
    [
        (  # run on from the last sentence, on lines of its own, the name in a block after it
            "1. (C) The talks went on.\n\n2. (U) Tripoli minimize considered.\nPlease visit Paris' Classified "
            "Website at:\nhttp://www.state.sgov.gov/p/eur/paris/index.c fm\n\nStapleton\n",
            ["Please visit Paris' Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm"],
            "Tripoli minimize considered.",
            "Stapleton",
        ),
        (  # between lines of asterisks, in two blocks, the name after them
            "1. (C) The talks went on.\n\n*****************\nVisit Embassy Tel Aviv's Classified Website:\n"
            "http://www.state.sgov.gov/p/nea/telaviv\n\nYou can also access this site through the State "
            "Department's\nClassified SIPRNET website.\n*****************\n\nJONES\n",
            ["***************** Visit Embassy Tel Aviv's Classified Website: http://www.state.sgov.gov/p/nea/telaviv",
             "You can also access this site through the State Department's Classified SIPRNET website. "
             "*****************"],
            "The talks went on.",
            "JONES",
        ),
        (  # the page ran the lines into one: two spaces before it, the withheld address, the name
            "1. (C) The talks went on with Lashkar I Jhangvi  Visit London's Classified Website: "
            "XXXXXXXXXXXX TUTTLE\n",
            ["Visit London's Classified Website: [redacted]"],
            "The talks went on with Lashkar I Jhangvi",
            "TUTTLE",
        ),
        (  # after an end marker with no stop (08LONDON2217), the name in a block after it
            "1. (C) Comment: The economy weakens. End Comment Visit London's Classified Website: XXXXXXXXXXXX\n\n"
            "LEBARON\n",
            ["Visit London's Classified Website: [redacted]"],
            "The economy weakens. End Comment",
            "LEBARON",
        ),
        (  # after the signer's name in capitals after the last sentence (08PARIS735)
            "1. (C) The talks went on. This cable was cleared by the Delegation. STAPLETON Please visit Paris' "
            "Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm\n",
            ["Please visit Paris' Classified Website at: http://www.state.sgov.gov/p/eur/paris/index.c fm"],
            "This cable was cleared by the Delegation.",
            "STAPLETON",
        ),
        (  # boxed by rules, a page line after the box, the name after it (06MADRID2632)
            "1. (C) The talks went on. END NOTE.\n\n------------------------------------------\n"
            "Visit Embassy Madrid's Classified Website;\nhttp://www.state.sgov.gov/p/eur/madrid/\n"
            "------------------------------------------\n\nROME 00000123 002.2 OF 002\n\n\nAGUIRRE\n",
            ["Visit Embassy Madrid's Classified Website; http://www.state.sgov.gov/p/eur/madrid/"],
            "The talks went on. END NOTE.",
            "AGUIRRE",
        ),
    ],
)
def test_the_notice_is_set_apart(body: str, trailer: list[str], last: str, signer: str) -> None:
    done = _run(body)
    assert done.fired.get("post-trailer") == 1
    assert _trailers(done) == trailer
    paragraphs = done.cable.tei.findall(".//t:p", NS)
    assert " ".join("".join(paragraphs[-1].itertext()).split()).endswith(last)
    assert done.cable.tei.xpath("//t:closer/t:signed/t:persName/text()", namespaces=NS) == [signer]
    # the edition prints it after the text; every word of the input is still in the source view
    edition = edition_text(done.cable)
    assert edition.index("Classified") > edition.index(last.split()[-1])
    assert set(_words(body)) <= set(_words(source_text(done.cable.tei)))


@pytest.mark.parametrize(
    "body",
    [
        # a mention of the website in a sentence
        "1. (C) ENI's view (available on Embassy Rome's Classified web site) was grim.\n\nSPOGLI\n",
        # a sentence after the notice: it is not the notice alone
        "1. (C) The talks went on. Visit Embassy Rome's Classified Website: http://www.state.sgov.gov/p/eur/rome "
        "where the minister's speech is posted in full with our comments.\n\nSPOGLI\n",
        # a paragraph the post numbered, which is nothing but the notice: a paragraph of the cable
        "1. (C) The talks went on.\n\n2. (U) Visit New Delhi's Classified Website: "
        "(http://www.state.sgov.gov/p/sa/newdelhi/)\n\nMULFORD\n",
        # a notice that is not at the end of the text
        "1. (U) Visit Embassy Rome's Classified Website: http://www.state.sgov.gov/p/eur/rome\n\n"
        "2. (C) The talks went on.\n\nSPOGLI\n",
    ],
)
def test_text_that_is_not_a_trailer_stays_text(body: str) -> None:
    done = _run(body)
    assert _trailers(done) == []
    assert "post-trailer" not in done.fired
    assert "post-trailer" not in "".join(done.cable.tei.xpath("//t:editorialDecl//text()", namespaces=NS))


def test_the_rule_finds_where_the_notice_begins() -> None:
    paris = ["Tripoli minimize considered.", "Please visit Paris' Classified Website at:", "http://x.gov/p"]
    assert post_trailer(paris) == (1, 0)
    line = "cleared this message. Visit London's Classified Website: http://www.state.sgov.gov/p/eur/london/index. cfm"
    assert post_trailer([line]) == (0, len("cleared this message."))
    cairo = ["*******", "Visit Embassy Cairo's Classified Website:", "http://www.state.sgov.gov/p/nea/cairo"]
    assert post_trailer(cairo) == (0, 0)
    assert post_trailer(["the cable (Visit Embassy Cairo's Classified Website"]) is None


def test_a_post_s_plain_invitation_to_its_classified_page_before_the_name_is_its_notice() -> None:
    """``Please visit us at http://www.state.sgov.gov/p/wha/asuncion`` / ``Cason`` (Embassy Asuncion,
    08ASUNCION358 and 7 more): the notice without the words "classified website", its address on
    the classified network; an invitation to an address elsewhere stays text."""
    done = _run("1. (C) The talks went on.\n\nPlease visit us at http://www.state.sgov.gov/p/wha/asuncion\n\nCason\n")
    assert _trailers(done) == ["Please visit us at http://www.state.sgov.gov/p/wha/asuncion"]
    assert done.cable.tei.xpath("//t:closer/t:signed/t:persName/text()", namespaces=NS) == ["Cason"]
    kept = _run("1. (C) The talks went on.\n\nPlease visit us at http://www.usembassy.gov/asuncion\n\nCason\n")
    assert _trailers(kept) == []
