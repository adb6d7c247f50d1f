"""Stage "closing", chain ``closing.heading``: the signer's name after a page break under the text's
last heading.

A cable cut short after a section's title (08MANAMA127's second section: ``------`` / ``FURTHER CBB
VIGILANCE URGED`` / page line / ``ERELI``, the text of the section lost) ends with a title over its
rule; the page line and the name after it were read as the title's second line, a heading of one
short chunk, and the cable went unsigned.

``name-after-last-heading``: where the text's last block is a heading and its last line, after a
page break, reads as a name alone (``is_name``, in capitals), the heading ends at the page break and
the name is a line of its own after it, which the closing then reads as the signature.
"""

from __future__ import annotations

from collections.abc import Callable

from ..parsed import Furniture, Heading, Paragraph
from .names import is_name
from .ruler import Chain, note

HEADING: Chain[Callable[[Heading], tuple[Heading, Paragraph] | None]] = Chain(
    "closing.heading", "closing", "The text's last block a heading: a name after a page break in it? (first match)"
)


@HEADING.rule(
    "name-after-last-heading",
    note=note(
        "normalization",
        "A name alone after a page break under the text's last heading (a section's title, the section lost) "
        "is not the title's: it is read as the signature.",
    ),
)
def name_after_last_heading(block: Heading) -> tuple[Heading, Paragraph] | None:
    """``FURTHER CBB VIGILANCE URGED`` / page line / ``ERELI``: the title, then the name."""
    lines = block.lines
    breaks = [k for k, x in enumerate(lines) if isinstance(x, Furniture) and x.kind == "page"]
    if not breaks or not any(isinstance(x, str) and x.strip() for x in lines[: breaks[-1]]):
        return None
    after = [x for x in lines[breaks[-1] + 1 :] if isinstance(x, str) and x.strip()]
    if len(after) != 1 or not after[0].strip().isupper() or not is_name(after[0].strip()):
        return None
    at = breaks[-1]
    rest = tuple(x for x in lines[at:] if not isinstance(x, str) or x.strip())
    return Heading(lines[:at], block.rend), Paragraph(rest)
