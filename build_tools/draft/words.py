"""The word lists of `briefings new`, one data file per language in `words/` (package data).

A file holds sections (`[after_quote_verbs]`, `[title_words]`, ...) of entries separated by commas
or line ends; `#` starts a comment. The draft uses the union of every language's lists, so that an Indonesian article quoting an English source is read with both.
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
    common_words: frozenset[str]
    slug_stopwords: frozenset[str]


def parse_sections(text: str, source: str) -> dict[str, list[str]]:
    """The sections of one file, each a list of entries in order."""
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        header = _SECTION.match(line)
        if header:
            current = sections.setdefault(header.group("name"), [])
            continue
        if current is None:
            raise WordsFileError(f"{source}:{number}: an entry before the first [section]")
        current.extend(entry.strip().lower() for entry in line.split(",") if entry.strip())
    return sections


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


def alternatives(entries: frozenset[str]) -> str:
    """A regular-expression alternation of the entries, longest first."""
    return "|".join(re.escape(entry) for entry in sorted(entries, key=lambda e: (-len(e), e)))
