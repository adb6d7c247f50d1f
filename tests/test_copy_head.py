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
