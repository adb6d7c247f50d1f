"""Chain ``lines.lines`` (continued from :mod:`.lines`): a copy that kept each paragraph on one line.

Some pages give a cable without its hard wraps: every paragraph is one long line, and the next
paragraph begins on the next line with no blank line between (09USUNNEWYORK1141, 05ROME1506,
06TOKYO1363). A teletype line never held more than 69 characters, so a line break after a line
of that length is no wrap: where a long line ends a sentence and the next is a long line of prose,
the writer began a new paragraph there. Read as a wrap, the two were joined into one, and an
unnumbered paragraph (``To encourage the EU-27 …`` after ¶6) lost its place. A copy that joined
only some of its wrapped lines (09BUENOSAIRES794: ``… in addition to an`` / ``academic expert …``)
breaks its long lines mid-sentence too; its line breaks are read as wraps, as before.
"""

from __future__ import annotations

import re

from .lines import LINES, new_page
from .ruler import note

#: the shortest line that is a paragraph kept whole, not a wrapped line (a teletype's lines held 69
#: characters at most; a wrap some copies made later, 80 or so)
_WHOLE = 120
#: a sentence's end at the end of a line: a stop, or a stop inside a closing quotation mark or bracket
_ENDS = re.compile(r"[.!?][\"'\u201d\u2019)]?\s*$")
#: prose: a capital first (after a quotation mark), a word in lower case among the next six
_PROSE = re.compile(r"^\s*+[\"\u201c]?[A-Z]\S*+(?:\s++\S++){0,5}?\s++[a-z]")
#: the share of the long lines that must end a sentence: a copy that kept its paragraphs whole (a few end
#: with a name or a heading run on; a copy that kept some wraps ends most mid-sentence: 09BUENOSAIRES794, 1 in 9)
_ENDED_SHARE = 0.75


@LINES.rule(
    "whole-paragraph-lines",
    after="sipdis-blank",
    note=note(
        "normalization",
        "In a copy that kept each paragraph on one line (its long lines end sentences), a long line of prose "
        "right after another is a paragraph of its own, not the wrap of the one before.",
    ),
)
def whole_paragraph_lines(lines: list[str]) -> list[str]:
    """``¶6. (C) Also looking forward to UNGA65, … (a line of 400 characters) … the Lisbon Treaty.`` / ``To
    encourage the EU-27 to continue as our core supporters at UNGA65, we should engage them …`` (09USUNNEWYORK1141):
    where three in four of the text's lines of 120 characters or more end a sentence (a line a page break cut
    not counted), a line of prose that long
    (a capital first, a word in lower case soon after), right after one that ends a sentence, begins a
    paragraph: a blank line goes between."""
    # (a long line cut by a page break, ``… attributed this to an internal PDVSA`` / ``CARACAS 00001333 002.2 OF
    # 003``, is not counted: the break, not the copy, ended it mid-sentence)
    long = [line for index, line in enumerate(lines) if len(line) >= _WHOLE and not _page_after(lines, index)]
    if len(long) < 2 or sum(1 for line in long if _ENDS.search(line)) < _ENDED_SHARE * len(long):
        return lines
    out: list[str] = []
    for index, line in enumerate(lines):
        before = lines[index - 1] if index else ""
        if (len(line) >= _WHOLE and len(before) >= _WHOLE and _ENDS.search(before) and _PROSE.match(line)
                and not line.lstrip().startswith("SIPDIS")):  # (the marking set after a line naming the Secretary:
            # ``… spoken to Prime Minister Singh on February 1.`` / ``SIPDIS Saran indicated …``, 06NEWDELHI760)
            out.append("")
        out.append(line)
    return out if len(out) != len(lines) else lines


def _page_after(lines: list[str], index: int) -> bool:
    """Whether the line after ``index`` is a page-break line."""
    return index + 1 < len(lines) and new_page(lines[index + 1].strip()) is not None
