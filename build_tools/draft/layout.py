"""The article as the draft reads it: language, headline, dateline, and per paragraph its quotes,
its sentences and the registry actors it names."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..model import Actor, ActorKind, Article, Problem, Severity
from ..positions import position_at
from .quotes import find_quotes, mask_quotes, sentences
from .records import Mention, QuoteSpan
from .repository import slugify
from .words import states, words

_DATELINE = re.compile(
    r"^\s*(?P<place>[A-Z][A-Z .'\u2019-]*[A-Z])(?:\s*\((?P<agency>[^)]{1,40})\))?"
    r"(?:\s*,\s*(?P<outlet>[\w-]+(?:\.[\w-]+)+))?\s*(?:\|\||[-\u2013\u2014:])\s+"
)
_HEADLINE_WORDS = 20


@lru_cache(maxsize=1)
def _identifier():  # type: ignore[no-untyped-def]  # py3langid has no type hints to name its class
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str, list[tuple[str, float]]]:
    """The article's language (ISO 639-1 code) and the best candidates with probabilities."""
    ranked = [(code, float(p)) for code, p in _identifier().rank(text)[:3]]
    return ranked[0][0], ranked


def split_dateline(paragraph: str) -> tuple[int, str | None]:
    """Length of a leading dateline ("AMERIKA SERIKAT, informasiterpercaya.com || ") and the
    outlet it names, if any."""
    match = _DATELINE.match(paragraph)
    if not match or len(re.sub(r"[^A-Z]", "", match.group("place"))) < 2:
        return 0, None
    return match.end(), match.group("outlet")


def dateline_mark(paragraph: str) -> tuple[str, str] | None:
    """The name a leading dateline gives (its outlet, or the agency in brackets) and what it
    writes after the place: ("informasiterpercaya.com", "informasiterpercaya.com ||") for
    "AMERIKA SERIKAT, informasiterpercaya.com || ...", ("ANTARA", "(ANTARA) -") for
    "JAKARTA (ANTARA) - ..."; None when the dateline names neither."""
    match = _DATELINE.match(paragraph)
    if not match or not split_dateline(paragraph)[0]:
        return None
    group = "outlet" if match.group("outlet") else "agency" if match.group("agency") else None
    if group is None:
        return None
    start = match.start(group) - (1 if group == "agency" else 0)  # the agency's opening bracket
    return match.group(group).strip(), paragraph[start : match.end()].strip()


def is_headline(paragraphs: tuple[str, ...]) -> bool:
    """Whether the first line is the article's headline: short, not a sentence, no dateline, and
    followed by the paragraph with the dateline or written in title case."""
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0].strip()
    words_ = first.split()
    if len(words_) > _HEADLINE_WORDS or first[-1:] in '.!?"\u201d' or split_dateline(first)[0]:
        return False
    capitalised = sum(w[:1].isupper() or not w[:1].isalpha() for w in words_)
    return bool(split_dateline(paragraphs[1])[0]) or capitalised >= 0.7 * len(words_)


def is_locative(text: str, start: int) -> bool:
    """Whether the name at `start` follows a preposition of place ("di Manila"), or continues a
    place named after one ("di Vilnius, Lithuania")."""
    before = text[max(0, start - 60) : start]
    locatives = "|".join(re.escape(w) for w in words().locatives)
    if re.search(rf"(?:^|\s)(?:{locatives})\s+$", before, re.IGNORECASE):
        return True
    return bool(re.search(rf"(?:^|\s)(?:{locatives})\s+[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)*,\s*$", before))


@dataclass(frozen=True)
class Layout:
    """One article, read: offsets are code points into `article.text`."""

    relative: str
    article: Article
    paragraphs: tuple[str, ...]
    offsets: tuple[int, ...]
    headline: bool  # the first paragraph is the headline
    dateline: tuple[int, int]  # absolute span of the dateline, (0, 0) when there is none
    outlet: str | None
    quote_spans: tuple[tuple[QuoteSpan, ...], ...]
    masked: tuple[str, ...]  # each paragraph with the inside of its quotes blanked out
    sentence_spans: tuple[tuple[tuple[int, int], ...], ...]  # per paragraph, relative to it
    mentions: tuple[Mention, ...]

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def lead(self) -> int:
        """The index of the first paragraph of the body (after the headline, if any)."""
        return 1 if self.headline else 0

    def line_of(self, offset: int) -> int:
        return position_at(self.text, offset).line

    def problem(self, offset: int, message: str, severity: Severity = "warning") -> Problem:
        where = position_at(self.text, offset)
        return Problem(self.relative, where.line, where.column, message, "draft", severity)

    def sentence_at(self, offset: int) -> tuple[int, int]:
        """Absolute span of the sentence holding `offset`."""
        for index, start in enumerate(self.offsets):
            end = start + len(self.paragraphs[index])
            if start <= offset <= end:
                for s, e in self.sentence_spans[index]:
                    if s <= offset - start <= e:
                        return start + s, start + e
                return start, end
        return offset, offset

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]


def read_layout(relative: str, article: Article, registry: dict[str, Actor]) -> Layout:
    paragraphs = tuple(article.paragraph_texts())
    offsets = tuple(p.start for p in article.paragraphs)
    headline = is_headline(paragraphs)
    lead = 1 if headline else 0
    dateline_end, outlet = split_dateline(paragraphs[lead]) if paragraphs else (0, None)
    dateline = (offsets[lead], offsets[lead] + dateline_end) if paragraphs else (0, 0)
    quote_spans = tuple(tuple(find_quotes(paragraph)) for paragraph in paragraphs)
    masked = tuple(mask_quotes(p, list(q)) for p, q in zip(paragraphs, quote_spans, strict=True))
    return Layout(
        relative=relative,
        article=article,
        paragraphs=paragraphs,
        offsets=offsets,
        headline=headline,
        dateline=dateline,
        outlet=outlet,
        quote_spans=quote_spans,
        masked=masked,
        sentence_spans=tuple(tuple(sentences(m)) for m in masked),
        mentions=tuple(find_mentions(article.text, registry, dateline)),
    )


def _word_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w]){re.escape(name)}(?![\w])")


def find_mentions(text: str, registry: dict[str, Actor], dateline: tuple[int, int]) -> list[Mention]:
    """Every registry name and alias in the text, on word boundaries, outside the dateline; then
    parts of a registry person's name after the full name, and the other names the list of states
    gives a registry state."""
    found: list[Mention] = []
    for actor in registry.values():
        for name in dict.fromkeys((actor.name, *actor.aliases)):
            for match in _word_pattern(name).finditer(text):
                if dateline[0] <= match.start() < dateline[1]:
                    continue  # "AMERIKA SERIKAT, outlet ||" is where it was written, not an actor
                found.append(
                    Mention(match.start(), match.end(), actor.id, name, actor.kind is ActorKind.PERSON)
                )
    used = Occupied(0, len(text))
    for mention in found:
        used.cells[mention.start : mention.end] = b"\x01" * (mention.end - mention.start)
    found += _partial_names(text, registry, found, used)
    found += _listed_states(text, registry, used, dateline)
    return sorted(found, key=lambda m: (m.start, -m.end))


class Occupied:
    """Which characters of start:end a token already covers (linear, whatever the number of tokens)."""

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.cells = bytearray(max(0, end - start))

    def take(self, start: int, end: int) -> bool:
        """Cover start:end if none of it is covered yet; whether it was free."""
        lo, hi = start - self.start, end - self.start
        if any(self.cells[lo:hi]):
            return False
        self.cells[lo:hi] = b"\x01" * (hi - lo)
        return True


def _partial_names(
    text: str, registry: dict[str, Actor], found: list[Mention], used: Occupied
) -> list[Mention]:
    """A word of a registry person's name standing alone ("Mao" after "Mao Ning": no capitalised
    word right before or after it), after the first mention of that person."""
    w = words()
    skip = w.title_words | w.office_words | w.common_words
    partial: list[Mention] = []
    for actor in registry.values():
        first = min((m.start for m in found if m.actor == actor.id), default=None)
        if actor.kind is not ActorKind.PERSON or first is None:
            continue
        for part in dict.fromkeys(actor.name.split()):
            if len(part) < 3 or not part[:1].isupper() or part.lower() in skip:
                continue
            for match in _word_pattern(part).finditer(text, first):
                start, end = match.span()
                if _standalone(text, start, end) and used.take(start, end):
                    partial.append(Mention(start, end, actor.id, part, True))
    return partial


def _standalone(text: str, start: int, end: int) -> bool:
    """Whether the word at start:end has no capitalised word right before or after it."""
    before = re.search(r"([\w'-]+) +$", text[max(0, start - 60) : start])
    after = re.match(r" +([\w'-]+)", text[end : end + 60])
    return not (before and before.group(1)[:1].isupper()) and not (after and after.group(1)[:1].isupper())


def _listed_states(
    text: str, registry: dict[str, Actor], used: Occupied, dateline: tuple[int, int]
) -> list[Mention]:
    """Names of a registry state that only the list of states knows ("Tiongkok" for China)."""
    listed: list[Mention] = []
    for state in states():
        actor = registry.get(slugify(state.name))
        if actor is None or actor.kind is not ActorKind.STATE:
            continue
        known = {actor.name, *actor.aliases}
        names = [n for n in (state.name, *state.aliases) if n not in known]
        capitals = [c for c in state.capitals if c not in known]
        for name in sorted(names + capitals, key=len, reverse=True):
            for match in _word_pattern(name).finditer(text):
                if dateline[0] <= match.start() < dateline[1]:
                    continue
                if name in capitals and is_locative(text, match.start()):
                    continue
                if used.take(match.start(), match.end()):
                    listed.append(Mention(match.start(), match.end(), actor.id, name, False, listed=True))
    return listed
