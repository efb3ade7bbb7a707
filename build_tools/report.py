"""How problems are shown: gcc/yamllint-style text with the offending line, or GitHub
workflow commands. Shared by the command line and the MkDocs plugin."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from .characters import FORBIDDEN_CHARS as _UNPRINTABLE
from .model import Problem
from .yamlstrict import _LINE_BREAK

_UNPRINTABLE_IN_NAMES = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def shown_path(path: str) -> str:
    """A file name as printed: control and invisible characters written as escapes, so that a
    name from a pull request can neither break the `path:line:col` line nor hide itself."""
    return _UNPRINTABLE_IN_NAMES.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), path)


#: how much of a long offending line is shown (a one-line flow mapping can be megabytes long)
SHOWN_CHARS = 2_000


def format_text(problem: Problem, root: Path) -> str:
    """`path:line:col: error: message [rule]`, then the offending line with a caret."""
    return TextReport(root).format(problem)


class TextReport:
    """Formats problems as text, reading each file once: a run can report thousands of
    problems about one file, and re-reading it for each made printing them quadratic."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._lines: dict[str, list[str] | None] = {}

    def format(self, problem: Problem) -> str:
        head = f"{shown_path(problem.path)}:{problem.line}:{problem.column}: {problem.severity}: {problem.message}"
        if problem.rule:
            head += f" [{problem.rule}]"
        line = self._source_line(problem.path, problem.line)
        if line is None:
            return head
        shown, column = _excerpt(line, problem.column)
        caret = " " * (column - 1) + "^"
        return f"{head}\n    {shown}\n    {caret}"

    def _source_line(self, path: str, number: int) -> str | None:
        if path not in self._lines:
            self._lines[path] = _read_lines(self.root / path)
        lines = self._lines[path]
        if lines is None or not 0 < number <= len(lines):
            return None
        return _UNPRINTABLE.sub("\N{REPLACEMENT CHARACTER}", lines[number - 1].replace("\t", " "))


def _excerpt(line: str, column: int) -> tuple[str, int]:
    """At most SHOWN_CHARS of a long line, around `column`, and the column within them."""
    if len(line) <= SHOWN_CHARS:
        return line, column
    start = max(0, min(column - 1 - SHOWN_CHARS // 2, len(line) - SHOWN_CHARS))
    before = "..." if start > 0 else ""
    after = "..." if start + SHOWN_CHARS < len(line) else ""
    return before + line[start : start + SHOWN_CHARS] + after, column - start + len(before)


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command, shown as an annotation on the changed line."""
    title = f"briefings {problem.rule}" if problem.rule else "briefings"
    props = f"file={_escape_property(problem.path)},line={problem.line},col={problem.column},title={_escape_property(title)}"
    return f"::{problem.severity} {props}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _read_lines(path: Path) -> list[str] | None:
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    return _LINE_BREAK.split(text) if text else []


def format_all(problems: Iterable[Problem], root: Path) -> str:
    report = TextReport(root)
    return "\n".join(report.format(p) for p in problems)
