"""Themes: the style tokens in ``styles/``, which tokens dress each named style, and the CSS.

One source, several outputs: :func:`stylesheet` fills the CSS templates (screen, print with
paper geometry, EPUB); :mod:`convert.writers.reference` builds the DOCX reference document
from the same tokens and the same :data:`DRESS` table. Which token a style takes (its font,
size, colour, weight…) is written once, in :data:`DRESS`: the CSS templates ask for it as
``${style.<key>.<property>}``. Results are cached per process: long-lived workers pay for
them once; :func:`clear_caches` forgets them all (tests that edit tokens).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
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


#: The named styles (keys of a theme's [styles]) and the tokens that dress each.
DRESS: dict[str, Dress] = {
    "title": Dress("heading", "title", "accent", bold="title_weight"),
    "classification": Dress("meta", "classification", "classification", bold="classification_weight",
                            align="center"),
    "metadata": Dress("meta", "meta", "muted", tight=True),
    "opener": Dress("mono", "small", "muted", tight=True),
    "subject": Dress("heading", "heading", "accent", bold="heading_weight"),
    "references": Dress("meta", "meta", "text", tight=True),
    "body": Dress("body", "body", "text"),
    "summary": Dress("body", "body", "text", shade="summary_background", border="summary_rule"),
    "comment": Dress("body", "body", "text", italic=True),
    "quote": Dress("body", "body", "text", indent=2),
    "list_item": Dress("body", "body", "text", indent=1),
    "signature": Dress("heading", "body", "text", bold=True),
    "artifact": Dress("mono", "running", "muted", tight=True),
    "paragraph_number": Dress("heading", "body", "accent", kind="character", bold="paragraph_number_weight"),
    "portion_marking": Dress("meta", "small", "muted", kind="character", italic="portion_marking_style"),
    "redaction": Dress("mono", "body", "muted", kind="character"),
}

#: caches derived from themes, forgotten together by :func:`clear_caches`
_CACHES: list[Callable[[], None]] = []


def derived(function: Callable[[], None]) -> None:
    """Register a cache of something derived from themes (``some_cached.cache_clear``)."""
    _CACHES.append(function)


@cache
def load_theme(name: str) -> Theme:
    """The theme called ``name`` (one of :data:`THEMES`); :class:`StyleError` otherwise."""
    try:
        tokens = styles.load_tokens(name)
    except KeyError as exc:
        known = ", ".join(styles.THEMES)
        raise StyleError(name, f"unknown theme (known: {known})") from exc
    for section in ("fonts", "sizes", "colours", "spacing", "page", "styles", "text"):
        if section not in tokens:
            raise StyleError(name, f"theme lacks the [{section}] tokens")
    return Theme(name, tokens)


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


def _dress_values(theme: Theme, key: str, dress: Dress) -> dict[str, str]:
    """``style.<key>.font``, ``.size``, ``.colour``, ``.weight``, ``.font_style``,
    ``.background``, ``.rule``: the CSS values of a style's dress."""
    tokens = theme.tokens
    values = {
        "font": _css_family(list(tokens["fonts"][dress.font])),
        "size": str(tokens["sizes"][dress.size]),
        "colour": str(tokens["colours"][dress.colour]),
        "weight": _css_switch(theme, dress.bold, "bold"),
        "font_style": _css_switch(theme, dress.italic, "italic"),
    }
    if dress.shade:
        values["background"] = str(tokens["colours"][dress.shade])
    if dress.border:
        values["rule"] = str(tokens["colours"][dress.border])
    return {f"style.{key}.{name}": value for name, value in values.items()}


def _css_values(theme: Theme, paper: str) -> dict[str, str]:
    values: dict[str, str] = {}
    for section, entries in theme.tokens.items():
        if not isinstance(entries, dict) or section in {"page", "meta"}:
            continue
        for key, value in entries.items():
            if section == "fonts":
                values[f"fonts.{key}"] = _css_family(list(value))
            else:
                values[f"{section}.{key}"] = str(value)
    for key in theme.tokens["styles"]:
        values[f"class.{key}"] = theme.css_class(key)
    for key, dress in DRESS.items():
        values.update(_dress_values(theme, key, dress))
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
    parts = ["cable.css"] + {"screen": ["screen.css"], "print": ["print.css"], "epub": []}[medium]
    values = _css_values(theme, paper)
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
