"""Did-you-mean for quotes: the passage of an article closest to a quote that is not in it.

rapidfuzz's `partial_ratio` finds the best-matching window of a paragraph in time linear in the
paragraph, but with a factor that grows about as the square of the quote's length beyond a few
hundred characters (per 100 KB: 5 ms at 200 characters, 70 ms at 800, 270 ms at 1,600). So every
paragraph is searched exactly for quotes up to EXACT_CHARS, and for longer ones while the
article is small (EXACT_BUDGET); beyond, PIECES pieces of PIECE characters of the quote locate
candidate windows (each piece costs what a short quote does) and the quote, its first
MAX_FUZZY_CHARS characters, is aligned within those windows only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz, process

#: quotes up to this length are searched exactly whatever the article's length (they cost about
#: what PIECES pieces would)
EXACT_CHARS = 400
#: article characters times (quote length / PIECE) squared up to which longer quotes are too
EXACT_BUDGET = 4_000_000
#: the length of a piece of a long quote (one machine word of rapidfuzz's bit-parallel search)
PIECE = 64
#: pieces of a long quote that locate the windows it is aligned in
PIECES = 4
#: characters of a longer quote compared when the article is too long for the exact search
MAX_FUZZY_CHARS = 1_000
#: how far word edges near the aligned window are tried
EDGE_SLACK = 16

_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?")
_WORD = re.compile(r"[^\s]+")
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"


@dataclass(frozen=True)
class Passages:
    """The paragraphs of a normalised article: where each starts, and its text."""

    starts: tuple[int, ...]
    texts: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Passages:
        found = [(m.start(), m.group()) for m in _PARAGRAPH.finditer(text)]
        return cls(tuple(s for s, _ in found), tuple(t for _, t in found))


def closest_passage(passages: Passages, text: str, target: str) -> tuple[int, int, float]:
    """The best-matching paragraph window, then its edges moved to the best nearby word edges."""
    if not passages.texts:
        return _word_edges(text, target, 0, 0, -1.0)
    if len(target) <= EXACT_CHARS or len(text) * (len(target) / PIECE) ** 2 <= EXACT_BUDGET:
        index = _best_paragraph(passages, target)
        start, end, score = _aligned(passages, index, 0, len(passages.texts[index]), target)
        return _word_edges(text, target, start, end, score)
    target = target[:MAX_FUZZY_CHARS]
    windows = sorted({_window_of_piece(passages, target, offset) for offset in _piece_offsets(len(target))})
    start, end, score = max((_aligned(passages, *window, target) for window in windows), key=lambda f: f[2])
    return _word_edges(text, target, start, end, score)


def _best_paragraph(passages: Passages, target: str) -> int:
    """The first paragraph with the best partial ratio (rapidfuzz's loop, in C)."""
    found = process.extractOne(target, passages.texts, scorer=fuzz.partial_ratio)
    return found[2] if found is not None else 0


def _aligned(passages: Passages, index: int, low: int, high: int, target: str) -> tuple[int, int, float]:
    """The best window for `target` in paragraph `index`, between `low` and `high`."""
    found = fuzz.partial_ratio_alignment(target, passages.texts[index][low:high])
    if found is None:
        return passages.starts[index] + low, passages.starts[index] + low, -1.0
    offset = passages.starts[index] + low
    return offset + found.dest_start, offset + found.dest_end, found.score


def _piece_offsets(length: int) -> list[int]:
    """Where the pieces of a quote start: at its start, its end and evenly in between."""
    last = length - PIECE
    return sorted({round(n * last / (PIECES - 1)) for n in range(PIECES)})


def _window_of_piece(passages: Passages, target: str, offset: int) -> tuple[int, int, int]:
    """The paragraph and window where the piece of `target` at `offset` aligns best, widened to
    hold the whole target around it with half its length to spare on each side."""
    piece = target[offset : offset + PIECE]
    index = _best_paragraph(passages, piece)
    found = fuzz.partial_ratio_alignment(piece, passages.texts[index])
    guess = (found.dest_start if found is not None else 0) - offset
    spare = len(target) // 2
    return index, max(0, guess - spare), min(len(passages.texts[index]), guess + len(target) + spare)


def _word_edges(text: str, target: str, start: int, end: int, score: float) -> tuple[int, int, float]:
    """Move a window's edges to the word edges within EDGE_SLACK characters that match the
    target best (the earliest of equals), then off any quotation marks."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if text.find("\n", end) != -1 else len(text)
    starts, ends = _near_word_edges(text, line_start, line_end, start, end)
    candidates = [(s, e) for s in starts or [start] for e in ends or [end] if e > s]
    scored = [(fuzz.ratio(target, text[s:e]), s, e) for s, e in candidates] or [(score, start, end)]
    score, start, end = max(scored, key=lambda c: (c[0], -c[1]))
    while end - start > 1 and text[start] in _QUOTE_MARKS:
        start += 1
    while end - start > 1 and text[end - 1] in _QUOTE_MARKS:
        end -= 1
    return start, end, score


def _near_word_edges(
    text: str, line_start: int, line_end: int, start: int, end: int
) -> tuple[list[int], list[int]]:
    """Word starts within EDGE_SLACK of `start` and word ends within EDGE_SLACK of `end`, on the
    line; only the words from the one holding `start - EDGE_SLACK` on are looked at."""
    before = max(line_start, start - EDGE_SLACK)
    scan_from = max(line_start, text.rfind(" ", line_start, before) + 1)
    starts: list[int] = []
    ends: list[int] = []
    for word in _WORD.finditer(text, scan_from, line_end):
        if word.start() > end + EDGE_SLACK:
            break
        if abs(word.start() - start) <= EDGE_SLACK:
            starts.append(word.start())
        if abs(word.end() - end) <= EDGE_SLACK:
            ends.append(word.end())
    return starts, ends
