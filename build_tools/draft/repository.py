"""Everything the draft reads from the repository, in one place: the article, the actor and outlet
registries and the briefings already there; the strict YAML and schema check of a file about to
be written; and the quote search of the validate stage (a mark is found as validation finds it).

This is the only module of the package that imports the load and validate stages (and the strict
YAML layer): when they change, this is the one module to rewire.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from ..anchor import find_quote, normalize
from ..articles import ArticleError, read_article
from ..load import DRAFT_RULE, TODO, LoadedRepository, SourceFile, SourceKind, load_file, load_repository
from ..model import Actor, Article, Outlet, Problem
from ..records import actor_record, outlet_record
from ..slugs import is_slug, slugify
from ..yamlstrict import locate, to_plain
from .records import DraftError, DraftExists, DraftUsageError

__all__ = [
    "DRAFT_RULE",
    "TODO",
    "LoadedRepository",
    "SourceFile",
    "already_annotated",
    "article_path",
    "existing_briefings",
    "exists_problem",
    "find_quote",
    "is_slug",
    "load",
    "load_actors",
    "load_outlets",
    "normalize",
    "read",
    "refuse_existing",
    "schema_problems",
    "slugify",
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


def load(root: Path) -> LoadedRepository:
    """Every annotation file of the repository, through the project's load stage."""
    return load_repository(root)


def load_actors(loaded: LoadedRepository) -> dict[str, Actor]:
    """The actor registry; files with errors are left out, but not those with a value still to
    write (an actor file just made by `briefings actor new` names a known actor)."""
    return {
        file.source.id: actor_record(file.tree, file.source)
        for file in loaded.of_kind("actor")
        if file.tree is not None and all(p.rule == DRAFT_RULE for p in file.problems)
    }


def load_outlets(loaded: LoadedRepository) -> dict[str, Outlet]:
    """The outlet registry, as `load_actors` reads the actors."""
    return {
        file.source.id: outlet_record(file.tree, file.source)
        for file in loaded.of_kind("outlet")
        if file.tree is not None and all(p.rule == DRAFT_RULE for p in file.problems)
    }


def existing_briefings(root: Path, loaded: LoadedRepository) -> dict[str, SourceFile]:
    taken: dict[str, SourceFile] = {}
    for file in loaded.of_kind("briefing"):
        taken.setdefault(file.source.id, file.source)
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


def already_annotated(relative: str, loaded: LoadedRepository) -> Iterable[Problem]:
    for file in loaded.of_kind("briefing"):
        if file.tree is None:
            continue
        data = to_plain(file.tree)
        if isinstance(data, dict) and data.get("article") == relative:
            where = locate(file.tree, ["article"])
            message = (
                f"{relative} is already annotated by {file.source.path}; the draft is a second annotation"
            )
            yield Problem(file.source.path, where.line, where.column, message, DRAFT_RULE, "warning")


def schema_problems(kind: SourceKind, text: str, path: str) -> list[Problem]:
    """What the load stage (strict YAML and the JSON Schema) says of a file about to be written,
    leaving out the TODO values that a person still has to write."""
    stem = PurePosixPath(path).stem
    loaded = load_file(SourceFile(path, kind, stem), text.encode("utf-8"))
    return [p for p in loaded.problems if p.rule != DRAFT_RULE]
