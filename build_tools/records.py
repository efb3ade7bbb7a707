"""Typed records from the trees the load stage accepted.

Each builder expects a tree its JSON Schema has already accepted, so required fields are there and
have the right shapes; positions of list entries are kept for the messages of later stages.
"""

from __future__ import annotations

from typing import Any

from .load import SourceFile
from .model import (
    Actor,
    ActorKind,
    ActorRole,
    BriefingRecord,
    DatedEvent,
    DateSpan,
    Identification,
    IdentifiedBy,
    Outlet,
    OutletKind,
    PartialDate,
    QuoteRecord,
    Source,
    StatementLink,
    Story,
    Topic,
    Translation,
)
from .yamlstrict import PlainData, YamlNode, locate, to_plain


def parse_date(text: str) -> PartialDate:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` (already matched by the schema's pattern)."""
    numbers = [int(part) for part in text.split("-")]
    return PartialDate(*numbers)


def parse_span(text: str) -> DateSpan:
    start, _, end = text.partition("/")
    return DateSpan(parse_date(start), parse_date(end) if end else None)


def briefing_record(node: YamlNode, source: SourceFile) -> BriefingRecord:
    data = _mapping(node)
    return BriefingRecord(
        slug=source.id,
        path=source.path,
        article_path=data["article"],
        language=data["language"],
        title=data["title"],
        published=parse_date(data["published"]),
        source=_source(data["source"]),
        summary=_localized(data["summary"]),
        actors=tuple(_actor_roles(node, data["actors"])),
        story=data.get("story"),
        topics=tuple(data.get("topics", ())),
        translations={
            lang: Translation(t.get("title"), tuple(t.get("body", ())))
            for lang, t in data.get("translations", {}).items()
        },
        quotes=tuple(_quotes(node, data.get("quotes", []))),
        dates=tuple(_dates(node, data.get("dates", []))),
        related=tuple(data.get("related", ())),
        renamed_from=tuple(data.get("renamed_from", ())),
    )


def actor_record(node: YamlNode, source: SourceFile) -> Actor:
    data = _mapping(node)
    return Actor(
        id=source.id,
        path=source.path,
        name=data["name"],
        kind=ActorKind(data["kind"]),
        description=_localized(data["description"]),
        aliases=tuple(data.get("aliases", ())),
        wikidata=data.get("wikidata"),
    )


def outlet_record(node: YamlNode, source: SourceFile) -> Outlet:
    data = _mapping(node)
    return Outlet(
        id=source.id,
        path=source.path,
        name=data["name"],
        kind=OutletKind(data["kind"]),
        description=_localized(data["description"]),
        country=data.get("country"),
        languages=tuple(data.get("languages", ())),
        website=data.get("website"),
        wikidata=data.get("wikidata"),
        aliases=tuple(data.get("aliases", ())),
        signatures=tuple(data.get("signatures", ())),
        datelines=tuple(data.get("datelines", ())),
    )


def story_record(node: YamlNode, source: SourceFile) -> Story:
    data = _mapping(node)
    return Story(source.id, source.path, _localized(data["title"]), _localized(data["summary"]))


def topic_records(node: YamlNode) -> dict[str, Topic]:
    data = _mapping(node)
    return {topic_id: Topic(topic_id, _localized(entry["title"])) for topic_id, entry in data.items()}


def _source(src: dict[str, Any]) -> Source:
    identified = src["identified"]
    return Source(
        outlet=src.get("outlet"),
        url=src.get("url"),
        credits=tuple(src.get("credits", ())),
        identified=Identification(IdentifiedBy(identified["by"]), identified.get("text")),
    )


def _mapping(node: YamlNode) -> dict[str, Any]:
    data: PlainData = to_plain(node)
    if not isinstance(data, dict):
        raise TypeError("a schema-valid annotation is a mapping")
    return data


def _localized(value: object) -> dict[str, str]:
    return dict(value) if isinstance(value, dict) else {}


def _actor_roles(node: YamlNode, entries: list[Any]) -> list[ActorRole]:
    roles = []
    for index, entry in enumerate(entries):
        position = locate(node, ["actors", index])
        if isinstance(entry, str):
            roles.append(ActorRole(entry, None, position))
        else:
            roles.append(ActorRole(entry["id"], _localized(entry.get("role")) or None, position))
    return roles


def _quotes(node: YamlNode, entries: list[Any]) -> list[QuoteRecord]:
    return [
        QuoteRecord(
            id=entry.get("id", f"q{index + 1}"),
            text=entry["text"],
            translations=_localized(entry["translations"]),
            speaker=entry.get("speaker"),
            attribution=entry.get("attribution"),
            context=_localized(entry.get("context")) or None,
            occurrence=int(entry["occurrence"]) if "occurrence" in entry else None,
            same_statement=tuple(_links(node, index, entry.get("same_statement", ()))),
            position=locate(node, ["quotes", index]),
        )
        for index, entry in enumerate(entries)
    ]


def _links(node: YamlNode, quote: int, entries: list[str]) -> list[StatementLink]:
    links = []
    for number, entry in enumerate(entries):
        briefing, _, quote_id = entry.partition("#")
        links.append(
            StatementLink(briefing, quote_id, locate(node, ["quotes", quote, "same_statement", number]))
        )
    return links


def _dates(node: YamlNode, entries: list[Any]) -> list[DatedEvent]:
    return [
        DatedEvent(
            date=parse_span(entry["date"]),
            event=_localized(entry["event"]),
            actors=tuple(entry.get("actors", ())),
            position=locate(node, ["dates", index]),
        )
        for index, entry in enumerate(entries)
    ]
