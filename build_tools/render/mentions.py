"""Finding actor mentions in article text: names and aliases from the registry, whole words.

One index for the whole corpus (built once per render): a trie whose edges are the tokens of
the names (runs of word characters, and runs of other characters between them). The text is cut
into the same tokens and walked from each word along the trie, so the work is linear in the
text (times the most tokens a name has), whatever the number of names: neither a regex
alternation of thousands of names nor trying every name that shares a first word is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..model import Actor

_TOKEN = re.compile(r"\w+|\W+")


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    actor: str


@dataclass
class _Node:
    """Names that continue with a token (`children`), that end here (their actors in the
    order they were registered), or that end with a run of non-word characters (`tails`)."""

    children: dict[str, _Node] = field(default_factory=dict)
    #: actor id -> registration order (several actors may share a name)
    actors: dict[str, int] = field(default_factory=dict)
    tails: dict[str, dict[str, int]] = field(default_factory=dict)
    #: the lengths of `tails`, shortest first
    tail_lengths: list[int] = field(default_factory=list)


class MentionFinder:
    def __init__(self, actors: Iterable[Actor]) -> None:
        self._root = _Node()
        for rank, actor in enumerate(actors):
            for name in dict.fromkeys((actor.name, *actor.aliases)):
                tokens = _TOKEN.findall(name)
                if tokens and _is_word(tokens[0]):
                    self._add(tokens, actor.id, rank)

    def _add(self, tokens: list[str], actor: str, rank: int) -> None:
        node = self._root
        tail = tokens.pop() if not _is_word(tokens[-1]) else None
        for token in tokens:
            node = node.children.setdefault(token, _Node())
        if tail is None:
            node.actors.setdefault(actor, rank)
            return
        if tail not in node.tails:
            node.tails[tail] = {}
            node.tail_lengths = sorted({*node.tail_lengths, len(tail)})
        node.tails[tail].setdefault(actor, rank)

    def find(self, text: str, allowed: set[str]) -> Iterator[Mention]:
        """Non-overlapping mentions of the `allowed` actors, left to right; at each place the
        longest name of an allowed actor wins."""
        spans = [m.span() for m in _TOKEN.finditer(text)]
        cursor = 0
        for index, (start, _) in enumerate(spans):
            if start < cursor or not _is_word(text[start]):
                continue
            found = self._longest(text, spans, index, allowed)
            if found is not None:
                cursor, actor = found
                yield Mention(start, cursor, actor)

    def _longest(
        self, text: str, spans: list[tuple[int, int]], index: int, allowed: set[str]
    ) -> tuple[int, str] | None:
        """(end, actor) of the longest allowed name starting at word token `index`."""
        best = None
        node = self._root.children.get(text[slice(*spans[index])])
        while node is not None:
            end = spans[index][1]
            actor = _first_allowed(node.actors, allowed)
            if actor is not None and not _continues(text, end):
                best = (end, actor)
            if index + 1 == len(spans):
                break
            separator = text[slice(*spans[index + 1])]
            best = _longest_tail(text, node, spans[index + 1][0], separator, allowed) or best
            if index + 2 == len(spans):
                break
            following = node.children.get(separator)
            node = following.children.get(text[slice(*spans[index + 2])]) if following else None
            index += 2
        return best


def _longest_tail(
    text: str, node: _Node, start: int, separator: str, allowed: set[str]
) -> tuple[int, str] | None:
    """A name ending with non-word characters: the longest of its tails that begins `separator`."""
    best = None
    for length in node.tail_lengths:
        if length > len(separator):
            break
        actor = _first_allowed(node.tails.get(separator[:length], {}), allowed)
        if actor is not None and not _continues(text, start + length):
            best = (start + length, actor)
    return best


def _first_allowed(actors: dict[str, int], allowed: set[str]) -> str | None:
    """The first registered of `actors` that is allowed, looking through the smaller set."""
    if len(actors) <= len(allowed):
        return next((actor for actor in actors if actor in allowed), None)
    return min((actor for actor in allowed if actor in actors), key=actors.__getitem__, default=None)


def _is_word(token: str) -> bool:
    return token[0].isalnum() or token[0] == "_"


def _continues(text: str, end: int) -> bool:
    return end < len(text) and (text[end].isalnum() or text[end] == "_")
