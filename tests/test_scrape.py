"""A pre-2000 cable of the public text scrape: its five lines of metadata are the cable's
metadata (as a cablegate page's table is), and stay in the text with the routing header."""

from __future__ import annotations

from convert import schema
from convert.model import NS, TEI_NS
from convert.normalize import normalize
from convert.readers import scrape, text
from convert.textview import source_text
from convert.writers.json import record

PREFACE = ("91BERLIN3009\nUNEMPLOYMENT UP SHARPLY IN JULY\nThu Aug 15 00:00:00 +0200 1991\nUNCLASSIFIED\n"
           "Embassy Berlin\n")
#: a partial extract: its PAGE line's date-time group has no month or year, and no FM line
EXTRACT = (
    "This record is a partial extract of the original cable. The full text of the original cable is not "
    "available.\n\n\n                       UNCLASSIFIED\n\n"
    "PAGE 01        BERLIN  03009  01 OF 06  151359Z\n"
    "UNCLAS SECTION 01 OF 06 BERLIN 03009\n\nE.O. 12356: N/A\nTAGS: ELAB GE\n"
    "SUBJECT: UNEMPLOYMENT UP SHARPLY IN JULY\n\nREF: (A) BERLIN 2801, (B) BONN 22310\n\n"
    "1. UNEMPLOYMENT IN THE FIVE NEW LAENDER ROSE SHARPLY.\n"
)
SENT = (
    "R 251500Z OCT 88\nFM AMCONSUL ADANA\nTO SECSTATE WASHDC 4559\nINFO AMEMBASSY ANKARA\n"
    "AMCONSUL IZMIRUNCLAS ADANA 0638\n\n"
    "FOR OFFICIAL USE ONLY\n\nE.O. 12356: N/A\nTAGS: PTER TU GE\nSUBJECT: THE PKK\n\nREF: ANKARA 4230\n\n"
    "1. (U) THE FRG HAS NOT CHANGED ITS VIEW.\n"
)
ADANA = "88ADANA638\nTHE PKK\nTue Oct 25 00:00:00 +0100 1988\nUNCLASSIFIED\nConsulate Adana\n"


def test_the_five_lines_are_read_as_metadata_and_kept_in_the_text() -> None:
    raw = text.read(PREFACE + EXTRACT, "91BERLIN3009.txt")
    meta = raw.metadata
    assert meta is not None and meta.kind == "text-scrape"
    assert (meta.id, meta.created, meta.classification, meta.origin) == (
        "91BERLIN3009", "1991-08-15", "UNCLASSIFIED", "Embassy Berlin")
    assert raw.body == PREFACE + EXTRACT  # nothing cut: the normalizer keeps the lines


def test_other_texts_and_damaged_days_give_no_scrape_metadata() -> None:
    assert scrape.metadata(EXTRACT) is None
    assert scrape.metadata("91BERLIN3009\nTITLE\n15 Aug 1991\nUNCLASSIFIED\nEmbassy Berlin\n" + EXTRACT) is None
    damaged = scrape.metadata(PREFACE.replace("Aug 15", "Aug 32") + EXTRACT)
    assert damaged is not None and damaged.created is None and damaged.id == "91BERLIN3009"
    assert text.read(EXTRACT, "x.txt").metadata is None


def test_a_partial_extract_without_a_dated_dtg_takes_id_date_and_origin_from_the_scrape() -> None:
    cable = normalize(text.read(PREFACE + EXTRACT, "91BERLIN3009.txt"))
    rec = record(cable)
    assert (rec["id"], rec["date"], rec["origin"]) == ("91BERLIN3009", "1991-08-15", "Embassy Berlin")
    # references without a year are of the cable's year, now known
    assert [r["id"] for r in rec["references"]] == ["91BERLIN2801", "91BONN22310"]
    assert any("the date comes from the text-scrape" in w for w in rec["warnings"])
    assert any("the id 91BERLIN3009 comes from the text-scrape" in w for w in rec["warnings"])
    assert not schema.errors(schema.profile_schema(), cable.tei)
    witness = cable.tei.find(".//t:sourceDesc/t:bibl[@type='text-scrape']", NS)
    assert witness is not None
    assert witness.find("t:date[@type='created']", NS).get("when") == "1991-08-15"
    # the lines stay in the text, above it (with the header's lines), not in its paragraphs
    opener = cable.tei.find(".//t:body//t:opener", NS)
    assert opener is not None and "Thu Aug 15 00:00:00 +0200 1991" in source_text(opener)
    assert not any("Embassy Berlin" in source_text(p) for p in cable.tei.iter(f"{{{TEI_NS}}}p"))


def test_the_texts_own_facts_come_first_and_a_level_alone_is_no_disagreement() -> None:
    cable = normalize(text.read(ADANA + SENT, "88ADANA638.txt"))
    rec = record(cable)
    assert (rec["id"], rec["date"], rec["from"]) == ("88ADANA638", "1988-10-25T15:00:00Z", "AMCONSUL ADANA")
    assert rec["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    # the scrape gives the level without caveats: not a disagreement with the text
    assert not cable.tei.findall(".//t:note[@type='discrepancy']", NS)
    other = normalize(text.read(ADANA.replace("UNCLASSIFIED", "CONFIDENTIAL") + SENT, "88ADANA638.txt"))
    notes = [n.text for n in other.tei.iter(f"{{{TEI_NS}}}note") if n.get("type") == "discrepancy"]
    # named as the record has it, not by its level alone (the record is FOUO, the level UNCLASSIFIED)
    assert notes == ["classification: the text's markings read as UNCLASSIFIED//FOR OFFICIAL USE ONLY, "
                     "the text scrape's metadata CONFIDENTIAL"]
    assert notes[0] in record(other)["warnings"]


def test_a_limited_official_use_scrape_is_named_as_its_record_in_a_disagreement() -> None:
    """A cable marked LIMITED OFFICIAL USE is UNCLASSIFIED//FOR OFFICIAL USE ONLY in the record;
    where the scrape's metadata gives another level, the warning names the record's line."""
    marked = SENT.replace("UNCLAS ADANA 0638", "LIMITED OFFICIAL USE ADANA 0638").replace(
        "FOR OFFICIAL USE ONLY\n\n", "")
    cable = normalize(text.read(ADANA.replace("UNCLASSIFIED", "SECRET") + marked, "88ADANA638.txt"))
    rec = record(cable)
    assert rec["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    notes = [n.text for n in cable.tei.iter(f"{{{TEI_NS}}}note") if n.get("type") == "discrepancy"]
    assert notes == ["classification: the text's markings read as UNCLASSIFIED//FOR OFFICIAL USE ONLY, "
                     "the text scrape's metadata SECRET"]


def test_the_release_misspelling_a_post_is_no_disagreement() -> None:
    """The scrape writes "Embasy Bonn"; the FM line names AMEMBASSY BONN: one post, printed by
    its name, and no discrepancy note."""
    bonn = ("88BONN31258\nTHE PKK\nThu Sep 15 00:00:00 +0200 1988\nUNCLASSIFIED\nEmbasy Bonn\n"
            "R 151642Z SEP 88\nFM AMEMBASSY BONN\nTO AMEMBASSY ANKARA\nINFO SECSTATE WASHDC 1196UNCLAS BONN 31258\n\n"
            "E.O. 12356: N/A\nTAGS: PTER TU GE\nSUBJECT: THE PKK\n\n1. (U) THE FRG HAS NOT CHANGED ITS VIEW.\n")
    cable = normalize(text.read(bonn, "88BONN31258.txt"))
    assert record(cable)["origin"] == "Embassy Bonn"
    assert not cable.tei.findall(".//t:note[@type='discrepancy']", NS)
    elsewhere = normalize(text.read(bonn.replace("Embasy Bonn", "Embassy Ankara"), "88BONN31258.txt"))
    notes = [n.text for n in elsewhere.tei.iter(f"{{{TEI_NS}}}note") if n.get("type") == "discrepancy"]
    assert notes == ["origin: the text gives Embassy Bonn, the text scrape's metadata Embassy Ankara"]


#: an old telegram's header under the notice and the page's classification line
OLD_HEADER = (
    "This record is a partial extract of the original cable. The full text of the original cable is not "
    "available.\n\n\n                       UNCLASSIFIED\n\n"
    "PAGE 01        BERLIN  03009  01 OF 06  151359Z\nACTION EUR-01\n\n"
    "INFO  LOG-00   ADS-00   AMAD-01  CIAE-00\n        /053W\n"
    "                  ------------------89773D  151435Z /48\n"
    "FM USOFFICE BERLIN\nTO SECSTATE WASHDC 4243\nINFO AMEMBASSY BONN\n"
    "DEPTREAS WASHDCUNCLAS SECTION 01 OF 06 BERLIN 03009\n\nE.O. 12356: N/A\nTAGS: ELAB GE\n"
    "SUBJECT: UNEMPLOYMENT UP SHARPLY IN JULY\n\n1. UNEMPLOYMENT IN THE FIVE NEW LAENDER ROSE SHARPLY.\n"
)


def test_prefaces_stack_the_scrape_lines_the_notice_and_the_classification_line() -> None:
    """Above an old telegram's header a scrape has its five lines, the notice of a partial
    extract and the page's classification line: one preface at a time, the header after the
    three was not found and its FM, TO and INFO lines were read as text (91BERLIN3009)."""
    scraped = record(normalize(text.read(PREFACE + OLD_HEADER, "91BERLIN3009.txt")))
    pasted = record(normalize(text.read(OLD_HEADER, "pasted.txt")))
    for rec in (scraped, pasted):
        assert rec["from"] == "USOFFICE BERLIN"
        assert [a["name"] for a in rec["to"]] == ["SECSTATE WASHDC"]
        assert [a["name"] for a in rec["info"]] == ["AMEMBASSY BONN", "DEPTREAS WASHDC"]
        assert rec["subject"] == "UNEMPLOYMENT UP SHARPLY IN JULY"
        assert [p["n"] for p in rec["paragraphs"]] == [1]
    assert scraped["id"] == "91BERLIN3009"
