"""One statement as several briefings report it: the links between quotes, checked, grouped and
suggested.

A quote may say it reports the same statement as a quote of another briefing
(`same_statement: [<briefing>#<quote>]`). A link must name a briefing and one of its quotes, by
the same speaker (or the same attribution), in another briefing. Links group quotes (a link
either way joins them, and groups join through shared quotes): a group is one statement, and the
story page shows each outlet's wording of it side by side.

The validator also suggests links: a warning for a quote whose English translation is close to
that of a quote by the same speaker in another briefing of the same story, not yet linked. Only
quotes of one speaker in one story are compared, so the work grows with the size of those groups,
not with the corpus.

These rules need every briefing's quotes. They read them from each file's summary
(`quote_summary`, kept by the load stage and, for `briefings validate`, in its disk cache), so
that a run that parses only the files an edit touched still checks them all.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from .model import Briefing, Problem
from .suggest import did_you_mean
from .yamlstrict import YamlNode, locate

#: how close two English translations must be (rapidfuzz token-set ratio, 0-100) for a suggestion
SIMILAR = 85
#: translations shorter than this many words are never suggested (too little to tell)
MIN_WORDS = 3
_WORD = re.compile(r"\w+")
ENGLISH = "en"


def quote_key(slug: str, quote_id: str) -> str:
    return f"{slug}#{quote_id}"


# -- what each briefing tells the others -------------------------------------------------------


@dataclass(frozen=True)
class QuoteLinks:
    """A quote as the rules between briefings see it."""

    id: str
    speaker: str  # `speaker:<actor id>` or `attribution:<text>`
    english: str
    at: tuple[int, int]  # line and column of the quote in its file
    links: tuple[tuple[str, int, int], ...]  # (`briefing#quote`, line, column)


@dataclass(frozen=True)
class BriefingQuotes:
    slug: str
    path: str
    story: str | None
    published: str
    quotes: tuple[QuoteLinks, ...]


def quote_summary(tree: YamlNode, data: dict[str, Any]) -> str:
    """The quotes of a schema-valid briefing as JSON (for `load.FileSummary.statements`)."""
    quotes = []
    for index, quote in enumerate(data.get("quotes", ())):
        at = locate(tree, ["quotes", index])
        links = [
            [link, *_position(tree, ["quotes", index, "same_statement", number])]
            for number, link in enumerate(quote.get("same_statement", ()))
        ]
        speaker = (
            f"speaker:{quote['speaker']}"
            if "speaker" in quote
            else f"attribution:{quote.get('attribution', '')}"
        )
        english = quote["translations"].get(ENGLISH, "")
        quotes.append([quote.get("id", f"q{index + 1}"), speaker, english, at.line, at.column, links])
    document = {"story": data.get("story"), "published": data["published"], "quotes": quotes}
    return json.dumps(document, ensure_ascii=False, separators=(",", ":"))


def _position(tree: YamlNode, where: list[str | int]) -> tuple[int, int]:
    at = locate(tree, where)
    return at.line, at.column


def read_summary(slug: str, path: str, text: str) -> BriefingQuotes:
    data = json.loads(text)
    quotes = tuple(
        QuoteLinks(qid, speaker, english, (line, column), tuple((link, ll, lc) for link, ll, lc in links))
        for qid, speaker, english, line, column, links in data["quotes"]
    )
    return BriefingQuotes(slug, path, data["story"], data["published"], quotes)


# -- links -----------------------------------------------------------------------------------------


def check_statements(briefings: Iterable[BriefingQuotes], known: set[str]) -> list[Problem]:
    """Every broken link between the schema-valid briefings, and a suggestion for every likely
    one. A link to a briefing that exists but whose file has errors is not checked (its errors are
    reported on their own)."""
    by_slug: dict[str, BriefingQuotes] = {}
    for briefing in briefings:
        by_slug.setdefault(briefing.slug, briefing)
    problems = [p for briefing in by_slug.values() for p in _check_links(briefing, by_slug, known)]
    return problems + suggestions(by_slug)


def _check_links(
    briefing: BriefingQuotes, by_slug: Mapping[str, BriefingQuotes], known: set[str]
) -> Iterable[Problem]:
    for quote in briefing.quotes:
        for link, line, column in quote.links:
            message = _link_problem(briefing, quote, link, by_slug, known)
            if message:
                yield Problem(briefing.path, line, column, message, "statement")


def _link_problem(
    briefing: BriefingQuotes,
    quote: QuoteLinks,
    link: str,
    by_slug: Mapping[str, BriefingQuotes],
    known: set[str],
) -> str | None:
    slug, _, quote_id = link.partition("#")
    if slug == briefing.slug:
        return "a quote links the same statement in other briefings, not in its own"
    if slug not in known:
        return f"unknown briefing '{slug}'{_did_you_mean(slug, known)} (defined in briefings/)"
    other = by_slug.get(slug)
    if other is None:
        return None
    target = next((q for q in other.quotes if q.id == quote_id), None)
    if target is None:
        return f"briefing '{slug}' has no quote '{quote_id}'{_did_you_mean(quote_id, {q.id for q in other.quotes})}"
    if target.speaker != quote.speaker:
        return (
            f"'{link}' is {_who(target)}, this quote {_who(quote)}: the same statement has the same speaker"
        )
    return None


def _who(quote: QuoteLinks) -> str:
    kind, _, value = quote.speaker.partition(":")
    return f"by '{value}'" if kind == "speaker" else f"attributed to {value!r}"


def _did_you_mean(value: str, options: Iterable[str]) -> str:
    return did_you_mean(value, options)


# -- groups ----------------------------------------------------------------------------------------


def _groups(links: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    """key -> the smallest key of its group, for (key, the keys it links to); links to keys that
    are not among the keys are left out."""
    pairs = [(key, tuple(targets)) for key, targets in links]
    parent = {key: key for key, _ in pairs}

    def root(key: str) -> str:
        while parent[key] != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    for key, targets in pairs:
        for target in targets:
            if target in parent:
                a, b = root(key), root(target)
                parent[max(a, b)] = min(a, b)
    return {key: root(key) for key in parent}


def statement_groups(briefings: Mapping[str, Briefing]) -> dict[str, str]:
    """`briefing#quote` -> the key of its statement (the smallest key of its group), for every
    quote of a validated corpus."""
    return _groups(
        (quote_key(b.slug, q.id), (link.key() for link in q.same_statement))
        for b in briefings.values()
        for q in b.quotes
    )


# -- suggestions -----------------------------------------------------------------------------------


def suggestions(briefings: Mapping[str, BriefingQuotes]) -> list[Problem]:
    """A warning on each quote that is close in English to an unlinked quote of the same speaker
    in an earlier briefing of the same story: the closest one, once."""
    groups = _groups(
        (quote_key(b.slug, q.id), (link for link, _, _ in q.links))
        for b in briefings.values()
        for q in b.quotes
    )
    by_speaker: dict[tuple[str, str], list[tuple[BriefingQuotes, QuoteLinks]]] = defaultdict(list)
    for briefing in sorted(briefings.values(), key=lambda b: (b.published, b.slug)):
        if briefing.story is None:
            continue
        for quote in briefing.quotes:
            if quote.speaker.startswith("speaker:") and len(_WORD.findall(quote.english)) >= MIN_WORDS:
                by_speaker[(briefing.story, quote.speaker)].append((briefing, quote))
    problems = []
    for entries in by_speaker.values():
        if len({b.slug for b, _ in entries}) > 1:
            problems += _suggest(entries, groups)
    return problems


def _suggest(entries: list[tuple[BriefingQuotes, QuoteLinks]], groups: Mapping[str, str]) -> list[Problem]:
    texts = [_plain(q.english) for _, q in entries]
    keys = [quote_key(b.slug, q.id) for b, q in entries]
    problems = []
    for later, (briefing, quote) in enumerate(entries):
        best: tuple[float, int] | None = None
        for earlier in range(later):
            if entries[earlier][0].slug == briefing.slug or groups[keys[earlier]] == groups[keys[later]]:
                continue
            score = fuzz.token_set_ratio(texts[later], texts[earlier], score_cutoff=SIMILAR)
            if score and (best is None or score > best[0]):
                best = (score, earlier)
        if best is not None:
            other = keys[best[1]]
            message = (
                f"quote '{quote.id}' may report the same statement as '{other}' ({best[0]:.0f}% alike in "
                f"English, same speaker, same story); if it does, add same_statement: [{other}]"
            )
            line, column = quote.at
            problems.append(Problem(briefing.path, line, column, message, "statement", "warning"))
    return problems


def _plain(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))
