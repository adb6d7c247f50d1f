"""Chain ``closing.lines`` (continued from :mod:`.closing`): the message's serial number
repeated after its text, as a telegram printout ends (``KISSINGER`` / ``BT`` / ``#7890`` /
``NNNN``; the serial is the DE line's, ``DE RUEHC #7890 0841430``).

Without it the serial stopped the closing lines where it stood: ``BT`` and the signer's name
were read as words of the last paragraph, and the cable had no signer.
"""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import LINES
from .ruler import note

#: ``#7890`` alone on its line: a number sign and the serial's digits, nothing else
_SERIAL = re.compile(r"^\s*#\d{1,6}\s*$")


@LINES.rule(
    "end-serial",
    after="end-marker",
    note=note(
        "normalization",
        "The message's serial number after the text (#7890, between BT and NNNN in a telegram printout) is "
        "kept in the closer as fw type=\"end-marker\", out of the text flow.",
    ),
)
def end_serial(line: str, para: Paragraph) -> str | None:
    """``#7890`` on a line of its own after the text (``BT`` / ``#7890`` / ``NNNN``): the
    serial number the telegram repeats after its end marker."""
    return "end-marker" if _SERIAL.match(line) else None
