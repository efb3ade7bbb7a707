"""Validate stage: the JSON Schema first, then the rules that need more than one file.

`validate_repository` returns every problem of the run together with the typed, anchored corpus
of everything that passed; it raises nothing for content errors. Cross-file rules: ids that
exist (with a did-you-mean), unique slugs, articles inside seeds/, quotes found verbatim in their
article, translations aligned paragraph by paragraph, real calendar dates.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from .anchor import QuoteSearch, find_quote, normalize
from .load import (
    TOPICS_FILE,
    ArticleError,
    SourceFile,
    actor_from,
    article_fingerprint,
    briefing_from,
    discover,
    read_article,
    read_bytes,
    story_from,
    topics_from,
)
from .model import Actor, Article, Briefing, Corpus, Problem, Quote, TextQuoteAnchor, Topic
from .schemas import check_schema
from .yamlstrict import YamlLoadError, YamlMapping, YamlNode, YamlScalar, locate, parse_yaml

T = TypeVar("T")

#: values that `briefings new` leaves for a person to confirm start with this marker
TODO = "TODO"
DRAFT_RULE = "draft"


def draft_value_problems(tree: YamlNode, path: str) -> list[Problem]:
    """One error for every value that still starts with `TODO` (keys are not values)."""
    if isinstance(tree, YamlScalar):
        if tree.value.lstrip().startswith(TODO):
            message = "draft value: confirm or replace it"
            return [Problem(path, tree.position.line, tree.position.column, message, DRAFT_RULE)]
        return []
    children = [value for _, value in tree.entries] if isinstance(tree, YamlMapping) else tree.items
    return [problem for child in children for problem in draft_value_problems(child, path)]


@dataclass(frozen=True)
class ValidationResult:
    corpus: Corpus
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


@dataclass(frozen=True)
class _CheckedDocument:
    """What one file's bytes yield on their own: a tree (or none) and its problems."""

    tree: YamlNode | None
    problems: tuple[Problem, ...]
    valid: bool


@dataclass
class ValidationCache:
    """Work done on files that have not changed since the previous run (`mkdocs serve` keeps
    one): per-file parsing and schema checks by content digest, quote searches by article, and
    each briefing's cross-file checks by its digest, its article's and the set of known ids."""

    documents: dict[Hashable, Any] = field(default_factory=dict)
    articles: dict[Hashable, Any] = field(default_factory=dict)
    quotes: dict[Hashable, Any] = field(default_factory=dict)
    briefings: dict[Hashable, Any] = field(default_factory=dict)
    _used: dict[str, set[Hashable]] = field(
        default_factory=lambda: {"documents": set(), "articles": set(), "quotes": set(), "briefings": set()}
    )

    def remember(self, store: str, key: Hashable, compute: Callable[..., T], *args: Any) -> T:
        entries = getattr(self, store)
        self._used[store].add(key)
        if key not in entries:
            entries[key] = compute(*args)
        return entries[key]

    def forget_unused(self) -> None:
        """Keep only what this run used, so a long preview session does not grow without end."""
        for store, used in self._used.items():
            entries = getattr(self, store)
            for key in [k for k in entries if k not in used]:
                del entries[key]
            used.clear()


def validate_repository(root: Path, cache: ValidationCache | None = None) -> ValidationResult:
    """Load and check every annotation file under `root`/briefings."""
    root = root.resolve()
    cache = cache if cache is not None else ValidationCache()
    sources, problems = discover(root)
    parsed: dict[SourceFile, YamlNode] = {}
    valid: dict[SourceFile, YamlNode] = {}
    digests: dict[SourceFile, bytes] = {}
    for source in sources:
        try:
            data = read_bytes(root, source)
        except YamlLoadError as error:
            problems.extend(error.problems)
            continue
        digests[source] = hashlib.blake2b(data, digest_size=16).digest()
        checked = cache.remember("documents", (source.path, digests[source]), _check_document, source, data)
        problems.extend(checked.problems)
        if checked.tree is not None:
            parsed[source] = checked.tree
            if checked.valid:
                valid[source] = checked.tree
    problems.extend(_duplicate_slugs(sources))
    corpus, cross = _check_cross_file(root, sources, parsed, valid, digests, cache)
    problems.extend(cross)
    cache.forget_unused()
    return ValidationResult(corpus, tuple(sorted(set(problems))))


def _check_document(source: SourceFile, data: bytes) -> _CheckedDocument:
    try:
        document = parse_yaml(data, source.path)
    except YamlLoadError as error:
        return _CheckedDocument(None, tuple(error.problems), False)
    drafts = draft_value_problems(document.tree, source.path)
    # a strictness or draft problem explains any schema problem at the same spot
    explained = {(p.line, p.column) for p in (*document.problems, *drafts)}
    structural = [
        p
        for p in check_schema(source.kind, document.tree, source.path)
        if (p.line, p.column) not in explained
    ]
    problems = (*document.problems, *drafts, *structural)
    return _CheckedDocument(document.tree, problems, not problems)


def _duplicate_slugs(sources: list[SourceFile]) -> Iterable[Problem]:
    first: dict[tuple[str, str], str] = {}
    for source in sources:
        key = (source.kind, source.id)
        if key in first:
            message = f"{source.kind} '{source.id}' is already defined in {first[key]}; rename one"
            yield Problem(source.path, 1, 1, message, "unique")
        else:
            first[key] = source.path


def _check_cross_file(
    root: Path,
    sources: list[SourceFile],
    parsed: Mapping[SourceFile, YamlNode],
    valid: Mapping[SourceFile, YamlNode],
    digests: Mapping[SourceFile, bytes],
    cache: ValidationCache,
) -> tuple[Corpus, list[Problem]]:
    def of_kind(kind: str) -> list[tuple[SourceFile, YamlNode]]:
        return [(s, t) for s, t in valid.items() if s.kind == kind]

    actors = {s.id: actor_from(t, s) for s, t in of_kind("actor")}
    stories = {s.id: story_from(t, s) for s, t in of_kind("story")}
    topics: dict[str, Topic] = {}
    for _, tree in of_kind("topics"):
        topics = topics_from(tree)
    topic_ids = {
        key.value
        for s, t in parsed.items()
        if s.kind == "topics" and isinstance(t, YamlMapping)
        for key, _ in t.entries
    }
    known = _KnownIds(
        actors={s.id for s in sources if s.kind == "actor"},
        stories={s.id for s in sources if s.kind == "story"},
        briefings={s.id for s in sources if s.kind == "briefing"},
        topics=topic_ids,
        has_topics_file=any(s.kind == "topics" for s in sources),
        actor_names=_actor_name_index(actors.values()),
    )
    problems: list[Problem] = []
    briefings: dict[str, Briefing] = {}
    known_digest = known.digest()

    def check(source: SourceFile, tree: YamlNode) -> tuple[Briefing | None, tuple[Problem, ...]]:
        checker = _BriefingChecker(root, source, tree, known, cache)
        checked = checker.check(briefing_from(tree, source))
        return checked, tuple(checker.problems)

    for source, tree in of_kind("briefing"):
        article = _scalar_value(tree, "article")
        key = (source.path, digests[source], known_digest, article_fingerprint(root, article))
        briefing, found = cache.remember("briefings", key, check, source, tree)
        problems.extend(found)
        if briefing is not None and briefing.slug not in briefings:
            briefings[briefing.slug] = briefing
    return Corpus(briefings, actors, stories, topics), problems


def _scalar_value(tree: YamlNode, key: str) -> str:
    """A top-level text value of a schema-valid file."""
    if isinstance(tree, YamlMapping):
        for name, value in tree.entries:
            if name.value == key and isinstance(value, YamlScalar):
                return value.value
    return ""


@dataclass(frozen=True)
class _KnownIds:
    """Ids that exist, even where their own file has errors (so one error does not cascade)."""

    actors: set[str]
    stories: set[str]
    briefings: set[str]
    topics: set[str]
    has_topics_file: bool
    actor_names: Mapping[str, str]

    def digest(self) -> bytes:
        """One short key for all of it: a briefing's cross-file checks depend on nothing else."""
        parts = (
            sorted(self.actors), sorted(self.stories), sorted(self.briefings), sorted(self.topics),
            self.has_topics_file, sorted(self.actor_names.items()),
        )  # fmt: skip
        return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _actor_name_index(actors: Iterable[Actor]) -> dict[str, str]:
    """slugified name or alias -> actor id, for did-you-mean on unknown actor ids."""
    index: dict[str, str] = {}
    for actor in actors:
        for name in (actor.name, *actor.aliases):
            index.setdefault(_slugify(name), actor.id)
    return index


def _slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


class _BriefingChecker:
    """Cross-file rules for one schema-valid briefing; collects problems, returns it anchored."""

    def __init__(
        self, root: Path, source: SourceFile, tree: YamlNode, known: _KnownIds, cache: ValidationCache
    ) -> None:
        self.root, self.source, self.tree, self.known, self.cache = root, source, tree, known, cache
        self.problems: list[Problem] = []

    def report(self, where: list[str | int], message: str, rule: str) -> None:
        position = locate(self.tree, where)
        self.problems.append(Problem(self.source.path, position.line, position.column, message, rule))

    def check(self, briefing: Briefing) -> Briefing | None:
        self._check_references(briefing)
        article = self._article(briefing)
        if article is None:
            return None
        self._check_translations(briefing, article)
        quotes = self._anchor_quotes(briefing, article)
        errors = [p for p in self.problems if p.is_error]
        return None if errors else replace(briefing, article=article, quotes=quotes)

    # -- references -------------------------------------------------------------------------

    def _check_references(self, briefing: Briefing) -> None:
        known = self.known
        if briefing.story is not None and briefing.story not in known.stories:
            self._unknown(["story"], "story", briefing.story, known.stories, "briefings/stories/")
        for index, topic in enumerate(briefing.topics):
            if not known.has_topics_file:
                self.report(["topics", index], f"topic '{topic}': there is no {TOPICS_FILE}", "reference")
            elif topic not in known.topics:
                self._unknown(["topics", index], "topic", topic, known.topics, TOPICS_FILE)
        listed: set[str] = set()
        all_known = all(role.id in known.actors for role in briefing.actors)
        for index, role in enumerate(briefing.actors):
            where: list[str | int] = ["actors", index, "id"]  # the entry itself when it is a bare id
            if role.id in listed:
                self.report(where, f"actor '{role.id}' is listed twice", "unique")
            listed.add(role.id)
            self._check_actor(where, role.id)
        listed_or_none = listed if all_known else None  # a misspelt id above explains the rest
        self._check_quote_speakers(briefing, listed_or_none)
        for index, event in enumerate(briefing.dates):
            for position, actor in enumerate(event.actors):
                self._check_actor(["dates", index, "actors", position], actor, listed_or_none)
        for index, slug in enumerate(briefing.related):
            if slug == briefing.slug:
                self.report(["related", index], "a briefing cannot be related to itself", "reference")
            elif slug not in known.briefings:
                self._unknown(["related", index], "briefing", slug, known.briefings, "briefings/")

    def _check_quote_speakers(self, briefing: Briefing, listed: set[str] | None) -> None:
        seen: set[str] = set()
        for index, quote in enumerate(briefing.quotes):
            if quote.id in seen:
                self.report(
                    ["quotes", index],
                    f"quote id '{quote.id}' is used twice; give each quote its own id",
                    "unique",
                )
            seen.add(quote.id)
            if quote.speaker is not None:
                self._check_actor(["quotes", index, "speaker"], quote.speaker, listed)

    def _check_actor(self, where: list[str | int], actor: str, listed: set[str] | None = None) -> None:
        if actor not in self.known.actors:
            alias_hint = self.known.actor_names.get(_slugify(actor))
            self._unknown(where, "actor", actor, self.known.actors, "briefings/actors/", alias_hint)
        elif listed is not None and actor not in listed:
            self.report(
                where, f"actor '{actor}' is not in this briefing's actors list; add it there", "reference"
            )

    def _unknown(
        self,
        where: list[str | int],
        kind: str,
        value: str,
        options: set[str],
        folder: str,
        hint: str | None = None,
    ) -> None:
        close = hint or next(iter(difflib.get_close_matches(value, sorted(options), n=1, cutoff=0.6)), None)
        suggestion = f"; did you mean '{close}'?" if close else ""
        message = f"unknown {kind} '{value}'{suggestion} (defined in {folder})"
        self.report(where, message, "reference")

    # -- article, translations, quotes ------------------------------------------------------

    def _article(self, briefing: Briefing) -> Article | None:
        position = locate(self.tree, ["article"])
        cited_at = Problem(self.source.path, position.line, position.column, "", "article")
        try:
            return read_article(self.root, briefing.article_path, cited_at)
        except ArticleError as error:
            self.problems.append(error.problem)
            return None

    def _check_translations(self, briefing: Briefing, article: Article) -> None:
        expected = len(article.paragraphs)
        for language, translation in briefing.translations.items():
            if language == briefing.language:
                self.report(
                    ["translations", language],
                    f"the article itself is in '{language}'; translations are into other languages",
                    "translation",
                )
            if len(translation.body) != expected:
                message = (
                    f"translations.{language}.body has {len(translation.body)} paragraphs but "
                    f"{article.path} has {expected} (one per non-blank line); align them one to one"
                )
                self.report(["translations", language, "body"], message, "alignment")

    def _anchor_quotes(self, briefing: Briefing, article: Article) -> tuple[Quote, ...]:
        digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
        cache = self.cache
        normalized = cache.remember("articles", digest, normalize, article.text)
        anchored = []
        for index, quote in enumerate(briefing.quotes):
            search = cache.remember("quotes", (digest, quote.text), find_quote, normalized, quote.text)
            anchor = self._pick_occurrence(["quotes", index], quote, search, article)
            anchored.append(replace(quote, anchor=anchor))
        return tuple(anchored)

    def _pick_occurrence(
        self, where: list[str | int], quote: Quote, search: QuoteSearch, article: Article
    ) -> TextQuoteAnchor | None:
        found = len(search.anchors)
        if found == 0:
            self.report([*where, "text"], _not_found_message(quote, search, article), "quote")
            return None
        if quote.occurrence is None and found > 1:
            lines = ", ".join(str(_line_of(article.text, a.start)) for a in search.anchors[:5])
            message = (
                f"quote occurs {found} times in {article.path} (lines {lines}); "
                f'add occurrence: "1" to "{found}" to say which one is meant'
            )
            self.report([*where, "text"], message, "quote")
            return None
        chosen = quote.occurrence or 1
        if chosen > found:
            message = f"occurrence {chosen} asked for, but the quote occurs {found} time{'s' if found > 1 else ''} in {article.path}"
            self.report([*where, "occurrence"], message, "quote")
            return None
        return search.anchors[chosen - 1]


def _not_found_message(quote: Quote, search: QuoteSearch, article: Article) -> str:
    suggestion = search.suggestion
    if suggestion is None:
        return "quote text is empty once elisions are removed"
    passage = article.text[suggestion.start : suggestion.end]
    line = _line_of(article.text, suggestion.start)
    column = suggestion.start - (article.text.rfind("\n", 0, suggestion.start) + 1) + 1
    where = f"{article.path}:{line}:{column}, {suggestion.similarity:g}% similar"
    if suggestion.missing_part is not None:
        head = f"part {_clip(suggestion.missing_part)!r} of this elided quote is not in the article after the parts before it"
    else:
        head = "quote not found in the article"
    return f"{head}; closest passage ({where}): {_clip(passage)!r}; copy the article's wording exactly"


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _clip(text: str, limit: int = 120) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
