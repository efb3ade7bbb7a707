from __future__ import annotations

from build_tools.model import Actor, ActorKind
from build_tools.render.mentions import MentionFinder


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
