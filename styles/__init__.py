"""The themes: style tokens written once (``<name>.toml``) and the CSS templates they fill.

Everything here is data. :mod:`convert.theme` turns it into stylesheets and a reference.docx.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from typing import Any

THEMES = ("modern", "teletype")


def _read_toml(name: str) -> dict[str, Any]:
    text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def load_tokens(name: str) -> dict[str, Any]:
    """The theme's tokens, with ``inherit = "<parent>"`` resolved (child values win)."""
    if name not in THEMES:
        raise KeyError(name)
    data = _read_toml(name)
    parent = data.pop("inherit", None)
    if parent:
        data = _merge(load_tokens(str(parent)), data)
    return data


def merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over``'s tokens on top of ``base``'s, section by section (a user theme on the one it
    inherits from)."""
    return _merge(base, over)


def read_template(name: str) -> str:
    """A CSS template shipped with the package (``cable.css``, ``print.css``, ``screen.css``)."""
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def asset_root() -> str:
    """The directory holding the bundled style assets (the only files the PDF fetcher serves)."""
    return str(resources.files(__name__))
