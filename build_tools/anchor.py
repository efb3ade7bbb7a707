"""Quote anchoring: find a quote in its article after a fixed, forgiving normalisation.

Normalisation = Unicode NFC, typographic quotes and apostrophes folded to ASCII, zero-width
characters dropped, white-space runs collapsed to one space. Nothing else is forgiven: fuzzy
matching (rapidfuzz) is only ever used to *suggest* the closest passage when a quote is not found.
Offsets are code points into the original article text, as the W3C TextQuoteSelector expects.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass
from functools import cached_property

from .model import Paragraph, TextQuoteAnchor
from .nfc import nfc, nfc_origin
from .passages import Passages, closest_passage

CONTEXT_CHARS = 32
#: occurrences of one quote made into anchors (`occurrence` picks among them); the rest are counted
MAX_ANCHORS = 100
_FOLD = str.maketrans(
    {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"}
    | {c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\uff07"}
)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: only what normalising changes: runs of two or more, a lone non-space white space, a zero-width
_GAP = re.compile(f"[\\s{_ZERO_WIDTH}]{{2,}}|[^\\S ]|[{_ZERO_WIDTH}]")
_ELISION = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?")


def split_paragraphs(text: str) -> tuple[Paragraph, ...]:
    """One paragraph per non-blank line, trimmed of surrounding white space."""
    return tuple(Paragraph(m.start(), m.end()) for m in _PARAGRAPH.finditer(text))


@dataclass(frozen=True)
class NormalizedText:
    """Normalised text plus what is needed to map its offsets back to the original."""

    original: str
    text: str
    #: sorted (normalised offset, original offset) pairs; offsets grow in step between them
    breakpoints: tuple[tuple[int, int], ...]
    #: per-character original offsets when NFC changed the text (rare), else None
    nfc_origin: tuple[int, ...] | None = None

    @cached_property
    def passages(self) -> Passages:
        """Its paragraphs, for suggestions (made once per article)."""
        return Passages.of(self.text)

    @cached_property
    def _keys(self) -> list[int]:
        return [norm for norm, _ in self.breakpoints]

    def _nfc_offset(self, index: int) -> int:
        at = bisect.bisect_right(self._keys, index) - 1
        norm, orig = self.breakpoints[at] if at >= 0 else (0, 0)
        return orig + (index - norm)

    def _from_nfc(self, offset: int) -> int:
        if self.nfc_origin is None:
            return offset
        return self.nfc_origin[offset] if offset < len(self.nfc_origin) else len(self.original)

    def original_span(self, start: int, end: int) -> tuple[int, int]:
        """Original code-point offsets of the normalised slice [start, end)."""
        return (
            self._from_nfc(self._nfc_offset(start)),
            self._from_nfc(self._nfc_offset(end - 1) + 1),
        )


def normalize(text: str, *, keep_lines: bool = True) -> NormalizedText:
    """Normalise `text`; with `keep_lines` a white-space run holding a line break becomes one
    line break (so paragraphs stay apart), any other run one space."""
    normal = nfc(text)
    nfc_origin_map = None if normal == text else nfc_origin(text)
    folded = normal.translate(_FOLD)
    pieces: list[str] = []
    breakpoints: list[tuple[int, int]] = []
    last, out_len = 0, 0
    for gap in _GAP.finditer(folded):
        run = gap.group()
        replacement = " " if any(c not in _ZERO_WIDTH for c in run) else ""
        if replacement and keep_lines and ("\n" in run or "\r" in run):
            replacement = "\n"
        if gap.group() == replacement:
            continue
        pieces.append(folded[last : gap.start()] + replacement)
        out_len += gap.start() - last + len(replacement)
        breakpoints.append((out_len, gap.end()))
        if replacement:  # the single space stands where the run started
            breakpoints.append((out_len - 1, gap.start()))
        last = gap.end()
    pieces.append(folded[last:])
    return NormalizedText(text, "".join(pieces), tuple(sorted(breakpoints)), nfc_origin_map)


def quote_parts(quote: str) -> list[str]:
    """The normalised parts of a quote; `...` or `…` separates elided parts."""
    text = normalize(quote, keep_lines=False).text.strip()
    return [part for part in _ELISION.split(text) if part]


@dataclass(frozen=True)
class Suggestion:
    """The passage of the article closest to a quote that was not found."""

    start: int
    end: int
    similarity: float
    missing_part: str | None


@dataclass(frozen=True)
class QuoteSearch:
    """The outcome of looking for one quote: anchors of its first MAX_ANCHORS occurrences and
    how many there are, or (when it is not found and one was asked for) a suggestion."""

    anchors: tuple[TextQuoteAnchor, ...]
    suggestion: Suggestion | None = None
    occurrences: int = 0


def find_quote(article: NormalizedText, quote: str, suggest: bool = True) -> QuoteSearch:
    """Every occurrence of `quote` on word boundaries; each elided part is placed at its first
    occurrence after the part before it. O(parts · n) for the occurrences (in C), then
    O(parts · log² n) for their count and O(MAX_ANCHORS · parts · log n) for the anchors."""
    parts = quote_parts(quote)
    if not parts:
        return QuoteSearch((), None)
    placed = _placements(article.text, parts)
    found = _complete_starts(parts, placed)
    if found:
        chains = (_chain(parts, placed, start) for start in placed[0][: min(found, MAX_ANCHORS)])
        return QuoteSearch(tuple(_anchor(article, spans) for spans in chains if spans), None, found)
    return QuoteSearch((), _suggest(article, parts, placed) if suggest else None)


def _placements(haystack: str, parts: list[str]) -> list[list[int]]:
    """Each part's occurrences on word boundaries, found once per distinct part."""
    found: dict[str, list[int]] = {}
    for part in parts:
        if part not in found:
            found[part] = _occurrences(haystack, part)
    return [found[part] for part in parts]


def _occurrences(haystack: str, needle: str) -> list[int]:
    """Every start of `needle`, overlaps included, in O(len(haystack) + len(needle)) beside
    str.find: inside a periodic run (`a a a a`) each next occurrence is checked on its last
    `period` characters only, and occurrences outside such runs overlap by less than half."""
    period = _period(needle)
    tail = needle[len(needle) - period :]
    found: list[int] = []
    at = haystack.find(needle)
    while at != -1:
        while True:
            if _on_word_boundaries(haystack, needle, at):
                found.append(at)
            if not haystack.startswith(tail, at + len(needle)):
                break
            at += period
        at = haystack.find(needle, at + 1)
    return found


def _period(text: str) -> int:
    """The smallest p > 0 with text[i] == text[i + p] for every i (Knuth-Morris-Pratt)."""
    border = [0] * len(text)
    for index in range(1, len(text)):
        length = border[index - 1]
        while length and text[index] != text[length]:
            length = border[length - 1]
        border[index] = length + 1 if text[index] == text[length] else 0
    return len(text) - border[-1]


def _on_word_boundaries(haystack: str, needle: str, at: int) -> bool:
    """A quote may not start or end in the middle of a word of the article."""
    end = at + len(needle)
    cuts_start = at > 0 and _in_word(needle[0]) and _in_word(haystack[at - 1])
    cuts_end = end < len(haystack) and _in_word(needle[-1]) and _in_word(haystack[end])
    return not (cuts_start or cuts_end)


def _in_word(char: str) -> bool:
    """Letters, digits and combining marks (vowel signs, viramas) belong to words."""
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _chain(parts: list[str], placed: list[list[int]], start: int) -> list[tuple[int, int]] | None:
    """The spans of the quote starting at `start`, each later part at its first occurrence after
    the part before it; None when a part cannot be placed."""
    spans = [(start, start + len(parts[0]))]
    for part, offsets in zip(parts[1:], placed[1:], strict=True):
        at = bisect.bisect_left(offsets, spans[-1][1])
        if at == len(offsets):
            return None
        spans.append((offsets[at], offsets[at] + len(part)))
    return spans


def _complete_starts(parts: list[str], placed: list[list[int]]) -> int:
    """How many occurrences of the first part complete the quote. They are a prefix of all of
    them (a later start places every part at the same place or later), so a binary search."""
    low, high = 0, len(placed[0])
    while low < high:
        middle = (low + high) // 2
        if _chain(parts, placed, placed[0][middle]) is None:
            high = middle
        else:
            low = middle + 1
    return low


def _anchor(article: NormalizedText, spans: list[tuple[int, int]]) -> TextQuoteAnchor:
    original = tuple(article.original_span(s, e) for s, e in spans)
    start, end = original[0][0], original[-1][1]
    text = article.original
    return TextQuoteAnchor(
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        spans=original,
    )


def _suggest(article: NormalizedText, parts: list[str], placed: list[list[int]]) -> Suggestion:
    missing = None
    if len(parts) > 1:  # name the first part that cannot be placed
        cursor = 0
        for part, offsets in zip(parts, placed, strict=True):
            at = bisect.bisect_left(offsets, cursor)
            if at == len(offsets):
                missing = part
                break
            cursor = offsets[at] + len(part)
    target = missing or " ".join(parts)
    start, end, score = closest_passage(article.passages, article.text, target)
    span = article.original_span(start, max(end, start + 1))
    return Suggestion(span[0], span[1], round(score, 1), missing)
