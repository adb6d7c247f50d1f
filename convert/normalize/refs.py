"""The one REF parser: a REF field's label, its lettered items, and the cables they name.

``REF: A. TBILISI 1605 B. 08 ROME 721`` -> head ``REF:``, items A (``TBILISI 1605``, the
cable 09TBILISI1605 with its year taken from the citing cable) and B (08ROME721). The
preamble asks it where a REF field ends (:func:`last_label`), the field keeps what
:func:`parse_refs` made of it, and facts and TEI read that.
"""

from __future__ import annotations

import dataclasses
import re

from .. import stations
from .parsed import Ref, RefList

#: the field's label: ``REF:``, ``REFTEL``, ``REFS.``, ``Ref A:``, ``Ref(s):``
#: a cable ahead: a station (after a two-digit year or not), then its serial
_CABLE_AHEAD = r"(?=(?:\d{2}\s+)?[A-Z]{3,}(?:\s[A-Z]+){0,3}\s+\d)"
#: a letter after ``REF`` with no stop, then a cable (``REF A 09 CAIRO 074 REF B 08 CAIRO 784``)
_BARE = r"REF\s+(?P<c>[A-Z])\s+" + _CABLE_AHEAD
REF = re.compile(
    r"^\s*(?:¶\s*)?REF(?:\(S\)|(?:S|TEL|TELS|ERENCES?|REF)?\b)(?:\s+[A-Z](?=\s*:)|\s+[A-Z]\s+" + _CABLE_AHEAD + r")?"
    r"\s*(?:\.\s?:|[:.])?"  # (``REF.:``)
    # the label written again before a cable (``REF: REF 07 KOLKATA 88``, ``REF: REFTEL KABUL 02245``)
    r"(?:\s+REF(?:TELS?)?\s+" + _CABLE_AHEAD + r")?",
    re.I,
)
_REF_LABEL = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=;)|(?<=,)|(?<=\d)(?=[A-Z][.)]\s))(?:¶\s*)?(?:"  # (``STATE 14201B. GENEVA 133``)
    + _BARE
    + r"|(?:REF\s+)?(?:\(\s?(?P<a>[A-Za-z])\s?\)|(?P<b>[A-Za-z])(?:[.)](?=\s|[A-Z]|(?:\d\d){1,2}\s)|:(?=\s)))"
    # (a letter after B with no stop, then a cable, ``A. SECSTATE 90063`` / ``B KUALA LUMPUR 739``, or glued to a date,
    # ``A. 01/11/10 ERELI-RICCIARDONE E-MAIL B01/10/10 ERELI-HALE TELCON C. 09 MANAMA 731``)
    + r"|(?P<d>[B-Z])(?:\s+" + _CABLE_AHEAD + r"|(?=\d{1,2}/\d{1,2}/\d{2,4}\s)))\s*",
)
_HEAD_LETTER = re.compile(r"\b([A-Z])\s*:?$")
MONTH_WORDS = frozenset("JAN FEB MAR APR MAY JUN JUL AUG SEP SEPT OCT NOV DEC JANUARY FEBRUARY MARCH APRIL JUNE JULY "
                        "AUGUST SEPTEMBER OCTOBER NOVEMBER DECEMBER".split())
#: ``05 PARIS 7528``, ``PARIS 7528``, the cablegate form ``09BOGOTA569``, a year after the serial ``PANAMA 00933/08``
#: or in parentheses ``THE HAGUE 3128 (2005)``, a five- or six-digit serial written in eight (``STATE 00218123``,
#: ``STATE 00028885``; not a page's own number, ``STATE 00120578 002 OF 003``, nor a shorter serial written so:
#: ``TRIPOLI 00000948`` heads a page). Not a serial an ellipsis cuts off (``DUSHANBE 16...``, a partial extract's end)
_CABLE_REF = re.compile(
    # (a year before the station, or in brackets: ``(08) SAO PAULO 497``)
    r"^\s*(?:['’](?=\d\d\s))?(?:(?P<year>\d{4}|\d{2}|O\d)(?:\s+|(?=[A-Z]{3}))|\((?P<pyear>\d\d)\)\s*)?"
    r"(?P<station>[A-Za-z][A-Za-z]+(?:\s[A-Za-z]+){0,3}?(?:0(?=\s+\d))?)\s*"
    r"(?:(?P<mid>\d\d)\s+(?=\d{4,6}\b))?"  # (the year between the station and the serial: ``SECSTATE 06 163201``)
    r"(?P<serial>\d{1,6}|(?:0{1,2}[1-9]\d{5}|000[1-9]\d{4})(?!\s+\d{3}(?:\.\d)?\s+OF\b))(?:/(?P<after>\d{2})\b(?<=\d{3}/\d\d))?\b(?![/\d]|:(?!\s)|-(?!-)|\.\.|…)"
    r"(?:\s?\((?P<paren>(?:19|20)?\d\d)\))?"
    # the cable's date after it, its year written whole (``BOGOTA 3361 12 NOV 2009``, 10STATE369)
    r"(?:,?\s+(?i:OF\s+|DATED\s+|DTD\s+)?\(?(?P<day>\d{1,2}\s+)?(?i:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"
    r"[A-Za-z]{0,6}\.?\s+(?:\d{1,2},?\s+)?(?P<dated>(?:19|20)\d\d)\b\)?)?"
    # the year after the serial and a space, ending the item (``KABUL 5679 06``, 07KABUL1032)
    r"(?:\s(?P<spaced>\d\d)(?=\s*$))?"
)
#: number first: ``00821 ASMARA`` (the whole item; the station must be one the table knows), or the serial alone
_NUMBER_FIRST = re.compile(r"\s*(?P<serial>\d{3,6})(?:\s+(?P<station>[A-Z]{3,}(?:\s[A-Z]{2,}){0,2}))?\s*$")
#: a word in capitals right after a serial (``ATTACHMENT 1 TO LOR``, ``UNSCR 1737 SANCTIONS``):
#: with a station the table does not know, a title, not a cable; what an item may say after a
#: cable's number (``AND PREVIOUS``, ``NOTAL``, ``DTG 070102Z``) is not such a word
_WORDS_AFTER = re.compile(r"\s++(?!(?:AND|PREVIOUS|NOTAL|DATED|DTG|OF|ON)\b)[A-Z]{2,}\b")
NOT_STATIONS = frozenset(
    "EMAIL TELECON LETTER FAX MEMO DIPNOTE NOTE AND OF THE NO PARA PARAS PARAGRAPH SECTION PAGE REFTEL REF TEL "
    "IIR CIA DAILY INCSR SECDEF".split()  # (``PRAGUE DAILY 08.11.2008``, ``INCSR BRAZIL 2008``: a daily, a report;
    # ``SECDEF 122723``: a Defense message, no State cable)
)
#: an office's word before the station (``EMBASSY VIENNA 1450``: the cable is Vienna's)
_OFFICE_WORD = re.compile(r"(?:AM)?EMBASSY\s|(?:AM)?CONSUL(?:ATE)?\s")

#: a REF field that says there are none: ``REF: N/A``, ``REF: NONE``, ``Ref: (None).``
_NO_REFS = re.compile(r"\(?(?:N/?A|NONE|NIL|NOT APPLICABLE)\)?\.?", re.I)

Item = tuple[str | None, str | None, str]  # (letter, label as written, text)
#: the separators that end an item before the next (``STATE 363024,``, ``(NOTAL),;``, ``QUITO 5 AND``,
#: ``HAVANA 500 &``) (matched at the start of the item reversed, so that it is tried once, from the end)
_TAIL_REVERSED = re.compile(r"\s*+(?:DNA\s++)?(?:[,;]\s*+)++|\s*+(?:DNA|&)\s++", re.I)


def split_refs(text: str, first: str = "A") -> list[Item]:
    """``A. TBILISI 1605 B. ROME 721`` -> [("A", "A.", "TBILISI 1605"), ("B", "B.", "ROME 721")]:
    (letter, label as written, text). Labels must run A, B, C… to tell them from initials, in
    either case (``a. State 77660 b. Berlin 1000``: the letter is given in capitals); after the first, a letter
    with no stop before a cable goes on the list (``A. SECSTATE 90063 B KUALA LUMPUR 739``)."""
    cuts: list[tuple[int, int, str]] = []
    expected = first  # (``B`` when the field's label named A: ``REF A 09 CAIRO 074 REF B …``)
    for match in _REF_LABEL.finditer(text):
        letter = (match["a"] or match["b"] or match["c"] or match["d"]).upper()
        if match["d"] and not (cuts and letter == expected):
            continue  # (a bare letter only goes on a list its labels began: ``A. …`` then ``B KUALA LUMPUR 739``)
        if letter == expected:
            cuts.append((match.start(), match.end(), letter))
            expected = chr(ord(expected) + 1)
        elif cuts and letter == cuts[-1][2] and _again(text, cuts[-1][1], match):
            cuts.append((match.start(), match.end(), letter))
    if not cuts:
        return [(None, None, text.strip())] if text.strip() else []
    items: list[Item] = []
    if text[: cuts[0][0]].strip():
        items.append((None, None, text[: cuts[0][0]].strip()))
    for index, (start, end, letter) in enumerate(cuts):
        stop = cuts[index + 1][0] if index + 1 < len(cuts) else len(text)
        body = text[end:stop].strip()
        twice = _LABEL_AGAIN.match(body)
        if twice and (twice["a"] or twice["b"]).upper() == letter:  # ``A. A) KYIV 02080``, ``A. (A) REYKJAVIK 118``
            end += len(text[end:stop]) - len(text[end:stop].lstrip()) + twice.end()
            body = body[twice.end() :]
        items.append((letter, text[start:end].strip(), body))
    return items


#: the item's letter written again at the start of its text, bracketed (``A. A) KYIV 02080``); not
#: ``A.``, which may be an initial (``A. A. SMITH LETTER``)
_LABEL_AGAIN = re.compile(r"(?:\((?P<a>[A-Za-z])\)|(?P<b>[A-Za-z])\))\s+")
_TEXT_WORD = re.compile(r"\b(?!REF)\w", re.I)


def _again(text: str, after: int, match: re.Match[str]) -> bool:
    """A label written again for the next item (``A) TALLINN 366 B) LEE-GOLDSTEIN EMAIL 05/11/07
    B) TALLINN 347``): the item before has text, and a cable's reference follows the label (a
    letter that only repeats a word's initial names none) that is not the item's own again."""
    between = text[after : match.start()]  # (not only a label word: ``A. REFTELS: (A) PARAMARIBO 501``)
    named = resolve_ref(text[match.end() :], 2000)[0]
    if _TEXT_WORD.search(between) is None or named is None:
        return False
    before = resolve_ref(between, 2000)[0]  # the item written again, cut short: ``B. 08 MANAMA 610 B. 08 MANAMA 61``
    return before is None or not before.startswith(named)


def split_ref_field(text: str) -> tuple[str, list[Item]]:
    """The field label (``REF:``, ``Ref A:``) and its items; a letter in the label
    (``Ref A:``) names a single unlabelled item."""
    match = REF.match(text)
    head = text[: match.end()].strip() if match else ""
    letter = _HEAD_LETTER.search(head) if head.upper().startswith("REF") else None
    items = split_refs(text[match.end() :] if match else text, chr(ord(letter.group(1).upper()) + 1) if letter else "A")
    if letter and items and items[0][0] is None and head.upper().startswith("REF"):
        items[0] = (letter.group(1), None, items[0][2])
    return head, items


def last_label(text: str) -> str | None:
    """The letter of the last label written in a REF field's text (``B`` for ``REF: A. X B. Y``): the next line
    that starts with the next letter goes on with the field."""
    letters = [letter for letter, written, _ in split_ref_field(text)[1] if written]
    return letters[-1] if letters else None


def resolve_ref(text: str, own_year: int | None) -> tuple[str | None, bool]:
    """The cablegate id a reference names (``05 PARIS 7528`` -> ``05PARIS7528``), and
    whether its year was inferred from the citing cable."""
    match = _CABLE_REF.match(text)
    if not match:
        return None, False
    return _resolved(match, own_year)


def _number_first(item: str, start: int, own_year: int | None, before: Ref | None) -> tuple[str | None, bool]:
    """``00821 ASMARA``: an item that is a serial then a station the table knows; a serial alone (not a year) after
    an item that names a cable, one of that cable's station and year (``A) SOFIA 1219`` / ``B) 1206``, 07SOFIA1271)."""
    match = _NUMBER_FIRST.match(item, start)
    if match is not None and match["station"] is None:
        serial = match["serial"]
        if before is None or before.target is None or (len(serial) == 4 and serial.startswith(("19", "20"))):
            return None, False
        return re.sub(r"\d+$", str(int(serial)), before.target), before.year_inferred
    if match is None or not stations.banner_offices(" ".join(match["station"].split())):
        return None, False
    return _resolved(match, own_year)


def _title_after(match: re.Match[str], station: str, full: str | None) -> bool:
    """Whether a word in capitals right after the serial makes the match a title, not a cable: a station the table
    does not know (``ATTACHMENT 1 TO LOR``). A station it knows, or knows written short (``HAGUE 2345 PARA 4``,
    ``USUN 1593 PARA 2``), may go on after its number, unless the word is the rest of the station's own name (``SAO
    06 PAULO 1038``: a garbled ``SAO PAULO 061038``, whose ``06`` is no serial)."""
    after = _WORDS_AFTER.match(match.string, match.end())
    if after is None or stations.banner_offices(station):
        return False
    if full is None:
        return True
    return after.group().strip() in set(full.split()) - set(station.split())


def _read_station(station: str) -> str | None:
    """The station a reference names, read as the corpus's ids spell it: without an office's word before it
    (``EMBASSY VIENNA``), a one-letter slip read (``TRIPOLII``, ``SECTATE``, ``TALLIN``, ``SAN JSE``: the written
    text stays as it is), a post's city (``MEXICO CITY``); None for a redacted one (``09 XXXXXXXXXXXX 167``)."""
    if "XXX" in station:
        return None
    office = _OFFICE_WORD.match(station)
    if office and stations.banner_offices(station[office.end() :]):
        return station[office.end() :]
    if stations.banner_offices(station) or stations.written_short(station) or stations.cut_at_width(station):
        return station
    return stations.city_banner(station) or stations.misspelt(station, _ALSO_STATIONS) or station


_ALSO_STATIONS = frozenset({"SECSTATE"})
#: stations a reference writes otherwise than the ids spell them, where no banner tells: the Department's cables are
#: STATE; ``USEU 3226`` is the Mission to the European Union's, written in full as other references do (a page's
#: database row gives 04THEHAGUE1919's ``USEU 3226`` as 04USEUBRUSSELS3226); ``09 KL 1016`` and ``BA 1485`` are
#: Embassies Kuala Lumpur's and Buenos Aires's own short names for themselves (10KUALALUMPUR12, 06BUENOSAIRES1439)
_WRITTEN_SHORT = {"SECSTATE": "STATE", "SECSTATE WASHDC": "STATE", "USEU": "USEU BRUSSELS", "KL": "KUALA LUMPUR",
                  "BA": "BUENOS AIRES"}


def _resolved(match: re.Match[str], own_year: int | None) -> tuple[str | None, bool]:
    written = match["station"].upper()
    if written.endswith("0"):  # ``05 SANTIAG0 465``: a zero typed for the station's last O
        written = written[:-1] + "O"
    station = _read_station(" ".join(written.split()))
    if station is None:
        return None, False
    station = _WRITTEN_SHORT.get(station, station)
    words = station.split()
    # THE HAGUE is a station, and so is RIO DE JAN (cut at the teletype's width: its JAN is no month)
    known = len(words) > 1 and bool(stations.banner_offices(station) or stations.cut_at_width(station))
    if (not known and any(w in NOT_STATIONS or w in MONTH_WORDS for w in words)) or len(station) < 3:
        return None, False
    full = stations.written_short(station) or stations.cut_at_width(station)
    if match.string.startswith(":", match.end()) and full is None and not stations.banner_offices(station):
        return None, False  # ``ANNEX 1: …`` is a title; ``STATE 81957: REPORT OF …`` a cable and its title
    if _title_after(match, station, full):
        return None, False  # ``ATTACHMENT 1 TO LOR 08-134``, ``UKRAINE SAYS 3 TRIED TO SELL …``
    if full is not None:  # ``USUN 1593`` is a cable of USUN NEW YORK: 04USUNNEWYORK1593; ``KUALA LUMP 4317``
        # is KUALA LUMPUR's, its name cut at the teletype's ten characters: 05KUALALUMPUR4317
        words = full.split()
    groups = match.groupdict()
    spaced = groups.get("spaced")
    if spaced and own_year is not None and int(spaced) > own_year % 100:
        spaced = None  # a year after the cable's own is no year (the figures are something else)
    mid = groups.get("mid")
    if mid and own_year is not None and own_year >= 2000 and own_year % 100 < int(mid) < 50:
        return None, False  # (``STATE 12 3456`` in 2009: no year between, and no serial of its own)
    dated = groups.get("dated")
    if dated and not groups.get("day") and len(match["serial"]) <= 2:
        return None, False  # (``PARIS POINTS 20 SEPTEMBER 2007``: a day, not a serial)
    if dated and own_year is not None and int(dated) > own_year:
        dated = None  # (a date after the cable's own is no date of the cable it cites)
    year_text = (groups.get("year") or groups.get("pyear") or groups.get("mid") or groups.get("after")
                 or groups.get("paren") or spaced or dated)
    inferred = False
    if year_text:
        year = int(year_text.replace("O", "0")) % 100  # (``O4 SAN JOSE 2872``: the letter O for 0)
    elif own_year is not None:
        year = own_year % 100
        inferred = True
    else:
        return None, False
    serial = str(int(match["serial"]))
    if serial == "0":
        return None, False  # ``2008 SAN JOSE 00``: a serial of zero (its figures lost) names no cable
    if words == _USEU and _USEU_SHARED <= year < 50:
        words = ["BRUSSELS"]  # (the Mission's cables from 2007 are numbered with the Embassy's: 09BRUSSELS1639)
    return f"{year:02d}{''.join(words)}{serial}", inferred


#: the Mission to the European Union, and the year from which its telegrams carry Embassy Brussels's ids (FM USEU
#: BRUSSELS, DE RUEHBS: 07BRUSSELS3423 … 10BRUSSELS186, every page of 2007-2010; 04USEUBRUSSELS4936 before)
_USEU, _USEU_SHARED = ["USEU", "BRUSSELS"], 7


#: a cable reference anywhere (``_CABLE_REF`` unanchored); what may stand between two of one item (``;`` ``,`` ``AND``)
_CABLE_AT = re.compile(r"(?<![A-Za-z0-9])" + _CABLE_REF.pattern.removeprefix("^\\s*"))
_BETWEEN = re.compile(r"[\s,;&]*+(?:AND\s++)?", re.I)
#: a cable's title in parentheses after it, where another cable follows (``HANOI 60 (FEW CHANGES AT THE 9TH PARTY
#: PLENUM)  HANOI 330 (…)``, 09HANOI809): words, one bracket inside at most (not a year, ``(08) SAO PAULO 497``)
_TITLE = re.compile(r"\((?=[^()]*[A-Za-z])(?:[^()]|\([^()]*\))*+\)[\s,;]*+(?:AND\s++)?", re.I)
#: a serial alone after a cable's and ``AND``, ``&`` or a comma (``BRASILIA 715 AND 660``, ``MALABO 19, 21, 26``)
_JOINED = re.compile(r"(?:[,&]|\bAND)\s*$", re.I)
_SERIAL_ALONE = re.compile(r"(?P<serial>\d{1,6})\b(?![/:.\d]|\s*+[A-Za-z(])")


def _doubled(letter: str | None, item: str) -> int:
    """Where the text of an item starts past its label written twice (``A. A) SECSTATE
    96300``, ``A. (A) …``, ``A. A: …``, ``A. A. …``, ``A. REF A: …``) or past the label's stray
    closing parenthesis (``A. ) STATE 064404``, 08LONDON1761): 0 when it is not."""
    if letter is None:
        return 0
    if item.startswith(")"):
        return len(item) - len(item[1:].lstrip())
    # (also ``A. REF: KATHMANDU 2282``, ``A. REF A:LIMA 3646``, ``A. REFTELS: (A) PARAMARIBO 501``)
    # (and glued or without its stop: ``A. A.BOGOTA 5486``, ``B. B HAVANA 772``, ``A. REF A HAVANA 639``)
    match = re.match(
        rf"(?:REF\s+)?\(?(?i:{letter})[.):]\)?(?:\s+|(?=[A-Z]{{3}}))|REF(?:TELS?|S)?(?:\s+{letter})?\s*:\s*(?:\(?{letter}[.)]\)?\s+)?"
        rf"|(?:REF\s+)?{letter}\s+(?=[A-Z]{{2}}|\d\d\s+[A-Z]{{3}})",  # (``A 08 ROME 01192``)
        item,
    )
    return match.end() if match else 0


def _past_title(item: str, pos: int, own_year: int | None) -> int:
    """Where the next cable begins past a cable's title in parentheses at ``pos`` (``(FEW CHANGES AT THE
    9TH PARTY PLENUM)  HANOI 330``), or 0 when no cable follows the title."""
    title = _TITLE.match(item, pos)
    following = _CABLE_AT.match(item, title.end()) if title else None
    if title is None or following is None or _resolved(following, own_year)[0] is None:
        return 0
    return title.end()


def cable_runs(item: str, own_year: int | None, start: int = 0) -> list[tuple[int, str, bool]]:
    """The cables one item names, in order: (where each starts in the item, its id, whether
    its year was inferred). ``08 DJIBOUTI 859; 09 DJIBOUTI 337`` names two; a reference that
    does not resolve ends the run (``PARA 5``, ``OF MAY 5``)."""
    runs: list[tuple[int, str, bool]] = []
    pos = start
    while True:
        match = _CABLE_AT.match(item, pos)
        target, inferred = _resolved(match, own_year) if match else (None, False)
        if match is None and runs and item.startswith("(", pos) and (past := _past_title(item, pos, own_year)):
            pos = past
            continue
        if match is None or target is None:
            serial = _SERIAL_ALONE.match(item, pos) if runs else None  # ``BRASILIA 715 AND 660``: the station's again
            if serial is not None and _JOINED.search(item, 0, pos):
                target = re.sub(r"\d+$", str(int(serial["serial"])), runs[-1][1])
                runs.append((pos, target, runs[-1][2]))
                pos = _BETWEEN.match(item, serial.end()).end()  # type: ignore[union-attr]
                continue
            # ``LIMA 1299 AND PREVIOUS; LIMA 1647``: past what names none; so past a first piece
            # written as a cable's that is none (``SECDEF 122723; … 2009 CAIRO 2394``)
            after = item.find(";", pos) if runs or match is not None else -1
            if after >= 0:
                pos = _BETWEEN.match(item, after).end()  # type: ignore[union-attr]
                continue
            return runs
        runs.append((pos, target, inferred))
        pos = _BETWEEN.match(item, match.end()).end()  # type: ignore[union-attr]


def parse_refs(text: str, own_year: int | None) -> RefList:
    """A REF field's text, parsed once: its label and items, each with the cable it names.
    An item that names several cables (``08 DJIBOUTI 859; 09 DJIBOUTI 337``) is cut into one
    item per cable, the separators kept with the item before them."""
    head, items = split_ref_field(text)
    refs: list[Ref] = []
    for letter, written, item in items:
        start = _doubled(letter, item)
        runs = cable_runs(item, own_year, start)
        if start and written and runs and runs[0][0] == start and item[start - 1].isspace():  # (the label again:
            # with the label; not glued, ``A. A.BOGOTA 5486``: the edition prints the label, a space, the text)
            written, item = " ".join(f"{written} {item[:start]}".split()), item[start:]
            runs, start = [(at - start, target, inferred) for at, target, inferred in runs], 0
        if not runs:
            target, inferred = _number_first(item, start, own_year, refs[-1] if refs else None)
            if target is not None:
                runs = [(0, target, inferred)]
        if not runs:
            refs.append(_ref(letter, written, item, None, False))
            continue
        cuts = [0] + [at for at, _, _ in runs[1:]] + [len(item)]
        if item[start : runs[0][0]].strip():  # ``SECDEF 122723; 2009 CAIRO 2394``: what names none first
            refs.append(_ref(letter, written, item[: runs[0][0]].strip(), None, False))
            letter = written = None
            cuts[0] = runs[0][0]
        for index, (_, target, inferred) in enumerate(runs):
            piece = item[cuts[index] : cuts[index + 1]].strip()
            first = index == 0  # the item's label and written form go with its first cable
            other = _other_after(piece)
            refs.append(_ref(letter if first else None, written if first else None, piece[:other], target, inferred))
            if other < len(piece):  # ``WARSAW 799 ET AL.; MARTIN - CURTIN, VAN CLEVE TELCONS``: two references
                refs.append(_ref(None, None, piece[other:].strip(), None, False))
    return RefList(head, tuple(refs))


def _other_after(piece: str) -> int:
    """Where a reference naming no cable begins after a cable's, past a semicolon outside brackets and quotes
    (``WARSAW 799 ET AL.; MARTIN - CURTIN, VAN CLEVE TELCONS``, 06VATICAN83; not a conjunction before the next
    label, ``C) State 15111; and D) …``, nor ``; AND PREVIOUS``); the piece's length where there is none."""
    depth, quoted = 0, False
    for at, char in enumerate(piece):
        depth, quoted = depth + (char == "(") - (char == ")"), quoted ^ (char == '"')
        if char == ";" and depth <= 0 and not quoted and not _JOINING.fullmatch(piece[at + 1 :]):
            return at + 1
    return len(piece)


_JOINING = re.compile(r"[\s;,]*(?:(?:and|or|&)(?:\s+(?:previous|prior|related))?[\s.,;]*)?", re.I)


def _ref(letter: str | None, written: str | None, text: str, target: str | None, inferred: bool) -> Ref:
    """One reference, the separator written after it (``,`` ``;``) apart from its text."""
    tail = _TAIL_REVERSED.match(text[::-1])
    cut = len(text) - tail.end() if tail and tail.end() < len(text) else len(text)  # (separators alone: the text)
    return Ref(letter, written, text[:cut], target, inferred, tail=text[cut:])


def guessed(refs: tuple[Ref, ...], guess: bool) -> tuple[Ref, ...]:
    """The references whose year was assumed, marked as guessed when the year is a guess."""
    if not guess:
        return refs
    return tuple(dataclasses.replace(r, year_guessed=True) if r.target and r.year_inferred else r for r in refs)


def cited(refs: list[Ref]) -> list[Ref]:
    """The references that name something: ``REF: N/A`` says there is none. Its words stay in
    the body's REF list; the header and the JSON record list no reference for it."""
    return [r for r in refs if r.target is not None or r.letter is not None or not _NO_REFS.fullmatch(r.text.strip())]
