"""Finding actor mentions in article text: names and aliases from the registry, whole words.

One index for the whole corpus (built once per render), looked up word by word: linear in the
text, whatever the number of actors (a regex alternation of thousands of names is not).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from ..model import Actor

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


class MentionFinder:
    def __init__(self, actors: Iterable[Actor]) -> None:
        by_first_word: dict[str, list[tuple[str, str]]] = {}
        for actor in actors:
            for name in dict.fromkeys((actor.name, *actor.aliases)):
                first = _WORD.match(name)
                if first and first.start() == 0:
                    by_first_word.setdefault(first.group(), []).append((name, actor.id))
        for candidates in by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))  # the longest name wins
        self._by_first_word = by_first_word

    def find(self, text: str, allowed: set[str]) -> Iterator[Mention]:
        """Non-overlapping mentions of the `allowed` actors, left to right."""
        cursor = 0
        for word in _WORD.finditer(text):
            if word.start() < cursor or (word.start() > 0 and text[word.start() - 1].isalnum()):
                continue
            for name, actor in self._by_first_word.get(word.group(), ()):
                end = word.start() + len(name)
                if actor in allowed and text.startswith(name, word.start()) and not _continues(text, end):
                    yield Mention(word.start(), end, actor)
                    cursor = end
                    break


def _continues(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] == "_")
