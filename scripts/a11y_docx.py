"""Accessibility checks of a DOCX, with python-docx (no checker for Word documents can be
installed here: Word's own checker needs Word; see docs/accessibility.md).

Each rule names what Word's accessibility checker and WCAG ask of a document:

====================  ===========================================================================
``docx-title``         the core properties carry a title (Word shows it, a screen reader reads it)
``docx-lang-core``     the core properties carry the document's language
``docx-lang-default``  the default run properties (``w:docDefaults``) carry a ``w:lang``
``docx-headings``      the text has headings in built-in Heading styles, the first at level 1, none
                       skipping a level (Word's navigation pane and a screen reader's heading list)
``docx-outline``       every Heading N style in use has outline level N-1 (the navigation pane
                       reads the outline level, not the name)
``docx-colour-only``   no run is told from its paragraph by colour alone (WCAG 1.4.1): a coloured
                       character style or run also differs in weight, slant, underline or case
``docx-alt-text``      every picture has a description
====================  ===========================================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING = re.compile(r"[Hh]eading ([1-9])")
_LANG = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")
#: run properties that tell a run from its paragraph other than by its colour
_MARKS = ("b", "i", "u", "caps", "smallCaps", "strike", "dstrike", "highlight", "shd", "vertAlign",
          "rFonts", "sz")


@dataclass(frozen=True, slots=True)
class Finding:
    """A checker's finding (the same shape as scripts/a11y_pdf.py's): ``checker_error`` is
    None for a real finding, else why the rule text shows the checker is wrong."""

    tool: str
    rule: str
    message: str
    checker_error: str | None = None


def _style_chain(document: Any, style_id: str | None) -> list[Any]:
    """The style elements from ``style_id`` up its ``basedOn`` chain."""
    styles = {element.get(f"{W}styleId"): element
              for element in document.styles.element.iter(f"{W}style")}
    chain, seen = [], set()
    while style_id and style_id in styles and style_id not in seen:
        seen.add(style_id)
        chain.append(styles[style_id])
        based = styles[style_id].find(f"{W}basedOn")
        style_id = based.get(f"{W}val") if based is not None else None
    return chain


def _outline(document: Any, style_id: str | None) -> int | None:
    for style in _style_chain(document, style_id):
        level = style.find(f"{W}pPr/{W}outlineLvl")
        if level is not None:
            return int(level.get(f"{W}val"))
    return None


def _marked(document: Any, rpr: Any, style_id: str | None) -> tuple[bool, bool]:
    """(has a colour, has another mark) over a run's own properties and its character style."""
    colour = mark = False
    sources = [rpr] if rpr is not None else []
    sources += [style.find(f"{W}rPr") for style in _style_chain(document, style_id)]
    for props in sources:
        if props is None:
            continue
        colour = colour or props.find(f"{W}color") is not None
        mark = mark or any(props.find(f"{W}{name}") is not None for name in _MARKS)
    return colour, mark


def _headings(document: Any) -> list[Finding]:
    found, previous, levels = [], 0, []
    for paragraph in document.paragraphs:
        match = _HEADING.fullmatch(paragraph.style.name or "")
        if match is None:
            continue
        level = int(match[1])
        levels.append(level)
        outline = _outline(document, paragraph.style.style_id)
        if outline != level - 1:
            found.append(Finding("docx", "docx-outline", f"style {paragraph.style.name!r} has outline "
                                 f"level {outline}, not {level - 1}"))
        if level > previous + 1:
            found.append(Finding("docx", "docx-headings", f"Heading {level} after "
                                 f"{'Heading ' + str(previous) if previous else 'the start'}: "
                                 f"{paragraph.text[:60]!r}"))
        previous = level
    if not levels:
        found.append(Finding("docx", "docx-headings", "no paragraph in a Heading style"))
    return found


def _colour_only(document: Any) -> list[Finding]:
    found: dict[str, Finding] = {}
    for run in document.element.body.iter(f"{W}r"):
        rpr = run.find(f"{W}rPr")
        style = rpr.find(f"{W}rStyle") if rpr is not None else None
        style_id = style.get(f"{W}val") if style is not None else None
        colour, mark = _marked(document, rpr, style_id)
        text = "".join(t.text or "" for t in run.iter(f"{W}t")).strip()
        if colour and not mark and text:
            key = style_id or "direct formatting"
            found.setdefault(key, Finding("docx", "docx-colour-only",
                                          f"run {text[:40]!r} ({key}) differs from its paragraph "
                                          "by colour alone"))
    return list(found.values())


def check_docx(path: Path) -> list[Finding]:
    """The findings of the rules above on one DOCX (empty: none)."""
    import docx

    document = docx.Document(str(path))
    core = document.core_properties
    found = []
    if not (core.title or "").strip():
        found.append(Finding("docx", "docx-title", "no title in the core properties"))
    if not _LANG.fullmatch(core.language or ""):
        found.append(Finding("docx", "docx-lang-core", f"core language {core.language!r}"))
    lang = document.styles.element.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    if lang is None or not _LANG.fullmatch(lang.get(f"{W}val") or ""):
        found.append(Finding("docx", "docx-lang-default", "no w:lang in the default run properties"))
    found += _headings(document)
    found += _colour_only(document)
    for picture in document.element.body.iter(
            "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr"):
        if not (picture.get("descr") or "").strip():
            found.append(Finding("docx", "docx-alt-text", f"picture {picture.get('name')!r} has no description"))
    return found
