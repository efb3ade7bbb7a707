"""Every quote as a W3C Web Annotation (JSON-LD, https://www.w3.org/TR/annotation-model/).

The target is the article as published under /data/articles/, selected twice: by a
TextQuoteSelector (the exact text with 32 characters of prefix and suffix) and by a
TextPositionSelector (code-point offsets, start inclusive, end exclusive: the model's
`TextQuoteAnchor`). An elided quote is selected from the start of its first part to the end of
its last (quotes.jsonl lists the parts). The bodies are the translations (purpose `describing`),
the speaker (a SpecificResource for the actor's page, purpose `identifying`; a free-text
attribution as a TextualBody) and the context notes (purpose `commenting`).

Without the site's address, IRIs are relative to the annotations file itself (data/), as JSON-LD
resolves them.
"""

from __future__ import annotations

from typing import Any

from .model import ActorKind, Briefing, Corpus, Quote
from .render import urls
from .tables import DATA_DIR, Address, article_file

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
FILE = f"{DATA_DIR}/annotations.jsonld"
Json = dict[str, Any]


def annotation_collection(address: Address, items: list[Json]) -> Json:
    """The collection of every quote's annotation (`items`, in the order of the quotes table),
    on one page."""
    return {
        "@context": CONTEXT,
        "id": _iri(address, FILE),
        "type": "AnnotationCollection",
        "label": "The quotes of the annotated news briefings",
        "total": len(items),
        "first": {
            "id": _iri(address, FILE) + "#page-1",
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    }


def annotation(briefing: Briefing, quote: Quote, corpus: Corpus, address: Address, licence: str) -> Json:
    anchor = quote.anchor
    bodies: list[Json] = [
        {
            "type": "TextualBody",
            "purpose": "describing",
            "value": text,
            "language": code,
            "format": "text/plain",
        }
        for code, text in quote.translations.items()
    ]
    bodies.append(_speaker(quote, corpus, address))
    bodies += [
        {
            "type": "TextualBody",
            "purpose": "commenting",
            "value": text,
            "language": code,
            "format": "text/markdown",
        }
        for code, text in (quote.context or {}).items()
    ]
    return {
        "id": f"{_iri(address, FILE)}#{briefing.slug}--{quote.id}",
        "type": "Annotation",
        "motivation": "describing",
        "rights": licence,
        "body": bodies,
        "target": {
            "source": _iri(address, article_file(briefing.article.path)),
            "selector": [
                {
                    "type": "TextQuoteSelector",
                    "exact": anchor.exact,
                    "prefix": anchor.prefix,
                    "suffix": anchor.suffix,
                },
                {"type": "TextPositionSelector", "start": anchor.start, "end": anchor.end},
            ],
        },
    }


def _speaker(quote: Quote, corpus: Corpus, address: Address) -> Json:
    actor = corpus.actors.get(quote.speaker or "")
    if actor is None:
        return {"type": "TextualBody", "purpose": "identifying", "value": quote.attribution or quote.speaker or "",
                "format": "text/plain"}  # fmt: skip
    agent = "Person" if actor.kind is ActorKind.PERSON else "Organization"
    source = {"id": _iri(address, address.links.url(urls.actor(actor.id))), "type": agent, "name": actor.name}
    return {"type": "SpecificResource", "purpose": "identifying", "source": source}


def _iri(address: Address, site_path: str) -> str:
    """An absolute IRI when the site's address is known, else one relative to data/."""
    absolute = address.links.absolute(site_path)
    if absolute:
        return absolute
    return (
        site_path.removeprefix(f"{DATA_DIR}/") if site_path.startswith(f"{DATA_DIR}/") else f"../{site_path}"
    )
