"""Themes: the style tokens in ``styles/``, which tokens dress each named style, and the CSS.

One source, several outputs: :func:`stylesheet` fills the CSS templates (screen, print with
paper geometry, EPUB); :mod:`convert.writers.reference` builds the DOCX reference document
from the same tokens and the same :data:`DRESS` table. Which token a style takes (its font,
size, colour, weight…) is written once, in :data:`DRESS`: the CSS templates ask for it as
``${style.<key>.<property>}``. Results are cached per process: long-lived workers pay for
them once; :func:`clear_caches` forgets them all (tests that edit tokens).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from typing import Any

import styles

from .errors import StyleError
from .vocab import slug

MEDIA = ("screen", "print", "epub")
PAPERS = ("a4", "letter")
THEMES = styles.THEMES


@dataclass(frozen=True, slots=True)
class Theme:
    """A loaded theme: its name and its (merged) tokens."""

    name: str
    tokens: dict[str, Any]

    def style(self, key: str) -> str:
        """The style name (DOCX, pandoc custom-style) for a style key such as ``summary``."""
        try:
            return str(self.tokens["styles"][key])
        except KeyError as exc:
            raise StyleError(self.name, f"no style named {key!r} in the theme") from exc

    def css_class(self, key: str) -> str:
        """The CSS class for a style key: the slug of its style name."""
        return slug(self.style(key))

    def font(self, key: str) -> str:
        """The first (preferred) family of a font token."""
        return str(self.tokens["fonts"][key][0])

    def size(self, key: str) -> float:
        return float(self.tokens["sizes"][key])

    def colour(self, key: str) -> str:
        return str(self.tokens["colours"][key])

    def spacing(self, key: str) -> float:
        return float(self.tokens["spacing"][key])

    def switch(self, value: str | bool, on: str) -> bool:
        """A dress switch (bold, italic): a literal, or a ``[text]`` token that reads ``on``."""
        if isinstance(value, bool):
            return value
        return str(self.tokens["text"].get(value, "")) == on


@dataclass(frozen=True, slots=True)
class Dress:
    """Which tokens dress one named style, in CSS and in the reference.docx alike."""

    font: str  # a [fonts] token
    size: str  # a [sizes] token
    colour: str  # a [colours] token
    kind: str = "paragraph"  # the DOCX style type: paragraph or character
    bold: str | bool = False  # a [text] token reading "bold", or a literal
    italic: str | bool = False  # a [text] token reading "italic", or a literal
    align: str | None = None  # None: the theme's text.align
    indent: int = 0  # in [spacing] indent units (DOCX)
    shade: str | None = None  # a [colours] token for the background
    border: str | None = None  # a [colours] token for a rule on the left
    tight: bool = False  # no space after the paragraph (DOCX)
    #: lines set close together, the space after the group (DOCX contextualSpacing: a REF
    #: list's lines, then the space before the text, as the CSS's block margin gives)
    grouped: bool = False
    #: a hanging indent of one indent unit: a labelled item's lines after the first stand
    #: clear of its label (``--``, ``a)``), as in CSS
    hanging: bool = False
    small_caps: bool = False  # capitals and small capitals (a FRUS signature)
    keep: bool = False  # kept on the page of what follows it (a heading, a dateline)
    outline: int | None = None  # a heading's outline level (0: Heading 1), DOCX navigation


#: The named styles (keys of a theme's [styles]) and the tokens that dress each.
DRESS: dict[str, Dress] = {
    "title": Dress("heading", "title", "accent", bold="title_weight", keep=True),
    "heading": Dress("body", "heading", "text", bold="heading_weight", keep=True, outline=0),
    "section_heading": Dress("heading", "meta", "muted", bold="heading_weight", keep=True,
                             outline=1),
    "dateline": Dress("body", "body", "text", italic=True, align="right", keep=True),
    "source_note": Dress("body", "small", "text", tight=True),
    "transmission": Dress("mono", "running", "muted", tight=True),
    "classification": Dress("meta", "classification", "classification", bold="classification_weight",
                            align="center"),
    "metadata": Dress("meta", "meta", "muted", tight=True),
    "opener": Dress("mono", "small", "muted", tight=True),
    "subject": Dress("body", "body", "text", keep=True),
    # the cable's own headings in its text (MILITARY UPDATE, COMMENT): set bold, kept with
    # what follows, no outline level (the text's sections are no navigation)
    "text_heading": Dress("body", "body", "text", bold="heading_weight", keep=True),
    "references": Dress("body", "body", "text", grouped=True),
    "body": Dress("body", "body", "text"),
    "summary": Dress("body", "body", "text", shade="summary_background", border="summary_rule"),
    "comment": Dress("body", "body", "text", italic=True),
    "quote": Dress("body", "body", "text", indent=2),
    "list_item": Dress("body", "body", "text", indent=1, hanging=True),
    "signature": Dress("body", "body", "text", small_caps=True, align="right"),
    "artifact": Dress("mono", "running", "muted", tight=True),
    # a table written in plain text: its lines as they stand, in the monospaced face (the
    # spaces align its columns); in DOCX pandoc's code block style, which this name replaces
    "table": Dress("mono", "small", "text", tight=True),
    "paragraph_number": Dress("heading", "body", "accent", kind="character", bold="paragraph_number_weight"),
    "portion_marking": Dress("meta", "small", "muted", kind="character", italic="portion_marking_style"),
    "redaction": Dress("body", "body", "muted", kind="character", italic=True),
}

#: caches derived from themes, forgotten together by :func:`clear_caches`
_CACHES: list[Callable[[], None]] = []


def derived(function: Callable[[], None]) -> None:
    """Register a cache of something derived from themes (``some_cached.cache_clear``)."""
    _CACHES.append(function)


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name`` (one of :data:`THEMES`) or written in the TOML file ``name``
    (a user theme: see :func:`read_theme_file`); :class:`StyleError` otherwise."""
    if name in styles.THEMES:
        tokens = styles.load_tokens(name)
    elif is_theme_file(name):
        tokens = read_theme_file(name)
    else:
        known = ", ".join(styles.THEMES)
        raise StyleError(name, f"unknown theme (known: {known}, or a .toml file that inherits from one)")
    for section in ("fonts", "sizes", "colours", "spacing", "page", "styles", "text"):
        if section not in tokens:
            raise StyleError(name, f"theme lacks the [{section}] tokens")
    return Theme(name, tokens)


def is_theme_file(name: str) -> bool:
    """Whether ``--theme`` names a file (``./my.toml``) rather than a built-in theme."""
    return name.endswith(".toml") or "/" in name or os.sep in name


def check_theme(name: str) -> str:
    """Load the theme once (a bad one raises :class:`StyleError` before any cable is
    converted) and return the name writers should get: a theme file's absolute path, so
    worker processes in another folder read the same file."""
    if name not in styles.THEMES and is_theme_file(name):
        name = str(Path(name).expanduser().resolve())
    load_theme(name)
    return name


# ---------------------------------------------------------------------------- user themes

#: the largest theme file read (a theme is a few dozen lines)
MAX_THEME_BYTES = 64 * 1024
_FAMILY = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}")
_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
_LENGTH = re.compile(r"\d{1,4}(?:\.\d{1,3})?(?:mm|cm|in|pt)")
_PAGE_SIZE = re.compile(r"A[3-6]|B[4-5]|letter|legal")
#: the values a ``[text]`` token may take, by the end of its name
_TEXT_VALUES = {"align": {"left", "right", "center", "justify"}, "weight": {"normal", "bold"},
                "style": {"normal", "italic"}}


def read_theme_file(path: str) -> dict[str, Any]:
    """A user theme: a TOML file with ``inherit = "modern"`` (or another built-in theme) and
    the tokens it changes. Every token must be one the built-in theme has, with a value of
    the same kind (a font family list, a size in points, a ``#rrggbb`` colour, a length…);
    style names are the writers' and cannot be changed."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_THEME_BYTES + 1)
    except OSError as exc:
        raise StyleError(path, f"cannot read the theme file: {exc.strerror or exc}") from None
    if len(data) > MAX_THEME_BYTES:
        raise StyleError(path, f"a theme file is at most {MAX_THEME_BYTES // 1024} KB")
    try:
        tokens = tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise StyleError(path, "the theme file is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise StyleError(path, f"not a TOML file: {exc}") from None
    parent = tokens.pop("inherit", None)
    known = ", ".join(styles.THEMES)
    if parent is None:
        raise StyleError(path, f'a theme file says which theme it changes: inherit = "modern" (or {known})')
    if parent not in styles.THEMES:
        raise StyleError(path, f"inherit = {parent!r}: no such theme (known: {known})")
    base = styles.load_tokens(str(parent))
    for section, values in tokens.items():
        _check_section(path, section, values, base)
    return styles.merge(base, tokens)


def _check_section(path: str, section: str, values: Any, base: dict[str, Any]) -> None:
    if section == "styles":
        raise StyleError(path, "[styles] names the writers' styles: a theme cannot change them")
    if section not in base or not isinstance(values, dict):
        known = ", ".join(f"[{s}]" for s in base if s != "styles")
        raise StyleError(path, f"unknown section [{section}] (known: {known})")
    if section == "page":
        for paper, geometry in values.items():
            if paper not in base["page"] or not isinstance(geometry, dict):
                raise StyleError(path, f"unknown paper [page.{paper}] (known: {', '.join(base['page'])})")
            for key, value in geometry.items():
                _check_token(path, f"page.{paper}", key, value, base["page"][paper])
        return
    for key, value in values.items():
        _check_token(path, section, key, value, base[section])


def _check_token(path: str, section: str, key: str, value: Any, base: dict[str, Any]) -> None:
    where = f"[{section}] {key}"
    if key not in base:
        raise StyleError(path, f"{where}: no such token (known: {', '.join(base)})")
    kind = section.split(".")[0]
    if kind == "meta":
        ok = isinstance(value, str) and len(value) < 200
    elif kind == "fonts":
        ok = (isinstance(value, list) and bool(value)
              and all(isinstance(v, str) and _FAMILY.fullmatch(v) for v in value))
    elif kind in {"sizes", "spacing"}:
        ok = isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 144
    elif kind == "colours":
        ok = isinstance(value, str) and bool(_COLOUR.fullmatch(value))
    elif kind == "page":
        pattern = _PAGE_SIZE if key == "size" else _LENGTH
        ok = isinstance(value, str) and bool(pattern.fullmatch(value))
    else:  # [text]
        allowed = next((v for end, v in _TEXT_VALUES.items() if key.endswith(end)), set())
        ok = value in allowed
    if not ok:
        raise StyleError(path, f"{where} = {value!r}: not a value of its kind (the built-in: {base[key]!r})")


# ---------------------------------------------------------------------------------------- CSS


class _CSSTemplate(Template):
    idpattern = r"[a-z_][a-z0-9_.]*"


def _css_family(families: list[str]) -> str:
    generic = {"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"}
    return ", ".join(name if name in generic else f'"{name}"' for name in families)


def _css_switch(theme: Theme, value: str | bool, on: str) -> str:
    """A dress switch as a CSS value: the ``[text]`` token's, or ``on``/``normal``."""
    if isinstance(value, str):
        return str(theme.tokens["text"][value])
    return on if value else "normal"


def _length(theme: Theme, points: float, medium: str) -> str:
    """A size or space of the theme (in points) as CSS for ``medium``: points on paper; on
    screens and e-readers relative to the reader's own text size (1rem = the body size)."""
    if medium == "print":
        return f"{points:g}pt"
    return f"{round(points / theme.size('body'), 3):g}rem"


def _dress_values(theme: Theme, key: str, dress: Dress, medium: str) -> dict[str, str]:
    """``style.<key>.font``, ``.size``, ``.colour``, ``.weight``, ``.font_style``,
    ``.variant``, ``.align``, ``.background``, ``.rule``: the CSS values of a style's dress."""
    tokens = theme.tokens
    values = {
        "font": _css_family(list(tokens["fonts"][dress.font])),
        "size": _length(theme, float(tokens["sizes"][dress.size]), medium),
        "colour": str(tokens["colours"][dress.colour]),
        "weight": _css_switch(theme, dress.bold, "bold"),
        "font_style": _css_switch(theme, dress.italic, "italic"),
        "variant": "all-small-caps" if dress.small_caps else "normal",
        "align": str(dress.align or tokens["text"].get("align", "left")),
    }
    if dress.shade:
        values["background"] = str(tokens["colours"][dress.shade])
    if dress.border:
        values["rule"] = str(tokens["colours"][dress.border])
    return {f"style.{key}.{name}": value for name, value in values.items()}


def _css_values(theme: Theme, paper: str, medium: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for section, entries in theme.tokens.items():
        if not isinstance(entries, dict) or section in {"page", "meta"}:
            continue
        for key, value in entries.items():
            if section == "fonts":
                values[f"fonts.{key}"] = _css_family(list(value))
            elif section in {"sizes", "spacing"} and key != "line_height":
                values[f"{section}.{key}"] = _length(theme, float(value), medium)
            else:
                values[f"{section}.{key}"] = str(value)
    for key in theme.tokens["styles"]:
        values[f"class.{key}"] = theme.css_class(key)
    for key, dress in DRESS.items():
        values.update(_dress_values(theme, key, dress, medium))
    pages = theme.tokens["page"]
    if paper not in pages:
        raise StyleError(theme.name, f"no page geometry for paper {paper!r}")
    for key, value in pages[paper].items():
        values[f"page.{key}"] = str(value)
    return values


@cache
def stylesheet(theme_name: str, medium: str = "screen", paper: str = "a4") -> str:
    """The theme's CSS for ``screen`` (standalone HTML), ``print`` (PDF) or ``epub``."""
    if medium not in MEDIA:
        raise StyleError(theme_name, f"unknown medium {medium!r}")
    theme = load_theme(theme_name)
    parts = ["cable.css"] + {"screen": ["interactive.css", "screen.css"], "print": ["print.css"],
                             "epub": ["interactive.css"]}[medium]
    values = _css_values(theme, paper, medium)
    out = []
    for part in parts:
        try:
            out.append(_CSSTemplate(styles.read_template(part)).substitute(values))
        except (KeyError, ValueError) as exc:
            raise StyleError(theme_name, f"{part}: unknown token {exc}") from exc
    return "\n".join(out)


def clear_caches() -> None:
    """Forget loaded themes and everything derived from them (tests that edit tokens)."""
    load_theme.cache_clear()
    stylesheet.cache_clear()
    for clear in _CACHES:
        clear()
