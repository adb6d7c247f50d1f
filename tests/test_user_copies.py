"""The text form as users save it (scripts/eval_forms.py, on the bundled pages): each variant
of a page's pasted text a user's file may carry (CR LF, a BOM, UTF-16, cp1252 read as the
refusal's hint says, curled quotes, tabs, no-break spaces, ``&para;``, form feeds, re-wrapped
lines, an e-mail's ``> ``, doubled line breaks …) gives the record of the plain pasted text."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))

import eval_forms
from fidelity import inputs
from fidelity.variants import VARIANTS

PAGES = sorted((Path(__file__).resolve().parents[1] / "data" / "cablegate").glob("*.html"))
#: the variants that lose what the record is made from, recorded in docs/evaluation.md
#: (session 22): a paragraph's lines joined into one line join the routing header's too
NOT_KEPT = frozenset({"unwrap"})


@pytest.fixture(scope="module")
def pasted() -> dict[str, str]:
    return {page.name: inputs.pasted_text(page.read_text(encoding="utf-8")) for page in PAGES}


def test_the_bundled_pages_are_there() -> None:
    assert len(PAGES) >= 5


@pytest.mark.parametrize("variant", sorted(set(VARIANTS) - NOT_KEPT))
def test_a_variant_gives_the_plain_texts_record(variant: str, pasted: dict[str, str]) -> None:
    for name, text in pasted.items():
        plain = eval_forms._record(text.encode("utf-8"), name)
        got = eval_forms._record(VARIANTS[variant](text), f"{name} ({variant})")
        assert "failed" not in got, got
        assert {k: v for k, v in got.items() if k != "hinted"} == plain, name


def test_every_variant_changes_some_bundled_page(pasted: dict[str, str]) -> None:
    """A variant that changes no byte of any bundled page tests nothing here (but ``tabs``:
    none of the bundled pages indents a line four spaces; an indented REF list does)."""
    indented = "UNCLAS MADRID 000857\n\nREF: A. MADRID 800\n     B. STATE 12\n"
    for name, make in VARIANTS.items():
        texts = [*pasted.values(), indented] if name == "tabs" else list(pasted.values())
        assert any(make(text) != text.encode("utf-8") for text in texts), name


def test_a_file_not_utf8_is_refused_with_its_remedy_then_read(pasted: dict[str, str]) -> None:
    text = next(iter(pasted.values()))
    got = eval_forms._record(VARIANTS["word"](text), "word.txt")
    assert got.get("hinted") is True


@pytest.mark.parametrize(("body", "rule"), [
    # not every line quoted: a quotation in the cable, left as it is
    ("UNCLAS MADRID 000857\n>\nSUBJECT: X\n\n1. (U) He said:\n> we will go.\n", "mail-quotes"),
    # one line of text between blank lines (a text unwrapped to one line a paragraph): not
    # double-spaced, its blank lines kept
    ("UNCLAS MADRID 000857\n\nSUBJECT: X\n\n1. (U) One.\n\n2. (U) Two.\n\n3. (U) Three.\n", "doubled-breaks"),
])
def test_a_text_that_only_partly_looks_copied_is_left_alone(body: str, rule: str) -> None:
    from convert.normalize import normalize_traced
    from convert.readers import text as text_reader
    from convert.writers.json import record

    done = normalize_traced(text_reader.read(body, "x.txt"))
    assert rule not in done.fired
    assert [p["n"] for p in record(done.cable)["paragraphs"]] == ([1] if rule == "mail-quotes" else [1, 2, 3])


def _record_of(body: str) -> dict:
    from convert.normalize import normalize
    from convert.readers import text as text_reader
    from convert.writers.json import record

    return record(normalize(text_reader.read(body, "x.txt")))


@pytest.mark.parametrize("quote", ['"', "\u201c", "\u201d"])
def test_a_stray_quote_after_the_signer_straight_or_curled(quote: str) -> None:
    """A database export's quotation mark after the name (``BURLEIGH "``), curled where a
    word processor saved the text: the signer is still found."""
    rec = _record_of(f"UNCLAS NEW DELHI 001126\n\nSUBJECT: X\n\n1. (U) The EAC met.\n\nBURLEIGH {quote}\n")
    assert rec["signer"] == "BURLEIGH"


@pytest.mark.parametrize("indent", ["", " ", "    "])
def test_glued_fields_are_split_on_an_indented_line(indent: str) -> None:
    rec = _record_of(f"UNCLAS SAO PAULO 000492\n\n{indent}E.O. 12958: N/A TAGS: PGOV PINR BR\n"
                     f"{indent}SUBJECT: SAO PAULO GOVERNOR\n\n{indent}1. (U) Text.\n")
    assert rec["tags"] == ["PGOV", "PINR", "BR"]
