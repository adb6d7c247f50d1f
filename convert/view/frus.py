"""The cable in the words of a reading edition, as the Foreign Relations of the United States
prints a telegram: the heading ("Telegram From the Embassy in China to the Department of
State"), the dateline ("Beijing, June 2, 2009, 0922Z."), the source note and a citation.

Offices are named from the station table (:mod:`convert.stations`): embassies by country on
the cable's date, consulates by city, missions by body, departments and collectives by name;
several addressees of one kind share a plural ("the Embassies in Venezuela, Ecuador, and
Peru"). An office the table does not hold is named from its routing name
(``AMEMBASSY FOOBAR`` -> "the Embassy in Foobar") or as written. Everything here is plain
text from the view's facts; :mod:`convert.writers.edition` sets it in HTML.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import stations
from ..stations import FrusParts, Station
from .notetext import apostrophes, label_printed, sentence
from .read import DRAFTING

if TYPE_CHECKING:
    from . import CableView

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
#: more action addressees than this make a circular ("… to 42 Posts"), as FRUS names them
MAX_NAMED_ADDRESSEES = 10
#: "Repeated to" names this many offices, then counts the rest (all are in the appendix)
MAX_REPEATED = 12
#: the kinds of office that are posts (a circular to posts only is "to N Posts"; a collective is many posts, so a
#: circular to one is "to N Addressees": 10STATE9124's 17 include the IAEA and EU member states collectives)
POST_KINDS = frozenset({"embassy", "consulate", "mission", "interests-section", "liaison", "delegation"})
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?")
_PREFIXES = {"AMEMBASSY": ("Embassy", "in"), "AMCONSUL": ("Consulate", "in"),
             "USMISSION": ("Mission", "in"), "USINT": ("Interests Section", "in"),
             "USLO": ("Liaison Office", "in")}
_ORIGIN = re.compile(r"^(Embassy|Consulate|Consulate General|Mission)\s+(.+)$")
_OFFICE_LIKE = re.compile(r"[A-Za-z][A-Za-z .,&'/()-]*")


# ------------------------------------------------------------------------------ dates
def date_in_words(iso: str | None) -> str | None:
    """``2009-06-02T09:22:00Z`` -> ``June 2, 2009``; None when there is no date."""
    match = _ISO_DATE.match(iso or "")
    if match is None or not 1 <= int(match[2]) <= 12:
        return None
    return f"{MONTHS[int(match[2]) - 1]} {int(match[3])}, {match[1]}"


def time_of_day(iso: str | None) -> str | None:
    """``2009-06-02T09:22:00Z`` -> ``0922Z`` (a date-time group's time, in UTC)."""
    match = _ISO_DATE.match(iso or "")
    if match is None or match[4] is None:
        return None
    return f"{match[4]}{match[5]}Z"


def join_words(items: Sequence[str]) -> str:
    """``A``; ``A and B``; ``A, B, and C`` (the serial comma, as FRUS has it)."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


# ------------------------------------------------------------------------------ offices
@dataclass(frozen=True, slots=True)
class Named:
    """An office in words: its heading name, its parts (for a plural), its short name (for
    "Repeated to": a post's city), its place (for a dateline) and whether it is a post."""

    text: str  # "the Embassy in China"
    parts: FrusParts | None  # ("Embassy", "in", "China") when it can share a plural
    short: str  # "Beijing" for an embassy or consulate, else the text
    city: str | None  # where it is, when known
    post: bool

    @property
    def key(self) -> tuple[str, str]:
        """What tells two offices apart: the name in words and the city (the Embassy in Kazakhstan at Astana and
        at Almaty are two; two routing names of one office, one)."""
        return (self.text, self.short)


def _title(words: str) -> str:
    return " ".join(word.capitalize() for word in words.split())


def _from_station(row: Station, date: str | None, written: str | None = None) -> Named:
    """The office in words on ``date``: its country and city as named then (Leningrad in
    1976, St. Petersburg in 2009); ``written`` is its routing name as the cable writes it."""
    parts = stations.frus_parts(row, date, written)
    text = stations.frus_name(row, date, written)
    if not text.startswith(("the ", "All ")) and row.frus:
        text = row.frus
    city = stations.city_on(row, date, written)
    short = city if row.kind in {"embassy", "consulate"} and city else text
    return Named(text, parts, short, city or None, row.kind in POST_KINDS)


def _unknown(name: str) -> Named:
    """An office the table does not hold, named from its routing or origin name."""
    office = stations.clean_office(name)
    head, _, rest = office.partition(" ")
    if head == "USMISSION" and rest and not stations.banner_offices(rest):
        # a mission to a body, not in a place: ``USMISSION NATO`` is the table's USNATO; one the
        # table does not know keeps the body's name as written (``the Mission to OECD PARIS``)
        row = stations.by_office("US" + rest.split()[0])
        if row is not None:
            return _from_station(row, None)
        return Named(f"the Mission to {rest}", None, f"the Mission to {rest}", None, True)
    if head in _PREFIXES and rest:
        title, preposition = _PREFIXES[head]
        place = _title(rest)
        return Named(f"the {title} {preposition} {place}", FrusParts(title, preposition, place),
                     place, place, True)
    origin = _ORIGIN.match(" ".join(name.split()))
    if origin:
        title, place = origin[1], origin[2]
        return Named(f"the {title} in {place}", FrusParts(title, "in", place), place, place, True)
    written = " ".join(name.split())
    if office and written.isupper():  # a routing name: without its office symbol (``//POLAD//``), ``POUCH)``
        written = office
    return Named(written, None, written, None, False)


def name_office(name: str, date: str | None = None) -> Named:
    """A routing name (``AMEMBASSY BEIJING``, ``SECSTATE WASHDC``) in words on ``date``."""
    row = stations.by_addressee(name)  # (a post named bare, its office not written: ``SAO PAULO``)
    return _from_station(row, date, name) if row is not None else _unknown(name)


def sender(view: CableView) -> Named | None:
    """The sending office: from the FM line, else the origin name, else the banner."""
    date = view.date
    for name in view.sender:
        return name_office(name, date)
    origin = view.header.origin
    row = stations.find(origin=origin, banner=banner_station(view) or id_station(view.id))
    if row is not None:
        return _from_station(row, date)
    return _unknown(origin) if origin else None


def banner_station(view: CableView) -> str | None:
    """The station of the cable's message reference or banner (``BEIJING 001463``)."""
    banner = view.banner or ""
    match = re.search(r"([A-Z][A-Z .'-]*?)\s+0*\d{3,6}\b", banner.upper())
    return match[1].strip() if match else None


def id_station(cable_id: str) -> str | None:
    """The station a cablegate id is built from (``85BEIRUT992`` -> ``BEIRUT``): the last
    resort for a cable whose text names no sender."""
    match = re.match(r"\d{2}([A-Z]{3,})\d+\b", cable_id)
    return match[1] if match else None


def _distinct(names: Iterable[str], date: str | None) -> list[Named]:
    """The offices named, each once: two routing names of one office (``AMEMBASSY ASTANA``, ``RUEHTA/AMEMBASSY
    ASTANA``) are one; two posts one name gives in words (the Embassy in Kazakhstan at Astana and at Almaty,
    07ISLAMABAD1583) are two, told apart by their city."""
    seen: dict[tuple[str, str], Named] = {}
    for name in names:
        named = name_office(name, date)
        seen.setdefault(named.key, named)
    return list(seen.values())


def _others(named: list[Named], origin: Named | None) -> list[Named]:
    """The offices named, the sender's own left out: a post that lists itself among its addressees
    (``TO RUEHSJ/AMEMBASSY SAN JOSE`` / ``RUEHC/SECSTATE WASHDC``, 08SANJOSE71; ``INFO … RUEHSG/AMEMBASSY
    SANTIAGO``, 10SANTIAGO254) keeps a copy for its own file; the heading and the note name those it was sent to."""
    return [office for office in named if origin is None or office.key != origin.key]


def addressees(named: Sequence[Named]) -> str:
    """Offices in words, those of one kind together: "the Department of State and the
    Embassies in Venezuela, Ecuador, and Peru"."""
    groups: dict[object, list[Named]] = {}
    for item in named:
        key: object = (item.parts.title, item.parts.preposition) if item.parts else item.text
        groups.setdefault(key, []).append(item)
    phrases = []
    for members in groups.values():
        parts = members[0].parts
        if len(members) == 1 or parts is None:
            phrases.append(members[0].text)
        else:
            plural = stations.PLURALS.get(parts.title, parts.title + "s")
            places = join_words(list(dict.fromkeys(m.parts.place for m in members if m.parts)))  # (Astana, Almaty)
            phrases.append(f"the {plural} {parts.preposition} {places}")
    return join_words(phrases)


# ------------------------------------------------------------------------------ the parts
def heading(view: CableView) -> str:
    """``Telegram From the Embassy in China to the Department of State``."""
    origin = sender(view)
    everyone = _distinct(view.to, view.date)
    to = _others(everyone, origin) or everyone
    kind = "Telegram"
    if len(to) > MAX_NAMED_ADDRESSEES:
        kind = "Circular Telegram"
        whom = f"{len(to)} Posts" if all(a.post for a in to) else f"{len(to)} Addressees"
    else:
        whom = addressees(to)
    text = kind
    if origin is not None:
        text += f" From {origin.text}"
    if whom:
        text += f" to {whom}"
    return text if text != kind else f"{kind} {view.id}"


def dateline(view: CableView) -> str:
    """``Beijing, June 2, 2009, 0922Z.``: where and when it was sent, in words (the time
    only when the telegram gives its date-time group); empty when neither is known."""
    origin = sender(view)
    parts = [origin.city] if origin is not None and origin.city else []
    day = date_in_words(view.date)
    if day:
        parts.append(day)
        time = time_of_day(view.date) if view.dtg else None
        if time:
            parts.append(time)
    return ", ".join(parts) + "." if parts else ""


#: the name the readers give the text read from standard input (``cat FILE | cable-convert -``)
STDIN = "<stdin>"


def _source(view: CableView) -> str:
    copy = view.copy
    released = date_in_words(copy.released)
    where = {
        "cablegate": "WikiLeaks cablegate page" + (f", released {released}" if released else ""),
        "cables.csv": "cables.csv" + (f", row {copy.row}" if copy.row else ""),
    }.get(copy.kind)
    if where is None and copy.name == STDIN:  # pasted or piped: no file to name
        where = "text as given on standard input"
    if where is None:
        where = f"text as given in {copy.name}" if copy.name else "text as given"
    return f"Department of State telegram {view.id}; {where}"


def marking(view: CableView) -> str:
    """``Unclassified; Priority; SENSITIVE; SIPDIS``: level and precedence as FRUS writes
    them, then the handling caveats as the cable does."""
    level = view.level.title() if view.level else "Classification not stated"
    items = [level]
    if view.precedence:
        items.append(view.precedence.title())
    items += [c for c in view.caveats if c != view.level]  # LIMITED OFFICIAL USE is both
    return "; ".join(items)


def _corrected(why: str) -> str:
    """``Sent as a corrected copy (ADDED TAGS)``; what was corrected after a colon where it has brackets of
    its own (``Sent as a corrected copy: (PARAGRAPH 10) NOTE ADDED``)."""
    if not why:
        return "Sent as a corrected copy"
    return f"Sent as a corrected copy: {why}" if "(" in why or ")" in why else f"Sent as a corrected copy ({why})"


def repeated_to(view: CableView) -> str | None:
    """``Repeated to Tokyo, Seoul, and the Mission in Geneva``, or None."""
    named = _others(_distinct(view.info, view.date), sender(view))
    if not named:
        return None
    # a line the header's reader took for an addressee (``LOG-00 AID-00``, ``029700``) is
    # counted, not named
    nameable = [n for n in named if n.parts is not None or _OFFICE_LIKE.fullmatch(n.text)]
    # one addressee past the limit is named, not counted (``… Panama City, and the Secretary of Defense``)
    limit = MAX_REPEATED + 1 if len(nameable) == len(named) == MAX_REPEATED + 1 else MAX_REPEATED
    shown = [n.short for n in nameable[:limit]]
    rest = len(named) - len(shown)
    if rest:
        shown.append(f"{rest} other addressee{'s' if rest > 1 else ''} (see Transmission)")
    return "Repeated to " + join_words(shown)


def drafting(view: CableView) -> str | None:
    """``Drafted by DRL/AWH:O'SULLIVANSX; approved by …`` from the front matter, or None."""
    lines = []
    for line in view.drafting:
        label = DRAFTING.match(line)
        if label:
            lines.append(f"{label[1].lower()} by {line[label.end():].strip()}")
    if not lines:
        return None
    text = "; ".join(lines)
    return text[0].upper() + text[1:]


def source_note(view: CableView) -> list[tuple[str, str]]:
    """The source note as (kind, sentence) pairs, in FRUS's order: where this copy comes from
    (a partial extract, a corrected copy and what it corrected), the classification, precedence
    and handling, who else received it; then what the cable's
    front matter adds (drafting, TAGS, E.O. and Classified By lines); last, where the witnesses
    of a fact disagree (the text and the page's table, the banner and the routing header)."""
    note = [("source", sentence("Source: " + _source(view)))]
    if view.partial:
        note.append(("partial", "A partial extract of the original cable."))
    if view.corrected is not None:
        note.append(("corrected", sentence(_corrected(view.corrected))))
    note.append(("marking", sentence(marking(view))))
    if view.addressed:  # (whose "I" the text is, and to whom it speaks)
        note.append(("addressed", sentence(view.addressed)))
    for kind, text in (("repeated", repeated_to(view)), ("drafting", drafting(view))):
        if text:
            note.append((kind, sentence(text)))
    if view.tags:
        note.append(("tags", sentence("TAGS: " + ", ".join(view.tags))))
    note += [("declassification", sentence(line)) for line in view.declassification]
    note += [("classified-by", sentence(apostrophes(label_printed(line)))) for line in view.classified_by]
    note += [("discrepancy", sentence(discrepancy(text))) for text in view.discrepancies]
    return note


#: the fact a discrepancy note names first (``id: the banner gives …``), as the source note names it
_FACT_NAMES = {"id": "Telegram number", "date": "Date", "origin": "Origin", "classification": "Classification"}


def discrepancy(text: str) -> str:
    """A discrepancy note as the source note says it: the fact's name, then what each witness
    gives and which the edition kept (``Telegram number: the banner gives 09ULAANBAATAR234, the
    routing header and the cablegate table 09CHISINAU694: the text seems to be …``), as FRUS
    editors note where a document's copies disagree."""
    fact, colon, rest = text.partition(": ")
    if not colon:
        return text
    return f"{_FACT_NAMES.get(fact, fact[:1].upper() + fact[1:])}: {rest}"


#: a straight quotation mark that opens (at the start, after a space or an opening bracket) or one of
#: the title's own curly ones
_OPENING_MARK = re.compile(r"(?:(?<=^)|(?<=[\s(\[]))[\"']|\u201c")
_CLOSING_MARK = re.compile(r"[\"\u201d]|(?<=[\w.,!?])'(?=[\s,.;:!?)\]]|$)")


def _single_marks(title: str) -> str:
    """A quotation inside a quoted title in single curly marks (``"ERRORS"``, ``'COSTA RICA, INC.'``
    -> ``‘ERRORS’``, ``‘COSTA RICA, INC.’``); an apostrophe stays (``PANAMA'S``)."""
    return _CLOSING_MARK.sub("\u2019", _OPENING_MARK.sub("\u2018", title))


#: what ends a title before the citation's comma: a stop after a word (not ``U.S.``, an ellipsis or an
#: abbreviation's: ``… KEE, JR.``), a colon, semicolon or comma (``… COMPLY.``, ``… DOWNFALL,`` -> ``… COMPLY,”``)
_TITLE_END = re.compile(
    r"(?:(?<=[A-Za-z0-9)\]]{2})(?<!\.[A-Za-z])(?<!\bJR)(?<!\bSR)(?<!\bINC)(?<!\bLTD)\.|\s*[:;,])$", re.I
)
_MARKED_END = re.compile(r"([?!]),\u201d")


def citation(view: CableView) -> str:
    """A ready citation: ``Telegram 09BEIJING1463 from the Embassy in China to the Department
    of State, "SUBJECT," June 2, 2009, 0922Z; WikiLeaks cablegate page, released ….``"""
    kind, _, rest = heading(view).partition(" From ")
    pieces = [f"{kind.removesuffix(' ' + view.id)} {view.id}" + (f" from {rest}" if rest else "")]
    if view.header.subject:  # quotation marks inside the subject become single ones, inside the citation's
        pieces.append(f"\u201c{_TITLE_END.sub('', _single_marks(view.subject))}\u201d")
    pieces += [w for w in (date_in_words(view.date), time_of_day(view.date) if view.dtg else None) if w]
    # the comma inside the quotes, none after a title's own question or exclamation mark
    text = _MARKED_END.sub("\\1\u201d", ", ".join(pieces).replace("\u201d, ", ",\u201d "))
    return sentence(f"{text}; {_source(view).split('; ', 1)[1]}")


def bookmark(view: CableView) -> str:
    """``09BEIJING1463 — CHINA OBJECTS TO …``: the cable's entry in a PDF outline and title."""
    return f"{view.id} \u2014 {view.subject}"
