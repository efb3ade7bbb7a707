"""A story across its outlets: which briefing carries which actors and which statements, the same
statement as each outlet worded it, and who credits whom. A pure function of the validated corpus
and its index (link stage); `render/compare.py` draws it.

A statement is a group of linked quotes (`statements.statement_groups`); on a story page only the
quotes of the story's own briefings count, so a statement is "reported by several" when at least
two of them carry it. A long story is compared on its newest briefings (`MAX_COLUMNS`): more
columns would not fit any screen, and the page would grow with the square of the story.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from .link import SiteIndex
from .model import Briefing, Corpus, Quote
from .statements import quote_key

#: the most briefings compared side by side: the story's newest
MAX_COLUMNS = 12


@dataclass(frozen=True)
class Report:
    """One briefing's wording of a statement."""

    briefing: str
    quote: Quote


@dataclass(frozen=True)
class Statement:
    key: str
    speaker: str | None
    attribution: str | None
    reports: tuple[Report, ...]  # in the story's order of briefings, then of the article

    @property
    def briefings(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(report.briefing for report in self.reports))

    @property
    def shared(self) -> bool:
        return len(self.briefings) > 1


@dataclass(frozen=True)
class ActorRow:
    """An actor across the story's briefings: per briefing, None when it is not featured, else the
    number of its quotes there (0: featured, not quoted)."""

    actor: str
    cells: tuple[int | None, ...]

    @property
    def carried_by(self) -> int:
        return sum(cell is not None for cell in self.cells)


@dataclass(frozen=True)
class Comparison:
    briefings: tuple[str, ...]  # the briefings compared, oldest first: the columns
    numbers: tuple[int, ...]  # the place of each in the story (1 is its first briefing)
    total: int  # how many briefings the story has
    outlets: tuple[str | None, ...]  # the outlet of each (None: not identified)
    actors: tuple[ActorRow, ...]  # the most widely featured first
    statements: tuple[Statement, ...]  # those reported by several briefings first
    credits: tuple[tuple[str, ...], ...]  # the outlets each briefing credits

    @property
    def outlet_count(self) -> int:
        """How many outlets the briefings come from (each unidentified one counts as one)."""
        return len({outlet or f"?{slug}" for slug, outlet in zip(self.briefings, self.outlets, strict=True)})


def statement_keys(story_id: str, corpus: Corpus, index: SiteIndex) -> tuple[str, ...]:
    """The statement each compared quote belongs to: what the comparison depends on besides the
    story's briefings (links between quotes may join through other stories). Cheaper than the
    comparison, for a preview that asks on every rebuild whether the story page changed."""
    groups = index.statements
    thread = index.by_story.get(story_id, ())
    keys = (
        quote_key(slug, quote.id)
        for slug in thread[max(0, len(thread) - MAX_COLUMNS) :]
        for quote in corpus.briefings[slug].quotes
    )
    return tuple(groups.get(key, key) for key in keys)


def compare_story(story_id: str, corpus: Corpus, index: SiteIndex) -> Comparison:
    thread = index.by_story.get(story_id, ())
    first = max(0, len(thread) - MAX_COLUMNS)
    slugs = thread[first:]
    briefings = [corpus.briefings[slug] for slug in slugs]
    return Comparison(
        briefings=slugs,
        numbers=tuple(range(first + 1, len(thread) + 1)),
        total=len(thread),
        outlets=tuple(b.source.outlet for b in briefings),
        actors=_actor_rows(briefings, corpus),
        statements=_statements(briefings, index.statements),
        credits=tuple(b.source.credits for b in briefings),
    )


def _actor_rows(briefings: list[Briefing], corpus: Corpus) -> tuple[ActorRow, ...]:
    order: dict[str, None] = {}
    for briefing in briefings:
        order.update((role.id, None) for role in briefing.actors)
    rows = []
    for actor in order:
        cells: list[int | None] = []
        for briefing in briefings:
            featured = any(role.id == actor for role in briefing.actors)
            cells.append(sum(q.speaker == actor for q in briefing.quotes) if featured else None)
        rows.append(ActorRow(actor, tuple(cells)))
    names = {actor: (corpus.actors[actor].name if actor in corpus.actors else actor) for actor in order}
    rows.sort(key=lambda r: (-r.carried_by, -sum(c or 0 for c in r.cells), names[r.actor].casefold()))
    return tuple(rows)


def _statements(briefings: list[Briefing], groups: Mapping[str, str]) -> tuple[Statement, ...]:
    reports: dict[str, list[Report]] = defaultdict(list)
    for briefing in briefings:
        for quote in sorted(briefing.quotes, key=lambda q: q.anchor.start):
            key = quote_key(briefing.slug, quote.id)
            reports[groups.get(key, key)].append(Report(briefing.slug, quote))
    statements = [
        Statement(key, entries[0].quote.speaker, entries[0].quote.attribution, tuple(entries))
        for key, entries in reports.items()
    ]
    first = {s.key: n for n, s in enumerate(statements)}
    statements.sort(key=lambda s: (not s.shared, -len(s.briefings), first[s.key]))
    return tuple(statements)
