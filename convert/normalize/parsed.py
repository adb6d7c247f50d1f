"""The types passed between the normalizer's stages: the parsed cable.

Every value here is frozen. A stage takes the previous stage's values and returns new ones;
nothing is patched in place later, so :func:`convert.normalize.build.build` can be a pure
function of a :class:`ParsedCable`.

- lines -> ``Entry`` (a text line, :class:`Furniture`, or None for a blank line)
- routing -> :class:`Routing`
- fields -> :class:`Field` (the preamble: banner, TAGS, SUBJECT, REF…)
- blocks, closing -> :data:`Block` (one of the block variants below)
- inline -> the same fields and blocks with their ``tokens`` filled in (:data:`Token`)
- facts -> :class:`Facts`, complete before anything is built
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from ..model import SourceMetadata


# ---------------------------------------------------------------- lines
@dataclass(frozen=True, slots=True)
class Furniture:
    """Lines that belong to the printed page or the transmission, not the text: a page break,
    a section banner, or a mark (a handling word like SIPDIS met in the text, a distribution
    block) that is kept as ``fw`` of its role and read by nobody."""

    kind: Literal["page", "section", "mark"]
    lines: tuple[tuple[str, str], ...] = ()  # (role, text); role: header | footer | banner | handling | …
    n: str | None = None


@dataclass(frozen=True, slots=True)
class Continued:
    """A line that goes on with page furniture met just before it (a page header's second line:
    the cable's subject written again under the page-break line): ``furniture`` is the
    furniture at entry ``at`` with the line added; ``rest``, the text the copy ran on after it."""

    furniture: Furniture
    at: int
    rest: str = ""


class Glued(str):
    """A piece of a line that held several fields run together; ``space_before`` says
    whether white space separated it from the previous piece (the source view keeps it);
    ``own_line``: a whole line set apart from the field above it (a line break before it)."""

    space_before: bool = False
    own_line: bool = False


class RunOn(str):
    """A piece cut from the end of a preamble field's line that begins the body (a dashed rule
    and the heading set with it, run on after the SUBJECT or the Classified By line)."""


class Anchored(str):
    """A line that began with the cablegate pages' paragraph anchor (¶, dropped)."""


class TableLine(str):
    """A line of a table written in plain text (rule ``text-table``): kept as it stands, its
    spaces included (they align the columns); never joined to the line before or after."""


Line = str | Furniture  # a text line, or page furniture met inside a field or block
Entry = str | Furniture | None  # … or a blank line (None)


@dataclass(frozen=True, slots=True)
class Banner:
    """A classification/section banner: ``UNCLAS SECTION 01 OF 02 BEIJING 001463``."""

    text: str
    level: str | None
    section: int | None = None
    sections: int | None = None
    station: str | None = None
    serial: str | None = None
    rest: str = ""  # words between the level and SECTION/ref (caveats like E F T O, NOFORN)
    id_station: str | None = None  # the station as cablegate ids spell it


# ---------------------------------------------------------------- inline tokens
@dataclass(frozen=True, slots=True)
class Choice:
    """A repair that keeps the original: orig/reg (``kind="reg"``) or sic/corr (``"corr"``)."""

    orig: str
    reg: str
    kind: str = "reg"
    cert: str | None = None
    reason: str | None = None  # a short name for what was regularised (reg/@type)


@dataclass(frozen=True, slots=True)
class Gap:
    text: str  # the redaction as it stood (XXXXXXXXXXXX)


@dataclass(frozen=True, slots=True)
class Break:
    furniture: Furniture


@dataclass(frozen=True, slots=True)
class Seg:
    """A span of the text: summary, comment or quote (``part`` I/M/F across paragraphs)."""

    type: str
    children: tuple[Token, ...] = ()
    part: str | None = None
    ident: str | None = None  # xml:id (the first summary: "summary", for the abstract)


Token = str | Choice | Gap | Break | Seg
Tokens = tuple[Token, ...]


# ---------------------------------------------------------------- routing header
@dataclass(frozen=True, slots=True)
class Addressee:
    text: str  # the line as written
    name: str
    prefix: str | None = None
    precedence: str | None = None  # as written
    precedence_norm: str | None = None  # a known precedence, after fixing a misspelling
    sequence: str | None = None


@dataclass(frozen=True, slots=True)
class RoutingLine:
    # transmission | routing | de | security | dtg | from | to | info | xmt | bt | action | notice | wrapper | other
    kind: str
    text: str
    when: str | None = None  # a date-time group line: its date (ISO 8601)


@dataclass(frozen=True, slots=True)
class Routing:
    lines: tuple[RoutingLine, ...] = ()
    transmission: str | None = None
    indicators: tuple[str, ...] = ()
    station: str | None = None
    serial: str | None = None
    section: str | None = None
    julian: str | None = None
    dtg: str | None = None
    date: str | None = None
    precedences: tuple[str, ...] = ()
    sender: str | None = None
    to: tuple[Addressee, ...] = ()
    info: tuple[Addressee, ...] = ()
    #: the FM line as written where date, sender and addressees were read from a routing
    #: header repeated in the text (the head had none: ``routing.later``); None when from the head
    repeated: str | None = None


# ---------------------------------------------------------------- preamble fields
@dataclass(frozen=True, slots=True)
class Ref:
    """One item of a REF field: ``A. STATE 41880`` -> letter A, written "A.", text, target."""

    letter: str | None
    written: str | None  # the label as written, None when there is none
    text: str
    target: str | None = None  # the cablegate id it names (09STATE41880)
    year_inferred: bool = False
    #: the year assumed is a guess (the text gives no date of its own: ``fields.ref-year``)
    year_guessed: bool = False
    #: the separator written after it (``,`` in ``A. STATE 363024, B. …``): text of the list,
    #: not of the reference, so the body keeps it beside the reference and the header drops it
    tail: str = ""
    #: written on the same source line as the item before it (``REF: (A) STATE 37552, (B)
    #: REYKJAVIK 50``): the editions print the two on one line, as the telegram has them
    run_in: bool = False
    #: the words and their tail repaired, where a repair reads them (a redaction as a gap: :mod:`.reftokens`)
    tokens: Tokens = ()

    @property
    def year_kind(self) -> str | None:
        """The TEI ``@subtype`` of its cable reference: ``year-guessed`` (it names no year and
        the text no date of its own: the year was guessed), ``year-inferred`` (it names no
        year: the cable's was assumed), else None."""
        return "year-guessed" if self.year_guessed else "year-inferred" if self.year_inferred else None


@dataclass(frozen=True, slots=True)
class RefList:
    head: str  # the field's label as written (``REF:``, ``Ref A:``), "" when none
    items: tuple[Ref, ...]


FieldKind = Literal[
    "banner",
    "handling",
    "distribution",
    "eo",
    "tags",
    "subject",
    "refs",
    "classified-by",
    "wrapper",
    "notice",
    "furniture",
]


@dataclass(frozen=True, slots=True)
class Field:
    kind: str  # a FieldKind
    lines: tuple[Line, ...] = ()
    banner: Banner | None = None
    tokens: Tokens = ()  # the field's text as tokens (inline stage)
    refs: RefList | None = None  # a REF field, parsed once

    @property
    def text(self) -> str:
        return " ".join(" ".join(x.split()) for x in self.lines if isinstance(x, str))


def own_banner(fields: Sequence[Field]) -> Banner | None:
    """The cable's own banner among the preamble's ``fields``: the first that gives a serial."""
    return next((f.banner for f in fields if f.kind == "banner" and f.banner and f.banner.serial), None)


# ---------------------------------------------------------------- body blocks
@dataclass(frozen=True, slots=True)
class ListItem:
    label: str
    lines: tuple[Line, ...]
    tokens: Tokens = ()


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph: numbered (``n``, ``label`` as written, ``label_fix`` when regularised,
    the portion ``marking``; ``marked_first``: the marking written before the number, ``(C) 1.
    …``) or not, with the list items that follow its text."""

    lines: tuple[Line, ...] = ()
    n: int | None = None
    label: str | None = None
    label_fix: str | None = None
    marking: str | None = None
    items: tuple[ListItem, ...] = ()
    tokens: Tokens = ()
    marked_first: bool = False


@dataclass(frozen=True, slots=True)
class ItemList:
    """A list standing alone (not after a paragraph's text)."""

    items: tuple[ListItem, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    lines: tuple[Line, ...]
    rend: str | None = None  # "dashes": the title was set between or beside dashed rules
    tokens: Tokens = ()


@dataclass(frozen=True, slots=True)
class AnonBlock:
    """A block that is not prose (TEI ``ab``): a media partner's database row, a rule line."""

    type: str  # wrapper | rule
    lines: tuple[Line, ...]
    tokens: Tokens = ()


@dataclass(frozen=True, slots=True)
class PageBreak:
    """Page furniture standing between blocks."""

    furniture: Furniture


@dataclass(frozen=True, slots=True)
class Closing:
    """A line after the text: end marker, classification line, footer, wrapper."""

    line: str
    type: str  # end-marker | classification | footer | wrapper


@dataclass(frozen=True, slots=True)
class Signature:
    line: str  # the name as written, with any full stop, # or stray quotation mark after it (or # or * before it)
    inline: bool = False  # found at the end of the last sentence, not on a line of its own
    same_line: bool = False  # the name again on the previous signature's line (``BOYCE BOYCE``): text
    run_on: bool = False  # no space between it and the text before in the source (``XXXXXXXXXXXXTUTTLE``)


    def split(self) -> tuple[str, str, str]:
        """``PICCUTA.`` -> (``""``, ``PICCUTA``, ``.``), ``#ERELI`` -> (``#``, ``ERELI``, ``""``):
        the ``#`` glued before the name (or a star, ``* HENZEL``), the name, and the full stops, ``#``,
        quotation marks and spaces after it."""
        name = self.line.lstrip()
        head = name[: len(name) - len(name.lstrip("#*").lstrip())]
        name = name[len(head) :]
        end = len(name)
        while end and (name[end - 1].isspace() or name[end - 1] in '.#"'):
            end -= 1
        return head, name[:end], name[end:]


@dataclass(frozen=True, slots=True)
class CopyStart:
    """Where the source's second copy of the cable's text begins (``repeated-text``): the
    blocks from here to the closing are that copy (TEI ``div type="copy"``)."""


@dataclass(frozen=True, slots=True)
class TextAbsent:
    """Where the telegram's text would stand when the source holds none after the preamble (a
    copy that stops there): TEI ``gap reason="not-in-source"``, which the editions print as a
    line of their own."""


@dataclass(frozen=True, slots=True)
class LateField:
    """A REF or Classified By field met among the body's first blocks."""

    field: Field


Block = (
    Paragraph | ItemList | Heading | AnonBlock | PageBreak | Closing | Signature | LateField | CopyStart | TextAbsent
)


# ---------------------------------------------------------------- facts and the whole
@dataclass(frozen=True, slots=True)
class EditorialNote:
    part: str  # correction | normalization | hyphenation
    prose: str


@dataclass(frozen=True, slots=True)
class Facts:
    """Everything the header says, decided before anything is built."""

    cable_id: str | None
    source: str
    routing: Routing
    subject: str | None
    message_ref: str | None
    sections: int | None
    level: str | None
    level_text: str | None
    caveats: tuple[str, ...]
    classification: str | None
    origin: str | None
    origin_from_metadata: bool
    signer: str | None
    tags: tuple[str, ...]
    refs: tuple[Ref, ...]
    eo: str | None
    classified_by: str | None
    date: str | None
    date_from_metadata: bool
    metadata: SourceMetadata | None
    discrepancies: tuple[str, ...] = ()
    partial: bool = False
    editorial: tuple[EditorialNote, ...] = ()  # the notes of the rules that fired, in order
    markings: tuple[tuple[str, str], ...] = ()  # (portion marking, category id), first seen first
    summary: bool = False  # a summary span is marked (the abstract points at it)


@dataclass(frozen=True, slots=True)
class ParsedCable:
    """What :func:`convert.normalize.build.build` turns into TEI."""

    routing: Routing
    fields: tuple[Field, ...]
    blocks: tuple[Block, ...]
    facts: Facts
    #: cables appended after this one's text, each parsed on its own, in order
    appended: tuple[ParsedCable, ...] = ()
    #: the database row that named this (appended) cable stood before its routing header
    row_first: bool = False
