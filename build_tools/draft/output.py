"""The draft as YAML text: what was found, with a comment on every guess saying where it came from.

Every value a person must write or confirm starts with `TODO` (`briefings validate` refuses it);
structured guesses (dates, ids) are real values so that validation checks them from the start.
"""

from __future__ import annotations

import json
import re

from .records import Findings, NewActor
from .repository import TODO
from .slugs import slugify

MODELINE = "# yaml-language-server: $schema=../build_tools/schema/briefing.schema.json"


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _date_value(iso: str) -> str:
    return _q(iso) if re.fullmatch(r"\d{4}", iso) else iso


def _preview(paragraph: str, count: int = 8) -> str:
    parts = paragraph.split()
    return " ".join(parts[:count]) + (" \u2026" if len(parts) > count else "")


def render(found: Findings) -> str:
    out = [
        *_header(found),
        *_source(found),
        *_texts(found),
        *_actors(found),
        *_quotes(found),
        *_dates(found),
    ]
    return "\n".join(out) + "\n"


def _header(found: Findings) -> list[str]:
    publication = found.publication
    note = "given on the command line" if found.published_given else publication.note
    return [
        MODELINE,
        f"# DRAFT written by `briefings new {found.article.path}`. Every value that starts with {TODO}",
        '# must be confirmed (delete the "TODO: " prefix) or replaced before the briefing is published;',
        "# the comments say where each guess (language, dates, speakers, actors) comes from. Then run",
        "# `.venv/bin/briefings validate`.",
        f"article: {found.article.path}",
        f"language: {_q(f'{TODO}: {found.language}')}  # {found.language_note}",
        f"title: {_q(f'{TODO}: {found.title}')}  # candidate from the first paragraph; write the headline",
        f"published: {_date_value(publication.published.iso())}  # {_comment(note)}",
    ]


def _source(found: Findings) -> list[str]:
    out = ["source:"]
    if found.outlet:
        out.append(f"  outlet: {_q(found.outlet)}  # from the dateline")
    else:
        out.append(f"  outlet: {_q(f'{TODO}: the outlet that published the article')}")
    if found.credits:
        out.append(
            f"  # credits: [{', '.join(found.credits)}]  # cited in the article: confirm and uncomment"
        )
    out.append("# story: an id from briefings/stories/, if the article belongs to one")
    out.append("# topics: [ids from briefings/topics.yml]")
    return out


def _texts(found: Findings) -> list[str]:
    """The summary, and the English translation of a non-English article, one entry a paragraph."""
    language = found.language
    out = ["summary:", f"  en: {_q(f'{TODO}: summarise the article in English')}"]
    if language == "en":
        return out
    out += [
        f"  {language}: {_q(f'{TODO}: summarise the article in its own language ({language})')}",
        "translations:",
        "  en:",
        f"    title: {_q(f'{TODO}: translate the title')}",
        "    body:  # one entry per paragraph of the article, in order",
    ]
    for number, paragraph in enumerate(found.article.paragraph_texts(), start=1):
        out.append(
            f"      - {_q(f'{TODO}: translate paragraph {number}')}  # {_comment(_preview(paragraph))}"
        )
    return out


def _actors(found: Findings) -> list[str]:
    out = ["actors:  # the registry names and aliases the article uses; add the actors it only implies"]
    for actor in found.actor_ids:
        out.append(f"  - {actor}  # {_comment(found.actor_notes[actor])}")
    if not found.actor_ids:
        out.append(f"  - {_q(f'{TODO}: an id from briefings/actors/')}")
    out.extend(_new_actor_block(found.new_actors))
    return out


def _new_actor_block(candidates: tuple[NewActor, ...]) -> list[str]:
    if not candidates:
        return ["# No names outside briefings/actors/ were found."]
    lines = [
        "# Possible new actors: capitalised names that briefings/actors/ does not know. For each one",
        "# that matters, create its file (this shell command does it; set `kind`), then add its id",
        "# to `actors` above:",
    ]
    for candidate in candidates:
        name = candidate.name
        actor_id = slugify(name) or "new-actor"
        lines += [
            "#",
            f"#   {name} (line {candidate.line}):",
            f"#   cat > briefings/actors/{actor_id}.yml <<'EOF'",
            "#   # yaml-language-server: $schema=../../build_tools/schema/actor.schema.json",
            f"#   name: {_q(name)}",
            "#   kind: person  # person, organization or state",
            "#   description:",
            f"#     en: {_q(f'{TODO}: who or what {name} is')}",
            "#   EOF",
        ]
    return lines


def _quotes(found: Findings) -> list[str]:
    if not found.quotes:
        return []
    out = ["quotes:"]
    for quote in found.quotes:
        out.append(f"  - text: {_q(quote.text)}  # line {quote.line}")
        if quote.occurrence is not None:
            out.append(f"    occurrence: {_q(str(quote.occurrence))}  # the text occurs more than once")
        if quote.speaker:
            out.append(f"    speaker: {quote.speaker}  # {_comment(quote.how)}")
        else:
            out.append(
                f"    attribution: {_q(quote.attribution or TODO)}  # {_comment(quote.how)}; say who, or use speaker: <actor id>"
            )
        out.append("    translations:")
        if found.language == "en":
            out.append(f"      en: {_q(quote.text)}")
        else:
            out.append(f"      en: {_q(f'{TODO}: translate the quote')}")
    return out


def _dates(found: Findings) -> list[str]:
    if not (found.dates or found.unresolved):
        return []
    language = found.language
    out = ["dates:" if found.dates else "# dates:"]
    for item in found.dates:
        resolved = item.resolved
        assert resolved.span is not None
        where = f"{resolved.found.text!r}, line {item.line}: {resolved.how}"
        if resolved.warning:
            where += f"; WARNING: {resolved.warning}"
        out.append(f"  - date: {_date_value(resolved.span.iso())}  # {_comment(where)}")
        out.append("    event:")
        out.append(f"      en: {_q(f'{TODO}: what happened on this date')}")
        if language != "en":
            out.append(f"      {language}: {_q(f'{TODO}: the same in {language}')}")
        if item.actors:
            out.append(
                f"    actors: [{', '.join(item.actors)}]  # named in the same sentence; keep those involved"
            )
    for resolved, line in found.unresolved:
        out.append(
            f"  # not resolved: {_comment(repr(resolved.found.text))}, line {line}: {_comment(resolved.how)}"
        )
    return out
