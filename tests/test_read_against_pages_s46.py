"""Forms found by reading editions against their pages (session 46): the blind holdouts' misses and
the random editions' defects, each mended as a general rule and tested here on a made-up text of
its form, with the nearest form it must leave alone."""

from __future__ import annotations

from test_read_against_pages import HEAD, _cable, _record

from convert.model import NS, RawCable, SourceMetadata
from convert.normalize import normalize
from convert.writers.json import record


def _paragraphs(body: str, head: str = HEAD) -> list[str]:
    """Each paragraph's text in the TEI, white space collapsed."""
    return [" ".join("".join(p.itertext()).split()) for p in _cable(body, head).tei.iterfind(".//t:body//t:p", NS)]


def test_a_reference_label_written_twice_is_no_part_of_the_references_text() -> None:
    """``REF: A. A. STATE 3080 B. B. 09 VATICAN 132`` (10VATICAN13), ``REF: A. REF: A) 2008 THE HAGUE 00021``
    (09THEHAGUE247): the record's text is the cable's (``STATE 3080``), as for ``A. (A) …``; the TEI keeps
    the label as written. An initial before a name that is no cable stays the item's text."""
    head = HEAD.replace("SUBJECT: TEST\n\n", "SUBJECT: TEST\n\nREF: A. A. 08 STATE 3080 B. B. 09 MADRID 132 "
                        "C. A. SMITH LETTER\n\n")
    refs = _record("1. (C) Text.\n", head)["references"]
    assert [(r["label"], r["text"], r["id"]) for r in refs] == [
        ("A", "08 STATE 3080", "08STATE3080"), ("B", "09 MADRID 132", "09MADRID132"), ("C", "A. SMITH LETTER", None)]
    labels = [e.text for e in _cable("1. (C) Text.\n", head).tei.iterfind(".//t:list[@type='references']/t:label", NS)]
    assert labels == ["A. A.", "B. B.", "C."]


def test_a_name_in_capitals_after_a_stray_star_signs() -> None:
    """``… security cooperation.`` / ``* HENZEL`` (08MANAMA496): no list of one item, the signature, its star
    kept in the TEI as transmission furniture. A star item of prose after a paragraph stays a list item."""
    body = "16. (S) We can use our close ties to push for cooperation.\n* HENZEL\n"
    assert _record(body)["signer"] == "HENZEL"
    signed = _cable(body).tei.find(".//t:signed", NS)
    assert "".join(signed.itertext()) == "* HENZEL"
    listed = _record("16. (S) The talks covered two matters:\n* Trade and customs.\n")
    assert listed["signer"] is None


def test_a_documents_points_numbered_from_1_after_full_text_of_are_no_paragraphs() -> None:
    """``¶9. Full Text of Dossier:`` / ``¶1. …`` … ``¶21. …`` / ``End Text of Dossier`` (09NEWDELHI1778): the
    quoted document's points are list items; ``Below is XXXXXXXXXXXX paper on reform.`` / ``Pensions:`` /
    ``¶1. …`` … ``End XXXXXXXXXXXX.`` (10KYIV278) too. A restart at 1 that nothing introduces stays the
    cable's numbering."""
    points = "".join(f"{n}. The dossier's point {n} is set out here at some length.\n\n" for n in (1, 2, 3))
    dossier = f"1. (C) The minister met us.\n\n2. Full Text of Dossier:\n\n{points}End Text of Dossier\nROEMER\n"
    record = _record(dossier)
    assert [p["n"] for p in record["paragraphs"]] == [1, 2]
    assert record["signer"] == "ROEMER"
    paper = (f"1. (C) The minister met us.\n\n2. (U) Below is XXXXXXXXXXXX paper on reform.\n\nPensions:\n\n{points}"
             "Prices:\n\n1. Increase prices for transport.\n\nEnd XXXXXXXXXXXX.\n\nTEFFT\n")
    assert [p["n"] for p in _record(paper)["paragraphs"]] == [1, 2]
    marked = "".join(f"{n}. (C) The point {n} is set out here at some length, as he said.\n\n" for n in (1, 2, 3))
    for intro in ("He spoke of the talks.", "Below is the paper on reform."):  # (nothing introduced, or closed)
        plain = f"1. (C) The minister met us.\n\n2. (C) {intro}\n\n{marked}"
        assert [p["n"] for p in _record(plain)["paragraphs"]] == [1, 2, 1, 2, 3]


def test_a_series_lettered_inside_its_sentence_is_no_list_where_a_line_begins_with_its_next_letter() -> None:
    """``… explained to us privately that a) the GOCR had taken a decision to recognize Palestine;`` /
    ``b) President Arias had been involved; and c) the intent was …`` (08SANJOSE129): one paragraph, no
    list item ``b)``. A list whose every label begins its line stays a list."""
    body = ("5. (C) Guillermet explained to us privately that a) the GOCR had taken a decision to\n"
            "recognize the state of Palestine;\nb) President Arias had been involved; and c) the intent was to help.\n")
    assert _paragraphs(body) == ["5. (C) Guillermet explained to us privately that a) the GOCR had taken a decision "
                                 "to recognize the state of Palestine; b) President Arias had been involved; and c) "
                                 "the intent was to help."]
    assert not _cable(body).tei.findall(".//t:body//t:item", NS)
    listed = "5. (C) The minister raised two matters:\na) the border;\nb) the visas.\n"
    assert len(_cable(listed).tei.findall(".//t:body//t:item", NS)) == 2


def test_a_banner_serial_that_lost_its_last_digit_names_no_other_cable() -> None:
    """``C O N F I D E N T I A L BUENOS AIRES 00167SIPDIS`` under ``DE RUEHBU #1673/01`` on the page of
    07BUENOSAIRES1673: the banner's serial lost a digit; the note does not say the text is another cable's.
    A banner of six digits that names another serial still does."""
    def warnings(banner: str) -> list[str]:
        header = ("VZCZCXRO1234\nRR RUEHAC\nDE RUEHBU #1673/01 2361854\nZNY CCCCC ZZH\nR 241854Z AUG 07\n"
                  "FM AMEMBASSY BUENOS AIRES\nTO RUEHC/SECSTATE WASHDC 8888\n")
        body = f"{banner}\n\nSIPDIS\n\nE.O. 12958: DECL: 08/22/2017\nTAGS: PREL AR\nSUBJECT: TEST\n\n1. (C) Text.\n"
        meta = SourceMetadata(kind="cablegate-table", id="07BUENOSAIRES1673", created="2007-08-24 18:54")
        raw = RawCable(source="t.html", form="html", body=body, header=header, metadata=meta)
        return list(record(normalize(raw))["warnings"])

    cut = warnings("C O N F I D E N T I A L BUENOS AIRES 00167")
    assert not any("seems to be" in w for w in cut)
    assert any("lost its last digit" in w for w in cut)
    assert any("seems to be 07BUENOSAIRES1671's" in w for w in warnings("C O N F I D E N T I A L BUENOS AIRES 001671"))


def test_a_reference_label_glued_to_a_four_digit_year_still_labels() -> None:
    """``REFTELS: A) 2008 BRASILIA 672, B) 2008 BRASILIA 593, C)2008 SAO PAULO 260`` (09BRASILIA1383): three
    references, C its own, as ``C)08 …`` was."""
    from convert.normalize.refs import parse_refs

    refs = parse_refs("REFTELS: A) 2008 BRASILIA 672, B) 2008 BRASILIA 593, C)2008 SAO PAULO 260", 2009).items
    assert [(r.letter, r.target) for r in refs] == [("A", "08BRASILIA672"), ("B", "08BRASILIA593"),
                                                   ("C", "08SAOPAULO260")]
