"""What a pull request changes, for its reviewers: the briefings, actors, stories and topics added,
changed or removed, the quotes it adds with where they were found in their articles, and the pages
of the site that change (from what each page shows, as `mkdocs serve --dirty` decides).

Both sides are built with `site.build_site`, nothing is rendered; the pull-request workflow writes
the Markdown of `summary_markdown` into its job summary.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .incremental import plan_rebuild
from .model import Briefing, Corpus, Problem
from .positions import position_at
from .site import BuildOptions, Site, build_site

#: rows a summary lists of one kind before saying how many more
MOST_LISTED = 30


@dataclass(frozen=True)
class Changes:
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @classmethod
    def between(cls, before: Mapping[str, object], after: Mapping[str, object]) -> Changes:
        return cls(
            tuple(sorted(after.keys() - before.keys())),
            tuple(sorted(k for k in after.keys() & before.keys() if after[k] != before[k])),
            tuple(sorted(before.keys() - after.keys())),
        )

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


@dataclass(frozen=True)
class AddedQuote:
    briefing: str
    quote: str
    text: str
    speaker: str
    where: str  # `seeds/x.txt:12:5`, where the quote was found


@dataclass(frozen=True)
class RepositoryDiff:
    briefings: Changes
    actors: Changes
    stories: Changes
    topics: Changes
    quotes: tuple[AddedQuote, ...]
    pages: tuple[str, ...]
    """src_uris of the pages the change regenerates or removes (the index pages always)."""
    total_pages: int
    errors: tuple[Problem, ...] = field(default=())


def repository_diff(base: Path, head: Path, options: BuildOptions | None = None) -> RepositoryDiff:
    """What the repository at `head` changes from the one at `base`."""
    options = options or BuildOptions()
    after = build_site(head, options)
    if after.site is None:
        return RepositoryDiff(Changes(), Changes(), Changes(), Changes(), (), (), 0, after.errors)
    before = build_site(base, options).site
    old = before.data.corpus if before is not None else Corpus({}, {}, {}, {})
    new = after.site.data.corpus
    return RepositoryDiff(
        briefings=Changes.between(old.briefings, new.briefings),
        actors=Changes.between(old.actors, new.actors),
        stories=Changes.between(old.stories, new.stories),
        topics=Changes.between(old.topics, new.topics),
        quotes=tuple(_added_quotes(old, new)),
        pages=_changed_pages(before, after.site),
        total_pages=len(after.site.entries),
    )


def _added_quotes(old: Corpus, new: Corpus) -> Iterable[AddedQuote]:
    for slug, briefing in sorted(new.briefings.items()):
        before = old.briefings.get(slug)
        known = {(q.id, q.text) for q in before.quotes} if before is not None else set()
        for quote in briefing.quotes:
            if (quote.id, quote.text) not in known:
                speaker = _speaker(quote.speaker, quote.attribution, new)
                yield AddedQuote(slug, quote.id, quote.text, speaker, _where(briefing, quote.anchor.start))


def _speaker(speaker: str | None, attribution: str | None, corpus: Corpus) -> str:
    if speaker:
        actor = corpus.actors.get(speaker)
        return actor.name if actor else speaker
    return attribution or ""


def _where(briefing: Briefing, offset: int) -> str:
    at = position_at(briefing.article.text, offset)
    return f"{briefing.article.path}:{at.line}:{at.column}"


def _changed_pages(before: Site | None, after: Site) -> tuple[str, ...]:
    if before is None:
        return tuple(after.entries)
    _, state = plan_rebuild(None, before, b"")
    plan, _ = plan_rebuild(state, after, b"")
    return tuple(sorted(plan.pages | (plan.removed & set(state.shows))))


def summary_markdown(diff: RepositoryDiff) -> str:
    """The job summary of a pull request: Markdown, every value written as inline code."""
    lines = ["### What this pull request changes", ""]
    if diff.errors:
        count = len(diff.errors)
        errors = f"{count} error{'s' if count != 1 else ''}"
        return "\n".join(
            [*lines, f"The annotations have {errors}: see the annotations of the changed lines.", ""]
        )
    kinds = (
        ("Briefings", diff.briefings),
        ("Actors", diff.actors),
        ("Stories", diff.stories),
        ("Topics", diff.topics),
    )
    for label, changes in kinds:
        if changes:
            parts = (("added", changes.added), ("changed", changes.changed), ("removed", changes.removed))
            lines.append(f"**{label}:** " + "; ".join(f"{what} {_codes(ids)}" for what, ids in parts if ids))
    if len(lines) == 2:
        lines.append("No annotation changes.")
    if diff.quotes:
        lines += ["", f"**Quotes added ({len(diff.quotes)}), each found verbatim in its article:**", ""]
        lines += [
            f"- {_code(q.text)}, {_code(q.speaker)} in {_code(q.briefing)} at {_code(q.where)}"
            for q in diff.quotes[:MOST_LISTED]
        ]
        if len(diff.quotes) > MOST_LISTED:
            lines.append(f"- and {len(diff.quotes) - MOST_LISTED} more")
    lines += ["", f"**Pages that change:** {len(diff.pages)} of {diff.total_pages}", ""]
    lines += [f"- {_code(uri)}" for uri in diff.pages[:MOST_LISTED]]
    if len(diff.pages) > MOST_LISTED:
        lines.append(f"- and {len(diff.pages) - MOST_LISTED} more")
    return "\n".join(lines) + "\n"


def _codes(ids: Iterable[str]) -> str:
    listed = list(ids)
    shown = ", ".join(_code(i) for i in listed[:MOST_LISTED])
    return shown + (f" and {len(listed) - MOST_LISTED} more" if len(listed) > MOST_LISTED else "")


def _code(text: str) -> str:
    """Text from a pull request as inline code that nothing in it can end (no Markdown, no HTML):
    backticks and line breaks cannot occur inside, and it is clipped to one short line."""
    clean = " ".join(text.replace("`", "'").split())
    clean = clean if len(clean) <= 120 else clean[:117] + "..."
    return f"`{clean}`"
