"""Which characters an annotation may hold, as typed or as parsed: one set of rules for the raw text
(`yamlstrict` reports them at the character) and for the values that double-quoted escapes make
(reported at the value). Every function here is linear in its text."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from itertools import islice

#: control characters (not tab or line breaks), line and paragraph separators, bidirectional
#: overrides and isolates, lone surrogates (only an escape can make one), and non-characters
FORBIDDEN_CHARS = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]"
)
#: combining marks (Unicode categories Mn, Mc, Me) in a row: real scripts stack at most 4 or 5
MAX_COMBINING_MARKS = 8
#: problems of one kind listed per file; a file full of them says so once more and stops
MAX_LISTED = 100
#: where a run of combining marks may be: combining marks start at U+0300
_MAYBE_MARKS = re.compile(f"[\u0300-\U0010ffff]{{{MAX_COMBINING_MARKS + 1},}}")

Finding = tuple[int, str, str]  # (offset in the text, message, rule)


def combining_runs(text: str) -> Iterator[tuple[int, int]]:
    """(offset, length) of every run of more than MAX_COMBINING_MARKS combining marks."""
    for candidate in _MAYBE_MARKS.finditer(text):
        start = count = 0
        for offset in range(candidate.start(), candidate.end() + 1):
            if offset < candidate.end() and unicodedata.category(text[offset]).startswith("M"):
                start, count = (start, count + 1) if count else (offset, 1)
                continue
            if count > MAX_COMBINING_MARKS:
                yield start, count
            count = 0


def character_findings(text: str) -> list[Finding]:
    """Forbidden characters and long runs of combining marks, each kind listed up to MAX_LISTED."""
    forbidden = ((m.start(), describe_char(m.group()), "characters") for m in FORBIDDEN_CHARS.finditer(text))
    marks = ((offset, describe_marks(count), "characters") for offset, count in combining_runs(text))
    return [*listed(forbidden), *listed(marks)]


def value_findings(value: str) -> list[str]:
    """The messages for one parsed value: each distinct forbidden character, and one long run."""
    chars = dict.fromkeys(FORBIDDEN_CHARS.findall(value))
    messages = [describe_char(char) for char in islice(chars, MAX_LISTED)]
    return messages + [describe_marks(count) for _, count in islice(combining_runs(value), 1)]


def listed(found: Iterable[Finding]) -> list[Finding]:
    """The first MAX_LISTED findings of one kind, and a last one saying that more follow."""
    kept = list(islice(found, MAX_LISTED + 1))
    if len(kept) > MAX_LISTED:
        offset, _, rule = kept[MAX_LISTED]
        more = f"more than {MAX_LISTED} problems like the ones above in this file; only the first are listed"
        kept[MAX_LISTED] = (offset, more, rule)
    return kept


def describe_char(char: str) -> str:
    name = f"U+{ord(char):04X}"
    return f"control or invisible formatting character {name} is not allowed; delete it"


def describe_marks(count: int) -> str:
    return (
        f"{count:,} combining marks in a row (at most {MAX_COMBINING_MARKS} on one character); "
        "delete the extra marks"
    )
