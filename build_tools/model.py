"""Plain typed data that flows one way through the pipeline: load -> validate -> link -> render.

Nothing here knows YAML, JSON Schema or MkDocs. Every record is frozen; text from contributors is
kept exactly as written (Markdown fields are rendered later, plain fields escaped later).

Two stages of a briefing have two types: the load stage builds a `BriefingRecord` (what the YAML
says, with quotes as `QuoteRecord`s), and validation turns it into a `Briefing`, whose article has
been read and whose every quote has been found in it (`Quote.anchor`). Nothing downstream of
validation sees an unanchored quote or a briefing without its article.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import Literal

#: language code (BCP 47) -> text in that language
Localized = Mapping[str, str]
#: how bad a problem is: errors stop a build, warnings are printed
Severity = Literal["error", "warning"]


@dataclass(frozen=True, order=True)
class Position:
    """A 1-based line and column (in code points) inside a source file."""

    line: int
    column: int


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the input, located so that an editor can jump to it."""

    path: str
    line: int
    column: int
    message: str
    rule: str = ""
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class Precision(StrEnum):
    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, order=True)
class PartialDate:
    """A calendar date known to a year, a month or a day; ordering sorts by the earliest day."""

    year: int
    month: int = 0
    day: int = 0

    @property
    def precision(self) -> Precision:
        if self.day:
            return Precision.DAY
        return Precision.MONTH if self.month else Precision.YEAR

    def iso(self) -> str:
        if self.day:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass(frozen=True, order=True)
class DateSpan:
    """A date or an interval `start/end` as written; `end` is None for a single date."""

    start: PartialDate
    end: PartialDate | None = None

    def iso(self) -> str:
        return self.start.iso() + (f"/{self.end.iso()}" if self.end else "")


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of an article: one non-blank line, as code-point offsets into the text."""

    start: int
    end: int


@dataclass(frozen=True)
class Article:
    path: str
    text: str
    paragraphs: tuple[Paragraph, ...]

    def paragraph_texts(self) -> list[str]:
        return [self.text[p.start : p.end] for p in self.paragraphs]


@dataclass(frozen=True)
class TextQuoteAnchor:
    """Where a quote sits in its article (W3C Web Annotation TextQuoteSelector + positions).

    `spans` are code-point offsets into the article text, one per part of an elided quote.
    """

    exact: str
    prefix: str
    suffix: str
    spans: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]


@dataclass(frozen=True)
class StatementLink:
    """A quote's link to the same statement as reported in another briefing: `briefing#quote`."""

    briefing: str
    quote: str
    position: Position = Position(0, 0)

    def key(self) -> str:
        return f"{self.briefing}#{self.quote}"


@dataclass(frozen=True, kw_only=True)
class _QuoteFields:
    """What a quote says, before and after it is found in the article."""

    id: str
    text: str
    translations: Localized
    speaker: str | None = None
    attribution: str | None = None
    context: Localized | None = None
    same_statement: tuple[StatementLink, ...] = ()
    position: Position = Position(0, 0)


@dataclass(frozen=True, kw_only=True)
class QuoteRecord(_QuoteFields):
    """A quote as the annotation writes it, before it has been looked for in the article."""

    occurrence: int | None = None


@dataclass(frozen=True, kw_only=True)
class Quote(_QuoteFields):
    """A quote found in its article: `anchor` says where."""

    anchor: TextQuoteAnchor

    @classmethod
    def anchored(cls, record: QuoteRecord, anchor: TextQuoteAnchor) -> Quote:
        shared = {f.name: getattr(record, f.name) for f in fields(_QuoteFields)}
        return cls(anchor=anchor, **shared)


@dataclass(frozen=True)
class DatedEvent:
    date: DateSpan
    event: Localized
    actors: tuple[str, ...] = ()
    position: Position = Position(0, 0)


@dataclass(frozen=True)
class ActorRole:
    """An actor as featured in one briefing, with the role it plays there."""

    id: str
    role: Localized | None = None
    position: Position = Position(0, 0)


class IdentifiedBy(StrEnum):
    """How an article shows which outlet published it."""

    NAME = "name"  # the outlet's name (or an alias) written in the text
    DATELINE = "dateline"  # its dateline, e.g. "informasiterpercaya.com ||"
    SIGNATURE = "signature"  # the mark it signs its articles with, e.g. "[IT/r]"
    UNIDENTIFIED = "unidentified"  # nothing in the text says


@dataclass(frozen=True)
class Identification:
    """What in the article identifies its outlet: `text` as the article writes it (None when
    unidentified), one of the names, datelines or signatures the outlet's record lists."""

    by: IdentifiedBy
    text: str | None = None


@dataclass(frozen=True)
class Source:
    """The outlet (an id from briefings/outlets/, None when the article does not say) and the
    agencies and outlets it credits (ids too)."""

    outlet: str | None
    url: str | None = None
    credits: tuple[str, ...] = ()
    identified: Identification = Identification(IdentifiedBy.UNIDENTIFIED)


@dataclass(frozen=True)
class Translation:
    title: str | None = None
    body: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class _BriefingFields:
    """What a briefing's YAML file says besides its article and quotes."""

    slug: str
    path: str
    language: str
    title: str
    published: PartialDate
    source: Source
    summary: Localized
    actors: tuple[ActorRole, ...]
    story: str | None = None
    topics: tuple[str, ...] = ()
    translations: Mapping[str, Translation] = field(default_factory=dict)
    dates: tuple[DatedEvent, ...] = ()
    related: tuple[str, ...] = ()
    renamed_from: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class BriefingRecord(_BriefingFields):
    """A briefing as its YAML file says, before its article is read and its quotes are found."""

    article_path: str
    quotes: tuple[QuoteRecord, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Briefing(_BriefingFields):
    """A validated briefing: its article read, every quote anchored in it."""

    article: Article
    quotes: tuple[Quote, ...] = ()
    outlet_anchor: TextQuoteAnchor | None = None
    """Where the article shows its outlet (`source.identified.text`), when it does."""

    @classmethod
    def anchored(
        cls,
        record: BriefingRecord,
        article: Article,
        quotes: tuple[Quote, ...],
        outlet_anchor: TextQuoteAnchor | None = None,
    ) -> Briefing:
        shared = {f.name: getattr(record, f.name) for f in fields(_BriefingFields)}
        return cls(article=article, quotes=quotes, outlet_anchor=outlet_anchor, **shared)

    def title_in(self, language: str) -> str:
        """The title in `language` where there is one, else the original title."""
        if language == self.language:
            return self.title
        translation = self.translations.get(language)
        return translation.title if translation and translation.title else self.title


class ActorKind(StrEnum):
    PERSON = "person"
    ORGANIZATION = "organization"
    STATE = "state"


@dataclass(frozen=True)
class Actor:
    id: str
    path: str
    name: str
    kind: ActorKind
    description: Localized
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None


class OutletKind(StrEnum):
    NEWS_AGENCY = "news-agency"
    NEWSPAPER = "newspaper"
    ONLINE = "online"
    BROADCASTER = "broadcaster"


@dataclass(frozen=True)
class Outlet:
    """A publisher of articles, and the names, datelines and signatures that identify it."""

    id: str
    path: str
    name: str
    kind: OutletKind
    description: Localized
    country: str | None = None
    languages: tuple[str, ...] = ()
    website: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    signatures: tuple[str, ...] = ()
    datelines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Story:
    id: str
    path: str
    title: Localized
    summary: Localized


@dataclass(frozen=True)
class Topic:
    id: str
    title: Localized


@dataclass(frozen=True)
class Corpus:
    """Everything validated in one run, keyed by id."""

    briefings: Mapping[str, Briefing]
    actors: Mapping[str, Actor]
    stories: Mapping[str, Story]
    topics: Mapping[str, Topic]
    outlets: Mapping[str, Outlet] = field(default_factory=dict)
