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

from rapidfuzz import fuzz

from .model import Paragraph, TextQuoteAnchor

CONTEXT_CHARS = 32
_FOLD = str.maketrans(
    {c: '"' for c in "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02"}
    | {c: "'" for c in "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\uff07"}
)
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
#: only what normalising changes: runs of two or more, a lone non-space white space, a zero-width
_GAP = re.compile(f"[\\s{_ZERO_WIDTH}]{{2,}}|[^\\S ]|[{_ZERO_WIDTH}]")
_ELISION = re.compile(r"\s*(?:\.\.\.|\u2026)\s*")
_PARAGRAPH = re.compile(r"\S(?:[^\r\n]*\S)?")
_QUOTE_MARKS = "\"'\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"
_WORD = re.compile(r"[^\s]+")


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
    nfc = unicodedata.normalize("NFC", text)
    nfc_origin = None if nfc == text else _nfc_origin(text)
    folded = nfc.translate(_FOLD)
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
    return NormalizedText(text, "".join(pieces), tuple(sorted(breakpoints)), nfc_origin)


def _nfc_origin(text: str) -> tuple[int, ...]:
    """For each character of NFC(text), the offset in `text` of the cluster it came from.

    A cluster is cut only before a starter that does not compose with what precedes it
    (Hangul jamo and some Indic vowel signs compose although they are starters)."""
    origin: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or _starts_cluster(
            unicodedata.normalize("NFC", text[start:index]), text[index]
        ):
            origin.extend([start] * len(unicodedata.normalize("NFC", text[start:index])))
            start = index
    return tuple(origin)


def _starts_cluster(composed_before: str, char: str) -> bool:
    if unicodedata.combining(char) != 0:
        return False
    last = composed_before[-1:]
    return unicodedata.normalize("NFC", last + char) == last + unicodedata.normalize("NFC", char)


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
    """The outcome of looking for one quote: anchors of every occurrence, or a suggestion."""

    anchors: tuple[TextQuoteAnchor, ...]
    suggestion: Suggestion | None = None


def find_quote(article: NormalizedText, quote: str) -> QuoteSearch:
    parts = quote_parts(quote)
    if not parts:
        return QuoteSearch((), None)
    anchors = []
    for start in _occurrences(article.text, parts[0]):
        spans = _complete(article.text, parts, start)
        if spans:
            anchors.append(_anchor(article, spans))
    if anchors:
        return QuoteSearch(tuple(anchors))
    return QuoteSearch((), _suggest(article, parts))


def _occurrences(haystack: str, needle: str) -> list[int]:
    found, at = [], haystack.find(needle)
    while at != -1:
        if _on_word_boundaries(haystack, needle, at):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _on_word_boundaries(haystack: str, needle: str, at: int) -> bool:
    """A quote may not start or end in the middle of a word of the article."""
    end = at + len(needle)
    cuts_start = at > 0 and _in_word(needle[0]) and _in_word(haystack[at - 1])
    cuts_end = end < len(haystack) and _in_word(needle[-1]) and _in_word(haystack[end])
    return not (cuts_start or cuts_end)


def _in_word(char: str) -> bool:
    """Letters, digits and combining marks (vowel signs, viramas) belong to words."""
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _complete(haystack: str, parts: list[str], start: int) -> list[tuple[int, int]] | None:
    spans = [(start, start + len(parts[0]))]
    for part in parts[1:]:
        at = next((o for o in _occurrences(haystack, part) if o >= spans[-1][1]), -1)
        if at == -1:
            return None
        spans.append((at, at + len(part)))
    return spans


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


def _suggest(article: NormalizedText, parts: list[str]) -> Suggestion:
    missing = None
    if len(parts) > 1:  # name the first part that cannot be placed
        cursor = 0
        for part in parts:
            at = next((o for o in _occurrences(article.text, part) if o >= cursor), -1)
            if at == -1:
                missing = part
                break
            cursor = at + len(part)
    target = missing or " ".join(parts)
    start, end, score = _closest_passage(article.text, target)
    span = article.original_span(start, max(end, start + 1))
    return Suggestion(span[0], span[1], round(score, 1), missing)


def _closest_passage(text: str, target: str) -> tuple[int, int, float]:
    """The best-matching paragraph window, then its edges moved to the best nearby word edges."""
    best = (0, 0, -1.0)
    for paragraph in _PARAGRAPH.finditer(text):
        found = fuzz.partial_ratio_alignment(target, paragraph.group())
        if found is not None and found.score > best[2]:
            offset = paragraph.start()
            best = (offset + found.dest_start, offset + found.dest_end, found.score)
    start, end, _ = best
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end) if text.find("\n", end) != -1 else len(text)
    starts = [m.start() for m in _WORD.finditer(text, line_start, line_end) if abs(m.start() - start) <= 16]
    ends = [m.end() for m in _WORD.finditer(text, line_start, line_end) if abs(m.end() - end) <= 16]
    candidates = [(s, e) for s in starts or [start] for e in ends or [end] if e > s]
    scored = [(fuzz.ratio(target, text[s:e]), s, e) for s, e in candidates] or [(best[2], start, end)]
    score, start, end = max(scored, key=lambda c: (c[0], -c[1]))
    while end - start > 1 and text[start] in _QUOTE_MARKS:
        start += 1
    while end - start > 1 and text[end - 1] in _QUOTE_MARKS:
        end -= 1
    return start, end, score
