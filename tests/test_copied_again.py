"""A media partner's or a database's copy of the preamble: its SUBJECT and REF lines are the
copy's wrapper, not a second subject line or list of references in the reading text (rules
``subject-again``, ``refs-again``, ``preview-refs-copy`` and ``copied-fields``); a cable whose
text says its subject's words again keeps them."""

from __future__ import annotations

from convert.model import RawCable
from convert.normalize import normalize, normalize_traced

NS = {"t": "http://www.tei-c.org/ns/1.0"}

PREAMBLE = """C O N F I D E N T I A L BERLIN 001690

SIPDIS

E.O. 12958: DECL: 12/18/2018
TAGS: PREL PGOV AF
SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS
ADVANCE OUR AFGHANISTAN AGENDA

Classified By: POLITICAL M...


183990
2008-12-19
08BERLIN1690
Embassy Berlin

CONFIDENTIAL

C O N F I D E N T I A L BERLIN 001690

SIPDIS

E.O. 12958: DECL: 12/18/2018

TAGS: PREL PGOV AF

SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS

ADVANCE OUR AFGHANISTAN AGENDA

Classified By: POLITICAL MINISTER COUNSELOR JEFF RATHKE.

1. (C) SUMMARY. During a December 18 visit to Berlin, the governors
pressed for greater German assistance. END SUMMARY.

2. (C) The governors met the ministers.

KOENIG
"""


def _texts(body: str, xpath: str) -> list[str]:
    tei = normalize(RawCable("t.txt", "text", body)).tei
    return [" ".join("".join(e.itertext()).split()) for e in tei.iterfind(xpath, NS)]


def _reading(body: str) -> list[str]:
    """The text of the body's blocks outside the opener and the wrappers (what a reader sees)."""
    tei = normalize(RawCable("t.txt", "text", body)).tei
    div = tei.find(".//t:div[@type='telegram']", NS)
    assert div is not None
    out = []
    for child in div:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag in ("opener", "closer") or child.get("type") in ("wrapper", "rule"):
            continue
        out.append(" ".join("".join(child.itertext()).split()))
    return out


def test_copy_subject_wrapped_over_blocks_is_wrapper() -> None:
    reading = _reading(PREAMBLE)
    assert not any("KUNAR AND WARDAK" in x for x in reading[1:]), reading
    assert "ADVANCE OUR AFGHANISTAN AGENDA" in " ".join(_texts(PREAMBLE, ".//t:ab[@type='wrapper']"))


def test_copy_subject_that_says_otherwise_stays() -> None:
    body = PREAMBLE.replace("SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS\n\nADVANCE",
                            "SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS\n\nSTALL")
    assert any("STALL" in x for x in _reading(body))


def test_empty_cut_subject_copy_after_row_is_wrapper() -> None:
    body = PREAMBLE.replace("SUBJECT: GERMANY: VISIT OF KUNAR AND WARDAK GOVERNORS HELPS\nADVANCE OUR AFGHANISTAN "
                            "AGENDA\n\nClassified By: POLITICAL M...", "SUBJECT:...")
    reading = _reading(body)
    assert reading[0].startswith("SUBJECT:") and "KUNAR" in reading[0]  # the head reads whole
    assert not any("SUBJECT" in x for x in reading[1:]), reading


SAME_TWICE = """S E C R E T ROME 000395

SIPDIS

E.O. 12958: DECL: 04/06/2014
TAGS: ECON EFIN IT
SUBJECT: ITALY DODGES FINANCIAL MELT DOWN, BUT GLOBAL DOWNTURN HITS HARD
SUBJECT: ITALY DODGES FINANCIAL MELT DOWN, BUT GLOBAL DOWNTURN HITS HARD
REF: ROME 320
REF: ROME 320

Classified By: Economic Minister Counselor for reasons 1.4 (b) and (d)

1. (C) Summary: Italy's banking system avoided the worst. End Summary.

2. (C) Italy dodges financial melt down, but global downturn hits hard: the
subject of this cable is written again in a sentence, which stays.

SPOGLI
"""


def test_subject_and_refs_written_twice_in_the_preamble() -> None:
    done = normalize_traced(RawCable("t.txt", "text", SAME_TWICE))
    assert {"subject-again", "refs-again"} <= set(done.fired)
    reading = _reading(SAME_TWICE)
    assert sum("ITALY DODGES" in x for x in reading) == 1, reading
    assert sum(x.startswith("REF:") for x in reading) == 1, reading
    assert any("written again in a sentence" in x for x in reading)
    assert len(done.parsed.facts.refs) == 1


def test_a_second_subject_that_says_more_stays() -> None:
    body = SAME_TWICE.replace("BUT GLOBAL DOWNTURN HITS HARD\nREF", "BUT GLOBAL DOWNTURN HITS HARD IN 2009\nREF")
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "subject-again" not in done.fired
    assert any("IN 2009" in x for x in _reading(body))


def test_refs_copy_with_items_is_wrapper() -> None:
    copy = "REF: A. SECSTATE 296471\n\nB. SECSTATE 296490\n\nClassified By: POLITICAL"
    body = PREAMBLE.replace("Classified By: POLITICAL M...", "REF: A. SECSTATE 296471\nB. SECSTATE 296490").replace(
        "Classified By: POLITICAL MINISTER", copy)
    reading = _reading(body)
    assert sum(x.startswith("REF:") for x in reading) == 1, reading


def test_a_preview_list_cut_short_then_the_copy_in_the_preamble() -> None:
    # ``REF: A.`` (the preview stopped there), then the copy's whole list: the cut one is the wrapper
    body = SAME_TWICE.replace("REF: ROME 320\nREF: ROME 320", "REF: A.\nREF: A. ROME 320 B. ROME 300")
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "refs-again" in done.fired
    assert [x for x in _reading(body) if x.startswith("REF")] == ["REF: A. ROME 320 B. ROME 300"]


def test_a_preview_list_cut_by_its_mark_only_then_the_copy_met_late() -> None:
    # ``REF: SECSTATE 296471 ...`` in the preview, ``REF: SECSTATE 296471`` in the copy after the row
    body = PREAMBLE.replace("Classified By: POLITICAL M...", "REF: SECSTATE 296471 ...").replace(
        "Classified By: POLITICAL MINISTER", "REF: SECSTATE 296471\n\nClassified By: POLITICAL")
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "preview-refs-copy" in done.fired
    assert [x for x in _reading(body) if x.startswith("REF")] == ["REF: SECSTATE 296471"]


def test_a_copy_of_the_ref_list_made_wrapper_keeps_its_items() -> None:
    # the property tests' find (a preview block written three times): the REF list made the
    # copy's wrapper lost its item ``B. PRAGUE 356 ...``, words of the source missing from the TEI
    import hardening_support as hs

    text = (
        "This record is a partial extract of the original cable. The full text of the original cable is "
        "not available.\n\nC O N F I D E N T I A L PRAGUE 000470 \n \nSIPDIS \n \nE.O. 12958: DECL: "
        "04/01/2015 \nTAGS: MASS PREL BO EZ RS\nSUBJECT: (C) CZECH GOVERNMENT OFFICIALLY SAYS NO TO SALE OF "
        "\nMISSILES FROM BELARUS TO US NAVY \n \nREF: A. PRAGUE 337 \n \n     B. PRAGUE 356 ...\n"
        + "4/1/2005 14:50 C O N F I D E N T I A L PRAGUE 000470 SIPDIS E.O. 12958: DECL: 04/01/2015 TAGS: "
        "MASS PREL BO EZ RS\nMISSILES FROM BELARUS TO US NAVY \n \nREF: A. PRAGUE 337 \n \n     B. PRAGUE "
        "356 ...\n" * 2
        + "4/1/2005 14:50 C O N F I D E N T I A L PRAGUE 000470 SIPDIS E.O. 12958: DECL: 04/01/2015 TAGS: "
        "MASS PREL BO EZ RS\n\n1. (C) The Czech government has formally denied the license request.\n\nCABANISS"
    )
    hs.assert_holds(text.encode(), "text")


def test_the_subject_again_under_its_short_label_is_wrapper() -> None:
    # ``SUBJ: Italy Dodges …`` after the Classified By line: the same words under the short label
    body = SAME_TWICE.replace(
        "SUBJECT: ITALY DODGES FINANCIAL MELT DOWN, BUT GLOBAL DOWNTURN HITS HARD\nREF: ROME 320\nREF: ROME 320\n\n"
        "Classified By: Economic Minister Counselor for reasons 1.4 (b) and (d)\n",
        "REF: ROME 320\n\nClassified By: Economic Minister Counselor for reasons 1.4 (b) and (d)\n\n"
        "SUBJ: Italy Dodges Financial Melt Down, but Global\nDownturn Hits Hard\n",
    )
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "subject-again" in done.fired
    assert sum("dodges" in x.lower() for x in _reading(body)) == 2  # the subject line and the sentence


def test_a_second_subject_with_other_words_stays() -> None:
    # a drafter's second title (``… STRATEGY FOR ADVANCING IPR`` / ``… IPR TRAINING WEEK A SUCCESS``)
    body = SAME_TWICE.replace("BUT GLOBAL DOWNTURN HITS HARD\nREF", "BANKS HOLD FIRM\nREF")
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert not {"subject-again", "preview-subject-cut"} & set(done.fired)
    assert any("BANKS HOLD FIRM" in x for x in _reading(body))


PREVIEW_THEN_OWN = """<<223100>>
09.01.2009 08:58
09NAIROBI1800
Embassy Nairobi
SECRET
VZCZCXYZ0002
P 010858Z SEP 09
FM AMEMBASSY NAIROBI
TO RUEHC/SECSTATE WASHDC PRIORITY 0826
TAGS: CVIS KCOR KE
SUBJECT: VISAS DONKEY: CORRUPTION VISA
REF: A. 2008 STATE 81854


S e c r e t nairobi 001800

Sensitive
sipdis

Dept for a/s carson, inl/c/cp; nsc for senior
director gavin

E.o. 12958: decl: 08/27/2019
Tags: cvis, kcor, ke
Subject: visas donkey: corruption visa denial

Ref: a. 2008 state 81854
b. Nairobi 1700

Classified By: Ambassador, Reasons 1.4 b,d

1. (C) Embassy is seeking a security advisory opinion.

RANNEBERGER
"""


def test_the_cables_own_preamble_after_a_preview() -> None:
    done = normalize_traced(RawCable("t.txt", "text", PREVIEW_THEN_OWN))
    assert {"copy-distribution", "preview-subject-cut", "refs-again"} <= set(done.fired)
    reading = _reading(PREVIEW_THEN_OWN)
    assert reading[0] == "Subject: visas donkey: corruption visa denial"  # the whole one, as written
    assert reading[1].startswith("Ref: a. 2008 state 81854") and "Nairobi 1700" in reading[1]
    assert not any(x.startswith(("Dept for", "E.o.", "Tags", "SUBJECT", "REF")) for x in reading), reading
    distribution = _texts(PREVIEW_THEN_OWN, ".//t:opener/t:seg[@type='distribution']")
    assert distribution == ["Dept for a/s carson, inl/c/cp; nsc for senior", "director gavin"]
    assert [r.text for r in done.parsed.facts.refs] == ["2008 state 81854", "Nairobi 1700"]


def test_no_banner_between_two_subjects_keeps_the_longer_second() -> None:
    # one preamble's two SUBJECT lines, the second saying more (the cable's own slip): both stay
    body = PREVIEW_THEN_OWN.replace("\n\nS e c r e t nairobi 001800\n", "\n")
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "preview-subject-cut" not in done.fired


def test_a_row_with_its_origin_and_level_before_the_copy_is_wrapper() -> None:
    # ``65298  2006-05-24  06THEHAGUE1184  Embassy The Hague  CONFIDENTIAL    C O N F I D E N T I A L …``
    row = ("65298  2008-12-19  08BERLIN1690  Embassy Berlin  CONFIDENTIAL    C O N F I D E N T I A L BERLIN 001690"
           "   SIPDIS   E.O. 12958: DECL: 12/18/2018  TAGS: PREL PGOV AF")
    text = PREAMBLE.split("MINISTER COUNSELOR JEFF RATHKE.\n\n")[1]
    body = PREAMBLE.split("\n\n183990")[0] + "\n\n" + row + "\n\n" + text
    done = normalize_traced(RawCable("t.txt", "text", body))
    assert "preamble-copy" in done.fired
    assert not any("08BERLIN1690" in x for x in _reading(body))
