"""What a page tells other software about itself: schema.org JSON-LD for news search engines and
link previews, and the Open Graph type, date and languages of its sharing card.

A briefing page describes a `NewsArticle` based on its source: the headline in English and in
the original, the publication date at its real precision (`2023`, `2023-07` or `2023-07-13`), the
outlet as publisher and source organisation, the outlet's own article as `isBasedOn` when its
address is known, the actors it is about (`sameAs` their Wikidata item), its quotes (`Quotation`,
spoken by an actor or credited to an attribution) and its dated events. An actor page describes
a `Person`, an `Organization` or a `Country`; a story page a `CreativeWorkSeries` of its
briefings. Addresses are absolute when the site's is known, otherwise relative to the page
(JSON-LD resolves them against the page's address). No image: the site has none to offer, and
an image is optional for a news article (Google's guidelines recommend, not require, one).

Everything here is contributor text: it reaches the page only through `script_text`, which
serialises with `json.dumps` and writes `<`, `>` and `&` as `\\u003c`, `\\u003e` and `\\u0026`, so
that nothing in it can close the `<script>` element or be read as markup.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import Actor, ActorKind, Briefing, Corpus, DatedEvent, Localized, PartialDate, Quote, Story
from . import html, urls
from .labels import ENGLISH, english, outlet_name

if TYPE_CHECKING:  # page.py imports this module for `Structured`
    from .kind import SiteData
    from .page import Context

Node = dict[str, object]
SCHEMA = "https://schema.org"
#: Google shows at most this much of a news article's headline
HEADLINE_LIMIT = 110
SCHEMA_TYPES = {
    ActorKind.PERSON: "Person",
    ActorKind.ORGANIZATION: "Organization",
    ActorKind.STATE: "Country",
}
#: Open Graph locales (language_TERRITORY) of the languages the site's articles are written in
OG_LOCALES = {
    "ar": "ar_AR", "de": "de_DE", "en": "en_US", "es": "es_ES", "fr": "fr_FR", "id": "id_ID",
    "it": "it_IT", "ja": "ja_JP", "ko": "ko_KR", "ms": "ms_MY", "nl": "nl_NL", "pt": "pt_PT",
    "ru": "ru_RU", "th": "th_TH", "zh": "zh_CN",
}  # fmt: skip
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True)
class Structured:
    """A page's description for other software; the default is a plain web page in English."""

    data: Mapping[str, object] | None = None
    """Its schema.org JSON-LD, if any."""
    og_type: str = "website"
    published: PartialDate | None = None
    languages: tuple[str, ...] = field(default=())
    """The languages of its texts besides English."""

    def social(self) -> dict[str, object]:
        """The Open Graph values of the page's sharing card (read by the theme override)."""
        social: dict[str, object] = {"type": self.og_type, "locale": OG_LOCALES[ENGLISH]}
        alternates = [OG_LOCALES[code] for code in self.languages if code in OG_LOCALES]
        if alternates:
            social["locale_alternate"] = alternates
        if self.published is not None:
            social["published_time"] = self.published.iso()
        return social


def script_text(data: Mapping[str, object]) -> str:
    """JSON for a `<script type="application/ld+json">`: one line, no `<`, `>` or `&` in it."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).translate(_SCRIPT_ESCAPES)


# -- the page kinds -------------------------------------------------------------------------------


def briefing(slug: str, data: SiteData, ctx: Context) -> Structured:
    item, corpus = data.corpus.briefings[slug], data.corpus
    node: Node = {
        "@context": SCHEMA,
        **_article(item, corpus, ctx),
        "@id": _iri(ctx, ctx.src_uri, "briefing"),
    }
    node["mainEntityOfPage"] = _iri(ctx, ctx.src_uri)
    node["description"] = html.clip(html.plain_text(english(item.summary)), 300)
    if original := _original_title(item):
        node["alternativeHeadline"] = original
    node["inLanguage"] = sorted({item.language, *item.translations})
    if item.source.credits:
        node["creditText"] = ", ".join(outlet_name(corpus, credit) for credit in item.source.credits)
    node["sourceOrganization"] = _outlet(item, corpus)
    node["isAccessibleForFree"] = True
    if item.source.url:
        node["isBasedOn"] = _source_article(item, corpus)
    node["about"] = [_actor(corpus.actors[role.id], ctx) for role in item.actors if role.id in corpus.actors]
    others = _other_actors(item, data) - {role.id for role in item.actors}
    node["mentions"] = [_actor(corpus.actors[a], ctx) for a in sorted(others)] + [
        _event(event, number, ctx) for number, event in enumerate(item.dates, start=1)
    ]
    node["hasPart"] = [_quotation(quote, item, ctx) for quote in item.quotes]
    if item.story and item.story in corpus.stories:
        node["isPartOf"] = _series_reference(corpus.stories[item.story], ctx)
    return Structured(_without_empty(node), "article", item.published, _others(item.language))


def actor(actor_id: str, data: SiteData, ctx: Context) -> Structured:
    item = data.corpus.actors[actor_id]
    node: Node = {"@context": SCHEMA, **_actor(item, ctx), "mainEntityOfPage": _iri(ctx, ctx.src_uri)}
    if item.aliases:
        node["alternateName"] = list(item.aliases)
    node["description"] = html.clip(english(item.description), 300)
    briefings = data.corpus.briefings
    node["subjectOf"] = [
        _article(briefings[slug], data.corpus, ctx) for slug in data.index.by_actor.get(actor_id, ())
    ]
    languages = tuple(code for code in item.description if code != ENGLISH)
    og_type = "profile" if item.kind is ActorKind.PERSON else "website"  # Open Graph's profile is a person's
    return Structured(_without_empty(node), og_type, None, languages)


def story(story_id: str, data: SiteData, ctx: Context) -> Structured:
    item, briefings = data.corpus.stories[story_id], data.corpus.briefings
    slugs = data.index.by_story.get(story_id, ())
    node: Node = {
        "@context": SCHEMA,
        **_series_reference(item, ctx),
        "mainEntityOfPage": _iri(ctx, ctx.src_uri),
    }
    node["description"] = html.clip(html.plain_text(english(item.summary)), 300)
    node["alternateName"] = _tagged(item.title, exclude=english(item.title))
    node["hasPart"] = [_article(briefings[slug], data.corpus, ctx) for slug in slugs]
    if slugs:
        node["startDate"] = briefings[slugs[0]].published.iso()
    languages = tuple(code for code in item.title if code != ENGLISH)
    return Structured(_without_empty(node), "website", None, languages)


def outlet(outlet_id: str, data: SiteData, ctx: Context) -> Structured:
    item = data.corpus.outlets[outlet_id]
    node: Node = {
        "@context": SCHEMA,
        "@type": "NewsMediaOrganization",
        "@id": _iri(ctx, ctx.src_uri, "outlet"),
        "name": item.name,
        "alternateName": list(item.aliases),
        "url": item.website or _iri(ctx, ctx.src_uri),
        "sameAs": f"https://www.wikidata.org/wiki/{item.wikidata}" if item.wikidata else None,
        "mainEntityOfPage": _iri(ctx, ctx.src_uri),
        "description": html.clip(english(item.description), 300),
    }
    languages = tuple(code for code in item.description if code != ENGLISH)
    return Structured(_without_empty(node), "website", None, languages)


# -- nodes ---------------------------------------------------------------------------------------


def _iri(ctx: Context, src_uri: str, fragment: str | None = None) -> str:
    """A page's address (or a thing's on it): absolute when the site's is known."""
    absolute = ctx.links.absolute(ctx.links.url(src_uri))
    if absolute is None:
        return ctx.href(src_uri, fragment)
    return absolute + (f"#{fragment}" if fragment else "")


def _article(item: Briefing, corpus: Corpus, ctx: Context) -> Node:
    """A briefing as other pages name it: its headline, address, date and outlet (none when the
    article does not identify it)."""
    page = urls.briefing(item.slug)
    node: Node = {
        "@type": "NewsArticle",
        "@id": _iri(ctx, page, "briefing"),
        "headline": html.clip(item.title_in(ENGLISH), HEADLINE_LIMIT),
        "url": _iri(ctx, page),
        "datePublished": item.published.iso(),
    }
    return _with_publisher(node, item, corpus)


def _original_title(item: Briefing) -> dict[str, str] | None:
    if item.title_in(ENGLISH) == item.title:
        return None
    return {"@value": item.title, "@language": item.language}


def _outlet(item: Briefing, corpus: Corpus) -> Node | None:
    """The outlet from its record (its website and Wikidata item when known); None when the
    article does not say who published it."""
    outlet = corpus.outlets.get(item.source.outlet or "")
    if outlet is None:
        return None
    node: Node = {"@type": "NewsMediaOrganization", "name": outlet.name}
    if outlet.website:
        node["url"] = outlet.website
    if outlet.wikidata:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{outlet.wikidata}"
    return node


def _with_publisher(node: Node, item: Briefing, corpus: Corpus) -> Node:
    publisher = _outlet(item, corpus)
    return {**node, "publisher": publisher} if publisher else node


def _source_article(item: Briefing, corpus: Corpus) -> Node:
    """The outlet's own article, at its own address."""
    node: Node = {
        "@type": "NewsArticle",
        "url": item.source.url,
        "headline": {"@value": item.title, "@language": item.language},
        "inLanguage": item.language,
        "datePublished": item.published.iso(),
    }
    return _with_publisher(node, item, corpus)


def _actor(item: Actor, ctx: Context) -> Node:
    node: Node = {
        "@type": SCHEMA_TYPES[item.kind],
        "@id": _iri(ctx, urls.actor(item.id), "actor"),
        "name": item.name,
        "url": _iri(ctx, urls.actor(item.id)),
    }
    if item.wikidata:
        node["sameAs"] = f"https://www.wikidata.org/wiki/{item.wikidata}"
    return node


def _other_actors(item: Briefing, data: SiteData) -> set[str]:
    """The actors its quotes and events name, if the registry has them."""
    named = {q.speaker for q in item.quotes if q.speaker} | {a for e in item.dates for a in e.actors}
    return {actor_id for actor_id in named if actor_id in data.corpus.actors}


def _quotation(quote: Quote, item: Briefing, ctx: Context) -> Node:
    node: Node = {
        "@type": "Quotation",
        "@id": _iri(ctx, ctx.src_uri, f"quote-{quote.id}"),
        "text": {"@value": quote.text, "@language": item.language},
    }
    if quote.speaker:
        speaker = {"@id": _iri(ctx, urls.actor(quote.speaker), "actor")}
        node["spokenByCharacter"] = node["creator"] = speaker
    elif quote.attribution:
        node["creditText"] = quote.attribution
    node["workTranslation"] = [
        {"@type": "Quotation", "text": {"@value": text, "@language": code}}
        for code, text in sorted(quote.translations.items())
    ]
    return node


def _event(event: DatedEvent, number: int, ctx: Context) -> Node:
    node: Node = {
        "@type": "Event",
        "@id": _iri(ctx, ctx.src_uri, f"event-{number}"),
        "name": english(event.event),
        "alternateName": _tagged(event.event, exclude=english(event.event)),
        "startDate": event.date.start.iso(),
        "about": [{"@id": _iri(ctx, urls.actor(a), "actor")} for a in event.actors],
    }
    if event.date.end is not None:
        node["endDate"] = event.date.end.iso()
    return _without_empty(node)


def _series_reference(item: Story, ctx: Context) -> Node:
    page = urls.story(item.id)
    return {
        "@type": "CreativeWorkSeries",
        "@id": _iri(ctx, page, "story"),
        "name": english(item.title),
        "url": _iri(ctx, page),
    }


def _tagged(texts: Localized, exclude: str) -> list[dict[str, str]]:
    """Each language's text as a language-tagged value, but for the one already given."""
    return [{"@value": text, "@language": code} for code, text in sorted(texts.items()) if text != exclude]


def _others(language: str) -> tuple[str, ...]:
    return () if language == ENGLISH else (language,)


def _without_empty(node: Node) -> Node:
    """The node without the properties that have no value (an empty list says nothing)."""
    return {key: value for key, value in node.items() if value not in ([], None, "")}
