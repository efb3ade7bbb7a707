"""Rules on values as they are after parsing (issue 17): whole-string patterns, visible text,
calendar dates from 1800 to 2100, and the documented limits (docs/format.md, "Limits"), each
tested at the limit and one past it."""

from __future__ import annotations

import copy
import json
import re
import string
import unicodedata
from collections.abc import Callable
from functools import cache

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.schemas import check_schema
from build_tools.suggest import position
from build_tools.yamlstrict import parse_yaml, to_plain

from .conftest import REPO
from .test_portable_schemas import ajv, ours

SEEDS = {
    "briefing": "briefings/macron-opposes-nato-office-in-japan.yml",
    "actor": "briefings/actors/emmanuel-macron.yml",
    "story": "briefings/stories/nato-tokyo-liaison-office.yml",
    "topics": "briefings/topics.yml",
    "outlet": "briefings/outlets/agence-france-presse.yml",
}
Path = tuple[str | int, ...]


@cache
def _seed_json(kind: str) -> str:
    return json.dumps(to_plain(parse_yaml((REPO / SEEDS[kind]).read_bytes(), SEEDS[kind]).tree))


def _seed(kind: str) -> dict:
    """A valid document of the kind, with one of every optional field the rules below touch."""
    data = json.loads(_seed_json(kind))
    if kind == "briefing":
        data["source"]["url"] = "https://example.org/berita?id=1#top"
        data["related"] = ["macron-blocks-nato-tokyo-liaison-office"]
        data["quotes"][0]["occurrence"] = "1"
        data["quotes"][0]["same_statement"] = ["macron-blocks-nato-tokyo-liaison-office#big-mistake"]
    if kind == "outlet":
        data["signatures"] = ["(afp)"]
        data["languages"] = ["fr"]
    return data


def _with(data: dict, path: Path, value: object) -> dict:
    data = copy.deepcopy(data)
    if not path:
        return value  # type: ignore[return-value]
    parent = data
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = value
    return data


def _messages(kind: str, data: object) -> list[str]:
    """What `briefings validate` says about the document, through YAML as a contributor writes it."""
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)
    tree = parse_yaml(text.encode("utf-8"), "x.yml").tree
    return [p.message for p in check_schema(kind, tree, "x.yml")]


def test_the_seeds_are_valid() -> None:
    assert all(_messages(kind, _seed(kind)) == [] for kind in SEEDS)


# -- whole strings ------------------------------------------------------------------------------------

ANCHORED = {
    "article": ("briefing", ("article",)),
    "language": ("briefing", ("language",)),
    "published": ("briefing", ("published",)),
    "source.url": ("briefing", ("source", "url")),
    "source.outlet": ("briefing", ("source", "outlet")),
    "source.credits[0] (the 1st credit)": ("briefing", ("source", "credits", 0)),
    "quotes[0].same_statement[0] (the 1st link)": ("briefing", ("quotes", 0, "same_statement", 0)),
    "country": ("outlet", ("country",)),
    "website": ("outlet", ("website",)),
    "story": ("briefing", ("story",)),
    "topics[0] (the 1st topic)": ("briefing", ("topics", 0)),
    "related[0] (the 1st related briefing)": ("briefing", ("related", 0)),
    "actors[0].id (the 1st actor)": ("briefing", ("actors", 0, "id")),
    "quotes[0].id (the 1st quote)": ("briefing", ("quotes", 0, "id")),
    "quotes[0].speaker (the 1st quote)": ("briefing", ("quotes", 0, "speaker")),
    "quotes[0].occurrence (the 1st quote)": ("briefing", ("quotes", 0, "occurrence")),
    "dates[0].date (the 1st date)": ("briefing", ("dates", 0, "date")),
    "dates[0].actors[0] (the 1st actor)": ("briefing", ("dates", 0, "actors", 0)),
    "wikidata": ("actor", ("wikidata",)),
}


def _value_at(data: object, path: Path) -> str:
    for step in path:
        data = data[step]  # type: ignore[index]
    assert isinstance(data, str)
    return data


@pytest.mark.parametrize("tail", ["\n", "\n\n", "\r\n", "\nx", " "])
@pytest.mark.parametrize("field", sorted(ANCHORED))
def test_a_trailing_newline_is_refused_wherever_a_pattern_is_anchored(field: str, tail: str) -> None:
    kind, path = ANCHORED[field]
    data = _seed(kind)
    value = _value_at(data, path)
    (message,) = _messages(kind, _with(data, path, value + tail))
    assert message.startswith(f"{field}: expected ") and message.endswith(f"got {value + tail!r}")


@pytest.mark.parametrize("field", ["summary", "quotes[0].translations", "translations"])
def test_a_language_key_with_a_trailing_newline_is_refused(field: str) -> None:
    data = _seed("briefing")
    mapping = {"summary": data["summary"], "translations": data["translations"]}.get(field)
    mapping = mapping if mapping is not None else data["quotes"][0]["translations"]
    mapping["fr\n"] = copy.deepcopy(next(iter(mapping.values())))
    (message,) = _messages("briefing", data)
    assert (
        message
        == "key 'fr\\n' is not allowed here; expected a BCP 47 language code such as id, en, fr or pt-BR"
    )


def _schema_patterns() -> list[str]:
    found = []
    for path in (REPO / "build_tools" / "schema").glob("*.schema.json"):
        found += re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', path.read_text(encoding="utf-8"))
    return [json.loads(pattern) for pattern in found]


def test_every_pattern_means_the_same_in_python_and_ecma_262() -> None:
    patterns = _schema_patterns()
    assert len(patterns) >= 8
    for pattern in patterns:
        assert not re.search(r"\\[sSdDwWbBzZ]", pattern), pattern  # classes and anchors that differ
        if pattern.startswith("^"):
            assert pattern.endswith("$(?!\\n)"), pattern
        # fastjsonschema turns every $ into \Z, even inside brackets: only anchors may use it
        assert all(pattern[i + 1 : i + 2] in ("", ")", "(") for i, c in enumerate(pattern) if c == "$"), (
            pattern
        )


@settings(max_examples=200, deadline=None)
@given(slug=st.from_regex(r"\A[a-z0-9][a-z0-9-]{0,99}\Z"), tail=st.sampled_from(["\n", "\n\n", "\r\n"]))
def test_any_id_is_refused_with_a_trailing_newline(slug: str, tail: str) -> None:
    data = _seed("briefing")
    assert ours("briefing", _with(data, ("story",), slug)) == (slug != "index")
    assert not ours("briefing", _with(data, ("story",), slug + tail))


# -- visible text -------------------------------------------------------------------------------------

#: format characters that show a glyph (Arabic and Syriac number signs): they count as visible
PREPENDED_MARKS = {0x600, 0x601, 0x602, 0x603, 0x604, 0x605, 0x6DD, 0x70F, 0x890, 0x891, 0x8E2}
#: refused although not in the categories below: blank letters, blank Braille, variation selectors,
#: and unassigned code points inside the ranges the pattern lists
BLANK_BUT_NOT_FORMAT = {0x34F, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x2065, 0x2800, 0x3164, 0xFFA0}
BLANK_BUT_NOT_FORMAT |= set(range(0x180B, 0x1810)) | set(range(0xFE00, 0xFE10))


def _text_pattern() -> re.Pattern[str]:
    common = json.loads((REPO / "build_tools" / "schema" / "common.schema.json").read_text(encoding="utf-8"))
    return re.compile(common["$defs"]["text"]["pattern"])


def _invisible_by_category() -> set[int]:
    return {
        cp
        for cp in range(0x10000)
        if unicodedata.category(chr(cp)) in ("Cc", "Cf", "Zs", "Zl", "Zp") and cp not in PREPENDED_MARKS
    } - set(range(0xD800, 0xE000))


def test_text_needs_a_visible_character_whatever_the_unicode_category_of_the_rest() -> None:
    pattern = _text_pattern()
    refused = {cp for cp in range(0x10000) if not pattern.search(chr(cp))} - set(range(0xD800, 0xE000))
    assert _invisible_by_category() <= refused
    assert refused - _invisible_by_category() <= BLANK_BUT_NOT_FORMAT
    assert all(pattern.search(chr(cp)) for cp in PREPENDED_MARKS)


def test_ajv_refuses_the_same_invisible_titles() -> None:
    titles = [chr(cp) for cp in sorted(_invisible_by_category() | BLANK_BUT_NOT_FORMAT)] + ["\u200b\u00ad a"]
    data = _seed("briefing")
    documents = [("briefing", _with(data, ("title",), title)) for title in titles]
    answer = ajv(documents)
    assert [r["valid"] for r in answer["results"]] == [False] * (len(titles) - 1) + [True]


INVISIBLE = st.sampled_from(sorted(chr(cp) for cp in _invisible_by_category() if cp > 0x20))


@settings(max_examples=200, deadline=None)
@given(before=st.text(INVISIBLE), visible=st.sampled_from("aé中😀-.1"), after=st.text(INVISIBLE))
def test_text_is_refused_exactly_when_nothing_in_it_is_visible(before: str, visible: str, after: str) -> None:
    data = _seed("actor")
    assert not ours("actor", _with(data, ("name",), before + after))
    assert ours("actor", _with(data, ("name",), before + visible + after))


# -- dates ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("1800", True), ("2100", True), ("1800-01-01", True), ("2100-12-31", True), ("2000-02-29", True),
        ("2024-02-29", True), ("1799", False), ("2101", False), ("0000", False), ("9999", False),
        ("1799-12-31", False), ("2023-02-29", False), ("1900-02-29", False), ("2100-02-29", False),
        ("2023-00", False), ("2023-13", False), ("2023-07-32", False), ("2023-7-1", False),
        ("\u0662\u0660\u0662\u0663", False), ("20230", False), ("2023-07-13T00:00", False),
    ],
)  # fmt: skip
def test_dates_are_calendar_dates_from_1800_to_2100(value: str, valid: bool) -> None:
    assert ours("briefing", _with(_seed("briefing"), ("published",), value)) == valid
    for interval in (value, f"{value}/2100-12-31", f"1800/{value}"):
        assert ours("briefing", _with(_seed("briefing"), ("dates", 0, "date"), interval)) == valid


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2023/2024", True), ("2023-07-13/2023-07-13", True), ("2023/2023-07", True), ("2024/2023", False),
     ("2023-07/2023", False), ("2023-07-13/2023-07-12", False), ("2023/2024/2025", False)],
)  # fmt: skip
def test_intervals_do_not_end_before_they_start(value: str, valid: bool) -> None:
    assert ours("briefing", _with(_seed("briefing"), ("dates", 0, "date"), value)) == valid


def test_a_year_out_of_range_has_one_clear_message() -> None:
    (message,) = _messages("briefing", _with(_seed("briefing"), ("published",), "0000-02-30"))
    assert message == (
        "published: expected a date YYYY, YYYY-MM or YYYY-MM-DD from 1800 to 2100 "
        "(e.g. 2023-07-13, or 2023-06 when the day is not known), got '0000-02-30'"
    )


# -- limits -----------------------------------------------------------------------------------------------


def _language(n: int) -> str:
    code = "en"
    while len(code) + 9 <= n:
        code += "-abcdefgh"
    code += "-" + "a" * (n - len(code) - 1) if n > len(code) else ""
    assert len(code) == n
    return code


def _languages(n: int) -> dict[str, str]:
    codes = ["en", *(a + b for a in string.ascii_lowercase for b in string.ascii_lowercase if a + b != "en")]
    return {code: "x" for code in codes[:n]}


QUOTE = {
    "text": "Apapun kata orang",
    "speaker": "emmanuel-macron",
    "translations": {"en": "Whatever people say"},
}
EVENT = {"date": "2023-07-13", "event": {"en": "A summit"}}
#: (the row of docs/format.md, kind, where, limit, a value of size n, characters or entries)
LIMITS: list[tuple[str, str, Path, int, Callable[[int], object], str]] = [
    ("ids", "briefing", ("story",), 100, lambda n: "a" * n, "characters"),
    ("ids", "briefing", ("quotes", 0, "id"), 100, lambda n: "q" * n, "characters"),
    ("language codes", "briefing", ("language",), 35, _language, "characters"),
    ("URLs", "briefing", ("source", "url"), 2000, lambda n: "https://e.org/" + "a" * (n - 14), "characters"),
    ("article paths", "briefing", ("article",), 200, lambda n: "seeds/" + "a" * (n - 6), "characters"),
    ("names and titles", "briefing", ("title",), 300, lambda n: "T" * n, "characters"),
    ("ids", "briefing", ("source", "outlet"), 100, lambda n: "o" * n, "characters"),
    ("names and titles", "briefing", ("source", "identified", "text"), 300, lambda n: "o" * n, "characters"),
    ("names and titles", "outlet", ("name",), 300, lambda n: "N" * n, "characters"),
    ("names and titles", "outlet", ("signatures", 0), 300, lambda n: "S" * n, "characters"),
    ("names and titles", "actor", ("name",), 300, lambda n: "N" * n, "characters"),
    ("names and titles", "story", ("title", "en"), 300, lambda n: "T" * n, "characters"),
    ("names and titles", "topics", ("nato", "title", "id"), 300, lambda n: "T" * n, "characters"),
    ("quote text", "briefing", ("quotes", 0, "text"), 2000, lambda n: "q" * n, "characters"),
    ("long texts", "briefing", ("summary", "en"), 5000, lambda n: "s" * n, "characters"),
    ("long texts", "briefing", ("quotes", 0, "context", "en"), 5000, lambda n: "c" * n, "characters"),
    ("long texts", "actor", ("description", "id"), 5000, lambda n: "d" * n, "characters"),
    ("translated paragraphs", "briefing", ("translations", "en", "body", 0), 10000, lambda n: "p" * n, "characters"),
    ("languages per text", "briefing", ("summary",), 50, _languages, "entries"),
    ("languages per text", "briefing", ("quotes", 0, "context"), 50, _languages, "entries"),
    ("quotes", "briefing", ("quotes",), 500, lambda n: [copy.deepcopy(QUOTE) for _ in range(n)], "entries"),
    ("dated events", "briefing", ("dates",), 500, lambda n: [copy.deepcopy(EVENT) for _ in range(n)], "entries"),
    ("actors of a briefing", "briefing", ("actors",), 200, lambda n: [f"a{i}" for i in range(n)], "entries"),
    ("id lists", "briefing", ("topics",), 100, lambda n: [f"t{i}" for i in range(n)], "entries"),
    ("id lists", "briefing", ("dates", 0, "actors"), 100, lambda n: [f"a{i}" for i in range(n)], "entries"),
    ("credits", "briefing", ("source", "credits"), 50, lambda n: [f"c{i}" for i in range(n)], "entries"),
    ("statement links", "briefing", ("quotes", 0, "same_statement"), 50, lambda n: [f"b#q{i}" for i in range(n)], "entries"),
    ("aliases", "outlet", ("aliases",), 100, lambda n: [f"A{i}" for i in range(n)], "entries"),
    ("datelines and signatures", "outlet", ("datelines",), 100, lambda n: [f"D{i}" for i in range(n)], "entries"),
    ("datelines and signatures", "outlet", ("signatures",), 100, lambda n: [f"S{i}" for i in range(n)], "entries"),
    ("languages of an outlet", "outlet", ("languages",), 50, lambda n: [f"l{chr(97 + i // 26)}{chr(97 + i % 26)}" for i in range(n)], "entries"),
    ("aliases", "actor", ("aliases",), 100, lambda n: [f"A{i}" for i in range(n)], "entries"),
    ("paragraphs", "briefing", ("translations", "en", "body"), 2000, lambda n: ["p"] * n, "entries"),
    ("topics", "topics", (), 1000, lambda n: {f"t{i}": {"title": {"en": "T"}} for i in range(n)}, "entries"),
]  # fmt: skip


def _field(path: Path) -> str:
    """A path as messages name it: the file's path to it, and the last list position as people
    count (`dates[0].date (the 1st date)`)."""
    name, counted = "", ""
    for at, step in enumerate(path):
        if isinstance(step, int):
            name += f"[{step}]"
            counted = position(str(path[at - 1]), step).split(" (")[0]
        else:
            name += f".{step}" if name else str(step)
    return (f"{name} ({counted})" if counted else name) or "top level"


@pytest.mark.parametrize(
    ("row", "kind", "path", "limit", "make", "unit"), LIMITS, ids=[_field(r[2]) for r in LIMITS]
)
def test_each_limit_holds_at_the_limit_and_fails_one_past_it(row, kind, path, limit, make, unit) -> None:
    data = _seed(kind)
    assert _messages(kind, _with(data, path, make(limit))) == []
    (message,) = _messages(kind, _with(data, path, make(limit + 1)))
    if unit == "characters":
        assert (
            message == f"{_field(path)}: too long: {limit + 1:,} characters (at most {limit:,}); shorten it"
        )
    else:
        assert message == f"{_field(path)}: too many entries: {limit + 1:,} (at most {limit:,}); remove some"


def _documented_limits() -> dict[str, str]:
    text = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
    section = text.split("\n## Limits\n", 1)[1].split("\n## ", 1)[0]
    rows = [
        line.split("|")[1:3] for line in section.splitlines() if line.startswith("| ") and "---" not in line
    ]
    return {name.strip(): value.strip() for name, value in rows[1:]}


def test_every_limit_is_documented_with_its_value() -> None:
    documented = _documented_limits()
    for row, _, _, limit, _, unit in LIMITS:
        assert documented.get(row, "").startswith(f"{limit:,} {unit}"), row
    assert documented["size of one annotation file"] == "2,000,000 bytes"
    assert documented["combining marks in a row"] == "8"
    assert documented["years"] == "1800 to 2100"
