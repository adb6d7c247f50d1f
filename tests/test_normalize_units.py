"""The normalizer's rules, one artifact at a time (examples from ARTIFACTS.md)."""

from __future__ import annotations

import pytest

from convert import schema
from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.normalize.banner import parse_banner
from convert.normalize.dtg import parse_dtg
from convert.normalize.facts import cable_id, classification_record
from convert.normalize.offices import origin_of
from convert.normalize.refs import parse_refs, resolve_ref, split_refs
from convert.normalize.routing import parse_addressee
from convert.normalize.rules import Run
from convert.normalize.rules.copies import split_glued
from convert.normalize.rules.lines import new_page, old_page
from convert.normalize.tagcodes import tags_from
from convert.textview import reading_text, source_text
from convert.writers.json import record

HEADER = """VZCZCXRO0001
PP RUEHXX
DE RUEHMD #0857/01 0451200
ZNY CCCCC ZZH
P 141200Z FEB 09
FM AMEMBASSY MADRID
TO RUEHC/SECSTATE WASHDC PRIORITY 0001
"""


def valid(c):
    """Every TEI document a test makes is checked against both schemas."""
    for rng in (schema.profile_schema(), schema.tei_all_schema()):
        assert not schema.errors(rng, c.tei), schema.errors(rng, c.tei)[:3]
    return c


def cable(body: str, header: str = HEADER):
    return valid(normalize(RawCable(source="test", form="text", body=header + "\n" + body)))


def xp(c, path):
    return c.tei.xpath(path, namespaces=NS)


# ------------------------------------------------------------------ date-time groups
@pytest.mark.parametrize("line, iso, prec", [
    ("P 020922Z JUN 09", "2009-06-02T09:22:00Z", "P"),
    ("R 271245Z DEC 09", "2009-12-27T12:45:00Z", "R"),
    ("P R 281848Z DEC 66", "1966-12-28T18:48:00Z", "P R"),
    ("O P 280224Z MAR 09", "2009-03-28T02:24:00Z", "O P"),
    ("R 311858Z  MAR 09", "2009-03-31T18:58:00Z", "R"),
])
def test_dtg(line, iso, prec):
    assert parse_dtg(line) == (iso, prec)


def test_dtg_rejects_impossible_dates():
    assert parse_dtg("P 320922Z JUN 09") is None
    assert parse_dtg("P 020922Z XYZ 09") is None


# ------------------------------------------------------------------ banners and ids
@pytest.mark.parametrize("line, level, station, serial, section", [
    ("UNCLAS SECTION 01 OF 02 BEIJING 001463", "UNCLASSIFIED", "BEIJING", "001463", 1),
    ("S E C R E T STATE 037561", "SECRET", "STATE", "037561", None),
    ("C O N F I D E N T I A L  DUSHANBE 001870", "CONFIDENTIAL", "DUSHANBE", "001870", None),
    ("SECTION 1 OF 2 TEHRAN 2069", None, "TEHRAN", "2069", 1),
    ("C o n f i d e n t i a l section 01 of 03 damascus 000389", "CONFIDENTIAL", "DAMASCUS", "000389", 1),
    ("UNCLASSIFIED BUENOS AIRES 2481", "UNCLASSIFIED", "BUENOS AIRES", "2481", None),
    ("C O N F I D E N T I A LCAIRO 000079", "CONFIDENTIAL", "CAIRO", "000079", None),
    ("SS E C R E T PESHAWAR 000041", "SECRET", "PESHAWAR", "000041", None),
    ("UNCLAS SECTION 01 OF 02 LONDON 002460 SENSITIVE SIPDIS", "UNCLASSIFIED", "LONDON", "002460", 1),
])
def test_banner(line, level, station, serial, section):
    banner = parse_banner(line)
    assert banner is not None
    assert (banner.level, banner.station, banner.serial, banner.section) == (level, station, serial, section)


@pytest.mark.parametrize("line", [
    "Confidential information was shared by him", "SECRETARY CLINTON MET THE MINISTER",
    "UNCLASSIFIED TO BE RELEASED", "",
])
def test_not_a_banner(line):
    assert parse_banner(line) is None


def test_cable_id_as_cablegate_spells_it():
    assert cable_id("2009-06-02", "BEIJING", "001463") == "09BEIJING1463"
    assert cable_id("2009-01-01", "BUENOS AIRES", "0042") == "09BUENOSAIRES42"
    assert cable_id("1966-12-28", "STATE", "123") == "66STATE123"
    # cablegate kept E F T O in ids of banners without SECTION, and dropped it with one
    assert parse_banner("UNCLAS E F T O LONDON 002187").id_station == "EFTOLONDON"
    assert parse_banner("UNCLAS E F T O SECTION 01 OF 08 LONDON 002622").id_station == "LONDON"


@pytest.mark.parametrize("sender, origin", [
    ("AMEMBASSY BEIJING", "Embassy Beijing"), ("AMCONSUL SHENYANG", "Consulate Shenyang"),
    ("SECSTATE WASHDC", "Secretary of State"), ("USMISSION USNATO", "Mission USNATO"),
    ("USMISSION GENEVA", "US Mission Geneva"), ("USINT HAVANA", "US Interests Section Havana"),
    ("AMEMBASSY BUENOS AIRES", "Embassy Buenos Aires"), ("AIT TAIPEI", "American Institute Taiwan, Taipei"),
    ("USMISSION USUN NEW YORK", "USUN New York"), ("RPO DUBAI", "Iran RPO Dubai"),
])
def test_origin_convention(sender, origin):
    assert origin_of(sender) == origin


def test_classification_convention():
    assert classification_record("UNCLASSIFIED", ["SENSITIVE", "SIPDIS"]) == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"
    assert classification_record("SECRET", ["NOFORN"]) == "SECRET//NOFORN"
    assert classification_record("CONFIDENTIAL", ["SIPDIS"]) == "CONFIDENTIAL"


# ------------------------------------------------------------------ addressees
@pytest.mark.parametrize("text, prefix, name, prec, seq", [
    ("RUEHC/SECSTATE WASHDC IMMEDIATE 5906", "RUEHC", "SECSTATE WASHDC", "IMMEDIATE", "5906"),
    ("SECSTATE WASHDC PRIORITY 9351", None, "SECSTATE WASHDC", "PRIORITY", "9351"),
    ("RUEHOO/CHINA POSTS COLLECTIVE", "RUEHOO", "CHINA POSTS COLLECTIVE", None, None),
    ("RUEHBR/AMEMBASSY BRASILIA PRIOITY 0123", "RUEHBR", "AMEMBASSY BRASILIA", "PRIORITY", "0123"),
    # a place code before an exact precedence stays in the name (not "UK PRIORITY" misspelt)
    ("RHMFISS/COMUSNAVEUR LONDON UK PRIORITY", "RHMFISS", "COMUSNAVEUR LONDON UK", "PRIORITY", None),
    ("RUEADWD/DA WASHINGTON DC IMMEDIATE 0007", "RUEADWD", "DA WASHINGTON DC", "IMMEDIATE", "0007"),
    ("RUEHXX/AMEMBASSY ROME NIACT IMMEDIATE 0001", "RUEHXX", "AMEMBASSY ROME", "NIACT IMMEDIATE", "0001"),
])
def test_addressee(text, prefix, name, prec, seq):
    a = parse_addressee(text, Run())
    assert (a.prefix, a.name, a.precedence_norm, a.sequence) == (prefix, name, prec, seq)


def test_misspelt_precedence_kept_as_written_in_the_body():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Text.\n",
              header=HEADER.replace("PRIORITY 0001", "PRIOITY 0001"))
    (org,) = xp(c, "//t:correspAction[@subtype='action']/t:orgName")
    # the addressee's precedence points into the taxonomy (not orgName/@type); the message's is a catRef
    assert org.get("ana") == "ctax:precedence-priority" and org.get("subtype") == "precedence-misspelt"
    assert org.get("type") is None
    assert xp(c, "//t:catRef[@scheme='ctax:precedence']/@target") == ["ctax:precedence-priority"]
    assert "PRIOITY" in source_text(xp(c, "//t:opener")[0])


# ------------------------------------------------------------------ TAGS and REF
@pytest.mark.parametrize("text, tags", [
    ("ETRD EIND KIPR", ["ETRD", "EIND", "KIPR"]),
    ("PGOV, SNAR, XA, XY, GH", ["PGOV", "SNAR", "XA", "XY", "GH"]),
    ("[ETRD](#) [CH](#)", ["ETRD", "CH"]),
    ("PREL OVIP (CLINTON, HILLARY) US", ["PREL", "OVIP (CLINTON, HILLARY)", "US"]),
    ("prel, pgov, sy", ["PREL", "PGOV", "SY"]),
    ("ovip (steinberg, james b.), prel", ["OVIP (STEINBERG, JAMES B.)", "PREL"]),  # a person tag in lower case
    # words that are no codes, side by side, are one phrase; codes (organisations too) stay apart
    ("MARR PREL BR KICC POL MIL", ["MARR", "PREL", "BR", "KICC", "POL MIL"]),
    ("PHUM PREL AR UNSC MEETINGS WITH AMBASSADOR", ["PHUM", "PREL", "AR", "UNSC", "MEETINGS WITH AMBASSADOR"]),
    ("PREL, PGOV, EUN, USEU BRUSSELS", ["PREL", "PGOV", "EUN", "USEU BRUSSELS"]),
    ("PARM PREL CWC OPCW IBRD IMF UNHCR UNICEF", ["PARM", "PREL", "CWC", "OPCW", "IBRD", "IMF", "UNHCR", "UNICEF"]),
    ("ETRD AR MERCOSUR FTAA IWC", ["ETRD", "AR", "MERCOSUR", "FTAA", "IWC"]),
    ("PREL, BILAT, REGION", ["PREL", "BILAT", "REGION"]),
    # an embassy's offices by their symbols, each an entry (06MEXICO6278), beside a post's own words
    ("ECON FBI DHS PAS DAO CONS OPAD DCM POL AID",
     ["ECON", "FBI", "DHS", "PAS", "DAO", "CONS", "OPAD", "DCM", "POL", "AID"]),
    # a post's known phrases one after another are each an entry (06TELAVIV145); a run with an unknown word is one
    ("PREL PGOV IS KPAL PINR ELECTIONS GOI INTERNAL ISRAELI PALESTINIAN AFFAIRS GOI EXTERNAL",
     ["PREL", "PGOV", "IS", "KPAL", "PINR", "ELECTIONS", "GOI INTERNAL", "ISRAELI PALESTINIAN AFFAIRS",
      "GOI EXTERNAL"]),
    ("PREL PGOV CVIS IT ITALY NATIONAL ELECTIONS ITALIAN POLITICS IRAQI FREEDOM",
     ["PREL", "PGOV", "CVIS", "IT", "ITALY NATIONAL ELECTIONS", "ITALIAN POLITICS", "IRAQI FREEDOM"]),
    ("PREL IS GOI EXTERNAL AFFAIRS ELECTIONS", ["PREL", "IS", "GOI EXTERNAL AFFAIRS ELECTIONS"]),
])
def test_tags(text, tags):
    assert tags_from(text, Run()) == tags


def test_tag_phrases_switched_off_leave_each_word_an_entry():
    assert tags_from("MARR BR POL MIL", Run(disabled=frozenset({"tag-phrases"}))) == ["MARR", "BR", "POL", "MIL"]


def test_refs_split_by_label_sequence():
    assert split_refs("A. TBILISI 1605 B. ROME 721") == [("A", "A.", "TBILISI 1605"), ("B", "B.", "ROME 721")]
    assert split_refs("(A) STATE 253201 (B) WILSON/MACK TELECON") == [
        ("A", "(A)", "STATE 253201"), ("B", "(B)", "WILSON/MACK TELECON")]
    glued = split_refs("A) ANKARA 11676;B) ANKARA 11279")
    assert glued == [("A", "A)", "ANKARA 11676;"), ("B", "B)", "ANKARA 11279")] or \
        [t for _, _, t in glued][1] == "ANKARA 11279"


def test_a_reference_label_glued_to_a_date_goes_on_the_list_it_continues():
    """10MANAMA15: ``B01/10/10 ERELI-HALE TELCON`` is item B (so item C's cable is read); a letter glued to a
    date that no list began is no label, nor one out of sequence."""
    assert split_refs("A. 01/11/10 ERELI-RICCIARDONE E-MAIL B01/10/10 ERELI-HALE TELCON C. 09 MANAMA 731") == [
        ("A", "A.", "01/11/10 ERELI-RICCIARDONE E-MAIL"), ("B", "B", "01/10/10 ERELI-HALE TELCON"),
        ("C", "C.", "09 MANAMA 731")]
    assert split_refs("SEE B01/10/10 TELCON") == [(None, None, "SEE B01/10/10 TELCON")]
    assert [letter for letter, _, _ in split_refs("A. STATE 1234 C01/10/10 TELCON")] == ["A"]


@pytest.mark.parametrize("text, year, ident, inferred", [
    ("TBILISI 1605", 2009, "09TBILISI1605", True),
    ("05 PARIS 7528 AND PREVIOUS", 2006, "05PARIS7528", False),
    ("2007 PANAMA 1719", 2009, "07PANAMA1719", False),
    ("08 KIGALI 00830--05/DEC/2008", 2009, "08KIGALI830", False),
    ("SECSTATE 98567", 2009, "09STATE98567", True),
    ("CAIRO2292", 2009, "09CAIRO2292", True),
    ("ANDREW/ASHE EMAIL 6 NOV 09", 2009, None, False),
    ("01/11/06 PARIS POINTS", 2006, None, False),
    ("DUSHANBE 16...", 2005, None, False),  # a partial extract cut inside the number
    ("STATE 31102…", 2005, None, False),
    ("STATE 31102.", 2005, "05STATE31102", True),  # a full stop is no cut
    # a station the table does not know, and a title going on after the number: no cable
    ("ATTACHMENT 1 TO LOR 08-134 TOTAL PACKAGE", 2009, None, False),
    ("UNSCR 1737 SANCTIONS COMMITTEE NOTICE", 2010, None, False),
    ("SAO 06 PAULO 1038", 2007, None, False),  # the word after is the rest of SAO PAULO: garbled
    # a station the table knows only written short goes on after its number like a known one
    ("HAGUE 2345 PARA 4", 2005, "05THEHAGUE2345", True),
    ("USUN 1593 PARA 2", 2004, "04USUNNEWYORK1593", True),
    # the Mission to the European Union written short, read as written in full (04THEHAGUE1919)
    ("USEU 3226", 2004, "04USEUBRUSSELS3226", True),
    ("USEU BRUSSELS 4936", 2004, "04USEUBRUSSELS4936", True),
    ("RIO 12 DE JANEIRO 400", 2007, None, False),  # the station's own words again: garbled
    # ... but a known station may go on, and so may an unknown one with what follows a number
    ("BEIJING 581 ON TRADE", 2009, "09BEIJING581", True),
    ("SECTO 003 DTG 070102Z JUN 08", 2008, "08SECTO3", True),
    # a one-letter slip in a station is read (the truth's rule: SAN JSE is SANJOSE); the
    # item's text stays as written, only the id is the reading (session 15)
    ("TRIPOLII 695", 2009, "09TRIPOLI695", True),
    ("SECTATE 188288", 2005, "05STATE188288", True),
    ("SAN JSE 1955", 2006, "06SANJOSE1955", True),
    ("TALLIN 309", 2009, "09TALLINN309", True),
    ("EMBASSY VIENNA 1450", 2009, "09VIENNA1450", True),  # an office's word before the station
    ("MEXICO CITY 002759", 2009, "09MEXICO2759", True),  # the post's city, its banner and more (09MEXICO3092)
    ("09 XXXXXXXXXXXX 167", 2010, None, False),  # a redacted station names no cable
    ("PRAGUE DAILY 08.11.2008", 2008, None, False),  # a daily, not a cable
    ("ASUNCION 701 (08)", 2009, "08ASUNCION701", False),  # a two-digit year in parentheses
    ("STATE 81957: REPORT OF U.S.-RUSSIA MEETING", 2009, "09STATE81957", True),  # a title after a colon
    ("05 SANTIAG0 465", 2006, "05SANTIAGO465", False),  # a zero for the station's last O
    ("08 RIO DE JAN 138", 2009, "08RIODEJANEIRO138", False),  # cut at ten characters: JAN is no month
    ("ANNEX 1: DRAFT", 2009, None, False),  # ... but an unknown station's number and a colon: a title
])
def test_resolve_ref(text, year, ident, inferred):
    assert resolve_ref(text, year) == (ident, inferred)


@pytest.mark.parametrize("text, ids", [
    ("REF: A. REF: LAGOS 066 B. 08 LAGOS 479", ["09LAGOS66", "08LAGOS479"]),
    ("REF: A. REF A:LIMA 3646 B. REF B: LIMA 3707", ["09LIMA3646", "09LIMA3707"]),
    ("REF: A. REFTELS: (A) PARAMARIBO 501 B. (B) PARAMARIBO 509", ["09PARAMARIBO501", "09PARAMARIBO509"]),
    ("REF: A. A.BOGOTA 5486 B. B.BOGOTA 7731", ["09BOGOTA5486", "09BOGOTA7731"]),  # glued
    ("REF: A. REF A HAVANA 639 (\"A SPLENDID LITTLE VISIT\") B. B HAVANA 772 (CONSULAR VISIT)",
     ["09HAVANA639", "09HAVANA772"]),  # without its stop
    # session 15: the letter again in another case or with REF, a label with a colon, a year glued to the stop
    ("REF: A. (a) KABUL 673\n¶B. (b) 09 KABUL 3068", ["09KABUL673", "09KABUL3068"]),
    ("REF: A. REF A) STATE 87631\n¶B. B) STATE 87699 (NOTAL)", ["09STATE87631", "09STATE87699"]),
    ("REF: A: MEXICO 3617\n     B: MEXICO 3468", ["09MEXICO3617", "09MEXICO3468"]),
    ("REF: A. MANAMA 156\nB.07 MANAMA 1070 C. 07 MANAMA 1045", ["09MANAMA156", "07MANAMA1070", "07MANAMA1045"]),
    ("REF.: BRASILIA 03286 AND PREVIOUS", ["09BRASILIA3286"]),
    ("REF: A. A 08 ROME 01192 B. B 08 ROME 001279", ["08ROME1192", "08ROME1279"]),  # letter again, no stop
    ("REF: A. STATE 021770B. STATE 039585C. STATE 052030", ["09STATE21770", "09STATE39585", "09STATE52030"]),
    ("REF: A. 08 TRIPOLI 960 B. O8 TRIPOLI 993", ["08TRIPOLI960", "08TRIPOLI993"]),  # the letter O for 0
])
def test_ref_label_written_twice(text, ids):
    assert [r.target for r in parse_refs(text, 2009).items] == ids


def test_ref_letter_written_again_for_the_next_item():
    """``B)`` written twice (07TALLINN375): the second begins an item when a cable follows it;
    a letter that repeats only a word's initial, or a label doubled on the same item, does not."""
    items = parse_refs("REF: A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07 B) TALLINN 347", 2007).items
    assert [(r.letter, r.target) for r in items] == [("A", "07TALLINN366"), ("B", None), ("B", "07TALLINN347")]
    assert [r.target for r in parse_refs("REF: A. STATE 1 B. B) STATE 2", 2009).items] == ["09STATE1", "09STATE2"]
    assert [r.target for r in parse_refs("REF: A. STATE 1 B. MEMO FROM J. B. SMITH", 2009).items] == ["09STATE1", None]
    assert [r.target for r in parse_refs("REF: A. MANAMA 610 B. 08 MANAMA 610 B. 08 MANAMA 61", 2009).items] == [
        "09MANAMA610", "08MANAMA610"]  # the item again, cut short: no 08MANAMA61


def test_ref_label_doubled_and_a_year_written_with_an_apostrophe():
    # ``REFREF:`` (10MANAMA55) is the REF label; ``'08 BUENOS AIRES 1491`` (09BUENOSAIRES66) is 2008's
    assert [r.target for r in parse_refs("REFREF: A. STATE 19631 B. 09 MANAMA 596", 2010).items] == [
        "10STATE19631", "09MANAMA596"]
    assert [r.target for r in parse_refs("REF: A. '08 BUENOS AIRES 1491 B. ’08 BUENOS AIRES 1389", 2009).items] == [
        "08BUENOSAIRES1491", "08BUENOSAIRES1389"]
    # ``REF: REF 07 KOLKATA 88`` (08NEWDELHI1645): the label again before the cable, no letter
    assert [r.target for r in parse_refs("REF: REF 07 KOLKATA 88", 2008).items] == ["07KOLKATA88"]
    # ``REF: REFTEL KABUL 02245`` (09KABUL2246): the label's other name again before the cable
    assert [r.target for r in parse_refs("REF: REFTEL KABUL 02245", 2009).items] == ["09KABUL2245"]


def test_ref_list_in_tei_links_known_cables():
    c = cable("C O N F I D E N T I A L MADRID 000857\n\nSIPDIS\n\nE.O. 12958: DECL: 02/13/2019\n"
              "TAGS: PREL SP\nSUBJECT: TEST\n\nREF: A. MADRID 100\n¶B. 08 STATE 4242\n\n1. (C) Text.\n")
    assert xp(c, "//t:list[@type='references']/t:item/t:ref/@target") == ["cable:09MADRID100", "cable:08STATE4242"]
    assert xp(c, "//t:list[@type='references']/t:label/text()") == ["A.", "B."]  # the ¶ is dropped


def test_separator_after_a_reference_is_the_lists_not_the_references():
    # ``A) STATE 363024, B) …``: the header and the JSON name the reference without the comma;
    # the body keeps the comma where it was written, after the reference
    refs = parse_refs("REFS: A) STATE 363024, B) KHARTOUM 11147 (NOTAL),; C) KHARTOUM 10671 and "
                      "KHARTOUM 10672", 1989).items
    assert [(r.text, r.tail) for r in refs] == [("STATE 363024", ","), ("KHARTOUM 11147 (NOTAL)", ",;"),
                                                ("KHARTOUM 10671", " and"), ("KHARTOUM 10672", "")]
    c = valid(cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\nREF: A. MADRID 100, B. MEMCON OF MAY 5;\n"
                    "C. 08 STATE 4242\n\n1. (U) Text.\n"))
    assert [r["text"] for r in record(c)["references"]] == ["MADRID 100", "MEMCON OF MAY 5", "08 STATE 4242"]
    items = xp(c, "//t:list[@type='references']/t:item")
    assert [source_text(item) for item in items] == ["MADRID 100,", "MEMCON OF MAY 5;", "08 STATE 4242"]
    assert xp(c, "//t:list[@type='references']/t:item/t:ref/text()") == ["MADRID 100", "08 STATE 4242"]


@pytest.mark.parametrize("written", ["N/A", "NONE", "None.", "(NONE)", "n/a"])
def test_a_ref_field_that_says_there_are_none_names_no_reference(written):
    # REF: N/A is a statement, not a reference: the body keeps the words, the header and the
    # JSON record list nothing
    c = valid(cable(f"UNCLAS CAIRO 001149\n\nSUBJECT: X\n\nREF: {written}\n\n1. (U) Text.\n"))
    assert record(c)["references"] == []
    assert xp(c, "//t:correspContext") == []
    assert [source_text(i) for i in xp(c, "//t:list[@type='references']/t:item")] == [written]
    # a lettered item, or one that names a cable, is a reference as before
    c = cable("UNCLAS CAIRO 001149\n\nSUBJECT: X\n\nREF: A. NONE B. CAIRO 12\n\n1. (U) Text.\n")
    assert [r["text"] for r in record(c)["references"]] == ["NONE", "CAIRO 12"]


def test_a_second_copy_of_the_ref_list_names_no_cable_twice():
    # a media partner's preview, its database row and header, then the cable again: the record
    # names each reference once; a cut first list is read whole from the copy (09STATE35745)
    quito = "P 130005Z NOV 09\nFM AMEMBASSY QUITO\nTO SECSTATE WASHDC\n"
    head = "C O N F I D E N T I A L QUITO 000951\n\nE.O. 12958: DECL: 04/10/2019\nTAGS: PREL EC\nSUBJECT: TEST\n\n"
    copy = ("\n\nid: 234456\ndate: 11/13/2009 0:05\nrefid: 09QUITO951\norigin: Embassy Quito\n"
            "classification: CONFIDENTIAL\nheader:\nO R 130005Z NOV 09\n\n----------------- header ends "
            "----------------\n\nC O N F I D E N T I A L QUITO 000951\n\nE.O. 12958: DECL: 04/10/2019\n"
            "TAGS: PREL EC\nSUBJECT: TEST\n\n")
    for first, whole in (("REF: QUITO 877", "REF: QUITO 877"),
                         ("REF: A. QUITO 217\nB. QUITO 160 C...", "REF: A. QUITO 217\nB. QUITO 160\nC. QUITO 153")):
        c = cable(head + first + "\n\n1. (C) Cut..." + copy + whole + "\n\n1. (C) The text in full.\n", quito)
        assert not xp(c, "//t:div[@type='appended-cable']")
        refs = [r["id"] for r in record(c)["references"]]
        assert len(refs) == len(set(refs)), refs
        assert refs == (["09QUITO877"] if "877" in first else ["09QUITO217", "09QUITO160", "09QUITO153"])
    # two REF lists that are not copies of each other are both named (a cable named in both once)
    c = cable(head + "REF: A. QUITO 1 B. QUITO 2\n\nThis cable answers.\n\nREF C: QUITO 3 AND QUITO 1\n\n"
              "1. (C) Text.\n", quito)
    assert [r["id"] for r in record(c)["references"]] == ["09QUITO1", "09QUITO2", "09QUITO3"]
    # a first list that is the start of a longer copy gives way to it (05NEWDELHI1075); a first
    # list that names no cable is no copy of anything (09ROME1072)
    for refs, ids in (("REF: A. QUITO 878\n\nREF: A. QUITO 878\nB. QUITO 877\nC. QUITO 876",
                       ["09QUITO878", "09QUITO877", "09QUITO876"]),
                      ("REF: A. ROME DAIL...\n\nREF: A. ROME DAILY REPORT 9/17/09\nB. QUITO 940", ["09QUITO940"]),
                      ("REF: A. 08 STATE 81854\n\nRef: a. 08 state 81854\nb. Quito 830\n\n"
                       "Classified By: Ambassador X for reasons 1.5 (b)", ["08STATE81854", "09QUITO830"])):
        # (serials below the cable's own QUITO 951: one above it is of the year before, serial-above-own)
        c = cable(head + refs + "\n\n1. (C) Text.\n", quito)
        assert [r["id"] for r in record(c)["references"] if r["id"]] == ids


def test_a_bare_database_row_with_its_copy_of_the_preamble_is_wrapper():
    # 09BERLIN382: the media partner's row one bare field a line, then its copy of the preamble
    # in the same block, then the cable's numbered paragraphs: the block is wrapper
    quito = "P 311911Z MAR 09\nFM AMEMBASSY BERLIN\nTO SECSTATE WASHDC\n"
    head = ("C O N F I D E N T I A L BERLIN 000382\n\nE.O. 12958: DECL: 03/31/2019\nTAGS: PREL GM\n"
            "SUBJECT: GERMANY: SUPPORTIVE OF PROPOSED AF/PAK\nDELIVERA...\n\n")
    row = "199909\n2009-03-31\n09BERLIN382\nEmbassy Berlin\nCONFIDENTIAL\n"
    copy = "E.O. 12958: DECL: 03/31/2019\nTAGS: PREL GM\nSUBJECT: GERMANY: SUPPORTIVE OF PROPOSED AF/PAK DELIVERABLES\n"
    c = cable(head + row + copy + "\n1. (C) SUMMARY. German officials agree.\n\n2. (C) More.\n", quito)
    (wrapper,) = xp(c, "//t:ab[@type='wrapper']")
    assert source_text(wrapper).startswith("199909 2009-03-31 09BERLIN382")
    assert "DELIVERABLES" in source_text(wrapper)
    # the same row before text that is no numbered paragraph stays the cable's: it may be its text
    c = cable(head + row + "The Embassy met the minister.\n", quito)
    assert not xp(c, "//t:ab[@type='wrapper']")


def test_a_classified_by_line_cut_short_gives_way_to_its_whole_copy():
    # a media partner's first copy of the preamble stops in the Classified By line; the text's
    # copy of the cable writes it whole (09THEHAGUE582): the header names the whole one
    c = cable("C O N F I D E N T I A L MADRID 000857\n\nE.O. 12958: DECL: 09/23/2019\nTAGS: PREL SP\n"
              "SUBJECT: TEST\n\nClassified By: ...\n\n1. (...\n\nid: 19309\ndate: 2/14/2009 12:00\n"
              "refid: 09MADRID857\n\n----------------- header ends ----------------\n\n"
              "Classified By: Pol Counselor A. Smith for reasons 1.4 (b,d)\n\n1. (C) Text.\n")
    assert xp(c, "//t:note[@type='classified-by']/text()") == [
        "Classified By: Pol Counselor A. Smith for reasons 1.4 (b,d)"]


def test_a_ref_line_glued_to_the_classified_by_line_is_cut_at_it():
    c = valid(cable("C O N F I D E N T I A L MADRID 000857\n\nSUBJECT: X\n\nREF: MADRID 1725Classified By: "
                    "Ambassador A. Smith for reasons 1.4 (b) and (d)\n\n1. (C) Text.\n"))
    assert [r["text"] for r in record(c)["references"]] == ["MADRID 1725"]
    assert xp(c, "//t:note[@type='classified-by']/text()") == [
        "Classified By: Ambassador A. Smith for reasons 1.4 (b) and (d)"]


@pytest.mark.parametrize("line", [
    "REF: A. STATE 1 B. STATE 2 (C) EMBASSY EMAIL OF MAY 5 TO DEPT",  # the list's next letter, not a marking
    "REF: (A) SAN JOSE 01455 (B) SAN JOSE 01713 (C) SAN JOSE 01720 (D) SAN JOSE 01722",
    "REF: STATE 1234 (S) NOTAL",  # the reference's own marking
    "REF: STATE 1234 1. B. STATE 5678",
    "REF: A. STATE 1 B. 12/12/08 (U) EMAIL FROM POLOFF SMITH TO USUNVIE C. 08 MADRID 1296",  # the list goes on
    "\u00b6B. 12/12/08 (U) EMAIL FROM POLOFF SMITH TO USUNVIE",  # a marked item (its list goes on next line)
    # not inside a number: ``11.`` (a damaged ¶1) is no ``1.`` after a digit (a rewrapped seed lost its "11")
    "REF: STATE 12345 11. (SBU) The Embassy welcomes the chance to work with the ministry on it",
])
def test_a_ref_line_that_does_not_run_on_into_the_body_is_not_cut(line):
    from convert.normalize.rules.copies import ref_body_runon
    assert ref_body_runon(line) is None


def test_a_ref_field_run_on_into_the_first_paragraph_leaves_the_paragraph_numbered():
    c = valid(cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\nREF: A) STATE 132944, B) MADRID 480  1. (U) The "
                    "Government does not maintain relations.\n\n2. (U) Second.\n"))
    assert [r["text"] for r in record(c)["references"]] == ["STATE 132944", "MADRID 480"]
    assert xp(c, "//t:p/@n") == ["1", "2"]
    assert xp(c, "//t:p[@n='1']/t:seg[@type='portion-marking']/text()") == ["(U)"]


def test_a_ref_label_written_with_a_space_inside_its_parentheses():
    refs = parse_refs("REF: (A) SAN JOSE 01639 (B) SAN JOSE 01455 (C )SAN JOSE 01713", 2005).items
    assert [(r.written, r.target) for r in refs] == [("(A)", "05SANJOSE1639"), ("(B)", "05SANJOSE1455"),
                                                     ("(C )", "05SANJOSE1713")]


@pytest.mark.parametrize("text, ids", [
    ("REF: a. 07 state 75839 b. State 15220 c. Berlin 195", ["07STATE75839", "09STATE15220", "09BERLIN195"]),
    ("REF: A. SANAA 01995 b. SANAA 02079 c. SANAA 01669", ["09SANAA1995", "09SANAA2079", "09SANAA1669"]),
    ("REF: (a) vienna 350 (b) 05 state 220738", ["09VIENNA350", "05STATE220738"]),
    ("REF: STATE 1234 e.g. the demarche", ["09STATE1234"]),  # not a label: e.g.
])
def test_ref_labels_in_lower_case_run_a_b_c_too(text, ids):
    assert [r.target for r in parse_refs(text, 2009).items] == ids


def test_a_ref_list_in_lower_case_goes_on_over_lines():
    c = valid(cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\nREF: a. State 7660\nb. Berlin 1000\n\n1. (U) Text.\n"))
    assert [(r["label"], r["id"]) for r in record(c)["references"]] == [("A", "09STATE7660"), ("B", "09BERLIN1000")]
    assert xp(c, "//t:list[@type='references']/t:label/text()") == ["a.", "b."]


@pytest.mark.parametrize("text, ids", [
    ("REF: A. USUN 1593 B. UNVIE 350", ["09USUNNEWYORK1593", "09UNVIEVIENNA350"]),  # a station written short
    ("REF: RIO 346 AND HAGUE 12", ["09RIODEJANEIRO346", "09THEHAGUE12"]),
    ("REF: SAN 346", ["09SAN346"]),  # SAN JOSE or SAN SALVADOR: left as written
    ("REF: 08 NEW DELHI 12", ["08NEWDELHI12"]),  # a station written whole stays as it is
    # cut at the teletype's ten characters, as page-break lines print it (05NEWDELHI9434, 07BRASILIA2185)
    ("REF: A. KUALA LUMP 4317 B. UNVIE VIEN 641", ["09KUALALUMPUR4317", "09UNVIEVIENNA641"]),
])
def test_a_station_written_short_in_a_reference_is_the_one_it_begins_or_ends(text, ids):
    assert [r.target for r in parse_refs(text, 2009).items if r.target] == ids


# ------------------------------------------------------------------ glued fields
def test_a_glued_line_the_preamble_leaves_to_the_body_is_whole_again_in_the_source_view():
    """A media copy written twice, the second time in lower case: its banner line is split by
    glued-fields but is no field (a banner was seen), so it begins the body; the body gets the
    line as written (slow property test, session 13: ``001352sipdise.o.`` lost its glue)."""
    copy = ("Cable dated:2005-05-23T14:26:00\ns e c r e t section 01 of 02 sanaa 001352sipdise.o. 12958: decl: "
            "05/21/2015tags: prel pgov\n")
    c = valid(normalize(RawCable("t", "text", f"\n{copy}\n{copy}\n1. (S/NF) Ambassador met Saleh. End Summary.\n")))
    assert source_text(xp(c, "//t:text")[0]).count("001352sipdise.o.") == 2


def test_fields_run_together_are_split_but_stay_glued_in_the_source_view():
    parts = split_glued("S E C R E T SECTION 01 OF 02 SANAA 001352SIPDISE.O. 12958: DECL: 05/21/2015TAGS: PREL")
    assert [str(p) for p in parts] == ["S E C R E T SECTION 01 OF 02 SANAA 001352", "SIPDIS",
                                       "E.O. 12958: DECL: 05/21/2015", "TAGS: PREL"]
    c = valid(normalize(RawCable("t", "text", "Cable dated:2005-05-23T14:26:00S E C R E T SECTION 01 OF 02 SANAA "
                           "001352SIPDISE.O. 12958: DECL: 05/21/2015TAGS: PREL PGOV\n\n1. (S) Text here.\n")))
    assert record(c)["classification"] == "SECRET"
    assert record(c)["tags"] == ["PREL", "PGOV"]
    assert "001352SIPDISE.O." in source_text(xp(c, "//t:opener")[0])


# ------------------------------------------------------------------ paragraphs
def test_false_pilcrows_before_letters_and_years_are_not_paragraphs():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n¶1. (U) The talks went on into\n¶2009. Apparently "
              "the parties agreed.\n\n¶2. (U) Second.\n")
    assert [p.get("n") for p in xp(c, "//t:p[@n]")] == ["1", "2"]
    assert "into 2009. Apparently" in reading_text(xp(c, "//t:p[@n='1']")[0])
    assert "¶" not in source_text(xp(c, "//t:text")[0])


def test_paragraph_without_space_and_portion_markings():
    c = cable("SECRET MADRID 000857\n\nSUBJECT: X\n\n1.(C) Summary: one. End summary.\n\n2. (S/NF) Two.\n\n"
              "3. (C - ENTIRE TEXT). Three.\n")
    rec = record(c)
    # (the stop typed after a marking is the marking's, kept in the TEI, not the record's value)
    assert [(p["n"], p["marking"]) for p in rec["paragraphs"]] == [(1, "(C)"), (2, "(S/NF)"), (3, "(C - ENTIRE TEXT)")]
    # the marking's level and caveat in the shared taxonomy; a marking it cannot read (the
    # whole text) points at its level only
    assert xp(c, "//t:p[@n='2']/@ana") == ["ctax:level-secret ctax:caveat-noforn"]
    assert xp(c, "//t:p[@n='3']/@ana") == ["ctax:level-confidential"]


def test_paragraph_number_glued_to_its_first_word():
    """``1.This to update ...`` (08KABUL297, 09CAIRO205, 08LONDON2621's ``1.SUMMARY:``): a number
    glued to the paragraph's first word, no space, no marking, is the paragraph's number; a year
    glued so (``2008.The``) is not (session-15 holdout)."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\nREF: MADRID 266\n\n1.This to update the Department on "
              "the alert.\n\n2.Post finds the determination credible.\n\n3.SUMMARY: Any questions.\n\n"
              "2008.The year.\n")
    assert [p["n"] for p in record(c)["paragraphs"]] == [1, 2, 3]
    # the number is the paragraph's label (as ``1.(C)``'s is), its words the paragraph's text
    assert xp(c, "//t:p[@n='1']/t:label/text()") == ["1."]
    assert reading_text(xp(c, "//t:p[@n='1']")[0]).startswith("1. This to update the Department")
    assert "2008.The year." in source_text(xp(c, "//t:text")[0])


def test_subparagraphs_and_bullets_are_lists():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Points:\n\n-- first point;\n\n-- second point.\n\n"
              "2. (U) Items:\nA. one thing.\nB. another thing.\n")
    assert xp(c, "//t:p[@n='1']/t:list/t:label/text()") == ["--", "--"]
    assert [reading_text(i) for i in xp(c, "//t:p[@n='2']/t:list/t:item")] == ["one thing.", "another thing."]
    # a dash glued to a number is a bullet too (``--13 in Afghanistan``), as one glued to a word is
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Deployed:\n\n--13 in Afghanistan;\n"
              "--10 in Sri Lanka.\n")
    assert [reading_text(i) for i in xp(c, "//t:p[@n='1']/t:list/t:item")] == ["13 in Afghanistan;", "10 in Sri Lanka."]


def test_summary_spanning_paragraphs_and_inline_comment():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) SUMMARY: first part.\n\n2. (U) second part. "
              "END SUMMARY.\n\n3. (U) Text. (Comment: an aside. End comment.) More.\n")
    parts = xp(c, "//t:seg[@type='summary']")
    assert [s.get("part") for s in parts] == ["I", "F"]
    assert record(c)["summary"] == "SUMMARY: first part. second part. END SUMMARY."
    (comment,) = xp(c, "//t:seg[@type='comment']")
    assert reading_text(comment) == "Comment: an aside. End comment."


def test_summary_ended_with_the_comment():
    """``SUMMARY. … END COMMENT AND SUMMARY.`` ends the summary (07PARIS3941)."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) SUMMARY. First part. Comment: ours.\n"
              "END COMMENT AND SUMMARY.\n\n2. (U) Text.\n")
    assert record(c)["summary"] == "SUMMARY. First part. Comment: ours. END COMMENT AND SUMMARY."


@pytest.mark.parametrize("body, summary", [
    # a label with no stop before its first word, and one with a marking after it
    ("1.(SBU) SUMMARY Egypt has offered access. END SUMMARY\n\n2. (U) More.",
     "SUMMARY Egypt has offered access. END SUMMARY"),
    ("1. SUMMARY (U) Costa Rica acted. End summary.\n\n2. (U) More.", "SUMMARY (U) Costa Rica acted. End summary."),
    # two-part labels, ended by the label's own end
    ("1. (S) Summary and Recommendation: we recommend it.\n\n2. (S) Why. End Summary and Recommendation.\n\n"
     "3. (S) More.", "Summary and Recommendation: we recommend it. Why. End Summary and Recommendation."),
    ("SUMMARY AND ACTION REQUEST\n---------\n\n1. (C) Please demarche. End summary and action request.\n\n"
     "2. (C) More.", "Please demarche. End summary and action request."),
    # the summary and the comment joined by an ampersand (09RIYADH181); three parts (09KUALALUMPUR1013)
    ("1. (C) SUMMARY & COMMENT: They met.\n\n2. (C) He is reliable. End summary & comment.\n\n3. (C) More.",
     "SUMMARY & COMMENT: They met. He is reliable. End summary & comment."),
    ("1. (C) SUMMARY, COMMENT, AND ACTION REQUEST: It was stolen.\n\n2. (C) Please advise. END SUMMARY AND ACTION "
     "REQUEST.\n\n3. (C) More.", "SUMMARY, COMMENT, AND ACTION REQUEST: It was stolen. Please advise. END SUMMARY AND "
     "ACTION REQUEST."),
    ("Summary, Comment and Recommendation\n---------\n\n1. (S) It is not routine. End Summary, Comment, and "
     "Recommendation.\n\n2. (S) More.", "It is not routine. End Summary, Comment, and Recommendation."),
    # an ampersand in the heading's label (09STOCKHOLM384, session-38 holdout)
    ("Introduction & Summary\n----------\n\n1. (U) Welcome.\n\n2. (C) Key points. End Introduction and Summary.\n\n"
     "3. (C) More.", "Welcome. Key points. End Introduction and Summary."),
])
def test_summary_labels(body: str, summary: str) -> None:
    assert record(cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n" + body + "\n"))["summary"] == summary


def test_a_summary_that_ends_in_a_list_item() -> None:
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Summary: We discussed:\n\n-- the first point;\n\n"
              "-- the second point. End Summary.\n\n2. (U) More.\n")
    assert [s.get("part") for s in xp(c, "//t:seg[@type='summary']")] == ["I", "M", "F"]
    assert xp(c, "//t:item/t:seg[@type='summary']/@part") == ["M", "F"]
    assert record(c)["summary"] == "Summary: We discussed: the first point; the second point. End Summary."


@pytest.mark.parametrize("after, summary", [
    # a heading follows: the summary is the heading's section, to the paragraph before it (09STATE16285)
    ("Action Requests\n---------\n\n4. (C) Please demarche.", "Iran has not answered the questions put to it. "
     "The Agency has no access. Syria's answers are incomplete."),
    # no heading follows: the first paragraph alone (where it ends is not written)
    ("4. (C) Please demarche.", "Iran has not answered the questions put to it."),
])
def test_a_summary_under_its_heading_with_no_end_runs_to_the_next_heading(after: str, summary: str) -> None:
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) This is an action request.\n\nSUMMARY\n-------\n\n"
              "2. (C) Iran has not answered the questions put to it.\n\n3. (C) The Agency has no access. Syria's "
              "answers are incomplete.\n\n" + after + "\n")
    assert record(c)["summary"] == summary


def test_a_summary_heading_over_a_cut_preview_leaves_the_copys_heading_its_summary() -> None:
    """04THEHAGUE1446 (session-39 holdout): a media preview's ``SUMMARY`` / ``-----`` / ``...`` (its
    text cut off), then the copy's own ``SUMMARY`` heading over ¶1 and a heading after it: the
    copy's paragraph is the summary, not nothing because the preview's comes first."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\nSUMMARY\n-------\n\n...\n\n17734\n\nSUMMARY\n-------\n\n"
              "1. During a June 7 meeting the Ministers agreed to go on.\n\nTHE MEETING\n-----------\n\n"
              "2. The Secretary is considering it.\n")
    assert record(c)["summary"] == "During a June 7 meeting the Ministers agreed to go on."


@pytest.mark.parametrize("body", [
    "1. (U) Summary of the talks follows in para 2.\n\n2. (U) More. End summary.",  # no label: lower case
    "1. (U) SUMMARY AND OUTLOOK ARE BELOW.\n\n2. (U) More. END SUMMARY.",  # not a label the rules know
])
def test_words_after_summary_that_are_no_label(body: str) -> None:
    assert record(cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n" + body + "\n"))["summary"] is None


def test_dashed_heading():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) One.\n\n-------\nSUMMARY\n-------\n\n2. (U) Two.\n")
    (head,) = xp(c, "//t:ab[@type='heading']")
    assert reading_text(head) == "SUMMARY" and head.get("rend") == "dashes"


@pytest.mark.parametrize("title, heading", [
    ("Venezuela: Chavez is Worried. So is the Church.", True),  # 09VATICAN59: a stop last, the rule its length
    ("WHY VOTE NO? BECAUSE WE CAN.", True),  # 05THEHAGUE1434
    ("End Summary.", False),  # an end marker underlined (05THEHAGUE2064): it closes the summary
    ("He left the room at once.", False),  # a sentence, its rule longer: the paragraph's last line
])
def test_a_title_with_a_stop_glued_under_a_paragraph_is_a_heading_when_its_rule_is_its_length(
    title: str, heading: bool
) -> None:
    rule = "-" * (len(title) - 2) + " -" if heading else "-" * (len(title) + 12)
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Summary: One went home. He came back.\n"
              f"{title}\n{rule}\n2. (U) Two.\n")
    heads = [reading_text(h) for h in xp(c, "//t:ab[@type='heading']")]
    assert heads == ([title] if heading else [])
    assert (title in reading_text(xp(c, "//t:p[@n='1']")[0])) is not heading


@pytest.mark.parametrize("heading, second, expected", [
    # one title run on, no heading elsewhere: the words may be a name's or a list's; text
    ("", "", []),
    # the cable sets its sections under titles (a heading of its own line): a heading
    ("Summary\n-------\n\n", "", ["Summary", "Venezuelan Accession to Mercosul"]),
    # two titles run on: a heading each
    ("", " Internal Politics Today", ["Internal Politics Today", "Venezuelan Accession to Mercosul"]),
])
def test_a_mixed_case_title_run_on_after_text_is_a_heading_where_the_cable_has_titles(
    heading: str, second: str, expected: list[str]
) -> None:
    """07BRASILIA1568's ``… for his own benefit. Venezuelan Accession to Mercosul`` / ``¶5. …``."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n" + heading + "1. (U) He spoke of the talks." + second + "\n\n"
              "2. (U) He spoke of the region and its trade. Venezuelan Accession to Mercosul\n\n3. (U) More.\n")
    assert [reading_text(h) for h in xp(c, "//t:ab[@type='heading']")] == expected
    assert reading_text(xp(c, "//t:p[@n='2']")[0]).endswith("trade.") is (len(expected) > 1)


@pytest.mark.parametrize(("first", "second"), [
    ("Chief of the Chancellery and Minister", "Without Portfolio: Ronald Pofalla (CDU)"),  # 09BERLIN1360
    ("BERRI ASKS FOR PRESSURE", "ON SYRIA OVER LAHOUD"),  # 06BEIRUT895
    ("Pushing Bot on bilateral issues: Iraq, Afghanistan, TIP,", "Narcotics"),  # 04THEHAGUE281, a comma
])
def test_a_title_wrapped_over_two_lines_above_its_rule_is_one_heading(first: str, second: str) -> None:
    """session-16 holdout (09BERLIN1360, 04THEHAGUE281): the rule under a title the teletype wrapped
    completes the whole title, not its second line alone (the first was left a paragraph)."""
    for rule_above in ("", "---------------------------------------\n"):
        c = cable(f"UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) One.\n\n{rule_above}{first}\n{second}\n"
                  "---------------------------------------\n\n2. (U) Two.\n")
        (head,) = xp(c, "//t:ab[@type='heading']")
        assert reading_text(head) == f"{first} {second}"
        assert [p.get("n") for p in xp(c, "//t:p[@n]")] == ["1", "2"]
        assert not [p for p in xp(c, "//t:p") if reading_text(p) == first]  # not left a paragraph


def test_two_lines_above_a_rule_that_are_no_title_stay_as_they_were() -> None:
    """A sentence's end, a table's column heads: the rule takes the last line alone, as before."""
    for first in ("The minister left early.", "YEAR  NUMBER OF         EQUIPMENT TURNED-IN"):
        c = cable(f"UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) One.\n\n{first}\nTHE OUTLOOK\n"
                  "---------------------------------------\n\n2. (U) Two.\n")
        assert [reading_text(h) for h in xp(c, "//t:ab[@type='heading']")] == ["THE OUTLOOK"]


# ------------------------------------------------------------------ page furniture
def test_page_break_lines():
    assert new_page("MADRID 00000857 001.2 OF 002") == "1"
    assert new_page("LA PAZ 00002910 005 OF 005") == "5"
    assert old_page("PAGE 02 HARARE 05461 01 OF 02 271458Z") == "2"
    assert old_page("PAGE 04  VATICA 05960 191507Z") == "4"
    assert old_page("PAGE 02        STATE  012345") == "2"  # a 1970s telegram's, without the time
    assert old_page("PAGE 12 OF THE REPORT") is None and old_page("Page 02 of the annex 2004") is None
    # the sender's routing indicator and serial, then the banner (07PARIS170, 07PARIS2440)
    assert old_page("PAGE 02 RUEHFRA0170 S E C R E T") == "2"
    assert old_page("PAGE 03 RUEHFRA2440 C O N F I D E N T I A L PARIS 002440") == "3"
    assert old_page("PAGE 02 RUEHFRA0170 S E C R E T MEETING WITH THE MINISTER") is None  # text after it
    assert new_page("PAGE 02 HARARE 05461 01 OF 02 271458Z") is None
    assert old_page("MADRID 00000857 001.2 OF 002") is None
    assert new_page("The page was 2 of 3") is None and old_page("The page was 2 of 3") is None


def test_old_style_page_break_with_classification_footer_joins_the_paragraph():
    c = cable("CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n2. (C) THE MINISTER CALLED IN THE CHARGE\n"
              "CONFIDENTIAL\n\nPAGE 02 MADRID 00857 061419Z\nTO PRESENT A NOTE.\n")
    p = xp(c, "//t:p[@n='2']")[0]
    assert reading_text(p).endswith("CALLED IN THE CHARGE TO PRESENT A NOTE.")
    assert [f.get("type") for f in p.xpath("t:fw", namespaces=NS)] == ["footer", "header"]
    assert p.xpath("t:pb/@n", namespaces=NS) == ["2"]


def test_repeated_section_banner_is_a_milestone():
    c = cable("C O N F I D E N T I A L SECTION 01 OF 02 MADRID 000857\n\nSUBJECT: X\n\n1. (C) One.\n\n"
              "C O N F I D E N T I A L SECTION 02 OF 02 MADRID 000857\n\n2. (C) Two.\n")
    assert xp(c, "//t:milestone/@n") == ["2"]
    assert xp(c, "//t:fw[@type='section-banner']/text()") == ["C O N F I D E N T I A L SECTION 02 OF 02 MADRID 000857"]


# ------------------------------------------------------------------ repairs keep the original
def test_damaged_characters_repaired_with_original_kept():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Korea,s leaders hasn,t said. The &Acts of "
              "Completion8 speech, vis--vis Spain.\n")
    p = xp(c, "//t:p[@n='1']")[0]
    assert reading_text(p) == ("1. (U) Korea\u2019s leaders hasn\u2019t said. The \u201cActs of Completion\u201d "
                               "speech, vis-\u00e0-vis Spain.")
    assert source_text(p) == "1. (U) Korea,s leaders hasn,t said. The &Acts of Completion8 speech, vis--vis Spain."
    assert len(p.xpath("t:choice", namespaces=NS)) == 5
    # errors of transmission: sic/corr with their certainty and reason, never orig/reg
    assert not p.xpath("t:choice/t:orig", namespaces=NS)
    assert [(c.get("type"), c.get("cert")) for c in p.xpath("t:choice/t:corr", namespaces=NS)] == [
        ("apostrophe", "high"), ("apostrophe", "high"), ("quote", "medium"), ("quote", "medium"), ("accent", "high")]


def test_an_acronyms_possessive_sent_as_a_comma_is_repaired_too():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) The UK,s view, the DRC,s army and ROK,s. "
              "Lists: UK,SPAIN, A,s and NATO, s.\n")
    p = xp(c, "//t:p[@n='1']")[0]
    assert p.xpath("t:choice/t:sic/text()", namespaces=NS) == [",", ",", ","]
    assert reading_text(p).startswith("1. (U) The UK\u2019s view, the DRC\u2019s army and ROK\u2019s.")
    # a comma in a list of capitals, after a single capital, or before a spaced s stays
    assert "UK,SPAIN, A,s and NATO, s." in reading_text(p)


def test_a_comma_after_a_letter_that_stands_alone_is_no_apostrophe():
    # the reasons of a Classified By line list letters: 1.5 (b,d) is not "b'd" (02ANKARA8852)
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Reasons: 1.5 (b,d) and 1.4 (a,b,c,d); "
              "it hasn,t.\n")
    p = xp(c, "//t:p[@n='1']")[0]
    assert p.xpath("t:choice/t:sic/text()", namespaces=NS) == [","]
    assert reading_text(p) == "1. (U) Reasons: 1.5 (b,d) and 1.4 (a,b,c,d); it hasn\u2019t."


def test_ampersand_in_names_is_not_a_quote():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) R&D and S&ED; AT&T spent 8 million.\n")
    assert not xp(c, "//t:choice")


def test_redactions_are_gaps_with_the_text_kept():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Met XXXXXXXXXXXX today and xxxxx.\n")
    gap, small = xp(c, "//t:gap")
    # who withheld it (the publishers, not the government), and the characters as written
    assert gap.get("reason") == "redacted" and gap.get("resp") == "#c09MADRID857-withheld"
    assert (gap.get("rend"), gap.get("quantity"), gap.get("unit")) == ("XXXXXXXXXXXX", "12", "chars")
    assert small.get("rend") == "xxxxx"
    desc = gap.findtext("t:desc", namespaces=NS)
    assert "WikiLeaks and its media partners" in desc and "not by the United States government" in desc
    [resp] = xp(c, "//t:titleStmt/t:respStmt[@xml:id='c09MADRID857-withheld']")
    assert resp.findtext("t:orgName", namespaces=NS) == "WikiLeaks and its media partners"
    # every character of the source is kept: the source view reads the gap as written
    assert "Met XXXXXXXXXXXX today and xxxxx." in source_text(xp(c, "//t:p[@n='1']")[0])
    # no redaction, no statement of who made one
    plain = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Met.\n")
    assert not xp(plain, "//t:respStmt[contains(@xml:id, 'withheld')]")


def test_hyphen_split_mended_only_when_the_word_occurs_elsewhere():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) THE INCOMPE-\nTENCE OF THE EX-\nGTMO STAFF. "
              "SUCH INCOMPETENCE.\n")
    p = xp(c, "//t:p[@n='1']")[0]
    assert "THE INCOMPETENCE OF THE EX-GTMO STAFF" in reading_text(p)
    assert xp(c, "//t:choice/t:orig/text()") == ["INCOMPE-TENCE"]


# ------------------------------------------------------------------ signatures and endings
@pytest.mark.parametrize("ending, signer", [
    ("2. (U) Last point.\n\nPICCUTA\n", "PICCUTA"),
    ("2. (U) Last point. END COMMENT. NICHOLSON\n", "NICHOLSON"),
    ("2. (U) We will see how it goes in Burma. Martinez\n", "Martinez"),
    # one name with its full stop after the last sentence (09CAIRO205, 09CAIRO1976); not a closing word
    ("2. (U) The Department of Treasury cleared on this cable. Scobey.\n", "Scobey"),
    ("2. (U) Point of contact is RSO Wendy Bashnan. Regards.\n", None),
    # the trailer withheld but for its end (07LONDON3923): the name after it signs
    ("2. (C) XXXXXXXXXXXX. cfm Tuttle\n", "Tuttle"),
    ("2. (U) Last point.\n\nvan Voorst\n", "van Voorst"),
    ("2. (U) Last point.\n\nLAINGEN\n\nCONFIDENTIAL\n\nNNNN\n", "LAINGEN"),
    ("2. (U) LAST POINT.\nMERANTE\n", "MERANTE"),
    # the name on the end label's line, no full stop between (10KABUL104, 09ACCRA1070)
    ("2. (C) Comment: we will see. END COMMENT EIKENBERRY\n", "EIKENBERRY"),
    ("2. (C) Comment: we will see. END COMMENT FURUTA-TOY\n", "FURUTA-TOY"),
    # a word in mixed case after the label is no signer
    ("2. (C) Comment: we will see. END COMMENT Later\n", None),
    # a name in capitals run on after the last words, no stop between (04DUBLIN1719, 10WINDHOEK7)
    ("2. (U) This cable has been cleared by Treasury DAS Nancy Lee KENNY\n", "KENNY"),
    ("2. (C) They face serious threats. End Comment MATHIEU\n", "MATHIEU"),
    # an acronym of three letters ends a sentence, no name
    ("2. (U) The loan was agreed with the IMF\n", None),
    # one word in mixed case after a redaction, no stop (09CAIRO2299)
    ("2. (C) Biographical Note: XXXXXXXXXXXX Scobey\n", "Scobey"),
    # a dump's backslash after the signer, the only one (09BEIJING3160)
    ("2. (U) Last point.\nHUNTSMAN \\\n", "HUNTSMAN"),
    # a name in capitals after a figure ending mixed-case text (09TRIPOLI632, 08BUENOSAIRES62)
    ("2. (U) Signature: Musa Kusa, Secretary. July 30, 2009 CRETZ\n", "CRETZ"),
    ("2. (U) Marine Post 1 (24 hrs)     5777-4873  WAYNE\n", "WAYNE"),
    # in a text written in capitals the words after a figure may be its own
    ("2. (U) THE TALKS RESUME ON 5 MAY 2009 IN GENEVA\n", None),
    # a name glued to the last full stop (09CAIRO200, 08TRIPOLI829), an export's date after the name (09BRASILIA1540)
    ("2. (U) They will get back to us with nominees by February 12.SCOBEY\n", "SCOBEY"),
    ("2. (C) It is chilly in the fall.  End Comment.GODFREY\n", "GODFREY"),
    ("2. (U) IT WAS AGREED WITH THE U.S.EMBASSY\n", None),
    ("2. (U) It is now an autonomous offense. KUBISKE 2009-12-31\n", "KUBISKE"),
    ("2. (U) Last point.\n\nSOBEL 2008-01-08\n", "SOBEL"),
    # the name above a post's notice, quoted whole with its address wrapped (09ANKARA1472)
    ("2. (U) Last point.\n\nJEFFREY\n\n    \"Visit Ankara's Classified Web Site at http://www.intelink.s\n"
     "gov.gov/wiki/Portal:Turkey\"\n", "JEFFREY"),
    ("2. (U) Drafted by OSD staff. Jeffrey\n\nVisit Ankara's Classified Web Site at http://www.intelink.sgov.gov\n",
     "Jeffrey"),
    # a name after a press item's bracketed source (09TRIPOLI221)
    ("2. (U) The fair closed. [Tripoli Post, 2/21/2009] CRETZ\n", "CRETZ"),
    # an export's stamp after the name under a list's last item (08TRIPOLI137)
    ("2. (C) Steps:\n-- Post does not recommend such a visit.\nSTEVENS 0 02/20/2008\n", "STEVENS"),
    # an end label wrapped and cut under its line is no name (05THEHAGUE1556)
    ("2. (C) Comment: we will see. END COMMENT\nAND GUIDANCE REQUES\n", None),
    # a middle initial's stop is no sentence's end: the name goes on (09PESHAWAR41); after a sentence it signs
    ("2. (U) Point of contact for this information is RSO\nPeshawar, David J. Hazarian\n", None),
    ("2. (U) The plan was agreed under Annex B. SMITH\n", "SMITH"),
])
def test_signatures(ending, signer):
    c = cable("CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n1. (C) One.\n\n" + ending)
    assert record(c)["signer"] == signer


def test_a_name_after_the_end_label_of_a_quoted_list_signs_and_the_label_stays():
    """``-- … the ANA TF. END TEXT HEFFERN`` (10USNATO52): the text ends in a list item, the
    name after its end label signs, and the item keeps ``END TEXT``."""
    c = cable("CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n1. (C) One.\n\n2. (C) The paper: "
              "BEGIN TEXT\n\n-- Urge partners to act.\n\n-- Express concern about the delay. END TEXT HEFFERN\n")
    assert record(c)["signer"] == "HEFFERN"
    text = " ".join(reading_text(xp(c, "//t:p[@n='2']")[0]).split())
    assert text.endswith("Express concern about the delay. END TEXT")
    assert [reading_text(s) for s in xp(c, "//t:closer/t:signed")] == ["HEFFERN"]


def test_end_marker_and_trailing_classification_kept_in_closer():
    c = cable("CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n1. (C) One.\n\nLAINGEN\n\nCONFIDENTIAL\n\nNNNN\n")
    assert [f.get("type") for f in xp(c, "//t:closer/t:fw")] == ["classification", "end-marker"]


# ------------------------------------------------------------------ media partners and partial extracts
def test_media_partner_database_row_is_a_wrapper():
    body = ("57136\n2006-03-17 22:11:00\n06MEXICO1476\nEmbassy Mexico\nUNCLASSIFIED//FOR OFFICIAL USE ONLY\n"
            "06MEXICO1476\n\nUNCLAS MEXICO 001476\n\nSENSITIVE\nSIPDIS\n\nSUBJECT: X\n\n1. (SBU) Text.\n")
    c = valid(normalize(RawCable("t", "text", body)))
    assert xp(c, "//t:opener/t:seg[@type='wrapper']/text()")[:2] == ["57136", "2006-03-17 22:11:00"]
    assert record(c)["classification"] == "UNCLASSIFIED//FOR OFFICIAL USE ONLY"


def test_guardian_dateline_is_a_wrapper():
    c = valid(normalize(RawCable("t", "text", "Thursday, 03 April 2008, 12:23\nS E C R E T MADRID 000857\n\n"
                                        "SUBJECT: X\n\n1. (S) Text.\n")))
    assert xp(c, "//t:seg[@type='wrapper']/text()") == ["Thursday, 03 April 2008, 12:23"]
    # no date-time group: the wrapper's date (a media partner's, its date of sending) gives the
    # id's year, as it gives the references' (``wrapper-year``), with a warning
    assert c.id == "08MADRID857"
    assert any("the id 08MADRID857 takes its year from the text" in w for w in c.warnings)


def test_partial_extract_without_dtg_takes_the_date_from_metadata_with_a_warning():
    from convert.model import SourceMetadata

    meta = SourceMetadata(kind="cables.csv", id="01VATICAN1261", created="2001-03-06T14:02",
                          classification="CONFIDENTIAL", origin="Embassy Vatican")
    c = valid(normalize(RawCable("x.csv#1", "csv", "C O N F I D E N T I A L VATICAN 001261\n\nSUBJECT: X\n\n"
                           "1. (C) Text.\n", header="This record is a partial extract of the original cable.",
                           metadata=meta)))
    assert c.id == "01VATICAN1261" and c.date == "2001-03-06"  # (02 is 14 o'clock on a 12-hour clock: no minute)
    assert any("date comes from" in w for w in c.warnings)
    assert xp(c, "//t:bibl[@type='telegram']/t:note[@type='partial-extract']")


def test_discrepancy_with_metadata_is_noted():
    from convert.model import SourceMetadata

    meta = SourceMetadata(kind="cablegate-table", id="09MADRID857", created="2009-02-14T12:00",
                          classification="SECRET", origin="Embassy Madrid")
    c = valid(normalize(RawCable("p.html", "html", "C O N F I D E N T I A L MADRID 000857\n\nSUBJECT: X\n\n1. (C) T.\n",
                           header=HEADER, metadata=meta)))
    notes = xp(c, "//t:bibl[@type='cablegate-table']/t:note[@type='discrepancy']/text()")
    assert notes == ["classification: the text's markings read as CONFIDENTIAL, the cablegate table SECRET"]
    assert c.warnings == notes


def test_a_record_the_convention_derives_is_named_with_the_texts_own_markings():
    """``UNCLAS`` and ``SENSITIVE BUT UNCLASSIFIED`` make the record ``UNCLASSIFIED//FOR OFFICIAL USE ONLY``
    (the cablegate convention); where the table says ``UNCLASSIFIED``, the note names what the text wrote
    (05BRASILIA369), not words it never wrote."""
    from convert.model import SourceMetadata

    meta = SourceMetadata(kind="cablegate-table", id="05MADRID857", created="2005-02-14T12:00",
                          classification="UNCLASSIFIED", origin="Embassy Madrid")
    text = "UNCLAS MADRID 000857\n\nSENSITIVE BUT UNCLASSIFIED\n\nSUBJECT: X\n\n1. (SBU) T.\n"
    c = valid(normalize(RawCable("p.html", "html", text, header=HEADER.replace("09", "05"), metadata=meta)))
    notes = xp(c, "//t:bibl[@type='cablegate-table']/t:note[@type='discrepancy']/text()")
    assert notes == ["classification: the text's markings read as UNCLASSIFIED and SENSITIVE (UNCLASSIFIED//FOR "
                     "OFFICIAL USE ONLY in the cablegate convention), the cablegate table UNCLASSIFIED"]


def test_white_space_artifacts():
    c = cable("UNCLAS SECTION 01 OF 08 MADRID 000857 \u2028\u2028SUBJECT:\tX\n \n \n1. (U) Text\u00a0here. \n")
    assert c.subject == "X"
    assert reading_text(xp(c, "//t:p[@n='1']")[0]) == "1. (U) Text here."


def test_anchored_number_is_not_a_damaged_pilcrow():
    """``¶13.`` after a quoted statement's ``¶1.``, ``¶2.`` (05BRASILIA1714: ``¶15.`` after
    ``¶1.``-``¶4.``): the page's ¶ stands before the number, so its 1 is no pilcrow read as a 1
    (paragraph-renumber leaves it); ``13.`` without the ¶ after ``2.`` is still read as ``3.``."""
    head = "UNCLAS MADRID 000857\n\nSUBJECT: X\n\n"
    body = "¶1. (U) One.\n\n¶2. (U) Begin statement:\n\n¶1. Item.\n\n¶2. Item.\n\n{n}. Later.\n\n{m}. Last.\n"
    c = cable(head + body.format(n="¶13", m="¶14"))
    assert [int(x) for x in xp(c, "//t:p/@n")] == [1, 2, 1, 2, 13, 14]
    c = cable(head + "11. (U) One.\n\n12. (U) Two.\n\n13. (U) Three.\n")
    assert [int(x) for x in xp(c, "//t:p/@n")] == [1, 2, 3]


def test_portion_marking_written_small_or_without_its_parenthesis():
    """``1. C) Summary: …`` (10ROME1: the marking's "(" lost) and ``1. (c) summary: …`` (00TASHKENT4223,
    a lower-cased copy): the portion marking, not a list item's label; the summary is found."""
    for marking in ("C)", "(c)"):
        c = cable(f"CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n1. {marking} Summary: The talks went well. "
                  f"End summary.\n\n2. {marking} Text.\n")
        assert xp(c, "//t:p[@n='1']/t:seg[@type='portion-marking']/text()") == [marking]
        assert not xp(c, "//t:list")
        assert xp(c, "string(//t:seg[@type='summary'])").startswith("Summary: The talks went well.")


def test_subject_label_colon_written_twice():
    """``SUBJECT: : MEXICANS …`` (08MEXICO3108): the second colon is the label's, not the
    subject's; the head keeps it as written."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: : MEXICANS DIFFER ON THE EFFECTS\n\n1. (U) Text here.\n")
    assert c.subject == "MEXICANS DIFFER ON THE EFFECTS"
    assert xp(c, "string(//t:head[@type='subject'])") == "SUBJECT: : MEXICANS DIFFER ON THE EFFECTS"
    assert cable("UNCLAS MADRID 000857\n\nSUBJECT: IRAN: THE VOTE\n\n1. (U) Text.\n").subject == "IRAN: THE VOTE"


def test_subject_label_written_twice():
    """``SUBJECT: SUBJECT: COSTA RICA: …`` (08SANJOSE1000): the second label is the label's, not
    the subject's; the head keeps it as written. A subject that begins with the word is kept."""
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: SUBJECT: COSTA RICA: THE VOTE\n\n1. (U) Text here.\n")
    assert c.subject == "COSTA RICA: THE VOTE"
    assert xp(c, "string(//t:head[@type='subject'])") == "SUBJECT: SUBJECT: COSTA RICA: THE VOTE"
    kept = cable("UNCLAS MADRID 000857\n\nSUBJECT: SUBJECT TO CHANGE: THE VOTE\n\n1. (U) Text.\n")
    assert kept.subject == "SUBJECT TO CHANGE: THE VOTE"


def test_begin_end_text_is_a_quote():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) The note reads: BEGIN TEXT: We agree. END TEXT.\n\n"
              "2. (U) Begin text:\n\n3. (U) First quoted.\n\n4. (U) Last quoted. End text.\n")
    (inline,) = xp(c, "//t:p[@n='1']/t:quote")
    assert reading_text(inline) == "BEGIN TEXT: We agree. END TEXT."
    assert [s.get("part") for s in xp(c, "//t:seg[@type='quote']")] == ["I", "M", "F"]


def test_numbered_paragraph_without_blank_line_before_it():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n¶1. (SBU) Summary. One. End Summary.\n¶2. (SBU) Two.\n")
    assert [p.get("n") for p in xp(c, "//t:p[@n]")] == ["1", "2"]


def test_all_capitals_line_before_a_paragraph_is_a_heading_in_mixed_case_cables():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Some text here.\n\nMILITARY UPDATE\n\n"
              "2. (U) More text here.\n\nPICCUTA\n")
    assert [reading_text(h) for h in xp(c, "//t:ab[@type='heading']")] == ["MILITARY UPDATE"]
    assert record(c)["signer"] == "PICCUTA"


def test_title_case_and_same_line_dashed_headings():
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) Some text here.\n\nA New Era Begins\n\n2. (U) More.\n\n"
              "Televised Debates -----------------\n\n3. (U) Last.\n\nRef B: MADRID 12\n\n4. (U) End.\n")
    heads = xp(c, "//t:ab[@type='heading']")
    assert [(reading_text(h), h.get("rend")) for h in heads] == [("A New Era Begins", None),
                                                                  ("Televised Debates", "dashes")]


def test_fields_glued_to_the_last_field_line_are_split():
    """``ZFR --- ZFR E.O. 12958: N/A TAGS: …``: the line that holds the last TAGS/E.O. field
    (the horizon) is split too, so its fields are read (09CAIRO1639)."""
    c = cable("UNCLAS CAIRO 001639\n\nSIPDIS\n\nZFR --- ZFR --- ZFR E.O. 12958: N/A TAGS: TBIO KFLU EG\n\n"
              "1. (U) Text.\n")
    assert [t.text for t in xp(c, "//t:keywords[@scheme='ctax:tags']/t:term")] == ["TBIO", "KFLU", "EG"]


@pytest.mark.parametrize(("table_id", "kept", "noted"), [("09STATE30927", "09STATE30927", False),
                                                         ("09STATE31927", "09STATE927", True),
                                                         ("09STATE927", "09STATE927", False)])
def test_the_de_lines_four_digits_are_the_tables_serial_cut(table_id: str, kept: str, noted: bool) -> None:
    """09STATE30927: no banner serial is read (the text is a database row's flattened copy), so
    the id comes from the DE line, whose serial has four digits (``#0927``). The cablegate
    table's 09STATE30927 ends in them: the table's id is the cable's, with no discrepancy.
    Another serial (31927) is a discrepancy, and the text's id stands, as before."""
    from convert.model import SourceMetadata

    header = "VZCZCXYZ0012\nRR RUEHWEB\n\nDE RUEHC #0927 0901915\nZNY SSSSS ZZH\nR 311858Z MAR 09\n" \
             "FM SECSTATE WASHDC\nTO AMEMBASSY BUENOS AIRES 6302\n"
    meta = SourceMetadata(kind="cablegate-table", id=table_id)
    c = valid(normalize(RawCable("p.html", "html", "SUBJECT: X\n\n1. (C) Text.\n", header=header, metadata=meta)))
    assert c.id == kept
    assert any(w.startswith("id:") for w in c.warnings) is noted


@pytest.mark.parametrize("text, ids", [
    ("REF: BRASILIA 715 AND 660", ["09BRASILIA715", "09BRASILIA660"]),  # a serial alone: the station's again
    ("REF: MALABO 19, 21, 26, 27, 31",  # serials of one or two figures too (09MALABO48, 06TRIPOLI198)
     ["09MALABO19", "09MALABO21", "09MALABO26", "09MALABO27", "09MALABO31"]),
    ("REF: TRIPOLI 33, 53", ["09TRIPOLI33", "09TRIPOLI53"]),
    ("REF: LIMA 1209; LIMA 1299 AND PREVIOUS; LIMA 1647; LIMA 1653",
     ["09LIMA1209", "09LIMA1299", "09LIMA1647", "09LIMA1653"]),  # past a piece that names none, at a semicolon
    ("REF: SECDEF 122723; CAIRO IIR 6 899 0149 10; 2009 CAIRO 2394 2009 CAIRO 491",
     ["09CAIRO2394", "09CAIRO491"]),  # a four-digit year; a Defense message (SECDEF) is no cable
    ("REF: A. A. THE HAGUE 3128 (2005) B. THE HAGUE 3350 (2004)", ["05THEHAGUE3128", "04THEHAGUE3350"]),
    ("REF: STATE 1234, PARA 5", ["09STATE1234"]),  # a paragraph's number is no serial
    ("REF: STATE 1234 OF MAY 5", ["09STATE1234"]),
])
def test_refs_that_name_several_cables_or_a_year_in_parentheses(text, ids):
    assert [r.target for r in parse_refs(text, 2009).items if r.target] == ids
    written = "".join((r.written or "") + r.text + r.tail for r in parse_refs(text, 2009).items)
    assert written.replace(" ", "") in text.replace(" ", "")


def test_a_routing_block_read_inside_a_summary_is_pointed_at_by_its_paragraph() -> None:
    """A pasted old-style record with no routing header at its head: the sender and addressees
    are read from the routing block its text repeats, which here stands inside ¶1's summary.
    ``@source`` named the summary's ``seg`` (``#c…-summary``), which the profile does not allow
    (found by media11); it names the paragraph."""
    from pathlib import Path

    lines = (Path(__file__).parent / "fixtures" / "rules" / "routing-after-distribution.txt").read_text().splitlines()
    text = "\n".join(lines[lines.index("C O N F I D E N T I A L SECTION 01 OF 02 ROME 003639"):]) + "\n"
    c = valid(normalize(RawCable("rome.txt", "text", text)))
    assert set(xp(c, "//t:correspAction[@type='received']/@source")) == {"#c02ROME3639-p1"}
    assert xp(c, "//t:correspAction[@type='sent']/t:orgName/@source") == ["#c02ROME3639-p1"]


@pytest.mark.parametrize("line", [
    "SUBJECT: E-PINE POLITICAL DIRECTORS Classified By: Classified by: Daniel Fried, Assistant Secretary, EUR",
    "SUBJECT: NORDIC POLITICAL DIRECTORS Classified By: Classified by EUR Assistant Secretary Daniel Fried",
])
def test_a_classified_by_label_written_twice_begins_one_field(line: str) -> None:
    """``Classified By: Classified by: Daniel Fried …`` run on after the SUBJECT (08STATE56861,
    08STATE114173): one Classified By field, not an empty one and then the authority."""
    c = cable(f"C O N F I D E N T I A L STATE 056861\n\nSIPDIS\n\nE.O. 12958: DECL: 05/01/2018\n"
              f"TAGS: PREL XH\n{line}\n\n1. (C) Text.\n")
    note = xp(c, "//t:note[@type='classified-by']")[0].text
    assert note.startswith("Classified By: Classified by") and "Fried" in note
    assert split_glued("Classified By: Classified by: Daniel Fried") == ["Classified By: Classified by: Daniel Fried"]


def test_a_preview_paragraph_that_runs_on_into_the_partners_row_is_a_wrapper() -> None:
    """``¶1. (C) Summar`` / ``id: 137434`` / … (08LIMA72: cut with no dots, the row on the next
    line): a wrapper like a preview cut with ``...``; the full copy keeps paragraph 1."""
    c = cable("C O N F I D E N T I A L LIMA 000072\n\nSIPDIS\n\nE.O. 12958: DECL: 01/04/2018\nTAGS: PGOV PE\n"
              "SUBJECT: TEST\n\n1. (C) Summar\nid: 137434\ndate: 1/15/2008 22:55\nrefid: 08LIMA72\n"
              "origin: Embassy Lima\nclassification: CONFIDENTIAL\n\nC O N F I D E N T I A L LIMA 000072\n\n"
              "1. (C) Summary: The GOP plans shortly to submit its brief.\n\n2. (C) More text.\n",
              HEADER.replace("RUEHMD #0857/01 0451200", "RUEHPE #0072/01 0152255")
              .replace("141200Z FEB 09", "152255Z JAN 08").replace("MADRID", "LIMA"))
    assert [p.get("n") for p in xp(c, "//t:body//t:p[@n]")] == ["1", "2"]
    assert "Summar id: 137434" in " ".join(xp(c, "//t:ab[@type='wrapper']")[0].itertext())


def test_a_database_row_in_blocks_of_several_lines_is_a_wrapper() -> None:
    """``1113`` / ``2000-06-07`` / blank / ``00THEHAGUE1695`` / blank / ``Embassy The Hague`` /
    blank / ``UNCLASSIFIED`` (00THEHAGUE1695): the row's fields in blocks of one or two lines."""
    c = cable("UNCLAS THE HAGUE 001695\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL NL\nSUBJECT: TEST\n\n"
              "1113\n2000-06-07\n\n00THEHAGUE1695\n\nEmbassy The Hague\n\nUNCLASSIFIED\n\n1. Text.\n")
    assert [" ".join(a.itertext()) for a in xp(c, "//t:ab[@type='wrapper']")] == [
        "1113 2000-06-07", "00THEHAGUE1695", "Embassy The Hague", "UNCLASSIFIED"]
    # two numbers a line each are no row (nothing names a cable)
    c = cable("UNCLAS THE HAGUE 001695\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PREL NL\nSUBJECT: TEST\n\n"
              "1. Text.\n\n1113\n2000\n\n2010\n\n2. More.\n")
    assert not xp(c, "//t:ab[@type='wrapper']")


def test_a_copy_whose_field_cut_short_wraps_over_lines_is_a_wrapper() -> None:
    """``Classified By: C...`` in the preamble, then the copy writes it whole over two lines
    (``PRIORITIES Classified By: CDA Jeff Goldstein for reasons 1.4 (b) &`` / ``(d).``,
    07TALLINN247): every line of the block copies the preamble, the block is a wrapper."""
    c = cable("C O N F I D E N T I A L SECTION 01 OF 02 TALLINN 000247\n\nSIPDIS\n\n"
              "E.O. 12958: DECL: 04/17/2017\nTAGS: EN MARR MOPS PGOV PREL\n"
              "SUBJECT: ESTONIA'S NEW GOVERNMENT (PART III): FOREIGN AND\nDEFENSE POLICY PRIORITIES\n\n"
              "Classified By: C...\n\n"
              "C O N F I D E N T I A L SECTION 01 OF 02 TALLINN 000247 SIPDIS\n"
              "E.O. 12958: DECL: 04/17/2017 TAGS: EN MARR MOPS PGOV PREL\n"
              "ESTONIA'S NEW GOVERNMENT (PART III): FOREIGN AND DEFENSE POLICY\n"
              "PRIORITIES Classified By: CDA Jeff Goldstein for reasons 1.4 (b) &\n(d).\n"
              "1. (C) Summary. The new government's priorities include strong relations with the U.S.\n",
              HEADER.replace("RUEHMD #0857/01", "RUEHTL #0247/01").replace("MADRID", "TALLINN"))
    wrapper = " ".join(" ".join(a.itertext()) for a in xp(c, "//t:ab[@type='wrapper']"))
    assert "Goldstein" in wrapper and "(d)." in wrapper


def test_a_piece_glued_without_space_joins_its_line_as_written():
    """A piece that ``glued-fields`` cut from a line with no space before it (``SANAA
    001352SIPDISE.O. …``), read in the body when the preamble ends between the pieces, joins
    the piece before it with no space: the source view keeps the word whole."""
    from convert.normalize.inline import Joiner
    from convert.normalize.parsed import Glued
    from convert.normalize.rules.ruler import Run

    glued, spaced = Glued("SIPDIS"), Glued("E.O. 12958")
    spaced.space_before = True
    assert Joiner(Run()).join(["SANAA 001352", glued, spaced]) == ["SANAA 001352SIPDIS E.O. 12958"]


def test_closing_lines_after_a_list_that_ends_the_text():
    """A text that ends in a list: the classification line and a media partner's footer after
    the last item (01VATICAN3507) go to the closer, and the name before them signs; the item
    keeps its text."""
    c = cable("C O N F I D E N T I A L VATICAN 003507\n\nE.O. 12958: DECL: 07/03/2011\nTAGS: PREL VT\n"
              "SUBJECT: TEST\n\n1. (C) AREAS OF DIFFICULTY:\n-- THE MIDDLE EAST - THE VATICAN WILL OPPOSE.\n"
              "-- DEATH PENALTY - THE VATICAN WILL CONDEMN IT.\nMMERANTE\n CONFIDENTIAL\n>\n"
              " 2001VATICA03507 - Classification: CONFIDENTIAL\n")
    closer = c.tei.find(".//t:closer", NS)
    assert [fw.get("type") for fw in closer.findall("t:fw", NS)] == ["classification", "footer", "footer"]
    assert closer.findtext("t:signed/t:persName", namespaces=NS) == "MMERANTE"
    assert c.tei.findall(".//t:item", NS)[-1].text == "DEATH PENALTY - THE VATICAN WILL CONDEMN IT."


def test_a_quoted_documents_numbering_is_found_only_where_the_cable_resumes() -> None:
    """``quoted-numbering``: the runs that restart at 1 after N and are followed by N+1 (session
    14's holdout, 09STATE47202's diplomatic note ¶1-¶8 between its ¶3 and ¶4); not a restart that
    the cable's own numbering goes on from (10BERN48's ``1, 2, 1, 2, 3, …``), nor one at the end."""
    from convert.normalize.rules.quoted import quoted_runs

    def kept(numbers: list[int]) -> list[int]:
        quoted = quoted_runs(numbers)
        return [n for i, n in enumerate(numbers) if i not in quoted]

    assert kept([1, 2, 3, 1, 2, 3, 4, 5, 6, 7, 8, 4]) == [1, 2, 3, 4]
    assert kept([1, 2, 3, 4, 5, 1, 2, 3, 1, 2, 3, 6, 7, 1, 2, 3, 4, 5, 6, 7, 8, 9, 8]) == list(range(1, 9))
    assert kept([1, 2, 3, 1, 2, 4, 5]) == [1, 2, 3, 4, 5]
    assert kept([1, 2, 1, 2, 3, 4, 5]) == [1, 2, 1, 2, 3, 4, 5]
    assert kept([1, 2, 3, 1, 2, 3]) == [1, 2, 3, 1, 2, 3]
    assert kept([1, 2, 3, 1, 4]) == [1, 2, 3, 1, 4]


def test_a_quoted_documents_numbering_to_the_end_needs_the_quotation_opened_and_closed() -> None:
    """``quoted-text-numbering`` (session 19's holdout, 09STATE79165: a draft resolution's ¶1-¶34
    after ``¶2. Begin text:``, closed by ``End text.`` before the signature): the restart is the
    quoted document's only where the cable opens the quotation before it and closes it after the
    last point; without either the numbers stay the cable's (as 10BERN48's restart)."""
    def numbers(opening: str, closing: str) -> list[int]:
        text = ("UNCLAS STATE 079165\n\nE.O. 12958: N/A\nTAGS: PREL IV\nSUBJECT: TEST\n\n"
                "1. USUN is authorized to vote for the resolution.\n\n"
                f"2. {opening}\n\nThe Security Council,\n\n1. Reiterates its support;\n\n"
                f"2. Decides to remain actively seized of the matter.\n\n{closing}\nCLINTON\n")
        rec = record(valid(normalize(RawCable(source="test", form="text", body=text))))
        return [p["n"] for p in rec["paragraphs"]]

    assert numbers("Begin text:", "End text.") == [1, 2]
    assert numbers("Begin text:", "") == [1, 2, 1, 2]
    assert numbers("The text follows:", "End text.") == [1, 2, 1, 2]


def test_a_paragraph_number_typed_with_a_comma_before_its_marking_is_the_paragraphs() -> None:
    """``18, (SBU) Accompanying …`` (session 23's holdout, 07TELAVIV2652; 06PARIS741's ``7, (U)`` and
    ``18, (C)``): a number followed by a comma and a portion marking at a line's start is the paragraph's
    number, its label kept as written; a comma without a marking (``16, Rotterdam``) stays text."""
    def numbers(line: str) -> list[tuple[int, str]]:
        text = ("C O N F I D E N T I A L TEL AVIV 002652\n\nE.O. 12958: N/A\nTAGS: PREL IS\nSUBJECT: TEST\n\n"
                f"1. (C) The first paragraph.\n\n{line}\n\n3. (C) The last paragraph.\n\nJONES\n")
        rec = record(valid(normalize(RawCable(source="test", form="text", body=text))))
        return [p["n"] for p in rec["paragraphs"]]

    assert numbers("2, (SBU) Accompanying the Under Secretary were two officers.") == [1, 2, 3]
    assert numbers("2, Rotterdam is a port.") == [1, 3]


def test_an_ampersand_opening_a_quotation_closed_by_a_straight_mark_is_corrected() -> None:
    """``amp-straight-quote`` (session 23's holdout, 08MOSCOW2153's PDF read by eye: ``the &strong shareholder
    agreement"``): the ampersand before a word in lower case, closed by a straight ``"``, is the opening mark;
    ``Trade & Investment``, ``R&D``, ``;&undq`` and a quotation ``quote-marks`` pairs with its 8 are not."""
    from convert.normalize.rules.ampquote import amp_straight_quote

    def corrected(text: str) -> list[int]:
        return [start for start, _end, _choice in amp_straight_quote(text)]

    assert corrected('rely on the &strong shareholder agreement" and its') == [12]
    assert corrected('Stirrup said he was &delighted" to') == [20]
    assert corrected('Trade & Investment, R&D, AT&T said "yes"') == []
    assert corrected(';&undq$ )t aaain ran into 4rgU"') == []
    assert corrected('before it rise thE &undq$ )t aaain ran into 4rgU"de.') == []  # a garbled line's
    assert corrected('the &soften-up8 BP and "more"') == []
    assert corrected("the &strong agreement and no closing mark") == []


def test_a_pasted_preview_without_date_reads_its_later_refs_with_the_texts_year() -> None:
    """A media partner's copy pasted without its header: the first copy of the preamble stops in
    the SUBJECT (``…``) and the REF field is only in the later copy. The references are read from
    that copy, as of the year of the cable's own id written in the partner's row (04THEHAGUE1793,
    pasted: the year was not asked for, so no reference had an id)."""
    text = ("C O N F I D E N T I A L SECTION 01 OF 03 THE HAGUE 001793\n\nSIPDIS\n\n"
            "E.O. 12958: DECL: 07/14/2014\nTAGS: PREL NL\nSUBJECT: EU/US COOPERATION IN THE UNGA AND ON...\n\n"
            "18800\n\n2004-07-16\n\n04THEHAGUE1793\n\nEmbassy The Hague\n\nCONFIDENTIAL\n\n"
            "C O N F I D E N T I A L SECTION 01 OF 03 THE HAGUE 001793\n\nSIPDIS\n\n"
            "E.O. 12958: DECL: 07/14/2014\nTAGS: PREL NL\n"
            "SUBJECT: EU/US COOPERATION IN THE UNGA AND ON HUMAN RIGHTS\n\n"
            "REF: A. STATE 153876\n\nB. THE HAGUE 1737\n\nClassified By: A. Officer, reasons 1.4 (b) and (d)\n\n"
            "1. (C) The Dutch are committed to the dialogue (ref b).\n\nRUSSEL\n")
    rec = record(valid(normalize(RawCable(source="test", form="text", body=text))))
    assert [r["id"] for r in rec["references"]] == ["04STATE153876", "04THEHAGUE1737"]
    assert any("as of 2004" in w for w in rec["warnings"])
    assert rec["id"] == "04THEHAGUE1793"  # the year is the own id's, no guess: the cable has its id


def test_a_dateless_text_takes_its_ids_year_only_from_what_the_text_says_for_sure() -> None:
    """A dateless text whose own id is written in a media partner's row gets that id, with a
    warning, REF field or none; one whose year could only be guessed (its declassification date)
    gets none."""
    head = "C O N F I D E N T I A L THE HAGUE 001793\n\nE.O. 12958: DECL: 07/14/2014\nTAGS: PREL NL\n"
    row = "SUBJECT: TALKS\n\n18800\n\n2004-07-16\n\n04THEHAGUE1793\n\nEmbassy The Hague\n\n"
    text = "1. (C) The Dutch are committed to the dialogue.\n\nRUSSEL\n"
    with_row = record(valid(normalize(RawCable(source="test", form="text", body=head + row + text))))
    assert with_row["id"] == "04THEHAGUE1793" and with_row["date"] is None
    assert any("the id 04THEHAGUE1793 takes its year from the text" in w for w in with_row["warnings"])
    guessed = record(valid(normalize(RawCable(source="test", form="text", body=head + "SUBJECT: TALKS\n\n" + text))))
    assert guessed["id"] is None


def test_a_second_copy_of_the_numbered_text_is_found_only_where_it_repeats_the_first() -> None:
    """``repeated-text``: the last restart at 1, running to the end, whose paragraphs begin as
    the first run's (08BERN443's ``1-9, 1-9``; all but one at most, two at least); not a
    restart with other texts (10BERN48's ``1, 2, 1, 2, 3, …``), nor one that stops short."""
    from convert.normalize.rules.repeated import copy_run

    starts = ["A", "B", "C"]
    assert copy_run([1, 2, 3, 1, 2, 3], [*starts, *starts]) == [3, 4, 5]
    assert copy_run([1, 2, 3, 1, 2, 3], [*starts, "A", "X", "C"]) == [3, 4, 5]  # one differs (a cut)
    assert copy_run([1, 2, 3, 1, 2, 3], [*starts, "A", "X", "Y"]) == []
    assert copy_run([1, 2, 1, 2, 3, 4], ["A", "B", "C", "D", "E", "F"]) == []  # the cable's own restart
    assert copy_run([1, 2, 3, 1, 2, 4], [*starts, "A", "B", "X"]) == []  # the run does not go on to the end
    assert copy_run([1, 2, 3, 1], [*starts, "A"]) == [3]  # one paragraph again (after a row: 09TRIPOLI953)
    assert copy_run([1, 2, 3, 2], [*starts, "B"]) == [3]  # from 2 (the row held the summary: 08MANAMA306)
    assert copy_run([1, 2, 3, 1], [*starts, "X"]) == []
    assert copy_run([1, 2, 3, 2, 3], [*starts, "B", "X"]) == []  # one of two: not told
    assert copy_run([1, 2, 1, 2], ["", "", "", ""]) == []  # titles, then the sections they name


def test_hyphen_split_before_a_words_end_is_mended():
    # 85BEIRUT992: REVOLUTION- / ARY: the part after the hyphen is no word of its own
    c = cable("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) TO ESTABLISH \"REVOLUTION-\nARY ISLAMIC RULE\" AND A "
              "WELL-\nKNOWN RE-\nING.\n")
    p = xp(c, "//t:p[@n='1']")[0]
    assert '"REVOLUTIONARY ISLAMIC RULE" AND A WELL-KNOWN' in reading_text(p)
    assert xp(c, "//t:choice/t:orig/text()") == ["REVOLUTION-ARY"]
    assert "REVOLUTION-ARY" in source_text(p)


def test_end_text_before_a_paragraph_is_no_heading():
    # 05THEHAGUE484: a quoted text's END TEXT (no full stop) before ¶5 was set as a heading
    c = cable("CONFIDENTIAL MADRID 000857\n\nSUBJECT: X\n\n1. (C) One said this.\n\n2. (C) Begin text of plan:\n\n"
              "The plan is sound.\n\nEND TEXT\n\n3. (C) Three said that.\n")
    assert not xp(c, "//t:ab[@type='heading']")
    assert "END TEXT" in reading_text(xp(c, "//t:body")[0])


def test_unstopped_first_paragraph_before_a_quoted_documents_points():
    # 05THEHAGUE484: '1 (S) …' before ¶2 and ¶3, and a quoted plan's own points 1-2 before ¶4
    c = cable("SECRET MADRID 000857\n\nSUBJECT: X\n\n1 (S) Over the last two years, officials met.\n\n"
              "2. (S) A letter came.\n\n3. (S) Begin text of plan:\n\n1. all converters are for civilian use;\n\n"
              "2. the plan is agreed.\n\n4. (S) The end.\n")
    assert [p.get("n") for p in xp(c, "//t:p[@n]")] == ["1", "2", "3", "4"]
    # the number as written, and the point every other paragraph's label has (``paragraph-point``, session 52)
    assert xp(c, "//t:p[@n='1']/t:label/t:choice/t:sic/text()") == ["1"]
    assert xp(c, "//t:p[@n='1']/t:label/t:choice/t:corr/text()") == ["1."]


#: the preamble a media partner's preview cuts short and its later copy writes whole (09STATE47202)
_PREAMBLE = """C O N F I D E N T I A L SECTION 01 OF 05 STATE 047202

SIPDIS

E.O. 12958: DECL: 05/07/2019
TAGS: PREL MARR MOPS SNAR EC
SUBJECT: ECUADOR: "GAS AND GO" NON PAPER AND DIPLOMATIC
NOTE

REF: A. QUITO 82
     B. QUITO 57
     C. 08 STATE """
_PREVIEW = _PREAMBLE + "...\n" + """

id: 206230
date: 5/8/2009 18:08
refid: 09STATE47202
origin: Secretary of State
classification: CONFIDENTIAL
destination: 08STATE130900|09QUITO57|09QUITO82
header:
VZCZCXRO0053
OO RUEHAO
DE RUEHC #7202/01 1281822
ZNY CCCCC ZZH
O R 081808Z MAY 09
FM SECSTATE WASHDC
TO RUEHQT/AMEMBASSY QUITO IMMEDIATE 4220

----------------- header ends ----------------

""" + _PREAMBLE + """130900

Classified By: A/S SHANNON, REASONS 1.4 (D).

1. (C) Reftels A and B noted GOE willingness to consider the program.

CLINTON
"""


def test_a_previews_cut_ref_list_is_a_wrapper_line_and_the_whole_list_prints_once():
    # 09STATE47202: the preview's cut list (C. 08 STATE ...) and the copy's whole list were both
    # printed as the cable's REF lists
    c = normalize(RawCable(source="09STATE47202.txt", form="text", body=_PREVIEW))
    lists = xp(c, "//t:body//t:list[@type='references']")
    assert len(lists) == 1 and "08 STATE 130900" in reading_text(lists[0])
    assert "C. 08 STATE ..." in xp(c, "//t:opener/t:seg[@type='wrapper']/text()")
    assert [r["id"] for r in record(c)["references"]] == ["09QUITO82", "09QUITO57", "08STATE130900"]


def test_a_previews_cut_subject_heads_the_cable_whole():
    # 04THEHAGUE1915: the heading printed the preview's SUBJECT: SURVEILLANCE OF U.S...
    text = _PREVIEW.replace('SUBJECT: ECUADOR: "GAS AND GO" NON PAPER AND DIPLOMATIC\nNOTE\n\nREF: A. QUITO 82\n'
                            '     B. QUITO 57\n     C. 08 STATE ...', 'SUBJECT: ECUADOR: "GAS AND...', 1)
    c = normalize(RawCable(source="09STATE47202.txt", form="text", body=text))
    head = xp(c, "//t:body//t:head[@type='subject']")[0]
    assert reading_text(head) == 'SUBJECT: ECUADOR: "GAS AND GO" NON PAPER AND DIPLOMATIC NOTE'
    assert source_text(head) == 'SUBJECT: ECUADOR: "GAS AND...'
    valid(c)


def test_a_classified_by_lines_reasons_alone_are_no_heading():
    # 08TRIPOLI455 and 6 more: 'REASON: 1.4 (b), (c), (d)' on a line of its own was set as a heading
    c = cable("SECRET MADRID 000857\n\nSUBJECT: X\n\nCLASSIFIED BY: Chris Stevens, CDA.\n\n"
              "REASON: 1.4 (b), (c), (d)\n\n1. (S) Post visited two detainees.\n\n2. (S) They were well.\n")
    assert not xp(c, "//t:ab[@type='heading']")


def test_a_title_a_rule_underlines_is_not_rejoined_to_the_text_before_it() -> None:
    """``function-word-rejoin`` joins a run cut after ``… OF`` to the next; not where that run is
    a title its rule underlines: the pieces joined had put the rule in the reading text as
    residue (07KABUL1132 ``… PROBLEMS OF`` / ``CORRUPTION`` / dashes; 09BOGOTA3441 a two-line
    title with its rule on the line; 04THEHAGUE3166 a one-line title after a damaged sentence)."""
    body = ("1. (C) Senior officials agreed on the need to take strong action against growers and the\n\n"
            "CORRUPTION\n----------\n\n2. (C) The governor described the problems of the\n\n"
            "PROVINCE AND ITS PEOPLE, WHO HAVE\nSUFFERED MOST.\n\n3. (C) Text.\n")
    c = cable(body)
    text = reading_text(c.tei)
    assert "----" not in text
    assert xp(c, "//t:ab[@type='heading']/text()") == ["CORRUPTION"]
    assert "problems of the PROVINCE AND ITS PEOPLE, WHO HAVE SUFFERED MOST." in text  # no rule: rejoined


def test_a_notice_quoted_whole_is_the_notice_with_its_quotation_marks_and_stands_before_the_closer():
    """``JEFFREY`` / ``"Visit Ankara's … Portal:Turkey"``: the opening quotation mark goes with the
    notice, and the notice stays before the closer (TEI's ``closer`` ends a division)."""
    c = cable("CONFIDENTIAL ANKARA 000001\n\nSUBJECT: X\n\n1. (C) One.\n\nJEFFREY\n\n"
              "    \"Visit Ankara's Classified Web Site at http://www.intelink.s\ngov.gov/wiki/Portal:Turkey\"\n")
    [notice] = xp(c, "//t:ab[@type='trailer']")
    assert reading_text(notice).startswith("\"Visit Ankara's") and reading_text(notice).endswith('Turkey"')
    assert notice.getnext().tag == f"{{{NS['t']}}}closer"
    assert not xp(c, "//t:body//t:p[not(@n)]")  # no paragraph left holding the quotation mark


@pytest.mark.parametrize("after", ["1.4 (b) and (d).\n\n1. (C) Summary: The talks went well. End Summary.\n",
                                   "1.4 (b) 1. (C) Summary: The talks went well. End Summary.\n"])
def test_reasons_on_a_line_of_their_own_go_with_the_field_and_paragraph_one_is_the_texts(after):
    """``REASON:`` / (blank) / ``1.4 (b) 1. (C) Summary: …`` (09VATICAN106): the reasons go on
    with the Classified By field and paragraph 1, run on after them, begins the text."""
    c = cable("CONFIDENTIAL VATICAN 000106\n\nSUBJECT: X\n\nCLASSIFIED BY: Julieta Valls Noyes, DCM. REASON:\n\n"
              + after + "\n2. (C) More.\n")
    assert record(c)["paragraphs"][0]["n"] == 1 and [p["n"] for p in record(c)["paragraphs"]] == [1, 2]
    assert record(c)["summary"].startswith("Summary: The talks")
    reasons = "REASON: 1.4 (b)" + (" and (d)." if "and" in after else "")
    assert xp(c, "string(//t:note[@type='classified-by'])").endswith(reasons)


@pytest.mark.parametrize("title", ["MOU Signed for Airpor Facility;", "Minister of Culture and Communication,"])
def test_a_title_ending_in_a_comma_or_semicolon_over_its_own_rule_is_a_heading(title) -> None:
    """A run of one line that ends as a list's clause would, with its rule under it, is a
    heading (08ACCRA1005, 07PARIS2027): the rule had stood apart as a rule and the title as an
    unnumbered paragraph. A sentence's first line over a rule stays text."""
    c = cable(f"1. (U) Summary: text.\n\n{title}\n{'-' * (len(title) - 4)}\n\n2. (U) More text.\n")
    assert xp(c, "//t:ab[@type='heading']/text()") == [title]
    assert not xp(c, "//t:ab[@type='rule']") and "----" not in reading_text(c.tei)
    c = cable("1. (U) Summary: text.\n\nThe minister said he would go,\nand so he went\n-------\n\n2. (U) More.\n")
    assert not xp(c, "//t:ab[@type='heading']")


def test_field_lines_leave_a_copied_preamble_and_wrapped_prose_as_they_stand() -> None:
    """``field-lines`` splits a record of labelled fields into lines, but not a copy of a preamble
    (``E.O.`` / ``TAGS:`` / ``SUBJECT:``, 06CARACAS3688: its SUBJECT is read as the cable's) nor
    prose whose wrapped lines happen to begin with a word and a colon (09STATE15113: three of six);
    a value wrapped in lower case or inside a parenthesis goes on in its field (08MADRID580)."""
    prose = ("Germany: TAT-14 undersea cable landing, Nodren, Germany. Atlantic\nCrossing-1 (AC-1) undersea "
             "cable landing Sylt, Germany BASF\nLudwigshafen: World's largest integrated chemical complex Siemens\n"
             "Erlangen: Essentially irreplaceable production of key chemicals\nSiemens, GE, Hydroelectric Dam "
             "Turbines and Generators Draeger\nSafety AG & Co.,\n")
    c = cable(f"1. (U) Sites follow.\n\n{prose}\n2. (U) More.\n")
    assert not xp(c, "//t:list[@type='items']")
    fields = ("Tourism: Globalia Hoteles, Sol Melia, and RIU.\nFinancial Sector: BBVA and Caja Madrid. (These "
              "institutions have\nsmall offices that presumably do mostly\ntrade finance.)\nTobacco: Altadis\n"
              "Airlines: Iberia\n")
    c = cable(f"1. (U) Investors follow.\n\n{fields}\n2. (U) More.\n")
    items = [reading_text(x) for x in xp(c, "//t:list[@type='items']/t:item")]
    assert items[1] == ("Financial Sector: BBVA and Caja Madrid. (These institutions have small offices "
                        "that presumably do mostly trade finance.)") and len(items) == 4
    c = cable("1. (U) Text.\n\nE.O. 12958: DECL: 12/26/2016\nTAGS: PREL PGOV VE\nSUBJECT: A COPY\nREF: A. X\n\n"
              "2. (U) B.\n")
    assert not xp(c, "//t:list[@type='items']")


@pytest.mark.parametrize("field, line", [
    ("CLASSIFIED BY: Gene A. Cretz, Ambassador, Embassy Tripoli,", "Department of State. REASON: 1.4 (b), (d)"),
    ("Classified By: AMBASSADOR EARL ANTHONY WAYNE,", "FOR REASONS 1.4 (B) AND (D)"),
    ("Classified By: Ambassador E. Anthony Wayne for", "reasons 1.4 (b) and (d)."),
])
def test_a_classified_by_field_goes_on_over_a_blank_line_to_its_reasons(field, line) -> None:
    """09TRIPOLI260, 07BUENOSAIRES1723, 09BUENOSAIRES295: the field stops after a comma or a word
    and gives no reasons; its last words and the reasons, after a blank line, had stood in the
    text as a heading or a paragraph. After a field that ends with a stop, only a line that begins
    with the word goes on with it (``… DENNIS HEARNE.`` / ``REASONS: 1.4 (B)(D)``, 04BRASILIA991,
    session 39); one that begins with other words stays apart."""
    c = cable(f"CONFIDENTIAL TRIPOLI 000260\n\nSUBJECT: X\n\n{field}\n\n{line}\n\n1. (C) Text.\n\n2. (C) More.\n")
    assert xp(c, "string(//t:note[@type='classified-by'])").endswith(line)
    assert not xp(c, "//t:ab[@type='heading']") and not xp(c, "//t:body//t:p[not(@n)]")
    c = cable(f"CONFIDENTIAL TRIPOLI 000260\n\nSUBJECT: X\n\n{field[:-4]}.\n\n{line}\n\n1. (C) Text.\n")
    worded_first = line.upper().startswith(("REASON", "FOR REASON"))
    assert xp(c, "string(//t:note[@type='classified-by'])").endswith(line) == worded_first


@pytest.mark.parametrize("rule, title", [("-------", "summary"), ("- - - - - - - - -", "from bad to worse"),
                                         ("-" * 43, "dprk delegation offers no criticism of u.s.")])
def test_a_title_in_lower_case_between_rules_as_long_as_it_is_a_heading(rule, title) -> None:
    """A copy set in lower case (09MOSCOW2528, 09ABUJA259, 09ULAANBAATAR234): the title between
    its rules had stood as an unnumbered paragraph between two rules; a sentence between rules of
    another length stays text."""
    c = cable(f"1. (U) Text here.\n\n{rule}\n{title}\n{rule}\n\n2. (U) More text.\n")
    assert xp(c, "//t:ab[@type='heading']/text()") == [title]
    c = cable(f"1. (U) Text here.\n\n{rule}\nthe minister went home to rest and said nothing more.\n{rule}\n\n"
              "2. (U) More text.\n")
    assert not xp(c, "//t:ab[@type='heading']")


def test_a_numbered_paragraph_between_rules_keeps_its_number() -> None:
    """``-----------`` / ``¶1. SUMMARY`` / ``-----------`` (09HARARE888): the rules as long as the
    line do not make a numbered paragraph a heading."""
    c = cable("SUBJECT: ZIM NOTES\n-----------\n1. SUMMARY\n-----------\nTopics of the week: rain.\n\n"
              "2. (U) More text.\n")
    assert [p["n"] for p in record(c)["paragraphs"]][:1] == [1]
    assert not xp(c, "//t:ab[@type='heading']")


def test_entries_go_on_in_lower_case_and_may_end_in_a_companys_abbreviation() -> None:
    """06BOGOTA10114: ``… and a member`` / ``of the family that owns the paper.`` is one entry, and
    ``Miguel Silva, Gravitas Ltda.`` an entry; the names had run together as one paragraph."""
    c = cable("1. (U) Text.\n\n2. (U) Participants:\n\nCOLOMBIA\n\nAlvaro Forero, Forero Associates\n"
              "Enrique Santos, Director of El Tiempo newspaper and a member\nof the family that owns the paper.\n"
              "Miguel Silva, Gravitas Ltda.\nLeon Valencia, New Rainbow Foundation\n\n3. (C) More text here.\n")
    items = [reading_text(x) for x in xp(c, "//t:list[@type='items']/t:item")]
    assert items == ["Alvaro Forero, Forero Associates",
                     "Enrique Santos, Director of El Tiempo newspaper and a member of the family that owns the paper.",
                     "Miguel Silva, Gravitas Ltda.", "Leon Valencia, New Rainbow Foundation"]


def test_a_rule_of_three_spaced_dashes_underlines_its_title() -> None:
    """``Yadav Supports Nuke Deal`` / ``- - -`` (07NEWDELHI5280; Embassy New Delhi's and Consulate
    Lahore's form, 14 pages): the title had run into the paragraph before it, the dashes left in
    the reading text."""
    c = cable("1. (C) Summary: the minister spoke. End Summary.\nYadav Supports Nuke Deal\n- - -\n"
              "2. (C) In a meeting the minister spoke again.\n")
    assert xp(c, "//t:ab[@type='heading']/text()") == ["Yadav Supports Nuke Deal"]
    assert "- - -" not in reading_text(c.tei) and [p["n"] for p in record(c)["paragraphs"]] == [1, 2]


@pytest.mark.parametrize("line", ["Motorcycles for Mangos - - -", "- - - Motorcycles for Mangos - - -"])
def test_a_title_set_with_three_spaced_dashes_on_its_line_is_a_heading(line) -> None:
    """08NEWDELHI1489, 08BRASILIA1325, 09BRASILIA68: the dashes had stood in the reading text, and
    a title on the line after a paragraph's had run into it (08LAHORE325)."""
    for gap in ("\n\n", "\n"):
        c = cable(f"1. (C) Summary: the minister spoke. End Summary.{gap}{line}\n\n2. (C) The senator spoke.\n")
        assert xp(c, "//t:ab[@type='heading']/text()") == ["Motorcycles for Mangos"]
        assert "- - -" not in reading_text(c.tei) and [p["n"] for p in record(c)["paragraphs"]] == [1, 2]


@pytest.mark.parametrize("ref", ["REF: SAO PAULO 895\nSENSITIVE BUT UNCLASSIFIED - PLEASE PROTECT ACCORDINGLY\n",
                                 "REF: SAO PAULO 895 (U) THIS CABLE IS SENSITIVE BUT UNCLASSIFIED AND NOT FOR "
                                 "INTERNET DISTRIBUTION.\n"])
def test_the_sbu_sentence_after_a_ref_is_no_part_of_the_reference(ref) -> None:
    """07SAOPAULO976 (the sentence on the REF's next line), 10BRASILIA140 (on its line after a
    portion marking and ``THIS CABLE IS``): the reference's text had held the sentence, or
    ``(U) THIS CABLE IS``."""
    c = cable(f"UNCLAS SAO PAULO 000976\n\nSIPDIS\n\nE.O. 12958: N/A\nTAGS: PGOV BR\nSUBJECT: X\n\n{ref}\n"
              "1. (SBU) Text here.\n\nWHITE\n")
    assert [r["text"] for r in record(c)["references"]] == ["SAO PAULO 895"]
    assert "SENSITIVE BUT UNCLASSIFIED" in " ".join(xp(c, "//t:opener//t:seg[@type='handling']/text()"))


@pytest.mark.parametrize("notice", [
    "********************************************* *\nFor more reporting from Embassy Kuwait, visit:\n"
    "http://www.state.sgov.gov/p/nea/kuwait/?cable s\n\nVisit Kuwait's Classified Website:\n"
    "http://www.state.sgov.gov/p/nea/kuwait/\n********************************************* *\n",
    "For more reporting from Embassy Lisbon and information about Portugal,\nplease see our Intelink site:\n\n"
    "http://www.intelink.sgov.gov/wiki/portal:port ugal\n",
])
def test_kuwaits_and_lisbons_website_notices_are_trailers(notice) -> None:
    """07KUWAIT808, 09LISBON289 (12 pages of the two posts): the notice had stood in the reading
    text as paragraphs, asterisks and addresses with it; over a blank line it begins in the
    block before the one that names the classified website."""
    c = cable(f"1. (C) Text.\n\n2. (C) A/S O'Brien cleared this cable.\n\n{notice}\nLEBARON\n")
    text = reading_text(xp(c, "//t:div[@type='telegram']")[0])
    assert "For more reporting" not in " ".join(reading_text(p) for p in xp(c, "//t:body//t:p"))
    assert len(xp(c, "//t:ab[@type='trailer']")) == 2 and "cleared this cable." in text
    assert record(c)["signer"] == "LEBARON"


def test_a_website_notice_after_its_asterisks_follows_a_list_items_end() -> None:
    """07MANAMA956: ``… --Representatives from the Foreign and Defense Ministries ****…****
    Visit Embassy Manama's Classified Website: XXXXXXXXXXXX****…``: the run of asterisks begins
    the notice though no full stop ends the item before it."""
    stars = "*" * 45
    c = cable(f"1. (C) Text.\n\n2. (C) The list: --Crown Prince --Representatives from the Defense Ministries "
              f"{stars} ******** Visit Embassy Manama's Classified Website: XXXXXXXXXXXX{stars} ********\n\nERELI\n")
    assert len(xp(c, "//t:ab[@type='trailer']")) == 1
    assert "*****" not in " ".join(reading_text(p) for p in xp(c, "//t:body//t:p"))


@pytest.mark.parametrize("line", ["SECRET/NOFORN", "SECRET//FGI//NOFORN", "SECRET//FGI//NOFORN//MR"])
def test_a_restated_classification_with_its_caveats_is_a_preamble_field(line: str) -> None:
    """``Classified By: …`` / ``SECRET//FGI//NOFORN`` (09STATE63860, foreign government information):
    the marking restated, kept in the preamble, not the text's first paragraph."""
    c = cable("S E C R E T STATE 063860\n\nSUBJECT: X\n\nClassified By: Derived from Multiple Sources\n\n"
              f"{line}\n\n1. (S) Text.\n")
    assert [reading_text(p) for p in xp(c, "//t:body//t:p")] == ["1. (S) Text."]
    assert line in xp(c, "//t:opener//t:seg[@type='classification']/text()")


def test_a_page_number_is_a_footer_only_alone_at_the_end() -> None:
    """``page-number-footer`` (09REYKJAVIK49): a lone number after the signer, above a
    ``SENSITIVE BUT UNCLASSIFIED`` footer, is the draft's page number, kept in the closer; a
    number that ends a paragraph of text, or stands before more text, is the text's."""
    def end(tail: str) -> tuple[str | None, list[str]]:
        text = ("UNCLAS REYKJAVIK 000049\n\nE.O. 12958: N/A\nTAGS: KTIP IC\nSUBJECT: TEST\n\n"
                f"1. (SBU) The report.\n\n{tail}")
        c = valid(normalize(RawCable(source="test", form="text", body=text)))
        return record(c)["signer"], [f.text for f in xp(c, "//t:closer/t:fw")]

    assert end("VAN VOORST\n\n\n1\nSENSITIVE BUT UNCLASSIFIED\n") == (
        "VAN VOORST", ["1", "SENSITIVE BUT UNCLASSIFIED"])
    assert end("VAN VOORST\n\n7\n") == ("VAN VOORST", ["7"])
    assert end("The arrests numbered\n7\n\nVAN VOORST\n") == ("VAN VOORST", [])
    assert end("The total is\n12\n") == (None, [])


def test_a_two_part_summary_label_opens_an_unended_summary_and_closes_a_split_or_plain_one() -> None:
    """``Summary and Action Request.`` with no END (09STATE50240) is the labelled paragraph's
    summary; its END split over a blank line (``… parts. End`` / ``Summary and Action
    Request.``, 09ISLAMABAD1119) goes back to the paragraph; a ``SUMMARY:`` closed by ``END
    SUMMARY AND ACTION REQUESTS.`` (08SANJOSE596) ends after the whole marker."""
    def summary(body: str) -> str | None:
        text = ("C O N F I D E N T I A L STATE 050240\n\nE.O. 12958: N/A\nTAGS: PREL PM\nSUBJECT: TEST\n\n"
                f"{body}\nCLINTON\n")
        rec = record(valid(normalize(RawCable(source="test", form="text", body=text))))
        return rec["summary"]

    unended = "1. (SBU) Summary and Action Request. This cable provides guidance for the embassy.\n\n2. (U) More.\n\n"
    assert summary(unended) == "Summary and Action Request. This cable provides guidance for the embassy."
    split = ("1. (C) Summary and Action Request. Kayani wants helicopters now. End\n\n"
             "Summary and Action Request.\n2. (C) In a conversation he said more.\n\n")
    assert summary(split) == "Summary and Action Request. Kayani wants helicopters now. End Summary and Action Request."
    plain = "1. (U) SUMMARY: Post thanks the Department. END SUMMARY AND ACTION REQUESTS.\n\n2. (U) More.\n\n"
    assert summary(plain) == "SUMMARY: Post thanks the Department. END SUMMARY AND ACTION REQUESTS."


def test_reasons_a_page_line_parts_from_the_classified_by_line_go_with_it() -> None:
    """``CLASSIFIED BY: … ROSENBLATT, REASONS`` / ``PAGE 02 RUEHFRA0170 S E C R E T`` / ``1.4 (B) AND
    (D).`` (07PARIS170): the reasons, written in capitals and parted from the field by a page
    line, go on with the field (the page line kept where it stood), not as the text's first
    paragraph."""
    c = cable("S E C R E T PARIS 000170\n\nSUBJECT: X\n\nCLASSIFIED BY: MINISTER-COUNSELOR JOSIAH ROSENBLATT, REASONS\n"
              "\n\n\nPAGE 02 RUEHFRA0170 S E C R E T\n1.4 (B) AND (D).\n\n1. (S) ONE.\n\n2. (S) TWO.\n")
    assert xp(c, "//t:bibl[@type='telegram']/t:note[@type='classified-by']/text()") == [
        "CLASSIFIED BY: MINISTER-COUNSELOR JOSIAH ROSENBLATT, REASONS 1.4 (B) AND (D)."]
    assert [p["n"] for p in record(c)["body"] if p["type"] == "p"] == [1, 2]
    assert xp(c, "//t:opener//t:fw/text()") == ["PAGE 02 RUEHFRA0170 S E C R E T"]


def test_a_line_that_ends_in_a_word_no_sentence_ends_with_is_no_title_to_keep_apart() -> None:
    """``… COULD BECOME A`` / (blank) / ``VIABLE CANDIDATE … IN THE CONTEXT OF AN`` / page line /
    ``INTERNATIONAL CRISIS.`` (07PARIS170): the one line between the blank and the page line is
    no title (it too ends in a word a sentence goes on after), so function-word-rejoin puts the
    paragraph back together."""
    c = cable("S E C R E T PARIS 000170\n\nSUBJECT: X\n\n1. (S) ONE THING IS CLEAR.\n\n"
              "2. (S) FINALLY, CONVENTIONAL WISDOM HERE HAS IT THAT THE\nONLY CONCEIVABLE SCENARIO WHEREBY CHIRAC"
              " COULD BECOME A\n\n\nVIABLE CANDIDATE TO SUCCEED WOULD BE IN THE CONTEXT OF AN\n\n\n\n"
              "PAGE 02 RUEHFRA0170 S E C R E T\nINTERNATIONAL CRISIS.\n\n3. (S) THREE.\n")
    paragraphs = record(c)["paragraphs"]
    assert [p["n"] for p in paragraphs] == [1, 2, 3]
    assert paragraphs[1]["text"].endswith("COULD BECOME A VIABLE CANDIDATE TO SUCCEED WOULD BE IN THE CONTEXT OF AN "
                                          "INTERNATIONAL CRISIS.")


def test_a_portion_marking_left_at_the_end_of_the_classified_by_line_marks_the_text_after_it() -> None:
    """``Classified By: … for reasons 1 .4 (b) and (d).  (C)`` / blank / ``Poloff delivered …``
    (08MANAMA300): the marking is the unnumbered paragraph's, not the field's tail."""
    c = cable("CONFIDENTIAL MANAMA 000300\n\nSUBJECT: X\n\nClassified By: Charge d'Affaires Christopher Henzel "
              "for reasons 1 .4 (b) and (d).  (C)\n\nPoloff delivered reftel points to the Ministry on May 6.\n\n"
              "HENZEL\n")
    [field] = xp(c, "//t:bibl[@type='telegram']/t:note[@type='classified-by']/text()")
    assert field.endswith("(b) and (d).")
    [paragraph] = [b for b in record(c)["body"] if b["type"] == "p"]
    assert paragraph["marking"] == "(C)" and paragraph["text"].startswith("Poloff delivered")


def test_a_redaction_glued_to_the_word_before_is_a_gap() -> None:
    """``Ben Salem toldXXXXXXXXXXXX that …`` (08TUNIS299): the publisher's twelve X after a word are
    the redaction; the word stays whole. A word of X's own (``XXL``) is none."""
    c = cable("CONFIDENTIAL TUNIS 000299\n\nSUBJECT: X\n\n1. (C) Ben Salem toldXXXXXXXXXXXX that the "
              "President had called. The NGOXXXXXXXXXXXX said so. The XXL size sold out.\n\nGODEC\n")
    assert xp(c, "//t:gap/@rend") == ["XXXXXXXXXXXX", "XXXXXXXXXXXX"]
    before = [str(x) for x in xp(c, "//t:gap/preceding-sibling::node()[1]")]
    assert [x[-4:] for x in before] == ["told", " NGO"]
    assert "The XXL size sold out." in "".join(xp(c, "//t:p[@n='1']/text()"))


def test_the_subject_line_takes_the_apostrophe_and_the_redaction_repairs_the_text_takes() -> None:
    """``SUBJECT: QATAR,S PRIME MINISTER …`` (09DOHA728) and ``SUBJECT: RUSSIA: MEETING WITH
    XXXXXXXXXXXX`` (07MOSCOW1770): the heading shows the apostrophe and the redaction as the text's
    paragraphs show them (the comma kept beside it, the X's in the gap); the record's subject is the
    reading, the redaction as written."""
    c = cable("SECRET DOHA 000728\n\nSUBJECT: QATAR,S PRIME MINISTER MEETS XXXXXXXXXXXX\n\n1. (S) Text.\n\nLEBARON\n")
    assert record(c)["subject"] == "QATAR\u2019S PRIME MINISTER MEETS XXXXXXXXXXXX"
    assert xp(c, "//t:head[@type='subject']//t:sic/text()") == [","]
    assert xp(c, "//t:head[@type='subject']//t:gap/@rend") == ["XXXXXXXXXXXX"]


def test_damaged_quotation_marks_and_apostrophes_the_rules_read_at_the_edges() -> None:
    """``I,d`` (the pronoun: 09DOHA728), ``the &EU-38 (UK, …)`` (an 8 after a digit closes where no 8
    after a letter does, near and on the line: 09THEHAGUE338), ``&best in the world.”`` (the copy kept
    the closing mark: 08LONDON2964). A number's own 8 far from an ampersand closes nothing, and an
    ampersand with no close at all stays."""
    c = cable("CONFIDENTIAL DOHA 000728\n\nSUBJECT: X\n\n1. (C) He said \"I,d be surprised.\" They backed the "
              "&EU-38 (UK, France and Germany) talks. Officials were the &best in the world.\u201d\n\n"
              "2. (C) Costs rose by &some margin this year, and the figure for 2008 was higher.\n\nLEBARON\n")
    text = "".join(xp(c, "//t:p[@n='1']//text()[not(ancestor::t:sic)]"))
    assert "I\u2019d be surprised" in text
    assert "the \u201cEU-3\u201d (UK" in text
    assert "the \u201cbest in the world.\u201d" in text
    two = "".join(xp(c, "//t:p[@n='2']//text()[not(ancestor::t:sic)]"))
    assert "&some margin" in two and "for 2008 was" in two


def test_a_line_of_reasons_after_a_page_line_with_no_field_before_it_is_text() -> None:
    """A text that opens with a page line and a line of reasons, no Classified By field before
    them: the reasons are no field's to go on with (the look back past page lines finds none)."""
    c = cable("PAGE 02 RUEHRO0001 C O N F I D E N T I A L\n1.4 (B) AND (D).\n\n1. (C) Text.\n")
    assert [b["type"] for b in record(c)["body"]] == ["opener", "p", "p"]
    assert record(c)["paragraphs"][0]["n"] == 1


def test_a_ref_items_letter_written_again_in_brackets_is_its_label() -> None:
    """``REF: A. A) KYIV 02080  B. B) KYIV 02207`` (08KYIV2294), ``A. (A) REYKJAVIK 118``: the letter
    written again is the label's, not the reference's text; ``A. A. SMITH LETTER`` keeps its initial."""
    from convert.normalize.refs import split_refs
    assert split_refs("A. A) KYIV 02080  B. B) KYIV 02207") == [
        ("A", "A. A)", "KYIV 02080"), ("B", "B. B)", "KYIV 02207")]
    assert split_refs("A. (A) REYKJAVIK 118") == [("A", "A. (A)", "REYKJAVIK 118")]
    assert split_refs("A. A. SMITH LETTER B. STATE 123")[0] == ("A", "A.", "A. SMITH LETTER")
    c = cable("CONFIDENTIAL KYIV 002294\n\nSUBJECT: X\n\nREF: A. A) KYIV 02080  B. B) KYIV 02207\n\n1. (C) Text.\n")
    assert [(r["label"], r["text"]) for r in record(c)["references"]] == [("A", "KYIV 02080"), ("B", "KYIV 02207")]


def test_a_reference_above_the_cables_own_serial_is_of_the_year_before() -> None:
    """``REF: TRIPOLI 984`` in TRIPOLI 5 of January 2009: 08TRIPOLI984 (a post numbers its
    telegrams from 1 each year); one below the cable's own, another post's, or one with its year
    written stays as read. A text with no id of its own goes by its banner's message reference."""
    from convert.normalize.parsed import Ref
    from convert.normalize.rules.refbefore import serial_above_own
    header = HEADER.replace("RUEHMD #0857/01", "RUEHTRO #0005/01").replace("AMEMBASSY MADRID", "AMEMBASSY TRIPOLI")
    c = cable("CONFIDENTIAL TRIPOLI 000005\n\nSUBJECT: X\n\nREF: A. TRIPOLI 984 B. TRIPOLI 3 C. STATE 1012 "
              "D. 09 TRIPOLI 990\n\n1. (C) Text.\n", header)
    assert [r["id"] for r in record(c)["references"]] == ["08TRIPOLI984", "09TRIPOLI3", "09STATE1012", "09TRIPOLI990"]
    assert any("of the year before: 08TRIPOLI984" in w for w in record(c)["warnings"])
    refs = (Ref("A", "A.", "BRASILIA 9600", "04BRASILIA9600", True),
            Ref("B", "B.", "BRASILIA 1185", "04BRASILIA1185", True))
    found = serial_above_own(refs, None, "BRASILIA 002885", None)
    assert found is not None and [r.target for r in found[0]] == ["03BRASILIA9600", "04BRASILIA1185"]
    assert serial_above_own(refs, None, None, None) is None
