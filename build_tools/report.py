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


def format_text(problem: Problem, root: Path) -> str:
    """`path:line:col: error: message [rule]`, then the offending line with a caret."""
    head = f"{shown_path(problem.path)}:{problem.line}:{problem.column}: {problem.severity}: {problem.message}"
    if problem.rule:
        head += f" [{problem.rule}]"
    line = _source_line(root / problem.path, problem.line)
    if line is None:
        return head
    caret = " " * (problem.column - 1) + "^"
    return f"{head}\n    {line}\n    {caret}"


def format_github(problem: Problem) -> str:
    """A GitHub Actions workflow command, shown as an annotation on the changed line."""
    title = f"briefings {problem.rule}" if problem.rule else "briefings"
    props = f"file={_escape_property(problem.path)},line={problem.line},col={problem.column},title={_escape_property(title)}"
    return f"::{problem.severity} {props}::{_escape_data(problem.message)}"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _source_line(path: Path, number: int) -> str | None:
    try:
        text = path.read_bytes().decode("utf-8", "replace")
    except OSError:
        return None
    lines = _LINE_BREAK.split(text) if text else []
    if not 0 < number <= len(lines):
        return None
    return _UNPRINTABLE.sub("\N{REPLACEMENT CHARACTER}", lines[number - 1].replace("\t", " "))


def format_all(problems: Iterable[Problem], root: Path) -> str:
    return "\n".join(format_text(p, root) for p in problems)
