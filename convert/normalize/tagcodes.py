"""The TAGS field read as a list of codes: person tags (``OVIP (CLINTON, HILLARY)``) kept
whole, the words between read by the ``fields.tags`` rules, link residue read as the bare
word (the ``inline.tags`` repairs, as in the TEI)."""

from __future__ import annotations

import re

from .inline import repair
from .rules.fields import TAGS
from .rules.inline import TAG_REPAIRS
from .rules.ruler import Run
from .rules.tags import READ as TAG_READ
from .tokens import plain


def parse_tags(text: str, run: Run) -> list[str]:
    """Tag codes from the TAGS field's text (without the ``TAGS:`` label). Person tags
    ``OVIP (CLINTON, HILLARY)`` stay whole; the words between are read as entries by the
    ``fields.tags`` rules (a phrase of words that are no codes is one entry)."""
    tags: list[str] = []
    pos = 0
    for match in _PERSON_TAG.finditer(text):
        tags.extend(_codes(text[pos : match.start()], run))
        tags.append(" ".join(match.group().split()))
        pos = match.end()
    tags.extend(_codes(text[pos:], run))
    cleaned = []
    for tag in tags:
        tag = tag.strip(".:-")
        if tag and tag not in cleaned:
            cleaned.append(tag.upper() if tag.islower() else tag)
    return cleaned


_PERSON_TAG = re.compile(r"\b(?:[A-Z]{4}|[a-z]{4})\s*\([^)]*\)")  # (a TAGS line may be all lower case)
_TAG_GROUPS = re.compile(r"[,;]+")


def _codes(text: str, run: Run) -> list[str]:
    """Split on commas; the words of a group are entries as the ``fields.tags`` rules read
    them (each word one entry where none does)."""
    out: list[str] = []
    for group in _TAG_GROUPS.split(text):
        words = group.split()
        found: list[str] | None = run.first(TAG_READ, words) if words else None
        out.extend(found if found is not None else words)
    return out


def tags_from(text: str, run: Run) -> list[str]:
    """The TAGS of a TAGS field's text, link residue read as the bare word (the rules of
    ``inline.tags``, as in the TEI)."""
    text = plain(repair(text, run.active(TAG_REPAIRS), run.trial()))
    return parse_tags(TAGS.sub("", text, count=1), run)
