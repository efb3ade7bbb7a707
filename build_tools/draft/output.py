"""The draft as YAML text: what was found, with a comment on every guess saying where it came from.

Every value a person must write or confirm starts with `TODO` (`briefings validate` refuses it);
structured guesses (dates, ids) are real values so that validation checks them from the start.
Text a person writes (title, summaries, translations, events) is a folded block scalar with the
TODO on its own line, so that whatever is pasted there (a paragraph that opens with a quotation
mark, a colon, a hash) stays valid YAML.
"""

from __future__ import annotations

import json
import re
import shlex

from .records import Findings, NewActor, QuoteDraft
from .repository import TODO

MODELINE = "# yaml-language-server: $schema=../build_tools/schema/briefing.schema.json"


def _q(text: str) -> str:
    """A double-quoted YAML scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(text.split())


def _date_value(iso: str) -> str:
    return _q(iso) if re.fullmatch(r"\d{4}", iso) else iso


def _block(key: str, text: str, indent: int, comment: str = "") -> list[str]:
    """`key: >-` and the text on the next line, indented: a folded block scalar."""
    header = f"{' ' * indent}{key} >-" + (f"  # {comment}" if comment else "")
    return [header, f"{' ' * (indent + 2)}{text}"]


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
        *_block("title:", f"{TODO}: {_comment(found.title)}", 0, found.title_note),
        f"published: {_date_value(publication.published.iso())}  # {_comment(note)}",
    ]


def _source(found: Findings) -> list[str]:
    outlet, out = found.outlet, ["source:"]
    if outlet.outlet is not None:
        value = outlet.outlet if outlet.known else _q(f"{TODO}: {outlet.outlet}")
        out.append(f"  outlet: {value}  # {_comment(outlet.how)}")
        out.append(f"  identified: {{by: {outlet.by.value}, text: {_q(outlet.text or '')}}}")
    else:
        out.append(f"  identified: {{by: {outlet.by.value}}}  # {_comment(outlet.how)}")
    credits = found.credits
    if credits.ids:
        out.append(
            f"  # credits: [{', '.join(credits.ids)}]  # cited in the article ({_comment(', '.join(credits.notes))}): "
            "confirm and uncomment"
        )
    if credits.unknown:
        names = ", ".join(repr(name) for name in credits.unknown)
        out.append(f"  # also cited, with no file in briefings/outlets/ yet: {_comment(names)}")
    out.append("# story: an id from briefings/stories/, if the article belongs to one")
    out.append("# topics: [ids from briefings/topics.yml]")
    return out


def _texts(found: Findings) -> list[str]:
    """The summary, and the English translation of a non-English article, one entry a paragraph."""
    language = found.language
    out = ["summary:", *_block("en:", f"{TODO}: summarise the article in English", 2)]
    if language == "en":
        return out
    out += [
        *_block(f"{language}:", f"{TODO}: summarise the article in its own language ({language})", 2),
        "translations:",
        "  en:",
        *_block("title:", f"{TODO}: translate the title", 4),
        "    body:  # one entry per paragraph of the article, in order; paste each on its TODO line",
    ]
    for number, paragraph in enumerate(found.article.paragraph_texts(), start=1):
        out += _block("-", f"{TODO}: translate paragraph {number}", 6, _comment(_preview(paragraph)))
    return out


def _actors(found: Findings) -> list[str]:
    out = ["actors:  # the registry names and aliases the article uses; add the actors it only implies"]
    for actor in found.actor_ids:
        out.append(f"  - {actor}  # {_comment(found.actor_notes[actor])}")
    if not found.actor_ids:
        hint = " (create the new actors below first)" if found.new_actors else ""
        out.append(f"  - {_q(f'{TODO}: an id from briefings/actors/{hint}')}")
    out.extend(_new_actor_block(found.new_actors, found.language))
    return out


def _new_actor_block(candidates: tuple[NewActor, ...], language: str) -> list[str]:
    if not candidates:
        return ["# No names outside briefings/actors/ were found."]
    lines = [
        "# New actors: names the article uses that briefings/actors/ does not know, with a guessed kind.",
        "# For each one that matters, run its command (edit the id, name or kind first if the guess is",
        "# wrong): it writes briefings/actors/<id>.yml, never over a file, with TODO values to fill in.",
        "# Then add the id to `actors` above (the role is the title the article gives).",
    ]
    for candidate in candidates:
        lines += [
            f"#   {candidate.name} (line {candidate.line}): {candidate.kind}, {_comment(candidate.why)}",
            f"#     .venv/bin/briefings actor new {_command_arguments(candidate)}",
        ]
        if candidate.role:
            role = f"{{{language}: {_q(candidate.role)}}}"
            lines.append(f"#     then in actors: - {{id: {candidate.id}, role: {role}}}")
    return lines


def _command_arguments(candidate: NewActor) -> str:
    words = [candidate.id, "--name", candidate.name, "--kind", candidate.kind]
    for alias in candidate.aliases:
        words += ["--alias", alias]
    return " ".join(shlex.quote(word) for word in words)


def _quotes(found: Findings) -> list[str]:
    if not found.quotes:
        return []
    out = ["quotes:"]
    for quote in found.quotes:
        out.append(f"  - text: {_q(quote.text)}  # line {quote.line}")
        if quote.occurrence is not None:
            out.append(f"    occurrence: {_q(str(quote.occurrence))}  # the text occurs more than once")
        out.append(_who(quote))
        out.append("    translations:")
        if found.language == "en":
            out.append(f"      en: {_q(quote.text)}")
        else:
            out += _block("en:", f"{TODO}: translate the quote", 6)
    return out


def _who(quote: QuoteDraft) -> str:
    if quote.speaker:
        return f"    speaker: {quote.speaker}  # {_comment(quote.how)}"
    if quote.new_speaker:
        return f"    attribution: {_q(quote.attribution or TODO)}  # {_comment(quote.how)}"
    return (
        f"    attribution: {_q(quote.attribution or TODO)}  # {_comment(quote.how)}; "
        "say who, or use speaker: <actor id>"
    )


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
        out += _block("en:", f"{TODO}: what happened on this date", 6)
        if language != "en":
            out += _block(f"{language}:", f"{TODO}: the same in {language}", 6)
        if item.actors:
            out.append(
                f"    actors: [{', '.join(item.actors)}]  # named in the same sentence; keep those involved"
            )
    for resolved, line in found.unresolved:
        out.append(
            f"  # not resolved: {_comment(repr(resolved.found.text))}, line {line}: {_comment(resolved.how)}"
        )
    return out
