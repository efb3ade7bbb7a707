"""The actors of a draft: registry actors the article names, organisations it credits, and
capitalised names the registry does not know (candidate new actors)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Actor, ActorKind
from .dates import names as date_names
from .layout import Layout
from .records import NewActor
from .words import alternatives, words

_CAPITALISED_RUN = re.compile(
    r"(?<![\w'\u2019-])[A-Z][\w'\u2019-]*(?:[ \u00a0]+[A-Z][\w'\u2019-]*)+(?![\w'\u2019-])"
)
_OPENING_MARKS = ("\u201c", '"', "\u00ab", "\u2018")


@lru_cache(maxsize=1)
def _credit_cue() -> re.Pattern[str]:
    return re.compile(rf"(?:{alternatives(words().credit_cues)})\s+$", re.IGNORECASE)


def actor_list(layout: Layout) -> tuple[list[str], dict[str, str]]:
    """The registry actors named, in order of first mention, with where each was first named."""
    order: dict[str, str] = {}
    for mention in layout.mentions:
        if mention.actor not in order:
            order[mention.actor] = f"{mention.written!r}, line {layout.line_of(mention.start)}"
    return list(order), order


def credits(layout: Layout, registry: dict[str, Actor]) -> list[str]:
    """Registry organisations the article cites as its source ("dilansir kantor berita AFP")."""
    found: list[str] = []
    for mention in layout.mentions:
        if registry[mention.actor].kind is not ActorKind.ORGANIZATION:
            continue
        if _credit_cue().search(layout.text[max(0, mention.start - 30) : mention.start]):
            found.append(mention.written)
    return list(dict.fromkeys(found))


def new_actors(layout: Layout, registry: dict[str, Actor]) -> list[NewActor]:
    """Runs of two or more capitalised words that are not titles, calendar words or registry
    names, in order of first appearance."""
    known = sorted({name for a in registry.values() for name in (a.name, *a.aliases)}, key=len, reverse=True)
    lowercase_words = set(re.findall(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*", layout.text))
    found: dict[str, int] = {}
    for index, paragraph in enumerate(layout.paragraphs):
        base = layout.offsets[index]
        skip = layout.dateline[1] - base if index == 0 else 0
        sentence_starts = {s for s, _ in layout.sentence_spans[index]}
        for match in _CAPITALISED_RUN.finditer(paragraph):
            if match.start() < skip:
                continue
            kept = _name_words(paragraph, match, sentence_starts, lowercase_words)
            for run in _runs(kept):
                for piece in _without_known(run, known):
                    if len(piece.split()) >= 2 and not piece.isupper():
                        found.setdefault(piece, layout.line_of(base + match.start()))
    return [NewActor(name, line) for name, line in found.items()]


def _name_words(
    paragraph: str, match: re.Match[str], sentence_starts: set[int], lowercase_words: set[str]
) -> list[str | None]:
    """The words of a capitalised run, None for those that cannot be part of a name."""
    w = words()
    calendar_words = set(date_names().months) | set(date_names().weekdays)
    kept: list[str | None] = []
    for position, token in enumerate(re.finditer(r"\S+", match.group())):
        word = token.group()
        absolute = match.start() + token.start()
        lowered = word.lower()
        initial = absolute in sentence_starts or paragraph[max(0, absolute - 1) : absolute] in _OPENING_MARKS
        common = lowered in w.common_words or (initial and lowered in lowercase_words)
        if (position == 0 and initial and common) or lowered in w.title_words or lowered in calendar_words:
            kept.append(None)
        else:
            kept.append(word)
    return kept


def _runs(kept: list[str | None]) -> list[str]:
    runs: list[str] = []
    current: list[str] = []
    for word in kept:
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
