"""A paragraph written in another language is marked with its ``xml:lang`` (issue 14, item 8),
by a count of common short words (``convert/normalize/build/lang.py``); English is not, nor a
short quoted phrase; a quoted passage in one of those languages inside an English paragraph is
``foreign`` with its ``xml:lang``, and the HTML gives it a ``lang``."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from convert import schema
from convert.model import NS, Cable, RawCable
from convert.normalize import normalize
from convert.normalize.build.lang import language, quoted_language
from convert.options import WriteOptions
from convert.writers import html as html_writer
from convert.writers import markdown as md_writer

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


# ---------------------------------------------------------------- quoted passages: foreign

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
#: an English paragraph quoting a Spanish slogan (in the cablegate pages' doubled quote marks)
#: and an English one
QUOTING = ('¶6. (C) CATCHY SLOGANS SUCH AS ""NADIE SE REPITE EL PLATO"" (""NOBODY TAKES SECONDS"") '
           'PROMISED NOTHING, AS THE PAPER ""LA LETTRE DU CONTINENT,"" PUT IT.')


def _with_paragraph(text: str, name: str) -> Cable:
    seed = SEED.read_text(encoding="utf-8")
    marker = "\n¶5. "
    assert marker in seed
    return normalize(RawCable(source=name, form="text", body=seed.replace(marker, "\n\n" + text + "\n" + marker, 1)))


def test_quoted_passages_tell_the_languages_apart() -> None:
    assert quoted_language("NADIE SE REPITE EL PLATO") == "es"
    assert quoted_language("La Lettre du Continent") == "fr"
    assert quoted_language("O Que E Isso, Companheiro?") == "pt"
    assert quoted_language("Die Frage ist nicht mit einer Antwort") == "de"
    assert quoted_language("la cassa per il Mezzogiorno della nazione") == "it"
    # English, English words beside foreign ones, Arabic names, too short, one word repeated
    for text in ("NOBODY TAKES SECONDS", "no money, no deal", "what do we do", "Al-Masry Al-Youm",
                 "Al Quds al Arabi", "es en flames", "non-technical, non-commercial reasons",
                 "la formule la plus elegante", "La Patria es the best", "EL PRESIDENTE"):
        assert quoted_language(text) is None, text


def test_a_quoted_passage_is_foreign_and_its_words_stay(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    cable = _with_paragraph(QUOTING, "seed-quote.txt")
    tei = cable.tei
    found = [(f.get(XML_LANG), f.text) for f in tei.xpath("//t:foreign", namespaces=NS)]
    # the marks and the comma inside the closing mark stay outside; the English gloss is not marked
    assert found == [("es", "NADIE SE REPITE EL PLATO"), ("fr", "LA LETTRE DU CONTINENT")]
    p = tei.xpath("//t:foreign", namespaces=NS)[0].getparent()
    assert p.get(XML_LANG) is None and p.get("n") == "6"
    written = " ".join(QUOTING.split()).removeprefix("¶6. ")
    # every character, in order (the source's reading: the doubled quotes are regularised beside it)
    source = "".join(p.xpath(".//text()[not(ancestor::t:reg)]", namespaces=NS))
    assert written in " ".join(source.split())
    assert_valid_tei(tei)
    assert schema.schematron_errors(tei) == []
    # HTML: a span with its language; Markdown and the reading edition keep the words
    page = etree.fromstring(html_writer.write(cable, WriteOptions()), etree.HTMLParser())
    spans = [(s.get("lang"), "".join(s.itertext())) for s in page.iter("span") if "tei-foreign" in s.get("class", "")]
    assert spans == found
    assert "NADIE SE REPITE EL PLATO" in md_writer.write(cable, WriteOptions()).decode("utf-8")
    assert "NADIE SE REPITE EL PLATO" in " ".join(p.text for p in cable.view.body.paragraphs)


def test_an_english_quote_and_a_broken_passage_stay_unmarked() -> None:
    english = '¶6. (C) HE CALLED IT ""NO MONEY, NO DEAL"" AND ""WHAT DO WE DO"" AND LEFT.'
    assert not _with_paragraph(english, "seed-en.txt").tei.xpath("//t:foreign", namespaces=NS)
    # the seed (English) has none
    plain = normalize(RawCable(source="seed.txt", form="text", body=SEED.read_text(encoding="utf-8"))).tei
    assert plain.xpath("//t:foreign", namespaces=NS) == []


def test_a_passage_between_repaired_quotation_marks_is_foreign(assert_valid_tei) -> None:  # type: ignore[no-untyped-def]
    # the marks were sent as & and 8 (09STATE100988): the repairs stand around the passage
    tei = _with_paragraph("¶6. (C) HE SAID THE PROGRAMS WERE CANCELLED &EN EL MARCO DEL DIALOGO8 WITH THE U.S.",
                          "seed-repaired.txt").tei
    (foreign,) = tei.xpath("//t:foreign", namespaces=NS)
    assert (foreign.get(XML_LANG), foreign.text) == ("es", "EN EL MARCO DEL DIALOGO")
    before, after = foreign.getprevious(), foreign.getnext()
    assert [n.tag.split("}")[1] for n in (before, after)] == ["choice", "choice"]
    assert (before[1].text, after[1].text) == ("\u201c", "\u201d")
    assert_valid_tei(tei)


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


def test_the_ascii_refusal_counts_as_the_general_one() -> None:
    # ASCII text is refused from bytes (a byte table), other text from str: the same runs.
    # A typographic apostrophe is no letter (it ends a run), so adding one sends the same
    # text down the general path: both answers must agree, on English and foreign text alike
    from convert.normalize.build.lang import _may_be_foreign

    samples = [SPANISH, FRENCH, FRENCH.lower(), "QU'IL L'A DIT: " + FRENCH, "EL LA LOS LAS " * 3 + "X " * 120,
               "EL LA LOS LAS " * 3 + "X " * 110, "THE MINISTER SAID THAT FRANCE WOULD NOT ACCEPT IT.",
               "".join(map(chr, range(128))) + " el la de que es", "EL\tLA\nLOS\x0bLAS\x1cDEL-QUE_ES.UNA"]
    answers = set()
    for text in samples:
        assert text.isascii()
        assert _may_be_foreign(text) == _may_be_foreign(text + " \u2019"), text
        answers.add(_may_be_foreign(text))
    assert answers == {True, False}
