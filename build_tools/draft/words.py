"""The word lists of `briefings new`, one data file per language in `words/` (package data), and
the list of states (`words/states.txt`).

A language's file holds sections (`[after_quote_verbs]`, `[title_words]`, ...) of entries separated
by commas (a line break is a space, so an entry may wrap); `#` starts a comment. The draft uses the
union of every language's lists, so that an Indonesian article quoting an English source is read
with both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from importlib import resources

LANGUAGES = ("id", "en")
_SECTION = re.compile(r"^\[(?P<name>[a-z_]+)\]$")


class WordsFileError(ValueError):
    """A word-list file of the package that does not follow the format (a bug, not user input)."""


@dataclass(frozen=True)
class Words:
    """Every list, lower case."""

    after_quote_verbs: frozenset[str]
    before_quote_verbs: frozenset[str]
    according_to: frozenset[str]
    phrase_stops: frozenset[str]
    auxiliaries: frozenset[str]
    leading_connectors: frozenset[str]
    relative_pronouns: frozenset[str]
    pronouns: frozenset[str]
    subject_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    role_words: frozenset[str]
    unnamed: frozenset[str]
    credit_cues: frozenset[str]
    title_words: frozenset[str]
    office_words: frozenset[str]
    organization_words: frozenset[str]
    organization_suffixes: frozenset[str]
    institutions: frozenset[str]
    place_words: frozenset[str]
    not_actor_words: frozenset[str]
    generic_words: frozenset[str]
    regions: frozenset[str]
    not_actor_acronyms: frozenset[str]
    name_particles: frozenset[str]
    role_connectors: frozenset[str]
    locatives: frozenset[str]
    common_words: frozenset[str]
    slug_stopwords: frozenset[str]


@dataclass(frozen=True)
class State:
    """A state of `words/states.txt`: its English name, its other names, and its capitals."""

    name: str
    aliases: tuple[str, ...]
    capitals: tuple[str, ...]


def parse_sections(text: str, source: str) -> dict[str, list[str]]:
    """The sections of one file, each a list of entries in order. Entries are separated by commas;
    a line break inside a section is a space, so that a long entry may wrap."""
    lines: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        header = _SECTION.match(line)
        if header:
            current = lines.setdefault(header.group("name"), [])
            continue
        if current is None:
            raise WordsFileError(f"{source}:{number}: an entry before the first [section]")
        current.append(line)
    return {
        name: [entry.strip().lower() for entry in " ".join(body).split(",") if entry.strip()]
        for name, body in lines.items()
    }


def read_data(name: str) -> str:
    """A data file of the package's `words/` folder."""
    return resources.files(__package__).joinpath("words", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def words() -> Words:
    merged: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for name, entries in parse_sections(read_data(f"{language}.txt"), f"{language}.txt").items():
            merged.setdefault(name, []).extend(entries)
    values: dict[str, frozenset[str]] = {}
    for field in fields(Words):
        if field.name not in merged:
            raise WordsFileError(f"no [{field.name}] section in any of {', '.join(LANGUAGES)}")
        values[field.name] = frozenset(merged.pop(field.name))
    if merged:
        raise WordsFileError(f"unknown sections: {', '.join(sorted(merged))}")
    return Words(**values)


@lru_cache(maxsize=1)
def states() -> tuple[State, ...]:
    """Every state of `words/states.txt`, in file order."""
    found: list[State] = []
    for number, raw in enumerate(read_data("states.txt").splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        fields_ = [part.strip() for part in line.split("|")]
        if len(fields_) > 3 or not fields_[0]:
            raise WordsFileError(f"states.txt:{number}: expected 'English name | other names | capitals'")
        fields_ += [""] * (3 - len(fields_))
        found.append(State(fields_[0], _listed(fields_[1]), _listed(fields_[2])))
    return tuple(found)


def _listed(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def alternatives(entries: frozenset[str]) -> str:
    """A regular-expression alternation of the entries, longest first."""
    return "|".join(re.escape(entry) for entry in sorted(entries, key=lambda e: (-len(e), e)))
