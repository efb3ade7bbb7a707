"""Quoted passages in a paragraph, and the paragraph's sentences once the quotes are blanked out."""

from __future__ import annotations

import re

from .records import QuoteSpan

_PAIRS = [
    re.compile(r"\u201c(?P<q>[^\u201c\u201d]*)(?:\u201d|$)"),  # “…” (an unclosed one runs to the end)
    re.compile(r"\u201e(?P<q>[^\u201e\u201c\u201d]*)[\u201c\u201d]"),  # „…“
    re.compile(r"\u00ab\s?(?P<q>[^\u00ab\u00bb]*?)\s?\u00bb"),  # «…»
    re.compile(r'"(?P<q>[^"]*)"'),
    # U+2018 ... U+2019 only where it is clearly a quote: not an apostrophe inside or after a word
    re.compile(r"(?<!\w)\u2018(?P<q>(?:[^\u2018\u2019]|\u2019(?=\w))*)\u2019(?!\w)"),
]
#: what a quote's inside is replaced with in the masked paragraph
MASK = "\u00b7"
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019\u00bb]?\s+(?=[\"\u201c\u00ab\u2018(]?[A-Z0-9])")


def find_quotes(paragraph: str) -> list[QuoteSpan]:
    """(mark start, text start, text end, mark end) of every quoted passage, in order; a quote
    inside another one is part of it."""
    spans: list[QuoteSpan] = []
    for pattern in _PAIRS:
        for match in pattern.finditer(paragraph):
            start, end = match.span()
            if any(not (end <= s or start >= e) for s, _, _, e in spans):
                continue
            inner_start, inner_end = match.span("q")
            while inner_start < inner_end and paragraph[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and paragraph[inner_end - 1].isspace():
                inner_end -= 1
            if re.search(r"\w", paragraph[inner_start:inner_end]):
                spans.append((start, inner_start, inner_end, end))
    return sorted(spans)


def mask_quotes(paragraph: str, spans: list[QuoteSpan]) -> str:
    """The paragraph with every quote's inside blanked out, so that its words and full stops do
    not count as the surrounding sentence."""
    chars = list(paragraph)
    for _, inner_start, inner_end, _ in spans:
        chars[inner_start:inner_end] = MASK * (inner_end - inner_start)
    return "".join(chars)


def sentences(masked: str) -> list[tuple[int, int]]:
    """The (start, end) of each sentence of a masked paragraph."""
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(masked):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(masked)))
    return spans
