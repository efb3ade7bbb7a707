"""Words for messages, defined once: the did-you-mean of every "unknown" error, and list positions
said the way people count them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from rapidfuzz import fuzz, process

#: how alike a suggestion must be (difflib's ratio): 0.6 suggested `japan` for `asean`
CLOSE_ENOUGH = 0.75
#: what one entry of each list of the format is called, for "the 4th date (dates[3])"
ENTRY_NAMES = {
    "dates": "date", "quotes": "quote", "actors": "actor", "topics": "topic", "related": "related briefing",
    "aliases": "alias", "credits": "credit", "body": "paragraph", "languages": "language",
    "same_statement": "link", "datelines": "dateline", "signatures": "signature",
}  # fmt: skip


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option most like `word`, if one is alike enough to be what was meant: the answer of
    `difflib.get_close_matches(word, options, n=1, cutoff=CLOSE_ENOUGH)`.

    difflib's ratio counts a common subsequence, so it is never above the Indel similarity that
    rapidfuzz computes for every option in C: options are tried best bound first, and the search
    stops when no bound left can beat (or tie) the best ratio found. One SequenceMatcher per
    option made 2,000 unknown ids against 1,000 actors take 69 s."""
    bounds = process.extract(
        word, sorted(options), scorer=fuzz.ratio, score_cutoff=100 * CLOSE_ENOUGH - 0.1, limit=None
    )
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    best: tuple[float, str] | None = None
    for option, bound, _ in bounds:  # highest bound first
        if best is not None and bound / 100 + 1e-9 < best[0]:
            break
        matcher.set_seq1(option)
        ratio = matcher.ratio()
        if ratio >= CLOSE_ENOUGH and (best is None or (ratio, option) > best):
            best = (ratio, option)  # as difflib.get_close_matches: the best, the last of equals
    return best[1] if best is not None else None


def did_you_mean(word: str, options: Iterable[str], quote: str = "'") -> str:
    """`; did you mean 'x'?`, or nothing when no option is close."""
    found = closest(word, options)
    return f"; did you mean {quote}{found}{quote}?" if found else ""


def ordinal(number: int) -> str:
    """1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st..."""
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def position(list_name: str, index: int) -> str:
    """`the 4th date (dates[3])`: as people count, and as the file's path to it reads."""
    entry = ENTRY_NAMES.get(list_name, "entry")
    return f"the {ordinal(index + 1)} {entry} ({list_name}[{index}])"
