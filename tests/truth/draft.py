"""Regex DRAFTS of the truth fields from a cable's raw text (tests/truth only).

These drafts are only a starting point shown beside the text in view.py; every field of
every truth record was decided by reading the cable (see README.md). Nothing here uses the
project's normalizer (convert/).
"""

from __future__ import annotations

import re

PAGE_BREAK = re.compile(
    r"^\s*([A-Z][A-Z .'-]*\s+\d{5,8}\s+\d{3}(\.\d)?\s+OF\s+\d{3}"      # BEIJING 00001463 002 OF 002
    r"|(CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE)?\s*PAGE\s+\d\d\s+.*\d{6}Z"
    r"|(CONFIDENTIAL|SECRET|UNCLASSIFIED|LIMITED OFFICIAL USE|UNCLAS)\s*)\s*$",
    re.I,
)
BANNER = re.compile(
    r"^\s*(C\s?O\s?N\s?F\s?I\s?D\s?E\s?N\s?T\s?I\s?A\s?L|S\s?E\s?C\s?R\s?E\s?T|UNCLAS(?:SIFIED)?"
    r"|LIMITED OFFICIAL USE|T\s?O\s?P\s+S\s?E\s?C\s?R\s?E\s?T)\b(.*)$",
    re.I | re.M,
)
LEVELS = {"CONFIDENTIAL": "CONFIDENTIAL", "SECRET": "SECRET", "UNCLAS": "UNCLASSIFIED",
          "UNCLASSIFIED": "UNCLASSIFIED", "LIMITEDOFFICIALUSE": "LIMITED OFFICIAL USE",
          "TOPSECRET": "TOP SECRET"}
CAVEATS = ["NOFORN", "SIPDIS", "SENSITIVE", "EXDIS", "LIMDIS", "NODIS", "FOR OFFICIAL USE ONLY",
           "STADIS", "NOCONTRACT", "ORCON", "PROPIN", "EFTO", "CHEROKEE"]
PARA = re.compile(r"^\s*¶?\s*(\d{1,2})\s?\.(?!\d)", re.M)
SUBJ = re.compile(r"^\s*(?:¶?\s*)?SUBJ(?:ECT)?\s*[:.]?\s*(.*)$", re.I | re.M)
TAGS = re.compile(r"^\s*TAGS\s*:?\s*(.*)$", re.I | re.M)
REFLINE = re.compile(r"^\s*(?:¶?\s*)?(?:REF|Ref)(?:S|s|TEL|TELS|ERENCES?)?\b\s*(?:[A-Z]\s*)?[:.]?\s*(.*)$", re.M)
STATIONREF = re.compile(
    r"(?:\b(\d{2}|(?:19|20)\d{2})\s+)?\b([A-Z][A-Z'-]*(?: [A-Z][A-Z'-]*){0,3})\s*0*(\d{1,6})\b")
NOT_STATION = {"A", "B", "C", "D", "E", "F", "G", "H", "REF", "REFS", "REFTEL", "AND", "NOTAL",
               "PARA", "PARAS", "OF", "THE", "TO", "IN", "ON", "DATED", "TELECON", "EMAIL",
               "MEMCON", "PREVIOUS", "REFTELS", "SEPTEL", "E-MAIL", "FAX", "LETTER", "DTG",
               "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
               "SECTION", "PAGE", "NO", "NUMBER"}
FM = re.compile(r"^\s*FM\s+(.*)$", re.M)


def clean_lines(text: str) -> list[str]:
    return [ln.rstrip() for ln in text.replace("\u2028", "\n").split("\n")]


def is_break(line: str) -> bool:
    return bool(PAGE_BREAK.match(line)) and line.strip() != ""


def first_para_index(lines: list[str]) -> int:
    for i, ln in enumerate(lines):
        m = PARA.match(ln)
        if m and m.group(1) in ("1", "11"):
            return i
    return len(lines)


GLUED_BANNER = re.compile(r"(C O N F I D E N T I A L|S E C R E T|UNCLAS|CONFIDENTIAL|SECRET|LIMITED OFFICIAL USE)"
                          r"(?= (?:SECTION \d+ OF \d+ )?[A-Z][A-Z ]* \d{4,6}\b)")


def classification(body: str):
    m = BANNER.search(body) or GLUED_BANNER.search(body)
    if not m:
        return None, []
    lev = LEVELS.get(re.sub(r"\s", "", m.group(1)).upper())
    return lev, []


def caveats(pre_lines: list[str], banner_tail: str = "") -> list[str]:
    out: list[str] = []
    for ln in [banner_tail, *pre_lines]:
        if re.match(r"^\s*(TAGS|SUBJ|E\.?\s?O|REF|Classified|CLASSIFIED)", ln, re.I):
            continue
        u = ln.upper()
        for c in CAVEATS:
            if re.search(r"\b" + c + r"\b", u) and c not in out and len(ln.strip()) < 60:
                out.append(c)
    return out


def subject(lines: list[str]):
    for i, ln in enumerate(lines):
        m = SUBJ.match(ln)
        if m:
            parts = [m.group(1).strip()]
            for nxt in lines[i + 1:]:
                s = nxt.strip()
                if not s:
                    break
                if is_break(nxt):
                    continue
                if re.match(r"^(¶|REF|Ref|Classified|CLASSIFIED|\d+\.|1\.|SUMMARY|Summary|\()", s):
                    break
                parts.append(s)
            subj = " ".join(p for p in parts if p)
            subj = re.split(r"\s*(?:\bREF(?:S|TEL)?\s*:|Classified By:|CLASSIFIED BY:)", subj)[0]
            subj = re.sub(r"^\((?:U|C|S|SBU|S/NF|C/NF|U/FOUO|LOU)\)\s*", "", subj)
            return subj.strip() or None
    return None


def tags(lines: list[str]):
    for i, ln in enumerate(lines):
        m = TAGS.match(ln)
        if m:
            raw = m.group(1)
            for nxt in lines[i + 1:i + 3]:
                if re.match(r"^\s*[A-Z]{2,4}(?:[ ,]+[A-Z]{2,4})*\s*,?\s*$", nxt) and not SUBJ.match(nxt):
                    raw += " " + nxt
                else:
                    break
            raw = re.split(r"\bSUBJ", raw)[0]
            raw = re.sub(r"\[([^\]]*)\]\(#\)", r"\1", raw)
            persons = re.findall(r"\(([^)]*)\)", raw)
            raw2 = re.sub(r"\([^)]*\)", " ", raw)
            toks = [t.upper() for t in re.split(r"[\s,;]+", raw2) if t]
            return toks, persons
    return [], []


def ref_block(lines: list[str]) -> list[str]:
    out: list[str] = []
    for i, ln in enumerate(lines):
        if REFLINE.match(ln) and not re.match(r"^\s*REF(ORM|UGEE|ER)", ln, re.I):
            out.append(ln)
            for nxt in lines[i + 1:]:
                s = nxt.strip()
                if not s:
                    if out and len(out) > 1:
                        break
                    continue
                if re.match(r"^¶?\s*\d+\s*\.|^Classified|^CLASSIFIED|^SUBJ|^1\.|^\(U\)|^SUMMARY|^Summary", s):
                    break
                out.append(nxt)
            break
    return out


def references(block: list[str], year: int):
    text = " ".join(block).upper()
    text = re.sub(r"^\s*¶?\s*REF\w*\s*:?", " ", text)
    ids, inferred = [], []
    for m in STATIONREF.finditer(text):
        yr, st, num = m.group(1), m.group(2).strip(), m.group(3)
        words = st.split()
        while words and words[0] in NOT_STATION and words[:2] != ["THE", "HAGUE"]:
            words = words[1:]
        if not words or words[-1] in NOT_STATION:
            continue
        st = "".join(words).replace("SECSTATE", "STATE")
        if yr:
            y2 = yr[-2:]
        else:
            y2 = f"{year % 100:02d}"
        cid = f"{y2}{st}{int(num)}"
        if cid not in ids:
            ids.append(cid)
            if not yr:
                inferred.append(cid)
    return ids, inferred


def paragraphs(lines: list[str]) -> list[int]:
    out = []
    for ln in lines:
        m = PARA.match(ln)
        if m:
            out.append(int(m.group(1)))
    return out


SUMLABEL = re.compile(
    r"^[ \t]*(?:¶?[ \t]*\d{1,2}[ \t]*\.[ \t]*)?(?:\([A-Za-z/ -]{1,12}\)[ \t]*)?"
    r"(?:begin summary|summary and comment|summary)[ \t]*(?::|\.|-+|$)[ \t]*(?:-+[ \t]*)?",
    re.I | re.M)
ENDSUM = re.compile(r"\(?\bEND\s+(?:OF\s+)?SUMMARY(?:\s+AND\s+COMMENT)?", re.I)


def summary(text: str):
    t = "\n".join(ln for ln in clean_lines(text) if not is_break(ln))
    m = SUMLABEL.search(t)
    if not m:
        return None
    e = ENDSUM.search(t[m.end():])
    span = t[m.end(): m.end() + e.start()] if e else re.split(r"\n\s*\n", t[m.end():].lstrip())[0]
    span = re.sub(r"^\s*-+\s*", "", span)
    span = re.sub(r"^\s*¶?\s*\d{1,2}\s*\.\s*(\([A-Za-z/ -]{1,12}\)\s*)?", "", span)
    words = span.split()
    if not words:
        return None
    return {"start": " ".join(words[:6]), "end": " ".join(words[-6:]), "_end_marker": bool(e)}


def signer(lines: list[str]):
    tail = [ln.strip() for ln in lines if ln.strip()]
    while tail and (is_break(tail[-1]) or tail[-1] in ("NNNN", "NNN", "BT") or re.match(r"^=+|^-+", tail[-1])):
        tail.pop()
    if not tail:
        return None
    last = tail[-1]
    if len(last.split()) <= 3:
        return re.sub(r"[.#,;]+$", "", last).strip()
    m = re.search(r"([A-Z][A-Za-z'-]+)\s*[.#]*$", last)
    return m.group(1) if m else None


def origin_from_fm(header: str):
    m = FM.search(header)
    return m.group(1).strip() if m else None


def draft(header: str, body: str, year: int) -> dict:
    lines = clean_lines(body)
    fp = first_para_index(lines)
    pre = lines[:fp]
    lev, _ = classification(body)
    bm = BANNER.search(body)
    t, persons = tags(pre)
    rb = ref_block(pre)
    refs, inferred = references(rb, year)
    return {
        "subject": subject(pre),
        "tags": t,
        "tag_persons": persons,
        "signer": signer(lines),
        "references": refs,
        "references_year_inferred": inferred,
        "_ref_block": [ln.strip() for ln in rb],
        "paragraphs": paragraphs(lines[fp:]) if fp < len(lines) else [],
        "summary": summary(body),
        "classification": lev,
        "caveats": caveats(pre, bm.group(2) if bm else ""),
        "_fm": origin_from_fm(header) or origin_from_fm(body),
    }
