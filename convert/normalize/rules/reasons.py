"""The reasons of a Classified By line, wrapped onto a line of their own after a blank line.

``Classified By: Political Counselor Richard M. Mills, Jr. for reasons`` / (blank) / ``1.4 (b) and
(d).`` (08LONDON2159, 08BEIJING2087, 09STATE132349's ``REASON:`` / ``1.4(C).``): the teletype's
copy broke the Classified By line before its reasons, and a blank line stands between them. The
field ended at the blank line, so the reasons stood in the reading text as the body's first
paragraph (``1.4 (b) and (d).``).

``reasons-continuation`` (chain ``fields.other``) puts such a line back in the Classified By field:
the field's last line ends with the word ``reason`` or ``reasons`` (a colon after it or none), and
the line is only the reasons (``1.4`` or ``1.5``, then letters, ``and``, commas, brackets), up to
40 characters; what follows it is left as it is. The field's last words may stand on that line
too (``Department of State. REASON: 1.4 (b), (d)``, 09TRIPOLI260; ``FOR REASONS 1.4 (B) AND
(D)``, 07BUENOSAIRES1723; ``Political Counselor Richard Mills reasons, 1.4 b and d``, 08LONDON1972)
where the field gives no reasons yet and stops after a comma or a word, or after a full stop where
the line begins with the word (``… DENNIS HEARNE.`` / ``REASONS: 1.4 (B)(D)``, 04BRASILIA991).
"""

from __future__ import annotations

import re

from ..parsed import RunOn
from .fields import OTHER, PreambleCursor
from .ruler import note

#: a Classified By line that stops at the word that announces its reasons
_ANNOUNCED = re.compile(r"\breasons?\s*:?\s*$", re.I)
#: the reasons: ``1.4`` or ``1.5``, then up to eight letters, bracketed or not, with commas, ``and`` (``AND``), ``&``
_REASONS = r"1\.[45]\s*(?:[(\[]?[a-hA-H][)\]]?(?:\s*(?:,|and|AND|And|&)?\s*)){1,8}"
#: the reasons alone on a line: ``1.4 (b) and (d).``, ``1.4 B, D``, ``1.4(C).``
_REASONS_ALONE = re.compile(rf"^\s*{_REASONS}\s*\.?\s*$")
#: the reasons, then paragraph 1's number and portion marking on the same line
_REASONS_THEN_PARAGRAPH = re.compile(rf"\s*{_REASONS}\.?\s*(?=\d{{1,2}}\.\s*\((?:U|C|S|SBU|TS)\b)")


#: the field's last words and its reasons, ending the line (``Department of State. REASON: 1.4 (b), (d)``,
#: ``FOR REASONS 1.4 (B) AND (D)``): up to 80 characters without a colon before the word ``reason``
_WORDED = re.compile(rf"^[^:\n]{{0,80}}?\breasons?\s*[:,]?\s*{_REASONS}\s*\.?\s*$", re.I)
#: a line that begins with the word: ``REASON: 1.4 (b), (d)`` (the field before may end with a stop)
_REASON_FIRST = re.compile(r"\s*(?:for\s+)?reasons?\b", re.I)


def _unfinished(texts: list[str], line: str) -> bool:
    """A Classified By field that gives no reasons yet and stops after a comma or a word, not a
    full stop (``Classified By: Ambassador E. Anthony Wayne for``, ``… Embassy Tripoli,``), or
    after one where the line begins with the word (``… DENNIS HEARNE.`` / ``REASONS: 1.4 (B)(D)``)."""
    return not any("1.4" in x or "1.5" in x for x in texts) and (
        not texts[-1].rstrip().endswith(".") or _REASON_FIRST.match(line) is not None)


@OTHER.rule(
    "reasons-continuation",
    before="distribution",
    note=note(
        "normalization",
        "The reasons of a Classified By line that the copy put on a line of their own after a blank line (… for "
        "reasons / 1.4 (b) and (d).) go on with that field, in the preamble, not as the text's first paragraph.",
    ),
    trigger=("1.4", "1.5"),
)
def reasons_continuation(cur: PreambleCursor, line: str) -> str | None:
    """``Classified By: … for reasons`` / (blank) / ``1.4 (b) and (d).``: a line that is only the
    reasons, right after a Classified By field whose last line ends with the word ``reason(s)``,
    goes on with that field. Where paragraph 1 runs on after them (``REASON:`` / (blank) /
    ``1.4 (b) 1. (C) Summary: …``, 09VATICAN106), the line is cut there: the paragraph begins
    the text. A line that ends with the word ``reason(s)`` and the reasons after a field that
    gives none and stops after a comma or a word (``CLASSIFIED BY: Gene A. Cretz, Ambassador,
    Embassy Tripoli,`` / (blank) / ``Department of State. REASON: 1.4 (b), (d)``, 09TRIPOLI260)
    goes on with it too; so does a line of reasons a page break parted from the field
    (``… JOSIAH ROSENBLATT, REASONS`` / ``PAGE 02 RUEHFRA0170 S E C R E T`` / ``1.4 (B) AND (D).``,
    07PARIS170)."""
    if not cur.fields:
        return None
    alone = len(line.strip()) <= 40 and _REASONS_ALONE.match(line) is not None
    then = None if alone else _REASONS_THEN_PARAGRAPH.match(line)
    worded = not alone and then is None and _WORDED.match(line) is not None
    if not alone and then is None and not worded:
        return None
    last = next((field for field in reversed(cur.fields) if field.kind != "furniture"), None)  # (a page line between)
    texts = [x for x in last.lines if isinstance(x, str)] if last is not None else []
    if last is None or last.kind != "classified-by" or not texts:
        return None
    if not (_unfinished(texts, line) if worded else _ANNOUNCED.search(texts[-1])):
        return None
    if then is not None:
        cur.entries[cur.i : cur.i + 1] = [line[: then.end()].rstrip(), RunOn(line[then.end() :])]
    return "classified-by-more"
