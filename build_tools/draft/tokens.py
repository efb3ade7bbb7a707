"""The words of an article's body as tokens with a class, and the chains they form.

A registry name, a region, a state (or its capital) or an institution is one token, the longest
first; every other word gets its class from the word lists: a title, an office word, an
organisation or place cue, a thing (event, document), a calendar word, a name, ... A chain is a
run of tokens separated by spaces only (a short form in parentheses goes on with it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from .dates import names as date_names
from .layout import Layout, Occupied
from .words import State, states, words

_WORD = re.compile(r"\w[\w'\u2019-]*")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_NUMERAL = re.compile(r"(?:I{1,3}|IV|V|VI{1,3}|IX|X)")
#: Indonesian abstract nouns (pe-...-an, ke-...-an): the portfolio of an office, not a name
_PORTFOLIO = re.compile(r"(?:pe[rmn]?|ke)\w{3,}an", re.IGNORECASE)
_OPENING = ("\u201c", '"', "\u00ab", "\u2018", "(")
_PRIORITY = ("known", "region", "state", "institution")
_CLOSING = re.compile(r"\s*\)")


@dataclass(frozen=True)
class Token:
    start: int  # offsets into the article text
    end: int
    text: str
    cls: str
    ref: str = ""  # the registry id ("known") or the state's English name ("state")
    capital: bool = False  # a state's capital, standing for the state
    person: bool = False  # a registry person ("known")


@lru_cache(maxsize=1)
def _fixed_patterns() -> tuple[tuple[str, re.Pattern[str], dict[str, tuple[State, bool]]], ...]:
    """Multi-word names found before words are split: regions, states (and capitals), institutions."""
    w = words()
    by_name: dict[str, tuple[State, bool]] = {}
    for state in states():
        for name in (state.name, *state.aliases):
            by_name.setdefault(name, (state, False))
        for capital in state.capitals:
            by_name.setdefault(capital, (state, True))

    def pattern(entries: list[str], flags: int = 0) -> re.Pattern[str]:
        ordered = sorted(entries, key=len, reverse=True)
        return re.compile(rf"(?<![\w-])(?:{'|'.join(re.escape(e) for e in ordered)})(?![\w-])", flags)

    return (
        ("region", pattern(list(w.regions), re.IGNORECASE), {}),
        ("state", pattern(list(by_name)), by_name),
        ("institution", pattern(list(w.institutions), re.IGNORECASE), {}),
    )


def tokens_between(
    layout: Layout, start: int, end: int, starts: set[int], lowercase: frozenset[str]
) -> list[Token]:
    """The words between start and end; a registry name, a region, a state or an institution is one
    token (the longest wins: "Dewan Atlantik Utara" is the registry's, "Laut China Selatan" a region)."""
    text = layout.text
    fixed = [
        Token(m.start, m.end, m.written, "known", m.actor, person=m.person)
        for m in layout.mentions
        if start <= m.start and m.end <= end
    ]
    for cls in ("region", "state", "institution"):
        fixed += [t for t in _fixed(text, start, end, cls) if text[t.start].isupper()]
    taken: list[Token] = []
    used = Occupied(start, end)
    for token in sorted(fixed, key=lambda t: (t.start - t.end, _PRIORITY.index(t.cls))):
        if used.take(token.start, token.end):
            taken.append(token)
    for match in _WORD.finditer(text, start, end):
        if used.take(match.start(), match.end()):
            taken.append(_word(text, match, starts, lowercase))
    return sorted(taken, key=lambda t: t.start)


def _fixed(text: str, start: int, end: int, cls: str) -> Iterator[Token]:
    for kind, pattern, by_name in _fixed_patterns():
        if kind != cls:
            continue
        for match in pattern.finditer(text, start, end):
            state, capital = by_name.get(match.group(), (None, False))
            ref = state.name if state else ""
            yield Token(match.start(), match.end(), match.group(), cls, ref, capital)


def _word(text: str, match: re.Match[str], starts: set[int], lowercase: frozenset[str]) -> Token:
    word, at = match.group(), match.start()
    return Token(at, match.end(), word, _class(text, word, at, starts, lowercase))


def _class(text: str, word: str, at: int, starts: set[int], lowercase: frozenset[str]) -> str:
    w = words()
    lowered = word.lower()
    if _NUMERAL.fullmatch(word):
        return "numeral"
    if (
        _ACRONYM.fullmatch(word)
        and sum(c.isupper() for c in word) >= 2
        and lowered not in w.organization_words
    ):
        credit_line = (at > 0 and text[at - 1] in "[/*") or text[at + len(word) : at + len(word) + 1] == "/"
        return "thing" if lowered in w.not_actor_acronyms or credit_line else "acronym"
    if not word[:1].isupper():
        for cls, entries in (
            ("connector", w.role_connectors), ("particle", w.name_particles),
            ("title", w.title_words), ("office", w.office_words),
        ):  # fmt: skip
            if lowered in entries:
                return cls
        return "lower"
    for cls, entries in (
        ("title", w.title_words), ("office", w.office_words), ("org", w.organization_words),
        ("place", w.place_words), ("thing", w.not_actor_words), ("generic", w.generic_words),
    ):  # fmt: skip
        if lowered in entries:
            return cls
    if lowered in date_names().months or lowered in date_names().weekdays:
        return "calendar"
    if _PORTFOLIO.fullmatch(word):
        return "office"
    initial = at in starts or (at > 0 and text[at - 1] in _OPENING)
    if lowered in w.common_words or (initial and lowered in lowercase):
        return "common"
    return "name"


def chains(text: str, tokens: list[Token]) -> Iterator[list[Token]]:
    """Tokens separated by spaces only; a short form in parentheses after a name goes on with it
    ("Gabungan Pengusaha Kelapa Sawit Indonesia (Gapki) Rina Kusuma") as an "alias" token."""
    chain: list[Token] = []
    for token in tokens:
        gap = text[chain[-1].end : token.start] if chain else ""
        if chain and is_capitalised(token) and re.fullmatch(r"\s*\(\s*", gap) and _closed(text, token.end):
            token = Token(token.start, token.end, token.text, "alias")
        elif chain and chain[-1].cls == "alias" and re.fullmatch(r"\s*\)\s+", gap):
            pass
        elif not (chain and gap.strip(" \u00a0") == ""):
            if chain:
                yield chain
            chain = []
        if token.cls == "lower":
            if chain:
                yield chain
            chain = []
        else:
            chain.append(token)
    if chain:
        yield chain


def _closed(text: str, end: int) -> bool:
    return _CLOSING.match(text, end) is not None


def is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper()
