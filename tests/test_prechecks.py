"""Prechecks that spare a rule's per-line patterns (session 24): each answers "nothing here"
only where the patterns it stands before would find nothing."""

from __future__ import annotations

import random
import re

from convert import vocab
from convert.normalize import banner
from convert.normalize.rules import splitnumber
from convert.readers import cablegate


def test_banner_starts_are_the_characters_its_patterns_begin_with() -> None:
    firsts = {level[0] for level in vocab.LEVELS} | {"U", "S"}  # UNCLAS, SECTION
    pattern = re.compile(f"[{''.join(sorted(firsts))}]", re.I)
    expected = {chr(i) for i in range(0x110000) if pattern.match(chr(i))}
    assert banner._STARTS == expected
    assert banner.parse_banner("ſECRET STATE 037561") is not None  # (re.I: ſ is s)
    assert banner.parse_banner("XSECRET STATE 037561") is None


def test_figure_ends_search_finds_every_line_the_figure_pattern_finds() -> None:
    rng = random.Random(5)  # noqa: S311  (test data)
    alphabet = ["1", "0", "9", " ", "\t", "\u00a0", "A", ".", "\n", "\r"]
    for _ in range(4000):
        lines = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 6))) for _ in range(rng.randint(1, 4))]
        any_line = any(splitnumber._LAST_FIGURE.search(line.rstrip()) for line in lines)
        if any_line:
            assert splitnumber._FIGURE_ENDS.search("\n".join(lines) + "\n"), lines


def test_split_number_rejoined_after_the_precheck() -> None:
    lines = ["9. (C) Ninth.", "", "PKO/HAITI --------- 1", "", "0. (C) Tenth."]
    expected = ["9. (C) Ninth.", "", "PKO/HAITI ---------", "", "10. (C) Tenth."]
    assert splitnumber.split_paragraph_number(lines) == expected
    plain = ["9. (C) Ninth.", "", "0. (C) Tenth."]
    assert splitnumber.split_paragraph_number(plain) is plain


def test_table_or_pre_is_the_first_of_the_two_openings() -> None:
    """``cablegate.read`` finds the table's opening and the first ``<pre>``'s in one scan: its
    pattern's first match is the first match of ``_TABLE_START`` or ``_PRE_START``, whichever
    starts first (same span), where each alternative's first letter is a literal in both cases."""
    for letter in "tp":
        matched = {chr(i) for i in range(0x110000) if re.fullmatch(letter, chr(i), re.I)}
        assert matched == {letter, letter.upper()}
    pieces = [
        "<table class='cable'>",
        '<TABLE  CLASS="Cable" >',
        "<table class=cable>",
        "<pre>",
        "<PRE class='x'>",
        "<pre",
        "<p>",
        "<tr>",
        "<a href='/x'>",
        "</pre>",
        "</table>",
        "<",
        "<<",
        "t",
        "x",
        " ",
        "\n",
        "ſ",
    ]
    rng = random.Random(9)  # noqa: S311  (test data)
    pages = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 8))) for _ in range(20000)]
    pages += ["<ul><li><a href='/'>x</a></li></ul>\n<table class='cable'>\n<tr><th>id</th></tr></table>\n<pre>A</pre>"]
    for page in pages:
        found = [m for m in (cablegate._TABLE_START.search(page), cablegate._PRE_START.search(page)) if m]
        first = min(found, key=lambda m: m.start()) if found else None
        both = cablegate._TABLE_OR_PRE.search(page)
        assert (both.span() if both else None) == (first.span() if first else None), page
        if both:
            assert (both.group()[1] in "tT") == (first.re is cablegate._TABLE_START), page


def test_first_opening_is_the_first_match_after_any_page_before() -> None:
    """``cablegate.first_opening`` searches after the start a page shares with those read before
    it: the same match as a search of the whole page, whatever pages came before (markup long
    enough to be kept, pages of other widths, an opening inside or just after the shared start)."""
    pieces = ["<table class='cable'>", "<TABLE class='cable' >", "<pre>", "<Pre x>", "<p>", "<t", "<tr>",
              "<a href='/x'>", "</a>", "<", "x", "\n", "é", "\u2019", "<title>Cable Viewer</title>"]
    rng = random.Random(28)  # noqa: S311  (test data)
    markup = ["".join(rng.choice(pieces[5:]) for _ in range(rng.randint(150, 400))) for _ in range(4)]
    pages = []
    for _ in range(3000):
        head = rng.choice(markup)
        cut = rng.randint(0, len(head))
        if rng.random() < 0.2:  # another crawl: the markup changed somewhere
            head = head[:cut] + rng.choice(pieces) + head[cut:]
        tail = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        pages.append(head + tail if rng.random() < 0.9 else tail)
    saved = cablegate._clean_head
    try:
        cablegate._clean_head = ""
        kept = 0
        for page in pages:
            found = cablegate.first_opening(page)
            expected = cablegate._TABLE_OR_PRE.search(page)
            assert (found.span(), found.group()) == (expected.span(), expected.group()) if expected else found is None
            kept += len(cablegate._clean_head) >= cablegate._HEAD_KEPT
        assert kept > 2000  # (the shared start was used)
    finally:
        cablegate._clean_head = saved


def test_markup_is_counted_wherever_the_text_without_anchors_holds_a_tag() -> None:
    """``cablegate.read`` counts the site's HTML in a ``<pre>`` only where its text without the
    site's anchors holds a "<": where it holds none, ``markup_in`` finds nothing (crafted
    fragments of anchors, the tags it counts, and their pieces)."""
    pieces = ["<a id='par1' href='#par1'>", "<a href='/tag/PREL_0.html'>", "</a>", "¶1", "PREL", "<br>",
              "<BR />", "</td>", "<strong>", "</TABLE>", "<", ">", "br", "/", "td>", "a", " ", "&#x000A;", "\n"]
    rng = random.Random(29)  # noqa: S311  (test data)
    tagged = 0
    for _ in range(20000):
        fragment = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 10)))
        text, may = cablegate._pre_text(fragment)
        assert text == cablegate.pre_text(fragment)
        if not may:
            assert not cablegate.markup_in(fragment), fragment
        tagged += may
    assert 2000 < tagged < 18000


def test_row_field_is_any_of_the_row_patterns() -> None:
    """``copies.row_field`` asks one pattern, the row fields' alternatives: the lines any of the
    six matches (crafted lines of their pieces)."""
    from convert.normalize.rules import copies

    pieces = ["87334", "<<87334>>", "2009-06-02", " 09:22", ":05", "3/4/2009", "09STATE1234", "|", " 09LONDON12 ",
              "SECRET", "//NOFORN", "Embassy", " London", "USUN", "Iran", "x", " ", "\t", "-", "1", "A", "\n", "é"]
    rng = random.Random(30)  # noqa: S311  (test data)
    held = 0
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
        expected = any(p.match(line) for p in copies._ROW_FIELDS)
        assert copies.row_field(line) == expected, line
        held += expected
    assert held > 1000


def test_bare_marking_is_read_on_only_after_a_digit_and_a_space() -> None:
    """``runonparas._BARE_MARKING`` looks back from a marking's ``(`` for a digit and a space:
    the markings it leaves out are those ``_bare_at`` reads no number before, and it finds the
    others at the same places (crafted texts of numbers, markings and their pieces)."""
    from convert.normalize.rules import runonparas

    every = re.compile(runonparas._MARKED)
    pieces = ["(C) ", "(C) A", "(S/NF) B", "(U)", " ", "4 ", "13 ", "1", "3.", "\u00b2", "\u0663", "\n", "A", "b",
              "x. "]
    rng = random.Random(31)  # noqa: S311  (test data)
    kept = 0
    for _ in range(20000):
        line = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        found = [m.start() for m in runonparas._BARE_MARKING.finditer(line)]
        expected = [m.start() for m in every.finditer(line) if runonparas._bare_at(line, m.start())]
        assert [at for at in found if runonparas._bare_at(line, at)] == expected, line
        assert set(found) <= {m.start() for m in every.finditer(line)}, line
        kept += len(expected)
    assert kept > 500


def test_stop_leaves_out_only_numbers_that_begin_their_line() -> None:
    """``runonparas._STOP`` does not stop at a number that begins its line (after a line break, a
    pilcrow or not): ``_inline_lines`` finds the same numbers, at the same places, as with every
    full stop before a parenthesis (crafted lines of numbers, markings and their pieces)."""
    from convert.normalize.rules import runonparas

    every = re.compile(r"\.[ \t]{0,3}+\(")
    pieces = ["1. (C) ", "12.(S) ", "¶3. (U) ", "4. (SBU) ", "199.  (C) ", "2 (C) A", "\u00b2. (C) ", "\u0663. (C) ",
              "said.", " ", "\t", "¶", "1", "10", "Text", ". (", "\n", "\n", "A", "x. "]
    rng = random.Random(32)  # noqa: S311  (test data)
    saved = runonparas._STOP
    held = 0
    try:
        for _ in range(10000):
            lines = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 14))).split("\n")
            runonparas._STOP = saved
            found = {i: [(m.span(), m.group()) for m in ms] for i, ms in runonparas._inline_lines(lines).items()}
            runonparas._STOP = every
            expected = {i: [(m.span(), m.group()) for m in ms] for i, ms in runonparas._inline_lines(lines).items()}
            assert found == expected, lines
            held += len(expected)
    finally:
        runonparas._STOP = saved
    assert held > 2000


def test_leading_in_leaves_out_only_the_rules_the_text_holds_no_trigger_of() -> None:
    """``lines.entries`` and ``appended.find_start`` ask a line only the rules whose triggers
    the lines joined hold: a trigger the text lacks, no line of it holds."""
    from convert.normalize.rules.lines import CUT
    from convert.normalize.rules.ruler import Run

    run = Run()
    lines = ["1. (SBU) Please handle accordingly. Text of", "BEIJING 00001463 002 OF 002", ""]
    for kept in (lines, lines[1:], lines[2:]):
        text = "\n".join(kept)
        leads = run.leading_in(CUT, text)
        for first in {line.lstrip()[:1] for line in lines} | {"", "P", "1", "B"}:
            expected = [r for r in run.leading(CUT)[first] if r.hit is None or r.hit(text)]
            assert list(leads[first]) == expected
            for line in kept:  # every rule left out is one no line of the text makes run
                left_out = set(run.leading(CUT)[first]) - set(leads[first])
                assert not any(r.hit is not None and r.hit(line) for r in left_out)


def test_rule_lines_written_out_match_as_the_repeated_groups() -> None:
    """``runs.DASH_RULE`` and ``wrappedtitle._RULE_LINE`` spell ``(?:-\\s*){4,}`` (one sign, or any of
    the three) as three signs with their spaces and a fourth before any signs and spaces: the
    same lines, the same spans (``DASH_RULE`` also takes three spaced dashes, ``- - -``)."""
    from convert.normalize.rules import runs, wrappedtitle

    dash_rule = runs.rule_pattern(r"(?:-\s*){4,}|- - -|(?:=\s*){4,}|(?:_\s*){4,}")
    rule_line = runs.rule_pattern(r"(?:[-=_]\s*){4,}")
    rng = random.Random(27)  # noqa: S311  (test data)
    mixed = ["-", "-", "-", "=", "=", "_", " ", "\t", "\n", "\u00a0", "/", "a", "*"]
    alphabets = [mixed] + [[sign] * 6 + [" ", "\t", "\n", "/", "a", "="] for sign in "-=_"]
    for index in range(60000):
        alphabet = alphabets[index % 4]
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 14)))
        for old, new in ((dash_rule, runs.DASH_RULE), (rule_line, wrappedtitle._RULE_LINE)):
            a, b = old.match(text), new.match(text)
            assert (a and a.span()) == (b and b.span()), text


def test_look_behinds_after_the_first_character_find_the_same_matches() -> None:
    """A pattern that began with a look-behind (tried at every position) now begins with the
    character every match begins with and looks back from after it: the same matches, spans and
    groups over texts of the characters each pattern reads."""
    from convert import textview
    from convert.normalize import routing
    from convert.normalize.rules import accents, ampquote, copies, resent, runonbare

    cases = [
        (r"(?<!\S)Q", resent._Q, "Q q\n\tx.", "finditer"),
        (r"(?<![A-Za-z])(?:X{4,}(?:x+)?|(?<![0-9])x{4,})(?![A-Za-z])|(?<![A-Za-z])X{6,}(?=[a-wyz])"
         r"|(?<![A-Za-z0-9])x{4,}(?=[a-wyz])|(?<![A-Za-z])X{12}(?=[A-WYZ])", textview.REDACTION,
         "XxX xa-1B", "finditer"),
        (r"(?:^|(?<=[\s(]))&(?=[a-z])", ampquote._OPEN, "& (a\nA;", "finditer"),
        (r"(?<=[a-z]{2})C[!-?](?![A-Z])|(?<=(?<![A-Za-z])[A-Z])C[0-9!#$%*+:;<=>?](?=[a-z])", accents._DAMAGED,
         "aBCcC)-3!x #Z.", "finditer"),
        (r"(?<!\s)\s++(?P<seq>\d{1,5})$", routing._SEQ, "1 2\t\n0a ", "search"),
        (
            r"(?<=\S)\s++(?=(?:(?i:summary|comment|background|introduction)\s*+[:.]?\s*+)?(?:-{4,}|={4,}|_{4,}))",
            copies._RULE_RUNON,
            "----= \tSuMmary:_a",
            "search",
        ),
        (r"(?<=[.!?\"')\]])\s++(?P<num>\d{1,3})\.\s++(?=[A-Z])", runonbare._RUN_ON_BARE,
         [". ", "! ", '" ', ") ", " ", "\n", "12", "7", ". ", "A", "a"], "finditer"),
    ]
    rng = random.Random(28)  # noqa: S311  (test data)
    for source, pattern, alphabet, how in cases:
        old = re.compile(source)
        found = 0
        for _ in range(20000):
            text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 16)))
            if how == "search":
                text += rng.choice(["", "SUMMARY ----", " 12", "____"])
                a, b = old.search(text), pattern.search(text)
                assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), (source, text)
                found += a is not None
            else:
                a_all = [(m.span(), m.groups()) for m in old.finditer(text)]
                assert a_all == [(m.span(), m.groups()) for m in pattern.finditer(text)], (source, text)
                found += bool(a_all)
        assert found > 100, source


def test_printable_is_isprintable() -> None:
    """``textview.printable`` answers as ``str.isprintable``: in ASCII only the controls and DEL
    are not printable (checked for every character of ASCII), and a long text is told by them."""
    from convert import textview

    assert {chr(i) for i in range(128) if not chr(i).isprintable()} == set(textview._CONTROLS.decode("ascii"))
    base = "The Ambassador said \"no\" to 3.5 percent. " * 20
    for i in range(128):
        for text in (base + chr(i), chr(i) + base, base[:100] + chr(i), base + chr(i) + "\u00e9"):
            assert textview.printable(text) == text.isprintable(), (i, text[:20])


def test_ruled_tests_a_sign_before_its_pairs() -> None:
    """``runs.ruled`` looks for a dash or an equals sign before the pairs that hold one (a line
    without either is told in three scans, not five): the same answer as the five substring tests."""
    from convert.normalize.rules import runs

    def five(text: str) -> bool:
        return any(needle in text for needle in ("--", "- -", "==", "__", "= ="))

    rng = random.Random(32)  # noqa: S311  (test data)
    alphabet = ["-", "=", "_", " ", "A", "a", "\u00a0", "\u2014", "\n"]
    seen = 0
    for _ in range(20000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 8)))
        assert runs.ruled(text) == five(text), text
        seen += five(text)
    assert seen > 1000
