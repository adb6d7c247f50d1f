"""The normalizer's rules, one fixture each: ``tests/fixtures/rules/<rule>.txt`` (a cable as a
user would paste it) beside ``<rule>.xml`` (what the TEI says: the title, the telegram's
bibl, profileDesc and text, and the rules that fired). Run ``pytest
tests/test_normalize_rules.py --update-goldens`` after a deliberate change, then read the diff.

Each rule must fire on its fixture, and switched off by name it must change the TEI (or the
cable cannot be made without it): a fixture that does not exercise its rule fails."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from convert.model import NS, RawCable
from convert.normalize import normalize, normalize_traced
from convert.normalize.build.header import NOTHING_CHANGED
from convert.normalize.facts import origin_named
from convert.normalize.rules import REGISTRY, catalogue
from convert.normalize.rules.fields import ORIGIN
from convert.normalize.rules.ruler import STAGES, Chain, Rule, Run, note

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "rules"
RULES = [rule.name for rule in catalogue()]
PARTS = (
    "t:teiHeader/t:fileDesc/t:titleStmt/t:title",
    "t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']",
    "t:teiHeader/t:profileDesc",
    "t:text",
)


def raw_of(name: str) -> RawCable:
    return RawCable(source=f"{name}.txt", form="text", body=(FIXTURES / f"{name}.txt").read_bytes().decode("utf-8"))


def content(tei: etree._Element) -> list[etree._Element]:
    return [node for path in PARTS for node in tei.xpath(path, namespaces=NS)]


def fragment(tei: etree._Element, fired: dict[str, int]) -> bytes:
    root = etree.Element("rule-fixture", fired=" ".join(sorted(fired)))
    root.text = "\n"
    for node in content(tei):
        part = copy.deepcopy(node)
        part.tail = "\n"
        root.append(part)
    return etree.tostring(root, encoding="UTF-8") + b"\n"


def test_every_rule_has_a_fixture_and_every_fixture_a_rule() -> None:
    inputs = {p.stem for p in FIXTURES.glob("*.txt")}
    assert inputs == set(RULES)
    assert {p.stem for p in FIXTURES.glob("*.xml")} == inputs


@pytest.mark.parametrize("name", RULES)
def test_rule_on_its_fixture(name: str, update_goldens: bool, assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    raw = raw_of(name)
    done = normalize_traced(raw)
    assert_valid_tei(done.cable.tei)
    assert name in done.fired, f"{name} does not fire on its fixture"
    got = fragment(done.cable.tei, done.fired)
    path = FIXTURES / f"{name}.xml"
    if update_goldens:
        path.write_bytes(got)
    assert got == path.read_bytes(), f"{path.name} differs from the output (run with --update-goldens, read the diff)"

    # switched off, the rule fires nowhere and the TEI is not the same (or cannot be made)
    try:
        off = normalize_traced(raw, disable={name})
    except Exception:  # without the rule the cable cannot be made: it is needed
        return
    assert name not in off.fired
    if REGISTRY[name] in ORIGIN and name != "banner-origin":
        # the origin's rules are asked again by the TEI's readers (the record's ``origin``):
        # where the station table keys the office, the TEI is the same and the origin differs
        sender = done.cable.tei.findtext(".//t:correspAction[@type='sent']/t:orgName", namespaces=NS)
        assert origin_named(sender, None, None, Run(frozenset({name})))[0] != origin_named(sender, None, None)[0]
        return
    assert [etree.tostring(n) for n in content(off.cable.tei)] != [etree.tostring(n) for n in content(done.cable.tei)]


@pytest.mark.parametrize("name", RULES)
def test_editorial_declaration_lists_the_rules_that_fired(name: str) -> None:
    done = normalize_traced(raw_of(name))
    fired = [REGISTRY[r] for r in RULES if r in done.fired and REGISTRY[r].note is not None]
    want = [(rule.note.part, rule.note.prose) for part in ("correction", "normalization", "hyphenation")
            for rule in fired if rule.note is not None and rule.note.part == part]
    decl = done.cable.tei.xpath("t:teiHeader/t:encodingDesc/t:editorialDecl/*", namespaces=NS)
    got = [(etree.QName(part).localname, part.findtext("t:p", namespaces=NS)) for part in decl]
    assert got == (want or [("normalization", NOTHING_CHANGED)])


def test_each_note_is_written_once() -> None:
    proses = [rule.note.prose for rule in catalogue() if rule.note is not None]
    assert len(proses) == len(set(proses))
    assert all(rule.stage in STAGES and rule.doc for rule in catalogue())


def test_a_cable_where_nothing_needed_normalising_says_so(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    tei = normalize(RawCable("t", "text", "UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) One line.\n")).tei
    assert_valid_tei(tei)
    assert tei.xpath("//t:editorialDecl//t:p/text()", namespaces=NS) == [NOTHING_CHANGED]


def test_unknown_rule_names_are_refused() -> None:
    with pytest.raises(ValueError, match="no-such-rule"):
        normalize(raw_of("apostrophe"), disable={"no-such-rule"})


def test_a_chain_keeps_its_order_before_and_after_named_rules() -> None:
    registry: dict[str, Rule[object]] = {}  # a chain of its own, outside the normalizer's catalogue
    chain: Chain[object] = Chain("test.order", "inline", "a test chain", registry=registry)  # type: ignore[type-var]
    for name, where in (("b", {}), ("d", {}), ("a", {"before": "b"}), ("c", {"after": "b"}), ("e", {"after": "d"})):
        chain.rule(name, **where)(lambda text: text)
    assert chain.names() == ["a", "b", "c", "d", "e"]
    assert [r.name for r in chain.active(frozenset({"c"}))] == ["a", "b", "d", "e"]
    with pytest.raises(ValueError, match="no rule 'x'"):
        chain.rule("f", before="x")(lambda text: text)
    with pytest.raises(ValueError, match="exists"):
        chain.rule("a")(lambda text: text)
    assert "a" in registry and "a" not in REGISTRY


def test_first_unless_takes_a_refused_first_finding_as_none_and_fires_nothing() -> None:
    chain: Chain[object] = Chain("test.unless", "fields", "a test chain", registry={})  # type: ignore[type-var]
    chain.rule("none")(lambda n: None)
    chain.rule("guess")(lambda n: (n, True) if n > 1 else None)
    chain.rule("sure")(lambda n: (n, False))
    run = Run()
    assert run.first_unless(chain, lambda found: found[1], 2) is None  # the guess decides: none
    assert run.fired == {}
    assert run.first_unless(chain, lambda found: found[1], 1) == (1, False)  # no guess: the next rule
    assert run.fired == {"sure": 1}
    assert Run().first(chain, 2) == (2, True)  # first() takes the guess


def test_a_folded_trigger_may_not_miss_what_ignorecase_matches() -> None:
    chain: Chain[object] = Chain("test.fold", "inline", "a test chain", fold=True, registry={})  # type: ignore[type-var]
    with pytest.raises(ValueError, match="lower case without i or s"):
        chain.rule("summary-start", trigger=("summary",), note=note("normalization", "x"))(lambda text: text)


def test_a_trigger_is_a_visible_prefilter() -> None:
    """A rule runs only on text that holds one of its triggers (no hidden guard elsewhere)."""
    apostrophe = REGISTRY["apostrophe"]
    assert apostrophe.trigger == (",",)
    assert apostrophe.wants("Korea,s") and not apostrophe.wants("Koreas")
    assert REGISTRY["line-joins"].wants("anything")  # no trigger: always


def test_the_catalogue_in_docs_is_current() -> None:
    script = Path(__file__).resolve().parents[1] / "scripts" / "rules_catalogue.py"
    done = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
