"""Load stage: find the annotation files and read each one on its own.

For every file under briefings/ the stage reads the bytes, parses them with the strict YAML layer
(`yamlstrict`), flags values a draft left to confirm, and runs the file's JSON Schema
(`schemas`). The result of a file depends on its path and bytes only, so it is remembered by
content digest (`Cache`); nothing here looks at another file. Typed records are built from the
trees that pass (`records`); `validate` then checks what needs more than one file.

Everything read here comes from a pull request and is untrusted: file names must be slugs and
symbolic links are refused.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from .cache import Cache
from .model import Problem
from .schemas import check_schema
from .slugs import is_slug, slugify
from .statements import quote_summary
from .yamlstrict import (
    MAX_FILE_BYTES,
    PlainData,
    YamlLoadError,
    YamlMapping,
    YamlNode,
    YamlScalar,
    parse_yaml,
    to_plain,
    too_large,
)

BRIEFINGS_DIR = "briefings"
ACTORS_DIR = "briefings/actors"
STORIES_DIR = "briefings/stories"
OUTLETS_DIR = "briefings/outlets"
TOPICS_FILE = "briefings/topics.yml"
SEEDS_DIR = "seeds"
#: values that `briefings new` leaves for a person to confirm start with this marker
TODO = "TODO"
DRAFT_RULE = "draft"
#: the longest file name (without .yml): an id is at most 100 characters (see the schemas)
MAX_NAME = 100

SourceKind = Literal["briefing", "actor", "story", "topics", "outlet"]


@dataclass(frozen=True)
class SourceFile:
    """One annotation file: its repository-relative path, what it defines, and its id."""

    path: str
    kind: SourceKind
    id: str


@dataclass(frozen=True)
class FileSummary:
    """What the rules between files need to know of a file, without its tree: a briefing's article,
    the ids it refers to (`actor:x`, `story:y`, `topic:z`, `briefing:w`, `outlet:v`) or once had
    (`former:v`) and its quotes as the rules between briefings see them
    (`statements.quote_summary`, JSON); an actor's or an outlet's name and aliases, and an
    outlet's datelines and signatures (`dateline:x`, `signature:y`, in `refs`); the topic ids of
    topics.yml."""

    article: str = ""
    refs: tuple[str, ...] = ()
    names: tuple[str, ...] = ()
    statements: str = ""


@dataclass(frozen=True)
class LoadedFile:
    """What one file's bytes yield on their own: its tree (None if it cannot be parsed, or not kept),
    the problems found in it, its summary, and the digest of the bytes they were found in."""

    source: SourceFile
    digest: bytes
    tree: YamlNode | None
    problems: tuple[Problem, ...]
    summary: FileSummary = FileSummary()

    @property
    def valid(self) -> bool:
        """No problem at all: typed records can be built from the tree."""
        return not self.problems


@dataclass(frozen=True)
class LoadedRepository:
    root: Path
    files: tuple[LoadedFile, ...]
    problems: tuple[Problem, ...]
    """Problems of discovery (unusable file names, duplicate ids) and of every file."""

    def of_kind(self, kind: SourceKind) -> list[LoadedFile]:
        return [file for file in self.files if file.source.kind == kind]

    def ids(self, kind: SourceKind) -> set[str]:
        """Ids of every file of a kind, even of files with errors (so one error does not cascade)."""
        return {file.source.id for file in self.of_kind(kind)}


def load_repository(root: Path, cache: Cache | None = None) -> LoadedRepository:
    """Discover and load every annotation file under `root`/briefings."""
    root = root.resolve()
    cache = cache if cache is not None else Cache()
    sources, problems = discover(root)
    files = []
    base = str(root)
    for source in sources:
        path = f"{base}/{source.path}"  # strings, not Paths: this runs for every file on every rebuild
        content = _Content(path)
        try:
            stat = os.stat(path)
            if stat.st_size > MAX_FILE_BYTES:  # refused without being read whole
                problems.append(too_large(source.path, stat.st_size))
                continue
            digest = cache.digest_of(path, stat, content)  # unchanged since the last run: not read
            key = (source, digest)
            data = b"" if cache.has("files", key) else content()
        except OSError as error:
            problems.append(Problem(source.path, 1, 1, f"cannot read the file: {error.strerror}", "io"))
            continue
        loaded = cache.remember("files", key, load_file, source, data, digest)
        problems.extend(loaded.problems)
        files.append(loaded)
    problems.extend(duplicate_ids(sources))
    return LoadedRepository(root, tuple(files), tuple(problems))


class _Content:
    """A file's bytes, read when first asked for (and then only once)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.data: bytes | None = None

    def __call__(self) -> bytes:
        if self.data is None:
            self.data = read_at_most(self.path, MAX_FILE_BYTES)[0]
        return self.data


def read_at_most(path: str | Path, limit: int) -> tuple[bytes, int]:
    """The file's bytes (none when it has more than `limit`) and its size."""
    with open(path, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        return (stream.read(limit + 1) if size <= limit else b""), size


def load_file(source: SourceFile, data: bytes, digest: bytes = b"") -> LoadedFile:
    """Strict YAML, draft values and the JSON Schema of one file."""
    try:
        document = parse_yaml(data, source.path)
    except YamlLoadError as error:
        return LoadedFile(source, digest, None, tuple(error.problems))
    drafts = draft_value_problems(document.tree, source.path)
    # a strictness or draft problem explains any schema problem at the same spot
    explained = {(p.line, p.column) for p in (*document.problems, *drafts)}
    plain = to_plain(document.tree)
    structural = [
        p
        for p in check_schema(source.kind, document.tree, source.path, plain)
        if (p.line, p.column) not in explained
    ]
    problems = (*document.problems, *drafts, *structural)
    summary = summarize(source.kind, plain, not problems)
    if source.kind == "briefing" and not problems and isinstance(plain, dict):
        summary = replace(summary, statements=quote_summary(document.tree, plain))
    return LoadedFile(source, digest, document.tree, problems, summary)


def summarize(kind: SourceKind, data: PlainData, valid: bool) -> FileSummary:
    """The summary of a parsed file (a briefing's and an actor's only when schema-valid, since
    their shapes are not known otherwise)."""
    if kind == "topics" and isinstance(data, dict):
        return FileSummary(names=tuple(data))
    if not (valid and isinstance(data, dict)):
        return FileSummary()
    if kind == "actor":
        return FileSummary(names=(data["name"], *data.get("aliases", ())))
    if kind == "outlet":
        marks = [f"dateline:{d}" for d in data.get("datelines", ())]
        marks += [f"signature:{s}" for s in data.get("signatures", ())]
        return FileSummary(refs=tuple(marks), names=(data["name"], *data.get("aliases", ())))
    if kind != "briefing":
        return FileSummary()
    actors = [entry if isinstance(entry, str) else entry["id"] for entry in data["actors"]]
    speakers = [quote["speaker"] for quote in data.get("quotes", ()) if "speaker" in quote]
    in_events = [actor for event in data.get("dates", ()) for actor in event.get("actors", ())]
    refs = [f"actor:{a}" for a in (*actors, *speakers, *in_events)]
    refs += [f"story:{data['story']}"] if "story" in data else []
    refs += [f"topic:{t}" for t in data.get("topics", ())]
    refs += [f"briefing:{b}" for b in data.get("related", ())]
    refs += [f"former:{b}" for b in data.get("renamed_from", ())]
    source = data["source"]
    refs += [
        f"outlet:{o}"
        for o in (*([source["outlet"]] if "outlet" in source else []), *source.get("credits", ()))
    ]
    return FileSummary(article=data["article"], refs=tuple(sorted(set(refs))))


def draft_value_problems(tree: YamlNode, path: str) -> list[Problem]:
    """One error for every value that still starts with `TODO` (keys are not values)."""
    if isinstance(tree, YamlScalar):
        if tree.value.lstrip().startswith(TODO):
            message = "draft value: confirm or replace it"
            return [Problem(path, tree.position.line, tree.position.column, message, DRAFT_RULE)]
        return []
    children = [value for _, value in tree.entries] if isinstance(tree, YamlMapping) else tree.items
    return [problem for child in children for problem in draft_value_problems(child, path)]


# -- discovery ----------------------------------------------------------------------------------


def discover(root: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Every annotation file under briefings/, and problems with names we cannot use.

    Folders are walked with `os.scandir`, whose entries already know whether they are links: at
    ten thousand briefings this runs on every preview rebuild."""
    found: list[SourceFile] = []
    problems: list[Problem] = []
    base = root / BRIEFINGS_DIR
    if not base.is_dir():
        return found, [Problem(BRIEFINGS_DIR, 1, 1, "no briefings/ folder in the repository", "layout")]
    for relative, linked in sorted(_walk(str(base), BRIEFINGS_DIR, base.is_symlink()), key=_path_order):
        stem, _, suffix = relative.rpartition("/")[2].rpartition(".")
        if suffix not in ("yml", "yaml"):
            continue
        problem = _name_problem(relative, stem, suffix, linked)
        if problem:
            problems.append(problem)
            continue
        found.append(SourceFile(relative, kind_of(relative), stem))
    return found, problems


def _walk(folder: str, relative: str, linked: bool) -> Iterator[tuple[str, bool]]:
    """(repository-relative path, whether it or a folder above it is a link) of every file below
    `folder`; linked folders are not followed."""
    with os.scandir(folder) as entries:
        for entry in entries:
            path = f"{relative}/{entry.name}"
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(entry.path, path, linked)
            elif not entry.is_symlink() or not os.path.isdir(entry.path):
                yield path, linked or entry.is_symlink()


def _path_order(item: tuple[str, bool]) -> list[str]:
    """Sort as paths do: folder by folder."""
    return item[0].split("/")


def kind_of(relative: str) -> SourceKind:
    """What a file under briefings/ defines, from the folder it is in."""
    if relative == TOPICS_FILE:
        return "topics"
    parent = relative.rpartition("/")[0]
    if parent == ACTORS_DIR:
        return "actor"
    if parent == STORIES_DIR:
        return "story"
    if parent == OUTLETS_DIR:
        return "outlet"
    return "briefing"


def _name_problem(relative: str, stem: str, suffix: str, linked: bool) -> Problem | None:
    if linked:
        return Problem(relative, 1, 1, "symbolic links are not allowed; commit a regular file", "path")
    if suffix == "yaml":
        return Problem(relative, 1, 1, f"use the .yml extension: rename it to {stem}.yml", "path")
    if len(stem) > MAX_NAME:
        message = f"file name too long: {len(stem)} characters before .yml (at most {MAX_NAME}); shorten it"
        return Problem(relative, 1, 1, message, "path")
    if not is_slug(stem):
        suggestion = slugify(stem)[:MAX_NAME].strip("-") or "my-briefing"
        message = (
            "file name must be a slug (lower-case letters, digits and hyphens, not 'index'): "
            f"rename it to {suggestion}.yml"
        )
        return Problem(relative, 1, 1, message, "path")
    return None


def duplicate_ids(sources: Iterable[SourceFile]) -> Iterable[Problem]:
    first: dict[tuple[str, str], str] = {}
    for source in sources:
        key = (source.kind, source.id)
        if key in first:
            message = f"{source.kind} '{source.id}' is already defined in {first[key]}; rename one"
            yield Problem(source.path, 1, 1, message, "unique")
        else:
            first[key] = source.path
