"""``tokens.search``: a span's pattern tried only where a match can begin gives what
``pattern.search`` gives (the span rules' outputs stay as they were)."""

from __future__ import annotations

import itertools
import random

import pytest

from convert.normalize.rules import inline, summaries
from convert.normalize.tokens import search

_SPANS = [inline._SUMMARY, inline._COMMENT, inline._QUOTE, inline._HEADED_SUMMARY, inline._SUMMARY_COMPOUND,
          summaries._UNLABELLED]
_PAIRS = [(span.start, span.start_at) for span in _SPANS if span.start_at] + [
    (span.end, span.end_at) for span in _SPANS if span.end_at
]

_TEXTS = [
    "", "END SUMMARY.", "end summary", "The weekend ended. End Summary and Comment.", "Recommend. END COMMENT.",
    "BEGIN COMMENT: we think so. END COMMENT.", "(COMMENT: as before)", "xCOMMENT: no", "COMMENT : yes",
    "QTE the text UNQTE", "BEGIN TEXT: a b c END TEXT.", "begin quote x unquote", "He began. UNQUOTE.",
    "İ sent it. END SUMMARY.", "begın comment: x", "ENDEND SUMMARY", "End of Summary.", "Summary/Comment: end.",
    "END SUMMARY AND ACTION REQUEST.", "Intro. End summary and recommendations.", "qte", "unqteend summary",
]
_WORDS = ["END", "end", "SUMMARY", "COMMENT", "BEGIN", "QTE", "UNQTE", "UNQUOTE", "TEXT", "QUOTE", "OF", "AND",
          "x", "(", ":", ".", "İ", "ı", "  ", "weekend", "begin", "of"]


def _random_texts(n: int) -> list[str]:
    rng = random.Random(9)  # noqa: S311  (test data)
    return [" ".join(rng.choice(_WORDS) for _ in range(rng.randint(1, 9))) for _ in range(n)]


@pytest.mark.parametrize(("pattern", "starts"), _PAIRS)
def test_search_finds_what_the_pattern_finds(pattern, starts) -> None:
    for text, pos in itertools.product([*_TEXTS, *_random_texts(400)], (0, 1, 5)):
        expected = pattern.search(text, pos)
        found = search(pattern, text, text.lower(), starts, pos)
        assert (found is None) == (expected is None), (pattern.pattern, text, pos)
        if expected is not None:
            assert found is not None and found.span() == expected.span(), (pattern.pattern, text, pos)


@pytest.mark.parametrize(("pattern", "starts"), _PAIRS)
def test_starts_are_lower_case_without_i_k_or_s(pattern, starts) -> None:
    assert all(start == start.lower() and not set(start) & set("iks") for start in starts)
