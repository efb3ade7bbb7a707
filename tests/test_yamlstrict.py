"""The strict YAML reader: robustness, parser parity, text-only scalars and exact positions."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools import yamlstrict
from build_tools.model import Position
from build_tools.yamlstrict import (
    MAX_DEPTH,
    ParsedYaml,
    YamlLoadError,
    YamlMapping,
    YamlScalar,
    YamlSequence,
    locate,
    parse_yaml,
    to_plain,
)

FUZZ = settings(max_examples=300, deadline=None)
YAMLISH = "ab:- \n'\"[]{}&*!|>#%@`,?\t0123456789~.\r\\<=\u00e9\U0001f600"


# -- helpers -----------------------------------------------------------------------------------


def _plain_only(value: object) -> bool:
    if isinstance(value, str):
        return True
    if isinstance(value, list):
        return all(_plain_only(item) for item in value)
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain_only(v) for k, v in value.items())
    return False


def _shape(node: yamlstrict.YamlNode) -> tuple:
    """The whole tree with every position and scalar style, for exact comparisons."""
    if isinstance(node, YamlScalar):
        return ("scalar", node.value, node.position, node.plain)
    if isinstance(node, YamlSequence):
        return ("sequence", node.position, tuple(_shape(item) for item in node.items))
    assert isinstance(node, YamlMapping)
    return ("mapping", node.position, tuple((_shape(k), _shape(v)) for k, v in node.entries))


def _outcome(data: bytes, *, fast: bool) -> tuple:
    try:
        parsed = parse_yaml(data, "x.yml", fast=fast)
    except YamlLoadError as error:
        return ("error", tuple(error.problems))
    return ("tree", to_plain(parsed.tree), _shape(parsed.tree), parsed.problems)


def _parse(text: str | bytes) -> ParsedYaml:
    return parse_yaml(text.encode("utf-8") if isinstance(text, str) else text, "x.yml")


def _load_error(text: str | bytes) -> list:
    with pytest.raises(YamlLoadError) as caught:
        _parse(text)
    problems = caught.value.problems
    assert problems and all(p.path == "x.yml" and p.line >= 1 and p.column >= 1 for p in problems)
    return problems


def _check_total(data: bytes) -> None:
    for fast in (True, False):
        try:
            parsed = parse_yaml(data, "x.yml", fast=fast)
        except YamlLoadError as error:
            assert error.problems, "a YamlLoadError must say what is wrong"
            continue
        assert isinstance(parsed.tree, (YamlMapping, YamlSequence, YamlScalar))
        assert _plain_only(to_plain(parsed.tree))
        assert all(p.line >= 1 and p.column >= 1 for p in parsed.problems)


# -- robustness ----------------------------------------------------------------------------------


@FUZZ
@given(st.binary())
def test_arbitrary_bytes_only_ever_raise_yaml_load_error(data: bytes) -> None:
    _check_total(data)


@FUZZ
@given(st.text(alphabet=YAMLISH, max_size=80))
def test_yaml_like_text_only_ever_raises_yaml_load_error(text: str) -> None:
    _check_total(text.encode("utf-8"))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.sampled_from(["k", "title", "- x", "- k", "a b", "<<", "&a", "*a", "!!str", "-"]),
            st.sampled_from([":", ": ", ": v", ": no", ": 12:30", ': "q', ": [a, b", ": {a: b}", ": |", ""]),
        ),
        max_size=12,
    )
)
def test_yaml_like_lines_only_ever_raise_yaml_load_error(lines: list[tuple[int, str, str]]) -> None:
    text = "".join("  " * indent + head + tail + "\n" for indent, head, tail in lines)
    _check_total(text.encode("utf-8"))


# -- libyaml and the pure-Python parser agree ---------------------------------------------------

PARITY: dict[str, str | bytes] = {
    "valid": "title: x\nsource:\n  outlet: y\n  credits: [A, 'B']\nlist:\n  - a\n  - k: v\n",
    "valid-block-scalars": "a: |\n  one\n  two\nb: >-\n  folded\n  text\n",
    "valid-non-ascii": "t: {é: a, \U0001f600: b, key: v}\n",
    "duplicate-key": "a: x\nb: y\na: z\n",
    "alias": "a: &x v\nb: *x\n",
    "tag": "a: !!str v\nb: !custom w\n",
    "merge-key": "base: {a: b}\nc:\n  <<: {a: b}\n",
    "no": "language: no\n",
    "sexagesimal": "time: 12:30\n",
    "leading-zero": "n: 01234\n",
    "tilde": "n: ~\n",
    "empty-value": "a:\nb: c\n",
    "syntax-error": "a: b: c\n",
    "bad-indentation": "a: b\n c: d\n",
    "missing-colon": "a: b\nc\n",
    "unclosed-double-quote": 'a: "abc\nb: c\n',
    "unclosed-single-quote": "a: 'abc\n",
    "tab-indentation": "a:\n\tb: c\n",
    "multi-document": "a: b\n---\nc: d\n",
    "deep-nesting": "a: " + "[" * (MAX_DEPTH + 3) + "x" + "]" * (MAX_DEPTH + 3) + "\n",
    "deep-block-nesting": (
        "".join("  " * i + f"k{i}:\n" for i in range(MAX_DEPTH + 1)) + "  " * (MAX_DEPTH + 1) + "v\n"
    ),
    "control-char": "a: b\x07c\n",
    "bad-utf8": b"a: b\n\xff\n",
    "bom": b"\xef\xbb\xbfa: b\n",
    "crlf": "a: b\r\nc:\r\n  - d\r\n",
    "complex-key": "? [a]\n: b\n",
    "empty-file": "",
    "comment-only": "# nothing\n",
    # a tab after a value: libyaml accepts it, the pure-Python scanner rejects it
    "trailing-tab": "a: b\t\n",
}


@pytest.mark.parametrize("name", list(PARITY))
def test_libyaml_and_pure_parser_agree(name: str) -> None:
    raw = PARITY[name]
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8")
    assert _outcome(data, fast=True) == _outcome(data, fast=False)


SYNTAX_WORDING = {
    "unclosed-flow-sequence": "a: [b, c\n",
    "unclosed-flow-mapping": "a: {b: c\n",
    "value-starting-with-at": "a: @b\n",
    "unknown-escape": 'a: "\\q"\n',
    "mapping-after-list": "- a\nb: c\n",
}


@pytest.mark.parametrize("name", list(SYNTAX_WORDING))
def test_libyaml_and_pure_parser_report_syntax_errors_alike(name: str) -> None:
    """The same broken file must get the same message whichever parser is installed."""
    data = SYNTAX_WORDING[name].encode("utf-8")
    fast, pure = _outcome(data, fast=True), _outcome(data, fast=False)
    assert fast[0] == pure[0] == "error"
    assert fast == pure


def test_have_libyaml_matches_the_fast_loader() -> None:
    """fast=True uses libyaml exactly when it is installed; otherwise both runs are pure."""
    expected = (
        getattr(yamlstrict.yaml, "CSafeLoader", None)
        if yamlstrict.HAVE_LIBYAML
        else yamlstrict.yaml.SafeLoader
    )
    assert yamlstrict._FastLoader is expected
    assert hasattr(yamlstrict.yaml, "CSafeLoader") == yamlstrict.HAVE_LIBYAML


# -- every scalar stays text -----------------------------------------------------------------------


def test_scalars_stay_text() -> None:
    parsed = _parse(
        "date: 2023-07-13\n"
        'quoted_no: "no"\n'
        "quoted_zero: '01234'\n"
        'quoted_year: "2007"\n'
        "interval: 2023-07-11/2023-07-12\n"
        "version: 1.2.3\n"
        "url: https://example.org/a?b=c#d\n"
        "literal: |\n  line one\n    indented\n  line two\n"
        "folded: >\n  folded\n  text\n"
        "stripped: |-\n  no newline\n"
        "list: [2023, '5']\n"
    )
    data = to_plain(parsed.tree)
    assert data == {
        "date": "2023-07-13",
        "quoted_no": "no",
        "quoted_zero": "01234",
        "quoted_year": "2007",
        "interval": "2023-07-11/2023-07-12",
        "version": "1.2.3",
        "url": "https://example.org/a?b=c#d",
        "literal": "line one\n  indented\nline two\n",
        "folded": "folded text\n",
        "stripped": "no newline",
        "list": ["2023", "5"],
    }
    # the unquoted 2023 inside the list is still a problem (it would be a number elsewhere)
    assert [(p.line, p.column, p.rule) for p in parsed.problems] == [(17, 8, "quoted-strings")]


def test_scalar_styles_are_recorded() -> None:
    tree = _parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  block\n").tree
    assert isinstance(tree, YamlMapping)
    styles = {key.value: value.plain for key, value in tree.entries if isinstance(value, YamlScalar)}
    assert styles == {"a": True, "b": False, "c": False, "d": False}
    assert all(key.plain for key, _ in tree.entries)


@pytest.mark.parametrize(
    ("value", "reading"),
    [
        ("no", "the boolean false"),
        ("No", "the boolean false"),
        ("off", "the boolean false"),
        ("yes", "the boolean true"),
        ("TRUE", "the boolean true"),
        ("on", "the boolean true"),
        ("null", "null (no value)"),
        ("~", "null (no value)"),
        ("2007", "a number"),
        ("01234", "a number"),
        ("12:30", "a number"),
        ("1.5", "a number"),
        ("0x1F", "a number"),
        (".inf", "a number"),
    ],
)
def test_unquoted_values_other_tools_would_convert_are_reported(value: str, reading: str) -> None:
    parsed = _parse(f"k: {value}\n")
    assert to_plain(parsed.tree) == {"k": value}  # the tree keeps the text anyway
    (problem,) = parsed.problems
    assert (problem.line, problem.column, problem.rule) == (1, 4, "quoted-strings")
    assert (
        problem.message
        == f'{value} would be read as {reading} by YAML tools; quote it if you mean the text: "{value}"'
    )
    assert _parse(f'k: "{value}"\n').problems == ()
    assert _parse(f"k: '{value}'\n").problems == ()


def test_text_that_only_looks_special_is_accepted() -> None:
    parsed = _parse("a: 2023-07-13\nb: n\nc: y\nd: '<<'\ne: 1.500 hulu\nf: NATO-China\n")
    assert parsed.problems == ()


@pytest.mark.parametrize(
    ("text", "rule", "where"),
    [
        ("a: x\na: y\n", "key-duplicates", (2, 1)),
        ("a: &x v\n", "anchor", (1, 4)),
        ("a: !!str v\n", "tag", (1, 4)),
        ("a: !foo v\n", "tag", (1, 4)),
        ("b: {a: c}\nc:\n  <<: {a: c}\n", "merge", (3, 3)),
        ("a:\nb: c\n", "empty", (1, 3)),
        ("? [a]\n: b\n", "key", (1, 3)),
    ],
)
def test_strictness_problems_keep_a_tree(text: str, rule: str, where: tuple[int, int]) -> None:
    parsed = _parse(text)
    assert isinstance(parsed.tree, YamlMapping)
    assert [(p.rule, (p.line, p.column)) for p in parsed.problems] == [(rule, where)]


def test_duplicate_key_keeps_the_first_value_and_names_its_line() -> None:
    parsed = _parse("a: first\nb: x\na: second\n")
    assert to_plain(parsed.tree) == {"a": "first", "b": "x"}
    assert "first defined at line 1" in parsed.problems[0].message


def test_alias_is_replaced_by_empty_text() -> None:
    parsed = _parse("a: &x v\nb: *x\n")
    assert to_plain(parsed.tree) == {"a": "v", "b": ""}
    assert [p.rule for p in parsed.problems] == ["anchor", "alias"]


@pytest.mark.parametrize(
    ("text", "rule", "where"),
    [
        ("", "document", (1, 1)),
        ("# only a comment\n", "document", (1, 1)),
        ("a: b\n---\nc: d\n", "document", (2, 1)),
        ("a: b: c\n", "syntax", (1, 5)),
        ('a: "abc\nb: c\n', "syntax", (3, 1)),
        ("a:\n  b: c\n\td: e\n", "tabs", (3, 1)),
        ("a: b\x07c\n", "characters", (1, 5)),
        ("a: b\u202ec\n", "characters", (1, 5)),
        (b"a: b\n  \xc3\x28\n", "encoding", (2, 3)),
    ],
)
def test_unreadable_files_raise_with_a_located_problem(
    text: str | bytes, rule: str, where: tuple[int, int]
) -> None:
    problems = _load_error(text)
    assert (problems[-1].rule, (problems[-1].line, problems[-1].column)) == (rule, where)


def test_nesting_limit_is_exactly_max_depth() -> None:
    assert _parse("[" * MAX_DEPTH + "x" + "]" * MAX_DEPTH).problems == ()
    (problem,) = _load_error("[" * (MAX_DEPTH + 1) + "x" + "]" * (MAX_DEPTH + 1))
    assert problem.rule == "depth" and (problem.line, problem.column) == (1, MAX_DEPTH + 1)


def test_every_control_character_is_reported() -> None:
    problems = _load_error("a: \x01\nb: \x7f\n")
    assert [(p.line, p.column, p.rule) for p in problems] == [(1, 4, "characters"), (2, 4, "characters")]
    assert "U+0001" in problems[0].message and "U+007F" in problems[1].message


# -- positions -------------------------------------------------------------------------------------


def test_positions_are_one_based_code_points_after_non_ascii_and_emoji() -> None:
    tree = _parse("# ✓ comment\nx: {é: a, \U0001f600: b, key: v}\n").tree
    assert locate(tree, ["x", "key"], key=True) == Position(2, 17)
    assert locate(tree, ["x", "key"]) == Position(2, 22)
    assert locate(tree, ["x", "\U0001f600"], key=True) == Position(2, 11)
    assert locate(tree, ["x"]) == Position(2, 4)
    assert tree.position == Position(2, 1)


def test_problem_columns_count_code_points() -> None:
    parsed = _parse("t: {\U0001f600\U0001f600: é, lang: no}\n")
    assert [(p.line, p.column) for p in parsed.problems] == [(1, 18)]
    (problem,) = _load_error("t: \U0001f600é\x07\n")
    assert (problem.line, problem.column) == (1, 6)
    (problem,) = _load_error(b"t: \xf0\x9f\x98\x80\xc3\xa9\xff\n")
    assert (problem.line, problem.column) == (1, 6)


def test_byte_order_mark_is_accepted_and_not_counted() -> None:
    text = "a: b\nc: no\n"
    with_bom = parse_yaml(b"\xef\xbb\xbf" + text.encode(), "x.yml")
    without = parse_yaml(text.encode(), "x.yml")
    assert to_plain(with_bom.tree) == {"a": "b", "c": "no"}
    assert _shape(with_bom.tree) == _shape(without.tree)
    assert with_bom.problems == without.problems
    assert locate(with_bom.tree, ["a"], key=True) == Position(1, 1)


CRLF_SAMPLES = [
    'a: b\nlist:\n  - x\n  - "\U0001f600"\nblock: |\n  one\n  two\nc: no\n',
    "a: b\nc: d: e\n",
    "a: b\nc:\n\td: e\n",
    "a: b\nc: d\x07\n",
    "a: b\n---\nc: d\n",
]


@pytest.mark.parametrize("text", CRLF_SAMPLES, ids=["tree", "syntax", "tab", "control", "document"])
def test_crlf_line_endings_give_the_same_positions_as_lf(text: str) -> None:
    lf = _outcome(text.encode(), fast=True)
    crlf = _outcome(text.replace("\n", "\r\n").encode(), fast=True)
    assert crlf == lf


def test_control_character_position_with_cr_only_line_endings() -> None:
    """A lone CR is a line break for YAML (and for the tree's positions); the control-character
    check must count it the same way."""
    tree_position = locate(_parse("a: b\rc: d\r").tree, ["c"])
    assert tree_position == Position(2, 4)
    (problem,) = _load_error("a: b\rc: d\x07\r")
    assert (problem.line, problem.column) == (2, 5)


def test_locate_returns_key_or_value_positions_and_falls_back_to_parent() -> None:
    tree = _parse("title: x\nsource:\n  outlet: y\nquotes:\n  - text: a\n    speaker: b\n  - text: c\n").tree
    assert locate(tree, []) == Position(1, 1)
    assert locate(tree, ["title"]) == Position(1, 8)
    assert locate(tree, ["title"], key=True) == Position(1, 1)
    assert locate(tree, ["source", "outlet"]) == Position(3, 11)
    assert locate(tree, ["source", "outlet"], key=True) == Position(3, 3)
    assert locate(tree, ["quotes", 1]) == Position(7, 5)
    assert locate(tree, ["quotes", 0, "speaker"]) == Position(6, 14)
    assert locate(tree, ["quotes", 0, "speaker"], key=True) == Position(6, 5)
    # missing steps: the deepest node that exists
    assert locate(tree, ["source", "url"]) == Position(3, 3)
    assert locate(tree, ["quotes", 5, "text"]) == Position(5, 3)
    assert locate(tree, ["nothing"]) == Position(1, 1)
    assert locate(tree, ["title", "deeper"]) == Position(1, 8)


def test_to_plain_and_mapping_get() -> None:
    tree = _parse("a: [x, {b: c}]\nd: e\n").tree
    assert to_plain(tree) == {"a": ["x", {"b": "c"}], "d": "e"}
    assert isinstance(tree, YamlMapping)
    entry = tree.get("d")
    assert entry is not None and entry[0].value == "d" and entry[1] == YamlScalar("e", Position(2, 4), True)
    assert tree.get("missing") is None


@pytest.mark.parametrize(("data", "position"), [(b"{", (1, 2)), (b"a: [", (1, 5)), (b"a: [\n", (2, 1))])
def test_an_error_at_the_end_of_a_file_is_placed_inside_it(data: bytes, position: tuple[int, int]) -> None:
    """libyaml places it on the line after the last; without a final line break there is none."""
    with pytest.raises(YamlLoadError) as raised:
        parse_yaml(data, "x.yml")
    [problem] = raised.value.problems
    assert (problem.line, problem.column) == position
    assert problem.message.startswith("invalid YAML: did not find expected node content")


@pytest.mark.parametrize(
    ("data", "position"), [(b"\r\x80", (2, 1)), (b"a: b\r\n\xff", (2, 1)), (b"a: \xc3\xa9\xff", (1, 5))]
)
def test_invalid_utf8_is_placed_by_yamls_line_breaks(data: bytes, position: tuple[int, int]) -> None:
    with pytest.raises(YamlLoadError) as raised:
        parse_yaml(data, "x.yml")
    [problem] = raised.value.problems
    assert (problem.line, problem.column, problem.rule) == (*position, "encoding")
