"""The schemas TEI output is validated against: the project's strict profile (bundled) and,
where available, the full TEI P5 schema (``tei_all.rng``, loaded once: it takes 10-20 s)."""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from pathlib import Path

import lxml.isoschematron as isoschematron  # (lxml-stubs has no isoschematron)
from lxml import etree

PROFILE = "cable-tei.rng"


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)


@lru_cache(maxsize=1)
def profile_schema() -> etree.RelaxNG:
    data = resources.files(__name__).joinpath(PROFILE).read_bytes()
    return etree.RelaxNG(etree.fromstring(data, _parser()))


def tei_all_path() -> Path | None:
    """``tei_all.rng``: $CABLE_CONVERT_TEI_ALL, else ../shared/schemas next to the repo."""
    candidates = [os.environ.get("CABLE_CONVERT_TEI_ALL", "")]
    here = Path(__file__).resolve()
    for parent in here.parents:
        candidates.append(str(parent / "shared" / "schemas" / "tei_all.rng"))
        candidates.append(str(parent.parent / "shared" / "schemas" / "tei_all.rng"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return None


@lru_cache(maxsize=1)
def tei_all_schema() -> etree.RelaxNG:
    path = tei_all_path()
    if path is None:
        raise FileNotFoundError("tei_all.rng not found: set CABLE_CONVERT_TEI_ALL")
    return etree.RelaxNG(etree.parse(str(path), _parser()))


def errors(schema: etree.RelaxNG, tei: etree._Element) -> list[str]:
    if schema.validate(tei):
        return []
    return [f"line {e.line}: {e.message}" for e in schema.error_log]


RULES = "cable-tei.sch"


@lru_cache(maxsize=1)
def schematron() -> isoschematron.Schematron:
    """The profile's Schematron (``cable-tei.sch``: what RELAX NG cannot say), compiled once,
    with the shared taxonomy's category ids put in."""
    from .. import taxonomy

    text = resources.files(__name__).joinpath(RULES).read_text(encoding="utf-8")
    text = text.replace("' CATEGORIES '", "' " + " ".join(sorted(taxonomy.category_ids())) + " '", 1)
    sch = etree.fromstring(text.encode("utf-8"), _parser())
    return isoschematron.Schematron(sch, store_report=True, error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS)


_SVRL = {"svrl": "http://purl.oclc.org/dsdl/svrl"}


def schematron_errors(tei: etree._Element) -> list[str]:
    """The Schematron's findings for ``tei``: ``rule-id: message`` (empty: none)."""
    rules = schematron()
    if rules.validate(tei):
        return []
    report = rules.validation_report
    found = report.xpath("//svrl:failed-assert | //svrl:successful-report", namespaces=_SVRL)
    return [f"{node.get('id')}: {' '.join(''.join(node.itertext()).split())}" for node in found]


CMIF = "cmif.rng"
CMIF_RULES = "cmif.sch"


@lru_cache(maxsize=1)
def cmif_schema() -> tuple[etree.RelaxNG, isoschematron.Schematron]:
    """The project's CMIF v1.0 grammar and rules (``cmif.rng``, ``cmif.sch``), compiled once."""
    files = resources.files(__name__)
    grammar = etree.RelaxNG(etree.fromstring(files.joinpath(CMIF).read_bytes(), _parser()))
    rules = etree.fromstring(files.joinpath(CMIF_RULES).read_bytes(), _parser())
    return grammar, isoschematron.Schematron(rules, store_report=True,
                                             error_finder=isoschematron.Schematron.ASSERTS_AND_REPORTS)


def cmif_errors(cmif: etree._Element, warnings: bool = False) -> list[str]:
    """What breaks CMIF v1.0's rules in ``cmif``: the grammar's errors, then the rules'
    (``E0001: message``); ``warnings``: the rules' warnings too (W0001)."""
    grammar, rules = cmif_schema()
    found = errors(grammar, cmif)
    if not rules.validate(cmif):
        for node in rules.validation_report.xpath("//svrl:failed-assert | //svrl:successful-report",
                                                  namespaces=_SVRL):
            if warnings or node.get("role") != "warning":
                found.append(f"{node.get('id')}: {' '.join(''.join(node.itertext()).split())}")
    return found
