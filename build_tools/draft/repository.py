"""Everything the draft reads from the repository, in one place: the article, the actor registry
and the briefings already there; and the strict YAML and schema check of a file about to be written.

This is the only module of the package that imports the load and validate stages (and the strict
YAML layer): when they change, this is the one module to rewire.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..load import SLUG, ArticleError, SourceFile, actor_from, discover, read_article, read_tree
from ..model import Actor, Article, Problem
from ..schemas import check_schema
from ..validate import DRAFT_RULE, TODO, draft_value_problems
from ..yamlstrict import YamlLoadError, locate, parse_yaml, to_plain
from .records import DraftError, DraftExists, DraftUsageError

__all__ = [
    "DRAFT_RULE",
    "SLUG",
    "TODO",
    "SourceFile",
    "already_annotated",
    "article_path",
    "existing_briefings",
    "exists_problem",
    "load_actors",
    "read",
    "refuse_existing",
    "schema_problems",
]

COMMAND_LINE = "<command line>"


def article_path(root: Path, given: str, cwd: Path | None) -> str:
    """The repository-relative path of the article named on the command line.

    A relative path is taken from the current folder when that is inside the repository, else
    from the repository root. '..' and absolute paths outside the repository are left as they are
    for `load.read_article` to refuse with its message.
    """
    if not given or "\\" in given or ".." in PurePosixPath(given).parts:
        return given
    path = Path(given)
    if path.is_absolute():
        try:
            return Path(os.path.normpath(path)).relative_to(root).as_posix()
        except ValueError:
            return given
    if cwd is not None:
        try:
            return Path(os.path.normpath(cwd / path)).relative_to(root).as_posix()
        except ValueError:
            pass
    return path.as_posix()


def read(root: Path, relative: str) -> Article:
    """The article, or the load stage's refusal as a usage error (a bad argument) or a draft error."""
    cited_at = Problem(COMMAND_LINE, 1, 1, "", "article")
    try:
        return read_article(root, relative, cited_at)
    except ArticleError as error:
        if error.problem.path == COMMAND_LINE:
            raise DraftUsageError(error.problem.message, "ARTICLE") from None
        raise DraftError(error.problem) from None


def load_actors(root: Path) -> dict[str, Actor]:
    """The actor registry through the project's loader; files with errors are left out."""
    sources, _ = discover(root)
    actors: dict[str, Actor] = {}
    for source in sources:
        if source.kind != "actor":
            continue
        try:
            document = read_tree(root, source)
        except YamlLoadError:
            continue
        if document.problems or check_schema("actor", document.tree, source.path):
            continue
        actors.setdefault(source.id, actor_from(document.tree, source))
    return actors


def existing_briefings(root: Path) -> dict[str, SourceFile]:
    sources, _ = discover(root)
    taken: dict[str, SourceFile] = {}
    for source in sources:
        if source.kind == "briefing":
            taken.setdefault(source.id, source)
    for path in (root / "briefings").glob("*.yaml"):  # not valid, but still a name in use
        taken.setdefault(path.stem, SourceFile(path.relative_to(root).as_posix(), "briefing", path.stem))
    return taken


def exists_problem(path: str) -> Problem:
    message = (
        f"{path} already exists; a draft never overwrites a file: choose another --slug, or edit that file"
    )
    return Problem(path, 1, 1, message, DRAFT_RULE)


def refuse_existing(root: Path, slug: str, taken: dict[str, SourceFile]) -> None:
    target = f"briefings/{slug}.yml"
    if os.path.lexists(root / target):
        raise DraftExists(exists_problem(target))
    if slug in taken:
        message = f"the slug '{slug}' is already used by {taken[slug].path}; choose another --slug"
        raise DraftExists(Problem(taken[slug].path, 1, 1, message, DRAFT_RULE))


def already_annotated(root: Path, relative: str, taken: dict[str, SourceFile]) -> Iterable[Problem]:
    for source in taken.values():
        try:
            document = read_tree(root, source)
        except YamlLoadError:
            continue
        data = to_plain(document.tree)
        if isinstance(data, dict) and data.get("article") == relative:
            where = locate(document.tree, ["article"])
            message = f"{relative} is already annotated by {source.path}; the draft is a second annotation"
            yield Problem(source.path, where.line, where.column, message, DRAFT_RULE, "warning")


def schema_problems(kind: str, text: str, path: str) -> list[Problem]:
    """What the strict loader and the JSON Schema say of a file about to be written, leaving out
    the TODO values that a person still has to write."""
    try:
        document = parse_yaml(text.encode("utf-8"), path)
    except YamlLoadError as error:
        return list(error.problems)
    todo = {(p.line, p.column) for p in draft_value_problems(document.tree, path)}
    checked = [*document.problems, *check_schema(kind, document.tree, path)]
    return [p for p in checked if (p.line, p.column) not in todo]
