"""Words for messages, defined once: the did-you-mean of every "unknown" error, and list positions
said the way people count them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

#: how alike a suggestion must be (difflib's ratio): 0.6 suggested `japan` for `asean`
CLOSE_ENOUGH = 0.75
#: what one entry of each list of the format is called, for "the 4th date (dates[3])"
ENTRY_NAMES = {
    "dates": "date", "quotes": "quote", "actors": "actor", "topics": "topic", "related": "related briefing",
    "aliases": "alias", "credits": "credit", "body": "paragraph", "languages": "language",
}  # fmt: skip


def closest(word: str, options: Iterable[str]) -> str | None:
    """The option most like `word`, if one is alike enough to be what was meant."""
    found = difflib.get_close_matches(word, sorted(options), n=1, cutoff=CLOSE_ENOUGH)
    return found[0] if found else None


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
