"""What a user's copy of a cable's text may carry that the clean pasted text does not: each
variant turns the pasted text (:func:`inputs.pasted_text`) into the bytes of a file as some
real tool would save it. The record of those bytes should be the record of the plain
pasted text (``scripts/eval_forms.py``). No project code here.

Why each is real (and which are not made):

- ``crlf``: Windows Notepad and most Windows editors end lines CR LF.
- ``cr``: classic Mac OS (and some Mac exports of old files) end lines with CR alone.
- ``bom``: Notepad before 2019 wrote "UTF-8" with a byte order mark.
- ``utf16``: Notepad's "Unicode": UTF-16 LE with its BOM, CR LF line ends.
- ``cp1252``: Notepad's "ANSI" on a western Windows: the text's ``¶`` and any other
  non-ASCII characters as cp1252 bytes (a file of ASCII alone is the same bytes as UTF-8).
- ``word``: a word processor's autocorrect (Word, LibreOffice, Pages; Google Docs on a
  paste and retype): straight quotes curled, `` -- `` between words an en dash, saved as
  "plain text" in the Windows default (cp1252, CR LF).
- ``tabs``: an editor that tabifies leading white space (4 columns a tab, the default of most
  code editors; at 8 columns few cable lines are indented far enough to change).
- ``trailing-spaces``: a line padded with spaces (a terminal's copy, a fixed-width export).
- ``nbsp``: a browser's or mail client's copy of text laid out with ``&nbsp;``: in each run
  of two spaces or more every other space is U+00A0.
- ``para-entity``: the ``¶`` written as ``&para;`` (copied from the page's source, or an
  exporter that escaped it); ``para-ascii``: saved as ASCII, the ``¶`` a ``?`` (an encoder's
  replacement character); ``para-dropped``: saved as ASCII dropping what does not fit
  (``iconv -c``); in both the typographic quotes and dashes written in ASCII, as
  ``//TRANSLIT`` writes them (the variant is about the ``¶``). (``¶`` spelt ``Para`` was
  considered: no common tool writes it.)
- ``form-feeds``: a printout's text (``pdftotext``, a line printer spool) starts each page
  of 60 lines with a form feed.
- ``wrap-69``, ``wrap-72``, ``wrap-76``: a mail client that re-wraps long lines at the
  column given (Thunderbird 72, Outlook 76; 69 the teletype's width), breaking at the last
  space before it. (Narrower than 69 no common client wraps.)
- ``unwrap``: a word processor or web form that joined each paragraph's lines into one
  (the body's blocks between blank lines each one line; the header kept).
- ``quoted``: a forwarded e-mail: every line begins ``> ``.
- ``indented``: every line indented four spaces (a Markdown code block, an e-mail's quote).
- ``double-spaced``: every line break doubled (a copy through a rich-text view that makes
  each line a paragraph).
- ``trailing-blank``: the file ends with lines of white space; ``leading-blank``: it starts
  with blank lines and a space (a paste below an empty first line).
- ``no-final-newline``: the last line has no line end.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Callable

_RUN = re.compile(r" {2,}")
_QUOTE = re.compile(r'"')
_DASH = re.compile(r"(?<=\w) -- (?=\w)")


def _utf8(text: str) -> bytes:
    return text.encode("utf-8")


def _cp1252(text: str) -> bytes:
    return text.encode("cp1252", "replace")


#: what an ASCII export writes for the typographic quotes and dashes (the ``¶`` it cannot)
_TRANSLIT = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "--"})


def _ascii(text: str, errors: str) -> bytes:
    return text.translate(_TRANSLIT).encode("ascii", errors)


def _nbsp(text: str) -> str:
    return _RUN.sub(lambda m: "".join("\u00a0" if i % 2 == 0 else " " for i in range(len(m[0]))), text)


def _curl(text: str) -> str:
    """Straight quotes curled as autocorrect does: an opening one after white space or a
    bracket or at a line's start, a closing one elsewhere; an apostrophe is ’."""
    out = []
    for i, ch in enumerate(text):
        before = text[i - 1] if i else "\n"
        opening = before.isspace() or before in "([{"
        if ch == '"':
            out.append("\u201c" if opening else "\u201d")
        elif ch == "'":
            out.append("\u2018" if opening else "\u2019")
        else:
            out.append(ch)
    return _DASH.sub(" \u2013 ", "".join(out))


def _tabify(line: str) -> str:
    lead = len(line) - len(line.lstrip(" "))
    return "\t" * (lead // 4) + " " * (lead % 4) + line[lead:]


def _form_feeds(text: str) -> str:
    lines = text.split("\n")
    return "\n".join(("\x0c" + line) if i and i % 60 == 0 else line for i, line in enumerate(lines))


def _wrap(width: int) -> Callable[[str], str]:
    def wrap(text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            if len(line) <= width:
                out.append(line)
                continue
            lead = line[: len(line) - len(line.lstrip(" "))]
            out.extend(textwrap.wrap(line, width, initial_indent="", subsequent_indent="", break_long_words=False,
                                     break_on_hyphens=False, drop_whitespace=True) if not lead else
                       [lead + w for w in textwrap.wrap(line.strip(), width - len(lead), break_long_words=False,
                                                         break_on_hyphens=False)])
        return "\n".join(out)

    return wrap


def _unwrap(text: str) -> str:
    header, sep, body = text.partition("\n\n")
    blocks = re.split(r"(\n\s*\n)", body)
    return header + sep + "".join(b if i % 2 else " ".join(x.strip() for x in b.split("\n")) for i, b in
                                  enumerate(blocks))


#: name -> the bytes a user's file holds, from the pasted text
VARIANTS: dict[str, Callable[[str], bytes]] = {
    "crlf": lambda t: _utf8(t.replace("\n", "\r\n")),
    "cr": lambda t: _utf8(t.replace("\n", "\r")),
    "bom": lambda t: b"\xef\xbb\xbf" + _utf8(t),
    "utf16": lambda t: t.replace("\n", "\r\n").encode("utf-16"),
    "cp1252": _cp1252,
    "word": lambda t: _cp1252(_curl(t).replace("\n", "\r\n")),
    "tabs": lambda t: _utf8("\n".join(_tabify(line) for line in t.split("\n"))),
    "trailing-spaces": lambda t: _utf8("\n".join(line + "   " for line in t.split("\n"))),
    "nbsp": lambda t: _utf8(_nbsp(t)),
    "para-entity": lambda t: _utf8(t.replace("\u00b6", "&para;")),
    "para-ascii": lambda t: _ascii(t, "replace"),
    "para-dropped": lambda t: _ascii(t, "ignore"),
    "form-feeds": lambda t: _utf8(_form_feeds(t)),
    "wrap-69": lambda t: _utf8(_wrap(69)(t)),
    "wrap-72": lambda t: _utf8(_wrap(72)(t)),
    "wrap-76": lambda t: _utf8(_wrap(76)(t)),
    "unwrap": lambda t: _utf8(_unwrap(t)),
    "quoted": lambda t: _utf8("\n".join(("> " + line).rstrip() for line in t.split("\n"))),
    "indented": lambda t: _utf8("\n".join(("    " + line) if line.strip() else line for line in t.split("\n"))),
    "double-spaced": lambda t: _utf8(t.replace("\n", "\n\n")),
    "trailing-blank": lambda t: _utf8(t + "   \n\t\n \n"),
    "leading-blank": lambda t: _utf8("\n \n\n" + t),
    "no-final-newline": lambda t: _utf8(t.rstrip("\n")),
}
