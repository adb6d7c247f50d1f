"""Chain ``blocks.items``: a counted list whose items do not end a sentence.

``list-items`` starts an item only after a finished sentence, so a list of names, each wrapped
over two lines without a full stop (``1). COL. MOHAMED … 25`` / ``SEPTEMBER 1966, MENOFYA, MOD`` /
``2). CAPT. MOHAMED …``, 09STATE86227: nine officers), was read as one item, the others run into
it in the reading text.

``counted-items`` (after ``dash-bullets``, before ``list-items``): once the plain rule has begun a
list with a counted label (``1)``, ``(1)``, ``a)``, ``(a)``, ``A.``), a line of an item that begins
with the next label of a form the list has counted in (``2)`` after ``1)``, ``(b)`` after ``(a)``;
``E.`` after ``D.`` though ``1)`` to ``6)`` stand between: a list in a list, 09STATE62392) starts the
next item, whatever ends the line before it. The count must go on by one, so a number in the text
(``… under article`` / ``3) of the statute``) starts nothing unless it is the one that comes next.
"""

from __future__ import annotations

import re

from ..parsed import Line, ListItem
from .blocks import ITEMS
from .runs import ITEM_START, Starts, split_item_lines

#: a counted label: its brackets and full stop around a number or a letter
_COUNTED = re.compile(r"^(?P<open>\(?)(?P<count>\d{1,2}|[A-Za-z])(?P<close>[).]\.?)$")


def _count(label: str) -> tuple[str, int] | None:
    """A counted label's form (its brackets, and whether it counts in digits, small or capital
    letters) and its place in the count; None for a bullet."""
    match = _COUNTED.match(label)
    if match is None:
        return None
    count = match["count"]
    kind = "9" if count.isdigit() else ("a" if count.islower() else "A")
    place = int(count) if count.isdigit() else ord(count.lower()) - ord("a") + 1
    return f"{match['open']}{kind}{match['close']}", place


def _split_counted(item: ListItem, last: dict[str, int]) -> list[ListItem]:
    """An item cut where one of its lines begins with the label that comes next in its form's
    count (``last``: each form's latest place in the list so far, updated)."""
    out: list[ListItem] = []
    label, lines = item.label, [item.lines[0]] if item.lines else []
    _seen(label, last)
    for line in item.lines[1:]:
        match = ITEM_START.match(line) if isinstance(line, str) else None
        count = _count(match["label"]) if match is not None else None
        if isinstance(line, str) and match is not None and count is not None and last.get(count[0]) == count[1] - 1:
            out.append(ListItem(label, tuple(lines)))
            label, lines = match["label"], [line[match.end() :]]
            _seen(label, last)
            continue
        lines.append(line)
    out.append(ListItem(label, tuple(lines)))
    return out


def _seen(label: str, last: dict[str, int]) -> None:
    count = _count(label)
    if count is not None:
        last[count[0]] = count[1]


@ITEMS.rule("counted-items", after="dash-bullets")
def counted_items(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """A line of a counted list's item that begins with the next label (``2)`` after ``1)``)
    starts the next item though the line before ends without a full stop (``1). COL. MOHAMED …
    25`` / ``SEPTEMBER 1966, MENOFYA, MOD`` / ``2). CAPT. …``, 09STATE86227)."""
    if sum(1 for start in starts if start and _count(start["label"])) < 2:
        return None  # (fewer than two lines that begin with a counted label: no count to follow)
    head, items = split_item_lines(lines, starts=starts)
    if not items or _count(items[0].label) is None:
        return None
    last: dict[str, int] = {}
    counted = [piece for item in items for piece in _split_counted(item, last)]
    return (head, counted) if len(counted) > len(items) else None


@ITEMS.rule("run-in-enumeration", before="hyphen-bullets")
def run_in_enumeration(lines: list[Line], starts: Starts) -> tuple[list[Line], list[ListItem]] | None:
    """``His rationale:`` / ``1) All other countries … a lone holdout; 2) Now that Costa`` / ``Rica had opened
    … why not open up to Cuba?; 3)`` / … (08SANJOSE629, 09REYKJAVIK39, 09MEXICO701; 14 pages): a count that
    runs on inside the sentence, its first label put at a line's start by the wrap, is no list: the one line
    that begins with a counted label begins with the first (``1)``, ``(a)``), and the next (``2)``, ``(b)``)
    follows in the same text after a semicolon, a comma or an ``and``. The lines stay the paragraph's text."""
    counted = [(index, _count(match["label"])) for index, match in enumerate(starts) if match is not None]
    if len(counted) != 1:
        return None
    index, count = counted[0]
    if count is None or count[1] != 1:
        return None
    form = count[0]
    after = " ".join(str(x) for x in lines[index:] if isinstance(x, str))
    following = re.escape(form.replace("9", "2").replace("a", "b").replace("A", "B"))
    if re.search(rf"(?:[;,]|\band)\s+{following}\s", after) is None:
        return None
    return list(lines), []
