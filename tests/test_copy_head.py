"""``copy-head`` (rules/copyhead.py) on blocks built by hand: what it keeps of the paragraph it cuts."""

from __future__ import annotations

from convert.normalize.parsed import AnonBlock, CopyStart, Paragraph
from convert.normalize.rules.copyhead import copy_head
from convert.normalize.rules.ruler import Run


def test_the_paragraph_cut_before_the_copy_keeps_its_marking_written_first() -> None:
    # (C) 3. ... : the marking before the number survives the cut of the row at its end
    last = Paragraph(
        ("The Swiss agreed.", "CARTER", "Embassy Bern", "CONFIDENTIAL"),
        n=3,
        label="3.",
        marking="(C)",
        marked_first=True,
    )
    copy = Paragraph(("3. (C) The Swiss agreed.", "CARTER"))
    out = copy_head([last, CopyStart(), copy], Run())
    cut = out[0]
    assert isinstance(cut, Paragraph)
    assert cut.lines == ("The Swiss agreed.",)
    assert (cut.n, cut.label, cut.marking, cut.marked_first) == (3, "3.", "(C)", True)
    assert out[1] == Paragraph(("CARTER",))  # the signature, a line of its own
    assert isinstance(out[2], CopyStart)
    assert out[3] == AnonBlock("wrapper", ("Embassy Bern", "CONFIDENTIAL"))


def test_a_row_run_on_after_the_name_goes_to_the_copy_and_the_name_ends_the_first() -> None:
    # 08LONDON1224: … leaving post. XXXXXXXXXXXX TUTTLE 0 05/01/2008 5729 PGOV,…,UK On the heels …
    last = Paragraph(
        (
            "Codel Smith did not clear this cable. XXXXXXXXXXXX TUTTLE 0 05/01/2008 5729 PGOV,PTER,UK On the heels "
            "of their trip, Codel Smith traveled to London.",
        ),
        n=7,
        label="7.",
        marking="(U)",
    )
    copy = Paragraph(("2. (S) Representatives Adam Smith and Mac Thornberry received a briefing.",))
    out = copy_head([last, CopyStart(), copy], Run())
    assert out[0] == Paragraph(("Codel Smith did not clear this cable. XXXXXXXXXXXX",), n=7, label="7.", marking="(U)")
    assert out[1] == Paragraph(("TUTTLE",))  # a name in capitals after the redaction
    assert isinstance(out[2], CopyStart)
    assert out[3] == AnonBlock(
        "wrapper", ("0 05/01/2008 5729 PGOV,PTER,UK On the heels of their trip, Codel Smith traveled to London.",)
    )
    assert out[4] == copy


def test_a_row_with_its_subject_and_summary_opening_the_copy_is_a_wrapper() -> None:
    # 08MANAMA306: 0 05/15/2008 3797 ENRG,EPET,PREL,IR,BA OIL MINISTER ON … Bahrain is in …
    last = Paragraph(("CDA reminded Mirza that the U.S. objected strongly.",), n=5, label="5.", marking="(C)")
    row = Paragraph(("0 05/15/2008 3797 ENRG,EPET,PREL,IR,BA OIL MINISTER ON ENERGY Bahrain maps it.",))
    copy = Paragraph(("2. (C) Minister of Oil and Gas Affairs Mirza told CDA May 7 about a committee.",))
    out = copy_head([last, CopyStart(), row, copy], Run())
    assert out == [last, CopyStart(), AnonBlock("wrapper", row.lines), copy]


def test_the_name_before_a_row_ends_the_first_copy_when_the_copy_ends_without_it() -> None:
    # 09TRIPOLI953: … End comment and guidance request. POLASCHIK / 0 12/09/2009 2787 UNGA,… LIBYA …
    last = Paragraph(
        ("Post requests guidance. End comment and guidance request. POLASCHIK", "0 12/09/2009 2787 UNGA,PREL,LY LIBYA"),
        n=3,
        label="3.",
        marking="(SBU)",
    )
    copy = Paragraph(("1. (SBU) Post received a diplomatic note from the GPCFLIC on December 2.",))
    out = copy_head([last, CopyStart(), copy], Run())
    assert out[0] == Paragraph(
        ("Post requests guidance. End comment and guidance request.",), n=3, label="3.", marking="(SBU)"
    )
    assert out[1] == Paragraph(("POLASCHIK",))
    assert isinstance(out[2], CopyStart)
    assert out[3] == AnonBlock("wrapper", ("0 12/09/2009 2787 UNGA,PREL,LY LIBYA",))
