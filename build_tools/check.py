"""`briefings validate` at the size of a newsroom archive: the problems of the repository, found
with as little work as the change since the last run needs.

The same stages as a build (`load`, `validate`), but nothing is kept for rendering, so the answer
can be remembered on disk (`cache.DiskCache`): each file's problems and summary by its bytes, each
briefing's cross-file problems by its bytes, its article's and the existence of the ids it names
(`validate.check_key`). An unchanged repository is answered from the cache; a changed file is read
again, and so is every briefing whose checks depend on it. What has to be parsed is spread over
the machine's cores when there is enough of it.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .cache import Cache, DiskCache
from .load import (
    FileSummary,
    LoadedFile,
    SourceFile,
    discover,
    duplicate_ids,
    load_file,
    read_at_most,
)
from .model import Problem
from .records import briefing_record
from .validate import (
    BriefingChecker,
    KnownIds,
    check_key,
    former_slug_clashes,
    known_ids,
    statement_problems,
    statements_key,
)
from .yamlstrict import MAX_FILE_BYTES, too_large

#: below this many briefings to parse, worker processes cost more than they save
PARALLEL_FROM = 200


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    counts: dict[str, int]
    """Files of each kind (briefing, actor, story, topics, outlet)."""
    parsed: int
    """How many files had to be parsed (the rest was answered from the cache)."""

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def check_repository(root: Path, cache_folder: Path | None = None, *, use_cache: bool = True) -> CheckResult:
    """Every problem of the repository at `root`, as `validate.validate_repository` finds them."""
    root = root.resolve()
    cache = Cache(disk=DiskCache.for_repository(root, cache_folder) if use_cache else None)
    sources, problems = discover(root)
    contents, unreadable = _read_all(root, sources)
    files, unparsed = _from_cache(cache, contents)
    for source in [s for s in unparsed if s.kind != "briefing"]:
        files[source] = _remembered(cache, load_file(source, contents[source], _digest(contents[source])))
    known = known_ids(contents, [f for f in files.values() if f.source.kind != "briefing"])
    checks: list[tuple[Problem, ...]] = []
    work = [s for s in unparsed if s.kind == "briefing"]
    for file in [f for f in files.values() if f.source.kind == "briefing" and f.valid]:
        found = _problems_from_json(cache.recall("check-problems", check_key(root, file, known)))
        if found is None:
            work.append(file.source)
        else:
            checks.append(found)
    for file, found in _check_all(root, known, [(source, contents[source]) for source in work]):
        files[file.source] = _remembered(cache, file)
        checks.append(found)
        if file.valid:
            cache.keep("check-problems", check_key(root, file, known), _problems_json(found))
    problems += unreadable + [p for f in files.values() for p in f.problems] + [p for c in checks for p in c]
    problems += duplicate_ids(sources)
    briefings = [f for f in files.values() if f.source.kind == "briefing"]
    problems += former_slug_clashes(briefings, lambda f: contents[f.source].decode("utf-8", "replace"))
    problems += _statement_problems(cache, list(files.values()), known)
    cache.forget_unused()
    counts = {
        kind: sum(1 for s in sources if s.kind == kind)
        for kind in ("briefing", "actor", "story", "topics", "outlet")
    }
    parsed = len(work) + sum(1 for s in unparsed if s.kind != "briefing")
    return CheckResult(tuple(sorted(set(problems))), counts, parsed)


def _read_all(root: Path, sources: Iterable[SourceFile]) -> tuple[dict[SourceFile, bytes], list[Problem]]:
    contents: dict[SourceFile, bytes] = {}
    problems: list[Problem] = []
    for source in sources:
        try:
            data, size = read_at_most(root / source.path, MAX_FILE_BYTES)
        except OSError as error:
            problems.append(Problem(source.path, 1, 1, f"cannot read the file: {error.strerror}", "io"))
            continue
        if size > MAX_FILE_BYTES:
            problems.append(too_large(source.path, size))
        else:
            contents[source] = data
    return contents, problems


def _statement_problems(cache: Cache, files: list[LoadedFile], known: KnownIds) -> tuple[Problem, ...]:
    """`statement_problems`, kept on disk under a digest of what they read: every briefing's
    summary of its quotes and links, and the briefings that exist."""
    key = ("statements", statements_key(files, known))
    found = _problems_from_json(cache.recall("check-problems", key))
    if found is None:
        found = tuple(statement_problems(files, known))
        cache.keep("check-problems", key, _problems_json(found))
    return found


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=16).digest()


def _from_cache(
    cache: Cache, contents: dict[SourceFile, bytes]
) -> tuple[dict[SourceFile, LoadedFile], list[SourceFile]]:
    """The files the disk cache answers for (without trees), and those to parse."""
    answered: dict[SourceFile, LoadedFile] = {}
    to_parse = []
    for source, data in contents.items():
        digest = _digest(data)
        found = _file_from_json(
            source, digest, cache.recall("file-problems", (source.path, source.kind, digest))
        )
        if found is None:
            to_parse.append(source)
        else:
            answered[source] = found
    return answered, to_parse


def _remembered(cache: Cache, file: LoadedFile) -> LoadedFile:
    key = (file.source.path, file.source.kind, file.digest)
    summary = file.summary
    cache.keep(
        "file-problems",
        key,
        [
            _problems_json(file.problems),
            [summary.article, list(summary.refs), list(summary.names), summary.statements],
        ],
    )
    return file


# -- the work: one briefing file read, loaded and checked ------------------------------------------

_CONTEXT: dict[str, Any] = {}


def _start_worker(root: Path, known: KnownIds) -> None:
    _CONTEXT["root"], _CONTEXT["known"] = root, known


def _check_one(item: tuple[SourceFile, bytes]) -> tuple[LoadedFile, tuple[Problem, ...]]:
    source, data = item
    root, known = _CONTEXT["root"], _CONTEXT["known"]
    file = load_file(source, data, _digest(data))
    if not file.valid or file.tree is None:
        return _without_tree(file), ()
    checker = BriefingChecker(root, source.path, file.tree, known, Cache())
    checker.check(briefing_record(file.tree, source))
    return _without_tree(file), tuple(checker.problems)


def _without_tree(file: LoadedFile) -> LoadedFile:
    return LoadedFile(file.source, file.digest, None, file.problems, file.summary)


def _check_all(
    root: Path, known: KnownIds, work: Sequence[tuple[SourceFile, bytes]]
) -> Iterable[tuple[LoadedFile, tuple[Problem, ...]]]:
    workers = min(os.cpu_count() or 1, 8)
    if len(work) < PARALLEL_FROM or workers < 2:
        _start_worker(root, known)
        return [_check_one(item) for item in work]
    chunk = max(1, len(work) // (workers * 8))
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(root, known)) as pool:
        return list(pool.map(_check_one, work, chunksize=chunk))


# -- the cache's JSON ------------------------------------------------------------------------------

ProblemJson = list[Any]


def _problems_json(problems: Iterable[Problem]) -> list[ProblemJson]:
    return [[p.path, p.line, p.column, p.message, p.rule, p.severity] for p in problems]


def _problems_from_json(value: Any) -> tuple[Problem, ...] | None:
    """Problems read back from the cache, or None if the entry is missing or not of their shape."""
    if not isinstance(value, list):
        return None
    problems = []
    for entry in value:
        if not (isinstance(entry, list) and len(entry) == 6):
            return None
        path, line, column, message, rule, severity = entry
        if not (
            isinstance(path, str) and isinstance(line, int) and isinstance(column, int)
            and isinstance(message, str) and isinstance(rule, str) and severity in ("error", "warning")
        ):  # fmt: skip
            return None
        problems.append(Problem(path, line, column, message, rule, severity))
    return tuple(problems)


def _file_from_json(source: SourceFile, digest: bytes, value: Any) -> LoadedFile | None:
    if not (
        isinstance(value, list) and len(value) == 2 and isinstance(value[1], list) and len(value[1]) == 4
    ):
        return None
    problems = _problems_from_json(value[0])
    article, refs, names, statements = value[1]
    strings = isinstance(article, str) and isinstance(statements, str)
    strings = strings and all(isinstance(x, str) for x in (*refs, *names))
    if problems is None or not (strings and isinstance(refs, list) and isinstance(names, list)):
        return None
    return LoadedFile(
        source, digest, None, problems, FileSummary(article, tuple(refs), tuple(names), statements)
    )
