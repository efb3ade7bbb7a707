from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from build_tools.model import Actor, ActorKind
from build_tools.render.mentions import MentionFinder

from .steps import step_limit


def _actor(actor_id: str, name: str, *aliases: str) -> Actor:
    return Actor(actor_id, f"briefings/actors/{actor_id}.yml", name, ActorKind.PERSON, {"en": "x"}, aliases)


FINDER = MentionFinder([
    _actor("nato", "NATO", "Pakta Pertahanan Atlantik Utara"),
    _actor("nac", "Dewan Atlantik Utara"),
    _actor("afp", "Agence France-Presse", "AFP"),
    _actor("us", "United States", "AS", "Amerika Serikat"),
    _actor("america", "Amerika"),
])  # fmt: skip
ALL = {"nato", "nac", "afp", "us", "america"}


def _found(text: str, allowed: set[str] = ALL) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.actor) for m in FINDER.find(text, allowed)]


def test_whole_words_only() -> None:
    assert _found("NATOnya dan NATO-China serta NATO.") == [("NATO", "nato"), ("NATO", "nato")]
    assert _found("KASUS, AS, dan ASEAN") == [("AS", "us")]


def test_the_longest_name_wins_and_mentions_do_not_overlap() -> None:
    assert _found("Amerika Serikat dan Amerika") == [("Amerika Serikat", "us"), ("Amerika", "america")]
    assert _found("Dewan Atlantik Utara NATO") == [("Dewan Atlantik Utara", "nac"), ("NATO", "nato")]


def test_names_with_punctuation() -> None:
    assert _found("menurut Agence France-Presse (AFP)") == [("Agence France-Presse", "afp"), ("AFP", "afp")]


def test_only_the_briefings_actors_are_linked() -> None:
    assert _found("NATO dan AFP", {"afp"}) == [("AFP", "afp")]


def test_names_ending_in_punctuation_and_names_sharing_a_text() -> None:
    finder = MentionFinder([
        _actor("us", "U.S.", "A.S."), _actor("usa", "U.S.A."), _actor("first", "Dewan"), _actor("second", "Dewan"),
    ])  # fmt: skip
    everyone = {"us", "usa", "first", "second"}

    def found(text: str, allowed: set[str] = everyone) -> list[tuple[str, str]]:
        return [(text[m.start : m.end], m.actor) for m in finder.find(text, allowed)]

    assert found("U.S. dan U.S.A. serta U.S.Army") == [("U.S.", "us"), ("U.S.A.", "usa")]
    assert found("Dewan itu") == [("Dewan", "first")]
    assert found("Dewan itu", {"second"}) == [("Dewan", "second")]
    assert found("U.S.A. itu", {"us"}) == []  # U.S. would end inside the word


class _ReferenceFinder:
    """The former implementation: every name sharing a first word tried at each of its places."""

    def __init__(self, actors: list[Actor]) -> None:
        self.by_first_word: dict[str, list[tuple[str, str]]] = {}
        for actor in actors:
            for name in dict.fromkeys((actor.name, *actor.aliases)):
                first = re.match(r"\w+", name)
                if first:
                    self.by_first_word.setdefault(first.group(), []).append((name, actor.id))
        for candidates in self.by_first_word.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def find(self, text: str, allowed: set[str]) -> list[tuple[int, int, str]]:
        found, cursor = [], 0
        for word in re.finditer(r"\w+", text):
            if word.start() < cursor or (word.start() > 0 and text[word.start() - 1].isalnum()):
                continue
            for name, actor in self.by_first_word.get(word.group(), ()):
                end = word.start() + len(name)
                continues = end < len(text) and (text[end].isalnum() or text[end] == "_")
                if actor in allowed and text.startswith(name, word.start()) and not continues:
                    found.append((word.start(), end, actor))
                    cursor = end
                    break
        return found


_NAME_PIECES = ["A", "S", "AS", "Amerika", "Serikat", " ", "-", ".", ". ", "_", "\u00e9", "e\u0301", "1"]
_TEXT_PIECES = [*_NAME_PIECES, "  ", ", ", "(", ")", "nya", "\n"]


@settings(max_examples=300, deadline=None, derandomize=True)
@given(
    st.lists(
        st.lists(st.sampled_from(_NAME_PIECES), min_size=1, max_size=5).map("".join), min_size=1, max_size=8
    ),
    st.lists(st.sampled_from(_TEXT_PIECES), max_size=40).map("".join),
    st.data(),
)
def test_mentions_agree_with_the_former_search(names: list[str], text: str, data: st.DataObject) -> None:
    actors = [_actor(f"a{n % 3}", name) for n, name in enumerate(names)]
    allowed = data.draw(st.sets(st.sampled_from(["a0", "a1", "a2"])), label="allowed")
    expected = _ReferenceFinder(actors).find(text, allowed)
    assert [(m.start, m.end, m.actor) for m in MentionFinder(actors).find(text, allowed)] == expected


def test_twenty_thousand_aliases_sharing_a_first_word_cost_nothing_per_occurrence() -> None:
    actor = _actor("many", "Presiden Republik", *[f"Presiden X{n}" for n in range(20_000)])
    finder = MentionFinder([actor])
    text = " ".join(["Presiden"] * 10_000 + ["Presiden X19999"])
    with step_limit(40 * len(text)):
        found = list(finder.find(text, {"many"}))
    assert [(text[m.start : m.end], m.actor) for m in found] == [("Presiden X19999", "many")]


def test_a_long_name_is_walked_only_as_far_as_the_text_matches_it() -> None:
    actor = _actor("long", " ".join(["Presiden"] * 20) + " Republik")
    text = " ".join(["Presiden"] * 4_000)
    with step_limit(200 * len(text)) as steps:
        assert list(MentionFinder([actor]).find(text, {"long"})) == []
    assert steps.count > 0
