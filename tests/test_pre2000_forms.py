"""The pre2000 scrape derived back into the forms a user holds (scripts/fidelity/inputs.py):
the cablegate page and its pasted text. On a hand-made scrape and on three files of
../shared/corpus/pre2000 (skipped where the shared corpus is absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

from fidelity import inputs

from convert.readers import cablegate

SCRAPE = (
    "85BEIRUT992\nHIZBALLAH CALLS\nMon Feb 18 00:00:00 +0100 1985\nUNCLASSIFIED\nEmbassy Beirut\n"
    "P 181159Z FEB 85\nFM AMEMBASSY BEIRUT\nTO SECSTATE WASHDC PRIORITY 1795\n"
    "INFO AMEMBASSY TEL AVIVUNCLAS BEIRUT 00992 \n \nE.O. 12356: N/A \nTAGS: PINT PTER LE\n"
    "SUBJECT: HIZBALLAH CALLS \n \n¶1.  R&D <B> IN BEIRUT. \n¶A.  AN ITEM. \n \nBARTHOLOMEW"
)


def test_the_header_ends_where_the_banner_with_the_ids_post_and_serial_is_glued_on() -> None:
    s = inputs.Scrape(SCRAPE)
    assert s.header is not None and s.header.endswith("INFO AMEMBASSY TEL AVIV")
    assert s.body.startswith("UNCLAS BEIRUT 00992 \n")
    assert s.created() == "1985-02-18 11:59"  # the scrape's day, the DTG's clock


def test_without_the_serial_line_there_is_no_page() -> None:
    other = SCRAPE.replace("BEIRUT 00992", "BEIRUT 00993")  # not this cable's serial
    assert inputs.Scrape(other).header is None
    assert inputs.pre2000_page(other) is None and inputs.pre2000_pasted(other) is None


def test_the_page_has_the_sites_markup_and_gives_back_the_text() -> None:
    page = inputs.pre2000_page(SCRAPE)
    assert page is not None
    assert "<a id='par1' href='#par1'>¶</a>1.  R&D <B> IN BEIRUT. &#x000A;" in page  # not escaped
    assert "<a id='parA' href='#parA'>¶</a>A." in page
    assert "TAGS: <a href='/tag/PINT_0.html'>PINT</a> <a href='/tag/PTER_0.html'>PTER</a>" in page
    raw = cablegate.read(page, "x")
    s = inputs.Scrape(SCRAPE)
    assert (raw.header, raw.body) == (s.header, s.body)
    meta = raw.metadata
    assert meta is not None
    assert (meta.id, meta.created, meta.classification, meta.origin) == (
        "85BEIRUT992", "1985-02-18T11:59", "UNCLASSIFIED", "Embassy Beirut")


def test_the_pasted_text_is_header_blank_line_body() -> None:
    s = inputs.Scrape(SCRAPE)
    # as a browser displays the page: ``<B>`` reads as a tag and is not shown
    assert inputs.pre2000_pasted(SCRAPE) == f"{s.header}\n\n{s.body}\n".replace("<B>", "")


FILES = {  # file: (the header's last line, the body's first line)
    "1985/85BEIRUT992.txt": ("AMEMBASSY TEL AVIV", "UNCLAS BEIRUT 00992 "),
    "1988/88ANKARA16439.txt": ("CINCUSAFE RAMSTEIN AB GE//POLAD//",
                               "C O N F I D E N T I A L SECTION 01 OF 02 ANKARA 16439 "),
    "1994/94PHNOMPENH4053.txt": ("INFO USCINCPAC HONOLULU HI", "C O N F I D E N T I A L PHNOM PENH 04053 "),
}


@pytest.mark.parametrize("name", sorted(FILES))
def test_real_files_split_and_come_back_whole_from_the_page(name: str) -> None:
    path = inputs.shared_corpus() / "pre2000" / name
    if not path.exists():
        pytest.skip("no shared corpus")
    content = path.read_text(encoding="utf-8")
    s = inputs.Scrape(content)
    assert s.header is not None
    assert (s.header.splitlines()[-1], s.body.splitlines()[0]) == FILES[name]
    page = inputs.pre2000_page(content)
    assert page is not None
    raw = cablegate.read(page, name)
    assert (raw.header or "") + raw.body == content.split("\n", 5)[5]  # nothing lost, nothing added
    assert inputs.pasted_text(page).replace("\n\n", "", 1) == content.split("\n", 5)[5] + "\n"
