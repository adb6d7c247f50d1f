"""Stage "fields": a cable id whose serial the DE line gives, or mends.

The DE line's serial (``DE RUEHC #5395/01 2682315``) is the telegram's number cut to its last
four digits. A post's numbers seldom reach five digits in a year, so a text with no banner
serial takes its id from the DE line (``DE RUEHBJ #1463`` is BEIJING 001463). The
Department's do within weeks of January 1 (``STATE 135395`` is sent as ``#5395``): an id made
so is the wrong cable's. The full number may still be written in the text, by the database
row a dump carries (``… 07STATE135395 Secretary of State CONFIDENTIAL …``); else the text has
no id, and a warning says why.

A banner whose serial lost its last digit (``C O N F I D E N T I A L TRIPOLI 00011`` under
``DE RUEHTRO #0112``: five digits where the period's banners write six, the DE line's number
begun) takes the DE line's where no page or row gives the id: the text's own two witnesses, one
of them cut (cablegate read such banners both ways, so its id settles a page).

Chains (asked by :func:`convert.normalize.facts.derive_facts`):

- ``fields.de-serial`` ``(id, text) -> (id or "", warning) | None``: for an id made from the DE
  line's serial where no page or row gives an id, the id to keep ("" for none) and what to say
  (first match).
- ``fields.banner-serial`` ``(banner serial, DE serial) -> serial | None``: the banner's serial
  mended from the DE line's (first match).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable

from ...model import SourceMetadata
from ..parsed import Banner
from .ruler import Chain, Run, note

DE_SERIAL: Chain[Callable[[str, str], tuple[str, str] | None]] = Chain(
    "fields.de-serial",
    "fields",
    "An id whose serial only the DE line gives (its last four digits), where the sender's numbers run longer: "
    "the whole id the text writes, else none (first match: the id, or '' for none, and a warning).",
)

BANNER_SERIAL: Chain[Callable[[str, str, bool], str | None]] = Chain(
    "fields.banner-serial",
    "fields",
    "A banner's serial that the DE line's mends, given whether the FM line names the banner's station (first "
    "match: the serial to read).",
)

#: an id made from a DE serial: two-digit year, station, the serial's digits
_ID = re.compile(r"(?P<year>\d\d)(?P<station>[A-Z]+)(?P<serial>\d{1,4})")


@DE_SERIAL.rule(
    "department-de-serial",
    note=note(
        "normalization",
        "The Department's telegram numbers run to six digits and the DE line gives the last four: a text with "
        "no banner serial takes its id from the whole number written in it (a database row's id), else has none.",
    ),
)  # (no trigger: asked only of an id that the DE line's serial made)
def department_de_serial(ident: str, text: str) -> tuple[str, str] | None:
    """``DE RUEHC #5395/01`` with no banner serial: ``07STATE135395`` where a row of the text
    writes it, else no id (``07STATE5395`` would name another telegram)."""
    made = _ID.fullmatch(ident)
    if made is None or made["station"] != "STATE":
        return None
    last = made["serial"].zfill(4)
    written = re.compile(rf"(?<![A-Z0-9]){made['year']}STATE(\d*{last})(?![0-9])")
    for found in written.finditer(text):
        if len(found[1].lstrip("0")) > 4:
            return found.group(), (
                f"the DE line gives only the last four digits of the Department's telegram number "
                f"(#{last}): the id {found.group()} is the one the text writes"
            )
    return "", (
        f"the DE line gives only the last four digits of the Department's telegram number (#{last}) "
        "and the text has no banner serial: no cable id (the number cannot be told)"
    )


def de_serial_id(
    ident: str, message_ref: str | None, text: str, run: Run, warnings: list[str]
) -> tuple[str | None, str | None]:
    """(id, message reference) for an id made from the DE line's serial: as made, unless a
    ``fields.de-serial`` rule finds another or none (its warning is then said)."""
    found: tuple[str, str] | None = run.first(DE_SERIAL, ident, text)
    if found is None:
        return ident, message_ref
    warnings.append(found[1])
    whole = re.fullmatch(r"\d\d(?P<station>[A-Z]+)0*(?P<serial>\d+)", found[0])
    return (found[0], f"{whole['station']} {whole['serial']}") if whole else (None, None)


@BANNER_SERIAL.rule(
    "banner-serial-cut",
    note=note(
        "normalization",
        "A banner serial of five digits that begins the DE line's number written in six (TRIPOLI 00011 under "
        "DE RUEHTRO #0112) lost its last digit: where no page or row gives the id, the cable's id takes the DE "
        "line's number; the banner is kept as written.",
    ),
)  # (no trigger: asked only where the banner and the DE line give a serial that differ)
def banner_serial_cut(banner_serial: str, de_serial: str, same_post: bool) -> str | None:
    """``TRIPOLI 00011`` / ``#0112``: ``000112``; an older banner's five digits that are its
    number (``BEIRUT 01013`` / ``#1013``) are not cut and stay."""
    whole = de_serial.zfill(6)
    if len(banner_serial) != 5 or not banner_serial.startswith("0") or len(whole) != 6:
        return None
    return whole if whole.startswith(banner_serial) else None


@BANNER_SERIAL.rule(
    "banner-serial-other",
    after="banner-serial-cut",
    note=note(
        "normalization",
        "A banner that numbers the cable otherwise than the DE line of the same post (NAIROBI 004428 under DE "
        "RUEHNR #4427 and FM AMEMBASSY NAIROBI, a corrected copy): where no page or row gives the id, the cable's "
        "id takes the DE line's number, as the cablegate release does; the banner is kept as written.",
    ),
)
def banner_serial_other(banner_serial: str, de_serial: str, same_post: bool) -> str | None:
    """``NAIROBI 004428`` / ``DE RUEHNR #4427`` / ``FM AMEMBASSY NAIROBI``: ``004427``. Only under
    the FM line of the banner's own post (a banner of another post is another cable's text under
    this header), and only for a serial the DE line's four digits can write whole (under 10,000):
    of the 5,438 pages whose DE line and banner of one post both give a serial, the 4 where they
    differ have the DE line's number as their cablegate id (07NAIROBI4427, 09ASUNCION595,
    10ASUNCION71, 10TRIPOLI112), none the banner's."""
    if not same_post or int(banner_serial) >= 10000 or not de_serial.isdigit():
        return None
    whole = de_serial.zfill(6)
    return None if whole.startswith(banner_serial) else whole  # (a cut banner: ``banner-serial-cut``'s to read)


def whole_serial(
    banner: Banner | None,
    de_serial: str | None,
    meta: SourceMetadata | None,
    run: Run,
    warnings: list[str],
    sender: str | None = None,
) -> Banner | None:
    """``banner`` with its serial mended by a ``fields.banner-serial`` rule (a warning says
    so), else as it is. A page's or row's id settles it where there is one (cablegate read
    such banners both ways: 10TRIPOLI112 from the DE line, 06REYKJAVIK40 from the cut banner)."""
    if not (banner and banner.serial and de_serial) or (meta is not None and meta.id):
        return banner
    if banner.serial.lstrip("0") == de_serial.lstrip("0"):
        return banner
    sender_words = f" {' '.join(sender.split())} " if sender else ""  # (a station of several words: BUENOS AIRES)
    same_post = bool(banner.station) and f" {banner.station} " in sender_words
    found: str | None = run.first(BANNER_SERIAL, banner.serial, de_serial, same_post)
    if found is None:
        return banner
    if found.startswith(banner.serial):
        warnings.append(f"the banner's serial {banner.serial} lost its last digit: the DE line's #{de_serial} is read")
    else:
        warnings.append(f"the banner's serial {banner.serial} is not the DE line's #{de_serial}: the DE line's is read")
    return dataclasses.replace(banner, serial=found)


def cut_banner(banner: Banner | None, de_serial: str | None, warnings: list[str]) -> bool:
    """Whether a banner that names another cable than the page's id and DE line only lost its serial's last
    digit (``BUENOS AIRES 00167SIPDIS`` under ``#1673``, 07BUENOSAIRES1673): no other cable's text, as
    ``banner-serial-cut`` reads it; a warning says so."""
    if not (banner and banner.serial and de_serial) or banner_serial_cut(banner.serial, de_serial, True) is None:
        return False
    warnings.append(f"the banner's serial {banner.serial} lost its last digit: the DE line's #{de_serial} is read")
    return True
