"""Chain ``fields.again`` (run by the normalizer on the preamble's fields, each rule in turn):
a field the preamble writes a second time, the copy a media partner or a database put beside
the cable's own.

Many pages give the preamble twice before the text: a database's row with its copy of the
routing header and the cable's TAGS, SUBJECT and REF lines, then the cable's own preamble
(``<<240168>>`` / ``12/16/2009 14:15`` / … / ``TAGS: …`` / ``SUBJECT: Kenya responds to Sudan
tank demarche`` / ``REF: …`` / ``S e c r e t section 01 of 02 nairobi 002497`` / … /
``SUBJECT: Kenya responds to Sudan tank demarche`` / ``Ref: …``), or a newspaper's copy (its
dateline, the banner, SIPDIS, E.O., TAGS, SUBJECT) and then the cable's. Both copies were read
as the preamble's fields: the second SUBJECT stood in the reading text as a second subject
line (``ab type="subject"``), the second REF field as a second list of references.

``subject-again``: a SUBJECT field after the first whose words (letters and digits, in any
case) are the first's again, or begin with them and go on with the REF or Classified By field
run on after it (a copy that lost its line breaks: ``SUBJECT: … DEMARCHE REF: A. STATE 244333
B. USEU BRUSSELS 4936 Classified By: …``), is the copy's: a wrapper field, kept in the opener
as written (``seg type="wrapper"``). ``refs-again``: so is a REF field after the first whose
words are the first's again; where an earlier one is cut short (``REF: A. ROME DAIL...``,
``REF: A.``: a preview's) and a later one writes it whole, the cut one is the wrapper. A SUBJECT that says
more than the first (``… FORMER AMBASSADORS TO`` / ``… FORMER AMBASSADORS TO IRAN SHARE THEIR
VIEWS``, the cable's own slip) or another subject (a quoted cable's) stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from ..parsed import Field
from .ruler import Chain, Run, note

AGAIN: Chain[Callable[[list[Field]], list[Field] | None]] = Chain(
    "fields.again",
    "fields",
    "A preamble field written a second time (a media partner's or a database's copy of the preamble beside "
    "the cable's own): each rule in turn, over the preamble's fields.",
)

_NOT_ALNUM = re.compile(r"[^0-9A-Z]++")
#: a copy's SUBJECT run on into the next field: what follows the subject's words
_RUNON_FIELD = re.compile(r"^(?:REFS?|REFTEL|CLASSIFIEDBY)")
#: where a preview cut a field short
CUT = re.compile(r"\.\.\.|…")
#: the shortest subject compared (letters and digits): shorter ones say too little to be a copy
_SHORTEST = 12


#: a SUBJECT's label, short or long (``SUBJ: Prime Minister Accuses …`` written again after the
#: Classified By line, the long label's words in capitals before it): compared without it
_SUBJECT_LABEL = re.compile(r"^SUBJ(?:ECT)?")


def plain(text: str) -> str:
    """``text``'s letters and digits, in capitals: what a copy of a field is compared by."""
    return _NOT_ALNUM.sub("", text.upper())


def subject_words(text: str) -> str:
    """A SUBJECT's letters and digits after its label (:func:`plain`)."""
    return _SUBJECT_LABEL.sub("", plain(text), count=1)


def as_wrapper(field: Field) -> Field:
    """``field`` as part of a copy's wrapper (kept in the opener): no longer a field of the
    cable, its references and tokens none."""
    return replace(field, kind="wrapper", refs=None, tokens=())


@AGAIN.rule(
    "subject-again",
    note=note(
        "normalization",
        "A SUBJECT line written a second time in the preamble (a media partner's or a database's copy of the "
        "preamble beside the cable's own) is part of the copy's wrapper, kept in the opener, not a second "
        "subject line in the text.",
    ),
)
def subject_again(fields: list[Field]) -> list[Field] | None:
    """A SUBJECT field after the first whose words are the first's again (letters and digits,
    any case, after the label, short or long: ``SUBJ: Prime Minister Accuses …`` after the
    Classified By line), or begin with them and go on with a REF or Classified By field run on
    after them: a wrapper field."""
    subjects = [k for k, f in enumerate(fields) if f.kind == "subject"]
    if len(subjects) < 2:
        return None
    first = subject_words(fields[subjects[0]].text)
    if len(first) + len("SUBJECT") < _SHORTEST:
        return None
    out = list(fields)
    for index in subjects[1:]:
        words = subject_words(fields[index].text)
        if words == first or (words.startswith(first) and _RUNON_FIELD.match(words[len(first) :])):
            out[index] = as_wrapper(out[index])
    return out if out != fields else None


@AGAIN.rule(
    "refs-again",
    after="subject-again",
    note=note(
        "normalization",
        "A REF list written a second time in the preamble, the same references (a media partner's or a "
        "database's copy of the preamble beside the cable's own), is part of the copy's wrapper, kept in the "
        "opener, not a second list of references in the text.",
    ),
)
def refs_again(fields: list[Field]) -> list[Field] | None:
    """A REF field after the first whose words (letters and digits, any case) are the first's
    again: a wrapper field; and an earlier one cut short (``REF: A. ROME DAIL...``, ``REF:
    A.``, ``REF:``: a preview's) where a later one begins with its words and goes on (the
    copy's whole list)."""
    refs = [k for k, f in enumerate(fields) if f.kind == "refs"]
    if len(refs) < 2:
        return None
    out = list(fields)
    plains = {k: plain(fields[k].text) for k in refs}
    for at, index in enumerate(refs[1:], 1):
        if len(plains[index]) > len("REF") and plains[index] in (plains[k] for k in refs[:at]):
            out[index] = as_wrapper(out[index])
    for at, index in enumerate(refs[:-1]):
        written = fields[index].text
        cut = CUT.search(written)
        stem = plain(written[: cut.start()]) if cut else plains[index]
        if out[index].kind == "refs" and any(
            plains[k].startswith(stem) and len(plains[k]) > len(stem) for k in refs[at + 1 :]
        ):
            out[index] = as_wrapper(out[index])  # the preview's list cut short, the copy's whole after it
    return out if out != fields else None


def again(fields: Sequence[Field], run: Run) -> list[Field]:
    """The ``fields.again`` rules over the preamble's ``fields``, each in turn."""
    out = list(fields)
    for rule in run.active(AGAIN):
        new = rule.fn(out)
        if new is not None:
            run.fire(rule.name)
            out = new
    return out
