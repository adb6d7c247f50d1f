"""The only URL fetcher weasyprint gets: it serves bundled style assets and nothing else.

Cable text never becomes markup (the HTML writer escapes it), so a render should ask for no
URL at all; the theme may reference files under ``styles/`` (``styles:`` scheme or a
``file:`` URL inside that directory). Anything else — the network, ``file:///etc/passwd``,
``data:`` — is refused with a fatal error, so an attempt aborts the render instead of
being logged and ignored. Every request is recorded for tests and audits.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import styles

from .errors import RenderError


def _weasy_urls() -> Any:
    from weasyprint import urls

    return urls


def _root() -> Path:
    return Path(styles.asset_root()).resolve()


def asset_path(url: str) -> Path | None:
    """The bundled file a URL names, or None when it names anything else."""
    parts = urlsplit(url)
    root = _root()
    if parts.scheme == "styles":
        candidate = (root / unquote(parts.path).lstrip("/")).resolve()
    elif parts.scheme == "file" and parts.netloc in {"", "localhost"}:
        candidate = Path(unquote(parts.path)).resolve()
    else:
        return None
    if candidate != root and root in candidate.parents and candidate.is_file():
        return candidate
    return None


_FETCHER_CLASS: Any = None


def bundled_only_fetcher() -> Any:
    """A new fetcher instance (a :class:`weasyprint.urls.URLFetcher` subclass)."""
    global _FETCHER_CLASS
    if _FETCHER_CLASS is None:
        urls = _weasy_urls()

        class BundledOnlyFetcher(urls.URLFetcher):  # type: ignore[misc,name-defined]
            """Serve files under ``styles/``; refuse (fatally) every other URL."""

            def __init__(self) -> None:
                super().__init__(allowed_protocols=("styles", "file"), allow_redirects=False,
                                 fail_on_errors=True)
                self.requested: list[str] = []
                self.refused: list[str] = []

            def fetch(self, url, headers=None):  # type: ignore[no-untyped-def]
                self.requested.append(url)
                path = asset_path(url)
                if path is None:
                    self.refused.append(url)
                    raise urls.FatalURLFetchingError(f"refused to fetch {url!r}")
                return urls.URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                               status=200)

        _FETCHER_CLASS = BundledOnlyFetcher
    return _FETCHER_CLASS()


def refuse_error(url_list: list[str], source: str) -> RenderError:
    return RenderError(source, "the rendering asked for resources outside the theme: "
                       + ", ".join(url_list[:3]))
