# ruff: noqa: E501  (the hand-built TEI keeps one element per line, as a reader would)
"""Cables for the exporter tests: a hand-built TEI that follows docs TEI-PROFILE, and the seed.

The hand-built cable exercises every element the writers know (and one they do not), so the
tests do not depend on the normalizer; :func:`seed_cable` uses the real pipeline when present.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from lxml import etree

from convert.model import TEI_NS, Cable

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "data" / "seed-09BEIJING1463.txt"  # the bundled copy of the shared seed

_TEI_TEMPLATE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en">
<teiHeader>
 <fileDesc>
  <titleStmt><title type="subject">{subject}</title></titleStmt>
  <publicationStmt><idno type="cable-id">{cable_id}</idno></publicationStmt>
  <sourceDesc>
   <bibl type="telegram">
    <author><orgName>AMEMBASSY BEIJING</orgName></author>
    <idno type="message-reference">BEIJING 001463</idno>
    <date when="{when}">020922Z JUN 09</date>
    <note type="classification" subtype="unclassified">UNCLAS SECTION 01 OF 02 BEIJING 001463</note>
    <note type="caveat">SENSITIVE</note>
    <note type="caveat">SIPDIS</note>
   </bibl>
  </sourceDesc>
 </fileDesc>
 <profileDesc>
  <correspDesc>
   <correspAction type="sent"><orgName>AMEMBASSY BEIJING</orgName><persName>PICCUTA</persName></correspAction>
   <correspAction type="received" subtype="action"><orgName>SECSTATE WASHDC</orgName></correspAction>
   <correspAction type="received" subtype="info"><orgName>AMEMBASSY TOKYO</orgName><orgName>AMEMBASSY SEOUL</orgName></correspAction>
   <correspContext><ref type="reference" n="A" target="cable:09STATE41880">State 41880</ref></correspContext>
  </correspDesc>
  <textClass><keywords scheme="ctax:tags"><term ana="ctax:tags-subject">ETRD</term><term ana="ctax:tags-subject">KIPR</term><term ana="ctax:tags-geographic">CH</term></keywords></textClass>
 </profileDesc>
</teiHeader>
<text><body><div type="telegram">
 <opener>
  <dateline><date when="{when}">P 020922Z JUN 09</date></dateline><lb/>
  <seg type="from">FM AMEMBASSY BEIJING</seg><lb/>
  <seg type="to">TO RUEHC/SECSTATE WASHDC PRIORITY 4248</seg><lb/>
  <seg type="classification">UNCLAS SECTION 01 OF 02 BEIJING 001463</seg><lb/>
  <seg type="handling">SENSITIVE</seg><lb/>
  <seg type="handling">SIPDIS</seg><lb/>
  <seg type="eo">E.O. 12958: N/A</seg><lb/>
  <seg type="tags">TAGS: <choice><orig>[ETRD](#)</orig><reg>ETRD</reg></choice> KIPR CH</seg>
 </opener>
 <head type="subject">SUBJECT: {subject}</head>
 <list type="references"><head>Ref A:</head><item n="A"><ref target="cable:09STATE41880">State 41880</ref></item></list>
 <p n="1"><label type="paragraph-number"><choice><orig>11.</orig><reg>1.</reg></choice></label> <seg type="portion-marking">(SBU)</seg> <seg type="summary" part="I">Summary: China objects to its designation, Director General Li Ling said. The <choice><sic>Untied</sic><corr resp="#normalizer">United</corr></choice> States has its own IPR problems: <quote>tried its utmost</quote> to improve.</seg></p>
 <p n="2"><label type="paragraph-number">2.</label> <seg type="portion-marking">(SBU)</seg> <seg type="summary" part="F">The carrot of cooperation, <hi rend="italic">not</hi> the stick. End Summary.</seg></p>
 <pb n="2"/><fw type="header">BEIJING 00001463 002 OF 002</fw>
 <milestone unit="section" n="2"/><fw type="header">UNCLAS SECTION 02 OF 02 BEIJING 001463</fw>
 <p n="3"><label type="paragraph-number">3.</label> <seg type="portion-marking">(U)</seg> Stratford cited concerns:
  <list><item>A. Internet piracy of films;</item><item>-- Counterfeit goods from <gap reason="redacted">XXXXXXXXXXXX</gap> in Yiwu.</item></list>
  Li replied <unknownThing>in кириллица and café “quoted” – text</unknownThing> later.</p>
 <p n="4"><label type="paragraph-number">4.</label> <seg type="portion-marking">(SBU)</seg> <seg type="comment">Comment: Beijing will keep pressing. End Comment.</seg></p>
 <quote><p>BEGIN TEXT: The Ministry notes the report. END TEXT.</p></quote>{extra}
 <closer><signed><persName>PICCUTA</persName></signed><fw type="footer">NNNN</fw></closer>
</div></body></text>
</TEI>"""


def hand_tei(subject: str = "CHINA OBJECTS TO SPECIAL 301 DESIGNATION, WANTS MORE CARROT",
             cable_id: str = "09BEIJING1463", when: str = "2009-06-02T09:22:00Z",
             extra_paragraph: str | None = None) -> Cable:
    """A small, complete cable built by hand (values are escaped into the template)."""
    from xml.sax.saxutils import escape

    extra = f'<p n="5">{escape(extra_paragraph)}</p>' if extra_paragraph else ""
    xml = _TEI_TEMPLATE.format(subject=escape(subject), cable_id=escape(cable_id), when=when,
                               extra=extra)
    return Cable(etree.fromstring(xml.encode("utf-8")), source="hand-built")


def tei_body_words(cable: Cable, include_artifacts: bool = False) -> list[str]:
    """The words of the TEI body in reading order: reg/corr (not orig/sic), artifacts optional."""
    from convert.textview import body_text

    return words(body_text(cable, include_artifacts=include_artifacts))


def words(text: str) -> list[str]:
    """Word tokens for comparing renditions: letters and digits, case kept."""
    return re.findall(r"[^\W_]+", text)


def seed_cable() -> Cable:
    """The seed cable through the real pipeline (the normalizer), or fail loudly."""
    out = subprocess.run(
        [sys.executable, "-m", "convert", str(SEED), "--to", "tei", "-o", "-"],
        cwd=REPO, capture_output=True, timeout=120, check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"convert --to tei failed: {out.stderr.decode(errors='replace')}")
    root = etree.fromstring(out.stdout)
    assert root.tag == f"{{{TEI_NS}}}TEI"
    return Cable(root, source=str(SEED))
