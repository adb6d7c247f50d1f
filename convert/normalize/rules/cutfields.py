"""Chain ``fields.whole-classified-by`` (asked by the facts): the Classified By line where the
one the preamble gives is cut short, or where it gives none, read from the text's later copy.

A media partner's page often prints a preview of the cable cut short (``Classified By: Am...``,
07THEHAGUE1295), then its database row with the whole cable. The preview's preamble is the one
the fields are read from; the row's copy holds the classification authority whole
(``Classified By: Ambassador Roland Arnall, reasons 1.4 (b,d)``), or holds the only one where the
preview was cut before it (08THEHAGUE625). ``cut-classified-by`` reads it from there, with the
lines it wraps onto, or from inside a line where the copy lost its line breaks (``… REF: TBILISI
1348 CLASSIFIED BY: AMBASSADOR JOHN F. TEFFT FOR REASONS 1.4 (B) AND (D)``, 08TBILISI1349), up to
the end of its reasons; the preview's words are kept as written in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from ..parsed import Block
from .blocks import PARA_START
from .fields import CLASSIFIED_BY
from .ruler import Chain, note
from .runon import REASONS
from .subjects import copy_lines

WHOLE_CLASSIFIED_BY: Chain[Callable[[str, Sequence[Block]], str | None]] = Chain(
    "fields.whole-classified-by",
    "fields",
    "The whole Classified By line where the one read is cut short (its text given) or missing (an empty text), "
    "from a later copy of the cable (asked by the facts).",
)

#: a Classified By line run on after the copy's other fields (``… SOUTH OSSETIA REF: TBILISI 1348 CLASSIFIED
#: BY: AMBASSADOR …``, 08TBILISI1349: a copy that lost its line breaks)
_GLUED = re.compile(r"(?<=\s)(?:CLASSIFIED|Classified)\s+(?:BY|By):")
#: the most lines a Classified By line wraps onto
_WRAPS = 2


def _copied_lines(blocks: Sequence[Block], cut: bool) -> Iterator[str]:
    """Each Classified By line a copy of the cable writes, with the lines it wraps onto (until its
    reasons end with a stop or a bracket), joined by one space: in a wrapper block (a database
    row's copy) or, for a line cut short, also in unnumbered text; for a missing one, only in a
    wrapper before the first numbered paragraph."""
    for lines in copy_lines(blocks, before_text=not cut, unnumbered=cut):
        for index, line in enumerate(lines):
            glued = _GLUED.search(line) if not CLASSIFIED_BY.match(line) else None  # (a copy that lost its breaks)
            if glued:
                yield _to_reasons(" ".join(line[glued.start() :].split()))
            elif CLASSIFIED_BY.match(line):
                taken = [line]
                for more in lines[index + 1 : index + 1 + _WRAPS]:
                    if taken[-1].rstrip().endswith((".", ")")) or not more.strip() or PARA_START.match(more):
                        break  # (its reasons given: ``… 1.4 (B) AND (D).`` / ``Mr. Deputy Secretary.``)
                    taken.append(more)
                yield _to_reasons(" ".join(" ".join(taken).split()))


#: words in capitals run on after the reasons (``… REASON 1.4(D) EXPLOSIONS NEAR TBILISI``, 08STATE85725)
_RUN_ON = re.compile(r"\s+[A-Z]{2,}\b")


def _to_reasons(text: str) -> str:
    """The line up to its reasons' end where words in capitals run on after them (a copy that lost its
    line breaks); else as it stands."""
    reasons = list(REASONS.finditer(text))
    if reasons and _RUN_ON.match(text, reasons[-1].end()):
        return text[: reasons[-1].end()].rstrip()
    return text


@WHOLE_CLASSIFIED_BY.rule(
    "cut-classified-by",
    note=note(
        "normalization",
        "A Classified By line cut short in a media partner's preview (Classified By: Am...), or missing from "
        "it, is read whole from the text's later copy (the partner's database row); the preview's words stay "
        "as written in the text.",
    ),
)
def cut_classified_by(cut: str, blocks: Sequence[Block]) -> str | None:
    """``Classified By: Am...``: the first Classified By line of a later copy that begins with the
    cut one's words and goes on past them; with no line at all (an empty ``cut``), the first a
    copy before the text writes."""
    stem = " ".join(cut.rstrip(".… ").split())
    for whole in _copied_lines(blocks, bool(stem)):
        if len(whole) > len(stem) and whole.startswith(stem) and not whole.endswith(("...", "…")):
            return whole
    return None
