"""A second cable appended after a page's own text (issue 14, item 1).

The pages are the eight of the hand-built truth (tests/truth/truth.jsonl) whose text carries
another cable (``second_cable``), reduced to their metadata table and ``<pre>`` blocks in
tests/fixtures/appended-real. The truth says which cable each page is and which cable was
appended; these tests hold the normalizer to it: the page keeps its identity, the appended
cable is a part of its own (its own id and facts), and no header fact comes from it.
"""

from __future__ import annotations

import collections
import json
import re
from pathlib import Path

import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.normalize import normalize_traced
from convert.normalize.rules.appended import Identity, _row_origin, row_time
from convert.options import ReadOptions
from convert.readers import Source, load_source
from convert.textview import source_text
from convert.writers.json import record

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures" / "appended-real"
TRUTH = [json.loads(line) for line in (HERE / "truth" / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
SECOND = [r for r in TRUTH if r.get("second_cable")]
RULES = ("appended-row", "appended-row-lines", "appended-routing", "appended-banner")
WORD = re.compile(r"[A-Za-z0-9]+")


def _raw(cable_id: str) -> RawCable:
    path = FIXTURES / f"{cable_id}.html"
    raw = next(iter(load_source(Source(name=path.name, path=str(path)), ReadOptions())))
    assert isinstance(raw, RawCable)
    return raw


def _flat(text: str | None) -> str | None:
    return " ".join(text.split()).upper() if text else None


def _x(tei: etree._Element, path: str) -> list[etree._Element]:
    return tei.xpath(path, namespaces=NS)  # type: ignore[no-any-return]


def test_the_truth_names_eight_pages_with_a_second_cable() -> None:
    assert len(SECOND) == 8
    assert {r["id"] for r in SECOND} == {p.stem for p in FIXTURES.glob("*.html")}


@pytest.mark.parametrize("truth", SECOND, ids=[r["id"] for r in SECOND])
def test_the_appended_cable_is_a_part_of_its_own(truth: dict[str, object], assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    done = normalize_traced(_raw(str(truth["id"])))
    cable, parsed = done.cable, done.parsed
    # the page keeps its identity: the id, and the output's name, are the page's
    assert parsed.facts.cable_id == truth["id"]
    assert cable.file_stem() == truth["id"]
    # the appended cable: found, with its own id, as a div of its own after the telegram
    assert [part.facts.cable_id for part in parsed.appended] == [truth["second_cable_id"]]
    divs = _x(cable.tei, "t:text/t:body/t:div")
    assert [d.get("type") for d in divs] == ["telegram", "appended-cable"]
    assert divs[1].get("n") == truth["second_cable_id"]
    # its id begins with the page's (ids never collide when cables are combined), and so do
    # the ids of its blocks
    part_id = f"c{truth['id']}-appended-1"
    assert divs[1].get("{http://www.w3.org/XML/1998/namespace}id") == part_id
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    inner = [n.get(xml_id) for n in divs[1].iterdescendants() if isinstance(n.tag, str)]
    assert all(i.startswith(part_id + "-") for i in inner if i) and any(inner)
    # its facts in the header, pointing at its div, and in the JSON record
    bibl = _x(cable.tei, "//t:listBibl[@type='appended-cables']/t:bibl")
    assert [b.get("corresp") for b in bibl] == ["#" + part_id]
    assert [p["id"] for p in record(cable)["appended"]] == [truth["second_cable_id"]]
    # no header fact from it: the signer is the page's (or none found), never the other's
    appended_signer = parsed.appended[0].facts.signer
    if appended_signer and appended_signer.upper() != str(truth["signer"] or "").upper():
        assert parsed.facts.signer != appended_signer
    assert parsed.facts.signer in (truth["signer"], None)
    # the subject: the page's (its start: some media copies run it into the text, which is
    # the preamble's business), never the appended cable's
    subject, theirs = _flat(parsed.facts.subject), _flat(parsed.appended[0].facts.subject)
    assert subject is None or subject[:15] == _flat(str(truth["subject"]))[:15]
    assert theirs is None or subject != theirs
    # no word lost: every word of the input is in the TEI text, once each
    raw = _raw(str(truth["id"]))
    want = collections.Counter(WORD.findall((raw.header or "") + "\n" + raw.body))
    got = collections.Counter(WORD.findall(source_text(_x(cable.tei, "t:text")[0])))
    assert not want - got
    assert any("second cable" in w for w in cable.warnings)
    assert_valid_tei(cable.tei)


@pytest.mark.parametrize("truth", SECOND, ids=[r["id"] for r in SECOND])
def test_the_records_paragraphs_are_the_pages_own(truth: dict[str, object]) -> None:
    """The paragraphs a citation of the page's cable means: its own numbered paragraphs, as the
    truth counts them (07BERN881: 1-4, not 1-4 then the appended 07TBILISI2290's 1-8); the
    appended cable's numbered paragraphs are still in the record's body, after the page's."""
    rec = record(normalize_traced(_raw(str(truth["id"]))).cable)
    own = [p["n"] for p in rec["paragraphs"]]
    every = [b["n"] for b in rec["body"] if b["type"] == "p" and isinstance(b["n"], int)]
    assert every[: len(own)] == own
    if "paragraphs" not in (truth.get("ambiguous") or []):
        assert own == truth["paragraphs"]
    if truth["id"] == "07BERN881":
        assert every == [1, 2, 3, 4, 1, 2, 3, 4, 5, 6, 7, 8]


def test_without_the_rules_the_appended_cable_supplies_the_signer() -> None:
    """The failure the rules fix: with them off, 09CAIRO1962 (no signature of its own) is
    signed by the appended cable's signer, and no part is found."""
    off = normalize_traced(_raw("09CAIRO1962"), disable=RULES)
    assert off.parsed.appended == ()
    assert off.parsed.facts.signer == "Scobey"
    on = normalize_traced(_raw("09CAIRO1962"))
    assert on.parsed.facts.signer is None
    assert on.parsed.appended[0].facts.signer == "Scobey"


def test_a_page_without_a_second_cable_has_no_part() -> None:
    path = HERE / "fixtures" / "hardening-real" / "09OSLO9.html"
    raw = next(iter(load_source(Source(name=path.name, path=str(path)), ReadOptions())))
    assert isinstance(raw, RawCable)
    done = normalize_traced(raw)
    assert done.parsed.appended == ()
    assert not _x(done.cable.tei, "//t:div[@type='appended-cable'] | //t:listBibl")
    assert record(done.cable)["appended"] == []


def test_a_later_section_of_the_same_cable_is_no_second_cable() -> None:
    text = (
        "C O N F I D E N T I A L SECTION 01 OF 02 CAIRO 000184\n\nSIPDIS\n\nE.O. 12958: N/A\n"
        "TAGS: PREL EG\nSUBJECT: A TEST OF SECTIONS\n\n1. (C) The first paragraph says enough words.\n\n"
        "C O N F I D E N T I A L SECTION 02 OF 02 CAIRO 000184\n\n2. (C) The second paragraph.\n\nSCOBEY\n"
    )
    done = normalize_traced(RawCable(source="t.txt", form="text", body=text))
    assert done.parsed.appended == ()


def test_a_banner_of_another_serial_begins_an_appended_part() -> None:
    text = (
        "C O N F I D E N T I A L CAIRO 000184\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL EG\n"
        "SUBJECT: THE FIRST CABLE\n\n1. (C) The first cable's only paragraph has words.\n\nSCOBEY\n\n"
        "C O N F I D E N T I A L CAIRO 000210\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL EG\n"
        "SUBJECT: THE SECOND CABLE\n\n1. (C) The second cable's paragraph.\n\nTUELLER\n"
    )
    done = normalize_traced(RawCable(source="t.txt", form="text", body=text))
    assert done.parsed.facts.subject == "THE FIRST CABLE"
    assert done.parsed.facts.signer == "SCOBEY"
    [part] = done.parsed.appended
    assert part.facts.subject == "THE SECOND CABLE"
    assert part.facts.signer == "TUELLER"


def test_serials_compare_as_the_same_cable_when_one_is_cut_short() -> None:
    own = Identity.of("09CAIRO1960")
    assert own.other_serial("184")
    assert not own.other_serial("001960")
    assert not own.other_serial("196")  # a serial cut short is the same cable
    assert not own.other_serial("21960", last=4)  # a DE line keeps four digits
    assert own.other_id("09CAIRO1962")
    assert not own.other_id("09CAIRO1960")


def test_a_pasted_cables_own_row_after_its_de_line_is_no_second_cable() -> None:
    """Pasted text knows its serial from the DE line only, which keeps four digits: the media
    partner's row naming the same cable (``refid: 08STATE25671`` after ``DE RUEHC #5671``) is
    the cable's own wrapper, not another cable; a row of another serial still is."""
    own = Identity(None, None, "5671", kept=4)
    assert not own.other_id("08STATE25671")
    assert own.other_id("08STATE25672")
    assert not Identity(None, None, "1690", kept=4).other_serial("00169")  # a banner cut short (08BERLIN1690)
    head = "VZCZCXRO2655\nPP RUEHAO\nDE RUEHC #5671/01 0721252\nZNY CCCCC ZZH\nP 121245Z MAR 08\nFM SECSTATE WASHDC\n"
    body = (
        "TO RUEHLO/AMEMBASSY LONDON PRIORITY 5546\n\nC O N F I D E N T I A L STATE 025671\n\nE.O. 12958: N/A\n"
        "TAGS: PREL CO\nSUBJECT: THE PREVIEW\n\n1. (C) Summary. The OAS Permanent...\n\n"
        "id: 145435\ndate: 3/12/2008 12:45\nrefid: 08STATE25671\norigin: Secretary of State\n"
        "classification: CONFIDENTIAL\n\nC O N F I D E N T I A L STATE 025671\n\nE.O. 12958: N/A\n"
        "TAGS: PREL CO\nSUBJECT: THE PREVIEW\n\n1. (C) Summary. The OAS Permanent Council met.\n\nRICE\n"
    )
    done = normalize_traced(RawCable(source="t.txt", form="text", body=head + body))
    assert done.parsed.appended == ()
    assert [p["n"] for p in record(done.cable)["paragraphs"]] == [1]


def test_row_dates_and_origins() -> None:
    assert row_time("7/30/2004", "12:31") == "2004-07-30T12:31"
    assert row_time("04.10.2009", "01:32") == "2009-10-04T01:32"
    assert row_time("2007-09-11", "12:50") == "2007-09-11T12:50"
    assert row_time("13/30/2004", "12:31") is None
    assert _row_origin(" Embassy Cairo CONFIDENTIAL 09STATE94763") == ("Embassy Cairo", "CONFIDENTIAL")
    assert _row_origin('"Embassy The Hague","SECRET//NOFORN",""') == ("Embassy The Hague", "SECRET//NOFORN")
    assert _row_origin(" Embassy Manama") == ("Embassy Manama", None)


def test_a_repeated_cable_quoted_in_the_text_is_the_text_not_an_appended_part() -> None:
    """08STATE125686 repeats a San Jose cable: "... IS BEING REPEATED FOR YOUR INFO: QUOTE:"
    then the San Jose banner. The quoted cable is the page's own text."""
    text = (
        "UNCLAS STATE 125686\n\n\nTHE FOLLOWING SAN JOSE 00928 DTG 262221Z NOV 08 SENT\n"
        "ACTION TO SECSTATE WASHDC IS BEING REPEATED FOR YOUR\nINFO:\n\nQUOTE:\n"
        "UNCLAS SAN JOSE 000928\n\nE.O. 12958: N/A\nTAGS: PGOV EAID CS\n"
        "SUBJECT: COLD FRONT AFFECTING CARIBBEAN COAST\n\n1. Flood damage on the coast.\n\nUNQUOTE\nRICE\n"
    )
    done = normalize_traced(RawCable(source="t.txt", form="text", body=text))
    assert done.parsed.appended == ()
    assert done.parsed.facts.subject == "COLD FRONT AFFECTING CARIBBEAN COAST"


def test_a_wrapper_row_at_the_top_is_not_the_cables_beginning() -> None:
    """09PARTO40301: the text opens with the page's own database row, then a routing header
    whose DE serial (#0003) is not the id's: the row is a wrapper, the header the cable's own;
    nothing has begun that another cable could follow."""
    from convert.model import SourceMetadata

    text = (
        "200714\n2009-04-03 17:28:00\n09PARTO40301\nUS Delegation, Secretary\nCONFIDENTIAL\n\n"
        "VZCZCXRO9333\nOO RUEHCD RUEHGD\nDE RUCNAI #0003/01 0931728\nZNY CCCCC ZZH\nO 031728Z APR 09\n"
        "FM USDEL SECRETARY//MEXICO//\nTO RUEHME/AMEMBASSY MEXICO IMMEDIATE\nBT\n"
        "C O N F I D E N T I A L SECTION 01 OF 02 PARTO 040301\n\nSUBJECT: A VISIT\n\n"
        "1. (C) The delegation's paragraph has enough words in it.\n\nCLINTON\n"
    )
    meta = SourceMetadata(kind="cablegate-table", id="09PARTO40301")
    done = normalize_traced(RawCable(source="t.html", form="text", body=text, metadata=meta))
    assert done.parsed.appended == ()
    assert done.parsed.facts.subject == "A VISIT"


DAMAGED_APPENDED = """S E C R E T SECTION 01 OF 01 BOGOTA 008900

SIPDIS

E.O. 12958: DECL: 08/24/2014
TAGS: PGOV PTER
SUBJECT: THE PAGE'S OWN CABLE

1. (S) The own cable's text. End Comment. DRUCKER

VZCZCXYZ0006
RR RUEHWEB

DE RUEHSJ #0048 0112156
ZNR UUUUU ZZH
R 112156Z JAN 07
FM AMEMBASSY SAN JOSE TO SECSTATE WASHDC 6968 UNCLAS
SAN JOSE 000048

SIPDIS

E.O. 12958: N/A
TAGS: EAGR ETRD
SUBJECT: THE APPENDED CABLE

Per reftel request, this confirms the appended text.

LANGDALE
"""


def test_an_appended_cable_whose_header_gives_no_id_is_valid_without_n(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    """Found by the slow property test (two cables, lines rewrapped): the appended part's FM
    and TO run on one line, so its "id" came out as a run of words and numbers, written as the
    div's @n, which the profile types as a cable id: the TEI was invalid. Now @n is left out
    when it is not an id (the part's listBibl entry keeps what was found)."""
    done = normalize_traced(RawCable(source="t.txt", form="text", body=DAMAGED_APPENDED))
    assert_valid_tei(done.cable.tei)
    [part] = done.cable.tei.xpath("//t:div[@type='appended-cable']", namespaces=NS)
    assert part.get("n") is None
    assert "THE APPENDED CABLE" in "".join(part.itertext())


WRONG_BODY = (
    "VZCZCXYZ0003\nOO RUEHWEB\n\nDE RUEHME #0614 0501538\nZNR UUUUU ZZH\nO R 191538Z FEB 10\n"
    "FM AMEMBASSY MEXICO\nTO RUEHC/SECSTATE WASHDC IMMEDIATE 0530\n\n"
    "S E C R E T SECTION 01 OF 04 ISLAMABAD 000416\n\nSIPDIS\n\nTAGS: PHUM SNAR\n"
    "SUBJECT: SCENESETTER FOR A VISIT\n\n1. (C) The text of a cable from another post, long "
    "enough to be a paragraph.\n\nPATTERSON\n"
)


@pytest.mark.parametrize(("table_id", "kept"), [("10MEXICO614", "10MEXICO614"),
                                                 ("10MEXICO999", "10ISLAMABAD416")])
def test_a_body_under_another_cables_header_keeps_the_pages_id(table_id: str, kept: str) -> None:
    """10MEXICO614 (and 10 more pages of ../shared): the routing header (FM Mexico, DE serial
    0614) and the page's table say 10MEXICO614, the banner of the text under them names
    ISLAMABAD 000416. Two witnesses against one: the page keeps its id, so that its files are
    not named after, and do not overwrite, the other cable's. The banner's id is a discrepancy
    note in the TEI, and the message reference stays what the text says. Where the routing does
    not give the table's id (second case), the banner's id stands, as before."""
    from convert.model import SourceMetadata

    meta = SourceMetadata(kind="cablegate-table", id=table_id)
    done = normalize_traced(RawCable(source="t.html", form="text", body=WRONG_BODY, metadata=meta))
    facts = done.parsed.facts
    assert facts.cable_id == kept
    assert facts.message_ref == "ISLAMABAD 000416"
    notes = [n for n in facts.discrepancies if n.startswith("id:")]
    assert len(notes) == 1
    if kept == table_id:
        assert "the banner gives 10ISLAMABAD416" in notes[0] and "10MEXICO614 is kept" in notes[0]
        kept_notes = done.cable.tei.xpath("//t:note[@type='discrepancy']", namespaces=NS)
        assert [n.text for n in kept_notes if n.text.startswith("id:")] == notes
        assert done.cable.tei.get("{http://www.w3.org/XML/1998/namespace}id") == "c10MEXICO614"
    else:
        assert notes == [f"id: the text gives 10ISLAMABAD416, the cablegate table {table_id}"]


@pytest.mark.parametrize("truth", SECOND, ids=[str(r["id"]) for r in SECOND])
def test_the_edition_says_where_the_appended_cable_begins(truth: dict[str, object]) -> None:
    """The reading edition prints an editorial line where the appended cable begins (its text
    would otherwise run on from the page's own, signature after signature): in the edition's
    words, between the two cables' texts, and in the HTML and Markdown renditions; the
    transcript (the cable's own order, no editorial words) has none."""
    from convert.editorial import appended_label
    from convert.options import WriteOptions
    from convert.textview import body_text, edition_text
    from convert.writers import html, markdown

    cable = normalize_traced(_raw(str(truth["id"]))).cable
    divs = [d for d in cable.tei.iterfind(".//t:div[@type='appended-cable']", NS)]
    assert divs
    texts = [d for d in divs if any(child.tag != f"{{{NS['t']}}}opener" for child in d)]
    labels = [appended_label(d) for d in divs]
    assert [label is None for label in labels] == [d not in texts for d in divs]  # a header alone: no label
    if not texts:  # 04THEHAGUE1915: the page prints only the other cable's row and header
        assert "Appended on the same page" not in edition_text(cable)
        return
    divs, labels = texts, [appended_label(d) or "" for d in texts]
    assert labels[0] == f"[Appended on the same page: Telegram {divs[0].get('n')}]"
    edition = edition_text(cable)
    telegram = cable.tei.find(".//t:div[@type='telegram']", NS)
    own, later = (node.xpath("(.//t:p | .//t:item)[1]", namespaces=NS) for node in (telegram, divs[0]))
    assert later  # the part has text (else no label)
    at = edition.index(labels[0])
    for paragraphs, text in ((own, edition[:at]), (later, edition[at:])):  # the page's text before, the other's after
        for paragraph in paragraphs:  # (09CAIRO1962's own cable is its header alone)
            words = WORD.findall(source_text(paragraph))[:6]
            assert words and " ".join(words) in " ".join(WORD.findall(text))
    assert all(label in edition for label in labels) and not any(label in body_text(cable) for label in labels)
    assert labels[0] in html.write(cable, WriteOptions()).decode()
    assert labels[0].replace("[", "\\[").replace("]", "\\]") in markdown.write(cable, WriteOptions()).decode()


def test_a_dateless_text_under_another_cables_id_keeps_the_pages_id() -> None:
    """05MUSCAT679 (and 05SOFIA1280, 05LIMA3609): a partial extract, so no date-time group,
    whose banner names BEIJING 002305 under the page's 05MUSCAT679. The only year there is, the
    table's, is 05MUSCAT679's: an id made of the banner's reference and that year
    (05BEIJING2305) would name a cable the text never claims to be. The page keeps its id, the
    banner's reference stays the message reference, and a discrepancy note says why."""
    from convert.model import SourceMetadata

    body = ("C O N F I D E N T I A L SECTION 01 OF 03 BEIJING 002305\n\nSIPDIS\n\nE.O. 12958: DECL: 06/12/2033\n"
            "TAGS: PREL CH\nSUBJECT: A MEETING\n\n1. (C) The meeting was held and it was long enough.\n\nPICCUTA\n")
    meta = SourceMetadata(kind="cablegate-table", id="05MUSCAT679", created="2005-04-25 10:10")
    facts = normalize_traced(RawCable(source="t.html", form="text", body=body, metadata=meta)).parsed.facts
    assert facts.cable_id == "05MUSCAT679"
    assert facts.message_ref == "BEIJING 002305"
    assert [n for n in facts.discrepancies if n.startswith("id:")] == [
        "id: the banner gives BEIJING 002305, the cablegate table 05MUSCAT679; the text gives no date, "
        "so BEIJING 002305's year is unknown: the id 05MUSCAT679 is kept"
    ]
