"""The read side's types: what a cable's TEI states, typed (see :mod:`convert.view`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, datetime

from ..textview import collapse
from ..vocab import LEVELS, level_name

#: what a banner line may begin with, longest first
_BANNER_STARTS = sorted((*LEVELS, "UNCLAS"), key=len, reverse=True)
_SPACED = re.compile(r"((?:[A-Z] )+[A-Z])\b")


@dataclass(frozen=True, slots=True)
class Office:
    """A sender or addressee as the routing header names it (``SECSTATE WASHDC``)."""

    name: str
    routing: str | None = None  # the routing indicator (``RUEHC``)
    precedence: str | None = None  # ``PRIORITY``, ``IMMEDIATE``, ``NIACT IMMEDIATE``…
    sequence: str | None = None  # the addressee's message number


@dataclass(frozen=True, slots=True)
class Reference:
    """A REF line entry: its label (``A``), its text and the cable it names, if known."""

    label: str | None
    text: str
    cable_id: str | None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph of the telegram: its number, portion marking and text."""

    n: str | None
    marking: str | None
    text: str

    def first_words(self, count: int = 8) -> str:
        """The first ``count`` words of the text (a bookmark, a table of contents)."""
        return " ".join(self.text.split()[:count])

    def label(self, count: int = 6) -> str:
        """``¶4 Li responded that China objects to…``: the number and the first words (a
        bookmark, a navigation entry); an ellipsis when the text goes on."""
        words = self.text.split()
        shown = " ".join(words[:count]) + ("\u2026" if len(words) > count else "")
        return f"\u00b6{self.n} {shown}".strip() if self.n else shown


@dataclass(frozen=True, slots=True)
class Appended:
    """A second cable appended after the cable's own text, as its own text states it (none
    of these facts is the cable's)."""

    part: str  # the xml:id of its div (``c09BEIJING1463-appended-1``)
    cable_id: str | None
    date: str | None
    origin: str | None
    subject: str | None
    signer: str | None


@dataclass(frozen=True, slots=True)
class Header:
    """The header's facts as the TEI states them (``None`` where it is silent)."""

    cable_id: str | None
    date: str | None  # ISO 8601: the date-time group's, else the source metadata's creation
    sender: str | None  # the FM line's office (``AMEMBASSY BEIJING``)
    origin: str | None  # the cablegate convention (``Embassy Beijing``)
    to: tuple[Office, ...]
    info: tuple[Office, ...]
    level: str | None  # one of vocab.LEVELS, or None
    caveats: tuple[str, ...]  # handling: SIPDIS, NOFORN, EXDIS…
    subject: str | None
    tags: tuple[str, ...]
    references: tuple[Reference, ...]
    signer: str | None
    sections: int | None
    lang: str
    appended: tuple[Appended, ...] = ()

    precedence: str | None = None  # the message's (its first action addressee's, else the DTG's prosign)

    @property
    def marking(self) -> str | None:
        """The classification in the cablegate convention (``SECRET//NOFORN``)."""
        from ..normalize.facts import classification_record

        return classification_record(self.level, list(self.caveats)) if self.level else None


@dataclass(frozen=True, slots=True)
class Item:
    """An item of a list: the label before it (``A)``), its ``n`` and its text."""

    label: str | None
    n: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Block:
    """One block of the body's reading text, in order: its TEI element (``p``, ``head``,
    ``ab``, ``list``, ``opener``, ``closer``…) and that element's ``type`` (``subject``,
    ``heading``, ``references``…). A paragraph's number and portion marking are apart from
    its text (``n``, ``marking``); a list's head is its text, its entries are ``items``."""

    kind: str
    subtype: str | None
    text: str
    n: str | None = None
    marking: str | None = None
    items: tuple[Item, ...] | None = None  # a list's entries (None for any other block)


@dataclass(frozen=True, slots=True)
class Copy:
    """Where this copy of the cable comes from, as the TEI's source description says."""

    kind: str  # "cablegate" (a cablegate page), "cables.csv" (a row), "file" (text as given)
    name: str | None  # the file as given (its base name), or None
    row: str | None  # the cables.csv row
    released: str | None  # ISO 8601: when the page or row was released


@dataclass(frozen=True, slots=True)
class Body:
    """What the writers need from the telegram's body besides its layout."""

    #: the telegram's numbered paragraphs, in order: the cable's own, not an appended second cable's
    paragraphs: tuple[Paragraph, ...]
    summary: str | None  # the summary passages, joined
    #: the whole reading text of the TEI body, block by block, in order (every word of it:
    #: headings, numbered and unnumbered paragraphs, lists, the opener and closer lines)
    blocks: tuple[Block, ...] = ()


def clean(text: str | None) -> str:
    """Collapse runs of whitespace; strip."""
    return collapse(text or "")


def iso_to_epoch(value: str | None) -> int | None:
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text[:10])
        except ValueError:
            return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def epoch_to_iso(epoch: int) -> str:
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


#: what is shown where the text states no classification (issue 10: never UNCLASSIFIED)
NOT_STATED = "CLASSIFICATION NOT STATED"


def banner_level(banner: str | None) -> str:
    """The level a banner line begins with (``C O N F I D E N T I A L VATICAN 001261`` ->
    ``CONFIDENTIAL``); the line up to ``//`` when it begins with none. Only for a TEI that
    states no level: the normalizer's level is the TEI's ``note/@subtype``. No banner at all:
    ``CLASSIFICATION NOT STATED`` (a classification not found is never shown as UNCLASSIFIED)."""
    text = clean(banner or "").upper()
    if not text:
        return NOT_STATED
    if re.fullmatch(r"(?:[A-Z] )+[A-Z]\b.*", text):  # letters spaced out on the banner line
        spaced = _SPACED.match(text)
        if spaced:
            text = spaced[1].replace(" ", "") + text[spaced.end():]
    for start in _BANNER_STARTS:
        if text.startswith(start):
            return level_name(start) or start
    return text.split("//")[0] if text else "UNCLASSIFIED"
