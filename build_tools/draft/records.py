"""What a draft is made of, and the errors it can end with."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Article, IdentifiedBy, Problem
from .resolve import Publication, Resolved


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


#: a quoted passage of a paragraph: (mark start, text start, text end, mark end)
QuoteSpan = tuple[int, int, int, int]


@dataclass(frozen=True)
class Mention:
    """An actor named in the article: a registry name or alias on word boundaries, part of a
    person's name after the full name ("Mao" after "Mao Ning"), or a name from the list of states
    that the registry's actor does not list yet (`listed`)."""

    start: int
    end: int
    actor: str
    written: str
    person: bool
    listed: bool = False


@dataclass(frozen=True)
class Guess:
    """Who said a quote: a registry actor id, or an attribution to confirm (with the id of the new
    actor it names, if any); `how` says why."""

    speaker: str | None
    attribution: str | None
    how: str
    new_speaker: str | None = None


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
    new_speaker: str | None = None  # the id proposed for a speaker the registry does not know


@dataclass(frozen=True)
class DateDraft:
    resolved: Resolved
    line: int
    actors: tuple[str, ...]


@dataclass(frozen=True)
class NewActor:
    """A name the article uses that the registry does not know, with a guessed kind and id."""

    id: str
    name: str
    kind: str  # person | organization | state
    line: int  # where it is first named
    why: str  # what the kind is guessed from
    role: str | None = None  # the title written before a person's name: "Menteri Luar Negeri"
    aliases: tuple[str, ...] = ()  # other names the article uses for it


@dataclass(frozen=True)
class OutletDraft:
    """The outlet as drafted: a registry id (or a proposed one, `known` False), how the article
    identifies it, and why."""

    outlet: str | None
    by: IdentifiedBy
    text: str | None
    how: str
    known: bool = True


@dataclass(frozen=True)
class CreditDrafts:
    ids: tuple[str, ...]  # registry outlets the article cites
    notes: tuple[str, ...]  # where each was found
    unknown: tuple[str, ...]  # cited names no outlet record has


@dataclass(frozen=True)
class Findings:
    """Everything the draft found in the article, ready to be written out."""

    article: Article
    language: str
    language_note: str
    title: str
    title_note: str
    outlet: OutletDraft
    credits: CreditDrafts
    publication: Publication
    published_given: bool
    quotes: tuple[QuoteDraft, ...]
    dates: tuple[DateDraft, ...]
    unresolved: tuple[tuple[Resolved, int], ...]
    actor_ids: tuple[str, ...]
    actor_notes: dict[str, str]
    new_actors: tuple[NewActor, ...]


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
    new_actors: tuple[NewActor, ...]
    warnings: tuple[Problem, ...] = ()
