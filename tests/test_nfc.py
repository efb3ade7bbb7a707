"""Linear NFC: the same result as CPython's, the same cluster map as the former quadratic one, and
no long run of marks left out of canonical order for CPython's insertion sort."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools import nfc as nfc_module
from build_tools.anchor import find_quote, normalize
from build_tools.nfc import LONG_RUN, SCAN_END, nfc, nfc_origin

#: letters, marks of several classes (in and out of order), Hangul jamo and syllables, two-part
#: Indic vowels, Tibetan vowel signs that decompose to two marks, singletons, composition
#: exclusions, zero-width and white space
TRICKY = [
    "a", "e", "A", " ", "\n", "\u00e9", "\u0301", "\u0316", "\u0308", "\u0344", "\u0327", "\u05b0",
    "\u1100", "\u1161", "\u11a8", "\uac00", "\uac01", "\u09c7", "\u09be", "\u09d7", "\u0b47", "\u0b3e",
    "\u0bc6", "\u0bbe", "\u0f71", "\u0f72", "\u0f73", "\u0f75", "\u0f81", "\u2126", "\u212b", "\u0958",
    "\u200b", "\U0001d15e", "\U000110a5", "\U000110ba", "\u0345", "\u1e9b", "\u0323",
]  # fmt: skip


def _old_nfc_origin(text: str) -> tuple[int, ...]:
    """The former implementation (quadratic on one long cluster), kept as the reference."""
    origin: list[int] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or _old_starts_cluster(
            unicodedata.normalize("NFC", text[start:index]), text[index]
        ):
            origin.extend([start] * len(unicodedata.normalize("NFC", text[start:index])))
            start = index
    return tuple(origin)


def _old_starts_cluster(composed_before: str, char: str) -> bool:
    if unicodedata.combining(char) != 0:
        return False
    last = composed_before[-1:]
    return unicodedata.normalize("NFC", last + char) == last + unicodedata.normalize("NFC", char)


def _insertion_sort_steps(text: str) -> int:
    """The swaps CPython's canonical reordering makes on `text`: out-of-order pairs of marks
    (by combining class) within each run of non-starters of its decomposition."""
    steps = 0
    counts = [0] * 256  # marks of each class so far in the current run
    for char in (c for original in text for c in unicodedata.normalize("NFD", original)):
        klass = unicodedata.combining(char)
        if klass == 0:
            counts = [0] * 256
            continue
        steps += sum(counts[klass + 1 :])
        counts[klass] += 1
    return steps


@settings(max_examples=400, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(TRICKY), max_size=40).map("".join))
def test_nfc_and_its_origin_match_cpython_and_the_former_implementation(text: str) -> None:
    assert nfc(text) == unicodedata.normalize("NFC", text)
    assert nfc_origin(text) == _old_nfc_origin(text)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(
    st.sampled_from(["a", "\u1100", "\u09c7", " ", ""]),
    st.lists(st.sampled_from(["\u0301", "\u0316", "\u0327", "\u05b0", "\u0f73", "\u0344", "\u0f72"]), min_size=LONG_RUN, max_size=3 * LONG_RUN),
    st.sampled_from(["", "a", "\u09be", "\u1161", "\u0301b"]),
)  # fmt: skip
def test_long_runs_of_marks_compose_as_cpython_does(head: str, marks: list[str], tail: str) -> None:
    text = head + "".join(marks) + tail
    assert nfc(text) == unicodedata.normalize("NFC", text)
    assert nfc_origin(text) == _old_nfc_origin(text)


@pytest.mark.parametrize(
    ("run", "disorder"),
    [
        pytest.param("\u0301\u0316" * 10_000, 10_000 * 10_001 // 2, id="two-classes-alternating"),
        pytest.param("\u0f73" * 10_000, 9_999 * 10_000 // 2, id="tibetan-vowel-sign-of-two-marks"),
        pytest.param("\u0301" * 20_000, 0, id="one-class"),
    ],
)
def test_cpython_never_sorts_a_long_run_out_of_order(
    run: str, disorder: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """CPython's insertion sort makes one step per out-of-order pair of marks (50 million in the
    first two runs, 450 million at 60,000 marks): nfc hands it long runs already sorted, so at
    most LONG_RUN steps per character remain."""
    text = "a" + run + " NATO"
    assert _insertion_sort_steps(text) == disorder
    nfc_module._tables()  # built before recording
    given: list[str] = []
    real = unicodedata.normalize

    def recording(form: str, value: str) -> str:
        given.append(value)
        return real(form, value)

    monkeypatch.setattr(nfc_module.unicodedata, "normalize", recording)
    result = nfc(text)
    monkeypatch.undo()
    assert result == unicodedata.normalize("NFC", text)
    assert sum(len(value) for value in given) <= 4 * len(text)  # the per-character decompositions
    assert sum(_insertion_sort_steps(value) for value in given) <= LONG_RUN * len(text)


def test_a_letter_with_sixty_thousand_marks_anchors_its_quote() -> None:
    article = "a" + "\u0316\u0301" * 30_000 + "\nNATO menolak rencana itu.\n"
    search = find_quote(normalize(article), "NATO menolak rencana itu.")
    assert [a.exact for a in search.anchors] == ["NATO menolak rencana itu."]
    assert search.anchors[0].start == article.index("NATO")


def test_the_scanned_range_holds_every_mark_and_composing_starter() -> None:
    """nfc's tables scan code points below SCAN_END only: beyond it, no character is a mark,
    decomposes to one first or to a character that composes, or composes from two characters
    (only singletons such as the CJK compatibility ideographs decompose there)."""
    composing = nfc_module._tables().composing
    beyond = [chr(c) for c in range(SCAN_END, 0x110000) if not 0xD800 <= c < 0xE000]
    first = {c: unicodedata.normalize("NFD", c)[0] for c in beyond if unicodedata.decomposition(c)}
    assert first  # the CJK compatibility ideographs
    assert not [c for c in beyond if unicodedata.combining(c)]
    assert not [c for c, f in first.items() if unicodedata.combining(f) or f in composing]
    assert not [c for c in first if len(unicodedata.decomposition(c).split()) > 1]
