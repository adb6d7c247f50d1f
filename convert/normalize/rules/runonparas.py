"""Chain ``lines.lines`` (continued from :mod:`.lines`): numbered paragraphs run on in a line.

Some copies lost the line breaks between paragraphs: ``… the outcome of hostilities. 3. (SBU)
Deputy chief editor …`` stands in the line of paragraph 2, and so on to the end of the text
(08KYIV1627), or one paragraph is glued to the sentence before it (``… and students occupy
schools.11. (C) Under the Kirchner …``). Read as it stands, the run-on paragraphs are text of
the one before: a reader cannot cite them, and their numbers are lost. The numbers themselves
tell which are paragraphs: a number in the text with a portion marking after it is the next
paragraph where the paragraph numbers around it leave its place free. A title before it with
one space (``… the program.  Briefing on Mendoza's Economy 9. (U)``, or a line's start: ``Meeting
with Directors of the Food Bank 6. (U)``) is a line of its own.
"""

from __future__ import annotations

import re

from .blocks import PARA_START, number_goes_on
from .lines import LINES
from .ruler import note
from .runs import END_LABEL

#: a paragraph's number (1 to 199, as PARA_START reads it) and portion marking inside a line
#: (``3. (SBU) ``, ``11.(C) ``, ``16. (c) ``; a stray space inside the marking: ``9. ( C) ``)
_NUMBER = re.compile(
    r"(?P<num>1\d{0,2}|[2-9]\d?)\.[ \t]{0,3}+\( ?(?:(?:U|SBU|C|S|TS|LOU)(?:\s*+//?\s*+[A-Z]++(?:[ ,]\s*+[A-Z]++)*+)*+"
    r"|(?:sbu|u|c|s)(?:/nf)?) ?\)(?:\s|$)"  # (or written small: ``16. (c) comment:``)
)
#: the same with no full stop, its marking in capitals, one space on each side and a capital
#: after (``… collection. 4 (C) Special Envoy …``, ``… outpatient care. 13 (C) Comment: …``): read
#: only as the very next number after a finished sentence (``section 4 (c)`` is a law's, written
#: after no sentence's end). Searched from the marking's ``(``, which ``re`` skips to
_MARKED = r"\((?:U|SBU|C|S|TS|LOU|S/NF|C/NF)\) (?=[A-Z])"
#: such a marking after a digit and a space (where ``_BARE_NUMBER`` may end in it: a marking
#: after a numbered paragraph's full stop, most of them, is not read on), looked back at from
#: its ``(``
_BARE_MARKING = re.compile(r"\((?<=\d \()" + _MARKED[2:])
_BARE_NUMBER = re.compile(r"(?P<num>1\d{0,2}|[2-9]\d?) " + _MARKED)
#: what ends the sentence before a run-on paragraph (a word's full stop, a closing quotation
#: mark or parenthesis, a label's end: ``END SUMMARY>``), then a space; or a word's full stop
#: glued to the number
_ENDS_CHARS = ".!?\"')]>\u201d\u2019"
_ENDS = f"[{re.escape(_ENDS_CHARS)}]"
_ENDED_SPACE = re.compile(_ENDS + r" +$")
_ENDED_GLUED = re.compile(r"[a-z]{2}[.!?]$")
#: a heading between the sentence's end and the number: in capitals (``… weapons possession
#: charges. APPEAL EFFORT UNDERWAY 6. (C) …``, ``… SECURITY ASSURANCES "ESSENTIAL"  5. (C)``)
#: in a text in mixed case, or words mostly capitalised before two spaces (``… before 2011.
#: Kirchners Finished, but Dangerous  5. (C)``)
_WORD = r"(?:(?:[A-Z]\.){2,}|[A-Z0-9&;,:'/\"\-]++)"  # (``U.S.`` too)
_CAPS_HEADING = re.compile(
    r"(?<![A-Z]\.[A-Z])" + _ENDS + r"\s+(?P<title>(?:(?:\.\.\.|\u2026) ?)?"
    rf"(?=[A-Z]){_WORD}(?: {_WORD}){{1,15}}(?: ?(?:\.\.\.|\u2026))?) +$"
)
#: (one word, before two spaces: ``… custody.  BACKGROUND  5.``)
_WORD_HEADING = re.compile(r"(?<![A-Z]\.[A-Z])" + _ENDS + r"\s+(?P<title>[A-Z]{4,}) {2,}$")
_TITLE = re.compile(r"(?<![A-Z]\.[A-Z])" + _ENDS + r"\s+(?P<title>[A-Z][^.!?]{2,60}?)\s{2,}$")
#: a title before the number with one space (``… the program.  Briefing on Mendoza's Economy 9.
#: (U)``), or the whole of the line before it (``Meeting with Directors of the Food Bank 6. (U)``
#: after a sentence's end or a rule; ``SUMMARY.Meeting with … Cobos 2.  (U)``, an end label's
#: last word glued to it): read with :func:`_titled` not counting the small words
_SPACED_TITLE = re.compile(r"(?P<title>[A-Z0-9][^.!?]{2,60}?) $")
#: an initialism's end (``U.S.``): no sentence's
_INITIALS = re.compile(r"[A-Z]\.[A-Z]\.$")
_SMALL = frozenset({"a", "an", "and", "at", "for", "in", "of", "on", "the", "to", "with"})
#: a span's end label at a heading's start (``End Summary GOVERNMENT OVERSIGHT …``): the
#: paragraph's before; a title in capitals after it is the heading
_END_LABEL = re.compile(END_LABEL + r"(?:\s+|$)")
_CAPS_TITLE = re.compile(rf"(?=[A-Z]){_WORD}(?: {_WORD})+$")
#: a paragraph number's full stop and the parenthesis of its marking (``3. (``): what the text
#: is searched for before a line is read with ``_NUMBER``; not after a number that begins its
#: line (``¶3. (C)``, most of them: :func:`_inline_lines` reads a number inside a line only),
#: looked back at from the full stop once the parenthesis is seen
_STOP = re.compile(
    r"\.(?=[ \t]{0,3}+\()(?<!\n\d\.)(?<!\n\d\d\.|\n¶\d\.)(?<!\n\d\d\d\.|\n¶\d\d\.)(?<!\n¶\d\d\d\.)[ \t]{0,3}+\("
)
#: how far before the number a heading is looked for
_REACH = 160


def _numbers(lines: list[str]) -> tuple[list[int | None], list[int | None]]:
    """Each line's paragraph number where it starts a numbered paragraph with a portion marking;
    and where it starts one without (``13. (TF/Embassy Tbilisi telcon) …``: the paragraph's
    where it is the next number)."""
    marked: list[int | None] = []
    plain: list[int | None] = []
    for line in lines:
        match = PARA_START.match(line) if line[:6].strip()[:1].isdigit() or "¶" in line[:6] else None
        marked.append(int(match["num"]) if match and match["marking"] else None)
        plain.append(int(match["num"]) if match and not match["marking"] else None)
    return marked, plain


def _after_rule(text: str) -> bool:
    """Whether ``text`` ends in a heading's rule (``… Incentive? ------- ``, ``- - - ``): three
    dashes, equals signs or underscores at least, spaces between them or not."""
    end = text.rstrip(" ")
    rule = end[len(end.rstrip("-=_ ")) :]
    return sum(1 for c in rule if c != " ") >= 3


def _inline(line: str) -> list[re.Match[str]]:
    """The paragraph numbers inside ``line`` (not the one it starts with), with a full stop or
    (``_BARE_NUMBER``) without one, in the line's order."""
    found = [*_NUMBER.finditer(line, 1), *(m for b in _BARE_MARKING.finditer(line) if (m := _bare_at(line, b.start())))]
    return sorted((m for m in found if _inside(line, m.start())), key=lambda m: m.start())


def _inside(line: str, start: int) -> bool:
    """Whether a number at ``start`` stands inside ``line``: after other text, and after no digit
    (not 50 in 250.)."""
    return start > 0 and not line[start - 1].isdigit() and bool(line[:start].strip(" \t\u00b6"))


def _bare_at(line: str, paren: int) -> re.Match[str] | None:
    """``_BARE_NUMBER`` ending in the marking whose ``(`` is at ``paren`` in ``line`` (a number
    of 1 to 3 digits and one space before it), or None."""
    if paren < 2 or line[paren - 1] != " " or not line[paren - 2].isdigit():
        return None
    start = paren - 2
    while start > 0 and paren - start < 4 and line[start - 1].isdigit():
        start -= 1
    return _BARE_NUMBER.match(line, start)


def _inline_lines(lines: list[str]) -> dict[int, list[re.Match[str]]]:
    """:func:`_inline` of each line that holds a paragraph number inside it, by the line's
    index. The joined text is searched for a number's full stop and the parenthesis after it
    (``3. (``: a search ``re`` skips to the full stop in, where one for the number would try
    every position), and the number is read in its line where it starts after other text and
    after no digit (``_inline``'s matches: one never holds the start of another)."""
    text = "\n".join(lines)
    if text.count("\n") != len(lines) - 1:  # (a line holding a line break: each line read)
        return {i: m for i, line in enumerate(lines) if "(" in line and (m := _inline(line))}
    found: dict[int, list[re.Match[str]]] = {}
    index = at = 0
    for stop in _STOP.finditer(text):
        end = stop.start()  # (where the number ends)
        line_start = text.rfind("\n", 0, end) + 1
        for start in range(max(line_start + 1, end - 3), end):  # (a number of 1 to 3 digits)
            if text[start - 1].isdigit() or not text[line_start:start].strip(" \t\u00b6"):
                continue
            index += text.count("\n", at, start)
            at = start
            match = _NUMBER.match(lines[index], start - line_start)
            if match:
                found.setdefault(index, []).append(match)
    index = at = 0
    bare: set[int] = set()  # (the lines a number without its full stop was added to: sorted once)
    for paren in _BARE_MARKING.finditer(text):
        line_start = text.rfind("\n", 0, paren.start()) + 1
        index += text.count("\n", at, line_start)
        at = line_start
        match = _bare_at(lines[index], paren.start() - line_start)
        if match and _inside(lines[index], match.start()):
            found.setdefault(index, []).append(match)
            bare.add(index)
    for index in bare:
        found[index].sort(key=lambda m: m.start())
    return found


def _titled(title: str) -> bool:
    """Whether ``title`` reads as a title: two words or more, six in ten capitalised."""
    words = title.split()
    return len(words) >= 2 and sum(1 for w in words if w[:1].isupper() or w[:1].isdigit()) * 10 >= len(words) * 6


def _title_at(line: str, at: int, prev: str) -> int | None:
    """Where a title with one space between it and the number at ``at`` starts: after a
    sentence's end in the line (two spaces or more before it, or a full stop glued to it), or
    at the line's start where the line before ends a sentence, a rule, or is blank."""
    reach = max(0, at - 64)
    heading = _SPACED_TITLE.search(line, reach, at)
    if not heading or line[at - 2 : at] == "  " or not _small_titled(heading["title"]):
        return None
    before = line[: heading.start()]
    if before.strip():
        tail = before.rstrip(" ")
        ended = tail[-1:] in _ENDS_CHARS and not _INITIALS.search(tail)
        return heading.start() if ended and (tail == before or before.endswith("  ")) else None
    end = prev.rstrip()
    return heading.start() if not end or end[-1] in _ENDS_CHARS or _after_rule(prev) else None


def _small_titled(title: str) -> bool:
    """Whether ``title`` reads as a title (:func:`_titled`) of three words or more, its small
    words not counted (``Meeting with Directors of the Mendoza Food Bank``)."""
    words = [w for w in title.split() if w not in _SMALL]
    return len(title.split()) >= 3 and _titled(" ".join(words)) and (words[0][:1].isupper() or words[0][:1].isdigit())


def _cut_at(line: str, at: int, prev: str) -> int | None:
    """Where the line is cut for a paragraph number at ``at``: before the heading that stands
    before it, or there; None where no sentence ends before it; -2 where the number goes on
    the words before it (``SEE PARA 5. (SBU)``: no paragraph)."""
    start = max(0, at - _REACH)
    before = line[start:at]
    if number_goes_on(before, line[at:]):
        return -2
    if any(c.islower() for c in line[max(0, at - 400) : at]):  # (capitals stand out in mixed case only)
        heading = _CAPS_HEADING.search(before) or _WORD_HEADING.search(before) or _TITLE.search(before)
        label = _END_LABEL.match(heading["title"]) if heading else None
        if heading and label:  # ``… END SUMMARY 2. (C)``: the end marker is the paragraph's before
            rest = heading["title"][label.end() :]
            return start + heading.start("title") + label.end() if _CAPS_TITLE.match(rest) else at
        if heading and (heading.re is not _TITLE or _titled(heading["title"])):
            return start + heading.start("title")
    if _ENDED_SPACE.search(before) or _ENDED_GLUED.search(before):
        return at
    return _title_at(line, at, prev)


@LINES.rule(
    "run-on-paragraphs",
    after="double-spaced",
    trigger=(".(", ". (", ".  (", ".   ("),
    note=note(
        "normalization",
        "A numbered paragraph run on in the line of the one before (a copy that lost its line breaks: "
        "… hostilities. 3. (SBU) Deputy …), where the numbers around it leave its place free, starts a "
        "paragraph of its own; a heading run on before its number (… charges. APPEAL EFFORT UNDERWAY 6. (C)) "
        "is a line of its own. The very next number does so after no sentence's end too (… Treaty. "
        "Recommendation 13. (SBU), ….htm 13. (SBU)).",
    ),
)
def run_on_paragraphs(lines: list[str]) -> list[str]:
    """``… military was inefficient). 3. (SBU) Deputy chief editor … NATO." 4. (SBU) These
    opinions …``: a paragraph number with its portion marking after a sentence's end (or glued
    to it: ``schools.11. (C)``; or after a heading in capitals: ``… charges. APPEAL EFFORT
    UNDERWAY 6. (C)``) inside a line after the first numbered paragraph starts a line, where it
    follows the last paragraph number (a line's or one cut so) and comes before the next line's:
    the next number, or the one before the next line's (a paragraph the text skipped; after the
    last numbered line, the one after next or the next again: ``her brother.10. (SBU)`` after 8, no 9). A number
    out of that order (``… working on this.1. (C) Summary``, a copy appended; ``¶20 … 17. (SBU)
    COMMENT``) stays text. Before any numbered paragraph, the order starts at paragraph 1 run on
    after the preamble's last field, or at two numbers in a row in a line."""
    inline = _inline_lines(lines)
    if not inline:
        return lines
    found = [inline.get(index, []) for index in range(len(lines))]
    numbers, plain = _numbers(lines)
    following: list[int | None] = [None] * len(lines)
    nxt: int | None = None
    for index in range(len(lines) - 1, -1, -1):
        following[index] = nxt
        if numbers[index] is not None:
            nxt = numbers[index]
    order = [n for index, line in enumerate(found) for n in ([numbers[index]] if numbers[index] else [])
             + [int(m["num"]) for m in line]]  # every number in the text's order
    out: list[str] = []
    last: int | None = None
    seen = 0  # (how many of ``order`` are behind)
    for index, line in enumerate(lines):
        if numbers[index] is not None:
            last = numbers[index]
            seen += 1
        elif last is not None and plain[index] == last + 1:
            last = plain[index]
        cuts: list[tuple[int, int]] = []
        for match in found[index]:
            number = int(match["num"])
            seen += 1
            if last is None and (number == 1 or (seen < len(order) and order[seen] == number + 1)):
                last = number - 1  # where the order starts (paragraph 1 after the preamble's fields is theirs)
            cut = _place(line, match, last, following[index], lines[index - 1] if index else "")
            if cut is not None:
                last = number
                if cut >= 0:
                    cuts.append((cut, match.start()))
        out.extend(_pieces(line, cuts))
    return out if len(out) != len(lines) else lines


def _place(line: str, match: re.Match[str], last: int | None, upper: int | None, prev: str) -> int | None:
    """Where ``line`` is cut for the paragraph number ``match``: None where the number is not
    the next paragraph's (out of order, or the words before go on in it: ``SEE PARA 5.``), -1
    where it is but is not cut (after a heading's rule: ``glued-heading`` cuts it; no sentence
    ends before it; paragraph 1, the field rules')."""
    number = int(match["num"])
    if last is None or number <= last:
        return None
    if match.re is _BARE_NUMBER:  # (no full stop: only the very next number, after a finished sentence)
        before = line[max(0, match.start() - _REACH) : match.start()]
        if number < 2 or number != last + 1 or (upper is not None and number >= upper) \
                or number_goes_on(before, line[match.start() :]):
            return None
        return match.start() if _ENDED_SPACE.search(before) and not _INITIALS.search(before.rstrip()) else None
    if _after_rule(line[max(0, match.start() - 80) : match.start()]):
        return -1
    if (upper is not None and number >= upper) or (number != last + 1 and not _skips_one(number, last, upper)):
        return None
    if number == 1:
        return -1
    cut = _cut_at(line, match.start(), prev)
    if cut is None and number == last + 1:
        cut = _unended_at(line, match.start())
    return -1 if cut is None else cut if cut >= 0 else None


#: the words between a sentence's end (or the line's start) and a paragraph number after them
_SINCE_SENTENCE = re.compile(r"(?:^|(?<=[.!?:;\"')\u201d] ))(?P<words>[^.!?:;]{1,80}?) ?$")


def _unended_at(line: str, at: int) -> int | None:
    """Where the line is cut for the very next paragraph number with its portion marking, after
    no sentence's end (``… Phonograms Treaty. Recommendation 13. (SBU) Despite …``, ``….htm 13.
    (SBU) Ukrains'ka Pravda …``, ``… personal story. Despite the Obama Advantage, Challenges Ahead
    9. (SBU)``: a heading, or a link, the line's breaks lost): before the words since the last
    sentence's end when they read as a title (a word with a capital, or a few mostly
    capitalised: a heading of its own line), else at the number. None (no cut) where the number
    is glued to the word before (``… a Critique-14.``, ``glued-heading``'s), follows only marks
    (``(11. (C) Comment: …)``, a paragraph in brackets), a label's colon, or words from the
    line's start (``HAITI 3. (SBU)``: ``title-before-number``'s and the other line rules')."""
    found = _SINCE_SENTENCE.search(line, max(0, at - 80), at)
    words = found["words"].split() if found else []
    if not line[at - 1 : at].isspace() or (words and not any(map(str.isalnum, "".join(words)))):
        return None
    if line[:at].rstrip().endswith(":") or (found is not None and found.start() == 0):
        return None  # (``Comment: 2. (C)``, ``HAITI 3. (SBU)``: a label's or a title's at the line's start)
    if words and len(words) <= 8 and words[0][:1].isupper() and (len(words) > 1 or len(words[0]) > 3):
        if len(words) == 1 or _small_titled(" ".join(words)):
            return found.start("words")  # type: ignore[union-attr]
    return at


def _skips_one(number: int, last: int, upper: int | None) -> bool:
    """Whether ``number`` takes the place the numbers around it leave free one number on:
    the one before the next line's (a paragraph the text skipped), or, with no numbered line
    after it, the one after next (``… 8. (SBU) … of her brother.10. (SBU) COMMENT: …``, the last
    paragraph, where the cable has no 9: the order still rises by one step it skipped), or by two (``… 5.(C)
    … by Colombian guerrillas. 8. (C) COMMENT: …``, 09CARACAS1333, whose copy lost 6 and 7)."""
    return number == upper - 1 if upper is not None else last + 2 <= number <= last + 3


def _pieces(line: str, cuts: list[tuple[int, int]]) -> list[str]:
    """``line`` cut at each (heading's start, number's start), a blank line before each piece
    (the paragraphs' blank lines, lost with the line breaks) and the heading a line of its own."""
    out: list[str] = []
    start = 0
    for cut, number in cuts:
        if cut < start or (cut == start and start):
            continue
        out.extend((line[start:cut].rstrip(), "") if line[start:cut].strip() else ("",))
        if cut != number:
            out.extend((line[cut:number].strip(), ""))
        start = number
    out.append(line[start:] if start else line)
    return out
