"""The data that flows between readers, the normalizer and writers.

Readers produce a :class:`RawCable` (the text as found, plus any independent metadata);
the normalizer turns it into a :class:`Cable`, a thin typed wrapper around the canonical
TEI tree. Writers accept a :class:`Cable` and nothing else, and read it through its
:attr:`Cable.view` (:mod:`convert.view`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any, cast

from lxml import etree

if TYPE_CHECKING:
    from .view import CableView

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"t": TEI_NS}


@lru_cache(maxsize=512)
def compiled(path: str) -> etree.XPath:
    """``path`` (with the ``t:`` prefix for TEI) compiled once per process: the writers ask
    the same few dozen questions of every cable."""
    return etree.XPath(path, namespaces=NS)


def xpath(node: etree._Element, path: str) -> list[Any]:
    return cast("list[Any]", compiled(path)(node))


@dataclass(frozen=True, slots=True)
class SourceMetadata:
    """Metadata that came with the cable but not from its text (a cablegate table, a CSV row)."""

    kind: str  # "cablegate-table" | "cables.csv" | "text-scrape"
    id: str | None = None
    created: str | None = None  # ISO 8601, minutes precision as the source gives it (a scrape: the day)
    released: str | None = None
    classification: str | None = None
    origin: str | None = None
    references: tuple[str, ...] = ()
    row: str | None = None  # the CSV's own running number


@dataclass(frozen=True, slots=True)
class RawCable:
    """A cable as a reader found it: text not yet understood."""

    source: str  # the input's name: a path, "file.csv#12", "-"
    form: str  # "text" | "html" | "csv"
    body: str  # the cable text (for text input: everything)
    header: str | None = None  # a separate routing-header block, when the source keeps one apart
    metadata: SourceMetadata | None = None
    notes: tuple[str, ...] = ()  # what the reader noticed (warnings for the report)


@dataclass(slots=True)
class Cable:
    """One cable: the canonical TEI document and what was noticed while making it.

    The TEI is not changed once the cable is made: :attr:`view` reads it once for every writer.
    """

    tei: etree._Element  # the <TEI> root element
    source: str
    warnings: list[str] = field(default_factory=list)
    _view: CableView | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def view(self) -> CableView:
        """The read side (:class:`convert.view.CableView`): made on first use, then kept."""
        if self._view is None:
            from .view import CableView

            self._view = CableView(self)
        return self._view

    def _x(self, path: str) -> list[Any]:
        return xpath(self.tei, path)

    def _first(self, path: str) -> str | None:
        found = self._x(path)
        if not found:
            return None
        item = found[0]
        if isinstance(item, str):
            return str(item)
        return "".join(item.itertext())

    @property
    def id(self) -> str | None:
        return self._first("t:teiHeader/t:fileDesc/t:publicationStmt/t:idno[@type='cable-id']")

    @property
    def date(self) -> str | None:
        # the date of sending: the date-time group's, or (with a warning) the metadata's
        return self._first(
            "t:teiHeader/t:profileDesc/t:correspDesc/t:correspAction[@type='sent']/t:date/@when"
        ) or self._first("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl[@type='telegram']/t:date/@when")

    @property
    def subject(self) -> str | None:
        return self._first("t:teiHeader/t:fileDesc/t:titleStmt/t:title")

    def file_stem(self) -> str:
        """A safe file name stem: the cable id, or the input's name without its suffix when no id
        was derived (``note.txt`` -> ``note``)."""
        from .names import input_stem, safe_stem

        return safe_stem(self.id) if self.id else input_stem(self.source)
