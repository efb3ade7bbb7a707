"""Character rules after parsing (issue 17): a forbidden character written as a double-quoted
escape is refused like the raw character; runs of combining marks are bounded; a file's size is
bounded before it is decoded; and a file full of problems costs linear time and lists 100."""

from __future__ import annotations

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.characters import FORBIDDEN_CHARS, MAX_COMBINING_MARKS, MAX_LISTED
from build_tools.model import Problem
from build_tools.yamlstrict import MAX_FILE_BYTES, YamlLoadError, parse_yaml, to_plain

BOTH_PARSERS = pytest.mark.parametrize("fast", [True, False], ids=["libyaml", "pure"])


def _outcome(text: str, *, fast: bool = True) -> list[Problem]:
    """Every problem of the text, whether the parser could build a tree or not."""
    try:
        return list(parse_yaml(text.encode("utf-8"), "x.yml", fast=fast).problems)
    except YamlLoadError as error:
        return error.problems


def _raw_message(char: str) -> str:
    (problem,) = _outcome(f"t: a{char}b\n")
    assert (problem.rule, problem.line, problem.column) == ("characters", 1, 5)
    return problem.message


ESCAPES = [
    ("\\0", "\x00"), ("\\a", "\x07"), ("\\b", "\x08"), ("\\v", "\x0b"), ("\\f", "\x0c"), ("\\e", "\x1b"),
    ("\\x7F", "\x7f"), ("\\x9b", "\x9b"), ("\\N", "\x85"), ("\\L", "\u2028"), ("\\P", "\u2029"),
    ("\\u202E", "\u202e"), ("\\u2066", "\u2066"), ("\\U0000202e", "\u202e"), ("\\uFFFE", "\ufffe"),
    ("\\uffff", "\uffff"), ("\\x01", "\x01"), ("\\u001f", "\x1f"),
]  # fmt: skip


@BOTH_PARSERS
@pytest.mark.parametrize(("escape", "char"), ESCAPES, ids=[e for e, _ in ESCAPES])
def test_an_escaped_forbidden_character_gives_the_raw_characters_error_at_the_value(
    escape: str, char: str, fast: bool
) -> None:
    text = f'title: x\nlist:\n  - "a {escape} b"\n'
    assert _outcome(text, fast=fast) == [Problem("x.yml", 3, 5, _raw_message(char), "characters")]


@BOTH_PARSERS
def test_an_escaped_forbidden_character_in_a_key_is_reported_at_the_key(fast: bool) -> None:
    (problem,) = _outcome('a: b\n"c\\u202Ed": e\n', fast=fast)
    assert (problem.line, problem.column, problem.rule) == (2, 1, "characters")
    assert "U+202E" in problem.message


def test_every_distinct_escaped_character_of_a_value_is_named_once() -> None:
    problems = _outcome('title: "Macron \\u202Egnp.exe\\u202C \\0 \\e[31m \\0\\0 Jepang"\n')
    assert [(p.line, p.column) for p in problems] == [(1, 8)] * 4
    assert sorted(p.message.split()[5] for p in problems) == ["U+0000", "U+001B", "U+202C", "U+202E"]


def test_a_lone_surrogate_escape_is_refused_by_either_parser() -> None:
    (problem,) = _outcome('t: "a\\ud800"\n', fast=False)
    assert (problem.rule, problem.column) == ("characters", 4) and "U+D800" in problem.message
    (problem,) = _outcome('t: "a\\ud800"\n', fast=True)  # libyaml refuses the escape itself
    assert problem.rule == "syntax" and "escape" in problem.message


def test_allowed_escapes_stay_allowed() -> None:
    parsed = parse_yaml(b't: "tab\\there\\nline\\r\\u00e9 \\u200b\\x41"\n', "x.yml")
    assert parsed.problems == () and to_plain(parsed.tree) == {"t": "tab\there\nline\r\u00e9 \u200bA"}


def _escape(char: str, form: int) -> str:
    named = {"\x00": "\\0", "\x07": "\\a", "\x1b": "\\e", "\x85": "\\N", "\u2028": "\\L", "\u2029": "\\P"}
    code = ord(char)
    if form == 0 and char in named:
        return named[char]
    if form <= 1 and code < 0x100:
        return f"\\x{code:02x}"
    if form <= 2 and code < 0x10000:
        return f"\\u{code:04X}"
    return f"\\U{code:08x}"


FORBIDDEN = st.characters(codec="utf-8").filter(lambda c: FORBIDDEN_CHARS.match(c) is not None)
#: what may surround it: no quote or backslash (they would end or escape), no raw tab or line break
#: (rules of the raw text), no combining mark (a long run is a problem of its own)
SAFE = st.text(
    st.characters(
        codec="utf-8", exclude_characters='"\\\t\n\r', exclude_categories=("Mn", "Mc", "Me")
    ).filter(lambda c: not FORBIDDEN_CHARS.match(c))
)


@settings(max_examples=300, deadline=None)
@given(before=SAFE, char=FORBIDDEN, after=SAFE, form=st.integers(0, 3), fast=st.booleans())
def test_any_forbidden_code_point_through_any_escape_is_refused(before, char, after, form, fast) -> None:
    problems = _outcome(f'key: "{before}{_escape(char, form)}{after}"\n', fast=fast)
    assert any(p.rule == "characters" and f"U+{ord(char):04X}" in p.message for p in problems), problems


# -- combining marks -------------------------------------------------------------------------------


@BOTH_PARSERS
def test_combining_marks_as_typed_at_the_limit_and_one_past_it(fast: bool) -> None:
    marks = "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308\u0309"
    assert _outcome(f"t: Mac{marks[:MAX_COMBINING_MARKS]}ron\n", fast=fast) == []
    (problem,) = _outcome(f"a: b\nt: Mac{marks}ron\n", fast=fast)
    assert problem == Problem(
        "x.yml",
        2,
        7,
        "9 combining marks in a row (at most 8 on one character); delete the extra marks",
        "characters",
    )


@BOTH_PARSERS
def test_combining_marks_through_escapes_at_the_limit_and_one_past_it(fast: bool) -> None:
    assert _outcome('t: "e' + "\\u0301" * MAX_COMBINING_MARKS + '"\n', fast=fast) == []
    (problem,) = _outcome('a: b\nt: "e' + "\\u0301" * 9 + '"\n', fast=fast)
    assert (problem.line, problem.column, problem.rule) == (2, 4, "characters")
    # a run joined across an escaped line break counts as one
    (problem,) = _outcome('t: "e' + "\u0301" * 5 + "\\\n  " + "\u0301" * 4 + '"\n', fast=fast)
    assert problem.message.startswith("9 combining marks in a row")


@settings(max_examples=150, deadline=None)
@given(
    runs=st.lists(st.integers(0, 2 * MAX_COMBINING_MARKS), min_size=1, max_size=4),
    mark=st.sampled_from(["\u0301", "\u0951", "\u20dd", "\u0903", "\U0001d167"]),  # Mn, Mn, Me, Mc, Mn
    escaped=st.booleans(),
)
def test_a_value_is_refused_exactly_when_a_run_of_marks_is_too_long(runs, mark, escaped) -> None:
    write = _escape(mark, 3) if escaped else mark
    value = "x".join("e" + write * count for count in runs)
    problems = _outcome(f't: "{value}"\n')
    assert bool(problems) == (max(runs) > MAX_COMBINING_MARKS)
    assert all(p.rule == "characters" for p in problems)


def test_sixty_thousand_combining_marks_are_refused_in_linear_time() -> None:
    for text in ("t: e" + "\u0301" * 60_000 + "\n", 't: "e' + "\\u0301" * 60_000 + '"\n'):
        started = time.perf_counter()
        (problem,) = _outcome(text)
        assert problem.message.startswith("60,000 combining marks in a row")
        assert time.perf_counter() - started < 10  # was more than 300 s (issue 17)


# -- many problems, big files ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "rule"), [("x: a\x00b", "characters"), ("\tx: a", "tabs"), ("x: e" + "\u0301" * 9, "characters")]
)
def test_a_file_full_of_one_problem_lists_the_first_hundred_and_says_there_are_more(
    line: str, rule: str
) -> None:
    problems = _outcome("\n".join([line] * 5000) + "\n")
    assert len(problems) == MAX_LISTED + 1 and {p.rule for p in problems} == {rule}
    assert [p.line for p in problems] == list(range(1, MAX_LISTED + 2))
    assert (
        problems[-1].message
        == f"more than {MAX_LISTED} problems like the ones above in this file; only the first are listed"
    )


def _file_of_size(size: int) -> bytes:
    head = b"a: b\n"
    return head + b"#" * (size - len(head) - 1) + b"\n"


def test_a_file_at_the_size_limit_is_read() -> None:
    assert to_plain(parse_yaml(_file_of_size(MAX_FILE_BYTES), "x.yml").tree) == {"a": "b"}


def test_a_file_over_the_size_limit_is_refused_before_it_is_decoded() -> None:
    with pytest.raises(YamlLoadError) as caught:
        parse_yaml(_file_of_size(MAX_FILE_BYTES)[:-1] + b"\xff\n", "x.yml")
    assert caught.value.problems == [
        Problem("x.yml", 1, 1, "file too large: 2,000,001 bytes (at most 2,000,000); shorten it", "size")
    ]
