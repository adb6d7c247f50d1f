"""Chain ``closing.signature`` (run by :mod:`convert.normalize.closing`): the signer's name
after a redaction that ends the text."""

from __future__ import annotations

import re

from ..parsed import Paragraph
from .closing import SIGNATURE
from .names import CAPS_WORD, REDACTED, is_name, words

#: a name in capitals after a run of X's (the withheld words) at the end of the last line
#: (or one name in mixed case with no full stop: ``Biographical Note: XXXXXXXXXXXX Scobey``; in the
#: pages every text that ends in a redaction and one such word is signed so)
_AFTER_REDACTION = re.compile(
    rf"(?<=[Xx]{{4}})\s+(?:(?P<name>{words(CAPS_WORD)})\s*\.?|(?P<mixed>[A-Z][a-z]+(?:-[A-Z][a-z]+)?))\s*$"
)


@SIGNATURE.rule("redaction-signature", after="inline-signature")
def redaction_signature(para: Paragraph, texts: list[str]) -> tuple[str | None, str] | None:
    """``… in 2009. XXXXXXXXXXXX  ROEMER``, ``¶3. (C) XXXXXXXXXXXX SCOBEY``: a name in capitals (or
    one word in mixed case with no full stop: ``Biographical Note: XXXXXXXXXXXX Scobey``)
    after a redaction (the withheld end of the last sentence, or a withheld paragraph) at the
    end of the text written in mixed case signs the cable; the redaction stays in the text. Not
    in a list's item, nor after text in capitals (a redacted name's title); a paragraph that
    is the redaction alone may be (``¶9. (C/NF) XXXXXXXXXXXX MOLLER``)."""
    if para.items:
        return None
    line = texts[-1]
    match = _AFTER_REDACTION.search(line)
    if match is None or not is_name(match["name"] or match["mixed"]):
        return None
    body_text = REDACTED.sub("", " ".join([*texts[:-1], line[: match.start()]]))
    letters = sum(map(str.isalpha, body_text))
    if letters and sum(map(str.islower, body_text)) <= 0.3 * letters:
        return None  # (a paragraph that is a redaction only: ``¶9. (C/NF) XXXXXXXXXXXX MOLLER``)
    return line[: match.start()], line[match.start() :].strip()
