"""Quote anchoring: normalisation, offsets mapped back to the article, elision, ambiguity,
word boundaries, suggestions and the W3C TextQuoteSelector context."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from build_tools.anchor import (
    CONTEXT_CHARS,
    MAX_ANCHORS,
    QuoteSearch,
    _on_word_boundaries,
    find_quote,
    normalize,
    quote_parts,
    split_paragraphs,
)
from build_tools.model import Paragraph, TextQuoteAnchor

REPO = Path(__file__).resolve().parent.parent
SEEDS = {path.name: path.read_text(encoding="utf-8") for path in sorted((REPO / "seeds").glob("*.txt"))}
ARTICLE_000 = SEEDS["000_12260c7031d92e22.txt"]
ARTICLE_002 = SEEDS["002_1ee619b8e0dfa870.txt"]


def _norm_quote(text: str) -> str:
    """What a quote normalises to (the comparison the validator makes)."""
    return normalize(text, keep_lines=False).text.strip()


def _find(article: str, quote: str) -> QuoteSearch:
    return find_quote(normalize(article), quote)


def _only_anchor(article: str, quote: str) -> TextQuoteAnchor:
    search = _find(article, quote)
    assert len(search.anchors) == 1, (quote, search)
    assert search.suggestion is None
    return search.anchors[0]


def _assert_maps_back(article: str, quote: str, anchor: TextQuoteAnchor) -> None:
    """Every span is a slice of the article that normalises to its part of the quote."""
    parts = quote_parts(quote)
    assert len(anchor.spans) == len(parts)
    for (start, end), part in zip(anchor.spans, parts, strict=True):
        assert 0 <= start < end <= len(article)
        assert _norm_quote(article[start:end]) == part
    assert anchor.exact == article[anchor.start : anchor.end]
    assert anchor.prefix == article[max(0, anchor.start - CONTEXT_CHARS) : anchor.start]
    assert anchor.suffix == article[anchor.end : anchor.end + CONTEXT_CHARS]


# -- normalisation -------------------------------------------------------------------------------


def test_nfc_and_nfd_input_normalise_alike() -> None:
    text = "Pemerintah Prancis: café, naïve, Đà Nẵng, Ångström"
    nfd = unicodedata.normalize("NFD", text)
    assert nfd != text
    assert normalize(nfd).text == normalize(text).text == text


@pytest.mark.parametrize("mark", "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e\uff02")
def test_typographic_double_quotes_fold_to_ascii(mark: str) -> None:
    assert normalize(f"{mark}x{mark}").text == '"x"'


@pytest.mark.parametrize("mark", "\u2018\u2019\u201a\u201b\u2039\u203a\u2032\uff07")
def test_typographic_single_quotes_fold_to_ascii(mark: str) -> None:
    assert normalize(f"it{mark}s").text == "it's"


@pytest.mark.parametrize("char", "\u200b\u200c\u200d\u2060\ufeff\u00ad")
def test_zero_width_characters_are_dropped(char: str) -> None:
    assert normalize(f"ker{char}as kepala").text == "keras kepala"
    assert normalize(f"keras {char} kepala").text == "keras kepala"


def test_white_space_runs_collapse_to_one_space() -> None:
    assert normalize("a  b\t\tc \u00a0 d\u2003e").text == "a b c d e"


def test_line_breaks_are_kept_apart_with_keep_lines() -> None:
    text = "first  line \r\n\r\n  second\nthird"
    assert normalize(text).text == "first line\nsecond\nthird"
    assert normalize(text, keep_lines=True).text == "first line\nsecond\nthird"
    assert normalize(text, keep_lines=False).text == "first line second third"


def test_nothing_else_is_forgiven() -> None:
    assert normalize("Apapun").text != normalize("apapun").text
    assert normalize("a-b").text == "a-b"
    assert normalize("a\u2013b").text == "a\u2013b"  # dashes are not folded
    assert normalize("a...b").text == "a...b"


MIXED = (
    "  \u201cSatu\u201d  dua\u200b\u200btiga\t\tempat \u00ad lima\r\n"
    "\r\n"
    "cafe\u0301 \U0001f600\U0001f600 na\u0308ive it\u2019s\u00a0\u00a0ok \ufeffend "
)


def test_original_span_maps_every_slice_back_exactly() -> None:
    normalized = normalize(MIXED)
    text = normalized.text
    checked = 0
    for i in range(len(text)):
        for j in range(i + 1, len(text) + 1):
            piece = text[i:j]
            if piece != piece.strip() or "\n" in piece:  # quotes are trimmed single lines
                continue
            start, end = normalized.original_span(i, j)
            assert normalize(MIXED[start:end], keep_lines=False).text.strip() == piece, (
                i,
                j,
                MIXED[start:end],
            )
            checked += 1
    assert checked > 300


def test_original_span_of_a_whole_normalised_text_is_the_trimmed_original() -> None:
    normalized = normalize(MIXED)
    start, end = normalized.original_span(0, len(normalized.text))
    assert (start, end) == (0, len(MIXED))


# -- anchoring -----------------------------------------------------------------------------------


def test_every_shipped_quote_style_maps_back_exactly() -> None:
    quotes = [
        "Apapun kata orang, geografi itu keras kepala,",
        "Investasi besar China dalam kemampuan militer baru menunjukkan hal itu,",
        "kemitraan strategis yang semakin dalam",
        "\u201cApapun kata orang, geografi itu keras kepala,\u201d kata Macron",
        '"Apapun kata orang, geografi itu keras kepala," kata Macron',
        "Apapun   kata\torang,\ngeografi itu keras kepala,",
    ]
    for quote in quotes:
        _assert_maps_back(ARTICLE_000, quote, _only_anchor(ARTICLE_000, quote))


def test_quote_in_nfc_is_found_in_an_nfd_article_and_the_reverse() -> None:
    nfc = "Dia berkata: \u201cKami akan ke caf\u00e9 di Nice\u201d, lalu pergi."
    nfd = unicodedata.normalize("NFD", nfc)
    anchor = _only_anchor(nfd, "Kami akan ke caf\u00e9 di Nice")
    assert anchor.exact == unicodedata.normalize("NFD", "Kami akan ke caf\u00e9 di Nice")
    assert anchor.spans == ((14, 14 + len(unicodedata.normalize("NFD", "Kami akan ke caf\u00e9 di Nice"))),)
    _assert_maps_back(nfd, "Kami akan ke caf\u00e9 di Nice", anchor)
    anchor = _only_anchor(nfc, unicodedata.normalize("NFD", "ke caf\u00e9 di"))
    assert anchor.exact == "ke caf\u00e9 di"


def test_nfd_text_before_a_quote_does_not_shift_it() -> None:
    article = (
        unicodedata.normalize("NFD", "\u00c9l\u00e8ve na\u00efve \u00e0 Orl\u00e9ans: ") + "NATO menolak."
    )
    anchor = _only_anchor(article, "NATO menolak.")
    assert anchor.exact == "NATO menolak."
    assert anchor.start == article.index("NATO")


@pytest.mark.parametrize(
    "script",
    [
        pytest.param("\uc11c\uc6b8\uc5d0\uc11c \uc815\uc0c1\ud68c\uc758", id="hangul-jamo"),
        pytest.param(
            "\u09ac\u09be\u0982\u09b2\u09be \u09ac\u09c7\u09be\u099d\u09be", id="bengali-two-part-vowel"
        ),
    ],
)
def test_decomposed_text_that_nfc_recomposes_across_letters_does_not_shift_offsets(script: str) -> None:
    """NFC also composes some characters of combining class 0 with the letter before them
    (Hangul jamo, two-part Indic vowel signs); offsets after them must stay right."""
    article = unicodedata.normalize("NFD", script) + " NATO menolak."
    anchor = _only_anchor(article, "NATO menolak.")
    assert anchor.exact == "NATO menolak."
    assert anchor.start == article.index("NATO")


def test_offsets_are_code_points_even_after_emoji() -> None:
    article = "\U0001f600\U0001f1ee\U0001f1e9 \U00010348 Kata NATO, kata Macron."
    anchor = _only_anchor(article, "kata Macron.")
    assert anchor.spans == ((17, 29),)
    assert article[17:29] == "kata Macron."
    assert anchor.prefix == article[:17]
    assert len(anchor.prefix) == 17  # code points, not UTF-16 units (21) or UTF-8 bytes (29)
    assert len(article[:17].encode("utf-16-le")) // 2 == 21 and len(article[:17].encode()) == 29


def test_context_is_32_code_points_either_side() -> None:
    emoji = "\U0001f600" * 40
    article = f"{emoji} awal kutipan di sini akhir {emoji}"
    anchor = _only_anchor(article, "kutipan di sini")
    assert anchor.prefix == "\U0001f600" * 26 + " awal "
    assert anchor.suffix == " akhir " + "\U0001f600" * 25
    assert len(anchor.prefix) == len(anchor.suffix) == CONTEXT_CHARS == 32
    at_start = _only_anchor(article.replace(emoji, "", 1), "awal kutipan")
    assert at_start.prefix == " " and at_start.start == 1


def test_context_of_seed_quotes() -> None:
    anchor = _only_anchor(ARTICLE_000, "Apapun kata orang, geografi itu keras kepala,")
    assert anchor.prefix.endswith("Euro-Atlantik.\n\u201c") and len(anchor.prefix) == 32
    assert anchor.suffix.startswith("\u201d kata Macron setelah KTT NATO") and len(anchor.suffix) == 32


# -- elision -------------------------------------------------------------------------------------


@pytest.mark.parametrize("ellipsis", ["...", "\u2026", " ... ", " \u2026 "])
def test_elided_quote_parts_in_order(ellipsis: str) -> None:
    quote = f"Stoltenberg ingin{ellipsis}Tokyo{ellipsis}keamanan siber dan maritim."
    anchor = _only_anchor(ARTICLE_000, quote)
    assert [ARTICLE_000[s:e] for s, e in anchor.spans] == [
        "Stoltenberg ingin",
        "Tokyo",
        "keamanan siber dan maritim.",
    ]
    assert anchor.exact == (
        "Stoltenberg ingin memperdalam kerja sama dengan Tokyo di berbagai bidang seperti keamanan siber dan maritim."
    )
    starts = [s for s, _ in anchor.spans]
    assert starts == sorted(starts)
    _assert_maps_back(ARTICLE_000, quote, anchor)


def test_quote_parts() -> None:
    assert quote_parts("a ... b \u2026 c") == ["a", "b", "c"]
    assert quote_parts("...a...") == ["a"]
    assert quote_parts("  \u201cx\u201d  ") == ['"x"']
    assert quote_parts("...") == [] and quote_parts("   ") == []


def test_elided_parts_out_of_order_are_not_found() -> None:
    search = _find(ARTICLE_000, "keamanan siber dan maritim \u2026 Stoltenberg ingin")
    assert search.anchors == ()
    assert search.suggestion is not None
    assert search.suggestion.missing_part == "Stoltenberg ingin"


def test_elided_part_missing_is_named_and_suggested() -> None:
    search = _find(ARTICLE_000, "Stoltenberg ingin memperdalam kerja sama ... keamanan siber dan udara")
    assert search.anchors == ()
    suggestion = search.suggestion
    assert suggestion is not None and suggestion.missing_part == "keamanan siber dan udara"
    assert ARTICLE_000[suggestion.start : suggestion.end].startswith("keamanan siber dan")
    assert suggestion.similarity < 100


def test_a_quote_that_is_only_an_ellipsis_finds_nothing_and_suggests_nothing() -> None:
    assert _find(ARTICLE_000, "\u2026") == QuoteSearch((), None)
    assert _find(ARTICLE_000, "   ") == QuoteSearch((), None)


# -- ambiguity and word boundaries ------------------------------------------------------------------


def test_quote_found_twice_gives_two_anchors_in_article_order() -> None:
    search = _find(ARTICLE_000, "kantor penghubung di")
    assert len(search.anchors) == 2
    first, second = search.anchors
    assert first.start < second.start
    assert first.exact == second.exact == "kantor penghubung di"
    assert ARTICLE_000.count("kantor penghubung di") == 2
    assert [a.start for a in search.anchors] == [
        m.start() for m in re.finditer("kantor penghubung di", ARTICLE_000)
    ]


def test_typographic_and_ascii_quotes_are_one_occurrence_each() -> None:
    article = 'Dia bilang \u201cya\u201d lalu "ya" lagi.'
    search = _find(article, '"ya"')
    assert [a.exact for a in search.anchors] == ["\u201cya\u201d", '"ya"']


@pytest.mark.parametrize(
    "quote",
    [
        "ncanakan untuk membuka",  # starts inside "merencanakan"
        "telah merencana",  # ends inside "merencanakan"
        "NAT",  # inside "NATO"
        "ATO telah",
        "Stoltenber",
    ],
)
def test_quote_may_not_start_or_end_inside_a_word(quote: str) -> None:
    search = _find(ARTICLE_000, quote)
    assert search.anchors == ()
    assert search.suggestion is not None


@pytest.mark.parametrize(
    "quote",
    ["NATO telah merencanakan", "Euro-Atlantik.", "Atlantik", "13/7/2023", "1.500 hulu ledak", "DTK"],
)
def test_quote_on_word_boundaries_is_found(quote: str) -> None:
    search = _find(ARTICLE_000, quote)
    assert search.anchors, quote
    for anchor in search.anchors:
        _assert_maps_back(ARTICLE_000, quote, anchor)


@pytest.mark.parametrize(
    ("article", "quote"),
    [
        pytest.param(
            "\u0928\u092e\u0938\u094d\u0924\u0947 \u0926\u0941\u0928\u093f\u092f\u093e",
            "\u0928\u092e\u0938",
            id="before-virama",
        ),
        pytest.param(
            "\u0915\u093f\u0924\u093e\u092c \u092a\u0922\u093c\u094b", "\u0915\u093f", id="after-vowel-sign"
        ),
    ],
)
def test_word_boundary_rule_holds_for_scripts_with_combining_marks(article: str, quote: str) -> None:
    """Devanagari vowel signs and viramas are part of the word (categories Mn/Mc), so a
    quote cut next to one of them starts or ends inside a word."""
    assert _find(article, quote).anchors == ()


# -- suggestions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("article", "quote", "passage"),
    [
        (
            ARTICLE_002,
            "Macron yakin piagam badan itu memberlakukan batasan geografis",
            "Macron yakin piagam badan tersebut memberlakukan batasan geografis",
        ),
        (
            ARTICLE_002,
            "tidak menerima konfrontasi blok maupun blok militer.",
            "tidak menerima konfrontasi blok atau blok militer.",
        ),
        (
            ARTICLE_000,
            "Kami perkirakan China pada tahun 2030 akan memiliki 1.500 hulu ledak nuklir",
            "Kami perkirakan China pada tahun 2035 akan memiliki 1.500 hulu ledak nuklir",
        ),
    ],
)
def test_suggestion_points_at_the_closest_passage_and_never_passes(
    article: str, quote: str, passage: str
) -> None:
    search = _find(article, quote)
    assert search.anchors == ()
    suggestion = search.suggestion
    assert suggestion is not None
    assert article[suggestion.start : suggestion.end] == passage
    assert 80 <= suggestion.similarity < 100
    assert suggestion.missing_part is None


def test_suggestion_offsets_are_in_the_original_article() -> None:
    prefix = unicodedata.normalize("NFD", "\U0001f600 \u00e9t\u00e9  \u00e0   Orl\u00e9ans\n")
    article = prefix + "Kami perkirakan China pada tahun 2035 akan memiliki hulu ledak"
    search = _find(article, "Kami perkirakan China pada tahun 2030 akan memiliki hulu ledak")
    assert search.anchors == () and search.suggestion is not None
    assert article[search.suggestion.start : search.suggestion.end] == article[len(prefix) :]


def test_unrelated_quote_still_gets_a_low_similarity_suggestion() -> None:
    search = _find(ARTICLE_000, "zzzz qqqq xxxx")
    assert search.anchors == ()
    assert search.suggestion is not None and search.suggestion.similarity < 50


# -- paragraphs ----------------------------------------------------------------------------------


def test_split_paragraphs_one_per_non_blank_line_trimmed() -> None:
    text = "  first line \r\n\r\n\t\nsecond\n   \nthird  "
    paragraphs = split_paragraphs(text)
    assert [text[p.start : p.end] for p in paragraphs] == ["first line", "second", "third"]
    assert paragraphs[0] == Paragraph(2, 12)


def test_seed_paragraph_counts() -> None:
    assert len(split_paragraphs(ARTICLE_000)) == 17
    assert len(split_paragraphs(ARTICLE_002)) == 8


# -- property: any word-aligned substring of a seed is found exactly where it is -------------------

_WORDS = {name: [(m.start(), m.end()) for m in re.finditer(r"\S+", text)] for name, text in SEEDS.items()}


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(SEEDS)), st.data())
def test_random_word_aligned_substrings_of_the_seeds_are_found_exactly(
    name: str, data: st.DataObject
) -> None:
    article = SEEDS[name]
    words = _WORDS[name]
    first = data.draw(st.integers(0, len(words) - 1), label="first word")
    last = data.draw(st.integers(first, min(len(words) - 1, first + 30)), label="last word")
    start, end = words[first][0], words[last][1]
    quote = article[start:end]
    assume("\n" not in quote)  # a quote stays inside one paragraph
    search = _find(article, quote)
    assert (start, end) in [(a.start, a.end) for a in search.anchors]
    for anchor in search.anchors:
        _assert_maps_back(article, quote, anchor)
    if article.count(quote) == 1 and normalize(article).text.count(_norm_quote(quote)) == 1:
        (anchor,) = search.anchors
        assert anchor.spans == ((start, end),)
        assert anchor.exact == quote


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Kata",
                "nato",
                "caf\u00e9",
                "cafe\u0301",
                "\U0001f600",
                " ",
                "  ",
                "\t",
                "\n",
                "\r\n",
                "\u200b",
                "\u00ad",
                "\u201c",
                "\u201d",
                "\u2019",
                "'",
                '"',
                ",",
                ".",
                "\u00a0",
            ]
        ),
        min_size=1,
        max_size=30,
    ).map("".join),
    st.data(),
)
def test_any_slice_of_a_messy_article_anchors_back_to_itself(article: str, data: st.DataObject) -> None:
    text = normalize(article).text
    assume(text.strip())
    i = data.draw(st.integers(0, len(text) - 1))
    j = data.draw(st.integers(i + 1, len(text)))
    quote = text[i:j].strip()
    assume(quote and "\n" not in quote)
    for anchor in _find(article, quote).anchors:
        _assert_maps_back(article, quote, anchor)


# -- property: the occurrence search agrees with the former, simple one ----------------------------


def _reference_occurrences(haystack: str, needle: str) -> list[int]:
    """Every occurrence on word boundaries, one str.find at a time (the former implementation)."""
    found, at = [], haystack.find(needle)
    while at != -1:
        if _on_word_boundaries(haystack, needle, at):
            found.append(at)
        at = haystack.find(needle, at + 1)
    return found


def _reference_search(haystack: str, parts: list[str]) -> list[list[tuple[int, int]]]:
    """Every start of the first part completed greedily, each part rescanned (quadratic)."""
    results = []
    for start in _reference_occurrences(haystack, parts[0]):
        spans = [(start, start + len(parts[0]))]
        for part in parts[1:]:
            at = next((o for o in _reference_occurrences(haystack, part) if o >= spans[-1][1]), -1)
            if at == -1:
                break
            spans.append((at, at + len(part)))
        else:
            results.append(spans)
    return results


_PIECES = ["a", "b", "ab", "ba", "aa", "a a", "\u00e9", "e\u0301", "x", " ", " ", "\n", ".", ",", "-"]


@settings(max_examples=400, deadline=None, derandomize=True)
@given(
    st.lists(st.sampled_from(_PIECES), max_size=40).map("".join),
    st.lists(st.lists(st.sampled_from(_PIECES), min_size=1, max_size=3).map("".join), min_size=1, max_size=4),
)
def test_find_quote_agrees_with_the_simple_search_on_small_inputs(article: str, pieces: list[str]) -> None:
    quote = " ... ".join(pieces)
    parts = quote_parts(quote)
    assume(parts)
    normalized = normalize(article)
    expected = _reference_search(normalized.text, parts)
    search = find_quote(normalized, quote)
    assert search.occurrences == len(expected) == len(search.anchors)
    assert [a.spans for a in search.anchors] == [
        tuple(normalized.original_span(s, e) for s, e in spans) for spans in expected
    ]
    assert (search.suggestion is None) == bool(expected)


def test_repeated_text_overlapping_occurrences_are_all_found() -> None:
    article = "aa aa aa aa aa aa aa"
    search = _find(article, "aa aa aa")
    assert [a.start for a in search.anchors] == [0, 3, 6, 9, 12]
    assert search.occurrences == 5


def test_only_the_first_occurrences_become_anchors_but_all_are_counted() -> None:
    article = " ".join(["kata"] * 1_000)
    search = _find(article, "kata kata")
    assert search.occurrences == 999
    assert len(search.anchors) == MAX_ANCHORS
    assert [a.start for a in search.anchors] == [5 * n for n in range(MAX_ANCHORS)]


def test_elided_quote_with_a_missing_last_part_is_counted_from_the_first_start() -> None:
    article = "a b a b a c"
    assert _find(article, "a ... b").occurrences == 2  # the a at 8 has no b after it
    assert _find(article, "a ... c").occurrences == 3
    assert _find(article, "b ... c ... a").suggestion is not None
