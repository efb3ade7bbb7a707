"""Validate stage: the rules that need more than one file, and quote anchoring (`quoting.py`).

`validate` takes what the load stage read (every file parsed and schema-checked on its own) and
returns every problem of the run together with the corpus of everything that passed: briefings
whose ids exist (with a did-you-mean), whose article is inside seeds/, whose translations are
aligned paragraph by paragraph and whose every quote is found verbatim in the article. It raises
nothing for content errors.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from .anchor import NormalizedText, normalize
from .articles import ArticleError, article_fingerprint, read_article
from .cache import Cache
from .explain import paragraph_hint
from .load import TOPICS_FILE, LoadedFile, LoadedRepository, SourceFile, load_repository
from .model import (
    Article,
    Briefing,
    BriefingRecord,
    Corpus,
    Position,
    Problem,
    Severity,
    TextQuoteAnchor,
    Topic,
)
from .outlets import OutletMarks, check_credits, check_identification, outlet_marks
from .positions import line_at, position_at
from .quoting import anchor_quotes
from .records import actor_record, briefing_record, outlet_record, story_record, topic_records
from .slugs import slugify
from .statements import check_statements, read_summary
from .suggest import closest, position
from .yamlstrict import JsonPath, YamlNode, locate

#: an event this many years or more after publication (or before it) must have its year written in
#: the article: a forecast is rarer than a look back, and a typed 2032 for 2023 is an easy slip
FAR_AFTER_YEARS = 2
FAR_BEFORE_YEARS = 10


@dataclass(frozen=True)
class ValidationResult:
    corpus: Corpus
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)


def validate_repository(root: Path, cache: Cache | None = None) -> ValidationResult:
    """Load and check every annotation file under `root`/briefings."""
    cache = cache if cache is not None else Cache()
    result = validate(load_repository(root, cache), cache)
    cache.forget_unused()
    return result


def validate(loaded: LoadedRepository, cache: Cache | None = None) -> ValidationResult:
    """Every problem of the loaded files and of the rules between them, and the valid corpus."""
    cache = cache if cache is not None else Cache()
    valid: dict[str, list[tuple[LoadedFile, YamlNode]]] = {}
    for file in loaded.files:
        if file.valid and file.tree is not None:
            valid.setdefault(file.source.kind, []).append((file, file.tree))

    def of_kind(kind: str) -> list[tuple[LoadedFile, YamlNode]]:
        return valid.get(kind, [])

    actors = {f.source.id: actor_record(tree, f.source) for f, tree in of_kind("actor")}
    stories = {f.source.id: story_record(tree, f.source) for f, tree in of_kind("story")}
    outlets = {f.source.id: outlet_record(tree, f.source) for f, tree in of_kind("outlet")}
    topics: dict[str, Topic] = {}
    for _, tree in of_kind("topics"):
        topics = topic_records(tree)
    known = known_ids((f.source for f in loaded.files), loaded.files)
    problems = list(loaded.problems)
    briefings: dict[str, Briefing] = {}
    root = loaded.root

    def check(file: LoadedFile, tree: YamlNode) -> tuple[Briefing | None, tuple[Problem, ...]]:
        checker = BriefingChecker(root, file.source.path, tree, known, cache)
        checked = checker.check(briefing_record(tree, file.source))
        return checked, tuple(checker.problems)

    folder_links: dict[str, bool] = {}  # for this run: whether each folder of seeds/ is a link
    for file, tree in of_kind("briefing"):
        key = check_key(root, file, known, cache, folder_links)
        briefing, found = cache.remember("briefings", key, check, file, tree)
        problems.extend(found)
        if briefing is not None:
            briefings.setdefault(briefing.slug, briefing)
    briefing_files = [f for f in loaded.files if f.source.kind == "briefing"]
    problems += former_slug_clashes(
        briefing_files, lambda f: (root / f.source.path).read_text("utf-8", "replace")
    )
    problems.extend(
        cache.remember(
            "statements", statements_key(loaded.files, known), statement_problems, loaded.files, known
        )
    )
    corpus = Corpus(briefings, actors, stories, topics, outlets)
    return ValidationResult(corpus, tuple(sorted(set(problems))))


def former_slug_clashes(files: Iterable[LoadedFile], text_of: Callable[[LoadedFile], str]) -> list[Problem]:
    """A former slug listed by two briefings: an old address can lead to one of them only. Found
    from the summaries; `text_of` gives a file's text to place the problem at the slug."""
    listed: dict[str, list[LoadedFile]] = {}
    for file in files:
        for ref in file.summary.refs:
            if ref.startswith("former:"):
                listed.setdefault(ref.removeprefix("former:"), []).append(file)
    problems = []
    for old, holders in sorted(listed.items()):
        if len(holders) < 2:
            continue
        for file in holders:
            others = ", ".join(h.source.path for h in holders if h is not file)
            at = _line_of_word(text_of(file), old)
            message = f"former slug '{old}' is also listed by {others}; an old address can lead to one briefing only"
            problems.append(Problem(file.source.path, at.line, at.column, message, "unique"))
    return problems


def _line_of_word(text: str, word: str) -> Position:
    """Where `word` stands alone in `text` after a `renamed_from` key (else at the start)."""
    key = text.find("renamed_from")
    match = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])").search(text, max(key, 0))
    return position_at(text, match.start()) if match else Position(1, 1)


def known_ids(sources: Iterable[SourceFile], files: Iterable[LoadedFile]) -> KnownIds:
    """The ids of every file read (even of files with errors), and from the summaries of the
    registry files the topic ids, the actors' names and what identifies each outlet."""
    ids: dict[str, set[str]] = {k: set() for k in ("actor", "story", "briefing", "topics", "outlet")}
    for source in sources:
        ids[source.kind].add(source.id)
    files = list(files)
    marks = outlet_marks(f for f in files if f.source.kind == "outlet" and f.valid)
    return KnownIds(
        actors=ids["actor"],
        stories=ids["story"],
        briefings=ids["briefing"],
        topics={name for f in files if f.source.kind == "topics" for name in f.summary.names},
        has_topics_file=bool(ids["topics"]),
        actor_names=_actor_name_index(
            (f.source.id, f.summary.names) for f in files if f.source.kind == "actor" and f.valid
        ),
        outlets=ids["outlet"],
        outlet_marks=marks,
        outlet_names=_actor_name_index((outlet_id, m.names) for outlet_id, m in marks.items()),
    )


def statement_problems(files: Iterable[LoadedFile], known: KnownIds) -> list[Problem]:
    """The rules between the quotes of different briefings (`statements`), read from the summaries
    of the schema-valid briefing files."""
    briefings = (
        read_summary(f.source.id, f.source.path, f.summary.statements)
        for f in files
        if f.source.kind == "briefing" and f.valid and f.summary.statements
    )
    return check_statements(briefings, known.briefings)


def statements_key(files: Iterable[LoadedFile], known: KnownIds) -> str:
    """A digest of what `statement_problems` reads: every briefing's summary of its quotes and links,
    and the briefings that exist (an edit that leaves them as they were, such as a new title, does
    not check the statements again)."""
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted((f for f in files if f.source.kind == "briefing"), key=lambda f: f.source.path):
        digest.update(f"{file.source.path}\0{file.valid}\0{file.summary.statements}\0".encode())
    digest.update("\0".join(sorted(known.briefings)).encode())
    return digest.hexdigest()


def check_key(
    root: Path,
    file: LoadedFile,
    known: KnownIds,
    cache: Cache | None = None,
    folder_links: dict[str, bool] | None = None,
) -> Hashable:
    """What a briefing's cross-file checks depend on: its bytes, its article's, and whether the
    ids it refers to exist (when one does not, the did-you-mean depends on every id and name)."""
    summary = file.summary
    refs = "known" if known.has_all(summary.refs) else known.digest
    # what identifies the outlets it names: the outlet and credit checks read them
    marks = tuple(
        known.outlet_marks.get(ref[len("outlet:") :]) for ref in summary.refs if ref.startswith("outlet:")
    )
    return (
        file.source.path,
        file.digest,
        article_fingerprint(root, summary.article, cache, folder_links),
        refs,
        marks,
    )


@dataclass(frozen=True)
class KnownIds:
    """Ids that exist, even where their own file has errors (so one error does not cascade)."""

    actors: set[str]
    stories: set[str]
    briefings: set[str]
    topics: set[str]
    has_topics_file: bool
    actor_names: Mapping[str, str]
    outlets: set[str]
    outlet_marks: Mapping[str, OutletMarks]
    """What identifies each outlet whose file is valid."""
    outlet_names: Mapping[str, str]

    def has(self, ref: str) -> bool:
        """Whether a summary's reference (`actor:x`, `story:y`, ...) names something that exists."""
        kind, _, name = ref.partition(":")
        if kind == "actor":
            return name in self.actors
        if kind == "topic":
            return self.has_topics_file and name in self.topics
        if kind == "former":  # a former slug is fine while no briefing has it now
            return name not in self.briefings
        if kind == "outlet":
            return name in self.outlets
        return name in (self.stories if kind == "story" else self.briefings)

    def has_all(self, refs: Collection[str]) -> bool:
        """Whether every reference exists (`has`), at set speed for those that name an id."""
        return self._existing.issuperset(refs) or all(self.has(ref) for ref in refs)

    @cached_property
    def _existing(self) -> frozenset[str]:
        """Every `kind:id` reference that `has` finds (all but `former:` ones)."""
        kinds = {
            "actor": self.actors,
            "story": self.stories,
            "briefing": self.briefings,
            "outlet": self.outlets,
        }
        if self.has_topics_file:
            kinds["topic"] = self.topics
        return frozenset(f"{kind}:{name}" for kind, names in kinds.items() for name in names)

    @cached_property
    def digest(self) -> bytes:
        """One short key for all of it: a briefing's cross-file checks depend on nothing else
        (computed once: every briefing with an unknown id asks for it)."""
        parts = (
            sorted(self.actors), sorted(self.stories), sorted(self.briefings), sorted(self.topics),
            self.has_topics_file, sorted(self.actor_names.items()), sorted(self.outlets),
            sorted(self.outlet_marks.items()), sorted(self.outlet_names.items()),
        )  # fmt: skip
        return hashlib.blake2b(repr(parts).encode("utf-8"), digest_size=16).digest()


def _actor_name_index(actors: Iterable[tuple[str, tuple[str, ...]]]) -> dict[str, str]:
    """slugified name or alias -> actor (or outlet) id, for did-you-mean on unknown ids."""
    index: dict[str, str] = {}
    for actor_id, names in actors:
        for name in names:
            index.setdefault(slugify(name), actor_id)
    return index


class BriefingChecker:
    """Cross-file rules for one schema-valid briefing; collects problems, returns it anchored."""

    def __init__(self, root: Path, path: str, tree: YamlNode, known: KnownIds, cache: Cache) -> None:
        self.root, self.path, self.tree, self.known, self.cache = root, path, tree, known, cache
        self.problems: list[Problem] = []

    def report(self, where: JsonPath, message: str, rule: str, severity: Severity = "error") -> None:
        at = locate(self.tree, where)
        self.problems.append(Problem(self.path, at.line, at.column, message, rule, severity))

    def check(self, record: BriefingRecord) -> Briefing | None:
        self._check_references(record)
        article = self._article(record)
        if article is None:
            return None
        self._check_translations(record, article)
        self._check_event_years(record, article)
        quotes = anchor_quotes(record, article, self._normalized(article), self.cache, self.report)
        outlet_anchor = self._check_source(record, article)
        if quotes is None or any(p.is_error for p in self.problems):
            return None
        return Briefing.anchored(record, article, quotes, outlet_anchor)

    # -- references -------------------------------------------------------------------------

    def _check_references(self, record: BriefingRecord) -> None:
        known = self.known
        if record.story is not None and record.story not in known.stories:
            self._unknown(["story"], "story", record.story, known.stories, "briefings/stories/")
        for index, topic in enumerate(record.topics):
            if not known.has_topics_file:
                self.report(["topics", index], f"topic '{topic}': there is no {TOPICS_FILE}", "reference")
            elif topic not in known.topics:
                self._unknown(["topics", index], "topic", topic, known.topics, TOPICS_FILE)
        listed: set[str] = set()
        all_known = all(role.id in known.actors for role in record.actors)
        for index, role in enumerate(record.actors):
            where: JsonPath = ["actors", index, "id"]  # the entry itself when it is a bare id
            if role.id in listed:
                self.report(where, f"actor '{role.id}' is listed twice", "unique")
            listed.add(role.id)
            self._check_actor(where, role.id)
        listed_or_none = listed if all_known else None  # a misspelt id above explains the rest
        self._check_outlets(record)
        self._check_quote_speakers(record, listed_or_none)
        for index, event in enumerate(record.dates):
            for at, actor in enumerate(event.actors):
                self._check_actor(["dates", index, "actors", at], actor, listed_or_none)
        for index, old in enumerate(record.renamed_from):
            if old == record.slug:
                self.report(
                    ["renamed_from", index], "a briefing's former slug cannot be its slug now", "reference"
                )
            elif old in known.briefings:
                message = f"'{old}' is the slug of briefings/{old}.yml now; one address cannot lead to two briefings"
                self.report(["renamed_from", index], message, "unique")
        for index, slug in enumerate(record.related):
            if slug == record.slug:
                self.report(["related", index], "a briefing cannot be related to itself", "reference")
            elif slug not in known.briefings:
                self._unknown(["related", index], "briefing", slug, known.briefings, "briefings/")

    def _check_outlets(self, record: BriefingRecord) -> None:
        source = record.source
        named: list[tuple[JsonPath, str | None]] = [(["source", "outlet"], source.outlet)]
        named += [(["source", "credits", index], credit) for index, credit in enumerate(source.credits)]
        folder = "briefings/outlets/"
        for where, outlet in named:
            if outlet is not None and outlet not in self.known.outlets:
                hint = self.known.outlet_names.get(slugify(outlet))
                self._unknown(where, "outlet", outlet, self.known.outlets, folder, hint)

    def _check_quote_speakers(self, record: BriefingRecord, listed: set[str] | None) -> None:
        seen: set[str] = set()
        for index, quote in enumerate(record.quotes):
            if quote.id in seen:
                self.report(
                    ["quotes", index],
                    f"quote id '{quote.id}' is used twice; give each quote its own id",
                    "unique",
                )
            seen.add(quote.id)
            if quote.speaker is not None:
                self._check_actor(["quotes", index, "speaker"], quote.speaker, listed)

    def _check_actor(self, where: JsonPath, actor: str, listed: set[str] | None = None) -> None:
        if actor not in self.known.actors:
            alias_hint = self.known.actor_names.get(slugify(actor))
            self._unknown(where, "actor", actor, self.known.actors, "briefings/actors/", alias_hint)
        elif listed is not None and actor not in listed:
            self.report(
                where, f"actor '{actor}' is not in this briefing's actors list; add it there", "reference"
            )

    def _unknown(
        self, where: JsonPath, kind: str, value: str, options: set[str], folder: str, hint: str | None = None
    ) -> None:
        close = hint or closest(value, options)
        suggestion = f"; did you mean '{close}'?" if close else ""
        self.report(where, f"unknown {kind} '{value}'{suggestion} (defined in {folder})", "reference")

    # -- article, translations, quotes ------------------------------------------------------

    def _article(self, record: BriefingRecord) -> Article | None:
        position = locate(self.tree, ["article"])
        cited_at = Problem(self.path, position.line, position.column, "", "article")
        try:
            return read_article(self.root, record.article_path, cited_at)
        except ArticleError as error:
            self.problems.append(error.problem)
            return None

    def _check_translations(self, record: BriefingRecord, article: Article) -> None:
        expected = len(article.paragraphs)
        for language, translation in record.translations.items():
            if language == record.language:
                self.report(
                    ["translations", language],
                    f"the article itself is in '{language}'; translations are into other languages",
                    "translation",
                )
            if len(translation.body) != expected:
                lines = [line_at(article.text, p.start) for p in article.paragraphs]
                hint = paragraph_hint(article.path, lines, article.paragraph_texts(), translation.body)
                message = (
                    f"translations.{language}.body has {len(translation.body)} paragraphs but "
                    f"{article.path} has {expected} (one per non-blank line){hint or '; align them one to one'}"
                )
                self.report(["translations", language, "body"], message, "alignment")

    def _check_event_years(self, record: BriefingRecord, article: Article) -> None:
        """A warning for an event years away from publication whose year the article never writes:
        often a typing slip (2032 for 2023), or a year the text does not support."""
        published = record.published.year
        for index, event in enumerate(record.dates):
            for date in (event.date.start, event.date.end):
                far = date is not None and (
                    date.year - published >= FAR_AFTER_YEARS or published - date.year >= FAR_BEFORE_YEARS
                )
                if date is None or not far or str(date.year) in article.text:
                    continue
                distance = (
                    f"{abs(date.year - published)} years {'after' if date.year > published else 'before'}"
                )
                message = (
                    f"{position('dates', index)}: {date.year} is {distance} publication ({published}) and "
                    f"the article does not mention {date.year}; check the year"
                )
                self.report(["dates", index, "date"], message, "date", "warning")
                break

    def _normalized(self, article: Article) -> tuple[bytes, NormalizedText]:
        digest = hashlib.blake2b(article.text.encode("utf-8"), digest_size=16).digest()
        return digest, self.cache.remember("articles", digest, normalize, article.text)

    def _check_source(self, record: BriefingRecord, article: Article) -> TextQuoteAnchor | None:
        """The outlet's identification found in the article, and credits the article names."""
        _, normalized = self._normalized(article)
        marks = self.known.outlet_marks
        anchor, findings = check_identification(
            record.source, marks.get(record.source.outlet or ""), article, normalized
        )
        findings += check_credits(record.source, marks, article, normalized)
        for finding in findings:
            self.report(finding.where, finding.message, "outlet")
        return anchor
