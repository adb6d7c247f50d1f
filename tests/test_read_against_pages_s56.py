"""Forms found by reading editions against their pages (session 56) whose mending lies outside one rule's
fixture: each tested on a made-up text of its form beside the nearest form it must leave alone. (The
normalizer's rules have their fixtures in ``tests/fixtures/rules``.)"""

from __future__ import annotations

from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.normalize.refs import parse_refs
from convert.textview import reading_text
from convert.writers.json import record

_HEAD = """UNCLAS BRASILIA 001714

SIPDIS

E.O. 12958: N/A
TAGS: ETRD BR
SUBJECT: FOURTH GLOBAL FORUM ON FIGHTING CORRUPTION

{body}
DANILOVICH
"""


def _cable(body: str):
    return normalize(RawCable(source="p.txt", form="text", body=_HEAD.format(body=body)))


def _quoted(body: str) -> list[str]:
    """The text of each quotation's parts, in order."""
    tei = _cable(body).tei
    return [" ".join(reading_text(q).split()) for q in tei.xpath("//t:quote | //t:seg[@type='quote']",
                                                                namespaces=NS)]


def test_a_document_named_for_its_kind_between_begin_and_end_is_quoted() -> None:
    """``Begin Final Statement:`` … ``End Final Statement.`` (05BRASILIA1714), a letter, a transcript, a press
    release: a document the cable quotes whole, named for its kind, is a quotation as ``BEGIN TEXT`` … ``END
    TEXT`` is; a bare ``Begin note`` (the post's own note) is not."""
    body = ("1. (U) The forum ended with a declaration.\n\n2. (U) Begin Final Statement:\n\n"
            "1. The Heads of Delegation renew their commitment.\n\n2. They reaffirm the Global Forums.\n\n"
            "End Final Statement.\n\n3. (U) We will follow up.\n\n")
    assert _quoted(body) == ["Begin Final Statement:", "The Heads of Delegation renew their commitment.",
                             "They reaffirm the Global Forums.", "End Final Statement."]
    note = "1. (U) The forum ended. Begin note: it rained. End note.\n\n"
    assert _quoted(note) == []


def test_the_end_of_a_quoted_document_may_name_its_kind_after_text_of() -> None:
    """``BEGIN DIPLOMATIC NOTE`` … ``END TEXT OF DIPLOMATIC NOTE`` (09TRIPOLI953): the end marker is whole, not
    ``END TEXT`` with ``OF DIPLOMATIC NOTE`` left outside the quotation."""
    body = ("1. (U) The note reads: BEGIN DIPLOMATIC NOTE The Ministry presents its compliments.\n\n"
            "END TEXT OF DIPLOMATIC NOTE\n\n2. (U) We will reply.\n\n")
    quoted = _quoted(body)
    assert quoted[-1] == "END TEXT OF DIPLOMATIC NOTE"
    assert quoted[0] == "BEGIN DIPLOMATIC NOTE The Ministry presents its compliments."


def test_a_label_alone_between_paragraphs_each_on_one_line_is_a_heading() -> None:
    """``… activity.`` / ``Comment:`` / ``¶7. (C) …`` (09LONDON1069, 08MUMBAI491): a label alone on its line
    between two paragraphs written with no blank line heads the next one, as it does with blank lines; a lead
    line that ends in a colon (``They noted the following:``) stays in its paragraph."""
    body = "1. (U) Banks will return to traditional activity.\nComment:\n2. (U) Meetings were held there.\n"
    c = _cable(body)
    blocks = record(c)["body"]
    assert [b["text"] for b in blocks if b.get("subtype") == "heading"] == ["Comment:"]
    assert [b["text"] for b in blocks if b.get("n") == 1] == ["Banks will return to traditional activity."]
    lead = "1. (U) Banks will return to traditional activity.\nThey noted the following:\n2. (U) Meetings.\n"
    blocks = record(_cable(lead))["body"]
    assert not [b for b in blocks if b.get("subtype") == "heading"]
    assert [b["text"] for b in blocks if b.get("n") == 1] == [
        "Banks will return to traditional activity. They noted the following:"]


def test_a_summary_label_after_the_paragraphs_number_typed_again_opens_the_summary() -> None:
    """``¶1. 1. Summary and comment: …`` … ``End summary and comment.`` (09LAPAZ1784; ``¶1. 1. (SBU) Summary and
    action request``, 09STATE69224): the number typed again after the paragraph's does not hide the label; a
    paragraph that only begins with a number and the word (``2. Summary of the talks``) opens none."""
    body = ("1. 1. Summary and comment: Officials voiced concern. End summary and comment.\n\n"
            "2. (U) More text.\n\n")
    assert record(_cable(body))["summary"] == (
        "1. Summary and comment: Officials voiced concern. End summary and comment.")
    other = "1. (U) Talks went on.\n\n2. 2. Summary of the talks is below.\n\n"
    assert record(_cable(other))["summary"] is None


def test_a_marked_heading_on_the_line_after_classified_by_begins_the_body() -> None:
    """``CLASSIFIED BY: …; REASON: 1.4(B), (D)`` / ``(S//NF) Summary`` / ``¶1. …`` (10ABUDHABI9): the heading with
    its portion marking is the body's first heading, not the end of the Classified By field (it was lost from the
    reading text), as ``Summary`` alone is; a marked title alone before a numbered paragraph is a heading."""
    body = ("Classified By: Richard Olson, Ambassador; REASON: 1.4(B), (D)\n(S//NF) Summary\n\n"
            "1. (S//NF) SUMMARY. Officials met. END SUMMARY.\n\n(C/NF) ROBERT BOURGI\n\n2. (C/NF) Bourgi spoke.\n\n")
    c = _cable(body)
    blocks = record(c)["body"]
    assert [b["text"] for b in blocks if b.get("subtype") == "heading"] == ["(S//NF) Summary", "(C/NF) ROBERT BOURGI"]
    assert c.tei.xpath("string(//t:seg[@type='classified-by'])", namespaces=NS) == (
        "Classified By: Richard Olson, Ambassador; REASON: 1.4(B), (D)")


def test_a_serial_alone_after_a_cable_is_one_of_that_cables_station() -> None:
    """``REF: A. A) SOFIA 1219`` / ``B. B) 1206`` (07SOFIA1271; ``A) CALCUTTA 00354 B) 00357``, ``A) STATE 15111 AND
    B) 13716``): an item that is a serial alone names a cable of the station (and year) of the item before it; a
    year alone, or a serial alone first, names none."""
    def ids(text: str) -> list[str | None]:
        return [r.target for r in parse_refs(text, 2007).items]
    assert ids("REF: A. A) SOFIA 1219 B. B) 1206") == ["07SOFIA1219", "07SOFIA1206"]
    assert ids("REF: A) 06 CALCUTTA 00354 B) 00357 C) CALCUTTA 363") == ["06CALCUTTA354", "06CALCUTTA357",
                                                                           "07CALCUTTA363"]
    assert ids("REF: A. PARIS 1113 B. 2006") == ["07PARIS1113", None]
    assert ids("REF: A. 85678 B. 86108") == [None, None]


def test_embassy_buenos_aires_short_name_for_itself_names_its_cables() -> None:
    """``REF: A. BA 1485`` / ``B. BA 1062`` (06BUENOSAIRES1439): the Embassy's own short name, as ``KL`` is
    Kuala Lumpur's (the year of a serial above the cable's own is set later, from the cable's serial)."""
    refs = parse_refs("REF: A. BA 1485 B. BA 1062", 2006).items
    assert [r.target for r in refs] == ["06BUENOSAIRES1485", "06BUENOSAIRES1062"]


def _paragraph(body: str, n: int) -> str:
    return next(b["text"] for b in record(_cable(body))["body"] if b.get("n") == n)


def test_a_suspended_hyphen_before_a_conjunction_keeps_its_space() -> None:
    """``in the medium-`` / ``to long term`` (08MADRID794), ``Iftar, Black-`` / ``and Women's History Month``
    (08BERN612): a hyphen at a line's end before ``to``, ``and``, ``or`` is a suspended one, the break a space; a
    word broken at its hyphen is joined without one."""
    body = ("1. (U) He said that in the medium-\nto long term it was easy. Speakers for Black-\nand Women's History "
            "Month came. The well-\nknown speaker spoke.\n\n")
    assert _paragraph(body, 1) == ("He said that in the medium- to long term it was easy. Speakers for Black- and "
                                   "Women's History Month came. The well-known speaker spoke.")


def test_an_apostrophe_sent_as_q_and_a_comma_after_a_figure_or_a_stop() -> None:
    """``Palmas 26Q,s attempt``, ``the U.S.Q,s own restrictions`` (06MEXICO7054): the Q and its comma after a
    figure or an abbreviation's stop are the possessive's apostrophe, as after a lower-case letter."""
    body = "1. (U) The Palmas 26Q,s attempt failed, as did the U.S.Q,s own. The IranQs share grew.\n\n"
    assert _paragraph(body, 1) == "The Palmas 26’s attempt failed, as did the U.S.’s own. The Iran’s share grew."


def test_a_subject_goes_on_after_a_blank_line_to_its_stop_in_capitals() -> None:
    """``SUBJECT: BRAZIL: FORMER U.S. AMBASSADORS DISCUSS UN`` / blank / ``REFORM, NUCLEAR PROLIFERATION WITH GOB.``
    (05BRASILIA1044, a partial extract written double-spaced): the line in capitals that ends with a stop is the
    subject's end; a sentence in mixed case after a mixed-case subject is not."""
    head = "UNCLAS BRASILIA 001044\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PARM BR\nSUBJECT: {}\n\n{}\n\n{}\n\nDANILOVICH\n"
    body = "1. (SBU) Summary. They met. End Summary."
    c = normalize(RawCable(source="p.txt", form="text", body=head.format(
        "BRAZIL: FORMER U.S. AMBASSADORS DISCUSS UN", "REFORM, NUCLEAR PROLIFERATION WITH GOB.", body)))
    assert record(c)["subject"] == "BRAZIL: FORMER U.S. AMBASSADORS DISCUSS UN REFORM, NUCLEAR PROLIFERATION WITH GOB."
    mixed = normalize(RawCable(source="p.txt", form="text", body=head.format(
        "Brazil: Former Ambassadors Discuss UN", "They met twice.", body)))
    assert record(mixed)["subject"] == "Brazil: Former Ambassadors Discuss UN"


def test_a_long_title_in_capitals_over_its_rule_is_one_heading() -> None:
    """``INTERNATIONAL TELECOMMUNICATIONS UNION (ITU) MATTERS INCLUDING RADIO COMMUNICATIONS ITU-R STUDY GROUP ISSUES
    -----`` on one line (09LONDON2119): a title in capitals longer than a hundred characters, no sentence's stop in
    it, is one heading, not cut after its bracket into a paragraph and half a heading."""
    title = ("INTERNATIONAL TELECOMMUNICATIONS UNION (ITU) MATTERS INCLUDING RADIO COMMUNICATIONS ITU-R STUDY GROUP "
             "ISSUES")
    body = (f"1. (U) The session was held.\n\n{title} ---------------------------------------------\n\n"
            "2. (U) The S/C noted the report.\n\n")
    headings = [b["text"] for b in record(_cable(body))["body"] if b.get("subtype") == "heading"]
    assert headings == [title]


def test_a_marking_after_a_ref_item_that_names_no_cable_begins_the_text() -> None:
    """``REF: A. SECSTATE 97170      B. JOFI-PALMER 09/22 EMAIL  (SBU/NF)`` / blank / ``PolOff shared U.S. objectives
    regarding the upcoming Comprehensive Nuclear Test-Ban Treaty …`` (09EFTOLONDON2211): the marking at the field's
    end is the text's, after an item that names no cable as after a cable's serial; a reason's letter after ``and``
    in a Classified By run into the field stays (``… reasons 1.5 b and (C)``)."""
    head = "UNCLAS LONDON 002211\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PARM UK\nSUBJECT: CTBT\n{}\n\n{}\n\nSUSMAN\n"
    prose = ("PolOff shared U.S. objectives regarding the upcoming Comprehensive Nuclear Test-Ban Treaty (CTBT) "
             "Conference with an officer of the Foreign Office.")
    c = normalize(RawCable(source="p.txt", form="text", body=head.format(
        "REF: A. SECSTATE 97170      B. JOFI-PALMER 09/22 EMAIL  (SBU/NF)", prose)))
    assert [r["text"] for r in record(c)["references"]] == ["SECSTATE 97170", "JOFI-PALMER 09/22 EMAIL"]
    assert [b["marking"] for b in record(c)["body"] if b["type"] == "p"] == ["(SBU/NF)"]
    reason = normalize(RawCable(source="p.txt", form="text", body=head.format(
        "REF: STATE 186511 Classified By: CG Simon Henshaw, reasons 1.5 b and (C)", prose)))
    assert [b["marking"] for b in record(reason)["body"] if b["type"] == "p"] == [None]
