"""Teletype residue in the reading text: one named detector per kind.

A detector is a regular expression run over each block of the reading text (see
``ours.reading_blocks``: the body a reader of the edition sees, without the opener and
without blocks the normalizer already typed as furniture). Blocks are one line each (the
reading text joins a block's lines), so detectors do not rely on line starts. The
``subject-runon`` detector runs over the record's subject instead.

Each detector is documented by its ``doc`` and tested on a tiny example in
``tests/test_eval_fidelity.py``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_STATION = r"[A-Z][A-Z.'/-]*(?: [A-Z][A-Z.'/-]*){0,3}"
_LEVEL = r"(?:UNCLASSIFIED|UNCLAS|CONFIDENTIAL|SECRET|C O N F I D E N T I A L|S E C R E T|U N C L A S(?: S I F I E D)?)"

#: a level as a page's or a section's banner prints it (not ``UNCLAS``: a word of prose too rarely
#: to tell, and no printout's page banner abbreviates it)
_BANNER_LEVEL = r"(?:UNCLASSIFIED|CONFIDENTIAL|(?:TOP )?SECRET|LIMITED OFFICIAL USE)(?![\w/-])"
#: a word that may follow a banner read into the text: a capitalised word, not a dash or a
#: caveat's ``//`` (``SECRET - RELEASABLE TO …``, ``SECRET//NOFORN``: a marking)
_WORD_AFTER_BANNER = r"[A-Z][A-Za-z]*+(?![-/])"

#: a caveat written after a classification level (``NOFORN``, ``REL Armenia``, ``FGI``)
_CAVEAT = (
    r"(?:NOFORN|NOCONTRACT|ORCON|PROPIN|FGI|SIPDIS|NODIS|EXDIS|LIMDIS|SENSITIVE|FOUO|FOR OFFICIAL USE ONLY"
    r"|REL(?: TO)?(?: [A-Z][A-Za-z]*+,?)++)"
)
#: the marking of a document the cable carries, not the teletype's: one released to a foreign
#: government or holding its information (``(SECRET//REL Armenia)`` under talking points handed
#: over, ``SECRET//FGI//NOFORN`` atop and below a Diplomatic Security Daily: a page's footer or a
#: section's header never writes REL or FGI), or the block after a line that opens a quoted
#: text (``BEGIN TEXT``, ``Begin text of the non-paper:``)
_QUOTED_MARKING = re.compile(
    rf"(?m)^\(?{_LEVEL}[A-Za-z ,/]*?/ *(?:REL|FGI)\b.*$"
    r"|(?i:\bBEGIN (?:TEXT|NON-?PAPER|LETTER)|\bTEXT (?:OF|FOLLOWS))\b.*\n.*$"
)


def _key(text: str) -> str:
    """Letters and digits, in capitals: a copy of a line punctuates and spaces it otherwise."""
    return "".join(c for c in text.upper() if c.isalnum())


#: the shortest key a line of the preamble written again must have (``NOFORN``, ``TERREP``)
_MIN_COPY = 5


def _copies(key: str, preamble: Sequence[str]) -> bool:
    """Whether ``key`` is a line of the preamble again, or several consecutive lines (a copy
    joins them otherwise): from a line's start to a line's end (a signer's name that ends a
    line ``… FROM AMB CLIFF SOBEL`` is no copy of it)."""
    if len(key) < _MIN_COPY:
        return False
    for first in range(len(preamble)):
        joined = ""
        for line in preamble[first:]:
            joined += line
            if joined == key:
                return True
            if len(joined) >= len(key) or not key.startswith(joined):
                break
    return False


@dataclass(frozen=True)
class Detector:
    name: str
    doc: str
    pattern: re.Pattern[str]
    on_subject: bool = False  # runs over the record's subject, not the body
    trigger: re.Pattern[str] | None = None  # a cheap pattern every hit contains (speed only)
    #: what looks like a hit but is the cable's own writing (a hit inside a match is no hit)
    content: re.Pattern[str] | None = None

    #: a hit is one only where its letters and digits stand in a line of the preamble given
    #: to :meth:`find` (the preamble's handling and distribution lines written again)
    in_preamble: bool = False
    #: only the text's opening is searched (up to its first numbered paragraph), and a match
    #: is a hit only where the same label (the match's first word) matched before it there
    again: bool = False

    def find(self, value: str, preamble: Sequence[str] = ()) -> list[str]:
        """Each hit with up to 30 characters of context on both sides."""
        if (self.trigger is not None and not self.trigger.search(value)) or (self.in_preamble and not preamble):
            return []
        if self.again:
            return self._again(value)
        kept = [(m.start(), m.end()) for m in self.content.finditer(value)] if self.content else []
        keys = [k for k in map(_key, preamble) if k] if self.in_preamble else []
        out = []
        for m in self.pattern.finditer(value):
            if any(a <= m.start() and m.end() <= b for a, b in kept):
                continue
            if self.in_preamble and not _copies(_key(m.group()), keys):
                continue
            a, b = max(0, m.start() - 30), min(len(value), m.end() + 30)
            out.append(value[a:b].replace("\n", " ¦ "))
        return out

    def _again(self, value: str) -> list[str]:
        """The matches in the text's opening whose label matched before (the first is the
        cable's own field)."""
        numbered = _NUMBERED.search(value)
        opening = value[: numbered.start()] if numbered else value
        seen: set[str] = set()
        subjects: list[tuple[str, bool]] = []  # the SUBJECTs' words, and whether cut short
        out = []
        for m in self.pattern.finditer(opening):
            label = m.group().split(":")[0].strip().upper().rstrip("S")
            if label.startswith("SUBJ"):
                label = "SUBJ"
                end = opening.find("\n", m.end())
                written = opening[m.end() : end if end >= 0 else len(opening)].rstrip()
                copy = not subjects or any(_same_subject(_key(written), *s) for s in subjects)
                subjects.append((_key(written), written.endswith(("..", "…"))))
                if not copy:
                    continue  # another subject: the cable's own (a drafter's second title)
            if label in seen:
                a, b = max(0, m.start() - 30), min(len(value), m.end() + 30)
                out.append(value[a:b].replace("\n", " ¦ "))
            seen.add(label)
        return out


#: what a copy's SUBJECT may run on into after the subject's words (a copy that lost its breaks)
_RUNON_LABEL = re.compile(r"^(?:REFS?|REFTEL|CLASSIFIEDBY)")


def _same_subject(words: str, before: str, cut: bool) -> bool:
    """Whether a SUBJECT's words (letters and digits) are an earlier one's again: the same, a part
    of them (a copy cut short), the earlier's whole where a preview cut that short (``cut``: it
    ends in ``...``), or the earlier's run on into the next field. A SUBJECT that says something
    else (``… STRATEGY FOR ADVANCING IPR`` / ``… IPR TRAINING WEEK A SUCCESS``), or more than a
    whole earlier one (``… FORMER AMBASSADORS TO`` / ``… TO IRAN SHARE THEIR VIEWS``), is the
    cable's own second title, a drafter's, not a copy."""
    if words == before or (before and before.startswith(words)):
        return True
    if not before or not words.startswith(before):
        return False
    return cut or bool(_RUNON_LABEL.match(words[len(before) :]))


#: a numbered paragraph's block (``1. (C) …``): where the text's opening ends
_NUMBERED = re.compile(r"(?m)^¶?\d{1,3}\.\s")


DETECTORS: tuple[Detector, ...] = (
    Detector(
        "page-break",
        "a page-break line left in the text: new style `BEIJING 00001463 002 OF 002` (8-digit "
        "serial, page of pages), old style `PAGE 02 HARARE 05461 01 OF 02 271458Z`; or the rest of a "
        "new-style one a copy broke in two opening a block (`RIO DE JAN 00000365 002.` / `2 OF 002 5. (C)`, "
        "`TRIPOLI 00000268` / `001.2 OF 003`: a page of pages zero-padded, which no sentence writes)",
        re.compile(r"\b\d{8} \d{3}(?:\.\d)? (?:OF|of) \d{3}\b|\bPAGE \d{2,3} +[A-Z][A-Z ]{1,20}? \d{4,6}\b"
                   r"|(?m:^)\d{1,3}(?:\.\d)? (?:OF|of) 0\d\d(?!\w)"),
    ),
    Detector(
        "section-banner",
        "a classification banner or section line inside the text: "
        "`C O N F I D E N T I A L SECTION 02 OF 03 MADRID 000091`, `SECTION 2 OF 3 TEHRAN 2069`",
        re.compile(
            rf"\b{_LEVEL} +(?:SECTION \d{{1,2}} OF \d{{1,2}} +)?{_STATION} \d{{5,6}}\b"
            rf"|\bSECTION \d{{1,2}} OF \d{{1,2}} +{_STATION} \d{{4,6}}\b"
        ),
    ),
    Detector(
        "routing",
        "lines of a routing header inside the text: `VZCZC…`, `DE RUEH…`, `ZNY CCCCC ZZH`, "
        "`FM AMEMBASSY …`, `TO RUEHC/…`, `RUEH…/` addressees, a precedence and date-time group "
        "`R 271245Z DEC 09`",
        # (?=[…]) first: the regex engine then skips positions that cannot start a hit
        re.compile(
            r"(?=[VDZFTIROP])(?<![A-Za-z0-9])(?:VZCZC[A-Z0-9]*|DE R[A-Z]{4} #|ZN[RY] [UCSE]{5}\b|FM (?:AMEMBASSY|"
            r"AMCONSUL|SECSTATE|USMISSION|USDEL|USINT|AIT)\b|TO R[A-Z]{3,6}/|(?:INFO )?R[UH][A-Z]{2,5}/(?:AMEMBASSY|"
            r"AMCONSUL|SECSTATE|[A-Z]+ COLLECTIVE)\b|[OPRZ] \d{6}Z [A-Z]{3} \d{2}\b)"
        ),
    ),
    Detector(
        "distribution",
        "an old-style distribution block or its transmission rule: `ACTION AF-00`, "
        "`INFO LOG-00 NP-00 …`, `------------------8A8E0D 271459Z /38`",
        re.compile(
            r"\bACTION [A-Z]{2,6}-\d\d\b|\bINFO +LOG-\d\d\b|\b[A-Z]{2,6}-\d\d +[A-Z]{2,6}-\d\d +[A-Z]{2,6}-\d\d\b"
            r"|-{4,}[0-9A-F]{6} +\d{6}Z */\d+"
        ),
        trigger=re.compile(r"-\d\d\b|----"),
    ),
    Detector(
        "sipdis",
        "the handling word `SIPDIS` in the flow of the text, as the transmission wrote it or as a copy in "
        "sentence or lower case has it (`Sipdis`, `sipdis`): it belongs to the preamble; not the word a "
        "sentence names (`Please use the caption SIPDIS in all replies`, `Please include SIPDIS in all replies`)",
        re.compile(r"\b(?<!caption )(?<!CAPTION )(?<!include )(?<!INCLUDE )(?:SIPDIS|Sipdis|sipdis)\b"),
    ),
    Detector(
        "preamble-field",
        "a field of the preamble in the flow of the text: `E.O. 12958: DECL: …`, `TAGS: PREL …` (the "
        "preamble's own, or a copy's, run into a paragraph or a list)",
        re.compile(r"(?<![A-Za-z.])E\.\s?O\.\s?1[23]\d{3}\s*:|(?<![A-Za-z])TAGS\s*:\s*[A-Z]{2,5}\b"),
        trigger=re.compile(r"E\.\s?O\.|TAGS"),
    ),
    Detector(
        "dashed-rule",
        "a rule of five or more dashes, equals signs or underscores (`-------`, `- - - - -`), or three "
        "dashes spaced (`- - -`), in a block of text (an underlined heading glued to its paragraph, a separator)",
        re.compile(r"(?<![-\w])(?:-{5,}+(?![0-9A-F]{6} )|(?:- ){2,}-(?![-\w])|={5,}|_{5,})"),
        # the cable's own: a table's column rules (two runs of dashes or more side by side,
        # none of 45, the teletype's line: ``---- ------ ---- -----`` under ``Year Costa Rica Index``,
        # ``----- -----`` over a total), and dashes written for a name (``off to ------------'s
        # activities``, ``(-------------)``, ``arrest of --------------- by the``, ``awaits
        # --------------, though``: a sentence goes on after them, which no rule or title does)
        content=re.compile(
            r"(?<![-\w])(?!-{45}(?!-))-{3,}+(?: {1,4}(?!-{45}(?!-))-{3,}+)+(?![-\w])"
            r"|(?<![-\w])-{5,}+(?='s\b|,|\s[a-z]{2,}\b)|(?<=\()-{5,}+(?=\))"
        ),
    ),
    Detector(
        "html",
        "HTML tags and character references left as text: `<br>`, `</td>`, `&#x000A;`, `&amp;`",
        re.compile(
            r"</?(?:br|p|div|td|tr|table|span|strong|em|b|i|font|a)\b[^<>]{0,40}>|&#x?[0-9A-Fa-f]{1,6};"
            r"|&(?:amp|lt|gt|quot|apos|nbsp);",
            re.I,
        ),
    ),
    Detector(
        "end-marker",
        "a transmission end marker: `NNNN`, `CABLE ENDS`, `End Cable Text`",
        re.compile(r"(?=[NCEnce])(?:(?<![A-Za-z0-9])NNNN\b|CABLE ENDS\b|(?<![A-Za-z0-9])End Cable Text\b"
                   r"|(?<![A-Za-z0-9])(?-i:END OF CABLE)\b)", re.I),  # in capitals: "follows at end of cable" is prose
    ),
    Detector(
        "media-row",
        "a media partner's or database's row or stamp: `46151 11/28/2005 7:02 05DUSHANBE1870`, "
        "`2005CARACA02404 - CONFIDENTIAL`, `Cable dated:`, `<<201778>>`, `header ends`, a "
        "Guardian dateline `Thursday, 03 April 2008, 12:23`",
        re.compile(
            r"(?=[0-9C<hMTWFS])(?:(?<![A-Za-z0-9])\d{3,7}\s+\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d\d\s+\d\d[A-Z]{3,}\d+\b"
            r"|(?<![A-Za-z0-9])\d{3,7}\s+\d{4}-\d\d-\d\d(?:\s+\d\d:\d\d(?::\d\d)?)?\s+\d\d[A-Z]{3,}\d+\b"
            r"|(?<![A-Za-z0-9])(?:19|20)\d\d[A-Z]{4,6}\d{5}\s+-\s+(?:Classification:\s*)?(?:UNCLAS|CONFIDENTIAL|SECRET)"
            r"|Cable dated:|<<\d{5,7}>>|header ends|(?<![A-Za-z0-9])(?:Monday|Tuesday|Wednesday|Thursday|Friday"
            r"|Saturday|Sunday), \d\d [A-Z][a-z]+ \d{4}, \d\d:\d\d\b|Track impresi)"
        ),
    ),
    Detector(
        "classification-block",
        "a block that is only a classification level with its caveats (`CONFIDENTIAL`, "
        "`CONFIDENTIAL NOFORN`, `SECRET//NOFORN`, `(SECRET//REL Armenia)`): a page's footer or a "
        "section's repeated header left in the text (the marking of a document the cable quotes, "
        "after `BEGIN TEXT`, a non-paper's or a letter's heading, is the cable's own)",
        re.compile(
            rf"(?m)^\(?{_LEVEL}(?:(?: *//? *| +){_CAVEAT})*+\)?$"
        ),
        trigger=re.compile(r"CONFIDENTIAL|SECRET|UNCLAS|C O N|S E C|U N C"),
        content=_QUOTED_MARKING,
    ),
    Detector(
        "inline-banner",
        "a page's or section's classification banner read into a block of text: the level in "
        "capitals alone after a sentence's end at the block's end (`… END SUMMARY. UNCLASSIFIED`, "
        "`… (24.7) UNCLASSIFIED`), between two sentences (`… REPORT. CONFIDENTIAL ALTHOUGH …`), "
        "opening the block before its words (`UNCLASSIFIED TOTAL 33.4 …`), or with a later "
        "section's teletype number (`… OUTSIDE CONFIDENTIAL CONFIDENTIAL PTQ7681 WORLD …`); a level "
        "a sentence names (`at the SECRET level`, `IS SENSITIVE BUT UNCLASSIFIED.`, `1. CONFIDENTIAL - "
        "ENTIRE TEXT.`) or a quoted document's marking (`SECRET - RELEASABLE TO …`) is no hit",
        re.compile(
            rf"(?m)(?:(?<=[.!?])|(?<=\d\)))[ \t]+{_BANNER_LEVEL}[ \t]*(?:$|(?={_WORD_AFTER_BANNER}))"
            rf"|^{_BANNER_LEVEL}[ \t]+(?={_WORD_AFTER_BANNER})"
            rf"|(?<![\w/-]){_BANNER_LEVEL}[ \t]+[A-Z]{{3}}\d{{4}}\b"
        ),
        trigger=re.compile(r"CONFIDENTIAL|SECRET|UNCLAS"),
        content=_QUOTED_MARKING,
    ),
    Detector(
        "preamble-again",
        "a block that writes a handling or distribution line of the preamble again (`NOFORN`, "
        "`TERREP`, `OSD FOR ISA-NATO`, `DEPT PASS FEDERAL RESERVE FOR …`): a later section's or a "
        "media partner's copy of the preamble left in the text, where the edition prints it once; "
        "a block that only names an office or a caveat the preamble also names, inside a sentence "
        "of its own, is no hit (the whole block must be a line or lines of it)",
        # a whole block of at most two lines' length (a numbered paragraph never copies them;
        # a redaction, ``XXXXXXXXXXXX``, that stands for a line of the preamble too, is no copy)
        re.compile(r"(?m)^(?!\d{1,2}\.\s|[X\s.]+$)[^\n]{5,160}$"),
        in_preamble=True,
    ),
    Detector(
        "field-again",
        "a SUBJECT or REF field written a second time in the text's opening (before its first "
        "numbered paragraph): `SUBJECT: …` / `SUBJECT: …`, a second `REF:` list, a block that "
        "opens with `SUBJECT:` after the subject line: a media partner's or a database's copy of "
        "the preamble read as the cable's fields; the first of each is the cable's own. A copy "
        "writes the subject's words again (in any case, cut short, or run on into REF): a second "
        "SUBJECT with other words, or saying more than a whole first one, is the cable's own "
        "second title (a drafter's); each cable appended on a page has its own opening",
        re.compile(r"(?m)^(?:SUBJECT|SUBJ|REF|REFS|REFTEL)\s*:", re.I),
        trigger=re.compile(r"(?i)SUBJ|REF"),
        again=True,
    ),
    Detector(
        "subject-in-text",
        "a SUBJECT label inside a sentence (`… he was nervous about the SUBJECT: NUCLEAR NONPROLIFERATION "
        "TREATY …`): a page's header that wrote the subject again under its page line, left in the flow where "
        "the page cut a sentence; a label after a sentence's end or at a block's start is no hit (a cable's "
        "own words about a subject line), nor is one after a semicolon (a list of documents and their "
        "subjects: `(Ref. E); SUBJ: DRUG ACTIVITIES …`)",
        re.compile(r"(?<=[a-z,] )SUBJ(?:ECT)?\s*:\s+[A-Z(]"),
        trigger=re.compile(r"SUBJ"),
    ),
    Detector(
        "classified-by-again",
        "a Classified By line (`Classified By: Ambassador … for reasons 1.4 (b) and (d)`) in a block of the "
        "reading text that no paragraph number opens: the preamble's classification authority left in the "
        "text (a copy's preamble run together, a line the preamble did not take); a numbered paragraph that "
        "states it (`1. (U) Classified by: …`) is the cable's own text, no hit",
        re.compile(r"(?m)^(?!\s*(?:¶\s*)?\d{1,3}\.\s)[^\n]*?\b(?:CLASSIFIED[ \t]+BY|Classified[ \t]+[Bb]y)[ \t]*:"),
        trigger=re.compile(r"(?i)classified\s+by"),
    ),
    Detector(
        "partial-extract",
        "the notice `This record is a partial extract of the original cable` as text",
        re.compile(r"This record is a partial extract", re.I),
    ),
    Detector(
        "subject-runon",
        "a subject that runs into the next field or carries residue: `REF:`, `Classified By`, "
        "`E.O. 12958`, `TAGS`, a handling sentence (`SENSITIVE BUT UNCLASSIFIED`, `PLEASE PROTECT "
        "ACCORDINGLY`), `<br>`, a page-break line or a database row",
        re.compile(
            # E.O.: the classification orders' field (E.O. 12958, 13526; or a number and a
            # colon), not an order a subject names (``… UNDER E.O. 13382``: the sanctions order)
            r"REF(?:S|TELS?)?\s*:|\bClassified By\b|\bE\.\s?O\.\s*(?:1(?:2958|2356|3292|3526)\b|\d{4,5}\s*:)"
            r"|\bTAGS\b|SENSITIVE BUT UNCLASSIFIED"
            r"|PROTECT ACCORDINGLY|TREAT ACCORDINGLY|<br\s*/?>|\b\d{8} \d{3}(?:\.\d)? OF \d{3}\b"
            r"|\b\d{3,7}\s+\d{1,2}/\d{1,2}/\d{4}\s+\d{1,2}:\d\d\b|\bSIPDIS\b",
            re.I,
        ),
        on_subject=True,
    ),
)

BY_NAME = {d.name: d for d in DETECTORS}


def audit(
    blocks: Iterable[tuple[str, str] | tuple[str, str, int]], subject: str | None, preamble: Sequence[str] = ()
) -> dict[str, list[str]]:
    """{detector name: hits} over the reading blocks ``(kind, text)`` or ``(kind, text, part)``
    and the subject; the preamble's handling and distribution lines (``ours.preamble_lines``)
    for the detectors that look for them again. ``part`` numbers the cables of a page (0 its
    own, then each cable appended on it): a detector that reads the text's opening
    (``again``) reads each cable's."""
    texts: dict[int, list[str]] = {}
    for block in blocks:
        texts.setdefault(block[2] if len(block) > 2 else 0, []).append(block[1])  # type: ignore[misc]
    parts = ["\n".join(t) for t in texts.values()]  # one search per detector; a block is one line
    body = "\n".join(parts)
    hits: dict[str, list[str]] = {}
    for det in DETECTORS:
        if det.on_subject:
            found = det.find(subject or "", preamble)
        elif det.again:
            found = [hit for part in parts for hit in det.find(part, preamble)]
        else:
            found = det.find(body, preamble)
        if found:
            hits[det.name] = found
    return hits
