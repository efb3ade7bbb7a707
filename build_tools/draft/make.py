"""`make_draft` reads the article and the registry and puts the findings together; `write_draft`
creates the file, never over an existing one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from ..model import Actor, Article, Outlet, PartialDate, Problem
from . import repository
from .actors import actor_list, credits, new_actors
from .dates import find_dates
from .layout import Layout, detect_language, read_layout
from .names import find_names
from .outlets import draft_credits, draft_outlet
from .output import render
from .records import DateDraft, Draft, DraftError, DraftExists, DraftUsageError, Findings
from .repository import DRAFT_RULE, is_slug
from .resolve import (
    LEAD_PARAGRAPHS,
    DateError,
    Publication,
    Resolved,
    find_publication,
    lead_reference,
    parse_published,
    resolve,
)
from .slugs import slug_for_title, unique_slug
from .speakers import draft_quotes
from .titles import title_candidate, title_note

#: the day drafts are made; tests replace it so that guessed years do not move with the calendar
today: Callable[[], date] = date.today


def make_draft(
    root: Path,
    article: str,
    *,
    slug: str | None = None,
    published: str | None = None,
    cwd: Path | None = None,
    today_is: date | None = None,
) -> Draft:
    """The draft for `article` (a path inside seeds/, relative to `cwd` or to `root`)."""
    root = root.resolve()
    given = _published(published)
    if slug is not None and not is_slug(slug):
        raise DraftUsageError(
            f"{slug!r} is not a slug: lower-case letters, digits and hyphens, not 'index'", "--slug"
        )
    relative = repository.article_path(root, article, cwd)
    text = repository.read(root, relative)
    if not text.paragraphs:
        raise DraftError(
            Problem(relative, 1, 1, "the article is empty: there is nothing to draft", DRAFT_RULE)
        )
    loaded = repository.load(root)
    registry = repository.load_actors(loaded)
    outlets = repository.load_outlets(loaded)
    taken = repository.existing_briefings(root, loaded)
    if slug is not None:
        repository.refuse_existing(root, slug, taken)
    warnings = list(repository.already_annotated(relative, loaded))
    found, found_warnings = _findings(relative, text, registry, outlets, given, today_is or today())
    final_slug = slug or unique_slug(slug_for_title(found.title), taken)
    return Draft(
        slug=final_slug,
        path=f"briefings/{final_slug}.yml",
        text=render(found),
        language=found.language,
        title=found.title,
        published=found.publication.published.iso(),
        quotes=found.quotes,
        dates=found.dates,
        actors=found.actor_ids,
        new_actors=found.new_actors,
        warnings=tuple(warnings + found_warnings),
    )


def write_draft(root: Path, draft: Draft) -> Path:
    """Create the draft's file; refuses (DraftExists) if anything is already at that path."""
    target = root / draft.path
    try:
        with open(target, "x", encoding="utf-8", newline="\n") as handle:
            handle.write(draft.text)
    except FileExistsError:
        raise DraftExists(repository.exists_problem(draft.path)) from None
    return target


def _published(published: str | None) -> PartialDate | None:
    if published is None:
        return None
    try:
        return parse_published(published)
    except DateError as error:
        raise DraftUsageError(str(error), "--published") from None


def _findings(
    relative: str,
    article: Article,
    registry: dict[str, Actor],
    outlets: dict[str, Outlet],
    given: PartialDate | None,
    today_is: date,
) -> tuple[Findings, list[Problem]]:
    layout = read_layout(relative, article, registry)
    language, ranked = detect_language(layout.text)
    shown = ", ".join(f"{code} {p:.2f}" for code, p in ranked if p >= 0.005)
    occurrences = find_names(layout)
    candidates = new_actors(layout, registry, occurrences)
    quotes, warnings = draft_quotes(layout, registry, candidates)
    publication, dates, unresolved, date_warnings = _draft_dates(layout, given, today_is)
    actor_ids, actor_notes = actor_list(layout)
    outlet = draft_outlet(layout, outlets)
    cited_names = credits(layout, registry, candidates.actors)
    found = Findings(
        article=article,
        language=language,
        language_note=f"detected by py3langid ({shown})",
        title=title_candidate(layout, occurrences) or "a title for the article",
        title_note=title_note(layout),
        outlet=outlet,
        credits=draft_credits(layout, outlets, cited_names, outlet.outlet),
        publication=publication,
        published_given=given is not None,
        quotes=tuple(quotes),
        dates=tuple(dates),
        unresolved=tuple(unresolved),
        actor_ids=tuple(actor_ids),
        actor_notes=actor_notes,
        new_actors=candidates.actors,
    )
    return found, warnings + date_warnings


def _draft_dates(
    layout: Layout, given: PartialDate | None, today_is: date
) -> tuple[Publication, list[DateDraft], list[tuple[Resolved, int]], list[Problem]]:
    """The publication date (given, or read from the lead paragraphs) and every date expression
    resolved against it, with the registry actors of its sentence."""
    found = find_dates(layout.text)
    lead = layout.paragraphs[:LEAD_PARAGRAPHS]
    lead_end = layout.offsets[len(lead) - 1] + len(lead[-1])
    if given is not None:
        publication = Publication(given, "", lead_reference(found, lead_end, given))
    else:
        guessed = find_publication(found, lead_end, today_is)
        if guessed is None:
            raise DraftUsageError(
                "the first paragraphs give no date to take as the publication date; "
                "pass --published YYYY, YYYY-MM or YYYY-MM-DD",
                "--published",
            )
        publication = guessed
    drafts, unresolved, warnings = [], [], []
    for item in found:
        resolved = resolve(item, publication.reference)
        line = layout.line_of(item.start)
        if resolved.warning:
            warnings.append(layout.problem(item.start, resolved.warning, "warning"))
        if resolved.span is None:
            unresolved.append((resolved, line))
            continue
        start, end = layout.sentence_at(item.start)
        actors = tuple(dict.fromkeys(m.actor for m in layout.mentions_in(start, end)))
        drafts.append(DateDraft(resolved, line, actors))
    return publication, drafts, unresolved, warnings
