"""Load stage: find the annotation files, read them strictly, and build typed records.

Everything read here comes from a pull request and is untrusted: file names must be slugs,
symbolic links are refused, and article paths may not leave `seeds/`. The typed builders
(`briefing_from`, ...) expect a tree the JSON Schema has already accepted.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Hashable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .anchor import split_paragraphs
from .model import (
    Actor,
    ActorKind,
    ActorRole,
    Article,
    Briefing,
    DatedEvent,
    DateSpan,
    PartialDate,
    Problem,
    Quote,
    Source,
    Story,
    Topic,
    Translation,
)
from .yamlstrict import ParsedYaml, YamlLoadError, YamlNode, locate, parse_yaml, to_plain

BRIEFINGS_DIR = "briefings"
ACTORS_DIR = "briefings/actors"
STORIES_DIR = "briefings/stories"
TOPICS_FILE = "briefings/topics.yml"
SEEDS_DIR = "seeds"
SLUG = re.compile(r"^(?!index$)[a-z0-9][a-z0-9-]*$")  # "index" would clash with index pages
_ARTICLE_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


@dataclass(frozen=True)
class SourceFile:
    """One annotation file: its repository-relative path, what it defines, and its id."""

    path: str
    kind: str  # "briefing", "actor", "story" or "topics"
    id: str


class ArticleError(Exception):
    """The article a briefing names cannot be used; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def discover(root: Path) -> tuple[list[SourceFile], list[Problem]]:
    """Every annotation file under briefings/, and problems with names we cannot use."""
    found: list[SourceFile] = []
    problems: list[Problem] = []
    base = root / BRIEFINGS_DIR
    if not base.is_dir():
        return found, [Problem(BRIEFINGS_DIR, 1, 1, "no briefings/ folder in the repository", "layout")]
    linked_folders = {
        folder.relative_to(root).as_posix() for folder in [base, *base.rglob("*")] if folder.is_symlink()
    }
    for path in sorted(base.rglob("*")):
        relative = path.relative_to(root).as_posix()
        if path.suffix not in (".yml", ".yaml") or path.is_dir():
            continue
        problem = _name_problem(path, relative, linked_folders)
        if problem:
            problems.append(problem)
            continue
        found.append(SourceFile(relative, _kind_of(relative), path.stem))
    return found, problems


def _kind_of(relative: str) -> str:
    if relative == TOPICS_FILE:
        return "topics"
    parent = str(PurePosixPath(relative).parent)
    return {ACTORS_DIR: "actor", STORIES_DIR: "story"}.get(parent, "briefing")


def _name_problem(path: Path, relative: str, linked_folders: set[str]) -> Problem | None:
    folders = ["/".join(relative.split("/")[:depth]) for depth in range(1, relative.count("/") + 1)]
    if path.is_symlink() or any(folder in linked_folders for folder in folders):
        return Problem(relative, 1, 1, "symbolic links are not allowed; commit a regular file", "path")
    if path.suffix == ".yaml":
        return Problem(relative, 1, 1, f"use the .yml extension: rename it to {path.stem}.yml", "path")
    if not SLUG.match(path.stem):
        suggestion = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-") or "my-briefing"
        message = (
            "file name must be a slug (lower-case letters, digits and hyphens, not 'index'): "
            f"rename it to {suggestion}.yml"
        )
        return Problem(relative, 1, 1, message, "path")
    return None


def read_bytes(root: Path, source: SourceFile) -> bytes:
    """The raw bytes of one annotation file; raises YamlLoadError if it cannot be read."""
    try:
        return (root / source.path).read_bytes()
    except OSError as error:
        raise YamlLoadError([Problem(source.path, 1, 1, f"cannot read the file: {error.strerror}", "io")])


def read_tree(root: Path, source: SourceFile) -> ParsedYaml:
    """The strict-YAML tree of one file and its strictness problems; raises YamlLoadError."""
    return parse_yaml(read_bytes(root, source), source.path)


def read_article(root: Path, relative: str, cited_at: Problem) -> Article:
    """The article a briefing cites, refused if it leaves seeds/ or is not clean UTF-8 text.

    `cited_at` is a template problem placed at the briefing's `article:` value.
    """

    def refuse(message: str) -> ArticleError:
        return ArticleError(Problem(cited_at.path, cited_at.line, cited_at.column, message, "article"))

    if not is_confined(relative):
        raise refuse(f"article path {relative!r} must stay inside seeds/ (no '..' or absolute paths)")
    path = root / relative
    seeds = (root / SEEDS_DIR).resolve()
    if any(p.is_symlink() for p in _own_parts(root, relative)):
        raise refuse(f"article {relative} is a symbolic link; commit the text itself under seeds/")
    if not path.is_file() or seeds not in path.resolve().parents:
        raise refuse(f"article {relative} does not exist{_similar_article(root, relative)}")
    return _decode_article(path.read_bytes(), relative)


def is_confined(relative: str) -> bool:
    """Whether an article path, as written, stays inside seeds/ (before any file is looked at)."""
    parts = PurePosixPath(relative).parts
    return not (relative.startswith("/") or ".." in parts or "\\" in relative or parts[:1] != (SEEDS_DIR,))


def _own_parts(root: Path, relative: str) -> list[Path]:
    """The file at `relative` (inside seeds/) and its folders below `root`: none of them may be a
    symbolic link."""
    parts = relative.split("/")
    return [root.joinpath(*parts[:depth]) for depth in range(len(parts), 0, -1)]


def article_fingerprint(root: Path, relative: str) -> Hashable:
    """What `read_article` depends on, cheaply: which parts are symbolic links, and the bytes.
    Nothing is read through a symbolic link or for a path that does not stay inside seeds/."""
    if not is_confined(relative):
        return None
    path = root / relative
    links = tuple(p.is_symlink() for p in _own_parts(root, relative))
    if any(links):
        return links
    try:
        return (links, hashlib.blake2b(path.read_bytes(), digest_size=16).digest())
    except OSError:
        return (links, None)


def _similar_article(root: Path, relative: str) -> str:
    names = [p.relative_to(root).as_posix() for p in (root / SEEDS_DIR).glob("*") if p.is_file()]
    close = difflib.get_close_matches(relative, names, n=1, cutoff=0.6)
    return (
        f"; did you mean {close[0]}?" if close else f"; files in seeds/: {', '.join(sorted(names)) or 'none'}"
    )


def _decode_article(data: bytes, relative: str) -> Article:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        message = f"article is not valid UTF-8 (byte 0x{data[error.start]:02X}); save it as UTF-8"
        raise ArticleError(Problem(relative, line, 1, message, "article"))
    bad = _ARTICLE_FORBIDDEN.search(text)
    if bad:
        line = text.count("\n", 0, bad.start()) + 1
        column = bad.start() - (text.rfind("\n", 0, bad.start()) + 1) + 1
        message = f"article contains control character U+{ord(bad.group()):04X}; remove it"
        raise ArticleError(Problem(relative, line, column, message, "article"))
    return Article(relative, text, split_paragraphs(text))


def parse_date(text: str) -> PartialDate:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (already matched by the schema's pattern)."""
    numbers = [int(part) for part in text.split("-")]
    return PartialDate(*numbers)


def parse_span(text: str) -> DateSpan:
    start, _, end = text.partition("/")
    return DateSpan(parse_date(start), parse_date(end) if end else None)


def _localized(value: object) -> dict[str, str]:
    return dict(value) if isinstance(value, dict) else {}


def briefing_from(node: YamlNode, source: SourceFile) -> Briefing:
    data = to_plain(node)
    assert isinstance(data, dict)
    src = data["source"]
    return Briefing(
        slug=source.id,
        path=source.path,
        article_path=data["article"],
        language=data["language"],
        title=data["title"],
        published=parse_date(data["published"]),
        source=Source(src["outlet"], src.get("url"), tuple(src.get("credits", ()))),
        summary=_localized(data["summary"]),
        actors=tuple(_actor_roles(node, data["actors"])),
        story=data.get("story"),
        topics=tuple(data.get("topics", ())),
        translations={
            lang: Translation(t.get("title"), tuple(t.get("body", ())))
            for lang, t in data.get("translations", {}).items()
        },
        quotes=tuple(_quotes(node, data.get("quotes", []))),
        dates=tuple(_dates(node, data.get("dates", []))),
        related=tuple(data.get("related", ())),
    )


def _actor_roles(node: YamlNode, entries: list) -> list[ActorRole]:
    roles = []
    for index, entry in enumerate(entries):
        position = locate(node, ["actors", index])
        if isinstance(entry, str):
            roles.append(ActorRole(entry, None, position))
        else:
            roles.append(ActorRole(entry["id"], _localized(entry.get("role")) or None, position))
    return roles


def _quotes(node: YamlNode, entries: list) -> list[Quote]:
    return [
        Quote(
            id=entry.get("id", f"q{index + 1}"),
            text=entry["text"],
            translations=_localized(entry["translations"]),
            speaker=entry.get("speaker"),
            attribution=entry.get("attribution"),
            context=_localized(entry.get("context")) or None,
            occurrence=int(entry["occurrence"]) if "occurrence" in entry else None,
            position=locate(node, ["quotes", index]),
        )
        for index, entry in enumerate(entries)
    ]


def _dates(node: YamlNode, entries: list) -> list[DatedEvent]:
    return [
        DatedEvent(
            date=parse_span(entry["date"]),
            event=_localized(entry["event"]),
            actors=tuple(entry.get("actors", ())),
            position=locate(node, ["dates", index]),
        )
        for index, entry in enumerate(entries)
    ]


def actor_from(node: YamlNode, source: SourceFile) -> Actor:
    data = to_plain(node)
    assert isinstance(data, dict)
    return Actor(
        id=source.id,
        path=source.path,
        name=data["name"],
        kind=ActorKind(data["kind"]),
        description=_localized(data["description"]),
        aliases=tuple(data.get("aliases", ())),
        wikidata=data.get("wikidata"),
    )


def story_from(node: YamlNode, source: SourceFile) -> Story:
    data = to_plain(node)
    assert isinstance(data, dict)
    return Story(source.id, source.path, _localized(data["title"]), _localized(data["summary"]))


def topics_from(node: YamlNode) -> dict[str, Topic]:
    data = to_plain(node)
    assert isinstance(data, dict)
    return {topic_id: Topic(topic_id, _localized(entry["title"])) for topic_id, entry in data.items()}
