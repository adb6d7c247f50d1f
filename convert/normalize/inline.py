"""Stage "inline" (its rules: :mod:`convert.normalize.rules.inline`): every text the TEI will
show becomes tokens: lines joined, repairs and redactions marked, summary/comment/quote
spans wrapped. Fields and blocks come back with their ``tokens`` filled in."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .parsed import (
    AnonBlock,
    Block,
    Break,
    Choice,
    Closing,
    Field,
    Glued,
    Heading,
    ItemList,
    LateField,
    Line,
    ListItem,
    PageBreak,
    Paragraph,
    Seg,
    Signature,
    TableLine,
    Token,
    Tokens,
)
from .rules.inline import JOINS, LINES, REPAIRS, SPANS, SUMMARY_LABEL, TAG_REPAIRS, Found, hyphen_joins
from .rules.labels import LABELS
from .rules.ruler import Rule, Run
from .tokens import SpanText, plain

_HYPHEN_END = re.compile(r"(?<![A-Za-z])([A-Za-z]+)-$")
_WORD_START = re.compile(r"[A-Za-z]+")
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)?")  # (a compound too: ``counter-terrorism``, its parts apart)
#: a word's end that is no word of its own (``REVOLUTION-`` / ``ARY``): a line-end hyphen before it
#: only broke the word, so it is mended though the whole word occurs nowhere else in the cable
_SUFFIXES = frozenset(
    "ary aries ation ations tion tions sion sions ment ments ing ings ness ity ities ance ances ence "
    "ences ial ially ious ous ive ives ively ism isms ist ists ize ized izes izing ization ical ically "
    "ally ly ful fully lessly ibility ability ible ibly ably ure ures ured tial tially cial cially".split()
)
#: preamble fields shown as one run of text (the others are shown line by line, or apart)
_RUN_FIELDS = ("banner", "handling", "eo", "tags", "subject", "classified-by")


class Joiner:
    """Joins a block's lines (the ``inline.lines`` and ``inline.joins`` rules); ``mend``
    gives the cable's words (lower case), computed when first needed."""

    def __init__(self, run: Run, mend: Callable[[], set[str]] | None = None) -> None:
        self.run = run
        self.mend = mend
        self.lines = run.active(LINES)
        self.joins = run.active(JOINS)
        #: the two join rules as defined, both on: asked inline, without two calls a line
        self.plain = tuple(rule.name for rule in self.joins) == ("hyphenation", "line-joins")

    def join(self, lines: Sequence[Line], mend: bool = False) -> list[Token]:
        """One run of tokens, furniture kept in place. Where a line is joined without a space
        (a hyphen at the end of the line before), the hyphen is kept unless the word without
        it occurs elsewhere in the cable (``mend``), then it is a Choice.

        The text is gathered in pieces (a line with its glue) and joined once: appending to
        one growing string copied it at every line, and a long hard-wrapped paragraph took
        minutes (issue 12 item 13). A word never spans two pieces (a piece starts the text,
        follows a hyphen, or starts with its glue), so the join rules are shown the end of
        the text (the last piece, with the character before a piece of one) and the hyphen
        rule searches the last piece only."""
        tokens: list[Token] = []
        parts: list[str] = []
        fired: dict[str, int] = {}
        for entry in lines:
            if not isinstance(entry, str):
                _flush(parts, tokens)
                tokens.append(Break(entry))
                continue
            if isinstance(entry, TableLine):
                _flush(parts, tokens)
                _table_line(tokens, entry)
                continue
            line = entry.strip()
            for rule in self.lines:
                if rule.hit is None or rule.hit(entry):
                    new = rule.fn(entry)
                    if new is not None:
                        fired[rule.name] = fired.get(rule.name, 0) + 1
                        line = new
            if not line:
                continue
            if parts:  # the end of the text gathered (the join rules look at two characters)
                prior = parts[-1]
                if len(prior) < 2 and len(parts) > 1:
                    prior = parts[-2][-1:] + prior
            else:
                prior = _last_text(tokens)
                if _after_table(tokens):
                    parts.append("\n" + line)  # the text after a table: a line of its own
                    continue
            if not prior or (isinstance(entry, Glued) and not entry.space_before):
                parts.append(line)  # (a piece cut from the line before with no space: glued as written)
                continue
            if self.plain:  # (``hyphenation``'s test, else ``line-joins``' space)
                name, glue = ("hyphenation", "") if hyphen_joins(prior, line) else ("line-joins", " ")
                fired[name] = fired.get(name, 0) + 1
            else:
                glue = self._glue(prior, line, fired)
            if glue == "":
                self._hyphen(parts, line, tokens, mend)
            else:
                parts.append(glue + line)
        _flush(parts, tokens)
        for name, times in fired.items():
            self.run.fire(name, times)
        return tokens

    def _glue(self, prior: str, line: str, fired: dict[str, int]) -> str:
        """The first join rule's glue (a rule switched off: each asked in turn)."""
        for join in self.joins:
            glue = join.fn(prior, line)
            if glue is not None:
                fired[join.name] = fired.get(join.name, 0) + 1
                return glue
        return "\n"  # no rule joins them: the line break stays

    def _hyphen(self, parts: list[str], line: str, tokens: list[Token], mend: bool) -> None:
        left = _HYPHEN_END.search(parts[-1]) if parts else None  # None: the hyphen ended a token
        right = _WORD_START.match(line)  # None when the line starts with "À": no mend
        if left and right and mend and self.mend is not None:
            joined = left.group(1) + right.group(0)
            whole = joined.lower() in self.mend() and f"{left.group(1)}-{right.group(0)}".lower() not in self.mend()
            if whole or _broken_word(left.group(1), right.group(0), line[right.end() :]):
                parts[-1] = parts[-1][: left.start()]
                _flush(parts, tokens)
                tokens.append(Choice(f"{left.group(1)}-{right.group(0)}", joined, reason="hyphen"))
                if line[right.end() :]:
                    parts.append(line[right.end() :])
                return
        parts.append(line)


def _broken_word(left: str, right: str, after: str) -> bool:
    """Whether a line-end hyphen broke one word: the part after it is a word's end and no word
    (``REVOLUTION-`` / ``ARY``, ``IMPLEMENTA-`` / ``TION``), in the same case as the part before,
    and the word ends there (not ``-ary-`` in a compound)."""
    same_case = left.isupper() == right.isupper() or (left.istitle() and right.islower())
    return len(left) >= 3 and same_case and right.lower() in _SUFFIXES and after[:1] != "-"


def _after_table(tokens: list[Token]) -> bool:
    return bool(tokens) and isinstance(tokens[-1], Seg) and tokens[-1].type == "table"


def _table_line(tokens: list[Token], line: TableLine) -> None:
    """A table's line, as it stands, in the table's ``Seg`` (a new one after other text): the
    lines of a table are its children, ``"\\n"`` between two (``lb`` in the TEI)."""
    if _after_table(tokens):
        table = tokens[-1]
        assert isinstance(table, Seg)
        tokens[-1] = Seg("table", (*table.children, "\n", str(line)))
    else:
        if tokens:
            tokens.append("\n")  # (a table stands apart from the text before it)
        tokens.append(Seg("table", (str(line),)))


def _flush(parts: list[str], tokens: list[Token]) -> None:
    """The text gathered in ``parts``, joined once, becomes a token (none when empty)."""
    text = "".join(parts)
    parts.clear()
    if text:
        tokens.append(text)


def _last_text(tokens: list[Token]) -> str:
    for token in reversed(tokens):
        if isinstance(token, str):
            return token
        if isinstance(token, Choice):
            return token.reg
    return ""


def repair(text: str, rules: tuple[Rule[Callable[[str], Found]], ...], run: Run) -> list[Token]:
    """Text -> tokens with the repairs and redactions the rules find; where two overlap, the
    one that starts first wins (at the same start, the earlier rule)."""
    found: list[tuple[int, int, Token, str]] = []
    for rule in rules:
        if rule.hit is None or rule.hit(text):
            name = rule.name
            found.extend((start, end, token, name) for start, end, token in rule.fn(text))
    if not found:
        return [text] if text else []
    found.sort(key=lambda item: item[0])
    tokens: list[Token] = []
    pos = 0
    for start, end, token, name in found:
        if start < pos:
            continue  # overlaps an earlier repair
        run.fire(name)
        if start > pos:
            tokens.append(text[pos:start])
        tokens.append(token)
        pos = end
    if pos < len(text):
        tokens.append(text[pos:])
    return tokens


def repair_tokens(tokens: list[Token], rules: tuple[Rule[Callable[[str], Found]], ...], run: Run) -> list[Token]:
    """Repairs in every plain string of a run (each string apart: a pair split by page
    furniture is not seen)."""
    if not rules:
        return tokens
    out: list[Token] = []
    for token in tokens:
        if isinstance(token, str):
            out.extend(repair(token, rules, run))
        else:
            out.append(token)
    return out


def cable_words(blocks: Sequence[Block]) -> Callable[[], set[str]]:
    """The words (lower case) of the body's block lines, and the compounds written with a hyphen, computed on
    first use: a hyphen is mended only when the joined word occurs there and the hyphenated one does not."""
    words: set[str] = set()

    def lines(block: Block) -> Sequence[Line]:
        if isinstance(block, Paragraph | Heading | AnonBlock):
            return block.lines
        if isinstance(block, Closing | Signature):
            return (block.line,)
        if isinstance(block, LateField):
            return block.field.lines
        return ()

    def get() -> set[str]:
        if not words:
            found = [w.lower() for b in blocks for x in lines(b) if isinstance(x, str) for w in _WORD.findall(x)]
            words.update(found, *(w.split("-") for w in found if "-" in w))
        return words

    return get


#: the running text's repairs that a SUBJECT's words take too: quotes a CSV export doubled (``""GOLD STANDARD""``,
#: 06TOKYO5805), an apostrophe sent as a comma, Q or ? (``AMBASSADORQS``, 07SANJOSE1820; ``COSTA RICA?S``)
_SUBJECT_REPAIRS = frozenset({"doubled-quotes", "apostrophe", "q-apostrophe", "question-apostrophe", "redaction"})


def subject_repairs(run: Run) -> tuple[Rule[Callable[[str], Found]], ...]:
    """The rules of ``inline.repairs`` that repair a SUBJECT's words (in the text's heading,
    ``orig`` beside ``reg``; the facts' subject is their reading)."""
    return tuple(rule for rule in run.active(REPAIRS) if rule.name in _SUBJECT_REPAIRS)


def field_tokens(fields: Sequence[Field], run: Run) -> tuple[Field, ...]:
    """Fields shown as one run of text get their tokens (link residue repaired in TAGS, doubled
    quotation marks in the SUBJECT)."""
    joiner = Joiner(run)
    out = []
    for field in fields:
        if field.kind in _RUN_FIELDS:
            tokens = joiner.join(field.lines)
            if field.kind == "tags":
                tokens = repair_tokens(tokens, run.active(TAG_REPAIRS), run)
            elif field.kind == "subject" and tokens and isinstance(tokens[0], str):
                tokens = [*repair(tokens[0], run.active(LABELS), run), *tokens[1:]]  # its label, damaged
            if field.kind == "subject":
                tokens = repair_tokens(tokens, subject_repairs(run), run)
            field = Field(field.kind, field.lines, field.banner, tuple(tokens), field.refs)
        out.append(field)
    return tuple(out)


def block_tokens(blocks: Sequence[Block], run: Run) -> tuple[Block, ...]:
    """Blocks with their tokens: running text joined and repaired, spans marked in each
    stretch of blocks between two late REF fields, the first summary given its id."""
    joiner = Joiner(run, cable_words(blocks))
    repairs = run.active(REPAIRS)

    def text(lines: Sequence[Line]) -> list[Token]:
        return repair_tokens(joiner.join(lines, mend=True), repairs, run)

    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            items = tuple(ListItem(i.label, i.lines, tuple(text(i.lines))) for i in block.items)
            block = _paragraph(block, items, tuple(text(block.lines)))
        elif isinstance(block, ItemList):
            block = ItemList(tuple(ListItem(i.label, i.lines, tuple(text(i.lines))) for i in block.items))
        elif isinstance(block, Heading):
            block = Heading(block.lines, block.rend, tuple(text(block.lines)))
        elif isinstance(block, AnonBlock):
            # a post's trailer is the post's own words, repaired as text is (a redaction is a gap);
            # a wrapper's or a rule's lines are kept as the export left them
            tokens = text(block.lines) if block.type == "trailer" else joiner.join(block.lines)
            block = AnonBlock(block.type, block.lines, tuple(tokens))
        elif isinstance(block, LateField) and block.field.kind != "refs":
            f = block.field
            block = LateField(Field(f.kind, f.lines, f.banner, tuple(joiner.join(f.lines)), f.refs))
        out.append(block)
    start = 0
    for index in [*(i for i, b in enumerate(out) if isinstance(b, LateField) and b.field.kind == "refs"), len(out)]:
        out[start:index] = _spans(out[start:index], run)
        start = index + 1
    return _first_summary(out)


def _spans(blocks: list[Block], run: Run) -> list[Block]:
    """The ``inline.spans`` rules over one stretch of blocks: paragraphs' text (and their
    items), items of lists."""
    rules = run.active(SPANS)
    owners: list[tuple[int, int]] = []  # (block index, item index or -1)
    tokens: list[list[Token]] = []
    numbered: dict[int, int] = {}
    opened: dict[int, bool] = {}  # the paragraphs right after a heading: whether it says "Summary"
    label: bool | None = None  # the block before is a heading (True: one that says "Summary")
    for b_index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            if label is not None:
                opened[len(tokens)] = label
            if block.n is not None:
                numbered[len(tokens)] = block.n
            owners.append((b_index, -1))
            tokens.append(list(block.tokens))
        if not isinstance(block, PageBreak) and not (isinstance(block, AnonBlock) and block.type == "rule"):
            # a page break or the heading's rule between it and the paragraph: still under it
            label = bool(SUMMARY_LABEL.match(plain(block.tokens))) if isinstance(block, Heading) else None
        if isinstance(block, Paragraph | ItemList):
            for i_index, item in enumerate(block.items):
                owners.append((b_index, i_index))
                tokens.append(list(item.tokens))
    if not tokens or not rules:
        return blocks
    texts = [t[0] if len(t) == 1 and isinstance(t[0], str) else plain(t) for t in tokens]
    lows = [t.lower() for t in texts]
    whole = "\n".join(lows)
    wanted = [rule for rule in rules if rule.wants(whole)]
    if not wanted:
        return blocks
    before = list(tokens)
    main = [k for k, (_, item) in enumerate(owners) if item == -1]
    span_text = SpanText(tokens, texts, lows, main, [k for k, s in opened.items() if s], numbered, frozenset(opened))
    for rule in wanted:
        if rule.fn(span_text):
            run.fire(rule.name)
    out = list(blocks)
    for (b_index, i_index), new, old in zip(owners, span_text.tokens, before, strict=True):
        if new is old:
            continue  # no span here
        block = out[b_index]
        if i_index == -1:
            assert isinstance(block, Paragraph)
            out[b_index] = _paragraph(block, block.items, tuple(new))
        else:
            assert isinstance(block, Paragraph | ItemList)
            items = list(block.items)
            items[i_index] = ListItem(items[i_index].label, items[i_index].lines, tuple(new))
            if isinstance(block, Paragraph):
                out[b_index] = _paragraph(block, tuple(items), block.tokens)
            else:
                out[b_index] = ItemList(tuple(items))
    return out


def _paragraph(block: Paragraph, items: tuple[ListItem, ...], tokens: Tokens) -> Paragraph:
    return Paragraph(block.lines, block.n, block.label, block.label_fix, block.marking, items, tokens,
                     block.marked_first)


def _with_summary_id(tokens: Tokens) -> Tokens | None:
    """The tokens with the first summary span (pre-order) given the id "summary", or None."""
    for index, token in enumerate(tokens):
        if not isinstance(token, Seg):
            continue
        if token.type == "summary" and token.part in (None, "I"):
            marked: Token = Seg(token.type, token.children, token.part, "summary")
        else:
            children = _with_summary_id(token.children)
            if children is None:
                continue
            marked = Seg(token.type, children, token.part, token.ident)
        return (*tokens[:index], marked, *tokens[index + 1 :])
    return None


def _first_summary(blocks: list[Block]) -> tuple[Block, ...]:
    """The first summary span of the body carries xml:id="summary" (the abstract points at it)."""
    for index, block in enumerate(blocks):
        if isinstance(block, Paragraph):
            marked = _with_summary_id(block.tokens)
            if marked is not None:
                blocks[index] = _paragraph(block, block.items, marked)
                break
    return tuple(blocks)
