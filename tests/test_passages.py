"""Closest-passage suggestions: the same as the former search where it was cheap, bounded work
where it was not (long quotes over long articles)."""

from __future__ import annotations

import difflib
import random
import re

from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from build_tools.anchor import find_quote, normalize
from build_tools.passages import (
    EXACT_BUDGET,
    EXACT_CHARS,
    MAX_FUZZY_CHARS,
    PIECE,
    Passages,
    closest_passage,
)
from build_tools.suggest import CLOSE_ENOUGH
from build_tools.suggest import closest as close_match

from .steps import step_limit

_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?")
_WORD = re.compile(r"[^\s]+")
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"


def _reference(text: str, target: str) -> tuple[int, int, float]:
    """The former implementation: every paragraph aligned, every word of the line scanned."""
    best = (0, 0, -1.0)
    for paragraph in _PARAGRAPH.finditer(text):
        found = fuzz.partial_ratio_alignment(target, paragraph.group())
        if found is not None and found.score > best[2]:
            offset = paragraph.start()
            best = (offset + found.dest_start, offset + found.dest_end, found.score)
    start, end, _ = best
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if text.find("\n", end) != -1 else len(text)
    words = list(_WORD.finditer(text, line_start, line_end))
    starts = [m.start() for m in words if abs(m.start() - start) <= 16]
    ends = [m.end() for m in words if abs(m.end() - end) <= 16]
    candidates = [(s, e) for s in starts or [start] for e in ends or [end] if e > s]
    scored = [(fuzz.ratio(target, text[s:e]), s, e) for s, e in candidates] or [(best[2], start, end)]
    score, start, end = max(scored, key=lambda c: (c[0], -c[1]))
    while end - start > 1 and text[start] in _QUOTE_MARKS:
        start += 1
    while end - start > 1 and text[end - 1] in _QUOTE_MARKS:
        end -= 1
    return start, end, score


_WORDS = ["kata", "orang", "geografi", "itu", "keras", "kepala", "NATO", "\u201c", "\u201d", ",", "."]
_SEPARATORS = [" ", " ", " ", "\n", "  "]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=60),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=12),
)
def test_suggestions_agree_with_the_former_search(article: list[tuple[str, str]], quote: list[str]) -> None:
    text = normalize("".join(w + s for w, s in article)).text
    target = " ".join(quote)
    assert closest_passage(Passages.of(text), text, target) == _reference(text, target)


def _article(paragraphs: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = [
        "".join(rng.choice("abcdeghiklmnoprstu") for _ in range(rng.randint(2, 9))) for _ in range(2_000)
    ]
    return "\n".join(" ".join(rng.choice(words) for _ in range(120)) for _ in range(paragraphs))


def test_a_long_quote_over_a_long_article_is_located_with_bounded_work() -> None:
    """Beyond EXACT_BUDGET a few pieces of the quote locate the passage: its closest passage is
    still found, and the Python work does not grow with the article."""
    article = _article(1_000)  # about 750 KB
    paragraph = article.splitlines()[700]
    passage = paragraph[100:700]
    misquote = passage[:300] + "X" + passage[301:]
    assert len(misquote) > EXACT_CHARS and len(article) * (len(misquote) / PIECE) ** 2 > EXACT_BUDGET
    normalized = normalize(article)
    assert normalized.passages.texts  # made once per article, not counted
    with step_limit(20_000):
        search = find_quote(normalized, misquote)
    suggestion = search.suggestion
    assert suggestion is not None and suggestion.similarity > 95
    assert abs(suggestion.start - article.index(passage)) <= 16
    assert abs(suggestion.end - (article.index(passage) + len(passage))) <= 16


def test_a_quote_longer_than_the_fuzzy_limit_is_compared_by_its_beginning() -> None:
    article = _article(300)
    paragraph = article.splitlines()[200]
    misquote = "Z" + paragraph[1 : 3 * MAX_FUZZY_CHARS]
    search = find_quote(normalize(article), misquote)
    assert search.suggestion is not None
    assert abs(search.suggestion.start - article.index(paragraph)) <= 16


def test_suggestion_work_in_python_does_not_grow_with_the_article() -> None:
    """Paragraphs are compared in rapidfuzz's own loop; Python sees only the best one."""
    small, large = normalize(_article(20)), normalize(_article(2_000))
    steps = []
    for article in (small, large):
        assert article.passages.texts  # made once per article, not counted
        with step_limit(10_000) as counted:
            find_quote(article, "kutipan yang tidak ada di artikel ini sama sekali")
        steps.append(counted.count)
    assert steps[1] <= 2 * steps[0] + 500


_ID_PIECES = ["emmanuel", "macron", "nato", "-", "a", "e", "macr0n", "x", "jens", "stoltenberg", "z" * 120]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(_ID_PIECES), min_size=1, max_size=4).map("".join),
    st.lists(st.lists(st.sampled_from(_ID_PIECES), min_size=1, max_size=4).map("".join), max_size=30),
)
def test_close_match_is_difflibs_answer(word: str, options: list[str]) -> None:
    expected = difflib.get_close_matches(word, sorted(options), n=1, cutoff=CLOSE_ENOUGH)
    assert close_match(word, sorted(options)) == (expected[0] if expected else None)


def test_close_match_over_many_options_runs_difflib_on_the_close_ones_only() -> None:
    options = [f"actor-number-{n}" for n in range(5_000)]
    with step_limit(50_000):
        assert close_match("actor-numbr-4321", options) == "actor-number-4321"
