"""`briefings new`: a first draft of a briefing, made from its article.

The draft holds what a machine can find: the language (py3langid), a title candidate, every quoted
passage with a guessed speaker, every date expression resolved against the publication date
(`dates.py`), the registry actors the article names and candidate new ones. Everything a person
must write or confirm holds a value starting with `TODO` (`validate.draft_value_problems` refuses them), and every
guess carries a comment saying where it came from. Structured guesses (dates, ids) are written as
real values so that `briefings validate` checks them (anchors, ids, calendar) from the start.

Nothing is ever overwritten: the file is created with O_EXCL. Library errors are typed:
`DraftUsageError` (a bad argument), `DraftError` (the content or the repository refuses).
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path, PurePosixPath

from .anchor import find_quote, normalize
from .articles import ArticleError, read_article
from .dates import (
    LEAD_PARAGRAPHS,
    DateError,
    Publication,
    Resolved,
    find_dates,
    find_publication,
    lead_reference,
    parse_published,
    resolve,
)
from .load import DRAFT_RULE, TODO, SourceFile, discover
from .model import Actor, ActorKind, Article, PartialDate, Problem
from .records import actor_record as actor_from
from .slugs import SLUG
from .yamlstrict import ParsedYaml, YamlLoadError, locate, parse_yaml, to_plain

MODELINE = "# yaml-language-server: $schema=../build_tools/schema/briefing.schema.json"
_COMMAND_LINE = "<command line>"
_SLUG_WORDS = 6
_SLUG_CHARS = 60

#: the day drafts are made; tests replace it so that guessed years do not move with the calendar
today: Callable[[], date] = date.today


class DraftUsageError(Exception):
    """A command-line argument that cannot be used (exit status 2)."""

    def __init__(self, message: str, param: str):
        super().__init__(message)
        self.param = param


class DraftError(Exception):
    """The article or the repository refuses the draft (exit status 1); `problem` says where."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


class DraftExists(DraftError):
    """The briefing file is already there; it is never overwritten."""


# -- what the draft is made of ---------------------------------------------------------------------


@dataclass(frozen=True)
class Mention:
    """An actor named in the article: registry name or alias, on word boundaries."""

    start: int
    end: int
    actor: str
    written: str
    person: bool


@dataclass(frozen=True)
class QuoteDraft:
    start: int  # the quoted text, without its marks (offsets into the article)
    end: int
    text: str
    line: int
    occurrence: int | None
    speaker: str | None
    attribution: str | None
    how: str


@dataclass(frozen=True)
class DateDraft:
    resolved: Resolved
    line: int
    actors: tuple[str, ...]


@dataclass(frozen=True)
class Draft:
    slug: str
    path: str  # briefings/<slug>.yml
    text: str
    language: str
    title: str
    published: str
    quotes: tuple[QuoteDraft, ...]
    dates: tuple[DateDraft, ...]
    actors: tuple[str, ...]
    new_actors: tuple[str, ...]
    warnings: tuple[Problem, ...] = ()


# -- the entry points ------------------------------------------------------------------------------


def make_draft(
    root: Path,
    article: str,
    *,
    slug: str | None = None,
    published: str | None = None,
    cwd: Path | None = None,
    today_is: date | None = None,
) -> Draft:
    """The draft for `article` (a path inside seeds/, relative to `cwd` or to `root`)."""
    root = root.resolve()
    given = None
    if published is not None:
        try:
            given = parse_published(published)
        except DateError as error:
            raise DraftUsageError(str(error), "--published") from None
    if slug is not None and not SLUG.fullmatch(slug):
        raise DraftUsageError(
            f"{slug!r} is not a slug: lower-case letters, digits and hyphens, not 'index'", "--slug"
        )
    relative = article_path(root, article, cwd)
    text = _read(root, relative)
    if not text.paragraphs:
        raise DraftError(
            Problem(relative, 1, 1, "the article is empty: there is nothing to draft", DRAFT_RULE)
        )
    registry = load_actors(root)
    taken = existing_briefings(root)
    if slug is not None:
        _refuse_existing(root, slug, taken)
    warnings = list(_already_annotated(root, relative, taken))
    builder = _Builder(relative, text, registry, given, today_is or today())
    result = builder.build()
    final_slug = slug or unique_slug(_slugify_title(result.title), taken)
    path = f"briefings/{final_slug}.yml"
    return Draft(
        slug=final_slug,
        path=path,
        text=result.render(),
        language=result.language,
        title=result.title,
        published=result.publication.published.iso(),
        quotes=tuple(result.quotes),
        dates=tuple(result.dates),
        actors=tuple(result.actor_ids),
        new_actors=tuple(name for name, _ in result.new_actors),
        warnings=tuple(warnings + builder.warnings),
    )


def write_draft(root: Path, draft: Draft) -> Path:
    """Create the draft's file; refuses (DraftExists) if anything is already at that path."""
    target = root / draft.path
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(draft.text)
    except FileExistsError:
        raise DraftExists(_exists_problem(draft.path)) from None
    return target


# -- arguments, files and the registry -------------------------------------------------------------


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


def _read(root: Path, relative: str) -> Article:
    cited_at = Problem(_COMMAND_LINE, 1, 1, "", "article")
    try:
        return read_article(root, relative, cited_at)
    except ArticleError as error:
        if error.problem.path == _COMMAND_LINE:
            raise DraftUsageError(error.problem.message, "ARTICLE") from None
        raise DraftError(error.problem) from None


def read_tree(root: Path, source: SourceFile) -> ParsedYaml:
    try:
        data = (root / source.path).read_bytes()
    except OSError as error:
        raise YamlLoadError(
            [Problem(source.path, 1, 1, f"cannot read the file: {error.strerror}", "io")]
        ) from None
    return parse_yaml(data, source.path)


def load_actors(root: Path) -> dict[str, Actor]:
    """The actor registry through the project's loader; files with errors are left out."""
    from .schemas import check_schema

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


def _exists_problem(path: str) -> Problem:
    message = (
        f"{path} already exists; a draft never overwrites a file: choose another --slug, or edit that file"
    )
    return Problem(path, 1, 1, message, DRAFT_RULE)


def _refuse_existing(root: Path, slug: str, taken: dict[str, SourceFile]) -> None:
    target = f"briefings/{slug}.yml"
    if os.path.lexists(root / target):
        raise DraftExists(_exists_problem(target))
    if slug in taken:
        message = f"the slug '{slug}' is already used by {taken[slug].path}; choose another --slug"
        raise DraftExists(Problem(taken[slug].path, 1, 1, message, DRAFT_RULE))


def _already_annotated(root: Path, relative: str, taken: dict[str, SourceFile]) -> Iterable[Problem]:
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


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


_SLUG_STOPWORDS = frozenset(
    [
        "yang",
        "di",
        "ke",
        "dari",
        "dan",
        "atau",
        "untuk",
        "terhadap",
        "dengan",
        "pada",
        "dalam",
        "itu",
        "ini",
        "akan",
        "telah",
        "sudah",
        "juga",
        "the",
        "a",
        "an",
        "of",
        "to",
        "in",
        "on",
        "for",
        "and",
        "or",
        "at",
        "by",
        "with",
        "from",
        "is",
        "are",
        "was",
        "were",
        "be",
        "has",
        "have",
    ]
)


def _slugify_title(title: str) -> str:
    words = [w for w in slugify(title).split("-") if w and w not in _SLUG_STOPWORDS]
    slug = ""
    for word in words[:_SLUG_WORDS]:
        if len(slug) + len(word) + 1 > _SLUG_CHARS:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug if slug and SLUG.fullmatch(slug) else "draft"


def unique_slug(base: str, taken: dict[str, SourceFile] | set[str]) -> str:
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


# -- language, dateline, title ---------------------------------------------------------------------


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, list[tuple[str, float]]]:
    """The article's language (ISO 639-1 code) and the best candidates with probabilities."""
    ranked = [(code, float(p)) for code, p in _identifier().rank(text)[:3]]
    return ranked[0][0], ranked


_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\u2019-]*[A-Z])(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"(?:\s*,\s*(?P<outlet>[\w-]+(?:\.[\w-]+)+))?\s*(?:\|\||[-\u2013\u2014:])\s+"
)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)")


def split_dateline(paragraph: str) -> tuple[int, str | None]:
    """Length of a leading dateline ("AMERIKA SERIKAT, informasiterpercaya.com || ") and the
    outlet it names, if any."""
    match = _DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match.group("place"))) < 2:
        return 0, None
    return match.end(), match.group("outlet")


def title_candidate(paragraph: str) -> str:
    """The first sentence, or its first clause when the sentence is long."""
    end = _SENTENCE_END.search(paragraph)
    sentence = paragraph[: end.start()] if end else paragraph
    sentence = sentence.strip()
    if len(sentence.split()) > 14 and "," in sentence:
        clause = sentence.split(",")[0].strip()
        if len(clause.split()) >= 4:
            sentence = clause
    return sentence


# -- quotes ----------------------------------------------------------------------------------------

_PAIRS = [
    re.compile(r"\u201c(?P<q>[^\u201c\u201d]*)(?:\u201d|$)"),  # “…” (an unclosed one runs to the end)
    re.compile(r"\u201e(?P<q>[^\u201e\u201c\u201d]*)[\u201c\u201d]"),  # „…“
    re.compile(r"\u00ab\s?(?P<q>[^\u00ab\u00bb]*?)\s?\u00bb"),  # «…»
    re.compile(r'"(?P<q>[^"]*)"'),
    # ‘…’ only where it is clearly a quote: not an apostrophe inside or after a word
    re.compile(r"(?<!\w)\u2018(?P<q>(?:[^\u2018\u2019]|\u2019(?=\w))*)\u2019(?!\w)"),
]
_MASK = "\u00b7"


def find_quotes(paragraph: str) -> list[tuple[int, int, int, int]]:
    """(mark start, text start, text end, mark end) of every quoted passage, in order; a quote
    inside another one is part of it."""
    spans: list[tuple[int, int, int, int]] = []
    for pattern in _PAIRS:
        for match in pattern.finditer(paragraph):
            start, end = match.span()
            if any(not (end <= s or start >= e) for s, _, _, e in spans):
                continue
            inner_start, inner_end = match.span("q")
            while inner_start < inner_end and paragraph[inner_start].isspace():
                inner_start += 1
            while inner_end > inner_start and paragraph[inner_end - 1].isspace():
                inner_end -= 1
            if re.search(r"\w", paragraph[inner_start:inner_end]):
                spans.append((start, inner_start, inner_end, end))
    return sorted(spans)


def mask_quotes(paragraph: str, spans: list[tuple[int, int, int, int]]) -> str:
    """The paragraph with every quote's inside blanked out, so that its words and full stops do
    not count as the surrounding sentence."""
    chars = list(paragraph)
    for _, inner_start, inner_end, _ in spans:
        chars[inner_start:inner_end] = _MASK * (inner_end - inner_start)
    return "".join(chars)


_SENTENCE_BREAK = re.compile(r"(?<=[.!?])[\"\u201d\u2019\u00bb]?\s+(?=[\"\u201c\u00ab\u2018(]?[A-Z0-9])")


def sentences(masked: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_BREAK.finditer(masked):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(masked)))
    return spans


_POST_VERBS = (
    "kata|ujar|ucap|cetus|tutur|tegas|jelas|imbuh|tambah|ungkap|sebut|lanjut|papar|terang|kilah|seru"
    "|pungkas|tukas|tulis|tanya|jawab"
)
_PRE_VERBS = (
    "mengatakan|menyatakan|berkata|berujar|mengungkapkan|menegaskan|menyebut|menyebutkan|menjelaskan"
    "|memperingatkan|mengingatkan|menambahkan|bersikeras|menekankan|mencatat|mengklaim|menilai"
    "|menuturkan|mengucapkan|menulis|menyampaikan|mengumumkan|bertanya|menjawab|berpendapat|mencuit"
)
_EN_VERBS = (
    "said|says|say|told|tells|added|adds|warned|warns|stated|states|noted|notes|argued|argues|insisted"
    "|explained|declared|wrote|writes|asked|replied|stressed|claimed|announced|tweeted"
)
_POST_NAME_FIRST = re.compile(rf"^[\s,.;:!?]*(?P<verb>{_POST_VERBS})(?P<nya>nya)?\b(?P<rest>[^.;!?]*)")
_POST_EN_VERB_FIRST = re.compile(rf"^[\s,.;:!?]*(?P<verb>{_EN_VERBS})\b(?P<rest>[^.;!?]*)")
_POST_EN_SUBJECT_FIRST = re.compile(
    rf"^[\s,.;:!?]*(?P<subject>(?:[A-Z][\w.'\u2019-]*\s+){{0,4}}[A-Z][\w.'\u2019-]*|he|she|they|it|we)\s+(?:{_EN_VERBS}|{_PRE_VERBS})\b"
)
_POST_ANYWHERE = re.compile(rf"(?:^|[\s,])(?P<verb>{_POST_VERBS})(?P<nya>nya)?\b(?P<rest>[^.;!?]*)")
_PRE_VERB = re.compile(rf"\b(?:{_PRE_VERBS}|{_EN_VERBS})\b")
_ACCORDING_TO = re.compile(r"\b(?:menurut|according to)\s+(?P<rest>[^,.;:\u00b7]+)", re.IGNORECASE)
_PHRASE_STOP = frozenset(
    [
        "setelah",
        "sebelum",
        "seusai",
        "usai",
        "kepada",
        "di",
        "dalam",
        "pada",
        "saat",
        "ketika",
        "kemarin",
        "hari",
        "dengan",
        "bahwa",
        "sebagaimana",
        "seperti",
        "yang",
        "karena",
        "saat",
        "sambil",
        "melalui",
        "dikutip",
        "to",
        "after",
        "before",
        "in",
        "at",
        "on",
        "during",
        "when",
        "while",
        "as",
        "that",
        "yesterday",
        "today",
        "according",
        "from",
        "with",
    ]
)
_AUXILIARIES = frozenset(
    [
        "dilaporkan",
        "disebut",
        "juga",
        "pun",
        "telah",
        "sudah",
        "pernah",
        "kembali",
        "lagi",
        "kemudian",
        "lalu",
        "hanya",
        "reportedly",
        "also",
        "has",
        "had",
        "have",
        "then",
        "later",
        "once",
        "again",
    ]
)
_PRONOUNS = frozenset(["dia", "ia", "beliau", "he", "she"])
_ROLE_WORDS = frozenset(
    [
        "presiden",
        "wakil",
        "perdana",
        "menteri",
        "kepala",
        "ketua",
        "sekjen",
        "sekretaris",
        "juru",
        "pemimpin",
        "kanselir",
        "raja",
        "ratu",
        "gubernur",
        "diplomat",
        "pejabat",
        "duta",
        "komandan",
        "jenderal",
        "president",
        "prime",
        "minister",
        "head",
        "chief",
        "leader",
        "secretary",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "chancellor",
        "king",
        "queen",
        "governor",
        "official",
        "the",
    ]
)
_UNNAMED = re.compile(
    r"\b(?:sumber|sumber-sumber|seseorang|seorang|analis|pengamat|warga|orang|sources?|someone|"
    r"analysts?|observers?|people|officials?|diplomats?|anonim|anonymous|unnamed|tidak disebutkan)\b",
    re.IGNORECASE,
)


@dataclass
class _Guess:
    speaker: str | None
    attribution: str | None
    how: str


# -- candidate new actors --------------------------------------------------------------------------

_TITLE_WORDS = frozenset(
    [
        "presiden",
        "wakil",
        "perdana",
        "menteri",
        "sekretaris",
        "jenderal",
        "sekjen",
        "kepala",
        "ketua",
        "juru",
        "bicara",
        "kanselir",
        "raja",
        "ratu",
        "pangeran",
        "gubernur",
        "wali",
        "duta",
        "besar",
        "dubes",
        "komandan",
        "panglima",
        "direktur",
        "dr",
        "prof",
        "bapak",
        "ibu",
        "pak",
        "bu",
        "ktt",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "general",
        "chancellor",
        "king",
        "queen",
        "prince",
        "governor",
        "mayor",
        "ambassador",
        "mr",
        "mrs",
        "ms",
        "sir",
        "senator",
        "director",
        "spokesperson",
        "chief",
    ]
)
_COMMON_WORDS = frozenset(
    [
        "dan",
        "atau",
        "namun",
        "tetapi",
        "untuk",
        "dalam",
        "pada",
        "ini",
        "itu",
        "mereka",
        "kami",
        "kita",
        "dia",
        "ia",
        "yang",
        "dengan",
        "meskipun",
        "walaupun",
        "sementara",
        "setelah",
        "sebelum",
        "ketika",
        "saat",
        "menurut",
        "dilansir",
        "seperti",
        "para",
        "sebuah",
        "salah",
        "sang",
        "the",
        "a",
        "an",
        "and",
        "but",
        "in",
        "on",
        "at",
        "for",
        "of",
        "this",
        "that",
        "these",
        "those",
        "he",
        "she",
        "they",
        "we",
        "it",
        "as",
        "after",
        "before",
        "when",
        "while",
        "according",
    ]
)
_CAPITALISED_RUN = re.compile(
    r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*(?:[ \u00a0]+[A-Z][\w'\u2019-]*)+(?![\w'\u2019-])"
)


# -- building --------------------------------------------------------------------------------------


@dataclass
class _Result:
    article: Article
    language: str
    language_note: str
    title: str
    outlet: str | None
    credits: list[str]
    publication: Publication
    published_given: bool
    quotes: list[QuoteDraft]
    dates: list[DateDraft]
    unresolved: list[tuple[Resolved, int]]
    actor_ids: list[str]
    actor_notes: dict[str, str]
    new_actors: list[tuple[str, int]]

    def render(self) -> str:
        return _render(self)


class _Builder:
    def __init__(
        self,
        relative: str,
        article: Article,
        registry: dict[str, Actor],
        given: PartialDate | None,
        today_is: date,
    ) -> None:
        self.relative = relative
        self.article = article
        self.text = article.text
        self.registry = registry
        self.given = given
        self.today = today_is
        self.warnings: list[Problem] = []
        self.paragraphs = article.paragraph_texts()
        self.offsets = [p.start for p in article.paragraphs]

    # positions

    def line_of(self, offset: int) -> int:
        return self.text.count("\n", 0, offset) + 1

    def column_of(self, offset: int) -> int:
        return offset - (self.text.rfind("\n", 0, offset) + 1) + 1

    def build(self) -> _Result:
        first = self.paragraphs[0] if self.paragraphs else ""
        dateline_end, outlet = split_dateline(first)
        self.dateline = (self.offsets[0], self.offsets[0] + dateline_end) if self.paragraphs else (0, 0)
        language, ranked = detect_language(self.text)
        shown = ", ".join(f"{code} {p:.2f}" for code, p in ranked if p >= 0.005)
        title = title_candidate(first[dateline_end:]) if first else ""
        self.mentions = self._mentions()
        self.masked, self.quote_spans, self.sentence_spans = self._structure()
        quotes = self._quotes()
        publication, dates, unresolved = self._dates()
        actor_ids, actor_notes = self._actor_list()
        return _Result(
            article=self.article,
            language=language,
            language_note=f"detected by py3langid ({shown})",
            title=title or "a title for the article",
            outlet=outlet,
            credits=self._credits(),
            publication=publication,
            published_given=self.given is not None,
            quotes=quotes,
            dates=dates,
            unresolved=unresolved,
            actor_ids=actor_ids,
            actor_notes=actor_notes,
            new_actors=self._new_actors(),
        )

    # actors named in the text

    def _mentions(self) -> list[Mention]:
        found: list[Mention] = []
        for actor in self.registry.values():
            for name in dict.fromkeys((actor.name, *actor.aliases)):
                pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
                for match in pattern.finditer(self.text):
                    if self.dateline[0] <= match.start() < self.dateline[1]:
                        continue  # "AMERIKA SERIKAT, outlet ||" is where it was written, not an actor
                    found.append(
                        Mention(match.start(), match.end(), actor.id, name, actor.kind is ActorKind.PERSON)
                    )
        return sorted(found, key=lambda m: (m.start, -m.end))

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]

    def _structure(
        self,
    ) -> tuple[list[str], list[list[tuple[int, int, int, int]]], list[list[tuple[int, int]]]]:
        masked, quotes, spans = [], [], []
        for paragraph in self.paragraphs:
            found = find_quotes(paragraph)
            quotes.append(found)
            masked_text = mask_quotes(paragraph, found)
            masked.append(masked_text)
            spans.append(sentences(masked_text))
        return masked, quotes, spans

    def _sentence_at(self, offset: int) -> tuple[int, int]:
        """Absolute span of the sentence holding `offset`."""
        for index, start in enumerate(self.offsets):
            end = start + len(self.paragraphs[index])
            if start <= offset <= end:
                for s, e in self.sentence_spans[index]:
                    if s <= offset - start <= e:
                        return start + s, start + e
                return start, end
        return offset, offset

    # quotes and speakers

    def _quotes(self) -> list[QuoteDraft]:
        normalized = normalize(self.text)
        drafts: list[QuoteDraft] = []
        self.last_speaker: str | None = None
        last_paragraph = -2
        for index, paragraph in enumerate(self.paragraphs):
            base = self.offsets[index]
            for mark_start, inner_start, inner_end, mark_end in self.quote_spans[index]:
                text = paragraph[inner_start:inner_end]
                start = base + inner_start
                search = find_quote(normalized, text)
                starts = [a.start for a in search.anchors]
                if start not in starts:  # cannot happen with the shared normalisation; keep it safe
                    self.warnings.append(
                        self._problem(start, f"quoted text {text!r} does not anchor; left out")
                    )
                    continue
                occurrence = starts.index(start) + 1 if len(starts) > 1 else None
                guess = self._speaker(index, mark_start, mark_end, last_paragraph == index - 1)
                if guess.speaker:
                    self.last_speaker = guess.speaker
                drafts.append(
                    QuoteDraft(
                        start, base + inner_end, text, self.line_of(start), occurrence,
                        guess.speaker, guess.attribution, guess.how,
                    )
                )  # fmt: skip
                last_paragraph = index
        return drafts

    def _speaker(self, index: int, mark_start: int, mark_end: int, follows_quote: bool) -> _Guess:
        masked = self.masked[index]
        base = self.offsets[index]
        sentence_start, sentence_end = next(
            (s, e) for s, e in self.sentence_spans[index] if s <= mark_start < e or s <= mark_start <= e
        )
        after = masked[mark_end:sentence_end]
        before = masked[sentence_start:mark_start]
        at = base + mark_start
        # 1. right after the quote: "…," kata Macron / katanya / said Kishida / Kishida said
        match = _POST_NAME_FIRST.match(after)
        if match:
            return self._from_verb(match, at, base + mark_end + match.start("rest"))
        match = _POST_EN_VERB_FIRST.match(after)
        if match:
            phrase = _cut_phrase(match.group("rest"))
            words = f"{match.group('verb')} {phrase}".strip()
            return self._from_phrase(phrase, at, words, base + mark_end + match.start("rest"))
        match = _POST_EN_SUBJECT_FIRST.match(after)
        if match:
            subject = match.group("subject")
            return self._from_phrase(
                subject, at, match.group().strip(" ,"), base + mark_end + match.start("subject")
            )
        # 2. before it, in the same sentence: "X mengatakan, “…”", "menurut X, “…”"
        verbs = list(_PRE_VERB.finditer(before))
        cues = list(_ACCORDING_TO.finditer(before))
        if cues and (not verbs or cues[-1].start() > verbs[-1].start()):
            cue = cues[-1]
            phrase = _cut_phrase(cue.group("rest"))
            return self._from_phrase(
                phrase, at, cue.group().strip(), base + sentence_start + cue.start("rest")
            )
        if verbs:
            verb = verbs[-1]
            subject, offset = _subject(before[: verb.start()])
            words = f"{subject} {verb.group()}".strip()
            return self._from_phrase(subject, at, words, base + sentence_start + offset)
        # 3. later in the sentence: "…" demikian kata dia
        match = _POST_ANYWHERE.search(after)
        if match:
            return self._from_verb(match, at, base + mark_end + match.start("rest"))
        # 4. a quote that fills its paragraph goes on from the quote before
        rest = (masked[:mark_start] + masked[mark_end:]).strip(" .,;:")
        if not rest and follows_quote and self.last_speaker:
            name = self.registry[self.last_speaker].name
            return _Guess(
                self.last_speaker, None, f"the paragraph is a quote: taken as {name}'s, like the one before"
            )
        return _Guess(None, f"{TODO}: who said this?", "no speaker named near the quote")

    def _from_verb(self, match: re.Match[str], at: int, rest_at: int) -> _Guess:
        verb = match.group("verb") + (match.group("nya") or "")
        if match.group("nya"):
            return self._anaphora(verb, at)
        phrase = _cut_phrase(match.group("rest"))
        return self._from_phrase(phrase, at, f"{verb} {phrase}".strip(), rest_at)

    def _from_phrase(self, phrase: str, at: int, words: str, phrase_at: int) -> _Guess:
        phrase = _trim_phrase(phrase)
        if not phrase:
            return self._anaphora(words, at)
        located = self.text.find(phrase, phrase_at)
        mentions = self._mentions_in(located, located + len(phrase)) if located >= 0 else []
        if mentions:
            best = max(mentions, key=lambda m: (m.person, m.end, m.end - m.start))
            return _Guess(best.actor, None, f"guessed from {words!r}")
        lowered = phrase.lower()
        if _UNNAMED.search(phrase):
            return _Guess(None, f"{TODO}: {phrase}", f"unnamed source: {words!r}")
        if lowered in _PRONOUNS or _is_role(phrase):
            return self._anaphora(words, at)
        return _Guess(None, f"{TODO}: {phrase}", f"{phrase!r} is not in briefings/actors/ ({words!r})")

    def _anaphora(self, words: str, at: int) -> _Guess:
        if self.last_speaker:
            name = self.registry[self.last_speaker].name
            return _Guess(self.last_speaker, None, f"{words!r} taken as the last named speaker, {name}")
        people = [m for m in self.mentions if m.person and m.end <= at]
        if people:
            actor = people[-1].actor
            name = self.registry[actor].name
            return _Guess(actor, None, f"{words!r} taken as the last person named before it, {name}")
        return _Guess(None, f"{TODO}: {words}", f"{words!r} names nobody this draft can resolve")

    # dates

    def _dates(self) -> tuple[Publication, list[DateDraft], list[tuple[Resolved, int]]]:
        found = find_dates(self.text)
        lead = self.paragraphs[:LEAD_PARAGRAPHS]
        lead_end = self.offsets[len(lead) - 1] + len(lead[-1]) if lead else 0
        if self.given is not None:
            publication = Publication(self.given, "", lead_reference(found, lead_end, self.given))
        else:
            guessed = find_publication(found, lead_end, self.today)
            if guessed is None:
                raise DraftUsageError(
                    "the first paragraphs give no date to take as the publication date; "
                    "pass --published YYYY, YYYY-MM or YYYY-MM-DD",
                    "--published",
                )
            publication = guessed
        drafts, unresolved = [], []
        for item in found:
            resolved = resolve(item, publication.reference)
            line = self.line_of(item.start)
            if resolved.warning:
                self.warnings.append(self._problem(item.start, resolved.warning, "warning"))
            if resolved.span is None:
                unresolved.append((resolved, line))
                continue
            s, e = self._sentence_at(item.start)
            actors = tuple(dict.fromkeys(m.actor for m in self._mentions_in(s, e)))
            drafts.append(DateDraft(resolved, line, actors))
        return publication, drafts, unresolved

    def _problem(self, offset: int, message: str, severity: str = "warning") -> Problem:
        return Problem(
            self.relative, self.line_of(offset), self.column_of(offset), message, "draft", severity
        )

    # actors

    def _actor_list(self) -> tuple[list[str], dict[str, str]]:
        order: dict[str, str] = {}
        for mention in self.mentions:
            if mention.actor not in order:
                order[mention.actor] = f"{mention.written!r}, line {self.line_of(mention.start)}"
        return list(order), order

    def _credits(self) -> list[str]:
        cue = re.compile(
            r"(?:kantor berita|dilansir(?: dari)?|dikutip dari|dihubungi|kepada|menurut|news agency|according to|told(?: the)?|reported by)\s+$",
            re.IGNORECASE,
        )
        credits: list[str] = []
        for mention in self.mentions:
            actor = self.registry[mention.actor]
            if actor.kind is not ActorKind.ORGANIZATION:
                continue
            if cue.search(self.text[max(0, mention.start - 30) : mention.start]):
                credits.append(mention.written)
        return list(dict.fromkeys(credits))

    def _new_actors(self) -> list[tuple[str, int]]:
        known = sorted(
            {name for a in self.registry.values() for name in (a.name, *a.aliases)}, key=len, reverse=True
        )
        lowercase_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*", self.text))
        from .dates import names as date_names

        calendar_words = set(date_names().months) | set(date_names().weekdays)
        found: dict[str, int] = {}
        for index, paragraph in enumerate(self.paragraphs):
            base = self.offsets[index]
            skip = self.dateline[1] - base if index == 0 else 0
            sentence_starts = {s for s, _ in self.sentence_spans[index]}
            for match in _CAPITALISED_RUN.finditer(paragraph):
                if match.start() < skip:
                    continue
                tokens = list(re.finditer(r"\S+", match.group()))
                keep: list[str | None] = []
                for position, token in enumerate(tokens):
                    word = token.group()
                    absolute = match.start() + token.start()
                    lowered = word.lower()
                    initial = absolute in sentence_starts or paragraph[max(0, absolute - 1) : absolute] in (
                        "\u201c", '"', "\u00ab", "\u2018",
                    )  # fmt: skip
                    common = lowered in _COMMON_WORDS or (initial and lowered in lowercase_words)
                    if (
                        (position == 0 and initial and common)
                        or lowered in _TITLE_WORDS
                        or lowered in calendar_words
                    ):
                        keep.append(None)
                    else:
                        keep.append(word)
                phrase_runs = _runs(keep)
                for run in phrase_runs:
                    for piece in _without_known(run, known):
                        if len(piece.split()) >= 2 and not piece.isupper():
                            found.setdefault(piece, self.line_of(base + match.start()))
        return list(found.items())


def _runs(words: list[str | None]) -> list[str]:
    runs: list[str] = []
    current: list[str] = []
    for word in words:
        if word is None:
            if current:
                runs.append(" ".join(current))
            current = []
        else:
            current.append(word)
    if current:
        runs.append(" ".join(current))
    return runs


def _without_known(phrase: str, known: list[str]) -> list[str]:
    for name in known:
        pattern = re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")
        if pattern.search(phrase):
            pieces = pattern.split(phrase)
            return [p for piece in pieces for p in _without_known(piece.strip(), known) if p]
    return [phrase] if phrase else []


def _cut_phrase(rest: str) -> str:
    """The words after a speech verb, up to a comma or a word that starts something else."""
    piece = re.split(r"[,.;:!?()\u00b7\"\u201c\u201d]", rest, maxsplit=1)[0]
    words: list[str] = []
    for word in piece.split():
        if word.lower() in _PHRASE_STOP:
            break
        words.append(word)
    return " ".join(words)


def _trim_phrase(phrase: str) -> str:
    words = phrase.strip(" ,.;:").split()
    while words and words[-1].lower() in _AUXILIARIES:
        words.pop()
    while words and words[0].lower() in ("dan", "namun", "tetapi", "sementara", "and", "but", "meanwhile"):
        words.pop(0)
    return " ".join(words)


def _subject(before_verb: str) -> tuple[str, int]:
    """The subject of a speech verb: the words before it, after the last comma (unless those
    are a relative clause), and the offset where they start."""
    pieces = [(m.start(), m.group()) for m in re.finditer(r"[^,]+", before_verb)]
    for offset, piece in reversed(pieces):
        stripped = piece.strip()
        if not stripped:
            continue
        if stripped.split()[0].lower() in ("yang", "who", "which"):
            continue
        return stripped, offset + (len(piece) - len(piece.lstrip()))
    return "", 0


def _is_role(phrase: str) -> bool:
    """A description that points back to someone named earlier: "presiden", "Kepala aliansi itu",
    "the president", "the alliance chief"."""
    words = phrase.split()
    if not words or len(words) > 5:
        return False
    if any(w[:1].isupper() for w in words[1:]):
        return False
    lowered = [w.lower() for w in words]
    return lowered[-1] in ("itu", "tersebut") or lowered[0] in _ROLE_WORDS


# -- rendering -------------------------------------------------------------------------------------


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _date_value(iso: str) -> str:
    return _q(iso) if re.fullmatch(r"\d{4}", iso) else iso


def _preview(paragraph: str, words: int = 8) -> str:
    parts = paragraph.split()
    return " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "")


def _render(result: _Result) -> str:
    article = result.article
    language = result.language
    out: list[str] = [
        MODELINE,
        f"# DRAFT written by `briefings new {article.path}`. Every value that starts with {TODO}",
        '# must be confirmed (delete the "TODO: " prefix) or replaced before the briefing is published;',
        "# the comments say where each guess (language, dates, speakers, actors) comes from. Then run",
        "# `.venv/bin/briefings validate`.",
        f"article: {article.path}",
        f"language: {_q(f'{TODO}: {language}')}  # {result.language_note}",
        f"title: {_q(f'{TODO}: {result.title}')}  # candidate from the first paragraph; write the headline",
    ]
    publication = result.publication
    note = "given on the command line" if result.published_given else publication.note
    out.append(f"published: {_date_value(publication.published.iso())}  # {_comment(note)}")
    out.append("source:")
    if result.outlet:
        out.append(f"  outlet: {_q(result.outlet)}  # from the dateline")
    else:
        out.append(f"  outlet: {_q(f'{TODO}: the outlet that published the article')}")
    if result.credits:
        out.append(
            f"  # credits: [{', '.join(result.credits)}]  # cited in the article: confirm and uncomment"
        )
    out.append("# story: an id from briefings/stories/, if the article belongs to one")
    out.append("# topics: [ids from briefings/topics.yml]")
    out.append("summary:")
    out.append(f"  en: {_q(f'{TODO}: summarise the article in English')}")
    if language != "en":
        out.append(f"  {language}: {_q(f'{TODO}: summarise the article in its own language ({language})')}")
    if language != "en":
        out.append("translations:")
        out.append("  en:")
        out.append(f"    title: {_q(f'{TODO}: translate the title')}")
        out.append("    body:  # one entry per paragraph of the article, in order")
        for number, paragraph in enumerate(article.paragraph_texts(), start=1):
            out.append(
                f"      - {_q(f'{TODO}: translate paragraph {number}')}  # {_comment(_preview(paragraph))}"
            )
    out.append("actors:  # the registry names and aliases the article uses; add the actors it only implies")
    for actor in result.actor_ids:
        out.append(f"  - {actor}  # {_comment(result.actor_notes[actor])}")
    if not result.actor_ids:
        out.append(f"  - {_q(f'{TODO}: an id from briefings/actors/')}")
    out.extend(_new_actor_block(result.new_actors))
    if result.quotes:
        out.append("quotes:")
        for quote in result.quotes:
            out.append(f"  - text: {_q(quote.text)}  # line {quote.line}")
            if quote.occurrence is not None:
                out.append(f"    occurrence: {_q(str(quote.occurrence))}  # the text occurs more than once")
            if quote.speaker:
                out.append(f"    speaker: {quote.speaker}  # {_comment(quote.how)}")
            else:
                out.append(
                    f"    attribution: {_q(quote.attribution or TODO)}  # {_comment(quote.how)}; say who, or use speaker: <actor id>"
                )
            out.append("    translations:")
            if language == "en":
                out.append(f"      en: {_q(quote.text)}")
            else:
                out.append(f"      en: {_q(f'{TODO}: translate the quote')}")
    if result.dates or result.unresolved:
        out.append("dates:" if result.dates else "# dates:")
        for item in result.dates:
            resolved = item.resolved
            assert resolved.span is not None
            where = f"{resolved.found.text!r}, line {item.line}: {resolved.how}"
            if resolved.warning:
                where += f"; WARNING: {resolved.warning}"
            out.append(f"  - date: {_date_value(resolved.span.iso())}  # {_comment(where)}")
            out.append("    event:")
            out.append(f"      en: {_q(f'{TODO}: what happened on this date')}")
            if language != "en":
                out.append(f"      {language}: {_q(f'{TODO}: the same in {language}')}")
            if item.actors:
                out.append(
                    f"    actors: [{', '.join(item.actors)}]  # named in the same sentence; keep those involved"
                )
        for resolved, line in result.unresolved:
            out.append(
                f"  # not resolved: {_comment(repr(resolved.found.text))}, line {line}: {_comment(resolved.how)}"
            )
    return "\n".join(out) + "\n"


def _new_actor_block(candidates: list[tuple[str, int]]) -> list[str]:
    if not candidates:
        return ["# No names outside briefings/actors/ were found."]
    lines = [
        "# Possible new actors: capitalised names that briefings/actors/ does not know. For each one",
        "# that matters, create its file (this shell command does it; set `kind`), then add its id",
        "# to `actors` above:",
    ]
    for name, line in candidates:
        actor_id = slugify(name) or "new-actor"
        lines += [
            "#",
            f"#   {name} (line {line}):",
            f"#   cat > briefings/actors/{actor_id}.yml <<'EOF'",
            "#   # yaml-language-server: $schema=../../build_tools/schema/actor.schema.json",
            f"#   name: {_q(name)}",
            "#   kind: person  # person, organization or state",
            "#   description:",
            f"#     en: {_q(f'{TODO}: who or what {name} is')}",
            "#   EOF",
        ]
    return lines
