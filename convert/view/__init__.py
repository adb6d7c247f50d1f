"""The read side: what a cable's TEI says, read once, typed, for every writer.

``cable.view`` (a :class:`CableView`, made on first use and kept on the :class:`~convert.model.Cable`)
reads the TEI and nothing else, so a TEI given as input renders exactly as the cable it was
made from. Three parts, each read when first asked for:

- :attr:`CableView.header` — a :class:`Header`: the header's facts as the TEI states them
  (raw: ``None`` where the TEI is silent). The JSON record serialises it; what only the
  renditions need (``dtg``, ``place``, ``banner``) is read when first asked for.
- :attr:`CableView.body` — a :class:`Body`: the body's reading text block by block (every
  word of it, in order), the numbered paragraphs and the summary, one pass.
- The display facts every rendition prints (``subject``, ``origin``, ``classification``…):
  the header with the renditions' conventions applied (an id from the file name when the TEI
  has none, "(no subject)", the origin or else the sender).

Writers keep what they derive from the TEI on the view too (:attr:`CableView.renders`: the HTML
walk of the body, once per theme), so ``--to all`` walks each cable's body once per theme.
"""

from __future__ import annotations

from collections import Counter
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ..names import input_stem
from .addressed import read_addressed
from .corrected import read_corrected
from .facts import (
    NOT_STATED,
    Appended,
    Block,
    Body,
    Copy,
    Header,
    Item,
    Office,
    Paragraph,
    Reference,
    banner_level,
    clean,
    epoch_to_iso,
    iso_to_epoch,
)
from .read import (
    paragraph_of,
    read_banner,
    read_body,
    read_copy,
    read_discrepancies,
    read_drafting,
    read_dtg,
    read_header,
    read_notes,
    read_place,
    read_title,
)

if TYPE_CHECKING:
    from ..model import Cable

__all__ = ["NOT_STATED", "Appended", "Block", "Body", "CableView", "Copy", "Header", "Item", "Office", "Paragraph",
           "Reference", "banner_level", "clean", "epoch_to_iso", "iso_to_epoch", "paragraph_of", "read_body",
           "read_header"]



class CableView:
    """One cable's read side. Made by ``cable.view``; every attribute is read once."""

    def __init__(self, cable: Cable) -> None:
        # the TEI and the input's name, not the cable: no reference cycle cable <-> view
        self.tei = cable.tei
        self.source = cable.source
        #: what writers derived from this TEI, by their own keys (the HTML body walk per theme)
        self.renders: dict[tuple[Any, ...], Any] = {}
        #: how many times the body was walked for rendering, per theme (see :mod:`.writers.html`)
        self.walks: Counter[str] = Counter()

    @cached_property
    def header(self) -> Header:
        return read_header(self.tei)

    def known_header(self, header: Header) -> None:
        """The header, known already: the normalizer made it from the facts it built the TEI
        from (:mod:`convert.normalize.build.stated`; a test holds it equal to what
        :func:`read_header` reads), so the TEI's header is not read back."""
        self.__dict__["header"] = header

    @cached_property
    def body(self) -> Body:
        return read_body(self.tei)

    # -- what every rendition prints ------------------------------------------------------
    @cached_property
    def id(self) -> str:
        """The cable id, or the input's file name stem when the TEI has none (``05BRASILIA2675``
        for ``05BRASILIA2675.txt``: a cable file's suffix is no part of a name it shows)."""
        return clean(self.header.cable_id) or input_stem(self.source)

    @cached_property
    def stated_subject(self) -> str:
        """The subject the text states, "" where it has no SUBJECT line (a labelled fact, never
        the stand-in title :attr:`subject` shows)."""
        return clean(self.header.subject)

    @cached_property
    def subject(self) -> str:
        """The subject, else the first title of any kind, else "(no subject)"."""
        return self.stated_subject or clean(read_title(self.tei)) or "(no subject)"

    @property
    def date(self) -> str | None:
        """ISO 8601 (the date-time group's), or None."""
        return clean(self.header.date) or None

    @cached_property
    def dtg(self) -> str | None:
        """The date-time group as written (``020922Z JUN 09``)."""
        return read_dtg(self.tei)

    @cached_property
    def place(self) -> str | None:
        """Where it was sent from (``Beijing``), as the TEI names the place."""
        return read_place(self.tei)

    @cached_property
    def banner(self) -> str | None:
        """The classification line as the cable writes it."""
        return read_banner(self.tei)

    @property
    def sender(self) -> tuple[str, ...]:
        sender = clean(self.header.sender)
        return (sender,) if sender else ()

    @property
    def origin(self) -> str | None:
        """The sending office in the cablegate convention, else as the FM line names it."""
        return clean(self.header.origin) or clean(self.header.sender) or None

    @property
    def to(self) -> tuple[str, ...]:
        return tuple(office.name for office in self.header.to if office.name)

    @property
    def info(self) -> tuple[str, ...]:
        return tuple(office.name for office in self.header.info if office.name)

    @cached_property
    def level(self) -> str | None:
        """The level the TEI states; for a TEI that states none, its banner's; None when
        neither says (the renditions print :data:`NOT_STATED`)."""
        if self.header.level:
            return self.header.level
        return banner_level(self.banner) if self.banner else None

    @cached_property
    def classification(self) -> str:
        """The line printed at the top and bottom of every page (``SECRET//NOFORN``), or
        :data:`NOT_STATED`. A cable marked LIMITED OFFICIAL USE is printed under that level,
        not under the record's UNCLASSIFIED//FOR OFFICIAL USE ONLY (the 2011 metadata's
        convention, which the JSON keeps)."""
        if self.level == "LIMITED OFFICIAL USE":
            return self.level
        return clean(self.header.marking) or self.level or NOT_STATED

    @property
    def caveats(self) -> tuple[str, ...]:
        return self.header.caveats

    @property
    def tags(self) -> tuple[str, ...]:
        return self.header.tags

    @cached_property
    def references(self) -> tuple[Reference, ...]:
        return tuple(Reference(clean(r.label), clean(r.text), r.cable_id) for r in self.header.references)

    @property
    def precedence(self) -> str | None:
        """The cable's precedence (``PRIORITY``), as its first action addressee carries it."""
        return self.header.precedence

    @cached_property
    def declassification(self) -> tuple[str, ...]:
        """The E.O. line(s) as written (``E.O. 12958: DECL: 06/29/2019``)."""
        return read_notes(self.tei, "declassification")

    @cached_property
    def classified_by(self) -> tuple[str, ...]:
        """The Classified By line(s) as written."""
        return read_notes(self.tei, "classified-by")

    @cached_property
    def corrected(self) -> str | None:
        """What the copy's notice says was corrected (``CLASSIFICATION PARA 4``; "" where it names
        nothing), or None: the cable is no corrected copy."""
        return read_corrected(self.tei)

    @cached_property
    def discrepancies(self) -> tuple[str, ...]:
        """Where the witnesses disagree and which the TEI kept (``classification: the text gives
        CONFIDENTIAL, the cablegate table CONFIDENTIAL//NOFORN``), as the normalizer noted it."""
        return read_discrepancies(self.tei)

    @cached_property
    def partial(self) -> bool:
        """Whether the record is a partial extract of the original cable."""
        return bool(read_notes(self.tei, "partial-extract"))

    @cached_property
    def addressed(self) -> str | None:
        """Whom a personal telegram is for and from, as its front matter's line says
        (``FOR THE SECRETARY FROM THE AMBASSADOR``), or None."""
        return read_addressed(self.tei)

    @cached_property
    def drafting(self) -> tuple[str, ...]:
        """Who drafted, cleared and approved it, as the front matter's lines say."""
        return read_drafting(self.tei)

    @cached_property
    def copy(self) -> Copy:
        """Where this copy comes from (a cablegate page, a cables.csv row, a file)."""
        return read_copy(self.tei)

    @property
    def signer(self) -> str | None:
        return clean(self.header.signer) or None

    @property
    def lang(self) -> str:
        return self.header.lang

    def epoch(self) -> int | None:
        """The cable's date as a Unix time (for reproducible timestamps), or None."""
        return iso_to_epoch(self.date)
