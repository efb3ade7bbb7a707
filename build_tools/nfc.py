"""Unicode NFC in linear time, and where each character of the result came from.

CPython's `unicodedata.normalize` puts each run of combining marks in canonical order with an
insertion sort, quadratic in the length of the run: 40,000 marks alternating between two
combining classes take a second, 40,000 U+0F73 (which decomposes into two marks) six. Articles
have no limit on marks in a row, so here each long run is decomposed character by character and
stably sorted by combining class (the canonical order) before CPython composes the text. The
result is the same: canonically equivalent texts have one NFC.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

#: runs of at least this many characters that decompose to a combining mark first are sorted here
#: (a shorter run costs CPython at most LONG_RUN steps per character)
LONG_RUN = 32
#: every combining mark, and every starter that can compose with the character before it, is
#: below this code point in Python's Unicode database (tests/test_nfc.py checks it)
SCAN_END = 0x20000
#: Hangul vowel and trailing consonant jamo compose algorithmically (no decomposition entry)
_HANGUL_SECONDS = ((0x1161, 0x1175), (0x11A8, 0x11C2))


@dataclass(frozen=True)
class _Tables:
    #: one or more characters whose decomposition starts with a combining mark
    long_run: re.Pattern[str]
    #: a starter (combining class 0)
    starter: re.Pattern[str]
    #: starters that may compose with the character before them (Hangul jamo, Indic vowel signs)
    composing: frozenset[str]


@cache
def _tables() -> _Tables:
    """Built from this Python's Unicode database on first use (about 20 ms)."""
    marks: list[int] = []
    leading: list[int] = []
    decomposable: list[str] = []
    seconds: set[str] = {chr(c) for low, high in _HANGUL_SECONDS for c in range(low, high + 1)}
    for code in range(0x300, SCAN_END):
        char = chr(code)
        if unicodedata.combining(char):
            marks.append(code)
            leading.append(code)
            continue
        fields = unicodedata.decomposition(char).split()
        if not fields or fields[0].startswith("<"):
            continue
        decomposable.append(char)
        if unicodedata.combining(chr(int(fields[0], 16))):
            leading.append(code)
        if len(fields) == 2 and unicodedata.normalize("NFC", char) == char:  # a primary composite
            seconds.add(chr(int(fields[1], 16)))
    # starters whose decomposition starts with a mark or with a character that composes
    composing = {c for c in seconds if not unicodedata.combining(c)}
    composing.update(c for c in decomposable if unicodedata.normalize("NFD", c)[0] in seconds)
    composing.update(chr(c) for c in leading if not unicodedata.combining(chr(c)))
    return _Tables(
        long_run=re.compile(f"[{_char_class(leading)}]{{{LONG_RUN},}}"),
        starter=re.compile(f"[^{_char_class(marks)}]"),
        composing=frozenset(composing),
    )


def _char_class(codes: list[int]) -> str:
    """The inside of a regex character class matching exactly `codes` (sorted)."""
    ranges: list[list[int]] = []
    for code in codes:
        if ranges and ranges[-1][1] == code - 1:
            ranges[-1][1] = code
        else:
            ranges.append([code, code])
    return "".join(f"\\U{low:08x}-\\U{high:08x}" for low, high in ranges)


def nfc(text: str) -> str:
    """`unicodedata.normalize("NFC", text)`, in time linear in the length of `text`."""
    if text.isascii():
        return text
    pieces: list[str] = []
    last = 0
    for run in _tables().long_run.finditer(text):
        start = max(run.start() - 1, last)  # the character before may decompose to a mark last
        pieces.append(text[last:start])
        pieces.append(_canonical_order(text[start : run.end()]))
        last = run.end()
    if not pieces:
        return unicodedata.normalize("NFC", text)
    pieces.append(text[last:])
    return unicodedata.normalize("NFC", "".join(pieces))


def _canonical_order(text: str) -> str:
    """The canonical decomposition of `text`, each run of marks stably sorted by class."""
    ordered: list[str] = []
    run: list[str] = []
    for char in (c for original in text for c in unicodedata.normalize("NFD", original)):
        if unicodedata.combining(char):
            run.append(char)
            continue
        ordered.extend(sorted(run, key=unicodedata.combining))
        run.clear()
        ordered.append(char)
    ordered.extend(sorted(run, key=unicodedata.combining))
    return "".join(ordered)


def nfc_origin(text: str) -> tuple[int, ...]:
    """For each character of NFC(text), the offset in `text` of the cluster it came from.

    A cluster is cut only before a starter that does not compose with what precedes it
    (Hangul jamo and some Indic vowel signs compose although they are starters). Linear: the
    last character of a cluster's NFC is carried along, since a starter that composes with it
    leaves everything before it unchanged."""
    tables = _tables()
    origin: list[int] = []
    start = segment = 0  # the cluster's start, and its last starter's
    head = ""  # the last character of NFC(text[start:segment]), "" while segment == start
    for match in tables.starter.finditer(text, 1):
        index = match.start()
        char = text[index]
        if char in tables.composing:
            last = nfc(head + text[segment:index])[-1:]
            if _composes(last, char):
                head, segment = last, index
                continue
        origin.extend([start] * _nfc_length(text, start, index))
        start = segment = index
        head = ""
    origin.extend([start] * _nfc_length(text, start, len(text)))
    return tuple(origin)


def _nfc_length(text: str, start: int, end: int) -> int:
    if end - start == 1 and text[start].isascii():
        return 1
    return len(nfc(text[start:end]))


def _composes(last: str, char: str) -> bool:
    return unicodedata.normalize("NFC", last + char) != last + unicodedata.normalize("NFC", char)
