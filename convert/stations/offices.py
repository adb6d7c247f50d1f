"""Office names as routing lines write them, reduced to the table's keys: one spelling of
the office prefixes (``AMCONSULATE`` -> ``AMCONSUL``), without office symbols, precedence,
serial numbers or a trailing country code (:func:`office_candidates`)."""

from __future__ import annotations

import difflib
import functools
import re

_PRECEDENCE_WORDS = r"(?:NIACT\s+IMMEDIATE|OPERATIONAL\s+IMMEDIATE|IMMEDIATE|PRIORITY|ROUTINE|FLASH)"
_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"^AM\s?CONSUL(?:ATE)?(?:\s+GENERAL)?\b|^AMCONGEN\b"), "AMCONSUL"),
    (re.compile(r"^AM\s?EMBASSY\b|^AMEMB\b"), "AMEMBASSY"),
    (re.compile(r"^U\.?S\.?\s?MISSION\b"), "USMISSION"),
    (re.compile(r"^(AMEMBASSY|USMISSION|SECSTATE)(?=[A-Z]{3})"), r"\1 "),  # AMEMBASSYBRASILIA
    # CIA WASHINGTON DC, FBI WASH DC, JOINT STAFF WASHINTON DC: one spelling of the capital
    (re.compile(r"\b(?:WASHINGTON|WASHINTON|WASINGTON|WASHINGTN|WASH)\s*,?\s*D\.?\s?C\.?$"), "WASHDC"),
)
# AMEMBASSY ANKARA//6318//, WHITE HOUSE WASHINGTON DC//NSC//, AMCONSUL BELFAST (POUCH)
_SYMBOL = re.compile(r"\s*//.*$|\s+\(?POUCH\b.*$")
_TRAILING_NOISE = re.compile(rf"(?:\s+(?:{_PRECEDENCE_WORDS}|\d{{1,5}}(?:-\d{{1,5}})?))+$")
# RUEHLP/AMEMBASSY LA PAZ JUN 4182: the La Paz lines of many 2006-2007 headers carry a month
_LA_PAZ_MONTH = re.compile(r"\bLA PAZ\s+(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\b.*$")
_PRECEDENCES = ("IMMEDIATE", "PRIORITY", "ROUTINE")
_TRAILING_CODE = re.compile(r"\s+[A-Z]{2}$")  # AMEMBASSY TRIPOLI LY: an old two-letter country code


def normalize_office(text: str) -> str:
    """``Amconsulate  Shenyang`` -> ``AMCONSUL SHENYANG``: upper case, single spaces, no
    trailing punctuation, one spelling of the office prefixes. Nothing else is removed
    (see :func:`office_candidates` for the tolerant forms a lookup tries)."""
    s = " ".join(text.upper().split()).strip(" .,;:\\")
    for pattern, replacement in _PREFIXES:
        s = pattern.sub(replacement, s, count=1)
    return s


def clean_office(text: str) -> str:
    """The office of a routing line without what is not its name: ``AMEMBASSY ANKARA//6318//``,
    ``USMISSION USUN NEW YORK PRIORITY 0095`` -> ``AMEMBASSY ANKARA``, ``USMISSION USUN NEW YORK``."""
    s = normalize_office(_SYMBOL.sub("", normalize_office(text)))
    s = normalize_office(_TRAILING_NOISE.sub("", s)) or s
    s = _LA_PAZ_MONTH.sub("LA PAZ", s)
    head, _, last = s.rpartition(" ")
    if head and len(last) >= 6 and difflib.get_close_matches(last, _PRECEDENCES, n=1, cutoff=0.8):
        s = normalize_office(_TRAILING_NOISE.sub("", head)) or head  # PRIORTY, PIORITY, PRIOITY
    return s


def office_candidates(text: str) -> list[str]:
    """The forms of a routing line's office a lookup tries, most literal first: as written
    (normalised), then :func:`clean_office`, then that without a trailing two-letter code
    (``AMEMBASSY TRIPOLI LY``, ``HQ USCENTCOM MACDILL AFB FL``, ``NSC WASHINGTON DC``), then
    with a misspelt office prefix corrected (``AMEMBASS CARACAS``)."""
    return list(candidates(text))


@functools.lru_cache(maxsize=8192)  # a corpus names a few hundred offices thousands of times
def candidates(text: str) -> tuple[str, ...]:
    first = normalize_office(text)
    clean = clean_office(text)
    out = [first, clean]
    if len(clean.split()) > 2:
        out.append(_TRAILING_CODE.sub("", clean))
    head, _, rest = clean.partition(" ")
    if rest and head not in _OFFICE_WORDS:
        fixed = _fix_office_word(head)
        if fixed:
            out.append(f"{fixed} {rest}")  # AMEMBASS CARACAS, AMCONSU RIO DE JANEIRO, ECSTATE WASHDC
    return tuple(dict.fromkeys(c for c in out if c))


_OFFICE_WORDS = ("AMEMBASSY", "AMCONSUL", "USMISSION", "SECSTATE")


@functools.lru_cache(maxsize=1024)
def _fix_office_word(word: str) -> str | None:
    """A misspelled office prefix (one or two letters lost, added or changed) -> the prefix."""
    if len(word) < 6:
        return None
    close = difflib.get_close_matches(word, _OFFICE_WORDS, n=1, cutoff=0.8)
    return close[0] if close else None


def banner_key(text: str) -> str:
    return " ".join(text.upper().split())


def origin_key(text: str) -> str:
    return " ".join(text.split()).casefold()
