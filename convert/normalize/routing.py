"""Stage "routing" (its rules: :mod:`convert.normalize.rules.routing`): which leading lines
form the routing header, and what they say (:class:`~convert.normalize.parsed.Routing`)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .dtg import DTG_LINE, parse_dtg
from .parsed import Addressee, Banner, Routing, RoutingLine
from .rules.fields import field_kind
from .rules.joinedrouting import JOINED
from .rules.merged import addressee_texts
from .rules.routing import ADDRESSEE_START, DE, FM, GLUED, INFO, LATER, PRECEDENCE, PREFACE, STARTS, TO, classify
from .rules.ruler import Run

PRECEDENCE_LETTERS = {"Z": "FLASH", "O": "IMMEDIATE", "P": "PRIORITY", "R": "ROUTINE"}
#: an addressee: its routing indicator (``RUEHC``; ``UEHSM``, its R lost: 09BRUSSELS1639; glued to the office with
#: its slash lost, ``RUEHSGAMEMBASSY SANTIAGO``, ``RUEHCSECSTATE WASHDC``: 07BRASILIA1568, 09CAIRO1848), name,
#: precedence, number
_ADDRESSEE = re.compile(
    r"^(?:(?P<prefix>(?:R[A-Z0-9]{3,7}|UE[A-Z][A-Z0-9]{1,4}|ZEN)(?:/R[A-Z0-9]{3,7})*)/"
    r"|(?P<glued>RUEH[A-Z0-9]{1,3}?)(?=(?:AMEMBASSY|AMCONSUL|SECSTATE|USMISSION|USDEL)\b))?(?P<rest>.*\S|.)\s*$"
)
#: a sequence number after white space at the end (``(?<!\s)\s++``: the first white space, then
#: the character before it looked back at, so that ``re`` skips to white space)
#: (a cable sent in two sections numbers it twice, ``PRIORITY 9759-9760``: the first is kept in ``n``)
_SEQ = re.compile(r"\s(?<!\s\s)\s*+(?P<seq>\d{1,5})(?:-\d{1,5})?$")
_LISTS = ("to", "info", "xmt")
#: kinds whose next lines are read with them (``drafting``: the clearances under DRAFTED BY)
_RUNS = (*_LISTS, "drafting")
_FOUND = ("transmission", "station", "serial", "section", "julian", "dtg", "date", "sender")
#: kinds of line that announce a routing header (an old-style record's starts with its action office)
_ANNOUNCE = frozenset({"transmission", "de", "from", "security", "action"})
#: after a blank line in an addressee list, the header goes on only with one of these
_GOES_ON = ("info", "xmt", "bt", "from", "to", "dtg", "de", "security", "action", "page", "drafting", "dashes")


def looks_like_routing(lines: list[str], run: Run) -> bool:
    found = [classify(line, None, run) for line in lines[:12] if line.strip()]
    kinds = set(found)
    if kinds & _ANNOUNCE or ("dtg" in kinds and bool(kinds & {"routing", "to"})):
        return True
    return bool(run.first(STARTS, found))  # (fires in the trial; split_header keeps it)


def split_text_header(lines: list[str], run: Run) -> tuple[list[str], list[str]]:
    """A pasted text's (header lines, body lines): the lines a ``routing.preface`` rule gives
    the header before it, and the banner a ``routing.glued`` rule finds run on at its end."""
    fired: list[str] = []
    pre = _preface(lines, 0, run, fired)
    for name in fired:
        run.fire(name)
    n = split_header(lines[pre:], run) if pre else split_header(lines, run)
    if not n:
        return [], lines
    header, body = lines[: pre + n], lines[pre + n :]
    parts = run.first(GLUED, header[-1].strip())
    if parts:
        return [*header[:-1], parts[0]], [parts[1], *body]
    # a line too long for an addressee: the last addressee and the banner, run together
    parts = run.first(GLUED, body[0].strip()) if body and body[0].strip() else None
    if parts:
        return [*header, parts[0]], [parts[1], *body[1:]]
    return header, body


#: how many prefaces may stand one above the other (a scrape's metadata lines, the
#: partial-extract notice, the classification line printed above an old telegram's header)
_PREFACES = 3


def _preface(lines: list[str], start: int, run: Run, fired: list[str], depth: int = 0) -> int:
    """Where the routing header begins after the prefaces above it from ``start`` (0: no
    preface with a header after it). Prefaces stack: a pre-2000 scrape's metadata lines, then
    the notice of a partial extract, then the page's classification line (91BERLIN3009); the
    rules that found them are added to ``fired``."""
    if depth >= _PREFACES:
        return 0
    look = run.trial()
    found = [(rule.name, n) for rule in run.active(PREFACE) if (n := rule.fn(lines[start:], look))]
    # a preface with the header right after it first (in the chain's order), then one with
    # another preface between
    for name, n in found:
        if split_header(lines[start + n :], look):
            fired.append(name)
            return start + n
    for name, n in found:
        further = _preface(lines, start + n, run, fired, depth + 1)
        if further:
            fired.insert(0, name)
            return further
    return 0


def split_header(lines: list[str], run: Run) -> int:
    """How many leading lines form the routing header (0 when there is none)."""
    trial = run.trial()  # a header that is not one fires nothing
    if not looks_like_routing(lines, trial):
        return 0
    for name in STARTS.names():
        if name in trial.fired:
            run.fire(name)
    state: str | None = None
    end = 0
    seen = False
    for index, line in enumerate(lines):
        if not line.strip():
            if seen and state is not None:
                # a blank line ends the addressee lists unless another header line follows
                # (the next line that is not blank: a pasted page has runs of blank lines)
                after = next((x for x in lines[index + 1 :] if x.strip()), None)
                nxt = classify(after, None, trial) if after is not None else None
                # (or a further addressee with its routing indicator: ``RUEKJCS/SECDEF WASHDC``)
                if nxt not in _GOES_ON and not (after is not None and ADDRESSEE_START.match(after.strip())):
                    break
            continue
        kind = classify(line, state, trial)
        if kind is None:
            break
        seen = True
        end = index + 1
        base = kind.rstrip("+")
        state = base if base in _RUNS else None
    return end


def _ascii_digits(number: str) -> str:
    """A sequence number in ASCII digits (``orgName/@n`` is ``[0-9]+``; a text may write others)."""
    return "".join(str(int(d)) for d in number)


def parse_addressee(text: str, run: Run) -> Addressee:
    match = _ADDRESSEE.match(text.strip())
    assert match is not None
    prefix, rest = match["prefix"] or match["glued"], match["rest"]
    seq = None
    seq_match = _SEQ.search(rest)
    if seq_match and len(rest.split()) > 1:
        seq = _ascii_digits(seq_match["seq"])
        rest = rest[: seq_match.start()]
    words = rest.split()
    precedence = norm = None
    # each rule over both sizes before the next rule: an exact ``PRIORITY`` after a place code
    # (``COMUSNAVEUR LONDON UK PRIORITY``) is found before two words are read as a misspelling
    for rule in run.active(PRECEDENCE):
        for size in (2, 1):
            if len(words) > size:
                fixed = rule.fn(" ".join(words[-size:]).upper())
                if fixed:
                    run.fire(rule.name)
                    precedence, norm, name = " ".join(words[-size:]), fixed, words[:-size]
                    if seq is None and len(name) > 1 and name[-1].isdigit() and len(name[-1]) <= 5:
                        # the number before the precedence: ``AMEMBASSY LONDON 8778 PRIORITY`` (09TRIPOLI320)
                        seq, name = _ascii_digits(name[-1]), name[:-1]
                    return Addressee(text.strip(), " ".join(name), prefix, precedence, norm, seq)
    return Addressee(text.strip(), " ".join(words), prefix, precedence, norm, seq)


@dataclass(slots=True)
class _Reading:
    """What the header's lines said so far."""

    found: dict[str, str | None] = field(default_factory=lambda: dict.fromkeys(_FOUND))
    lines: list[RoutingLine] = field(default_factory=list)
    indicators: list[str] = field(default_factory=list)
    precedences: list[str] = field(default_factory=list)
    to: list[Addressee] = field(default_factory=list)
    info: list[Addressee] = field(default_factory=list)

    def routing(self) -> Routing:
        found = self.found
        return Routing(
            lines=tuple(self.lines),
            transmission=found["transmission"],
            indicators=tuple(self.indicators),
            station=found["station"],
            serial=found["serial"],
            section=found["section"],
            julian=found["julian"],
            dtg=found["dtg"],
            date=found["date"],
            precedences=tuple(self.precedences),
            sender=found["sender"],
            to=tuple(self.to),
            info=tuple(self.info),
        )


def parse_routing(lines: list[str], run: Run) -> Routing:
    reading = _Reading()
    state: str | None = None
    for raw in lines:
        line = raw.strip()
        if not line:
            continue
        kind = classify(line, state, run) or "other"
        base = kind.rstrip("+")
        _take(reading, line, kind, base, run)
        if base in _RUNS:
            state = base
        elif base != "other":
            state = None
    return reading.routing()


def read_later(
    routing: Routing, lines: list[str], own: Banner | None, run: Run, warnings: list[str], header: Sequence[str] = ()
) -> Routing:
    """Where the head gives no date-time group and no FM line, the date, sender, precedence
    and addressees of the header's lines joined into one (``routing.joined``), else of the
    routing block a ``routing.later`` rule finds inside the text for the cable whose banner is
    ``own`` (the head's lines are kept; the block's lines stay in the text)."""
    if routing.date or routing.sender:
        return routing
    joined: list[str] | None = run.first(JOINED, list(header), run) if header else None
    if joined:
        block = joined
        warnings.append(
            "the routing header's lines are joined into one: the date-time group, the FM line and the "
            f"addressees are read from it as the lines it was ({' / '.join(block[:2])})"
        )
    else:
        if own is None or not (own.station and own.serial):
            return routing
        found: tuple[list[str], int] | None = run.first(LATER, lines, own, run)
        if found is None:
            return routing
        block = found[0]
        where = " / ".join(line.strip() for line in block[:2])
        warnings.append(
            f"no routing header at the head of the text: the date-time group, the FM line and the addressees "
            f"are read from the routing block inside the text ({where})"
        )
    later = parse_routing(block, run)
    return dataclasses.replace(
        routing,
        dtg=later.dtg,
        date=later.date,
        precedences=later.precedences,
        sender=later.sender,
        to=routing.to or later.to,
        info=routing.info or later.info,
        repeated=next((line.text for line in later.lines if line.kind == "from"), None),
    )


def _take(reading: _Reading, line: str, kind: str, base: str, run: Run) -> None:
    """What one line of the header says (``kind``: ``to+`` for a further TO addressee)."""
    found = reading.found
    shown = base
    if base == "other":  # a partner's note or database row in the header block
        trial = run.trial()
        if (field_of := field_kind(line, trial)) in ("notice", "wrapper"):
            run.keep(trial)
            shown = str(field_of)
    parsed = parse_dtg(line) if base == "dtg" else None
    reading.lines.append(RoutingLine(shown, line, parsed[0] if parsed else None))
    if base == "transmission":
        found["transmission"] = line
    elif base == "routing":
        reading.indicators.extend(w for w in line.split() if w.startswith("R") and len(w) > 2)
    elif base == "de":
        match = DE.match(line)
        assert match
        found.update(station=match["station"], serial=match["serial"], section=match["section"])
        found["julian"] = match["julian"]
    elif base == "dtg" and found["dtg"] is None:
        match = DTG_LINE.match(line)
        if parsed and match:
            found["date"], letters = parsed
            found["dtg"] = " ".join(match["dtg"].split())
            reading.precedences = [PRECEDENCE_LETTERS.get(p, p) for p in letters.split()]
    elif base == "from" and found["sender"] is None:
        match = FM.match(line)
        assert match
        found["sender"] = " ".join(match["rest"].split())
    elif base in ("to", "info"):
        match = (TO if base == "to" else INFO).match(line) if kind == base else None
        rest = match["rest"] if match else line
        listed = reading.to if base == "to" else reading.info
        listed.extend(parse_addressee(text, run) for text in addressee_texts(rest, run))
