"""A paragraph written in another language is marked with its ``xml:lang`` (issue 14, item 8),
by a count of common short words (``convert/normalize/build/lang.py``); English is not, nor a
short quoted phrase."""

from __future__ import annotations

from pathlib import Path

from convert import schema
from convert.model import NS, RawCable
from convert.normalize import normalize
from convert.normalize.build.lang import language

SEED = Path(__file__).resolve().parents[1] / "data" / "seed-09BEIJING1463.txt"
SPANISH = ("THE LETTER READS: NO HABLO NI ENTIENDO BIEN EL ESPANOL. SI USTED CONSIDERA QUE HE "
           "COMETIDO UNA FALTA, LE RUEGO QUE ME LO DIGA EN INGLES PARA QUE PUEDA ENTENDER LA RAZON DE SU "
           "DECISION Y DEFENDER MIS DERECHOS.")
FRENCH = ("LE MINISTRE A DIT QUE LA FRANCE NE POURRA PAS ACCEPTER CETTE PROPOSITION DANS LES CONDITIONS "
          "ACTUELLES ET QUE LES DISCUSSIONS SUR CE SUJET SONT LOIN D'ETRE TERMINEES.")


def test_the_count_tells_the_languages_apart() -> None:
    assert language(SPANISH) == "es"
    assert language(FRENCH) == "fr"
    assert language("THE MINISTER SAID THAT FRANCE WOULD NOT ACCEPT THE PROPOSAL AS IT STANDS, AND THAT "
                    "THE TALKS WERE FAR FROM OVER.") is None
    # a short quoted phrase inside an English sentence: not enough words to tell
    assert language('HE CALLED IT "LA FIN DE LA RECREATION" AND LEFT.') is None
    assert language("EL PRESIDENTE") is None


def test_a_spanish_paragraph_of_a_cable_is_marked_and_stays_valid(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    text = SEED.read_text(encoding="utf-8")
    marker = "\n¶5. "
    assert marker in text
    text = text.replace(marker, "\n\n" + SPANISH + "\n" + marker, 1)
    tei = normalize(RawCable(source="seed-es.txt", form="text", body=text)).tei
    marked = tei.xpath("//t:text//t:*[@xml:lang]", namespaces=NS)
    assert [(m.tag.split("}")[1], m.get("{http://www.w3.org/XML/1998/namespace}lang")) for m in marked] == [("p", "es")]
    assert "NO HABLO" in "".join(marked[0].itertext())
    assert_valid_tei(tei)
    assert schema.schematron_errors(tei) == []
    # the seed itself (English) has no block marked
    plain = normalize(RawCable(source="seed.txt", form="text", body=SEED.read_text(encoding="utf-8"))).tei
    assert plain.xpath("//t:text//t:*[@xml:lang]", namespaces=NS) == []


def test_the_ascii_split_finds_the_words_the_pattern_finds() -> None:
    # ASCII text is cut into words by a translation and a split, not the pattern: the same
    # words in lower case, apostrophes included (qu'il one word, a'b'c two, a lone ' none)
    from convert.normalize.build.lang import _WORD, _words

    samples = ["QU'IL EST LA", "A'B'C X'Y'LA 'LA LA' '' DON'T", "U.S.-LED TALKS, 12TH_ROUND (A&B)",
               "L'ETAT C'EST MOI", "NO APOSTROPHE HERE: 1999 ONLY", "ÉTAT D'ÂME", "x_y 3a b3 a-b"]
    for text in samples:
        assert _words(text) == [word.lower() for word in _WORD.findall(text)], text
    assert _words("A'B'C") == ["a'b", "c"]


def test_the_quick_refusal_keeps_every_block_the_count_marks() -> None:
    # English prose is refused before its words are counted (a bound on the hits and words);
    # a foreign block in typographic quotes or with apostrophes still gets through and is marked
    from convert.normalize.build.lang import _may_be_foreign

    assert not _may_be_foreign("THE MINISTER SAID THAT FRANCE WOULD NOT ACCEPT THE PROPOSAL AS IT STANDS.")
    for text in ("\u201c" + SPANISH + "\u201d", SPANISH.replace(" ", "\u2019 "),
                 FRENCH.replace("D'ETRE", "D\u2019ETRE"), FRENCH.lower(), "QU'IL L'A DIT: " + FRENCH):
        assert _may_be_foreign(text), text
        assert language(text) in {"es", "fr"}, text
    assert language("QU'IL L'A DIT: " + FRENCH) == "fr"
