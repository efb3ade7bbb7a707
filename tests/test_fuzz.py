"""Fuzzers in the suite (issue 17): random and mutated YAML and article text thrown at the strict
YAML reader, the quote search and `briefings validate`, with fixed seeds (derandomised
hypothesis) and a bounded number of examples (about 20 s in all).

Each must answer with problems placed inside the file they name (never a traceback), and
within a budget of Python steps proportional to its input (tests/steps.py: a quadratic path
exceeds it at once instead of hanging the suite).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_tools import nfc
from build_tools.anchor import find_quote, normalize, quote_parts
from build_tools.cli import main
from build_tools.model import Problem
from build_tools.yamlstrict import _LINE_BREAK, YamlLoadError, parse_yaml

from .conftest import REPO
from .steps import step_limit

BRIEFING = "briefings/macron-opposes-nato-office-in-japan.yml"
ARTICLE = "seeds/000_12260c7031d92e22.txt"
SEED_YAML = (REPO / BRIEFING).read_bytes()
SEED_ARTICLE = (REPO / ARTICLE).read_text(encoding="utf-8")

#: what a hostile edit inserts: YAML syntax, escapes, quotes and elisions, white space, marks,
#: characters that decompose or reorder, bidirectional controls, invalid UTF-8
CHUNKS = [
    b": ", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"!!str ", b"|", b">-", b"#", b"\t", b"\n",
    b"\r\n", b"\r", b"  ", b'"', b"'", b"\\", b'"\\u202e"', b'"\\0"', b"...", "\u2026".encode(),
    b"? ", b",", b"%YAML 1.1\n", b"---\n", b"<<: ", b"~", b"0o17", b"no", b"2023-02-30", b"x" * 40,
    "\u0301\u0316".encode() * 20, "\u0f73".encode() * 40, "\u202e".encode(), b"\x00", b"\x1b[31m",
    "\u200b".encode(), "\u201c".encode(), "\U0001f600".encode(), b"\xff", b"\xc3", b"\xed\xa0\x80",
]  # fmt: skip
PROBLEM = re.compile(
    r"^(?P<path>[^\s:][^:]*):(?P<line>\d+):(?P<column>\d+): (?:error|warning): .+?(?: \[[a-z-]+\])?$"
)

FUZZ = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


# -- inputs --------------------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    """`seed` with a few edits: chunks inserted or put in place of a stretch, stretches deleted
    or repeated (repetition makes the long, regular inputs that expose super-linear paths)."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data)))
        length = draw(st.integers(0, 80))
        kind = draw(st.sampled_from(["insert", "replace", "delete", "repeat"]))
        if kind == "repeat":
            data[at:at] = bytes(data[at : at + length]) * draw(st.integers(2, 200))
        elif kind == "delete":
            del data[at : at + length]
        else:
            chunk = draw(st.sampled_from(CHUNKS)) * draw(st.integers(1, 3))
            data[at : at + (length if kind == "replace" else 0)] = chunk
    return bytes(data[:200_000])


def _texts(seed: str) -> st.SearchStrategy[str]:
    return mutated(seed.encode("utf-8")).map(lambda data: data.decode("utf-8", "replace"))


def _lines(data: bytes) -> list[str]:
    return _LINE_BREAK.split(data.decode("utf-8", "replace").removeprefix("\ufeff"))


def _assert_inside(problem: Problem, lines: list[str]) -> None:
    """A problem names a line of its file and a column of that line (or just past its end)."""
    assert 1 <= problem.line <= len(lines), problem
    assert 1 <= problem.column <= len(lines[problem.line - 1]) + 1, problem


@pytest.fixture(scope="module", autouse=True)
def _tables_built() -> None:
    """NFC's tables are made once per process: not part of any one call's steps."""
    nfc._tables()


# -- the strict YAML reader ------------------------------------------------------------------------


@settings(FUZZ, max_examples=250)
@given(st.one_of(mutated(SEED_YAML), st.binary(max_size=2_000)))
def test_yaml_reader_places_every_problem_inside_the_file(data: bytes) -> None:
    with step_limit(20_000 + 100 * len(data)):
        try:
            problems = parse_yaml(data, "x.yml").problems
        except YamlLoadError as error:
            problems = tuple(error.problems)
            assert problems
    lines = _lines(data)
    for problem in problems:
        assert problem.path == "x.yml" and problem.message and problem.rule
        _assert_inside(problem, lines)


# -- the quote search ------------------------------------------------------------------------------


@st.composite
def quotes_of(draw: st.DrawFn, article: str) -> str:
    """A stretch of `article`, sometimes with elisions, then mutated."""
    start = draw(st.integers(0, max(0, len(article) - 1)))
    stretch = article[start : start + draw(st.integers(1, 300))]
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(stretch)))
        stretch = (
            stretch[:at] + draw(st.sampled_from([" ... ", "\u2026", "...", " \u2026 "])) + stretch[at + 10 :]
        )
    return draw(_texts(stretch)) if draw(st.booleans()) else stretch


@st.composite
def article_and_quote(draw: st.DrawFn) -> tuple[str, str]:
    article = draw(_texts(SEED_ARTICLE))
    return article, draw(quotes_of(article))


@settings(FUZZ, max_examples=250)
@given(article_and_quote())
def test_quote_search_maps_back_into_the_article(case: tuple[str, str]) -> None:
    article, quote = case
    parts = max(1, len(quote_parts(quote)))
    with step_limit(20_000 + 60 * parts * (len(article) + len(quote))):
        search = find_quote(normalize(article), quote)
    assert search.occurrences >= len(search.anchors)
    assert (search.occurrences == 0) == (search.anchors == ())
    for anchor in search.anchors:
        assert len(anchor.spans) == parts
        assert all(0 <= s < e <= len(article) for s, e in anchor.spans)
        assert [s for s, _ in anchor.spans] == sorted(s for s, _ in anchor.spans)
        assert anchor.exact == article[anchor.start : anchor.end]
    if search.suggestion is not None:
        assert search.occurrences == 0
        assert 0 <= search.suggestion.start <= search.suggestion.end <= len(article)


# -- briefings validate ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """One copy of the repository for every example (each rewrites the two files it fuzzes)."""
    root = tmp_path_factory.mktemp("fuzz") / "repo"
    root.mkdir()
    for folder in ("briefings", "seeds"):
        shutil.copytree(REPO / folder, root / folder)
    yield root


def _validate(root: Path) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["--root", str(root), "validate"])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result.exit_code, result.stdout


def _problems_of(stdout: str, root: Path) -> Iterator[tuple[Problem, Callable[[], list[str]]]]:
    """Each problem printed, with the lines of the file it names."""
    for line in stdout.splitlines():
        if not line or line.startswith(" ") or line.endswith(": OK"):
            continue
        match = PROBLEM.match(line)
        assert match, line
        path = root / match["path"]
        assert path.is_file() and root in path.resolve().parents, line
        problem = Problem(match["path"], int(match["line"]), int(match["column"]), line)
        yield problem, lambda path=path: _lines(path.read_bytes())


@settings(FUZZ, max_examples=60)
@given(st.one_of(mutated(SEED_YAML), st.just(SEED_YAML)), st.one_of(st.none(), _texts(SEED_ARTICLE)))
def test_validate_places_every_problem_inside_a_file_of_the_repository(
    repository: Path, briefing: bytes, article: str | None
) -> None:
    (repository / BRIEFING).write_bytes(briefing)
    (repository / ARTICLE).write_text(article if article is not None else SEED_ARTICLE, encoding="utf-8")
    size = len(briefing) + len(article or SEED_ARTICLE)
    with step_limit(2_000_000 + 200 * size):
        code, stdout = _validate(repository)
    assert code in (0, 1)
    printed = list(_problems_of(stdout, repository))
    assert (code == 1) == bool(printed)
    for problem, lines in printed:
        _assert_inside(problem, lines())
