"""Compare two PDF volumes of the same cables page for page, by their text (pypdf).

    python scripts/compare_volume.py OLD.pdf NEW.pdf

The text pages (from the first page that heads a cable to the last before the index) are
lined up and compared after taking out what a volume made in pieces changes on purpose:
the document number before a heading ("12. Telegram …"), "(Document 12, page 34)" after a
cross-reference, and the foot "Page N of M" (now "Page N"). Prints how many pages are the
same, and the first differences.
"""

from __future__ import annotations

import difflib
import re
import sys


def _pages(path: str) -> list[str]:
    from pypdf import PdfReader

    return [page.extract_text() or "" for page in PdfReader(path).pages]


def _text_pages(texts: list[str]) -> list[str]:
    start = next(i for i, t in enumerate(texts)  # the first heading that is not in the contents
                 if re.match(r"\s*(\d+\. )?Telegram ", t) and not re.search(r"\.{6,} ?\d", t))
    end = next((i for i in range(len(texts) - 1, start, -1) if not texts[i].lstrip().startswith(
        ("Index of", "KIPR")) and "Index of TAGS" not in texts[i][:40]), len(texts) - 1)
    return texts[start:end + 1]


def _neutral(text: str) -> str:
    text = re.sub(r"^\d+\. (?=Telegram |[A-Z])", "", text, count=1)  # the document number
    text = re.sub(r" ?\(Document \d+, page \d+\)", "", text)
    text = re.sub(r"Page (\d+)( of \d+)?\s*$", "Page", text.rstrip())
    return " ".join(text.split())


def _documents(pages: list[str]) -> list[list[str]]:
    """The words of each document (from one heading to the next), intended changes taken out."""
    documents: list[list[str]] = []
    for text in pages:
        if re.match(r"\s*(\d+\. )?Telegram ", text) or not documents:
            documents.append([])
        # the source note (a footnote on the heading's page) and the running heads, which fall
        # where the page ends, not where the text is
        neutral = re.sub(r" 1 Source: .*$", "", _neutral(text))
        neutral = re.sub(r" \S+ [A-Z/ ]+ Page$", "", neutral)
        # case folded: a small-caps glyph reads back as whichever case first used it in the
        # same font subset, and a piece's subset is not the whole volume's
        documents[-1].extend(re.findall(r"[^\W_]+", neutral.casefold()))
    return documents


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    old, new = (_text_pages(_pages(name)) for name in argv)
    same = sum(_neutral(a) == _neutral(b) for a, b in zip(old, new, strict=False))
    print(f"text pages: old {len(old)}, new {len(new)}; the same apart from intended changes: "
          f"{same} of {min(len(old), len(new))} (a heading one line longer moves the rest of its cable)")
    old_docs, new_docs = _documents(old), _documents(new)
    alike = sum(a == b for a, b in zip(old_docs, new_docs, strict=False))
    print(f"documents: old {len(old_docs)}, new {len(new_docs)}; the same words in the same order: "
          f"{alike} of {min(len(old_docs), len(new_docs))}")
    shown = 0
    for number, (a, b) in enumerate(zip(old_docs, new_docs, strict=False), 1):
        if a != b and shown < 3:
            shown += 1
            print(f"--- document {number}")
            print("\n".join(list(difflib.unified_diff(a, b, lineterm="", n=2))[:14]))
    return 0 if alike == len(old_docs) == len(new_docs) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
