"""The actors of a draft: the registry actors the article names, the organisations it credits, and
the names the registry does not know, put together as new actors with a guessed kind and id.

A shorter form of a name found in the same article is the same actor ("Ahmad Farid" and "Farid"
after "Ahmad Farid Ismail"; "IMF" after "Dana Moneter Internasional (IMF)"); a state is proposed
once, under its English name, with the names the article uses as aliases; a state or a capital
named only as a place ("di Swiss", "ke Riyadh") is not proposed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from ..model import Actor, ActorKind
from .layout import Layout
from .names import Occurrence
from .records import Mention, NewActor
from .repository import slugify
from .slugs import unique_slug
from .words import alternatives, words


@lru_cache(maxsize=1)
def _credit_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternatives(words().credit_cues)})\s+$", re.IGNORECASE)


def cited(layout: Layout, start: int) -> bool:
    """Whether the name at `start` is cited as a source: "dilansir kantor berita AFP"."""
    return bool(_credit_cue().search(layout.text[max(0, start - 30) : start]))


def actor_list(layout: Layout) -> tuple[list[str], dict[str, str]]:
    """The registry actors named, in order of first mention, with where each was first named."""
    order: dict[str, str] = {}
    for mention in layout.mentions:
        if mention.actor not in order:
            note = f"{mention.written!r}, line {layout.line_of(mention.start)}"
            if mention.listed:
                note += f" (a name from the list of states: add it to the aliases of {mention.actor})"
            order[mention.actor] = note
    return list(order), order


def credits(layout: Layout, registry: dict[str, Actor], candidates: Iterable[NewActor]) -> list[str]:
    """Organisations the article cites as its source ("dilansir kantor berita AFP")."""
    found: list[str] = []
    for mention in layout.mentions:
        if registry[mention.actor].kind is ActorKind.ORGANIZATION and cited(layout, mention.start):
            found.append(mention.written)
    found += [c.name for c in candidates if c.why.startswith("cited as a source")]
    return list(dict.fromkeys(found))


@dataclass(frozen=True)
class Candidates:
    """The new actors, and where the article names each of them (for speakers and dates)."""

    actors: tuple[NewActor, ...]
    mentions: tuple[Mention, ...]


#: the longest part of a person's name that is looked up ("Ahmad Farid" in "Ahmad Farid Ismail")
_PART_WORDS = 4


@dataclass
class _Entity:
    name: str
    kind: str
    why: str
    start: int
    role: str | None = None
    aliases: list[str] = field(default_factory=list)
    spans: list[tuple[int, int, str]] = field(default_factory=list)

    def add(self, item: Occurrence) -> None:
        self.start = min(self.start, item.start)
        self.spans.append((item.start, item.end, item.name))


def new_actors(layout: Layout, registry: dict[str, Actor], occurrences: list[Occurrence]) -> Candidates:
    """The new actors among the names found (`names.find_names`)."""
    things = {_key(o.name) for o in occurrences if o.kind == "thing"}
    occurrences = [o for o in occurrences if _key(o.name) not in things]
    short = {o.alias for o in occurrences if o.alias} | {o.name for o in occurrences if o.why == "an acronym"}
    found = _Entities(layout)
    found.add_persons([_without_org(o, short) for o in occurrences if o.kind == "person"])
    found.add_organizations([o for o in occurrences if o.kind == "organization"])
    found.add_states([o for o in occurrences if o.kind == "state"])
    found.add_singles([o for o in occurrences if o.kind == "single"])
    taken = set(registry)
    actors: list[NewActor] = []
    mentions: list[Mention] = []
    for entity in sorted(found.entities.values(), key=lambda e: e.start):
        actor_id = unique_slug(_id_of(entity), taken)
        taken.add(actor_id)
        aliases = tuple(a for a in dict.fromkeys(entity.aliases) if a != entity.name)
        line = layout.line_of(entity.start)
        actors.append(NewActor(actor_id, entity.name, entity.kind, line, entity.why, entity.role, aliases))
        person = entity.kind == "person"
        mentions += [Mention(s, e, actor_id, written, person) for s, e, written in entity.spans]
    return Candidates(tuple(actors), tuple(sorted(mentions, key=lambda m: m.start)))


def _key(name: str) -> str:
    return " ".join(name.replace(".", " ").split()).casefold()


def _without_org(item: Occurrence, short: set[str]) -> Occurrence:
    """A person's first word that is an organisation's short form found in the article goes to
    the role: "Ketua Kadin Budi Setiadi" is Budi Setiadi."""
    first, _, rest = item.name.partition(" ")
    if first not in short or len(rest.split()) < 2:
        return item
    role = f"{item.role} {first}" if item.role else first
    return replace(
        item, start=item.start + len(first) + 1, name=rest, role=role, why=f"after the title {role!r}"
    )


class _Entities:
    """The new actors by key, with indexes (a person by each word of its name, an organisation by
    its short forms) so that an article with thousands of names is read in linear time."""

    def __init__(self, layout: Layout) -> None:
        self.layout = layout
        self.entities: dict[str, _Entity] = {}
        #: every run of up to _PART_WORDS words of a person's name -> the first person with it
        self.persons_by_part: dict[tuple[str, ...], _Entity] = {}
        self.organizations_by_alias: dict[str, _Entity] = {}

    def _entity(self, name: str, kind: str, why: str, start: int) -> _Entity:
        key = _key(name)
        if key not in self.entities:
            entity = self.entities[key] = _Entity(name, kind, why, start)
            if kind == "person":
                words_ = key.split()
                for size in range(1, min(_PART_WORDS, len(words_)) + 1):
                    for i in range(len(words_) - size + 1):
                        self.persons_by_part.setdefault(tuple(words_[i : i + size]), entity)
        return self.entities[key]

    def _person_with(self, part: list[str]) -> _Entity | None:
        """The first person found whose name holds these words in a run."""
        if len(part) <= _PART_WORDS:
            return self.persons_by_part.get(tuple(part))
        entity = self.entities.get(" ".join(part))
        return entity if entity is not None and entity.kind == "person" else None

    def add_persons(self, found: list[Occurrence]) -> None:
        """Persons by name; a name that is part of a longer one found in the article is that person."""
        for item in sorted(found, key=lambda o: -len(o.name.split())):
            owner = self._person_with(_key(item.name).split()) or self._entity(
                item.name, "person", item.why, item.start
            )
            if item.role and not owner.role:
                owner.role, owner.why = item.role, item.why
            owner.add(item)

    def add_organizations(self, found: list[Occurrence]) -> None:
        for item in sorted(found, key=lambda o: (o.why == "an acronym", o.start)):
            owner = self.organizations_by_alias.get(_key(item.name)) or self._entity(
                item.name, "organization", item.why, item.start
            )
            if item.alias:
                owner.aliases.append(item.alias)
                self.organizations_by_alias.setdefault(_key(item.alias), owner)
            owner.add(item)

    def add_states(self, found: list[Occurrence]) -> None:
        """A state once, named in English; only when the article names it other than as a place."""
        acting = {o.state.name for o in found if o.state is not None and not o.locative}
        for item in found:
            if item.state is None or item.state.name not in acting or item.locative:
                continue
            owner = self._entity(item.state.name, "state", item.why, item.start)
            if not item.why.startswith("a capital"):
                owner.why = "in the list of states"
            owner.aliases.append(item.name)
            owner.add(item)

    def add_singles(self, found: list[Occurrence]) -> None:
        """One capitalised word: part of a person's name found in the article, or an organisation
        cited as a source ("dilansir kantor berita Reuters"); anything else is left out."""
        for item in found:
            person = self._person_with([_key(item.name)])
            if person is not None:
                person.add(item)
            elif cited(self.layout, item.start):
                cue = _credit_cue().search(self.layout.text[max(0, item.start - 30) : item.start])
                why = f"cited as a source ({cue.group().strip()!r})" if cue else "cited as a source"
                self._entity(item.name, "organization", why, item.start).add(item)


def _id_of(entity: _Entity) -> str:
    """A state's English name, an organisation's acronym when it has one, else the name."""
    acronyms = [a for a in entity.aliases if a.isupper() and len(a) >= 2]
    if entity.kind == "organization" and acronyms and not entity.name.isupper():
        return slugify(acronyms[0]) or "new-actor"
    return slugify(entity.name) or "new-actor"
