"""The JSON record: the cable's facts, flat, read back from the TEI (so a re-rendered TEI
gives the same record). Field names and conventions are those of TEI-PROFILE.md."""

from __future__ import annotations

import json
from typing import Any

from ..model import TEI_NS, Cable, xpath
from ..options import WriteOptions
from ..textview import READING_SKIP, reading_text

_LABEL = f"{{{TEI_NS}}}label"


def _texts(cable: Cable, path: str) -> list[str]:
    return [reading_text(n) if not isinstance(n, str) else str(n) for n in xpath(cable.tei, path)]


def _one(cable: Cable, path: str) -> str | None:
    found = _texts(cable, path)
    return found[0] if found else None


HEADER = "t:teiHeader"
BIBL = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']"
META = f"{HEADER}/t:fileDesc/t:sourceDesc/t:bibl[@type!='telegram']"
CORRESP = f"{HEADER}/t:profileDesc/t:correspDesc"
DIV = "t:text/t:body/t:div[@type='telegram']"


def _addressees(cable: Cable, subtype: str) -> list[dict[str, Any]]:
    out = []
    for node in xpath(
        cable.tei, f"{CORRESP}/t:correspAction[@type='received'][@subtype='{subtype}']/t:orgName"
    ):
        out.append(
            {
                "name": reading_text(node),
                "routing": node.get("key"),
                "precedence": node.get("type").upper().replace("-", " ") if node.get("type") else None,
                "sequence": node.get("n"),
            }
        )
    return out


def record(cable: Cable) -> dict[str, Any]:
    """The flat JSON record of one cable."""
    tei = cable.tei
    level = _one(cable, f"{BIBL}/t:note[@type='classification']/@subtype")
    caveats = _texts(cable, f"{BIBL}/t:note[@type='caveat']")
    from ..normalize.facts import classification_record

    level_name = {
        "unclassified": "UNCLASSIFIED",
        "confidential": "CONFIDENTIAL",
        "secret": "SECRET",
        "top-secret": "TOP SECRET",
        "limited-official-use": "LIMITED OFFICIAL USE",
    }.get(level or "")
    if level_name is None:
        cat = _one(cable, f"{HEADER}/t:profileDesc/t:textClass/t:catRef[@scheme='#classification']/@target")
        ident = (cat or "").lstrip("#")
        level_name = (
            _one(cable, f"{HEADER}//t:category[@xml:id='{ident}']/t:catDesc") if ident != "cls-unknown" else None
        )
    paragraphs = []
    for p in xpath(tei, f"{DIV}/t:p[@n]"):
        marking = xpath(p, "t:seg[@type='portion-marking']")
        body = reading_text(p, READING_SKIP | {_LABEL})
        if marking:
            mark = reading_text(marking[0])
            body = body[len(mark) :].lstrip() if body.startswith(mark) else body
        paragraphs.append(
            {
                "n": int(p.get("n")),
                "marking": reading_text(marking[0]) if marking else None,
                "text": body,
            }
        )
    summary_parts = [reading_text(s) for s in xpath(tei, f"{DIV}//t:seg[@type='summary']")]
    refs = []
    for ref in xpath(tei, f"{CORRESP}/t:correspContext/t:ref[@type='reference']"):
        target = ref.get("target")
        refs.append(
            {
                "label": ref.get("n"),
                "text": reading_text(ref),
                "id": target.split(":", 1)[1] if target and target.startswith("cable:") else None,
            }
        )
    sent = f"{CORRESP}/t:correspAction[@type='sent']"
    origin = _origin(cable)
    to = _addressees(cable, "action")
    return {
        "id": cable.id,
        "source": cable.source,
        "date": cable.date or _one(cable, f"{META}/t:date[@type='created']/@when"),
        "origin": origin,
        "from": _one(cable, f"{BIBL}/t:author/t:orgName"),
        "to": to,
        "info": _addressees(cable, "info"),
        "precedence": (to[0]["precedence"] if to and to[0]["precedence"] else None),
        "classification": classification_record(level_name, caveats) if level_name else None,
        "caveats": caveats,
        "subject": _one(cable, f"{HEADER}/t:fileDesc/t:titleStmt/t:title[@type='subject']"),
        "tags": _texts(
            cable, f"{HEADER}/t:profileDesc/t:textClass/t:keywords[@scheme='#tags']/t:term[not(@type='none')]"
        ),
        "references": refs,
        "signer": _one(cable, f"{sent}/t:persName"),
        "summary": " ".join(summary_parts) or None,
        "sections": int(s) if (s := _one(cable, f"{BIBL}/t:extent/t:measure[@unit='section']/@quantity")) else None,
        "paragraphs": paragraphs,
        "warnings": list(cable.warnings),
    }


def _origin(cable: Cable) -> str | None:
    from ..normalize.facts import origin_of

    sender = _one(cable, f"{BIBL}/t:author/t:orgName")
    return origin_of(sender) or _one(cable, f"{META}/t:note[@type='origin']")


def dumps(data: dict[str, Any], *, indent: int | None = 2) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=indent, sort_keys=False).encode("utf-8")


def write(cable: Cable, options: WriteOptions) -> bytes:
    return dumps(record(cable)) + b"\n"
